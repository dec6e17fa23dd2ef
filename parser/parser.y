/*
 * parser/parser.y — the grammar: tokens from lexer/lexer.l to statements
 * (parser/ast.h), handed one at a time to parse_source()'s callback.
 *
 * Pure parser, locations of type SrcLoc that also span byte offsets, no
 * conflicts. A syntax error is reported in the user's words (what was
 * expected, what was found) and the parser recovers at the end of the
 * statement. Trees deeper than AST_MAX_DEPTH are refused here, which is
 * what lets the interpreter walk them recursively.
 */

%code requires {
#include <stddef.h>
#include "util/source.h"
#include "parser/ast.h"
#include "parser/parse.h"
#include "lexer/scan.h"

#ifndef YY_TYPEDEF_YY_SCANNER_T
#define YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif

/* A string literal, escapes decoded. */
typedef struct ParseString {
    char *text;
    size_t length;
} ParseString;

/* Everything one run of the parser shares with its actions. */
typedef struct ParseContext {
    const Source *src;
    LexState lex;            /* the scanner's state (its extra data) */
    ParseStatementFn fn;     /* receives each statement; NULL: check only */
    void *fn_ctx;
    unsigned errors;         /* syntax errors reported by the parser */
    int stopped;             /* fn asked to stop */
} ParseContext;
}

