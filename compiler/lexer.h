/* lexer.h: tokens of the migc language (DESIGN.md section 2).
 *
 * The lexer is pulled one token at a time; a token is a kind plus a byte
 * range of the source, never a copy.  Keywords are contextual: a bare word
 * is always TK_IDENT and carries the keyword it spells (or KW_NONE), so the
 * parser decides whether `order` or `type` is a keyword or a name. */
#ifndef MIGC_LEXER_H
#define MIGC_LEXER_H

#include "diag.h"

#define TOKEN_KINDS(X)                                                                             \
    X(TK_EOF, "end of file")                                                                       \
    X(TK_IDENT, "identifier")                                                                      \
    X(TK_QIDENT, "quoted identifier")                                                              \
    X(TK_STRING, "string")                                                                         \
    X(TK_INTEGER, "integer")                                                                       \
    X(TK_DECIMAL, "decimal number")                                                                \
    X(TK_RAW, "dollar-quoted SQL")                                                                 \
    X(TK_LPAREN, "'('")                                                                            \
    X(TK_RPAREN, "')'")                                                                            \
    X(TK_LBRACE, "'{'")                                                                            \
    X(TK_RBRACE, "'}'")                                                                            \
    X(TK_COMMA, "','")                                                                             \
    X(TK_SEMI, "';'")                                                                              \
    X(TK_DOT, "'.'")                                                                               \
    X(TK_AT, "'@'")                                                                                \
    X(TK_EQ, "'='")                                                                                \
    X(TK_NE, "'<>'")                                                                               \
    X(TK_LT, "'<'")                                                                                \
    X(TK_LE, "'<='")                                                                               \
    X(TK_GT, "'>'")                                                                                \
    X(TK_GE, "'>='")                                                                               \
    X(TK_PLUS, "'+'")                                                                              \
    X(TK_MINUS, "'-'")                                                                             \
    X(TK_STAR, "'*'")                                                                              \
    X(TK_SLASH, "'/'")                                                                             \
    X(TK_PERCENT, "'%'")                                                                           \
    X(TK_CONCAT, "'||'")                                                                           \
    X(TK_BAD, "invalid character")

typedef enum TokenKind {
#define X(k, s) k,
    TOKEN_KINDS(X)
#undef X
} TokenKind;

