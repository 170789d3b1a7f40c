/* emit_mysql.c: the common subset of MySQL 8.0 and MariaDB 10.5 and later.
 *
 * MySQL differs from PostgreSQL where it matters to a migration:
 * - DDL is not transactional, and MODIFY COLUMN needs the whole column
 *   (type, nullability, default, AUTO_INCREMENT): the model supplies it.
 * - Enums live inline in each column (ENUM('a', 'b')): adding or dropping
 *   a label restates every column of that enum.
 * - InnoDB wants an index under every foreign key.  When none of the model's
 *   keys starts with the foreign key's columns, MySQL makes one named after
 *   the foreign key; this emitter keeps exactly that true: an operation
 *   that takes away the last covering key adds the index `fk` in the same
 *   statement (MySQL refuses the drop otherwise, error 1553), one that
 *   brings a covering key drops it, and dropping the foreign key drops it.
 * - A column used by a foreign key cannot change type (error 1832): the
 *   foreign keys are dropped around the change and added again.
 * - || means OR: concatenation is CONCAT(); strings escape backslashes. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "emit_mysql.h"
#include "timestamp.h"

/* ============================================================ definitions */

/* name TYPE [NOT NULL] [DEFAULT x] [AUTO_INCREMENT] */
static void column_def(Emit *e, const ColumnDef *c)
{
    emit_ident(e, c->name.name);
    emit_raw(e, " ");
    mysql_type(e, &c->type);
    if (c->not_null)
        emit_raw(e, " NOT NULL");
    if (c->default_value) {
        emit_raw(e, " DEFAULT ");
        mysql_default(e, c->default_value, c);
    }
    if (c->identity)
        emit_raw(e, " AUTO_INCREMENT");
}

static const char *fk_action_sql(FkAction a)
{
    switch (a) {
    case FK_NO_ACTION: return "NO ACTION";
    case FK_RESTRICT: return "RESTRICT";
    case FK_CASCADE: return "CASCADE";
    case FK_SET_NULL: return "SET NULL";
    case FK_SET_DEFAULT: return "SET DEFAULT";
    case FK_NONE: break;
    }
    return "";
}

/* Table names are case-sensitive on most MySQL servers: the referenced
 * table is named as the model spells it, not as the constraint wrote it. */
static void references(Emit *e, const Constraint *c)
{
    const MTable *target = schema_table(e->ev->schema, c->ref_table.name);
    emit_raw(e, "REFERENCES ");
    emit_ident(e, target ? target->name : c->ref_table.name);
    emit_raw(e, " ");
    emit_ident_list(e, c->ref_columns);
    if (c->on_delete != FK_NONE) {
        emit_raw(e, " ON DELETE ");
        emit_raw(e, fk_action_sql(c->on_delete));
    }
    if (c->on_update != FK_NONE) {
        emit_raw(e, " ON UPDATE ");
        emit_raw(e, fk_action_sql(c->on_update));
    }
}

/* CONSTRAINT n ...; a unique constraint's index takes its name. */
static void constraint_def(Emit *e, const Constraint *c)
{
    emit_raw(e, "CONSTRAINT ");
    emit_ident(e, c->name.name);
    switch (c->kind) {
    case CON_PRIMARY_KEY: emit_raw(e, " PRIMARY KEY "); break;
    case CON_UNIQUE: emit_raw(e, " UNIQUE "); break;
    case CON_FOREIGN_KEY: emit_raw(e, " FOREIGN KEY "); break;
    case CON_CHECK:
        emit_raw(e, " CHECK (");
        emit_expr(e, c->check);
        emit_raw(e, ")");
        return;
    }
    emit_ident_list(e, c->columns);
    if (c->kind == CON_FOREIGN_KEY) {
        emit_raw(e, " ");
        references(e, c);
    }
}

static void alter_table(Emit *e, const char *table)
{
    emit_raw(e, "ALTER TABLE ");
    emit_ident(e, table);
}

/* Clauses of one ALTER TABLE: the first follows the table name, the rest
 * go one to a line. */
static void clause(Emit *e, bool *first, const char *text)
{
    emit_raw(e, *first ? " " : ",\n    ");
    emit_raw(e, text);
    *first = false;
}

static void modify_column(Emit *e, const ColumnDef *c, bool *first)
{
    clause(e, first, "MODIFY COLUMN ");
    column_def(e, c);
}

static void add_constraint_clause(Emit *e, const Constraint *c, bool *first)
{
    clause(e, first, "ADD ");
    constraint_def(e, c);
}

/* =================================================== foreign key indexes */

/* Whether a key of the model starts with the foreign key's columns. */
static bool fk_covered(const MTable *t, const Constraint *fk)
{
    return mysql_has_key_prefix(t, fk->columns);
}

