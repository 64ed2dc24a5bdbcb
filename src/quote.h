/* quote.h: direct quotations and who said them.
 *
 * quote_find() walks a segmented document once and returns its quotations in
 * text order, each with the actor who said it when the text tells:
 *
 *   Kim said: “We will fight. We will win,” he added, “whatever it costs.”
 *   |-|        |------- quote 0 ------|    ||         |---- quote 1 ---|
 *   who 0                                  who 1
 *
 * Quotation marks: double quotes only, “ ” " « » „ (closed by “ or ”), and
 * German »...«. Single quotes (‘ ’ ') are never quotation marks here: inside a
 * quote they are nested quotes and stay in its text, elsewhere they are far
 * more often apostrophes (Russia’s, soldiers’, ’90s) than quotes. A quote may
 * run over several sentences; it ends at its closing mark, at a paragraph
 * break (news re-opens a quote on each paragraph of a long quotation; the two
 * parts are two records that share a speaker), at a new opening curly mark
 * (the same convention where the paragraph breaks were lost), or at the end of
 * the text; a mark never closed that would run past QUOTE_OPEN_SENTS (4)
 * sentences is taken for a typo and keeps only its first sentence. Two single
 * marks typed for a double one (‘‘ ’’ '') count as one. A closing mark with
 * no quote open is ignored.
 *
 * The speaker is found, in this order, from:
 *   - a speech clause after a quote that opens its sentence: "..." X said /
 *     said X / according to X / X's statement said / ..., say the Tories;
 *   - one before it in the same sentence, nearest first: X said: "...", X told
 *     reporters "...", X's statement: "...", "..." he said, "...", with X
 *     saying "...", quoted X as saying "...", X, who ..., said "...";
 *   - for a quote inside prose with no speech verb (a scare quote: Kim praised
 *     the “heroism”), the subject of the verb that governs it: the nearest
 *     actor that starts a clause and is followed by a verb;
 *   - for a quote standing alone: the quote it continues, a sentence before it
 *     that ends in a colon, the speaker of a quote in the sentence before, a
 *     speech clause in the sentence before, or one opening the sentence after.
 * A quote inside prose never takes a neighbour's speaker.
 *
 * speaker is the index of the actor mention (from actor_find) that names the
 * speaker, a resolved pronoun included. who_start/who_end is the text naming
 * the speaker: the mention itself when it is the phrase's head ("Vladimir
 * Putin", "he", "the ministry"), else the whole phrase, with speaker then the
 * actor that qualifies it ("British actor Clive Owen" -> GBR, "Lavrov's
 * deputy" -> Lavrov's code) or -1 when none does ("one envoy", "a senior
 * official", an unresolved "he"). An apposed name wins as who: "Vladimir
 * Putin's envoy, Sergei Ivanov, said" names Sergei Ivanov, with the envoy's
 * actor. Single quotes (‘...’) are never quotes here, so a quote-within-a-quote
 * has no record of its own.
 *
 * Linear in the document: every search runs over a bounded window of tokens.
 * All memory comes from the arena; the result borrows nothing. Stateless and
 * thread-safe. */
#ifndef DYAD_QUOTE_H
#define DYAD_QUOTE_H

#include <stddef.h>
#include <stdint.h>

#include "actor.h"
#include "arena.h"
#include "text.h"

typedef struct quote {
  uint32_t sent;               /* index of the sentence where the quote opens */
  uint32_t start, end;         /* byte span of the quoted text, WITHOUT the quote marks */
  int speaker;                 /* index into the actor_list of the speaker, or -1 */
  uint32_t who_start, who_end; /* byte span of the text naming the speaker, equal when none */
} quote;

typedef struct quote_list {
  quote *q;
  size_t n;
} quote_list;

/* quote_find fills *out with the quotes of td, whose actor mentions are actors
 * (from actor_find on the same td; may be NULL or empty: then every speaker is
 * -1 and only who spans are found). *out lives in the arena. Returns ERR_OK or
 * ERR_NOMEM (then *out is empty). */
int quote_find(arena *a, const text_doc *td, const actor_list *actors, quote_list *out);

/* quote_check_tables returns 0 when the built-in word lists are in the order
 * the lookups assume (lower case, sorted by strcmp), else the 1-based number
 * of the first list out of order. For the unit tests. */
int quote_check_tables(void);

#endif
