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

static int by_age(const void *a, const void *b)
{
    const Value *x = *(Value *const *)a, *y = *(Value *const *)b;
    return (value_id(x) > value_id(y)) - (value_id(x) < value_id(y));
}

ViewResult view_gradients(FILE *out, Value *root, const ViewStyle *style)
{
    ViewNames names;
    if (view_names_init(&names, root, style, VIEW_LABEL_KEEP) != 0)
        return VIEW_ERROR;
    ValueList named = {0};
    size_t params = 0;
    for (size_t i = 0; i < names.nodes.count; i++) {
        Value *v = names.nodes.items[i];
        if (v != root && (v->flags & VALUE_NAMED))
            value_list_push(&named, v);
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
    if (named.count)
        qsort(named.items, named.count, sizeof *named.items, by_age);
    for (size_t i = 0; i < named.count; i++) {
        char derivative[2 * VIEW_NAME_MAX + 80], grad[VIEW_NUM_MAX];
        view_derivative_name(derivative, sizeof derivative, &names, root,
                             named.items[i]);
        view_format_number(grad, sizeof grad, named.items[i]->grad,
                           style->values);
        fprintf(out, "%s = %s\n", derivative, grad);
    }
    value_list_free(&named);
    view_names_free(&names);
    return VIEW_OK;
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

/* Every node reachable from the given ones, once each. */
static int reach_all(Value *const *nodes, size_t count, ValueList *all)
{
    ValueList stack = {0};
    int status = 0;
    for (size_t i = 0; i < count && status == 0; i++) {
        if (nodes[i]->flags & VALUE_MARK1)
            continue;
        nodes[i]->flags |= VALUE_MARK1;
        value_list_push(all, nodes[i]);
        value_list_push(&stack, nodes[i]);
        while (stack.count) {
            Value *v = stack.items[--stack.count];
            for (int c = 0; c < 2 && v->child[c]; c++) {
                if (v->child[c]->flags & VALUE_MARK1)
                    continue;
                v->child[c]->flags |= VALUE_MARK1;
                value_list_push(all, v->child[c]);
                value_list_push(&stack, v->child[c]);
            }
            if ((all->count & 65535) == 0 && view_interrupted()) {
                status = -1;
                break;
            }
        }
    }
    for (size_t i = 0; i < all->count; i++)
        all->items[i]->flags &= (uint16_t)~VALUE_MARK1;
    value_list_free(&stack);
    return status;
}

/* Bindings are named nodes, and only a name can look like a name: the
 * nodes compared here are those with a name label, which is a C string
 * (the interned name; see engine/value.h on labels). */
static const char *name_of(const Value *v)
{
    return (const char *)v->label;
}

static int by_label(const void *a, const void *b)
{
    const Value *x = *(Value *const *)a, *y = *(Value *const *)b;
    return strcmp(name_of(x), name_of(y));
}

static int has_label(const Value *v)
{
    return (v->flags & VALUE_NAMED) && v->label && name_of(v)[0];
}

/* A binding's node is the newest of its own graph, so only a name carried
 * by another node somewhere in the bound graphs can give it a number;
 * only those nodes have their own graphs named, which keeps `vars` over
 * many bindings of one long chain in proportion to the chain. */
ViewResult view_bindings(FILE *out, const char *const *names,
                         Value *const *nodes, size_t count,
                         const ViewStyle *style)
{
    ValueList all = {0}, labelled = {0};
    if (reach_all(nodes, count, &all) != 0) {
        value_list_free(&all);
        return VIEW_ERROR;
    }
    for (size_t i = 0; i < all.count; i++)
        if (has_label(all.items[i]))
            value_list_push(&labelled, all.items[i]);
    value_list_free(&all);
    if (labelled.count)
        qsort(labelled.items, labelled.count, sizeof *labelled.items,
              by_label);

    ViewResult result = VIEW_OK;
    for (size_t i = 0; i < count; i++) {
        Value *v = nodes[i];
        char called[VIEW_NAME_MAX + 32];
        int shared = 0;
        if (has_label(v) && v->child[0] && labelled.count) {
            Value **found = bsearch(&v, labelled.items, labelled.count,
                                    sizeof *labelled.items, by_label);
            size_t k = (size_t)(found - labelled.items);
            shared = (k > 0 && by_label(&labelled.items[k - 1], &v) == 0) ||
                     (k + 1 < labelled.count &&
                      by_label(&labelled.items[k + 1], &v) == 0);
        }
        if (shared) {
            ViewNames own;
            if (view_names_init(&own, v, style, VIEW_LABEL_KEEP) != 0) {
                result = VIEW_ERROR;
                break;
            }
            shared = view_map_get(&own.marks, v) != 0;
            view_name(called, sizeof called, &own, v);
            view_names_free(&own);
        }
        put_binding(out, names[i], v, style, shared ? called : NULL);
    }
    value_list_free(&labelled);
    return result;
}
