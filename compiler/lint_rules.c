/* lint_rules.c: the hazard rules on migc operations.
 *
 * Each rule sees the operation with the model before and after it.  An
 * object the same migration created is new: nobody reads it yet and it
 * holds no rows, so lock, rewrite and break-the-application rules leave
 * it alone (the case text-only linters get wrong). */
#include <string.h>

#include "emit.h"
#include "lint.h"

typedef struct Ctx {
    Linter *l;
    const OpEvent *ev;
    Op *op;
    const Migration *mig;
} Ctx;

static MTable *before(const Ctx *c, const char *table)
{
    return schema_table_at(c->ev->schema, c->ev->mark, table);
}

static MTable *after(const Ctx *c, const char *table)
{
    return schema_table(c->ev->schema, table);
}

/* Created by this migration (or not there before at all). */
static bool new_table(const Ctx *c, const char *table)
{
    const MTable *t = before(c, table);
    return !t || t->origin == c->mig;
}

static bool new_column(const Ctx *c, const char *table, const char *column)
{
    const MTable *t = before(c, table);
    const ColumnDef *col = t ? table_column(t, column) : NULL;
    return !col || col->origin == c->mig || new_table(c, table);
}

static Span op_span(const Ctx *c)
{
    return c->op->kw_span;
}

/* ================================================================= drops */

static void drops(Ctx *c)
{
    Op *op = c->op;
    if (op->kind == OPK_DROP_TABLE && !new_table(c, op->u.drop_table.table.name))
        lint_report(c->l, R_DROP_TABLE, op, op_span(c), "drop_table %s destroys the table and every row in it",
                    op->u.drop_table.table.name);
    if (op->kind == OPK_DROP_COLUMN &&
        !new_column(c, op->u.drop_column.table.name, op->u.drop_column.column.name))
        lint_report(c->l, R_DROP_COLUMN, op, op_span(c), "drop_column %s.%s destroys the column's data",
                    op->u.drop_column.table.name, op->u.drop_column.column.name);
}

static void renames(Ctx *c)
{
    Op *op = c->op;
    if (op->kind == OPK_RENAME_TABLE && !new_table(c, op->u.rename_table.from.name))
        lint_report(c->l, R_RENAME_TABLE, op, op_span(c), "renaming table %s to %s breaks code that uses %s",
                    op->u.rename_table.from.name, op->u.rename_table.to.name, op->u.rename_table.from.name);
    if (op->kind == OPK_RENAME_COLUMN &&
        !new_column(c, op->u.rename_column.table.name, op->u.rename_column.from.name))
        lint_report(c->l, R_RENAME_COLUMN, op, op_span(c), "renaming column %s.%s to %s breaks code that uses %s",
                    op->u.rename_column.table.name, op->u.rename_column.from.name, op->u.rename_column.to.name,
                    op->u.rename_column.from.name);
}

static void data(Ctx *c)
{
    Op *op = c->op;
    if (op->kind == OPK_DATA_DELETE)
        lint_report(c->l, R_DATA_DELETE, op, op_span(c), "data_delete removes rows from %s for good",
                    op->u.data_delete.table.name);
    if (op->kind == OPK_DATA_UPDATE && !op->u.data_update.where && !new_table(c, op->u.data_update.table.name))
        lint_report(c->l, R_DATA_UPDATE_WITHOUT_WHERE, op, op_span(c), "data_update changes every row of %s",
                    op->u.data_update.table.name);
}

/* ================================================================ columns */

/* Volatile functions are evaluated per row, so PostgreSQL must rewrite
 * the table to store their values (stable ones like now() are not). */
static bool volatile_call(const Expr *x, const void *ctx)
{
    (void)ctx;
    static const char *const fns[] = {"random", "gen_random_uuid", "clock_timestamp", "uuid_generate_v4",
                                      "timeofday", "nextval"};
    if (x->kind != EX_CALL)
        return false;
    for (size_t i = 0; i < countof(fns); i++)
        if (strcmp(x->u.call.name.name, fns[i]) == 0)
            return true;
    return false;
}

