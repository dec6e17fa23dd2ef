/*
 * view/common.c — pieces every view uses: what the nodes of a picture are
 * called (the one place that turns labels into names on screen), how one
 * node reads as text, text cut to a width, colour, the interrupt poll, and
 * a map from nodes to numbers.
 */
#include <stdlib.h>
#include <string.h>

#include "view/internal.h"
#include "util/mem.h"

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

/* ---- what the nodes of a picture are called ----------------------------- */

/* Bytes taken by the first n characters of s (len bytes). */
static size_t prefix_bytes(const char *s, size_t len, size_t n)
{
    size_t i = 0;
    for (size_t k = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && k++ == n)
            break;
    return i;
}

/* Where the last n characters of s (len bytes) start. */
static size_t suffix_start(const char *s, size_t len, size_t n)
{
    size_t i = len;
    for (size_t k = 0; i > 0 && k < n;)
        if (((unsigned char)s[--i] & 0xC0) != 0x80)
            k++;
    return i;
}

/* Source text the picture does not show whole. */
static int label_is_long(const Value *v, const char *label, size_t cut)
{
    return label[0] && !(v->flags & VALUE_NAMED) &&
           (strchr(label, '\n') || view_text_width(label) > cut);
}

/* A label's control characters (a user's label may hold an escape
 * sequence) are shown as '?', as the error printer shows them, so none
 * reaches the terminal. */
