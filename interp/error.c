/*
 * interp/error.c — error reporting at the running program's places: at the
 * instruction at work, at a span of its text, or at a command's argument,
 * through util/diag.c's one printer (file:line:col, the line, a caret);
 * and the one hint for a name that has no value where one is needed.
 */
#include "interp/state.h"

#include <stdarg.h>
#include <stdio.h>

static void report(Interp *in, DiagLevel level, uint32_t start, uint32_t end,
                   const char *fmt, va_list ap)
{
    char message[1024];
    vsnprintf(message, sizeof message, fmt, ap);
    const Source *src = in->prog ? in->prog->src : NULL;
    diag_report(level, src, source_locate(src, start, end), "%s", message);
}

void interp_error(Interp *in, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(in, DIAG_ERROR, in->at ? in->at->start : 0,
           in->at ? in->at->end : 0, fmt, ap);
    va_end(ap);
}

void interp_error_at(Interp *in, uint32_t start, uint32_t end,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(in, DIAG_ERROR, start, end, fmt, ap);
    va_end(ap);
}

void interp_warning(Interp *in, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(in, DIAG_WARNING, in->at ? in->at->start : 0,
           in->at ? in->at->end : 0, fmt, ap);
    va_end(ap);
}

void interp_arg_error(Interp *in, const CommandCall *call, uint32_t i,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(in, DIAG_ERROR, call->spans[2 * i], call->spans[2 * i + 1], fmt,
           ap);
    va_end(ap);
}

const char *interp_name(const Interp *in, uint32_t id)
{
    return names_text(&in->names, id);
}

const char *interp_name_hint(const Interp *in, const char *name, char *buf,
                             size_t size)
{
    if (value_op_by_name(name) >= 0)
        snprintf(buf, size, "'%s' is a function: call it as %s(x) or x.%s()",
                 name, name, name);
    else if (interp_builtin(in, name))
        snprintf(buf, size, "'%s' is a function: call it as %s(...)", name,
                 name);
    else if (interp_command(in, name))
        snprintf(buf, size, "'%s' is a command, not a value: write `%s ...` "
                 "as a statement", name, name);
    else
        snprintf(buf, size, "undefined name '%s'", name);
    return buf;
}
