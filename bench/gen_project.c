/* gen_project.c: writes a large, valid, deterministic migc project for the benchmark.
 *
 *   gen_project N OUTDIR [SEED]
 *
 * The project is one linear chain of N migrations of about four operations each, a
 * mix like a real project's history.  The generator replays its own small schema
 * model (tables, columns, indexes, enums) so that every operation it writes is valid
 * where it stands in the chain: migc replays, checks and compiles the whole project,
 * and a benchmark that stops at the first error measures nothing.  The same N and
 * SEED always give the same bytes, so runs are comparable.
 *
 * Beyond the language's own rules, the generator keeps to the engines' run-time
 * limits it knows of (names under 64 bytes, no index on text or json, no
 * non-constant default in add_column, enum labels not used in the migration that
 * adds them, unique indexes only over values known to be distinct), so the same
 * project can also be applied to real databases.
 *
 * This file writes the migration files and holds main; gen_model.c keeps the
 * model, gen_actions.c and gen_data.c choose and write the operations. */
#ifndef _GNU_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdir, opendir */
#endif

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "gen_project.h"

/* ---------------------------------------------------------------- the files */

static void fail(const char *what, const char *path)
{
    fprintf(stderr, "gen_project: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

/* A bijection of 48-bit numbers, so distinct indexes give distinct ids. */
static uint64_t revision_id(uint64_t seed, uint32_t index)
{
    const uint64_t mask = (1ULL << 48) - 1;
    uint64_t x = (index + seed * 0x9E3779B97F4A7C15ULL) & mask; /* odd multipliers and */
    x = (x * 0x5DEECE66DULL) & mask;                            /* right xorshifts are */
    x ^= x >> 23;                                               /* invertible mod 2^48 */
    x = (x * 0xD6E8FEB86659FDULL) & mask;
    x ^= x >> 19;
    return x;
}

typedef struct Stamp {
    int year;
    unsigned month, day, hour, minute, second;
} Stamp;

/* Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
static void civil_from_days(int64_t z, Stamp *s)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    s->day = doy - (153 * mp + 2) / 5 + 1;
    s->month = mp < 10 ? mp + 3 : mp - 9;
    s->year = (int)(yoe + era * 400 + (s->month <= 2));
}

/* Migration i was written 3h17m after migration i-1, from 2021-01-04 09:00. */
static Stamp stamp_of(uint32_t index)
{
    const int64_t start = 18631LL * 86400 + 9 * 3600;
    int64_t t = start + (int64_t)index * (3 * 3600 + 17 * 60);
    Stamp s;
    civil_from_days(t / 86400, &s);
    unsigned sec = (unsigned)(t % 86400);
    s.hour = sec / 3600;
    s.minute = sec / 60 % 60;
    s.second = sec % 60;
    return s;
}

/* The title in lower case with runs of other characters as one '_'. */
static void slug_of(const char *title, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = title; *p && n + 1 < cap; p++) {
        char ch = *p;
        bool word = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        if (ch >= 'A' && ch <= 'Z') {
            ch = (char)(ch - 'A' + 'a');
            word = true;
        }
        if (word)
            out[n++] = ch;
        else if (n > 0 && out[n - 1] != '_')
            out[n++] = '_';
    }
    bool cut = n + 1 >= cap;
    while (cut && n > 0 && out[n - 1] != '_') /* end a shortened slug on a whole word */
        n--;
    while (n > 0 && out[n - 1] == '_')
        n--;
    out[n] = '\0';
}

typedef struct Run {
    const char *dir; /* OUTDIR/migrations */
    uint32_t count;
    uint64_t seed;
    uint64_t bytes;
} Run;

static void write_file(Run *run, const char *path, const Model *m, uint32_t index)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        fail("cannot create", path);
    fprintf(f, "-- migration %u of %u, made by bench/gen_project (seed %" PRIu64 ")\n", index + 1,
            run->count, run->seed);
    if (m->ops_here > 1)
        fprintf(f, "migration \"%s and %u more change%s\"\n", m->title, m->ops_here - 1,
                m->ops_here > 2 ? "s" : "");
    else
        fprintf(f, "migration \"%s\"\n", m->title);
    fprintf(f, "revision  %012" PRIx64 "\n", revision_id(run->seed, index));
    if (index == 0)
        fprintf(f, "revises   none\n\n");
    else
        fprintf(f, "revises   %012" PRIx64 "\n\n", revision_id(run->seed, index - 1));
    fwrite(m->body.data, 1, m->body.len, f);
    long size = ftell(f);
    if (ferror(f) || fclose(f) != 0)
        fail("cannot write", path);
    run->bytes += size > 0 ? (uint64_t)size : 0;
}

