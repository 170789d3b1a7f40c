/* emit_sqlite.c: SQLite 3.35 and later.
 *
 * SQLite runs DDL inside transactions but can ALTER little: it renames
 * tables and columns, adds a column when the column asks for nothing the
 * existing rows would have to be checked or rewritten for, and drops a
 * column nothing else in the schema names.  Every other change rebuilds the
 * table from the model with the procedure of
 * https://www.sqlite.org/lang_altertable.html#otheralter: create the new
 * table, copy the rows, drop the old one, rename the new one, recreate the
 * indexes, with foreign keys off around the migration so that dropping the
 * old table neither deletes nor orphans the rows of the tables referencing
 * it.
 *
 * SQLite has no enum types: an enum column is TEXT with a CHECK that lists
 * the labels the model has for it, so changing the labels rebuilds every
 * table with a column of that enum. */
#include <string.h>

#include "emit_sqlite.h"

/* =========================================================== definitions */

static bool names_equal(const char *a, const char *b)
{
    return strcasecmp(a, b) == 0;
}

static bool list_has(IdentList l, const char *column)
{
    for (uint32_t i = 0; i < l.len; i++)
        if (names_equal(l.items[i].name, column))
            return true;
    return false;
}

static bool constraint_uses(const Constraint *c, const char *column)
{
    return list_has(c->columns, column) || (c->kind == CON_CHECK && expr_uses_column(c->check, column));
}

static bool index_uses(const IndexDef *ix, const char *column)
{
    return list_has(ix->columns, column) || expr_uses_column(ix->where, column);
}

/* SQLite generates values only for the rowid: an identity column must be
 * the table's whole primary key and of an integer type. */
static bool identity_ok(const MTable *t, const ColumnDef *c)
{
    const Constraint *pk = table_primary_key(t);
    return sqlite_integer_kind(c->type.kind) && pk && pk->columns.len == 1 &&
           names_equal(pk->columns.items[0].name, c->name.name);
}

/* Reported once, where it happens: at the column when a table is
 * created, at the operation when it takes the key away from the column
 * (the same table emitted again later says nothing new). */
static void check_identity(Emit *e, const MTable *t, const MTable *before)
{
    for (uint32_t i = 0; i < t->n_columns; i++) {
        const ColumnDef *c = t->columns[i];
        if (!c->identity || identity_ok(t, c))
            continue;
        const ColumnDef *was = before ? table_column(before, c->name.name) : NULL;
        if (was && was->identity && !identity_ok(before, was))
            continue;
        Diag *d = emit_unsupported(e, was ? e->ev->op->span : c->span,
                                   "identity column %s.%s must be the table's single-column primary key of an "
                                   "integer type: SQLite generates values only for an INTEGER PRIMARY KEY (the "
                                   "rowid)",
                                   t->name, c->name.name);
        diag_help(e->diags, d, "make %s the only primary key column, or give up identity on SQLite", c->name.name);
    }
}

/* CREATE TABLE under `name` with the columns and every constraint of `t`. */
static void create_table_body(Emit *e, const MTable *t, const char *name);

/* The table's checks read its own columns, whichever operation rebuilds it. */
static void create_table_as(Emit *e, const MTable *t, const char *name)
{
    const MTable *scope = e->scope;
    e->scope = t;
    create_table_body(e, t, name);
    e->scope = scope;
}

static void create_table_body(Emit *e, const MTable *t, const char *name)
{
    emit_raw(e, "CREATE TABLE ");
    emit_ident(e, name);
    emit_raw(e, " (");
    for (uint32_t i = 0; i < t->n_columns; i++) {
        emit_raw(e, i ? ",\n    " : "\n    ");
        emit_column_def(e, t->columns[i]);
    }
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        emit_raw(e, ",\n    ");
        emit_constraint(e, t->constraints[i]);
    }
    emit_raw(e, "\n)");
    emit_end(e);
}

