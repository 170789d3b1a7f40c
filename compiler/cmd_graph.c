/* cmd_graph.c: the graph commands: heads, branches, history, show, new,
 * merge, and schema (portable text).  Output follows Alembic's, so habits
 * carry over: `<parent> -> <rev> (head), message`. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "fileio.h"
#include "printer.h"
#include "replay.h"

/* ================================================================ loading */

bool load_graph(Session *s, Project *p, Graph *g)
{
    return load_project(s, p) && s->diags.n_errors == 0 &&
           graph_build(g, &p->migrations, &s->arena, &s->names, &s->diags);
}

/* Replays everything `to` needs; false when errors were reported. */
bool replay_to(Session *s, Graph *g, const RevSet *to, Replay *rp)
{
    replay_init(rp, &s->arena, &s->names, &s->diags, &s->config);
    return replay_sequence(rp, replay_sequence_to(g, to), NULL, NULL);
}

bool resolve_one(Session *s, Graph *g, const char *spec, Revision **out)
{
    RevSet set;
    if (!graph_resolve(g, &s->names, spec, NULL, &set, &s->diags))
        return false;
    if (set.len != 1) {
        Diag *d = diag_error(&s->diags, NO_SPAN, "bad-target", "'%s' names %s, not one revision", spec,
                             set.len ? "several revisions" : "base");
        diag_help(&s->diags, d, "name a single revision");
        return false;
    }
    *out = set.items[0];
    return true;
}

/* ============================================================== printing */

static void put_ids(Buf *b, RevList l)
{
    for (uint32_t i = 0; i < l.len; i++)
        buf_printf(b, "%s%s", i ? ", " : "", l.items[i]->id);
}

static void put_marks(Buf *b, const Revision *r)
{
    if (r->label)
        buf_printf(b, " (%s)", r->label);
    if (r->children.len == 0)
        buf_puts(b, " (head)");
    if (r->children.len > 1)
        buf_puts(b, " (branchpoint)");
    if (r->parents.len > 1)
        buf_puts(b, " (mergepoint)");
}

/* `a1b2 -> 3f2a (head), message` */
static void history_line(Buf *b, const Revision *r)
{
    if (r->parents.len)
        put_ids(b, r->parents);
    else
        buf_puts(b, "<base>");
    buf_printf(b, " -> %s", r->id);
    put_marks(b, r);
    buf_printf(b, ", %s\n", r->mig->message ? r->mig->message : "");
}

static void verbose_block(Buf *b, const Revision *r)
{
    buf_printf(b, "Rev: %s", r->id);
    put_marks(b, r);
    buf_puts(b, "\n");
    if (r->parents.len) {
        buf_puts(b, r->parents.len > 1 ? "Merges: " : "Parent: ");
        put_ids(b, r->parents);
        buf_puts(b, "\n");
    } else {
        buf_puts(b, "Parent: <base>\n");
    }
    if (r->deps.len) {
        buf_puts(b, "Also depends on: ");
        put_ids(b, r->deps);
        buf_puts(b, "\n");
    }
    if (r->children.len > 1) {
        buf_puts(b, "Branches into: ");
        put_ids(b, r->children);
        buf_puts(b, "\n");
    }
    if (r->label)
        buf_printf(b, "Branch names: %s\n", r->label);
    buf_printf(b, "Path: %s\n\n    %s\n\n", r->mig->path, r->mig->message ? r->mig->message : "");
}

static int print_and_finish(Session *s, Buf *b)
{
    if (s->diags.n_errors == 0 && b->len)
        fwrite(b->data, 1, b->len, s->out);
    return finish(s);
}

/* ============================================================== commands */

int cmd_heads(Session *s, Args *a)
{
    bool verbose = false;
    while (!args_done(a)) {
        if (args_flag(a, "--verbose", "-v"))
            verbose = true;
        else
            return usage_error(s, a, "unexpected argument '%s'", args_peek(a));
    }
    Project p = {0};
    Graph g;
    Buf b;
    buf_init(&b, &s->arena);
    if (load_graph(s, &p, &g)) {
        for (uint32_t i = 0; i < g.heads.len; i++) {
            if (verbose) {
                verbose_block(&b, g.heads.items[i]);
            } else {
                buf_puts(&b, g.heads.items[i]->id);
                put_marks(&b, g.heads.items[i]);
                buf_puts(&b, "\n");
            }
        }
    }
    return print_and_finish(s, &b);
}

