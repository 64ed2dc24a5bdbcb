/* Unit tests for timex: time expressions found and resolved against the
 * document date. Each case says why it exists. Most cases use a document
 * dated Tuesday 2025-05-20; the year-boundary cases Friday 2025-01-03. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "err.h"
#include "text.h"
#include "timex.h"

#define TUE 20250520 /* a Tuesday */
#define NEWYEAR 20250103 /* a Friday */

/* render returns the expressions of z as "text=value/granularity[/modifier]"
 * joined by " | ". */
static const char *render(const char *z, int32_t date) {
  static char out[4096];
  arena a;
  arena_init(&a, 0);
  text_doc d;
  timex_list l;
  assert_int_equal(text_segment(&a, z, strlen(z), &d), ERR_OK);
  assert_int_equal(timex_find(&a, &d, date, &l), ERR_OK);
  out[0] = 0;
  for (size_t i = 0; i < l.n; i++) {
    const timex *t = &l.t[i];
    size_t k = strlen(out);
    snprintf(out + k, sizeof out - k, "%s%.*s=%s/%s%s%s", i ? " | " : "", (int)(t->end - t->start),
             z + t->start, t->value, t->granularity, t->modifier ? "/" : "",
             t->modifier ? t->modifier : "");
  }
  arena_free(&a);
  return out;
}

typedef struct tcase {
  const char *why;
  int32_t date;
  const char *in, *want;
} tcase;

