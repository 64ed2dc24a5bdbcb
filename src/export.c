/* export.c: dyad export. jsonl rebuilds the records document by document;
 * csv is query's CSV writer over a whole table; gdelt and plover map each
 * event row to those formats' columns and fields (docs/store.md). */
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"

int export_format(const char *name) {
  static const char *const NAMES[] = {"jsonl", "csv", "gdelt", "plover"};
  for (int i = 0; i < 4; i++)
    if (!strcmp(name, NAMES[i])) return i;
  return -1;
}

static int has_filters(const query_opts *o) {
  return o->actor || o->source || o->target || o->dyad || o->cameo || o->plover || o->from ||
         o->to || o->text || o->claim || o->doc;
}

/* ---- jsonl -------------------------------------------------------------- */

/* The kinds written after each document record, in this order; its errors
 * come before it, as in `dyad code`'s output. */
static const int AFTER_DOC[] = {STORE_SENTENCE, STORE_MENTION,   STORE_EVENT, STORE_CLAIM,
                                STORE_TIMEX,    STORE_QUOTE,     STORE_DUPLICATE, STORE_OTHER};

typedef struct jx {
  store *st;
  FILE *out;
  sqlite3_stmt *per[STORE_NKINDS]; /* a document's rows of each kind */
  arena a;
  buf line;
  char *err;
  size_t nerr;
} jx;

static int jx_prepare(jx *x) {
  buf sql;
  buf_init(&sql);
  int rc = ERR_OK;
  for (int k = STORE_SENTENCE; k < STORE_NKINDS && !rc; k++) {
    buf_clear(&sql);
    store_select_sql(k, NULL, &sql);
    buf_adds(&sql, " WHERE r.document = ? ORDER BY r.id");
    buf_addc(&sql, 0);
    if (sql.oom) rc = ERR_NOMEM;
    else if (sqlite3_prepare_v2(store_db(x->st), sql.z, -1, &x->per[k], NULL)) rc = ERR_IO;
  }
  if (rc) snprintf(x->err, x->nerr, "cannot read the store: %s", sqlite3_errmsg(store_db(x->st)));
  buf_free(&sql);
  return rc;
}

static void jx_line(jx *x, int kind, sqlite3_stmt *row) {
  buf_clear(&x->line);
  store_row_json(kind, row, &x->a, &x->line);
  fwrite(x->line.z, 1, x->line.n, x->out);
  arena_reset(&x->a);
}

/* jx_rows writes the document's rows of kind. */
static int jx_rows(jx *x, int kind, sqlite3_int64 doc) {
  sqlite3_stmt *s = x->per[kind];
  int rc;
  sqlite3_bind_int64(s, 1, doc);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) jx_line(x, kind, s);
  sqlite3_reset(s);
  if (rc == SQLITE_DONE) return ERR_OK;
  snprintf(x->err, x->nerr, "cannot read the store: %s", sqlite3_errmsg(store_db(x->st)));
  return ERR_IO;
}

static int jx_document(void *ctx, sqlite3_stmt *row) {
  jx *x = ctx;
  sqlite3_int64 doc = sqlite3_column_int64(row, STORE_COL_ID);
  int rc = jx_rows(x, STORE_ERROR, doc);
  if (!rc) jx_line(x, STORE_DOCUMENT, row);
  for (size_t i = 0; i < sizeof AFTER_DOC / sizeof *AFTER_DOC && !rc; i++)
    rc = jx_rows(x, AFTER_DOC[i], doc);
  return rc;
}

static int jx_lone_error(void *ctx, sqlite3_stmt *row) {
  jx_line(ctx, STORE_ERROR, row);
  return ERR_OK;
}

