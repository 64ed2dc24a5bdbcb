/* dup.c: MinHash signatures of documents and paragraphs, and their LSH index.
 * See dup.h for what is compared and what the index keeps. */
#include "dup.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"

_Static_assert(DUP_BANDS * DUP_ROWS == DUP_K, "bands must cover the signature");
_Static_assert(DUP_ROWS == 4, "a band is read as one uint32_t");

/* A chain walk stops after this many entries: equal band keys pile up only for
 * many distinct but alike items (templated reports), and the newest come first. */
#define DUP_MAX_CHAIN 512

/* ---- hashing ---------------------------------------------------------- */

static uint64_t fmix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

static uint32_t fmix32(uint32_t x) {
  x ^= x >> 16;
  x *= 0x85ebca6bU;
  x ^= x >> 13;
  x *= 0xc2b2ae35U;
  x ^= x >> 16;
  return x;
}

/* word_hash: FNV-1a of the token's text_key form (case folded, quotes and
 * dashes made plain); a token too long for the buffer hashes as written. An
 * ASCII token that fits (nearly all) is folded as it is hashed, as text_key
 * would fold it, without the copy. */
static uint64_t word_hash(const char *z, size_t n) {
  char key[128];
  if (n < sizeof key) { /* text_key fits n ASCII bytes and the NUL */
    uint64_t h = 0xcbf29ce484222325ULL;
    size_t i = 0;
    for (; i < n && (unsigned char)z[i] < 0x80; i++) {
      unsigned char ch = (unsigned char)z[i];
      h = (h ^ (ch >= 'A' && ch <= 'Z' ? ch + 32u : ch)) * 0x100000001b3ULL;
    }
    if (i == n) return h;
  }
  size_t k = text_key(z, n, key, sizeof key);
  const char *p = k ? key : z;
  size_t m = k ? k : n;
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < m; i++) h = (h ^ (unsigned char)p[i]) * 0x100000001b3ULL;
  return h;
}

/* ---- signatures ------------------------------------------------------- */

/* A paragraph being hashed: the last two words and the running minima. */
typedef struct shingler {
  uint64_t w[DUP_SHINGLE - 1];
  uint32_t words, shingles;
  uint32_t min[DUP_K];
} shingler;

static void shingler_reset(shingler *g) {
  g->words = g->shingles = 0;
  memset(g->min, 0xff, sizeof g->min);
}

/* add_shingle folds shingle hash x into the minima. The DUP_K hash functions
 * are fmix32(a + i*b), double hashing from the two halves of x: one 64-bit
 * hash per shingle, not DUP_K. */
/* The loop vectorizes (8 lanes with AVX2: vpmulld, vpminud; SSE2 has
 * neither); target_clones picks the AVX2 copy at load time where the CPU has
 * it. Both copies compute the same minima. */
#if defined(__clang__)
#define DUP_VECTOR __attribute__((target_clones("avx2", "default")))
#else
#define DUP_VECTOR __attribute__((target_clones("avx2", "default"), optimize("tree-vectorize")))
#endif
DUP_VECTOR
static void add_shingle(shingler *g, uint64_t x) {
  x = fmix64(x);
  g->shingles++;
  uint32_t a = (uint32_t)x, b = (uint32_t)(x >> 32) | 1;
  for (uint32_t i = 0; i < DUP_K; i++, a += b) { /* a is a + i*b: an add, not a multiply */
    uint32_t v = fmix32(a);
    g->min[i] = v < g->min[i] ? v : g->min[i];
  }
}

static uint64_t shingle_of(const uint64_t *w, uint32_t n, uint64_t last) {
  uint64_t x = 0x9e3779b97f4a7c15ULL;
  for (uint32_t i = 0; i < n; i++) x = (x ^ w[i]) * 0x100000001b3ULL + (x >> 29);
  return (x ^ last) * 0x9e3779b97f4a7c15ULL;
}

static void shingler_word(shingler *g, uint64_t h) {
  if (g->words >= DUP_SHINGLE - 1) add_shingle(g, shingle_of(g->w, DUP_SHINGLE - 1, h));
  memmove(g->w, g->w + 1, sizeof g->w - sizeof g->w[0]);
  g->w[DUP_SHINGLE - 2] = h;
  g->words++;
}

