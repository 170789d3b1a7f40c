/* parse_ops.c: constraints, columns and every operation of the language. */
#include <string.h>

#include "parse_internal.h"

/* ============================================================= constraints */

static Constraint *new_constraint(Parser *p, ConstraintKind k, Ident name, Ident table, Token first)
{
    Constraint *c = ARENA_NEW(p->arena, Constraint);
    c->kind = k;
    c->name = name;
    c->table = table;
    c->span = span_of(first);
    return c;
}

/* fk_action = "cascade" | "restrict" | "set" "null" | "set" "default" | "no" "action" */
static FkAction parse_fk_action(Parser *p)
{
    if (accept_kw(p, KW_CASCADE))
        return FK_CASCADE;
    if (accept_kw(p, KW_RESTRICT))
        return FK_RESTRICT;
    if (accept_kw(p, KW_SET)) {
        if (accept_kw(p, KW_NULL))
            return FK_SET_NULL;
        expect_kw(p, KW_DEFAULT);
        return FK_SET_DEFAULT;
    }
    if (accept_kw(p, KW_NO)) {
        expect_kw(p, KW_ACTION);
        return FK_NO_ACTION;
    }
    expected(p, "cascade, restrict, set null, set default or no action");
    return FK_NONE;
}

/* references = "references" name [ "(" name_list ")" ]
 *              { "on" ( "delete" | "update" ) fk_action } */
static void parse_references(Parser *p, Constraint *c)
{
    expect_kw(p, KW_REFERENCES);
    c->ref_table = parse_name(p, "the referenced table");
    if (at(p, TK_LPAREN))
        c->ref_columns = parse_paren_name_list(p, "a referenced column");
    while (at_kw(p, KW_ON)) {
        Token on = advance(p);
        bool del = at_kw(p, KW_DELETE);
        if (!del && !at_kw(p, KW_UPDATE)) {
            expected(p, "'delete' or 'update' after 'on'");
            return;
        }
        advance(p);
        FkAction a = parse_fk_action(p);
        FkAction *slot = del ? &c->on_delete : &c->on_update;
        if (*slot != FK_NONE) {
            Diag *g = diag_error(p->diags, span_from(p, on), "duplicate-clause", "on %s is given twice",
                                 del ? "delete" : "update");
            diag_help(p->diags, g, "keep one on %s clause", del ? "delete" : "update");
        }
        *slot = a;
    }
}

/* constraint_body = "primary" "key" paren_name_list | "unique" paren_name_list
 *                 | "check" "(" expr ")"
 *                 | "foreign" "key" paren_name_list references */
static Constraint *parse_constraint_body(Parser *p, Ident name, Ident table)
{
    Token t = peek(p);
    Constraint *c;
    if (accept_kw(p, KW_PRIMARY)) {
        expect_kw(p, KW_KEY);
        c = new_constraint(p, CON_PRIMARY_KEY, name, table, t);
        c->columns = parse_paren_name_list(p, "a column of the primary key");
    } else if (accept_kw(p, KW_UNIQUE)) {
        c = new_constraint(p, CON_UNIQUE, name, table, t);
        c->columns = parse_paren_name_list(p, "a column of the unique constraint");
    } else if (accept_kw(p, KW_CHECK)) {
        c = new_constraint(p, CON_CHECK, name, table, t);
        expect(p, TK_LPAREN, "'(' after check");
        c->check = parse_expr(p);
        expect(p, TK_RPAREN, "')' to close check (");
    } else if (accept_kw(p, KW_FOREIGN)) {
        expect_kw(p, KW_KEY);
        c = new_constraint(p, CON_FOREIGN_KEY, name, table, t);
        c->columns = parse_paren_name_list(p, "a column of the foreign key");
        parse_references(p, c);
    } else {
        expected(p, "primary key, unique, check or foreign key");
        return NULL;
    }
    c->span = span_from(p, t);
    return c;
}

/* table_constraint = [ "constraint" name ] constraint_body */
static Constraint *parse_table_constraint(Parser *p, Ident table)
{
    Token first = peek(p);
    Ident name = {0};
    if (accept_kw(p, KW_CONSTRAINT))
        name = parse_name(p, "a constraint name");
    Constraint *c = parse_constraint_body(p, name, table);
    if (c)
        c->span = span_from(p, first);
    return c;
}

/* ================================================================= columns */

