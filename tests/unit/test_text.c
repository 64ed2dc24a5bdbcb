/* Unit tests for the text layer: sentence boundaries and tokens on the forms
 * news text has. Each case says why it exists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "text.h"

/* split returns the sentences of z joined by " | ", and the dateline in dl. */
static const char *split(const char *z, char *dl) {
  static char out[4096];
  arena a;
  arena_init(&a, 0);
  text_doc d;
  assert_int_equal(text_segment(&a, z, strlen(z), &d), 0);
  out[0] = 0;
  for (uint32_t i = 0; i < d.nsent; i++) {
    if (i) strcat(out, " | ");
    strncat(out, z + d.sent[i].start, d.sent[i].end - d.sent[i].start);
  }
  if (dl) {
    size_t k = d.dateline_end - d.dateline_start;
    memcpy(dl, z + d.dateline_start, k);
    dl[k] = 0;
  }
  arena_free(&a);
  return out;
}

typedef struct scase {
  const char *why, *in, *want;
} scase;

static const scase SENTENCES[] = {
    {"titles never end a sentence", "Mr. Kim met Gen. Smith in Seoul. They talked.",
     "Mr. Kim met Gen. Smith in Seoul. | They talked."},
    {"two titles in a row", "Lt. Col. Ivan Petrov spoke on Monday. He left.",
     "Lt. Col. Ivan Petrov spoke on Monday. | He left."},
    {"acronyms inside a sentence", "The U.S. and the U.N. agreed. Talks ended.",
     "The U.S. and the U.N. agreed. | Talks ended."},
    {"an acronym can end a sentence before a common starter",
     "Troops were sent to the U.S. The talks resumed.",
     "Troops were sent to the U.S. | The talks resumed."},
    {"month abbreviation before a day", "He arrived on Jan. 5 in Seoul. Officials said so.",
     "He arrived on Jan. 5 in Seoul. | Officials said so."},
    {"No. before a number", "The No. 5 Brigade was moved. It left.",
     "The No. 5 Brigade was moved. | It left."},
    {"decimals and thousands", "Prices rose 5.93 pct to 5,000 dlrs. Trading was quiet.",
     "Prices rose 5.93 pct to 5,000 dlrs. | Trading was quiet."},
    {"initials", "J. R. Smith arrived. He spoke.", "J. R. Smith arrived. | He spoke."},
    {"company abbreviation mid-sentence", "Shares of Acme Inc. rose sharply. Others fell.",
     "Shares of Acme Inc. rose sharply. | Others fell."},
    {"company abbreviation at the end", "He sold it to Acme Inc. The deal closed.",
     "He sold it to Acme Inc. | The deal closed."},
    {"a quote ends the sentence", "\"We will win.\" Then he left.",
     "\"We will win.\" | Then he left."},
    {"a quote followed by its speaker does not", "\"We will win!\" he said. Nobody cheered.",
     "\"We will win!\" he said. | Nobody cheered."},
    {"curly quotes", "\xE2\x80\x9CWe will win.\xE2\x80\x9D The crowd cheered.",
     "\xE2\x80\x9CWe will win.\xE2\x80\x9D | The crowd cheered."},
    {"a new sentence may open with a quote", "He spoke. \"We will fight,\" he said.",
     "He spoke. | \"We will fight,\" he said."},
    {"questions and exclamations", "Will they come? Nobody knows! It is late.",
     "Will they come? | Nobody knows! | It is late."},
    {"lower case after a period is not a new sentence in mixed text",
     "The plan, approx. five pages, was read. It passed.",
     "The plan, approx. five pages, was read. | It passed."},
    {"a blank line ends a headline without a period",
     "Kim praises troops sent to Kursk\n\nKim praised the troops on Friday.",
     "Kim praises troops sent to Kursk | Kim praised the troops on Friday."},
    {"a title-case headline on its own line",
     "Kim Praises Troops Sent To Kursk\nKim praised the troops on Friday and said more.",
     "Kim Praises Troops Sent To Kursk | Kim praised the troops on Friday and said more."},
    {"wrapped wire lines are not headlines",
     "Showers continued throughout the week in\nthe Bahia cocoa zone, officials said.",
     "Showers continued throughout the week in\nthe Bahia cocoa zone, officials said."},
    {"ALL-CAPS wire text", "THE ARMY SAID GEN. LOPEZ WAS KILLED. THE U.S. EMBASSY CONDEMNED IT.",
     "THE ARMY SAID GEN. LOPEZ WAS KILLED. | THE U.S. EMBASSY CONDEMNED IT."},
    {"lower-cased text", "police said two people died in the firing. the curfew continues.",
     "police said two people died in the firing. | the curfew continues."},
    {"lower-cased quote followed by its speaker",
     "the mob set fire to shops. \xE2\x80\x9Cwe demand a ban.\xE2\x80\x9D he said. police came.",
     "the mob set fire to shops. | \xE2\x80\x9Cwe demand a ban.\xE2\x80\x9D he said. | police "
     "came."},
    {"a stray symbol before the next sentence (Reuters '&\\t' paragraph marks)",
     "The dry period means a late crop.\n&\\tArrivals were 155,221 bags.",
     "The dry period means a late crop. | &\\tArrivals were 155,221 bags."},
};

