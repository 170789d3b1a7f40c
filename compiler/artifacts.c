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
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "checksum.h"
#include "cli.h"
#include "compile.h"
#include "fileio.h"
#include "lint.h"
#include "released.h"

/* A file is a list of pieces of text that lives elsewhere (its header, the
 * bundle's own text, the emitted SQL): hashed and written in order. */
typedef struct OutFile {
    const char *path; /* relative to OUT */
    const Piece *pieces;
    uint32_t n_pieces;
    size_t len;
} OutFile;

/* What a revision's files are called and the step their titles name, the
 * same in every dialect: made once (all_rev_names). */
typedef struct RevNames {
    const char *stem;     /* revisions/<n>_<rev>_<slug> */
    const char *up, *down; /* "<parents> -> <rev>", "<rev> -> <parents>" */
} RevNames;

typedef struct Artifacts {
    Session *s;
    const Graph *g;
    RevSql **sql;
    PtrVec files; /* OutFile* */
    Buf scratch;  /* each header or name is written here, then kept at its exact size */
    RevNames *names; /* per revision order */
} Artifacts;

static void new_file(Artifacts *a, const char *path, const Piece *pieces, uint32_t n)
{
    OutFile *f = ARENA_NEW(&a->s->arena, OutFile);
    f->path = path;
    f->pieces = pieces;
    f->n_pieces = n;
    for (uint32_t i = 0; i < n; i++)
        f->len += pieces[i].len;
    ptrvec_push(&a->s->arena, &a->files, f);
}

static Piece keep_scratch(Artifacts *a)
{
    Piece s = {arena_strndup(&a->s->arena, a->scratch.data ? a->scratch.data : "", a->scratch.len), a->scratch.len};
    buf_truncate(&a->scratch, 0);
    return s;
}

static const char *keep_scratch_string(Artifacts *a)
{
    return keep_scratch(a).data;
}

/* A revision id in a file name: a quoted id may hold '/', '..' or spaces,
 * which must not make folders or leave the tree; the order number in
 * front keeps names apart when two ids map alike. */
static void put_file_word(Buf *b, const char *id)
{
    for (const char *c = id; *c; c++) {
        bool plain = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') || *c == '-';
        buf_putc(b, plain ? *c : '_');
    }
}

/* Plain appends: printf was the largest cost of naming 60,000 files. */
static void rev_names(Artifacts *a, const Revision *r, unsigned width, RevNames *out)
{
    Arena *ar = &a->s->arena;
    Buf *b = &a->scratch;
    buf_puts(b, "revisions/");
    buf_put_uint(b, r->order + 1, width);
    buf_putc(b, '_');
    put_file_word(b, r->id);
    buf_putc(b, '_');
    buf_puts(b, slug_of(ar, r->mig->message ? r->mig->message : ""));
    out->stem = keep_scratch_string(a);
    RevSet before = {r->parents.items, r->parents.len};
    const char *prev = revset_describe(ar, &before);
    buf_puts(b, prev);
    buf_puts(b, " -> ");
    buf_puts(b, r->id);
    out->up = keep_scratch_string(a);
    buf_puts(b, r->id);
    buf_puts(b, " -> ");
    buf_puts(b, prev);
    out->down = keep_scratch_string(a);
}

static RevNames *all_rev_names(Artifacts *a)
{
    uint32_t n = a->g->revs.len;
    unsigned width = 1;
    for (uint32_t k = n; k >= 10; k /= 10)
        width++;
    RevNames *names = ARENA_ARRAY(&a->s->arena, RevNames, n + 1);
    for (uint32_t i = 0; i < n; i++) {
        const Revision *r = a->g->revs.items[i];
        rev_names(a, r, width < 4 ? 4 : width, &names[r->order]);
    }
    return names;
}

/* <dialect>/revisions/<n>_<rev>_<slug>.<up|down>.sql */
static const char *revision_path(Artifacts *a, const Dialect *d, const Revision *r, Direction dir)
{
    Buf *b = &a->scratch;
    buf_puts(b, d->name);
    buf_putc(b, '/');
    buf_puts(b, a->names[r->order].stem);
    buf_puts(b, dir == DIR_UP ? ".up.sql" : ".down.sql");
    return keep_scratch_string(a);
}

