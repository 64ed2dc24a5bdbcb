/* store_cmd.c: dyad ingest, query, export and merge: their options, the
 * sink that hands `dyad code`'s records to the store, progress and
 * summaries. The work is in store.c, query.c and export.c. */
#include "store_cmd.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "err.h"
#include "export.h"
#include "jsonl.h"
#include "query.h"
#include "store.h"

/* Records the store asks `dyad code` for on top of its defaults. */
#define INGEST_FLAGS (JSONL_SENTENCES | JSONL_MENTIONS | JSONL_LEAN)

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A full disk is simulated (and met, on some file systems) as a file size
 * limit, whose signal would kill dyad before SQLite could roll back: with
 * it ignored, the write fails with EFBIG and the batch is rolled back. */
static void ignore_file_size_signal(void) { signal(SIGXFSZ, SIG_IGN); }

/* ---- progress ----------------------------------------------------------- */

typedef struct progress {
  int tty;      /* standard error is a terminal: redraw one status line */
  int shown;    /* a status line is on screen */
  double t0, last;
  size_t total; /* input items (documents or lines), 0 if unknown */
} progress;

static int has_ext(const char *path, const char *ext) {
  size_t n = strlen(path), k = strlen(ext);
  return n > k && !strcmp(path + n - k, ext);
}

/* count_items estimates the items the reader makes of path: one per
 * non-blank line of JSON Lines, one per other file (or per input that will
 * be an error record). */
static size_t count_items(const char *path) {
  struct stat sb;
  if (stat(path, &sb) || !S_ISREG(sb.st_mode) || has_ext(path, ".txt") ||
      has_ext(path, ".html") || has_ext(path, ".htm"))
    return 1;
  FILE *f = fopen(path, "rb");
  if (!f) return 1;
  int c, blank = 1, first = 0, jsonl = has_ext(path, ".jsonl");
  size_t lines = 0;
  while ((c = getc_unlocked(f)) != EOF) {
    if (!first && c != ' ' && c != '\t' && c != '\n' && c != '\r') first = c;
    if (c == '\n') lines += !blank, blank = 1;
    else if (c != ' ' && c != '\t' && c != '\r') blank = 0;
  }
  lines += !blank;
  fclose(f);
  return (jsonl || first == '{') && lines ? lines : 1;
}

/* input_items is the total of count_items over the inputs among `dyad
 * code`'s arguments, or 0 when one is standard input (its size is unknown). */
static size_t input_items(int argc, char **argv) {
  static const char *const VALUED[] = {"--date", "--source", "--threads", "-o", "--max-bytes",
                                       "--dict", NULL};
  size_t total = 0;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    int valued = 0;
    for (int k = 0; VALUED[k]; k++) valued |= !strcmp(a, VALUED[k]);
    if (valued) i++;
    else if (!strcmp(a, "-")) return 0;
    else if (a[0] != '-') total += count_items(a);
  }
  return total;
}

static void progress_clear(progress *p) {
  if (p->shown) fputs("\r\033[K", stderr);
  p->shown = 0;
}

/* progress_show redraws the status line: s counts what was read and
 * stored, w what the store's writer has read and stored since. */
static void progress_show(progress *p, const store_stats *s, const store_stats *w) {
  double t = now();
  if (!p->tty || t - p->last < 0.25) return;
  p->last = t;
  double secs = t - p->t0 > 1e-6 ? t - p->t0 : 1e-6;
  size_t seen = s->docs_seen + w->docs_seen;
  size_t items = seen + s->errors_alone + w->errors_alone;
  fprintf(stderr, "\r\033[Kdyad ingest: %zu documents read, %zu stored, %zu already there, "
                  "%.0f docs/s, %zu errors",
          seen, s->docs_added + w->docs_added, s->docs_present + w->docs_present,
          (double)seen / secs, s->errors_seen + w->errors_seen);
  if (p->total && items && items <= p->total) {
    double frac = (double)items / (double)p->total, eta = secs * (1 - frac) / frac;
    fprintf(stderr, ", %.0f%%, ETA %d:%02d", 100 * frac, (int)eta / 60, (int)eta % 60);
  }
  p->shown = 1;
}

