/* cli.c: the dyad command line. Argument parsing only; the work is in the
 * modules (reader -> doc -> jsonl sink, wired by pipeline). */
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "actor.h"
#include "cli.h"
#include "dict.h"
#include "doc.h"
#include "dup.h"
#include "pattern.h"
#include "quote.h"
#include "err.h"
#include "html.h"
#include "jsonl.h"
#include "pipeline.h"
#include "reader.h"
#include "store_cmd.h"

#define DYAD_VERSION "0.1.0"
#define DEFAULT_MAX_BYTES ((size_t)64 << 20)

static const char USAGE[] =
    "usage: dyad <command> [options]\n"
    "\n"
    "commands:\n"
    "  code [options] [FILE|-]...   read news documents, write JSON Lines records\n"
    "  dict [--dict SPEC]... [--no-default-dict]\n"
    "                               load dictionaries, report their size, load time,\n"
    "                               memory and every malformed line\n"
    "  explain [--date D] [--dict SPEC]... TEXT|-\n"
    "                               code one text and show every step: tokens,\n"
    "                               actors, the patterns tried and why events were\n"
    "                               kept or dropped\n"
    "  ingest --db FILE [code options] INPUT...\n"
    "                               code documents and store every record in SQLite\n"
    "  query --db FILE [filters]    events, mentions, claims ... with filters and\n"
    "                               aggregates (--by month, --top dyads N)\n"
    "  export --db FILE --format jsonl|csv|gdelt|plover\n"
    "  merge OUT.db IN.db...        merge stores from separate runs\n"
    "  version                      print the version\n"
    "  help                         this text\n"
    "\n"
    "dyad code options:\n"
    "  --date YYYY-MM-DD   publication date for documents that have none\n"
    "  --source NAME       source for documents that have none\n"
    "  --threads N         worker threads (default: number of cores)\n"
    "  -o FILE             write to FILE instead of standard output\n"
    "  --sentences         also emit a sentence record per sentence\n"
    "  --mentions          also emit a mention record per actor mention\n"
    "  --no-events         do not code events (and load no dictionary unless needed)\n"
    "  --keep-negated      also emit negated events, with \"negated\": true\n"
    "  --no-duplicates     do not look for repeated passages and duplicate documents\n"
    "  --dict SPEC         load a dictionary too: a file in dyad's format, or\n"
    "                      tabari:PATH or petrarch:PATH (repeatable)\n"
    "  --no-default-dict   do not load dyad's own dictionaries (dict/dyad.txt)\n"
    "  --max-bytes N       largest document or JSON line accepted; larger ones are\n"
    "                      skipped with an error record (default 64M; K, M, G suffixes)\n"
    "  --stats             print documents, sentences, MB/s and peak memory to stderr\n"
    "\n"
    "Inputs: .txt and .html/.htm files (one document each), .jsonl files (one JSON\n"
    "object per line: id, text or html, date, source, title, url), or - for standard\n"
    "input. With no input, standard input is read.\n";

typedef struct code_ctx {
  doc_opts dopts;
  unsigned flags;
  const dict *dict; /* NULL when nothing needs it */
  coder coder;      /* its dict is NULL when events are not coded */
  const pattern_index *patterns; /* TABARI/PETRARCH patterns: coded with them instead */
  pattern_options popt;
  unsigned coder_flags;
  int dups;         /* compute duplicate signatures for the in-order stage */
  int timing;       /* --stats: time each stage */
  atomic_size_t ndocs, nsent, nerrors, nbytes;
  atomic_ullong ns_read, ns_actors, ns_events, ns_more, ns_format; /* thread CPU time per stage */
  atomic_ullong ns_dates, ns_quotes, ns_claims, ns_sigs;         /* ns_more, split */
  atomic_ullong ns_index; /* the duplicate index, in the in-order stage */
} code_ctx;

/* thread_ns_on is a monotonic clock read through the vDSO (the thread CPU
 * clock is a system call, which cost more than the stages it measured); with
 * no more workers than cores, a worker's elapsed time is its CPU time. */
static unsigned long long thread_ns_on(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts); /* vDSO: no system call */
  return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

/* Per-stage timing reads the clock six times per document: only with --stats. */
#define thread_ns() (c->timing ? thread_ns_on() : 0ull)

