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
 * out as repr lays them out: 100000 stays 100000, not 1e+05, up to 16
 * digits before the point (1e+16), and 0.0001 but 1e-05. */
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
    if (p == 17 || exponent < p || exponent >= 16) {
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

/* ---- Python's format specification (f-strings) ---------------------------- */

/* [[fill]align][sign][#][0][width][.precision][type], as Python's
 * format() reads it for a float or a str. */
typedef struct Spec {
    char fill, align, sign, type;
    int zero, width, precision;
} Spec;

static int read_spec(Spec *s, const char *spec, size_t n, char *why,
                     size_t why_size)
{
    size_t i = 0;
    memset(s, 0, sizeof *s);
    s->fill = ' ';
    s->precision = -1;
    if (n >= 2 && strchr("<>=^", spec[1])) {
        s->fill = spec[0];
        s->align = spec[1];
        i = 2;
    } else if (n >= 1 && strchr("<>=^", spec[0])) {
        s->align = spec[0];
        i = 1;
    }
    if (i < n && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' '))
        s->sign = spec[i++];
    if (i < n && spec[i] == '#')
        i++;
    if (i < n && spec[i] == '0') {
        s->zero = 1;
        i++;
    }
    for (; i < n && spec[i] >= '0' && spec[i] <= '9'; i++) {
        s->width = s->width * 10 + (spec[i] - '0');
        if (s->width > 10000) {
            snprintf(why, why_size, "width too large (at most 10000)");
            return -1;
        }
    }
    if (i < n && (spec[i] == ',' || spec[i] == '_')) {
        snprintf(why, why_size, "grouping with '%c' is not supported",
                 spec[i]);
        return -1;
    }
    if (i < n && spec[i] == '.') {
        i++;
        if (i >= n || spec[i] < '0' || spec[i] > '9') {
            snprintf(why, why_size, "'.' must be followed by the precision");
            return -1;
        }
        s->precision = 0;
        for (; i < n && spec[i] >= '0' && spec[i] <= '9'; i++) {
            s->precision = s->precision * 10 + (spec[i] - '0');
            if (s->precision > 100) {
                snprintf(why, why_size, "precision too large (at most 100)");
                return -1;
            }
        }
    }
    if (i < n)
        s->type = spec[i++];
    if (i < n || (s->type && !strchr("fFeEgGd%s", s->type))) {
        snprintf(why, why_size, "invalid format specification '%.*s' (the "
                 "types are f, e, g, d, %% and s)", (int)(n > 40 ? 40 : n),
                 spec);
        return -1;
    }
    return 0;
}

char *view_format_spec(const char *text, size_t text_length, double x,
                       const char *spec, size_t spec_length,
                       size_t *length, char *why, size_t why_size)
{
    Spec s;
    if (read_spec(&s, spec, spec_length, why, why_size) != 0)
        return NULL;
    char number[512];
    const char *body = number;
    size_t body_length;
    int negative = 0;
    if (text) {
        if (s.type && s.type != 's') {
            snprintf(why, why_size, "format type '%c' needs a number, not "
                     "a string", s.type);
            return NULL;
        }
        if (s.sign || s.zero || s.align == '=') {
            snprintf(why, why_size, "a sign, '0' or '=' needs a number, not "
                     "a string");
            return NULL;
        }
        body = text;
        body_length = text_length;
        if (s.precision >= 0 && (size_t)s.precision < body_length)
            body_length = (size_t)s.precision;
        if (!s.align)
            s.align = '<';
    } else {
        if (s.type == 's') {
            snprintf(why, why_size, "format type 's' needs a string, not a "
                     "number");
            return NULL;
        }
        negative = signbit(x) && !isnan(x);
        double a = negative ? -x : x;
        int p = s.precision < 0 ? 6 : s.precision;
        switch (s.type) {
        case 'f': case 'F': case 'e': case 'E': {
            char format[8] = {'%', '.', '*', s.type, '\0'};
            snprintf(number, sizeof number - 1, format, p, a);
            break;
        }
        case 'g': case 'G': {
            char format[8] = {'%', '.', '*', s.type, '\0'};
            snprintf(number, sizeof number - 1, format, p ? p : 1, a);
            break;
        }
        case '%':
            snprintf(number, sizeof number - 2, "%.*f", p, a * 100);
            strcat(number, "%");
            break;
        case 'd':
            if (a != floor(a) || isinf(a)) {
                snprintf(why, why_size, "format type 'd' needs a whole "
                         "number");
                return NULL;
            }
            snprintf(number, sizeof number - 1, "%.0f", a);
            break;
        default:
            if (s.precision >= 0)
                snprintf(number, sizeof number - 1, "%.*g", p ? p : 1, a);
            else
                view_format_number(number, sizeof number, a, 17);
            break;
        }
        if (isinf(x) && (s.type == 'F' || s.type == 'E' || s.type == 'G'))
            strcpy(number, "INF");
        if (x == 0 && negative && !s.type)
            negative = 0;       /* shown as 0, as every printed value */
        body_length = strlen(number);
        if (!s.align)
            s.align = s.zero ? '=' : '>';
        if (s.zero && s.fill == ' ')
            s.fill = '0';
    }
    const char *sign = negative ? "-" : s.sign == '+' ? "+" :
                       s.sign == ' ' ? " " : "";
    size_t sign_length = strlen(sign);
    size_t used = sign_length + body_length;
    size_t pad = (size_t)s.width > used ? (size_t)s.width - used : 0;
    char *out = malloc(used + pad + 1);
    if (!out) {
        snprintf(why, why_size, "out of memory");
        return NULL;
    }
    size_t before = s.align == '<' ? 0 : s.align == '^' ? pad / 2 : pad;
    size_t n = 0;
    if (s.align == '=') {
        memcpy(out, sign, sign_length);
        n = sign_length;
        memset(out + n, s.fill, pad);
        n += pad;
    } else {
        memset(out, s.fill, before);
        n = before;
        memcpy(out + n, sign, sign_length);
        n += sign_length;
    }
    memcpy(out + n, body, body_length);
    n += body_length;
    if (s.align != '=') {
        memset(out + n, s.fill, pad - before);
        n += pad - before;
    }
    out[n] = '\0';
    *length = n;
    return out;
}
