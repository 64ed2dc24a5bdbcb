/* dup.h: near-duplicate documents and repeated passages (MinHash + LSH).
 *
 * Two halves, split for the pipeline (workers in parallel, one in-order writer):
 *
 *  1. dup_signature() turns a segmented document into a dup_sig: one MinHash
 *     signature for the whole document and one per paragraph. Pure and
 *     thread-safe; it runs in the workers. A dup_sig is one flat block of plain
 *     data (no pointers), so dup_sig_copy() / memcpy of dup_sig_bytes() bytes
 *     moves it out of the worker's arena.
 *  2. A dup_index, used by one thread in input order: dup_index_add() reports
 *     the earlier documents and passages a signature repeats, then adds it.
 *     The index keeps only signatures, never text, and can be saved to and
 *     loaded from a compact binary blob so a store can keep it across runs.
 *
 * What is compared. Words are the WORD and NUM tokens of the sentences (the
 * dateline and punctuation are left out), case folded with text_key(). A
 * passage is a paragraph: a run of sentences with the same text_sentence.para,
 * also cut where a sentence opens a line that is indented or starts with a
 * marker symbol ("- ", "* ", and the "&\t" with which Reuters-21578 marks its
 * paragraphs, with no blank line between). The shingles of a paragraph are
 * its runs of DUP_SHINGLE consecutive words (one shingle of all its words if
 * it is shorter); the document's are the union of its paragraphs', so moving a
 * paragraph does not change them. Text without any paragraph mark (one long
 * line) is one passage.
 *
 * Similarity is the Jaccard index of two shingle sets, estimated from DUP_K
 * one-byte MinHash values (b-bit MinHash, b = 8): the share of equal bytes,
 * corrected for the 1/256 chance that two different minima share their low
 * byte. Its standard error is about sqrt(J(1-J)/DUP_K): 0.06 at J = 0.7.
 * Documents and paragraphs with fewer than DUP_MIN_WORDS words get no
 * signature: they are never reported, nor reported against.
 *
 * The index: two pools of items, documents and paragraphs, each item the
 * signature with its span and set size; LSH over DUP_BANDS bands of DUP_ROWS
 * values, one chained hash table per band, newest item first in each chain.
 * The signature is kept interleaved with the chain links, band b's four
 * values next to its link, so that a chain step reads one 8-byte pair:
 *
 *   docno[row]    8 bytes per document that kept an item
 *   item i        row 4 | start 4 | end 4 | shingles 4                16 bytes
 *                 rec[i][b] = h[4b..4b+4) 4 | next 4, for b < 16    128 bytes
 *   band b        head[b][hash(h[4b..4b+4)) % nbucket] -> i+1 -> rec[i][b].next -> ... 0
 *                 heads: 16 x 4 bytes per bucket, 1 bucket per 1-2 items:
 *                 32-64 bytes per item
 *
 * so 176-208 bytes per item: about 200 per document plus 190 per paragraph of
 * DUP_MIN_WORDS words or more (the item arrays grow by half, so up to 1.5
 * times that is allocated: dup_index_bytes() gives the figure). Reuters-21578
 * averages 4.5 such paragraphs a document: about 1.1 KB a document, 1.1 GB a
 * million. An item whose signature equals an earlier one's is reported but not
 * added: exact repeats cost nothing.
 */
#ifndef DYAD_DUP_H
#define DYAD_DUP_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "text.h"

#define DUP_K 64           /* MinHash values per signature, one byte each */
#define DUP_BANDS 16       /* LSH bands ... */
#define DUP_ROWS 4         /* ... of this many values: DUP_BANDS * DUP_ROWS == DUP_K */
#define DUP_SHINGLE 3      /* words per shingle */
#define DUP_MIN_WORDS 8    /* fewer words: no signature */
#define DUP_MAX_PARA 1024  /* paragraph signatures per document; later ones are left out */

/* Defaults for dup_index_add(). One word changed in a paragraph of n words
 * changes up to three of its n-2 trigram shingles: Jaccard (n-5)/(n+1), 0.57
 * at 13 words, 0.63 at 15. The passage threshold 0.55 finds such a paragraph
 * from 13 words up (tests/conformance/dups.c plants them). Templated notices
 * that differ in one figure ("The company now has about 27.1 mln shares
 * outstanding" / "... 9.1 mln ...") match too: they are the same passage with
 * a word changed. MinHash with DUP_K values estimates Jaccard within about
 * 0.06, so a pair at 0.45-0.5 is now and then reported at 0.55-0.6. */
#define DUP_DOC_THRESHOLD 0.8
#define DUP_PASSAGE_THRESHOLD 0.55