typedef struct sink_ctx {
  FILE *out;
} sink_ctx;

/* The in-order stage: the duplicate index over the whole run. */
typedef struct dup_ctx {
  code_ctx *c; /* its timing and ns_index */
  dup_index *index;
  char **ids; /* by document number */
  size_t n, cap;
  size_t ndup_docs, ndup_passages;
} dup_ctx;

static void duplicate_record(buf *b, const char *id, const dup_hit *h, const char *of) {
  buf_adds(b, "{\"kind\":\"duplicate\",\"doc\":");
  buf_json_strz(b, id);
  buf_adds(b, ",\"span\":");
  buf_json_span(b, h->start, h->end);
  buf_adds(b, ",\"of\":{\"doc\":");
  buf_json_strz(b, of);
  buf_adds(b, ",\"span\":");
  buf_json_span(b, h->of_start, h->of_end);
  buf_printf(b, "},\"similarity\":%.3f}\n", h->similarity);
}

/* dup_order looks the document up in the index and adds it: the document
 * record's "duplicate_of" (its last field, written null by the worker) names
 * an earlier near-identical document, and each repeated passage gets a
 * duplicate record after the document's own records. */
static int dup_order(void *vctx, const reader_item *it, const char *out, size_t n,
                     const char *side, size_t nside, buf *final) {
  (void)it;
  dup_ctx *x = vctx;
  uint32_t k;
  if (nside < 4 || (memcpy(&k, side, 4), nside < 4 + (size_t)k)) {
    buf_add(final, out, n);
    return ERR_OK;
  }
  char *id = strndup(side + 4, k);
  if (!id || (x->n == x->cap && !(x->ids = realloc(x->ids, (x->cap = x->cap ? x->cap * 2 : 1024) * sizeof *x->ids))))
    return free(id), ERR_NOMEM;
  const dup_hit *hits;
  size_t nh, nsig = nside - 4 - k;
  /* the side buffer packs the signature after the id, unaligned: copy it */
  void *sig = malloc(nsig ? nsig : 1);
  if (!sig) return free(id), ERR_NOMEM;
  memcpy(sig, side + 4 + k, nsig);
  code_ctx *c = x->c;
  unsigned long long t0 = thread_ns();
  int rc = dup_index_add(x->index, x->n, sig, DUP_DOC_THRESHOLD, DUP_PASSAGE_THRESHOLD, &hits, &nh);
  if (c->timing) atomic_fetch_add(&c->ns_index, thread_ns_on() - t0);
  free(sig);
  if (rc) return free(id), ERR_NOMEM;
  x->ids[x->n++] = id;
  const char *of = NULL;
  for (size_t i = 0; i < nh; i++)
    if (hits[i].is_doc) of = x->ids[hits[i].of_doc];
  static const char NUL_TAIL[] = "\"duplicate_of\":null}\n";
  const char *docrec = of ? strstr(out, "{\"kind\":\"document\"") : NULL;
  const char *tail = docrec ? strstr(docrec, NUL_TAIL) : NULL;
  if (tail && tail < out + n) {
    buf_add(final, out, (size_t)(tail - out));
    buf_adds(final, "\"duplicate_of\":");
    buf_json_strz(final, of);
    buf_adds(final, "}\n");
    size_t done = (size_t)(tail - out) + sizeof NUL_TAIL - 1;
    buf_add(final, out + done, n - done);
    x->ndup_docs++;
  } else {
    buf_add(final, out, n);
  }
  for (size_t i = 0; i < nh; i++)
    if (!hits[i].is_doc) duplicate_record(final, id, &hits[i], x->ids[hits[i].of_doc]), x->ndup_passages++;
  return final->oom ? ERR_NOMEM : ERR_OK;
}

static void dup_ctx_free(dup_ctx *x) {
  for (size_t i = 0; i < x->n; i++) free(x->ids[i]);
  free(x->ids);
  dup_index_free(x->index);
}

/* side_signature passes the document's id and duplicate signature to the
 * in-order stage: [u32 id length][id][signature]. */
static void side_signature(arena *a, const doc *d, buf *side) {
  dup_sig *sig;
  if (dup_signature(a, &d->td, &sig)) return;
  uint32_t k = (uint32_t)strlen(d->id);
  size_t nb = dup_sig_bytes(sig);
  if (buf_reserve(side, 4 + k + nb)) return;
  buf_add(side, &k, 4);
  buf_add(side, d->id, k);
  dup_sig_copy(side->z + side->n, sig);
  side->n += nb;
}

