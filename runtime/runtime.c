/* runtime.c: migrations applied to an embedded SQLite database file.
 *
 * `migc upgrade|downgrade|stamp TARGET --db FILE` and `migc current --db
 * FILE` run the very SQL that `migc compile` writes for SQLite, one
 * migration at a time, each in its transaction: what is applied here is
 * what a DBA would review.  The statements run one by one: a row from
 * PRAGMA foreign_key_check is a violation after a table rebuild, rows of
 * any other statement (an execute block's SELECT) are read and dropped,
 * and a failing statement is traced to the operation it was compiled from
 * by the `-- line N:` comment before it.  The migration is then rolled
 * back. */
#include "runtime.h"

#include <sqlite3.h>
#include <string.h>

#include "compile.h"

/* ============================================================ the database */

bool db_open(Session *s, Db *db, const char *path, bool create)
{
    db->s = s;
    db->path = path;
    int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
        Diag *d = diag_error(&s->diags, NO_SPAN, "database", "cannot open %s: %s", path,
                             db->h ? sqlite3_errmsg(db->h) : "out of memory");
        diag_help(&s->diags, d, "check the path; upgrade creates the file when it is missing");
        sqlite3_close(db->h);
        db->h = NULL;
        return false;
    }
    sqlite3_extended_result_codes(db->h, 1);
    return true;
}

void db_close(Db *db)
{
    sqlite3_close(db->h);
    db->h = NULL;
}

/* The first byte of SQL text that is neither space nor a `--` comment. */
static const char *past_comments(const char *t)
{
    while (t && *t) {
        if (*t == ' ' || *t == '\n' || *t == '\t' || *t == '\r')
            t++;
        else if (t[0] == '-' && t[1] == '-')
            t += strcspn(t, "\n");
        else
            break;
    }
    return t;
}

/* Whether a statement asks for the foreign key violations (its text may
 * begin with the comments before it). */
static bool is_foreign_key_check(sqlite3_stmt *st)
{
    const char *t = past_comments(sqlite3_sql(st));
    return t && strncmp(t, "PRAGMA foreign_key_check", 24) == 0;
}

/* Steps one statement to its end; a first violation goes to `violation`. */
static int run_statement(sqlite3_stmt *st, Buf *violation)
{
    bool check = is_foreign_key_check(st);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!check)
            continue;
        const char *table = (const char *)sqlite3_column_text(st, 0), *row = (const char *)sqlite3_column_text(st, 1),
                   *parent = (const char *)sqlite3_column_text(st, 2);
        buf_printf(violation, "row %s of %s references a row %s does not have", row ? row : "?", table ? table : "?",
                   parent ? parent : "?");
        return SQLITE_CONSTRAINT_FOREIGNKEY;
    }
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The operation of `m` whose SQL reaches `end` in `sql`: the last
 * "-- line N:" (or "-- undo of line N:") comment before `end` names its
 * line. */
static Span statement_origin(const Session *s, const Migration *m, const char *sql, const char *end)
{
    if (!m)
        return NO_SPAN;
    unsigned line = 0;
    for (const char *c = sql; c && c < end; c = strchr(c + 1, '\n')) {
        const char *l = *c == '\n' ? c + 1 : c;
        if (sscanf(l, "-- line %u:", &line) != 1)
            sscanf(l, "-- undo of line %u:", &line);
    }
    const OpList *lists[] = {&m->ops, &m->downgrade};
    for (size_t k = 0; line && k < 2; k++)
        for (uint32_t i = 0; i < lists[k]->len; i++) {
            const Op *op = lists[k]->items[i];
            if (source_linecol(&s->sources, m->file, op->kw_span.byte_off).line == line)
                return op->kw_span;
        }
    return NO_SPAN;
}

