/* Conformance (issue 5, item 4): near-duplicate documents and repeated passages.
 *
 * usage: dups [DATADIR [DOC_THRESHOLD PASSAGE_THRESHOLD]]
 * DATADIR defaults to ../shared/data; the thresholds to dup.h's defaults.
 *
 * Takes the first 2,000 documents of corpora/reuters21578.jsonl with at least 3
 * sentences (the base) and the next 2,000 (fillers, never indexed), then makes,
 * with a fixed-seed PRNG:
 *  - 200 near-copies of base documents, 50 for each small edit: a word changed,
 *    a sentence added (from a filler), a sentence dropped, a paragraph moved;
 *  - 100 composed documents: 2-4 filler paragraphs, blank-line separated, with
 *    one paragraph of a base document put among them: as it is, with a word
 *    put in front ("But ..."), or with a word near its middle changed.
 * The base goes through the index first, then the 300 in shuffled order.
 *
 * Scoring. Recall: the planted pairs reported (a copy's document hit naming
 * its original; a passage hit on the planted paragraph naming its source).
 * Precision: right hits / all hits. A planted pair is right; a hit that was
 * not planted (Reuters repeats its own stories and boilerplate) is right when
 * the two spans, re-read from the text here, share an exact word-trigram
 * Jaccard of at least REAL_REPEAT, which is fixed so that precision does not
 * move with the thresholds. Misses (MISS), hits judged wrong (WRONG) and the
 * corpus's own repeats (CORPUS) are printed first, then the summary. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "arena.h"
#include "dup.h"
#include "err.h"
#include "text.h"
#include "conf.h"

#define NBASE 2000
#define NFILL 2000
#define NCOPY 200
#define NCOMP 100
/* A hit that was not planted is a real repeat when the two spans share at
 * least this exact Jaccard of word trigrams (two thirds of each one's
 * trigrams): fixed, so that precision does not move with the thresholds. */
#define REAL_REPEAT 0.5

enum { BASE, COPY, COMPOSED };
enum { E_WORD, E_ADD, E_DROP, E_MOVE, NEDIT };
enum { P_EXACT, P_PREPEND, P_CHANGE, NPEDIT };
static const char *const EDIT_NAME[] = {"word changed", "sentence added", "sentence dropped",
                                        "paragraph moved"};
static const char *const PEDIT_NAME[] = {"as is", "word put in front", "word changed"};

typedef struct gdoc {
  char *z;
  size_t n;
  int kind, edit;
  size_t src;            /* COPY, COMPOSED: the base document */
  uint32_t as, ae;       /* COMPOSED: the planted paragraph here */
  uint32_t bs, be;       /* COMPOSED: ... and in the source */
} gdoc;