static bool volatile_expr(const Expr *x)
{
    return expr_any(x, volatile_call, NULL);
}

static void add_column(Ctx *c)
{
    Op *op = c->op;
    const ColumnDef *col = op->u.add_column.column;
    const char *t = op->u.add_column.table.name;
    if (new_table(c, t))
        return;
    if (col->not_null && !col->default_value && !col->identity)
        lint_report(c->l, R_ADD_NOT_NULL_WITHOUT_DEFAULT, op, op_span(c),
                    "%s.%s is not null without a default: adding it fails once %s has rows", t, col->name.name, t);
    if (volatile_expr(col->default_value))
        lint_report(c->l, R_VOLATILE_DEFAULT, op, col->default_value->span,
                    "the default of %s.%s is volatile: PostgreSQL rewrites %s to fill it", t, col->name.name, t);
    else if (col->identity)
        lint_report(c->l, R_VOLATILE_DEFAULT, op, col->span,
                    "identity column %s.%s takes a new value for every existing row: PostgreSQL rewrites %s to fill it",
                    t, col->name.name, t);
}

/* PostgreSQL 12+ skips the scan when a valid check proves `c is not null`. */
static bool proven_not_null(const MTable *t, const char *column)
{
    for (uint32_t i = 0; t && i < t->n_constraints; i++) {
        const Constraint *k = t->constraints[i];
        const Expr *x = k->check;
        if (k->kind == CON_CHECK && !k->not_valid && x && x->kind == EX_IS_NULL && x->u.is_null.negated &&
            x->u.is_null.operand->kind == EX_COLUMN && strcasecmp(x->u.is_null.operand->u.column.name, column) == 0)
            return true;
    }
    return false;
}

static bool varchar_widening(const Type *from, const Type *to)
{
    if (from->kind == TY_VARCHAR && to->kind == TY_TEXT)
        return true;
    return from->kind == TY_VARCHAR && to->kind == TY_VARCHAR && to->precision >= from->precision;
}

static bool numeric_relaxing(const Type *from, const Type *to)
{
    if (from->kind != TY_NUMERIC || to->kind != TY_NUMERIC)
        return false;
    if (to->precision < 0)
        return true;
    return from->precision >= 0 && to->precision >= from->precision && to->scale == from->scale;
}

/* MySQL extends a VARCHAR in place only while its length prefix keeps its
 * size: up to 255 bytes or beyond it on both sides (4 bytes per utf8mb4
 * character). */
static bool mysql_in_place(const Type *from, const Type *to)
{
    if (from->kind != TY_VARCHAR || to->kind != TY_VARCHAR || to->precision < from->precision)
        return false;
    return (from->precision * 4 <= 255) == (to->precision * 4 <= 255);
}

static void alter_column(Ctx *c)
{
    Op *op = c->op;
    const char *t = op->u.alter_column.table.name, *col = op->u.alter_column.column.name;
    if (new_table(c, t))
        return;
    if (op->kind == OPK_SET_NOT_NULL && !proven_not_null(before(c, t), col))
        lint_report(c->l, R_SET_NOT_NULL_FULL_SCAN, op, op_span(c),
                    "set not null on %s.%s scans all of %s under an exclusive lock", t, col, t);
    if (op->kind != OPK_ALTER_TYPE)
        return;
    const ColumnDef *old = table_column(before(c, t), col);
    const Type *to = &op->u.alter_column.type;
    bool pg = !varchar_widening(&old->type, to) && !numeric_relaxing(&old->type, to);
    bool my = !mysql_in_place(&old->type, to);
    unsigned where = (pg ? LD_PG : 0) | (my ? LD_MYSQL : 0);
    if (!(where & c->l->dialects))
        return;
    Arena *a = c->l->arena;
    Finding *f = lint_report(c->l, R_ALTER_TYPE_REWRITE, op, op_span(c), "changing %s.%s from %s to %s rewrites %s%s",
                             t, col, type_to_string(a, &old->type), type_to_string(a, to), t,
                             pg && my ? "" : pg ? " on postgresql" : " on mysql");
    if (f)
        f->dialects &= where;
}

