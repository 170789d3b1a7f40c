/* timestamp.h: datetime strings with a time zone offset.
 *
 * MariaDB rejects an offset in a datetime string ('2024-05-01 10:00:00+02',
 * '2024-05-01T08:00:00Z'), which PostgreSQL takes.  A string stored into a
 * timestamptz column is moved to UTC (what such a column holds on MySQL);
 * one stored into a timestamp column drops the offset, as PostgreSQL does. */
#ifndef MIGC_TIMESTAMP_H
#define MIGC_TIMESTAMP_H

#include "base.h"

/* `s` as 'YYYY-MM-DD HH:MM:SS[.ffffff]' without its offset, moved to UTC
 * when `to_utc`; NULL when `s` is not a datetime with an offset (then it is
 * used as written). */
const char *timestamp_drop_offset(Arena *a, const char *s, bool to_utc);

#endif
