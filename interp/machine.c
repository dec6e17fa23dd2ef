/*
 * interp/machine.c — the machine: runs a compiled Program on an explicit
 * stack of Datums. The loop below is the only evaluator: no expression's
 * shape, however long or deep, uses the C stack, and a call of a function
 * defined by def is a new frame on the machine's own stack of frames, so
 * recursion is limited by MACHINE_MAX_CALLS, not by C.
 *
 * Frames: the top level of a program, then one per call. A frame's local
 * slots (parameters first) sit on the value stack at its base; the values
 * it works with go above them.
 */
#include "interp/state.h"
#include "interp/kinds.h"
#include "interp/micrograd.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

enum { MACHINE_MAX_CALLS = 1000 };

typedef struct Frame {
    Program *prog;            /* the code it runs */
    const Instr *back;        /* the caller's instruction (the call) */
    size_t base;              /* stack index of its slot 0 */
    Function *fn;             /* NULL at the top level; held */
} Frame;

typedef struct Machine {
    Interp *in;
    Datum *stack;
    size_t capacity;
    Frame *frames;
    uint32_t depth, frame_capacity;
} Machine;

static int unbound_name(Interp *in, const Instr *i)
{
    const char *name = interp_name(in, i->arg);
    char hint[256];
    if (i->flags & INS_COMPOUND)
        interp_error(in, "undefined name '%s' (a compound assignment needs a "
                     "value to start from)", name);
    else
        interp_error(in, "%s", interp_name_hint(in, name, hint, sizeof hint));
    return 1;
}

/* The name of a function's local slot, or UINT32_MAX (top level). */
static uint32_t local_name(const Frame *f, uint32_t slot)
{
    return f->fn ? f->fn->program->functions[f->fn->proto].local_names[slot]
                 : UINT32_MAX;
}

static int unbound_local(Interp *in, const Frame *f, uint32_t slot)
{
    uint32_t name = local_name(f, slot);
    if (name == UINT32_MAX)
        interp_error(in, "a variable used before it has a value");
    else
        interp_error(in, "local variable '%s' used before it has a value",
                     interp_name(in, name));
    return 1;
}

/* The name a call was written with: a global's, or a local slot's; a
 * call of a value that is no name says "the value called". */
static const char *callee_name(Interp *in, const Frame *f, const Instr *i)
{
    if (i->op == INS_CALL_VALUE)
        return "the value called";
    if (i->op == INS_APPLY)
        return value_op_info((OpKind)i->aux)->name;
    if (i->op != INS_CALL_LOCAL)
        return interp_name(in, i->arg);
    uint32_t name = local_name(f, i->arg);
    return name == UINT32_MAX ? "a local" : interp_name(in, name);
}

/* Calls a built-in function or operation on args[0, n), leaving the
 * result in *out; the caller still releases the arguments. */
static int call_builtin(Interp *in, const InterpBuiltin *b, Datum *args,
                        uint32_t n, Datum *out)
{
    if (b->row)
        return b->row->run(in, args, n, out);
    if (interp_call_operation(in, (OpKind)b->op, n, args))
        return 1;
    /* the operation left its result in args[0] */
    *out = args[0];
    args[0].kind = DATUM_UNBOUND;
    return 0;
}

/* x.name(args...) on a value whose kind looks its names up by name (a
 * module): *member gets the member, and x leaves args (args[1..] move
 * down to args[0..], *n one fewer). A module's members are built-ins and
 * numbers, which hold no reference. */
static int member_call(Interp *in, const char *name, Datum *args,
                       uint32_t *n, Datum *member)
{
    *member = args[0];    /* its reference goes to the member function */
    if (kind_of((DatumKind)member->kind)->member(in, member, name)) {
        args[0].kind = DATUM_UNBOUND;
        return 1;
    }
    memmove(args, args + 1, (*n - 1) * sizeof *args);
    args[*n - 1].kind = DATUM_UNBOUND;
    --*n;
    return 0;
}

