/*
 * engine/value.c — nodes, their memory, and the algorithms over a graph:
 * backward by a sweep, the kept order, zero, forward, topological order,
 * release.
 *
 * Memory: nodes are 56-byte cells in blocks (engine/pool.h). The blocks
 * that hold live nodes form a sequence, oldest to newest; a new node is
 * bumped from the end of the newest (the top), after every live node, so
 * such nodes lie in the sequence in the order they were made, each child
 * before its parents. A cell freed at the top's end moves the bump pointer
 * back (with any free cells under it), so a graph freed whole gives its
 * cells to the next in the same order; a block left empty leaves the
 * sequence for the empty list and is taken again as a new top. Gaps under
 * live nodes are reused only when memory is scarce (the sequence holding
 * more than twice the live nodes): a node made there is VALUE_SCATTERED,
 * and so is every node over one. Blocks go back in value_shutdown(), when
 * no node is alive. value_free_all() drops every node at once: it frees
 * the labels, gives each cell a count no release can bring to zero, and
 * sets the blocks aside for value_shutdown(), so that references still
 * held can be released afterwards at no cost and with no check on the hot
 * path. A freed cell has op OP_COUNT, so value_zero_all() and
 * value_free_all() can walk the blocks and skip it.
 *
 * Backward goes through the graph newest node first. For an ordered root
 * that is the order of the cells: a sweep from the root's cell down, block
 * by block (engine/ops.c's value_sweep_block), in which a marked cell
 * passes its gradient to its children and marks them, the first
 * contribution a child gets assigned; it ends when no marked cell is left
 * below it. The sweep writes down the computed nodes it reaches, with the
 * bits VALUE_FIRST0/VALUE_FIRST1 saying which contributions are a child's
 * first: the kept order ("tape"), newest first. The graph reachable from a
 * root never changes while the root lives, so forward, backward and zero
 * over the same root walk the tape and never search the graph again. The
 * tape is keyed by the root's address, dropped when another root is asked
 * for, and dropped by node_free() when its root goes (so a cell reused for
 * a new node is never taken for the old root), its array given back when
 * large. A scattered root's tape comes from a depth-first search sorted by
 * creation, the same order.
 *
 * No function here recurses on graph depth. The depth-first search
 * (value_topo, and scattered graphs) runs on an explicit stack of node
 * pointers, with the two mark bits of each node as its state, so a chain
 * ten million deep needs one pointer per node of stack and no C stack.
 * Release frees an ordered node's graph by a sweep like backward's, down
 * the cells from the node (value_release), and a scattered one's depth
 * first, with a stack of the nodes whose count fell to zero; a node that
 * dies far below the sweep, or from a label hook during a release, waits
 * on a list until the release under way is done. The passes prefetch the
 * cells they are about to reach. The stacks
 * are kept between calls at their high-water size, like the pool, and
 * freed by value_shutdown(): on some virtual machines fresh memory costs
 * far more than the traversal itself. Long traversals poll the interrupt
 * flag every POLL_INTERVAL nodes; passes over the tape poll it between
 * slices of SLICE nodes, the sweep between blocks.
 */
/* For madvise(MADV_POPULATE_WRITE) where the C library has it. */
#define _DEFAULT_SOURCE 1

#include "engine/value.h"
#include "engine/pool.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "util/mem.h"

enum {
    POLL_INTERVAL = 65536,
    /* Tape passes go a slice at a time, polling the interrupt flag. */
    SLICE = 4096,
    /* A tape at least this large (bytes, a million nodes) is given back
     * when its root goes; a smaller one is kept for the next graph, which
     * saves a training loop mapping and faulting it in at every step. */
    TAPE_KEEP_MAX = 1 << 23
};

/* A block with at least this many free cells may have its gaps reused. */
#define PARTIAL_MIN (NODES_PER_BLOCK / 4)

/* With 32-bit pointers (the WebAssembly build) the two children and the
 * label take 12 bytes instead of 24, and a node is 48 bytes. */
#if UINTPTR_MAX > 0xFFFFFFFFu
_Static_assert(sizeof(Value) == 56, "a node is 56 bytes");
#else
_Static_assert(sizeof(Value) == 48, "a node is 48 bytes with 32-bit pointers");
#endif
_Static_assert(OP_COUNT < 32 && VALUE_SCATTERED < (1u << 11),
               "the op and the flags fit their bit fields");
_Static_assert(NODES_PER_BLOCK <= 64 * BITMAP_WORDS, "a bit for every cell");

enum { MARKS = VALUE_MARK1 | VALUE_MARK2, FIRSTS = VALUE_FIRST0 | VALUE_FIRST1 };

static Block *blocks;            /* every block, newest first */
static Block *top;               /* the sequence's newest block */
static Block *current;           /* cells come from here: top, or a partial
                                    block when memory is scarce */
static unsigned current_word;    /* where current's search for a gap starts */
static Block *empty;             /* blocks with no live node */
static Block *partial;           /* sequence blocks with gaps to reuse */
static Block *dropped;           /* value_free_all()'s blocks, until shutdown */
static size_t sequence_blocks;   /* blocks in the sequence */
static uint64_t next_seq;
static uint64_t freed_nodes;     /* nodes ever freed (live: made - freed) */
static size_t peak_live_nodes;   /* brought up to date before live_nodes()
                                    falls, not at every node made */
enum { ID_BITS = 48 };
#define ID_LAST ((UINT64_C(1) << ID_BITS) - 1)
static uint64_t next_id = 1;    /* the next node's id, up to ID_LAST */
static uint64_t saturated;       /* nodes made with the last id */
/* The top's cells that node_bump() takes, [bump_next, bump_end), while
 * current is the top (else both NULL): the top's bump pointer is then
 * bump_next, and top->high is brought up to date (bump_sync()) before it
 * is read. The nodes made there take ids from next_id on without the high
 * 32 bits changing; bump_word is those bits' part of their word. */
static Value *bump_next, *bump_end;
static uint32_t bump_word;
static volatile sig_atomic_t *interrupt_flag;
static ValueList dying;          /* release's stack (depth first) */
static ValueList deferred;       /* nodes dead but not yet freed: see
                                    value_release() */
static int releasing;            /* a release is under way */
static ValueList tape;           /* the kept order: computed nodes, newest
                                    first */
