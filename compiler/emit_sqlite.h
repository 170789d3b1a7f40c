/* emit_sqlite.h: the SQLite emitter's own parts: emit_sqlite.c writes the
 * statements and rebuilds tables, emit_sqlite_expr.c their names, types,
 * values and expressions. */
#ifndef MIGC_EMIT_SQLITE_H
#define MIGC_EMIT_SQLITE_H

#include "emit.h"

/* ---- emit_sqlite_expr.c: the Dialect's hooks and their helpers */
void sqlite_quote_ident(Buf *b, const char *name);
void sqlite_quote_literal(Buf *b, const char *s);
void sqlite_column_type(Emit *e, const Type *t, const ColumnDef *c);
void sqlite_cast_type(Emit *e, const Type *t);
bool sqlite_call(Emit *e, const Expr *x);
void sqlite_concat(Emit *e, const Expr *l, const Expr *r);
bool sqlite_expr(Emit *e, const Expr *x);
void sqlite_boolean(Emit *e, bool v);
void sqlite_default(Emit *e, const Expr *v, const ColumnDef *c);
bool sqlite_integer_kind(TypeKind k); /* smallint, integer, bigint */
bool sqlite_is_literal(const Expr *x); /* null, true/false, a number or a string */

#endif
