/* ir.c: names of IR kinds, structural equality, and the stable text dump
 * that golden tests compare (`migc parse --dump-ir`). */
#include "ir.h"

#include <string.h>

static const char *const type_names[] = {
#define X(k, s) s,
    TYPE_KINDS(X)
#undef X
};
static const char *const expr_names[] = {
#define X(k, s) s,
    EXPR_KINDS(X)
#undef X
};
static const char *const operator_names[] = {
#define X(k, s) s,
    OPERATORS(X)
#undef X
};
static const char *const fk_names[] = {
#define X(k, s) s,
    FK_ACTIONS(X)
#undef X
};
static const char *const constraint_names[] = {
#define X(k, s) s,
    CONSTRAINT_KINDS(X)
#undef X
};
static const char *const op_names[] = {
#define X(k, s) s,
    OP_KINDS(X)
#undef X
};

const char *type_kind_name(TypeKind k) { return type_names[k]; }
const char *expr_kind_name(ExprKind k) { return expr_names[k]; }
const char *operator_sql(Operator op) { return operator_names[op]; }
const char *fk_action_name(FkAction a) { return fk_names[a]; }
const char *constraint_kind_name(ConstraintKind k) { return constraint_names[k]; }
const char *op_kind_name(OpKind k) { return op_names[k]; }

const char *op_table_name(const Op *op)
{
    switch (op->kind) {
    case OPK_CREATE_TABLE: return op->u.create_table.table.name;
    case OPK_DROP_TABLE: return op->u.drop_table.table.name;
    case OPK_RENAME_TABLE: return op->u.rename_table.to.name;
    case OPK_ADD_COLUMN: return op->u.add_column.table.name;
    case OPK_DROP_COLUMN: return op->u.drop_column.table.name;
    case OPK_RENAME_COLUMN: return op->u.rename_column.table.name;
    case OPK_ALTER_TYPE: case OPK_SET_NOT_NULL: case OPK_DROP_NOT_NULL: case OPK_SET_DEFAULT: case OPK_DROP_DEFAULT:
        return op->u.alter_column.table.name;
    case OPK_CREATE_INDEX: return op->u.create_index.index->table.name;
    case OPK_DROP_INDEX: return op->u.drop_index.table.name;
    case OPK_RENAME_INDEX: return op->u.rename_index.table.name;
    case OPK_ADD_CONSTRAINT: return op->u.add_constraint.constraint->table.name;
    case OPK_DROP_CONSTRAINT: case OPK_VALIDATE_CONSTRAINT: return op->u.drop_constraint.table.name;
    case OPK_DATA_UPDATE: return op->u.data_update.table.name;
    case OPK_DATA_INSERT: return op->u.data_insert.table.name;
    case OPK_DATA_DELETE: return op->u.data_delete.table.name;
    case OPK_CREATE_ENUM: case OPK_ADD_ENUM_VALUE: case OPK_DROP_ENUM_VALUE: case OPK_DROP_ENUM: case OPK_EXECUTE:
    case OPK__COUNT:
        break;
    }
    return NULL;
}

/* ================================================================ equality */

const char *type_to_string(Arena *a, const Type *t)
{
    switch (t->kind) {
    case TY_ENUM:
        return t->enum_name.name;
    case TY_VARCHAR:
    case TY_CHAR:
        return arena_printf(a, "%s(%d)", type_names[t->kind], t->precision);
    case TY_NUMERIC:
        if (t->precision < 0)
            return "numeric";
        if (t->scale < 0)
            return arena_printf(a, "numeric(%d)", t->precision);
        return arena_printf(a, "numeric(%d,%d)", t->precision, t->scale);
    case TY_SMALLINT: case TY_INTEGER: case TY_BIGINT: case TY_BOOLEAN: case TY_REAL:
    case TY_DOUBLE: case TY_TEXT: case TY_DATE: case TY_TIME: case TY_TIMESTAMP:
    case TY_TIMESTAMPTZ: case TY_INTERVAL: case TY_UUID: case TY_JSON: case TY_JSONB:
    case TY_BYTES: case TY__COUNT:
        break;
    }
    return type_names[t->kind];
}

