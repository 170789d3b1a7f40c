/* runtime.c: applying migrations to an embedded SQLite database. */
#include "runtime.h"

int runtime_command(Session *s, const char *command, const char *target, const char *db_path)
{
    (void)target;
    Diag *d = diag_error(&s->diags, NO_SPAN, "usage", "%s --db %s: the embedded runtime is not built yet", command,
                         db_path);
    diag_help(&s->diags, d, "use --sql and run the SQL with sqlite3");
    return finish(s);
}
