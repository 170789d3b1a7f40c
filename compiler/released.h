/* released.h: released migrations and their checksums (migc.sum).
 *
 * A migration that has been released may already run on some database:
 * editing it afterwards forks history silently, as Flyway's checksums and
 * Atlas's atlas.sum guard against.  `migc release` records the SHA-256 of
 * every released migration file in migc.sum, at the project root, one line
 * each:
 *
 *     REVISION SHA256 PATH
 *
 * (PATH for the reader; the revision id is the key, so files may be
 * renamed).  `migc check` and `compile` refuse a released migration whose
 * file changed or that is gone.  Lines starting with '#' are comments. */
#ifndef MIGC_RELEASED_H
#define MIGC_RELEASED_H

#include "checksum.h"
#include "cli.h"
#include "graph.h"

#define RELEASED_FILE "migc.sum"

/* The SHA-256 of a migration's file, in hex: the manifest's source_sha256. */
void migration_sha256(Hasher *h, const Session *s, const Migration *m, char out[65]);

/* Checks every migration migc.sum lists against the graph's files; false
 * (with located errors) when one changed or is gone.  No migc.sum: true. */
bool released_check(Session *s, const Graph *g);

/* migc release [TARGET] [--accept] */
int cmd_release(Session *s, Args *a);

#endif
