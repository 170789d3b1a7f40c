/* sem_index.c: indexes and constraints: check, complete, invert, apply. */
#include <string.h>

#include "sem.h"

/* ============================================================ constraints */

static bool check_column_list(Sem *sem, MTable *t, IdentList cols, const char *what)
{
    bool ok = true;
    for (uint32_t i = 0; i < cols.len; i++) {
        if (!need_column(sem, t, cols.items[i])) {
            ok = false;
            continue;
        }
        for (uint32_t k = 0; k < i; k++) {
            if (strcasecmp(cols.items[k].name, cols.items[i].name) == 0) {
                Diag *g = sem_error(sem, cols.items[i].span, "duplicate-column", "column %s appears twice in the %s",
                                    cols.items[i].name, what);
                diag_help(sem->diags, g, "list each column once");
                ok = false;
            }
        }
    }
    return ok;
}

static bool same_column_set(IdentList a, IdentList b)
{
    if (a.len != b.len)
        return false;
    for (uint32_t i = 0; i < a.len; i++) {
        bool found = false;
        for (uint32_t k = 0; k < b.len && !found; k++)
            found = strcasecmp(a.items[i].name, b.items[k].name) == 0;
        if (!found)
            return false;
    }
    return true;
}

static bool same_column_list(IdentList a, IdentList b)
{
    if (a.len != b.len)
        return false;
    for (uint32_t i = 0; i < a.len; i++)
        if (strcasecmp(a.items[i].name, b.items[i].name) != 0)
            return false;
    return true;
}

/* A foreign key must reference the primary key, a unique constraint, or a
 * unique index without a predicate (PostgreSQL, MySQL and SQLite all take
 * one).  `except` is left out: can that index go without orphaning a key? */
static bool referenced_key_exists(const MTable *target, IdentList cols, const IndexDef *except)
{
    for (uint32_t i = 0; i < target->n_constraints; i++) {
        const Constraint *c = target->constraints[i];
        if ((c->kind == CON_PRIMARY_KEY || c->kind == CON_UNIQUE) && same_column_set(c->columns, cols))
            return true;
    }
    for (uint32_t i = 0; i < target->n_indexes; i++) {
        const IndexDef *ix = target->indexes[i];
        if (ix != except && ix->unique && !ix->where && same_column_set(ix->columns, cols))
            return true;
    }
    return false;
}

static bool resolve_ref_columns(Sem *sem, Constraint *c, MTable *target)
{
    if (c->ref_columns.len)
        return true;
    Constraint *pk = table_primary_key(target);
    if (!pk) {
        Diag *g = sem_error(sem, c->ref_table.span, "fk-no-key", "table %s has no primary key to reference",
                            target->name);
        diag_help(sem->diags, g, "name the referenced columns: references %s (col)", target->name);
        return false;
    }
    c->ref_columns = pk->columns;
    return true;
}

static bool is_integer_kind(TypeKind k)
{
    return k == TY_SMALLINT || k == TY_INTEGER || k == TY_BIGINT;
}

static bool check_fk_pair(Sem *sem, Constraint *c, MTable *t, MTable *target, uint32_t i)
{
    ColumnDef *from = need_column(sem, t, c->columns.items[i]);
    ColumnDef *to = need_column(sem, target, c->ref_columns.items[i]);
    if (!from || !to)
        return false;
    if (types_compatible_for_fk(&from->type, &to->type))
        return true;
    Diag *g = sem_flaw(sem, c->span, "fk-type-mismatch", "foreign key %s joins %s.%s (%s) with %s.%s (%s)",
                        c->name.name, t->name, from->name.name, type_to_string(sem->arena, &from->type),
                        target->name, to->name.name, type_to_string(sem->arena, &to->type));
    bool integers = is_integer_kind(from->type.kind) && is_integer_kind(to->type.kind);
    diag_help(sem->diags, g, "give both columns the same type%s",
              integers ? " (MySQL requires the same integer type)" : "");
    return true;
}

