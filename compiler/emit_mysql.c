/* emit_mysql.c: skeleton; replaced by the full emitter. */
#include <string.h>

#include "emit.h"

static void mysql_quote_ident(Buf *b, const char *name)
{
    quote_with(b, name, '`');
}

static void mysql_type(Emit *e, const Type *t, const ColumnDef *c)
{
    (void)c;
    emit_raw(e, type_kind_name(t->kind));
}

static void mysql_cast_type(Emit *e, const Type *t)
{
    mysql_type(e, t, NULL);
}

static bool mysql_call(Emit *e, const Expr *x)
{
    (void)e;
    (void)x;
    return false;
}

static void mysql_boolean(Emit *e, bool v)
{
    emit_raw(e, v ? "TRUE" : "FALSE");
}

static void mysql_default(Emit *e, const Expr *v, const ColumnDef *c)
{
    (void)c;
    emit_expr(e, v);
}

static void mysql_unsupported(Emit *e, const Op *op)
{
    emit_unsupported(e, op->span, "%s is not implemented yet", op_kind_name(op->kind));
}

bool mysql_is_reserved(const char *name)
{
    (void)name;
    return true;
}
const Dialect dialect_mysql = {
    .id = DIALECT_MYSQL,
    .name = "mysql",
    .mask = DIALECT_MASK_MYSQL,
    .transactional_ddl = false,
    .quote_ident = mysql_quote_ident,
    .quote_literal = literal_standard,
    .column_type = mysql_type,
    .cast_type = mysql_cast_type,
    .call = mysql_call,
    .concat = emit_concat_infix,
    .boolean = mysql_boolean,
    .default_value = mysql_default,
    .ops = {
        [OPK_CREATE_TABLE] = mysql_unsupported, [OPK_DROP_TABLE] = mysql_unsupported,
        [OPK_RENAME_TABLE] = mysql_unsupported, [OPK_ADD_COLUMN] = mysql_unsupported,
        [OPK_DROP_COLUMN] = mysql_unsupported, [OPK_RENAME_COLUMN] = mysql_unsupported,
        [OPK_ALTER_TYPE] = mysql_unsupported, [OPK_SET_NOT_NULL] = mysql_unsupported,
        [OPK_DROP_NOT_NULL] = mysql_unsupported, [OPK_SET_DEFAULT] = mysql_unsupported,
        [OPK_DROP_DEFAULT] = mysql_unsupported, [OPK_CREATE_INDEX] = mysql_unsupported,
        [OPK_DROP_INDEX] = mysql_unsupported, [OPK_RENAME_INDEX] = mysql_unsupported,
        [OPK_ADD_CONSTRAINT] = mysql_unsupported, [OPK_DROP_CONSTRAINT] = mysql_unsupported,
        [OPK_VALIDATE_CONSTRAINT] = mysql_unsupported, [OPK_CREATE_ENUM] = mysql_unsupported,
        [OPK_ADD_ENUM_VALUE] = mysql_unsupported, [OPK_DROP_ENUM_VALUE] = mysql_unsupported,
        [OPK_DROP_ENUM] = mysql_unsupported, [OPK_DATA_UPDATE] = mysql_unsupported,
        [OPK_DATA_INSERT] = mysql_unsupported, [OPK_DATA_DELETE] = mysql_unsupported,
        [OPK_EXECUTE] = mysql_unsupported,
    },
};