static const Value *tape_root;   /* its root; NULL: no tape */
static uint64_t order_builds;

/* Nodes made, and alive: counted from the ids and the frees, not at each
 * node made. */
static inline uint64_t nodes_made(void)
{
    return next_id - 1 + saturated;
}

static inline size_t live_nodes(void)
{
    return (size_t)(nodes_made() - freed_nodes);
}

/* True every POLL_INTERVAL steps while the interrupt flag is raised. */
static int interrupted(size_t step)
{
    return (step % POLL_INTERVAL) == 0 && interrupt_flag && *interrupt_flag;
}

void value_set_interrupt_flag(volatile sig_atomic_t *flag)
{
    interrupt_flag = flag;
}

int value_interrupt_pending(void)
{
    return interrupt_flag && *interrupt_flag;
}

static void tape_drop(void);

/* ---- memory ----------------------------------------------------------------- */

/* Asks for the pages of fresh memory in one call, where the system can:
 * on some virtual machines a page fault costs tens of microseconds, which
 * for a graph of millions of nodes would be most of the time spent. */
static void prefault(void *p, size_t size)
{
#ifdef MADV_POPULATE_WRITE
    static uintptr_t page;
    if (!page) {
        long size_of_page = sysconf(_SC_PAGESIZE);
        page = size_of_page > 0 ? (uintptr_t)size_of_page : 4096;
    }
    uintptr_t start = ((uintptr_t)p + page - 1) & ~(page - 1);
    uintptr_t end = ((uintptr_t)p + size) & ~(page - 1);
    if (end > start)
        madvise((void *)start, end - start, MADV_POPULATE_WRITE);
#else
    (void)p, (void)size;
#endif
}

static Block *new_block(void)
{
    Block *b = aligned_alloc(BLOCK_BYTES, BLOCK_BYTES);
    if (!b)
        mem_out_of_memory();
    prefault(b, BLOCK_BYTES);
    b->next = blocks;
    blocks = b;
    b->older = b->newer = b->next_empty = b->next_partial = NULL;
    b->free_count = (uint32_t)NODES_PER_BLOCK;
    b->high = 0;
    b->marked = 0;
    b->state = BLOCK_EMPTY;
    b->in_partial = 0;
    for (unsigned w = 0; w < BITMAP_WORDS; w++) {
        size_t first = (size_t)w * 64;
        size_t n = first >= NODES_PER_BLOCK ? 0
                   : NODES_PER_BLOCK - first >= 64 ? 64
                   : NODES_PER_BLOCK - first;
        b->free[w] = n == 64 ? ~(uint64_t)0 : (((uint64_t)1 << n) - 1);
    }
    for (size_t i = 0; i < NODES_PER_BLOCK; i++)
        b->nodes[i].word = (uint32_t)OP_COUNT << WORD_OP_SHIFT;
    return b;
}

/* Whether cell v holds no node (its op is OP_COUNT). */
static inline int cell_is_free(const Value *v)
{
    return WORD_OP(v->word) == OP_COUNT;
}

/* Sets the bits of the free cells among b's cells [from, to). */
static void mark_free(Block *b, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (cell_is_free(&b->nodes[i]))
            b->free[i / 64] |= (uint64_t)1 << (i % 64);
}

/* b, which has no live node and is not the top, leaves the sequence for
 * the empty list (it stays on the partial list until that is next read). */
static void leave_sequence(Block *b)
{
    if (b->older)
        b->older->newer = b->newer;
    if (b->newer)
        b->newer->older = b->older;
    b->older = b->newer = NULL;
    b->state = BLOCK_EMPTY;
    b->next_empty = empty;
    empty = b;
    sequence_blocks--;
}

/* A sequence block with enough gaps goes on the partial list. */
static void maybe_partial(Block *b)
{
    if (!b->in_partial && b->state == BLOCK_SEQ &&
        b->free_count >= PARTIAL_MIN) {
        b->in_partial = 1;
        b->next_partial = partial;
        partial = b;
    }
}

/* The sequence holds more than twice the live nodes (in gaps left by
 * nodes freed under live ones): reuse a partial block's gaps instead of
 * growing. The nodes made there are out of order (VALUE_SCATTERED). */
static int take_partial(void)
{
    if (sequence_blocks * NODES_PER_BLOCK <= 2 * live_nodes() + 2 * NODES_PER_BLOCK)
        return 0;
    while (partial) {
        Block *b = partial;
        partial = b->next_partial;
        b->in_partial = 0;
        if (b->state == BLOCK_SEQ && b->free_count >= PARTIAL_MIN) {
            current = b;
            current_word = 0;
            return 1;
        }
    }
    return 0;
}

/* Brings the top's bump pointer up to date from bump_next. */
static inline void bump_sync(void)
{
    if (bump_end)
        top->high = (uint32_t)(bump_next - top->nodes);
}

/* Sets bump_next and bump_end from the top's bump pointer, when current is
 * the top: as far as its end, or as far as the high 32 bits of the ids
 * stay the same (and never past the last id: those nodes come by
 * take_cell_slowly(), which holds it). */
static void bump_load(void)
{
    bump_next = bump_end = NULL;
    if (!current || current != top)
        return;
    uint64_t room = NODES_PER_BLOCK - top->high;
    uint64_t in_word = UINT32_MAX - (next_id & UINT32_MAX);
    if (in_word < room)
        room = in_word;
    if (ID_LAST - next_id < room)
        room = 0;
    bump_next = &top->nodes[top->high];
    bump_end = bump_next + room;
    bump_word = (uint32_t)((next_id >> 32) & 0xffffu);
}

/* Block t stops being the top: the cells over its bump pointer get their
 * bits and are counted free, as in any other block. */
static void top_settle(Block *t)
{
    for (size_t i = t->high; i < NODES_PER_BLOCK; i++)
        t->free[i / 64] |= (uint64_t)1 << (i % 64);
    t->free_count += (uint32_t)(NODES_PER_BLOCK - t->high);
}

/* Chooses where the next cells come from, current being used up: a
 * partial block when memory is scarce, else the top's room, else a new
 * top (an empty block or a fresh one) after every live node. */
