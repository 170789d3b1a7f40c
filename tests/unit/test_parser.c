/* Unit tests of the parser: IR shapes, precedence, recovery. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parser.h"

typedef struct Fixture {
    Arena arena;
    Interner names;
    SourceMap sources;
    Diags diags;
} Fixture;

static Migration *parse(Fixture *f, const char *src)
{
    memset(f, 0, sizeof *f);
    interner_init(&f->names, &f->arena);
    sources_init(&f->sources, &f->arena);
    diags_init(&f->diags, &f->arena, &f->sources);
    uint32_t file = source_add(&f->sources, "t.mig", src, strlen(src));
    ParseCtx ctx = {&f->arena, &f->names, &f->diags, &f->sources};
    return parse_migration(&ctx, file);
}

#define HEADER "migration \"m\" revision r1 revises none\n"

static void test_header(void **state)
{
    (void)state;
    Fixture f;
    Migration *m = parse(&f, "migration 'x' revision 3f2a-9c revises a1, \"b 2\" depends_on c3 branch billing "
                             "transaction none");
    assert_false(m->parse_failed);
    assert_string_equal(m->message, "x");
    assert_string_equal(m->revision.name, "3f2a-9c");
    assert_int_equal(m->revises.len, 2);
    assert_string_equal(m->revises.items[1].name, "b 2");
    assert_string_equal(m->depends_on.items[0].name, "c3");
    assert_string_equal(m->branch.name, "billing");
    assert_true(m->transaction_none);
    arena_free(&f.arena);
}

/* Contextual keywords: every word of the grammar is still a valid name. */
static void test_keywords_as_names(void **state)
{
    (void)state;
    Fixture f;
    Migration *m = parse(&f, HEADER "create_table order (type text, key int, user text, \"select\" int, on bigint);"
                                    "add_column order.default text; drop_column order.key;");
    assert_false(m->parse_failed);
    assert_int_equal(m->ops.len, 3);
    Op *op = m->ops.items[0];
    assert_string_equal(op->u.create_table.table.name, "order");
    assert_int_equal(op->u.create_table.n_columns, 5);
    assert_string_equal(op->u.create_table.columns[4]->name.name, "on");
    arena_free(&f.arena);
}

static Expr *where_of(Migration *m)
{
    return ((Op *)m->ops.items[0])->u.data_delete.where;
}

static void test_precedence(void **state)
{
    (void)state;
    Fixture f;
    Migration *m = parse(&f, HEADER "data_delete t where a or b and not c = 1 + 2 * 3;");
    assert_false(m->parse_failed);
    Expr *e = where_of(m);
    assert_int_equal(e->kind, EX_BINARY);
    assert_int_equal(e->u.op.op, OP_OR);
    Expr *and = e->u.op.right;
    assert_int_equal(and->u.op.op, OP_AND);
    Expr *not = and->u.op.right;
    assert_int_equal(not->u.op.op, OP_NOT);
    Expr *eq = not->u.op.left;
    assert_int_equal(eq->u.op.op, OP_EQ);
    Expr *add = eq->u.op.right;
    assert_int_equal(add->u.op.op, OP_ADD);
    assert_int_equal(add->u.op.right->u.op.op, OP_MUL);
    arena_free(&f.arena);
}

/* Three mistakes give three diagnostics, and the good operations in
 * between still parse. */
static void test_recovery(void **state)
{
    (void)state;
    Fixture f;
    Migration *m = parse(&f, HEADER "add_colum t.a int;\ndrop_table ok1;\ncreate_table t (a int,,);\n"
                                    "drop_table ok2;\nalter_column t.a frob;\ndrop_table ok3;\n");
    assert_true(m->parse_failed);
    assert_int_equal(f.diags.n_errors, 3);
    assert_int_equal(m->ops.len, 3);
    arena_free(&f.arena);
}

static void test_deep_nesting_is_bounded(void **state)
{
    (void)state;
    Fixture f;
    size_t n = 100000;
    char *src = malloc(n * 2 + 200);
    strcpy(src, HEADER "data_delete t where ");
    size_t len = strlen(src);
    memset(src + len, '(', n);
    src[len + n] = '1';
    memset(src + len + n + 1, ')', n);
    strcpy(src + len + 2 * n + 1, ";");
    Migration *m = parse(&f, src);
    assert_true(m->parse_failed);
    assert_int_equal(f.diags.n_errors, 1);
    free(src);
    arena_free(&f.arena);
}

static void test_unnamed_index_and_constraint(void **state)
{
    (void)state;
    Fixture f;
    Migration *m = parse(&f, HEADER "create_index on users (a, b) unique where a > 0;"
                                    "create_index on on users (x);"
                                    "add_constraint on t foreign key (a) references u on delete set null;");
    assert_false(m->parse_failed);
    Op *a = m->ops.items[0], *b = m->ops.items[1], *c = m->ops.items[2];
    assert_null(a->u.create_index.index->name.name);
    assert_true(a->u.create_index.index->unique);
    assert_string_equal(b->u.create_index.index->name.name, "on");
    Constraint *k = c->u.add_constraint.constraint;
    assert_int_equal(k->kind, CON_FOREIGN_KEY);
    assert_int_equal(k->on_delete, FK_SET_NULL);
    assert_int_equal(k->ref_columns.len, 0);
    arena_free(&f.arena);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_header),
        cmocka_unit_test(test_keywords_as_names),
        cmocka_unit_test(test_precedence),
        cmocka_unit_test(test_recovery),
        cmocka_unit_test(test_deep_nesting_is_bounded),
        cmocka_unit_test(test_unnamed_index_and_constraint),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