bool type_equal(const Type *a, const Type *b)
{
    if (a->kind != b->kind || a->precision != b->precision || a->scale != b->scale)
        return false;
    return a->kind != TY_ENUM || a->enum_name.name == b->enum_name.name;
}

/* The families a conversion is decided by. */
typedef enum TypeFamily { FAM_INT, FAM_FRAC, FAM_BOOL, FAM_STRING, FAM_DATE, FAM_TIME, FAM_TIMESTAMP, FAM_INTERVAL,
                          FAM_UUID, FAM_JSON, FAM_BYTES, FAM_ENUM } TypeFamily;

static TypeFamily family(TypeKind k)
{
    switch (k) {
    case TY_SMALLINT: case TY_INTEGER: case TY_BIGINT: return FAM_INT;
    case TY_REAL: case TY_DOUBLE: case TY_NUMERIC: return FAM_FRAC;
    case TY_BOOLEAN: return FAM_BOOL;
    case TY_TEXT: case TY_VARCHAR: case TY_CHAR: return FAM_STRING;
    case TY_DATE: return FAM_DATE;
    case TY_TIME: return FAM_TIME;
    case TY_TIMESTAMP: case TY_TIMESTAMPTZ: return FAM_TIMESTAMP;
    case TY_INTERVAL: return FAM_INTERVAL;
    case TY_UUID: return FAM_UUID;
    case TY_JSON: case TY_JSONB: return FAM_JSON;
    case TY_BYTES: return FAM_BYTES;
    case TY_ENUM: case TY__COUNT: break;
    }
    return FAM_ENUM;
}

/* The conversions every dialect can make (PostgreSQL's casts are the
 * narrowest): strings to and from anything (the value is parsed or
 * printed), numbers among themselves, integer and boolean, the datetime
 * types where a cast exists, json and jsonb.  Enums convert to and from
 * strings; to another enum by label, through text.  smallint and bigint
 * reach boolean through integer, the only integer PostgreSQL casts to and
 * from boolean. */
TypeConversion type_conversion(const Type *from, const Type *to)
{
    TypeFamily f = family(from->kind), t = family(to->kind);
    if (f == FAM_STRING || t == FAM_STRING || f == t)
        return f == FAM_ENUM && t == FAM_ENUM ? CONV_VIA_TEXT : CONV_DIRECT;
    if ((f == FAM_INT || f == FAM_FRAC) && (t == FAM_INT || t == FAM_FRAC))
        return CONV_DIRECT;
    if ((f == FAM_INT && t == FAM_BOOL) || (f == FAM_BOOL && t == FAM_INT))
        return from->kind == TY_INTEGER || to->kind == TY_INTEGER ? CONV_DIRECT : CONV_VIA_INTEGER;
    if ((f == FAM_DATE && t == FAM_TIMESTAMP) || (f == FAM_TIMESTAMP && (t == FAM_DATE || t == FAM_TIME)))
        return CONV_DIRECT;
    if ((f == FAM_TIME && t == FAM_INTERVAL) || (f == FAM_INTERVAL && t == FAM_TIME))
        return CONV_DIRECT;
    return CONV_NONE;
}

static bool expr_list_equal(ExprList a, ExprList b)
{
    if (a.len != b.len)
        return false;
    for (uint32_t i = 0; i < a.len; i++)
        if (!expr_equal(a.items[i], b.items[i]))
            return false;
    return true;
}

static bool list_any(ExprList l, ExprPred pred, const void *ctx)
{
    for (uint32_t i = 0; i < l.len; i++)
        if (expr_any(l.items[i], pred, ctx))
            return true;
    return false;
}

