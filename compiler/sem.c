/* sem.c: dispatch of semantic analysis, and the lookups every operation
 * shares (each reporting "unknown ..." with a did-you-mean). */
#include "sem.h"

#include <string.h>
#include <strings.h>

const char *verdict_name(Verdict v)
{
    switch (v) {
    case VERDICT_LOSSLESS:
        return "lossless";
    case VERDICT_STRUCTURE_ONLY:
        return "structure-only";
    case VERDICT_IRREVERSIBLE:
        return "irreversible";
    }
    return "irreversible";
}

void sem_init(Sem *sem, Arena *a, Interner *names, Diags *diags, const Config *config, Schema *schema)
{
    memset(sem, 0, sizeof *sem);
    sem->arena = a;
    sem->names = names;
    sem->diags = diags;
    sem->config = config;
    sem->schema = schema;
}

typedef bool (*SemFn)(Sem *, Op *);

static SemFn sem_fn(OpKind k)
{
    switch (k) {
    case OPK_CREATE_TABLE: return sem_create_table;
    case OPK_DROP_TABLE: return sem_drop_table;
    case OPK_RENAME_TABLE: return sem_rename_table;
    case OPK_ADD_COLUMN: return sem_add_column;
    case OPK_DROP_COLUMN: return sem_drop_column;
    case OPK_RENAME_COLUMN: return sem_rename_column;
    case OPK_ALTER_TYPE:
    case OPK_SET_NOT_NULL:
    case OPK_DROP_NOT_NULL:
    case OPK_SET_DEFAULT:
    case OPK_DROP_DEFAULT: return sem_alter_column;
    case OPK_CREATE_INDEX: return sem_create_index;
    case OPK_DROP_INDEX: return sem_drop_index;
    case OPK_RENAME_INDEX: return sem_rename_index;
    case OPK_ADD_CONSTRAINT: return sem_add_constraint;
    case OPK_DROP_CONSTRAINT: return sem_drop_constraint;
    case OPK_VALIDATE_CONSTRAINT: return sem_validate_constraint;
    case OPK_CREATE_ENUM: return sem_create_enum;
    case OPK_ADD_ENUM_VALUE:
    case OPK_DROP_ENUM_VALUE: return sem_enum_value;
    case OPK_DROP_ENUM: return sem_drop_enum;
    case OPK_DATA_UPDATE: return sem_data_update;
    case OPK_DATA_INSERT: return sem_data_insert;
    case OPK_DATA_DELETE: return sem_data_delete;
    case OPK_EXECUTE: return sem_execute;
    case OPK__COUNT: break;
    }
    return NULL;
}

bool sem_operation(Sem *sem, Op *op)
{
    sem->op = op;
    sem->op_failed = false;
    sem->op_flawed = false;
    sem->inverse.len = 0;
    sem->edited.len = 0;
    sem->verdict = VERDICT_LOSSLESS;
    uint32_t mark = schema_mark(sem->schema);
    bool applied = sem_fn(op->kind)(sem, op) && !sem->op_failed;
    if (!applied) {
        /* a failed operation leaves no trace in the model */
        schema_undo_to(sem->schema, mark);
        sem->inverse.len = 0;
    }
    return applied && !sem->op_flawed;
}

/* ============================================================ reporting */

static Diag *report(Sem *sem, Span span, const char *code, const char *msg)
{
    if (sem->quiet)
        return diag_error(sem->diags, span, "internal", "derived downgrade step fails: %s", msg);
    return diag_error(sem->diags, span, code, "%s", msg);
}

Diag *sem_error(Sem *sem, Span span, const char *code, const char *fmt, ...)
{
    sem->op_failed = true;
    va_list ap;
    va_start(ap, fmt);
    const char *msg = arena_vprintf(sem->arena, fmt, ap);
    va_end(ap);
    return report(sem, span, code, msg);
}

Diag *sem_flaw(Sem *sem, Span span, const char *code, const char *fmt, ...)
{
    sem->op_flawed = true;
    va_list ap;
    va_start(ap, fmt);
    const char *msg = arena_vprintf(sem->arena, fmt, ap);
    va_end(ap);
    return report(sem, span, code, msg);
}

