/*
 * tests/unit/fuzz_dict_test.c — the fuzzer's dictionary: the static part,
 * tests/fuzz/mgrad.dict, and the whole that make writes from it,
 * $BUILD/mgrad.dict (tools/vocab.c adds the vocabulary from the tables),
 * are in the format AFL++ accepts (afl-fuzz stops at the first malformed
 * line, or at a token over its MAX_DICT_FILE of 128 bytes); the whole
 * starts with the static part, and holds every word the interpreter lists
 * for completion (each command, function, operation, keyword, attribute,
 * method and setting name) and each help topic. Run from the top of the
 * tree (tests/run.sh does, with BUILD set; build by default).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/report.h"
#include "interp/interp.h"
#include "lib/lib.h"

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
    const char *path = ctx;
    int found = 0;
    for (size_t i = 0; i < nwords && !found; i++)
        found = strcmp(words[i], word) == 0;
    char name[160], detail[4200];
    snprintf(name, sizeof name, "the fuzz dictionary has '%s'", word);
    snprintf(detail, sizeof detail, "not in %s (tools/vocab.c writes it)",
             path);
    check(found, name, detail);
}

/* Reads the dictionary at path into words[], one line at a time; 1 when
 * every line is in AFL++'s format, with a line for each that is not. */
static int read_dict(const char *path)
{
    for (size_t i = 0; i < nwords; i++)
        free(words[i]);
    nwords = 0;
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("not ok - read %s: cannot open it (run from the top of the "
               "tree, after make)\n", path);
        report_failures++;
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
    return !bad;
}

/* Whether the file at whole starts with the bytes of the file at part. */
static int starts_with_file(const char *whole, const char *part)
{
    FILE *a = fopen(whole, "rb"), *b = fopen(part, "rb");
    int same = a && b;
    while (same) {
        int c = fgetc(b);
        if (c == EOF)
            break;
        same = fgetc(a) == c;
    }
    if (a)
        fclose(a);
    if (b)
        fclose(b);
    return same;
}

int main(void)
{
    const char *part = "tests/fuzz/mgrad.dict";
    const char *build = getenv("BUILD");
    char whole[4096];
    snprintf(whole, sizeof whole, "%s/mgrad.dict",
             build && *build ? build : "build");
    read_dict(part);
    if (!read_dict(whole))
        return 0;
    check(starts_with_file(whole, part), "the whole fuzz dictionary starts "
          "with tests/fuzz/mgrad.dict", "make writes it from that file");

    Interp *in = interp_new(lib_library());
    interp_each_keyword(in, has_word, whole);
    interp_free(in);
    lib_each_help_topic(has_word, whole);

    for (size_t i = 0; i < nwords; i++)
        free(words[i]);
    return 0;
}
