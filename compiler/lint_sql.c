/* lint_sql.c: the hazard rules on plain PostgreSQL SQL, read through
 * libpg_query's protobuf parse tree (PostgreSQL 15's own parser).
 *
 * One parse of the text (pg_text.c, in slices on every core), then one
 * walk over its statements in order.  The walk steps through the packed
 * tree statement by statement and unpacks only the statements some rule
 * looks at, into a scratch block the next one reuses.  Most of the time
 * goes to libpg_query packing its protobuf tree.
 *
 * What the walk remembers between statements is what the file itself
 * created: tables (with their columns' types), indexes and enums.  Lock
 * and rewrite rules leave those alone, as lint_rules.c does for the
 * objects of a migration, and that is the false positive text-only
 * linters have when CREATE INDEX follows CREATE TABLE.  It also tracks an
 * explicit BEGIN ... COMMIT for concurrently-in-transaction.  Names are
 * compared as PostgreSQL compares them: the parser has already folded
 * unquoted ones to lower case.  Schemas are ignored: `public.users` and
 * `users` are one table.
 *
 * Positions: node `location`s are byte offsets into the parsed text, -1
 * when unknown; libpg_query's error cursorpos counts characters from 1.
 * Here every position is a byte offset into the SQL (`off`), and the SQL
 * starts at byte `base` of its source file (0 for a .sql file, the body of
 * the dollar quotes for a migc `execute`). */
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>
#include <string.h>

#include "lint.h"
#include "pg_text.h"


/* ================================================================ state */

/* A column type as the parser gives it: the last part of the name in
 * PostgreSQL's internal spelling (int4, varchar, timestamptz, serial). */
typedef struct SqlType {
    const char *name;
    int32_t mod[2]; /* varchar(n), numeric(p,s); -1 when not given */
    bool array;
    bool builtin; /* pg_catalog or unqualified */
} SqlType;

typedef struct SqlColumn {
    const char *name;
    SqlType type;
    bool known; /* its type was seen in this file */
    bool added; /* created in this file: it holds no data anyone reads yet */
    bool key;   /* primary key or identity */
} SqlColumn;

/* A check (column is not null), which lets SET NOT NULL skip its scan once
 * it is valid (PostgreSQL 12+). */
typedef struct NotNullCheck {
    struct NotNullCheck *next;
    const char *name, *column;
    bool valid;
} NotNullCheck;

/* A table the file created, or an existing one it added columns to. */
typedef struct SqlTable {
    const char *name;
    bool created;
    NameMap columns; /* -> SqlColumn* */
    NotNullCheck *checks;
} SqlTable;

typedef struct Walk {
    Linter *l;
    Op *op; /* the migc operation for embedded SQL, else NULL */
    SqlSrc src;
    Arena keep;     /* what the walk remembers between statements */
    Interner names; /* keys of the maps, in keep */
    Scratch scratch;
    ProtobufCAllocator alloc;
    NameMap tables;  /* -> SqlTable* */
    NameMap indexes; /* created here -> the table's name */
    NameMap enums;   /* created here -> the name */
    bool in_txn;
    uint32_t txn_off; /* the BEGIN */
    /* the statement being walked */
    uint32_t slice_off;          /* node locations count from here */
    uint32_t stmt_off, stmt_end; /* its first token, its end */
    uint32_t cursor;             /* where the next name is looked for */
} Walk;

static bool has(const char *s)
{
    return s && *s;
}

static void *map_get(Walk *w, const NameMap *m, const char *name)
{
    return namemap_get(m, intern_cstr(&w->names, name));
}

/* Sets name -> value (NULL forgets it); returns the kept name. */
static const char *map_put(Walk *w, NameMap *m, const char *name, void *value)
{
    const char *key = intern_cstr(&w->names, name);
    namemap_put(&w->keep, m, key, value);
    return key;
}

static SqlTable *table_of(Walk *w, const char *name)
{
    return has(name) ? map_get(w, &w->tables, name) : NULL;
}

static bool table_created(Walk *w, const char *name)
{
    const SqlTable *t = table_of(w, name);
    return t && t->created;
}

/* The entry for `name`, made (as an existing table) when there is none. */
static SqlTable *table_touch(Walk *w, const char *name, bool created)
{
    SqlTable *t = table_of(w, name);
    if (t && !created)
        return t;
    t = ARENA_NEW(&w->keep, SqlTable);
    t->created = created;
    t->name = map_put(w, &w->tables, name, t);
    return t;
}

static SqlColumn *column_of(Walk *w, const SqlTable *t, const char *name)
{
    return t ? map_get(w, &t->columns, name) : NULL;
}

static SqlColumn *column_touch(Walk *w, SqlTable *t, const char *name)
{
    SqlColumn *c = column_of(w, t, name);
    if (c)
        return c;
    c = ARENA_NEW(&w->keep, SqlColumn);
    c->name = map_put(w, &t->columns, name, c);
    return c;
}

static void column_set_type(Walk *w, SqlColumn *c, const SqlType *ty)
{
    c->type = *ty;
    c->type.name = intern_cstr(&w->names, ty->name);
    c->known = true;
}

/* ================================================================ spans */

static Span span_of(const Walk *w, uint32_t off, uint32_t len)
{
    return span_at(w->src.file, w->src.base + off, len);
}

static Span stmt_span(const Walk *w)
{
    return span_of(w, w->stmt_off, w->stmt_end - w->stmt_off);
}

/* A node location as an offset into the SQL, or UINT32_MAX. */
static uint32_t loc(const Walk *w, int32_t location)
{
    if (location < 0 || w->slice_off + (uint32_t)location >= w->stmt_end)
        return UINT32_MAX;
    return w->slice_off + (uint32_t)location;
}

/* The token at a node's location; the statement when it has none. */
static Span tok_span(const Walk *w, int32_t location)
{
    uint32_t off = loc(w, location);
    if (off == UINT32_MAX)
        return stmt_span(w);
    Tok t = sql_token_at(&w->src, off, w->stmt_end);
    return span_of(w, t.off, t.len);
}

/* Past a (qualified) name at `off`. */
static uint32_t name_end(const Walk *w, uint32_t off)
{
    for (;;) {
        Tok t = sql_token_at(&w->src, off, w->stmt_end);
        if (t.kind != TOK_WORD && t.kind != TOK_QUOTED)
            return off;
        off = t.off + t.len;
        Tok dot = sql_token_at(&w->src, off, w->stmt_end);
        if (dot.kind != TOK_PUNCT || w->src.text[dot.off] != '.')
            return off;
        off = dot.off + 1;
    }
}

