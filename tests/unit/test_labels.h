/*
 * tests/unit/test_labels.h — labels for graphs built by unit tests: a C
 * string the node holds, given back through the engine's label hook, and
 * shown by views as it is. (The interpreter labels nodes with names and
 * spans of program text instead.)
 */
#ifndef MGRAD_TESTS_TEST_LABELS_H
#define MGRAD_TESTS_TEST_LABELS_H

#include <stdlib.h>
#include <string.h>
#include "engine/value.h"
#include "view/view.h"

static inline void test_free_label(const Value *v)
{
    free((void *)v->label);
}

/* Gives v the label text (owned by v from now on; NULL for none). */
static inline void set_text_label(Value *v, char *text, int named)
{
    if (v->flags & VALUE_HELD)
        test_free_label(v);
    value_set_label(v, text, 0,
                    (text ? VALUE_HELD : 0) | (named ? VALUE_NAMED : 0));
}

static inline size_t test_labeller(const Value *v, char *buf, size_t size)
{
    size_t n = strlen(v->label);
    if (size) {
        size_t copy = n < size - 1 ? n : size - 1;
        memcpy(buf, v->label, copy);
        buf[copy] = '\0';
    }
    return n;
}

/* Call first in main(). */
static inline void test_labels_init(void)
{
    value_set_label_hook(test_free_label);
    view_set_labeller(test_labeller);
}

#endif
