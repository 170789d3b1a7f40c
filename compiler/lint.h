/* lint.h: the hazard linter: one rule catalogue, findings with configured
 * severities, and @allow.
 *
 * Rules look at each operation with the schema model before and after it
 * (lint_rules.c) or at plain PostgreSQL SQL through libpg_query
 * (lint_sql.c); both report through lint_report() under the same rule ids.
 * Provenance makes the difference other linters cannot: an object created
 * earlier in the same migration is new, so lock and rewrite rules do not
 * apply to it. */
#ifndef MIGC_LINT_H
#define MIGC_LINT_H

#include "config.h"
#include "replay.h"

/* Dialect scope of a rule. */
enum { LD_PG = DIALECT_MASK_POSTGRESQL, LD_SQLITE = DIALECT_MASK_SQLITE, LD_MYSQL = DIALECT_MASK_MYSQL,
       LD_ALL = DIALECT_MASK_ALL };

typedef enum LintLevel { LEVEL_OFF, LEVEL_INFO, LEVEL_WARNING, LEVEL_ERROR } LintLevel;

/*      id                         name                             default        dialects  why / safe alternative */
#define LINT_RULES(X)                                                                                                      \
    X(R_DROP_TABLE, "drop-table", LEVEL_ERROR, LD_ALL,                                                                     \
      "dropping a table destroys every row in it; the downgrade restores the table, not the data",                        \
      "archive the rows first and say so: @allow drop-table \"reason\"")                                                 \
    X(R_DROP_COLUMN, "drop-column", LEVEL_ERROR, LD_ALL,                                                                   \
      "dropping a column destroys its data, and application code still reading it breaks",                               \
      "stop using the column in the application first, then drop it with @allow drop-column \"reason\"")                \
    X(R_DATA_DELETE, "data-delete", LEVEL_WARNING, LD_ALL,                                                                 \
      "deleting rows (data_delete, DELETE without where, TRUNCATE) cannot be undone by a downgrade",                      \
      "archive the rows first, or keep them and filter in the application")                                               \
    X(R_DATA_UPDATE_WITHOUT_WHERE, "data-update-without-where", LEVEL_WARNING, LD_ALL,                                    \
      "an update without where rewrites every row of the table in one transaction",                                       \
      "add a where clause, or update in batches")                                                                         \
    X(R_IRREVERSIBLE, "irreversible", LEVEL_ERROR, LD_ALL, "the migration cannot be downgraded",                           \
      "give a reverse clause, or accept it with @allow irreversible \"reason\"")                                          \
    X(R_RENAME_TABLE, "rename-table", LEVEL_WARNING, LD_ALL,                                                               \
      "renaming a table breaks running application code that uses the old name",                                         \
      "deploy code that works with both names first (e.g. a view), then rename")                                          \
    X(R_RENAME_COLUMN, "rename-column", LEVEL_WARNING, LD_ALL,                                                             \
      "renaming a column breaks running application code that uses the old name",                                        \
      "add the new column, write both, backfill, switch reads, then drop the old one")                                    \
    X(R_ADD_NOT_NULL_WITHOUT_DEFAULT, "add-not-null-without-default", LEVEL_ERROR, LD_ALL,                                 \
      "a not null column without a default cannot be added to a table that has rows",                                     \
      "add it nullable, backfill with data_update, then set not null; or give it a default")                              \
    X(R_SET_NOT_NULL_FULL_SCAN, "set-not-null-full-scan", LEVEL_WARNING, LD_PG,                                            \
      "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock",                                                \
      "add_constraint ck on t check (c is not null) not valid; validate_constraint ck; then set not null "                \
      "(PostgreSQL 12+ skips the scan) and drop the check")                                                              \
    X(R_ALTER_TYPE_REWRITE, "alter-type-rewrite", LEVEL_WARNING, LD_PG | LD_MYSQL,                                         \
      "this type change rewrites the whole table (and its indexes) under an exclusive lock",                              \
      "add a new column, backfill it in batches, switch the application, then drop the old column")                       \
    X(R_INDEX_NOT_CONCURRENT, "index-not-concurrent", LEVEL_WARNING, LD_PG,                                                \
      "CREATE INDEX blocks writes to the table until the index is built",                                                \
      "use create_index ... concurrently in a migration with transaction none")                                          \
    X(R_DROP_INDEX_NOT_CONCURRENT, "drop-index-not-concurrent", LEVEL_WARNING, LD_PG,                                      \
      "DROP INDEX takes an ACCESS EXCLUSIVE lock on the table",                                                           \
      "use drop_index ... concurrently in a migration with transaction none")                                            \
    X(R_CONCURRENTLY_IN_TRANSACTION, "concurrently-in-transaction", LEVEL_ERROR, LD_PG,                                    \
      "PostgreSQL cannot build or drop an index concurrently inside a transaction",                                       \
      "add `transaction none` to the migration header, and keep that migration to the index alone")                      \
    X(R_FK_WITHOUT_NOT_VALID, "fk-without-not-valid", LEVEL_WARNING, LD_PG,                                                \
      "adding a foreign key checks every row while blocking writes to both tables",                                      \
      "add_constraint ... not valid, then validate_constraint in a later migration")                                     \
    X(R_CHECK_WITHOUT_NOT_VALID, "check-without-not-valid", LEVEL_WARNING, LD_PG,                                          \
      "adding a check constraint scans every row under an ACCESS EXCLUSIVE lock",                                        \
      "add_constraint ... check (...) not valid, then validate_constraint in a later migration")                         \
    X(R_ADD_UNIQUE_CONSTRAINT, "add-unique-constraint", LEVEL_WARNING, LD_PG,                                              \
      "adding a unique constraint builds its index under an exclusive lock and fails on duplicates",                      \
      "create_index ... unique concurrently first; PostgreSQL can then add the constraint USING INDEX")                   \
    X(R_ADD_PRIMARY_KEY, "add-primary-key", LEVEL_WARNING, LD_PG,                                                          \
      "adding a primary key builds its index under an exclusive lock and checks every row",                              \
      "create a unique index concurrently first, then add the primary key using it")                                      \
    X(R_VOLATILE_DEFAULT, "volatile-default", LEVEL_WARNING, LD_PG,                                                        \
      "a column added with a volatile default (random(), gen_random_uuid()) or as identity rewrites the whole table",    \
      "add the column without a default, set the default, then backfill existing rows in batches")                       \
    X(R_PREFER_BIGINT, "prefer-bigint", LEVEL_WARNING, LD_ALL,                                                              \
      "a smallint or integer key can run out of values; widening it later rewrites the table",                           \
      "use bigint for identity and key columns")                                                                          \
    X(R_PREFER_TIMESTAMPTZ, "prefer-timestamptz", LEVEL_WARNING, LD_PG,                                                    \
      "timestamp without time zone loses the offset; values shift when servers or sessions change zone",                 \
      "use timestamptz")                                                                                                  \
    X(R_PREFER_TEXT, "prefer-text", LEVEL_OFF, LD_PG,                                                                     \
      "in PostgreSQL varchar(n) is text with a length check; raising the limit later is a migration",                     \
      "use text, with a check constraint when a limit matters")                                                           \
    X(R_PREFER_IDENTITY, "prefer-identity", LEVEL_WARNING, LD_PG,                                                          \
      "serial columns own a separate sequence with its own permissions and dump quirks",                                  \
      "use GENERATED BY DEFAULT AS IDENTITY (identity in migc)")                                                         \
    X(R_PREFER_JSONB, "prefer-jsonb", LEVEL_WARNING, LD_PG,                                                                \
      "json keeps the text as written and cannot be indexed or compared",                                                 \
      "use jsonb")                                                                                                        \
    X(R_ENUM_VALUE_POSITION, "enum-value-position", LEVEL_INFO, LD_PG | LD_MYSQL,                                          \
      "a label added before the end changes the order existing labels sort in",                                           \
      "add new labels at the end unless their position matters to queries")                                              \
    X(R_MYSQL_ENUM_CHANGE_COPIES_TABLE, "mysql-enum-change-copies-table", LEVEL_WARNING, LD_MYSQL,                         \
      "MySQL copies every table using the enum when a label is inserted or removed (only appending is in place)",         \
      "add labels at the end, or schedule the change for a quiet period")                                                 \
    X(R_SQLITE_TABLE_REBUILD, "sqlite-table-rebuild", LEVEL_INFO, LD_SQLITE,                                               \
      "SQLite cannot alter this in place: migc rebuilds the table (create, copy rows, drop, rename)",                    \
      "nothing to do; large tables take time and disk space to copy")                                                     \
    X(R_NAMING_CONVENTION, "naming-convention", LEVEL_WARNING, LD_ALL,                                                     \
      "the name does not follow the project's naming convention ([lint.naming] in migc.ini)",                             \
      "rename it to match the pattern")                                                                                   \
    X(R_NON_PORTABLE_FUNCTION, "non-portable-function", LEVEL_WARNING, LD_ALL,                                             \
      "migc maps this function for no dialect: it is passed through as written",                                          \
      "use a portable function (now, lower, upper, length, coalesce, ...) or make sure every target dialect has it")

