/* project.c: the session and loading a project's migrations. */
#include "project.h"

#include <errno.h>
#include <string.h>

#include "fileio.h"

void session_init(Session *s)
{
    memset(s, 0, sizeof *s);
    interner_init(&s->names, &s->arena);
    sources_init(&s->sources, &s->arena);
    diags_init(&s->diags, &s->arena, &s->sources);
    config_defaults(&s->config);
    keywords_init(&s->keywords, &s->arena, &s->names);
    s->out = stdout;
    s->err = stderr;
}

void session_free(Session *s)
{
    arena_free(&s->arena);
}

ParseCtx session_parse_ctx(Session *s)
{
    return (ParseCtx){&s->arena, &s->names, &s->diags, &s->sources, &s->keywords};
}

bool session_add_file(Session *s, const char *path, uint32_t *file)
{
    FileData fd;
    int err = file_read(path, &s->arena, &fd);
    if (err) {
        Diag *g = diag_error(&s->diags, NO_SPAN, "io", "cannot read %s: %s", path,
                             err == EFBIG ? "file is larger than 256 MiB" : strerror(err));
        diag_help(&s->diags, g, "check the path and its permissions");
        return false;
    }
    *file = source_adopt(&s->sources, path, fd.data, fd.len); /* 40 MB for 10,000 files: not copied again */
    return true;
}

Migration *session_parse_file(Session *s, const char *path)
{
    uint32_t file;
    if (!session_add_file(s, path, &file))
        return NULL;
    ParseCtx ctx = session_parse_ctx(s);
    return parse_migration(&ctx, file);
}

bool project_load(Session *s, Project *p)
{
    const char *dir = s->config.migrations_dir;
    PtrVec names = {0};
    int err = dir_list(dir, ".mig", &s->arena, &names);
    if (err) {
        Diag *g = diag_error(&s->diags, NO_SPAN, "io", "cannot read the migrations folder '%s': %s", dir,
                             strerror(err));
        diag_help(&s->diags, g, "run migc in the project root (or pass -C DIR), or set migrations = "
                                "FOLDER in migc.ini");
        return false;
    }
    for (uint32_t i = 0; i < names.len; i++) {
        Migration *m = session_parse_file(s, path_join(&s->arena, dir, names.items[i]));
        if (m)
            ptrvec_push(&s->arena, &p->migrations, m);
    }
    return true;
}
