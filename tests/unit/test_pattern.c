/* Unit tests for the TABARI / PETRARCH pattern coder: one case per pattern
 * feature (TABARI manual chapters 5-8), on a small TABARI dictionary
 * written here to a temporary file and loaded with dict_load("tabari:...").
 * Validate.text (tests/conformance/tabari_validate.c) covers the features
 * on TABARI's own suite; these cases pin each rule down in isolation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "actor.h"
#include "dict.h"
#include "pattern.h"

static const char ACTORS[] =
    "ARNOR [ARN]\n"
    "GONDOR [GON]\n"
    "ROHAN [ROH]\n"
    "MORDOR [ORC]\n"
    "ERIADOR [ERI]\n"
    "LORIEN [ELR/GAL]\n"
    "NASGUL [###]\n"
    "ISILDUR [+++]\n"
    "~~FINISH\n";

static const char VERBS[] =
    "<SYNSETS>\n"
    "&CURRENCY\n"
    "+DOLLAR\n"
    "+SWISS_FRANC\n"
    "</SYNSETS>\n"
    "ABANDON [345]\n"
    "- * EFFORT [987]\n"
    "- * DIPLOMATIC_TIES [901]\n"
    "ACCUS [121]\n"
    "ARM_ [182]\n"
    "ASK [090]\n"
    "- * FOR { SANCTIONS | BOYCOTT } [172]\n"
    "CONTRIBUT [070]\n"
    "- * &CURRENCY [903]\n"
    "FREE [066]\n"
    "- + * FROM $ [067]\n"
    "MEET [031:031]\n"
    "- % HAVE POSTPONED * [191]\n"
    "WARN [160]\n"
    "- * AT ^ + [162]\n"
    "STOP [190]\n"
    "- NOT_* [042]\n"
    "SAID [023?]\n"
    "REGRET [111]\n"
    "CELEBRATE [---]\n"
    "- * VICTORY [041]\n"
    "SOCCER [###]\n"
    "BLAST [+++]\n"
    "ATTACK [223]\n"
    "PRAISE [041]\n"
    "~~FINISH\n";

static dict *D;
static pattern_index *PX;

static char *write_temp(const char *suffix, const char *text) {
  char *path = malloc(64);
  snprintf(path, 64, "/tmp/test_patternXXXXXX%s", suffix);
  int fd = mkstemps(path, (int)strlen(suffix));
  assert_true(fd >= 0);
  assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
  close(fd);
  return path;
}

static int setup(void **state) {
  (void)state;
  char *a = write_temp(".actors", ACTORS), *v = write_temp(".verbs", VERBS);
  char spec[128];
  dict_builder *b;
  assert_int_equal(dict_builder_new(&b), 0);
  snprintf(spec, sizeof spec, "tabari:%s", a);
  assert_int_equal(dict_load(b, spec), 0);
  snprintf(spec, sizeof spec, "tabari:%s", v);
  assert_int_equal(dict_load(b, spec), 0);
  assert_int_equal(dict_build(b, &D), 0);
  /* the index reads the synonym sets from the verbs file: build it before
   * the file goes */
  assert_int_equal(pattern_index_new(D, &PX), 0);
  unlink(a), unlink(v);
  free(a), free(v);
  return 0;
}

static int teardown(void **state) {
  (void)state;
  pattern_index_free(PX);
  dict_free(D);
  return 0;
}

static int by_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* code returns the events as "SRC/TGT/CODE ...", sorted, or
 * "{###}" / "{+++}" for a discarded or complex sentence. */
