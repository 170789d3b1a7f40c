/* fileio.c: reading sources and listing migration folders. */
#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
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
        if (S_ISREG(st.st_mode) && len < cap)
            break; /* a regular file reads short only at its end: no second read to learn it */
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

enum { IOV_BATCH = 1024 }; /* IOV_MAX on Linux: writev takes no more at once */

/* Writes n <= IOV_BATCH pieces, resuming after a short write. */
static int writev_all(int fd, const Piece *s, size_t n)
{
    struct iovec iov[IOV_BATCH];
    for (size_t i = 0; i < n; i++)
        iov[i] = (struct iovec){(void *)s[i].data, s[i].len};
    struct iovec *v = iov;
    while (n > 0) {
        ssize_t w = writev(fd, v, (int)n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            return errno;
        for (; n > 0 && (size_t)w >= v->iov_len; v++, n--)
            w -= (ssize_t)v->iov_len;
        if (n > 0) {
            v->iov_base = (char *)v->iov_base + w;
            v->iov_len -= (size_t)w;
        }
    }
    return 0;
}

int dir_open(const char *path, int *fd)
{
    *fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    return *fd < 0 ? errno : 0;
}

int file_write_pieces(int dirfd, const char *name, const Piece *pieces, size_t n)
{
    int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return errno;
    int err = 0;
    for (size_t i = 0; i < n && !err; i += IOV_BATCH)
        err = writev_all(fd, pieces + i, n - i < IOV_BATCH ? n - i : IOV_BATCH);
    if (close(fd) != 0 && !err)
        err = errno;
    return err;
}

int file_read_prefix(const char *path, char *buf, size_t cap, size_t *got)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    *got = 0;
    int err = 0;
    while (*got < cap) {
        ssize_t n = read(fd, buf + *got, cap - *got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            err = errno;
        if (n <= 0)
            break;
        *got += (size_t)n;
    }
    close(fd);
    return err;
}

static bool entry_is_dir(int dirfd, const struct dirent *e)
{
    if (e->d_type != DT_UNKNOWN)
        return e->d_type == DT_DIR;
    struct stat st; /* file systems that do not fill d_type */
    return fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
}

static int remove_at(int parent, const char *name);

/* Removes what it finds, then reads the folder again: readdir does not
 * promise to return every entry of a folder changing under it.  Stops when
 * a pass removes nothing (empty, or what is left cannot go).  Hidden
 * entries stay, as dir_list does not see them either: a folder that held
 * only `.git` counted as empty and was replaced, and its `.git` must
 * survive in the folder left behind. */
static void empty_dir(DIR *d)
{
    bool removed = true;
    while (removed) {
        removed = false;
        rewinddir(d);
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            int fd = dirfd(d);
            int err = entry_is_dir(fd, e) ? remove_at(fd, e->d_name) : unlinkat(fd, e->d_name, 0) == 0 ? 0 : errno;
            removed |= err == 0;
        }
    }
}

/* Relative to the parent's descriptor: no path is walked for each entry,
 * and a link in place of a folder is removed, not followed. */
static int remove_at(int parent, const char *name)
{
    int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return unlinkat(parent, name, 0) == 0 ? 0 : errno;
    DIR *d = fdopendir(fd);
    if (!d) {
        int err = errno;
        close(fd);
        return err;
    }
    empty_dir(d);
    closedir(d);
    return unlinkat(parent, name, AT_REMOVEDIR) == 0 ? 0 : errno;
}

int remove_tree(const char *path)
{
    return remove_at(AT_FDCWD, path);
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