static Constraint *column_constraint(Parser *p, ConstraintKind k, Ident name, Ident table,
                                     Ident column, Token first)
{
    Constraint *c = new_constraint(p, k, name, table, first);
    c->from_column = true;
    c->columns = (IdentList){boxed_ident(p, column), 1};
    return c;
}

static void set_flag_once(Parser *p, bool *flag, Token t, const char *what)
{
    if (*flag) {
        Diag *g = diag_error(p->diags, span_from(p, t), "duplicate-clause", "%s is given twice", what);
        diag_help(p->diags, g, "keep one");
    }
    *flag = true;
}

/* `null` or `not null` on a column: once, and not both. */
static void null_clause(Parser *p, ColumnDef *col, Token t, bool *said_null, bool not_null)
{
    if (*said_null) {
        const char *now = not_null ? "not null" : "null", *before = col->not_null ? "not null" : "null";
        bool same = col->not_null == not_null;
        Diag *g = same ? diag_error(p->diags, span_from(p, t), "duplicate-clause", "%s is given twice", now)
                       : diag_error(p->diags, span_from(p, t), "duplicate-clause", "%s contradicts the %s before it",
                                    now, before);
        diag_help(p->diags, g, same ? "keep one" : "a column is either null or not null: keep the one you mean");
    }
    *said_null = true;
    col->not_null = not_null;
}

/* column_attribute = "null" | "not" "null" | "default" expr | "identity"
 *                  | [ "constraint" name ] ( "primary" "key" | "unique"
 *                                          | "check" "(" expr ")" | references ) */
static bool parse_column_attribute(Parser *p, ColumnDef *col, Ident table, PtrVec *cons, bool *said_null)
{
    Token t = peek(p);
    if (accept_kw(p, KW_NULL)) {
        null_clause(p, col, t, said_null, false);
        return true;
    }
    if (at_kw(p, KW_NOT) && at_kw_n(p, 1, KW_NULL)) {
        advance(p);
        advance(p);
        null_clause(p, col, t, said_null, true);
        return true;
    }
    if (accept_kw(p, KW_DEFAULT)) {
        if (col->default_value)
            set_flag_once(p, &(bool){true}, t, "default");
        col->default_value = parse_expr(p);
        return true;
    }
    if (accept_kw(p, KW_IDENTITY)) {
        set_flag_once(p, &col->identity, t, "identity");
        return true;
    }
    Ident name = {0};
    if (accept_kw(p, KW_CONSTRAINT))
        name = parse_name(p, "a constraint name");
    Constraint *c = NULL;
    if (accept_kw(p, KW_PRIMARY)) {
        expect_kw(p, KW_KEY);
        c = column_constraint(p, CON_PRIMARY_KEY, name, table, col->name, t);
    } else if (accept_kw(p, KW_UNIQUE)) {
        c = column_constraint(p, CON_UNIQUE, name, table, col->name, t);
    } else if (accept_kw(p, KW_CHECK)) {
        c = column_constraint(p, CON_CHECK, name, table, col->name, t);
        c->columns.len = 0;
        expect(p, TK_LPAREN, "'(' after check");
        c->check = parse_expr(p);
        expect(p, TK_RPAREN, "')' to close check (");
    } else if (at_kw(p, KW_REFERENCES)) {
        c = column_constraint(p, CON_FOREIGN_KEY, name, table, col->name, t);
        parse_references(p, c);
    } else if (name.name) {
        expected(p, "primary key, unique, check or references after the constraint name");
        return false;
    } else {
        return false;
    }
    c->span = span_from(p, t);
    ptrvec_push(p->arena, cons, c);
    return true;
}

/* column_def = name type { column_attribute } */
static ColumnDef *parse_column_def(Parser *p, Ident table, PtrVec *cons)
{
    Token first = peek(p);
    ColumnDef *col = ARENA_NEW(p->arena, ColumnDef);
    col->name = parse_name(p, "a column name");
    col->type = parse_type(p);
    bool said_null = false;
    while (!p->failed && parse_column_attribute(p, col, table, cons, &said_null))
        ;
    col->span = span_from(p, first);
    return col;
}

/* qualified_column = name "." name */
static void parse_qualified_column(Parser *p, Ident *table, Ident *column)
{
    *table = parse_name(p, "a table name");
    if (!at(p, TK_DOT)) {
        Diag *g = expected(p, "'.' and a column name (table.column)");
        diag_help(p->diags, g, "name the column with its table, e.g. users.email");
        return;
    }
    advance(p);
    *column = parse_name(p, "a column name");
}

