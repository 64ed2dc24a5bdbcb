/* query.c: dyad query. Options to a WHERE clause, the SQL of listings and
 * aggregates, and the three writers (aligned table, JSON Lines, CSV). */
#include "query.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8proc.h>

#include "err.h"
#include "utf8.h"

/* ---- options ------------------------------------------------------------ */

void query_init(query_opts *o, FILE *out) {
  memset(o, 0, sizeof *o);
  o->kind = -1;
  o->format = isatty(fileno(out)) ? QUERY_TABLE : QUERY_JSONL;
}

static int bad(char *err, size_t nerr, const char *fmt, const char *arg) {
  snprintf(err, nerr, fmt, arg);
  return -1;
}

/* is_date accepts YYYY, YYYY-MM and YYYY-MM-DD. */
static int is_date(const char *s) {
  static const char *const shape[] = {"dddd", "dddd-dd", "dddd-dd-dd"};
  for (int k = 0; k < 3; k++) {
    const char *p = shape[k], *q = s;
    while (*p && *q && (*p == 'd' ? isdigit((unsigned char)*q) : *p == *q)) p++, q++;
    if (!*p && !*q) return 1;
  }
  return 0;
}

static int one_of(const char *s, const char *const *set) {
  for (; *set; set++)
    if (!strcmp(s, *set)) return 1;
  return 0;
}

/* value_option takes the options with a value; returns 1 if a[...] was one. */
static int value_option(query_opts *o, const char *a, const char *v, char *err, size_t nerr) {
  static const char *const PERIODS[] = {"day", "week", "month", "year", NULL};
  static const char *const FORMATS[] = {"table", "jsonl", "csv", NULL};
  struct { const char *name; const char **slot; } S[] = {
      {"--actor", &o->actor}, {"--source", &o->source}, {"--target", &o->target},
      {"--dyad", &o->dyad},   {"--cameo", &o->cameo},   {"--plover", &o->plover},
      {"--from", &o->from},   {"--to", &o->to},         {"--text", &o->text},
      {"--claim", &o->claim}, {"--doc", &o->doc},       {"--by", &o->by}};
  for (size_t k = 0; k < sizeof S / sizeof S[0]; k++)
    if (!strcmp(a, S[k].name)) *S[k].slot = v;
  if ((!strcmp(a, "--from") || !strcmp(a, "--to")) && !is_date(v))
    return bad(err, nerr, "%s: expected YYYY, YYYY-MM or YYYY-MM-DD", a);
  if (!strcmp(a, "--dyad") && !strchr(v, ':')) return bad(err, nerr, "--dyad %s: expected A:B", v);
  if (!strcmp(a, "--by") && !one_of(v, PERIODS))
    return bad(err, nerr, "--by %s: expected day, week, month or year", v);
  if (!strcmp(a, "--kind") && (o->kind = store_kind_find(v)) < 0)
    return bad(err, nerr, "--kind %s: expected events, mentions, sentences, documents, claims, "
                          "timexes, quotes, duplicates, errors or records", v);
  if (!strcmp(a, "--format")) {
    if (!one_of(v, FORMATS)) return bad(err, nerr, "--format %s: expected table, jsonl or csv", v);
    o->format = !strcmp(v, "table") ? QUERY_TABLE : !strcmp(v, "jsonl") ? QUERY_JSONL : QUERY_CSV;
  }
  if (!strcmp(a, "--limit")) {
    char *end;
    o->limit = strtol(v, &end, 10);
    if (*end || o->limit < 1) return bad(err, nerr, "--limit %s: expected a positive number", v);
  }
  return 1;
}

static int takes_value(const char *a) {
  static const char *const V[] = {"--actor", "--source", "--target", "--dyad", "--cameo",
                                  "--plover", "--from", "--to", "--text", "--claim", "--doc",
                                  "--by", "--kind", "--format", "--limit", NULL};
  return one_of(a, V);
}

static int top_option(query_opts *o, int argc, char **argv, int *i, char *err, size_t nerr) {
  static const char *const TOPS[] = {"dyads", "actors", "codes", NULL};
  char *end;
  if (*i + 2 >= argc) return bad(err, nerr, "%s needs what and how many: --top dyads 10", "--top");
  o->top = argv[*i + 1];
  o->top_n = strtol(argv[*i + 2], &end, 10);
  if (!one_of(o->top, TOPS)) return bad(err, nerr, "--top %s: expected dyads, actors or codes", o->top);
  if (*end || o->top_n < 1) return bad(err, nerr, "--top: %s is not a positive number", argv[*i + 2]);
  *i += 2;
  return 1;
}

