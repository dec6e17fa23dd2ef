/*
 * view/label.c — the text of a label made from source: whitespace runs
 * folded to one space and comments dropped, the two ends of a long text
 * kept. The machine's labeller (interp/interp.c) calls it with the span of
 * the instruction that made a node.
 */
#include "view/view.h"

#include <ctype.h>
#include <string.h>

/* Folds source text as labels show it: whitespace runs to one space,
 * comments dropped. Appends the character c at text[i] to out (at most
 * VIEW_LABEL_KEEP characters); `space` carries a pending blank between
 * calls. */
static void fold_char(unsigned char c, char *out, size_t *n, int *space)
{
    if (isspace(c)) {
        *space = *n > 0;
        return;
    }
    if (*space && *n < VIEW_LABEL_KEEP)
        out[(*n)++] = ' ';
    *space = 0;
    if (*n < VIEW_LABEL_KEEP)
        out[(*n)++] = (char)c;
}

/* The first VIEW_LABEL_KEEP characters of text[0, length), folded; *more
 * says whether anything but blanks and comments follows them. */
static size_t label_head(const char *text, size_t length, char *out,
                         int *more)
{
    size_t n = 0;
    int space = 0;
    *more = 0;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '#') {                   /* a comment inside brackets */
            while (i + 1 < length && text[i + 1] != '\n')
                i++;
            continue;
        }
        if (n >= VIEW_LABEL_KEEP && !isspace(c)) {
            *more = 1;
            break;
        }
        fold_char(c, out, &n, &space);
    }
    /* a character cut at the end is dropped whole */
    if (*more)
        while (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0x80)
            n--;
    if (*more && n > 0 && ((unsigned char)out[n - 1] & 0x80))
        n--;
    return n;
}

/* The last VIEW_LABEL_KEEP characters of text[0, length), folded. The last line
 * is read backwards only as far as needed (no comment can follow the
 * span's last token on it); an earlier line, inside brackets, is read
 * whole so that its comment is dropped. So the cost is bounded by the
 * label, not by the length of the text: a sum of 100 000 terms on one line
 * labels each of its nodes in constant time. */
static size_t label_tail(const char *text, size_t length, char *out)
{
    char reversed[VIEW_LABEL_KEEP];
    size_t n = 0;
    int space = 0;
    size_t end = length;
    for (int last = 1; end > 0 && n < VIEW_LABEL_KEEP; last = 0) {
        size_t start = end, stop = end;
        if (!last) {
            while (start > 0 && text[start - 1] != '\n')
                start--;
            const char *hash = memchr(text + start, '#', end - start);
            stop = hash ? (size_t)(hash - text) : end;
        }
        size_t i = stop;
        for (; i > start || (last && i > 0); i--) {
            unsigned char c = (unsigned char)text[i - 1];
            if (last && c == '\n')
                break;
            if (n >= VIEW_LABEL_KEEP)
                break;
            if (isspace(c)) {
                space = n > 0;
                continue;
            }
            if (space) {
                reversed[n++] = ' ';
                space = 0;
                if (n == VIEW_LABEL_KEEP)
                    break;
            }
            reversed[n++] = (char)c;
        }
        if (last)
            start = i;
        space = n > 0;      /* the line break */
        end = start > 0 ? start - 1 : 0;
    }
    while (n > 0 && reversed[n - 1] == ' ')
        n--;
    /* a character cut at the front is dropped whole */
    while (n > 0 && ((unsigned char)reversed[n - 1] & 0xC0) == 0x80)
        n--;
    for (size_t i = 0; i < n; i++)
        out[i] = reversed[n - 1 - i];
    return n;
}

/* A span's label: its source text folded. Text longer than
 * VIEW_LABEL_KEEP characters is given as its first and last
 * VIEW_LABEL_KEEP characters joined by a newline: the views show it cut at
 * the end, or in the middle where two labels would otherwise look alike
 * (view/common.c). */
size_t view_source_label(const char *text, size_t length, char *out,
                         size_t size)
{
    char buffer[2 * VIEW_LABEL_KEEP + 2];
    int more;
    size_t n = label_head(text, length, buffer, &more);
    if (more) {
        buffer[n++] = '\n';
        n += label_tail(text, length, buffer + n);
    }
    if (size == 0)
        return n;
    size_t copy = n < size - 1 ? n : size - 1;
    memcpy(out, buffer, copy);
    out[copy] = '\0';
    return n;
}
