/* catalog.c: the schema model as the lines an engine's catalog should show.
 *
 * The engine tests (tests/engines/) build a database with the compiled SQL,
 * read its catalog back (pg_catalog, MariaDB's information_schema, SQLite's
 * PRAGMAs) into lines of this format, and diff them with what this file
 * prints for the model at the same revision.  So every line here states a
 * fact the engine reports, in the engine's own words:
 *
 *   table T
 *   column T.C TYPE null|not null default|no default|identity
 *   index T NAME [unique] (C, ...) [where]
 *   constraint T NAME primary key|unique (C, ...)
 *   constraint T NAME check [not valid]
 *   constraint T NAME foreign key (C, ...) references RT (RC, ...) on delete A on update A [not valid]
 *   enum NAME ('label', ...)
 *
 * with these differences per engine:
 * - postgresql: types as format_type() prints them, enums by name; indexes
 *   that back a constraint are not listed (the constraint is).
 * - mysql (MariaDB): each table with its collation (utf8mb4_bin); types as
 *   information_schema.COLUMNS.COLUMN_TYPE shows them (int(11), tinyint(1),
 *   enum('a','b'), longtext for json); the primary
 *   key is named PRIMARY; unique constraints are unique indexes; an index
 *   keeps no where clause; foreign keys without an action report restrict;
 *   enums have no line of their own (they are column types).
 * - sqlite: declared types as migc writes them; table constraints have no
 *   names (primary key from table_info, unique from index_list); checks are
 *   not listed; enums have no line of their own.
 * Default expressions, check and index predicates are compared by presence
 * only: engines rewrite their text. */
#include "catalog.h"

#include <stdlib.h>
#include <string.h>

typedef struct Lines {
    Arena *a;
    PtrVec v;
    const Schema *sc;
    DialectId d;
} Lines;

static void add(Lines *l, const char *fmt, ...) MIGC_PRINTF(2, 3);
static void add(Lines *l, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ptrvec_push(l->a, &l->v, arena_vprintf(l->a, fmt, ap));
    va_end(ap);
}

/* ================================================================= names */

/* Names as the model spells them (a reference may have been written in
 * another case; the engine shows the object's own spelling). */
static const char *column_name(const MTable *t, const char *name)
{
    const ColumnDef *c = t ? table_column(t, name) : NULL;
    return c ? c->name.name : name;
}

static const char *column_list(Lines *l, const MTable *t, IdentList cols)
{
    Buf b;
    buf_init(&b, l->a);
    for (uint32_t i = 0; i < cols.len; i++) {
        if (i)
            buf_puts(&b, ", ");
        buf_puts(&b, column_name(t, cols.items[i].name));
    }
    return buf_cstr(&b);
}

/* 'a','b' with quotes doubled; MariaDB's COLUMN_TYPE doubles backslashes too. */
static const char *enum_labels(Lines *l, const MEnum *e)
{
    Buf b;
    buf_init(&b, l->a);
    for (uint32_t i = 0; e && i < e->n_labels; i++) {
        buf_puts(&b, i ? ",'" : "'");
        for (const char *c = e->labels[i]; *c; c++) {
            if (*c == '\'' || (*c == '\\' && l->d == DIALECT_MYSQL))
                buf_putc(&b, *c);
            buf_putc(&b, *c);
        }
        buf_putc(&b, '\'');
    }
    return buf_cstr(&b);
}

/* ================================================================= types */

static const char *pg_type(Lines *l, const Type *t)
{
    switch (t->kind) {
    case TY_SMALLINT: return "smallint";
    case TY_INTEGER: return "integer";
    case TY_BIGINT: return "bigint";
    case TY_BOOLEAN: return "boolean";
    case TY_REAL: return "real";
    case TY_DOUBLE: return "double precision";
    case TY_NUMERIC:
        if (t->precision < 0)
            return "numeric";
        return arena_printf(l->a, "numeric(%d,%d)", t->precision, t->scale < 0 ? 0 : t->scale);
    case TY_TEXT: return "text";
    case TY_VARCHAR:
        return t->precision < 0 ? "character varying" : arena_printf(l->a, "character varying(%d)", t->precision);
    case TY_CHAR: return arena_printf(l->a, "character(%d)", t->precision < 0 ? 1 : t->precision);
    case TY_DATE: return "date";
    case TY_TIME: return "time without time zone";
    case TY_TIMESTAMP: return "timestamp without time zone";
    case TY_TIMESTAMPTZ: return "timestamp with time zone";
    case TY_INTERVAL: return "interval";
    case TY_UUID: return "uuid";
    case TY_JSON: return "json";
    case TY_JSONB: return "jsonb";
    case TY_BYTES: return "bytea";
    case TY_ENUM: {
        const MEnum *e = schema_enum(l->sc, t->enum_name.name);
        return e ? e->name : t->enum_name.name;
    }
    case TY__COUNT: break;
    }
    return "?";
}

