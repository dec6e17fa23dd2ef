/*
 * tests/unit/tables_test.c — the tables that must agree: the command table
 * is the one list of command words (the scanner asks it), every row has a
 * usage line and help text and is found by its word; no command word is
 * one of the language's own reserved words or a function's name; every
 * callable operation resolves by its name; and the operation table's own
 * columns agree with its functions: a callable function has help text that
 * starts with its call, an op has a kink exactly where its derivative
 * jumps, and an op is commutative exactly when swapping its operands
 * changes neither its value nor its derivatives. The word indexes built
 * from these tables find exactly their words. The man page that make
 * writes ($BUILD/mgrad.1, from docs/mgrad.1.in by tools/vocab.c) lists the
 * tables' operations, built-in functions and commands. The overview that
 * help prints lists as Functions exactly the callable operations and then
 * the built-in functions, in table order, wrapped at whole words within 78
 * columns under the first; the rest of the overview is pinned by the
 * golden file tests/unit/golden/help-overview.txt, where that block is the
 * one line "Functions: ..." (GOLDEN_BLESS=1 rewrites it, as
 * tests/bless.sh golden does).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/report.h"
#include "parser.h"
#include "lib/internal.h"
#include "lexer/scan.h"
#include "lib/lib.h"
#include "util/source.h"


static void check(int ok, const char *name, const char *detail)
{
    report(NULL, ok, name, detail);
}

/* Where operand 0 of a one-argument op at p - d and p + d is defined, does
 * its derivative jump between the two sides? -1 when undefined there. */
static int jumps_at(const OpInfo *info, double p)
{
    double d = 1e-9, lo, hi, dlo[2], dhi[2];
    if (info->forward(p - d, 0, &lo) != VALUE_OK ||
        info->forward(p + d, 0, &hi) != VALUE_OK)
        return -1;
    info->derive(p - d, 0, lo, dlo);
    info->derive(p + d, 0, hi, dhi);
    return fabs(dhi[0] - dlo[0]) > 0.1;
}

static void check_op_columns(void)
{
    char name[160], detail[160];
    static const double points[] = {0, 1, -1, 2, -2.5};
    static const double pairs[][2] = {{1.5, -2}, {3, 0.25}, {-0.75, 4}};
    for (int op = 0; op < OP_COUNT; op++) {
        const OpInfo *info = value_op_info((OpKind)op);
        if (info->callable) {
            snprintf(name, sizeof name, "function '%s' has help text starting "
                     "'%s('", info->name, info->name);
            size_t n = strlen(info->name);
            check(info->help && strncmp(info->help, info->name, n) == 0 &&
                  info->help[n] == '(', name, info->help ? info->help : "none");
        }
        if (info->arity == 1) {
            for (size_t i = 0; i < sizeof points / sizeof *points; i++) {
                int jump = jumps_at(info, points[i]);
                if (jump < 0)
                    continue;
                int column = info->has_kink && info->kink == points[i];
                snprintf(name, sizeof name, "op '%s' %s kink at %g",
                         info->name, column ? "has a" : "has no", points[i]);
                snprintf(detail, sizeof detail, "its derivative %s there",
                         jump ? "jumps" : "is continuous");
                check(jump == column, name, detail);
            }
        } else {
            snprintf(name, sizeof name, "op '%s' has no kink", info->name);
            check(!info->has_kink, name, "a kink on a binary op");
        }
        if (info->arity == 2) {
            int symmetric = 1;
            for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
                double a = pairs[i][0], b = pairs[i][1], ab, ba, dab[2], dba[2];
                if (info->forward(a, b, &ab) != VALUE_OK ||
                    info->forward(b, a, &ba) != VALUE_OK) {
                    symmetric = 0;
                    continue;
                }
                info->derive(a, b, ab, dab);
                info->derive(b, a, ba, dba);
                if (ab != ba || dab[0] != dba[1] || dab[1] != dba[0])
                    symmetric = 0;
            }
            snprintf(name, sizeof name, "op '%s' is %scommutative", info->name,
                     info->commutative ? "" : "not ");
            check(symmetric == info->commutative, name,
                  "the column disagrees with swapping the operands");
        } else {
            snprintf(name, sizeof name, "op '%s' is not commutative", info->name);
            check(!info->commutative, name, "commutative with one operand");
        }
    }
}

