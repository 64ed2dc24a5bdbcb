/* Conformance (issue 5, item 1): casualty claims against the MUC-4 answer keys.
 *
 * usage: muc4_claims [DATA]   (DATA defaults to ../shared/data; run from the
 * repository root, which holds dict/dyad.txt)
 *
 * Gold: in gold/muc4_keys_dev.jsonl, each human target whose effect is DEATH
 * and whose HUM TGT: NUMBER gives a figure. The key's notation: "34-" at least
 * 34, "-15" at most 15, "~200" about 200, "5/6" either, "? 5" uncertain; each
 * alternative's figure is accepted. A target counts as found when claim_find
 * emits a `killed` claim in that document whose quantity, low or high is one
 * of its figures. Targets are deduplicated by (document, target, figures), as
 * a document's templates may repeat one.
 *
 * The headline is for figures of 2 or more. A count of 1 is almost always a
 * named victim ("the mayor was shot"), which the text never states as a
 * number, so it is reported on its own line and not scored against the target.
 * Neither is a target keyed with both DEATH and INJURY ("9 killed and 36
 * injured" keyed as 36 PEOPLE, effects DEATH and INJURY): its figure is not a
 * death count; it has its own line too.
 *
 * Precision proxies: killed claims per document in documents whose key has no
 * incident (template "*"), and killed claims in keyed documents whose figure
 * matches no gold count of any effect. Each miss is listed with the claims
 * dyad made in that document and the sentences naming the target. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "actor.h"
#include "arena.h"
#include "claim.h"
#include "dict.h"
#include "text.h"
#include "conf.h"

#define MAXFIG 8

typedef struct gold {
  char doc[32];
  char target[160];
  double fig[MAXFIG];
  int nfig;
  int death;  /* effect DEATH (else another effect: counts only for the precision proxy) */
  int injury; /* also effect INJURY: the figure counts the dead and the hurt together */
} gold;

typedef struct doclist {
  gold *g;
  size_t n, cap;
  char (*empty)[32]; /* documents whose key has no incident */
  size_t nempty, capempty;
} doclist;

/* figures parses "34-", "~200", "5/6", "? 5", "350 / 350-"; 0 when no figure. */
static int figures(const char *z, double *fig) {
  int n = 0;
  char buf[128];
  snprintf(buf, sizeof buf, "%s", z);
  for (char *save = NULL, *p = strtok_r(buf, "/", &save); p && n < MAXFIG;
       p = strtok_r(NULL, "/", &save)) {
    while (*p && strchr(" ?~-", *p)) p++;
    char *end;
    double v = strtod(p, &end);
    if (end != p) fig[n++] = v;
  }
  return n;
}

/* split_target: 'DEATH: "X" / "Y"' -> head "DEATH", target '"X" / "Y"'. */
static int split_target(const char *z, char *head, size_t hn, const char **target) {
  const char *c = strstr(z, ": ");
  if (!c) return 0;
  snprintf(head, hn, "%.*s", (int)(c - z), z);
  *target = c + 2;
  return 1;
}

static int is_effect(const char *head, const char *want) {
  while (*head == '?' || *head == ' ') head++;
  return !strcmp(head, want);
}

static void push_gold(doclist *l, const gold *g) {
  for (size_t i = 0; i < l->n; i++) {
    const gold *o = &l->g[i];
    if (!strcmp(o->doc, g->doc) && !strcmp(o->target, g->target) && o->nfig == g->nfig &&
        !memcmp(o->fig, g->fig, sizeof(double) * (size_t)g->nfig)) {
      l->g[i].death |= g->death;
      l->g[i].injury |= g->injury;
      return;
    }
  }
  if (l->n == l->cap) l->g = realloc(l->g, (l->cap = l->cap ? 2 * l->cap : 256) * sizeof *l->g);
  l->g[l->n++] = *g;
}

static void push_empty(doclist *l, const char *doc) {
  for (size_t i = 0; i < l->nempty; i++)
    if (!strcmp(l->empty[i], doc)) return;
  if (l->nempty == l->capempty)
    l->empty = realloc(l->empty, (l->capempty = l->capempty ? 2 * l->capempty : 64) * 32);
  snprintf(l->empty[l->nempty++], 32, "%s", doc);
}

