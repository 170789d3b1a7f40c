/* ir.h: the dialect-free intermediate representation of migrations.
 *
 * The parser builds one Migration per file; the model phase fills in what
 * the source leaves implicit (generated constraint names, the table an
 * index belongs to) and derives downgrades as ordinary Op lists.  Every
 * node keeps the span it came from, so any later phase can point at it.
 * Nothing here knows a SQL dialect. */
#ifndef MIGC_IR_H
#define MIGC_IR_H

#include "diag.h"

typedef struct Migration Migration;

/* ===================================================================== names */

/* An interned name (pointer-comparable) and where it was written. */
typedef struct Ident {
    const char *name;
    Span span;
} Ident;

typedef struct IdentList {
    Ident *items;
    uint32_t len;
} IdentList;

/* ===================================================================== types */

#define TYPE_KINDS(X)                                                                              \
    X(TY_SMALLINT, "smallint")                                                                     \
    X(TY_INTEGER, "integer")                                                                       \
    X(TY_BIGINT, "bigint")                                                                         \
    X(TY_BOOLEAN, "boolean")                                                                       \
    X(TY_REAL, "real")                                                                             \
    X(TY_DOUBLE, "double")                                                                         \
    X(TY_NUMERIC, "numeric")                                                                       \
    X(TY_TEXT, "text")                                                                             \
    X(TY_VARCHAR, "varchar")                                                                       \
    X(TY_CHAR, "char")                                                                             \
    X(TY_DATE, "date")                                                                             \
    X(TY_TIME, "time")                                                                             \
    X(TY_TIMESTAMP, "timestamp")                                                                   \
    X(TY_TIMESTAMPTZ, "timestamptz")                                                               \
    X(TY_INTERVAL, "interval")                                                                     \
    X(TY_UUID, "uuid")                                                                             \
    X(TY_JSON, "json")                                                                             \
    X(TY_JSONB, "jsonb")                                                                           \
    X(TY_BYTES, "bytes")                                                                           \
    X(TY_ENUM, "enum")

typedef enum TypeKind {
#define X(k, s) k,
    TYPE_KINDS(X)
#undef X
        TY__COUNT
} TypeKind;

typedef struct Type {
    TypeKind kind;
    int32_t precision; /* varchar(n), char(n), numeric(p): -1 when not given */
    int32_t scale;     /* numeric(p,s): -1 when not given */
    Ident enum_name;   /* TY_ENUM: the enum type's name */
    Span span;
} Type;

const char *type_kind_name(TypeKind k);
/* The portable spelling, e.g. "varchar(255)", "numeric(10,2)", "user_status". */
const char *type_to_string(Arena *a, const Type *t);
bool type_equal(const Type *a, const Type *b);

/* How a column's values become another type without a `using` expression:
 * a cast, a cast through text or integer, or not at all. */
typedef enum TypeConversion { CONV_NONE, CONV_DIRECT, CONV_VIA_TEXT, CONV_VIA_INTEGER } TypeConversion;
TypeConversion type_conversion(const Type *from, const Type *to);

/* =============================================================== expressions */

#define EXPR_KINDS(X)                                                                              \
    X(EX_NULL, "null")                                                                             \
    X(EX_BOOL, "bool")                                                                             \
    X(EX_INT, "int")                                                                               \
    X(EX_DEC, "dec")                                                                               \
    X(EX_STRING, "str")                                                                            \
    X(EX_COLUMN, "col")                                                                            \
    X(EX_UNARY, "unary")                                                                           \
    X(EX_BINARY, "binary")                                                                         \
    X(EX_IS_NULL, "is-null")                                                                       \
    X(EX_IN, "in")                                                                                 \
    X(EX_BETWEEN, "between")                                                                       \
    X(EX_LIKE, "like")                                                                             \
    X(EX_CALL, "call")                                                                             \
    X(EX_CAST, "cast")

typedef enum ExprKind {
#define X(k, s) k,
    EXPR_KINDS(X)
#undef X
} ExprKind;

