/* parser.c: migc source to IR, one migration file at a time.
 *
 * Error handling: the first syntax error inside an operation makes the
 * parser "fail" (sticky); from then on peek() answers end-of-file so every
 * loop unwinds, and the operation loop resynchronises: at the next line
 * that begins with an operation word when the error was a missing piece,
 * else after the next ';' that a statement follows (synchronize()).  So
 * one mistake gives one diagnostic, and a file with three gives three.
 * Syntax errors carry the form of the operation as their help line. */
#include "parser.h"

#include <assert.h>
#include <string.h>

typedef struct Parser {
    const ParseCtx *ctx;
    Arena *arena;
    Diags *diags;
    Lexer lx;
    const char *src;
    uint32_t file;
    Token ahead[4]; /* lookahead ring */
    uint32_t n_ahead;
    Token prev; /* last consumed token */
    int open_parens; /* '(' not yet closed in the current operation */
    bool failed;
    int depth;
    const char *usage; /* the form being parsed, for the help line of a syntax error */
    Migration *mig;
} Parser;

typedef struct OpEntry OpEntry;
static const OpEntry *op_entry(Token t);
static bool is_header_keyword(Token t);

/* ============================================================ token helpers */

static Token raw_peek(Parser *p, uint32_t k)
{
    assert(k < countof(p->ahead));
    while (p->n_ahead <= k)
        p->ahead[p->n_ahead++] = lexer_next(&p->lx);
    return p->ahead[k];
}

static Token peek_n(Parser *p, uint32_t k)
{
    if (p->failed) {
        Token eof = raw_peek(p, 0);
        eof.kind = TK_EOF;
        eof.byte_len = 0;
        return eof;
    }
    return raw_peek(p, k);
}

static Token peek(Parser *p)
{
    return peek_n(p, 0);
}

static Token raw_advance(Parser *p)
{
    Token t = raw_peek(p, 0);
    memmove(p->ahead, p->ahead + 1, sizeof(Token) * (p->n_ahead - 1));
    p->n_ahead--;
    p->prev = t;
    if (t.kind == TK_LPAREN)
        p->open_parens++;
    else if (t.kind == TK_RPAREN && p->open_parens > 0)
        p->open_parens--;
    return t;
}

static Token advance(Parser *p)
{
    if (p->failed)
        return peek(p);
    return raw_advance(p);
}

static bool at(Parser *p, TokenKind k)
{
    return peek(p).kind == k;
}

static bool at_kw_n(Parser *p, uint32_t n, Keyword kw)
{
    Token t = peek_n(p, n);
    return t.kind == TK_IDENT && t.kw == kw;
}

static bool at_kw(Parser *p, Keyword kw)
{
    return at_kw_n(p, 0, kw);
}

static bool accept(Parser *p, TokenKind k)
{
    if (!at(p, k))
        return false;
    advance(p);
    return true;
}

static bool accept_kw(Parser *p, Keyword kw)
{
    if (!at_kw(p, kw))
        return false;
    advance(p);
    return true;
}

static bool is_name_token(Token t)
{
    return t.kind == TK_IDENT || t.kind == TK_QIDENT;
}

static Span span_of(Token t)
{
    return token_span(t);
}

/* From the start of `first` to the end of the last consumed token. */
static Span span_from(Parser *p, Token first)
{
    return span_join(span_of(first), span_of(p->prev));
}

/* A quoted description of a token for messages: 'add_colum', end of file. */
static const char *describe(Parser *p, Token t)
{
    switch ((TokenKind)t.kind) {
    case TK_EOF:
        return "end of file";
    case TK_STRING:
    case TK_RAW:
    case TK_QIDENT:
        if (t.byte_len > 40 || memchr(p->src + t.byte_off, '\n', t.byte_len)) /* a message stays one line */
            return token_kind_name((TokenKind)t.kind);
        return arena_printf(p->arena, "%.*s", (int)t.byte_len, p->src + t.byte_off);
    case TK_IDENT:
    case TK_INTEGER:
    case TK_DECIMAL:
        if (t.byte_len > 40)
            return arena_printf(p->arena, "'%.*s...'", 37, p->src + t.byte_off);
        return arena_printf(p->arena, "'%.*s'", (int)t.byte_len, p->src + t.byte_off);
    case TK_LPAREN: case TK_RPAREN: case TK_LBRACE: case TK_RBRACE: case TK_COMMA:
    case TK_SEMI: case TK_DOT: case TK_AT: case TK_EQ: case TK_NE: case TK_LT: case TK_LE:
    case TK_GT: case TK_GE: case TK_PLUS: case TK_MINUS: case TK_STAR: case TK_SLASH:
    case TK_PERCENT: case TK_CONCAT: case TK_BAD:
        return arena_printf(p->arena, "'%.*s'", (int)t.byte_len, p->src + t.byte_off);
    }
    return "token";
}