static void write_migration(Run *run, Model *m, uint32_t index)
{
    m->migration = index;
    m->ops_here = 0;
    m->title[0] = '\0';
    m->body.len = 0;
    uint32_t target = 1 + rng_below(&m->rng, 7); /* 1..7, mean 4; a group may overshoot */
    while (m->ops_here < target)
        run_one_action(m);
    char slug[48], path[4096];
    slug_of(m->title, slug, sizeof slug);
    Stamp s = stamp_of(index);
    int n = snprintf(path, sizeof path, "%s/%04d%02u%02u_%02u%02u%02u_%s.mig", run->dir, s.year,
                     s.month, s.day, s.hour, s.minute, s.second, slug);
    if (n < 0 || (size_t)n >= sizeof path) {
        fprintf(stderr, "gen_project: path too long under %s\n", run->dir);
        exit(1);
    }
    write_file(run, path, m, index);
}

/* ------------------------------------------------------------------ driver */

/* mkdir -p: run.sh hands over bench/out/N before bench/out exists. */
static void make_dirs(const char *path)
{
    char partial[4096];
    size_t n = strlen(path);
    if (n >= sizeof partial) {
        errno = ENAMETOOLONG;
        fail("cannot create directory", path);
    }
    memcpy(partial, path, n + 1);
    for (size_t i = 1; i <= n; i++) {
        if (partial[i] != '/' && partial[i] != '\0')
            continue;
        partial[i] = '\0';
        if (mkdir(partial, 0777) != 0 && errno != EEXIST)
            fail("cannot create directory", partial);
        partial[i] = path[i];
    }
}

/* Stale files of an earlier, longer run would fork the chain: refuse them. */
static void require_empty_dir(const char *path)
{
    DIR *d = opendir(path);
    if (!d)
        fail("cannot open directory", path);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
            fprintf(stderr, "gen_project: %s is not empty; remove it first\n", path);
            exit(1);
        }
    }
    closedir(d);
}

static void write_config(const char *outdir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/migc.ini", outdir);
    FILE *f = fopen(path, "wb");
    if (!f)
        fail("cannot create", path);
    fputs("[migc]\nmigrations = migrations\n", f);
    if (ferror(f) || fclose(f) != 0)
        fail("cannot write", path);
}

static void free_model(Model *m)
{
    for (uint32_t i = 0; i < m->n_tables; i++) {
        free(m->tables[i].cols);
        free(m->tables[i].used);
    }
    free(m->tables);
    free(m->live);
    free(m->indexes);
    free(m->enums);
    free(m->body.data);
}

static bool parse_number(const char *s, uint64_t max, uint64_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || end == s || *end || s[0] == '-' || v > max)
        return false;
    *out = v;
    return true;
}

static int usage(void)
{
    fputs("usage: gen_project N OUTDIR [SEED]\n"
          "  writes OUTDIR/migc.ini and N chained migrations into OUTDIR/migrations\n",
          stderr);
    return 2;
}

int main(int argc, char **argv)
{
    uint64_t count, seed = 1;
    if (argc < 3 || argc > 4 || !parse_number(argv[1], 10000000, &count) || count == 0 ||
        (argc == 4 && !parse_number(argv[3], UINT64_MAX, &seed)))
        return usage();
    char dir[4096];
    if (snprintf(dir, sizeof dir, "%s/migrations", argv[2]) >= (int)sizeof dir)
        return usage();
    make_dirs(dir);
    require_empty_dir(dir);
    write_config(argv[2]);

    Run run = {dir, (uint32_t)count, seed, 0};
    Model m = {.rng = rng_seeded(seed)};
    for (uint32_t i = 0; i < run.count; i++)
        write_migration(&run, &m, i);
    printf("gen_project: %u migrations, %" PRIu64 " operations, %" PRIu64 " bytes in %s "
           "(seed %" PRIu64 "; %u tables live of %u, %u enums)\n",
           run.count, m.total_ops, run.bytes, dir, seed, m.n_live, m.n_tables, m.n_enums);
    free_model(&m);
    return 0;
}
