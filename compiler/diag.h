/* diag.h: source files, spans and the one diagnostics reporter.
 *
 * Every phase reports through a Diags sink; nothing prints or exits on its
 * own.  Errors are collected so that a file with three mistakes reports
 * three, and rendered at the end as text (JSON and SARIF live in report.c). */
#ifndef MIGC_DIAG_H
#define MIGC_DIAG_H

#include <stdio.h>

#include "base.h"

/* Offsets are bytes; uint32_t bounds a source file at 4 GiB, and
 * source_add() refuses anything near that. */
typedef struct Span {
    uint32_t file; /* index into the SourceMap; NO_FILE for none */
    uint32_t byte_off;
    uint32_t byte_len;
} Span;

#define NO_FILE UINT32_MAX
#define NO_SPAN ((Span){NO_FILE, 0, 0})

typedef struct SourceFile {
    const char *path; /* as shown in diagnostics */
    const char *text; /* NUL-terminated copy of the bytes */
    uint32_t len;
    uint32_t *line_starts; /* built on the first diagnostic that needs it */
    uint32_t n_lines;
    uint32_t n_errors;
    bool suppressed; /* too many errors: the rest are not shown */
} SourceFile;

typedef struct SourceMap {
    Arena *arena;
    PtrVec files; /* SourceFile* */
} SourceMap;

enum { SOURCE_MAX_BYTES = 256u * 1024u * 1024u };

void sources_init(SourceMap *sm, Arena *a);
uint32_t source_add(SourceMap *sm, const char *path, const char *text, size_t len);
/* The same without a copy: `text` (NUL-terminated, in the map's arena)
 * becomes the file's own, as file_read leaves a file it read. */
uint32_t source_adopt(SourceMap *sm, const char *path, const char *text, size_t len);
SourceFile *source_get(const SourceMap *sm, uint32_t file);

typedef struct LineCol {
    uint32_t line; /* 1-based */
    uint32_t col;  /* 1-based, in Unicode code points */
} LineCol;

LineCol source_linecol(const SourceMap *sm, uint32_t file, uint32_t byte_off);
Span span_join(Span a, Span b);
Span span_at(uint32_t file, uint32_t byte_off, uint32_t byte_len);

typedef enum Severity { SEV_ERROR, SEV_WARNING, SEV_INFO } Severity;

const char *severity_name(Severity s);

typedef struct DiagNote {
    Span span;
    const char *message;
} DiagNote;

typedef struct Diag {
    Severity severity;
    const char *code; /* stable kebab-case id: a syntax code or a lint rule */
    Span span;
    const char *message;
    const char *help;
    PtrVec notes; /* DiagNote* */
} Diag;

typedef struct Diags {
    Arena *arena;
    SourceMap *sources;
    PtrVec list; /* Diag*, in the order reported */
    uint32_t n_errors, n_warnings, n_infos;
    uint32_t max_per_file;
    Diag discarded; /* target for reports past a file's limit */
} Diags;

void diags_init(Diags *d, Arena *a, SourceMap *sm);
Diag *diag_report(Diags *d, Severity sev, Span span, const char *code, const char *fmt, ...)
    MIGC_PRINTF(5, 6);
Diag *diag_error(Diags *d, Span span, const char *code, const char *fmt, ...) MIGC_PRINTF(4, 5);
Diag *diag_warning(Diags *d, Span span, const char *code, const char *fmt, ...) MIGC_PRINTF(4, 5);
void diag_help(Diags *d, Diag *diag, const char *fmt, ...) MIGC_PRINTF(3, 4);
void diag_note(Diags *d, Diag *diag, Span span, const char *fmt, ...) MIGC_PRINTF(4, 5);
/* The diagnostic reported last (to add a note to it), or a scratch one. */
Diag *diags_last(Diags *d);

/* Renders every diagnostic as compiler-style text. */
void diags_render_text(const Diags *d, FILE *out, bool color);
void diag_render_one(const Diags *d, const Diag *g, FILE *out, bool color);

/* "did you mean" support: the closest candidate within a small edit
 * distance, or NULL. */
const char *closest_word(const char *word, const char *const *candidates, size_t n);

#endif
