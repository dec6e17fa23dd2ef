/*
 * engine/nn.c — micrograd's nn in C: Neuron, Layer, MLP.
 *
 * A neuron computes act(b + w0*x0 + w1*x1 + ...), summing in that order
 * as micrograd's sum((wi*xi for ...), self.b) does; a number among the
 * inputs becomes one constant leaf per call. The activation is tanh (the
 * lecture's neuron), relu (micrograd's nn.py: every layer but an MLP's
 * last) or none.
 */
#include "engine/nn.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine/random.h"
#include "util/mem.h"

/* Whether layer l of m applies its activation. */
static Activation layer_activation(const Model *m, uint32_t l)
{
    if (m->act == ACT_RELU && m->kind == MODEL_MLP && l + 1 == m->layers)
        return ACT_LINEAR;
    return m->act;
}

Model *model_new(ModelKind kind, Activation act, uint32_t layers,
                 const uint32_t *sizes, ModelLabelFn labels, void *ctx)
{
    Model *m = mem_calloc(1, sizeof *m);
    m->kind = kind;
    m->act = act;
    m->layers = layers;
    m->sizes = mem_malloc((layers + 1) * sizeof *m->sizes);
    memcpy(m->sizes, sizes, (layers + 1) * sizeof *m->sizes);
    size_t count = 0;
    for (uint32_t l = 0; l < layers; l++)
        count += (size_t)sizes[l + 1] * (sizes[l] + 1);
    m->params = mem_malloc((count ? count : 1) * sizeof *m->params);
    m->param_count = (uint32_t)count;
    size_t k = 0;
    char text[64];
    for (uint32_t l = 0; l < layers; l++) {
        for (uint32_t n = 0; n < sizes[l + 1]; n++) {
            for (uint32_t i = 0; i <= sizes[l]; i++) {
                if ((k & 65535) == 65535 && value_interrupt_pending()) {
                    m->param_count = (uint32_t)k;
                    model_free(m);
                    return NULL;
                }
                int bias = i == sizes[l];
                Value *p = value_leaf(bias ? 0.0 : random_uniform(-1.0, 1.0));
                char part[24];
                if (bias)
                    snprintf(part, sizeof part, "b");
                else
                    snprintf(part, sizeof part, "w%u", i);
                if (kind == MODEL_MLP)
                    snprintf(text, sizeof text, "L%u.N%u.%s", l, n, part);
                else if (kind == MODEL_LAYER)
                    snprintf(text, sizeof text, "N%u.%s", n, part);
                else
                    snprintf(text, sizeof text, "%s", part);
                value_set_label(p, labels(ctx, text), 0, VALUE_PARAM);
                m->params[k++] = p;
            }
        }
    }
    return m;
}

Model *model_part(const Model *m, uint32_t layer, uint32_t neuron)
{
    uint32_t nin = m->sizes[layer], nout = m->sizes[layer + 1];
    size_t at = 0;
    for (uint32_t l = 0; l < layer; l++)
        at += (size_t)m->sizes[l + 1] * (m->sizes[l] + 1);
    Model *part = mem_calloc(1, sizeof *part);
    part->kind = neuron == MODEL_WHOLE_LAYER ? MODEL_LAYER : MODEL_NEURON;
    part->act = layer_activation(m, layer);
    part->layers = 1;
    part->sizes = mem_malloc(2 * sizeof *part->sizes);
    part->sizes[0] = nin;
    part->sizes[1] = neuron == MODEL_WHOLE_LAYER ? nout : 1;
    if (neuron != MODEL_WHOLE_LAYER)
        at += (size_t)neuron * (nin + 1);
    part->param_count = part->sizes[1] * (nin + 1);
    part->params = mem_malloc(part->param_count * sizeof *part->params);
    for (uint32_t k = 0; k < part->param_count; k++)
        part->params[k] = value_retain(m->params[at + k]);
    return part;
}

void model_free(Model *m)
{
    for (uint32_t k = 0; k < m->param_count; k++)
        value_release(m->params[k]);
    free(m->params);
    free(m->sizes);
    free(m);
}

