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

/* The value a NOT NULL column without a default takes in the rows that
 * exist when its drop is undone: zero, false, the empty string, the epoch,
 * the nil UUID, an empty JSON object, the enum's first label.  The dropped
 * data is gone either way (the operation is structure-only); without a
 * value, PostgreSQL and SQLite refuse to add the column to a table with
 * rows, and MySQL fills in its own. */
Expr *inv_placeholder(Sem *sem, const Type *t, Span at)
{
    Expr *x = ARENA_NEW(sem->arena, Expr);
    x->span = at;
    x->kind = EX_STRING;
    switch (t->kind) {
    case TY_SMALLINT: case TY_INTEGER: case TY_BIGINT: case TY_REAL: case TY_DOUBLE: case TY_NUMERIC:
        x->kind = EX_INT;
        x->u.text = "0";
        break;
    case TY_BOOLEAN: x->kind = EX_BOOL; x->u.boolean = false; break;
    case TY_DATE: x->u.text = "1970-01-01"; break;
    case TY_TIME: x->u.text = "00:00:00"; break;
    case TY_TIMESTAMP: case TY_TIMESTAMPTZ: x->u.text = "1970-01-01 00:00:00"; break;
    case TY_INTERVAL: x->u.text = "0"; break;
    case TY_UUID: x->u.text = "00000000-0000-0000-0000-000000000000"; break;
    case TY_JSON: case TY_JSONB: x->u.text = "{}"; break;
    case TY_ENUM: {
        const MEnum *e = schema_enum(sem->schema, t->enum_name.name);
        x->u.text = e && e->n_labels ? e->labels[0] : "";
        break;
    }
    case TY_TEXT: case TY_VARCHAR: case TY_CHAR: case TY_BYTES: case TY__COUNT: x->u.text = ""; break;
    }
    return x;
}
