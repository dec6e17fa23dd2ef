/*
 * parser/parser.y — the grammar: tokens from lexer/lexer.l to a Program
 * (compile/program.h). The actions only call the builders of
 * compile/compile.h, which append instructions as Bison reduces; no tree is
 * built.
 *
 * Pure parser, locations of type SrcSpan (byte offsets; lines and columns
 * are found only for messages), no conflicts. A syntax error is reported in
 * the user's words (what was expected, what was found) and the parser
 * recovers at the end of the statement.
 *
 * The grammar is built twice (see the Makefile): without LAC, the parser
 * that compiles every text, and with LAC (parse.lac full), whose exact
 * "expected X" lists are needed only to report errors, so it runs only on a
 * text in which the first found one (parser/parse.c).
 */

%code requires {
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include "util/source.h"
#include "compile/compile.h"
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

/* f(a, b, ... so far: where its code starts, the arguments, the name. */
typedef struct ParseCall {
    uint32_t code;
    uint32_t args;
    SrcSpan name;
} ParseCall;

/* Everything one run of the parser shares with its actions. */
typedef struct ParseContext {
    const Source *src;
    LexState lex;            /* the scanner's state (its extra data) */
    Compiler *compiler;
    unsigned errors;         /* syntax errors found by the parser */
    int quiet;               /* count errors, report none */
    volatile sig_atomic_t *interrupt;  /* polled after each statement */
    int stopped;             /* it was raised */
} ParseContext;
}

