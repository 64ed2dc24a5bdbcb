/* Unit tests for the arena: alignment, blocks, growth, reset and the
 * fault-injection hook. Each case says why it exists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"

#define MAXALIGN _Alignof(max_align_t)

static int aligned(const void *p) { return ((uintptr_t)p % MAXALIGN) == 0; }

typedef struct acase {
  const char *why;
  size_t block;   /* block size for arena_init (0 = default) */
  size_t nsize;   /* how many allocations */
  size_t size[8]; /* their sizes, in order */
} acase;

static const acase ALIGNS[] = {
    {"odd sizes must not misalign the next pointer", 0, 6, {1, 3, 7, 13, 1, 2}},
    {"a request of 0 bytes still returns a usable, aligned pointer", 0, 4, {0, 0, 5, 0}},
    {"sizes just below and above the alignment", 0, 6, {15, 16, 17, 31, 32, 33}},
    {"small blocks force new blocks, which must be aligned too", 64, 5, {40, 40, 40, 40, 40}},
    {"a block size that is not a multiple of the alignment", 100, 4, {1, 99, 3, 100}},
    {"an allocation larger than the block size gets its own block", 64, 5, {1, 1000, 1, 5000, 1}},
};

static void test_alignment(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof ALIGNS / sizeof *ALIGNS; i++) {
    const acase *c = &ALIGNS[i];
    arena a;
    arena_init(&a, c->block);
    unsigned char *prev = NULL;
    size_t nprev = 0;
    for (size_t k = 0; k < c->nsize; k++) {
      size_t n = c->size[k];
      unsigned char *p = arena_alloc(&a, n);
      if (!p || !aligned(p)) {
        print_error("case %zu (%s): allocation %zu of %zu bytes gave %p\n", i, c->why, k, n,
                    (void *)p);
        fail();
      }
      /* write the whole allocation (ASan checks it is really ours) */
      memset(p, 0xA5, n ? n : 1);
      /* and the previous allocation is untouched by it */
      for (size_t j = 0; prev && j < nprev; j++) assert_int_equal(prev[j], 0xA5);
      prev = p;
      nprev = n ? n : 1;
    }
    arena_free(&a);
  }
}

/* Pointers from one arena never overlap, across many blocks. */
static void test_no_overlap(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 256);
  unsigned char *p[200];
  size_t n[200];
  for (size_t i = 0; i < 200; i++) {
    n[i] = 1 + (i * 37) % 300; /* some bigger than a block */
    p[i] = arena_alloc(&a, n[i]);
    assert_non_null(p[i]);
    assert_true(aligned(p[i]));
    memset(p[i], (int)(i & 0xFF), n[i]);
  }
  for (size_t i = 0; i < 200; i++)
    for (size_t j = 0; j < n[i]; j++) assert_int_equal(p[i][j], i & 0xFF);
  arena_free(&a);
}

/* A document larger than any block: the allocation must be whole and usable,
 * and small allocations after it still work. */
static void test_large(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 1024);
  char *small = arena_alloc(&a, 10);
  assert_non_null(small);
  memcpy(small, "123456789", 10);
  size_t big = 1 << 20;
  char *p = arena_alloc(&a, big);
  assert_non_null(p);
  assert_true(aligned(p));
  memset(p, 'x', big);
  assert_int_equal(p[0], 'x');
  assert_int_equal(p[big - 1], 'x');
  assert_true(a.high >= big);
  char *q = arena_alloc(&a, 10);
  assert_non_null(q);
  memcpy(q, "abcdefghi", 10);
  assert_string_equal(small, "123456789");
  arena_free(&a);
}

/* Sizes that cannot be rounded or allocated must fail cleanly, never wrap. */
static void test_huge_requests(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 0);
  assert_null(arena_alloc(&a, SIZE_MAX));     /* rounding would wrap */
  assert_null(arena_alloc(&a, SIZE_MAX - 40)); /* block header would wrap */
  /* the arena still works afterwards */
  char *p = arena_alloc(&a, 8);
  assert_non_null(p);
  arena_free(&a);
}

