/* parse_expr.c: expressions (with SQL precedence) and types. */
#include <string.h>

#include "parse_internal.h"

/* ============================================================= expressions */


static Expr *new_expr(Parser *p, ExprKind k, Span span)
{
    Expr *e = ARENA_NEW(p->arena, Expr);
    e->kind = k;
    e->span = span;
    return e;
}

static Expr *new_binary(Parser *p, Operator op, Expr *l, Expr *r)
{
    Expr *e = new_expr(p, EX_BINARY, span_join(l->span, r->span));
    e->u.op.op = op;
    e->u.op.left = l;
    e->u.op.right = r;
    return e;
}

/* Deep nesting is refused before it can exhaust the stack. */
static bool enter(Parser *p)
{
    if (++p->depth <= PARSE_MAX_DEPTH)
        return true;
    Diag *g = error_here(p, "too-deep", "expression nested too deeply (more than 200 levels)");
    diag_help(p->diags, g, "split the expression; migc bounds nesting at 200 levels");
    return false;
}

static void leave(Parser *p)
{
    p->depth--;
}

static bool is_niladic(Parser *p, Token t)
{
    static const char *const words[] = {"current_date", "current_time", "current_timestamp", "localtime",
                                        "localtimestamp"};
    if (t.kind != TK_IDENT)
        return false;
    for (size_t i = 0; i < countof(words); i++)
        if (str_eq_ci(p->src + t.byte_off, t.byte_len, words[i]))
            return true;
    return false;
}

/* expr_list = expr { "," expr } */
ExprList parse_expr_list(Parser *p)
{
    PtrVec v = {0};
    do {
        ptrvec_push(p->arena, &v, parse_expr(p));
    } while (accept(p, TK_COMMA));
    return (ExprList){(Expr **)v.items, v.len};
}


/* call = name "(" [ expr_list ] ")" | "cast" "(" expr "as" type ")" */
static Expr *parse_call(Parser *p, Token name)
{
    advance(p); /* the name */
    advance(p); /* '(' */
    if (name.kw == KW_CAST) {
        Expr *e = new_expr(p, EX_CAST, span_of(name));
        e->u.cast.operand = parse_expr(p);
        expect_kw(p, KW_AS);
        e->u.cast.type = parse_type(p);
        expect(p, TK_RPAREN, "')' to close cast(");
        e->span = span_from(p, name);
        return e;
    }
    Expr *e = new_expr(p, EX_CALL, span_of(name));
    e->u.call.name = ident_of(p, name);
    if (name.kind == TK_IDENT) /* "Quoted" names keep their case */
        e->u.call.name.name = intern_folded(p->ctx->names, e->u.call.name.name);
    if (!at(p, TK_RPAREN))
        e->u.call.args = parse_expr_list(p);
    expect(p, TK_RPAREN, "',' or ')' to close the argument list");
    e->span = span_from(p, name);
    return e;
}

static Expr *parse_literal(Parser *p, Token t)
{
    advance(p);
    if (t.kind == TK_STRING) {
        Expr *e = new_expr(p, EX_STRING, span_of(t));
        e->u.text = unquote(p, t, '\'');
        return e;
    }
    Expr *e = new_expr(p, t.kind == TK_INTEGER ? EX_INT : EX_DEC, span_of(t));
    e->u.text = arena_strndup(p->arena, p->src + t.byte_off, t.byte_len);
    return e;
}

static Expr *parse_column_ref(Parser *p, Token t)
{
    advance(p);
    Expr *e = new_expr(p, EX_COLUMN, span_of(t));
    e->u.column = ident_of(p, t);
    return e;
}

/* A bare word in an expression: a literal word, a call, a niladic SQL
 * function such as current_date, or a column. */
