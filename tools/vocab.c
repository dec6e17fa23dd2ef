/*
 * tools/vocab.c — writes the lists that are made from the tables at build
 * time, so that no list of words is copied by hand:
 *
 *   vocab man TEMPLATE     the man page: docs/mgrad.1.in with @OPERATIONS@
 *                          (the callable operations of engine/ops.c, those
 *                          of one argument first), @BUILTINS@ (lib/builtins.c)
 *                          and @COMMANDS@ (lib/commands.c) each replaced by
 *                          the words, comma-separated, in table order,
 *                          wrapped at whole words within 77 columns;
 *   vocab dict STATIC      the fuzzer's dictionary: tests/fuzz/mgrad.dict
 *                          as it is, then one entry for each word the
 *                          interpreter lists for completion (commands,
 *                          functions, keywords, attributes, methods,
 *                          settings) and each help topic that the static
 *                          file does not already hold.
 *
 * Both go to standard output; the Makefile writes them into the build
 * tree, as $(BUILD)/mgrad.1 and $(BUILD)/mgrad.dict (build/mgrad.1, and
 * build/fuzz/mgrad.dict for make fuzz). Exit status 1 when a file cannot
 * be read or a placeholder is unknown, 2 on bad arguments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine/value.h"
#include "interp/interp.h"
#include "lib/internal.h"
#include "lib/lib.h"

enum { MAX_WORDS = 1024, WIDTH = 77 };

typedef struct Words {
    char *word[MAX_WORDS];
    size_t count;
} Words;

static void add(void *ctx, const char *word)
{
    Words *w = ctx;
    for (size_t i = 0; i < w->count; i++)
        if (strcmp(w->word[i], word) == 0)
            return;
    /* a copy: some words are handed over from a buffer of the moment */
    if (w->count < MAX_WORDS && (w->word[w->count] = strdup(word)))
        w->count++;
}

static void clear(Words *w)
{
    for (size_t i = 0; i < w->count; i++)
        free(w->word[i]);
    w->count = 0;
}

/* The words a placeholder stands for; 0 when there is no such one. */
static int placeholder(const char *name, size_t length, Words *w)
{
    if (length == 10 && memcmp(name, "OPERATIONS", 10) == 0) {
        for (int arity = 1; arity <= 2; arity++)
            for (int op = 0; op < OP_COUNT; op++) {
                const OpInfo *info = value_op_info((OpKind)op);
                if (info->callable && info->arity == arity)
                    add(w, info->name);
            }
    } else if (length == 8 && memcmp(name, "BUILTINS", 8) == 0) {
        for (const Builtin *b = lib_builtins; b->name; b++)
            add(w, b->name);
    } else if (length == 8 && memcmp(name, "COMMANDS", 8) == 0) {
        for (const Command *c = lib_commands; c->name; c++)
            add(w, c->name);
    } else {
        return 0;
    }
    return 1;
}

/* One line of the template: the text before the placeholder, its words
 * joined by ", " and broken before a word that would pass WIDTH (with its
 * comma, or the rest of the line after the last word), then the rest. */
static int man_line(const char *line, const char *path, int number)
{
    const char *at = strchr(line, '@');
    const char *end = at ? strchr(at + 1, '@') : NULL;
    if (!end) {
        fputs(line, stdout);
        return 0;
    }
    Words w = {.count = 0};
    if (!placeholder(at + 1, (size_t)(end - at - 1), &w) || w.count == 0) {
        clear(&w);
        fprintf(stderr, "vocab: %s:%d: unknown placeholder %.*s\n", path,
                number, (int)(end - at + 1), at);
        return 1;
    }
    const char *rest = end + 1;
    size_t rest_length = strcspn(rest, "\n");
    int column = (int)(at - line);
    fwrite(line, 1, (size_t)(at - line), stdout);
    for (size_t i = 0; i < w.count; i++) {
        int last = i + 1 == w.count;
        int n = (int)strlen(w.word[i]) + (last ? (int)rest_length : 1);
        if (i > 0) {
            if (column + 1 + n > WIDTH) {
                fputs("\n", stdout);
                column = 0;
            } else {
                fputs(" ", stdout);
                column++;
            }
        }
        fprintf(stdout, "%s%s", w.word[i], last ? "" : ",");
        column += n;
    }
    fputs(rest, stdout);
    clear(&w);
    return 0;
}

static int man(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "vocab: cannot read %s\n", path);
        return 1;
    }
    char line[4096];
    int number = 0, status = 0;
    while (fgets(line, sizeof line, f))
        status |= man_line(line, path, ++number);
    fclose(f);
    return status;
}

/* Whether the dictionary text holds an entry whose value is word. */
static int listed(const char *text, const char *word)
{
    char value[160];
    snprintf(value, sizeof value, "=\"%s\"\n", word);
    return strstr(text, value) != NULL;
}

static int dict(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "vocab: cannot read %s\n", path);
        return 1;
    }
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    fputs(text, stdout);
    if (n > 0 && text[n - 1] != '\n')
        fputs("\n", stdout);

    Words w = {.count = 0};
    Interp *in = interp_new(lib_library());
    interp_each_keyword(in, add, &w);
    lib_each_help_topic(add, &w);
    printf("\n# ---- made from the tables by tools/vocab.c ---------------------------------\n");
    for (size_t i = 0; i < w.count; i++) {
        if (listed(text, w.word[i]))
            continue;
        char name[128];
        size_t k = 0;
        for (const char *c = w.word[i]; *c && k + 1 < sizeof name; c++)
            name[k++] = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                        (*c >= '0' && *c <= '9') ? *c : '_';
        name[k] = '\0';
        printf("word_%s=\"", name);
        for (const unsigned char *c = (const unsigned char *)w.word[i]; *c; c++)
            if (*c == '"' || *c == '\\')
                printf("\\%c", *c);
            else if (*c < 32 || *c > 126)
                printf("\\x%02x", *c);
            else
                putchar(*c);
        printf("\"\n");
    }
    interp_free(in);
    clear(&w);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "man") == 0)
        return man(argv[2]);
    if (argc == 3 && strcmp(argv[1], "dict") == 0)
        return dict(argv[2]);
    fprintf(stderr, "usage: vocab man TEMPLATE | vocab dict STATIC\n");
    return 2;
}
