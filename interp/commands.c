/*
 * interp/commands.c — the command table: every statement that starts with a
 * command word (backward, tree, print, set, ...), with its arguments, its
 * action and its help text, one row each.
 *
 * Actions check their arguments and report misuse at the argument's place;
 * the pictures themselves come from view/.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../util/diag.h"
#include "../util/mem.h"

/* ---- argument helpers ------------------------------------------------------ */

/* A number argument: evaluates the expression and checks it is a whole
 * number in [lo, hi]. */
static int whole_number(Interp *in, const Ast *arg, const char *what,
                        long lo, long hi, long *out)
{
    Value *v = interp_eval(in, arg);
    if (!v)
        return 1;
    double x = v->data;
    value_release(v);
    if (!(x >= (double)lo && x <= (double)hi) || x != floor(x)) {
        interp_error(in, arg, "%s must be a whole number from %ld to %ld", what,
                     lo, hi);
        return 1;
    }
    *out = (long)x;
    return 0;
}

/* The word an argument names: a bare name or a command word. */
static const char *word_of(const Ast *arg)
{
    return arg->kind == AST_NAME ? arg->text : NULL;
}

static Value *graph_argument(Interp *in, const Ast *arg)
{
    if (arg->kind == AST_STRING || arg->kind == AST_RANGE)
        return interp_error(in, arg, "expected a value (an expression such as "
                            "L), found %s", arg->kind == AST_STRING
                            ? "a string" : "a range");
    return interp_eval(in, arg);
}

/* A view that stopped early: says so when Ctrl-C was the reason. */
static int view_failed(Interp *in, const Ast *s, ViewResult r)
{
    if (r == VIEW_ERROR && interp_interrupted)
        interp_error(in, s, "interrupted");
    return r == VIEW_ERROR;
}

static int interrupted(Interp *in, const Ast *s, ValueStatus status)
{
    if (status == VALUE_INTERRUPTED) {
        interp_error(in, s, "interrupted");
        return 1;
    }
    return 0;
}

/* ---- backward and zero ----------------------------------------------------- */

static int by_label_then_newest(const void *a, const void *b)
{
    const Value *x = *(Value *const *)a, *y = *(Value *const *)b;
    int c = strcmp(x->label, y->label);
    if (c)
        return c;
    return (x->id < y->id) - (x->id > y->id);
}

static int by_id(const void *a, const void *b)
{
    const Value *x = *(Value *const *)a, *y = *(Value *const *)b;
    return (x->id > y->id) - (x->id < y->id);
}

/* dL/dx for every named node in root's graph but root, in creation order.
 * A name carried by several nodes (after c += 1) is reported once, for the
 * newest node that carries it: the one the name meant last. */
static void report_gradients(Interp *in, Value *root)
{
    ValueList topo = {0};
    if (value_topo(root, &topo) != VALUE_OK) {
        value_list_free(&topo);
        return;
    }
    ValueList named = {0};
    for (size_t i = 0; i < topo.count; i++) {
        Value *v = topo.items[i];
        if (v->flags & VALUE_NAMED)
            value_list_push(&named, v);
    }
    /* No named node (backward 0) leaves items NULL: qsort must not see it. */
    if (named.count > 1)
        qsort(named.items, named.count, sizeof *named.items, by_label_then_newest);
    size_t kept = 0;
    for (size_t i = 0; i < named.count; i++)
        if (i == 0 || strcmp(named.items[i]->label, named.items[kept - 1]->label))
            named.items[kept++] = named.items[i];
    named.count = kept;
    /* The root is not reported, nor older nodes that carry its name. */
    kept = 0;
    for (size_t i = 0; i < named.count; i++)
        if (!(root->flags & VALUE_NAMED) || strcmp(named.items[i]->label, root->label))
            named.items[kept++] = named.items[i];
    named.count = kept;
    if (named.count > 1)
        qsort(named.items, named.count, sizeof *named.items, by_id);
    for (size_t i = 0; i < named.count; i++) {
        char dname[160], grad[40];
        view_derivative_name(dname, sizeof dname, root, named.items[i],
                             in->style.digits);
        view_format_number(grad, sizeof grad, named.items[i]->grad,
                           in->style.digits);
        printf("%s = %s\n", dname, grad);
    }
    value_list_free(&named);
    value_list_free(&topo);
}

