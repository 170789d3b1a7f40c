/* graph.h: the revision graph (Alembic's model).
 *
 * Each migration is a revision; `revises` gives its parents (none for a
 * root, several for a merge), `depends_on` orders it after revisions of
 * other branches without making them parents.  Heads are revisions no other
 * one revises.  The replay order is topological, depth-first, with ties
 * broken by revision id, so it never depends on file names or on the order
 * a directory lists them. */
#ifndef MIGC_GRAPH_H
#define MIGC_GRAPH_H

#include "ir.h"
#include "model.h"

typedef struct Revision Revision;

typedef struct RevList {
    Revision **items;
    uint32_t len;
    uint32_t cap; /* 0 for a list made from someone else's array */
} RevList;

struct Revision {
    Migration *mig;
    const char *id;
    uint32_t order; /* position in the replay order */
    RevList parents;
    RevList deps;
    RevList children;   /* revisions that revise this one */
    RevList dependents; /* revisions that depend on this one */
    const char *label;  /* its own branch label, or NULL */
    void *result;       /* per-revision results of later phases */
};

typedef struct Graph {
    Arena *arena;
    RevList revs; /* in replay order */
    RevList heads; /* in replay order */
    RevList roots;
    NameMap by_id; /* interned id -> Revision* */
    NameMap by_label;
} Graph;

/* Builds the graph; reports duplicate ids, missing parents and
 * dependencies, duplicate labels and cycles.  Returns false on any error. */
bool graph_build(Graph *g, const PtrVec *migrations, Arena *a, Interner *names, Diags *diags);

/* ---- targets (DESIGN.md section 3) */

/* A set of revisions standing for a database state: its heads.  Empty is
 * base. */
typedef struct RevSet {
    Revision **items;
    uint32_t len;
} RevSet;

/* Resolves one target: head, heads, base, an id or unique prefix, a branch
 * label, X@head, and relative steps +N, -N, X+N, X-N (relative to `from`,
 * which may be NULL for base).  Errors go to `diags` with no location. */
bool graph_resolve(const Graph *g, Interner *names, const char *spec, const RevSet *from, RevSet *out,
                   Diags *diags);

/* Every ancestor of `set` (parents and dependencies, transitively),
 * including `set` itself: a bit per revision order. */
uint8_t *graph_closure(const Graph *g, const RevSet *set);

/* Revisions applied going from `from` to `to` (replay order), or removed
 * going back (reverse replay order). */
RevList graph_upgrade_path(const Graph *g, const RevSet *from, const RevSet *to);
RevList graph_downgrade_path(const Graph *g, const RevSet *from, const RevSet *to);

const char *revset_describe(Arena *a, const RevSet *s);

#endif
