/*
 * interp/micrograd.h — micrograd's insides as the lecture reads them (a
 * node's _prev, _op, _backward(); a model's layers, neurons, w, b,
 * nonlin) and the modules import makes (interp/micrograd.c). The
 * attribute functions replace *d, the object, with the attribute's value;
 * each reports its own error and returns 1 after one.
 */
#ifndef MGRAD_INTERP_MICROGRAD_H
#define MGRAD_INTERP_MICROGRAD_H

#include <stdio.h>
#include "interp/state.h"

/* import path: *out the module (top: the package a dotted path starts
 * with, which `import a.b` binds); 1 after an error that says what mgrad
 * offers instead of a module it does not have. */
int interp_import(Interp *in, const char *path, int top, Datum *out);
/* A module's row of the kinds' table: its member name, its printing. */
int interp_module_get(Interp *in, Datum *d, const char *name);
void interp_print_module(FILE *out, const Datum *d, int digits, int quote);

int interp_node_prev(Interp *in, Datum *d);
int interp_node_op(Interp *in, Datum *d);
/* v._backward(): args[0] is v. */
int interp_node_backward(Interp *in, Datum *args, uint32_t n, Datum *out);

int interp_model_layers(Interp *in, Datum *d);
int interp_model_neurons(Interp *in, Datum *d);
int interp_model_w(Interp *in, Datum *d);
int interp_model_b(Interp *in, Datum *d);
int interp_model_nonlin(Interp *in, Datum *d);

#endif
