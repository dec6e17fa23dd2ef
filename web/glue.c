/*
 * web/glue.c — what the page's Web Worker calls in the WebAssembly build,
 * over the embedding API (embed/mgrad.h, and embed/follow.h for the
 * picture): one session; a text run at a time, its output and its errors
 * handed to JavaScript as they are printed (Module.onText); pictures
 * (plots, loss curves, decision regions) both printed as the terminal
 * draws them and handed over as numbers (Module.onPicture) for the page to
 * draw; whether a text needs more lines; completion; the graph of the
 * value the last entry showed, and the steps backward takes over it.
 *
 * Answers that are text come back as one string owned here, valid until
 * the next call. JSON is written here because the page reads it.
 */
#include <emscripten.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embed/mgrad.h"
#include "embed/follow.h"

static MgradSession *session;
static char *answer;      /* the last text handed to JavaScript */

EM_JS(void, hand_text, (const char *text, size_t length, int error), {
    Module.onText(UTF8ToString(text, length), error !== 0);
})

EM_JS(void, hand_picture, (const char *json), {
    Module.onPicture(UTF8ToString(json));
})

static const char *keep(char *text)
{
    free(answer);
    answer = text;
    return answer ? answer : "";
}

/* A growing string for the answers. */
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

static char *text_close(Text *t)
{
    fclose(t->f);
    return t->data;
}

