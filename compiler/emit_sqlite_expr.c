/* emit_sqlite_expr.c: the SQLite emitter's names, types, values and
 * expressions (emit_sqlite.c writes the statements).  SQLite is typed by
 * value, not by column: where PostgreSQL's answer depends on a type
 * (integer division, a boolean printed as text, numeric scale), the
 * expression says so in typed forms, so the result is PostgreSQL's. */
#include <sqlite3.h>
#include <string.h>

#include "emit_sqlite.h"

/* ================================================================ quoting */

/* Bare only when plain and not one of SQLite's keywords (its own list,
 * asked through sqlite3_keyword_check, so it follows the library). */
void sqlite_quote_ident(Buf *b, const char *name)
{
    if (ident_is_plain(name) && !sqlite3_keyword_check(name, (int)strlen(name)))
        buf_puts(b, name);
    else
        quote_with(b, name, '"');
}

/* SQLite reads '' as a quote inside '...' and treats nothing else
 * specially (no backslash escapes). */
void sqlite_quote_literal(Buf *b, const char *s)
{
    literal_standard(b, s);
}

/* ================================================================== types */

bool sqlite_integer_kind(TypeKind k)
{
    return k == TY_SMALLINT || k == TY_INTEGER || k == TY_BIGINT;
}

/* The declared type; SQLite derives the column's affinity from it, so
 * interval (which would read as INTEGER because of "INT") is TEXT. */
static void sq_type(Emit *e, const Type *t)
{
    switch (t->kind) {
    case TY_SMALLINT: emit_raw(e, "SMALLINT"); return;
    case TY_INTEGER: emit_raw(e, "INTEGER"); return;
    case TY_BIGINT: emit_raw(e, "BIGINT"); return;
    case TY_BOOLEAN: emit_raw(e, "BOOLEAN"); return;
    case TY_REAL: emit_raw(e, "REAL"); return;
    case TY_DOUBLE: emit_raw(e, "DOUBLE"); return;
    case TY_NUMERIC:
        if (t->precision < 0)
            emit_raw(e, "NUMERIC");
        else if (t->scale < 0)
            emit_printf(e, "NUMERIC(%d)", t->precision);
        else
            emit_printf(e, "NUMERIC(%d, %d)", t->precision, t->scale);
        return;
    case TY_TEXT: emit_raw(e, "TEXT"); return;
    case TY_VARCHAR: emit_printf(e, "VARCHAR(%d)", t->precision); return;
    case TY_CHAR: emit_printf(e, "CHAR(%d)", t->precision); return;
    case TY_DATE: emit_raw(e, "DATE"); return;
    case TY_TIME: emit_raw(e, "TIME"); return;
    case TY_TIMESTAMP: emit_raw(e, "TIMESTAMP"); return;
    case TY_TIMESTAMPTZ: emit_raw(e, "TIMESTAMPTZ"); return;
    case TY_INTERVAL: case TY_UUID: case TY_JSON: case TY_JSONB: case TY_ENUM: emit_raw(e, "TEXT"); return;
    case TY_BYTES: emit_raw(e, "BLOB"); return;
    case TY__COUNT: return;
    }
}

/* CHECK ("col" IN ('a', 'b')): the labels the model has for the enum now. */
static void enum_check(Emit *e, const Type *t, const ColumnDef *c)
{
    const MEnum *en = e->ev ? emit_enum_now(e, t->enum_name.name) : NULL;
    if (!en)
        return;
    emit_raw(e, " CHECK (");
    emit_ident(e, c->name.name);
    emit_raw(e, " IN (");
    for (uint32_t i = 0; i < en->n_labels; i++) {
        if (i)
            emit_raw(e, ", ");
        emit_literal(e, en->labels[i]);
    }
    emit_raw(e, "))");
}

/* An identity column is an alias of the rowid: INTEGER, whatever its
 * integer width (check_identity makes sure it is the primary key). */
void sqlite_column_type(Emit *e, const Type *t, const ColumnDef *c)
{
    if (c && c->identity && sqlite_integer_kind(t->kind)) {
        emit_raw(e, "INTEGER");
        return;
    }
    sq_type(e, t);
    if (c && t->kind == TY_ENUM)
        enum_check(e, t, c);
}

