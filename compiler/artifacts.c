/* artifacts.c: `migc compile`: the artifact tree of DESIGN.md section 5.
 *
 *   OUT/manifest.json
 *   OUT/<dialect>/upgrade.sql      base -> heads
 *   OUT/<dialect>/downgrade.sql    heads -> base
 *   OUT/<dialect>/revisions/<n>_<rev>_<slug>.up.sql / .down.sql
 *
 * Everything is built in memory first and written to OUT.tmp-PID, which
 * then replaces OUT with renames: an error anywhere leaves the previous
 * artifacts as they were, and identical input gives identical bytes. */
#include <cJSON.h>
#include <errno.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "compile.h"
#include "fileio.h"
#include "lint.h"

typedef struct OutFile {
    const char *path; /* relative to OUT */
    Buf content;
} OutFile;

typedef struct Artifacts {
    Session *s;
    const Graph *g;
    RevSql **sql;
    PtrVec files; /* OutFile* */
} Artifacts;

static Buf *new_file(Artifacts *a, const char *path)
{
    OutFile *f = ARENA_NEW(&a->s->arena, OutFile);
    f->path = path;
    buf_init(&f->content, &a->s->arena);
    ptrvec_push(&a->s->arena, &a->files, f);
    return &f->content;
}

static void sha256_hex(const char *data, size_t len, char out[65])
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_Digest(data, len, digest, &n, EVP_sha256(), NULL);
    for (unsigned i = 0; i < n && i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
    out[64] = '\0';
}

static const char *revision_file(Artifacts *a, const Revision *r, const char *dir)
{
    int width = 1;
    for (uint32_t n = a->g->revs.len; n >= 10; n /= 10)
        width++;
    return arena_printf(&a->s->arena, "revisions/%0*u_%s_%s.%s.sql", width < 4 ? 4 : width, r->order + 1, r->id,
                        slug_of(&a->s->arena, r->mig->message ? r->mig->message : ""), dir);
}

static Buf *new_parts(Artifacts *a, uint32_t n)
{
    Buf *parts = ARENA_ARRAY(&a->s->arena, Buf, n + 1);
    for (uint32_t i = 0; i < n; i++)
        buf_init(&parts[i], &a->s->arena);
    return parts;
}

/* A revision's file: a header naming its step, then its slice of the bundle. */
static void revision_files(Artifacts *a, const Dialect *d, const Revision *r, const Buf *up, const Buf *down)
{
    Arena *ar = &a->s->arena;
    RevSet before = {r->parents.items, r->parents.len};
    const char *prev = revset_describe(ar, &before);
    BundleSpec u = {d, NULL, DIR_UP, {0}, {0}, arena_printf(ar, "%s -> %s", prev, r->id), false};
    BundleSpec w = {d, NULL, DIR_DOWN, {0}, {0}, arena_printf(ar, "%s -> %s", r->id, prev), false};
    Buf *uf = new_file(a, arena_printf(ar, "%s/%s", d->name, revision_file(a, r, "up")));
    bundle_header(uf, &u);
    buf_putn(uf, up->data, up->len);
    Buf *df = new_file(a, arena_printf(ar, "%s/%s", d->name, revision_file(a, r, "down")));
    bundle_header(df, &w);
    buf_putn(df, down->data, down->len);
}

/* upgrade.sql, downgrade.sql and the revision files, which are their
 * slices: running the revision files in order is running the bundle. */
static void write_dialect(Artifacts *a, const Dialect *d)
{
    const Graph *g = a->g;
    Arena *ar = &a->s->arena;
    uint32_t n = g->revs.len;
    RevSet heads = {g->heads.items, g->heads.len};
    const char *vt = a->s->config.version_table;
    Buf *up_parts = new_parts(a, n), *down_parts = new_parts(a, n);
    const char *range = arena_printf(ar, "base -> %s", revset_describe(ar, &heads));
    BundleSpec up = {d, vt, DIR_UP, g->revs, {0}, range, false};
    bundle_write(new_file(a, arena_printf(ar, "%s/upgrade.sql", d->name)), g, a->sql, &up, up_parts);
    RevList reversed = {ARENA_ARRAY(ar, Revision *, n + 1), n};
    for (uint32_t i = 0; i < n; i++)
        reversed.items[i] = g->revs.items[n - 1 - i];
    const char *back = arena_printf(ar, "%s -> base", revset_describe(ar, &heads));
    BundleSpec down = {d, vt, DIR_DOWN, reversed, heads, back, false};
    bundle_write(new_file(a, arena_printf(ar, "%s/downgrade.sql", d->name)), g, a->sql, &down, down_parts);
    for (uint32_t i = 0; i < n; i++)
        revision_files(a, d, g->revs.items[i], &up_parts[i], &down_parts[n - 1 - i]);
}

/* ============================================================= manifest */

