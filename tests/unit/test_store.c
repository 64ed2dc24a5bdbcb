/* Unit tests for store: the document hash, storing records of every kind and
 * reading them back, idempotence, error records, malformed lines, a full
 * database, refused files, merging and the completeness check. Each case
 * says why it exists. Records are written here by hand, not by the coder,
 * so that shapes real output never has are covered too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "err.h"
#include "store.h"

static char dir[64];

static const char *path_of(const char *name) {
  static char p[4][128];
  static int k;
  k = (k + 1) % 4;
  snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
  return p[k];
}

static store *open_new(const char *name) {
  store *st;
  char err[800];
  unlink(path_of(name));
  int rc = store_open(path_of(name), STORE_WRITE, &st, err, sizeof err);
  if (rc) fprintf(stderr, "%s\n", err);
  assert_int_equal(rc, ERR_OK);
  return st;
}

static void add(store *st, const char *z, store_stats *s) {
  assert_int_equal(store_add_jsonl(st, z, strlen(z), s), ERR_OK);
  assert_int_equal(store_commit(st, s), ERR_OK);
}

static long long count(store *st, const char *sql) {
  sqlite3_stmt *s;
  assert_int_equal(sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(s), SQLITE_ROW);
  long long n = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  return n;
}

/* dump writes every record of kind, rebuilt, into out. */
static void dump(store *st, int kind, buf *out) {
  buf sql;
  buf_init(&sql);
  store_select_sql(kind, NULL, &sql);
  buf_adds(&sql, " ORDER BY r.id");
  buf_addc(&sql, 0);
  sqlite3_stmt *s;
  assert_int_equal(sqlite3_prepare_v2(store_db(st), sql.z, -1, &s, NULL), SQLITE_OK);
  arena a;
  arena_init(&a, 4096);
  while (sqlite3_step(s) == SQLITE_ROW) store_row_json(kind, s, &a, out);
  buf_addc(out, 0);
  sqlite3_finalize(s);
  arena_free(&a);
  buf_free(&sql);
}

/* check_text runs store_check and returns its report (static). */
static const char *check_text(store *st, int *ok) {
  static char out[4096];
  FILE *f = fmemopen(out, sizeof out, "w");
  assert_int_equal(store_check(st, f, ok), ERR_OK);
  fclose(f);
  return out;
}

/* ---- the hash ----------------------------------------------------------- */

static void hash_of(const char *z, unsigned char out[16]) {
  store_hasher h;
  store_hash_init(&h);
  store_hash_text(&h, z, strlen(z));
  store_hash_final(&h, out);
}

typedef struct hcase {
  const char *why, *a, *b;
  int same;
} hcase;

static const hcase HASHES[] = {
    {"line wrapping does not make another document", "Kim met\nPutin.", "Kim met Putin.", 1},
    {"runs of spaces, tabs and CRLF are one space", "Kim  met\t\r\nPutin.", "Kim met Putin.", 1},
    {"leading and trailing space does not count", "  Kim met Putin. \n", "Kim met Putin.", 1},
    {"a changed word is another document", "Kim met Putin.", "Kim met Xi.", 0},
    {"space inside a word is not nothing", "Kim met Putin.", "Kimmet Putin.", 0},
    {"case matters", "Kim met Putin.", "kim met putin.", 0},
    {"lengths past the 8-byte word matter", "aaaaaaaa", "aaaaaaaaa", 0},
    {"the empty text hashes", "", " \n ", 1},
};

static void test_hash(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof HASHES / sizeof *HASHES; i++) {
    unsigned char a[16], b[16];
    hash_of(HASHES[i].a, a);
    hash_of(HASHES[i].b, b);
    if ((memcmp(a, b, 16) == 0) != HASHES[i].same) fail_msg("%s", HASHES[i].why);
  }
}

/* Feeding the text in pieces (a stream) gives the hash of the whole. */
static void test_hash_pieces(void **state) {
  (void)state;
  const char *z = "The quick brown fox jumps over the lazy dog, twice over.";
  unsigned char whole[16], parts[16];
  store_hasher h;
  store_hash_init(&h);
  store_hash_add(&h, z, strlen(z));
  store_hash_final(&h, whole);
  for (size_t cut = 1; cut < strlen(z); cut += 3) {
    store_hash_init(&h);
    store_hash_add(&h, z, cut);
    store_hash_add(&h, z + cut, strlen(z) - cut);
    store_hash_final(&h, parts);
    assert_memory_equal(whole, parts, 16);
  }
}

