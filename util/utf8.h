/*
 * util/utf8.h — recognising UTF-8, shared by the scanner (which rejects
 * broken text in strings) and the error printer (which must not echo it).
 */
#ifndef MGRAD_UTIL_UTF8_H
#define MGRAD_UTIL_UTF8_H

#include <stddef.h>

/* Bytes in the valid UTF-8 sequence at p (n bytes available, n >= 1): 1 for
 * ASCII, 2 to 4 for a multi-byte character, 0 when the bytes there are not
 * valid UTF-8 (stray continuation bytes, overlong forms, surrogates, code
 * points above U+10FFFF, a sequence cut short). */
static inline size_t utf8_sequence_length(const unsigned char *p, size_t n)
{
    unsigned char c = p[0], lo = 0x80, hi = 0xBF;  /* second byte's range */
    size_t length;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF) {
        length = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        length = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        length = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (n < length || p[1] < lo || p[1] > hi)
        return 0;
    for (size_t i = 2; i < length; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return length;
}

#endif