/* ========================================================= table operations */

Op *new_op(Parser *p, OpKind k, Token kw)
{
    Op *op = ARENA_NEW(p->arena, Op);
    op->kind = k;
    op->kw_span = span_of(kw);
    op->span = span_of(kw);
    return op;
}

static bool starts_table_constraint(Parser *p)
{
    if (at_kw(p, KW_CONSTRAINT))
        return true;
    if ((at_kw(p, KW_PRIMARY) || at_kw(p, KW_FOREIGN)) && at_kw_n(p, 1, KW_KEY) &&
        peek_n(p, 2).kind == TK_LPAREN)
        return true;
    return (at_kw(p, KW_UNIQUE) || at_kw(p, KW_CHECK)) && peek_n(p, 1).kind == TK_LPAREN;
}

/* create_table = "create_table" name "(" table_element { "," table_element } ")"
 * table_element = column_def | table_constraint */
static void parse_create_table(Parser *p, Op *op)
{
    op->u.create_table.table = parse_name(p, "a table name");
    Ident table = op->u.create_table.table;
    expect(p, TK_LPAREN, "'(' and the columns of the table");
    PtrVec cols = {0}, cons = {0};
    if (at(p, TK_RPAREN)) {
        Diag *g = error_here(p, "syntax", "a table needs at least one column");
        diag_help(p->diags, g, "list the columns: create_table t (id bigint primary key, ...)");
        return;
    }
    do {
        if (at(p, TK_RPAREN))
            break; /* a trailing comma is harmless */
        if (starts_table_constraint(p)) {
            Constraint *c = parse_table_constraint(p, table);
            if (c)
                ptrvec_push(p->arena, &cons, c);
        } else {
            ptrvec_push(p->arena, &cols, parse_column_def(p, table, &cons));
        }
    } while (accept(p, TK_COMMA));
    Token end = peek(p);
    if (!accept(p, TK_RPAREN)) {
        Diag *g = expected(p, "',' or ')' after the column");
        diag_help(p->diags, g, "separate the columns and constraints with ',' and close the list with ')'");
        suggest_any_keyword(p, g, end);
    }
    op->u.create_table.columns = (ColumnDef **)cols.items;
    op->u.create_table.n_columns = cols.len;
    op->u.create_table.constraints = (ConstraintList){(Constraint **)cons.items, cons.len};
}

/* drop_table = "drop_table" name */
static void parse_drop_table(Parser *p, Op *op)
{
    op->u.drop_table.table = parse_name(p, "a table name");
}

/* rename_table = "rename_table" name "to" name */
static void parse_rename_table(Parser *p, Op *op)
{
    op->u.rename_table.from = parse_name(p, "a table name");
    expect_kw(p, KW_TO);
    op->u.rename_table.to = parse_name(p, "the new table name");
}

/* add_column = "add_column" qualified_column type { column_attribute } */
static void parse_add_column(Parser *p, Op *op)
{
    Token first = peek(p);
    ColumnDef *col = ARENA_NEW(p->arena, ColumnDef);
    parse_qualified_column(p, &op->u.add_column.table, &col->name);
    col->type = parse_type(p);
    PtrVec cons = {0};
    bool said_null = false;
    while (!p->failed && parse_column_attribute(p, col, op->u.add_column.table, &cons, &said_null))
        ;
    col->span = span_from(p, first);
    op->u.add_column.column = col;
    op->u.add_column.constraints = (ConstraintList){(Constraint **)cons.items, cons.len};
}

/* drop_column = "drop_column" qualified_column */
static void parse_drop_column(Parser *p, Op *op)
{
    parse_qualified_column(p, &op->u.drop_column.table, &op->u.drop_column.column);
}

/* rename_column = "rename_column" qualified_column "to" name */
static void parse_rename_column(Parser *p, Op *op)
{
    parse_qualified_column(p, &op->u.rename_column.table, &op->u.rename_column.from);
    expect_kw(p, KW_TO);
    op->u.rename_column.to = parse_name(p, "the new column name");
}

/* alter_column = "alter_column" qualified_column alter_action
 * alter_action = "type" type [ "using" expr ] | "set" "not" "null" | "drop" "not" "null"
 *              | "set" "default" expr | "drop" "default" */
