/* grammar_check GRAMMAR_EBNF PARSER_SOURCE...: keeps grammar/migc.ebnf honest.
 *
 * 1. Every production written in a comment of parser.c appears in the EBNF
 *    with the same right-hand side (whitespace and (* remarks *) ignored).
 * 2. Every production of the EBNF above its "(* lexical" section has a
 *    parse function carrying it.
 * 3. The quoted words of those productions and the lexer's keyword list
 *    are the same set. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "fileio.h"
#include "lexer.h"

typedef struct Production {
    const char *name, *rhs;
} Production;

typedef struct Grammar {
    Production items[256];
    int len;
} Grammar;

/* Removes (* ... *) remarks and collapses whitespace. */
static char *normalize(Arena *a, const char *s, size_t n)
{
    char *out = arena_alloc(a, n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '(' && i + 1 < n && s[i + 1] == '*') {
            const char *end = strstr(s + i + 2, "*)");
            i = end ? (size_t)(end - s) + 1 : n;
            continue;
        }
        if (isspace((unsigned char)s[i])) {
            if (k > 0 && out[k - 1] != ' ')
                out[k++] = ' ';
            continue;
        }
        out[k++] = s[i];
    }
    while (k > 0 && out[k - 1] == ' ')
        k--;
    out[k] = '\0';
    return out;
}

/* `name = ...` at the start of a line begins a production. */
static size_t production_start(const char *line)
{
    size_t i = 0;
    while (isalnum((unsigned char)line[i]) || line[i] == '_')
        i++;
    if (i == 0)
        return 0;
    size_t j = i;
    while (line[j] == ' ')
        j++;
    return line[j] == '=' && line[j + 1] == ' ' ? i : 0;
}

static void add(Arena *a, Grammar *g, const char *name, size_t name_len, const char *rhs, size_t rhs_len)
{
    if (g->len == (int)countof(g->items))
        return;
    g->items[g->len].name = arena_strndup(a, name, name_len);
    g->items[g->len].rhs = normalize(a, rhs, rhs_len);
    g->len++;
}

/* Splits text into lines; `strip_comment_stars` removes a leading " * ". */
static void collect(Arena *a, Grammar *g, const char *text, size_t len, bool strip_stars)
{
    const char *name = NULL, *rhs = NULL;
    size_t name_len = 0;
    Buf acc;
    buf_init(&acc, a);
    const char *p = text, *end = text + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        const char *line = p;
        if (strip_stars) {
            while (line < le && (*line == ' ' || *line == '\t'))
                line++;
            if (line < le && *line == '*' && (line + 1 == le || line[1] != ')'))
                line++;
            while (line < le && *line == ' ')
                line++;
        }
        char *l = arena_strndup(a, line, (size_t)(le - line));
        size_t nlen = production_start(l);
        bool indented = !strip_stars && (l[0] == ' ' || l[0] == '\t');
        if (nlen) {
            if (name)
                add(a, g, name, name_len, acc.data, acc.len);
            name = l;
            name_len = nlen;
            buf_truncate(&acc, 0);
            buf_puts(&acc, strchr(l, '=') + 1);
        } else if (name && ((strip_stars && *l) || indented)) {
            buf_putc(&acc, ' ');
            buf_puts(&acc, l);
        } else if (name) {
            add(a, g, name, name_len, acc.data, acc.len);
            name = NULL;
        }
        (void)rhs;
        p = le + 1;
    }
    if (name)
        add(a, g, name, name_len, acc.data ? acc.data : "", acc.len);
}

static void parser_productions(Arena *a, Grammar *g, const char *src)
{
    for (const char *p = strstr(src, "/*"); p; p = strstr(p, "/*")) {
        const char *end = strstr(p + 2, "*/");
        if (!end)
            break;
        collect(a, g, p + 2, (size_t)(end - p - 2), true);
        p = end + 2;
    }
}

