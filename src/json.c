#include "json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
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

/* ---- flat parsing ------------------------------------------------------- */

/* The strict parser: plain RFC 8259 JSON only. flat_fail means "not plain":
 * the line goes to cJSON, which has the last word on everything else. */
enum { FLAT_OK = 0, FLAT_FAIL = -1, FLAT_NOMEM = -2 };
#define FLAT_DEPTH 64

typedef struct flat {
  arena *a;
  char *p, *end;
  json_node *v;
  size_t n, cap;
  int depth;
} flat;

static void flat_space(flat *f) {
  while (f->p < f->end && (*f->p == ' ' || *f->p == '\t' || *f->p == '\n' || *f->p == '\r'))
    f->p++;
}

static json_node *flat_add(flat *f, int type) {
  if (f->n == f->cap) {
    size_t cap = f->cap * 2;
    json_node *v = arena_grow(f->a, f->v, f->cap * sizeof *v, cap * sizeof *v);
    if (!v) return NULL;
    f->v = v, f->cap = cap;
  }
  json_node *x = &f->v[f->n++];
  *x = (json_node){.type = (unsigned char)type, .size = 1};
  return x;
}

/* put_utf8 writes code point c as cJSON's utf16_literal_to_utf8 does. */
static char *put_utf8(char *w, unsigned long c) {
  if (c < 0x80) *w++ = (char)c;
  else if (c < 0x800) *w++ = (char)(0xC0 | (c >> 6)), *w++ = (char)(0x80 | (c & 0x3F));
  else if (c < 0x10000)
    *w++ = (char)(0xE0 | (c >> 12)), *w++ = (char)(0x80 | ((c >> 6) & 0x3F)),
    *w++ = (char)(0x80 | (c & 0x3F));
  else
    *w++ = (char)(0xF0 | (c >> 18)), *w++ = (char)(0x80 | ((c >> 12) & 0x3F)),
    *w++ = (char)(0x80 | ((c >> 6) & 0x3F)), *w++ = (char)(0x80 | (c & 0x3F));
  return w;
}

/* flat_escape unescapes the escape at *r to w; returns the new w or NULL
 * for what cJSON would reject or turn into a NUL. */
static char *flat_escape(flat *f, char **r, char *w) {
  char *p = *r;
  static const char IN[] = "\"\\/bfnrt", OUT[] = "\"\\/\b\f\n\r\t";
  if (f->end - p < 2) return NULL;
  const char *k = p[1] ? strchr(IN, p[1]) : NULL;
  if (k) {
    *w++ = OUT[k - IN];
    *r = p + 2;
    return w;
  }
  unsigned c, lo;
  if (p[1] != 'u' || f->end - p < 6 || !hex4(p + 2, &c) || c == 0 || (c >= 0xDC00 && c <= 0xDFFF))
    return NULL;
  p += 6;
  unsigned long cp = c;
  if (c >= 0xD800 && c <= 0xDBFF) {
    if (f->end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, &lo) || lo < 0xDC00 ||
        lo > 0xDFFF)
      return NULL;
    cp = 0x10000 + (((unsigned long)c & 0x3FF) << 10) + (lo & 0x3FF);
    p += 6;
  }
  *r = p;
  return put_utf8(w, cp);
}

#define PLAIN(c) ((c) != '"' && (c) != '\\' && (unsigned char)(c) >= 0x20)

/* plain8 says whether the 8 bytes at p hold no quote, backslash or control
 * byte (the usual bit tricks: a zero byte of x shows in the high bits of
 * (x - 0x01..) & ~x). Most of a record's bytes are string text. */
static int plain8(const char *p) {
  uint64_t v, ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
  memcpy(&v, p, 8);
  uint64_t q = v ^ (ones * '"'), b = v ^ (ones * '\\');
  return !((((q - ones) & ~q) | ((b - ones) & ~b) | ((v - ones * 0x20) & ~v)) & high);
}

/* flat_string reads the string at f->p (its opening quote), unescaping it in
 * place (the text never grows); *s and *n get it, NUL-terminated. */
static int flat_string(flat *f, const char **s, uint32_t *n) {
  char *start = ++f->p, *r = start, *w = start;
  for (;;) {
    if (w == r) {
      while (f->end - r >= 8 && plain8(r)) r += 8;
      while (r < f->end && PLAIN(*r)) r++;
      w = r;
    } else {
      /* w < r: each 8 bytes are read before any of them is overwritten */
      for (uint64_t v; f->end - r >= 8 && plain8(r); r += 8, w += 8) memcpy(&v, r, 8), memcpy(w, &v, 8);
      while (r < f->end && PLAIN(*r)) *w++ = *r++;
    }
    if (r >= f->end || (unsigned char)*r < 0x20) return FLAT_FAIL;
    if (*r == '"') break;
    if (!(w = flat_escape(f, &r, w))) return FLAT_FAIL;
  }
  if ((size_t)(w - start) > UINT32_MAX) return FLAT_FAIL;
  *w = 0;
  *s = start;
  *n = (uint32_t)(w - start);
  f->p = r + 1;
  return FLAT_OK;
}

