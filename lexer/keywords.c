/*
 * lexer/keywords.c — the one table of the language's reserved words.
 *
 * Command words are reserved too, but they come from the command table
 * (the scanner asks through LexState.command), and a command word is one
 * token (CMD) whatever the command, so adding a command needs no grammar
 * change.
 */
#include "scan.h"

#include "parser.h"
#include "util/words.h"

const LexerKeyword lexer_keywords[] = {
    {"and", AND}, {"or", OR}, {"not", NOT},
    {"if", IF}, {"else", ELSE}, {"while", WHILE}, {"for", FOR}, {"in", IN},
    {"repeat", REPEAT}, {"break", BREAK}, {"continue", CONTINUE},
    {"def", DEF}, {"return", RETURN},
    {NULL, 0}
};

int lexer_keyword(const char *text, size_t length)
{
    /* Asked for every name of scripts with millions of statements. */
    static WordIndex index;
    if (!index.ready) {
        for (const LexerKeyword *k = lexer_keywords; k->word; k++)
            words_add(&index, k->word, k->token);
        index.ready = 1;
    }
    int token = words_find(&index, text, length);
    return token < 0 ? 0 : token;
}