static bool check_fk_actions(Sem *sem, Constraint *c, MTable *t)
{
    if (c->on_delete != FK_SET_NULL && c->on_update != FK_SET_NULL)
        return true;
    for (uint32_t i = 0; i < c->columns.len; i++) {
        ColumnDef *col = table_column(t, c->columns.items[i].name);
        if (col && col->not_null) {
            Diag *g = sem_flaw(sem, c->span, "fk-set-null", "foreign key %s sets %s.%s to null, but it is not null",
                                c->name.name, t->name, col->name.name);
            diag_help(sem->diags, g, "make the column nullable, or use cascade or restrict");
            return false;
        }
    }
    return true;
}

static bool check_foreign_key(Sem *sem, MTable *t, Constraint *c, const MTable *self)
{
    MTable *target = self && strcmp(c->ref_table.name, self->name) == 0 ? (MTable *)self
                                                                         : need_table(sem, c->ref_table);
    if (!target || !resolve_ref_columns(sem, c, target))
        return false;
    if (c->ref_columns.len != c->columns.len) {
        Diag *g = sem_error(sem, c->span, "fk-arity", "foreign key %s has %u column%s but references %u",
                            c->name.name, c->columns.len, c->columns.len == 1 ? "" : "s", c->ref_columns.len);
        diag_help(sem->diags, g, "list as many referenced columns as constrained ones");
        return false;
    }
    bool ok = true;
    for (uint32_t i = 0; i < c->columns.len; i++)
        ok &= check_fk_pair(sem, c, t, target, i);
    if (ok && !referenced_key_exists(target, c->ref_columns, NULL)) {
        Diag *g = sem_flaw(sem, c->span, "fk-no-key", "foreign key %s references %s columns that are not unique",
                           c->name.name, target->name);
        diag_help(sem->diags, g, "reference the primary key, or add a unique constraint on those columns first");
    }
    return ok && check_fk_actions(sem, c, t);
}

/* Declared with its columns (create_table, a column attribute), a primary
 * key makes them not null; added later it must find them not null, or its
 * downgrade (drop_constraint) could not give the nulls back. */
static bool check_primary_key(Sem *sem, MTable *t, Constraint *c, bool declared_with_columns)
{
    Constraint *pk = table_primary_key(t);
    if (pk && pk != c) {
        Diag *g = sem_error(sem, c->span, "duplicate-primary-key", "table %s already has a primary key (%s)", t->name,
                            pk->name.name);
        diag_note(sem->diags, g, pk->span, "the primary key is defined here");
        diag_help(sem->diags, g, "a table has one primary key; use a unique constraint for other keys");
        return false;
    }
    if (declared_with_columns)
        return true;
    for (uint32_t i = 0; i < c->columns.len; i++) {
        ColumnDef *col = table_column(t, c->columns.items[i].name);
        if (col && !col->not_null) {
            Diag *g = sem_error(sem, c->span, "bad-nullability", "primary key column %s.%s is nullable", t->name,
                                col->name.name);
            diag_help(sem->diags, g, "set it not null first: alter_column %s.%s set not null;", t->name,
                      col->name.name);
            return false;
        }
    }
    return true;
}

/* A second primary key or unique constraint over the same columns in the
 * same order adds nothing, and PostgreSQL's and SQLite's CREATE TABLE
 * leave it out without a word, so the database would not have what the
 * model says. */
static void check_key_not_repeated(Sem *sem, const MTable *t, const Constraint *c)
{
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *k = t->constraints[i];
        if (k == c || (k->kind != CON_PRIMARY_KEY && k->kind != CON_UNIQUE) || !same_column_list(k->columns, c->columns))
            continue;
        Diag *g = sem_flaw(sem, c->span, "redundant-key", "%s %s makes the same columns unique as %s %s",
                           constraint_kind_name(c->kind), c->name.name, constraint_kind_name(k->kind), k->name.name);
        diag_note(sem->diags, g, k->span, "%s is defined here", k->name.name);
        diag_help(sem->diags, g, "leave it out: PostgreSQL and SQLite would not create it in a CREATE TABLE");
        return;
    }
}

