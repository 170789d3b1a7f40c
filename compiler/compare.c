/* compare.c: is the schema now what it was at a mark?  The downgrade proof.
 *
 * Only what the log says changed since the mark is compared, so a proof
 * costs the size of the migration, not of the schema.  Column order is not
 * compared: PostgreSQL cannot put a re-added column back in its place. */
#include <string.h>

#include "sem.h"

typedef struct Cmp {
    const Schema *s;
    Arena *a;
    PtrVec *out;
} Cmp;

static void differ(Cmp *c, const char *fmt, ...) MIGC_PRINTF(2, 3);

static void differ(Cmp *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ptrvec_push(c->a, c->out, arena_vprintf(c->a, fmt, ap));
    va_end(ap);
}

static const char *expr_text(Arena *a, const Expr *e)
{
    if (!e)
        return "none";
    Buf b;
    buf_init(&b, a);
    ir_dump_expr(e, &b);
    return b.data;
}

static void compare_column(Cmp *c, const char *t, const ColumnDef *was, const ColumnDef *is)
{
    const char *n = was->name.name;
    if (!type_equal(&was->type, &is->type))
        differ(c, "column %s.%s: expected type %s, the downgrade leaves %s", t, n, type_to_string(c->a, &was->type),
               type_to_string(c->a, &is->type));
    if (was->not_null != is->not_null)
        differ(c, "column %s.%s: expected %s, the downgrade leaves it %s", t, n, was->not_null ? "not null" : "nullable",
               is->not_null ? "not null" : "nullable");
    if (was->identity != is->identity)
        differ(c, "column %s.%s: expected %san identity column", t, n, was->identity ? "" : "not ");
    if (!expr_equal(was->default_value, is->default_value))
        differ(c, "column %s.%s: expected default %s, the downgrade leaves %s", t, n, expr_text(c->a, was->default_value),
               expr_text(c->a, is->default_value));
}

static bool same_idents(IdentList a, IdentList b)
{
    if (a.len != b.len)
        return false;
    for (uint32_t i = 0; i < a.len; i++)
        if (strcasecmp(a.items[i].name, b.items[i].name) != 0)
            return false;
    return true;
}

static bool same_constraint(const Constraint *a, const Constraint *b)
{
    return a->kind == b->kind && same_idents(a->columns, b->columns) && expr_equal(a->check, b->check) &&
           (a->kind != CON_FOREIGN_KEY ||
            (strcasecmp(a->ref_table.name, b->ref_table.name) == 0 && same_idents(a->ref_columns, b->ref_columns) &&
             a->on_delete == b->on_delete && a->on_update == b->on_update));
}

static bool same_index(const IndexDef *a, const IndexDef *b)
{
    return a->unique == b->unique && same_idents(a->columns, b->columns) && expr_equal(a->where, b->where);
}

static void compare_columns(Cmp *c, const MTable *was, const MTable *is)
{
    for (uint32_t i = 0; i < was->n_columns; i++) {
        const ColumnDef *w = was->columns[i], *n = table_column(is, w->name.name);
        if (!n)
            differ(c, "column %s.%s: expected it to exist, the downgrade does not restore it", was->name, w->name.name);
        else
            compare_column(c, was->name, w, n);
    }
    for (uint32_t i = 0; i < is->n_columns; i++)
        if (!table_column(was, is->columns[i]->name.name))
            differ(c, "column %s.%s: did not exist before, the downgrade leaves it", is->name, is->columns[i]->name.name);
}

static void compare_parts(Cmp *c, const MTable *was, const MTable *is)
{
    for (uint32_t i = 0; i < was->n_constraints; i++) {
        const Constraint *w = was->constraints[i], *n = table_constraint(is, w->name.name);
        if (!n)
            differ(c, "constraint %s on %s: expected it to exist, the downgrade does not restore it", w->name.name, was->name);
        else if (!same_constraint(w, n))
            differ(c, "constraint %s on %s: the downgrade restores a different definition", w->name.name, was->name);
    }
    for (uint32_t i = 0; i < is->n_constraints; i++)
        if (!table_constraint(was, is->constraints[i]->name.name))
            differ(c, "constraint %s on %s: did not exist before, the downgrade leaves it", is->constraints[i]->name.name,
                   is->name);
    for (uint32_t i = 0; i < was->n_indexes; i++) {
        const IndexDef *w = was->indexes[i], *n = table_index(is, w->name.name);
        if (!n)
            differ(c, "index %s on %s: expected it to exist, the downgrade does not restore it", w->name.name, was->name);
        else if (!same_index(w, n))
            differ(c, "index %s on %s: the downgrade restores a different definition", w->name.name, was->name);
    }
    for (uint32_t i = 0; i < is->n_indexes; i++)
        if (!table_index(was, is->indexes[i]->name.name))
            differ(c, "index %s on %s: did not exist before, the downgrade leaves it", is->indexes[i]->name.name, is->name);
}

static void compare_table(Cmp *c, const MTable *was, const MTable *is)
{
    if (was == is)
        return;
    if (strcmp(was->name, is->name) != 0)
        differ(c, "table %s: the downgrade leaves it named %s", was->name, is->name);
    compare_columns(c, was, is);
    compare_parts(c, was, is);
}

static void compare_enum(Cmp *c, const MEnum *was, const MEnum *is)
{
    bool same = was->n_labels == is->n_labels;
    for (uint32_t i = 0; same && i < was->n_labels; i++)
        same = strcmp(was->labels[i], is->labels[i]) == 0;
    if (!same)
        differ(c, "enum %s: the downgrade leaves different labels", was->name);
}

static void on_change(void *user, const NameMap *map, const char *key, void *then, void *now)
{
    Cmp *c = user;
    (void)key;
    bool tables = map == &c->s->tables;
    if (!tables && map != &c->s->enums)
        return; /* owner maps follow from the tables */
    const char *what = tables ? "table" : "enum";
    if (!then && now)
        differ(c, "%s %s: did not exist before, the downgrade leaves it", what,
               tables ? ((MTable *)now)->name : ((MEnum *)now)->name);
    else if (then && !now)
        differ(c, "%s %s: expected it to exist, the downgrade does not restore it", what,
               tables ? ((MTable *)then)->name : ((MEnum *)then)->name);
    else if (then && tables)
        compare_table(c, then, now);
    else if (then)
        compare_enum(c, then, now);
}

void compare_since(const Schema *s, uint32_t mark, Arena *a, PtrVec *differences)
{
    Cmp c = {s, a, differences};
    schema_changes_since(s, mark, on_change, &c);
}