/* ---- ingest ------------------------------------------------------------- */

typedef struct ingest {
  store *st;
  store_stats stats;
  const char *db;
  int failed;
  progress pr;
} ingest;

static int ingest_sink(void *ctx, const buf *out) {
  ingest *g = ctx;
  int rc = store_add_jsonl(g->st, out->z, out->n, &g->stats);
  if (rc) {
    progress_clear(&g->pr);
    fprintf(stderr, "dyad ingest: %s\n", store_errmsg(g->st));
    g->failed = 1;
    return rc;
  }
  if (g->pr.tty) {
    store_stats w;
    store_peek(g->st, &w);
    progress_show(&g->pr, &g->stats, &w);
  }
  return ERR_OK;
}

static long long stored_documents(store *st) {
  sqlite3_stmt *s;
  long long n = -1;
  if (sqlite3_prepare_v2(store_db(st), "SELECT count(*) FROM documents", -1, &s, NULL)) return -1;
  if (sqlite3_step(s) == SQLITE_ROW) n = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  return n;
}

/* rows_added lists the rows added, by kind, for the summary line. */
static void rows_added(const store_stats *s, char *out, size_t n) {
  size_t k = 0;
  out[0] = 0;
  for (int i = STORE_SENTENCE; i < STORE_NKINDS && k < n; i++)
    if (s->rows[i])
      k += (size_t)snprintf(out + k, n - k, "%s%zu %s", k ? ", " : "", s->rows[i],
                            store_kind_table(i));
  if (!k) snprintf(out, n, "no rows");
}

static void ingest_summary(ingest *g, const char *verb, double secs) {
  char rows[600];
  rows_added(&g->stats, rows, sizeof rows);
  const store_stats *s = &g->stats;
  progress_clear(&g->pr);
  fprintf(stderr, "dyad %s: %s: %zu documents read: %zu added, %zu already stored%s; %s added; "
                  "%zu error records", verb, g->db, s->docs_seen, s->docs_added, s->docs_present,
          s->docs_added == 0 && s->docs_seen ? " (nothing new)" : "", rows, s->errors_seen);
  if (s->bad_lines) fprintf(stderr, ", %zu lines that were not records skipped", s->bad_lines);
  fprintf(stderr, "; %.2f s (%.0f docs/s)", secs, (double)s->docs_seen / (secs > 0 ? secs : 1e-9));
  long long n = stored_documents(g->st);
  if (n >= 0) fprintf(stderr, "; the store holds %lld documents", n);
  fputc('\n', stderr);
  if (g->failed)
    fprintf(stderr, "dyad %s: stopped: %zu documents of the unfinished batch were rolled back "
                    "(no partial document is stored); rerun the same command to resume\n",
            verb, s->docs_lost);
}

/* ingest_args takes the store's options out of argv; the rest (dyad code's
 * options and inputs) are left in code_argv. Returns 0, or 2 after a usage
 * message. */
static int ingest_args(int argc, char **argv, const char **db, size_t *batch, char **code_argv,
                       int *ncode) {
  *ncode = 0;
  for (int i = 0; i < argc; i++) {
    if (!strcmp(argv[i], "--db") || !strcmp(argv[i], "--batch")) {
      if (i + 1 >= argc) return cli_usage_error("%s needs a value", argv[i]);
      if (!strcmp(argv[i], "--db")) *db = argv[++i];
      else if ((*batch = strtoul(argv[++i], NULL, 10)) == 0)
        return cli_usage_error("--batch %s: expected a number of documents", argv[i]);
      continue;
    }
    code_argv[(*ncode)++] = argv[i];
  }
  if (!*db) return cli_usage_error("%s needs --db FILE", "ingest");
  return 0;
}