/* `INDEX fk (cols)` for a new foreign key no key of the model covers.
 * InnoDB would make that index itself, but one index serves every foreign
 * key it leads, named after whichever came first or last depending on the
 * statement; written out, each such foreign key has its own index under
 * its own name, which is what dropping it assumes. */
static void fk_own_index(Emit *e, const MTable *t, const Constraint *c, const char *lead)
{
    if (c->kind != CON_FOREIGN_KEY || fk_covered(t, c))
        return;
    emit_raw(e, lead);
    emit_raw(e, "INDEX ");
    emit_ident(e, c->name.name);
    emit_raw(e, " ");
    emit_ident_list(e, c->columns);
}

/* For each foreign key whose cover changes: ADD INDEX fk (it lost its last
 * key) or DROP INDEX fk (a key now serves it).  Returns how many; writes
 * them only when `first` is given. */
static int fk_index_clauses(Emit *e, const MTable *before, const MTable *after, bool *first)
{
    int n = 0;
    for (uint32_t i = 0; before && after && i < after->n_constraints; i++) {
        const Constraint *fk = after->constraints[i];
        const Constraint *was = fk->kind == CON_FOREIGN_KEY ? table_constraint(before, fk->name.name) : NULL;
        if (!was)
            continue;
        bool then = fk_covered(before, was), now = fk_covered(after, fk);
        if (then == now)
            continue;
        n++;
        if (!first)
            continue;
        clause(e, first, now ? "DROP INDEX " : "ADD INDEX ");
        emit_ident(e, fk->name.name);
        if (!now) {
            emit_raw(e, " ");
            emit_ident_list(e, fk->columns);
        }
    }
    return n;
}

/* ============================================================== comments */

static bool has_timestamptz(const MTable *t)
{
    for (uint32_t i = 0; t && i < t->n_columns; i++)
        if (t->columns[i]->type.kind == TY_TIMESTAMPTZ)
            return true;
    return false;
}

static bool schema_had_timestamptz(Emit *e)
{
    const Schema *s = e->ev->schema;
    for (uint32_t i = 0; i < s->tables.cap; i++)
        if (s->tables.keys[i] && has_timestamptz(schema_value_at(s, e->ev->mark, &s->tables, s->tables.keys[i])))
            return true;
    return false;
}

/* Said once: when the schema first gets a timestamptz column. */
static void timestamptz_note(Emit *e, ColumnDef *const *cols, uint32_t n)
{
    bool any = false;
    for (uint32_t i = 0; i < n && !any; i++)
        any = cols[i]->type.kind == TY_TIMESTAMPTZ;
    if (any && !schema_had_timestamptz(e))
        emit_comment(e, "timestamptz is DATETIME(6) holding UTC: MySQL has no time zone type (each "
                        "file sets the session time_zone to '+00:00')");
}

/* ================================================================ tables */

static const char *table_name_now(Emit *e, const char *name)
{
    const MTable *t = emit_table_now(e, name);
    return t ? t->name : name;
}

static const char *table_name_before(Emit *e, const char *name)
{
    const MTable *t = emit_table_before(e, name);
    return t ? t->name : name;
}

static void table_fits(Emit *e, const Op *op, const MTable *t)
{
    mysql_name_fits(e, mysql_span_or(op->u.create_table.table.span, op->span), "table", t->name);
    for (uint32_t i = 0; i < t->n_columns; i++)
        mysql_column_fits(e, op->span, t->columns[i]);
    for (uint32_t i = 0; i < t->n_constraints; i++)
        mysql_constraint_fits(e, op->span, t, t->constraints[i]);
    mysql_identity_fits(e, op->span, t);
}

/* The table as the model has it right after the operation. */
static void my_create_table(Emit *e, const Op *op)
{
    const MTable *t = emit_table_now(e, op->u.create_table.table.name);
    table_fits(e, op, t);
    timestamptz_note(e, t->columns, t->n_columns);
    emit_raw(e, "CREATE TABLE ");
    emit_ident(e, t->name);
    emit_raw(e, " (");
    for (uint32_t i = 0; i < t->n_columns; i++) {
        emit_raw(e, i ? ",\n    " : "\n    ");
        column_def(e, t->columns[i]);
    }
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        emit_raw(e, ",\n    ");
        constraint_def(e, t->constraints[i]);
    }
    for (uint32_t i = 0; i < t->n_constraints; i++)
        fk_own_index(e, t, t->constraints[i], ",\n    ");
    emit_raw(e, "\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    emit_end(e);
}

