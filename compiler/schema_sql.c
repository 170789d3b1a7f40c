/* schema_sql.c: `migc schema [REV] --dialect D`: the whole schema at a
 * revision as that dialect's CREATE statements.
 *
 * The portable schema text (print_portable_schema) is a replayable
 * migration; compiled like any other through the dialect's emitter, it
 * gives the CREATE statements, in an order the engine accepts (tables after
 * those they reference, circular foreign keys added at the end). */
#include <string.h>

#include "cli.h"
#include "compile.h"
#include "schema_sql.h"

/* The body with a blank line for each `-- line N: op` comment: they point
 * into the schema text, not into a file the reader has. */
static void put_without_origins(Buf *out, const Buf *body)
{
    const char *p = body->data, *end = body->data + body->len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *next = nl ? nl + 1 : end;
        if ((size_t)(end - p) > 8 && memcmp(p, "-- line ", 8) == 0)
            buf_putc(out, '\n');
        else
            buf_putn(out, p, (size_t)(next - p));
        p = next;
    }
}

bool print_dialect_schema(Session *s, const Schema *sc, const char *title, const Dialect *d, Buf *out)
{
    Buf text;
    buf_init(&text, &s->arena);
    print_portable_schema(s, sc, title, &text);
    uint32_t file = source_add(&s->sources, "<schema>", text.data, text.len);
    ParseCtx ctx = session_parse_ctx(s);
    Migration *m = parse_migration(&ctx, file);
    PtrVec one = {0};
    ptrvec_push(&s->arena, &one, m);
    Graph g;
    if (m->parse_failed || !graph_build(&g, &one, &s->arena, &s->names, &s->diags))
        return false;
    RevSql **sql = compile_sql(s, &g, g.revs, NULL, d->mask, NULL);
    if (!sql)
        return false;
    buf_puts(out, "-- migc " MIGC_VERSION_STRING ": the schema ");
    buf_put_line_text(out, title);
    buf_printf(out, " for %s\n", d->name);
    if (d->session)
        buf_printf(out, "\n%s", d->session);
    const SqlParts *p = &sql[0]->up[d->id];
    buf_putn(out, p->pre.data, p->pre.len);
    put_without_origins(out, &p->body);
    buf_putn(out, p->tail.data, p->tail.len);
    buf_putn(out, p->post.data, p->post.len);
    return true;
}
