/* emit_mysql.h: the MySQL emitter's own parts: emit_mysql.c writes the
 * statements, emit_mysql_limits.c refuses what MySQL cannot hold. */
#ifndef MIGC_EMIT_MYSQL_H
#define MIGC_EMIT_MYSQL_H

#include "emit.h"

bool mysql_blob_kind(TypeKind k);
Span mysql_span_or(Span s, Span fallback); /* `s` unless it is nowhere */

/* Each reports a dialect-unsupported error at `at` when the thing does not fit. */
void mysql_name_fits(Emit *e, Span at, const char *what, const char *name);
void mysql_type_fits(Emit *e, Span at, const ColumnDef *c);
void mysql_column_fits(Emit *e, Span at, const ColumnDef *c);
void mysql_key_fits(Emit *e, Span at, const MTable *t, IdentList cols, const char *what, const char *name);
void mysql_identity_fits(Emit *e, Span at, const MTable *t);
void mysql_constraint_fits(Emit *e, Span at, const MTable *t, const Constraint *c);

/* Whether a key (primary, unique, index) of `t` starts with `cols`, in order. */
bool mysql_has_key_prefix(const MTable *t, IdentList cols);

#endif
