/* Unit tests for dup: signatures, what the index reports, and the saved blob.
 * Each case says why it exists (issue 5, item 4). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "dup.h"
#include "err.h"
#include "text.h"

#define P1 "The army said its troops had pushed rebel forces out of three villages near the northern border on Tuesday after two days of heavy fighting."
#define P1_EDIT "The army said its troops had pushed rebel forces out of four villages near the northern border on Tuesday after two days of heavy fighting."
#define P1_BUT "But the army said its troops had pushed rebel forces out of three villages near the northern border on Tuesday after two days of heavy fighting."
#define P2 "Aid agencies warned that thousands of civilians remained trapped in the area without food, water or medical care as the rains began."
#define P2_MORE P2 " A spokesman said convoys were waiting at the border."
#define P3 "The government has promised to open a humanitarian corridor, but officials gave no date and said security conditions would decide."
#define P4 "Talks between the two sides are due to resume in Geneva next month under the auspices of the United Nations envoy."
#define U1 "Shares in the Tokyo electronics maker rose sharply after it reported record quarterly profits and raised its dividend for the year."
#define U2 "Analysts said demand for memory chips from smartphone makers would keep prices firm well into the second half of the year."
#define U3 "The central bank left interest rates unchanged on Thursday, saying inflation was easing more slowly than it had expected in spring."
#define SEP "\n\n"
#define DOC_A P1 SEP P2 SEP P3 SEP P4

/* sig_of segments z and signs it, from a. */
static dup_sig *sig_of(arena *a, const char *z) {
  text_doc td;
  dup_sig *s;
  assert_int_equal(text_segment(a, z, strlen(z), &td), ERR_OK);
  assert_int_equal(dup_signature(a, &td, &s), ERR_OK);
  return s;
}

typedef struct outcome {
  size_t ndoc, npara;
  dup_hit doc, para; /* the first of each */
} outcome;

/* add signs z and adds it to x as docno; returns what was reported. */
static outcome add(dup_index *x, uint64_t docno, const char *z) {
  arena a;
  arena_init(&a, 0);
  const dup_hit *h;
  size_t nh;
  outcome o = {0};
  assert_int_equal(dup_index_add(x, docno, sig_of(&a, z), DUP_DOC_THRESHOLD,
                                 DUP_PASSAGE_THRESHOLD, &h, &nh),
                   ERR_OK);
  for (size_t i = 0; i < nh; i++) {
    if (h[i].is_doc && !o.ndoc++) o.doc = h[i];
    if (!h[i].is_doc && !o.npara++) o.para = h[i];
  }
  arena_free(&a);
  return o;
}

typedef struct pcase {
  const char *why;
  const char *first, *second; /* first NULL: the second alone */
  size_t ndoc, npara;         /* hits wanted when the second is added */
} pcase;

static const pcase PAIRS[] = {
    {"identical documents: a document hit, and no passage hits restating it", DOC_A, DOC_A, 1, 0},
    {"one word changed", DOC_A, P1_EDIT SEP P2 SEP P3 SEP P4, 1, 0},
    {"a sentence added to a paragraph", DOC_A, P1 SEP P2_MORE SEP P3 SEP P4, 1, 0},
    {"a paragraph moved", DOC_A, P3 SEP P1 SEP P2 SEP P4, 1, 0},
    {"a sentence dropped (the containment rule)", DOC_A, P1 SEP P2 SEP P4, 1, 0},
    {"unrelated documents on the same kind of subject", DOC_A, U1 SEP U2 SEP U3, 0, 0},
    {"one paragraph repeated in otherwise new text", DOC_A, U1 SEP P2 SEP U2, 0, 1},
    {"a repeated paragraph with one word added in front", DOC_A, U1 SEP U2 SEP P1_BUT, 0, 1},
    {"a repeated paragraph with one word changed", DOC_A, U1 SEP P1_EDIT SEP U3, 0, 1},
    {"a paragraph repeated within one document", NULL, P1 SEP U1 SEP P1, 0, 1},
    {"... and repeated with one word added", NULL, P1 SEP U1 SEP P1_BUT, 0, 1},
    {"very short documents, equal: too short to call", "Rebels attacked the town.",
     "Rebels attacked the town.", 0, 0},
    {"a short earnings line, equal", "Shr 34 cts vs 1.19 dlrs", "Shr 34 cts vs 1.19 dlrs", 0, 0},
    {"templated notices with other figures are not repeats",
     "Qtly div 36 cts vs 36 cts prior\n    Pay April 30\n    Record April 15",
     "Qtly div 10 cts vs 10 cts prior\n    Pay April 30\n    Record April 15", 0, 0},
    {"short paragraphs repeated inside long new text",
     "Police said. Nobody was hurt." SEP U1, U2 SEP "Police said. Nobody was hurt." SEP U3, 0, 0},
    {"an empty document", DOC_A, "", 0, 0},
    {"white space only", "  \n\n \t ", "\n\n\n", 0, 0},
};