int cmd_branches(Session *s, Args *a)
{
    if (!args_done(a))
        return usage_error(s, a, "unexpected argument '%s'", args_peek(a));
    Project p = {0};
    Graph g;
    Buf b;
    buf_init(&b, &s->arena);
    if (load_graph(s, &p, &g)) {
        for (uint32_t i = 0; i < g.revs.len; i++) {
            const Revision *r = g.revs.items[i];
            if (r->children.len < 2)
                continue;
            buf_printf(&b, "%s", r->id);
            put_marks(&b, r);
            buf_printf(&b, ", %s\n", r->mig->message ? r->mig->message : "");
            for (uint32_t k = 0; k < r->children.len; k++) {
                const Revision *c = r->children.items[k];
                buf_printf(&b, "    -> %s", c->id);
                put_marks(&b, c);
                buf_printf(&b, ", %s\n", c->mig->message ? c->mig->message : "");
            }
        }
    }
    return print_and_finish(s, &b);
}

/* -r FROM:TO selects the revisions after FROM up to TO, FROM included. */
static bool history_range(Session *s, Graph *g, const char *range, uint8_t **keep)
{
    *keep = NULL;
    if (!range)
        return true;
    const char *colon = strchr(range, ':');
    if (!colon) {
        Diag *d = diag_error(&s->diags, NO_SPAN, "usage", "history -r takes a range FROM:TO, got '%s'", range);
        diag_help(&s->diags, d, "e.g. -r base:head, -r a1b2:, -r :head");
        return false;
    }
    const char *from = colon == range ? "base" : arena_strndup(&s->arena, range, (size_t)(colon - range));
    const char *to = colon[1] ? colon + 1 : "heads";
    RevSet f, t;
    if (!graph_resolve(g, &s->names, from, NULL, &f, &s->diags) ||
        !graph_resolve(g, &s->names, to, &f, &t, &s->diags))
        return false;
    uint8_t *below = graph_closure(g, &f), *upto = graph_closure(g, &t);
    for (uint32_t i = 0; i < f.len; i++)
        below[f.items[i]->order] = 0;
    for (uint32_t i = 0; i < g->revs.len; i++)
        upto[i] = upto[i] && !below[i];
    *keep = upto;
    return true;
}

int cmd_history(Session *s, Args *a)
{
    bool verbose = false;
    const char *range = NULL;
    int status = 0;
    while (!args_done(a)) {
        if (args_flag(a, "--verbose", "-v"))
            verbose = true;
        else if (!args_option(a, "--rev-range", "-r", &range, &status))
            return status ? status : usage_error(s, a, "unexpected argument '%s'", args_peek(a));
    }
    Project p = {0};
    Graph g;
    Buf b;
    buf_init(&b, &s->arena);
    uint8_t *keep;
    if (load_graph(s, &p, &g) && history_range(s, &g, range, &keep)) {
        for (uint32_t i = g.revs.len; i-- > 0;) {
            if (keep && !keep[i])
                continue;
            if (verbose)
                verbose_block(&b, g.revs.items[i]);
            else
                history_line(&b, g.revs.items[i]);
        }
    }
    return print_and_finish(s, &b);
}


/* Operations as migc text; with `verdicts`, each one's after it. */
static void print_ops(Buf *b, OpList ops, const Verdict *verdicts)
{
    if (ops.len == 0)
        buf_puts(b, "    -- nothing\n");
    for (uint32_t i = 0; i < ops.len; i++) {
        print_op(b, ops.items[i], 1);
        if (!verdicts)
            continue;
        if (b->len && b->data[b->len - 1] == '\n')
            buf_truncate(b, b->len - 1);
        buf_printf(b, "  -- %s\n", verdict_name(verdicts[i]));
    }
}

