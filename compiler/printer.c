/* printer.c: IR to migc text, with the fewest parentheses that keep the
 * grouping the parser would read back. */
#include "printer.h"

#include <string.h>

#include "lexer.h"

/* ==================================================================== names */

static bool plain_word(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return false;
    for (const char *c = s; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '_'))
            return false;
    return true;
}

/* Words of the grammar are quoted too: names are contextual, but a column
 * named `check` or `constraint` would read as a clause in some places. */
void print_name(Buf *out, const char *name)
{
    if (plain_word(name) && keyword_lookup(name, strlen(name)) == KW_NONE_) {
        buf_puts(out, name);
        return;
    }
    buf_putc(out, '"');
    for (const char *c = name; *c; c++) {
        if (*c == '"')
            buf_putc(out, '"');
        buf_putc(out, *c);
    }
    buf_putc(out, '"');
}

static void print_string(Buf *out, const char *s)
{
    buf_putc(out, '\'');
    for (const char *c = s; *c; c++) {
        if (*c == '\'')
            buf_putc(out, '\'');
        buf_putc(out, *c);
    }
    buf_putc(out, '\'');
}

static void print_names(Buf *out, IdentList l)
{
    buf_putc(out, '(');
    for (uint32_t i = 0; i < l.len; i++) {
        if (i)
            buf_puts(out, ", ");
        print_name(out, l.items[i].name);
    }
    buf_putc(out, ')');
}

void print_type(Buf *out, const Type *t)
{
    if (t->kind == TY_ENUM) {
        print_name(out, t->enum_name.name);
        return;
    }
    buf_puts(out, type_kind_name(t->kind));
    if (t->kind == TY_VARCHAR || t->kind == TY_CHAR)
        buf_printf(out, "(%d)", t->precision);
    else if (t->kind == TY_NUMERIC && t->precision >= 0 && t->scale >= 0)
        buf_printf(out, "(%d,%d)", t->precision, t->scale);
    else if (t->kind == TY_NUMERIC && t->precision >= 0)
        buf_printf(out, "(%d)", t->precision);
}

/* ============================================================= expressions */

/* Binding strength, loosest first, as in grammar/migc.ebnf. */
enum { P_OR = 1, P_AND, P_NOT, P_IS, P_CMP, P_PRED, P_CONCAT, P_ADD, P_MUL, P_UNARY, P_ATOM };

static int op_prec(Operator op)
{
    switch (op) {
    case OP_OR: return P_OR;
    case OP_AND: return P_AND;
    case OP_NOT: return P_NOT;
    case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE: return P_CMP;
    case OP_CONCAT: return P_CONCAT;
    case OP_ADD: case OP_SUB: return P_ADD;
    case OP_MUL: case OP_DIV: case OP_MOD: return P_MUL;
    case OP_NEG: return P_UNARY;
    }
    return P_ATOM;
}

static int prec(const Expr *e)
{
    switch (e->kind) {
    case EX_UNARY: case EX_BINARY: return op_prec(e->u.op.op);
    case EX_IS_NULL: return P_IS;
    case EX_IN: case EX_BETWEEN: case EX_LIKE: return P_PRED;
    case EX_NULL: case EX_BOOL: case EX_INT: case EX_DEC: case EX_STRING: case EX_COLUMN: case EX_CALL:
    case EX_CAST: return P_ATOM;
    }
    return P_ATOM;
}

static void print_at(Buf *out, const Expr *e, int min_prec);

static void print_list(Buf *out, ExprList l)
{
    for (uint32_t i = 0; i < l.len; i++) {
        if (i)
            buf_puts(out, ", ");
        print_at(out, l.items[i], P_OR);
    }
}

static void print_binary(Buf *out, const Expr *e)
{
    int p = op_prec(e->u.op.op);
    /* comparisons do not chain; other operators group to the left */
    int left = p == P_CMP ? p + 1 : p, right = p + 1;
    print_at(out, e->u.op.left, left);
    buf_printf(out, " %s ", operator_sql(e->u.op.op));
    print_at(out, e->u.op.right, right);
}

