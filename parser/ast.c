/*
 * parser/ast.c — building and freeing syntax tree nodes.
 *
 * Most nodes have at most two kids, so a node is allocated with room for
 * two kid pointers right after it; only calls and commands with more
 * arguments grow a separate array. Kid arrays beyond the inline two hold a
 * power of two >= 4 pointers, so the capacity follows from nkids.
 */
#include "ast.h"

#include <stdlib.h>
#include <string.h>

#include "../util/mem.h"

enum { INLINE_KIDS = 2 };

static Ast **inline_kids(Ast *node)
{
    return (Ast **)(node + 1);
}

Ast *ast_new(AstKind kind, SrcLoc loc)
{
    Ast *node = mem_malloc(sizeof *node + INLINE_KIDS * sizeof(Ast *));
    memset(node, 0, sizeof *node);
    node->kind = kind;
    node->loc = loc;
    node->depth = 1;
    node->kids = inline_kids(node);
    return node;
}

void ast_add(Ast *node, Ast *kid)
{
    size_t n = node->nkids;
    if (node->kids == inline_kids(node)) {
        if (n == INLINE_KIDS) {
            Ast **kids = mem_malloc(2 * INLINE_KIDS * sizeof *kids);
            memcpy(kids, node->kids, n * sizeof *kids);
            node->kids = kids;
        }
    } else if ((n & (n - 1)) == 0) {
        node->kids = mem_realloc(node->kids, 2 * n * sizeof *node->kids);
    }
    node->kids[node->nkids++] = kid;
    if (kid && kid->depth + 1 > node->depth)
        node->depth = kid->depth + 1;
}

void ast_free(Ast *node)
{
    if (!node)
        return;
    for (size_t i = 0; i < node->nkids; i++)
        ast_free(node->kids[i]);
    if (node->kids != inline_kids(node))
        free(node->kids);
    free(node->text);
    free(node);
}
