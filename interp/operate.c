/*
 * interp/operate.c — what the operators and attributes do to values:
 * arithmetic on numbers is arithmetic; with a node operand it builds a
 * node through the engine (a number beside it becomes a constant leaf);
 * lists concatenate with +; comparisons, `not` and truth give numbers;
 * .data, .grad and .label; indexing; calling a model.
 *
 * Each function reports its own errors at the instruction at work and
 * returns nonzero after one.
 */
#include "interp/state.h"
#include "interp/kinds.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"


static const char *status_message(ValueStatus status)
{
    switch (status) {
    case VALUE_DIV_ZERO:    return "division by zero";
    case VALUE_LOG_DOMAIN:  return "log of a number that is not positive";
    case VALUE_SQRT_DOMAIN: return "sqrt of a negative number";
    case VALUE_POW_DOMAIN:  return "negative number to a non-integer power";
    case VALUE_OVERFLOW:    return "overflow";
    case VALUE_INTERRUPTED: return "interrupted";
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
int interp_apply(Interp *in, OpKind op, Datum *args, int arity)
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
    /* the operands' references become the node's */
    Value *va = operand_node(*a);
    Value *vb = b ? operand_node(*b) : NULL;
    double x = va->data, y = vb ? vb->data : 0;
    a->kind = DATUM_UNBOUND;
    if (b)
        b->kind = DATUM_UNBOUND;
    Value *out = value_apply_taking(op, va, vb, &status);
    if (!out) {
        operation_error(in, op, x, y, arity, status);
        return 1;
    }
    if (status == VALUE_OVERFLOW)
        interp_warning(in, "%s overflowed to %s", info->name,
                       out->data > 0 ? "inf" : "-inf");
    /* labelled by the instruction: its program keeps the text */
    value_set_label(out, program_retain(in->prog),
                    (uint32_t)(in->at - in->prog->code),
                    VALUE_SPAN | VALUE_HELD);
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

/* xs + ys: a new list, of at most DATUM_LIST_MAX items. */
static int concatenate(Interp *in, Datum *a, Datum *b)
{
    const List *x = (const List *)a->as.object, *y = (const List *)b->as.object;
    if ((uint64_t)x->count + y->count > DATUM_LIST_MAX) {
        interp_error(in, "the list would hold %llu items, more than %u",
                     (unsigned long long)x->count + y->count, DATUM_LIST_MAX);
        return 1;
    }
    List *out = datum_list_new(x->count + y->count);
    for (uint32_t k = 0; k < x->count + y->count; k++) {
        if (DATUM_POLL(k, interp_interrupted)) {
            datum_release_object(&out->header);
            interp_error(in, "interrupted");
            return 1;
        }
        Datum item = k < x->count ? x->items[k] : y->items[k - x->count];
        datum_retain(&item);
        datum_list_push(out, item);
    }
    datum_release(a);
    datum_release(b);
    *a = datum_object(&out->header);
    return 0;
}

int interp_extend(Interp *in, Datum *a, const Datum *b)
{
    List *x = (List *)a->as.object;
    if (b->kind == DATUM_STRING) {
        const String *s = (const String *)b->as.object;
        if ((uint64_t)x->count + s->length > DATUM_LIST_MAX) {
            interp_error(in, "the list would hold more than %u items",
                         DATUM_LIST_MAX);
            return 1;
        }
        for (size_t k = 0; k < s->length; k++)
            datum_list_push(x, datum_object(
                                   &datum_string_new(s->text + k, 1)->header));
        return 0;
    }
    if (!datum_is_container(b))
        return type_error(in, "add", a, b);
    const List *y = (const List *)b->as.object;
    uint32_t count = y->count;      /* xs += xs doubles it once */
    if ((uint64_t)x->count + count > DATUM_LIST_MAX) {
        interp_error(in, "the list would hold more than %u items",
                     DATUM_LIST_MAX);
        return 1;
    }
    for (uint32_t k = 0; k < count; k++) {
        Datum item = y->items[k];
        if (item.kind == DATUM_UNBOUND)
            continue;   /* a set's hole */
        datum_retain(&item);
        datum_list_push(x, item);
    }
    return 0;
}

/* "ab" + "cd": a new string, as in Python, of at most 64 MiB (strings
 * are labels, file names and messages). */
static int join(Interp *in, Datum *a, Datum *b)
{
    const String *x = (const String *)a->as.object;
    const String *y = (const String *)b->as.object;
    if (x->length + y->length > ((size_t)64 << 20)) {
        interp_error(in, "the string would be longer than 64 MiB");
        return 1;
    }
    char *text = mem_malloc(x->length + y->length + 1);
    memcpy(text, x->text, x->length);
    memcpy(text + x->length, y->text, y->length);
    String *out = datum_string_new(text, x->length + y->length);
    free(text);
    datum_release(a);
    datum_release(b);
    *a = datum_object(&out->header);
    return 0;
}

/* == and != on things that are not both numbers. */
static int equality(BinaryOp op, Datum *a, Datum *b)
{
    int same = datum_equal(a, b);
    datum_release(a);
    datum_release(b);
    *a = datum_number(op == BIN_EQ ? same : !same);
    return 0;
}

/* Python's % and // on two numbers: the remainder has the divisor's sign,
 * and the quotient is floored (float_divmod's steps). */
static int modulo(Interp *in, BinaryOp op, Datum *a, Datum *b)
{
    if (a->kind != DATUM_NUMBER || b->kind != DATUM_NUMBER) {
        const Datum *bad = a->kind != DATUM_NUMBER ? a : b;
        interp_error(in, "'%s' takes numbers, not %s%s",
                     op == BIN_MOD ? "%" : "//",
                     datum_kind_name((DatumKind)bad->kind),
                     bad->kind == DATUM_NODE ? " (no gradient flows through "
                     "it: use x.data)" : "");
        return 1;
    }
    double x = a->as.number, y = b->as.number;
    if (y == 0) {
        interp_error(in, "%s by zero", op == BIN_MOD ? "modulo"
                                                     : "integer division");
        return 1;
    }
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1;
        }
    } else {
        mod = copysign(0, y);
    }
    double floordiv;
    if (div != 0) {
        floordiv = floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1;
    } else {
        floordiv = copysign(0, x / y);
    }
    a->as.number = op == BIN_MOD ? mod : floordiv;
    return 0;
}

