/* model.h: the schema model, dialect-free.
 *
 * The model is the whole schema at one point of the history: tables with
 * their columns, constraints and indexes, and enums.  Model objects are the
 * IR's own structs (ColumnDef, Constraint, IndexDef), so a derived downgrade
 * can hand them back as operations.
 *
 * Tables are immutable versions: a change makes a new MTable that shares
 * every array it does not touch.  The maps from names to objects record each
 * write in an undo log, so going back to an earlier point is cheap, and the
 * state at a mark can be compared with the current one (the downgrade proof)
 * without copying the schema. */
#ifndef MIGC_MODEL_H
#define MIGC_MODEL_H

#include "ir.h"

/* ================================================================ objects */

typedef struct MTable {
    const char *name;
    ColumnDef **columns;
    uint32_t n_columns;
    Constraint **constraints; /* primary key, unique, check, foreign key */
    uint32_t n_constraints;
    IndexDef **indexes;
    uint32_t n_indexes;
    const char **inbound; /* names of foreign keys (of any table) that reference this one */
    uint32_t n_inbound;
    const Migration *origin; /* the migration that created the table */
    Span span;
} MTable;

typedef struct MEnum {
    const char *name;
    const char **labels;
    uint32_t n_labels;
    const Migration *origin;
    Span span;
} MEnum;

/* ================================================================ schema */

typedef struct UndoEntry {
    NameMap *map;
    const char *key;
    void *old;
} UndoEntry;

/* Which tables have columns of an enum: kept as the model changes, so
 * enum operations do not scan the schema. */
typedef struct EnumUse {
    const char *table; /* folded */
    uint32_t columns;
} EnumUse;

typedef struct EnumUses {
    EnumUse *items; /* sorted by table */
    uint32_t len;
} EnumUses;

typedef struct Schema {
    Arena *arena;
    Interner *names;
    NameMap *fold_cache; /* name pointer -> its folded interned form */
    NameMap tables;      /* folded table name -> MTable* */
    NameMap enum_uses;   /* folded enum name -> EnumUses* */
    NameMap enums;       /* folded enum name -> MEnum* */
    NameMap index_owner; /* folded index name -> folded table name */
    NameMap con_owner;   /* folded constraint name -> folded table name */
    UndoEntry *log;
    uint32_t log_len, log_cap;
} Schema;

void schema_init(Schema *s, Arena *a, Interner *names);

/* ---- lookups (names as written; matching ignores ASCII case).  Names
 * passed in must live as long as the session (interned or in the arena):
 * their folded form is cached by pointer. */
const char *fold(const Schema *s, const char *name);
MTable *schema_table(const Schema *s, const char *name);
MEnum *schema_enum(const Schema *s, const char *name);
/* The table owning index / constraint `name`, or NULL. */
MTable *schema_index_table(const Schema *s, const char *name);
MTable *schema_constraint_table(const Schema *s, const char *name);
/* What kind of object a name denotes, for "already exists" messages;
 * NULL when the name is free. */
const char *schema_name_user(const Schema *s, const char *name);

ColumnDef *table_column(const MTable *t, const char *name);
int table_column_index(const MTable *t, const char *name);
Constraint *table_constraint(const MTable *t, const char *name);
IndexDef *table_index(const MTable *t, const char *name);
Constraint *table_primary_key(const MTable *t);

/* Every table and enum, sorted by name (for output and suggestions). */
MTable **schema_tables_sorted(const Schema *s, uint32_t *n);
MEnum **schema_enums_sorted(const Schema *s, uint32_t *n);

/* Columns of any table whose type is enum `name`: pairs (table, column). */
typedef struct ColumnRef {
    MTable *table;
    ColumnDef *column;
} ColumnRef;
ColumnRef *schema_enum_users(const Schema *s, const char *enum_name, uint32_t *n);
/* The tables with columns of enum `name`, each once, sorted by name. */
MTable **schema_enum_tables(const Schema *s, const char *enum_name, uint32_t *n);
bool schema_enum_used(const Schema *s, const char *enum_name);

/* ---- changes: copy-on-write, every map write is logged */
MTable *table_clone(Schema *s, const MTable *t);
void table_put(Schema *s, MTable *t);           /* under t->name */
void table_remove(Schema *s, const char *name); /* and its owner entries */
void table_rename_key(Schema *s, const char *from, MTable *t);
void enum_put(Schema *s, MEnum *e);
void enum_remove(Schema *s, const char *name);
void owner_put(Schema *s, NameMap *map, const char *object, const char *table);

/* Array edits on a clone (each copies the array it changes). */
void table_add_column(Schema *s, MTable *t, ColumnDef *c);
void table_set_column(Schema *s, MTable *t, uint32_t i, ColumnDef *c);
void table_remove_column(Schema *s, MTable *t, uint32_t i);
void table_add_constraint(Schema *s, MTable *t, Constraint *c);
void table_set_constraint(Schema *s, MTable *t, uint32_t i, Constraint *c);
void table_remove_constraint(Schema *s, MTable *t, uint32_t i);
void table_add_index(Schema *s, MTable *t, IndexDef *ix);
void table_set_index(Schema *s, MTable *t, uint32_t i, IndexDef *ix);
void table_remove_index(Schema *s, MTable *t, uint32_t i);
void table_add_inbound(Schema *s, MTable *t, const char *fk_name);
void table_remove_inbound(Schema *s, MTable *t, const char *fk_name);

/* ---- the undo log */
uint32_t schema_mark(const Schema *s);
void schema_undo_to(Schema *s, uint32_t mark);
/* Forget the log (the current state stays): a mark taken earlier becomes invalid. */
void schema_forget(Schema *s);

/* The value `key` had in `map` at `mark` (the current one if unchanged). */
void *schema_value_at(const Schema *s, uint32_t mark, const NameMap *map, const char *key);
MTable *schema_table_at(const Schema *s, uint32_t mark, const char *name);
MEnum *schema_enum_at(const Schema *s, uint32_t mark, const char *name);

/* For each map key written since `mark`: the value it had then and now. */
typedef void (*SchemaChangeFn)(void *user, const NameMap *map, const char *key, void *then, void *now);
void schema_changes_since(const Schema *s, uint32_t mark, SchemaChangeFn fn, void *user);

#endif
