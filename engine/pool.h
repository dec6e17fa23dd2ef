/*
 * engine/pool.h — the engine's private view of its node pool, shared by
 * engine/value.c (which owns the pool) and engine/ops.c (whose sweeps walk
 * it): the block a cell lives in, and the sweeps that propagate gradients
 * through a block's cells, newest first (the second also freeing the
 * nodes that die as it goes).
 *
 * Not part of the engine's interface: nothing outside engine/ includes it.
 */
#ifndef MGRAD_ENGINE_POOL_H
#define MGRAD_ENGINE_POOL_H

#include <stddef.h>
#include <stdint.h>

#include "engine/value.h"

enum {
    BLOCK_BYTES = 256 * 1024,      /* a block, aligned to its size */
#if UINTPTR_MAX > 0xFFFFFFFFu
    BITMAP_WORDS = 73              /* one bit per cell: 4672 bits */
#else
    BITMAP_WORDS = 86              /* 48-byte nodes (WebAssembly): 5504 bits */
#endif
};

/* Where a block stands. */
enum {
    BLOCK_TOP,      /* the newest block of the sequence: cells are bumped */
    BLOCK_SEQ,      /* an older block of the sequence, holding live nodes */
    BLOCK_EMPTY     /* no live node: out of the sequence, ready for reuse */
};

/* A block of cells. The blocks that hold live nodes form the sequence,
 * oldest to newest (older/newer); a node made by the bump pointer of the
 * newest block lies after every live node, so among such nodes the order
 * of cells in the sequence is the order of creation. */
typedef struct Block {
    struct Block *next;            /* every block */
    struct Block *older, *newer;   /* the sequence */
    struct Block *next_empty;      /* on the empty list */
    struct Block *next_partial;    /* on the partial list */
    uint64_t seq;                  /* its place in the sequence */
    uint32_t free_count;
    uint32_t high;                 /* BLOCK_TOP: cells [high, end) unused */
    uint32_t marked;               /* a sweep's marked cells in this block */
    uint8_t state;                 /* BLOCK_TOP, BLOCK_SEQ or BLOCK_EMPTY */
    uint8_t in_partial;            /* on the partial list */
    uint64_t free[BITMAP_WORDS];   /* a set bit: a free cell */
    Value nodes[];
} Block;

#define NODES_PER_BLOCK \
    ((size_t)((BLOCK_BYTES - offsetof(Block, nodes)) / sizeof(Value)))

/* The parts of a node's word (Value.word): id_high in its low 16 bits,
 * then the op (5 bits), then the flags (11), as the bit-fields are laid
 * out on the little-endian ABIs mgrad is built for (x86-64, AArch64,
 * WebAssembly; tests/unit/engine_test.c checks it). The passes test and
 * set marks in the word: one load and one store, where a bit-field costs
 * a shift and a merge each way. */
enum { WORD_OP_SHIFT = 16, WORD_FLAGS_SHIFT = 21 };
#define WORD_FLAG(f) ((uint32_t)(f) << WORD_FLAGS_SHIFT)
#define WORD_OP(w) ((OpKind)(((w) >> WORD_OP_SHIFT) & 31u))

static inline Block *block_of(const Value *v)
{
    return (Block *)((uintptr_t)v & ~(uintptr_t)(BLOCK_BYTES - 1));
}

/* A backward sweep under way. pending counts the marked cells not yet
 * reached; out (room for a block's cells) receives each computed node
 * reached, newest first, with its VALUE_FIRST bits set; arith 0 only
 * learns the order and the bits (no gradient is touched). */
typedef struct Sweep {
    size_t pending;
    Value **out;
    int arith;
    /* value_sweep_release_block's: the cells it freed in the block, the
     * lowest of them at index lowest */
    size_t freed, lowest;
} Sweep;

/* Goes through b's cells from top - 1 down, while b has marked cells: a
 * marked cell loses its mark and, when computed, passes its gradient to
 * its children, marking each it reaches first (that contribution is
 * assigned, not added). Returns the new end of s->out. */
Value **value_sweep_block(Block *b, size_t top, Sweep *s);

/* The same sweep for backward and release at once (no order is written):
 * a marked cell also marked VALUE_MARK2 dies as it is passed, once it has
 * passed its gradient on: its cell is freed (its op OP_COUNT; its bit and
 * the counts are the caller's, from s->freed and s->lowest) and its children
 * lose a reference, those that lose their last getting VALUE_MARK2. With
 * s->arith 0 it only frees and clears the marks. */
void value_sweep_release_block(Block *b, size_t top, Sweep *s);

/* Gives back the label of a node about to be freed (VALUE_HELD: through
 * the label hook), for value_sweep_release_block. */
void value_label_gone(Value *v);

#endif