static void bundle_file(Artifacts *a, const BundleSpec *spec, const char *name, Sections *secs)
{
    Arena *ar = &a->s->arena;
    sections_init(secs, ar, spec->revs.len);
    bundle_write(&a->scratch, a->g, a->sql, spec, secs);
    new_file(a, arena_printf(ar, "%s/%s", spec->d->name, name), secs->pieces, secs->at[spec->revs.len]);
}

/* A revision's file: its header (a title naming its step, then the
 * dialect's preamble, shared), then section i of the bundle. */
static void revision_file_of(Artifacts *a, const Revision *r, const BundleSpec *spec, Piece preamble,
                             const Sections *secs, uint32_t i)
{
    Arena *ar = &a->s->arena;
    uint32_t n = secs->at[i + 1] - secs->at[i];
    Piece *pieces = ARENA_ARRAY(ar, Piece, n + 2);
    bundle_title(&a->scratch, spec);
    pieces[0] = keep_scratch(a);
    pieces[1] = preamble;
    memcpy(pieces + 2, secs->pieces + secs->at[i], sizeof(Piece) * n);
    new_file(a, revision_path(a, spec->d, r, spec->dir), pieces, n + 2);
}

/* Revision i of the graph: section i of the upgrade, n-1-i of the downgrade. */
static void revision_files(Artifacts *a, const Dialect *d, uint32_t i, Piece preamble, const Sections *up,
                           const Sections *down)
{
    uint32_t n = a->g->revs.len;
    const Revision *r = a->g->revs.items[i];
    const RevNames *names = &a->names[r->order];
    BundleSpec u = {d, NULL, DIR_UP, {0}, {0}, names->up, false};
    BundleSpec w = {d, NULL, DIR_DOWN, {0}, {0}, names->down, false};
    revision_file_of(a, r, &u, preamble, up, i);
    revision_file_of(a, r, &w, preamble, down, n - 1 - i);
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
    const char *range = arena_printf(ar, "base -> %s", revset_describe(ar, &heads));
    BundleSpec up = {d, vt, DIR_UP, g->revs, {0}, range, false};
    Sections up_secs, down_secs;
    bundle_file(a, &up, "upgrade.sql", &up_secs);
    RevList reversed = {ARENA_ARRAY(ar, Revision *, n + 1), n};
    for (uint32_t i = 0; i < n; i++)
        reversed.items[i] = g->revs.items[n - 1 - i];
    const char *back = arena_printf(ar, "%s -> base", revset_describe(ar, &heads));
    BundleSpec down = {d, vt, DIR_DOWN, reversed, heads, back, false};
    bundle_file(a, &down, "downgrade.sql", &down_secs);
    bundle_preamble(&a->scratch, d);
    Piece preamble = keep_scratch(a);
    for (uint32_t i = 0; i < n; i++)
        revision_files(a, d, i, preamble, &up_secs, &down_secs);
}

/* ============================================================= manifest */

/* Keys are literals and values live in the arena until the text is
 * printed, so cJSON need copy neither: 70,000 entries for a large tree. */
static void put_string(cJSON *o, const char *key, const char *value)
{
    cJSON_AddItemToObjectCS(o, key, cJSON_CreateStringReference(value));
}

/* Counts are whole numbers: written as raw digits, since cJSON prints a
 * number with "%1.15g" and reads it back to check it, 60,000 times here. */
static void put_number(cJSON *o, const char *key, uint64_t value)
{
    char digits[24];
    size_t n = sizeof digits;
    digits[--n] = '\0';
    do {
        digits[--n] = (char)('0' + value % 10);
        value /= 10;
    } while (value);
    cJSON_AddItemToObjectCS(o, key, cJSON_CreateRaw(digits + n));
}

static const char *sha256_of(Artifacts *a, Hasher *h, const Piece *pieces, uint32_t n)
{
    char *sha = arena_alloc(&a->s->arena, 65);
    sha256_hex(h, pieces, n, sha);
    return sha;
}

static cJSON *string_array(const RevList *l)
{
    cJSON *arr = cJSON_CreateArray();
    for (uint32_t i = 0; i < l->len; i++)
        cJSON_AddItemToArray(arr, cJSON_CreateStringReference(l->items[i]->id));
    return arr;
}

/* Findings per source file and severity, counted once for the manifest. */
typedef uint32_t FileCounts[3];

