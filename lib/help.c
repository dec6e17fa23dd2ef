/*
 * lib/help.c — the help command: an overview, a page per command (from
 * the command table), per function (its help text is a column of the
 * engine's operation table, as is the list of functions; the built-in
 * functions' from their table), per reserved word, and a few topics.
 * Everything goes to the machine's output stream.
 */
#include "lib/internal.h"
#include "interp/kinds.h"

#include <string.h>

typedef struct Topic {
    const char *name;
    const char *text;
    void (*write)(FILE *out);   /* a page made from the tables instead */
} Topic;

static void functions_topic(FILE *out);
static int put_word(FILE *out, const char *word, int column);

/* The topics, one row each: help NAME shows one, the overview lists them. */
static const Topic topics[] = {
    {"syntax",
     "Statements end at a newline or ;. A statement followed by ; prints\n"
     "nothing (x = 2; is silent, x = 2 shows x = 2).\n"
     "  name = expr          bind a name (also += -= *= /=)\n"
     "  x.data = expr        set a leaf's data in place (also -= etc.)\n"
     "  x.grad = expr        set a gradient by hand\n"
     "  expr                 show a value\n"
     "  command args         backward L, tree L, print a, \"text\", ...\n"
     "Numbers: 2 -3 0.5 .5 1e-3. Strings: \"...\" with \\\" \\\\ \\n \\t.\n"
     "Comments: # to the end of the line. A newline inside ( ) or [ ]\n"
     "continues the statement.", NULL},
    {"operators",
     "Lowest to highest precedence:\n"
     "  or   and   not          logic (plain numbers 1 or 0, no gradient)\n"
     "  < <= > >= == !=         comparison (plain numbers)\n"
     "  a + b   a - b           left-associative\n"
     "  a * b   a / b           left-associative\n"
     "  -a   +a                 prefix\n"
     "  a ^ b   a ** b          power, right-associative; -a^2 is -(a^2);\n"
     "                          the exponent may carry a sign: a ^ -1\n"
     "  f(x)  x.f()  x.data  x.grad  ( e )\n"
     "a ^ k with a constant k differentiates as k*a^(k-1); with a value\n"
     "exponent b, d/db a^b = a^b ln a as well.", NULL},
    {"functions", NULL, functions_topic},
    {"values",
     "Every expression makes Value nodes: data, grad, children, operation and\n"
     "a label. A literal is a constant leaf; an expression of literals alone\n"
     "folds into one leaf. name = expr labels the node with the name unless it\n"
     "has one. Rebinding a name makes a new node; graphs built earlier keep the\n"
     "old one. Views tell apart the nodes one name meant, oldest plain: a, a#1,\n"
     "a#2 (subscripts in UTF-8); vars adds [a#2] to a binding whose node is one\n"
     "of several so called in its graph. x.data and x.grad are plain numbers:\n"
     "no gradient flows through them. A value shows as name = data, and\n"
     "name = data  (grad g) once its gradient is not zero.", NULL},
    {"programs",
     "Lists: [1, 2, 3], xs[0] (xs[-1] from the end), xs[i] = e, len(xs),\n"
     "sum(xs), range(n), zip(xs, ys), xs + ys, [e for x in xs if c]; shared\n"
     "as Python's (ys = xs is the same list), with xs.append(x), xs.pop() ...\n"
     "Sets: set(), s.add(x), x in s. help functions lists the methods.\n"
     "Blocks: { ... } on one line or many, or Python's ':' and indented lines\n"
     "  (for x in xs:, if c: / elif c: / else:, while c:, def f(x):).\n"
     "  if c { ... } else if c { ... } else { ... }\n"
     "  while c { ... }   for x in xs { ... }   for i, x in pairs { ... }\n"
     "  repeat n { ... }  break  continue\n"
     "  def f(x, y) = e   def f(x, y) { ...; return e }\n"
     "  a, b = 1, 2       x, y = pair\n"
     "At the top level a statement without ; shows its value; inside a block\n"
     "nothing echoes (print and the views still print).\n"
     "Names assigned in a function are its own; others are the globals.\n"
     "help if, help for, ... tell more.", NULL},
    {"names",
     "A name the program binds (=, def, for, a parameter) shadows a built-in\n"
     "function or operation of that name from then on: after def tanh(x) = ...,\n"
     "tanh(2) calls it; del tanh gives the built-in back. Command words (step,\n"
     "dot, tree, print ...) are commands only where a statement begins with one\n"
     "used as a command: step = 0.1 and for step in ... make a name, and\n"
     "step m, 0.1 still steps m. Built-in functions are values: f = tanh,\n"
     "twice(tanh, 1), [tanh, relu][1](-2).", NULL},
    {"python",
     "What mgrad takes from Python and micrograd, so a lecture cell pastes:\n"
     "  blocks by indentation, def, lambda, default and keyword arguments,\n"
     "  True False None, % //, x if c else y, in, is, slices, tuples, f-strings\n"
     "  import math, import random, from micrograd.engine import Value,\n"
     "  from micrograd.nn import Neuron, Layer, MLP, from micrograd import nn,\n"
     "  import ... as ...: math.exp log tanh sqrt sin cos pi e inf;\n"
     "  random.random uniform gauss choice seed (mgrad's own generator)\n"
     "  Value(x, label=\"a\"), x.data x.grad x.label, x.tanh() x.exp() x.relu()\n"
     "  x._prev (children, in operand order), x._op (\"+\", \"*\", \"tanh\", \"**2\",\n"
     "  \"ReLU\", \"\" for a leaf; mgrad's own \"-\", \"/\", \"neg\"), x._backward()\n"
     "  L.backward(), draw_dot(L) (also draw_graph, render_graph), trace(L)\n"
     "  MLP(nin, nouts), Layer(nin, nout), Neuron(nin, nonlin=True); m.layers,\n"
     "  l.neurons, n.w, n.b, n.nonlin, m.parameters(), m.zero_grad(), m(x)\n"
     "What it does not take: class (Value, Neuron, Layer and MLP are built\n"
     "in), numpy (lists and comprehensions), torch (mgrad's gradients equal\n"
     "PyTorch's), matplotlib (plot, curve, regions), graphviz (dot, draw_dot),\n"
     "sklearn (csv(\"examples/moons.csv\")), dicts.\n"
     "Where mgrad differs on purpose: the command backward L clears the\n"
     "gradients first (L.backward() adds, as micrograd's); x.data and x.grad\n"
     "are plain numbers; whole numbers print without .0 (2, not 2.0); tanh is\n"
     "C's tanh, which may differ from the lecture's exp formula in the last\n"
     "digit; MLP is tanh in every layer (the lecture's), not nn.py's ReLU.", NULL},
    {"training",
     "m = mlp(3, [4, 4, 1])            a model (also neuron, layer)\n"
     "ypred = [m(x) for x in xs]       apply it\n"
     "loss = sum((yp - y)**2 for y, yp in zip(ys, ypred))\n"
     "zero m; backward loss; step m, 0.05     one step of gradient descent\n"
     "for p in params(m) { p.data -= 0.05 * p.grad; }   the same, by hand\n"
     "forward loss                     recompute a kept graph in place\n"
     "seed n, rand(), uniform(a, b), randn()   mgrad's own random numbers\n"
     "plot losses                      a loss curve\n"
     "regions m, X, y                  a two-input model's decision regions", NULL},
    {"data",
     "x.data: the number a value holds. Used in an expression it is a plain\n"
     "number (no gradient flows through it). x.data = e and x.data -= e set a\n"
     "leaf's data in place, as micrograd's p.data -= lr * p.grad; forward L\n"
     "then recomputes a kept graph from the new data.", NULL},
    {"grad",
     "x.grad: dL/dx, the gradient back-propagation left in x (0 before any).\n"
     "backward L sets it for every node of L's graph (starting from zero);\n"
     "L.backward() adds to what is there, as micrograd's does; zero L and\n"
     "m.zero_grad() clear it. x.grad = e sets it by hand (x.grad = 1.0 before\n"
     "calling x._backward(), as Karpathy's micrograd lecture video does). It\n"
     "is a plain number.", NULL},
    {"label",
     "x.label: the name views show for x (a string). name = e labels the\n"
     "node with the name unless it has one; x.label = \"e\" and\n"
     "Value(2.0, label=\"a\") set it. Unlabelled inner nodes show their source\n"
     "text (a*b).", NULL},
    {NULL, NULL, NULL}
};

