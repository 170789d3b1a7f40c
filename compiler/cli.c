/* cli.c: global options, the command table, help and exit codes. */
#include "cli.h"
#include "released.h"

#include "runtime.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const Command commands[] = {
    {"check", "migc check [--format text|json|sarif]",
     "parse, validate and lint every migration: the CI gate",
     "Reads migc.ini and every .mig file of the migrations folder: the revision\n"
     "graph, every operation against the schema model, every downgrade (derived\n"
     "or written) proven to restore the schema, the lint rules, and the files of\n"
     "released migrations against their checksums in migc.sum.  Problems are\n"
     "path:line:col: error[code]: message with the source line and a help line\n"
     "(or JSON, or SARIF 2.1.0).  Exit 0 when there are no errors, 1 when there are.\n",
     cmd_check},
    {"lint", "migc lint [FILE.mig|FILE.sql...] [--format text|json|sarif] [--rules]",
     "lint migrations, or plain PostgreSQL .sql files",
     "Without files, or with .mig files, lints the project (the model needs its\n"
     "whole history).  .sql files are read as PostgreSQL with libpg_query and\n"
     "checked with the same rule ids.  Severities come from [lint] in migc.ini;\n"
     "@allow RULE \"reason\" silences one finding of one operation.  --rules lists\n"
     "the rules.  Exit 1 when a finding has severity error.\n",
     cmd_lint},
    {"new", "migc new \"message\" [--head REV] [--branch LABEL] [--rev-id ID]",
     "write a new migration file whose parent is the current head",
     "Writes migrations/YYYYMMDD_HHMMSS_slug.mig (UTC time) with a fresh random\n"
     "12-hex revision id.  The parent is the single head; with several heads,\n"
     "name one with --head (any revision: a new branch starts there) or merge\n"
     "them first.  --branch gives the new migration a branch label; --rev-id\n"
     "chooses the id.  The first migration of a project makes its folder.\n",
     cmd_new},
    {"release", "migc release [TARGET] [--accept]", "record the released migrations' checksums in migc.sum",
     "Writes migc.sum at the project root: every migration TARGET (default: heads)\n"
     "needs, with the SHA-256 of its file, added to those released before.  From\n"
     "then on check and compile refuse a released migration whose file changed or\n"
     "is gone, since it may already run on some database.  --accept records the\n"
     "current files of changed ones (a harmless edit, such as a comment).  Commit\n"
     "migc.sum with the migrations.\n",
     cmd_release},
    {"heads", "migc heads [-v]", "show the heads of the revision graph",
     "One line per head (revisions no other one revises); -v adds parents, path\n"
     "and message.\n",
     cmd_heads},
    {"branches", "migc branches", "show the branch points of the graph",
     "Each revision with several children, and the revisions that start each branch.\n", cmd_branches},
    {"history", "migc history [-r FROM:TO] [-v]", "list revisions, newest first",
     "As alembic history: PARENT -> REV (head) (branchpoint) (mergepoint), message.\n"
     "-r FROM:TO limits the list (base:head, a1b2:, :head); -v is verbose.\n",
     cmd_history},
    {"show", "migc show REV", "show one revision with its upgrade and downgrade",
     "REV is an id, a unique id prefix, head, LABEL@head, or a relative step such\n"
     "as head-1.  Prints the revision, its reversibility, its operations each with\n"
     "its verdict (lossless, structure-only, irreversible) and its downgrade (the\n"
     "one written in the file, or the one migc derives).\n",
     cmd_show},
    {"merge", "migc merge [REV...] -m \"message\" [--rev-id ID]", "write a migration that joins revisions",
     "Writes a merge migration whose parents are the given revisions (default:\n"
     "all heads).  It has no operations of its own.\n",
     cmd_merge},
    {"graph", "migc graph [--format dot|mermaid]", "draw the revision graph",
     "Prints the revision graph as Graphviz DOT (default; render with dot -Tsvg)\n"
     "or as a Mermaid flowchart: each revision with its message, arrows from\n"
     "parent to child, dashed arrows for depends_on, heads in bold (DOT).\n",
     cmd_graph},
    {"schema", "migc schema [REV...] [--dialect D] [--format text|sql|mermaid|catalog]",
     "print the schema at a revision",
     "Replays the history up to REV (default: all heads; several REVs: all of them\n"
     "applied) and prints the model:\n"
     "  text     migc create_enum / create_table / create_index text, itself a valid\n"
     "           one-migration project (the default);\n"
     "  sql      dialect D's CREATE statements, in an order the engine accepts (the\n"
     "           default with --dialect);\n"
     "  mermaid  an ER diagram: tables, columns, keys, a line per foreign key;\n"
     "  catalog  what dialect D's catalog should show, one fact a line (the engine\n"
     "           tests compare it with the real catalog).\n",
     cmd_schema},
    {"compile", "migc compile [--dialect D|all] [--out DIR] [--version-table NAME] [--stats]",
     "write the SQL artifact tree and its manifest",
     "Compiles every migration for each dialect (migc.ini dialects, or --dialect)\n"
     "into DIR (default migc-out/): DIALECT/upgrade.sql (base to heads),\n"
     "DIALECT/downgrade.sql (heads to base), DIALECT/revisions/N_REV_SLUG.up.sql and\n"
     ".down.sql, and manifest.json with every file's SHA-256.  Nothing is written\n"
     "when there is any error; DIR is replaced as a whole, and only if migc made it.\n"
     "--version-table NAME names the version table (default: migc.ini's).  --stats\n"
     "prints the time of each phase to stderr.\n",
     cmd_compile},
    {"upgrade", "migc upgrade [FROM:]TO --sql [--dialect D] | migc upgrade TO --db FILE [--version-table NAME]",
     "print the upgrade SQL for a range (or apply it to SQLite)",
     "Offline (--sql): the SQL that takes a database from FROM (default base) to TO,\n"
     "as alembic upgrade --sql prints it: per migration a comment, its transaction,\n"
     "its statements and the version-table update.  Targets: head, heads, base, an\n"
     "id or unique prefix, LABEL@head, and relative steps such as +2 or head-1.\n"
     "--version-table NAME: the version table, instead of migc.ini's version_table\n"
     "(e.g. alembic_version).\n",
     cmd_upgrade},
    {"downgrade", "migc downgrade FROM:TO --sql [--dialect D] | migc downgrade TO --db FILE [--version-table NAME]",
     "print the downgrade SQL for a range (or apply it to SQLite)",
     "Offline (--sql): the SQL that takes a database from FROM back to TO, each\n"
     "migration's downgrade in reverse order; a downgrade to base drops the\n"
     "version table too.\n",
     cmd_downgrade},
    {"stamp", "migc stamp [FROM:]TO --sql [--dialect D] | migc stamp TO --db FILE [--version-table NAME]",
     "print the version-table statements that mark a database as at TO",
     "Nothing else runs: the version table is created if needed and its rows\n"
     "moved from FROM (default base) to TO.\n",
     cmd_stamp},
    {"current", "migc current --db FILE [--version-table NAME]", "show the revision(s) a SQLite database is at",
     "Reads the version table of the SQLite database FILE.\n", cmd_current},
    {"verify", "migc verify", "prove every migration round-trips, on an in-memory SQLite",
     "For every migration in replay order, on an in-memory SQLite database with\n"
     "foreign keys on: upgrade, downgrade, compare the schema with the one before,\n"
     "upgrade again and compare again, running the SQL `compile` writes for\n"
     "SQLite.  The first difference is reported with the migration's file.\n",
     cmd_verify},
    {"parse", "migc parse [--dump-ir] FILE...",
     "parse migration files; --dump-ir prints their IR",
     "Parses the given files without reading the project.  With --dump-ir the\n"
     "stable text form of the IR is printed to stdout (used by golden tests).\n",
     cmd_parse},
};