static FileCounts *findings_by_file(Artifacts *a)
{
    const Session *s = a->s;
    uint32_t n = s->sources.files.len;
    FileCounts *c = ARENA_ARRAY(&a->s->arena, FileCounts, n + 1);
    memset(c, 0, sizeof(FileCounts) * (n + 1));
    for (uint32_t i = 0; i < s->diags.list.len; i++) {
        const Diag *g = s->diags.list.items[i];
        if (g->span.file < n)
            c[g->span.file][g->severity]++;
    }
    return c;
}

static cJSON *findings_entry(const uint32_t counts[3])
{
    cJSON *o = cJSON_CreateObject();
    put_number(o, "errors", counts[SEV_ERROR]);
    put_number(o, "warnings", counts[SEV_WARNING]);
    put_number(o, "infos", counts[SEV_INFO]);
    return o;
}

static cJSON *revision_entry(Artifacts *a, Hasher *h, const Revision *r, const FileCounts *findings)
{
    cJSON *o = cJSON_CreateObject();
    const RevResult *res = r->result;
    put_number(o, "order", r->order + 1);
    put_string(o, "revision", r->id);
    cJSON_AddItemToObjectCS(o, "parents", string_array(&r->parents));
    cJSON_AddItemToObjectCS(o, "depends_on", string_array(&r->deps));
    cJSON_AddItemToObjectCS(o, "branch", r->label ? cJSON_CreateStringReference(r->label) : cJSON_CreateNull());
    put_string(o, "message", r->mig->message ? r->mig->message : "");
    put_string(o, "source", r->mig->path);
    char *source_sha = arena_alloc(&a->s->arena, 65);
    migration_sha256(h, a->s, r->mig, source_sha);
    put_string(o, "source_sha256", source_sha);
    cJSON_AddItemToObjectCS(o, "transaction", cJSON_CreateBool(!r->mig->transaction_none));
    put_string(o, "reversibility", res ? verdict_name(res->verdict) : "unknown");
    cJSON_AddItemToObjectCS(o, "downgrade_written", cJSON_CreateBool(res && res->downgrade_given));
    cJSON_AddItemToObjectCS(o, "findings", findings_entry(findings[r->mig->file]));
    return o;
}

static char *manifest_json(Artifacts *a, Hasher *h, unsigned dialects)
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
    FileCounts *findings = findings_by_file(a);
    for (uint32_t i = 0; i < a->g->revs.len; i++)
        cJSON_AddItemToArray(revs, revision_entry(a, h, a->g->revs.items[i], findings));
    cJSON *files = cJSON_AddArrayToObject(root, "files");
    for (uint32_t i = 0; i < a->files.len; i++) {
        OutFile *f = a->files.items[i];
        cJSON *o = cJSON_CreateObject();
        put_string(o, "path", f->path);
        put_string(o, "sha256", sha256_of(a, h, f->pieces, f->n_pieces));
        put_number(o, "bytes", (double)f->len);
        cJSON_AddItemToArray(files, o);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}

/* ====================================================== atomic replace */

/* How every manifest.json migc writes begins: cJSON_Print's layout of
 * manifest_json's first member. */
static const char manifest_signature[] = "{\n\t\"tool\":\t\"migc\",\n";

/* A manifest that begins as ours is ours, without parsing the rest (16 MB
 * for 10,000 migrations); any other is parsed whole and asked. */
static bool manifest_is_ours(const char *path, Arena *a)
{
    char head[sizeof manifest_signature - 1];
    size_t got = 0;
    if (file_read_prefix(path, head, sizeof head, &got) != 0)
        return false;
    if (got == sizeof head && memcmp(head, manifest_signature, sizeof head) == 0)
        return true;
    FileData fd;
    if (file_read(path, a, &fd) != 0)
        return false;
    cJSON *m = cJSON_Parse(fd.data);
    const cJSON *tool = cJSON_GetObjectItemCaseSensitive(m, "tool");
    bool ours = cJSON_IsString(tool) && strcmp(tool->valuestring, "migc") == 0;
    cJSON_Delete(m);
    return ours;
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
    return manifest_is_ours(path_join(a, out, "manifest.json"), a);
}

/* The folder files are being written into: files come grouped by folder,
 * so each is made and opened once. */
typedef struct Folder {
    const char *rel; /* relative to the tree; NULL: none open yet */
    size_t rel_len;
    int fd;
} Folder;