/* x in xs, x in s (a substring), x in a set, and not in: a node is found
 * only as itself, as micrograd's Value (which has no ==) is; anything
 * else in a list by ==, in a set by its value (numbers, strings) or as
 * itself (the rest). */
static int membership(Interp *in, BinaryOp op, Datum *a, Datum *b)
{
    int found = 0;
    if (b->kind == DATUM_LIST) {
        const List *l = (const List *)b->as.object;
        for (uint32_t k = 0; k < l->count && !found; k++)
            found = datum_matches(&l->items[k], a);
    } else if (b->kind == DATUM_SET) {
        found = datum_set_has((const Set *)b->as.object, a);
    } else if (b->kind == DATUM_STRING && a->kind == DATUM_STRING) {
        const String *s = (const String *)b->as.object;
        const String *t = (const String *)a->as.object;
        found = t->length == 0;
        for (size_t k = 0; !found && k + t->length <= s->length; k++)
            found = memcmp(s->text + k, t->text, t->length) == 0;
    } else if (b->kind == DATUM_STRING) {
        interp_error(in, "'in <string>' needs a string on its left, not %s",
                     datum_kind_name((DatumKind)a->kind));
        return 1;
    } else {
        interp_error(in, "'in' needs a list, a set or a string on its right, "
                     "not %s", datum_kind_name((DatumKind)b->kind));
        return 1;
    }
    datum_release(a);
    datum_release(b);
    *a = datum_number(op == BIN_IN ? found : !found);
    return 0;
}

/* x is y: the same object (None is None; numbers are the same when
 * equal). */
static int identity(BinaryOp op, Datum *a, Datum *b)
{
    int same = a->kind == b->kind;
    if (same && a->kind == DATUM_NUMBER)
        same = a->as.number == b->as.number;
    else if (same && a->kind == DATUM_NODE)
        same = a->as.node == b->as.node;
    else if (same && a->kind != DATUM_NONE)
        same = a->as.object == b->as.object;
    datum_release(a);
    datum_release(b);
    *a = datum_number(op == BIN_IS ? same : !same);
    return 0;
}

/* xs * n and n * xs, "ab" * n and n * "ab": the list or string n times
 * over, as in Python (n a whole number; none when n <= 0), into a; a and
 * b are consumed. */