static void my_drop_table(Emit *e, const Op *op)
{
    emit_raw(e, "DROP TABLE ");
    emit_ident(e, table_name_before(e, op->u.drop_table.table.name));
    emit_end(e);
}

static void my_rename_table(Emit *e, const Op *op)
{
    mysql_name_fits(e, mysql_span_or(op->u.rename_table.to.span, op->span), "table", op->u.rename_table.to.name);
    emit_raw(e, "RENAME TABLE ");
    emit_ident(e, table_name_before(e, op->u.rename_table.from.name));
    emit_raw(e, " TO ");
    emit_ident(e, table_name_now(e, op->u.rename_table.to.name));
    emit_end(e);
}

/* =============================================================== columns */

/* The column with the constraints written on it, in one statement. */
static void my_add_column(Emit *e, const Op *op)
{
    const MTable *t = emit_table_now(e, op->u.add_column.table.name);
    const ColumnDef *c = table_column(t, op->u.add_column.column->name.name);
    mysql_column_fits(e, op->span, c);
    mysql_identity_fits(e, op->span, t);
    timestamptz_note(e, (ColumnDef *const *)&c, 1);
    bool first = true;
    alter_table(e, t->name);
    clause(e, &first, "ADD COLUMN ");
    column_def(e, c);
    for (uint32_t i = 0; i < op->u.add_column.constraints.len; i++) {
        const Constraint *k = op->u.add_column.constraints.items[i];
        const Constraint *m = table_constraint(t, k->name.name);
        mysql_constraint_fits(e, op->span, t, m ? m : k);
        add_constraint_clause(e, m ? m : k, &first);
        fk_own_index(e, t, m ? m : k, ",\n    ADD ");
    }
    emit_end(e);
}

static bool is_column(const char *a, const char *b)
{
    return strcasecmp(a, b) == 0;
}

/* MySQL refuses to drop a column that a foreign key or a check uses: they
 * go first, in the same statement (the model drops them with it). */
static void my_drop_column(Emit *e, const Op *op)
{
    const MTable *t = emit_table_before(e, op->u.drop_column.table.name);
    const ColumnDef *c = table_column(t, op->u.drop_column.column.name);
    bool first = true;
    alter_table(e, t->name);
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *k = t->constraints[i];
        if (k->kind == CON_FOREIGN_KEY && k->columns.len == 1 && is_column(k->columns.items[0].name, c->name.name)) {
            clause(e, &first, "DROP FOREIGN KEY ");
            emit_ident(e, k->name.name);
        } else if (k->kind == CON_CHECK && expr_uses_column(k->check, c->name.name)) {
            clause(e, &first, "DROP CONSTRAINT ");
            emit_ident(e, k->name.name);
        }
    }
    clause(e, &first, "DROP COLUMN ");
    emit_ident(e, c->name.name);
    emit_end(e);
}

static bool check_uses(const Constraint *k, const char *column)
{
    return k->kind == CON_CHECK && expr_uses_column(k->check, column);
}

/* MySQL 8.0 refuses to rename a column that a check uses (MariaDB rewrites
 * the check itself): such checks are dropped in the same statement and
 * added again, as the model has them now. */
static void my_rename_column(Emit *e, const Op *op)
{
    const MTable *t = emit_table_now(e, op->u.rename_column.table.name);
    const MTable *before = emit_table_before(e, op->u.rename_column.table.name);
    const char *to = table_column(t, op->u.rename_column.to.name)->name.name;
    mysql_name_fits(e, mysql_span_or(op->u.rename_column.to.span, op->span), "column", to);
    bool first = true;
    alter_table(e, t->name);
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        if (!check_uses(t->constraints[i], to))
            continue;
        clause(e, &first, "DROP CONSTRAINT ");
        emit_ident(e, t->constraints[i]->name.name);
    }
    clause(e, &first, "RENAME COLUMN ");
    emit_ident(e, table_column(before, op->u.rename_column.from.name)->name.name);
    emit_raw(e, " TO ");
    emit_ident(e, to);
    emit_end(e);
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        if (!check_uses(t->constraints[i], to))
            continue;
        alter_table(e, t->name);
        emit_raw(e, " ADD ");
        constraint_def(e, t->constraints[i]);
        emit_end(e);
    }
}

/* ========================================================== alter column */

/* Foreign keys through `column` of `t`, either side: those of `t` itself,
 * then those of other tables that reference it. */
