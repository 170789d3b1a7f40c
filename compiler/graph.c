/* graph.c: building the revision graph, its replay order, and targets. */
#include "graph.h"

#include <stdlib.h>
#include <string.h>

typedef struct Builder {
    Graph *g;
    Arena *a;
    Interner *names;
    Diags *diags;
    bool ok;
} Builder;

/* Amortized growth: a list of 10,000 revisions must not be copied on
 * every push. */
static void revlist_push(Arena *a, RevList *l, Revision *r)
{
    if (l->len >= l->cap) {
        uint32_t cap = l->len < 4 ? 8 : l->len * 2;
        l->items = arena_realloc(a, l->items, sizeof(Revision *) * l->len, sizeof(Revision *) * cap);
        l->cap = cap;
    }
    l->items[l->len++] = r;
}

static int compare_ids(const void *a, const void *b)
{
    return strcmp((*(Revision *const *)a)->id, (*(Revision *const *)b)->id);
}

static void sort_by_id(RevList *l)
{
    if (l->len > 1)
        qsort(l->items, l->len, sizeof(Revision *), compare_ids);
}

/* ================================================================ nodes */

static void add_revision(Builder *b, Migration *m)
{
    Revision *dup = namemap_get(&b->g->by_id, m->revision.name);
    if (dup) {
        Diag *g = diag_error(b->diags, m->revision.span, "duplicate-revision", "revision %s is defined twice",
                             m->revision.name);
        diag_note(b->diags, g, dup->mig->revision.span, "first defined in %s", dup->mig->path);
        diag_help(b->diags, g, "give one of them a fresh id (migc new makes one)");
        b->ok = false;
        return;
    }
    Revision *r = ARENA_NEW(b->a, Revision);
    r->mig = m;
    r->id = m->revision.name;
    r->label = m->branch.name;
    namemap_put(b->a, &b->g->by_id, r->id, r);
    revlist_push(b->a, &b->g->revs, r);
}

static const char **all_ids(const Builder *b)
{
    const char **ids = ARENA_ARRAY(b->a, const char *, b->g->revs.len + 1);
    for (uint32_t i = 0; i < b->g->revs.len; i++)
        ids[i] = b->g->revs.items[i]->id;
    return ids;
}

static Revision *find_linked(Builder *b, Revision *r, Ident id, const char *what)
{
    Revision *t = namemap_get(&b->g->by_id, id.name);
    if (t)
        return t;
    Diag *g = diag_error(b->diags, id.span, "missing-revision", "%s %s %s, which no migration defines",
                         r->id, what, id.name);
    const char *best = closest_word(id.name, all_ids(b), b->g->revs.len);
    if (best)
        diag_help(b->diags, g, "did you mean %s?", best);
    else
        diag_help(b->diags, g, "check the id against `migc heads` and `migc history`");
    b->ok = false;
    return NULL;
}

static void link_revision(Builder *b, Revision *r)
{
    Migration *m = r->mig;
    for (uint32_t i = 0; i < m->revises.len; i++) {
        Revision *p = find_linked(b, r, m->revises.items[i], "revises");
        if (!p)
            continue;
        revlist_push(b->a, &r->parents, p);
        revlist_push(b->a, &p->children, r);
    }
    for (uint32_t i = 0; i < m->depends_on.len; i++) {
        Revision *d = find_linked(b, r, m->depends_on.items[i], "depends on");
        if (!d)
            continue;
        revlist_push(b->a, &r->deps, d);
        revlist_push(b->a, &d->dependents, r);
    }
}

static void register_label(Builder *b, Revision *r)
{
    if (!r->label)
        return;
    Revision *other = namemap_get(&b->g->by_label, r->label);
    if (other) {
        Diag *g = diag_error(b->diags, r->mig->branch.span, "duplicate-branch", "branch label %s is used twice",
                             r->label);
        diag_note(b->diags, g, other->mig->branch.span, "first used in %s", other->mig->path);
        diag_help(b->diags, g, "a label names one branch; pick another name");
        b->ok = false;
        return;
    }
    namemap_put(b->a, &b->g->by_label, r->label, r);
}

/* ========================================================= replay order */

static uint32_t pending_edges(const Revision *r)
{
    return r->parents.len + r->deps.len;
}

/* Pushes newly ready revisions so that the smallest id is popped first. */
static void push_ready(Arena *a, PtrVec *stack, RevList *ready)
{
    sort_by_id(ready);
    for (uint32_t i = ready->len; i-- > 0;)
        ptrvec_push(a, stack, ready->items[i]);
    ready->len = 0;
}

static void release(Arena *a, RevList targets, uint32_t *indegree, RevList *ready)
{
    for (uint32_t i = 0; i < targets.len; i++) {
        Revision *t = targets.items[i];
        if (--indegree[t->order] == 0)
            revlist_push(a, ready, t);
    }
}

