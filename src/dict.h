/* dict.h: dictionaries: loading, compiling, matching.
 *
 * A dict_builder collects entries from dictionary files (dyad's own format,
 * docs/dictionaries.md, or TABARI and PETRARCH files through the importers in
 * dict_import.c); dict_build() compiles them into an immutable dict: a token
 * trie over case-folded tokens (text_key) that every thread shares without
 * locks. dict_longest() finds the longest entry starting at a token.
 *
 *   vocabulary: "north" -> 17, "korea" -> 42, ...        (token key -> id)
 *   edges:      (node 0, 17) -> 5, (node 5, 42) -> 6      (hash of node x id)
 *   nodes:      6 -> entry "North Korea => PRK"
 *
 * Phrases are tokenized by the text layer, exactly as documents are, so
 * "Russia's", "U.S." and "Kim Jong-un" match the way they are written.
 * A builder is used by one thread; a built dict is read-only. */
#ifndef DYAD_DICT_H
#define DYAD_DICT_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

enum { DICT_ACTOR = 1, DICT_AGENT, DICT_DISCARD, DICT_VERB };

enum {
  DICT_F_CAPITAL = 1 << 0, /* a capital city, a metonym for the state */
  DICT_F_DEMONYM = 1 << 1, /* an adjective or people name: "North Korean" */
  DICT_F_PERSON = 1 << 2,
  DICT_F_IGO = 1 << 3,
  DICT_F_NGO = 1 << 4,
  DICT_F_MEDIA = 1 << 5,
  DICT_F_COMPANY = 1 << 6,
  DICT_F_ROLE_FIRST = 1 << 7, /* an agent whose role goes before the actor code */
  DICT_F_PLURAL = 1 << 8,     /* the phrase names several (troops, officials) */
  DICT_F_CASE = 1 << 9,       /* matches only with the case as written ("US", not "us") */
  DICT_F_PLACE = 1 << 10,     /* a city or region: coded as its country, and a location */
  DICT_F_EXACT = 1 << 11,     /* a verb whose first word matches only as written ([said]) */
};

/* Dates are integers YYYYMMDD; DICT_OPEN_FROM and DICT_OPEN_TO leave a side open. */
#define DICT_OPEN_FROM 0
#define DICT_OPEN_TO 99999999
#define DICT_CODE_MAX 32

typedef struct dict_code {
  char code[DICT_CODE_MAX]; /* CAMEO code, or a role code for agents, or an event code */
  int32_t from, to;         /* inclusive date range */
} dict_code;

typedef struct dict_entry {
  uint8_t kind;
  uint16_t flags;
  uint16_t ntok;          /* phrase length in tokens */
  uint32_t ncodes;
  const dict_code *codes;
  const char *phrase;     /* as written in the file */
  const char *pattern;    /* for verbs: the pattern text, else NULL */
  const char *source;     /* file the entry came from */
  uint32_t line;          /* and its line: "source:line" is the pattern id */
} dict_entry;

typedef struct dict dict;
typedef struct dict_builder dict_builder;

/* dict_builder_new returns an empty builder in *out; ERR_OK or ERR_NOMEM. */
int dict_builder_new(dict_builder **out);

/* dict_builder_add adds one entry for phrase[0..n). codes are copied. A later
 * entry for the same phrase and kind replaces the earlier one (so a user's
 * file can override dyad's). Returns ERR_OK, ERR_NOMEM, or ERR_PARSE when the
 * phrase has no tokens. */
int dict_builder_add(dict_builder *b, int kind, const char *phrase, size_t n,
                     const dict_code *codes, size_t ncodes, unsigned flags, const char *pattern,
                     const char *source, uint32_t line);

/* dict_builder_set defines a synonym set: name (without '&') -> members. */
int dict_builder_set(dict_builder *b, const char *name, const char *const *members, size_t n);

/* dict_builder_report records a malformed line (file, line, what was wrong);
 * loading goes on. The messages are kept for dict_builder_errors(). */
void dict_builder_report(dict_builder *b, const char *source, uint32_t line, const char *fmt,
                         ...) __attribute__((format(printf, 4, 5)));

/* dict_builder_errors returns the reports so far ("file:line: message") and
 * their number in *n; valid until the builder is built or freed. */
const char *const *dict_builder_errors(const dict_builder *b, size_t *n);