int cmd_show(Session *s, Args *a)
{
    const char *spec = args_take(a);
    if (!spec || !args_done(a))
        return usage_error(s, a, spec ? "unexpected argument '%s'" : "which revision?%s", spec ? args_peek(a) : "");
    Project p = {0};
    Graph g;
    Buf b;
    buf_init(&b, &s->arena);
    Revision *r;
    Replay rp;
    if (load_graph(s, &p, &g) && resolve_one(s, &g, spec, &r) &&
        replay_to(s, &g, &(RevSet){&r, 1}, &rp)) {
        RevResult *res = r->result;
        verbose_block(&b, r);
        buf_printf(&b, "Reversibility: %s\n\nUpgrade:\n", verdict_name(res->verdict));
        print_ops(&b, r->mig->ops, res->op_verdicts);
        buf_printf(&b, "\nDowngrade (%s):\n", res->downgrade_given ? "written in the migration" : "derived");
        print_ops(&b, res->downgrade, NULL);
    }
    return print_and_finish(s, &b);
}

/* =========================================================== new & merge */

/* 12 hex digits from the kernel's random source. */
static bool fresh_revision_id(Session *s, const Graph *g, char out[13])
{
    for (int attempt = 0; attempt < 8; attempt++) {
        unsigned char bytes[6];
        int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
        ssize_t n = fd >= 0 ? read(fd, bytes, sizeof bytes) : -1;
        if (fd >= 0)
            close(fd);
        if (n != (ssize_t)sizeof bytes) {
            diag_error(&s->diags, NO_SPAN, "io", "cannot read /dev/urandom for a revision id");
            return false;
        }
        for (int i = 0; i < 6; i++)
            snprintf(out + 2 * i, 3, "%02x", bytes[i]);
        if (!namemap_get(&g->by_id, intern_cstr(&s->names, out)))
            return true;
    }
    return false;
}

const char *slug_of(Arena *a, const char *message)
{
    char *slug = arena_alloc(a, 41);
    size_t n = 0;
    for (const char *c = message; *c && n < 40; c++) {
        char ch = (char)ascii_lower((unsigned char)*c);
        bool alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        if (alnum)
            slug[n++] = ch;
        else if (n > 0 && slug[n - 1] != '_')
            slug[n++] = '_';
    }
    while (n > 0 && slug[n - 1] == '_')
        n--;
    slug[n] = '\0';
    return n ? slug : "migration";
}

static void put_quoted_message(Buf *b, const char *message)
{
    buf_putc(b, '"');
    for (const char *c = message; *c; c++) {
        if (*c == '"')
            buf_putc(b, '"');
        buf_putc(b, *c == '\n' ? ' ' : *c);
    }
    buf_putc(b, '"');
}

typedef struct NewFile {
    const char *message, *rev_id, *branch;
    RevList parents;
} NewFile;

/* YYYYMMDD_HHMMSS_slug.mig in the migrations folder, in UTC. */
static int write_migration(Session *s, const Graph *g, NewFile *nf)
{
    char id[13];
    if (!nf->rev_id) {
        if (!fresh_revision_id(s, g, id))
            return finish(s);
        nf->rev_id = id;
    } else if (namemap_get(&g->by_id, intern_cstr(&s->names, nf->rev_id))) {
        diag_error(&s->diags, NO_SPAN, "duplicate-revision", "revision %s exists already", nf->rev_id);
        return finish(s);
    }
    Buf b;
    buf_init(&b, &s->arena);
    buf_puts(&b, "migration ");
    put_quoted_message(&b, nf->message);
    buf_printf(&b, "\nrevision  %s\nrevises   ", nf->rev_id);
    if (nf->parents.len)
        put_ids(&b, nf->parents);
    else
        buf_puts(&b, "none");
    buf_puts(&b, "\n");
    if (nf->branch)
        buf_printf(&b, "branch    %s\n", nf->branch);
    buf_puts(&b, "\n-- operations, each ending with ';'\n");
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y%m%d_%H%M%S", &tm);
    const char *dir = s->config.migrations_dir;
    const char *path = path_join(&s->arena, dir, arena_printf(&s->arena, "%s_%s.mig", stamp, slug_of(&s->arena, nf->message)));
    int err = make_dirs(dir, &s->arena);
    if (!err && path_exists(path))
        err = EEXIST;
    if (!err)
        err = file_write_atomic(path, b.data, b.len, &s->arena);
    if (err) {
        diag_error(&s->diags, NO_SPAN, "io", "cannot write %s: %s", path, strerror(err));
        return finish(s);
    }
    fprintf(s->out, "created %s (revision %s)\n", path, nf->rev_id);
    return finish(s);
}

static bool valid_label(const char *l)
{
    if (!*l)
        return false;
    for (const char *c = l; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '_' ||
              *c == '-'))
            return false;
    return true;
}