/* CAST to a date or time type would go through NUMERIC affinity and keep
 * only the leading number ('2025-01-06' becomes 2025): those stay TEXT. */
void sqlite_cast_type(Emit *e, const Type *t)
{
    switch (t->kind) {
    case TY_DATE: case TY_TIME: case TY_TIMESTAMP: case TY_TIMESTAMPTZ: emit_raw(e, "TEXT"); return;
    case TY_SMALLINT: case TY_INTEGER: case TY_BIGINT: case TY_BOOLEAN: case TY_REAL: case TY_DOUBLE:
    case TY_NUMERIC: case TY_TEXT: case TY_VARCHAR: case TY_CHAR: case TY_INTERVAL: case TY_UUID: case TY_JSON:
    case TY_JSONB: case TY_BYTES: case TY_ENUM: case TY__COUNT:
        break;
    }
    sq_type(e, t);
}

/* ============================================================= functions */

static bool is_call(const Expr *x, const char *name)
{
    return x->kind == EX_CALL && strcasecmp(x->u.call.name.name, name) == 0;
}

/* now() and the SQL words for the current time, as SQLite spells them. */
static const char *current_keyword(const Expr *x)
{
    if (is_call(x, "now") || is_call(x, "current_timestamp"))
        return "CURRENT_TIMESTAMP";
    if (is_call(x, "current_date"))
        return "CURRENT_DATE";
    if (is_call(x, "current_time"))
        return "CURRENT_TIME";
    return NULL;
}

/* Whether x prints as one token or a call, so it can stand next to an
 * operator without parentheses. */
static bool is_atom(const Expr *x)
{
    switch (x->kind) {
    case EX_NULL: case EX_BOOL: case EX_STRING: case EX_COLUMN: case EX_CALL: case EX_CAST: return true;
    case EX_INT: case EX_DEC: return x->u.text[0] != '-';
    case EX_UNARY: case EX_BINARY: case EX_IS_NULL: case EX_IN: case EX_BETWEEN: case EX_LIKE: return false;
    }
    return false;
}

static void sq_operand(Emit *e, const Expr *x)
{
    if (is_atom(x)) {
        emit_expr(e, x);
        return;
    }
    emit_raw(e, "(");
    emit_expr(e, x);
    emit_raw(e, ")");
}

/* ========================================================= typed forms */

static bool is_fractional(ValueKind k)
{
    return k == VK_FRAC || k == VK_DOUBLE;
}

/* numeric(p, s) as PostgreSQL prints it, with its s decimals: SQLite keeps
 * 2.500 as the number 2.5. */
static bool scaled_as_text(Emit *e, const Expr *x)
{
    const Type *t = value_type(x, e->scope);
    if (!t || t->kind != TY_NUMERIC || t->scale < 0)
        return false;
    emit_raw(e, "CASE WHEN ");
    sq_operand(e, x);
    emit_printf(e, " IS NOT NULL THEN printf('%%.%df', ", t->scale); /* printf makes NULL 0 */
    emit_expr(e, x);
    emit_raw(e, ") END");
    return true;
}

/* A value that becomes text: booleans as 'true' and 'false', numerics with
 * their scale, as PostgreSQL prints them. */
static void sq_text_operand(Emit *e, const Expr *x)
{
    if (value_kind(x, e->scope) == VK_BOOL)
        emit_bool_as_text(e, x);
    else if (!scaled_as_text(e, x))
        emit_expr(e, x);
}

/* a % b truncates both to integers in SQLite; mod() keeps the fraction. */
static void sq_mod(Emit *e, const Expr *a, const Expr *b)
{
    bool fraction = is_fractional(value_kind(a, e->scope)) || is_fractional(value_kind(b, e->scope));
    emit_raw(e, fraction ? "mod(" : "(");
    sq_operand(e, a);
    emit_raw(e, fraction ? ", " : " % ");
    sq_operand(e, b);
    emit_raw(e, ")");
}