int query_option(query_opts *o, int argc, char **argv, int *i, char *err, size_t nerr) {
  const char *a = argv[*i];
  if (!strcmp(a, "--evidence")) return o->evidence = 1;
  if (!strcmp(a, "--count")) return o->count = 1;
  if (!strcmp(a, "--top")) return top_option(o, argc, argv, i, err, nerr);
  if (!takes_value(a)) return 0;
  if (*i + 1 >= argc) return bad(err, nerr, "%s needs a value", a);
  return value_option(o, a, argv[++*i], err, nerr);
}

/* ---- filters to SQL ----------------------------------------------------- */

#define QMAX_PARAMS 32

/* A WHERE clause being built: its text and its parameters, all strings.
 * Parameters made here (prefix bounds, upper-cased codes) are owned. */
typedef struct where {
  buf sql;
  const char *param[QMAX_PARAMS];
  char *own[QMAX_PARAMS];
  int np, nown;
  char err[300];
} where;

static const char *owned(where *w, char *s) {
  if (!s || w->nown == QMAX_PARAMS) return free(s), "";
  return w->own[w->nown++] = s;
}

static void param(where *w, const char *p) {
  if (w->np < QMAX_PARAMS) w->param[w->np++] = p;
}

static void cond(where *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void cond(where *w, const char *fmt, ...) {
  va_list ap;
  buf_adds(&w->sql, w->sql.n ? " AND (" : " WHERE (");
  va_start(ap, fmt);
  char tmp[600];
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  buf_adds(&w->sql, tmp);
  buf_addc(&w->sql, ')');
}

static char *upper(const char *s) {
  char *u = strdup(s);
  for (char *p = u; p && *p; p++) *p = (char)toupper((unsigned char)*p);
  return u;
}

/* prefix_params adds the bounds of the codes starting with p: p itself and
 * p with its last byte raised by one (codes are ASCII). */
static void prefix_params(where *w, const char *p) {
  char *lo = upper(p), *hi = lo ? strdup(lo) : NULL;
  size_t n = hi ? strlen(hi) : 0;
  if (n) hi[n - 1] = (char)(hi[n - 1] + 1);
  param(w, owned(w, lo));
  param(w, owned(w, hi ? hi : strdup("\x7f")));
}

static void prefix_cond(where *w, const char *col, const char *p) {
  cond(w, "%s >= ? AND %s < ?", col, col);
  prefix_params(w, p);
}

/* date_cond keeps records whose date (which may be YYYY or YYYY-MM) overlaps
 * [from, to]; the plain comparison with from's year lets an index help. */
static void date_cond(where *w, const char *col, const char *from, const char *to) {
  if (from) {
    char *year = strndup(from, 4);
    cond(w, "%s >= ? AND (%s >= ? OR substr(?, 1, length(%s)) = %s)", col, col, col, col);
    param(w, owned(w, year));
    param(w, from);
    param(w, from);
  }
  if (to) {
    size_t n = strlen(to);
    char *hi = malloc(n + 2);
    if (hi) memcpy(hi, to, n), hi[n] = '~', hi[n + 1] = 0;
    cond(w, "%s <= ?", col);
    param(w, owned(w, hi));
  }
}

static const char *date_col(int kind) {
  return kind == STORE_EVENT || kind == STORE_DOCUMENT ? "r.date" : "d.date";
}

static int refuse(where *w, const char *opt, const char *kinds) {
  snprintf(w->err, sizeof w->err, "%s applies to %s only (see --kind)", opt, kinds);
  return ERR_INVALID;
}

static const char FTS_IDS[] = "SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ?";

static int text_cond(where *w, int kind, const char *q) {
  if (store_kind_flags(kind) & STORE_K_SENT) cond(w, "r.sentence IN (%s)", FTS_IDS);
  else if (kind == STORE_SENTENCE) cond(w, "r.id IN (%s)", FTS_IDS);
  else if (kind == STORE_DOCUMENT)
    cond(w, "r.id IN (SELECT document FROM sentences WHERE id IN (%s))", FTS_IDS);
  else return refuse(w, "--text", "sentences, documents and sentence-level records");
  param(w, q);
  return ERR_OK;
}

static int actor_cond(where *w, int kind, const char *p) {
  static const char ANY_MENTION[] =
      "EXISTS (SELECT 1 FROM mentions m WHERE m.%s = r.id AND m.actor_code >= ? AND "
      "m.actor_code < ?)";
  switch (kind) {
  case STORE_EVENT:
    cond(w, "(r.source_code >= ? AND r.source_code < ?) OR (r.target_code >= ? AND "
            "r.target_code < ?)");
    prefix_params(w, p);
    prefix_params(w, p);
    return ERR_OK;
  case STORE_MENTION: prefix_cond(w, "r.actor_code", p); return ERR_OK;
  case STORE_QUOTE: prefix_cond(w, "r.speaker_code", p); return ERR_OK;
  case STORE_CLAIM:
    cond(w, "(r.subject_code >= ? AND r.subject_code < ?) OR (r.attribution_code >= ? AND "
            "r.attribution_code < ?)");
    prefix_params(w, p);
    prefix_params(w, p);
    return ERR_OK;
  case STORE_SENTENCE: cond(w, ANY_MENTION, "sentence"); prefix_params(w, p); return ERR_OK;
  case STORE_DOCUMENT: cond(w, ANY_MENTION, "document"); prefix_params(w, p); return ERR_OK;
  }
  return refuse(w, "--actor", "events, mentions, quotes, claims, sentences and documents");
}

static int event_conds(where *w, int kind, const query_opts *o) {
  if (!(o->source || o->target || o->dyad || o->cameo || o->plover)) return ERR_OK;
  if (kind != STORE_EVENT)
    return refuse(w, o->source ? "--source" : o->target ? "--target" : o->dyad ? "--dyad"
                     : o->cameo ? "--cameo" : "--plover", "events");
  if (o->source) prefix_cond(w, "r.source_code", o->source);
  if (o->target) prefix_cond(w, "r.target_code", o->target);
  if (o->dyad) {
    char *a = strdup(o->dyad), *b = a ? strchr(a, ':') : NULL;
    if (!b) return free(a), ERR_NOMEM;
    *b++ = 0;
    owned(w, a);
    if (*a) prefix_cond(w, "r.source_code", a);
    if (*b) prefix_cond(w, "r.target_code", b);
  }
  if (o->cameo) prefix_cond(w, "r.cameo", o->cameo);
  if (o->plover) cond(w, "r.plover = ?"), param(w, owned(w, upper(o->plover)));
  return ERR_OK;
}

static void doc_cond(where *w, int kind, const char *doc) {
  if (kind == STORE_DOCUMENT) cond(w, "r.doc = ?");
  else cond(w, "r.document IN (SELECT id FROM documents WHERE doc = ?)");
  param(w, doc);
}

/* build_where turns o's filters into w for records of kind. */
static int build_where(where *w, int kind, const query_opts *o) {
  int rc = event_conds(w, kind, o);
  if (!rc && o->actor) rc = actor_cond(w, kind, o->actor);
  if (!rc && o->text) rc = text_cond(w, kind, o->text);
  if (!rc && o->claim) {
    if (kind != STORE_CLAIM) return refuse(w, "--claim", "claims");
    cond(w, "r.claim = ?");
    param(w, o->claim);
  }
  if (!rc && o->doc) doc_cond(w, kind, o->doc);
  if (!rc && (o->from || o->to)) {
    if (kind == STORE_ERROR || kind == STORE_OTHER || kind == STORE_DUPLICATE)
      return refuse(w, o->from ? "--from" : "--to", "records with a date");
    date_cond(w, date_col(kind), o->from, o->to);
  }
  if (!rc && (w->sql.oom || w->np == QMAX_PARAMS)) rc = ERR_NOMEM;
  return rc;
}

static void where_free(where *w) {
  for (int i = 0; i < w->nown; i++) free(w->own[i]);
  buf_free(&w->sql);
}

static int has_rows(store *st, const char *table) {
  char sql[100];
  sqlite3_stmt *s;
  snprintf(sql, sizeof sql, "SELECT 1 FROM %s LIMIT 1", table);
  if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL)) return 0;
  int r = sqlite3_step(s) == SQLITE_ROW;
  sqlite3_finalize(s);
  return r;
}

