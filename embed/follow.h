/*
 * embed/follow.h — an addition to the embedding API (embed/mgrad.h) for a
 * front end that draws the graph beside the session and plays backward
 * over it, as the page in the browser does (web/): which value the last
 * text showed, its graph as DOT, and the steps backward takes over it.
 *
 * Values are named by their creation number, the number `dot` gives their
 * nodes (n<number> for a value's record, n<number>op for its operation),
 * so that a front end can find them in the rendered picture.
 */
#ifndef MGRAD_EMBED_FOLLOW_H
#define MGRAD_EMBED_FOLLOW_H

#include "mgrad.h"

#ifdef __cplusplus
extern "C" {
#endif

/* on: from the next run, the session holds the last value a text showed
 * (`L = ...`, `L`) or a command took as its graph (`backward L`, `tree
 * L`, ...), and keeps it alive while it is pictured. Off by default. */
MGRAD_API void mgrad_follow(MgradSession *session, int on);

/* on: the picture keeps to the value it shows now; off: it follows the
 * texts again. Returns whether a value is pinned. */
MGRAD_API int mgrad_pin(MgradSession *session, int on);

/* The pictured value (pinned, else the last shown): its creation number,
 * or -1 when there is none; *nodes receives its graph's size (may be
 * NULL). Not while a text runs. */
MGRAD_API long long mgrad_pictured(MgradSession *session, size_t *nodes);

/* The pictured value's graph as `dot` prints it (NUL-terminated, to be
 * freed with free), or NULL when there is none. */
MGRAD_API char *mgrad_pictured_dot(MgradSession *session);

/* One step of backward: the parent's gradient times a local derivative
 * added to the child's, which is then grad. */
typedef void (*MgradStepFn)(void *context, long long parent, long long child,
                            double grad);

/* backward over the pictured value, as `explain` tells it: fn gets each
 * step in backward's order; the return value is explain's text (its first
 * line dL/dL = 1, then a line per step; to be freed with free), or NULL
 * when there is no value. Every gradient is put back afterwards: this
 * changes nothing in the session. */
MGRAD_API char *mgrad_pictured_steps(MgradSession *session, MgradStepFn fn,
                                     void *context);

/* Not part of the API: embed/session.c's session, for embed/follow.c. */
struct Interp *embed_session_interp(MgradSession *session);

#ifdef __cplusplus
}
#endif

#endif
