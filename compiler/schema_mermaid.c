/* schema_mermaid.c: the schema at a revision as a Mermaid ER diagram
 * (`migc schema REV --format mermaid`), for review pages and READMEs.
 *
 * Mermaid reads less than SQL names can hold: an entity name is a word or
 * a double-quoted string (where ", %, # and backslash are written as
 * entity codes), and an attribute's type and name are bare words.  An
 * attribute name that is not a word is written with '_' for the rest, and
 * its exact spelling goes into the attribute's comment.  The comment also carries the full type, NOT
 * NULL and the default, since an attribute type is one word. */
#include <string.h>

#include "printer.h"
#include "schema_sql.h"

static bool word_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static bool is_word(const char *s)
{
    if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
        return false;
    for (const char *c = s; *c; c++)
        if (!word_char(*c))
            return false;
    return true;
}

/* A bare word: each other byte becomes '_' (a leading digit gets one first). */
static void put_word(Buf *b, const char *s)
{
    if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
        buf_putc(b, '_');
    for (const char *c = s; *c; c++)
        buf_putc(b, word_char(*c) ? *c : '_');
}

/* Inside double quotes, what Mermaid refuses there as an entity code
 * (Mermaid decodes #quot; and #NN; before it parses); a line break or
 * other control character as a space. */
static void put_quoted_text(Buf *b, const char *s)
{
    for (const char *c = s; *c; c++) {
        if (*c == '"')
            buf_puts(b, "#quot;");
        else if (*c == '%' || *c == '\\' || *c == '#')
            buf_printf(b, "#%d;", *c);
        else
            buf_putc(b, (unsigned char)*c < 0x20 ? ' ' : *c);
    }
}

static void put_entity(Buf *b, const char *name)
{
    if (is_word(name)) {
        buf_puts(b, name);
        return;
    }
    buf_putc(b, '"');
    put_quoted_text(b, name);
    buf_putc(b, '"');
}

static bool in_list(IdentList l, const char *name)
{
    for (uint32_t i = 0; i < l.len; i++)
        if (strcmp(l.items[i].name, name) == 0)
            return true;
    return false;
}

/* PK, FK, UK, comma-separated, as Mermaid lists an attribute's keys. */
static void put_keys(Buf *b, const MTable *t, const char *column)
{
    static const char *const marks[] = {[CON_PRIMARY_KEY] = "PK", [CON_FOREIGN_KEY] = "FK", [CON_UNIQUE] = "UK"};
    static const ConstraintKind order[] = {CON_PRIMARY_KEY, CON_FOREIGN_KEY, CON_UNIQUE};
    bool first = true;
    for (size_t k = 0; k < countof(order); k++) {
        bool has = false;
        for (uint32_t i = 0; i < t->n_constraints && !has; i++)
            has = t->constraints[i]->kind == order[k] && in_list(t->constraints[i]->columns, column);
        if (!has)
            continue;
        buf_puts(b, first ? " " : ", ");
        buf_puts(b, marks[order[k]]);
        first = false;
    }
}

/*     type name KEYS "full type, not null, default x[, name: exact]" */
static void put_attribute(Buf *b, Arena *a, const MTable *t, const ColumnDef *c)
{
    buf_puts(b, "        ");
    put_word(b, c->type.kind == TY_ENUM ? c->type.enum_name.name : type_kind_name(c->type.kind));
    buf_puts(b, " ");
    put_word(b, c->name.name);
    put_keys(b, t, c->name.name);
    Buf note;
    buf_init(&note, a);
    print_type(&note, &c->type);
    if (c->not_null)
        buf_puts(&note, ", not null");
    if (c->identity)
        buf_puts(&note, ", identity");
    if (c->default_value) {
        buf_puts(&note, ", default ");
        print_expr(&note, c->default_value);
    }
    if (!is_word(c->name.name)) {
        buf_puts(&note, ", name: ");
        buf_puts(&note, c->name.name);
    }
    buf_puts(b, " \"");
    put_quoted_text(b, note.data);
    buf_puts(b, "\"\n");
}

static bool all_not_null(const MTable *t, IdentList cols)
{
    for (uint32_t i = 0; i < cols.len; i++) {
        const ColumnDef *c = table_column(t, cols.items[i].name);
        if (!c || !c->not_null)
            return false;
    }
    return true;
}

/* Whether the columns are exactly some primary or unique key of `t`. */
static bool is_key(const MTable *t, IdentList cols)
{
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *k = t->constraints[i];
        if ((k->kind != CON_PRIMARY_KEY && k->kind != CON_UNIQUE) || k->columns.len != cols.len)
            continue;
        bool same = true;
        for (uint32_t j = 0; j < cols.len && same; j++)
            same = in_list(k->columns, cols.items[j].name);
        if (same)
            return true;
    }
    return false;
}

/* parent ||--o{ child : "fk": exactly one parent when the foreign key's
 * columns are all NOT NULL, else zero or one; at most one child when they
 * are a key of the child. */
static void put_relationship(Buf *b, const Schema *sc, const MTable *child, const Constraint *fk)
{
    const MTable *parent = schema_table(sc, fk->ref_table.name);
    buf_puts(b, "    ");
    put_entity(b, parent ? parent->name : fk->ref_table.name);
    buf_puts(b, all_not_null(child, fk->columns) ? " ||--" : " |o--");
    buf_puts(b, is_key(child, fk->columns) ? "o| " : "o{ ");
    put_entity(b, child->name);
    buf_puts(b, " : \"");
    put_quoted_text(b, fk->name.name);
    buf_puts(b, "\"\n");
}

void print_schema_mermaid(Arena *a, const Schema *sc, Buf *out)
{
    uint32_t n;
    MTable **tables = schema_tables_sorted(sc, &n);
    buf_puts(out, "erDiagram\n");
    for (uint32_t i = 0; i < n; i++) {
        const MTable *t = tables[i];
        buf_puts(out, "    ");
        put_entity(out, t->name);
        buf_puts(out, " {\n");
        for (uint32_t k = 0; k < t->n_columns; k++)
            put_attribute(out, a, t, t->columns[k]);
        buf_puts(out, "    }\n");
    }
    for (uint32_t i = 0; i < n; i++)
        for (uint32_t k = 0; k < tables[i]->n_constraints; k++)
            if (tables[i]->constraints[k]->kind == CON_FOREIGN_KEY)
                put_relationship(out, sc, tables[i], tables[i]->constraints[k]);
}