static uint32_t fks_through(Emit *e, const MTable *t, const char *column, const Constraint **out, const MTable **owner)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *k = t->constraints[i];
        if (k->kind != CON_FOREIGN_KEY)
            continue;
        bool mine = false;
        for (uint32_t j = 0; j < k->columns.len; j++)
            mine |= is_column(k->columns.items[j].name, column) ||
                    (strcasecmp(k->ref_table.name, t->name) == 0 && is_column(k->ref_columns.items[j].name, column));
        if (mine) {
            out[n] = k;
            owner[n++] = t;
        }
    }
    for (uint32_t i = 0; i < t->n_inbound; i++) {
        const MTable *o = schema_constraint_table(e->ev->schema, t->inbound[i]);
        const Constraint *k = o ? table_constraint(o, t->inbound[i]) : NULL;
        if (!k || strcasecmp(o->name, t->name) == 0)
            continue;
        for (uint32_t j = 0; j < k->ref_columns.len; j++)
            if (is_column(k->ref_columns.items[j].name, column)) {
                out[n] = k;
                owner[n++] = o;
                break;
            }
    }
    return n;
}

/* using is MySQL-free only when it just converts the column. */
static bool plain_conversion(const Expr *x, const char *column)
{
    if (x && x->kind == EX_CAST)
        x = x->u.cast.operand;
    return x && x->kind == EX_COLUMN && is_column(x->u.column.name, column);
}

static bool using_fits(Emit *e, const Op *op, const char *column)
{
    const Expr *u = op->u.alter_column.using_expr;
    if (!u || plain_conversion(u, column))
        return true;
    Diag *g = emit_unsupported(e, mysql_span_or(u->span, op->span), "MySQL has no USING: MODIFY COLUMN converts each "
                               "value by itself");
    diag_help(e->diags, g, "add a new column, fill it with data_update, drop the old one and rename the new one");
    return false;
}

static bool list_has(IdentList cols, const char *column)
{
    for (uint32_t i = 0; i < cols.len; i++)
        if (is_column(cols.items[i].name, column))
            return true;
    return false;
}

/* The keys through a column whose type changes must still fit InnoDB. */
static void keys_fit(Emit *e, Span at, const MTable *t, const char *column)
{
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *c = t->constraints[i];
        if (c->kind != CON_CHECK && list_has(c->columns, column))
            mysql_key_fits(e, at, t, c->columns, constraint_kind_name(c->kind), c->name.name);
    }
    for (uint32_t i = 0; i < t->n_indexes; i++)
        if (list_has(t->indexes[i]->columns, column))
            mysql_key_fits(e, at, t, t->indexes[i]->columns, "index", t->indexes[i]->name.name);
}

static void drop_fk(Emit *e, const MTable *owner, const Constraint *k)
{
    alter_table(e, owner->name);
    emit_raw(e, " DROP FOREIGN KEY ");
    emit_ident(e, k->name.name);
    emit_end(e);
}

/* MODIFY COLUMN with the column as the model has it after the change.  A
 * column in a foreign key cannot change type (error 1832): those foreign
 * keys are dropped first and added again after. */
static void my_alter_type(Emit *e, const Op *op)
{
    const MTable *t = emit_table_now(e, op->u.alter_column.table.name);
    const ColumnDef *c = table_column(t, op->u.alter_column.column.name);
    if (!using_fits(e, op, c->name.name))
        return;
    mysql_type_fits(e, op->span, c);
    keys_fit(e, op->span, t, c->name.name);
    timestamptz_note(e, (ColumnDef *const *)&c, 1);
    uint32_t cap = t->n_constraints + t->n_inbound + 1;
    const Constraint **fks = ARENA_ARRAY(e->arena, const Constraint *, cap);
    const MTable **owners = ARENA_ARRAY(e->arena, const MTable *, cap);
    uint32_t n = fks_through(e, t, c->name.name, fks, owners);
    if (n)
        emit_comment(e, "MySQL cannot change the type of a column in a foreign key: drop, change, add again");
    for (uint32_t i = 0; i < n; i++)
        drop_fk(e, owners[i], fks[i]);
    bool first = true;
    alter_table(e, t->name);
    modify_column(e, c, &first);
    emit_end(e);
    for (uint32_t i = 0; i < n; i++) {
        alter_table(e, owners[i]->name);
        emit_raw(e, " ADD ");
        constraint_def(e, fks[i]);
        emit_end(e);
    }
}

/* set/drop not null, set/drop default: MODIFY restates the whole column. */
static void my_modify(Emit *e, const Op *op)
{
    const MTable *t = emit_table_now(e, op->u.alter_column.table.name);
    bool first = true;
    alter_table(e, t->name);
    modify_column(e, table_column(t, op->u.alter_column.column.name), &first);
    emit_end(e);
}

/* ================================================================ indexes */