/* dict_builder_intern keeps a copy of z for the builder's lifetime (and the
 * dict's): importers use it for source names and pattern texts. NULL on OOM. */
const char *dict_builder_intern(dict_builder *b, const char *z, size_t n);

/* dict_load adds the entries of one dictionary file. spec is a path to a file
 * in dyad's format, or "tabari:PATH" or "petrarch:PATH" for the importers.
 * Malformed lines are reported and skipped. Returns ERR_OK, ERR_NOTFOUND
 * (the file cannot be opened; also reported), or ERR_NOMEM. */
int dict_load(dict_builder *b, const char *spec);

/* dict_build compiles b into an immutable dict and frees b (consumes it). */
int dict_build(dict_builder *b, dict **out);

void dict_builder_free(dict_builder *b);
void dict_free(dict *d);

typedef struct dict_stats {
  size_t entries, nodes, vocab, bytes;
  size_t by_kind[5];
} dict_stats;
void dict_get_stats(const dict *d, dict_stats *st);

/* dict_entries returns every entry of d in the order they were added (a
 * TABARI verb's patterns before its head, dict_import.h) and their number
 * in *n; valid as long as d. */
const dict_entry *dict_entries(const dict *d, size_t *n);

/* dict_keys computes the token ids of a segmented text once (UINT32_MAX for a
 * token the dictionary never uses): ids[i] for doc->tok[i]. ids has room for
 * doc->ntok. Thread-safe. */
void dict_keys(const dict *d, const text_doc *doc, uint32_t *ids);

/* dict_key returns the key (text_key form, NUL-terminated) of token id id
 * and its length in *n; valid as long as d. */
const char *dict_key(const dict *d, uint32_t id, size_t *n);

/* dict_longest returns the longest entry whose phrase starts at token i and
 * ends before token end (ids from dict_keys), its length in *len, or NULL.
 * kinds is a mask of (1 << DICT_ACTOR) ... to accept. */
const dict_entry *dict_longest(const dict *d, const uint32_t *ids, uint32_t i, uint32_t end,
                               unsigned kinds, uint32_t *len);

/* dict_lemmas gives, for each token, the id of its verb lemma when the
 * dictionary knows it ("fought" -> fight, "praised" -> praise, "denies" ->
 * deny: WordNet's exception list, loaded at build time, then the regular
 * suffix rules), else the token's own id. lemmas has room for doc->ntok. */
void dict_lemmas(const dict *d, const text_doc *doc, const uint32_t *ids, uint32_t *lemmas);

/* dict_match_verb finds the longest verb entry starting at token i, whose
 * first word matches the token or its lemma and whose later words match
 * exactly, a "..." in the phrase skipping up to DICT_GAP tokens. *last is
 * the index of the last token matched. skip (may be NULL) holds flags per
 * token: DICT_SKIP_TIME tokens are passed over between the phrase's words
 * ("called [Thursday] on"); DICT_SKIP_FREE tokens do not count towards a
 * gap's length (the later words of a name: "rejected [Iraqi President Saddam
 * Hussein's] proposal" is a gap of one actor). Returns NULL when none. */
#define DICT_GAP 4
enum { DICT_SKIP_TIME = 1, DICT_SKIP_FREE = 2 };
const dict_entry *dict_match_verb(const dict *d, const uint32_t *ids, const uint32_t *lemmas,
                                  const uint8_t *skip, uint32_t i, uint32_t end, uint32_t *last);

/* dict_set_wordnet names WordNet's verb.exc for the builder (default
 * /usr/share/wordnet/verb.exc); a missing file leaves the regular rules. */
void dict_builder_wordnet(dict_builder *b, const char *verb_exc);

/* dict_case_ok tells whether an entry may match the tokens [i, i+len) of doc:
 * always, unless it has DICT_F_CASE; then the text must have the phrase's
 * exact case, and ALL-CAPS text (where case says nothing) never matches. */
int dict_case_ok(const dict_entry *e, const text_doc *doc, uint32_t i, uint32_t len);

/* dict_code_on returns the entry's code valid on date (YYYYMMDD, 0 when the
 * date is unknown: then the open-ended or latest code), or NULL. */
const char *dict_code_on(const dict_entry *e, int32_t date);

/* dict_date parses YYYY-MM-DD, YYYY-MM or YYYY (from=1 gives the first day,
 * else the last); returns -1 when s is not a date. */
int32_t dict_date(const char *s, size_t n, int from);

#endif
