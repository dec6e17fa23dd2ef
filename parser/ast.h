/*
 * parser/ast.h — the syntax tree the parser builds and the interpreter walks.
 *
 * Every node has a kind, a source span and up to n children in `kids`.
 * Ownership: a node owns its kids and its text; ast_free() frees a whole
 * statement. The parser caps the depth of any tree (AST_MAX_DEPTH), so the
 * recursive walkers over it (evaluation, freeing) have a bounded C stack.
 */
#ifndef MGRAD_PARSER_AST_H
#define MGRAD_PARSER_AST_H

#include <stddef.h>
#include "../util/source.h"

#define AST_MAX_DEPTH 2000

typedef enum AstKind {
    /* expressions */
    AST_NUMBER,      /* number */
    AST_STRING,      /* text (escapes already decoded; may hold NUL: see len) */
    AST_NAME,        /* text */
    AST_UNARY,       /* op (AOP_NEG, AOP_PLUS, AOP_NOT), kids[0] */
    AST_BINARY,      /* op, kids[0], kids[1] */
    AST_CALL,        /* text = function name, kids = arguments; x.f(a) is
                        f(x, a) with method = 1 */
    AST_ATTR,        /* kids[0] . text  (data, grad, or anything: checked later) */
    AST_RANGE,       /* text = name, kids[0] = lo, kids[1] = hi  (x = lo..hi) */
    /* statements */
    AST_EXPR_STMT,   /* kids[0] */
    AST_ASSIGN,      /* text = name, op = AOP_NONE or the compound operator,
                        kids[0] = value */
    AST_ATTR_ASSIGN, /* kids[0] = object, text = attribute, op as above,
                        kids[1] = value */
    AST_COMMAND      /* text = command word, kids = arguments (expressions,
                        strings, names, ranges; a command word used as an
                        argument, as in `help tree`, is an AST_NAME) */
} AstKind;

typedef enum AstOp {
    AOP_NONE,
    AOP_ADD, AOP_SUB, AOP_MUL, AOP_DIV, AOP_POW,
    AOP_NEG, AOP_PLUS, AOP_NOT,
    AOP_LT, AOP_LE, AOP_GT, AOP_GE, AOP_EQ, AOP_NE,
    AOP_AND, AOP_OR
} AstOp;

typedef struct Ast Ast;
struct Ast {
    AstKind kind;
    AstOp op;
    SrcLoc loc;
    unsigned depth;   /* 1 + the deepest kid */
    int method;       /* AST_CALL written as x.f(...) */
    int silent;       /* statement ended with ';' */
    double number;
    char *text;
    size_t text_len;  /* length of text (strings may contain NUL) */
    Ast **kids;
    size_t nkids;
};

Ast *ast_new(AstKind kind, SrcLoc loc);
/* Appends kid (which may be NULL only on error paths) and updates depth. */
void ast_add(Ast *node, Ast *kid);
void ast_free(Ast *node);

#endif
