#include "doc.h"

#include <cjson/cJSON.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "err.h"
#include "html.h"
#include "json.h"
#include "utf8.h"

static void add_error(arena *a, doc *d, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void add_error(arena *a, doc *d, const char *fmt, ...) {
  if (d->nerr >= DOC_MAX_ERRORS) return;
  char tmp[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  char *m = arena_strndup(a, tmp, strlen(tmp));
  if (m) d->errors[d->nerr++] = m;
}

int doc_date_norm(const char *s, char out[11]) {
  if (!s || strlen(s) < 10) return 0;
  for (int i = 0; i < 10; i++) {
    if (i == 4 || i == 7) {
      if (s[i] != '-') return 0;
    } else if (s[i] < '0' || s[i] > '9') return 0;
  }
  if (s[10] && s[10] != 'T' && s[10] != ' ') return 0;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0'), dd = (s[8] - '0') * 10 + (s[9] - '0');
  static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || dd < 1 || dd > mdays[m - 1]) return 0;
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && dd == 29 && !leap) return 0;
  memcpy(out, s, 10);
  out[10] = 0;
  return 1;
}

static char *default_id(arena *a, const reader_item *it) {
  char tmp[64];
  size_t k = strlen(it->input);
  if (!it->line) return arena_strndup(a, it->input, k);
  int m = snprintf(tmp, sizeof tmp, ":%ld", it->line);
  char *o = arena_alloc(a, k + (size_t)m + 1);
  if (o) memcpy(o, it->input, k), memcpy(o + k, tmp, (size_t)m + 1);
  return o;
}

/* The fields SCHEMA.md names, found in one pass over the object's members
 * (the first of a repeated key wins, as with cJSON's own lookup). */
enum { F_ID, F_TEXT, F_HTML, F_DATE, F_SOURCE, F_URL, F_TITLE, F_META, F_N };
static const char *const KNOWN[F_N] = {"id", "text", "html", "date", "source", "url", "title",
                                       "meta"};

typedef struct fields {
  const cJSON *f[F_N];
} fields;

static int known(const char *k) {
  for (int i = 0; i < F_N; i++)
    if (k[0] == KNOWN[i][0] && !strcmp(KNOWN[i], k)) return 1;
  return 0;
}

static void find_fields(const cJSON *root, fields *fs) {
  memset(fs, 0, sizeof *fs);
  for (const cJSON *c = root->child; c; c = c->next) {
    if (!c->string) continue;
    for (int i = 0; i < F_N; i++)
      if (c->string[0] == KNOWN[i][0] && !strcmp(KNOWN[i], c->string)) {
        if (!fs->f[i]) fs->f[i] = c;
        break;
      }
  }
}

/* meta_of writes the input's "meta" object members and every unknown field
 * as one JSON object; NULL when there are none. */
static int meta_of(arena *a, const cJSON *root, const fields *fs, doc *d, size_t *nbad) {
  buf b;
  buf_init(&b);
  int n = 0;
  const cJSON *m = fs->f[F_META];
  buf_addc(&b, '{');
  for (const cJSON *c = cJSON_IsObject(m) ? m->child : NULL; c; c = c->next, n++) {
    if (n) buf_addc(&b, ',');
    cJSON key = {.type = cJSON_String, .valuestring = c->string};
    json_write_value(&b, a, &key, nbad);
    buf_addc(&b, ':');
    json_write_value(&b, a, c, nbad);
  }
  for (const cJSON *c = root->child; c; c = c->next) {
    if (!c->string || known(c->string)) continue;
    if (n++) buf_addc(&b, ',');
    cJSON key = {.type = cJSON_String, .valuestring = c->string};
    json_write_value(&b, a, &key, nbad);
    buf_addc(&b, ':');
    json_write_value(&b, a, c, nbad);
  }
  if (m && !cJSON_IsObject(m) && !cJSON_IsNull(m)) {
    if (n++) buf_addc(&b, ',');
    buf_adds(&b, "\"meta\":");
    json_write_value(&b, a, m, nbad);
  }
  buf_addc(&b, '}');
  int rc = b.oom ? ERR_NOMEM : ERR_OK;
  if (!rc && n) {
    char *z = arena_strndup(a, b.z, b.n);
    if (!z) rc = ERR_NOMEM;
    d->meta = z;
    d->nmeta = b.n;
  }
  buf_free(&b);
  return rc;
}

static const char *string_field(arena *a, const cJSON *v, size_t *nbad) {
  if (cJSON_IsNumber(v)) {
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%.17g", v->valuedouble);
    return arena_strndup(a, tmp, strlen(tmp));
  }
  return json_clean_string(a, v, nbad);
}

static const char *line_label(const reader_item *it, char *tmp, size_t cap) {
  snprintf(tmp, cap, "%s:%ld", it->input, it->line);
  return tmp;
}

/* read_jsonl parses one line into d's fields and leaves the raw text (or
 * extracted HTML text) in d->z for cleaning. */
