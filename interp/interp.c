/*
 * interp/interp.c — evaluation of expressions and statements.
 *
 * Every expression evaluates to a Value node. Literals become constant
 * leaves and an operation whose operands are all anonymous constants folds
 * into one constant leaf, so `b = -3` binds a leaf, not a negation node.
 * Other operations go through the engine's operation table; the new node is
 * labelled with the source text of its subexpression for display, and an
 * assignment replaces that with the name.
 *
 * A text runs in two passes over the parser: the first checks the syntax of
 * the whole text (an error there runs nothing), the second hands each
 * statement to interp_statement() as soon as it is parsed, so a script of
 * millions of statements never exists as one tree in memory.
 */
#include "internal.h"

#include <ctype.h>
#include <errno.h>
#include <langinfo.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../parser/parse.h"
#include "../util/diag.h"
#include "../util/mem.h"

volatile sig_atomic_t interp_interrupted = 0;

/* source text kept whole on a node; longer text keeps its two ends */
enum { LABEL_MAX = VIEW_LABEL_KEEP };

/* ---- reporting ----------------------------------------------------------- */

static void report(Interp *in, DiagLevel level, const Ast *node,
                   const char *fmt, va_list ap)
{
    char message[1024];
    vsnprintf(message, sizeof message, fmt, ap);
    SrcLoc loc = {0, 0, 0, 0, 0, 0};
    if (node)
        loc = node->loc;
    diag_report(level, node ? in->src : NULL, loc, "%s", message);
}

void *interp_error(Interp *in, const Ast *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(in, DIAG_ERROR, node, fmt, ap);
    va_end(ap);
    return NULL;
}

void interp_warning(Interp *in, const Ast *node, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(in, DIAG_WARNING, node, fmt, ap);
    va_end(ap);
}

/* ---- creating and releasing the interpreter ------------------------------- */

Interp *interp_new(void)
{
    Interp *in = mem_calloc(1, sizeof *in);
    env_init(&in->env);
    in->style.digits = 6;
    in->style.width = 80;
    in->style.height = 24;
    in->color_setting = -1;
    /* Box drawing needs a UTF-8 locale; anything else gets ASCII pictures. */
    const char *codeset = nl_langinfo(CODESET);
    in->style.ascii = !(codeset && (strcmp(codeset, "UTF-8") == 0 ||
                                    strcmp(codeset, "utf8") == 0));
    value_set_interrupt_flag(&interp_interrupted);
    view_set_interrupt_flag(&interp_interrupted);
    source_set_interrupt_flag(&interp_interrupted);
    return in;
}

void interp_free(Interp *in)
{
    if (!in)
        return;
    /* Every node at once, block by block; the bindings' releases in
     * env_free() then free nothing, and value_shutdown() gives the cells
     * back after them. */
    value_free_all();
    env_free(&in->env);
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

void interp_set_interactive(Interp *in, int interactive)
{
    in->interactive = interactive;
    interp_refresh_style(in);
}

void interp_refresh_style(Interp *in)
{
    int tty = in->interactive && isatty(STDOUT_FILENO);
    in->style.width = 80;
    in->style.height = 24;
    if (tty) {
        struct winsize ws;
        if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
            in->style.width = ws.ws_col;
            in->style.height = ws.ws_row > 0 ? ws.ws_row : 24;
        }
    }
    if (in->width_setting > 0)
        in->style.width = in->width_setting;
    if (in->color_setting >= 0)
        in->style.color = in->color_setting;
    else
        in->style.color = tty && !getenv("NO_COLOR");
}

/* ---- labels ------------------------------------------------------------- */

/* The last LABEL_MAX characters of text, whitespace runs folded, written
 * to out; returns their length. They are taken from its last line only:
 * that line holds no comment, since the text ends with a token, and
 * looking no further keeps the cost per node bounded. */