static bool is_broken(Token t)
{
    return (t.flags & TOKF_BROKEN) || t.kind == TK_BAD;
}

/* Reports `message` at the current token and makes the parser fail
 * (sticky).  A token the lexer already reported as broken gets no second
 * message, nor does the token after one (an unterminated quote runs to the
 * end of the file): it would only echo the first. */
static Diag *error_at(Parser *p, Span span, const char *code, const char *message)
{
    Token t = raw_peek(p, 0);
    bool quiet = p->failed || is_broken(t) || is_broken(p->prev);
    p->failed = true;
    if (quiet) {
        p->diags->discarded = (Diag){0};
        return &p->diags->discarded;
    }
    return diag_error(p->diags, span, code, "%s", message);
}

static Diag *error_here(Parser *p, const char *code, const char *message)
{
    return error_at(p, span_of(raw_peek(p, 0)), code, message);
}

static bool starts_statement(Token t);

/* Does `t` come first on its line (only blanks before it)? */
static bool begins_line(const Parser *p, Token t)
{
    for (uint32_t i = t.byte_off; i > 0; i--) {
        char c = p->src[i - 1];
        if (c == '\n')
            return true;
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}

/* The end of the file, or a line that begins with an operation, header
 * word, '@' or downgrade: the statement before it has ended, complete or
 * not. */
static bool next_statement_here(const Parser *p, Token t)
{
    return t.kind == TK_EOF || ((t.kind == TK_AT || starts_statement(t)) && begins_line(p, t));
}

/* "expected X, found Y": X is what the grammar wants here.  When Y begins
 * the next statement, X is missing, and the caret goes just after the last
 * token, where X belongs.  The help line shows the form being parsed;
 * callers may replace it. */
static Diag *expected(Parser *p, const char *what)
{
    Token t = raw_peek(p, 0);
    bool missing = next_statement_here(p, t);
    Span sp = missing && p->prev.byte_len ? span_at(p->file, p->prev.byte_off + p->prev.byte_len, 0) : span_of(t);
    Diag *g = error_at(p, sp, "syntax", arena_printf(p->arena, "expected %s, found %s", what, describe(p, t)));
    if (p->usage)
        diag_help(p->diags, g, "the form is: %s", p->usage);
    return g;
}

/* The keyword among `words` that an unknown word is a misspelling of. */
static const char *closest_keyword(Parser *p, Token t, const char *const *words, size_t n)
{
    if (t.kind != TK_IDENT || t.kw != KW_NONE_)
        return NULL;
    return closest_word(arena_strndup(p->arena, p->src + t.byte_off, t.byte_len), words, n);
}

/* A word spelled close to the keyword the grammar wants gets a suggestion. */
static void suggest_keyword(Parser *p, Diag *g, Token t, const char *const *words, size_t n)
{
    const char *best = closest_keyword(p, t, words, n);
    if (best)
        diag_help(p->diags, g, "did you mean '%s'?", best);
}

static Token expect(Parser *p, TokenKind k, const char *what)
{
    if (at(p, k))
        return advance(p);
    expected(p, what);
    return peek(p);
}

/* Where a clause may end, an unknown word of four letters or more that is
 * one or two edits from a keyword is taken for a misspelling of it
 * (refrences, uniqe); a plain name such as users is not close enough. */
static const char *closest_any_keyword(Parser *p, Token t)
{
    if (t.kind != TK_IDENT || t.kw != KW_NONE_ || t.byte_len < 4 || t.byte_len > 40)
        return NULL;
    const char *word = arena_strndup(p->arena, p->src + t.byte_off, t.byte_len);
    unsigned limit = t.byte_len <= 5 ? 1 : 2, best_d = limit + 1;
    const char *best = NULL;
    for (int k = 1; k < KW__COUNT; k++) {
        unsigned d = edit_distance(word, keyword_name((Keyword)k), limit);
        if (d < best_d) {
            best_d = d;
            best = keyword_name((Keyword)k);
        }
    }
    return best;
}

static void suggest_any_keyword(Parser *p, Diag *g, Token t)
{
    const char *best = closest_any_keyword(p, t);
    if (best)
        diag_help(p->diags, g, "did you mean '%s'?", best);
}

static void expect_kw(Parser *p, Keyword kw)
{
    if (accept_kw(p, kw))
        return;
    Token t = peek(p);
    Diag *g = expected(p, arena_printf(p->arena, "'%s'", keyword_name(kw)));
    const char *word = keyword_name(kw);
    suggest_keyword(p, g, t, &word, 1);
}

/* =========================================================== value helpers */

static const char *unquote(Parser *p, Token t, char q)
{
    const char *s = p->src + t.byte_off + 1;
    uint32_t n = t.byte_len >= 2 ? t.byte_len - 2 : 0;
    if (t.flags & TOKF_BROKEN)
        n = t.byte_len > 0 ? t.byte_len - 1 : 0;
    char *out = arena_alloc(p->arena, n + 1);
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        out[k++] = s[i];
        if (s[i] == q && i + 1 < n && s[i + 1] == q)
            i++;
    }
    out[k] = '\0';
    return out;
}

