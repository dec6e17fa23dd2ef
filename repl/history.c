/*
 * repl/history.c — the session's history file.
 *
 * Where it lives: $MGRAD_HISTORY, else $XDG_STATE_HOME/mgrad/history, else
 * ~/.local/state/mgrad/history. It is read when the session starts and
 * written when it ends, keeping the last HISTORY_MAX entries. An entry
 * that spans lines (an open bracket continued) stays one entry: the file
 * is written with readline's timestamp lines, which mark where each entry
 * starts. History is a convenience, so no failure here is ever fatal.
 */
#include "repl/internal.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <readline/readline.h>
#include <readline/history.h>


enum { HISTORY_MAX = 1000 };

static char *join(const char *dir, const char *rest)
{
    size_t n = strlen(dir), m = strlen(rest);
    char *path = repl_malloc(n + m + 2);
    memcpy(path, dir, n);
    path[n] = '/';
    memcpy(path + n + 1, rest, m + 1);
    return path;
}

char *repl_history_path(void)
{
    const char *env = getenv("MGRAD_HISTORY");
    if (env && env[0])
        return repl_strdup(env);
    /* The XDG rules ignore a relative XDG_STATE_HOME. */
    env = getenv("XDG_STATE_HOME");
    if (env && env[0] == '/')
        return join(env, "mgrad/history");
    env = getenv("HOME");
    if (env && env[0])
        return join(env, ".local/state/mgrad/history");
    return NULL;
}

/* Creates the directories above path, as mkdir -p would. */
static void make_parents(const char *path)
{
    char *dir = repl_strdup(path);
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        mkdir(dir, 0700);   /* failures show up when the file is written */
        *p = '/';
    }
    free(dir);
}

void repl_history_load(const char *path)
{
    /* The timestamp lines start with this character; they let an entry of
     * several lines be read back as one. */
    history_comment_char = '#';
    history_write_timestamps = 1;
    using_history();
    stifle_history(HISTORY_MAX);
    if (!path)
        return;
    int err = read_history(path);
    if (err != 0 && err != ENOENT)
        repl_warning("cannot read history file '%s': %s", path,
                   strerror(err));
}

static int blank(const char *s)
{
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            return 0;
    return 1;
}

/* A line starting with '#' and a digit would read back as a timestamp. */
static int looks_like_timestamp(const char *entry)
{
    for (const char *line = entry;; line++) {
        if (line[0] == '#' && isdigit((unsigned char)line[1]))
            return 1;
        line = strchr(line, '\n');
        if (!line)
            return 0;
    }
}

void repl_history_add(const char *entry)
{
    if (blank(entry) || looks_like_timestamp(entry))
        return;
    if (history_length > 0) {
        HIST_ENTRY *last = history_get(history_base + history_length - 1);
        if (last && strcmp(last->line, entry) == 0)
            return;
    }
    add_history(entry);
}

void repl_history_save(const char *path)
{
    if (path) {
        make_parents(path);
        int err = write_history(path);
        if (err != 0)
            repl_warning("cannot write history file '%s': %s", path,
                         strerror(err));
    }
    /* Not clear_history(): an entry edited after recall carries readline's
     * undo list, which only readline's own clear frees. */
    rl_clear_history();
}