int store_cmd_ingest(int argc, char **argv) {
  const char *db = NULL;
  size_t batch = 0;
  int ncode;
  char **code_argv = calloc((size_t)argc + 1, sizeof *code_argv);
  if (!code_argv) return 1;
  int rc = ingest_args(argc, argv, &db, &batch, code_argv, &ncode);
  if (rc) return free(code_argv), rc;
  ingest g;
  memset(&g, 0, sizeof g);
  g.db = db;
  char err[800];
  ignore_file_size_signal();
  if (store_open(db, STORE_WRITE, &g.st, err, sizeof err)) {
    fprintf(stderr, "dyad ingest: %s\n", err);
    return free(code_argv), 1;
  }
  if (batch) store_set_batch(g.st, batch, 1000);
  /* SQLite writes on the store's own thread, beside parsing and coding */
  store_async(g.st);
  g.pr.tty = isatty(STDERR_FILENO);
  g.pr.total = g.pr.tty ? input_items(ncode, code_argv) : 0;
  g.pr.t0 = now();
  /* the writer thread takes a core of those --threads gives (all by default):
   * coding on every core starves the writer, which is the slower side, and
   * made two threads slower than one */
  cli_sink sink = {ingest_sink, &g, INGEST_FLAGS, 1};
  int status = cli_code(ncode, code_argv, &sink);
  if (!g.failed && store_commit(g.st, &g.stats)) {
    fprintf(stderr, "dyad ingest: %s\n", store_errmsg(g.st));
    g.failed = 1;
  }
  if (status != 2) ingest_summary(&g, "ingest", now() - g.pr.t0);
  store_close(g.st);
  free(code_argv);
  return g.failed ? 1 : status;
}

/* ---- query -------------------------------------------------------------- */

/* store_args reads --db and the query options shared by query and export;
 * other options go to more(), which returns 1 if it took one. Returns 0 or
 * a usage error's status. */
typedef int (*more_fn)(void *ctx, int argc, char **argv, int *i);

static int store_args(const char *cmd, int argc, char **argv, const char **db, query_opts *o,
                      more_fn more, void *ctx) {
  char err[300];
  for (int i = 0; i < argc; i++) {
    if (!strcmp(argv[i], "--db")) {
      if (i + 1 >= argc) return cli_usage_error("%s needs a value", "--db");
      *db = argv[++i];
      continue;
    }
    if (more && more(ctx, argc, argv, &i)) continue;
    int r = query_option(o, argc, argv, &i, err, sizeof err);
    if (r < 0) return cli_usage_error("%s", err);
    if (r == 0)
      return fprintf(stderr, "dyad %s: ", cmd), cli_usage_error("unknown option %s", argv[i]);
  }
  if (!*db) return fprintf(stderr, "dyad %s: ", cmd), cli_usage_error("%s", "--db FILE is required");
  if (o->by && o->top) return cli_usage_error("%s", "give --by or --top, not both");
  return 0;
}

static int check_option(void *ctx, int argc, char **argv, int *i) {
  (void)argc;
  if (strcmp(argv[*i], "--check")) return 0;
  *(int *)ctx = 1;
  return 1;
}

static int finish_output(const char *cmd, FILE *out) {
  if (fflush(out) == 0 && !ferror(out)) return 0;
  fprintf(stderr, "dyad %s: cannot write the output: %s\n", cmd, strerror(errno));
  return 1;
}

static int run_check(store *st) {
  int ok = 0;
  if (store_check(st, stdout, &ok)) {
    fprintf(stderr, "dyad query: %s\n", store_errmsg(st));
    return 1;
  }
  return finish_output("query", stdout) || !ok;
}