/* `self` is the table being defined (create_table), so a foreign key may
 * reference it.  Returns false on a structural error (the constraint cannot
 * exist); flaws in its predicate are reported but it still applies. */
bool check_constraint(Sem *sem, MTable *t, Constraint *c, const MTable *self)
{
    if (c->kind == CON_CHECK) {
        check_predicate(sem, c->check, t, CONTEXT("check", c->name.name, NULL));
        return true; /* a flawed predicate still names a constraint */
    }
    if (!check_column_list(sem, t, c->columns, constraint_kind_name(c->kind)))
        return false;
    if (c->kind == CON_PRIMARY_KEY || c->kind == CON_UNIQUE)
        check_key_not_repeated(sem, t, c);
    if (c->kind == CON_PRIMARY_KEY)
        return check_primary_key(sem, t, c, c->from_column || self != NULL);
    if (c->kind == CON_FOREIGN_KEY)
        return check_foreign_key(sem, t, c, self);
    return true;
}

static void set_not_null(Sem *sem, MTable *t, IdentList cols)
{
    for (uint32_t i = 0; i < cols.len; i++) {
        int k = table_column_index(t, cols.items[i].name);
        if (k < 0 || t->columns[k]->not_null)
            continue;
        ColumnDef *n = ARENA_NEW(sem->arena, ColumnDef);
        *n = *t->columns[k];
        n->not_null = true;
        table_set_column(sem->schema, t, (uint32_t)k, n);
    }
}

void apply_constraint(Sem *sem, MTable *t, Constraint *c)
{
    if (!c->origin) {
        c->origin = sem->mig;
        c->seq = ++sem->keys_made;
    }
    table_add_constraint(sem->schema, t, c);
    if (c->kind == CON_PRIMARY_KEY)
        set_not_null(sem, t, c->columns);
    if (c->kind != CON_FOREIGN_KEY)
        return;
    MTable *target = strcasecmp(c->ref_table.name, t->name) == 0 ? t : schema_table(sem->schema, c->ref_table.name);
    if (target)
        table_add_inbound(sem->schema, sem_edit_table(sem, target), c->name.name);
}

void unapply_constraint(Sem *sem, MTable *t, uint32_t index)
{
    Constraint *c = t->constraints[index];
    if (c->kind == CON_FOREIGN_KEY) {
        MTable *target = strcasecmp(c->ref_table.name, t->name) == 0 ? t : schema_table(sem->schema, c->ref_table.name);
        if (target)
            table_remove_inbound(sem->schema, sem_edit_table(sem, target), c->name.name);
    }
    table_remove_constraint(sem->schema, t, index);
}

bool sem_add_constraint(Sem *sem, Op *op)
{
    Constraint *c = op->u.add_constraint.constraint;
    MTable *t = need_table(sem, c->table);
    if (!t)
        return false;
    name_constraint(sem, c);
    if (!require_free_name(sem, c->name, "create constraint") || !check_constraint(sem, t, c, NULL)) {
        sem_poison(sem, c->name.name);
        return false;
    }
    Op *inv = inv_op(sem, OPK_DROP_CONSTRAINT, op);
    inv->u.drop_constraint.name = c->name;
    inv->u.drop_constraint.table = c->table;
    inv_push(sem, inv);
    apply_constraint(sem, sem_edit_table(sem, t), c);
    return true;
}

/* The seq of the key a foreign key leans on: PostgreSQL takes the oldest
 * unique key over the referenced columns that exists when the foreign key
 * is made, and refuses to drop that one while the foreign key lives;
 * younger keys over the same columns may go.  (MySQL and SQLite only need
 * some key to remain, which the oldest then is.) */