static void partial_index(Emit *e, const Op *op, const IndexDef *ix)
{
    if (ix->unique) {
        Diag *g = emit_unsupported(e, op->span, "MySQL has no partial indexes, and unique index %s without its where "
                                   "clause would reject rows it allows", ix->name.name);
        diag_help(e->diags, g, "make the uniqueness hold for all rows, or enforce it in the application");
        return;
    }
    emit_comment(e, "MySQL has no partial indexes: %s covers every row", ix->name.name);
    Diag *g = diag_warning(e->diags, op->span, "dialect-partial-index",
                           "mysql: index %s is created without its where clause", ix->name.name);
    diag_help(e->diags, g, "the index is larger than on PostgreSQL, but serves the same queries");
}

static void index_head(Emit *e, const IndexDef *ix)
{
    emit_raw(e, ix->unique ? "UNIQUE INDEX " : "INDEX ");
    emit_ident(e, ix->name.name);
    emit_raw(e, " ");
}

static void my_create_index(Emit *e, const Op *op)
{
    const IndexDef *ix = op->u.create_index.index;
    const MTable *t = emit_table_now(e, ix->table.name);
    const MTable *before = emit_table_before(e, ix->table.name);
    if (table_index(t, ix->name.name))
        ix = table_index(t, ix->name.name);
    if (op->u.create_index.concurrently)
        emit_comment(e, "concurrently: InnoDB builds indexes online without it");
    mysql_name_fits(e, mysql_span_or(ix->name.span, op->span), "index", ix->name.name);
    mysql_key_fits(e, op->span, t, ix->columns, "index", ix->name.name);
    if (ix->where)
        partial_index(e, op, ix);
    if (fk_index_clauses(e, before, t, NULL)) {
        bool first = true;
        alter_table(e, t->name);
        clause(e, &first, "ADD ");
        index_head(e, ix);
        emit_ident_list(e, ix->columns);
        fk_index_clauses(e, before, t, &first);
    } else {
        emit_raw(e, "CREATE ");
        index_head(e, ix);
        emit_raw(e, "ON ");
        emit_ident(e, t->name);
        emit_raw(e, " ");
        emit_ident_list(e, ix->columns);
    }
    emit_end(e);
}

/* DROP INDEX, unless it was the last key under a foreign key: then the
 * foreign key's own index replaces it in the same statement. */
static void my_drop_index(Emit *e, const Op *op)
{
    const MTable *before = emit_table_before(e, op->u.drop_index.table.name);
    const MTable *t = emit_table_now(e, op->u.drop_index.table.name);
    const IndexDef *ix = table_index(before, op->u.drop_index.name.name);
    if (op->u.drop_index.concurrently)
        emit_comment(e, "concurrently: InnoDB drops indexes online without it");
    mysql_identity_fits(e, op->span, t);
    if (fk_index_clauses(e, before, t, NULL)) {
        bool first = true;
        alter_table(e, t->name);
        clause(e, &first, "DROP INDEX ");
        emit_ident(e, ix->name.name);
        fk_index_clauses(e, before, t, &first);
    } else {
        emit_raw(e, "DROP INDEX ");
        emit_ident(e, ix->name.name);
        emit_raw(e, " ON ");
        emit_ident(e, t->name);
    }
    emit_end(e);
}

static void my_rename_index(Emit *e, const Op *op)
{
    mysql_name_fits(e, mysql_span_or(op->u.rename_index.to.span, op->span), "index", op->u.rename_index.to.name);
    alter_table(e, table_name_now(e, op->u.rename_index.table.name));
    emit_raw(e, " RENAME INDEX ");
    emit_ident(e, op->u.rename_index.from.name);
    emit_raw(e, " TO ");
    emit_ident(e, op->u.rename_index.to.name);
    emit_end(e);
}

/* ============================================================ constraints */

static void my_add_constraint(Emit *e, const Op *op)
{
    const Constraint *k = op->u.add_constraint.constraint;
    const MTable *t = emit_table_now(e, k->table.name);
    const MTable *before = emit_table_before(e, k->table.name);
    const Constraint *c = table_constraint(t, k->name.name);
    if (!c)
        c = k;
    if (c->not_valid)
        emit_comment(e, "not valid: MySQL checks the existing rows at once");
    mysql_constraint_fits(e, op->span, t, c);
    bool first = true;
    alter_table(e, t->name);
    add_constraint_clause(e, c, &first);
    fk_own_index(e, t, c, ",\n    ADD ");
    fk_index_clauses(e, before, t, &first);
    emit_end(e);
}

/* The index MySQL made under a foreign key that no key of the model
 * covered goes with it. */
static void drop_foreign_key(Emit *e, const MTable *before, const Constraint *c, bool *first)
{
    clause(e, first, "DROP FOREIGN KEY ");
    emit_ident(e, c->name.name);
    if (fk_covered(before, c))
        return;
    clause(e, first, "DROP INDEX ");
    emit_ident(e, c->name.name);
}