/* ---- storing and reading back -------------------------------------------- */

#define DOC_A                                                                                  \
  "{\"kind\":\"document\",\"doc\":\"a1\",\"date\":\"2025-05-20\",\"source\":\"test\",\"title\":" \
  "\"t\",\"url\":null,\"bytes\":60,\"sentences\":2,\"paragraphs\":1,\"dateline\":null,"         \
  "\"meta\":{\"topic\":[\"x\",1]},\"duplicate_of\":null}\n"
#define SENT_A0                                                                                \
  "{\"kind\":\"sentence\",\"doc\":\"a1\",\"sent\":0,\"span\":[0,28],\"text\":\"Kim visited the " \
  "Russian embassy.\",\"tokens\":6,\"para\":0}\n"
#define SENT_A1                                                                                \
  "{\"kind\":\"sentence\",\"doc\":\"a1\",\"sent\":1,\"span\":[29,60],\"text\":\"Putin thanked "  \
  "him, \\\"warmly\\\".\",\"tokens\":7,\"para\":0}\n"
#define MENTION_A                                                                              \
  "{\"kind\":\"mention\",\"doc\":\"a1\",\"sent\":0,\"span\":[0,28],\"text\":\"Kim visited the "  \
  "Russian embassy.\",\"actor\":{\"code\":\"PRKGOV\",\"name\":\"Kim\",\"span\":[0,3]},"          \
  "\"resolved_from\":null,\"pattern\":\"dict/people.txt:1\",\"agent\":null}\n"
#define EVENT_A                                                                                \
  "{\"kind\":\"event\",\"doc\":\"a1\",\"sent\":0,\"span\":[0,28],\"text\":\"Kim visited the "    \
  "Russian embassy.\",\"source\":{\"code\":\"PRKGOV\",\"name\":\"Kim\",\"span\":[0,3]},"         \
  "\"target\":{\"code\":\"RUSGOV\",\"name\":\"Russian embassy\",\"span\":[12,27]},\"cameo\":"    \
  "\"042\",\"root\":\"04\",\"quad_class\":1,\"goldstein\":1.9,\"plover\":\"CONSULT\",\"verb\":"   \
  "{\"text\":\"visited\",\"span\":[4,11]},\"negated\":false,\"attribution\":null,\"date\":"      \
  "\"2025-05-20\",\"location\":null,\"pattern\":\"verbs/042:visit\",\"mood\":null}\n"

typedef struct rcase {
  const char *why;
  int kind;
  const char *lines; /* stored after DOC_A SENT_A0 SENT_A1; must come back as is */
} rcase;

static const rcase ROUND_TRIPS[] = {
    {"a document with nested meta", STORE_DOCUMENT, ""},
    {"sentences, one with escaped quotes", STORE_SENTENCE, ""},
    {"a mention with its sentence stored once", STORE_MENTION, MENTION_A},
    {"an event with every field of the contract", STORE_EVENT, EVENT_A},
    /* a field the contract does not have yet (a module adds one): kept in extra */
    {"an unknown field survives", STORE_MENTION,
     "{\"kind\":\"mention\",\"doc\":\"a1\",\"sent\":1,\"span\":[29,60],\"text\":\"Putin thanked "
     "him, \\\"warmly\\\".\",\"actor\":{\"code\":\"RUSGOV\",\"name\":\"Putin\",\"span\":[29,34]},"
     "\"resolved_from\":null,\"pattern\":null,\"agent\":null,\"confidence\":0.5}\n"},
    /* an actor with a member the store does not know: the object is kept whole */
    {"an actor object of another shape survives", STORE_QUOTE,
     "{\"kind\":\"quote\",\"doc\":\"a1\",\"sent\":1,\"span\":[29,60],\"text\":\"Putin thanked "
     "him, \\\"warmly\\\".\",\"quote\":{\"text\":\"warmly\",\"span\":[51,57]},\"speaker\":{\"code\":"
     "\"RUSGOV\",\"name\":\"Putin\",\"span\":[29,34],\"wikidata\":\"Q7747\"},\"who\":null}\n"},
    /* a number where a string belongs: the value is kept, not coerced */
    {"a value of another type survives", STORE_CLAIM,
     "{\"kind\":\"claim\",\"doc\":\"a1\",\"sent\":0,\"span\":[0,28],\"text\":\"Kim visited the "
     "Russian embassy.\",\"quantity\":5000,\"low\":5000,\"high\":null,\"qualifier\":\"at least\","
     "\"claim\":7,\"subject\":null,\"attribution\":null,\"number\":{\"text\":\"5,000\",\"span\":"
     "[1,6]}}\n"},
    {"a timex", STORE_TIMEX,
     "{\"kind\":\"timex\",\"doc\":\"a1\",\"sent\":0,\"span\":[0,28],\"text\":\"Kim visited the "
     "Russian embassy.\",\"expr\":{\"text\":\"Tuesday\",\"span\":[3,10]},\"value\":\"2025-W20\","
     "\"granularity\":\"week\",\"modifier\":null}\n"},
    {"a duplicate passage (a document-level record)", STORE_DUPLICATE,
     "{\"kind\":\"duplicate\",\"doc\":\"a1\",\"span\":[0,28],\"of\":{\"doc\":\"z9\",\"span\":[5,33]},"
     "\"similarity\":0.97}\n"},
    /* a kind this version does not know is kept whole, not dropped */
    {"an unknown kind goes to records", STORE_OTHER,
     "{\"kind\":\"sentiment\",\"doc\":\"a1\",\"sent\":1,\"score\":-0.25}\n"},
};