/* The first `migc new` of a project makes its migrations folder. */
static bool migrations_folder_ready(Session *s)
{
    const char *dir = s->config.migrations_dir;
    if (mkdir(dir, 0777) == 0) {
        fprintf(s->out, "created %s/\n", dir);
        return true;
    }
    if (errno == EEXIST)
        return true;
    diag_error(&s->diags, NO_SPAN, "io", "cannot create the migrations folder '%s': %s", dir, strerror(errno));
    return false;
}

int cmd_new(Session *s, Args *a)
{
    NewFile nf = {0};
    const char *head = NULL;
    int status = 0;
    while (!args_done(a)) {
        if (args_option(a, "--head", NULL, &head, &status) || args_option(a, "--branch", NULL, &nf.branch, &status) ||
            args_option(a, "--rev-id", NULL, &nf.rev_id, &status) ||
            args_option(a, "--message", "-m", &nf.message, &status))
            continue;
        if (status)
            return status;
        const char *w = args_take(a);
        if (w[0] == '-' || nf.message)
            return usage_error(s, a, "unexpected argument '%s'", w);
        nf.message = w;
    }
    if (!nf.message || !*nf.message)
        return usage_error(s, a, "say what the migration does: migc new \"add email to users\"");
    if ((nf.rev_id && !valid_label(nf.rev_id)) || (nf.branch && !valid_label(nf.branch)))
        return usage_error(s, a, "revision ids and branch labels are letters, digits, '_' and '-'");
    if (nf.rev_id && strlen(nf.rev_id) > 64)
        return usage_error(s, a, "a revision id has at most 64 characters, what the version table holds");
    Project p = {0};
    Graph g;
    if (!load_config(s) || !migrations_folder_ready(s) || !project_load(s, &p) || s->diags.n_errors ||
        !graph_build(&g, &p.migrations, &s->arena, &s->names, &s->diags))
        return finish(s);
    if (head) {
        RevSet set;
        if (!graph_resolve(&g, &s->names, head, NULL, &set, &s->diags))
            return finish(s);
        nf.parents = (RevList){set.items, set.len};
    } else if (g.heads.len > 1) {
        Diag *d = diag_error(&s->diags, NO_SPAN, "multiple-heads", "the project has %u heads: %s", g.heads.len,
                             revset_describe(&s->arena, &(RevSet){g.heads.items, g.heads.len}));
        diag_help(&s->diags, d, "pick the parent with --head REV, or join the heads first with migc merge heads -m \"merge\"");
        return finish(s);
    } else {
        nf.parents = g.heads;
    }
    return write_migration(s, &g, &nf);
}

/* A revision to merge that another one already descends from joins
 * nothing: Alembic refuses such overlapping revisions too. */
static bool merge_joins_branches(Session *s, const Graph *g, const PtrVec *parents)
{
    for (uint32_t i = 0; i < parents->len; i++) {
        Revision *r = parents->items[i];
        uint8_t *below = graph_closure(g, &(RevSet){&r, 1});
        for (uint32_t j = 0; j < parents->len; j++) {
            const Revision *o = parents->items[j];
            if (j == i || !below[o->order])
                continue;
            Diag *d = diag_error(&s->diags, NO_SPAN, "usage", "%s already descends from %s: merging them joins nothing",
                                 r->id, o->id);
            diag_help(&s->diags, d, "merge heads of different branches (migc heads lists them)");
            return false;
        }
    }
    return true;
}

