/*
 * compile/program.c — growing and releasing a Program's arrays.
 */
#include "compile/program.h"

#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

Program *program_new(Source *src)
{
    Program *p = mem_calloc(1, sizeof *p);
    p->refs = 1;
    p->fresh = UINT32_MAX;
    p->src = source_retain(src);
    return p;
}

Program *program_retain(Program *p)
{
    if (p)
        p->refs++;
    return p;
}

void program_release(Program *p)
{
    if (!p || --p->refs > 0)
        return;
    for (uint32_t i = 0; i < p->string_count; i++)
        free(p->strings[i].text);
    free(p->strings);
    free(p->code);
    free(p->numbers);
    free(p->spans);
    for (uint32_t i = 0; i < p->function_count; i++)
        free(p->functions[i].local_names);
    free(p->functions);
    source_release(p->src);
    free(p);
}

void program_grow_code(Program *p)
{
    MEM_GROW(p->code, p->capacity, (size_t)p->capacity + 1, 256);
}

void program_reserve(Program *p, uint32_t n)
{
    MEM_GROW(p->code, p->capacity, n, 256);
}

static unsigned recent_slot(double x)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    return (unsigned)((bits * 0x9E3779B97F4A7C15ull) >> 58);
}

static int same_bits(double x, double y)
{
    return memcmp(&x, &y, sizeof x) == 0;
}

uint32_t program_number(Program *p, double x)
{
    unsigned slot = recent_slot(x);
    uint32_t seen = p->recent[slot];
    if (seen && same_bits(p->numbers[seen - 1], x)) {
        p->fresh = UINT32_MAX;
        return seen - 1;
    }
    MEM_GROW(p->numbers, p->number_capacity, (size_t)p->number_count + 1, 64);
    p->numbers[p->number_count] = x;
    p->recent[slot] = p->number_count + 1;
    p->fresh = p->number_count;
    return p->number_count++;
}

uint32_t program_negate_number(Program *p, uint32_t i)
{
    double x = -p->numbers[i];
    if (i != p->fresh)
        return program_number(p, x);
    unsigned slot = recent_slot(p->numbers[i]);
    if (p->recent[slot] == i + 1)
        p->recent[slot] = 0;
    p->numbers[i] = x;
    p->recent[recent_slot(x)] = i + 1;
    return i;
}

uint32_t program_string(Program *p, char *text, size_t length)
{
    MEM_GROW(p->strings, p->string_capacity, (size_t)p->string_count + 1, 8);
    p->strings[p->string_count].text = text;
    p->strings[p->string_count].length = length;
    return p->string_count++;
}

uint32_t program_spans(Program *p, uint32_t n)
{
    MEM_GROW(p->spans, p->span_capacity, (size_t)p->span_count + n, 16);
    uint32_t at = p->span_count;
    p->span_count += n;
    return at;
}

uint32_t program_function(Program *p, FunctionProto proto)
{
    MEM_GROW(p->functions, p->function_capacity,
             (size_t)p->function_count + 1, 4);
    p->functions[p->function_count] = proto;
    return p->function_count++;
}

const char *const program_attributes[ATTR_COUNT] = {
#define ATTRIBUTE_WORD(name, word) [ATTR_##name] = word,
    ATTRIBUTE_LIST(ATTRIBUTE_WORD)
#undef ATTRIBUTE_WORD
};

Attribute program_attribute(const char *text, size_t length)
{
    for (int a = 1; a < ATTR_COUNT; a++)
        if (strlen(program_attributes[a]) == length &&
            memcmp(program_attributes[a], text, length) == 0)
            return (Attribute)a;
    return ATTR_UNKNOWN;
}

/* The table of compile/opcodes.h, as data. */
static const struct {
    const char *name;
    OperandKind operand;
    int effect;
} opcodes[INS_COUNT] = {
#define OPCODE_ROW(name, operand, effect) [INS_##name] = {#name, operand, effect},
    OPCODE_LIST(OPCODE_ROW)
#undef OPCODE_ROW
};

const char *program_opcode_name(Opcode op)
{
    return opcodes[op].name;
}

OperandKind program_operand(Opcode op)
{
    return opcodes[op].operand;
}

int program_stack_effect(const Program *p, Opcode op, uint16_t aux,
                         uint32_t arg)
{
    switch (op) {
    case INS_APPLY:      return 1 - (int)(arg & ~(uint32_t)APPLY_METHOD);
    case INS_CALL:
    case INS_CALL_LOCAL: return 1 - (int)aux;
    case INS_CALL_VALUE: return -(int)aux;
    case INS_MAKE_LIST:  return 1 - (int)arg;
    case INS_CONCAT:     return 1 - (int)arg;
    case INS_UNPACK:     return (int)arg - 1;
    case INS_COMMAND:    return -(int)p->spans[arg];
    default:             return opcodes[op].effect;
    }
}

void program_dump(FILE *out, const Program *p)
{
    for (uint32_t k = 0; k < p->count; k++) {
        const Instr *i = &p->code[k];
        fprintf(out, "%5u  %-12s aux %-5u ", k, opcodes[i->op].name, i->aux);
        if (opcodes[i->op].operand == OPERAND_JUMP)
            fprintf(out, "-> %d", (int)k + (int32_t)i->arg);
        else
            fprintf(out, "arg %u", i->arg);
        fprintf(out, "%s  [%.*s]\n", i->flags & INS_SILENT ? " ;" : "",
                (int)(i->end - i->start < 30 ? i->end - i->start : 30),
                p->src->text + i->start);
    }
}
