/* runtime.h: commands that touch a live database: an embedded SQLite file
 * (upgrade, downgrade, stamp, current with --db FILE) and `verify`. */
#ifndef MIGC_RUNTIME_H
#define MIGC_RUNTIME_H

#include "cli.h"

typedef struct sqlite3 sqlite3;

typedef struct Db {
    sqlite3 *h;
    const char *path;
    Session *s;
} Db;

bool db_open(Session *s, Db *db, const char *path, bool create);
void db_close(Db *db);
/* Runs SQL text, statement by statement; a row from PRAGMA
 * foreign_key_check is a violation.  False (with a diagnostic naming `what`,
 * located at the operation of `m` the failing statement came from when
 * `m` is given) on failure. */
bool db_exec(Db *db, const char *sql, const char *what, const Migration *m);

/* The revisions the version table `table` holds (none when it is
 * missing); false with a diagnostic when it names unknown revisions. */
bool read_heads(Db *db, const char *table, Graph *g, RevSet *heads);

/* `migc upgrade|downgrade|stamp TARGET --db FILE`. */
int runtime_command(Session *s, const char *command, const char *target, const char *db_path);
int cmd_current(Session *s, Args *a);
int cmd_verify(Session *s, Args *a);

#endif