static int code_work(void *vctx, arena *a, const reader_item *it, char *data, size_t n,
                     buf *out, buf *side) {
  code_ctx *c = vctx;
  if (it->kind == READ_ERROR) {
    jsonl_error(out, it->input, it->line, NULL, it->message);
    atomic_fetch_add(&c->nerrors, 1);
    return out->oom ? ERR_NOMEM : ERR_OK;
  }
  doc d;
  unsigned long long t0 = thread_ns();
  int rc = doc_read(&c->dopts, a, it, data, n, &d);
  unsigned long long t1 = thread_ns();
  atomic_fetch_add(&c->ns_read, t1 - t0);
  if (rc == ERR_NOMEM) {
    doc_release(&d);
    char msg[200];
    snprintf(msg, sizeof msg, "out of memory coding this document (%zu bytes); document skipped",
             n);
    jsonl_error(out, it->input, it->line, NULL, msg);
    return ERR_OK;
  }
  if (rc) return doc_release(&d), rc;
  if (c->dict && !d.skipped) {
    int32_t date = d.date ? dict_date(d.date, strlen(d.date), 1) : 0;
    if (actor_find(c->dict, a, &d.td, date > 0 ? date : 0, &d.actors)) {
      doc_release(&d);
      jsonl_error(out, it->input, it->line, d.id, "out of memory finding actors; document skipped");
      return ERR_OK;
    }
  }
  unsigned long long ta = thread_ns();
  atomic_fetch_add(&c->ns_actors, ta - t1);
  if (c->patterns && !d.skipped) {
    pattern_result pr;
    d.codes = c->coder.codes;
    int32_t date = d.date ? dict_date(d.date, strlen(d.date), 1) : 0;
    if (pattern_code(c->patterns, &c->popt, a, &d.td, date > 0 ? date : 0, &d.actors, 0, &pr)) {
      doc_release(&d);
      jsonl_error(out, it->input, it->line, d.id, "out of memory coding events; document skipped");
      return ERR_OK;
    }
    d.events = pr.events;
    d.actors = pr.actors;
  } else if (c->coder.d && !d.skipped) {
    d.codes = c->coder.codes;
    if (coder_run(&c->coder, a, &d.td, &d.actors, c->coder_flags, &d.events)) {
      doc_release(&d);
      jsonl_error(out, it->input, it->line, d.id, "out of memory coding events; document skipped");
      return ERR_OK;
    }
  }
  unsigned long long te = thread_ns();
  atomic_fetch_add(&c->ns_events, te - ta);
  if ((c->flags & JSONL_TIMEX) && !d.skipped) {
    int32_t date = d.date ? dict_date(d.date, strlen(d.date), 1) : 0;
    if (timex_find(a, &d.td, date > 0 ? date : 0, &d.timexes) == ERR_NOMEM) {
      doc_release(&d);
      jsonl_error(out, it->input, it->line, d.id, "out of memory finding dates; document skipped");
      return ERR_OK;
    }
  }
  unsigned long long tq = thread_ns();
  atomic_fetch_add(&c->ns_dates, tq - te);
  if ((c->flags & JSONL_QUOTES) && !d.skipped && quote_find(a, &d.td, &d.actors, &d.quotes)) {
    doc_release(&d);
    jsonl_error(out, it->input, it->line, d.id, "out of memory finding quotes; document skipped");
    return ERR_OK;
  }
  unsigned long long tc = thread_ns();
  atomic_fetch_add(&c->ns_quotes, tc - tq);
  if ((c->flags & JSONL_CLAIMS) && !d.skipped && claim_find(a, &d.td, &d.actors, &d.claims)) {
    doc_release(&d);
    jsonl_error(out, it->input, it->line, d.id, "out of memory finding claims; document skipped");
    return ERR_OK;
  }
  unsigned long long ts = thread_ns();
  atomic_fetch_add(&c->ns_claims, ts - tc);
  if (c->dups && !d.skipped) side_signature(a, &d, side);
  unsigned long long t2 = thread_ns();
  atomic_fetch_add(&c->ns_sigs, t2 - ts);
  atomic_fetch_add(&c->ns_more, t2 - te);
  jsonl_doc(out, &d, c->flags);
  atomic_fetch_add(&c->ns_format, thread_ns() - t2);
  doc_release(&d);
  atomic_fetch_add(&c->nerrors, d.nerr);
  if (!d.skipped) {
    atomic_fetch_add(&c->ndocs, 1);
    atomic_fetch_add(&c->nsent, d.td.nsent);
    atomic_fetch_add(&c->nbytes, d.n);
  }
  return out->oom ? ERR_NOMEM : ERR_OK;
}