/* Every word the grammar gives a meaning to.  None is reserved. */
#define KEYWORDS(X)                                                                                \
    X(KW_ACTION, "action")                                                                         \
    X(KW_ADD, "add")                                                                               \
    X(KW_ADD_COLUMN, "add_column")                                                                 \
    X(KW_ADD_CONSTRAINT, "add_constraint")                                                         \
    X(KW_AFTER, "after")                                                                           \
    X(KW_ALLOW, "allow")                                                                           \
    X(KW_ALTER_COLUMN, "alter_column")                                                             \
    X(KW_ALTER_ENUM, "alter_enum")                                                                 \
    X(KW_AND, "and")                                                                               \
    X(KW_AS, "as")                                                                                 \
    X(KW_BEFORE, "before")                                                                         \
    X(KW_BETWEEN, "between")                                                                       \
    X(KW_BRANCH, "branch")                                                                         \
    X(KW_CASCADE, "cascade")                                                                       \
    X(KW_CAST, "cast")                                                                             \
    X(KW_CHECK, "check")                                                                           \
    X(KW_CONCURRENTLY, "concurrently")                                                             \
    X(KW_CONSTRAINT, "constraint")                                                                 \
    X(KW_CREATE_ENUM, "create_enum")                                                               \
    X(KW_CREATE_INDEX, "create_index")                                                             \
    X(KW_CREATE_TABLE, "create_table")                                                             \
    X(KW_DATA_DELETE, "data_delete")                                                               \
    X(KW_DATA_INSERT, "data_insert")                                                               \
    X(KW_DATA_UPDATE, "data_update")                                                               \
    X(KW_DEFAULT, "default")                                                                       \
    X(KW_DELETE, "delete")                                                                         \
    X(KW_DEPENDS_ON, "depends_on")                                                                 \
    X(KW_DOWNGRADE, "downgrade")                                                                   \
    X(KW_DROP, "drop")                                                                             \
    X(KW_DROP_COLUMN, "drop_column")                                                               \
    X(KW_DROP_CONSTRAINT, "drop_constraint")                                                       \
    X(KW_DROP_ENUM, "drop_enum")                                                                   \
    X(KW_DROP_INDEX, "drop_index")                                                                 \
    X(KW_DROP_TABLE, "drop_table")                                                                 \
    X(KW_EXECUTE, "execute")                                                                       \
    X(KW_FALSE, "false")                                                                           \
    X(KW_FOREIGN, "foreign")                                                                       \
    X(KW_IDENTITY, "identity")                                                                     \
    X(KW_IN, "in")                                                                                 \
    X(KW_IS, "is")                                                                                 \
    X(KW_KEY, "key")                                                                               \
    X(KW_LIKE, "like")                                                                             \
    X(KW_MIGRATION, "migration")                                                                   \
    X(KW_MYSQL, "mysql")                                                                           \
    X(KW_NO, "no")                                                                                 \
    X(KW_NONE, "none")                                                                             \
    X(KW_NOT, "not")                                                                               \
    X(KW_NULL, "null")                                                                             \
    X(KW_ON, "on")                                                                                 \
    X(KW_OR, "or")                                                                                 \
    X(KW_POSTGRESQL, "postgresql")                                                                 \
    X(KW_PRIMARY, "primary")                                                                       \
    X(KW_REFERENCES, "references")                                                                 \
    X(KW_RENAME_COLUMN, "rename_column")                                                           \
    X(KW_RENAME_INDEX, "rename_index")                                                             \
    X(KW_RENAME_TABLE, "rename_table")                                                             \
    X(KW_RESTRICT, "restrict")                                                                     \
    X(KW_REVERSE, "reverse")                                                                       \
    X(KW_REVISES, "revises")                                                                       \
    X(KW_REVISION, "revision")                                                                     \
    X(KW_SET, "set")                                                                               \
    X(KW_SQLITE, "sqlite")                                                                         \
    X(KW_TO, "to")                                                                                 \
    X(KW_TRANSACTION, "transaction")                                                               \
    X(KW_TRUE, "true")                                                                             \
    X(KW_TYPE, "type")                                                                             \
    X(KW_UNIQUE, "unique")                                                                         \
    X(KW_UPDATE, "update")                                                                         \
    X(KW_USING, "using")                                                                           \
    X(KW_VALID, "valid")                                                                           \
    X(KW_VALIDATE_CONSTRAINT, "validate_constraint")                                               \
    X(KW_VALUE, "value")                                                                           \
    X(KW_VALUES, "values")                                                                         \
    X(KW_WHERE, "where")

typedef enum Keyword {
    KW_NONE_ = 0,
#define X(k, s) k,
    KEYWORDS(X)
#undef X
        KW__COUNT
} Keyword;

typedef struct Token {
    uint8_t kind;    /* TokenKind */
    uint8_t kw;      /* Keyword, for TK_IDENT; KW_NONE_ otherwise */
    uint16_t flags;  /* TOKF_* */
    uint32_t file;
    uint32_t byte_off;
    uint32_t byte_len;
    const char *name; /* TK_IDENT: the word, interned (when the lexer has an interner) */
} Token;

enum {
    TOKF_SPACE_BEFORE = 1, /* whitespace or a comment precedes the token */
    TOKF_BROKEN = 2,       /* unterminated or invalid: already reported */
};

typedef struct Lexer {
    const char *src;
    uint32_t len, pos, file;
    Diags *diags;
    Interner *names;          /* optional: intern bare words as they are lexed */
    const NameMap *keywords;  /* folded interned keyword -> Keyword */
} Lexer;

void lexer_init(Lexer *lx, Diags *diags, uint32_t file, const char *src, uint32_t len);
/* With an interner, bare words are interned by the lexer and keywords
 * found by pointer (built once per session by keywords_init). */
void lexer_use_names(Lexer *lx, Interner *names, const NameMap *keywords);
void keywords_init(NameMap *map, Arena *a, Interner *names);
Token lexer_next(Lexer *lx);

const char *token_kind_name(TokenKind k);
const char *keyword_name(Keyword k);
Keyword keyword_lookup(const char *s, size_t len);
Span token_span(Token t);

/* For dollar-quoted raw SQL: where the body starts and how long it is. */
void raw_body(const char *src, Token t, uint32_t *body_off, uint32_t *body_len);

#endif
