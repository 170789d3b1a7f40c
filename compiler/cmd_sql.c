/* cmd_sql.c: offline SQL to stdout, as `alembic upgrade --sql` gives it:
 * `upgrade [FROM:]TO --sql`, `downgrade FROM:TO --sql`, `stamp [FROM:]TO --sql`.
 * (The same commands with --db FILE run on an embedded SQLite database;
 * see runtime/.) */
#include <string.h>

#include "cli.h"
#include "compile.h"
#include "lint.h"
#include "runtime.h"

typedef struct SqlArgs {
    const char *range;
    const char *dialect;
    const char *db;
    bool sql;
} SqlArgs;

static int parse_sql_args(Session *s, Args *a, SqlArgs *out)
{
    int status = 0;
    while (!args_done(a)) {
        if (args_flag(a, "--sql", NULL)) {
            out->sql = true;
            continue;
        }
        if (args_option(a, "--dialect", "-d", &out->dialect, &status) || args_option(a, "--db", NULL, &out->db, &status) ||
            args_version_table(s, a, &status))
            continue;
        if (status)
            return status;
        const char *w = args_take(a);
        if (w[0] == '-' && w[1] != '\0' && !(w[1] >= '0' && w[1] <= '9'))
            return usage_error(s, a, "unknown option '%s'", w);
        if (out->range)
            return usage_error(s, a, "unexpected argument '%s'", w);
        out->range = w;
    }
    if (!out->range)
        return usage_error(s, a, "which target? e.g. head, heads, base, an id, FROM:TO");
    return 0;
}

/* Offline output has no database to ask where it stands, so a range's
 * start is explicit (base when only an end is given). */
static bool resolve_range(Session *s, Graph *g, const char *range, bool need_from, RevSet *from, RevSet *to)
{
    const char *colon = strchr(range, ':');
    if (!colon && need_from) {
        Diag *d = diag_error(&s->diags, NO_SPAN, "usage", "offline downgrade needs a range FROM:TO, got '%s'", range);
        diag_help(&s->diags, d, "e.g. migc downgrade head:base --sql, or head:-1 for one step");
        return false;
    }
    const char *f = colon ? arena_strndup(&s->arena, range, (size_t)(colon - range)) : "base";
    const char *t = colon ? colon + 1 : range;
    if (!*f)
        f = "base";
    if (!*t)
        t = "heads";
    return graph_resolve(g, &s->names, f, NULL, from, &s->diags) &&
           graph_resolve(g, &s->names, t, from, to, &s->diags);
}

static const Dialect *pick_dialect(Session *s, Args *a, const char *name, int *status)
{
    if (name) {
        const Dialect *d = dialect_by_name(name);
        if (!d)
            *status = usage_error(s, a, "unknown dialect '%s' (postgresql, sqlite or mysql)", name);
        return d;
    }
    for (int i = 0; i < DIALECT__COUNT; i++)
        if (s->config.dialects == dialect_by_id((DialectId)i)->mask)
            return dialect_by_id((DialectId)i);
    *status = usage_error(s, a, "say which dialect: --dialect postgresql|sqlite|mysql");
    return NULL;
}

static RevList concat_lists(Arena *a, RevList x, RevList y)
{
    RevList l = {ARENA_ARRAY(a, Revision *, x.len + y.len + 1), 0};
    for (uint32_t i = 0; i < x.len; i++)
        l.items[l.len++] = x.items[i];
    for (uint32_t i = 0; i < y.len; i++)
        l.items[l.len++] = y.items[i];
    return l;
}

static uint8_t *mask_of(Arena *a, const Graph *g, RevList l)
{
    uint8_t *m = arena_alloc(a, g->revs.len + 1);
    for (uint32_t i = 0; i < l.len; i++)
        m[l.items[i]->order] = 1;
    return m;
}

static RevList reversed(Arena *a, RevList l)
{
    RevList r = {ARENA_ARRAY(a, Revision *, l.len + 1), l.len};
    for (uint32_t i = 0; i < l.len; i++)
        r.items[i] = l.items[l.len - 1 - i];
    return r;
}

/* The model before the first revision of `path` is that of `base`: the
 * replay runs base's ancestors first, then the path, emitting only it. */
static RevSql **sql_for_path(Session *s, Graph *g, const RevSet *base, RevList path, const Dialect *d)
{
    RevList seq = concat_lists(&s->arena, graph_upgrade_path(g, &(RevSet){0}, base), path);
    Linter linter;
    linter_init(&linter, &s->arena, &s->diags, &s->config);
    linter.dialects = d->mask; /* findings about the other dialects are noise here */
    RevSql **sql = compile_sql(s, g, seq, mask_of(&s->arena, g, path), d->mask, &linter);
    linter_free(&linter);
    return sql;
}