/* MariaDB 10.11's COLUMN_TYPE for what emit_mysql.c writes. */
static const char *my_type(Lines *l, const Type *t)
{
    switch (t->kind) {
    case TY_SMALLINT: return "smallint(6)";
    case TY_INTEGER: return "int(11)";
    case TY_BIGINT: return "bigint(20)";
    case TY_BOOLEAN: return "tinyint(1)";
    case TY_REAL: return "float";
    case TY_DOUBLE: return "double";
    case TY_NUMERIC:
        if (t->precision < 0)
            return "decimal(65,30)";
        return arena_printf(l->a, "decimal(%d,%d)", t->precision, t->scale < 0 ? 0 : t->scale);
    case TY_TEXT: return "longtext";
    case TY_VARCHAR: return arena_printf(l->a, "varchar(%d)", t->precision);
    case TY_CHAR: return arena_printf(l->a, "char(%d)", t->precision < 0 ? 1 : t->precision);
    case TY_DATE: return "date";
    case TY_TIME: return "time(6)";
    case TY_TIMESTAMP: case TY_TIMESTAMPTZ: return "datetime(6)";
    case TY_INTERVAL: return "varchar(64)";
    case TY_UUID: return "char(36)";
    case TY_JSON: case TY_JSONB: return "longtext"; /* MariaDB: JSON is LONGTEXT with a json_valid() check */
    case TY_BYTES: return "longblob";
    case TY_ENUM: return arena_printf(l->a, "enum(%s)", enum_labels(l, schema_enum(l->sc, t->enum_name.name)));
    case TY__COUNT: break;
    }
    return "?";
}

static bool is_integer_kind(TypeKind k)
{
    return k == TY_SMALLINT || k == TY_INTEGER || k == TY_BIGINT;
}

/* The declared type emit_sqlite.c writes, which PRAGMA table_info returns. */
static const char *sq_type(Lines *l, const Type *t, const ColumnDef *c)
{
    if (c->identity && is_integer_kind(t->kind))
        return "INTEGER"; /* the rowid alias */
    switch (t->kind) {
    case TY_SMALLINT: return "SMALLINT";
    case TY_INTEGER: return "INTEGER";
    case TY_BIGINT: return "BIGINT";
    case TY_BOOLEAN: return "BOOLEAN";
    case TY_REAL: return "REAL";
    case TY_DOUBLE: return "DOUBLE";
    case TY_NUMERIC:
        if (t->precision < 0)
            return "NUMERIC";
        if (t->scale < 0)
            return arena_printf(l->a, "NUMERIC(%d)", t->precision);
        return arena_printf(l->a, "NUMERIC(%d, %d)", t->precision, t->scale);
    case TY_TEXT: return "TEXT";
    case TY_VARCHAR: return arena_printf(l->a, "VARCHAR(%d)", t->precision);
    case TY_CHAR: return arena_printf(l->a, "CHAR(%d)", t->precision);
    case TY_DATE: return "DATE";
    case TY_TIME: return "TIME";
    case TY_TIMESTAMP: return "TIMESTAMP";
    case TY_TIMESTAMPTZ: return "TIMESTAMPTZ";
    case TY_INTERVAL: case TY_UUID: case TY_JSON: case TY_JSONB: case TY_ENUM: return "TEXT";
    case TY_BYTES: return "BLOB";
    case TY__COUNT: break;
    }
    return "?";
}

/* =============================================================== columns */

static void column_line(Lines *l, const MTable *t, const ColumnDef *c)
{
    const char *type = l->d == DIALECT_POSTGRESQL ? pg_type(l, &c->type)
                       : l->d == DIALECT_MYSQL    ? my_type(l, &c->type)
                                                  : sq_type(l, &c->type, c);
    /* DEFAULT NULL is no default: PostgreSQL stores none, MariaDB reports NULL */
    bool has_default = c->default_value && c->default_value->kind != EX_NULL;
    const char *def = has_default ? "default" : "no default";
    if (c->identity && l->d != DIALECT_SQLITE)
        def = "identity";
    add(l, "column %s.%s %s %s %s", t->name, c->name.name, type, c->not_null ? "not null" : "null", def);
}