static void my_drop_constraint(Emit *e, const Op *op)
{
    const MTable *before = emit_table_before(e, op->u.drop_constraint.table.name);
    const MTable *t = emit_table_now(e, op->u.drop_constraint.table.name);
    const Constraint *c = table_constraint(before, op->u.drop_constraint.name.name);
    bool first = true;
    alter_table(e, t->name);
    switch (c->kind) {
    case CON_PRIMARY_KEY: clause(e, &first, "DROP PRIMARY KEY"); break;
    case CON_UNIQUE: clause(e, &first, "DROP INDEX "); break;
    case CON_CHECK: clause(e, &first, "DROP CONSTRAINT "); break;
    case CON_FOREIGN_KEY: drop_foreign_key(e, before, c, &first); break;
    }
    if (c->kind == CON_UNIQUE || c->kind == CON_CHECK)
        emit_ident(e, c->name.name);
    fk_index_clauses(e, before, t, &first);
    emit_end(e);
    if (c->kind == CON_PRIMARY_KEY || c->kind == CON_UNIQUE)
        mysql_identity_fits(e, op->span, t);
}

static void my_validate_constraint(Emit *e, const Op *op)
{
    emit_comment(e, "MySQL checked the rows when %s was added: nothing to validate", op->u.drop_constraint.name.name);
}

/* ================================================================== enums */

static void my_create_enum(Emit *e, const Op *op)
{
    emit_comment(e, "enum %s: MySQL keeps the labels in each column (ENUM(...)); no statement",
                 op->u.create_enum.name.name);
}

static void my_drop_enum(Emit *e, const Op *op)
{
    emit_comment(e, "enum %s: nothing to drop, MySQL keeps the labels in each column", op->u.drop_enum.name.name);
}

/* Every column of the enum is restated with the labels it has now, one
 * ALTER TABLE per table; MySQL converts the values by label. */
static void my_enum_value(Emit *e, const Op *op)
{
    const char *name = op->u.enum_value.name.name;
    uint32_t n;
    ColumnRef *users = schema_enum_users(e->ev->schema, name, &n);
    if (n == 0) {
        emit_comment(e, "no column uses enum %s: nothing to change", name);
        return;
    }
    bool first = true;
    for (uint32_t i = 0; i < n; i++) {
        if (i && users[i].table != users[i - 1].table) {
            emit_end(e);
            first = true;
        }
        if (first)
            alter_table(e, users[i].table->name);
        modify_column(e, users[i].column, &first);
    }
    emit_end(e);
}

/* =================================================================== data */

static const ColumnDef *datetime_column(const MTable *t, const Expr *x)
{
    const ColumnDef *c = x && x->kind == EX_COLUMN ? table_column(t, x->u.column.name) : NULL;
    return c && mysql_datetime_kind(c->type.kind) ? c : NULL;
}

/* `s` as compared with column `c`: a copy with the offset resolved. */
static Expr *stamp_for(Emit *e, const ColumnDef *c, Expr *s)
{
    const char *utc = NULL;
    if (c && s->kind == EX_STRING)
        utc = timestamp_drop_offset(e->arena, s->u.text, c->type.kind == TY_TIMESTAMPTZ);
    if (!utc)
        return s;
    Expr *n = ARENA_NEW(e->arena, Expr);
    *n = *s;
    n->u.text = utc;
    return n;
}

/* A predicate with the datetime strings it compares with datetime columns
 * resolved (see timestamp.h); the rest as it is. */
static const Expr *resolve_stamps(Emit *e, const MTable *t, const Expr *x)
{
    Expr *n = ARENA_NEW(e->arena, Expr);
    *n = *x;
    if (x->kind == EX_BINARY && x->u.op.right) {
        Operator op = x->u.op.op;
        bool cmp = op == OP_EQ || op == OP_NE || op == OP_LT || op == OP_LE || op == OP_GT || op == OP_GE;
        const ColumnDef *l = cmp ? datetime_column(t, x->u.op.left) : NULL;
        const ColumnDef *r = cmp ? datetime_column(t, x->u.op.right) : NULL;
        n->u.op.left = (Expr *)resolve_stamps(e, t, stamp_for(e, r, x->u.op.left));
        n->u.op.right = (Expr *)resolve_stamps(e, t, stamp_for(e, l, x->u.op.right));
    } else if (x->kind == EX_UNARY) {
        n->u.op.left = (Expr *)resolve_stamps(e, t, x->u.op.left);
    } else if (x->kind == EX_BETWEEN) {
        const ColumnDef *c = datetime_column(t, x->u.between.operand);
        n->u.between.low = stamp_for(e, c, x->u.between.low);
        n->u.between.high = stamp_for(e, c, x->u.between.high);
    } else if (x->kind == EX_IN) {
        const ColumnDef *c = datetime_column(t, x->u.in.operand);
        n->u.in.list.items = ARENA_ARRAY(e->arena, Expr *, x->u.in.list.len + 1);
        for (uint32_t i = 0; i < x->u.in.list.len; i++)
            n->u.in.list.items[i] = stamp_for(e, c, x->u.in.list.items[i]);
    }
    return n;
}