int store_cmd_query(int argc, char **argv) {
  query_opts o;
  const char *db = NULL;
  int check = 0, rc;
  query_init(&o, stdout);
  if ((rc = store_args("query", argc, argv, &db, &o, check_option, &check))) return rc;
  store *st;
  char err[800];
  /* the full-text check needs a writable connection; queries never write */
  int mode = check && access(db, W_OK) == 0 ? STORE_WRITE : STORE_READ;
  if (store_open(db, mode, &st, err, sizeof err)) {
    fprintf(stderr, "dyad query: %s\n", err);
    return 1;
  }
  if (check) rc = run_check(st);
  else if ((rc = query_run(st, &o, stdout, err, sizeof err)))
    fprintf(stderr, "dyad query: %s\n", err), rc = rc == ERR_INVALID ? 2 : 1;
  else rc = finish_output("query", stdout);
  store_close(st);
  return rc;
}

/* ---- export ------------------------------------------------------------- */

typedef struct export_args {
  int format, header;
  const char *out;
} export_args;

static int export_option(void *ctx, int argc, char **argv, int *i) {
  export_args *x = ctx;
  const char *a = argv[*i];
  if (!strcmp(a, "--header")) return x->header = 1;
  if (strcmp(a, "--format") && strcmp(a, "-o")) return 0;
  if (*i + 1 >= argc) return 0;
  if (!strcmp(a, "-o")) x->out = argv[++*i];
  else if ((x->format = export_format(argv[++*i])) < 0) x->format = -2;
  return 1;
}

int store_cmd_export(int argc, char **argv) {
  query_opts o;
  export_args x = {-1, 0, NULL};
  const char *db = NULL;
  query_init(&o, stdout);
  int rc = store_args("export", argc, argv, &db, &o, export_option, &x);
  if (rc) return rc;
  if (x.format < 0) return cli_usage_error("export needs --format %s", "jsonl|csv|gdelt|plover");
  store *st;
  char err[800];
  if (store_open(db, STORE_READ, &st, err, sizeof err)) {
    fprintf(stderr, "dyad export: %s\n", err);
    return 1;
  }
  FILE *out = x.out ? fopen(x.out, "w") : stdout;
  if (!out) {
    fprintf(stderr, "dyad export: cannot write %s: %s\n", x.out, strerror(errno));
    return store_close(st), 1;
  }
  size_t skipped = 0;
  if ((rc = export_run(st, x.format, &o, x.header, out, &skipped, err, sizeof err)))
    fprintf(stderr, "dyad export: %s\n", err), rc = rc == ERR_INVALID ? 2 : 1;
  else rc = finish_output("export", out);
  if (skipped)
    fprintf(stderr, "dyad export: %zu events without a PLOVER type were left out\n", skipped);
  if (x.out && fclose(out) && !rc) rc = 1;
  store_close(st);
  return rc;
}

/* ---- merge -------------------------------------------------------------- */

int store_cmd_merge(int argc, char **argv) {
  if (argc < 2) return cli_usage_error("%s", "merge needs OUT.db and at least one IN.db");
  for (int i = 0; i < argc; i++)
    if (argv[i][0] == '-' && argv[i][1]) return cli_usage_error("merge: unknown option %s", argv[i]);
  ingest g;
  memset(&g, 0, sizeof g);
  g.db = argv[0];
  char err[800];
  ignore_file_size_signal();
  if (store_open(argv[0], STORE_WRITE, &g.st, err, sizeof err)) {
    fprintf(stderr, "dyad merge: %s\n", err);
    return 1;
  }
  double t0 = now();
  for (int i = 1; i < argc && !g.failed; i++) {
    store_stats before = g.stats;
    if (store_merge(g.st, argv[i], &g.stats)) {
      fprintf(stderr, "dyad merge: %s\n", store_errmsg(g.st));
      g.failed = 1;
    } else {
      fprintf(stderr, "dyad merge: %s: %zu documents, %zu added, %zu already in %s\n", argv[i],
              g.stats.docs_seen - before.docs_seen, g.stats.docs_added - before.docs_added,
              g.stats.docs_present - before.docs_present, argv[0]);
    }
  }
  ingest_summary(&g, "merge", now() - t0);
  store_close(g.st);
  return g.failed;
}
