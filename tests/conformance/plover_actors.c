/* Conformance (issue 3, item 6): on the PLOVER gold dev sentences, the share of
 * gold source and target actors for which dyad emits a mention that overlaps
 * the gold actor text and has the same country code (first three letters).
 *
 * usage: plover_actors GOLD.jsonl [--dict SPEC]... [--no-default-dict DICTROOT]
 * Prints each miss (sentence, gold actor, what dyad found there) and the total.
 * Scoring notes: the gold file uses two legacy CAMEO codes, JAP and ITL, which
 * are scored as JPN and ITA; a gold actor whose text does not occur in the
 * sentence is counted as a miss. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "actor.h"
#include "arena.h"
#include "dict.h"
#include "text.h"
#include "conf.h"

static const char *legacy(const char *code) {
  if (!strncmp(code, "JAP", 3)) return "JPN";
  if (!strncmp(code, "ITL", 3)) return "ITA";
  return code;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: plover_actors GOLD.jsonl DICTSPEC...\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "r");
  if (!f) {
    fprintf(stderr, "skipped: %s not found\n", argv[1]);
    return 0;
  }
  dict_builder *b;
  dict_builder_new(&b);
  for (int i = 2; i < argc; i++) dict_load(b, argv[i]);
  dict *d;
  if (dict_build(b, &d)) return 1;
  size_t gold = 0, hit = 0, sents = 0;
  char *line;
  arena a;
  arena_init(&a, 1 << 16);
  while ((line = conf_read_line(f))) {
    cJSON *j = cJSON_Parse(line);
    const cJSON *text = cJSON_GetObjectItem(j, "text");
    const cJSON *date = cJSON_GetObjectItem(j, "date");
    if (!cJSON_IsString(text)) goto next;
    sents++;
    const char *z = text->valuestring;
    text_doc td;
    actor_list l;
    int32_t dt = cJSON_IsString(date) ? dict_date(date->valuestring, strlen(date->valuestring), 1) : 0;
    if (text_segment(&a, z, strlen(z), &td) || actor_find(d, &a, &td, dt > 0 ? dt : 0, &l)) goto next;
    static const char *const sides[] = {"source", "target"};
    for (int s = 0; s < 2; s++) {
      const cJSON *arr = cJSON_GetObjectItem(j, sides[s]), *g;
      if (!cJSON_IsArray(arr)) continue;
      cJSON_ArrayForEach(g, arr) {
        const cJSON *at = cJSON_GetObjectItem(g, "actorText"), *gc = cJSON_GetObjectItem(g, "code");
        if (!cJSON_IsString(at) || !cJSON_IsString(gc) || strlen(gc->valuestring) < 3) continue;
        gold++;
        const char *p = strstr(z, at->valuestring);
        if (!p) p = strcasestr(z, at->valuestring);
        size_t gs = p ? (size_t)(p - z) : 0, ge = p ? gs + strlen(at->valuestring) : 0;
        const char *want = legacy(gc->valuestring);
        int ok = 0;
        char found[512] = "";
        for (size_t k = 0; p && k < l.n; k++) {
          const actor_mention *m = &l.m[k];
          if (m->end <= gs || m->start >= ge) continue;
          if (!strncmp(legacy(m->code), want, 3)) ok = 1;
          size_t fl = strlen(found);
          snprintf(found + fl, sizeof found - fl, "%s%.*s=%s", fl ? ", " : "",
                   (int)(m->end - m->start), z + m->start, m->code);
        }
        if (ok) hit++;
        else
          printf("MISS %s %s \"%s\" (%s): %s\n    in: %s\n", sides[s], gc->valuestring,
                 at->valuestring, p ? "found in text" : "not in text", *found ? found : "nothing", z);
      }
    }
  next:
    cJSON_Delete(j);
    free(line);
    arena_reset(&a);
  }
  fclose(f);
  printf("PLOVER gold actors (country level): %zu of %zu matched (%.1f%%) in %zu sentences; target 90%%\n",
         hit, gold, gold ? 100.0 * (double)hit / (double)gold : 0.0, sents);
  arena_free(&a);
  dict_free(d);
  return 0;
}