static bool same_revisions(const RevSet *x, const RevSet *y)
{
    if (x->len != y->len)
        return false;
    for (uint32_t i = 0; i < x->len; i++) {
        bool found = false;
        for (uint32_t k = 0; k < y->len && !found; k++)
            found = x->items[i] == y->items[k];
        if (!found)
            return false;
    }
    return true;
}

/* A range that leads nowhere in the command's direction (head:base for an
 * upgrade) is a mistake, not an empty bundle. */
static bool range_goes_that_way(Session *s, const RevSet *from, const RevSet *to, RevList path, Direction dir)
{
    if (path.len || same_revisions(from, to))
        return true;
    const char *f = revset_describe(&s->arena, from), *t = revset_describe(&s->arena, to);
    Diag *d = diag_error(&s->diags, NO_SPAN, "usage", "nothing to %s from %s to %s: %s is not %s %s",
                         dir == DIR_UP ? "upgrade" : "downgrade", f, t, t, dir == DIR_UP ? "above" : "below", f);
    diag_help(&s->diags, d, "to go the other way: migc %s %s:%s --sql", dir == DIR_UP ? "downgrade" : "upgrade", f, t);
    return false;
}

static int run_offline(Session *s, Args *a, Direction dir)
{
    SqlArgs sa = {0};
    int status = parse_sql_args(s, a, &sa);
    if (status)
        return status;
    if (sa.db && sa.sql)
        return usage_error(s, a, "give --sql for offline SQL or --db FILE to apply it, not both");
    if (sa.db)
        return runtime_command(s, dir == DIR_UP ? "upgrade" : "downgrade", sa.range, sa.db);
    if (!sa.sql)
        return usage_error(s, a, "give --sql for offline SQL, or --db FILE to apply to a SQLite database");
    if (sa.dialect && !pick_dialect(s, a, sa.dialect, &status))
        return status;
    Project p = {0};
    Graph g;
    RevSet from, to;
    Buf out;
    buf_init(&out, &s->arena);
    if (!load_graph(s, &p, &g))
        return finish(s);
    const Dialect *d = pick_dialect(s, a, sa.dialect, &status); /* with migc.ini's dialects */
    if (!d)
        return status;
    if (resolve_range(s, &g, sa.range, dir == DIR_DOWN, &from, &to)) {
        RevList path = dir == DIR_UP ? graph_upgrade_path(&g, &from, &to) : graph_downgrade_path(&g, &from, &to);
        RevList forward = dir == DIR_UP ? path : reversed(&s->arena, path);
        RevSql **sql = range_goes_that_way(s, &from, &to, path, dir)
                           ? sql_for_path(s, &g, dir == DIR_UP ? &from : &to, forward, d)
                           : NULL;
        const char *range = arena_printf(&s->arena, "%s -> %s", revset_describe(&s->arena, &from),
                                         revset_describe(&s->arena, &to));
        BundleSpec spec = {d, s->config.version_table, dir, path, from, range, false};
        if (sql)
            bundle_write(&out, &g, sql, &spec, NULL);
    }
    if (s->diags.n_errors == 0)
        fwrite(out.data ? out.data : "", 1, out.len, s->out);
    return finish(s);
}

int cmd_upgrade(Session *s, Args *a)
{
    return run_offline(s, a, DIR_UP);
}

int cmd_downgrade(Session *s, Args *a)
{
    return run_offline(s, a, DIR_DOWN);
}

int cmd_stamp(Session *s, Args *a)
{
    SqlArgs sa = {0};
    int status = parse_sql_args(s, a, &sa);
    if (status)
        return status;
    if (sa.db && sa.sql)
        return usage_error(s, a, "give --sql for offline SQL or --db FILE to stamp it, not both");
    if (sa.db)
        return runtime_command(s, "stamp", sa.range, sa.db);
    if (!sa.sql)
        return usage_error(s, a, "give --sql for offline SQL, or --db FILE to stamp a SQLite database");
    if (sa.dialect && !pick_dialect(s, a, sa.dialect, &status))
        return status;
    Project p = {0};
    Graph g;
    RevSet from, to;
    Buf out;
    buf_init(&out, &s->arena);
    if (!load_graph(s, &p, &g))
        return finish(s);
    const Dialect *d = pick_dialect(s, a, sa.dialect, &status); /* with migc.ini's dialects */
    if (!d)
        return status;
    if (resolve_range(s, &g, sa.range, false, &from, &to)) {
        const char *range = arena_printf(&s->arena, "%s -> %s", revset_describe(&s->arena, &from),
                                         revset_describe(&s->arena, &to));
        BundleSpec spec = {d, s->config.version_table, DIR_UP, {0}, from, range, false};
        bundle_stamp(&out, &g, &spec, &to);
    }
    if (s->diags.n_errors == 0)
        fwrite(out.data ? out.data : "", 1, out.len, s->out);
    return finish(s);
}
