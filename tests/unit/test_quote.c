/* Unit tests for quotes and their speakers (issue 5, item 3): quotation marks,
 * quotes over sentences and paragraphs, apostrophes, unbalanced marks, and each
 * way a speaker is named, with actors from actor_find and a small dictionary
 * written here (the shipped dictionaries are exercised by the golden tests). */
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
#include "testdict.h"
#include "err.h"
#include "quote.h"

static const char DICT[] =
    "!kind actors\n"
    "North Korea => PRK\n"
    "North Korean | North Koreans => PRK {demonym}\n"
    "Russia => RUS\n"
    "Russian | Russians => RUS {demonym}\n"
    "Ukraine => UKR\n"
    "France => FRA\n"
    "Vladimir Putin | Putin => RUSGOV {person}\n"
    "Kim Jong-un => PRKGOV {person}\n"
    "!kind agents\n"
    "troops | soldiers => MIL\n"
    "ministry | government | envoy | spokesman => GOV\n"
    "police => COP\n";

static dict *D;

/* quotes describes each quote as s<sent>[text], then <-who=CODE when a phrase
 * names the speaker (CODE is - when no actor does), joined by " | ". */
static const char *quotes(const char *text) {
  static char out[4096];
  arena a;
  arena_init(&a, 0);
  text_doc td;
  actor_list l;
  quote_list ql;
  assert_int_equal(text_segment(&a, text, strlen(text), &td), 0);
  assert_int_equal(actor_find(D, &a, &td, 20241101, &l), 0);
  assert_int_equal(quote_find(&a, &td, &l, &ql), 0);
  out[0] = 0;
  for (size_t i = 0; i < ql.n; i++) {
    const quote *q = &ql.q[i];
    char one[512];
    size_t n = strlen(out);
    snprintf(one, sizeof one, "%ss%u[%.*s]", i ? " | " : "", q->sent, (int)(q->end - q->start),
             text + q->start);
    snprintf(out + n, sizeof out - n, "%s", one);
    if (q->who_end > q->who_start) {
      n = strlen(out);
      snprintf(out + n, sizeof out - n, "<-%.*s=%s", (int)(q->who_end - q->who_start),
               text + q->who_start, q->speaker >= 0 ? l.m[q->speaker].code : "-");
    } else {
      assert_int_equal(q->speaker, -1);
    }
  }
  arena_free(&a);
  return out;
}

typedef struct qcase {
  const char *why, *in, *want;
} qcase;

