/* sem_misc.c: enums, data operations and raw execute. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lint.h"
#include "sem.h"

/* =================================================================== enums */

static int label_index(const MEnum *e, const char *label)
{
    for (uint32_t i = 0; i < e->n_labels; i++)
        if (strcmp(e->labels[i], label) == 0)
            return (int)i;
    return -1;
}

static bool check_label(Sem *sem, const char *label, Span span)
{
    size_t n = strlen(label);
    if (n >= 1 && n <= 63)
        return true;
    Diag *g = sem_error(sem, span, "bad-label", "enum label '%s' is %zu bytes long", label, n);
    diag_help(sem->diags, g, "PostgreSQL takes labels of 1 to 63 bytes");
    return false;
}

/* Type names PostgreSQL finds in pg_catalog before a type of the same
 * name in the project's schema (a column of enum `bool` would be a
 * boolean), the SQL type words it reads as those, and migc's own type
 * words (bytes, double): sorted. */
static const char *const catalog_types[] = {
    "aclitem", "any", "anyarray", "anycompatible", "anycompatiblearray", "anycompatiblemultirange",
    "anycompatiblenonarray", "anycompatiblerange", "anyelement", "anyenum", "anymultirange", "anynonarray",
    "anyrange", "bigint", "bit", "bool", "boolean", "box", "bpchar", "bytea", "bytes", "char", "character", "cid",
    "cidr", "circle", "cstring", "date", "datemultirange", "daterange", "dec", "decimal", "double",
    "event_trigger", "fdw_handler", "float", "float4", "float8", "gtsvector", "index_am_handler", "inet", "int",
    "int2", "int2vector", "int4", "int4multirange", "int4range", "int8", "int8multirange", "int8range",
    "integer", "internal", "interval", "json", "jsonb", "jsonpath", "language_handler", "line", "lseg",
    "macaddr", "macaddr8", "money", "name", "numeric", "nummultirange", "numrange", "oid", "oidvector", "path",
    "point", "polygon", "real", "record", "refcursor", "regclass", "regcollation", "regconfig",
    "regdictionary", "regnamespace", "regoper", "regoperator", "regproc", "regprocedure", "regrole", "regtype",
    "smallint", "table_am_handler", "text", "tid", "time", "timestamp", "timestamptz", "timetz", "trigger",
    "tsm_handler", "tsmultirange", "tsquery", "tsrange", "tstzmultirange", "tstzrange", "tsvector",
    "txid_snapshot", "unknown", "uuid", "varbit", "varchar", "void", "xid", "xid8", "xml",
};

static int compare_type_names(const void *key, const void *item)
{
    return strcasecmp(key, *(const char *const *)item);
}

static bool names_catalog_type(const char *name)
{
    return strncasecmp(name, "pg_", 3) == 0 ||
           bsearch(name, catalog_types, countof(catalog_types), sizeof *catalog_types, compare_type_names);
}

bool sem_create_enum(Sem *sem, Op *op)
{
    Ident name = op->u.create_enum.name;
    if (!require_free_name(sem, name, "create enum"))
        return false;
    if (names_catalog_type(name.name)) {
        /* a flaw: the enum is still made, so its columns draw no errors */
        bool prefix = strncasecmp(name.name, "pg_", 3) == 0;
        Diag *g = sem_flaw(sem, name.span, "reserved-type-name", "enum name '%s' %s, which its columns could get instead",
                           name.name, prefix ? "starts with pg_, the prefix of PostgreSQL's catalog types"
                                             : "is a built-in type name (of PostgreSQL's catalog, or migc's own)");
        diag_help(sem->diags, g, "pick another name, e.g. %s_kind", name.name);
    }
    MEnum *e = ARENA_NEW(sem->arena, MEnum);
    e->name = name.name;
    e->labels = op->u.create_enum.labels.items;
    e->n_labels = op->u.create_enum.labels.len;
    e->origin = sem->mig;
    e->span = op->span;
    for (uint32_t i = 0; i < e->n_labels; i++) {
        Span sp = op->u.create_enum.labels.spans[i];
        check_label(sem, e->labels[i], sp);
        int first = label_index(e, e->labels[i]);
        if (first >= 0 && (uint32_t)first < i) {
            Diag *g = sem_error(sem, sp, "duplicate-label", "label '%s' appears twice in enum %s", e->labels[i],
                                e->name);
            diag_note(sem->diags, g, op->u.create_enum.labels.spans[first], "first given here");
            diag_help(sem->diags, g, "list each label once");
        }
    }
    if (sem->op_failed) {
        sem_poison(sem, name.name);
        return false;
    }
    Op *inv = inv_op(sem, OPK_DROP_ENUM, op);
    inv->u.drop_enum.name = name;
    inv_push(sem, inv);
    enum_put(sem->schema, e);
    return true;
}

