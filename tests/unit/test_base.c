/* Unit tests of the arena, buffers, interner and string helpers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "base.h"
#include "diag.h"

static void test_arena_and_buf(void **state)
{
    (void)state;
    Arena a = {0};
    Buf b;
    buf_init(&b, &a);
    for (int i = 0; i < 100000; i++)
        buf_printf(&b, "%d,", i % 10);
    assert_int_equal(b.len, 200000);
    assert_int_equal(b.data[199998], '9');
    char *big = arena_alloc(&a, 10u << 20);
    assert_non_null(big);
    assert_int_equal(big[(10u << 20) - 1], 0);
    arena_free(&a);
}

static void test_interner(void **state)
{
    (void)state;
    Arena a = {0};
    Interner in;
    interner_init(&in, &a);
    const char *x = intern_cstr(&in, "users");
    for (int i = 0; i < 5000; i++)
        intern_cstr(&in, arena_printf(&a, "name%d", i));
    assert_ptr_equal(x, intern(&in, "users_x", 5));
    assert_ptr_equal(intern_folded(&in, "Users"), x);
    assert_ptr_not_equal(intern_cstr(&in, "Users"), x);
    arena_free(&a);
}

static void test_utf8(void **state)
{
    (void)state;
    assert_int_equal(utf8_count("h\xc3\xa9llo", 6), 5);
    assert_int_equal(utf8_seq_len((const unsigned char *)"\xe2\x82\xac", 3), 3);
    assert_int_equal(utf8_seq_len((const unsigned char *)"\xc0\x80", 2), 0); /* overlong */
    assert_int_equal(utf8_seq_len((const unsigned char *)"\xed\xa0\x80", 3), 0); /* surrogate */
}

static void test_edit_distance(void **state)
{
    (void)state;
    assert_int_equal(edit_distance("add_colum", "add_column", 3), 1);
    assert_int_equal(edit_distance("abc", "xyz", 1), 2);
    const char *words[] = {"create_table", "add_column", "drop_index"};
    assert_string_equal(closest_word("drop_indx", words, 3), "drop_index");
    assert_null(closest_word("frobnicate", words, 3));
}

static void test_linecol(void **state)
{
    (void)state;
    Arena a = {0};
    SourceMap sm;
    sources_init(&sm, &a);
    uint32_t f = source_add(&sm, "x", "ab\n\xc3\xa9x\nz", 8);
    LineCol lc = source_linecol(&sm, f, 5); /* the x after e-acute */
    assert_int_equal(lc.line, 2);
    assert_int_equal(lc.col, 2);
    lc = source_linecol(&sm, f, 7);
    assert_int_equal(lc.line, 3);
    assert_int_equal(lc.col, 1);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arena_and_buf), cmocka_unit_test(test_interner),
        cmocka_unit_test(test_utf8),          cmocka_unit_test(test_edit_distance),
        cmocka_unit_test(test_linecol),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