/* Binary and unary operators, with the SQL they stand for. */
#define OPERATORS(X)                                                                               \
    X(OP_OR, "or")                                                                                 \
    X(OP_AND, "and")                                                                               \
    X(OP_NOT, "not")                                                                               \
    X(OP_EQ, "=")                                                                                  \
    X(OP_NE, "<>")                                                                                 \
    X(OP_LT, "<")                                                                                  \
    X(OP_LE, "<=")                                                                                 \
    X(OP_GT, ">")                                                                                  \
    X(OP_GE, ">=")                                                                                 \
    X(OP_CONCAT, "||")                                                                             \
    X(OP_ADD, "+")                                                                                 \
    X(OP_SUB, "-")                                                                                 \
    X(OP_MUL, "*")                                                                                 \
    X(OP_DIV, "/")                                                                                 \
    X(OP_MOD, "%")                                                                                 \
    X(OP_NEG, "-")

typedef enum Operator {
#define X(k, s) k,
    OPERATORS(X)
#undef X
} Operator;

const char *operator_sql(Operator op);

typedef struct Expr Expr;

typedef struct ExprList {
    Expr **items;
    uint32_t len;
} ExprList;

struct Expr {
    ExprKind kind;
    Span span;
    union {
        bool boolean;     /* EX_BOOL */
        const char *text; /* EX_INT, EX_DEC: digits as written; EX_STRING: the value */
        Ident column;     /* EX_COLUMN */
        struct {
            Operator op;
            Expr *left, *right; /* right is NULL for unary */
        } op;
        struct {
            Expr *operand;
            bool negated;
        } is_null;
        struct {
            Expr *operand;
            ExprList list;
            bool negated;
        } in;
        struct {
            Expr *operand, *low, *high;
            bool negated;
        } between;
        struct {
            Expr *operand, *pattern;
            bool negated;
        } like;
        struct {
            Ident name; /* function name as written; niladic SQL words too */
            ExprList args;
            bool niladic; /* current_date and friends: no parentheses */
        } call;
        struct {
            Expr *operand;
            Type type;
        } cast;
    } u;
};

const char *expr_kind_name(ExprKind k);
bool expr_equal(const Expr *a, const Expr *b);
/* Whether `pred` holds for `e` or any expression inside it. */
typedef bool (*ExprPred)(const Expr *e, const void *ctx);
bool expr_any(const Expr *e, ExprPred pred, const void *ctx);

/* The portable functions (DESIGN.md section 2): every emitter maps each of
 * them; any other name passes through with a portability warning.  What
 * one gives is said once here, for the checks and for the emitters. */
typedef enum FnResult {
    FN_TIMESTAMP,
    FN_DATE,
    FN_TIME,
    FN_TEXT,
    FN_UUID,
    FN_INTEGER,  /* length */
    FN_NUMBER,   /* abs, round, mod ...: a number of its arguments' kind */
    FN_ARGUMENT, /* coalesce, nullif, greatest, least: what its arguments are */
} FnResult;

typedef struct PortableFn {
    const char *name;
    FnResult result;
    int min_args, max_args;
} PortableFn;

/* NULL when `name` is no portable function. */
const PortableFn *portable_function(const char *name);

/* =============================================================== constraints */

#define FK_ACTIONS(X)                                                                              \
    X(FK_NONE, "")                                                                                 \
    X(FK_NO_ACTION, "no action")                                                                   \
    X(FK_RESTRICT, "restrict")                                                                     \
    X(FK_CASCADE, "cascade")                                                                       \
    X(FK_SET_NULL, "set null")                                                                     \
    X(FK_SET_DEFAULT, "set default")

typedef enum FkAction {
#define X(k, s) k,
    FK_ACTIONS(X)
#undef X
} FkAction;

const char *fk_action_name(FkAction a);

#define CONSTRAINT_KINDS(X)                                                                        \
    X(CON_PRIMARY_KEY, "primary key")                                                              \
    X(CON_UNIQUE, "unique")                                                                        \
    X(CON_CHECK, "check")                                                                          \
    X(CON_FOREIGN_KEY, "foreign key")

typedef enum ConstraintKind {
#define X(k, s) k,
    CONSTRAINT_KINDS(X)
#undef X
} ConstraintKind;

const char *constraint_kind_name(ConstraintKind k);

