/* claim.h: casualty and count claims ("at least 20 people were killed").
 *
 * claim_find() walks a segmented document once and returns, in text order, the
 * numbers that count people killed, hurt, taken, held, moved or sent, each with
 * what is counted, how sure the text is, whose count it is and who gives it:
 *
 *   Police said at least 20 people were killed and 31 injured in Kabul.
 *   |-attr-|    |qual--|^^ |-subj-|     ^^^^^^     ^^ ^^^^^^^
 *               20 killed, at least           31 wounded, exact
 *
 * A number is a claim only when it is linked, inside its clause, to what it
 * counts. The links, strongest first:
 *   1. after the number: a noun or participle, through at most six words of
 *      noun phrase and a verb group ("20 dead", "30 deaths", "12 Iraqi
 *      soldiers were reported killed", "four were hacked to death");
 *   2. before it: a verb or a noun with "of" ("killing 20 people", "sent
 *      1,000 soldiers", "the murder of six priests", "claimed the lives of 100");
 *   3. the number before it, when coordinated or in an aside ("the murder of
 *      six priests and two women", "killed 19, including 10 children,");
 *   4. a link of kind 1 through "and" or "who" ("six priests and two women
 *      were murdered");
 *   5. a toll ("the death toll rose to 30", "put the toll at five", "the
 *      number of people killed reached 40");
 *   6. a troop noun heading the phrase, nothing else: deployed ("an estimated
 *      11,000 North Korean troops").
 * A link does not cross another counted number, a clause boundary (comma,
 * semicolon, dash, sentence end) other than an aside (", including ...,",
 * brackets, a pair of dashes), or a condition or forecast ("even if one dies",
 * "thousands could be killed", "threatened to kill"; "may have been killed"
 * is kept). "killed or wounded" counts casualties; "held hostage", "taken
 * prisoner" captured. Captured and evacuated things ("captured 41
 * positions") and held things ("2,600 elections will be held") are not
 * claims; "one of their hostages" picks out a person, it is not a figure; in
 * "32 of the 543 passengers were dead" only the 32 is.
 *
 * Numbers: digits ("5,000", "1.5 million", "2 lakh"), words ("twenty-three",
 * "five thousand", "a dozen", "half a million"), ranges ("between 10 and 15",
 * "10-15", "10 to 15", "two or three") and changes ("rose from 20 to 30":
 * only 30 counts). Plural round numbers are lower bounds, qualifier "at
 * least", with the least the plural can mean: "dozens" 24, "scores of" 40,
 * "hundreds" 200, "thousands" 2,000, "tens of thousands" 20,000, "hundreds
 * of thousands" 200,000, "millions" 2,000,000, "several/a few hundred" 200.
 * Not counts: years, dates ("May 9", "30 DEC 89"), ages ("aged 25",
 * "25-year-old", "Smith, 25,", "(25)"), money, percentages, times, measures
 * and durations, ordinals, unit names ("5th Brigade", "3 Brigade"), numbered
 * things ("Section 144", "No. 4", "Flight 17"), street and phone numbers,
 * scores ("3-1"), a second figure after a measured one ("30,000 stg and
 * 50,000"), "no one", and "a"/"an" alone ("a soldier was killed" gives no
 * figure). Model numbers ("AK-47") are words, never numbers. Matching is
 * case-insensitive, so ALL CAPS and lower-cased wire text read the same.
 *
 * The figures: quantity is the number; for a range, its low end (the least
 * the text asserts, as ACLED codes ranges), with low and high its ends and
 * qualifier "approximately" unless a word says otherwise. For "at least" and
 * "more than", low = quantity and high = INFINITY; for "up to", "at most" and
 * "fewer than", low = 0 and high = quantity. A writer must print a non-finite
 * high as JSON null. The qualifier words, by the qualifier they give:
 *   estimated      estimated, an estimated
 *   approximately  about, around, approximately, nearly, almost, some,
 *                  roughly, close to, 20-odd, 20 or so
 *   at least       at least, no fewer than, 20 or more, 20-plus
 *   more than      more than, over, above, in excess of
 *   up to          up to, as many as
 *   at most        at most, no more than
 *   fewer than     fewer than, less than, below
 * "under 18" is read as an age or a limit, not as a qualifier.
 *
 * Subject: the actor mention nearest the head of the counted phrase, "of X"
 * included ("members of the FMLN"), places after other prepositions not
 * ("2,000 US troops in Syria" is about the US troops). Attribution: the
 * speaker nearest the number: "according to X", "X said/reported/estimated/
 * told/confirmed", "..., said X", "X put the toll at"; never the subject.
 *
 * "other" is in the record contract's kind vocabulary but claim_find does not
 * emit it: an unlinked count is dropped, not guessed.
 *
 * Work is linear in the document: every number looks at a bounded window of
 * tokens around it. Allocations come from the arena; the result borrows the
 * text and the actor list and lives until the arena is reset. Stateless and
 * thread-safe. */
#ifndef DYAD_CLAIM_H
#define DYAD_CLAIM_H

#include <stddef.h>
#include <stdint.h>

#include "actor.h"
#include "arena.h"
#include "text.h"

typedef struct claim {
  uint32_t sent;               /* sentence index */
  uint32_t num_start, num_end; /* byte span of the number as written ("5,000", "a dozen", "10-15") */
  double quantity, low, high;  /* see above; high is INFINITY for an open upper bound */
  const char *qualifier;       /* static: "exact", "estimated", "approximately", "at least",
                                  "at most", "up to", "more than", "fewer than" */
  const char *kind;            /* static: "killed", "wounded", "casualties", "missing",
                                  "captured", "deployed", "displaced", "arrested", "other" */
  int subject;                 /* index into the actor_list of the actor counted, or -1 */
  int attribution;             /* index into the actor_list of who gives the figure, or -1 */
} claim;

typedef struct claim_list {
  claim *c;
  size_t n;
} claim_list;

/* claim_find fills *out with the claims of td, in text order. actors is the
 * document's actor_list (from actor_find) or NULL, in which case subject and
 * attribution are -1. Returns ERR_OK or ERR_NOMEM (then *out is empty). */
int claim_find(arena *a, const text_doc *td, const actor_list *actors, claim_list *out);

/* claim_check_tables returns 0 when the built-in word tables are in the order
 * the lookups assume, else the 1-based position of the first word out of
 * order. For the unit tests. */
int claim_check_tables(void);

#endif