static void test_pairs(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof PAIRS / sizeof *PAIRS; i++) {
    const pcase *c = &PAIRS[i];
    dup_index *x;
    assert_int_equal(dup_index_new(&x), ERR_OK);
    if (c->first) add(x, 1, c->first);
    outcome o = add(x, 2, c->second);
    if (o.ndoc != c->ndoc || o.npara != c->npara) {
      print_error("case %zu (%s): want %zu document and %zu passage hits, got %zu and %zu\n", i,
                  c->why, c->ndoc, c->npara, o.ndoc, o.npara);
      fail();
    }
    if (o.ndoc) assert_true(o.doc.of_doc == 1 && o.doc.start == 0 && o.doc.end == strlen(c->second));
    if (o.npara) {
      const char *of = c->first ? c->first : c->second;
      assert_true(o.para.of_doc == (c->first ? 1u : 2u));
      assert_true(o.para.similarity >= DUP_PASSAGE_THRESHOLD && o.para.similarity <= 1.0);
      /* both spans are whole paragraphs of 8 or more words */
      assert_true(o.para.end - o.para.start > 40 && o.para.of_end - o.para.of_start > 40);
      assert_true(o.para.of_end <= strlen(of) && o.para.end <= strlen(c->second));
    }
    dup_index_free(x);
  }
}

/* The span of a repeat within one document points back at the first copy. */
static void test_within_document_spans(void **state) {
  (void)state;
  dup_index *x;
  assert_int_equal(dup_index_new(&x), ERR_OK);
  const char *z = P1 SEP U1 SEP P1;
  outcome o = add(x, 7, z);
  assert_int_equal(o.npara, 1);
  assert_int_equal(o.para.of_doc, 7);
  assert_int_equal(o.para.of_start, 0);
  assert_int_equal(o.para.of_end, strlen(P1));
  assert_int_equal(o.para.start, strlen(P1 SEP U1 SEP));
  assert_int_equal(o.para.end, strlen(z));
  assert_true(o.para.similarity == 1.0);
  dup_index_free(x);
}

/* Of several equal earlier documents, the earliest is named; an exact repeat
 * is not kept, so the count of kept items does not grow. */
static void test_earliest_and_exact_not_kept(void **state) {
  (void)state;
  dup_index *x;
  assert_int_equal(dup_index_new(&x), ERR_OK);
  add(x, 10, DOC_A);
  size_t docs = dup_index_docs(x), paras = dup_index_paras(x);
  assert_int_equal(docs, 1);
  assert_int_equal(paras, 4);
  assert_int_equal(add(x, 11, DOC_A).doc.of_doc, 10);
  assert_int_equal(add(x, 12, DOC_A).doc.of_doc, 10);
  assert_int_equal(dup_index_docs(x), docs);
  assert_int_equal(dup_index_paras(x), paras);
  /* a near copy is kept, and later near copies still name the earliest best */
  assert_int_equal(add(x, 13, P1_EDIT SEP P2 SEP P3 SEP P4).doc.of_doc, 10);
  assert_int_equal(dup_index_docs(x), 2);
  dup_index_free(x);
}

typedef struct scase {
  const char *why, *in;
  uint32_t has_doc, n_para;
} scase;

static const scase SIGS[] = {
    {"blank lines separate paragraphs", DOC_A, 1, 4},
    {"Reuters-21578 marks paragraphs with a literal &\\t at a line start",
     "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought.\n"
     "&\\tThe dry period means the temporao will be late this year.\n"
     "&\\tArrivals for the week ended February 22 were 155,221 bags of 60 kilos.",
     1, 3},
    {"indented lines start paragraphs",
     "The ministry said exports of wheat rose sharply in the first quarter.\n"
     "    Shipments to Egypt and Iran made up most of the increase, it said.",
     1, 2},
    {"a wrapped line is not a paragraph, even when a sentence starts it",
     "The ministry said exports of wheat rose sharply in the quarter.\n"
     "Shipments to Egypt and Iran made up most of the increase, it said.",
     1, 1},
    {"a currency sign at a line start is no paragraph mark",
     "The company said it would sell its paper mill in Maine this year.\n"
     "$5 million of the proceeds will go to pay down its bank debt, it said.",
     1, 1},
    {"a paragraph under 8 words gets no signature, but counts for the document",
     "Nobody was hurt." SEP P1, 1, 1},
    {"an empty document", "", 0, 0},
};

