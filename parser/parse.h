/*
 * parser/parse.h — turning a Source into a Program.
 *
 * parse_program() runs the scanner and the parser over the whole text once,
 * compiling as it goes. Only when that finds an error does the text go
 * through the parser again, built with LAC, which reports every error with
 * exactly what was expected (file:line:col, the line, a caret) and
 * recovers at the end of each statement.
 */
#ifndef MGRAD_PARSER_PARSE_H
#define MGRAD_PARSER_PARSE_H

#include <signal.h>
#include "util/source.h"
#include "compile/compile.h"
#include "lexer/scan.h"

typedef struct ParseResult {
    unsigned errors;   /* syntax errors reported (0: the program may run) */
    int stopped;       /* the interrupt flag was raised while parsing */
} ParseResult;

/* Compiles src into c's program (ended by INS_END). commands tells which
 * words are commands. interrupt, if not NULL, is polled: a long text stops
 * parsing when it is raised. */
ParseResult parse_program(const Source *src, Compiler *c,
                          LexerCommands commands,
                          volatile sig_atomic_t *interrupt);

/* For the REPL: nonzero when text ends inside an open ( [ or { or an
 * unterminated string, so that more lines should be read before parsing. */
int parse_needs_more(const char *text, size_t length);

#endif
