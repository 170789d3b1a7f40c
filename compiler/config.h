/* config.h: migc.ini, read with inih.
 *
 *   [migc]      migrations, dialects, version_table
 *   [naming]    templates for unnamed constraints and indexes
 *   [lint]      RULE = error | warning | off
 *   [lint.naming] KIND = PCRE2 pattern (table, column, index, constraint, enum)
 *
 * Unknown sections and keys are warnings that point at their line. */
#ifndef MIGC_CONFIG_H
#define MIGC_CONFIG_H

#include "diag.h"

#define NAMING_KINDS(X)                                                                            \
    X(NAME_PRIMARY_KEY, "primary_key", "pk_{table}")                                               \
    X(NAME_UNIQUE, "unique", "uq_{table}_{columns}")                                               \
    X(NAME_FOREIGN_KEY, "foreign_key", "fk_{table}_{columns}_{ref_table}")                         \
    X(NAME_CHECK, "check", "ck_{table}_{n}")                                                       \
    X(NAME_INDEX, "index", "ix_{table}_{columns}")

typedef enum NamingKind {
#define X(k, key, def) k,
    NAMING_KINDS(X)
#undef X
        NAME__COUNT
} NamingKind;

/* One `key = value` of a free-form section, kept with its location. */
typedef struct ConfigEntry {
    const char *key;
    const char *value;
    Span span; /* the key, in migc.ini */
} ConfigEntry;

typedef struct Config {
    const char *path;           /* the file read, or NULL when there is none */
    uint32_t file;              /* its source id, or NO_FILE */
    const char *migrations_dir; /* relative to the project root */
    unsigned dialects;          /* DIALECT_MASK_* for `compile --dialect all` */
    const char *version_table;
    const char *naming[NAME__COUNT];
    PtrVec lint_severities; /* ConfigEntry*: rule -> error|warning|off */
    PtrVec naming_patterns; /* ConfigEntry*: object kind -> pattern */
} Config;

void config_defaults(Config *c);
/* What is wrong with `name` as the version table's name ("is empty", ...),
 * or NULL: the bundles need it, and NAME_pkc, within 63 bytes. */
const char *version_table_problem(const char *name);
const char *naming_key(NamingKind k);

/* Reads `path` (when it exists, or when `required`); reports problems to
 * diags.  Returns false when the file is unusable. */
bool config_load(Config *c, const char *path, bool required, Arena *a, SourceMap *sm, Diags *diags);

#endif