bool db_exec(Db *db, const char *sql, const char *what, const Migration *m)
{
    Buf violation;
    buf_init(&violation, &db->s->arena);
    const char *next = sql, *failed_at = sql;
    int rc = SQLITE_OK;
    while (rc == SQLITE_OK && next && *next) {
        sqlite3_stmt *st = NULL;
        const char *start = next;
        rc = sqlite3_prepare_v2(db->h, start, -1, &st, &next);
        if (rc == SQLITE_OK && st)
            rc = run_statement(st, &violation);
        sqlite3_finalize(st);
        /* the statement's own first byte: its `-- line N:` comment is before it */
        failed_at = past_comments(start) + 1;
    }
    if (rc == SQLITE_OK)
        return true;
    Session *s = db->s;
    Diag *d;
    if (violation.len)
        d = diag_error(&s->diags, NO_SPAN, "database", "%s: a foreign key no longer holds after the table rebuilds: %s",
                       what, violation.data);
    else
        d = diag_error(&s->diags, statement_origin(s, m, sql, failed_at), "database", "%s: SQLite says: %s", what,
                       sqlite3_errmsg(db->h));
    if (strcmp(db->path, ":memory:") == 0) /* verify: the database goes with the run */
        diag_help(&s->diags, d, "verify stops at the first failure: this SQL must run on SQLite as compiled");
    else
        diag_help(&s->diags, d, "the migration was rolled back; the database is as it was before it");
    return false;
}

/* Current heads: the rows of the version table (none when it is missing). */
bool read_heads(Db *db, const char *table, Graph *g, RevSet *heads)
{
    Session *s = db->s;
    *heads = (RevSet){0};
    Buf sql;
    buf_init(&sql, &s->arena);
    buf_puts(&sql, "SELECT version_num FROM ");
    dialect_sqlite.quote_ident(&sql, table);
    buf_puts(&sql, " ORDER BY version_num");
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->h, sql.data, -1, &st, NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        return true; /* no version table yet: base */
    }
    PtrVec found = {0};
    bool ok = true;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *id = (const char *)sqlite3_column_text(st, 0);
        Revision *r = id ? namemap_get(&g->by_id, intern_cstr(&s->names, id)) : NULL;
        if (!r) {
            Diag *d = diag_error(&s->diags, NO_SPAN, "database", "%s is at revision %s, which no migration defines",
                                 db->path, id ? id : "NULL");
            diag_help(&s->diags, d, "run migc in the project that made this database, or stamp it");
            ok = false;
            continue;
        }
        ptrvec_push(&s->arena, &found, r);
    }
    sqlite3_finalize(st);
    *heads = (RevSet){(Revision **)found.items, found.len};
    return ok;
}

/* ============================================================== commands */

static RevList concat(Arena *a, RevList x, RevList y)
{
    RevList l = {ARENA_ARRAY(a, Revision *, x.len + y.len + 1), 0};
    for (uint32_t i = 0; i < x.len; i++)
        l.items[l.len++] = x.items[i];
    for (uint32_t i = 0; i < y.len; i++)
        l.items[l.len++] = y.items[i];
    return l;
}

/* Applies each revision of `path` as its own bundle: the per-revision
 * file `compile` writes for SQLite. */
static bool apply_path(Db *db, Graph *g, RevSql **sql, RevList path, RevSet from, Direction dir)
{
    Session *s = db->s;
    RevSet at = from;
    for (uint32_t i = 0; i < path.len; i++) {
        Revision *r = path.items[i];
        Buf text;
        buf_init(&text, &s->arena);
        BundleSpec spec = {&dialect_sqlite, s->config.version_table, dir, {&path.items[i], 1}, at, "", true};
        bundle_write(&text, g, sql, &spec, NULL);
        const char *what = arena_printf(&s->arena, "%s %s (%s)", dir == DIR_UP ? "upgrade to" : "downgrade of",
                                        r->id, r->mig->path);
        if (!db_exec(db, text.data, what, r->mig)) {
            db_exec(db, "ROLLBACK", "rollback", NULL);
            db_exec(db, "PRAGMA foreign_keys=ON", "restore foreign keys", NULL);
            return false;
        }
        fprintf(s->out, "%s %s: %s\n", dir == DIR_UP ? "upgraded" : "downgraded", r->id,
                r->mig->message ? r->mig->message : "");
        /* the heads after this step, for the next step's version update */
        RevSet next = {0};
        read_heads(db, s->config.version_table, g, &next);
        at = next;
    }
    return true;
}

