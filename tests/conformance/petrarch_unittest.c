/* Conformance (issue 4, item 5): PETRARCH's unit-test records, coded from
 * their raw sentences (not the parse trees PETRARCH reads) by dyad's
 * pattern coder with the PETR.Validate.* dictionaries through the PETRARCH
 * importer.
 *
 * usage: petrarch_unittest PATH/petrarch2_unittest.jsonl DICTDIR [-v]
 *
 * Each line: {"id", "date": "YYYYMMDD", "text", "events": [...]} where an
 * event is {"sourcecode", "targetcode", "eventcode"} (either actor may be
 * missing: PETRARCH left it out, and it then matches any actor), or
 * {"noevents": "True"}, or {"error": KIND}. Records whose error is a bad
 * dateline or an input PETRARCH cannot parse test PETRARCH's reader, not
 * its coding, and are left out: 281 of the 284 remain. "storydiscard" and
 * "sentencediscard" expect the sentence discarded.
 *
 * Scoring: as tabari_validate.c, the events coded compare with those
 * expected as sets of SRC/TGT/CODE triples, in any order. The options are
 * PETR_config.ini's: comma clauses MIN=2 MAX=8, EMIN=2 EMAX=8, the first
 * clause kept; no minimum sentence length. Every record is printed PASS or FAIL with its text,
 * expected, got and the entry that fired. */
#include <cjson/cJSON.h>
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
#include "conf.h"

#define MAX_EV 64
#define TRIPLE_MAX 96

static const char *field(const cJSON *o, const char *k) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
  return cJSON_IsString(v) ? v->valuestring : NULL;
}

typedef struct triple {
  char src[40], tgt[40], code[16]; /* "" = any */
} triple;

static void upcase(char *s) {
  for (; *s; s++) *s = (char)toupper((unsigned char)*s);
}

static int same(const triple *exp, const triple *got) {
  return (!exp->src[0] || !strcmp(exp->src, got->src)) && (!exp->tgt[0] || !strcmp(exp->tgt, got->tgt)) &&
         !strcmp(exp->code, got->code);
}

static void print_triple(const triple *t) {
  printf(" {%s/%s/%s}", t->src[0] ? t->src : "*", t->tgt[0] ? t->tgt : "*", t->code);
}

/* sets_equal: every event got matches one expected, and every expected is
 * matched by one got (duplicates counted once). */
