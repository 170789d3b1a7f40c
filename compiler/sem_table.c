/* sem_table.c: tables and columns: check, complete, invert, apply. */
#include <string.h>

#include "sem.h"

static bool uses_other_columns(const MTable *t, const Expr *e, const char *column)
{
    for (uint32_t i = 0; e && i < t->n_columns; i++) {
        const char *other = t->columns[i]->name.name;
        if (strcasecmp(other, column) != 0 && expr_uses_column(e, other))
            return true;
    }
    return false;
}

/* Constraints whose only column (or, for a check, only referenced column)
 * is `column`: they go with the column when it is dropped, as PostgreSQL
 * does, and the derived downgrade brings them back. */
static bool only_on_column(const MTable *t, const Constraint *c, const char *column)
{
    if (c->kind == CON_CHECK)
        return expr_uses_column(c->check, column) && !uses_other_columns(t, c->check, column);
    return c->columns.len == 1 && strcasecmp(c->columns.items[0].name, column) == 0;
}

static bool constraint_uses(const Constraint *c, const char *column)
{
    for (uint32_t i = 0; i < c->columns.len; i++)
        if (strcasecmp(c->columns.items[i].name, column) == 0)
            return true;
    return c->kind == CON_CHECK && expr_uses_column(c->check, column);
}

static bool index_uses(const IndexDef *ix, const char *column)
{
    for (uint32_t i = 0; i < ix->columns.len; i++)
        if (strcasecmp(ix->columns.items[i].name, column) == 0)
            return true;
    return expr_uses_column(ix->where, column);
}

static bool index_only_on(const MTable *t, const IndexDef *ix, const char *column)
{
    return ix->columns.len == 1 && strcasecmp(ix->columns.items[0].name, column) == 0 &&
           !uses_other_columns(t, ix->where, column);
}

#define edit_table sem_edit_table

/* ================================================================ tables */

static void add_columns(Sem *sem, MTable *t, Op *op)
{
    for (uint32_t i = 0; i < op->u.create_table.n_columns; i++) {
        ColumnDef *c = op->u.create_table.columns[i];
        if (!require_free_column(sem, t, c->name))
            continue;
        check_column_def(sem, t, c);
        if (!c->origin)
            c->origin = sem->mig;
        table_add_column(sem->schema, t, c);
    }
}

static bool self_reference(const MTable *t, const Constraint *c)
{
    return c->kind == CON_FOREIGN_KEY && strcmp(c->ref_table.name, t->name) == 0;
}

static void add_constraints_if(Sem *sem, MTable *t, ConstraintList cons, bool self_references)
{
    for (uint32_t i = 0; i < cons.len; i++) {
        Constraint *c = cons.items[i];
        if (self_reference(t, c) != self_references)
            continue;
        name_constraint(sem, c);
        if (!require_free_name(sem, c->name, "create constraint") || !check_constraint(sem, t, c, t))
            continue;
        apply_constraint(sem, t, c);
    }
}

/* Foreign keys of the table to itself come last, once its keys exist: SQL
 * lets one be declared before the primary key it references. */
static void add_table_constraints(Sem *sem, MTable *t, ConstraintList cons)
{
    add_constraints_if(sem, t, cons, false);
    add_constraints_if(sem, t, cons, true);
}

bool sem_create_table(Sem *sem, Op *op)
{
    Ident name = op->u.create_table.table;
    if (!require_free_name(sem, name, "create table"))
        return false;
    MTable *t = ARENA_NEW(sem->arena, MTable);
    t->name = name.name;
    t->origin = sem->mig;
    t->span = op->span;
    table_put(sem->schema, t);
    ptrvec_push(sem->arena, &sem->edited, t);
    add_columns(sem, t, op);
    add_table_constraints(sem, t, op->u.create_table.constraints);
    Op *inv = inv_op(sem, OPK_DROP_TABLE, op);
    inv->u.drop_table.table = name;
    inv_push(sem, inv);
    if (sem->op_failed)
        sem_poison(sem, name.name);
    return !sem->op_failed;
}