/* A table name as written at a RangeVar: `users`, `public."Users"`. */
static Span rel_span(const Walk *w, const PgQuery__RangeVar *r)
{
    uint32_t off = loc(w, r->location);
    if (off == UINT32_MAX)
        return stmt_span(w);
    uint32_t end = name_end(w, off);
    return end > off ? span_of(w, off, end - off) : tok_span(w, r->location);
}

/* From a node's location over a name and a parenthesised group after it:
 * `varchar(20)`, `gen_random_uuid()`. */
static Span extent_span(const Walk *w, int32_t location)
{
    uint32_t off = loc(w, location);
    if (off == UINT32_MAX)
        return stmt_span(w);
    Tok first = sql_token_at(&w->src, off, w->stmt_end);
    uint32_t end = name_end(w, off), depth = 0;
    if (end == off)
        end = first.off + first.len;
    Tok t = sql_token_at(&w->src, end, w->stmt_end);
    if (t.kind != TOK_PUNCT || w->src.text[t.off] != '(')
        return span_of(w, first.off, end - first.off);
    do {
        t = sql_token_at(&w->src, end, w->stmt_end);
        end = t.off + t.len;
        if (t.kind == TOK_PUNCT && w->src.text[t.off] == '(')
            depth++;
        else if (t.kind == TOK_PUNCT && w->src.text[t.off] == ')')
            depth--;
    } while (depth && t.kind != TOK_END);
    return span_of(w, first.off, end - first.off);
}

/* A column type as written, up to what follows it in a column definition:
 * `character varying(20)`, `timestamp(3) without time zone`, `int[]`. */
static Span type_span(const Walk *w, const PgQuery__TypeName *tn)
{
    static const char *const after_type[] = {"not",       "null",      "default", "constraint", "primary",
                                             "unique",    "check",     "references", "generated", "collate",
                                             "using",     "compression", "storage",  NULL};
    uint32_t off = tn ? loc(w, tn->location) : UINT32_MAX, end, depth = 0;
    if (off == UINT32_MAX)
        return stmt_span(w);
    Tok first = sql_token_at(&w->src, off, w->stmt_end), t = first;
    for (end = first.off; t.kind != TOK_END; t = sql_token_at(&w->src, end, w->stmt_end)) {
        char c = t.kind == TOK_PUNCT ? w->src.text[t.off] : 0;
        if (depth == 0 && (c == ',' || c == ')' || c == ';'))
            break;
        if (depth == 0 && end > first.off && sql_tok_in(&w->src, t, after_type))
            break;
        depth += c == '(' || c == '[';
        depth -= (c == ')' || c == ']') && depth;
        end = t.off + t.len;
    }
    return span_of(w, first.off, end - first.off);
}

/* From a node's location to the end of the statement. */
static Span rest_span(const Walk *w, int32_t location)
{
    uint32_t off = loc(w, location);
    if (off == UINT32_MAX)
        return stmt_span(w);
    off = sql_skip_blank(w->src.text, off, w->stmt_end);
    return span_of(w, off, w->stmt_end - off);
}

/* The next occurrence of `name` as a name token from the cursor, which
 * then moves past it; the statement when it is not found.  Used where the
 * tree has no location (DROP COLUMN, DROP TABLE, RENAME). */
static Span name_span(Walk *w, const char *name)
{
    for (uint32_t i = w->cursor;;) {
        Tok t = sql_token_at(&w->src, i, w->stmt_end);
        if (t.kind == TOK_END)
            return stmt_span(w);
        i = t.off + t.len;
        if (sql_tok_is(&w->src, t, name)) {
            w->cursor = i;
            return span_of(w, t.off, t.len);
        }
    }
}

/* Moves the cursor past the token at a node location (e.g. the table name,
 * so that a column named like its table is found after it). */
static void cursor_past(Walk *w, int32_t location)
{
    uint32_t off = loc(w, location);
    if (off != UINT32_MAX && off >= w->cursor)
        w->cursor = name_end(w, off);
}

static uint32_t line_of(const Walk *w, uint32_t off)
{
    return source_linecol(w->l->diags->sources, w->src.file, w->src.base + off).line;
}

/* ================================================================ nodes */

static const char *str_of(const PgQuery__Node *n)
{
    return n && n->node_case == PG_QUERY__NODE__NODE_STRING ? n->string->sval : NULL;
}

/* The last part of a qualified name given as a list of String nodes. */
static const char *last_name(PgQuery__Node **names, size_t n)
{
    return n ? str_of(names[n - 1]) : NULL;
}

static const char *list_last_name(const PgQuery__Node *n)
{
    if (n && n->node_case == PG_QUERY__NODE__NODE_LIST)
        return last_name(n->list->items, n->list->n_items);
    return str_of(n);
}

/* "a, b" from String nodes, for messages. */
static const char *names_joined(Walk *w, PgQuery__Node **names, size_t n)
{
    Buf b;
    buf_init(&b, w->l->arena);
    for (size_t i = 0; i < n; i++) {
        const char *s = str_of(names[i]);
        buf_printf(&b, "%s%s", i ? ", " : "", s ? s : "?");
    }
    return buf_cstr(&b);
}

static int32_t int_const(const PgQuery__Node *n)
{
    if (n && n->node_case == PG_QUERY__NODE__NODE_A_CONST && n->a_const->val_case == PG_QUERY__A__CONST__VAL_IVAL)
        return n->a_const->ival->ival;
    return -1;
}

static void type_of(const PgQuery__TypeName *tn, SqlType *ty)
{
    memset(ty, 0, sizeof *ty);
    ty->mod[0] = ty->mod[1] = -1;
    if (!tn)
        return;
    const char *first = tn->n_names ? str_of(tn->names[0]) : NULL;
    ty->name = last_name(tn->names, tn->n_names);
    ty->builtin = tn->n_names == 1 || (tn->n_names == 2 && first && strcmp(first, "pg_catalog") == 0);
    for (size_t i = 0; i < tn->n_typmods && i < 2; i++)
        ty->mod[i] = int_const(tn->typmods[i]);
    ty->array = tn->n_array_bounds > 0;
}

static bool name_in(const char *name, const char *const *list)
{
    for (; name && *list; list++)
        if (strcmp(name, *list) == 0)
            return true;
    return false;
}

static bool type_in(const SqlType *t, const char *const *list)
{
    return t->name && t->builtin && !t->array && name_in(t->name, list);
}

static const char *const serial_types[] = {"serial", "serial4", "smallserial", "serial2", "bigserial", "serial8", NULL};
static const char *const small_key_types[] = {"int2", "int4", "serial", "serial4", "smallserial", "serial2", NULL};