static void next_block(void)
{
    if (current && current != top) {
        Block *b = current;
        current = NULL;
        if (b->free_count == NODES_PER_BLOCK)
            leave_sequence(b);
        else
            maybe_partial(b);
    }
    if (take_partial())
        return;
    if (top && top->high < NODES_PER_BLOCK) {
        current = top;
        return;
    }
    Block *b = empty;
    if (b)
        empty = b->next_empty;
    else
        b = new_block();
    /* A top's bits and count are those of the gaps below its bump
     * pointer; the cells from there up are free without a bit. */
    b->state = BLOCK_TOP;
    b->high = 0;
    memset(b->free, 0, sizeof b->free);
    b->free_count = 0;
    b->seq = next_seq++;
    b->older = top;
    b->newer = NULL;
    if (top) {
        top_settle(top);
        top->newer = b;
        top->state = BLOCK_SEQ;
        maybe_partial(top);
    }
    top = b;
    current = b;
    sequence_blocks++;
}

/* A cell from the lowest gap of current, or after choosing a new current;
 * *scattered says the cell is not after every live node. */
static __attribute__((noinline)) Value *take_cell_slowly(unsigned *scattered)
{
    bump_sync();
    for (;;) {
        Block *b = current;
        if (b && b == top && b->high < NODES_PER_BLOCK) {
            *scattered = 0;
            return &b->nodes[b->high++];
        }
        if (b && b != top && b->free_count) {
            while (!b->free[current_word])
                current_word++;
            uint64_t bits = b->free[current_word];
            unsigned bit = (unsigned)__builtin_ctzll(bits);
            b->free[current_word] = bits & (bits - 1);
            b->free_count--;
            *scattered = VALUE_SCATTERED;
            return &b->nodes[current_word * 64 + bit];
        }
        next_block();
    }
}

/* Makes v, a cell just taken, a new node of operation op with flags
 * (its data, children and label to be set by the caller). The op and
 * the flags share a word: each is written once. */
static inline void node_init(Value *v, unsigned op, unsigned flags)
{
    v->data = 0;
    v->grad = 0;
    v->child[0] = v->child[1] = NULL;
    v->label = NULL;
    v->label_at = 0;
    v->id_low = (uint32_t)next_id;
    v->word = (uint32_t)((next_id >> 32) & 0xffffu) |
              ((uint32_t)op << WORD_OP_SHIFT) | WORD_FLAG(flags);
    next_id++;
    v->refs = 1;
}

/* Called before the live count falls: the peak is the count at that
 * moment. */
static inline void note_peak(void)
{
    if (live_nodes() > peak_live_nodes)
        peak_live_nodes = live_nodes();
}

/* The usual way a cell is taken: the next of the top (current, with room:
 * can_bump()), after every live node. Its bit and the top's count are
 * left as they are (see next_block()). node_init() with the id's high
 * bits known. */
static inline Value *node_bump(unsigned op, unsigned flags)
{
    Value *v = bump_next++;
    __builtin_prefetch(v + 16, 1);
    v->data = 0;
    v->grad = 0;
    v->child[0] = v->child[1] = NULL;
    v->label = NULL;
    v->label_at = 0;
    v->id_low = (uint32_t)next_id++;
    v->word = bump_word | ((uint32_t)op << WORD_OP_SHIFT) | WORD_FLAG(flags);
    v->refs = 1;
    return v;
}

/* Whether node_bump() may be used. */
static inline int can_bump(void)
{
    return bump_next != bump_end;
}

/* A new node of operation op, its flags `flags` and VALUE_SCATTERED when
 * its cell is out of order. */
static inline Value *node_alloc(unsigned op, unsigned flags)
{
    if (can_bump())
        return node_bump(op, flags);
    unsigned scattered = 0;
    Value *v = take_cell_slowly(&scattered);
    node_init(v, op, flags | scattered);
    if (next_id > ID_LAST) {
        next_id = ID_LAST;   /* (never reached in practice) */
        saturated++;
    }
    bump_load();
    return v;
}

static void (*label_release)(const Value *v);

void value_set_label_hook(void (*release)(const Value *v))
{
    label_release = release;
}

/* What a freed cell holds goes: its label (through the hook), its
 * children, its operation (OP_COUNT: a free cell); the kept order goes
 * with its root. */
static inline __attribute__((always_inline)) void cell_clear(Value *v)
{
    if (v == tape_root)
        tape_drop();
    if ((v->flags & VALUE_HELD) && label_release)
        label_release(v);
    v->label = NULL;
    v->refs = 0;
    v->op = OP_COUNT;
    v->flags = 0;
    v->child[0] = v->child[1] = NULL;
}

/* count cells of b were freed, all among its cells [lowest, end) (their
 * bits may be unset): the counts, where b stands, and the bits where they
 * are read. Bits are read only below the top's bump pointer and in blocks
 * that hold live nodes (an empty block gets new ones when it is taken
 * again), so the sweeps leave them to this, and a graph freed whole, as a
 * training step frees its graph, sets none: its cells go over the top's
 * bump pointer or leave the sequence with their blocks. */
static void block_freed(Block *b, size_t count, size_t lowest, size_t end)
{
    b->free_count += (uint32_t)count;
    freed_nodes += count;
    if (b == top) {
        bump_sync();
        /* The top's bump pointer comes back over the free cells at its end,
         * so a graph freed whole leaves its cells to the next, in order;
         * the cells it passes lose their bits (see next_block()). */
        size_t high = b->high;
        while (high > 0 && cell_is_free(&b->nodes[high - 1])) {
            high--;
            b->free[high / 64] &= ~((uint64_t)1 << (high % 64));
            b->free_count--;
        }
        b->high = (uint32_t)high;
        bump_load();
        mark_free(b, lowest, end < high ? end : high);
    } else if (b == current) {
        mark_free(b, lowest, end);
        if (lowest / 64 < current_word)
            current_word = (unsigned)(lowest / 64);
    } else if (b->free_count == NODES_PER_BLOCK) {
        leave_sequence(b);
    } else {
        mark_free(b, lowest, end);
        maybe_partial(b);
    }
}