static const qcase CASES[] = {
    /* ---- quotation marks ---- */
    {"curly quotes and a colon introduction", "Kim Jong-un said: \u201cWe will fight.\u201d",
     "s0[We will fight.]<-Kim Jong-un=PRKGOV"},
    {"straight quotes; the comma before the closing mark is not quoted",
     "\"We will fight,\" Kim Jong-un said.", "s0[We will fight]<-Kim Jong-un=PRKGOV"},
    {"French guillemets", "Vladimir Putin said: \u00abWe will win.\u00bb",
     "s0[We will win.]<-Vladimir Putin=RUSGOV"},
    {"German low-high quotes close with a high opening mark",
     "Vladimir Putin said: \u201eWe will win.\u201c", "s0[We will win.]<-Vladimir Putin=RUSGOV"},
    {"two apostrophes typed for a double quote (Indian and Australian papers)",
     "\u2018\u2018We will win,\u2019\u2019 Kim Jong-un said.",
     "s0[We will win]<-Kim Jong-un=PRKGOV"},
    {"an apostrophe escaped twice inside a word is no quote",
     "the vhp''s claim was rejected by the police.", ""},
    {"apostrophes and possessives are not quotes",
     "\u201cRussia\u2019s soldiers\u2019 boots and the \u201990s are here,\u201d said one "
     "diplomat.",
     "s0[Russia\u2019s soldiers\u2019 boots and the \u201990s are here]<-one diplomat=-"},
    {"single quotes nested in a double quote stay in its text",
     "Vladimir Putin said: \u201cThey call it \u2018peace\u2019, we call it war.\u201d",
     "s0[They call it \u2018peace\u2019, we call it war.]<-Vladimir Putin=RUSGOV"},
    {"an empty pair of quotes is no quote", "Kim Jong-un said \u201c\u201d and left.", ""},

    /* ---- extent: sentences, paragraphs, unbalanced marks ---- */
    {"one quote over two sentences, numbered by the sentence where it opens",
     "The talks ended. Kim Jong-un said: \u201cWe will fight. We will win.\u201d Then he left.",
     "s1[We will fight. We will win.]<-Kim Jong-un=PRKGOV"},
    {"a paragraph break ends an open quote; the next paragraph re-opens it and names the speaker",
     "Kim Jong-un spoke on Tuesday.\n\n\u201cWe will fight on the beaches.\n\n"
     "\u201cWe will never surrender,\u201d Kim said.",
     "s1[We will fight on the beaches.]<-Kim=PRKGOV | s2[We will never surrender]<-Kim=PRKGOV"},
    {"a new opening mark inside an open quote: the paragraph break was lost",
     "\u201cWe will fight on the beaches. \u201cWe will never surrender,\u201d Kim Jong-un said.",
     "s0[We will fight on the beaches.]<-Kim Jong-un=PRKGOV | "
     "s1[We will never surrender]<-Kim Jong-un=PRKGOV"},
    {"an opening mark never closed runs to the paragraph end",
     "Kim Jong-un said: \u201cWe will fight. We will win.\n\nThe talks ended.",
     "s0[We will fight. We will win.]<-Kim Jong-un=PRKGOV"},
    {"an opening mark never closed runs to the end of the text",
     "Vladimir Putin said: \"We will win", "s0[We will win]<-Vladimir Putin=RUSGOV"},
    {"a stray closing mark is ignored", "The talks ended.\u201d Kim Jong-un left.", ""},
    {"a stray straight mark after a word is ignored", "The talks ended.\" Kim Jong-un left.", ""},

    /* ---- speakers in the quote's own sentence ---- */
    {"said X", "\u201cWe will fight,\u201d said Vladimir Putin.",
     "s0[We will fight]<-Vladimir Putin=RUSGOV"},
    {"X told", "\u201cNo,\u201d Vladimir Putin told reporters.", "s0[No]<-Vladimir Putin=RUSGOV"},
    {"X added: before the quote", "Vladimir Putin added: \u201cNo.\u201d",
     "s0[No.]<-Vladimir Putin=RUSGOV"},
    {"asked X, after a question mark that does not end the sentence",
     "\u201cWhy now?\u201d asked Vladimir Putin.", "s0[Why now?]<-Vladimir Putin=RUSGOV"},
    {"X wrote, with a time phrase between subject and verb",
     "Vladimir Putin on Tuesday wrote: \u201cWe are ready.\u201d",
     "s0[We are ready.]<-Vladimir Putin=RUSGOV"},
    {"X declared / X stated, with an adverb", "Kim Jong-un also declared \u201cvictory\u201d.",
     "s0[victory]<-Kim Jong-un=PRKGOV"},
    {"according to X after the quote", "\u201cThe talks failed,\u201d according to the ministry.",
     "s0[The talks failed]<-ministry=---GOV"},
    {"according to X before the quote",
     "According to Vladimir Putin, the plan is \u201cdead\u201d.",
     "s0[dead]<-Vladimir Putin=RUSGOV"},
    {"X's statement", "Vladimir Putin's statement read: \u201cWe are ready.\u201d",
     "s0[We are ready.]<-Vladimir Putin=RUSGOV"},
    {"a pronoun speaker resolved by actor_find",
     "Vladimir Putin arrived. \u201cWe are ready,\u201d he said.",
     "s1[We are ready]<-he=RUSGOV"},
    {"a quote split by its speech clause: both parts are the speaker's",
     "Vladimir Putin arrived. \u201cWe will fight,\u201d he said, \u201cand we will win.\u201d",
     "s1[We will fight]<-he=RUSGOV | s1[and we will win.]<-he=RUSGOV"},
    {"a name the dictionary lacks is still reported, with no actor",
     "\u201cIt is over,\u201d a senior official said.", "s0[It is over]<-a senior official=-"},
    {"an apposition names the actor of an unknown name",
     "Sergei Ivanov, a Russian envoy, said: \u201cNo.\u201d",
     "s0[No.]<-Sergei Ivanov=RUSGOV"},
    {"an apposition that is a name is who speaks; the role before it gives the actor",
     "Vladimir Putin's envoy, Sergei Ivanov, said: \u201cNo.\u201d",
     "s0[No.]<-Sergei Ivanov=RUSGOV"},
    {"an actor that only qualifies the speaker: the whole phrase is who",
     "\u201cNo,\u201d said Russian lawyer Sergei Ivanov.",
     "s0[No]<-Russian lawyer Sergei Ivanov=RUS"},
    {"a country inside a person's name is not the speaker",
     "Telecoms ombudsman Elizabeth France said: \u201cNo.\u201d",
     "s0[No.]<-Telecoms ombudsman Elizabeth France=-"},
    {"a relative clause's verb is not the speech verb",
     "\u201cIt is over,\u201d an envoy, who asked not to be named, said.",
     "s0[It is over]<-envoy=---GOV"},
    {"said X followed by the object clause is no inversion",
     "Vladimir Putin, in Moscow, said Ukraine was \u201cnot ready\u201d.",
     "s0[not ready]<-Vladimir Putin=RUSGOV"},
    {"a passive speech verb names the hearer, not the speaker",
     "Kim Jong-un was told \u201cno\u201d.", "s0[no]"},
    {"a coordinated verb takes the subject of the first clause",
     "The ministry said the talks had ended but warned: \u201cWe are ready.\u201d",
     "s0[We are ready.]<-ministry=---GOV"},
    {"a participle after 'with' takes the phrase before it",
     "The talks ended, with Vladimir Putin saying: \u201cWe won.\u201d",
     "s0[We won.]<-Vladimir Putin=RUSGOV"},
    {"quoted X as saying: X speaks, not the agency that quotes",
     "The agency quoted Vladimir Putin as saying: \u201cWe won.\u201d",
     "s0[We won.]<-Vladimir Putin=RUSGOV"},
    {"X went on: a colon introduction with a phrasal verb",
     "Vladimir Putin spoke. He went on: \u201cWe won.\u201d", "s1[We won.]<-He=RUSGOV"},
    {"an inverted speech clause closing a long sentence",
     "A \u201cpropaganda exercise\u201d is being used to lull the public, say the Tories.",
     "s0[propaganda exercise]<-the Tories=-"},
    {"a participle takes the subject of the sentence",
     "Vladimir Putin visited the front, saying \u201cvictory is near\u201d.",
     "s0[victory is near]<-Vladimir Putin=RUSGOV"},

    /* ---- scare quotes ---- */
    {"a scare quote: the subject of the verb that governs it",
     "Kim Jong-un praised the \u201cheroism and bravery\u201d of the troops.",
     "s0[heroism and bravery]<-Kim Jong-un=PRKGOV"},
    {"a scare quote: the subject, not the nearest actor",
     "Kim Jong-un praised Russia's \u201cheroism\u201d.", "s0[heroism]<-Kim Jong-un=PRKGOV"},
    {"a scare quote with no subject in reach has no speaker",
     "The so-called \u201cspecial operation\u201d went on.", "s0[special operation]"},
    {"a quote inside prose never takes a neighbour's speaker",
     "Vladimir Putin said the talks failed. The \u201cpeace plan\u201d is dead.",
     "s1[peace plan]"},

    /* ---- speakers from neighbouring sentences ---- */
    {"a quote standing alone after a sentence ending in a colon",
     "Vladimir Putin told reporters:\n\n\u201cWe will win.\u201d",
     "s1[We will win.]<-Vladimir Putin=RUSGOV"},
    {"a quote standing alone after a quote with a speaker",
     "\u201cWe will fight,\u201d Vladimir Putin said. \u201cWe will win.\u201d",
     "s0[We will fight]<-Vladimir Putin=RUSGOV | s1[We will win.]<-Vladimir Putin=RUSGOV"},
    {"a quote standing alone after a 'he said' clause",
     "Vladimir Putin said the talks had failed. \u201cWe gave them every chance.\u201d",
     "s1[We gave them every chance.]<-Vladimir Putin=RUSGOV"},
    {"a quote standing alone before a sentence that opens with a speech clause",
     "\u201cWe gave them every chance.\u201d Vladimir Putin added that the talks had failed.",
     "s0[We gave them every chance.]<-Vladimir Putin=RUSGOV"},
    {"a quote standing alone with no clause around it has no speaker",
     "The talks ended. \u201cWe gave them every chance.\u201d The delegates left.",
     "s1[We gave them every chance.]"},

    /* ---- lower-case text (IndiaPoliceEvents) ---- */
    {"lower-case text: an unresolved pronoun is reported with no actor",
     "police fired in the air near the mosque on friday. \u201cwe demand a ban,\u201d he said.",
     "s1[we demand a ban]<-he=-"},
    {"lower-case text: an agent speaks", "\"we demand a ban,\" the police said.",
     "s0[we demand a ban]<-police=---COP"},
    {"lower-case text: said X with a title and a name",
     "\"the situation is under control,\" said police commissioner p c pande.",
     "s0[the situation is under control]<-police commissioner p c pande=---COP"},
};