static void test_signatures(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof SIGS / sizeof *SIGS; i++) {
    arena a;
    arena_init(&a, 0);
    const dup_sig *s = sig_of(&a, SIGS[i].in);
    if (s->has_doc != SIGS[i].has_doc || s->n_para != SIGS[i].n_para) {
      print_error("case %zu (%s): want has_doc %u n_para %u, got %u %u\n", i, SIGS[i].why,
                  SIGS[i].has_doc, SIGS[i].n_para, s->has_doc, s->n_para);
      fail();
    }
    arena_free(&a);
  }
}

/* Case and punctuation do not matter; the estimate falls with real edits. */
static void test_similarity(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 0);
  dup_sig *x = sig_of(&a, P1), *upper = sig_of(&a, "THE ARMY SAID ITS TROOPS HAD PUSHED REBEL FORCES "
                                                   "OUT OF THREE VILLAGES NEAR THE NORTHERN BORDER "
                                                   "ON TUESDAY, AFTER TWO DAYS OF HEAVY FIGHTING"),
          *edit = sig_of(&a, P1_EDIT), *other = sig_of(&a, U1);
  assert_true(dup_similarity(&x->doc, &upper->doc) == 1.0);
  double e = dup_similarity(&x->doc, &edit->doc);
  assert_true(e > 0.5 && e < 1.0);
  assert_true(dup_similarity(&x->doc, &other->doc) < 0.2);
  arena_free(&a);
}

/* A signature is plain data: a flat copy, with the arena gone, works the same. */
static void test_flat_copy(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 0);
  dup_sig *s = sig_of(&a, U1 SEP P2 SEP U2);
  size_t n = dup_sig_bytes(s);
  assert_int_equal(n, sizeof(dup_sig) + 3 * sizeof(dup_minhash));
  dup_sig *c = malloc(n);
  dup_sig_copy(c, s);
  arena_free(&a);
  dup_index *x;
  assert_int_equal(dup_index_new(&x), ERR_OK);
  add(x, 1, DOC_A);
  const dup_hit *h;
  size_t nh;
  assert_int_equal(dup_index_add(x, 2, c, 0.8, 0.65, &h, &nh), ERR_OK);
  assert_int_equal(nh, 1);
  assert_int_equal(h[0].of_doc, 1);
  free(c);
  dup_index_free(x);
}

/* An arena that runs dry is an error, not a crash. */
static void test_out_of_memory(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 0);
  text_doc td;
  assert_int_equal(text_segment(&a, DOC_A, strlen(DOC_A), &td), ERR_OK);
  a.fail_after = a.nalloc + 1;
  dup_sig *s;
  assert_int_equal(dup_signature(&a, &td, &s), ERR_NOMEM);
  arena_free(&a);
}

/* hits_of lists the hits of adding z as "doc s e of os oe sim" lines. */
static void hits_of(dup_index *x, uint64_t docno, const char *z, char *out, size_t cap) {
  arena a;
  arena_init(&a, 0);
  const dup_hit *h;
  size_t nh, k = 0;
  assert_int_equal(dup_index_add(x, docno, sig_of(&a, z), 0.8, 0.65, &h, &nh), ERR_OK);
  out[0] = 0;
  for (size_t i = 0; i < nh; i++)
    k += (size_t)snprintf(out + k, cap - k, "%d %u %u %llu %u %u %.4f\n", h[i].is_doc, h[i].start,
                          h[i].end, (unsigned long long)h[i].of_doc, h[i].of_start, h[i].of_end,
                          h[i].similarity);
  arena_free(&a);
}

static char *blob_of(const dup_index *x, size_t *n) {
  char *z = NULL;
  FILE *f = open_memstream(&z, n);
  assert_non_null(f);
  assert_int_equal(dup_index_save(x, f), ERR_OK);
  fclose(f);
  return z;
}

static int load_from(const char *z, size_t n, dup_index **out) {
  FILE *f = fmemopen((void *)(uintptr_t)z, n ? n : 1, "rb");
  assert_non_null(f);
  if (!n) fgetc(f); /* an empty blob: fmemopen needs a size of at least 1 */
  int rc = dup_index_load(f, out);
  fclose(f);
  return rc;
}

