/* store.c: the SQLite store. Sections: the record-to-column map, hashing,
 * opening and the schema, writing documents, merging, checking, reading rows
 * back as records. */
#include "store.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "err.h"
#include "json.h"

/* ---- the record-to-column map ----------------------------------------- */

/* Field types. The first ten map a record field to columns; the last four
 * are the fields a sentence-level record shares with its sentence, which are
 * stored once, in sentences, and only compared on the way in. */
enum {
  F_STR,      /* string: TEXT */
  F_INT,      /* integer: INTEGER */
  F_NUM,      /* number: REAL */
  F_BOOL,     /* true/false: INTEGER 1/0 */
  F_JSON,     /* any JSON (document.meta): its text */
  F_SPAN,     /* [start, end]: name_start, name_end */
  F_ACTOR,    /* {code, name, span}: name_code, name_name, name_start, name_end */
  F_TEXTSPAN, /* {text, span}: name_text, name_start, name_end */
  F_LOC,      /* {name, country, span}: name_name, name_country, name_start, name_end */
  F_DOCSPAN,  /* {doc, span}: name_doc, name_start, name_end */
  F_DOCREF,   /* "doc": the document's id */
  F_SENT,     /* "sent": the sentence's index */
  F_SSPAN,    /* "span": the sentence's span */
  F_STEXT,    /* "text": the sentence's text */
};

typedef struct ftype {
  int ncol;
  const char *suffix[4];
  const char *sqltype[4];
  const char *key[3]; /* object members, in order, for the object types */
} ftype;

static const ftype FTYPES[] = {
    [F_STR] = {1, {""}, {"TEXT"}, {0}},
    [F_INT] = {1, {""}, {"INTEGER"}, {0}},
    [F_NUM] = {1, {""}, {"REAL"}, {0}},
    [F_BOOL] = {1, {""}, {"INTEGER"}, {0}},
    [F_JSON] = {1, {""}, {"TEXT"}, {0}},
    [F_SPAN] = {2, {"_start", "_end"}, {"INTEGER", "INTEGER"}, {0}},
    [F_ACTOR] = {4, {"_code", "_name", "_start", "_end"}, {"TEXT", "TEXT", "INTEGER", "INTEGER"},
                 {"code", "name", "span"}},
    [F_TEXTSPAN] = {3, {"_text", "_start", "_end"}, {"TEXT", "INTEGER", "INTEGER"},
                    {"text", "span"}},
    [F_LOC] = {4, {"_name", "_country", "_start", "_end"}, {"TEXT", "TEXT", "INTEGER", "INTEGER"},
               {"name", "country", "span"}},
    [F_DOCSPAN] = {3, {"_doc", "_start", "_end"}, {"TEXT", "INTEGER", "INTEGER"}, {"doc", "span"}},
    [F_DOCREF] = {0, {0}, {0}, {0}},
    [F_SENT] = {0, {0}, {0}, {0}},
    [F_SSPAN] = {0, {0}, {0}, {0}},
    [F_STEXT] = {0, {0}, {0}, {0}},
};

typedef struct field {
  const char *name; /* the record's field; also the column (prefix) name */
  int type;
} field;

#define SENT_FIELDS {"doc", F_DOCREF}, {"sent", F_SENT}, {"span", F_SSPAN}, {"text", F_STEXT}

/* The fields of each kind, in SCHEMA.md's order (the order records are
 * rebuilt in). Fields that dyad writes beyond SCHEMA.md (document paragraphs
 * and dateline, sentence para, mention pattern and agent, event mood, quote
 * who) have columns too; any other goes to `extra`. */
static const field FD_DOCUMENT[] = {
    {"doc", F_STR},       {"date", F_STR},     {"source", F_STR},     {"title", F_STR},
    {"url", F_STR},       {"bytes", F_INT},    {"sentences", F_INT},  {"paragraphs", F_INT},
    {"dateline", F_TEXTSPAN}, {"meta", F_JSON}, {"duplicate_of", F_STR}};
static const field FD_SENTENCE[] = {{"doc", F_DOCREF}, {"sent", F_INT},    {"span", F_SPAN},
                                    {"text", F_STR},   {"tokens", F_INT}, {"para", F_INT}};
static const field FD_MENTION[] = {SENT_FIELDS, {"actor", F_ACTOR}, {"resolved_from", F_SPAN},
                                   {"pattern", F_STR}, {"agent", F_STR}};
static const field FD_EVENT[] = {
    SENT_FIELDS,          {"source", F_ACTOR},  {"target", F_ACTOR},      {"cameo", F_STR},
    {"root", F_STR},      {"quad_class", F_INT}, {"goldstein", F_NUM},    {"plover", F_STR},
    {"verb", F_TEXTSPAN}, {"negated", F_BOOL},  {"attribution", F_ACTOR}, {"date", F_STR},
    {"location", F_LOC},  {"pattern", F_STR},   {"mood", F_STR}};
static const field FD_CLAIM[] = {SENT_FIELDS,          {"quantity", F_NUM},   {"low", F_NUM},
                                 {"high", F_NUM},      {"qualifier", F_STR},  {"claim", F_STR},
                                 {"subject", F_ACTOR}, {"attribution", F_ACTOR},
                                 {"number", F_TEXTSPAN}};
static const field FD_TIMEX[] = {SENT_FIELDS, {"expr", F_TEXTSPAN}, {"value", F_STR},
                                 {"granularity", F_STR}, {"modifier", F_STR}};
static const field FD_QUOTE[] = {SENT_FIELDS, {"quote", F_TEXTSPAN}, {"speaker", F_ACTOR},
                                 {"who", F_TEXTSPAN}};
static const field FD_DUPLICATE[] = {
    {"doc", F_DOCREF}, {"span", F_SPAN}, {"of", F_DOCSPAN}, {"similarity", F_NUM}};
static const field FD_ERROR[] = {
    {"input", F_STR}, {"line", F_INT}, {"doc", F_STR}, {"message", F_STR}};
static const field FD_OTHER[] = {{"kind", F_STR}, {"json", F_JSON}};

typedef struct kind_spec {
  const char *kind, *table;
  unsigned flags;
  const field *f;
  size_t nf;
} kind_spec;

#define N(a) (sizeof(a) / sizeof((a)[0]))
static const kind_spec KINDS[STORE_NKINDS] = {
    [STORE_DOCUMENT] = {"document", "documents", 0, FD_DOCUMENT, N(FD_DOCUMENT)},
    [STORE_SENTENCE] = {"sentence", "sentences", STORE_K_DOC, FD_SENTENCE, N(FD_SENTENCE)},
    [STORE_MENTION] = {"mention", "mentions", STORE_K_DOC | STORE_K_SENT, FD_MENTION,
                       N(FD_MENTION)},
    [STORE_EVENT] = {"event", "events", STORE_K_DOC | STORE_K_SENT, FD_EVENT, N(FD_EVENT)},
    [STORE_CLAIM] = {"claim", "claims", STORE_K_DOC | STORE_K_SENT, FD_CLAIM, N(FD_CLAIM)},
    [STORE_TIMEX] = {"timex", "timexes", STORE_K_DOC | STORE_K_SENT, FD_TIMEX, N(FD_TIMEX)},
    [STORE_QUOTE] = {"quote", "quotes", STORE_K_DOC | STORE_K_SENT, FD_QUOTE, N(FD_QUOTE)},
    [STORE_DUPLICATE] = {"duplicate", "duplicates", STORE_K_DOC, FD_DUPLICATE,
                         N(FD_DUPLICATE)},
    [STORE_ERROR] = {"error", "errors", STORE_K_DOC, FD_ERROR, N(FD_ERROR)},
    [STORE_OTHER] = {"other", "records", STORE_K_DOC | STORE_K_SENT, FD_OTHER, N(FD_OTHER)},
};

/* Secondary indexes: each serves a query filter (docs/store.md); the
 * `document` ones serve --doc and export. Every index costs each insert a
 * b-tree descent, so a filter that is cheap enough as a scan (--plover) has
 * none. */
static const char *const INDEXES[] = {
    "CREATE INDEX documents_doc ON documents(doc)",
    "CREATE INDEX documents_date ON documents(date)",
    "CREATE INDEX sentences_document ON sentences(document)",
    "CREATE INDEX mentions_code ON mentions(actor_code)",
    "CREATE INDEX mentions_document ON mentions(document)",
    /* source side of --actor, --source, --dyad; covering for monthly series */
    "CREATE INDEX events_dyad ON events(source_code, target_code, date, goldstein)",
    "CREATE INDEX events_target ON events(target_code, date, goldstein)",
    "CREATE INDEX events_date ON events(date, goldstein)",
    "CREATE INDEX events_cameo ON events(cameo)",
    "CREATE INDEX events_document ON events(document)",
    "CREATE INDEX claims_claim ON claims(claim)",
    "CREATE INDEX claims_document ON claims(document)",
    "CREATE INDEX timexes_value ON timexes(value)",
    "CREATE INDEX timexes_document ON timexes(document)",
    "CREATE INDEX quotes_speaker ON quotes(speaker_code)",
    "CREATE INDEX quotes_document ON quotes(document)",
    "CREATE INDEX duplicates_document ON duplicates(document)",
    "CREATE INDEX errors_document ON errors(document)",
    "CREATE INDEX records_kind ON records(kind)",
    "CREATE INDEX records_document ON records(document)",
};

int store_kind_find(const char *name) {
  for (int k = 0; k < STORE_NKINDS; k++)
    if (!strcmp(name, KINDS[k].kind) || !strcmp(name, KINDS[k].table)) return k;
  return -1;
}

const char *store_kind_name(int kind) { return KINDS[kind].kind; }
const char *store_kind_table(int kind) { return KINDS[kind].table; }
unsigned store_kind_flags(int kind) { return KINDS[kind].flags; }

/* kind_of maps a record's kind to its store kind; unknown kinds are OTHER. */
static int kind_of(const char *name) {
  for (int k = 0; k < STORE_OTHER; k++)
    if (!strcmp(name, KINDS[k].kind)) return k;
  return STORE_OTHER;
}

/* add_columns appends ", <column>" for each column of kind's fields, each
 * prefixed with alias (e.g. "r."); with types, "<column> <TYPE>". */
static void add_columns(buf *b, int kind, const char *alias, int types) {
  const kind_spec *ks = &KINDS[kind];
  for (size_t i = 0; i < ks->nf; i++) {
    const ftype *t = &FTYPES[ks->f[i].type];
    for (int c = 0; c < t->ncol; c++) {
      buf_printf(b, ", %s%s%s", alias, ks->f[i].name, t->suffix[c]);
      if (types) buf_printf(b, " %s", t->sqltype[c]);
    }
  }
}

/* ---- hashing ------------------------------------------------------------ */

#define H_P1 0x9E3779B185EBCA87ULL
#define H_P2 0xC2B2AE3D27D4EB4FULL
#define H_P3 0x165667B19E3779F9ULL
#define H_P4 0x85EBCA77C2B2AE63ULL
#define H_P5 0x27D4EB2F165667C5ULL

static uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

/* load64 reads 8 bytes little-endian whatever the machine's order, so a
 * store's hashes are the same on every platform. */
static uint64_t load64(const unsigned char *p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; i--) v = v << 8 | p[i];
  return v;
}

