/* lexer.c: turns one migration file into tokens, on demand.
 *
 * Malformed input (unterminated strings, quotes and comments, NUL bytes,
 * invalid UTF-8, stray characters) is reported here with a span and a help
 * line, and lexing goes on so the parser can report more. */
#include "lexer.h"

#include <assert.h>
#include <string.h>

static const char *const kind_names[] = {
#define X(k, s) s,
    TOKEN_KINDS(X)
#undef X
};

static const char *const keyword_names[] = {
    "",
#define X(k, s) s,
    KEYWORDS(X)
#undef X
};

const char *token_kind_name(TokenKind k)
{
    return kind_names[k];
}

const char *keyword_name(Keyword k)
{
    return keyword_names[k];
}

/* KEYWORDS is kept in ASCII order, so a binary search finds a word. */
Keyword keyword_lookup(const char *s, size_t len)
{
    char low[32];
    if (len == 0 || len >= sizeof low)
        return KW_NONE_;
    for (size_t i = 0; i < len; i++)
        low[i] = (char)ascii_lower((unsigned char)s[i]);
    low[len] = '\0';
    int lo = 1, hi = KW__COUNT - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(low, keyword_names[mid]);
        if (c == 0)
            return (Keyword)mid;
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return KW_NONE_;
}

Span token_span(Token t)
{
    return (Span){t.file, t.byte_off, t.byte_len};
}

void keywords_init(NameMap *map, Arena *a, Interner *names)
{
    for (int k = 1; k < KW__COUNT; k++)
        namemap_put(a, map, intern_cstr(names, keyword_names[k]), (void *)(uintptr_t)k);
}

void lexer_use_names(Lexer *lx, Interner *names, const NameMap *keywords)
{
    lx->names = names;
    lx->keywords = keywords;
}

void lexer_init(Lexer *lx, Diags *diags, uint32_t file, const char *src, uint32_t len)
{
    lx->names = NULL;
    lx->keywords = NULL;
    lx->src = src;
    lx->len = len;
    lx->pos = 0;
    lx->file = file;
    lx->diags = diags;
}

static bool is_ident_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static bool is_ident_char(int c)
{
    return is_ident_start(c) || (c >= '0' && c <= '9');
}

static bool is_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* The code point of a valid UTF-8 sequence of k bytes. */
static uint32_t utf8_decode(const unsigned char *p, int k)
{
    uint32_t cp = k == 1 ? p[0] : p[0] & (0x7Fu >> k);
    for (int i = 1; i < k; i++)
        cp = (cp << 6) | (p[i] & 0x3Fu);
    return cp;
}

/* Non-ASCII code points that read as letters (accented Latin, Greek,
 * Cyrillic, CJK, ...): everything from U+00C0 but the symbol and
 * punctuation blocks, so a typographic quote is not part of a word. */
static bool is_foreign_letter(uint32_t cp)
{
    return cp >= 0xC0 && cp != 0xD7 && cp != 0xF7 && !(cp >= 0x2000 && cp <= 0x2BFF) &&
           !(cp >= 0x3000 && cp <= 0x303F) && !(cp >= 0xFE00 && cp <= 0xFE0F) && cp != 0xFEFF &&
           !(cp >= 0xFF00 && cp <= 0xFF20) && !(cp >= 0x1F000 && cp <= 0x1FAFF);
}

/* The byte length of the non-ASCII letter at `pos`, or 0. */
static int foreign_letter_at(const Lexer *lx, uint32_t pos)
{
    const unsigned char *p = (const unsigned char *)lx->src + pos;
    if (pos >= lx->len || *p < 0x80)
        return 0;
    int k = utf8_seq_len(p, lx->len - pos);
    return k && is_foreign_letter(utf8_decode(p, k)) ? k : 0;
}

static int peek_at(const Lexer *lx, uint32_t off)
{
    return lx->pos + off < lx->len ? (unsigned char)lx->src[lx->pos + off] : -1;
}

static Span here(const Lexer *lx, uint32_t start, uint32_t len)
{
    return (Span){lx->file, start, len};
}