/* ================================================================== args */

bool args_done(const Args *a)
{
    return a->next >= a->argc;
}

const char *args_peek(const Args *a)
{
    return args_done(a) ? NULL : a->argv[a->next];
}

const char *args_take(Args *a)
{
    return args_done(a) ? NULL : a->argv[a->next++];
}

bool args_flag(Args *a, const char *name, const char *short_name)
{
    const char *w = args_peek(a);
    if (!w || !(strcmp(w, name) == 0 || (short_name && strcmp(w, short_name) == 0)))
        return false;
    a->next++;
    return true;
}

bool args_option(Args *a, const char *name, const char *short_name, const char **value, int *status)
{
    const char *w = args_peek(a);
    if (!w)
        return false;
    size_t n = strlen(name);
    if (strncmp(w, name, n) == 0 && w[n] == '=') {
        *value = w + n + 1;
        a->next++;
        return true;
    }
    if (strcmp(w, name) != 0 && !(short_name && strcmp(w, short_name) == 0))
        return false;
    a->next++;
    if (args_done(a)) {
        fprintf(stderr, "migc %s: option %s needs a value\n", a->command ? a->command : "", w);
        *status = EXIT_USAGE;
        return false;
    }
    *value = args_take(a);
    return true;
}

bool args_version_table(Session *s, Args *a, int *status)
{
    const char *name = NULL;
    if (!args_option(a, "--version-table", NULL, &name, status))
        return false;
    const char *why = version_table_problem(name);
    if (why) {
        *status = usage_error(s, a, "--version-table '%s' %s: it needs 1 to 59 bytes, so that its primary key "
                                    "NAME_pkc fits PostgreSQL's 63", name, why);
        return false;
    }
    s->version_table = name;
    return true;
}

