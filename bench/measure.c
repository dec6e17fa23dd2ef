/*
 * bench/measure.c — runs one command and reports what it cost: wall-clock
 * seconds and peak resident memory, as bench/run.sh needs them.
 *
 *   measure [-o FILE] [-e FILE] COMMAND [ARG...]
 *
 * The command's standard output goes to FILE after -o (default /dev/null),
 * its standard error to FILE after -e (default: inherited). When it ends,
 * one line goes to standard output:
 *
 *   <wall seconds> <peak RSS in KiB> <exit status, or 128 + signal> <CPU seconds>
 *
 * (CPU seconds: the child's user + system time, from the same rusage.)
 * wait4() gives the child's own rusage, so the figure is the command's
 * peak, not this helper's. Exit status: 0 when the command could be run
 * and waited for, 2 otherwise.
 */
#define _DEFAULT_SOURCE   /* wait4() */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void usage(void)
{
    fprintf(stderr, "usage: measure [-o FILE] [-e FILE] COMMAND [ARG...]\n");
    exit(2);
}

/* Points descriptor fd at path, opened for writing; exits on failure. */
static void redirect(int fd, const char *path)
{
    int to = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (to < 0 || dup2(to, fd) < 0) {
        fprintf(stderr, "measure: %s: %s\n", path, strerror(errno));
        _exit(127);
    }
    close(to);
}

int main(int argc, char **argv)
{
    const char *out = "/dev/null";
    const char *err = NULL;
    int i = 1;
    while (i < argc && argv[i][0] == '-') {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[i + 1];
        else if (strcmp(argv[i], "-e") == 0 && i + 1 < argc)
            err = argv[i + 1];
        else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else
            usage();
        i += 2;
    }
    if (i >= argc)
        usage();

    fflush(stdout);
    double start = now();
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "measure: fork: %s\n", strerror(errno));
        return 2;
    }
    if (pid == 0) {
        redirect(STDOUT_FILENO, out);
        if (err)
            redirect(STDERR_FILENO, err);
        execvp(argv[i], argv + i);
        fprintf(stderr, "measure: %s: %s\n", argv[i], strerror(errno));
        _exit(127);
    }

    int status;
    struct rusage usage_of_child;
    pid_t got;
    do
        got = wait4(pid, &status, 0, &usage_of_child);
    while (got < 0 && errno == EINTR);
    double wall = now() - start;
    if (got < 0) {
        fprintf(stderr, "measure: wait4: %s\n", strerror(errno));
        return 2;
    }

    int code = WIFEXITED(status) ? WEXITSTATUS(status)
             : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 255;
    /* Linux reports ru_maxrss in KiB. */
    double cpu = (double)usage_of_child.ru_utime.tv_sec +
                 (double)usage_of_child.ru_utime.tv_usec * 1e-6 +
                 (double)usage_of_child.ru_stime.tv_sec +
                 (double)usage_of_child.ru_stime.tv_usec * 1e-6;
    printf("%.6f %ld %d %.6f\n", wall, usage_of_child.ru_maxrss, code, cpu);
    return 0;
}
