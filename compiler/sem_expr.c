/* sem_expr.c: types, values and expressions against the model.
 *
 * Expressions get a coarse type class (number, text, timestamp, enum ...).
 * A string literal takes the class of what it meets, the way the engines
 * cast one implicitly, and is then checked as a value of that type: an enum
 * label must exist, a uuid or a date must be well formed, JSON must parse. */
#include <cJSON.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "lint.h"
#include "sem.h"

typedef enum TClass {
    TC_UNKNOWN, /* a function migc does not know: no complaints */
    TC_NULL,
    TC_BOOL,
    TC_NUMBER,
    TC_TEXT,
    TC_DATE,
    TC_TIME,
    TC_TIMESTAMP,
    TC_INTERVAL,
    TC_UUID,
    TC_JSON,
    TC_BYTES,
    TC_ENUM,
    TC_STRLIT, /* a string literal: adapts to the other side */
} TClass;

typedef struct TInfo {
    TClass cls;
    const Type *type;    /* when known exactly (a column, a cast) */
    const Expr *literal; /* TC_STRLIT: the literal */
} TInfo;

static const char *class_name(TClass c)
{
    static const char *const names[] = {"a value of unknown type", "null", "a boolean", "a number", "text", "a date",
                                        "a time", "a timestamp", "an interval", "a uuid", "JSON", "bytes",
                                        "an enum label", "a string"};
    return names[c];
}

static TClass class_of_type(const Type *t)
{
    switch (t->kind) {
    case TY_SMALLINT: case TY_INTEGER: case TY_BIGINT: case TY_REAL: case TY_DOUBLE: case TY_NUMERIC:
        return TC_NUMBER;
    case TY_BOOLEAN:
        return TC_BOOL;
    case TY_TEXT: case TY_VARCHAR: case TY_CHAR:
        return TC_TEXT;
    case TY_DATE:
        return TC_DATE;
    case TY_TIME:
        return TC_TIME;
    case TY_TIMESTAMP: case TY_TIMESTAMPTZ:
        return TC_TIMESTAMP;
    case TY_INTERVAL:
        return TC_INTERVAL;
    case TY_UUID:
        return TC_UUID;
    case TY_JSON: case TY_JSONB:
        return TC_JSON;
    case TY_BYTES:
        return TC_BYTES;
    case TY_ENUM:
        return TC_ENUM;
    case TY__COUNT:
        break;
    }
    return TC_UNKNOWN;
}

/* ================================================================= types */

static const char *const builtin_words[] = {"smallint", "integer", "int", "bigint", "boolean", "real", "double",
                                            "numeric", "text", "varchar", "char", "date", "time", "timestamp",
                                            "timestamptz", "interval", "uuid", "json", "jsonb", "bytes"};

/* Type names of other systems: a user who writes one (or misspells one,
 * `strng`) is told the portable name. */
static const struct TypeAlias {
    const char *alias, *portable;
} type_aliases[] = {
    {"string", "text"},       {"bool", "boolean"},   {"float", "double"},   {"decimal", "numeric"},
    {"datetime", "timestamp"}, {"blob", "bytes"},     {"bytea", "bytes"},    {"int2", "smallint"},
    {"int4", "integer"},      {"int8", "bigint"},    {"serial", "integer"}, {"bigserial", "bigint"},
};

static const char *portable_name(const char *word)
{
    for (size_t i = 0; i < countof(type_aliases); i++)
        if (strcmp(type_aliases[i].alias, word) == 0)
            return type_aliases[i].portable;
    return word;
}