static inline __attribute__((always_inline)) void node_free(Value *v)
{
    cell_clear(v);
    Block *b = block_of(v);
    size_t i = (size_t)(v - b->nodes);
    b->free[i / 64] |= (uint64_t)1 << (i % 64);
    if (b == top && v + 1 != (bump_end ? bump_next : &b->nodes[b->high])) {
        /* (the usual case in a top block, without a call) */
        b->free_count++;
        freed_nodes++;
        return;
    }
    block_freed(b, 1, i, i + 1);
}

uint64_t value_created_count(void)
{
    return nodes_made();
}

size_t value_peak_live_count(void)
{
    note_peak();
    return peak_live_nodes;
}

size_t value_live_count(void)
{
    return live_nodes();
}

uint64_t value_order_builds(void)
{
    return order_builds;
}

size_t value_order_bytes(void)
{
    return tape.capacity * sizeof *tape.items;
}

static void free_blocks(Block *list)
{
    while (list) {
        Block *next = list->next;
        free(list);
        list = next;
    }
}

void value_shutdown(void)
{
    value_list_free(&dying);
    value_list_free(&deferred);
    tape_root = NULL;
    value_list_free(&tape);
    free_blocks(dropped);
    dropped = NULL;
    if (!live_nodes()) {
        free_blocks(blocks);
        blocks = NULL;
        top = current = empty = partial = NULL;
        bump_next = bump_end = NULL;
        sequence_blocks = 0;
    }
}

/* A dropped cell's count: releases that come after value_free_all() count
 * down from it and never free the cell again. */
#define DROPPED_REFS (UINT32_MAX / 2)

void value_free_all(void)
{
    /* Labels are the one thing a cell may hold outside its block. */
    for (Block *b = blocks; b; b = b->next) {
        for (size_t i = 0; i < NODES_PER_BLOCK; i++) {
            Value *v = &b->nodes[i];
            if (v->op != OP_COUNT) {
                if ((v->flags & VALUE_HELD) && label_release)
                    label_release(v);
                v->label = NULL;
                v->flags &= (uint16_t)~VALUE_HELD;
                v->refs = DROPPED_REFS;
            }
        }
    }
    /* The blocks wait for value_shutdown(); new nodes get new ones. */
    if (blocks) {
        Block *last = blocks;
        while (last->next)
            last = last->next;
        last->next = dropped;
        dropped = blocks;
    }
    blocks = NULL;
    top = current = empty = partial = NULL;
    bump_next = bump_end = NULL;
    sequence_blocks = 0;
    note_peak();
    freed_nodes = nodes_made();
    dying.count = 0;
    deferred.count = 0;
    tape_drop();
}

/* Doubles list's array. Its new half is not prefaulted: pages arrive as
 * the list fills them, and the half a list never reaches costs nothing
 * (prefaulting it cost 18 MB of the 10^6-step chain's peak). */
static void list_grow(ValueList *list)
{
    MEM_GROW(list->items, list->capacity, list->capacity + 1, 64);
}

void value_list_push(ValueList *list, Value *v)
{
    if (list->count == list->capacity)
        list_grow(list);
    list->items[list->count++] = v;
}

void value_list_free(ValueList *list)
{
    free(list->items);
    list->items = NULL;
    list->count = list->capacity = 0;
}

/* ---- construction ------------------------------------------------------------ */

Value *value_leaf(double data)
{
    Value *v = node_alloc(OP_LEAF, 0);
    v->data = data;
    return v;
}

Value *value_constant(double data)
{
    Value *v = node_alloc(OP_LEAF, VALUE_CONST);
    v->data = data;
    return v;
}

/* The node of op over a and b (b NULL or ignored for a one-operand op),
 * its children set without a reference counted for them; NULL on a domain
 * error. */
static Value *apply_checked(OpKind op, Value *a, Value *b, ValueStatus *status)
{
    assert(op > OP_LEAF && op < OP_COUNT);
    int binary = value_op_info(op)->arity == 2;
    assert(a && (!binary || b));
    double out = 0;
    ValueStatus s = value_compute(op, a->data, binary ? b->data : 0.0, &out);
    if (status)
        *status = s;
    if (s != VALUE_OK && s != VALUE_OVERFLOW)
        return NULL;
    unsigned flags = a->flags | (binary ? b->flags : 0);
    Value *v = node_alloc(op, flags & VALUE_SCATTERED);
    v->data = out;
    v->child[0] = a;
    if (binary)
        v->child[1] = b;
    return v;
}

/* The same; the operations a network is made of are computed here, the
 * way their table rows compute them (a finite result needs no check). */
static inline Value *apply(OpKind op, Value *a, Value *b, ValueStatus *status)
{
    double out, x = a->data;
    switch (op) {
    case OP_ADD:
        out = x + b->data;
        break;
    case OP_SUB:
        out = x - b->data;
        break;
    case OP_MUL:
        out = x * b->data;
        break;
    case OP_RELU:
        out = x > 0 || isnan(x) ? x : 0.0;
        b = NULL;
        break;
    default:
        /* (tanh outside the switch: as a case it made the others dearer) */
        if (op != OP_TANH)
            return apply_checked(op, a, b, status);
        out = tanh(x);
        b = NULL;
        break;
    }
    if (isinf(out))
        return apply_checked(op, a, b, status);
    if (status)
        *status = VALUE_OK;
    Value *v = node_alloc(op, (a->flags | (b ? b->flags : 0)) &
                                  VALUE_SCATTERED);
    v->data = out;
    v->child[0] = a;
    v->child[1] = b;
    return v;
}

Value *value_apply(OpKind op, Value *a, Value *b, ValueStatus *status)
{
    Value *v = apply(op, a, b, status);
    if (v) {
        value_retain(v->child[0]);
        value_retain(v->child[1]);
    }
    return v;
}

static __attribute__((noinline)) Value *
apply_taking_slowly(OpKind op, Value *a, Value *b, ValueStatus *status)
{
    Value *v = apply(op, a, b, status);
    if (!v) {                   /* a domain error: the references go */
        value_release(a);
        value_release(b);
    } else if (b && !v->child[1]) {
        value_release(b);       /* a second operand the op does not take */
    }
    return v;
}

/* tanh of one node, in a cell bumped from the top: the call to tanh()
 * kept out of value_apply_taking()'s path (tanh of a double is never
 * infinite). The numbers are apply()'s. */