/* shingler_end: a paragraph shorter than a shingle is one shingle of its words. */
static void shingler_end(shingler *g) {
  if (g->words == 0 || g->words >= DUP_SHINGLE) return;
  uint32_t n = g->words;
  add_shingle(g, shingle_of(g->w + (DUP_SHINGLE - 1 - n), n - 1, g->w[DUP_SHINGLE - 2]));
}

/* line_mark: sentence s opens a line that is indented or starts with a marker
 * symbol ("- ", "* ", and the Reuters-21578 "&\t", where "\t" is a literal
 * backslash and t), which is how wire text without blank lines marks
 * paragraphs. A symbol before a number ("$5 million") is no marker. */
static int line_mark(const text_doc *td, uint32_t s) {
  const text_sentence *se = &td->sent[s];
  const text_token *t = &td->tok[se->tok];
  if (!(t->flags & TOK_NL) || t->start == 0) return 0;
  char before = td->z[t->start - 1];
  if (before == ' ' || before == '\t') return 1;
  uint32_t f = t->flags;
  if (!(f & TOK_PUNCT) || (f & (TOK_QUOTE | TOK_OPEN | TOK_CLOSE)) || t->end - t->start > 3)
    return 0;
  return se->ntok > 1 && !(t[1].flags & (TOK_NUM | TOK_NL));
}

static void hash_sentence(shingler *g, const text_doc *td, const text_sentence *se) {
  for (uint32_t i = se->tok; i < se->tok + se->ntok; i++) {
    const text_token *t = &td->tok[i];
    if (t->flags & (TOK_WORD | TOK_NUM)) shingler_word(g, word_hash(td->z + t->start, t->end - t->start));
  }
}

/* set_minhash and min_into vectorize too (DUP_VECTOR): 64 values each, for
 * every paragraph. */
DUP_VECTOR
static void set_minhash(dup_minhash *m, uint32_t start, uint32_t end, const shingler *g,
                        const uint32_t *min) {
  m->start = start;
  m->end = end;
  m->words = g->words;
  m->shingles = g->shingles;
  for (uint32_t i = 0; i < DUP_K; i++) m->h[i] = (uint8_t)min[i];
}

DUP_VECTOR
static void min_into(uint32_t *restrict acc, const uint32_t *restrict v) {
  for (uint32_t i = 0; i < DUP_K; i++) acc[i] = v[i] < acc[i] ? v[i] : acc[i];
}

/* para_end returns the sentence after the paragraph that starts at sentence s. */
static uint32_t para_end(const text_doc *td, uint32_t s) {
  uint32_t e = s + 1;
  while (e < td->nsent && td->sent[e].para == td->sent[s].para && !line_mark(td, e)) e++;
  return e;
}

int dup_signature(arena *a, const text_doc *td, dup_sig **out) {
  uint32_t cap = td->nsent < DUP_MAX_PARA ? td->nsent : DUP_MAX_PARA;
  dup_sig *s = arena_alloc(a, sizeof *s + (size_t)cap * sizeof s->para[0]);
  if (!s) return ERR_NOMEM;
  memset(s, 0, sizeof *s);
  uint32_t docmin[DUP_K];
  memset(docmin, 0xff, sizeof docmin);
  shingler g, all = {{0}, 0, 0, {0}};
  for (uint32_t b = 0, e; b < td->nsent; b = e) {
    e = para_end(td, b);
    shingler_reset(&g);
    for (uint32_t i = b; i < e; i++) hash_sentence(&g, td, &td->sent[i]);
    shingler_end(&g);
    min_into(docmin, g.min);
    all.words += g.words;
    all.shingles += g.shingles;
    if (g.words >= DUP_MIN_WORDS && s->n_para < cap)
      set_minhash(&s->para[s->n_para++], td->sent[b].start, td->sent[e - 1].end, &g, g.min);
  }
  s->has_doc = all.words >= DUP_MIN_WORDS;
  set_minhash(&s->doc, 0, (uint32_t)td->n, &all, docmin);
  *out = s;
  return ERR_OK;
}

size_t dup_sig_bytes(const dup_sig *s) { return sizeof *s + (size_t)s->n_para * sizeof s->para[0]; }

