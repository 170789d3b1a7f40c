/* gen_actions.c: the schema operations gen_project writes, from create_table to
 * drop_table, each checked against the model so that it is valid where it stands,
 * and the mix that picks them. */
#include <stdint.h>
#include <string.h>

#include "gen_project.h"

/* ----------------------------------------------------------- create_table */

static void add_id_column(Table *t)
{
    Column *c = add_column_to(t);
    claim_column_name(t, "id", c->name);
    c->type = T_BIGINT;
    c->is_id = true;
    c->not_null = true;
    c->key_uses = 1;
}

/* Columns made by create_table may use now(); add_column may not (SQLite). */
static void choose_attributes(Model *m, Column *c, bool in_create)
{
    bool timestamp = c->type == T_TIMESTAMP || c->type == T_TIMESTAMPTZ;
    if (in_create && timestamp && rng_percent(&m->rng, 60)) {
        c->not_null = true;
        c->def = DEF_NOW;
    } else if (type_has(c->type, F_DEFAULT) && rng_percent(&m->rng, in_create ? 25 : 40)) {
        c->not_null = true;
        c->def = DEF_LITERAL;
    } else if (in_create && type_has(c->type, F_VALUE) && rng_percent(&m->rng, 20)) {
        c->not_null = true;
    }
}

/* A column of a vocabulary word, named after it; NULL when the name would not fit. */
static Column *add_word_column(Model *m, uint32_t ti, const Word *w, bool in_create)
{
    Table *t = &m->tables[ti];
    char name[NAME_LEN];
    if (!claim_column_name(t, w->name, name))
        return NULL;
    Column *c = add_column_to(t);
    memcpy(c->name, name, NAME_LEN);
    c->word = w;
    c->type = w->type;
    c->len = w->len;
    choose_attributes(m, c, in_create);
    return c;
}

static Column *add_enum_column(Model *m, uint32_t ti, uint32_t ei, bool in_create)
{
    Table *t = &m->tables[ti];
    char name[NAME_LEN];
    if (!claim_column_name(t, m->enums[ei].theme->name, name))
        return NULL;
    Column *c = add_column_to(t);
    memcpy(c->name, name, NAME_LEN);
    c->type = T_ENUM;
    c->enum_id = ei;
    if (rng_percent(&m->rng, in_create ? 60 : 50)) {
        c->not_null = true;
        c->def = DEF_LITERAL;
    }
    return c;
}

static bool references_table(const Table *t, uint32_t target)
{
    for (uint32_t i = 0; i < t->n_cols; i++)
        if (t->cols[i].ref_table == (int32_t)target)
            return true;
    return false;
}

/* <singular>_id bigint references <table> (id): nullable, so inserted rows may
 * leave it NULL and no row ever points at a row that is not there. */
static void add_foreign_keys(Model *m, uint32_t ti, uint32_t count)
{
    for (uint32_t k = 0; k < count; k++) {
        uint32_t target = m->live[rng_below(&m->rng, m->n_live - 1)]; /* not ti itself, the last */
        if (references_table(&m->tables[ti], target))
            continue;
        char base[NAME_LEN], name[NAME_LEN];
        if (!name_printf(base, "%s_id", m->tables[target].singular) ||
            !claim_column_name(&m->tables[ti], base, name))
            continue;
        Column *c = add_column_to(&m->tables[ti]);
        memcpy(c->name, name, NAME_LEN);
        c->type = T_BIGINT;
        c->ref_table = (int32_t)target;
        c->key_uses = 1;
        m->tables[target].referenced_by++;
    }
}

/* One unique column without a default, made NOT NULL as such keys usually are. */
static int32_t choose_unique_column(Model *m, uint32_t ti)
{
    if (!rng_percent(&m->rng, 45))
        return -1;
    int32_t ci = pick_column_in(m, ti, can_be_unique);
    if (ci < 0)
        return -1;
    Column *c = &m->tables[ti].cols[ci];
    c->not_null = true;
    c->unique_uses++;
    c->key_uses++;
    return ci;
}