static Ident ident_of(Parser *p, Token t)
{
    Ident id = {NULL, span_of(t)};
    if (t.kind == TK_QIDENT) {
        id.name = intern_cstr(p->ctx->names, unquote(p, t, '"'));
    } else {
        id.name = intern(p->ctx->names, p->src + t.byte_off, t.byte_len);
    }
    return id;
}

/* name = IDENT | QUOTED_IDENT   (* keywords are names wherever a name is expected *) */
static Ident parse_name(Parser *p, const char *what)
{
    Token t = peek(p);
    if (!is_name_token(t)) {
        expected(p, what);
        return (Ident){intern_cstr(p->ctx->names, "?"), span_of(t)};
    }
    advance(p);
    Ident id = ident_of(p, t);
    if (id.name[0] == '\0') {
        Diag *g = diag_error(p->diags, id.span, "empty-name", "a name cannot be empty");
        diag_help(p->diags, g, "write a name between the quotes");
    }
    return id;
}

/* string = STRING | QUOTED_IDENT   (* messages and reasons may use either quote *) */
static const char *parse_text(Parser *p, const char *what, Span *span)
{
    Token t = peek(p);
    if (t.kind != TK_STRING && t.kind != TK_QIDENT) {
        expected(p, what);
        return "";
    }
    advance(p);
    if (span)
        *span = span_of(t);
    return unquote(p, t, t.kind == TK_STRING ? '\'' : '"');
}

/* A word written without spaces and made of letters, digits, '_' and '-',
 * such as a revision id (3f2a9c1b7d04) or a rule id (drop-column): the
 * lexer splits those, so adjacent tokens are joined here. */
static bool joinable(Token t)
{
    return t.kind == TK_IDENT || t.kind == TK_INTEGER || t.kind == TK_MINUS;
}

/* A word that begins a header line, an operation or the downgrade block. */
static bool starts_statement(Token t)
{
    return is_header_keyword(t) || op_entry(t) || (t.kind == TK_IDENT && t.kw == KW_DOWNGRADE);
}

static Ident parse_dashed_word(Parser *p, const char *what)
{
    Token first = peek(p);
    if (first.kind == TK_STRING || first.kind == TK_QIDENT) {
        advance(p);
        Ident id = {intern_cstr(p->ctx->names, unquote(p, first, first.kind == TK_STRING ? '\'' : '"')),
                    span_of(first)};
        return id;
    }
    /* A missing value must not swallow the next line's first word. */
    if ((first.kind != TK_IDENT && first.kind != TK_INTEGER) || starts_statement(first)) {
        expected(p, what);
        return (Ident){intern_cstr(p->ctx->names, "?"), span_of(first)};
    }
    advance(p);
    while (!(peek(p).flags & TOKF_SPACE_BEFORE) && joinable(peek(p)))
        advance(p);
    Span sp = span_from(p, first);
    return (Ident){intern(p->ctx->names, p->src + sp.byte_off, sp.byte_len), sp};
}

static IdentList ident_list_of(Parser *p, PtrVec *v)
{
    IdentList l = {ARENA_ARRAY(p->arena, Ident, v->len ? v->len : 1), v->len};
    for (uint32_t i = 0; i < v->len; i++)
        l.items[i] = *(Ident *)v->items[i];
    return l;
}

static Ident *boxed_ident(Parser *p, Ident id)
{
    Ident *b = ARENA_NEW(p->arena, Ident);
    *b = id;
    return b;
}

