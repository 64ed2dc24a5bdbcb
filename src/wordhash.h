/* wordhash.h: constant-time lookup of a word in a static table.
 *
 * Several stages look up every token of every document in a static, sorted
 * word table of their own (claim.c's WORDS, timex.c's LEX). A binary search
 * with strcmp per token cost more than the rest of those stages together, so
 * each table gets an open-addressing hash index over its keys:
 *
 *   key --FNV-1a--> slot --probe--> table index + 1 (0: not in the table)
 *
 * The table must be an array of structs whose first member is the key
 * (const char *). The index is built once, at first use, under the caller's
 * pthread_once, and only read afterwards: a cache of a constant, shared by
 * every thread, never written again. nslots must be a power of two at least
 * twice the table's length (wh_build returns -1 otherwise). */
#ifndef DYAD_WORDHASH_H
#define DYAD_WORDHASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* wh_hash is FNV-1a: WH_BASIS, then wh_step for each byte of the key. A
 * caller that folds a token into its key may hash it in the same loop. */
#define WH_BASIS 2166136261u

static inline uint32_t wh_step(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }

static inline uint32_t wh_hash(const char *k) {
  uint32_t h = WH_BASIS;
  for (; *k; k++) h = wh_step(h, (unsigned char)*k);
  return h;
}

/* WH_FOLD: an ASCII byte of a word folded to lower case, as text_key folds
 * it; 0 for the bytes wh_fold leaves to its caller: NUL, '-' (rows 2, 4 and 5
 * differ from the identity) and every byte past ASCII. */
static const unsigned char WH_FOLD[256] = {
      0,   1,   2,   3,   4,   5,   6,   7,   8,   9,  10,  11,  12,  13,  14,  15,
     16,  17,  18,  19,  20,  21,  22,  23,  24,  25,  26,  27,  28,  29,  30,  31,
     32,  33,  34,  35,  36,  37,  38,  39,  40,  41,  42,  43,  44,   0,  46,  47,
     48,  49,  50,  51,  52,  53,  54,  55,  56,  57,  58,  59,  60,  61,  62,  63,
     64,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122,  91,  92,  93,  94,  95,
     96,  97,  98,  99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
    112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
};

/* wh_fold folds the word p[0..n) into k and hashes it in the same pass, up to
 * the first byte WH_FOLD leaves out; returns the bytes done (n when all were),
 * with the hash of k[0..that) in *h. k is not terminated. */
static inline size_t wh_fold(const char *p, size_t n, char *k, uint32_t *h) {
  uint32_t x = WH_BASIS;
  size_t i;
  for (i = 0; i < n; i++) {
    unsigned char c = WH_FOLD[(unsigned char)p[i]];
    if (!c) break;
    k[i] = (char)c;
    x = wh_step(x, c);
  }
  *h = x;
  return i;
}

static inline const char *wh_key(const void *base, size_t stride, size_t i) {
  return *(const char *const *)((const char *)base + i * stride);
}

/* wh_build fills slots[0..nslots) for the n keys of base; returns 0, or -1
 * when nslots is too small or a key is repeated. */
static inline int wh_build(uint16_t *slots, size_t nslots, const void *base, size_t n,
                           size_t stride) {
  if (nslots < 2 * n || (nslots & (nslots - 1)) || n >= 65535) return -1;
  memset(slots, 0, nslots * sizeof *slots);
  for (size_t i = 0; i < n; i++) {
    const char *k = wh_key(base, stride, i);
    size_t s = wh_hash(k) & (nslots - 1);
    for (; slots[s]; s = (s + 1) & (nslots - 1))
      if (!strcmp(wh_key(base, stride, slots[s] - 1u), k)) return -1;
    slots[s] = (uint16_t)(i + 1);
  }
  return 0;
}

/* wh_find_hashed returns the index of key k, whose wh_hash is h, in the
 * table, or -1: for a caller that hashes the key while it folds it. */
static inline long wh_find_hashed(const uint16_t *slots, size_t nslots, const void *base,
                                  size_t stride, const char *k, uint32_t h) {
  for (size_t s = h & (nslots - 1); slots[s]; s = (s + 1) & (nslots - 1)) {
    const char *w = wh_key(base, stride, slots[s] - 1u);
    if (w[0] == k[0] && !strcmp(w, k)) return (long)slots[s] - 1;
  }
  return -1;
}

/* wh_find returns the index of key k in the table, or -1. */
static inline long wh_find(const uint16_t *slots, size_t nslots, const void *base, size_t stride,
                           const char *k) {
  return wh_find_hashed(slots, nslots, base, stride, k, wh_hash(k));
}

#endif