static int code_sink(void *vctx, const buf *out) {
  sink_ctx *s = vctx;
  if (out->n && fwrite(out->z, 1, out->n, s->out) != out->n) return ERR_IO;
  return ERR_OK;
}

static int parse_size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s) return 0;
  unsigned long long mul = 1;
  if (*end == 'K' || *end == 'k') mul = 1ull << 10, end++;
  else if (*end == 'M' || *end == 'm') mul = 1ull << 20, end++;
  else if (*end == 'G' || *end == 'g') mul = 1ull << 30, end++;
  if (*end || v == 0 || v > (1ull << 42) / mul) return 0;
  *out = (size_t)(v * mul);
  return 1;
}

static int ncores(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? (int)n : 1;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void print_stats(code_ctx *c, const pipeline_stats *st, int threads, double secs) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  size_t ndocs = atomic_load(&c->ndocs), nsent = atomic_load(&c->nsent);
  double mb = (double)st->in_bytes / 1e6;
  fprintf(stderr,
          "dyad: %zu documents, %zu sentences, %.1f MB read in %.3f s with %d thread%s: "
          "%.0f docs/s, %.0f sentences/s, %.1f MB/s, peak RSS %.1f MB, %zu errors\n",
          ndocs, nsent, mb, secs, threads, threads == 1 ? "" : "s", ndocs / secs, nsent / secs,
          mb / secs, (double)ru.ru_maxrss / 1024.0, atomic_load(&c->nerrors));
  if (!c->timing) return;
  double r = (double)atomic_load(&c->ns_read) / 1e9, ac = (double)atomic_load(&c->ns_actors) / 1e9,
         ev = (double)atomic_load(&c->ns_events) / 1e9, f = (double)atomic_load(&c->ns_format) / 1e9,
         ix = (double)atomic_load(&c->ns_index) / 1e9,
         mo = (double)atomic_load(&c->ns_more) / 1e9 + ix;
  fprintf(stderr,
          "dyad: stages (seconds, summed over workers): read+segment %.3f (%.1f MB/s), "
          "actors %.3f (%.1f MB/s), events %.3f, dates+quotes+claims+duplicates %.3f "
          "(%.0f%% of actors+events), format %.3f\n",
          r, r > 0 ? mb / r : 0.0, ac, ac > 0 ? mb / ac : 0.0, ev, mo,
          ac + ev > 0 ? 100.0 * mo / (ac + ev) : 0.0, f);
  fprintf(stderr,
          "dyad: of which dates %.3f, quotes %.3f, claims %.3f, duplicate signatures %.3f, "
          "duplicate index %.3f (in-order stage)\n",
          (double)atomic_load(&c->ns_dates) / 1e9, (double)atomic_load(&c->ns_quotes) / 1e9,
          (double)atomic_load(&c->ns_claims) / 1e9, (double)atomic_load(&c->ns_sigs) / 1e9, ix);
}

/* default_dict finds dict/dyad.txt next to the executable or its directory's
 * parent (a build tree) or in ../share/dyad (an installed copy); writes it to
 * out, or returns 0. */
static int default_dict(char *out, size_t cap) {
  char exe[4096];
  ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (k <= 0) return 0;
  exe[k] = 0;
  char *slash = strrchr(exe, '/');
  if (!slash) return 0;
  *slash = 0;
  /* ./dyad, build/dyad-asan (tests) and PREFIX/bin/dyad */
  static const char *const rel[] = {"/dict/dyad.txt", "/../dict/dyad.txt",
                                    "/../share/dyad/dict/dyad.txt"};
  for (size_t i = 0; i < 3; i++) {
    snprintf(out, cap, "%s%s", exe, rel[i]);
    if (access(out, R_OK) == 0) return 1;
  }
  return 0;
}