/* choose_kind picks the records a query runs over when --kind is not given. */
static int choose_kind(store *st, const query_opts *o) {
  if (o->kind >= 0) return o->kind;
  if (o->claim) return STORE_CLAIM;
  if (o->source || o->target || o->dyad || o->cameo || o->plover) return STORE_EVENT;
  if (o->top && strcmp(o->top, "actors")) return STORE_EVENT;
  if (has_rows(st, "events")) return STORE_EVENT;
  if (o->actor) return STORE_MENTION;
  if (o->text) return STORE_SENTENCE;
  return STORE_DOCUMENT;
}

/* ---- writers ------------------------------------------------------------ */

/* A writer prints rows of a statement: selected columns under display
 * names. The table writer holds the first TABLE_SAMPLE rows to size the
 * columns, then streams the rest at those widths. */
#define TABLE_SAMPLE 1000
#define QMAX_COLS 64

typedef struct writer {
  int format, kind, records; /* records: JSON Lines as SCHEMA records */
  FILE *out;
  int col[QMAX_COLS], ncol;
  const char *name[QMAX_COLS];
  size_t width[QMAX_COLS];
  const char **cells; /* table sample: nrows x ncol strings */
  size_t nrows, caprows;
  int sized;
  arena a;
  buf line;
} writer;