static int column_width(const Table *t)
{
    size_t w = 0;
    for (uint32_t i = 0; i < t->n_cols; i++)
        if (strlen(t->cols[i].name) > w)
            w = strlen(t->cols[i].name);
    return (int)w;
}

static const char *on_delete_clause(Model *m)
{
    uint32_t r = rng_below(&m->rng, 10);
    return r < 4 ? " on delete cascade" : r < 7 ? " on delete set null" : "";
}

static void write_create_table(Model *m, uint32_t ti, int32_t unique_ci)
{
    const Table *t = &m->tables[ti];
    int width = column_width(t);
    begin_op(m);
    buf_printf(&m->body, "create_table %s (\n", t->name);
    for (uint32_t i = 0; i < t->n_cols; i++) {
        const Column *c = &t->cols[i];
        buf_printf(&m->body, "    ");
        write_column_def(m, c, width, &m->body);
        if (c->ref_table >= 0)
            buf_printf(&m->body, " references %s (id)%s", m->tables[c->ref_table].name,
                       on_delete_clause(m));
        buf_printf(&m->body, "%s\n", i + 1 < t->n_cols || unique_ci >= 0 ? "," : "");
    }
    if (unique_ci >= 0) {
        const char *col = t->cols[unique_ci].name;
        buf_printf(&m->body, "    constraint uq_%s_%s unique (%s)\n", t->name, col, col);
    }
    buf_printf(&m->body, ");\n");
}

static bool act_create_table(Model *m)
{
    uint32_t ti = new_table(m);
    add_id_column(&m->tables[ti]);
    uint32_t want = 4 + rng_below(&m->rng, 5); /* 4..8 columns with the id */
    if (m->n_live > 1) {
        uint32_t r = rng_below(&m->rng, 100);
        add_foreign_keys(m, ti, r < 50 ? 0 : r < 88 ? 1 : 2);
    }
    if (m->n_enums > 0 && rng_percent(&m->rng, 15))
        add_enum_column(m, ti, rng_below(&m->rng, m->n_enums), true);
    for (int tries = 0; m->tables[ti].n_cols < want && tries < 64; tries++) {
        const Word *w = &WORDS[rng_below(&m->rng, N_WORDS)];
        if (!name_used(&m->tables[ti], w->name)) /* no avatar next to avatar_2 */
            add_word_column(m, ti, w, true);
    }
    int32_t unique_ci = choose_unique_column(m, ti);
    title_printf(m, "create table %s", m->tables[ti].name);
    write_create_table(m, ti, unique_ci);
    return true;
}

/* ------------------------------------------------------------- add_column */

static void write_add_column(Model *m, uint32_t ti, const Column *c)
{
    begin_op(m);
    buf_printf(&m->body, "add_column %s.", m->tables[ti].name);
    write_column_def(m, c, 0, &m->body);
    buf_printf(&m->body, ";\n");
}

static bool act_add_column(Model *m)
{
    uint32_t ti = pick_live_table(m);
    Column *c = add_word_column(m, ti, &WORDS[rng_below(&m->rng, N_WORDS)], false);
    if (!c)
        return false;
    /* Rows already there all take the default: no longer distinct. */
    c->distinct = c->def == DEF_NONE || m->tables[ti].next_row_id == 1;
    title_printf(m, "add %s to %s", c->name, m->tables[ti].name);
    write_add_column(m, ti, c);
    return true;
}

/* ------------------------------------------------------------------- enums */

static bool enum_name_taken(const Model *m, const char *name)
{
    for (uint32_t i = 0; i < m->n_enums; i++)
        if (strcmp(m->enums[i].name, name) == 0)
            return true;
    return false;
}

static bool name_new_enum(const Model *m, const Table *t, const Theme *th, char *out)
{
    if (!name_printf(out, "%s_%s", t->singular, th->name))
        return false;
    for (uint32_t k = 2; enum_name_taken(m, out); k++)
        if (!name_printf(out, "%s_%s_%u", t->singular, th->name, k))
            return false;
    return true;
}

