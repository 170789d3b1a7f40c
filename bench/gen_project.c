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
 * project can also be applied to real databases. */
#ifndef _GNU_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkdir, opendir */
#endif

#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

enum {
    NAME_LEN = 64,       /* PostgreSQL keeps 63 bytes of an identifier, MySQL 64 */
    MAX_LABELS = 8,      /* labels an enum theme can offer */
    MAX_VARCHAR = 250,   /* a two-column index of varchar(250) fits InnoDB's 3072 bytes in utf8mb4 */
    VARCHAR_STEP = 50,   /* the widening step of alter_column ... type */
    RECENT_TABLES = 25,  /* real migrations mostly touch the tables made lately */
    MIN_LIVE_TABLES = 5, /* drop_table keeps at least this many tables */
    MAX_ROW_BATCH = 4,   /* rows per data_insert */
};

/* ------------------------------------------------------------ memory, text */

static void fail(const char *what, const char *path)
{
    fprintf(stderr, "gen_project: %s %s: %s\n", what, path, strerror(errno));
    exit(1);
}

static void *grow(void *items, uint32_t *cap, uint32_t need, size_t size)
{
    if (need <= *cap)
        return items;
    uint32_t c = *cap ? *cap : 16;
    while (c < need)
        c *= 2;
    items = realloc(items, (size_t)c * size);
    if (!items) {
        fputs("gen_project: out of memory\n", stderr);
        exit(1);
    }
    *cap = c;
    return items;
}

/* Appends a zeroed element to a (items, n, cap) array and yields its address. */
#define PUSH(items, n, cap)                                                                        \
    ((items) = grow((items), &(cap), (n) + 1, sizeof *(items)),                                    \
     memset(&(items)[(n)], 0, sizeof *(items)), &(items)[(n)++])

typedef struct Buf {
    char *data;
    size_t len, cap;
} Buf;

static void buf_printf(Buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void buf_printf(Buf *b, const char *fmt, ...)
{
    for (;;) {
        size_t room = b->cap - b->len;
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->data ? b->data + b->len : NULL, room, fmt, ap);
        va_end(ap);
        if (n < 0) {
            fputs("gen_project: formatting failed\n", stderr);
            exit(1);
        }
        if ((size_t)n < room) {
            b->len += (size_t)n;
            return;
        }
        size_t cap = b->cap ? b->cap * 2 : 1 << 16;
        while (cap - b->len <= (size_t)n)
            cap *= 2;
        b->data = realloc(b->data, cap);
        if (!b->data) {
            fputs("gen_project: out of memory\n", stderr);
            exit(1);
        }
        b->cap = cap;
    }
}

/* snprintf into a name buffer; false when the name would not fit an identifier. */
static bool name_printf(char *out, const char *fmt, ...) PRINTF_LIKE(2, 3);
static bool name_printf(char *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out, NAME_LEN, fmt, ap);
    va_end(ap);
    return n > 0 && n < NAME_LEN;
}

/* --------------------------------------------------------------------- PRNG */

/* xorshift64*: tiny, fast, and the same stream on every platform, unlike rand(). */
typedef struct Rng {
    uint64_t state;
} Rng;

static Rng rng_seeded(uint64_t seed)
{
    /* One splitmix64 step spreads small seeds over the state and never leaves it 0. */
    uint64_t z = seed + 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return (Rng){z ? z : 1};
}