static int call_unknown(Interp *in, const Instr *i, const Datum *args)
{
    const char *name = interp_name(in, i->arg);
    DatumKind owner;
    const KindMethod *method = kind_find_method(name, &owner);
    if (method && (i->flags & INS_METHOD))
        interp_error(in, "%s has no method '%s' (%s is %s method: %s)",
                     datum_kind_name((DatumKind)args[0].kind), name, name,
                     datum_kind_name(owner), method->usage);
    else if (method)
        interp_error(in, "%s is %s method, not a function: write %s", name,
                     datum_kind_name(owner), method->usage);
    else if (interp_command(in, name) && (i->flags & INS_METHOD))
        interp_error(in, "x.%s() takes nothing in its parentheses (as a "
                     "command: %s x ...)", name, name);
    else if ((i->flags & INS_METHOD) && !interp_command(in, name) &&
             program_attribute(name, strlen(name)) == ATTR_UNKNOWN)
        interp_error(in, "%s has no method '%s' (help functions lists the "
                     "methods)", datum_kind_name((DatumKind)args[0].kind),
                     name);
    else if (interp_command(in, name))
        interp_error(in, "'%s' is a command, not a function: write `%s ...` "
                     "as a statement", name, name);
    else if (program_attribute(name, strlen(name)) != ATTR_UNKNOWN)
        interp_error(in, "'%s' is an attribute, not a method: write x.%s",
                     name, name);
    else
        interp_error(in, "unknown function '%s' (try help functions)", name);
    return 1;
}

/* A call's arguments to the parameters of fp: the positional ones first,
 * then each keyword argument (its name as a DATUM_WORD, then its value)
 * to the parameter of that name; a parameter not given stays unbound (its
 * default runs), unless it has none. On return the parameters are
 * args[0 .. *n). */
static int bind_arguments(Interp *in, const FunctionProto *fp, Datum *args,
                          uint32_t *n)
{
    uint32_t given = *n, positional = 0;
    while (positional < given && args[positional].kind != DATUM_WORD)
        positional++;
    const char *name = interp_name(in, fp->name);
    if (positional == given && given >= fp->required && given <= fp->params) {
        for (uint32_t k = given; k < fp->params; k++)
            args[k].kind = DATUM_UNBOUND;
        *n = fp->params;
        return 0;
    }
    if (positional > fp->params) {
        interp_error(in, "%s takes %u argument%s, not %u", name, fp->params,
                     fp->params == 1 ? "" : "s", positional);
        return 1;
    }
    Datum *slots = mem_malloc((fp->params + 1) * sizeof *slots);
    for (uint32_t k = 0; k < fp->params; k++)
        slots[k].kind = DATUM_UNBOUND;
    memcpy(slots, args, positional * sizeof *slots);
    int failed = 0;
    uint32_t k = positional;
    for (; k + 1 < given && !failed; k += 2) {
        if (args[k].kind != DATUM_WORD) {
            interp_error(in, "%s: a positional argument cannot follow a "
                         "keyword argument", name);
            failed = 1;
            break;
        }
        uint32_t slot = 0;
        while (slot < fp->params && fp->local_names[slot] != args[k].aux)
            slot++;
        if (slot == fp->params) {
            interp_error(in, "%s has no parameter named '%s'", name,
                         interp_name(in, args[k].aux));
            failed = 1;
        } else if (slots[slot].kind != DATUM_UNBOUND) {
            interp_error(in, "%s got two values for '%s'", name,
                         interp_name(in, args[k].aux));
            failed = 1;
        } else {
            slots[slot] = args[k + 1];
            args[k + 1].kind = DATUM_UNBOUND;
        }
    }
    for (uint32_t r = 0; r < fp->required && !failed; r++)
        if (slots[r].kind == DATUM_UNBOUND) {
            interp_error(in, "%s is missing its argument '%s'", name,
                         interp_name(in, fp->local_names[r]));
            failed = 1;
        }
    if (failed) {
        for (uint32_t r = positional; r < fp->params; r++)
            if (slots[r].kind != DATUM_UNBOUND)
                datum_release(&slots[r]);
        /* what was not moved is released with the stack */
        for (uint32_t r = 0; r < positional; r++)
            args[r] = slots[r];
        free(slots);
        return 1;
    }
    /* the keyword's words and moved values are gone; the stack holds the
     * parameters in order, and nothing above them */
    for (uint32_t r = positional; r < given; r++)
        if (args[r].kind != DATUM_UNBOUND)
            datum_release(&args[r]);
    memcpy(args, slots, fp->params * sizeof *slots);
    free(slots);
    *n = fp->params;
    return 0;
}

