/* emit.h: SQL emitters, one per dialect, each a table of per-operation
 * functions (emit_postgresql.c, emit_sqlite.c, emit_mysql.c).
 *
 * An emitter sees each operation right after the model applied it (see
 * replay.h): the model as it is now, and through the undo log as it was
 * before.  Derived downgrade steps are ordinary operations here.  Every name
 * goes through the dialect's quote_ident and every value through its
 * quote_literal; nothing is pasted into SQL unquoted. */
#ifndef MIGC_EMIT_H
#define MIGC_EMIT_H

#include "expr_type.h"
#include "replay.h"

typedef enum DialectId { DIALECT_POSTGRESQL, DIALECT_SQLITE, DIALECT_MYSQL, DIALECT__COUNT } DialectId;

/* One direction of one migration in one dialect. */
typedef struct SqlParts {
    Buf pre;  /* before the transaction (e.g. PRAGMA foreign_keys=OFF) */
    Buf body; /* the statements, with their comments */
    Buf tail; /* inside the transaction, after the body */
    Buf post; /* after the transaction */
    uint32_t statements;
    bool rebuilt;     /* a SQLite table rebuild happened */
} SqlParts;

typedef struct Emit Emit;
typedef void (*EmitOpFn)(Emit *e, const Op *op);

typedef struct Dialect {
    DialectId id;
    const char *name;
    unsigned mask; /* DIALECT_MASK_* */
    bool transactional_ddl;
    /* Statements every bundle and revision file opens with, so that the SQL
     * means the same whatever the server's defaults; NULL: none. */
    const char *session;
    void (*quote_ident)(Buf *b, const char *name);
    void (*quote_literal)(Buf *b, const char *s);
    /* The column type; `c` (may be NULL) and `t` give enum columns their labels. */
    void (*column_type)(Emit *e, const Type *type, const ColumnDef *c);
    void (*cast_type)(Emit *e, const Type *type);
    /* The text of a string literal cast to `to`, when the dialect must write
     * another one; NULL (or no hook): as written. */
    const char *(*cast_literal)(Emit *e, const char *text, const Type *to);
    /* Prints a call of a portable function; false: not mapped here. */
    bool (*call)(Emit *e, const Expr *call);
    void (*concat)(Emit *e, const Expr *l, const Expr *r);
    void (*boolean)(Emit *e, bool v);
    /* Prints `x` when the dialect writes it its own way, for the kinds of
     * its operands (expr_type.h: integer division, a boolean as text ...);
     * false: the common printing.  NULL: never. */
    bool (*expr)(Emit *e, const Expr *x);
    /* A column's default clause value (e.g. MySQL wants (expr)). */
    void (*default_value)(Emit *e, const Expr *v, const ColumnDef *c);
    EmitOpFn ops[OPK__COUNT];
} Dialect;

extern const Dialect dialect_postgresql;
extern const Dialect dialect_sqlite;
extern const Dialect dialect_mysql;

const Dialect *dialect_by_id(DialectId id);

/* Why SQLite rebuilds a table for the operation (NULL: it alters in
 * place); shared by the SQLite emitter and the sqlite-table-rebuild rule. */
const char *sqlite_rebuild_reason(const OpEvent *ev);
const Dialect *dialect_by_name(const char *name);

struct Emit {
    const Dialect *d;
    Arena *arena;
    Diags *diags;
    const Config *config;
    const OpEvent *ev; /* the operation being emitted */
    const MTable *scope; /* the table whose columns its expressions name, or NULL */
    SqlParts *out;
    Buf *buf; /* where emit_* write: out->body unless redirected */
};

/* ---- writing */
void emit_raw(Emit *e, const char *s);
void emit_printf(Emit *e, const char *fmt, ...) MIGC_PRINTF(2, 3);
void emit_ident(Emit *e, const char *name);
void emit_literal(Emit *e, const char *s);
void emit_expr(Emit *e, const Expr *x);
void emit_ident_list(Emit *e, IdentList l);
void emit_end(Emit *e); /* ";\n", counts a statement */
void emit_comment(Emit *e, const char *fmt, ...) MIGC_PRINTF(2, 3);
/* An execute block's SQL as written, trimmed; a missing final ';' is added
 * (on a line of its own after a trailing comment: `--`, and `#` too when
 * `hash_comments`, as MySQL reads it).  Counts a statement. */
void emit_raw_sql(Emit *e, const char *sql, bool hash_comments);
void emit_column_def(Emit *e, const ColumnDef *c);
void emit_constraint(Emit *e, const Constraint *c); /* CONSTRAINT n PRIMARY KEY (...) ... */
void emit_references(Emit *e, const Constraint *c);
void emit_index(Emit *e, const IndexDef *ix, bool concurrently);
void emit_insert_rows(Emit *e, const Op *op);
void emit_concat_infix(Emit *e, const Expr *l, const Expr *r);
/* `child` as an operand of `parent` (its right one when `right`), in
 * parentheses where precedence needs them. */
void emit_operand(Emit *e, const Expr *child, const Expr *parent, bool right);
/* Writers shared by the dialects that lack PostgreSQL's forms. */
void emit_bool_as_text(Emit *e, const Expr *x);      /* CASE ... 'true' / 'false' END */
void emit_text_as_bool(Emit *e, const Expr *x);      /* PostgreSQL's spellings of true and false */
void emit_text_literal_as_bool(Emit *e, const char *text); /* the same, decided now; NULL for neither */
void emit_null_skipping(Emit *e, const char *fn, ExprList args); /* greatest/least as PostgreSQL's */
/* substr(s, p[, n]) where PostgreSQL counts a start below 1 as positions
 * before the string; `greatest`: the dialect's two-argument maximum. */
void emit_substr_from_one(Emit *e, const char *fn, const char *greatest, ExprList args);
/* Reports what a dialect cannot do; the compile fails. */
Diag *emit_unsupported(Emit *e, Span at, const char *fmt, ...) MIGC_PRINTF(3, 4);

/* ---- the model around the operation */
MTable *emit_table_now(Emit *e, const char *name);
/* A name for a table or type made for a moment (a rebuild's new table, an
 * enum's old type): `name` with `suffix`, cut to 63 bytes, numbered on
 * until nothing in the model has it. */
const char *emit_spare_name(Emit *e, const char *name, const char *suffix);
MTable *emit_table_before(Emit *e, const char *name);
MEnum *emit_enum_now(Emit *e, const char *name);
MEnum *emit_enum_before(Emit *e, const char *name);

/* Quoting shared by dialects. */
bool ident_is_plain(const char *name); /* [a-z_][a-z0-9_]* */
void quote_with(Buf *b, const char *name, char q);
void literal_standard(Buf *b, const char *s); /* '...' with '' */

/* Reserved words (exported for the unit test that checks them). */
bool pg_is_keyword(const char *name);
bool mysql_is_reserved(const char *name);

/* Dispatches one event to a dialect's operation table. */
void emit_event(Emit *e, const OpEvent *ev, SqlParts *out);

#endif
