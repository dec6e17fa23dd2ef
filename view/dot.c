/*
 * view/dot.c — `dot L ["file"]`: the graph as Graphviz DOT, drawn left to
 * right as micrograd's draw_dot draws it: a record node
 * { label | data … | grad … } per value, and a small node per operation
 * with an edge from each operand.
 *
 * Labels are escaped so that no label can break the DOT. Rendering to
 * .svg/.png/.pdf pipes the DOT into Graphviz's dot program, started with
 * posix_spawnp and an argument vector (no shell sees the file name); its
 * complaints are captured and returned as the message, never printed. A
 * file counts as written only when every write succeeded and, for a
 * rendered one, dot exited 0 and left a regular, non-empty file.
 *
 * The WebAssembly build (web/) starts no programs: there a rendered file is
 * refused with a message that points at the page's own picture.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#ifndef __EMSCRIPTEN__
#include <spawn.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "view/internal.h"
#include "util/mem.h"

extern char **environ;

/* One byte of label text. Record specials and quotes get a backslash,
 * line breaks and other control characters become spaces, and bytes that
 * are not valid UTF-8 become '?', which Graphviz would otherwise reject. */
static void put_escaped(FILE *out, const char *s, int record)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        unsigned char c = *p;
        if (c >= 0x80) {
            size_t n = c >= 0xF0 && c <= 0xF4 ? 4
                     : c >= 0xE0 ? 3
                     : c >= 0xC2 && c < 0xE0 ? 2 : 0;
            size_t k = 1;
            while (n && k < n && (p[k] & 0xC0) == 0x80)
                k++;
            if (n && k == n) {
                fwrite(p, 1, n, out);
                p += n;
            } else {
                fputc('?', out);
                p++;
            }
            continue;
        }
        if (c < 0x20 || c == 0x7F)
            fputc(' ', out);
        else if (c == '"' || c == '\\' ||
                 (record && strchr("{}|<>", c)))
            fprintf(out, "\\%c", c);
        else
            fputc(c, out);
        p++;
    }
}

static void put_node(FILE *out, const Value *v, const ViewNames *names)
{
    const ViewStyle *style = names->style;
    char name[VIEW_NAME_MAX], data[VIEW_NUM_MAX], grad[VIEW_NUM_MAX];
    fprintf(out, "  n%llu [shape=record, label=\"{ ",
            (unsigned long long)value_id(v));
    if (view_has_label(v)) {
        view_name(name, sizeof name, names, v);
        put_escaped(out, name, 1);
    }
    fprintf(out, " | data %s | grad %s }\"];\n",
            view_format_number(data, sizeof data, v->data, style->digits),
            view_format_number(grad, sizeof grad, v->grad, style->digits));
    if (v->op == OP_LEAF)
        return;
    fprintf(out, "  n%lluop [label=\"", (unsigned long long)value_id(v));
    put_escaped(out, view_op_symbol(v), 0);
    fprintf(out, "\"];\n  n%lluop -> n%llu;\n", (unsigned long long)value_id(v),
            (unsigned long long)value_id(v));
    /* which operand is which matters unless the op is commutative */
    int ordered = v->child[1] && !value_op_info((OpKind)v->op)->commutative;
    for (int i = 0; i < 2 && v->child[i]; i++) {
        fprintf(out, "  n%llu -> n%lluop", (unsigned long long)value_id(v->child[i]),
                (unsigned long long)value_id(v));
        if (ordered)
            fprintf(out, " [label=\"%d\"]", i + 1);
        fputs(";\n", out);
    }
}

/* Every node once, depth first from the root, with an explicit stack. */
static ViewResult write_dot(FILE *out, Value *root, const ViewStyle *style)
{
    ValueList stack = {0}, marked = {0};
    ViewResult result = VIEW_OK;
    unsigned long count = 0;
    ViewNames names;
    if (view_names_init(&names, root, style, VIEW_LABEL_KEEP) != 0)
        return VIEW_ERROR;

    fputs("digraph mgrad {\n  rankdir=LR;\n", out);
    value_list_push(&stack, root);
    root->flags |= VALUE_MARK1;
    value_list_push(&marked, root);
    while (stack.count) {
        Value *v = stack.items[--stack.count];
        put_node(out, v, &names);
        for (int i = 1; i >= 0; i--) {
            Value *c = v->child[i];
            if (c && !(c->flags & VALUE_MARK1)) {
                c->flags |= VALUE_MARK1;
                value_list_push(&marked, c);
                value_list_push(&stack, c);
            }
        }
        if ((++count & 63) == 0 && view_interrupted()) {
            result = VIEW_ERROR;
            break;
        }
    }
    fputs("}\n", out);
    for (size_t i = 0; i < marked.count; i++)
        marked.items[i]->flags &= (uint16_t)~VALUE_MARK1;
    value_list_free(&marked);
    value_list_free(&stack);
    view_names_free(&names);
    return result;
}