static void hash_word(store_hasher *h, uint64_t w) {
  h->a = rotl64(h->a ^ (w * H_P2), 31) * H_P1;
  h->b = rotl64(h->b + (w * H_P4), 29) * H_P3 + h->a;
}

static uint64_t avalanche(uint64_t x) {
  x ^= x >> 33;
  x *= H_P2;
  x ^= x >> 29;
  x *= H_P3;
  return x ^ (x >> 32);
}

void store_hash_init(store_hasher *h) {
  memset(h, 0, sizeof *h);
  h->a = H_P5;
  h->b = H_P1 ^ H_P3;
}

void store_hash_add(store_hasher *h, const void *p, size_t n) {
  const unsigned char *z = p;
  h->n += n;
  while (h->ntail && h->ntail < 8 && n) h->tail[h->ntail++] = *z++, n--;
  if (h->ntail == 8) hash_word(h, load64(h->tail)), h->ntail = 0;
  for (; n >= 8; z += 8, n -= 8) hash_word(h, load64(z));
  if (n) memcpy(h->tail + h->ntail, z, n), h->ntail += (unsigned)n;
}

void store_hash_text(store_hasher *h, const char *z, size_t n) {
  unsigned char out[256];
  size_t k = 0;
  int space = 0, any = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)z[i];
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      space = any;
      continue;
    }
    if (k + 2 > sizeof out) store_hash_add(h, out, k), k = 0;
    if (space) out[k++] = ' ', space = 0;
    out[k++] = c;
    any = 1;
  }
  store_hash_add(h, out, k);
}

void store_hash_final(store_hasher *h, unsigned char out[16]) {
  if (h->ntail) {
    unsigned char t[8] = {0};
    memcpy(t, h->tail, h->ntail);
    hash_word(h, load64(t));
  }
  uint64_t a = avalanche(h->a ^ h->n);
  uint64_t b = avalanche(h->b ^ rotl64(h->n * H_P4, 32) ^ a);
  a = avalanche(a + rotl64(b, 17));
  for (int i = 0; i < 8; i++) {
    out[i] = (unsigned char)(a >> (8 * i));
    out[8 + i] = (unsigned char)(b >> (8 * i));
  }
}

/* ---- the store, opening, the schema ------------------------------------ */

typedef struct rec {
  const json_node *j;
  int kind;
  long sent; /* sentence-level records: the sentence; else -1 */
} rec;

/* One entry per sentence a document's records refer to, sorted by sent. */
typedef struct sent_ref {
  long sent;
  int synth;             /* no sentence record: made from the first record naming it */
  sqlite3_int64 rowid;   /* 0 until inserted */
  const json_node *span, *text;
} sent_ref;

/* A job for the writer: the records of one store_add_jsonl() call, parsed
 * into its own arena (the text, its nodes and the record lists), as units in
 * input order: a whole document (recs[0] its document record), or one error
 * record that belongs to no document (lone). Jobs are recycled, arena and
 * all, so a long ingest settles into no malloc per document. */
typedef struct unit {
  rec *recs;
  size_t n;
  int lone;
  unsigned char hash[16]; /* a document's identity (doc_hash), taken by the reader */
} unit;

typedef struct job {
  struct job *next;
  arena a;
  unit *units;
  size_t nunits, capunits;
  const char *text; /* or the lines still to read, for the writer to read */
  size_t ntext;
} job;

/* What reads lines into a job: the caller of store_add_jsonl, or the
 * writer thread (a job handed over unread). Each has its own. */
typedef struct reader_state {
  job *job;
  int now;             /* store each unit as it is read, not queue it */
  store_stats *stats;  /* where counts go */
  rec *recs;           /* the document being read: recs[0] is its document record */
  size_t nrecs, caprecs;
  rec *errs; /* error records not yet placed */
  size_t nerrs, caperrs;
} reader_state;

/* Rows of one document's records of a kind wait here to be inserted
 * several at a time, with statements of 2^k rows (k < STORE_SIZES): one
 * statement per row cost more than the rows (a cursor on the table and each
 * index opened and sought per statement). */
#define STORE_SIZES 5

typedef struct pend_row {
  const rec *r;
  const sent_ref *ref;
} pend_row;

typedef struct pending {
  pend_row *v;
  size_t n, cap;
} pending;