static void test_sentences(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof SENTENCES / sizeof *SENTENCES; i++) {
    const char *got = split(SENTENCES[i].in, NULL);
    if (strcmp(got, SENTENCES[i].want)) {
      print_error("case %zu (%s)\n  want: %s\n  got:  %s\n", i, SENTENCES[i].why,
                  SENTENCES[i].want, got);
      fail();
    }
  }
}

static const scase DATELINES[] = {
    {"Reuters style", "MOSCOW (Reuters) - Russia said it would respond.", "MOSCOW (Reuters) -"},
    {"place and date", "PYONGYANG, May 9 - North Korea held a parade.", "PYONGYANG, May 9 -"},
    {"FBIS style in capitals", "SAN SALVADOR, 3 JAN 90 -- THE ARMY REPORTED AN ATTACK.",
     "SAN SALVADOR, 3 JAN 90 --"},
    {"an em dash", "KYIV, Ukraine (AP) \xE2\x80\x94 Ukraine said on Monday it had struck back.",
     "KYIV, Ukraine (AP) \xE2\x80\x94"},
    {"an acronym and a dash is not a dateline", "NATO - the alliance - met today.", ""},
    {"after a headline", "Kim Praises Troops\nPYONGYANG, May 9 - Kim praised troops on Friday.",
     "PYONGYANG, May 9 -"},
};

static void test_datelines(void **state) {
  (void)state;
  char dl[256];
  for (size_t i = 0; i < sizeof DATELINES / sizeof *DATELINES; i++) {
    split(DATELINES[i].in, dl);
    if (strcmp(dl, DATELINES[i].want)) {
      print_error("case %zu (%s): want \"%s\", got \"%s\"\n", i, DATELINES[i].why,
                  DATELINES[i].want, dl);
      fail();
    }
  }
  /* the dateline is not part of the sentence */
  assert_string_equal(split("MOSCOW (Reuters) - Russia said it would respond.", NULL),
                      "Russia said it would respond.");
}

/* tokens returns the tokens of z joined by spaces. */
static const char *tokens(const char *z, text_doc *d, arena *a) {
  static char out[4096];
  assert_int_equal(text_segment(a, z, strlen(z), d), 0);
  out[0] = 0;
  for (uint32_t i = 0; i < d->ntok; i++) {
    if (i) strcat(out, " ");
    strncat(out, z + d->tok[i].start, d->tok[i].end - d->tok[i].start);
  }
  return out;
}

