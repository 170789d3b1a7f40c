/* emit.c: what the three emitters share: writing, quoting helpers, the
 * expression printer, column and constraint definitions, and dispatch. */
#include "emit.h"

#include <string.h>
#include <strings.h>

#include "lint.h"

const Dialect *dialect_by_id(DialectId id)
{
    switch (id) {
    case DIALECT_POSTGRESQL: return &dialect_postgresql;
    case DIALECT_SQLITE: return &dialect_sqlite;
    case DIALECT_MYSQL: return &dialect_mysql;
    case DIALECT__COUNT: break;
    }
    return NULL;
}

const Dialect *dialect_by_name(const char *name)
{
    for (int i = 0; i < DIALECT__COUNT; i++)
        if (strcmp(dialect_by_id((DialectId)i)->name, name) == 0)
            return dialect_by_id((DialectId)i);
    return NULL;
}

/* =============================================================== quoting */

bool ident_is_plain(const char *name)
{
    if (!((*name >= 'a' && *name <= 'z') || *name == '_'))
        return false;
    for (const char *c = name; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
            return false;
    return true;
}

/* Room for the worst case (every character doubled) is made once, so the
 * loop writes without asking the buffer each time. */
void quote_with(Buf *b, const char *name, char q)
{
    size_t n = strlen(name);
    buf_reserve(b, 2 * n + 2);
    char *out = b->data + b->len;
    *out++ = q;
    for (size_t i = 0; i < n; i++) {
        if (name[i] == q)
            *out++ = q;
        *out++ = name[i];
    }
    *out++ = q;
    *out = '\0';
    b->len = (size_t)(out - b->data);
}

void literal_standard(Buf *b, const char *s)
{
    quote_with(b, s, '\'');
}

/* =============================================================== writing */

void emit_raw(Emit *e, const char *s)
{
    buf_puts(e->buf, s);
}

void emit_printf(Emit *e, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(e->buf, fmt, ap);
    va_end(ap);
}

void emit_ident(Emit *e, const char *name)
{
    e->d->quote_ident(e->buf, name);
}

void emit_literal(Emit *e, const char *s)
{
    e->d->quote_literal(e->buf, s);
}

void emit_ident_list(Emit *e, IdentList l)
{
    buf_putc(e->buf, '(');
    for (uint32_t i = 0; i < l.len; i++) {
        if (i)
            buf_puts(e->buf, ", ");
        emit_ident(e, l.items[i].name);
    }
    buf_putc(e->buf, ')');
}

void emit_end(Emit *e)
{
    buf_puts(e->buf, ";\n");
    e->out->statements++;
}

static bool sql_blank(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Whether the last line of sql[0, n) holds a comment marker: a ';' put
 * after it would be part of the comment.  A marker inside a string also
 * counts, which costs only a line break. */
static bool ends_in_comment(const char *sql, size_t n, bool hash_comments)
{
    size_t start = n;
    while (start > 0 && sql[start - 1] != '\n')
        start--;
    for (size_t i = start; i < n; i++)
        if ((sql[i] == '-' && i + 1 < n && sql[i + 1] == '-') || (hash_comments && sql[i] == '#'))
            return true;
    return false;
}

void emit_raw_sql(Emit *e, const char *sql, bool hash_comments)
{
    size_t n = strlen(sql), start = 0;
    while (n > 0 && sql_blank(sql[n - 1]))
        n--;
    while (start < n && sql_blank(sql[start]))
        start++;
    buf_putn(e->buf, sql + start, n - start);
    if (n == start || sql[n - 1] != ';')
        buf_puts(e->buf, ends_in_comment(sql + start, n - start, hash_comments) ? "\n;" : ";");
    buf_putc(e->buf, '\n');
    e->out->statements++;
}

/* Comments are one line each; a newline in the text would end the comment
 * and let the rest run as SQL.  Returns where the text starts. */
static size_t comment_open(Emit *e)
{
    buf_puts(e->buf, "-- ");
    return e->buf->len;
}

static void comment_close(Emit *e, size_t start)
{
    blank_controls(e->buf->data + start, e->buf->len - start);
    buf_putc(e->buf, '\n');
}

void emit_comment(Emit *e, const char *fmt, ...)
{
    size_t start = comment_open(e);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(e->buf, fmt, ap);
    va_end(ap);
    comment_close(e, start);
}

/* The same refusal at the same place (an operation and its derived
 * downgrade step share the source) is said once. */
static Diag *already_refused(Diags *d, Span at, const char *message)
{
    for (uint32_t i = d->list.len; i-- > 0;) {
        Diag *g = d->list.items[i];
        if (g->span.file == at.file && g->span.byte_off == at.byte_off && strcmp(g->code, "dialect-unsupported") == 0 &&
            strcmp(g->message, message) == 0)
            return g;
    }
    return NULL;
}

Diag *emit_unsupported(Emit *e, Span at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *msg = arena_vprintf(e->arena, fmt, ap);
    va_end(ap);
    emit_comment(e, "not compiled for %s: %s", e->d->name, msg);
    const char *message = arena_printf(e->arena, "%s: %s", e->d->name, msg);
    Diag *seen = already_refused(e->diags, at, message);
    return seen ? seen : diag_error(e->diags, at, "dialect-unsupported", "%s", message);
}

/* Bytes of `s` that fit in `room` without cutting a UTF-8 character. */
static size_t utf8_cut(const char *s, size_t room)
{
    size_t n = strlen(s);
    if (n <= room)
        return n;
    while (room > 0 && ((unsigned char)s[room] & 0xC0) == 0x80)
        room--;
    return room;
}

const char *emit_spare_name(Emit *e, const char *name, const char *suffix)
{
    for (unsigned k = 1;; k++) {
        char tail[64];
        snprintf(tail, sizeof tail, k == 1 ? "%s" : "%s_%u", suffix, k);
        size_t n = utf8_cut(name, 63 - strlen(tail));
        const char *candidate = arena_printf(e->arena, "%.*s%s", (int)n, name, tail);
        if (!schema_name_user(e->ev->schema, candidate))
            return candidate;
    }
}

/* ============================================================ expressions */

enum { P_OR = 1, P_AND, P_NOT, P_IS, P_CMP, P_PRED, P_CONCAT, P_ADD, P_MUL, P_UNARY, P_ATOM };

static int prec_of(const Expr *x)
{
    switch (x->kind) {
    case EX_BINARY:
        switch (x->u.op.op) {
        case OP_OR: return P_OR;
        case OP_AND: return P_AND;
        case OP_CONCAT: return P_CONCAT;
        case OP_ADD: case OP_SUB: return P_ADD;
        case OP_MUL: case OP_DIV: case OP_MOD: return P_MUL;
        case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE: return P_CMP;
        case OP_NOT: case OP_NEG: return P_UNARY;
        }
        return P_ATOM;
    case EX_UNARY: return x->u.op.op == OP_NOT ? P_NOT : P_UNARY;
    case EX_IS_NULL: return P_IS;
    case EX_IN: case EX_BETWEEN: case EX_LIKE: return P_PRED;
    case EX_INT: case EX_DEC: return x->u.text[0] == '-' ? P_UNARY : P_ATOM;
    case EX_NULL: case EX_BOOL: case EX_STRING: case EX_COLUMN: case EX_CALL: case EX_CAST:
        return P_ATOM;
    }
    return P_ATOM;
}

static bool associative(Operator op)
{
    return op == OP_AND || op == OP_OR || op == OP_ADD || op == OP_MUL || op == OP_CONCAT;
}

static void emit_grouped(Emit *e, const Expr *x, bool parens)
{
    if (parens)
        buf_putc(e->buf, '(');
    emit_expr(e, x);
    if (parens)
        buf_putc(e->buf, ')');
}

static bool same_associative(const Expr *child, const Expr *parent)
{
    return child->kind == EX_BINARY && parent->kind == EX_BINARY && child->u.op.op == parent->u.op.op &&
           associative(child->u.op.op);
}

/* Engines disagree on where IS, NOT, LIKE and || bind (SQLite's || binds
 * tighter than *, and its IN, LIKE and BETWEEN bind no tighter than =), so
 * compound operands of those are always grouped; arithmetic and logic
 * follow the precedence every engine shares. */
static bool needs_parens(const Expr *child, const Expr *parent, bool right)
{
    int pc = prec_of(child), pp = prec_of(parent);
    if (pc == P_ATOM)
        return false;
    if (parent->kind != EX_BINARY || parent->u.op.op == OP_CONCAT)
        return !same_associative(child, parent);
    if (pc == P_CONCAT || pc < pp || (pc == P_PRED && pp == P_CMP))
        return true;
    if (pc > pp)
        return false;
    /* equal binding: left operands group to the left anyway */
    return pp == P_CMP || (right && !same_associative(child, parent));
}

void emit_operand(Emit *e, const Expr *child, const Expr *parent, bool right)
{
    emit_grouped(e, child, needs_parens(child, parent, right));
}

/* a || b, with compound operands grouped (SQLite binds || tightest). */
void emit_concat_infix(Emit *e, const Expr *l, const Expr *r)
{
    Expr parent = {.kind = EX_BINARY, .u.op = {OP_CONCAT, (Expr *)l, (Expr *)r}};
    emit_operand(e, l, &parent, false);
    emit_raw(e, " || ");
    emit_operand(e, r, &parent, true);
}

static const char *sql_operator(Operator op)
{
    switch (op) {
    case OP_OR: return "OR";
    case OP_AND: return "AND";
    case OP_NOT: return "NOT";
    case OP_NE: return "<>";
    case OP_EQ: case OP_LT: case OP_LE: case OP_GT: case OP_GE: case OP_CONCAT: case OP_ADD: case OP_SUB:
    case OP_MUL: case OP_DIV: case OP_MOD: case OP_NEG:
        break;
    }
    return operator_sql(op);
}

static void emit_list(Emit *e, ExprList l)
{
    for (uint32_t i = 0; i < l.len; i++) {
        if (i)
            buf_puts(e->buf, ", ");
        emit_expr(e, l.items[i]);
    }
}

static void emit_binary(Emit *e, const Expr *x)
{
    if (x->u.op.op == OP_CONCAT) {
        e->d->concat(e, x->u.op.left, x->u.op.right);
        return;
    }
    emit_operand(e, x->u.op.left, x, false);
    buf_printf(e->buf, " %s ", sql_operator(x->u.op.op));
    emit_operand(e, x->u.op.right, x, true);
}

static void emit_predicate(Emit *e, const Expr *x)
{
    if (x->kind == EX_IS_NULL) {
        emit_operand(e, x->u.is_null.operand, x, false);
        buf_puts(e->buf, x->u.is_null.negated ? " IS NOT NULL" : " IS NULL");
    } else if (x->kind == EX_IN) {
        emit_operand(e, x->u.in.operand, x, false);
        buf_puts(e->buf, x->u.in.negated ? " NOT IN (" : " IN (");
        emit_list(e, x->u.in.list);
        buf_putc(e->buf, ')');
    } else if (x->kind == EX_BETWEEN) {
        emit_operand(e, x->u.between.operand, x, false);
        buf_puts(e->buf, x->u.between.negated ? " NOT BETWEEN " : " BETWEEN ");
        emit_operand(e, x->u.between.low, x, false);
        buf_puts(e->buf, " AND ");
        emit_operand(e, x->u.between.high, x, false);
    } else {
        emit_operand(e, x->u.like.operand, x, false);
        buf_puts(e->buf, x->u.like.negated ? " NOT LIKE " : " LIKE ");
        emit_operand(e, x->u.like.pattern, x, false);
    }
}

/* A string cast to a type may need rewriting for the dialect (MySQL: a
 * datetime without its offset). */
static void emit_cast_operand(Emit *e, const Expr *x, const Type *to)
{
    const char *text = NULL;
    if (x->kind == EX_STRING && e->d->cast_literal)
        text = e->d->cast_literal(e, x->u.text, to);
    if (text)
        emit_literal(e, text);
    else
        emit_expr(e, x);
}

void emit_expr(Emit *e, const Expr *x)
{
    if (e->d->expr && e->d->expr(e, x))
        return;
    switch (x->kind) {
    case EX_NULL: buf_puts(e->buf, "NULL"); return;
    case EX_BOOL: e->d->boolean(e, x->u.boolean); return;
    case EX_INT: case EX_DEC: buf_puts(e->buf, x->u.text); return;
    case EX_STRING: emit_literal(e, x->u.text); return;
    case EX_COLUMN: emit_ident(e, x->u.column.name); return;
    case EX_UNARY:
        buf_puts(e->buf, x->u.op.op == OP_NOT ? "NOT " : "-");
        emit_operand(e, x->u.op.left, x, false);
        return;
    case EX_BINARY: emit_binary(e, x); return;
    case EX_IS_NULL: case EX_IN: case EX_BETWEEN: case EX_LIKE: emit_predicate(e, x); return;
    case EX_CALL:
        if (e->d->call(e, x))
            return;
        /* not a portable function: passed through as written (check warned) */
        buf_puts(e->buf, x->u.call.name.name);
        if (!x->u.call.niladic) {
            buf_putc(e->buf, '(');
            emit_list(e, x->u.call.args);
            buf_putc(e->buf, ')');
        }
        return;
    case EX_CAST:
        buf_puts(e->buf, "CAST(");
        emit_cast_operand(e, x->u.cast.operand, &x->u.cast.type);
        buf_puts(e->buf, " AS ");
        e->d->cast_type(e, &x->u.cast.type);
        buf_putc(e->buf, ')');
        return;
    }
}

/* ============================================== PostgreSQL's semantics */

static void emit_grouped_if_compound(Emit *e, const Expr *x)
{
    emit_grouped(e, x, prec_of(x) != P_ATOM);
}

void emit_bool_as_text(Emit *e, const Expr *x)
{
    emit_raw(e, "CASE WHEN ");
    emit_grouped_if_compound(e, x);
    emit_raw(e, " THEN 'true' WHEN NOT ");
    emit_grouped_if_compound(e, x);
    emit_raw(e, " THEN 'false' END");
}

/* What PostgreSQL reads as true and false, any case, blanks around: the
 * words, their unique prefixes, and 1 and 0.  [0]: false, [1]: true. */
static const char *const bool_words[2][11] = {
    {"f", "fa", "fal", "fals", "false", "n", "no", "of", "off", "0", NULL},
    {"t", "tr", "tru", "true", "y", "ye", "yes", "on", "1", NULL},
};

void emit_text_as_bool(Emit *e, const Expr *x)
{
    emit_raw(e, "CASE");
    for (int truth = 1; truth >= 0; truth--) {
        emit_raw(e, " WHEN lower(trim(");
        emit_expr(e, x);
        emit_raw(e, ")) IN (");
        for (const char *const *w = bool_words[truth]; *w; w++) {
            emit_raw(e, w == bool_words[truth] ? "" : ", ");
            emit_literal(e, *w);
        }
        emit_raw(e, ") THEN ");
        e->d->boolean(e, truth);
    }
    emit_raw(e, " END");
}

/* Which of bool_words the text is, blanks around it aside; -1: neither. */
static int bool_word(const char *text)
{
    const char *s = text;
    while (*s == ' ')
        s++;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    for (int truth = 0; truth < 2; truth++)
        for (const char *const *w = bool_words[truth]; *w; w++)
            if (strlen(*w) == n && strncasecmp(s, *w, n) == 0)
                return truth;
    return -1;
}

void emit_text_literal_as_bool(Emit *e, const char *text)
{
    int truth = bool_word(text);
    if (truth < 0)
        emit_raw(e, "NULL");
    else
        e->d->boolean(e, truth == 1);
}

/* greatest(a, b, c) skips NULLs in PostgreSQL; elsewhere any NULL makes
 * it NULL.  Each argument stands in for itself or, when NULL, for the
 * first of the others that is not: GREATEST(COALESCE(a, b, c),
 * COALESCE(b, a, c), COALESCE(c, a, b)).  NULL literals are left out. */
void emit_null_skipping(Emit *e, const char *fn, ExprList args)
{
    Expr **kept = ARENA_ARRAY(e->arena, Expr *, args.len + 1);
    uint32_t n = 0;
    for (uint32_t i = 0; i < args.len; i++)
        if (args.items[i]->kind != EX_NULL)
            kept[n++] = args.items[i];
    bool nullable = false;
    for (uint32_t i = 0; i < n; i++)
        nullable |= !(kept[i]->kind == EX_INT || kept[i]->kind == EX_DEC || kept[i]->kind == EX_STRING ||
                      kept[i]->kind == EX_BOOL);
    if (n <= 1) {
        emit_raw(e, "(");
        if (n)
            emit_expr(e, kept[0]);
        else
            emit_raw(e, "NULL");
        emit_raw(e, ")");
        return;
    }
    emit_raw(e, fn);
    emit_raw(e, "(");
    for (uint32_t i = 0; i < n && !nullable; i++) {
        emit_raw(e, i ? ", " : "");
        emit_expr(e, kept[i]);
    }
    for (uint32_t i = 0; i < n && nullable; i++) {
        emit_raw(e, i ? ", COALESCE(" : "COALESCE(");
        emit_expr(e, kept[i]);
        for (uint32_t k = 0; k < n; k++)
            if (k != i) {
                emit_raw(e, ", ");
                emit_expr(e, kept[k]);
            }
        emit_raw(e, ")");
    }
    emit_raw(e, ")");
}

static bool positive_literal(const Expr *x)
{
    return x->kind == EX_INT && x->u.text[0] != '-' && strcmp(x->u.text, "0") != 0;
}

/* PostgreSQL's substr(s, p, n) takes the characters at positions p to
 * p + n - 1 that exist: a start below 1 shortens the result.  Others
 * count from the end or give nothing, so the start is clamped to 1 and the
 * length shortened by as much. */
void emit_substr_from_one(Emit *e, const char *fn, const char *greatest, ExprList args)
{
    const Expr *s = args.items[0], *p = args.items[1], *n = args.len > 2 ? args.items[2] : NULL;
    emit_raw(e, fn);
    emit_raw(e, "(");
    emit_expr(e, s);
    emit_raw(e, ", ");
    if (positive_literal(p)) {
        emit_expr(e, p);
        if (n) {
            emit_raw(e, ", ");
            emit_expr(e, n);
        }
        emit_raw(e, ")");
        return;
    }
    emit_printf(e, "%s(", greatest);
    emit_expr(e, p);
    emit_raw(e, ", 1)");
    if (n) {
        emit_printf(e, ", %s((", greatest);
        emit_expr(e, p);
        emit_raw(e, ") + (");
        emit_expr(e, n);
        emit_printf(e, ") - %s(", greatest);
        emit_expr(e, p);
        emit_raw(e, ", 1), 0)");
    }
    emit_raw(e, ")");
}

/* ============================================================ definitions */

void emit_column_def(Emit *e, const ColumnDef *c)
{
    emit_ident(e, c->name.name);
    buf_putc(e->buf, ' ');
    e->d->column_type(e, &c->type, c);
    if (c->not_null)
        buf_puts(e->buf, " NOT NULL");
    if (c->default_value) {
        buf_puts(e->buf, " DEFAULT ");
        e->d->default_value(e, c->default_value, c);
    }
}

static const char *fk_action_sql(FkAction a)
{
    switch (a) {
    case FK_NO_ACTION: return "NO ACTION";
    case FK_RESTRICT: return "RESTRICT";
    case FK_CASCADE: return "CASCADE";
    case FK_SET_NULL: return "SET NULL";
    case FK_SET_DEFAULT: return "SET DEFAULT";
    case FK_NONE: break;
    }
    return "";
}

void emit_references(Emit *e, const Constraint *c)
{
    emit_raw(e, "REFERENCES ");
    emit_ident(e, c->ref_table.name);
    emit_raw(e, " ");
    emit_ident_list(e, c->ref_columns);
    if (c->on_delete != FK_NONE)
        emit_printf(e, " ON DELETE %s", fk_action_sql(c->on_delete));
    if (c->on_update != FK_NONE)
        emit_printf(e, " ON UPDATE %s", fk_action_sql(c->on_update));
}

void emit_constraint(Emit *e, const Constraint *c)
{
    emit_raw(e, "CONSTRAINT ");
    emit_ident(e, c->name.name);
    switch (c->kind) {
    case CON_PRIMARY_KEY:
        emit_raw(e, " PRIMARY KEY ");
        emit_ident_list(e, c->columns);
        return;
    case CON_UNIQUE:
        emit_raw(e, " UNIQUE ");
        emit_ident_list(e, c->columns);
        return;
    case CON_CHECK:
        emit_raw(e, " CHECK (");
        emit_expr(e, c->check);
        emit_raw(e, ")");
        return;
    case CON_FOREIGN_KEY:
        emit_raw(e, " FOREIGN KEY ");
        emit_ident_list(e, c->columns);
        emit_raw(e, " ");
        emit_references(e, c);
        return;
    }
}

void emit_index(Emit *e, const IndexDef *ix, bool concurrently)
{
    emit_raw(e, ix->unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
    if (concurrently)
        emit_raw(e, "CONCURRENTLY ");
    emit_ident(e, ix->name.name);
    emit_raw(e, " ON ");
    emit_ident(e, ix->table.name);
    emit_raw(e, " ");
    emit_ident_list(e, ix->columns);
    if (ix->where) {
        emit_raw(e, " WHERE ");
        emit_expr(e, ix->where);
    }
    emit_end(e);
}

void emit_insert_rows(Emit *e, const Op *op)
{
    emit_raw(e, "INSERT INTO ");
    emit_ident(e, op->u.data_insert.table.name);
    emit_raw(e, " ");
    emit_ident_list(e, op->u.data_insert.columns);
    emit_raw(e, " VALUES");
    for (uint32_t r = 0; r < op->u.data_insert.n_rows; r++) {
        emit_raw(e, r ? ",\n    (" : "\n    (");
        emit_list(e, op->u.data_insert.rows[r]);
        emit_raw(e, ")");
    }
    emit_end(e);
}

/* ============================================================== the model */

MTable *emit_table_now(Emit *e, const char *name)
{
    return schema_table(e->ev->schema, name);
}

MTable *emit_table_before(Emit *e, const char *name)
{
    return schema_table_at(e->ev->schema, e->ev->mark, name);
}

MEnum *emit_enum_now(Emit *e, const char *name)
{
    return schema_enum(e->ev->schema, name);
}

MEnum *emit_enum_before(Emit *e, const char *name)
{
    return schema_enum_at(e->ev->schema, e->ev->mark, name);
}

/* ============================================================== dispatch */

/* Written for every operation in every dialect: appended plainly rather
 * than through printf, which parses its format each time. */
static void finding_comment(Emit *e, const Finding *f)
{
    size_t start = comment_open(e);
    if (f->allowed_by) {
        buf_puts(e->buf, "@allow ");
        buf_puts(e->buf, f->allowed_by->rule.name);
        buf_puts(e->buf, ": ");
        buf_puts(e->buf, f->allowed_by->reason);
    } else {
        buf_puts(e->buf, level_name(f->level));
        buf_putc(e->buf, '[');
        buf_puts(e->buf, rule_info(f->rule)->name);
        buf_puts(e->buf, "]: ");
        buf_puts(e->buf, f->message);
    }
    comment_close(e, start);
}

/* `-- line 7: drop_column users.legacy` before each operation's SQL, so a
 * reviewer can find the source of every statement; derived downgrade steps
 * name the operation they undo. */
static void emit_origin(Emit *e, const Op *op)
{
    const SourceMap *sm = e->diags->sources;
    LineCol lc = source_linecol(sm, op->span.file, op->span.byte_off);
    size_t start = comment_open(e);
    buf_puts(e->buf, op->derived ? "undo of line " : "line ");
    buf_put_uint(e->buf, lc.line, 1);
    buf_puts(e->buf, ": ");
    buf_puts(e->buf, op_kind_name(op->kind));
    comment_close(e, start);
    for (uint32_t i = 0; e->ev->dir == DIR_UP && i < op->findings.len; i++) {
        const Finding *f = op->findings.items[i];
        if (f->dialects & e->d->mask)
            finding_comment(e, f);
    }
}

/* The table an operation's expressions read: as it is after the
 * operation, but before it for a type change, whose `using` reads the old
 * row. */
static const MTable *op_scope(Emit *e, const Op *op)
{
    const char *table = op_table_name(op);
    if (!table)
        return NULL;
    return op->kind == OPK_ALTER_TYPE ? emit_table_before(e, table) : emit_table_now(e, table);
}

void emit_event(Emit *e, const OpEvent *ev, SqlParts *out)
{
    e->ev = ev;
    e->out = out;
    e->buf = &out->body;
    e->scope = op_scope(e, ev->op);
    if (ev->op->span.file != NO_FILE)
        emit_origin(e, ev->op);
    e->d->ops[ev->op->kind](e, ev->op);
}
