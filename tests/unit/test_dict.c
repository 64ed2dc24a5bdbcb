/* Unit tests for the dictionary format, the builder and the token-trie
 * matcher. Dictionaries are written to temporary files here. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "dict.h"
#include "err.h"

static char dir[] = "/tmp/dyad-test-dict-XXXXXX";

static void write_file(const char *name, const char *text) {
  char path[256];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
}

static dict *load(const char *name, size_t *nerr, const char *const **errs) {
  dict_builder *b;
  char path[256];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  assert_int_equal(dict_builder_new(&b), 0);
  dict_load(b, path);
  static char *saved[64];
  static size_t nsaved;
  for (size_t i = 0; i < nsaved; i++) free(saved[i]); /* the previous call's */
  size_t n;
  const char *const *e = dict_builder_errors(b, &n);
  nsaved = n < 64 ? n : 64;
  for (size_t i = 0; i < nsaved; i++) saved[i] = strdup(e[i]);
  *nerr = n;
  if (errs) *errs = (const char *const *)saved;
  dict *d;
  assert_int_equal(dict_build(b, &d), 0);
  return d;
}

/* lookup: the entry matched at the start of text (whole text), and its length. */
static const dict_entry *lookup(const dict *d, const char *text, uint32_t *len) {
  arena a;
  arena_init(&a, 0);
  text_doc td;
  assert_int_equal(text_segment(&a, text, strlen(text), &td), 0);
  uint32_t ids[64];
  dict_keys(d, &td, ids);
  const dict_entry *e = dict_longest(d, ids, 0, td.ntok, 0xFF, len);
  arena_free(&a);
  return e;
}

static const char BASIC[] =
    "# countries\n"
    "!kind actors\n"
    "North Korea | DPRK | N. Korea => PRK\n"
    "North Korean | North Koreans => PRK {demonym}\n"
    "Korea => KOR\n"
    "Washington => USA {capital}\n"
    "Washington Post => USAMED {media}\n"
    "Kim Jong-un => PRKGOV @2011-12-17..; PRKELI @..2011-12-16 {person}\n"
    "Russia\\#1 => RUS   # an escaped hash is part of the name\n"
    "&MEDIA = newspaper | daily\n"
    "!kind agents\n"
    "troops | soldiers => MIL\n"
    "!kind discards\n"
    "Washington State\n";

static void test_format(void **state) {
  (void)state;
  write_file("basic.txt", BASIC);
  size_t nerr;
  dict *d = load("basic.txt", &nerr, NULL);
  assert_int_equal(nerr, 0);
  uint32_t len;
  const dict_entry *e;
  /* the longest phrase wins: "North Korea" over "Korea", "Washington Post" over "Washington" */
  e = lookup(d, "North Korea said", &len);
  assert_non_null(e);
  assert_int_equal(len, 2);
  assert_string_equal(e->codes[0].code, "PRK");
  e = lookup(d, "Washington Post reported", &len);
  assert_string_equal(dict_code_on(e, 0), "USAMED");
  assert_true(e->flags & DICT_F_MEDIA);
  e = lookup(d, "Washington said", &len);
  assert_true(e->flags & DICT_F_CAPITAL);
  /* matching is case-folded and the abbreviation keeps its period */
  e = lookup(d, "N. KOREA", &len);
  assert_non_null(e);
  assert_int_equal(len, 2);
  /* a discard is an entry of its own kind */
  e = lookup(d, "Washington State officials", &len);
  assert_int_equal(e->kind, DICT_DISCARD);
  assert_int_equal(len, 2);
  /* agents */
  e = lookup(d, "soldiers", &len);
  assert_int_equal(e->kind, DICT_AGENT);
  assert_string_equal(dict_code_on(e, 0), "MIL");
  /* an escaped '#' */
  e = lookup(d, "Russia#1", &len);
  assert_non_null(e);
  /* the source and line name the pattern */
  e = lookup(d, "DPRK", &len);
  assert_int_equal(e->line, 3);
  assert_non_null(strstr(e->source, "basic.txt"));
  /* no entry */
  assert_null(lookup(d, "Seoul", &len));
  dict_free(d);
}