/* write_num writes d as the shortest text that reads back the same. */
static void write_num(buf *b, double d) {
  char tmp[40];
  if (!isfinite(d)) {
    buf_adds(b, "null");
    return;
  }
  snprintf(tmp, sizeof tmp, "%.15g", d);
  if (strtod(tmp, NULL) != d) snprintf(tmp, sizeof tmp, "%.17g", d);
  buf_adds(b, tmp);
}

/* cell_text writes column c's value as text (NULL as nothing). */
static void cell_text(buf *b, sqlite3_stmt *s, int c) {
  switch (sqlite3_column_type(s, c)) {
  case SQLITE_NULL: return;
  case SQLITE_INTEGER: buf_json_int(b, sqlite3_column_int64(s, c)); return;
  case SQLITE_FLOAT: write_num(b, sqlite3_column_double(s, c)); return;
  }
  buf_add(b, sqlite3_column_text(s, c), (size_t)sqlite3_column_bytes(s, c));
}

void query_csv_field(FILE *out, const char *z, size_t n) {
  if (!memchr(z, ',', n) && !memchr(z, '"', n) && !memchr(z, '\n', n) && !memchr(z, '\r', n)) {
    fwrite(z, 1, n, out);
    return;
  }
  fputc('"', out);
  for (size_t i = 0; i < n; i++) {
    if (z[i] == '"') fputc('"', out);
    fputc(z[i], out);
  }
  fputc('"', out);
}

static void csv_header(writer *w) {
  for (int i = 0; i < w->ncol; i++) {
    if (i) fputc(',', w->out);
    query_csv_field(w->out, w->name[i], strlen(w->name[i]));
  }
  fputs("\r\n", w->out);
}

static void csv_row(writer *w, sqlite3_stmt *s) {
  for (int i = 0; i < w->ncol; i++) {
    if (i) fputc(',', w->out);
    buf_clear(&w->line);
    cell_text(&w->line, s, w->col[i]);
    query_csv_field(w->out, w->line.z ? w->line.z : "", w->line.n);
  }
  fputs("\r\n", w->out);
}

/* json_row writes an aggregate row as an object of its columns. */
static void json_row(writer *w, sqlite3_stmt *s) {
  buf *b = &w->line;
  buf_clear(b);
  for (int i = 0; i < w->ncol; i++) {
    int c = w->col[i], t = sqlite3_column_type(s, c);
    buf_addc(b, i ? ',' : '{');
    buf_json_strz(b, w->name[i]);
    buf_addc(b, ':');
    if (t == SQLITE_TEXT)
      buf_json_str(b, (const char *)sqlite3_column_text(s, c), (size_t)sqlite3_column_bytes(s, c));
    else if (t == SQLITE_NULL) buf_adds(b, "null");
    else cell_text(b, s, c);
  }
  buf_adds(b, "}\n");
  fwrite(b->z, 1, b->n, w->out);
}

/* display_width is the terminal width of UTF-8 text (wide characters 2). */
static size_t display_width(const char *z, size_t n) {
  size_t w = 0, i = 0;
  while (i < n) {
    int c = utf8proc_charwidth(utf8_decode(z, n, &i));
    w += c > 0 ? (size_t)c : 0;
  }
  return w;
}

/* table_cell prints z padded or cut (with an ellipsis) to width columns;
 * control characters (newlines inside a sentence) print as spaces. */