int cmd_merge(Session *s, Args *a)
{
    NewFile nf = {0};
    int status = 0;
    PtrVec specs = {0};
    while (!args_done(a)) {
        if (args_option(a, "--message", "-m", &nf.message, &status) ||
            args_option(a, "--rev-id", NULL, &nf.rev_id, &status) || args_option(a, "--branch", NULL, &nf.branch, &status))
            continue;
        if (status)
            return status;
        const char *w = args_take(a);
        if (w[0] == '-')
            return usage_error(s, a, "unknown option '%s'", w);
        ptrvec_push(&s->arena, &specs, (void *)w);
    }
    if (!nf.message || !*nf.message)
        return usage_error(s, a, "give the merge a message with -m \"...\"");
    if (specs.len == 0)
        ptrvec_push(&s->arena, &specs, (void *)"heads");
    Project p = {0};
    Graph g;
    if (!load_graph(s, &p, &g))
        return finish(s);
    PtrVec parents = {0};
    for (uint32_t i = 0; i < specs.len; i++) {
        RevSet set;
        if (!graph_resolve(&g, &s->names, specs.items[i], NULL, &set, &s->diags))
            return finish(s);
        for (uint32_t k = 0; k < set.len; k++) {
            bool dup = false;
            for (uint32_t j = 0; j < parents.len; j++)
                dup |= parents.items[j] == set.items[k];
            if (!dup)
                ptrvec_push(&s->arena, &parents, set.items[k]);
        }
    }
    if (parents.len < 2) {
        diag_error(&s->diags, NO_SPAN, "usage", "a merge needs at least two revisions, got %u", parents.len);
        return finish(s);
    }
    if (!merge_joins_branches(s, &g, &parents))
        return finish(s);
    nf.parents = (RevList){(Revision **)parents.items, parents.len};
    return write_migration(s, &g, &nf);
}

/* ========================================================= schema (text) */

static bool printed_before(MTable **done, uint32_t n, const char *name)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcasecmp(done[i]->name, name) == 0)
            return true;
    return false;
}

static bool references_ready(const MTable *t, MTable **done, uint32_t n)
{
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *c = t->constraints[i];
        if (c->kind == CON_FOREIGN_KEY && strcasecmp(c->ref_table.name, t->name) != 0 &&
            !printed_before(done, n, c->ref_table.name))
            return false;
    }
    return true;
}

/* Tables after those they reference; a cycle is broken at the first table
 * by name, its forward references added after every table exists. */
static MTable **dependency_order(Session *s, const Schema *sc, uint32_t *n)
{
    MTable **all = schema_tables_sorted(sc, n);
    MTable **out = ARENA_ARRAY(&s->arena, MTable *, *n + 1);
    uint8_t *used = arena_alloc(&s->arena, *n + 1);
    for (uint32_t k = 0; k < *n; k++) {
        uint32_t pick = *n;
        for (uint32_t i = 0; i < *n && pick == *n; i++)
            if (!used[i] && references_ready(all[i], out, k))
                pick = i;
        for (uint32_t i = 0; i < *n && pick == *n; i++)
            if (!used[i])
                pick = i;
        used[pick] = 1;
        out[k] = all[pick];
    }
    return out;
}

static void print_schema_table(Buf *b, const MTable *t, MTable **done, uint32_t n, PtrVec *deferred, Arena *a)
{
    Op op = {.kind = OPK_CREATE_TABLE};
    op.u.create_table.table = (Ident){t->name, NO_SPAN};
    op.u.create_table.columns = t->columns;
    op.u.create_table.n_columns = t->n_columns;
    PtrVec now = {0};
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        Constraint *c = t->constraints[i];
        bool forward = c->kind == CON_FOREIGN_KEY && strcasecmp(c->ref_table.name, t->name) != 0 &&
                       !printed_before(done, n, c->ref_table.name);
        ptrvec_push(a, forward ? deferred : &now, c);
    }
    op.u.create_table.constraints = (ConstraintList){(Constraint **)now.items, now.len};
    print_op(b, &op, 0);
}

void print_portable_schema(Session *s, const Schema *sc, const char *title, Buf *b)
{
    uint32_t ne, nt;
    MEnum **enums = schema_enums_sorted(sc, &ne);
    MTable **tables = dependency_order(s, sc, &nt);
    buf_printf(b, "-- the schema %s: %u table%s, %u enum%s (replayable: migc check reads it as a migration)\n",
               title, nt, nt == 1 ? "" : "s", ne, ne == 1 ? "" : "s");
    buf_printf(b, "migration \"schema %s\"\nrevision  schema\nrevises   none\n", title);
    for (uint32_t i = 0; i < ne; i++) {
        Op op = {.kind = OPK_CREATE_ENUM};
        op.u.create_enum.name = (Ident){enums[i]->name, NO_SPAN};
        op.u.create_enum.labels.items = enums[i]->labels;
        op.u.create_enum.labels.len = enums[i]->n_labels;
        buf_puts(b, "\n");
        print_op(b, &op, 0);
    }
    PtrVec deferred = {0};
    for (uint32_t i = 0; i < nt; i++) {
        buf_puts(b, "\n");
        print_schema_table(b, tables[i], tables, i, &deferred, &s->arena);
        for (uint32_t k = 0; k < tables[i]->n_indexes; k++) {
            Op op = {.kind = OPK_CREATE_INDEX};
            op.u.create_index.index = tables[i]->indexes[k];
            print_op(b, &op, 0);
        }
    }
    for (uint32_t i = 0; i < deferred.len; i++) {
        Op op = {.kind = OPK_ADD_CONSTRAINT};
        op.u.add_constraint.constraint = deferred.items[i];
        buf_puts(b, i ? "" : "\n");
        print_op(b, &op, 0);
    }
}

