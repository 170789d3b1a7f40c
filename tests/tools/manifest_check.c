/* manifest_check OUT: checks the manifest.json `migc compile` wrote into
 * OUT against the tree beside it.  Prints one line per problem; exits 1
 * when there is any.
 *
 *   - tool "migc", a version, dialects, heads, revisions, files;
 *   - every entry of files names a file of OUT (a relative path without
 *     "..") whose size is its bytes and whose SHA-256 is its sha256;
 *   - every file of OUT but manifest.json is listed, once;
 *   - every revision has its order (1, 2, ...), id, source, source_sha256,
 *     reversibility and findings; the findings of all revisions add up to
 *     the diagnostics counts, or to less (findings outside any migration
 *     file, such as migc.ini's, belong to no revision). */
#define _XOPEN_SOURCE 700
#include <cJSON.h>
#include <dirent.h>
#include <sys/stat.h>
#include <openssl/evp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* How many problems were printed: the exit status (a test tool's one
 * counter, never reset). */
static int problems;

static void problem(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void problem(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("manifest_check: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    problems++;
}

static char *read_all(const char *path, long *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    *len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *data = malloc((size_t)*len + 1);
    if (data && fread(data, 1, (size_t)*len, f) != (size_t)*len) {
        free(data);
        data = NULL;
    }
    if (data)
        data[*len] = '\0';
    fclose(f);
    return data;
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

/* ------------------------------------------------------- the files of OUT */

typedef struct Tree {
    char **files; /* relative paths; NULL once the manifest listed one */
    size_t len, cap;
} Tree;

static void walk(Tree *t, const char *out, const char *rel)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s%s%s", out, *rel ? "/" : "", rel);
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char sub[4096], full[8192];
        snprintf(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        snprintf(full, sizeof full, "%s/%s", out, sub);
        struct stat st;
        if (lstat(full, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            walk(t, out, sub);
            continue;
        }
        if (strcmp(sub, "manifest.json") == 0)
            continue;
        if (t->len == t->cap) {
            t->cap = t->cap ? t->cap * 2 : 64;
            t->files = realloc(t->files, t->cap * sizeof *t->files);
        }
        t->files[t->len++] = strdup(sub);
    }
    closedir(d);
}

static bool take_from_tree(Tree *t, const char *rel)
{
    for (size_t i = 0; i < t->len; i++)
        if (t->files[i] && strcmp(t->files[i], rel) == 0) {
            free(t->files[i]);
            t->files[i] = NULL;
            return true;
        }
    return false;
}

/* ------------------------------------------------------------- sections */

static void check_file(Tree *t, const char *out, const cJSON *f, int i)
{
    const cJSON *path = cJSON_GetObjectItemCaseSensitive(f, "path");
    const cJSON *sha = cJSON_GetObjectItemCaseSensitive(f, "sha256");
    const cJSON *bytes = cJSON_GetObjectItemCaseSensitive(f, "bytes");
    if (!cJSON_IsString(path) || !cJSON_IsString(sha) || !cJSON_IsNumber(bytes)) {
        problem("files[%d]: path, sha256 and bytes are required", i);
        return;
    }
    const char *rel = path->valuestring;
    if (rel[0] == '/' || strstr(rel, "..")) {
        problem("files[%d]: path %s leaves the tree", i, rel);
        return;
    }
    if (!take_from_tree(t, rel)) {
        problem("files[%d]: %s is not in the tree, or listed twice", i, rel);
        return;
    }
    char full[4096];
    snprintf(full, sizeof full, "%s/%s", out, rel);
    long len = 0;
    char *data = read_all(full, &len);
    if (!data) {
        problem("files[%d]: cannot read %s", i, full);
        return;
    }
    char hex[65];
    sha256_hex(data, (size_t)len, hex);
    if ((long)bytes->valuedouble != len)
        problem("%s: %ld bytes, the manifest says %.0f", rel, len, bytes->valuedouble);
    if (strcmp(hex, sha->valuestring) != 0)
        problem("%s: SHA-256 %s, the manifest says %s", rel, hex, sha->valuestring);
    free(data);
}

static int count_of(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) ? (int)v->valuedouble : -1;
}

static void check_revisions(const cJSON *m)
{
    static const char *const required[] = {"revision", "parents", "message", "source", "source_sha256",
                                            "reversibility", "findings"};
    static const char *const severities[] = {"errors", "warnings", "infos"};
    const cJSON *revs = cJSON_GetObjectItemCaseSensitive(m, "revisions");
    const cJSON *diags = cJSON_GetObjectItemCaseSensitive(m, "diagnostics");
    int sums[3] = {0, 0, 0}, i = 0;
    const cJSON *r;
    cJSON_ArrayForEach(r, revs)
    {
        i++;
        if (count_of(r, "order") != i)
            problem("revisions[%d]: order %d, expected %d", i - 1, count_of(r, "order"), i);
        for (size_t k = 0; k < sizeof required / sizeof *required; k++)
            if (!cJSON_GetObjectItemCaseSensitive(r, required[k]))
                problem("revisions[%d]: no %s", i - 1, required[k]);
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(r, "findings");
        for (int k = 0; k < 3; k++)
            sums[k] += count_of(f, severities[k]) > 0 ? count_of(f, severities[k]) : 0;
    }
    if (i == 0)
        problem("no revisions");
    for (int k = 0; k < 3; k++)
        if (sums[k] > count_of(diags, severities[k]))
            problem("the revisions' %s add up to %d, more than the diagnostics' %d", severities[k], sums[k],
                    count_of(diags, severities[k]));
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: manifest_check OUT\n");
        return 2;
    }
    const char *out = argv[1];
    char path[4096];
    snprintf(path, sizeof path, "%s/manifest.json", out);
    long len = 0;
    char *text = read_all(path, &len);
    cJSON *m = text ? cJSON_Parse(text) : NULL;
    if (!m) {
        problem("%s is missing or not JSON", path);
        free(text);
        return 1;
    }
    const cJSON *tool = cJSON_GetObjectItemCaseSensitive(m, "tool");
    if (!cJSON_IsString(tool) || strcmp(tool->valuestring, "migc") != 0)
        problem("tool is not \"migc\"");
    for (const char *const *k = (const char *const[]){"version", "dialects", "heads", "files", NULL}; *k; k++)
        if (!cJSON_GetObjectItemCaseSensitive(m, *k))
            problem("no %s", *k);
    Tree t = {0};
    walk(&t, out, "");
    const cJSON *f;
    int i = 0;
    cJSON_ArrayForEach(f, cJSON_GetObjectItemCaseSensitive(m, "files"))
    check_file(&t, out, f, i++);
    for (size_t k = 0; k < t.len; k++)
        if (t.files[k]) {
            problem("%s is in the tree but not in the manifest", t.files[k]);
            free(t.files[k]);
        }
    check_revisions(m);
    free(t.files);
    cJSON_Delete(m);
    free(text);
    if (problems == 0)
        printf("manifest_check: %d files and their SHA-256 match %s\n", i, path);
    return problems ? 1 : 0;
}
