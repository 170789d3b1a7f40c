/* report.c: diagnostics as JSON and as SARIF 2.1.0.
 *
 * JSON (format 1, stable):
 *   {"tool": "migc", "version": "...", "format": 1,
 *    "summary": {"errors": n, "warnings": n, "infos": n},
 *    "findings": [{"rule": "drop-column", "severity": "error"|"warning"|"info",
 *                  "message": "...", "help": "..." | null,
 *                  "location": {"file": "...", "line": 7, "column": 1,
 *                               "end_line": 7, "end_column": 27} | null,
 *                  "notes": [{"message": "...", "location": {...} | null}]}]}
 * Lines and columns are 1-based; columns count Unicode code points; the end
 * column is the first one after the span. */
#include <cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "lint.h"
#include "report.h"

static cJSON *location(const Diags *d, Span span)
{
    if (span.file == NO_FILE)
        return cJSON_CreateNull();
    SourceFile *f = source_get(d->sources, span.file);
    LineCol a = source_linecol(d->sources, span.file, span.byte_off);
    LineCol b = source_linecol(d->sources, span.file, span.byte_off + span.byte_len);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "file", f->path);
    cJSON_AddNumberToObject(o, "line", a.line);
    cJSON_AddNumberToObject(o, "column", a.col);
    cJSON_AddNumberToObject(o, "end_line", b.line);
    cJSON_AddNumberToObject(o, "end_column", b.col);
    return o;
}

static cJSON *finding_json(const Diags *d, const Diag *g)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "rule", g->code);
    cJSON_AddStringToObject(o, "severity", severity_name(g->severity));
    cJSON_AddStringToObject(o, "message", g->message);
    if (g->help)
        cJSON_AddStringToObject(o, "help", g->help);
    else
        cJSON_AddNullToObject(o, "help");
    cJSON_AddItemToObject(o, "location", location(d, g->span));
    cJSON *notes = cJSON_AddArrayToObject(o, "notes");
    for (uint32_t i = 0; i < g->notes.len; i++) {
        const DiagNote *n = g->notes.items[i];
        cJSON *no = cJSON_CreateObject();
        cJSON_AddStringToObject(no, "message", n->message);
        cJSON_AddItemToObject(no, "location", location(d, n->span));
        cJSON_AddItemToArray(notes, no);
    }
    return o;
}

static void print_and_free(cJSON *root, FILE *out)
{
    char *text = cJSON_Print(root);
    fputs(text, out);
    fputc('\n', out);
    free(text);
    cJSON_Delete(root);
}

void report_json(const Diags *d, FILE *out)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "tool", "migc");
    cJSON_AddStringToObject(root, "version", MIGC_VERSION_STRING);
    cJSON_AddNumberToObject(root, "format", 1);
    cJSON *sum = cJSON_AddObjectToObject(root, "summary");
    cJSON_AddNumberToObject(sum, "errors", d->n_errors);
    cJSON_AddNumberToObject(sum, "warnings", d->n_warnings);
    cJSON_AddNumberToObject(sum, "infos", d->n_infos);
    cJSON *list = cJSON_AddArrayToObject(root, "findings");
    for (uint32_t i = 0; i < d->list.len; i++)
        cJSON_AddItemToArray(list, finding_json(d, d->list.items[i]));
    print_and_free(root, out);
}

/* ================================================================= SARIF */

static const char *sarif_level(Severity s)
{
    return s == SEV_ERROR ? "error" : s == SEV_WARNING ? "warning" : "note";
}

static const char *sarif_default_level(LintLevel l)
{
    return l == LEVEL_ERROR ? "error" : l == LEVEL_WARNING ? "warning" : l == LEVEL_INFO ? "note" : "none";
}

static cJSON *text_object(const char *text)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "text", text);
    return o;
}

static cJSON *lint_rule_descriptor(const RuleInfo *r)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", r->name);
    cJSON_AddStringToObject(o, "name", r->name);
    cJSON_AddItemToObject(o, "shortDescription", text_object(r->why));
    cJSON_AddItemToObject(o, "fullDescription", text_object(r->why));
    cJSON_AddItemToObject(o, "help", text_object(r->fix));
    cJSON *conf = cJSON_AddObjectToObject(o, "defaultConfiguration");
    cJSON_AddStringToObject(conf, "level", sarif_default_level(r->level));
    return o;
}

