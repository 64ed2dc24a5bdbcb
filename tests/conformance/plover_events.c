/* Conformance (issue 4, item 5): dyad's own dictionaries on the PLOVER gold
 * dev sentences. Event type accuracy: the share of gold sentences whose first
 * coded (non-negated) event has the gold PLOVER type. Source-country accuracy:
 * among sentences where dyad codes an event, the share whose source country
 * (first three letters) is a gold source country.
 *
 * usage: plover_events GOLD.jsonl CAMEO.tsv DICTSPEC...
 * Scoring notes: the gold file uses PLOVER's earlier type names, scored as
 * their 2021 successors (CAMEO2PLOVER-2021): DEMAND as REQUEST, DISAPPROVE and
 * INVESTIGATE as ACCUSE, FIGHT as ASSAULT; and the legacy actor codes JAP and
 * ITL as JPN and ITA. A sentence with no event counts as a miss for the type. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actor.h"
#include "arena.h"
#include "cameo.h"
#include "coder.h"
#include "dict.h"
#include "text.h"
#include "conf.h"

static const char *type2021(const char *t) {
  if (!strcmp(t, "DEMAND")) return "REQUEST";
  if (!strcmp(t, "DISAPPROVE") || !strcmp(t, "INVESTIGATE")) return "ACCUSE";
  if (!strcmp(t, "FIGHT")) return "ASSAULT";
  return t;
}

static const char *legacy(const char *code) {
  if (!strncmp(code, "JAP", 3)) return "JPN";
  if (!strncmp(code, "ITL", 3)) return "ITA";
  return code;
}

int main(int argc, char **argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: plover_events GOLD.jsonl CAMEO.tsv DICTSPEC...\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "r");
  if (!f) {
    printf("skipped: %s not found\n", argv[1]);
    return 0;
  }
  cameo_table *codes;
  size_t nbad;
  if (cameo_load(argv[2], &codes, &nbad)) return 1;
  dict_builder *b;
  dict_builder_new(&b);
  for (int i = 3; i < argc; i++) dict_load(b, argv[i]);
  dict *d;
  if (dict_build(b, &d)) return 1;
  coder_lexicon *lex = NULL;
  if (coder_lexicon_load(NULL, &lex)) return 1;
  coder cd = {d, codes, lex};
  size_t sents = 0, type_ok = 0, coded = 0, src_ok = 0;
  arena a;
  arena_init(&a, 1 << 16);
  char *line;
  while ((line = conf_read_line(f))) {
    cJSON *j = cJSON_Parse(line);
    const cJSON *text = cJSON_GetObjectItem(j, "text"), *ev = cJSON_GetObjectItem(j, "event");
    if (!cJSON_IsString(text) || !cJSON_IsString(ev)) goto next;
    sents++;
    const char *z = text->valuestring, *want = type2021(ev->valuestring);
    text_doc td;
    actor_list al;
    coder_list cl;
    if (text_segment(&a, z, strlen(z), &td) || actor_find(d, &a, &td, 0, &al) ||
        coder_run(&cd, &a, &td, &al, 0, &cl))
      goto next;
    const char *got = "(no event)", *src = "";
    if (cl.n) {
      const cameo_code *cc = cameo_find(codes, cl.e[0].cameo);
      got = cc && cc->plover[0] ? cc->plover : "(no PLOVER type)";
      src = al.m[cl.e[0].src].code;
      coded++;
    }
    int tok = !strcmp(got, want), sok = 0;
    const cJSON *gs = cJSON_GetObjectItem(j, "source"), *g;
    if (cl.n && cJSON_IsArray(gs)) {
      cJSON_ArrayForEach(g, gs) {
        const cJSON *gc = cJSON_GetObjectItem(g, "code");
        if (cJSON_IsString(gc) && !strncmp(legacy(gc->valuestring), legacy(src), 3)) sok = 1;
      }
    }
    type_ok += tok;
    src_ok += sok;
    if (!tok || (cl.n && !sok))
      printf("MISS want %s, got %s %s%s%s\n    in: %s\n", want, got, cl.n ? cl.e[0].cameo : "",
             cl.n ? " source " : "", src, z);
  next:
    cJSON_Delete(j);
    free(line);
    arena_reset(&a);
  }
  fclose(f);
  printf("PLOVER gold events: type %zu of %zu (%.1f%%, target 70%%); source country %zu of %zu coded "
         "(%.1f%%, target 85%%)\n",
         type_ok, sents, sents ? 100.0 * (double)type_ok / (double)sents : 0.0, src_ok, coded,
         coded ? 100.0 * (double)src_ok / (double)coded : 0.0);
  arena_free(&a);
  coder_lexicon_free(lex);
  dict_free(d);
  cameo_free(codes);
  return 0;
}