struct store {
  sqlite3 *db;
  char *path;
  int writable;
  sqlite3_stmt *ins[STORE_NKINDS], *find, *fts;
  sqlite3_stmt *insn[STORE_NKINDS][STORE_SIZES]; /* 2^k rows at once (multi_row kinds) */
  int ncols[STORE_NKINDS];                        /* parameters of one row */
  pending pend_rows[STORE_NKINDS];  /* the document's rows waiting for insn */
  int in_txn;
  sqlite3_int64 fts_from; /* first sentence not yet in sentence_fts (index_new); 0: none */
  size_t txn_docs;
  double txn_t0;
  size_t batch_docs;
  unsigned batch_ms;
  store_stats pend; /* counts of the open transaction */
  reader_state rd, wrd; /* the caller's, the writer thread's */
  job *pool;        /* jobs written, for reuse */
  sent_ref *refs;
  size_t nrefs, caprefs;
  rec *cur; /* the document being written */
  size_t ncur;
  arena a;
  buf scratch;
  char err[700];
  /* The writer thread (store_async): the caller parses and queues jobs;
   * the writer alone uses the connection until the queue is drained. */
  int async, closing, wfailed, wbusy;
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t cv_job, cv_room, cv_idle;
  struct job *head, *tail;
  struct job *done; /* jobs written, for the caller to reuse */
  size_t njobs;
  store_stats wstats; /* the writer's counts, handed over when drained */
  store_stats shown;  /* a copy of them after the last job, for store_peek */
};

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void set_err(store *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_err(store *st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(st->err, sizeof st->err, fmt, ap);
  va_end(ap);
}

const char *store_errmsg(const store *st) { return st->err; }
sqlite3 *store_db(store *st) { return st->db; }

/* write_limit names what most likely made a write fail: SQLite keeps no
 * reliable errno for a failed write (it reads errno after other calls). */
static const char *write_limit(void) {
  struct rlimit rl;
  if (getrlimit(RLIMIT_FSIZE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
    return "the file size limit (ulimit -f) is reached";
  return "the disk is full";
}

/* sql_reason describes an SQLite failure the way a user can act on it. */
static void sql_reason(sqlite3 *db, int rc, char *out, size_t n) {
  int sys = sqlite3_system_errno(db), prim = rc & 0xff;
  if (prim == SQLITE_FULL || rc == SQLITE_IOERR_WRITE || sys == ENOSPC || sys == EFBIG)
    snprintf(out, n, "a write failed: %s (%s)", write_limit(), sqlite3_errstr(rc));
  else if (prim == SQLITE_BUSY || prim == SQLITE_LOCKED)
    snprintf(out, n, "the database is locked by another process (another ingest or merge?)");
  else if (prim == SQLITE_READONLY)
    snprintf(out, n, "the database or its directory is read-only (%s)", sqlite3_errmsg(db));
  else if (prim == SQLITE_NOTADB)
    snprintf(out, n, "not a dyad database (not an SQLite file)");
  else if (sys && (prim == SQLITE_IOERR || prim == SQLITE_CANTOPEN))
    snprintf(out, n, "%s (%s)", sqlite3_errmsg(db), strerror(sys));
  else
    snprintf(out, n, "%s", sqlite3_errmsg(db));
}

/* sql_fail records why rc failed while doing what; returns the err.h code. */
static int sql_fail(store *st, int rc, const char *what) {
  char why[400];
  sql_reason(st->db, rc, why, sizeof why);
  set_err(st, "%s: %s: %s", st->path, what, why);
  return (rc & 0xff) == SQLITE_NOMEM ? ERR_NOMEM : ERR_IO;
}

static int exec(store *st, const char *sql, const char *what) {
  int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
  return rc == SQLITE_OK ? ERR_OK : sql_fail(st, rc, what);
}

/* pragma_int reads an integer pragma or query; returns the SQLite code. */
static int query_int(sqlite3 *db, const char *sql, sqlite3_int64 *out) {
  sqlite3_stmt *s;
  int rc = sqlite3_prepare_v2(db, sql, -1, &s, NULL);
  if (rc) return rc;
  rc = sqlite3_step(s);
  *out = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
  rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
  sqlite3_finalize(s);
  return rc;
}

/* table_sql appends the CREATE TABLE statement of kind. */
static void table_sql(buf *b, int kind) {
  const kind_spec *ks = &KINDS[kind];
  buf_printf(b, "CREATE TABLE %s(id INTEGER PRIMARY KEY", ks->table);
  if (kind == STORE_DOCUMENT) buf_adds(b, ", hash BLOB NOT NULL UNIQUE, records INTEGER NOT NULL");
  if (ks->flags & STORE_K_DOC) buf_adds(b, ", document INTEGER REFERENCES documents(id)");
  if (ks->flags & STORE_K_SENT) buf_adds(b, ", sentence INTEGER REFERENCES sentences(id)");
  if (kind == STORE_ERROR) buf_adds(b, ", hash BLOB NOT NULL UNIQUE");
  add_columns(b, kind, "", 1);
  if (kind != STORE_OTHER) buf_adds(b, ", extra TEXT");
  buf_adds(b, ");\n");
}

/* schema_sql appends the whole schema of version STORE_VERSION. */
static void schema_sql(buf *b) {
  buf_adds(b, "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);\n");
  for (int k = 0; k < STORE_NKINDS; k++) table_sql(b, k);
  for (size_t i = 0; i < N(INDEXES); i++) buf_printf(b, "%s;\n", INDEXES[i]);
  /* External content: the text is stored once, in sentences; columnsize=0
   * drops per-row sizes (no bm25 ranking: results come in store order). */
  buf_adds(b, "CREATE VIRTUAL TABLE sentence_fts USING fts5(text, content='sentences', "
              "content_rowid='id', columnsize=0, tokenize='unicode61 remove_diacritics 2');\n");
  /* An 8 MB pending-terms table (FTS5's default is 1 MB) makes fewer, larger
   * segments to merge while a batch is indexed: a quarter less CPU. */
  buf_adds(b, "INSERT INTO sentence_fts(sentence_fts, rank) VALUES('hashsize', 8388608);\n");
  buf_printf(b, "INSERT INTO meta VALUES('schema_version', '%d'), ('document_hash', "
                "'dyad-doc-1: 128-bit hash of the id and the white-space-normalised text of "
                "each sentence record');\n",
             STORE_VERSION);
  buf_printf(b, "PRAGMA application_id = %d;\nPRAGMA user_version = %d;\n", STORE_APP_ID,
             STORE_VERSION);
}

static int create_schema(store *st) {
  sqlite3_int64 app = 0;
  int rc = exec(st, "BEGIN IMMEDIATE", "cannot write");
  if (rc) return rc;
  /* another process may have created it while we waited for the lock */
  if (query_int(st->db, "PRAGMA application_id", &app) == SQLITE_OK && app == STORE_APP_ID)
    return exec(st, "COMMIT", "cannot write");
  buf b;
  buf_init(&b);
  schema_sql(&b);
  rc = b.oom ? ERR_NOMEM : exec(st, b.z, "cannot create the schema");
  buf_free(&b);
  if (!rc) rc = exec(st, "COMMIT", "cannot create the schema");
  if (rc) sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
  return rc;
}

/* classify checks that the open file is a dyad store this version reads;
 * *empty is set for a file with nothing in it yet. */
static int classify(store *st, int *empty) {
  sqlite3_int64 app = 0, ver = 0, nobj = 0;
  int rc = query_int(st->db, "PRAGMA application_id", &app);
  if (!rc) rc = query_int(st->db, "PRAGMA user_version", &ver);
  if (!rc) rc = query_int(st->db, "SELECT count(*) FROM sqlite_master", &nobj);
  if ((rc & 0xff) == SQLITE_NOTADB) {
    set_err(st, "%s is not a dyad database (not an SQLite file); refusing to touch it", st->path);
    return ERR_PARSE;
  }
  if (rc) return sql_fail(st, rc, "cannot read");
  *empty = app == 0 && nobj == 0;
  if (*empty) return ERR_OK;
  if (app != STORE_APP_ID) {
    set_err(st, "%s is an SQLite database but not a dyad store; refusing to touch it", st->path);
    return ERR_PARSE;
  }
  if (ver > STORE_VERSION) {
    set_err(st, "%s has store schema version %lld, newer than this dyad's (%d): use a newer dyad",
            st->path, (long long)ver, STORE_VERSION);
    return ERR_PARSE;
  }
  if (ver < 1) {
    set_err(st, "%s is a damaged dyad store (schema version %lld)", st->path, (long long)ver);
    return ERR_PARSE;
  }
  return ERR_OK;
}

/* insert_sql appends the INSERT statement of kind's rows. */
static void insert_sql(buf *b, int kind, int rows) {
  const kind_spec *ks = &KINDS[kind];
  buf_printf(b, "INSERT%s INTO %s(", kind == STORE_ERROR ? " OR IGNORE" : "", ks->table);
  int n = 0;
  if (kind == STORE_DOCUMENT) buf_adds(b, "hash, records"), n += 2;
  if (ks->flags & STORE_K_DOC) buf_adds(b, n ? ", document" : "document"), n++;
  if (ks->flags & STORE_K_SENT) buf_adds(b, ", sentence"), n++;
  if (kind == STORE_ERROR) buf_adds(b, ", hash"), n++;
  size_t mark = b->n;
  add_columns(b, kind, "", 0);
  for (size_t i = mark; i < b->n; i++) n += b->z[i] == ',';
  if (kind != STORE_OTHER) buf_adds(b, ", extra"), n++;
  buf_adds(b, ") VALUES");
  for (int r = 0; r < rows; r++) {
    buf_adds(b, r ? ", (?" : "(?");
    for (int i = 1; i < n; i++) buf_adds(b, ", ?");
    buf_adds(b, ")");
  }
}

/* the kinds whose rows are inserted several at a time (flush_rows) */
static int multi_row(int kind) {
  return kind != STORE_DOCUMENT && kind != STORE_ERROR && kind != STORE_OTHER;
}

static int prepare(store *st, const char *sql, sqlite3_stmt **out) {
  int rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, out, NULL);
  return rc ? sql_fail(st, rc, "cannot prepare a statement") : ERR_OK;
}

static int prepare_writes(store *st) {
  int rc = ERR_OK;
  buf b;
  buf_init(&b);
  for (int k = 0; k < STORE_NKINDS && !rc; k++) {
    buf_clear(&b);
    insert_sql(&b, k, 1);
    buf_addc(&b, 0);
    rc = b.oom ? ERR_NOMEM : prepare(st, b.z, &st->ins[k]);
    if (!rc) st->ncols[k] = sqlite3_bind_parameter_count(st->ins[k]);
    st->insn[k][0] = st->ins[k];
    for (int z = 1; z < STORE_SIZES && !rc && multi_row(k); z++) {
      buf_clear(&b);
      insert_sql(&b, k, 1 << z);
      buf_addc(&b, 0);
      rc = b.oom ? ERR_NOMEM : prepare(st, b.z, &st->insn[k][z]);
    }
  }
  buf_free(&b);
  if (!rc) rc = prepare(st, "SELECT 1 FROM documents WHERE hash = ?", &st->find);
  /* (index_new) */
  if (!rc)
    rc = prepare(st, "INSERT INTO sentence_fts(rowid, text) SELECT id, text FROM sentences "
                     "WHERE id >= ? AND text IS NOT NULL ORDER BY id", &st->fts);
  return rc;
}

/* unwritable says why path cannot be written, when the file system says
 * so (SQLite's own message, "unable to open database file", does not). */
static int unwritable(const char *path, char *out, size_t n) {
  char dir[4096];
  const char *slash = strrchr(path, '/');
  snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + (slash == path) : 1,
           slash ? path : ".");
  if (access(path, F_OK) == 0 && access(path, W_OK) != 0)
    snprintf(out, n, "the file is read-only (%s)", strerror(errno));
  else if (access(dir, W_OK) != 0)
    snprintf(out, n, "the directory %.300s is not writable (%s)", dir, strerror(errno));
  else
    return 0;
  return 1;
}

/* Writing: WAL lets readers (a query) run during an ingest and makes a
 * commit one append; synchronous=NORMAL syncs at checkpoints only, which
 * keeps every committed batch through a process crash (not a power cut).
 * The WAL is checkpointed once it holds 8 MB, after a commit, by the thread
 * that commits (the writer, beside the coding): with a larger one (64 MB
 * before) the whole store was copied from the WAL at store_close(), a third
 * of a second on Reuters after everything else was done. */
static int setup_writes(store *st) {
  static const char *const PRAGMAS =
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536; "
      "PRAGMA temp_store=MEMORY; PRAGMA wal_autocheckpoint=2048;";
  int rc = exec(st, PRAGMAS, "cannot write");
  /* the first write lock shows a read-only file or directory now, not later */
  if (!rc) rc = exec(st, "BEGIN IMMEDIATE; COMMIT;", "cannot write");
  char why[400];
  if (rc && unwritable(st->path, why, sizeof why)) set_err(st, "cannot write %s: %s", st->path, why);
  return rc;
}

static int open_file(store *st, int mode, int *empty) {
  struct stat sb;
  if (stat(st->path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
    set_err(st, "%s is a directory, not a database file", st->path);
    return ERR_INVALID;
  }
  if (mode == STORE_READ && access(st->path, F_OK) != 0) {
    set_err(st, "%s: no such database", st->path);
    return ERR_NOTFOUND;
  }
  int flags = mode == STORE_READ ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(st->path, &st->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc) {
    char why[400];
    if (mode == STORE_READ || !unwritable(st->path, why, sizeof why))
      sql_reason(st->db, rc, why, sizeof why);
    set_err(st, "cannot open %s: %s", st->path, why);
    return ERR_IO;
  }
  sqlite3_extended_result_codes(st->db, 1);
  sqlite3_busy_timeout(st->db, 5000);
  return classify(st, empty);
}

int store_open(const char *path, int mode, store **out, char *err, size_t nerr) {
  *out = NULL;
  store *st = calloc(1, sizeof *st);
  if (!st || !(st->path = strdup(path))) {
    free(st);
    snprintf(err, nerr, "out of memory opening %s", path);
    return ERR_NOMEM;
  }
  st->writable = mode == STORE_WRITE;
  st->batch_docs = 20000;
  st->batch_ms = 1000;
  arena_init(&st->a, 64 * 1024);
  buf_init(&st->scratch);
  int empty = 0;
  int rc = open_file(st, mode, &empty);
  if (!rc && empty && mode == STORE_READ) {
    set_err(st, "%s is empty: not a dyad store yet", path);
    rc = ERR_PARSE;
  }
  if (!rc && mode == STORE_WRITE) rc = setup_writes(st);
  if (!rc && empty) rc = create_schema(st);
  if (!rc && mode == STORE_WRITE) rc = prepare_writes(st);
  if (rc) {
    snprintf(err, nerr, "%s", st->err);
    st->writable = 0; /* nothing to checkpoint */
    store_close(st);
    return rc;
  }
  *out = st;
  return ERR_OK;
}

static void free_jobs(job *j) {
  while (j) {
    job *next = j->next;
    arena_free(&j->a);
    free(j->units);
    free(j);
    j = next;
  }
}

/* leave_one_file checkpoints the WAL into the database and goes back to a
 * rollback journal, so that a finished store is one file that can be copied
 * or read from read-only media. Best effort: a reader holding the file open
 * makes it fail, and the WAL stays (still correct). */
static void leave_one_file(store *st) {
  sqlite3_exec(st->db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;", NULL,
               NULL, NULL);
}

static void stop_writer(store *st);

void store_close(store *st) {
  if (!st) return;
  stop_writer(st);
  if (st->in_txn) sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
  for (int k = 0; k < STORE_NKINDS; k++) {
    sqlite3_finalize(st->ins[k]);
    for (int z = 1; z < STORE_SIZES; z++) sqlite3_finalize(st->insn[k][z]);
    free(st->pend_rows[k].v);
  }
  sqlite3_finalize(st->find);
  sqlite3_finalize(st->fts);
  if (st->db && st->writable) leave_one_file(st);
  sqlite3_close(st->db);
  free_jobs(st->pool);
  free(st->rd.recs);
  free(st->rd.errs);
  free(st->wrd.recs);
  free(st->wrd.errs);
  free(st->refs);
  arena_free(&st->a);
  buf_free(&st->scratch);
  free(st->path);
  free(st);
}

void store_set_batch(store *st, size_t docs, unsigned ms) {
  st->batch_docs = docs ? docs : 1;
  st->batch_ms = ms;
}

/* ---- writing documents -------------------------------------------------- */

static void add_stats(store_stats *to, const store_stats *d) {
  to->docs_added += d->docs_added;
  for (int k = 0; k < STORE_NKINDS; k++) to->rows[k] += d->rows[k];
}

static int begin(store *st) {
  if (st->in_txn) return ERR_OK;
  int rc = exec(st, "BEGIN IMMEDIATE", "cannot start a transaction");
  if (rc) return rc;
  st->in_txn = 1;
  st->txn_docs = 0;
  st->txn_t0 = now_ms();
  return ERR_OK;
}

/* rollback drops the open batch; SQLite may already have rolled it back
 * itself (a full disk, an I/O error). */
static void rollback(store *st, store_stats *stats) {
  if (!sqlite3_get_autocommit(st->db)) sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
  st->in_txn = 0;
  st->fts_from = 0;
  stats->docs_lost += st->pend.docs_added;
  memset(&st->pend, 0, sizeof st->pend);
}

/* commit_now commits the open batch from the thread that writes. */
/* index_new indexes the sentences stored since the last call in one
 * statement (one FTS5 insert per sentence cost more than the indexing
 * itself); called before a commit, and by the writer after each job so that
 * a commit does not hold up the queue. Returns an SQLite code. */
static int index_new(store *st) {
  if (!st->fts_from) return SQLITE_OK;
  sqlite3_bind_int64(st->fts, 1, st->fts_from);
  int rc = sqlite3_step(st->fts);
  sqlite3_reset(st->fts);
  st->fts_from = 0;
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int commit_now(store *st, store_stats *stats) {
  if (!st->in_txn) return ERR_OK;
  int rc = index_new(st);
  if (rc == SQLITE_OK) rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    int r = sql_fail(st, rc, "cannot commit");
    rollback(st, stats);
    return r;
  }
  st->in_txn = 0;
  add_stats(stats, &st->pend);
  memset(&st->pend, 0, sizeof st->pend);
  return ERR_OK;
}

static int drain(store *st, store_stats *stats);

int store_commit(store *st, store_stats *stats) {
  int rc = drain(st, stats);
  return rc ? rc : commit_now(st, stats);
}

static int maybe_commit(store *st, store_stats *stats) {
  if (!st->in_txn) return ERR_OK;
  if (st->txn_docs >= st->batch_docs || now_ms() - st->txn_t0 >= (double)st->batch_ms)
    return commit_now(st, stats);
  return ERR_OK;
}

/* step runs a bound insert and resets it. */
static int step(store *st, sqlite3_stmt *s, const char *what) {
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sql_fail(st, rc, what);
}

static int is_str(const json_node *v) { return v && v->type == JSON_STRING; }

static const char *str_of(const json_node *j, const char *name) {
  const json_node *v = json_member(j, name);
  return is_str(v) ? v->v.s : NULL;
}

/* int_of reads an integral JSON number exactly representable as a double. */
static int int_of(const json_node *v, long long *out) {
  if (!v || v->type != JSON_NUMBER) return 0;
  double d = v->v.num;
  if (!(fabs(d) < 9007199254740992.0) || d != floor(d)) return 0;
  *out = (long long)d;
  return 1;
}

static int is_span(const json_node *v) {
  long long x;
  return v && v->type == JSON_ARRAY && json_count(v) == 2 && int_of(v + 1, &x) &&
         int_of(json_next(v, v + 1), &x);
}

static double span_at(const json_node *v, int end) {
  return end ? json_next(v, v + 1)->v.num : v[1].v.num;
}

static int span_eq(const json_node *a, const json_node *b) {
  if (!is_span(a) || !is_span(b)) return 0;
  return span_at(a, 0) == span_at(b, 0) && span_at(a, 1) == span_at(b, 1);
}

static int same_str(const json_node *a, const json_node *b) {
  return is_str(a) && is_str(b) && a->ns == b->ns && !memcmp(a->v.s, b->v.s, a->ns);
}

/* What a record's shared fields are compared with. */
typedef struct bind_ctx {
  const char *docid;
  const sent_ref *ref;
} bind_ctx;

static void bind_str(sqlite3_stmt *s, int col, const json_node *v) {
  if (is_str(v)) sqlite3_bind_text(s, col, v->v.s, v->ns < INT32_MAX ? (int)v->ns : -1, SQLITE_STATIC);
  else sqlite3_bind_null(s, col);
}

/* bind_span binds a span's two ends; returns 1 if v is neither a span nor null. */
static int bind_span(sqlite3_stmt *s, int col, const json_node *v) {
  if (is_span(v)) {
    sqlite3_bind_int64(s, col, (sqlite3_int64)span_at(v, 0));
    sqlite3_bind_int64(s, col + 1, (sqlite3_int64)span_at(v, 1));
    return 0;
  }
  sqlite3_bind_null(s, col);
  sqlite3_bind_null(s, col + 1);
  return v && v->type != JSON_NULL;
}

/* bind_object binds an actor, {text, span}, location or {doc, span}: each
 * string member to a column, the span to two. Returns 1 if v has another
 * shape (other members, other types): the caller keeps it whole in extra. */
static int bind_object(sqlite3_stmt *s, int col, const ftype *t, const json_node *v) {
  int bad = v && v->type != JSON_NULL && v->type != JSON_OBJECT, nkeys = 0;
  const json_node *obj = v && v->type == JSON_OBJECT ? v : NULL;
  for (int k = 0; k < 3 && t->key[k]; k++, nkeys++) {
    const json_node *m = obj ? json_member(obj, t->key[k]) : NULL;
    if (!strcmp(t->key[k], "span")) {
      bad |= bind_span(s, col, m);
      col += 2;
      continue;
    }
    bad |= m && m->type != JSON_STRING && m->type != JSON_NULL;
    bind_str(s, col++, m);
  }
  return bad || (obj && json_count(obj) != (size_t)nkeys);
}

/* bind_scalar binds one-column types; returns 1 on an unexpected shape. */
static int bind_scalar(store *st, sqlite3_stmt *s, int col, int type, const json_node *v) {
  long long i;
  sqlite3_bind_null(s, col);
  if (!v || v->type == JSON_NULL) return 0;
  switch (type) {
  case F_STR: bind_str(s, col, v); return !is_str(v);
  case F_INT:
    if (!int_of(v, &i)) return 1;
    sqlite3_bind_int64(s, col, i);
    return 0;
  case F_NUM:
    if (v->type != JSON_NUMBER) return 1;
    sqlite3_bind_double(s, col, v->v.num);
    return 0;
  case F_BOOL:
    if (v->type != JSON_TRUE && v->type != JSON_FALSE) return 1;
    sqlite3_bind_int(s, col, v->type == JSON_TRUE);
    return 0;
  case F_JSON: {
    buf b;
    size_t nbad = 0;
    buf_init(&b);
    json_write_node(&b, &st->a, v, &nbad);
    if (!b.oom) sqlite3_bind_text(s, col, b.z, (int)b.n, SQLITE_TRANSIENT);
    buf_free(&b);
    return 0;
  }
  }
  return 1;
}

/* shared_ok says whether a sentence-level record's shared field matches its
 * sentence (or document); a mismatch is kept in extra. */
static int shared_ok(int type, const json_node *v, const bind_ctx *cx) {
  long long i;
  if (!v) return 1;
  switch (type) {
  case F_DOCREF: return is_str(v) && cx->docid && !strcmp(v->v.s, cx->docid);
  case F_SENT: return cx->ref && int_of(v, &i) && i == cx->ref->sent;
  case F_SSPAN: return cx->ref && span_eq(v, cx->ref->span);
  case F_STEXT: return cx->ref && same_str(v, cx->ref->text);
  }
  return 0;
}

static int bind_one(store *st, sqlite3_stmt *s, int col, const field *f, const json_node *v,
                    const bind_ctx *cx) {
  const ftype *t = &FTYPES[f->type];
  if (t->ncol == 0) return !shared_ok(f->type, v, cx);
  if (f->type == F_SPAN) return bind_span(s, col, v);
  if (t->key[0]) return bind_object(s, col, t, v);
  return bind_scalar(st, s, col, f->type, v);
}

static void extra_member(store *st, buf *x, const char *name, const json_node *v) {
  size_t nbad = 0;
  buf_addc(x, x->n ? ',' : '{');
  buf_json_strz(x, name);
  buf_addc(x, ':');
  json_write_node(x, &st->a, v, &nbad);
}

/* match_fields sorts j's members into val[] by field; members of no field
 * (or repeated) are written to the extra object x. Returns the number of
 * fields of kind. */
static size_t match_fields(store *st, int kind, const json_node *j, const json_node **val,
                           buf *x) {
  const kind_spec *ks = &KINDS[kind];
  for (size_t i = 0; i < ks->nf; i++) val[i] = NULL;
  size_t next = 0; /* members come in field order: try the next field first */
  for (const json_node *c = json_first(j); c; c = json_next(j, c)) {
    if (!strcmp(c->key, "kind")) continue;
    size_t i = next;
    if (i >= ks->nf || strcmp(c->key, ks->f[i].name))
      for (i = 0; i < ks->nf && strcmp(c->key, ks->f[i].name);) i++;
    if (i < ks->nf && !val[i]) val[i] = c, next = i + 1;
    else extra_member(st, x, c->key, c);
  }
  return ks->nf;
}

/* bind_fields binds kind's columns from record j starting at column col,
 * then `extra`. Returns the next column. */
static int bind_fields(store *st, sqlite3_stmt *s, int col, int kind, const json_node *j,
                       const bind_ctx *cx) {
  const json_node *val[32];
  buf *x = &st->scratch;
  buf_clear(x);
  size_t nf = match_fields(st, kind, j, val, x);
  for (size_t i = 0; i < nf; i++) {
    const field *f = &KINDS[kind].f[i];
    if (bind_one(st, s, col, f, val[i], cx)) extra_member(st, x, f->name, val[i]);
    col += FTYPES[f->type].ncol;
  }
  if (x->n) {
    buf_addc(x, '}');
    /* TRANSIENT: the rows of one INSERT share the scratch buffer */
    sqlite3_bind_text(s, col, x->z, (int)x->n, SQLITE_TRANSIENT);
  } else {
    sqlite3_bind_null(s, col);
  }
  return col + 1;
}

static int grow(void **v, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return ERR_OK;
  size_t c = *cap ? *cap * 2 : 64;
  while (c < need) c *= 2;
  void *p = realloc(*v, c * size);
  if (!p) return ERR_NOMEM;
  *v = p;
  *cap = c;
  return ERR_OK;
}

static int push_rec(rec **v, size_t *n, size_t *cap, rec r) {
  if (grow((void **)v, cap, *n + 1, sizeof **v)) return ERR_NOMEM;
  (*v)[(*n)++] = r;
  return ERR_OK;
}

/* refs sort by sentence; a sentence record's entry before a synthetic one. */
static int ref_order(const void *x, const void *y) {
  const sent_ref *a = x, *b = y;
  if (a->sent != b->sent) return a->sent < b->sent ? -1 : 1;
  return a->synth - b->synth;
}

static int ref_find_cmp(const void *x, const void *y) {
  const sent_ref *a = x, *b = y;
  return a->sent < b->sent ? -1 : a->sent > b->sent;
}

static sent_ref *find_ref(store *st, long sent) {
  sent_ref key = {.sent = sent};
  return bsearch(&key, st->refs, st->nrefs, sizeof key, ref_find_cmp);
}

/* record_sent reads a sentence-level record's sentence; a record without a
 * usable one is kept whole in `records` instead. */
static void record_sent(rec *r) {
  long long v;
  if (r->kind != STORE_SENTENCE && !(KINDS[r->kind].flags & STORE_K_SENT)) return;
  if (int_of(json_member(r->j, "sent"), &v) && v >= 0 && v < (1LL << 40)) r->sent = (long)v;
  else r->kind = STORE_OTHER;
}

/* plan_sentences lists the sentences the document's records name, one entry
 * each, sorted; returns in *nsynth how many have no sentence record. */
static int plan_sentences(store *st, size_t *nsynth) {
  st->nrefs = 0;
  for (size_t i = 1; i < st->ncur; i++) {
    rec *r = &st->cur[i];
    record_sent(r);
    if (r->sent < 0 || r->kind == STORE_OTHER) continue;
    if (grow((void **)&st->refs, &st->caprefs, st->nrefs + 1, sizeof *st->refs)) return ERR_NOMEM;
    st->refs[st->nrefs++] = (sent_ref){r->sent, r->kind != STORE_SENTENCE, 0, NULL, NULL};
  }
  qsort(st->refs, st->nrefs, sizeof *st->refs, ref_order);
  size_t k = 0;
  *nsynth = 0;
  for (size_t i = 0; i < st->nrefs; i++) {
    if (k && st->refs[k - 1].sent == st->refs[i].sent) continue;
    st->refs[k++] = st->refs[i];
    *nsynth += (size_t)st->refs[i].synth;
  }
  st->nrefs = k;
  return ERR_OK;
}

/* doc_hash is the document's identity: its id and its sentence records'
 * text, white space normalised (docs/store.md). */
static void doc_hash(const rec *recs, size_t n, const char *id, unsigned char out[16]) {
  store_hasher h;
  store_hash_init(&h);
  store_hash_add(&h, "dyad-doc-1", 11);
  if (id) store_hash_add(&h, id, strlen(id) + 1);
  for (size_t i = 1; i < n; i++) {
    const json_node *t = recs[i].kind == STORE_SENTENCE ? json_member(recs[i].j, "text") : NULL;
    if (!is_str(t)) continue;
    store_hash_text(&h, t->v.s, t->ns);
    store_hash_add(&h, "\n", 1);
  }
  store_hash_final(&h, out);
}

static int is_present(store *st, const unsigned char h[16], int *present) {
  sqlite3_bind_blob(st->find, 1, h, 16, SQLITE_STATIC);
  int rc = sqlite3_step(st->find);
  sqlite3_reset(st->find);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sql_fail(st, rc, "cannot read");
  *present = rc == SQLITE_ROW;
  return ERR_OK;
}

static int put_document(store *st, const json_node *j, const unsigned char h[16], size_t nrows,
                        sqlite3_int64 *row) {
  sqlite3_stmt *s = st->ins[STORE_DOCUMENT];
  bind_ctx cx = {NULL, NULL};
  sqlite3_bind_blob(s, 1, h, 16, SQLITE_STATIC);
  sqlite3_bind_int64(s, 2, (sqlite3_int64)nrows);
  bind_fields(st, s, 3, STORE_DOCUMENT, j, &cx);
  int rc = step(st, s, "cannot store a document");
  *row = sqlite3_last_insert_rowid(st->db);
  if (!rc) st->pend.rows[STORE_DOCUMENT]++;
  return rc;
}

/* put_error stores an error record: the document's (ordinal-th) or, with
 * docrow 0, one that belongs to no stored document, kept once per input,
 * line and message however often the input is ingested. */
static int put_error(store *st, const json_node *j, sqlite3_int64 docrow, const unsigned char *dh,
                     size_t ordinal) {
  sqlite3_stmt *s = st->ins[STORE_ERROR];
  store_hasher h;
  unsigned char eh[16];
  size_t nbad = 0;
  buf_clear(&st->scratch);
  json_write_node(&st->scratch, &st->a, j, &nbad);
  store_hash_init(&h);
  store_hash_add(&h, "dyad-err-1", 11);
  if (dh) store_hash_add(&h, dh, 16), store_hash_add(&h, &ordinal, sizeof ordinal);
  store_hash_add(&h, st->scratch.z, st->scratch.n);
  store_hash_final(&h, eh);
  if (docrow) sqlite3_bind_int64(s, 1, docrow);
  else sqlite3_bind_null(s, 1);
  sqlite3_bind_blob(s, 2, eh, 16, SQLITE_TRANSIENT);
  bind_ctx cx = {NULL, NULL};
  bind_fields(st, s, 3, STORE_ERROR, j, &cx);
  int rc = step(st, s, "cannot store an error record");
  if (!rc) st->pend.rows[STORE_ERROR] += (size_t)sqlite3_changes(st->db);
  return rc;
}

/* bind_sentence binds a sentence row from record j at column col. */
static void bind_sentence(store *st, sqlite3_stmt *s, int col, const json_node *j,
                          sqlite3_int64 docrow, const char *docid) {
  bind_ctx cx = {docid, NULL};
  sqlite3_bind_int64(s, col, docrow);
  bind_fields(st, s, col + 1, STORE_SENTENCE, j, &cx);
}

/* sentence_stored notes a sentence's row id; its text is indexed with the
 * batch's at the commit (commit_now). */
static void sentence_stored(store *st, const json_node *j, long sent, sqlite3_int64 row) {
  st->pend.rows[STORE_SENTENCE]++;
  sent_ref *ref = find_ref(st, sent);
  if (ref && !ref->rowid) {
    ref->rowid = row;
    ref->span = json_member(j, "span");
    ref->text = json_member(j, "text");
  }
  if (!st->fts_from) st->fts_from = row;
}

/* put_sentence stores one sentence row from record j. */
static int put_sentence(store *st, const json_node *j, sqlite3_int64 docrow, const char *docid,
                        long sent) {
  sqlite3_stmt *s = st->ins[STORE_SENTENCE];
  bind_sentence(st, s, 1, j, docrow, docid);
  int rc = step(st, s, "cannot store a sentence");
  if (!rc) sentence_stored(st, j, sent, sqlite3_last_insert_rowid(st->db));
  return rc;
}

/* insert_size is the most rows one statement takes of n waiting (2^k). */
static size_t insert_size(size_t n, int *z) {
  *z = STORE_SIZES - 1;
  while ((1u << *z) > n) --*z;
  return (size_t)1 << *z;
}

/* put_sentences stores the document's sentence records, several a
 * statement. The rows of one INSERT get consecutive ids (each is the
 * largest so far plus one: dyad never stores an id near the largest
 * possible one, where SQLite would pick ids at random). */
static int put_sentences(store *st, sqlite3_int64 docrow, const char *docid) {
  pending *p = &st->pend_rows[STORE_SENTENCE];
  p->n = 0;
  for (size_t i = 1; i < st->ncur; i++) {
    if (st->cur[i].kind != STORE_SENTENCE) continue;
    if (grow((void **)&p->v, &p->cap, p->n + 1, sizeof *p->v)) return ERR_NOMEM;
    p->v[p->n++] = (pend_row){&st->cur[i], NULL};
  }
  for (size_t i = 0; i < p->n;) {
    int z;
    size_t k = insert_size(p->n - i, &z);
    sqlite3_stmt *s = st->insn[STORE_SENTENCE][z];
    for (size_t x = 0; x < k; x++)
      bind_sentence(st, s, 1 + (int)x * st->ncols[STORE_SENTENCE], p->v[i + x].r->j, docrow, docid);
    int rc = step(st, s, "cannot store a sentence");
    if (rc) return rc;
    sqlite3_int64 last = sqlite3_last_insert_rowid(st->db);
    for (size_t x = 0; x < k; x++)
      sentence_stored(st, p->v[i + x].r->j, p->v[i + x].r->sent, last - (sqlite3_int64)(k - 1 - x));
    i += k;
  }
  p->n = 0;
  return ERR_OK;
}

/* synth_sentence makes the sentence row that a record names but no sentence
 * record gave, from the record's sent, span and text (copied, with their
 * names, into an object of their own). */
static int synth_sentence(store *st, const json_node *j, sqlite3_int64 docrow, const char *docid,
                          long sent) {
  static const char *const keys[] = {"sent", "span", "text"};
  const json_node *m[3];
  size_t n = 1;
  for (int k = 0; k < 3; k++) n += (m[k] = json_member(j, keys[k])) ? m[k]->size : 0;
  json_node *o = arena_alloc(&st->a, n * sizeof *o);
  if (!o) return ERR_NOMEM;
  *o = (json_node){.type = JSON_OBJECT, .size = (uint32_t)n};
  size_t at = 1;
  for (int k = 0; k < 3; k++)
    if (m[k]) memcpy(o + at, m[k], m[k]->size * sizeof *o), at += m[k]->size;
  int rc = put_sentence(st, o, docrow, docid, sent);
  /* point the sentence at the record's own values */
  sent_ref *ref = find_ref(st, sent);
  if (ref) ref->span = m[1], ref->text = m[2];
  return rc;
}

/* put_other keeps a record of a kind this version does not know, whole. */
static int put_other(store *st, const rec *r, sqlite3_int64 docrow) {
  sqlite3_stmt *s = st->ins[STORE_OTHER];
  const sent_ref *ref = r->sent >= 0 ? find_ref(st, r->sent) : NULL;
  size_t nbad = 0;
  buf_clear(&st->scratch);
  json_write_node(&st->scratch, &st->a, r->j, &nbad);
  sqlite3_bind_int64(s, 1, docrow);
  if (ref && ref->rowid) sqlite3_bind_int64(s, 2, ref->rowid);
  else sqlite3_bind_null(s, 2);
  bind_str(s, 3, json_member(r->j, "kind"));
  sqlite3_bind_text(s, 4, st->scratch.z, (int)st->scratch.n, SQLITE_STATIC);
  int rc = step(st, s, "cannot store a record");
  if (!rc) st->pend.rows[STORE_OTHER]++;
  return rc;
}

/* bind_record binds the row of a sentence-level or document-level record
 * of a known kind at column col. */
static void bind_record(store *st, sqlite3_stmt *s, int col, const rec *r, const sent_ref *ref,
                        sqlite3_int64 docrow, const char *docid) {
  bind_ctx cx = {docid, ref};
  sqlite3_bind_int64(s, col++, docrow);
  if (KINDS[r->kind].flags & STORE_K_SENT) sqlite3_bind_int64(s, col++, ref ? ref->rowid : 0);
  bind_fields(st, s, col, r->kind, r->j, &cx);
}

/* queue_record makes the sentence a record names if no sentence record
 * did, then queues the record's row (flush_rows inserts it). */
static int queue_record(store *st, const rec *r, sqlite3_int64 docrow, const char *docid) {
  sent_ref *ref = NULL;
  if (KINDS[r->kind].flags & STORE_K_SENT) {
    ref = find_ref(st, r->sent);
    if (ref && !ref->rowid) {
      int rc = synth_sentence(st, r->j, docrow, docid, r->sent);
      if (rc) return rc;
    }
  }
  pending *p = &st->pend_rows[r->kind];
  if (grow((void **)&p->v, &p->cap, p->n + 1, sizeof *p->v)) return ERR_NOMEM;
  p->v[p->n++] = (pend_row){r, ref};
  return ERR_OK;
}

/* flush_rows inserts the queued rows of kind in their order, several a
 * statement. */
static int flush_rows(store *st, int kind, sqlite3_int64 docrow, const char *docid) {
  pending *p = &st->pend_rows[kind];
  int rc = ERR_OK;
  for (size_t i = 0; !rc && i < p->n;) {
    int z;
    size_t k = insert_size(p->n - i, &z);
    sqlite3_stmt *s = st->insn[kind][z];
    for (size_t x = 0; x < k; x++)
      bind_record(st, s, 1 + (int)x * st->ncols[kind], p->v[i + x].r, p->v[i + x].ref, docrow,
                  docid);
    rc = step(st, s, "cannot store a record");
    if (!rc) st->pend.rows[kind] += k;
    i += k;
  }
  p->n = 0;
  return rc;
}

/* put_rows stores the document's records: sentences first (the others refer
 * to them), then the rest in input order (each table's rows in input order,
 * which is all their ids depend on). */
static int put_rows(store *st, sqlite3_int64 docrow, const char *docid, const unsigned char *dh) {
  size_t nerr = 0;
  int rc = put_sentences(st, docrow, docid);
  for (size_t i = 1; i < st->ncur && !rc; i++) {
    const rec *r = &st->cur[i];
    if (r->kind == STORE_SENTENCE) continue;
    if (r->kind == STORE_ERROR) rc = put_error(st, r->j, docrow, dh, nerr++);
    else if (r->kind == STORE_OTHER) rc = put_other(st, r, docrow);
    else rc = queue_record(st, r, docrow, docid);
  }
  for (int k = 0; k < STORE_NKINDS; k++) {
    if (!rc && multi_row(k)) rc = flush_rows(st, k, docrow, docid);
    st->pend_rows[k].n = 0;
  }
  return rc;
}

/* put_doc stores the document recs[0..n) (its document record first)
 * unless it is stored already. */
static int put_doc(store *st, rec *recs, size_t n, const unsigned char h[16], store_stats *stats) {
  const char *docid = str_of(recs[0].j, "doc");
  size_t nsynth;
  st->cur = recs, st->ncur = n;
  int present = 0, rc = begin(st);
  if (!rc) rc = plan_sentences(st, &nsynth);
  if (rc) return rc;
  if ((rc = is_present(st, h, &present))) return rc;
  if (present) {
    stats->docs_present++;
    return ERR_OK;
  }
  sqlite3_int64 docrow;
  rc = put_document(st, recs[0].j, h, n + nsynth, &docrow);
  if (!rc) rc = put_rows(st, docrow, docid, h);
  if (rc) return rc;
  st->pend.docs_added++;
  st->txn_docs++;
  return ERR_OK;
}

/* run_unit does a unit's SQLite work. */
static int run_unit(store *st, unit *u, store_stats *stats) {
  int rc = u->lone ? begin(st) : put_doc(st, u->recs, u->n, u->hash, stats);
  if (!rc && u->lone) rc = put_error(st, u->recs[0].j, 0, NULL, 0);
  arena_reset(&st->a);
  st->cur = NULL, st->ncur = 0;
  return rc ? rc : maybe_commit(st, stats);
}

/* add_unit closes a unit of the job being read: stored now, or queued in
 * the job for the writer thread. recs[0..n) is copied. A document's hash is
 * taken here, by whichever thread reads, rather than by the writer, which is
 * the busier. */
static int add_unit(store *st, reader_state *rd, const rec *recs, size_t n, int lone) {
  job *j = rd->job;
  unit u = {arena_alloc(&j->a, n * sizeof *recs), n, lone, {0}};
  if (!u.recs) return ERR_NOMEM;
  memcpy(u.recs, recs, n * sizeof *recs);
  if (!lone) doc_hash(recs, n, str_of(recs[0].j, "doc"), u.hash);
  if (rd->now) return run_unit(st, &u, rd->stats);
  if (grow((void **)&j->units, &j->capunits, j->nunits + 1, sizeof *j->units)) return ERR_NOMEM;
  j->units[j->nunits++] = u;
  return ERR_OK;
}

static int flush_doc(store *st, reader_state *rd) {
  if (!rd->nrecs) return ERR_OK;
  int rc = add_unit(st, rd, rd->recs, rd->nrecs, 0);
  rd->nrecs = 0;
  return rc;
}

/* place_errors gives the waiting error records that name the document just
 * read to it; the others belong to no stored document (a skipped line). */
static int place_errors(store *st, reader_state *rd, const char *docid) {
  int rc = ERR_OK;
  for (size_t i = 0; i < rd->nerrs && !rc; i++) {
    rec *e = &rd->errs[i];
    const char *d = str_of(e->j, "doc");
    if (docid && d && !strcmp(d, docid)) {
      rc = push_rec(&rd->recs, &rd->nrecs, &rd->caprecs, *e);
      continue;
    }
    rd->stats->errors_alone++;
    rc = add_unit(st, rd, e, 1, 1);
  }
  rd->nerrs = 0;
  return rc;
}

static int take_document(store *st, reader_state *rd, rec r) {
  rd->stats->docs_seen++;
  int rc = flush_doc(st, rd);
  if (!rc) rc = push_rec(&rd->recs, &rd->nrecs, &rd->caprecs, r);
  if (rc) return rc;
  return place_errors(st, rd, str_of(r.j, "doc"));
}

/* take_line files one record line: errors wait for the document they
 * precede, a document starts a new group, the rest join the open one. z is
 * the job's copy of the line (parsed in place), orig the line. */
static int take_line(store *st, reader_state *rd, char *z, const char *orig, size_t n) {
  size_t i = 0;
  while (i < n && (z[i] == ' ' || z[i] == '\t' || z[i] == '\r')) i++;
  if (i == n) return ERR_OK;
  const json_node *j;
  int rc = json_parse_flat(&rd->job->a, z, orig, n, &j);
  if (rc == ERR_NOMEM) return rc;
  const json_node *k = rc ? NULL : json_member(j, "kind");
  if (!is_str(k)) {
    rd->stats->bad_lines++;
    return ERR_OK;
  }
  rec r = {j, kind_of(k->v.s), -1};
  if (r.kind == STORE_DOCUMENT) return take_document(st, rd, r);
  if (r.kind == STORE_ERROR) {
    rd->stats->errors_seen++;
    rc = flush_doc(st, rd);
    return rc ? rc : push_rec(&rd->errs, &rd->nerrs, &rd->caperrs, r);
  }
  if (!rd->nrecs) {
    rd->stats->bad_lines++;
    return ERR_OK;
  }
  return push_rec(&rd->recs, &rd->nrecs, &rd->caprecs, r);
}

/* read_lines files the lines of z[0..n) into rd->job, whose arena gets a
 * copy of them to parse in place. */
static int read_lines(store *st, reader_state *rd, const char *z, size_t n) {
  char *copy = arena_alloc(&rd->job->a, n ? n : 1);
  if (!copy) return ERR_NOMEM;
  memcpy(copy, z, n);
  int rc = ERR_OK;
  size_t p = 0;
  while (!rc && p < n) {
    const char *e = memchr(z + p, '\n', n - p);
    size_t len = e ? (size_t)(e - (z + p)) : n - p;
    rc = take_line(st, rd, copy + p, z + p, len);
    p += len + 1;
  }
  if (!rc) rc = flush_doc(st, rd);
  if (!rc) rc = place_errors(st, rd, NULL);
  rd->nrecs = rd->nerrs = 0;
  return rc;
}

/* ---- the writer thread ---------------------------------------------------- */

/* At most this many jobs (calls of store_add_jsonl: a batch of the pipeline
 * each, a few MB) wait for the writer, so memory stays bounded whatever the
 * input; enough that a commit and its checkpoint do not hold up the coding. */
#define STORE_MAX_JOBS 8
/* A job's arena starts with one block of this (taken from the OS page by
 * page as it is used), and is remade larger if a job needs more: a batch of
 * the pipeline's records with their nodes is 3-6 MB. */
#define STORE_JOB_ARENA (8 << 20)

static void add_all_stats(store_stats *to, const store_stats *d) {
  add_stats(to, d);
  to->docs_present += d->docs_present;
  to->docs_lost += d->docs_lost;
  /* counts of the lines the writer read */
  to->docs_seen += d->docs_seen;
  to->errors_seen += d->errors_seen;
  to->errors_alone += d->errors_alone;
  to->bad_lines += d->bad_lines;
}

/* recycle puts written jobs back in the pool. An arena that needed more
 * than one block is remade with one block of the size it needed, so the
 * next job of that size needs no malloc. */
static void recycle(store *st, job *j) {
  while (j) {
    job *next = j->next;
    size_t need = j->a.high;
    if (need > j->a.block_size) {
      arena_free(&j->a);
      arena_init(&j->a, need + need / 4);
    }
    arena_reset(&j->a);
    j->nunits = 0;
    j->text = NULL, j->ntext = 0;
    j->next = st->pool;
    st->pool = j;
    j = next;
  }
}

/* new_job starts st->rd.job, from the pool if it can. */
static int new_job(store *st) {
  job *j = st->pool;
  if (j) st->pool = j->next;
  else if ((j = calloc(1, sizeof *j))) arena_init(&j->a, STORE_JOB_ARENA);
  else return ERR_NOMEM;
  j->next = NULL;
  st->rd.job = j;
  return ERR_OK;
}

/* enqueue queues st->rd.job for the writer and takes back the jobs it has
 * written: they are recycled by the thread that filled them, which keeps
 * malloc from locking one thread's arena against the other's. */
static void enqueue(store *st) {
  job *j = st->rd.job;
  st->rd.job = NULL;
  pthread_mutex_lock(&st->mu);
  while (st->njobs >= STORE_MAX_JOBS) pthread_cond_wait(&st->cv_room, &st->mu);
  if (st->tail) st->tail->next = j;
  else st->head = j;
  st->tail = j;
  st->njobs++;
  job *done = st->done;
  st->done = NULL;
  pthread_cond_signal(&st->cv_job);
  pthread_mutex_unlock(&st->mu);
  recycle(st, done);
}

/* idle_commit commits an open batch when no document came for batch_ms:
 * with a slow input (a stream) what was read is not left uncommitted. Called
 * and returns with st->mu held. */
static void idle_commit(store *st) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  ts.tv_sec += (time_t)(st->batch_ms / 1000) + 1;
  if (pthread_cond_timedwait(&st->cv_job, &st->mu, &ts) == 0 || st->head || st->wfailed) return;
  st->wbusy = 1;
  pthread_mutex_unlock(&st->mu);
  int rc = commit_now(st, &st->wstats);
  pthread_mutex_lock(&st->mu);
  st->wfailed |= rc != ERR_OK;
  st->shown = st->wstats;
  st->wbusy = 0;
  pthread_cond_broadcast(&st->cv_idle);
}

/* run_job stores a job's units in order, reading its lines first if the
 * caller left them unread; after a failure it rolls back. */
static int run_job(store *st, job *j) {
  int rc = ERR_OK;
  if (j->text) {
    st->wrd.job = j;
    rc = read_lines(st, &st->wrd, j->text, j->ntext);
    if (rc == ERR_NOMEM) set_err(st, "%s: out of memory", st->path);
  }
  for (size_t i = 0; i < j->nunits && !rc; i++) rc = run_unit(st, &j->units[i], &st->wstats);
  if (!rc && (rc = index_new(st))) rc = sql_fail(st, rc, "cannot index sentences");
  if (rc) rollback(st, &st->wstats);
  return rc;
}

/* writer runs the queued jobs in order. After a failure it only hands
 * back what comes, so a caller waiting for room never waits forever. */
static void *writer(void *arg) {
  store *st = arg;
  pthread_mutex_lock(&st->mu);
  for (;;) {
    while (!st->head && !st->closing) {
      if (st->in_txn) idle_commit(st);
      else pthread_cond_wait(&st->cv_job, &st->mu);
    }
    job *j = st->head;
    if (!j) break;
    st->head = j->next;
    if (!st->head) st->tail = NULL;
    st->wbusy = 1;
    int failed = st->wfailed;
    pthread_mutex_unlock(&st->mu);
    int rc = failed ? ERR_OK : run_job(st, j);
    pthread_mutex_lock(&st->mu);
    j->next = st->done;
    st->done = j;
    st->wfailed |= rc != ERR_OK;
    st->shown = st->wstats;
    st->njobs--;
    st->wbusy = 0;
    pthread_cond_signal(&st->cv_room);
    pthread_cond_broadcast(&st->cv_idle);
  }
  pthread_mutex_unlock(&st->mu);
  return NULL;
}

int store_async(store *st) {
  if (st->async || !st->writable) return ERR_OK;
  pthread_mutex_init(&st->mu, NULL);
  pthread_cond_init(&st->cv_job, NULL);
  pthread_cond_init(&st->cv_room, NULL);
  pthread_cond_init(&st->cv_idle, NULL);
  if (pthread_create(&st->thread, NULL, writer, st)) {
    pthread_mutex_destroy(&st->mu);
    pthread_cond_destroy(&st->cv_job);
    pthread_cond_destroy(&st->cv_room);
    pthread_cond_destroy(&st->cv_idle);
    return ERR_NOMEM; /* the caller may go on without it */
  }
  st->async = 1;
  st->wrd.now = 1;
  st->wrd.stats = &st->wstats;
  return ERR_OK;
}

/* drain waits until the writer has done every queued job, then hands its
 * counts to stats; the caller may use the connection until it queues more. */
static int drain(store *st, store_stats *stats) {
  if (!st->async) return ERR_OK;
  pthread_mutex_lock(&st->mu);
  while (st->head || st->wbusy) pthread_cond_wait(&st->cv_idle, &st->mu);
  int failed = st->wfailed;
  st->wfailed = 0;
  job *done = st->done;
  st->done = NULL;
  pthread_mutex_unlock(&st->mu);
  recycle(st, done);
  add_all_stats(stats, &st->wstats);
  memset(&st->wstats, 0, sizeof st->wstats);
  memset(&st->shown, 0, sizeof st->shown);
  return failed ? ERR_IO : ERR_OK;
}

/* writer_failed returns the writer's failure once, with its counts. */
static int writer_failed(store *st, store_stats *stats) {
  if (!st->async) return ERR_OK;
  pthread_mutex_lock(&st->mu);
  int failed = st->wfailed;
  pthread_mutex_unlock(&st->mu);
  return failed ? drain(st, stats) : ERR_OK;
}

void store_peek(store *st, store_stats *out) {
  memset(out, 0, sizeof *out);
  if (!st->async) return;
  pthread_mutex_lock(&st->mu);
  *out = st->shown;
  pthread_mutex_unlock(&st->mu);
}

static void stop_writer(store *st) {
  if (!st->async) return;
  pthread_mutex_lock(&st->mu);
  st->closing = 1;
  pthread_cond_signal(&st->cv_job);
  pthread_mutex_unlock(&st->mu);
  pthread_join(st->thread, NULL);
  recycle(st, st->done);
  st->done = NULL;
  pthread_mutex_destroy(&st->mu);
  pthread_cond_destroy(&st->cv_job);
  pthread_cond_destroy(&st->cv_room);
  pthread_cond_destroy(&st->cv_idle);
  st->async = 0;
}

/* writer_idle says whether nothing waits for the writer thread: the next
 * job is then handed over unread, for it to read while this thread goes on
 * coding. Otherwise the caller reads (parses and groups) the lines itself.
 * Either way the same units are stored in the same order; this only shares
 * the reading between the two threads by which of them has time. */
static int writer_idle(store *st) {
  pthread_mutex_lock(&st->mu);
  int idle = st->njobs == 0;
  pthread_mutex_unlock(&st->mu);
  return idle;
}

/* hand_over_unread copies z[0..n) into the job for the writer to read. */
static int hand_over_unread(store *st, const char *z, size_t n) {
  char *t = arena_alloc(&st->rd.job->a, n ? n : 1);
  if (!t) return ERR_NOMEM;
  memcpy(t, z, n);
  st->rd.job->text = t, st->rd.job->ntext = n;
  enqueue(st);
  return ERR_OK;
}

int store_add_jsonl(store *st, const char *z, size_t n, store_stats *stats) {
  if (!st->writable) {
    set_err(st, "%s: opened read-only", st->path);
    return ERR_INVALID;
  }
  int rc = writer_failed(st, stats);
  if (!rc) rc = new_job(st);
  if (rc) return rc;
  st->rd.now = !st->async;
  st->rd.stats = stats;
  if (st->async && writer_idle(st)) rc = hand_over_unread(st, z, n);
  else {
    rc = read_lines(st, &st->rd, z, n);
    if (!rc && st->async && st->rd.job->nunits) enqueue(st);
  }
  if (st->rd.job) recycle(st, st->rd.job), st->rd.job = NULL;
  if (rc) {
    /* the connection is the writer's until it is idle */
    int failed = drain(st, stats);
    if (rc == ERR_NOMEM && !failed) set_err(st, "%s: out of memory", st->path);
    rollback(st, stats);
  }
  return rc;
}

/* ---- merging ------------------------------------------------------------ */

/* copy_sql appends the statement that copies kind's rows of the new
 * documents from src, in their order, with documents and sentences renumbered
 * through temp.m_doc and temp.m_sent. */
static void copy_sql(buf *b, int kind) {
  const kind_spec *ks = &KINDS[kind];
  int sent = (ks->flags & STORE_K_SENT) != 0, err = kind == STORE_ERROR;
  buf_printf(b, "INSERT%s INTO main.%s(document%s%s", err ? " OR IGNORE" : "", ks->table,
             sent ? ", sentence" : "", err ? ", hash" : "");
  add_columns(b, kind, "", 0);
  buf_printf(b, "%s) SELECT m.new%s%s", kind == STORE_OTHER ? "" : ", extra",
             sent ? ", ms.new" : "", err ? ", r.hash" : "");
  add_columns(b, kind, "r.", 0);
  buf_printf(b, "%s FROM src.%s r %s JOIN temp.m_doc m ON m.old = r.document",
             kind == STORE_OTHER ? "" : ", r.extra", ks->table, err ? "LEFT" : "");
  if (sent) buf_adds(b, " LEFT JOIN temp.m_sent ms ON ms.old = r.sentence");
  if (err) buf_adds(b, " WHERE r.document IS NULL OR m.new IS NOT NULL");
  buf_adds(b, " ORDER BY r.id");
}

static const char MERGE_MAPS[] =
    "CREATE TEMP TABLE IF NOT EXISTS m_doc(old INTEGER PRIMARY KEY, new INTEGER NOT NULL);"
    "CREATE TEMP TABLE IF NOT EXISTS m_sent(old INTEGER PRIMARY KEY, new INTEGER NOT NULL);"
    "DELETE FROM temp.m_doc; DELETE FROM temp.m_sent;"
    /* new ids continue main's, in src's order: what one ingest would assign */
    "INSERT INTO temp.m_doc(old, new) SELECT s.id, (SELECT coalesce(max(id), 0) FROM "
    "main.documents) + row_number() OVER (ORDER BY s.id) FROM src.documents s WHERE NOT EXISTS "
    "(SELECT 1 FROM main.documents x WHERE x.hash = s.hash);"
    "INSERT INTO temp.m_sent(old, new) SELECT r.id, (SELECT coalesce(max(id), 0) FROM "
    "main.sentences) + row_number() OVER (ORDER BY r.id) FROM src.sentences r JOIN temp.m_doc m "
    "ON m.old = r.document;";

/* merge_fixed copies the documents and sentences, which keep mapped ids. */
static int merge_fixed(store *st, buf *b) {
  buf_clear(b);
  buf_adds(b, "INSERT INTO main.documents(id, hash, records");
  add_columns(b, STORE_DOCUMENT, "", 0);
  buf_adds(b, ", extra) SELECT m.new, r.hash, r.records");
  add_columns(b, STORE_DOCUMENT, "r.", 0);
  buf_adds(b, ", r.extra FROM temp.m_doc m JOIN src.documents r ON r.id = m.old ORDER BY m.old;"
              "INSERT INTO main.sentences(id, document");
  add_columns(b, STORE_SENTENCE, "", 0);
  buf_adds(b, ", extra) SELECT ms.new, m.new");
  add_columns(b, STORE_SENTENCE, "r.", 0);
  buf_adds(b, ", r.extra FROM src.sentences r JOIN temp.m_sent ms ON ms.old = r.id "
              "JOIN temp.m_doc m ON m.old = r.document ORDER BY r.id;"
              "INSERT INTO main.sentence_fts(rowid, text) SELECT ms.new, r.text FROM "
              "src.sentences r JOIN temp.m_sent ms ON ms.old = r.id WHERE r.text IS NOT NULL "
              "ORDER BY r.id;");
  buf_addc(b, 0);
  return b->oom ? ERR_NOMEM : exec(st, b->z, "cannot copy documents");
}

static int count_rows(store *st, const char *sql, size_t *out) {
  sqlite3_int64 v;
  int rc = query_int(st->db, sql, &v);
  if (rc) return sql_fail(st, rc, "cannot read");
  *out = (size_t)v;
  return ERR_OK;
}

static int merge_rows(store *st, store_stats *stats) {
  size_t seen = 0, add = 0;
  int rc = exec(st, MERGE_MAPS, "cannot plan the merge");
  if (!rc) rc = count_rows(st, "SELECT count(*) FROM src.documents", &seen);
  if (!rc) rc = count_rows(st, "SELECT count(*) FROM temp.m_doc", &add);
  if (rc) return rc;
  stats->docs_seen += seen;
  stats->docs_present += seen - add;
  st->pend.docs_added += add;
  st->pend.rows[STORE_DOCUMENT] += add;
  buf b;
  buf_init(&b);
  rc = merge_fixed(st, &b);
  if (!rc) rc = count_rows(st, "SELECT count(*) FROM temp.m_sent", &st->pend.rows[STORE_SENTENCE]);
  for (int k = STORE_SENTENCE + 1; k < STORE_NKINDS && !rc; k++) {
    buf_clear(&b);
    copy_sql(&b, k);
    buf_addc(&b, 0);
    rc = b.oom ? ERR_NOMEM : exec(st, b.z, "cannot copy records");
    if (!rc) st->pend.rows[k] += (size_t)sqlite3_changes(st->db);
  }
  buf_free(&b);
  return rc;
}

static int same_file(const char *a, const char *b) {
  struct stat x, y;
  return stat(a, &x) == 0 && stat(b, &y) == 0 && x.st_dev == y.st_dev && x.st_ino == y.st_ino;
}

static int attach(store *st, const char *path) {
  sqlite3_stmt *s;
  int rc = sqlite3_prepare_v2(st->db, "ATTACH DATABASE ?1 AS src", -1, &s, NULL);
  if (!rc) {
    sqlite3_bind_text(s, 1, path, -1, SQLITE_STATIC);
    rc = sqlite3_step(s);
    rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
  }
  sqlite3_finalize(s);
  return rc ? sql_fail(st, rc, "cannot attach the input") : ERR_OK;
}

int store_merge(store *st, const char *path, store_stats *stats) {
  char err[700];
  store *src;
  int rc = store_commit(st, stats);
  if (!rc) rc = store_open(path, STORE_READ, &src, err, sizeof err);
  if (rc) return st->err[0] ? rc : (set_err(st, "%s", err), rc);
  store_close(src);
  if (same_file(st->path, path)) {
    set_err(st, "%s is the output database itself", path);
    return ERR_INVALID;
  }
  if ((rc = attach(st, path))) return rc;
  rc = begin(st);
  if (!rc) rc = merge_rows(st, stats);
  if (!rc) rc = store_commit(st, stats);
  else rollback(st, stats);
  sqlite3_exec(st->db, "DETACH DATABASE src", NULL, NULL, NULL);
  return rc;
}

/* ---- checking ----------------------------------------------------------- */

static void hash_value(store_hasher *h, sqlite3_stmt *s, int c) {
  unsigned char tag = (unsigned char)sqlite3_column_type(s, c);
  store_hash_add(h, &tag, 1);
  if (tag == SQLITE_INTEGER || tag == SQLITE_FLOAT) {
    unsigned char v[8];
    uint64_t u;
    if (tag == SQLITE_INTEGER) u = (uint64_t)sqlite3_column_int64(s, c);
    else {
      double d = sqlite3_column_double(s, c);
      memcpy(&u, &d, 8);
    }
    for (int i = 0; i < 8; i++) v[i] = (unsigned char)(u >> (8 * i));
    store_hash_add(h, v, 8);
  } else if (tag != SQLITE_NULL) {
    const void *p = tag == SQLITE_BLOB ? sqlite3_column_blob(s, c) : sqlite3_column_text(s, c);
    uint64_t n = (uint64_t)sqlite3_column_bytes(s, c);
    store_hash_add(h, &n, sizeof n);
    store_hash_add(h, p, (size_t)n);
  }
}

/* checksum_table hashes every value of every row of table, in id order. */
static int checksum_table(store *st, const char *table, sqlite3_int64 *nrows, char hex[33]) {
  char sql[128];
  sqlite3_stmt *s;
  snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY id", table);
  int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
  if (rc) return sql_fail(st, rc, "cannot read");
  store_hasher h;
  store_hash_init(&h);
  *nrows = 0;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    for (int c = 0; c < sqlite3_column_count(s); c++) hash_value(&h, s, c);
    ++*nrows;
  }
  sqlite3_finalize(s);
  if (rc != SQLITE_DONE) return sql_fail(st, rc, "cannot read");
  unsigned char out[16];
  store_hash_final(&h, out);
  for (int i = 0; i < 16; i++) snprintf(hex + 2 * i, 3, "%02x", out[i]);
  return ERR_OK;
}