void lib_each_help_topic(void (*fn)(void *ctx, const char *word), void *ctx)
{
    for (const Topic *t = topics; t->name; t++)
        fn(ctx, t->name);
}

/* The reserved words of the language, one page each. */
static const Topic words[] = {
    {"if", "if c { ... }   if c { ... } else { ... }\n"
           "if c { ... } else if d { ... } else { ... }\n"
           "if c: ... elif d: ... else: ...   (indented blocks, as in Python)\n"
           "Runs the first block whose condition is true (not 0). `else` may\n"
           "follow `}` on its line or on the next.", NULL},
    {"else", "if c { ... } else { ... }: see help if.", NULL},
    {"while", "while c { ... }\nRuns the block again and again while c is true "
              "(not 0). break leaves it,\ncontinue goes to the next round; "
              "Ctrl-C stops it, keeping every binding.", NULL},
    {"for", "for x in xs { ... }   for i, x in pairs { ... }\n"
            "Runs the block once for each item of the list xs, with x bound to\n"
            "it as it is (a number stays a number). With two names, each item\n"
            "is a pair: for y, yp in zip(ys, ypred) { ... }.", NULL},
    {"in", "for x in xs { ... } and [e for x in xs]: see help for.", NULL},
    {"repeat", "repeat n { ... }\nRuns the block n times (n a whole number).", NULL},
    {"break", "break\nLeaves the innermost loop at once.", NULL},
    {"continue", "continue\nGoes on with the next round of the innermost loop.", NULL},
    {"def", "def f(x, y) = e\ndef f(x, y) { ...; return e }\n"
            "Defines a function. Its parameters and the names it assigns are its\n"
            "own (local); other names are the globals. Calls nest up to 1000\n"
            "deep; deeper is an error.", NULL},
    {"return", "return e   return\nEnds the function, giving e (or none).", NULL},
    {"import", "import math   import random as r   import micrograd\n"
               "Binds a module: math, random and micrograd (micrograd.engine,\n"
               "micrograd.nn) are mgrad's own; any other is an error that says\n"
               "what mgrad offers instead. See help python.", NULL},
    {"from", "from micrograd.nn import MLP, Layer as L\n"
             "Binds a module's members by name. See help import.", NULL},
    {"as", "import random as r   from math import exp as e: binds another name.",
     NULL},
    {"and", "a and b: 1 when both are true (not 0), else 0; b is not worked out\n"
            "when a is false.", NULL},
    {"or", "a or b: 1 when either is true (not 0), else 0; b is not worked out\n"
           "when a is true.", NULL},
    {"not", "not a: 1 when a is 0, else 0.", NULL},
    {NULL, NULL, NULL}
};