void dup_sig_copy(void *dst, const dup_sig *s) { memcpy(dst, s, dup_sig_bytes(s)); }

/* jaccard turns m equal bytes of DUP_K into an estimate: two different minima
 * share their low byte with chance 1/256, so E[m/K] = J + (1 - J)/256. */
static double jaccard(uint32_t m) {
  double p = (double)m / DUP_K, c = 1.0 / 256;
  double j = (p - c) / (1 - c);
  return j < 0 ? 0 : j;
}

static uint32_t matches(const uint8_t *a, const uint8_t *b) {
  uint32_t m = 0;
  for (uint32_t i = 0; i < DUP_K; i++) m += a[i] == b[i];
  return m;
}

double dup_similarity(const dup_minhash *a, const dup_minhash *b) {
  return jaccard(matches(a->h, b->h));
}

/* ---- the index -------------------------------------------------------- */

/* A pool of items (documents or paragraphs). Item ids are 0-based; chain links
 * and bucket heads hold id + 1 so that 0 ends a chain. Chains run newest first.
 *
 * An item's signature and its chain links are one record of DUP_BANDS
 * (key, next) pairs: band b's four signature bytes, then the next item in
 * band b's bucket. A chain step reads the key and the link from one 8-byte
 * pair, so the items in a bucket whose key differs (most of those a query
 * meets) cost one cache line each, where a separate signature array and link
 * array cost two. */
#define REC_WORDS (2 * DUP_BANDS)
typedef struct dup_pool {
  uint32_t n, cap;
  uint32_t *row;    /* the item's document row */
  uint32_t *span;   /* start, end */
  uint32_t *size;   /* shingles */
  uint32_t *rec;    /* REC_WORDS per item: key, next for each band */
  uint32_t *head;   /* DUP_BANDS x nbucket chain heads */
  uint32_t nbucket; /* a power of two, >= n / 2 */
} dup_pool;

struct dup_index {
  dup_pool pool[2]; /* POOL_DOC, POOL_PARA */
  uint64_t *docno;  /* per document row */
  uint32_t ndoc, capdoc;
  dup_hit *hits;
  size_t caphits;
};

enum { POOL_DOC = 0, POOL_PARA = 1 };

static uint32_t band_key(const uint8_t *sig, uint32_t b) {
  uint32_t k;
  memcpy(&k, sig + b * DUP_ROWS, sizeof k);
  return k;
}

/* rec_matches counts the values of record r equal to those of the signature
 * whose band keys are key[]: per band, the zero bytes of their xor (exact:
 * no carries cross from one byte into the next), summed by a multiply that
 * adds the four flag bits into the top byte. Equal to matches() on the two
 * signatures. */
static uint32_t rec_matches(const uint32_t *r, const uint32_t *key) {
  uint32_t m = 0;
  for (uint32_t b = 0; b < DUP_BANDS; b++) {
    uint32_t x = r[2 * b] ^ key[b];
    uint32_t nz = ((x & 0x7f7f7f7fU) + 0x7f7f7f7fU) | x; /* high bit of each nonzero byte */
    uint32_t zero = (~nz & 0x80808080U) >> 7;            /* low bit of each zero byte */
    m += (zero * 0x01010101U) >> 24;
  }
  return m;
}

static uint32_t bucket_of(const dup_pool *p, uint32_t key) {
  return fmix32(key) & (p->nbucket - 1);
}

/* rec_of is item id's record; pair b of it is rec_of(p, id)[2 * b], [2 * b + 1]. */
static uint32_t *rec_of(const dup_pool *p, uint32_t id) { return p->rec + (size_t)id * REC_WORDS; }

static void link_band(dup_pool *p, uint32_t id, uint32_t b) {
  uint32_t *r = rec_of(p, id);
  uint32_t *h = &p->head[(size_t)b * p->nbucket + bucket_of(p, r[2 * b])];
  r[2 * b + 1] = *h;
  *h = id + 1;
}

static void link_item(dup_pool *p, uint32_t id) {
  for (uint32_t b = 0; b < DUP_BANDS; b++) link_band(p, id, b);
}

/* grow reallocs *pp to n elements of size sz; the old block stays on failure. */
static int grow(void *pp, size_t n, size_t sz) {
  void *q = realloc(*(void **)pp, n * sz);
  if (!q) return ERR_NOMEM;
  *(void **)pp = q;
  return ERR_OK;
}