static const tcase CASES[] = {
    /* absolute forms */
    {"day month", TUE, "The talks ended on 9 May.", "9 May=2025-05-09/day"},
    {"month day", TUE, "The talks ended on May 9.", "May 9=2025-05-09/day"},
    {"month day, year", TUE, "It was signed on May 9, 2025, in Seoul.",
     "May 9, 2025=2025-05-09/day"},
    {"day month year", TUE, "It was signed on 9 May 2025.", "9 May 2025=2025-05-09/day"},
    {"ISO date", TUE, "The file is dated 2025-05-09.", "2025-05-09=2025-05-09/day"},
    {"slashed dates are ambiguous (9 May or 5 September) and skipped", TUE,
     "It was signed on 05/09/2025.", ""},
    {"a bare year after a preposition", TUE, "He took power in 2000.", "2000=2000/year"},
    {"the year N keeps its determiner", TUE, "Nothing changed until the year 2000.",
     "the year 2000=2000/year"},
    {"month year", TUE, "They met in May 2024.", "May 2024=2024-05/month"},
    {"a decade is its first year with granularity decade", TUE, "The war began in the 1990s.",
     "the 1990s=1990/decade"},
    {"month year without preposition", TUE, "The party was founded March 2002 by exiles.",
     "March 2002=2002-03/month"},
    {"abbreviated month with period", TUE, "He arrived on Jan. 5 in Seoul.",
     "Jan. 5=2025-01-05/day"},
    {"Sept without period, a year back: 118 days ahead is too far for a future reading", TUE,
     "He arrived on Sept 15.", "Sept 15=2024-09-15/day"},
    {"an ordinal day and 'of'", TUE, "It ended on the 9th of May.",
     "the 9th of May=2025-05-09/day"},
    {"a day range gives its first day", TUE, "Talks were held on 12-14 May.",
     "12-14 May=2025-05-12/day"},
    {"a weekday named with a date is one expression", TUE, "It opened on Tuesday, May 20.",
     "Tuesday, May 20=2025-05-20/day"},
    {"from ... to ...: the second year chains on the first", TUE, "He ruled from 2000 to 2005.",
     "2000=2000/year | 2005=2005/year"},

    /* relative to the document date */
    {"a weekday on the document's own weekday is that day", TUE, "Kim visited Moscow on Tuesday.",
     "Tuesday=2025-05-20/day"},
    {"a weekday in past news is the latest before the document date", TUE,
     "Kim visited Moscow on Friday.", "Friday=2025-05-16/day"},
    {"a future cue reads the weekday forward", TUE, "Kim will visit Moscow on Friday.",
     "Friday=2025-05-23/day"},
    {"a past verb right before wins over a later 'will'", TUE,
     "Kim said on Friday that he will visit Moscow.", "Friday=2025-05-16/day"},
    {"a fronted expression looks past its comma for the tense", TUE,
     "On Friday, Kim will visit Moscow.", "Friday=2025-05-23/day"},
    {"'plans to' is a future cue", TUE, "Kim plans to visit Moscow on Friday.",
     "Friday=2025-05-23/day"},
    {"the noun 'plan' is not", TUE, "Kim's peace plan was discussed on Friday.",
     "Friday=2025-05-16/day"},
    {"'is due to' is a future cue", TUE, "Kim is due to arrive on Friday.",
     "Friday=2025-05-23/day"},
    {"the noun 'will' is not", TUE, "The attack on Friday broke their will.",
     "Friday=2025-05-16/day"},
    {"today, yesterday, tomorrow", TUE, "Today it rained; yesterday it snowed; tomorrow it clears.",
     "Today=2025-05-20/day | yesterday=2025-05-19/day | tomorrow=2025-05-21/day"},
    {"weeks are ISO weeks", TUE, "It happened last week, not this week or next week.",
     "last week=2025-W20/week | this week=2025-W21/week | next week=2025-W22/week"},
    {"months and years", TUE, "Prices rose last month and earlier this month.",
     "last month=2025-04/month | earlier this month=2025-05/month"},
    {"this, last and next year", TUE, "Growth slowed this year after last year, and next year too.",
     "this year=2025/year | last year=2024/year | next year=2026/year"},
    {"late April: modifier, the April before the document date", TUE,
     "The clashes began in late April.", "late April=2025-04/month/late"},
    {"a future April when the clause says so", TUE, "The vote will be held in late April.",
     "late April=2026-04/month/late"},
    {"early with a year", TUE, "The plant closed in early 2024.", "early 2024=2024/year/early"},
    {"mid- joined to the month", TUE, "Talks stalled by mid-May.", "mid-May=2025-05/month/mid"},
    {"mid- joined to a decade", TUE, "It was built in the mid-1990s.",
     "the mid-1990s=1990/decade/mid"},
    {"until the year 2000", TUE, "The treaty held until the year 2000.",
     "the year 2000=2000/year"},
    {"a part of the day joins the weekday", TUE, "Shelling resumed on Sunday night.",
     "Sunday night=2025-05-18/day"},
    {"weekday and morning without a preposition", TUE, "Monday morning the army moved in.",
     "Monday morning=2025-05-19/day"},
    {"N days ago", TUE, "The raid took place two days ago.", "two days ago=2025-05-18/day"},
    {"N weeks ago is a week", TUE, "The raid took place three weeks ago.",
     "three weeks ago=2025-W18/week"},
    {"digits before ago", TUE, "The war ended 10 years ago.", "10 years ago=2015/year"},
    {"last Tuesday is a week back, not today", TUE, "They met last Tuesday.",
     "last Tuesday=2025-05-13/day"},
    {"next Tuesday is a week ahead", TUE, "They meet next Tuesday.", "next Tuesday=2025-05-27/day"},
    {"last April is the latest April before this month", TUE, "They met last April.",
     "last April=2025-04/month"},
    {"over the weekend: the latest weekend begun", TUE, "Talks continued over the weekend.",
     "the weekend=2025-W20/week"},
    {"the end of a year", TUE, "Troops leave by the end of 2024.",
     "the end of 2024=2024/year/late"},
    {"the end of the year is this year", TUE, "Troops leave by the end of the year.",
     "the end of the year=2025/year/late"},
    {"month this year", TUE, "Elections are set for August this year.",
     "August this year=2025-08/month"},
    {"day month last year", TUE, "It was signed on 9 May last year.",
     "9 May last year=2024-05-09/day"},
    {"a year ago", TUE, "A year ago the city fell.", "A year ago=2024/year"},
    {"early on a date", TUE, "The attack began early on 12 May.",
     "early on 12 May=2025-05-12/day/early"},
    {"a near date with no tense cue is read ahead (11 days) rather than a year back", 19891209,
     "The talks in Caracas, Venezuela, on 20 December.", "20 December=1989-12-20/day"},
    {"the named weekday picks the year of a year-less date", 19890731,
     "The meeting is on Monday, 7 August.", "Monday, 7 August=1989-08-07/day"},
    {"a story's own year is not the document's", TUE, "She was caught in May the following year.",
     ""},

    /* not dates */
    {"the modal May, capitalised at the start", TUE, "May I ask a question?", ""},
    {"the modal may", TUE, "They may come back.", ""},
    {"the noun march", TUE, "A march on the capital drew thousands.", ""},
    {"the verb march", TUE, "They march to the square.", ""},
    {"a weekday in a newspaper's name", TUE, "The Sunday Times reported the raid.", ""},
    {"a month in a group's name", TUE, "Black September claimed the attack.", ""},
    {"a month as a surname", TUE, "Theresa May met Kim.", ""},
    {"a number with a comma is a count", TUE, "About 2,000 people marched.", ""},
    {"a bare four-digit number is a count", TUE, "2000 troops were sent.", ""},
    {"a year-like number before a counted noun", TUE, "The army sent in 2000 troops.", ""},
    {"a time of day alone", TUE, "The meeting started at 10:30 a.m.", ""},
    {"Today as a programme name", TUE, "He told the Today programme nothing.", ""},
    {"a date in a group's name", TUE, "Talks with the 19 April Movement stalled.", ""},
    {"four digits as a clock time in wire text", 19891112,
     "THE CURFEW RUNS FROM 2000 ON 12 NOVEMBER.", "12 NOVEMBER=1989-11-12/day"},
    {"an impossible date", TUE, "It happened on 31 February.", ""},
    {"an impossible date with a year", TUE, "It happened on 31 April 2024.", ""},
    {"a year-less 'in May 30 people died': May is the month, 30 a count", TUE,
     "In May 30 people died.", "May=2025-05/month"},

    /* casing */
    {"ALL-CAPS wire text: day month, and the modal and noun in capitals", 19900103,
     "ON 30 DECEMBER THE ARMY ATTACKED. THE GUERRILLAS MAY ATTACK AGAIN. THE MARCH ENDED.",
     "30 DECEMBER=1989-12-30/day"},
    {"ALL-CAPS two-digit year (FBIS), pivot 1950", 19900103,
     "THE ARMY REPORTED ON 3 JAN 90 -- NOTHING ELSE.", "3 JAN 90=1990-01-03/day"},
    {"two-digit year below the pivot is 20xx", TUE, "THE REPORT OF 3 JAN 49 -- ENDS.",
     "3 JAN 49=2049-01-03/day"},
    {"ALL-CAPS relative days and decades", 19900103,
     "YESTERDAY AFTERNOON A BOMB WENT OFF. IN THE 1970'S THE ARMY RULED.",
     "YESTERDAY AFTERNOON=1990-01-02/day | THE 1970'S=1970/decade"},
    {"lower-case text (IndiaPoliceEvents)", 20020320,
     "on friday police fired at the mob. the curfew began on march 15. they may return.",
     "friday=2002-03-15/day | march 15=2002-03-15/day"},
    {"lower-case march as a verb with a count", 20020320, "they march 15 km daily.", ""},
    {"lower-case modal may before a number", 20020320, "the toll may 10 times exceed it.", ""},
    {"in mixed-case text a lower-case month is a word", TUE, "the march 15 rally was held.", ""},

    /* year boundaries */
    {"last month across New Year", NEWYEAR, "Prices fell last month.", "last month=2024-12/month"},
    {"weeks across New Year: ISO week 1 of 2025 starts on 30 December 2024", NEWYEAR,
     "It rained last week and this week.", "last week=2024-W52/week | this week=2025-W01/week"},
    {"a Friday paper's Friday", NEWYEAR, "He left on Friday.", "Friday=2025-01-03/day"},
    {"a Monday back across New Year", NEWYEAR, "He left on Monday.", "Monday=2024-12-30/day"},
    {"a day-month back across New Year", NEWYEAR, "It began on 30 December.",
     "30 December=2024-12-30/day"},
    {"a weekday ahead across New Year", 20241230, "He will arrive on Friday.",
     "Friday=2025-01-03/day"},
    {"next month across New Year", 20241230, "Talks resume next month.",
     "next month=2025-01/month"},
    {"last year on 3 January", NEWYEAR, "Exports fell last year.", "last year=2024/year"},

    /* leap years */
    {"29 February in a leap year's spring", 20240305, "It began on 29 February.",
     "29 February=2024-02-29/day"},
    {"29 February with its leap year", TUE, "It began on 29 February 2024.",
     "29 February 2024=2024-02-29/day"},
    {"29 February in a common year is skipped", TUE, "It began on 29 February 2025.", ""},
    {"a year-less 29 February goes back to the last leap year", TUE, "It began on 29 February.",
     "29 February=2024-02-29/day"},
    {"1900 was not a leap year", TUE, "It began on 29 February 1900.", ""},
    {"2000 was", TUE, "It began on 29 February 2000.", "29 February 2000=2000-02-29/day"},

    /* no document date */
    {"without a document date only absolute expressions are kept", 0,
     "He left on Friday, on 9 May, on 9 May 2025, in 2000, last week, in the 1990s.",
     "9 May 2025=2025-05-09/day | 2000=2000/year | the 1990s=1990/decade"},
};