/* =========================================================== graph picture */

/* A label inside double quotes: DOT escapes " and \; Mermaid takes an
 * entity for ", and neither wants a raw newline. */
static void put_label(Buf *b, const char *s, bool mermaid)
{
    for (const char *c = s; *c; c++) {
        if (*c == '"')
            buf_puts(b, mermaid ? "#quot;" : "\\\"");
        else if (*c == '\\' && !mermaid)
            buf_puts(b, "\\\\");
        else
            buf_putc(b, *c == '\n' || *c == '\r' ? ' ' : *c);
    }
}

static void graph_dot(Buf *b, const Graph *g)
{
    buf_puts(b, "digraph migc {\n    rankdir=BT;\n    node [shape=box, fontname=\"monospace\"];\n");
    for (uint32_t i = 0; i < g->revs.len; i++) {
        const Revision *r = g->revs.items[i];
        buf_printf(b, "    \"%s\" [label=\"%s", r->id, r->id);
        if (r->label)
            buf_printf(b, " (%s)", r->label);
        buf_puts(b, "\\n");
        put_label(b, r->mig->message ? r->mig->message : "", false);
        buf_printf(b, "\"%s];\n", r->children.len ? "" : ", style=bold");
    }
    for (uint32_t i = 0; i < g->revs.len; i++) {
        const Revision *r = g->revs.items[i];
        for (uint32_t k = 0; k < r->parents.len; k++)
            buf_printf(b, "    \"%s\" -> \"%s\";\n", r->id, r->parents.items[k]->id);
        for (uint32_t k = 0; k < r->deps.len; k++)
            buf_printf(b, "    \"%s\" -> \"%s\" [style=dashed, label=\"depends on\"];\n", r->id, r->deps.items[k]->id);
    }
    buf_puts(b, "}\n");
}

static void graph_mermaid(Buf *b, const Graph *g)
{
    buf_puts(b, "graph BT\n");
    for (uint32_t i = 0; i < g->revs.len; i++) {
        const Revision *r = g->revs.items[i];
        buf_printf(b, "    r%u[\"%s", r->order + 1, r->id);
        if (r->label)
            buf_printf(b, " (%s)", r->label);
        buf_puts(b, ": ");
        put_label(b, r->mig->message ? r->mig->message : "", true);
        buf_puts(b, "\"]\n");
    }
    for (uint32_t i = 0; i < g->revs.len; i++) {
        const Revision *r = g->revs.items[i];
        for (uint32_t k = 0; k < r->parents.len; k++)
            buf_printf(b, "    r%u --> r%u\n", r->parents.items[k]->order + 1, r->order + 1);
        for (uint32_t k = 0; k < r->deps.len; k++)
            buf_printf(b, "    r%u -. depends on .-> r%u\n", r->deps.items[k]->order + 1, r->order + 1);
    }
}

int cmd_graph(Session *s, Args *a)
{
    const char *format = "dot";
    int status = 0;
    while (!args_done(a)) {
        if (args_option(a, "--format", "-f", &format, &status))
            continue;
        return status ? status : usage_error(s, a, "unexpected argument '%s'", args_peek(a));
    }
    if (strcmp(format, "dot") != 0 && strcmp(format, "mermaid") != 0)
        return usage_error(s, a, "--format takes dot or mermaid, not '%s'", format);
    Project p = {0};
    Graph g;
    Buf b;
    buf_init(&b, &s->arena);
    if (load_graph(s, &p, &g)) {
        if (strcmp(format, "dot") == 0)
            graph_dot(&b, &g);
        else
            graph_mermaid(&b, &g);
    }
    return print_and_finish(s, &b);
}