static const PortableFn portable_functions[] = {
    {"now", FN_TIMESTAMP, 0, 0},           {"current_timestamp", FN_TIMESTAMP, 0, 0},
    {"localtimestamp", FN_TIMESTAMP, 0, 0}, {"current_date", FN_DATE, 0, 0},
    {"current_time", FN_TIME, 0, 0},       {"localtime", FN_TIME, 0, 0},
    {"lower", FN_TEXT, 1, 1},              {"upper", FN_TEXT, 1, 1},
    {"trim", FN_TEXT, 1, 1},               {"ltrim", FN_TEXT, 1, 1},
    {"rtrim", FN_TEXT, 1, 1},              {"replace", FN_TEXT, 3, 3},
    {"substr", FN_TEXT, 2, 3},             {"concat", FN_TEXT, 1, 100},
    {"length", FN_INTEGER, 1, 1},          {"abs", FN_NUMBER, 1, 1},
    {"round", FN_NUMBER, 1, 2},            {"floor", FN_NUMBER, 1, 1},
    {"ceil", FN_NUMBER, 1, 1},             {"mod", FN_NUMBER, 2, 2},
    {"coalesce", FN_ARGUMENT, 1, 100},     {"nullif", FN_ARGUMENT, 2, 2},
    {"greatest", FN_ARGUMENT, 1, 100},     {"least", FN_ARGUMENT, 1, 100},
    {"gen_random_uuid", FN_UUID, 0, 0},
};

const PortableFn *portable_function(const char *name)
{
    for (size_t i = 0; i < countof(portable_functions); i++)
        if (strcmp(portable_functions[i].name, name) == 0)
            return &portable_functions[i];
    return NULL;
}

bool expr_any(const Expr *e, ExprPred pred, const void *ctx)
{
    if (!e)
        return false;
    if (pred(e, ctx))
        return true;
    switch (e->kind) {
    case EX_NULL: case EX_BOOL: case EX_INT: case EX_DEC: case EX_STRING: case EX_COLUMN:
        return false;
    case EX_UNARY: case EX_BINARY:
        return expr_any(e->u.op.left, pred, ctx) || expr_any(e->u.op.right, pred, ctx);
    case EX_IS_NULL:
        return expr_any(e->u.is_null.operand, pred, ctx);
    case EX_IN:
        return expr_any(e->u.in.operand, pred, ctx) || list_any(e->u.in.list, pred, ctx);
    case EX_BETWEEN:
        return expr_any(e->u.between.operand, pred, ctx) || expr_any(e->u.between.low, pred, ctx) ||
               expr_any(e->u.between.high, pred, ctx);
    case EX_LIKE:
        return expr_any(e->u.like.operand, pred, ctx) || expr_any(e->u.like.pattern, pred, ctx);
    case EX_CALL:
        return list_any(e->u.call.args, pred, ctx);
    case EX_CAST:
        return expr_any(e->u.cast.operand, pred, ctx);
    }
    return false;
}

/* Structural equality, ignoring spans: two defaults or predicates written
 * in different files are the same if they say the same thing. */
bool expr_equal(const Expr *a, const Expr *b)
{
    if (!a || !b)
        return a == b;
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case EX_NULL:
        return true;
    case EX_BOOL:
        return a->u.boolean == b->u.boolean;
    case EX_INT:
    case EX_DEC:
    case EX_STRING:
        return strcmp(a->u.text, b->u.text) == 0;
    case EX_COLUMN:
        return a->u.column.name == b->u.column.name;
    case EX_UNARY:
    case EX_BINARY:
        return a->u.op.op == b->u.op.op && expr_equal(a->u.op.left, b->u.op.left) &&
               expr_equal(a->u.op.right, b->u.op.right);
    case EX_IS_NULL:
        return a->u.is_null.negated == b->u.is_null.negated && expr_equal(a->u.is_null.operand, b->u.is_null.operand);
    case EX_IN:
        return a->u.in.negated == b->u.in.negated && expr_equal(a->u.in.operand, b->u.in.operand) &&
               expr_list_equal(a->u.in.list, b->u.in.list);
    case EX_BETWEEN:
        return a->u.between.negated == b->u.between.negated && expr_equal(a->u.between.operand, b->u.between.operand) &&
               expr_equal(a->u.between.low, b->u.between.low) && expr_equal(a->u.between.high, b->u.between.high);
    case EX_LIKE:
        return a->u.like.negated == b->u.like.negated && expr_equal(a->u.like.operand, b->u.like.operand) &&
               expr_equal(a->u.like.pattern, b->u.like.pattern);
    case EX_CALL:
        return a->u.call.name.name == b->u.call.name.name && a->u.call.niladic == b->u.call.niladic &&
               expr_list_equal(a->u.call.args, b->u.call.args);
    case EX_CAST:
        return type_equal(&a->u.cast.type, &b->u.cast.type) && expr_equal(a->u.cast.operand, b->u.cast.operand);
    }
    return false;
}

