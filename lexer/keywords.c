/*
 * lexer/keywords.c — the one table of the language's reserved words.
 *
 * Command words are not reserved: they come from the command table (the
 * scanner asks through LexState.commands) and are a command (one token,
 * CMD, whatever the command, so adding a command needs no grammar change)
 * only where a statement begins with one used as a command; elsewhere
 * they are names (docs/language.md, "Names").
 */
#include "lexer/scan.h"

#include "parser.h"
#include "util/words.h"

const LexerKeyword lexer_keywords[] = {
    {"and", AND}, {"or", OR}, {"not", NOT},
    {"if", IF}, {"elif", ELIF}, {"else", ELSE}, {"while", WHILE}, {"for", FOR}, {"in", IN},
    {"repeat", REPEAT}, {"break", BREAK}, {"continue", CONTINUE},
    {"def", DEF}, {"return", RETURN},
    {"True", TRUE}, {"False", FALSE}, {"None", NONE}, {"is", IS},
    {"class", CLASS}, {"lambda", LAMBDA},
    {"import", IMPORT}, {"from", FROM}, {"as", AS},
    {NULL, 0}
};

const WordIndex *lexer_keyword_index(void)
{
    static WordIndex index;
    if (!index.ready) {
        for (const LexerKeyword *k = lexer_keywords; k->word; k++)
            words_add(&index, k->word, k->token);
        index.ready = 1;
    }
    return &index;
}

int lexer_keyword(const char *text, size_t length)
{
    int token = words_find(lexer_keyword_index(), text, length);
    return token < 0 ? 0 : token;
}
