/* parse_internal.h: what the parser's files share (parser.c: tokens,
 * names, recovery, the header and the file; parse_expr.c: expressions and
 * types; parse_ops.c: constraints, columns and every operation). */
#ifndef MIGC_PARSE_INTERNAL_H
#define MIGC_PARSE_INTERNAL_H

#include "parser.h"

typedef struct Parser {
    const ParseCtx *ctx;
    Arena *arena;
    Diags *diags;
    Lexer lx;
    const char *src;
    uint32_t file;
    Token ahead[4]; /* lookahead ring: ahead[(head + i) % 4] is the i-th next token */
    uint32_t head, n_ahead;
    Token prev; /* last consumed token */
    int open_parens; /* '(' not yet closed in the current operation */
    bool failed;
    int depth;
    const char *usage; /* the form being parsed, for the help line of a syntax error */
    Migration *mig;
} Parser;

typedef void (*OpParser)(Parser *, Op *);

typedef struct OpEntry {
    Keyword kw;
    OpKind kind;
    OpParser parse;
    const char *usage; /* shown in the help line of a syntax error */
} OpEntry;

/* ---- parser.c: tokens, errors, names */
Token raw_peek(Parser *p, uint32_t k);
Token peek_n(Parser *p, uint32_t k);
Token peek(Parser *p);
Token raw_advance(Parser *p);
Token advance(Parser *p);
bool at(Parser *p, TokenKind k);
bool at_kw_n(Parser *p, uint32_t n, Keyword kw);
bool at_kw(Parser *p, Keyword kw);
bool accept(Parser *p, TokenKind k);
bool accept_kw(Parser *p, Keyword kw);
bool is_name_token(Token t);
Span span_of(Token t);
Span span_from(Parser *p, Token first);
const char *describe(Parser *p, Token t);
bool is_broken(Token t);
Diag *error_at(Parser *p, Span span, const char *code, const char *message);
Diag *error_here(Parser *p, const char *code, const char *message);
bool begins_line(const Parser *p, Token t);
bool next_statement_here(const Parser *p, Token t);
Diag *expected(Parser *p, const char *what);
const char *closest_keyword(Parser *p, Token t, const char *const *words, size_t n);
void suggest_keyword(Parser *p, Diag *g, Token t, const char *const *words, size_t n);
Token expect(Parser *p, TokenKind k, const char *what);
const char *closest_any_keyword(Parser *p, Token t);
void suggest_any_keyword(Parser *p, Diag *g, Token t);
void expect_kw(Parser *p, Keyword kw);
const char *unquote(Parser *p, Token t, char q);
Ident ident_of(Parser *p, Token t);
Ident parse_name(Parser *p, const char *what);
const char *parse_text(Parser *p, const char *what, Span *span);
bool joinable(Token t);
bool starts_statement(Token t);
Ident parse_dashed_word(Parser *p, const char *what);
IdentList ident_list_of(Parser *p, PtrVec *v);
Ident *boxed_ident(Parser *p, Ident id);
IdentList parse_name_list(Parser *p, const char *what);
IdentList parse_paren_name_list(Parser *p, const char *what);

/* ---- parse_expr.c */
Expr *parse_expr(Parser *p);
ExprList parse_expr_list(Parser *p);
Type parse_type(Parser *p);

/* ---- parse_ops.c */
Op *new_op(Parser *p, OpKind k, Token kw);
const OpEntry *op_entry(Token t);
const OpEntry *op_entries(size_t *n);

/* ---- parser.c: statements */
bool is_header_keyword(Token t);

#endif
