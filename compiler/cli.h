/* cli.h: the migc command line (DESIGN.md section 4). */
#ifndef MIGC_CLI_H
#define MIGC_CLI_H

#include "project.h"

/* Exit codes: the contract with CI scripts. */
enum {
    EXIT_OK = 0,
    EXIT_INPUT_ERRORS = 1, /* diagnostics were printed */
    EXIT_USAGE = 2,
    EXIT_INTERNAL = 3,
};

/* The words after the command, consumed left to right. */
typedef struct Args {
    int argc;
    char **argv;
    int next;
    const char *command;
} Args;

typedef struct Command {
    const char *name;
    const char *synopsis;
    const char *summary;
    const char *details; /* options and notes for COMMAND --help */
    int (*run)(Session *s, Args *args);
} Command;

int cli_main(int argc, char **argv);

/* Helpers for command handlers. */
bool args_done(const Args *a);
const char *args_peek(const Args *a);
const char *args_take(Args *a);
/* `--name VALUE` or `--name=VALUE` (also `-n VALUE` when short is given). */
bool args_option(Args *a, const char *name, const char *short_name, const char **value, int *status);
bool args_flag(Args *a, const char *name, const char *short_name);
/* `--version-table NAME`: the version table for this run, instead of
 * migc.ini's; a bad name sets *status to the usage error. */
bool args_version_table(Session *s, Args *a, int *status);
int usage_error(Session *s, const Args *a, const char *fmt, ...) MIGC_PRINTF(3, 4);

/* Prints the diagnostics and returns the exit code they call for. */
int finish(Session *s);
/* Reads migc.ini (or --config) and the project's migrations. */
/* migc.ini (or --config FILE); false with diagnostics. */
bool load_config(Session *s);
bool load_project(Session *s, Project *p);

/* The project's revision graph; false when errors were reported. */
typedef struct Graph Graph;
typedef struct Replay Replay;
typedef struct RevSet RevSet;
typedef struct Revision Revision;
typedef struct Schema Schema;
bool load_graph(Session *s, Project *p, Graph *g);
bool replay_to(Session *s, Graph *g, const RevSet *to, Replay *rp);
bool resolve_one(Session *s, Graph *g, const char *spec, Revision **out);
void print_portable_schema(Session *s, const Schema *sc, const char *title, Buf *b);
/* A file-name-safe form of a migration message: "add_email_to_users". */
const char *slug_of(Arena *a, const char *message);

/* Command handlers, one file per group. */
int cmd_check(Session *s, Args *a);
int cmd_parse(Session *s, Args *a);
int cmd_heads(Session *s, Args *a);
int cmd_branches(Session *s, Args *a);
int cmd_history(Session *s, Args *a);
int cmd_show(Session *s, Args *a);
int cmd_new(Session *s, Args *a);
int cmd_merge(Session *s, Args *a);
int cmd_graph(Session *s, Args *a);
int cmd_schema(Session *s, Args *a);
int cmd_compile(Session *s, Args *a);
int cmd_lint(Session *s, Args *a);
int cmd_upgrade(Session *s, Args *a);
int cmd_downgrade(Session *s, Args *a);
int cmd_stamp(Session *s, Args *a);

#endif