/* complete_sql counts the documents and those whose `records` equals their
 * rows in every table: a partly written document would show here. */
static void complete_sql(buf *b) {
  buf_adds(b, "SELECT count(*), coalesce(sum(d.records = 1 + coalesce(c.n, 0)), 0) FROM "
              "documents d LEFT JOIN (SELECT document, sum(n) AS n FROM (");
  for (int k = STORE_SENTENCE; k < STORE_NKINDS; k++)
    buf_printf(b, "%sSELECT document, count(*) AS n FROM %s GROUP BY document",
               k == STORE_SENTENCE ? "" : " UNION ALL ", KINDS[k].table);
  buf_adds(b, ") GROUP BY document) c ON c.document = d.id");
}

static int check_complete(store *st, FILE *out, int *ok) {
  buf b;
  sqlite3_stmt *s;
  buf_init(&b);
  complete_sql(&b);
  buf_addc(&b, 0);
  int rc = b.oom ? SQLITE_NOMEM : sqlite3_prepare_v2(st->db, b.z, -1, &s, NULL);
  buf_free(&b);
  if (rc) return sql_fail(st, rc, "cannot read");
  rc = sqlite3_step(s);
  sqlite3_int64 n = sqlite3_column_int64(s, 0), good = sqlite3_column_int64(s, 1);
  sqlite3_finalize(s);
  if (rc != SQLITE_ROW) return sql_fail(st, rc, "cannot read");
  fprintf(out, "complete documents: %lld of %lld\n", (long long)good, (long long)n);
  *ok &= good == n;
  return ERR_OK;
}