static void test_dates(void **state) {
  (void)state;
  write_file("dates.txt", BASIC);
  size_t nerr;
  dict *d = load("dates.txt", &nerr, NULL);
  uint32_t len;
  const dict_entry *e = lookup(d, "Kim Jong-un", &len);
  assert_non_null(e);
  /* a leader's term decides the code */
  assert_string_equal(dict_code_on(e, 20250509), "PRKGOV");
  assert_string_equal(dict_code_on(e, 20111217), "PRKGOV");
  assert_string_equal(dict_code_on(e, 20111216), "PRKELI");
  assert_string_equal(dict_code_on(e, 20000101), "PRKELI");
  /* no date: the open-ended (current) code */
  assert_string_equal(dict_code_on(e, 0), "PRKGOV");
  assert_int_equal(dict_date("2025-05", 7, 1), 20250501);
  assert_int_equal(dict_date("2025-05", 7, 0), 20250531);
  assert_int_equal(dict_date("2025", 4, 0), 20251231);
  assert_int_equal(dict_date("25-05-01", 8, 1), -1);
  assert_int_equal(dict_date("2025-13-01", 10, 1), -1);
  dict_free(d);
}

static void test_errors(void **state) {
  (void)state;
  write_file("bad.txt",
             "North Korea => PRK\n"          /* 1: before any !kind */
             "!kind actors\n"
             "Seoul => kor\n"                /* 3: lower-case code */
             "Seoul => KOR @2020-01-01\n"    /* 4: range without .. */
             "Seoul => KOR @2021..2020\n"    /* 5: empty range */
             "Seoul\n"                       /* 6: no code */
             "Seoul => KOR {capitol}\n"      /* 7: unknown flag */
             "!kind people\n"                /* 8: unknown kind */
             "!include missing.txt\n"        /* 9: missing include */
             "Busan | | Daegu => KOR\n"      /* 10: empty name (the others load) */
             "Incheon => KOR\n");
  size_t nerr;
  const char *const *errs;
  dict *d = load("bad.txt", &nerr, &errs);
  static const char *const want[] = {
      ":1: entry before any '!kind' line", ":3: bad code 'kor'", ":4: date range",
      ":5: bad date range", ":6: entry without '=>'", ":7: unknown flag 'capitol'",
      ":8: unknown kind 'people'", "missing.txt:0: cannot open", ":10: empty name"};
  assert_int_equal(nerr, sizeof want / sizeof *want);
  for (size_t i = 0; i < nerr; i++) {
    if (!strstr(errs[i], want[i])) {
      print_error("report %zu: want \"%s\" in \"%s\"\n", i, want[i], errs[i]);
      fail();
    }
  }
  uint32_t len;
  assert_non_null(lookup(d, "Busan", &len));
  assert_non_null(lookup(d, "Incheon", &len));
  assert_null(lookup(d, "Seoul", &len));
  dict_free(d);
}

static void test_include_and_override(void **state) {
  (void)state;
  write_file("inc-a.txt", "!kind actors\nBurma => MMR\n!include inc-b.txt\n");
  write_file("inc-b.txt", "!kind actors\nBurma => BUR\n!include inc-a.txt\n");
  size_t nerr;
  const char *const *errs;
  dict *d = load("inc-a.txt", &nerr, &errs);
  /* the cycle is cut and reported; the later entry for a phrase wins */
  assert_true(nerr >= 1);
  assert_non_null(strstr(errs[0], "nested too deep"));
  uint32_t len;
  const dict_entry *e = lookup(d, "Burma", &len);
  assert_non_null(e);
  dict_free(d);
}

static void test_binary_lines(void **state) {
  (void)state;
  char path[256];
  snprintf(path, sizeof path, "%s/bin.txt", dir);
  FILE *f = fopen(path, "wb");
  fwrite("!kind actors\nA\0B => USA\nCaf\xe9 => FRA\nParis => FRA\n", 1, 46, f);
  fclose(f);
  size_t nerr;
  const char *const *errs;
  dict *d = load("bin.txt", &nerr, &errs);
  assert_int_equal(nerr, 2);
  assert_non_null(strstr(errs[0], ":2: NUL byte"));
  assert_non_null(strstr(errs[1], ":3: invalid UTF-8"));
  uint32_t len;
  assert_non_null(lookup(d, "Paris", &len));
  dict_free(d);
}

static int setup(void **state) {
  (void)state;
  return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  size_t nerr;
  write_file("empty.txt", "");
  dict_free(load("empty.txt", &nerr, NULL)); /* frees the last saved reports */
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  return system(cmd);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_format), cmocka_unit_test(test_dates), cmocka_unit_test(test_errors),
      cmocka_unit_test(test_include_and_override), cmocka_unit_test(test_binary_lines),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