static const scase TOKENS[] = {
    {"hyphenated names stay whole", "Kim Jong-un spoke", "Kim Jong-un spoke"},
    {"possessive split", "Russia's envoy", "Russia 's envoy"},
    {"curly possessive split", "Russia\xE2\x80\x99s envoy", "Russia \xE2\x80\x99s envoy"},
    {"negation clitic", "They don't agree", "They do n't agree"},
    {"plural possessive", "the soldiers' families", "the soldiers ' families"},
    {"apostrophe inside a name", "O'Brien said", "O'Brien said"},
    {"numbers", "5,000 troops and 1.5 million", "5,000 troops and 1.5 million"},
    {"ranges", "between 10-15 people", "between 10-15 people"},
    {"scare quotes", "the \xE2\x80\x9Cheroism\xE2\x80\x9D of",
     "the \xE2\x80\x9C heroism \xE2\x80\x9D of"},
    {"acronym with periods", "the U.S. envoy", "the U.S. envoy"},
    {"dashes", "Moscow -- and Kyiv", "Moscow -- and Kyiv"},
    {"accented letters", "C\xC3\xB4te d'Ivoire", "C\xC3\xB4te d'Ivoire"},
    {"an escaped tab marks a paragraph (Reuters-21578)", "&\\tTehran radio said",
     "& \\t Tehran radio said"},
    {"a backslash before a small letter stays", "a\\tb c", "a \\ tb c"},
};

static void test_tokens(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof TOKENS / sizeof *TOKENS; i++) {
    arena a;
    arena_init(&a, 0);
    text_doc d;
    const char *got = tokens(TOKENS[i].in, &d, &a);
    if (strcmp(got, TOKENS[i].want)) {
      print_error("case %zu (%s)\n  want: %s\n  got:  %s\n", i, TOKENS[i].why, TOKENS[i].want,
                  got);
      fail();
    }
    arena_free(&a);
  }
}

static void test_token_flags(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 0);
  text_doc d;
  /* offsets point at the original bytes of a curly quote */
  tokens("Kim praised the \xE2\x80\x9Cheroism\xE2\x80\x9D.", &d, &a);
  assert_int_equal(d.ntok, 7);
  assert_int_equal(d.tok[3].start, 16);
  assert_int_equal(d.tok[3].end, 19);
  assert_true(d.tok[3].flags & TOK_QUOTE);
  assert_true(d.tok[3].flags & TOK_OPEN);
  assert_true(d.tok[5].flags & TOK_CLOSE);
  assert_true(d.tok[0].flags & TOK_CAP);
  assert_false(d.tok[1].flags & TOK_CAP);
  assert_true(d.tok[6].flags & TOK_TERM);
  arena_free(&a);
}

static void test_key(void **state) {
  (void)state;
  char k[64];
  /* curly and straight apostrophes match the same dictionary entry */
  assert_int_equal(text_key("Russia\xE2\x80\x99s", 10, k, sizeof k), 8);
  assert_string_equal(k, "russia's");
  text_key("KIM", 3, k, sizeof k);
  assert_string_equal(k, "kim");
  text_key("\xC3\x9C" "ber", 5, k, sizeof k);
  assert_string_equal(k, "\xC3\xBC" "ber");
  /* too small a buffer is reported, not overrun */
  assert_int_equal(text_key("abcdef", 6, k, 4), 0);
}

static void test_empty_and_long(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 0);
  text_doc d;
  assert_int_equal(text_segment(&a, "", 0, &d), 0);
  assert_int_equal(d.nsent, 0);
  assert_int_equal(text_segment(&a, "   \n\n  ", 7, &d), 0);
  assert_int_equal(d.nsent, 0);
  /* a sentence with no boundary is cut at TEXT_MAX_SENT_TOKENS */
  static char big[30000];
  for (size_t i = 0; i < 10000; i++) memcpy(big + 3 * i, "ab ", 3);
  assert_int_equal(text_segment(&a, big, 30000, &d), 0);
  assert_int_equal(d.ntok, 10000);
  assert_int_equal(d.nsent, 10);
  for (uint32_t i = 0; i < d.nsent; i++) assert_true(d.sent[i].ntok <= TEXT_MAX_SENT_TOKENS);
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_sentences),   cmocka_unit_test(test_datelines),
      cmocka_unit_test(test_tokens),      cmocka_unit_test(test_token_flags),
      cmocka_unit_test(test_key),         cmocka_unit_test(test_empty_and_long),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