typedef struct gcase {
  const char *why;
  size_t block;
  size_t old_n, new_n;
  int other;    /* allocate something after p before growing */
  int inplace;  /* 1: must stay at p; 0: must move */
} gcase;

static const gcase GROW[] = {
    {"the last allocation grows in place when the block has room", 1024, 16, 64, 0, 1},
    {"growing by an odd amount in place", 1024, 5, 77, 0, 1},
    {"shrinking the last allocation stays in place", 1024, 200, 10, 0, 1},
    {"an allocation that is not the last one is copied", 1024, 16, 64, 1, 0},
    {"growth past the end of the block is copied to a new block", 128, 64, 4096, 0, 0},
    {"growth that exactly fills the block stays in place", 256, 32, 256, 0, 1},
};

static void test_grow(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof GROW / sizeof *GROW; i++) {
    const gcase *c = &GROW[i];
    arena a;
    arena_init(&a, c->block);
    unsigned char *p = arena_alloc(&a, c->old_n);
    assert_non_null(p);
    for (size_t j = 0; j < c->old_n; j++) p[j] = (unsigned char)(j * 7 + 1);
    unsigned char *other = NULL;
    if (c->other) {
      other = arena_alloc(&a, 16);
      memset(other, 0xEE, 16);
    }
    unsigned char *q = arena_grow(&a, p, c->old_n, c->new_n);
    int ok = q != NULL && aligned(q) && (c->inplace ? q == p : q != p);
    size_t keep = c->old_n < c->new_n ? c->old_n : c->new_n;
    for (size_t j = 0; ok && j < keep; j++) ok = q[j] == (unsigned char)(j * 7 + 1);
    if (!ok) {
      print_error("case %zu (%s): p=%p q=%p\n", i, c->why, (void *)p, (void *)q);
      fail();
    }
    memset(q, 0x11, c->new_n); /* the whole new size is ours */
    if (other)
      for (size_t j = 0; j < 16; j++) assert_int_equal(other[j], 0xEE);
    /* the next allocation must not overlap the grown one */
    unsigned char *next = arena_alloc(&a, 32);
    assert_non_null(next);
    memset(next, 0x22, 32);
    for (size_t j = 0; j < c->new_n; j++) assert_int_equal(q[j], 0x11);
    arena_free(&a);
  }
}

/* Repeated growth, as a buffer built up piece by piece does. */
static void test_grow_repeated(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 512);
  size_t cap = 8;
  char *p = arena_alloc(&a, cap);
  assert_non_null(p);
  size_t n = 0;
  for (int i = 0; i < 5000; i++) {
    if (n == cap) {
      char *q = arena_grow(&a, p, cap, cap * 2);
      assert_non_null(q);
      p = q;
      cap *= 2;
    }
    p[n++] = (char)('a' + i % 26);
  }
  for (size_t i = 0; i < n; i++) assert_int_equal(p[i], 'a' + (int)(i % 26));
  arena_free(&a);
}

/* grow with p == NULL is a plain allocation. */
static void test_grow_null(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 0);
  char *p = arena_grow(&a, NULL, 0, 40);
  assert_non_null(p);
  memset(p, 1, 40);
  arena_free(&a);
}

/* reset: everything is released but the first block, which is reused, so a
 * worker's next document of ordinary size does no malloc. */
static void test_reset(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 256);
  char *first = arena_alloc(&a, 10);
  assert_non_null(first);
  for (int i = 0; i < 50; i++) assert_non_null(arena_alloc(&a, 200)); /* many blocks */
  assert_non_null(arena_alloc(&a, 100000));                           /* and a large one */
  assert_true(a.nalloc > 0);
  size_t high = a.high;
  arena_reset(&a);
  assert_int_equal(a.nalloc, 0);
  char *again = arena_alloc(&a, 10);
  assert_ptr_equal(again, first); /* the first block is reused from the start */
  /* and it keeps working: fill beyond a block again */
  for (int i = 0; i < 50; i++) {
    char *p = arena_alloc(&a, 200);
    assert_non_null(p);
    memset(p, i, 200);
  }
  assert_true(a.high >= high); /* statistics survive a reset */
  arena_reset(&a);
  arena_reset(&a); /* twice in a row is harmless */
  arena_free(&a);
  /* reset and free of an arena that never allocated */
  arena_init(&a, 0);
  arena_reset(&a);
  arena_free(&a);
  /* an arena may be initialised and used again after arena_free */
  arena_init(&a, 128);
  assert_non_null(arena_alloc(&a, 10));
  arena_free(&a);
}

