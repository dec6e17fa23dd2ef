/*
 * interp/micrograd.c — what the lecture reads of micrograd's objects, and
 * the modules import makes: a node's _prev, _op and _backward(), a
 * model's layers, neurons, w, b and nonlin, and a module's members (the
 * rows are the library's: lib/modules.c). Each is a row of its kind's
 * attributes or methods (interp/kinds.c); the engine does the work
 * (value_backward_node, model_part).
 */
#include "interp/micrograd.h"

#include <string.h>

#include "util/mem.h"
#include "view/view.h"

/* ---- modules ------------------------------------------------------------------ */

const InterpModule *interp_module(const Interp *in, const char *name,
                                  size_t length)
{
    for (const InterpModule *m = in->library->modules; m && m->name; m++)
        if (strlen(m->name) == length && memcmp(m->name, name, length) == 0)
            return m;
    return NULL;
}

int interp_import(Interp *in, const char *path, int top, Datum *out)
{
    size_t length = strlen(path);
    const char *dot = strchr(path, '.');
    size_t first = dot ? (size_t)(dot - path) : length;
    const InterpModule *m = interp_module(in, path, length);
    const InterpModule *package = interp_module(in, path, first);
    if (!m && package && package->members) {
        interp_error(in, "no module '%s': mgrad's %s has %s", path,
                     package->name, package == interp_module(in, "micrograd", 9)
                         ? "micrograd.engine and micrograd.nn"
                         : "no modules inside it");
        return 1;
    }
    if (!m || !m->members) {
        const InterpModule *refused = m ? m : package;
        if (refused)
            interp_error(in, "mgrad has no module '%s': %s", path,
                         refused->instead);
        else
            interp_error(in, "mgrad has no module '%s': it imports math, "
                         "random and micrograd (its engine and nn)", path);
        return 1;
    }
    out->kind = DATUM_MODULE;
    out->aux = 0;
    out->as.module = top ? package : m;
    return 0;
}

int interp_module_member(Interp *in, const InterpModule *module,
                         const char *name, Datum *d)
{
    const InterpMember *member = module->members;
    while (member->name && strcmp(member->name, name) != 0)
        member++;
    if (!member->name) {
        char list[256];
        size_t used = 0;
        list[0] = '\0';
        for (const InterpMember *k = module->members; k->name; k++)
            if (used < sizeof list)
                used += (size_t)snprintf(list + used, sizeof list - used,
                                         "%s%s", k == module->members
                                         ? "" : ", ", k->name);
        interp_error(in, "module '%s' has no '%s' in mgrad (it has %s)",
                     module->name, name, list);
        return 1;
    }
    if (member->is_module) {
        d->kind = DATUM_MODULE;
        d->aux = 0;
        d->as.module = interp_module(in, member->builtin,
                                     strlen(member->builtin));
    } else if (member->builtin) {
        uint32_t row = names_find(&in->names, member->builtin,
                                  strlen(member->builtin));
        if (row >= in->builtin_count) {
            interp_error(in, "internal error: %s.%s names no built-in",
                         module->name, name);
            return 1;
        }
        *d = in->builtin_values[row];
    } else if (member->function) {
        d->kind = DATUM_BUILTIN;
        d->aux = 0;
        d->as.builtin = member->function;
    } else {
        *d = datum_number(member->number);
    }
    return 0;
}

int interp_module_get(Interp *in, Datum *d, const char *name)
{
    return interp_module_member(in, d->as.module, name, d);
}

void interp_print_module(FILE *out, const Datum *d, int digits, int quote)
{
    (void)digits;
    (void)quote;
    fprintf(out, "<module '%s'>", d->as.module->name);
}

/* ---- a node's insides -------------------------------------------------------------- */

static int node_of(Interp *in, const Datum *d, const char *what, Value **v)
{
    if (d->kind != DATUM_NODE) {
        interp_error(in, "%s has no %s: only a value (a node of the graph) "
                     "has", datum_kind_name((DatumKind)d->kind), what);
        return 1;
    }
    *v = d->as.node;
    return 0;
}