static uint64_t rng = 0x5eed2025u;
static uint64_t next_rand(void) { /* splitmix64 */
  uint64_t z = (rng += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
static size_t pick(size_t n) { return (size_t)(next_rand() % n); }

static char *dupmem(const char *z, size_t n) {
  char *p = malloc(n + 1);
  memcpy(p, z, n);
  p[n] = 0;
  return p;
}

/* splice returns z with [at, at+del) replaced by ins. */
static char *splice(const char *z, size_t n, size_t at, size_t del, const char *ins, size_t nins,
                    size_t *outn) {
  *outn = n - del + nins;
  char *p = malloc(*outn + 1);
  memcpy(p, z, at);
  memcpy(p + at, ins, nins);
  memcpy(p + at + nins, z + at + del, n - at - del);
  p[*outn] = 0;
  return p;
}

/* ---- exact shingle sets, for scoring ---------------------------------- */

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* shingles: the sorted distinct 3-word shingles of the words in [s, e) */
static size_t shingles(const char *z, size_t n, uint32_t s, uint32_t e, uint64_t **out) {
  arena a;
  arena_init(&a, 1 << 16);
  text_doc td;
  size_t nw = 0, ns = 0;
  uint64_t *w = NULL;
  if (!text_segment(&a, z, n, &td)) {
    w = malloc((td.ntok + 3) * sizeof *w);
    for (uint32_t i = 0; i < td.nsent; i++)
      for (uint32_t k = td.sent[i].tok; k < td.sent[i].tok + td.sent[i].ntok; k++) {
        const text_token *t = &td.tok[k];
        if (!(t->flags & (TOK_WORD | TOK_NUM)) || t->start < s || t->end > e) continue;
        char key[256];
        size_t m = text_key(z + t->start, t->end - t->start, key, sizeof key);
        uint64_t h = 0xcbf29ce484222325ULL;
        for (size_t j = 0; j < m; j++) h = (h ^ (unsigned char)key[j]) * 0x100000001b3ULL;
        w[nw++] = h;
      }
  }
  uint64_t *sh = malloc((nw + 1) * sizeof *sh);
  for (size_t i = 0; i + 3 <= nw || (i == 0 && nw); i++) {
    uint64_t h = 0;
    for (size_t j = i; j < i + 3 && j < nw; j++) h = (h ^ w[j]) * 0x9e3779b97f4a7c15ULL + j - i;
    sh[ns++] = h;
  }
  qsort(sh, ns, sizeof *sh, cmp_u64);
  size_t u = 0;
  for (size_t i = 0; i < ns; i++)
    if (!u || sh[u - 1] != sh[i]) sh[u++] = sh[i];
  free(w);
  arena_free(&a);
  *out = sh;
  return u;
}

static double exact_jaccard(const gdoc *x, uint32_t xs, uint32_t xe, const gdoc *y, uint32_t ys,
                            uint32_t ye) {
  uint64_t *a, *b;
  size_t na = shingles(x->z, x->n, xs, xe, &a), nb = shingles(y->z, y->n, ys, ye, &b);
  size_t i = 0, j = 0, both = 0;
  while (i < na && j < nb) {
    if (a[i] == b[j]) both++, i++, j++;
    else if (a[i] < b[j]) i++;
    else j++;
  }
  free(a);
  free(b);
  return na + nb - both ? (double)both / (double)(na + nb - both) : 0;
}

/* ---- the documents ---------------------------------------------------- */

/* A segmented document with its signature, in a to-be-reset arena. */
typedef struct seg {
  text_doc td;
  dup_sig *sig;
} seg;

static int segment(arena *a, const gdoc *d, seg *s) {
  return text_segment(a, d->z, d->n, &s->td) || dup_signature(a, &s->td, &s->sig);
}

static int read_corpus(const char *path, gdoc *base, gdoc *fill) {
  FILE *f = fopen(path, "r");
  if (!f) return ERR_NOTFOUND;
  arena a;
  arena_init(&a, 1 << 16);
  size_t nb = 0, nf = 0;
  char *line;
  while (nf < NFILL && (line = conf_read_line(f))) {
    cJSON *j = cJSON_Parse(line);
    const cJSON *text = cJSON_GetObjectItem(j, "text");
    text_doc td;
    if (cJSON_IsString(text) && !text_segment(&a, text->valuestring, strlen(text->valuestring), &td) &&
        td.nsent >= 3) {
      gdoc *d = nb < NBASE ? &base[nb++] : &fill[nf++];
      d->n = strlen(text->valuestring);
      d->z = dupmem(text->valuestring, d->n);
    }
    cJSON_Delete(j);
    free(line);
    arena_reset(&a);
  }
  fclose(f);
  arena_free(&a);
  return nf == NFILL ? ERR_OK : ERR_PARSE;
}

static const char *const WORDS[] = {"however", "sharply", "northern", "quarterly", "officials",
                                    "reportedly", "billion", "market", "several", "analysts"};

/* change_word replaces the word token k of s with a listed word that differs. */
static char *change_word(const gdoc *d, const text_token *t, size_t *n) {
  const char *w;
  do w = WORDS[pick(sizeof WORDS / sizeof *WORDS)];
  while (strlen(w) == t->end - t->start && !strncasecmp(w, d->z + t->start, strlen(w)));
  return splice(d->z, d->n, t->start, t->end - t->start, w, strlen(w), n);
}

/* random_word: a word token of two or more letters in sentences [s0, s1) */
static const text_token *random_word(const text_doc *td, uint32_t s0, uint32_t s1) {
  uint32_t lo = td->sent[s0].tok, hi = td->sent[s1 - 1].tok + td->sent[s1 - 1].ntok;
  for (int tries = 0; tries < 100; tries++) {
    const text_token *t = &td->tok[lo + pick(hi - lo)];
    if ((t->flags & TOK_WORD) && t->end - t->start >= 2) return t;
  }
  return NULL;
}

/* a filler sentence of at least 6 tokens, for "sentence added" */
static void filler_sentence(const gdoc *fill, arena *a, const char **z, size_t *n) {
  for (;;) {
    const gdoc *f = &fill[pick(NFILL)];
    seg s;
    if (segment(a, f, &s)) continue;
    const text_sentence *se = &s.td.sent[pick(s.td.nsent)];
    if (se->ntok < 6) continue;
    *z = f->z + se->start;
    *n = se->end - se->start;
    return;
  }
}

/* make_copy applies edit e to base document b; 0 when b does not allow it. */
static int make_copy(const gdoc *b, const gdoc *fill, int e, arena *a, gdoc *out) {
  seg s;
  if (segment(a, b, &s)) return 0;
  const text_doc *td = &s.td;
  size_t n = 0;
  char *z = NULL;
  if (e == E_WORD) {
    const text_token *t = random_word(td, 0, td->nsent);
    if (!t) return 0;
    z = change_word(b, t, &n);
  } else if (e == E_ADD) {
    const char *fz;
    size_t fn;
    filler_sentence(fill, a, &fz, &fn);
    char *ins = malloc(fn + 2);
    ins[0] = ' ';
    memcpy(ins + 1, fz, fn);
    uint32_t at = td->sent[pick(td->nsent)].end;
    z = splice(b->z, b->n, at, 0, ins, fn + 1, &n);
    free(ins);
  } else if (e == E_DROP) {
    uint32_t i = (uint32_t)pick(td->nsent);
    uint32_t from = td->sent[i].start, to = i + 1 < td->nsent ? td->sent[i + 1].start : td->sent[i].end;
    if (i + 1 == td->nsent) from = td->sent[i - 1].end;
    z = splice(b->z, b->n, from, to - from, "", 0, &n);
  } else {
    const dup_sig *g = s.sig;
    if (g->n_para < 2) return 0;
    uint32_t p = (uint32_t)pick(g->n_para), q;
    do q = (uint32_t)pick(g->n_para);
    while (q == p);
    const dup_minhash *mp = &g->para[p], *mq = &g->para[q];
    size_t len = mp->end - mp->start, m;
    char *ins = malloc(len + 1);
    memcpy(ins, b->z + mp->start, len);
    ins[len] = '\n';
    /* cut, then insert before q (whose offset moves if it was after p) */
    char *cut = splice(b->z, b->n, mp->start, len, "", 0, &m);
    uint32_t at = mq->start > mp->start ? mq->start - (uint32_t)len : mq->start;
    z = splice(cut, m, at, 0, ins, len + 1, &n);
    free(cut);
    free(ins);
  }
  *out = (gdoc){z, n, COPY, e, 0, 0, 0, 0, 0};
  return 1;
}

/* para_text: paragraph m of d from its first letter or digit (the "&\t" mark left out). */
static void para_text(const gdoc *d, const dup_minhash *m, uint32_t *s, uint32_t *e) {
  uint32_t i = m->start;
  while (i < m->end && !((d->z[i] | 0x20) >= 'a' && (d->z[i] | 0x20) <= 'z') &&
         !(d->z[i] >= '0' && d->z[i] <= '9'))
    i++;
  *s = i;
  *e = m->end;
}

typedef struct strbuf {
  char *z;
  size_t n, cap;
} strbuf;

static void sb_add(strbuf *b, const char *z, size_t n) {
  if (b->n + n + 1 > b->cap) {
    b->cap = (b->n + n + 1) * 2;
    b->z = realloc(b->z, b->cap);
  }
  memcpy(b->z + b->n, z, n);
  b->n += n;
  b->z[b->n] = 0;
}

/* planted_text: the source paragraph with edit pe applied */
static char *planted_text(const gdoc *b, uint32_t s, uint32_t e, int pe, arena *a, size_t *n) {
  gdoc p = {dupmem(b->z + s, e - s), e - s, 0, 0, 0, 0, 0, 0, 0};
  char *z = p.z;
  *n = p.n;
  if (pe == P_PREPEND) {
    z = splice(p.z, p.n, 0, 0, "But ", 4, n);
    free(p.z);
  } else if (pe == P_CHANGE) {
    seg sg;
    const text_token *t = NULL;
    if (!segment(a, &p, &sg) && sg.td.ntok) {
      /* a word near the middle: the hardest place, it breaks the most shingles */
      for (uint32_t k = sg.td.ntok / 2; k < sg.td.ntok && !t; k++)
        if ((sg.td.tok[k].flags & TOK_WORD) && sg.td.tok[k].end - sg.td.tok[k].start >= 2) t = &sg.td.tok[k];
    }
    if (t) {
      z = change_word(&p, t, n);
      free(p.z);
    }
  }
  return z;
}

/* make_composed puts a paragraph of base document b among filler paragraphs. */
static int make_composed(const gdoc *b, const gdoc *fill, size_t *fnext, int pe, arena *a,
                         gdoc *out) {
  seg s;
  if (segment(a, b, &s) || !s.sig->n_para) return 0;
  const dup_minhash *m = &s.sig->para[pick(s.sig->n_para)];
  uint32_t bs, be;
  para_text(b, m, &bs, &be);
  size_t np;
  char *planted = planted_text(b, bs, be, pe, a, &np);
  size_t nfill = 2 + pick(3), at = pick(nfill + 1);
  strbuf sb = {0};
  uint32_t as = 0, ae = 0;
  for (size_t i = 0; i <= nfill; i++) {
    if (sb.n) sb_add(&sb, "\n\n", 2);
    if (i == at) {
      as = (uint32_t)sb.n;
      sb_add(&sb, planted, np);
      ae = (uint32_t)sb.n;
      continue;
    }
    /* the next filler paragraph; each is used once */
    for (;;) {
      const gdoc *f = &fill[*fnext % NFILL];
      seg fs;
      size_t k = *fnext / NFILL;
      ++*fnext;
      if (segment(a, f, &fs) || k >= fs.sig->n_para) continue;
      uint32_t ps, pe2;
      para_text(f, &fs.sig->para[k], &ps, &pe2);
      sb_add(&sb, f->z + ps, pe2 - ps);
      break;
    }
  }
  free(planted);
  *out = (gdoc){sb.z, sb.n, COMPOSED, pe, 0, as, ae, bs, be};
  return 1;
}

/* ---- scoring ---------------------------------------------------------- */

typedef struct score {
  size_t hits, right, planted, found, found_by[NEDIT], planted_by[NEDIT], corpus, corpus_right;
} score;

static int overlaps(uint32_t a, uint32_t b, uint32_t c, uint32_t d) { return a < d && c < b; }

static void print_hit(const char *what, const gdoc *docs, size_t i, const dup_hit *h, double ex) {
  printf("%s doc %zu [%u,%u) ~ doc %llu [%u,%u): estimated %.2f, exact %.2f\n", what, i, h->start,
         h->end, (unsigned long long)h->of_doc, h->of_start, h->of_end, h->similarity, ex);
  printf("    this: %.*s\n    that: %.*s\n", (int)(h->end - h->start > 300 ? 300 : h->end - h->start),
         docs[i].z + h->start,
         (int)(h->of_end - h->of_start > 300 ? 300 : h->of_end - h->of_start),
         docs[h->of_doc].z + h->of_start);
}

/* judge one hit of document i; returns 1 when it is the planted pair */
static int judge(const gdoc *docs, size_t i, const dup_hit *h, score *sc) {
  const gdoc *d = &docs[i], *o = &docs[h->of_doc];
  int planted = 0;
  if (h->is_doc) planted = d->kind == COPY && h->of_doc == d->src;
  else
    planted = d->kind == COMPOSED && h->of_doc == d->src && overlaps(h->start, h->end, d->as, d->ae) &&
              overlaps(h->of_start, h->of_end, d->bs, d->be);
  sc->hits++;
  if (planted) {
    sc->right++;
    return 1;
  }
  double ex = exact_jaccard(d, h->start, h->end, o, h->of_start, h->of_end);
  int ok = ex >= REAL_REPEAT;
  sc->corpus++;
  sc->corpus_right += ok;
  sc->right += ok;
  print_hit(ok ? "CORPUS" : "WRONG", docs, i, h, ex);
  /* a planted pair reported against an earlier equal of the source still counts */
  if (!ok) return 0;
  if (h->is_doc) return d->kind == COPY;
  return d->kind == COMPOSED && overlaps(h->start, h->end, d->as, d->ae);
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static void report(const char *what, const score *s, const char *const *names, int nnames) {
  printf("%s: precision %.3f (%zu of %zu hits right; %zu hits not planted, %zu of them real "
         "repeats in the corpus), recall %.3f (%zu of %zu planted)\n",
         what, s->hits ? (double)s->right / (double)s->hits : 1.0, s->right, s->hits, s->corpus,
         s->corpus_right, s->planted ? (double)s->found / (double)s->planted : 1.0, s->found,
         s->planted);
  for (int e = 0; e < nnames; e++)
    printf("    %-18s recall %zu of %zu\n", names[e], s->found_by[e], s->planted_by[e]);
}

int main(int argc, char **argv) {
  const char *dir = argc > 1 ? argv[1] : "../shared/data";
  double dthr = argc > 3 ? atof(argv[2]) : DUP_DOC_THRESHOLD;
  double pthr = argc > 3 ? atof(argv[3]) : DUP_PASSAGE_THRESHOLD;
  char path[4096];
  snprintf(path, sizeof path, "%s/corpora/reuters21578.jsonl", dir);
  size_t ndocs = NBASE + NCOPY + NCOMP;
  gdoc *docs = calloc(ndocs, sizeof *docs), *fill = calloc(NFILL, sizeof *fill);
  int rc = read_corpus(path, docs, fill);
  if (rc == ERR_NOTFOUND) {
    printf("skipped: %s not found\n", path);
    return 0;
  }
  if (rc) {
    fprintf(stderr, "%s: fewer documents than needed\n", path);
    return 1;
  }
  arena a;
  arena_init(&a, 1 << 16);
  /* the generated documents, then shuffled */
  size_t g = NBASE, fnext = 0;
  char *used = calloc(NBASE, 1);
  for (int k = 0; k < NCOPY; k++) {
    size_t b;
    do b = pick(NBASE);
    while (used[b] || !make_copy(&docs[b], fill, k % NEDIT, &a, &docs[g]));
    used[b] = 1;
    docs[g++].src = b;
    arena_reset(&a);
  }
  for (int k = 0; k < NCOMP; k++) {
    size_t b;
    do b = pick(NBASE);
    while (used[b] || !make_composed(&docs[b], fill, &fnext, k % NPEDIT, &a, &docs[g]));
    used[b] = 1;
    docs[g++].src = b;
    arena_reset(&a);
  }
  for (size_t i = ndocs - 1; i > NBASE; i--) {
    size_t j = NBASE + pick(i - NBASE + 1);
    gdoc t = docs[i];
    docs[i] = docs[j];
    docs[j] = t;
  }
  /* speed: segmentation and signatures alone, over the base */
  double t0 = now(), tseg = 0;
  for (size_t i = 0; i < NBASE; i++) {
    text_doc td;
    dup_sig *s;
    double t1 = now();
    text_segment(&a, docs[i].z, docs[i].n, &td);
    tseg += now() - t1;
    dup_signature(&a, &td, &s);
    arena_reset(&a);
  }
  double tsig = now() - t0 - tseg;
  /* the run */
  dup_index *x;
  if (dup_index_new(&x)) return 1;
  score sd = {0}, sp = {0};
  size_t npara = 0;
  double tidx = 0;
  for (size_t i = 0; i < ndocs; i++) {
    seg s;
    if (segment(&a, &docs[i], &s)) return 1;
    npara += s.sig->n_para;
    const dup_hit *h;
    size_t nh;
    double t1 = now();
    if (dup_index_add(x, i, s.sig, dthr, pthr, &h, &nh)) return 1;
    tidx += now() - t1;
    int got_doc = 0, got_para = 0;
    for (size_t k = 0; k < nh; k++) {
      if (h[k].is_doc) got_doc |= judge(docs, i, &h[k], &sd);
      else got_para |= judge(docs, i, &h[k], &sp);
    }
    const gdoc *d = &docs[i];
    score *sc = d->kind == COPY ? &sd : &sp;
    int got = d->kind == COPY ? got_doc : got_para;
    if (d->kind != BASE) {
      sc->planted++;
      sc->planted_by[d->edit]++;
      sc->found += got;
      sc->found_by[d->edit] += got;
    }
    if (d->kind != BASE && !got) {
      uint32_t s0 = d->kind == COPY ? 0 : d->as, s1 = d->kind == COPY ? (uint32_t)d->n : d->ae;
      uint32_t b0 = d->kind == COPY ? 0 : d->bs, b1 = d->kind == COPY ? (uint32_t)docs[d->src].n : d->be;
      printf("MISS %s (%s) doc %zu of doc %zu: exact Jaccard %.2f\n    this: %.*s\n",
             d->kind == COPY ? "copy" : "passage",
             d->kind == COPY ? EDIT_NAME[d->edit] : PEDIT_NAME[d->edit], i, d->src,
             exact_jaccard(d, s0, s1, &docs[d->src], b0, b1),
             (int)(s1 - s0 > 400 ? 400 : s1 - s0), d->z + s0);
    }
    arena_reset(&a);
  }
  printf("thresholds: document %.2f, passage %.2f; %zu documents (%zu base, %d near-copies, "
         "%d with a repeated paragraph), %zu paragraph signatures\n",
         dthr, pthr, ndocs, (size_t)NBASE, NCOPY, NCOMP, npara);
  report("document duplicates", &sd, EDIT_NAME, NEDIT);
  report("repeated passages", &sp, PEDIT_NAME, NPEDIT);
  size_t items = dup_index_docs(x) + dup_index_paras(x);
  printf("index: %zu bytes allocated for %zu documents = %.0f bytes per document; %zu document "
         "and %zu paragraph items kept, %.0f bytes per item\n",
         dup_index_bytes(x), ndocs, (double)dup_index_bytes(x) / (double)ndocs, dup_index_docs(x),
         dup_index_paras(x), (double)dup_index_bytes(x) / (double)items);
  printf("speed: %.0f signatures/s (dup_signature alone; text_segment %.0f docs/s), index %.0f "
         "documents/s\n",
         NBASE / tsig, NBASE / tseg, (double)ndocs / tidx);
  dup_index_free(x);
  for (size_t i = 0; i < ndocs; i++) free(docs[i].z);
  for (size_t i = 0; i < NFILL; i++) free(fill[i].z);
  free(docs);
  free(fill);
  free(used);
  arena_free(&a);
  return 0;
}