/* pool_rehash sizes the bucket arrays for want items and relinks, in id order
 * so chains stay newest first. Band by band: one band's heads stay in cache,
 * which makes loading a million documents several times faster. The heads
 * grow in place (realloc): memory the old heads had is reused, not given back
 * for fresh pages, which cost more to touch than the relinking. */
static int pool_rehash(dup_pool *p, size_t want) {
  uint32_t nb = 16;
  while ((size_t)nb * 2 < want) nb *= 2;
  if (nb <= p->nbucket) return ERR_OK;
  if (grow(&p->head, (size_t)nb * DUP_BANDS, sizeof *p->head)) return ERR_NOMEM;
  memset(p->head, 0, (size_t)nb * DUP_BANDS * sizeof *p->head);
  p->nbucket = nb;
  for (uint32_t b = 0; b < DUP_BANDS; b++)
    for (uint32_t id = 0; id < p->n; id++) link_band(p, id, b);
  return ERR_OK;
}

/* pool_grow makes room in the item arrays for k more items; on failure the
 * pool is unchanged (though perhaps with larger arrays). */
static int pool_grow(dup_pool *p, size_t k) {
  size_t want = (size_t)p->n + k;
  if (want >= UINT32_MAX) return ERR_TOOBIG;
  if (want > p->cap) {
    size_t cap = p->cap ? p->cap : 64;
    while (cap < want) cap += cap / 2; /* not doubling: a million documents' items are big */
    if (cap >= UINT32_MAX) cap = UINT32_MAX - 1;
    if (grow(&p->row, cap, sizeof *p->row) || grow(&p->span, cap, 2 * sizeof *p->span) ||
        grow(&p->size, cap, sizeof *p->size) || grow(&p->rec, cap, REC_WORDS * sizeof *p->rec))
      return ERR_NOMEM;
    p->cap = (uint32_t)cap;
  }
  return ERR_OK;
}

/* pool_reserve makes room for k more items, buckets included. */
static int pool_reserve(dup_pool *p, size_t k) {
  int rc = pool_grow(p, k);
  return rc ? rc : pool_rehash(p, (size_t)p->n + k);
}

/* pool_put appends an item (room reserved) without linking it. */
static uint32_t pool_put(dup_pool *p, uint32_t row, const dup_minhash *m) {
  uint32_t id = p->n++;
  p->row[id] = row;
  p->span[2 * id] = m->start;
  p->span[2 * id + 1] = m->end;
  p->size[id] = m->shingles;
  uint32_t *r = rec_of(p, id);
  for (uint32_t b = 0; b < DUP_BANDS; b++) r[2 * b] = band_key(m->h, b);
  return id;
}

static void pool_add(dup_pool *p, uint32_t row, const dup_minhash *m) {
  link_item(p, pool_put(p, row, m));
}

/* pool_best finds the item with most values equal to sig among those sharing
 * a band with it (ties: the oldest). The walk is memory-bound (every chain
 * step lands on a random item), so the bands' chains are walked side by side,
 * one step of each per round, with the next round's items prefetched: the
 * cache misses of sixteen chains overlap instead of queueing. The result does
 * not depend on the order: the same (item, band) pairs are visited. */
static uint32_t pool_best(const dup_pool *p, const uint8_t *sig, uint32_t *best_m) {
  uint32_t best = 0, bm = 0;
  *best_m = 0;
  if (!p->n) return 0;
  uint32_t key[DUP_BANDS], cur[DUP_BANDS], walked[DUP_BANDS];
  for (uint32_t b = 0; b < DUP_BANDS; b++) {
    key[b] = band_key(sig, b);
    walked[b] = 0;
    __builtin_prefetch(&p->head[(size_t)b * p->nbucket + bucket_of(p, key[b])]);
  }
  uint32_t live = 0;
  for (uint32_t b = 0; b < DUP_BANDS; b++) {
    cur[b] = p->head[(size_t)b * p->nbucket + bucket_of(p, key[b])];
    if (cur[b]) {
      __builtin_prefetch(&rec_of(p, cur[b] - 1)[2 * b]);
      live++;
    }
  }
  while (live) {
    live = 0;
    for (uint32_t b = 0; b < DUP_BANDS; b++) {
      uint32_t j = cur[b];
      if (!j) continue;
      const uint32_t *r = rec_of(p, j - 1);
      if (r[2 * b] == key[b]) {
        uint32_t m = rec_matches(r, key);
        if (m > bm || (m == bm && j < best)) best = j, bm = m;
      }
      j = ++walked[b] < DUP_MAX_CHAIN ? r[2 * b + 1] : 0;
      cur[b] = j;
      if (j) {
        __builtin_prefetch(&rec_of(p, j - 1)[2 * b]);
        live++;
      }
    }
  }
  *best_m = bm;
  return best;
}