static uint64_t rng_next(Rng *r)
{
    uint64_t x = r->state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    r->state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

/* A number in [0, n); n > 0.  The modulo bias is far below anything measurable here. */
static uint32_t rng_below(Rng *r, uint32_t n)
{
    return (uint32_t)((rng_next(r) >> 16) % n);
}

static bool rng_percent(Rng *r, uint32_t percent)
{
    return rng_below(r, 100) < percent;
}

/* -------------------------------------------------------------------- types */

typedef enum Type {
    T_SMALLINT,
    T_INTEGER,
    T_BIGINT,
    T_BOOLEAN,
    T_REAL,
    T_DOUBLE,
    T_NUMERIC,
    T_TEXT,
    T_VARCHAR,
    T_CHAR,
    T_DATE,
    T_TIME,
    T_TIMESTAMP,
    T_TIMESTAMPTZ,
    T_INTERVAL,
    T_UUID,
    T_JSON,
    T_JSONB,
    T_BYTES,
    T_ENUM,
    T__COUNT
} Type;

/* What the generator may do with a column of a type, in every dialect. */
enum {
    F_INDEX = 1,    /* MySQL indexes it without a prefix length */
    F_UNIQUE = 2,   /* generated row values are distinct, so a unique index holds */
    F_VALUE = 4,    /* has a portable literal: may be NOT NULL and take inserted rows */
    F_DEFAULT = 8,  /* has a constant default that ADD COLUMN accepts everywhere */
    F_CHECK = 16,   /* a check applies: non-negative number or non-empty string */
    F_EQUALS = 32,  /* comparable with = everywhere (PostgreSQL has no json = json) */
    F_COUNTER = 64, /* integer: data_update may add one and take it back */
};

typedef struct TypeInfo {
    const char *sql;
    unsigned flags;
} TypeInfo;

static const TypeInfo TYPES[T__COUNT] = {
    [T_SMALLINT] = {"smallint", F_INDEX | F_VALUE | F_DEFAULT | F_CHECK | F_EQUALS | F_COUNTER},
    [T_INTEGER] = {"integer", F_INDEX | F_UNIQUE | F_VALUE | F_DEFAULT | F_CHECK | F_EQUALS | F_COUNTER},
    [T_BIGINT] = {"bigint", F_INDEX | F_UNIQUE | F_VALUE | F_DEFAULT | F_CHECK | F_EQUALS | F_COUNTER},
    [T_BOOLEAN] = {"boolean", F_INDEX | F_VALUE | F_DEFAULT | F_EQUALS},
    [T_REAL] = {"real", F_VALUE | F_DEFAULT | F_CHECK},
    [T_DOUBLE] = {"double", F_VALUE | F_DEFAULT | F_CHECK},
    [T_NUMERIC] = {"numeric", F_INDEX | F_VALUE | F_DEFAULT | F_CHECK | F_EQUALS},
    [T_TEXT] = {"text", F_VALUE | F_CHECK | F_EQUALS},
    [T_VARCHAR] = {"varchar", F_INDEX | F_UNIQUE | F_VALUE | F_DEFAULT | F_CHECK | F_EQUALS},
    [T_CHAR] = {"char", F_INDEX | F_VALUE | F_DEFAULT | F_EQUALS},
    [T_DATE] = {"date", F_INDEX | F_VALUE | F_DEFAULT | F_EQUALS},
    [T_TIME] = {"time", F_INDEX | F_VALUE | F_DEFAULT | F_EQUALS},
    [T_TIMESTAMP] = {"timestamp", F_INDEX | F_VALUE | F_EQUALS},
    [T_TIMESTAMPTZ] = {"timestamptz", F_INDEX | F_VALUE | F_EQUALS},
    [T_INTERVAL] = {"interval", 0},
    [T_UUID] = {"uuid", F_INDEX | F_UNIQUE | F_VALUE | F_EQUALS},
    [T_JSON] = {"json", F_VALUE},
    [T_JSONB] = {"jsonb", F_VALUE},
    [T_BYTES] = {"bytes", 0},
    [T_ENUM] = {NULL, F_INDEX | F_VALUE | F_DEFAULT | F_EQUALS},
};

static bool type_has(Type t, unsigned flag)
{
    return (TYPES[t].flags & flag) != 0;
}

/* --------------------------------------------------------------- vocabulary */

/* A column name with its type; row values are prefix, row id, suffix (char columns
 * take prefix alone, which is exactly as long as the column). */
typedef struct Word {
    const char *name;
    Type type;
    int len;
    const char *prefix, *suffix;
} Word;

static const Word WORDS[] = {
    {"name", T_VARCHAR, 100, "Name ", ""},
    {"title", T_VARCHAR, 200, "Title ", ""},
    {"email", T_VARCHAR, 200, "user", "@example.com"},
    {"slug", T_VARCHAR, 120, "slug-", ""},
    {"code", T_VARCHAR, 40, "C-", ""},
    {"city", T_VARCHAR, 80, "City ", ""},
    {"phone", T_VARCHAR, 40, "+1-555-", ""},
    {"label", T_VARCHAR, 80, "Label ", ""},
    {"country", T_CHAR, 2, "US", ""},
    {"currency", T_CHAR, 3, "EUR", ""},
    {"notes", T_TEXT, 0, "Note ", ""},
    {"body", T_TEXT, 0, "Body text ", ""},
    {"description", T_TEXT, 0, "Description ", ""},
    {"quantity", T_INTEGER, 0, "", ""},
    {"sort_order", T_INTEGER, 0, "", ""},
    {"view_count", T_INTEGER, 0, "", ""},
    {"attempts", T_SMALLINT, 0, "", ""},
    {"age", T_SMALLINT, 0, "", ""},
    {"external_ref", T_BIGINT, 0, "", ""},
    {"total_cents", T_BIGINT, 0, "", ""},
    {"is_active", T_BOOLEAN, 0, "", ""},
    {"is_verified", T_BOOLEAN, 0, "", ""},
    {"ratio", T_REAL, 0, "", ""},
    {"latitude", T_DOUBLE, 0, "", ""},
    {"longitude", T_DOUBLE, 0, "", ""},
    {"price", T_NUMERIC, 12, "", ""},
    {"balance", T_NUMERIC, 12, "", ""},
    {"birth_date", T_DATE, 0, "", ""},
    {"due_on", T_DATE, 0, "", ""},
    {"opens_at", T_TIME, 0, "", ""},
    {"published_at", T_TIMESTAMP, 0, "", ""},
    {"created_at", T_TIMESTAMPTZ, 0, "", ""},
    {"updated_at", T_TIMESTAMPTZ, 0, "", ""},
    {"deleted_at", T_TIMESTAMPTZ, 0, "", ""},
    {"duration", T_INTERVAL, 0, "", ""},
    {"public_id", T_UUID, 0, "", ""},
    {"token", T_UUID, 0, "", ""},
    {"metadata", T_JSONB, 0, "", ""},
    {"settings", T_JSON, 0, "", ""},
    {"payload", T_JSONB, 0, "", ""},
    {"avatar", T_BYTES, 0, "", ""},
    {"checksum", T_BYTES, 0, "", ""},
};
#define N_WORDS (sizeof WORDS / sizeof WORDS[0])

/* Plural for the table, singular for foreign-key columns and enum names; no
 * singular equals a plural, so enum and table names never meet in PostgreSQL's
 * pg_type, which holds both. */
typedef struct Noun {
    const char *plural, *singular;
} Noun;

static const Noun NOUNS[] = {
    {"users", "user"},         {"accounts", "account"},   {"orders", "order"},
    {"invoices", "invoice"},   {"products", "product"},   {"customers", "customer"},
    {"payments", "payment"},   {"shipments", "shipment"}, {"projects", "project"},
    {"tasks", "task"},         {"comments", "comment"},   {"articles", "article"},
    {"tags", "tag"},           {"categories", "category"}, {"teams", "team"},
    {"members", "member"},     {"events", "event"},       {"tickets", "ticket"},
    {"vendors", "vendor"},     {"warehouses", "warehouse"}, {"coupons", "coupon"},
    {"reviews", "review"},     {"sessions", "session"},   {"devices", "device"},
    {"addresses", "address"},  {"messages", "message"},   {"campaigns", "campaign"},
    {"contracts", "contract"}, {"assets", "asset"},       {"reports", "report"},
};
#define N_NOUNS (sizeof NOUNS / sizeof NOUNS[0])

/* An enum starts with three labels; alter_enum adds the rest, in order. */
typedef struct Theme {
    const char *name;
    const char *labels[MAX_LABELS];
} Theme;

static const Theme THEMES[] = {
    {"status", {"pending", "active", "suspended", "archived", "deleted", "locked", "banned"}},
    {"state", {"draft", "review", "published", "retracted", "scheduled", "embargoed"}},
    {"priority", {"low", "medium", "high", "urgent", "critical"}},
    {"tier", {"free", "basic", "pro", "enterprise", "partner"}},
    {"phase", {"planning", "building", "testing", "released", "retired"}},
    {"visibility", {"private", "internal", "public", "unlisted", "restricted"}},
    {"channel", {"email", "sms", "push", "webhook", "chat"}},
    {"severity", {"info", "warning", "error", "critical", "fatal"}},
};
#define N_THEMES (sizeof THEMES / sizeof THEMES[0])
#define INITIAL_LABELS 3u

static const char *const DROP_REASONS[] = {
    "no reader left since the previous release",
    "replaced by a new column; data copied in an earlier release",
    "feature removed; data archived to cold storage",
    "never populated in production",
};
#define N_DROP_REASONS (sizeof DROP_REASONS / sizeof DROP_REASONS[0])

/* -------------------------------------------------------------------- model */

typedef enum DefaultKind { DEF_NONE, DEF_LITERAL, DEF_NOW } DefaultKind;

typedef struct Column {
    char name[NAME_LEN];
    const Word *word; /* row values; NULL for id, foreign-key and enum columns */
    Type type;
    int len;          /* varchar and char length, numeric precision */
    uint32_t enum_id; /* for T_ENUM */
    int32_t ref_table; /* the table a foreign key points to, or -1 */
    DefaultKind def;
    bool alive, not_null, is_id, has_check;
    bool distinct;        /* every row holds a distinct value or NULL: a unique index would hold */
    uint32_t unique_uses; /* live unique keys: values must stay distinct, no default, no update */
    uint32_t key_uses;    /* live indexes, unique keys and foreign keys naming it: not droppable */
    uint32_t expr_uses;   /* live checks and index predicates naming it: neither dropped nor renamed */
} Column;

typedef struct Table {
    char name[NAME_LEN];
    char singular[NAME_LEN]; /* stem of foreign-key columns and enum names */
    bool alive;
    uint32_t born;          /* the migration that created it */
    Column *cols;
    uint32_t n_cols, cap_cols;
    char (*used)[NAME_LEN]; /* every column name it ever had: names are never reused, so
                               an index named after a column never meets a namesake */
    uint32_t n_used, cap_used;
    uint32_t next_row_id;
    uint32_t n_checks;
    uint32_t referenced_by; /* live foreign keys pointing here: not droppable */
} Table;

typedef struct Index {
    char name[NAME_LEN];
    uint32_t table;
    uint32_t cols[2];
    uint32_t n_cols;
    int32_t where_col; /* the column of the partial-index predicate, or -1 */
    bool unique, alive;
} Index;

typedef struct Label {
    const char *text;
    int64_t added_in; /* the migration that added it, -1 for the enum's first labels */
} Label;

typedef struct Enum {
    char name[NAME_LEN];
    const Theme *theme;
    Label labels[MAX_LABELS];
    uint32_t n_labels;
    uint32_t next_extra; /* index into theme->labels of the next label to add */
} Enum;

typedef struct Model {
    Rng rng;
    Table *tables;
    uint32_t n_tables, cap_tables;
    uint32_t *live; /* indexes of live tables, oldest first */
    uint32_t n_live, cap_live;
    Index *indexes;
    uint32_t n_indexes, cap_indexes;
    Enum *enums;
    uint32_t n_enums, cap_enums;
    uint32_t noun_uses[N_NOUNS];
    uint32_t migration; /* the one being written */
    uint32_t ops_here;  /* operations written into body so far */
    uint64_t total_ops;
    Buf body;
    char title[128]; /* what the first operation does: message and slug */
} Model;

/* Records the migration's title from its first operation. */
static void title_printf(Model *m, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void title_printf(Model *m, const char *fmt, ...)
{
    if (m->title[0])
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m->title, sizeof m->title, fmt, ap);
    va_end(ap);
}

/* Starts an operation: a blank line between operations keeps files readable. */
static void begin_op(Model *m)
{
    if (m->ops_here > 0)
        buf_printf(&m->body, "\n");
    m->ops_here++;
    m->total_ops++;
}

/* ------------------------------------------------------------------- tables */

static bool name_used(const Table *t, const char *name)
{
    for (uint32_t i = 0; i < t->n_used; i++)
        if (strcmp(t->used[i], name) == 0)
            return true;
    return false;
}

/* base, or base_2, base_3 ... : the first name the table never had. */
static bool claim_column_name(Table *t, const char *base, char *out)
{
    if (!name_printf(out, "%s", base))
        return false;
    for (uint32_t k = 2; name_used(t, out); k++)
        if (!name_printf(out, "%s_%u", base, k))
            return false;
    char(*slot)[NAME_LEN] = PUSH(t->used, t->n_used, t->cap_used);
    memcpy(*slot, out, NAME_LEN);
    return true;
}

static uint32_t new_table(Model *m)
{
    const Noun *noun = &NOUNS[rng_below(&m->rng, N_NOUNS)];
    uint32_t k = ++m->noun_uses[noun - NOUNS];
    uint32_t ti = m->n_tables;
    Table *t = PUSH(m->tables, m->n_tables, m->cap_tables);
    t->alive = true;
    t->born = m->migration;
    t->next_row_id = 1;
    if (k == 1) {
        name_printf(t->name, "%s", noun->plural);
        name_printf(t->singular, "%s", noun->singular);
    } else {
        name_printf(t->name, "%s_%u", noun->plural, k);
        name_printf(t->singular, "%s_%u", noun->singular, k);
    }
    *PUSH(m->live, m->n_live, m->cap_live) = ti;
    return ti;
}

/* Half the time one of the newest tables, as in a real project's history. */
static uint32_t pick_live_table(Model *m)
{
    uint32_t span = m->n_live;
    if (span > RECENT_TABLES && rng_percent(&m->rng, 50))
        return m->live[m->n_live - 1 - rng_below(&m->rng, RECENT_TABLES)];
    return m->live[rng_below(&m->rng, span)];
}

static uint32_t live_plain_columns(const Table *t)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < t->n_cols; i++)
        n += t->cols[i].alive && !t->cols[i].is_id;
    return n;
}

