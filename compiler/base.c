/* base.c: arena, buffers, vectors, the interner and string helpers. */
#include "base.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fatal_oom(void)
{
    fputs("migc: internal error: out of memory\n", stderr);
    exit(3);
}

/* ===================================================================== arena */

struct ArenaChunk {
    ArenaChunk *next;
    size_t cap, used;
    _Alignas(16) unsigned char data[];
};

enum { ARENA_MIN_CHUNK = 256 * 1024, ARENA_ALIGN = 16 };

static size_t align_up(size_t n)
{
    return (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
}

static ArenaChunk *arena_new_chunk(Arena *a, size_t need)
{
    size_t cap = need > ARENA_MIN_CHUNK ? need : ARENA_MIN_CHUNK;
    /* Chunks grow with the arena so that large inputs need few mallocs. */
    if (a->total_bytes / 4 > cap)
        cap = align_up(a->total_bytes / 4);
    ArenaChunk *c = malloc(sizeof(ArenaChunk) + cap);
    if (!c)
        fatal_oom();
    c->cap = cap;
    c->used = 0;
    c->next = a->head;
    a->head = c;
    a->total_bytes += sizeof(ArenaChunk) + cap;
    return c;
}

static void *arena_bump(Arena *a, size_t size)
{
    size = align_up(size ? size : 1);
    ArenaChunk *c = a->head;
    if (!c || c->cap - c->used < size)
        c = arena_new_chunk(a, size);
    void *p = c->data + c->used;
    c->used += size;
    return p;
}

void *arena_alloc(Arena *a, size_t size)
{
    void *p = arena_bump(a, size);
    memset(p, 0, size);
    return p;
}

/* Grows in place when `old` is the newest allocation of the newest chunk,
 * which is the common case for a buffer being appended to. */
void *arena_realloc(Arena *a, void *old, size_t old_size, size_t new_size)
{
    ArenaChunk *c = a->head;
    if (old && c) {
        unsigned char *end = c->data + c->used;
        size_t old_al = align_up(old_size ? old_size : 1);
        if ((unsigned char *)old + old_al == end) {
            size_t start = (size_t)((unsigned char *)old - c->data);
            size_t new_al = align_up(new_size);
            if (start + new_al <= c->cap) {
                c->used = start + new_al;
                return old;
            }
        }
    }
    void *p = arena_bump(a, new_size);
    if (old && old_size)
        memcpy(p, old, old_size < new_size ? old_size : new_size);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t len)
{
    char *p = arena_bump(a, len + 1);
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_vprintf(Arena *a, const char *fmt, va_list ap)
{
    va_list cp;
    va_copy(cp, ap);
    int n = vsnprintf(NULL, 0, fmt, cp);
    va_end(cp);
    if (n < 0)
        n = 0;
    char *p = arena_bump(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = arena_vprintf(a, fmt, ap);
    va_end(ap);
    return p;
}

void arena_free(Arena *a)
{
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->total_bytes = 0;
}

/* ==================================================================== buffer */

void buf_init(Buf *b, Arena *a)
{
    b->arena = a;
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void buf_reserve(Buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    b->data = arena_realloc(b->arena, b->data, b->cap, cap);
    b->cap = cap;
}

void buf_putn(Buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buf_puts(Buf *b, const char *s)
{
    buf_putn(b, s, strlen(s));
}

void buf_putc(Buf *b, char c)
{
    buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

void blank_controls(char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (is_control_byte(s[i]))
            s[i] = ' ';
}

void buf_put_line_text(Buf *b, const char *s)
{
    size_t start = b->len;
    buf_puts(b, s);
    blank_controls(b->data + start, b->len - start);
}

void buf_put_uint(Buf *b, uint64_t v, unsigned min_digits)
{
    char digits[20];
    unsigned n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (; min_digits > n; min_digits--)
        buf_putc(b, '0');
    while (n)
        buf_putc(b, digits[--n]);
}

/* One formatting pass when the text fits the free space (the usual case),
 * a second only when the buffer has to grow. */
void buf_vprintf(Buf *b, const char *fmt, va_list ap)
{
    buf_reserve(b, 64);
    va_list cp;
    va_copy(cp, ap);
    size_t room = b->cap - b->len;
    int n = vsnprintf(b->data + b->len, room, fmt, cp);
    va_end(cp);
    if (n <= 0) {
        b->data[b->len] = '\0';
        return;
    }
    if ((size_t)n >= room) {
        buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
}

void buf_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

void buf_truncate(Buf *b, size_t len)
{
    assert(len <= b->len);
    b->len = len;
    if (b->data)
        b->data[len] = '\0';
}

const char *buf_cstr(Buf *b)
{
    if (!b->data)
        buf_reserve(b, 0);
    b->data[b->len] = '\0';
    return b->data;
}

/* ==================================================================== vector */

void ptrvec_push(Arena *a, PtrVec *v, void *item)
{
    if (v->len == v->cap) {
        uint32_t cap = v->cap ? v->cap * 2 : 4;
        v->items = arena_realloc(a, v->items, sizeof(void *) * v->cap, sizeof(void *) * cap);
        v->cap = cap;
    }
    v->items[v->len++] = item;
}

/* ====================================================================== maps */

static uint32_t slot_of(const NameMap *m, const char *key)
{
    uint32_t i = hash_ptr(key) & (m->cap - 1);
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & (m->cap - 1);
    return i;
}

void *namemap_get(const NameMap *m, const char *key)
{
    if (!m->cap)
        return NULL;
    uint32_t i = slot_of(m, key);
    return m->keys[i] ? m->values[i] : NULL;
}

static void namemap_grow(Arena *a, NameMap *m)
{
    NameMap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->keys = ARENA_ARRAY(a, const char *, m->cap);
    m->values = ARENA_ARRAY(a, void *, m->cap);
    m->used = 0;
    for (uint32_t i = 0; i < old.cap; i++) {
        if (!old.keys[i])
            continue;
        uint32_t j = slot_of(m, old.keys[i]);
        m->keys[j] = old.keys[i];
        m->values[j] = old.values[i];
        m->used++;
    }
}

/* Writes without logging; returns the previous value. */
void *namemap_put(Arena *a, NameMap *m, const char *key, void *value)
{
    if ((m->used + 1) * 4 >= m->cap * 3)
        namemap_grow(a, m);
    uint32_t i = slot_of(m, key);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->used++;
    }
    void *old = m->values[i];
    m->values[i] = value;
    m->live += (value != NULL) - (old != NULL);
    return old;
}

/* ==================================================================== strings */

/* FNV-1a: short keys, good spread, no state. */
uint32_t hash_bytes(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 16777619u;
    }
    return h;
}

uint32_t hash_ptr(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (uint32_t)x;
}

int ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

bool str_eq_ci(const char *a, size_t alen, const char *b)
{
    for (size_t i = 0; i < alen; i++) {
        if (b[i] == '\0' || ascii_lower((unsigned char)a[i]) != ascii_lower((unsigned char)b[i]))
            return false;
    }
    return b[alen] == '\0';
}

bool str_has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

int utf8_seq_len(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0];
    if (c < 0x80)
        return 1;
    int n;
    uint32_t min;
    if ((c & 0xE0) == 0xC0) {
        n = 2;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4;
        min = 0x10000;
    } else {
        return 0;
    }
    if ((size_t)n > avail)
        return 0;
    uint32_t cp = c & (0x7F >> n);
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

size_t utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        int k = utf8_seq_len((const unsigned char *)s + i, n - i);
        i += k ? (size_t)k : 1;
        count++;
    }
    return count;
}

unsigned edit_distance(const char *a, const char *b, unsigned limit)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return limit + 1;
    unsigned row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = (unsigned)j;
    for (size_t i = 1; i <= la; i++) {
        unsigned diag = row[0], best = (unsigned)i;
        row[0] = (unsigned)i;
        for (size_t j = 1; j <= lb; j++) {
            unsigned up = row[j];
            unsigned cost = ascii_lower((unsigned char)a[i - 1]) == ascii_lower((unsigned char)b[j - 1]) ? 0 : 1;
            unsigned v = diag + cost;
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best > limit)
            return limit + 1;
    }
    return row[lb];
}

/* =================================================================== interner */

void interner_init(Interner *in, Arena *a)
{
    in->arena = a;
    in->cap = 1024;
    in->len = 0;
    in->slots = ARENA_ARRAY(a, const char *, in->cap);
    in->hashes = ARENA_ARRAY(a, uint32_t, in->cap);
    in->lens = ARENA_ARRAY(a, uint32_t, in->cap);
}

static void interner_grow(Interner *in)
{
    uint32_t cap = in->cap * 2;
    const char **slots = ARENA_ARRAY(in->arena, const char *, cap);
    uint32_t *hashes = ARENA_ARRAY(in->arena, uint32_t, cap);
    uint32_t *lens = ARENA_ARRAY(in->arena, uint32_t, cap);
    for (uint32_t i = 0; i < in->cap; i++) {
        if (!in->slots[i])
            continue;
        uint32_t j = in->hashes[i] & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = in->slots[i];
        hashes[j] = in->hashes[i];
        lens[j] = in->lens[i];
    }
    in->slots = slots;
    in->hashes = hashes;
    in->lens = lens;
    in->cap = cap;
}

const char *intern(Interner *in, const char *s, size_t len)
{
    if (in->len * 2 >= in->cap)
        interner_grow(in);
    uint32_t h = hash_bytes(s, len);
    uint32_t i = h & (in->cap - 1);
    while (in->slots[i]) {
        const char *t = in->slots[i];
        if (in->hashes[i] == h && in->lens[i] == len && memcmp(t, s, len) == 0)
            return t;
        i = (i + 1) & (in->cap - 1);
    }
    const char *copy = arena_strndup(in->arena, s, len);
    in->slots[i] = copy;
    in->hashes[i] = h;
    in->lens[i] = (uint32_t)len;
    in->len++;
    return copy;
}

const char *intern_cstr(Interner *in, const char *s)
{
    return intern(in, s, strlen(s));
}

const char *intern_folded(Interner *in, const char *s)
{
    size_t n = strlen(s);
    char small[128];
    char *tmp = n < sizeof small ? small : arena_alloc(in->arena, n + 1);
    bool changed = false;
    for (size_t i = 0; i < n; i++) {
        tmp[i] = (char)ascii_lower((unsigned char)s[i]);
        changed |= tmp[i] != s[i];
    }
    return intern(in, changed ? tmp : s, n);
}
