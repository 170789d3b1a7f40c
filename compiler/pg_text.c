/* pg_text.c: reading PostgreSQL text for the linter (see pg_text.h).
 *
 * A long text is parsed in slices cut after top-level semicolons, on every
 * core, so that the parser's memory (some fifty times the text it is
 * given) stays bounded.  Each slice is checked whole by PostgreSQL's
 * parser, which also says where its statements are; only those a rule
 * reads (DDL, UPDATE, DELETE, transactions) are parsed again into the
 * protobuf tree, whose building costs most of the time: a file of INSERTs
 * is checked at a fraction of the cost.  Positions are byte offsets into
 * the SQL; libpg_query's error cursorpos counts characters. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base.h"
#include "pg_text.h"
/* ================================================================ text */




bool sql_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_word_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (unsigned char)c >= 0x80;
}

static bool is_word_char(char c)
{
    return is_word_start(c) || (c >= '0' && c <= '9') || c == '$';
}

/* Past a nested block comment starting at s[i] = '/'. */
static uint32_t comment_end(const char *s, uint32_t i, uint32_t end)
{
    int depth = 0;
    while (i < end) {
        if (s[i] == '/' && i + 1 < end && s[i + 1] == '*') {
            depth++;
            i += 2;
        } else if (s[i] == '*' && i + 1 < end && s[i + 1] == '/') {
            i += 2;
            if (--depth == 0)
                return i;
        } else {
            i++;
        }
    }
    return end;
}

/* Past whitespace and comments. */
uint32_t sql_skip_blank(const char *s, uint32_t i, uint32_t end)
{
    while (i < end) {
        if (sql_is_space(s[i])) {
            i++;
        } else if (s[i] == '-' && i + 1 < end && s[i + 1] == '-') {
            while (i < end && s[i] != '\n')
                i++;
        } else if (s[i] == '/' && i + 1 < end && s[i + 1] == '*') {
            i = comment_end(s, i, end);
        } else {
            break;
        }
    }
    return i;
}

/* Past a quoted run opened by s[i] = q; a doubled q is one character. */
static uint32_t quoted_end(const char *s, uint32_t i, uint32_t end, char q, bool backslash)
{
    for (i++; i < end; i++) {
        if (backslash && s[i] == '\\') {
            i++;
        } else if (s[i] == q) {
            if (i + 1 < end && s[i + 1] == q)
                i++;
            else
                return i + 1;
        }
    }
    return end;
}

/* Past $tag$ ... $tag$, or past a parameter $1; s[i] = '$'. */
static uint32_t dollar_end(const char *s, uint32_t i, uint32_t end)
{
    uint32_t j = i + 1;
    if (j < end && s[j] >= '0' && s[j] <= '9') {
        while (j < end && s[j] >= '0' && s[j] <= '9')
            j++;
        return j;
    }
    while (j < end && is_word_char(s[j]) && s[j] != '$')
        j++;
    if (j >= end || s[j] != '$')
        return i + 1;
    size_t tag = j + 1 - i;
    const char *close = memmem(s + j + 1, end - (j + 1), s + i, tag);
    return close ? (uint32_t)(close - s) + (uint32_t)tag : end;
}

static uint32_t word_end(const char *s, uint32_t i, uint32_t end)
{
    while (i < end && is_word_char(s[i]))
        i++;
    return i;
}

/* The token at or after byte i (after blanks). */
Tok sql_token_at(const SqlSrc *src, uint32_t i, uint32_t end)
{
    const char *s = src->text;
    i = sql_skip_blank(s, i, end);
    Tok t = {TOK_END, i, 0};
    if (i >= end)
        return t;
    uint32_t j;
    char c = s[i];
    if (c == '\'') {
        t.kind = TOK_STRING, j = quoted_end(s, i, end, '\'', false);
    } else if (c == '"') {
        t.kind = TOK_QUOTED, j = quoted_end(s, i, end, '"', false);
    } else if (c == '$') {
        t.kind = TOK_STRING, j = dollar_end(s, i, end);
    } else if (is_word_start(c)) {
        t.kind = TOK_WORD, j = word_end(s, i, end);
        /* E'...' takes backslash escapes; B'', X'', N'' do not */
        if (j == i + 1 && j < end && s[j] == '\'' && strchr("EeBbXxNn", c))
            t.kind = TOK_STRING, j = quoted_end(s, j, end, '\'', c == 'E' || c == 'e');
    } else if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < end && s[i + 1] >= '0' && s[i + 1] <= '9')) {
        t.kind = TOK_NUMBER;
        for (j = i + 1; j < end && (is_word_char(s[j]) || s[j] == '.');)
            j++;
    } else {
        t.kind = TOK_PUNCT, j = i + 1;
    }
    t.len = j - i;
    return t;
}