/* The safe alternative in SQL terms, for findings in .sql files and
 * execute blocks, where the migc wording would be the wrong advice. */
#define LINT_SQL_FIXES(X)                                                                                          \
    X(R_DROP_TABLE, "archive the rows first, then drop the table")                                                \
    X(R_DROP_COLUMN, "stop reading the column in the application first, then drop it")                            \
    X(R_INDEX_NOT_CONCURRENT, "use CREATE INDEX CONCURRENTLY, outside a transaction block")                       \
    X(R_DROP_INDEX_NOT_CONCURRENT, "use DROP INDEX CONCURRENTLY, outside a transaction block")                    \
    X(R_CONCURRENTLY_IN_TRANSACTION, "run it outside BEGIN ... COMMIT, in a migration the tool does not wrap "    \
                                     "in a transaction")                                                           \
    X(R_FK_WITHOUT_NOT_VALID, "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT in a later migration")      \
    X(R_CHECK_WITHOUT_NOT_VALID, "ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT later")      \
    X(R_ADD_UNIQUE_CONSTRAINT, "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... UNIQUE USING "    \
                               "INDEX")                                                                            \
    X(R_ADD_PRIMARY_KEY, "CREATE UNIQUE INDEX CONCURRENTLY first, then ADD CONSTRAINT ... PRIMARY KEY USING "     \
                         "INDEX")                                                                                  \
    X(R_SET_NOT_NULL_FULL_SCAN, "ADD CONSTRAINT ck CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT ck; "   \
                                "then SET NOT NULL and drop the check")                                           \
    X(R_ADD_NOT_NULL_WITHOUT_DEFAULT, "add it nullable, backfill it, then SET NOT NULL; or give it a DEFAULT")    \
    X(R_VOLATILE_DEFAULT, "add the column without a default, SET DEFAULT, then backfill existing rows in "        \
                          "batches")                                                                               \
    X(R_PREFER_IDENTITY, "use GENERATED BY DEFAULT AS IDENTITY instead of serial")