/* load_codes reads dict/cameo.tsv, found as the default dictionary is. */
static int load_codes(cameo_table **out) {
  char path[4200];
  size_t nbad;
  if (!default_dict(path, sizeof path)) {
    fprintf(stderr, "dyad: dict/cameo.tsv not found next to the executable\n");
    return ERR_NOTFOUND;
  }
  char *slash = strrchr(path, '/');
  snprintf(slash + 1, sizeof path - (size_t)(slash + 1 - path), "cameo.tsv");
  int rc = cameo_load(path, out, &nbad);
  if (rc) fprintf(stderr, "dyad: cannot read %s\n", path);
  return rc;
}

typedef struct dict_opts {
  const char *specs[64];
  size_t nspecs;
  int no_default;
} dict_opts;

/* load_dicts builds the dictionary from dyad's own files and the --dict
 * specs; malformed lines are printed (at most max_report) and skipped.
 * Returns ERR_OK, or an error after printing why. */
static int load_dicts(const dict_opts *o, int max_report, dict **out, size_t *nerrors) {
  dict_builder *b;
  if (dict_builder_new(&b)) return ERR_NOMEM;
  int rc = ERR_OK;
  char path[4200];
  if (!o->no_default) {
    if (default_dict(path, sizeof path)) rc = dict_load(b, path);
    else fprintf(stderr, "dyad: dict/dyad.txt not found next to the executable; "
                         "give --dict or --no-default-dict\n"), rc = ERR_NOTFOUND;
  }
  for (size_t i = 0; i < o->nspecs && rc != ERR_NOMEM; i++) {
    int r = dict_load(b, o->specs[i]);
    if (r && !rc) rc = r;
  }
  size_t n;
  const char *const *errs = dict_builder_errors(b, &n);
  for (size_t i = 0; i < n && (int)i < max_report; i++) fprintf(stderr, "dyad: %s\n", errs[i]);
  if ((int)n > max_report) fprintf(stderr, "dyad: ... %zu more dictionary problems\n", n - (size_t)max_report);
  *nerrors = n;
  if (rc == ERR_NOMEM) {
    dict_builder_free(b);
    return rc;
  }
  rc = dict_build(b, out);
  return rc;
}

/* dict_option takes --dict/--no-default-dict at argv[*i]; returns 1 if it did. */
static int dict_option(dict_opts *o, int argc, char **argv, int *i, int *bad) {
  if (!strcmp(argv[*i], "--no-default-dict")) {
    o->no_default = 1;
    return 1;
  }
  if (strcmp(argv[*i], "--dict")) return 0;
  if (*i + 1 >= argc || o->nspecs == 64) {
    *bad = 1;
    return 1;
  }
  o->specs[o->nspecs++] = argv[++*i];
  return 1;
}

static int usage_error(const char *fmt, const char *arg);
int cli_usage_error(const char *fmt, const char *arg) { return usage_error(fmt, arg); }

static int usage_error(const char *fmt, const char *arg) {
  fprintf(stderr, "dyad: ");
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n(dyad help shows the options)\n");
  return 2;
}