static int digits(const char *p, const char *end) {
  int k = 0;
  while (p + k < end && p[k] >= '0' && p[k] <= '9') k++;
  return k;
}

/* flat_number reads a number in JSON's grammar; strtod (as cJSON) converts
 * all but short integers, which are exact either way. */
static int flat_number(flat *f, double *out) {
  char *p = f->p, *q = p;
  int neg = *q == '-';
  q += neg;
  int k = digits(q, f->end), simple = 1;
  if (k == 0 || (k > 1 && *q == '0')) return FLAT_FAIL;
  q += k;
  if (q < f->end && *q == '.') {
    if ((k = digits(++q, f->end)) == 0) return FLAT_FAIL;
    q += k, simple = 0;
  }
  if (q < f->end && (*q == 'e' || *q == 'E')) {
    q++;
    if (q < f->end && (*q == '+' || *q == '-')) q++;
    if ((k = digits(q, f->end)) == 0) return FLAT_FAIL;
    q += k, simple = 0;
  }
  size_t len = (size_t)(q - p);
  if (simple && len - (size_t)neg <= 15) {
    long long v = 0;
    for (const char *d = p + neg; d < q; d++) v = v * 10 + (*d - '0');
    *out = neg ? -(double)v : (double)v;
  } else {
    char tmp[64];
    if (len >= sizeof tmp) return FLAT_FAIL; /* cJSON reads at most 63 characters */
    memcpy(tmp, p, len);
    tmp[len] = 0;
    *out = strtod(tmp, NULL);
  }
  f->p = q;
  return FLAT_OK;
}

static int flat_value(flat *f);

/* flat_items reads the members (obj) or elements of the container at node i. */
static int flat_items(flat *f, size_t i, int obj) {
  char close = obj ? '}' : ']';
  f->p++;
  flat_space(f);
  if (f->p < f->end && *f->p == close) return f->p++, FLAT_OK;
  for (;;) {
    const char *key = NULL;
    uint32_t nkey = 0;
    if (obj) {
      if (f->p >= f->end || *f->p != '"') return FLAT_FAIL;
      int rc = flat_string(f, &key, &nkey);
      if (rc) return rc;
      flat_space(f);
      if (f->p >= f->end || *f->p != ':') return FLAT_FAIL;
      f->p++;
      flat_space(f);
    }
    size_t at = f->n;
    int rc = flat_value(f);
    if (rc) return rc;
    f->v[at].key = key, f->v[at].nkey = nkey;
    flat_space(f);
    if (f->p < f->end && *f->p == ',') {
      f->p++;
      flat_space(f);
      continue;
    }
    if (f->p < f->end && *f->p == close) break;
    return FLAT_FAIL;
  }
  f->p++;
  (void)i;
  return FLAT_OK;
}

static int literal(flat *f, const char *word, int type) {
  size_t k = strlen(word);
  if ((size_t)(f->end - f->p) < k || memcmp(f->p, word, k)) return FLAT_FAIL;
  f->p += k;
  return flat_add(f, type) ? FLAT_OK : FLAT_NOMEM;
}

static int flat_value(flat *f) {
  if (f->p >= f->end) return FLAT_FAIL;
  char c = *f->p;
  if (c == 'n') return literal(f, "null", JSON_NULL);
  if (c == 't') return literal(f, "true", JSON_TRUE);
  if (c == 'f') return literal(f, "false", JSON_FALSE);
  size_t i = f->n;
  if (c == '"' || c == '-' || (c >= '0' && c <= '9')) {
    json_node tmp = {0};
    int rc = c == '"' ? flat_string(f, &tmp.v.s, &tmp.ns) : flat_number(f, &tmp.v.num);
    if (rc) return rc;
    json_node *x = flat_add(f, c == '"' ? JSON_STRING : JSON_NUMBER);
    if (!x) return FLAT_NOMEM;
    x->v = tmp.v, x->ns = tmp.ns;
    return FLAT_OK;
  }
  if (c != '{' && c != '[') return FLAT_FAIL;
  if (++f->depth > FLAT_DEPTH) return FLAT_FAIL;
  if (!flat_add(f, c == '{' ? JSON_OBJECT : JSON_ARRAY)) return FLAT_NOMEM;
  int rc = flat_items(f, i, c == '{');
  f->depth--;
  if (!rc) {
    if (f->n - i > UINT32_MAX) return FLAT_FAIL;
    f->v[i].size = (uint32_t)(f->n - i);
  }
  return rc;
}

/* ---- cJSON's tree as nodes: the lines the strict parser leaves to cJSON -- */

