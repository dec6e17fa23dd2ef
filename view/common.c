/*
 * view/common.c — pieces every view uses: how one node reads as text,
 * text cut to a width, colour, the interrupt poll, and a map from nodes to
 * numbers.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "../util/mem.h"

static volatile sig_atomic_t *interrupt_flag;

void view_set_interrupt_flag(volatile sig_atomic_t *flag)
{
    interrupt_flag = flag;
}

int view_interrupted(void)
{
    return interrupt_flag && *interrupt_flag;
}

size_t view_text_width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

void view_put_cut(FILE *out, const char *s, size_t width)
{
    size_t w = 0;
    for (const char *p = s; *p; p++) {
        if (((unsigned char)*p & 0xC0) != 0x80 && w++ == width)
            break;
        fputc(*p, out);
    }
}

static const char *const color_codes[] = {
    [VIEW_COLOR_NAME] = "\033[1m",
    [VIEW_COLOR_GRAD] = "\033[33m",
    [VIEW_COLOR_OP] = "\033[36m",
    [VIEW_COLOR_NOTE] = "\033[2m",
    [VIEW_COLOR_CURVE] = "\033[1;36m",
    [VIEW_COLOR_SLOPE] = "\033[33m",
    [VIEW_COLOR_ABOVE] = "\033[44m",
    [VIEW_COLOR_BELOW] = "\033[41m",
    [VIEW_COLOR_POINT_ABOVE] = "\033[1;97;44m",
    [VIEW_COLOR_POINT_BELOW] = "\033[1;97;41m",
};

void view_color(FILE *out, const ViewStyle *style, enum ViewColor color)
{
    if (style->color && color != VIEW_COLOR_NONE)
        fputs(color_codes[color], out);
}

void view_color_end(FILE *out, const ViewStyle *style)
{
    if (style->color)
        fputs("\033[0m", out);
}

const char *view_op_symbol(const Value *v)
{
    if (v->op == OP_LEAF)
        return "";
    return value_op_info((OpKind)v->op)->symbol;
}

void view_node_text(ViewNodeText *t, const Value *v, const ViewStyle *style)
{
    char num[VIEW_NUM_MAX];
    view_format_number(num, sizeof num, v->data, style->digits);
    if (v->label && v->label[0]) {
        char name[VIEW_NAME_MAX];
        view_node_name(name, sizeof name, v, style->digits);
        snprintf(t->head, sizeof t->head, "%s = %s", name, num);
    } else {
        snprintf(t->head, sizeof t->head, "%s", num);
    }
    view_format_number(num, sizeof num, v->grad, style->digits);
    snprintf(t->grad, sizeof t->grad, "grad %s", num);
    t->op = view_op_symbol(v);
}

static size_t hash_pointer(const Value *v)
{
    uintptr_t x = (uintptr_t)v;
    x ^= x >> 17;
    x *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(x ^ (x >> 29));
}

static void map_grow(ViewMap *m)
{
    ViewMap bigger = {0};
    bigger.capacity = m->capacity ? 2 * m->capacity : 64;
    bigger.keys = mem_calloc(bigger.capacity, sizeof *bigger.keys);
    bigger.values = mem_malloc(bigger.capacity * sizeof *bigger.values);
    for (size_t i = 0; i < m->capacity; i++)
        if (m->keys[i])
            view_map_put(&bigger, m->keys[i], m->values[i]);
    free(m->keys);
    free(m->values);
    *m = bigger;
}

void view_map_put(ViewMap *m, const Value *key, size_t value)
{
    if (2 * (m->count + 1) > m->capacity)
        map_grow(m);
    size_t i = hash_pointer(key) & (m->capacity - 1);
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & (m->capacity - 1);
    if (!m->keys[i])
        m->count++;
    m->keys[i] = key;
    m->values[i] = value;
}

size_t view_map_get(const ViewMap *m, const Value *key)
{
    if (!m->capacity)
        return 0;
    size_t i = hash_pointer(key) & (m->capacity - 1);
    while (m->keys[i]) {
        if (m->keys[i] == key)
            return m->values[i];
        i = (i + 1) & (m->capacity - 1);
    }
    return 0;
}

void view_map_free(ViewMap *m)
{
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}