/* ---- f-strings ------------------------------------------------------------ */

/* {d} or {d:spec} of an f-string: d becomes its text. Without a
 * specification a value is written as print writes it. */
static int format_value(Interp *in, const Program *p, const Instr *i,
                        Datum *d)
{
    double x = 0;
    char *text = NULL;
    size_t length = 0;
    if (i->aux) {
        const ProgramString *spec = &p->strings[i->arg];
        char why[160] = "";
        const String *s = d->kind == DATUM_STRING
                              ? (const String *)d->as.object : NULL;
        if (!s && !datum_scalar(d, &x)) {
            interp_error(in, "f-string: a format specification needs a "
                         "number or a string, not %s",
                         datum_kind_name((DatumKind)d->kind));
            return 1;
        }
        text = view_format_spec(s ? s->text : NULL, s ? s->length : 0, x,
                                spec->text, spec->length, &length, why,
                                sizeof why);
        if (!text) {
            interp_error(in, "f-string: %s", why);
            return 1;
        }
    } else if (d->kind == DATUM_STRING) {
        return 0;
    } else {
        FILE *out = open_memstream(&text, &length);
        if (!out) {
            interp_error(in, "f-string: out of memory");
            return 1;
        }
        datum_print(out, d, in->style.values, 1);
        fclose(out);
    }
    datum_release(d);
    *d = datum_object(&datum_string_new(text, length)->header);
    free(text);
    return 0;
}

/* The n strings from at[0], joined into at[0]. */
static int concat(Interp *in, Datum *at, uint32_t n)
{
    (void)in;
    size_t total = 0;
    for (uint32_t k = 0; k < n; k++)
        total += ((const String *)at[k].as.object)->length;
    char *text = mem_malloc(total + 1);
    size_t used = 0;
    for (uint32_t k = 0; k < n; k++) {
        const String *s = (const String *)at[k].as.object;
        memcpy(text + used, s->text, s->length);
        used += s->length;
        datum_release(&at[k]);
    }
    text[used] = '\0';
    at[0] = datum_object(&datum_string_new(text, used)->header);
    free(text);
    return 0;
}

static int command(Interp *in, const Instr *i, Datum *args)
{
    const Command *c = &in->library->commands[i->aux];
    const uint32_t *spans = in->prog->spans + i->arg;
    CommandCall call = {spans[0], args, spans + 1,
                        (i->flags & INS_SILENT) != 0,
                        (i->flags & INS_METHOD) != 0};
    if (call.count == 0 && c->min_args > 0) {
        /* `dot` alone, after dot = 3: the program's name, shown */
        uint32_t name = names_find(&in->names, c->name, strlen(c->name));
        if (name < in->global_count &&
            in->globals[name].kind != DATUM_UNBOUND) {
            if (!call.silent)
                interp_show_binding(in, c->name, &in->globals[name]);
            return 0;
        }
    }
    const Datum *receiver = call.count ? &args[0] : NULL;
    if (receiver && receiver->kind == DATUM_WORD &&
        receiver->aux < in->global_count)
        receiver = &in->globals[receiver->aux];
    if (call.method && receiver &&
        kind_of((DatumKind)receiver->kind)->member) {
        /* random.seed(): the module's member, called with nothing */
        Datum member = *receiver, result = datum_none();
        datum_retain(&member);
        if (kind_of((DatumKind)member.kind)->member(in, &member, c->name))
            return 1;
        int failed = 1;
        if (member.kind == DATUM_BUILTIN)
            failed = call_builtin(in, member.as.builtin, args + 1, 0,
                                  &result);
        else
            interp_error(in, "'%s' is %s, not a function", c->name,
                         datum_kind_name((DatumKind)member.kind));
        datum_release(&member);
        if (!failed && !call.silent && result.kind != DATUM_NONE)
            interp_show_value(in, &result);
        datum_release(&result);
        return failed;
    }
    if ((int)call.count < c->min_args || (int)call.count > c->max_args) {
        interp_error(in, "%s: wrong number of arguments; usage: %s", c->name,
                     c->usage);
        return 1;
    }
    return c->run(in, &call);
}

