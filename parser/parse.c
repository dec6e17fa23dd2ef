/*
 * parser/parse.c — running the scanner and the parser over a Source.
 *
 * The scanner reads the Source's text in place (see lexer/lexer.l); the
 * parser hands each statement on as soon as it is complete. If Bison's
 * stack overflows (tens of thousands of open brackets) the statement is
 * reported, skipped, and parsing goes on after it.
 */
#include "parse.h"

#include <stdlib.h>

#include "parser.h"
#include "lexer.h"

static void free_token(int token, YYSTYPE *value)
{
    if (token == NAME || token == CMD)
        free(value->text);
    else if (token == STRING)
        free(value->string.text);
}

/* After the parser gave up on a statement: drop tokens up to its end.
 * Returns 0 when the input is used up. */
static int skip_statement(yyscan_t scanner, LexState *lex)
{
    if (lex->ended)
        return 0;
    if (lex->last_token == NEWLINE || lex->last_token == SEMICOLON)
        return 1;
    for (;;) {
        YYSTYPE value;
        SrcLoc loc;
        int token = yylex(&value, &loc, scanner);
        free_token(token, &value);
        if (token == END)
            return 0;
        if (token == NEWLINE || (token == SEMICOLON && lex->depth == 0))
            return 1;
    }
}

ParseResult parse_source(const Source *src, ParseStatementFn fn, void *ctx)
{
    ParseContext pc = {0};
    pc.src = src;
    pc.fn = fn;
    pc.fn_ctx = ctx;
    lexer_state_init(&pc.lex, src, src->text, src->length, src->first_line);

    yyscan_t scanner;
    yylex_init_extra(&pc.lex, &scanner);
    for (;;) {
        int status = yyparse(scanner, &pc);
        if (status != 2 || pc.stopped || !skip_statement(scanner, &pc.lex))
            break;
    }
    yylex_destroy(scanner);

    ParseResult result;
    result.errors = pc.errors + pc.lex.errors;
    result.stopped = pc.stopped;
    return result;
}

int parse_needs_more(const char *text, size_t length)
{
    LexState lex;
    lexer_state_init(&lex, NULL, text, length, 1);
    lex.quiet = 1;
    yyscan_t scanner;
    yylex_init_extra(&lex, &scanner);
    for (;;) {
        YYSTYPE value;
        SrcLoc loc;
        int token = yylex(&value, &loc, scanner);
        free_token(token, &value);
        if (token == END)
            break;
    }
    yylex_destroy(scanner);
    /* A text with a lexical error is complete: parsing it says what is
     * wrong, where more lines would not help. */
    return lex.errors == 0 && lex.depth > 0;
}