static Column *add_column_to(Table *t)
{
    Column *c = PUSH(t->cols, t->n_cols, t->cap_cols);
    c->alive = true;
    c->ref_table = -1;
    c->distinct = true;
    return c;
}

static void forget_live_table(Model *m, uint32_t ti)
{
    for (uint32_t i = 0; i < m->n_live; i++) {
        if (m->live[i] == ti) {
            memmove(&m->live[i], &m->live[i + 1], (m->n_live - i - 1) * sizeof m->live[0]);
            m->n_live--;
            return;
        }
    }
}

/* ------------------------------------------------------------------ columns */

typedef bool (*ColumnTest)(const Model *m, const Column *c);

/* A live column of table ti passing test, from a random start; -1 if none. */
static int32_t pick_column_in(Model *m, uint32_t ti, ColumnTest test)
{
    const Table *t = &m->tables[ti];
    if (t->n_cols == 0)
        return -1;
    uint32_t start = rng_below(&m->rng, t->n_cols);
    for (uint32_t k = 0; k < t->n_cols; k++) {
        uint32_t ci = (start + k) % t->n_cols;
        if (t->cols[ci].alive && test(m, &t->cols[ci]))
            return (int32_t)ci;
    }
    return -1;
}

/* A column passing test in one of a few random tables: the shape of most actions. */
static bool find_column(Model *m, ColumnTest test, uint32_t *ti, uint32_t *ci)
{
    for (int tries = 0; tries < 12; tries++) {
        uint32_t t = pick_live_table(m);
        int32_t c = pick_column_in(m, t, test);
        if (c >= 0) {
            *ti = t;
            *ci = (uint32_t)c;
            return true;
        }
    }
    return false;
}

static bool is_plain(const Column *c)
{
    return !c->is_id && c->ref_table < 0;
}

static bool can_drop(const Model *m, const Column *c)
{
    (void)m;
    return !c->is_id && c->key_uses == 0 && c->expr_uses == 0;
}

static bool can_rename(const Model *m, const Column *c)
{
    (void)m; /* a renamed column would leave check and predicate text behind in SQLite and MySQL */
    return !c->is_id && c->expr_uses == 0;
}

static bool can_widen(const Model *m, const Column *c)
{
    (void)m;
    return c->type == T_VARCHAR && c->len + VARCHAR_STEP <= MAX_VARCHAR;
}

static bool can_get_default(const Model *m, const Column *c)
{
    (void)m;
    return is_plain(c) && c->def == DEF_NONE && c->unique_uses == 0 && type_has(c->type, F_DEFAULT);
}

static bool can_lose_default(const Model *m, const Column *c)
{
    (void)m;
    return c->def != DEF_NONE;
}

static bool can_check(const Model *m, const Column *c)
{
    (void)m;
    return is_plain(c) && !c->has_check && type_has(c->type, F_CHECK);
}

static bool can_index(const Model *m, const Column *c)
{
    (void)m;
    return !c->is_id && type_has(c->type, F_INDEX);
}

static bool can_be_unique(const Model *m, const Column *c)
{
    (void)m;
    return is_plain(c) && type_has(c->type, F_UNIQUE) && c->distinct && c->def == DEF_NONE &&
           c->unique_uses == 0;
}

static bool can_be_predicate(const Model *m, const Column *c)
{
    (void)m;
    return !c->is_id && !c->not_null;
}

