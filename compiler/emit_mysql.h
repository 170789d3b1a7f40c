/* emit_mysql.h: the MySQL emitter's own parts: emit_mysql.c writes the
 * statements, emit_mysql_expr.c their names, types, values and
 * expressions, emit_mysql_limits.c refuses what MySQL cannot hold. */
#ifndef MIGC_EMIT_MYSQL_H
#define MIGC_EMIT_MYSQL_H

#include "emit.h"

/* ---- emit_mysql_expr.c: the Dialect's hooks and their helpers */
void mysql_quote_ident(Buf *b, const char *name);
void mysql_quote_literal(Buf *b, const char *s);
void mysql_type(Emit *e, const Type *t);
void mysql_column_type(Emit *e, const Type *t, const ColumnDef *c);
void mysql_cast_type(Emit *e, const Type *t);
const char *mysql_cast_literal(Emit *e, const char *text, const Type *to);
bool mysql_call(Emit *e, const Expr *x);
void mysql_concat(Emit *e, const Expr *l, const Expr *r);
bool mysql_expr(Emit *e, const Expr *x);
void mysql_boolean(Emit *e, bool v);
void mysql_default(Emit *e, const Expr *v, const ColumnDef *c);
bool mysql_datetime_kind(TypeKind k); /* timestamp or timestamptz */
/* A value stored into column `c` (NULL: unknown), datetimes without offsets. */
void mysql_column_value(Emit *e, const ColumnDef *c, const Expr *v);

/* ---- emit_mysql_limits.c */
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