int usage_error(Session *s, const Args *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(s->err, "migc%s%s: ", a->command ? " " : "", a->command ? a->command : "");
    vfprintf(s->err, fmt, ap);
    va_end(ap);
    fprintf(s->err, "\nTry 'migc %s--help'.\n", a->command ? arena_printf(&s->arena, "%s ", a->command) : "");
    return EXIT_USAGE;
}

/* ================================================================== help */

static void print_help(FILE *out)
{
    fputs("migc " MIGC_VERSION_STRING ": an offline compiler for database migrations\n\n"
          "usage: migc [-C DIR] [--config FILE] [--color WHEN] COMMAND [ARGS]\n\n"
          "commands:\n",
          out);
    for (size_t i = 0; i < countof(commands); i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\noptions:\n"
          "  -C DIR          run as if started in DIR (the project root)\n"
          "  --config FILE   read FILE instead of migc.ini\n"
          "  --color WHEN    auto (default: on a terminal), always or never\n"
          "  -h, --help      show this help; COMMAND --help shows the command's\n"
          "  --version       print the version\n\n"
          "exit codes: 0 success, 1 errors in the input, 2 bad usage, 3 internal failure\n",
          out);
}

static void print_command_help(const Command *c, FILE *out)
{
    fprintf(out, "usage: %s\n\n%s\n\n%s", c->synopsis, c->summary, c->details);
}