static void suggest_type(Sem *sem, Diag *g, const char *name)
{
    uint32_t n;
    MEnum **enums = schema_enums_sorted(sem->schema, &n);
    size_t total = n + countof(builtin_words) + countof(type_aliases);
    const char **cands = ARENA_ARRAY(sem->arena, const char *, total);
    for (uint32_t i = 0; i < n; i++)
        cands[i] = enums[i]->name;
    for (size_t i = 0; i < countof(builtin_words); i++)
        cands[n + i] = builtin_words[i];
    for (size_t i = 0; i < countof(type_aliases); i++)
        cands[n + countof(builtin_words) + i] = type_aliases[i].alias;
    const char *best = closest_word(name, cands, total);
    if (best && portable_name(best) != best)
        diag_help(sem->diags, g, "did you mean '%s'? (the portable name for %s)", portable_name(best), best);
    else if (best)
        diag_help(sem->diags, g, "did you mean '%s'?", best);
    else
        diag_help(sem->diags, g, "portable types are smallint, integer, bigint, boolean, real, double, numeric, "
                                 "text, varchar(n), char(n), date, time, timestamp, timestamptz, interval, uuid, "
                                 "json, jsonb, bytes, or an enum made with create_enum");
}

bool check_type(Sem *sem, Type *type)
{
    if (type->kind != TY_ENUM)
        return true;
    MEnum *e = schema_enum(sem->schema, type->enum_name.name);
    if (e && strcmp(e->name, type->enum_name.name) == 0)
        return true;
    if (sem_poisoned(sem, type->enum_name.name)) {
        sem->op_flawed = true;
        return false;
    }
    Diag *g = sem_flaw(sem, type->span, "unknown-type", "unknown type '%s'", type->enum_name.name);
    suggest_type(sem, g, type->enum_name.name);
    return false;
}

static bool is_integer_type(const Type *t)
{
    return t->kind == TY_SMALLINT || t->kind == TY_INTEGER || t->kind == TY_BIGINT;
}

bool types_compatible_for_fk(const Type *a, const Type *b)
{
    bool sa = a->kind == TY_VARCHAR || a->kind == TY_CHAR, sb = b->kind == TY_VARCHAR || b->kind == TY_CHAR;
    if (sa && sb)
        return true;
    if (a->kind != b->kind)
        return false;
    if (a->kind == TY_NUMERIC)
        return a->precision == b->precision && a->scale == b->scale;
    return a->kind != TY_ENUM || a->enum_name.name == b->enum_name.name;
}

static int int_rank(TypeKind k)
{
    return k == TY_SMALLINT ? 1 : k == TY_INTEGER ? 2 : k == TY_BIGINT ? 3 : 0;
}

/* Every value of `from` fits `to` unchanged. */
bool type_widens(const Type *from, const Type *to)
{
    if (type_equal(from, to))
        return true;
    if (int_rank(from->kind) && int_rank(to->kind))
        return int_rank(from->kind) <= int_rank(to->kind);
    if (to->kind == TY_TEXT)
        return from->kind == TY_VARCHAR || from->kind == TY_CHAR;
    if (to->kind == TY_VARCHAR && (from->kind == TY_VARCHAR || from->kind == TY_CHAR))
        return to->precision >= from->precision;
    if (from->kind == TY_REAL && to->kind == TY_DOUBLE)
        return true;
    if (from->kind == TY_NUMERIC && to->kind == TY_NUMERIC) {
        if (to->precision < 0)
            return true;
        if (from->precision < 0)
            return false;
        int fs = from->scale < 0 ? 0 : from->scale, ts = to->scale < 0 ? 0 : to->scale;
        return ts >= fs && to->precision - ts >= from->precision - fs;
    }
    return false;
}

/* ========================================================= literal values */

static bool all_hex(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isxdigit((unsigned char)s[i]))
            return false;
    return true;
}