static void pool_free(dup_pool *p) {
  free(p->row);
  free(p->span);
  free(p->size);
  free(p->rec);
  free(p->head);
}

int dup_index_new(dup_index **out) {
  *out = calloc(1, sizeof **out);
  return *out ? ERR_OK : ERR_NOMEM;
}

void dup_index_free(dup_index *x) {
  if (!x) return;
  pool_free(&x->pool[POOL_DOC]);
  pool_free(&x->pool[POOL_PARA]);
  free(x->docno);
  free(x->hits);
  free(x);
}

static int reserve_docs(dup_index *x, size_t k) {
  size_t want = (size_t)x->ndoc + k;
  if (want >= UINT32_MAX) return ERR_TOOBIG;
  if (want <= x->capdoc) return ERR_OK;
  size_t cap = x->capdoc ? (size_t)x->capdoc + x->capdoc / 2 : 64;
  if (cap < want) cap = want;
  if (cap >= UINT32_MAX) cap = UINT32_MAX - 1;
  if (grow(&x->docno, cap, sizeof *x->docno)) return ERR_NOMEM;
  x->capdoc = (uint32_t)cap;
  return ERR_OK;
}

/* reserve takes every allocation dup_index_add may need up front, so that a
 * failure leaves the index as it was. */
static int reserve(dup_index *x, const dup_sig *s) {
  int rc;
  if ((rc = reserve_docs(x, 1)) || (rc = pool_reserve(&x->pool[POOL_DOC], 1)) ||
      (rc = pool_reserve(&x->pool[POOL_PARA], s->n_para)))
    return rc;
  size_t need = (size_t)s->n_para + 1;
  if (need <= x->caphits) return ERR_OK;
  if (grow(&x->hits, need, sizeof *x->hits)) return ERR_NOMEM;
  x->caphits = need;
  return ERR_OK;
}

/* The document being added: its row is taken when its first item is kept. */
typedef struct adding {
  dup_index *x;
  uint64_t docno;
  uint32_t row;     /* UINT32_MAX until taken */
  uint32_t dup_row; /* row of the document it duplicates, or UINT32_MAX */
  size_t nhits;
} adding;

static uint32_t take_row(adding *ad) {
  if (ad->row == UINT32_MAX) {
    ad->row = ad->x->ndoc++;
    ad->x->docno[ad->row] = ad->docno;
  }
  return ad->row;
}

/* containment: the share of the smaller set that the other holds, from J and
 * the two sizes, as |A n B| = J (|A| + |B|) / (1 + J). */
static double containment(double j, uint32_t a, uint32_t b) {
  uint32_t lo = a < b ? a : b;
  if (!lo) return 0;
  double c = j * ((double)a + b) / (1 + j) / lo;
  return c > 1 ? 1 : c;
}

/* is_repeat: documents are also repeats when one holds nearly all of the other
 * and is at most about twice its size: a wire update that adds or drops a
 * sentence of a short story falls below any Jaccard threshold that keeps
 * unrelated stories out (0.67 for one sentence of three). Not for tiny ones:
 * a template ("Qtly div 36 cts vs 36 cts / Pay April 30 ...") covers most of
 * a dozen words. */
static int is_repeat(int k, double j, double c, uint32_t smaller, double threshold) {
  if (j >= threshold) return 1;
  return k == POOL_DOC && j >= DUP_CONTAINED_MIN && c >= DUP_CONTAINED &&
         smaller >= DUP_CONTAINED_SHINGLES;
}

