/* config.c: migc.ini through inih, with located diagnostics. */
#include "config.h"

#include <errno.h>
#include <ini.h>
#include <string.h>

#include "fileio.h"
#include "ir.h"

static const char *const naming_keys[] = {
#define X(k, key, def) key,
    NAMING_KINDS(X)
#undef X
};
static const char *const naming_defaults[] = {
#define X(k, key, def) def,
    NAMING_KINDS(X)
#undef X
};

const char *naming_key(NamingKind k)
{
    return naming_keys[k];
}

void config_defaults(Config *c)
{
    memset(c, 0, sizeof *c);
    c->file = NO_FILE;
    c->migrations_dir = "migrations";
    c->dialects = DIALECT_MASK_ALL;
    c->version_table = "migc_version";
    for (int i = 0; i < NAME__COUNT; i++)
        c->naming[i] = naming_defaults[i];
}

typedef struct Loader {
    Config *c;
    Arena *a;
    Diags *diags;
    const char *text;
    uint32_t len;
    bool ok;
} Loader;

/* inih reports no positions, so the key's line is found again in the text:
 * the first line of `section` that starts with `name`. */
static Span find_key(const Loader *ld, const char *section, const char *name)
{
    const char *t = ld->text;
    char header[256];
    snprintf(header, sizeof header, "[%s]", section);
    const char *from = t;
    const char *h = strstr(t, header);
    if (h)
        from = h;
    size_t n = strlen(name);
    for (const char *p = from; p && *p;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncmp(p, name, n) == 0 && (p[n] == ' ' || p[n] == '=' || p[n] == ':' || p[n] == '\t'))
            return span_at(ld->c->file, (uint32_t)(p - t), (uint32_t)n);
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    return span_at(ld->c->file, 0, 0);
}

static void warn_unknown(Loader *ld, const char *section, const char *name, const char *help)
{
    Diag *g = diag_warning(ld->diags, find_key(ld, section, name), "config",
                           "unknown key '%s' in section [%s]", name, section);
    diag_help(ld->diags, g, "%s", help);
}

static unsigned parse_dialects(Loader *ld, const char *value)
{
    unsigned mask = 0;
    const char *p = value;
    while (*p) {
        while (*p == ' ' || *p == ',' || *p == '\t')
            p++;
        const char *s = p;
        while (*p && *p != ',' && *p != ' ' && *p != '\t')
            p++;
        size_t n = (size_t)(p - s);
        if (n == 0)
            continue;
        if (str_eq_ci(s, n, "postgresql"))
            mask |= DIALECT_MASK_POSTGRESQL;
        else if (str_eq_ci(s, n, "sqlite"))
            mask |= DIALECT_MASK_SQLITE;
        else if (str_eq_ci(s, n, "mysql"))
            mask |= DIALECT_MASK_MYSQL;
        else if (str_eq_ci(s, n, "all"))
            mask |= DIALECT_MASK_ALL;
        else {
            Diag *g = diag_error(ld->diags, find_key(ld, "migc", "dialects"), "config",
                                 "unknown dialect '%.*s' in dialects", (int)n, s);
            diag_help(ld->diags, g, "dialects are postgresql, sqlite and mysql");
            ld->ok = false;
        }
    }
    return mask;
}

const char *version_table_problem(const char *name)
{
    size_t n = strlen(name);
    if (n == 0)
        return "is empty";
    if (n > 59)
        return "is longer than 59 bytes";
    return name[n - 1] == ' ' ? "ends in a space" : NULL;
}

static const char *version_table_name(Loader *ld, const char *value)
{
    const char *why = version_table_problem(value);
    if (!why)
        return arena_strdup(ld->a, value);
    Diag *g = diag_error(ld->diags, find_key(ld, "migc", "version_table"), "config", "version_table '%s' %s", value, why);
    diag_help(ld->diags, g, "name a table of 1 to 59 bytes (its primary key is NAME_pkc), e.g. version_table = "
                            "alembic_version");
    ld->ok = false;
    return ld->c->version_table;
}

static void set_migc_key(Loader *ld, const char *name, const char *value)
{
    Config *c = ld->c;
    if (strcmp(name, "migrations") == 0)
        c->migrations_dir = arena_strdup(ld->a, value);
    else if (strcmp(name, "version_table") == 0)
        c->version_table = version_table_name(ld, value);
    else if (strcmp(name, "dialects") == 0)
        c->dialects = parse_dialects(ld, value);
    else
        warn_unknown(ld, "migc", name, "keys of [migc] are migrations, dialects and version_table");
}

