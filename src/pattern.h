/* pattern.h: the TABARI / PETRARCH pattern coder.
 *
 * dyad's own coder (coder.h) reads verbs as phrases; the dictionaries of
 * TABARI and PETRARCH code with verb patterns instead (TABARI manual
 * chapters 5-7, petrarch2 docs/dictionaries.rst):
 *
 *   RESTOR  [064]                 a verb root: a stem ("RESTORED", "RESTORING")
 *   - * FXLL DIPLOMATIC  [+++]    a pattern: '*' is the verb, words around it
 *   - + WAS * BY $  [223]         '$' the source, '+' the target, '%' both
 *   - * IN ^ WITH +  [031]        '^' skips an actor
 *   - NOT_*  [112]                '_' joins words that must be consecutive
 *   - * FOR { SANCTIONS | BOYCOTT }  [172]    alternatives
 *   - * &CURRENCY  [903]          a synonym set
 *
 * pattern_index_new() compiles, once, the verb entries of a built dict into
 * an index: for each verb root its spelling (stem, exact word, multi-word
 * root) and its patterns, longest first (manual 5.7.1). The dict keeps
 * neither the synonym sets, nor the '_' and '=' marks of the roots, nor
 * TABARI's <NOUN> and <ADJECTIVE> lists (the importers drop them,
 * dict_import.h), so the index reads those from the source files of the
 * verb and actor entries (entry->source, entry->line). So that a verb need
 * not walk all its patterns (SAID has over a thousand), each pattern is
 * filed under an anchor, a prefix every form of its rarest required word
 * starts with: a verb tries, in the same order, only the patterns whose
 * anchor starts a word of its span, and those with none. What the coder
 * looks up for a word (its flags, the roots and anchors it starts) is
 * worked out once per token of the dict's vocabulary. The index
 * borrows the dict, which must outlive it; it is immutable once built and
 * shared by threads without locks.
 *
 * pattern_code() codes each sentence of a document the way TABARI does
 * (manual 7.10): it takes the actors from actor_find() (without the agents
 * whose country only context gives, unless opt->context_agents); finds
 * compound actors ("A, B and the evil C", 7.5); drops comma-delimited
 * nonrestrictive clauses (7.8, 8.6); points pronouns at the sentence's
 * first actor, or first compound for THEY (7.7);
 * splits the sentence into clauses at conjunctions; marks as nouns the
 * verbs after a determiner or capitalized inside the sentence (7.4); then,
 * clause by clause and verb by verb, tries the verb's patterns longest
 * first, the part before '*' matched backwards from the verb and the part
 * after it forwards, never across a comma or a conjunction; falls back to
 * the root's own code; assigns source and target by '$' '+' '%' or by the
 * default rules (5.8) with passive voice (7.9) and the DEFAULT: option
 * (8.5); expands compound actors and paired codes ("032:033") into events;
 * keeps a subordinate code ("023?") only when nothing else is coded and a
 * dominant one ("111!") over everything else (6.6). Null codes ("---")
 * code nothing; a discard ("###", in a verb, a pattern, an actor or a
 * discard phrase) or a complex code ("+++", or a COMPLEX: condition, 8.7)
 * marks the sentence and codes nothing in it. Linear in the sentence: each
 * verb tries at most its own patterns, and each try is bounded.
 *
 * Everything per document comes from the arena. Thread-safe after
 * pattern_index_new(). */
#ifndef DYAD_PATTERN_H
#define DYAD_PATTERN_H

#include <stddef.h>
#include <stdint.h>

#include "actor.h"
#include "arena.h"
#include "coder.h"
#include "dict.h"
#include "text.h"

typedef struct pattern_index pattern_index;

/* pattern_index_new compiles the verb entries of d. Returns ERR_OK, or
 * ERR_NOMEM; a source file that can no longer be read only loses its
 * synonym sets and root marks. Free with pattern_index_free (NULL is OK). */
int pattern_index_new(const dict *d, pattern_index **out);
void pattern_index_free(pattern_index *px);