static void create_index_on(Emit *e, const MTable *t, const IndexDef *ix)
{
    emit_raw(e, ix->unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
    emit_ident(e, ix->name.name);
    emit_raw(e, " ON ");
    emit_ident(e, t->name);
    emit_raw(e, " ");
    emit_ident_list(e, ix->columns);
    if (ix->where) {
        emit_raw(e, " WHERE ");
        emit_expr(e, ix->where);
    }
    emit_end(e);
}

static void drop_index_named(Emit *e, const char *name)
{
    emit_raw(e, "DROP INDEX ");
    emit_ident(e, name);
    emit_end(e);
}

static void alter_table(Emit *e, const char *table)
{
    emit_raw(e, "ALTER TABLE ");
    emit_ident(e, table);
}

/* ========================================================= table rebuild */

/* Once per migration and direction: foreign keys off before the
 * transaction (SQLite ignores the pragma inside one), checked before the
 * commit, on again after it.  The check fails the migration when a
 * foreign key no longer holds (a new foreign key the rows break, or rows
 * of a deletion whose ON DELETE action could not run with the keys off):
 * PRAGMA foreign_key_check lists the rows, the temporary table's CHECK
 * turns a non-empty list into an error that stops the migration. */
static void begin_rebuilds(Emit *e)
{
    if (e->out->rebuilt)
        return;
    e->out->rebuilt = true;
    buf_puts(&e->out->pre, "-- SQLite table rebuilds: foreign keys are off for this migration, so dropping\n"
                           "-- a rebuilt table leaves the rows that reference it alone.  ON DELETE and\n"
                           "-- ON UPDATE actions do not run in it either; every key is checked at its end.\n"
                           "PRAGMA foreign_keys=OFF;\n");
    buf_puts(&e->out->tail, "\n-- every foreign key must still hold after the table rebuilds\n"
                            "PRAGMA foreign_key_check;\n"
                            "CREATE TEMP TABLE migc_foreign_key_check (\n"
                            "    violations INTEGER CONSTRAINT \"foreign key violations: see PRAGMA "
                            "foreign_key_check\" CHECK (violations = 0)\n"
                            ");\n"
                            "INSERT INTO migc_foreign_key_check SELECT count(*) FROM pragma_foreign_key_check;\n"
                            "DROP TABLE temp.migc_foreign_key_check;\n");
    buf_puts(&e->out->post, "PRAGMA foreign_keys=ON;\n");
}

typedef struct Rebuild {
    const char *table;        /* as the model names it after the operation */
    const char *why;          /* for the comment */
    const char *using_column; /* alter type ... using: this column takes */
    const Expr *using_expr;   /* this expression of the old row */
} Rebuild;

/* The columns the old and the new table share, by name: their names, or
 * the values the old row gives them (the `using` expression for the
 * column whose type changes). */
static void shared_columns(Emit *e, const Rebuild *r, const MTable *now, const MTable *before, bool values)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < now->n_columns; i++) {
        const char *col = now->columns[i]->name.name;
        if (!table_column(before, col))
            continue;
        emit_raw(e, n++ ? ", " : "");
        if (values && r->using_expr && names_equal(col, r->using_column))
            emit_expr(e, r->using_expr);
        else
            emit_ident(e, col);
    }
}

static void copy_rows(Emit *e, const Rebuild *r, const MTable *now, const MTable *before, const char *tmp)
{
    emit_raw(e, "INSERT INTO ");
    emit_ident(e, tmp);
    emit_raw(e, " (");
    shared_columns(e, r, now, before, false);
    emit_raw(e, ")\nSELECT ");
    shared_columns(e, r, now, before, true);
    emit_raw(e, " FROM ");
    emit_ident(e, before->name);
    emit_end(e);
}

