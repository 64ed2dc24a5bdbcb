/* Conformance (issue 4, item 5): TABARI's own validation suite, coded by
 * dyad's pattern coder (pattern.h) with the dictionaries and options that
 * Validate.project names, read through the TABARI importer.
 *
 * usage: tabari_validate PATH/Validate.project [-v]
 *
 * Validate.text holds records: a "YYMMDD ID" line, the sentence, then a
 * comment whose {...} blocks say what TABARI codes (manual 10.1):
 *   { SRC / TGT / CODE }   an event         {---}  no event
 *   {###}  a discard                         {+++}  too complex
 *   { OPTION: line }       an .options line applied from this record on
 *   -{ ... }               not checked
 * The standard records are the 472 before FINAL-01; TABARI passes all.
 *
 * Scoring: a record passes when
 *   - it expects {###}: the coder discards it; else
 *   - it expects {+++}: the coder finds it complex; else
 *   - it expects {---}: no event is coded; else
 *   - its events: the set of SRC/TGT/CODE triples coded equals the set
 *     expected, in any order, duplicates counted once (TABARI lists paired
 *     and compound events in its own order, which says nothing about the
 *     coding); while TIME SHIFT is on, the date written after an event's
 *     "}" must also be the record's date (dyad does not shift dates).
 * A record of options only, and a record whose blocks are all "-{" (not
 * checked), pass by applying its options: TABARI does the same, and the
 * summary says how many passed that way. Every record is printed PASS or
 * FAIL with its text, expected, got, and the entry that fired. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "arena.h"
#include "dict.h"
#include "err.h"
#include "pattern.h"
#include "text.h"

#define MAX_EXP 64
#define TRIPLE_MAX 96

typedef struct record {
  char id[64];
  int32_t date;
  char *text;    /* malloc */
  char *comment; /* malloc */
} record;

typedef struct expect {
  char ev[MAX_EXP][TRIPLE_MAX];
  char date[MAX_EXP][16];
  int nev;
  int none, discard, complex, unchecked, options, checked;
} expect;

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long k = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *z = malloc((size_t)k + 1);
  if (z && fread(z, 1, (size_t)k, f) != (size_t)k) k = 0;
  fclose(f);
  if (z) z[k] = 0, *n = (size_t)k;
  return z;
}

/* header: "YYMMDD ID" (or YYYYMMDD) at the start of a line. */
static int header(const char *l, record *r) {
  int nd = 0;
  while (isdigit((unsigned char)l[nd])) nd++;
  if (nd < 6 || nd > 9 || (l[nd] != ' ' && l[nd] != '\t')) return 0;
  const char *p = l + nd;
  while (*p == ' ' || *p == '\t') p++;
  if (!*p || *p == '\n' || *p == '\r') return 0;
  int n = 0;
  while (p[n] && !isspace((unsigned char)p[n]) && n < 63) n++;
  snprintf(r->id, sizeof r->id, "%.*s", n, p);
  long v = strtol(l, NULL, 10);
  if (nd == 7 || nd == 9) { /* a typo in the record: TABARI reads the first six or eight digits */
    v /= 10;
    nd--;
  }
  if (nd == 6) {
    int yy = (int)(v / 10000);
    r->date = (int32_t)((yy <= 30 ? 2000 : 1900) * 10000 + v);
  } else {
    r->date = nd == 8 ? (int32_t)v : 0;
  }
  return 1;
}

static void append(char **z, size_t *n, const char *s, size_t k, char sep) {
  char *y = realloc(*z, *n + k + 2);
  if (!y) return;
  memcpy(y + *n, s, k);
  *n += k;
  y[(*n)++] = sep;
  y[*n] = 0;
  *z = y;
}

/* read_records splits the text file into records, up to FINAL-01. */
static record *read_records(char *z, int *nrec) {
  record *R = NULL;
  int n = 0, cap = 0, in_comment = 0;
  size_t nt = 0, nc = 0;
  for (char *l = z; l && *l;) {
    char *nl = strchr(l, '\n');
    if (nl) *nl = 0;
    size_t len = strlen(l);
    if (len && l[len - 1] == '\r') l[--len] = 0;
    record h;
    if (header(l, &h)) {
      if (!strcmp(h.id, "FINAL-01")) break;
      if (n == cap) R = realloc(R, (size_t)(cap = cap ? cap * 2 : 512) * sizeof *R);
      R[n++] = (record){"", h.date, NULL, NULL};
      memcpy(R[n - 1].id, h.id, sizeof h.id);
      nt = nc = 0;
      in_comment = 0;
    } else if (n) {
      record *r = &R[n - 1];
      char *open = in_comment ? NULL : strstr(l, "/*");
      if (!in_comment && open) {
        append(&r->text, &nt, l, (size_t)(open - l), ' ');
        in_comment = 1;
        l = open;
      }
      if (in_comment) {
        if (!r->comment || !strstr(r->comment, "*/")) append(&r->comment, &nc, l, strlen(l), '\n');
      } else if (l[0] != '#') {
        append(&r->text, &nt, l, len, ' ');
      }
    }
    l = nl ? nl + 1 : NULL;
  }
  *nrec = n;
  return R;
}

