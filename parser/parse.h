/*
 * parser/parse.h — turning a Source into statements.
 *
 * parse_source() runs the Bison parser over the whole text. Syntax errors
 * are reported through util/diag (file:line:col, the line, a caret) and
 * the parser recovers at the end of the statement, so every error in a
 * text is reported in one pass.
 *
 * The interpreter parses a text twice: first with fn == NULL, to check the
 * syntax of the whole text before anything runs; then with fn, which
 * receives each top-level statement as soon as it is complete. That keeps
 * memory flat on scripts of millions of statements.
 */
#ifndef MGRAD_PARSER_PARSE_H
#define MGRAD_PARSER_PARSE_H

#include "../util/source.h"
#include "ast.h"

/* Receives one statement and owns it from then on. Return 0 to go on,
 * nonzero to stop parsing. */
typedef int (*ParseStatementFn)(void *ctx, Ast *statement);

typedef struct ParseResult {
    unsigned errors;   /* syntax errors reported */
    int stopped;       /* fn asked to stop */
} ParseResult;

ParseResult parse_source(const Source *src, ParseStatementFn fn, void *ctx);

/* For the REPL: nonzero when text ends inside an open ( or [ or an
 * unterminated string, so that more lines should be read before parsing. */
int parse_needs_more(const char *text, size_t length);

#endif