/* data_update ... set c = v where c is null: a backfill. */
static bool can_backfill(const Model *m, const Column *c)
{
    (void)m;
    return is_plain(c) && !c->not_null && c->unique_uses == 0 && type_has(c->type, F_VALUE) &&
           type_has(c->type, F_EQUALS);
}

static bool can_count(const Model *m, const Column *c)
{
    (void)m;
    return is_plain(c) && c->unique_uses == 0 && type_has(c->type, F_COUNTER);
}

/* Labels added by an earlier migration: PostgreSQL refuses a label in the
 * transaction that added it. */
static uint32_t usable_labels(const Model *m, const Enum *e, const Label **out)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < e->n_labels; i++)
        if (e->labels[i].added_in < (int64_t)m->migration)
            out[n++] = &e->labels[i];
    return n;
}

static bool can_relabel(const Model *m, const Column *c)
{
    const Label *usable[MAX_LABELS];
    return c->type == T_ENUM && c->unique_uses == 0 &&
           usable_labels(m, &m->enums[c->enum_id], usable) >= 2;
}

/* ------------------------------------------------------------------- values */

static void write_type(const Model *m, const Column *c, Buf *b)
{
    switch (c->type) {
    case T_VARCHAR:
    case T_CHAR:
        buf_printf(b, "%s(%d)", TYPES[c->type].sql, c->len);
        return;
    case T_NUMERIC:
        buf_printf(b, "numeric(%d,2)", c->len);
        return;
    case T_ENUM:
        buf_printf(b, "%s", m->enums[c->enum_id].name);
        return;
    case T_SMALLINT:
    case T_INTEGER:
    case T_BIGINT:
    case T_BOOLEAN:
    case T_REAL:
    case T_DOUBLE:
    case T_TEXT:
    case T_DATE:
    case T_TIME:
    case T_TIMESTAMP:
    case T_TIMESTAMPTZ:
    case T_INTERVAL:
    case T_UUID:
    case T_JSON:
    case T_JSONB:
    case T_BYTES:
    case T__COUNT:
        break;
    }
    buf_printf(b, "%s", TYPES[c->type].sql);
}

/* The value of column c in row r: distinct per row for the F_UNIQUE types, and
 * inside every check the generator writes (numbers >= 0, strings non-empty). */
static void write_value(const Model *m, uint32_t ti, const Column *c, uint32_t r, Buf *b)
{
    const Word *w = c->word;
    switch (c->type) {
    case T_SMALLINT:
        buf_printf(b, "%u", r % 100 + 1);
        return;
    case T_INTEGER:
        buf_printf(b, "%u", r * 3);
        return;
    case T_BIGINT:
        buf_printf(b, "%" PRIu64, (uint64_t)r + 1000000);
        return;
    case T_BOOLEAN:
        buf_printf(b, "%s", r % 2 ? "true" : "false");
        return;
    case T_REAL:
        buf_printf(b, "%u.5", r);
        return;
    case T_DOUBLE:
        buf_printf(b, "%u.25", r);
        return;
    case T_NUMERIC:
        buf_printf(b, "%u.99", r);
        return;
    case T_TEXT:
    case T_VARCHAR:
        buf_printf(b, "'%s%u%s'", w->prefix, r, w->suffix);
        return;
    case T_CHAR:
        buf_printf(b, "'%s'", w->prefix);
        return;
    case T_DATE:
        buf_printf(b, "'2024-%02u-%02u'", r % 12 + 1, r % 28 + 1);
        return;
    case T_TIME:
        buf_printf(b, "'%02u:%02u:00'", r % 24, r % 60);
        return;
    case T_TIMESTAMP:
    case T_TIMESTAMPTZ:
        buf_printf(b, "'2024-%02u-%02u %02u:%02u:00'", r % 12 + 1, r % 28 + 1, r % 24, r % 60);
        return;
    case T_UUID:
        buf_printf(b, "'%08x-0000-4000-8000-%012x'", ti, r);
        return;
    case T_JSON:
    case T_JSONB:
        buf_printf(b, "'{\"n\": %u}'", r);
        return;
    case T_ENUM: {
        const Label *usable[MAX_LABELS];
        uint32_t n = usable_labels(m, &m->enums[c->enum_id], usable);
        buf_printf(b, "'%s'", usable[r % n]->text);
        return;
    }
    case T_INTERVAL:
    case T_BYTES:
    case T__COUNT:
        break;
    }
    buf_printf(b, "null");
}

/* A constant default: ADD COLUMN in SQLite takes nothing else. */
static void write_default(const Model *m, const Column *c, Buf *b)
{
    switch (c->type) {
    case T_SMALLINT:
    case T_INTEGER:
    case T_BIGINT:
    case T_REAL:
    case T_DOUBLE:
        buf_printf(b, "0");
        return;
    case T_NUMERIC:
        buf_printf(b, "0.00");
        return;
    case T_BOOLEAN:
        buf_printf(b, "false");
        return;
    case T_VARCHAR:
        buf_printf(b, "'unknown'");
        return;
    case T_CHAR:
        buf_printf(b, "'%s'", c->word->prefix);
        return;
    case T_DATE:
        buf_printf(b, "'2024-01-01'");
        return;
    case T_TIME:
        buf_printf(b, "'09:00:00'");
        return;
    case T_ENUM: {
        const Label *usable[MAX_LABELS];
        usable_labels(m, &m->enums[c->enum_id], usable); /* the first labels always are */
        buf_printf(b, "'%s'", usable[0]->text);
        return;
    }
    case T_TEXT:
    case T_TIMESTAMP:
    case T_TIMESTAMPTZ:
    case T_INTERVAL:
    case T_UUID:
    case T_JSON:
    case T_JSONB:
    case T_BYTES:
    case T__COUNT:
        break;
    }
    buf_printf(b, "null");
}

static void write_column_def(const Model *m, const Column *c, int width, Buf *b)
{
    buf_printf(b, "%-*s ", width, c->name);
    write_type(m, c, b);
    if (c->is_id) {
        buf_printf(b, " primary key identity");
        return;
    }
    if (c->not_null)
        buf_printf(b, " not null");
    if (c->def == DEF_NOW)
        buf_printf(b, " default now()");
    if (c->def == DEF_LITERAL) {
        buf_printf(b, " default ");
        write_default(m, c, b);
    }
}

/* ----------------------------------------------------------- create_table */

static void add_id_column(Table *t)
{
    Column *c = add_column_to(t);
    claim_column_name(t, "id", c->name);
    c->type = T_BIGINT;
    c->is_id = true;
    c->not_null = true;
    c->key_uses = 1;
}

/* Columns made by create_table may use now(); add_column may not (SQLite). */
static void choose_attributes(Model *m, Column *c, bool in_create)
{
    bool timestamp = c->type == T_TIMESTAMP || c->type == T_TIMESTAMPTZ;
    if (in_create && timestamp && rng_percent(&m->rng, 60)) {
        c->not_null = true;
        c->def = DEF_NOW;
    } else if (type_has(c->type, F_DEFAULT) && rng_percent(&m->rng, in_create ? 25 : 40)) {
        c->not_null = true;
        c->def = DEF_LITERAL;
    } else if (in_create && type_has(c->type, F_VALUE) && rng_percent(&m->rng, 20)) {
        c->not_null = true;
    }
}