static MEnum *enum_with(Sem *sem, const MEnum *e, uint32_t at, const char *insert, int remove)
{
    MEnum *n = ARENA_NEW(sem->arena, MEnum);
    *n = *e;
    n->labels = ARENA_ARRAY(sem->arena, const char *, e->n_labels + 1);
    uint32_t k = 0;
    for (uint32_t i = 0; i <= e->n_labels; i++) {
        if (insert && i == at)
            n->labels[k++] = insert;
        if (i < e->n_labels && (int)i != remove)
            n->labels[k++] = e->labels[i];
    }
    n->n_labels = k;
    return n;
}

static bool need_label(Sem *sem, const MEnum *e, const char *label, Span span)
{
    if (label_index(e, label) >= 0)
        return true;
    Diag *g = sem_error(sem, span, "unknown-label", "enum %s has no label '%s'", e->name, label);
    const char *best = closest_word(label, e->labels, e->n_labels);
    if (best)
        diag_help(sem->diags, g, "did you mean '%s'?", best);
    else
        diag_help(sem->diags, g, "labels are added with alter_enum %s add value", e->name);
    return false;
}

static bool add_value(Sem *sem, Op *op, MEnum *e)
{
    const char *label = op->u.enum_value.label, *anchor = op->u.enum_value.anchor;
    if (!check_label(sem, label, op->u.enum_value.label_span))
        return false;
    if (label_index(e, label) >= 0) {
        Diag *g = sem_error(sem, op->u.enum_value.label_span, "duplicate-label", "enum %s already has label '%s'",
                            e->name, label);
        diag_help(sem->diags, g, "remove this operation");
        return false;
    }
    if (anchor && !need_label(sem, e, anchor, op->span))
        return false;
    uint32_t at = e->n_labels;
    if (anchor)
        at = (uint32_t)label_index(e, anchor) + (op->u.enum_value.before ? 0 : 1);
    Op *inv = inv_op(sem, OPK_DROP_ENUM_VALUE, op);
    inv->u.enum_value = op->u.enum_value;
    inv->u.enum_value.anchor = NULL;
    inv_push(sem, inv);
    enum_put(sem->schema, enum_with(sem, e, at, label, -1));
    return true;
}

/* A dropped label may still be a column default: that would break. */
static bool check_label_unused(Sem *sem, Op *op, const MEnum *e, const char *label)
{
    uint32_t n;
    ColumnRef *users = schema_enum_users(sem->schema, e->name, &n);
    for (uint32_t i = 0; i < n; i++) {
        const Expr *d = users[i].column->default_value;
        if (d && d->kind == EX_STRING && strcmp(d->u.text, label) == 0) {
            Diag *g = sem_error(sem, op->span, "still-referenced", "label '%s' is the default of %s.%s", label,
                                users[i].table->name, users[i].column->name.name);
            diag_help(sem->diags, g, "change that default first");
            return false;
        }
    }
    return true;
}

static bool is_enum_column(const MTable *t, const Expr *e, const char *enum_name)
{
    ColumnDef *c = e && e->kind == EX_COLUMN ? table_column(t, e->u.column.name) : NULL;
    return c && c->type.kind == TY_ENUM && strcasecmp(c->type.enum_name.name, enum_name) == 0;
}

static bool is_label(const Expr *e, const char *label)
{
    return e && e->kind == EX_STRING && strcmp(e->u.text, label) == 0;
}

static bool pair_names_label(const MTable *t, const Expr *a, const Expr *b, const char *en, const char *label)
{
    return (is_enum_column(t, a, en) && is_label(b, label)) || (is_enum_column(t, b, en) && is_label(a, label));
}

/* Whether `e` compares a column of enum `en` with `label` (col = 'x',
 * col in ('x', ...)): it would name a label that no longer exists. */
