/*
 * interp/interp.c — the machine: runs a compiled Program on an explicit
 * stack of Datums, builds Value graphs through the engine, and reports.
 *
 * A text is compiled whole (parser/parse.h) before anything runs, so a
 * syntax error runs nothing. The loop below is the only evaluator: no
 * expression shape, however long or deep, uses the C stack.
 *
 * Labels are made on demand: a node computed here carries a reference to
 * the Source it was written in and the span of its expression; a node
 * bound to a name carries the name's text from the intern table. Text is
 * made from either only when a view asks (interp_label below).
 */
#include "internal.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../parser/parse.h"
#include "../lexer/scan.h"
#include "../util/diag.h"
#include "../util/mem.h"

volatile sig_atomic_t interp_interrupted = 0;

/* source text kept whole in a label; longer text keeps its two ends */
enum { LABEL_MAX = VIEW_LABEL_KEEP };

/* ---- reporting ----------------------------------------------------------- */

static void report(Interp *in, DiagLevel level, uint32_t start, uint32_t end,
                   const char *fmt, va_list ap)
{
    char message[1024];
    vsnprintf(message, sizeof message, fmt, ap);
    const Source *src = in->prog ? in->prog->src : NULL;
    diag_report(level, src, source_locate(src, start, end), "%s", message);
}

void interp_error(Interp *in, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(in, DIAG_ERROR, in->at ? in->at->start : 0,
           in->at ? in->at->end : 0, fmt, ap);
    va_end(ap);
}

void interp_error_at(Interp *in, uint32_t start, uint32_t end,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(in, DIAG_ERROR, start, end, fmt, ap);
    va_end(ap);
}

void interp_warning(Interp *in, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(in, DIAG_WARNING, in->at ? in->at->start : 0,
           in->at ? in->at->end : 0, fmt, ap);
    va_end(ap);
}

void interp_arg_error(Interp *in, const CommandCall *call, uint32_t i,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(in, DIAG_ERROR, call->spans[2 * i], call->spans[2 * i + 1], fmt,
           ap);
    va_end(ap);
}

const char *interp_name(const Interp *in, uint32_t id)
{
    return names_text(&in->names, id);
}

/* ---- labels, made when a view asks ------------------------------------------ */

static void release_label(const Value *v)
{
    if (v->flags & VALUE_SPAN)
        program_release((Program *)v->label);
}

/* Folds source text as labels show it: whitespace runs to one space,
 * comments dropped. Appends the character c at text[i] to out (at most
 * LABEL_MAX characters); `space` carries a pending blank between calls. */
static void fold_char(unsigned char c, char *out, size_t *n, int *space)
{
    if (isspace(c)) {
        *space = *n > 0;
        return;
    }
    if (*space && *n < LABEL_MAX)
        out[(*n)++] = ' ';
    *space = 0;
    if (*n < LABEL_MAX)
        out[(*n)++] = (char)c;
}

/* The first LABEL_MAX characters of text[0, length), folded; *more says
 * whether anything but blanks and comments follows them. */
static size_t label_head(const char *text, size_t length, char *out,
                         int *more)
{
    size_t n = 0;
    int space = 0;
    *more = 0;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '#') {                   /* a comment inside brackets */
            while (i + 1 < length && text[i + 1] != '\n')
                i++;
            continue;
        }
        if (n >= LABEL_MAX && !isspace(c)) {
            *more = 1;
            break;
        }
        fold_char(c, out, &n, &space);
    }
    /* a character cut at the end is dropped whole */
    if (*more)
        while (n > 0 && ((unsigned char)out[n - 1] & 0xC0) == 0x80)
            n--;
    if (*more && n > 0 && ((unsigned char)out[n - 1] & 0x80))
        n--;
    return n;
}

/* The last LABEL_MAX characters of text[0, length), folded. The last line
 * is read backwards only as far as needed (no comment can follow the
 * span's last token on it); an earlier line, inside brackets, is read
 * whole so that its comment is dropped. So the cost is bounded by the
 * label, not by the length of the text: a sum of 100 000 terms on one line
 * labels each of its nodes in constant time. */