/* ==================================================================== dump */

static bool plain_name(const char *s)
{
    if (!s || !*s)
        return false;
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return false;
    for (const char *c = s; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '_'))
            return false;
    return true;
}

static void dump_quoted(Buf *out, const char *s, char q)
{
    buf_putc(out, q);
    for (; *s; s++) {
        if (*s == q)
            buf_putc(out, q);
        if (*s == '\n')
            buf_puts(out, "\\n");
        else if (*s == '\r')
            buf_puts(out, "\\r");
        else if (*s == '\t')
            buf_puts(out, "\\t");
        else
            buf_putc(out, *s);
    }
    buf_putc(out, q);
}

static void dump_name(Buf *out, const char *name)
{
    if (!name)
        buf_puts(out, "<unnamed>");
    else if (plain_name(name))
        buf_puts(out, name);
    else
        dump_quoted(out, name, '"');
}

static void dump_names(Buf *out, IdentList l)
{
    buf_putc(out, '(');
    for (uint32_t i = 0; i < l.len; i++) {
        if (i)
            buf_puts(out, ", ");
        dump_name(out, l.items[i].name);
    }
    buf_putc(out, ')');
}

static void dump_pos(Buf *out, const SourceMap *sm, Span s)
{
    if (s.file == NO_FILE) {
        buf_puts(out, "@-");
        return;
    }
    LineCol lc = source_linecol(sm, s.file, s.byte_off);
    buf_printf(out, "@%u:%u", lc.line, lc.col);
}

static void indent_to(Buf *out, int n)
{
    for (int i = 0; i < n; i++)
        buf_puts(out, "  ");
}

static void dump_type(Buf *out, const Type *t)
{
    if (t->kind == TY_ENUM) {
        buf_puts(out, "enum ");
        dump_name(out, t->enum_name.name);
        return;
    }
    Arena scratch = {0};
    buf_puts(out, type_to_string(&scratch, t));
    arena_free(&scratch);
}

static void dump_expr_list(ExprList l, Buf *out)
{
    for (uint32_t i = 0; i < l.len; i++) {
        buf_putc(out, ' ');
        ir_dump_expr(l.items[i], out);
    }
}

/* S-expressions make grouping explicit, so a precedence mistake in the
 * parser shows up as a different tree. */