static void print_body(Buf *out, const Expr *e)
{
    switch (e->kind) {
    case EX_NULL: buf_puts(out, "null"); return;
    case EX_BOOL: buf_puts(out, e->u.boolean ? "true" : "false"); return;
    case EX_INT: case EX_DEC: buf_puts(out, e->u.text); return;
    case EX_STRING: print_string(out, e->u.text); return;
    case EX_COLUMN: print_name(out, e->u.column.name); return;
    case EX_UNARY:
        buf_puts(out, e->u.op.op == OP_NOT ? "not " : "-");
        print_at(out, e->u.op.left, e->u.op.op == OP_NOT ? P_NOT : P_UNARY);
        return;
    case EX_BINARY: print_binary(out, e); return;
    case EX_IS_NULL:
        print_at(out, e->u.is_null.operand, P_IS);
        buf_puts(out, e->u.is_null.negated ? " is not null" : " is null");
        return;
    case EX_IN:
        print_at(out, e->u.in.operand, P_CONCAT);
        buf_puts(out, e->u.in.negated ? " not in (" : " in (");
        print_list(out, e->u.in.list);
        buf_putc(out, ')');
        return;
    case EX_BETWEEN:
        print_at(out, e->u.between.operand, P_CONCAT);
        buf_puts(out, e->u.between.negated ? " not between " : " between ");
        print_at(out, e->u.between.low, P_CONCAT);
        buf_puts(out, " and ");
        print_at(out, e->u.between.high, P_CONCAT);
        return;
    case EX_LIKE:
        print_at(out, e->u.like.operand, P_CONCAT);
        buf_puts(out, e->u.like.negated ? " not like " : " like ");
        print_at(out, e->u.like.pattern, P_CONCAT);
        return;
    case EX_CALL:
        buf_puts(out, e->u.call.name.name);
        if (e->u.call.niladic)
            return;
        buf_putc(out, '(');
        print_list(out, e->u.call.args);
        buf_putc(out, ')');
        return;
    case EX_CAST:
        buf_puts(out, "cast(");
        print_at(out, e->u.cast.operand, P_OR);
        buf_puts(out, " as ");
        print_type(out, &e->u.cast.type);
        buf_putc(out, ')');
        return;
    }
}

/* A negative literal stays a literal; as an operand of a tighter operator
 * it gets parentheses so it reads back the same. */
static void print_at(Buf *out, const Expr *e, int min_prec)
{
    int p = prec(e);
    if ((e->kind == EX_INT || e->kind == EX_DEC) && e->u.text[0] == '-')
        p = P_UNARY;
    bool parens = p < min_prec;
    if (parens)
        buf_putc(out, '(');
    print_body(out, e);
    if (parens)
        buf_putc(out, ')');
}

void print_expr(Buf *out, const Expr *e)
{
    print_at(out, e, P_OR);
}

/* ============================================================ definitions */

static void print_references(Buf *out, const Constraint *c)
{
    buf_puts(out, " references ");
    print_name(out, c->ref_table.name);
    if (c->ref_columns.len) {
        buf_putc(out, ' ');
        print_names(out, c->ref_columns);
    }
    if (c->on_delete != FK_NONE)
        buf_printf(out, " on delete %s", fk_action_name(c->on_delete));
    if (c->on_update != FK_NONE)
        buf_printf(out, " on update %s", fk_action_name(c->on_update));
}

void print_constraint_body(Buf *out, const Constraint *c)
{
    switch (c->kind) {
    case CON_PRIMARY_KEY:
        buf_puts(out, "primary key ");
        print_names(out, c->columns);
        return;
    case CON_UNIQUE:
        buf_puts(out, "unique ");
        print_names(out, c->columns);
        return;
    case CON_CHECK:
        buf_puts(out, "check (");
        print_expr(out, c->check);
        buf_putc(out, ')');
        return;
    case CON_FOREIGN_KEY:
        buf_puts(out, "foreign key ");
        print_names(out, c->columns);
        print_references(out, c);
        return;
    }
}

void print_column(Buf *out, const ColumnDef *c)
{
    print_name(out, c->name.name);
    buf_putc(out, ' ');
    print_type(out, &c->type);
    if (c->not_null)
        buf_puts(out, " not null");
    if (c->identity)
        buf_puts(out, " identity");
    if (c->default_value) {
        buf_puts(out, " default ");
        print_expr(out, c->default_value);
    }
}

static void print_named_constraint(Buf *out, const Constraint *c)
{
    if (c->name.name) {
        buf_puts(out, "constraint ");
        print_name(out, c->name.name);
        buf_putc(out, ' ');
    }
    print_constraint_body(out, c);
}

