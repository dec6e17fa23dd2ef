/*
 * util/words.h — a small hash index over the words of a fixed table
 * (reserved words, command names, operation names), so that asking whether
 * a name is one of them costs a hash and at most a comparison or two, not
 * a walk along the table. The scanner asks it for every name it reads.
 *
 * Each table fills its index once, the first time it is asked, from its
 * own rows: the rows stay the one list of the words.
 */
#ifndef MGRAD_UTIL_WORDS_H
#define MGRAD_UTIL_WORDS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum { WORDS_SLOTS = 256, WORDS_LONGEST = 255 };

typedef struct WordIndex {
    const char *word[WORDS_SLOTS];  /* NULL: an empty slot */
    int row[WORDS_SLOTS];
    uint8_t length[WORDS_SLOTS];
    int count;
    int ready;                      /* for the owner: filled already */
} WordIndex;

/* Adds a word (at most WORDS_LONGEST bytes; fewer than WORDS_SLOTS / 2
 * words in all) with the row it stands for. A word already present keeps
 * its first row. */
void words_add(WordIndex *w, const char *word, int row);
/* The slot where the search for a word starts. */
static inline unsigned words_slot(const char *text, size_t length)
{
    const unsigned char *t = (const unsigned char *)text;
    unsigned h = (unsigned)length * 61u + t[0] * 31u + t[length - 1];
    return (h ^ (h >> 8)) & (WORDS_SLOTS - 1);
}

/* The row of the word text[0, length), or -1. */
static inline int words_find(const WordIndex *w, const char *text,
                             size_t length)
{
    if (length == 0 || length > WORDS_LONGEST)
        return -1;
    for (unsigned at = words_slot(text, length); w->word[at];
         at = (at + 1) & (WORDS_SLOTS - 1))
        if (w->length[at] == length && memcmp(w->word[at], text, length) == 0)
            return w->row[at];
    return -1;
}

#endif
