/* coder.h: events from sentences: who did what to whom, as CAMEO codes.
 *
 * coder_run() reads each sentence's tokens, the actor mentions of actor_find()
 * and the verb entries of the dictionary, without an external parser:
 *   - clauses: cut at ; and : , at ", who/which/where/when/while" and at
 *     subordinating words (because, although, after, before, while, whereas);
 *     a reporting verb ("X said", "said X", "according to X") opens reported
 *     speech, whose events carry X as their attribution;
 *   - the verb: the longest verb entry at a token, its first word matched by
 *     lemma (WordNet), "..." gaps allowed (dict_match_verb);
 *   - source and target: the nearest actor before the verb in its clause that
 *     is not the object of a preposition, and the first actor after it; in the
 *     passive ("was attacked by X") they swap, X from the by-phrase;
 *     coordinated actors ("North Korea and Russia praised") give one event each;
 *     a verb with no subject in its clause after "and" takes the previous
 *     event's source ("arrived and praised");
 *   - meaning that changes the code: negation ("did not condemn", "never",
 *     "no longer", "refused to") marks the event negated (kept only with
 *     CODER_KEEP_NEGATED); intent and futurity ("promised to", "plans to",
 *     "vowed to", "agreed to", "will") turn the act into its CAMEO intent code
 *     (03x) or, for a hostile act, its threat code (13x); hypotheticals and
 *     questions ("would", "could", "if", "whether", a sentence ending in "?")
 *     are not coded; a statement verb that only introduces another event is
 *     dropped, and a news outlet told something ("told Reuters") is no target.
 * Linear in sentence length: each search is bounded by the clause.
 *
 * Everything is allocated from the arena; the coder object is immutable and
 * shared by all threads. */
#ifndef DYAD_CODER_H
#define DYAD_CODER_H

#include <stddef.h>
#include <stdint.h>

#include "actor.h"
#include "arena.h"
#include "cameo.h"
#include "dict.h"
#include "text.h"

enum { CODER_KEEP_NEGATED = 1 << 0, CODER_EXPLAIN = 1 << 1 };

typedef struct coder_event {
  uint32_t sent;
  int src, tgt;          /* indices into the actor list; tgt -1 when none */
  char cameo[6];
  uint32_t verb_tok, verb_last; /* first and last token of the verb phrase */
  int negated;
  int attribution;       /* actor index of who reports it, or -1 */
  int location;          /* actor index of a place named in the clause, or -1 */
  const dict_entry *pattern;
  const char *how;       /* for explanation: how the code was reached */
} coder_event;

typedef struct coder_list {
  coder_event *e;
  size_t n;
  char *explain;         /* with CODER_EXPLAIN: the reasoning, one line per step */
  size_t nexplain;
} coder_list;

/* The coder's lexicon: WordNet's verb lemmas (index.verb, verb.exc), so that
 * a phrase headed by a word that is never a verb ("detention", "landmine",
 * "sexual violence") is read as naming an act, not doing it; and the classes
 * of the words the coder tests (determiners, modals, reporting verbs...). */
typedef struct coder_lexicon coder_lexicon;

typedef struct coder {
  const dict *d;
  const cameo_table *codes;
  const coder_lexicon *lex; /* NULL: no WordNet, word classes by string compare */
} coder;

/* coder_lexicon_load reads WordNet's files in dir (NULL: /usr/share/wordnet;
 * missing files leave the lexicon without verbs) and builds the word classes.
 * Returns ERR_OK or ERR_NOMEM. */
int coder_lexicon_load(const char *dir, coder_lexicon **out);
void coder_lexicon_free(coder_lexicon *lex);

/* coder_run codes every sentence of td. actors is actor_find()'s result for
 * the same text. Returns ERR_OK or ERR_NOMEM. */
int coder_run(const coder *c, arena *a, const text_doc *td, const actor_list *actors,
              unsigned flags, coder_list *out);

#endif
