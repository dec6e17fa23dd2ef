/*
 * web/glue.c — what the page's Web Worker calls in the WebAssembly build:
 * one session, a text run at a time (its output on stdout, its errors on
 * stderr, which Emscripten hands to JavaScript line by line), whether a
 * text needs more lines, completion, and two things only a page needs:
 * the graph of the value the last entry showed, as Graphviz DOT, and the
 * steps backward takes over it, with the line `explain` prints for each.
 *
 * Answers that are text come back as one string owned here, valid until
 * the next call. Steps are computed by running explain and then putting
 * every gradient back, so playing backward in the page changes nothing in
 * the session.
 */
#include <emscripten.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "interp/interp.h"
#include "parser/parse.h"
#include "engine/value.h"
#include "view/view.h"
#include "util/diag.h"
#include "util/mem.h"
#include "util/source.h"

static Interp *session;
static ViewStyle style = {6, 0, 0, 80, 24};
static char *answer;      /* the last text handed to JavaScript */
static Value *pinned;     /* the value the picture keeps to, or NULL */

/* The value the picture shows: the pinned one, else the last shown. */
static Value *pictured(void)
{
    return pinned ? pinned : interp_shown(session);
}

static const char *keep(char *text)
{
    free(answer);
    answer = text;
    return answer;
}

/* A growing string (open_memstream) for the answers. */
typedef struct Text {
    char *data;
    size_t size;
    FILE *f;
} Text;

static void text_open(Text *t)
{
    t->data = NULL;
    t->size = 0;
    t->f = open_memstream(&t->data, &t->size);
}

static const char *text_keep(Text *t)
{
    fclose(t->f);
    return keep(t->data);
}