static void table_cell(FILE *out, const char *z, size_t width, int last) {
  size_t n = strlen(z), i = 0, w = 0, total = display_width(z, n);
  while (i < n) {
    size_t j = i;
    int32_t c = utf8_decode(z, n, &j);
    int cw = utf8proc_charwidth(c);
    cw = cw > 0 ? cw : 0;
    if (total > width && w + (size_t)cw + 1 > width) {
      fputs("\xE2\x80\xA6", out); /* U+2026 */
      w++;
      break;
    }
    if (c < 0x20) fputc(' ', out);
    else fwrite(z + i, 1, j - i, out);
    w += c < 0x20 ? 1 : (size_t)cw;
    i = j;
  }
  if (!last)
    for (; w < width + 2; w++) fputc(' ', out);
}

static int term_width(FILE *out) {
  struct winsize ws;
  if (ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) return ws.ws_col;
  const char *c = getenv("COLUMNS");
  return c && atoi(c) > 20 ? atoi(c) : 160;
}

/* fit_widths sizes the columns to the sample, at most 60 wide each, then
 * narrows the widest until the table fits the terminal. */
static void fit_widths(writer *w) {
  for (int i = 0; i < w->ncol; i++) {
    w->width[i] = display_width(w->name[i], strlen(w->name[i]));
    for (size_t r = 0; r < w->nrows; r++) {
      const char *z = w->cells[r * (size_t)w->ncol + (size_t)i];
      size_t d = display_width(z, strlen(z));
      if (d > w->width[i]) w->width[i] = d < 60 ? d : 60;
    }
  }
  size_t total, room = (size_t)term_width(w->out);
  for (;;) {
    int wi = 0;
    total = 0;
    for (int i = 0; i < w->ncol; i++) {
      total += w->width[i] + 2;
      if (w->width[i] > w->width[wi]) wi = i;
    }
    if (total <= room + 2 || w->width[wi] <= 8) break;
    w->width[wi]--;
  }
}

static void table_line(writer *w, const char *const *cells) {
  for (int i = 0; i < w->ncol; i++) table_cell(w->out, cells[i], w->width[i], i == w->ncol - 1);
  fputc('\n', w->out);
}

static void table_flush(writer *w) {
  if (w->sized) return;
  w->sized = 1;
  fit_widths(w);
  table_line(w, w->name);
  for (size_t r = 0; r < w->nrows; r++) table_line(w, w->cells + r * (size_t)w->ncol);
}

static int table_row(writer *w, sqlite3_stmt *s) {
  const char *cells[QMAX_COLS];
  for (int i = 0; i < w->ncol; i++) {
    buf_clear(&w->line);
    cell_text(&w->line, s, w->col[i]);
    if (!(cells[i] = arena_strndup(&w->a, w->line.z ? w->line.z : "", w->line.n))) return ERR_NOMEM;
  }
  if (w->sized) {
    table_line(w, cells);
    arena_reset(&w->a);
    return ERR_OK;
  }
  size_t need = (w->nrows + 1) * (size_t)w->ncol;
  if (need > w->caprows) {
    size_t cap = w->caprows ? w->caprows * 2 : 64 * (size_t)w->ncol;
    const char **p = realloc(w->cells, (cap > need ? cap : need) * sizeof *p);
    if (!p) return ERR_NOMEM;
    w->cells = p;
    w->caprows = cap > need ? cap : need;
  }
  memcpy(w->cells + w->nrows * (size_t)w->ncol, cells, (size_t)w->ncol * sizeof *cells);
  if (++w->nrows == TABLE_SAMPLE) table_flush(w);
  return ERR_OK;
}

static int write_row(writer *w, sqlite3_stmt *s) {
  if (w->format == QUERY_CSV) csv_row(w, s);
  else if (w->format == QUERY_TABLE) return table_row(w, s);
  else if (!w->records) json_row(w, s);
  else {
    buf_clear(&w->line);
    store_row_json(w->kind, s, &w->a, &w->line);
    fwrite(w->line.z, 1, w->line.n, w->out);
    arena_reset(&w->a);
  }
  return ERR_OK;
}

static void writer_end(writer *w) {
  free(w->cells);
  arena_free(&w->a);
  buf_free(&w->line);
}

/* ---- columns: what a listing shows -------------------------------------- */

static int find_col(sqlite3_stmt *s, const char *name) {
  for (int c = 0; c < sqlite3_column_count(s); c++)
    if (!strcmp(sqlite3_column_name(s, c), name)) return c;
  return -1;
}