typedef struct Constraint {
    ConstraintKind kind;
    Ident name;          /* name.name NULL until the naming convention runs */
    bool name_generated; /* named by the convention, not by the author */
    Ident table;         /* owning table */
    IdentList columns;   /* PK, UNIQUE, FK: the constrained columns */
    Expr *check;         /* CHECK */
    Ident ref_table;     /* FK */
    IdentList ref_columns; /* FK: empty until resolved to the target's key */
    FkAction on_delete, on_update;
    bool not_valid;      /* added NOT VALID (PostgreSQL): validated later */
    bool from_column;    /* written as a column attribute */
    const Migration *origin; /* set by the model: the migration that added it */
    uint32_t seq;            /* set with origin: keys and foreign keys in the order they were made */
    Span span;
} Constraint;

typedef struct ConstraintList {
    Constraint **items;
    uint32_t len;
} ConstraintList;

/* =================================================================== columns */

typedef struct ColumnDef {
    Ident name;
    Type type;
    bool not_null;
    bool identity;
    Expr *default_value; /* NULL: none */
    const Migration *origin; /* set by the model once: the migration that added it
                              * (a derived downgrade re-adding it keeps it) */
    Span span;
} ColumnDef;

/* ====================================================================== index */

typedef struct IndexDef {
    Ident name;          /* name.name NULL until the naming convention runs */
    bool name_generated;
    Ident table;         /* NULL name in drop_index/rename_index until resolved */
    IdentList columns;
    bool unique;
    Expr *where;         /* partial index predicate, or NULL */
    const Migration *origin; /* set by the model: the migration that created it */
    uint32_t seq;            /* set with origin, counted with the constraints' */
    Span span;
} IndexDef;

/* ================================================================ operations */

#define OP_KINDS(X)                                                                                \
    X(OPK_CREATE_TABLE, "create_table")                                                            \
    X(OPK_DROP_TABLE, "drop_table")                                                                \
    X(OPK_RENAME_TABLE, "rename_table")                                                            \
    X(OPK_ADD_COLUMN, "add_column")                                                                \
    X(OPK_DROP_COLUMN, "drop_column")                                                              \
    X(OPK_RENAME_COLUMN, "rename_column")                                                          \
    X(OPK_ALTER_TYPE, "alter_column type")                                                         \
    X(OPK_SET_NOT_NULL, "alter_column set not null")                                               \
    X(OPK_DROP_NOT_NULL, "alter_column drop not null")                                             \
    X(OPK_SET_DEFAULT, "alter_column set default")                                                 \
    X(OPK_DROP_DEFAULT, "alter_column drop default")                                               \
    X(OPK_CREATE_INDEX, "create_index")                                                            \
    X(OPK_DROP_INDEX, "drop_index")                                                                \
    X(OPK_RENAME_INDEX, "rename_index")                                                            \
    X(OPK_ADD_CONSTRAINT, "add_constraint")                                                        \
    X(OPK_DROP_CONSTRAINT, "drop_constraint")                                                      \
    X(OPK_VALIDATE_CONSTRAINT, "validate_constraint")                                              \
    X(OPK_CREATE_ENUM, "create_enum")                                                              \
    X(OPK_ADD_ENUM_VALUE, "alter_enum add value")                                                  \
    X(OPK_DROP_ENUM_VALUE, "alter_enum drop value")                                                \
    X(OPK_DROP_ENUM, "drop_enum")                                                                  \
    X(OPK_DATA_UPDATE, "data_update")                                                              \
    X(OPK_DATA_INSERT, "data_insert")                                                              \
    X(OPK_DATA_DELETE, "data_delete")                                                              \
    X(OPK_EXECUTE, "execute")

typedef enum OpKind {
#define X(k, s) k,
    OP_KINDS(X)
#undef X
        OPK__COUNT
} OpKind;

const char *op_kind_name(OpKind k);

/* Dialects an `execute` applies to; the IR names them only as a mask. */
enum { DIALECT_MASK_POSTGRESQL = 1, DIALECT_MASK_SQLITE = 2, DIALECT_MASK_MYSQL = 4, DIALECT_MASK_ALL = 7 };

typedef struct Assignment {
    Ident column;
    Expr *value;
} Assignment;

typedef struct AssignmentList {
    Assignment *items;
    uint32_t len;
} AssignmentList;

