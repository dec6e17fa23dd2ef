/*
 * tests/unit/tables_test.c — the tables that must agree: the command table
 * is the one list of command words (the scanner asks it), every row has a
 * usage line and help text and is found by its word; no command word is
 * one of the language's own reserved words or a function's name; every
 * callable operation resolves by its name.
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
    for (const Command *c = interp_commands; c->name; c++) {
        snprintf(name, sizeof name, "command '%s' has usage and help", c->name);
        check(c->usage && c->help && c->run, name, "missing or incomplete row");
        snprintf(name, sizeof name, "command '%s' is a command word", c->name);
        check(interp_command_index(c->name, strlen(c->name)) ==
                  (int)(c - interp_commands), name,
              "the scanner would treat it as a name");
        snprintf(name, sizeof name, "command '%s' is not a keyword or function",
                 c->name);
        check(lexer_keyword(c->name, strlen(c->name)) == 0 &&
                  value_op_by_name(c->name) < 0, name, "two meanings");
    }
    check(interp_command_index("backwards", 9) < 0 &&
              interp_command_index("back", 4) < 0, "a prefix or extension of a "
          "command word is a name", "taken as a command");
    for (const LexerKeyword *k = lexer_keywords; k->word; k++) {
        snprintf(name, sizeof name, "keyword '%s' is reserved", k->word);
        check(lexer_keyword(k->word, strlen(k->word)) == k->token, name,
              "the scanner treats it as a name");
    }
    for (int op = 0; op < OP_COUNT; op++) {
        const OpInfo *info = value_op_info((OpKind)op);
        if (!info->callable)
            continue;
        snprintf(name, sizeof name, "function '%s' resolves by name", info->name);
        check(value_op_by_name(info->name) == op, name, "lookup gives another row");
        snprintf(name, sizeof name, "function '%s' is not a reserved word", info->name);
        check(lexer_keyword(info->name, strlen(info->name)) == 0 &&
                  interp_command_index(info->name, strlen(info->name)) < 0,
              name, "reserved");
    }
    return 0;
}