static void json_string(FILE *f, const char *s, size_t n)
{
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void page_size(int *columns, int *rows)
{
    *columns = style.width;
    *rows = style.height;
}

/* ascii: ASCII pictures (as in the C locale); color: ANSI colours. */
EMSCRIPTEN_KEEPALIVE int web_start(int ascii, int color)
{
    mem_init();
    diag_set_color(color);
    session = interp_new();
    InterpDisplay display = {stdout, ascii, color, page_size};
    interp_set_display(session, &display);
    interp_follow_shown(session, 1);
    style.ascii = ascii;
    return 0;
}

/* The terminal's size, for pictures drawn later. */
EMSCRIPTEN_KEEPALIVE void web_resize(int columns, int rows)
{
    style.width = columns > 20 ? columns : 20;
    style.height = rows > 10 ? rows : 10;
}

/* Runs text as an entry named name whose first line is first_line.
 * Returns 0, 1 after an error, 2 after quit. */
EMSCRIPTEN_KEEPALIVE int web_run(const char *name, const char *text,
                                 int first_line)
{
    Source *src = source_new(name, text, strlen(text));
    src->first_line = first_line;
    interp_interrupted = 0;
    int failed = interp_run_source(session, src);
    source_release(src);
    fflush(stdout);
    fflush(stderr);
    if (interp_quit_requested(session))
        return 2;
    return failed ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int web_needs_more(const char *text)
{
    return parse_needs_more(text, strlen(text));
}

typedef struct Words {
    const char *prefix;
    size_t length;
    FILE *f;
} Words;

static void offer(void *ctx, const char *word)
{
    Words *w = ctx;
    if (strncmp(word, w->prefix, w->length) == 0)
        fprintf(w->f, "%s\n", word);
}

/* The words that start with prefix, one a line (repeats possible):
 * after a dot, what may follow one; elsewhere names and the language's
 * words. */
EMSCRIPTEN_KEEPALIVE const char *web_complete(const char *prefix,
                                              int after_dot)
{
    Text t;
    text_open(&t);
    Words w = {prefix, strlen(prefix), t.f};
    if (after_dot) {
        offer(&w, "data");
        offer(&w, "grad");
        offer(&w, "backward");
        for (int op = 0; op < OP_COUNT; op++) {
            const OpInfo *info = value_op_info((OpKind)op);
            if (info->callable && info->arity == 1)
                offer(&w, info->name);
        }
    } else {
        interp_each_name(session, offer, &w);
        interp_each_keyword(offer, &w);
    }
    return text_keep(&t);
}

/* on: the picture keeps to the value it shows now; off: it follows the
 * entries again. Returns whether a value is pinned. */
EMSCRIPTEN_KEEPALIVE int web_pin(int on)
{
    Value *v = on ? interp_shown(session) : NULL;
    if (v)
        value_retain(v);
    if (pinned)
        value_release(pinned);
    pinned = v;
    return pinned != NULL;
}

/* The graph of the value the last entry showed (or the pinned one), as JSON:
 * {"root": id, "nodes": n, "dot": "..."}, {"root": id, "nodes": n} when it
 * has more than max_nodes nodes, or {} when there is none. */
EMSCRIPTEN_KEEPALIVE const char *web_graph(int max_nodes)
{
    Text t;
    text_open(&t);
    Value *root = pictured();
    if (!root) {
        fputs("{}", t.f);
        return text_keep(&t);
    }
    ValueList nodes = {0};
    if (value_topo(root, &nodes) != VALUE_OK) {
        value_list_free(&nodes);
        interp_interrupted = 0;
        fputs("{}", t.f);
        return text_keep(&t);
    }
    size_t count = nodes.count;
    value_list_free(&nodes);
    fprintf(t.f, "{\"root\": %llu, \"nodes\": %zu",
            (unsigned long long)value_id(root), count);
    if (max_nodes < 0 || count <= (size_t)max_nodes) {
        char *dot = NULL;
        size_t size = 0;
        FILE *f = open_memstream(&dot, &size);
        ViewResult r = view_dot(f, root, &style);
        fclose(f);
        if (r == VIEW_OK) {
            fputs(", \"dot\": ", t.f);
            json_string(t.f, dot, size);
        }
        free(dot);
    }
    fputc('}', t.f);
    return text_keep(&t);
}

typedef struct Steps {
    FILE *f;
    int count;
} Steps;

/* Each contribution, as explain tells it (none for a constant exponent). */
static void step(void *ctx, const Value *parent, int index,
                 const Value *child, double local, double contribution)
{
    Steps *s = ctx;
    (void)local;
    (void)contribution;
    if (parent->op == OP_POWC && index == 1)
        return;
    char grad[40];
    view_format_number(grad, sizeof grad, child->grad, style.digits);
    fprintf(s->f, "%s[%llu, %llu, \"%s\"]", s->count++ ? ", " : "",
            (unsigned long long)value_id(parent),
            (unsigned long long)value_id(child), grad);
}

/* backward over the pictured value, step by step, as JSON:
 * {"root": id, "lines": [explain's lines], "steps": [[parent id, child id,
 * the child's gradient after the step], ...]}; lines[0] is "dL/dL = 1" and
 * lines[k] tells steps[k - 1]. Every gradient is put back afterwards. */
EMSCRIPTEN_KEEPALIVE const char *web_steps(void)
{
    Text t;
    text_open(&t);
    Value *root = pictured();
    ValueList nodes = {0};
    if (!root || value_topo(root, &nodes) != VALUE_OK) {
        value_list_free(&nodes);
        interp_interrupted = 0;
        fputs("{}", t.f);
        return text_keep(&t);
    }
    double *grads = mem_malloc((nodes.count + 1) * sizeof *grads);
    for (size_t i = 0; i < nodes.count; i++)
        grads[i] = nodes.items[i]->grad;

    char *lines = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&lines, &size);
    view_explain(f, root, &style, -1);
    fclose(f);
    fprintf(t.f, "{\"root\": %llu, \"lines\": [",
            (unsigned long long)value_id(root));
    const char *p = lines, *end = lines + size;
    for (int first = 1; p < end; first = 0) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (!first)
            fputs(", ", t.f);
        json_string(t.f, p, n);
        p += n + 1;
    }
    free(lines);
    fputs("], \"steps\": [", t.f);
    Steps s = {t.f, 0};
    value_backward_trace(root, step, &s);
    fputs("]}", t.f);

    for (size_t i = 0; i < nodes.count; i++)
        nodes.items[i]->grad = grads[i];
    free(grads);
    value_list_free(&nodes);
    interp_interrupted = 0;
    return text_keep(&t);
}
