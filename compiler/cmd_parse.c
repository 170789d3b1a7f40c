/* cmd_parse.c: `migc parse`. */
#include <string.h>

#include "cli.h"

int cmd_parse(Session *s, Args *a)
{
    bool dump = false;
    PtrVec files = {0};
    while (!args_done(a)) {
        if (args_flag(a, "--dump-ir", NULL)) {
            dump = true;
            continue;
        }
        const char *w = args_take(a);
        if (w[0] == '-' && w[1] != '\0')
            return usage_error(s, a, "unknown option '%s'", w);
        ptrvec_push(&s->arena, &files, (void *)w);
    }
    if (files.len == 0)
        return usage_error(s, a, "no file given");
    Buf out;
    buf_init(&out, &s->arena);
    for (uint32_t i = 0; i < files.len; i++) {
        Migration *m = session_parse_file(s, files.items[i]);
        if (m && dump && !m->parse_failed)
            ir_dump_migration(m, &s->sources, &out);
    }
    /* Nothing is printed for a file set with errors: no partial output. */
    if (s->diags.n_errors == 0)
        fwrite(out.data ? out.data : "", 1, out.len, s->out);
    return finish(s);
}