/* The type the column really has: serial is int4 with a sequence. */
static const char *canonical(const char *name)
{
    static const char *const map[][2] = {{"serial", "int4"},      {"serial4", "int4"}, {"smallserial", "int2"},
                                         {"serial2", "int2"},     {"bigserial", "int8"}, {"serial8", "int8"},
                                         {"integer", "int4"},     {"smallint", "int2"}, {"bigint", "int8"},
                                         {"decimal", "numeric"}};
    for (size_t i = 0; i < countof(map); i++)
        if (strcmp(name, map[i][0]) == 0)
            return map[i][1];
    return name;
}

/* As people write it: int4 -> integer, varchar(20), numeric(10,2), x[]. */
static const char *type_display(Walk *w, const SqlType *t)
{
    static const char *const map[][2] = {{"int2", "smallint"}, {"int4", "integer"}, {"int8", "bigint"},
                                         {"bool", "boolean"},  {"float4", "real"},  {"float8", "double precision"},
                                         {"bpchar", "char"},   {"timestamp", "timestamp without time zone"}};
    const char *n = t->name ? t->name : "?";
    for (size_t i = 0; t->builtin && i < countof(map); i++)
        if (strcmp(n, map[i][0]) == 0)
            n = map[i][1];
    Buf b;
    buf_init(&b, w->l->arena);
    buf_puts(&b, n);
    if (t->mod[0] >= 0 && t->mod[1] >= 0)
        buf_printf(&b, "(%d,%d)", t->mod[0], t->mod[1]);
    else if (t->mod[0] >= 0)
        buf_printf(&b, "(%d)", t->mod[0]);
    if (t->array)
        buf_puts(&b, "[]");
    return buf_cstr(&b);
}

/* Whether ALTER COLUMN TYPE from -> to keeps the stored bytes, so that
 * PostgreSQL changes the catalog only: the same type, a varchar getting
 * longer (or unbounded, or text), text to unbounded varchar, a numeric
 * getting more precision at the same scale (or losing its limits). */
static bool no_rewrite(const SqlType *from, const SqlType *to)
{
    if (!from->name || !to->name || from->array != to->array || !from->builtin || !to->builtin)
        return false;
    const char *f = canonical(from->name), *t = canonical(to->name);
    if (strcmp(f, t) == 0 && from->mod[0] == to->mod[0] && from->mod[1] == to->mod[1])
        return true;
    if (strcmp(f, "varchar") == 0 && strcmp(t, "text") == 0)
        return true;
    if ((strcmp(f, "varchar") == 0 || strcmp(f, "text") == 0) && strcmp(t, "varchar") == 0)
        return to->mod[0] < 0 || (strcmp(f, "varchar") == 0 && from->mod[0] >= 0 && to->mod[0] >= from->mod[0]);
    if (strcmp(f, "numeric") != 0 || strcmp(t, "numeric") != 0)
        return false;
    if (to->mod[0] < 0)
        return true;
    int32_t from_scale = from->mod[1] < 0 ? 0 : from->mod[1], to_scale = to->mod[1] < 0 ? 0 : to->mod[1];
    return from->mod[0] >= 0 && to->mod[0] >= from->mod[0] && to_scale == from_scale;
}

/* ================================================================ rules */

static bool rule_on(const Walk *w, RuleId rule)
{
    return w->l->config.level[rule] != LEVEL_OFF && (rule_info(rule)->dialects & w->l->dialects);
}

static bool name_wrong(const Walk *w, NamingKindLint kind, const char *name)
{
    return has(name) && rule_on(w, R_NAMING_CONVENTION) && !lint_name_matches(w->l, kind, name);
}

static void name_rule(Walk *w, NamingKindLint kind, const char *name, Span at)
{
    if (!name_wrong(w, kind, name))
        return;
    lint_report(w->l, R_NAMING_CONVENTION, w->op, at, "%s name '%s' does not match %s", lint_naming_kind(kind), name,
                lint_naming_pattern(w->l, kind));
}

/* Like name_rule(), finding the name in the text only when it is
 * reported: from the cursor, or after a node location (then the cursor
 * stays where it is). */
static void name_rule_find(Walk *w, NamingKindLint kind, const char *name)
{
    if (name_wrong(w, kind, name))
        name_rule(w, kind, name, name_span(w, name));
}

static void name_rule_after(Walk *w, NamingKindLint kind, const char *name, int32_t location)
{
    if (!name_wrong(w, kind, name))
        return;
    uint32_t saved = w->cursor, off = loc(w, location);
    w->cursor = off == UINT32_MAX ? w->stmt_off : off;
    name_rule(w, kind, name, name_span(w, name));
    w->cursor = saved;
}

/* The type rules of one column (created, added, or changed to `ty`). */
static void column_types(Walk *w, const char *table, const char *col, const SqlType *ty, bool key, Span at)
{
    static const char *const json[] = {"json", NULL}, *const timestamp[] = {"timestamp", NULL},
                             *const varchar[] = {"varchar", NULL};
    if (key && type_in(ty, small_key_types))
        lint_report(w->l, R_PREFER_BIGINT, w->op, at, "key column %s.%s is %s", table, col, type_display(w, ty));
    if (type_in(ty, serial_types))
        lint_report(w->l, R_PREFER_IDENTITY, w->op, at, "%s.%s is %s", table, col, ty->name);
    if (type_in(ty, timestamp))
        lint_report(w->l, R_PREFER_TIMESTAMPTZ, w->op, at, "%s.%s is timestamp without time zone", table, col);
    if (type_in(ty, varchar) && ty->mod[0] >= 0)
        lint_report(w->l, R_PREFER_TEXT, w->op, at, "%s.%s is varchar(%d)", table, col, ty->mod[0]);
    if (type_in(ty, json))
        lint_report(w->l, R_PREFER_JSONB, w->op, at, "%s.%s is json", table, col);
}

/* What the constraints written on a column say about it. */
typedef struct ColumnFacts {
    bool not_null, key, identity, generated;
    const PgQuery__Node *default_expr;
    const PgQuery__Constraint *fk;
} ColumnFacts;

