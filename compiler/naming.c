/* naming.c: deterministic names for unnamed constraints and indexes.
 *
 * Templates come from migc.ini [naming] (defaults pk_{table},
 * uq_{table}_{columns}, fk_{table}_{columns}_{ref_table}, ck_{table}_{n},
 * ix_{table}_{columns}).  {n} is the smallest number that makes the name
 * free.  Names past 63 bytes are cut and end in a hash of the full name, so
 * they stay unique and stable. */
#include <string.h>

#include "sem.h"

enum { NAME_MAX_BYTES = 63, NAME_CUT_BYTES = 54 };

static void put_columns(Buf *b, IdentList cols)
{
    for (uint32_t i = 0; i < cols.len; i++) {
        if (i)
            buf_putc(b, '_');
        buf_puts(b, cols.items[i].name);
    }
}

static const char *expand(Sem *sem, const char *tmpl, const char *table, IdentList cols, const char *ref, int n)
{
    Buf b;
    buf_init(&b, sem->arena);
    for (const char *p = tmpl; *p; p++) {
        if (str_has_prefix(p, "{table}")) {
            buf_puts(&b, table);
            p += 6;
        } else if (str_has_prefix(p, "{columns}")) {
            put_columns(&b, cols);
            p += 8;
        } else if (str_has_prefix(p, "{ref_table}")) {
            buf_puts(&b, ref ? ref : "");
            p += 10;
        } else if (str_has_prefix(p, "{n}")) {
            buf_printf(&b, "%d", n);
            p += 2;
        } else {
            buf_putc(&b, *p);
        }
    }
    return buf_cstr(&b);
}

/* Cuts at a UTF-8 boundary and appends 8 hex digits of the full name. */
static const char *fit(Sem *sem, const char *name)
{
    size_t n = strlen(name);
    if (n <= NAME_MAX_BYTES)
        return intern_cstr(sem->names, name);
    size_t cut = NAME_CUT_BYTES;
    while (cut > 0 && ((unsigned char)name[cut] & 0xC0) == 0x80)
        cut--;
    return intern_cstr(sem->names, arena_printf(sem->arena, "%.*s_%08x", (int)cut, name, hash_bytes(name, n)));
}

static const char *generate(Sem *sem, NamingKind kind, const char *table, IdentList cols, const char *ref)
{
    const char *tmpl = sem->config->naming[kind];
    bool numbered = strstr(tmpl, "{n}") != NULL;
    for (int n = 1;; n++) {
        const char *name = fit(sem, expand(sem, tmpl, table, cols, ref, n));
        if (!numbered || !schema_name_user(sem->schema, name))
            return name;
    }
}

static NamingKind kind_of(ConstraintKind k)
{
    switch (k) {
    case CON_PRIMARY_KEY: return NAME_PRIMARY_KEY;
    case CON_UNIQUE: return NAME_UNIQUE;
    case CON_CHECK: return NAME_CHECK;
    case CON_FOREIGN_KEY: return NAME_FOREIGN_KEY;
    }
    return NAME_CHECK;
}

void name_constraint(Sem *sem, Constraint *c)
{
    if (c->name.name)
        return;
    c->name.name = generate(sem, kind_of(c->kind), c->table.name, c->columns, c->ref_table.name);
    c->name.span = c->span;
    c->name_generated = true;
}

void name_index(Sem *sem, IndexDef *ix)
{
    if (ix->name.name)
        return;
    ix->name.name = generate(sem, NAME_INDEX, ix->table.name, ix->columns, NULL);
    ix->name.span = ix->span;
    ix->name_generated = true;
}