/* name_list = name { "," name } */
static IdentList parse_name_list(Parser *p, const char *what)
{
    PtrVec v = {0};
    do {
        ptrvec_push(p->arena, &v, boxed_ident(p, parse_name(p, what)));
    } while (accept(p, TK_COMMA));
    return ident_list_of(p, &v);
}

/* paren_name_list = "(" name_list ")" */
static IdentList parse_paren_name_list(Parser *p, const char *what)
{
    expect(p, TK_LPAREN, "'('");
    IdentList l = parse_name_list(p, what);
    expect(p, TK_RPAREN, "',' or ')' to close the list");
    return l;
}

/* ============================================================= expressions */

static Expr *parse_expr(Parser *p);

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
static ExprList parse_expr_list(Parser *p)
{
    PtrVec v = {0};
    do {
        ptrvec_push(p->arena, &v, parse_expr(p));
    } while (accept(p, TK_COMMA));
    return (ExprList){(Expr **)v.items, v.len};
}

static Type parse_type(Parser *p);

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
static Expr *parse_expr(Parser *p)
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
static Type parse_type(Parser *p)
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

static Op *new_op(Parser *p, OpKind k, Token kw)
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
typedef void (*OpParser)(Parser *, Op *);

struct OpEntry {
    Keyword kw;
    OpKind kind;
    OpParser parse;
    const char *usage; /* shown in the help line of a syntax error */
};

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

static const OpEntry *op_entry(Token t)
{
    if (t.kind != TK_IDENT)
        return NULL;
    for (size_t i = 0; i < countof(op_table); i++)
        if (op_table[i].kw == t.kw)
            return &op_table[i];
    return NULL;
}

static bool is_header_keyword(Token t)
{
    return t.kind == TK_IDENT && (t.kw == KW_MIGRATION || t.kw == KW_REVISION || t.kw == KW_REVISES ||
                                  t.kw == KW_DEPENDS_ON || t.kw == KW_BRANCH || t.kw == KW_TRANSACTION);
}

static void report_misplaced_header(Parser *p, Token t, const char *where)
{
    Diag *g = diag_error(p->diags, span_of(t), "misplaced-header", "header line '%.*s' %s", (int)t.byte_len,
                         p->src + t.byte_off, where);
    diag_help(p->diags, g, "move the header lines to the top of the file");
}

static void report_unknown_operation(Parser *p, Token t, bool in_block)
{
    if (in_block && is_header_keyword(t)) {
        report_misplaced_header(p, t, "inside the downgrade block");
        p->failed = true;
        return;
    }
    if (t.kind == TK_IDENT && t.kw == KW_DOWNGRADE) {
        Diag *g = error_here(p, "syntax", in_block ? "a downgrade block inside the downgrade block"
                                                   : "@allow comes before an operation, not before downgrade");
        diag_help(p->diags, g, in_block ? "write the steps directly in the one downgrade block"
                                        : "put the @allow on the operation inside the block that needs it");
        return;
    }
    if (t.kind != TK_IDENT) {
        Diag *g = expected(p, "an operation");
        diag_help(p->diags, g, "each operation starts with a word such as create_table or add_column and ends with ';'");
        return;
    }
    const char *word = arena_strndup(p->arena, p->src + t.byte_off, t.byte_len);
    const char *names[countof(op_table) + 1];
    for (size_t i = 0; i < countof(op_table); i++)
        names[i] = keyword_name(op_table[i].kw);
    names[countof(op_table)] = "downgrade";
    Diag *g = error_here(p, "unknown-operation", arena_printf(p->arena, "unknown operation %s", describe(p, t)));
    const char *best = closest_word(word, names, countof(names));
    if (best)
        diag_help(p->diags, g, "did you mean '%s'?", best);
    else
        diag_help(p->diags, g, "operations are create_table, drop_table, rename_table, add_column, "
                               "drop_column, rename_column, alter_column, create_index, drop_index, "
                               "rename_index, add_constraint, drop_constraint, validate_constraint, "
                               "create_enum, alter_enum, drop_enum, data_update, data_insert, "
                               "data_delete, execute");
}

/* The reason of `@allow RULE "reason"`.  When it is missing and the
 * operation follows, the operation still parses (one mistake, one error). */
