/* emit_sqlite.c: skeleton; replaced by the full emitter. */
#include <string.h>

#include "emit.h"

static void sqlite_quote_ident(Buf *b, const char *name)
{
    quote_with(b, name, '"');
}

static void sqlite_type(Emit *e, const Type *t, const ColumnDef *c)
{
    (void)c;
    emit_raw(e, type_kind_name(t->kind));
}

static void sqlite_cast_type(Emit *e, const Type *t)
{
    sqlite_type(e, t, NULL);
}

static bool sqlite_call(Emit *e, const Expr *x)
{
    (void)e;
    (void)x;
    return false;
}

static void sqlite_boolean(Emit *e, bool v)
{
    emit_raw(e, v ? "TRUE" : "FALSE");
}

static void sqlite_default(Emit *e, const Expr *v, const ColumnDef *c)
{
    (void)c;
    emit_expr(e, v);
}

static void sqlite_unsupported(Emit *e, const Op *op)
{
    emit_unsupported(e, op->span, "%s is not implemented yet", op_kind_name(op->kind));
}


const Dialect dialect_sqlite = {
    .id = DIALECT_SQLITE,
    .name = "sqlite",
    .mask = DIALECT_MASK_SQLITE,
    .transactional_ddl = true,
    .quote_ident = sqlite_quote_ident,
    .quote_literal = literal_standard,
    .column_type = sqlite_type,
    .cast_type = sqlite_cast_type,
    .call = sqlite_call,
    .concat = emit_concat_infix,
    .boolean = sqlite_boolean,
    .default_value = sqlite_default,
    .ops = {
        [OPK_CREATE_TABLE] = sqlite_unsupported, [OPK_DROP_TABLE] = sqlite_unsupported,
        [OPK_RENAME_TABLE] = sqlite_unsupported, [OPK_ADD_COLUMN] = sqlite_unsupported,
        [OPK_DROP_COLUMN] = sqlite_unsupported, [OPK_RENAME_COLUMN] = sqlite_unsupported,
        [OPK_ALTER_TYPE] = sqlite_unsupported, [OPK_SET_NOT_NULL] = sqlite_unsupported,
        [OPK_DROP_NOT_NULL] = sqlite_unsupported, [OPK_SET_DEFAULT] = sqlite_unsupported,
        [OPK_DROP_DEFAULT] = sqlite_unsupported, [OPK_CREATE_INDEX] = sqlite_unsupported,
        [OPK_DROP_INDEX] = sqlite_unsupported, [OPK_RENAME_INDEX] = sqlite_unsupported,
        [OPK_ADD_CONSTRAINT] = sqlite_unsupported, [OPK_DROP_CONSTRAINT] = sqlite_unsupported,
        [OPK_VALIDATE_CONSTRAINT] = sqlite_unsupported, [OPK_CREATE_ENUM] = sqlite_unsupported,
        [OPK_ADD_ENUM_VALUE] = sqlite_unsupported, [OPK_DROP_ENUM_VALUE] = sqlite_unsupported,
        [OPK_DROP_ENUM] = sqlite_unsupported, [OPK_DATA_UPDATE] = sqlite_unsupported,
        [OPK_DATA_INSERT] = sqlite_unsupported, [OPK_DATA_DELETE] = sqlite_unsupported,
        [OPK_EXECUTE] = sqlite_unsupported,
    },
};