static __attribute__((noinline)) Value *
tanh_taking(Value *a, ValueStatus *status)
{
    double out = tanh(a->data);
    if (!can_bump())
        return apply_taking_slowly(OP_TANH, a, NULL, status);
    if (status)
        *status = VALUE_OK;
    Value *v = node_bump(OP_TANH, (a->word >> WORD_FLAGS_SHIFT) & VALUE_SCATTERED);
    v->data = out;
    v->child[0] = a;
    v->child[1] = NULL;
    return v;
}

/* The usual case first, free of calls so that it saves no registers (a
 * sixth of the instructions it took): +, - or * of two nodes, or relu of
 * one, with a finite result, in a cell bumped from the top; tanh of one
 * goes on at once to its own path. The numbers are apply()'s. */
Value *value_apply_taking(OpKind op, Value *a, Value *b, ValueStatus *status)
{
    double out, x = a->data;
    if (!can_bump())
        return apply_taking_slowly(op, a, b, status);
    switch (op) {
    case OP_ADD:
        out = x + b->data;
        break;
    case OP_SUB:
        out = x - b->data;
        break;
    case OP_MUL:
        out = x * b->data;
        break;
    case OP_RELU:
        if (b)
            return apply_taking_slowly(op, a, b, status);
        out = x > 0 || isnan(x) ? x : 0.0;
        break;
    default:
        if (op == OP_TANH && !b)
            return tanh_taking(a, status);
        return apply_taking_slowly(op, a, b, status);
    }
    if (isinf(out))
        return apply_taking_slowly(op, a, b, status);
    if (status)
        *status = VALUE_OK;
    Value *v = node_bump(op, ((a->word | (b ? b->word : 0)) >>
                              WORD_FLAGS_SHIFT) & VALUE_SCATTERED);
    v->data = out;
    v->child[0] = a;
    v->child[1] = b;
    return v;
}

/* Frees n, whose count fell to zero, and every node that dies with it,
 * depth first: the way for a scattered node, whose graph is not in the
 * order of the cells. Follow one dying child directly and stack only the
 * second, so a chain goes without touching the stack. When both die and
 * one is a leaf (no children of its own), the leaf goes first and the
 * other waits in `after`, not on the stack: the chain's w and constant
 * would otherwise pile up there, two a step, to be read again at the end. */
static void release_depth_first(Value *n)
{
    Value *after = NULL;
    for (;;) {
        Value *c0 = n->child[0], *c1 = n->child[1];
        node_free(n);
        Value *next = NULL;
        if (c1 && --c1->refs == 0)
            next = c1;
        if (c0 && --c0->refs == 0) {
            if (!next) {
                next = c0;
            } else if (next->op == OP_LEAF) {
                after = c0;
            } else if (c0->op == OP_LEAF) {
                after = next;
                next = c0;
            } else {
                value_list_push(&dying, next);
                next = c0;
            }
        }
        if (!next) {
            if (after) {
                next = after;
                after = NULL;
            } else if (!dying.count) {
                break;
            } else {
                next = dying.items[--dying.count];
            }
        }
        n = next;
    }
}

/* How far below the block being swept a release marks a dying child:
 * RELEASE_REACH blocks (16 MiB of nodes). A child further down is freed
 * by a sweep of its own, from its cell (`deferred`), so that one release
 * never walks the whole sequence for a node at its bottom. */
enum { RELEASE_REACH = 64 };

/* A child k of a node being freed in block b lost a reference. When that
 * was its last, it dies: it is marked for the sweep (the count of marked
 * cells of its block goes up: *here for b) when its block is b or at most
 * RELEASE_REACH blocks older, and otherwise waits in `deferred`. */
static inline __attribute__((always_inline)) void
release_child(Value *k, const Block *b, uint32_t *here, size_t *pending)
{
    if (!k || --k->refs > 0)
        return;
    Block *kb = block_of(k);
    if (kb == b) {
        k->word |= WORD_FLAG(VALUE_MARK1);
        ++*here;
        ++*pending;
    } else if (b->seq - kb->seq <= RELEASE_REACH) {
        k->word |= WORD_FLAG(VALUE_MARK1);
        kb->marked++;
        ++*pending;
    } else {
        value_list_push(&deferred, k);
    }
}

/*
 * Frees ordered node v, whose count fell to zero, and every node that dies
 * with it, by a sweep like backward's: its graph lies below it in the
 * order of the cells (an ordered node's children are ordered, and older),
 * so going down the cells from v, block by block, reaches each dying node
 * after all its parents. A marked cell is freed and its children lose a
 * reference; those it was the last of are marked. The cells are read in
 * one direction, with the next ones prefetched, instead of a chase from
 * node to node, and the blocks that hold no marked cell are passed over.
 * A freed cell keeps its children and label pointers, as a sweep that
 * frees while it differentiates leaves them (engine/ops.c): a cell taken
 * again is written whole. No node is freed outside block b while b is
 * swept, so the block before it stays in the sequence (a release from a
 * label hook waits in `deferred` too).
 */
static void release_sweep(Value *v)
{
    Block *b = block_of(v);
    size_t at = (size_t)(v - b->nodes) + 1;
    v->word |= WORD_FLAG(VALUE_MARK1);
    b->marked++;
    size_t pending = 1;
    for (;;) {
        uint32_t here = b->marked;
        /* The block's bits and counts are brought up to date once, after
         * its cells are freed. */
        size_t freed = 0;
        Value *lowest = b->nodes + at;
        for (Value *n = b->nodes + at; here && n-- > b->nodes;) {
            __builtin_prefetch((const char *)n - 1024, 1);
            uint32_t w = n->word;
            if (!(w & WORD_FLAG(VALUE_MARK1)))
                continue;
            here--;
            pending--;
            Value *c0 = n->child[0], *c1 = n->child[1];
            if (n == tape_root)
                tape_drop();
            if ((w & WORD_FLAG(VALUE_HELD)) && label_release)
                label_release(n);
            /* a free cell: its count is 0 already, its op OP_COUNT and no
             * flags */
            n->word = (w & 0xffffu) | ((uint32_t)OP_COUNT << WORD_OP_SHIFT);
            freed++;
            lowest = n;
            release_child(c1, b, &here, &pending);
            release_child(c0, b, &here, &pending);
        }
        b->marked = 0;
        Block *older = b->older;
        if (freed)
            block_freed(b, freed, (size_t)(lowest - b->nodes), at);
        if (!pending)
            break;
        while (!older->marked) {
            assert(older->older);
            older = older->older;
        }
        b = older;
        at = NODES_PER_BLOCK;
    }
}