static bool check_not_referenced(Sem *sem, const MTable *t, Span at)
{
    for (uint32_t i = 0; i < t->n_inbound; i++) {
        MTable *owner = schema_constraint_table(sem->schema, t->inbound[i]);
        if (!owner || owner == t || strcmp(owner->name, t->name) == 0)
            continue;
        Constraint *fk = table_constraint(owner, t->inbound[i]);
        Diag *g = sem_error(sem, at, "still-referenced", "table %s is referenced by foreign key %s on %s", t->name,
                            t->inbound[i], owner->name);
        if (fk)
            diag_note(sem->diags, g, fk->span, "the foreign key is defined here");
        diag_help(sem->diags, g, "drop the foreign key first: drop_constraint %s;", t->inbound[i]);
        return false;
    }
    return true;
}

/* Foreign keys of `t` stop referencing their targets. */
static void release_references(Sem *sem, MTable *t)
{
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        Constraint *c = t->constraints[i];
        if (c->kind != CON_FOREIGN_KEY)
            continue;
        MTable *target = schema_table(sem->schema, c->ref_table.name);
        if (target && target != t && strcasecmp(target->name, t->name) != 0)
            table_remove_inbound(sem->schema, edit_table(sem, target), c->name.name);
    }
}

bool sem_drop_table(Sem *sem, Op *op)
{
    MTable *t = need_table(sem, op->u.drop_table.table);
    if (!t || !check_not_referenced(sem, t, op->span))
        return false;
    inv_push(sem, inv_create_table_from(sem, t, op));
    for (uint32_t i = 0; i < t->n_indexes; i++)
        inv_push(sem, inv_create_index_from(sem, t, t->indexes[i], op));
    sem->verdict = VERDICT_STRUCTURE_ONLY;
    release_references(sem, t);
    table_remove(sem->schema, t->name);
    return true;
}

static Constraint *constraint_copy(Sem *sem, const Constraint *c)
{
    Constraint *n = ARENA_NEW(sem->arena, Constraint);
    *n = *c;
    return n;
}

static IndexDef *index_copy(Sem *sem, const IndexDef *ix)
{
    IndexDef *n = ARENA_NEW(sem->arena, IndexDef);
    *n = *ix;
    return n;
}

/* Indexes and constraints carry their table's name: keep it current. */
static void retitle_parts(Sem *sem, MTable *t, Ident name)
{
    for (uint32_t i = 0; i < t->n_indexes; i++) {
        IndexDef *ix = index_copy(sem, t->indexes[i]);
        ix->table = name;
        table_set_index(sem->schema, t, i, ix);
    }
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        Constraint *c = constraint_copy(sem, t->constraints[i]);
        c->table = name;
        table_set_constraint(sem->schema, t, i, c);
    }
}

/* Foreign keys that point at a renamed table follow it. */
static void repoint_inbound(Sem *sem, MTable *t, const char *old_name, Ident new_name)
{
    for (uint32_t i = 0; i < t->n_inbound; i++) {
        MTable *owner = schema_constraint_table(sem->schema, t->inbound[i]);
        if (!owner)
            continue;
        owner = edit_table(sem, owner);
        for (uint32_t k = 0; k < owner->n_constraints; k++) {
            Constraint *c = owner->constraints[k];
            if (c->kind != CON_FOREIGN_KEY || strcasecmp(c->ref_table.name, old_name) != 0)
                continue;
            Constraint *n = constraint_copy(sem, c);
            n->ref_table = new_name;
            table_set_constraint(sem->schema, owner, k, n);
        }
    }
}

bool sem_rename_table(Sem *sem, Op *op)
{
    Ident from = op->u.rename_table.from, to = op->u.rename_table.to;
    MTable *t = need_table(sem, from);
    if (!t || !require_free_name(sem, to, arena_printf(sem->arena, "rename table '%s' to", from.name)))
        return false;
    Op *inv = inv_op(sem, OPK_RENAME_TABLE, op);
    inv->u.rename_table.from = to;
    inv->u.rename_table.to = from;
    inv_push(sem, inv);
    const char *old_name = t->name;
    MTable *n = edit_table(sem, t);
    n->name = to.name;
    table_rename_key(sem->schema, old_name, n);
    retitle_parts(sem, n, to);
    repoint_inbound(sem, n, old_name, to);
    return true;
}

/* =============================================================== columns */

