/* base.h: memory, strings and small containers shared by every phase.
 *
 * Ownership model: everything that lives for one compilation (tokens, IR,
 * interned names, schema objects, generated SQL) is allocated from one
 * Arena and released at once with arena_free().  Nothing here keeps global
 * state. */
#ifndef MIGC_BASE_H
#define MIGC_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MIGC_VERSION "0.1.0"

#define countof(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define MIGC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define MIGC_NORETURN __attribute__((noreturn))
#else
#define MIGC_PRINTF(f, a)
#define MIGC_NORETURN
#endif

/* Allocation failure is the one condition no phase can report as a
 * diagnostic: it prints one line and exits with the internal-failure code. */
MIGC_NORETURN void fatal_oom(void);

/* ===================================================================== arena */

typedef struct ArenaChunk ArenaChunk;

typedef struct Arena {
    ArenaChunk *head;
    size_t total_bytes; /* bytes obtained from malloc, for the benchmark */
} Arena;

void *arena_alloc(Arena *a, size_t size);               /* zeroed, 16-aligned */
void *arena_realloc(Arena *a, void *old, size_t old_size, size_t new_size);
char *arena_strndup(Arena *a, const char *s, size_t len);
char *arena_strdup(Arena *a, const char *s);
char *arena_printf(Arena *a, const char *fmt, ...) MIGC_PRINTF(2, 3);
char *arena_vprintf(Arena *a, const char *fmt, va_list ap) MIGC_PRINTF(2, 0);
void arena_free(Arena *a);

#define ARENA_NEW(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define ARENA_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

/* ==================================================================== buffer */

/* A growable byte buffer in an arena; the content is always NUL-terminated. */
typedef struct Buf {
    Arena *arena;
    char *data;
    size_t len, cap;
} Buf;

void buf_init(Buf *b, Arena *a);
void buf_reserve(Buf *b, size_t extra);
void buf_putn(Buf *b, const char *s, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, char c);
/* A C0 control character or DEL: a line break, a tab, ... */
static inline bool is_control_byte(char c)
{
    return (unsigned char)c < 0x20 || c == 0x7f;
}
/* Control characters in s[0..n) made spaces. */
void blank_controls(char *s, size_t n);
/* `s` with line breaks and other control characters as spaces: user text
 * (a message, a path, a revision id) inside a one-line SQL comment, where
 * a line break would end the comment and run the rest as SQL. */
void buf_put_line_text(Buf *b, const char *s);
/* v in decimal, zero-padded to at least min_digits: "%0*u" without printf. */
void buf_put_uint(Buf *b, uint64_t v, unsigned min_digits);
void buf_printf(Buf *b, const char *fmt, ...) MIGC_PRINTF(2, 3);
void buf_vprintf(Buf *b, const char *fmt, va_list ap) MIGC_PRINTF(2, 0);
void buf_truncate(Buf *b, size_t len);
const char *buf_cstr(Buf *b);

/* Bytes that live elsewhere, borrowed: output assembled from pieces that
 * are hashed and written in order, never joined into one copy. */
typedef struct Piece {
    const char *data;
    size_t len;
} Piece;

/* ==================================================================== vector */

/* A growable array of pointers in an arena (parsers collect into it, then
 * keep the finished array). */
typedef struct PtrVec {
    void **items;
    uint32_t len, cap;
} PtrVec;

void ptrvec_push(Arena *a, PtrVec *v, void *item);

/* =================================================================== interner */

/* Interned strings compare by pointer.  Every identifier in the IR and the
 * schema model is interned, so name lookups are pointer hashes. */
typedef struct Interner {
    Arena *arena;
    const char **slots;
    uint32_t *hashes;
    uint32_t *lens; /* of each slot's string: compared before its bytes */
    uint32_t cap, len;
} Interner;

void interner_init(Interner *in, Arena *a);
const char *intern(Interner *in, const char *s, size_t len);
const char *intern_cstr(Interner *in, const char *s);
/* ASCII case-folded copy, interned: names that differ only in ASCII case
 * collide on SQLite and MySQL, so the model keys objects by this. */
const char *intern_folded(Interner *in, const char *s);

/* ====================================================================== maps */

/* Open addressing, keyed by pointers (interned names).  A key once
 * inserted stays; a NULL value means absent, so the schema model's undo
 * log never has to delete. */
typedef struct NameMap {
    const char **keys;
    void **values;
    uint32_t cap, used, live;
} NameMap;

void *namemap_get(const NameMap *m, const char *key);
/* Writes without logging (for maps outside the schema); returns the old value. */
void *namemap_put(Arena *a, NameMap *m, const char *key, void *value);

/* ==================================================================== strings */

uint32_t hash_bytes(const void *p, size_t n);
uint32_t hash_ptr(const void *p);
bool str_eq_ci(const char *a, size_t alen, const char *b);
bool str_has_prefix(const char *s, const char *prefix);
int ascii_lower(int c);
/* Number of Unicode code points in s[0..n) (invalid bytes count as one). */
size_t utf8_count(const char *s, size_t n);
/* Length of the valid UTF-8 sequence starting at s (1..4), or 0 if invalid. */
int utf8_seq_len(const unsigned char *s, size_t avail);
/* Damerau-free Levenshtein distance, bounded: returns limit+1 when larger. */
unsigned edit_distance(const char *a, const char *b, unsigned limit);

#endif
