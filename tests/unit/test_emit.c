/* Unit tests of the emitters' quoting: PostgreSQL's keyword list against
 * PostgreSQL's own scanner (libpg_query), and literal quoting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include "emit.h"

/* The scanner's verdict: only unreserved keywords may be bare names. */
static bool pg_scanner_says_keyword(const char *word)
{
    PgQueryScanResult r = pg_query_scan(word);
    bool keyword = false;
    if (!r.error) {
        PgQuery__ScanResult *sr = pg_query__scan_result__unpack(NULL, r.pbuf.len, (const uint8_t *)r.pbuf.data);
        if (sr && sr->n_tokens == 1)
            keyword = sr->tokens[0]->keyword_kind >= PG_QUERY__KEYWORD_KIND__COL_NAME_KEYWORD;
        pg_query__scan_result__free_unpacked(sr, NULL);
    }
    pg_query_free_scan_result(r);
    return keyword;
}

/* Words people name tables and columns after, plus keywords of every
 * category: each must be quoted exactly when PostgreSQL needs it. */
static const char *const candidates[] = {
    "id", "name", "user", "users", "order", "orders", "group", "type", "key", "value", "values", "data",
    "time", "timestamp", "date", "status", "level", "position", "comment", "text", "index", "table", "column",
    "schema", "default", "check", "primary", "references", "limit", "offset", "desc", "asc", "end", "start",
    "role", "session", "current", "both", "leading", "trailing", "interval", "year", "month", "day", "hour",
    "minute", "second", "zone", "json", "select", "from", "where", "all", "any", "array", "as", "between",
    "bigint", "binary", "bit", "boolean", "case", "cast", "char", "character", "coalesce", "collate",
    "collation", "concurrently", "constraint", "create", "cross", "current_date", "current_role",
    "current_schema", "current_time", "current_timestamp", "current_user", "dec", "decimal", "deferrable",
    "distinct", "do", "else", "except", "exists", "extract", "false", "fetch", "float", "for", "foreign",
    "freeze", "full", "grant", "greatest", "grouping", "having", "ilike", "in", "initially", "inner", "inout",
    "int", "integer", "intersect", "into", "is", "isnull", "join", "lateral", "least", "left", "like",
    "localtime", "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not", "notnull",
    "null", "nullif", "numeric", "on", "only", "or", "out", "outer", "overlaps", "overlay", "placing",
    "precision", "real", "returning", "right", "row", "session_user", "setof", "similar", "smallint", "some",
    "substring", "symmetric", "tablesample", "then", "to", "treat", "trim", "true", "union", "unique",
    "using", "varchar", "variadic", "verbose", "when", "window", "with", "xmlattributes", "xmlconcat",
    "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize",
    "xmltable", "analyse", "analyze", "and", "asymmetric", "authorization", "action", "add", "after", "before",
    "cascade", "delete", "drop", "enum", "execute", "identity", "insert", "label", "no", "restrict", "set",
    "update", "valid", "validate", "version", "email", "title", "body", "slug", "created_at", "author_id",
};

static void test_pg_keywords_match_scanner(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        const char *w = candidates[i];
        bool ours = pg_is_keyword(w), theirs = pg_scanner_says_keyword(w);
        /* quoting an unreserved word is harmless; leaving a keyword bare is not */
        if (theirs && !ours)
            fail_msg("'%s' is a PostgreSQL keyword that migc would leave unquoted", w);
        if (ours && !theirs && strncmp(w, "json", 4) != 0 && strcmp(w, "merge_action") != 0 &&
            strcmp(w, "system_user") != 0)
            fail_msg("'%s' is quoted by migc but is not reserved in PostgreSQL 15", w);
    }
    pg_query_exit();
}

static const char *quoted(const Dialect *d, const char *name, Buf *b)
{
    buf_truncate(b, 0);
    d->quote_ident(b, name);
    return buf_cstr(b);
}

static void test_quote_ident(void **state)
{
    (void)state;
    Arena a = {0};
    Buf b;
    buf_init(&b, &a);
    assert_string_equal(quoted(&dialect_postgresql, "users", &b), "users");
    assert_string_equal(quoted(&dialect_postgresql, "order", &b), "\"order\"");
    assert_string_equal(quoted(&dialect_postgresql, "Users", &b), "\"Users\"");
    assert_string_equal(quoted(&dialect_postgresql, "a \"b\"", &b), "\"a \"\"b\"\"\"");
    assert_string_equal(quoted(&dialect_postgresql, "gr\xc3\xb6\xc3\x9f" "e", &b), "\"gr\xc3\xb6\xc3\x9f" "e\"");
    arena_free(&a);
}

static void test_quote_literal(void **state)
{
    (void)state;
    Arena a = {0};
    Buf b;
    buf_init(&b, &a);
    dialect_postgresql.quote_literal(&b, "it's a \\ test");
    assert_string_equal(buf_cstr(&b), "'it''s a \\ test'");
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pg_keywords_match_scanner),
        cmocka_unit_test(test_quote_ident),
        cmocka_unit_test(test_quote_literal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