ViewResult view_dot(FILE *out, Value *root, const ViewStyle *style)
{
    return write_dot(out, root, style);
}

/* The part of path after its last dot, or "". */
static const char *extension(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    if (!dot || (slash && dot < slash) || dot == path ||
        (slash && dot == slash + 1))
        return "";
    return dot + 1;
}

static int same_word(const char *a, const char *b)
{
    for (; *a && *b; a++, b++) {
        char x = *a >= 'A' && *a <= 'Z' ? (char)(*a - 'A' + 'a') : *a;
        if (x != *b)
            return 0;
    }
    return *a == *b;
}

/* A fresh name beside path for the file being written: "path.PID.tmp",
 * or with a count when that exists. Opened with "x", so nothing there is
 * ever overwritten. */
static FILE *open_beside(const char *path, char *tmp, size_t size)
{
    for (int k = 0; k < 100; k++) {
        if (k == 0)
            snprintf(tmp, size, "%s.%ld.tmp", path, (long)getpid());
        else
            snprintf(tmp, size, "%s.%ld.%d.tmp", path, (long)getpid(), k);
        FILE *f = fopen(tmp, "wx");
        if (f || errno != EEXIST)
            return f;
    }
    return NULL;
}

/* Whether path is something other than a regular file (a device, a
 * pipe, or a link to one): written in place, not replaced by a file. */
static int special_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

/* The graph is written to a file beside path and renamed over it only
 * when complete: an interrupted or failed write (a full disk) leaves the
 * file that was there as it was, never a truncated one. */
static ViewResult write_file(Value *root, const ViewStyle *style,
                             const char *path, char *message, size_t size)
{
    char tmp[PATH_MAX + 32];
    if (strlen(path) > PATH_MAX) {
        snprintf(message, size, "cannot write %s: %s", path,
                 strerror(ENAMETOOLONG));
        return VIEW_ERROR;
    }
    int in_place = special_file(path);
    if (in_place)
        snprintf(tmp, sizeof tmp, "%s", path);
    FILE *f = in_place ? fopen(path, "w") : open_beside(path, tmp, sizeof tmp);
    if (!f) {
        snprintf(message, size, "cannot write %s: %s", path, strerror(errno));
        return VIEW_ERROR;
    }
    ViewResult r = write_dot(f, root, style);
    int err = ferror(f) ? (errno ? errno : EIO) : 0;
    if (fclose(f) != 0 && !err)
        err = errno;
    if (!in_place && !err && r == VIEW_OK && rename(tmp, path) != 0)
        err = errno;
    if (!in_place && (err || r != VIEW_OK))
        remove(tmp);
    if (err) {
        snprintf(message, size, "cannot write %s: %s", path, strerror(err));
        return VIEW_ERROR;
    }
    if (r != VIEW_OK)
        snprintf(message, size, "interrupted");
    return r;
}

#ifdef __EMSCRIPTEN__
static ViewResult render(Value *root, const ViewStyle *style,
                         const char *path, const char *format,
                         char *message, size_t size)
{
    (void)root;
    (void)style;
    (void)format;
    snprintf(message, size, "cannot render %s in the browser: there is no "
             "Graphviz program to run and no file to write; the picture "
             "beside the REPL is the graph (`dot L` prints its DOT text)",
             path);
    return VIEW_ERROR;
}
#else
/* The first line of what the renderer said, for the message. */
static void first_line(FILE *f, char *buf, size_t size)
{
    buf[0] = '\0';
    rewind(f);
    if (!fgets(buf, (int)size, f))
        buf[0] = '\0';
    buf[strcspn(buf, "\r\n")] = '\0';
}

/* dot can exit 0 having written nothing (its output a link to /dev/full,
 * say): only a regular file with something in it counts as rendered. */
static ViewResult check_rendered(const char *written, const char *path,
                                 char *message, size_t size)
{
    struct stat st;
    if (stat(written, &st) != 0)
        snprintf(message, size, "Graphviz's dot did not write %s: %s", path,
                 strerror(errno));
    else if (!S_ISREG(st.st_mode))
        snprintf(message, size, "%s is not a regular file, so the picture "
                 "went nowhere", path);
    else if (st.st_size == 0)
        snprintf(message, size, "Graphviz's dot wrote an empty %s", path);
    else
        return VIEW_OK;
    return VIEW_ERROR;
}

