/* project.h: one invocation's state (the "session") and the project it
 * reads: migc.ini and every .mig file of the migrations folder.  The
 * session owns the arena; nothing of it is global. */
#ifndef MIGC_PROJECT_H
#define MIGC_PROJECT_H

#include "config.h"
#include "ir.h"
#include "parser.h"

typedef struct Session {
    Arena arena;
    Interner names;
    SourceMap sources;
    Diags diags;
    Config config;
    NameMap keywords; /* for the lexer: folded keyword -> Keyword */
    const char *config_path; /* --config FILE, or NULL for ./migc.ini */
    const char *version_table; /* a command's --version-table, over migc.ini's; or NULL */
    bool color; /* diagnostics on a terminal */
    FILE *out;  /* results */
    FILE *err;  /* diagnostics */
} Session;

void session_init(Session *s);
void session_free(Session *s);
ParseCtx session_parse_ctx(Session *s);

/* Reads and registers one file; false when it cannot be read (reported). */
bool session_add_file(Session *s, const char *path, uint32_t *file);

/* Registers and parses one file; NULL when it cannot be read (reported). */
Migration *session_parse_file(Session *s, const char *path);

typedef struct Project {
    PtrVec migrations; /* Migration*, in file-name order (order of diagnostics only) */
} Project;

/* Reads every .mig file of the configured folder.  Returns false when the
 * folder cannot be listed (reported); parse errors are in s->diags. */
bool project_load(Session *s, Project *p);

#endif