void sem_poison(Sem *sem, const char *name)
{
    if (name)
        namemap_put(sem->arena, &sem->poison, fold(sem->schema, name), (void *)1);
}

bool sem_poisoned(Sem *sem, const char *name)
{
    return namemap_get(&sem->poison, fold(sem->schema, name)) != NULL;
}

const char *sem_column_key(Sem *sem, const char *table, const char *column)
{
    return intern_cstr(sem->names, arena_printf(sem->arena, "%s.%s", table, column));
}

/* A failed operation's names are poisoned so that its absence does not
 * echo as "unknown table" through the rest of the history; the first
 * error is the one to fix. */
static bool suppressed(Sem *sem, const char *key)
{
    if (sem_poisoned(sem, key)) {
        sem->op_failed = true;
        return true;
    }
    return false;
}

/* =============================================================== lookups */

static void suggest(Sem *sem, Diag *g, const char *word, const char **cands, uint32_t n, const char *fallback)
{
    const char *best = closest_word(word, cands, n);
    if (best)
        diag_help(sem->diags, g, "did you mean '%s'?", best);
    else
        diag_help(sem->diags, g, "%s", fallback);
}

static const char **table_names(Sem *sem, uint32_t *n)
{
    MTable **t = schema_tables_sorted(sem->schema, n);
    const char **names = ARENA_ARRAY(sem->arena, const char *, *n + 1);
    for (uint32_t i = 0; i < *n; i++)
        names[i] = t[i]->name;
    return names;
}

/* Names are case-sensitive, but two that differ only in case are one name
 * to the namespace: a reference in the wrong case finds the object and is
 * told its spelling. */
static bool spelled_as(Sem *sem, Ident name, const char *actual, const char *what, const char *code)
{
    if (strcmp(actual, name.name) == 0)
        return true;
    Diag *g = sem_error(sem, name.span, code, "no %s '%s'; the %s is named '%s'", what, name.name, what, actual);
    diag_help(sem->diags, g, "names are case-sensitive: write '%s'", actual);
    return false;
}

MTable *need_table(Sem *sem, Ident table)
{
    MTable *t = schema_table(sem->schema, table.name);
    if (t && strcmp(t->name, table.name) == 0)
        return t;
    if (suppressed(sem, table.name))
        return NULL;
    if (t) {
        Diag *g = sem_error(sem, table.span, "unknown-table", "no table '%s'; the table is named '%s'", table.name,
                            t->name);
        diag_help(sem->diags, g, "names are case-sensitive: write '%s'", t->name);
        return NULL;
    }
    uint32_t n;
    const char **names = table_names(sem, &n);
    Diag *g = sem_error(sem, table.span, "unknown-table", "unknown table '%s'", table.name);
    suggest(sem, g, table.name, names, n, "create it with create_table first, or check `migc schema`");
    return NULL;
}

ColumnDef *need_column(Sem *sem, MTable *t, Ident column)
{
    ColumnDef *c = table_column(t, column.name);
    if (c && strcmp(c->name.name, column.name) == 0)
        return c;
    if (suppressed(sem, sem_column_key(sem, t->name, column.name)))
        return NULL;
    const char **names = ARENA_ARRAY(sem->arena, const char *, t->n_columns + 1);
    for (uint32_t i = 0; i < t->n_columns; i++)
        names[i] = t->columns[i]->name.name;
    Diag *g = sem_error(sem, column.span, "unknown-column", "table '%s' has no column '%s'", t->name, column.name);
    if (c)
        diag_help(sem->diags, g, "names are case-sensitive: write '%s'", c->name.name);
    else
        suggest(sem, g, column.name, names, t->n_columns, "add it with add_column first");
    return NULL;
}