/* A column of a vocabulary word, named after it; NULL when the name would not fit. */
static Column *add_word_column(Model *m, uint32_t ti, const Word *w, bool in_create)
{
    Table *t = &m->tables[ti];
    char name[NAME_LEN];
    if (!claim_column_name(t, w->name, name))
        return NULL;
    Column *c = add_column_to(t);
    memcpy(c->name, name, NAME_LEN);
    c->word = w;
    c->type = w->type;
    c->len = w->len;
    choose_attributes(m, c, in_create);
    return c;
}

static Column *add_enum_column(Model *m, uint32_t ti, uint32_t ei, bool in_create)
{
    Table *t = &m->tables[ti];
    char name[NAME_LEN];
    if (!claim_column_name(t, m->enums[ei].theme->name, name))
        return NULL;
    Column *c = add_column_to(t);
    memcpy(c->name, name, NAME_LEN);
    c->type = T_ENUM;
    c->enum_id = ei;
    if (rng_percent(&m->rng, in_create ? 60 : 50)) {
        c->not_null = true;
        c->def = DEF_LITERAL;
    }
    return c;
}

static bool references_table(const Table *t, uint32_t target)
{
    for (uint32_t i = 0; i < t->n_cols; i++)
        if (t->cols[i].ref_table == (int32_t)target)
            return true;
    return false;
}

/* <singular>_id bigint references <table> (id): nullable, so inserted rows may
 * leave it NULL and no row ever points at a row that is not there. */
static void add_foreign_keys(Model *m, uint32_t ti, uint32_t count)
{
    for (uint32_t k = 0; k < count; k++) {
        uint32_t target = m->live[rng_below(&m->rng, m->n_live - 1)]; /* not ti itself, the last */
        if (references_table(&m->tables[ti], target))
            continue;
        char base[NAME_LEN], name[NAME_LEN];
        if (!name_printf(base, "%s_id", m->tables[target].singular) ||
            !claim_column_name(&m->tables[ti], base, name))
            continue;
        Column *c = add_column_to(&m->tables[ti]);
        memcpy(c->name, name, NAME_LEN);
        c->type = T_BIGINT;
        c->ref_table = (int32_t)target;
        c->key_uses = 1;
        m->tables[target].referenced_by++;
    }
}

/* One unique column without a default, made NOT NULL as such keys usually are. */
static int32_t choose_unique_column(Model *m, uint32_t ti)
{
    if (!rng_percent(&m->rng, 45))
        return -1;
    int32_t ci = pick_column_in(m, ti, can_be_unique);
    if (ci < 0)
        return -1;
    Column *c = &m->tables[ti].cols[ci];
    c->not_null = true;
    c->unique_uses++;
    c->key_uses++;
    return ci;
}

static int column_width(const Table *t)
{
    size_t w = 0;
    for (uint32_t i = 0; i < t->n_cols; i++)
        if (strlen(t->cols[i].name) > w)
            w = strlen(t->cols[i].name);
    return (int)w;
}

static const char *on_delete_clause(Model *m)
{
    uint32_t r = rng_below(&m->rng, 10);
    return r < 4 ? " on delete cascade" : r < 7 ? " on delete set null" : "";
}

static void write_create_table(Model *m, uint32_t ti, int32_t unique_ci)
{
    const Table *t = &m->tables[ti];
    int width = column_width(t);
    begin_op(m);
    buf_printf(&m->body, "create_table %s (\n", t->name);
    for (uint32_t i = 0; i < t->n_cols; i++) {
        const Column *c = &t->cols[i];
        buf_printf(&m->body, "    ");
        write_column_def(m, c, width, &m->body);
        if (c->ref_table >= 0)
            buf_printf(&m->body, " references %s (id)%s", m->tables[c->ref_table].name,
                       on_delete_clause(m));
        buf_printf(&m->body, "%s\n", i + 1 < t->n_cols || unique_ci >= 0 ? "," : "");
    }
    if (unique_ci >= 0) {
        const char *col = t->cols[unique_ci].name;
        buf_printf(&m->body, "    constraint uq_%s_%s unique (%s)\n", t->name, col, col);
    }
    buf_printf(&m->body, ");\n");
}

static bool act_create_table(Model *m)
{
    uint32_t ti = new_table(m);
    add_id_column(&m->tables[ti]);
    uint32_t want = 4 + rng_below(&m->rng, 5); /* 4..8 columns with the id */
    if (m->n_live > 1) {
        uint32_t r = rng_below(&m->rng, 100);
        add_foreign_keys(m, ti, r < 50 ? 0 : r < 88 ? 1 : 2);
    }
    if (m->n_enums > 0 && rng_percent(&m->rng, 15))
        add_enum_column(m, ti, rng_below(&m->rng, m->n_enums), true);
    for (int tries = 0; m->tables[ti].n_cols < want && tries < 64; tries++) {
        const Word *w = &WORDS[rng_below(&m->rng, N_WORDS)];
        if (!name_used(&m->tables[ti], w->name)) /* no avatar next to avatar_2 */
            add_word_column(m, ti, w, true);
    }
    int32_t unique_ci = choose_unique_column(m, ti);
    title_printf(m, "create table %s", m->tables[ti].name);
    write_create_table(m, ti, unique_ci);
    return true;
}

/* ------------------------------------------------------------- add_column */

static void write_add_column(Model *m, uint32_t ti, const Column *c)
{
    begin_op(m);
    buf_printf(&m->body, "add_column %s.", m->tables[ti].name);
    write_column_def(m, c, 0, &m->body);
    buf_printf(&m->body, ";\n");
}

static bool act_add_column(Model *m)
{
    uint32_t ti = pick_live_table(m);
    Column *c = add_word_column(m, ti, &WORDS[rng_below(&m->rng, N_WORDS)], false);
    if (!c)
        return false;
    /* Rows already there all take the default: no longer distinct. */
    c->distinct = c->def == DEF_NONE || m->tables[ti].next_row_id == 1;
    title_printf(m, "add %s to %s", c->name, m->tables[ti].name);
    write_add_column(m, ti, c);
    return true;
}

/* ------------------------------------------------------------------- enums */

static bool enum_name_taken(const Model *m, const char *name)
{
    for (uint32_t i = 0; i < m->n_enums; i++)
        if (strcmp(m->enums[i].name, name) == 0)
            return true;
    return false;
}

static bool name_new_enum(const Model *m, const Table *t, const Theme *th, char *out)
{
    if (!name_printf(out, "%s_%s", t->singular, th->name))
        return false;
    for (uint32_t k = 2; enum_name_taken(m, out); k++)
        if (!name_printf(out, "%s_%s_%u", t->singular, th->name, k))
            return false;
    return true;
}

static void write_create_enum(Model *m, const Enum *e)
{
    begin_op(m);
    buf_printf(&m->body, "create_enum %s (", e->name);
    for (uint32_t i = 0; i < e->n_labels; i++)
        buf_printf(&m->body, "%s'%s'", i ? ", " : "", e->labels[i].text);
    buf_printf(&m->body, ");\n");
}