static void write_create_enum(Model *m, const Enum *e)
{
    begin_op(m);
    buf_printf(&m->body, "create_enum %s (", e->name);
    for (uint32_t i = 0; i < e->n_labels; i++)
        buf_printf(&m->body, "%s'%s'", i ? ", " : "", e->labels[i].text);
    buf_printf(&m->body, ");\n");
}

/* create_enum, then a column of the new type: an enum nobody uses is not realistic. */
static bool act_create_enum(Model *m)
{
    uint32_t ti = pick_live_table(m);
    const Theme *th = &THEMES[rng_below(&m->rng, N_THEMES)];
    char name[NAME_LEN];
    if (!name_new_enum(m, &m->tables[ti], th, name))
        return false;
    uint32_t ei = m->n_enums;
    Enum *e = PUSH(m->enums, m->n_enums, m->cap_enums);
    memcpy(e->name, name, NAME_LEN);
    e->theme = th;
    for (uint32_t i = 0; i < INITIAL_LABELS; i++)
        e->labels[e->n_labels++] = (Label){th->labels[i], -1};
    e->next_extra = INITIAL_LABELS;
    Column *c = add_enum_column(m, ti, ei, false);
    if (!c) {
        m->n_enums--; /* never written, so never to be used */
        return false;
    }
    title_printf(m, "add %s to %s", c->name, m->tables[ti].name);
    write_create_enum(m, &m->enums[ei]);
    write_add_column(m, ti, c);
    return true;
}

static int32_t pick_growable_enum(Model *m)
{
    if (m->n_enums == 0)
        return -1;
    uint32_t start = rng_below(&m->rng, m->n_enums);
    for (uint32_t k = 0; k < m->n_enums && k < 16; k++) {
        uint32_t ei = (start + k) % m->n_enums;
        const Enum *e = &m->enums[ei];
        if (e->next_extra < MAX_LABELS && e->theme->labels[e->next_extra] && e->n_labels < MAX_LABELS)
            return (int32_t)ei;
    }
    return -1;
}

/* alter_enum add value, at the end or before/after a label, as PostgreSQL allows. */
static bool act_alter_enum(Model *m)
{
    int32_t found = pick_growable_enum(m);
    if (found < 0)
        return false;
    Enum *e = &m->enums[found];
    Label added = {e->theme->labels[e->next_extra++], m->migration};
    uint32_t pos = e->n_labels;
    const char *where = "";
    uint32_t r = rng_below(&m->rng, 4);
    if (r >= 2) {
        uint32_t anchor = rng_below(&m->rng, e->n_labels);
        where = r == 2 ? "before" : "after";
        pos = r == 2 ? anchor : anchor + 1;
    }
    begin_op(m);
    title_printf(m, "add %s to %s", added.text, e->name);
    buf_printf(&m->body, "alter_enum %s add value '%s'", e->name, added.text);
    if (*where)
        buf_printf(&m->body, " %s '%s'", where, e->labels[r == 2 ? pos : pos - 1].text);
    buf_printf(&m->body, ";\n");
    memmove(&e->labels[pos + 1], &e->labels[pos], (e->n_labels - pos) * sizeof e->labels[0]);
    e->labels[pos] = added;
    e->n_labels++;
    return true;
}

/* ----------------------------------------------------------------- indexes */

static bool index_name_taken(const Model *m, uint32_t ti, const char *name)
{
    for (uint32_t i = 0; i < m->n_indexes; i++)
        if (m->indexes[i].alive && m->indexes[i].table == ti && strcmp(m->indexes[i].name, name) == 0)
            return true;
    return false;
}

/* ix_<table>_<columns>, the default naming convention, so naming lint stays quiet. */
static bool name_index(const Model *m, uint32_t ti, const Index *ix, char *out)
{
    const Table *t = &m->tables[ti];
    bool fits = ix->n_cols == 1
                    ? name_printf(out, "ix_%s_%s", t->name, t->cols[ix->cols[0]].name)
                    : name_printf(out, "ix_%s_%s_%s", t->name, t->cols[ix->cols[0]].name,
                                  t->cols[ix->cols[1]].name);
    return fits && !index_name_taken(m, ti, out);
}