static ViewResult render(Value *root, const ViewStyle *style,
                         const char *path, const char *format,
                         char *message, size_t size)
{
    char option[16];
    snprintf(option, sizeof option, "-T%s", format);
    /* dot writes beside path; the picture is renamed over path when whole */
    char tmp[PATH_MAX + 32];
    if (strlen(path) > PATH_MAX) {
        snprintf(message, size, "cannot render %s: %s", path,
                 strerror(ENAMETOOLONG));
        return VIEW_ERROR;
    }
    int in_place = special_file(path);
    if (in_place) {
        snprintf(tmp, sizeof tmp, "%s", path);
    } else {
        /* a free name beside path, which dot then creates */
        FILE *claim = open_beside(path, tmp, sizeof tmp);
        if (!claim) {
            snprintf(message, size, "cannot render %s: %s", path,
                     strerror(errno));
            return VIEW_ERROR;
        }
        fclose(claim);
        remove(tmp);
    }
    char *argv[] = {"dot", option, "-o", tmp, NULL};

    FILE *errors = tmpfile();
    if (!errors) {
        snprintf(message, size, "cannot render %s: %s", path, strerror(errno));
        return VIEW_ERROR;
    }
    int fds[2];
    if (pipe(fds) != 0) {
        snprintf(message, size, "cannot render %s: %s", path, strerror(errno));
        fclose(errors);
        return VIEW_ERROR;
    }
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fileno(errors), STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    pid_t pid;
    int err = posix_spawnp(&pid, "dot", &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[0]);
    if (err != 0) {
        close(fds[1]);
        fclose(errors);
        if (err == ENOENT)
            snprintf(message, size, "rendering %s needs Graphviz's dot "
                     "program, which is not installed: install the graphviz "
                     "package (for example: apt-get install graphviz), or "
                     "write a .dot file", path);
        else
            snprintf(message, size, "cannot run Graphviz's dot: %s",
                     strerror(err));
        return VIEW_ERROR;
    }

    /* dot may exit early (a bad output path): its pipe must not kill us */
    struct sigaction ignore, old;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &old);

    ViewResult result = VIEW_OK;
    int send_error = 0;
    FILE *to_dot = fdopen(fds[1], "w");
    if (!to_dot) {
        send_error = errno;
        close(fds[1]);
        result = VIEW_ERROR;
    } else {
        result = write_dot(to_dot, root, style);
        /* stopped before the rest of the buffer waits on dot's reading */
        if (view_interrupted())
            kill(pid, SIGTERM);   /* (and again below: harmless) */
        if (ferror(to_dot))
            send_error = errno ? errno : EIO;
        if (fclose(to_dot) != 0 && !send_error)
            send_error = errno;
    }
    /* Interrupted, while the graph was sent or while dot lays it out
     * (minutes, for a big graph): dot is told to stop too. The wait polls
     * the flag every 5 ms, since an embedding's interrupt (another thread
     * raising it) is no signal that would end a blocking wait. */
    int stopped = 0, wstatus = 0;
    for (;;) {
        if (!stopped && view_interrupted()) {
            kill(pid, SIGTERM);
            stopped = 1;
        }
        pid_t done = waitpid(pid, &wstatus, WNOHANG);
        if (done == pid || (done < 0 && errno != EINTR))
            break;
        struct timespec pause = {0, 5 * 1000 * 1000};
        nanosleep(&pause, NULL);
    }
    if (stopped)
        result = VIEW_ERROR;
    sigaction(SIGPIPE, &old, NULL);

    if (result != VIEW_OK && view_interrupted()) {
        snprintf(message, size, "interrupted");
    } else if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
        char said[256];
        first_line(errors, said, sizeof said);
        snprintf(message, size, "Graphviz's dot could not render %s%s%s",
                 path, said[0] ? ": " : "", said);
        result = VIEW_ERROR;
    } else if (send_error) {
        snprintf(message, size, "cannot send the graph to Graphviz's dot: %s",
                 strerror(send_error));
        result = VIEW_ERROR;
    } else if (result != VIEW_OK) {
        snprintf(message, size, "cannot render %s", path);
    } else {
        result = check_rendered(tmp, path, message, size);
        if (result == VIEW_OK && !in_place && rename(tmp, path) != 0) {
            snprintf(message, size, "cannot write %s: %s", path,
                     strerror(errno));
            result = VIEW_ERROR;
        }
    }
    if (result != VIEW_OK && !in_place)
        remove(tmp);
    fclose(errors);
    return result;
}
#endif

ViewResult view_dot_file(Value *root, const ViewStyle *style, const char *path,
                         char *message, size_t message_size)
{
    static const char *const rendered[] = {"svg", "png", "pdf"};
    const char *ext = extension(path);
    if (same_word(ext, "dot") || same_word(ext, "gv"))
        return write_file(root, style, path, message, message_size);
    for (size_t i = 0; i < sizeof rendered / sizeof *rendered; i++)
        if (same_word(ext, rendered[i]))
            return render(root, style, path, rendered[i], message,
                          message_size);
    snprintf(message, message_size, "cannot tell what to write to \"%s\": "
             "the name must end in .dot (DOT text), .svg, .png or .pdf "
             "(rendered by Graphviz)", path);
    return VIEW_ERROR;
}