static bool valid_uuid(const char *s)
{
    if (strlen(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-')
        return false;
    return all_hex(s, 8) && all_hex(s + 9, 4) && all_hex(s + 14, 4) && all_hex(s + 19, 4) && all_hex(s + 24, 12);
}

static bool digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return false;
    return true;
}

static bool valid_date(const char *s)
{
    if (strlen(s) < 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' || !digits(s + 8, 2))
        return false;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

static bool valid_time(const char *s)
{
    if (!digits(s, 2) || s[2] != ':' || !digits(s + 3, 2))
        return false;
    if (atoi(s) > 23 || atoi(s + 3) > 59)
        return false;
    const char *rest = s + 5;
    if (*rest == ':') {
        if (!digits(rest + 1, 2) || atoi(rest + 1) > 59)
            return false;
        rest += 3;
        if (*rest == '.') {
            rest++;
            while (isdigit((unsigned char)*rest))
                rest++;
        }
    }
    /* an offset such as +02:00 or Z may follow in timestamptz values */
    return *rest == '\0' || *rest == 'Z' || *rest == '+' || *rest == '-' || *rest == ' ';
}

static bool valid_timestamp(const char *s)
{
    if (!valid_date(s))
        return false;
    if (s[10] == '\0')
        return true;
    return (s[10] == ' ' || s[10] == 'T') && valid_time(s + 11);
}

static bool valid_number(const char *s)
{
    char *end;
    errno = 0;
    strtod(s, &end);
    return *s && *end == '\0' && errno == 0;
}

static bool valid_json(const char *s)
{
    cJSON *j = cJSON_Parse(s);
    bool ok = j != NULL;
    cJSON_Delete(j);
    return ok;
}

static bool enum_has_label(const MEnum *e, const char *label)
{
    for (uint32_t i = 0; i < e->n_labels; i++)
        if (strcmp(e->labels[i], label) == 0)
            return true;
    return false;
}

static bool check_enum_label(Sem *sem, const Expr *lit, const Type *t, Context *context)
{
    MEnum *e = schema_enum(sem->schema, t->enum_name.name);
    if (!e || enum_has_label(e, lit->u.text))
        return true;
    Diag *g = sem_flaw(sem, lit->span, "type-mismatch", "'%s' is not a label of enum %s (%s)", lit->u.text, e->name,
                        ctx_text(sem, context));
    Buf labels;
    buf_init(&labels, sem->arena);
    for (uint32_t i = 0; i < e->n_labels; i++)
        buf_printf(&labels, "%s'%s'", i ? ", " : "", e->labels[i]);
    const char *best = closest_word(lit->u.text, e->labels, e->n_labels);
    if (best)
        diag_help(sem->diags, g, "did you mean '%s'? the labels are %s", best, labels.data);
    else
        diag_help(sem->diags, g, "the labels are %s; add one with alter_enum %s add value", labels.data, e->name);
    return false;
}

static bool bad_literal(Sem *sem, const Expr *lit, const Type *t, Context *context, const char *help)
{
    Diag *g = sem_flaw(sem, lit->span, "type-mismatch", "'%s' is not a valid %s (%s)", lit->u.text,
                        type_to_string(sem->arena, t), ctx_text(sem, context));
    diag_help(sem->diags, g, "%s", help);
    return false;
}

/* A string literal where a value of type `t` is expected. */
static bool check_string_literal(Sem *sem, const Expr *lit, const Type *t, Context *context)
{
    const char *s = lit->u.text;
    switch (t->kind) {
    case TY_VARCHAR:
    case TY_CHAR: {
        size_t chars = utf8_count(s, strlen(s));
        if (chars <= (size_t)t->precision)
            return true;
        Diag *g = sem_flaw(sem, lit->span, "value-too-long", "the string is %zu characters; %s holds %d (%s)", chars,
                            type_to_string(sem->arena, t), t->precision, ctx_text(sem, context));
        diag_help(sem->diags, g, "shorten the value or widen the column");
        return false;
    }
    case TY_TEXT: case TY_BYTES: case TY_INTERVAL:
        return true;
    case TY_ENUM:
        return check_enum_label(sem, lit, t, context);
    case TY_UUID:
        return valid_uuid(s) || bad_literal(sem, lit, t, context, "write a uuid as 8-4-4-4-12 hex digits");
    case TY_DATE:
        return valid_date(s) || bad_literal(sem, lit, t, context, "write dates as 'YYYY-MM-DD'");
    case TY_TIME:
        return valid_time(s) || bad_literal(sem, lit, t, context, "write times as 'HH:MM' or 'HH:MM:SS'");
    case TY_TIMESTAMP: case TY_TIMESTAMPTZ:
        return valid_timestamp(s) || bad_literal(sem, lit, t, context, "write timestamps as 'YYYY-MM-DD HH:MM:SS'");
    case TY_JSON: case TY_JSONB:
        return valid_json(s) || bad_literal(sem, lit, t, context, "the string must be valid JSON");
    case TY_SMALLINT: case TY_INTEGER: case TY_BIGINT: case TY_REAL: case TY_DOUBLE: case TY_NUMERIC:
        return valid_number(s) || bad_literal(sem, lit, t, context, "write numbers without quotes");
    case TY_BOOLEAN:
        return bad_literal(sem, lit, t, context, "write true or false without quotes");
    case TY__COUNT:
        break;
    }
    return true;
}

static bool check_int_range(Sem *sem, const Expr *lit, const Type *t, Context *context)
{
    static const long long lows[] = {0, -32768, -2147483648LL, LLONG_MIN};
    static const long long highs[] = {0, 32767, 2147483647LL, LLONG_MAX};
    int rank = int_rank(t->kind);
    errno = 0;
    char *end;
    long long v = strtoll(lit->u.text, &end, 10);
    if (errno != ERANGE && v >= lows[rank] && v <= highs[rank])
        return true;
    Diag *g = sem_flaw(sem, lit->span, "value-out-of-range", "%s is out of range for %s (%s)", lit->u.text,
                        type_kind_name(t->kind), ctx_text(sem, context));
    diag_help(sem->diags, g, "use a wider type, e.g. bigint");
    return false;
}

/* numeric(p, s) holds p - s digits before the point; PostgreSQL and MySQL
 * refuse a value with more (the scale only rounds). */
static bool check_numeric_range(Sem *sem, const Expr *lit, const Type *t, Context *context)
{
    if (t->precision < 0)
        return true;
    int room = t->precision - (t->scale < 0 ? 0 : t->scale);
    const char *digits = lit->u.text + (lit->u.text[0] == '-' || lit->u.text[0] == '+');
    while (digits[0] == '0')
        digits++;
    size_t whole = strcspn(digits, ".");
    if (whole <= (size_t)room)
        return true;
    Diag *g = sem_flaw(sem, lit->span, "value-out-of-range", "%s does not fit %s: it has %zu digits before the "
                       "point, the type holds %d (%s)", lit->u.text, type_to_string(sem->arena, t), whole, room,
                       ctx_text(sem, context));
    diag_help(sem->diags, g, "widen the column, or give a smaller value");
    return false;
}

/* ============================================================ inference */

typedef struct Scope {
    const MTable *table; /* columns that may be named, or NULL */
    Context *context; /* "default of users.role", rendered for messages only */
} Scope;

static TInfo infer(Sem *sem, const Expr *e, const Scope *sc);

static TInfo info(TClass c)
{
    return (TInfo){c, NULL, NULL};
}

/* A string literal meeting a typed operand is checked as that type. */
static TInfo settle_literal(Sem *sem, TInfo lit, TInfo other, Context *context)
{
    if (lit.cls != TC_STRLIT)
        return lit;
    if (other.type)
        check_string_literal(sem, lit.literal, other.type, context);
    return other.cls == TC_STRLIT || other.cls == TC_NULL || other.cls == TC_UNKNOWN ? info(TC_TEXT) : other;
}

static bool comparable(TClass a, TClass b)
{
    if (a == b || a == TC_UNKNOWN || b == TC_UNKNOWN || a == TC_NULL || b == TC_NULL)
        return true;
    bool at = a == TC_DATE || a == TC_TIMESTAMP, bt = b == TC_DATE || b == TC_TIMESTAMP;
    return at && bt;
}

static void mismatch(Sem *sem, const Expr *e, TInfo l, TInfo r, const char *what, Context *context)
{
    Diag *g = sem_flaw(sem, e->span, "type-mismatch", "cannot %s %s with %s (%s)", what, class_name(l.cls),
                        class_name(r.cls), ctx_text(sem, context));
    diag_help(sem->diags, g, "compare values of the same type, or convert one with cast(x as type)");
}

static TInfo infer_compare(Sem *sem, const Expr *e, const Expr *le, const Expr *re, const Scope *sc)
{
    TInfo l = infer(sem, le, sc), r = infer(sem, re, sc);
    l = settle_literal(sem, l, r, sc->context);
    r = settle_literal(sem, r, l, sc->context);
    if (!comparable(l.cls, r.cls))
        mismatch(sem, e, l, r, "compare", sc->context);
    else if (l.cls == TC_ENUM && r.cls == TC_ENUM && l.type && r.type &&
             l.type->enum_name.name != r.type->enum_name.name)
        mismatch(sem, e, l, r, "compare", sc->context);
    return info(TC_BOOL);
}

static void require_class(Sem *sem, const Expr *e, TInfo got, TClass want, Context *context)
{
    if (got.cls == want || got.cls == TC_UNKNOWN || got.cls == TC_NULL)
        return;
    if (got.cls == TC_STRLIT && want == TC_TEXT)
        return;
    Diag *g = sem_flaw(sem, e->span, "type-mismatch", "expected %s here, found %s (%s)", class_name(want),
                        class_name(got.cls), ctx_text(sem, context));
    diag_help(sem->diags, g, want == TC_BOOL ? "write a condition, e.g. col = value" : "check the operand types");
}

static TInfo infer_logic(Sem *sem, const Expr *e, const Scope *sc)
{
    require_class(sem, e->u.op.left, infer(sem, e->u.op.left, sc), TC_BOOL, sc->context);
    if (e->u.op.right)
        require_class(sem, e->u.op.right, infer(sem, e->u.op.right, sc), TC_BOOL, sc->context);
    return info(TC_BOOL);
}

static bool temporal(TClass c)
{
    return c == TC_DATE || c == TC_TIMESTAMP || c == TC_TIME || c == TC_INTERVAL;
}

static TInfo infer_arith(Sem *sem, const Expr *e, const Scope *sc)
{
    TInfo l = infer(sem, e->u.op.left, sc), r = infer(sem, e->u.op.right, sc);
    if (temporal(l.cls) || temporal(r.cls))
        return info(temporal(l.cls) ? l.cls : r.cls);
    require_class(sem, e->u.op.left, l, TC_NUMBER, sc->context);
    require_class(sem, e->u.op.right, r, TC_NUMBER, sc->context);
    return info(TC_NUMBER);
}

static TInfo infer_binary(Sem *sem, const Expr *e, const Scope *sc)
{
    switch (e->u.op.op) {
    case OP_OR: case OP_AND:
        return infer_logic(sem, e, sc);
    case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE:
        return infer_compare(sem, e, e->u.op.left, e->u.op.right, sc);
    case OP_CONCAT:
        infer(sem, e->u.op.left, sc);
        infer(sem, e->u.op.right, sc);
        return info(TC_TEXT);
    case OP_ADD: case OP_SUB: case OP_MUL: case OP_DIV: case OP_MOD:
        return infer_arith(sem, e, sc);
    case OP_NOT: case OP_NEG:
        break;
    }
    return info(TC_UNKNOWN);
}

/* The class of what a portable function gives; TC_UNKNOWN: the class of
 * its first argument. */
static TClass function_class(const PortableFn *fn)
{
    switch (fn->result) {
    case FN_TIMESTAMP: return TC_TIMESTAMP;
    case FN_DATE: return TC_DATE;
    case FN_TIME: return TC_TIME;
    case FN_TEXT: return TC_TEXT;
    case FN_UUID: return TC_UUID;
    case FN_INTEGER: case FN_NUMBER: return TC_NUMBER;
    case FN_ARGUMENT: return TC_UNKNOWN;
    }
    return TC_UNKNOWN;
}

static void report_unknown_function(Sem *sem, const Expr *e)
{
    if (sem->quiet)
        return;
    const char *name = e->u.call.name.name;
    if (sem->linter) {
        lint_report(sem->linter, R_NON_PORTABLE_FUNCTION, sem->op, e->u.call.name.span,
                    "function %s() is not one migc maps for every dialect", name);
        return;
    }
    Diag *g = diag_warning(sem->diags, e->u.call.name.span, "non-portable-function",
                           "function %s() is not one migc maps for every dialect", name);
    diag_help(sem->diags, g, "it is passed through as written; make sure every target dialect has it");
}

static TInfo infer_call(Sem *sem, const Expr *e, const Scope *sc)
{
    const PortableFn *fn = portable_function(e->u.call.name.name);
    TInfo first = info(TC_UNKNOWN);
    for (uint32_t i = 0; i < e->u.call.args.len; i++) {
        TInfo a = infer(sem, e->u.call.args.items[i], sc);
        if (i == 0)
            first = a.cls == TC_STRLIT ? info(TC_TEXT) : a;
    }
    if (!fn) {
        report_unknown_function(sem, e);
        return info(TC_UNKNOWN);
    }
    uint32_t n = e->u.call.args.len;
    if ((int)n < fn->min_args || (int)n > fn->max_args) {
        Diag *g = sem_flaw(sem, e->span, "wrong-arguments", "%s() takes %d%s argument%s, not %u", fn->name,
                            fn->min_args, fn->max_args > fn->min_args ? " or more" : "",
                            fn->max_args == 1 ? "" : "s", n);
        diag_help(sem->diags, g, "check the call");
    }
    TClass result = function_class(fn);
    return result == TC_UNKNOWN ? first : info(result);
}

static TInfo infer_column(Sem *sem, const Expr *e, const Scope *sc)
{
    if (!sc->table) {
        Diag *g = sem_flaw(sem, e->span, "column-not-allowed", "column '%s' cannot be used here (%s)",
                            e->u.column.name, ctx_text(sem, sc->context));
        diag_help(sem->diags, g, "a default must be a constant or a function call; string values go in single quotes");
        return info(TC_UNKNOWN);
    }
    ColumnDef *c = need_column(sem, (MTable *)sc->table, e->u.column);
    if (!c)
        return info(TC_UNKNOWN);
    TInfo i = info(class_of_type(&c->type));
    i.type = &c->type;
    return i;
}

static TInfo infer_predicate_forms(Sem *sem, const Expr *e, const Scope *sc)
{
    if (e->kind == EX_IS_NULL) {
        infer(sem, e->u.is_null.operand, sc);
        return info(TC_BOOL);
    }
    if (e->kind == EX_IN) {
        for (uint32_t i = 0; i < e->u.in.list.len; i++)
            infer_compare(sem, e->u.in.list.items[i], e->u.in.operand, e->u.in.list.items[i], sc);
        return info(TC_BOOL);
    }
    if (e->kind == EX_BETWEEN) {
        infer_compare(sem, e, e->u.between.operand, e->u.between.low, sc);
        infer_compare(sem, e, e->u.between.operand, e->u.between.high, sc);
        return info(TC_BOOL);
    }
    TInfo l = infer(sem, e->u.like.operand, sc), r = infer(sem, e->u.like.pattern, sc);
    require_class(sem, e->u.like.operand, l, TC_TEXT, sc->context);
    require_class(sem, e->u.like.pattern, r, TC_TEXT, sc->context);
    return info(TC_BOOL);
}

static TInfo infer(Sem *sem, const Expr *e, const Scope *sc)
{
    TInfo lit = {TC_STRLIT, NULL, e};
    switch (e->kind) {
    case EX_NULL:
        return info(TC_NULL);
    case EX_BOOL:
        return info(TC_BOOL);
    case EX_INT:
    case EX_DEC:
        return info(TC_NUMBER);
    case EX_STRING:
        return lit;
    case EX_COLUMN:
        return infer_column(sem, e, sc);
    case EX_UNARY:
        if (e->u.op.op == OP_NOT)
            return infer_logic(sem, e, sc);
        require_class(sem, e->u.op.left, infer(sem, e->u.op.left, sc), TC_NUMBER, sc->context);
        return info(TC_NUMBER);
    case EX_BINARY:
        return infer_binary(sem, e, sc);
    case EX_IS_NULL: case EX_IN: case EX_BETWEEN: case EX_LIKE:
        return infer_predicate_forms(sem, e, sc);
    case EX_CALL:
        return infer_call(sem, e, sc);
    case EX_CAST: {
        infer(sem, e->u.cast.operand, sc);
        check_type(sem, (Type *)&e->u.cast.type);
        TInfo i = info(class_of_type(&e->u.cast.type));
        i.type = &e->u.cast.type;
        return i;
    }
    }
    return info(TC_UNKNOWN);
}

/* ========================================================== entry points */

/* Runs a check and tells whether it reported anything, keeping the
 * operation's own flags. */
typedef struct Probe {
    bool failed, flawed;
} Probe;

static Probe probe_begin(Sem *sem)
{
    Probe p = {sem->op_failed, sem->op_flawed};
    sem->op_failed = sem->op_flawed = false;
    return p;
}

static bool probe_end(Sem *sem, Probe p)
{
    bool clean = !sem->op_failed && !sem->op_flawed;
    /* inside an expression an unknown column is a flaw: the operation's structure stands */
    sem->op_flawed |= p.flawed || sem->op_failed;
    sem->op_failed = p.failed;
    return clean;
}

bool check_predicate(Sem *sem, const Expr *e, const MTable *t, Context *context)
{
    Probe p = probe_begin(sem);
    Scope sc = {t, context};
    TInfo i = infer(sem, e, &sc);
    if (!sem->op_failed && !sem->op_flawed)
        require_class(sem, e, i, TC_BOOL, context);
    return probe_end(sem, p);
}

/* Timestamps convert to dates and times on assignment in every engine. */
static bool assignable(TClass from, TClass to)
{
    if (from == to || from == TC_UNKNOWN || from == TC_NULL)
        return true;
    if (from == TC_TIMESTAMP && (to == TC_DATE || to == TC_TIME))
        return true;
    return from == TC_DATE && to == TC_TIMESTAMP;
}

bool check_value(Sem *sem, const Expr *value, const Type *target, const MTable *t, Context *context)
{
    Probe p = probe_begin(sem);
    Scope sc = {t, context};
    TInfo v = infer(sem, value, &sc);
    TClass want = class_of_type(target);
    if (sem->op_failed || sem->op_flawed) {
        /* reported inside */
    } else if (v.cls == TC_STRLIT) {
        check_string_literal(sem, value, target, context);
    } else if (!assignable(v.cls, want)) {
        Diag *g = sem_flaw(sem, value->span, "type-mismatch", "%s does not fit type %s (%s)", class_name(v.cls),
                            type_to_string(sem->arena, target), ctx_text(sem, context));
        diag_help(sem->diags, g, "give a value of the column's type, or convert it with cast(x as %s)",
                  type_to_string(sem->arena, target));
    } else if (v.cls == TC_ENUM && v.type && v.type->enum_name.name != target->enum_name.name) {
        Diag *g = sem_flaw(sem, value->span, "type-mismatch", "a label of enum %s does not fit enum %s (%s)",
                            v.type->enum_name.name, target->enum_name.name, ctx_text(sem, context));
        diag_help(sem->diags, g, "convert it with cast(x as %s)", target->enum_name.name);
    } else if (value->kind == EX_INT && int_rank(target->kind)) {
        check_int_range(sem, value, target, context);
    } else if ((value->kind == EX_INT || value->kind == EX_DEC) && target->kind == TY_NUMERIC) {
        check_numeric_range(sem, value, target, context);
    } else if (value->kind == EX_DEC && is_integer_type(target)) {
        Diag *g = sem_flaw(sem, value->span, "type-mismatch", "%s is not an integer (%s)", value->u.text, ctx_text(sem, context));
        diag_help(sem->diags, g, "write a whole number, or use numeric");
    }
    return probe_end(sem, p);
}

bool check_column_def(Sem *sem, const MTable *t, ColumnDef *c)
{
    bool ok = check_name(sem, c->name) && check_type(sem, &c->type);
    if (c->identity && !is_integer_type(&c->type)) {
        Diag *g = sem_flaw(sem, c->span, "bad-identity", "identity column %s.%s has type %s", t ? t->name : "?",
                            c->name.name, type_to_string(sem->arena, &c->type));
        diag_help(sem->diags, g, "identity needs smallint, integer or bigint");
        ok = false;
    }
    if (c->identity && c->default_value) {
        Diag *g = sem_flaw(sem, c->default_value->span, "bad-identity", "identity column %s.%s also has a default",
                            t ? t->name : "?", c->name.name);
        diag_help(sem->diags, g, "identity generates the values; remove the default");
        ok = false;
    }
    if (c->default_value && c->not_null && c->default_value->kind == EX_NULL) {
        Diag *g = sem_flaw(sem, c->default_value->span, "type-mismatch", "a not null column cannot default to null");
        diag_help(sem->diags, g, "give a non-null default or drop the default");
        ok = false;
    }
    if (ok && c->default_value && c->default_value->kind == EX_NULL)
        c->default_value = NULL; /* `default null` is no default: what the engines' catalogs say */
    if (ok && c->default_value)
        ok = check_value(sem, c->default_value, &c->type, NULL, CONTEXT("default of", t ? t->name : "?", c->name.name));
    return ok;
}

/* ===================================================== column renaming */

static bool is_column_named(const Expr *e, const void *column)
{
    return e->kind == EX_COLUMN && strcasecmp(e->u.column.name, column) == 0;
}

bool expr_uses_column(const Expr *e, const char *column)
{
    return expr_any(e, is_column_named, column);
}

static ExprList rename_list(Arena *a, ExprList l, const char *from, const char *to)
{
    ExprList out = {ARENA_ARRAY(a, Expr *, l.len ? l.len : 1), l.len};
    for (uint32_t i = 0; i < l.len; i++)
        out.items[i] = expr_rename_column(a, l.items[i], from, to);
    return out;
}

/* A copy of `e` with column `from` named `to`; `e` itself when unaffected,
 * so unchanged expressions stay shared between schema versions. */
Expr *expr_rename_column(Arena *a, Expr *e, const char *from, const char *to)
{
    if (!e || !expr_uses_column(e, from))
        return e;
    Expr *c = ARENA_NEW(a, Expr);
    *c = *e;
    switch (e->kind) {
    case EX_NULL: case EX_BOOL: case EX_INT: case EX_DEC: case EX_STRING:
        break;
    case EX_COLUMN:
        c->u.column.name = to;
        break;
    case EX_UNARY: case EX_BINARY:
        c->u.op.left = expr_rename_column(a, e->u.op.left, from, to);
        c->u.op.right = expr_rename_column(a, e->u.op.right, from, to);
        break;
    case EX_IS_NULL:
        c->u.is_null.operand = expr_rename_column(a, e->u.is_null.operand, from, to);
        break;
    case EX_IN:
        c->u.in.operand = expr_rename_column(a, e->u.in.operand, from, to);
        c->u.in.list = rename_list(a, e->u.in.list, from, to);
        break;
    case EX_BETWEEN:
        c->u.between.operand = expr_rename_column(a, e->u.between.operand, from, to);
        c->u.between.low = expr_rename_column(a, e->u.between.low, from, to);
        c->u.between.high = expr_rename_column(a, e->u.between.high, from, to);
        break;
    case EX_LIKE:
        c->u.like.operand = expr_rename_column(a, e->u.like.operand, from, to);
        c->u.like.pattern = expr_rename_column(a, e->u.like.pattern, from, to);
        break;
    case EX_CALL:
        c->u.call.args = rename_list(a, e->u.call.args, from, to);
        break;
    case EX_CAST:
        c->u.cast.operand = expr_rename_column(a, e->u.cast.operand, from, to);
        break;
    }
    return c;
}