/* The word indexes (util/words.c) answer exactly: a word of the table is
 * found at its row, and any other text (its prefixes, its extensions, a
 * word of another table, an ordinary name, empty or very long) is either
 * not found or is itself a word of the table at that row. */
static const char *command_word(int row)
{
    return lib_commands[row].name;
}

static const char *keyword_word(int token)
{
    for (const LexerKeyword *k = lexer_keywords; k->word; k++)
        if (k->token == token)
            return k->word;
    return NULL;
}

static const char *op_word(int op)
{
    return op >= 0 && op < OP_COUNT ? value_op_info((OpKind)op)->name : NULL;
}

static int exact(int row, const char *(*word)(int), const char *text,
                 size_t length)
{
    if (row < 0)
        return 1;
    const char *w = word(row);
    return w && strlen(w) == length && memcmp(w, text, length) == 0;
}

static void probe_indexes(const char *text, size_t length, unsigned *bad)
{
    int command = words_find(lib_command_words(), text, length);
    int keyword = words_find(lexer_keyword_index(), text, length);
    int op = value_op_by_word(text, length);
    if (!exact(command, command_word, text, length) ||
        !exact(keyword, keyword_word, text, length) ||
        !exact(op, op_word, text, length) ||
        (op >= 0 && !value_op_info((OpKind)op)->callable))
        (*bad)++;
}