/* Views and triggers that name the table (made by execute) point at
 * nothing between the DROP and the RENAME, and SQLite 3.26+ checks the
 * whole schema at a RENAME: it would refuse with "error in view v: no such
 * table".  In legacy mode the RENAME renames the table and checks nothing
 * else; afterwards the views and triggers find the table under its name
 * again.  Only this RENAME runs so: a rename_table must still carry the new
 * name into the foreign keys, views and triggers that use the old one. */
static void rename_into_place(Emit *e, const char *tmp, const char *name)
{
    emit_raw(e, "PRAGMA legacy_alter_table=ON");
    emit_end(e);
    alter_table(e, tmp);
    emit_raw(e, " RENAME TO ");
    emit_ident(e, name);
    emit_end(e);
    emit_raw(e, "PRAGMA legacy_alter_table=OFF");
    emit_end(e);
}

/* The 12-step procedure, steps 4 to 9: the new table as the model has it
 * after the operation, the rows of the old one, the old one gone, the new
 * one under the old name, the indexes back.  A row the new definition
 * refuses (a NULL in a column now NOT NULL, a value a new CHECK or UNIQUE
 * rejects, a label no longer in the enum) fails the INSERT and with it the
 * migration: the rebuild never drops a row silently. */
static void rebuild(Emit *e, const Rebuild *r)
{
    const MTable *now = emit_table_now(e, r->table);
    const MTable *before = emit_table_before(e, r->table);
    if (!now || !before)
        return;
    begin_rebuilds(e);
    check_identity(e, now, before);
    const char *tmp = emit_spare_name(e, now->name, "__migc_new");
    emit_comment(e, "SQLite %s: rebuild table %s from the model", r->why, now->name);
    if (e->ev->rev && e->ev->rev->mig->transaction_none)
        emit_comment(e, "transaction none: if a statement below fails, finish or undo the rebuild by hand");
    create_table_as(e, now, tmp);
    copy_rows(e, r, now, before, tmp);
    emit_raw(e, "DROP TABLE ");
    emit_ident(e, before->name);
    emit_end(e);
    rename_into_place(e, tmp, now->name);
    for (uint32_t i = 0; i < now->n_indexes; i++)
        create_index_on(e, now, now->indexes[i]);
}

static void rebuild_for(Emit *e, const char *table, const char *why)
{
    Rebuild r = {.table = table, .why = why};
    rebuild(e, &r);
}

/* ================================================================ tables */

static void sq_create_table(Emit *e, const Op *op)
{
    const MTable *t = emit_table_now(e, op->u.create_table.table.name);
    if (!t)
        return;
    check_identity(e, t, NULL);
    create_table_as(e, t, t->name);
}

/* With foreign keys on, DROP TABLE first deletes the rows, so ON DELETE
 * actions of tables referencing it run as for a DELETE. */
static void sq_drop_table(Emit *e, const Op *op)
{
    emit_raw(e, "DROP TABLE ");
    emit_ident(e, op->u.drop_table.table.name);
    emit_end(e);
}

/* SQLite 3.26+ carries the new name into the foreign keys that reference
 * the table. */
static void sq_rename_table(Emit *e, const Op *op)
{
    alter_table(e, op->u.rename_table.from.name);
    emit_raw(e, " RENAME TO ");
    emit_ident(e, op->u.rename_table.to.name);
    emit_end(e);
}

/* =============================================================== columns */

/* Why ALTER TABLE ADD COLUMN cannot add this column (NULL: it can).  It
 * refuses PRIMARY KEY and UNIQUE, NOT NULL without a non-NULL default, a
 * default that is not a constant (CURRENT_* included), and, with foreign
 * keys on, REFERENCES with a non-NULL default. */