static int move(Session *s, Db *db, Graph *g, const char *target, Direction dir)
{
    RevSet from, to;
    if (!read_heads(db, s->config.version_table, g, &from) ||
        !graph_resolve(g, &s->names, target, &from, &to, &s->diags))
        return finish(s);
    RevList path = dir == DIR_UP ? graph_upgrade_path(g, &from, &to) : graph_downgrade_path(g, &from, &to);
    if (path.len == 0) {
        fprintf(s->out, "%s is already at %s\n", db->path, revset_describe(&s->arena, &from));
        return finish(s);
    }
    /* replay the model to the state the first step starts from, then the path */
    RevList forward = path;
    if (dir == DIR_DOWN) {
        forward.items = ARENA_ARRAY(&s->arena, Revision *, path.len + 1);
        for (uint32_t i = 0; i < path.len; i++)
            forward.items[i] = path.items[path.len - 1 - i];
    }
    RevList seq = concat(&s->arena, graph_upgrade_path(g, &(RevSet){0}, dir == DIR_UP ? &from : &to), forward);
    uint8_t *emit = arena_alloc(&s->arena, g->revs.len + 1);
    for (uint32_t i = 0; i < path.len; i++)
        emit[path.items[i]->order] = 1;
    RevSql **sql = compile_sql(s, g, seq, emit, DIALECT_MASK_SQLITE, NULL);
    if (sql)
        apply_path(db, g, sql, path, from, dir);
    return finish(s);
}

static int stamp(Session *s, Db *db, Graph *g, const char *target)
{
    RevSet from, to;
    if (!read_heads(db, s->config.version_table, g, &from) ||
        !graph_resolve(g, &s->names, target, &from, &to, &s->diags))
        return finish(s);
    Buf text;
    buf_init(&text, &s->arena);
    BundleSpec spec = {&dialect_sqlite, s->config.version_table, DIR_UP, {0}, from, "", true};
    bundle_stamp(&text, g, &spec, &to);
    const char *sql = arena_printf(&s->arena, "BEGIN;\n%s\nCOMMIT;", text.data);
    if (db_exec(db, sql, "stamp", NULL))
        fprintf(s->out, "stamped %s at %s\n", db->path, revset_describe(&s->arena, &to));
    else
        db_exec(db, "ROLLBACK", "rollback", NULL);
    return finish(s);
}

int runtime_command(Session *s, const char *command, const char *target, const char *db_path)
{
    Project p = {0};
    Graph g;
    Db db;
    if (!load_graph(s, &p, &g) || !db_open(s, &db, db_path, strcmp(command, "upgrade") == 0 || strcmp(command, "stamp") == 0))
        return finish(s);
    int code;
    if (strcmp(command, "stamp") == 0)
        code = stamp(s, &db, &g, target);
    else
        code = move(s, &db, &g, target, strcmp(command, "upgrade") == 0 ? DIR_UP : DIR_DOWN);
    db_close(&db);
    return code;
}

int cmd_current(Session *s, Args *a)
{
    const char *path = NULL;
    int status = 0;
    while (!args_done(a)) {
        if (args_option(a, "--db", NULL, &path, &status) || args_version_table(s, a, &status))
            continue;
        return status ? status : usage_error(s, a, "unexpected argument '%s'", args_peek(a));
    }
    if (!path)
        return usage_error(s, a, "which database? --db FILE");
    Project p = {0};
    Graph g;
    Db db;
    if (!load_graph(s, &p, &g) || !db_open(s, &db, path, false))
        return finish(s);
    RevSet heads;
    if (read_heads(&db, s->config.version_table, &g, &heads)) {
        if (heads.len == 0)
            fprintf(s->out, "base (no migration applied)\n");
        for (uint32_t i = 0; i < heads.len; i++)
            fprintf(s->out, "%s%s\n", heads.items[i]->id, heads.items[i]->children.len ? "" : " (head)");
    }
    db_close(&db);
    return finish(s);
}
