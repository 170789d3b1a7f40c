/* timestamp.c: datetime strings with a time zone offset, for engines
 * that take none (see timestamp.h). */
#include <string.h>

#include "timestamp.h"

typedef struct Stamp {
    int y, mo, d, h, mi, sec;
    char frac[8];
    int offset; /* minutes east of UTC */
} Stamp;

static int digits(const char **p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++, (*p)++) {
        if (**p < '0' || **p > '9')
            return -1;
        v = v * 10 + (**p - '0');
    }
    return v;
}

static bool parse_offset(const char *p, Stamp *t)
{
    if (*p == 'Z' || *p == 'z') {
        t->offset = 0;
        return p[1] == '\0';
    }
    if (*p != '+' && *p != '-')
        return false;
    int sign = *p++ == '-' ? -1 : 1;
    int oh = digits(&p, 2), om = 0;
    if (*p == ':')
        p++;
    if (*p)
        om = digits(&p, 2);
    t->offset = sign * (oh * 60 + om);
    return oh >= 0 && oh <= 15 && om >= 0 && om < 60 && *p == '\0';
}

/* A number of exactly `n` digits followed by `sep` (0: anything). */
static int field(const char **p, int n, char sep)
{
    int v = digits(p, n);
    if (v < 0 || (sep && **p != sep))
        return -1;
    if (sep)
        (*p)++;
    return v;
}

static bool parse_fraction(const char **p, Stamp *t)
{
    if (**p != '.')
        return true;
    size_t n = 0;
    for ((*p)++; **p >= '0' && **p <= '9'; (*p)++)
        if (n < 6)
            t->frac[n++] = **p;
    return n > 0;
}

/* YYYY-MM-DD[ T]HH:MM[:SS[.f]] then Z or +HH[[:]MM]; false without an offset. */
static bool parse_stamp(const char *p, Stamp *t)
{
    memset(t, 0, sizeof *t);
    t->y = field(&p, 4, '-');
    t->mo = field(&p, 2, '-');
    t->d = field(&p, 2, 0);
    if (t->y < 0 || t->mo < 1 || t->mo > 12 || t->d < 1 || t->d > 31 || (*p != ' ' && *p != 'T'))
        return false;
    p++;
    t->h = field(&p, 2, ':');
    t->mi = field(&p, 2, 0);
    if (*p == ':') {
        p++;
        t->sec = field(&p, 2, 0);
    }
    if (t->h < 0 || t->h > 23 || t->mi < 0 || t->mi > 59 || t->sec < 0 || t->sec > 59 || !parse_fraction(&p, t))
        return false;
    while (*p == ' ')
        p++;
    return parse_offset(p, t);
}

/* Days since 1970-01-01 and back (Howard Hinnant's civil calendar). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void civil_from_days(long z, Stamp *t)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    t->d = (int)(doy - (153 * mp + 2) / 5 + 1);
    t->mo = (int)(mp < 10 ? mp + 3 : mp - 9);
    t->y = (int)(yoe + era * 400 + (t->mo <= 2));
}

const char *timestamp_drop_offset(Arena *a, const char *s, bool to_utc)
{
    Stamp t;
    if (!parse_stamp(s, &t))
        return NULL;
    if (to_utc) {
        long minutes = days_from_civil(t.y, t.mo, t.d) * 1440L + t.h * 60 + t.mi - t.offset;
        long days = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
        long rest = minutes - days * 1440;
        civil_from_days(days, &t);
        t.h = (int)(rest / 60);
        t.mi = (int)(rest % 60);
    }
    return arena_printf(a, "%04d-%02d-%02d %02d:%02d:%02d%s%s", t.y, t.mo, t.d, t.h, t.mi, t.sec,
                        t.frac[0] ? "." : "", t.frac);
}