/* Checks the bytes of a string, quoted name, comment or raw body: NUL and
 * invalid UTF-8 are reported once per token, at the first bad byte. */
static void check_text_bytes(Lexer *lx, uint32_t from, uint32_t to, const char *what)
{
    for (uint32_t i = from; i < to;) {
        const unsigned char *p = (const unsigned char *)lx->src + i;
        if (*p == 0) {
            Diag *g = diag_error(lx->diags, here(lx, i, 1), "nul-byte", "NUL byte inside %s", what);
            diag_help(lx->diags, g, "migration files are UTF-8 text; remove the NUL byte");
            return;
        }
        int k = utf8_seq_len(p, to - i);
        if (k == 0) {
            Diag *g = diag_error(lx->diags, here(lx, i, 1), "invalid-utf8",
                                 "invalid UTF-8 byte 0x%02x inside %s", *p, what);
            diag_help(lx->diags, g, "save the file as UTF-8");
            return;
        }
        i += (uint32_t)k;
    }
}

/* Skips whitespace and comments; returns false at an unterminated block
 * comment (reported) so the caller stops at end of file. */
static void skip_trivia(Lexer *lx)
{
    for (;;) {
        int c = peek_at(lx, 0);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            lx->pos++;
        } else if (c == '-' && peek_at(lx, 1) == '-') {
            uint32_t start = lx->pos;
            while (lx->pos < lx->len && lx->src[lx->pos] != '\n')
                lx->pos++;
            check_text_bytes(lx, start, lx->pos, "a comment");
        } else if (c == '/' && peek_at(lx, 1) == '*') {
            uint32_t start = lx->pos;
            const char *end = NULL;
            if (lx->pos + 2 <= lx->len)
                end = memmem(lx->src + lx->pos + 2, lx->len - lx->pos - 2, "*/", 2);
            if (!end) {
                Diag *g = diag_error(lx->diags, here(lx, start, 2), "unterminated-comment",
                                     "unterminated block comment");
                diag_help(lx->diags, g, "close the comment with */");
                lx->pos = lx->len;
                return;
            }
            lx->pos = (uint32_t)(end - lx->src) + 2;
            check_text_bytes(lx, start, lx->pos, "a comment");
        } else {
            return;
        }
    }
}

static Token make(const Lexer *lx, TokenKind kind, uint32_t start)
{
    return (Token){.kind = (uint8_t)kind, .file = lx->file, .byte_off = start, .byte_len = lx->pos - start};
}

/* An unquoted word with non-ASCII letters (größe) is one mistake: it is
 * reported once and stays a name, so the parser goes on normally. */
static void report_foreign_word(Lexer *lx, Token t)
{
    const char *w = lx->src + t.byte_off;
    int n = (int)t.byte_len;
    Diag *g = n <= 64 ? diag_error(lx->diags, token_span(t), "non-ascii-name",
                                   "unquoted name '%.*s' has non-ASCII letters", n, w)
                      : diag_error(lx->diags, token_span(t), "non-ascii-name", "unquoted name has non-ASCII letters");
    if (n <= 64)
        diag_help(lx->diags, g, "quote the name: \"%.*s\"", n, w);
    else
        diag_help(lx->diags, g, "quote the name in double quotes");
}

/* Which keyword a bare word spells: with the session's interner, one
 * intern (which the parser reuses as the name) and one pointer lookup;
 * without it (tests), a search of the keyword list. */
static void classify_word(Lexer *lx, Token *t)
{
    const char *w = lx->src + t->byte_off;
    if (!lx->names) {
        t->kw = (uint8_t)keyword_lookup(w, t->byte_len);
        return;
    }
    t->name = intern(lx->names, w, t->byte_len);
    bool upper = false;
    for (uint32_t i = 0; i < t->byte_len && !upper; i++)
        upper = w[i] >= 'A' && w[i] <= 'Z';
    const char *folded = upper ? intern_folded(lx->names, t->name) : t->name;
    t->kw = (uint8_t)(uintptr_t)namemap_get(lx->keywords, folded);
}

