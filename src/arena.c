#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
  arena_block *next;
  size_t size; /* usable bytes in data */
  size_t used;
  max_align_t data[];
};

#define ALIGN (sizeof(max_align_t))

void arena_init(arena *a, size_t block_size) {
  memset(a, 0, sizeof *a);
  a->block_size = block_size ? block_size : 64 * 1024;
}

static size_t held(const arena *a) {
  size_t n = 0;
  for (const arena_block *b = a->head; b; b = b->next) n += b->size;
  return n;
}

static arena_block *block_new(size_t size) {
  if (size > SIZE_MAX - sizeof(arena_block)) return NULL;
  arena_block *b = malloc(sizeof(arena_block) + size);
  if (!b) return NULL;
  b->next = NULL;
  b->size = size;
  b->used = 0;
  return b;
}

void *arena_alloc(arena *a, size_t n) {
  a->nalloc++;
  if (a->fail_after && a->nalloc >= a->fail_after) return NULL;
  if (n == 0) n = 1;
  if (n > SIZE_MAX - ALIGN) return NULL;
  n = (n + ALIGN - 1) & ~(ALIGN - 1);
  arena_block *b = a->head;
  if (!b || b->size - b->used < n) {
    size_t size = n > a->block_size ? n : a->block_size;
    arena_block *nb = block_new(size);
    if (!nb) return NULL;
    nb->next = b;
    a->head = b = nb;
    size_t h = held(a);
    if (h > a->high) a->high = h;
  }
  void *p = (char *)b->data + b->used;
  b->used += n;
  return p;
}

void *arena_calloc(arena *a, size_t n, size_t size) {
  if (size && n > SIZE_MAX / size) return NULL;
  void *p = arena_alloc(a, n * size);
  if (p) memset(p, 0, n * size);
  return p;
}

char *arena_strndup(arena *a, const char *z, size_t n) {
  char *p = arena_alloc(a, n + 1);
  if (!p) return NULL;
  if (n) memcpy(p, z, n);
  p[n] = 0;
  return p;
}

void *arena_grow(arena *a, void *p, size_t old_n, size_t n) {
  arena_block *b = a->head;
  size_t old_al = (old_n + ALIGN - 1) & ~(ALIGN - 1);
  /* Grow in place when p is the last allocation of the current block. */
  if (p && b && (char *)p + old_al == (char *)b->data + b->used) {
    size_t off = (size_t)((char *)p - (char *)b->data);
    size_t n_al = (n + ALIGN - 1) & ~(ALIGN - 1);
    if (n_al >= n && off + n_al <= b->size) {
      b->used = off + n_al;
      return p;
    }
  }
  void *q = arena_alloc(a, n);
  if (q && p) memcpy(q, p, old_n < n ? old_n : n);
  return q;
}

int arena_vlog(arena *a, char **z, size_t *n, size_t *cap, const char *fmt, va_list ap) {
  char tmp[600];
  int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
  if (k < 0) return 0;
  size_t m = (size_t)k < sizeof tmp ? (size_t)k : sizeof tmp - 1;
  if (*n + m + 2 > *cap) {
    size_t ncap = (*cap + m + 2) * 2;
    char *p = arena_grow(a, *z, *cap, ncap);
    if (!p) return -1;
    *z = p;
    *cap = ncap;
  }
  memcpy(*z + *n, tmp, m);
  *n += m;
  (*z)[(*n)++] = '\n';
  (*z)[*n] = 0;
  return 0;
}

void arena_reset(arena *a) {
  arena_block *b = a->head;
  if (!b) return;
  /* Keep the oldest block (the first one made, of block_size) so the next
   * document of ordinary size needs no malloc. */
  arena_block *keep = b;
  while (keep->next) keep = keep->next;
  while (b != keep) {
    arena_block *next = b->next;
    free(b);
    b = next;
  }
  keep->used = 0;
  a->head = keep;
  a->nalloc = 0;
}

void arena_free(arena *a) {
  arena_block *b = a->head;
  while (b) {
    arena_block *next = b->next;
    free(b);
    b = next;
  }
  a->head = NULL;
  a->nalloc = 0;
}