static void test_round_trip(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof ROUND_TRIPS / sizeof *ROUND_TRIPS; i++) {
    const rcase *c = &ROUND_TRIPS[i];
    store *st = open_new("rt.db");
    store_stats s = {0};
    buf in, out;
    buf_init(&in);
    buf_init(&out);
    buf_adds(&in, DOC_A SENT_A0 SENT_A1);
    buf_adds(&in, c->lines);
    buf_addc(&in, 0);
    add(st, in.z, &s);
    dump(st, c->kind, &out);
    const char *want = c->kind == STORE_DOCUMENT ? DOC_A
                       : c->kind == STORE_SENTENCE ? SENT_A0 SENT_A1 : c->lines;
    if (strcmp(out.z, want)) fail_msg("%s:\n got  %s want %s", c->why, out.z, want);
    buf_free(&in);
    buf_free(&out);
    store_close(st);
  }
}

/* The same document twice, in one chunk or two runs, is stored once, with
 * its records; a changed text is a new document. */
static void test_idempotent(void **state) {
  (void)state;
  store *st = open_new("idem.db");
  store_stats s = {0};
  add(st, DOC_A SENT_A0 SENT_A1 MENTION_A DOC_A SENT_A0 SENT_A1 MENTION_A, &s);
  add(st, DOC_A SENT_A0 SENT_A1 MENTION_A, &s);
  assert_int_equal(s.docs_seen, 3);
  assert_int_equal(s.docs_added, 1);
  assert_int_equal(s.docs_present, 2);
  assert_int_equal(count(st, "SELECT count(*) FROM mentions"), 1);
  /* same id, other words: another document */
  add(st, DOC_A "{\"kind\":\"sentence\",\"doc\":\"a1\",\"sent\":0,\"span\":[0,4],\"text\":\"Kim "
              "left.\",\"tokens\":2,\"para\":0}\n", &s);
  assert_int_equal(s.docs_added, 2);
  store_close(st);
}

/* Errors before a document naming it belong to it; one naming nothing (a
 * line that could not be read) is kept once however often it is read. */
static void test_errors(void **state) {
  (void)state;
  static const char IN[] =
      "{\"kind\":\"error\",\"input\":\"x.jsonl\",\"line\":1,\"doc\":null,\"message\":\"not JSON\"}\n"
      "{\"kind\":\"error\",\"input\":\"x.jsonl\",\"line\":2,\"doc\":\"a1\",\"message\":\"bad date\"}\n"
      DOC_A SENT_A0;
  store *st = open_new("err.db");
  store_stats s = {0};
  add(st, IN, &s);
  add(st, IN, &s);
  assert_int_equal(count(st, "SELECT count(*) FROM errors"), 2);
  assert_int_equal(count(st, "SELECT count(*) FROM errors WHERE document IS NULL"), 1);
  assert_int_equal(count(st, "SELECT records FROM documents"), 3); /* doc, error, sentence */
  assert_int_equal(s.errors_alone, 2);
  store_close(st);
}