int cli_code(int argc, char **argv, const cli_sink *sink) {
  code_ctx c;
  coder_lexicon *lex = NULL; /* the event coder's: freed at the end */
  memset(&c, 0, sizeof c);
  int threads = ncores(), stats = 0, bad = 0, no_events = 0, no_dups = 0;
  dict_opts dopts;
  memset(&dopts, 0, sizeof dopts);
  size_t max_bytes = DEFAULT_MAX_BYTES;
  const char *outpath = NULL;
  const char **inputs = calloc((size_t)argc + 1, sizeof *inputs);
  size_t ninputs = 0;
  if (!inputs) return 1;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    int takes = !strcmp(a, "--date") || !strcmp(a, "--source") || !strcmp(a, "--threads") ||
                !strcmp(a, "-o") || !strcmp(a, "--max-bytes");
    if (takes && !v) return free(inputs), usage_error("%s needs a value", a);
    if (!strcmp(a, "--date")) {
      char norm[11];
      if (!doc_date_norm(v, norm) || strlen(v) != 10)
        return free(inputs), usage_error("--date %s: expected YYYY-MM-DD", v);
      c.dopts.date = v;
    } else if (!strcmp(a, "--source")) {
      c.dopts.source = v;
    } else if (!strcmp(a, "--threads")) {
      char *end;
      long n = strtol(v, &end, 10);
      if (*end || n < 1 || n > 256)
        return free(inputs), usage_error("--threads %s: expected 1 to 256", v);
      threads = (int)n;
    } else if (!strcmp(a, "-o")) {
      outpath = v;
    } else if (!strcmp(a, "--max-bytes")) {
      if (!parse_size(v, &max_bytes))
        return free(inputs), usage_error("--max-bytes %s: expected a size such as 64M", v);
    } else if (!strcmp(a, "--sentences")) {
      c.flags |= JSONL_SENTENCES;
      continue;
    } else if (!strcmp(a, "--mentions")) {
      c.flags |= JSONL_MENTIONS;
      continue;
    } else if (!strcmp(a, "--no-duplicates")) {
      no_dups = 1;
      continue;
    } else if (!strcmp(a, "--no-events")) {
      no_events = 1;
      continue;
    } else if (!strcmp(a, "--keep-negated")) {
      c.coder_flags |= CODER_KEEP_NEGATED;
      continue;
    } else if (dict_option(&dopts, argc, argv, &i, &bad)) {
      if (bad) return free(inputs), usage_error("%s needs a dictionary spec", a);
      continue;
    } else if (!strcmp(a, "--stats")) {
      stats = 1;
      continue;
    } else if (a[0] == '-' && a[1]) {
      return free(inputs), usage_error("unknown option %s", a);
    } else {
      inputs[ninputs++] = a;
      continue;
    }
    i++;
  }
  if (sink) c.flags |= sink->flags;
  if (sink && outpath) return free(inputs), usage_error("%s: -o is for dyad code", "-o");
  sink_ctx s = {stdout};
  if (outpath && !(s.out = fopen(outpath, "w"))) {
    fprintf(stderr, "dyad: cannot write %s: %s\n", outpath, strerror(errno));
    free(inputs);
    return 2;
  }
  c.timing = stats; /* (narrowed below once the stages are known) */
  html_init();
  dict *dic = NULL;
  cameo_table *codes = NULL;
  pattern_index *pidx = NULL;
  if (!no_events) c.flags |= JSONL_EVENTS | JSONL_QUOTES | JSONL_TIMEX | JSONL_CLAIMS;
  /* segmentation alone has no stages worth the clock reads */
  if (!(c.flags & (JSONL_EVENTS | JSONL_MENTIONS))) c.timing = 0;
  if (c.flags & (JSONL_MENTIONS | JSONL_EVENTS)) {
    size_t nerr;
    if (load_dicts(&dopts, 20, &dic, &nerr)) {
      fprintf(stderr, "dyad: cannot load the dictionaries\n");
      free(inputs);
      return 2;
    }
    c.dict = dic;
  }
  if (c.flags & JSONL_EVENTS) {
    if (load_codes(&codes)) {
      dict_free(dic);
      free(inputs);
      return 2;
    }
    if (coder_lexicon_load(NULL, &lex)) {
      dict_free(dic);
      cameo_free(codes);
      free(inputs);
      fprintf(stderr, "dyad: out of memory loading the coder's lexicon\n");
      return 2;
    }
    c.coder = (coder){dic, codes, lex};
    size_t nroots = 0, npat = 0;
    if (pattern_index_new(dic, &pidx) == 0) pattern_index_stats(pidx, &nroots, &npat);
    if (npat) { /* verb patterns from TABARI or PETRARCH: their coder, TABARI's defaults */
      c.patterns = pidx;
      pattern_options_init(&c.popt);
    }
  }
  reader *r;
  if (reader_open(inputs, ninputs, max_bytes, &r)) {
    fprintf(stderr, "dyad: out of memory\n");
    free(inputs);
    return 1;
  }
  pipeline_stats st;
  double t0 = now();
  dup_ctx dx;
  memset(&dx, 0, sizeof dx);
  dx.c = &c;
  c.dups = !no_dups && dup_index_new(&dx.index) == 0;
  pipe_order order = c.dups ? dup_order : NULL;
  if (sink && sink->cores > 0) threads = threads > sink->cores ? threads - sink->cores : 1;
  int rc = sink ? pipeline_run(r, threads, code_work, &c, order, &dx, sink->write, sink->ctx, &st)
               : pipeline_run(r, threads, code_work, &c, order, &dx, code_sink, &s, &st);
  dup_ctx_free(&dx);
  double secs = now() - t0;
  if (fflush(s.out) || ferror(s.out)) rc = rc ? rc : ERR_IO;
  if (outpath && fclose(s.out)) rc = rc ? rc : ERR_IO;
  if (rc) fprintf(stderr, "dyad: stopped: %s%s\n", err_str(rc), rc == ERR_IO ? " writing output" : "");
  if (stats) print_stats(&c, &st, threads, secs > 0 ? secs : 1e-9);
  reader_close(r);
  pattern_index_free(pidx);
  coder_lexicon_free(lex);
  dict_free(dic);
  cameo_free(codes);
  free(inputs);
  if (rc) return 1;
  if (atomic_load(&c.ndocs) == 0) {
    fprintf(stderr, "dyad: no document could be read (see the error records)\n");
    return 1;
  }
  return 0;
}

