/* invert.c: derived downgrade steps, built from model objects.
 *
 * Each step is an ordinary Op (marked `derived`) that points at the source
 * operation it undoes, so its diagnostics and bundle comments lead back to
 * the line that caused it.  Emitters see no difference between a written
 * operation and a derived one. */
#include "sem.h"

Op *inv_op(Sem *sem, OpKind kind, const Op *from)
{
    Op *op = ARENA_NEW(sem->arena, Op);
    op->kind = kind;
    op->span = from->span;
    op->kw_span = from->kw_span;
    op->derived = true;
    return op;
}

void inv_push(Sem *sem, Op *op)
{
    ptrvec_push(sem->arena, &sem->inverse, op);
}

/* The table as the model has it: columns, and every constraint. */
Op *inv_create_table_from(Sem *sem, const MTable *t, const Op *from)
{
    Op *op = inv_op(sem, OPK_CREATE_TABLE, from);
    op->u.create_table.table = (Ident){t->name, from->span};
    op->u.create_table.columns = t->columns;
    op->u.create_table.n_columns = t->n_columns;
    op->u.create_table.constraints = (ConstraintList){t->constraints, t->n_constraints};
    return op;
}

Op *inv_create_index_from(Sem *sem, const MTable *t, const IndexDef *ix, const Op *from)
{
    (void)t;
    Op *op = inv_op(sem, OPK_CREATE_INDEX, from);
    op->u.create_index.index = (IndexDef *)ix;
    return op;
}

Op *inv_add_constraint_from(Sem *sem, const Constraint *c, const Op *from)
{
    Op *op = inv_op(sem, OPK_ADD_CONSTRAINT, from);
    op->u.add_constraint.constraint = (Constraint *)c;
    return op;
}
