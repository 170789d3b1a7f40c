/* emit_mysql_limits.c: what MySQL and MariaDB cannot hold, found before
 * a statement is written: names (64 characters of the Basic Multilingual
 * Plane), types, InnoDB keys (3072 bytes, no blobs), AUTO_INCREMENT
 * outside a key, foreign keys InnoDB cannot back with a key.  Each is a
 * located dialect-unsupported error, so the compile fails instead of
 * leaving a bundle that stops halfway on the server. */
#include <string.h>
#include <strings.h>

#include "emit_mysql.h"

/* LONGTEXT, LONGBLOB and JSON: no key without a key length, no bare
 * literal default. */
bool mysql_blob_kind(TypeKind k)
{
    return k == TY_TEXT || k == TY_BYTES || k == TY_JSON || k == TY_JSONB;
}

Span mysql_span_or(Span s, Span fallback)
{
    return s.file != NO_FILE ? s : fallback;
}

static bool outside_bmp(const char *s)
{
    for (const unsigned char *c = (const unsigned char *)s; *c; c++)
        if (*c >= 0xF0)
            return true;
    return false;
}

/* MySQL names hold at most 64 characters of the Basic Multilingual Plane
 * and may not end with a space. */
void mysql_name_fits(Emit *e, Span at, const char *what, const char *name)
{
    size_t n = strlen(name);
    const char *why = NULL;
    if (utf8_count(name, n) > 64)
        why = "is longer than 64 characters, MySQL's limit for names";
    else if (n && name[n - 1] == ' ')
        why = "ends with a space, which MySQL does not allow in names";
    else if (outside_bmp(name))
        why = "has a character outside the Basic Multilingual Plane, which MySQL names cannot hold";
    else if (strcmp(what, "index") == 0 && strcasecmp(name, "primary") == 0)
        why = "is the name MySQL keeps for the primary key";
    if (!why)
        return;
    Diag *g = emit_unsupported(e, at, "%s name '%s' %s", what, name, why);
    diag_help(e->diags, g, "rename the %s", what);
}

void mysql_type_fits(Emit *e, Span at, const ColumnDef *c)
{
    const Type *t = &c->type;
    if (t->kind == TY_VARCHAR && t->precision > 16383) {
        Diag *g = emit_unsupported(e, at, "column %s is varchar(%d), but a MySQL utf8mb4 varchar holds at most "
                                   "16383 characters", c->name.name, t->precision);
        diag_help(e->diags, g, "use text for long strings");
    } else if (t->kind == TY_CHAR && t->precision > 255) {
        Diag *g = emit_unsupported(e, at, "column %s is char(%d), but MySQL's char holds at most 255 characters",
                                   c->name.name, t->precision);
        diag_help(e->diags, g, "use varchar(n) or text");
    } else if (t->kind == TY_ENUM) {
        const MEnum *en = emit_enum_now(e, t->enum_name.name);
        for (uint32_t i = 0; en && i < en->n_labels; i++) {
            size_t n = strlen(en->labels[i]);
            if (n && en->labels[i][n - 1] == ' ')
                emit_unsupported(e, at, "enum %s has the label '%s'; MySQL strips trailing spaces from ENUM labels",
                                 en->name, en->labels[i]);
        }
    }
}

void mysql_column_fits(Emit *e, Span at, const ColumnDef *c)
{
    mysql_name_fits(e, mysql_span_or(c->name.span, at), "column", c->name.name);
    mysql_type_fits(e, mysql_span_or(c->span, at), c);
}

/* Bytes a column takes in an InnoDB key (utf8mb4: 4 a character). */
static int key_bytes(const Type *t)
{
    switch (t->kind) {
    case TY_SMALLINT: return 2;
    case TY_INTEGER: case TY_REAL: return 4;
    case TY_BIGINT: case TY_DOUBLE: case TY_TIMESTAMP: case TY_TIMESTAMPTZ: return 8;
    case TY_BOOLEAN: return 1;
    case TY_NUMERIC: return 30;
    case TY_VARCHAR: case TY_CHAR: return 4 * (t->precision < 0 ? 1 : t->precision) + 2;
    case TY_DATE: return 3;
    case TY_TIME: return 6;
    case TY_INTERVAL: return 4 * 64 + 2;
    case TY_UUID: return 4 * 36;
    case TY_ENUM: return 2;
    case TY_TEXT: case TY_BYTES: case TY_JSON: case TY_JSONB: case TY__COUNT: return 0;
    }
    return 0;
}

