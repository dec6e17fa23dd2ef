/*
 * util/words.c — filling a word index: open addressing over 256 slots,
 * hashed by the length and the first and last bytes (the words are few and
 * short, and most names asked about are not among them, so the first slot
 * probed is usually empty or holds a word of another length).
 */
#include "util/words.h"

#include <assert.h>
#include <string.h>

void words_add(WordIndex *w, const char *word, int row)
{
    size_t length = strlen(word);
    assert(length > 0 && length <= WORDS_LONGEST);
    assert(w->count < WORDS_SLOTS / 2);
    unsigned at = words_slot(word, length);
    while (w->word[at]) {
        if (w->length[at] == length && memcmp(w->word[at], word, length) == 0)
            return;
        at = (at + 1) & (WORDS_SLOTS - 1);
    }
    w->word[at] = word;
    w->row[at] = row;
    w->length[at] = (uint8_t)length;
    w->count++;
}