static const char *add_column_refusal(const MTable *t, const ColumnDef *c)
{
    const Expr *d = c->default_value;
    bool null_default = !d || d->kind == EX_NULL;
    if (c->identity)
        return "cannot add an identity (INTEGER PRIMARY KEY) column";
    if (d && !sqlite_is_literal(d))
        return "cannot add a column whose default is not a constant";
    if (c->not_null && null_default)
        return "cannot add a NOT NULL column without a default (the copy fails if the table has rows, "
               "as they would need a value)";
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *k = t->constraints[i];
        if (!constraint_uses(k, c->name.name))
            continue;
        if (k->kind == CON_PRIMARY_KEY || k->kind == CON_UNIQUE)
            return "cannot add a PRIMARY KEY or UNIQUE column";
        if (k->kind == CON_FOREIGN_KEY && !null_default)
            return "cannot add a column with REFERENCES and a non-NULL default";
    }
    return NULL;
}

/* The column's checks and foreign keys written inline after it. */
static void inline_constraints(Emit *e, const MTable *t, const ColumnDef *c)
{
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *k = t->constraints[i];
        if (!constraint_uses(k, c->name.name))
            continue;
        emit_raw(e, "\n    CONSTRAINT ");
        emit_ident(e, k->name.name);
        if (k->kind == CON_CHECK) {
            emit_raw(e, " CHECK (");
            emit_expr(e, k->check);
            emit_raw(e, ")");
        } else {
            emit_raw(e, " ");
            emit_references(e, k);
        }
    }
}

static void sq_add_column(Emit *e, const Op *op)
{
    const MTable *t = emit_table_now(e, op->u.add_column.table.name);
    const ColumnDef *c = t ? table_column(t, op->u.add_column.column->name.name) : NULL;
    if (!c)
        return;
    const char *why = sqlite_rebuild_reason(e->ev);
    if (why) {
        rebuild_for(e, t->name, why);
        return;
    }
    alter_table(e, t->name);
    emit_raw(e, " ADD COLUMN ");
    emit_column_def(e, c);
    inline_constraints(e, t, c);
    emit_end(e);
}

/* Foreign keys of other tables (or this one) that reference the column. */
static bool column_referenced(const Schema *sc, const MTable *t, const char *column)
{
    for (uint32_t i = 0; i < t->n_inbound; i++) {
        const MTable *owner = schema_constraint_table(sc, t->inbound[i]);
        const Constraint *fk = owner ? table_constraint(owner, t->inbound[i]) : NULL;
        if (fk && list_has(fk->ref_columns, column))
            return true;
    }
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *k = t->constraints[i];
        if (k->kind == CON_FOREIGN_KEY && names_equal(k->ref_table.name, t->name) &&
            list_has(k->ref_columns, column))
            return true;
    }
    return false;
}

/* ALTER TABLE DROP COLUMN works only for a column nothing else names:
 * no key, no UNIQUE, no index or index predicate, no CHECK, no foreign
 * key either way (the enum CHECK is the column's own and goes with it). */
static bool drop_column_native(const Schema *sc, const MTable *before, const char *column)
{
    for (uint32_t i = 0; i < before->n_constraints; i++)
        if (constraint_uses(before->constraints[i], column))
            return false;
    for (uint32_t i = 0; i < before->n_indexes; i++)
        if (index_uses(before->indexes[i], column))
            return false;
    return !column_referenced(sc, before, column);
}

/* Why SQLite must rebuild a table for this operation, as the model has
 * it before and after (NULL: ALTER TABLE does it in place).  The emitter
 * rebuilds for exactly these, and the sqlite-table-rebuild rule reports
 * them. */
