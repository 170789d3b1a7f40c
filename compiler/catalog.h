/* catalog.h: the model as an engine's catalog shows it (`migc schema
 * --format catalog --dialect D`), for comparison with the catalog of a real
 * database (tests/engines/catalog_*.sh print the same lines). */
#ifndef MIGC_CATALOG_H
#define MIGC_CATALOG_H

#include "emit.h"
#include "model.h"

/* One fact a line, in the engine's vocabulary, sorted (byte order). */
void print_catalog(Arena *a, const Schema *sc, DialectId d, Buf *out);

#endif