/* Room on the value stack for `more` values above sp; keeps sp and base
 * pointing at the same values when the stack moves. */
static void reserve(Machine *m, Datum **sp, Datum **base, size_t more)
{
    size_t used = (size_t)(*sp - m->stack);
    if (used + more <= m->capacity)
        return;
    size_t b = (size_t)(*base - m->stack);
    size_t capacity = m->capacity * 2 > used + more ? m->capacity * 2
                                                    : used + more + 64;
    m->stack = mem_realloc(m->stack, capacity * sizeof *m->stack);
    m->capacity = capacity;
    *sp = m->stack + used;
    *base = m->stack + b;
}

static Frame *push_frame(Machine *m)
{
    MEM_GROW(m->frames, m->frame_capacity, m->depth + 1, 16);
    return &m->frames[m->depth++];
}

/* Where the calls that led to an error were made, innermost first (the
 * innermost few, when a recursion ran away). */
enum { CALLS_SHOWN = 4 };

static void report_calls(Machine *m)
{
    Interp *in = m->in;
    for (uint32_t d = m->depth; d-- > 1;) {
        if (m->depth - d > CALLS_SHOWN) {
            const Frame *outer = &m->frames[1];
            SrcLoc loc = source_locate(m->frames[0].prog->src,
                                       outer->back->start, outer->back->end);
            diag_report(DIAG_NOTE, m->frames[0].prog->src, loc,
                        "%u calls more, from this first one", d);
            return;
        }
        const Frame *f = &m->frames[d];
        const Frame *caller = &m->frames[d - 1];
        SrcLoc loc = source_locate(caller->prog->src, f->back->start,
                                   f->back->end);
        diag_report(DIAG_NOTE, caller->prog->src, loc, "in the call of %s",
                    interp_name(in, f->fn->program->functions[f->fn->proto]
                                        .name));
    }
}

/* The truth of the top of the stack, popped. */
#define POP_TRUTH(t)                                                      \
    do {                                                                  \
        if ((failed = interp_truth(in, sp - 1, &(t))))                    \
            goto done;                                                    \
        datum_release(--sp);                                              \
    } while (0)

#define JUMP(i) ((i) += (int32_t)(i)->arg - 1)

/* Calls made from inside built-in functions (map, sorted's key) run on
 * a machine of their own, on the C stack: this many deep at most. */
enum { MACHINE_MAX_NESTED = 64 };
static int nested_runs;

/* Runs program top from its start; or, with fn, calls fn with args[0, n)
 * (borrowed) from the built-in at work, leaving its result in *result.
 * The call's frame returns to a frame 0 whose code is a copy of the
 * built-in's instruction (so messages point at it) and an INS_END. */