static Expr *parse_word(Parser *p, Token t)
{
    if (t.kw == KW_NULL || t.kw == KW_TRUE || t.kw == KW_FALSE) {
        advance(p);
        Expr *e = new_expr(p, t.kw == KW_NULL ? EX_NULL : EX_BOOL, span_of(t));
        e->u.boolean = t.kw == KW_TRUE;
        return e;
    }
    if (peek_n(p, 1).kind == TK_LPAREN)
        return parse_call(p, t);
    if (!is_niladic(p, t))
        return parse_column_ref(p, t);
    advance(p);
    Expr *e = new_expr(p, EX_CALL, span_of(t));
    e->u.call.name = ident_of(p, t);
    e->u.call.name.name = intern_folded(p->ctx->names, e->u.call.name.name);
    e->u.call.niladic = true;
    return e;
}

/* An operation or header word that begins a line and is followed by a
 * plain name (`drop_table x`) is taken for the next statement, not for a
 * column (no expression goes on with a plain name): the expression before
 * it is missing, as after a `where` that ends a line. */
static bool next_statement_begins(Parser *p, Token t)
{
    Token next = peek_n(p, 1);
    bool plain = next.kind == TK_QIDENT || (next.kind == TK_IDENT && next.kw == KW_NONE_);
    return plain && (op_entry(t) || is_header_keyword(t)) && begins_line(p, t);
}

/* primary = INTEGER | DECIMAL | STRING | "null" | "true" | "false"
 *         | "(" expr ")" | call | niladic_function | name */
static Expr *parse_primary(Parser *p)
{
    Token t = peek(p);
    if (t.kind == TK_IDENT && next_statement_begins(p, t)) {
        expected(p, "an expression");
        return new_expr(p, EX_NULL, span_of(t));
    }
    if (t.kind == TK_INTEGER || t.kind == TK_DECIMAL || t.kind == TK_STRING)
        return parse_literal(p, t);
    if (t.kind == TK_IDENT && t.kw == KW_NOT) {
        /* as in SQL, not binds looser than comparisons: `f = not (x)` would
         * otherwise read as a call of a function not() */
        Diag *g = expected(p, "an operand");
        diag_help(p->diags, g, "not binds looser than comparisons and arithmetic: write (not ...) in parentheses");
        return new_expr(p, EX_NULL, span_of(t));
    }
    if (t.kind == TK_IDENT)
        return parse_word(p, t);
    if (t.kind == TK_QIDENT)
        return peek_n(p, 1).kind == TK_LPAREN ? parse_call(p, t) : parse_column_ref(p, t);
    if (t.kind == TK_LPAREN) {
        advance(p);
        Expr *e = parse_expr(p);
        expect(p, TK_RPAREN, "')' to close '('");
        return e;
    }
    expected(p, "an expression");
    return new_expr(p, EX_NULL, span_of(t));
}

/* unary = ( "-" | "+" ) unary | primary */
static Expr *parse_unary(Parser *p)
{
    Token t = peek(p);
    if (t.kind != TK_MINUS && t.kind != TK_PLUS)
        return parse_primary(p);
    if (!enter(p))
        return new_expr(p, EX_NULL, span_of(t));
    advance(p);
    Expr *operand = parse_unary(p);
    leave(p);
    if (t.kind == TK_PLUS)
        return operand;
    /* -5 stays a literal so defaults and values print as written. */
    if ((operand->kind == EX_INT || operand->kind == EX_DEC) && operand->u.text[0] != '-') {
        operand->u.text = arena_printf(p->arena, "-%s", operand->u.text);
        operand->span = span_join(span_of(t), operand->span);
        return operand;
    }
    Expr *e = new_expr(p, EX_UNARY, span_join(span_of(t), operand->span));
    e->u.op.op = OP_NEG;
    e->u.op.left = operand;
    return e;
}

typedef struct OpToken {
    TokenKind token;
    Operator op;
} OpToken;

/* Binary operators by precedence level: 0 multiplicative, 1 additive,
 * 2 concatenation, 3 comparison. */
