/* diag.c: source registry, line maps, and compiler-style rendering. */
#include "diag.h"

#include <assert.h>
#include <string.h>

/* ================================================================== sources */

void sources_init(SourceMap *sm, Arena *a)
{
    sm->arena = a;
    sm->files = (PtrVec){0};
}

uint32_t source_adopt(SourceMap *sm, const char *path, const char *text, size_t len)
{
    assert(len < SOURCE_MAX_BYTES && text[len] == '\0');
    SourceFile *f = ARENA_NEW(sm->arena, SourceFile);
    f->path = arena_strdup(sm->arena, path);
    f->text = text;
    f->len = (uint32_t)len;
    ptrvec_push(sm->arena, &sm->files, f);
    return sm->files.len - 1;
}

uint32_t source_add(SourceMap *sm, const char *path, const char *text, size_t len)
{
    return source_adopt(sm, path, arena_strndup(sm->arena, text, len), len);
}

SourceFile *source_get(const SourceMap *sm, uint32_t file)
{
    assert(file < sm->files.len);
    return sm->files.items[file];
}

static void build_line_map(Arena *a, SourceFile *f)
{
    uint32_t n = 1;
    for (uint32_t i = 0; i < f->len; i++)
        n += f->text[i] == '\n';
    f->line_starts = ARENA_ARRAY(a, uint32_t, n);
    f->line_starts[0] = 0;
    uint32_t k = 1;
    for (uint32_t i = 0; i < f->len; i++)
        if (f->text[i] == '\n')
            f->line_starts[k++] = i + 1;
    f->n_lines = n;
}