const char *sqlite_rebuild_reason(const OpEvent *ev)
{
    const Op *op = ev->op;
    switch (op->kind) {
    case OPK_ADD_COLUMN: {
        const MTable *t = schema_table(ev->schema, op->u.add_column.table.name);
        const ColumnDef *c = t ? table_column(t, op->u.add_column.column->name.name) : NULL;
        return c ? add_column_refusal(t, c) : NULL;
    }
    case OPK_DROP_COLUMN: {
        const MTable *before = schema_table_at(ev->schema, ev->mark, op->u.drop_column.table.name);
        if (before && !drop_column_native(ev->schema, before, op->u.drop_column.column.name))
            return "cannot drop a column that keys, indexes or constraints name";
        return NULL;
    }
    case OPK_ALTER_TYPE: return "cannot change a column's type";
    case OPK_SET_NOT_NULL: return "cannot add NOT NULL to a column";
    case OPK_DROP_NOT_NULL: return "cannot drop NOT NULL from a column";
    case OPK_SET_DEFAULT: return "cannot change a column's default";
    case OPK_DROP_DEFAULT: return "cannot drop a column's default";
    case OPK_ADD_CONSTRAINT: return "cannot add a constraint to a table";
    case OPK_DROP_CONSTRAINT: return "cannot drop a constraint from a table";
    case OPK_ADD_ENUM_VALUE:
    case OPK_DROP_ENUM_VALUE:
        if (!schema_enum_used(ev->schema, op->u.enum_value.name.name))
            return NULL;
        return op->kind == OPK_ADD_ENUM_VALUE ? "cannot change a CHECK (a new enum label)"
                                              : "cannot change a CHECK (an enum label dropped)";
    case OPK_CREATE_TABLE: case OPK_DROP_TABLE: case OPK_RENAME_TABLE: case OPK_RENAME_COLUMN:
    case OPK_CREATE_INDEX: case OPK_DROP_INDEX: case OPK_RENAME_INDEX: case OPK_VALIDATE_CONSTRAINT:
    case OPK_CREATE_ENUM: case OPK_DROP_ENUM: case OPK_DATA_UPDATE: case OPK_DATA_INSERT: case OPK_DATA_DELETE:
    case OPK_EXECUTE: case OPK__COUNT:
        return NULL;
    }
    return NULL;
}

static void sq_drop_column(Emit *e, const Op *op)
{
    const char *table = op->u.drop_column.table.name;
    const char *column = op->u.drop_column.column.name;
    const char *why = sqlite_rebuild_reason(e->ev);
    if (why) {
        rebuild_for(e, table, why);
        return;
    }
    alter_table(e, table);
    emit_raw(e, " DROP COLUMN ");
    emit_ident(e, column);
    emit_end(e);
}

/* SQLite 3.25+ renames the column in indexes, checks and foreign keys. */
static void sq_rename_column(Emit *e, const Op *op)
{
    alter_table(e, op->u.rename_column.table.name);
    emit_raw(e, " RENAME COLUMN ");
    emit_ident(e, op->u.rename_column.from.name);
    emit_raw(e, " TO ");
    emit_ident(e, op->u.rename_column.to.name);
    emit_end(e);
}

/* Without `using` the value is copied as it is and the new column's
 * affinity converts what converts without loss ('42' to 42 for INTEGER);
 * CAST would turn 'abc' into 0. */
static void sq_alter_type(Emit *e, const Op *op)
{
    Rebuild r = {
        .table = op->u.alter_column.table.name,
        .why = sqlite_rebuild_reason(e->ev),
        .using_column = op->u.alter_column.column.name,
        .using_expr = op->u.alter_column.using_expr,
    };
    rebuild(e, &r);
}

/* Rows holding NULL fail the copy: the right outcome. */
static void sq_set_not_null(Emit *e, const Op *op)
{
    rebuild_for(e, op->u.alter_column.table.name, sqlite_rebuild_reason(e->ev));
}

static void sq_drop_not_null(Emit *e, const Op *op)
{
    rebuild_for(e, op->u.alter_column.table.name, sqlite_rebuild_reason(e->ev));
}

static void sq_set_default(Emit *e, const Op *op)
{
    rebuild_for(e, op->u.alter_column.table.name, sqlite_rebuild_reason(e->ev));
}

static void sq_drop_default(Emit *e, const Op *op)
{
    rebuild_for(e, op->u.alter_column.table.name, sqlite_rebuild_reason(e->ev));
}

/* =============================================================== indexes */