static int cmd_backward(Interp *in, const Ast *s)
{
    Value *root = graph_argument(in, s->kids[0]);
    if (!root)
        return 1;
    ValueStatus status = value_backward(root);
    int failed = interrupted(in, s, status);
    if (!failed && !s->silent)
        report_gradients(in, root);
    value_release(root);
    return failed;
}

static int cmd_zero(Interp *in, const Ast *s)
{
    if (s->nkids == 1) {
        Value *root = graph_argument(in, s->kids[0]);
        if (!root)
            return 1;
        int failed = interrupted(in, s, value_zero(root));
        value_release(root);
        return failed;
    }
    return interrupted(in, s, value_zero_all());
}

/* ---- views ---------------------------------------------------------------------- */

static int cmd_tree(Interp *in, const Ast *s)
{
    long depth = -1;
    if (s->nkids == 2 && whole_number(in, s->kids[1], "tree depth", 0,
                                      1000000000L, &depth))
        return 1;
    Value *root = graph_argument(in, s->kids[0]);
    if (!root)
        return 1;
    interp_refresh_style(in);
    ViewResult r = view_tree(stdout, root, &in->style, (int)depth);
    value_release(root);
    return view_failed(in, s, r);
}

static int cmd_polytree(Interp *in, const Ast *s)
{
    Value *root = graph_argument(in, s->kids[0]);
    if (!root)
        return 1;
    interp_refresh_style(in);
    ViewResult r = view_polytree(stdout, root, &in->style);
    value_release(root);
    return view_failed(in, s, r);
}

static int cmd_dot(Interp *in, const Ast *s)
{
    if (s->nkids == 2 && s->kids[1]->kind != AST_STRING) {
        interp_error(in, s->kids[1], "dot: the file name must be a string, "
                     "as in dot L \"graph.svg\"");
        return 1;
    }
    Value *root = graph_argument(in, s->kids[0]);
    if (!root)
        return 1;
    int failed = 0;
    if (s->nkids == 1) {
        failed = view_failed(in, s, view_dot(stdout, root, &in->style));
    } else {
        char message[512] = "";
        if (view_dot_file(root, &in->style, s->kids[1]->text, message,
                          sizeof message) != VIEW_OK) {
            interp_error(in, s->kids[1], "dot: %s", message);
            failed = 1;
        } else if (!s->silent) {
            printf("wrote %s\n", s->kids[1]->text);
        }
    }
    value_release(root);
    return failed;
}

static int cmd_explain(Interp *in, const Ast *s)
{
    long lines = -1;
    if (s->nkids == 2 && whole_number(in, s->kids[1], "explain's line limit", 1,
                                      1000000000L, &lines))
        return 1;
    Value *root = graph_argument(in, s->kids[0]);
    if (!root)
        return 1;
    ViewResult r = view_explain(stdout, root, &in->style, lines);
    value_release(root);
    return view_failed(in, s, r);
}

static int cmd_check(Interp *in, const Ast *s)
{
    Value *root = graph_argument(in, s->kids[0]);
    if (!root)
        return 1;
    ViewResult r = view_check(stdout, root, &in->style);
    value_release(root);
    return view_failed(in, s, r);
}

static int range_bound(Interp *in, const Ast *e, double *out)
{
    Value *v = interp_eval(in, e);
    if (!v)
        return 1;
    *out = v->data;
    value_release(v);
    if (!isfinite(*out)) {
        interp_error(in, e, "plot: the range must be finite");
        return 1;
    }
    return 0;
}

static int cmd_plot(Interp *in, const Ast *s)
{
    const Ast *range = s->nkids == 2 ? s->kids[1] : NULL;
    if (!range || range->kind != AST_RANGE) {
        interp_error(in, range ? range : s, "plot needs a range: plot e, x = lo..hi");
        return 1;
    }
    Value *x = env_get(&in->env, range->text);
    if (!x) {
        interp_error(in, range, "undefined name '%s'", range->text);
        return 1;
    }
    if (x->op != OP_LEAF) {
        interp_error(in, range, "plot: '%s' must be a leaf (a number given a "
                     "name), not computed by %s", range->text,
                     value_op_info((OpKind)x->op)->name);
        return 1;
    }
    double lo, hi;
    if (range_bound(in, range->kids[0], &lo) || range_bound(in, range->kids[1], &hi))
        return 1;
    if (!(lo < hi)) {
        interp_error(in, range, "plot: the range must run from low to high");
        return 1;
    }
    Value *e = graph_argument(in, s->kids[0]);
    if (!e)
        return 1;
    value_retain(x);
    interp_refresh_style(in);
    ViewResult r = view_plot(stdout, e, x, lo, hi, &in->style);
    value_release(x);
    value_release(e);
    return view_failed(in, s, r);
}

