/* replay.h: the schema model replayed along the revision graph.
 *
 * For every migration of a sequence: each operation is checked against the
 * model, completed and applied (sem.c); its downgrade is derived (or the
 * migration's own downgrade block taken) and run against the model too;
 * the model after the downgrade must equal the model before the upgrade
 * (the proof); then the model returns to its after-upgrade state.  Hooks
 * see every operation right after it is applied, upgrade and downgrade
 * alike, which is where emitters and lint rules do their work. */
#ifndef MIGC_REPLAY_H
#define MIGC_REPLAY_H

#include "graph.h"
#include "sem.h"

typedef enum Direction { DIR_UP, DIR_DOWN } Direction;

/* What replay learned about one revision (Revision.result). */
typedef struct RevResult {
    bool ok;             /* no error in its upgrade, downgrade or proof */
    Verdict verdict;     /* the worst of its operations */
    Verdict *op_verdicts; /* per upgrade operation */
    OpList downgrade;    /* the downgrade: derived, or the migration's own */
    bool downgrade_given; /* written as downgrade { } */
} RevResult;

typedef struct OpEvent {
    const Schema *schema; /* the model right after the operation */
    uint32_t mark;        /* schema_table_at(schema, mark, t) is the state before it */
    uint32_t start;       /* ... and at `start`, before the migration (this direction) began */
    const Revision *rev;
    const Op *op;
    Direction dir;
    uint32_t index; /* of the operation within its direction */
} OpEvent;

typedef struct ReplayHooks {
    void *user;
    void (*begin)(void *user, const Revision *r, Direction dir);
    void (*op)(void *user, const OpEvent *ev);
    void (*end)(void *user, const Revision *r, Direction dir);
} ReplayHooks;

typedef struct Replay {
    Arena *arena;
    Diags *diags;
    Schema schema;
    Sem sem;
    bool failed; /* an error was reported: later models are unreliable */
} Replay;

void replay_init(Replay *rp, Arena *a, Interner *names, Diags *diags, const Config *config);

/* Replays `seq` in order (a topological order of an ancestor-closed set).
 * Hooks fire for revisions whose `emit[order]` is set (NULL: all). */
bool replay_sequence(Replay *rp, RevList seq, const uint8_t *emit, const ReplayHooks *hooks);

/* The sequence that leads to `to`: every ancestor, in replay order. */
RevList replay_sequence_to(const Graph *g, const RevSet *to);

#endif