MEnum *need_enum(Sem *sem, Ident name)
{
    MEnum *e = schema_enum(sem->schema, name.name);
    if (e)
        return spelled_as(sem, name, e->name, "enum", "unknown-enum") ? e : NULL;
    if (suppressed(sem, name.name))
        return NULL;
    uint32_t n;
    MEnum **all = schema_enums_sorted(sem->schema, &n);
    const char **names = ARENA_ARRAY(sem->arena, const char *, n + 1);
    for (uint32_t i = 0; i < n; i++)
        names[i] = all[i]->name;
    Diag *g = sem_error(sem, name.span, "unknown-enum", "unknown enum '%s'", name.name);
    suggest(sem, g, name.name, names, n, "create it with create_enum first");
    return NULL;
}

static const char *article(const char *noun)
{
    return strchr("aeiou", noun[0]) ? "an" : "a";
}

/* Every index (or constraint) name in the model, for suggestions. */
static const char **part_names(Sem *sem, bool indexes, uint32_t *n)
{
    uint32_t nt, total = 0;
    MTable **t = schema_tables_sorted(sem->schema, &nt);
    for (uint32_t i = 0; i < nt; i++)
        total += indexes ? t[i]->n_indexes : t[i]->n_constraints;
    const char **names = ARENA_ARRAY(sem->arena, const char *, total + 1);
    *n = 0;
    for (uint32_t i = 0; i < nt; i++) {
        uint32_t parts = indexes ? t[i]->n_indexes : t[i]->n_constraints;
        for (uint32_t k = 0; k < parts; k++)
            names[(*n)++] = indexes ? t[i]->indexes[k]->name.name : t[i]->constraints[k]->name.name;
    }
    return names;
}

static MTable *need_owned(Sem *sem, Ident name, MTable *t, const char *actual, const char *what, const char *code,
                          const char *other)
{
    if (t)
        return spelled_as(sem, name, actual, what, code) ? t : NULL;
    if (suppressed(sem, name.name))
        return NULL;
    Diag *g = sem_error(sem, name.span, code, "unknown %s '%s'", what, name.name);
    const char *kind = schema_name_user(sem->schema, name.name);
    if (kind) {
        diag_help(sem->diags, g, "'%s' is %s %s, not %s %s", name.name, article(kind), kind, article(what), what);
        return NULL;
    }
    uint32_t n;
    const char **names = part_names(sem, strcmp(what, "index") == 0, &n);
    suggest(sem, g, name.name, names, n, other);
    return NULL;
}

MTable *need_index_table(Sem *sem, Ident index)
{
    MTable *t = schema_index_table(sem->schema, index.name);
    IndexDef *ix = t ? table_index(t, index.name) : NULL;
    return need_owned(sem, index, ix ? t : NULL, ix ? ix->name.name : NULL, "index", "unknown-index",
                      "check the name with `migc schema`; unique constraints are dropped with drop_constraint");
}

MTable *need_constraint_table(Sem *sem, Ident name)
{
    MTable *t = schema_constraint_table(sem->schema, name.name);
    Constraint *c = t ? table_constraint(t, name.name) : NULL;
    return need_owned(sem, name, c ? t : NULL, c ? c->name.name : NULL, "constraint", "unknown-constraint",
                      "check the name with `migc schema`; indexes are dropped with drop_index");
}

/* Where an existing object was defined, for "already exists" notes. */
Span object_span_of(const Schema *s, const char *name)
{
    MTable *t = schema_table(s, name);
    if (t)
        return t->span;
    t = schema_index_table(s, name);
    if (t && table_index(t, name))
        return table_index(t, name)->span;
    t = schema_constraint_table(s, name);
    if (t && table_constraint(t, name))
        return table_constraint(t, name)->span;
    MEnum *e = schema_enum(s, name);
    return e ? e->span : NO_SPAN;
}

/* The version table and its primary key (NAME_pkc) are in the namespace
 * of every database the bundles run on, though no migration made them:
 * which of the two `name` is, or NULL. */
static const char *version_table_object(const Sem *sem, const char *name)
{
    const char *vt = sem->config ? sem->config->version_table : NULL;
    if (!vt || !*vt)
        return NULL;
    size_t n = strlen(vt);
    if (strcasecmp(name, vt) == 0)
        return "the version table";
    if (strncasecmp(name, vt, n) == 0 && strcasecmp(name + n, "_pkc") == 0)
        return "the primary key of the version table";
    return NULL;
}