static void parse_alter_column(Parser *p, Op *op)
{
    parse_qualified_column(p, &op->u.alter_column.table, &op->u.alter_column.column);
    if (accept_kw(p, KW_TYPE)) {
        op->kind = OPK_ALTER_TYPE;
        op->u.alter_column.type = parse_type(p);
        if (accept_kw(p, KW_USING))
            op->u.alter_column.using_expr = parse_expr(p);
        return;
    }
    bool set = at_kw(p, KW_SET);
    if (!set && !at_kw(p, KW_DROP)) {
        expected(p, "type, set or drop");
        return;
    }
    advance(p);
    if (accept_kw(p, KW_DEFAULT)) {
        op->kind = set ? OPK_SET_DEFAULT : OPK_DROP_DEFAULT;
        if (set)
            op->u.alter_column.value = parse_expr(p);
        return;
    }
    if (!at_kw(p, KW_NOT)) {
        expected(p, "'not null' or 'default'");
        return;
    }
    advance(p);
    expect_kw(p, KW_NULL);
    op->kind = set ? OPK_SET_NOT_NULL : OPK_DROP_NOT_NULL;
}

/* ========================================================= index operations */

/* An unnamed index or constraint: the word after the operation is `on`
 * and a name and `(` (or a constraint keyword) follow. */
static bool unnamed_before_on(Parser *p)
{
    if (!at_kw(p, KW_ON) || !is_name_token(peek_n(p, 1)))
        return false;
    Token t2 = peek_n(p, 2);
    return t2.kind == TK_LPAREN || (t2.kind == TK_IDENT && (t2.kw == KW_PRIMARY || t2.kw == KW_UNIQUE ||
                                                             t2.kw == KW_CHECK || t2.kw == KW_FOREIGN));
}

/* create_index = "create_index" [ name ] "on" name paren_name_list { index_option }
 * index_option = "unique" | "where" expr | "concurrently" */
static void parse_create_index(Parser *p, Op *op)
{
    IndexDef *ix = ARENA_NEW(p->arena, IndexDef);
    Token first = peek(p);
    if (!unnamed_before_on(p))
        ix->name = parse_name(p, "an index name or 'on'");
    expect_kw(p, KW_ON);
    ix->table = parse_name(p, "the table to index");
    ix->columns = parse_paren_name_list(p, "a column to index");
    for (;;) {
        Token t = peek(p);
        if (accept_kw(p, KW_UNIQUE)) {
            set_flag_once(p, &ix->unique, t, "unique");
        } else if (accept_kw(p, KW_CONCURRENTLY)) {
            set_flag_once(p, &op->u.create_index.concurrently, t, "concurrently");
        } else if (accept_kw(p, KW_WHERE)) {
            if (ix->where)
                set_flag_once(p, &(bool){true}, t, "where");
            ix->where = parse_expr(p);
        } else {
            break;
        }
    }
    ix->span = span_from(p, first);
    op->u.create_index.index = ix;
}

/* drop_index = "drop_index" name [ "concurrently" ] */
static void parse_drop_index(Parser *p, Op *op)
{
    op->u.drop_index.name = parse_name(p, "an index name");
    op->u.drop_index.concurrently = accept_kw(p, KW_CONCURRENTLY);
}

/* rename_index = "rename_index" name "to" name */
static void parse_rename_index(Parser *p, Op *op)
{
    op->u.rename_index.from = parse_name(p, "an index name");
    expect_kw(p, KW_TO);
    op->u.rename_index.to = parse_name(p, "the new index name");
}

/* ==================================================== constraint operations */

/* add_constraint = "add_constraint" [ name ] "on" name constraint_body [ "not" "valid" ] */
static void parse_add_constraint(Parser *p, Op *op)
{
    Token first = peek(p);
    Ident name = {0};
    if (!unnamed_before_on(p))
        name = parse_name(p, "a constraint name or 'on'");
    expect_kw(p, KW_ON);
    Ident table = parse_name(p, "the table of the constraint");
    Constraint *c = parse_constraint_body(p, name, table);
    if (!c)
        return;
    if (at_kw(p, KW_NOT) && at_kw_n(p, 1, KW_VALID)) {
        advance(p);
        advance(p);
        c->not_valid = true;
    }
    c->span = span_from(p, first);
    op->u.add_constraint.constraint = c;
}

/* drop_constraint = "drop_constraint" name
 * validate_constraint = "validate_constraint" name */