static void add_col(writer *w, sqlite3_stmt *s, const char *name, const char *show) {
  int c = find_col(s, name);
  if (c < 0 || w->ncol == QMAX_COLS) return;
  w->col[w->ncol] = c;
  w->name[w->ncol++] = show;
}

/* The prefix columns of store_select_sql() under the names users see. */
static const char *const PREFIX_NAME[STORE_NPREFIX] = {"id", "doc", "doc_date", "sent",
                                                       "span_start", "span_end", "text"};

/* The table's columns per kind: the few that identify a record. */
static const char *const TABLE_COLS[STORE_NKINDS][10] = {
    [STORE_DOCUMENT] = {"doc", "date", "source", "sentences", "title"},
    [STORE_SENTENCE] = {"_doc", "sent", "_date", "text"},
    [STORE_MENTION] = {"_doc", "_sent", "_date", "actor_code", "actor_name"},
    [STORE_EVENT] = {"_doc", "_sent", "date", "source_code", "target_code", "cameo", "plover",
                     "goldstein"},
    [STORE_CLAIM] = {"_doc", "_sent", "claim", "quantity", "qualifier", "subject_code",
                     "attribution_code"},
    [STORE_TIMEX] = {"_doc", "_sent", "expr_text", "value", "granularity"},
    [STORE_QUOTE] = {"_doc", "_sent", "speaker_code", "quote_text"},
    [STORE_DUPLICATE] = {"_doc", "span_start", "span_end", "of_doc", "similarity"},
    [STORE_ERROR] = {"input", "line", "doc", "message"},
    [STORE_OTHER] = {"_doc", "_sent", "kind", "json"},
};

static const char *show_name(const char *col) {
  for (int i = 0; i < STORE_NPREFIX; i++) {
    static const char *const P[] = {"_id", "_doc", "_date", "_sent", "_start", "_end", "_text"};
    if (!strcmp(col, P[i])) return PREFIX_NAME[i];
  }
  return col;
}

/* csv_cols selects every column but `extra` and the prefix columns the kind
 * has itself or lacks; the sentence's text only with --evidence. */
static void csv_cols(writer *w, sqlite3_stmt *s, int kind, int evidence) {
  unsigned f = store_kind_flags(kind);
  int n = sqlite3_column_count(s);
  for (int c = 0; c < n && w->ncol < QMAX_COLS; c++) {
    const char *name = sqlite3_column_name(s, c);
    int pre = c < STORE_NPREFIX;
    if (!strcmp(name, "extra")) continue;
    if (pre && kind == STORE_DOCUMENT && c != STORE_COL_ID) continue;
    if (pre && c >= STORE_COL_SENT && !(f & STORE_K_SENT)) continue;
    if (c == STORE_COL_TEXT && !evidence) continue;
    w->col[w->ncol] = c;
    w->name[w->ncol++] = pre ? PREFIX_NAME[c] : name;
  }
}

static void table_cols(writer *w, sqlite3_stmt *s, int kind, int evidence) {
  for (int i = 0; i < 10 && TABLE_COLS[kind][i]; i++)
    add_col(w, s, TABLE_COLS[kind][i], show_name(TABLE_COLS[kind][i]));
  if (evidence && (store_kind_flags(kind) & STORE_K_SENT)) add_col(w, s, "_text", "evidence");
}

static void all_cols(writer *w, sqlite3_stmt *s) {
  for (int c = 0; c < sqlite3_column_count(s) && w->ncol < QMAX_COLS; c++) {
    w->col[w->ncol] = c;
    w->name[w->ncol++] = sqlite3_column_name(s, c);
  }
}

/* ---- running ------------------------------------------------------------ */

static int prepare_where(store *st, const char *sql, const where *w, int times,
                         sqlite3_stmt **out, char *err, size_t nerr);
static int step_failed(store *st, const query_opts *o, char *err, size_t nerr);

/* run_sql runs sql with wh's parameters (times over) and writes every row:
 * records with the kind's columns, aggregates with all of theirs, a count
 * as a bare number. */
