/* utf8.h: make document text valid, NFC-normalised UTF-8.
 *
 * Every later stage may assume its text is valid UTF-8 without NUL bytes, so
 * this is the one place that looks at raw bytes. Stateless and thread-safe. */
#ifndef DYAD_UTF8_H
#define DYAD_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct utf8_report {
  size_t nbad;  /* invalid bytes, each replaced by U+FFFD */
  size_t nnul;  /* NUL bytes, each replaced by U+FFFD */
  int normalized; /* 1 if NFC changed the text */
} utf8_report;

/* utf8_clean returns in *out and *nout the text z[0..n) with invalid bytes and NULs
 * replaced by U+FFFD and normalised to NFC. When z is already clean ASCII (the
 * fast path) *out is z itself and nothing is copied, so z must outlive *out;
 * otherwise *out is allocated from a. Returns ERR_OK or ERR_NOMEM. */
int utf8_clean(arena *a, const char *z, size_t n, const char **out, size_t *nout,
               utf8_report *rep);

/* utf8_decode reads one code point at z[*i] (z valid UTF-8, *i < n), advances *i. */
static inline int32_t utf8_decode(const char *z, size_t n, size_t *i) {
  const unsigned char *s = (const unsigned char *)z;
  size_t k = *i;
  unsigned c = s[k];
  if (c < 0x80) { *i = k + 1; return (int32_t)c; }
  if (c < 0xE0 && k + 1 < n) { *i = k + 2; return (int32_t)(((c & 0x1F) << 6) | (s[k + 1] & 0x3F)); }
  if (c < 0xF0 && k + 2 < n) {
    *i = k + 3;
    return (int32_t)(((c & 0x0F) << 12) | ((s[k + 1] & 0x3F) << 6) | (s[k + 2] & 0x3F));
  }
  if (k + 3 < n) {
    *i = k + 4;
    return (int32_t)(((c & 0x07) << 18) | ((s[k + 1] & 0x3F) << 12) | ((s[k + 2] & 0x3F) << 6) |
                     (s[k + 3] & 0x3F));
  }
  *i = n;
  return 0xFFFD;
}

/* utf8_valid_len returns the length of the valid sequence at s[0..n), or 0. */
size_t utf8_valid_len(const unsigned char *s, size_t n);

/* utf8_is_valid tells whether z[0..n) is valid UTF-8 without NUL bytes. */
int utf8_is_valid(const char *z, size_t n);

/* utf8_encode writes c as UTF-8 into o (room for 4), returns bytes written. */
size_t utf8_encode(int32_t c, char *o);

#endif
