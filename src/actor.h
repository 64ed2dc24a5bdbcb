/* actor.h: who is named in a document, as CAMEO actor codes.
 *
 * actor_find() walks a segmented document once with a compiled dict and
 * returns its mentions, in text order:
 *   - dictionary actors (countries, capitals as metonyms, organisations,
 *     people, with the code valid on the document's date), longest match
 *     first, discards winning over the actors inside them ("Washington Post");
 *   - composition of an actor and an agent in one noun phrase: "North Korean
 *     troops" PRK+MIL, "Russia's ambassador" RUS+GOV, "the government of
 *     Iraq" IRQ+GOV, "its troops" (the resolved "it") + MIL;
 *   - a person's name after a title agent ("Ambassador Alexandr Matsegora"),
 *     and later short forms of a person's name ("Putin", "Matsegora"),
 *     resolved to the earlier full mention;
 *   - pronouns and "the country": it/its/the country to the nearest country or
 *     organisation, he/his/she/her to the nearest person, they/their/them to
 *     the nearest group, in the same or the previous sentence;
 *   - an agent with no country in reach ("the ministry") takes the country of
 *     the nearest country-level actor in the same or previous sentence, else
 *     the unknown country "---".
 * Coordinated actors ("North Korea and Russia") are separate mentions.
 *
 * Allocations come from the arena; the result borrows the dict and the text.
 * Thread-safe: the dict is read-only. */
#ifndef DYAD_ACTOR_H
#define DYAD_ACTOR_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "dict.h"
#include "text.h"

#define ACTOR_CODE_MAX 32

enum {
  ACTOR_PERSON = 1 << 0,  /* a named person */
  ACTOR_PLURAL = 1 << 1,  /* a group: troops, officials, a coordination */
  ACTOR_PRONOUN = 1 << 2, /* it, they, the country ... */
  ACTOR_ALIAS = 1 << 3,   /* a later short form of a name */
  ACTOR_AGENT = 1 << 4,   /* an agent with its country supplied by context */
  ACTOR_STATE = 1 << 5,   /* a country-level actor (code of three letters + roles) */
  ACTOR_MEDIA = 1 << 6,   /* a news outlet: no country for role nouns, no "they" */
};

typedef struct actor_mention {
  uint32_t sent;             /* sentence index */
  uint32_t tok, ntok;        /* tokens of the mention */
  uint32_t start, end;       /* byte span of the mention */
  char code[ACTOR_CODE_MAX]; /* CAMEO actor code */
  unsigned flags;
  const dict_entry *entry;   /* the actor entry that fired, or NULL */
  const dict_entry *agent;   /* the agent entry composed in, or NULL */
  int64_t from_start, from_end; /* span it was resolved from, or -1 */
} actor_mention;

typedef struct actor_list {
  actor_mention *m;
  size_t n;
  /* the dictionary ids of the document's tokens (dict_keys) that actor_find
   * computed, and the dictionary they are ids of: a coder with the same
   * dictionary reuses them. NULL when unknown. */
  const uint32_t *ids;
  const struct dict *ids_dict;
} actor_list;

/* actor_find fills *out for the document td dated date (YYYYMMDD, or 0 when
 * unknown). Returns ERR_OK or ERR_NOMEM. */
int actor_find(const dict *d, arena *a, const text_doc *td, int32_t date, actor_list *out);

#endif