static int sets_equal(const triple *exp, int ne, const triple *got, int ng) {
  for (int i = 0; i < ng; i++) {
    int hit = 0;
    for (int j = 0; j < ne && !hit; j++) hit = same(&exp[j], &got[i]);
    if (!hit) return 0;
  }
  for (int j = 0; j < ne; j++) {
    int hit = 0;
    for (int i = 0; i < ng && !hit; i++) hit = same(&exp[j], &got[i]);
    if (!hit) return 0;
  }
  return 1;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: petrarch_unittest UNITTEST.jsonl DICTDIR [-v]\n");
    return 2;
  }
  int verbose = argc > 3 && !strcmp(argv[3], "-v");
  FILE *f = fopen(argv[1], "r");
  if (!f) {
    printf("skipped: %s not found\n", argv[1]);
    return 0;
  }
  static const char *const DICTS[] = {"PETR.Validate.verbs.txt", "PETR.Validate.actors.txt",
                                      "PETR.Validate.agents.txt", "PETR.Validate.discards.txt", NULL};
  dict_builder *b;
  if (dict_builder_new(&b)) return 1;
  for (int i = 0; DICTS[i]; i++) {
    char spec[2048];
    snprintf(spec, sizeof spec, "petrarch:%s/%s", argv[2], DICTS[i]);
    if (dict_load(b, spec)) printf("cannot load %s\n", spec);
  }
  size_t nerr;
  const char *const *errs = dict_builder_errors(b, &nerr);
  for (size_t i = 0; i < nerr; i++) printf("dictionary: %s\n", errs[i]);
  dict *d;
  pattern_index *px;
  if (dict_build(b, &d) || pattern_index_new(d, &px)) return 1;
  pattern_options o;
  pattern_options_init(&o);
  static const char PETR_CONFIG[] = "COMMA: MIN = 2 MAX = 8 EMIN = 2 EMAX = 8 BMIN = 0 BMAX = 0";
  pattern_options_line(&o, PETR_CONFIG, sizeof PETR_CONFIG - 1);
  o.min_words = 0; /* PETRARCH codes sentences of any length */
  o.context_agents = 1;

  arena a;
  arena_init(&a, 1 << 16);
  int total = 0, pass = 0, skipped = 0;
  for (char *line; (line = conf_read_line(f)); free(line)) {
    cJSON *r = cJSON_Parse(line);
    if (!r) continue;
    const char *id = field(r, "id"), *text = field(r, "text"), *date = field(r, "date");
    const cJSON *evs = cJSON_GetObjectItemCaseSensitive(r, "events"), *ev;
    triple exp[MAX_EV];
    int ne = 0, none = 0, discard = 0, skip = 0;
    cJSON_ArrayForEach(ev, evs) {
      const char *err = field(ev, "error");
      if (err && (!strcmp(err, "storydiscard") || !strcmp(err, "sentencediscard"))) discard = 1;
      else if (err) skip = 1;
      if (field(ev, "noevents")) none = 1;
      const char *code = field(ev, "eventcode");
      if (!code || ne == MAX_EV) continue;
      triple *t = &exp[ne++];
      snprintf(t->src, sizeof t->src, "%s", field(ev, "sourcecode") ? field(ev, "sourcecode") : "");
      snprintf(t->tgt, sizeof t->tgt, "%s", field(ev, "targetcode") ? field(ev, "targetcode") : "");
      snprintf(t->code, sizeof t->code, "%s", code);
      upcase(t->src), upcase(t->tgt), upcase(t->code);
    }
    if (skip || !id || !text) {
      skipped++;
      cJSON_Delete(r);
      continue;
    }
    total++;
    text_doc td;
    actor_list al;
    pattern_result pr;
    int32_t dt = date ? (int32_t)atol(date) : 0;
    if (text_segment(&a, text, strlen(text), &td) || actor_find(d, &a, &td, dt, &al) ||
        pattern_code(px, &o, &a, &td, dt, &al, 0, &pr))
      return 1;
    int status = PATTERN_SENT_NONE;
    for (uint32_t s = 0; s < td.nsent; s++)
      if (pr.status[s] > status && pr.status[s] != PATTERN_SENT_SHORT) status = pr.status[s];
    triple got[MAX_EV];
    int ng = 0;
    for (size_t k = 0; k < pr.events.n && ng < MAX_EV; k++) {
      const coder_event *e = &pr.events.e[k];
      triple t;
      snprintf(t.src, sizeof t.src, "%s", pr.actors.m[e->src].code);
      snprintf(t.tgt, sizeof t.tgt, "%s", pr.actors.m[e->tgt].code);
      snprintf(t.code, sizeof t.code, "%s", e->cameo);
      upcase(t.src), upcase(t.tgt), upcase(t.code);
      int dup = 0;
      for (int i = 0; i < ng && !dup; i++) dup = !memcmp(&got[i], &t, sizeof t);
      if (!dup) got[ng++] = t;
    }
    int ok;
    if (discard) ok = status == PATTERN_SENT_DISCARD;
    else if (none || !ne) ok = ng == 0;
    else ok = sets_equal(exp, ne, got, ng);
    pass += ok;
    printf("%s %s\n", ok ? "PASS" : "FAIL", id);
    if (!ok || verbose) {
      printf("  text:     %s\n  expected:", text);
      if (discard) printf(" discard");
      else if (none || !ne) printf(" no event");
      for (int i = 0; i < ne; i++) print_triple(&exp[i]);
      printf("\n  got:     ");
      if (status == PATTERN_SENT_DISCARD) printf(" discard");
      if (status == PATTERN_SENT_COMPLEX) printf(" complex");
      for (int i = 0; i < ng; i++) print_triple(&got[i]);
      for (uint32_t s = 0; s < td.nsent; s++)
        if (pr.why[s]) printf(" (%s)", pr.why[s]);
      printf("\n");
      for (size_t k = 0; k < pr.events.n; k++) {
        const dict_entry *p = pr.events.e[k].pattern;
        const char *sl = p ? strrchr(p->source, '/') : NULL;
        printf("  fired:    %s by %s:%u \"%s\" (%s)\n", pr.events.e[k].cameo, sl ? sl + 1 : "?",
               p ? p->line : 0, p ? (p->pattern ? p->pattern : p->phrase) : "", pr.events.e[k].how);
      }
    }
    arena_reset(&a);
    cJSON_Delete(r);
  }
  fclose(f);
  printf("%d records coded and compared; %d left out (bad dateline or unparsable input)\n", total, skipped);
  printf("PETRARCH unit tests: %d of %d passed (target 215; PETRARCH-1 passes 215, PETRARCH2 89)\n", pass, total);
  arena_free(&a);
  pattern_index_free(px);
  dict_free(d);
  return 0;
}
