/*
 * tests/fuzz/harness.c — the fuzz target: every input is a script, run
 * through the interpreter's public API only (interp_new,
 * interp_set_last_run, interp_run_source on a Source made from the
 * input's bytes, interp_free), as the command line runs a script.
 *
 * Built by afl-clang-fast (make fuzz) it runs in AFL++'s persistent mode,
 * thousands of inputs per process, each in a fresh interpreter. Built by
 * any other compiler it is a replay tool: it runs the files named on its
 * command line (or standard input) the same way, output shown.
 *
 * What an input may do, and why:
 *   - at most MAX_INPUT bytes: longer inputs are skipped, so that no input
 *     is slow merely by being long;
 *   - CPU_BUDGET_MS of CPU time: then the harness raises the interrupt flag,
 *     as Ctrl-C does, and the interpreter must stop within AFL's timeout —
 *     a statement that ignores the flag shows up as a hang;
 *   - no file is written and no program is started: fopen for writing,
 *     tmpfile and posix_spawn(p) fail with EACCES (through the linker's
 *     --wrap, see the Makefile), so `dot L "x.dot"` and `dot L "x.svg"`
 *     take their error paths;
 *   - files are read only by plain names (no '/'), that is from the
 *     sandbox directory tests/fuzz/fuzz.sh runs the fuzzer in: `load
 *     "/dev/stdin"` or a FIFO cannot block it, nor a huge file slow it.
 * Standard output and error go to /dev/null once, before the fork server
 * starts (in the replay tool they are left alone).
 */
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "interp/interp.h"
#include "lib/lib.h"
#include "util/source.h"

#ifdef __AFL_FUZZ_TESTCASE_LEN
/* AFL++'s persistent-mode macros are GNU statement expressions. */
#pragma GCC diagnostic ignored "-Wpedantic"
#endif

enum { MAX_INPUT = 4096, CPU_BUDGET_MS = 200 };

/* ---- the sandbox: the linker sends these calls here (--wrap) ------------ */

FILE *__real_fopen(const char *path, const char *mode);

FILE *__wrap_fopen(const char *path, const char *mode)
{
    if (strpbrk(mode, "wa+") || strchr(path, '/')) {
        errno = EACCES;
        return NULL;
    }
    return __real_fopen(path, mode);
}

FILE *__wrap_tmpfile(void)
{
    errno = EACCES;
    return NULL;
}

int __wrap_posix_spawn(pid_t *pid, const char *path,
                       const posix_spawn_file_actions_t *actions,
                       const posix_spawnattr_t *attr, char *const argv[],
                       char *const envp[])
{
    (void)pid, (void)path, (void)actions, (void)attr, (void)argv, (void)envp;
    return EACCES;
}

int __wrap_posix_spawnp(pid_t *pid, const char *file,
                        const posix_spawn_file_actions_t *actions,
                        const posix_spawnattr_t *attr, char *const argv[],
                        char *const envp[])
{
    (void)pid, (void)file, (void)actions, (void)attr, (void)argv, (void)envp;
    return EACCES;
}

/* ---- one input ------------------------------------------------------------ */

static void on_budget_spent(int sig)
{
    (void)sig;
    interp_interrupted = 1;
}

/* Arms (ms > 0) or disarms (ms == 0) the CPU-time budget. */
static void budget(long ms)
{
    struct itimerval t;
    memset(&t, 0, sizeof t);
    t.it_value.tv_sec = ms / 1000;
    t.it_value.tv_usec = ms % 1000 * 1000;
    setitimer(ITIMER_PROF, &t, NULL);
}

static void run_input(const unsigned char *data, size_t size)
{
    if (size > MAX_INPUT)
        return;
    Source *src = source_new("<fuzz>", (const char *)data, size);
    Interp *in = interp_new(lib_library());
    /* as `mgrad input.mg`: nothing runs after it (interp_set_last_run) */
    interp_set_last_run(in, 1);
    budget(CPU_BUDGET_MS);
    interp_run_source(in, src);
    budget(0);
    interp_free(in);
    source_release(src);
    /* A budget spent after the run must not stop the next input. */
    interp_interrupted = 0;
    fflush(stdout);
}

static void setup(void)
{
    /* As mgrad's main: the locale decides box drawing or ASCII. */
    setlocale(LC_CTYPE, "");
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_budget_spent;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGPROF, &sa, NULL);
}

#ifdef __AFL_FUZZ_TESTCASE_LEN

__AFL_FUZZ_INIT();

int main(void)
{
    setup();
    int null = open("/dev/null", O_RDWR);
    if (null < 0 || dup2(null, STDOUT_FILENO) < 0 ||
        dup2(null, STDERR_FILENO) < 0) {
        perror("mgrad-fuzz: /dev/null");
        return 2;
    }
    close(null);

    __AFL_INIT();
    /* The buffer must be taken after __AFL_INIT. */
    const unsigned char *buf = __AFL_FUZZ_TESTCASE_BUF;
    while (__AFL_LOOP(10000))
        run_input(buf, (size_t)__AFL_FUZZ_TESTCASE_LEN);
    return 0;
}

#else

/* The replay tool: each file named (or standard input) as one input. */
static int replay(const char *path)
{
    FILE *f = path ? __real_fopen(path, "rb") : stdin;
    if (!f) {
        fprintf(stderr, "mgrad-fuzz: %s: %s\n", path, strerror(errno));
        return 1;
    }
    static unsigned char buf[MAX_INPUT + 1];
    size_t size = fread(buf, 1, sizeof buf, f);
    int bad = ferror(f);
    if (path)
        fclose(f);
    if (bad) {
        fprintf(stderr, "mgrad-fuzz: %s: read error\n", path ? path : "-");
        return 1;
    }
    if (size > MAX_INPUT)
        fprintf(stderr, "mgrad-fuzz: %s: longer than %d bytes, skipped as "
                "the fuzzer skips it\n", path ? path : "-", MAX_INPUT);
    run_input(buf, size);
    return 0;
}

int main(int argc, char **argv)
{
    setup();
    int status = 0;
    if (argc < 2)
        return replay(NULL);
    for (int i = 1; i < argc; i++)
        status |= replay(argv[i]);
    return status;
}

#endif