void value_release(Value *v)
{
    if (!v)
        return;
    assert(v->refs > 0);
    if (--v->refs > 0)
        return;
    note_peak();
    if (releasing) {
        /* From a label hook during a release: the release under way
         * frees it when it is done. */
        value_list_push(&deferred, v);
        return;
    }
    releasing = 1;
    for (;;) {
        if (v->flags & VALUE_SCATTERED)
            release_depth_first(v);
        else
            release_sweep(v);
        if (!deferred.count)
            break;
        v = deferred.items[--deferred.count];
    }
    releasing = 0;
}

void value_label_gone(Value *v)
{
    if (label_release)
        label_release(v);
}

/*
 * Backward and the release of the caller's reference to root at once, for
 * an ordered root whose last reference that is (see value.h): one sweep,
 * like backward's, from the root's cell down, in which a marked cell
 * passes its gradient on and, when marked VALUE_MARK2 (dying: the root,
 * then every node whose last reference a dying parent held), is freed and
 * lets go of its children (engine/ops.c's value_sweep_release_block). A
 * node is reached after all its parents, so when it is reached it is
 * known whether it dies. No order is kept (its root is gone), and the
 * order kept for another root goes, as a new root's backward would drop
 * it. On an interrupt the sweep goes on without the arithmetic, so that
 * the graph is still freed. A node released from a label hook meanwhile
 * waits in `deferred`, as in value_release().
 */
static ValueStatus backward_release(Value *root)
{
    ValueStatus status = VALUE_OK;
    tape_drop();
    note_peak();
    releasing = 1;
    root->grad = 1;
    root->refs = 0;
    root->flags |= MARKS;
    Block *b = block_of(root);
    size_t at = (size_t)(root - b->nodes) + 1;
    b->marked++;
    Sweep s = {1, NULL, 1, 0, 0};
    for (;;) {
        Block *older = b->older;
        if (b->marked) {
            value_sweep_release_block(b, at, &s);
            if (s.freed)
                block_freed(b, s.freed, s.lowest, at);
        }
        if (!s.pending)
            break;
        b = older;
        at = NODES_PER_BLOCK;
        if (s.arith && value_interrupt_pending()) {
            s.arith = 0;
            status = VALUE_INTERRUPTED;
        }
    }
    while (deferred.count) {
        Value *v = deferred.items[--deferred.count];
        if (v->flags & VALUE_SCATTERED)
            release_depth_first(v);
        else
            release_sweep(v);
    }
    releasing = 0;
    return status;
}

ValueStatus value_backward_release(Value *root)
{
    if (root->refs > 1 || (root->flags & VALUE_SCATTERED) || releasing ||
        root == tape_root) {
        ValueStatus status = value_backward(root);
        value_release(root);
        return status;
    }
    return backward_release(root);
}

void value_set_label(Value *v, const void *label, uint32_t at,
                     unsigned kind)
{
    enum { KINDS = VALUE_NAMED | VALUE_HELD | VALUE_SPAN | VALUE_PARAM };
    v->label = label;
    v->label_at = at;
    v->flags = (uint16_t)((v->flags & ~KINDS) | (kind & KINDS));
}

/* ---- topological order ---------------------------------------------------- */

/* Clears the marks of items[from .. to). */
static void unmark(Value **items, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        items[i]->flags &= (uint16_t)~MARKS;
}

/* Clears the marks of items[from .. to) and of their children. */
static void unmark_around(Value **items, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        Value *v = items[i];
        v->flags &= (uint16_t)~MARKS;
        for (int k = 0; k < 2; k++)
            if (v->child[k])
                v->child[k]->flags &= (uint16_t)~MARKS;
    }
}

/* The path lives at the far end of out's array, growing down towards the
 * listed nodes: a node is on the path or listed, never both, so the two
 * share one array and the path needs no memory of its own. out->items[top]
 * is the path's top; it is empty when top == out->capacity. */
static size_t path_room(ValueList *out, size_t top)
{
    size_t old = out->capacity;
    list_grow(out);
    size_t moved = old - top;
    memmove(out->items + out->capacity - moved, out->items + top,
            moved * sizeof *out->items);
    return out->capacity - moved;
}

/*
 * The recursive build_topo, unrolled: appends the nodes reachable from root
 * to out, children before parents, children in operand order; with
 * computed_only, leaves are left out (but marked). A node's marks say
 * where it is:
 *   no mark           not reached yet;
 *   MARK1             on the path, child 0 under way (or done);
 *   MARK1 and MARK2   child 1 under way (or done): listed when next on top.
 * A node is pushed only when first reached, so it is on the stack at most
 * once and the order is exactly the recursive post-order. A leaf is done
 * as soon as it is reached, without going on the stack.
 *
 * Every reached node keeps its marks: the caller clears them in its own
 * pass, which saves a pass over millions of nodes. Each reached node is
 * listed or a child of a listed node. When interrupted, it clears the
 * marks itself and leaves out as it was.
 */
static ValueStatus collect(Value *root, ValueList *out, int computed_only)
{
    size_t first = out->count, step = 0;
    if (out->count == out->capacity)
        list_grow(out);
    size_t top = out->capacity;
    root->flags |= VALUE_MARK1;
    out->items[--top] = root;
    while (top < out->capacity) {
        if (interrupted(++step)) {
            unmark_around(out->items, first, out->count);
            unmark_around(out->items, top, out->capacity);
            out->count = first;
            if (first == 0)
                value_list_free(out);   /* as it was: the path grew it */
            return VALUE_INTERRUPTED;
        }
        Value *v = out->items[top];
        Value *next = NULL;
        if (!(v->flags & VALUE_MARK2)) {
            /* Child 0 is unreached only on the first visit: when it comes
             * back it is marked, and the second visit moves on. */
            Value *c0 = v->child[0];
            if (c0 && !(c0->flags & VALUE_MARK1)) {
                next = c0;
            } else {
                v->flags |= VALUE_MARK2;
                Value *c1 = v->child[1];
                if (c1 && !(c1->flags & VALUE_MARK1))
                    next = c1;
            }
        }
        if (!next) {
            top++;
            if (!computed_only || v->op != OP_LEAF)
                out->items[out->count++] = v;   /* room: v left the path */
        } else if (next->op == OP_LEAF) {
            next->flags |= MARKS;
            if (!computed_only) {
                if (out->count == top)
                    top = path_room(out, top);
                out->items[out->count++] = next;
            }
        } else {
            next->flags |= VALUE_MARK1;
            if (out->count == top)
                top = path_room(out, top);
            out->items[--top] = next;
        }
    }
    return VALUE_OK;
}