/* Tables, indexes, constraints and enums share one namespace: PostgreSQL
 * keeps tables, indexes and key constraints in one, MySQL wants foreign key
 * and check names unique per schema, and drop_index / drop_constraint find
 * their object by name alone. */
bool require_free_name(Sem *sem, Ident name, const char *doing)
{
    if (!check_name(sem, name))
        return false;
    const char *reserved = version_table_object(sem, name.name);
    if (reserved) {
        Diag *g = sem_error(sem, name.span, "duplicate-name", "cannot %s '%s': %s %s has that name", doing,
                            name.name, reserved, sem->config->version_table);
        diag_help(sem->diags, g, "pick another name, or name the version table otherwise (version_table in "
                                 "migc.ini)");
        /* nothing in the model has the name: the object is made there all
         * the same, so what uses it later draws no errors of its own */
    }
    const char *kind = schema_name_user(sem->schema, name.name);
    if (!kind)
        return true;
    Diag *g = sem_error(sem, name.span, "duplicate-name", "cannot %s '%s': %s %s of that name exists", doing,
                        name.name, article(kind), kind);
    Span at = object_span_of(sem->schema, name.name);
    if (at.file != NO_FILE)
        diag_note(sem->diags, g, at, "the %s is defined here", kind);
    diag_help(sem->diags, g, "names of tables, indexes, constraints and enums must be unique (ignoring case)");
    return false;
}

bool require_free_column(Sem *sem, const MTable *t, Ident column)
{
    if (!check_name(sem, column))
        return false;
    ColumnDef *c = table_column(t, column.name);
    if (!c)
        return true;
    Diag *g = sem_error(sem, column.span, "duplicate-column", "table '%s' already has a column '%s'", t->name,
                        c->name.name);
    if (c->span.file != NO_FILE)
        diag_note(sem->diags, g, c->span, "the column is defined here");
    diag_help(sem->diags, g, "column names are unique per table (ignoring case); pick another name");
    return false;
}

/* PostgreSQL truncates names past 63 bytes, MySQL refuses past 64 and
 * names ending in a space. */
bool check_name(Sem *sem, Ident name)
{
    size_t n = strlen(name.name);
    if (n > 63) {
        Diag *g = sem_error(sem, name.span, "name-too-long", "name '%.20s...' is %zu bytes long", name.name, n);
        diag_help(sem->diags, g, "PostgreSQL truncates names to 63 bytes; use a shorter name");
        return false;
    }
    if (n > 0 && name.name[n - 1] == ' ') {
        Diag *g = sem_error(sem, name.span, "bad-name", "name '%s' ends with a space", name.name);
        diag_help(sem->diags, g, "MySQL refuses names that end with a space; remove it");
        return false;
    }
    return true;
}

/* ================================================================ edits */

/* Edits of one operation go to one clone per table, put in the model at
 * once; later edits in the same operation change that clone. */
MTable *sem_edit_table(Sem *sem, MTable *t)
{
    for (uint32_t i = 0; i < sem->edited.len; i++)
        if (sem->edited.items[i] == t)
            return t;
    MTable *c = table_clone(sem->schema, t);
    table_put(sem->schema, c);
    ptrvec_push(sem->arena, &sem->edited, c);
    return c;
}

bool sem_allowed(Op *op, const char *rule)
{
    for (uint32_t i = 0; i < op->allows.len; i++) {
        if (strcmp(op->allows.items[i]->rule.name, rule) == 0) {
            op->allows.items[i]->used = true;
            return true;
        }
    }
    return false;
}

const char *ctx_text(Sem *sem, Context *c)
{
    if (!c->text) {
        if (c->table && c->column)
            c->text = arena_printf(sem->arena, "%s %s.%s", c->what, c->table, c->column);
        else if (c->table)
            c->text = arena_printf(sem->arena, "%s %s", c->what, c->table);
        else
            c->text = c->what;
    }
    return c->text;
}