static const char *printable(char *buf)
{
    for (char *p = buf; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '?';
    return buf;
}

/* What v is called before any number, in buf: its label when it is shown
 * whole, else the shortened text. Long source text comes as "head\ntail"
 * (see VIEW_LABEL_KEEP). */
static const char *base_name(char *buf, size_t size, const Value *v,
                             const ViewStyle *style, size_t cut, int middle)
{
    char text[VIEW_LABEL_MAX];
    const char *label = view_label_text(text, sizeof text, v);
    if (!label[0])
        return view_format_number(buf, size, v->data, style->digits);
    if (!label_is_long(v, label, cut)) {
        snprintf(buf, size, "%s", label);
        return printable(buf);
    }
    const char *split = strchr(label, '\n');
    size_t head = split ? (size_t)(split - label) : strlen(label);
    const char *tail = split ? split + 1 : label;
    const char *dots = style->ascii ? "..." : "\u2026";
    if (!middle) {
        snprintf(buf, size, "%.*s%s", (int)prefix_bytes(label, head, cut),
                 label, dots);
    } else {
        size_t tail_len = strlen(tail);
        snprintf(buf, size, "%.*s%s%s",
                 (int)prefix_bytes(label, head, (cut + 1) / 2), label, dots,
                 tail + suffix_start(tail, tail_len, cut / 2));
    }
    return printable(buf);
}

/* prefix + base + number: "a₁", "da₁"; a base that is not a plain name is
 * parenthesised where anything is attached to it: "(a*b)₁", "d(a*b)". */
static char *compose(char *buf, size_t size, const char *prefix,
                     const char *base, size_t number, int ascii)
{
    char digits[24], sub[3 * sizeof digits] = "";
    if (number) {
        int n = snprintf(digits, sizeof digits, "%zu", number);
        if (ascii) {
            snprintf(sub, sizeof sub, "#%s", digits);
        } else {
            /* subscript digits are U+2080..U+2089 */
            for (int i = 0; i < n; i++) {
                sub[3 * i] = '\xe2';
                sub[3 * i + 1] = '\x82';
                sub[3 * i + 2] = (char)(0x80 + (digits[i] - '0'));
            }
            sub[3 * n] = '\0';
        }
    }
    int bare = view_is_identifier(base) || (!number && !prefix[0]);
    snprintf(buf, size, bare ? "%s%s%s" : "%s(%s)%s", prefix, base, sub);
    return buf;
}

char *view_node_name(char *buf, size_t size, const Value *v, int digits)
{
    ViewStyle plain = {digits, 1, 0, 80, 24, digits};
    char base[VIEW_NAME_MAX];
    snprintf(buf, size, "%s",
             base_name(base, sizeof base, v, &plain, VIEW_LABEL_KEEP, 0));
    return buf;
}

/* prefix and what v is called in the picture: "a₁" or "da₁". */
static char *called(char *buf, size_t size, const ViewNames *names,
                    const Value *v, const char *prefix)
{
    size_t mark = view_map_get(&names->marks, v);
    char base[VIEW_NAME_MAX];
    return compose(buf, size, prefix,
                   base_name(base, sizeof base, v, names->style, names->cut,
                             (int)(mark & 1)),
                   mark >> 1, names->style->ascii);
}

char *view_name(char *buf, size_t size, const ViewNames *names,
                const Value *v)
{
    return called(buf, size, names, v, "");
}

char *view_derivative_name(char *buf, size_t size, const ViewNames *names,
                           const Value *root, const Value *v)
{
    char top[VIEW_NAME_MAX + 32], bottom[VIEW_NAME_MAX + 32];
    called(top, sizeof top, names, root, "d");
    called(bottom, sizeof bottom, names, v, "d");
    snprintf(buf, size, "%s/%s", top, bottom);
    return buf;
}

char *view_partial_name(char *buf, size_t size, const ViewNames *names,
                        const Value *parent, const Value *child)
{
    char top[VIEW_NAME_MAX + 32], bottom[VIEW_NAME_MAX + 32];
    const char *del = names->style->ascii ? "d" : "\u2202";
    called(top, sizeof top, names, parent, del);
    called(bottom, sizeof bottom, names, child, del);
    snprintf(buf, size, "%s/%s", top, bottom);
    return buf;
}

void view_node_text(ViewNodeText *t, const Value *v, const ViewNames *names)
{
    const ViewStyle *style = names->style;
    char num[VIEW_NUM_MAX];
    view_format_number(num, sizeof num, v->data, style->digits);
    if (view_has_label(v)) {
        char name[VIEW_NAME_MAX];
        view_name(name, sizeof name, names, v);
        snprintf(t->head, sizeof t->head, "%s = %s", name, num);
    } else {
        snprintf(t->head, sizeof t->head, "%s", num);
    }
    view_format_number(num, sizeof num, v->grad, style->digits);
    snprintf(t->grad, sizeof t->grad, "grad %s", num);
    t->op = view_op_symbol(v);
}

/* How many nodes show each text, by a 64-bit hash of it: a collision can
 * only make two names look alike here, and they are compared in full
 * before anything is numbered. */
typedef struct TextCounts {
    uint64_t *keys;     /* 0: empty */
    uint32_t *counts;
    size_t used, capacity;
} TextCounts;

static uint64_t hash_text(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
    return h ? h : 1;
}

static uint32_t *text_count(TextCounts *t, uint64_t key)
{
    if (4 * (t->used + 1) > 3 * t->capacity) {
        TextCounts bigger = {0};
        bigger.capacity = t->capacity ? 2 * t->capacity : 256;
        bigger.keys = mem_calloc(bigger.capacity, sizeof *bigger.keys);
        bigger.counts = mem_calloc(bigger.capacity, sizeof *bigger.counts);
        for (size_t i = 0; i < t->capacity; i++)
            if (t->keys[i])
                *text_count(&bigger, t->keys[i]) = t->counts[i];
        free(t->keys);
        free(t->counts);
        *t = bigger;
    }
    size_t i = (size_t)key & (t->capacity - 1);
    while (t->keys[i] && t->keys[i] != key)
        i = (i + 1) & (t->capacity - 1);
    if (!t->keys[i]) {
        t->keys[i] = key;
        t->used++;
    }
    return &t->counts[i];
}

static uint32_t text_count_of(const TextCounts *t, uint64_t key)
{
    size_t i = (size_t)key & (t->capacity - 1);
    while (t->keys[i] && t->keys[i] != key)
        i = (i + 1) & (t->capacity - 1);
    return t->keys[i] ? t->counts[i] : 0;
}

/* A node whose name another node of the picture shares. */
typedef struct Alike {
    const Value *v;
    char *text;    /* what it is called before any number */
    int middle;    /* shortened in the middle */
} Alike;

static int by_text_then_age(const void *a, const void *b)
{
    const Alike *x = a, *y = b;
    int c = strcmp(x->text, y->text);
    if (c)
        return c;
    return (value_id(x->v) > value_id(y->v)) - (value_id(x->v) < value_id(y->v));
}

/* Numbers the nodes of each run of equal names, oldest first, and marks
 * those shortened in the middle. */
static void number_alike(ViewNames *names, Alike *alike, size_t n)
{
    char buf[VIEW_NAME_MAX], one[VIEW_LABEL_MAX], other[VIEW_LABEL_MAX];
    qsort(alike, n, sizeof *alike, by_text_then_age);
    for (size_t i = 0, j; i < n; i = j) {
        int differ = 0;
        for (j = i + 1; j < n && strcmp(alike[j].text, alike[i].text) == 0;
             j++)
            differ |= strcmp(view_label_text(one, sizeof one, alike[j].v),
                             view_label_text(other, sizeof other,
                                             alike[i].v)) != 0;
        if (differ) {
            /* different texts cut alike: try their ends as well */
            for (size_t k = i; k < j; k++) {
                if (!label_is_long(alike[k].v,
                                   view_label_text(one, sizeof one, alike[k].v),
                                   names->cut))
                    continue;
                free(alike[k].text);
                alike[k].text = mem_strdup(base_name(buf, sizeof buf,
                                                     alike[k].v, names->style,
                                                     names->cut, 1));
                alike[k].middle = 1;
            }
            qsort(alike + i, j - i, sizeof *alike, by_text_then_age);
        }
        for (size_t k = i, m; k < j; k = m) {
            for (m = k + 1; m < j && strcmp(alike[m].text, alike[k].text) == 0;
                 m++)
                ;
            for (size_t q = k; q < m; q++) {
                size_t mark = 2 * (q - k) + (size_t)alike[q].middle;
                if (mark)
                    view_map_put(&names->marks, alike[q].v, mark);
            }
        }
    }
}

int view_names_init(ViewNames *names, Value *root, const ViewStyle *style,
                    size_t cut)
{
    memset(names, 0, sizeof *names);
    names->style = style;
    names->cut = cut < VIEW_LABEL_KEEP ? cut : VIEW_LABEL_KEEP;
    if (value_topo(root, &names->nodes) != VALUE_OK) {
        value_list_free(&names->nodes);
        return -1;
    }
    size_t n = names->nodes.count;
    uint64_t *hashes = mem_calloc(n ? n : 1, sizeof *hashes);
    TextCounts counts = {0};
    char buf[VIEW_NAME_MAX];
    for (size_t i = 0; i < n; i++) {
        const Value *v = names->nodes.items[i];
        if (!view_has_label(v))
            continue;   /* a constant, called by its value */
        hashes[i] = hash_text(base_name(buf, sizeof buf, v, style,
                                        names->cut, 0));
        ++*text_count(&counts, hashes[i]);
    }
    Alike *alike = NULL;
    size_t count = 0, capacity = 0;
    for (size_t i = 0; i < n; i++) {
        if (!hashes[i] || text_count_of(&counts, hashes[i]) < 2)
            continue;
        MEM_GROW(alike, capacity, count + 1, 16);
        const Value *v = names->nodes.items[i];
        alike[count].v = v;
        alike[count].text = mem_strdup(base_name(buf, sizeof buf, v, style,
                                                 names->cut, 0));
        alike[count].middle = 0;
        count++;
    }
    free(hashes);
    free(counts.keys);
    free(counts.counts);
    if (count)
        number_alike(names, alike, count);
    for (size_t i = 0; i < count; i++)
        free(alike[i].text);
    free(alike);
    return 0;
}

void view_names_free(ViewNames *names)
{
    view_map_free(&names->marks);
    value_list_free(&names->nodes);
}