/* create_enum, then a column of the new type: an enum nobody uses is not realistic. */
static bool act_create_enum(Model *m)
{
    uint32_t ti = pick_live_table(m);
    const Theme *th = &THEMES[rng_below(&m->rng, N_THEMES)];
    char name[NAME_LEN];
    if (!name_new_enum(m, &m->tables[ti], th, name))
        return false;
    uint32_t ei = m->n_enums;
    Enum *e = PUSH(m->enums, m->n_enums, m->cap_enums);
    memcpy(e->name, name, NAME_LEN);
    e->theme = th;
    for (uint32_t i = 0; i < INITIAL_LABELS; i++)
        e->labels[e->n_labels++] = (Label){th->labels[i], -1};
    e->next_extra = INITIAL_LABELS;
    Column *c = add_enum_column(m, ti, ei, false);
    if (!c) {
        m->n_enums--; /* never written, so never to be used */
        return false;
    }
    title_printf(m, "add %s to %s", c->name, m->tables[ti].name);
    write_create_enum(m, &m->enums[ei]);
    write_add_column(m, ti, c);
    return true;
}

static int32_t pick_growable_enum(Model *m)
{
    if (m->n_enums == 0)
        return -1;
    uint32_t start = rng_below(&m->rng, m->n_enums);
    for (uint32_t k = 0; k < m->n_enums && k < 16; k++) {
        uint32_t ei = (start + k) % m->n_enums;
        const Enum *e = &m->enums[ei];
        if (e->next_extra < MAX_LABELS && e->theme->labels[e->next_extra] && e->n_labels < MAX_LABELS)
            return (int32_t)ei;
    }
    return -1;
}

/* alter_enum add value, at the end or before/after a label, as PostgreSQL allows. */
static bool act_alter_enum(Model *m)
{
    int32_t found = pick_growable_enum(m);
    if (found < 0)
        return false;
    Enum *e = &m->enums[found];
    Label added = {e->theme->labels[e->next_extra++], m->migration};
    uint32_t pos = e->n_labels;
    const char *where = "";
    uint32_t r = rng_below(&m->rng, 4);
    if (r >= 2) {
        uint32_t anchor = rng_below(&m->rng, e->n_labels);
        where = r == 2 ? "before" : "after";
        pos = r == 2 ? anchor : anchor + 1;
    }
    begin_op(m);
    title_printf(m, "add %s to %s", added.text, e->name);
    buf_printf(&m->body, "alter_enum %s add value '%s'", e->name, added.text);
    if (*where)
        buf_printf(&m->body, " %s '%s'", where, e->labels[r == 2 ? pos : pos - 1].text);
    buf_printf(&m->body, ";\n");
    memmove(&e->labels[pos + 1], &e->labels[pos], (e->n_labels - pos) * sizeof e->labels[0]);
    e->labels[pos] = added;
    e->n_labels++;
    return true;
}

/* ----------------------------------------------------------------- indexes */

static bool index_name_taken(const Model *m, uint32_t ti, const char *name)
{
    for (uint32_t i = 0; i < m->n_indexes; i++)
        if (m->indexes[i].alive && m->indexes[i].table == ti && strcmp(m->indexes[i].name, name) == 0)
            return true;
    return false;
}

/* ix_<table>_<columns>, the default naming convention, so naming lint stays quiet. */
static bool name_index(const Model *m, uint32_t ti, const Index *ix, char *out)
{
    const Table *t = &m->tables[ti];
    bool fits = ix->n_cols == 1
                    ? name_printf(out, "ix_%s_%s", t->name, t->cols[ix->cols[0]].name)
                    : name_printf(out, "ix_%s_%s_%s", t->name, t->cols[ix->cols[0]].name,
                                  t->cols[ix->cols[1]].name);
    return fits && !index_name_taken(m, ti, out);
}

/* Sometimes a second indexed column, sometimes a partial index's predicate column. */
static void choose_index_extras(Model *m, uint32_t ti, Index *ix)
{
    if (rng_percent(&m->rng, 25)) {
        int32_t second = pick_column_in(m, ti, can_index);
        if (second >= 0 && (uint32_t)second != ix->cols[0]) {
            ix->cols[1] = (uint32_t)second;
            ix->n_cols = 2;
        }
    }
    /* Partial unique indexes are left out: MySQL has no partial index, and
     * dropping the predicate there would change what a unique index means. */
    if (!ix->unique && rng_percent(&m->rng, 15)) {
        int32_t p = pick_column_in(m, ti, can_be_predicate);
        if (p >= 0 && (uint32_t)p != ix->cols[0] && (ix->n_cols == 1 || (uint32_t)p != ix->cols[1]))
            ix->where_col = p;
    }
}

static void write_predicate(const Column *c, Buf *b)
{
    if (c->type == T_BOOLEAN)
        buf_printf(b, " where %s = true", c->name);
    else if (c->type == T_TIMESTAMPTZ || c->type == T_TIMESTAMP)
        buf_printf(b, " where %s is null", c->name);
    else
        buf_printf(b, " where %s is not null", c->name);
}

static void write_create_index(Model *m, const Index *ix)
{
    const Table *t = &m->tables[ix->table];
    begin_op(m);
    title_printf(m, "index %s", ix->name);
    buf_printf(&m->body, "create_index %s on %s (%s", ix->name, t->name, t->cols[ix->cols[0]].name);
    if (ix->n_cols == 2)
        buf_printf(&m->body, ", %s", t->cols[ix->cols[1]].name);
    buf_printf(&m->body, ")%s", ix->unique ? " unique" : "");
    if (ix->where_col >= 0)
        write_predicate(&t->cols[ix->where_col], &m->body);
    buf_printf(&m->body, ";\n");
}

static void count_index_uses(Model *m, const Index *ix, int delta)
{
    Column *cols = m->tables[ix->table].cols;
    for (uint32_t i = 0; i < ix->n_cols; i++) {
        cols[ix->cols[i]].key_uses += (uint32_t)delta;
        if (ix->unique)
            cols[ix->cols[i]].unique_uses += (uint32_t)delta;
    }
    if (ix->where_col >= 0)
        cols[ix->where_col].expr_uses += (uint32_t)delta;
}

static bool act_create_index(Model *m)
{
    Index ix = {.where_col = -1, .n_cols = 1, .alive = true};
    uint32_t ti, ci;
    ix.unique = rng_percent(&m->rng, 20);
    if (!find_column(m, ix.unique ? can_be_unique : can_index, &ti, &ci))
        return false;
    ix.table = ti;
    ix.cols[0] = ci;
    choose_index_extras(m, ti, &ix);
    if (!name_index(m, ti, &ix, ix.name)) {
        ix.n_cols = 1; /* a long or taken two-column name: try the first column alone */
        if (!name_index(m, ti, &ix, ix.name))
            return false;
    }
    count_index_uses(m, &ix, +1);
    *PUSH(m->indexes, m->n_indexes, m->cap_indexes) = ix;
    write_create_index(m, &ix);
    return true;
}

/* An index led by a foreign-key column is left alone: InnoDB may have adopted it
 * as the key's index and refuses to drop it. */
static bool can_drop_index(const Model *m, const Index *ix)
{
    return ix->alive && m->tables[ix->table].cols[ix->cols[0]].ref_table < 0;
}