static Token lex_word(Lexer *lx, uint32_t start)
{
    bool foreign = false;
    while (lx->pos < lx->len) {
        unsigned char c = (unsigned char)lx->src[lx->pos];
        if (is_ident_char(c)) {
            lx->pos++;
            continue;
        }
        int k = c >= 0x80 ? foreign_letter_at(lx, lx->pos) : 0;
        if (k <= 0)
            break;
        lx->pos += (uint32_t)k;
        foreign = true;
    }
    Token t = make(lx, TK_IDENT, start);
    if (foreign)
        report_foreign_word(lx, t);
    else
        classify_word(lx, &t);
    return t;
}

static Token lex_number(Lexer *lx, uint32_t start)
{
    while (is_digit(peek_at(lx, 0)))
        lx->pos++;
    if (peek_at(lx, 0) == '.' && is_digit(peek_at(lx, 1))) {
        lx->pos++;
        while (is_digit(peek_at(lx, 0)))
            lx->pos++;
        return make(lx, TK_DECIMAL, start);
    }
    return make(lx, TK_INTEGER, start);
}

/* Strings 'it''s' and quoted names "a ""b""": the closing quote is the
 * first one not doubled. */
static Token lex_quoted(Lexer *lx, uint32_t start, char q, TokenKind kind)
{
    lx->pos++;
    for (;;) {
        const char *p = lx->pos < lx->len ? memchr(lx->src + lx->pos, q, lx->len - lx->pos) : NULL;
        if (!p) {
            lx->pos = lx->len;
            Token t = make(lx, kind, start);
            t.flags |= TOKF_BROKEN;
            bool str = kind == TK_STRING;
            Diag *g = diag_error(lx->diags, here(lx, start, 1), str ? "unterminated-string" : "unterminated-identifier",
                                 str ? "unterminated string literal" : "unterminated quoted identifier");
            diag_help(lx->diags, g, str ? "close the string with '; a quote inside a string is written ''"
                                        : "close the name with \"; a quote inside a name is written \"\"");
            return t;
        }
        lx->pos = (uint32_t)(p - lx->src) + 1;
        if (peek_at(lx, 0) == q) {
            lx->pos++;
            continue;
        }
        check_text_bytes(lx, start + 1, lx->pos - 1, kind == TK_STRING ? "a string" : "a quoted identifier");
        return make(lx, kind, start);
    }
}

/* $$ ... $$ or $tag$ ... $tag$, as PostgreSQL writes raw SQL bodies. */
static Token lex_dollar(Lexer *lx, uint32_t start)
{
    uint32_t tag_end = lx->pos + 1;
    while (tag_end < lx->len && is_ident_char((unsigned char)lx->src[tag_end]))
        tag_end++;
    if (tag_end >= lx->len || lx->src[tag_end] != '$' ||
        (tag_end > lx->pos + 1 && is_digit((unsigned char)lx->src[lx->pos + 1]))) {
        lx->pos++;
        Token t = make(lx, TK_BAD, start);
        Diag *g = diag_error(lx->diags, here(lx, start, 1), "unexpected-character", "unexpected character '$'");
        diag_help(lx->diags, g, "raw SQL is written between $$ and $$, or $tag$ and $tag$");
        t.flags |= TOKF_BROKEN;
        return t;
    }
    uint32_t tag_len = tag_end - start + 1; /* includes both dollars */
    uint32_t body = tag_end + 1;
    const char *close = NULL;
    for (uint32_t i = body; i + tag_len <= lx->len;) {
        const char *d = memchr(lx->src + i, '$', lx->len - i);
        if (!d || (uint32_t)(d - lx->src) + tag_len > lx->len)
            break;
        if (memcmp(d, lx->src + start, tag_len) == 0) {
            close = d;
            break;
        }
        i = (uint32_t)(d - lx->src) + 1;
    }
    if (!close) {
        lx->pos = lx->len;
        Token t = make(lx, TK_RAW, start);
        t.flags |= TOKF_BROKEN;
        Diag *g = diag_error(lx->diags, here(lx, start, tag_len), "unterminated-raw-sql",
                             "unterminated dollar-quoted SQL: no closing %.*s", (int)tag_len, lx->src + start);
        diag_help(lx->diags, g, "end the SQL with %.*s", (int)tag_len, lx->src + start);
        return t;
    }
    lx->pos = (uint32_t)(close - lx->src) + tag_len;
    check_text_bytes(lx, body, (uint32_t)(close - lx->src), "raw SQL");
    return make(lx, TK_RAW, start);
}