/* ---- session ------------------------------------------------------------------ */

static int cmd_print(Interp *in, const Ast *s)
{
    /* Build the line first so that an error prints nothing of it. */
    size_t cap = 128, len = 0;
    char *line = mem_malloc(cap);
    for (size_t i = 0; i < s->nkids; i++) {
        const Ast *arg = s->kids[i];
        char number[40];
        const char *text;
        size_t n;
        if (arg->kind == AST_STRING) {
            text = arg->text;
            n = arg->text_len;
        } else {
            Value *v = graph_argument(in, arg);
            if (!v) {
                free(line);
                return 1;
            }
            text = view_format_number(number, sizeof number, v->data,
                                      in->style.digits);
            n = strlen(text);
            value_release(v);
        }
        while (len + n + 2 > cap)
            line = mem_realloc(line, cap *= 2);
        if (i > 0)
            line[len++] = ' ';
        memcpy(line + len, text, n);
        len += n;
    }
    line[len++] = '\n';
    fwrite(line, 1, len, stdout);
    free(line);
    return 0;
}

static int cmd_vars(Interp *in, const Ast *s)
{
    (void)s;
    size_t count;
    EnvEntry **list = env_sorted(&in->env, &count);
    for (size_t i = 0; i < count; i++)
        interp_show_binding(in, list[i]->name, list[i]->value);
    if (count == 0)
        printf("(no variables)\n");
    free(list);
    return 0;
}

static int cmd_del(Interp *in, const Ast *s)
{
    for (size_t i = 0; i < s->nkids; i++) {
        const char *name = word_of(s->kids[i]);
        if (!name || s->kids[i]->kind != AST_NAME) {
            interp_error(in, s->kids[i], "del takes names, as in del a, b");
            return 1;
        }
        if (!env_delete(&in->env, name)) {
            interp_error(in, s->kids[i], "del: '%s' is not bound", name);
            return 1;
        }
    }
    return 0;
}

static int cmd_load(Interp *in, const Ast *s)
{
    const Ast *arg = s->kids[0];
    if (arg->kind != AST_STRING) {
        interp_error(in, arg, "load takes a file name in quotes, as in "
                     "load \"file.mg\"");
        return 1;
    }
    if (strlen(arg->text) != arg->text_len) {
        interp_error(in, arg, "load: the file name contains a NUL byte");
        return 1;
    }
    return interp_load_file(in, arg, arg->text);
}

static int on_off(Interp *in, const Ast *arg, int *out)
{
    const char *w = word_of(arg);
    if (w && strcmp(w, "on") == 0)
        *out = 1;
    else if (w && strcmp(w, "off") == 0)
        *out = 0;
    else {
        interp_error(in, arg, "expected on or off");
        return 1;
    }
    return 0;
}

static int cmd_set(Interp *in, const Ast *s)
{
    const char *what = word_of(s->kids[0]);
    if (s->nkids == 2 && what && strcmp(what, "digits") == 0) {
        long digits;
        if (whole_number(in, s->kids[1], "digits", 1, 17, &digits))
            return 1;
        in->style.digits = (int)digits;
        return 0;
    }
    if (s->nkids == 2 && what && strcmp(what, "ascii") == 0)
        return on_off(in, s->kids[1], &in->style.ascii);
    if (s->nkids == 2 && what && strcmp(what, "color") == 0) {
        int on;
        if (on_off(in, s->kids[1], &on))
            return 1;
        in->color_setting = on;
        interp_refresh_style(in);
        return 0;
    }
    if (s->nkids == 1 && what && (strcmp(what, "digits") == 0 ||
                                  strcmp(what, "ascii") == 0 ||
                                  strcmp(what, "color") == 0)) {
        /* `set digits` alone shows the setting. */
        if (strcmp(what, "digits") == 0)
            printf("digits %d\n", in->style.digits);
        else if (strcmp(what, "ascii") == 0)
            printf("ascii %s\n", in->style.ascii ? "on" : "off");
        else
            printf("color %s\n", in->style.color ? "on" : "off");
        return 0;
    }
    interp_error(in, s->kids[0], "set takes digits N (1 to 17), ascii on|off or "
                 "color on|off");
    return 1;
}

static int cmd_quit(Interp *in, const Ast *s)
{
    (void)s;
    in->quit = 1;
    return 0;
}


/* ---- the table -------------------------------------------------------------------- */