/* Sometimes a second indexed column, sometimes a partial index's predicate column. */
static void choose_index_extras(Model *m, uint32_t ti, Index *ix)
{
    if (rng_percent(&m->rng, 25)) {
        int32_t second = pick_column_in(m, ti, can_index);
        if (second >= 0 && (uint32_t)second != ix->cols[0]) {
            ix->cols[1] = (uint32_t)second;
            ix->n_cols = 2;
        }
    }
    /* Partial unique indexes are left out: MySQL has no partial index, and
     * dropping the predicate there would change what a unique index means. */
    if (!ix->unique && rng_percent(&m->rng, 15)) {
        int32_t p = pick_column_in(m, ti, can_be_predicate);
        if (p >= 0 && (uint32_t)p != ix->cols[0] && (ix->n_cols == 1 || (uint32_t)p != ix->cols[1]))
            ix->where_col = p;
    }
}

static void write_predicate(const Column *c, Buf *b)
{
    if (c->type == T_BOOLEAN)
        buf_printf(b, " where %s = true", c->name);
    else if (c->type == T_TIMESTAMPTZ || c->type == T_TIMESTAMP)
        buf_printf(b, " where %s is null", c->name);
    else
        buf_printf(b, " where %s is not null", c->name);
}

static void write_create_index(Model *m, const Index *ix)
{
    const Table *t = &m->tables[ix->table];
    begin_op(m);
    title_printf(m, "index %s", ix->name);
    buf_printf(&m->body, "create_index %s on %s (%s", ix->name, t->name, t->cols[ix->cols[0]].name);
    if (ix->n_cols == 2)
        buf_printf(&m->body, ", %s", t->cols[ix->cols[1]].name);
    buf_printf(&m->body, ")%s", ix->unique ? " unique" : "");
    if (ix->where_col >= 0)
        write_predicate(&t->cols[ix->where_col], &m->body);
    buf_printf(&m->body, ";\n");
}

static void count_index_uses(Model *m, const Index *ix, int delta)
{
    Column *cols = m->tables[ix->table].cols;
    for (uint32_t i = 0; i < ix->n_cols; i++) {
        cols[ix->cols[i]].key_uses += (uint32_t)delta;
        if (ix->unique)
            cols[ix->cols[i]].unique_uses += (uint32_t)delta;
    }
    if (ix->where_col >= 0)
        cols[ix->where_col].expr_uses += (uint32_t)delta;
}

static bool act_create_index(Model *m)
{
    Index ix = {.where_col = -1, .n_cols = 1, .alive = true};
    uint32_t ti, ci;
    ix.unique = rng_percent(&m->rng, 20);
    if (!find_column(m, ix.unique ? can_be_unique : can_index, &ti, &ci))
        return false;
    ix.table = ti;
    ix.cols[0] = ci;
    choose_index_extras(m, ti, &ix);
    if (!name_index(m, ti, &ix, ix.name)) {
        ix.n_cols = 1; /* a long or taken two-column name: try the first column alone */
        if (!name_index(m, ti, &ix, ix.name))
            return false;
    }
    count_index_uses(m, &ix, +1);
    *PUSH(m->indexes, m->n_indexes, m->cap_indexes) = ix;
    write_create_index(m, &ix);
    return true;
}

/* An index led by a foreign-key column is left alone: InnoDB may have adopted it
 * as the key's index and refuses to drop it. */
static bool can_drop_index(const Model *m, const Index *ix)
{
    return ix->alive && m->tables[ix->table].cols[ix->cols[0]].ref_table < 0;
}

static bool act_drop_index(Model *m)
{
    if (m->n_indexes == 0)
        return false;
    uint32_t start = rng_below(&m->rng, m->n_indexes);
    for (uint32_t k = 0; k < m->n_indexes; k++) {
        Index *ix = &m->indexes[(start + k) % m->n_indexes];
        if (!can_drop_index(m, ix))
            continue;
        ix->alive = false;
        count_index_uses(m, ix, -1);
        begin_op(m);
        title_printf(m, "drop index %s", ix->name);
        buf_printf(&m->body, "drop_index %s;\n", ix->name);
        return true;
    }
    return false;
}

