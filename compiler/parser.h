/* parser.h: recursive-descent parser from tokens to the IR.
 *
 * grammar/migc.ebnf is the normative grammar; each parse function carries
 * its production in a comment (parser.c, parse_expr.c, parse_ops.c), and
 * tests/tools/grammar_check.c keeps the two in step. */
#ifndef MIGC_PARSER_H
#define MIGC_PARSER_H

#include "ir.h"
#include "lexer.h"

enum { PARSE_MAX_DEPTH = 200 }; /* expression nesting: bounded, never a stack overflow */

typedef struct ParseCtx {
    Arena *arena;
    Interner *names;
    Diags *diags;
    SourceMap *sources;
    const NameMap *keywords; /* from keywords_init; NULL: the lexer searches its list */
} ParseCtx;

/* Parses one registered source file.  Always returns a Migration; when
 * errors were reported, m->parse_failed is set and the IR is partial. */
Migration *parse_migration(const ParseCtx *ctx, uint32_t file);

/* Parses a standalone expression (used by tests and by config defaults). */
Expr *parse_expression_text(const ParseCtx *ctx, uint32_t file);

#endif
