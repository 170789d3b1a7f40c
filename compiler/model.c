/* model.c: name maps with an undo log, and copy-on-write schema objects. */
#include "model.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* ================================================================ schema */

void schema_init(Schema *s, Arena *a, Interner *names)
{
    memset(s, 0, sizeof *s);
    s->arena = a;
    s->names = names;
    s->fold_cache = ARENA_NEW(a, NameMap);
}

static void logged_set(Schema *s, NameMap *m, const char *key, void *value)
{
    void *old = namemap_put(s->arena, m, key, value);
    if (old == value)
        return;
    if (s->log_len == s->log_cap) {
        uint32_t cap = s->log_cap ? s->log_cap * 2 : 256;
        s->log = arena_realloc(s->arena, s->log, sizeof(UndoEntry) * s->log_cap, sizeof(UndoEntry) * cap);
        s->log_cap = cap;
    }
    s->log[s->log_len++] = (UndoEntry){m, key, old};
}

uint32_t schema_mark(const Schema *s)
{
    return s->log_len;
}

void schema_undo_to(Schema *s, uint32_t mark)
{
    assert(mark <= s->log_len);
    while (s->log_len > mark) {
        UndoEntry *e = &s->log[--s->log_len];
        namemap_put(s->arena, e->map, e->key, e->old);
    }
}

void schema_forget(Schema *s)
{
    s->log_len = 0;
}

void *schema_value_at(const Schema *s, uint32_t mark, const NameMap *map, const char *key)
{
    for (uint32_t i = mark; i < s->log_len; i++)
        if (s->log[i].map == map && s->log[i].key == key)
            return s->log[i].old;
    return namemap_get(map, key);
}

MTable *schema_table_at(const Schema *s, uint32_t mark, const char *name)
{
    return schema_value_at(s, mark, &s->tables, fold(s, name));
}

MEnum *schema_enum_at(const Schema *s, uint32_t mark, const char *name)
{
    return schema_value_at(s, mark, &s->enums, fold(s, name));
}

static bool written_before(const Schema *s, uint32_t from, uint32_t i)
{
    for (uint32_t j = from; j < i; j++)
        if (s->log[j].map == s->log[i].map && s->log[j].key == s->log[i].key)
            return true;
    return false;
}

/* The first entry for a key after `mark` holds its value at `mark`.  The
 * log is cleared after every migration, so it stays short and the
 * quadratic scan costs less than a map would. */
void schema_changes_since(const Schema *s, uint32_t mark, SchemaChangeFn fn, void *user)
{
    for (uint32_t i = mark; i < s->log_len; i++) {
        const UndoEntry *e = &s->log[i];
        if (!written_before(s, mark, i))
            fn(user, e->map, e->key, e->old, namemap_get(e->map, e->key));
    }
}

/* =============================================================== lookups */

const char *fold(const Schema *s, const char *name)
{
    const char *f = namemap_get(s->fold_cache, name);
    if (!f) {
        f = intern_folded(s->names, name);
        namemap_put(s->arena, s->fold_cache, name, (void *)f);
    }
    return f;
}

MTable *schema_table(const Schema *s, const char *name)
{
    return namemap_get(&s->tables, fold(s, name));
}

MEnum *schema_enum(const Schema *s, const char *name)
{
    return namemap_get(&s->enums, fold(s, name));
}

static MTable *owner_table(const Schema *s, const NameMap *m, const char *name)
{
    const char *t = namemap_get(m, fold(s, name));
    return t ? namemap_get(&s->tables, t) : NULL;
}

MTable *schema_index_table(const Schema *s, const char *name)
{
    return owner_table(s, &s->index_owner, name);
}

MTable *schema_constraint_table(const Schema *s, const char *name)
{
    return owner_table(s, &s->con_owner, name);
}

const char *schema_name_user(const Schema *s, const char *name)
{
    const char *f = fold(s, name);
    if (namemap_get(&s->tables, f))
        return "table";
    if (namemap_get(&s->index_owner, f))
        return "index";
    if (namemap_get(&s->con_owner, f))
        return "constraint";
    if (namemap_get(&s->enums, f))
        return "enum";
    return NULL;
}

