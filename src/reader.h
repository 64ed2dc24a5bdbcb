/* reader.h: turns the command line's inputs into raw work items, in order.
 *
 * Inputs are files (.txt, .html/.htm, .jsonl; others are sniffed) or "-" for
 * standard input (JSON Lines if its first non-blank byte is '{', else one text
 * document). A text or HTML file is one item; a JSON Lines file is one item per
 * non-blank line, read in chunks so a 10 GB file streams in bounded memory.
 * Problems with an input (missing, a directory, binary, empty, a line over the
 * size limit) become items of kind READ_ERROR and reading goes on.
 *
 * The reader only splits bytes: parsing JSON and HTML is left to the workers
 * so that it runs in parallel. Not thread-safe: one thread reads. */
#ifndef DYAD_READER_H
#define DYAD_READER_H

#include <stddef.h>

#include "buf.h"

enum { READ_TEXT = 1, READ_HTML, READ_JSONL, READ_ERROR };

typedef struct reader_item {
  int kind;
  const char *input; /* the input's name as given; lives as long as the reader */
  long line;         /* 1-based line for JSON Lines and line errors, else 0 */
  size_t off, n;     /* the item's bytes in the data buffer */
  char message[256]; /* for READ_ERROR: what was wrong and what was skipped */
} reader_item;

typedef struct reader reader;

/* reader_open prepares to read paths[0..n) ("-" is standard input); no path
 * means standard input. max_bytes is the largest document (file or line)
 * accepted. Returns ERR_OK or ERR_NOMEM; *out is freed with reader_close. */
int reader_open(const char *const *paths, size_t n, size_t max_bytes, reader **out);

/* reader_next fills *it and appends the item's bytes to data, at it->off.
 * Returns 1 for an item, 0 at the end of all inputs, ERR_NOMEM. */
int reader_next(reader *r, reader_item *it, buf *data);

/* reader_ndocs counts items other than errors returned so far. */
size_t reader_ndocs(const reader *r);

void reader_close(reader *r);

#endif