/* Kahn's algorithm with a stack: depth-first, so a branch is replayed to
 * its end before the next one starts, which reads best in a bundle. */
static RevList topological_order(Builder *b, uint32_t *indegree)
{
    Graph *g = b->g;
    RevList out = {ARENA_ARRAY(b->a, Revision *, g->revs.len + 1), 0};
    PtrVec stack = {0};
    RevList ready = {0};
    for (uint32_t i = 0; i < g->revs.len; i++) {
        Revision *r = g->revs.items[i];
        r->order = i;
        indegree[i] = pending_edges(r);
        if (indegree[i] == 0)
            revlist_push(b->a, &ready, r);
    }
    push_ready(b->a, &stack, &ready);
    while (stack.len) {
        Revision *r = stack.items[--stack.len];
        out.items[out.len++] = r;
        release(b->a, r->children, indegree, &ready);
        release(b->a, r->dependents, indegree, &ready);
        push_ready(b->a, &stack, &ready);
    }
    return out;
}

/* The parent or dependency of `r` still on the cycle (its in-degree never
 * reached zero). */
static Revision *next_on_cycle(const Revision *r, const uint32_t *indegree)
{
    for (uint32_t i = 0; i < r->parents.len; i++)
        if (indegree[r->parents.items[i]->order])
            return r->parents.items[i];
    for (uint32_t i = 0; i < r->deps.len; i++)
        if (indegree[r->deps.items[i]->order])
            return r->deps.items[i];
    return NULL;
}

/* Where r's migration names `to`: the id in its revises or depends_on line. */
static Span edge_span(const Revision *r, const Revision *to)
{
    const IdentList *lists[] = {&r->mig->revises, &r->mig->depends_on};
    for (size_t k = 0; k < 2; k++)
        for (uint32_t i = 0; i < lists[k]->len; i++)
            if (strcmp(lists[k]->items[i].name, to->id) == 0)
                return lists[k]->items[i].span;
    return r->mig->revises_span.file != NO_FILE ? r->mig->revises_span : r->mig->revision.span;
}

/* Follows unreleased parent/dependency edges until a revision repeats. */
static void report_cycle(Builder *b, const uint32_t *indegree)
{
    Graph *g = b->g;
    Revision *start = NULL;
    for (uint32_t i = 0; i < g->revs.len; i++)
        if (indegree[g->revs.items[i]->order] && (!start || strcmp(g->revs.items[i]->id, start->id) < 0))
            start = g->revs.items[i];
    uint8_t *seen = arena_alloc(b->a, g->revs.len);
    Revision *r = start;
    while (!seen[r->order]) {
        seen[r->order] = 1;
        r = next_on_cycle(r, indegree);
    }
    /* r is on the cycle: walk it once more to name every member */
    Buf path;
    buf_init(&path, b->a);
    Revision *c = r;
    PtrVec members = {0};
    do {
        buf_printf(&path, "%s -> ", c->id);
        ptrvec_push(b->a, &members, c);
        c = next_on_cycle(c, indegree);
    } while (c != r);
    buf_puts(&path, r->id);
    Diag *d = diag_error(b->diags, edge_span(r, next_on_cycle(r, indegree)), "revision-cycle",
                         "revisions form a cycle: %s", path.data);
    for (uint32_t i = 1; i < members.len; i++) {
        Revision *m = members.items[i];
        diag_note(b->diags, d, edge_span(m, next_on_cycle(m, indegree)), "%s is part of the cycle", m->id);
    }
    diag_help(b->diags, d, "a migration must revise (or depend on) an older one; fix the line that points forward");
    b->ok = false;
}

static void collect_ends(Builder *b)
{
    Graph *g = b->g;
    for (uint32_t i = 0; i < g->revs.len; i++) {
        Revision *r = g->revs.items[i];
        if (r->children.len == 0)
            revlist_push(b->a, &g->heads, r);
        if (r->parents.len == 0)
            revlist_push(b->a, &g->roots, r);
    }
}

bool graph_build(Graph *g, const PtrVec *migrations, Arena *a, Interner *names, Diags *diags)
{
    memset(g, 0, sizeof *g);
    g->arena = a;
    Builder b = {g, a, names, diags, true};
    for (uint32_t i = 0; i < migrations->len; i++) {
        Migration *m = migrations->items[i];
        if (m->revision.name)
            add_revision(&b, m);
    }
    for (uint32_t i = 0; i < g->revs.len; i++) {
        link_revision(&b, g->revs.items[i]);
        register_label(&b, g->revs.items[i]);
    }
    uint32_t *indegree = ARENA_ARRAY(a, uint32_t, g->revs.len + 1);
    RevList order = topological_order(&b, indegree);
    if (order.len != g->revs.len) {
        report_cycle(&b, indegree);
        return false;
    }
    g->revs = order;
    for (uint32_t i = 0; i < order.len; i++)
        order.items[i]->order = i;
    collect_ends(&b);
    return b.ok;
}