static void concat_side(Emit *e, const Expr *x)
{
    if (x->kind == EX_BINARY && x->u.op.op == OP_CONCAT) { /* || is associative: a || b || c */
        concat_side(e, x->u.op.left);
        emit_raw(e, " || ");
        concat_side(e, x->u.op.right);
    } else if (value_kind(x, e->scope) == VK_BOOL) {
        emit_bool_as_text(e, x);
    } else if (!scaled_as_text(e, x)) {
        sq_operand(e, x);
    }
}

/* a || b with the operands as text as PostgreSQL prints them. */
void sqlite_concat(Emit *e, const Expr *l, const Expr *r)
{
    concat_side(e, l);
    emit_raw(e, " || ");
    concat_side(e, r);
}

/* LIKE in SQLite ignores case and has no escape character: a literal
 * pattern becomes GLOB, which is case-sensitive (% is *, _ is ?, and
 * a backslash escapes); any other is translated the same way when the query runs. */
static void glob_pattern(Emit *e, const char *like)
{
    Buf g;
    buf_init(&g, e->arena);
    for (const char *c = like; *c; c++) {
        char ch = *c;
        if (ch == '\\' && c[1])
            ch = *++c;
        else if (ch == '%' || ch == '_') {
            buf_putc(&g, ch == '%' ? '*' : '?');
            continue;
        }
        if (ch == '*' || ch == '?' || ch == '[') {
            buf_putc(&g, '[');
            buf_putc(&g, ch);
            buf_putc(&g, ']');
        } else {
            buf_putc(&g, ch);
        }
    }
    emit_literal(e, buf_cstr(&g));
}

static void sq_like(Emit *e, const Expr *x)
{
    sq_operand(e, x->u.like.operand);
    const Expr *p = x->u.like.pattern;
    if (p->kind == EX_STRING) {
        emit_raw(e, x->u.like.negated ? " NOT GLOB " : " GLOB ");
        glob_pattern(e, p->u.text);
        return;
    }
    /* the same translation when the query runs (backslash escapes aside) */
    emit_raw(e, x->u.like.negated ? " NOT GLOB " : " GLOB ");
    emit_raw(e, "replace(replace(replace(replace(replace(");
    emit_expr(e, p);
    emit_raw(e, ", '[', '[[]'), '*', '[*]'), '?', '[?]'), '%', '*'), '_', '?')");
}

static void cast_to_bool(Emit *e, const Expr *v)
{
    ValueKind k = value_kind(v, e->scope);
    if (v->kind == EX_STRING) {
        emit_text_literal_as_bool(e, v->u.text);
    } else if (k == VK_TEXT) {
        emit_text_as_bool(e, v);
    } else {
        emit_raw(e, "(");
        sq_operand(e, v);
        emit_raw(e, " <> 0)");
    }
}

/* To text as PostgreSQL prints it, cut to varchar(n) and char(n). */
static void cast_to_text(Emit *e, const Expr *v, const Type *to)
{
    bool sized = (to->kind == TY_VARCHAR || to->kind == TY_CHAR) && to->precision >= 0;
    if (sized)
        emit_raw(e, "substr(");
    if (value_kind(v, e->scope) == VK_BOOL) {
        emit_bool_as_text(e, v);
    } else if (!scaled_as_text(e, v)) {
        emit_raw(e, "CAST(");
        emit_expr(e, v);
        emit_raw(e, " AS TEXT)");
    }
    if (sized)
        emit_printf(e, ", 1, %d)", to->precision);
}

/* round(x) of a double as PostgreSQL's: halves to even (2.5 to 2), where
 * SQLite's round() takes them away from zero, as PostgreSQL does only for
 * numeric. */
static void round_half_even(Emit *e, const Expr *x)
{
    emit_raw(e, "(CASE WHEN ");
    sq_operand(e, x);
    emit_raw(e, " - floor(");
    emit_expr(e, x);
    emit_raw(e, ") = 0.5 THEN 2 * round(");
    sq_operand(e, x);
    emit_raw(e, " / 2) ELSE round(");
    emit_expr(e, x);
    emit_raw(e, ") END)");
}

/* A number with a fraction to an integer: PostgreSQL rounds, CAST truncates. */
static void rounded_to_integer(Emit *e, const Expr *v)
{
    emit_raw(e, "CAST(");
    if (value_kind(v, e->scope) == VK_DOUBLE) {
        round_half_even(e, v);
    } else {
        emit_raw(e, "round(");
        emit_expr(e, v);
        emit_raw(e, ")");
    }
    emit_raw(e, " AS INTEGER)");
}