static void emit_where(Emit *e, const MTable *t, const Expr *where)
{
    if (!where)
        return;
    emit_raw(e, " WHERE ");
    emit_expr(e, t ? resolve_stamps(e, t, where) : where);
}

/* MySQL assigns left to right, and a later value reads the columns
 * already assigned: SET x = y, y = x gives both y.  PostgreSQL (and SQL)
 * reads the old row.  So each assignment goes before those that change a
 * column it reads; the order is returned in `order`, false on a cycle. */
static bool old_row_order(const AssignmentList *set, uint32_t *order)
{
    uint32_t n = set->len, placed = 0;
    bool *done = calloc(n + 1, sizeof *done);
    if (!done)
        fatal_oom();
    while (placed < n) {
        bool progress = false;
        for (uint32_t i = 0; i < n; i++) {
            if (done[i])
                continue;
            bool blocked = false;
            for (uint32_t k = 0; k < n && !blocked; k++)
                blocked = k != i && !done[k] && expr_uses_column(set->items[k].value, set->items[i].column.name);
            if (blocked)
                continue;
            done[i] = progress = true;
            order[placed++] = i;
        }
        if (!progress)
            break;
    }
    free(done);
    return placed == n;
}

static void assignment(Emit *e, const MTable *t, const Assignment *a)
{
    emit_ident(e, a->column.name);
    emit_raw(e, " = ");
    mysql_column_value(e, table_column(t, a->column.name), a->value);
}

/* Assignments that read each other in a cycle read the old row through a
 * join with it, by primary key. */
static void update_through_old_row(Emit *e, const Op *op, const MTable *t, const Constraint *pk)
{
    const AssignmentList *set = &op->u.data_update.set;
    emit_raw(e, "UPDATE ");
    emit_ident(e, t->name);
    emit_raw(e, " JOIN (SELECT ");
    for (uint32_t i = 0; i < pk->columns.len; i++) {
        emit_raw(e, i ? ", " : "");
        emit_ident(e, pk->columns.items[i].name);
    }
    for (uint32_t i = 0; i < set->len; i++) {
        emit_raw(e, ", ");
        mysql_column_value(e, table_column(t, set->items[i].column.name), set->items[i].value);
        emit_printf(e, " AS migc_%u", i + 1);
    }
    emit_raw(e, " FROM ");
    emit_ident(e, t->name);
    emit_where(e, t, op->u.data_update.where);
    emit_raw(e, ") AS migc_old ON ");
    for (uint32_t i = 0; i < pk->columns.len; i++) {
        emit_raw(e, i ? " AND " : "");
        emit_ident(e, t->name);
        emit_raw(e, ".");
        emit_ident(e, pk->columns.items[i].name);
        emit_raw(e, " = migc_old.");
        emit_ident(e, pk->columns.items[i].name);
    }
    emit_raw(e, " SET ");
    for (uint32_t i = 0; i < set->len; i++) {
        emit_raw(e, i ? ", " : "");
        emit_ident(e, t->name);
        emit_raw(e, ".");
        emit_ident(e, set->items[i].column.name);
        emit_printf(e, " = migc_old.migc_%u", i + 1);
    }
    emit_end(e);
}

static void my_data_update(Emit *e, const Op *op)
{
    const MTable *t = emit_table_now(e, op->u.data_update.table.name);
    const AssignmentList *set = &op->u.data_update.set;
    uint32_t *order = ARENA_ARRAY(e->arena, uint32_t, set->len + 1);
    if (!old_row_order(set, order)) {
        const Constraint *pk = table_primary_key(t);
        if (pk) {
            update_through_old_row(e, op, t, pk);
            return;
        }
        Diag *g = emit_unsupported(e, op->span, "the assignments read each other's columns, which MySQL reads "
                                   "already changed, and %s has no primary key to read the old row by", t->name);
        diag_help(e->diags, g, "split the update, through a new column if need be");
        return;
    }
    emit_raw(e, "UPDATE ");
    emit_ident(e, t->name);
    emit_raw(e, " SET ");
    for (uint32_t i = 0; i < set->len; i++) {
        if (i)
            emit_raw(e, ", ");
        assignment(e, t, &set->items[order[i]]);
    }
    emit_where(e, t, op->u.data_update.where);
    emit_end(e);
}