/* read_key adds the human targets of one key template. */
static void read_key(doclist *l, const cJSON *k) {
  const cJSON *id = cJSON_GetObjectItem(k, "doc_id");
  const cJSON *tmpl = cJSON_GetObjectItem(k, "MESSAGE: TEMPLATE");
  const cJSON *eff = cJSON_GetObjectItem(k, "HUM TGT: EFFECT OF INCIDENT");
  const cJSON *num = cJSON_GetObjectItem(k, "HUM TGT: NUMBER");
  if (!cJSON_IsString(id)) return;
  const cJSON *t0 = cJSON_GetArrayItem(tmpl, 0);
  if (cJSON_IsString(t0) && !strcmp(t0->valuestring, "*")) push_empty(l, id->valuestring);
  const cJSON *n, *e;
  cJSON_ArrayForEach(n, num) {
    char head[64];
    const char *target;
    if (!cJSON_IsString(n) || !split_target(n->valuestring, head, sizeof head, &target)) continue;
    gold g = {0};
    if (!(g.nfig = figures(head, g.fig))) continue;
    snprintf(g.doc, sizeof g.doc, "%s", id->valuestring);
    snprintf(g.target, sizeof g.target, "%s", target);
    cJSON_ArrayForEach(e, eff) {
      char eh[64];
      const char *et;
      if (!cJSON_IsString(e) || !split_target(e->valuestring, eh, sizeof eh, &et) ||
          strcmp(et, target))
        continue;
      g.death |= is_effect(eh, "DEATH");
      g.injury |= is_effect(eh, "INJURY");
    }
    push_gold(l, &g);
  }
}

static int load_keys(const char *path, doclist *l) {
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  char *line;
  while ((line = conf_read_line(f))) {
    cJSON *k = cJSON_Parse(line);
    if (k) read_key(l, k);
    cJSON_Delete(k);
    free(line);
  }
  fclose(f);
  return 0;
}

static int has_fig(const gold *g, double v) {
  for (int i = 0; i < g->nfig; i++)
    if (g->fig[i] == v) return 1;
  return 0;
}

static int claim_has(const claim *c, const gold *g) {
  return has_fig(g, c->quantity) || has_fig(g, c->low) || (isfinite(c->high) && has_fig(g, c->high));
}

/* show_miss prints a missed target, dyad's claims there, and the sentences
 * that name the target's last word. */
static void show_miss(const gold *g, const char *z, const text_doc *td, const claim_list *cl) {
  printf("MISS %s %s (figure %g)\n  dyad:", g->doc, g->target, g->fig[0]);
  if (!cl->n) printf(" no claims");
  for (size_t i = 0; i < cl->n; i++)
    printf(" %s %g \"%.*s\";", cl->c[i].kind, cl->c[i].quantity,
           (int)(cl->c[i].num_end - cl->c[i].num_start), z + cl->c[i].num_start);
  printf("\n");
  char word[64] = "";
  const char *q = strchr(g->target, '"'), *r = q ? strchr(q + 1, '"') : NULL;
  if (q && r) {
    const char *w = r;
    while (w > q + 1 && w[-1] != ' ') w--;
    snprintf(word, sizeof word, "%.*s", (int)(r - w), w);
  }
  int shown = 0;
  for (uint32_t s = 0; s < td->nsent && shown < 2 && *word; s++) {
    const text_sentence *st = &td->sent[s];
    char *copy = strndup(z + st->start, st->end - st->start);
    if (copy && strcasestr(copy, word)) {
      for (char *p = copy; *p; p++)
        if (*p == '\n') *p = ' ';
      printf("    in: %.300s\n", copy);
      shown++;
    }
    free(copy);
  }
}

typedef struct tally {
  size_t gold, hit, gold1, hit1, goldmix, hitmix, docs, claims_empty, killed_empty, killed_keyed,
      killed_unmatched, empty_docs;
} tally;

static int is_empty_doc(const doclist *l, const char *id) {
  for (size_t i = 0; i < l->nempty; i++)
    if (!strcmp(l->empty[i], id)) return 1;
  return 0;
}

