/* Unit tests of the SQL linter (lint_sql.c): positions, provenance,
 * transactions, slicing of long files, embedded execute blocks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lint.h"


typedef struct Fixture {
    Arena arena;
    SourceMap sources;
    Diags diags;
    Config config;
    Linter linter;
} Fixture;

static void setup(Fixture *f, const char *naming_table)
{
    memset(f, 0, sizeof *f);
    sources_init(&f->sources, &f->arena);
    diags_init(&f->diags, &f->arena, &f->sources);
    config_defaults(&f->config);
    if (naming_table) {
        ConfigEntry *e = ARENA_NEW(&f->arena, ConfigEntry);
        *e = (ConfigEntry){"table", naming_table, NO_SPAN};
        ptrvec_push(&f->arena, &f->config.naming_patterns, e);
    }
    linter_init(&f->linter, &f->arena, &f->diags, &f->config);
    f->linter.dialects = DIALECT_MASK_POSTGRESQL;
}

static void teardown(Fixture *f)
{
    linter_free(&f->linter);
    arena_free(&f->arena);
}

static uint32_t lint_text(Fixture *f, const char *sql)
{
    uint32_t file = source_add(&f->sources, "t.sql", sql, strlen(sql));
    lint_sql_file(&f->linter, file);
    return file;
}

static const Diag *diag_at(const Fixture *f, uint32_t i)
{
    assert_true(i < f->diags.list.len);
    return f->diags.list.items[i];
}

/* The codes reported, comma-separated, in order. */
static const char *codes(Fixture *f)
{
    Buf b;
    buf_init(&b, &f->arena);
    for (uint32_t i = 0; i < f->diags.list.len; i++)
        buf_printf(&b, "%s%s", i ? "," : "", diag_at(f, i)->code);
    return buf_cstr(&b);
}

static LineCol where(const Fixture *f, uint32_t i)
{
    const Diag *g = diag_at(f, i);
    return source_linecol(&f->sources, g->span.file, g->span.byte_off);
}

/* The text a diagnostic's span covers. */
static const char *spanned(Fixture *f, uint32_t i)
{
    const Diag *g = diag_at(f, i);
    const SourceFile *s = source_get(&f->sources, g->span.file);
    return arena_strndup(&f->arena, s->text + g->span.byte_off, g->span.byte_len);
}

/* ---------------------------------------------------------- positions */

/* cursorpos counts characters: é and ü are two bytes each. */
static void test_syntax_error_after_multibyte(void **state)
{
    (void)state;
    Fixture f;
    setup(&f, NULL);
    lint_text(&f, "SELECT 'é', 'ü';\nALTER TABLE t ADD COLUMN ë int NOT NUL;\n");
    assert_string_equal(codes(&f), "sql-syntax");
    assert_int_equal(where(&f, 0).line, 2);
    assert_int_equal(where(&f, 0).col, 36);
    assert_string_equal(spanned(&f, 0), "NUL");
    assert_non_null(strstr(diag_at(&f, 0)->message, "syntax error at or near \"NUL\""));
    teardown(&f);
}

static void test_syntax_error_at_end_of_input(void **state)
{
    (void)state;
    Fixture f;
    setup(&f, NULL);
    lint_text(&f, "SELECT 'é';\nSELECT (1");
    assert_string_equal(codes(&f), "sql-syntax");
    assert_int_equal(where(&f, 0).line, 2);
    assert_int_equal(where(&f, 0).col, 10);
    assert_int_equal(diag_at(&f, 0)->span.byte_len, 0);
    teardown(&f);
}

static void test_byte_order_mark_is_skipped(void **state)
{
    (void)state;
    Fixture f;
    setup(&f, NULL);
    lint_text(&f, "\xef\xbb\xbf" "DROP TABLE users;");
    assert_string_equal(codes(&f), "drop-table");
    assert_string_equal(spanned(&f, 0), "users");
    teardown(&f);
}

/* Names are found in the text where the tree has no location. */
static void test_name_spans(void **state)
{
    (void)state;
    Fixture f;
    setup(&f, NULL);
    lint_text(&f, "ALTER TABLE status DROP COLUMN \"Status\", DROP COLUMN status;\n"
                  "ALTER TABLE public.users RENAME COLUMN name TO full_name;");
    assert_string_equal(codes(&f), "drop-column,drop-column,rename-column");
    assert_string_equal(spanned(&f, 0), "\"Status\"");
    assert_string_equal(spanned(&f, 1), "status");
    assert_int_equal(where(&f, 1).col, 54);
    assert_string_equal(spanned(&f, 2), "name");
    teardown(&f);
}

/* ---------------------------------------------------------- provenance */

