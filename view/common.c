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

static size_t hash_pointer(const void *v)
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

void view_map_put(ViewMap *m, const void *key, size_t value)
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

size_t view_map_get(const ViewMap *m, const void *key)
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
    size_t mark = view_name_mark(names, v);
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
    size_t *counts;
    size_t used, capacity;
} TextCounts;

static uint64_t hash_text(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
    return h ? h : 1;
}

static size_t *text_count(TextCounts *t, uint64_t key)
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

/* Nodes that carry the same label (one name, or the text of one
 * instruction) are called the same: the labeller's text depends on the
 * label, label_at and the label's kind only (see view.h). So the naming
 * pass counts nodes by label, one hash look-up per node, and makes each
 * label's text once; a node's number is found only when a view shows it,
 * from the nodes of its group alone. A picture of a few rows of a graph of
 * millions costs one walk of the graph and no sort. */
typedef struct NameKey {
    const void *label;
    uint32_t at;
    uint16_t kind;
    const Value *first;  /* a node that carries it */
    size_t count;        /* nodes of the graph that carry it */
    uint32_t group;      /* its group of names that look alike + 1; 0: none */
    int middle;          /* shortened in the middle */
} NameKey;

/* Nodes called alike, numbered by age. */
typedef struct NameGroup {
    ViewAged *members;     /* gathered when one of them is first shown */
    size_t count;
    unsigned scans;        /* numbers found by a scan of members */
    int sorted;            /* members in creation order */
} NameGroup;

struct ViewNaming {
    NameKey *keys;
    size_t key_count, key_capacity;
    uint32_t *slots;       /* open addressing: a key's index + 1, 0 empty */
    size_t slot_capacity;  /* a power of two */
    uint32_t *node_key;    /* per names->nodes item: its key + 1, 0: none */
    NameGroup *groups;
    size_t group_count, group_capacity;
};

/* Numbers found by scanning a group before it is sorted once for all. */
enum { NAME_SCANS = 8 };

static uint16_t label_kind(const Value *v)
{
    return (uint16_t)(v->flags & (VALUE_NAMED | VALUE_SPAN | VALUE_PARAM));
}

static size_t key_hash(const void *label, uint32_t at, uint16_t kind)
{
    uint64_t x = (uint64_t)(uintptr_t)label ^ ((uint64_t)at << 20) ^ kind;
    x ^= x >> 31;
    x *= 0x9E3779B97F4A7C15ull;
    return (size_t)(x ^ (x >> 29));
}

/* v's key + 1 in g, or 0 when no node of the graph carries its label. */
static uint32_t key_find(const struct ViewNaming *g, const Value *v)
{
    if (!g->slot_capacity)
        return 0;
    uint16_t kind = label_kind(v);
    size_t i = key_hash(v->label, v->label_at, kind) & (g->slot_capacity - 1);
    for (; g->slots[i]; i = (i + 1) & (g->slot_capacity - 1)) {
        const NameKey *k = &g->keys[g->slots[i] - 1];
        if (k->label == v->label && k->at == v->label_at && k->kind == kind)
            return g->slots[i];
    }
    return 0;
}

static void key_slots_grow(struct ViewNaming *g)
{
    free(g->slots);
    g->slot_capacity = g->slot_capacity ? 2 * g->slot_capacity : 64;
    g->slots = mem_calloc(g->slot_capacity, sizeof *g->slots);
    for (size_t k = 0; k < g->key_count; k++) {
        const NameKey *key = &g->keys[k];
        size_t i = key_hash(key->label, key->at, key->kind) &
                   (g->slot_capacity - 1);
        while (g->slots[i])
            i = (i + 1) & (g->slot_capacity - 1);
        g->slots[i] = (uint32_t)(k + 1);
    }
}

/* After naming: only the keys of a group stay findable, in a table as
 * small as they are few, which a view's every row looks up. */
static void key_slots_keep_grouped(struct ViewNaming *g)
{
    size_t grouped = 0;
    for (size_t k = 0; k < g->key_count; k++)
        grouped += g->keys[k].group != 0;
    free(g->slots);
    g->slots = NULL;
    g->slot_capacity = 0;
    if (!grouped)
        return;
    g->slot_capacity = 16;
    while (g->slot_capacity < 2 * grouped)
        g->slot_capacity *= 2;
    g->slots = mem_calloc(g->slot_capacity, sizeof *g->slots);
    for (size_t k = 0; k < g->key_count; k++) {
        const NameKey *key = &g->keys[k];
        if (!key->group)
            continue;
        size_t i = key_hash(key->label, key->at, key->kind) &
                   (g->slot_capacity - 1);
        while (g->slots[i])
            i = (i + 1) & (g->slot_capacity - 1);
        g->slots[i] = (uint32_t)(k + 1);
    }
}