static size_t label_tail(const char *text, size_t length, char *out)
{
    char reversed[LABEL_MAX];
    size_t n = 0;
    int space = 0;
    for (size_t i = length; i-- > 0 && text[i] != '\n' && n < LABEL_MAX;) {
        unsigned char c = (unsigned char)text[i];
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
    /* a character cut at the front is dropped whole */
    while (n > 0 && ((unsigned char)reversed[n - 1] & 0xC0) == 0x80)
        n--;
    for (size_t i = 0; i < n; i++)
        out[i] = reversed[n - 1 - i];
    return n;
}

/* The source text of node, whitespace runs folded to one space. Longer
 * text than LABEL_MAX characters is kept as its first and its last
 * LABEL_MAX characters joined by a newline: the views show it cut at the
 * end, or in the middle where two labels would otherwise look alike. */
static char *source_label(const Interp *in, const Ast *node)
{
    const char *text = in->src->text + node->loc.start;
    size_t length = node->loc.end > node->loc.start
                        ? node->loc.end - node->loc.start : 0;
    char buffer[2 * LABEL_MAX + 2];
    size_t n = 0;
    int space = 0;
    for (size_t i = 0; i < length; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '#') {                   /* a comment inside brackets */
            while (i + 1 < length && text[i + 1] != '\n')
                i++;
            continue;
        }
        if (isspace(c)) {
            space = n > 0;
            continue;
        }
        if (space && n < LABEL_MAX)
            buffer[n++] = ' ';
        space = 0;
        if (n >= LABEL_MAX) {
            /* Cut on a character boundary, then add the end. */
            while (n > 0 && ((unsigned char)buffer[n - 1] & 0xC0) == 0x80)
                n--;
            if (n > 0 && ((unsigned char)buffer[n - 1] & 0x80))
                n--;
            buffer[n++] = '\n';
            n += label_tail(text, length, buffer + n);
            break;
        }
        buffer[n++] = (char)c;
    }
    return mem_strndup(buffer, n);
}