static void test_cases(void **state) {
  (void)state;
  int bad = 0;
  for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
    const char *got = render(CASES[i].in, CASES[i].date);
    if (strcmp(got, CASES[i].want)) {
      print_error("case %zu (%s)\n  in:   %s\n  want: %s\n  got:  %s\n", i, CASES[i].why,
                  CASES[i].in, CASES[i].want, got);
      bad = 1;
    }
  }
  if (bad) fail();
}

/* find runs timex_find on z in a fresh arena the caller frees. */
static void find(arena *a, const char *z, int32_t date, text_doc *d, timex_list *l) {
  arena_init(a, 0);
  assert_int_equal(text_segment(a, z, strlen(z), d), ERR_OK);
  assert_int_equal(timex_find(a, d, date, l), ERR_OK);
}

static void test_spans_and_flags(void **state) {
  (void)state;
  arena a;
  text_doc d;
  timex_list l;
  /* byte offsets leave the preposition out */
  find(&a, "Kim visited Moscow on Tuesday.", TUE, &d, &l);
  assert_int_equal(l.n, 1);
  assert_int_equal(l.t[0].start, 22);
  assert_int_equal(l.t[0].end, 29);
  assert_int_equal(l.t[0].sent, 0);
  assert_int_equal(l.t[0].ntok, 1);
  assert_int_equal(l.t[0].lo, 20250520);
  assert_int_equal(l.t[0].hi, 20250520);
  assert_int_equal(l.t[0].flags, TIMEX_RELATIVE);
  assert_null(l.t[0].modifier);
  arena_free(&a);
  /* a future reading is flagged; a bound ("since", "until") too */
  find(&a, "Kim will visit on Friday. He has ruled since 2000 and until the year 2010.", TUE, &d,
       &l);
  assert_int_equal(l.n, 3);
  assert_int_equal(l.t[0].flags, TIMEX_RELATIVE | TIMEX_FUTURE);
  assert_int_equal(l.t[1].flags, TIMEX_BOUND);
  assert_int_equal(l.t[2].flags, TIMEX_BOUND);
  assert_int_equal(l.t[1].sent, 1);
  arena_free(&a);
  /* the period covered: a month, an ISO week, a decade */
  find(&a, "In February 2024, last week and in the 1990s.", TUE, &d, &l);
  assert_int_equal(l.n, 3);
  assert_int_equal(l.t[0].lo, 20240201);
  assert_int_equal(l.t[0].hi, 20240229);
  assert_int_equal(l.t[1].lo, 20250512);
  assert_int_equal(l.t[1].hi, 20250518);
  assert_int_equal(l.t[2].lo, 19900101);
  assert_int_equal(l.t[2].hi, 19991231);
  arena_free(&a);
  /* 'and' after an expression that is not a bound does not make a bound */
  find(&a, "It rained this week and last year.", TUE, &d, &l);
  assert_int_equal(l.n, 2);
  assert_int_equal(l.t[1].flags, TIMEX_RELATIVE);
  arena_free(&a);
}