%code {
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"
#include "util/diag.h"
#include "util/mem.h"

/* A location spans from its first symbol to its last, offsets included;
 * an empty rule sits just after the symbol before it. */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                       \
    do {                                                                  \
        if (N) {                                                          \
            (Cur).first_line = YYRHSLOC(Rhs, 1).first_line;               \
            (Cur).first_column = YYRHSLOC(Rhs, 1).first_column;           \
            (Cur).start = YYRHSLOC(Rhs, 1).start;                         \
            (Cur).last_line = YYRHSLOC(Rhs, N).last_line;                 \
            (Cur).last_column = YYRHSLOC(Rhs, N).last_column;             \
            (Cur).end = YYRHSLOC(Rhs, N).end;                             \
        } else {                                                          \
            (Cur).first_line = (Cur).last_line =                          \
                YYRHSLOC(Rhs, 0).last_line;                               \
            (Cur).first_column = (Cur).last_column =                      \
                YYRHSLOC(Rhs, 0).last_column + 1;                         \
            (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;               \
        }                                                                 \
    } while (0)

#define YYMALLOC mem_malloc
#define YYFREE free
#define YYSTACK_USE_ALLOCA 0

static void yyerror(const SrcLoc *loc, yyscan_t scanner, ParseContext *ctx,
                    const char *message);

static void report(ParseContext *ctx, SrcLoc loc, const char *message);
static Ast *checked(ParseContext *ctx, Ast *node);
static Ast *leaf_number(double number, SrcLoc loc);
static Ast *leaf_text(AstKind kind, char *text, size_t length, SrcLoc loc);
static Ast *unary(ParseContext *ctx, AstOp op, Ast *kid, SrcLoc loc);
static Ast *binary(ParseContext *ctx, AstOp op, Ast *left, Ast *right,
                   SrcLoc loc);
static Ast *with_kids(AstKind kind, char *text, SrcLoc loc, Ast *a, Ast *b);
static Ast *assignment(ParseContext *ctx, Ast *target, AstOp op, Ast *value,
                       SrcLoc loc);
static int deliver(ParseContext *ctx, Ast *statement, int silent);
}

%define api.pure full
%define api.token.raw
%define api.location.type {SrcLoc}
%define parse.error custom
%define parse.lac full
%locations
%expect 0

%lex-param {yyscan_t scanner}
%parse-param {yyscan_t scanner} {ParseContext *ctx}

%union {
    double number;
    char *text;
    ParseString string;
    Ast *node;
    AstOp op;
    int flag;
}

%token END 0 "end of input"
%token <number> NUMBER "number"
%token <text> NAME "name"
%token <text> CMD "command"
%token <string> STRING "string"
%token NEWLINE "end of line"
%token AND "and" OR "or" NOT "not"
%token PLUS "+" MINUS "-" STAR "*" SLASH "/" CARET "^" POW "**"
%token LPAREN "(" RPAREN ")" LBRACKET "[" RBRACKET "]" LBRACE "{" RBRACE "}"
%token COMMA "," DOT "." DOTDOT ".."
%token ASSIGN "=" ADD_ASSIGN "+=" SUB_ASSIGN "-=" MUL_ASSIGN "*="
%token DIV_ASSIGN "/="
%token LT "<" LE "<=" GT ">" GE ">=" EQ "==" NE "!="
%token SEMICOLON ";"

%type <node> statement expr arith postfix call_head method_head
%type <node> command_args arg simple_arg range
%type <op> assign_op
%type <flag> terminator

%destructor { free($$); } <text>
%destructor { free($$.text); } <string>
%destructor { ast_free($$); } <node>

/* Precedence, lowest first. Prefix minus sits below ^, so -a^2 is -(a^2),
 * and ^ associates to the right; an exponent may itself start with a sign
 * (a ^ -1, 2 ** -b). Comparisons do not chain: a < b < c is an error.
 * Declaring this instead of one rule per level keeps the parser from
 * climbing ten levels for every number and name. */
%left "or"
%left "and"
%precedence "not"
%nonassoc "<" "<=" ">" ">=" "==" "!="
%left "+" "-"
%left "*" "/"
%precedence PREFIX
%right "^" "**"

%start program

%%

program
    : lines
    | lines statement           { if (deliver(ctx, $2, 0)) YYACCEPT; }
    | lines error               { /* an error in the last, unterminated one */ }
    ;

lines
    : %empty
    | lines terminator
    | lines statement terminator
                                { if (deliver(ctx, $2, $3)) YYACCEPT; }
    | lines error terminator    { yyerrok; }
    ;

terminator
    : NEWLINE                   { $$ = 0; }
    | ";"                       { $$ = 1; }
    ;

statement
    : expr                      { $$ = with_kids(AST_EXPR_STMT, NULL, @$, $1, NULL); }
    | expr assign_op expr       {
                                    $$ = assignment(ctx, $1, $2, $3, @$);
                                    if (!$$)
                                        YYERROR;
                                }
    | postfix "." CMD "(" ")"   { $$ = with_kids(AST_COMMAND, $3, @$, $1, NULL); }
    | CMD                       { $$ = with_kids(AST_COMMAND, $1, @$, NULL, NULL); }
    | CMD command_args          {
                                    $$ = $2;
                                    $$->text = $1;
                                    $$->text_len = strlen($1);
                                    $$->loc = @$;
                                }
    ;

assign_op
    : "="                       { $$ = AOP_NONE; }
    | "+="                      { $$ = AOP_ADD; }
    | "-="                      { $$ = AOP_SUB; }
    | "*="                      { $$ = AOP_MUL; }
    | "/="                      { $$ = AOP_DIV; }
    ;

 /* Arguments are separated by commas, but a plain number, string or name
    may also follow without one: `set digits 8`, `dot L "g.svg"`. */
command_args
    : arg                       { $$ = with_kids(AST_COMMAND, NULL, @$, $1, NULL); }
    | command_args "," arg      { ast_add($1, $3); $$ = $1; }
    | command_args simple_arg   { ast_add($1, $2); $$ = $1; }
    ;

arg
    : expr
    | STRING                    { $$ = leaf_text(AST_STRING, $1.text, $1.length, @$); }
    | CMD                       { $$ = leaf_text(AST_NAME, $1, strlen($1), @$); }
    | range
    ;

simple_arg
    : NUMBER                    { $$ = leaf_number($1, @$); }
    | STRING                    { $$ = leaf_text(AST_STRING, $1.text, $1.length, @$); }
    | NAME                      { $$ = leaf_text(AST_NAME, $1, strlen($1), @$); }
    ;

range
    : NAME "=" expr ".." expr   { $$ = with_kids(AST_RANGE, $1, @$, $3, $5); }
    ;

expr
    : arith
    | expr "or" expr            { $$ = binary(ctx, AOP_OR, $1, $3, @$); if (!$$) YYERROR; }
    | expr "and" expr           { $$ = binary(ctx, AOP_AND, $1, $3, @$); if (!$$) YYERROR; }
    | "not" expr                { $$ = unary(ctx, AOP_NOT, $2, @$); if (!$$) YYERROR; }
    ;

 /* Comparisons and arithmetic: `not` cannot appear inside, as in Python. */
arith
    : postfix
    | arith "<" arith           { $$ = binary(ctx, AOP_LT, $1, $3, @$); if (!$$) YYERROR; }
    | arith "<=" arith          { $$ = binary(ctx, AOP_LE, $1, $3, @$); if (!$$) YYERROR; }
    | arith ">" arith           { $$ = binary(ctx, AOP_GT, $1, $3, @$); if (!$$) YYERROR; }
    | arith ">=" arith          { $$ = binary(ctx, AOP_GE, $1, $3, @$); if (!$$) YYERROR; }
    | arith "==" arith          { $$ = binary(ctx, AOP_EQ, $1, $3, @$); if (!$$) YYERROR; }
    | arith "!=" arith          { $$ = binary(ctx, AOP_NE, $1, $3, @$); if (!$$) YYERROR; }
    | arith "+" arith           { $$ = binary(ctx, AOP_ADD, $1, $3, @$); if (!$$) YYERROR; }
    | arith "-" arith           { $$ = binary(ctx, AOP_SUB, $1, $3, @$); if (!$$) YYERROR; }
    | arith "*" arith           { $$ = binary(ctx, AOP_MUL, $1, $3, @$); if (!$$) YYERROR; }
    | arith "/" arith           { $$ = binary(ctx, AOP_DIV, $1, $3, @$); if (!$$) YYERROR; }
    | "-" arith %prec PREFIX    { $$ = unary(ctx, AOP_NEG, $2, @$); if (!$$) YYERROR; }
    | "+" arith %prec PREFIX    { $$ = unary(ctx, AOP_PLUS, $2, @$); if (!$$) YYERROR; }
    | arith "^" arith           { $$ = binary(ctx, AOP_POW, $1, $3, @$); if (!$$) YYERROR; }
    | arith "**" arith          { $$ = binary(ctx, AOP_POW, $1, $3, @$); if (!$$) YYERROR; }
    ;

postfix
    : NUMBER                    { $$ = leaf_number($1, @$); }
    | NAME                      { $$ = leaf_text(AST_NAME, $1, strlen($1), @$); }
    | NAME "(" ")"              { $$ = with_kids(AST_CALL, $1, @$, NULL, NULL); }
    | call_head ")"             {
                                    $$ = checked(ctx, $1);
                                    if (!$$)
                                        YYERROR;
                                    $$->loc = @$;
                                }
    | "(" expr ")"              { $$ = $2; /* keeps the inner span */ }
    | postfix "." NAME          {
                                    $$ = checked(ctx, with_kids(AST_ATTR, $3, @$, $1, NULL));
                                    if (!$$)
                                        YYERROR;
                                }
    | postfix "." NAME "(" ")"  {
                                    $$ = checked(ctx, with_kids(AST_CALL, $3, @$, $1, NULL));
                                    if (!$$)
                                        YYERROR;
                                    $$->method = 1;
                                }
    | method_head ")"           {
                                    $$ = checked(ctx, $1);
                                    if (!$$)
                                        YYERROR;
                                    $$->loc = @$;
                                }
    ;

call_head
    : NAME "(" expr             { $$ = with_kids(AST_CALL, $1, @$, $3, NULL); }
    | call_head "," expr        { ast_add($1, $3); $$ = $1; }
    ;

method_head
    : postfix "." NAME "(" expr { $$ = with_kids(AST_CALL, $3, @$, $1, $5); $$->method = 1; }
    | method_head "," expr      { ast_add($1, $3); $$ = $1; }
    ;

%%

/* ---- building nodes --------------------------------------------------- */

static Ast *leaf_number(double number, SrcLoc loc)
{
    Ast *node = ast_new(AST_NUMBER, loc);
    node->number = number;
    return node;
}

static Ast *leaf_text(AstKind kind, char *text, size_t length, SrcLoc loc)
{
    Ast *node = ast_new(kind, loc);
    node->text = text;
    node->text_len = length;
    return node;
}

/* A node owning text (may be NULL) and the kids a and b that are given. */
static Ast *with_kids(AstKind kind, char *text, SrcLoc loc, Ast *a, Ast *b)
{
    Ast *node = ast_new(kind, loc);
    if (text) {
        node->text = text;
        node->text_len = strlen(text);
    }
    if (a)
        ast_add(node, a);
    if (b)
        ast_add(node, b);
    return node;
}

/* node, or NULL after reporting and freeing it when it is too deep. */
static Ast *checked(ParseContext *ctx, Ast *node)
{
    if (node->depth <= AST_MAX_DEPTH)
        return node;
    char message[96];
    snprintf(message, sizeof message,
             "expression nested too deeply (more than %d levels)",
             AST_MAX_DEPTH);
    report(ctx, node->loc, message);
    ast_free(node);
    return NULL;
}

static Ast *unary(ParseContext *ctx, AstOp op, Ast *kid, SrcLoc loc)
{
    Ast *node = with_kids(AST_UNARY, NULL, loc, kid, NULL);
    node->op = op;
    return checked(ctx, node);
}

static Ast *binary(ParseContext *ctx, AstOp op, Ast *left, Ast *right,
                   SrcLoc loc)
{
    Ast *node = with_kids(AST_BINARY, NULL, loc, left, right);
    node->op = op;
    return checked(ctx, node);
}

/* Source text at loc for a message: at most max bytes, then "...";
 * control bytes (a newline inside brackets) shown as spaces. */
static void snippet(char *out, size_t size, const ParseContext *ctx,
                    const SrcLoc *loc, size_t max)
{
    size_t length = loc->end > loc->start ? loc->end - loc->start : 0;
    const char *text = ctx->src->text + loc->start;
    if (loc->end > ctx->src->length)
        length = 0;
    int cut = length > max;
    if (cut)
        length = max - 3;
    if (length > size - 4)
        length = size - 4;
    if (cut)   /* not inside a UTF-8 sequence */
        while (length > 0 && ((unsigned char)text[length] & 0xC0) == 0x80)
            length--;
    size_t n = 0;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        out[n++] = (char)(c < 0x20 || c == 0x7F ? ' ' : c);
    }
    if (cut)
        for (int i = 0; i < 3; i++)
            out[n++] = '.';
    out[n] = '\0';
}