static bool act_drop_index(Model *m)
{
    if (m->n_indexes == 0)
        return false;
    uint32_t start = rng_below(&m->rng, m->n_indexes);
    for (uint32_t k = 0; k < m->n_indexes; k++) {
        Index *ix = &m->indexes[(start + k) % m->n_indexes];
        if (!can_drop_index(m, ix))
            continue;
        ix->alive = false;
        count_index_uses(m, ix, -1);
        begin_op(m);
        title_printf(m, "drop index %s", ix->name);
        buf_printf(&m->body, "drop_index %s;\n", ix->name);
        return true;
    }
    return false;
}

/* ------------------------------------------------------------- constraints */

static bool act_add_check(Model *m)
{
    uint32_t ti, ci;
    if (!find_column(m, can_check, &ti, &ci))
        return false;
    Table *t = &m->tables[ti];
    Column *c = &t->cols[ci];
    c->has_check = true;
    c->expr_uses++;
    begin_op(m);
    title_printf(m, "check %s.%s", t->name, c->name);
    buf_printf(&m->body, "add_constraint ck_%s_%u on %s check (", t->name, ++t->n_checks, t->name);
    if (c->type == T_TEXT || c->type == T_VARCHAR)
        buf_printf(&m->body, "length(%s) > 0);\n", c->name);
    else
        buf_printf(&m->body, "%s >= 0);\n", c->name);
    return true;
}

/* ---------------------------------------------------------- column changes */

/* A new name that suits the column: another word of its type (name -> title),
 * else the old name qualified (customer_id -> owner_customer_id). */
static bool rename_base(Model *m, const Column *c, char *out)
{
    if (c->word) {
        uint32_t start = rng_below(&m->rng, N_WORDS);
        for (uint32_t k = 0; k < N_WORDS; k++) {
            const Word *w = &WORDS[(start + k) % N_WORDS];
            if (w->type == c->type && w != c->word && strcmp(w->name, c->name) != 0)
                return name_printf(out, "%s", w->name);
        }
    }
    return name_printf(out, "%s_%s", c->type == T_ENUM ? "current" : c->word ? "legacy" : "owner",
                       c->name);
}

static bool act_rename_column(Model *m)
{
    uint32_t ti, ci;
    if (!find_column(m, can_rename, &ti, &ci))
        return false;
    Table *t = &m->tables[ti];
    const Column *c = &t->cols[ci];
    char base[NAME_LEN], name[NAME_LEN];
    if (!rename_base(m, c, base) || !claim_column_name(t, base, name))
        return false;
    begin_op(m);
    title_printf(m, "rename %s.%s", t->name, c->name);
    buf_printf(&m->body, "rename_column %s.%s to %s;\n", t->name, c->name, name);
    memcpy(t->cols[ci].name, name, NAME_LEN);
    return true;
}

static bool alter_widen(Model *m)
{
    uint32_t ti, ci;
    if (!find_column(m, can_widen, &ti, &ci))
        return false;
    Column *c = &m->tables[ti].cols[ci];
    c->len += VARCHAR_STEP;
    begin_op(m);
    title_printf(m, "widen %s.%s", m->tables[ti].name, c->name);
    buf_printf(&m->body, "alter_column %s.%s type varchar(%d);\n", m->tables[ti].name, c->name, c->len);
    return true;
}

static bool alter_set_default(Model *m)
{
    uint32_t ti, ci;
    if (!find_column(m, can_get_default, &ti, &ci))
        return false;
    Column *c = &m->tables[ti].cols[ci];
    c->def = DEF_LITERAL;
    c->distinct = false; /* rows inserted from now on may all take the default */
    begin_op(m);
    title_printf(m, "default for %s.%s", m->tables[ti].name, c->name);
    buf_printf(&m->body, "alter_column %s.%s set default ", m->tables[ti].name, c->name);
    write_default(m, c, &m->body);
    buf_printf(&m->body, ";\n");
    return true;
}

static bool alter_drop_default(Model *m)
{
    uint32_t ti, ci;
    if (!find_column(m, can_lose_default, &ti, &ci))
        return false;
    Column *c = &m->tables[ti].cols[ci];
    c->def = DEF_NONE; /* a NOT NULL column now needs a value in every data_insert */
    begin_op(m);
    title_printf(m, "no default for %s.%s", m->tables[ti].name, c->name);
    buf_printf(&m->body, "alter_column %s.%s drop default;\n", m->tables[ti].name, c->name);
    return true;
}

static bool act_alter_column(Model *m)
{
    uint32_t r = rng_below(&m->rng, 10);
    if (r < 4)
        return alter_widen(m) || alter_set_default(m) || alter_drop_default(m);
    if (r < 7)
        return alter_set_default(m) || alter_drop_default(m) || alter_widen(m);
    return alter_drop_default(m) || alter_widen(m) || alter_set_default(m);
}

static bool act_drop_column(Model *m)
{
    uint32_t ti, ci;
    if (!find_column(m, can_drop, &ti, &ci) || live_plain_columns(&m->tables[ti]) < 3)
        return false;
    Column *c = &m->tables[ti].cols[ci];
    c->alive = false;
    begin_op(m);
    title_printf(m, "drop %s.%s", m->tables[ti].name, c->name);
    /* drop-column is a data-loss hazard: real projects say why they accept it. */
    buf_printf(&m->body, "@allow drop-column \"%s\"\ndrop_column %s.%s;\n",
               DROP_REASONS[rng_below(&m->rng, N_DROP_REASONS)], m->tables[ti].name, c->name);
    return true;
}

/* ------------------------------------------------------------------ tables */

static void release_table(Model *m, uint32_t ti)
{
    Table *t = &m->tables[ti];
    t->alive = false;
    for (uint32_t i = 0; i < t->n_cols; i++)
        if (t->cols[i].alive && t->cols[i].ref_table >= 0)
            m->tables[t->cols[i].ref_table].referenced_by--;
    for (uint32_t i = 0; i < m->n_indexes; i++)
        if (m->indexes[i].table == ti)
            m->indexes[i].alive = false;
    forget_live_table(m, ti);
}

static bool act_drop_table(Model *m)
{
    if (m->n_live <= MIN_LIVE_TABLES)
        return false;
    uint32_t start = rng_below(&m->rng, m->n_live);
    for (uint32_t k = 0; k < m->n_live; k++) {
        uint32_t ti = m->live[(start + k) % m->n_live];
        const Table *t = &m->tables[ti];
        if (t->referenced_by > 0 || t->born == m->migration)
            continue;
        begin_op(m);
        title_printf(m, "drop table %s", t->name);
        buf_printf(&m->body, "@allow drop-table \"%s\"\ndrop_table %s;\n",
                   DROP_REASONS[rng_below(&m->rng, N_DROP_REASONS)], t->name);
        release_table(m, ti);
        return true;
    }
    return false;
}

/* -------------------------------------------------------------------- data */

/* Which columns a data_insert names: the id, every column that must be given
 * (NOT NULL without default, or unique), and a few others for variety. */