bool sem_add_column(Sem *sem, Op *op)
{
    MTable *t = need_table(sem, op->u.add_column.table);
    ColumnDef *c = op->u.add_column.column;
    if (!t) {
        return false;
    }
    if (!require_free_column(sem, t, c->name)) {
        sem_poison(sem, sem_column_key(sem, t->name, c->name.name));
        return false;
    }
    check_column_def(sem, t, c);
    Op *inv = inv_op(sem, OPK_DROP_COLUMN, op);
    inv->u.drop_column.table = op->u.add_column.table;
    inv->u.drop_column.column = c->name;
    inv_push(sem, inv);
    MTable *n = edit_table(sem, t);
    if (!c->origin)
        c->origin = sem->mig;
    table_add_column(sem->schema, n, c);
    add_table_constraints(sem, n, op->u.add_column.constraints);
    if (sem->op_failed)
        sem_poison(sem, sem_column_key(sem, t->name, c->name.name));
    return !sem->op_failed;
}

static bool refuse_drop(Sem *sem, Op *op, const char *what, const char *name, Span def, const char *fix)
{
    Diag *g = sem_error(sem, op->span, "still-referenced", "column %s.%s is used by %s %s",
                        op->u.drop_column.table.name, op->u.drop_column.column.name, what, name);
    if (def.file != NO_FILE)
        diag_note(sem->diags, g, def, "%s %s is defined here", what, name);
    diag_help(sem->diags, g, "%s", fix);
    return false;
}

/* Foreign keys of other tables (or this one) that reference the column. */
static bool check_column_not_referenced(Sem *sem, Op *op, const MTable *t, const char *column)
{
    for (uint32_t i = 0; i < t->n_inbound; i++) {
        MTable *owner = schema_constraint_table(sem->schema, t->inbound[i]);
        Constraint *fk = owner ? table_constraint(owner, t->inbound[i]) : NULL;
        if (!fk)
            continue;
        for (uint32_t k = 0; k < fk->ref_columns.len; k++)
            if (strcasecmp(fk->ref_columns.items[k].name, column) == 0)
                return refuse_drop(sem, op, "foreign key", fk->name.name, fk->span,
                                   arena_printf(sem->arena, "drop the foreign key first: drop_constraint %s;",
                                                fk->name.name));
    }
    return true;
}

static bool check_column_droppable(Sem *sem, Op *op, const MTable *t, const char *column)
{
    if (t->n_columns == 1) {
        Diag *g = sem_error(sem, op->span, "last-column", "cannot drop %s, the last column of table %s", column,
                            t->name);
        diag_help(sem->diags, g, "drop the table instead: drop_table %s;", t->name);
        return false;
    }
    for (uint32_t i = 0; i < t->n_indexes; i++) {
        const IndexDef *ix = t->indexes[i];
        if (index_uses(ix, column) && !index_only_on(t, ix, column))
            return refuse_drop(sem, op, "index", ix->name.name, ix->span,
                               arena_printf(sem->arena, "drop the index first: drop_index %s;", ix->name.name));
    }
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *c = t->constraints[i];
        if (constraint_uses(c, column) && !only_on_column(t, c, column))
            return refuse_drop(sem, op, "constraint", c->name.name, c->span,
                               arena_printf(sem->arena, "drop the constraint first: drop_constraint %s;",
                                            c->name.name));
    }
    return check_column_not_referenced(sem, op, t, column);
}

/* A NOT NULL column without a default comes back with a placeholder
 * default for the existing rows, dropped again at once: the schema is as
 * before, and the rows hold a value instead of the one that was dropped. */
