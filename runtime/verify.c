/* verify.c: `migc verify`: every migration's round trip on SQLite, in
 * memory, with no server.  For each migration in replay order: upgrade,
 * downgrade, compare the schema with the one before, upgrade again and
 * compare with the first upgrade.  The first difference is reported with
 * the migration's file. */
#include <sqlite3.h>
#include <string.h>

#include "compile.h"
#include "runtime.h"

/* Every table and index SQLite keeps, with the CREATE text it keeps for
 * it, grouped by table. */
static const char *schema_rows = "SELECT tbl_name, type, name, coalesce(sql, '') FROM sqlite_schema "
                                 "WHERE name NOT LIKE 'sqlite_%' ORDER BY tbl_name, type DESC, name";

static void append_rows(Db *db, Buf *out, const char *sql, const char *prefix)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        return;
    }
    int n = sqlite3_column_count(st);
    while (sqlite3_step(st) == SQLITE_ROW) {
        buf_puts(out, prefix);
        for (int i = 0; i < n; i++) {
            const unsigned char *v = sqlite3_column_text(st, i);
            buf_printf(out, "%s%s", i ? " | " : " ", v ? (const char *)v : "NULL");
        }
        buf_putc(out, '\n');
    }
    sqlite3_finalize(st);
}

/* One table in canonical text: its columns sorted by name (a re-added
 * column lands at the end, which is no difference), indexes and foreign
 * keys. */
static const char *table_snapshot(Db *db, const char *t)
{
    Arena *a = &db->s->arena;
    Buf out, q;
    buf_init(&out, a);
    buf_init(&q, a);
    literal_standard(&q, t);
    buf_printf(&out, "table %s\n", t);
    append_rows(db, &out,
                arena_printf(a, "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_xinfo(%s) "
                                "ORDER BY name", q.data),
                "  column");
    append_rows(db, &out,
                arena_printf(a, "SELECT il.name, il.\"unique\", il.partial, group_concat(ii.name, ',') "
                                "FROM pragma_index_list(%s) il, pragma_index_info(il.name) ii "
                                "WHERE il.origin = 'c' GROUP BY il.name ORDER BY il.name", q.data),
                "  index");
    append_rows(db, &out,
                arena_printf(a, "SELECT \"table\", group_concat(\"from\", ','), group_concat(\"to\", ','), "
                                "on_update, on_delete FROM pragma_foreign_key_list(%s) GROUP BY id "
                                "ORDER BY 1, 2", q.data),
                "  foreign key");
    append_rows(db, &out, arena_printf(a, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = %s "
                                          "AND sql LIKE '%%CHECK%%'", q.data),
                "  has checks");
    return out.data;
}

/* A table's snapshot depends only on the CREATE texts SQLite keeps for it
 * and its indexes: a snapshot is recomputed only when those changed, so a
 * migration costs what it touches, not the size of the schema. */
typedef struct Shots {
    NameMap keys;   /* table -> the CREATE texts it was taken for */
    NameMap shots;  /* table -> its snapshot */
    Interner names; /* the maps' keys */
} Shots;

static const char *cached_snapshot(Db *db, Shots *c, const char *table, const char *key)
{
    const char *name = intern_cstr(&c->names, table);
    const char *had = namemap_get(&c->keys, name);
    if (had && strcmp(had, key) == 0)
        return namemap_get(&c->shots, name);
    const char *shot = table_snapshot(db, table);
    namemap_put(&db->s->arena, &c->keys, name, (void *)key);
    namemap_put(&db->s->arena, &c->shots, name, (void *)shot);
    return shot;
}

static void add_table(Db *db, Shots *c, Buf *out, const char *table, Buf *key, const char *version_table)
{
    if (table && strcmp(table, version_table) != 0)
        buf_puts(out, cached_snapshot(db, c, table, arena_strdup(&db->s->arena, buf_cstr(key))));
    buf_truncate(key, 0);
}

/* The schema in canonical text, tables sorted by name. */
static const char *snapshot(Db *db, Shots *c, const char *version_table)
{
    Arena *a = &db->s->arena;
    Buf out, key;
    buf_init(&out, a);
    buf_init(&key, a);
    sqlite3_stmt *st = NULL;
    sqlite3_prepare_v2(db->h, schema_rows, -1, &st, NULL);
    const char *table = NULL;
    while (st && sqlite3_step(st) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        if (!table || strcmp(t, table) != 0) {
            add_table(db, c, &out, table, &key, version_table);
            table = arena_strdup(a, t);
        }
        buf_printf(&key, "%s %s %s;", sqlite3_column_text(st, 1), sqlite3_column_text(st, 2),
                   sqlite3_column_text(st, 3));
    }
    sqlite3_finalize(st);
    add_table(db, c, &out, table, &key, version_table);
    return out.data ? out.data : "";
}

/* The first line where two snapshots differ, for the report, with the
 * table it belongs to when it is a line inside one. */
