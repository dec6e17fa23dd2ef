/*
 * embed/follow.c — embed/follow.h: the value a session's last text showed,
 * its graph as DOT and backward's steps over it, for a front end that
 * draws the graph and plays backward (the page in the browser, web/).
 *
 * The steps come from the engine's own traced backward, as explain's do,
 * so they are backward's order exactly; explain's text is written beside
 * them, and then every gradient of the graph is put back as it was.
 */
#define _GNU_SOURCE   /* open_memstream */
#include "follow.h"

#include <stdio.h>
#include <stdlib.h>

#include "engine/value.h"
#include "interp/interp.h"
#include "util/mem.h"
#include "view/view.h"

static const ViewStyle style = {6, 0, 0, 80, 24, 17};

void mgrad_follow(MgradSession *session, int on)
{
    if (session)
        interp_follow_shown(embed_session_interp(session), on);
}

int mgrad_pin(MgradSession *session, int on)
{
    return session ? interp_pin(embed_session_interp(session), on) : 0;
}

static Value *pictured(MgradSession *session)
{
    return session ? interp_shown(embed_session_interp(session)) : NULL;
}

long long mgrad_pictured(MgradSession *session, size_t *nodes)
{
    Value *root = pictured(session);
    if (nodes)
        *nodes = 0;
    if (!root)
        return -1;
    if (nodes) {
        ValueList list = {0};
        if (value_topo(root, &list) == VALUE_OK)
            *nodes = list.count;
        value_list_free(&list);
    }
    return (long long)value_id(root);
}

char *mgrad_pictured_dot(MgradSession *session)
{
    Value *root = pictured(session);
    if (!root)
        return NULL;
    char *dot = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&dot, &size);
    if (!f)
        return NULL;
    ViewResult r = view_dot(f, root, &style);
    fclose(f);
    if (r != VIEW_OK) {
        free(dot);
        return NULL;
    }
    return dot;
}

typedef struct Steps {
    MgradStepFn fn;
    void *context;
} Steps;

/* Each contribution explain tells (none for a constant exponent). */
static void step(void *ctx, const Value *parent, int index,
                 const Value *child, double local, double contribution)
{
    Steps *s = ctx;
    (void)local;
    (void)contribution;
    if (parent->op == OP_POWC && index == 1)
        return;
    s->fn(s->context, (long long)value_id(parent), (long long)value_id(child),
          child->grad);
}

char *mgrad_pictured_steps(MgradSession *session, MgradStepFn fn,
                           void *context)
{
    Value *root = pictured(session);
    if (!root)
        return NULL;
    ValueList nodes = {0};
    if (value_topo(root, &nodes) != VALUE_OK) {
        value_list_free(&nodes);
        return NULL;
    }
    double *grads = mem_malloc((nodes.count + 1) * sizeof *grads);
    for (size_t i = 0; i < nodes.count; i++)
        grads[i] = nodes.items[i]->grad;

    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    if (f) {
        view_explain(f, root, &style, -1);
        fclose(f);
    }
    Steps s = {fn, context};
    value_backward_trace(root, step, &s);

    for (size_t i = 0; i < nodes.count; i++)
        nodes.items[i]->grad = grads[i];
    free(grads);
    value_list_free(&nodes);
    return text;
}