static void invert_drop_column(Sem *sem, Op *op, const MTable *t, ColumnDef *c)
{
    bool fill = c->not_null && !c->default_value && !c->identity;
    Op *inv = inv_op(sem, OPK_ADD_COLUMN, op);
    inv->u.add_column.table = op->u.drop_column.table;
    inv->u.add_column.column = c;
    if (fill) {
        ColumnDef *filled = ARENA_NEW(sem->arena, ColumnDef);
        *filled = *c;
        filled->default_value = inv_placeholder(sem, &c->type, op->span);
        inv->u.add_column.column = filled;
    }
    PtrVec cons = {0};
    for (uint32_t i = 0; i < t->n_constraints; i++)
        if (constraint_uses(t->constraints[i], c->name.name))
            ptrvec_push(sem->arena, &cons, t->constraints[i]);
    inv->u.add_column.constraints = (ConstraintList){(Constraint **)cons.items, cons.len};
    inv_push(sem, inv);
    if (fill) {
        Op *undefault = inv_op(sem, OPK_DROP_DEFAULT, op);
        undefault->u.alter_column.table = op->u.drop_column.table;
        undefault->u.alter_column.column = c->name;
        inv_push(sem, undefault);
    }
    for (uint32_t i = 0; i < t->n_indexes; i++)
        if (index_uses(t->indexes[i], c->name.name))
            inv_push(sem, inv_create_index_from(sem, t, t->indexes[i], op));
}

bool sem_drop_column(Sem *sem, Op *op)
{
    MTable *t = need_table(sem, op->u.drop_column.table);
    ColumnDef *c = t ? need_column(sem, t, op->u.drop_column.column) : NULL;
    if (!c || !check_column_droppable(sem, op, t, c->name.name))
        return false;
    invert_drop_column(sem, op, t, c);
    sem->verdict = VERDICT_STRUCTURE_ONLY;
    MTable *n = edit_table(sem, t);
    for (uint32_t i = n->n_indexes; i-- > 0;)
        if (index_uses(n->indexes[i], c->name.name))
            table_remove_index(sem->schema, n, i);
    for (uint32_t i = n->n_constraints; i-- > 0;)
        if (constraint_uses(n->constraints[i], c->name.name))
            unapply_constraint(sem, n, i);
    table_remove_column(sem->schema, n, (uint32_t)table_column_index(n, c->name.name));
    return true;
}

static IdentList rename_in_list(Sem *sem, IdentList l, const char *from, Ident to)
{
    IdentList out = {ARENA_ARRAY(sem->arena, Ident, l.len ? l.len : 1), l.len};
    for (uint32_t i = 0; i < l.len; i++)
        out.items[i] = strcasecmp(l.items[i].name, from) == 0 ? to : l.items[i];
    return out;
}

static void rename_in_table(Sem *sem, MTable *t, const char *from, Ident to)
{
    for (uint32_t i = 0; i < t->n_indexes; i++) {
        if (!index_uses(t->indexes[i], from))
            continue;
        IndexDef *ix = index_copy(sem, t->indexes[i]);
        ix->columns = rename_in_list(sem, ix->columns, from, to);
        ix->where = expr_rename_column(sem->arena, ix->where, from, to.name);
        table_set_index(sem->schema, t, i, ix);
    }
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        if (!constraint_uses(t->constraints[i], from))
            continue;
        Constraint *c = constraint_copy(sem, t->constraints[i]);
        c->columns = rename_in_list(sem, c->columns, from, to);
        c->check = expr_rename_column(sem->arena, c->check, from, to.name);
        table_set_constraint(sem->schema, t, i, c);
    }
}

/* Foreign keys that reference the renamed column follow it. */
static void rename_in_references(Sem *sem, MTable *t, const char *from, Ident to)
{
    for (uint32_t i = 0; i < t->n_inbound; i++) {
        MTable *owner = schema_constraint_table(sem->schema, t->inbound[i]);
        if (!owner)
            continue;
        owner = edit_table(sem, owner);
        for (uint32_t k = 0; k < owner->n_constraints; k++) {
            Constraint *c = owner->constraints[k];
            if (c->kind != CON_FOREIGN_KEY || strcasecmp(c->ref_table.name, t->name) != 0)
                continue;
            Constraint *n = constraint_copy(sem, c);
            n->ref_columns = rename_in_list(sem, c->ref_columns, from, to);
            table_set_constraint(sem->schema, owner, k, n);
        }
    }
}

