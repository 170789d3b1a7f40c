/* gen_data.c: gen_project's data operations: data_insert seeds rows that keep
 * every check and unique key, data_update changes them with an exact reverse. */
#include <stdint.h>
#include <stdlib.h>

#include "gen_project.h"

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

bool act_data_insert(Model *m)
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

bool act_data_update(Model *m)
{
    uint32_t r = rng_below(&m->rng, 10);
    if (r < 5)
        return update_backfill(m) || update_relabel(m) || update_counter(m);
    if (r < 7)
        return update_relabel(m) || update_counter(m) || update_backfill(m);
    return update_counter(m) || update_backfill(m) || update_relabel(m);
}
