/* Unit tests of the lexer: token kinds, spans, keywords, and malformed input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lexer.h"

typedef struct Fixture {
    Arena arena;
    SourceMap sources;
    Diags diags;
    Lexer lx;
} Fixture;

static Fixture *fixture(const char *src)
{
    Fixture *f = calloc(1, sizeof *f);
    sources_init(&f->sources, &f->arena);
    diags_init(&f->diags, &f->arena, &f->sources);
    uint32_t file = source_add(&f->sources, "t.mig", src, strlen(src));
    SourceFile *sf = source_get(&f->sources, file);
    lexer_init(&f->lx, &f->diags, file, sf->text, sf->len);
    return f;
}

static void done(Fixture *f)
{
    arena_free(&f->arena);
    free(f);
}

static void expect_tok(Fixture *f, TokenKind kind, const char *text)
{
    Token t = lexer_next(&f->lx);
    assert_int_equal(t.kind, kind);
    assert_int_equal(t.byte_len, strlen(text));
    assert_memory_equal(f->lx.src + t.byte_off, text, t.byte_len);
}

static void test_keywords_sorted(void **state)
{
    (void)state;
    for (int k = KW_NONE_ + 2; k < KW__COUNT; k++)
        assert_true(strcmp(keyword_name((Keyword)(k - 1)), keyword_name((Keyword)k)) < 0);
    assert_int_equal(keyword_lookup("CREATE_TABLE", 12), KW_CREATE_TABLE);
    assert_int_equal(keyword_lookup("Order", 5), KW_NONE_);
    assert_int_equal(keyword_lookup("type", 4), KW_TYPE);
}

static void test_words_and_quotes(void **state)
{
    (void)state;
    Fixture *f = fixture("create_table \"we\"\"ird\" 'it''s' $$ a $ b $$ $x$ $$ $x$ 12 3.25");
    Token t = lexer_next(&f->lx);
    assert_int_equal(t.kind, TK_IDENT);
    assert_int_equal(t.kw, KW_CREATE_TABLE);
    expect_tok(f, TK_QIDENT, "\"we\"\"ird\"");
    expect_tok(f, TK_STRING, "'it''s'");
    expect_tok(f, TK_RAW, "$$ a $ b $$");
    expect_tok(f, TK_RAW, "$x$ $$ $x$");
    expect_tok(f, TK_INTEGER, "12");
    expect_tok(f, TK_DECIMAL, "3.25");
    expect_tok(f, TK_EOF, "");
    assert_int_equal(f->diags.n_errors, 0);
    done(f);
}

static void test_operators_and_comments(void **state)
{
    (void)state;
    Fixture *f = fixture("a <> b != c <= d >= e || f -- note\n/* block\n */ ; @ { } . %");
    const TokenKind kinds[] = {TK_IDENT, TK_NE, TK_IDENT, TK_NE, TK_IDENT, TK_LE, TK_IDENT, TK_GE, TK_IDENT,
                               TK_CONCAT, TK_IDENT, TK_SEMI, TK_AT, TK_LBRACE, TK_RBRACE, TK_DOT,
                               TK_PERCENT, TK_EOF};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        assert_int_equal(lexer_next(&f->lx).kind, kinds[i]);
    assert_int_equal(f->diags.n_errors, 0);
    done(f);
}

/* Revision ids such as 3f2a and rule ids such as drop-column arrive as
 * adjacent tokens; the parser joins them only when no space separates them. */
static void test_adjacency(void **state)
{
    (void)state;
    Fixture *f = fixture("3f2a drop-column x");
    Token a = lexer_next(&f->lx), b = lexer_next(&f->lx), c = lexer_next(&f->lx);
    assert_int_equal(a.kind, TK_INTEGER);
    assert_int_equal(b.kind, TK_IDENT);
    assert_false(b.flags & TOKF_SPACE_BEFORE);
    assert_true(c.flags & TOKF_SPACE_BEFORE);
    done(f);
}

static void test_unterminated(void **state)
{
    (void)state;
    const char *cases[] = {"'abc", "\"abc", "$$ abc", "$t$ abc $u$", "/* abc"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Fixture *f = fixture(cases[i]);
        Token t;
        do {
            t = lexer_next(&f->lx);
        } while (t.kind != TK_EOF);
        assert_int_equal(f->diags.n_errors, 1);
        done(f);
    }
}

static void test_bad_bytes(void **state)
{
    (void)state;
    const char src[] = "a \xff b # c \xc3\xa9 'ok \xc3' ";
    Fixture *f = fixture(src);
    Token t;
    do {
        t = lexer_next(&f->lx);
    } while (t.kind != TK_EOF);
    /* 0xff, '#', the unquoted e-acute, and the truncated sequence in the string */
    assert_int_equal(f->diags.n_errors, 4);
    done(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keywords_sorted),
        cmocka_unit_test(test_words_and_quotes),
        cmocka_unit_test(test_operators_and_comments),
        cmocka_unit_test(test_adjacency),
        cmocka_unit_test(test_unterminated),
        cmocka_unit_test(test_bad_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