static size_t label_tail(const char *text, size_t length, char *out)
{
    char reversed[LABEL_MAX];
    size_t n = 0;
    int space = 0;
    size_t end = length;
    for (int last = 1; end > 0 && n < LABEL_MAX; last = 0) {
        size_t start = end, stop = end;
        if (!last) {
            while (start > 0 && text[start - 1] != '\n')
                start--;
            const char *hash = memchr(text + start, '#', end - start);
            stop = hash ? (size_t)(hash - text) : end;
        }
        size_t i = stop;
        for (; i > start || (last && i > 0); i--) {
            unsigned char c = (unsigned char)text[i - 1];
            if (last && c == '\n')
                break;
            if (n >= LABEL_MAX)
                break;
            if (isspace(c)) {
                space = n > 0;
                continue;
            }
            if (space) {
                reversed[n++] = ' ';
                space = 0;
                if (n == LABEL_MAX)
                    break;
            }
            reversed[n++] = (char)c;
        }
        if (last)
            start = i;
        space = n > 0;      /* the line break */
        end = start > 0 ? start - 1 : 0;
    }
    while (n > 0 && reversed[n - 1] == ' ')
        n--;
    /* a character cut at the front is dropped whole */
    while (n > 0 && ((unsigned char)reversed[n - 1] & 0xC0) == 0x80)
        n--;
    for (size_t i = 0; i < n; i++)
        out[i] = reversed[n - 1 - i];
    return n;
}

/* A span's label: its source text folded. Text longer than LABEL_MAX
 * characters is given as its first and last LABEL_MAX characters joined
 * by a newline: the views show it cut at the end, or in the middle where
 * two labels would otherwise look alike (view/common.c). */
static size_t span_label(const Source *src, uint32_t start, uint32_t end,
                         char *out, size_t size)
{
    const char *text = src->text + start;
    size_t length = end > start ? end - start : 0;
    char buffer[2 * LABEL_MAX + 2];
    int more;
    size_t n = label_head(text, length, buffer, &more);
    if (more) {
        buffer[n++] = '\n';
        n += label_tail(text, length, buffer + n);
    }
    if (size == 0)
        return n;
    size_t copy = n < size - 1 ? n : size - 1;
    memcpy(out, buffer, copy);
    out[copy] = '\0';
    return n;
}

static size_t interp_label(const Value *v, char *out, size_t size)
{
    if (!v->label) {
        if (size)
            out[0] = '\0';
        return 0;
    }
    if (v->flags & VALUE_SPAN) {
        /* the text of the instruction that made it */
        const Program *p = v->label;
        const Instr *i = &p->code[v->label_at];
        return span_label(p->src, i->start, i->end, out, size);
    }
    const char *text = v->label;   /* a name, or a parameter's label */
    size_t n = strlen(text);
    if (size) {
        size_t copy = n < size - 1 ? n : size - 1;
        memcpy(out, text, copy);
        out[copy] = '\0';
    }
    return n;
}

/* ---- creating and releasing the interpreter ------------------------------- */

Interp *interp_new(void)
{
    Interp *in = mem_calloc(1, sizeof *in);
    names_init(&in->names);
    in->out = stdout;
    in->display.out = stdout;
    in->display.ascii = 1;
    in->style.digits = 6;
    in->style.width = 80;
    in->style.height = 24;
    in->style.ascii = 1;
    in->color_setting = -1;
    value_set_interrupt_flag(&interp_interrupted);
    value_set_label_hook(release_label);
    view_set_interrupt_flag(&interp_interrupted);
    view_set_labeller(interp_label);
    source_set_interrupt_flag(&interp_interrupted);
    return in;
}

void interp_free(Interp *in)
{
    if (!in)
        return;
    /* Every node at once, block by block; the bindings' releases below
     * then free nothing, and value_shutdown() gives the cells back after
     * them. */
    value_free_all();
    for (uint32_t i = 0; i < in->global_count; i++)
        datum_release(&in->globals[i]);
    if (in->shown)
        value_release(in->shown);
    free(in->globals);
    names_free(&in->names);
    free(in);
    value_shutdown();
}

