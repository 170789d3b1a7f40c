/* emit_mysql_expr.c: MySQL's words for what migc writes: reserved names
 * and quoting, types, values, functions and expressions with PostgreSQL's
 * meaning (see emit_mysql.c for the operations). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "emit_mysql.h"
#include "timestamp.h"

/* ================================================================ quoting */

/* The reserved words of MySQL 8.0 (the (R) words of its manual, with those
 * reserved in some 8.0 release) and of MariaDB 10.5 to 10.11 (its manual,
 * and every word of 10.11's information_schema.KEYWORDS that fails as a bare
 * table or column name).  A name that spells one is quoted; quoting a word
 * that is not reserved is harmless.  Sorted for bsearch (C locale). */
static const char *const mysql_reserved[] = {
    "accessible", "add", "admin", "all", "alter", "analyse", "analyze", "and", "array", "as", "asc",
    "asensitive", "before", "between", "bigint", "binary", "blob", "both", "by", "call", "cascade", "case",
    "change", "char", "character", "check", "collate", "column", "condition", "constraint", "continue",
    "convert", "create", "cross", "cube", "cume_dist", "current_date", "current_role", "current_time",
    "current_timestamp", "current_user", "cursor", "database", "databases", "day_hour", "day_microsecond",
    "day_minute", "day_second", "dec", "decimal", "declare", "default", "delayed", "delete",
    "delete_domain_id", "dense_rank", "des_key_file", "desc", "describe", "deterministic", "distinct",
    "distinctrow", "div", "do_domain_ids", "double", "drop", "dual", "each", "else", "elseif", "empty",
    "enclosed", "escaped", "except", "exists", "exit", "explain", "false", "fetch", "first_value", "float",
    "float4", "float8", "for", "force", "foreign", "from", "fulltext", "function", "general", "generated",
    "get", "grant", "group", "grouping", "groups", "having", "high_priority", "hour_microsecond",
    "hour_minute", "hour_second", "if", "ignore", "ignore_domain_ids", "ignore_server_ids", "in", "index",
    "infile", "inner", "inout", "insensitive", "insert", "int", "int1", "int2", "int3", "int4", "int8",
    "integer", "intersect", "interval", "into", "io_after_gtids", "io_before_gtids", "is", "iterate",
    "join", "json_table", "key", "keys", "kill", "lag", "last_value", "lateral", "lead", "leading",
    "leave", "left", "like", "limit", "linear", "lines", "load", "localtime", "localtimestamp", "lock",
    "long", "longblob", "longtext", "loop", "low_priority", "manual", "master_bind",
    "master_demote_to_replica", "master_demote_to_slave", "master_heartbeat_period",
    "master_ssl_verify_server_cert", "match", "maxvalue", "mediumblob", "mediumint", "mediumtext",
    "member", "middleint", "minute_microsecond", "minute_second", "mod", "modifies", "natural",
    "no_write_to_binlog", "not", "nth_value", "ntile", "null", "numeric", "of", "offset", "on", "optimize",
    "optimizer_costs", "option", "optionally", "or", "order", "out", "outer", "outfile", "over",
    "page_checksum", "parallel", "parse_gcol_expr", "parse_vcol_expr", "partition", "percent_rank",
    "persist", "persist_only", "portion", "position", "precision", "primary", "procedure", "purge",
    "qualify", "range", "rank", "read", "read_write", "reads", "real", "recursive", "redofile",
    "ref_system_id", "references", "regexp", "release", "rename", "repeat", "replace", "require",
    "resignal", "restrict", "return", "returning", "revoke", "right", "rlike", "row", "row_number", "rows",
    "schema", "schemas", "second_microsecond", "select", "sensitive", "separator", "set", "show", "signal",
    "slow", "smallint", "spatial", "specific", "sql", "sql_big_result", "sql_buffer_result", "sql_cache", "sql_calc_found_rows", "sql_no_cache",
    "sql_small_result", "sqlexception", "sqlstate", "sqlwarning", "ssl", "starting", "stats_auto_recalc",
    "stats_persistent", "stats_sample_pages", "stored", "straight_join", "system", "table", "tablesample",
    "terminated", "then", "tinyblob", "tinyint", "tinytext", "to", "trailing", "trigger", "true", "undo",
    "union", "unique", "unlock", "unsigned", "update", "usage", "use", "using", "utc_date", "utc_time",
    "utc_timestamp", "value", "values", "varbinary", "varchar", "varcharacter", "varying", "virtual", "when",
    "where", "while", "window", "with", "write", "xor", "year_month", "zerofill",
};