static ColumnFacts column_facts(Walk *w, const PgQuery__ColumnDef *cd)
{
    ColumnFacts f = {0};
    for (size_t i = 0; i < cd->n_constraints; i++) {
        if (cd->constraints[i]->node_case != PG_QUERY__NODE__NODE_CONSTRAINT)
            continue;
        const PgQuery__Constraint *c = cd->constraints[i]->constraint;
        PgQuery__ConstrType k = c->contype;
        f.not_null |= k == PG_QUERY__CONSTR_TYPE__CONSTR_NOTNULL || k == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY;
        f.key |= k == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY || k == PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY;
        f.identity |= k == PG_QUERY__CONSTR_TYPE__CONSTR_IDENTITY;
        f.generated |= k == PG_QUERY__CONSTR_TYPE__CONSTR_GENERATED;
        if (k == PG_QUERY__CONSTR_TYPE__CONSTR_DEFAULT)
            f.default_expr = c->raw_expr;
        if (k == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN)
            f.fk = c;
        name_rule_after(w, NK_CONSTRAINT, c->conname, c->location);
    }
    return f;
}

/* Volatile functions are evaluated per row, so PostgreSQL rewrites the
 * table to store their values (stable ones like now() are not). */
static const PgQuery__FuncCall *volatile_call(const PgQuery__Node *n, int depth)
{
    static const char *const fns[] = {"random",    "gen_random_uuid", "clock_timestamp", "uuid_generate_v4",
                                      "timeofday", "nextval",         NULL};
    if (!n || depth > 64)
        return NULL;
    const PgQuery__FuncCall *hit = NULL;
    PgQuery__Node **args = NULL;
    size_t n_args = 0;
    if (n->node_case == PG_QUERY__NODE__NODE_FUNC_CALL) {
        if (name_in(last_name(n->func_call->funcname, n->func_call->n_funcname), fns))
            return n->func_call;
        args = n->func_call->args, n_args = n->func_call->n_args;
    } else if (n->node_case == PG_QUERY__NODE__NODE_TYPE_CAST) {
        return volatile_call(n->type_cast->arg, depth + 1);
    } else if (n->node_case == PG_QUERY__NODE__NODE_A_EXPR) {
        hit = volatile_call(n->a_expr->lexpr, depth + 1);
        return hit ? hit : volatile_call(n->a_expr->rexpr, depth + 1);
    } else if (n->node_case == PG_QUERY__NODE__NODE_BOOL_EXPR) {
        args = n->bool_expr->args, n_args = n->bool_expr->n_args;
    } else if (n->node_case == PG_QUERY__NODE__NODE_COALESCE_EXPR) {
        args = n->coalesce_expr->args, n_args = n->coalesce_expr->n_args;
    }
    for (size_t i = 0; i < n_args && !hit; i++)
        hit = volatile_call(args[i], depth + 1);
    return hit;
}

/* ------------------------------------------------------------ CREATE */

/* The column of a one-column table-level PRIMARY KEY, or NULL. */
static const char *table_pk_column(const PgQuery__CreateStmt *s)
{
    for (size_t i = 0; i < s->n_table_elts; i++) {
        const PgQuery__Node *n = s->table_elts[i];
        if (n->node_case == PG_QUERY__NODE__NODE_CONSTRAINT &&
            n->constraint->contype == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY && n->constraint->n_keys == 1)
            return str_of(n->constraint->keys[0]);
    }
    return NULL;
}

static void created_column(Walk *w, SqlTable *t, const PgQuery__ColumnDef *cd, const char *pk)
{
    if (!has(cd->colname))
        return;
    name_rule(w, NK_COLUMN, cd->colname, tok_span(w, cd->location));
    ColumnFacts f = column_facts(w, cd);
    SqlType ty;
    type_of(cd->type_name, &ty);
    bool key = f.key || (pk && strcmp(pk, cd->colname) == 0);
    column_types(w, t->name, cd->colname, &ty, key, type_span(w, cd->type_name));
    SqlColumn *c = column_touch(w, t, cd->colname);
    if (ty.name)
        column_set_type(w, c, &ty);
    c->added = true;
    c->key = key;
}

static void create_stmt(Walk *w, const void *msg)
{
    const PgQuery__CreateStmt *s = msg;
    if (!s->relation || !has(s->relation->relname))
        return;
    SqlTable *t = table_touch(w, s->relation->relname, true);
    name_rule(w, NK_TABLE, t->name, rel_span(w, s->relation));
    const char *pk = table_pk_column(s);
    for (size_t i = 0; i < s->n_table_elts; i++) {
        const PgQuery__Node *n = s->table_elts[i];
        if (n->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF) {
            created_column(w, t, n->column_def, pk);
        } else if (n->node_case == PG_QUERY__NODE__NODE_CONSTRAINT) {
            name_rule_after(w, NK_CONSTRAINT, n->constraint->conname, n->constraint->location);
        }
    }
}

static void create_table_as_stmt(Walk *w, const void *msg)
{
    const PgQuery__CreateTableAsStmt *s = msg;
    if (s->into && s->into->rel && has(s->into->rel->relname)) {
        SqlTable *t = table_touch(w, s->into->rel->relname, true);
        name_rule(w, NK_TABLE, t->name, rel_span(w, s->into->rel));
    }
}

static void create_enum_stmt(Walk *w, const void *msg)
{
    const PgQuery__CreateEnumStmt *s = msg;
    const char *name = last_name(s->type_name, s->n_type_name);
    if (!has(name))
        return;
    name_rule_find(w, NK_ENUM, name);
    map_put(w, &w->enums, name, (void *)intern_cstr(&w->names, name));
}

/* ------------------------------------------------------------- ALTER */

typedef struct Alter {
    Walk *w;
    const char *table; /* as written, after folding */
    SqlTable *t;       /* what the file knows of it, or NULL */
} Alter;

/* An existing table: one the file did not create. */
static bool existing(const Alter *a)
{
    return !a->t || !a->t->created;
}

static SqlTable *alter_touch(Alter *a)
{
    if (!a->t)
        a->t = table_touch(a->w, a->table, false);
    return a->t;
}

static void add_column_hazards(Alter *a, const PgQuery__ColumnDef *cd, const ColumnFacts *f, const SqlType *ty)
{
    Walk *w = a->w;
    const char *t = a->table, *c = cd->colname;
    bool serial = type_in(ty, serial_types);
    if (f->not_null && !f->default_expr && !f->identity && !f->generated && !serial)
        lint_report(w->l, R_ADD_NOT_NULL_WITHOUT_DEFAULT, w->op, tok_span(w, cd->location),
                    "%s.%s is not null without a default: adding it fails once %s has rows", t, c, t);
    const PgQuery__FuncCall *v = volatile_call(f->default_expr, 0);
    if (v) {
        const char *fn = last_name(v->funcname, v->n_funcname);
        lint_report(w->l, R_VOLATILE_DEFAULT, w->op, extent_span(w, v->location),
                    "the default of %s.%s calls %s(), which is volatile: PostgreSQL rewrites %s to fill it", t, c, fn,
                    t);
    } else if (serial || f->identity) {
        lint_report(w->l, R_VOLATILE_DEFAULT, w->op, type_span(w, cd->type_name),
                    "%s.%s is %s, filled from a sequence (nextval()): PostgreSQL rewrites %s to fill it", t, c,
                    serial ? ty->name : "an identity column", t);
    }
    if (f->fk && !f->fk->skip_validation)
        lint_report(w->l, R_FK_WITHOUT_NOT_VALID, w->op, rest_span(w, f->fk->location),
                    "the foreign key on new column %s.%s checks every row of %s while locking %s and %s", t, c, t, t,
                    f->fk->pktable ? f->fk->pktable->relname : "?");
}