/* Every key (primary, unique, index, the index under a foreign key) must
 * fit InnoDB: no LONGTEXT/LONGBLOB/JSON without a key length, 3072 bytes. */
void mysql_key_fits(Emit *e, Span at, const MTable *t, IdentList cols, const char *what, const char *name)
{
    int bytes = 0;
    for (uint32_t i = 0; i < cols.len; i++) {
        const ColumnDef *c = table_column(t, cols.items[i].name);
        if (!c)
            continue;
        if (mysql_blob_kind(c->type.kind)) {
            Diag *g = emit_unsupported(e, at, "%s %s covers %s.%s of type %s, which MySQL cannot index without a key "
                                       "length", what, name, t->name, c->name.name, type_kind_name(c->type.kind));
            diag_help(e->diags, g, "give the column a bounded type, e.g. varchar(255)");
            return;
        }
        bytes += key_bytes(&c->type);
    }
    if (bytes > 3072) {
        Diag *g = emit_unsupported(e, at, "%s %s is %d bytes wide; an InnoDB key holds at most 3072 bytes", what, name,
                                   bytes);
        diag_help(e->diags, g, "index fewer or shorter columns (utf8mb4 counts 4 bytes a character)");
    }
}

static bool leads(IdentList cols, const char *column)
{
    return cols.len && strcasecmp(cols.items[0].name, column) == 0;
}

/* AUTO_INCREMENT must lead some key of the table. */
static bool identity_keyed(const MTable *t, const char *column)
{
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *c = t->constraints[i];
        if ((c->kind == CON_PRIMARY_KEY || c->kind == CON_UNIQUE) && leads(c->columns, column))
            return true;
    }
    for (uint32_t i = 0; i < t->n_indexes; i++)
        if (leads(t->indexes[i]->columns, column))
            return true;
    return false;
}

void mysql_identity_fits(Emit *e, Span at, const MTable *t)
{
    for (uint32_t i = 0; t && i < t->n_columns; i++) {
        const ColumnDef *c = t->columns[i];
        if (!c->identity || identity_keyed(t, c->name.name))
            continue;
        Diag *g = emit_unsupported(e, at, "identity column %s.%s would not lead a key; MySQL's AUTO_INCREMENT must "
                                   "be the first column of a primary key or unique constraint", t->name, c->name.name);
        diag_help(e->diags, g, "keep a primary key or unique constraint that starts with %s", c->name.name);
    }
}

static bool is_prefix(IdentList cols, IdentList key)
{
    if (cols.len == 0 || cols.len > key.len)
        return false;
    for (uint32_t i = 0; i < cols.len; i++)
        if (strcasecmp(cols.items[i].name, key.items[i].name) != 0)
            return false;
    return true;
}

/* Whether a key (primary, unique, index) of `t` starts with `cols`, in order. */
bool mysql_has_key_prefix(const MTable *t, IdentList cols)
{
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *c = t->constraints[i];
        if ((c->kind == CON_PRIMARY_KEY || c->kind == CON_UNIQUE) && is_prefix(cols, c->columns))
            return true;
    }
    for (uint32_t i = 0; i < t->n_indexes; i++)
        if (is_prefix(cols, t->indexes[i]->columns))
            return true;
    return false;
}

/* InnoDB finds the referenced key by its leading columns, in order. */
static void referenced_key_fits(Emit *e, Span at, const Constraint *c)
{
    const MTable *target = schema_table(e->ev->schema, c->ref_table.name);
    if (!target || mysql_has_key_prefix(target, c->ref_columns))
        return;
    Diag *g = emit_unsupported(e, at, "foreign key %s references columns of %s in an order no key of %s has; InnoDB "
                               "needs a key that starts with them in that order", c->name.name, target->name,
                               target->name);
    diag_help(e->diags, g, "list the referenced columns (and the constrained ones with them) in the key's order");
}