static int is_constant(const Value *v)
{
    return (v->flags & (VALUE_CONST | VALUE_NAMED)) == VALUE_CONST;
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
static void *operation_error(Interp *in, const Ast *node, OpKind op,
                             const Value *a, const Value *b,
                             ValueStatus status)
{
    char x[32], y[32];
    const OpInfo *info = value_op_info(op);
    view_format_number(x, sizeof x, a->data, in->style.digits);
    if (b)
        view_format_number(y, sizeof y, b->data, in->style.digits);
    switch (op) {
    case OP_DIV:
        return interp_error(in, node, "division by zero: %s / %s", x, y);
    case OP_POW: case OP_POWC:
        if (status == VALUE_DIV_ZERO)
            return interp_error(in, node,
                                "pow: zero to a negative power: %s ^ %s", x, y);
        return interp_error(in, node,
                            "pow: negative number to a non-integer power: "
                            "%s ^ %s", x, y);
    default:
        return interp_error(in, node, "%s: %s (%s)", info->name,
                            status_message(status), x);
    }
}

/* Applies op to a (and b), folding anonymous constants, labelling the
 * result with node's source text. Consumes the caller's references to a
 * and b. */
static Value *apply(Interp *in, const Ast *node, OpKind op, Value *a, Value *b)
{
    if (op == OP_POW && is_constant(b))
        op = OP_POWC;
    ValueStatus status = VALUE_OK;
    Value *out;
    int fold = is_constant(a) && (!b || is_constant(b));
    if (fold) {
        double data = 0;
        const OpInfo *info = value_op_info(op);
        status = info->forward(a->data, b ? b->data : 0.0, &data);
        out = status == VALUE_OK || status == VALUE_OVERFLOW
                  ? value_constant(data) : NULL;
    } else {
        out = value_apply(op, a, b, &status);
    }
    if (!out) {
        operation_error(in, node, op, a, b, status);
    } else {
        if (status == VALUE_OVERFLOW)
            interp_warning(in, node, "%s overflowed to %s",
                           value_op_info(op)->name, out->data > 0 ? "inf" : "-inf");
        if (!fold)
            value_set_label(out, source_label(in, node), 0);
    }
    value_release(a);
    if (b)
        value_release(b);
    return out;
}

static OpKind binary_op(AstOp op)
{
    switch (op) {
    case AOP_ADD: return OP_ADD;
    case AOP_SUB: return OP_SUB;
    case AOP_MUL: return OP_MUL;
    case AOP_DIV: return OP_DIV;
    case AOP_POW: return OP_POW;
    default:      return OP_LEAF;
    }
}

/* A comparison or logical operator: a plain number, outside any graph. */
static Value *logic(Interp *in, const Ast *e)
{
    Value *a = interp_eval(in, e->kids[0]);
    if (!a)
        return NULL;
    double x = a->data, result = 0;
    value_release(a);
    if (e->op == AOP_AND || e->op == AOP_OR) {
        int truth = x != 0;
        if ((e->op == AOP_AND && !truth) || (e->op == AOP_OR && truth))
            return value_constant(truth);
    }
    Value *b = interp_eval(in, e->kids[1]);
    if (!b)
        return NULL;
    double y = b->data;
    value_release(b);
    switch (e->op) {
    case AOP_LT:  result = x < y; break;
    case AOP_LE:  result = x <= y; break;
    case AOP_GT:  result = x > y; break;
    case AOP_GE:  result = x >= y; break;
    case AOP_EQ:  result = x == y; break;
    case AOP_NE:  result = x != y; break;
    case AOP_AND: case AOP_OR: result = y != 0; break;
    default: break;
    }
    return value_constant(result);
}

static Value *call(Interp *in, const Ast *e)
{
    int op = value_op_by_name(e->text);
    if (op < 0) {
        if (interp_command(e->text))
            return interp_error(in, e, "'%s' is a command, not a function: "
                                "write `%s ...` as a statement", e->text, e->text);
        if (strcmp(e->text, "data") == 0 || strcmp(e->text, "grad") == 0)
            return interp_error(in, e, "'%s' is an attribute, not a method: "
                                "write x.%s", e->text, e->text);
        return interp_error(in, e, "unknown function '%s' (try help functions)",
                            e->text);
    }
    const OpInfo *info = value_op_info((OpKind)op);
    if ((int)e->nkids != info->arity) {
        if (e->method && info->arity == 1)
            return interp_error(in, e, "x.%s() passes x as %s's one argument, "
                                "so the parentheses stay empty", e->text, e->text);
        if (e->method)
            return interp_error(in, e, "x.%s(y) passes x as the first of %s's "
                                "%d arguments, so give %d inside the "
                                "parentheses, not %zu", e->text, e->text,
                                info->arity, info->arity - 1, e->nkids - 1);
        return interp_error(in, e, "%s takes %d argument%s, not %zu", e->text,
                            info->arity, info->arity == 1 ? "" : "s", e->nkids);
    }
    Value *a = interp_eval(in, e->kids[0]);
    if (!a)
        return NULL;
    Value *b = NULL;
    if (info->arity == 2) {
        b = interp_eval(in, e->kids[1]);
        if (!b) {
            value_release(a);
            return NULL;
        }
    }
    return apply(in, e, (OpKind)op, a, b);
}

static Value *attribute(Interp *in, const Ast *e)
{
    int data = strcmp(e->text, "data") == 0;
    if (!data && strcmp(e->text, "grad") != 0)
        return interp_error(in, e, "unknown attribute '.%s': a value has "
                            ".data and .grad", e->text);
    Value *v = interp_eval(in, e->kids[0]);
    if (!v)
        return NULL;
    double x = data ? v->data : v->grad;
    value_release(v);
    return value_constant(x);
}

Value *interp_eval(Interp *in, const Ast *e)
{
    switch (e->kind) {
    case AST_NUMBER:
        return value_constant(e->number);
    case AST_NAME: {
        Value *v = env_get(&in->env, e->text);
        if (v)
            return value_retain(v);
        if (value_op_by_name(e->text) >= 0)
            return interp_error(in, e, "'%s' is a function: call it as %s(x) "
                                "or x.%s()", e->text, e->text, e->text);
        return interp_error(in, e, "undefined name '%s'", e->text);
    }
    case AST_STRING:
        return interp_error(in, e, "a string is not a value; strings go to "
                            "print, load, dot and help");
    case AST_UNARY: {
        if (e->op == AOP_NOT) {
            Value *a = interp_eval(in, e->kids[0]);
            if (!a)
                return NULL;
            double x = a->data;
            value_release(a);
            return value_constant(x == 0);
        }
        Value *a = interp_eval(in, e->kids[0]);
        if (!a || e->op == AOP_PLUS)
            return a;
        return apply(in, e, OP_NEG, a, NULL);
    }
    case AST_BINARY: {
        OpKind op = binary_op(e->op);
        if (op == OP_LEAF)
            return logic(in, e);
        Value *a = interp_eval(in, e->kids[0]);
        if (!a)
            return NULL;
        Value *b = interp_eval(in, e->kids[1]);
        if (!b) {
            value_release(a);
            return NULL;
        }
        return apply(in, e, op, a, b);
    }
    case AST_CALL:
        return call(in, e);
    case AST_ATTR:
        return attribute(in, e);
    case AST_RANGE:
        return interp_error(in, e, "a range lo..hi belongs in plot: "
                            "plot e, x = lo..hi");
    default:
        return interp_error(in, e, "not an expression");
    }
}

/* ---- statements ------------------------------------------------------------- */

void interp_show_binding(Interp *in, const char *name, const Value *v)
{
    view_binding(stdout, name, v, &in->style);
}

static void bind(Interp *in, const char *name, Value *v)
{
    if (!(v->flags & VALUE_NAMED)) {
        v->flags &= (uint8_t)~VALUE_CONST;   /* a named constant is a variable */
        value_set_label(v, mem_strdup(name), 1);
    }
    env_set(&in->env, name, v);
}

static OpKind compound_op(AstOp op)
{
    return op == AOP_NONE ? OP_LEAF : binary_op(op);
}

static int assign(Interp *in, const Ast *s)
{
    Value *v;
    OpKind op = compound_op(s->op);
    if (op == OP_LEAF) {
        v = interp_eval(in, s->kids[0]);
    } else {
        Value *old = env_get(&in->env, s->text);
        if (!old) {
            interp_error(in, s, "undefined name '%s' (%s needs a value to "
                         "start from)", s->text, "a compound assignment");
            return 1;
        }
        value_retain(old);
        Value *rhs = interp_eval(in, s->kids[0]);
        if (!rhs) {
            value_release(old);
            return 1;
        }
        v = apply(in, s, op, old, rhs);
    }
    if (!v)
        return 1;
    bind(in, s->text, v);
    if (!s->silent)
        interp_show_binding(in, s->text, v);
    return 0;
}

static int attribute_assign(Interp *in, const Ast *s)
{
    int data = strcmp(s->text, "data") == 0;
    if (!data && strcmp(s->text, "grad") != 0) {
        interp_error(in, s, "unknown attribute '.%s': a value has .data and "
                     ".grad", s->text);
        return 1;
    }
    Value *target = interp_eval(in, s->kids[0]);
    if (!target)
        return 1;
    char name[64];
    view_node_name(name, sizeof name, target, in->style.digits);
    if (data && target->op != OP_LEAF) {
        interp_error(in, s, "cannot set .data of '%s': it is computed by %s; "
                     "only a leaf's data can be set", name,
                     value_op_info((OpKind)target->op)->name);
        value_release(target);
        return 1;
    }
    Value *rhs = interp_eval(in, s->kids[1]);
    if (!rhs) {
        value_release(target);
        return 1;
    }
    double *field = data ? &target->data : &target->grad;
    double x = rhs->data;
    value_release(rhs);
    switch (s->op) {
    case AOP_ADD: x = *field + x; break;
    case AOP_SUB: x = *field - x; break;
    case AOP_MUL: x = *field * x; break;
    case AOP_DIV:
        if (x == 0) {
            interp_error(in, s, "division by zero: %s.%s /= 0", name, s->text);
            value_release(target);
            return 1;
        }
        x = *field / x;
        break;
    default: break;
    }
    *field = x;
    if (!s->silent) {
        char number[40];
        view_format_number(number, sizeof number, x, in->style.digits);
        printf("%s.%s = %s\n", name, s->text, number);
    }
    value_release(target);
    return 0;
}

static int expression_statement(Interp *in, const Ast *s)
{
    const Ast *e = s->kids[0];
    Value *v = interp_eval(in, e);
    if (!v)
        return 1;
    if (!s->silent) {
        if (e->kind == AST_NAME) {
            interp_show_binding(in, e->text, v);
        } else {
            char data[40];
            printf("%s\n", view_format_number(data, sizeof data, v->data,
                                              in->style.digits));
        }
    }
    value_release(v);
    return 0;
}

int interp_statement(Interp *in, const Ast *s)
{
    switch (s->kind) {
    case AST_EXPR_STMT:   return expression_statement(in, s);
    case AST_ASSIGN:      return assign(in, s);
    case AST_ATTR_ASSIGN: return attribute_assign(in, s);
    case AST_COMMAND: {
        const Command *c = interp_command(s->text);
        if (!c) {
            interp_error(in, s, "unknown command '%s'", s->text);
            return 1;
        }
        if ((int)s->nkids < c->min_args || (int)s->nkids > c->max_args) {
            interp_error(in, s, "%s: wrong number of arguments; usage: %s",
                         c->name, c->usage);
            return 1;
        }
        return c->run(in, s);
    }
    default:
        interp_error(in, s, "not a statement");
        return 1;
    }
}

/* ---- running texts ---------------------------------------------------------- */

typedef struct RunState {
    Interp *in;
    int failed;
} RunState;

static int run_one(void *ctx, Ast *stmt)
{
    RunState *run = ctx;
    Interp *in = run->in;
    int stop = 0;
    if (interp_interrupted) {
        interp_error(in, stmt, "interrupted");
        run->failed = 1;
        stop = 1;
    } else if (interp_statement(in, stmt) != 0) {
        run->failed = 1;
        stop = 1;
    } else if (in->quit) {
        stop = 1;
    }
    ast_free(stmt);
    return stop;
}

/* The first pass only checks syntax, but a long text can take seconds:
 * it stops at Ctrl-C too. */
static int check_one(void *ctx, Ast *stmt)
{
    (void)ctx;
    ast_free(stmt);
    return interp_interrupted != 0;
}

int interp_run_source(Interp *in, const Source *src)
{
    if (in->load_depth == 0)
        interp_interrupted = 0;
    const Source *outer = in->src;
    in->src = src;
    int failed = 0;
    ParseResult check = parse_source(src, check_one, NULL);
    if (check.stopped) {
        diag_plain(DIAG_ERROR, "interrupted while reading %s", src->name);
        failed = 1;
    } else if (check.errors) {
        failed = 1;
    } else {
        RunState run = {in, 0};
        parse_source(src, run_one, &run);
        failed = run.failed;
    }
    fflush(stdout);
    in->src = outer;
    return failed;
}

int interp_load_file(Interp *in, const Ast *at, const char *path)
{
    if (in->load_depth >= INTERP_MAX_LOAD_DEPTH) {
        interp_error(in, at, "load: nested more than %d deep (does a script "
                     "load itself?)", INTERP_MAX_LOAD_DEPTH);
        return 1;
    }
    /* A relative path is taken from the directory of the loading script. */
    char *resolved = NULL;
    const char *name = in->src ? in->src->name : NULL;
    if (path[0] != '/' && name && name[0] != '<' && strchr(name, '/')) {
        size_t dir = (size_t)(strrchr(name, '/') - name);
        resolved = mem_malloc(dir + strlen(path) + 2);
        memcpy(resolved, name, dir);
        resolved[dir] = '/';
        strcpy(resolved + dir + 1, path);
    }
    Source *src = source_from_file(resolved ? resolved : path);
    if (!src) {
        interp_error(in, at, "load: cannot read '%s': %s",
                     resolved ? resolved : path, source_error());
        free(resolved);
        return 1;
    }
    free(resolved);
    in->load_depth++;
    int failed = interp_run_source(in, src);
    in->load_depth--;
    source_free(src);
    return failed;
}

/* ---- completion words --------------------------------------------------------- */

void interp_each_name(const Interp *in, InterpWordFn fn, void *ctx)
{
    for (size_t i = 0; i < in->env.capacity; i++)
        if (in->env.slots[i].name && in->env.slots[i].value)
            fn(ctx, in->env.slots[i].name);
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
