/*
 * lexer/scan.h — what the scanner (lexer/lexer.l, generated into
 * lexer.c/lexer.h) shares with the parser: its state, carried as Flex's
 * "extra" data, and the table of reserved words.
 *
 * The scanner reads a Source's text in place, as one buffer (Flex's
 * yy_scan_buffer, on the two NUL bytes every Source ends with), so no token
 * is ever read twice however long it is. A token's place is its byte
 * offsets; lines and columns are counted only for messages.
 */
#ifndef MGRAD_LEXER_SCAN_H
#define MGRAD_LEXER_SCAN_H

#include <stddef.h>
#include "util/source.h"
#include "util/words.h"

enum { LEXER_BRACKETS_KEPT = 32, LEXER_INDENTS = 100, LEXER_FSTRINGS = 8 };

/* The command words: an index whose rows are the commands' places in the
 * machine's command table, the one list of command words. */
typedef const WordIndex *LexerCommands;

typedef struct LexState {
    const Source *src;   /* for diagnostics; NULL when quiet */
    const char *text;    /* the input */
    size_t length;
    LexerCommands commands;   /* may be NULL: no command words */
    const WordIndex *keywords;  /* lexer_keyword_index() */
    void *scanner;       /* the Flex scanner reading it */
    int depth;           /* open ( and [: newlines inside them are skipped */
    int braces;          /* open { of blocks: the REPL reads on */
    SrcSpan open[LEXER_BRACKETS_KEPT];  /* where the innermost ones opened */
    int quiet;           /* scan only: report nothing */
    int hush;            /* an error was reported in this statement: report
                            no more until its end (set by the parser too) */
    unsigned errors;     /* lexical errors reported (or found, when quiet) */
    unsigned shown;      /* messages printed, by the scanner and the parser:
                            at most LEXER_MAX_MESSAGES */
    int ended;           /* end of input was returned */
    int last_token;      /* the token returned last (0 before any) */
    SrcSpan last_loc;    /* and where it was */
    /* Blocks by indentation, as Python's tokenizer finds them: the widths
     * of the open levels (tabs to multiples of 8, and counted as 1, so
     * that a mix that depends on the tab size is refused), whether a level
     * was an error (its end gives no DEDENT), and the tokens waiting to be
     * returned (NEWLINE, INDENT, DEDENT, or an error as -LexIndentError). */
    int indent8[LEXER_INDENTS], indent1[LEXER_INDENTS];
    unsigned char bogus[LEXER_INDENTS];
    int levels;
    int queue[2 * LEXER_INDENTS + 4];
    int queue_head, queue_count;
    SrcSpan queue_loc;   /* where the waiting tokens are placed */
    int started;         /* the first line's indentation was checked */
    int probe;           /* asked only whether the text is complete */
    int open_at_end;     /* input ended inside an indented block, or
                            just after a ':' */
    int class_indent;    /* of the class line whose body is skipped */
    /* f-strings being read, innermost last: the quote that ends each, and
     * for the one whose {expression} is being read, the brackets open at
     * its '{' (its '}' or ':' is the one met at the same depth). */
    int fstrings;
    struct { char quote; int depth, braces; } fstring[LEXER_FSTRINGS];
    /* where the innermost open '{' of blocks are, for the message when
     * input ends inside one */
    SrcSpan brace[LEXER_BRACKETS_KEPT];
    /* the bracket depth of the command statement being read (its CMD
     * token was returned at this depth), or -1: in a command's arguments
     * a minus glued to a number after a blank starts a negative number */
    int command_depth;
} LexState;

/* The waiting errors, as negative entries of LexState.queue. */
enum {
    LEX_UNEXPECTED_INDENT = 1, LEX_UNINDENT, LEX_TABS, LEX_EXPECTED_BLOCK,
    LEX_TOO_DEEP, LEX_COLON_IN_BRACES
};

/* The messages one text prints; the errors past them are only counted. */
#define LEXER_MAX_MESSAGES 50

/* The innermost open bracket, if its place is known (else NULL). */
const SrcSpan *lexer_open_bracket(const LexState *st);
/* Where the innermost '{' still open was, or NULL. */
const SrcSpan *lexer_open_brace(const LexState *st);

/* Forgets the open brackets: after an error that shows one was never
 * closed, so that the next newline ends the statement again. */
void lexer_close_brackets(LexState *st);

/* Prepares st to scan text[0, length), which is followed by two NUL
 * bytes; commands says which words are commands. */
void lexer_state_init(LexState *st, const Source *src, const char *text,
                      size_t length, LexerCommands commands);

/* Flex ends the token it read last with a NUL byte written into the text
 * while it works. A message that shows the text's lines is written
 * between lexer_show_text(scanner, 1) and lexer_show_text(scanner, 0). */
void lexer_show_text(void *scanner, int show);

/* The reserved words of the language: `and`, `or`, `not`, `if`, `else`,
 * `while`, `for`, `in`, `repeat`, `break`, `continue`, `def`, `return`.
 * Command words come from the command table, through LexState.commands,
 * and are not reserved. */
typedef struct LexerKeyword {
    const char *word;
    int token;           /* AND, OR, NOT (parser tokens) */
} LexerKeyword;

extern const LexerKeyword lexer_keywords[];   /* ends with {NULL, 0} */

/* The token of a reserved word, or 0 for an ordinary name. */
int lexer_keyword(const char *text, size_t length);
/* The reserved words as an index whose rows are their tokens. */
const WordIndex *lexer_keyword_index(void);

#endif