/* A date, also the date of a timestamp, not its text. */
static void date_of(Emit *e, const Expr *v)
{
    emit_raw(e, "date(");
    emit_expr(e, v);
    emit_raw(e, ")");
}

static bool sq_cast(Emit *e, const Expr *x)
{
    const Expr *v = x->u.cast.operand;
    TypeKind to = x->u.cast.type.kind;
    if (to == TY_BOOLEAN)
        cast_to_bool(e, v);
    else if (to == TY_TEXT || to == TY_VARCHAR || to == TY_CHAR)
        cast_to_text(e, v, &x->u.cast.type);
    else if (to == TY_DATE)
        date_of(e, v);
    else if ((to == TY_SMALLINT || to == TY_INTEGER || to == TY_BIGINT) && is_fractional(value_kind(v, e->scope)))
        rounded_to_integer(e, v);
    else
        return false;
    return true;
}

static bool is_comparison(Operator op)
{
    return op == OP_EQ || op == OP_NE || op == OP_LT || op == OP_LE || op == OP_GT || op == OP_GE;
}

/* One side of a comparison with a timestamp: a date as the timestamp of
 * its midnight, and a 'YYYY-MM-DDTHH:MM' literal with a space, since SQLite
 * compares their text. */
static void timestamp_side(Emit *e, const Expr *x, ValueKind other)
{
    ValueKind k = value_kind(x, e->scope);
    if (other == VK_TIMESTAMP && k == VK_DATE) {
        emit_raw(e, "datetime(");
        emit_expr(e, x);
        emit_raw(e, ")");
    } else if (other == VK_TIMESTAMP && x->kind == EX_STRING && strlen(x->u.text) > 10 && x->u.text[10] == 'T') {
        char *t = arena_strndup(e->arena, x->u.text, strlen(x->u.text));
        t[10] = ' ';
        emit_literal(e, t);
    } else {
        sq_operand(e, x);
    }
}

static bool sq_binary(Emit *e, const Expr *x)
{
    const Expr *l = x->u.op.left, *r = x->u.op.right;
    ValueKind lk = value_kind(l, e->scope), rk = value_kind(r, e->scope);
    Operator op = x->u.op.op;
    if (is_comparison(op) && (lk == VK_TIMESTAMP) != (rk == VK_TIMESTAMP)) {
        timestamp_side(e, l, rk);
        emit_printf(e, " %s ", op == OP_NE ? "<>" : operator_sql(op));
        timestamp_side(e, r, lk);
        return true;
    }
    if ((op == OP_ADD || op == OP_SUB) && lk == VK_DATE && rk == VK_INT) { /* n days later */
        emit_raw(e, "date(");
        emit_expr(e, l);
        emit_raw(e, op == OP_ADD ? ", (" : ", (-(");
        emit_expr(e, r);
        emit_raw(e, op == OP_ADD ? ") || ' days')" : ")) || ' days')");
        return true;
    }
    if (op == OP_DIV && (is_fractional(lk) || is_fractional(rk))) { /* a numeric holding 7 is stored as 7 */
        emit_raw(e, "CAST(");
        emit_expr(e, l);
        emit_raw(e, " AS REAL) / ");
        sq_operand(e, r);
        return true;
    }
    if (op == OP_MOD && (is_fractional(lk) || is_fractional(rk))) {
        sq_mod(e, l, r);
        return true;
    }
    return false;
}

bool sqlite_expr(Emit *e, const Expr *x)
{
    if (x->kind == EX_LIKE) {
        sq_like(e, x);
        return true;
    }
    if (x->kind == EX_CAST)
        return sq_cast(e, x);
    return x->kind == EX_BINARY && sq_binary(e, x);
}

/* concat() skips NULL arguments (PostgreSQL), where || gives NULL. */
static void emit_concat_skipping_nulls(Emit *e, ExprList args)
{
    emit_raw(e, "(");
    for (uint32_t i = 0; i < args.len; i++) {
        emit_raw(e, i ? " || coalesce(" : "coalesce(");
        sq_text_operand(e, args.items[i]);
        emit_raw(e, ", '')");
    }
    emit_raw(e, ")");
}