int interp_node_prev(Interp *in, Datum *d)
{
    Value *v;
    if (node_of(in, d, "._prev", &v))
        return 1;
    List *l = datum_list_new(2);
    /* a^k: k is no node of micrograd's graph */
    int n = v->op == OP_LEAF ? 0 : v->op == OP_POWC ? 1
            : value_op_info((OpKind)v->op)->arity;
    for (int k = 0; k < n; k++)
        datum_list_push(l, datum_node(value_retain(v->child[k])));
    datum_release(d);
    *d = datum_object(&l->header);
    return 0;
}

int interp_node_op(Interp *in, Datum *d)
{
    Value *v;
    if (node_of(in, d, "._op", &v))
        return 1;
    char text[48];
    const char *symbol = value_op_info((OpKind)v->op)->micrograd;
    if (v->op == OP_POWC) {
        char k[32];
        snprintf(text, sizeof text, "**%s",
                 view_format_number(k, sizeof k, v->child[1]->data, 17));
        symbol = text;
    }
    String *s = datum_string_new(symbol, strlen(symbol));
    datum_release(d);
    *d = datum_object(&s->header);
    return 0;
}

int interp_node_backward(Interp *in, Datum *args, uint32_t n, Datum *out)
{
    Value *v;
    if (node_of(in, &args[0], "._backward()", &v))
        return 1;
    if (n != 1) {
        interp_error(in, "v._backward() takes no arguments");
        return 1;
    }
    value_backward_node(v);
    *out = datum_none();
    return 0;
}

/* ---- a model's parts ----------------------------------------------------------------- */

static int model_of(Interp *in, const Datum *d, const char *what,
                    ModelKind kind, const Model **m)
{
    static const char *const names[] = {"a Neuron", "a Layer", "an MLP"};
    if (d->kind != DATUM_MODEL || datum_model(d)->kind != kind) {
        interp_error(in, ".%s is %s's, not %s's", what, names[kind],
                     d->kind == DATUM_MODEL
                         ? names[datum_model(d)->kind]
                         : datum_kind_name((DatumKind)d->kind));
        return 1;
    }
    *m = datum_model(d);
    return 0;
}

static void replace(Datum *d, Datum with)
{
    datum_release(d);
    *d = with;
}

int interp_model_layers(Interp *in, Datum *d)
{
    const Model *m;
    if (model_of(in, d, "layers", MODEL_MLP, &m))
        return 1;
    List *l = datum_list_new(m->layers);
    for (uint32_t k = 0; k < m->layers; k++)
        datum_list_push(l, datum_model_new(model_part(m, k,
                                                      MODEL_WHOLE_LAYER)));
    replace(d, datum_object(&l->header));
    return 0;
}

int interp_model_neurons(Interp *in, Datum *d)
{
    const Model *m;
    if (model_of(in, d, "neurons", MODEL_LAYER, &m))
        return 1;
    List *l = datum_list_new(m->sizes[1]);
    for (uint32_t k = 0; k < m->sizes[1]; k++)
        datum_list_push(l, datum_model_new(model_part(m, 0, k)));
    replace(d, datum_object(&l->header));
    return 0;
}

int interp_model_w(Interp *in, Datum *d)
{
    const Model *m;
    if (model_of(in, d, "w", MODEL_NEURON, &m))
        return 1;
    List *l = datum_list_new(m->sizes[0]);
    for (uint32_t k = 0; k < m->sizes[0]; k++)
        datum_list_push(l, datum_node(value_retain(m->params[k])));
    replace(d, datum_object(&l->header));
    return 0;
}

int interp_model_b(Interp *in, Datum *d)
{
    const Model *m;
    if (model_of(in, d, "b", MODEL_NEURON, &m))
        return 1;
    replace(d, datum_node(value_retain(m->params[m->sizes[0]])));
    return 0;
}

int interp_model_nonlin(Interp *in, Datum *d)
{
    const Model *m;
    if (model_of(in, d, "nonlin", MODEL_NEURON, &m))
        return 1;
    replace(d, datum_number(m->act != ACT_LINEAR));
    return 0;
}