bool sem_rename_column(Sem *sem, Op *op)
{
    MTable *t = need_table(sem, op->u.rename_column.table);
    ColumnDef *c = t ? need_column(sem, t, op->u.rename_column.from) : NULL;
    Ident to = op->u.rename_column.to;
    if (!c || !require_free_column(sem, t, to))
        return false;
    Op *inv = inv_op(sem, OPK_RENAME_COLUMN, op);
    inv->u.rename_column.table = op->u.rename_column.table;
    inv->u.rename_column.from = to;
    inv->u.rename_column.to = c->name;
    inv_push(sem, inv);
    const char *from = c->name.name;
    MTable *n = edit_table(sem, t);
    ColumnDef *r = ARENA_NEW(sem->arena, ColumnDef);
    *r = *c;
    r->name = to;
    table_set_column(sem->schema, n, (uint32_t)table_column_index(n, from), r);
    rename_in_table(sem, n, from, to);
    rename_in_references(sem, n, from, to);
    return true;
}

/* ========================================================== alter column */

static bool no_change(Sem *sem, Op *op, const char *what)
{
    Diag *g = sem_error(sem, op->span, "no-change", "column %s.%s %s", op->u.alter_column.table.name,
                        op->u.alter_column.column.name, what);
    diag_help(sem->diags, g, "remove this operation: it changes nothing, and its downgrade would undo a "
                             "state it did not make");
    return false;
}

static bool in_primary_key(const MTable *t, const char *column)
{
    Constraint *pk = table_primary_key(t);
    return pk && constraint_uses(pk, column);
}

/* A type change must keep every foreign key through the column joinable. */
static bool check_fk_types(Sem *sem, Op *op, const MTable *t, const ColumnDef *c, const Type *to)
{
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *fk = t->constraints[i];
        if (fk->kind != CON_FOREIGN_KEY)
            continue;
        MTable *target = schema_table(sem->schema, fk->ref_table.name);
        for (uint32_t k = 0; target && k < fk->columns.len; k++) {
            ColumnDef *rc = table_column(target, fk->ref_columns.items[k].name);
            if (strcasecmp(fk->columns.items[k].name, c->name.name) != 0 || !rc ||
                types_compatible_for_fk(to, &rc->type))
                continue;
            Diag *g = sem_error(sem, op->span, "fk-type-mismatch", "foreign key %s would join %s with %s.%s (%s)",
                                fk->name.name, type_to_string(sem->arena, to), target->name, rc->name.name,
                                type_to_string(sem->arena, &rc->type));
            diag_help(sem->diags, g, "drop the foreign key, change both columns, then add it again");
            return false;
        }
    }
    return true;
}

/* ... and every foreign key (of any table) that references the column. */
static bool check_inbound_fk_types(Sem *sem, Op *op, const MTable *t, const ColumnDef *c, const Type *to)
{
    for (uint32_t i = 0; i < t->n_inbound; i++) {
        MTable *owner = schema_constraint_table(sem->schema, t->inbound[i]);
        Constraint *fk = owner ? table_constraint(owner, t->inbound[i]) : NULL;
        for (uint32_t k = 0; fk && k < fk->ref_columns.len && k < fk->columns.len; k++) {
            ColumnDef *from = table_column(owner, fk->columns.items[k].name);
            if (strcasecmp(fk->ref_columns.items[k].name, c->name.name) != 0 || !from ||
                types_compatible_for_fk(&from->type, to))
                continue;
            Diag *g = sem_error(sem, op->span, "fk-type-mismatch",
                                "foreign key %s would join %s.%s (%s) with %s.%s (%s)", fk->name.name, owner->name,
                                from->name.name, type_to_string(sem->arena, &from->type), t->name, c->name.name,
                                type_to_string(sem->arena, to));
            diag_note(sem->diags, g, fk->span, "the foreign key is defined here");
            diag_help(sem->diags, g, "drop the foreign key, change both columns, then add it again");
            return false;
        }
    }
    return true;
}

/* Checks and partial-index predicates over the column must still type-check
 * with its new type (a widening keeps them valid).  A break is reported at
 * the predicate, with a note at this operation. */