static const char *first_difference(Arena *a, const char *want, const char *got)
{
    const char *table = NULL;
    int table_len = 0;
    while (*want && *got) {
        const char *we = strchr(want, '\n'), *ge = strchr(got, '\n');
        size_t wl = we ? (size_t)(we - want) : strlen(want), gl = ge ? (size_t)(ge - got) : strlen(got);
        if (wl != gl || memcmp(want, got, wl) != 0) {
            bool inside = table && want[0] == ' ' && got[0] == ' ';
            return arena_printf(a, "%s%.*s%sexpected \"%.*s\", found \"%.*s\"", inside ? "in " : "",
                                inside ? table_len : 0, inside ? table : "", inside ? ", " : "", (int)wl, want,
                                (int)gl, got);
        }
        if (strncmp(want, "table ", 6) == 0) {
            table = want;
            table_len = (int)wl;
        }
        want += wl + (we ? 1 : 0);
        got += gl + (ge ? 1 : 0);
    }
    if (*want)
        return arena_printf(a, "expected \"%.*s\", found nothing", (int)strcspn(want, "\n"), want);
    return arena_printf(a, "found \"%.*s\" that should not be there", (int)strcspn(got, "\n"), got);
}

/* One step from the heads the version table holds now: with branches
 * and depends_on, more than r's parents (or r) are heads. */
static bool run_one(Db *db, Graph *g, RevSql **sql, Revision *r, Direction dir)
{
    Buf text;
    buf_init(&text, &db->s->arena);
    RevSet heads;
    if (!read_heads(db, db->s->config.version_table, g, &heads))
        return false;
    BundleSpec spec = {&dialect_sqlite, db->s->config.version_table, dir, {&r, 1}, heads, "", true};
    bundle_write(&text, g, sql, &spec, NULL);
    const char *what = arena_printf(&db->s->arena, "%s of %s (%s)", dir == DIR_UP ? "upgrade" : "downgrade", r->id,
                                    r->mig->path);
    return db_exec(db, text.data, what, r->mig);
}

static bool has_execute(const Migration *m)
{
    for (uint32_t i = 0; i < m->ops.len; i++)
        if (m->ops.items[i]->kind == OPK_EXECUTE)
            return true;
    return false;
}

static void mismatch(Session *s, Revision *r, const char *what, const char *diff)
{
    Diag *d = diag_error(&s->diags, r->mig->revision.span, "verify", "%s %s: %s", what, r->id, diff);
    if (has_execute(r->mig))
        diag_help(&s->diags, d, "migc cannot see into execute blocks: check that each reverse undoes its SQL");
    else
        diag_help(&s->diags, d, "the SQL migc compiles for SQLite does not round-trip this migration; please report "
                                "it");
}

/* `*state` is the schema before the migration, and after it on return. */
static bool verify_revision(Db *db, Shots *c, Graph *g, RevSql **sql, Revision *r, const char **state)
{
    Session *s = db->s;
    const char *vt = s->config.version_table;
    const char *before = *state;
    if (!run_one(db, g, sql, r, DIR_UP))
        return false;
    const char *upgraded = snapshot(db, c, vt);
    if (!run_one(db, g, sql, r, DIR_DOWN))
        return false;
    const char *restored = snapshot(db, c, vt);
    if (strcmp(before, restored) != 0) {
        mismatch(s, r, "the downgrade of", first_difference(&s->arena, before, restored));
        return false;
    }
    if (!run_one(db, g, sql, r, DIR_UP))
        return false;
    const char *again = snapshot(db, c, vt);
    if (strcmp(upgraded, again) != 0) {
        mismatch(s, r, "upgrading again to", first_difference(&s->arena, upgraded, again));
        return false;
    }
    *state = again;
    return true;
}

int cmd_verify(Session *s, Args *a)
{
    if (!args_done(a))
        return usage_error(s, a, "unexpected argument '%s'", args_peek(a));
    Project p = {0};
    Graph g;
    Db db;
    if (!load_graph(s, &p, &g))
        return finish(s);
    RevSql **sql = compile_sql(s, &g, g.revs, NULL, DIALECT_MASK_SQLITE, NULL);
    if (!sql || !db_open(s, &db, ":memory:", true))
        return finish(s);
    db_exec(&db, "PRAGMA foreign_keys=ON", "enable foreign keys", NULL);
    uint32_t done = 0;
    Shots shots = {0};
    interner_init(&shots.names, &s->arena);
    const char *state = snapshot(&db, &shots, s->config.version_table);
    for (uint32_t i = 0; i < g.revs.len && s->diags.n_errors == 0; i++)
        done += verify_revision(&db, &shots, &g, sql, g.revs.items[i], &state);
    db_close(&db);
    int code = finish(s);
    if (code == EXIT_OK)
        fprintf(s->out, "verified %u migration%s on SQLite: each upgrade, downgrade and upgrade again restores the "
                        "schema\n", done, done == 1 ? "" : "s");
    return code;
}