/* The first "{...}" of `tmpl` that naming.c does not fill in, or NULL. */
static const char *unknown_placeholder(Arena *a, const char *tmpl)
{
    static const char *const known[] = {"{table}", "{columns}", "{ref_table}", "{n}"};
    for (const char *p = strchr(tmpl, '{'); p; p = strchr(p + 1, '{')) {
        bool ok = false;
        for (size_t i = 0; i < countof(known) && !ok; i++)
            ok = strncmp(p, known[i], strlen(known[i])) == 0;
        if (!ok) {
            const char *close = strchr(p, '}');
            return close ? arena_strndup(a, p, (size_t)(close - p + 1)) : p;
        }
    }
    return NULL;
}

static void set_naming_key(Loader *ld, const char *name, const char *value)
{
    const char *unknown = unknown_placeholder(ld->a, value);
    if (unknown) {
        Diag *g = diag_error(ld->diags, find_key(ld, "naming", name), "config",
                             "naming template '%s' has an unknown placeholder %s", value, unknown);
        diag_help(ld->diags, g, "placeholders are {table}, {columns}, {ref_table} and {n}");
        ld->ok = false;
    }
    for (int i = 0; i < NAME__COUNT; i++) {
        if (strcmp(name, naming_keys[i]) == 0) {
            if (!strstr(value, "{table}")) {
                Diag *g = diag_error(ld->diags, find_key(ld, "naming", name), "config",
                                     "naming template '%s' lacks {table}", value);
                diag_help(ld->diags, g, "names must differ per table, e.g. %s", naming_defaults[i]);
                ld->ok = false;
            }
            ld->c->naming[i] = arena_strdup(ld->a, value);
            return;
        }
    }
    warn_unknown(ld, "naming", name, "keys of [naming] are primary_key, unique, foreign_key, check and index");
}

static void add_entry(Loader *ld, PtrVec *v, const char *section, const char *name, const char *value)
{
    ConfigEntry *e = ARENA_NEW(ld->a, ConfigEntry);
    e->key = arena_strdup(ld->a, name);
    e->value = arena_strdup(ld->a, value);
    e->span = find_key(ld, section, name);
    ptrvec_push(ld->a, v, e);
}

static int on_ini_entry(void *user, const char *section, const char *name, const char *value)
{
    Loader *ld = user;
    if (strcmp(section, "migc") == 0 || strcmp(section, "") == 0)
        set_migc_key(ld, name, value);
    else if (strcmp(section, "naming") == 0)
        set_naming_key(ld, name, value);
    else if (strcmp(section, "lint") == 0)
        add_entry(ld, &ld->c->lint_severities, section, name, value);
    else if (strcmp(section, "lint.naming") == 0)
        add_entry(ld, &ld->c->naming_patterns, section, name, value);
    else
        warn_unknown(ld, section, name, "sections are [migc], [naming], [lint] and [lint.naming]");
    return 1;
}

bool config_load(Config *c, const char *path, bool required, Arena *a, SourceMap *sm, Diags *diags)
{
    FileData fd;
    int err = file_read(path, a, &fd);
    if (err == ENOENT && !required)
        return true;
    if (err) {
        Diag *g = diag_error(diags, NO_SPAN, "config", "cannot read %s: %s", path, strerror(err));
        diag_help(diags, g, "check the path given with --config or -C");
        return false;
    }
    c->path = arena_strdup(a, path);
    c->file = source_add(sm, path, fd.data, fd.len);
    Loader ld = {c, a, diags, source_get(sm, c->file)->text, (uint32_t)fd.len, true};
    int line = ini_parse_string(ld.text, on_ini_entry, &ld);
    if (line > 0) {
        SourceFile *f = source_get(sm, c->file);
        uint32_t off = 0;
        for (int l = 1; l < line && off < f->len; off++)
            l += f->text[off] == '\n';
        Diag *g = diag_error(diags, span_at(c->file, off, 0), "config", "malformed line in %s", path);
        diag_help(diags, g, "lines are [section], key = value, or ; comments");
        return false;
    }
    return ld.ok;
}