/* a op b, taking over the caller's references; never fails for the
 * operations used here. */
static Value *make(OpKind op, Value *a, Value *b)
{
    return value_apply_taking(op, a, b, NULL);
}

static Value *activate(Activation act, Value *v)
{
    if (act == ACT_TANH)
        return make(OP_TANH, v, NULL);
    if (act == ACT_RELU)
        return make(OP_RELU, v, NULL);
    return v;
}

void model_apply(const Model *m, Value *const *inputs, Value **outputs)
{
    uint32_t width = m->sizes[0];
    Value **x = mem_malloc(width * sizeof *x);
    for (uint32_t i = 0; i < width; i++)
        x[i] = value_retain(inputs[i]);
    Value *const *p = m->params;
    for (uint32_t l = 0; l < m->layers; l++) {
        uint32_t nin = m->sizes[l], nout = m->sizes[l + 1];
        Activation act = layer_activation(m, l);
        Value **y = mem_malloc(nout * sizeof *y);
        for (uint32_t n = 0; n < nout; n++) {
            Value *const *w = p;
            Value *sum = value_retain(w[nin]);   /* the bias */
            for (uint32_t i = 0; i < nin; i++)
                sum = make(OP_ADD, sum,
                           make(OP_MUL, value_retain(w[i]),
                                value_retain(x[i])));
            y[n] = activate(act, sum);
            p += nin + 1;
        }
        for (uint32_t i = 0; i < nin; i++)
            value_release(x[i]);
        free(x);
        x = y;
        width = nout;
    }
    memcpy(outputs, x, width * sizeof *outputs);
    free(x);
}

size_t model_scratch_size(const Model *m)
{
    size_t most = 0;
    for (uint32_t l = 0; l <= m->layers; l++)
        if (m->sizes[l] > most)
            most = m->sizes[l];
    return 2 * most;
}

void model_evaluate(const Model *m, const double *inputs, double *outputs,
                    double *scratch)
{
    size_t half = model_scratch_size(m) / 2;
    double *x = scratch, *y = scratch + half;
    memcpy(x, inputs, m->sizes[0] * sizeof *x);
    Value *const *p = m->params;
    for (uint32_t l = 0; l < m->layers; l++) {
        uint32_t nin = m->sizes[l], nout = m->sizes[l + 1];
        Activation act = layer_activation(m, l);
        for (uint32_t n = 0; n < nout; n++) {
            double sum = p[nin]->data;
            for (uint32_t i = 0; i < nin; i++)
                sum += p[i]->data * x[i];
            y[n] = act == ACT_TANH ? tanh(sum)
                   : act == ACT_RELU ? (sum > 0 ? sum : 0) : sum;
            p += nin + 1;
        }
        double *t = x;
        x = y;
        y = t;
    }
    memcpy(outputs, x, m->sizes[m->layers] * sizeof *outputs);
}

static const char *neuron_name(Activation act)
{
    return act == ACT_TANH ? "TanhNeuron" : act == ACT_RELU ? "ReLUNeuron"
                                                           : "LinearNeuron";
}

static void print_layer(FILE *out, const Model *m, uint32_t l)
{
    Activation act = layer_activation(m, l);
    fputs("Layer of [", out);
    for (uint32_t n = 0; n < m->sizes[l + 1]; n++)
        fprintf(out, "%s%s(%u)", n ? ", " : "", neuron_name(act), m->sizes[l]);
    fputc(']', out);
}

void model_print(FILE *out, const Model *m)
{
    if (m->kind == MODEL_NEURON) {
        fprintf(out, "%s(%u)", neuron_name(m->act), m->sizes[0]);
    } else if (m->kind == MODEL_LAYER) {
        print_layer(out, m, 0);
    } else {
        fputs("MLP of [", out);
        for (uint32_t l = 0; l < m->layers; l++) {
            if (l)
                fputs(", ", out);
            print_layer(out, m, l);
        }
        fputc(']', out);
    }
}

const char *model_kind_name(const Model *m)
{
    return m->kind == MODEL_NEURON ? "neuron"
           : m->kind == MODEL_LAYER ? "layer" : "mlp";
}