static int read_jsonl(arena *a, const reader_item *it, char *raw, size_t n, doc *d) {
  char lab[300];
  json_fixes fx;
  const char *z;
  size_t nz;
  if (json_prepare(a, raw, n, &z, &nz, &fx)) return ERR_NOMEM;
  if (fx.nul)
    add_error(a, d, "%s: %zu NUL character(s) replaced by U+FFFD", line_label(it, lab, sizeof lab),
              fx.nul);
  if (fx.surrogate)
    add_error(a, d, "%s: %zu unpaired UTF-16 surrogate escape(s) replaced by U+FFFD",
              line_label(it, lab, sizeof lab), fx.surrogate);
  const char *end = NULL;
  cJSON *root = cJSON_ParseWithLengthOpts(z, nz, &end, 0);
  if (!root) {
    size_t at = end && end >= z ? (size_t)(end - z) : 0;
    add_error(a, d, "%s: not valid JSON (error near byte %zu%s); line skipped",
              line_label(it, lab, sizeof lab), at, at >= nz ? ", the line is cut short" : "");
    d->skipped = 1;
    return ERR_OK;
  }
  int rc = ERR_OK;
  if (!cJSON_IsObject(root)) {
    add_error(a, d, "%s: a JSON %s, not an object; line skipped", line_label(it, lab, sizeof lab),
              cJSON_IsArray(root) ? "array" : cJSON_IsString(root) ? "string" : "value");
    d->skipped = 1;
    goto out;
  }
  size_t nbad = 0;
  fields fs;
  find_fields(root, &fs);
  const char *id = string_field(a, fs.f[F_ID], &nbad);
  if (id && *id) d->id = id;
  d->date = string_field(a, fs.f[F_DATE], &nbad);
  d->source = string_field(a, fs.f[F_SOURCE], &nbad);
  d->title = string_field(a, fs.f[F_TITLE], &nbad);
  d->url = string_field(a, fs.f[F_URL], &nbad);
  if ((rc = meta_of(a, root, &fs, d, &nbad))) goto out;
  if (nbad)
    add_error(a, d, "%s: invalid UTF-8 in %zu metadata string(s) replaced by U+FFFD",
              line_label(it, lab, sizeof lab), nbad);
  const cJSON *text = fs.f[F_TEXT], *html = fs.f[F_HTML];
  if (cJSON_IsString(text)) {
    /* The text is used in place; the tree lives until doc_release(). */
    d->z = text->valuestring;
    d->n = strlen(text->valuestring);
    d->json = root;
    root = NULL;
  } else if (cJSON_IsString(html)) {
    char *t, *title;
    size_t nt;
    rc = html_extract(a, html->valuestring, strlen(html->valuestring), &t, &nt, &title);
    if (rc == ERR_PARSE) {
      add_error(a, d, "%s: \"html\" could not be parsed; line skipped",
                line_label(it, lab, sizeof lab));
      d->skipped = 1;
      rc = ERR_OK;
    }
    d->z = t;
    d->n = nt;
    if (!d->title) d->title = title;
  } else {
    add_error(a, d, "%s: no \"text\" or \"html\" string; line skipped",
              line_label(it, lab, sizeof lab));
    d->skipped = 1;
  }
out:
  cJSON_Delete(root);
  return rc;
}

static int read_file(arena *a, const reader_item *it, char *raw, size_t n, doc *d) {
  if (n >= 3 && !memcmp(raw, "\xEF\xBB\xBF", 3)) raw += 3, n -= 3; /* byte order mark */
  if (it->kind == READ_TEXT) {
    d->z = raw;
    d->n = n;
    return ERR_OK;
  }
  char *t, *title;
  size_t nt;
  int rc = html_extract(a, raw, n, &t, &nt, &title);
  if (rc == ERR_PARSE) {
    add_error(a, d, "%s: HTML could not be parsed; input skipped", it->input);
    d->skipped = 1;
    return ERR_OK;
  }
  if (rc) return rc;
  d->z = t;
  d->n = nt;
  size_t nbad = 0;
  if (title) {
    cJSON v = {.type = cJSON_String, .valuestring = title};
    d->title = json_clean_string(a, &v, &nbad);
  }
  return ERR_OK;
}

static void apply_defaults(const doc_opts *o, arena *a, const reader_item *it, doc *d) {
  char norm[11];
  if (d->date && !doc_date_norm(d->date, norm)) {
    add_error(a, d, "%s%s%ld: date \"%.40s\" is not YYYY-MM-DD; ignored", it->input,
              it->line ? ":" : "", it->line, d->date);
    d->date = NULL;
  } else if (d->date) {
    d->date = arena_strndup(a, norm, 10);
  }
  if (!d->date) d->date = o->date;
  if (!d->source) d->source = o->source;
  if (!d->id) d->id = default_id(a, it);
}

void doc_release(doc *d) {
  cJSON_Delete(d->json);
  d->json = NULL;
}

int doc_read(const doc_opts *o, arena *a, const reader_item *it, char *raw, size_t n, doc *d) {
  memset(d, 0, sizeof *d);
  d->input = it->input;
  d->line = it->line;
  int rc = it->kind == READ_JSONL ? read_jsonl(a, it, raw, n, d) : read_file(a, it, raw, n, d);
  if (rc) return rc;
  apply_defaults(o, a, it, d);
  if (!d->id) return ERR_NOMEM;
  if (d->skipped) return ERR_OK;
  utf8_report rep;
  const char *z;
  size_t nz;
  if ((rc = utf8_clean(a, d->z ? d->z : "", d->n, &z, &nz, &rep))) return rc;
  if (rep.nbad)
    add_error(a, d, "%s: %zu invalid UTF-8 byte(s) in the text replaced by U+FFFD; document coded",
              d->id, rep.nbad);
  if (rep.nnul)
    add_error(a, d, "%s: %zu NUL byte(s) in the text replaced by U+FFFD; document coded", d->id,
              rep.nnul);
  d->z = z;
  d->n = nz;
  rc = text_segment(a, d->z, d->n, &d->td);
  if (rc == ERR_TOOBIG) {
    add_error(a, d, "%s: text over 4 GiB; document skipped", d->id);
    d->skipped = 1;
    return ERR_OK;
  }
  return rc;
}