static int cmd_dict(int argc, char **argv) {
  dict_opts o;
  memset(&o, 0, sizeof o);
  int bad = 0;
  for (int i = 0; i < argc; i++) {
    if (!dict_option(&o, argc, argv, &i, &bad) || bad)
      return usage_error("dict: unknown or incomplete option %s", argv[i]);
  }
  double t0 = now();
  dict *d;
  size_t nerr;
  if (load_dicts(&o, 1000000, &d, &nerr)) return 1;
  double secs = now() - t0;
  dict_stats st;
  dict_get_stats(d, &st);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  printf("dictionary: %zu entries (%zu actors, %zu agents, %zu discards, %zu verb patterns), "
         "%zu trie nodes, %zu distinct tokens, %.1f MB compiled\n",
         st.entries, st.by_kind[DICT_ACTOR], st.by_kind[DICT_AGENT], st.by_kind[DICT_DISCARD],
         st.by_kind[DICT_VERB], st.nodes, st.vocab, (double)st.bytes / 1e6);
  printf("loaded in %.3f s, peak RSS %.1f MB, %zu malformed line(s) reported and skipped\n", secs,
         (double)ru.ru_maxrss / 1024.0, nerr);
  dict_free(d);
  return 0;
}

static void explain_tokens(const doc *d) {
  static const struct {
    uint32_t flag;
    const char *name;
  } F[] = {{TOK_CAP, "Cap"},     {TOK_UPPER, "UPPER"}, {TOK_ABBR, "abbr"},  {TOK_CLITIC, "clitic"},
           {TOK_QUOTE, "quote"}, {TOK_TERM, "end"},    {TOK_NUM, "number"}, {TOK_DASH, "dash"}};
  for (uint32_t si = 0; si < d->td.nsent; si++) {
    const text_sentence *s = &d->td.sent[si];
    printf("sentence %u [%u,%u]: %.*s\n  tokens:", si, s->start, s->end, (int)(s->end - s->start),
           d->z + s->start);
    for (uint32_t i = s->tok; i < s->tok + s->ntok; i++) {
      const text_token *t = &d->td.tok[i];
      printf(" %u:%.*s", i - s->tok, (int)(t->end - t->start), d->z + t->start);
      for (size_t k = 0; k < sizeof F / sizeof *F; k++)
        if (t->flags & F[k].flag) printf("/%s", F[k].name);
    }
    printf("\n");
  }
}

static void explain_actors(const doc *d) {
  printf("actors:\n");
  for (size_t i = 0; i < d->actors.n; i++) {
    const actor_mention *m = &d->actors.m[i];
    printf("  [%zu] %-12s \"%.*s\" sentence %u tokens %u-%u", i, m->code, (int)(m->end - m->start),
           d->z + m->start, m->sent, m->tok - d->td.sent[m->sent].tok,
           m->tok + m->ntok - 1 - d->td.sent[m->sent].tok);
    if (m->entry) printf(", entry %s:%u", m->entry->source, m->entry->line);
    if (m->agent) printf(", role noun %s:%u", m->agent->source, m->agent->line);
    if (m->from_start >= 0)
      printf(", resolved from \"%.*s\"", (int)(m->from_end - m->from_start), d->z + m->from_start);
    printf("\n");
  }
}

