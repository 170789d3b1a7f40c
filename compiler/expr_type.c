/* expr_type.c: the kind of value an expression gives (see expr_type.h). */
#include <string.h>

#include "expr_type.h"

ValueKind kind_of_type(const Type *t)
{
    switch (t->kind) {
    case TY_SMALLINT: case TY_INTEGER: case TY_BIGINT: return VK_INT;
    case TY_NUMERIC: return VK_FRAC;
    case TY_REAL: case TY_DOUBLE: return VK_DOUBLE;
    case TY_BOOLEAN: return VK_BOOL;
    case TY_TEXT: case TY_VARCHAR: case TY_CHAR: case TY_ENUM: case TY_UUID: return VK_TEXT;
    case TY_DATE: return VK_DATE;
    case TY_TIME: return VK_TIME;
    case TY_TIMESTAMP: case TY_TIMESTAMPTZ: return VK_TIMESTAMP;
    case TY_INTERVAL: case TY_JSON: case TY_JSONB: case TY_BYTES: return VK_OTHER;
    case TY__COUNT: break;
    }
    return VK_UNKNOWN;
}

/* Numbers meeting numbers: double wins, then numeric; null takes the
 * other side's kind. */
static ValueKind arith(ValueKind l, ValueKind r)
{
    if (l == VK_NULL)
        return r;
    if (r == VK_NULL)
        return l;
    if (l == VK_DOUBLE || r == VK_DOUBLE)
        return (l == VK_INT || l == VK_FRAC || l == VK_DOUBLE) && (r == VK_INT || r == VK_FRAC || r == VK_DOUBLE)
                   ? VK_DOUBLE
                   : VK_UNKNOWN;
    if ((l == VK_FRAC || l == VK_INT) && (r == VK_FRAC || r == VK_INT))
        return l == VK_INT && r == VK_INT ? VK_INT : VK_FRAC;
    return VK_UNKNOWN;
}

static ValueKind binary_kind(const Expr *e, const MTable *scope)
{
    ValueKind l = value_kind(e->u.op.left, scope), r = value_kind(e->u.op.right, scope);
    switch (e->u.op.op) {
    case OP_OR: case OP_AND: case OP_NOT: case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE:
        return VK_BOOL;
    case OP_CONCAT:
        return VK_TEXT;
    case OP_ADD: case OP_SUB:
        if (l == VK_DATE && r == VK_INT)
            return VK_DATE; /* date + n days */
        return arith(l, r);
    case OP_MUL: case OP_DIV: case OP_MOD:
        return arith(l, r);
    case OP_NEG:
        return l;
    }
    return VK_UNKNOWN;
}

/* The first argument that is not a literal null decides (coalesce,
 * greatest, round ...), widened by later numbers. */
static ValueKind first_argument(const Expr *e, const MTable *scope)
{
    ValueKind k = VK_NULL;
    for (uint32_t i = 0; i < e->u.call.args.len; i++) {
        ValueKind a = value_kind(e->u.call.args.items[i], scope), both = arith(k, a);
        if (both != VK_UNKNOWN)
            k = both; /* numbers widen; anything else keeps the first kind */
    }
    return k;
}

static ValueKind call_kind(const Expr *e, const MTable *scope)
{
    const PortableFn *fn = portable_function(e->u.call.name.name);
    if (!fn)
        return VK_UNKNOWN;
    switch (fn->result) {
    case FN_TIMESTAMP: return VK_TIMESTAMP;
    case FN_DATE: return VK_DATE;
    case FN_TIME: return VK_TIME;
    case FN_TEXT: case FN_UUID: return VK_TEXT;
    case FN_INTEGER: return VK_INT;
    case FN_NUMBER: case FN_ARGUMENT: return first_argument(e, scope);
    }
    return VK_UNKNOWN;
}

ValueKind value_kind(const Expr *e, const MTable *scope)
{
    if (!e)
        return VK_UNKNOWN;
    switch (e->kind) {
    case EX_NULL: return VK_NULL;
    case EX_BOOL: return VK_BOOL;
    case EX_INT: return VK_INT;
    case EX_DEC: return VK_FRAC;
    case EX_STRING: return VK_TEXT;
    case EX_COLUMN: {
        const Type *t = value_type(e, scope);
        return t ? kind_of_type(t) : VK_UNKNOWN;
    }
    case EX_UNARY: return e->u.op.op == OP_NOT ? VK_BOOL : value_kind(e->u.op.left, scope);
    case EX_BINARY: return binary_kind(e, scope);
    case EX_IS_NULL: case EX_IN: case EX_BETWEEN: case EX_LIKE: return VK_BOOL;
    case EX_CALL: return call_kind(e, scope);
    case EX_CAST: return kind_of_type(&e->u.cast.type);
    }
    return VK_UNKNOWN;
}

const Type *value_type(const Expr *e, const MTable *scope)
{
    if (e && e->kind == EX_CAST)
        return &e->u.cast.type;
    if (!e || e->kind != EX_COLUMN || !scope)
        return NULL;
    const ColumnDef *c = table_column(scope, e->u.column.name);
    return c ? &c->type : NULL;
}