static cJSON *string_array(const RevList *l)
{
    cJSON *arr = cJSON_CreateArray();
    for (uint32_t i = 0; i < l->len; i++)
        cJSON_AddItemToArray(arr, cJSON_CreateString(l->items[i]->id));
    return arr;
}

static cJSON *revision_entry(Artifacts *a, const Revision *r)
{
    cJSON *o = cJSON_CreateObject();
    const RevResult *res = r->result;
    SourceFile *src = source_get(&a->s->sources, r->mig->file);
    char sha[65];
    sha256_hex(src->text, src->len, sha);
    cJSON_AddNumberToObject(o, "order", r->order + 1);
    cJSON_AddStringToObject(o, "revision", r->id);
    cJSON_AddItemToObject(o, "parents", string_array(&r->parents));
    cJSON_AddItemToObject(o, "depends_on", string_array(&r->deps));
    if (r->label)
        cJSON_AddStringToObject(o, "branch", r->label);
    else
        cJSON_AddNullToObject(o, "branch");
    cJSON_AddStringToObject(o, "message", r->mig->message ? r->mig->message : "");
    cJSON_AddStringToObject(o, "source", r->mig->path);
    cJSON_AddStringToObject(o, "source_sha256", sha);
    cJSON_AddBoolToObject(o, "transaction", !r->mig->transaction_none);
    cJSON_AddStringToObject(o, "reversibility", res ? verdict_name(res->verdict) : "unknown");
    cJSON_AddBoolToObject(o, "downgrade_written", res && res->downgrade_given);
    return o;
}

static char *manifest_json(Artifacts *a, unsigned dialects)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "tool", "migc");
    cJSON_AddStringToObject(root, "version", MIGC_VERSION_STRING);
    cJSON_AddStringToObject(root, "version_table", a->s->config.version_table);
    cJSON *ds = cJSON_AddArrayToObject(root, "dialects");
    for (int d = 0; d < DIALECT__COUNT; d++)
        if (dialects & dialect_by_id((DialectId)d)->mask)
            cJSON_AddItemToArray(ds, cJSON_CreateString(dialect_by_id((DialectId)d)->name));
    cJSON_AddItemToObject(root, "heads", string_array(&a->g->heads));
    cJSON *lint = cJSON_AddObjectToObject(root, "diagnostics");
    cJSON_AddNumberToObject(lint, "errors", a->s->diags.n_errors);
    cJSON_AddNumberToObject(lint, "warnings", a->s->diags.n_warnings);
    cJSON_AddNumberToObject(lint, "infos", a->s->diags.n_infos);
    cJSON *revs = cJSON_AddArrayToObject(root, "revisions");
    for (uint32_t i = 0; i < a->g->revs.len; i++)
        cJSON_AddItemToArray(revs, revision_entry(a, a->g->revs.items[i]));
    cJSON *files = cJSON_AddArrayToObject(root, "files");
    for (uint32_t i = 0; i < a->files.len; i++) {
        OutFile *f = a->files.items[i];
        char sha[65];
        sha256_hex(f->content.data ? f->content.data : "", f->content.len, sha);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "path", f->path);
        cJSON_AddStringToObject(o, "sha256", sha);
        cJSON_AddNumberToObject(o, "bytes", (double)f->content.len);
        cJSON_AddItemToArray(files, o);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}

/* ====================================================== atomic replace */

static int remove_tree(const char *path, Arena *a)
{
    PtrVec names = {0};
    if (dir_list(path, "", a, &names) == 0) {
        for (uint32_t i = 0; i < names.len; i++) {
            const char *child = path_join(a, path, names.items[i]);
            if (path_is_dir(child))
                remove_tree(child, a);
            else
                unlink(child);
        }
        return rmdir(path) == 0 ? 0 : errno;
    }
    return unlink(path) == 0 ? 0 : errno;
}

/* OUT may be replaced only when it is ours: absent, empty, or holding a
 * manifest.json that migc wrote. */
static bool replaceable(const char *out, Arena *a)
{
    if (!path_exists(out))
        return true;
    PtrVec names = {0};
    if (dir_list(out, "", a, &names) != 0)
        return false;
    if (names.len == 0)
        return true;
    FileData fd;
    if (file_read(path_join(a, out, "manifest.json"), a, &fd) != 0)
        return false;
    cJSON *m = cJSON_Parse(fd.data);
    const cJSON *tool = cJSON_GetObjectItemCaseSensitive(m, "tool");
    bool ours = cJSON_IsString(tool) && strcmp(tool->valuestring, "migc") == 0;
    cJSON_Delete(m);
    return ours;
}