/* score_doc scores one document's claims against its gold targets. */
static void score_doc(const doclist *l, const char *id, const char *z, const text_doc *td,
                      const claim_list *cl, tally *t) {
  int keyed = 0;
  for (size_t i = 0; i < l->n; i++) {
    const gold *g = &l->g[i];
    if (strcmp(g->doc, id)) continue;
    keyed = 1;
    if (!g->death) continue;
    int ok = 0, one = g->nfig == 1 && g->fig[0] == 1;
    for (size_t k = 0; k < cl->n && !ok; k++)
      ok = !strcmp(cl->c[k].kind, "killed") && claim_has(&cl->c[k], g);
    if (one) {
      t->gold1++, t->hit1 += ok;
      continue;
    }
    if (g->injury) {
      t->goldmix++, t->hitmix += ok;
      continue;
    }
    t->gold++, t->hit += ok;
    if (!ok) show_miss(g, z, td, cl);
  }
  for (size_t k = 0; k < cl->n; k++) {
    if (strcmp(cl->c[k].kind, "killed")) continue;
    if (is_empty_doc(l, id)) {
      t->killed_empty++;
      continue;
    }
    if (!keyed) continue;
    t->killed_keyed++;
    int any = 0;
    for (size_t i = 0; i < l->n && !any; i++)
      any = !strcmp(l->g[i].doc, id) && claim_has(&cl->c[k], &l->g[i]);
    t->killed_unmatched += !any;
  }
  if (is_empty_doc(l, id)) t->empty_docs++, t->claims_empty += cl->n;
}

static void run(const dict *d, const doclist *l, FILE *f, tally *t) {
  arena a;
  arena_init(&a, 1 << 16);
  char *line;
  while ((line = conf_read_line(f))) {
    cJSON *j = cJSON_Parse(line);
    const cJSON *id = cJSON_GetObjectItem(j, "id"), *text = cJSON_GetObjectItem(j, "text");
    const cJSON *date = cJSON_GetObjectItem(j, "date");
    if (cJSON_IsString(id) && cJSON_IsString(text)) {
      const char *z = text->valuestring;
      int32_t dt = cJSON_IsString(date) ? dict_date(date->valuestring, strlen(date->valuestring), 1) : 0;
      text_doc td;
      actor_list al;
      claim_list cl;
      if (!text_segment(&a, z, strlen(z), &td) && !actor_find(d, &a, &td, dt > 0 ? dt : 0, &al) &&
          !claim_find(&a, &td, &al, &cl)) {
        t->docs++;
        score_doc(l, id->valuestring, z, &td, &cl, t);
      }
    }
    cJSON_Delete(j);
    free(line);
    arena_reset(&a);
  }
  arena_free(&a);
}

int main(int argc, char **argv) {
  const char *data = argc > 1 ? argv[1] : "../shared/data";
  char kp[4096], cp[4096];
  snprintf(kp, sizeof kp, "%s/gold/muc4_keys_dev.jsonl", data);
  snprintf(cp, sizeof cp, "%s/corpora/muc4.jsonl", data);
  doclist l = {0};
  FILE *f = fopen(cp, "r");
  if (!f || load_keys(kp, &l)) {
    printf("skipped: %s not found\n", f ? kp : cp);
    if (f) fclose(f);
    return 0;
  }
  dict_builder *b;
  dict *d;
  if (dict_builder_new(&b) || dict_load(b, "dict/dyad.txt") || dict_build(b, &d)) {
    fprintf(stderr, "muc4_claims: cannot load dict/dyad.txt (run from the repository root)\n");
    return 1;
  }
  tally t = {0};
  run(d, &l, f, &t);
  fclose(f);
  printf("MUC-4 count-1 DEATH targets (named victims, not scored): %zu of %zu with a killed claim of 1\n",
         t.hit1, t.gold1);
  printf("MUC-4 targets keyed both DEATH and INJURY (one figure for both, not scored): %zu of %zu with a killed claim of that figure\n",
         t.hitmix, t.goldmix);
  printf("precision proxy: %zu claims (%zu killed) in %zu documents with no incident key: %.2f per document\n",
         t.claims_empty, t.killed_empty, t.empty_docs,
         t.empty_docs ? (double)t.claims_empty / (double)t.empty_docs : 0.0);
  printf("precision proxy: %zu of %zu killed claims in keyed documents match no figure in the key\n",
         t.killed_unmatched, t.killed_keyed);
  printf("MUC-4 DEATH targets with a figure >= 2: %zu of %zu found as killed claims (%.1f%%) in %zu documents; target 75%%\n",
         t.hit, t.gold, t.gold ? 100.0 * (double)t.hit / (double)t.gold : 0.0, t.docs);
  dict_free(d);
  free(l.g);
  free(l.empty);
  return 0;
}