%code {
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lexer.h"
#include "util/diag.h"
#include "util/mem.h"

#define C (ctx->compiler)
#define STOP                                                              \
    do {                                                                  \
        ctx->stopped = 1;                                                 \
        YYABORT;                                                          \
    } while (0)

/* A location spans from its first symbol to its last; an empty rule sits
 * just after the symbol before it. */
#define YYLLOC_DEFAULT(Cur, Rhs, N)                                       \
    do {                                                                  \
        if (N) {                                                          \
            (Cur).start = YYRHSLOC(Rhs, 1).start;                         \
            (Cur).end = YYRHSLOC(Rhs, N).end;                             \
        } else {                                                          \
            (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;               \
        }                                                                 \
    } while (0)

#define YYMALLOC mem_malloc
#define YYFREE free
#define YYSTACK_USE_ALLOCA 0

static void yyerror(const SrcSpan *loc, yyscan_t scanner, ParseContext *ctx,
                    const char *message);
static void report(ParseContext *ctx, SrcSpan loc, const char *message);
static void cannot_assign(ParseContext *ctx, SrcSpan target);
static ParseCall call_head(uint32_t code, uint32_t args, SrcSpan name);
static void mismatch(ParseContext *ctx, uint32_t names, uint32_t values,
                     SrcSpan at);
}

%define api.pure full
%define api.token.raw
%define api.location.type {SrcSpan}
%define parse.error custom
%locations
%expect 0

%lex-param {yyscan_t scanner}
%parse-param {yyscan_t scanner} {ParseContext *ctx}

%union {
    double number;
    int command;
    uint32_t code;           /* where an expression's code starts */
    uint32_t count;          /* targets, values or arguments */
    ParseString string;
    ParseCall call;
    BinaryOp op;
    int flag;
}

%token END 0 "end of input"
%token <number> NUMBER "number"
%token NAME "name"
%token <command> CMD "command"
%token <command> CMD_CALL "command call"
%token <string> STRING "string"
%token NEWLINE "end of line"
%token AND "and" OR "or" NOT "not"
%token PLUS "+" MINUS "-" STAR "*" SLASH "/" CARET "^" POW "**"
%token PERCENT "%" FLOORDIV "//"
%token TRUE "True" FALSE "False" NONE "None" IS "is" CLASS "class"
%token LAMBDA "lambda"
%token IMPORT "import" FROM "from" AS "as"
%token LPAREN "(" RPAREN ")" LBRACKET "[" RBRACKET "]" LBRACE "{" RBRACE "}"
%token COMMA "," DOT "." DOTDOT ".."
%token ASSIGN "=" ADD_ASSIGN "+=" SUB_ASSIGN "-=" MUL_ASSIGN "*="
%token DIV_ASSIGN "/="
%token LT "<" LE "<=" GT ">" GE ">=" EQ "==" NE "!="
%token SEMICOLON ";" COLON ":"
%token INDENT "indented block" DEDENT "end of block"
%token FSTRING_BEGIN "f-string" FSTRING_END "end of the f-string"
%token FSTRING_OPEN "'{' of an f-string" FSTRING_CLOSE "'}' of an f-string"
%token FSTRING_COLON "':' of an f-string"
%token <string> FSTRING_TEXT "f-string text"
%token <string> FSTRING_SPEC "format specification"
%token IF "if" ELIF "elif" ELSE "else" WHILE "while" FOR "for" IN "in" REPEAT "repeat"
%token BREAK "break" CONTINUE "continue" DEF "def" RETURN "return"

%type <code> expr or_test arith arg simple_arg range
%type <call> call_head method_head list_items fstring value_call
%type <string> fstring_spec
%type <op> assign_op
%type <count> targets for_targets tuple_values

%destructor { free($$.text); } <string>

/* Precedence, lowest first. Prefix minus sits below ^, so -a^2 is -(a^2),
 * and ^ associates to the right; an exponent may itself start with a sign
 * (a ^ -1, 2 ** -b). Comparisons do not chain: a < b < c is an error.
 * Indexing and attributes bind tightest (-x.data is -(x.data)).
 * Declaring this instead of one rule per level keeps the parser from
 * climbing ten levels for every number and name: a number, a name or a
 * call is an `arith` at once, with no reduction of its own. */
%precedence NAME_ALONE
%precedence "="
%left "or"
%left "and"
%precedence "not"
%left "<" "<=" ">" ">=" "==" "!="
%nonassoc "in" "is"
%left "+" "-"
%left "*" "/" "%" "//"
%precedence PREFIX
%right "^" "**"
%precedence "." "["
%precedence "("

%start program

%%

program
    : lines
    | lines statement
    | lines error               { /* an error in the last, unterminated one */ }
    ;

/* A statement's terminator is part of its rule, not a symbol of its own:
 * one reduction less for each of millions of statements. */
lines
    : %empty
    | lines NEWLINE
    | lines ";"
    | lines statement NEWLINE   { if (ctx->interrupt && *ctx->interrupt) STOP; }
    | lines statement ";"       {
                                    gen_silent(C);
                                    if (ctx->interrupt && *ctx->interrupt)
                                        STOP;
                                }
    | lines error NEWLINE       { yyerrok; gen_recover(C); gen_recover_all(C); }
    | lines error ";"           { yyerrok; gen_recover(C); gen_recover_all(C); }
    ;

 /* { ... }: statements on one line or many; the last needs no terminator.
    Nothing in a block echoes (gen_silent after each statement). */
block
    : block_open block_lines "}"
    | block_open block_lines statement "}"  { gen_silent(C); }
    ;

block_open
    : "{"                       { C->silent_from = C->prog->count; }
    ;

 /* Python's block: ':' then indented lines, or one simple statement on the
    same line. */
suite
    : ":" NEWLINE INDENT        { C->silent_from = C->prog->count; }
      block_lines DEDENT
    | ":"                       { C->silent_from = C->prog->count; }
      simple_statement          { gen_silent(C); }
    ;

body
    : block
    | suite
    ;

block_lines
    : %empty
    | block_lines NEWLINE
    | block_lines ";"
    | block_lines statement NEWLINE { gen_silent(C); }
    | block_lines statement ";" { gen_silent(C); }
    | block_lines error NEWLINE { yyerrok; gen_recover(C); }
    | block_lines error ";"     { yyerrok; gen_recover(C); }
    ;

statement
    : simple_statement
    | compound_statement
    ;

compound_statement
    : if_statement
    | WHILE                     { $<code>$ = gen_loop_begin(C, LOOP_WHILE); }
      expr                      { $<code>$ = gen_jump_false(C, @3); }
      body                      { gen_while_end(C, $<code>2, $<code>4, @$); }
    | FOR for_targets IN expr   { $<code>$ = gen_for_begin(C, $2, @4); }
      body                      { gen_for_end(C, $<code>5, @$); }
    | REPEAT expr               { $<code>$ = gen_repeat_begin(C, @2); }
      body                      { gen_repeat_end(C, $<code>3, @$); }
    | DEF NAME "("              {
                                    if (gen_def_begin(C, @2, @$) != 0) {
                                        report(ctx, @1, "a function cannot "
                                               "be defined inside another");
                                        YYERROR;
                                    }
                                }
      params ")" def_body       {
                                    if (gen_def_end(C, @$) != 0) {
                                        report(ctx, @2, "too many local names "
                                               "in one function (at most "
                                               "1024, parameters included)");
                                        YYERROR;
                                    }
                                }
    ;

simple_statement
    : expr                      { gen_show(C, $1, @$); }
    | NAME "=" expr             { gen_bind(C, @1, @$); }
    | expr assign_op            {
                                    if (gen_assign_begin(C, $1, $2) != 0) {
                                        cannot_assign(ctx, @1);
                                        YYERROR;
                                    }
                                }
      expr                      { gen_assign_end(C, $2, @$); }
    | targets "=" tuple_values  {
                                    if (gen_unpack(C, $1, $3, @$) != 0) {
                                        mismatch(ctx, $1, $3, @3);
                                        YYERROR;
                                    }
                                }
    | arith "." CMD "(" ")"     {
                                    gen_command_arg(C, $1, @1);
                                    gen_command(C, $3, @$);
                                    C->prog->code[C->prog->count - 1].flags
                                        |= INS_METHOD;
                                }
    | CMD                       { gen_command(C, $1, @$); }
    | CMD command_args          { gen_command(C, $1, @$); }
    | CMD_CALL "(" ")"          { gen_command(C, $1, @$); }
    | CMD_CALL "(" call_args ")"
                                { gen_command(C, $1, @$); }
    | CMD_CALL "(" call_args "," ")"
                                { gen_command(C, $1, @$); }
    | BREAK                     {
                                    if (gen_break(C, @$) != 0) {
                                        report(ctx, @$, "'break' outside a loop");
                                        YYERROR;
                                    }
                                }
    | CONTINUE                  {
                                    if (gen_continue(C, @$) != 0) {
                                        report(ctx, @$, "'continue' outside a loop");
                                        YYERROR;
                                    }
                                }
    | IMPORT import_items
    | FROM dotted IMPORT        { gen_import(C, @2, @2, IMPORT_KEEP); }
      from_items                { gen_pop(C); }
    | RETURN                    {
                                    if (gen_return(C, 0, @$) != 0) {
                                        report(ctx, @$, "'return' outside a function");
                                        YYERROR;
                                    }
                                }
    | RETURN tuple_values       {
                                    /* return a, b: a tuple, as a list */
                                    if ($2 > 1)
                                        gen_list(C, $2, @2);
                                    if (gen_return(C, 1, @$) != 0) {
                                        report(ctx, @1, "'return' outside a function");
                                        YYERROR;
                                    }
                                }
    ;

if_statement
    : IF if_rest
    ;

 /* import math, random as r; from micrograd.nn import MLP as M, Layer */
import_items
    : import_item
    | import_items "," import_item
    ;

import_item
    : dotted                    { gen_import(C, @1, @1, IMPORT_TOP); }
    | dotted AS NAME            { gen_import(C, @1, @3, IMPORT_AS); }
    ;

dotted
    : NAME
    | dotted "." NAME
    ;

from_items
    : from_item
    | from_items "," from_item
    ;

from_item
    : NAME                      { gen_import_member(C, @1, @1); }
    | NAME AS NAME              { gen_import_member(C, @1, @3); }
    ;

 /* c body [else ...]: after `if` or `elif` */
if_rest
    : expr                      { $<code>$ = gen_jump_false(C, @1); }
      body                      { $<code>$ = gen_else(C, $<code>2, @3); }
      else_part                 { gen_if_end(C, $<code>4); }
    ;

else_part
    : %empty
    | ELSE body
    | ELSE if_statement
    | ELIF if_rest
    ;

 /* a, b, c = ... : two names or more (one is an ordinary assignment) */
targets
    : NAME "," NAME             { gen_target(C, @1); gen_target(C, @3); $$ = 2; }
    | targets "," NAME          { gen_target(C, @3); $$ = $1 + 1; }
    ;

for_targets
    : NAME                      { gen_target(C, @1); $$ = 1; }
    | targets
    | "(" NAME ")"              { gen_target(C, @2); $$ = 1; }
    | "(" targets ")"           { $$ = $2; }
    | "(" targets "," ")"       { $$ = $2; }
    ;

tuple_values
    : expr                      { $$ = 1; }
    | tuple_values "," expr     { $$ = $1 + 1; }
    ;

params
    : %empty
    | param_list
    | param_list ","
    ;

param_list
    : param
    | param_list "," param
    ;

 /* x, or h=e: e runs when a call gives no h (Python runs it once, at the
    def; for the numbers, strings and None defaults are made of, the same) */
param
    : param_name                {
                                    if (gen_param_plain(C) != 0) {
                                        report(ctx, @1, "a parameter without "
                                               "a default cannot follow one "
                                               "with a default");
                                        YYERROR;
                                    }
                                }
    | param_name "="            { $<code>$ = gen_default_begin(C); }
      expr                      { gen_default_end(C, $<code>3, @4); }
    ;

param_name
    : NAME                      {
                                    int e = gen_param(C, @1);
                                    if (e != 0) {
                                        report(ctx, @1, e == -1
                                               ? "duplicate parameter name in a def"
                                               : "too many parameters (a function "
                                                 "takes at most 1024)");
                                        YYERROR;
                                    }
                                }
    ;

def_body
    : "=" expr                  { gen_return(C, 1, @2); }
    | body
    ;

assign_op
    : "="                       { $$ = BIN_NONE; }
    | "+="                      { $$ = BIN_ADD; }
    | "-="                      { $$ = BIN_SUB; }
    | "*="                      { $$ = BIN_MUL; }
    | "/="                      { $$ = BIN_DIV; }
    ;

 /* Arguments are separated by commas, but a plain number, string or name
    may also follow without one: `set digits 8`, `dot L "g.svg"`. */
command_args
    : arg
    | command_args "," arg
    | command_args simple_arg
    ;

 /* print(a, "b"): a command called as in Python */
call_args
    : expr                      { gen_command_arg(C, $1, @1); }
    | call_args "," expr        { gen_command_arg(C, $3, @3); }
    ;

arg
    : expr                      { gen_command_arg(C, $1, @1); }
    | word                      { $$ = gen_word(C, @1); gen_command_arg(C, $$, @1); }
    | range                     { gen_command_arg(C, $1, @1); }
    ;

/* A reserved word as a command's argument: help if. */
word
    : IF | WHILE | FOR | IN | REPEAT | BREAK | CONTINUE | DEF | RETURN
    | AND | OR | IMPORT | FROM | AS
    ;

simple_arg
    : NUMBER                    { $$ = gen_number(C, $1, @1); gen_command_arg(C, $$, @1); }
    | STRING                    {
                                    $$ = gen_string(C, $1.text, $1.length, @1);
                                    gen_command_arg(C, $$, @1);
                                }
    | NAME                      { $$ = gen_word(C, @1); gen_command_arg(C, $$, @1); }
    ;

range
    : NAME "="                  { $<code>$ = gen_word(C, @1); }
      expr ".." expr            { gen_range(C, @4, @6, @$); $$ = $<code>3; }
    ;

/* x if c else y is the loosest (Python's test); a comprehension's
   iterable and condition cannot be one (or_test), as in Python. */
expr
    : or_test
    | LAMBDA                    {
                                    $<code>$ = C->prog->count;
                                    if (gen_lambda_begin(C, @1) != 0) {
                                        report(ctx, @1, "a lambda cannot be "
                                               "written inside a function");
                                        YYERROR;
                                    }
                                }
      params ":" expr           {
                                    gen_return(C, 1, @5);
                                    gen_def_end(C, @$);
                                    $$ = $<code>2;
                                }
    | or_test "if"              { $<code>$ = C->prog->count; }
      or_test "else"            { $<code>$ = C->prog->count; }
      expr                      { gen_ternary(C, $1, $<code>3, $<code>6, @$); }
    ;

or_test
    : arith
    | or_test "or"              { $<code>$ = gen_logic_begin(C, 0, @2); }
      or_test                   { gen_logic_end(C, $<code>3, @$); $$ = $1; }
    | or_test "and"             { $<code>$ = gen_logic_begin(C, 1, @2); }
      or_test                   { gen_logic_end(C, $<code>3, @$); $$ = $1; }
    | "not" or_test             { gen_not(C, @$); $$ = $2; }
    ;

 /* Comparisons, arithmetic and what they apply to (numbers, names, calls,
    brackets, indexing, attributes): `not` cannot appear inside, as in
    Python. */
arith
    : arith "<" arith           {
                                    if (gen_compare(C, BIN_LT, $1, $3, @$) != 0) {
                                        report(ctx, @3, "a chained comparison's "
                                               "middle term must be a name, a "
                                               "number or an attribute");
                                        YYERROR;
                                    }
                                }
    | arith "<=" arith           {
                                    if (gen_compare(C, BIN_LE, $1, $3, @$) != 0) {
                                        report(ctx, @3, "a chained comparison's "
                                               "middle term must be a name, a "
                                               "number or an attribute");
                                        YYERROR;
                                    }
                                }
    | arith ">" arith           {
                                    if (gen_compare(C, BIN_GT, $1, $3, @$) != 0) {
                                        report(ctx, @3, "a chained comparison's "
                                               "middle term must be a name, a "
                                               "number or an attribute");
                                        YYERROR;
                                    }
                                }
    | arith ">=" arith           {
                                    if (gen_compare(C, BIN_GE, $1, $3, @$) != 0) {
                                        report(ctx, @3, "a chained comparison's "
                                               "middle term must be a name, a "
                                               "number or an attribute");
                                        YYERROR;
                                    }
                                }
    | arith "==" arith           {
                                    if (gen_compare(C, BIN_EQ, $1, $3, @$) != 0) {
                                        report(ctx, @3, "a chained comparison's "
                                               "middle term must be a name, a "
                                               "number or an attribute");
                                        YYERROR;
                                    }
                                }
    | arith "!=" arith           {
                                    if (gen_compare(C, BIN_NE, $1, $3, @$) != 0) {
                                        report(ctx, @3, "a chained comparison's "
                                               "middle term must be a name, a "
                                               "number or an attribute");
                                        YYERROR;
                                    }
                                }
    | arith "+" arith           { gen_binary(C, BIN_ADD, $3, @$); }
    | arith "-" arith           { gen_binary(C, BIN_SUB, $3, @$); }
    | arith "*" arith           { gen_binary(C, BIN_MUL, $3, @$); }
    | arith "/" arith           { gen_binary(C, BIN_DIV, $3, @$); }
    | arith "%" arith           { gen_binary(C, BIN_MOD, $3, @$); }
    | arith "//" arith          { gen_binary(C, BIN_FLOORDIV, $3, @$); }
    | arith "in" arith          { gen_binary(C, BIN_IN, $3, @$); }
    | arith "not" "in" arith %prec "in"
                                { gen_binary(C, BIN_NOT_IN, $4, @$); }
    | arith "is" arith          { gen_binary(C, BIN_IS, $3, @$); }
    | arith "is" "not" arith %prec "is"
                                { gen_binary(C, BIN_IS_NOT, $4, @$); }
    | TRUE                      { $$ = gen_number(C, 1, @$); }
    | FALSE                     { $$ = gen_number(C, 0, @$); }
    | NONE                      { $$ = gen_none(C, @$); }
    | "-" arith %prec PREFIX    { gen_negate(C, $2, @$); $$ = $2; }
    | "+" arith %prec PREFIX    { $$ = $2; }
    | arith "^" arith           { gen_binary(C, BIN_POW, $3, @$); }
    | arith "**" arith          { gen_binary(C, BIN_POW, $3, @$); }
    | NUMBER                    { $$ = gen_number(C, $1, @$); }
    | STRING                    { $$ = gen_string(C, $1.text, $1.length, @$); }
    | fstring FSTRING_END       { gen_concat(C, $1.args, @$); $$ = $1.code; }
    | NAME %prec NAME_ALONE     { $$ = gen_name(C, @1); }
    | NAME "(" ")"              { $$ = C->prog->count; gen_call(C, @1, 0, 0, @$); }
    | call_head ")"             {
                                    if (gen_call(C, $1.name, $1.args, 0, @$) != 0) {
                                        report(ctx, @$, "too many arguments in "
                                               "one call (at most 65535)");
                                        YYERROR;
                                    }
                                    $$ = $1.code;
                                }
    | call_head "," ")"         {
                                    if (gen_call(C, $1.name, $1.args, 0, @$) != 0) {
                                        report(ctx, @$, "too many arguments in "
                                               "one call (at most 65535)");
                                        YYERROR;
                                    }
                                    $$ = $1.code;
                                }
    | NAME "(" expr FOR         { $<code>$ = gen_comp_begin(C, $3); }
      for_targets IN            { gen_comp_iterable(C); }
      or_test comp_if ")"          {
                                    gen_comp_end(C, $<code>5, @$);
                                    gen_call(C, @1, 1, 0, @$);
                                    $$ = $<code>5;
                                }
    | "(" expr ")"              {
                                    $$ = $2; /* the inner span labels it */
                                    gen_bracketed(C);
                                }
    | "(" ")"                   { $$ = gen_list(C, 0, @$); }
    | "(" expr "," ")"          { gen_list(C, 1, @$); $$ = $2; }
    | "(" expr "," list_items ")"
                                { gen_list(C, 1 + $4.args, @$); $$ = $2; }
    | "(" expr "," list_items "," ")"
                                { gen_list(C, 1 + $4.args, @$); $$ = $2; }
    | "(" expr FOR              { $<code>$ = gen_comp_begin(C, $2); }
      for_targets IN            { gen_comp_iterable(C); }
      or_test comp_if ")"       {
                                    /* a generator in its own brackets: a
                                       list, as sum() takes it */
                                    gen_comp_end(C, $<code>4, @$);
                                    $$ = $<code>4;
                                }
    | "[" "]"                   { $$ = gen_list(C, 0, @$); }
    | "[" list_items "]"        { gen_list(C, $2.args, @$); $$ = $2.code; }
    | "[" list_items "," "]"    { gen_list(C, $2.args, @$); $$ = $2.code; }
    | "[" expr FOR              { $<code>$ = gen_comp_begin(C, $2); }
      for_targets IN            { gen_comp_iterable(C); }
      or_test comp_if "]"          { gen_comp_end(C, $<code>4, @$); $$ = $<code>4; }
    | arith "[" expr "]"        { gen_index(C, @$); $$ = $1; }
    | arith "[" slice "]"       { gen_slice(C, @$); $$ = $1; }
    | arith "." NAME %prec "."  { gen_attribute(C, @3, @$); $$ = $1; }
    | arith "." NAME "(" ")"    { gen_call(C, @3, 1, 1, @$); $$ = $1; }
    | method_head ")"           {
                                    if (gen_call(C, $1.name, $1.args, 1, @$) != 0) {
                                        report(ctx, @$, "too many arguments in "
                                               "one call (at most 65535)");
                                        YYERROR;
                                    }
                                    $$ = $1.code;
                                }
    | method_head "," ")"       {
                                    if (gen_call(C, $1.name, $1.args, 1, @$) != 0) {
                                        report(ctx, @$, "too many arguments in "
                                               "one call (at most 65535)");
                                        YYERROR;
                                    }
                                    $$ = $1.code;
                                }
    /* a call of a value that is not a name: acts[1](x), f(g)(x) */
    | arith "(" ")"             { gen_call_value(C, 0, @$); $$ = $1; }
    | value_call ")"            {
                                    if (gen_call_value(C, $1.args, @$) != 0) {
                                        report(ctx, @$, "too many arguments in "
                                               "one call (at most 65535)");
                                        YYERROR;
                                    }
                                    $$ = $1.code;
                                }
    ;

fstring
    : FSTRING_BEGIN             { $$ = call_head(C->prog->count, 0, @1); }
    | fstring FSTRING_TEXT      {
                                    gen_string(C, $2.text, $2.length, @2);
                                    $$ = $1;
                                    $$.args++;
                                }
    | fstring FSTRING_OPEN expr fstring_spec FSTRING_CLOSE
                                {
                                    gen_format(C, $4.text, $4.length, @3);
                                    $$ = $1;
                                    $$.args++;
                                }
    ;

fstring_spec
    : %empty                    { $$.text = NULL; $$.length = 0; }
    | FSTRING_COLON             { $$.text = NULL; $$.length = 0; }
    | FSTRING_COLON FSTRING_SPEC { $$ = $2; }
    ;

/* a:b and a:b:c, each part optional; None stands for one not written */
slice
    : slice_part ":" slice_part { gen_none(C, @$); }
    | slice_part ":" slice_part ":" slice_part
    ;

slice_part
    : %empty                    { gen_none(C, @$); }
    | expr
    ;

value_call
    : arith "(" expr            { $$ = call_head($1, 1, @1); }
    | value_call "," expr       { $$ = $1; $$.args++; }
    ;

list_items
    : expr                      { $$ = call_head($1, 1, @1); }
    | list_items "," expr       { $$ = $1; $$.args++; }
    ;

comp_if
    : %empty
    | IF                        { gen_comp_condition(C); }
      or_test
    ;

call_head
    : NAME "(" expr             { $$ = call_head($3, 1, @1); }
    | NAME "(" NAME "="         { $<code>$ = gen_word(C, @3); }
      expr                      { $$ = call_head($<code>5, 2, @1); }
    | call_head "," expr        { $$ = $1; $$.args++; }
    | call_head "," NAME "="    { gen_word(C, @3); }
      expr                      { $$ = $1; $$.args += 2; }
    ;

method_head
    : arith "." NAME "(" expr   { $$ = call_head($1, 2, @3); }
    /* random.seed(1337): a command word after a dot, with arguments, is a
       method (a module's member); x.backward() is the command's form */
    | arith "." CMD "(" expr    { $$ = call_head($1, 2, @3); }
    | arith "." NAME "(" NAME "="
                                { gen_word(C, @5); }
      expr                      { $$ = call_head($1, 3, @3); }
    | method_head "," expr      { $$ = $1; $$.args++; }
    | method_head "," NAME "="  { gen_word(C, @3); }
      expr                      { $$ = $1; $$.args += 2; }
    ;

%%

static ParseCall call_head(uint32_t code, uint32_t args, SrcSpan name)
{
    ParseCall call = {code, args, name};
    return call;
}

/* Source text at loc for a message: at most max bytes, then "...";
 * control bytes (a newline inside brackets) shown as spaces. */
static void snippet(char *out, size_t size, const ParseContext *ctx,
                    const SrcSpan *loc, size_t max)
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
static void mismatch(ParseContext *ctx, uint32_t names, uint32_t values,
                     SrcSpan at)
{
    char message[96];
    snprintf(message, sizeof message, "%u names but %u values to give them",
             names, values);
    report(ctx, at, message);
}

static void cannot_assign(ParseContext *ctx, SrcSpan target)
{
    char what[48], message[96];
    snippet(what, sizeof what, ctx, &target, 30);
    snprintf(message, sizeof message, "cannot assign to '%s'", what);
    report(ctx, target, message);
}

/* ---- syntax errors ---------------------------------------------------- */

/* One error per statement: the scanner clears `hush` when it returns the
 * statement's terminator. An error found once that terminator has been read
 * (say `2 = 3` seen at the newline) must not silence the next statement. */
static void report(ParseContext *ctx, SrcSpan loc, const char *message)
{
    if (ctx->lex.hush)
        return;
    ctx->errors++;
    if (!ctx->quiet && ctx->lex.shown < LEXER_MAX_MESSAGES) {
        ctx->lex.shown++;
        lexer_show_text(ctx->lex.scanner, 1);
        diag_report(DIAG_ERROR, ctx->src,
                    source_locate(ctx->src, loc.start, loc.end), "%s", message);
        lexer_show_text(ctx->lex.scanner, 0);
    }
    ctx->lex.hush = !(ctx->lex.ended || ctx->lex.last_token == NEWLINE ||
                      ctx->lex.last_token == SEMICOLON);
}

/* Bison calls this only when its stack is full: thousands of open
 * brackets or prefix operators. */
static void yyerror(const SrcSpan *loc, yyscan_t scanner, ParseContext *ctx,
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
                     yysymbol_kind_t kind, const SrcSpan *loc)
{
    char text[40];
    switch (kind) {
    case YYSYMBOL_NEWLINE:
        snprintf(out, size, "end of line");
        return;
    case YYSYMBOL_YYEOF:
        snprintf(out, size, "end of input");
        return;
    case YYSYMBOL_INDENT:
        snprintf(out, size, "an indented line");
        return;
    case YYSYMBOL_DEDENT:
        snprintf(out, size, "the end of the indented block");
        return;
    case YYSYMBOL_NAME:
        snippet(text, sizeof text, ctx, loc, 24);
        snprintf(out, size, "name '%s'", text);
        return;
    case YYSYMBOL_CMD:
    case YYSYMBOL_CMD_CALL:
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
    if (has[YYSYMBOL_LBRACE] && !has[YYSYMBOL_NUMBER])
        parts[count++] = "'{'";
    if (has[YYSYMBOL_IMPORT] && !has[YYSYMBOL_NAME])   /* from m import */
        parts[count++] = "'import'";
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
    const SrcSpan *loc = yypcontext_location(pc);
    if (ctx->quiet) {
        /* The fast pass only learns that the text has an error. */
        ctx->errors++;
        return 0;
    }
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
    } else if (has_token(set, n, YYSYMBOL_ELSE) && found != YYSYMBOL_ELSE &&
               found != YYSYMBOL_ELIF && found != YYSYMBOL_COLON &&
               !has_token(set, n, YYSYMBOL_NEWLINE)) {
        snprintf(message, sizeof message, "expected 'else', found %s (a "
                 "conditional expression is written x if c else y)", what);
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
    const SrcSpan *open = lexer_open_bracket(&ctx->lex);
    if (open && memchr(ctx->src->text + open->start, '\n',
                       loc->start > open->start ? loc->start - open->start : 0)) {
        if (n > 0 && has_token(set, n, YYSYMBOL_RPAREN) &&
            ctx->src->text[open->start] == '(') {
            lexer_show_text(ctx->lex.scanner, 1);
            diag_report(DIAG_NOTE, ctx->src,
                        source_locate(ctx->src, open->start, open->end),
                        "to match this '('");
            lexer_show_text(ctx->lex.scanner, 0);
        }
        lexer_close_brackets(&ctx->lex);
    }
    return 0;
}
