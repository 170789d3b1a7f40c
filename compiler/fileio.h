/* fileio.h: the few file-system calls migc makes, each returning an errno
 * value (0 on success) so callers turn failures into diagnostics. */
#ifndef MIGC_FILEIO_H
#define MIGC_FILEIO_H

#include "base.h"

typedef struct FileData {
    char *data; /* NUL-terminated, in the arena */
    size_t len;
} FileData;

/* Reads a whole file; EFBIG past SOURCE_MAX_BYTES. */
int file_read(const char *path, Arena *a, FileData *out);

/* Names (not paths) of the regular files in `dir` ending in `suffix`,
 * sorted bytewise so every run sees them in the same order. */
int dir_list(const char *dir, const char *suffix, Arena *a, PtrVec *names);

bool path_exists(const char *path);
bool path_is_dir(const char *path);
const char *path_join(Arena *a, const char *dir, const char *name);

/* Writes a whole file (in a folder nobody else sees yet). */
int file_write(const char *path, const char *data, size_t len);

/* Opens a folder to write files into by name (file_write_pieces), so
 * that the kernel does not walk the folder's whole path for each file. */
int dir_open(const char *path, int *fd);

/* Writes a whole file `name` in the folder `dirfd` (or AT_FDCWD), made of
 * pieces, in order, with writev: the pieces are never joined in memory. */
int file_write_pieces(int dirfd, const char *name, const Piece *pieces, size_t n);

/* Reads at most the first `cap` bytes of a file (fewer if it is shorter). */
int file_read_prefix(const char *path, char *buf, size_t cap, size_t *got);

/* rm -r: removes the file or the folder and everything in it, except
 * hidden entries (names starting with '.'), which stay with their folder.
 * Symbolic links are removed, never followed. */
int remove_tree(const char *path);

/* Writes a whole file through a temporary name and a rename. */
int file_write_atomic(const char *path, const char *data, size_t len, Arena *a);

/* mkdir -p */
int make_dirs(const char *path, Arena *a);

#endif
