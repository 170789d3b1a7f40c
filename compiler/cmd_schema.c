/* cmd_schema.c: `migc schema [REV...] [--dialect D] [--format F]`: the
 * model at a revision as
 *   text     a replayable migration in migc's language (the default);
 *   sql      a dialect's CREATE statements (the default with --dialect);
 *   mermaid  an ER diagram;
 *   catalog  the lines a dialect's catalog shows for it (catalog.c; the
 *            engine tests compare them with the real engine's).
 * Several REVs name the state where all of them are applied (the rows of a
 * version table, one per applied head). */
#include <string.h>

#include "catalog.h"
#include "cli.h"
#include "replay.h"
#include "schema_sql.h"

/* The union of the targets (default: heads), each revision once. */
static bool resolve_all(Session *s, Graph *g, const PtrVec *specs, RevSet *out)
{
    if (specs->len == 0)
        return graph_resolve(g, &s->names, "heads", NULL, out, &s->diags);
    PtrVec all = {0};
    for (uint32_t i = 0; i < specs->len; i++) {
        RevSet one;
        if (!graph_resolve(g, &s->names, specs->items[i], NULL, &one, &s->diags))
            return false;
        for (uint32_t k = 0; k < one.len; k++) {
            bool dup = false;
            for (uint32_t j = 0; j < all.len && !dup; j++)
                dup = all.items[j] == one.items[k];
            if (!dup)
                ptrvec_push(&s->arena, &all, one.items[k]);
        }
    }
    *out = (RevSet){(Revision **)all.items, all.len};
    return true;
}

int cmd_schema(Session *s, Args *a)
{
    const char *format = NULL, *dialect = NULL;
    PtrVec specs = {0};
    int status = 0;
    while (!args_done(a)) {
        if (args_option(a, "--format", NULL, &format, &status) || args_option(a, "--dialect", "-d", &dialect, &status))
            continue;
        if (status)
            return status;
        const char *w = args_take(a);
        if (w[0] == '-' && w[1] != '\0' && !(w[1] >= '0' && w[1] <= '9'))
            return usage_error(s, a, "unexpected argument '%s'", w);
        ptrvec_push(&s->arena, &specs, (void *)w);
    }
    if (!format)
        format = dialect ? "sql" : "text";
    bool needs_dialect = strcmp(format, "sql") == 0 || strcmp(format, "catalog") == 0;
    if (!needs_dialect && strcmp(format, "text") != 0 && strcmp(format, "mermaid") != 0)
        return usage_error(s, a, "unknown format '%s' (text, sql, mermaid or catalog)", format);
    if (dialect && !needs_dialect)
        return usage_error(s, a, "--dialect goes with --format sql or catalog, not %s", format);
    const Dialect *d = NULL;
    if (needs_dialect) {
        d = dialect ? dialect_by_name(dialect) : NULL;
        if (!d)
            return usage_error(s, a, dialect ? "unknown dialect '%s' (postgresql, sqlite or mysql)"
                                             : "--format %s needs --dialect postgresql|sqlite|mysql",
                               dialect ? dialect : format);
    }
    Project p = {0};
    Graph g;
    Buf b;
    buf_init(&b, &s->arena);
    RevSet at = {0};
    Replay rp;
    if (load_graph(s, &p, &g) && resolve_all(s, &g, &specs, &at) && replay_to(s, &g, &at, &rp)) {
        const char *title = at.len ? arena_printf(&s->arena, "at %s", revset_describe(&s->arena, &at)) : "at base";
        if (strcmp(format, "catalog") == 0)
            print_catalog(&s->arena, &rp.schema, d->id, &b);
        else if (strcmp(format, "sql") == 0)
            print_dialect_schema(s, &rp.schema, title, d, &b);
        else if (strcmp(format, "mermaid") == 0)
            print_schema_mermaid(&s->arena, &rp.schema, &b);
        else
            print_portable_schema(s, &rp.schema, title, &b);
    }
    if (s->diags.n_errors == 0)
        fwrite(b.data ? b.data : "", 1, b.len, s->out);
    return finish(s);
}