/* Explicit AUTO_INCREMENT values move the counter past them by themselves. */
static void my_data_insert(Emit *e, const Op *op)
{
    const MTable *t = emit_table_now(e, op->u.data_insert.table.name);
    IdentList cols = op->u.data_insert.columns;
    emit_raw(e, "INSERT INTO ");
    emit_ident(e, t->name);
    emit_raw(e, " ");
    emit_ident_list(e, cols);
    emit_raw(e, " VALUES");
    for (uint32_t r = 0; r < op->u.data_insert.n_rows; r++) {
        ExprList row = op->u.data_insert.rows[r];
        emit_raw(e, r ? ",\n    (" : "\n    (");
        for (uint32_t i = 0; i < row.len; i++) {
            if (i)
                emit_raw(e, ", ");
            mysql_column_value(e, i < cols.len ? table_column(t, cols.items[i].name) : NULL, row.items[i]);
        }
        emit_raw(e, ")");
    }
    emit_end(e);
}

static void my_data_delete(Emit *e, const Op *op)
{
    const MTable *t = emit_table_now(e, op->u.data_delete.table.name);
    emit_raw(e, "DELETE FROM ");
    emit_ident(e, t ? t->name : op->u.data_delete.table.name);
    emit_where(e, t, op->u.data_delete.where);
    emit_end(e);
}

static void my_execute(Emit *e, const Op *op)
{
    if (!(op->u.execute.dialects & DIALECT_MASK_MYSQL)) {
        emit_comment(e, "execute for other dialects only: nothing to run on mysql");
        return;
    }
    emit_raw_sql(e, op->u.execute.sql, true);
}

/* The session the statements are written for: utf8mb4 text, literals
 * compared byte for byte as the utf8mb4_bin columns are; strings that
 * read backslash escapes (mysql_quote_literal doubles them), `||` as OR and
 * "x" as a string (the emitter uses neither); strict mode, so a value that
 * does not fit fails instead of being cut; and UTC, which timestamptz
 * columns hold and CURRENT_TIMESTAMP defaults fill in. */
#define MYSQL_SESSION                                                                                             \
    "SET NAMES utf8mb4 COLLATE utf8mb4_bin;\n"                                                                                         \
    "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';\n"                                         \
    "SET SESSION time_zone = '+00:00';\n"

const Dialect dialect_mysql = {
    .id = DIALECT_MYSQL,
    .name = "mysql",
    .mask = DIALECT_MASK_MYSQL,
    .transactional_ddl = false,
    .session = MYSQL_SESSION,
    .quote_ident = mysql_quote_ident,
    .quote_literal = mysql_quote_literal,
    .column_type = mysql_column_type,
    .cast_type = mysql_cast_type,
    .cast_literal = mysql_cast_literal,
    .expr = mysql_expr,
    .call = mysql_call,
    .concat = mysql_concat,
    .boolean = mysql_boolean,
    .default_value = mysql_default,
    .ops = {
        [OPK_CREATE_TABLE] = my_create_table,
        [OPK_DROP_TABLE] = my_drop_table,
        [OPK_RENAME_TABLE] = my_rename_table,
        [OPK_ADD_COLUMN] = my_add_column,
        [OPK_DROP_COLUMN] = my_drop_column,
        [OPK_RENAME_COLUMN] = my_rename_column,
        [OPK_ALTER_TYPE] = my_alter_type,
        [OPK_SET_NOT_NULL] = my_modify,
        [OPK_DROP_NOT_NULL] = my_modify,
        [OPK_SET_DEFAULT] = my_modify,
        [OPK_DROP_DEFAULT] = my_modify,
        [OPK_CREATE_INDEX] = my_create_index,
        [OPK_DROP_INDEX] = my_drop_index,
        [OPK_RENAME_INDEX] = my_rename_index,
        [OPK_ADD_CONSTRAINT] = my_add_constraint,
        [OPK_DROP_CONSTRAINT] = my_drop_constraint,
        [OPK_VALIDATE_CONSTRAINT] = my_validate_constraint,
        [OPK_CREATE_ENUM] = my_create_enum,
        [OPK_ADD_ENUM_VALUE] = my_enum_value,
        [OPK_DROP_ENUM_VALUE] = my_enum_value,
        [OPK_DROP_ENUM] = my_drop_enum,
        [OPK_DATA_UPDATE] = my_data_update,
        [OPK_DATA_INSERT] = my_data_insert,
        [OPK_DATA_DELETE] = my_data_delete,
        [OPK_EXECUTE] = my_execute,
    },
};