static bool parse_allow_reason(Parser *p, Allow *a, Token at_tok)
{
    Token reason = peek(p);
    const char *help =
        arena_printf(p->arena, "@allow needs a reason for the reviewer: @allow %s \"why this is safe\"", a->rule.name);
    if (reason.kind != TK_STRING && reason.kind != TK_QIDENT) {
        Diag *g;
        if (op_entry(reason) || reason.kind == TK_AT)
            g = diag_error(p->diags, span_from(p, at_tok), "missing-reason", "@allow %s has no reason", a->rule.name);
        else
            g = expected(p, "a reason in quotes after the rule id");
        diag_help(p->diags, g, "%s", help);
        return false;
    }
    a->reason = parse_text(p, "a reason", NULL);
    if (a->reason[0] == '\0' && !p->failed) {
        Diag *g = diag_error(p->diags, span_of(reason), "empty-reason", "the reason of @allow is empty");
        diag_help(p->diags, g, "say why this is safe; the reason is printed into the SQL bundle");
    }
    return true;
}

static Allow *parse_allow(Parser *p, Token at_tok)
{
    Token t = peek(p);
    if (!at_kw(p, KW_ALLOW)) {
        Diag *g = expected(p, "'allow' after '@'");
        const char *allow = "allow";
        suggest_keyword(p, g, t, &allow, 1);
        return NULL;
    }
    advance(p);
    Allow *a = ARENA_NEW(p->arena, Allow);
    if (at(p, TK_STRING) || at(p, TK_QIDENT)) /* the rule id was left out */
        expected(p, "a rule id such as drop-column");
    else
        a->rule = parse_dashed_word(p, "a rule id such as drop-column");
    if (p->failed || !parse_allow_reason(p, a, at_tok))
        return NULL;
    a->span = span_from(p, at_tok);
    return a;
}

/* annotation = "@" "allow" rule_id string */
static Allow *parse_annotation(Parser *p)
{
    Token at_tok = advance(p);
    p->usage = "@allow RULE \"why this is safe\", before the operation";
    Allow *a = parse_allow(p, at_tok);
    p->usage = NULL;
    return a;
}

/* After a ';': 2 if a statement surely starts here (an operation word,
 * '@', '}', end of file), 1 if one may (a header word, which may also name
 * a column; a word and a name: a misspelled operation), 0 if not.  A ';'
 * typed inside an expression, as in `a + ;1`, is followed by something no
 * statement starts with. */
static int statement_follows(Parser *p)
{
    Token t = raw_peek(p, 0);
    if (t.kind == TK_EOF || t.kind == TK_AT || t.kind == TK_RBRACE || (starts_statement(t) && !is_header_keyword(t)))
        return 2;
    return is_header_keyword(t) || (t.kind == TK_IDENT && is_name_token(raw_peek(p, 1)));
}

/* Skips to the token after the next ';' that ends the broken operation
 * (or to a '}' that closes the downgrade block), so the next operation
 * parses.  Parentheses still open count: `(a int; b int)` goes on to the
 * ')', unless an operation surely starts after the ';'.  Braces opened
 * while skipping are skipped whole. */
static void synchronize(Parser *p, bool in_block)
{
    p->failed = false;
    p->depth = 0;
    int parens = p->open_parens, braces = 0;
    for (;;) {
        Token t = raw_peek(p, 0);
        if (t.kind == TK_EOF)
            return;
        if (t.kind == TK_RBRACE && in_block && parens == 0 && braces == 0)
            return;
        if (!in_block && t.kind == TK_IDENT && t.kw == KW_DOWNGRADE && raw_peek(p, 1).kind == TK_LBRACE)
            return; /* surely the downgrade block */
        raw_advance(p);
        bool ends = t.kind == TK_SEMI || (t.kind == TK_RBRACE && braces == 1); /* a skipped block ends too */
        if (t.kind == TK_LPAREN || t.kind == TK_RPAREN)
            parens += t.kind == TK_LPAREN ? 1 : parens > 0 ? -1 : 0;
        else if (t.kind == TK_LBRACE || t.kind == TK_RBRACE)
            braces += t.kind == TK_LBRACE ? 1 : braces > 0 ? -1 : 0;
        if (ends && braces == 0 && statement_follows(p) > (parens == 0 ? 0 : 1))
            return;
    }
}

/* After an error inside an operation: when the next statement already
 * begins (a ';' or a value was left out before it), parsing resumes there;
 * otherwise at the next ';'.  Inside parentheses a header word at the start
 * of a line is rather a column (revision, branch).  The operation word was
 * consumed, so this always makes progress. */
static void resume_after_error(Parser *p, bool in_block)
{
    Token t = raw_peek(p, 0);
    bool column_named_revision = is_header_keyword(t) && p->open_parens > 0;
    if (next_statement_here(p, t) && !column_named_revision) {
        p->failed = false;
        p->depth = 0;
        return;
    }
    synchronize(p, in_block);
}

