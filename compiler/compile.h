/* compile.h: SQL for revisions, and the bundles made of it.
 *
 * compile_sql() replays a sequence of revisions and lets every selected
 * dialect's emitter see each operation; the SQL lands per revision, per
 * direction, per dialect.  bundle_*() wrap that SQL the way `alembic
 * upgrade --sql` does: a header, per migration a "Running upgrade" comment,
 * its transaction, its statements and the version-table update. */
#ifndef MIGC_COMPILE_H
#define MIGC_COMPILE_H

#include "emit.h"
#include "project.h"

typedef struct RevSql {
    SqlParts up[DIALECT__COUNT];
    SqlParts down[DIALECT__COUNT];
} RevSql;

/* Replays `seq`; for revisions with emit[order] set (NULL: all), emits SQL
 * for every dialect in `dialects` (a DIALECT_MASK_* set).  Returns per
 * revision order its RevSql (NULL for revisions not emitted), or NULL when
 * errors were reported. */
struct Linter;
RevSql **compile_sql(Session *s, const Graph *g, RevList seq, const uint8_t *emit, unsigned dialects,
                     struct Linter *linter);

/* What one bundle covers. */
typedef struct BundleSpec {
    const Dialect *d;
    const char *version_table;
    Direction dir;
    RevList revs;       /* in the order they run */
    RevSet from;        /* heads before the first one runs (empty: base) */
    const char *range;  /* "base -> 70684ca3873c", for the header */
    bool standalone;    /* one revision's file: no bundle-wide header */
} BundleSpec;

/* A bundle kept as pieces, for the artifact tree, where each revision's
 * file is its section of the bundle.  Nothing is joined: the text
 * bundle_write composes itself (comments, BEGIN/COMMIT, version-table
 * statements) is kept at its exact size, and the emitted SQL is only
 * referenced, so 100 MB of SQL is copied neither into bundles nor into
 * revision files. */
typedef struct Sections {
    Piece *pieces;
    uint32_t len, cap;
    uint32_t *at; /* per section: its first piece; [n]: the end */
} Sections;

void sections_init(Sections *s, Arena *a, uint32_t n);

/* Writes the bundle into `out`; with `parts` (room for spec->revs.len
 * sections), it goes to parts->pieces instead, `out` only holding text
 * until it is kept: pieces [0, at[0]) come before the first revision and
 * [at[i], at[i + 1]) are revision i's section. */
void bundle_write(Buf *out, const Graph *g, RevSql **sql, const BundleSpec *spec, Sections *parts);
/* The header's first line, which names the range ... */
void bundle_title(Buf *out, const BundleSpec *spec);
/* ... and the lines that depend only on the dialect. */
void bundle_preamble(Buf *out, const Dialect *d);
/* The three-line header of a bundle or a revision file. */
void bundle_header(Buf *out, const BundleSpec *spec);
/* `stamp`: only the version-table statements that move `from` to `to`. */
void bundle_stamp(Buf *out, const Graph *g, const BundleSpec *spec, const RevSet *to);

unsigned dialect_mask_of(const Dialect *d);

#endif
