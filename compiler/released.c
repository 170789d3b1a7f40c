/* released.c: migc.sum, the checksums of released migrations (see
 * released.h), and `migc release`, which writes it. */
#include <errno.h>
#include <string.h>

#include "fileio.h"
#include "released.h"

void migration_sha256(Hasher *h, const Session *s, const Migration *m, char out[65])
{
    const SourceFile *f = source_get(&s->sources, m->file);
    Piece text = {f->text, f->len};
    sha256_hex(h, &text, 1, out);
}

/* A Hasher, or an error when libcrypto cannot give one. */
static bool hasher_for(Session *s, Hasher *h)
{
    if (hasher_open(h))
        return true;
    hasher_close(h);
    diag_error(&s->diags, NO_SPAN, "internal", "OpenSSL has no SHA-256");
    return false;
}

/* ================================================================ reading */

typedef struct Entry {
    const char *rev;  /* interned */
    const char *sum;  /* 64 hex digits */
    const char *path; /* as recorded */
    Span span;        /* the line in migc.sum */
    Span sum_span;    /* its checksum */
} Entry;

typedef struct SumFile {
    bool present;
    uint32_t file;
    Entry *entries;
    uint32_t len;
} SumFile;

static bool is_hex64(const char *s, size_t n)
{
    if (n != 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
            return false;
    return true;
}

/* REVISION SHA256 PATH: the path is the rest of the line. */
static bool parse_line(Session *s, SumFile *sf, const char *line, size_t n, uint32_t off, Entry *e)
{
    const char *sp1 = memchr(line, ' ', n);
    const char *sp2 = sp1 ? memchr(sp1 + 1, ' ', (size_t)(line + n - sp1 - 1)) : NULL;
    e->span = (Span){sf->file, off, (uint32_t)n};
    if (!sp1 || !sp2 || sp1 == line || !is_hex64(sp1 + 1, (size_t)(sp2 - sp1 - 1))) {
        Diag *g = diag_error(&s->diags, e->span, "bad-sum-line", "a line of %s is REVISION SHA256 PATH", RELEASED_FILE);
        diag_help(&s->diags, g, "rewrite the file with `migc release`");
        return false;
    }
    e->rev = intern(&s->names, line, (size_t)(sp1 - line));
    e->sum_span = (Span){sf->file, off + (uint32_t)(sp1 + 1 - line), 64};
    e->sum = arena_strndup(&s->arena, sp1 + 1, 64);
    e->path = arena_strndup(&s->arena, sp2 + 1, (size_t)(line + n - sp2 - 1));
    return true;
}

/* Reads migc.sum when there is one; false when it cannot be read or a
 * line is malformed (reported). */
static bool sum_read(Session *s, SumFile *sf)
{
    *sf = (SumFile){0};
    FileData fd;
    int err = file_read(RELEASED_FILE, &s->arena, &fd);
    if (err == ENOENT)
        return true;
    if (err) {
        diag_error(&s->diags, NO_SPAN, "io", "cannot read %s: %s", RELEASED_FILE, strerror(err));
        return false;
    }
    sf->present = true;
    sf->file = source_add(&s->sources, RELEASED_FILE, fd.data, fd.len);
    const char *text = source_get(&s->sources, sf->file)->text;
    size_t len = fd.len, lines = 1;
    for (size_t i = 0; i < len; i++)
        lines += text[i] == '\n';
    sf->entries = ARENA_ARRAY(&s->arena, Entry, lines);
    bool ok = true;
    for (size_t at = 0; at < len;) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t raw = nl ? (size_t)(nl - (text + at)) : len - at, n = raw;
        if (n && text[at + n - 1] == '\r')
            n--;
        if (n && text[at] != '#')
            ok &= parse_line(s, sf, text + at, n, (uint32_t)at, &sf->entries[sf->len++]);
        at += raw + 1;
    }
    return ok;
}

/* ============================================================== checking */

static Revision *revision_of(const Graph *g, const Entry *e)
{
    return namemap_get(&g->by_id, e->rev);
}