static size_t tree_nodes(const cJSON *v) {
  size_t n = 1;
  if (cJSON_IsArray(v) || cJSON_IsObject(v))
    for (const cJSON *c = v->child; c; c = c->next) n += tree_nodes(c);
  return n;
}

static int tree_copy(arena *a, const cJSON *v, json_node *out, size_t *k) {
  json_node *x = &out[(*k)++];
  memset(x, 0, sizeof *x);
  x->size = 1;
  if (v->string) {
    size_t n = strlen(v->string);
    if (!(x->key = arena_strndup(a, v->string, n))) return ERR_NOMEM;
    x->nkey = (uint32_t)n;
  }
  if (cJSON_IsFalse(v)) x->type = JSON_FALSE;
  else if (cJSON_IsTrue(v)) x->type = JSON_TRUE;
  else if (cJSON_IsNumber(v)) x->type = JSON_NUMBER, x->v.num = v->valuedouble;
  else if (cJSON_IsString(v) && v->valuestring) {
    size_t n = strlen(v->valuestring);
    x->type = JSON_STRING;
    if (!(x->v.s = arena_strndup(a, v->valuestring, n))) return ERR_NOMEM;
    x->ns = (uint32_t)n;
  } else if (cJSON_IsArray(v) || cJSON_IsObject(v)) {
    size_t at = *k - 1;
    x->type = cJSON_IsArray(v) ? JSON_ARRAY : JSON_OBJECT;
    for (const cJSON *c = v->child; c; c = c->next)
      if (tree_copy(a, c, out, k)) return ERR_NOMEM;
    out[at].size = (uint32_t)(*k - at);
  } else x->type = JSON_NULL;
  return ERR_OK;
}

static int parse_with_cjson(arena *a, const char *orig, size_t n, const json_node **out) {
  cJSON *j = cJSON_ParseWithLength(orig, n);
  if (!j) return ERR_PARSE; /* (or out of memory: cJSON does not say) */
  size_t nn = tree_nodes(j), k = 0;
  json_node *v = nn < UINT32_MAX ? arena_calloc(a, nn, sizeof *v) : NULL;
  int rc = v ? tree_copy(a, j, v, &k) : ERR_NOMEM;
  cJSON_Delete(j);
  *out = v;
  return rc;
}

int json_parse_flat(arena *a, char *z, const char *orig, size_t n, const json_node **out) {
  flat f = {a, z, z + n, NULL, 0, 64, 0};
  *out = NULL;
  if (!(f.v = arena_alloc(a, f.cap * sizeof *f.v))) return ERR_NOMEM;
  flat_space(&f);
  int rc = flat_value(&f);
  flat_space(&f);
  if (rc == FLAT_NOMEM) return ERR_NOMEM;
  if (rc == FLAT_OK && f.p == f.end) {
    *out = arena_grow(a, f.v, f.cap * sizeof *f.v, f.n * sizeof *f.v); /* gives back the rest */
    return ERR_OK;
  }
  return parse_with_cjson(a, orig, n, out);
}

const json_node *json_member(const json_node *v, const char *name) {
  if (!v || v->type != JSON_OBJECT) return NULL;
  size_t k = strlen(name);
  for (const json_node *c = json_first(v); c; c = json_next(v, c))
    if (c->nkey == k && !memcmp(c->key, name, k)) return c;
  return NULL;
}

size_t json_count(const json_node *v) {
  size_t n = 0;
  for (const json_node *c = json_first(v); c; c = json_next(v, c)) n++;
  return n;
}

/* write_clean writes z[0..n) as json_write_value writes a cJSON string. */
static void write_clean(buf *b, arena *a, const char *z, size_t n, size_t *nbad) {
  const char *o;
  size_t no;
  utf8_report rep;
  if (utf8_clean(a, z, n, &o, &no, &rep)) {
    b->oom = 1;
    buf_adds(b, "\"\"");
    return;
  }
  if (rep.nbad || rep.nnul) (*nbad)++;
  buf_json_str(b, o, no);
}

void json_write_node(buf *b, arena *a, const json_node *v, size_t *nbad) {
  if (!v || v->type == JSON_NULL) buf_adds(b, "null");
  else if (v->type == JSON_FALSE) buf_adds(b, "false");
  else if (v->type == JSON_TRUE) buf_adds(b, "true");
  else if (v->type == JSON_NUMBER) write_number(b, v->v.num);
  else if (v->type == JSON_STRING) write_clean(b, a, v->v.s, v->ns, nbad);
  else {
    int obj = v->type == JSON_OBJECT;
    buf_addc(b, obj ? '{' : '[');
    for (const json_node *c = json_first(v); c; c = json_next(v, c)) {
      if (c != v + 1) buf_addc(b, ',');
      if (obj) {
        write_clean(b, a, c->key ? c->key : "", c->nkey, nbad);
        buf_addc(b, ':');
      }
      json_write_node(b, a, c, nbad);
    }
    buf_addc(b, obj ? '}' : ']');
  }
}
