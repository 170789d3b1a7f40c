/* pg_parse_check FILE...: every file must parse as PostgreSQL (libpg_query,
 * PostgreSQL 15's own parser).  Prints the first error of each bad file. */
#include <pg_query.h>
#include <stdio.h>

#include "fileio.h"

int main(int argc, char **argv)
{
    int bad = 0;
    for (int i = 1; i < argc; i++) {
        Arena a = {0};
        FileData fd;
        if (file_read(argv[i], &a, &fd) != 0) {
            printf("%s: cannot read\n", argv[i]);
            bad++;
            continue;
        }
        PgQueryParseResult r = pg_query_parse(fd.data);
        if (r.error) {
            printf("%s: PostgreSQL syntax error at character %d: %s\n", argv[i], r.error->cursorpos,
                   r.error->message);
            bad++;
        }
        pg_query_free_parse_result(r);
        arena_free(&a);
    }
    pg_query_exit();
    return bad ? 1 : 0;
}