/* check_fts compares the full-text index with the sentences it indexes
 * (FTS5's integrity-check with rank 1); it needs a writable connection. */
static void check_fts(store *st, FILE *out, int *ok) {
  int rc = sqlite3_exec(st->db,
                        "INSERT INTO sentence_fts(sentence_fts, rank) VALUES('integrity-check', 1)",
                        NULL, NULL, NULL);
  if ((rc & 0xff) == SQLITE_READONLY) {
    fprintf(out, "full-text index: not checked (the store is read-only)\n");
    return;
  }
  fprintf(out, "full-text index: %s\n", rc ? sqlite3_errmsg(st->db) : "ok");
  *ok &= rc == SQLITE_OK;
}

static int check_sqlite(store *st, FILE *out, int *ok) {
  sqlite3_stmt *s;
  int rc = sqlite3_prepare_v2(st->db, "PRAGMA quick_check", -1, &s, NULL);
  if (rc) return sql_fail(st, rc, "cannot check");
  rc = sqlite3_step(s);
  const char *r = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(s, 0) : "no answer";
  fprintf(out, "sqlite quick_check: %s\n", r ? r : "?");
  *ok &= r && !strcmp(r, "ok");
  sqlite3_finalize(s);
  return ERR_OK;
}

int store_check(store *st, FILE *out, int *ok) {
  *ok = 1;
  int rc = ERR_OK;
  fprintf(out, "%-12s %12s  %s\n", "table", "rows", "checksum");
  for (int k = 0; k < STORE_NKINDS && !rc; k++) {
    sqlite3_int64 n = 0;
    char hex[33];
    rc = checksum_table(st, KINDS[k].table, &n, hex);
    if (!rc) fprintf(out, "%-12s %12lld  %s\n", KINDS[k].table, (long long)n, hex);
  }
  if (!rc) rc = check_complete(st, out, ok);
  if (!rc) check_fts(st, out, ok);
  if (!rc) rc = check_sqlite(st, out, ok);
  return rc;
}

