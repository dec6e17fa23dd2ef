/*
 * tests/unit/follow_test.c — embed/follow.h, the embedding API's addition
 * for the page in the browser: which value a session's last text showed,
 * its DOT, pinning, and backward's steps in explain's order with every
 * gradient put back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "embed/follow.h"

static int failures;

static void check(int ok, const char *name, const char *detail)
{
    printf("%s - follow: %s\n", ok ? "ok" : "not ok", name);
    if (!ok) {
        failures++;
        if (detail)
            printf("#   %s\n", detail);
    }
}

static char output[4096];
static size_t output_length;

static void on_output(void *ctx, const char *text, size_t length)
{
    (void)ctx;
    if (output_length + length < sizeof output) {
        memcpy(output + output_length, text, length);
        output_length += length;
        output[output_length] = '\0';
    }
}

static void run(MgradSession *s, const char *text)
{
    output_length = 0;
    output[0] = '\0';
    mgrad_run(s, text, strlen(text), "<test>");
}

typedef struct Steps {
    long long parent[16], child[16];
    double grad[16];
    int count;
} Steps;

static void step(void *ctx, long long parent, long long child, double grad)
{
    Steps *s = ctx;
    if (s->count < 16) {
        s->parent[s->count] = parent;
        s->child[s->count] = child;
        s->grad[s->count] = grad;
    }
    s->count++;
}

int main(void)
{
    MgradSession *s = mgrad_new(MGRAD_ASCII);
    MgradCallbacks callbacks = {NULL, on_output, NULL, NULL};
    mgrad_set_callbacks(s, &callbacks);

    run(s, "a = 2; b = -3; c = 10; L = a*b + c");
    check(mgrad_pictured(s, NULL) == -1, "nothing is followed by default",
          NULL);

    mgrad_follow(s, 1);
    run(s, "a = 2; b = -3; c = 10; L = a*b + c");
    size_t nodes = 0;
    long long root = mgrad_pictured(s, &nodes);
    char *dot = mgrad_pictured_dot(s);
    char want[64];
    snprintf(want, sizeof want, "n%lld [shape=record, label=\"{ L | data 4",
             root);
    check(root > 0 && nodes == 5 && dot && strstr(dot, want),
          "L = a*b + c is pictured: 5 nodes, its record in the DOT", dot);
    free(dot);

    Steps st = {0};
    char *text = mgrad_pictured_steps(s, step, &st);
    /* in the page's style: a middle dot for times, partial derivatives */
    const char *lines = "dL/dL = 1\n"
        "dL/d(a*b) += dL/dL \u00b7 \u2202L/\u2202(a*b) = 1 \u00b7 1 = 1\n"
        "dL/dc += dL/dL \u00b7 \u2202L/\u2202c = 1 \u00b7 1 = 1\n"
        "dL/da += dL/d(a*b) \u00b7 \u2202(a*b)/\u2202a = 1 \u00b7 -3 = -3\n"
        "dL/db += dL/d(a*b) \u00b7 \u2202(a*b)/\u2202b = 1 \u00b7 2 = 2\n";
    check(text && strcmp(text, lines) == 0, "the steps come with explain's "
          "text", text);
    free(text);
    check(st.count == 4 && st.parent[0] == root && st.parent[1] == root &&
          st.grad[0] == 1 && st.grad[1] == 1 &&
          st.grad[2] == -3 && st.grad[3] == 2 && st.parent[2] == st.child[0] &&
          st.parent[3] == st.child[0],
          "four steps in backward's order: L to a*b and c, a*b to a and b",
          NULL);
    run(s, "print a.grad, b.grad, L.grad");
    check(strcmp(output, "0 0 0\n") == 0, "playing the steps leaves every "
          "gradient as it was", output);

    run(s, "backward L; M = L * 2");
    long long m = mgrad_pictured(s, NULL);
    check(m > root, "the last value shown is followed (M)", NULL);
    run(s, "tree L");
    check(mgrad_pictured(s, NULL) == root, "a command's graph is followed "
          "(tree L)", NULL);
    check(mgrad_pin(s, 1) == 1, "pin keeps the pictured value", NULL);
    run(s, "N = M + 1");
    check(mgrad_pictured(s, NULL) == root, "a pinned value stays pictured",
          NULL);
    run(s, "del L; del M");
    check(mgrad_pictured(s, NULL) == root, "and stays alive after del",
          NULL);
    mgrad_pin(s, 0);
    check(mgrad_pictured(s, NULL) > m, "unpinned, the last value shown "
          "again (N)", NULL);
    mgrad_follow(s, 0);
    check(mgrad_pictured(s, NULL) == -1, "following off forgets it", NULL);

    mgrad_free(s);
    return 0;
}
