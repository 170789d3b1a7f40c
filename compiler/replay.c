/* replay.c: one migration at a time: upgrade, downgrade, proof, back. */
#include "replay.h"

#include <string.h>

void replay_init(Replay *rp, Arena *a, Interner *names, Diags *diags, const Config *config)
{
    memset(rp, 0, sizeof *rp);
    rp->arena = a;
    rp->diags = diags;
    schema_init(&rp->schema, a, names);
    sem_init(&rp->sem, a, names, diags, config, &rp->schema);
}

static Verdict worse(Verdict a, Verdict b)
{
    return a > b ? a : b;
}

typedef struct Pass {
    Replay *rp;
    const Revision *rev;
    RevResult *res;
    const ReplayHooks *hooks; /* NULL: this revision is not emitted */
    PtrVec groups;            /* per upgrade op: its inverse steps (OpList*) */
    uint32_t start;           /* the schema's mark before this direction's first operation */
} Pass;

static void fire(Pass *p, const Op *op, Direction dir, uint32_t index, uint32_t mark)
{
    if (!p->hooks || !p->hooks->op)
        return;
    OpEvent ev = {&p->rp->schema, mark, p->start, p->rev, op, dir, index};
    p->hooks->op(p->hooks->user, &ev);
}

static OpList copy_ops(Arena *a, PtrVec *v)
{
    OpList l = {ARENA_ARRAY(a, Op *, v->len ? v->len : 1), v->len};
    if (v->len) /* an empty vector has no items array: memcpy from NULL is undefined */
        memcpy(l.items, v->items, sizeof(Op *) * v->len);
    return l;
}

static void run_upgrade(Pass *p)
{
    Replay *rp = p->rp;
    const Migration *m = p->rev->mig;
    p->res->op_verdicts = ARENA_ARRAY(rp->arena, Verdict, m->ops.len + 1);
    for (uint32_t i = 0; i < m->ops.len; i++) {
        Op *op = m->ops.items[i];
        uint32_t mark = schema_mark(&rp->schema);
        if (!sem_operation(&rp->sem, op)) {
            p->res->ok = false;
            continue;
        }
        p->res->op_verdicts[i] = rp->sem.verdict;
        p->res->verdict = worse(p->res->verdict, rp->sem.verdict);
        OpList *inv = ARENA_NEW(rp->arena, OpList);
        *inv = copy_ops(rp->arena, &rp->sem.inverse);
        ptrvec_push(rp->arena, &p->groups, inv);
        fire(p, op, DIR_UP, i, mark);
    }
}

/* The derived downgrade: each operation's steps, last operation first. */
static OpList derived_downgrade(Pass *p)
{
    PtrVec all = {0};
    for (uint32_t g = p->groups.len; g-- > 0;) {
        OpList *steps = p->groups.items[g];
        for (uint32_t i = 0; i < steps->len; i++)
            ptrvec_push(p->rp->arena, &all, steps->items[i]);
    }
    return copy_ops(p->rp->arena, &all);
}

static void run_downgrade(Pass *p)
{
    Replay *rp = p->rp;
    rp->sem.quiet = !p->res->downgrade_given;
    for (uint32_t i = 0; i < p->res->downgrade.len; i++) {
        Op *op = p->res->downgrade.items[i];
        uint32_t mark = schema_mark(&rp->schema);
        if (!sem_operation(&rp->sem, op)) {
            p->res->ok = false;
            continue;
        }
        fire(p, op, DIR_DOWN, i, mark);
    }
    rp->sem.quiet = false;
}

/* Upgrade then downgrade must give back the schema exactly. */
static void prove(Pass *p, uint32_t before)
{
    PtrVec diffs = {0};
    compare_since(&p->rp->schema, before, p->rp->arena, &diffs);
    if (diffs.len == 0)
        return;
    const Migration *m = p->rev->mig;
    Diags *d = p->rp->diags;
    Diag *g;
    if (p->res->downgrade_given) {
        g = diag_error(d, m->downgrade_span, "downgrade-mismatch",
                       "the downgrade does not restore the schema of before the migration (%u difference%s)",
                       diffs.len, diffs.len == 1 ? "" : "s");
        diag_help(d, g, "make the downgrade block undo every operation, in reverse order");
    } else {
        g = diag_error(d, m->revision.span, "internal", "derived downgrade of %s does not restore the schema",
                       m->revision.name);
        diag_help(d, g, "this is a bug in migc; please report it with this migration");
    }
    for (uint32_t i = 0; i < diffs.len; i++)
        diag_note(d, g, m->downgrade_span.file != NO_FILE ? m->downgrade_span : m->revision.span, "%s",
                  (const char *)diffs.items[i]);
    p->res->ok = false;
}

static void replay_revision(Replay *rp, Revision *r, const ReplayHooks *hooks)
{
    RevResult *res = ARENA_NEW(rp->arena, RevResult);
    res->ok = true;
    r->result = res;
    Pass p = {rp, r, res, hooks, {0}, 0};
    const Migration *m = r->mig;
    rp->sem.mig = m;
    rp->sem.explicit_downgrade = m->has_downgrade;
    schema_forget(&rp->schema);
    if (hooks && hooks->begin)
        hooks->begin(hooks->user, r, DIR_UP);
    run_upgrade(&p);
    if (hooks && hooks->end)
        hooks->end(hooks->user, r, DIR_UP);
    res->downgrade_given = m->has_downgrade;
    res->downgrade = m->has_downgrade ? m->downgrade : derived_downgrade(&p);
    if (!res->ok) {
        rp->failed = true;
        return;
    }
    uint32_t after = schema_mark(&rp->schema);
    p.start = after;
    if (hooks && hooks->begin)
        hooks->begin(hooks->user, r, DIR_DOWN);
    run_downgrade(&p);
    if (hooks && hooks->end)
        hooks->end(hooks->user, r, DIR_DOWN);
    if (res->ok)
        prove(&p, 0);
    rp->failed |= !res->ok;
    schema_undo_to(&rp->schema, after);
}

bool replay_sequence(Replay *rp, RevList seq, const uint8_t *emit, const ReplayHooks *hooks)
{
    for (uint32_t i = 0; i < seq.len; i++) {
        Revision *r = seq.items[i];
        if (r->mig->parse_failed) {
            rp->failed = true;
            continue;
        }
        replay_revision(rp, r, !emit || emit[r->order] ? hooks : NULL);
    }
    schema_forget(&rp->schema);
    return !rp->failed;
}

RevList replay_sequence_to(const Graph *g, const RevSet *to)
{
    return graph_upgrade_path(g, &(RevSet){0}, to);
}