void raw_body(const char *src, Token t, uint32_t *body_off, uint32_t *body_len)
{
    assert(t.kind == TK_RAW);
    uint32_t tag = 1;
    while (src[t.byte_off + tag] != '$')
        tag++;
    tag++;
    *body_off = t.byte_off + tag;
    *body_len = t.byte_len >= 2 * tag ? t.byte_len - 2 * tag : 0;
}

static Token lex_operator(Lexer *lx, uint32_t start, int c)
{
    int n = peek_at(lx, 1);
    TokenKind k;
    uint32_t width = 1;
    switch (c) {
    case '(': k = TK_LPAREN; break;
    case ')': k = TK_RPAREN; break;
    case '{': k = TK_LBRACE; break;
    case '}': k = TK_RBRACE; break;
    case ',': k = TK_COMMA; break;
    case ';': k = TK_SEMI; break;
    case '.': k = TK_DOT; break;
    case '@': k = TK_AT; break;
    case '=': k = TK_EQ; break;
    case '+': k = TK_PLUS; break;
    case '-': k = TK_MINUS; break;
    case '*': k = TK_STAR; break;
    case '/': k = TK_SLASH; break;
    case '%': k = TK_PERCENT; break;
    case '<':
        k = n == '=' ? TK_LE : n == '>' ? TK_NE : TK_LT;
        width = (n == '=' || n == '>') ? 2 : 1;
        break;
    case '>':
        k = n == '=' ? TK_GE : TK_GT;
        width = n == '=' ? 2 : 1;
        break;
    case '!':
        if (n != '=')
            return (Token){.kind = TK_BAD};
        k = TK_NE;
        width = 2;
        break;
    case '|':
        if (n != '|')
            return (Token){.kind = TK_BAD};
        k = TK_CONCAT;
        width = 2;
        break;
    default:
        return (Token){.kind = TK_BAD};
    }
    lx->pos += width;
    return make(lx, k, start);
}

/* Can s[0..n) be shown in a message as it is: UTF-8, no control bytes? */
static bool printable(const char *s, uint32_t n)
{
    for (uint32_t i = 0; i < n;) {
        int k = utf8_seq_len((const unsigned char *)s + i, n - i);
        if (k == 0 || (unsigned char)s[i] < 0x20 || s[i] == 0x7f)
            return false;
        i += (uint32_t)k;
    }
    return true;
}

static bool is_typographic_quote(uint32_t cp)
{
    return cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D;
}

/* Text pasted from a word processor: ‘x’ or “x” on one line becomes one
 * string or quoted name, reported once, so the parser goes on normally. */
static bool lex_typographic(Lexer *lx, uint32_t start, Token *out)
{
    const unsigned char *p = (const unsigned char *)lx->src + start;
    bool single = p[2] == 0x98 || p[2] == 0x99;
    uint32_t i = start + 3;
    while (i + 3 <= lx->len && lx->src[i] != '\n') {
        const unsigned char *q = (const unsigned char *)lx->src + i;
        if (q[0] == 0xE2 && q[1] == 0x80 && is_typographic_quote(utf8_decode(q, 3)) && (q[2] <= 0x99) == single)
            break;
        i++;
    }
    if (i + 3 > lx->len || lx->src[i] == '\n')
        return false;
    lx->pos = i + 3;
    *out = make(lx, single ? TK_STRING : TK_QIDENT, start);
    out->flags |= TOKF_BROKEN;
    int n = (int)(i - start - 3);
    const char *body = lx->src + start + 3;
    char q = single ? '\'' : '"';
    Diag *g = diag_error(lx->diags, token_span(*out), "unexpected-character", "%s in typographic quotes",
                         single ? "string" : "quoted name");
    if (n <= 64 && printable(body, (uint32_t)n) && !memchr(body, q, (size_t)n))
        diag_help(lx->diags, g, "write it with ASCII quotes: %c%.*s%c", q, n, body, q);
    else
        diag_help(lx->diags, g, "write it with ASCII quotes: %c...%c", q, q);
    return true;
}