/* Whether the token spells `name` as PostgreSQL reads it: an unquoted word
 * folds ASCII letters to lower case; a quoted one is exact, "" being ". */
bool sql_tok_is(const SqlSrc *src, Tok t, const char *name)
{
    const char *s = src->text + t.off;
    size_t n = strlen(name), k = 0;
    if (t.kind == TOK_WORD) {
        if (t.len != n)
            return false;
        for (; k < n; k++)
            if ((char)ascii_lower((unsigned char)s[k]) != name[k])
                return false;
        return true;
    }
    if (t.kind != TOK_QUOTED || t.len < 2)
        return false;
    for (uint32_t i = 1; i + 1 < t.len; i++, k++) {
        if (k >= n || s[i] != name[k])
            return false;
        if (s[i] == '"')
            i++;
    }
    return k == n;
}

bool sql_tok_in(const SqlSrc *src, Tok t, const char *const *words)
{
    for (; *words; words++)
        if (sql_tok_is(src, t, *words))
            return true;
    return false;
}

/* ================================================================ parse */

/* A long text is parsed as slices cut after top-level semicolons, one per
 * thread at a time: libpg_query's memory grows to some fifty times the text
 * it parses, and a slice bounds that. */
enum { SLICE_BYTES = 256 * 1024, MAX_THREADS = 8 };



static void slice_text(const SqlSrc *src, Slice *s)
{
    free(s->copy);
    s->copy = NULL;
    if (s->off + s->len == src->len) {
        s->sql = src->text + s->off;
        return;
    }
    s->copy = malloc(s->len + 1);
    if (!s->copy)
        fatal_oom();
    memcpy(s->copy, src->text + s->off, s->len);
    s->copy[s->len] = '\0';
    s->sql = s->copy;
}

/* Tracks where a semicolon ends a statement: outside parentheses and
 * outside the BEGIN ATOMIC ... END body of a function (CASE ... END nests
 * in it). */
typedef struct Cutter {
    uint32_t depth, atomic;
    bool after_begin;
} Cutter;

static bool cutter_ends(Cutter *c, const SqlSrc *src, Tok t)
{
    char ch = t.kind == TOK_PUNCT ? src->text[t.off] : 0;
    bool begin = false;
    if (ch == '(') {
        c->depth++;
    } else if (ch == ')' && c->depth) {
        c->depth--;
    } else if (t.kind == TOK_WORD) {
        begin = sql_tok_is(src, t, "begin");
        if (c->after_begin && sql_tok_is(src, t, "atomic"))
            c->atomic = 1;
        else if (c->atomic && sql_tok_is(src, t, "case"))
            c->atomic++;
        else if (c->atomic && sql_tok_is(src, t, "end"))
            c->atomic--;
    }
    c->after_begin = begin;
    return ch == ';' && c->depth == 0 && c->atomic == 0;
}

/* Slices of at least SLICE_BYTES (the last one takes any short rest). */
static void cut_slices(const SqlSrc *src, Parsed *p)
{
    uint32_t max = src->len / SLICE_BYTES + 1, start = 0, i = 0;
    p->slices = calloc(max, sizeof *p->slices);
    if (!p->slices)
        fatal_oom();
    p->n = 0;
    Cutter c = {0};
    while (p->n + 1 < max) {
        Tok t = sql_token_at(src, i, src->len);
        if (t.kind == TOK_END)
            break;
        i = t.off + t.len;
        if (cutter_ends(&c, src, t) && i - start >= SLICE_BYTES && src->len - i >= SLICE_BYTES / 2) {
            p->slices[p->n++] = (Slice){.off = start, .len = i - start};
            start = i;
        }
    }
    p->slices[p->n++] = (Slice){.off = start, .len = src->len - start};
    for (uint32_t k = 0; k < p->n; k++)
        slice_text(src, &p->slices[k]);
}

