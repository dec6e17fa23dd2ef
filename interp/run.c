/*
 * interp/run.c — the driver: runs a text in a session. A text is compiled
 * whole (parser/parse.h) before anything runs, so a syntax error runs
 * nothing; interp/machine.c then runs its program. load runs another file
 * the same way, nested.
 */
#include "interp/state.h"

#include <stdlib.h>
#include <string.h>

#include "parser/parse.h"
#include "util/mem.h"

int interp_run_source(Interp *in, const Source *src)
{
    if (in->load_depth == 0) {
        interp_interrupted = 0;
        in->quit = 0;
        in->unobserved_count = 0;
        datum_reap(SIZE_MAX, 1);    /* what an interrupt left unfreed */
    }
    Program *outer = in->prog;
    const Instr *outer_at = in->at;
    Program *p = program_new((Source *)src);
    Compiler c;
    compile_init(&c, p, &in->names);
    ParseResult parsed = parse_program(src, &c, in->library->command_words,
                                       &interp_interrupted);
    compile_free(&c);
    int failed = 0;
    if (parsed.stopped) {
        diag_plain(DIAG_ERROR, "interrupted while reading %s", src->name);
        failed = 1;
    } else if (parsed.errors) {
        failed = 1;
    } else {
        in->prog = p;
        in->at = NULL;
        if (getenv("MGRAD_DUMP"))
            program_dump(stderr, p);
        failed = interp_run_program(in, p);
    }
    fflush(in->out);
    program_release(p);
    in->prog = outer;
    in->at = outer_at;
    return failed;
}

char *interp_resolve_path(const Interp *in, const char *path)
{
    /* A relative path is taken from the directory of the running script. */
    const char *name = in->prog ? in->prog->src->name : NULL;
    if (path[0] != '/' && name && name[0] != '<' && strchr(name, '/')) {
        size_t dir = (size_t)(strrchr(name, '/') - name);
        char *resolved = mem_malloc(dir + strlen(path) + 2);
        memcpy(resolved, name, dir);
        resolved[dir] = '/';
        strcpy(resolved + dir + 1, path);
        return resolved;
    }
    return mem_strdup(path);
}

int interp_load_file(Interp *in, const CommandCall *call, uint32_t at,
                     const char *path)
{
    if (in->load_depth >= INTERP_MAX_LOAD_DEPTH) {
        interp_arg_error(in, call, at, "load: nested more than %d deep (does "
                         "a script load itself?)", INTERP_MAX_LOAD_DEPTH);
        return 1;
    }
    char *resolved = interp_resolve_path(in, path);
    Source *src = source_from_file(resolved);
    if (!src) {
        interp_arg_error(in, call, at, "load: cannot read '%s': %s",
                         resolved, source_error());
        free(resolved);
        return 1;
    }
    free(resolved);
    in->load_depth++;
    int failed = interp_run_source(in, src);
    in->load_depth--;
    source_release(src);
    return failed;
}
