/*
 * lib/settings.c — the display settings, one row each (SETTING_LIST in
 * lib/internal.h): the name `set` takes, the value it is given, what it
 * does, how it is changed and how it is shown. The set command, its usage
 * and help, its error message and completion all read this table.
 */
#include "lib/internal.h"

#include <stdio.h>
#include <string.h>

#include "util/diag.h"

static int on_off(Interp *in, const CommandCall *call, uint32_t i, int *out)
{
    const char *w = args_word(in, call, i);
    if (w && strcmp(w, "on") == 0)
        *out = 1;
    else if (w && strcmp(w, "off") == 0)
        *out = 0;
    else {
        interp_arg_error(in, call, i, "expected on or off");
        return 1;
    }
    return 0;
}

/* N rounds values and pictures alike; auto: values exact, pictures at 6 */
static int set_digits(Interp *in, const CommandCall *call)
{
    const char *w = args_word(in, call, 1);
    long digits;
    if (w && strcmp(w, "auto") == 0) {
        in->style.digits = 6;
        in->style.values = 17;
        return 0;
    }
    if (args_whole_at(in, call, 1, "digits", 1, 17, &digits))
        return 1;
    in->style.digits = in->style.values = (int)digits;
    return 0;
}

static void show_digits(Interp *in)
{
    if (in->style.values == 17 && in->style.digits == 6)
        fprintf(in->out, "digits auto (values exact, pictures 6)\n");
    else
        fprintf(in->out, "digits %d\n", in->style.digits);
}

static int set_ascii(Interp *in, const CommandCall *call)
{
    return on_off(in, call, 1, &in->style.ascii);
}

static void show_ascii(Interp *in)
{
    fprintf(in->out, "ascii %s\n", in->style.ascii ? "on" : "off");
}

static int set_color(Interp *in, const CommandCall *call)
{
    int on;
    if (on_off(in, call, 1, &on))
        return 1;
    in->color_setting = on;
    interp_refresh_style(in);
    diag_set_color(on);   /* messages follow the setting too */
    return 0;
}

static void show_color(Interp *in)
{
    fprintf(in->out, "color %s\n", in->style.color ? "on" : "off");
}

static int set_width(Interp *in, const CommandCall *call)
{
    const char *w = args_word(in, call, 1);
    long width = 0;
    if (!(w && strcmp(w, "auto") == 0) &&
        args_whole_at(in, call, 1, "width", 20, 100000, &width))
        return 1;
    in->width_setting = (int)width;
    interp_refresh_style(in);
    return 0;
}

static void show_width(Interp *in)
{
    if (in->width_setting > 0) {
        fprintf(in->out, "width %d\n", in->width_setting);
    } else {
        interp_refresh_style(in);
        fprintf(in->out, "width auto (%d now)\n", in->style.width);
    }
}

/* N items of a list, then a summary; all: every item */
static int set_items(Interp *in, const CommandCall *call)
{
    const char *w = args_word(in, call, 1);
    long items = 0;
    if (!(w && strcmp(w, "all") == 0) &&
        args_whole_at(in, call, 1, "items", 1, 1000000000L, &items))
        return 1;
    in->items = (uint32_t)items;
    return 0;
}

static void show_items(Interp *in)
{
    if (in->items)
        fprintf(in->out, "items %u\n", in->items);
    else
        fprintf(in->out, "items all\n");
}

const Setting lib_settings[] = {
#define SETTING_ROW(name, value, range, words, help)                      \
    {#name, value, range, words, set_##name, show_##name, help},
    SETTING_LIST(SETTING_ROW)
#undef SETTING_ROW
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL}
};

int lib_set(Interp *in, const CommandCall *call)
{
    const char *what = args_word(in, call, 0);
    for (const Setting *s = lib_settings; what && s->name; s++) {
        if (strcmp(what, s->name) != 0)
            continue;
        if (call->count == 2)
            return s->set(in, call);
        s->show(in);   /* `set digits` alone shows the setting */
        return 0;
    }
    /* set takes digits N (1 to 17), ascii on|off, ... or width N|auto */
    char message[512];
    size_t n = (size_t)snprintf(message, sizeof message, "set takes");
    for (const Setting *s = lib_settings; s->name; s++)
        n += (size_t)snprintf(message + n, sizeof message - n, "%s %s %s",
                              s == lib_settings ? ""
                              : s[1].name ? "," : " or",
                              s->name, s->range);
    interp_arg_error(in, call, 0, "%s", message);
    return 1;
}

void lib_set_help(FILE *out)
{
    fprintf(out, "usage: %s\n", SETTINGS_USAGE);
    /* the settings' help as one paragraph, filled to 70 columns */
    int column = 0;
    for (const Setting *s = lib_settings;; s++) {
        char text[512];
        if (s->name)
            snprintf(text, sizeof text, "%s: %s", s->name, s->help);
        else
            snprintf(text, sizeof text, "`set %s` alone shows the setting.",
                     lib_settings[0].name);
        for (char *word = strtok(text, " "); word; word = strtok(NULL, " ")) {
            int length = (int)strlen(word);
            if (column > 0 && column + 1 + length > 70) {
                fputc('\n', out);
                column = 0;
            }
            column += fprintf(out, "%s%s", column ? " " : "", word);
        }
        if (!s->name)
            break;
    }
    fputc('\n', out);
}

void lib_settings_words(InterpWordFn fn, void *ctx)
{
    for (const Setting *s = lib_settings; s->name; s++) {
        fn(ctx, s->name);
        char words[64];
        snprintf(words, sizeof words, "%s", s->words ? s->words : "");
        for (char *w = strtok(words, " "); w; w = strtok(NULL, " "))
            fn(ctx, w);
    }
}
