/* buf.h: a growable byte buffer, and the JSON writing helpers on top of it.
 *
 * A buf owns its memory (malloc). Appends that cannot grow the buffer set
 * buf.oom and are dropped, so a writer can append many pieces and check once.
 * Not thread-safe; each worker has its own. The text appended as a JSON string
 * must be valid UTF-8 (the text layer guarantees it); control characters, quote
 * and backslash are escaped. */
#ifndef DYAD_BUF_H
#define DYAD_BUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct buf {
  char *z;
  size_t n, cap;
  int oom; /* nonzero after a failed allocation */
} buf;

void buf_init(buf *b);
void buf_free(buf *b);
static inline void buf_clear(buf *b) { b->n = 0; b->oom = 0; }

/* buf_reserve makes room for n more bytes; returns ERR_OK or ERR_NOMEM. */
int buf_reserve(buf *b, size_t n);
void buf_add(buf *b, const void *p, size_t n);
void buf_addc(buf *b, char c);
void buf_adds(buf *b, const char *s);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* JSON pieces. buf_json_str writes a quoted, escaped string from z[0..n). */
void buf_json_str(buf *b, const char *z, size_t n);
/* buf_json_strz writes z as a JSON string, or null when z is NULL. */
void buf_json_strz(buf *b, const char *z);
/* buf_fmt_uint writes v in decimal to out (room for 20) and returns its length. */
size_t buf_fmt_uint(char *out, unsigned long long v);
void buf_json_int(buf *b, long long v);
void buf_json_span(buf *b, size_t s, size_t e);

#endif