static bool expr_names_label(const MTable *t, const Expr *e, const char *en, const char *label)
{
    if (!e)
        return false;
    switch (e->kind) {
    case EX_NULL: case EX_BOOL: case EX_INT: case EX_DEC: case EX_STRING: case EX_COLUMN: case EX_LIKE:
    case EX_CAST:
        return false;
    case EX_UNARY:
        return expr_names_label(t, e->u.op.left, en, label);
    case EX_BINARY:
        return pair_names_label(t, e->u.op.left, e->u.op.right, en, label) ||
               expr_names_label(t, e->u.op.left, en, label) || expr_names_label(t, e->u.op.right, en, label);
    case EX_IS_NULL:
        return expr_names_label(t, e->u.is_null.operand, en, label);
    case EX_IN:
        for (uint32_t i = 0; i < e->u.in.list.len; i++)
            if (pair_names_label(t, e->u.in.operand, e->u.in.list.items[i], en, label))
                return true;
        return false;
    case EX_BETWEEN:
        return pair_names_label(t, e->u.between.operand, e->u.between.low, en, label) ||
               pair_names_label(t, e->u.between.operand, e->u.between.high, en, label);
    case EX_CALL:
        for (uint32_t i = 0; i < e->u.call.args.len; i++)
            if (expr_names_label(t, e->u.call.args.items[i], en, label))
                return true;
        return false;
    }
    return false;
}

static bool refuse_label_drop(Sem *sem, Op *op, const char *label, const char *what, const char *name,
                              const MTable *t, Span def)
{
    Diag *g = sem_error(sem, op->span, "still-referenced", "label '%s' is used by %s %s on %s", label, what, name,
                        t->name);
    if (def.file != NO_FILE)
        diag_note(sem->diags, g, def, "the %s is defined here", what);
    diag_help(sem->diags, g, "drop or change the %s first", what);
    return false;
}

/* ... or be named by a check constraint or a partial index predicate. */
static bool check_label_unnamed(Sem *sem, Op *op, const MEnum *e, const char *label)
{
    /* only tables with a column of this enum can compare with its labels */
    uint32_t n;
    ColumnRef *users = schema_enum_users(sem->schema, e->name, &n);
    for (uint32_t i = 0; i < n; i++) {
        const MTable *t = users[i].table;
        if (i > 0 && users[i - 1].table == t)
            continue;
        for (uint32_t k = 0; k < t->n_constraints; k++) {
            const Constraint *c = t->constraints[k];
            if (c->kind == CON_CHECK && expr_names_label(t, c->check, e->name, label))
                return refuse_label_drop(sem, op, label, "check", c->name.name, t, c->span);
        }
        for (uint32_t k = 0; k < t->n_indexes; k++) {
            const IndexDef *ix = t->indexes[k];
            if (expr_names_label(t, ix->where, e->name, label))
                return refuse_label_drop(sem, op, label, "index", ix->name.name, t, ix->span);
        }
    }
    return true;
}

static bool drop_value(Sem *sem, Op *op, MEnum *e)
{
    const char *label = op->u.enum_value.label;
    if (!need_label(sem, e, label, op->u.enum_value.label_span) || !check_label_unused(sem, op, e, label) ||
        !check_label_unnamed(sem, op, e, label))
        return false;
    if (e->n_labels == 1) {
        Diag *g = sem_error(sem, op->span, "last-label", "cannot drop '%s', the only label of enum %s", label,
                            e->name);
        diag_help(sem->diags, g, "drop the enum instead");
        return false;
    }
    int i = label_index(e, label);
    /* rows holding the label cannot keep it; the downgrade brings back only the label */
    sem->verdict = VERDICT_STRUCTURE_ONLY;
    Op *inv = inv_op(sem, OPK_ADD_ENUM_VALUE, op);
    inv->u.enum_value = op->u.enum_value;
    /* put it back where it was: before its successor, or after the last */
    bool last = (uint32_t)i + 1 == e->n_labels;
    inv->u.enum_value.anchor = last ? e->labels[i - 1] : e->labels[i + 1];
    inv->u.enum_value.before = !last;
    inv_push(sem, inv);
    enum_put(sem->schema, enum_with(sem, e, 0, NULL, i));
    return true;
}

bool sem_enum_value(Sem *sem, Op *op)
{
    MEnum *e = need_enum(sem, op->u.enum_value.name);
    if (!e)
        return false;
    return op->kind == OPK_ADD_ENUM_VALUE ? add_value(sem, op, e) : drop_value(sem, op, e);
}