/* The names of the callable functions with this arity, space-separated,
 * in the operation table's order. Returns the columns written. */
static int list_functions(FILE *out, int arity)
{
    int width = 0;
    for (int op = 0; op < OP_COUNT; op++) {
        const OpInfo *info = value_op_info((OpKind)op);
        if (info->callable && info->arity == arity)
            width += fprintf(out, "%s%s", width ? " " : "", info->name);
    }
    return width;
}

/* The functions topic: one-argument functions on a line, then each
 * two-argument one, their remarks aligned. */
static void functions_topic(FILE *out)
{
    int width = list_functions(out, 1);
    fprintf(out, "  (one argument)\n");
    for (int op = 0; op < OP_COUNT; op++) {
        const OpInfo *info = value_op_info((OpKind)op);
        if (info->callable && info->arity == 2) {
            int used = fprintf(out, "%s(a, b)", info->name);
            fprintf(out, "%*s  (two arguments)\n",
                    used < width ? width - used : 0, "");
        }
    }
    fprintf(out, "x.f() is f(x): z.relu(), o.tanh().\n");
    /* the library's functions, then each kind's methods */
    int column = fprintf(out, "Also:");
    for (const Builtin *b = lib_builtins; b->name; b++)
        column = put_word(out, b->name, column);
    for (int kind = 0; kind <= DATUM_ITER; kind++) {
        const Kind *row = kind_of((DatumKind)kind);
        if (!row->methods)
            continue;
        fprintf(out, "\n%s methods:", row->type);
        column = (int)strlen(row->type) + (int)strlen(" methods:");
        for (const KindMethod *m = row->methods; m->name; m++)
            column = put_word(out, m->name, column);
    }
    fprintf(out, "\nhelp NAME tells more.\n");
}