static void slice_clear(Slice *s)
{
    if (s->split_done)
        pg_query_free_split_result(s->split);
    if (s->parsed)
        pg_query_free_protobuf_parse_result(s->result);
    free(s->kept);
    free(s->kept_at);
    free(s->kept_from);
    s->split_done = s->parsed = false;
    s->kept = NULL;
    s->kept_at = s->kept_from = NULL;
    s->n_kept = 0;
}

/* The statements a rule reads begin with these words (UPDATE and DELETE
 * may follow a WITH); INSERT, SELECT, SET, GRANT, COMMENT ... have none. */
static const char *const read_words[] = {"create", "alter", "drop", "update", "delete", "truncate", "with",
                                         "begin", "start", "commit", "end", "rollback", "abort", "prepare", NULL};

static bool read_by_rules(const SqlSrc *src, uint32_t from, uint32_t to)
{
    Tok t = sql_token_at(src, from, to);
    return t.kind == TOK_WORD && sql_tok_in(src, t, read_words);
}

static void *grown(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q)
        fatal_oom();
    return q;
}

/* The statements some rule reads, each followed by ';'. */
static void keep_statements(Slice *s)
{
    SqlSrc src = {s->sql, s->len, 0, 0};
    int n = s->split.n_stmts;
    s->kept = grown(NULL, (size_t)s->len + (size_t)n + 1);
    s->kept_at = grown(NULL, sizeof(uint32_t) * ((size_t)n + 1));
    s->kept_from = grown(NULL, sizeof(uint32_t) * ((size_t)n + 1));
    uint32_t used = 0;
    for (int i = 0; i < n; i++) {
        uint32_t from = (uint32_t)s->split.stmts[i]->stmt_location;
        uint32_t len = s->split.stmts[i]->stmt_len ? (uint32_t)s->split.stmts[i]->stmt_len : s->len - from;
        if (from > s->len || len > s->len - from || !read_by_rules(&src, from, from + len))
            continue;
        s->kept_at[s->n_kept] = used;
        s->kept_from[s->n_kept++] = from;
        memcpy(s->kept + used, s->sql + from, len);
        used += len;
        s->kept[used++] = ';';
    }
    s->kept[used] = '\0';
}

static void parse_slice(Slice *s)
{
    slice_clear(s);
    s->split = pg_query_split_with_parser(s->sql);
    s->split_done = true;
    if (s->split.error)
        return;
    keep_statements(s);
    s->result = pg_query_parse_protobuf(s->kept);
    s->parsed = true;
}

const PgQueryError *slice_error(const Slice *s)
{
    if (s->split_done && s->split.error)
        return s->split.error;
    return s->parsed ? s->result.error : NULL;
}

/* Statements keep their order in `kept`: the last one that starts at or
 * before the location holds it. */
uint32_t slice_offset(const Slice *s, uint32_t location)
{
    uint32_t lo = 0, hi = s->n_kept;
    while (hi - lo > 1) {
        uint32_t mid = (lo + hi) / 2;
        if (s->kept_at[mid] <= location)
            lo = mid;
        else
            hi = mid;
    }
    return s->n_kept ? s->kept_from[lo] + (location - s->kept_at[lo]) : location;
}

/* libpg_query is thread-safe: its memory contexts are per thread, and are
 * released when the thread ends. */
static void *parse_worker(void *arg)
{
    Parsed *p = arg;
    for (uint32_t k; (k = atomic_fetch_add(&p->next, 1)) < p->n;)
        parse_slice(&p->slices[k]);
    return NULL;
}

static void parse_all(Parsed *p)
{
    pthread_t threads[MAX_THREADS];
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    uint32_t n = 0, want = cpus < 1 ? 1 : cpus > MAX_THREADS ? MAX_THREADS : (uint32_t)cpus;
    if (want > p->n)
        want = p->n;
    atomic_init(&p->next, 0);
    while (n + 1 < want && pthread_create(&threads[n], NULL, parse_worker, p) == 0)
        n++;
    parse_worker(p);
    for (uint32_t k = 0; k < n; k++)
        pthread_join(threads[k], NULL);
}

/* A slice that fails to parse is parsed again together with the next one,
 * in case the cut was wrong; if that fails too, the error is real. */
