/* Unit tests of datetime strings losing their offset (timestamp.h): the
 * MySQL emitter writes these where MariaDB refuses an offset. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "timestamp.h"

static void expect(const char *in, bool utc, const char *want)
{
    Arena a = {0};
    const char *got = timestamp_drop_offset(&a, in, utc);
    if (!want)
        assert_null(got);
    else
        assert_string_equal(got, want);
    arena_free(&a);
}

static void test_moves_to_utc(void **state)
{
    (void)state;
    expect("2024-05-01 10:00:00+02", true, "2024-05-01 08:00:00");
    expect("2024-05-01T08:00:00Z", true, "2024-05-01 08:00:00");
    expect("2024-05-01 10:30:00+05:30", true, "2024-05-01 05:00:00");
    expect("2024-05-01 10:00:00-0830", true, "2024-05-01 18:30:00");
    expect("2024-05-01 10:00:00.123456+02", true, "2024-05-01 08:00:00.123456");
}

static void test_crosses_days_months_years(void **state)
{
    (void)state;
    expect("2024-01-01 01:00:00+02", true, "2023-12-31 23:00:00");
    expect("2023-12-31 23:30:00-01", true, "2024-01-01 00:30:00");
    expect("2024-03-01 00:15:00+01", true, "2024-02-29 23:15:00"); /* leap year */
    expect("2023-03-01 00:15:00+01", true, "2023-02-28 23:15:00");
    expect("1969-12-31 23:00:00-02", true, "1970-01-01 01:00:00");
}

static void test_timestamp_drops_the_offset(void **state)
{
    (void)state;
    expect("2024-05-01 10:00:00+02", false, "2024-05-01 10:00:00");
    expect("2024-05-01 10:00+02", false, "2024-05-01 10:00:00");
}

static void test_leaves_the_rest(void **state)
{
    (void)state;
    expect("2024-05-01 10:00:00", true, NULL); /* no offset: as written */
    expect("2024-05-01", true, NULL);
    expect("hello", true, NULL);
    expect("", true, NULL);
    expect("2024-13-01 10:00:00+02", true, NULL);
    expect("2024-05-01 24:00:00+02", true, NULL);
    expect("2024-05-01 10:00:00+02junk", true, NULL);
    expect("2024-05-01 10:00:00+99", true, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_moves_to_utc),
        cmocka_unit_test(test_crosses_days_months_years),
        cmocka_unit_test(test_timestamp_drops_the_offset),
        cmocka_unit_test(test_leaves_the_rest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