/* Counts v under its key, adding the key on its first node. */
static uint32_t key_count(struct ViewNaming *g, const Value *v)
{
    uint32_t found = key_find(g, v);
    if (found) {
        g->keys[found - 1].count++;
        return found;
    }
    if (2 * (g->key_count + 1) > g->slot_capacity)
        key_slots_grow(g);
    MEM_GROW(g->keys, g->key_capacity, g->key_count + 1, 16);
    uint16_t kind = label_kind(v);
    g->keys[g->key_count] =
        (NameKey){v->label, v->label_at, kind, v, 1, 0, 0};
    size_t i = key_hash(v->label, v->label_at, kind) & (g->slot_capacity - 1);
    while (g->slots[i])
        i = (i + 1) & (g->slot_capacity - 1);
    g->slots[i] = (uint32_t)++g->key_count;
    return g->slots[i];
}

/* A label that another label of the picture may look like. */
typedef struct Alike {
    size_t key;
    char *text;    /* what it is called before any number */
} Alike;

static int by_text_then_key(const void *a, const void *b)
{
    const Alike *x = a, *y = b;
    int c = strcmp(x->text, y->text);
    if (c)
        return c;
    return (x->key > y->key) - (x->key < y->key);
}

/* Puts the labels of each run of equal names into one group, after
 * shortening in the middle those of a run whose labels differ. */
