#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "utf8.h"

static int hex4(const char *p, unsigned *v) {
  unsigned x = 0;
  for (int i = 0; i < 4; i++) {
    char c = p[i];
    x <<= 4;
    if (c >= '0' && c <= '9') x |= (unsigned)(c - '0');
    else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') x |= (unsigned)((c | 0x20) - 'a' + 10);
    else return 0;
  }
  *v = x;
  return 1;
}

/* fix_escapes rewrites, in place, \u escapes that cJSON would turn into a NUL
 * or reject; the replacement "\uFFFD" has the same length. */
static void fix_escapes(char *z, size_t n, json_fixes *fx) {
  for (size_t i = 0; i + 1 < n; i++) {
    const char *bs = memchr(z + i, '\\', n - i - 1);
    if (!bs) return;
    i = (size_t)(bs - z);
    if (z[i + 1] != 'u' || i + 6 > n) {
      i++; /* skip the escaped character, so "\\u0000" stays text */
      continue;
    }
    unsigned v;
    if (!hex4(z + i + 2, &v)) continue;
    int bad = 0;
    if (v == 0) bad = 1, fx->nul++;
    else if (v >= 0xD800 && v <= 0xDBFF) {
      unsigned w;
      if (i + 12 <= n && z[i + 6] == '\\' && z[i + 7] == 'u' && hex4(z + i + 8, &w) &&
          w >= 0xDC00 && w <= 0xDFFF) {
        i += 11; /* a proper pair */
        continue;
      }
      bad = 1, fx->surrogate++;
    } else if (v >= 0xDC00 && v <= 0xDFFF) bad = 1, fx->surrogate++;
    if (bad) memcpy(z + i + 2, "FFFD", 4);
    i += 5;
  }
}

int json_prepare(arena *a, char *z, size_t n, const char **out, size_t *nout, json_fixes *fx) {
  memset(fx, 0, sizeof *fx);
  fix_escapes(z, n, fx);
  const char *nul = memchr(z, 0, n);
  *out = z;
  *nout = n;
  if (!nul) return ERR_OK;
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += z[i] ? 1 : 6;
  char *o = arena_alloc(a, k + 1);
  if (!o) return ERR_NOMEM;
  size_t j = 0;
  for (size_t i = 0; i < n; i++) {
    if (z[i]) o[j++] = z[i];
    else memcpy(o + j, "\\uFFFD", 6), j += 6, fx->nul++;
  }
  o[j] = 0;
  *out = o;
  *nout = j;
  return ERR_OK;
}

const char *json_clean_string(arena *a, const cJSON *v, size_t *nbad) {
  if (!cJSON_IsString(v) || !v->valuestring) return NULL;
  const char *s = v->valuestring, *o;
  size_t n = strlen(s), no;
  utf8_report rep;
  if (utf8_clean(a, s, n, &o, &no, &rep)) return NULL;
  if (rep.nbad || rep.nnul) (*nbad)++;
  /* The fast path returns the cJSON string itself, which dies with the tree. */
  return o == s ? arena_strndup(a, s, n) : o;
}

static void write_number(buf *b, double d) {
  if (isfinite(d) && d == floor(d) && fabs(d) < 9007199254740992.0) buf_printf(b, "%.0f", d);
  else if (isfinite(d)) buf_printf(b, "%.17g", d);
  else buf_adds(b, "null");
}

void json_write_value(buf *b, arena *a, const cJSON *v, size_t *nbad) {
  if (!v || cJSON_IsNull(v) || cJSON_IsInvalid(v)) {
    buf_adds(b, "null");
  } else if (cJSON_IsFalse(v)) {
    buf_adds(b, "false");
  } else if (cJSON_IsTrue(v)) {
    buf_adds(b, "true");
  } else if (cJSON_IsNumber(v)) {
    write_number(b, v->valuedouble);
  } else if (cJSON_IsString(v)) {
    const char *s = json_clean_string(a, v, nbad);
    if (!s) b->oom = 1; /* out of memory: the caller sees buf.oom */
    buf_json_strz(b, s ? s : "");
  } else if (cJSON_IsArray(v) || cJSON_IsObject(v)) {
    int obj = cJSON_IsObject(v);
    buf_addc(b, obj ? '{' : '[');
    for (const cJSON *c = v->child; c; c = c->next) {
      if (c != v->child) buf_addc(b, ',');
      if (obj) {
        cJSON key = {0};
        key.type = cJSON_String;
        static char none[1];
        key.valuestring = c->string ? c->string : none;
        json_write_value(b, a, &key, nbad);
        buf_addc(b, ':');
      }
      json_write_value(b, a, c, nbad);
    }
    buf_addc(b, obj ? '}' : ']');
  } else {
    buf_adds(b, "null");
  }
}
