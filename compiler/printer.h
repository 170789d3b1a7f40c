/* printer.h: IR back to migc source text.
 *
 * What it prints parses back to the same IR: `migc show` prints derived
 * downgrades with it, and `migc schema` prints a whole model as a
 * replayable migration. */
#ifndef MIGC_PRINTER_H
#define MIGC_PRINTER_H

#include "ir.h"

void print_name(Buf *out, const char *name);
void print_type(Buf *out, const Type *t);
void print_expr(Buf *out, const Expr *e);
void print_column(Buf *out, const ColumnDef *c);
void print_constraint_body(Buf *out, const Constraint *c);
/* One operation with its annotations and trailing ";\n", indented. */
void print_op(Buf *out, const Op *op, int indent);

#endif
