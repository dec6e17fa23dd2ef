/*
 * tests/unit/fuzz_dict_test.c — the fuzzer's dictionary,
 * tests/fuzz/mgrad.dict, is in the format AFL++ accepts (afl-fuzz stops at
 * the first malformed line), and holds every word the interpreter lists
 * for completion: each command, function, keyword, attribute and setting
 * name. Run from the top of the tree (tests/run.sh does).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/report.h"
#include "interp/interp.h"
#include "lib/lib.h"
#include "engine/value.h"

enum { MAX_TOKEN = 128, MAX_WORDS = 1024 };   /* AFL++'s MAX_DICT_FILE */

static char *words[MAX_WORDS];
static size_t nwords;

static void check(int ok, const char *name, const char *detail)
{
    report(NULL, ok, name, detail);
}

static int hex(int c)
{
    return isdigit(c) ? c - '0' : tolower(c) - 'a' + 10;
}

/* Parses one line the way afl-fuzz does: blank or # comment, or
 * [name[@level]]="value" where the value's bytes are printable ASCII or
 * \\, \" and \xNN. Returns NULL when the line is good (keeping the value),
 * else what is wrong. */
static const char *parse_line(char *line)
{
    char *p = line;
    size_t n = strlen(p);
    while (n > 0 && isspace((unsigned char)p[n - 1]))
        p[--n] = '\0';
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '\0' || *p == '#')
        return NULL;
    while (isalnum((unsigned char)*p) || *p == '_')
        p++;
    if (*p == '@') {
        p++;
        while (isdigit((unsigned char)*p))
            p++;
    }
    while (isspace((unsigned char)*p))
        p++;
    if (*p++ != '=')
        return "not name=\"value\"";
    while (isspace((unsigned char)*p))
        p++;
    if (*p++ != '"')
        return "the value does not start with \"";
    if (n < 2 || line[n - 1] != '"' || p > line + n - 1)
        return "the value does not end with \"";
    char *end = line + n - 1;
    char value[MAX_TOKEN + 1];
    size_t len = 0;
    while (p < end) {
        unsigned char c = (unsigned char)*p++;
        if (c < 32 || c > 126)
            return "a byte that is not printable ASCII (write \\xNN)";
        if (c == '\\') {
            if (*p == '\\' || *p == '"') {
                c = (unsigned char)*p++;
            } else if (*p == 'x' && isxdigit((unsigned char)p[1]) &&
                       isxdigit((unsigned char)p[2])) {
                c = (unsigned char)(hex(p[1]) * 16 + hex(p[2]));
                p += 3;
            } else {
                return "an escape other than \\\\, \\\" and \\xNN";
            }
        } else if (c == '"') {
            return "an unescaped \" inside the value";
        }
        if (len == MAX_TOKEN)
            return "longer than 128 bytes";
        value[len++] = (char)c;
    }
    if (len == 0)
        return "an empty value";
    value[len] = '\0';
    if (nwords == MAX_WORDS)
        return "too many entries for this test";
    words[nwords++] = strdup(value);
    return NULL;
}

static void has_word(void *ctx, const char *word)
{
    (void)ctx;
    /* the engine's operations come from engine/ops.c's table at fuzz time */
    if (value_op_by_name(word) >= 0)
        return;
    int found = 0;
    for (size_t i = 0; i < nwords && !found; i++)
        found = strcmp(words[i], word) == 0;
    char name[160];
    snprintf(name, sizeof name, "the fuzz dictionary has '%s'", word);
    check(found, name, "add it to tests/fuzz/mgrad.dict");
}

int main(void)
{
    const char *path = "tests/fuzz/mgrad.dict";
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("not ok - read %s: cannot open it (run from the top of the "
               "tree)\n", path);
        return 0;
    }
    char line[1024];
    int number = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        number++;
        const char *why = parse_line(line);
        if (why) {
            printf("not ok - %s line %d is in AFL++'s format: %s\n", path,
                   number, why);
            bad++;
        }
    }
    fclose(f);
    if (!bad)
        printf("ok - %s: %zu entries in AFL++'s format\n", path, nwords);
    report_failures += bad;

    Interp *in = interp_new(lib_library());
    interp_each_keyword(in, has_word, NULL);
    interp_free(in);

    for (size_t i = 0; i < nwords; i++)
        free(words[i]);
    return 0;
}