/* The ';' that ends an operation: its absence is reported right after the
 * last token, where the ';' belongs (or at a misspelled keyword), unless
 * the lexer already reported the token on either side. */
static void expect_semicolon(Parser *p)
{
    if (p->failed || at(p, TK_SEMI))
        return;
    Token next = peek(p);
    p->failed = true;
    if (is_broken(p->prev) || is_broken(next))
        return;
    const char *best = closest_any_keyword(p, next);
    Span at_span = best ? span_of(next) : span_at(p->file, p->prev.byte_off + p->prev.byte_len, 0);
    Diag *g = diag_error(p->diags, at_span, "syntax", "expected ';' after the operation, found %s", describe(p, next));
    if (best)
        diag_help(p->diags, g, "did you mean '%s'?", best);
    else
        diag_help(p->diags, g, "end every operation with ';'");
}

/* operation = { annotation } op_body ";" */
static Op *parse_operation(Parser *p, bool in_block)
{
    Token first = peek(p);
    p->open_parens = 0;
    PtrVec allows = {0};
    while (at(p, TK_AT)) {
        Allow *a = parse_annotation(p);
        if (a)
            ptrvec_push(p->arena, &allows, a);
    }
    Token t = peek(p);
    const OpEntry *e = op_entry(t);
    if (!e) {
        if (!p->failed)
            report_unknown_operation(p, t, in_block);
        synchronize(p, in_block);
        return NULL;
    }
    advance(p);
    Op *op = new_op(p, e->kind, t);
    p->usage = e->usage;
    e->parse(p, op);
    expect_semicolon(p);
    p->usage = NULL;
    if (p->failed) {
        resume_after_error(p, in_block);
        return NULL;
    }
    advance(p);
    op->span = span_from(p, first);
    op->allows = (AllowList){(Allow **)allows.items, allows.len};
    return op;
}

/* =================================================================== header */

static void duplicate_header(Parser *p, Token t, Span first)
{
    Diag *g = diag_error(p->diags, span_of(t), "duplicate-header", "duplicate header line '%.*s'",
                         (int)t.byte_len, p->src + t.byte_off);
    diag_note(p->diags, g, first, "first given here");
    diag_help(p->diags, g, "a migration has one of each header line; remove one");
}

/* rev_list = rev_id { "," rev_id } */
static IdentList parse_rev_list(Parser *p)
{
    PtrVec v = {0};
    do {
        ptrvec_push(p->arena, &v, boxed_ident(p, parse_dashed_word(p, "a revision id")));
    } while (accept(p, TK_COMMA));
    return ident_list_of(p, &v);
}

typedef struct HeaderSeen {
    Span migration, revision, revises, depends_on, branch, transaction;
} HeaderSeen;

static bool seen(Span s)
{
    return s.file != NO_FILE;
}

static const char *const header_words[] = {"migration", "revision", "revises", "depends_on", "branch", "transaction"};

static const char *header_usage(Keyword kw)
{
    return kw == KW_MIGRATION ? "migration \"what this migration does\""
           : kw == KW_REVISION
               ? "revision ID, where ID is letters, digits, '_' and '-' (e.g. 3f2a9c1b7d04) or a quoted string"
           : kw == KW_REVISES    ? "revises none | revises ID [, ID ...]"
           : kw == KW_DEPENDS_ON ? "depends_on ID [, ID ...]"
           : kw == KW_BRANCH     ? "branch LABEL"
                                 : "transaction none";
}

/* A header line holds one value: another word on the same line is a
 * mistake, reported here rather than as an unknown operation. */
static void check_header_line_end(Parser *p)
{
    Token t = peek(p);
    if (p->failed || t.kind == TK_EOF || t.kind == TK_SEMI || t.kind == TK_AT || starts_statement(t))
        return;
    uint32_t end = p->prev.byte_off + p->prev.byte_len;
    if (memchr(p->src + end, '\n', t.byte_off - end))
        return;
    Diag *g = expected(p, "the end of the header line");
    diag_help(p->diags, g, "a header line takes one value; a list of revisions is written a, b");
}

/* header_line = "migration" string | "revision" rev_id
 *             | "revises" ( "none" | rev_list ) | "depends_on" rev_list
 *             | "branch" name | "transaction" "none" */