/* ---- reading rows back as records --------------------------------------- */

void store_select_sql(int kind, const char *more, buf *sql) {
  const kind_spec *ks = &KINDS[kind];
  if (kind == STORE_DOCUMENT) buf_adds(sql, "SELECT r.id AS _id, r.doc AS _doc, r.date AS _date");
  else buf_adds(sql, "SELECT r.id AS _id, d.doc AS _doc, d.date AS _date");
  if (ks->flags & STORE_K_SENT)
    buf_adds(sql, ", s.sent AS _sent, s.span_start AS _start, s.span_end AS _end, s.text AS _text");
  else if (kind == STORE_SENTENCE)
    buf_adds(sql, ", r.sent AS _sent, r.span_start AS _start, r.span_end AS _end, r.text AS _text");
  else
    buf_adds(sql, ", NULL AS _sent, NULL AS _start, NULL AS _end, NULL AS _text");
  add_columns(sql, kind, "r.", 0);
  if (kind != STORE_OTHER) buf_adds(sql, ", r.extra");
  if (more) buf_adds(sql, more);
  buf_printf(sql, " FROM %s r", ks->table);
  if (ks->flags & STORE_K_DOC) buf_adds(sql, " LEFT JOIN documents d ON d.id = r.document");
  if (ks->flags & STORE_K_SENT) buf_adds(sql, " LEFT JOIN sentences s ON s.id = r.sentence");
}

