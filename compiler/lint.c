/* lint.c: the rule catalogue, configured severities, @allow, and naming
 * patterns (PCRE2). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "lint.h"

#include <pcre2.h>
#include <string.h>

static const RuleInfo rules[] = {
#define X(id, name, level, dialects, why, fix) {name, level, dialects, why, fix},
    LINT_RULES(X)
#undef X
};

const RuleInfo *rule_info(RuleId id)
{
    return &rules[id];
}

const char *rule_sql_fix(RuleId id)
{
    switch ((int)id) {
#define X(rule, text)                                                                                              \
    case rule:                                                                                                     \
        return text;
        LINT_SQL_FIXES(X)
#undef X
    default:
        return rules[id].fix;
    }
}

bool rule_by_name(const char *name, RuleId *out)
{
    for (int i = 0; i < RULE__COUNT; i++) {
        if (strcmp(rules[i].name, name) == 0) {
            *out = (RuleId)i;
            return true;
        }
    }
    return false;
}

const char *level_name(LintLevel l)
{
    switch (l) {
    case LEVEL_OFF: return "off";
    case LEVEL_INFO: return "info";
    case LEVEL_WARNING: return "warning";
    case LEVEL_ERROR: return "error";
    }
    return "off";
}

static bool level_by_name(const char *s, LintLevel *out)
{
    static const LintLevel levels[] = {LEVEL_OFF, LEVEL_INFO, LEVEL_WARNING, LEVEL_ERROR};
    for (size_t i = 0; i < countof(levels); i++) {
        if (strcmp(level_name(levels[i]), s) == 0) {
            *out = levels[i];
            return true;
        }
    }
    return false;
}

static const char *const rule_names[] = {
#define X(id, name, level, dialects, why, fix) name,
    LINT_RULES(X)
#undef X
};

/* ================================================================ config */

static const char *const naming_kinds[NK__COUNT] = {"table", "column", "index", "constraint", "enum"};

/* `default = LEVEL` sets every rule not named on its own line. */
static void load_default(LintConfig *lc, const Config *config, Diags *diags)
{
    for (uint32_t i = 0; i < config->lint_severities.len; i++) {
        const ConfigEntry *e = config->lint_severities.items[i];
        LintLevel level;
        if (strcmp(e->key, "default") != 0)
            continue;
        if (!level_by_name(e->value, &level)) {
            Diag *g = diag_error(diags, e->span, "config", "default severity '%s' is not error, warning, info or off",
                                 e->value);
            diag_help(diags, g, "write default = off (then name the rules to enable)");
            continue;
        }
        for (int k = 0; k < RULE__COUNT; k++)
            lc->level[k] = level;
    }
}

static void load_severity(LintConfig *lc, const ConfigEntry *e, Diags *diags)
{
    RuleId id;
    LintLevel level;
    if (strcmp(e->key, "default") == 0)
        return;
    if (!rule_by_name(e->key, &id)) {
        Diag *g = diag_warning(diags, e->span, "config", "unknown lint rule '%s' in [lint]", e->key);
        const char *best = closest_word(e->key, rule_names, RULE__COUNT);
        diag_help(diags, g, best ? "did you mean '%s'?" : "%s", best ? best : "see `migc lint --rules`");
        return;
    }
    if (!level_by_name(e->value, &level)) {
        Diag *g = diag_error(diags, e->span, "config", "lint rule %s: severity '%s' is not error, warning, info or off",
                             e->key, e->value);
        diag_help(diags, g, "write %s = error (or warning, info, off)", e->key);
        return;
    }
    lc->level[id] = level;
}

static void load_pattern(LintConfig *lc, const ConfigEntry *e, Diags *diags)
{
    for (size_t k = 0; k < countof(naming_kinds); k++) {
        if (strcmp(naming_kinds[k], e->key) != 0)
            continue;
        int code;
        PCRE2_SIZE at;
        pcre2_code *re = pcre2_compile((PCRE2_SPTR)e->value, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &code, &at, NULL);
        if (!re) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(code, msg, sizeof msg);
            Diag *g = diag_error(diags, e->span, "config", "naming pattern for %s does not compile at offset %zu: %s",
                                 e->key, (size_t)at, (const char *)msg);
            diag_help(diags, g, "write a PCRE2 regular expression, e.g. table = ^[a-z][a-z0-9_]*$");
            return;
        }
        pcre2_code_free(lc->compiled[k]);
        pcre2_match_data_free(lc->match[k]);
        lc->naming[k] = e;
        lc->compiled[k] = re;
        lc->match[k] = pcre2_match_data_create_from_pattern(re, NULL);
        return;
    }
    Diag *g = diag_warning(diags, e->span, "config", "unknown object kind '%s' in [lint.naming]", e->key);
    diag_help(diags, g, "kinds are table, column, index, constraint and enum");
}

LintLevel configured_level(const Config *config, RuleId id)
{
    LintLevel level = rules[id].level, l;
    for (uint32_t i = 0; i < config->lint_severities.len; i++) {
        const ConfigEntry *e = config->lint_severities.items[i];
        if (strcmp(e->key, "default") == 0 && level_by_name(e->value, &l))
            level = l;
    }
    for (uint32_t i = 0; i < config->lint_severities.len; i++) {
        const ConfigEntry *e = config->lint_severities.items[i];
        RuleId r;
        if (rule_by_name(e->key, &r) && r == id && level_by_name(e->value, &l))
            level = l;
    }
    return level;
}