/* Documents are also near-duplicates, whatever doc_threshold, when the smaller
 * one has at least DUP_CONTAINED_SHINGLES shingles, at least DUP_CONTAINED of
 * them are in the other (estimated), and their Jaccard is at least
 * DUP_CONTAINED_MIN: one is the other with a sentence or two added or dropped,
 * or a short version of the same story. */
#define DUP_CONTAINED 0.9
#define DUP_CONTAINED_MIN 0.5
#define DUP_CONTAINED_SHINGLES 20

typedef struct dup_minhash {
  uint32_t start, end; /* byte span: the paragraph's sentences, or the whole text */
  uint32_t words;      /* word tokens in the span */
  uint32_t shingles;   /* shingles hashed (the set's size, counting repeats) */
  uint8_t h[DUP_K];    /* low byte of each of the DUP_K minima */
} dup_minhash;

/* A document's signatures: one flat block of dup_sig_bytes() bytes. */
typedef struct dup_sig {
  uint32_t has_doc;  /* 0 when the document has fewer than DUP_MIN_WORDS words */
  uint32_t n_para;   /* entries in para[] */
  dup_minhash doc;   /* whole document: span [0, text length) */
  dup_minhash para[]; /* paragraphs with >= DUP_MIN_WORDS words, in text order */
} dup_sig;

/* dup_signature computes the signatures of td into memory from a. *out stays
 * valid until the arena is reset. Returns ERR_OK or ERR_NOMEM. Thread-safe:
 * reads only td and its text. An empty document gets has_doc 0, n_para 0. */
int dup_signature(arena *a, const text_doc *td, dup_sig **out);

/* dup_sig_bytes is the size of s; dup_sig_copy writes those bytes to dst (any
 * alignment suitable for dup_sig). */
size_t dup_sig_bytes(const dup_sig *s);
void dup_sig_copy(void *dst, const dup_sig *s);

/* dup_similarity estimates the Jaccard index (0..1) of two signatures. */
double dup_similarity(const dup_minhash *a, const dup_minhash *b);

typedef struct dup_index dup_index;

/* A repeat found by dup_index_add(): [start, end) of this document (the whole
 * text when is_doc) repeats [of_start, of_end) of document of_doc. */
typedef struct dup_hit {
  int is_doc;               /* 1: the document is a near-duplicate; 0: a passage */
  uint32_t start, end;
  uint64_t of_doc;          /* the caller's docno of the earlier document */
  uint32_t of_start, of_end;
  double similarity;        /* estimated Jaccard, 0..1 (below the threshold only
                               for a document hit by DUP_CONTAINED) */
  double containment;       /* estimated share of the smaller span found in the other */
} dup_hit;

/* dup_index_new returns an empty index in *out (ERR_OK or ERR_NOMEM);
 * dup_index_free releases it and accepts NULL. */
int dup_index_new(dup_index **out);
void dup_index_free(dup_index *x);

/* dup_index_add queries with s, then inserts s as document docno (any number
 * the caller chooses; it is what later hits report as of_doc).
 *
 * Hits, in this order: at most one is_doc hit, the earlier document most
 * similar to this one if that similarity is >= doc_threshold (or it passes the
 * DUP_CONTAINED test); then, for each
 * paragraph in text order, the most similar earlier paragraph (of an earlier
 * document, or earlier in this one) if >= passage_threshold. Ties go to the
 * earliest. A passage hit into the document named by the is_doc hit is left
 * out: the document hit says it already.
 *
 * *hits is borrowed from the index and valid until the next dup_index_add or
 * dup_index_free; *nhits may be 0. Returns ERR_OK, ERR_NOMEM (the index is
 * unchanged), ERR_TOOBIG (more than 2^32 - 1 items) or ERR_INVALID (NULL
 * arguments). Not thread-safe: one thread at a time. */
int dup_index_add(dup_index *x, uint64_t docno, const dup_sig *s, double doc_threshold,
                  double passage_threshold, const dup_hit **hits, size_t *nhits);

/* dup_index_bytes is the memory the index holds, in bytes. dup_index_docs and
 * dup_index_paras count the items it keeps (repeats not added are not counted). */
size_t dup_index_bytes(const dup_index *x);
size_t dup_index_docs(const dup_index *x);
size_t dup_index_paras(const dup_index *x);

/* dup_index_save writes x to f as a little-endian blob: the magic "DYADDUP1",
 * the parameters, then each item's document number, span and signature (the
 * LSH tables are rebuilt on load): 8 bytes per document plus 80 per item.
 * Returns ERR_OK or ERR_IO. dup_index_load reads such a blob from f into a new
 * index in *out. Returns ERR_OK, ERR_NOMEM, ERR_IO, or ERR_PARSE for a blob
 * that is truncated, corrupt or made with other parameters (nothing is kept). */
int dup_index_save(const dup_index *x, FILE *f);
int dup_index_load(FILE *f, dup_index **out);

#endif