/* Rule ids in catalogue order, then every other code that occurs (syntax
 * and semantic errors) in order of first appearance. */
static int rule_index(PtrVec *ids, const char *code, Arena *a)
{
    for (uint32_t i = 0; i < ids->len; i++)
        if (strcmp(ids->items[i], code) == 0)
            return (int)i;
    ptrvec_push(a, ids, (void *)code);
    return (int)ids->len - 1;
}

static cJSON *sarif_location(const Diags *d, Span span)
{
    SourceFile *f = source_get(d->sources, span.file);
    LineCol a = source_linecol(d->sources, span.file, span.byte_off);
    LineCol b = source_linecol(d->sources, span.file, span.byte_off + span.byte_len);
    cJSON *loc = cJSON_CreateObject();
    cJSON *phys = cJSON_AddObjectToObject(loc, "physicalLocation");
    cJSON *art = cJSON_AddObjectToObject(phys, "artifactLocation");
    cJSON_AddStringToObject(art, "uri", f->path);
    cJSON *region = cJSON_AddObjectToObject(phys, "region");
    cJSON_AddNumberToObject(region, "startLine", a.line);
    cJSON_AddNumberToObject(region, "startColumn", a.col);
    cJSON_AddNumberToObject(region, "endLine", b.line);
    cJSON_AddNumberToObject(region, "endColumn", b.col);
    return loc;
}

static cJSON *sarif_result(const Diags *d, const Diag *g, int index)
{
    cJSON *r = cJSON_CreateObject();
    cJSON_AddStringToObject(r, "ruleId", g->code);
    cJSON_AddNumberToObject(r, "ruleIndex", index);
    cJSON_AddStringToObject(r, "level", sarif_level(g->severity));
    const char *text = g->help ? arena_printf(d->arena, "%s (%s)", g->message, g->help) : g->message;
    cJSON_AddItemToObject(r, "message", text_object(text));
    cJSON *locs = cJSON_AddArrayToObject(r, "locations");
    if (g->span.file != NO_FILE)
        cJSON_AddItemToArray(locs, sarif_location(d, g->span));
    return r;
}

void report_sarif(const Diags *d, FILE *out)
{
    Arena *a = d->arena;
    PtrVec ids = {0};
    for (int i = 0; i < RULE__COUNT; i++)
        ptrvec_push(a, &ids, (void *)rule_info((RuleId)i)->name);
    cJSON *results = cJSON_CreateArray();
    for (uint32_t i = 0; i < d->list.len; i++) {
        const Diag *g = d->list.items[i];
        cJSON_AddItemToArray(results, sarif_result(d, g, rule_index(&ids, g->code, a)));
    }
    cJSON *rules = cJSON_CreateArray();
    for (uint32_t i = 0; i < ids.len; i++) {
        RuleId id;
        if (rule_by_name(ids.items[i], &id)) {
            cJSON_AddItemToArray(rules, lint_rule_descriptor(rule_info(id)));
            continue;
        }
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", ids.items[i]);
        cJSON_AddStringToObject(o, "name", ids.items[i]);
        cJSON_AddItemToObject(o, "shortDescription", text_object("migc compiler diagnostic"));
        cJSON *conf = cJSON_AddObjectToObject(o, "defaultConfiguration");
        cJSON_AddStringToObject(conf, "level", "error");
        cJSON_AddItemToArray(rules, o);
    }
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    cJSON_AddStringToObject(root, "version", "2.1.0");
    cJSON *run = cJSON_CreateObject();
    cJSON *driver = cJSON_AddObjectToObject(cJSON_AddObjectToObject(run, "tool"), "driver");
    cJSON_AddStringToObject(driver, "name", "migc");
    cJSON_AddStringToObject(driver, "version", MIGC_VERSION_STRING);
    cJSON_AddItemToObject(driver, "rules", rules);
    cJSON_AddItemToObject(run, "results", results);
    cJSON *runs = cJSON_AddArrayToObject(root, "runs");
    cJSON_AddItemToArray(runs, run);
    print_and_free(root, out);
}