static void sq_create_index(Emit *e, const Op *op)
{
    const IndexDef *ix = op->u.create_index.index;
    const MTable *t = emit_table_now(e, ix->table.name);
    const IndexDef *now = t ? table_index(t, ix->name.name) : NULL;
    if (!now)
        return;
    if (op->u.create_index.concurrently)
        emit_comment(e, "SQLite has no CONCURRENTLY: the index is built at once");
    create_index_on(e, t, now);
}

static void sq_drop_index(Emit *e, const Op *op)
{
    drop_index_named(e, op->u.drop_index.name.name);
}

/* SQLite cannot rename an index: drop it, create it under the new name. */
static void sq_rename_index(Emit *e, const Op *op)
{
    const MTable *t = emit_table_now(e, op->u.rename_index.table.name);
    const IndexDef *ix = t ? table_index(t, op->u.rename_index.to.name) : NULL;
    if (!ix)
        return;
    emit_comment(e, "SQLite cannot rename an index: drop it and create it again");
    drop_index_named(e, op->u.rename_index.from.name);
    create_index_on(e, t, ix);
}

/* =========================================================== constraints */

/* The copy into the new table checks every row against the constraint at
 * once (NOT VALID has no meaning here); a new foreign key is checked
 * before the commit. */
static void sq_add_constraint(Emit *e, const Op *op)
{
    const Constraint *c = op->u.add_constraint.constraint;
    if (c->not_valid)
        emit_comment(e, "SQLite has no NOT VALID: existing rows are checked now");
    rebuild_for(e, c->table.name, sqlite_rebuild_reason(e->ev));
}

static void sq_drop_constraint(Emit *e, const Op *op)
{
    rebuild_for(e, op->u.drop_constraint.table.name, sqlite_rebuild_reason(e->ev));
}

static void sq_validate_constraint(Emit *e, const Op *op)
{
    emit_comment(e, "SQLite checked %s when it was added: nothing to validate", op->u.drop_constraint.name.name);
}

/* ================================================================= enums */

static void sq_create_enum(Emit *e, const Op *op)
{
    emit_comment(e, "SQLite has no enum types: columns of %s are TEXT with a CHECK of its labels",
                 op->u.create_enum.name.name);
}

static void sq_drop_enum(Emit *e, const Op *op)
{
    emit_comment(e, "SQLite has no enum types: nothing to drop for %s", op->u.drop_enum.name.name);
}

/* The labels live in the CHECK of each column of the enum: every table
 * with such a column is rebuilt (once, however many it has).  A dropped
 * label still in a row fails the copy. */
static void relabel(Emit *e, const Op *op)
{
    const char *why = sqlite_rebuild_reason(e->ev);
    const char *name = op->u.enum_value.name.name;
    uint32_t n;
    MTable **tables = schema_enum_tables(e->ev->schema, name, &n);
    if (n == 0)
        emit_comment(e, "no column uses enum %s: nothing to change", name);
    for (uint32_t i = 0; i < n; i++)
        rebuild_for(e, tables[i]->name, why);
}

static void sq_add_enum_value(Emit *e, const Op *op)
{
    relabel(e, op);
}

static void sq_drop_enum_value(Emit *e, const Op *op)
{
    relabel(e, op);
}

/* ================================================================== data */

static void emit_where(Emit *e, const Expr *where)
{
    if (!where)
        return;
    emit_raw(e, " WHERE ");
    emit_expr(e, where);
}

/* A numeric(p, s) column keeps s decimals in PostgreSQL; SQLite stores
 * what it is given, so a computed value is rounded to the scale. */
static void assigned_value(Emit *e, const char *column, const Expr *v)
{
    const ColumnDef *c = e->scope ? table_column(e->scope, column) : NULL;
    bool round_it = c && c->type.kind == TY_NUMERIC && c->type.scale >= 0 && v->kind != EX_INT &&
                    v->kind != EX_DEC && v->kind != EX_NULL;
    if (!round_it) {
        emit_expr(e, v);
        return;
    }
    emit_raw(e, "round(");
    emit_expr(e, v);
    emit_printf(e, ", %d)", c->type.scale);
}