static void squeeze(char *s) {
  char *o = s;
  for (char *p = s; *p; p++)
    if (!isspace((unsigned char)*p)) *o++ = *p;
  *o = 0;
}

/* parse_expect reads the {...} blocks of a comment; options are applied. */
static void parse_expect(const char *com, expect *x, pattern_options *o, int *time_shift) {
  memset(x, 0, sizeof *x);
  if (!com) return;
  for (const char *p = com; (p = strchr(p, '{'));) {
    /* a block ends at '}', or, left open, at the end of its line or of
     * the comment (MINWRD-ACTIVATE writes "{ OPTION: SET: MINIMUM WORDS = 4"
     * and then closes the comment) */
    const char *q = p + 1;
    while (*q && *q != '}' && *q != '\n' && strncmp(q, "*/", 2)) q++;
    if (!*q) break;
    int minus = p > com && p[-1] == '-';
    char in[512];
    snprintf(in, sizeof in, "%.*s", (int)(q - p - 1), p + 1);
    int closed = *q == '}';
    const char *t = in;
    while (isspace((unsigned char)*t)) t++;
    if (!strncmp(t, "OPTION:", 7)) {
      x->options++;
      pattern_options_line(o, t + 7, strlen(t + 7));
      if (strstr(t, "TIME SHIFT")) *time_shift = strstr(t, "TRUE") != NULL;
    } else if (minus) {
      x->unchecked++;
    } else {
      char sq[512];
      snprintf(sq, sizeof sq, "%.200s", t);
      squeeze(sq);
      x->checked++;
      if (!strcmp(sq, "---")) x->none = 1;
      else if (!strcmp(sq, "###")) x->discard = 1;
      else if (!strcmp(sq, "+++")) x->complex = 1;
      else if (x->nev < MAX_EXP && strchr(sq, '/')) {
        for (char *c = sq; *c; c++) *c = (char)toupper((unsigned char)*c);
        snprintf(x->ev[x->nev], TRIPLE_MAX, "%.90s", sq);
        const char *d = closed ? q + 1 : q;
        while (*d == ' ' || *d == '\t') d++;
        int k = 0;
        while (isdigit((unsigned char)d[k]) && k < 15) k++;
        snprintf(x->date[x->nev], 16, "%.*s", k, d);
        x->nev++;
      } else {
        x->checked--;
      }
    }
    p = closed ? q + 1 : q;
  }
}

static int in_set(char (*set)[TRIPLE_MAX], int n, const char *s) {
  for (int i = 0; i < n; i++)
    if (!strcmp(set[i], s)) return 1;
  return 0;
}

static void print_fired(const pattern_result *pr) {
  for (size_t i = 0; i < pr->events.n; i++) {
    const coder_event *e = &pr->events.e[i];
    const dict_entry *p = e->pattern;
    const char *slash = p ? strrchr(p->source, '/') : NULL;
    printf("  fired:    %s/%s/%s by %s:%u %s \"%s\" (%s)\n", pr->actors.m[e->src].code,
           pr->actors.m[e->tgt].code, e->cameo, slash ? slash + 1 : p ? p->source : "?",
           p ? p->line : 0, p && p->pattern ? "pattern" : "verb", p ? (p->pattern ? p->pattern : p->phrase) : "",
           e->how ? e->how : "");
  }
}