/* Explains one character that starts no token. */
static void report_bad_char(Lexer *lx, Token t, int k)
{
    const unsigned char *p = (const unsigned char *)lx->src + t.byte_off;
    Diags *d = lx->diags;
    if (*p == 0) {
        Diag *g = diag_error(d, token_span(t), "nul-byte", "NUL byte in source");
        diag_help(d, g, "migration files are UTF-8 text; remove the NUL byte");
    } else if (k == 0) {
        Diag *g = diag_error(d, token_span(t), "invalid-utf8", "invalid UTF-8 byte 0x%02x", *p);
        diag_help(d, g, "save the file as UTF-8");
    } else if (*p >= 0x80) {
        uint32_t cp = utf8_decode(p, k);
        Diag *g = diag_error(d, token_span(t), "unexpected-character", "unexpected character '%.*s' (U+%04X)", k,
                             (const char *)p, (unsigned)cp);
        if (is_typographic_quote(cp))
            diag_help(d, g, "this is a typographic quote: write strings as '...' and quoted names as \"...\"");
        else
            diag_help(d, g, "outside quotes only ASCII is allowed; put it inside a string or a quoted name");
    } else if (*p < 0x20 || *p == 0x7f) {
        Diag *g = diag_error(d, token_span(t), "unexpected-character", "unexpected control character 0x%02x", *p);
        diag_help(d, g, "remove it");
    } else {
        Diag *g = diag_error(d, token_span(t), "unexpected-character", "unexpected character '%c'", *p);
        diag_help(d, g, "%s", *p == '!'   ? "write 'not' for negation, and '<>' or '!=' for inequality"
                              : *p == '#' ? "comments are written -- to the end of the line, or /* ... */"
                                          : "remove it, or quote the name or string it belongs to");
    }
}

static Token lex_bad(Lexer *lx, uint32_t start)
{
    const unsigned char *p = (const unsigned char *)lx->src + start;
    int k = utf8_seq_len(p, lx->len - start);
    Token t;
    if (k == 3 && is_typographic_quote(utf8_decode(p, 3)) && lex_typographic(lx, start, &t))
        return t;
    lx->pos += k ? (uint32_t)k : 1;
    t = make(lx, TK_BAD, start);
    t.flags |= TOKF_BROKEN;
    report_bad_char(lx, t, k);
    return t;
}

Token lexer_next(Lexer *lx)
{
    uint32_t before = lx->pos;
    skip_trivia(lx);
    uint16_t space = lx->pos > before || before == 0 ? TOKF_SPACE_BEFORE : 0;
    uint32_t start = lx->pos;
    Token t;
    int c = peek_at(lx, 0);
    if (c < 0) {
        t = make(lx, TK_EOF, start);
    } else if (is_ident_start(c) || foreign_letter_at(lx, start)) {
        t = lex_word(lx, start);
    } else if (is_digit(c)) {
        t = lex_number(lx, start);
    } else if (c == '\'') {
        t = lex_quoted(lx, start, '\'', TK_STRING);
    } else if (c == '"') {
        t = lex_quoted(lx, start, '"', TK_QIDENT);
    } else if (c == '$') {
        t = lex_dollar(lx, start);
    } else {
        t = lex_operator(lx, start, c);
        if (t.kind == TK_BAD)
            t = lex_bad(lx, start);
    }
    t.flags |= space;
    return t;
}