/* name = value, name op= value, x.attr = value, x.attr op= value. */
static Ast *assignment(ParseContext *ctx, Ast *target, AstOp op, Ast *value,
                       SrcLoc loc)
{
    Ast *node;
    if (target->kind == AST_NAME) {
        node = with_kids(AST_ASSIGN, target->text, loc, value, NULL);
        target->text = NULL;
    } else if (target->kind == AST_ATTR) {
        node = with_kids(AST_ATTR_ASSIGN, target->text, loc, target->kids[0],
                         value);
        target->text = NULL;
        target->nkids = 0;
    } else {
        char what[48], message[96];
        snippet(what, sizeof what, ctx, &target->loc, 30);
        snprintf(message, sizeof message, "cannot assign to '%s'", what);
        report(ctx, target->loc, message);
        ast_free(target);
        ast_free(value);
        return NULL;
    }
    node->op = op;
    ast_free(target);
    return node;
}

static int deliver(ParseContext *ctx, Ast *statement, int silent)
{
    statement->silent = silent;
    if (!ctx->fn) {
        ast_free(statement);
        return 0;
    }
    if (ctx->fn(ctx->fn_ctx, statement)) {
        ctx->stopped = 1;
        return 1;
    }
    return 0;
}

/* ---- syntax errors ---------------------------------------------------- */