static void indent_to(Buf *out, int n)
{
    for (int i = 0; i < n; i++)
        buf_puts(out, "    ");
}

static void print_create_table(Buf *out, const Op *op, int ind)
{
    buf_puts(out, "create_table ");
    print_name(out, op->u.create_table.table.name);
    buf_puts(out, " (\n");
    uint32_t n = op->u.create_table.n_columns, m = op->u.create_table.constraints.len;
    for (uint32_t i = 0; i < n; i++) {
        indent_to(out, ind + 1);
        print_column(out, op->u.create_table.columns[i]);
        buf_puts(out, i + 1 < n + m ? ",\n" : "\n");
    }
    for (uint32_t i = 0; i < m; i++) {
        indent_to(out, ind + 1);
        print_named_constraint(out, op->u.create_table.constraints.items[i]);
        buf_puts(out, i + 1 < m ? ",\n" : "\n");
    }
    indent_to(out, ind);
    buf_putc(out, ')');
}

static void print_qualified(Buf *out, Ident table, Ident column)
{
    print_name(out, table.name);
    buf_putc(out, '.');
    print_name(out, column.name);
}

/* Column attributes of add_column: constraints on just this column. */
static void print_add_column(Buf *out, const Op *op)
{
    buf_puts(out, "add_column ");
    print_qualified(out, op->u.add_column.table, op->u.add_column.column->name);
    buf_putc(out, ' ');
    const ColumnDef *c = op->u.add_column.column;
    print_type(out, &c->type);
    if (c->not_null)
        buf_puts(out, " not null");
    if (c->identity)
        buf_puts(out, " identity");
    if (c->default_value) {
        buf_puts(out, " default ");
        print_expr(out, c->default_value);
    }
    for (uint32_t i = 0; i < op->u.add_column.constraints.len; i++) {
        const Constraint *k = op->u.add_column.constraints.items[i];
        buf_puts(out, " constraint ");
        print_name(out, k->name.name);
        if (k->kind == CON_PRIMARY_KEY)
            buf_puts(out, " primary key");
        else if (k->kind == CON_UNIQUE)
            buf_puts(out, " unique");
        else if (k->kind == CON_FOREIGN_KEY)
            print_references(out, k);
        else {
            buf_puts(out, " check (");
            print_expr(out, k->check);
            buf_putc(out, ')');
        }
    }
}

static void print_alter(Buf *out, const Op *op)
{
    buf_puts(out, "alter_column ");
    print_qualified(out, op->u.alter_column.table, op->u.alter_column.column);
    switch (op->kind) {
    case OPK_ALTER_TYPE:
        buf_puts(out, " type ");
        print_type(out, &op->u.alter_column.type);
        if (op->u.alter_column.using_expr) {
            buf_puts(out, " using ");
            print_expr(out, op->u.alter_column.using_expr);
        }
        return;
    case OPK_SET_NOT_NULL: buf_puts(out, " set not null"); return;
    case OPK_DROP_NOT_NULL: buf_puts(out, " drop not null"); return;
    case OPK_SET_DEFAULT:
        buf_puts(out, " set default ");
        print_expr(out, op->u.alter_column.value);
        return;
    case OPK_DROP_DEFAULT: buf_puts(out, " drop default"); return;
    case OPK_CREATE_TABLE: case OPK_DROP_TABLE: case OPK_RENAME_TABLE: case OPK_ADD_COLUMN:
    case OPK_DROP_COLUMN: case OPK_RENAME_COLUMN: case OPK_CREATE_INDEX: case OPK_DROP_INDEX:
    case OPK_RENAME_INDEX: case OPK_ADD_CONSTRAINT: case OPK_DROP_CONSTRAINT: case OPK_VALIDATE_CONSTRAINT:
    case OPK_CREATE_ENUM: case OPK_ADD_ENUM_VALUE: case OPK_DROP_ENUM_VALUE: case OPK_DROP_ENUM:
    case OPK_DATA_UPDATE: case OPK_DATA_INSERT: case OPK_DATA_DELETE: case OPK_EXECUTE: case OPK__COUNT:
        return;
    }
}

