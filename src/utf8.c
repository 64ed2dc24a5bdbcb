#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "err.h"

size_t utf8_valid_len(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c < 0x80) return c ? 1 : 0;
  if (c < 0xC2) return 0; /* continuation byte or overlong lead */
  if (c < 0xE0) return (n >= 2 && (s[1] & 0xC0) == 0x80) ? 2 : 0;
  if (c < 0xF0) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0;  /* overlong */
    if (c == 0xED && s[1] >= 0xA0) return 0; /* surrogate */
    return 3;
  }
  if (c < 0xF5) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80) return 0;
    if (c == 0xF0 && s[1] < 0x90) return 0;  /* overlong */
    if (c == 0xF4 && s[1] >= 0x90) return 0; /* above U+10FFFF */
    return 4;
  }
  return 0;
}

int utf8_is_valid(const char *z, size_t n) {
  for (size_t i = 0; i < n;) {
    size_t k = utf8_valid_len((const unsigned char *)z + i, n - i);
    if (!k) return 0;
    i += k;
  }
  return 1;
}

size_t utf8_encode(int32_t c, char *o) {
  if (c < 0x80) { o[0] = (char)c; return 1; }
  if (c < 0x800) { o[0] = (char)(0xC0 | (c >> 6)); o[1] = (char)(0x80 | (c & 0x3F)); return 2; }
  if (c < 0x10000) {
    o[0] = (char)(0xE0 | (c >> 12)); o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  o[0] = (char)(0xF0 | (c >> 18)); o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  o[2] = (char)(0x80 | ((c >> 6) & 0x3F)); o[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

/* ascii_prefix returns how many leading bytes are ASCII and not NUL, eight at a
 * time: news text is mostly ASCII and this loop is the whole cost for it. */
static size_t ascii_prefix(const char *z, size_t n) {
  size_t i = 0;
  const uint64_t hi = 0x8080808080808080ull, lo = 0x0101010101010101ull;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, z + i, 8);
    if ((w & hi) || ((w - lo) & ~w & hi)) break; /* a high bit, or a zero byte */
  }
  while (i < n && (unsigned char)z[i] < 0x80 && z[i]) i++;
  return i;
}

/* repair copies z into a fresh buffer, replacing each invalid byte and NUL with
 * U+FFFD (3 bytes), and counts them. */
static int repair(arena *a, const char *z, size_t n, size_t start, char **out, size_t *nout,
                  utf8_report *rep) {
  size_t cap = n + 1;
  char *o = arena_alloc(a, cap);
  if (!o) return ERR_NOMEM;
  memcpy(o, z, start);
  size_t k = start, i = start;
  while (i < n) {
    size_t len = utf8_valid_len((const unsigned char *)z + i, n - i);
    if (cap - k < 5) {
      size_t ncap = cap * 2 + 16;
      char *p = arena_grow(a, o, cap, ncap);
      if (!p) return ERR_NOMEM;
      o = p;
      cap = ncap;
    }
    if (len) {
      memcpy(o + k, z + i, len);
      k += len;
      i += len;
      continue;
    }
    if (z[i] == 0) rep->nnul++;
    else rep->nbad++;
    memcpy(o + k, "\xEF\xBF\xBD", 3);
    k += 3;
    i++;
  }
  o[k] = 0;
  *out = o;
  *nout = k;
  return ERR_OK;
}

/* may_change_under_nfc is NFC's quick check done conservatively: a code point
 * that combines with its neighbour, is excluded from composition, or is a
 * canonical singleton (U+212B ANGSTROM SIGN) means the text needs the full
 * normalisation; anything else is already NFC. */
static int may_change_under_nfc(int32_t c) {
  const utf8proc_property_t *p = utf8proc_get_property(c);
  if (p->combining_class || p->comp_exclusion) return 1;
  if (p->category == UTF8PROC_CATEGORY_MN || p->category == UTF8PROC_CATEGORY_MC) return 1;
  if (c >= 0x1161 && c <= 0x11C2) return 1; /* Hangul vowel and trailing jamo */
  if (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0) {
    /* Decompose and recompose this one character: a singleton such as
     * U+212B comes back as another character (U+00C5). No allocation. */
    utf8proc_int32_t d[8];
    int last = 0;
    utf8proc_ssize_t k = utf8proc_decompose_char(c, d, 8, UTF8PROC_DECOMPOSE, &last);
    if (k <= 0 || k > 8) return 1;
    k = utf8proc_normalize_utf32(d, k, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (k != 1 || d[0] != c) return 1;
  }
  return 0;
}

static int needs_nfc(const char *z, size_t n, size_t start) {
  size_t i = start;
  while (i < n) {
    i += ascii_prefix(z + i, n - i);
    if (i >= n) break;
    if (may_change_under_nfc(utf8_decode(z, n, &i))) return 1;
  }
  return 0;
}

static int normalize(arena *a, const char **z, size_t *n, utf8_report *rep) {
  utf8proc_uint8_t *dst = NULL;
  utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)*z, (utf8proc_ssize_t)*n, &dst,
                                    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
  if (k < 0) return k == UTF8PROC_ERROR_NOMEM ? ERR_NOMEM : ERR_OK; /* keep text as is */
  char *o = arena_strndup(a, (const char *)dst, (size_t)k);
  free(dst);
  if (!o) return ERR_NOMEM;
  if ((size_t)k != *n || memcmp(o, *z, *n)) rep->normalized = 1;
  *z = o;
  *n = (size_t)k;
  return ERR_OK;
}

int utf8_clean(arena *a, const char *z, size_t n, const char **out, size_t *nout,
               utf8_report *rep) {
  memset(rep, 0, sizeof *rep);
  size_t start = ascii_prefix(z, n);
  *out = z;
  *nout = n;
  if (start == n) return ERR_OK;
  /* Validate from the first non-ASCII byte; copy only if something is wrong. */
  size_t i = start;
  while (i < n) {
    i += ascii_prefix(z + i, n - i);
    if (i >= n) break;
    size_t len = utf8_valid_len((const unsigned char *)z + i, n - i);
    if (!len) break;
    i += len;
  }
  if (i < n) {
    char *o;
    int rc = repair(a, z, n, i, &o, nout, rep);
    if (rc) return rc;
    *out = o;
  }
  if (needs_nfc(*out, *nout, start)) return normalize(a, out, nout, rep);
  return ERR_OK;
}