static uint32_t backing_key_seq(const MTable *t, const Constraint *fk)
{
    uint32_t best = UINT32_MAX;
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *k = t->constraints[i];
        if ((k->kind == CON_PRIMARY_KEY || k->kind == CON_UNIQUE) && k->seq < fk->seq && k->seq < best &&
            same_column_set(k->columns, fk->ref_columns))
            best = k->seq;
    }
    for (uint32_t i = 0; i < t->n_indexes; i++) {
        const IndexDef *ix = t->indexes[i];
        if (ix->unique && !ix->where && ix->seq < fk->seq && ix->seq < best &&
            same_column_set(ix->columns, fk->ref_columns))
            best = ix->seq;
    }
    return best;
}

/* Whether dropping the key with this seq leaves `fk` without its key. */
static bool key_needed_by(const MTable *t, const Constraint *fk, uint32_t key_seq)
{
    uint32_t backing = backing_key_seq(t, fk);
    return backing == UINT32_MAX || backing == key_seq;
}

/* A key that foreign keys lean on cannot go. */
static bool check_key_unreferenced(Sem *sem, Op *op, MTable *t, Constraint *c)
{
    if (c->kind != CON_PRIMARY_KEY && c->kind != CON_UNIQUE)
        return true;
    for (uint32_t i = 0; i < t->n_inbound; i++) {
        MTable *owner = schema_constraint_table(sem->schema, t->inbound[i]);
        Constraint *fk = owner ? table_constraint(owner, t->inbound[i]) : NULL;
        if (!fk || !same_column_set(fk->ref_columns, c->columns) || !key_needed_by(t, fk, c->seq))
            continue;
        Diag *g = sem_error(sem, op->span, "still-referenced", "constraint %s is referenced by foreign key %s on %s",
                            c->name.name, fk->name.name, owner->name);
        diag_note(sem->diags, g, fk->span, "the foreign key is defined here");
        diag_help(sem->diags, g, "drop the foreign key first: drop_constraint %s;", fk->name.name);
        return false;
    }
    return true;
}

bool sem_drop_constraint(Sem *sem, Op *op)
{
    MTable *t = need_constraint_table(sem, op->u.drop_constraint.name);
    Constraint *c = t ? table_constraint(t, op->u.drop_constraint.name.name) : NULL;
    if (!c || !check_key_unreferenced(sem, op, t, c))
        return false;
    op->u.drop_constraint.table = (Ident){t->name, op->u.drop_constraint.name.span};
    inv_push(sem, inv_add_constraint_from(sem, c, op));
    MTable *e = sem_edit_table(sem, t);
    for (uint32_t i = 0; i < e->n_constraints; i++)
        if (e->constraints[i] == c)
            unapply_constraint(sem, e, i);
    return true;
}

bool sem_validate_constraint(Sem *sem, Op *op)
{
    MTable *t = need_constraint_table(sem, op->u.drop_constraint.name);
    Constraint *c = t ? table_constraint(t, op->u.drop_constraint.name.name) : NULL;
    if (!c)
        return false;
    op->u.drop_constraint.table = (Ident){t->name, op->u.drop_constraint.name.span};
    if (c->kind != CON_CHECK && c->kind != CON_FOREIGN_KEY) {
        Diag *g = sem_error(sem, op->span, "bad-validate", "constraint %s is a %s; only check and foreign key "
                            "constraints are validated", c->name.name, constraint_kind_name(c->kind));
        diag_help(sem->diags, g, "remove this operation");
        return false;
    }
    if (!c->not_valid) {
        Diag *g = diag_warning(sem->diags, op->span, "no-change", "constraint %s is already valid", c->name.name);
        diag_help(sem->diags, g, "validate_constraint follows add_constraint ... not valid");
        return true;
    }
    /* validating is not undone: the downgrade keeps the constraint valid */
    Constraint *n = ARENA_NEW(sem->arena, Constraint);
    *n = *c;
    n->not_valid = false;
    MTable *e = sem_edit_table(sem, t);
    for (uint32_t i = 0; i < e->n_constraints; i++)
        if (e->constraints[i] == c)
            table_set_constraint(sem->schema, e, i, n);
    return true;
}

/* ================================================================ indexes */