static void parse_drop_constraint(Parser *p, Op *op)
{
    op->u.drop_constraint.name = parse_name(p, "a constraint name");
}

/* ========================================================== enum operations */

static const char *parse_label(Parser *p, Span *span)
{
    Token t = peek(p);
    if (t.kind != TK_STRING) {
        Diag *g = expected(p, "a label in single quotes");
        if (is_name_token(t))
            diag_help(p->diags, g, "enum labels are strings: write '%s'", ident_of(p, t).name);
        return "";
    }
    advance(p);
    *span = span_of(t);
    return unquote(p, t, '\'');
}

/* create_enum = "create_enum" name "(" STRING { "," STRING } ")" */
static void parse_create_enum(Parser *p, Op *op)
{
    op->u.create_enum.name = parse_name(p, "an enum name");
    expect(p, TK_LPAREN, "'(' and the labels of the enum");
    PtrVec labels = {0}, spans = {0};
    do {
        Span *sp = ARENA_NEW(p->arena, Span);
        const char *label = parse_label(p, sp);
        ptrvec_push(p->arena, &labels, (void *)label);
        ptrvec_push(p->arena, &spans, sp);
    } while (accept(p, TK_COMMA));
    expect(p, TK_RPAREN, "',' or ')' to close the labels");
    op->u.create_enum.labels.items = (const char **)labels.items;
    op->u.create_enum.labels.len = labels.len;
    op->u.create_enum.labels.spans = ARENA_ARRAY(p->arena, Span, labels.len ? labels.len : 1);
    for (uint32_t i = 0; i < spans.len; i++)
        op->u.create_enum.labels.spans[i] = *(Span *)spans.items[i];
}

/* alter_enum = "alter_enum" name ( "add" "value" STRING [ ( "before" | "after" ) STRING ]
 *                                | "drop" "value" STRING ) */
static void parse_alter_enum(Parser *p, Op *op)
{
    op->u.enum_value.name = parse_name(p, "an enum name");
    bool add = at_kw(p, KW_ADD);
    if (!add && !at_kw(p, KW_DROP)) {
        expected(p, "'add value' or 'drop value'");
        return;
    }
    advance(p);
    op->kind = add ? OPK_ADD_ENUM_VALUE : OPK_DROP_ENUM_VALUE;
    expect_kw(p, KW_VALUE);
    op->u.enum_value.label = parse_label(p, &op->u.enum_value.label_span);
    if (!add)
        return;
    bool before = at_kw(p, KW_BEFORE);
    if (before || at_kw(p, KW_AFTER)) {
        advance(p);
        Span sp;
        op->u.enum_value.before = before;
        op->u.enum_value.anchor = parse_label(p, &sp);
    }
}

/* drop_enum = "drop_enum" name */
static void parse_drop_enum(Parser *p, Op *op)
{
    op->u.drop_enum.name = parse_name(p, "an enum name");
}

/* ========================================================== data operations */

/* assignments = name "=" expr { "," name "=" expr } */
static AssignmentList parse_assignments(Parser *p)
{
    PtrVec v = {0};
    do {
        Assignment *a = ARENA_NEW(p->arena, Assignment);
        a->column = parse_name(p, "a column to set");
        expect(p, TK_EQ, "'=' after the column");
        a->value = parse_expr(p);
        ptrvec_push(p->arena, &v, a);
    } while (accept(p, TK_COMMA));
    AssignmentList l = {ARENA_ARRAY(p->arena, Assignment, v.len ? v.len : 1), v.len};
    for (uint32_t i = 0; i < v.len; i++)
        l.items[i] = *(Assignment *)v.items[i];
    return l;
}

/* data_update = "data_update" name "set" assignments [ "where" expr ]
 *               [ "reverse" ( "none" | "set" assignments [ "where" expr ] ) ] */
static void parse_data_update(Parser *p, Op *op)
{
    op->u.data_update.table = parse_name(p, "a table name");
    expect_kw(p, KW_SET);
    op->u.data_update.set = parse_assignments(p);
    if (accept_kw(p, KW_WHERE))
        op->u.data_update.where = parse_expr(p);
    Token rev = peek(p);
    if (!accept_kw(p, KW_REVERSE))
        return;
    if (accept_kw(p, KW_NONE)) {
        op->u.data_update.reverse = REV_NONE;
    } else {
        expect_kw(p, KW_SET);
        op->u.data_update.reverse = REV_GIVEN;
        op->u.data_update.reverse_set = parse_assignments(p);
        if (accept_kw(p, KW_WHERE))
            op->u.data_update.reverse_where = parse_expr(p);
    }
    op->u.data_update.reverse_span = span_from(p, rev);
}