static int run_sql(store *st, const char *sql, const where *wh, int times, writer *w,
                   const query_opts *o, char *err, size_t nerr) {
  sqlite3_stmt *s;
  int rc = prepare_where(st, sql, wh, times, &s, err, nerr);
  if (rc) return rc;
  int count = o->count && !o->by && !o->top;
  if (!w->records) all_cols(w, s);
  else if (o->format == QUERY_CSV) csv_cols(w, s, w->kind, o->evidence || w->kind == STORE_SENTENCE);
  else table_cols(w, s, w->kind, o->evidence);
  if (w->format == QUERY_CSV && !count) csv_header(w);
  while (!rc && (rc = sqlite3_step(s)) == SQLITE_ROW) {
    if (count) fprintf(w->out, "%lld\n", (long long)sqlite3_column_int64(s, 0)), rc = 0;
    else rc = write_row(w, s);
  }
  rc = rc == SQLITE_DONE ? ERR_OK : rc > 0 ? step_failed(st, o, err, nerr) : rc;
  /* the column names belong to the statement: print the table while it lives */
  if (!rc && w->format == QUERY_TABLE) table_flush(w);
  sqlite3_finalize(s);
  return rc;
}

static const char *period_sql(const char *by, const char *col, char *out, size_t n) {
  if (!strcmp(by, "day")) snprintf(out, n, "%s", col);
  else if (!strcmp(by, "month")) snprintf(out, n, "substr(%s, 1, 7)", col);
  else if (!strcmp(by, "year")) snprintf(out, n, "substr(%s, 1, 4)", col);
  else snprintf(out, n, "coalesce(date(%s, 'weekday 0', '-6 days'), %s)", col, col);
  return out;
}

static void from_sql(buf *b, int kind) {
  buf_printf(b, " FROM %s r", store_kind_table(kind));
  if (kind != STORE_EVENT && (store_kind_flags(kind) & STORE_K_DOC))
    buf_adds(b, " LEFT JOIN documents d ON d.id = r.document");
}

static void by_sql(buf *b, int kind, const query_opts *o, const where *w) {
  char p[200];
  int ev = kind == STORE_EVENT;
  buf_printf(b, "SELECT %s AS period, count(*) AS count", period_sql(o->by, date_col(kind), p, sizeof p));
  if (ev)
    buf_adds(b, ", round(avg(r.goldstein), 3) AS goldstein_mean, round(sum(r.goldstein), 3) AS "
                "goldstein_sum");
  from_sql(b, kind);
  buf_add(b, w->sql.z, w->sql.n);
  buf_adds(b, " GROUP BY period ORDER BY period");
}

/* top_sql builds --top; returns how many times the WHERE parameters are
 * bound (actors over events reads source and target), 0 if not possible. */
static int top_sql(buf *b, int kind, const query_opts *o, const where *w) {
  const char *W = w->sql.z ? w->sql.z : "";
  int ev = kind == STORE_EVENT;
  if (!strcmp(o->top, "actors") && kind == STORE_MENTION) {
    buf_adds(b, "SELECT r.actor_code AS actor, count(*) AS count");
    from_sql(b, kind);
    buf_printf(b, "%s%s r.actor_code IS NOT NULL GROUP BY r.actor_code", W, *W ? " AND" : " WHERE");
  } else if (!ev) {
    return 0;
  } else if (!strcmp(o->top, "actors")) {
    buf_printf(b, "SELECT code AS actor, count(*) AS count, round(avg(g), 3) AS goldstein_mean FROM ("
                  "SELECT r.source_code AS code, r.goldstein AS g FROM events r%s UNION ALL "
                  "SELECT r.target_code, r.goldstein FROM events r%s) WHERE code IS NOT NULL "
                  "GROUP BY code", W, W);
  } else {
    int dy = !strcmp(o->top, "dyads");
    buf_printf(b, "SELECT %s, count(*) AS count, round(avg(r.goldstein), 3) AS goldstein_mean "
                  "FROM events r",
               dy ? "r.source_code || ':' || r.target_code AS dyad" : "r.cameo AS cameo");
    buf_printf(b, "%s%s %s GROUP BY %s", W, *W ? " AND" : " WHERE",
               dy ? "r.source_code IS NOT NULL AND r.target_code IS NOT NULL" : "r.cameo IS NOT NULL",
               dy ? "r.source_code, r.target_code" : "r.cameo");
  }
  buf_printf(b, " ORDER BY count DESC, 1 LIMIT %ld", o->top_n);
  return !strcmp(o->top, "actors") && ev ? 2 : 1;
}

/* fts_count says whether a count is the full-text index's alone: the
 * sentences matching --text and nothing else, counted without reading one. */