void interp_report_stats(FILE *stream)
{
    fprintf(stream, "mgrad: stats: %llu nodes created, %zu alive at most\n",
            (unsigned long long)value_created_count(), value_peak_live_count());
}

int interp_quit_requested(const Interp *in)
{
    return in->quit;
}

void interp_set_display(Interp *in, const InterpDisplay *display)
{
    int ascii_was = in->display.ascii;
    in->display = *display;
    in->out = display->out ? display->out : stdout;
    /* `set ascii` stays as the user set it */
    if (in->style.ascii == ascii_was)
        in->style.ascii = display->ascii;
    interp_refresh_style(in);
}

void interp_refresh_style(Interp *in)
{
    in->style.width = 80;
    in->style.height = 24;
    if (in->display.measure) {
        int columns = 0, rows = 0;
        in->display.measure(&columns, &rows);
        if (columns > 0) {
            in->style.width = columns;
            in->style.height = rows > 0 ? rows : 24;
        }
    }
    if (in->width_setting > 0)
        in->style.width = in->width_setting;
    in->style.color = in->color_setting >= 0 ? in->color_setting
                                             : in->display.color;
}

/* ---- globals -------------------------------------------------------------- */

void interp_grow_globals(Interp *in)
{
    uint32_t need = in->names.count;
    if (need <= in->global_count)
        return;
    uint32_t n = in->global_count ? in->global_count : 256;
    while (n < need)
        n *= 2;
    in->globals = mem_realloc(in->globals, (size_t)n * sizeof *in->globals);
    memset(in->globals + in->global_count, 0,
           (size_t)(n - in->global_count) * sizeof *in->globals);
    in->global_count = n;
}

/* A number bound to a name is a variable: a new leaf. A node takes the
 * name as its label unless it has one. */
Datum interp_as_variable(Interp *in, uint32_t name, Datum d)
{
    if (d.kind == DATUM_NUMBER)
        d = datum_node(value_leaf(d.as.number));
    if (d.kind == DATUM_NODE) {
        Value *v = d.as.node;
        if (!(v->flags & (VALUE_NAMED | VALUE_PARAM))) {
            if (v->flags & VALUE_HELD)
                release_label(v);
            value_set_label(v, names_text(&in->names, name), 0,
                            VALUE_NAMED);
            v->flags &= (uint16_t)~VALUE_CONST;   /* a named constant is a variable */
        }
    }
    return d;
}

void interp_label_node(Interp *in, Value *node, const char *text,
                       size_t length)
{
    names_reserve(&in->names, 1);
    uint32_t name = names_intern(&in->names, text, length);
    if (node->flags & VALUE_HELD)
        release_label(node);
    value_set_label(node, names_text(&in->names, name), 0, VALUE_NAMED);
    node->flags &= (uint16_t)~VALUE_CONST;
}

void interp_bind(Interp *in, uint32_t name, Datum value)
{
    interp_grow_globals(in);
    Datum *slot = &in->globals[name];
    uint32_t order = slot->kind == DATUM_UNBOUND ? in->next_order++ : slot->aux;
    datum_release(slot);
    *slot = value;
    slot->aux = order;
}

int interp_unbind(Interp *in, uint32_t name)
{
    if (name >= in->global_count || in->globals[name].kind == DATUM_UNBOUND)
        return 0;
    datum_release(&in->globals[name]);
    return 1;
}

/* ---- showing values ---------------------------------------------------------- */

void interp_follow_shown(Interp *in, int on)
{
    in->follow_shown = on;
    if (!on && in->shown) {
        value_release(in->shown);
        in->shown = NULL;
    }
}

Value *interp_shown(const Interp *in)
{
    return in->shown;
}

void interp_note_shown(Interp *in, Value *v)
{
    if (!in->follow_shown || v == in->shown)
        return;
    value_retain(v);
    if (in->shown)
        value_release(in->shown);
    in->shown = v;
}