static void print_index(Buf *out, const Op *op)
{
    const IndexDef *ix = op->u.create_index.index;
    buf_puts(out, "create_index ");
    if (ix->name.name) {
        print_name(out, ix->name.name);
        buf_putc(out, ' ');
    }
    buf_puts(out, "on ");
    print_name(out, ix->table.name);
    buf_putc(out, ' ');
    print_names(out, ix->columns);
    if (ix->unique)
        buf_puts(out, " unique");
    if (ix->where) {
        buf_puts(out, " where ");
        print_expr(out, ix->where);
    }
    if (op->u.create_index.concurrently)
        buf_puts(out, " concurrently");
}

static void print_add_constraint(Buf *out, const Op *op)
{
    const Constraint *c = op->u.add_constraint.constraint;
    buf_puts(out, "add_constraint ");
    if (c->name.name) {
        print_name(out, c->name.name);
        buf_putc(out, ' ');
    }
    buf_puts(out, "on ");
    print_name(out, c->table.name);
    buf_putc(out, ' ');
    print_constraint_body(out, c);
    if (c->not_valid)
        buf_puts(out, " not valid");
}

static void print_labels(Buf *out, const Op *op)
{
    buf_puts(out, "create_enum ");
    print_name(out, op->u.create_enum.name.name);
    buf_puts(out, " (");
    for (uint32_t i = 0; i < op->u.create_enum.labels.len; i++) {
        if (i)
            buf_puts(out, ", ");
        print_string(out, op->u.create_enum.labels.items[i]);
    }
    buf_putc(out, ')');
}

static void print_enum_value(Buf *out, const Op *op)
{
    buf_puts(out, "alter_enum ");
    print_name(out, op->u.enum_value.name.name);
    buf_puts(out, op->kind == OPK_ADD_ENUM_VALUE ? " add value " : " drop value ");
    print_string(out, op->u.enum_value.label);
    if (op->kind == OPK_ADD_ENUM_VALUE && op->u.enum_value.anchor) {
        buf_puts(out, op->u.enum_value.before ? " before " : " after ");
        print_string(out, op->u.enum_value.anchor);
    }
}

static void print_assignments(Buf *out, AssignmentList l)
{
    for (uint32_t i = 0; i < l.len; i++) {
        buf_puts(out, i ? ", " : " ");
        print_name(out, l.items[i].column.name);
        buf_puts(out, " = ");
        print_expr(out, l.items[i].value);
    }
}

static void print_where(Buf *out, const Expr *where)
{
    if (!where)
        return;
    buf_puts(out, " where ");
    print_expr(out, where);
}

static void print_data_update(Buf *out, const Op *op)
{
    buf_puts(out, "data_update ");
    print_name(out, op->u.data_update.table.name);
    buf_puts(out, " set");
    print_assignments(out, op->u.data_update.set);
    print_where(out, op->u.data_update.where);
    if (op->u.data_update.reverse == REV_NONE) {
        buf_puts(out, " reverse none");
    } else if (op->u.data_update.reverse == REV_GIVEN) {
        buf_puts(out, " reverse set");
        print_assignments(out, op->u.data_update.reverse_set);
        print_where(out, op->u.data_update.reverse_where);
    }
}

static void print_data_insert(Buf *out, const Op *op)
{
    buf_puts(out, "data_insert ");
    print_name(out, op->u.data_insert.table.name);
    buf_putc(out, ' ');
    print_names(out, op->u.data_insert.columns);
    buf_puts(out, " values ");
    for (uint32_t r = 0; r < op->u.data_insert.n_rows; r++) {
        buf_puts(out, r ? ", (" : "(");
        print_list(out, op->u.data_insert.rows[r]);
        buf_putc(out, ')');
    }
}

/* The shortest $tag$ that the SQL does not contain. */
static void print_raw(Buf *out, const char *sql)
{
    char tag[16] = "";
    for (int n = 0; n < 1000; n++) {
        if (n)
            snprintf(tag, sizeof tag, "m%d", n);
        char delim[24];
        snprintf(delim, sizeof delim, "$%s$", tag);
        if (!strstr(sql, delim))
            break;
    }
    buf_printf(out, "$%s$%s$%s$", tag, sql, tag);
}