static bool merge_failed(const SqlSrc *src, Parsed *p, uint32_t k)
{
    Slice *s = &p->slices[k], *next = &p->slices[k + 1];
    s->len += next->len;
    slice_text(src, s);
    parse_slice(s);
    slice_clear(next);
    free(next->copy);
    memmove(next, next + 1, (p->n - k - 2) * sizeof *next);
    p->n--;
    return !slice_error(s);
}

/* Parses the SQL; on failure *failed is the slice with the first error
 * (merging shifts only the slices after the one merged into, so the
 * pointer stays good).  The caller frees with pg_parsed_free() either way. */
bool pg_parse_sliced(const SqlSrc *src, Parsed *p, const Slice **failed)
{
    cut_slices(src, p);
    parse_all(p);
    *failed = NULL;
    for (uint32_t k = 0; k < p->n; k++) {
        if (!slice_error(&p->slices[k]))
            continue;
        if (k + 1 < p->n && merge_failed(src, p, k))
            continue;
        if (!*failed)
            *failed = &p->slices[k];
    }
    return *failed == NULL;
}

void pg_parsed_free(Parsed *p)
{
    for (uint32_t k = 0; k < p->n; k++) {
        slice_clear(&p->slices[k]);
        free(p->slices[k].copy);
    }
    free(p->slices);
    p->slices = NULL;
    p->n = 0;
}

/* ===================================================== the packed tree */


static bool wire_varint(Wire *w, uint64_t *v)
{
    uint64_t x = 0;
    for (unsigned shift = 0; shift < 64 && w->p < w->end; shift += 7) {
        uint8_t b = *w->p++;
        x |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80)) {
            *v = x;
            return true;
        }
    }
    return false;
}

static bool wire_skip(Wire *w, uint64_t n)
{
    if (n > (uint64_t)(w->end - w->p))
        return false;
    w->p += n;
    return true;
}

/* The next field; false at the end or on a malformed buffer. */
bool wire_next(Wire *w, WireField *f)
{
    uint64_t key, n;
    if (w->p >= w->end || !wire_varint(w, &key))
        return false;
    f->number = (uint32_t)(key >> 3);
    f->bytes = (Wire){NULL, NULL};
    switch (key & 7) {
    case 0: return wire_varint(w, &f->value);
    case 1: return wire_skip(w, 8);
    case 5: return wire_skip(w, 4);
    case 2:
        if (!wire_varint(w, &n) || n > (uint64_t)(w->end - w->p))
            return false;
        f->bytes = (Wire){w->p, w->p + n};
        w->p += n;
        return true;
    default: return false;
    }
}

/* Unpacked statements live in one block, reused from one statement to the
 * next: protobuf-c allocates through this and frees nothing.  What does
 * not fit spills to malloc until the statement is done, and the block is
 * then grown to fit the next one like it. */

enum { SPILL_HEADER = _Alignof(max_align_t) > sizeof(Spill) ? _Alignof(max_align_t) : sizeof(Spill) };


void *scratch_alloc(void *data, size_t size)
{
    Scratch *s = data;
    size = (size + 15) & ~(size_t)15;
    if (s->used + size <= s->cap) {
        void *p = s->block + s->used;
        s->used += size;
        return p;
    }
    Spill *p = malloc(SPILL_HEADER + size);
    if (!p)
        fatal_oom();
    p->next = s->spill;
    s->spill = p;
    s->spilled += size;
    return (char *)p + SPILL_HEADER;
}

void scratch_nofree(void *data, void *p)
{
    (void)data;
    (void)p;
}

static void scratch_drop_spill(Scratch *s)
{
    while (s->spill) {
        Spill *next = s->spill->next;
        free(s->spill);
        s->spill = next;
    }
}

/* Forgets the last statement. */
void scratch_reset(Scratch *s)
{
    scratch_drop_spill(s);
    if (s->spilled) {
        size_t cap = (s->used + s->spilled) * 2;
        free(s->block);
        s->block = malloc(cap);
        if (!s->block)
            fatal_oom();
        s->cap = cap;
    }
    s->used = 0;
    s->spilled = 0;
}

void scratch_free(Scratch *s)
{
    scratch_drop_spill(s);
    free(s->block);
    memset(s, 0, sizeof *s);
}
