/* schema_sql.h: the schema at a revision as one dialect's SQL
 * (schema_sql.c) or as a Mermaid ER diagram (schema_mermaid.c). */
#ifndef MIGC_SCHEMA_SQL_H
#define MIGC_SCHEMA_SQL_H

#include "emit.h"
#include "project.h"

/* Appends CREATE statements for `sc` in dialect `d`; false (with
 * diagnostics) when the dialect cannot express it. */
bool print_dialect_schema(Session *s, const Schema *sc, const char *title, const Dialect *d, Buf *out);

/* Appends `erDiagram` with every table, its columns and keys, and one
 * relationship per foreign key. */
void print_schema_mermaid(Arena *a, const Schema *sc, Buf *out);

#endif