ValueStatus value_topo(Value *root, ValueList *out)
{
    size_t first = out->count;
    ValueStatus status = collect(root, out, 0);
    if (status == VALUE_OK)
        unmark(out->items, first, out->count);
    return status;
}

/* ---- the kept order ---------------------------------------------------------- */

static void tape_drop(void)
{
    tape_root = NULL;
    tape.count = 0;
    if (tape.capacity * sizeof *tape.items >= TAPE_KEEP_MAX)
        value_list_free(&tape);
}

/* Room in the tape for n more nodes. */
static void tape_room(size_t n)
{
    while (tape.capacity - tape.count < n)
        list_grow(&tape);
}

/* Clears the marks a sweep left below where it stopped: the pending ones,
 * from block b down (at most its cells [0, at)). */
static void sweep_abandon(Block *b, size_t at, size_t pending)
{
    for (; pending && b; b = b->older, at = NODES_PER_BLOCK) {
        for (size_t i = at; i-- > 0 && b->marked;) {
            Value *v = &b->nodes[i];
            if (v->flags & VALUE_MARK1) {
                v->flags &= (uint16_t)~MARKS;
                b->marked--;
                pending--;
            }
        }
    }
}

/*
 * The order of an ordered root's graph (not VALUE_SCATTERED), found by a
 * sweep: its nodes lie in the sequence in the order they were made, so
 * going through the cells from the root down, block by block, reaches
 * every parent before its children. The root is marked; a marked cell,
 * when reached, marks its children (those it reaches first learn so:
 * VALUE_FIRST0/1) and goes on the tape; the sweep ends when no marked cell
 * is left below it, and skips the blocks that hold none. With arith, each
 * node passes its gradient on as it is reached: this is backward.
 */
static ValueStatus tape_sweep(Value *root, int arith)
{
    tape_root = NULL;
    tape.count = 0;
    Block *b = block_of(root);
    size_t at = (size_t)(root - b->nodes) + 1;
    root->flags |= VALUE_MARK1;
    b->marked++;
    Sweep s = {1, NULL, arith, 0, 0};
    for (;;) {
        if (b->marked) {
            tape_room(NODES_PER_BLOCK);
            s.out = tape.items + tape.count;
            tape.count = (size_t)(value_sweep_block(b, at, &s) - tape.items);
        }
        if (!s.pending)
            break;
        b = b->older;
        at = NODES_PER_BLOCK;
        if (value_interrupt_pending()) {
            sweep_abandon(b, at, s.pending);
            tape.count = 0;
            return VALUE_INTERRUPTED;
        }
    }
    tape_root = root;
    order_builds++;
    return VALUE_OK;
}

/*
 * Sorts items[0, n) newest first (ids are unique), by a bottom-up merge
 * sort that polls the interrupt flag as it goes: a scattered graph of
 * millions of nodes takes a second to sort. On an interrupt the items are
 * all still there, in some order.
 */
static ValueStatus sort_newest_first(Value **items, size_t n)
{
    if (n < 2)
        return VALUE_OK;
    Value **spare = mem_malloc(n * sizeof *spare);
    Value **from = items, **to = spare;
    size_t step = 0;
    ValueStatus status = VALUE_OK;
    for (size_t width = 1; width < n && status == VALUE_OK; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = n - lo > width ? lo + width : n;
            size_t hi = n - mid > width ? mid + width : n;
            size_t i = lo, j = mid, k = lo;
            while (i < mid && j < hi)
                to[k++] = value_id(from[i]) > value_id(from[j]) ? from[i++]
                                                                : from[j++];
            memcpy(to + k, from + i, (mid - i) * sizeof *to);
            k += mid - i;
            memcpy(to + k, from + j, (hi - j) * sizeof *to);
            step += hi - lo;
            if (step >= POLL_INTERVAL) {
                step = 0;
                if (value_interrupt_pending()) {
                    status = VALUE_INTERRUPTED;
                    break;
                }
            }
        }
        if (status == VALUE_OK) {
            Value **t = from;
            from = to;
            to = t;
        }
    }
    if (from != items)
        memcpy(items, from, n * sizeof *items);
    free(spare);
    return status;
}

/*
 * Sets the VALUE_FIRST bits of items[from..to), in that order (newest
 * first, as backward goes), child 0 before child 1: a child still marked
 * gets its first contribution here, and loses its marks. Run over the
 * whole tape right after collect() with the root's marks cleared, it
 * clears every mark collect() left (every reached node but the root is a
 * child of a tape node).
 */
static void tape_learn(Value **items, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        Value *v = items[i];
        uint16_t flags = (uint16_t)(v->flags & ~FIRSTS);
        Value *c0 = v->child[0], *c1 = v->child[1];
        if (c0->flags & VALUE_MARK1) {
            c0->flags &= (uint16_t)~MARKS;
            flags |= VALUE_FIRST0;
        }
        if (c1 && (c1->flags & VALUE_MARK1)) {
            c1->flags &= (uint16_t)~MARKS;
            flags |= VALUE_FIRST1;
        }
        v->flags = flags;
    }
}

/*
 * Makes the tape hold root's order, newest first, with its FIRST bits,
 * unless it already does. For a scattered graph, by a depth-first search
 * and a sort by creation, so the order is the same as a sweep's. On an
 * interrupt, there is no tape.
 */