static const Command *find_command(const char *name)
{
    for (size_t i = 0; i < countof(commands); i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int unknown_command(const char *name)
{
    const char *names[countof(commands)];
    for (size_t i = 0; i < countof(commands); i++)
        names[i] = commands[i].name;
    fprintf(stderr, "migc: unknown command '%s'\n", name);
    const char *best = closest_word(name, names, countof(names));
    if (best)
        fprintf(stderr, "help: did you mean '%s'?\n", best);
    else
        fputs("help: run 'migc --help' for the list of commands\n", stderr);
    return EXIT_USAGE;
}

/* ============================================================== sessions */

/* A command line found wrong only once the project is read (a range the
 * command cannot take) is reported like other errors, and exits as bad
 * usage. */
static bool has_usage_error(const Diags *d)
{
    for (uint32_t i = 0; i < d->list.len; i++) {
        const Diag *g = d->list.items[i];
        if (g->severity == SEV_ERROR && strcmp(g->code, "usage") == 0)
            return true;
    }
    return false;
}

int finish(Session *s)
{
    diags_render_text(&s->diags, s->err, s->color);
    fflush(s->err);
    if (!s->diags.n_errors)
        return EXIT_OK;
    return has_usage_error(&s->diags) ? EXIT_USAGE : EXIT_INPUT_ERRORS;
}

bool load_config(Session *s)
{
    const char *path = s->config_path ? s->config_path : "migc.ini";
    bool ok = config_load(&s->config, path, s->config_path != NULL, &s->arena, &s->sources, &s->diags);
    if (s->version_table)
        s->config.version_table = s->version_table;
    return ok;
}

bool load_project(Session *s, Project *p)
{
    return load_config(s) && project_load(s, p);
}

static bool color_wanted(const char *when)
{
    if (strcmp(when, "always") == 0)
        return true;
    if (strcmp(when, "never") == 0)
        return false;
    const char *no = getenv("NO_COLOR");
    return isatty(STDERR_FILENO) && !(no && *no);
}

typedef struct Globals {
    const char *dir, *config, *color;
} Globals;

/* Global options come before the command, as with git -C. */
static int parse_globals(Args *a, Globals *g, bool *done)
{
    int status = EXIT_OK;
    while (!args_done(a)) {
        const char *w = args_peek(a);
        if (strcmp(w, "-h") == 0 || strcmp(w, "--help") == 0) {
            print_help(stdout);
            *done = true;
            return EXIT_OK;
        }
        if (strcmp(w, "--version") == 0) {
            printf("migc %s\n", MIGC_VERSION_STRING);
            *done = true;
            return EXIT_OK;
        }
        if (args_option(a, "-C", NULL, &g->dir, &status) || args_option(a, "--config", NULL, &g->config, &status) ||
            args_option(a, "--color", NULL, &g->color, &status))
            continue;
        if (status)
            return status;
        if (w[0] == '-') {
            fprintf(stderr, "migc: unknown option '%s'\nTry 'migc --help'.\n", w);
            return EXIT_USAGE;
        }
        return EXIT_OK;
    }
    print_help(stderr);
    return EXIT_USAGE;
}

static int run_command(const Command *c, Args *a, const Globals *g)
{
    if (g->dir && chdir(g->dir) != 0) {
        fprintf(stderr, "migc: cannot change to directory '%s': %s\n", g->dir, strerror(errno));
        return EXIT_USAGE;
    }
    /* diagnostics are written in many small pieces: buffer them (stderr is
     * unbuffered by default) and flush once at the end */
    setvbuf(stderr, NULL, _IOFBF, 1 << 16);
    Session s;
    session_init(&s);
    s.config_path = g->config;
    s.color = color_wanted(g->color ? g->color : "auto");
    int status = c->run(&s, a);
    fflush(s.out);
    fflush(stderr);
    if (ferror(s.out)) {
        fprintf(stderr, "migc: error writing output\n");
        status = EXIT_INTERNAL;
    }
    session_free(&s);
    return status;
}

int cli_main(int argc, char **argv)
{
    Args a = {argc, argv, 1, NULL};
    Globals g = {0};
    bool done = false;
    int status = parse_globals(&a, &g, &done);
    if (status || done)
        return status;
    if (g.color && strcmp(g.color, "auto") && strcmp(g.color, "always") && strcmp(g.color, "never")) {
        fprintf(stderr, "migc: --color takes auto, always or never\n");
        return EXIT_USAGE;
    }
    const char *name = args_take(&a);
    const Command *c = find_command(name);
    if (!c)
        return unknown_command(name);
    a.command = c->name;
    for (int i = a.next; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            print_command_help(c, stdout);
            return EXIT_OK;
        }
    }
    return run_command(c, &a, &g);
}