static void test_cases(void **state) {
  (void)state;
  int failed = 0;
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
    const char *got = quotes(CASES[i].in);
    if (strcmp(got, CASES[i].want)) {
      print_error("case %zu (%s)\n  want: %s\n  got:  %s\n", i, CASES[i].why, CASES[i].want, got);
      failed++;
    }
  }
  if (failed) fail_msg("%d cases failed", failed);
}

/* Without actors every speaker is -1 but the naming phrase is still found. */
static void test_no_actors(void **state) {
  (void)state;
  const char *z = "\u201cWe will fight,\u201d Vladimir Putin said.";
  arena a;
  arena_init(&a, 0);
  text_doc td;
  quote_list ql;
  assert_int_equal(text_segment(&a, z, strlen(z), &td), 0);
  assert_int_equal(quote_find(&a, &td, NULL, &ql), 0);
  assert_int_equal(ql.n, 1);
  assert_int_equal(ql.q[0].speaker, -1);
  assert_string_equal("Vladimir Putin", arena_strndup(&a, z + ql.q[0].who_start,
                                                        ql.q[0].who_end - ql.q[0].who_start));
  arena_free(&a);
}

/* Every allocation may fail: quote_find reports ERR_NOMEM and an empty list. */
static void test_nomem(void **state) {
  (void)state;
  const char *z = "Kim Jong-un said: \u201cWe will fight.\u201d \u201cAnd win,\u201d he said.";
  int ok = 0;
  for (size_t k = 1; k < 64 && !ok; k++) {
    arena a;
    arena_init(&a, 0);
    text_doc td;
    actor_list l;
    quote_list ql;
    assert_int_equal(text_segment(&a, z, strlen(z), &td), 0);
    assert_int_equal(actor_find(D, &a, &td, 0, &l), 0);
    a.fail_after = a.nalloc + k;
    int rc = quote_find(&a, &td, &l, &ql);
    if (rc == ERR_OK) {
      assert_int_equal(ql.n, 2);
      ok = 1;
    } else {
      assert_int_equal(rc, ERR_NOMEM);
      assert_int_equal(ql.n, 0);
    }
    arena_free(&a);
  }
  assert_true(ok);
}