static void parse_header_line(Parser *p, HeaderSeen *hs)
{
    Migration *m = p->mig;
    Token t = advance(p);
    Span *slot = t.kw == KW_MIGRATION  ? &hs->migration
                 : t.kw == KW_REVISION ? &hs->revision
                 : t.kw == KW_REVISES  ? &hs->revises
                 : t.kw == KW_DEPENDS_ON ? &hs->depends_on
                 : t.kw == KW_BRANCH   ? &hs->branch
                                       : &hs->transaction;
    if (seen(*slot))
        duplicate_header(p, t, *slot);
    *slot = span_of(t);
    p->usage = header_usage((Keyword)t.kw);
    if (t.kw == KW_MIGRATION) {
        m->message = parse_text(p, "the migration message in quotes", &m->message_span);
    } else if (t.kw == KW_REVISION) {
        m->revision = parse_dashed_word(p, "a revision id");
    } else if (t.kw == KW_REVISES) {
        if (accept_kw(p, KW_NONE))
            m->revises_none = true;
        else
            m->revises = parse_rev_list(p);
        m->revises_span = span_from(p, t);
    } else if (t.kw == KW_DEPENDS_ON) {
        m->depends_on = parse_rev_list(p);
    } else if (t.kw == KW_BRANCH) {
        m->branch = parse_dashed_word(p, "a branch label");
    } else {
        expect_kw(p, KW_NONE);
        m->transaction_none = true;
        m->transaction_span = span_from(p, t);
    }
    check_header_line_end(p);
    p->usage = NULL;
    if (!p->failed && at(p, TK_SEMI)) {
        Diag *g = diag_error(p->diags, span_of(peek(p)), "syntax", "header lines take no ';'");
        diag_help(p->diags, g, "remove the ';': a header line ends at the next header word or operation");
        advance(p);
    }
}

static void require_header(Parser *p, Span have, Span at_span, const char *line, const char *help)
{
    if (seen(have))
        return;
    Diag *g = diag_error(p->diags, at_span, "missing-header", "missing header line '%s'", line);
    diag_help(p->diags, g, "%s", help);
}

/* `revison r1` before the first operation: a misspelled header word, not
 * an unknown operation (which would resynchronise past the header). */
static bool misspelled_header_word(Parser *p)
{
    Token t = peek(p);
    if (t.kind != TK_IDENT || t.kw != KW_NONE_)
        return false;
    const char *word = arena_strndup(p->arena, p->src + t.byte_off, t.byte_len);
    const char *best = closest_word(word, header_words, countof(header_words));
    if (!best)
        return false;
    advance(p);
    Diag *g = error_at(p, span_of(t), "unknown-header", arena_printf(p->arena, "unknown header line '%s'", word));
    diag_help(p->diags, g, "did you mean '%s'?", best);
    return true;
}

/* header = { header_line } */
static void parse_header(Parser *p)
{
    HeaderSeen hs = {NO_SPAN, NO_SPAN, NO_SPAN, NO_SPAN, NO_SPAN, NO_SPAN};
    Token first = peek(p);
    uint32_t errors_before = p->diags->n_errors;
    for (;;) {
        if (is_header_keyword(peek(p)))
            parse_header_line(p, &hs);
        else if (!misspelled_header_word(p))
            break;
        if (p->failed) {
            p->failed = false;
            /* skip the rest of the broken line: up to the next header word or operation */
            while (!is_header_keyword(peek(p)) && !next_statement_here(p, peek(p)))
                advance(p);
        }
    }
    /* After an error inside the header (an unterminated string, say) the
     * "missing" lines are usually swallowed by it: do not echo them.  Nor
     * when the header ends at something that starts no operation: the
     * lines may follow it, and that mistake is reported by itself. */
    Token stop = peek(p);
    bool clean_end = stop.kind == TK_EOF || stop.kind == TK_AT || starts_statement(stop);
    if (p->diags->n_errors != errors_before || !clean_end)
        return;
    if (first.kind == TK_EOF) {
        Diag *g = diag_error(p->diags, span_at(p->file, 0, 0), "empty-file", "empty migration file: only comments");
        diag_help(p->diags, g, "a migration starts with: migration \"message\", revision ID, revises PARENT|none");
        return;
    }
    Span where = span_of(first);
    require_header(p, hs.migration, where, "migration \"message\"",
                   "start the file with: migration \"what this migration does\"");
    require_header(p, hs.revision, where, "revision ID",
                   "add a line: revision 3f2a9c1b7d04 (migc new makes a fresh one)");
    require_header(p, hs.revises, where, "revises PARENT",
                   "add: revises PARENT_ID, or revises none for the first migration");
}

