/*
 * repl/complete.c — tab completion for the session.
 *
 * A word is completed from the bound names and the words of the language;
 * after `x.` from what may follow a dot (data, grad, label, backward, a
 * model's parameters and zero_grad, every one-argument function); after
 * `help ` from the help topics too. The session answers (mgrad_complete).
 * Inside a string (load "..." or load '...', the quote the string opened
 * with) readline completes file names: relative, absolute, ../ and ~/
 * (written out as the home directory, since load takes names literally).
 */
#include "repl/internal.h"

#include <stdlib.h>
#include <string.h>

#include <readline/readline.h>

static MgradSession *complete_session;

/* The candidates for the word being completed, collected once per TAB. */
typedef struct Candidates {
    const char *prefix;
    size_t prefix_length;
    char **words;
    size_t count, capacity;
} Candidates;

static Candidates candidates;

/* The session hands the words sorted, without repeats; only those that
 * start with readline's whole word are kept. */
static void offer(void *ctx, const char *word)
{
    Candidates *c = ctx;
    if (strncmp(word, c->prefix, c->prefix_length) != 0)
        return;
    if (c->count == c->capacity) {
        c->capacity = c->capacity ? 2 * c->capacity : 64;
        c->words = repl_realloc(c->words, c->capacity * sizeof *c->words);
    }
    c->words[c->count++] = repl_strdup(word);
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
        return repl_strdup(candidates.words[next++]);
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
    /* Readline has found the word (its break characters, its quotes). The
     * session is asked about that word alone, after `x.` when a dot comes
     * before it and after `help ` when it is help's argument: only what
     * readline saw decides the candidates. */
    const char *context = start > 0 && rl_line_buffer[start - 1] == '.' ? "x."
                          : after_help(start) ? "help " : "";
    size_t n = strlen(context);
    char *query = repl_malloc(n + candidates.prefix_length + 1);
    memcpy(query, context, n);
    memcpy(query + n, text, candidates.prefix_length + 1);
    size_t length = n + candidates.prefix_length;
    mgrad_complete(complete_session, query, length, length, offer,
                   &candidates, NULL);
    free(query);
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

void repl_complete_init(MgradSession *session)
{
    complete_session = session;
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