/* query_add looks m up in pool k, records a hit if it is a repeat, and adds m
 * unless an equal signature is already there (that one stands for it). */
static void query_add(adding *ad, int k, const dup_minhash *m, double threshold) {
  dup_index *x = ad->x;
  dup_pool *p = &x->pool[k];
  uint32_t bm, j = pool_best(p, m->h, &bm);
  if (j) {
    uint32_t r = p->row[j - 1], id = j - 1;
    double sim = jaccard(bm), c = containment(sim, m->shingles, p->size[id]);
    uint32_t smaller = m->shingles < p->size[id] ? m->shingles : p->size[id];
    if (is_repeat(k, sim, c, smaller, threshold) && (k == POOL_DOC || r != ad->dup_row)) {
      x->hits[ad->nhits++] = (dup_hit){k == POOL_DOC, m->start, m->end, x->docno[r],
                                       p->span[2 * id], p->span[2 * id + 1], sim, c};
      if (k == POOL_DOC) ad->dup_row = r;
    }
  }
  if (!j || bm < DUP_K) pool_add(p, take_row(ad), m);
}

int dup_index_add(dup_index *x, uint64_t docno, const dup_sig *s, double doc_threshold,
                  double passage_threshold, const dup_hit **hits, size_t *nhits) {
  if (!x || !s || !hits || !nhits) return ERR_INVALID;
  *hits = NULL;
  *nhits = 0;
  int rc = reserve(x, s);
  if (rc) return rc;
  adding ad = {x, docno, UINT32_MAX, UINT32_MAX, 0};
  if (s->has_doc) query_add(&ad, POOL_DOC, &s->doc, doc_threshold);
  for (uint32_t i = 0; i < s->n_para; i++) query_add(&ad, POOL_PARA, &s->para[i], passage_threshold);
  *hits = x->hits;
  *nhits = ad.nhits;
  return ERR_OK;
}

static size_t pool_bytes(const dup_pool *p) {
  size_t per = sizeof *p->row + 2 * sizeof *p->span + sizeof *p->size + REC_WORDS * sizeof *p->rec;
  return (size_t)p->cap * per + (size_t)p->nbucket * DUP_BANDS * sizeof *p->head;
}

size_t dup_index_bytes(const dup_index *x) {
  return sizeof *x + pool_bytes(&x->pool[0]) + pool_bytes(&x->pool[1]) +
         (size_t)x->capdoc * sizeof *x->docno + x->caphits * sizeof *x->hits;
}

size_t dup_index_docs(const dup_index *x) { return x->pool[POOL_DOC].n; }
size_t dup_index_paras(const dup_index *x) { return x->pool[POOL_PARA].n; }

/* ---- the blob --------------------------------------------------------- */

static const char MAGIC[8] = {'D', 'Y', 'A', 'D', 'D', 'U', 'P', '1'};

static void put32(uint8_t *o, uint32_t v) {
  for (int i = 0; i < 4; i++) o[i] = (uint8_t)(v >> (8 * i));
}
static void put64(uint8_t *o, uint64_t v) {
  for (int i = 0; i < 8; i++) o[i] = (uint8_t)(v >> (8 * i));
}
static uint32_t get32(const uint8_t *o) {
  uint32_t v = 0;
  for (int i = 3; i >= 0; i--) v = v << 8 | o[i];
  return v;
}
static uint64_t get64(const uint8_t *o) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; i--) v = v << 8 | o[i];
  return v;
}

/* The header: magic, then the parameters a signature depends on, then counts. */
enum { HDR_PARAMS = 5, HDR_BYTES = 8 + 4 * HDR_PARAMS + 3 * 4, ITEM_BYTES = 16 + DUP_K };

static void params(uint32_t *v) {
  v[0] = 1; /* blob version */
  v[1] = DUP_K;
  v[2] = DUP_BANDS;
  v[3] = DUP_SHINGLE;
  v[4] = DUP_MIN_WORDS;
}