static void test_objects_created_in_the_file(void **state)
{
    (void)state;
    Fixture f;
    setup(&f, NULL);
    lint_text(&f, "CREATE TABLE \"Users\" (id bigint PRIMARY KEY, email text);\n"
                  "CREATE INDEX ix_users_email ON \"Users\" (email);\n" /* new table: fine */
                  "CREATE INDEX ix_users_email2 ON users (email);\n"     /* another table */
                  "ALTER TABLE \"Users\" ADD COLUMN n int NOT NULL;\n"
                  "DROP INDEX ix_users_email;\n"
                  "UPDATE \"Users\" SET email = NULL;\n"
                  "DROP TABLE \"Users\";\n"
                  "DROP TABLE \"Users\";\n"); /* the second one is not the file's */
    assert_string_equal(codes(&f), "index-not-concurrent,drop-table");
    assert_non_null(strstr(diag_at(&f, 0)->message, "ix_users_email2"));
    assert_int_equal(where(&f, 1).line, 8);
    teardown(&f);
}

static void test_columns_added_in_the_file(void **state)
{
    (void)state;
    Fixture f;
    setup(&f, NULL);
    lint_text(&f, "ALTER TABLE users ADD COLUMN tmp text;\n"
                  "ALTER TABLE users RENAME COLUMN tmp TO tmp2;\n"
                  "ALTER TABLE users DROP COLUMN tmp2;\n"
                  "ALTER TABLE users ALTER COLUMN tmp3 SET NOT NULL;\n");
    assert_string_equal(codes(&f), "set-not-null-full-scan");
    teardown(&f);
}

static void test_alter_type_known_and_unknown(void **state)
{
    (void)state;
    Fixture f;
    setup(&f, NULL);
    lint_text(&f, "ALTER TABLE t ADD COLUMN a varchar(20), ADD COLUMN b numeric(10,2), ADD COLUMN c integer;\n"
                  "ALTER TABLE t ALTER COLUMN a TYPE varchar(100);\n" /* widens */
                  "ALTER TABLE t ALTER COLUMN a TYPE text;\n"         /* widens */
                  "ALTER TABLE t ALTER COLUMN b TYPE numeric(12,2);\n"
                  "ALTER TABLE t ALTER COLUMN b TYPE numeric;\n"
                  "ALTER TABLE t ALTER COLUMN c TYPE bigint;\n"       /* rewrites */
                  "ALTER TABLE t ALTER COLUMN a TYPE varchar(10);\n"  /* text -> varchar(10) */
                  "ALTER TABLE t ALTER COLUMN z TYPE varchar(10);\n");
    assert_string_equal(codes(&f), "alter-type-rewrite,alter-type-rewrite,alter-type-rewrite");
    assert_string_equal(diag_at(&f, 0)->message, "changing t.c from integer to bigint rewrites t");
    assert_string_equal(diag_at(&f, 1)->message, "changing t.a from text to varchar(10) rewrites t");
    assert_non_null(strstr(diag_at(&f, 2)->message, "not known from this file"));
    assert_string_equal(spanned(&f, 2), "z");
    teardown(&f);
}

static void test_validated_check_proves_not_null(void **state)
{
    (void)state;
    Fixture f;
    setup(&f, NULL);
    lint_text(&f, "ALTER TABLE t ADD CONSTRAINT ck_a CHECK (a IS NOT NULL) NOT VALID;\n"
                  "ALTER TABLE t ALTER COLUMN a SET NOT NULL;\n" /* not validated yet */
                  "ALTER TABLE t VALIDATE CONSTRAINT ck_a;\n"
                  "ALTER TABLE t ALTER COLUMN a SET NOT NULL;\n");
    assert_string_equal(codes(&f), "set-not-null-full-scan");
    assert_int_equal(where(&f, 0).line, 2);
    teardown(&f);
}

/* ---------------------------------------------------------- transactions */

static void test_concurrently_in_transaction(void **state)
{
    (void)state;
    Fixture f;
    setup(&f, NULL);
    lint_text(&f, "CREATE INDEX CONCURRENTLY a ON t (x);\n"
                  "BEGIN;\n"
                  "CREATE INDEX CONCURRENTLY b ON t (x);\n"
                  "COMMIT;\n"
                  "DROP INDEX CONCURRENTLY a;\n"
                  "START TRANSACTION ISOLATION LEVEL SERIALIZABLE;\n"
                  "DROP INDEX CONCURRENTLY c;\n"
                  "ROLLBACK;\n");
    assert_string_equal(codes(&f), "concurrently-in-transaction,concurrently-in-transaction");
    assert_int_equal(where(&f, 0).line, 3);
    assert_non_null(strstr(diag_at(&f, 0)->message, "opened on line 2"));
    assert_non_null(strstr(diag_at(&f, 1)->message, "opened on line 6"));
    teardown(&f);
}

/* ---------------------------------------------------------- configuration */

static void test_levels_and_naming(void **state)
{
    (void)state;
    Fixture f;
    setup(&f, "^[a-z_]+$");
    f.linter.config.level[R_DROP_TABLE] = LEVEL_OFF;
    lint_text(&f, "DROP TABLE a;\nCREATE TABLE \"BadName\" (id bigint);\n");
    assert_string_equal(codes(&f), "naming-convention");
    assert_string_equal(spanned(&f, 0), "\"BadName\"");
    assert_int_equal(f.diags.n_warnings, 1);
    teardown(&f);
}

/* ------------------------------------------------------------ long files */

/* Over the slice size: tables created in one slice are known in the next,
 * a BEGIN ATOMIC body is never cut, and a late error has its position. */
