/*
 * parser/parse.c — running the scanner and the two parsers over a Source.
 *
 * The scanner reads the Source's text in place, as one buffer. The fast
 * parser compiles; if it meets an error, the program is thrown away and
 * the LAC parser goes over the text again to report. If Bison's stack
 * overflows (thousands of open brackets) the statement is reported,
 * skipped, and parsing goes on after it.
 */
#include "parser/parse.h"

#include <stdlib.h>
#include <string.h>

#include "parser.h"
#include "lexer.h"
#include "util/diag.h"
#include "util/mem.h"

/* The same grammar built with LAC (parser-lac.c). */
int parser_lac_parse(yyscan_t scanner, ParseContext *ctx);

typedef int (*ParserFn)(yyscan_t scanner, ParseContext *ctx);

static void free_token(int token, YYSTYPE *value)
{
    if (token == STRING || token == FSTRING_TEXT || token == FSTRING_SPEC)
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
        SrcSpan loc;
        int token = yylex(&value, &loc, scanner);
        free_token(token, &value);
        if (token == END)
            return 0;
        if (token == NEWLINE || (token == SEMICOLON && lex->depth == 0))
            return 1;
    }
}

static unsigned run_parser(ParserFn parse, const Source *src, Compiler *c,
                           LexerCommands commands, int quiet,
                           volatile sig_atomic_t *interrupt, int *stopped)
{
    ParseContext pc = {0};
    pc.src = src;
    pc.interrupt = interrupt;
    pc.compiler = c;
    pc.quiet = quiet;
    lexer_state_init(&pc.lex, quiet ? NULL : src, src->text, src->length,
                     commands);
    pc.lex.quiet = quiet;

    yyscan_t scanner;
    yylex_init_extra(&pc.lex, &scanner);
    pc.lex.scanner = scanner;
    YY_BUFFER_STATE buffer = yy_scan_buffer(src->text, src->length + 2,
                                            scanner);
    for (;;) {
        int status = parse(scanner, &pc);
        if (status != 2)
            break;
        if (quiet) {
            pc.errors++;
            break;
        }
        if (!skip_statement(scanner, &pc.lex))
            break;
    }
    unsigned found = pc.errors + pc.lex.errors;
    if (!quiet && found > pc.lex.shown) {
        /* A text of a million unclosed blocks shows the first few dozen
         * messages and a count, not a million messages. */
        SrcLoc whole = {0, 0, 0, 0, 0, 0};
        diag_report(DIAG_NOTE, src, whole, "%u errors in all; the first %u "
                    "are shown", found, pc.lex.shown);
    }
    lexer_show_text(scanner, 1);   /* the text as it was */
    yy_delete_buffer(buffer, scanner);
    yylex_destroy(scanner);
    if (pc.stopped)
        *stopped = 1;
    return pc.errors + pc.lex.errors;
}

ParseResult parse_program(const Source *src, Compiler *c,
                          LexerCommands commands,
                          volatile sig_atomic_t *interrupt)
{
    ParseResult result = {0, 0};
    unsigned errors = run_parser(yyparse, src, c, commands, 1, interrupt,
                                 &result.stopped);
    if (result.stopped)
        return result;
    if (errors == 0) {
        SrcSpan end = {(uint32_t)src->length, (uint32_t)src->length};
        gen_end(c, end);
        compile_resolve(c);
        return result;
    }
    /* Report, with LAC's exact expectations, into a program that is thrown
     * away. */
    Program *scratch = program_new((Source *)src);
    Compiler reporter;
    compile_init(&reporter, scratch, c->names);
    result.errors = run_parser(parser_lac_parse, src, &reporter, commands, 0,
                               interrupt, &result.stopped);
    if (result.errors == 0)
        result.errors = errors;   /* never run a text the fast pass refused */
    compile_free(&reporter);
    program_release(scratch);
    return result;
}

static int ends_with_empty_line(const char *text, size_t length)
{
    size_t i = length;
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t' ||
                     text[i - 1] == '\r'))
        i--;
    return i > 0 && text[i - 1] == '\n';
}

int parse_needs_more(const char *text, size_t length)
{
    /* The scanner needs the text followed by two NUL bytes. */
    char *copy = mem_malloc(length + 2);
    memcpy(copy, text, length);
    copy[length] = copy[length + 1] = '\0';
    LexState lex;
    lexer_state_init(&lex, NULL, copy, length, NULL);
    lex.quiet = 1;
    lex.probe = 1;
    yyscan_t scanner;
    yylex_init_extra(&lex, &scanner);
    YY_BUFFER_STATE buffer = yy_scan_buffer(copy, length + 2, scanner);
    for (;;) {
        YYSTYPE value;
        SrcSpan loc;
        int token = yylex(&value, &loc, scanner);
        free_token(token, &value);
        if (token == END)
            break;
    }
    yy_delete_buffer(buffer, scanner);
    yylex_destroy(scanner);
    free(copy);
    /* A text with a lexical error is complete: parsing it says what is
     * wrong, where more lines would not help. An indented block (or a ':'
     * with no block yet) goes on until an empty line, as in Python's REPL. */
    if (lex.errors != 0)
        return 0;
    if (lex.depth > 0 || lex.braces > 0)
        return 1;
    return lex.open_at_end && !ends_with_empty_line(text, length);
}
