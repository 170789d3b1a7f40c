/* fuzz_migration: libFuzzer target.  Any bytes as a migration file: lex,
 * parse, and when it parses, build the graph, replay it through the
 * semantic checks, lint, derived downgrade and proof, and emit its SQL for
 * every dialect, up and down, into a bundle each.  Build with
 * -DMIGC_FUZZ=ON (clang); run: build/tests/fuzz_migration tests/errors tests/parse tests/emit */
#include <stddef.h>
#include <stdint.h>

#include "compile.h"
#include "lint.h"
#include "parser.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void bundles(Session *s, Graph *g, RevSql **sql)
{
    for (int d = 0; d < DIALECT__COUNT; d++) {
        Buf out;
        buf_init(&out, &s->arena);
        BundleSpec up = {dialect_by_id((DialectId)d), "migc_version", DIR_UP, g->revs, {0}, "base -> heads", false};
        bundle_write(&out, g, sql, &up, NULL);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size >= SOURCE_MAX_BYTES)
        return 0;
    Session s;
    session_init(&s);
    uint32_t file = source_add(&s.sources, "fuzz.mig", (const char *)data, size);
    ParseCtx ctx = session_parse_ctx(&s);
    Migration *m = parse_migration(&ctx, file);
    if (!m->parse_failed) {
        PtrVec migrations = {0};
        ptrvec_push(&s.arena, &migrations, m);
        Graph g;
        if (graph_build(&g, &migrations, &s.arena, &s.names, &s.diags)) {
            Linter linter;
            linter_init(&linter, &s.arena, &s.diags, &s.config);
            RevSql **sql = compile_sql(&s, &g, g.revs, NULL, DIALECT_MASK_ALL, &linter);
            if (sql)
                bundles(&s, &g, sql);
            linter_free(&linter);
        }
    }
    session_free(&s);
    return 0;
}