static const char *status_name(int s) {
  static const char *const N[] = {"no event", "coded", "discard {###}", "complex {+++}", "too short"};
  return s >= 0 && s <= 4 ? N[s] : "?";
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: tabari_validate PATH/Validate.project [-v]\n");
    return 2;
  }
  int verbose = argc > 2 && !strcmp(argv[2], "-v");
  size_t n;
  char *proj = slurp(argv[1], &n);
  if (!proj) {
    printf("skipped: %s not found\n", argv[1]);
    return 0;
  }
  char dir[1024];
  snprintf(dir, sizeof dir, "%s", argv[1]);
  char *sl = strrchr(dir, '/');
  if (sl) *sl = 0;
  else snprintf(dir, sizeof dir, ".");

  dict_builder *b;
  if (dict_builder_new(&b)) return 1;
  char textfile[2048] = "", optfile[2048] = "";
  static const char *const DICTS[] = {"<actorsfile>", "<verbsfile>", "<agentsfile>", NULL};
  for (char *l = strtok(proj, "\n"); l; l = strtok(NULL, "\n")) {
    char tag[64], file[1024];
    if (sscanf(l, " %63s %1023s", tag, file) != 2) continue;
    char spec[2100];
    for (int i = 0; DICTS[i]; i++)
      if (!strcmp(tag, DICTS[i])) {
        snprintf(spec, sizeof spec, "tabari:%s/%s", dir, file);
        if (dict_load(b, spec)) printf("cannot load %s\n", spec);
      }
    if (!strcmp(tag, "<textfile>")) snprintf(textfile, sizeof textfile, "%s/%s", dir, file);
    if (!strcmp(tag, "<optionsfile>")) snprintf(optfile, sizeof optfile, "%s/%s", dir, file);
  }
  size_t nerr;
  const char *const *errs = dict_builder_errors(b, &nerr);
  for (size_t i = 0; i < nerr; i++) printf("dictionary: %s\n", errs[i]);
  dict *d;
  pattern_index *px;
  if (dict_build(b, &d) || pattern_index_new(d, &px)) return 1;

  pattern_options o;
  pattern_options_init(&o);
  int time_shift = 0;
  char *opts = slurp(optfile, &n);
  for (char *l = opts ? strtok(opts, "\n") : NULL; l; l = strtok(NULL, "\n")) pattern_options_line(&o, l, strlen(l));

  char *tz = slurp(textfile, &n);
  if (!tz) {
    printf("skipped: %s not found\n", textfile);
    return 0;
  }
  int nrec;
  record *R = read_records(tz, &nrec);
  arena a;
  arena_init(&a, 1 << 16);
  int pass = 0, by_options = 0, unchecked = 0;
  for (int i = 0; i < nrec; i++) {
    record *r = &R[i];
    expect x;
    parse_expect(r->comment, &x, &o, &time_shift);
    const char *txt = r->text ? r->text : "";
    if (!x.checked) {
      pass++;
      if (x.options) by_options++;
      else unchecked++;
      printf("PASS %s (%s)\n", r->id, x.options ? "options applied" : "not checked");
      continue;
    }
    text_doc td;
    actor_list al;
    pattern_result pr;
    if (text_segment(&a, txt, strlen(txt), &td) || actor_find(d, &a, &td, r->date, &al) ||
        pattern_code(px, &o, &a, &td, r->date, &al, 0, &pr))
      return 1;
    int status = PATTERN_SENT_NONE;
    for (uint32_t s = 0; s < td.nsent; s++)
      if (pr.status[s] > status && pr.status[s] != PATTERN_SENT_SHORT) status = pr.status[s];
    char got[MAX_EXP][TRIPLE_MAX];
    int ngot = 0;
    for (size_t k = 0; k < pr.events.n && ngot < MAX_EXP; k++) {
      const coder_event *e = &pr.events.e[k];
      char t[TRIPLE_MAX];
      snprintf(t, sizeof t, "%s/%s/%s", pr.actors.m[e->src].code, pr.actors.m[e->tgt].code, e->cameo);
      for (char *c = t; *c; c++) *c = (char)toupper((unsigned char)*c);
      if (!in_set(got, ngot, t)) snprintf(got[ngot++], TRIPLE_MAX, "%s", t);
    }
    int ok;
    if (x.discard) ok = status == PATTERN_SENT_DISCARD;
    else if (x.complex) ok = status == PATTERN_SENT_COMPLEX;
    else if (x.none) ok = ngot == 0;
    else if (status == PATTERN_SENT_DISCARD || status == PATTERN_SENT_COMPLEX) ok = 0;
    else {
      int nexp = 0;
      char uniq[MAX_EXP][TRIPLE_MAX];
      ok = 1;
      for (int k = 0; k < x.nev; k++) {
        if (!in_set(uniq, nexp, x.ev[k])) snprintf(uniq[nexp++], TRIPLE_MAX, "%s", x.ev[k]);
        char ds[16];
        snprintf(ds, sizeof ds, "%06d", r->date % 1000000);
        if (time_shift && x.date[k][0] && strcmp(x.date[k], ds)) ok = 0;
      }
      ok = ok && nexp == ngot;
      for (int k = 0; ok && k < ngot; k++) ok = in_set(uniq, nexp, got[k]);
    }
    pass += ok;
    printf("%s %s\n", ok ? "PASS" : "FAIL", r->id);
    if (!ok || verbose) {
      char flat[2048];
      snprintf(flat, sizeof flat, "%s", txt);
      for (char *c = flat; *c; c++)
        if (*c == '\n') *c = ' ';
      printf("  text:     %s\n  expected:", flat);
      if (x.discard) printf(" {###}");
      else if (x.complex) printf(" {+++}");
      else if (x.none) printf(" {---}");
      else
        for (int k = 0; k < x.nev; k++) printf(" {%s}%s%s", x.ev[k], x.date[k][0] && time_shift ? " " : "", time_shift ? x.date[k] : "");
      printf("\n  got:      %s", status_name(status));
      for (int k = 0; k < ngot; k++) printf(" {%s}", got[k]);
      for (uint32_t s = 0; s < td.nsent; s++)
        if (pr.why[s]) printf(" (%s)", pr.why[s]);
      printf("\n");
      print_fired(&pr);
    }
    arena_reset(&a);
  }
  printf("%d records: %d coded and compared, %d option records and %d unchecked records pass as in TABARI\n",
         nrec, nrec - by_options - unchecked, by_options, unchecked);
  printf("TABARI Validate.text: %d of %d passed (target 400)\n", pass, nrec);
  for (int i = 0; i < nrec; i++) free(R[i].text), free(R[i].comment);
  free(R);
  free(tz);
  free(opts);
  free(proj);
  arena_free(&a);
  pattern_index_free(px);
  dict_free(d);
  return 0;
}