/* data_insert = "data_insert" name paren_name_list "values" row { "," row }
 * row = "(" expr_list ")" */
static void parse_data_insert(Parser *p, Op *op)
{
    op->u.data_insert.table = parse_name(p, "a table name");
    op->u.data_insert.columns = parse_paren_name_list(p, "a column to insert");
    expect_kw(p, KW_VALUES);
    PtrVec rows = {0};
    do {
        ExprList *row = ARENA_NEW(p->arena, ExprList);
        expect(p, TK_LPAREN, "'(' to start a row of values");
        *row = parse_expr_list(p);
        expect(p, TK_RPAREN, "',' or ')' to close the row");
        ptrvec_push(p->arena, &rows, row);
    } while (accept(p, TK_COMMA));
    op->u.data_insert.rows = ARENA_ARRAY(p->arena, ExprList, rows.len ? rows.len : 1);
    for (uint32_t i = 0; i < rows.len; i++)
        op->u.data_insert.rows[i] = *(ExprList *)rows.items[i];
    op->u.data_insert.n_rows = rows.len;
}

/* data_delete = "data_delete" name [ "where" expr ] */
static void parse_data_delete(Parser *p, Op *op)
{
    op->u.data_delete.table = parse_name(p, "a table name");
    if (accept_kw(p, KW_WHERE))
        op->u.data_delete.where = parse_expr(p);
}

static const char *raw_sql(Parser *p, Token t, Span *span)
{
    uint32_t off, len;
    raw_body(p->src, t, &off, &len);
    if (t.flags & TOKF_BROKEN) {
        len = p->lx.len - off;
    }
    *span = (Span){p->file, off, len};
    return arena_strndup(p->arena, p->src + off, len);
}

static Token expect_raw(Parser *p)
{
    Token t = peek(p);
    if (t.kind != TK_RAW) {
        Diag *g = expected(p, "SQL in dollar quotes ($$ ... $$)");
        diag_help(p->diags, g, "write raw SQL as $$ SQL $$, or $tag$ SQL $tag$ when it contains $$");
        return t;
    }
    return advance(p);
}

/* execute = "execute" [ dialect { "," dialect } ] RAW [ "reverse" ( "none" | RAW ) ]
 * dialect = "postgresql" | "sqlite" | "mysql" */
static void parse_execute(Parser *p, Op *op)
{
    unsigned mask = 0;
    while (at(p, TK_IDENT)) {
        Keyword kw = (Keyword)peek(p).kw;
        unsigned bit = kw == KW_POSTGRESQL ? DIALECT_MASK_POSTGRESQL : kw == KW_SQLITE ? DIALECT_MASK_SQLITE
                       : kw == KW_MYSQL    ? DIALECT_MASK_MYSQL
                                           : 0;
        if (!bit) {
            static const char *const dialects[] = {"postgresql", "sqlite", "mysql"};
            Token t = peek(p);
            Diag *g = expected(p, "postgresql, sqlite, mysql or $$");
            suggest_keyword(p, g, t, dialects, countof(dialects));
            return;
        }
        advance(p);
        mask |= bit;
        if (!accept(p, TK_COMMA))
            break;
    }
    op->u.execute.dialects = mask ? mask : DIALECT_MASK_ALL;
    Token body = expect_raw(p);
    if (body.kind == TK_RAW)
        op->u.execute.sql = raw_sql(p, body, &op->u.execute.sql_span);
    Token rev = peek(p);
    if (!accept_kw(p, KW_REVERSE))
        return;
    if (accept_kw(p, KW_NONE)) {
        op->u.execute.reverse = REV_NONE;
    } else {
        Token r = expect_raw(p);
        op->u.execute.reverse = REV_GIVEN;
        if (r.kind == TK_RAW)
            op->u.execute.reverse_sql = raw_sql(p, r, &op->u.execute.reverse_span);
    }
    (void)rev;
}

/* ========================================================== the operations */

/* op_body = create_table | drop_table | rename_table | add_column | drop_column
 *         | rename_column | alter_column | create_index | drop_index | rename_index
 *         | add_constraint | drop_constraint | validate_constraint | create_enum
 *         | alter_enum | drop_enum | data_update | data_insert | data_delete | execute */
