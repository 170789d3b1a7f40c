/* sem.h: semantic analysis: every operation checked against the schema
 * model, completed (generated names, resolved tables), inverted (derived
 * downgrade steps) and applied.
 *
 * Files: sem.c (dispatch and shared lookups), sem_table.c (tables and
 * columns), sem_index.c (indexes and constraints), sem_misc.c (enums, data,
 * execute), sem_expr.c (expressions and values), invert.c (downgrade
 * steps), naming.c (the naming convention), compare.c (schema equality for
 * the downgrade proof). */
#ifndef MIGC_SEM_H
#define MIGC_SEM_H

#include "config.h"
#include "model.h"

typedef enum Verdict {
    VERDICT_LOSSLESS,       /* the downgrade restores schema and data */
    VERDICT_STRUCTURE_ONLY, /* the downgrade restores the shape, not the rows */
    VERDICT_IRREVERSIBLE,   /* no downgrade can be derived */
} Verdict;

const char *verdict_name(Verdict v);

struct Linter;

typedef struct Sem {
    struct Linter *linter; /* reports irreversible / non-portable-function (may be NULL) */
    Arena *arena;
    Interner *names;
    Diags *diags;
    const Config *config;
    Schema *schema;
    const Migration *mig; /* the migration being analysed */
    Op *op;               /* the operation being analysed */
    NameMap poison;       /* names a failed operation meant to create */
    bool op_failed;       /* the current operation cannot apply (a structural error) */
    bool op_flawed;       /* it applies, but reported an error (a bad value, a type) */
    bool quiet;           /* checking a derived downgrade: errors are internal */
    bool explicit_downgrade; /* the migration writes its own downgrade block */
    PtrVec inverse;       /* downgrade steps of the current operation */
    PtrVec edited;        /* tables cloned by the current operation */
    Verdict verdict;      /* of the current operation */
    uint32_t keys_made;   /* the last seq given to a constraint or index */
} Sem;

void sem_init(Sem *sem, Arena *a, Interner *names, Diags *diags, const Config *config, Schema *schema);

/* Checks `op` against the model, completes it, derives its downgrade steps
 * (into sem->inverse, in the order they run) and applies it.  Returns false
 * when it reported an error; after a structural error the model is
 * unchanged. */
bool sem_operation(Sem *sem, Op *op);

/* ---- shared by the sem_*.c files */

/* A structural error: the operation is not applied and its names are
 * poisoned.  A flaw (a bad value or expression) leaves the model as the
 * operation says, so later operations are checked against it. */
Diag *sem_error(Sem *sem, Span span, const char *code, const char *fmt, ...) MIGC_PRINTF(4, 5);
Diag *sem_flaw(Sem *sem, Span span, const char *code, const char *fmt, ...) MIGC_PRINTF(4, 5);
void sem_poison(Sem *sem, const char *name);
bool sem_poisoned(Sem *sem, const char *name);
const char *sem_column_key(Sem *sem, const char *table, const char *column);

MTable *need_table(Sem *sem, Ident table);
ColumnDef *need_column(Sem *sem, MTable *t, Ident column);
MEnum *need_enum(Sem *sem, Ident name);
MTable *need_index_table(Sem *sem, Ident index);
MTable *need_constraint_table(Sem *sem, Ident name);
/* `doing` completes "cannot ... 'name'": "create table", "rename table users to". */
bool require_free_name(Sem *sem, Ident name, const char *doing);
bool require_free_column(Sem *sem, const MTable *t, Ident column);
bool check_name(Sem *sem, Ident name);
/* The table's clone for this operation, already in the model. */
MTable *sem_edit_table(Sem *sem, MTable *t);
/* Whether `@allow rule` is on the operation (and mark it used). */
bool sem_allowed(Op *op, const char *rule);
Span object_span_of(const Schema *s, const char *name);

/* Where a value or predicate sits, for messages ("value for users.email",
 * "check ck_users_1"): rendered only when a diagnostic needs it, since most
 * checks find nothing. */
typedef struct Context {
    const char *what, *table, *column;
    const char *text; /* rendered on first use */
} Context;

#define CONTEXT(what, table, column) (&(Context){(what), (table), (column), NULL})
const char *ctx_text(Sem *sem, Context *c);

/* Types, defaults and expressions (sem_expr.c). */
bool check_type(Sem *sem, Type *type);
bool check_column_def(Sem *sem, const MTable *t, ColumnDef *c);
/* The expression may name columns of `t` (NULL: no columns allowed). */
bool check_predicate(Sem *sem, const Expr *e, const MTable *t, Context *context);
bool check_value(Sem *sem, const Expr *value, const Type *target, const MTable *t, Context *context);
bool types_compatible_for_fk(const Type *a, const Type *b);
bool type_widens(const Type *from, const Type *to);

/* Names (naming.c). */
void name_constraint(Sem *sem, Constraint *c);
void name_index(Sem *sem, IndexDef *ix);

/* Per-kind analysis: check, complete, invert, apply. */
bool sem_create_table(Sem *sem, Op *op);
bool sem_drop_table(Sem *sem, Op *op);
bool sem_rename_table(Sem *sem, Op *op);
bool sem_add_column(Sem *sem, Op *op);
bool sem_drop_column(Sem *sem, Op *op);
bool sem_rename_column(Sem *sem, Op *op);
bool sem_alter_column(Sem *sem, Op *op);
bool sem_create_index(Sem *sem, Op *op);
bool sem_drop_index(Sem *sem, Op *op);
bool sem_rename_index(Sem *sem, Op *op);
bool sem_add_constraint(Sem *sem, Op *op);
bool sem_drop_constraint(Sem *sem, Op *op);
bool sem_validate_constraint(Sem *sem, Op *op);
bool sem_create_enum(Sem *sem, Op *op);
bool sem_enum_value(Sem *sem, Op *op);
bool sem_drop_enum(Sem *sem, Op *op);
bool sem_data_update(Sem *sem, Op *op);
bool sem_data_insert(Sem *sem, Op *op);
bool sem_data_delete(Sem *sem, Op *op);
bool sem_execute(Sem *sem, Op *op);

/* Constraint application shared by create_table, add_column, add_constraint. */
bool check_constraint(Sem *sem, MTable *t, Constraint *c, const MTable *self_def);
void apply_constraint(Sem *sem, MTable *t, Constraint *c);
void unapply_constraint(Sem *sem, MTable *t, uint32_t index);

/* ---- derived downgrades (invert.c): ops built from model objects */
Op *inv_op(Sem *sem, OpKind kind, const Op *from);
Op *inv_create_table_from(Sem *sem, const MTable *t, const Op *from);
Op *inv_create_index_from(Sem *sem, const MTable *t, const IndexDef *ix, const Op *from);
Op *inv_add_constraint_from(Sem *sem, const Constraint *c, const Op *from);
/* A constant of type `t` for rows that need some value (see invert.c). */
Expr *inv_placeholder(Sem *sem, const Type *t, Span at);
void inv_push(Sem *sem, Op *op);

/* ---- schema comparison (compare.c) */
/* Appends one line per difference between the state at `mark` and now. */
void compare_since(const Schema *s, uint32_t mark, Arena *a, PtrVec *differences);

/* Expression rewriting when a column is renamed (sem_expr.c). */
Expr *expr_rename_column(Arena *a, Expr *e, const char *from, const char *to);
bool expr_uses_column(const Expr *e, const char *column);

#endif
