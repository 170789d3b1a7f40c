/* sarif_check KIND FILE [MIN]: checks the structure of migc's machine
 * reports (KIND is sarif or json; FILE is `migc ... --format KIND` output)
 * and that they hold at least MIN findings (default 1).  Prints one line
 * per problem, with the JSON path; exits 1 when there is any.
 *
 *   sarif  version "2.1.0"; runs[0].tool.driver name, version, rules; every
 *          rule id, shortDescription.text, defaultConfiguration.level; every
 *          result ruleId, ruleIndex naming the rule with that id, level
 *          error|warning|note, message.text, and locations[0] with an
 *          artifactLocation.uri and a region starting at line, column >= 1
 *   json   format 1; summary counts equal to the findings by severity;
 *          every finding rule, severity, message, and a location with file
 *          and 1-based line and column */
#include <cJSON.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Check {
    int problems;
} Check;

static void problem(Check *c, const char *path, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void problem(Check *c, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", path);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    c->problems++;
}

/* obj[key] through a dotted path ("tool.driver.name"), or NULL. */
static const cJSON *at(const cJSON *obj, const char *dotted)
{
    char key[64];
    while (obj && *dotted) {
        size_t n = strcspn(dotted, ".");
        if (n >= sizeof key)
            return NULL;
        memcpy(key, dotted, n);
        key[n] = '\0';
        obj = cJSON_IsObject(obj) ? cJSON_GetObjectItemCaseSensitive(obj, key) : NULL;
        dotted += n + (dotted[n] == '.');
    }
    return obj;
}

static const char *text_at(Check *c, const cJSON *obj, const char *path, const char *dotted)
{
    const cJSON *v = at(obj, dotted);
    if (!cJSON_IsString(v) || !v->valuestring[0]) {
        problem(c, path, "%s is not a non-empty string", dotted);
        return NULL;
    }
    return v->valuestring;
}

static bool text_in(const char *s, const char *const *set)
{
    for (; s && *set; set++)
        if (strcmp(s, *set) == 0)
            return true;
    return false;
}

/* A whole number >= min at obj.dotted; -1 when it is not. */
static int number_at(Check *c, const cJSON *obj, const char *path, const char *dotted, int min)
{
    const cJSON *v = at(obj, dotted);
    if (!cJSON_IsNumber(v) || v->valuedouble != (double)(int)v->valuedouble || v->valueint < min) {
        problem(c, path, "%s is not a whole number >= %d", dotted, min);
        return -1;
    }
    return v->valueint;
}

static const cJSON *array_at(Check *c, const cJSON *obj, const char *path, const char *dotted)
{
    const cJSON *v = at(obj, dotted);
    if (!cJSON_IsArray(v)) {
        problem(c, path, "%s is not an array", dotted);
        return NULL;
    }
    return v;
}

/* ================================================================ SARIF */

static void sarif_rule(Check *c, const cJSON *rule, int i)
{
    static const char *const levels[] = {"none", "note", "warning", "error", NULL};
    char path[64];
    snprintf(path, sizeof path, "runs[0].tool.driver.rules[%d]", i);
    text_at(c, rule, path, "id");
    text_at(c, rule, path, "shortDescription.text");
    const char *level = text_at(c, rule, path, "defaultConfiguration.level");
    if (level && !text_in(level, levels))
        problem(c, path, "defaultConfiguration.level '%s' is not none, note, warning or error", level);
}

static void sarif_location(Check *c, const cJSON *result, const char *path)
{
    const cJSON *locs = array_at(c, result, path, "locations");
    const cJSON *loc = locs ? cJSON_GetArrayItem(locs, 0) : NULL;
    if (!loc) {
        if (locs)
            problem(c, path, "locations is empty");
        return;
    }
    char lpath[96];
    snprintf(lpath, sizeof lpath, "%s.locations[0]", path);
    text_at(c, loc, lpath, "physicalLocation.artifactLocation.uri");
    int line = number_at(c, loc, lpath, "physicalLocation.region.startLine", 1);
    int col = number_at(c, loc, lpath, "physicalLocation.region.startColumn", 1);
    const cJSON *end = at(loc, "physicalLocation.region.endLine");
    if (end && line > 0 && col > 0) {
        int end_line = number_at(c, loc, lpath, "physicalLocation.region.endLine", line);
        if (end_line == line)
            number_at(c, loc, lpath, "physicalLocation.region.endColumn", col);
    }
}

static void sarif_result(Check *c, const cJSON *result, int i, const cJSON *rules)
{
    static const char *const levels[] = {"error", "warning", "note", NULL};
    char path[48];
    snprintf(path, sizeof path, "runs[0].results[%d]", i);
    const char *id = text_at(c, result, path, "ruleId");
    int index = number_at(c, result, path, "ruleIndex", 0);
    const cJSON *rule = index >= 0 && rules ? cJSON_GetArrayItem(rules, index) : NULL;
    const cJSON *rule_id = at(rule, "id");
    if (id && index >= 0 && (!cJSON_IsString(rule_id) || strcmp(rule_id->valuestring, id) != 0))
        problem(c, path, "ruleIndex %d does not point at the rule '%s'", index, id);
    const char *level = text_at(c, result, path, "level");
    if (level && !text_in(level, levels))
        problem(c, path, "level '%s' is not error, warning or note", level);
    text_at(c, result, path, "message.text");
    sarif_location(c, result, path);
}

static int check_sarif(Check *c, const cJSON *root)
{
    const cJSON *v = at(root, "version");
    if (!cJSON_IsString(v) || strcmp(v->valuestring, "2.1.0") != 0)
        problem(c, "$", "version is not \"2.1.0\"");
    const cJSON *runs = array_at(c, root, "$", "runs");
    const cJSON *run = runs ? cJSON_GetArrayItem(runs, 0) : NULL;
    if (!run) {
        problem(c, "$", "runs[0] is missing");
        return 0;
    }
    text_at(c, run, "runs[0]", "tool.driver.name");
    text_at(c, run, "runs[0]", "tool.driver.version");
    const cJSON *rules = array_at(c, run, "runs[0]", "tool.driver.rules");
    int i = 0;
    for (const cJSON *r = rules ? rules->child : NULL; r; r = r->next)
        sarif_rule(c, r, i++);
    const cJSON *results = array_at(c, run, "runs[0]", "results");
    i = 0;
    for (const cJSON *r = results ? results->child : NULL; r; r = r->next)
        sarif_result(c, r, i++, rules);
    return i;
}

/* ================================================================= JSON */

static void json_finding(Check *c, const cJSON *f, int i, int counts[3])
{
    static const char *const severities[] = {"error", "warning", "info", NULL};
    char path[32];
    snprintf(path, sizeof path, "findings[%d]", i);
    text_at(c, f, path, "rule");
    text_at(c, f, path, "message");
    const char *sev = text_at(c, f, path, "severity");
    for (int k = 0; sev && severities[k]; k++)
        counts[k] += strcmp(sev, severities[k]) == 0;
    if (sev && !text_in(sev, severities))
        problem(c, path, "severity '%s' is not error, warning or info", sev);
    if (!cJSON_IsObject(at(f, "location"))) {
        problem(c, path, "location is not an object");
        return;
    }
    text_at(c, f, path, "location.file");
    int line = number_at(c, f, path, "location.line", 1);
    number_at(c, f, path, "location.column", 1);
    if (line > 0)
        number_at(c, f, path, "location.end_line", line);
}

static int check_json(Check *c, const cJSON *root)
{
    const cJSON *format = at(root, "format");
    if (!cJSON_IsNumber(format) || format->valueint != 1)
        problem(c, "$", "format is not 1");
    text_at(c, root, "$", "tool");
    text_at(c, root, "$", "version");
    int counts[3] = {0, 0, 0}, i = 0;
    const cJSON *findings = array_at(c, root, "$", "findings");
    for (const cJSON *f = findings ? findings->child : NULL; f; f = f->next)
        json_finding(c, f, i++, counts);
    static const char *const keys[] = {"summary.errors", "summary.warnings", "summary.infos"};
    for (int k = 0; k < 3; k++) {
        int n = number_at(c, root, "$", keys[k], 0);
        if (n >= 0 && n != counts[k])
            problem(c, "$", "%s is %d, but %d findings have that severity", keys[k], n, counts[k]);
    }
    return i;
}

/* ================================================================= main */

static char *read_all(const char *path)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t len = 0, cap = 1 << 16;
    char *buf = malloc(cap);
    for (size_t n; buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0;) {
        len += n;
        if (cap - len < 2) {
            char *bigger = realloc(buf, cap *= 2);
            if (!bigger)
                free(buf);
            buf = bigger;
        }
    }
    if (buf)
        buf[len] = '\0';
    if (f != stdin)
        fclose(f);
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 3 || argc > 4 || (strcmp(argv[1], "sarif") != 0 && strcmp(argv[1], "json") != 0)) {
        fprintf(stderr, "usage: sarif_check sarif|json FILE [MIN]\n");
        return 2;
    }
    int min = argc == 4 ? atoi(argv[3]) : 1;
    char *text = read_all(argv[2]);
    if (!text) {
        fprintf(stderr, "sarif_check: cannot read %s\n", argv[2]);
        return 2;
    }
    cJSON *root = cJSON_Parse(text);
    free(text);
    if (!cJSON_IsObject(root)) {
        fprintf(stderr, "%s: not a JSON object\n", argv[2]);
        cJSON_Delete(root);
        return 1;
    }
    Check c = {0};
    int n = strcmp(argv[1], "sarif") == 0 ? check_sarif(&c, root) : check_json(&c, root);
    if (n < min)
        problem(&c, "$", "%d findings, expected at least %d", n, min);
    cJSON_Delete(root);
    if (c.problems)
        fprintf(stderr, "%s: %d problem%s\n", argv[2], c.problems, c.problems == 1 ? "" : "s");
    return c.problems ? 1 : 0;
}
