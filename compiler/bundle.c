/* bundle.c: offline SQL bundles, the way `alembic upgrade --sql` writes
 * them, and the version table.
 *
 * The version table holds one row per applied head, as Alembic's does:
 * applying a revision whose parent is a head updates that row; one whose
 * parent another branch already moved past inserts a row; a merge deletes
 * all its parents' rows but one and updates that one.  Downgrades do the
 * reverse, and a downgrade to base drops the table.  As in Alembic, a
 * `depends_on` counts as a parent here: an applied revision that another
 * applied revision depends on is no head, and holds no row. */
#include "compile.h"

#include <string.h>

typedef struct Heads {
    const Graph *g;
    uint8_t *applied; /* per revision order */
    PtrVec heads;     /* Revision*, current rows of the version table */
    Arena *arena;
} Heads;

static int head_index(const Heads *h, const Revision *r)
{
    for (uint32_t i = 0; i < h->heads.len; i++)
        if (h->heads.items[i] == r)
            return (int)i;
    return -1;
}

static void head_remove(Heads *h, const Revision *r)
{
    int i = head_index(h, r);
    if (i < 0)
        return;
    memmove(h->heads.items + i, h->heads.items + i + 1, sizeof(void *) * (h->heads.len - (uint32_t)i - 1));
    h->heads.len--;
}

static bool follows_applied(const uint8_t *applied, const RevList *next)
{
    for (uint32_t i = 0; i < next->len; i++)
        if (applied[next->items[i]->order])
            return true;
    return false;
}

/* Whether an applied revision revises or depends on `r`. */
static bool has_applied_child(const Heads *h, const Revision *r)
{
    return follows_applied(h->applied, &r->children) || follows_applied(h->applied, &r->dependents);
}

/* The rows for `from`: those of its revisions nothing applied follows. */
static void heads_init(Heads *h, const Graph *g, const RevSet *from, Arena *a)
{
    h->g = g;
    h->arena = a;
    h->applied = graph_closure(g, from);
    h->heads = (PtrVec){0};
    for (uint32_t i = 0; i < from->len; i++)
        if (!has_applied_child(h, from->items[i]) && head_index(h, from->items[i]) < 0)
            ptrvec_push(a, &h->heads, from->items[i]);
}

/* ============================================================ statements */

typedef struct Out {
    Buf *b;
    const Dialect *d;
    const char *table;
} Out;

static void ident(Out *o, const char *name)
{
    o->d->quote_ident(o->b, name);
}

static void literal(Out *o, const char *s)
{
    o->d->quote_literal(o->b, s);
}

