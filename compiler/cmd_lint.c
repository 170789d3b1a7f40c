/* cmd_lint.c: `migc check` (the CI gate) and `migc lint`. */
#include <string.h>

#include "cli.h"
#include "lint.h"
#include "released.h"
#include "replay.h"
#include "report.h"

static bool parse_format(const char *s, ReportFormat *f)
{
    if (!s || strcmp(s, "text") == 0)
        *f = FORMAT_TEXT;
    else if (strcmp(s, "json") == 0)
        *f = FORMAT_JSON;
    else if (strcmp(s, "sarif") == 0)
        *f = FORMAT_SARIF;
    else
        return false;
    return true;
}

/* Text goes to stderr like a compiler's; JSON and SARIF are the output. */
static int finish_as(Session *s, ReportFormat f)
{
    if (f == FORMAT_TEXT)
        return finish(s);
    if (f == FORMAT_JSON)
        report_json(&s->diags, s->out);
    else
        report_sarif(&s->diags, s->out);
    return s->diags.n_errors ? EXIT_INPUT_ERRORS : EXIT_OK;
}

static void on_lint_op(void *user, const OpEvent *ev)
{
    lint_on_op(user, ev);
}

static void on_lint_end(void *user, const Revision *r, Direction dir)
{
    if (dir == DIR_UP)
        lint_check_allows(user, r->mig);
}

/* Parse, graph, replay with checks and lint: everything but SQL.
 * Returns the number of migrations read. */
static uint32_t check_project(Session *s, Linter *l)
{
    Project p = {0};
    Graph g;
    if (!load_graph(s, &p, &g))
        return p.migrations.len;
    released_check(s, &g);
    linter_init(l, &s->arena, &s->diags, &s->config);
    Replay rp;
    replay_init(&rp, &s->arena, &s->names, &s->diags, &s->config);
    rp.sem.linter = l;
    ReplayHooks hooks = {l, NULL, on_lint_op, on_lint_end};
    replay_sequence(&rp, g.revs, NULL, &hooks);
    return p.migrations.len;
}

static bool take_format(Session *s, Args *a, ReportFormat *f, int *status)
{
    const char *fmt = NULL;
    if (!args_option(a, "--format", "-f", &fmt, status))
        return false;
    if (!parse_format(fmt, f))
        *status = usage_error(s, a, "--format takes text, json or sarif, not '%s'", fmt);
    return true;
}

int cmd_check(Session *s, Args *a)
{
    ReportFormat f = FORMAT_TEXT;
    int status = 0;
    while (!args_done(a)) {
        if (take_format(s, a, &f, &status) && !status)
            continue;
        return status ? status : usage_error(s, a, "unexpected argument '%s'", args_peek(a));
    }
    Linter l = {0};
    uint32_t n = check_project(s, &l);
    int code = finish_as(s, f);
    linter_free(&l);
    if (f == FORMAT_TEXT)
        fprintf(s->out, "checked %u migration%s: %u error%s, %u warning%s\n", n, n == 1 ? "" : "s",
                s->diags.n_errors, s->diags.n_errors == 1 ? "" : "s", s->diags.n_warnings,
                s->diags.n_warnings == 1 ? "" : "s");
    return code;
}

static void print_rules(FILE *out)
{
    for (int i = 0; i < RULE__COUNT; i++) {
        const RuleInfo *r = rule_info((RuleId)i);
        fprintf(out, "%-32s %-8s %s\n%-32s          fix: %s\n", r->name, level_name(r->level), r->why, "", r->fix);
    }
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* .sql files are linted alone; .mig files (or none: the whole project) go
 * through the project, since the model needs every earlier migration. */
int cmd_lint(Session *s, Args *a)
{
    ReportFormat f = FORMAT_TEXT;
    int status = 0;
    PtrVec sql = {0};
    bool mig = false;
    while (!args_done(a)) {
        if (take_format(s, a, &f, &status)) {
            if (status)
                return status;
            continue;
        }
        if (args_flag(a, "--rules", NULL)) {
            print_rules(s->out);
            return EXIT_OK;
        }
        const char *w = args_take(a);
        if (w[0] == '-')
            return usage_error(s, a, "unknown option '%s'", w);
        if (ends_with(w, ".sql"))
            ptrvec_push(&s->arena, &sql, (void *)w);
        else if (ends_with(w, ".mig"))
            mig = true;
        else
            return usage_error(s, a, "lint takes .mig and .sql files, not '%s'", w);
    }
    Linter l = {0};
    if (mig || sql.len == 0) {
        check_project(s, &l);
    } else {
        /* no project to load, but migc.ini's [lint] still applies */
        const char *path = s->config_path ? s->config_path : "migc.ini";
        config_load(&s->config, path, s->config_path != NULL, &s->arena, &s->sources, &s->diags);
        linter_init(&l, &s->arena, &s->diags, &s->config);
        l.dialects = DIALECT_MASK_POSTGRESQL; /* plain SQL files are PostgreSQL */
    }
    for (uint32_t i = 0; i < sql.len; i++) {
        uint32_t file;
        if (session_add_file(s, sql.items[i], &file))
            lint_sql_file(&l, file);
    }
    int code = finish_as(s, f);
    linter_free(&l);
    return code;
}