/* ============================================================ constraints */

static void add_constraint(Ctx *c)
{
    Op *op = c->op;
    const Constraint *k = op->u.add_constraint.constraint;
    if (new_table(c, k->table.name))
        return;
    const char *t = k->table.name, *n = k->name.name;
    if (k->kind == CON_FOREIGN_KEY && !k->not_valid)
        lint_report(c->l, R_FK_WITHOUT_NOT_VALID, op, op_span(c),
                    "foreign key %s checks every row of %s while locking %s and %s", n, t, t, k->ref_table.name);
    if (k->kind == CON_CHECK && !k->not_valid)
        lint_report(c->l, R_CHECK_WITHOUT_NOT_VALID, op, op_span(c), "check %s scans every row of %s under a lock", n, t);
    if (k->kind == CON_UNIQUE)
        lint_report(c->l, R_ADD_UNIQUE_CONSTRAINT, op, op_span(c),
                    "unique constraint %s builds its index on %s while blocking writes", n, t);
    if (k->kind == CON_PRIMARY_KEY)
        lint_report(c->l, R_ADD_PRIMARY_KEY, op, op_span(c),
                    "primary key %s builds its index on %s while blocking writes", n, t);
}

/* ================================================================ indexes */

static void indexes(Ctx *c)
{
    Op *op = c->op;
    bool txn = !c->mig->transaction_none;
    if (op->kind == OPK_CREATE_INDEX) {
        const IndexDef *ix = op->u.create_index.index;
        if (op->u.create_index.concurrently && txn)
            lint_report(c->l, R_CONCURRENTLY_IN_TRANSACTION, op, op_span(c),
                        "create_index %s ... concurrently cannot run inside the migration's transaction", ix->name.name);
        else if (!op->u.create_index.concurrently && !new_table(c, ix->table.name))
            lint_report(c->l, R_INDEX_NOT_CONCURRENT, op, op_span(c),
                        "creating index %s blocks writes to %s until it is built", ix->name.name, ix->table.name);
        return;
    }
    const char *name = op->u.drop_index.name.name;
    if (op->u.drop_index.concurrently && txn) {
        lint_report(c->l, R_CONCURRENTLY_IN_TRANSACTION, op, op_span(c),
                    "drop_index %s concurrently cannot run inside the migration's transaction", name);
        return;
    }
    const MTable *t = before(c, op->u.drop_index.table.name);
    const IndexDef *ix = t ? table_index(t, name) : NULL;
    if (!op->u.drop_index.concurrently && ix && ix->origin != c->mig && !new_table(c, t->name))
        lint_report(c->l, R_DROP_INDEX_NOT_CONCURRENT, op, op_span(c),
                    "dropping index %s locks %s against reads and writes", name, t->name);
}

/* ================================================================== enums */

static bool at_end(const MEnum *e, const Op *op)
{
    if (!op->u.enum_value.anchor)
        return true;
    return !op->u.enum_value.before && strcmp(e->labels[e->n_labels - 1], op->u.enum_value.anchor) == 0;
}

static void enums(Ctx *c)
{
    Op *op = c->op;
    const MEnum *e = schema_enum_at(c->ev->schema, c->ev->mark, op->u.enum_value.name.name);
    if (!e || e->origin == c->mig)
        return;
    bool appended = op->kind == OPK_ADD_ENUM_VALUE && at_end(e, op);
    if (op->kind == OPK_ADD_ENUM_VALUE && !appended)
        lint_report(c->l, R_ENUM_VALUE_POSITION, op, op_span(c), "label '%s' goes %s '%s', not at the end of %s",
                    op->u.enum_value.label, op->u.enum_value.before ? "before" : "after", op->u.enum_value.anchor,
                    e->name);
    if (!appended && schema_enum_used(c->ev->schema, e->name))
        lint_report(c->l, R_MYSQL_ENUM_CHANGE_COPIES_TABLE, op, op_span(c),
                    "changing the labels of %s copies every table that uses it on mysql", e->name);
}