static void explain_events(const doc *d) {
  printf("coder:\n%s", d->events.explain ? d->events.explain : "  (nothing)\n");
  printf("events:\n");
  for (size_t i = 0; i < d->events.n; i++) {
    const coder_event *e = &d->events.e[i];
    const cameo_code *cc = cameo_find(d->codes, e->cameo);
    printf("  %s -> %s  %s %s (%s)%s\n", d->actors.m[e->src].code,
           e->tgt >= 0 ? d->actors.m[e->tgt].code : "(none)", e->cameo, cc ? cc->name : "?",
           cc && cc->plover[0] ? cc->plover : "no PLOVER type", e->negated ? "  NEGATED" : "");
  }
  if (!d->events.n) printf("  (none)\n");
}

/* cmd_explain: dyad explain [options] TEXT... codes one text (the arguments
 * joined, or standard input with -) and prints every step. */
static int cmd_explain(int argc, char **argv) {
  dict_opts o;
  memset(&o, 0, sizeof o);
  int bad = 0;
  const char *date = NULL;
  buf text;
  buf_init(&text);
  for (int i = 0; i < argc; i++) {
    if (dict_option(&o, argc, argv, &i, &bad)) {
      if (bad) return usage_error("%s needs a dictionary spec", argv[i]);
    } else if (!strcmp(argv[i], "--date") && i + 1 < argc) {
      date = argv[++i];
    } else if (!strcmp(argv[i], "-")) {
      char tmp[4096];
      size_t k;
      while ((k = fread(tmp, 1, sizeof tmp, stdin)) > 0) buf_add(&text, tmp, k);
    } else {
      if (text.n) buf_addc(&text, ' ');
      buf_adds(&text, argv[i]);
    }
  }
  if (!text.n) return buf_free(&text), usage_error("explain: %s", "give a sentence to explain");
  dict *dic;
  cameo_table *codes;
  size_t nerr;
  if (load_dicts(&o, 20, &dic, &nerr)) return buf_free(&text), 2;
  if (load_codes(&codes)) return dict_free(dic), buf_free(&text), 2;
  html_init();
  arena a;
  arena_init(&a, 1 << 16);
  doc_opts dopts = {date, NULL};
  reader_item it = {READ_TEXT, "explain", 0, 0, text.n, ""};
  doc d;
  int rc = doc_read(&dopts, &a, &it, text.z, text.n, &d);
  int32_t dt = d.date ? dict_date(d.date, strlen(d.date), 1) : 0;
  if (!rc) rc = actor_find(dic, &a, &d.td, dt > 0 ? dt : 0, &d.actors);
  coder_lexicon *lex = NULL;
  if (!rc) rc = coder_lexicon_load(NULL, &lex);
  coder cd = {dic, codes, lex};
  d.codes = codes;
  if (!rc) rc = coder_run(&cd, &a, &d.td, &d.actors, CODER_KEEP_NEGATED | CODER_EXPLAIN, &d.events);
  if (!rc) {
    printf("date: %s\n", d.date ? d.date : "(none; give --date for date-limited codes)");
    explain_tokens(&d);
    explain_actors(&d);
    explain_events(&d);
  }
  doc_release(&d);
  arena_free(&a);
  coder_lexicon_free(lex);
  dict_free(dic);
  cameo_free(codes);
  buf_free(&text);
  return rc ? 1 : 0;
}

int cli_main(int argc, char **argv) {
  if (argc < 2) {
    fputs(USAGE, stderr);
    return 2;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "code")) return cli_code(argc - 2, argv + 2, NULL);
  if (!strcmp(cmd, "dict")) return cmd_dict(argc - 2, argv + 2);
  if (!strcmp(cmd, "explain")) return cmd_explain(argc - 2, argv + 2);
  if (!strcmp(cmd, "ingest")) return store_cmd_ingest(argc - 2, argv + 2);
  if (!strcmp(cmd, "query")) return store_cmd_query(argc - 2, argv + 2);
  if (!strcmp(cmd, "export")) return store_cmd_export(argc - 2, argv + 2);
  if (!strcmp(cmd, "merge")) return store_cmd_merge(argc - 2, argv + 2);
  if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
    printf("dyad %s\n", DYAD_VERSION);
    return 0;
  }
  if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
    fputs(USAGE, stdout);
    return 0;
  }
  fprintf(stderr, "dyad: unknown command '%s'\n\n%s", cmd, USAGE);
  return 2;
}