static int compare_words(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Case-insensitive, as MySQL reads keywords. */
bool mysql_is_reserved(const char *name)
{
    char low[32];
    size_t n = strlen(name);
    if (n == 0 || n >= sizeof low)
        return false;
    for (size_t i = 0; i <= n; i++)
        low[i] = (char)ascii_lower((unsigned char)name[i]);
    const char *key = low;
    return bsearch(&key, mysql_reserved, countof(mysql_reserved), sizeof(char *), compare_words) != NULL;
}

void mysql_quote_ident(Buf *b, const char *name)
{
    if (ident_is_plain(name) && !mysql_is_reserved(name))
        buf_puts(b, name);
    else
        quote_with(b, name, '`');
}

/* MySQL reads a backslash in a string as an escape (unless sql_mode has
 * NO_BACKSLASH_ESCAPES), so it is doubled along with the quote. */
void mysql_quote_literal(Buf *b, const char *s)
{
    buf_putc(b, '\'');
    for (const char *c = s; *c; c++) {
        if (*c == '\'' || *c == '\\')
            buf_putc(b, *c);
        buf_putc(b, *c);
    }
    buf_putc(b, '\'');
}

/* ================================================================== types */

bool mysql_datetime_kind(TypeKind k)
{
    return k == TY_TIMESTAMP || k == TY_TIMESTAMPTZ;
}

/* ENUM('a', 'b'): the labels as the model has them now. */
static void enum_type(Emit *e, const Type *t)
{
    const MEnum *en = emit_enum_now(e, t->enum_name.name);
    if (!en) {
        emit_ident(e, t->enum_name.name); /* the model always has it; a clear failure if not */
        return;
    }
    emit_raw(e, "ENUM(");
    for (uint32_t i = 0; i < en->n_labels; i++) {
        if (i)
            emit_raw(e, ", ");
        emit_literal(e, en->labels[i]);
    }
    emit_raw(e, ")");
}

/* numeric without a precision is PostgreSQL's unbounded numeric: MySQL's
 * widest DECIMAL, since its default DECIMAL(10,0) would drop the fraction. */
static void decimal_type(Emit *e, const Type *t)
{
    if (t->precision < 0)
        emit_raw(e, "DECIMAL(65,30)");
    else if (t->scale < 0)
        emit_printf(e, "DECIMAL(%d)", t->precision);
    else
        emit_printf(e, "DECIMAL(%d,%d)", t->precision, t->scale);
}

static void sized_type(Emit *e, const char *name, int32_t n)
{
    emit_raw(e, name);
    if (n >= 0)
        emit_printf(e, "(%d)", n);
}

void mysql_type(Emit *e, const Type *t)
{
    switch (t->kind) {
    case TY_SMALLINT: emit_raw(e, "SMALLINT"); return;
    case TY_INTEGER: emit_raw(e, "INT"); return;
    case TY_BIGINT: emit_raw(e, "BIGINT"); return;
    case TY_BOOLEAN: emit_raw(e, "BOOLEAN"); return;
    case TY_REAL: emit_raw(e, "FLOAT"); return;
    case TY_DOUBLE: emit_raw(e, "DOUBLE"); return;
    case TY_NUMERIC: decimal_type(e, t); return;
    case TY_TEXT: emit_raw(e, "LONGTEXT"); return;
    case TY_VARCHAR: sized_type(e, "VARCHAR", t->precision); return;
    case TY_CHAR: sized_type(e, "CHAR", t->precision); return;
    case TY_DATE: emit_raw(e, "DATE"); return;
    case TY_TIME: emit_raw(e, "TIME(6)"); return;
    case TY_TIMESTAMP: case TY_TIMESTAMPTZ: emit_raw(e, "DATETIME(6)"); return;
    case TY_INTERVAL: emit_raw(e, "VARCHAR(64)"); return;
    case TY_UUID: emit_raw(e, "CHAR(36)"); return;
    case TY_JSON: case TY_JSONB: emit_raw(e, "JSON"); return;
    case TY_BYTES: emit_raw(e, "LONGBLOB"); return;
    case TY_ENUM: enum_type(e, t); return;
    case TY__COUNT: return;
    }
}

void mysql_column_type(Emit *e, const Type *t, const ColumnDef *c)
{
    mysql_type(e, t);
    if (c && c->identity)
        emit_raw(e, " AUTO_INCREMENT");
}

/* CAST's targets are few in MySQL: SIGNED, DECIMAL, CHAR, DATE, TIME,
 * DATETIME, DOUBLE, BINARY, JSON (MySQL only: MariaDB has no CAST to JSON). */
void mysql_cast_type(Emit *e, const Type *t)
{
    switch (t->kind) {
    case TY_SMALLINT: case TY_INTEGER: case TY_BIGINT: case TY_BOOLEAN: emit_raw(e, "SIGNED"); return;
    case TY_REAL: case TY_DOUBLE: emit_raw(e, "DOUBLE"); return;
    case TY_NUMERIC: decimal_type(e, t); return;
    case TY_TEXT: case TY_VARCHAR: case TY_CHAR: case TY_UUID: case TY_ENUM: case TY_INTERVAL:
        emit_raw(e, "CHAR");
        return;
    case TY_DATE: emit_raw(e, "DATE"); return;
    case TY_TIME: emit_raw(e, "TIME(6)"); return;
    case TY_TIMESTAMP: case TY_TIMESTAMPTZ: emit_raw(e, "DATETIME(6)"); return;
    case TY_BYTES: emit_raw(e, "BINARY"); return;
    case TY_JSON: case TY_JSONB: {
        emit_raw(e, "JSON");
        Diag *g = emit_unsupported(e, t->span, "MariaDB has no CAST(... AS JSON)");
        diag_help(e->diags, g, "assign the text itself: a json column parses a string holding JSON");
        return;
    }
    case TY__COUNT: return;
    }
}

/* CAST('2024-05-01 10:00:00+02' AS DATETIME(6)) fails in strict mode. */
const char *mysql_cast_literal(Emit *e, const char *text, const Type *to)
{
    if (!mysql_datetime_kind(to->kind))
        return NULL;
    return timestamp_drop_offset(e->arena, text, to->kind == TY_TIMESTAMPTZ);
}

/* A value stored into column `c`. */
void mysql_column_value(Emit *e, const ColumnDef *c, const Expr *v)
{
    const char *utc = NULL;
    if (c && v->kind == EX_STRING && mysql_datetime_kind(c->type.kind))
        utc = timestamp_drop_offset(e->arena, v->u.text, c->type.kind == TY_TIMESTAMPTZ);
    if (utc)
        emit_literal(e, utc);
    else
        emit_expr(e, v);
}

/* ============================================================ expressions */

static bool call_is(const Expr *x, const char *name)
{
    return x->kind == EX_CALL && strcmp(x->u.call.name.name, name) == 0;
}

static bool is_now_call(const Expr *x)
{
    return (call_is(x, "now") || call_is(x, "current_timestamp") || call_is(x, "localtimestamp")) &&
           x->u.call.args.len == 0;
}

static void call_args(Emit *e, const char *name, ExprList args)
{
    emit_raw(e, name);
    emit_raw(e, "(");
    for (uint32_t i = 0; i < args.len; i++) {
        if (i)
            emit_raw(e, ", ");
        emit_expr(e, args.items[i]);
    }
    emit_raw(e, ")");
}

/* DATETIME(6) as text without the zeros of its fraction, as PostgreSQL
 * prints a timestamp: '2024-02-29 13:45:00', '2024-02-29 23:59:59.5'. */
static void datetime_as_text(Emit *e, const Expr *x)
{
    emit_raw(e, "TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(");
    emit_expr(e, x);
    emit_raw(e, " AS CHAR)))");
}

/* A value that becomes text (concatenated): booleans and timestamps as
 * PostgreSQL prints them, where MySQL prints 1 and a six-digit fraction. */
static void text_operand(Emit *e, const Expr *x)
{
    ValueKind k = value_kind(x, e->scope);
    if (k == VK_BOOL)
        emit_bool_as_text(e, x);
    else if (k == VK_TIMESTAMP)
        datetime_as_text(e, x);
    else
        emit_expr(e, x);
}

static void concat_function(Emit *e, ExprList args)
{
    emit_raw(e, "CONCAT_WS(''");
    for (uint32_t i = 0; i < args.len; i++) {
        emit_raw(e, ", ");
        text_operand(e, args.items[i]);
    }
    emit_raw(e, ")");
}

/* round(double, n): PostgreSQL rounds the decimal digits it prints (1.45
 * to 1.5), MySQL the binary value (1.4). */
static void round_double(Emit *e, ExprList args)
{
    emit_raw(e, "ROUND(CAST(CAST(");
    emit_expr(e, args.items[0]);
    emit_raw(e, " AS CHAR) AS DECIMAL(65,30)), ");
    emit_expr(e, args.items[1]);
    emit_raw(e, ")");
}

/* Portable functions with another name or form in MySQL; the rest (lower,
 * upper, trim, replace, abs, round, coalesce, concat, mod ...) are the same. */
bool mysql_call(Emit *e, const Expr *x)
{
    if (is_now_call(x))
        emit_raw(e, "CURRENT_TIMESTAMP(6)");
    else if (call_is(x, "current_date") && x->u.call.args.len == 0)
        emit_raw(e, "CURRENT_DATE");
    else if ((call_is(x, "current_time") || call_is(x, "localtime")) && x->u.call.args.len == 0)
        emit_raw(e, "CURRENT_TIME(6)");
    else if (call_is(x, "substr") && x->u.call.args.len >= 2)
        emit_substr_from_one(e, "SUBSTRING", "GREATEST", x->u.call.args);
    else if (call_is(x, "length")) /* PostgreSQL's length counts characters */
        call_args(e, "CHAR_LENGTH", x->u.call.args);
    else if (call_is(x, "ceil"))
        call_args(e, "CEILING", x->u.call.args);
    else if (call_is(x, "gen_random_uuid") && x->u.call.args.len == 0)
        emit_raw(e, "UUID()");
    else if (call_is(x, "concat")) /* CONCAT() is NULL if any argument is; concat() skips them */
        concat_function(e, x->u.call.args);
    else if (call_is(x, "greatest")) /* skipping NULLs; MySQL wants two arguments at least */
        emit_null_skipping(e, "GREATEST", x->u.call.args);
    else if (call_is(x, "least"))
        emit_null_skipping(e, "LEAST", x->u.call.args);
    else if (call_is(x, "round") && x->u.call.args.len == 2 && value_kind(x->u.call.args.items[0], e->scope) == VK_DOUBLE)
        round_double(e, x->u.call.args);
    else
        return false;
    return true;
}

static void concat_operand(Emit *e, const Expr *x, bool *first)
{
    if (x->kind == EX_BINARY && x->u.op.op == OP_CONCAT) {
        concat_operand(e, x->u.op.left, first);
        concat_operand(e, x->u.op.right, first);
        return;
    }
    if (!*first)
        emit_raw(e, ", ");
    *first = false;
    text_operand(e, x);
}

/* a || b || c is CONCAT(a, b, c): in MySQL || means OR. */
void mysql_concat(Emit *e, const Expr *l, const Expr *r)
{
    bool first = true;
    emit_raw(e, "CONCAT(");
    concat_operand(e, l, &first);
    concat_operand(e, r, &first);
    emit_raw(e, ")");
}

/* ========================================================= typed forms */

/* integer / integer truncates in PostgreSQL; MySQL's / gives a decimal. */
static bool integer_division(Emit *e, const Expr *x)
{
    if (value_kind(x->u.op.left, e->scope) != VK_INT || value_kind(x->u.op.right, e->scope) != VK_INT)
        return false;
    emit_operand(e, x->u.op.left, x, false);
    emit_raw(e, " DIV ");
    emit_operand(e, x->u.op.right, x, true);
    return true;
}

/* date + n is n days later in PostgreSQL; MySQL adds n to 20240229. */
static bool date_arithmetic(Emit *e, const Expr *x)
{
    if (value_kind(x->u.op.left, e->scope) != VK_DATE || value_kind(x->u.op.right, e->scope) != VK_INT)
        return false;
    emit_raw(e, "(");
    emit_operand(e, x->u.op.left, x, false);
    emit_raw(e, x->u.op.op == OP_ADD ? " + INTERVAL (" : " - INTERVAL (");
    emit_expr(e, x->u.op.right);
    emit_raw(e, ") DAY)");
    return true;
}

static bool my_binary(Emit *e, const Expr *x)
{
    if (x->u.op.op == OP_DIV)
        return integer_division(e, x);
    if (x->u.op.op == OP_ADD || x->u.op.op == OP_SUB)
        return date_arithmetic(e, x);
    return false;
}

static bool cast_to_bool(Emit *e, const Expr *v)
{
    ValueKind k = value_kind(v, e->scope);
    if (k == VK_INT || k == VK_FRAC) {
        emit_raw(e, "(");
        emit_expr(e, v);
        emit_raw(e, " <> 0)");
    } else if (v->kind == EX_STRING) {
        emit_text_literal_as_bool(e, v->u.text);
    } else if (k == VK_TEXT) {
        emit_text_as_bool(e, v);
    } else {
        return false;
    }
    return true;
}

/* To text as PostgreSQL prints it, cut to varchar(n) and char(n). */
static bool cast_to_text(Emit *e, const Expr *v, const Type *to)
{
    ValueKind k = value_kind(v, e->scope);
    bool sized = (to->kind == TY_VARCHAR || to->kind == TY_CHAR) && to->precision >= 0;
    if (!sized && k != VK_BOOL && k != VK_TIMESTAMP)
        return false;
    if (sized)
        emit_raw(e, "LEFT(");
    if (k == VK_BOOL || k == VK_TIMESTAMP) {
        text_operand(e, v);
    } else {
        emit_raw(e, "CAST(");
        emit_expr(e, v);
        emit_raw(e, " AS CHAR)");
    }
    if (sized)
        emit_printf(e, ", %d)", to->precision);
    return true;
}

static bool my_cast(Emit *e, const Expr *x)
{
    const Type *to = &x->u.cast.type;
    if (to->kind == TY_BOOLEAN)
        return cast_to_bool(e, x->u.cast.operand);
    if (to->kind == TY_TEXT || to->kind == TY_VARCHAR || to->kind == TY_CHAR)
        return cast_to_text(e, x->u.cast.operand, to);
    return false;
}

bool mysql_expr(Emit *e, const Expr *x)
{
    if (x->kind == EX_BINARY)
        return my_binary(e, x);
    if (x->kind == EX_CAST)
        return my_cast(e, x);
    return false;
}

void mysql_boolean(Emit *e, bool v)
{
    emit_raw(e, v ? "TRUE" : "FALSE");
}

static bool is_literal(const Expr *x)
{
    return x->kind == EX_NULL || x->kind == EX_BOOL || x->kind == EX_INT || x->kind == EX_DEC ||
           x->kind == EX_STRING;
}

/* A literal stays bare, except on LONGTEXT, LONGBLOB and JSON columns, whose
 * defaults MySQL takes only as expressions; now() on a DATETIME(6) column is
 * the special CURRENT_TIMESTAMP(6); any other expression is (expr) (MySQL
 * 8.0.13, MariaDB 10.2). */
void mysql_default(Emit *e, const Expr *v, const ColumnDef *c)
{
    TypeKind k = c ? c->type.kind : TY__COUNT;
    if (is_now_call(v) && mysql_datetime_kind(k)) {
        emit_raw(e, "CURRENT_TIMESTAMP(6)");
        return;
    }
    bool bare = v->kind == EX_NULL || (is_literal(v) && !mysql_blob_kind(k));
    if (!bare)
        emit_raw(e, "(");
    mysql_column_value(e, c, v);
    if (!bare)
        emit_raw(e, ")");
}
