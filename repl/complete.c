/*
 * repl/complete.c — tab completion for the session.
 *
 * A word is completed from the bound names and the words of the language
 * (the interpreter lists both); after `x.` from what may follow a dot
 * (interp_each_attribute: data, grad, label, backward, a model's
 * parameters and zero_grad, every one-argument function). Inside a string
 * (load "..." or load '...', the quote the string opened with) readline
 * completes file names: relative, absolute, ../ and ~/ (written out as
 * the home directory, since load takes names literally).
 */
#include "repl/internal.h"

#include <stdlib.h>
#include <string.h>

#include <readline/readline.h>

#include "lib/lib.h"
#include "util/mem.h"

static const Interp *complete_interp;

/* The candidates for the word being completed, collected once per TAB. */
typedef struct Candidates {
    const char *prefix;
    size_t prefix_length;
    char **words;
    size_t count, capacity;
} Candidates;

static Candidates candidates;

/* Collects every word with the prefix; duplicates go when the list is
 * sorted (keep_distinct), so a session with a million names completes in
 * n log n, not n squared. */
static void offer(void *ctx, const char *word)
{
    Candidates *c = ctx;
    if (strncmp(word, c->prefix, c->prefix_length) != 0)
        return;
    MEM_GROW(c->words, c->capacity, c->count + 1, 64);
    c->words[c->count++] = mem_strdup(word);
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void keep_distinct(Candidates *c)
{
    if (c->count < 2)
        return;
    qsort(c->words, c->count, sizeof *c->words, by_text);
    size_t kept = 1;
    for (size_t i = 1; i < c->count; i++) {
        if (strcmp(c->words[i], c->words[kept - 1]) == 0)
            free(c->words[i]);
        else
            c->words[kept++] = c->words[i];
    }
    c->count = kept;
}

static void forget_candidates(void)
{
    for (size_t i = 0; i < candidates.count; i++)
        free(candidates.words[i]);
    free(candidates.words);
    memset(&candidates, 0, sizeof candidates);
}

/* readline frees what this returns. */
static char *next_candidate(const char *text, int state)
{
    static size_t next;
    (void)text;
    if (state == 0)
        next = 0;
    if (next < candidates.count)
        return mem_strdup(candidates.words[next++]);
    return NULL;
}

/* Whether the word at start is help's argument: `help tra<TAB>` completes
 * the topics as well as the other words. */
static int after_help(int start)
{
    int i = 0;
    while (i < start && (rl_line_buffer[i] == ' ' || rl_line_buffer[i] == '\t'))
        i++;
    if (strncmp(rl_line_buffer + i, "help", 4) != 0)
        return 0;
    i += 4;
    if (i >= start || (rl_line_buffer[i] != ' ' && rl_line_buffer[i] != '\t'))
        return 0;
    while (i < start && (rl_line_buffer[i] == ' ' || rl_line_buffer[i] == '\t'))
        i++;
    return i == start;
}

static char **complete(const char *text, int start, int end)
{
    (void)end;
    if (rl_completion_quote_character == '"' ||
        rl_completion_quote_character == '\'') {
        /* Let readline fall back to file names. */
        rl_attempted_completion_over = 0;
        return NULL;
    }
    rl_attempted_completion_over = 1;
    forget_candidates();
    candidates.prefix = text;
    candidates.prefix_length = strlen(text);
    if (start > 0 && rl_line_buffer[start - 1] == '.') {
        interp_each_attribute(offer, &candidates);
    } else {
        if (complete_interp)
            interp_each_name(complete_interp, offer, &candidates);
        interp_each_keyword(complete_interp, offer, &candidates);
        if (after_help(start))
            lib_each_help_topic(offer, &candidates);
    }
    keep_distinct(&candidates);
    char **matches = rl_completion_matches(text, next_candidate);
    forget_candidates();
    return matches;
}

/* Whether line[index] lies inside a string. Readline asks so that a word
 * break character just after the opening quote (the . of "../x", the / of
 * "/usr", the ~ of "~/x") does not cut the file name short. */
static int inside_string(char *line, int index)
{
    char quote = 0;     /* the quote that opened the string, or 0 */
    for (int i = 0; i < index && line[i]; i++) {
        if (quote && line[i] == '\\' && line[i + 1])
            i++;
        else if (!quote && (line[i] == '"' || line[i] == '\''))
            quote = line[i];
        else if (line[i] == quote)
            quote = 0;
    }
    return quote != 0;
}

void repl_complete_init(const Interp *in)
{
    complete_interp = in;
    rl_attempted_completion_function = complete;
    /* Operators and the dot end a word, so `2*ab` and `x.ta` complete. */
    rl_completer_word_break_characters = " \t\n\"'`@$><=;|&{}()[],+-*/^%!.:~#";
    rl_completer_quote_characters = "\"'";
    rl_char_is_quoted_p = inside_string;
    /* load does not expand ~ (no more than Python's open does): completion
     * writes the home directory out, so a completed name loads. An
     * inputrc's `set expand-tilde off` still has the last word. */
    rl_variable_bind("expand-tilde", "on");
}