static void test_for_sentence(void **state) {
  (void)state;
  arena a;
  text_doc d;
  timex_list l;
  find(&a,
       "Kim has ruled since 2011, and on Tuesday he met Putin. Nothing happened. "
       "The 1990s were hard. It rained on Friday and on Saturday.",
       TUE, &d, &l);
  assert_int_equal(d.nsent, 4);
  assert_int_equal(l.n, 5);
  /* a bound does not date the sentence; the weekday after it does */
  assert_int_equal(timex_for_sentence(&l, 0), 1);
  assert_int_equal(timex_for_sentence(&l, 1), -1);
  /* a decade cannot be an event date */
  assert_int_equal(timex_for_sentence(&l, 2), -1);
  /* the first of two */
  assert_int_equal(timex_for_sentence(&l, 3), 3);
  assert_int_equal(timex_for_sentence(&l, 99), -1);
  arena_free(&a);
  timex_list empty = {NULL, 0};
  assert_int_equal(timex_for_sentence(&empty, 0), -1);
}

static void test_event_date(void **state) {
  (void)state;
  arena a;
  text_doc d;
  timex_list l;
  char out[11];
  find(&a, "On Tuesday, this week, in May, in 2024 and in the 1990s.", TUE, &d, &l);
  assert_int_equal(l.n, 5);
  assert_int_equal(timex_event_date(&l.t[0], out), 10);
  assert_string_equal(out, "2025-05-20");
  /* a week inside one month is that month */
  assert_int_equal(timex_event_date(&l.t[1], out), 7);
  assert_string_equal(out, "2025-05");
  assert_int_equal(timex_event_date(&l.t[2], out), 7);
  assert_string_equal(out, "2025-05");
  assert_int_equal(timex_event_date(&l.t[3], out), 4);
  assert_string_equal(out, "2024");
  assert_int_equal(timex_event_date(&l.t[4], out), 0);
  assert_string_equal(out, "");
  arena_free(&a);
  /* a week across New Year is nothing; inside December it is December */
  find(&a, "It rained this week. It rained last week.", 20250102, &d, &l);
  assert_int_equal(l.n, 2);
  assert_string_equal(l.t[0].value, "2025-W01");
  assert_int_equal(timex_event_date(&l.t[0], out), 0);
  assert_string_equal(l.t[1].value, "2024-W52");
  assert_int_equal(timex_event_date(&l.t[1], out), 7);
  assert_string_equal(out, "2024-12");
  arena_free(&a);
  /* a week across two months of one year is its year */
  find(&a, "It rained this week.", 20250430, &d, &l);
  assert_int_equal(l.n, 1);
  assert_string_equal(l.t[0].value, "2025-W18");
  assert_int_equal(timex_event_date(&l.t[0], out), 4);
  assert_string_equal(out, "2025");
  arena_free(&a);
}