static const char *code(const char *text, const char *option) {
  static char out[1024];
  pattern_options o;
  pattern_options_init(&o);
  o.min_words = 0; /* the cases are short; TABARI's default skips fewer than 8 words */
  if (option) assert_int_equal(pattern_options_line(&o, option, strlen(option)), 1);
  arena a;
  arena_init(&a, 0);
  text_doc td;
  actor_list al;
  pattern_result pr;
  assert_int_equal(text_segment(&a, text, strlen(text), &td), 0);
  assert_int_equal(actor_find(D, &a, &td, 19950101, &al), 0);
  assert_int_equal(pattern_code(PX, &o, &a, &td, 19950101, &al, 0, &pr), 0);
  out[0] = 0;
  if (pr.status[0] == PATTERN_SENT_DISCARD) snprintf(out, sizeof out, "{###}");
  if (pr.status[0] == PATTERN_SENT_COMPLEX) snprintf(out, sizeof out, "{+++}");
  char ev[32][96];
  const char *sorted[32];
  size_t n = pr.events.n < 32 ? pr.events.n : 32;
  for (size_t i = 0; i < n; i++) {
    const coder_event *e = &pr.events.e[i];
    snprintf(ev[i], sizeof ev[i], "%s/%s/%s", pr.actors.m[e->src].code, pr.actors.m[e->tgt].code, e->cameo);
    sorted[i] = ev[i];
  }
  qsort(sorted, n, sizeof *sorted, by_str);
  for (size_t i = 0; i < n; i++) {
    size_t k = strlen(out);
    snprintf(out + k, sizeof out - k, "%s%s", k ? " " : "", sorted[i]);
  }
  arena_free(&a);
  return out;
}

typedef struct tcase {
  const char *text, *option, *want;
} tcase;

static const tcase CASES[] = {
    /* a root alone: source before the verb, target after it (manual 5.8) */
    {"Arnor praised Gondor on Monday.", NULL, "ARN/GON/041"},
    /* a stem matches every word it begins (5.2.2): ACCUS */
    {"Arnor accused Gondor of lying.", NULL, "ARN/GON/121"},
    /* '_' ends a word: ARM_ takes regular endings (5.2.3) but is no stem */
    {"Arnor armed Gondor yesterday.", NULL, "ARN/GON/182"},
    {"Arnor armies met Gondor yesterday.", NULL, ""},
    /* a pattern wins over its root; the longest pattern first (5.7.1) */
    {"Arnor abandoned its effort with Gondor.", NULL, "ARN/GON/987"},
    /* '_' between words: consecutive; a gap breaks the pattern */
    {"Arnor abandoned diplomatic ties with Gondor.", NULL, "ARN/GON/901"},
    {"Arnor abandoned diplomatic trade ties with Gondor.", NULL, "ARN/GON/345"},
    /* alternatives { a | b } (5.7) */
    {"Arnor asked for a boycott of Gondor.", NULL, "ARN/GON/172"},
    /* a synonym set &CURRENCY (5.6), a multi-word member */
    {"Arnor contributed Swiss francs to Gondor.", NULL, "ARN/GON/903"},
    /* '+' target before the verb, '$' source after it (5.7.3) */
    {"Gondor was freed from Mordor.", NULL, "ORC/GON/067"},
    /* '%' a compound actor as both source and target, with a paired code */
    {"Arnor and Gondor have postponed their meeting.", NULL, "ARN/GON/191 GON/ARN/191"},
    /* '^' skips an actor */
    {"Rohan warned at Gondor of Mordor.", NULL, "ROH/ORC/162"},
    /* "NOT_*": the word right before the verb */
    {"Arnor did not stop Gondor.", NULL, "ARN/GON/042"},
    /* a paired code "031:031" gives both directions (6.6.3) */
    {"Arnor will meet Gondor.", NULL, "ARN/GON/031 GON/ARN/031"},
    /* a subordinate code "023?" only when nothing else is coded (6.6.1) */
    {"Arnor said it regretted Gondor's move.", NULL, "ARN/GON/111"},
    {"Arnor said Gondor was calm.", NULL, "ARN/GON/023"},
    /* a null-coded root codes nothing unless a pattern matches (6.2) */
    {"Arnor celebrated with Gondor.", NULL, ""},
    {"Arnor celebrated the victory of Gondor.", NULL, "ARN/GON/041"},
    /* discard [###]: by a verb and by an actor (6.3) */
    {"Arnor played soccer with Gondor.", NULL, "{###}"},
    {"Arnor met the Nasgul and Gondor.", NULL, "{###}"},
    /* complex [+++]: by a verb and by an actor (6.4) */
    {"Arnor blasted Gondor.", NULL, "{+++}"},
    {"Isildur praised Gondor.", NULL, "{+++}"},
    /* a coded compound [ELR/GAL] and a parsed compound "A and B" (6.5.1, 7.5) */
    {"Lorien praised Gondor.", NULL, "ELR/GON/041 GAL/GON/041"},
    {"Arnor praised Gondor and Rohan.", NULL, "ARN/GON/041 ARN/ROH/041"},
    /* a determiner or a capital makes a verb a noun (7.4) */
    {"Arnor saw the attack on Gondor.", NULL, ""},
    /* passive voice: source and target swap (7.9) */
    {"Gondor was attacked by Mordor.", NULL, "ORC/GON/223"},
    /* a comma-delimited clause goes (7.8) */
    {"Arnor, in remarks made on Monday in Rohan, praised Gondor.", NULL, "ARN/GON/041"},
    {"Arnor, in remarks made on Monday in Rohan, praised Gondor.", "COMMA: OFF", "ARN/GON/041"},
    /* compound sentences: one event a clause, the source carried (7.6) */
    {"Arnor attacked Gondor and praised Rohan.", NULL, "ARN/GON/223 ARN/ROH/041"},
    {"Arnor attacked Gondor and praised Rohan.", "SET: CODE BY SENTENCE", "ARN/GON/223"},
    /* COMPLEX: NOACTPRIOR (8.7) */
    {"Later praised Gondor and Rohan.", "COMPLEX: NOACTPRIOR", "{+++}"},
    /* SET: MINIMUM WORDS: a shorter sentence is not coded (8.2.3) */
    {"Arnor praised Gondor.", "SET: MINIMUM WORDS = 8", ""},
    /* DEFAULT: a default source (8.5) */
    {"Later praised Gondor.", "DEFAULT: SOURCE [DEF] PRIOR", "DEF/GON/041"},
};