/* One error per statement: the scanner clears `hush` when it returns the
 * statement's terminator. An error found once that terminator has been read
 * (say `2 = 3` seen at the newline) must not silence the next statement. */
static void report(ParseContext *ctx, SrcLoc loc, const char *message)
{
    if (ctx->lex.hush)
        return;
    diag_report(DIAG_ERROR, ctx->src, loc, "%s", message);
    ctx->errors++;
    ctx->lex.hush = !(ctx->lex.ended || ctx->lex.last_token == NEWLINE ||
                      ctx->lex.last_token == SEMICOLON);
}

/* Bison calls this only when its stack is full: thousands of open
 * brackets or prefix operators. */
static void yyerror(const SrcLoc *loc, yyscan_t scanner, ParseContext *ctx,
                    const char *message)
{
    (void)scanner;
    if (strcmp(message, "memory exhausted") == 0)
        report(ctx, *loc, "expression nested too deeply");
    else
        report(ctx, *loc, message);
}

/* How a token is named in a message: '+', end of line, name 'x'. */
static void describe(char *out, size_t size, const ParseContext *ctx,
                     yysymbol_kind_t kind, const SrcLoc *loc)
{
    char text[40];
    switch (kind) {
    case YYSYMBOL_NEWLINE:
        snprintf(out, size, "end of line");
        return;
    case YYSYMBOL_YYEOF:
        snprintf(out, size, "end of input");
        return;
    case YYSYMBOL_NAME:
        snippet(text, sizeof text, ctx, loc, 24);
        snprintf(out, size, "name '%s'", text);
        return;
    case YYSYMBOL_CMD:
        snippet(text, sizeof text, ctx, loc, 24);
        snprintf(out, size, "command '%s'", text);
        return;
    case YYSYMBOL_NUMBER:
        snippet(text, sizeof text, ctx, loc, 24);
        snprintf(out, size, "number %s", text);
        return;
    case YYSYMBOL_STRING:
        snippet(text, sizeof text, ctx, loc, 24);
        snprintf(out, size, "string %s", text);
        return;
    default: {
        /* punctuation and keywords by their alias: '+', 'and' */
        snprintf(out, size, "'%s'", yysymbol_name(kind));
        return;
    }
    }
}