static int write_tree(Artifacts *a, const char *dir, const char *manifest)
{
    Arena *ar = &a->s->arena;
    int err = make_dirs(dir, ar);
    const char *made = ""; /* files come grouped by folder: make each once */
    for (uint32_t i = 0; !err && i < a->files.len; i++) {
        OutFile *f = a->files.items[i];
        const char *path = path_join(ar, dir, f->path);
        char *parent = arena_strdup(ar, path);
        *strrchr(parent, '/') = '\0';
        if (strcmp(parent, made) != 0) {
            err = make_dirs(parent, ar);
            made = parent;
        }
        if (!err)
            err = file_write(path, f->content.data ? f->content.data : "", f->content.len);
    }
    if (!err)
        err = file_write(path_join(ar, dir, "manifest.json"), manifest, strlen(manifest));
    return err;
}

static int replace_tree(Artifacts *a, const char *out, const char *manifest)
{
    Arena *ar = &a->s->arena;
    const char *tmp = arena_printf(ar, "%s.tmp-%ld", out, (long)getpid());
    const char *old = arena_printf(ar, "%s.old-%ld", out, (long)getpid());
    remove_tree(tmp, ar);
    int err = write_tree(a, tmp, manifest);
    bool had = path_exists(out);
    if (!err && had && rename(out, old) != 0)
        err = errno;
    if (!err && rename(tmp, out) != 0) {
        err = errno;
        if (had)
            rename(old, out);
    }
    if (err)
        remove_tree(tmp, ar);
    else if (had)
        remove_tree(old, ar);
    return err;
}

/* ============================================================= command */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* --stats: where the time goes, for the benchmark. */
typedef struct Stats {
    bool on;
    double start, last;
    const Arena *arena;
} Stats;

static void stat_mark(Stats *st, const char *phase)
{
    if (!st->on)
        return;
    double t = now_ms();
    fprintf(stderr, "  %-34s %8.1f ms %8.1f MiB\n", phase, t - st->last, (double)st->arena->total_bytes / (1 << 20));
    st->last = t;
}

static bool parse_dialects(Session *s, const char *spec, unsigned *mask)
{
    if (!spec || strcmp(spec, "all") == 0) {
        *mask = spec ? DIALECT_MASK_ALL : s->config.dialects;
        return true;
    }
    const Dialect *d = dialect_by_name(spec);
    if (!d)
        return false;
    *mask = d->mask;
    return true;
}

int cmd_compile(Session *s, Args *args)
{
    const char *dialect = NULL, *out = "migc-out";
    int status = 0;
    Stats st = {.arena = &s->arena};
    while (!args_done(args)) {
        if (args_option(args, "--dialect", "-d", &dialect, &status) || args_option(args, "--out", "-o", &out, &status))
            continue;
        if (args_flag(args, "--stats", NULL)) {
            st.on = true;
            st.start = st.last = now_ms();
            continue;
        }
        return status ? status : usage_error(s, args, "unexpected argument '%s'", args_peek(args));
    }
    unsigned mask;
    if (!parse_dialects(s, dialect, &mask))
        return usage_error(s, args, "unknown dialect '%s' (postgresql, sqlite, mysql or all)", dialect);
    Project p = {0};
    Graph g;
    if (!load_graph(s, &p, &g))
        return finish(s);
    stat_mark(&st, "read, parse, graph");
    Artifacts a = {s, &g, NULL, {0}};
    Linter linter;
    linter_init(&linter, &s->arena, &s->diags, &s->config);
    a.sql = compile_sql(s, &g, g.revs, NULL, mask, &linter);
    linter_free(&linter);
    if (!a.sql)
        return finish(s);
    stat_mark(&st, "replay, checks, lint, emit");
    for (int d = 0; d < DIALECT__COUNT; d++)
        if (mask & dialect_by_id((DialectId)d)->mask)
            write_dialect(&a, dialect_by_id((DialectId)d));
    stat_mark(&st, "bundles and revision files");
    if (!replaceable(out, &s->arena)) {
        Diag *e = diag_error(&s->diags, NO_SPAN, "io", "%s exists and was not written by migc compile", out);
        diag_help(&s->diags, e, "choose an empty or new folder with --out");
        return finish(s);
    }
    char *manifest = manifest_json(&a, mask);
    stat_mark(&st, "manifest (SHA-256 of every file)");
    int err = replace_tree(&a, out, manifest);
    free(manifest);
    stat_mark(&st, "write the tree");
    if (err) {
        diag_error(&s->diags, NO_SPAN, "io", "cannot write %s: %s", out, strerror(err));
        return finish(s);
    }
    int code = finish(s);
    stat_mark(&st, "report diagnostics");
    if (st.on)
        fprintf(stderr, "  %-34s %8.1f ms, %.1f MiB of arena\n", "total", now_ms() - st.start,
                (double)s->arena.total_bytes / (1 << 20));
    fprintf(s->out, "compiled %u migration%s for %s into %s/ (%u files)\n", g.revs.len, g.revs.len == 1 ? "" : "s",
            dialect ? dialect : "all dialects", out, a.files.len + 1);
    return code;
}
