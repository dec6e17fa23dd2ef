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
        source_release((Source *)v->label);
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
    if (v->flags & VALUE_SPAN)
        return span_label((const Source *)v->label, v->label_start,
                          v->label_end, out, size);
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
    return in;
}

void interp_free(Interp *in)
{
    if (!in)
        return;
    for (uint32_t i = 0; i < in->global_count; i++)
        datum_release(&in->globals[i]);
    free(in->globals);
    names_free(&in->names);
    free(in);
    /* With the last binding gone no node is alive: give the pool back. */
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

static void grow_globals(Interp *in)
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
static Datum as_variable(Interp *in, uint32_t name, Datum d)
{
    if (d.kind == DATUM_NUMBER)
        d = datum_node(value_leaf(d.as.number));
    if (d.kind == DATUM_NODE) {
        Value *v = d.as.node;
        if (!(v->flags & (VALUE_NAMED | VALUE_PARAM))) {
            if (v->flags & VALUE_HELD)
                release_label(v);
            value_set_label(v, names_text(&in->names, name), 0, 0,
                            VALUE_NAMED);
            v->flags &= (uint8_t)~VALUE_CONST;   /* a named constant is a variable */
        }
    }
    return d;
}

void interp_bind(Interp *in, uint32_t name, Datum value)
{
    grow_globals(in);
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

void interp_show_binding(Interp *in, const char *name, const Datum *d)
{
    double x = 0;
    if (d->kind == DATUM_NODE) {
        view_binding(in->out, name, d->as.node, &in->style);
    } else if (datum_scalar(d, &x)) {
        char data[40];
        view_format_number(data, sizeof data, x, in->style.digits);
        fprintf(in->out, "%s = %s\n", name, data);
    } else {
        fprintf(in->out, "%s = <%s>\n", name,
                datum_kind_name((DatumKind)d->kind));
    }
}

static void show_value(Interp *in, const Datum *d)
{
    char data[40];
    double x = 0;
    if (datum_scalar(d, &x)) {
        fprintf(in->out, "%s\n",
                view_format_number(data, sizeof data, x, in->style.digits));
    } else if (d->kind == DATUM_STRING) {
        const String *s = (const String *)d->as.object;
        fwrite(s->text, 1, s->length, in->out);
        fputc('\n', in->out);
    } else if (d->kind != DATUM_NONE) {
        fprintf(in->out, "<%s>\n", datum_kind_name((DatumKind)d->kind));
    }
}

/* ---- operations ----------------------------------------------------------- */

static const char *status_message(ValueStatus status)
{
    switch (status) {
    case VALUE_DIV_ZERO:    return "division by zero";
    case VALUE_LOG_DOMAIN:  return "log of a number that is not positive";
    case VALUE_SQRT_DOMAIN: return "sqrt of a negative number";
    case VALUE_POW_DOMAIN:  return "negative number to a non-integer power";
    case VALUE_OVERFLOW:    return "overflow";
    case VALUE_INTERRUPTED: return "interrupted";
    case VALUE_NO_MEMORY:   return "out of memory";
    default:                return "error";
    }
}

/* Explains a failed operation: what it was and the numbers involved. */
static void operation_error(Interp *in, OpKind op, double a, double b,
                            int arity, ValueStatus status)
{
    char x[32], y[32];
    const OpInfo *info = value_op_info(op);
    view_format_number(x, sizeof x, a, in->style.digits);
    if (arity == 2)
        view_format_number(y, sizeof y, b, in->style.digits);
    switch (op) {
    case OP_DIV:
        interp_error(in, "division by zero: %s / %s", x, y);
        return;
    case OP_POW: case OP_POWC:
        if (status == VALUE_DIV_ZERO)
            interp_error(in, "pow: zero to a negative power: %s ^ %s", x, y);
        else
            interp_error(in, "pow: negative number to a non-integer power: "
                         "%s ^ %s", x, y);
        return;
    default:
        interp_error(in, "%s: %s (%s)", info->name, status_message(status), x);
    }
}

/* The node for an operand: a node as it is, a number as a constant leaf.
 * Takes over d's reference. */
static Value *operand_node(Datum d)
{
    if (d.kind == DATUM_NODE)
        return d.as.node;
    return value_constant(d.as.number);
}

static int type_error(Interp *in, const char *verb, const Datum *a,
                      const Datum *b)
{
    interp_error(in, "cannot %s %s and %s", verb,
                 datum_kind_name((DatumKind)a->kind),
                 datum_kind_name((DatumKind)b->kind));
    return 1;
}

static int is_scalar(const Datum *d)
{
    return d->kind == DATUM_NUMBER || d->kind == DATUM_NODE;
}

/* Applies op to the operands in args[0..arity), leaving the result in
 * args[0]. Numbers give a number; a node operand gives a node labelled
 * with the instruction's span. Returns nonzero after reporting. */
static int apply(Interp *in, OpKind op, Datum *args, int arity)
{
    const OpInfo *info = value_op_info(op);
    Datum *a = &args[0], *b = arity == 2 ? &args[1] : NULL;
    if (!is_scalar(a) || (b && !is_scalar(b))) {
        const Datum *bad = is_scalar(a) ? b : a;
        interp_error(in, "%s needs numbers or values, not %s", info->name,
                     datum_kind_name((DatumKind)bad->kind));
        return 1;
    }
    if (op == OP_POW && b->kind == DATUM_NUMBER)
        op = OP_POWC;
    ValueStatus status = VALUE_OK;
    if (a->kind == DATUM_NUMBER && (!b || b->kind == DATUM_NUMBER)) {
        double out = 0;
        status = info->forward(a->as.number, b ? b->as.number : 0.0, &out);
        if (status != VALUE_OK && status != VALUE_OVERFLOW) {
            operation_error(in, op, a->as.number, b ? b->as.number : 0, arity,
                            status);
            return 1;
        }
        if (status == VALUE_OVERFLOW)
            interp_warning(in, "%s overflowed to %s", info->name,
                           out > 0 ? "inf" : "-inf");
        a->as.number = out;
        return 0;
    }
    double x = 0, y = 0;
    datum_scalar(a, &x);
    if (b)
        datum_scalar(b, &y);
    Value *va = operand_node(*a);
    Value *vb = b ? operand_node(*b) : NULL;
    a->kind = DATUM_UNBOUND;
    if (b)
        b->kind = DATUM_UNBOUND;
    Value *out = value_apply(op, va, vb, &status);
    value_release(va);
    if (vb)
        value_release(vb);
    if (!out) {
        operation_error(in, op, x, y, arity, status);
        return 1;
    }
    if (status == VALUE_OVERFLOW)
        interp_warning(in, "%s overflowed to %s", info->name,
                       out->data > 0 ? "inf" : "-inf");
    value_set_label(out, source_retain(in->prog->src), in->at->start,
                    in->at->end, VALUE_SPAN | VALUE_HELD);
    *a = datum_node(out);
    return 0;
}

static OpKind arithmetic_op(BinaryOp op)
{
    switch (op) {
    case BIN_ADD: return OP_ADD;
    case BIN_SUB: return OP_SUB;
    case BIN_MUL: return OP_MUL;
    case BIN_DIV: return OP_DIV;
    case BIN_POW: return OP_POW;
    default:      return OP_LEAF;
    }
}

static const char *binary_verb(BinaryOp op)
{
    switch (op) {
    case BIN_ADD: return "add";
    case BIN_SUB: return "subtract";
    case BIN_MUL: return "multiply";
    case BIN_DIV: return "divide";
    case BIN_POW: return "raise";
    default:      return "compare";
    }
}

/* a op b into a; b is consumed. */
static int binary(Interp *in, BinaryOp op, Datum *a, Datum *b)
{
    OpKind kind = arithmetic_op(op);
    if (kind != OP_LEAF) {
        if (!is_scalar(a) || !is_scalar(b))
            return type_error(in, binary_verb(op), a, b);
        return apply(in, kind, a, 2);
    }
    double x, y, r = 0;
    if (!datum_scalar(a, &x) || !datum_scalar(b, &y))
        return type_error(in, "compare", a, b);
    switch (op) {
    case BIN_LT: r = x < y; break;
    case BIN_LE: r = x <= y; break;
    case BIN_GT: r = x > y; break;
    case BIN_GE: r = x >= y; break;
    case BIN_EQ: r = x == y; break;
    case BIN_NE: r = x != y; break;
    default: break;
    }
    datum_release(a);
    datum_release(b);
    *a = datum_number(r);
    return 0;
}

static int truth(Interp *in, const Datum *d, int *out)
{
    double x;
    if (datum_scalar(d, &x)) {
        *out = x != 0;
        return 0;
    }
    if (d->kind == DATUM_LIST) {
        *out = ((const List *)d->as.object)->count != 0;
        return 0;
    }
    if (d->kind == DATUM_STRING) {
        *out = ((const String *)d->as.object)->length != 0;
        return 0;
    }
    interp_error(in, "%s has no truth value", datum_kind_name((DatumKind)d->kind));
    return 1;
}

/* f(args) for an engine operation, with micrograd's method form. */
static int call_operation(Interp *in, OpKind op, uint32_t given, Datum *args)
{
    const OpInfo *info = value_op_info(op);
    int method = (given & APPLY_METHOD) != 0;
    uint32_t n = given & ~(uint32_t)APPLY_METHOD;
    if ((int)n != info->arity) {
        if (method && info->arity == 1)
            interp_error(in, "x.%s() passes x as %s's one argument, so the "
                         "parentheses stay empty", info->name, info->name);
        else if (method)
            interp_error(in, "x.%s(y) passes x as the first of %s's %d "
                         "arguments, so give %d inside the parentheses, not %u",
                         info->name, info->name, info->arity, info->arity - 1,
                         n - 1);
        else
            interp_error(in, "%s takes %d argument%s, not %u", info->name,
                         info->arity, info->arity == 1 ? "" : "s", n);
        return 1;
    }
    return apply(in, op, args, (int)n);
}

static int call_unknown(Interp *in, const Instr *i)
{
    const char *name = interp_name(in, i->arg);
    if (interp_command(name))
        interp_error(in, "'%s' is a command, not a function: write `%s ...` "
                     "as a statement", name, name);
    else if (strcmp(name, "data") == 0 || strcmp(name, "grad") == 0)
        interp_error(in, "'%s' is an attribute, not a method: write x.%s",
                     name, name);
    else
        interp_error(in, "unknown function '%s' (try help functions)", name);
    return 1;
}

static int get_attribute(Interp *in, const Instr *i, Datum *d)
{
    if (i->aux == ATTR_UNKNOWN) {
        interp_error(in, "unknown attribute '.%s': a value has .data and .grad",
                     interp_name(in, i->arg));
        return 1;
    }
    double x;
    if (d->kind == DATUM_NODE)
        x = i->aux == ATTR_DATA ? d->as.node->data : d->as.node->grad;
    else if (d->kind == DATUM_NUMBER)
        x = i->aux == ATTR_DATA ? d->as.number : 0.0;
    else {
        interp_error(in, "%s has no .%s", datum_kind_name((DatumKind)d->kind),
                     interp_name(in, i->arg));
        return 1;
    }
    datum_release(d);
    *d = datum_number(x);
    return 0;
}

/* x.data = e, x.grad += e, ... */
static int set_attribute(Interp *in, const Instr *i, Datum *object,
                         Datum *value)
{
    Attribute which = (Attribute)(i->aux & 0xFF);
    BinaryOp op = (BinaryOp)(i->aux >> 8);
    const char *attr = interp_name(in, i->arg);
    if (which == ATTR_UNKNOWN) {
        interp_error(in, "unknown attribute '.%s': a value has .data and "
                     ".grad", attr);
        return 1;
    }
    if (object->kind != DATUM_NODE) {
        interp_error(in, "cannot set .%s of %s", attr,
                     datum_kind_name((DatumKind)object->kind));
        return 1;
    }
    Value *target = object->as.node;
    char name[64];
    view_node_name(name, sizeof name, target, in->style.digits);
    if (which == ATTR_DATA && target->op != OP_LEAF) {
        interp_error(in, "cannot set .data of '%s': it is computed by %s; "
                     "only a leaf's data can be set", name,
                     value_op_info((OpKind)target->op)->name);
        return 1;
    }
    double x;
    if (!datum_scalar(value, &x)) {
        interp_error(in, "cannot set .%s to %s", attr,
                     datum_kind_name((DatumKind)value->kind));
        return 1;
    }
    double *field = which == ATTR_DATA ? &target->data : &target->grad;
    switch (op) {
    case BIN_ADD: x = *field + x; break;
    case BIN_SUB: x = *field - x; break;
    case BIN_MUL: x = *field * x; break;
    case BIN_DIV:
        if (x == 0) {
            interp_error(in, "division by zero: %s.%s /= 0", name, attr);
            return 1;
        }
        x = *field / x;
        break;
    default: break;
    }
    *field = x;
    if (!(i->flags & INS_SILENT)) {
        char number[40];
        view_format_number(number, sizeof number, x, in->style.digits);
        fprintf(in->out, "%s.%s = %s\n", name, attr, number);
    }
    return 0;
}

static int unbound_name(Interp *in, const Instr *i)
{
    const char *name = interp_name(in, i->arg);
    if (i->flags & INS_COMPOUND)
        interp_error(in, "undefined name '%s' (a compound assignment needs a "
                     "value to start from)", name);
    else if (value_op_by_name(name) >= 0)
        interp_error(in, "'%s' is a function: call it as %s(x) or x.%s()",
                     name, name, name);
    else
        interp_error(in, "undefined name '%s'", name);
    return 1;
}

static int command(Interp *in, const Instr *i, Datum *args)
{
    const Command *c = &interp_commands[i->aux];
    const uint32_t *spans = in->prog->spans + i->arg;
    CommandCall call = {spans[0], args, spans + 1,
                        (i->flags & INS_SILENT) != 0};
    if ((int)call.count < c->min_args || (int)call.count > c->max_args) {
        interp_error(in, "%s: wrong number of arguments; usage: %s", c->name,
                     c->usage);
        return 1;
    }
    return c->run(in, &call);
}

/* ---- the machine ---------------------------------------------------------- */

/* Runs p from its first instruction to INS_END. Returns 0 when everything
 * ran, 1 after an error (reported) stopped it. */
static int run_program(Interp *in, Program *p)
{
    Datum *stack = mem_malloc(((size_t)p->max_stack + 1) * sizeof *stack);
    Datum *sp = stack;      /* the next free slot */
    const double *numbers = p->numbers;
    int failed = 0;
    grow_globals(in);
    Datum *globals = in->globals;
    for (const Instr *i = p->code;; i++) {
        in->at = i;
        switch ((Opcode)i->op) {
        case INS_NUMBER:
            *sp++ = datum_number(numbers[i->arg]);
            break;
        case INS_STRING: {
            const ProgramString *s = &p->strings[i->arg];
            *sp++ = datum_object(&datum_string_new(s->text, s->length)->header);
            break;
        }
        case INS_GLOBAL: {
            const Datum *g = &globals[i->arg];
            if (g->kind == DATUM_UNBOUND) {
                failed = unbound_name(in, i);
                goto done;
            }
            *sp = *g;
            sp->aux = 0;
            datum_retain(sp++);
            break;
        }
        case INS_WORD:
            sp->kind = DATUM_WORD;
            sp->aux = i->arg;
            sp->as.number = 0;
            sp++;
            break;
        case INS_BIND: {
            Datum d = as_variable(in, i->arg, *--sp);
            interp_bind(in, i->arg, d);
            if (!(i->flags & INS_SILENT))
                interp_show_binding(in, interp_name(in, i->arg),
                                    &globals[i->arg]);
            if (interp_interrupted)
                goto interrupted;
            break;
        }
        case INS_NEG: {
            Datum *a = sp - 1;
            if (a->kind == DATUM_NUMBER)
                a->as.number = -a->as.number;
            else if ((failed = call_operation(in, OP_NEG, 1, a)))
                goto done;
            break;
        }
        case INS_NOT: {
            int t;
            if ((failed = truth(in, sp - 1, &t)))
                goto done;
            datum_release(sp - 1);
            sp[-1] = datum_number(!t);
            break;
        }
        case INS_TRUTH: {
            int t;
            if ((failed = truth(in, sp - 1, &t)))
                goto done;
            datum_release(sp - 1);
            sp[-1] = datum_number(t);
            break;
        }
        case INS_BINARY:
            sp--;
            failed = binary(in, (BinaryOp)i->aux, sp - 1, sp);
            datum_release(sp);
            if (failed)
                goto done;
            break;
        case INS_APPLY: {
            uint32_t n = i->arg & ~(uint32_t)APPLY_METHOD;
            Datum *args = sp - n;
            if ((failed = call_operation(in, (OpKind)i->aux, i->arg, args)))
                goto done;
            for (uint32_t k = 1; k < n; k++)
                datum_release(&args[k]);
            sp = args + 1;
            break;
        }
        case INS_CALL:
            failed = call_unknown(in, i);
            goto done;
        case INS_ATTR:
            if ((failed = get_attribute(in, i, sp - 1)))
                goto done;
            break;
        case INS_SET_ATTR:
            failed = set_attribute(in, i, sp - 2, sp - 1);
            datum_release(--sp);
            datum_release(--sp);
            if (failed)
                goto done;
            if (interp_interrupted)
                goto interrupted;
            break;
        case INS_DUP:
            *sp = sp[-1];
            datum_retain(sp++);
            break;
        case INS_POP:
            datum_release(--sp);
            break;
        case INS_SHOW:
            sp--;
            if (!(i->flags & INS_SILENT)) {
                if (i->arg)
                    interp_show_binding(in, interp_name(in, i->arg - 1), sp);
                else
                    show_value(in, sp);
            }
            datum_release(sp);
            if (interp_interrupted)
                goto interrupted;
            break;
        case INS_JUMP:
            i = p->code + i->arg - 1;
            break;
        case INS_JUMP_FALSE: {
            int t;
            if ((failed = truth(in, sp - 1, &t)))
                goto done;
            datum_release(--sp);
            if (!t)
                i = p->code + i->arg - 1;
            break;
        }
        case INS_AND:
        case INS_OR: {
            int t;
            if ((failed = truth(in, sp - 1, &t)))
                goto done;
            datum_release(--sp);
            if (t == (i->op == INS_OR)) {
                *sp++ = datum_number(t);
                i = p->code + i->arg - 1;
            }
            break;
        }
        case INS_RANGE: {
            Datum *word = sp - 3, *lo = sp - 2, *hi = sp - 1;
            const uint32_t *s = p->spans + i->arg;
            double bounds[2];
            for (int k = 0; k < 2; k++) {
                if (!datum_scalar(k ? hi : lo, &bounds[k])) {
                    interp_error_at(in, s[2 * k], s[2 * k + 1],
                                    "plot: the range must be numbers");
                    failed = 1;
                    goto done;
                }
            }
            Range *r = datum_range_new(word->aux, bounds[0], bounds[1]);
            r->lo_start = s[0];
            r->lo_end = s[1];
            r->hi_start = s[2];
            r->hi_end = s[3];
            datum_release(lo);
            datum_release(hi);
            sp = word;
            *sp++ = datum_object(&r->header);
            break;
        }
        case INS_COMMAND: {
            uint32_t n = p->spans[i->arg];
            Datum *args = sp - n;
            failed = command(in, i, args);
            while (sp > args)
                datum_release(--sp);
            /* a load may have grown the globals */
            globals = in->globals;
            in->prog = p;
            if (failed || in->quit)
                goto done;
            if (interp_interrupted)
                goto interrupted;
            break;
        }
        case INS_END:
            goto done;
        case INS_COUNT:
            break;
        }
    }
interrupted:
    interp_error(in, "interrupted");
    failed = 1;
done:
    while (sp > stack)
        datum_release(--sp);
    free(stack);
    return failed;
}

/* ---- running texts ---------------------------------------------------------- */

static int command_word(const char *text, size_t length)
{
    return interp_command_index(text, length);
}

int interp_run_source(Interp *in, const Source *src)
{
    if (in->load_depth == 0)
        interp_interrupted = 0;
    Program *outer = in->prog;
    const Instr *outer_at = in->at;
    Program *p = program_new((Source *)src);
    Compiler c;
    compile_init(&c, p, &in->names);
    ParseResult parsed = parse_program(src, &c, command_word,
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
        failed = run_program(in, p);
    }
    fflush(in->out);
    program_release(p);
    in->prog = outer;
    in->at = outer_at;
    return failed;
}

int interp_load_file(Interp *in, const CommandCall *call, uint32_t at,
                     const char *path)
{
    if (in->load_depth >= INTERP_MAX_LOAD_DEPTH) {
        interp_arg_error(in, call, at, "load: nested more than %d deep (does "
                         "a script load itself?)", INTERP_MAX_LOAD_DEPTH);
        return 1;
    }
    /* A relative path is taken from the directory of the loading script. */
    char *resolved = NULL;
    const char *name = in->prog ? in->prog->src->name : NULL;
    if (path[0] != '/' && name && name[0] != '<' && strchr(name, '/')) {
        size_t dir = (size_t)(strrchr(name, '/') - name);
        resolved = mem_malloc(dir + strlen(path) + 2);
        memcpy(resolved, name, dir);
        resolved[dir] = '/';
        strcpy(resolved + dir + 1, path);
    }
    Source *src = source_from_file(resolved ? resolved : path);
    if (!src) {
        interp_arg_error(in, call, at, "load: cannot read '%s': %s",
                         resolved ? resolved : path, strerror(errno));
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
    static const char *const words[] = {"and", "or", "not", "data", "grad",
                                        "on", "off", "digits", "ascii", "color"};
    for (const Command *c = interp_commands; c->name; c++)
        fn(ctx, c->name);
    for (int op = 0; op < OP_COUNT; op++)
        if (value_op_info((OpKind)op)->callable)
            fn(ctx, value_op_info((OpKind)op)->name);
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        fn(ctx, words[i]);
}