static ValueStatus tape_ready(Value *root)
{
    if (tape_root == root)
        return VALUE_OK;
    if (!(root->flags & VALUE_SCATTERED))
        return tape_sweep(root, 0);
    tape_root = NULL;
    tape.count = 0;
    ValueStatus status = collect(root, &tape, 1);
    root->flags &= (uint16_t)~MARKS;
    if (status != VALUE_OK)
        return status;
    status = sort_newest_first(tape.items, tape.count);
    tape_learn(tape.items, 0, tape.count);   /* also clears collect's marks */
    if (status != VALUE_OK) {
        tape.count = 0;
        return status;
    }
    tape_root = root;
    order_builds++;
    return VALUE_OK;
}

/* ---- backward, zero, forward ------------------------------------------------ */

/* The plain algorithm, kept for a trace: it reports every contribution
 * through a call per edge, and the callback may call into the engine, so
 * it goes over its own copy of the order and leaves no marks set while it
 * runs. It goes in the same order as the others: newest node first. */
static ValueStatus backward_traced(Value *root, ValueTraceFn trace, void *ctx)
{
    ValueStatus status = tape_ready(root);
    if (status != VALUE_OK)
        return status;
    size_t count = tape.count;
    Value **items = mem_malloc((count ? count : 1) * sizeof *items);
    memcpy(items, tape.items, count * sizeof *items);
    /* every node reached is the root or a child of a computed node */
    root->grad = 0;
    for (size_t i = 0; i < count; i++) {
        Value *v = items[i];
        v->grad = 0;
        if (v->op == OP_LEAF)
            continue;
        v->child[0]->grad = 0;
        if (v->child[1])
            v->child[1]->grad = 0;
    }
    root->grad = 1;
    for (size_t i = 0; i < count; i++) {
        if (interrupted(i + 1)) {
            status = VALUE_INTERRUPTED;
            break;
        }
        Value *v = items[i];
        if (v->op == OP_LEAF)
            continue;
        const OpInfo *info = value_op_info((OpKind)v->op);
        Value *a = v->child[0], *b = v->child[1];
        double d[2];
        info->derive(a->data, b ? b->data : 0.0, v->data, d);
        /* The constant exponent of a^k takes no gradient. */
        int n = v->op == OP_POWC ? 1 : info->arity;
        for (int k = 0; k < n; k++) {
            Value *c = v->child[k];
            double contribution = v->grad * d[k];
            c->grad += contribution;
            trace(ctx, v, k, c, d[k], contribution);
        }
    }
    free(items);
    return status;
}

ValueStatus value_backward_trace(Value *root, ValueTraceFn trace, void *ctx)
{
    if (trace)
        return backward_traced(root, trace, ctx);
    root->grad = 1;
    /* A new ordered root: the sweep is backward. */
    if (tape_root != root && !(root->flags & VALUE_SCATTERED))
        return tape_sweep(root, 1);
    ValueStatus status = tape_ready(root);
    if (status != VALUE_OK)
        return status;
    /* From the root down, a slice at a time. */
    for (size_t from = 0; from < tape.count; from += SLICE) {
        if (from && value_interrupt_pending())
            return VALUE_INTERRUPTED;
        size_t to = tape.count - from > SLICE ? from + SLICE : tape.count;
        value_pass_backward(tape.items, from, to);
    }
    return VALUE_OK;
}

void value_backward_node(Value *v)
{
    if (v->op == OP_LEAF)
        return;
    const OpInfo *info = value_op_info((OpKind)v->op);
    Value *a = v->child[0], *b = v->child[1];
    double d[2];
    info->derive(a->data, b ? b->data : 0.0, v->data, d);
    int n = v->op == OP_POWC ? 1 : info->arity;   /* k of a^k: none */
    for (int k = 0; k < n; k++)
        v->child[k]->grad += v->grad * d[k];
}

ValueStatus value_backward_add(Value *root)
{
    /* micrograd's order: its build_topo, reversed; each node adds its
     * grad times its local derivatives to its children's, nothing is
     * cleared, and only the root's grad is set (to 1). */
    ValueList order = {0};
    ValueStatus status = value_topo(root, &order);
    if (status != VALUE_OK) {
        value_list_free(&order);
        return status;
    }
    root->grad = 1;
    for (size_t left = order.count; left > 0; left--) {
        if (interrupted(order.count - left + 1)) {
            value_list_free(&order);
            return VALUE_INTERRUPTED;
        }
        value_backward_node(order.items[left - 1]);
    }
    value_list_free(&order);
    return VALUE_OK;
}

ValueStatus value_backward(Value *root)
{
    return value_backward_trace(root, NULL, NULL);
}

ValueStatus value_zero(Value *root)
{
    ValueStatus status = tape_ready(root);
    if (status != VALUE_OK)
        return status;
    root->grad = 0;
    for (size_t i = 0; i < tape.count; i++) {
        if (i % SLICE == 0 && i && value_interrupt_pending())
            return VALUE_INTERRUPTED;
        Value *v = tape.items[i];
        v->grad = 0;
        v->child[0]->grad = 0;
        if (v->child[1])
            v->child[1]->grad = 0;
    }
    return VALUE_OK;
}

ValueStatus value_zero_all(void)
{
    size_t step = 0;
    for (Block *b = blocks; b; b = b->next) {
        for (size_t i = 0; i < NODES_PER_BLOCK; i++) {
            if (interrupted(++step))
                return VALUE_INTERRUPTED;
            if (b->nodes[i].op != OP_COUNT)
                b->nodes[i].grad = 0;
        }
    }
    return VALUE_OK;
}

/* An overflow does not stop the pass: the node holds ±inf, as value_apply
 * would have made it, and the first such node is reported at the end. The
 * tape is newest first: forward goes from its end. */
ValueStatus value_forward(Value *root, Value **failed)
{
    if (failed)
        *failed = NULL;
    ValueStatus status = tape_ready(root);
    if (status != VALUE_OK)
        return status;
    Value *overflowed = NULL;
    for (size_t to = tape.count; to > 0;) {
        if (to < tape.count && value_interrupt_pending())
            return VALUE_INTERRUPTED;
        size_t from = to > SLICE ? to - SLICE : 0;
        size_t stop = 0;
        status = value_pass_forward(tape.items, from, to, &stop, &overflowed);
        if (status != VALUE_OK) {
            if (failed)
                *failed = tape.items[stop];
            return status;
        }
        to = from;
    }
    if (overflowed) {
        if (failed)
            *failed = overflowed;
        return VALUE_OVERFLOW;
    }
    return VALUE_OK;
}