bool sem_create_index(Sem *sem, Op *op)
{
    IndexDef *ix = op->u.create_index.index;
    MTable *t = need_table(sem, ix->table);
    if (!t)
        return false;
    bool ok = check_column_list(sem, t, ix->columns, "index");
    if (ix->where)
        ok &= check_predicate(sem, ix->where, t, CONTEXT("index predicate", NULL, NULL));
    name_index(sem, ix);
    if (!ok || !require_free_name(sem, ix->name, "create index")) {
        sem_poison(sem, ix->name.name);
        return false;
    }
    Op *inv = inv_op(sem, OPK_DROP_INDEX, op);
    inv->u.drop_index.name = ix->name;
    inv->u.drop_index.table = ix->table;
    inv->u.drop_index.concurrently = op->u.create_index.concurrently;
    inv_push(sem, inv);
    if (!ix->origin) {
        ix->origin = sem->mig;
        ix->seq = ++sem->keys_made;
    }
    table_add_index(sem->schema, sem_edit_table(sem, t), ix);
    return true;
}

/* A unique index a foreign key leans on cannot go. */
static bool check_index_unreferenced(Sem *sem, Op *op, MTable *t, const IndexDef *ix)
{
    if (!ix->unique || ix->where)
        return true;
    for (uint32_t i = 0; i < t->n_inbound; i++) {
        MTable *owner = schema_constraint_table(sem->schema, t->inbound[i]);
        Constraint *fk = owner ? table_constraint(owner, t->inbound[i]) : NULL;
        if (!fk || !same_column_set(fk->ref_columns, ix->columns) || !key_needed_by(t, fk, ix->seq))
            continue;
        Diag *g = sem_error(sem, op->span, "still-referenced", "index %s is referenced by foreign key %s on %s",
                            ix->name.name, fk->name.name, owner->name);
        diag_note(sem->diags, g, fk->span, "the foreign key is defined here");
        diag_help(sem->diags, g, "drop the foreign key first: drop_constraint %s;", fk->name.name);
        return false;
    }
    return true;
}

bool sem_drop_index(Sem *sem, Op *op)
{
    MTable *t = need_index_table(sem, op->u.drop_index.name);
    IndexDef *ix = t ? table_index(t, op->u.drop_index.name.name) : NULL;
    if (!ix || !check_index_unreferenced(sem, op, t, ix))
        return false;
    op->u.drop_index.table = (Ident){t->name, op->u.drop_index.name.span};
    Op *inv = inv_create_index_from(sem, t, ix, op);
    inv->u.create_index.concurrently = op->u.drop_index.concurrently;
    inv_push(sem, inv);
    MTable *e = sem_edit_table(sem, t);
    for (uint32_t i = 0; i < e->n_indexes; i++)
        if (e->indexes[i] == ix)
            table_remove_index(sem->schema, e, i);
    return true;
}

bool sem_rename_index(Sem *sem, Op *op)
{
    Ident from = op->u.rename_index.from, to = op->u.rename_index.to;
    MTable *t = need_index_table(sem, from);
    IndexDef *ix = t ? table_index(t, from.name) : NULL;
    if (!ix || !require_free_name(sem, to, arena_printf(sem->arena, "rename index '%s' to", from.name)))
        return false;
    op->u.rename_index.table = (Ident){t->name, from.span};
    Op *inv = inv_op(sem, OPK_RENAME_INDEX, op);
    inv->u.rename_index.from = to;
    inv->u.rename_index.to = ix->name;
    inv->u.rename_index.table = op->u.rename_index.table;
    inv_push(sem, inv);
    IndexDef *n = ARENA_NEW(sem->arena, IndexDef);
    *n = *ix;
    n->name = to;
    n->name_generated = false;
    MTable *e = sem_edit_table(sem, t);
    for (uint32_t i = 0; i < e->n_indexes; i++) {
        if (e->indexes[i] == ix) {
            owner_put(sem->schema, &sem->schema->index_owner, ix->name.name, NULL);
            table_set_index(sem->schema, e, i, n);
            owner_put(sem->schema, &sem->schema->index_owner, to.name, e->name);
        }
    }
    return true;
}