static uint32_t line_index(const SourceFile *f, uint32_t off)
{
    uint32_t lo = 0, hi = f->n_lines;
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (f->line_starts[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static SourceFile *source_with_lines(const SourceMap *sm, uint32_t file)
{
    SourceFile *f = source_get(sm, file);
    if (!f->line_starts)
        build_line_map(sm->arena, f);
    return f;
}

LineCol source_linecol(const SourceMap *sm, uint32_t file, uint32_t byte_off)
{
    SourceFile *f = source_with_lines(sm, file);
    if (byte_off > f->len)
        byte_off = f->len;
    uint32_t li = line_index(f, byte_off);
    uint32_t start = f->line_starts[li];
    return (LineCol){li + 1, (uint32_t)utf8_count(f->text + start, byte_off - start) + 1};
}

Span span_join(Span a, Span b)
{
    if (a.file == NO_FILE)
        return b;
    if (b.file == NO_FILE || b.file != a.file)
        return a;
    uint32_t lo = a.byte_off < b.byte_off ? a.byte_off : b.byte_off;
    uint32_t ae = a.byte_off + a.byte_len, be = b.byte_off + b.byte_len;
    uint32_t hi = ae > be ? ae : be;
    return (Span){a.file, lo, hi - lo};
}

Span span_at(uint32_t file, uint32_t byte_off, uint32_t byte_len)
{
    return (Span){file, byte_off, byte_len};
}

/* ============================================================== diagnostics */

const char *severity_name(Severity s)
{
    switch (s) {
    case SEV_ERROR:
        return "error";
    case SEV_WARNING:
        return "warning";
    case SEV_INFO:
        return "info";
    }
    return "error";
}

void diags_init(Diags *d, Arena *a, SourceMap *sm)
{
    memset(d, 0, sizeof *d);
    d->arena = a;
    d->sources = sm;
    d->max_per_file = 50;
}

/* Past a file's limit, reports land in a scratch Diag that is never shown,
 * so callers need no special case; one final note says so. */
static bool over_file_limit(Diags *d, Span span, Severity sev)
{
    if (span.file == NO_FILE || sev != SEV_ERROR)
        return false;
    SourceFile *f = source_get(d->sources, span.file);
    if (f->suppressed)
        return true;
    if (++f->n_errors <= d->max_per_file)
        return false;
    f->suppressed = true;
    Diag *g = ARENA_NEW(d->arena, Diag);
    g->severity = SEV_ERROR;
    g->code = "too-many-errors";
    g->span = span;
    g->message = arena_printf(d->arena, "too many errors in this file (%u); the rest are not shown",
                              d->max_per_file);
    g->help = "fix the errors above and run migc again";
    ptrvec_push(d->arena, &d->list, g);
    d->n_errors++;
    return true;
}

static Diag *diag_vreport(Diags *d, Severity sev, Span span, const char *code, const char *fmt, va_list ap)
    MIGC_PRINTF(5, 0);

static Diag *diag_vreport(Diags *d, Severity sev, Span span, const char *code, const char *fmt, va_list ap)
{
    if (over_file_limit(d, span, sev)) {
        d->discarded = (Diag){0};
        return &d->discarded;
    }
    Diag *g = ARENA_NEW(d->arena, Diag);
    g->severity = sev;
    g->code = code;
    g->span = span;
    g->message = arena_vprintf(d->arena, fmt, ap);
    ptrvec_push(d->arena, &d->list, g);
    d->n_errors += sev == SEV_ERROR;
    d->n_warnings += sev == SEV_WARNING;
    d->n_infos += sev == SEV_INFO;
    return g;
}

Diag *diag_report(Diags *d, Severity sev, Span span, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Diag *g = diag_vreport(d, sev, span, code, fmt, ap);
    va_end(ap);
    return g;
}

Diag *diag_error(Diags *d, Span span, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Diag *g = diag_vreport(d, SEV_ERROR, span, code, fmt, ap);
    va_end(ap);
    return g;
}

Diag *diag_warning(Diags *d, Span span, const char *code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Diag *g = diag_vreport(d, SEV_WARNING, span, code, fmt, ap);
    va_end(ap);
    return g;
}

void diag_help(Diags *d, Diag *g, const char *fmt, ...)
{
    if (g == &d->discarded)
        return;
    va_list ap;
    va_start(ap, fmt);
    g->help = arena_vprintf(d->arena, fmt, ap);
    va_end(ap);
}

Diag *diags_last(Diags *d)
{
    if (d->list.len == 0) {
        d->discarded = (Diag){0};
        return &d->discarded;
    }
    return d->list.items[d->list.len - 1];
}

void diag_note(Diags *d, Diag *g, Span span, const char *fmt, ...)
{
    if (g == &d->discarded)
        return;
    DiagNote *n = ARENA_NEW(d->arena, DiagNote);
    n->span = span;
    va_list ap;
    va_start(ap, fmt);
    n->message = arena_vprintf(d->arena, fmt, ap);
    va_end(ap);
    ptrvec_push(d->arena, &g->notes, n);
}

/* ================================================================ rendering */

enum { SHOW_MAX_COLS = 160 };

typedef struct Style {
    const char *bold, *red, *yellow, *cyan, *blue, *reset;
} Style;

static Style style_for(bool color)
{
    if (!color)
        return (Style){"", "", "", "", "", ""};
    return (Style){"\033[1m", "\033[1;31m", "\033[1;33m", "\033[1;36m", "\033[1;34m", "\033[0m"};
}

static const char *severity_color(const Style *st, Severity s)
{
    return s == SEV_ERROR ? st->red : s == SEV_WARNING ? st->yellow : st->cyan;
}

/* Prints at most `max_cols` code points of s[0..n), replacing control
 * characters and invalid bytes so the terminal sees only printable text. */
static void put_visible(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        int k = utf8_seq_len((const unsigned char *)s + i, n - i);
        if (c == '\t') {
            fputc('\t', out);
        } else if (k == 0 || c < 0x20 || c == 0x7f) {
            fputc('?', out);
        } else {
            fwrite(s + i, 1, (size_t)k, out);
        }
        i += k ? (size_t)k : 1;
    }
}

/* Byte offset of the code point `cols` code points after `from`. */
static size_t advance_cols(const char *s, size_t from, size_t end, size_t cols)
{
    size_t i = from;
    while (cols-- > 0 && i < end) {
        int k = utf8_seq_len((const unsigned char *)s + i, end - i);
        i += k ? (size_t)k : 1;
    }
    return i;
}

typedef struct LineView {
    size_t start, end;            /* bytes of the shown window */
    bool cut_left, cut_right;     /* window shortened on that side */
    size_t mark_start, mark_cols; /* underline: byte offset, width */
} LineView;

/* Chooses which part of a (possibly 1 MB) line to show around the span. */
static LineView line_view(const SourceFile *f, uint32_t li, Span span)
{
    LineView v;
    size_t ls = f->line_starts[li];
    size_t le = li + 1 < f->n_lines ? f->line_starts[li + 1] - 1 : f->len;
    if (le > ls && f->text[le - 1] == '\r')
        le--;
    size_t so = span.byte_off < ls ? ls : span.byte_off > le ? le : span.byte_off;
    size_t se = span.byte_off + span.byte_len;
    se = se > le ? le : se < so ? so : se;
    size_t lead = utf8_count(f->text + ls, so - ls);
    v.start = ls;
    v.cut_left = false;
    if (lead > SHOW_MAX_COLS / 2) {
        v.start = advance_cols(f->text, ls, so, lead - SHOW_MAX_COLS / 4);
        v.cut_left = true;
    }
    v.end = advance_cols(f->text, v.start, le, SHOW_MAX_COLS);
    v.cut_right = v.end < le;
    v.mark_start = so;
    size_t shown_end = se < v.end ? se : v.end;
    v.mark_cols = utf8_count(f->text + so, shown_end > so ? shown_end - so : 0);
    if (v.mark_cols == 0)
        v.mark_cols = 1;
    return v;
}

static void render_snippet(const Diags *d, Span span, FILE *out, const Style *st, const char *mark_color)
{
    if (span.file == NO_FILE)
        return;
    SourceFile *f = source_with_lines(d->sources, span.file);
    uint32_t li = line_index(f, span.byte_off > f->len ? f->len : span.byte_off);
    LineView v = line_view(f, li, span);
    char num[16];
    int w = snprintf(num, sizeof num, "%u", li + 1);
    fprintf(out, "%s%*s |%s ", st->blue, w + 1, num, st->reset);
    if (v.cut_left)
        fputs("...", out);
    put_visible(out, f->text + v.start, v.end - v.start);
    if (v.cut_right)
        fputs("...", out);
    fprintf(out, "\n%s%*s |%s ", st->blue, w + 1, "", st->reset);
    if (v.cut_left)
        fputs("   ", out);
    /* Tabs are copied so the underline lines up with the text above. */
    for (size_t i = v.start; i < v.mark_start;) {
        int k = utf8_seq_len((const unsigned char *)f->text + i, v.mark_start - i);
        fputc(f->text[i] == '\t' ? '\t' : ' ', out);
        i += k ? (size_t)k : 1;
    }
    fputs(mark_color, out);
    for (size_t i = 0; i < v.mark_cols; i++)
        fputc('^', out);
    fprintf(out, "%s\n", st->reset);
}

static void render_location(const Diags *d, Span span, FILE *out, const Style *st)
{
    if (span.file == NO_FILE) {
        fprintf(out, "%smigc:%s ", st->bold, st->reset);
        return;
    }
    SourceFile *f = source_get(d->sources, span.file);
    LineCol lc = source_linecol(d->sources, span.file, span.byte_off);
    fprintf(out, "%s%s:%u:%u:%s ", st->bold, f->path, lc.line, lc.col, st->reset);
}

void diag_render_one(const Diags *d, const Diag *g, FILE *out, bool color)
{
    Style st = style_for(color);
    const char *sc = severity_color(&st, g->severity);
    render_location(d, g->span, out, &st);
    fprintf(out, "%s%s[%s]:%s %s%s%s\n", sc, severity_name(g->severity), g->code, st.reset, st.bold,
            g->message, st.reset);
    render_snippet(d, g->span, out, &st, sc);
    for (uint32_t i = 0; i < g->notes.len; i++) {
        const DiagNote *n = g->notes.items[i];
        render_location(d, n->span, out, &st);
        fprintf(out, "%snote:%s %s\n", st.cyan, st.reset, n->message);
        render_snippet(d, n->span, out, &st, st.cyan);
    }
    if (g->help)
        fprintf(out, "%shelp:%s %s\n", st.cyan, st.reset, g->help);
}

void diags_render_text(const Diags *d, FILE *out, bool color)
{
    for (uint32_t i = 0; i < d->list.len; i++)
        diag_render_one(d, d->list.items[i], out, color);
}

const char *closest_word(const char *word, const char *const *candidates, size_t n)
{
    size_t len = strlen(word);
    unsigned limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
    const char *best = NULL;
    unsigned best_d = limit + 1;
    for (size_t i = 0; i < n; i++) {
        unsigned dist = edit_distance(word, candidates[i], limit);
        if (dist < best_d) {
            best_d = dist;
            best = candidates[i];
        }
    }
    return best;
}
