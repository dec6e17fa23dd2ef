/*
 * tests/unit/tables_test.c — the tables that must agree: every command word
 * the scanner reserves has a row in the interpreter's command table with a
 * usage line and help text, and every command row is reserved by the
 * scanner; every callable operation resolves by its name; and the
 * operation table's own columns agree with its functions: a callable
 * function has help text that starts with its call, an op has a kink
 * exactly where its derivative jumps, and an op is commutative exactly when
 * swapping its operands changes neither its value nor its derivatives.
 */
#include <math.h>
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

/* Where operand 0 of a one-argument op at p - d and p + d is defined, does
 * its derivative jump between the two sides? -1 when undefined there. */
static int jumps_at(const OpInfo *info, double p)
{
    double d = 1e-9, lo, hi, dlo[2], dhi[2];
    if (info->forward(p - d, 0, &lo) != VALUE_OK ||
        info->forward(p + d, 0, &hi) != VALUE_OK)
        return -1;
    info->derive(p - d, 0, lo, dlo);
    info->derive(p + d, 0, hi, dhi);
    return fabs(dhi[0] - dlo[0]) > 0.1;
}

static void check_op_columns(void)
{
    char name[160], detail[160];
    static const double points[] = {0, 1, -1, 2, -2.5};
    static const double pairs[][2] = {{1.5, -2}, {3, 0.25}, {-0.75, 4}};
    for (int op = 0; op < OP_COUNT; op++) {
        const OpInfo *info = value_op_info((OpKind)op);
        if (info->callable) {
            snprintf(name, sizeof name, "function '%s' has help text starting "
                     "'%s('", info->name, info->name);
            size_t n = strlen(info->name);
            check(info->help && strncmp(info->help, info->name, n) == 0 &&
                  info->help[n] == '(', name, info->help ? info->help : "none");
        }
        if (info->arity == 1) {
            for (size_t i = 0; i < sizeof points / sizeof *points; i++) {
                int jump = jumps_at(info, points[i]);
                if (jump < 0)
                    continue;
                int column = info->has_kink && info->kink == points[i];
                snprintf(name, sizeof name, "op '%s' %s kink at %g",
                         info->name, column ? "has a" : "has no", points[i]);
                snprintf(detail, sizeof detail, "its derivative %s there",
                         jump ? "jumps" : "is continuous");
                check(jump == column, name, detail);
            }
        } else {
            snprintf(name, sizeof name, "op '%s' has no kink", info->name);
            check(!info->has_kink, name, "a kink on a binary op");
        }
        if (info->arity == 2) {
            int symmetric = 1;
            for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
                double a = pairs[i][0], b = pairs[i][1], ab, ba, dab[2], dba[2];
                if (info->forward(a, b, &ab) != VALUE_OK ||
                    info->forward(b, a, &ba) != VALUE_OK) {
                    symmetric = 0;
                    continue;
                }
                info->derive(a, b, ab, dab);
                info->derive(b, a, ba, dba);
                if (ab != ba || dab[0] != dba[1] || dab[1] != dba[0])
                    symmetric = 0;
            }
            snprintf(name, sizeof name, "op '%s' is %scommutative", info->name,
                     info->commutative ? "" : "not ");
            check(symmetric == info->commutative, name,
                  "the column disagrees with swapping the operands");
        } else {
            snprintf(name, sizeof name, "op '%s' is not commutative", info->name);
            check(!info->commutative, name, "commutative with one operand");
        }
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
    check_op_columns();
    return 0;
}