/* ============================================================== targets */

static RevSet single(Arena *a, Revision *r)
{
    RevSet s = {ARENA_ARRAY(a, Revision *, 1), 1};
    s.items[0] = r;
    return s;
}

const char *revset_describe(Arena *a, const RevSet *s)
{
    if (s->len == 0)
        return "base";
    Buf b;
    buf_init(&b, a);
    for (uint32_t i = 0; i < s->len; i++)
        buf_printf(&b, "%s%s", i ? ", " : "", s->items[i]->id);
    return b.data;
}

static const char *list_ids(Arena *a, RevList l)
{
    RevSet s = {l.items, l.len};
    return revset_describe(a, &s);
}

static Revision *by_prefix(const Graph *g, const char *spec, Diags *diags)
{
    Revision *found = NULL;
    PtrVec all = {0};
    size_t n = strlen(spec);
    for (uint32_t i = 0; i < g->revs.len; i++) {
        Revision *r = g->revs.items[i];
        if (strncmp(r->id, spec, n) == 0) {
            found = r;
            ptrvec_push(g->arena, &all, r);
        }
    }
    if (all.len == 1)
        return found;
    if (all.len == 0) {
        Diag *e = diag_error(diags, NO_SPAN, "bad-target", "no revision, branch label or keyword matches '%s'", spec);
        diag_help(diags, e, "targets are head, heads, base, an id or unique id prefix, LABEL@head, +N, -N");
        return NULL;
    }
    RevList l = {(Revision **)all.items, all.len};
    sort_by_id(&l);
    Diag *e = diag_error(diags, NO_SPAN, "bad-target", "revision prefix '%s' is ambiguous: it matches %s", spec,
                         list_ids(g->arena, l));
    diag_help(diags, e, "give more characters of the id");
    return NULL;
}

/* Heads descending from `r` (itself included). */
static RevList heads_of(const Graph *g, Revision *r)
{
    RevList out = {0};
    uint8_t *below = arena_alloc(g->arena, g->revs.len + 1);
    below[r->order] = 1;
    for (uint32_t i = r->order; i < g->revs.len; i++) {
        Revision *x = g->revs.items[i];
        if (!below[i])
            continue;
        for (uint32_t k = 0; k < x->children.len; k++)
            below[x->children.items[k]->order] = 1;
        if (x->children.len == 0)
            revlist_push(g->arena, &out, x);
    }
    return out;
}

static bool one_head(const Graph *g, RevList heads, const char *what, RevSet *out, Diags *diags)
{
    if (heads.len == 1) {
        *out = single(g->arena, heads.items[0]);
        return true;
    }
    Diag *e = diag_error(diags, NO_SPAN, "multiple-heads", "%s has %u heads: %s", what, heads.len,
                         list_ids(g->arena, heads));
    /* name every head's file; the suggested command takes the ids as separate words */
    Buf ids;
    buf_init(&ids, g->arena);
    for (uint32_t i = 0; i < heads.len; i++) {
        buf_printf(&ids, "%s%s", i ? " " : "", heads.items[i]->id);
        diag_note(diags, e, heads.items[i]->mig->revision.span, "head %s, %s", heads.items[i]->id,
                  heads.items[i]->mig->message ? heads.items[i]->mig->message : "");
    }
    diag_help(diags, e, "name one head, use `heads`, or join them with `migc merge %s -m \"merge\"`", ids.data);
    return false;
}

static Revision *named(const Graph *g, Interner *names, const char *spec, Diags *diags)
{
    const char *key = intern_cstr(names, spec);
    Revision *r = namemap_get(&g->by_id, key);
    if (!r)
        r = namemap_get(&g->by_label, key);
    return r ? r : by_prefix(g, spec, diags);
}

/* Walks n steps up (children; from base the roots) or down (parents);
 * each step must be unambiguous.  One step below a root is base. */
