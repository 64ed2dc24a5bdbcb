/* jsonl.h: the JSON Lines sink's formatter (SCHEMA.md is the contract).
 *
 * Formats the records of one coded document into a buffer; the pipeline's
 * writer then emits buffers in input order. Runs in worker threads; it reads
 * the doc and writes only to the buffer it is given. */
#ifndef DYAD_JSONL_H
#define DYAD_JSONL_H

#include "buf.h"
#include "doc.h"

enum {
  JSONL_SENTENCES = 1 << 0,
  JSONL_MENTIONS = 1 << 1,
  JSONL_EVENTS = 1 << 2,
  JSONL_QUOTES = 1 << 3,
  JSONL_TIMEX = 1 << 4,
  JSONL_CLAIMS = 1 << 5,
  /* for dyad ingest, with JSONL_SENTENCES: the records that belong to a
   * sentence leave out its text, which the store keeps once */
  JSONL_LEAN = 1 << 6
};

/* jsonl_doc appends the document's error records, its document record and,
 * with JSONL_SENTENCES, one sentence record per sentence, with JSONL_MENTIONS
 * one mention record per actor mention (d->actors). */
void jsonl_doc(buf *out, const doc *d, unsigned flags);

/* jsonl_error appends one error record; line 0 and doc NULL are written as null. */
void jsonl_error(buf *out, const char *input, long line, const char *docid, const char *message);

#endif