/* Lines that are not records are counted and skipped, never stored half. */
static void test_bad_lines(void **state) {
  (void)state;
  store *st = open_new("bad.db");
  store_stats s = {0};
  add(st,
      "{\"kind\":\"mention\",\"doc\":\"a1\",\"sent\":0}\n" /* before any document */
      "not json at all\n"
      "[1,2]\n"
      "{\"no\":\"kind\"}\n"
      "\n" DOC_A SENT_A0,
      &s);
  assert_int_equal(s.bad_lines, 4);
  assert_int_equal(s.docs_added, 1);
  store_close(st);
}

/* A record naming a sentence no sentence record gave (a sink that did not
 * ask for sentences) makes the sentence from the record: evidence and the
 * full-text index still work. A "sent" that is not an index sends the
 * record to `records`, whole. */
static void test_synthetic_sentence(void **state) {
  (void)state;
  store *st = open_new("syn.db");
  store_stats s = {0};
  add(st, DOC_A EVENT_A
      "{\"kind\":\"event\",\"doc\":\"a1\",\"sent\":\"zero\",\"cameo\":\"042\"}\n", &s);
  assert_int_equal(count(st, "SELECT count(*) FROM sentences WHERE sent = 0"), 1);
  assert_int_equal(count(st, "SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'embassy'"), 1);
  assert_int_equal(count(st, "SELECT count(*) FROM records WHERE kind = 'event'"), 1);
  int ok;
  const char *r = check_text(st, &ok);
  assert_non_null(strstr(r, "complete documents: 1 of 1"));
  assert_true(ok);
  store_close(st);
}

/* many_docs writes n small documents as JSON Lines. */
static void many_docs(buf *b, int from, int n) {
  for (int i = from; i < from + n; i++) {
    buf_printf(b, "{\"kind\":\"document\",\"doc\":\"d%d\",\"date\":null,\"source\":null,\"title\":"
                  "null,\"url\":null,\"bytes\":20,\"sentences\":1,\"paragraphs\":1,\"dateline\":"
                  "null,\"meta\":null,\"duplicate_of\":null}\n", i);
    buf_printf(b, "{\"kind\":\"sentence\",\"doc\":\"d%d\",\"sent\":0,\"span\":[0,20],\"text\":"
                  "\"Envoys met, round %d.\",\"tokens\":5,\"para\":0}\n", i, i);
  }
}

/* A full database (max_page_count) rolls the batch back: the documents
 * committed before stay, whole, and none is half there. */
static void test_full(void **state) {
  (void)state;
  store *st = open_new("full.db");
  store_stats s = {0};
  buf b;
  buf_init(&b);
  many_docs(&b, 0, 4000);
  store_set_batch(st, 100, 60000);
  sqlite3_exec(store_db(st), "PRAGMA max_page_count = 120", NULL, NULL, NULL);
  int rc = store_add_jsonl(st, b.z, b.n, &s);
  assert_int_equal(rc, ERR_IO);
  assert_non_null(strstr(store_errmsg(st), "disk is full"));
  assert_true(s.docs_lost > 0);
  assert_true(s.docs_added > 0 && s.docs_added < 4000);
  assert_int_equal(count(st, "SELECT count(*) FROM documents"), (long long)s.docs_added);
  sqlite3_exec(store_db(st), "PRAGMA max_page_count = 1000000", NULL, NULL, NULL);
  int ok;
  char want[64];
  snprintf(want, sizeof want, "complete documents: %zu of %zu", s.docs_added, s.docs_added);
  assert_non_null(strstr(check_text(st, &ok), want));
  assert_true(ok);
  buf_free(&b);
  store_close(st);
}

/* The writer thread stores exactly what the caller's thread would. */
static void test_async_same(void **state) {
  (void)state;
  buf b;
  buf_init(&b);
  many_docs(&b, 0, 3000);
  buf_adds(&b, DOC_A SENT_A0 SENT_A1 MENTION_A EVENT_A);
  buf_addc(&b, 0);
  store *x = open_new("sync.db"), *y = open_new("async.db");
  assert_int_equal(store_async(y), ERR_OK);
  store_stats sx = {0}, sy = {0};
  add(x, b.z, &sx);
  size_t n = b.n - 1;
  for (size_t off = 0; off < n;) { /* in chunks that end between documents */
    const char *next = off + 20000 < n ? strstr(b.z + off + 20000, "\n{\"kind\":\"document\"") : NULL;
    size_t end = next ? (size_t)(next - b.z) + 1 : n;
    assert_int_equal(store_add_jsonl(y, b.z + off, end - off, &sy), ERR_OK);
    off = end;
  }
  assert_int_equal(store_commit(y, &sy), ERR_OK);
  assert_int_equal(sx.docs_added, sy.docs_added);
  int ok;
  char rx[4096];
  snprintf(rx, sizeof rx, "%s", check_text(x, &ok));
  assert_string_equal(rx, check_text(y, &ok));
  buf_free(&b);
  store_close(x);
  store_close(y);
}