#define COLUMN_ATTRIBUTES                                                                                          \
    "[null | not null | default EXPR | identity | primary key | unique | check (EXPR) | references TABLE [(COLUMN)]]"
#define CONSTRAINT_BODY                                                                                            \
    "primary key (COLUMNS) | unique (COLUMNS) | check (EXPR) | foreign key (COLUMNS) references TABLE [(COLUMNS)]"

static const OpEntry op_table[] = {
    {KW_CREATE_TABLE, OPK_CREATE_TABLE, parse_create_table,
     "create_table NAME (COLUMN TYPE " COLUMN_ATTRIBUTES ", ..., [constraint NAME] primary key | unique | check | "
     "foreign key ...)"},
    {KW_DROP_TABLE, OPK_DROP_TABLE, parse_drop_table, "drop_table NAME"},
    {KW_RENAME_TABLE, OPK_RENAME_TABLE, parse_rename_table, "rename_table NAME to NEW_NAME"},
    {KW_ADD_COLUMN, OPK_ADD_COLUMN, parse_add_column, "add_column TABLE.COLUMN TYPE " COLUMN_ATTRIBUTES},
    {KW_DROP_COLUMN, OPK_DROP_COLUMN, parse_drop_column, "drop_column TABLE.COLUMN"},
    {KW_RENAME_COLUMN, OPK_RENAME_COLUMN, parse_rename_column, "rename_column TABLE.COLUMN to NEW_NAME"},
    {KW_ALTER_COLUMN, OPK_ALTER_TYPE, parse_alter_column,
     "alter_column TABLE.COLUMN type TYPE [using EXPR] | set not null | drop not null | set default EXPR "
     "| drop default"},
    {KW_CREATE_INDEX, OPK_CREATE_INDEX, parse_create_index,
     "create_index [NAME] on TABLE (COLUMNS) [unique] [where EXPR] [concurrently]"},
    {KW_DROP_INDEX, OPK_DROP_INDEX, parse_drop_index, "drop_index NAME [concurrently]"},
    {KW_RENAME_INDEX, OPK_RENAME_INDEX, parse_rename_index, "rename_index NAME to NEW_NAME"},
    {KW_ADD_CONSTRAINT, OPK_ADD_CONSTRAINT, parse_add_constraint,
     "add_constraint [NAME] on TABLE " CONSTRAINT_BODY " [not valid]"},
    {KW_DROP_CONSTRAINT, OPK_DROP_CONSTRAINT, parse_drop_constraint, "drop_constraint NAME"},
    {KW_VALIDATE_CONSTRAINT, OPK_VALIDATE_CONSTRAINT, parse_drop_constraint, "validate_constraint NAME"},
    {KW_CREATE_ENUM, OPK_CREATE_ENUM, parse_create_enum, "create_enum NAME ('label', ...)"},
    {KW_ALTER_ENUM, OPK_ADD_ENUM_VALUE, parse_alter_enum,
     "alter_enum NAME add value 'label' [before 'label' | after 'label'] | drop value 'label'"},
    {KW_DROP_ENUM, OPK_DROP_ENUM, parse_drop_enum, "drop_enum NAME"},
    {KW_DATA_UPDATE, OPK_DATA_UPDATE, parse_data_update,
     "data_update TABLE set COLUMN = EXPR, ... [where EXPR] "
     "[reverse none | reverse set COLUMN = EXPR, ... [where EXPR]]"},
    {KW_DATA_INSERT, OPK_DATA_INSERT, parse_data_insert, "data_insert TABLE (COLUMNS) values (EXPRS), ..."},
    {KW_DATA_DELETE, OPK_DATA_DELETE, parse_data_delete, "data_delete TABLE [where EXPR]"},
    {KW_EXECUTE, OPK_EXECUTE, parse_execute,
     "execute [postgresql | sqlite | mysql, ...] $$ SQL $$ [reverse none | reverse $$ SQL $$]"},
};

const OpEntry *op_entries(size_t *n)
{
    *n = countof(op_table);
    return op_table;
}

const OpEntry *op_entry(Token t)
{
    if (t.kind != TK_IDENT)
        return NULL;
    for (size_t i = 0; i < countof(op_table); i++)
        if (op_table[i].kw == t.kw)
            return &op_table[i];
    return NULL;
}