/* Referential actions that write the constrained columns. */
static bool fk_writes_columns(const Constraint *fk)
{
    return fk->kind == CON_FOREIGN_KEY &&
           (fk->on_update == FK_CASCADE || fk->on_update == FK_SET_NULL || fk->on_update == FK_SET_DEFAULT ||
            fk->on_delete == FK_SET_NULL || fk->on_delete == FK_SET_DEFAULT);
}

static bool check_reads(const Constraint *check, IdentList cols)
{
    for (uint32_t i = 0; i < cols.len; i++)
        if (expr_uses_column(check->check, cols.items[i].name))
            return true;
    return false;
}

static void action_conflict(Emit *e, Span at, const Constraint *check, const Constraint *fk)
{
    Diag *g = emit_unsupported(e, at, "check %s reads a column that foreign key %s writes by its on update/on "
                               "delete action; MySQL refuses both on one column", check->name.name, fk->name.name);
    diag_help(e->diags, g, "use on update restrict and on delete cascade or restrict, or drop the check");
}

/* MySQL (error 3823) and MariaDB (1901) refuse a check over a column a
 * foreign key action writes.  Said once per pair: by the foreign key, or
 * by the check when the foreign key was there before this operation. */
static void actions_fit(Emit *e, Span at, const MTable *t, const Constraint *c)
{
    if (fk_writes_columns(c)) {
        for (uint32_t i = 0; i < t->n_constraints; i++) {
            const Constraint *k = t->constraints[i];
            if (k->kind == CON_CHECK && check_reads(k, c->columns))
                action_conflict(e, at, k, c);
        }
        return;
    }
    const MTable *before = c->kind == CON_CHECK ? emit_table_before(e, t->name) : NULL;
    for (uint32_t i = 0; before && i < before->n_constraints; i++) {
        const Constraint *fk = before->constraints[i];
        if (fk_writes_columns(fk) && table_constraint(t, fk->name.name) && check_reads(c, fk->columns))
            action_conflict(e, at, c, fk);
    }
}

/* MySQL (error 3818) and MariaDB (1901) refuse a check over an
 * AUTO_INCREMENT column. */
static void identity_unchecked(Emit *e, Span at, const MTable *t, const Constraint *check)
{
    for (uint32_t i = 0; i < t->n_columns; i++) {
        const ColumnDef *col = t->columns[i];
        if (!col->identity || !expr_uses_column(check->check, col->name.name))
            continue;
        Diag *g = emit_unsupported(e, at, "check %s reads %s.%s, an identity column (AUTO_INCREMENT), which MySQL "
                                   "and MariaDB refuse in a check", check->name.name, t->name, col->name.name);
        diag_help(e->diags, g, "leave the identity column out of the check");
        return;
    }
}

void mysql_constraint_fits(Emit *e, Span at, const MTable *t, const Constraint *c)
{
    Span where = mysql_span_or(c->span, at);
    mysql_name_fits(e, mysql_span_or(c->name.span, where), "constraint", c->name.name);
    if ((c->kind == CON_UNIQUE || c->kind == CON_FOREIGN_KEY) && strcasecmp(c->name.name, "primary") == 0) {
        /* a unique or foreign key is an index of that name */
        Diag *g = emit_unsupported(e, mysql_span_or(c->name.span, where), "constraint name '%s' is the name MySQL "
                                   "keeps for the primary key", c->name.name);
        diag_help(e->diags, g, "rename the constraint");
    }
    actions_fit(e, where, t, c);
    if (c->kind == CON_CHECK) {
        identity_unchecked(e, where, t, c);
        return;
    }
    mysql_key_fits(e, where, t, c->columns, constraint_kind_name(c->kind), c->name.name);
    if (c->kind != CON_FOREIGN_KEY)
        return;
    referenced_key_fits(e, where, c);
    if (c->on_delete != FK_SET_DEFAULT && c->on_update != FK_SET_DEFAULT)
        return;
    Diag *g = emit_unsupported(e, where, "foreign key %s uses set default, which InnoDB rejects", c->name.name);
    diag_help(e->diags, g, "use set null, cascade or restrict");
}