static void json_string(FILE *f, const char *s, size_t n)
{
    fputc('"', f);
    for (size_t i = 0; s && i < n; i++) {
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

static void json_numbers(FILE *f, const char *name, const double *xs,
                         size_t n)
{
    fprintf(f, ", \"%s\": [", name);
    for (size_t i = 0; xs && i < n; i++) {
        if (isfinite(xs[i]))
            fprintf(f, "%s%.17g", i ? "," : "", xs[i]);
        else
            fprintf(f, "%snull", i ? "," : "");
    }
    fputc(']', f);
}

static void on_output(void *context, const char *text, size_t length)
{
    (void)context;
    hand_text(text, length, 0);
}

static void on_error(void *context, const char *text, size_t length)
{
    (void)context;
    hand_text(text, length, 1);
}

/* A picture: its text in the terminal, as everywhere, and its numbers to
 * the page (graphs are on the page already: only their text). */
static void on_picture(void *context, const MgradPicture *p)
{
    (void)context;
    if (p->text_length)
        hand_text(p->text, p->text_length, 0);
    if (p->kind == MGRAD_PICTURE_GRAPH)
        return;
    static const char *const kinds[] = {"graph", "plot", "curve", "regions"};
    Text t;
    text_open(&t);
    fprintf(t.f, "{\"kind\": \"%s\", \"title\": ", kinds[p->kind]);
    json_string(t.f, p->title, p->title ? strlen(p->title) : 0);
    fputs(", \"variable\": ", t.f);
    json_string(t.f, p->variable, p->variable ? strlen(p->variable) : 0);
    json_numbers(t.f, "x", p->x, p->x ? p->count : 0);
    json_numbers(t.f, "y", p->y, p->count);
    json_numbers(t.f, "slope", p->slope, p->slope ? p->count : 0);
    json_numbers(t.f, "labels", p->labels, p->labels ? p->count : 0);
    json_numbers(t.f, "scores", p->scores,
                 p->scores ? (size_t)p->columns * (size_t)p->rows : 0);
    fprintf(t.f, ", \"columns\": %d, \"rows\": %d, \"extent\": [%.17g, %.17g, "
            "%.17g, %.17g]}", p->columns, p->rows, p->x_lo, p->x_hi, p->y_lo,
            p->y_hi);
    char *json = text_close(&t);
    hand_picture(json);
    free(json);
}

/* ascii: ASCII pictures; color: ANSI colours; pictures: hand plots over
 * as numbers too (the page), or only print them (the tests). */
EMSCRIPTEN_KEEPALIVE int web_start(int ascii, int color, int pictures)
{
    session = mgrad_new((ascii ? MGRAD_ASCII : 0) | (color ? MGRAD_COLOR : 0));
    if (!session)
        return 1;
    MgradCallbacks callbacks = {NULL, on_output, on_error,
                                pictures ? on_picture : NULL};
    mgrad_set_callbacks(session, &callbacks);
    mgrad_follow(session, 1);
    return 0;
}

/* The terminal's size, for pictures drawn later. */
EMSCRIPTEN_KEEPALIVE void web_resize(int columns, int rows)
{
    mgrad_set_size(session, columns, rows);
}

/* Runs text as an entry called name: an MgradStatus. */
EMSCRIPTEN_KEEPALIVE int web_run(const char *name, const char *text)
{
    return (int)mgrad_run(session, text, strlen(text), name);
}

EMSCRIPTEN_KEEPALIVE int web_needs_more(const char *text)
{
    return mgrad_needs_more(text, strlen(text));
}

static void offer(void *context, const char *word)
{
    fprintf(context, "%s\n", word);
}

/* The words that complete the word ending at byte cursor of text, one a
 * line after the byte offset where that word starts. */
EMSCRIPTEN_KEEPALIVE const char *web_complete(const char *text, int cursor)
{
    Text t;
    text_open(&t);
    size_t start = (size_t)cursor;
    char *list = NULL;
    size_t size = 0;
    FILE *words = open_memstream(&list, &size);
    mgrad_complete(session, text, strlen(text), (size_t)cursor, offer, words,
                   &start);
    fclose(words);
    fprintf(t.f, "%zu\n%s", start, list ? list : "");
    free(list);
    return keep(text_close(&t));
}

/* The pictured value's graph as JSON: {"root": id, "nodes": n, "dot":
 * "..."}, without "dot" when it has more than max_nodes nodes, or {}. */
EMSCRIPTEN_KEEPALIVE const char *web_graph(int max_nodes)
{
    Text t;
    text_open(&t);
    size_t count = 0;
    long long root = mgrad_pictured(session, &count);
    if (root < 0) {
        fputs("{}", t.f);
        return keep(text_close(&t));
    }
    fprintf(t.f, "{\"root\": %lld, \"nodes\": %zu", root, count);
    if (count <= (size_t)max_nodes) {
        char *dot = mgrad_pictured_dot(session);
        if (dot) {
            fputs(", \"dot\": ", t.f);
            json_string(t.f, dot, strlen(dot));
        }
        free(dot);
    }
    fputc('}', t.f);
    return keep(text_close(&t));
}

typedef struct Steps {
    FILE *f;
    int count;
} Steps;

static void step(void *context, long long parent, long long child,
                 double grad)
{
    Steps *s = context;
    fprintf(s->f, "%s[%lld, %lld, %.17g]", s->count++ ? ", " : "", parent,
            child, grad);
}

/* backward over the pictured value as JSON: {"root": id, "lines":
 * [explain's lines], "steps": [[parent, child, the child's gradient after
 * the step], ...]}; lines[0] is dL/dL = 1 and lines[k] tells steps[k-1].
 * {} when there is none. Nothing in the session changes. */
EMSCRIPTEN_KEEPALIVE const char *web_steps(void)
{
    Text t;
    text_open(&t);
    long long root = mgrad_pictured(session, NULL);
    if (root < 0) {
        fputs("{}", t.f);
        return keep(text_close(&t));
    }
    fprintf(t.f, "{\"root\": %lld, \"steps\": [", root);
    Steps s = {t.f, 0};
    char *lines = mgrad_pictured_steps(session, step, &s);
    fputs("], \"lines\": [", t.f);
    const char *p = lines ? lines : "";
    for (int first = 1; *p; first = 0) {
        size_t n = strcspn(p, "\n");
        if (!first)
            fputs(", ", t.f);
        json_string(t.f, p, n);
        p += n + (p[n] == '\n');
    }
    free(lines);
    fputs("]}", t.f);
    return keep(text_close(&t));
}

/* on: the picture keeps to the value it shows; off: it follows again. */
EMSCRIPTEN_KEEPALIVE int web_pin(int on)
{
    return mgrad_pin(session, on);
}
