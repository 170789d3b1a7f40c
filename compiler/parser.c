/* parser.c: migc source to IR, one migration file at a time.
 *
 * Error handling: the first syntax error inside an operation makes the
 * parser "fail" (sticky); from then on peek() answers end-of-file so every
 * loop unwinds, and the operation loop resynchronises: at the next line
 * that begins with an operation word when the error was a missing piece,
 * else after the next ';' that a statement follows (synchronize()).  So
 * one mistake gives one diagnostic, and a file with three gives three.
 * Syntax errors carry the form of the operation as their help line. */
#include "parse_internal.h"

#include <assert.h>
#include <string.h>


/* ============================================================ token helpers */

Token raw_peek(Parser *p, uint32_t k)
{
    assert(k < countof(p->ahead));
    while (p->n_ahead <= k) {
        p->ahead[(p->head + p->n_ahead) % countof(p->ahead)] = lexer_next(&p->lx);
        p->n_ahead++;
    }
    return p->ahead[(p->head + k) % countof(p->ahead)];
}

Token peek_n(Parser *p, uint32_t k)
{
    if (p->failed) {
        Token eof = raw_peek(p, 0);
        eof.kind = TK_EOF;
        eof.byte_len = 0;
        return eof;
    }
    return raw_peek(p, k);
}

Token peek(Parser *p)
{
    return peek_n(p, 0);
}

Token raw_advance(Parser *p)
{
    Token t = raw_peek(p, 0);
    p->head = (p->head + 1) % countof(p->ahead);
    p->n_ahead--;
    p->prev = t;
    if (t.kind == TK_LPAREN)
        p->open_parens++;
    else if (t.kind == TK_RPAREN && p->open_parens > 0)
        p->open_parens--;
    return t;
}

Token advance(Parser *p)
{
    if (p->failed)
        return peek(p);
    return raw_advance(p);
}

bool at(Parser *p, TokenKind k)
{
    return peek(p).kind == k;
}

bool at_kw_n(Parser *p, uint32_t n, Keyword kw)
{
    Token t = peek_n(p, n);
    return t.kind == TK_IDENT && t.kw == kw;
}

bool at_kw(Parser *p, Keyword kw)
{
    return at_kw_n(p, 0, kw);
}

bool accept(Parser *p, TokenKind k)
{
    if (!at(p, k))
        return false;
    advance(p);
    return true;
}

bool accept_kw(Parser *p, Keyword kw)
{
    if (!at_kw(p, kw))
        return false;
    advance(p);
    return true;
}

bool is_name_token(Token t)
{
    return t.kind == TK_IDENT || t.kind == TK_QIDENT;
}

Span span_of(Token t)
{
    return token_span(t);
}

/* From the start of `first` to the end of the last consumed token. */
Span span_from(Parser *p, Token first)
{
    return span_join(span_of(first), span_of(p->prev));
}

/* A quoted description of a token for messages: 'add_colum', end of file. */
const char *describe(Parser *p, Token t)
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

bool is_broken(Token t)
{
    return (t.flags & TOKF_BROKEN) || t.kind == TK_BAD;
}

/* Reports `message` at the current token and makes the parser fail
 * (sticky).  A token the lexer already reported as broken gets no second
 * message, nor does the token after one (an unterminated quote runs to the
 * end of the file): it would only echo the first. */
Diag *error_at(Parser *p, Span span, const char *code, const char *message)
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

Diag *error_here(Parser *p, const char *code, const char *message)
{
    return error_at(p, span_of(raw_peek(p, 0)), code, message);
}


/* Does `t` come first on its line (only blanks before it)? */
bool begins_line(const Parser *p, Token t)
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
bool next_statement_here(const Parser *p, Token t)
{
    return t.kind == TK_EOF || ((t.kind == TK_AT || starts_statement(t)) && begins_line(p, t));
}

/* "expected X, found Y": X is what the grammar wants here.  When Y begins
 * the next statement, X is missing, and the caret goes just after the last
 * token, where X belongs.  The help line shows the form being parsed;
 * callers may replace it. */
Diag *expected(Parser *p, const char *what)
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
const char *closest_keyword(Parser *p, Token t, const char *const *words, size_t n)
{
    if (t.kind != TK_IDENT || t.kw != KW_NONE_)
        return NULL;
    return closest_word(arena_strndup(p->arena, p->src + t.byte_off, t.byte_len), words, n);
}

/* A word spelled close to the keyword the grammar wants gets a suggestion. */
void suggest_keyword(Parser *p, Diag *g, Token t, const char *const *words, size_t n)
{
    const char *best = closest_keyword(p, t, words, n);
    if (best)
        diag_help(p->diags, g, "did you mean '%s'?", best);
}

Token expect(Parser *p, TokenKind k, const char *what)
{
    if (at(p, k))
        return advance(p);
    expected(p, what);
    return peek(p);
}

/* Where a clause may end, an unknown word of four letters or more that is
 * one or two edits from a keyword is taken for a misspelling of it
 * (refrences, uniqe); a plain name such as users is not close enough. */
const char *closest_any_keyword(Parser *p, Token t)
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

void suggest_any_keyword(Parser *p, Diag *g, Token t)
{
    const char *best = closest_any_keyword(p, t);
    if (best)
        diag_help(p->diags, g, "did you mean '%s'?", best);
}

