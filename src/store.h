/* store.h: dyad's SQLite store (docs/store.md is the schema).
 *
 * A store is one SQLite file holding the records of SCHEMA.md: one table per
 * record kind (documents, sentences, mentions, events, claims, timexes,
 * quotes, duplicates, errors), a generic table for kinds this version does
 * not know (kept whole, as JSON), and an FTS5 index over sentence text.
 *
 * Writing: store_add_jsonl() takes the JSON Lines records of whole documents
 * (what `dyad code` writes), parses each line and stores each
 * document with all its records, or not at all: rows are written inside a
 * transaction that is only ever committed between two documents, so a crash
 * or a kill leaves whole documents only, and rerunning resumes. A document
 * is identified by a 128-bit hash of its id and its whitespace-normalised
 * sentence text; one that is already stored is skipped with its records, so
 * ingesting the same input twice adds nothing.
 *
 *   record lines --parse--> group by document --> hash --> stored? skip
 *                                                     \--> insert rows (one
 *                                                          transaction per batch
 *                                                          of whole documents)
 *
 * Each record kind maps to columns by a table of fields (store.c): known
 * fields become typed columns, anything else (a field this version does not
 * know, or one whose value has an unexpected shape) goes into the row's
 * `extra` JSON, so store_row_json() rebuilds every record as it came in.
 *
 * Lines are parsed with json_parse_flat() into an arena per call (no cJSON
 * tree, no malloc per value; see json.h), and a document's rows of each kind
 * go in with multi-row INSERTs; the sentences of a batch are added to the
 * full-text index in one statement at its commit.
 *
 * store_async() moves the SQLite work to a writer thread of the store's
 * own: store_add_jsonl() then queues each call's lines (at most 4 calls
 * wait), parsed and grouped into documents by the caller if the writer has
 * work waiting, or else left for the writer to parse, so that the two
 * threads share the reading by which of them has time (the rows stored are
 * the same either way). Coding overlaps with writing. With a writer, the
 * counts of a call (stats) are complete after the next store_commit(), and
 * store_peek() shows those of the writer so far. Otherwise a store is used
 * by one thread at a time; separate stores (connections) on one file may
 * be used by separate threads and processes (SQLite's WAL lets readers run
 * beside the one writer). Nothing is global. */
#ifndef DYAD_STORE_H
#define DYAD_STORE_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "arena.h"
#include "buf.h"

/* The schema version, kept in PRAGMA user_version. A store written by a
 * newer dyad is refused, never modified. */
#define STORE_VERSION 1
/* PRAGMA application_id of a dyad store: "dyad" in ASCII. */
#define STORE_APP_ID 0x64796164

/* Record kinds, in the order export writes a document's records. */
typedef enum store_kind {
  STORE_DOCUMENT,
  STORE_SENTENCE,
  STORE_MENTION,
  STORE_EVENT,
  STORE_CLAIM,
  STORE_TIMEX,
  STORE_QUOTE,
  STORE_DUPLICATE,
  STORE_ERROR,
  STORE_OTHER, /* any kind this version does not know: table `records` */
  STORE_NKINDS
} store_kind;

/* What a kind's rows refer to. */
enum {
  STORE_K_DOC = 1 << 0,  /* has a `document` column (every kind but documents) */
  STORE_K_SENT = 1 << 1, /* has a `sentence` column: a sentence-level record */
};

typedef struct store store;

typedef struct store_stats {
  size_t docs_seen;            /* document records read */
  size_t docs_added;           /* documents committed */
  size_t docs_present;         /* documents skipped: already stored */
  size_t docs_lost;            /* documents of a batch that failed to commit */
  size_t rows[STORE_NKINDS];   /* rows committed, by kind */
  size_t errors_seen;          /* error records read */
  size_t errors_alone;         /* of which belong to no document (an input or
                                  line that could not be read) */
  size_t bad_lines;            /* lines that are not a record (not JSON, no kind,
                                  or a record before any document); skipped */
} store_stats;

enum { STORE_READ = 0, STORE_WRITE = 1 };

/* store_open opens the store at path: STORE_READ (read-only; the file must be
 * a dyad store) or STORE_WRITE (created with the schema if missing or empty).
 * On success *out is an owned store (store_close). On failure returns
 * ERR_NOTFOUND, ERR_PARSE (not a dyad store, or a newer schema), ERR_IO
 * (cannot open or write) or ERR_NOMEM, with a one-line reason that names the
 * file in err[0..nerr). */
int store_open(const char *path, int mode, store **out, char *err, size_t nerr);

