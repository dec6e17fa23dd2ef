/*
 * compile/uses.h — what a whole program does with a global name: whether
 * anything in it can look at the graph the name holds once `backward name;`
 * has run, so that the graph may go as backward passes through it.
 */
#ifndef MGRAD_COMPILE_USES_H
#define MGRAD_COMPILE_USES_H

#include <stddef.h>
#include <stdint.h>

#include "compile/program.h"

/* The rows of the command table (INS_COMMAND's aux) that the answer
 * depends on: backward and del, and the commands that read every binding
 * or run other code (vars, load), `opaque`. */
typedef struct UsesRoles {
    uint16_t backward, del;
    const uint16_t *opaque;
    size_t opaque_count;
} UsesRoles;

/*
 * 1 when, in the whole of p (its top level and every function), global
 * `name` is only
 *   - bound (name = ..., for name in ...) or unbound (del name);
 *   - read as name.data or name.grad;
 *   - differentiated, `backward name`, in the top-level code, where no
 *     backward of name can run after a silent one (`backward name;`)
 *     without a binding or a del of name in between, whatever way the
 *     loops and branches go;
 * and no opaque command appears. Then after `backward name;` the data and
 * the gradient of name's node are all that can be read of it until it is
 * bound again: no view, no other backward, no expression sees its graph.
 * Anything else (a call of name, name in an expression, a keyword named
 * name, ...) gives 0.
 */
int uses_graph_unobserved(const Program *p, uint32_t name,
                          const UsesRoles *roles);

#endif