/* Names are interned, so the same name is usually the same pointer; a
 * first letter that differs settles most of the rest without a call. */
static bool same_name(const char *a, const char *b)
{
    if (a == b)
        return true;
    if (!a || !b || ascii_lower((unsigned char)a[0]) != ascii_lower((unsigned char)b[0]))
        return false;
    return strcasecmp(a, b) == 0;
}

int table_column_index(const MTable *t, const char *name)
{
    for (uint32_t i = 0; i < t->n_columns; i++)
        if (same_name(t->columns[i]->name.name, name))
            return (int)i;
    return -1;
}

ColumnDef *table_column(const MTable *t, const char *name)
{
    int i = table_column_index(t, name);
    return i < 0 ? NULL : t->columns[i];
}

Constraint *table_constraint(const MTable *t, const char *name)
{
    for (uint32_t i = 0; i < t->n_constraints; i++)
        if (same_name(t->constraints[i]->name.name, name))
            return t->constraints[i];
    return NULL;
}

IndexDef *table_index(const MTable *t, const char *name)
{
    for (uint32_t i = 0; i < t->n_indexes; i++)
        if (same_name(t->indexes[i]->name.name, name))
            return t->indexes[i];
    return NULL;
}

Constraint *table_primary_key(const MTable *t)
{
    for (uint32_t i = 0; i < t->n_constraints; i++)
        if (t->constraints[i]->kind == CON_PRIMARY_KEY)
            return t->constraints[i];
    return NULL;
}

static int compare_tables(const void *a, const void *b)
{
    return strcmp((*(MTable *const *)a)->name, (*(MTable *const *)b)->name);
}

static int compare_enums(const void *a, const void *b)
{
    return strcmp((*(MEnum *const *)a)->name, (*(MEnum *const *)b)->name);
}

static void **map_values(const Schema *s, const NameMap *m, uint32_t *n)
{
    void **out = ARENA_ARRAY(s->arena, void *, m->live ? m->live : 1);
    uint32_t k = 0;
    for (uint32_t i = 0; i < m->cap; i++)
        if (m->keys[i] && m->values[i])
            out[k++] = m->values[i];
    *n = k;
    return out;
}

MTable **schema_tables_sorted(const Schema *s, uint32_t *n)
{
    MTable **v = (MTable **)map_values(s, &s->tables, n);
    qsort(v, *n, sizeof *v, compare_tables);
    return v;
}

MEnum **schema_enums_sorted(const Schema *s, uint32_t *n)
{
    MEnum **v = (MEnum **)map_values(s, &s->enums, n);
    qsort(v, *n, sizeof *v, compare_enums);
    return v;
}

ColumnRef *schema_enum_users(const Schema *s, const char *enum_name, uint32_t *n)
{
    const char *want = fold(s, enum_name);
    const EnumUses *u = namemap_get(&s->enum_uses, want);
    uint32_t total = 0;
    for (uint32_t i = 0; u && i < u->len; i++)
        total += u->items[i].columns;
    ColumnRef *out = ARENA_ARRAY(s->arena, ColumnRef, total ? total : 1);
    uint32_t k = 0;
    for (uint32_t i = 0; u && i < u->len; i++) {
        MTable *t = namemap_get(&s->tables, u->items[i].table);
        for (uint32_t j = 0; t && j < t->n_columns; j++) {
            ColumnDef *c = t->columns[j];
            if (c->type.kind == TY_ENUM && fold(s, c->type.enum_name.name) == want && k < total)
                out[k++] = (ColumnRef){t, c};
        }
    }
    *n = k;
    return out;
}