/* Saved and loaded, the index answers as before and saves to the same bytes. */
static void test_save_load(void **state) {
  (void)state;
  dup_index *x, *y;
  assert_int_equal(dup_index_new(&x), ERR_OK);
  add(x, 100, DOC_A);
  add(x, 101, U1 SEP U2 SEP U3);
  add(x, 102, P1 SEP U1 SEP P1_BUT);
  add(x, 103, "Too short.");
  size_t n, m;
  char *z = blob_of(x, &n);
  assert_int_equal(load_from(z, n, &y), ERR_OK);
  assert_int_equal(dup_index_docs(y), dup_index_docs(x));
  assert_int_equal(dup_index_paras(y), dup_index_paras(x));
  char *z2 = blob_of(y, &m);
  assert_int_equal(m, n);
  assert_memory_equal(z, z2, n);
  /* 8 bytes per document row, 80 per item, after a 40-byte header */
  assert_int_equal(n, 40 + 8 * 3 + 80 * (dup_index_docs(x) + dup_index_paras(x)));
  char hx[1024], hy[1024];
  const char *q = U2 SEP P1_BUT SEP P4 SEP "Nothing else was said about it by anyone at all today.";
  hits_of(x, 104, q, hx, sizeof hx);
  hits_of(y, 104, q, hy, sizeof hy);
  assert_true(hx[0]);
  assert_string_equal(hx, hy);
  hits_of(x, 105, DOC_A, hx, sizeof hx);
  hits_of(y, 105, DOC_A, hy, sizeof hy);
  assert_string_equal(hx, hy);
  free(z);
  free(z2);
  dup_index_free(x);
  dup_index_free(y);
}

/* A blob that is cut short, has another magic or other parameters, or names a
 * document row that does not exist is refused, whatever its length. */
static void test_load_bad(void **state) {
  (void)state;
  dup_index *x, *y;
  assert_int_equal(dup_index_new(&x), ERR_OK);
  add(x, 1, DOC_A);
  size_t n;
  char *z = blob_of(x, &n);
  for (size_t k = 0; k < n; k++) {
    y = (dup_index *)1;
    assert_int_equal(load_from(z, k, &y), ERR_PARSE);
    assert_null(y);
  }
  z[0] = 'X'; /* magic */
  assert_int_equal(load_from(z, n, &y), ERR_PARSE);
  z[0] = 'D';
  z[12]++; /* DUP_K */
  assert_int_equal(load_from(z, n, &y), ERR_PARSE);
  z[12]--;
  z[40 + 8] = 5; /* the first item's document row: only row 0 exists */
  assert_int_equal(load_from(z, n, &y), ERR_PARSE);
  z[40 + 8] = 0;
  assert_int_equal(load_from(z, n, &y), ERR_OK);
  dup_index_free(y);
  /* an empty index round-trips */
  dup_index *e;
  assert_int_equal(dup_index_new(&e), ERR_OK);
  free(z);
  z = blob_of(e, &n);
  assert_int_equal(load_from(z, n, &y), ERR_OK);
  assert_int_equal(dup_index_docs(y), 0);
  dup_index_free(y);
  dup_index_free(e);
  dup_index_free(x);
  free(z);
}

/* Many documents: the tables grow and rehash, and still find an early one. */
static void test_growth(void **state) {
  (void)state;
  dup_index *x;
  assert_int_equal(dup_index_new(&x), ERR_OK);
  add(x, 0, DOC_A);
  char z[512];
  for (int i = 1; i < 3000; i++) {
    snprintf(z, sizeof z, "Report number %d says %d officials met %d delegates in city %d on day %d "
             "to discuss item %d of agenda %d.", i, i * 7, i * 13, i % 97, i % 31, i * 3, i * 11);
    outcome o = add(x, (uint64_t)i, z);
    assert_int_equal(o.ndoc + o.npara, 0);
  }
  assert_int_equal(add(x, 3000, DOC_A).doc.of_doc, 0);
  assert_true(dup_index_bytes(x) > 3000 * 2 * 150);
  dup_index_free(x);
  dup_index_free(NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_pairs),
      cmocka_unit_test(test_within_document_spans),
      cmocka_unit_test(test_earliest_and_exact_not_kept),
      cmocka_unit_test(test_signatures),
      cmocka_unit_test(test_similarity),
      cmocka_unit_test(test_flat_copy),
      cmocka_unit_test(test_out_of_memory),
      cmocka_unit_test(test_save_load),
      cmocka_unit_test(test_load_bad),
      cmocka_unit_test(test_growth),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