void ir_dump_expr(const Expr *e, Buf *out)
{
    if (!e) {
        buf_puts(out, "<none>");
        return;
    }
    switch (e->kind) {
    case EX_NULL:
        buf_puts(out, "null");
        return;
    case EX_BOOL:
        buf_puts(out, e->u.boolean ? "true" : "false");
        return;
    case EX_INT:
    case EX_DEC:
        buf_puts(out, e->u.text);
        return;
    case EX_STRING:
        dump_quoted(out, e->u.text, '\'');
        return;
    case EX_COLUMN:
        buf_puts(out, "(col ");
        dump_name(out, e->u.column.name);
        buf_putc(out, ')');
        return;
    case EX_UNARY:
        buf_printf(out, "(%s ", e->u.op.op == OP_NOT ? "not" : "neg");
        ir_dump_expr(e->u.op.left, out);
        buf_putc(out, ')');
        return;
    case EX_BINARY:
        buf_printf(out, "(%s ", operator_sql(e->u.op.op));
        ir_dump_expr(e->u.op.left, out);
        buf_putc(out, ' ');
        ir_dump_expr(e->u.op.right, out);
        buf_putc(out, ')');
        return;
    case EX_IS_NULL:
        buf_printf(out, "(%s ", e->u.is_null.negated ? "is-not-null" : "is-null");
        ir_dump_expr(e->u.is_null.operand, out);
        buf_putc(out, ')');
        return;
    case EX_IN:
        buf_printf(out, "(%s ", e->u.in.negated ? "not-in" : "in");
        ir_dump_expr(e->u.in.operand, out);
        dump_expr_list(e->u.in.list, out);
        buf_putc(out, ')');
        return;
    case EX_BETWEEN:
        buf_printf(out, "(%s ", e->u.between.negated ? "not-between" : "between");
        ir_dump_expr(e->u.between.operand, out);
        buf_putc(out, ' ');
        ir_dump_expr(e->u.between.low, out);
        buf_putc(out, ' ');
        ir_dump_expr(e->u.between.high, out);
        buf_putc(out, ')');
        return;
    case EX_LIKE:
        buf_printf(out, "(%s ", e->u.like.negated ? "not-like" : "like");
        ir_dump_expr(e->u.like.operand, out);
        buf_putc(out, ' ');
        ir_dump_expr(e->u.like.pattern, out);
        buf_putc(out, ')');
        return;
    case EX_CALL:
        buf_printf(out, "(%s ", e->u.call.niladic ? "word" : "call");
        dump_name(out, e->u.call.name.name);
        dump_expr_list(e->u.call.args, out);
        buf_putc(out, ')');
        return;
    case EX_CAST:
        buf_puts(out, "(cast ");
        ir_dump_expr(e->u.cast.operand, out);
        buf_putc(out, ' ');
        dump_type(out, &e->u.cast.type);
        buf_putc(out, ')');
        return;
    }
}

static void dump_column(Buf *out, const ColumnDef *c, int ind)
{
    indent_to(out, ind);
    buf_puts(out, "column ");
    dump_name(out, c->name.name);
    buf_putc(out, ' ');
    dump_type(out, &c->type);
    buf_puts(out, c->not_null ? " not-null" : " null");
    if (c->identity)
        buf_puts(out, " identity");
    if (c->default_value) {
        buf_puts(out, " default ");
        ir_dump_expr(c->default_value, out);
    }
    buf_putc(out, '\n');
}

static void dump_constraint(Buf *out, const Constraint *c, int ind)
{
    indent_to(out, ind);
    buf_puts(out, "constraint ");
    dump_name(out, c->name.name);
    buf_printf(out, " %s", constraint_kind_name(c->kind));
    if (c->kind != CON_CHECK) {
        buf_putc(out, ' ');
        dump_names(out, c->columns);
    }
    if (c->kind == CON_CHECK) {
        buf_putc(out, ' ');
        ir_dump_expr(c->check, out);
    }
    if (c->kind == CON_FOREIGN_KEY) {
        buf_puts(out, " references ");
        dump_name(out, c->ref_table.name);
        if (c->ref_columns.len) {
            buf_putc(out, ' ');
            dump_names(out, c->ref_columns);
        }
        if (c->on_delete != FK_NONE)
            buf_printf(out, " on-delete %s", fk_action_name(c->on_delete));
        if (c->on_update != FK_NONE)
            buf_printf(out, " on-update %s", fk_action_name(c->on_update));
    }
    if (c->not_valid)
        buf_puts(out, " not-valid");
    if (c->from_column)
        buf_puts(out, " (column attribute)");
    buf_putc(out, '\n');
}

