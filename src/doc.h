/* doc.h: one document, from a reader item to segmented text.
 *
 * doc_read() turns the raw bytes of a reader item (a text file, an HTML page, a
 * JSON Lines line) into a doc: its metadata, its text made valid NFC UTF-8,
 * and its sentences and tokens. Problems that do not stop coding (replaced
 * bytes, a bad date) and problems that do (a line that is not JSON, no text)
 * are recorded in doc.errors; doc.skipped says whether the document was coded.
 *
 * Everything is allocated from the arena passed in and lives until it is
 * reset, except the parsed JSON line, which doc_release() frees. Thread-safe: a doc_opts is read-only and shared. */
#ifndef DYAD_DOC_H
#define DYAD_DOC_H

#include <stddef.h>

#include "actor.h"
#include "coder.h"
#include "claim.h"
#include "quote.h"
#include "timex.h"
#include "arena.h"
#include "buf.h"
#include "reader.h"
#include "text.h"

typedef struct doc_opts {
  const char *date;   /* default publication date (YYYY-MM-DD) or NULL */
  const char *source; /* default source or NULL */
} doc_opts;

#define DOC_MAX_ERRORS 8

typedef struct doc {
  const char *input; /* input name */
  long line;         /* JSON Lines line, else 0 */
  const char *id, *date, *source, *title, *url; /* valid UTF-8; NULL if absent */
  const char *meta;  /* JSON object text of unknown fields, or NULL */
  size_t nmeta;
  const char *z;     /* the text as the engine sees it */
  size_t n;
  text_doc td;
  int skipped;       /* 1: not coded, see errors */
  const char *errors[DOC_MAX_ERRORS];
  size_t nerr;
  void *json;        /* the parsed JSON line whose text d->z may point into */
  actor_list actors; /* filled by the caller with actor_find(), or empty */
  coder_list events; /* filled by the caller with coder_run(), or empty */
  quote_list quotes; /* filled by the caller with quote_find(), or empty */
  timex_list timexes; /* filled by the caller with timex_find(), or empty */
  claim_list claims;  /* filled by the caller with claim_find(), or empty */
  const cameo_table *codes; /* for the events' Goldstein and PLOVER fields */
} doc;

/* doc_read fills *d from the item it and its bytes raw[0..n) (which it may
 * modify). Returns ERR_OK (check d->skipped) or ERR_NOMEM. */
int doc_read(const doc_opts *o, arena *a, const reader_item *it, char *raw, size_t n, doc *d);

/* doc_release frees what d holds outside the arena (the parsed JSON); call it
 * when done with d, whatever doc_read returned. Accepts a zeroed doc. */
void doc_release(doc *d);

/* doc_date_norm writes the YYYY-MM-DD at the start of s ("2025-05-09",
 * "1987-02-26T15:01:01") to out[11]; returns 1 if s holds a valid date. */
int doc_date_norm(const char *s, char out[11]);

#endif
