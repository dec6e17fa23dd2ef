/*
 * view/report.c — the interpreter's reports about values: what `backward`
 * prints (a gradient per named node), a binding's echo, and the list
 * `vars` prints. Nodes are named as every picture names them
 * (view/common.c), so `a₁` in backward's report is the `a₁` of `tree`.
 */
#include <stdlib.h>
#include <string.h>

#include "view/internal.h"
#include "util/mem.h"

ViewResult view_gradients(FILE *out, Value *root, const ViewStyle *style)
{
    ViewNames names;
    if (view_names_init(&names, root, style, VIEW_LABEL_KEEP) != 0)
        return VIEW_ERROR;
    ViewAged *named = NULL;
    size_t count = 0, capacity = 0, params = 0;
    for (size_t i = 0; i < names.nodes.count; i++) {
        Value *v = names.nodes.items[i];
        if (v != root && (v->flags & VALUE_NAMED)) {
            MEM_GROW(named, capacity, count + 1, 64);
            named[count++] = (ViewAged){value_id(v), v};
        }
        params += v != root && (v->flags & VALUE_PARAM);
    }
    if (params) {
        /* A model's parameters are many and unnamed: one line says where
         * their gradients are, rather than hundreds of lines or none. */
        char top[VIEW_NAME_MAX];
        view_name(top, sizeof top, &names, root);
        fprintf(out, "%zu parameter gradient%s set: p.grad for p in "
                "m.parameters(), or tree %s\n", params,
                params == 1 ? "" : "s", top);
    }
    ViewResult result = view_sort_by_age(named, count) == 0 ? VIEW_OK
                                                            : VIEW_ERROR;
    for (size_t i = 0; i < count && result == VIEW_OK; i++) {
        if ((i & 63) == 63 && view_interrupted()) {
            result = VIEW_ERROR;
            break;
        }
        char derivative[2 * VIEW_NAME_MAX + 80], grad[VIEW_NUM_MAX];
        view_derivative_name(derivative, sizeof derivative, &names, root,
                             named[i].v);
        view_format_number(grad, sizeof grad, named[i].v->grad,
                           style->values);
        fprintf(out, "%s = %s\n", derivative, grad);
    }
    free(named);
    view_names_free(&names);
    return result;
}

static void put_binding(FILE *out, const char *name, const Value *v,
                        const ViewStyle *style, const char *called)
{
    char data[VIEW_NUM_MAX], grad[VIEW_NUM_MAX];
    view_format_number(data, sizeof data, v->data, style->values);
    fprintf(out, "%s = %s", name, data);
    if (v->grad != 0)
        fprintf(out, "  (grad %s)",
                view_format_number(grad, sizeof grad, v->grad, style->values));
    if (called)
        fprintf(out, "  [%s]", called);
    fputc('\n', out);
}

void view_binding(FILE *out, const char *name, const Value *v,
                  const ViewStyle *style)
{
    put_binding(out, name, v, style, NULL);
}

/* Bindings are named nodes, and only a name can look like a name: the
 * nodes compared here are those with a name label, which is a C string
 * (the interned name; see engine/value.h on labels). */
static const char *name_of(const Value *v)
{
    return (const char *)v->label;
}

static int has_label(const Value *v)
{
    return (v->flags & VALUE_NAMED) && v->label && name_of(v)[0];
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The names that more than one node of the graphs of nodes[0..count-1]
 * carry, sorted. A name is interned, so the nodes are counted by the
 * address of their name, and only the few names are compared as text.
 * Returns 0, or -1 when interrupted. */
static int shared_names(Value *const *nodes, size_t count, const char ***out,
                        size_t *out_count)
{
    ValueList all = {0}, stack = {0};
    ViewMap by_address = {0};    /* name -> nodes carrying it */
    int status = 0;
    for (size_t i = 0; i < count && status == 0; i++) {
        if (nodes[i]->flags & VALUE_MARK1)
            continue;
        nodes[i]->flags |= VALUE_MARK1;
        value_list_push(&all, nodes[i]);
        value_list_push(&stack, nodes[i]);
        while (stack.count) {
            Value *v = stack.items[--stack.count];
            if (has_label(v))
                view_map_put(&by_address, v->label,
                             view_map_get(&by_address, v->label) + 1);
            for (int c = 0; c < 2 && v->child[c]; c++) {
                if (v->child[c]->flags & VALUE_MARK1)
                    continue;
                v->child[c]->flags |= VALUE_MARK1;
                value_list_push(&all, v->child[c]);
                value_list_push(&stack, v->child[c]);
            }
            if ((all.count & 65535) == 0 && view_interrupted()) {
                status = -1;
                break;
            }
        }
    }
    for (size_t i = 0; i < all.count; i++)
        all.items[i]->flags &= (uint16_t)~VALUE_MARK1;
    value_list_free(&all);
    value_list_free(&stack);

    /* the same text may sit at more than one address */
    typedef struct Named { const char *name; size_t count; } Named;
    Named *named = mem_malloc((by_address.count ? by_address.count : 1) *
                              sizeof *named);
    size_t n = 0;
    for (size_t i = 0; i < by_address.capacity; i++)
        if (by_address.keys[i])
            named[n++] = (Named){by_address.keys[i], by_address.values[i]};
    view_map_free(&by_address);
    qsort(named, n, sizeof *named, by_name);
    *out = mem_malloc((n ? n : 1) * sizeof **out);
    *out_count = 0;
    for (size_t i = 0, j; i < n; i = j) {
        size_t total = 0;
        for (j = i; j < n && strcmp(named[j].name, named[i].name) == 0; j++)
            total += named[j].count;
        if (total > 1)
            (*out)[(*out_count)++] = named[i].name;
    }
    free(named);
    return status;
}

/* A binding's node is the newest of its own graph, so only a name carried
 * by another node somewhere in the bound graphs can give it a number;
 * only those nodes have their own graphs named, which keeps `vars` over
 * many bindings of one long chain in proportion to the chain. */
ViewResult view_bindings(FILE *out, const char *const *names,
                         Value *const *nodes, size_t count,
                         const ViewStyle *style)
{
    const char **shared_name = NULL;
    size_t shared_count = 0;
    if (shared_names(nodes, count, &shared_name, &shared_count) != 0) {
        free(shared_name);
        return VIEW_ERROR;
    }

    ViewResult result = VIEW_OK;
    for (size_t i = 0; i < count; i++) {
        Value *v = nodes[i];
        char called[VIEW_NAME_MAX + 32];
        const char *name = has_label(v) ? name_of(v) : NULL;
        int shared = name && v->child[0] && shared_count &&
                     bsearch(&name, shared_name, shared_count,
                             sizeof *shared_name, by_name);
        if (shared) {
            ViewNames own;
            if (view_names_init(&own, v, style, VIEW_LABEL_KEEP) != 0) {
                result = VIEW_ERROR;
                break;
            }
            shared = view_name_mark(&own, v) != 0;
            view_name(called, sizeof called, &own, v);
            view_names_free(&own);
        }
        put_binding(out, names[i], v, style, shared ? called : NULL);
    }
    free(shared_name);
    return result;
}
