/* timex.h: dates in news text, found per sentence and resolved against the
 * document's date.
 *
 * timex_find() walks the tokens of a segmented document once, left to right,
 * and returns the time expressions it can resolve to a calendar value:
 *
 *   absolute   "9 May 2025", "May 9, 2025", "2025-05-09", "3 JAN 90",
 *              "March 2002", "in 2000", "the year 2000", "the 1990s",
 *              "early 2024", "mid-1990s", "the end of 2024"
 *   year-less  "9 May", "May 9", "Jan. 5", "Sept 15", "in late April", "mid-May"
 *   relative   "today", "yesterday", "tomorrow", "tonight", "last night",
 *              "this morning", "on Tuesday", "Sunday night", "last Tuesday",
 *              "last/this/next week|month|year|weekend", "earlier this month",
 *              "late last year", "over the weekend", "two days ago",
 *              "three weeks ago"
 *
 * Spans leave out the preposition ("on Tuesday" gives "Tuesday", "in late
 * April" gives "late April") and keep determiners and modifiers ("the 1990s",
 * "the year 2000", "last week", "the end of 2024").
 *
 * Reading rules (the choices a reader would otherwise have to guess):
 *   - The document date anchors everything relative. Without one (doc_date 0)
 *     relative and year-less expressions are skipped; absolute ones are kept.
 *   - Tense comes from the expression's clause: a past-tense verb right before
 *     its preposition ("attacked on Tuesday", "said on Tuesday it will ...")
 *     makes it past; else the nearest cue in the clause before it, else the
 *     first after it (up to a comma, "that", "which", "but", a quote...).
 *     Future cues (within 15 tokens) are will, shall, 'll, won't, must,
 *     upcoming, scheduled, planned, and before "to"/"for" plan(s), planning,
 *     expected, expects, intend(s), set, "is due"; want(s), hope(s), aims and
 *     seeks count within 10. Past cues (within 10) are said, was, were, met,
 *     held ... (a participle after "be" is not: "will be held").
 *   - Weekdays: the latest such day on or before the document date ("on
 *     Tuesday" in a Tuesday paper is that day); with a future cue the next on
 *     or after it (0-6 days ahead). "last Tuesday" is 1-7 days back, "next
 *     Tuesday" 1-7 days ahead.
 *   - Year-less dates ("30 DECEMBER", "May 9"): past, future by tense; with no
 *     cue either way, forward if that is at most 92 days ahead and less than
 *     half as far as back ("the talks on 20 December" in a paper of 9
 *     December), else back ("30 DECEMBER" in a paper of 3 January 1990 is
 *     1989-12-30). A weekday named with the date picks the year where it fits
 *     ("Monday, 7 August"). 29 February goes back to the last leap year.
 *   - Year-less months ("in late April"): the latest on or before the
 *     document's month unless the clause is future (news mentions past months
 *     far more than coming ones). "last April" is the latest before the
 *     document's month, "next April" the first after it, "August this year"
 *     in the document's year. "in May the following year" is not resolved.
 *   - Weeks are ISO weeks (Monday first); their value is ISO 8601 "2025-W20".
 *     A Sunday paper's "this week" with a future cue is the week ahead. "this
 *     weekend" is the Saturday and Sunday of the document's week, "over the
 *     weekend" the latest one that has begun by the document date.
 *   - "N weeks ago" is the week holding the day 7N days back; "N months ago"
 *     and "N years ago" are the month and year; "N days ago" the day.
 *   - Two-digit years ("3 JAN 90", only right after a day and month and not
 *     before a word) pivot at 1950: 50-99 are 19xx, 00-49 are 20xx.
 *   - Not dates: the modal "may" and the verb or noun "march" (in mixed-case
 *     text a month must be capitalised; "May", "March", "June" and "August"
 *     need a day, a year, a preposition or a modifier, and not "the"), a month
 *     or weekday next to another capitalised word ("Sunday Times", "Black
 *     September", "Theresa May", "USA Today"), a weekday after "the", "a" or
 *     "every", a date before movement/front/brigade... ("the 19 April
 *     Movement"), a four-digit number without a date context or followed by a
 *     plural noun ("2000 troops", "in 2000 homes") or read as a clock time
 *     ("FROM 2000 ON 12 NOVEMBER", "1600 LOCAL"), slashed dates (05/09/2025:
 *     day and month order is unknown), times of day, impossible dates ("31
 *     February").
 *
 * All memory comes from the arena; the result borrows nothing but the text's
 * offsets. Stateless and thread-safe. Time is linear in the number of tokens. */
#ifndef DYAD_TIMEX_H
#define DYAD_TIMEX_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "text.h"

enum {
  TIMEX_RELATIVE = 1 << 0, /* resolved against the document date */
  TIMEX_FUTURE = 1 << 1,   /* read forward from the document date (tense or nearness) */
  TIMEX_BOUND = 1 << 2,    /* after since/until/till/by/before/after/from/to/between/through:
                            * it bounds a period rather than dating the sentence's event */
};

/* The tag is not "timex": glibc's <sys/timex.h>, which <time.h> pulls in under
 * _GNU_SOURCE, already defines struct timex (adjtimex). */
typedef struct timex_expr {
  uint32_t sent;           /* sentence index */
  uint32_t tok, ntok;      /* its tokens: td->tok[tok .. tok+ntok) */
  uint32_t start, end;     /* byte span of the expression */
  char value[16];          /* ISO 8601: 2025-05-09, 2025-W20, 2025-04, 2025; a decade is
                            * its first year, "1990", with granularity "decade" */
  const char *granularity; /* static: "day", "week", "month", "year", "decade" */
  const char *modifier;    /* static "early", "mid", "late", or NULL */
  int32_t lo, hi;          /* first and last day covered, YYYYMMDD (the whole period,
                            * whatever the modifier) */
  unsigned flags;          /* TIMEX_* */
} timex;

typedef struct timex_list {
  timex *t; /* in text order */
  size_t n;
} timex_list;

/* timex_find fills *out with the resolved time expressions of td, whose
 * document date is doc_date (YYYYMMDD, or 0 when unknown). Returns ERR_OK,
 * ERR_NOMEM, or ERR_INVALID when doc_date is neither 0 nor a real date. */
int timex_find(arena *a, const text_doc *td, int32_t doc_date, timex_list *out);

/* timex_for_sentence returns the index in l of the expression that dates the
 * events of sentence s: the first in s that is not a bound (TIMEX_BOUND: "since
 * 2000", "until Friday") and not a decade. Returns -1 when there is none.
 * Logarithmic in l->n, plus the expressions of s. */
int timex_for_sentence(const timex_list *l, uint32_t s);

/* timex_event_date writes t as an event `date` (SCHEMA.md: YYYY-MM-DD, YYYY-MM
 * or YYYY) to out, which has room for 11 bytes: a day, month or year as its
 * value; a week as its month when it lies in one month, else as its year when
 * it lies in one year. Returns the length written, or 0 (out = "") when t
 * cannot be given that way (a decade, a week across New Year). */
size_t timex_event_date(const timex *t, char *out);

#endif