static void add_column(Alter *a, const PgQuery__ColumnDef *cd)
{
    Walk *w = a->w;
    if (!cd || !has(cd->colname))
        return;
    cursor_past(w, cd->location);
    name_rule(w, NK_COLUMN, cd->colname, tok_span(w, cd->location));
    ColumnFacts f = column_facts(w, cd);
    SqlType ty;
    type_of(cd->type_name, &ty);
    column_types(w, a->table, cd->colname, &ty, f.key, type_span(w, cd->type_name));
    if (existing(a))
        add_column_hazards(a, cd, &f, &ty);
    SqlColumn *c = column_touch(w, alter_touch(a), cd->colname);
    if (ty.name)
        column_set_type(w, c, &ty);
    c->added = true;
    c->key = f.key;
}

static bool new_column(const Alter *a, const char *col)
{
    const SqlColumn *c = column_of(a->w, a->t, col);
    return !existing(a) || (c && c->added);
}

static void drop_column(Alter *a, const char *col)
{
    Walk *w = a->w;
    if (!new_column(a, col))
        lint_report(w->l, R_DROP_COLUMN, w->op, name_span(w, col), "dropping column %s.%s destroys its data",
                    a->table, col);
    if (a->t)
        map_put(w, &a->t->columns, col, NULL);
}

static void alter_type(Alter *a, const char *col, const PgQuery__ColumnDef *cd)
{
    Walk *w = a->w;
    SqlType to;
    type_of(cd ? cd->type_name : NULL, &to);
    if (!to.name)
        return;
    Span at = cd->location >= 0 ? tok_span(w, cd->location) : name_span(w, col);
    cursor_past(w, cd->location);
    SqlColumn *c = column_of(a->w, a->t, col);
    const char *t = a->table, *shown = type_display(w, &to);
    bool widens = name_in(canonical(to.name), (const char *const[]){"varchar", "text", "numeric", NULL});
    if (existing(a) && c && c->known && !no_rewrite(&c->type, &to))
        lint_report(w->l, R_ALTER_TYPE_REWRITE, w->op, at, "changing %s.%s from %s to %s rewrites %s", t, col,
                    type_display(w, &c->type), shown, t);
    else if (existing(a) && !(c && c->known))
        lint_report(w->l, R_ALTER_TYPE_REWRITE, w->op, at, "changing %s.%s to %s rewrites %s%s", t, col, shown, t,
                    widens ? " unless it only widens a varchar or numeric (the old type is not known from this file)"
                           : " (the old type is not known from this file)");
    column_types(w, t, col, &to, c && c->key, type_span(w, cd->type_name));
    column_set_type(w, column_touch(w, alter_touch(a), col), &to);
}

static bool proven_not_null(const SqlTable *t, const char *col)
{
    for (const NotNullCheck *k = t ? t->checks : NULL; k; k = k->next)
        if (k->valid && strcmp(k->column, col) == 0)
            return true;
    return false;
}

static void set_not_null(Alter *a, const char *col)
{
    Walk *w = a->w;
    Span at = name_span(w, col);
    if (existing(a) && !proven_not_null(a->t, col))
        lint_report(w->l, R_SET_NOT_NULL_FULL_SCAN, w->op, at,
                    "SET NOT NULL on %s.%s scans all of %s under an exclusive lock", a->table, col, a->table);
}

/* `CHECK (col IS NOT NULL)`: remembered so that SET NOT NULL after it is
 * validated is not reported. */
static void remember_not_null_check(Alter *a, const PgQuery__Constraint *c)
{
    const PgQuery__Node *x = c->raw_expr;
    if (!x || x->node_case != PG_QUERY__NODE__NODE_NULL_TEST ||
        x->null_test->nulltesttype != PG_QUERY__NULL_TEST_TYPE__IS_NOT_NULL || !x->null_test->arg ||
        x->null_test->arg->node_case != PG_QUERY__NODE__NODE_COLUMN_REF || x->null_test->arg->column_ref->n_fields != 1)
        return;
    const char *col = str_of(x->null_test->arg->column_ref->fields[0]);
    if (!col)
        return;
    SqlTable *t = alter_touch(a);
    NotNullCheck *k = ARENA_NEW(&a->w->keep, NotNullCheck);
    k->name = arena_strdup(&a->w->keep, has(c->conname) ? c->conname : "");
    k->column = arena_strdup(&a->w->keep, col);
    k->valid = !c->skip_validation;
    k->next = t->checks;
    t->checks = k;
}

/* "fk_x" or "on orders (user_id)", for messages. */
static const char *constraint_label(Walk *w, const Alter *a, const PgQuery__Constraint *c, PgQuery__Node **cols,
                                    size_t n)
{
    if (has(c->conname))
        return c->conname;
    return arena_printf(w->l->arena, "on %s (%s)", a->table, names_joined(w, cols, n));
}

