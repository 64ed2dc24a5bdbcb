#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

void buf_init(buf *b) { memset(b, 0, sizeof *b); }

void buf_free(buf *b) {
  free(b->z);
  buf_init(b);
}

int buf_reserve(buf *b, size_t n) {
  if (b->oom) return ERR_NOMEM;
  if (b->cap - b->n > n) return ERR_OK;
  size_t cap = b->cap ? b->cap : 256;
  while (cap - b->n <= n) {
    if (cap > SIZE_MAX / 2) {
      b->oom = 1;
      return ERR_NOMEM;
    }
    cap *= 2;
  }
  char *z = realloc(b->z, cap);
  if (!z) {
    b->oom = 1;
    return ERR_NOMEM;
  }
  b->z = z;
  b->cap = cap;
  return ERR_OK;
}

void buf_add(buf *b, const void *p, size_t n) {
  if (n == 0 || buf_reserve(b, n)) return;
  memcpy(b->z + b->n, p, n);
  b->n += n;
}

void buf_addc(buf *b, char c) {
  if (buf_reserve(b, 1)) return;
  b->z[b->n++] = c;
}

void buf_adds(buf *b, const char *s) { buf_add(b, s, strlen(s)); }

void buf_printf(buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (k < 0 || buf_reserve(b, (size_t)k + 1)) return;
  va_start(ap, fmt);
  vsnprintf(b->z + b->n, (size_t)k + 1, fmt, ap);
  va_end(ap);
  b->n += (size_t)k;
}

/* needs_escape[c] is nonzero for bytes JSON strings may not hold raw. */
static int needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

void buf_json_str(buf *b, const char *z, size_t n) {
  /* Worst case every byte becomes \u00XX: reserve once, then write directly. */
  if (n > (SIZE_MAX - 2) / 6) {
    b->oom = 1;
    return;
  }
  if (buf_reserve(b, n * 6 + 2)) return;
  char *o = b->z + b->n;
  *o++ = '"';
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && !needs_escape((unsigned char)z[j])) j++;
    memcpy(o, z + i, j - i);
    o += j - i;
    if (j == n) break;
    unsigned char c = (unsigned char)z[j];
    *o++ = '\\';
    switch (c) {
    case '"': *o++ = '"'; break;
    case '\\': *o++ = '\\'; break;
    case '\n': *o++ = 'n'; break;
    case '\t': *o++ = 't'; break;
    case '\r': *o++ = 'r'; break;
    case '\b': *o++ = 'b'; break;
    case '\f': *o++ = 'f'; break;
    default: {
      static const char hex[] = "0123456789abcdef";
      *o++ = 'u'; *o++ = '0'; *o++ = '0';
      *o++ = hex[c >> 4]; *o++ = hex[c & 15];
    }
    }
    i = j + 1;
  }
  *o++ = '"';
  b->n = (size_t)(o - b->z);
}

void buf_json_strz(buf *b, const char *z) {
  if (z) buf_json_str(b, z, strlen(z));
  else buf_add(b, "null", 4);
}

size_t buf_fmt_uint(char *out, unsigned long long v) {
  char tmp[20];
  size_t k = 0;
  do tmp[k++] = (char)('0' + v % 10);
  while ((v /= 10));
  for (size_t i = 0; i < k; i++) out[i] = tmp[k - 1 - i];
  return k;
}

/* Numbers are written by hand: snprintf was a tenth of `dyad code`'s
 * formatting time. */
void buf_json_int(buf *b, long long v) {
  char tmp[24];
  size_t k = 0;
  if (v < 0) tmp[k++] = '-';
  k += buf_fmt_uint(tmp + k, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v);
  buf_add(b, tmp, k);
}

void buf_json_span(buf *b, size_t s, size_t e) {
  char tmp[48];
  size_t k = 0;
  tmp[k++] = '[';
  k += buf_fmt_uint(tmp + k, s);
  tmp[k++] = ',';
  k += buf_fmt_uint(tmp + k, e);
  tmp[k++] = ']';
  buf_add(b, tmp, k);
}