bool released_check(Session *s, const Graph *g)
{
    SumFile sf;
    Hasher h;
    if (!sum_read(s, &sf))
        return false;
    if (!sf.len)
        return true;
    if (!hasher_for(s, &h))
        return false;
    bool ok = true;
    for (uint32_t i = 0; i < sf.len; i++) {
        const Entry *e = &sf.entries[i];
        Revision *r = revision_of(g, e);
        if (!r) {
            Diag *d = diag_error(&s->diags, e->span, "released-migration-missing",
                                 "migration %s was released (%s) and is gone", e->rev, e->path);
            diag_help(&s->diags, d, "a released migration may be applied somewhere: bring its file back");
            ok = false;
            continue;
        }
        char sum[65];
        migration_sha256(&h, s, r->mig, sum);
        if (strcmp(sum, e->sum) == 0)
            continue;
        Diag *d = diag_error(&s->diags, r->mig->revision.span, "released-migration-changed",
                             "migration %s was released, and its file has changed since", e->rev);
        diag_note(&s->diags, d, e->sum_span, "released with SHA-256 %.12s..., the file now has %.12s...", e->sum, sum);
        diag_help(&s->diags, d, "undo the edit and write a new migration; if the change is harmless (a comment), "
                                "record it with `migc release --accept`");
        ok = false;
    }
    hasher_close(&h);
    return ok;
}

/* ================================================================ release */

static void put_entry(Buf *b, const char *rev, const char *sum, const char *path)
{
    buf_puts(b, rev);
    buf_putc(b, ' ');
    buf_puts(b, sum);
    buf_putc(b, ' ');
    buf_puts(b, path);
    buf_putc(b, '\n');
}

/* What migc.sum says of `r`, or NULL. */
static const Entry *entry_of(const SumFile *sf, const Revision *r)
{
    for (uint32_t i = 0; i < sf->len; i++)
        if (sf->entries[i].rev == r->id)
            return &sf->entries[i];
    return NULL;
}

/* Every revision of the graph that is released now or was before, in
 * replay order; entries for revisions the graph lacks stay at the end. */
static void sum_compose(Session *s, Hasher *h, const Graph *g, const SumFile *sf, const uint8_t *release, Buf *b)
{
    buf_puts(b, "# " RELEASED_FILE ": the released migrations and the SHA-256 of their files.\n"
                "# Written by `migc release`; `migc check` fails when a released file changes.\n");
    for (uint32_t i = 0; i < g->revs.len; i++) {
        const Revision *r = g->revs.items[i];
        const Entry *e = entry_of(sf, r);
        if (!e && !release[i])
            continue;
        char sum[65];
        migration_sha256(h, s, r->mig, sum);
        put_entry(b, r->id, sum, r->mig->path);
    }
    for (uint32_t i = 0; i < sf->len; i++)
        if (!revision_of(g, &sf->entries[i]))
            put_entry(b, sf->entries[i].rev, sf->entries[i].sum, sf->entries[i].path);
}

static uint32_t count_new(const Graph *g, const SumFile *sf, const uint8_t *release)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < g->revs.len; i++)
        n += release[i] && !entry_of(sf, g->revs.items[i]);
    return n;
}

int cmd_release(Session *s, Args *a)
{
    bool accept = false;
    const char *target = NULL;
    while (!args_done(a)) {
        if (args_flag(a, "--accept", NULL)) {
            accept = true;
            continue;
        }
        const char *w = args_take(a);
        if (w[0] == '-' || target)
            return usage_error(s, a, "unexpected argument '%s'", w);
        target = w;
    }
    Project p = {0};
    Graph g;
    RevSet to;
    if (!load_graph(s, &p, &g) || !graph_resolve(&g, &s->names, target ? target : "heads", NULL, &to, &s->diags))
        return finish(s);
    if (!accept && !released_check(s, &g))
        return finish(s);
    SumFile sf;
    if (!sum_read(s, &sf))
        return finish(s);
    Hasher h;
    if (!hasher_for(s, &h))
        return finish(s);
    uint8_t *release = graph_closure(&g, &to);
    Buf b;
    buf_init(&b, &s->arena);
    sum_compose(s, &h, &g, &sf, release, &b);
    hasher_close(&h);
    int err = file_write_atomic(RELEASED_FILE, b.data, b.len, &s->arena);
    if (err) {
        diag_error(&s->diags, NO_SPAN, "io", "cannot write %s: %s", RELEASED_FILE, strerror(err));
        return finish(s);
    }
    fprintf(s->out, "released %u migration%s more: %s lists them\n", count_new(&g, &sf, release),
            count_new(&g, &sf, release) == 1 ? "" : "s", RELEASED_FILE);
    return finish(s);
}