static void check_word_indexes(void)
{
    const char *words[256];
    size_t n = 0;
    for (const Command *c = lib_commands; c->name; c++)
        words[n++] = c->name;
    for (const LexerKeyword *k = lexer_keywords; k->word; k++)
        words[n++] = k->word;
    for (int op = 0; op < OP_COUNT; op++)
        words[n++] = value_op_info((OpKind)op)->name;
    unsigned bad = 0, probes = 0;
    char text[300];
    for (size_t i = 0; i < n; i++) {
        size_t length = strlen(words[i]);
        memcpy(text, words[i], length);
        for (size_t cut = 0; cut <= length; cut++, probes++)
            probe_indexes(text, cut, &bad);          /* prefixes, the word */
        for (const char *more = "x_9es"; *more; more++, probes++) {
            text[length] = *more;                     /* one byte longer */
            probe_indexes(text, length + 1, &bad);
        }
        for (size_t k = 0; k < length; k++, probes++) {
            memcpy(text, words[i], length);
            text[k] ^= 0x20;                          /* a letter's case */
            probe_indexes(text, length, &bad);
        }
    }
    for (int i = 0; i < 1000; i++, probes++) {
        int length = snprintf(text, sizeof text, "%c_%d", "wxLab"[i % 5], i);
        probe_indexes(text, (size_t)length, &bad);
    }
    memset(text, 'a', sizeof text);
    probe_indexes(text, sizeof text, &bad);
    probe_indexes(text, 0, &bad);
    char detail[64];
    snprintf(detail, sizeof detail, "%u of %u probes answered wrongly", bad,
             probes + 2);
    check(bad == 0 && lib_command_index("tree", 4) >= 0 &&
              lexer_keyword("while", 5) == WHILE &&
              value_op_by_word("tanh", 4) == OP_TANH,
          "word indexes: every word found at its row, nothing else found",
          detail);
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The words of text, sorted and joined by single spaces, into out. */
static void sorted_words(const char *text, char *out, size_t size)
{
    char copy[2048], *words[256];
    size_t n = 0, w = 0;
    snprintf(copy, sizeof copy, "%s", text);
    for (char *t = strtok(copy, " "); t && n < 256; t = strtok(NULL, " "))
        words[n++] = t;
    qsort(words, n, sizeof *words, by_text);
    out[0] = '\0';
    for (size_t i = 0; i < n && w < size; i++)
        w += (size_t)snprintf(out + w, size - w, "%s%s", i ? " " : "",
                              words[i]);
}

/* The words of the man page's line that starts with `label`, up to its
 * full stop, against the words the tables give (in any order). */
static void check_man_line(const char *page, const char *label,
                           const char *expected)
{
    char name[128], detail[4200];
    snprintf(name, sizeof name, "the man page lists the %s of the tables",
             label);
    const char *at = strstr(page, label);
    if (!at) {
        check(0, name, "no such line");
        return;
    }
    at += strlen(label);
    const char *stop = strchr(at, '.');
    char listed[2048];
    size_t n = 0;
    for (const char *c = at; c < stop && n + 1 < sizeof listed; c++)
        if (*c != ',' && !(*c == ' ' && (n == 0 || listed[n - 1] == ' ')) &&
            *c != '\n')
            listed[n++] = *c;
        else if (*c == '\n' && n > 0 && listed[n - 1] != ' ')
            listed[n++] = ' ';
    while (n > 0 && listed[n - 1] == ' ')
        n--;
    listed[n] = '\0';
    snprintf(detail, sizeof detail, "the page lists \"%s\", the tables "
             "\"%s\"", listed, expected);
    char a[2048], b[2048];
    sorted_words(listed, a, sizeof a);
    sorted_words(expected, b, sizeof b);
    check(strcmp(a, b) == 0, name, detail);
}

/* The man page's lists of commands and functions are the tables'. */
static void check_man_page(void)
{
    const char *build = getenv("BUILD");
    char path[4096];
    snprintf(path, sizeof path, "%s/mgrad.1", build && *build ? build : "build");
    FILE *f = fopen(path, "r");
    if (!f) {
        check(0, "the man page can be read", "run from the top of the tree, "
              "after make (it reads $BUILD/mgrad.1)");
        return;
    }
    static char page[65536];
    size_t n = fread(page, 1, sizeof page - 1, f);
    page[n] = '\0';
    fclose(f);
    char words[2048];
    size_t w = 0;
    words[0] = '\0';
    for (int op = 0; op < OP_COUNT; op++)
        if (value_op_info((OpKind)op)->callable)
            w += (size_t)snprintf(words + w, sizeof words - w, "%s%s",
                                  w ? " " : "", value_op_info((OpKind)op)->name);
    check_man_line(page, "Operations:", words);
    w = 0;
    for (const Builtin *b = lib_builtins; b->name; b++)
        w += (size_t)snprintf(words + w, sizeof words - w, "%s%s",
                              w ? " " : "", b->name);
    check_man_line(page, "Built-in functions:", words);
    w = 0;
    for (const Command *c = lib_commands; c->name; c++)
        w += (size_t)snprintf(words + w, sizeof words - w, "%s%s",
                              w ? " " : "", c->name);
    check_man_line(page, "Commands:", words);
}

/* What the machine prints for `help` alone; NULL if it cannot run. */
static char *help_overview(void)
{
    FILE *out = tmpfile();
    if (!out)
        return NULL;
    Interp *in = interp_new(lib_library());
    InterpDisplay display = {out, 1, 0, NULL};
    interp_set_display(in, &display);
    Source *src = source_new("<help>", "help\n", 5);
    int failed = !src || interp_run_source(in, src) != 0;
    if (src)
        source_release(src);
    interp_free(in);
    long size = ftell(out);
    char *text = failed || size < 0 ? NULL : malloc((size_t)size + 1);
    rewind(out);
    if (text) {
        size_t n = fread(text, 1, (size_t)size, out);
        text[n] = '\0';
    }
    fclose(out);
    return text;
}

/* The overview's Functions block, as it must be: "Functions:" and then
 * each callable operation and each built-in function in table order, a
 * space before each; a word that would pass column 78 starts a new line,
 * indented by 10 spaces (under the first word). */
static void expected_functions(char *out, size_t size)
{
    const char *names[256];
    size_t n = 0, w = 0;
    for (int op = 0; op < OP_COUNT; op++)
        if (value_op_info((OpKind)op)->callable && n < 256)
            names[n++] = value_op_info((OpKind)op)->name;
    for (const Builtin *b = lib_builtins; b->name && n < 256; b++)
        names[n++] = b->name;
    int column = snprintf(out, size, "Functions:");
    w = (size_t)column;
    for (size_t i = 0; i < n && w < size; i++) {
        int length = (int)strlen(names[i]);
        if (column + 1 + length > 78) {
            w += (size_t)snprintf(out + w, size - w, "\n          ");
            column = 10;
        }
        if (w < size)
            w += (size_t)snprintf(out + w, size - w, " %s", names[i]);
        column += 1 + length;
    }
    if (w < size)
        snprintf(out + w, size - w, "\n");
}

/* help's overview: its Functions block is made from the tables, and the
 * rest is the golden file's. */
static void check_help_overview(void)
{
    char *text = help_overview();
    if (!text) {
        check(0, "help's overview", "help did not run");
        return;
    }
    char want[4096], why[600] = "";
    /* every line fits an 80-column terminal */
    size_t widest = 0, width = 0;
    for (const char *c = text; *c; c++) {
        width = *c == '\n' ? 0 : width + 1;
        if (width > widest)
            widest = width;
    }
    snprintf(why, sizeof why, "its widest line has %zu columns", widest);
    check(widest <= 80, "help's overview fits 80 columns", why);
    why[0] = '\0';
    expected_functions(want, sizeof want);
    char *start = strstr(text, "\nFunctions:");
    char *end = start ? start + 1 : NULL;
    while (end && *end && (end = strchr(end, '\n')) && end[1] == ' ')
        end++;
    if (!start || !end) {
        check(0, "help's overview lists the functions of the tables",
              "it has no line starting with Functions:");
        free(text);
        return;
    }
    end++;
    start++;
    size_t length = (size_t)(end - start);
    char got[4096];
    snprintf(got, sizeof got, "%.*s", (int)length, start);
    if (strcmp(got, want) != 0)
        report_first_difference(why, sizeof why, got, want);
    check(strcmp(got, want) == 0, "help's overview lists the callable "
          "operations and the built-in functions of the tables, wrapped "
          "within 78 columns", why);

    /* the rest, with the block as one line, against the golden file */
    const char *path = "tests/unit/golden/help-overview.txt";
    memmove(start + strlen("Functions: ...\n"), end, strlen(end) + 1);
    memcpy(start, "Functions: ...\n", strlen("Functions: ...\n"));
    check(report_golden(why, sizeof why, path, text), "help's overview, its "
          "Functions block aside, is tests/unit/golden/help-overview.txt", why);
    free(text);
}

int main(void)
{
    check_man_page();
    check_help_overview();
    char name[128];
    for (const Command *c = lib_commands; c->name; c++) {
        snprintf(name, sizeof name, "command '%s' has usage and help", c->name);
        check(c->usage && c->help && c->run, name, "missing or incomplete row");
        snprintf(name, sizeof name, "command '%s' is a command word", c->name);
        check(lib_command_index(c->name, strlen(c->name)) ==
                  (int)(c - lib_commands), name,
              "the scanner would treat it as a name");
        snprintf(name, sizeof name, "command '%s' is not a keyword or function",
                 c->name);
        check(lexer_keyword(c->name, strlen(c->name)) == 0 &&
                  value_op_by_name(c->name) < 0, name, "two meanings");
    }
    check(lib_command_index("backwards", 9) < 0 &&
              lib_command_index("back", 4) < 0, "a prefix or extension of a "
          "command word is a name", "taken as a command");
    for (const LexerKeyword *k = lexer_keywords; k->word; k++) {
        snprintf(name, sizeof name, "keyword '%s' is reserved", k->word);
        check(lexer_keyword(k->word, strlen(k->word)) == k->token, name,
              "the scanner treats it as a name");
    }
    for (int op = 0; op < OP_COUNT; op++) {
        const OpInfo *info = value_op_info((OpKind)op);
        if (!info->callable)
            continue;
        snprintf(name, sizeof name, "function '%s' resolves by name", info->name);
        check(value_op_by_name(info->name) == op, name, "lookup gives another row");
        snprintf(name, sizeof name, "function '%s' is not a reserved word", info->name);
        check(lexer_keyword(info->name, strlen(info->name)) == 0 &&
                  lib_command_index(info->name, strlen(info->name)) < 0,
              name, "reserved");
    }
    check_op_columns();
    check_word_indexes();
    return 0;
}