const Command interp_commands[] = {
    {"backward", 1, 1, cmd_backward, "backward L   or   L.backward()",
     "Back-propagates from L: clears the gradients in L's graph, sets dL/dL = 1\n"
     "and applies the chain rule from L down to the leaves, adding up the\n"
     "contributions of a node used more than once. Shows dL/dx for each named\n"
     "node of the graph (silence it with ;)."},
    {"zero", 0, 1, cmd_zero, "zero [L]",
     "Sets the gradients in L's graph to 0; with no argument, every gradient."},
    {"tree", 1, 2, cmd_tree, "tree L [depth]",
     "Draws L's graph as an indented tree, root first, operands in order: each\n"
     "row shows a node's name (or source text), data, grad and operation. A\n"
     "node reached again is drawn once and then referred to as \"(see above)\";\n"
     "deep branches continue in numbered sections [1]. depth limits how far\n"
     "below L it goes (marked where operands are cut)."},
    {"polytree", 1, 1, cmd_polytree, "polytree L",
     "Draws L's graph top-down: L on top, each node's operands side by side\n"
     "below it, joined by a line carrying the operation; each node shows\n"
     "\"name = data\" over \"grad g\". A shared node is drawn once and referred\n"
     "to where it recurs. Too wide for the screen: it says so and suggests tree."},
    {"dot", 1, 2, cmd_dot, "dot L [\"file\"]",
     "Graphviz DOT of L's graph: a record { name | data | grad } per value and\n"
     "a small node per operation. A file name ending .dot (or .gv) gets the DOT\n"
     "text; .svg, .png or .pdf is rendered by Graphviz's dot program\n"
     "(apt-get install graphviz)."},
    {"explain", 1, 2, cmd_explain, "explain L [max_lines]",
     "Back-propagation step by step, in backward's order: for each operand of\n"
     "each node the chain-rule product that adds to its gradient, as in\n"
     "  dL/da += dL/d(a*b) * d(a*b)/da = 1 * -3 = -3\n"
     "with a running total where a node receives from several parents. Leaves\n"
     "the gradients backward L leaves; max_lines cuts a long explanation short."},
    {"check", 1, 1, cmd_check, "check L",
     "Gradient check: for each named leaf of L's graph, the gradient backward\n"
     "finds beside a central finite difference (L(x+h) - L(x-h))/2h, their\n"
     "relative error and a verdict: ok, FAIL, kink (relu or abs at 0), or\n"
     "undefined nearby. Data and gradients are left as they were."},
    {"plot", 2, 2, cmd_plot, "plot e, x = lo..hi",
     "Plots e as the leaf x runs from lo to hi, one sample per column, with\n"
     "de/dx (found by backward at each point, not by differences) beside it on\n"
     "the same axes. Points where e is undefined are left blank. x and the\n"
     "graph get their old data and gradients back. e must be defined at x's\n"
     "present value, since it is built there first."},
    {"print", 0, 1000000, cmd_print, "print e, \"text\", ...",
     "Prints the data of each value and each string on one line, separated by\n"
     "spaces."},
    {"vars", 0, 0, cmd_vars, "vars",
     "Lists the bound names with their data and gradients, oldest first."},
    {"del", 1, 1000000, cmd_del, "del name [, name ...]",
     "Unbinds names; nodes nothing refers to any more are freed."},
    {"load", 1, 1, cmd_load, "load \"file.mg\"",
     "Runs a script in this session. A relative name is looked up next to the\n"
     "script that loads it (in the REPL: the current directory)."},
    {"set", 1, 2, cmd_set, "set digits N | set ascii on|off | set color on|off",
     "digits: significant digits of printed numbers (1 to 17; default 6, 17\n"
     "round-trips). ascii: draw pictures with ASCII instead of box drawing.\n"
     "color: colour on or off. `set digits` alone shows the setting."},
    {"help", 0, 1, interp_help, "help [topic]",
     "help alone lists the topics; help NAME explains a command, a function or\n"
     "one of: syntax, operators, functions, values."},
    {"quit", 0, 0, cmd_quit, "quit", "Leaves mgrad (so does Ctrl-D)."},
    {"exit", 0, 0, cmd_quit, "exit", "Leaves mgrad (so does Ctrl-D)."},
    {NULL, 0, 0, NULL, NULL, NULL}
};

const Command *interp_command(const char *name)
{
    for (const Command *c = interp_commands; c->name; c++)
        if (strcmp(c->name, name) == 0)
            return c;
    return NULL;
}