static int save_pool(const dup_pool *p, FILE *f) {
  uint8_t o[ITEM_BYTES];
  for (uint32_t i = 0; i < p->n; i++) {
    put32(o, p->row[i]);
    put32(o + 4, p->span[2 * i]);
    put32(o + 8, p->span[2 * i + 1]);
    put32(o + 12, p->size[i]);
    const uint32_t *r = rec_of(p, i);
    for (uint32_t b = 0; b < DUP_BANDS; b++) memcpy(o + 16 + b * DUP_ROWS, &r[2 * b], DUP_ROWS);
    if (fwrite(o, sizeof o, 1, f) != 1) return ERR_IO;
  }
  return ERR_OK;
}

int dup_index_save(const dup_index *x, FILE *f) {
  uint8_t h[HDR_BYTES];
  uint32_t v[HDR_PARAMS];
  params(v);
  memcpy(h, MAGIC, 8);
  for (int i = 0; i < HDR_PARAMS; i++) put32(h + 8 + 4 * i, v[i]);
  put32(h + 8 + 4 * HDR_PARAMS, x->ndoc);
  put32(h + 12 + 4 * HDR_PARAMS, x->pool[POOL_DOC].n);
  put32(h + 16 + 4 * HDR_PARAMS, x->pool[POOL_PARA].n);
  if (fwrite(h, sizeof h, 1, f) != 1) return ERR_IO;
  for (uint32_t i = 0; i < x->ndoc; i++) {
    uint8_t o[8];
    put64(o, x->docno[i]);
    if (fwrite(o, sizeof o, 1, f) != 1) return ERR_IO;
  }
  int rc;
  if ((rc = save_pool(&x->pool[POOL_DOC], f)) || (rc = save_pool(&x->pool[POOL_PARA], f))) return rc;
  return fflush(f) ? ERR_IO : ERR_OK;
}

/* read_exact: ERR_IO for a read error, ERR_PARSE for a short blob. */
static int read_exact(FILE *f, void *p, size_t n) {
  if (fread(p, 1, n, f) == n) return ERR_OK;
  return ferror(f) ? ERR_IO : ERR_PARSE;
}

/* load_pool reads n items, growing as they arrive so that a corrupt count
 * costs no more memory than the bytes actually present, then links them all. */
static int load_pool(dup_pool *p, uint32_t n, uint32_t ndoc, FILE *f) {
  uint8_t o[ITEM_BYTES];
  for (uint32_t i = 0; i < n; i++) {
    int rc = read_exact(f, o, sizeof o);
    if (rc || (rc = pool_grow(p, 1))) return rc;
    dup_minhash m = {get32(o + 4), get32(o + 8), 0, get32(o + 12), {0}};
    uint32_t row = get32(o);
    if (row >= ndoc || m.start > m.end) return ERR_PARSE;
    memcpy(m.h, o + 16, DUP_K);
    pool_put(p, row, &m);
  }
  return pool_rehash(p, p->n);
}

static int load_body(dup_index *x, FILE *f) {
  uint8_t h[HDR_BYTES];
  uint32_t v[HDR_PARAMS];
  int rc = read_exact(f, h, sizeof h);
  if (rc) return rc;
  params(v);
  if (memcmp(h, MAGIC, 8)) return ERR_PARSE;
  for (int i = 0; i < HDR_PARAMS; i++)
    if (get32(h + 8 + 4 * i) != v[i]) return ERR_PARSE;
  uint32_t ndoc = get32(h + 8 + 4 * HDR_PARAMS);
  uint32_t nd = get32(h + 12 + 4 * HDR_PARAMS), np = get32(h + 16 + 4 * HDR_PARAMS);
  if (ndoc == UINT32_MAX || nd == UINT32_MAX || np == UINT32_MAX) return ERR_PARSE;
  for (uint32_t i = 0; i < ndoc; i++) {
    uint8_t o[8];
    if ((rc = read_exact(f, o, sizeof o)) || (rc = reserve_docs(x, 1))) return rc;
    x->docno[x->ndoc++] = get64(o);
  }
  if ((rc = load_pool(&x->pool[POOL_DOC], nd, ndoc, f))) return rc;
  return load_pool(&x->pool[POOL_PARA], np, ndoc, f);
}

int dup_index_load(FILE *f, dup_index **out) {
  dup_index *x;
  *out = NULL;
  int rc = dup_index_new(&x);
  if (rc) return rc;
  if ((rc = load_body(x, f))) {
    dup_index_free(x);
    return rc;
  }
  *out = x;
  return ERR_OK;
}
