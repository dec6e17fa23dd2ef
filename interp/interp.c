/*
 * interp/interp.c — the interpreter's state: creating and freeing a
 * session, its display, globals and bindings, showing values, the words
 * completion offers, and the library's rows. Running a text is
 * interp/run.c's; reporting, interp/error.c's.
 *
 * Labels are made on demand: a node computed by the machine holds the
 * Program it was made in and the number of its instruction; a node bound
 * to a name carries the name's text from the intern table. Text is made
 * from either only when a view asks (interp_label below, which has
 * view/label.c fold the source text).
 */
#include "interp/state.h"
#include "interp/kinds.h"

#include <stdlib.h>
#include <string.h>

#include "lexer/scan.h"
#include "util/diag.h"
#include "util/mem.h"

volatile sig_atomic_t interp_interrupted = 0;

/* ---- labels, made when a view asks ------------------------------------------ */

static void release_label(const Value *v)
{
    if (v->flags & VALUE_SPAN)
        program_release((Program *)v->label);
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
        size_t length = i->end > i->start ? i->end - i->start : 0;
        return view_source_label(p->src->text + i->start, length, out, size);
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

/* ---- built-in functions as values ------------------------------------------ */

/* Interns the names of the operations and the library's functions first,
 * so that each name's number is its row of in->builtins. */
static void add_builtins(Interp *in)
{
    uint32_t most = OP_COUNT;
    for (const Builtin *b = in->library->builtins; b->name; b++)
        most++;
    in->builtins = mem_calloc(most, sizeof *in->builtins);
    in->builtin_values = mem_calloc(most, sizeof *in->builtin_values);
    names_reserve(&in->names, most);
    for (int op = 0; op < OP_COUNT; op++) {
        const OpInfo *info = value_op_info((OpKind)op);
        in->op_names[op] = UINT32_MAX;
        if (!info->callable)
            continue;
        uint32_t id = names_intern(&in->names, info->name, strlen(info->name));
        if (id != in->builtin_count)
            continue;   /* a name given twice: the first row keeps it */
        in->builtins[id] = (InterpBuiltin){info->name, op, NULL};
        in->op_names[op] = id;
        in->builtin_count++;
    }
    for (const Builtin *b = in->library->builtins; b->name; b++) {
        uint32_t id = names_intern(&in->names, b->name, strlen(b->name));
        if (id != in->builtin_count)
            continue;
        in->builtins[id] = (InterpBuiltin){b->name, -1, b};
        in->builtin_count++;
    }
    for (uint32_t k = 0; k < in->builtin_count; k++) {
        in->builtin_values[k].kind = DATUM_BUILTIN;
        in->builtin_values[k].as.builtin = &in->builtins[k];
    }
}

/* ---- creating and releasing the interpreter ------------------------------- */

static unsigned live_interps;

Interp *interp_new(const InterpLibrary *library)
{
    Interp *in = mem_calloc(1, sizeof *in);
    in->library = library;
    names_init(&in->names);
    add_builtins(in);
    in->out = stdout;
    in->display.out = stdout;
    in->display.ascii = 1;
    in->style.digits = 6;
    in->style.values = 17;
    in->style.width = 80;
    in->style.height = 24;
    in->style.ascii = 1;
    in->color_setting = -1;
    in->items = INTERP_ITEMS_DEFAULT;
    value_set_interrupt_flag(&interp_interrupted);
    value_set_label_hook(release_label);
    view_set_interrupt_flag(&interp_interrupted);
    view_set_labeller(interp_label);
    source_set_interrupt_flag(&interp_interrupted);
    live_interps++;
    return in;
}

int interp_idle(size_t steps)
{
    return datum_reap(steps, 0);
}

void interp_free(Interp *in)
{
    if (!in)
        return;
    /* The last interpreter drops every node at once, block by block; the
     * bindings' releases below then free nothing, and value_shutdown()
     * gives the cells back after them. One of several releases its own. */
    int last = --live_interps == 0;
    if (last)
        value_free_all();
    for (uint32_t i = 0; i < in->global_count; i++)
        datum_release(&in->globals[i]);
    datum_collect(0);   /* lists that held one another */
    datum_reap(SIZE_MAX, 0);    /* what an interrupt left */
    if (in->shown)
        value_release(in->shown);
    if (in->pinned)
        value_release(in->pinned);
    free(in->globals);
    free(in->order);
    free(in->builtins);
    free(in->builtin_values);
    names_free(&in->names);
    free(in->picture_text);
    free(in);
    if (last)
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

void interp_set_pictures(Interp *in, InterpPictureFn fn, void *ctx)
{
    in->picture = fn;
    in->picture_ctx = ctx;
}

FILE *interp_picture_stream(Interp *in)
{
    if (!in->picture)
        return in->out;
    FILE *stream = open_memstream(&in->picture_text, &in->picture_length);
    if (!stream)
        mem_out_of_memory();
    return stream;
}

int interp_picture_show(Interp *in, FILE *stream, InterpPicture *p, int show)
{
    if (stream == in->out)
        return 0;
    if (fclose(stream) != 0 || !in->picture_text)
        mem_out_of_memory();
    if (show) {
        p->text = in->picture_text;
        p->text_length = in->picture_length;
        in->picture(in->picture_ctx, p);
    }
    free(in->picture_text);
    in->picture_text = NULL;
    in->picture_length = 0;
    return show;
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

int interp_color_setting(const Interp *in)
{
    return in->color_setting;
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
    in->order = mem_realloc(in->order, (size_t)n * sizeof *in->order);
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
    if (slot->kind == DATUM_UNBOUND)
        in->order[name] = in->next_order++;
    datum_release(slot);
    *slot = value;
}

int interp_unbind(Interp *in, uint32_t name)
{
    if (name >= in->global_count || in->globals[name].kind == DATUM_UNBOUND)
        return 0;
    datum_release(&in->globals[name]);
    return 1;
}

/* ---- showing values ---------------------------------------------------------- */

void interp_set_last_run(Interp *in, int on)
{
    in->last_run = on;
}

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
    return in->pinned ? in->pinned : in->shown;
}

int interp_pin(Interp *in, int on)
{
    Value *v = on ? interp_shown(in) : NULL;
    if (v)
        value_retain(v);
    if (in->pinned)
        value_release(in->pinned);
    in->pinned = v;
    return v != NULL;
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
        view_format_number(data, sizeof data, x, in->style.values);
        fprintf(in->out, "%s = %s\n", name, data);
    } else {
        fprintf(in->out, "%s = ", name);
        datum_show(in->out, d, in->style.values, 1, in->items, in->style.ascii);
        fputc('\n', in->out);
    }
}

void interp_show_value(Interp *in, const Datum *d)
{
    if (d->kind == DATUM_NONE)
        return;
    if (d->kind == DATUM_NODE)
        interp_note_shown(in, d->as.node);
    datum_show(in->out, d, in->style.values, 0, in->items, in->style.ascii);
    fputc('\n', in->out);
}

/* ---- completion words --------------------------------------------------------- */

void interp_each_name(const Interp *in, InterpWordFn fn, void *ctx)
{
    for (uint32_t i = 0; i < in->global_count && i < in->names.count; i++)
        if (in->globals[i].kind != DATUM_UNBOUND)
            fn(ctx, names_text(&in->names, i));
}

void interp_each_keyword(const Interp *in, InterpWordFn fn, void *ctx)
{
    in->library->each_word(fn, ctx);
    for (const LexerKeyword *k = lexer_keywords; k->word; k++)
        fn(ctx, k->word);
    for (int op = 0; op < OP_COUNT; op++)
        if (value_op_info((OpKind)op)->callable)
            fn(ctx, value_op_info((OpKind)op)->name);
    interp_each_attribute(fn, ctx);
}

void interp_each_attribute(InterpWordFn fn, void *ctx)
{
    for (int a = 1; a < ATTR_COUNT; a++)
        fn(ctx, program_attributes[a]);
    fn(ctx, "backward");
    fn(ctx, "parameters");     /* a model's, as micrograd's Module */
    fn(ctx, "zero_grad");
    kind_each_name(fn, ctx);
    for (int op = 0; op < OP_COUNT; op++) {
        const OpInfo *info = value_op_info((OpKind)op);
        if (info->callable && info->arity == 1)
            fn(ctx, info->name);
    }
}

/* ---- the library's rows --------------------------------------------------------- */

const Command *interp_command(const Interp *in, const char *name)
{
    int row = words_find(in->library->command_words, name, strlen(name));
    return row >= 0 ? &in->library->commands[row] : NULL;
}

const Builtin *interp_builtin(const Interp *in, const char *name)
{
    for (const Builtin *b = in->library->builtins; b->name; b++)
        if (strcmp(b->name, name) == 0)
            return b;
    return NULL;
}