static int fts_count(int kind, const query_opts *o) {
  return o->count && kind == STORE_SENTENCE && o->text && !o->actor && !o->doc && !o->from &&
         !o->to && !o->limit;
}

static void list_sql(buf *b, int kind, const query_opts *o, const where *w) {
  if (fts_count(kind, o)) {
    buf_adds(b, "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH ?");
    return;
  }
  if (o->count) {
    buf_adds(b, "SELECT count(*) FROM (SELECT 1");
    from_sql(b, kind);
  } else {
    store_select_sql(kind, NULL, b);
  }
  buf_add(b, w->sql.z, w->sql.n);
  if (!o->count) buf_adds(b, " ORDER BY r.id");
  if (o->limit) buf_printf(b, " LIMIT %ld", o->limit);
  if (o->count) buf_adds(b, ")");
}

/* prepare_where prepares sql and binds w's parameters, times over. */
static int prepare_where(store *st, const char *sql, const where *w, int times,
                         sqlite3_stmt **out, char *err, size_t nerr) {
  if (sqlite3_prepare_v2(store_db(st), sql, -1, out, NULL)) {
    snprintf(err, nerr, "cannot run the query: %s", sqlite3_errmsg(store_db(st)));
    return ERR_IO;
  }
  int k = 1;
  for (int t = 0; t < times; t++)
    for (int i = 0; i < w->np; i++) sqlite3_bind_text(*out, k++, w->param[i], -1, SQLITE_STATIC);
  return ERR_OK;
}

/* step_failed explains a failed step: FTS syntax errors are the user's. */
static int step_failed(store *st, const query_opts *o, char *err, size_t nerr) {
  const char *m = sqlite3_errmsg(store_db(st));
  int fts = o->text && (strstr(m, "fts5") || strstr(m, "syntax"));
  snprintf(err, nerr, "%s%s", fts ? "--text: " : "query failed: ", m);
  return fts ? ERR_INVALID : ERR_IO;
}

int query_each(store *st, const query_opts *o, int kind, const char *select_from,
               query_row_fn fn, void *ctx, char *err, size_t nerr) {
  where w;
  memset(&w, 0, sizeof w);
  int rc = build_where(&w, kind, o);
  buf sql;
  buf_init(&sql);
  buf_adds(&sql, select_from);
  buf_add(&sql, w.sql.z, w.sql.n);
  buf_adds(&sql, " ORDER BY r.id");
  buf_addc(&sql, 0);
  if (rc) snprintf(err, nerr, "%s", w.err[0] ? w.err : err_str(rc));
  sqlite3_stmt *s = NULL;
  if (!rc) rc = sql.oom ? ERR_NOMEM : prepare_where(st, sql.z, &w, 1, &s, err, nerr);
  int r = SQLITE_DONE;
  while (!rc && (r = sqlite3_step(s)) == SQLITE_ROW) rc = fn(ctx, s);
  if (!rc && r != SQLITE_DONE) rc = step_failed(st, o, err, nerr);
  sqlite3_finalize(s);
  buf_free(&sql);
  where_free(&w);
  return rc;
}

int query_run(store *st, const query_opts *o, FILE *out, char *err, size_t nerr) {
  int kind = choose_kind(st, o), times = 1;
  where w;
  memset(&w, 0, sizeof w);
  buf_init(&w.sql);
  int rc = build_where(&w, kind, o);
  buf sql;
  buf_init(&sql);
  if (!rc && o->top && !(times = top_sql(&sql, kind, o, &w))) {
    snprintf(w.err, sizeof w.err, "--top %s does not apply to %s", o->top, store_kind_table(kind));
    rc = ERR_INVALID;
  } else if (!rc && o->by) {
    by_sql(&sql, kind, o, &w);
  } else if (!rc && !o->top) {
    list_sql(&sql, kind, o, &w);
  }
  buf_addc(&sql, 0);
  if (!rc && sql.oom) rc = ERR_NOMEM;
  if (rc) snprintf(err, nerr, "%s", w.err[0] ? w.err : err_str(rc));
  writer wr;
  memset(&wr, 0, sizeof wr);
  wr.format = o->format, wr.kind = kind, wr.out = out;
  wr.records = !o->top && !o->by && !o->count;
  arena_init(&wr.a, 64 * 1024);
  buf_init(&wr.line);
  if (!rc) rc = run_sql(st, sql.z, &w, times, &wr, o, err, nerr);
  writer_end(&wr);
  buf_free(&sql);
  where_free(&w);
  return rc;
}
