/* arena.h: a bump allocator for the work on one document.
 *
 * Every allocation made while a document is processed comes from one arena;
 * arena_reset() frees them all at once and keeps the first block for reuse, so a
 * worker that codes a million documents touches malloc only when a document is
 * larger than any before it. An arena belongs to one thread; it is not locked.
 *
 *   arena
 *   +------+     +------------------+     +---------+
 *   | head |---->| block: used|free |---->| block   |---> NULL
 *   +------+     +------------------+     +---------+
 *
 * Allocation failure returns NULL (callers report ERR_NOMEM). */
#ifndef DYAD_ARENA_H
#define DYAD_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct arena_block arena_block;
typedef struct arena {
  arena_block *head; /* current block; older blocks follow */
  size_t block_size; /* size of a fresh block */
  size_t high;       /* most bytes ever held at once, for statistics */
  size_t fail_after; /* test hook: fail the Nth and every later allocation (0 = never) */
  size_t nalloc;     /* allocations since the last reset */
} arena;

/* arena_init prepares an empty arena whose blocks are block_size bytes (or larger
 * for a larger request). No memory is taken until the first allocation. */
void arena_init(arena *a, size_t block_size);

/* arena_alloc returns n bytes aligned for any type, or NULL when out of memory.
 * The memory lives until arena_reset() or arena_free(). */
void *arena_alloc(arena *a, size_t n);

/* arena_calloc is arena_alloc for n*size zeroed bytes, with overflow check. */
void *arena_calloc(arena *a, size_t n, size_t size);

/* arena_strndup copies n bytes of z and adds a NUL. */
char *arena_strndup(arena *a, const char *z, size_t n);

/* arena_grow resizes the most recent allocation p (old size old_n) to n bytes,
 * in place when it can, else by copying. Returns the new pointer or NULL. */
void *arena_grow(arena *a, void *p, size_t old_n, size_t n);

/* arena_vlog appends one formatted line (and a NUL after it) to the growing
 * text *z (length *n, capacity *cap) kept in a: the explanation logs of the
 * coders. Returns 0, or -1 when out of memory (the text is kept as it was). */
int arena_vlog(arena *a, char **z, size_t *n, size_t *cap, const char *fmt, va_list ap);

/* arena_reset frees everything allocated; keeps the first block. */
void arena_reset(arena *a);

/* arena_free releases all memory; the arena may be initialised again. */
void arena_free(arena *a);

#endif