static void sq_data_update(Emit *e, const Op *op)
{
    emit_raw(e, "UPDATE ");
    emit_ident(e, op->u.data_update.table.name);
    emit_raw(e, " SET ");
    for (uint32_t i = 0; i < op->u.data_update.set.len; i++) {
        if (i)
            emit_raw(e, ", ");
        emit_ident(e, op->u.data_update.set.items[i].column.name);
        emit_raw(e, " = ");
        assigned_value(e, op->u.data_update.set.items[i].column.name, op->u.data_update.set.items[i].value);
    }
    emit_where(e, op->u.data_update.where);
    emit_end(e);
}

/* Explicit values for an INTEGER PRIMARY KEY are fine: SQLite picks the
 * next one past the largest rowid. */
static void sq_data_insert(Emit *e, const Op *op)
{
    emit_insert_rows(e, op);
}

static void sq_data_delete(Emit *e, const Op *op)
{
    emit_raw(e, "DELETE FROM ");
    emit_ident(e, op->u.data_delete.table.name);
    emit_where(e, op->u.data_delete.where);
    emit_end(e);
}

static void sq_execute(Emit *e, const Op *op)
{
    if (!(op->u.execute.dialects & DIALECT_MASK_SQLITE)) {
        emit_comment(e, "execute for other dialects only: nothing to run on sqlite");
        return;
    }
    emit_raw_sql(e, op->u.execute.sql, false);
}

const Dialect dialect_sqlite = {
    .id = DIALECT_SQLITE,
    .name = "sqlite",
    .mask = DIALECT_MASK_SQLITE,
    .transactional_ddl = true,
    .quote_ident = sqlite_quote_ident,
    .quote_literal = sqlite_quote_literal,
    .column_type = sqlite_column_type,
    .cast_type = sqlite_cast_type,
    .call = sqlite_call,
    .concat = sqlite_concat,
    .expr = sqlite_expr,
    .boolean = sqlite_boolean,
    .default_value = sqlite_default,
    .ops = {
        [OPK_CREATE_TABLE] = sq_create_table,
        [OPK_DROP_TABLE] = sq_drop_table,
        [OPK_RENAME_TABLE] = sq_rename_table,
        [OPK_ADD_COLUMN] = sq_add_column,
        [OPK_DROP_COLUMN] = sq_drop_column,
        [OPK_RENAME_COLUMN] = sq_rename_column,
        [OPK_ALTER_TYPE] = sq_alter_type,
        [OPK_SET_NOT_NULL] = sq_set_not_null,
        [OPK_DROP_NOT_NULL] = sq_drop_not_null,
        [OPK_SET_DEFAULT] = sq_set_default,
        [OPK_DROP_DEFAULT] = sq_drop_default,
        [OPK_CREATE_INDEX] = sq_create_index,
        [OPK_DROP_INDEX] = sq_drop_index,
        [OPK_RENAME_INDEX] = sq_rename_index,
        [OPK_ADD_CONSTRAINT] = sq_add_constraint,
        [OPK_DROP_CONSTRAINT] = sq_drop_constraint,
        [OPK_VALIDATE_CONSTRAINT] = sq_validate_constraint,
        [OPK_CREATE_ENUM] = sq_create_enum,
        [OPK_ADD_ENUM_VALUE] = sq_add_enum_value,
        [OPK_DROP_ENUM_VALUE] = sq_drop_enum_value,
        [OPK_DROP_ENUM] = sq_drop_enum,
        [OPK_DATA_UPDATE] = sq_data_update,
        [OPK_DATA_INSERT] = sq_data_insert,
        [OPK_DATA_DELETE] = sq_data_delete,
        [OPK_EXECUTE] = sq_execute,
    },
};