static uint32_t choose_insert_columns(Model *m, uint32_t ti, uint32_t *out)
{
    const Table *t = &m->tables[ti];
    uint32_t n = 0;
    for (uint32_t i = 0; i < t->n_cols; i++) {
        const Column *c = &t->cols[i];
        if (!c->alive || c->ref_table >= 0)
            continue;
        bool required = c->is_id || (c->not_null && c->def == DEF_NONE) || c->unique_uses > 0;
        bool extra = type_has(c->type, F_VALUE) && rng_percent(&m->rng, 30);
        if (required || extra)
            out[n++] = i;
    }
    if (n == 1) /* the id alone: name one more column, as a real seed would */
        for (uint32_t i = 0; i < t->n_cols && n == 1; i++)
            if (t->cols[i].alive && t->cols[i].ref_table < 0 && !t->cols[i].is_id &&
                type_has(t->cols[i].type, F_VALUE))
                out[n++] = i;
    return n;
}

/* Columns left out take their default: the same value in every new row. */
static void mark_defaulted_columns(Table *t, const uint32_t *named, uint32_t n_named)
{
    for (uint32_t i = 0; i < t->n_cols; i++) {
        bool given = false;
        for (uint32_t k = 0; k < n_named; k++)
            given |= named[k] == i;
        if (!given && t->cols[i].def != DEF_NONE)
            t->cols[i].distinct = false;
    }
}

static void write_insert_row(Model *m, uint32_t ti, const uint32_t *cols, uint32_t n, uint32_t row)
{
    const Table *t = &m->tables[ti];
    buf_printf(&m->body, "    (");
    for (uint32_t k = 0; k < n; k++) {
        const Column *c = &t->cols[cols[k]];
        if (k)
            buf_printf(&m->body, ", ");
        if (c->is_id)
            buf_printf(&m->body, "%u", row);
        else
            write_value(m, ti, c, row, &m->body);
    }
    buf_printf(&m->body, ")");
}

static bool act_data_insert(Model *m)
{
    uint32_t ti = pick_live_table(m);
    Table *t = &m->tables[ti];
    uint32_t *cols = malloc(t->n_cols * sizeof *cols);
    if (!cols)
        return false;
    uint32_t n = choose_insert_columns(m, ti, cols);
    uint32_t rows = 1 + rng_below(&m->rng, MAX_ROW_BATCH);
    begin_op(m);
    title_printf(m, "seed %s", t->name);
    buf_printf(&m->body, "data_insert %s (", t->name);
    for (uint32_t k = 0; k < n; k++)
        buf_printf(&m->body, "%s%s", k ? ", " : "", t->cols[cols[k]].name);
    buf_printf(&m->body, ") values\n");
    for (uint32_t r = 0; r < rows; r++) {
        write_insert_row(m, ti, cols, n, t->next_row_id++);
        buf_printf(&m->body, "%s\n", r + 1 < rows ? "," : ";");
    }
    mark_defaulted_columns(t, cols, n);
    free(cols);
    return true;
}

/* set c = v where c is null, reversed by set c = null where c = v; then often
 * set not null, the usual three-step way to add a required column. */
static bool update_backfill(Model *m)
{
    uint32_t ti, ci;
    if (!find_column(m, can_backfill, &ti, &ci))
        return false;
    const char *t = m->tables[ti].name;
    Column *c = &m->tables[ti].cols[ci];
    Buf v = {0};
    write_value(m, ti, c, 0, &v);
    begin_op(m);
    title_printf(m, "backfill %s.%s", t, c->name);
    buf_printf(&m->body, "data_update %s set %s = %s where %s is null\n", t, c->name, v.data, c->name);
    buf_printf(&m->body, "    reverse set %s = null where %s = %s;\n", c->name, c->name, v.data);
    free(v.data);
    c->distinct = false;
    if (rng_percent(&m->rng, 40)) {
        c->not_null = true;
        begin_op(m);
        buf_printf(&m->body, "alter_column %s.%s set not null;\n", t, c->name);
    }
    return true;
}

/* set c = 'b' where c = 'a', reversed by the mirror image. */
static bool update_relabel(Model *m)
{
    uint32_t ti, ci;
    if (!find_column(m, can_relabel, &ti, &ci))
        return false;
    const char *t = m->tables[ti].name;
    Column *c = &m->tables[ti].cols[ci];
    const Label *usable[MAX_LABELS];
    uint32_t n = usable_labels(m, &m->enums[c->enum_id], usable);
    uint32_t from = rng_below(&m->rng, n), to = (from + 1 + rng_below(&m->rng, n - 1)) % n;
    const char *a = usable[from]->text, *b = usable[to]->text;
    begin_op(m);
    title_printf(m, "move %s.%s from %s to %s", t, c->name, a, b);
    buf_printf(&m->body, "data_update %s set %s = '%s' where %s = '%s'\n", t, c->name, b, c->name, a);
    buf_printf(&m->body, "    reverse set %s = '%s' where %s = '%s';\n", c->name, a, c->name, b);
    c->distinct = false;
    return true;
}

/* set c = c + 1, reversed exactly by c - 1; values stay >= 0 for any check. */
static bool update_counter(Model *m)
{
    uint32_t ti, ci;
    if (!find_column(m, can_count, &ti, &ci))
        return false;
    const char *t = m->tables[ti].name;
    Column *c = &m->tables[ti].cols[ci];
    begin_op(m);
    title_printf(m, "bump %s.%s", t, c->name);
    buf_printf(&m->body, "data_update %s set %s = %s + 1 where %s is not null\n", t, c->name, c->name,
               c->name);
    buf_printf(&m->body, "    reverse set %s = %s - 1 where %s is not null;\n", c->name, c->name,
               c->name);
    c->distinct = false;
    return true;
}

static bool act_data_update(Model *m)
{
    uint32_t r = rng_below(&m->rng, 10);
    if (r < 5)
        return update_backfill(m) || update_relabel(m) || update_counter(m);
    if (r < 7)
        return update_relabel(m) || update_counter(m) || update_backfill(m);
    return update_counter(m) || update_backfill(m) || update_relabel(m);
}

/* ----------------------------------------------------------------- the mix */

typedef bool (*Action)(Model *m);

typedef struct Choice {
    Action act;
    uint32_t weight; /* percent of picks */
} Choice;

static const Choice MIX[] = {
    {act_create_table, 11}, {act_add_column, 19}, {act_create_index, 13}, {act_rename_column, 5},
    {act_alter_column, 10}, {act_add_check, 5},   {act_create_enum, 4},   {act_alter_enum, 3},
    {act_data_insert, 9},   {act_data_update, 7}, {act_drop_index, 5},    {act_drop_column, 7},
    {act_drop_table, 2},
};
#define N_MIX (sizeof MIX / sizeof MIX[0])

static Action pick_action(Model *m)
{
    uint32_t total = 0;
    for (size_t i = 0; i < N_MIX; i++)
        total += MIX[i].weight;
    uint32_t r = rng_below(&m->rng, total);
    for (size_t i = 0; i < N_MIX; i++) {
        if (r < MIX[i].weight)
            return MIX[i].act;
        r -= MIX[i].weight;
    }
    return act_add_column;
}

/* One operation or a small group; something always gets written. */
static void run_one_action(Model *m)
{
    if (m->n_live < 3) {
        act_create_table(m); /* a young project first creates its tables */
        return;
    }
    for (int tries = 0; tries < 3; tries++)
        if (pick_action(m)(m))
            return;
    if (!act_add_column(m))
        act_create_table(m);
}

/* ---------------------------------------------------------------- the files */

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
