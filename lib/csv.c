/*
 * lib/csv.c — csv("file.csv"): a file of numbers read into a list of rows
 * (a header line of names skipped; one column gives a list of numbers),
 * an error naming the file, line and column of what is not a number.
 */
#include "lib/internal.h"
#include "util/mem.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Whether text[0, length) is a number as the language writes one:
 * digits with an optional sign, point and exponent (no hex, inf or nan,
 * which strtod would also take). */
static int decimal(const char *text, size_t length)
{
    size_t i = 0, digits = 0;
    if (i < length && (text[i] == '+' || text[i] == '-'))
        i++;
    for (; i < length && text[i] >= '0' && text[i] <= '9'; i++)
        digits++;
    if (i < length && text[i] == '.')
        for (i++; i < length && text[i] >= '0' && text[i] <= '9'; i++)
            digits++;
    if (digits == 0)
        return 0;
    if (i < length && (text[i] == 'e' || text[i] == 'E')) {
        i++;
        if (i < length && (text[i] == '+' || text[i] == '-'))
            i++;
        size_t exponent = 0;
        for (; i < length && text[i] >= '0' && text[i] <= '9'; i++)
            exponent++;
        if (exponent == 0)
            return 0;
    }
    return i == length;
}

/* One field of a CSV line: a number, or (on the first line) a name. A
 * field of any length is read (a number may be written with many digits);
 * a NUL byte or anything else that is not part of a number makes it no
 * number. */
static int csv_field(const char *text, size_t length, double *out)
{
    while (length && (*text == ' ' || *text == '\t')) {
        text++;
        length--;
    }
    while (length && (text[length - 1] == ' ' || text[length - 1] == '\t' ||
                      text[length - 1] == '\r'))
        length--;
    if (!decimal(text, length))
        return 0;
    char small[72];
    char *buffer = length < sizeof small ? small : mem_malloc(length + 1);
    memcpy(buffer, text, length);
    buffer[length] = '\0';
    char *end;
    errno = 0;
    *out = strtod(buffer, &end);
    int ok = end == buffer + length && isfinite(*out);
    if (buffer != small)
        free(buffer);
    return ok;
}

/* The fields of text: its commas and its lines, an upper bound on its
 * numbers, counted before any is read so that a file of more than
 * DATUM_LIST_MAX numbers is refused before the memory is spent. The number
 * of fields on the first line (a header's, maybe) is in *first. Returns
 * UINT64_MAX when interrupted. */
static uint64_t count_fields(const char *text, const char *end,
                             uint64_t *first)
{
    uint64_t fields = 0, lines = 0;
    *first = 0;
    for (const char *line = text; line < end; lines++) {
        if (DATUM_POLL(lines, interp_interrupted))
            return UINT64_MAX;
        const char *stop = memchr(line, '\n', (size_t)(end - line));
        if (!stop)
            stop = end;
        uint64_t here = 1;
        for (const char *c = line; (c = memchr(c, ',', (size_t)(stop - c)));
             c++)
            here++;
        if (lines == 0)
            *first = here;
        fields += here;
        line = stop + 1;
    }
    return fields;
}

int lib_csv(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Args a;
    if (args_split(in, "csv", args, n, &a, 1, 1, NULL))
        return 1;
    if (a.given[0]->kind != DATUM_STRING) {
        interp_error(in, "csv takes a file name in quotes, as in "
                     "csv(\"data.csv\")");
        return 1;
    }
    const String *name = (const String *)a.given[0]->as.object;
    char *path = interp_resolve_path(in, name->text);
    Source *src = source_from_file(path);
    if (!src) {
        interp_error(in, "csv: cannot read '%s': %s", path, source_error());
        free(path);
        return 1;
    }
    free(path);
    const char *text = src->text, *end = text + src->length;
    uint64_t first_fields, fields = count_fields(text, end, &first_fields);
    if (fields == UINT64_MAX) {
        source_release(src);
        interp_error(in, "interrupted");
        return 1;
    }
    if (fields - first_fields > DATUM_LIST_MAX) {
        interp_error(in, "csv: '%s' has %llu fields, more than the %u numbers "
                     "a list holds", name->text, (unsigned long long)fields,
                     DATUM_LIST_MAX);
        source_release(src);
        return 1;
    }
    /* One column is read straight into the list of numbers (flat), its
     * lines parsed into one row used again; else a list of rows. */
    List *rows = datum_list_new(0), *flat = NULL, *reused = NULL;
    uint32_t columns = 0;
    uint64_t numbers = 0, lines = 0;
    int failed = 0, first = 1;
    for (const char *line = text; line < end && !failed;) {
        if (DATUM_POLL(lines++, interp_interrupted)) {
            failed = 2;     /* Ctrl-C: reported as an interruption */
            break;
        }
        const char *stop = memchr(line, '\n', (size_t)(end - line));
        if (!stop)
            stop = end;
        const char *p = line;
        while (p < stop && (*p == ' ' || *p == '\t' || *p == '\r'))
            p++;
        if (p == stop) {                         /* a blank line */
            line = stop + 1;
            continue;
        }
        List *row = reused ? reused : datum_list_new(columns ? columns : 4);
        int header = 0;
        for (const char *field = line;;) {
            const char *comma = memchr(field, ',', (size_t)(stop - field));
            const char *fend = comma ? comma : stop;
            double x;
            if (!csv_field(field, (size_t)(fend - field), &x)) {
                if (first) {
                    header = 1;
                    break;
                }
                SrcLoc loc = source_locate(src, (size_t)(field - text),
                                           (size_t)(fend - text));
                diag_report(DIAG_ERROR, src, loc, "csv: not a number");
                failed = 1;
                break;
            }
            if (++numbers > DATUM_LIST_MAX) {
                SrcLoc loc = source_locate(src, (size_t)(field - text),
                                           (size_t)(fend - text));
                diag_report(DIAG_ERROR, src, loc, "csv: more than %u numbers",
                            DATUM_LIST_MAX);
                failed = 1;
                break;
            }
            datum_list_push(row, datum_number(x));
            if (!comma)
                break;
            field = comma + 1;
        }
        if (!failed && !header) {
            if (columns && row->count != columns) {
                SrcLoc loc = source_locate(src, (size_t)(line - text),
                                           (size_t)(stop - text));
                diag_report(DIAG_ERROR, src, loc, "csv: %u numbers on this "
                            "line, %u on the first", row->count, columns);
                failed = 1;
            }
            columns = row->count;
        }
        if (!failed && !header && columns == 1) {
            if (!flat)
                flat = datum_list_new(0);
            datum_list_push(flat, row->items[0]);
            row->count = 0;
            reused = row;
        } else if (failed || header) {
            if (row != reused) {
                Datum d = datum_object(&row->header);
                datum_release(&d);
            }
        } else {
            datum_list_push(rows, datum_object(&row->header));
        }
        first = 0;
        line = stop + 1;
    }
    source_release(src);
    if (reused) {
        Datum d = datum_object(&reused->header);
        datum_release(&d);
    }
    if (failed) {
        Datum d = datum_object(&rows->header);
        datum_release(&d);
        if (flat) {
            d = datum_object(&flat->header);
            datum_release(&d);
        }
        if (failed == 2)
            interp_error(in, "interrupted");
        else
            interp_error(in, "csv: cannot read '%s' (see above)", name->text);
        return 1;
    }
    if (columns == 1) {                          /* one column: the numbers */
        Datum d = datum_object(&rows->header);
        datum_release(&d);
        rows = flat;
    }
    *out = datum_object(&rows->header);
    return 0;
}