MTable **schema_enum_tables(const Schema *s, const char *enum_name, uint32_t *n)
{
    const EnumUses *u = namemap_get(&s->enum_uses, fold(s, enum_name));
    uint32_t len = u ? u->len : 0, k = 0;
    MTable **out = ARENA_ARRAY(s->arena, MTable *, len ? len : 1);
    for (uint32_t i = 0; i < len; i++) {
        MTable *t = namemap_get(&s->tables, u->items[i].table);
        if (t)
            out[k++] = t;
    }
    *n = k;
    return out;
}

bool schema_enum_used(const Schema *s, const char *enum_name)
{
    const EnumUses *u = namemap_get(&s->enum_uses, fold(s, enum_name));
    return u && u->len;
}

/* A new EnumUses with `table`'s count moved by delta (copy-on-write,
 * kept sorted by table so every listing is deterministic). */
static void enum_use_adjust(Schema *s, const char *enum_name, const char *table, int delta)
{
    const char *e = fold(s, enum_name), *t = fold(s, table);
    const EnumUses *u = namemap_get(&s->enum_uses, e);
    uint32_t len = u ? u->len : 0, i = 0;
    EnumUses *n = ARENA_NEW(s->arena, EnumUses);
    n->items = ARENA_ARRAY(s->arena, EnumUse, len + 1);
    while (i < len && strcmp(u->items[i].table, t) < 0)
        n->items[n->len++] = u->items[i++];
    int count = delta;
    if (i < len && u->items[i].table == t)
        count += (int)u->items[i++].columns;
    if (count > 0)
        n->items[n->len++] = (EnumUse){t, (uint32_t)count};
    while (i < len)
        n->items[n->len++] = u->items[i++];
    logged_set(s, &s->enum_uses, e, n);
}

static void track_column(Schema *s, const char *table, const ColumnDef *c, int delta)
{
    if (c->type.kind == TY_ENUM)
        enum_use_adjust(s, c->type.enum_name.name, table, delta);
}

static void track_table(Schema *s, const char *table, const MTable *t, int delta)
{
    for (uint32_t i = 0; i < t->n_columns; i++)
        track_column(s, table, t->columns[i], delta);
}

/* =============================================================== changes */

MTable *table_clone(Schema *s, const MTable *t)
{
    MTable *c = ARENA_NEW(s->arena, MTable);
    *c = *t;
    return c;
}

void table_put(Schema *s, MTable *t)
{
    logged_set(s, &s->tables, fold(s, t->name), t);
}

void owner_put(Schema *s, NameMap *map, const char *object, const char *table)
{
    logged_set(s, map, fold(s, object), table ? (void *)fold(s, table) : NULL);
}

void table_remove(Schema *s, const char *name)
{
    MTable *t = schema_table(s, name);
    if (!t)
        return;
    for (uint32_t i = 0; i < t->n_indexes; i++)
        owner_put(s, &s->index_owner, t->indexes[i]->name.name, NULL);
    for (uint32_t i = 0; i < t->n_constraints; i++)
        owner_put(s, &s->con_owner, t->constraints[i]->name.name, NULL);
    track_table(s, t->name, t, -1);
    logged_set(s, &s->tables, fold(s, name), NULL);
}

/* The table moves to a new key; its indexes and constraints follow. */
void table_rename_key(Schema *s, const char *from, MTable *t)
{
    logged_set(s, &s->tables, fold(s, from), NULL);
    table_put(s, t);
    track_table(s, from, t, -1);
    track_table(s, t->name, t, +1);
    for (uint32_t i = 0; i < t->n_indexes; i++)
        owner_put(s, &s->index_owner, t->indexes[i]->name.name, t->name);
    for (uint32_t i = 0; i < t->n_constraints; i++)
        owner_put(s, &s->con_owner, t->constraints[i]->name.name, t->name);
}

void enum_put(Schema *s, MEnum *e)
{
    logged_set(s, &s->enums, fold(s, e->name), e);
}

void enum_remove(Schema *s, const char *name)
{
    logged_set(s, &s->enums, fold(s, name), NULL);
}

/* Copy-on-write arrays: each edit copies the array, leaving the old table
 * version (still reachable from the undo log) untouched. */