static void dump_assignments(Buf *out, const char *label, AssignmentList l, int ind)
{
    for (uint32_t i = 0; i < l.len; i++) {
        indent_to(out, ind);
        buf_printf(out, "%s ", label);
        dump_name(out, l.items[i].column.name);
        buf_puts(out, " = ");
        ir_dump_expr(l.items[i].value, out);
        buf_putc(out, '\n');
    }
}

static void dump_line_expr(Buf *out, const char *label, const Expr *e, int ind)
{
    if (!e)
        return;
    indent_to(out, ind);
    buf_printf(out, "%s ", label);
    ir_dump_expr(e, out);
    buf_putc(out, '\n');
}

static void dump_reverse_kind(Buf *out, ReverseKind r, int ind)
{
    if (r == REV_GIVEN)
        return;
    indent_to(out, ind);
    buf_puts(out, r == REV_NONE ? "reverse none\n" : "reverse missing\n");
}

static void dump_raw(Buf *out, const char *label, const char *sql, int ind)
{
    indent_to(out, ind);
    buf_printf(out, "%s ", label);
    dump_quoted(out, sql ? sql : "", '\'');
    buf_putc(out, '\n');
}

static void dump_index(Buf *out, const IndexDef *ix, int ind)
{
    indent_to(out, ind);
    buf_puts(out, "index ");
    dump_name(out, ix->name.name);
    buf_puts(out, " on ");
    dump_name(out, ix->table.name);
    buf_putc(out, ' ');
    dump_names(out, ix->columns);
    if (ix->unique)
        buf_puts(out, " unique");
    buf_putc(out, '\n');
    dump_line_expr(out, "where", ix->where, ind + 1);
}

static void dump_op_body(const Op *op, Buf *out, int ind)
{
    switch (op->kind) {
    case OPK_CREATE_TABLE:
        for (uint32_t i = 0; i < op->u.create_table.n_columns; i++)
            dump_column(out, op->u.create_table.columns[i], ind);
        for (uint32_t i = 0; i < op->u.create_table.constraints.len; i++)
            dump_constraint(out, op->u.create_table.constraints.items[i], ind);
        return;
    case OPK_ADD_COLUMN:
        dump_column(out, op->u.add_column.column, ind);
        for (uint32_t i = 0; i < op->u.add_column.constraints.len; i++)
            dump_constraint(out, op->u.add_column.constraints.items[i], ind);
        return;
    case OPK_ALTER_TYPE:
        indent_to(out, ind);
        buf_puts(out, "type ");
        dump_type(out, &op->u.alter_column.type);
        buf_putc(out, '\n');
        dump_line_expr(out, "using", op->u.alter_column.using_expr, ind);
        return;
    case OPK_SET_DEFAULT:
        dump_line_expr(out, "default", op->u.alter_column.value, ind);
        return;
    case OPK_CREATE_INDEX:
        dump_index(out, op->u.create_index.index, ind);
        return;
    case OPK_ADD_CONSTRAINT:
        dump_constraint(out, op->u.add_constraint.constraint, ind);
        return;
    case OPK_CREATE_ENUM:
        for (uint32_t i = 0; i < op->u.create_enum.labels.len; i++) {
            indent_to(out, ind);
            buf_puts(out, "label ");
            dump_quoted(out, op->u.create_enum.labels.items[i], '\'');
            buf_putc(out, '\n');
        }
        return;
    case OPK_DATA_UPDATE:
        dump_assignments(out, "set", op->u.data_update.set, ind);
        dump_line_expr(out, "where", op->u.data_update.where, ind);
        dump_reverse_kind(out, op->u.data_update.reverse, ind);
        dump_assignments(out, "reverse set", op->u.data_update.reverse_set, ind);
        dump_line_expr(out, "reverse where", op->u.data_update.reverse_where, ind);
        return;
    case OPK_DATA_INSERT:
        indent_to(out, ind);
        buf_puts(out, "columns ");
        dump_names(out, op->u.data_insert.columns);
        buf_putc(out, '\n');
        for (uint32_t i = 0; i < op->u.data_insert.n_rows; i++) {
            indent_to(out, ind);
            buf_puts(out, "row");
            dump_expr_list(op->u.data_insert.rows[i], out);
            buf_putc(out, '\n');
        }
        return;
    case OPK_DATA_DELETE:
        dump_line_expr(out, "where", op->u.data_delete.where, ind);
        return;
    case OPK_EXECUTE:
        dump_raw(out, "sql", op->u.execute.sql, ind);
        dump_reverse_kind(out, op->u.execute.reverse, ind);
        if (op->u.execute.reverse == REV_GIVEN)
            dump_raw(out, "reverse sql", op->u.execute.reverse_sql, ind);
        return;
    case OPK_DROP_TABLE: case OPK_RENAME_TABLE: case OPK_DROP_COLUMN: case OPK_RENAME_COLUMN:
    case OPK_SET_NOT_NULL: case OPK_DROP_NOT_NULL: case OPK_DROP_DEFAULT: case OPK_DROP_INDEX:
    case OPK_RENAME_INDEX: case OPK_DROP_CONSTRAINT: case OPK_VALIDATE_CONSTRAINT:
    case OPK_ADD_ENUM_VALUE: case OPK_DROP_ENUM_VALUE: case OPK_DROP_ENUM: case OPK__COUNT:
        return;
    }
}