static void test_errors(void **state) {
  (void)state;
  arena a;
  text_doc d;
  timex_list l;
  const char *z = "Kim visited Moscow on Tuesday and on 9 May 2025.";
  arena_init(&a, 0);
  assert_int_equal(text_segment(&a, z, strlen(z), &d), ERR_OK);
  /* an impossible document date is an error, not a guess */
  assert_int_equal(timex_find(&a, &d, 20250231, &l), ERR_INVALID);
  assert_int_equal(timex_find(&a, &d, 123, &l), ERR_INVALID);
  /* every allocation failing reports ERR_NOMEM */
  for (size_t n = 1; n <= 3; n++) {
    a.fail_after = a.nalloc + n;
    int rc = timex_find(&a, &d, TUE, &l);
    a.fail_after = 0;
    assert_true(rc == ERR_NOMEM || (rc == ERR_OK && l.n == 2));
  }
  arena_free(&a);
  /* an empty document */
  arena_init(&a, 0);
  assert_int_equal(text_segment(&a, "", 0, &d), ERR_OK);
  assert_int_equal(timex_find(&a, &d, TUE, &l), ERR_OK);
  assert_int_equal(l.n, 0);
  arena_free(&a);
}

/* many expressions in one document: the list grows, in text order */
static void test_many(void **state) {
  (void)state;
  static char big[64 * 1024];
  size_t n = 0;
  for (int i = 0; i < 1000; i++)
    n += (size_t)snprintf(big + n, sizeof big - n, "It fell on %d May. ", 1 + i % 28);
  arena a;
  text_doc d;
  timex_list l;
  find(&a, big, TUE, &d, &l);
  assert_int_equal(l.n, 1000);
  for (size_t i = 1; i < l.n; i++) assert_true(l.t[i].start > l.t[i - 1].start);
  assert_string_equal(l.t[999].value, "2025-05-20");
  arena_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_cases),        cmocka_unit_test(test_spans_and_flags),
      cmocka_unit_test(test_for_sentence), cmocka_unit_test(test_event_date),
      cmocka_unit_test(test_errors),       cmocka_unit_test(test_many),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
