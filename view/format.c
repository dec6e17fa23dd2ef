/*
 * view/format.c — how numbers look on screen. Every printed value (the
 * interpreter's echo, backward's report and every view) goes through
 * view_format_number, so one setting of `set digits` changes them all
 * alike. (What nodes are called is view/common.c's.)
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "view.h"
#include "internal.h"

char *view_format_number(char *buf, size_t size, double x, int digits)
{
    if (size == 0)
        return buf;
    if (digits < 1)
        digits = 1;
    if (digits > 17)
        digits = 17;
    if (isnan(x))
        snprintf(buf, size, "nan");
    else if (isinf(x))
        snprintf(buf, size, x < 0 ? "-inf" : "inf");
    else if (x == 0)
        snprintf(buf, size, "0"); /* negative zero too: "-0" only confuses */
    else
        snprintf(buf, size, "%.*g", digits, x);
    return buf;
}

int view_is_identifier(const char *s)
{
    if (!s || !(s[0] == '_' || (s[0] >= 'A' && s[0] <= 'Z') ||
                (s[0] >= 'a' && s[0] <= 'z')))
        return 0;
    for (s++; *s; s++)
        if (!(*s == '_' || (*s >= 'A' && *s <= 'Z') ||
              (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
            return 0;
    return 1;
}