static int export_jsonl(store *st, const query_opts *o, FILE *out, char *err, size_t nerr) {
  jx x;
  memset(&x, 0, sizeof x);
  x.st = st, x.out = out, x.err = err, x.nerr = nerr;
  arena_init(&x.a, 64 * 1024);
  buf_init(&x.line);
  buf sql;
  buf_init(&sql);
  int rc = jx_prepare(&x);
  store_select_sql(STORE_DOCUMENT, NULL, &sql);
  buf_addc(&sql, 0);
  if (!rc) rc = query_each(st, o, STORE_DOCUMENT, sql.z, jx_document, &x, err, nerr);
  /* errors of no document (a line that could not be read) come last; a
   * filtered export selects documents, so it has none */
  buf_clear(&sql);
  store_select_sql(STORE_ERROR, NULL, &sql);
  buf_adds(&sql, " WHERE r.document IS NULL");
  buf_addc(&sql, 0);
  query_opts none;
  query_init(&none, out);
  if (!rc && !has_filters(o))
    rc = query_each(st, &none, STORE_ERROR, sql.z, jx_lone_error, &x, err, nerr);
  for (int k = 0; k < STORE_NKINDS; k++) sqlite3_finalize(x.per[k]);
  buf_free(&sql);
  buf_free(&x.line);
  arena_free(&x.a);
  return rc;
}

/* ---- gdelt -------------------------------------------------------------- */

/* GDELT 1.0's event table: 57 columns, and SOURCEURL in daily files from
 * April 2013 on. Tab-separated, no header line. */