static const OpToken op_levels[4][6] = {
    {{TK_STAR, OP_MUL}, {TK_SLASH, OP_DIV}, {TK_PERCENT, OP_MOD}},
    {{TK_PLUS, OP_ADD}, {TK_MINUS, OP_SUB}},
    {{TK_CONCAT, OP_CONCAT}},
    {{TK_EQ, OP_EQ}, {TK_NE, OP_NE}, {TK_LT, OP_LT}, {TK_LE, OP_LE}, {TK_GT, OP_GT}, {TK_GE, OP_GE}},
};

static bool binary_op(TokenKind k, int level, Operator *op)
{
    for (size_t i = 0; i < countof(op_levels[level]); i++) {
        if (op_levels[level][i].token == k && k != TK_EOF) {
            *op = op_levels[level][i].op;
            return true;
        }
    }
    return false;
}

/* mul_expr    = unary { ( "*" | "/" | "%" ) unary }
 * add_expr    = mul_expr { ( "+" | "-" ) mul_expr }
 * concat_expr = add_expr { "||" add_expr } */
static Expr *parse_arith(Parser *p, int level)
{
    Expr *left = level == 0 ? parse_unary(p) : parse_arith(p, level - 1);
    Operator op;
    while (binary_op((TokenKind)peek(p).kind, level, &op)) {
        advance(p);
        Expr *right = level == 0 ? parse_unary(p) : parse_arith(p, level - 1);
        left = new_binary(p, op, left, right);
    }
    return left;
}

static Expr *parse_concat(Parser *p)
{
    return parse_arith(p, 2);
}

/* pred_expr = concat_expr [ [ "not" ] ( "in" "(" expr_list ")"
 *                                     | "like" concat_expr
 *                                     | "between" concat_expr "and" concat_expr ) ] */
static Expr *parse_predicate(Parser *p)
{
    Expr *left = parse_concat(p);
    bool negated = false;
    uint32_t k = 0;
    if (at_kw(p, KW_NOT) && (at_kw_n(p, 1, KW_IN) || at_kw_n(p, 1, KW_LIKE) || at_kw_n(p, 1, KW_BETWEEN))) {
        negated = true;
        k = 1;
    }
    Expr *e;
    if (at_kw_n(p, k, KW_IN)) {
        advance(p);
        if (negated)
            advance(p);
        e = new_expr(p, EX_IN, left->span);
        e->u.in.operand = left;
        e->u.in.negated = negated;
        expect(p, TK_LPAREN, "'(' after in");
        e->u.in.list = parse_expr_list(p);
        expect(p, TK_RPAREN, "',' or ')' to close the in list");
    } else if (at_kw_n(p, k, KW_LIKE)) {
        advance(p);
        if (negated)
            advance(p);
        e = new_expr(p, EX_LIKE, left->span);
        e->u.like.operand = left;
        e->u.like.negated = negated;
        e->u.like.pattern = parse_concat(p);
    } else if (at_kw_n(p, k, KW_BETWEEN)) {
        advance(p);
        if (negated)
            advance(p);
        e = new_expr(p, EX_BETWEEN, left->span);
        e->u.between.operand = left;
        e->u.between.negated = negated;
        e->u.between.low = parse_concat(p);
        expect_kw(p, KW_AND);
        e->u.between.high = parse_concat(p);
    } else {
        return left;
    }
    e->span = span_join(left->span, span_of(p->prev));
    return e;
}

static bool comparison_op(TokenKind k, Operator *op)
{
    return binary_op(k, 3, op);
}

/* cmp_expr = pred_expr [ ( "=" | "<>" | "!=" | "<" | "<=" | ">" | ">=" ) pred_expr ] */
static Expr *parse_comparison(Parser *p)
{
    Expr *left = parse_predicate(p);
    Operator op;
    if (!comparison_op((TokenKind)peek(p).kind, &op))
        return left;
    advance(p);
    Expr *right = parse_predicate(p);
    Operator again;
    if (comparison_op((TokenKind)peek(p).kind, &again)) {
        Diag *g = error_here(p, "syntax", "comparisons do not chain");
        diag_help(p->diags, g, "combine comparisons with 'and', e.g. a < b and b < c");
    }
    return new_binary(p, op, left, right);
}