/* ------------------------------------------------------------- constraints */

static bool act_add_check(Model *m)
{
    uint32_t ti, ci;
    if (!find_column(m, can_check, &ti, &ci))
        return false;
    Table *t = &m->tables[ti];
    Column *c = &t->cols[ci];
    c->has_check = true;
    c->expr_uses++;
    begin_op(m);
    title_printf(m, "check %s.%s", t->name, c->name);
    buf_printf(&m->body, "add_constraint ck_%s_%u on %s check (", t->name, ++t->n_checks, t->name);
    if (c->type == T_TEXT || c->type == T_VARCHAR)
        buf_printf(&m->body, "length(%s) > 0);\n", c->name);
    else
        buf_printf(&m->body, "%s >= 0);\n", c->name);
    return true;
}

/* ---------------------------------------------------------- column changes */

/* A new name that suits the column: another word of its type (name -> title),
 * else the old name qualified (customer_id -> owner_customer_id). */
static bool rename_base(Model *m, const Column *c, char *out)
{
    if (c->word) {
        uint32_t start = rng_below(&m->rng, N_WORDS);
        for (uint32_t k = 0; k < N_WORDS; k++) {
            const Word *w = &WORDS[(start + k) % N_WORDS];
            if (w->type == c->type && w != c->word && strcmp(w->name, c->name) != 0)
                return name_printf(out, "%s", w->name);
        }
    }
    return name_printf(out, "%s_%s", c->type == T_ENUM ? "current" : c->word ? "legacy" : "owner",
                       c->name);
}

static bool act_rename_column(Model *m)
{
    uint32_t ti, ci;
    if (!find_column(m, can_rename, &ti, &ci))
        return false;
    Table *t = &m->tables[ti];
    const Column *c = &t->cols[ci];
    char base[NAME_LEN], name[NAME_LEN];
    if (!rename_base(m, c, base) || !claim_column_name(t, base, name))
        return false;
    begin_op(m);
    title_printf(m, "rename %s.%s", t->name, c->name);
    buf_printf(&m->body, "rename_column %s.%s to %s;\n", t->name, c->name, name);
    memcpy(t->cols[ci].name, name, NAME_LEN);
    return true;
}

static bool alter_widen(Model *m)
{
    uint32_t ti, ci;
    if (!find_column(m, can_widen, &ti, &ci))
        return false;
    Column *c = &m->tables[ti].cols[ci];
    c->len += VARCHAR_STEP;
    begin_op(m);
    title_printf(m, "widen %s.%s", m->tables[ti].name, c->name);
    buf_printf(&m->body, "alter_column %s.%s type varchar(%d);\n", m->tables[ti].name, c->name, c->len);
    return true;
}

static bool alter_set_default(Model *m)
{
    uint32_t ti, ci;
    if (!find_column(m, can_get_default, &ti, &ci))
        return false;
    Column *c = &m->tables[ti].cols[ci];
    c->def = DEF_LITERAL;
    c->distinct = false; /* rows inserted from now on may all take the default */
    begin_op(m);
    title_printf(m, "default for %s.%s", m->tables[ti].name, c->name);
    buf_printf(&m->body, "alter_column %s.%s set default ", m->tables[ti].name, c->name);
    write_default(m, c, &m->body);
    buf_printf(&m->body, ";\n");
    return true;
}

static bool alter_drop_default(Model *m)
{
    uint32_t ti, ci;
    if (!find_column(m, can_lose_default, &ti, &ci))
        return false;
    Column *c = &m->tables[ti].cols[ci];
    c->def = DEF_NONE; /* a NOT NULL column now needs a value in every data_insert */
    begin_op(m);
    title_printf(m, "no default for %s.%s", m->tables[ti].name, c->name);
    buf_printf(&m->body, "alter_column %s.%s drop default;\n", m->tables[ti].name, c->name);
    return true;
}