static void add_constraint(Alter *a, const PgQuery__Constraint *c)
{
    Walk *w = a->w;
    if (!c)
        return;
    name_rule_after(w, NK_CONSTRAINT, c->conname, c->location);
    PgQuery__ConstrType k = c->contype;
    if (k == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK)
        remember_not_null_check(a, c);
    if (!existing(a))
        return;
    const char *t = a->table;
    Span at = rest_span(w, c->location);
    if (k == PG_QUERY__CONSTR_TYPE__CONSTR_FOREIGN && !c->skip_validation)
        lint_report(w->l, R_FK_WITHOUT_NOT_VALID, w->op, at,
                    "foreign key %s checks every row of %s while locking %s and %s",
                    constraint_label(w, a, c, c->fk_attrs, c->n_fk_attrs), t, t,
                    c->pktable ? c->pktable->relname : "?");
    if (k == PG_QUERY__CONSTR_TYPE__CONSTR_CHECK && !c->skip_validation)
        lint_report(w->l, R_CHECK_WITHOUT_NOT_VALID, w->op, at, "check %s scans every row of %s under a lock",
                    has(c->conname) ? c->conname : arena_printf(w->l->arena, "on %s", t), t);
    if (k == PG_QUERY__CONSTR_TYPE__CONSTR_UNIQUE && !has(c->indexname))
        lint_report(w->l, R_ADD_UNIQUE_CONSTRAINT, w->op, at,
                    "unique constraint %s builds its index on %s while blocking writes",
                    constraint_label(w, a, c, c->keys, c->n_keys), t);
    if (k == PG_QUERY__CONSTR_TYPE__CONSTR_PRIMARY && !has(c->indexname))
        lint_report(w->l, R_ADD_PRIMARY_KEY, w->op, at, "primary key %s builds its index on %s while blocking writes",
                    constraint_label(w, a, c, c->keys, c->n_keys), t);
}

static void validate_constraint(Alter *a, const char *name)
{
    for (NotNullCheck *k = a->t ? a->t->checks : NULL; k; k = k->next)
        if (strcmp(k->name, name) == 0)
            k->valid = true;
}

static void alter_cmd(Alter *a, const PgQuery__AlterTableCmd *cmd)
{
    PgQuery__AlterTableType k = cmd->subtype;
    const PgQuery__Node *def = cmd->def;
    const PgQuery__ColumnDef *cd = def && def->node_case == PG_QUERY__NODE__NODE_COLUMN_DEF ? def->column_def : NULL;
    const PgQuery__Constraint *c = def && def->node_case == PG_QUERY__NODE__NODE_CONSTRAINT ? def->constraint : NULL;
    if (k == PG_QUERY__ALTER_TABLE_TYPE__AT_AddColumn)
        add_column(a, cd);
    else if (k == PG_QUERY__ALTER_TABLE_TYPE__AT_DropColumn && has(cmd->name))
        drop_column(a, cmd->name);
    else if (k == PG_QUERY__ALTER_TABLE_TYPE__AT_AlterColumnType && has(cmd->name) && cd)
        alter_type(a, cmd->name, cd);
    else if (k == PG_QUERY__ALTER_TABLE_TYPE__AT_SetNotNull && has(cmd->name))
        set_not_null(a, cmd->name);
    else if (k == PG_QUERY__ALTER_TABLE_TYPE__AT_AddConstraint)
        add_constraint(a, c);
    else if (k == PG_QUERY__ALTER_TABLE_TYPE__AT_ValidateConstraint && has(cmd->name))
        validate_constraint(a, cmd->name);
}

static void alter_table_stmt(Walk *w, const void *msg)
{
    const PgQuery__AlterTableStmt *s = msg;
    if (s->objtype != PG_QUERY__OBJECT_TYPE__OBJECT_TABLE || !s->relation || !has(s->relation->relname))
        return;
    Alter a = {w, s->relation->relname, table_of(w, s->relation->relname)};
    cursor_past(w, s->relation->location);
    for (size_t i = 0; i < s->n_cmds; i++)
        if (s->cmds[i]->node_case == PG_QUERY__NODE__NODE_ALTER_TABLE_CMD)
            alter_cmd(&a, s->cmds[i]->alter_table_cmd);
}

/* ------------------------------------------------------------ RENAME */

static void rename_table(Walk *w, const PgQuery__RenameStmt *s)
{
    const char *from = s->relation->relname;
    SqlTable *t = table_of(w, from);
    if (!t || !t->created)
        lint_report(w->l, R_RENAME_TABLE, w->op, rel_span(w, s->relation),
                    "renaming table %s to %s breaks code that uses %s", from, s->newname, from);
    cursor_past(w, s->relation->location);
    name_rule_find(w, NK_TABLE, s->newname);
    if (t) {
        map_put(w, &w->tables, from, NULL);
        t->name = map_put(w, &w->tables, s->newname, t);
    }
}

static void rename_column(Walk *w, const PgQuery__RenameStmt *s)
{
    Alter a = {w, s->relation->relname, table_of(w, s->relation->relname)};
    cursor_past(w, s->relation->location);
    Span at = name_span(w, s->subname);
    if (!new_column(&a, s->subname))
        lint_report(w->l, R_RENAME_COLUMN, w->op, at, "renaming column %s.%s to %s breaks code that uses %s", a.table,
                    s->subname, s->newname, s->subname);
    name_rule_find(w, NK_COLUMN, s->newname);
    SqlColumn *c = column_of(w, a.t, s->subname);
    if (c) {
        map_put(w, &a.t->columns, s->subname, NULL);
        c->name = map_put(w, &a.t->columns, s->newname, c);
    }
}

static void rename_stmt(Walk *w, const void *msg)
{
    const PgQuery__RenameStmt *s = msg;
    PgQuery__ObjectType k = s->rename_type;
    if (!has(s->newname))
        return;
    if (k == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE && s->relation && has(s->relation->relname)) {
        rename_table(w, s);
    } else if (k == PG_QUERY__OBJECT_TYPE__OBJECT_COLUMN && s->relation && has(s->relation->relname) &&
               has(s->subname) && s->relation_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE) {
        rename_column(w, s);
    } else if (k == PG_QUERY__OBJECT_TYPE__OBJECT_INDEX && s->relation && has(s->relation->relname)) {
        const char *table = map_get(w, &w->indexes, s->relation->relname);
        cursor_past(w, s->relation->location);
        name_rule_find(w, NK_INDEX, s->newname);
        if (table) {
            map_put(w, &w->indexes, s->relation->relname, NULL);
            map_put(w, &w->indexes, s->newname, (void *)table);
        }
    } else if (k == PG_QUERY__OBJECT_TYPE__OBJECT_TABCONSTRAINT) {
        if (s->relation)
            cursor_past(w, s->relation->location);
        name_rule_find(w, NK_CONSTRAINT, s->newname);
    }
}

/* ---------------------------------------------------- DROP, indexes */

static const char *txn_clause(Walk *w)
{
    return arena_printf(w->l->arena, "the transaction opened on line %u", line_of(w, w->txn_off));
}

static void drop_index(Walk *w, const PgQuery__DropStmt *s, const char *name)
{
    Span at = name_span(w, name);
    const char *table = map_get(w, &w->indexes, name);
    if (s->concurrent && w->in_txn)
        lint_report(w->l, R_CONCURRENTLY_IN_TRANSACTION, w->op, stmt_span(w),
                    "DROP INDEX CONCURRENTLY %s cannot run inside %s", name, txn_clause(w));
    else if (!s->concurrent && !table)
        lint_report(w->l, R_DROP_INDEX_NOT_CONCURRENT, w->op, at,
                    "dropping index %s locks its table against reads and writes", name);
    if (table)
        map_put(w, &w->indexes, name, NULL);
}