/* ================================================================== types */

static void column_types(Ctx *c, const char *table, const ColumnDef *col, const MTable *t)
{
    Linter *l = c->l;
    const char *n = col->name.name;
    const Constraint *pk = t ? table_primary_key(t) : NULL;
    bool key = col->identity;
    for (uint32_t i = 0; pk && i < pk->columns.len && !key; i++)
        key = strcasecmp(pk->columns.items[i].name, n) == 0 && pk->columns.len == 1;
    if (key && (col->type.kind == TY_SMALLINT || col->type.kind == TY_INTEGER))
        lint_report(l, R_PREFER_BIGINT, c->op, col->type.span, "key column %s.%s is %s", table, n,
                    type_kind_name(col->type.kind));
    if (col->type.kind == TY_TIMESTAMP)
        lint_report(l, R_PREFER_TIMESTAMPTZ, c->op, col->type.span, "%s.%s is timestamp without time zone", table, n);
    if (col->type.kind == TY_VARCHAR)
        lint_report(l, R_PREFER_TEXT, c->op, col->type.span, "%s.%s is varchar(%d)", table, n, col->type.precision);
    if (col->type.kind == TY_JSON)
        lint_report(l, R_PREFER_JSONB, c->op, col->type.span, "%s.%s is json", table, n);
}

static void name_rule(Ctx *c, NamingKindLint kind, Ident name)
{
    if (!name.name || lint_name_matches(c->l, kind, name.name))
        return;
    lint_report(c->l, R_NAMING_CONVENTION, c->op, name.span, "%s name '%s' does not match %s", lint_naming_kind(kind),
                name.name, lint_naming_pattern(c->l, kind));
}

static void definitions(Ctx *c)
{
    Op *op = c->op;
    if (op->kind == OPK_CREATE_TABLE) {
        const char *t = op->u.create_table.table.name;
        name_rule(c, NK_TABLE, op->u.create_table.table);
        for (uint32_t i = 0; i < op->u.create_table.n_columns; i++) {
            name_rule(c, NK_COLUMN, op->u.create_table.columns[i]->name);
            column_types(c, t, op->u.create_table.columns[i], after(c, t));
        }
        for (uint32_t i = 0; i < op->u.create_table.constraints.len; i++)
            name_rule(c, NK_CONSTRAINT, op->u.create_table.constraints.items[i]->name);
    } else if (op->kind == OPK_ADD_COLUMN) {
        name_rule(c, NK_COLUMN, op->u.add_column.column->name);
        column_types(c, op->u.add_column.table.name, op->u.add_column.column, after(c, op->u.add_column.table.name));
    } else if (op->kind == OPK_ALTER_TYPE) {
        const char *t = op->u.alter_column.table.name;
        ColumnDef *col = table_column(after(c, t), op->u.alter_column.column.name);
        if (col)
            column_types(c, t, col, after(c, t));
    } else if (op->kind == OPK_RENAME_TABLE) {
        name_rule(c, NK_TABLE, op->u.rename_table.to);
    } else if (op->kind == OPK_RENAME_COLUMN) {
        name_rule(c, NK_COLUMN, op->u.rename_column.to);
    } else if (op->kind == OPK_CREATE_INDEX) {
        name_rule(c, NK_INDEX, op->u.create_index.index->name);
    } else if (op->kind == OPK_RENAME_INDEX) {
        name_rule(c, NK_INDEX, op->u.rename_index.to);
    } else if (op->kind == OPK_ADD_CONSTRAINT) {
        name_rule(c, NK_CONSTRAINT, op->u.add_constraint.constraint->name);
    } else if (op->kind == OPK_CREATE_ENUM) {
        name_rule(c, NK_ENUM, op->u.create_enum.name);
    }
}