static const char *const GDELT_COLS[] = {
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL"};
#define GDELT_NCOLS (sizeof GDELT_COLS / sizeof *GDELT_COLS)

static const char GDELT_SELECT[] =
    "SELECT r.id, r.date, r.source_code, r.source_name, r.target_code, r.target_name, r.cameo, "
    "r.root, r.quad_class, r.goldstein, r.location_name, s.para, d.url, d.doc, d.date "
    "FROM events r LEFT JOIN documents d ON d.id = r.document "
    "LEFT JOIN sentences s ON s.id = r.sentence";
enum { G_ID, G_DATE, G_SCODE, G_SNAME, G_TCODE, G_TNAME, G_CAMEO, G_ROOT, G_QUAD, G_GOLD, G_LOC,
       G_PARA, G_URL, G_DOC, G_DOCDATE };

/* The 3-letter codes GDELT files as a type (role) of an actor; a first
 * chunk outside this list is the country, any other later chunk the known
 * group (UNO in IGOUNO). */
static int is_type_code(const char *z) {
  static const char TYPES[] =
      " AGR BUS COP CRM CVL DEV EDU ELI ENV GOV HLH HRI IGO IMG INS JUD LAB LEG MED MIL MNC "
      "MOD NGM NGO OPP RAD REB REF REL SEP SPY UAF UNK ";
  char key[6] = {' ', z[0], z[1], z[2], ' ', 0};
  return strstr(TYPES, key) != NULL;
}

typedef struct gdelt_actor {
  char country[4], group[4], type[3][4];
} gdelt_actor;

static void split_actor(const char *code, gdelt_actor *g) {
  memset(g, 0, sizeof *g);
  size_t n = code ? strlen(code) : 0;
  int nt = 0;
  for (size_t i = 0; i + 3 <= n; i += 3) {
    const char *c = code + i;
    char *slot = NULL;
    if (i == 0 && !is_type_code(c)) slot = g->country;
    else if (is_type_code(c) && nt < 3) slot = g->type[nt++];
    else if (!g->group[0] && !is_type_code(c)) slot = g->group;
    if (slot) memcpy(slot, c, 3);
  }
}

/* field writes a tab (unless first) and z with tabs and newlines made spaces. */
static void field(buf *b, const char *z, int first) {
  if (!first) buf_addc(b, '\t');
  for (; z && *z; z++) buf_addc(b, *z == '\t' || *z == '\n' || *z == '\r' ? ' ' : *z);
}

static const char *col(sqlite3_stmt *s, int c) {
  return c < 0 ? NULL : (const char *)sqlite3_column_text(s, c);
}

static void gdelt_actor_fields(buf *b, sqlite3_stmt *s, int code, int name) {
  gdelt_actor g;
  split_actor(col(s, code), &g);
  field(b, col(s, code), 0);
  field(b, col(s, name), 0);
  field(b, g.country, 0);
  field(b, g.group, 0);
  for (int i = 0; i < 3; i++) field(b, "", 0); /* ethnic, religion 1 and 2: not coded */
  for (int i = 0; i < 3; i++) field(b, g.type[i], 0);
}

static int days_before(int y, int m) {
  static const int CUM[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return CUM[m - 1] + (leap && m > 2);
}

/* gdelt_dates writes SQLDATE, MonthYear, Year and FractionDate from an event
 * date that may be YYYY-MM-DD, YYYY-MM or YYYY (a missing month or day is
 * taken as the first). */
static void gdelt_dates(buf *b, const char *date) {
  int y = 0, m = 1, d = 1;
  if (!date || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) < 1 || m < 1 || m > 12 || d < 1 || d > 31) {
    for (int i = 0; i < 4; i++) field(b, "", 0);
    return;
  }
  buf_printf(b, "\t%04d%02d%02d\t%04d%02d\t%04d\t%.4f", y, m, d, y, m, y,
             y + (days_before(y, m) + d) / 365.0);
}

static void gdelt_number(buf *b, sqlite3_stmt *s, int c) {
  buf_addc(b, '\t');
  if (sqlite3_column_type(s, c) != SQLITE_NULL) buf_printf(b, "%g", sqlite3_column_double(s, c));
}

static void gdelt_event_fields(buf *b, sqlite3_stmt *s) {
  const char *cameo = col(s, G_CAMEO), *para = col(s, G_PARA);
  char base[4] = {0};
  if (cameo) memcpy(base, cameo, strlen(cameo) < 3 ? strlen(cameo) : 3);
  field(b, para ? (atoi(para) == 0 ? "1" : "0") : "", 0);
  field(b, cameo, 0);
  field(b, base, 0);
  field(b, col(s, G_ROOT), 0);
  field(b, col(s, G_QUAD), 0);
  gdelt_number(b, s, G_GOLD);
  buf_adds(b, "\t1\t1\t1\t"); /* one mention, one source, one article; AvgTone: not measured */
}

static int gdelt_row(void *ctx, sqlite3_stmt *s) {
  buf *b = ctx;
  char added[9] = {0};
  const char *dd = col(s, G_DOCDATE), *url = col(s, G_URL);
  buf_clear(b);
  field(b, col(s, G_ID), 1);
  gdelt_dates(b, col(s, G_DATE));
  gdelt_actor_fields(b, s, G_SCODE, G_SNAME);
  gdelt_actor_fields(b, s, G_TCODE, G_TNAME);
  gdelt_event_fields(b, s);
  for (int i = 0; i < 14; i++) field(b, "", 0); /* Actor1Geo_*, Actor2Geo_*: not geocoded */
  field(b, "", 0);                              /* ActionGeo_Type */
  field(b, col(s, G_LOC), 0);                   /* ActionGeo_FullName: the place as named */
  for (int i = 0; i < 5; i++) field(b, "", 0);  /* country (FIPS), ADM1, lat, long, feature */
  if (dd && strlen(dd) >= 10) snprintf(added, sizeof added, "%.4s%.2s%.2s", dd, dd + 5, dd + 8);
  field(b, added, 0);
  field(b, url ? url : col(s, G_DOC), 0);
  buf_addc(b, '\n');
  return b->oom ? ERR_NOMEM : ERR_OK;
}

typedef struct out_ctx {
  buf b;
  FILE *out;
} out_ctx;

static int gdelt_emit(void *ctx, sqlite3_stmt *s) {
  out_ctx *c = ctx;
  int rc = gdelt_row(&c->b, s);
  if (!rc) fwrite(c->b.z, 1, c->b.n, c->out);
  return rc;
}

static int export_gdelt(store *st, const query_opts *o, int header, FILE *out, char *err,
                        size_t nerr) {
  out_ctx c = {{0}, out};
  if (header)
    for (size_t i = 0; i < GDELT_NCOLS; i++) fprintf(out, "%s%s", GDELT_COLS[i], i + 1 < GDELT_NCOLS ? "\t" : "\n");
  int rc = query_each(st, o, STORE_EVENT, GDELT_SELECT, gdelt_emit, &c, err, nerr);
  buf_free(&c.b);
  return rc;
}

/* ---- plover ------------------------------------------------------------- */

/* PLOVER's columns, found by name in a store_select_sql(EVENT) row. */
enum { P_DOC, P_SENT, P_START, P_END, P_TEXT, P_SCODE, P_SNAME, P_TCODE, P_TNAME, P_ACODE,
       P_ANAME, P_CAMEO, P_QUAD, P_GOLD, P_PLOVER, P_VERB, P_NEG, P_DATE, P_LOC, P_LOCC, P_URL,
       P_TITLE, P_PUB, P_N, P_NCOLS };
static const char *const P_NAMES[P_NCOLS] = {
    "_doc", "_sent", "_start", "_end", "_text", "source_code", "source_name", "target_code",
    "target_name", "attribution_code", "attribution_name", "cameo", "quad_class", "goldstein",
    "plover", "verb_text", "negated", "date", "location_name", "location_country", "_url",
    "_title", "_pub", "_n"};

typedef struct px {
  FILE *out;
  buf b;
  int col[P_NCOLS];
  int found;
  size_t skipped;
} px;

static void json_member(buf *b, const char *name, const char *z) {
  buf_printf(b, ",\"%s\":", name);
  buf_json_strz(b, z);
}

/* entity writes a PLOVER entity: the country (or IGO, NGO ...) code, the
 * sector (the rest of the CAMEO code), and the text that named it. */
static void entity(buf *b, const char *code, const char *name) {
  char top[4] = {0};
  if (code) memcpy(top, code, strlen(code) < 3 ? strlen(code) : 3);
  buf_adds(b, "{\"code\":");
  buf_json_strz(b, top);
  if (code && strlen(code) > 3) json_member(b, "sector", code + 3);
  if (name) json_member(b, "entity_text", name);
  buf_addc(b, '}');
}

static void plover_actors(px *x, sqlite3_stmt *s) {
  buf *b = &x->b;
  const char *sc = col(s, x->col[P_SCODE]), *tc = col(s, x->col[P_TCODE]),
             *ac = col(s, x->col[P_ACODE]);
  buf_adds(b, ",\"actor\":[");
  if (sc) entity(b, sc, col(s, x->col[P_SNAME]));
  buf_addc(b, ']');
  if (tc) buf_adds(b, ",\"recipient\":["), entity(b, tc, col(s, x->col[P_TNAME])), buf_addc(b, ']');
  if (ac) buf_adds(b, ",\"attribution\":"), entity(b, ac, col(s, x->col[P_ANAME]));
}

static void plover_event(px *x, sqlite3_stmt *s) {
  buf *b = &x->b;
  const char *loc = col(s, x->col[P_LOC]), *verb = col(s, x->col[P_VERB]);
  buf_adds(b, ",\"event\":[");
  buf_json_strz(b, col(s, x->col[P_PLOVER]));
  buf_addc(b, ']');
  if (verb) buf_adds(b, ",\"event_text\":["), buf_json_strz(b, verb), buf_addc(b, ']');
  if (loc) {
    buf_adds(b, ",\"event_loc\":{\"extracted_place\":");
    buf_json_strz(b, loc);
    if (col(s, x->col[P_LOCC])) json_member(b, "country_code", col(s, x->col[P_LOCC]));
    buf_addc(b, '}');
  }
  if (col(s, x->col[P_QUAD])) buf_printf(b, ",\"quad_code\":%s", col(s, x->col[P_QUAD]));
  /* PLOVER's auxiliary mode for "did not ..." events goes in context */
  if (x->col[P_NEG] >= 0 && sqlite3_column_int(s, x->col[P_NEG])) buf_adds(b, ",\"context\":[\"negation\"]");
}

static void plover_text(px *x, sqlite3_stmt *s) {
  buf *b = &x->b;
  if (col(s, x->col[P_TEXT])) {
    json_member(b, "text", col(s, x->col[P_TEXT]));
    buf_printf(b, ",\"text_info\":{\"sequence\":%s,\"start\":%s,\"end\":%s}",
               col(s, x->col[P_SENT]), col(s, x->col[P_START]), col(s, x->col[P_END]));
  }
  buf_adds(b, ",\"cite_info\":{\"citation\":");
  buf_json_strz(b, col(s, x->col[P_DOC]));
  static const int CITE[] = {P_URL, P_TITLE, P_PUB};
  static const char *const CNAME[] = {"url", "title", "publication"};
  for (int i = 0; i < 3; i++)
    if (col(s, x->col[CITE[i]])) json_member(b, CNAME[i], col(s, x->col[CITE[i]]));
  buf_adds(b, "},\"coder\":\"dyad\"");
  /* beyond PLOVER's fields (the manual invites them): the CAMEO code and
   * its Goldstein score, for splicing with CAMEO-coded data */
  json_member(b, "cameo", col(s, x->col[P_CAMEO]));
  if (col(s, x->col[P_GOLD]))
    buf_printf(b, ",\"goldstein\":%.15g", sqlite3_column_double(s, x->col[P_GOLD]));
}

static void plover_cols(px *x, sqlite3_stmt *s) {
  for (int i = 0; i < P_NCOLS; i++)
    for (int c = 0; c < sqlite3_column_count(s); c++)
      if (!strcmp(sqlite3_column_name(s, c), P_NAMES[i])) x->col[i] = c;
  x->found = 1;
}

/* plover_id is unique in the store and stable across stores: the document's
 * id and the event's place among the document's events. */
static void plover_id(buf *b, const char *doc, const char *n) {
  buf id;
  buf_init(&id);
  buf_printf(&id, "%s-e%s", doc ? doc : "", n ? n : "0");
  buf_json_str(b, id.z ? id.z : "", id.n);
  buf_free(&id);
}

static int plover_row(void *ctx, sqlite3_stmt *s) {
  px *x = ctx;
  if (!x->found) plover_cols(x, s);
  if (!col(s, x->col[P_PLOVER])) return x->skipped++, ERR_OK;
  buf *b = &x->b;
  buf_clear(b);
  buf_adds(b, "{\"id\":");
  plover_id(b, col(s, x->col[P_DOC]), col(s, x->col[P_N]));
  json_member(b, "date", col(s, x->col[P_DATE]));
  plover_actors(x, s);
  plover_event(x, s);
  plover_text(x, s);
  buf_adds(b, "}\n");
  if (b->oom) return ERR_NOMEM;
  fwrite(b->z, 1, b->n, x->out);
  return ERR_OK;
}

static int export_plover(store *st, const query_opts *o, FILE *out, size_t *skipped, char *err,
                         size_t nerr) {
  px x;
  memset(&x, 0, sizeof x);
  x.out = out;
  for (int i = 0; i < P_NCOLS; i++) x.col[i] = -1;
  buf sql;
  buf_init(&sql);
  store_select_sql(STORE_EVENT,
                   ", d.url AS _url, d.title AS _title, d.source AS _pub, r.id - (SELECT min(e.id) "
                   "FROM events e WHERE e.document = r.document) AS _n",
                   &sql);
  buf_addc(&sql, 0);
  int rc = sql.oom ? ERR_NOMEM : query_each(st, o, STORE_EVENT, sql.z, plover_row, &x, err, nerr);
  *skipped = x.skipped;
  buf_free(&sql);
  buf_free(&x.b);
  return rc;
}

/* ---- csv ---------------------------------------------------------------- */

static int export_csv(store *st, const query_opts *o, FILE *out, char *err, size_t nerr) {
  query_opts q = *o;
  q.format = QUERY_CSV;
  q.kind = o->kind >= 0 ? o->kind : STORE_EVENT;
  q.evidence = 1;
  q.limit = 0;
  return query_run(st, &q, out, err, nerr);
}

int export_run(store *st, int format, const query_opts *o, int header, FILE *out,
               size_t *skipped, char *err, size_t nerr) {
  *skipped = 0;
  switch (format) {
  case EXPORT_JSONL: return export_jsonl(st, o, out, err, nerr);
  case EXPORT_CSV: return export_csv(st, o, out, err, nerr);
  case EXPORT_GDELT: return export_gdelt(st, o, header, out, err, nerr);
  case EXPORT_PLOVER: return export_plover(st, o, out, skipped, err, nerr);
  }
  snprintf(err, nerr, "unknown export format");
  return ERR_INVALID;
}