static int has_token(const yysymbol_kind_t *set, int n, yysymbol_kind_t kind)
{
    for (int i = 0; i < n; i++)
        if (set[i] == kind)
            return 1;
    return 0;
}

static int is_comparison(yysymbol_kind_t kind)
{
    return kind == YYSYMBOL_LT || kind == YYSYMBOL_LE || kind == YYSYMBOL_GT ||
           kind == YYSYMBOL_GE || kind == YYSYMBOL_EQ || kind == YYSYMBOL_NE;
}

static int is_assignment(yysymbol_kind_t kind)
{
    return kind == YYSYMBOL_ASSIGN || kind == YYSYMBOL_ADD_ASSIGN ||
           kind == YYSYMBOL_SUB_ASSIGN || kind == YYSYMBOL_MUL_ASSIGN ||
           kind == YYSYMBOL_DIV_ASSIGN;
}

/* The reserved word just before offset, if any (for `zero = 1`). */
static const char *keyword_before(const ParseContext *ctx, size_t offset,
                                  size_t *length)
{
    const char *text = ctx->src->text;
    size_t end = offset;
    while (end > 0 && (text[end - 1] == ' ' || text[end - 1] == '\t'))
        end--;
    size_t start = end;
    while (start > 0 && (text[start - 1] == '_' ||
                         (text[start - 1] >= 'a' && text[start - 1] <= 'z') ||
                         (text[start - 1] >= 'A' && text[start - 1] <= 'Z') ||
                         (text[start - 1] >= '0' && text[start - 1] <= '9')))
        start--;
    if (start == end || !lexer_keyword(text + start, end - start))
        return NULL;
    *length = end - start;
    return text + start;
}

/* Says what was expected in a few words, from the exact set of tokens the
 * parser could have taken: "an expression", "')'", "',' or ')'"... The
 * operators that could continue an expression are never listed. */
