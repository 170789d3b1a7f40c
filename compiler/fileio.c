/* fileio.c: reading sources and listing migration folders. */
#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"

int file_read(const char *path, Arena *a, FileData *out)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    struct stat st;
    int err = 0;
    if (fstat(fd, &st) != 0) {
        err = errno;
    } else if (S_ISDIR(st.st_mode)) {
        err = EISDIR;
    } else if ((uint64_t)st.st_size >= SOURCE_MAX_BYTES) {
        err = EFBIG;
    }
    if (err) {
        close(fd);
        return err;
    }
    size_t cap = (size_t)st.st_size + 1, len = 0;
    char *buf = arena_alloc(a, cap + 1);
    for (;;) {
        if (len == cap) {
            /* the file grew while being read (or is a pipe): read on, bounded */
            if (cap >= SOURCE_MAX_BYTES) {
                close(fd);
                return EFBIG;
            }
            buf = arena_realloc(a, buf, cap + 1, cap * 2 + 1);
            cap *= 2;
        }
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            err = errno;
            break;
        }
        if (n == 0)
            break;
        len += (size_t)n;
    }
    close(fd);
    if (err)
        return err;
    buf[len] = '\0';
    out->data = buf;
    out->len = len;
    return 0;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int dir_list(const char *dir, const char *suffix, Arena *a, PtrVec *names)
{
    DIR *d = opendir(dir);
    if (!d)
        return errno;
    size_t sl = strlen(suffix);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || n <= sl || strcmp(e->d_name + n - sl, suffix) != 0)
            continue;
        ptrvec_push(a, names, arena_strndup(a, e->d_name, n));
    }
    closedir(d);
    if (names->len)
        qsort(names->items, names->len, sizeof(void *), compare_names);
    return 0;
}

bool path_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

bool path_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *path_join(Arena *a, const char *dir, const char *name)
{
    if (!dir || !*dir || strcmp(dir, ".") == 0)
        return arena_strdup(a, name);
    size_t n = strlen(dir);
    return arena_printf(a, "%s%s%s", dir, dir[n - 1] == '/' ? "" : "/", name);
}

static int write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return errno;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

int file_write(const char *path, const char *data, size_t len)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return errno;
    int err = write_all(fd, data, len);
    if (close(fd) != 0 && !err)
        err = errno;
    return err;
}

int file_write_atomic(const char *path, const char *data, size_t len, Arena *a)
{
    const char *tmp = arena_printf(a, "%s.tmp-%ld", path, (long)getpid());
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return errno;
    int err = write_all(fd, data, len);
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && rename(tmp, path) != 0)
        err = errno;
    if (err)
        unlink(tmp);
    return err;
}

int make_dirs(const char *path, Arena *a)
{
    char *p = arena_strdup(a, path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST)
            return errno;
        *s = '/';
    }
    if (mkdir(p, 0755) != 0 && errno != EEXIST)
        return errno;
    return 0;
}
