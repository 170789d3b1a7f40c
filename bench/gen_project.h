/* gen_project.h: what the files of bench/gen_project share: the schema model it
 * replays (tables, columns, indexes, enums), the buffer and PRNG it writes with, and
 * the functions one file offers another.  gen_model.c keeps the model and writes its
 * SQL values, gen_actions.c and gen_data.c write the operations, gen_project.c the
 * migration files. */
#ifndef MIGC_GEN_PROJECT_H
#define MIGC_GEN_PROJECT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h> /* memset, for PUSH */

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

/* The growth behind PUSH: doubles *cap until need fits; exits when memory runs out. */
void *grow(void *items, uint32_t *cap, uint32_t need, size_t size);

/* Appends a zeroed element to a (items, n, cap) array and yields its address. */
#define PUSH(items, n, cap)                                                                        \
    ((items) = grow((items), &(cap), (n) + 1, sizeof *(items)),                                    \
     memset(&(items)[(n)], 0, sizeof *(items)), &(items)[(n)++])

typedef struct Buf {
    char *data;
    size_t len, cap;
} Buf;

void buf_printf(Buf *b, const char *fmt, ...) PRINTF_LIKE(2, 3);
bool name_printf(char *out, const char *fmt, ...) PRINTF_LIKE(2, 3);

/* --------------------------------------------------------------------- PRNG */

/* xorshift64*: tiny, fast, and the same stream on every platform, unlike rand(). */
typedef struct Rng {
    uint64_t state;
} Rng;

Rng rng_seeded(uint64_t seed);
uint32_t rng_below(Rng *r, uint32_t n);
bool rng_percent(Rng *r, uint32_t percent);

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

bool type_has(Type t, unsigned flag);

/* --------------------------------------------------------------- vocabulary */

/* A column name with its type; row values are prefix, row id, suffix (char columns
 * take prefix alone, which is exactly as long as the column). */
typedef struct Word {
    const char *name;
    Type type;
    int len;
    const char *prefix, *suffix;
} Word;

/* Plural for the table, singular for foreign-key columns and enum names; no
 * singular equals a plural, so enum and table names never meet in PostgreSQL's
 * pg_type, which holds both. */
typedef struct Noun {
    const char *plural, *singular;
} Noun;

/* An enum starts with three labels; alter_enum adds the rest, in order. */
typedef struct Theme {
    const char *name;
    const char *labels[MAX_LABELS];
} Theme;

#define INITIAL_LABELS 3u

/* The vocabulary, in gen_model.c.  N_NOUNS is a constant because Model counts the
 * tables named after each noun. */
enum { N_NOUNS = 30 };
extern const Word WORDS[];
extern const size_t N_WORDS;
extern const Theme THEMES[];
extern const size_t N_THEMES;
extern const char *const DROP_REASONS[];
extern const size_t N_DROP_REASONS;

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

void title_printf(Model *m, const char *fmt, ...) PRINTF_LIKE(2, 3);
void begin_op(Model *m);

/* ------------------------------------------------------------------- tables */

bool name_used(const Table *t, const char *name);
bool claim_column_name(Table *t, const char *base, char *out);
uint32_t new_table(Model *m);
uint32_t pick_live_table(Model *m);
uint32_t live_plain_columns(const Table *t);
Column *add_column_to(Table *t);
void forget_live_table(Model *m, uint32_t ti);

/* ------------------------------------------------------------------ columns */

typedef bool (*ColumnTest)(const Model *m, const Column *c);

int32_t pick_column_in(Model *m, uint32_t ti, ColumnTest test);
bool find_column(Model *m, ColumnTest test, uint32_t *ti, uint32_t *ci);

/* The column tests, for pick_column_in and find_column. */
bool can_drop(const Model *m, const Column *c);
bool can_rename(const Model *m, const Column *c);
bool can_widen(const Model *m, const Column *c);
bool can_get_default(const Model *m, const Column *c);
bool can_lose_default(const Model *m, const Column *c);
bool can_check(const Model *m, const Column *c);
bool can_index(const Model *m, const Column *c);
bool can_be_unique(const Model *m, const Column *c);
bool can_be_predicate(const Model *m, const Column *c);
bool can_backfill(const Model *m, const Column *c);
bool can_count(const Model *m, const Column *c);
bool can_relabel(const Model *m, const Column *c);

uint32_t usable_labels(const Model *m, const Enum *e, const Label **out);

/* ------------------------------------------------------------------- values */

void write_value(const Model *m, uint32_t ti, const Column *c, uint32_t r, Buf *b);
void write_default(const Model *m, const Column *c, Buf *b);
void write_column_def(const Model *m, const Column *c, int width, Buf *b);

/* ------------------------------------------------------------------ actions */

/* gen_data.c: the data operations, for the mix in gen_actions.c. */
bool act_data_insert(Model *m);
bool act_data_update(Model *m);

/* gen_actions.c: writes one operation or a small group into m->body. */
void run_one_action(Model *m);

#endif
