/* Unit tests for actor recognition: composition, titles, aliases, metonymy,
 * coordination, pronouns and date limits, with a small dictionary written
 * here (the shipped dictionaries are tested by the golden tests). */
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

static const char DICT[] =
    "!kind actors\n"
    "North Korea => PRK\n"
    "North Korean | North Koreans => PRK {demonym}\n"
    "Pyongyang => PRK {capital}\n"
    "Russia => RUS\n"
    "Russian | Russians => RUS {demonym}\n"
    "U.S. => USA\n"
    "Moscow => RUS {capital}\n"
    "Ukrainian => UKR {demonym}\n"
    "Vladimir Putin | Putin => RUSGOV @1999-12-31..; RUSELI @1990..1999-12-30 {person}\n"
    "Iraq => IRQ\n"
    "Washington => USA {capital}\n"
    "Washington Post => USAMED {media}\n"
    "Kim Jong-un => PRKGOV @2011-12-17..; PRKELI @..2011-12-16 {person}\n"
    "!kind agents\n"
    "troops | soldiers => MIL\n"
    "ambassador | government | authorities | ministry | president => GOV\n"
    "general => MIL\n"
    "!kind discards\n"
    "Washington State\n";

static dict *D;

/* mentions returns "name=CODE" or "name=CODE<-from" for each mention. */
static const char *mentions(const char *text, int32_t date) {
  static char out[2048];
  arena a;
  arena_init(&a, 0);
  text_doc td;
  assert_int_equal(text_segment(&a, text, strlen(text), &td), 0);
  actor_list l;
  assert_int_equal(actor_find(D, &a, &td, date, &l), 0);
  out[0] = 0;
  for (size_t i = 0; i < l.n; i++) {
    const actor_mention *m = &l.m[i];
    char one[256];
    snprintf(one, sizeof one, "%s%.*s=%s", i ? "; " : "", (int)(m->end - m->start),
             text + m->start, m->code);
    strcat(out, one);
    if (m->from_start >= 0) {
      snprintf(one, sizeof one, "<-%.*s", (int)(m->from_end - m->from_start),
               text + m->from_start);
      strcat(out, one);
    }
  }
  arena_free(&a);
  return out;
}

typedef struct acase {
  const char *why, *in;
  int32_t date;
  const char *want;
} acase;

static const acase CASES[] = {
    {"demonym + agent composes", "North Korean troops crossed the border.", 20241101,
     "North Korean troops=PRKMIL"},
    {"possessive + agent composes", "Russia's ambassador spoke.", 20241101,
     "Russia's ambassador=RUSGOV"},
    {"the + demonym + agent", "The Ukrainian authorities said so.", 20241101,
     "Ukrainian authorities=UKRGOV"},
    {"a modifier between actor and agent", "North Korean elite troops arrived.", 20241101,
     "North Korean elite troops=PRKMIL"},
    {"agent of actor", "The government of Iraq agreed.", 20241101, "government of Iraq=IRQGOV"},
    {"capitals as metonyms, coordination gives two actors", "Pyongyang and Moscow signed a pact.",
     20241101, "Pyongyang=PRK; Moscow=RUS"},
    {"a longer discard or media name wins over the capital",
     "The Washington Post said Washington State voted.", 20241101,
     "Washington Post=USAMED"},
    {"title + known person: one actor", "President Vladimir Putin met them.", 20241101,
     "President Vladimir Putin=RUSGOV"},
    {"a person's code depends on the date", "Vladimir Putin spoke.", 19990101,
     "Vladimir Putin=RUSELI"},
    {"a title + unknown name, then the short form resolves to it",
     "Russian ambassador Alexandr Matsegora arrived. Matsegora said the talks went well.",
     20241101,
     "Russian ambassador=RUSGOV; Alexandr Matsegora=RUSGOV<-Russian ambassador; "
     "Matsegora=RUSGOV<-Alexandr Matsegora"},
    {"the family name of a Korean name resolves later", "Kim Jong-un spoke. Kim then left.",
     20241101, "Kim Jong-un=PRKGOV; Kim=PRKGOV<-Kim Jong-un"},
    {"an alias followed by another name is a different person",
     "Kim Jong-un spoke. Kim Yo-jong then left.", 20241101, "Kim Jong-un=PRKGOV"},
    {"its + agent takes the country of 'it'", "North Korea said its troops were ready.",
     20241101, "North Korea=PRK; its troops=PRKMIL<-North Korea"},
    {"a bare agent takes the nearest country", "Russia spoke. The ministry said no.", 20241101,
     "Russia=RUS; ministry=RUSGOV<-Russia"},
    {"a bare agent with no country in reach", "The ministry said no.", 20241101,
     "ministry=---GOV"},
    {"with no country before it, a title takes the first one after it in the sentence",
     "President Omar Bashir imposed a curfew in Iraq.", 20241101,
     "President=IRQGOV; Omar Bashir=IRQGOV<-President; Iraq=IRQ"},
    {"coordinated demonyms share the role noun", "Russian and Ukrainian troops clashed.",
     20241101, "Russian=RUSMIL; Ukrainian troops=UKRMIL"},
    {"a known person outside every term is the country's elite", "Vladimir Putin spoke.",
     19850101, "Vladimir Putin=RUSELI"},
    {"he resolves to the nearest person", "Vladimir Putin arrived. He praised Pyongyang.",
     20241101, "Vladimir Putin=RUSGOV; He=RUSGOV<-Vladimir Putin; Pyongyang=PRK"},
    {"the country resolves to the nearest state", "Russia is large. The country is cold.",
     20241101, "Russia=RUS; The country=RUS<-Russia"},
    {"money named after a country is not the country", "Russian roubles and U.S. dollars fell.",
     20241101, ""},
    {"a company named for its country is its business", "Russian Steel Group said it would sell.",
     20241101, "Russian Steel Group=RUSBUS; it=RUSBUS<-Russian Steel Group"},
    {"a body named for its country is a non-governmental actor of it",
     "The Russian Geographical Society met.", 20241101, "Russian Geographical Society=RUSNGO"},
    {"a pronoun two sentences away is not resolved", "Russia spoke. Rain fell. It stopped.",
     20241101, "Russia=RUS"},
};

static void test_cases(void **state) {
  (void)state;
  int failed = 0;
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
    const char *got = mentions(CASES[i].in, CASES[i].date);
    if (strcmp(got, CASES[i].want)) {
      print_error("case %zu (%s)\n  want: %s\n  got:  %s\n", i, CASES[i].why, CASES[i].want, got);
      failed++;
    }
  }
  if (failed) fail_msg("%d cases failed", failed);
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
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_cases)};
  return cmocka_run_group_tests(tests, setup, teardown);
}