/* store_close rolls back an uncommitted batch (call store_commit first to
 * keep it), leaves a written store as one self-contained file (WAL
 * checkpointed, best effort) and frees st. Accepts NULL. */
void store_close(store *st);

/* store_errmsg says why the last call on st failed; valid until the next call. */
const char *store_errmsg(const store *st);

/* store_db returns st's connection for reading (query, export). Borrowed. */
sqlite3 *store_db(store *st);

/* store_set_batch sets when store_add_jsonl commits: after a document once
 * the open transaction holds docs documents or is ms milliseconds old
 * (defaults 20000 and 1000). docs 1 commits every document. */
void store_set_batch(store *st, size_t docs, unsigned ms);

/* store_add_jsonl stores the records in z[0..n): JSON Lines as `dyad code`
 * writes them, holding whole documents (a document's records never span two
 * calls): each document's error records, its document record, then its
 * sentence and sentence-level records. Counts go to *stats (added to; with
 * a writer thread, by the next store_commit()). May commit between
 * documents (store_set_batch). Returns ERR_OK, or ERR_IO /
 * ERR_NOMEM when SQLite fails: the open batch is then rolled back (its
 * documents counted in stats->docs_lost) and store_errmsg() says why. */
int store_add_jsonl(store *st, const char *z, size_t n, store_stats *stats);

/* store_commit waits for the writer thread (if any) to store what is
 * queued, adds its counts to stats, and commits the open batch, if any.
 * Returns ERR_OK or ERR_IO (store_errmsg). */
int store_commit(store *st, store_stats *stats);

/* store_async starts the store's writer thread (see above); it stops in
 * store_close. With a writer, an SQLite failure is reported by the next
 * store_add_jsonl() or store_commit(). Returns ERR_OK, or ERR_NOMEM if no
 * thread could be started (the store then keeps writing in the caller). */
int store_async(store *st);

/* store_peek copies the writer thread's counts so far (documents read,
 * committed, already present, rows) for a progress display, to add to the
 * caller's; zero without a writer. */
void store_peek(store *st, store_stats *out);

/* store_merge copies into st every document of the store at path that st
 * does not hold, with all its rows, in one transaction; the result is what
 * one ingest of both stores' inputs (st's first) would have written, row ids
 * included. Returns ERR_OK or an error (store_errmsg). */
int store_merge(store *st, const char *path, store_stats *stats);

/* store_check writes to out each table's row count and content checksum, and
 * checks that every document is complete (its `records` count equals its
 * rows), the full-text index and SQLite's integrity. *ok is 1 if all passed.
 * Returns ERR_OK or an error reading the store. */
int store_check(store *st, FILE *out, int *ok);

/* Kinds. store_kind_find accepts "event" or "events"; returns -1 if neither. */
int store_kind_find(const char *name);
const char *store_kind_name(int kind);  /* "event" */
const char *store_kind_table(int kind); /* "events" */
unsigned store_kind_flags(int kind);    /* STORE_K_* */

/* The columns every store_select_sql() row starts with: row id, document id,
 * document date, then the sentence's index, span and text (NULL for kinds
 * that are not sentence-level). The kind's own columns follow, then `extra`. */
enum { STORE_COL_ID, STORE_COL_DOC, STORE_COL_DATE, STORE_COL_SENT, STORE_COL_START,
       STORE_COL_END, STORE_COL_TEXT, STORE_NPREFIX };

/* store_select_sql appends to sql "SELECT <prefix>, <columns>, extra<more>
 * FROM <table> r <joins>": the row of each record of kind, with its table
 * aliased r, its document d and its sentence s, ready for a WHERE clause.
 * more (or NULL) adds columns after extra: ", d.url AS _url". */
void store_select_sql(int kind, const char *more, buf *sql);

/* store_row_json appends the record of one store_select_sql() row as one
 * JSON line (SCHEMA.md), with a for scratch. */
void store_row_json(int kind, sqlite3_stmt *row, arena *a, buf *out);

/* 128-bit hashing (FNV/xxHash-like, two 64-bit lanes; not cryptographic),
 * the same on every platform: document identity and table checksums. */
typedef struct store_hasher {
  uint64_t a, b, n;
  unsigned char tail[8];
  unsigned ntail;
} store_hasher;

void store_hash_init(store_hasher *h);
void store_hash_add(store_hasher *h, const void *p, size_t n);
/* store_hash_text adds z[0..n) with every run of ASCII white space made one
 * space and none at either end: text that differs only in line wrapping or
 * spacing hashes the same. */
void store_hash_text(store_hasher *h, const char *z, size_t n);
void store_hash_final(store_hasher *h, unsigned char out[16]);

#endif
