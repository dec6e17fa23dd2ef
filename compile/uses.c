/*
 * compile/uses.c — what a whole program does with a global name (see
 * compile/uses.h): a pass over every instruction for the uses themselves,
 * then the flow of the top-level code, loops and branches included, for
 * the order of backward and binding.
 */
#include "compile/uses.h"

#include <stdlib.h>

#include "util/mem.h"

static int is_opaque(const UsesRoles *roles, uint16_t row)
{
    for (size_t k = 0; k < roles->opaque_count; k++)
        if (roles->opaque[k] == row)
            return 1;
    return 0;
}

/* Whether code[k] is WORD name as the one argument of a backward. */
static int backward_of(const Program *p, uint32_t k, uint32_t name,
                       const UsesRoles *roles)
{
    const Instr *i = &p->code[k];
    return i->op == INS_WORD && i->arg == name && k + 1 < p->count &&
           i[1].op == INS_COMMAND && i[1].aux == roles->backward &&
           p->spans[i[1].arg] == 1;
}

/* Whether code[k] is WORD name among the arguments of a del. */
static int del_of(const Program *p, uint32_t k, uint32_t name,
                  const UsesRoles *roles)
{
    if (p->code[k].op != INS_WORD || p->code[k].arg != name)
        return 0;
    while (k < p->count && p->code[k].op == INS_WORD)
        k++;
    return k < p->count && p->code[k].op == INS_COMMAND &&
           p->code[k].aux == roles->del;
}

/* Every use of name is one of those allowed (wherever it is). */
static int uses_allowed(const Program *p, uint32_t name,
                        const UsesRoles *roles)
{
    for (uint32_t k = 0; k < p->count; k++) {
        const Instr *i = &p->code[k];
        if (i->op == INS_COMMAND && is_opaque(roles, i->aux))
            return 0;
        switch (i->op) {
        case INS_BIND:
            break;
        case INS_GLOBAL:
            if (i->arg == name &&
                ((i->flags & INS_COMPOUND) || k + 1 >= p->count ||
                 i[1].op != INS_ATTR ||
                 (i[1].aux != ATTR_DATA && i[1].aux != ATTR_GRAD)))
                return 0;
            break;
        case INS_WORD:
            if (i->arg == name && !backward_of(p, k, name, roles) &&
                !del_of(p, k, name, roles))
                return 0;
            break;
        case INS_CALL:
            if (i->arg == name)
                return 0;
            break;
        case INS_SHOW:
            if (i->arg == name + 1)
                return 0;
            break;
        default:
            /* (ATTR's and SET_ATTR's names are attributes') */
            break;
        }
    }
    return 1;
}

enum { REACHED = 1, DETACHED = 2 };

/* The flow of the top-level code from its first instruction: state[k]
 * says whether k is reached and whether name's graph may be gone there
 * (a silent backward ran, and no binding or del since). 0 when a backward
 * of name may run where it is gone, or runs outside the top-level code. */
static int flow_allows(const Program *p, uint32_t name,
                       const UsesRoles *roles)
{
    uint32_t n = p->count;
    if (n == 0)
        return 1;
    uint8_t *state = mem_calloc(n, 1);
    uint32_t *work = mem_malloc((size_t)n * 2 * sizeof *work);
    size_t top = 0;
    int ok = 1;
    state[0] = REACHED;
    work[top++] = 0;
    while (ok && top > 0) {
        uint32_t k = work[--top];
        uint8_t in = state[k];
        for (;;) {
            const Instr *i = &p->code[k];
            uint8_t out = in;
            if (backward_of(p, k, name, roles)) {
                if (in & DETACHED) {
                    ok = 0;
                    break;
                }
                if ((i[1].flags & INS_SILENT) && !(i[1].flags & INS_METHOD))
                    out |= DETACHED;
            } else if ((i->op == INS_BIND && i->arg == name) ||
                       del_of(p, k, name, roles)) {
                out &= (uint8_t)~DETACHED;
            }
            /* the instructions that can come next */
            uint32_t next[2];
            int count = 0;
            if (i->op == INS_END || i->op == INS_RETURN ||
                i->op == INS_RETURN_NONE)
                break;
            if (program_operand((Opcode)i->op) == OPERAND_JUMP) {
                int64_t target = (int64_t)k + (int32_t)i->arg;
                if (target >= 0 && target < (int64_t)n)
                    next[count++] = (uint32_t)target;
            }
            if (i->op != INS_JUMP && k + 1 < n)
                next[count++] = k + 1;
            /* Follow the first that learns something, stack the other. */
            uint32_t go = UINT32_MAX;
            for (int c = 0; c < count; c++) {
                uint8_t had = state[next[c]];
                uint8_t now = (uint8_t)(had | REACHED | (out & DETACHED));
                if (now == had)
                    continue;
                state[next[c]] = now;
                if (go == UINT32_MAX)
                    go = next[c];
                else
                    work[top++] = next[c];
            }
            if (go == UINT32_MAX)
                break;
            k = go;
            in = state[k];
        }
    }
    /* A backward of name that the top-level code never reaches is in a
     * function: it could run anywhere. */
    for (uint32_t k = 0; ok && k < n; k++)
        if (backward_of(p, k, name, roles) && !(state[k] & REACHED))
            ok = 0;
    free(state);
    free(work);
    return ok;
}

int uses_graph_unobserved(const Program *p, uint32_t name,
                          const UsesRoles *roles)
{
    return uses_allowed(p, name, roles) && flow_allows(p, name, roles);
}