static void test_cases(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
    const char *got = code(CASES[i].text, CASES[i].option);
    if (strcmp(got, CASES[i].want)) {
      print_error("case %zu: \"%s\" [%s]: got \"%s\", want \"%s\"\n", i, CASES[i].text,
                  CASES[i].option ? CASES[i].option : "", got, CASES[i].want);
      bad++;
    }
  }
  assert_int_equal(bad, 0);
}

/* options: each .options command a coder uses is read; others are not */
static void test_options(void **state) {
  (void)state;
  pattern_options o;
  pattern_options_init(&o);
  assert_int_equal(pattern_options_line(&o, "COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN", 44), 1);
  assert_int_equal(o.verbs, 5);
  assert_int_equal(o.conj, 4);
  assert_true(o.complex & PATTERN_NOACTPRIOR);
  const char *c = "COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8";
  assert_int_equal(pattern_options_line(&o, c, strlen(c)), 1);
  assert_int_equal(o.comma_min, 4);
  assert_int_equal(o.comma_max, 6);
  assert_int_equal(o.comma_emin, 3);
  assert_int_equal(o.comma_bmax, 8);
  const char *d = "DEFAULT: SOURCE [defsrc] PRIOR TARGET [DEFTAR] AFTER";
  assert_int_equal(pattern_options_line(&o, d, strlen(d)), 1);
  assert_string_equal(o.default_src, "DEFSRC");
  assert_string_equal(o.default_tgt, "DEFTAR");
  assert_true(o.default_prior && o.default_after);
  assert_int_equal(pattern_options_line(&o, "LABEL: 010=YIELD", 16), 0);
  assert_int_equal(pattern_options_line(&o, "// COMMA: OFF", 13), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_cases), cmocka_unit_test(test_options)};
  return cmocka_run_group_tests(tests, setup, teardown);
}