/* write_double writes the shortest text that reads back as d. */
static void write_double(buf *b, double d) {
  char tmp[40];
  if (!isfinite(d)) {
    buf_adds(b, "null");
    return;
  }
  if (d == floor(d) && fabs(d) < 9007199254740992.0) {
    snprintf(tmp, sizeof tmp, "%.0f", d);
  } else {
    snprintf(tmp, sizeof tmp, "%.15g", d);
    if (strtod(tmp, NULL) != d) snprintf(tmp, sizeof tmp, "%.17g", d);
  }
  buf_adds(b, tmp);
}

static void write_col(buf *b, sqlite3_stmt *row, int c, int type) {
  int t = sqlite3_column_type(row, c);
  if (t == SQLITE_NULL) buf_adds(b, "null");
  else if (type == F_NUM) write_double(b, sqlite3_column_double(row, c));
  else if (type == F_INT) buf_json_int(b, sqlite3_column_int64(row, c));
  else if (type == F_BOOL) buf_adds(b, sqlite3_column_int(row, c) ? "true" : "false");
  else if (type == F_JSON) buf_add(b, sqlite3_column_text(row, c), (size_t)sqlite3_column_bytes(row, c));
  else buf_json_str(b, (const char *)sqlite3_column_text(row, c), (size_t)sqlite3_column_bytes(row, c));
}

