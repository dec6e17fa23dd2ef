/*
 * lib/lib.h — mgrad's library: the commands (backward, tree, print, set,
 * help, ...) and the built-in functions (len, sum, range, Value, mlp, csv,
 * ...) that the machine runs, as tables of rows. A host hands it to the
 * interpreter: interp_new(lib_library()).
 */
#ifndef MGRAD_LIB_LIB_H
#define MGRAD_LIB_LIB_H

#include "interp/interp.h"

/* The library as the machine takes it. */
const InterpLibrary *lib_library(void);

/* The help topics' names, for completion after `help `. */
void lib_each_help_topic(void (*fn)(void *ctx, const char *word), void *ctx);

#endif