static void version_create(Out *o)
{
    buf_puts(o->b, "CREATE TABLE IF NOT EXISTS ");
    ident(o, o->table);
    buf_puts(o->b, " (\n    version_num VARCHAR(64) NOT NULL,\n    CONSTRAINT ");
    ident(o, arena_printf(o->b->arena, "%s_pkc", o->table));
    buf_puts(o->b, " PRIMARY KEY (version_num)\n)");
    if (o->d->id == DIALECT_MYSQL)
        buf_puts(o->b, " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    buf_puts(o->b, ";\n");
}

static void version_insert(Out *o, const Revision *r)
{
    buf_puts(o->b, "INSERT INTO ");
    ident(o, o->table);
    buf_puts(o->b, " (version_num) VALUES (");
    literal(o, r->id);
    buf_puts(o->b, ");\n");
}

static void version_update(Out *o, const Revision *from, const Revision *to)
{
    buf_puts(o->b, "UPDATE ");
    ident(o, o->table);
    buf_puts(o->b, " SET version_num = ");
    literal(o, to->id);
    buf_puts(o->b, " WHERE version_num = ");
    literal(o, from->id);
    buf_puts(o->b, ";\n");
}

static void version_delete(Out *o, const Revision *r)
{
    buf_puts(o->b, "DELETE FROM ");
    ident(o, o->table);
    buf_puts(o->b, " WHERE version_num = ");
    literal(o, r->id);
    buf_puts(o->b, ";\n");
}

/* The heads among r's parents and the revisions it depends on. */
static void heads_below(Heads *h, const RevList *l, PtrVec *out)
{
    for (uint32_t i = 0; i < l->len; i++)
        if (head_index(h, l->items[i]) >= 0)
            ptrvec_push(h->arena, out, l->items[i]);
}

/* Upgrading to r: its parents (and what it depends on) that are heads give
 * way to it. */
static void version_up(Out *o, Heads *h, Revision *r)
{
    PtrVec gone = {0};
    heads_below(h, &r->parents, &gone);
    heads_below(h, &r->deps, &gone);
    if (gone.len == 0)
        version_insert(o, r);
    for (uint32_t i = 1; i < gone.len; i++) {
        version_delete(o, gone.items[i]);
        head_remove(h, gone.items[i]);
    }
    if (gone.len) {
        version_update(o, gone.items[0], r);
        head_remove(h, gone.items[0]);
    }
    ptrvec_push(h->arena, &h->heads, r);
    h->applied[r->order] = 1;
}

/* The revisions of `l` that no applied revision follows any more. */
static void heads_again(Heads *h, const RevList *l, PtrVec *out)
{
    for (uint32_t i = 0; i < l->len; i++) {
        Revision *p = l->items[i];
        bool listed = false;
        for (uint32_t k = 0; k < out->len && !listed; k++)
            listed = out->items[k] == p;
        if (!has_applied_child(h, p) && head_index(h, p) < 0 && !listed)
            ptrvec_push(h->arena, out, p);
    }
}

/* Downgrading r: its parents (and what it depends on) that no other
 * applied revision follows become heads again. */
static void version_down(Out *o, Heads *h, Revision *r)
{
    h->applied[r->order] = 0;
    head_remove(h, r);
    PtrVec back = {0};
    heads_again(h, &r->parents, &back);
    heads_again(h, &r->deps, &back);
    if (back.len == 0)
        version_delete(o, r);
    else
        version_update(o, r, back.items[0]);
    for (uint32_t i = 0; i < back.len; i++) {
        if (i)
            version_insert(o, back.items[i]);
        ptrvec_push(h->arena, &h->heads, back.items[i]);
    }
}

/* ============================================================== bundles */

/* Sections and titles are written 60,000 times for a large project: plain
 * appends here, not printf, which parses its format each time. */
static void title_line(Buf *b, const char *verb, const BundleSpec *spec)
{
    buf_puts(b, "-- migc " MIGC_VERSION_STRING ": ");
    buf_puts(b, verb);
    buf_put_line_text(b, spec->range);
    buf_puts(b, " for ");
    buf_puts(b, spec->d->name);
    buf_putc(b, '\n');
}

void bundle_title(Buf *b, const BundleSpec *spec)
{
    title_line(b, spec->dir == DIR_UP ? "upgrade " : "downgrade ", spec);
}

void bundle_preamble(Buf *b, const Dialect *d)
{
    buf_puts(b, "-- Generated offline from the migration files; review before running.\n");
    switch (d->id) {
    case DIALECT_POSTGRESQL:
        buf_puts(b, "-- Run with: psql -v ON_ERROR_STOP=1 -f FILE\n");
        break;
    case DIALECT_SQLITE:
        buf_puts(b, "-- Run with: sqlite3 -bail DATABASE < FILE\n");
        break;
    case DIALECT_MYSQL:
        buf_puts(b, "-- MySQL and MariaDB commit each DDL statement at once: a migration that fails\n"
                    "-- halfway leaves its earlier statements applied.  Run with: mysql --force=false\n");
        break;
    case DIALECT__COUNT:
        break;
    }
    if (d->session) {
        buf_puts(b, "\n");
        buf_puts(b, d->session);
    }
}

void bundle_header(Buf *b, const BundleSpec *spec)
{
    bundle_title(b, spec);
    bundle_preamble(b, spec->d);
}

static void parents_text(Buf *b, const Revision *r, Direction dir)
{
    if (dir == DIR_DOWN) {
        buf_put_line_text(b, r->id);
        buf_puts(b, " -> ");
    }
    /* Alembic names what a revision depends on with its parents */
    for (uint32_t i = 0; i < r->parents.len + r->deps.len; i++) {
        if (i)
            buf_puts(b, ", ");
        buf_put_line_text(b, i < r->parents.len ? r->parents.items[i]->id : r->deps.items[i - r->parents.len]->id);
    }
    if (dir == DIR_UP) {
        buf_puts(b, " -> ");
        buf_put_line_text(b, r->id);
    }
}

static void irreversible_note(Buf *b, const Revision *r)
{
    const RevResult *res = r->result;
    if (!res || res->downgrade_given || res->verdict != VERDICT_IRREVERSIBLE)
        return;
    for (uint32_t i = 0; i < r->mig->ops.len; i++) {
        const Op *op = r->mig->ops.items[i];
        if (res->op_verdicts[i] != VERDICT_IRREVERSIBLE)
            continue;
        buf_printf(b, "-- irreversible: %s cannot be undone", op_kind_name(op->kind));
        for (uint32_t k = 0; k < op->allows.len; k++) {
            if (strcmp(op->allows.items[k]->rule.name, "irreversible") != 0)
                continue;
            buf_puts(b, "; allowed: ");
            buf_put_line_text(b, op->allows.items[k]->reason);
        }
        buf_puts(b, "\n");
    }
}

static void migration_comment(Buf *b, const Revision *r, Direction dir)
{
    buf_puts(b, dir == DIR_UP ? "\n-- Running upgrade " : "\n-- Running downgrade ");
    parents_text(b, r, dir);
    buf_puts(b, ": ");
    buf_put_line_text(b, r->mig->message ? r->mig->message : "");
    const RevResult *res = r->result;
    buf_puts(b, "\n-- ");
    buf_put_line_text(b, r->mig->path);
    buf_puts(b, " (");
    buf_puts(b, res ? verdict_name(res->verdict) : "?");
    buf_puts(b, ")\n");
    if (r->mig->transaction_none)
        buf_puts(b, "-- transaction none: these statements run outside a transaction\n");
    if (dir == DIR_DOWN)
        irreversible_note(b, r);
}

static bool in_transaction(const BundleSpec *spec, const Revision *r)
{
    return spec->d->transactional_ddl && !r->mig->transaction_none;
}

/* Where a bundle's text goes: into `b`, the emitted SQL too, or, with
 * `keep`, into pieces (see Sections), `b` holding only what is not kept yet. */
typedef struct Sink {
    Buf *b;
    Sections *keep;
} Sink;

static void push_piece(Sections *s, Arena *a, Piece p)
{
    if (s->len == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 256;
        s->pieces = arena_realloc(a, s->pieces, sizeof(Piece) * s->cap, sizeof(Piece) * cap);
        s->cap = cap;
    }
    s->pieces[s->len++] = p;
}

/* The text written so far becomes a piece of its exact size. */
static void keep_own(Sink *k)
{
    if (!k->b->len)
        return;
    push_piece(k->keep, k->b->arena, (Piece){arena_strndup(k->b->arena, k->b->data, k->b->len), k->b->len});
    buf_truncate(k->b, 0);
}

static void put_sql(Sink *k, const Buf *sql)
{
    if (!k->keep) {
        buf_putn(k->b, sql->data, sql->len);
        return;
    }
    if (!sql->len)
        return;
    keep_own(k);
    push_piece(k->keep, k->b->arena, (Piece){sql->data, sql->len});
}

static void migration_section(Sink *k, Heads *h, const BundleSpec *spec, Revision *r, const SqlParts *p)
{
    Buf *b = k->b;
    Out o = {b, spec->d, spec->version_table};
    bool txn = in_transaction(spec, r);
    migration_comment(b, r, spec->dir);
    put_sql(k, &p->pre);
    if (txn)
        buf_puts(b, "BEGIN;\n");
    buf_puts(b, "\n");
    put_sql(k, &p->body);
    if (p->body.len)
        buf_puts(b, "\n");
    if (spec->dir == DIR_UP)
        version_up(&o, h, r);
    else
        version_down(&o, h, r);
    put_sql(k, &p->tail);
    if (txn)
        buf_puts(b, "\nCOMMIT;\n");
    put_sql(k, &p->post);
}

static void version_drop(Out *o)
{
    buf_puts(o->b, "\n-- every migration is undone: the version table goes too\nDROP TABLE ");
    ident(o, o->table);
    buf_puts(o->b, ";\n");
}

/* ============================================================= sections */

void sections_init(Sections *s, Arena *a, uint32_t n)
{
    *s = (Sections){0};
    s->at = ARENA_ARRAY(a, uint32_t, n + 1);
}

static void section_mark(Sink *k, uint32_t i)
{
    keep_own(k);
    k->keep->at[i] = k->keep->len;
}

/* ============================================================== bundle */

/* One simulation of the version table along the whole sequence; with
 * `parts`, each revision's section is kept apart, so the per-revision files
 * are exact slices of the bundle. */
void bundle_write(Buf *out, const Graph *g, RevSql **sql, const BundleSpec *spec, Sections *parts)
{
    Heads h;
    heads_init(&h, g, &spec->from, out->arena);
    if (!spec->standalone)
        bundle_header(out, spec);
    /* with `parts`, each root's section makes the table (its file may be the
     * first one run), so the bundle needs no copy of its own */
    bool create = !parts && spec->dir == DIR_UP && spec->from.len == 0 && spec->revs.len;
    if (create) {
        Out o = {out, spec->d, spec->version_table};
        buf_puts(out, "\n");
        version_create(&o);
    }
    int d = spec->d->id;
    Sink k = {out, parts};
    for (uint32_t i = 0; i < spec->revs.len; i++) {
        Revision *r = spec->revs.items[i];
        const SqlParts *p = spec->dir == DIR_UP ? &sql[r->order]->up[d] : &sql[r->order]->down[d];
        if (parts)
            section_mark(&k, i);
        if (parts && spec->dir == DIR_UP && r->parents.len == 0) {
            /* a root's own file may be the first one run: it makes the table */
            Out o = {k.b, spec->d, spec->version_table};
            buf_puts(k.b, "\n");
            version_create(&o);
        }
        migration_section(&k, &h, spec, r, p);
        if (spec->dir == DIR_DOWN && h.heads.len == 0) {
            Out o = {k.b, spec->d, spec->version_table};
            version_drop(&o);
        }
    }
    if (parts)
        section_mark(&k, spec->revs.len);
}

/* stamp: rows for `to` instead of `from`, without running anything. */
void bundle_stamp(Buf *out, const Graph *g, const BundleSpec *spec, const RevSet *to)
{
    (void)g;
    Out o = {out, spec->d, spec->version_table};
    title_line(out, "stamp ", spec);
    bundle_preamble(out, spec->d);
    buf_puts(out, "\n");
    version_create(&o);
    for (uint32_t i = 0; i < spec->from.len; i++) {
        bool stays = false;
        for (uint32_t k = 0; k < to->len; k++)
            stays |= to->items[k] == spec->from.items[i];
        if (!stays)
            version_delete(&o, spec->from.items[i]);
    }
    for (uint32_t k = 0; k < to->len; k++) {
        bool was = false;
        for (uint32_t i = 0; i < spec->from.len; i++)
            was |= to->items[k] == spec->from.items[i];
        if (!was)
            version_insert(&o, to->items[k]);
    }
    if (to->len == 0 && spec->from.len) {
        buf_puts(out, "DROP TABLE ");
        ident(&o, spec->version_table);
        buf_puts(out, ";\n");
    }
}