static bool step(const Graph *g, Revision *from, long n, RevSet *out, Diags *diags)
{
    Revision *r = from;
    long steps = n < 0 ? -n : n;
    for (long i = 0; i < steps; i++) {
        RevList next = n > 0 ? (r ? r->children : g->roots) : r->parents;
        if (n < 0 && next.len == 0) {
            if (i + 1 == steps) {
                *out = (RevSet){0};
                return true;
            }
            diag_error(diags, NO_SPAN, "bad-target", "cannot go %ld steps below %s: base comes first", steps,
                       from->id);
            return false;
        }
        if (next.len != 1) {
            Diag *e = diag_error(diags, NO_SPAN, "bad-target", "relative step from %s is ambiguous: %s",
                                 r ? r->id : "base", next.len ? list_ids(g->arena, next) : "nothing follows");
            diag_help(diags, e, "name the revision instead of counting steps");
            return false;
        }
        r = next.items[0];
    }
    *out = r ? single(g->arena, r) : (RevSet){0};
    return true;
}

static bool parse_offset(const char *s, long *n)
{
    char *end;
    if ((s[0] != '+' && s[0] != '-') || s[1] < '0' || s[1] > '9')
        return false;
    *n = strtol(s, &end, 10);
    return *end == '\0';
}

static bool relative(const Graph *g, Interner *names, const char *spec, const RevSet *from, RevSet *out,
                     Diags *diags)
{
    long n;
    const char *sign = spec[0] == '+' || spec[0] == '-' ? spec : strpbrk(spec + 1, "+-");
    while (sign && !parse_offset(sign, &n))
        sign = strpbrk(sign + 1, "+-");
    if (!sign)
        return false;
    RevSet base = {0};
    if (sign == spec) {
        base = from ? *from : (RevSet){0};
    } else {
        char *head = arena_strndup(g->arena, spec, (size_t)(sign - spec));
        if (!graph_resolve(g, names, head, from, &base, diags))
            return true;
    }
    if (base.len > 1) {
        Diag *e = diag_error(diags, NO_SPAN, "bad-target", "relative target %s starts from several heads: %s", spec,
                             revset_describe(g->arena, &base));
        diag_help(diags, e, "name the head to count from, e.g. REV+1");
        return true;
    }
    if (base.len == 0 && n < 0) {
        diag_error(diags, NO_SPAN, "bad-target", "cannot go below base (%s)", spec);
        return true;
    }
    step(g, base.len ? base.items[0] : NULL, n, out, diags);
    return true;
}

bool graph_resolve(const Graph *g, Interner *names, const char *spec, const RevSet *from, RevSet *out,
                   Diags *diags)
{
    uint32_t errors = diags->n_errors;
    *out = (RevSet){0};
    if (strcmp(spec, "base") == 0)
        return true;
    if (strcmp(spec, "heads") == 0) {
        *out = (RevSet){g->heads.items, g->heads.len};
        return true;
    }
    if (strcmp(spec, "head") == 0)
        return one_head(g, g->heads, "the project", out, diags);
    const char *at = strchr(spec, '@');
    if (at && strcmp(at, "@head") == 0) {
        Revision *r = named(g, names, arena_strndup(g->arena, spec, (size_t)(at - spec)), diags);
        return r && one_head(g, heads_of(g, r), spec, out, diags);
    }
    if (relative(g, names, spec, from, out, diags))
        return diags->n_errors == errors;
    Revision *r = named(g, names, spec, diags);
    if (!r)
        return false;
    *out = single(g->arena, r);
    return true;
}

/* ================================================================ paths */

uint8_t *graph_closure(const Graph *g, const RevSet *set)
{
    uint8_t *in = arena_alloc(g->arena, g->revs.len + 1);
    for (uint32_t i = 0; i < set->len; i++)
        in[set->items[i]->order] = 1;
    /* replay order is topological: one backward sweep reaches every ancestor */
    for (uint32_t i = g->revs.len; i-- > 0;) {
        if (!in[i])
            continue;
        Revision *r = g->revs.items[i];
        for (uint32_t k = 0; k < r->parents.len; k++)
            in[r->parents.items[k]->order] = 1;
        for (uint32_t k = 0; k < r->deps.len; k++)
            in[r->deps.items[k]->order] = 1;
    }
    return in;
}

RevList graph_upgrade_path(const Graph *g, const RevSet *from, const RevSet *to)
{
    uint8_t *have = graph_closure(g, from), *want = graph_closure(g, to);
    RevList out = {ARENA_ARRAY(g->arena, Revision *, g->revs.len + 1), 0};
    for (uint32_t i = 0; i < g->revs.len; i++)
        if (want[i] && !have[i])
            out.items[out.len++] = g->revs.items[i];
    return out;
}

RevList graph_downgrade_path(const Graph *g, const RevSet *from, const RevSet *to)
{
    uint8_t *have = graph_closure(g, from), *keep = graph_closure(g, to);
    RevList out = {ARENA_ARRAY(g->arena, Revision *, g->revs.len + 1), 0};
    for (uint32_t i = g->revs.len; i-- > 0;)
        if (have[i] && !keep[i])
            out.items[out.len++] = g->revs.items[i];
    return out;
}