static void group_alike(ViewNames *names, Alike *alike, size_t n)
{
    struct ViewNaming *g = names->naming;
    char buf[VIEW_NAME_MAX], one[VIEW_LABEL_MAX], other[VIEW_LABEL_MAX];
    qsort(alike, n, sizeof *alike, by_text_then_key);
    for (size_t i = 0, j; i < n; i = j) {
        int differ = 0;
        for (j = i + 1; j < n && strcmp(alike[j].text, alike[i].text) == 0;
             j++)
            differ |= strcmp(view_label_text(one, sizeof one,
                                             g->keys[alike[j].key].first),
                             view_label_text(other, sizeof other,
                                             g->keys[alike[i].key].first)) != 0;
        if (differ) {
            /* different texts cut alike: try their ends as well */
            for (size_t k = i; k < j; k++) {
                NameKey *key = &g->keys[alike[k].key];
                if (!label_is_long(key->first,
                                   view_label_text(one, sizeof one, key->first),
                                   names->cut))
                    continue;
                free(alike[k].text);
                alike[k].text = mem_strdup(base_name(buf, sizeof buf,
                                                     key->first, names->style,
                                                     names->cut, 1));
                key->middle = 1;
            }
            qsort(alike + i, j - i, sizeof *alike, by_text_then_key);
        }
        for (size_t k = i, m; k < j; k = m) {
            NameGroup group = {0};
            for (m = k; m < j && strcmp(alike[m].text, alike[k].text) == 0;
                 m++) {
                g->keys[alike[m].key].group = (uint32_t)(g->group_count + 1);
                group.count += g->keys[alike[m].key].count;
            }
            MEM_GROW(g->groups, g->group_capacity, g->group_count + 1, 16);
            g->groups[g->group_count++] = group;
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
    struct ViewNaming *g = mem_calloc(1, sizeof *g);
    names->naming = g;
    size_t n = names->nodes.count;
    g->node_key = mem_calloc(n ? n : 1, sizeof *g->node_key);
    for (size_t i = 0; i < n; i++) {
        const Value *v = names->nodes.items[i];
        if (view_has_label(v))
            g->node_key[i] = key_count(g, v);
        if ((i & 16383) == 16383 && view_interrupted()) {
            view_names_free(names);
            return -1;
        }
    }
    /* each label's text once; the labels whose text others share */
    char buf[VIEW_NAME_MAX];
    uint64_t *hashes = mem_calloc(g->key_count ? g->key_count : 1,
                                  sizeof *hashes);
    TextCounts counts = {0};
    for (size_t k = 0; k < g->key_count; k++) {
        hashes[k] = hash_text(base_name(buf, sizeof buf, g->keys[k].first,
                                        style, names->cut, 0));
        *text_count(&counts, hashes[k]) += g->keys[k].count;
        if ((k & 65535) == 65535 && view_interrupted()) {
            free(hashes);
            free(counts.keys);
            free(counts.counts);
            view_names_free(names);
            return -1;
        }
    }
    Alike *alike = NULL;
    size_t count = 0, capacity = 0;
    for (size_t k = 0; k < g->key_count; k++) {
        if (*text_count(&counts, hashes[k]) < 2)
            continue;
        MEM_GROW(alike, capacity, count + 1, 16);
        alike[count].key = k;
        alike[count].text = mem_strdup(base_name(buf, sizeof buf,
                                                 g->keys[k].first, style,
                                                 names->cut, 0));
        count++;
    }
    free(hashes);
    free(counts.keys);
    free(counts.counts);
    if (count)
        group_alike(names, alike, count);
    for (size_t i = 0; i < count; i++)
        free(alike[i].text);
    free(alike);
    key_slots_keep_grouped(g);
    return 0;
}

int view_sort_by_age(ViewAged *items, size_t n)
{
    /* a radix sort of the 48-bit ids, 16 bits a pass: a million nodes in
     * milliseconds, and a pass polls the interrupt flag as it goes */
    if (n < 2)
        return 0;
    ViewAged *spare = mem_malloc(n * sizeof *spare);
    size_t *counts = mem_malloc(65536 * sizeof *counts);
    ViewAged *from = items, *to = spare;
    int status = 0;
    for (int shift = 0; shift < 48 && status == 0; shift += 16) {
        memset(counts, 0, 65536 * sizeof *counts);
        for (size_t i = 0; i < n; i++)
            counts[(from[i].id >> shift) & 0xFFFF]++;
        if (counts[(from[0].id >> shift) & 0xFFFF] == n)
            continue;   /* one digit throughout: nothing to move */
        size_t at = 0;
        for (size_t d = 0; d < 65536; d++) {
            size_t c = counts[d];
            counts[d] = at;
            at += c;
        }
        for (size_t i = 0; i < n; i++) {
            if ((i & 16383) == 16383 && view_interrupted()) {
                status = -1;
                break;
            }
            to[counts[(from[i].id >> shift) & 0xFFFF]++] = from[i];
        }
        if (status == 0) {
            ViewAged *t = from;
            from = to;
            to = t;
        }
    }
    /* from holds every item (an interrupted pass wrote only part of to) */
    if (from != items)
        memcpy(items, from, n * sizeof *items);
    free(spare);
    free(counts);
    return status;
}

/* How many nodes of group are older than v; -1 when v is not one of them,
 * or when interrupted (the view stops at its next poll, and a node's
 * number no longer matters). */
static long long older_in_group(const struct ViewNaming *g, NameGroup *group,
                                uint32_t number, const Value *v,
                                const ValueList *nodes)
{
    if (view_interrupted())
        return -1;
    if (!group->members) {
        group->members = mem_malloc(group->count * sizeof *group->members);
        size_t m = 0;
        for (size_t i = 0; i < nodes->count && m < group->count; i++)
            if (g->node_key[i] &&
                g->keys[g->node_key[i] - 1].group == number) {
                const Value *node = nodes->items[i];
                group->members[m++] = (ViewAged){value_id(node), node};
            }
    }
    uint64_t id = value_id(v);
    if (!group->sorted && ++group->scans > NAME_SCANS) {
        if (view_sort_by_age(group->members, group->count) != 0)
            return -1;
        group->sorted = 1;
    }
    if (group->sorted) {
        size_t low = 0, high = group->count;
        while (low < high) {
            size_t mid = low + (high - low) / 2;
            if (group->members[mid].id < id)
                low = mid + 1;
            else
                high = mid;
        }
        return low < group->count && group->members[low].v == v
                   ? (long long)low : -1;
    }
    size_t older = 0;
    int found = 0;
    for (size_t i = 0; i < group->count; i++) {
        older += group->members[i].id < id;
        found |= group->members[i].v == v;
    }
    return found ? (long long)older : -1;
}

size_t view_name_mark(const ViewNames *names, const Value *v)
{
    struct ViewNaming *g = names->naming;
    if (!g || !view_has_label(v))
        return 0;
    uint32_t k = key_find(g, v);
    if (!k || !g->keys[k - 1].group)
        return 0;
    uint32_t number = g->keys[k - 1].group;
    long long older = older_in_group(g, &g->groups[number - 1], number, v,
                                     &names->nodes);
    if (older < 0)
        return 0;   /* not in the picture: called by its own label */
    return 2 * (size_t)older + (size_t)g->keys[k - 1].middle;
}

void view_names_free(ViewNames *names)
{
    struct ViewNaming *g = names->naming;
    if (g) {
        for (size_t i = 0; i < g->group_count; i++)
            free(g->groups[i].members);
        free(g->groups);
        free(g->keys);
        free(g->slots);
        free(g->node_key);
        free(g);
        names->naming = NULL;
    }
    value_list_free(&names->nodes);
}