/* ---- refused files, merging, the check ----------------------------------- */

static void test_refused(void **state) {
  (void)state;
  store *st;
  char err[800];
  FILE *f = fopen(path_of("text.db"), "w");
  fputs("plain text, not a database\n", f);
  fclose(f);
  assert_int_equal(store_open(path_of("text.db"), STORE_WRITE, &st, err, sizeof err), ERR_PARSE);
  assert_non_null(strstr(err, "not an SQLite file"));
  assert_int_equal(store_open(path_of("none.db"), STORE_READ, &st, err, sizeof err), ERR_NOTFOUND);
  st = open_new("newer.db");
  sqlite3_exec(store_db(st), "PRAGMA user_version = 2", NULL, NULL, NULL);
  store_close(st);
  assert_int_equal(store_open(path_of("newer.db"), STORE_READ, &st, err, sizeof err), ERR_PARSE);
  assert_non_null(strstr(err, "newer than this dyad's"));
  assert_int_equal(store_open(dir, STORE_WRITE, &st, err, sizeof err), ERR_INVALID);
}

/* Merging shards in order gives the tables of one ingest of both inputs,
 * row ids included; a document in both shards is stored once. */
static void test_merge(void **state) {
  (void)state;
  buf a, b, both;
  buf_init(&a), buf_init(&b), buf_init(&both);
  many_docs(&a, 0, 50);
  many_docs(&b, 40, 50); /* d40-d49 in both */
  buf_adds(&b, DOC_A SENT_A0 MENTION_A);
  buf_add(&both, a.z, a.n);
  buf_add(&both, b.z, b.n);
  buf_addc(&a, 0), buf_addc(&b, 0), buf_addc(&both, 0);
  store_stats s = {0};
  store *x = open_new("x.db"), *y = open_new("y.db"), *one = open_new("one.db");
  add(x, a.z, &s), add(y, b.z, &s), add(one, both.z, &s);
  store_close(x), store_close(y);
  store *m = open_new("m.db");
  memset(&s, 0, sizeof s);
  assert_int_equal(store_merge(m, path_of("x.db"), &s), ERR_OK);
  assert_int_equal(store_merge(m, path_of("y.db"), &s), ERR_OK);
  assert_int_equal(s.docs_added, 91);
  assert_int_equal(s.docs_present, 10);
  int ok;
  char r1[4096];
  snprintf(r1, sizeof r1, "%s", check_text(one, &ok));
  assert_string_equal(r1, check_text(m, &ok));
  assert_true(ok);
  assert_int_equal(store_merge(m, path_of("m.db"), &s), ERR_INVALID);
  buf_free(&a), buf_free(&b), buf_free(&both);
  store_close(one), store_close(m);
}

/* The check sees a document that lost a row (what a partial write would
 * leave), so the kill -9 test can trust it. */
static void test_check_partial(void **state) {
  (void)state;
  store *st = open_new("part.db");
  store_stats s = {0};
  add(st, DOC_A SENT_A0 SENT_A1 MENTION_A EVENT_A, &s);
  int ok;
  assert_non_null(strstr(check_text(st, &ok), "complete documents: 1 of 1"));
  assert_true(ok);
  sqlite3_exec(store_db(st), "DELETE FROM mentions", NULL, NULL, NULL);
  assert_non_null(strstr(check_text(st, &ok), "complete documents: 0 of 1"));
  assert_false(ok);
  store_close(st);
}

static int setup(void **state) {
  (void)state;
  snprintf(dir, sizeof dir, "/tmp/dyad-test-store-XXXXXX");
  return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_hash),          cmocka_unit_test(test_hash_pieces),
      cmocka_unit_test(test_round_trip),    cmocka_unit_test(test_idempotent),
      cmocka_unit_test(test_errors),        cmocka_unit_test(test_bad_lines),
      cmocka_unit_test(test_synthetic_sentence), cmocka_unit_test(test_full),
      cmocka_unit_test(test_async_same),    cmocka_unit_test(test_refused),
      cmocka_unit_test(test_merge),         cmocka_unit_test(test_check_partial),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
