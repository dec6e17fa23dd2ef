/*
 * lexer/scan.h — what the scanner (lexer/lexer.l, generated into
 * lexer.c/lexer.h) shares with the parser: its state, carried as Flex's
 * "extra" data, and the table of reserved words.
 *
 * The scanner reads straight from a Source's text through YY_INPUT, so a
 * script is never copied whole a second time, and it tracks for every token
 * the line, the byte column and the byte offsets of its first and last byte.
 */
#ifndef MGRAD_LEXER_SCAN_H
#define MGRAD_LEXER_SCAN_H

#include <stddef.h>
#include "../util/source.h"

enum { LEXER_BRACKETS_KEPT = 32 };

typedef struct LexState {
    const Source *src;   /* for diagnostics; NULL when quiet */
    const char *text;    /* the input */
    size_t length;
    size_t read;         /* how much YY_INPUT has handed to Flex */
    size_t offset;       /* byte offset of the next token */
    int line, column;    /* its line and byte column */
    int depth;           /* open ( and [: newlines inside them are skipped */
    SrcLoc open[LEXER_BRACKETS_KEPT];  /* where the innermost ones opened */
    int quiet;           /* scan only: report nothing */
    int hush;            /* an error was reported in this statement: report
                            no more until its end (set by the parser too) */
    unsigned errors;     /* lexical errors reported (or found, when quiet) */
    int ended;           /* end of input was returned */
    int last_token;      /* the token returned last (0 before any) */
    SrcLoc last_loc;     /* and where it was */
} LexState;

/* The innermost open bracket, if its place is known (else NULL). */
const SrcLoc *lexer_open_bracket(const LexState *st);

/* Forgets the open brackets: after an error that shows one was never
 * closed, so that the next newline ends the statement again. */
void lexer_close_brackets(LexState *st);

/* Prepares st to scan text[0, length) whose first line is first_line. */
void lexer_state_init(LexState *st, const Source *src, const char *text,
                      size_t length, int first_line);

/* The reserved words: `and`, `or`, `not` and the command words. */
typedef struct LexerKeyword {
    const char *word;
    int token;           /* AND, OR, NOT or CMD (parser tokens) */
} LexerKeyword;

extern const LexerKeyword lexer_keywords[];   /* ends with {NULL, 0} */

/* The token of a reserved word, or 0 for an ordinary name. */
int lexer_keyword(const char *text, size_t length);

#endif
