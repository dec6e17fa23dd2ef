/*
 * tests/unit/tables_test.c — the tables that must agree: every command word
 * the scanner reserves has a row in the interpreter's command table with a
 * usage line and help text, and every command row is reserved by the
 * scanner; every callable operation resolves by its name.
 */
#include <stdio.h>
#include <string.h>

#include "parser.h"
#include "interp/internal.h"
#include "lexer/scan.h"

static int failures;

static void check(int ok, const char *name, const char *detail)
{
    if (ok)
        printf("ok - %s\n", name);
    else {
        printf("not ok - %s: %s\n", name, detail);
        failures++;
    }
}

int main(void)
{
    char name[128];
    for (const LexerKeyword *k = lexer_keywords; k->word; k++) {
        if (k->token != CMD)
            continue;
        const Command *c = interp_command(k->word);
        snprintf(name, sizeof name, "command word '%s' has a command row", k->word);
        check(c && c->usage && c->help && c->run, name, "missing or incomplete row");
    }
    for (const Command *c = interp_commands; c->name; c++) {
        snprintf(name, sizeof name, "command '%s' is reserved by the scanner", c->name);
        check(lexer_keyword(c->name, strlen(c->name)) == CMD, name,
              "the scanner treats it as a name");
    }
    for (int op = 0; op < OP_COUNT; op++) {
        const OpInfo *info = value_op_info((OpKind)op);
        if (!info->callable)
            continue;
        snprintf(name, sizeof name, "function '%s' resolves by name", info->name);
        check(value_op_by_name(info->name) == op, name, "lookup gives another row");
        snprintf(name, sizeof name, "function '%s' is not a reserved word", info->name);
        check(lexer_keyword(info->name, strlen(info->name)) == 0, name, "reserved");
    }
    return 0;
}