static void expectation(char *out, size_t size, const yysymbol_kind_t *set,
                        int n)
{
    int has[YYNTOKENS] = {0};
    for (int i = 0; i < n; i++)
        has[set[i]] = 1;
    int operators = has[YYSYMBOL_STAR] || has[YYSYMBOL_CARET] ||
                    has[YYSYMBOL_DOT] || has[YYSYMBOL_AND];
    const char *parts[8];
    int count = 0;
    /* After a command's argument a number may follow (`tree L 3`), but
     * "expected an expression" would mislead there. */
    if (has[YYSYMBOL_NUMBER] && !operators)
        parts[count++] = "an expression";
    else if (has[YYSYMBOL_NAME] && !operators)
        parts[count++] = "a name";
    if (has[YYSYMBOL_COMMA] && (!operators || has[YYSYMBOL_RPAREN]))
        parts[count++] = "','";
    if (has[YYSYMBOL_LPAREN] && !operators && !has[YYSYMBOL_NUMBER])
        parts[count++] = "'('";
    if (has[YYSYMBOL_RPAREN])
        parts[count++] = "')'";
    if (has[YYSYMBOL_DOTDOT])
        parts[count++] = "'..'";
    if (has[YYSYMBOL_ASSIGN] && !operators && !has[YYSYMBOL_NUMBER])
        parts[count++] = "'='";
    if (count == 0 && (has[YYSYMBOL_NEWLINE] || has[YYSYMBOL_YYEOF]))
        parts[count++] = "end of line";
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < count && used < size; i++) {
        const char *sep = i == 0 ? "" : i + 1 == count ? " or " : ", ";
        used += (size_t)snprintf(out + used, size - used, "%s%s", sep,
                                 parts[i]);
    }
}

static int yyreport_syntax_error(const yypcontext_t *pc, yyscan_t scanner,
                                 ParseContext *ctx)
{
    (void)scanner;
    yysymbol_kind_t found = yypcontext_token(pc);
    const SrcLoc *loc = yypcontext_location(pc);
    yysymbol_kind_t set[YYNTOKENS];
    int n = yypcontext_expected_tokens(pc, set, YYNTOKENS);
    if (n < 0)
        n = 0;

    char what[64], expected[96], message[200];
    describe(what, sizeof what, ctx, found, loc);
    expectation(expected, sizeof expected, set, n);
    size_t length;
    const char *word;
    if (is_assignment(found) &&
        (word = keyword_before(ctx, loc->start, &length)) != NULL) {
        snprintf(message, sizeof message,
                 "'%.*s' is a reserved word and cannot be assigned to",
                 (int)length, word);
    } else if (is_comparison(found) && !has_token(set, n, found) &&
               has_token(set, n, YYSYMBOL_STAR)) {
        snprintf(message, sizeof message,
                 "unexpected %s: comparisons do not chain (use 'and')", what);
    } else if (found == YYSYMBOL_NEWLINE || found == YYSYMBOL_YYEOF) {
        if (expected[0])
            snprintf(message, sizeof message, "unexpected %s, expected %s",
                     what, expected);
        else
            snprintf(message, sizeof message, "unexpected %s", what);
    } else if (expected[0]) {
        snprintf(message, sizeof message, "expected %s, found %s", expected,
                 what);
    } else {
        snprintf(message, sizeof message, "unexpected %s", what);
    }

    report(ctx, *loc, message);

    /* An error on a later line than the innermost open bracket: most often
     * that bracket was never closed. Point at it, and let the next newline
     * end the statement so the lines after it are checked on their own. */
    const SrcLoc *open = lexer_open_bracket(&ctx->lex);
    if (open && loc->first_line > open->first_line) {
        if (n > 0 && has_token(set, n, YYSYMBOL_RPAREN) &&
            ctx->src->text[open->start] == '(')
            diag_report(DIAG_NOTE, ctx->src, *open, "to match this '('");
        lexer_close_brackets(&ctx->lex);
    }
    return 0;
}