/* `reverse` of data_update and execute. */
typedef enum ReverseKind {
    REV_MISSING, /* no reverse clause: irreversible */
    REV_NONE,    /* `reverse none`: the author says the downgrade leaves it as is */
    REV_GIVEN,   /* a reverse clause */
} ReverseKind;

typedef struct Allow {
    Ident rule;
    const char *reason;
    Span span;
    bool used; /* set when it silences a finding */
} Allow;

typedef struct AllowList {
    Allow **items;
    uint32_t len;
} AllowList;

typedef struct Op Op;

struct Op {
    OpKind kind;
    Span span;    /* the whole operation, through the `;` */
    Span kw_span; /* the operation word */
    AllowList allows;
    bool derived;    /* made by the compiler (a derived downgrade step) */
    PtrVec findings; /* lint findings (struct Finding*), for bundle comments */
    union {
        struct {
            Ident table;
            ColumnDef **columns;
            uint32_t n_columns;
            ConstraintList constraints;
        } create_table;
        struct {
            Ident table;
        } drop_table;
        struct {
            Ident from, to;
        } rename_table;
        struct {
            Ident table;
            ColumnDef *column;
            ConstraintList constraints; /* written as column attributes */
        } add_column;
        struct {
            Ident table, column;
        } drop_column;
        struct {
            Ident table, from, to;
        } rename_column;
        struct {
            Ident table, column;
            Type type;
            Expr *using_expr; /* alter type: NULL if not given */
            Expr *value;      /* set default */
        } alter_column;
        struct {
            IndexDef *index;
            bool concurrently;
        } create_index;
        struct {
            Ident name;
            Ident table; /* resolved by the model */
            bool concurrently;
        } drop_index;
        struct {
            Ident from, to;
            Ident table; /* resolved by the model */
        } rename_index;
        struct {
            Constraint *constraint;
        } add_constraint;
        struct {
            Ident name;
            Ident table; /* resolved by the model */
        } drop_constraint; /* also validate_constraint */
        struct {
            Ident name;
            struct {
                const char **items;
                Span *spans;
                uint32_t len;
            } labels;
        } create_enum;
        struct {
            Ident name;
            const char *label;
            Span label_span;
            const char *anchor; /* before/after this label, or NULL */
            bool before;
        } enum_value; /* add value, drop value */
        struct {
            Ident name;
        } drop_enum;
        struct {
            Ident table;
            AssignmentList set;
            Expr *where;
            ReverseKind reverse;
            AssignmentList reverse_set;
            Expr *reverse_where;
            Span reverse_span;
        } data_update;
        struct {
            Ident table;
            IdentList columns;
            ExprList *rows;
            uint32_t n_rows;
        } data_insert;
        struct {
            Ident table;
            Expr *where;
        } data_delete;
        struct {
            unsigned dialects;  /* DIALECT_MASK_* */
            const char *sql;    /* body, verbatim */
            Span sql_span;      /* of the body bytes inside the dollar quotes */
            ReverseKind reverse;
            const char *reverse_sql;
            Span reverse_span;
        } execute;
    } u;
};

typedef struct OpList {
    Op **items;
    uint32_t len;
} OpList;

/* ================================================================ migration */

struct Migration {
    uint32_t file;
    const char *path;
    const char *message;
    Span message_span;
    Ident revision;
    IdentList revises; /* empty for a root */
    bool revises_none;
    Span revises_span;
    IdentList depends_on;
    Ident branch; /* label, or NULL name */
    bool transaction_none;
    Span transaction_span;
    OpList ops;
    bool has_downgrade;
    OpList downgrade;
    Span downgrade_span;
    bool parse_failed; /* errors were reported: later phases skip it */
};

/* Prints the stable text form used by `migc parse --dump-ir`. */
/* The table an operation works on, as it is named after it (a rename: the
 * new name); NULL for enums and execute.  drop_index, rename_index and
 * drop_constraint know it once the model resolved it. */
const char *op_table_name(const Op *op);

void ir_dump_migration(const Migration *m, const SourceMap *sm, Buf *out);
void ir_dump_op(const Op *op, const SourceMap *sm, Buf *out, int indent);
void ir_dump_expr(const Expr *e, Buf *out);

#endif