static int repeat_sequence(Interp *in, Datum *a, Datum *b)
{
    Datum *seq = a->kind == DATUM_NUMBER ? b : a;
    double times = (seq == a ? b : a)->as.number;
    if (times != floor(times)) {
        interp_error(in, "%s can be repeated only a whole number of times, "
                     "not %.17g", datum_kind_name((DatumKind)seq->kind),
                     times);
        return 1;
    }
    uint64_t n = times > 0 ? (times > 4294967296.0 ? UINT64_C(4294967296)
                                                   : (uint64_t)times)
                           : 0;
    Datum out;
    if (seq->kind == DATUM_STRING) {
        const String *x = (const String *)seq->as.object;
        if (!x->length)
            n = 0;
        if (x->length && n > ((size_t)64 << 20) / x->length) {
            interp_error(in, "the string would be longer than 64 MiB");
            return 1;
        }
        size_t length = x->length * (size_t)n;
        char *text = mem_malloc(length + 1);
        for (uint64_t k = 0; k < n; k++)
            memcpy(text + k * x->length, x->text, x->length);
        out = datum_object(&datum_string_new(text, length)->header);
        free(text);
    } else {
        const List *x = (const List *)seq->as.object;
        if (x->count && n > DATUM_LIST_MAX / x->count) {
            interp_error(in, "the list would hold %.0f items, more than %u",
                         fmin(times, 1e300) * x->count, DATUM_LIST_MAX);
            return 1;
        }
        uint32_t total = (uint32_t)(n * x->count);
        List *l = datum_list_new(total);
        for (uint32_t k = 0; k < total; k++) {
            if (DATUM_POLL(k, interp_interrupted)) {
                datum_release_object(&l->header);
                interp_error(in, "interrupted");
                return 1;
            }
            Datum item = x->items[k % x->count];
            datum_retain(&item);
            datum_list_push(l, item);
        }
        out = datum_object(&l->header);
    }
    datum_release(a);
    datum_release(b);
    *a = out;
    return 0;
}

