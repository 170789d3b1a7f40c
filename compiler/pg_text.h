/* pg_text.h: PostgreSQL text as the SQL linter reads it: tokens found
 * again to point at them, a long text parsed by libpg_query in slices on
 * every core, and the protobuf tree stepped through without unpacking it. */
#ifndef MIGC_PG_TEXT_H
#define MIGC_PG_TEXT_H

#include <pg_query.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The SQL being linted. */
typedef struct SqlSrc {
    const char *text; /* NUL-terminated */
    uint32_t len;
    uint32_t file;
    uint32_t base; /* byte offset of text[0] in the source file */
} SqlSrc;

typedef enum TokKind { TOK_END, TOK_WORD, TOK_QUOTED, TOK_STRING, TOK_NUMBER, TOK_PUNCT } TokKind;

/* A token of the SQL, found again only to point at it: {offset, length}. */
typedef struct Tok {
    TokKind kind;
    uint32_t off, len;
} Tok;

/* A slice is checked whole by PostgreSQL's parser, but only the
 * statements some rule reads are parsed into a tree (building the
 * protobuf tree costs most of the time): they are kept in `kept`, each
 * followed by ';', statement k at kept_at[k] there and at kept_from[k] in
 * the slice.  Node locations in the tree count in `kept`. */
typedef struct Slice {
    uint32_t off, len; /* in the SQL */
    const char *sql;   /* its text, NUL-terminated */
    char *copy;        /* owned copy when the slice is not the SQL's tail */
    PgQuerySplitResult split; /* the syntax check, and where statements are */
    bool split_done;
    char *kept;
    uint32_t *kept_at, *kept_from, n_kept;
    PgQueryProtobufParseResult result; /* of `kept` */
    bool parsed;
} Slice;

/* The syntax error of the slice, or NULL. */
const PgQueryError *slice_error(const Slice *s);

/* Where a location of the slice's tree is in the slice's own text. */
uint32_t slice_offset(const Slice *s, uint32_t location);

typedef struct Parsed {
    Slice *slices;
    uint32_t n;
    atomic_uint next; /* the next slice a parser thread takes */
} Parsed;

/* The protobuf wire format, just enough to step over statements without
 * unpacking them: a field is a varint key (number << 3 | wire type), then
 * a varint (type 0), 8 bytes (1), a varint length and bytes (2), or 4
 * bytes (5). */
typedef struct Wire {
    const uint8_t *p, *end;
} Wire;

typedef struct WireField {
    uint32_t number;
    uint64_t value; /* wire type 0 */
    Wire bytes;     /* wire type 2 */
} WireField;

typedef struct Spill {
    struct Spill *next;
} Spill;

typedef struct Scratch {
    char *block;
    size_t used, cap;
    Spill *spill;
    size_t spilled; /* bytes spilled by the current statement */
} Scratch;

/* ---------------------------------------------------------------- text */

bool sql_is_space(char c);
/* Past blanks and comments from s[i]. */
uint32_t sql_skip_blank(const char *s, uint32_t i, uint32_t end);
/* The token at or after s[i], TOK_END at `end`. */
Tok sql_token_at(const SqlSrc *src, uint32_t i, uint32_t end);
bool sql_tok_is(const SqlSrc *src, Tok t, const char *name);
bool sql_tok_in(const SqlSrc *src, Tok t, const char *const *words); /* NULL-terminated */

/* --------------------------------------------------------------- parse */

/* Parses the whole text; false with the first slice that failed.  The
 * slices without an error are parsed all the same, so the statements
 * around a syntax error can still be read. */
bool pg_parse_sliced(const SqlSrc *src, Parsed *p, const Slice **failed);
void pg_parsed_free(Parsed *p);

/* ---------------------------------------------------------- the tree */

bool wire_next(Wire *w, WireField *f);

/* A protobuf-c allocator: scratch_alloc / scratch_nofree with the Scratch
 * as its data. */
void *scratch_alloc(void *data, size_t size);
void scratch_nofree(void *data, void *p);
void scratch_reset(Scratch *s); /* forgets the last statement */
void scratch_free(Scratch *s);

#endif