static int enter_folder(Folder *f, const char *tree, const char *rel, size_t rel_len, Arena *a)
{
    if (f->rel && f->rel_len == rel_len && strncmp(f->rel, rel, rel_len) == 0)
        return 0;
    if (f->rel)
        close(f->fd);
    f->rel = NULL;
    const char *path = rel_len ? path_join(a, tree, arena_strndup(a, rel, rel_len)) : tree;
    int err = make_dirs(path, a);
    if (!err)
        err = dir_open(path, &f->fd);
    if (!err) {
        f->rel = rel;
        f->rel_len = rel_len;
    }
    return err;
}

static int write_tree(Artifacts *a, const char *dir, const char *manifest)
{
    Arena *ar = &a->s->arena;
    Folder folder = {NULL, 0, -1};
    int err = 0;
    for (uint32_t i = 0; !err && i < a->files.len; i++) {
        OutFile *f = a->files.items[i];
        const char *slash = strrchr(f->path, '/');
        size_t rel_len = slash ? (size_t)(slash - f->path) : 0;
        err = enter_folder(&folder, dir, f->path, rel_len, ar);
        if (!err)
            err = file_write_pieces(folder.fd, slash ? slash + 1 : f->path, f->pieces, f->n_pieces);
    }
    if (folder.rel)
        close(folder.fd);
    if (!err)
        err = make_dirs(dir, ar);
    if (!err)
        err = file_write(path_join(ar, dir, "manifest.json"), manifest, strlen(manifest));
    return err;
}

static int replace_tree(Artifacts *a, const char *out, const char *manifest)
{
    Arena *ar = &a->s->arena;
    const char *tmp = arena_printf(ar, "%s.tmp-%ld", out, (long)getpid());
    const char *old = arena_printf(ar, "%s.old-%ld", out, (long)getpid());
    remove_tree(tmp);
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
        remove_tree(tmp);
    else if (had)
        remove_tree(old);
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

/* "all dialects", or "postgresql and sqlite" */
static const char *dialect_names(Arena *a, unsigned mask)
{
    if (mask == DIALECT_MASK_ALL)
        return "all dialects";
    const char *text = "";
    for (int d = 0; d < DIALECT__COUNT; d++)
        if (mask & dialect_by_id((DialectId)d)->mask)
            text = arena_printf(a, "%s%s%s", text, *text ? " and " : "", dialect_by_id((DialectId)d)->name);
    return text;
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
        if (args_option(args, "--dialect", "-d", &dialect, &status) || args_option(args, "--out", "-o", &out, &status) ||
            args_version_table(s, args, &status))
            continue;
        if (args_flag(args, "--stats", NULL)) {
            st.on = true;
            st.start = st.last = now_ms();
            continue;
        }
        return status ? status : usage_error(s, args, "unexpected argument '%s'", args_peek(args));
    }
    unsigned mask;
    if (dialect && !parse_dialects(s, dialect, &mask))
        return usage_error(s, args, "unknown dialect '%s' (postgresql, sqlite, mysql or all)", dialect);
    Project p = {0};
    Graph g;
    if (!load_graph(s, &p, &g) || !released_check(s, &g))
        return finish(s);
    parse_dialects(s, dialect, &mask); /* migc.ini's dialects, now that it is read */
    stat_mark(&st, "read, parse, graph");
    Artifacts a = {s, &g, NULL, {0}, {0}, NULL};
    buf_init(&a.scratch, &s->arena);
    Linter linter;
    linter_init(&linter, &s->arena, &s->diags, &s->config);
    a.sql = compile_sql(s, &g, g.revs, NULL, mask, &linter);
    linter_free(&linter);
    if (!a.sql)
        return finish(s);
    stat_mark(&st, "replay, checks, lint, emit");
    a.names = all_rev_names(&a);
    for (int d = 0; d < DIALECT__COUNT; d++)
        if (mask & dialect_by_id((DialectId)d)->mask)
            write_dialect(&a, dialect_by_id((DialectId)d));
    stat_mark(&st, "bundles and revision files");
    if (!replaceable(out, &s->arena)) {
        Diag *e = diag_error(&s->diags, NO_SPAN, "io", "%s exists and was not written by migc compile", out);
        diag_help(&s->diags, e, "choose an empty or new folder with --out");
        return finish(s);
    }
    Hasher h;
    if (!hasher_open(&h)) {
        hasher_close(&h);
        diag_error(&s->diags, NO_SPAN, "internal", "OpenSSL offers no SHA-256");
        return finish(s);
    }
    char *manifest = manifest_json(&a, &h, mask);
    hasher_close(&h);
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
            dialect_names(&s->arena, mask), out, a.files.len + 1);
    return code;
}
