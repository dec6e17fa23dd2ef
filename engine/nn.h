/*
 * engine/nn.h — models as in micrograd's nn: a neuron, a layer of
 * neurons, an MLP of layers. A model owns its parameters (leaf nodes,
 * labelled L0.N1.w2 and the like) and applies itself to its inputs by
 * building the same graph micrograd builds, operation for operation, so
 * the numbers agree to the last bit. It works on graph nodes only; the
 * language's model values hold one (interp/datum.h).
 */
#ifndef MGRAD_ENGINE_NN_H
#define MGRAD_ENGINE_NN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "engine/value.h"

typedef enum Activation { ACT_TANH, ACT_RELU, ACT_LINEAR } Activation;
typedef enum ModelKind { MODEL_NEURON, MODEL_LAYER, MODEL_MLP } ModelKind;

typedef struct Model {
    ModelKind kind;
    Activation act;        /* as asked: relu in an mlp leaves its last
                              layer linear, as micrograd's nn.py does */
    uint32_t layers;       /* 1 for a neuron or a layer */
    uint32_t *sizes;       /* layers + 1: the inputs, then each layer's
                              outputs */
    Value **params;        /* micrograd's order: layer by layer, neuron by
                              neuron, weights then bias; one reference each */
    uint32_t param_count;
} Model;

/* A new model; its weights drawn from uniform(-1, 1) by mgrad's generator,
 * biases 0. labels(ctx, text) gives each parameter its label (a string
 * that lives as long as the program). */
typedef const char *(*ModelLabelFn)(void *ctx, const char *text);
/* Returns NULL when the interrupt flag is raised while it is made (a
 * model of millions of parameters takes seconds). */
Model *model_new(ModelKind kind, Activation act, uint32_t layers,
                 const uint32_t *sizes, ModelLabelFn labels, void *ctx);
void model_free(Model *m);

/* Layer `layer` of m, or with neuron below its width that layer's neuron:
 * a model of its own (micrograd's m.layers[i], l.neurons[j]) that holds
 * its own references to the same parameter nodes, so it works as long as
 * it is held, whatever becomes of m. */
#define MODEL_WHOLE_LAYER UINT32_MAX
Model *model_part(const Model *m, uint32_t layer, uint32_t neuron);

/* Applies m to inputs (sizes[0] nodes, borrowed): fills outputs with the
 * last layer's sizes[layers] nodes, a new reference each. */
void model_apply(const Model *m, Value *const *inputs, Value **outputs);

/* The same on plain numbers, building nothing (for pictures). */
void model_evaluate(const Model *m, const double *inputs, double *outputs,
                    double *scratch);
/* Room model_evaluate's scratch needs, in doubles. */
size_t model_scratch_size(const Model *m);

/* micrograd's repr: "MLP of [Layer of [TanhNeuron(2), ...], ...]". */
void model_print(FILE *out, const Model *m);
const char *model_kind_name(const Model *m);

#endif