void expect_kw(Parser *p, Keyword kw)
{
    if (accept_kw(p, kw))
        return;
    Token t = peek(p);
    Diag *g = expected(p, arena_printf(p->arena, "'%s'", keyword_name(kw)));
    const char *word = keyword_name(kw);
    suggest_keyword(p, g, t, &word, 1);
}

/* =========================================================== value helpers */

const char *unquote(Parser *p, Token t, char q)
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

Ident ident_of(Parser *p, Token t)
{
    Ident id = {NULL, span_of(t)};
    if (t.kind == TK_QIDENT) {
        id.name = intern_cstr(p->ctx->names, unquote(p, t, '"'));
    } else {
        id.name = t.name ? t.name : intern(p->ctx->names, p->src + t.byte_off, t.byte_len);
    }
    return id;
}

/* name = IDENT | QUOTED_IDENT   (* keywords are names wherever a name is expected *) */
Ident parse_name(Parser *p, const char *what)
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
const char *parse_text(Parser *p, const char *what, Span *span)
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
bool joinable(Token t)
{
    return t.kind == TK_IDENT || t.kind == TK_INTEGER || t.kind == TK_MINUS;
}

/* A word that begins a header line, an operation or the downgrade block. */
bool starts_statement(Token t)
{
    return is_header_keyword(t) || op_entry(t) || (t.kind == TK_IDENT && t.kw == KW_DOWNGRADE);
}

Ident parse_dashed_word(Parser *p, const char *what)
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

IdentList ident_list_of(Parser *p, PtrVec *v)
{
    IdentList l = {ARENA_ARRAY(p->arena, Ident, v->len ? v->len : 1), v->len};
    for (uint32_t i = 0; i < v->len; i++)
        l.items[i] = *(Ident *)v->items[i];
    return l;
}

Ident *boxed_ident(Parser *p, Ident id)
{
    Ident *b = ARENA_NEW(p->arena, Ident);
    *b = id;
    return b;
}

/* name_list = name { "," name } */
IdentList parse_name_list(Parser *p, const char *what)
{
    PtrVec v = {0};
    do {
        ptrvec_push(p->arena, &v, boxed_ident(p, parse_name(p, what)));
    } while (accept(p, TK_COMMA));
    return ident_list_of(p, &v);
}

/* paren_name_list = "(" name_list ")" */
IdentList parse_paren_name_list(Parser *p, const char *what)
{
    expect(p, TK_LPAREN, "'('");
    IdentList l = parse_name_list(p, what);
    expect(p, TK_RPAREN, "',' or ')' to close the list");
    return l;
}


bool is_header_keyword(Token t)
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
    size_t n;
    const OpEntry *ops = op_entries(&n);
    const char *names[32];
    assert(n < countof(names));
    for (size_t i = 0; i < n; i++)
        names[i] = keyword_name(ops[i].kw);
    names[n] = "downgrade";
    Diag *g = error_here(p, "unknown-operation", arena_printf(p->arena, "unknown operation %s", describe(p, t)));
    const char *best = closest_word(word, names, n + 1);
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

/* What makes `id` unfit for a one-line SQL comment or the version table's
 * VARCHAR(64) (NULL: nothing).  A newline in a revision id would end the
 * `-- Running upgrade` comment and run the rest of the id as SQL. */
static const char *rev_id_problem(const char *id, bool limit_length)
{
    size_t n = strlen(id);
    if (n == 0)
        return "is empty";
    for (size_t i = 0; i < n; i++)
        if (is_control_byte(id[i]))
            return "holds a control character (a line break, a tab)";
    return limit_length && n > 64 ? "is longer than 64 bytes, what the version table holds" : NULL;
}

/* rev_id (lexical; see parse_dashed_word), checked by rev_id_problem */
static Ident parse_rev_id(Parser *p, const char *what, bool limit_length)
{
    Ident id = parse_dashed_word(p, what);
    const char *why = p->failed ? NULL : rev_id_problem(id.name, limit_length);
    if (why) {
        Diag *g = diag_error(p->diags, id.span, "bad-revision-id", "%s %s", what, why);
        diag_help(p->diags, g, limit_length ? "write it on one line, 1 to 64 bytes, e.g. 3f2a9c1b7d04"
                                            : "write it on one line, e.g. billing");
    }
    return id;
}

/* rev_list = rev_id { "," rev_id } */
static IdentList parse_rev_list(Parser *p)
{
    PtrVec v = {0};
    do {
        ptrvec_push(p->arena, &v, boxed_ident(p, parse_rev_id(p, "a revision id", true)));
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
        m->revision = parse_rev_id(p, "a revision id", true);
    } else if (t.kw == KW_REVISES) {
        if (accept_kw(p, KW_NONE))
            m->revises_none = true;
        else
            m->revises = parse_rev_list(p);
        m->revises_span = span_from(p, t);
    } else if (t.kw == KW_DEPENDS_ON) {
        m->depends_on = parse_rev_list(p);
    } else if (t.kw == KW_BRANCH) {
        m->branch = parse_rev_id(p, "a branch label", false);
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
    if (ctx->keywords)
        lexer_use_names(&p.lx, ctx->names, ctx->keywords);
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
    if (ctx->keywords)
        lexer_use_names(&p.lx, ctx->names, ctx->keywords);
    Expr *e = parse_expr(&p);
    if (!p.failed && !at(&p, TK_EOF))
        expected(&p, "end of the expression");
    return e;
}