static void random_hex(Emit *e, int bytes)
{
    emit_printf(e, "lower(hex(randomblob(%d)))", bytes);
}

/* A version 4 UUID from random bytes: 8-4-4-4-12 hex digits, the version
 * nibble 4 and the variant nibble one of 8, 9, a, b. */
static void emit_random_uuid(Emit *e)
{
    emit_raw(e, "(");
    random_hex(e, 4);
    emit_raw(e, " || '-' || ");
    random_hex(e, 2);
    emit_raw(e, " || '-4' || substr(");
    random_hex(e, 2);
    emit_raw(e, ", 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(");
    random_hex(e, 2);
    emit_raw(e, ", 2) || '-' || ");
    random_hex(e, 6);
    emit_raw(e, ")");
}

/* Portable functions SQLite spells differently.  lower, upper, trim,
 * ltrim, rtrim, replace, substr, length, abs, round, coalesce, nullif,
 * floor and ceil are the same and pass through like unknown functions. */
bool sqlite_call(Emit *e, const Expr *x)
{
    const char *word = current_keyword(x);
    ExprList args = x->u.call.args;
    if (word)
        emit_raw(e, word);
    else if (is_call(x, "localtimestamp"))
        emit_raw(e, "datetime('now', 'localtime')");
    else if (is_call(x, "localtime"))
        emit_raw(e, "time('now', 'localtime')");
    else if (is_call(x, "mod") && args.len == 2)
        sq_mod(e, args.items[0], args.items[1]);
    else if (is_call(x, "concat") && args.len > 0)
        emit_concat_skipping_nulls(e, args);
    else if (is_call(x, "greatest") && args.len > 0)
        emit_null_skipping(e, "max", args); /* max(x) alone would be the aggregate */
    else if (is_call(x, "least") && args.len > 0)
        emit_null_skipping(e, "min", args);
    else if (is_call(x, "substr") && args.len >= 2)
        emit_substr_from_one(e, "substr", "max", args);
    else if (is_call(x, "round") && args.len == 1 && value_kind(args.items[0], e->scope) == VK_DOUBLE)
        round_half_even(e, args.items[0]);
    else if (is_call(x, "gen_random_uuid") && args.len == 0)
        emit_random_uuid(e);
    else
        return false;
    return true;
}

void sqlite_boolean(Emit *e, bool v)
{
    emit_raw(e, v ? "TRUE" : "FALSE");
}

bool sqlite_is_literal(const Expr *x)
{
    return x->kind == EX_NULL || x->kind == EX_BOOL || x->kind == EX_INT || x->kind == EX_DEC ||
           x->kind == EX_STRING;
}

/* Whether the text is one parenthesized group, "(...)" and not "(a) + (b)"
 * (quotes skipped: a parenthesis inside a literal or a name does not count). */
static bool one_group(const char *s)
{
    int depth = 0;
    char quote = 0;
    for (const char *c = s; *c; c++) {
        if (quote)
            quote = *c == quote ? 0 : quote; /* a doubled quote reopens at once */
        else if (*c == '\'' || *c == '"')
            quote = *c;
        else if (*c == '(')
            depth++;
        else if (*c == ')' && --depth == 0 && c[1])
            return false;
    }
    return s[0] == '(';
}

/* DEFAULT takes a literal or a CURRENT_* word as it is; any other
 * expression must be in parentheses (once: gen_random_uuid() prints its
 * own). */
void sqlite_default(Emit *e, const Expr *v, const ColumnDef *c)
{
    (void)c;
    if (sqlite_is_literal(v) || current_keyword(v)) {
        emit_expr(e, v);
        return;
    }
    Buf text, *out = e->buf;
    buf_init(&text, e->arena);
    e->buf = &text;
    emit_expr(e, v);
    e->buf = out;
    bool grouped = one_group(buf_cstr(&text));
    emit_raw(e, grouped ? "" : "(");
    emit_raw(e, buf_cstr(&text));
    emit_raw(e, grouped ? "" : ")");
}