static void recheck_predicates(Sem *sem, Op *op, const MTable *t, const ColumnDef *c, ColumnDef *n)
{
    if (type_widens(&c->type, &n->type) || type_widens(&n->type, &c->type))
        return;
    MTable after = *t;
    after.columns = ARENA_ARRAY(sem->arena, ColumnDef *, t->n_columns);
    for (uint32_t i = 0; i < t->n_columns; i++)
        after.columns[i] = t->columns[i] == c ? n : t->columns[i];
    uint32_t first = sem->diags->list.len;
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *k = t->constraints[i];
        if (k->kind == CON_CHECK && expr_uses_column(k->check, c->name.name))
            check_predicate(sem, k->check, &after, CONTEXT("check", k->name.name, NULL));
    }
    for (uint32_t i = 0; i < t->n_indexes; i++) {
        const IndexDef *ix = t->indexes[i];
        if (expr_uses_column(ix->where, c->name.name))
            check_predicate(sem, ix->where, &after, CONTEXT("predicate of index", ix->name.name, NULL));
    }
    for (uint32_t i = first; i < sem->diags->list.len; i++)
        diag_note(sem->diags, sem->diags->list.items[i], op->span, "%s.%s becomes %s here", t->name, c->name.name,
                  type_to_string(sem->arena, &n->type));
}

/* Without `using`, the values must convert by a cast every dialect has. */
static bool convertible(Sem *sem, Op *op, const MTable *t, const ColumnDef *c, const Type *to)
{
    if (type_conversion(&c->type, to) != CONV_NONE)
        return true;
    Arena *a = sem->arena;
    Diag *g = sem_error(sem, op->span, "no-conversion", "%s.%s cannot be converted from %s to %s by a cast",
                        t->name, c->name.name, type_to_string(a, &c->type), type_to_string(a, to));
    diag_help(sem->diags, g, "say how with `using expr`, an expression of the old row that gives the new value");
    return false;
}

static bool check_alter_type(Sem *sem, Op *op, MTable *t, ColumnDef *c, ColumnDef *n)
{
    n->type = op->u.alter_column.type;
    if (!check_type(sem, &n->type))
        return false;
    if (type_equal(&c->type, &n->type))
        return no_change(sem, op, arena_printf(sem->arena, "already has type %s", type_to_string(sem->arena, &c->type)));
    if (c->identity && !(n->type.kind == TY_SMALLINT || n->type.kind == TY_INTEGER || n->type.kind == TY_BIGINT)) {
        Diag *g = sem_error(sem, op->span, "bad-identity", "identity column %s.%s must stay an integer", t->name,
                            c->name.name);
        diag_help(sem->diags, g, "identity needs smallint, integer or bigint");
        return false;
    }
    if (c->default_value &&
        !check_value(sem, c->default_value, &n->type, NULL, CONTEXT("default of", t->name, c->name.name)))
        diag_note(sem->diags, diags_last(sem->diags), op->span,
                  "this changes the type of %s.%s; drop its default first, or change it to fit", t->name, c->name.name);
    if (op->u.alter_column.using_expr)
        check_value(sem, op->u.alter_column.using_expr, &n->type, t, CONTEXT("using expression", NULL, NULL));
    else if (!convertible(sem, op, t, c, &n->type))
        return false;
    recheck_predicates(sem, op, t, c, n);
    sem->verdict = type_widens(&c->type, &n->type) ? VERDICT_LOSSLESS : VERDICT_STRUCTURE_ONLY;
    return check_fk_types(sem, op, t, c, &n->type) && check_inbound_fk_types(sem, op, t, c, &n->type);
}

/* The derived downgrade of a type change converts back by a cast: when
 * there is none (time cannot become timestamp again), the migration must
 * say how in its own downgrade block. */
static bool convertible_back(Sem *sem, const Op *op, const ColumnDef *c)
{
    const Type *to = &op->u.alter_column.type;
    if (sem->explicit_downgrade || type_conversion(to, &c->type) != CONV_NONE)
        return true;
    Arena *a = sem->arena;
    Diag *g = sem_error(sem, op->span, "no-conversion", "the downgrade cannot convert %s.%s from %s back to %s",
                        op->u.alter_column.table.name, c->name.name, type_to_string(a, to),
                        type_to_string(a, &c->type));
    diag_help(sem->diags, g, "write the migration's downgrade { } block, with alter_column ... using expr");
    return false;
}

