/*
 * view/format.c — how numbers look on screen. Every printed value (the
 * interpreter's echo, backward's report and every view) goes through
 * view_format_number, so one setting of `set digits` changes them all
 * alike. (What nodes are called is view/common.c's.)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "view/view.h"
#include "view/internal.h"

/* At 17 digits: the fewest significant digits that read back as the same
 * double, as Python's repr finds them (0.1, not 0.10000000000000001), laid
 * out as %.17g would lay them out: 100000 stays 100000, not 1e+05. */
static void format_shortest(char *buf, size_t size, double x)
{
    char exact[40];
    int p;
    for (p = 1; p < 17; p++) {
        snprintf(exact, sizeof exact, "%.*e", p - 1, x);
        if (strtod(exact, NULL) == x)
            break;
    }
    int exponent = p < 17 ? atoi(strchr(exact, 'e') + 1) : 0;
    if (p == 17 || exponent < p || exponent >= 17) {
        /* %g picks the exponent form for exponent >= p, so only a whole
         * number with fewer digits than places needs laying out here. */
        snprintf(buf, size, "%.*g", p, x);
        return;
    }
    /* exact is [-]d[.ddd]e+XX: its digits, then zeros up to the point. */
    char fixed[40];
    size_t n = 0;
    for (const char *c = exact; *c != 'e'; c++)
        if (*c != '.')
            fixed[n++] = *c;
    for (int i = p - 1; i < exponent; i++)
        fixed[n++] = '0';
    fixed[n] = '\0';
    snprintf(buf, size, "%s", fixed);
}

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
    else if (digits == 17)
        format_shortest(buf, size, x);
    else
        snprintf(buf, size, "%.*g", digits, x);
    return buf;
}

static ViewLabelFn labeller;

void view_set_labeller(ViewLabelFn fn)
{
    labeller = fn;
}

int view_has_label(const Value *v)
{
    return v->label != NULL && labeller != NULL;
}

char *view_label_text(char *buf, size_t size, const Value *v)
{
    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (view_has_label(v))
        labeller(v, buf, size);
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