static const Production *find(const Grammar *g, const char *name)
{
    for (int i = 0; i < g->len; i++)
        if (strcmp(g->items[i].name, name) == 0)
            return &g->items[i];
    return NULL;
}

static int check_terminals(const Grammar *ebnf)
{
    int errors = 0;
    bool used[KW__COUNT] = {false};
    for (int i = 0; i < ebnf->len; i++) {
        for (const char *s = strchr(ebnf->items[i].rhs, '"'); s; s = strchr(s + 1, '"')) {
            const char *e = strchr(s + 1, '"');
            if (!e)
                break;
            size_t n = (size_t)(e - s - 1);
            if (n > 0 && (isalpha((unsigned char)s[1]) || s[1] == '_')) {
                Keyword k = keyword_lookup(s + 1, n);
                if (k == KW_NONE_) {
                    printf("keyword \"%.*s\" of the EBNF is not in the lexer's KEYWORDS\n", (int)n, s + 1);
                    errors++;
                }
                used[k] = true;
            }
            s = e;
        }
    }
    for (int k = 1; k < KW__COUNT; k++) {
        if (!used[k] && k != KW_DOWNGRADE) {
            printf("lexer keyword \"%s\" is used by no EBNF production\n", keyword_name((Keyword)k));
            errors++;
        }
    }
    return errors;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: grammar_check migc.ebnf parser.c...\n");
        return 2;
    }
    Arena a = {0};
    FileData ebnf_text;
    Grammar code = {0};
    if (file_read(argv[1], &a, &ebnf_text)) {
        fprintf(stderr, "grammar_check: cannot read %s\n", argv[1]);
        return 2;
    }
    for (int i = 2; i < argc; i++) {
        FileData source;
        if (file_read(argv[i], &a, &source)) {
            fprintf(stderr, "grammar_check: cannot read %s\n", argv[i]);
            return 2;
        }
        parser_productions(&a, &code, source.data);
    }
    const char *lexical = strstr(ebnf_text.data, "(* lexical");
    size_t syntax_len = lexical ? (size_t)(lexical - ebnf_text.data) : ebnf_text.len;
    /* drop the prose comments so that only productions remain */
    char *syntax = normalize(&a, "", 0);
    Buf b;
    buf_init(&b, &a);
    for (size_t i = 0; i < syntax_len; i++) {
        if (ebnf_text.data[i] == '(' && ebnf_text.data[i + 1] == '*' && (i == 0 || ebnf_text.data[i - 1] == '\n')) {
            const char *e = strstr(ebnf_text.data + i, "*)");
            i = e ? (size_t)(e - ebnf_text.data) + 1 : syntax_len;
            continue;
        }
        buf_putc(&b, ebnf_text.data[i]);
    }
    syntax = b.data;
    Grammar ebnf = {0};
    collect(&a, &ebnf, syntax, b.len, false);
    int errors = 0;
    for (int i = 0; i < code.len; i++) {
        const Production *e = find(&ebnf, code.items[i].name);
        if (!e) {
            printf("the parser has production '%s' which migc.ebnf lacks:\n  %s\n", code.items[i].name, code.items[i].rhs);
            errors++;
        } else if (strcmp(e->rhs, code.items[i].rhs) != 0) {
            printf("production '%s' differs:\n  parser.c:  %s\n  migc.ebnf: %s\n", e->name, code.items[i].rhs, e->rhs);
            errors++;
        }
    }
    for (int i = 0; i < ebnf.len; i++) {
        if (!find(&code, ebnf.items[i].name)) {
            printf("migc.ebnf production '%s' has no parse function with that comment\n", ebnf.items[i].name);
            errors++;
        }
    }
    errors += check_terminals(&ebnf);
    printf("grammar_check: %d productions in the parser, %d in migc.ebnf, %d problem%s\n", code.len, ebnf.len, errors,
           errors == 1 ? "" : "s");
    arena_free(&a);
    return errors ? 1 : 0;
}