enum { LONG_ROWS = 20000, LONG_LINES = 1 + LONG_ROWS + LONG_ROWS / 1000 };

static char *long_sql(const char *tail)
{
    Buf b;
    Arena a = {0};
    buf_init(&b, &a);
    buf_puts(&b, "CREATE TABLE early (id bigint);\n");
    for (int i = 0; i < LONG_ROWS; i++) {
        buf_printf(&b, "INSERT INTO early (id) VALUES (%d);\n", i);
        if (i % 1000 == 0)
            buf_puts(&b, "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; "
                         "SELECT CASE WHEN true THEN 2 END; END;\n");
    }
    buf_puts(&b, tail);
    char *s = strdup(buf_cstr(&b));
    arena_free(&a);
    return s;
}

static void test_long_file(void **state)
{
    (void)state;
    Fixture f;
    setup(&f, NULL);
    char *sql = long_sql("CREATE INDEX ix_early ON early (id);\nCREATE INDEX ix_late ON late (id);\n");
    assert_true(strlen(sql) > 2 * 256 * 1024);
    lint_text(&f, sql);
    assert_string_equal(codes(&f), "index-not-concurrent");
    assert_int_equal(where(&f, 0).line, LONG_LINES + 2);
    free(sql);
    teardown(&f);
}

static void test_long_file_error(void **state)
{
    (void)state;
    Fixture f;
    setup(&f, NULL);
    char *sql = long_sql("SELECT 'ü';\nSELEC 1;\n");
    lint_text(&f, sql);
    assert_string_equal(codes(&f), "sql-syntax");
    assert_int_equal(where(&f, 0).line, LONG_LINES + 2);
    assert_int_equal(where(&f, 0).col, 1);
    free(sql);
    teardown(&f);
}

/* ------------------------------------------------------------ embedded */

/* An execute block: positions are in the .mig file, findings go to the op
 * and its @allow. */
static void test_embedded(void **state)
{
    (void)state;
    Fixture f;
    setup(&f, NULL);
    const char *mig = "migration \"m\" revision r1 revises none\n"
                      "execute $$ DROP TABLE légacy;\n"
                      "  DELETE FROM sessions $$ reverse none;\n";
    uint32_t file = source_add(&f.sources, "m.mig", mig, strlen(mig));
    const char *open = strstr(mig, "$$") + 2, *close = strstr(open, "$$");
    Span body = span_at(file, (uint32_t)(open - mig), (uint32_t)(close - open));
    char *sql = arena_strndup(&f.arena, open, body.byte_len);

    Allow allow = {{"drop-table", NO_SPAN}, "archived", NO_SPAN, false};
    Allow *allows[] = {&allow};
    Op op = {.kind = OPK_EXECUTE, .allows = {allows, 1}};
    lint_sql_embedded(&f.linter, &op, sql, body);
    assert_string_equal(codes(&f), "data-delete");
    assert_int_equal(where(&f, 0).line, 3);
    assert_int_equal(where(&f, 0).col, 3);
    assert_true(allow.used);
    assert_int_equal(op.findings.len, 2);
    assert_int_equal(((Finding *)op.findings.items[0])->rule, R_DROP_TABLE);
    assert_ptr_equal(((Finding *)op.findings.items[0])->allowed_by, &allow);
    teardown(&f);
}

static void test_embedded_syntax_error(void **state)
{
    (void)state;
    Fixture f;
    setup(&f, NULL);
    const char *mig = "migration \"é\" revision r1 revises none\n"
                      "execute postgresql $$\n"
                      "  UPDATE t SET a = 'ü' WHER a = 1 $$ reverse none;\n";
    uint32_t file = source_add(&f.sources, "m.mig", mig, strlen(mig));
    const char *open = strstr(mig, "$$") + 2, *close = strstr(open, "$$");
    Span body = span_at(file, (uint32_t)(open - mig), (uint32_t)(close - open));
    Op op = {.kind = OPK_EXECUTE};
    lint_sql_embedded(&f.linter, &op, arena_strndup(&f.arena, open, body.byte_len), body);
    assert_string_equal(codes(&f), "sql-syntax");
    assert_int_equal(where(&f, 0).line, 3);
    assert_int_equal(where(&f, 0).col, 24);
    assert_string_equal(spanned(&f, 0), "WHER");
    teardown(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_syntax_error_after_multibyte),
        cmocka_unit_test(test_syntax_error_at_end_of_input),
        cmocka_unit_test(test_byte_order_mark_is_skipped),
        cmocka_unit_test(test_name_spans),
        cmocka_unit_test(test_objects_created_in_the_file),
        cmocka_unit_test(test_columns_added_in_the_file),
        cmocka_unit_test(test_alter_type_known_and_unknown),
        cmocka_unit_test(test_validated_check_proves_not_null),
        cmocka_unit_test(test_concurrently_in_transaction),
        cmocka_unit_test(test_levels_and_naming),
        cmocka_unit_test(test_long_file),
        cmocka_unit_test(test_long_file_error),
        cmocka_unit_test(test_embedded),
        cmocka_unit_test(test_embedded_syntax_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
