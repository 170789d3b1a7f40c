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
} Listener;

static void on_begin(void *user, const Revision *r, Direction dir)
{
    Listener *l = user;
    l->dir = dir;
    if (!l->sql[r->order]) {
        RevSql *rs = ARENA_NEW(&l->s->arena, RevSql);
        for (int d = 0; d < DIALECT__COUNT; d++) {
            SqlParts *parts[2] = {&rs->up[d], &rs->down[d]};
            for (int k = 0; k < 2; k++) {
                buf_init(&parts[k]->pre, &l->s->arena);
                buf_init(&parts[k]->body, &l->s->arena);
                buf_init(&parts[k]->tail, &l->s->arena);
                buf_init(&parts[k]->post, &l->s->arena);
            }
        }
        l->sql[r->order] = rs;
    }
    l->current = l->sql[r->order];
}

static void on_op(void *user, const OpEvent *ev)
{
    Listener *l = user;
    if (l->linter)
        lint_on_op(l->linter, ev);
    for (int d = 0; d < DIALECT__COUNT; d++) {
        if (!(l->dialects & l->emit[d].d->mask))
            continue;
        SqlParts *out = ev->dir == DIR_UP ? &l->current->up[d] : &l->current->down[d];
        emit_event(&l->emit[d], ev, out);
    }
}

static void on_end(void *user, const Revision *r, Direction dir)
{
    Listener *l = user;
    if (l->linter && dir == DIR_UP)
        lint_check_allows(l->linter, r->mig);
}

RevSql **compile_sql(Session *s, const Graph *g, RevList seq, const uint8_t *emit, unsigned dialects,
                     Linter *linter)
{
    Listener l = {.s = s, .dialects = dialects, .linter = linter};
    l.sql = ARENA_ARRAY(&s->arena, RevSql *, g->revs.len + 1);
    for (int d = 0; d < DIALECT__COUNT; d++) {
        l.emit[d] = (Emit){.d = dialect_by_id((DialectId)d), .arena = &s->arena, .diags = &s->diags,
                           .config = &s->config};
    }
    ReplayHooks hooks = {&l, on_begin, on_op, on_end};
    Replay rp;
    replay_init(&rp, &s->arena, &s->names, &s->diags, &s->config);
    rp.sem.linter = linter;
    bool ok = replay_sequence(&rp, seq, emit, &hooks);
    return ok && s->diags.n_errors == 0 ? l.sql : NULL;
}