static void drop_stmt(Walk *w, const void *msg)
{
    const PgQuery__DropStmt *s = msg;
    bool tables = s->remove_type == PG_QUERY__OBJECT_TYPE__OBJECT_TABLE;
    if (!tables && s->remove_type != PG_QUERY__OBJECT_TYPE__OBJECT_INDEX)
        return;
    for (size_t i = 0; i < s->n_objects; i++) {
        const char *name = list_last_name(s->objects[i]);
        if (!has(name))
            continue;
        if (!tables) {
            drop_index(w, s, name);
        } else if (table_created(w, name)) {
            map_put(w, &w->tables, name, NULL);
        } else {
            lint_report(w->l, R_DROP_TABLE, w->op, name_span(w, name),
                        "DROP TABLE %s destroys the table and every row in it", name);
            if (table_of(w, name))
                map_put(w, &w->tables, name, NULL);
        }
    }
}

static void index_stmt(Walk *w, const void *msg)
{
    const PgQuery__IndexStmt *s = msg;
    if (!s->relation || !has(s->relation->relname))
        return;
    const char *table = s->relation->relname;
    const char *ix = has(s->idxname) ? s->idxname : NULL;
    const char *what = ix ? arena_printf(w->l->arena, "index %s", ix) : "an index";
    name_rule_find(w, NK_INDEX, ix);
    if (s->concurrent && w->in_txn)
        lint_report(w->l, R_CONCURRENTLY_IN_TRANSACTION, w->op, stmt_span(w),
                    "CREATE INDEX CONCURRENTLY builds %s on %s, which cannot run inside %s", what, table,
                    txn_clause(w));
    else if (!s->concurrent && !table_created(w, table))
        lint_report(w->l, R_INDEX_NOT_CONCURRENT, w->op, stmt_span(w),
                    "creating %s blocks writes to %s until it is built", what, table);
    if (ix)
        map_put(w, &w->indexes, ix, arena_strdup(&w->keep, table));
}

/* -------------------------------------------------------------- data */

static void delete_stmt(Walk *w, const void *msg)
{
    const PgQuery__DeleteStmt *s = msg;
    if (!s->where_clause && s->relation && !table_created(w, s->relation->relname))
        lint_report(w->l, R_DATA_DELETE, w->op, stmt_span(w), "DELETE without WHERE removes every row of %s",
                    s->relation->relname);
}

static void update_stmt(Walk *w, const void *msg)
{
    const PgQuery__UpdateStmt *s = msg;
    if (!s->where_clause && s->relation && !table_created(w, s->relation->relname))
        lint_report(w->l, R_DATA_UPDATE_WITHOUT_WHERE, w->op, stmt_span(w),
                    "UPDATE without WHERE changes every row of %s", s->relation->relname);
}

static void truncate_stmt(Walk *w, const void *msg)
{
    const PgQuery__TruncateStmt *s = msg;
    for (size_t i = 0; i < s->n_relations; i++) {
        const PgQuery__Node *n = s->relations[i];
        if (n->node_case != PG_QUERY__NODE__NODE_RANGE_VAR || table_created(w, n->range_var->relname))
            continue;
        lint_report(w->l, R_DATA_DELETE, w->op, rel_span(w, n->range_var),
                    "TRUNCATE removes every row of %s", n->range_var->relname);
    }
}

static void transaction_stmt(Walk *w, const void *msg)
{
    const PgQuery__TransactionStmt *s = msg;
    PgQuery__TransactionStmtKind k = s->kind;
    if (k == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_BEGIN ||
        k == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_START) {
        w->in_txn = true;
        w->txn_off = w->stmt_off;
    } else if (k == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_COMMIT ||
               k == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_ROLLBACK ||
               k == PG_QUERY__TRANSACTION_STMT_KIND__TRANS_STMT_PREPARE) {
        w->in_txn = false;
    }
}

/* -------------------------------------------------------------- enums */

static void alter_enum_stmt(Walk *w, const void *msg)
{
    const PgQuery__AlterEnumStmt *s = msg;
    const char *name = last_name(s->type_name, s->n_type_name);
    if (!has(name) || has(s->old_val) || !has(s->new_val_neighbor) || map_get(w, &w->enums, name))
        return;
    if (s->new_val_is_after)
        lint_report(w->l, R_ENUM_VALUE_POSITION, w->op, stmt_span(w),
                    "label '%s' goes after '%s', not at the end of %s (unless '%s' is its last label)", s->new_val,
                    s->new_val_neighbor, name, s->new_val_neighbor);
    else
        lint_report(w->l, R_ENUM_VALUE_POSITION, w->op, stmt_span(w),
                    "label '%s' goes before '%s', not at the end of %s", s->new_val, s->new_val_neighbor, name);
}

/* ================================================================= walk */

typedef struct StmtRule {
    uint32_t node_case; /* the field number of the statement in Node */
    const ProtobufCMessageDescriptor *desc;
    void (*run)(Walk *w, const void *msg);
    uint32_t unless; /* a field whose presence leaves nothing to check (0: none) */
} StmtRule;

/* UPDATE and DELETE matter only without WHERE: field 3 of both. */
enum { WHERE_CLAUSE = 3 };

static const StmtRule stmt_rules[] = {
    {PG_QUERY__NODE__NODE_CREATE_STMT, &pg_query__create_stmt__descriptor, create_stmt},
    {PG_QUERY__NODE__NODE_CREATE_TABLE_AS_STMT, &pg_query__create_table_as_stmt__descriptor, create_table_as_stmt},
    {PG_QUERY__NODE__NODE_CREATE_ENUM_STMT, &pg_query__create_enum_stmt__descriptor, create_enum_stmt},
    {PG_QUERY__NODE__NODE_ALTER_TABLE_STMT, &pg_query__alter_table_stmt__descriptor, alter_table_stmt},
    {PG_QUERY__NODE__NODE_RENAME_STMT, &pg_query__rename_stmt__descriptor, rename_stmt},
    {PG_QUERY__NODE__NODE_DROP_STMT, &pg_query__drop_stmt__descriptor, drop_stmt},
    {PG_QUERY__NODE__NODE_INDEX_STMT, &pg_query__index_stmt__descriptor, index_stmt},
    {PG_QUERY__NODE__NODE_DELETE_STMT, &pg_query__delete_stmt__descriptor, delete_stmt, WHERE_CLAUSE},
    {PG_QUERY__NODE__NODE_UPDATE_STMT, &pg_query__update_stmt__descriptor, update_stmt, WHERE_CLAUSE},
    {PG_QUERY__NODE__NODE_TRUNCATE_STMT, &pg_query__truncate_stmt__descriptor, truncate_stmt},
    {PG_QUERY__NODE__NODE_TRANSACTION_STMT, &pg_query__transaction_stmt__descriptor, transaction_stmt},
    {PG_QUERY__NODE__NODE_ALTER_ENUM_STMT, &pg_query__alter_enum_stmt__descriptor, alter_enum_stmt},
};

