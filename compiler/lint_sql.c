/* lint_sql.c: skeleton; replaced by the libpg_query linter. */
#include "lint.h"

void lint_sql_file(Linter *l, uint32_t file)
{
    (void)l;
    (void)file;
}