typedef enum RuleId {
#define X(id, name, level, dialects, why, fix) id,
    LINT_RULES(X)
#undef X
        RULE__COUNT
} RuleId;

typedef struct RuleInfo {
    const char *name;
    LintLevel level;
    unsigned dialects;
    const char *why;
    const char *fix;
} RuleInfo;

/* The fix in SQL terms (LINT_SQL_FIXES), or the rule's own. */
const char *rule_sql_fix(RuleId id);

const RuleInfo *rule_info(RuleId id);
bool rule_by_name(const char *name, RuleId *out);
const char *level_name(LintLevel l);

typedef enum NamingKindLint { NK_TABLE, NK_COLUMN, NK_INDEX, NK_CONSTRAINT, NK_ENUM, NK__COUNT } NamingKindLint;

/* Severities after migc.ini [lint], and the naming patterns. */
typedef struct LintConfig {
    LintLevel level[RULE__COUNT];
    const ConfigEntry *naming[NK__COUNT]; /* the PCRE2 source, per kind */
    void *compiled[NK__COUNT];            /* pcre2_code* */
    void *match[NK__COUNT];               /* pcre2_match_data* */
} LintConfig;

/* Reads [lint] and [lint.naming]; bad entries are reported. */
void lint_config_load(LintConfig *lc, const Config *config, Diags *diags);
/* The level migc.ini gives rule `id` (its default, `default`, its own
 * line), quietly: for the phases that run without a linter. */
LintLevel configured_level(const Config *config, RuleId id);
void lint_config_free(LintConfig *lc);

/* One finding, kept on its operation (Op.findings) for bundle comments. */
typedef struct Finding {
    RuleId rule;
    LintLevel level;
    unsigned dialects; /* the dialects it concerns: its rule's, or fewer */
    const char *message;
    Span span;
    const Allow *allowed_by; /* the @allow that silenced it, or NULL */
    Diag *diag;              /* the reported diagnostic, NULL when allowed */
} Finding;

typedef struct Linter {
    Arena *arena;
    Diags *diags;
    LintConfig config;
    unsigned dialects; /* the project's targets: rules for other dialects stay quiet */
    bool in_sql;       /* reporting on SQL text (a .sql file, an execute body) */
    PtrVec findings;   /* Finding*, in report order */
} Linter;

void linter_init(Linter *l, Arena *a, Diags *diags, const Config *config);
void linter_free(Linter *l);

/* Reports `rule` at `span` for operation `op` (NULL outside .mig files):
 * silenced by an @allow of that rule on the op, else a diagnostic at the
 * configured severity.  The same rule at the same span of the same op is
 * reported once.  Returns the finding, or NULL when the rule is off. */
Finding *lint_report(Linter *l, RuleId rule, Op *op, Span span, const char *fmt, ...) MIGC_PRINTF(5, 6);

/* Whether `name` follows [lint.naming] for its kind (true when unset). */
bool lint_name_matches(const Linter *l, NamingKindLint kind, const char *name);
const char *lint_naming_pattern(const Linter *l, NamingKindLint kind);
const char *lint_naming_kind(NamingKindLint kind);

/* The replay hook: runs the .mig rules on every upgrade operation. */
void lint_on_op(Linter *l, const OpEvent *ev);
/* After a migration: @allow that silenced nothing, or names no rule. */
void lint_check_allows(Linter *l, const Migration *m);

/* Plain PostgreSQL files (lint_sql.c). */
void lint_sql_file(Linter *l, uint32_t file);
/* The SQL of a migc `execute` block, `body` its span in the .mig file: the
 * .sql rules and PostgreSQL's syntax check; findings attach to `op`. */
void lint_sql_embedded(Linter *l, Op *op, const char *sql, Span body);

#endif