/* is_expr = cmp_expr { "is" [ "not" ] "null" } */
static Expr *parse_is(Parser *p)
{
    Expr *left = parse_comparison(p);
    while (at_kw(p, KW_IS)) {
        advance(p);
        bool negated = accept_kw(p, KW_NOT);
        expect_kw(p, KW_NULL);
        Expr *e = new_expr(p, EX_IS_NULL, span_join(left->span, span_of(p->prev)));
        e->u.is_null.operand = left;
        e->u.is_null.negated = negated;
        left = e;
    }
    return left;
}

/* not_expr = "not" not_expr | is_expr */
static Expr *parse_not(Parser *p)
{
    Token t = peek(p);
    if (!at_kw(p, KW_NOT))
        return parse_is(p);
    if (!enter(p))
        return new_expr(p, EX_NULL, span_of(t));
    advance(p);
    Expr *operand = parse_not(p);
    leave(p);
    Expr *e = new_expr(p, EX_UNARY, span_join(span_of(t), operand->span));
    e->u.op.op = OP_NOT;
    e->u.op.left = operand;
    return e;
}

/* and_expr = not_expr { "and" not_expr } */
static Expr *parse_and(Parser *p)
{
    Expr *left = parse_not(p);
    while (accept_kw(p, KW_AND))
        left = new_binary(p, OP_AND, left, parse_not(p));
    return left;
}

/* expr = and_expr { "or" and_expr } */
Expr *parse_expr(Parser *p)
{
    Token t = peek(p);
    if (!enter(p))
        return new_expr(p, EX_NULL, span_of(t));
    Expr *left = parse_and(p);
    while (accept_kw(p, KW_OR))
        left = new_binary(p, OP_OR, left, parse_and(p));
    leave(p);
    return left;
}

/* =================================================================== types */

static const char *const type_words[] = {"smallint", "integer", "int", "bigint", "boolean", "real",
                                         "double", "numeric", "text", "varchar", "char", "date",
                                         "time", "timestamp", "timestamptz", "interval", "uuid",
                                         "json", "jsonb", "bytes"};

static bool builtin_type(const char *s, size_t n, TypeKind *kind)
{
    static const TypeKind kinds[] = {TY_SMALLINT, TY_INTEGER, TY_INTEGER, TY_BIGINT, TY_BOOLEAN,
                                     TY_REAL, TY_DOUBLE, TY_NUMERIC, TY_TEXT, TY_VARCHAR,
                                     TY_CHAR, TY_DATE, TY_TIME, TY_TIMESTAMP, TY_TIMESTAMPTZ,
                                     TY_INTERVAL, TY_UUID, TY_JSON, TY_JSONB, TY_BYTES};
    for (size_t i = 0; i < countof(type_words); i++) {
        if (str_eq_ci(s, n, type_words[i])) {
            *kind = kinds[i];
            return true;
        }
    }
    return false;
}

static int32_t parse_type_int(Parser *p, const char *what)
{
    Token t = peek(p);
    if (t.kind != TK_INTEGER) {
        expected(p, what);
        return -1;
    }
    advance(p);
    if (t.byte_len > 9)
        return INT32_MAX;
    int32_t v = 0;
    for (uint32_t i = 0; i < t.byte_len; i++)
        v = v * 10 + (p->src[t.byte_off + i] - '0');
    return v;
}

static void type_error(Parser *p, Span span, const char *msg, const char *help)
{
    Diag *g = diag_error(p->diags, span, "bad-type", "%s", msg);
    diag_help(p->diags, g, "%s", help);
}