void interp_show_binding(Interp *in, const char *name, const Datum *d)
{
    double x = 0;
    if (d->kind == DATUM_NODE) {
        interp_note_shown(in, d->as.node);
        view_binding(in->out, name, d->as.node, &in->style);
    } else if (datum_scalar(d, &x)) {
        char data[40];
        view_format_number(data, sizeof data, x, in->style.digits);
        fprintf(in->out, "%s = %s\n", name, data);
    } else {
        fprintf(in->out, "%s = ", name);
        datum_print(in->out, d, in->style.digits, 1);
        fputc('\n', in->out);
    }
}

void interp_show_value(Interp *in, const Datum *d)
{
    if (d->kind == DATUM_NONE)
        return;
    if (d->kind == DATUM_NODE)
        interp_note_shown(in, d->as.node);
    datum_print(in->out, d, in->style.digits, 0);
    fputc('\n', in->out);
}

/* ---- running texts ---------------------------------------------------------- */

int interp_run_source(Interp *in, const Source *src)
{
    if (in->load_depth == 0)
        interp_interrupted = 0;
    Program *outer = in->prog;
    const Instr *outer_at = in->at;
    Program *p = program_new((Source *)src);
    Compiler c;
    compile_init(&c, p, &in->names);
    ParseResult parsed = parse_program(src, &c, interp_command_words(),
                                       &interp_interrupted);
    compile_free(&c);
    int failed = 0;
    if (parsed.stopped) {
        diag_plain(DIAG_ERROR, "interrupted while reading %s", src->name);
        failed = 1;
    } else if (parsed.errors) {
        failed = 1;
    } else {
        in->prog = p;
        in->at = NULL;
        if (getenv("MGRAD_DUMP"))
            program_dump(stderr, p);
        failed = interp_run_program(in, p);
    }
    fflush(in->out);
    program_release(p);
    in->prog = outer;
    in->at = outer_at;
    return failed;
}

char *interp_resolve_path(const Interp *in, const char *path)
{
    /* A relative path is taken from the directory of the running script. */
    const char *name = in->prog ? in->prog->src->name : NULL;
    if (path[0] != '/' && name && name[0] != '<' && strchr(name, '/')) {
        size_t dir = (size_t)(strrchr(name, '/') - name);
        char *resolved = mem_malloc(dir + strlen(path) + 2);
        memcpy(resolved, name, dir);
        resolved[dir] = '/';
        strcpy(resolved + dir + 1, path);
        return resolved;
    }
    return mem_strdup(path);
}

int interp_load_file(Interp *in, const CommandCall *call, uint32_t at,
                     const char *path)
{
    if (in->load_depth >= INTERP_MAX_LOAD_DEPTH) {
        interp_arg_error(in, call, at, "load: nested more than %d deep (does "
                         "a script load itself?)", INTERP_MAX_LOAD_DEPTH);
        return 1;
    }
    char *resolved = interp_resolve_path(in, path);
    Source *src = source_from_file(resolved);
    if (!src) {
        interp_arg_error(in, call, at, "load: cannot read '%s': %s",
                         resolved, source_error());
        free(resolved);
        return 1;
    }
    free(resolved);
    in->load_depth++;
    int failed = interp_run_source(in, src);
    in->load_depth--;
    source_release(src);
    return failed;
}

/* ---- completion words --------------------------------------------------------- */

void interp_each_name(const Interp *in, InterpWordFn fn, void *ctx)
{
    for (uint32_t i = 0; i < in->global_count && i < in->names.count; i++)
        if (in->globals[i].kind != DATUM_UNBOUND)
            fn(ctx, names_text(&in->names, i));
}

void interp_each_keyword(InterpWordFn fn, void *ctx)
{
    static const char *const words[] = {"data", "grad", "label", "on", "off",
                                        "digits", "ascii", "color", "width",
                                        "auto", "linear"};
    for (const Command *c = interp_commands; c->name; c++)
        fn(ctx, c->name);
    for (const LexerKeyword *k = lexer_keywords; k->word; k++)
        fn(ctx, k->word);
    for (int op = 0; op < OP_COUNT; op++)
        if (value_op_info((OpKind)op)->callable)
            fn(ctx, value_op_info((OpKind)op)->name);
    for (const Builtin *b = interp_builtins; b->name; b++)
        fn(ctx, b->name);
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        fn(ctx, words[i]);
}