/* a op b into a; b is consumed. */
int interp_binary(Interp *in, BinaryOp op, Datum *a, Datum *b)
{
    if (op >= BIN_MOD) {
        if (op == BIN_MOD || op == BIN_FLOORDIV)
            return modulo(in, op, a, b);
        if (op == BIN_IN || op == BIN_NOT_IN)
            return membership(in, op, a, b);
        return identity(op, a, b);
    }
    OpKind kind = arithmetic_op(op);
    if (op == BIN_ADD && a->kind == DATUM_LIST && b->kind == DATUM_LIST)
        return concatenate(in, a, b);
    if (op == BIN_ADD && a->kind == DATUM_STRING && b->kind == DATUM_STRING)
        return join(in, a, b);
    if (op == BIN_MUL &&
        ((a->kind == DATUM_NUMBER &&
          (b->kind == DATUM_LIST || b->kind == DATUM_STRING)) ||
         (b->kind == DATUM_NUMBER &&
          (a->kind == DATUM_LIST || a->kind == DATUM_STRING))))
        return repeat_sequence(in, a, b);
    if ((op == BIN_EQ || op == BIN_NE) && (!is_scalar(a) || !is_scalar(b)))
        return equality(op, a, b);
    if (kind != OP_LEAF) {
        if (!is_scalar(a) || !is_scalar(b))
            return type_error(in, binary_verb(op), a, b);
        /* interp_apply takes its operands side by side */
        Datum pair[2] = {*a, *b};
        int failed = interp_apply(in, kind, pair, 2);
        *a = pair[0];
        *b = pair[1];
        return failed;
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

int interp_truth(Interp *in, const Datum *d, int *out)
{
    const Kind *row = kind_of((DatumKind)d->kind);
    if (row->truth) {
        *out = row->truth(d);
        return 0;
    }
    interp_error(in, "%s has no truth value", row->name);
    return 1;
}

/* f(args) for an engine operation, with micrograd's method form. */
int interp_call_operation(Interp *in, OpKind op, uint32_t given,
                          Datum *args)
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
    return interp_apply(in, op, args, (int)n);
}

int interp_get_attribute(Interp *in, const Instr *i, Datum *d)
{
    const Kind *kind = kind_of((DatumKind)d->kind);
    if (kind->member)   /* a module's members, looked up by name */
        return kind->member(in, d, interp_name(in, i->arg));
    if (i->aux == ATTR_UNKNOWN) {
        const char *name = interp_name(in, i->arg);
        const KindAttribute *attr = kind_attribute((DatumKind)d->kind, name);
        if (attr)
            return attr->get(in, d);
        const KindMethod *m = kind_method((DatumKind)d->kind, name);
        DatumKind owner;
        if (m)
            interp_error(in, ".%s is a method: call it, as in %s", name,
                         m->usage);
        else if (kind_find_attribute(name, &owner))
            interp_error(in, "%s has no .%s (it is %s's)",
                         datum_kind_name((DatumKind)d->kind), name,
                         datum_kind_name(owner));
        else if (d->kind == DATUM_NODE || d->kind == DATUM_NUMBER)
            interp_error(in, "unknown attribute '.%s': a value has .data, "
                         ".grad, .label, ._prev and ._op", name);
        else
            interp_error(in, "unknown attribute '.%s': a value has .data, "
                         ".grad and .label", name);
        return 1;
    }
    if (i->aux == ATTR_LABEL) {
        char text[VIEW_LABEL_MAX] = "";
        if (d->kind == DATUM_NODE)
            view_node_name(text, sizeof text, d->as.node, in->style.digits);
        else if (d->kind != DATUM_NUMBER) {
            interp_error(in, "%s has no .label",
                         datum_kind_name((DatumKind)d->kind));
            return 1;
        }
        datum_release(d);
        *d = datum_object(&datum_string_new(text, strlen(text))->header);
        return 0;
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

/* How an echo names the node whose attribute was set: its name, or its
 * text in parentheses when that is an expression: (a*b).grad = 1. */
static void attribute_target(char *out, size_t size, const Value *target,
                             int digits)
{
    char name[62];
    view_node_name(name, sizeof name, target, digits);
    int plain = isalpha((unsigned char)name[0]) || name[0] == '_';
    for (const char *c = name; *c && plain; c++)
        plain = isalnum((unsigned char)*c) || *c == '_' || *c == '#' ||
                (unsigned char)*c >= 0x80;
    snprintf(out, size, plain ? "%s" : "(%s)", name);
}

/* x.label = "e": the node is called e, as a name is (micrograd's way of
 * naming nodes, so backward reports it). The echo names the node as it
 * was called before: x1w1.label = "x1*w1". */
static int set_label(Interp *in, const Instr *i, Value *target,
                     const char *was, const Datum *value)
{
    if (value->kind != DATUM_STRING || (i->aux >> 8) != BIN_NONE) {
        interp_error(in, "a label is set to a string, as in x.label = \"x\"");
        return 1;
    }
    const String *text = (const String *)value->as.object;
    if (text->length == 0 || strlen(text->text) != text->length) {
        interp_error(in, "a label cannot be empty or hold a NUL byte");
        return 1;
    }
    interp_label_node(in, target, text->text, text->length);
    if (!(i->flags & INS_SILENT)) {
        fprintf(in->out, "%s.label = ", was);
        datum_show(in->out, value, in->style.values, 1, 0, in->style.ascii);
        fputc('\n', in->out);
    }
    return 0;
}

/* x.data = e, x.grad += e, ... */
int interp_set_attribute(Interp *in, const Instr *i, Datum *object,
                         Datum *value)
{
    Attribute which = (Attribute)(i->aux & 0xFF);
    BinaryOp op = (BinaryOp)(i->aux >> 8);
    const char *attr = interp_name(in, i->arg);
    if (kind_of((DatumKind)object->kind)->member) {
        interp_error(in, "cannot set .%s of %s: mgrad's modules cannot be "
                     "changed", attr,
                     datum_kind_name((DatumKind)object->kind));
        return 1;
    }
    if (which == ATTR_UNKNOWN) {
        interp_error(in, "unknown attribute '.%s': a value has .data, .grad "
                     "and .label", attr);
        return 1;
    }
    if (object->kind != DATUM_NODE) {
        interp_error(in, "cannot set .%s of %s", attr,
                     datum_kind_name((DatumKind)object->kind));
        return 1;
    }
    Value *target = object->as.node;
    /* The node's name is made only for a message, an echo or a label: a
     * training loop's p.data -= lr * p.grad needs none (naming took 2,000
     * instructions, more than the rest of the statement). It is made
     * before anything changes: the name the node had. */
    char name[64];
    if (which == ATTR_LABEL) {
        attribute_target(name, sizeof name, target, in->style.digits);
        return set_label(in, i, target, name, value);
    }
    if (which == ATTR_DATA && target->op != OP_LEAF) {
        attribute_target(name, sizeof name, target, in->style.digits);
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
            attribute_target(name, sizeof name, target, in->style.digits);
            interp_error(in, "division by zero: %s.%s /= 0", name, attr);
            return 1;
        }
        x = *field / x;
        break;
    default: break;
    }
    if (!(i->flags & INS_SILENT))
        attribute_target(name, sizeof name, target, in->style.digits);
    *field = x;
    if (!(i->flags & INS_SILENT)) {
        char number[40];
        view_format_number(number, sizeof number, x, in->style.digits);
        fprintf(in->out, "%s.%s = %s\n", name, attr, number);
    }
    return 0;
}


/* ---- indexing ---------------------------------------------------------------- */

/* The item index n of a list of count, from the end when negative. */
int interp_list_position(Interp *in, const Datum *index, uint32_t count,
                         uint32_t *at)
{
    double x;
    if (!datum_scalar(index, &x) || x != floor(x)) {
        interp_error(in, "a list index is a whole number, not %s",
                     index->kind == DATUM_NUMBER || index->kind == DATUM_NODE
                         ? "a fraction"
                         : datum_kind_name((DatumKind)index->kind));
        return 1;
    }
    double k = x < 0 ? x + count : x;
    if (!(k >= 0 && k < count)) {
        char number[40];
        view_format_number(number, sizeof number, x, 17);
        interp_error(in, "index %s is out of range for a list of length %u",
                     number, count);
        return 1;
    }
    *at = (uint32_t)k;
    return 0;
}

int interp_index(Interp *in, Datum *list, Datum *index)
{
    if (list->kind != DATUM_LIST) {
        interp_error(in, "cannot index %s",
                     datum_kind_name((DatumKind)list->kind));
        return 1;
    }
    const List *l = (const List *)list->as.object;
    uint32_t at;
    if (interp_list_position(in, index, l->count, &at))
        return 1;
    Datum item = l->items[at];
    datum_retain(&item);
    datum_release(list);
    datum_release(index);
    *list = item;
    return 0;
}

/* Python's slice.indices: a bound that is None takes its default; a
 * negative one counts from the end; each is clamped into the sequence. */
int interp_slice(Interp *in, Datum *seq, Datum *bounds)
{
    double v[3];
    int given[3];
    for (int k = 0; k < 3; k++) {
        given[k] = bounds[k].kind != DATUM_NONE;
        if (given[k] && (bounds[k].kind != DATUM_NUMBER ||
                         bounds[k].as.number != floor(bounds[k].as.number) ||
                         fabs(bounds[k].as.number) > 1e15)) {
            char what[48];
            if (bounds[k].kind == DATUM_NUMBER)
                view_format_number(what, sizeof what, bounds[k].as.number, 17);
            else
                snprintf(what, sizeof what, "%s",
                         datum_kind_name((DatumKind)bounds[k].kind));
            interp_error(in, "a slice's bounds and step must be whole numbers "
                         "or None, not %s", what);
            goto fail;
        }
        v[k] = given[k] ? bounds[k].as.number : 0;
    }
    if (seq->kind != DATUM_LIST && seq->kind != DATUM_STRING) {
        interp_error(in, "cannot slice %s (only lists and strings)",
                     datum_kind_name((DatumKind)seq->kind));
        goto fail;
    }
    double step = given[2] ? v[2] : 1;
    if (step == 0) {
        interp_error(in, "slice step cannot be zero");
        goto fail;
    }
    double length = seq->kind == DATUM_LIST
                        ? ((const List *)seq->as.object)->count
                        : (double)((const String *)seq->as.object)->length;
    double lo = step < 0 ? -1 : 0, hi = step < 0 ? length - 1 : length;
    double start = step < 0 ? hi : lo, stop = step < 0 ? lo : hi;
    if (given[0]) {
        start = v[0] < 0 ? v[0] + length : v[0];
        start = start < lo ? lo : start > hi ? hi : start;
    }
    if (given[1]) {
        stop = v[1] < 0 ? v[1] + length : v[1];
        stop = stop < lo ? lo : stop > hi ? hi : stop;
    }
    Datum out;
    if (seq->kind == DATUM_LIST) {
        const List *l = (const List *)seq->as.object;
        List *r = datum_list_new(0);
        for (double k = start; step > 0 ? k < stop : k > stop; k += step) {
            Datum item = l->items[(uint32_t)k];
            datum_retain(&item);
            item.aux = 0;
            datum_list_push(r, item);
        }
        out = datum_object(&r->header);
    } else {
        const String *s = (const String *)seq->as.object;
        char *text = mem_malloc(s->length + 1);
        size_t n = 0;
        for (double k = start; step > 0 ? k < stop : k > stop; k += step)
            text[n++] = s->text[(size_t)k];
        out = datum_object(&datum_string_new(text, n)->header);
        free(text);
    }
    datum_release(seq);
    *seq = out;
    for (int k = 0; k < 3; k++)
        datum_release(&bounds[k]);
    return 0;
fail:
    for (int k = 0; k < 3; k++)
        datum_release(&bounds[k]);
    return 1;
}

int interp_set_index(Interp *in, const Instr *i, Datum *list, Datum *index,
                     Datum *value)
{
    if (list->kind != DATUM_LIST) {
        interp_error(in, "cannot set an item of %s",
                     datum_kind_name((DatumKind)list->kind));
        return 1;
    }
    List *l = (List *)list->as.object;
    uint32_t at;
    if (interp_list_position(in, index, l->count, &at))
        return 1;
    BinaryOp op = (BinaryOp)i->aux;
    Datum result = *value;
    value->kind = DATUM_UNBOUND;
    if (op != BIN_NONE) {
        Datum old = l->items[at];
        datum_retain(&old);
        if (interp_binary(in, op, &old, &result)) {
            datum_release(&old);
            datum_release(&result);
            return 1;
        }
        datum_release(&result);
        result = old;
    }
    datum_release(&l->items[at]);
    l->items[at] = result;
    if (!(i->flags & INS_SILENT)) {
        const char *text = in->prog->src->text + i->start;
        int length = (int)(i->arg > i->start ? i->arg - i->start : 0);
        fprintf(in->out, "%.*s = ", length, text);
        datum_show(in->out, &l->items[at], in->style.values, 1, in->items,
                   in->style.ascii);
        fputc('\n', in->out);
    }
    return 0;
}

/* ---- models ------------------------------------------------------------------ */

int interp_model_call(Interp *in, const Model *m, Datum *args, uint32_t n,
                      Datum *out)
{
    const char *kind = model_kind_name(m);
    if (n != 1 || args[0].kind != DATUM_LIST) {
        interp_error(in, "a %s takes one argument, a list of its %u inputs",
                     kind, m->sizes[0]);
        return 1;
    }
    const List *x = (const List *)args[0].as.object;
    if (x->count != m->sizes[0]) {
        interp_error(in, "this %s takes %u input%s, not %u", kind,
                     m->sizes[0], m->sizes[0] == 1 ? "" : "s", x->count);
        return 1;
    }
    for (uint32_t k = 0; k < x->count; k++)
        if (x->items[k].kind != DATUM_NUMBER && x->items[k].kind != DATUM_NODE) {
            interp_error(in, "a %s's inputs are numbers or values, not %s",
                         kind, datum_kind_name((DatumKind)x->items[k].kind));
            return 1;
        }
    /* the inputs as nodes, a number as a constant leaf */
    Value **nodes = mem_malloc((x->count + m->sizes[m->layers]) *
                               sizeof *nodes);
    Value **outputs = nodes + x->count;
    for (uint32_t k = 0; k < x->count; k++)
        nodes[k] = x->items[k].kind == DATUM_NODE
                       ? value_retain(x->items[k].as.node)
                       : value_constant(x->items[k].as.number);
    model_apply(m, nodes, outputs);
    uint32_t width = m->sizes[m->layers];
    if (width == 1) {
        *out = datum_node(outputs[0]);
    } else {
        List *list = datum_list_new(width);
        for (uint32_t k = 0; k < width; k++)
            datum_list_push(list, datum_node(outputs[k]));
        *out = datum_object(&list->header);
    }
    for (uint32_t k = 0; k < x->count; k++)
        value_release(nodes[k]);
    free(nodes);
    return 0;
}