bool sem_drop_enum(Sem *sem, Op *op)
{
    MEnum *e = need_enum(sem, op->u.drop_enum.name);
    if (!e)
        return false;
    uint32_t n = 0;
    ColumnRef *users = schema_enum_used(sem->schema, e->name) ? schema_enum_users(sem->schema, e->name, &n) : NULL;
    if (n) {
        Diag *g = sem_error(sem, op->span, "still-referenced", "enum %s is the type of %s.%s%s", e->name,
                            users[0].table->name, users[0].column->name.name,
                            n > 1 ? arena_printf(sem->arena, " and %u more columns", n - 1) : "");
        diag_note(sem->diags, g, users[0].column->span, "the column is defined here");
        diag_help(sem->diags, g, "drop those columns or change their type first");
        return false;
    }
    Op *inv = inv_op(sem, OPK_CREATE_ENUM, op);
    inv->u.create_enum.name = (Ident){e->name, op->u.drop_enum.name.span};
    inv->u.create_enum.labels.items = e->labels;
    inv->u.create_enum.labels.len = e->n_labels;
    inv->u.create_enum.labels.spans = ARENA_ARRAY(sem->arena, Span, e->n_labels + 1);
    for (uint32_t i = 0; i < e->n_labels; i++)
        inv->u.create_enum.labels.spans[i] = op->span;
    inv_push(sem, inv);
    enum_remove(sem->schema, e->name);
    return true;
}

/* ==================================================================== data */

/* Without a reverse the migration cannot be downgraded: the lint rule
 * `irreversible` (an error unless configured otherwise) says so, unless
 * `@allow irreversible "reason"` accepts it. */
static bool irreversible(Sem *sem, Op *op, const char *why, const char *fix)
{
    if (sem->explicit_downgrade) {
        /* the downgrade block says what to do instead */
        sem->verdict = VERDICT_STRUCTURE_ONLY;
        return true;
    }
    sem->verdict = VERDICT_IRREVERSIBLE;
    if (sem->linter) {
        Finding *f = lint_report(sem->linter, R_IRREVERSIBLE, op, op->kw_span, "%s", why);
        /* the finding is the error; the operation itself is sound, so the
         * other rules (data-delete ...) still look at it */
        if (f && f->diag)
            diag_help(sem->diags, f->diag, "%s, or accept it with @allow irreversible \"reason\"", fix);
        return true;
    }
    /* without a linter (schema, show, verify, --db): as migc.ini says too */
    if (sem_allowed(op, "irreversible") || (sem->config && configured_level(sem->config, R_IRREVERSIBLE) != LEVEL_ERROR))
        return true;
    Diag *g = sem_error(sem, op->kw_span, "irreversible", "%s", why);
    diag_help(sem->diags, g, "%s, or accept it with @allow irreversible \"reason\"", fix);
    return false;
}

static bool check_assignments(Sem *sem, MTable *t, AssignmentList set)
{
    bool ok = true;
    for (uint32_t i = 0; i < set.len; i++) {
        ColumnDef *c = need_column(sem, t, set.items[i].column);
        if (!c) {
            ok = false;
            continue;
        }
        for (uint32_t k = 0; k < i; k++) {
            if (strcasecmp(set.items[k].column.name, c->name.name) == 0) {
                Diag *g = sem_error(sem, set.items[i].column.span, "duplicate-column", "column %s is set twice",
                                    c->name.name);
                diag_help(sem->diags, g, "set each column once");
                ok = false;
            }
        }
        ok &= check_value(sem, set.items[i].value, &c->type, t, CONTEXT("value for", t->name, c->name.name));
    }
    return ok;
}

bool sem_data_update(Sem *sem, Op *op)
{
    MTable *t = need_table(sem, op->u.data_update.table);
    if (!t)
        return false;
    bool ok = check_assignments(sem, t, op->u.data_update.set);
    if (op->u.data_update.where)
        ok &= check_predicate(sem, op->u.data_update.where, t, CONTEXT("where clause", NULL, NULL));
    if (op->u.data_update.reverse == REV_GIVEN) {
        ok &= check_assignments(sem, t, op->u.data_update.reverse_set);
        if (op->u.data_update.reverse_where)
            ok &= check_predicate(sem, op->u.data_update.reverse_where, t, CONTEXT("reverse where clause", NULL, NULL));
    }
    if (!ok)
        return false;
    if (op->u.data_update.reverse == REV_MISSING)
        return irreversible(sem, op, "data_update has no reverse clause, so the migration cannot be downgraded",
                            "add reverse set ... [where ...], or reverse none when the downgrade may keep the rows");
    if (op->u.data_update.reverse == REV_NONE) {
        sem->verdict = VERDICT_STRUCTURE_ONLY;
        return true;
    }
    Op *inv = inv_op(sem, OPK_DATA_UPDATE, op);
    inv->u.data_update = op->u.data_update;
    inv->u.data_update.set = op->u.data_update.reverse_set;
    inv->u.data_update.where = op->u.data_update.reverse_where;
    inv->u.data_update.reverse_set = op->u.data_update.set;
    inv->u.data_update.reverse_where = op->u.data_update.where;
    inv_push(sem, inv);
    return true;
}