/* pattern_index_stats: verb roots and patterns indexed. */
void pattern_index_stats(const pattern_index *px, size_t *nroots, size_t *npatterns);

/* The coding options of a TABARI .options file (manual chapter 8) that
 * change what is coded. */
enum { PATTERN_BY_CLAUSE = 0, PATTERN_BY_SENTENCE, PATTERN_BY_ALL };
enum { /* COMPLEX: conditions without a number */
  PATTERN_NOACTPRIOR = 1 << 0,
  PATTERN_NOACTAFTER = 1 << 1,
  PATTERN_NOVERB = 1 << 2,
  PATTERN_NOSOURCE = 1 << 3,
  PATTERN_NOTARGET = 1 << 4,
  PATTERN_NOEVENT = 1 << 5,
};
#define PATTERN_DEFAULT_MAX 16

typedef struct pattern_options {
  int code_by;                       /* PATTERN_BY_* */
  int verbs, actors, pronouns, conj, commas, lateverb; /* COMPLEX: X[n]; 0 = off */
  unsigned complex;                  /* PATTERN_NOACTPRIOR ... */
  int comma_off;                     /* COMMA: OFF */
  int comma_min, comma_max, comma_emin, comma_emax, comma_bmin, comma_bmax;
  char default_src[PATTERN_DEFAULT_MAX], default_tgt[PATTERN_DEFAULT_MAX]; /* "" = none */
  int default_prior, default_after;  /* DEFAULT: ... PRIOR / AFTER */
  int min_words;                     /* SET: MINIMUM WORDS (default 8); 0 = none */
  int context_agents;                /* keep actor_find's agents whose country comes from
                                      * context ("the ministry"): TABARI codes an agent
                                      * only beside its actor (manual 5.4), so 0 */
} pattern_options;

/* pattern_options_init sets TABARI's defaults: code by clause, no complexity
 * conditions, COMMA: MIN=2 MAX=10 EMIN=2 EMAX=10 BMIN=128 BMAX=0, no
 * default actors, SET: MINIMUM WORDS = 8 (a comma is a word). */
void pattern_options_init(pattern_options *o);

/* pattern_options_line applies one .options line (z[0..n), "COMPLEX: ...",
 * "COMMA: ...", "DEFAULT: ...", "SET: CODE BY ...", "SET: MINIMUM WORDS =
 * n"). Returns 1 when the line changed an option, 0 when it is one this
 * coder has no use for (LABEL:, OUTPUT:, other SET: lines, comments). */
int pattern_options_line(pattern_options *o, const char *z, size_t n);

/* What became of a sentence. */
enum {
  PATTERN_SENT_NONE = 0, /* no event */
  PATTERN_SENT_CODED,    /* at least one event */
  PATTERN_SENT_DISCARD,  /* a discard code: nothing coded */
  PATTERN_SENT_COMPLEX,  /* a complex code or a COMPLEX: condition */
  PATTERN_SENT_SHORT,    /* fewer words than SET: MINIMUM WORDS */
};

enum { PATTERN_EXPLAIN = CODER_EXPLAIN };

typedef struct pattern_result {
  coder_list events;    /* src and tgt index actors below; pattern is the
                         * dict entry that fired, how the rule that did */
  actor_list actors;    /* the mentions given, then those the coder adds: a
                         * default actor, each code of a coded compound */
  uint8_t *status;      /* per sentence, PATTERN_SENT_* */
  const char **why;     /* per sentence: why discarded or complex, else NULL */
} pattern_result;

/* pattern_code codes td, dated date (YYYYMMDD, 0 when unknown), with the
 * index px under options opt (NULL for the defaults). actors is
 * actor_find()'s result for td and date with px's dict. flags:
 * PATTERN_EXPLAIN fills out->events.explain. Returns ERR_OK or ERR_NOMEM;
 * everything in *out lives in the arena. */
int pattern_code(const pattern_index *px, const pattern_options *opt, arena *a,
                 const text_doc *td, int32_t date, const actor_list *actors, unsigned flags,
                 pattern_result *out);

#endif