/* downgrade_block = "downgrade" "{" { operation } "}" */
static void parse_downgrade_block(Parser *p)
{
    Migration *m = p->mig;
    Token kw = advance(p);
    if (m->has_downgrade) {
        Diag *g = diag_error(p->diags, span_of(kw), "duplicate-downgrade", "a second downgrade block");
        diag_note(p->diags, g, m->downgrade_span, "the first one is here");
        diag_help(p->diags, g, "put every downgrade step into one block");
    }
    if (!at(p, TK_LBRACE)) {
        Diag *g = expected(p, "'{' after downgrade");
        diag_help(p->diags, g, "write the downgrade steps as: downgrade { OPERATION; ... }");
        p->failed = false;
        p->open_parens = 0;
        if (!next_statement_here(p, peek(p)))
            synchronize(p, false); /* not an operation either: skip it */
        return;
    }
    m->has_downgrade = true;
    advance(p);
    PtrVec ops = {0};
    while (!at(p, TK_RBRACE) && !at(p, TK_EOF)) {
        Op *op = parse_operation(p, true);
        if (op)
            ptrvec_push(p->arena, &ops, op);
    }
    if (!at(p, TK_RBRACE)) {
        Diag *g = diag_error(p->diags, span_of(kw), "syntax", "downgrade block is not closed");
        diag_help(p->diags, g, "close it with '}'");
    } else {
        advance(p);
    }
    m->downgrade = (OpList){(Op **)ops.items, ops.len};
    m->downgrade_span = span_from(p, kw);
}

/* migration_file = header { operation } [ downgrade_block ] EOF */
static void parse_body(Parser *p)
{
    Migration *m = p->mig;
    PtrVec ops = {0};
    while (!at(p, TK_EOF)) {
        Token t = peek(p);
        if (is_header_keyword(t)) {
            report_misplaced_header(p, t, "after the first operation");
            HeaderSeen ignore = {NO_SPAN, NO_SPAN, NO_SPAN, NO_SPAN, NO_SPAN, NO_SPAN};
            parse_header_line(p, &ignore);
            p->failed = false;
            continue;
        }
        if (t.kind == TK_IDENT && t.kw == KW_DOWNGRADE) {
            parse_downgrade_block(p);
            continue;
        }
        if (m->has_downgrade && (op_entry(t) || t.kind == TK_AT)) { /* anything else is reported below */
            Diag *g = diag_error(p->diags, span_of(t), "syntax", "operation after the downgrade block");
            diag_help(p->diags, g, "the downgrade block comes last; move this operation above it");
        }
        Op *op = parse_operation(p, false);
        if (op && !m->has_downgrade)
            ptrvec_push(p->arena, &ops, op);
    }
    m->ops = (OpList){(Op **)ops.items, ops.len};
}

static bool file_is_blank(const SourceFile *f)
{
    for (uint32_t i = 0; i < f->len; i++) {
        char c = f->text[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            return false;
    }
    return true;
}

Migration *parse_migration(const ParseCtx *ctx, uint32_t file)
{
    SourceFile *f = source_get(ctx->sources, file);
    Migration *m = ARENA_NEW(ctx->arena, Migration);
    m->file = file;
    m->path = f->path;
    m->revises_span = m->transaction_span = m->downgrade_span = m->message_span = NO_SPAN;
    uint32_t errors_before = ctx->diags->n_errors;
    if (file_is_blank(f)) {
        Diag *g = diag_error(ctx->diags, span_at(file, 0, 0), "empty-file", "empty migration file");
        diag_help(ctx->diags, g, "a migration starts with: migration \"message\", revision ID, revises PARENT|none");
        m->parse_failed = true;
        return m;
    }
    Parser p = {.ctx = ctx, .arena = ctx->arena, .diags = ctx->diags, .src = f->text, .file = file, .mig = m};
    lexer_init(&p.lx, ctx->diags, file, f->text, f->len);
    parse_header(&p);
    parse_body(&p);
    m->parse_failed = ctx->diags->n_errors != errors_before;
    return m;
}

Expr *parse_expression_text(const ParseCtx *ctx, uint32_t file)
{
    SourceFile *f = source_get(ctx->sources, file);
    Parser p = {.ctx = ctx, .arena = ctx->arena, .diags = ctx->diags, .src = f->text, .file = file};
    lexer_init(&p.lx, ctx->diags, file, f->text, f->len);
    Expr *e = parse_expr(&p);
    if (!p.failed && !at(&p, TK_EOF))
        expected(&p, "end of the expression");
    return e;
}