/* The one-line summary after the operation's name. */
static void dump_op_head(const Op *op, Buf *out)
{
    switch (op->kind) {
    case OPK_CREATE_TABLE:
        dump_name(out, op->u.create_table.table.name);
        return;
    case OPK_DROP_TABLE:
        dump_name(out, op->u.drop_table.table.name);
        return;
    case OPK_RENAME_TABLE:
        dump_name(out, op->u.rename_table.from.name);
        buf_puts(out, " -> ");
        dump_name(out, op->u.rename_table.to.name);
        return;
    case OPK_ADD_COLUMN:
        dump_name(out, op->u.add_column.table.name);
        return;
    case OPK_DROP_COLUMN:
        dump_name(out, op->u.drop_column.table.name);
        buf_putc(out, '.');
        dump_name(out, op->u.drop_column.column.name);
        return;
    case OPK_RENAME_COLUMN:
        dump_name(out, op->u.rename_column.table.name);
        buf_putc(out, '.');
        dump_name(out, op->u.rename_column.from.name);
        buf_puts(out, " -> ");
        dump_name(out, op->u.rename_column.to.name);
        return;
    case OPK_ALTER_TYPE: case OPK_SET_NOT_NULL: case OPK_DROP_NOT_NULL: case OPK_SET_DEFAULT:
    case OPK_DROP_DEFAULT:
        dump_name(out, op->u.alter_column.table.name);
        buf_putc(out, '.');
        dump_name(out, op->u.alter_column.column.name);
        return;
    case OPK_CREATE_INDEX:
        if (op->u.create_index.concurrently)
            buf_puts(out, "concurrently");
        return;
    case OPK_DROP_INDEX:
        dump_name(out, op->u.drop_index.name.name);
        if (op->u.drop_index.table.name) {
            buf_puts(out, " on ");
            dump_name(out, op->u.drop_index.table.name);
        }
        if (op->u.drop_index.concurrently)
            buf_puts(out, " concurrently");
        return;
    case OPK_RENAME_INDEX:
        dump_name(out, op->u.rename_index.from.name);
        buf_puts(out, " -> ");
        dump_name(out, op->u.rename_index.to.name);
        return;
    case OPK_ADD_CONSTRAINT:
        dump_name(out, op->u.add_constraint.constraint->table.name);
        return;
    case OPK_DROP_CONSTRAINT:
    case OPK_VALIDATE_CONSTRAINT:
        dump_name(out, op->u.drop_constraint.name.name);
        if (op->u.drop_constraint.table.name) {
            buf_puts(out, " on ");
            dump_name(out, op->u.drop_constraint.table.name);
        }
        return;
    case OPK_CREATE_ENUM:
        dump_name(out, op->u.create_enum.name.name);
        return;
    case OPK_ADD_ENUM_VALUE:
    case OPK_DROP_ENUM_VALUE:
        dump_name(out, op->u.enum_value.name.name);
        buf_putc(out, ' ');
        dump_quoted(out, op->u.enum_value.label, '\'');
        if (op->u.enum_value.anchor) {
            buf_puts(out, op->u.enum_value.before ? " before " : " after ");
            dump_quoted(out, op->u.enum_value.anchor, '\'');
        }
        return;
    case OPK_DROP_ENUM:
        dump_name(out, op->u.drop_enum.name.name);
        return;
    case OPK_DATA_UPDATE:
        dump_name(out, op->u.data_update.table.name);
        return;
    case OPK_DATA_INSERT:
        dump_name(out, op->u.data_insert.table.name);
        return;
    case OPK_DATA_DELETE:
        dump_name(out, op->u.data_delete.table.name);
        return;
    case OPK_EXECUTE: {
        unsigned m = op->u.execute.dialects;
        if (m == DIALECT_MASK_ALL) {
            buf_puts(out, "all-dialects");
            return;
        }
        const char *sep = "";
        if (m & DIALECT_MASK_POSTGRESQL) {
            buf_puts(out, "postgresql");
            sep = ",";
        }
        if (m & DIALECT_MASK_SQLITE) {
            buf_printf(out, "%ssqlite", sep);
            sep = ",";
        }
        if (m & DIALECT_MASK_MYSQL)
            buf_printf(out, "%smysql", sep);
        return;
    }
    case OPK__COUNT:
        return;
    }
}