static int run(Interp *in, Program *top, Function *fn, Datum *call_args,
               uint32_t call_n, Datum *result)
{
    Machine m = {in, NULL, 0, NULL, 0, 0};
    uint32_t slots = fn ? 0 : top->locals;
    m.capacity = (size_t)slots + top->max_stack + call_n + 16;
    m.stack = mem_malloc(m.capacity * sizeof *m.stack);
    Frame *frame = push_frame(&m);
    frame->prog = top;
    frame->back = NULL;
    frame->base = 0;
    frame->fn = NULL;
    Datum *base = m.stack;              /* the frame's slot 0 */
    for (uint32_t k = 0; k < slots; k++)
        base[k].kind = DATUM_UNBOUND;
    Datum *sp = base + slots;           /* the next free slot */
    Program *p = top;
    const double *numbers = p->numbers;
    int failed = 0;
    const Datum *callee = NULL;     /* a call's: see INS_CALL */
    uint32_t call_count = 0;
    Datum member = datum_none();    /* module.f(...)'s f */
    interp_grow_globals(in);
    const Instr *i = p->code;
    Instr back[2];
    Datum function;
    if (fn) {
        back[0] = *in->at;
        back[0].op = INS_CALL;
        back[0].flags = 0;
        memset(&back[1], 0, sizeof back[1]);
        back[1].op = INS_END;
        i = &back[0];
        in->at = i;
        for (uint32_t k = 0; k < call_n; k++) {
            *sp = call_args[k];
            datum_retain(sp++);
        }
        function = datum_object(&fn->header);
        callee = &function;
        call_count = call_n;
        goto call;
    }
    for (;; i++) {
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
            const Datum *g = &in->globals[i->arg];
            if (g->kind == DATUM_UNBOUND) {
                /* a built-in's name, not bound by the program: the
                 * name's number is the built-in's row */
                if (i->arg < in->builtin_count &&
                    !(i->flags & INS_COMPOUND)) {
                    *sp++ = in->builtin_values[i->arg];
                    break;
                }
                failed = unbound_name(in, i);
                goto done;
            }
            *sp = *g;
            datum_retain(sp++);
            break;
        }
        case INS_LOCAL: {
            const Datum *l = &base[i->arg];
            if (l->kind == DATUM_UNBOUND) {
                failed = unbound_local(in, frame, i->arg);
                goto done;
            }
            *sp = *l;
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
            Datum d = *--sp;
            if (!(i->flags & INS_RAW))
                d = interp_as_variable(in, i->arg, d);
            interp_bind(in, i->arg, d);
            if (!(i->flags & INS_SILENT))
                interp_show_binding(in, interp_name(in, i->arg),
                                    &in->globals[i->arg]);
            if (interp_interrupted)
                goto interrupted;
            break;
        }
        case INS_BIND_LOCAL: {
            Datum *slot = &base[i->arg];
            datum_release(slot);
            *slot = *--sp;
            if (!(i->flags & INS_SILENT) && frame->fn) {
                const FunctionProto *fp =
                    &frame->fn->program->functions[frame->fn->proto];
                interp_show_binding(in, interp_name(in,
                                                    fp->local_names[i->arg]),
                                    slot);
            }
            break;
        }
        case INS_NEG: {
            Datum *a = sp - 1;
            if (a->kind == DATUM_NUMBER)
                a->as.number = -a->as.number;
            else if ((failed = interp_call_operation(in, OP_NEG, 1, a)))
                goto done;
            break;
        }
        case INS_NOT:
        case INS_TRUTH: {
            int t;
            if ((failed = interp_truth(in, sp - 1, &t)))
                goto done;
            datum_release(sp - 1);
            sp[-1] = datum_number(i->op == INS_NOT ? !t : t);
            break;
        }
        case INS_BINARY:
            sp--;
            if ((i->flags & INS_COMPOUND) && i->aux == BIN_ADD &&
                sp[-1].kind == DATUM_LIST)
                failed = interp_extend(in, sp - 1, sp);
            else
                failed = interp_binary(in, (BinaryOp)i->aux, sp - 1, sp);
            datum_release(sp);
            if (failed)
                goto done;
            break;
        case INS_BINARY_NUMBER: {
            Datum b = datum_number(numbers[i->arg]);
            if ((failed = interp_binary(in, (BinaryOp)i->aux, sp - 1, &b)))
                goto done;
            break;
        }
        case INS_APPLY: {
            uint32_t n = i->arg & ~(uint32_t)APPLY_METHOD;
            Datum *args = sp - n;
            uint32_t name = in->op_names[i->aux];
            /* tanh(x) after def tanh(x) = ...: the program's binding
             * shadows the operation (not in the method form x.tanh()) */
            if (!(i->arg & APPLY_METHOD) && name != UINT32_MAX &&
                in->globals[name].kind != DATUM_UNBOUND) {
                callee = &in->globals[name];
                call_count = n;
                goto call;
            }
            if ((i->arg & APPLY_METHOD) &&
                kind_of((DatumKind)args[0].kind)->member) {
                /* math.exp(x): the module's member */
                if ((failed = member_call(in, value_op_info(
                                              (OpKind)i->aux)->name,
                                          args, &n, &member)))
                    goto done;
                sp--;
                callee = &member;
                call_count = n;
                goto call;
            }
            if ((failed = interp_call_operation(in, (OpKind)i->aux, i->arg,
                                                args)))
                goto done;
            for (uint32_t k = 1; k < n; k++)
                datum_release(&args[k]);
            sp = args + 1;
            break;
        }
        case INS_CALL:
        case INS_CALL_LOCAL:
        case INS_CALL_VALUE:
            call_count = i->aux;
            if ((i->flags & INS_METHOD) &&
                kind_of((DatumKind)sp[-(int)call_count].kind)->member) {
                /* random.seed(1): the module's member seed, called */
                if ((failed = member_call(in, interp_name(in, i->arg),
                                          sp - call_count, &call_count,
                                          &member)))
                    goto done;
                sp--;
                callee = &member;
                goto call;
            }
            if (i->flags & INS_METHOD) {
                /* x.f(...): x's kind's method f, if it has one */
                Datum *args = sp - call_count;
                const KindMethod *method =
                    kind_method((DatumKind)args[0].kind,
                                interp_name(in, i->arg));
                if (method) {
                    Datum result = datum_none();
                    failed = method->run(in, args, call_count, &result);
                    while (sp > args)
                        datum_release(--sp);
                    if (failed) {
                        datum_release(&result);
                        goto done;
                    }
                    *sp++ = result;
                    break;
                }
            }
            if (i->op == INS_CALL_VALUE) {
                callee = sp - call_count - 1;
            } else if (i->op == INS_CALL_LOCAL) {
                callee = &base[i->arg];
                if (callee->kind == DATUM_UNBOUND) {
                    failed = unbound_local(in, frame, i->arg);
                    goto done;
                }
            } else {
                callee = &in->globals[i->arg];
                /* a built-in's name (its number is its row), unless the
                 * program bound it; x.f() is always the built-in */
                if (i->arg < in->builtin_count &&
                    (callee->kind == DATUM_UNBOUND ||
                     (i->flags & INS_METHOD)))
                    callee = &in->builtin_values[i->arg];
            }
        call: {
            uint32_t n = call_count;
            Datum *args = sp - n;
            if (callee->kind == DATUM_FUNCTION) {
                Function *fn = (Function *)callee->as.object;
                const FunctionProto *fp = &fn->program->functions[fn->proto];
                /* room for the parameters a call leaves to their defaults */
                reserve(&m, &sp, &base, (size_t)fp->locals + fp->max_stack + 1);
                args = sp - n;
                if ((failed = bind_arguments(in, fp, args, &n)))
                    goto done;
                sp = args + n;
                if (m.depth > MACHINE_MAX_CALLS) {
                    interp_error(in, "calls nested more than %d deep (does "
                                 "%s call itself without end?)",
                                 MACHINE_MAX_CALLS, interp_name(in, fp->name));
                    failed = 1;
                    goto done;
                }
                fn->header.refs++;
                if (datum_collect_due())
                    datum_collect(1);
                if (i->op == INS_CALL_VALUE) {
                    /* the frame holds the function: its slot goes */
                    datum_release(args - 1);
                    memmove(args - 1, args, n * sizeof *args);
                    sp--;
                }
                reserve(&m, &sp, &base, (size_t)fp->locals + fp->max_stack + 1);
                args = sp - n;
                Frame *f = push_frame(&m);
                f->prog = fn->program;
                f->back = i;
                f->base = (size_t)(args - m.stack);
                f->fn = fn;
                frame = f;
                base = args;
                for (uint32_t k = n; k < fp->locals; k++)
                    base[k].kind = DATUM_UNBOUND;
                sp = base + fp->locals;
                p = fn->program;
                numbers = p->numbers;
                in->prog = p;
                i = p->code + fp->entry - 1;
                if (interp_interrupted)
                    goto interrupted;
                break;
            }
            Datum result = datum_none();
            if (callee->kind == DATUM_MODEL) {
                failed = interp_model_call(in, datum_model(callee),
                                           args, n, &result);
            } else if (callee->kind == DATUM_BUILTIN) {
                failed = call_builtin(in, callee->as.builtin, args, n,
                                      &result);
            } else if (callee->kind != DATUM_UNBOUND) {
                interp_error(in, "'%s' is %s, not a function",
                             callee_name(in, frame, i),
                             datum_kind_name((DatumKind)callee->kind));
                failed = 1;
            } else {
                failed = call_unknown(in, i, args);
            }
            while (sp > args)
                datum_release(--sp);
            if (i->op == INS_CALL_VALUE)
                datum_release(--sp);
            if (failed) {
                datum_release(&result);
                goto done;
            }
            *sp++ = result;
            break;
        }
        case INS_ATTR:
            if ((failed = interp_get_attribute(in, i, sp - 1)))
                goto done;
            break;
        case INS_SET_ATTR:
            failed = interp_set_attribute(in, i, sp - 2, sp - 1);
            datum_release(--sp);
            datum_release(--sp);
            if (failed)
                goto done;
            break;
        case INS_NONE:
            *sp++ = datum_none();
            break;
        case INS_DEFAULT:
            if (base[i->aux].kind != DATUM_UNBOUND)
                JUMP(i);
            break;
        case INS_SLICE:
            sp -= 3;
            if ((failed = interp_slice(in, sp - 1, sp)))
                goto done;
            break;
        case INS_FORMAT:
            if ((failed = format_value(in, p, i, sp - 1)))
                goto done;
            break;
        case INS_CONCAT:
            sp -= i->arg;
            if ((failed = concat(in, sp, i->arg)))
                goto done;
            sp++;
            break;
        case INS_IMPORT:
            if ((failed = interp_import(in, p->strings[i->arg].text, i->aux,
                                        sp)))
                goto done;
            sp++;
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
                    interp_show_value(in, sp);
            }
            datum_release(sp);
            if (interp_interrupted)
                goto interrupted;
            break;
        case INS_JUMP:
            /* a loop: Ctrl-C stops it here, every binding kept; and
             * every value in use is held, so cycles can be collected */
            if ((int32_t)i->arg < 0 && interp_interrupted)
                goto interrupted;
            if ((int32_t)i->arg < 0 && datum_collect_due())
                datum_collect(1);
            JUMP(i);
            break;
        case INS_JUMP_FALSE: {
            int t;
            POP_TRUTH(t);
            if (!t)
                JUMP(i);
            break;
        }
        case INS_AND:
        case INS_OR: {
            int t;
            POP_TRUTH(t);
            if (t == (i->op == INS_OR)) {
                *sp++ = datum_number(t);
                JUMP(i);
            }
            break;
        }
        case INS_MAKE_LIST: {
            List *l = datum_list_new(i->arg);
            Datum *items = sp - i->arg;
            if (i->arg)
                memcpy(l->items, items, i->arg * sizeof *items);
            l->count = i->arg;
            sp = items;
            *sp++ = datum_object(&l->header);
            break;
        }
        case INS_INDEX:
            sp--;
            failed = interp_index(in, sp - 1, sp);
            if (failed) {
                datum_release(sp);
                goto done;
            }
            break;
        case INS_SET_INDEX:
            failed = interp_set_index(in, i, sp - 3, sp - 2, sp - 1);
            for (int k = 0; k < 3; k++)
                datum_release(--sp);
            if (failed)
                goto done;
            break;
        case INS_UNPACK: {
            Datum list = *--sp;
            if (list.kind != DATUM_LIST ||
                ((const List *)list.as.object)->count != i->arg) {
                if (list.kind == DATUM_LIST)
                    interp_error(in, "cannot unpack a list of %u into %u "
                                 "names", ((const List *)list.as.object)->count,
                                 i->arg);
                else
                    interp_error(in, "cannot unpack %s into %u names",
                                 datum_kind_name((DatumKind)list.kind), i->arg);
                datum_release(&list);
                failed = 1;
                goto done;
            }
            const List *l = (const List *)list.as.object;
            for (uint32_t k = l->count; k-- > 0;) {
                *sp = l->items[k];
                datum_retain(sp++);
            }
            datum_release(&list);
            break;
        }
        case INS_ITER: {
            Datum *top_item = sp - 1;
            if (!datum_is_container(top_item)) {
                interp_error(in, "cannot loop over %s (a list or a set is "
                             "needed: range(n) makes one)",
                             datum_kind_name((DatumKind)top_item->kind));
                failed = 1;
                goto done;
            }
            top_item->kind = DATUM_ITER;
            top_item->aux = 0;
            break;
        }
        case INS_NEXT: {
            Datum *it = sp - 1;
            const List *l = (const List *)it->as.object;
            while (it->aux < l->count &&
                   l->items[it->aux].kind == DATUM_UNBOUND)
                it->aux++;   /* a set's hole */
            if (it->aux < l->count) {
                *sp = l->items[it->aux++];
                datum_retain(sp++);
            } else {
                datum_release(--sp);
                JUMP(i);
            }
            break;
        }
        case INS_REPEAT: {
            double x;
            if (!datum_scalar(sp - 1, &x) || !(x >= 0) || x != floor(x)) {
                interp_error(in, "repeat needs a whole number of times, not "
                             "%s", datum_scalar(sp - 1, &x)
                                 ? "a negative or fractional one"
                                 : datum_kind_name((DatumKind)sp[-1].kind));
                failed = 1;
                goto done;
            }
            datum_release(sp - 1);
            sp[-1] = datum_number(x);
            break;
        }
        case INS_REPEAT_NEXT:
            if (sp[-1].as.number > 0) {
                sp[-1].as.number -= 1;
            } else {
                sp--;
                JUMP(i);
            }
            break;
        case INS_APPEND: {
            Datum item = *--sp;
            List *into = (List *)sp[-1 - (int)i->arg].as.object;
            if (into->count >= DATUM_LIST_MAX) {
                datum_release(&item);
                interp_error(in, "the list would hold more than %u items",
                             DATUM_LIST_MAX);
                failed = 1;
                goto done;
            }
            datum_list_push(into, item);
            break;
        }
        case INS_FUNCTION: {
            Function *fn = mem_calloc(1, sizeof *fn);
            fn->header.refs = 1;
            fn->header.kind = DATUM_FUNCTION;
            fn->program = program_retain(p);
            fn->proto = i->arg;
            *sp++ = datum_object(&fn->header);
            break;
        }
        case INS_RETURN:
        case INS_RETURN_NONE: {
            Datum result = i->op == INS_RETURN ? *--sp : datum_none();
            while (sp > base)
                datum_release(--sp);
            Frame done_frame = *frame;
            m.depth--;
            frame = &m.frames[m.depth - 1];
            base = m.stack + frame->base;
            p = frame->prog;
            numbers = p->numbers;
            in->prog = p;
            i = done_frame.back;
            datum_release_object(&done_frame.fn->header);
            *sp++ = result;
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
            in->prog = p;       /* a load ran another program */
            interp_grow_globals(in);
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
    if (failed)
        report_calls(&m);
    else if (fn)
        *result = *--sp;
    while (sp > m.stack)
        datum_release(--sp);
    for (uint32_t d = 1; d < m.depth; d++)
        datum_release_object(&m.frames[d].fn->header);
    free(m.frames);
    free(m.stack);
    in->prog = top;
    /* a text without loops or calls may leave cycles too */
    if (!fn && datum_collect_due())
        datum_collect(1);
    return failed;
}