typedef struct fcase {
  const char *why;
  size_t fail_after;
  int nok; /* allocations that must succeed before the failing one */
} fcase;

static const fcase FAULTS[] = {
    {"fail_after = 0 never fails", 0, 20},
    {"the first allocation can be made to fail", 1, 0},
    {"the third allocation fails, the first two work", 3, 2},
    {"a later allocation fails", 10, 9},
};

static void test_fail_after(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof FAULTS / sizeof *FAULTS; i++) {
    const fcase *c = &FAULTS[i];
    arena a;
    arena_init(&a, 0);
    a.fail_after = c->fail_after;
    for (int k = 0; k < c->nok; k++) {
      if (!arena_alloc(&a, 8)) {
        print_error("case %zu (%s): allocation %d failed too early\n", i, c->why, k + 1);
        fail();
      }
    }
    if (c->fail_after && arena_alloc(&a, 8) != NULL) {
      print_error("case %zu (%s): allocation %zu did not fail\n", i, c->why, c->fail_after);
      fail();
    }
    arena_free(&a);
  }
  /* the hook covers the helpers too, and counting restarts at reset */
  arena a;
  arena_init(&a, 0);
  a.fail_after = 2;
  assert_non_null(arena_strndup(&a, "x", 1));
  assert_null(arena_calloc(&a, 4, 4));
  arena_reset(&a);
  assert_non_null(arena_calloc(&a, 4, 4));
  assert_null(arena_strndup(&a, "x", 1));
  arena_free(&a);
}

typedef struct ocase {
  const char *why;
  size_t n, size;
  int ok;
} ocase;

static const ocase CALLOC[] = {
    {"an ordinary array", 10, 8, 1},
    {"zero elements is a valid (empty) request", 0, 8, 1},
    {"zero-size elements", 8, 0, 1},
    {"n * size overflows size_t", SIZE_MAX / 2 + 1, 2, 0},
    {"n * size overflows with large elements", SIZE_MAX / 16, 32, 0},
    {"SIZE_MAX elements of one byte is too big, without a malloc", SIZE_MAX, 1, 0},
};

static void test_calloc_zeroed(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof CALLOC / sizeof *CALLOC; i++) {
    const ocase *c = &CALLOC[i];
    arena a;
    arena_init(&a, 0);
    /* dirty the block first, so zeroing is really tested */
    char *d = arena_alloc(&a, 4096);
    memset(d, 0x5A, 4096);
    arena_reset(&a);
    unsigned char *p = arena_calloc(&a, c->n, c->size);
    if ((p != NULL) != c->ok) {
      print_error("case %zu (%s): got %p\n", i, c->why, (void *)p);
      fail();
    }
    for (size_t j = 0; p && j < c->n * c->size; j++) assert_int_equal(p[j], 0);
    arena_free(&a);
  }
}

static void test_strndup(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 0);
  /* copies exactly n bytes and terminates, even from a longer string */
  char *s = arena_strndup(&a, "Kim Jong-un", 3);
  assert_string_equal(s, "Kim");
  /* an empty copy is an empty string, not NULL */
  s = arena_strndup(&a, "", 0);
  assert_non_null(s);
  assert_string_equal(s, "");
  /* embedded NULs are copied as bytes */
  s = arena_strndup(&a, "a\0b", 3);
  assert_memory_equal(s, "a\0b\0", 4);
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_alignment),  cmocka_unit_test(test_no_overlap),
      cmocka_unit_test(test_large),      cmocka_unit_test(test_huge_requests),
      cmocka_unit_test(test_grow),       cmocka_unit_test(test_grow_repeated),
      cmocka_unit_test(test_grow_null),  cmocka_unit_test(test_reset),
      cmocka_unit_test(test_fail_after), cmocka_unit_test(test_calloc_zeroed),
      cmocka_unit_test(test_strndup),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
