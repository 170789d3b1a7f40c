/* fuzz_migration: libFuzzer target.  Any bytes as a migration file: lex,
 * parse, and when it parses, build the graph and replay it through the
 * semantic checks, derived downgrade and proof.  Build with
 * -DMIGC_FUZZ=ON (clang); run: build/tests/fuzz_migration tests/errors tests/parse */
#include <stddef.h>
#include <stdint.h>

#include "lint.h"
#include "parser.h"
#include "replay.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size >= SOURCE_MAX_BYTES)
        return 0;
    Arena arena = {0};
    Interner names;
    SourceMap sources;
    Diags diags;
    Config config;
    interner_init(&names, &arena);
    sources_init(&sources, &arena);
    diags_init(&diags, &arena, &sources);
    config_defaults(&config);
    uint32_t file = source_add(&sources, "fuzz.mig", (const char *)data, size);
    ParseCtx ctx = {&arena, &names, &diags, &sources};
    Migration *m = parse_migration(&ctx, file);
    if (!m->parse_failed) {
        PtrVec migrations = {0};
        ptrvec_push(&arena, &migrations, m);
        Graph g;
        if (graph_build(&g, &migrations, &arena, &names, &diags)) {
            Linter linter;
            linter_init(&linter, &arena, &diags, &config);
            Replay rp;
            replay_init(&rp, &arena, &names, &diags, &config);
            rp.sem.linter = &linter;
            replay_sequence(&rp, g.revs, NULL, NULL);
            linter_free(&linter);
        }
    }
    arena_free(&arena);
    return 0;
}
