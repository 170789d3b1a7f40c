/* cmd_schema.c: `migc schema [REV]`: the model at a revision. */
#include <string.h>

#include "cli.h"
#include "replay.h"

int cmd_schema(Session *s, Args *a)
{
    const char *spec = NULL;
    while (!args_done(a)) {
        const char *w = args_take(a);
        if (w[0] == '-' || spec)
            return usage_error(s, a, "unexpected argument '%s'", w);
        spec = w;
    }
    Project p = {0};
    Graph g;
    Buf b;
    buf_init(&b, &s->arena);
    RevSet at;
    Replay rp;
    if (load_graph(s, &p, &g) && graph_resolve(&g, &s->names, spec ? spec : "heads", NULL, &at, &s->diags) &&
        replay_to(s, &g, &at, &rp)) {
        const char *title = at.len ? arena_printf(&s->arena, "at %s", revset_describe(&s->arena, &at)) : "at base";
        print_portable_schema(s, &rp.schema, title, &b);
    }
    if (s->diags.n_errors == 0)
        fwrite(b.data ? b.data : "", 1, b.len, s->out);
    return finish(s);
}