static void print_execute(Buf *out, const Op *op)
{
    buf_puts(out, "execute ");
    unsigned m = op->u.execute.dialects;
    if (m != DIALECT_MASK_ALL) {
        const char *sep = "";
        if (m & DIALECT_MASK_POSTGRESQL) {
            buf_puts(out, "postgresql");
            sep = ", ";
        }
        if (m & DIALECT_MASK_SQLITE) {
            buf_printf(out, "%ssqlite", sep);
            sep = ", ";
        }
        if (m & DIALECT_MASK_MYSQL)
            buf_printf(out, "%smysql", sep);
        buf_putc(out, ' ');
    }
    print_raw(out, op->u.execute.sql ? op->u.execute.sql : "");
    if (op->u.execute.reverse == REV_NONE) {
        buf_puts(out, " reverse none");
    } else if (op->u.execute.reverse == REV_GIVEN) {
        buf_puts(out, " reverse ");
        print_raw(out, op->u.execute.reverse_sql ? op->u.execute.reverse_sql : "");
    }
}

static void print_simple(Buf *out, const char *word, Ident a, const char *mid, Ident b)
{
    buf_printf(out, "%s ", word);
    print_name(out, a.name);
    if (mid) {
        buf_printf(out, " %s ", mid);
        print_name(out, b.name);
    }
}

static void print_body_of(Buf *out, const Op *op, int ind)
{
    switch (op->kind) {
    case OPK_CREATE_TABLE: print_create_table(out, op, ind); return;
    case OPK_DROP_TABLE: print_simple(out, "drop_table", op->u.drop_table.table, NULL, (Ident){0}); return;
    case OPK_RENAME_TABLE:
        print_simple(out, "rename_table", op->u.rename_table.from, "to", op->u.rename_table.to);
        return;
    case OPK_ADD_COLUMN: print_add_column(out, op); return;
    case OPK_DROP_COLUMN:
        buf_puts(out, "drop_column ");
        print_qualified(out, op->u.drop_column.table, op->u.drop_column.column);
        return;
    case OPK_RENAME_COLUMN:
        buf_puts(out, "rename_column ");
        print_qualified(out, op->u.rename_column.table, op->u.rename_column.from);
        buf_puts(out, " to ");
        print_name(out, op->u.rename_column.to.name);
        return;
    case OPK_ALTER_TYPE: case OPK_SET_NOT_NULL: case OPK_DROP_NOT_NULL: case OPK_SET_DEFAULT:
    case OPK_DROP_DEFAULT: print_alter(out, op); return;
    case OPK_CREATE_INDEX: print_index(out, op); return;
    case OPK_DROP_INDEX:
        print_simple(out, "drop_index", op->u.drop_index.name, NULL, (Ident){0});
        if (op->u.drop_index.concurrently)
            buf_puts(out, " concurrently");
        return;
    case OPK_RENAME_INDEX:
        print_simple(out, "rename_index", op->u.rename_index.from, "to", op->u.rename_index.to);
        return;
    case OPK_ADD_CONSTRAINT: print_add_constraint(out, op); return;
    case OPK_DROP_CONSTRAINT:
        print_simple(out, "drop_constraint", op->u.drop_constraint.name, NULL, (Ident){0});
        return;
    case OPK_VALIDATE_CONSTRAINT:
        print_simple(out, "validate_constraint", op->u.drop_constraint.name, NULL, (Ident){0});
        return;
    case OPK_CREATE_ENUM: print_labels(out, op); return;
    case OPK_ADD_ENUM_VALUE: case OPK_DROP_ENUM_VALUE: print_enum_value(out, op); return;
    case OPK_DROP_ENUM: print_simple(out, "drop_enum", op->u.drop_enum.name, NULL, (Ident){0}); return;
    case OPK_DATA_UPDATE: print_data_update(out, op); return;
    case OPK_DATA_INSERT: print_data_insert(out, op); return;
    case OPK_DATA_DELETE:
        print_simple(out, "data_delete", op->u.data_delete.table, NULL, (Ident){0});
        print_where(out, op->u.data_delete.where);
        return;
    case OPK_EXECUTE: print_execute(out, op); return;
    case OPK__COUNT: return;
    }
}

void print_op(Buf *out, const Op *op, int indent)
{
    for (uint32_t i = 0; i < op->allows.len; i++) {
        indent_to(out, indent);
        buf_printf(out, "@allow %s ", op->allows.items[i]->rule.name);
        buf_putc(out, '"');
        for (const char *c = op->allows.items[i]->reason; *c; c++) {
            if (*c == '"')
                buf_putc(out, '"');
            buf_putc(out, *c);
        }
        buf_puts(out, "\"\n");
    }
    indent_to(out, indent);
    print_body_of(out, op, indent);
    buf_puts(out, ";\n");
}