static const StmtRule *rule_for(uint32_t node_case)
{
    for (size_t i = 0; i < countof(stmt_rules); i++)
        if (stmt_rules[i].node_case == node_case)
            return &stmt_rules[i];
    return NULL;
}

static bool wire_has(Wire w, uint32_t number)
{
    WireField f;
    while (wire_next(&w, &f))
        if (f.number == number)
            return true;
    return false;
}

static bool broken_tree(Walk *w)
{
    diag_error(w->l->diags, span_of(w, 0, 0), "internal", "libpg_query returned a parse tree migc cannot read");
    return false;
}

/* One RawStmt: {1: Node stmt, 2: stmt_location, 3: stmt_len}; the Node
 * holds one field, numbered by its type. */
static bool walk_stmt(Walk *w, Wire raw, const Slice *slice)
{
    Wire node = {NULL, NULL};
    uint64_t location = 0, len = 0;
    WireField f;
    while (raw.p < raw.end) {
        if (!wire_next(&raw, &f))
            return broken_tree(w);
        if (f.number == 1)
            node = f.bytes;
        else if (f.number == 2)
            location = f.value;
        else if (f.number == 3)
            len = f.value;
    }
    WireField stmt;
    if (!node.p || !wire_next(&node, &stmt) || !stmt.bytes.p)
        return true; /* an empty statement */
    const StmtRule *rule = rule_for(stmt.number);
    if (!rule || (rule->unless && wire_has(stmt.bytes, rule->unless)))
        return true;
    /* locations count in the slice's kept statements (see pg_text.h) */
    uint32_t from = slice_offset(slice, (uint32_t)location);
    uint32_t start = slice->off + from;
    uint32_t end = len ? start + (uint32_t)len : slice->off + slice->len;
    w->slice_off = slice->off + from - (uint32_t)location;
    w->stmt_off = sql_skip_blank(w->src.text, start, end);
    while (end > w->stmt_off && sql_is_space(w->src.text[end - 1]))
        end--;
    w->stmt_end = end;
    w->cursor = w->stmt_off;
    ProtobufCMessage *msg = protobuf_c_message_unpack(rule->desc, &w->alloc, (size_t)(stmt.bytes.end - stmt.bytes.p),
                                                      stmt.bytes.p);
    if (!msg)
        return broken_tree(w);
    rule->run(w, msg);
    scratch_reset(&w->scratch);
    return true;
}

/* ParseResult: {1: version, 2: RawStmt, repeated}. */
static void walk_slice(Walk *w, const Slice *slice)
{
    const PgQueryProtobuf *pb = &slice->result.parse_tree;
    Wire top = {(const uint8_t *)pb->data, (const uint8_t *)pb->data + pb->len};
    WireField f;
    while (top.p < top.end) {
        if (!wire_next(&top, &f)) {
            broken_tree(w);
            return;
        }
        if (f.number == 2 && !walk_stmt(w, f.bytes, slice))
            return;
    }
}

/* ======================================================== syntax error */

/* The byte offset of character `pos` (1-based), counting as PostgreSQL
 * does in UTF-8: the lead byte gives the length. */
static uint32_t char_to_byte(const char *s, uint32_t len, int pos)
{
    uint32_t off = 0;
    for (int i = 1; i < pos && off < len; i++) {
        unsigned char c = (unsigned char)s[off];
        off += (c & 0x80) == 0 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 1;
    }
    return off < len ? off : len;
}

static void report_syntax(Walk *w, const Slice *slice)
{
    const PgQueryError *e = slice_error(slice);
    uint32_t off = slice->off;
    if (e->cursorpos > 0)
        off += char_to_byte(slice->sql, slice->len, e->cursorpos);
    Tok t = sql_token_at(&w->src, off, w->src.len);
    Diag *g = diag_error(w->l->diags, span_of(w, off, t.off == off ? t.len : 0), "sql-syntax",
                         "PostgreSQL syntax error: %s", e->message);
    if (w->op)
        diag_help(w->l->diags, g, "fix the SQL of this execute block; its statements are linted once it parses");
    else
        diag_help(w->l->diags, g, "fix the SQL; no rule runs on this file until PostgreSQL 15's parser accepts it");
}

/* ================================================================ entry */

/* One parse, one walk; the parse results are freed on the one way out. */
static void lint_sql(Linter *l, Op *op, SqlSrc src)
{
    Walk w = {.l = l, .op = op, .src = src};
    interner_init(&w.names, &w.keep);
    w.alloc = (ProtobufCAllocator){scratch_alloc, scratch_nofree, &w.scratch};
    Parsed p;
    const Slice *failed = NULL;
    if (!pg_parse_sliced(&w.src, &p, &failed))
        report_syntax(&w, failed);
    /* the statements around a syntax error are read all the same */
    for (uint32_t k = 0; k < p.n; k++)
        if (!slice_error(&p.slices[k]))
            walk_slice(&w, &p.slices[k]);
    pg_parsed_free(&p);
    scratch_free(&w.scratch);
    arena_free(&w.keep);
}

/* A UTF-8 byte order mark is not SQL: editors on Windows write one. */
void lint_sql_file(Linter *l, uint32_t file)
{
    const SourceFile *f = source_get(l->diags->sources, file);
    SqlSrc src = {f->text, (uint32_t)strnlen(f->text, f->len), file, 0};
    if (src.len >= 3 && memcmp(src.text, "\xef\xbb\xbf", 3) == 0)
        src.text += 3, src.len -= 3, src.base = 3;
    l->in_sql = true;
    lint_sql(l, NULL, src);
    l->in_sql = false;
}

void lint_sql_embedded(Linter *l, Op *op, const char *sql, Span body)
{
    l->in_sql = true;
    lint_sql(l, op, (SqlSrc){sql, (uint32_t)strlen(sql), body.file, body.byte_off});
    l->in_sql = false;
}