/* A large document with many quotes and long unquoted runs: every quote found
 * once, and the searches stay within their windows (linear time). */
static void test_many(void **state) {
  (void)state;
  const char *one = "\u201cWe will fight,\u201d Kim Jong-un said, \u201cand win.\u201d ";
  const char *filler = "The talks went on and on and on and on and on and on and on ";
  size_t reps = 20000, n1 = strlen(one), n2 = strlen(filler);
  char *z = malloc(reps * (n1 + n2) + 1);
  assert_non_null(z);
  size_t n = 0;
  for (size_t i = 0; i < reps; i++) {
    memcpy(z + n, one, n1);
    n += n1;
    if (i % 2) memcpy(z + n, filler, n2), n += n2;
  }
  z[n] = 0;
  arena a;
  arena_init(&a, 1 << 20);
  text_doc td;
  actor_list l;
  quote_list ql;
  assert_int_equal(text_segment(&a, z, n, &td), 0);
  assert_int_equal(actor_find(D, &a, &td, 0, &l), 0);
  assert_int_equal(quote_find(&a, &td, &l, &ql), 0);
  assert_int_equal(ql.n, 2 * reps);
  for (size_t i = 0; i < ql.n; i++) assert_true(ql.q[i].speaker >= 0);
  arena_free(&a);
  free(z);
}

/* The word lists must stay sorted, or lookups silently miss words. */
static void test_tables(void **state) {
  (void)state;
  assert_int_equal(quote_check_tables(), 0);
}

static int setup(void **state) {
  (void)state;
  return testdict_build(DICT, &D);
}

static int teardown(void **state) {
  (void)state;
  dict_free(D);
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_cases),
      cmocka_unit_test(test_no_actors),
      cmocka_unit_test(test_nomem),
      cmocka_unit_test(test_many),
      cmocka_unit_test(test_tables),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
