/* runtime.h: commands that touch a live database: an embedded SQLite file
 * (upgrade, downgrade, stamp, current with --db FILE) and `verify`. */
#ifndef MIGC_RUNTIME_H
#define MIGC_RUNTIME_H

#include "cli.h"

/* `migc upgrade|downgrade|stamp TARGET --db FILE`. */
int runtime_command(Session *s, const char *command, const char *target, const char *db_path);

#endif