/* A word of a list, on a new indented line when it would pass column 78
 * (help's lines fit an 80-column terminal). Returns the column reached. */
static int put_word(FILE *out, const char *word, int column)
{
    int n = (int)strlen(word);
    if (column + 1 + n > 78) {
        fputs("\n          ", out);
        column = 10;
    }
    fprintf(out, " %s", word);
    return column + 1 + n;
}

static void overview(FILE *out)
{
    fprintf(out, "mgrad: a calculator that back-propagates.\n"
            "Type expressions and assignments: a = 2; b = -3; L = a*b + 10\n"
            "then backward L to see dL/da and dL/db.\n\nCommands:\n");
    /* the command's word and its summary: usage lines are long */
    for (const Command *c = lib_commands; c->name; c++)
        fprintf(out, "  %-10s %s\n", c->name, c->summary);
    fprintf(out, "\nFunctions:");
    int column = (int)strlen("Functions:");
    for (int op = 0; op < OP_COUNT; op++) {
        const OpInfo *info = value_op_info((OpKind)op);
        if (info->callable)
            column = put_word(out, info->name, column);
    }
    for (const Builtin *b = lib_builtins; b->name; b++)
        column = put_word(out, b->name, column);
    /* the labels as wide as "Functions:", so the lists line up */
    fprintf(out, "\nWords:    ");
    column = 10;
    for (const Topic *w = words; w->name; w++)
        column = put_word(out, w->name, column);
    fprintf(out, "\nTopics:   ");
    column = 10;
    for (const Topic *t = topics; t->name; t++)
        column = put_word(out, t->name, column);
    fprintf(out, "\nhelp NAME explains a command, a function, a word or a "
            "topic.\n");
}

int lib_help(Interp *in, const CommandCall *call)
{
    FILE *out = in->out;
    if (call->count == 0) {
        overview(out);
        return 0;
    }
    const Datum *arg = &call->args[0];
    const char *name = arg->kind == DATUM_WORD ? interp_name(in, arg->aux)
                       : arg->kind == DATUM_STRING
                           ? ((const String *)arg->as.object)->text : NULL;
    if (!name) {
        interp_arg_error(in, call, 0, "help takes a topic name, as in help "
                         "backward");
        return 1;
    }
    const Command *c = interp_command(in, name);
    if (c) {
        if (c->run == lib_set)
            lib_set_help(out);
        else
            fprintf(out, "usage: %s\n%s\n", c->usage, c->help);
        return 0;
    }
    for (const Topic *t = topics; t->name; t++)
        if (strcmp(t->name, name) == 0) {
            if (t->write)
                t->write(out);
            else
                fprintf(out, "%s\n", t->text);
            return 0;
        }
    for (const Topic *w = words; w->name; w++)
        if (strcmp(w->name, name) == 0) {
            fprintf(out, "%s\n", w->text);
            return 0;
        }
    const Builtin *b = interp_builtin(in, name);
    if (b) {
        fprintf(out, "usage: %s\n%s\n", b->usage, b->help);
        return 0;
    }
    DatumKind kind;
    const KindMethod *method = kind_find_method(name, &kind);
    if (method) {
        /* a name several kinds have: each one's */
        for (int k = 0; k <= DATUM_ITER; k++) {
            const KindMethod *m = kind_method((DatumKind)k, name);
            if (m)
                fprintf(out, "usage: %s   (%s method)\n%s\n", m->usage,
                        kind_of((DatumKind)k)->type, m->help);
        }
        return 0;
    }
    if (kind_find_attribute(name, &kind)) {
        const KindAttribute *a = kind_attribute(kind, name);
        fprintf(out, "x.%s   (%s attribute)\n%s\n", name,
                kind_of(kind)->type, a->help);
        return 0;
    }
    int op = value_op_by_name(name);
    if (op >= 0 && value_op_info((OpKind)op)->help) {
        const OpInfo *info = value_op_info((OpKind)op);
        if (info->arity == 2)
            fprintf(out, "%s\nAlso a method: a.%s(b).\n", info->help,
                    info->name);
        else
            fprintf(out, "%s\nAlso a method: x.%s().\n", info->help,
                    info->name);
        return 0;
    }
    interp_arg_error(in, call, 0, "no help on '%s'; help alone lists the "
                     "topics", name);
    return 1;
}