static bool act_alter_column(Model *m)
{
    uint32_t r = rng_below(&m->rng, 10);
    if (r < 4)
        return alter_widen(m) || alter_set_default(m) || alter_drop_default(m);
    if (r < 7)
        return alter_set_default(m) || alter_drop_default(m) || alter_widen(m);
    return alter_drop_default(m) || alter_widen(m) || alter_set_default(m);
}

static bool act_drop_column(Model *m)
{
    uint32_t ti, ci;
    if (!find_column(m, can_drop, &ti, &ci) || live_plain_columns(&m->tables[ti]) < 3)
        return false;
    Column *c = &m->tables[ti].cols[ci];
    c->alive = false;
    begin_op(m);
    title_printf(m, "drop %s.%s", m->tables[ti].name, c->name);
    /* drop-column is a data-loss hazard: real projects say why they accept it. */
    buf_printf(&m->body, "@allow drop-column \"%s\"\ndrop_column %s.%s;\n",
               DROP_REASONS[rng_below(&m->rng, N_DROP_REASONS)], m->tables[ti].name, c->name);
    return true;
}

/* ------------------------------------------------------------------ tables */

static void release_table(Model *m, uint32_t ti)
{
    Table *t = &m->tables[ti];
    t->alive = false;
    for (uint32_t i = 0; i < t->n_cols; i++)
        if (t->cols[i].alive && t->cols[i].ref_table >= 0)
            m->tables[t->cols[i].ref_table].referenced_by--;
    for (uint32_t i = 0; i < m->n_indexes; i++)
        if (m->indexes[i].table == ti)
            m->indexes[i].alive = false;
    forget_live_table(m, ti);
}

static bool act_drop_table(Model *m)
{
    if (m->n_live <= MIN_LIVE_TABLES)
        return false;
    uint32_t start = rng_below(&m->rng, m->n_live);
    for (uint32_t k = 0; k < m->n_live; k++) {
        uint32_t ti = m->live[(start + k) % m->n_live];
        const Table *t = &m->tables[ti];
        if (t->referenced_by > 0 || t->born == m->migration)
            continue;
        begin_op(m);
        title_printf(m, "drop table %s", t->name);
        buf_printf(&m->body, "@allow drop-table \"%s\"\ndrop_table %s;\n",
                   DROP_REASONS[rng_below(&m->rng, N_DROP_REASONS)], t->name);
        release_table(m, ti);
        return true;
    }
    return false;
}

/* ----------------------------------------------------------------- the mix */

typedef bool (*Action)(Model *m);

typedef struct Choice {
    Action act;
    uint32_t weight; /* percent of picks */
} Choice;

static const Choice MIX[] = {
    {act_create_table, 11}, {act_add_column, 19}, {act_create_index, 13}, {act_rename_column, 5},
    {act_alter_column, 10}, {act_add_check, 5},   {act_create_enum, 4},   {act_alter_enum, 3},
    {act_data_insert, 9},   {act_data_update, 7}, {act_drop_index, 5},    {act_drop_column, 7},
    {act_drop_table, 2},
};
#define N_MIX (sizeof MIX / sizeof MIX[0])

static Action pick_action(Model *m)
{
    uint32_t total = 0;
    for (size_t i = 0; i < N_MIX; i++)
        total += MIX[i].weight;
    uint32_t r = rng_below(&m->rng, total);
    for (size_t i = 0; i < N_MIX; i++) {
        if (r < MIX[i].weight)
            return MIX[i].act;
        r -= MIX[i].weight;
    }
    return act_add_column;
}

/* One operation or a small group; something always gets written. */
void run_one_action(Model *m)
{
    if (m->n_live < 3) {
        act_create_table(m); /* a young project first creates its tables */
        return;
    }
    for (int tries = 0; tries < 3; tries++)
        if (pick_action(m)(m))
            return;
    if (!act_add_column(m))
        act_create_table(m);
}