void lint_config_load(LintConfig *lc, const Config *config, Diags *diags)
{
    memset(lc, 0, sizeof *lc);
    for (int i = 0; i < RULE__COUNT; i++)
        lc->level[i] = rules[i].level;
    load_default(lc, config, diags);
    for (uint32_t i = 0; i < config->lint_severities.len; i++)
        load_severity(lc, config->lint_severities.items[i], diags);
    for (uint32_t i = 0; i < config->naming_patterns.len; i++)
        load_pattern(lc, config->naming_patterns.items[i], diags);
}

void lint_config_free(LintConfig *lc)
{
    for (size_t k = 0; k < NK__COUNT; k++) {
        pcre2_match_data_free(lc->match[k]);
        pcre2_code_free(lc->compiled[k]);
    }
    memset(lc->compiled, 0, sizeof lc->compiled);
    memset(lc->match, 0, sizeof lc->match);
}

/* ============================================================== findings */

void linter_init(Linter *l, Arena *a, Diags *diags, const Config *config)
{
    memset(l, 0, sizeof *l);
    l->arena = a;
    l->diags = diags;
    l->dialects = config->dialects;
    lint_config_load(&l->config, config, diags);
}

void linter_free(Linter *l)
{
    lint_config_free(&l->config);
}

static Allow *find_allow(Op *op, const char *rule)
{
    for (uint32_t i = 0; op && i < op->allows.len; i++)
        if (strcmp(op->allows.items[i]->rule.name, rule) == 0)
            return op->allows.items[i];
    return NULL;
}

static Severity severity_of(LintLevel l)
{
    return l == LEVEL_ERROR ? SEV_ERROR : l == LEVEL_WARNING ? SEV_WARNING : SEV_INFO;
}

static Finding *already_found(const Op *op, RuleId rule, Span span)
{
    for (uint32_t i = 0; op && i < op->findings.len; i++) {
        Finding *f = op->findings.items[i];
        if (f->rule == rule && f->span.file == span.file && f->span.byte_off == span.byte_off)
            return f;
    }
    return NULL;
}

Finding *lint_report(Linter *l, RuleId rule, Op *op, Span span, const char *fmt, ...)
{
    const RuleInfo *info = rule_info(rule);
    LintLevel level = l->config.level[rule];
    if (level == LEVEL_OFF || !(info->dialects & l->dialects))
        return NULL;
    Finding *seen = already_found(op, rule, span);
    if (seen)
        return seen;
    va_list ap;
    va_start(ap, fmt);
    Finding *f = ARENA_NEW(l->arena, Finding);
    f->rule = rule;
    f->level = level;
    f->dialects = info->dialects;
    f->span = span;
    f->message = arena_vprintf(l->arena, fmt, ap);
    va_end(ap);
    Allow *a = find_allow(op, info->name);
    if (a) {
        a->used = true;
        f->allowed_by = a;
    } else {
        f->diag = diag_report(l->diags, severity_of(level), span, info->name, "%s", f->message);
        diag_help(l->diags, f->diag, "%s", l->in_sql ? rule_sql_fix(rule) : info->fix);
    }
    ptrvec_push(l->arena, &l->findings, f);
    if (op)
        ptrvec_push(l->arena, &op->findings, f);
    return f;
}

/* An @allow must name a rule and silence something: a stale one hides
 * the next real finding of that rule. */
void lint_check_allows(Linter *l, const Migration *m)
{
    const OpList lists[2] = {m->ops, m->downgrade};
    for (int k = 0; k < 2; k++) {
        for (uint32_t i = 0; i < lists[k].len; i++) {
            const Op *op = lists[k].items[i];
            for (uint32_t j = 0; j < op->allows.len; j++) {
                const Allow *a = op->allows.items[j];
                RuleId id;
                if (!rule_by_name(a->rule.name, &id)) {
                    Diag *g = diag_warning(l->diags, a->rule.span, "unknown-rule", "@allow names no rule '%s'",
                                           a->rule.name);
                    const char *best = closest_word(a->rule.name, rule_names, RULE__COUNT);
                    diag_help(l->diags, g, best ? "did you mean '%s'?" : "%s",
                              best ? best : "`migc lint --rules` lists the rules");
                } else if (!a->used) {
                    Diag *g = diag_warning(l->diags, a->span, "unused-allow", "@allow %s silences nothing here",
                                           a->rule.name);
                    diag_help(l->diags, g, "remove it; it would hide the next %s finding on this operation",
                              a->rule.name);
                }
            }
        }
    }
}

bool lint_name_matches(const Linter *l, NamingKindLint kind, const char *name)
{
    pcre2_code *re = l->config.compiled[kind];
    if (!re)
        return true;
    return pcre2_match(re, (PCRE2_SPTR)name, strlen(name), 0, 0, l->config.match[kind], NULL) >= 0;
}

const char *lint_naming_pattern(const Linter *l, NamingKindLint kind)
{
    return l->config.naming[kind] ? l->config.naming[kind]->value : "";
}

const char *lint_naming_kind(NamingKindLint kind)
{
    return naming_kinds[kind];
}