void ir_dump_op(const Op *op, const SourceMap *sm, Buf *out, int indent)
{
    for (uint32_t i = 0; i < op->allows.len; i++) {
        const Allow *a = op->allows.items[i];
        indent_to(out, indent);
        buf_puts(out, "allow ");
        buf_puts(out, a->rule.name);
        buf_putc(out, ' ');
        dump_quoted(out, a->reason, '"');
        buf_putc(out, '\n');
    }
    indent_to(out, indent);
    buf_puts(out, op_kind_name(op->kind));
    size_t mark = out->len;
    buf_putc(out, ' ');
    dump_op_head(op, out);
    if (out->len == mark + 1)
        buf_truncate(out, mark);
    buf_putc(out, ' ');
    dump_pos(out, sm, op->span);
    buf_putc(out, '\n');
    dump_op_body(op, out, indent + 1);
}

static void dump_rev_list(Buf *out, const char *label, IdentList l)
{
    buf_printf(out, "%s", label);
    for (uint32_t i = 0; i < l.len; i++)
        buf_printf(out, "%s%s", i ? ", " : " ", l.items[i].name);
    buf_putc(out, '\n');
}

void ir_dump_migration(const Migration *m, const SourceMap *sm, Buf *out)
{
    buf_puts(out, "migration ");
    dump_quoted(out, m->message ? m->message : "", '"');
    buf_putc(out, '\n');
    buf_printf(out, "revision %s\n", m->revision.name ? m->revision.name : "<missing>");
    if (m->revises_none)
        buf_puts(out, "revises none\n");
    else
        dump_rev_list(out, "revises", m->revises);
    if (m->depends_on.len)
        dump_rev_list(out, "depends_on", m->depends_on);
    if (m->branch.name)
        buf_printf(out, "branch %s\n", m->branch.name);
    if (m->transaction_none)
        buf_puts(out, "transaction none\n");
    for (uint32_t i = 0; i < m->ops.len; i++)
        ir_dump_op(m->ops.items[i], sm, out, 0);
    if (m->has_downgrade) {
        buf_puts(out, "downgrade ");
        dump_pos(out, sm, m->downgrade_span);
        buf_putc(out, '\n');
        for (uint32_t i = 0; i < m->downgrade.len; i++)
            ir_dump_op(m->downgrade.items[i], sm, out, 1);
    }
}
