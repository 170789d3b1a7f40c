/* gen_model.c: gen_project's schema model and the text it is written with:
 * buffers, the PRNG, identifiers, the vocabulary, the bookkeeping of tables and
 * columns, the tests actions pick columns by, and the SQL of types, values and
 * defaults. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen_project.h"

/* ------------------------------------------------------------ memory, text */

void *grow(void *items, uint32_t *cap, uint32_t need, size_t size)
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

void buf_printf(Buf *b, const char *fmt, ...)
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
bool name_printf(char *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(out, NAME_LEN, fmt, ap);
    va_end(ap);
    return n > 0 && n < NAME_LEN;
}

/* --------------------------------------------------------------------- PRNG */

Rng rng_seeded(uint64_t seed)
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
uint32_t rng_below(Rng *r, uint32_t n)
{
    return (uint32_t)((rng_next(r) >> 16) % n);
}

bool rng_percent(Rng *r, uint32_t percent)
{
    return rng_below(r, 100) < percent;
}

/* -------------------------------------------------------------------- types */

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

bool type_has(Type t, unsigned flag)
{
    return (TYPES[t].flags & flag) != 0;
}

/* --------------------------------------------------------------- vocabulary */

const Word WORDS[] = {
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
const size_t N_WORDS = sizeof WORDS / sizeof WORDS[0];

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
_Static_assert(sizeof NOUNS / sizeof NOUNS[0] == N_NOUNS, "N_NOUNS counts NOUNS");

const Theme THEMES[] = {
    {"status", {"pending", "active", "suspended", "archived", "deleted", "locked", "banned"}},
    {"state", {"draft", "review", "published", "retracted", "scheduled", "embargoed"}},
    {"priority", {"low", "medium", "high", "urgent", "critical"}},
    {"tier", {"free", "basic", "pro", "enterprise", "partner"}},
    {"phase", {"planning", "building", "testing", "released", "retired"}},
    {"visibility", {"private", "internal", "public", "unlisted", "restricted"}},
    {"channel", {"email", "sms", "push", "webhook", "chat"}},
    {"severity", {"info", "warning", "error", "critical", "fatal"}},
};
const size_t N_THEMES = sizeof THEMES / sizeof THEMES[0];

const char *const DROP_REASONS[] = {
    "no reader left since the previous release",
    "replaced by a new column; data copied in an earlier release",
    "feature removed; data archived to cold storage",
    "never populated in production",
};
const size_t N_DROP_REASONS = sizeof DROP_REASONS / sizeof DROP_REASONS[0];

/* -------------------------------------------------------------------- model */

/* Records the migration's title from its first operation. */
void title_printf(Model *m, const char *fmt, ...)
{
    if (m->title[0])
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m->title, sizeof m->title, fmt, ap);
    va_end(ap);
}

/* Starts an operation: a blank line between operations keeps files readable. */
void begin_op(Model *m)
{
    if (m->ops_here > 0)
        buf_printf(&m->body, "\n");
    m->ops_here++;
    m->total_ops++;
}

/* ------------------------------------------------------------------- tables */

bool name_used(const Table *t, const char *name)
{
    for (uint32_t i = 0; i < t->n_used; i++)
        if (strcmp(t->used[i], name) == 0)
            return true;
    return false;
}

/* base, or base_2, base_3 ... : the first name the table never had. */
bool claim_column_name(Table *t, const char *base, char *out)
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

uint32_t new_table(Model *m)
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
uint32_t pick_live_table(Model *m)
{
    uint32_t span = m->n_live;
    if (span > RECENT_TABLES && rng_percent(&m->rng, 50))
        return m->live[m->n_live - 1 - rng_below(&m->rng, RECENT_TABLES)];
    return m->live[rng_below(&m->rng, span)];
}

uint32_t live_plain_columns(const Table *t)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < t->n_cols; i++)
        n += t->cols[i].alive && !t->cols[i].is_id;
    return n;
}

Column *add_column_to(Table *t)
{
    Column *c = PUSH(t->cols, t->n_cols, t->cap_cols);
    c->alive = true;
    c->ref_table = -1;
    c->distinct = true;
    return c;
}

void forget_live_table(Model *m, uint32_t ti)
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

/* A live column of table ti passing test, from a random start; -1 if none. */
int32_t pick_column_in(Model *m, uint32_t ti, ColumnTest test)
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
bool find_column(Model *m, ColumnTest test, uint32_t *ti, uint32_t *ci)
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

bool can_drop(const Model *m, const Column *c)
{
    (void)m;
    return !c->is_id && c->key_uses == 0 && c->expr_uses == 0;
}

bool can_rename(const Model *m, const Column *c)
{
    (void)m; /* a renamed column would leave check and predicate text behind in SQLite and MySQL */
    return !c->is_id && c->expr_uses == 0;
}

bool can_widen(const Model *m, const Column *c)
{
    (void)m;
    return c->type == T_VARCHAR && c->len + VARCHAR_STEP <= MAX_VARCHAR;
}

bool can_get_default(const Model *m, const Column *c)
{
    (void)m;
    return is_plain(c) && c->def == DEF_NONE && c->unique_uses == 0 && type_has(c->type, F_DEFAULT);
}

bool can_lose_default(const Model *m, const Column *c)
{
    (void)m;
    return c->def != DEF_NONE;
}

bool can_check(const Model *m, const Column *c)
{
    (void)m;
    return is_plain(c) && !c->has_check && type_has(c->type, F_CHECK);
}

bool can_index(const Model *m, const Column *c)
{
    (void)m;
    return !c->is_id && type_has(c->type, F_INDEX);
}

bool can_be_unique(const Model *m, const Column *c)
{
    (void)m;
    return is_plain(c) && type_has(c->type, F_UNIQUE) && c->distinct && c->def == DEF_NONE &&
           c->unique_uses == 0;
}

bool can_be_predicate(const Model *m, const Column *c)
{
    (void)m;
    return !c->is_id && !c->not_null;
}

/* data_update ... set c = v where c is null: a backfill. */
bool can_backfill(const Model *m, const Column *c)
{
    (void)m;
    return is_plain(c) && !c->not_null && c->unique_uses == 0 && type_has(c->type, F_VALUE) &&
           type_has(c->type, F_EQUALS);
}

bool can_count(const Model *m, const Column *c)
{
    (void)m;
    return is_plain(c) && c->unique_uses == 0 && type_has(c->type, F_COUNTER);
}

/* Labels added by an earlier migration: PostgreSQL refuses a label in the
 * transaction that added it. */
uint32_t usable_labels(const Model *m, const Enum *e, const Label **out)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < e->n_labels; i++)
        if (e->labels[i].added_in < (int64_t)m->migration)
            out[n++] = &e->labels[i];
    return n;
}

bool can_relabel(const Model *m, const Column *c)
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
void write_value(const Model *m, uint32_t ti, const Column *c, uint32_t r, Buf *b)
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
void write_default(const Model *m, const Column *c, Buf *b)
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

void write_column_def(const Model *m, const Column *c, int width, Buf *b)
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