static bool check_insert_columns(Sem *sem, Op *op, MTable *t)
{
    IdentList cols = op->u.data_insert.columns;
    bool ok = true;
    for (uint32_t i = 0; i < cols.len; i++) {
        ok &= need_column(sem, t, cols.items[i]) != NULL;
        for (uint32_t k = 0; k < i; k++) {
            if (strcasecmp(cols.items[k].name, cols.items[i].name) == 0) {
                Diag *g = sem_error(sem, cols.items[i].span, "duplicate-column", "column %s is listed twice",
                                    cols.items[i].name);
                diag_help(sem->diags, g, "list each column once");
                ok = false;
            }
        }
    }
    for (uint32_t i = 0; ok && i < t->n_columns; i++) {
        ColumnDef *c = t->columns[i];
        bool given = false;
        for (uint32_t k = 0; k < cols.len && !given; k++)
            given = strcasecmp(cols.items[k].name, c->name.name) == 0;
        if (!given && c->not_null && !c->default_value && !c->identity) {
            Diag *g = sem_error(sem, op->span, "missing-value", "column %s.%s is not null and has no default",
                                t->name, c->name.name);
            diag_help(sem->diags, g, "give %s a value in every row", c->name.name);
            ok = false;
        }
    }
    return ok;
}

static bool check_rows(Sem *sem, Op *op, MTable *t)
{
    IdentList cols = op->u.data_insert.columns;
    bool ok = true;
    for (uint32_t r = 0; r < op->u.data_insert.n_rows; r++) {
        ExprList row = op->u.data_insert.rows[r];
        if (row.len != cols.len) {
            Span at = row.len ? span_join(row.items[0]->span, row.items[row.len - 1]->span) : op->span;
            Diag *g = sem_error(sem, at, "wrong-value-count", "row %u has %u value%s for %u column%s", r + 1, row.len,
                                row.len == 1 ? "" : "s", cols.len, cols.len == 1 ? "" : "s");
            diag_help(sem->diags, g, "give one value per column listed");
            ok = false;
            continue;
        }
        for (uint32_t i = 0; i < row.len; i++) {
            ColumnDef *c = table_column(t, cols.items[i].name);
            ok &= check_value(sem, row.items[i], &c->type, NULL, CONTEXT("value for", t->name, c->name.name));
        }
    }
    return ok;
}

static Expr *new_expr(Sem *sem, ExprKind k, Span span)
{
    Expr *e = ARENA_NEW(sem->arena, Expr);
    e->kind = k;
    e->span = span;
    return e;
}

static Expr *binary(Sem *sem, Operator op, Expr *l, Expr *r)
{
    Expr *e = new_expr(sem, EX_BINARY, l->span);
    e->u.op.op = op;
    e->u.op.left = l;
    e->u.op.right = r;
    return e;
}

static bool constant(const Expr *e)
{
    return e->kind == EX_INT || e->kind == EX_DEC || e->kind == EX_STRING || e->kind == EX_BOOL;
}

/* The derived downgrade of data_insert: delete rows [from, to) by primary
 * key, `id in (1, 2)` or `(a = 1 and b = 2) or (...)`. */
static Expr *rows_by_key(Sem *sem, Op *op, const Constraint *pk, uint32_t from, uint32_t to)
{
    IdentList cols = op->u.data_insert.columns;
    int at[16];
    if (pk->columns.len > countof(at))
        return NULL;
    for (uint32_t k = 0; k < pk->columns.len; k++) {
        at[k] = -1;
        for (uint32_t i = 0; i < cols.len; i++)
            if (strcasecmp(cols.items[i].name, pk->columns.items[k].name) == 0)
                at[k] = (int)i;
        if (at[k] < 0)
            return NULL;
    }
    Expr *any = NULL;
    for (uint32_t r = from; r < to; r++) {
        Expr *all = NULL;
        for (uint32_t k = 0; k < pk->columns.len; k++) {
            Expr *v = op->u.data_insert.rows[r].items[at[k]];
            if (!constant(v))
                return NULL;
            Expr *col = new_expr(sem, EX_COLUMN, op->span);
            col->u.column = pk->columns.items[k];
            Expr *eq = binary(sem, OP_EQ, col, v);
            all = all ? binary(sem, OP_AND, all, eq) : eq;
        }
        any = any ? binary(sem, OP_OR, any, all) : all;
    }
    return any;
}