static void write_span(buf *b, sqlite3_stmt *row, int c) {
  if (sqlite3_column_type(row, c) == SQLITE_NULL || sqlite3_column_type(row, c + 1) == SQLITE_NULL)
    buf_adds(b, "null");
  else buf_json_span(b, (size_t)sqlite3_column_int64(row, c), (size_t)sqlite3_column_int64(row, c + 1));
}

static void write_object(buf *b, sqlite3_stmt *row, int c, const ftype *t) {
  int any = 0;
  for (int i = 0; i < t->ncol; i++) any |= sqlite3_column_type(row, c + i) != SQLITE_NULL;
  if (!any) {
    buf_adds(b, "null");
    return;
  }
  buf_addc(b, '{');
  for (int k = 0; k < 3 && t->key[k]; k++) {
    buf_printf(b, "%s\"%s\":", k ? "," : "", t->key[k]);
    if (!strcmp(t->key[k], "span")) write_span(b, row, c), c += 2;
    else write_col(b, row, c++, F_STR);
  }
  buf_addc(b, '}');
}

/* write_field writes field f's value from the row's columns at c. */
static void write_field(buf *b, sqlite3_stmt *row, int c, const field *f) {
  const ftype *t = &FTYPES[f->type];
  switch (f->type) {
  case F_DOCREF: write_col(b, row, STORE_COL_DOC, F_STR); return;
  case F_SENT: write_col(b, row, STORE_COL_SENT, F_INT); return;
  case F_SSPAN: write_span(b, row, STORE_COL_START); return;
  case F_STEXT: write_col(b, row, STORE_COL_TEXT, F_STR); return;
  case F_SPAN: write_span(b, row, c); return;
  }
  if (t->key[0]) write_object(b, row, c, t);
  else write_col(b, row, c, f->type);
}

static int is_field(const kind_spec *ks, const char *name) {
  for (size_t i = 0; i < ks->nf; i++)
    if (!strcmp(ks->f[i].name, name)) return 1;
  return 0;
}

void store_row_json(int kind, sqlite3_stmt *row, arena *a, buf *out) {
  const kind_spec *ks = &KINDS[kind];
  int c = STORE_NPREFIX;
  size_t nbad = 0;
  if (kind == STORE_OTHER) {
    write_col(out, row, c + 1, F_JSON);
    buf_addc(out, '\n');
    return;
  }
  int xc = STORE_NPREFIX;
  for (size_t i = 0; i < ks->nf; i++) xc += FTYPES[ks->f[i].type].ncol;
  const char *x = (const char *)sqlite3_column_text(row, xc);
  cJSON *extra = x ? cJSON_Parse(x) : NULL;
  buf_adds(out, "{\"kind\":");
  buf_json_strz(out, ks->kind);
  for (size_t i = 0; i < ks->nf; i++) {
    const field *f = &ks->f[i];
    const cJSON *xv = extra ? cJSON_GetObjectItemCaseSensitive(extra, f->name) : NULL;
    buf_printf(out, ",\"%s\":", f->name);
    if (xv) json_write_value(out, a, xv, &nbad);
    else write_field(out, row, c, f);
    c += FTYPES[f->type].ncol;
  }
  for (const cJSON *m = extra ? extra->child : NULL; m; m = m->next) {
    if (!m->string || is_field(ks, m->string)) continue;
    buf_addc(out, ',');
    buf_json_strz(out, m->string);
    buf_addc(out, ':');
    json_write_value(out, a, m, &nbad);
  }
  buf_adds(out, "}\n");
  cJSON_Delete(extra);
}