/* Checks the parameters of a builtin type against what every dialect takes. */
static void check_type_params(Parser *p, Type *ty, bool has_params, const char *word)
{
    Span sp = ty->span;
    switch (ty->kind) {
    case TY_VARCHAR:
        if (!has_params || ty->scale >= 0)
            type_error(p, sp, "varchar needs one length: varchar(n)",
                       "write varchar(255), or text for unbounded strings");
        else if (ty->precision < 1)
            type_error(p, sp, "varchar length must be at least 1", "write varchar(n) with n >= 1, e.g. varchar(255)");
        else if (ty->precision > 10485760)
            type_error(p, sp, "varchar length must be at most 10485760", "use text for longer strings");
        return;
    case TY_CHAR:
        if (!has_params)
            ty->precision = 1;
        else if (ty->scale >= 0)
            type_error(p, sp, "char takes one length: char(n)", "write char(n) with 1 <= n <= 255");
        else if (ty->precision < 1)
            type_error(p, sp, "char length must be at least 1",
                       "write char(n) with 1 <= n <= 255, or char for char(1)");
        else if (ty->precision > 255)
            type_error(p, sp, "char length must be at most 255 (MySQL's limit)",
                       "use varchar(n) or text for longer strings");
        return;
    case TY_NUMERIC:
        if (has_params && (ty->precision < 1 || ty->precision > 65))
            type_error(p, sp, "numeric precision must be between 1 and 65 (MySQL's limit)",
                       "write numeric(p) or numeric(p,s) with 1 <= p <= 65");
        else if (has_params && ty->scale >= 0 && (ty->scale > ty->precision || ty->scale > 30))
            type_error(p, sp, "numeric scale must be between 0 and the precision, and at most 30",
                       "write numeric(p,s) with 0 <= s <= p and s <= 30");
        return;
    case TY_SMALLINT: case TY_INTEGER: case TY_BIGINT: case TY_BOOLEAN: case TY_REAL:
    case TY_DOUBLE: case TY_TEXT: case TY_DATE: case TY_TIME: case TY_TIMESTAMP:
    case TY_TIMESTAMPTZ: case TY_INTERVAL: case TY_UUID: case TY_JSON: case TY_JSONB:
    case TY_BYTES: case TY_ENUM: case TY__COUNT:
        if (has_params)
            type_error(p, sp, arena_printf(p->arena, "type %s takes no length or precision", word),
                       arena_printf(p->arena, "write %s without parentheses", word));
        return;
    }
}

/* type = type_name [ "(" INTEGER [ "," INTEGER ] ")" ]
 * type_name = builtin_type | name   (* any other name is an enum *) */
Type parse_type(Parser *p)
{
    Type ty = {.kind = TY_ENUM, .precision = -1, .scale = -1};
    Token t = peek(p);
    if (!is_name_token(t)) {
        Diag *g = expected(p, "a type");
        diag_help(p->diags, g, "types are smallint, integer, bigint, boolean, real, double, numeric(p,s), text, "
                               "varchar(n), char(n), date, time, timestamp, timestamptz, interval, uuid, json, "
                               "jsonb, bytes, or the name of an enum");
        ty.span = span_of(t);
        return ty;
    }
    advance(p);
    const char *word = arena_strndup(p->arena, p->src + t.byte_off, t.byte_len);
    if (t.kind == TK_QIDENT || !builtin_type(p->src + t.byte_off, t.byte_len, &ty.kind)) {
        ty.kind = TY_ENUM;
        ty.enum_name = ident_of(p, t);
        word = ty.enum_name.name;
    }
    bool has_params = false;
    if (at(p, TK_LPAREN)) {
        has_params = true;
        advance(p);
        ty.precision = parse_type_int(p, "a length or precision");
        if (accept(p, TK_COMMA))
            ty.scale = parse_type_int(p, "a scale");
        if (ty.scale >= 0 && at(p, TK_COMMA)) {
            Diag *g = error_here(p, "bad-type", "a type takes at most two parameters");
            diag_help(p->diags, g, "write numeric(p,s) for precision and scale; varchar(n) and char(n) take one");
        }
        expect(p, TK_RPAREN, "')' to close the type parameters");
    }
    ty.span = span_from(p, t);
    if (!p->failed)
        check_type_params(p, &ty, has_params, word);
    if (ty.kind != TY_VARCHAR && ty.kind != TY_CHAR && ty.kind != TY_NUMERIC)
        ty.precision = ty.scale = -1;
    return ty;
}