/* A single-column key reads better as `id in (1, 2, 3)`. */
static Expr *as_in_list(Sem *sem, Op *op, const Constraint *pk, Expr *fallback)
{
    if (pk->columns.len != 1 || op->u.data_insert.n_rows < 2)
        return fallback;
    int at = -1;
    for (uint32_t i = 0; i < op->u.data_insert.columns.len; i++)
        if (strcasecmp(op->u.data_insert.columns.items[i].name, pk->columns.items[0].name) == 0)
            at = (int)i;
    Expr *in = new_expr(sem, EX_IN, op->span);
    in->u.in.operand = new_expr(sem, EX_COLUMN, op->span);
    in->u.in.operand->u.column = pk->columns.items[0];
    in->u.in.list.items = ARENA_ARRAY(sem->arena, Expr *, op->u.data_insert.n_rows);
    for (uint32_t r = 0; r < op->u.data_insert.n_rows; r++)
        in->u.in.list.items[in->u.in.list.len++] = op->u.data_insert.rows[r].items[at];
    return in;
}

static bool references_itself(const MTable *t)
{
    for (uint32_t i = 0; i < t->n_constraints; i++) {
        const Constraint *c = t->constraints[i];
        if (c->kind == CON_FOREIGN_KEY && strcasecmp(c->ref_table.name, t->name) == 0)
            return true;
    }
    return false;
}

static void push_delete(Sem *sem, Op *op, Expr *where)
{
    Op *inv = inv_op(sem, OPK_DATA_DELETE, op);
    inv->u.data_delete.table = op->u.data_insert.table;
    inv->u.data_delete.where = where;
    inv_push(sem, inv);
}

bool sem_data_insert(Sem *sem, Op *op)
{
    MTable *t = need_table(sem, op->u.data_insert.table);
    if (!t || !check_insert_columns(sem, op, t) || !check_rows(sem, op, t))
        return false;
    Constraint *pk = table_primary_key(t);
    uint32_t n = op->u.data_insert.n_rows;
    Expr *where = pk ? rows_by_key(sem, op, pk, 0, n) : NULL;
    if (!where)
        return irreversible(sem, op,
                            pk ? "data_insert cannot be undone: the rows do not give constant primary key values"
                               : "data_insert cannot be undone: the table has no primary key",
                            "give every row its primary key value");
    if (!references_itself(t) || n < 2) {
        push_delete(sem, op, as_in_list(sem, op, pk, where));
        return true;
    }
    /* A row may point at the rows before it, and MySQL checks a foreign
     * key at each deleted row, not at the end of the statement: one row
     * at a time, the last first. */
    for (uint32_t r = n; r-- > 0;)
        push_delete(sem, op, rows_by_key(sem, op, pk, r, r + 1));
    return true;
}

bool sem_data_delete(Sem *sem, Op *op)
{
    MTable *t = need_table(sem, op->u.data_delete.table);
    if (!t)
        return false;
    if (op->u.data_delete.where && !check_predicate(sem, op->u.data_delete.where, t, CONTEXT("where clause", NULL, NULL)))
        return false;
    if (op->derived)
        return true; /* the downgrade of a data_insert */
    return irreversible(sem, op, "data_delete destroys rows, so the migration cannot be downgraded",
                        "keep the rows (archive them first)");
}

bool sem_execute(Sem *sem, Op *op)
{
    if (op->u.execute.reverse == REV_MISSING)
        return irreversible(sem, op, "execute has no reverse, so the migration cannot be downgraded",
                            "add reverse $$ ... $$, or reverse none when the downgrade needs nothing");
    if (op->u.execute.reverse == REV_NONE) {
        sem->verdict = VERDICT_STRUCTURE_ONLY;
        return true;
    }
    Op *inv = inv_op(sem, OPK_EXECUTE, op);
    inv->u.execute = op->u.execute;
    inv->u.execute.sql = op->u.execute.reverse_sql;
    inv->u.execute.sql_span = op->u.execute.reverse_span;
    inv->u.execute.reverse_sql = op->u.execute.sql;
    inv->u.execute.reverse_span = op->u.execute.sql_span;
    inv_push(sem, inv);
    return true;
}
