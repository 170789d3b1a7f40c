/* compile.c: replay with the emitters listening. */
#include "compile.h"

#include "lint.h"

#include <string.h>

unsigned dialect_mask_of(const Dialect *d)
{
    return d->mask;
}

typedef struct Listener {
    Session *s;
    Emit emit[DIALECT__COUNT];
    unsigned dialects;
    RevSql **sql;
    RevSql *current;
    Direction dir;
    Linter *linter; /* findings first, so the emitters can print them */
    /* Per dialect, where the emitters write one direction of one revision.
     * Reused from revision to revision and kept at exact size afterwards:
     * buffers grown by doubling inside the arena would leave every smaller
     * copy behind, and up to half of the last one unused. */
    SqlParts scratch[DIALECT__COUNT];
} Listener;

static void parts_init(SqlParts *p, Arena *a)
{
    *p = (SqlParts){0};
    buf_init(&p->pre, a);
    buf_init(&p->body, a);
    buf_init(&p->tail, a);
    buf_init(&p->post, a);
}

static void parts_clear(SqlParts *p)
{
    Buf *bufs[] = {&p->pre, &p->body, &p->tail, &p->post};
    for (size_t i = 0; i < countof(bufs); i++)
        if (bufs[i]->data)
            buf_truncate(bufs[i], 0);
    p->statements = 0;
    p->rebuilt = false;
}

static void keep_exact(Buf *to, const Buf *from)
{
    buf_init(to, from->arena);
    if (!from->len)
        return;
    to->data = arena_strndup(from->arena, from->data, from->len);
    to->len = from->len;
    to->cap = from->len + 1;
}

static void parts_keep(SqlParts *to, const SqlParts *from)
{
    keep_exact(&to->pre, &from->pre);
    keep_exact(&to->body, &from->body);
    keep_exact(&to->tail, &from->tail);
    keep_exact(&to->post, &from->post);
    to->statements = from->statements;
    to->rebuilt = from->rebuilt;
}

static void on_begin(void *user, const Revision *r, Direction dir)
{
    Listener *l = user;
    l->dir = dir;
    if (!l->sql[r->order]) {
        RevSql *rs = ARENA_NEW(&l->s->arena, RevSql);
        for (int d = 0; d < DIALECT__COUNT; d++) {
            parts_init(&rs->up[d], &l->s->arena);
            parts_init(&rs->down[d], &l->s->arena);
        }
        l->sql[r->order] = rs;
    }
    l->current = l->sql[r->order];
    for (int d = 0; d < DIALECT__COUNT; d++)
        parts_clear(&l->scratch[d]);
}

static void on_op(void *user, const OpEvent *ev)
{
    Listener *l = user;
    if (l->linter)
        lint_on_op(l->linter, ev);
    for (int d = 0; d < DIALECT__COUNT; d++) {
        if (!(l->dialects & l->emit[d].d->mask))
            continue;
        emit_event(&l->emit[d], ev, &l->scratch[d]);
    }
}

static void on_end(void *user, const Revision *r, Direction dir)
{
    Listener *l = user;
    if (l->linter && dir == DIR_UP)
        lint_check_allows(l->linter, r->mig);
    for (int d = 0; d < DIALECT__COUNT; d++) {
        if (l->dialects & l->emit[d].d->mask)
            parts_keep(dir == DIR_UP ? &l->current->up[d] : &l->current->down[d], &l->scratch[d]);
    }
}

RevSql **compile_sql(Session *s, const Graph *g, RevList seq, const uint8_t *emit, unsigned dialects,
                     Linter *linter)
{
    Listener l = {.s = s, .dialects = dialects, .linter = linter};
    l.sql = ARENA_ARRAY(&s->arena, RevSql *, g->revs.len + 1);
    for (int d = 0; d < DIALECT__COUNT; d++) {
        l.emit[d] = (Emit){.d = dialect_by_id((DialectId)d), .arena = &s->arena, .diags = &s->diags,
                           .config = &s->config};
        parts_init(&l.scratch[d], &s->arena);
    }
    ReplayHooks hooks = {&l, on_begin, on_op, on_end};
    Replay rp;
    replay_init(&rp, &s->arena, &s->names, &s->diags, &s->config);
    rp.sem.linter = linter;
    bool ok = replay_sequence(&rp, seq, emit, &hooks);
    return ok && s->diags.n_errors == 0 ? l.sql : NULL;
}
