/*
 * lexer/keywords.c — the one table of the language's reserved words.
 *
 * Command words are reserved too, but they come from the command table
 * (the scanner asks through LexState.command), and a command word is one
 * token (CMD) whatever the command, so adding a command needs no grammar
 * change.
 */
#include "scan.h"

#include <string.h>

#include "parser.h"

const LexerKeyword lexer_keywords[] = {
    {"and", AND}, {"or", OR}, {"not", NOT},
    {"if", IF}, {"else", ELSE}, {"while", WHILE}, {"for", FOR}, {"in", IN},
    {"repeat", REPEAT}, {"break", BREAK}, {"continue", CONTINUE},
    {"def", DEF}, {"return", RETURN},
    {NULL, 0}
};

int lexer_keyword(const char *text, size_t length)
{
    /* Called for every name of scripts with millions of statements: most
     * names start with a letter no reserved word starts with. */
    static unsigned char starts[256], ready;
    if (!ready) {
        for (const LexerKeyword *k = lexer_keywords; k->word; k++)
            starts[(unsigned char)k->word[0]] = 1;
        ready = 1;
    }
    if (!starts[(unsigned char)text[0]])
        return 0;
    for (const LexerKeyword *k = lexer_keywords; k->word; k++)
        if (k->word[0] == text[0] && strlen(k->word) == length &&
            memcmp(k->word, text, length) == 0)
            return k->token;
    return 0;
}