/* ================================================================ execute */

/* Raw SQL for PostgreSQL goes through libpg_query: a syntax error points
 * into the .mig file, and the .sql rules see the statements. */
static void execute(Ctx *c)
{
    Op *op = c->op;
    if (op->u.execute.sql && (op->u.execute.dialects & DIALECT_MASK_POSTGRESQL) &&
        (c->l->dialects & DIALECT_MASK_POSTGRESQL))
        lint_sql_embedded(c->l, op, op->u.execute.sql, op->u.execute.sql_span);
}

/* ================================================================ sqlite */

/* The tables of an enum whose labels change, except new ones: "a, b". */
static const char *enum_tables(Ctx *c, const char *enum_name)
{
    uint32_t n;
    MTable **tables = schema_enum_tables(c->ev->schema, enum_name, &n);
    Buf b;
    buf_init(&b, c->l->arena);
    for (uint32_t i = 0; i < n; i++)
        if (!new_table(c, tables[i]->name))
            buf_printf(&b, "%s%s", b.len ? ", " : "", tables[i]->name);
    return b.len ? b.data : NULL;
}

/* The SQLite emitter rebuilds a table for this operation: a copy of every
 * row, worth knowing about on a large table. */
static void sqlite_rebuilds(Ctx *c)
{
    if (!(c->l->dialects & LD_SQLITE))
        return;
    const char *why = sqlite_rebuild_reason(c->ev);
    if (!why)
        return;
    Op *op = c->op;
    if (op->kind == OPK_ADD_ENUM_VALUE || op->kind == OPK_DROP_ENUM_VALUE) {
        const char *tables = enum_tables(c, op->u.enum_value.name.name);
        if (tables)
            lint_report(c->l, R_SQLITE_TABLE_REBUILD, op, op_span(c),
                        "SQLite %s: the tables using enum %s are rebuilt (%s)", why, op->u.enum_value.name.name,
                        tables);
        return;
    }
    const char *table = op_table_name(op);
    if (table && !new_table(c, table))
        lint_report(c->l, R_SQLITE_TABLE_REBUILD, op, op_span(c), "SQLite %s: table %s is rebuilt", why, table);
}

/* ================================================================ the hook */

void lint_on_op(Linter *l, const OpEvent *ev)
{
    if (ev->dir != DIR_UP || ev->op->derived)
        return;
    Ctx c = {l, ev, (Op *)ev->op, ev->rev->mig};
    definitions(&c);
    sqlite_rebuilds(&c);
    switch (ev->op->kind) {
    case OPK_DROP_TABLE: case OPK_DROP_COLUMN: drops(&c); return;
    case OPK_RENAME_TABLE: case OPK_RENAME_COLUMN: renames(&c); return;
    case OPK_DATA_DELETE: case OPK_DATA_UPDATE: data(&c); return;
    case OPK_ADD_COLUMN: add_column(&c); return;
    case OPK_ALTER_TYPE: case OPK_SET_NOT_NULL: alter_column(&c); return;
    case OPK_ADD_CONSTRAINT: add_constraint(&c); return;
    case OPK_CREATE_INDEX: case OPK_DROP_INDEX: indexes(&c); return;
    case OPK_ADD_ENUM_VALUE: case OPK_DROP_ENUM_VALUE: enums(&c); return;
    case OPK_EXECUTE: execute(&c); return;
    case OPK_CREATE_TABLE: case OPK_DROP_NOT_NULL: case OPK_SET_DEFAULT: case OPK_DROP_DEFAULT:
    case OPK_RENAME_INDEX: case OPK_DROP_CONSTRAINT: case OPK_VALIDATE_CONSTRAINT: case OPK_CREATE_ENUM:
    case OPK_DROP_ENUM: case OPK_DATA_INSERT: case OPK__COUNT:
        return;
    }
}