#define ARRAY_ADD(s, T, arr, n, item)                                                              \
    do {                                                                                           \
        T *copy_ = ARENA_ARRAY((s)->arena, T, (n) + 1);                                            \
        if (n)                                                                                     \
            memcpy(copy_, (arr), sizeof(T) * (n));                                                 \
        copy_[(n)] = (item);                                                                       \
        (arr) = copy_;                                                                             \
        (n)++;                                                                                     \
    } while (0)

#define ARRAY_SET(s, T, arr, n, i, item)                                                           \
    do {                                                                                           \
        T *copy_ = ARENA_ARRAY((s)->arena, T, (n));                                                \
        memcpy(copy_, (arr), sizeof(T) * (n));                                                     \
        copy_[(i)] = (item);                                                                       \
        (arr) = copy_;                                                                             \
    } while (0)

#define ARRAY_REMOVE(s, T, arr, n, i)                                                              \
    do {                                                                                           \
        T *copy_ = ARENA_ARRAY((s)->arena, T, (n) ? (n) : 1);                                      \
        memcpy(copy_, (arr), sizeof(T) * (i));                                                     \
        memcpy(copy_ + (i), (arr) + (i) + 1, sizeof(T) * ((n) - (i) - 1));                         \
        (arr) = copy_;                                                                             \
        (n)--;                                                                                     \
    } while (0)

void table_add_column(Schema *s, MTable *t, ColumnDef *c)
{
    track_column(s, t->name, c, +1);
    ARRAY_ADD(s, ColumnDef *, t->columns, t->n_columns, c);
}

void table_set_column(Schema *s, MTable *t, uint32_t i, ColumnDef *c)
{
    track_column(s, t->name, t->columns[i], -1);
    track_column(s, t->name, c, +1);
    ARRAY_SET(s, ColumnDef *, t->columns, t->n_columns, i, c);
}

void table_remove_column(Schema *s, MTable *t, uint32_t i)
{
    track_column(s, t->name, t->columns[i], -1);
    ARRAY_REMOVE(s, ColumnDef *, t->columns, t->n_columns, i);
}

void table_add_constraint(Schema *s, MTable *t, Constraint *c)
{
    ARRAY_ADD(s, Constraint *, t->constraints, t->n_constraints, c);
    owner_put(s, &s->con_owner, c->name.name, t->name);
}

void table_set_constraint(Schema *s, MTable *t, uint32_t i, Constraint *c)
{
    ARRAY_SET(s, Constraint *, t->constraints, t->n_constraints, i, c);
}

void table_remove_constraint(Schema *s, MTable *t, uint32_t i)
{
    owner_put(s, &s->con_owner, t->constraints[i]->name.name, NULL);
    ARRAY_REMOVE(s, Constraint *, t->constraints, t->n_constraints, i);
}

void table_add_index(Schema *s, MTable *t, IndexDef *ix)
{
    ARRAY_ADD(s, IndexDef *, t->indexes, t->n_indexes, ix);
    owner_put(s, &s->index_owner, ix->name.name, t->name);
}

void table_set_index(Schema *s, MTable *t, uint32_t i, IndexDef *ix)
{
    ARRAY_SET(s, IndexDef *, t->indexes, t->n_indexes, i, ix);
}

void table_remove_index(Schema *s, MTable *t, uint32_t i)
{
    owner_put(s, &s->index_owner, t->indexes[i]->name.name, NULL);
    ARRAY_REMOVE(s, IndexDef *, t->indexes, t->n_indexes, i);
}

void table_add_inbound(Schema *s, MTable *t, const char *fk_name)
{
    ARRAY_ADD(s, const char *, t->inbound, t->n_inbound, fk_name);
}

void table_remove_inbound(Schema *s, MTable *t, const char *fk_name)
{
    for (uint32_t i = 0; i < t->n_inbound; i++) {
        if (same_name(t->inbound[i], fk_name)) {
            ARRAY_REMOVE(s, const char *, t->inbound, t->n_inbound, i);
            return;
        }
    }
}