static void invert_alter(Sem *sem, Op *op, const ColumnDef *c)
{
    OpKind k = op->kind;
    OpKind back = k == OPK_SET_NOT_NULL    ? OPK_DROP_NOT_NULL
                  : k == OPK_DROP_NOT_NULL ? OPK_SET_NOT_NULL
                  : k == OPK_ALTER_TYPE    ? OPK_ALTER_TYPE
                  : c->default_value       ? OPK_SET_DEFAULT
                                           : OPK_DROP_DEFAULT;
    Op *inv = inv_op(sem, back, op);
    inv->u.alter_column.table = op->u.alter_column.table;
    inv->u.alter_column.column = op->u.alter_column.column;
    inv->u.alter_column.type = c->type;
    inv->u.alter_column.value = c->default_value;
    inv_push(sem, inv);
}

static bool check_drop_not_null(Sem *sem, Op *op, MTable *t, ColumnDef *c)
{
    if (!c->not_null)
        return no_change(sem, op, "is already nullable");
    if (!in_primary_key(t, c->name.name) && !c->identity)
        return true;
    Diag *g = sem_error(sem, op->span, "bad-nullability", "column %s.%s must stay not null: it is %s", t->name,
                        c->name.name, c->identity ? "an identity column" : "in the primary key");
    diag_help(sem->diags, g, "drop the primary key first if the column may hold nulls");
    return false;
}

static bool check_set_default(Sem *sem, Op *op, MTable *t, ColumnDef *c, ColumnDef *n)
{
    if (c->identity) {
        Diag *g = sem_error(sem, op->span, "bad-identity", "identity column %s.%s cannot have a default", t->name,
                            c->name.name);
        diag_help(sem->diags, g, "identity generates the values");
        return false;
    }
    if (expr_equal(c->default_value, n->default_value))
        return no_change(sem, op, "already has this default");
    check_value(sem, n->default_value, &c->type, NULL, CONTEXT("default of", t->name, c->name.name));
    return true;
}

/* A foreign key that sets the column to null on delete or update needs it
 * nullable (MySQL refuses the NOT NULL: error 1830). */
static bool check_not_nulled_by_fk(Sem *sem, Op *op, const MTable *t, const ColumnDef *c)
{
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *k = t->constraints[i];
        if (k->kind != CON_FOREIGN_KEY || (k->on_delete != FK_SET_NULL && k->on_update != FK_SET_NULL))
            continue;
        for (uint32_t j = 0; j < k->columns.len; j++) {
            if (strcasecmp(k->columns.items[j].name, c->name.name) != 0)
                continue;
            Diag *g = sem_error(sem, op->span, "fk-set-null", "foreign key %s sets %s.%s to null, so it cannot be not null",
                                k->name.name, t->name, c->name.name);
            diag_note(sem->diags, g, k->span, "the foreign key is defined here");
            diag_help(sem->diags, g, "change the foreign key to cascade or restrict first");
            return false;
        }
    }
    return true;
}

/* Sets `n` to the column as the operation leaves it, after checking. */
static bool check_alter(Sem *sem, Op *op, MTable *t, ColumnDef *c, ColumnDef *n)
{
    if (op->kind == OPK_ALTER_TYPE)
        return check_alter_type(sem, op, t, c, n);
    if (op->kind == OPK_SET_NOT_NULL) {
        n->not_null = true;
        if (c->not_null)
            return no_change(sem, op, "is already not null");
        return check_not_nulled_by_fk(sem, op, t, c);
    }
    if (op->kind == OPK_DROP_NOT_NULL) {
        n->not_null = false;
        return check_drop_not_null(sem, op, t, c);
    }
    if (op->kind == OPK_SET_DEFAULT) {
        n->default_value = op->u.alter_column.value;
        return check_set_default(sem, op, t, c, n);
    }
    n->default_value = NULL;
    return c->default_value || no_change(sem, op, "has no default");
}

bool sem_alter_column(Sem *sem, Op *op)
{
    MTable *t = need_table(sem, op->u.alter_column.table);
    ColumnDef *c = t ? need_column(sem, t, op->u.alter_column.column) : NULL;
    if (!c)
        return false;
    ColumnDef *n = ARENA_NEW(sem->arena, ColumnDef);
    *n = *c;
    if (!check_alter(sem, op, t, c, n))
        return false;
    if (op->kind == OPK_ALTER_TYPE)
        convertible_back(sem, op, c);
    invert_alter(sem, op, c);
    MTable *e = edit_table(sem, t);
    table_set_column(sem->schema, e, (uint32_t)table_column_index(e, c->name.name), n);
    return true;
}