/* =========================================================== constraints */

static const char *fk_action(Lines *l, FkAction a)
{
    if (a == FK_NONE) /* what each engine records when no action is given */
        return l->d == DIALECT_MYSQL ? "restrict" : "no action";
    return fk_action_name(a);
}

static void foreign_key_line(Lines *l, const MTable *t, const Constraint *c, const char *head)
{
    const MTable *target = schema_table(l->sc, c->ref_table.name);
    add(l, "%sforeign key (%s) references %s (%s) on delete %s on update %s%s", head, column_list(l, t, c->columns),
        target ? target->name : c->ref_table.name, column_list(l, target, c->ref_columns), fk_action(l, c->on_delete),
        fk_action(l, c->on_update), c->not_valid && l->d == DIALECT_POSTGRESQL ? " not valid" : "");
}

static void constraint_line(Lines *l, const MTable *t, const Constraint *c)
{
    const char *head = arena_printf(l->a, "constraint %s %s ", t->name, c->name.name);
    switch (l->d) {
    case DIALECT_POSTGRESQL:
        switch (c->kind) {
        case CON_PRIMARY_KEY: add(l, "%sprimary key (%s)", head, column_list(l, t, c->columns)); return;
        case CON_UNIQUE: add(l, "%sunique (%s)", head, column_list(l, t, c->columns)); return;
        case CON_CHECK: add(l, "%scheck%s", head, c->not_valid ? " not valid" : ""); return;
        case CON_FOREIGN_KEY: foreign_key_line(l, t, c, head); return;
        }
        return;
    case DIALECT_MYSQL:
        switch (c->kind) {
        case CON_PRIMARY_KEY: add(l, "constraint %s PRIMARY primary key (%s)", t->name, column_list(l, t, c->columns)); return;
        case CON_UNIQUE: add(l, "index %s %s unique (%s)", t->name, c->name.name, column_list(l, t, c->columns)); return;
        case CON_CHECK: add(l, "%scheck", head); return;
        case CON_FOREIGN_KEY: foreign_key_line(l, t, c, head); return;
        }
        return;
    case DIALECT_SQLITE:
        head = arena_printf(l->a, "constraint %s ", t->name);
        switch (c->kind) {
        case CON_PRIMARY_KEY: add(l, "%sprimary key (%s)", head, column_list(l, t, c->columns)); return;
        case CON_UNIQUE: add(l, "%sunique (%s)", head, column_list(l, t, c->columns)); return;
        case CON_CHECK: return;
        case CON_FOREIGN_KEY: foreign_key_line(l, t, c, head); return;
        }
        return;
    case DIALECT__COUNT: return;
    }
}

static void index_line(Lines *l, const MTable *t, const IndexDef *ix)
{
    bool where = ix->where && l->d != DIALECT_MYSQL;
    add(l, "index %s %s%s (%s)%s", t->name, ix->name.name, ix->unique ? " unique" : "",
        column_list(l, t, ix->columns), where ? " where" : "");
}

/* ================================================================= print */

static int compare_lines(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void print_catalog(Arena *a, const Schema *sc, DialectId d, Buf *out)
{
    Lines l = {.a = a, .sc = sc, .d = d};
    uint32_t nt, ne;
    MTable **tables = schema_tables_sorted(sc, &nt);
    for (uint32_t i = 0; i < nt; i++) {
        const MTable *t = tables[i];
        /* MySQL tables are utf8mb4_bin whatever the database's default */
        add(&l, "table %s%s", t->name, d == DIALECT_MYSQL ? " utf8mb4_bin" : "");
        for (uint32_t k = 0; k < t->n_columns; k++)
            column_line(&l, t, t->columns[k]);
        for (uint32_t k = 0; k < t->n_constraints; k++)
            constraint_line(&l, t, t->constraints[k]);
        for (uint32_t k = 0; k < t->n_indexes; k++)
            index_line(&l, t, t->indexes[k]);
    }
    MEnum **enums = schema_enums_sorted(sc, &ne);
    for (uint32_t i = 0; d == DIALECT_POSTGRESQL && i < ne; i++)
        add(&l, "enum %s (%s)", enums[i]->name, enum_labels(&l, enums[i]));
    if (l.v.len)
        qsort(l.v.items, l.v.len, sizeof *l.v.items, compare_lines);
    for (uint32_t i = 0; i < l.v.len; i++) {
        buf_puts(out, l.v.items[i]);
        buf_putc(out, '\n');
    }
}