int interp_run_program(Interp *in, Program *top)
{
    return run(in, top, NULL, NULL, 0, NULL);
}

int interp_call(Interp *in, const Datum *callee, Datum *args, uint32_t n,
                Datum *out)
{
    *out = datum_none();
    if (callee->kind == DATUM_MODEL)
        return interp_model_call(in, datum_model(callee), args, n, out);
    if (callee->kind != DATUM_FUNCTION && callee->kind != DATUM_BUILTIN) {
        interp_error(in, "%s is not a function",
                     datum_kind_name((DatumKind)callee->kind));
        return 1;
    }
    if (nested_runs >= MACHINE_MAX_NESTED) {
        interp_error(in, "calls through built-in functions (map, filter, "
                     "sorted's key) nested more than %d deep",
                     MACHINE_MAX_NESTED);
        return 1;
    }
    const Instr *at = in->at;
    Program *prog = in->prog;
    int failed;
    nested_runs++;
    if (callee->kind == DATUM_FUNCTION) {
        failed = run(in, prog, (Function *)callee->as.object, args, n, out);
    } else {
        /* an operation takes its operands over: give it copies */
        Datum *copy = mem_malloc((n + 1) * sizeof *copy);
        for (uint32_t k = 0; k < n; k++) {
            copy[k] = args[k];
            datum_retain(&copy[k]);
        }
        failed = call_builtin(in, callee->as.builtin, copy, n, out);
        for (uint32_t k = 0; k < n; k++)
            datum_release(&copy[k]);
        free(copy);
    }
    nested_runs--;
    in->at = at;
    in->prog = prog;
    return failed;
}
