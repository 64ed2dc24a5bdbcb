#include "coder.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"

#define NONE UINT32_MAX
#define MAX_SIDE 4 /* coordinated actors on one side of an event */

/* ---- word classes ----------------------------------------------------- */

static const char *const BE[] = {"is", "are", "was", "were", "be", "been", "being", "am",
                                 "'s", NULL};
/* Hypotheticals and obligations: "would attack", "must cooperate" name acts
 * that have not happened. */
static const char *const HYPOTHETICAL[] = {"would", "could", "might", "may", "should", "if",
                                           "whether", "unless", "'d", "must", "ought", NULL};
static const char *const FUTURE[] = {"will", "shall", "'ll", NULL};
static const char *const NEGATION[] = {"not", "n't", "never", "no", "neither", "nor", NULL};
/* "refused to V" codes a rejection (refused()); "failed to V" only negates */
static const char *const REFUSAL[] = {"refuse", "refused", "refuses", "refusing", "decline",
                                      "declined", "declines", "refusal", NULL};
static const char *const FAIL[] = {"fail", "failed", "fails", "failure", NULL};
static const char *const INTENT[] = {
    "promise", "promised", "promises", "pledge", "pledged", "pledges", "vow", "vowed", "vows",
    "offer", "offered", "offers", "plan", "planned", "plans", "planning", "intend", "intended",
    "intends", "agree", "agreed", "agrees", "commit", "committed", "commits", "undertake",
    "undertook", "undertakes", "aim", "aims", "aimed", "seek", "seeks", "sought", "want", "wants",
    "wanted", "hope", "hopes", "hoped", "expect", "expects", "expected", "decide", "decided",
    "decides", "prepare", "prepared", "prepares", "ready", "willing", "swear", "swore",
    "sworn", "swears", NULL};
static const char *const THREAT[] = {"threaten", "threatened", "threatens", "warn", "warned",
                                     "warns", NULL};
static const char *const SPEECH[] = {
    "say", "said", "says", "saying", "tell", "told", "tells", "state", "stated", "states",
    "announce", "announced", "announces", "report", "reported", "reports", "add", "added",
    "adds", "claim", "claimed", "claims", "declare", "declared", "declares", "note", "noted",
    "write", "wrote", "insist", "insisted", "quoted", "confirm", "confirmed", "confirms",
    "reiterate", "reiterated", "reiterates", "stress", "stressed", "stresses", "issue", "issued",
    "issues", "remind", "reminded", "reminds", NULL};
static const char *const PREP[] = {
    "in", "at", "from", "to", "with", "on", "near", "of", "by", "for", "into", "against",
    "over", "under", "between", "among", "across", "toward", "towards", "about", "via",
    "through", "inside", "outside", "within", "around", "during", "than", "like", "onto", NULL};
static const char *const CLAUSE_WORD[] = {"because", "although", "though", "whereas", "but",
                                          "while", NULL};
static const char *const RELATIVE[] = {"who", "which", "where", "when", "whose", "whom",
                                       "while", NULL};
static const char *const PLACE_PREP[] = {"in", "at", "near", "outside", "inside", NULL};
static const char *const TIME_WORDS[] = {"monday", "tuesday", "wednesday", "thursday", "friday",
                                         "saturday", "sunday", "today", "yesterday", "tonight",
                                         NULL};

typedef struct ctx {
  const coder *c;
  arena *a;
  const text_doc *td;
  const actor_list *al;
  unsigned flags;
  uint32_t *ids, *lemmas;
  uint8_t *skip; /* time words a verb phrase may hold: "met [on Tuesday] with" */
  int *mention_at;  /* token -> index of the mention starting there, or -1 */
  int *inside;      /* token -> index of the mention covering it, or -1 */
  coder_event *e;
  size_t n, cap;
  char *ex;
  size_t nex, capex;
  int oom;
  uint32_t passive_cs, passive_v; /* the last passive verb of the sentence, or NONE */
  uint32_t s0;                    /* the sentence's first token */
  uint64_t *cls;                  /* token -> its word classes (CL_*), or NULL */
} ctx;

/* fold_apos copies the word z[0..n) to out (cap bytes) with each right
 * single quote (U+2019) made a straight apostrophe, so that "n’t", "’s",
 * "’ll" and "’d" are the list words "n't", "'s", "'ll", "'d"; returns the
 * length, or 0 if the word has none or does not fit. */
static size_t fold_apos(const char *z, size_t n, char *out, size_t cap) {
  size_t k = 0, found = 0;
  for (size_t i = 0; i < n && k < cap; i++) {
    if (i + 2 < n && (unsigned char)z[i] == 0xE2 && (unsigned char)z[i + 1] == 0x80 &&
        (unsigned char)z[i + 2] == 0x99) {
      out[k++] = '\'';
      i += 2;
      found = 1;
    } else {
      out[k++] = z[i];
    }
  }
  return found && k < cap ? k : 0;
}

static int is(const ctx *c, uint32_t i, const char *const *words) {
  if (i >= c->td->ntok) return 0;
  const text_token *t = &c->td->tok[i];
  size_t n = t->end - t->start;
  const char *z = c->td->z + t->start;
  char folded[16];
  size_t nf = (t->flags & TOK_CLITIC) ? fold_apos(z, n, folded, sizeof folded) : 0;
  if (nf) z = folded, n = nf;
  /* the lists are lower case: a first letter that differs rules a word out
   * without the call (this runs for every token against every list) */
  unsigned char f = (unsigned char)(z[0] | 0x20);
  for (; *words; words++)
    if ((unsigned char)(*words)[0] == f && !strncasecmp(*words, z, n) && (*words)[n] == 0) return 1;
  return 0;
}

static int punct(const ctx *c, uint32_t i, char ch) {
  const text_token *t = &c->td->tok[i];
  return t->end - t->start == 1 && c->td->z[t->start] == ch;
}

static void explain(ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void explain(ctx *c, const char *fmt, ...) {
  if (!(c->flags & CODER_EXPLAIN) || c->oom) return;
  va_list ap;
  va_start(ap, fmt);
  if (arena_vlog(c->a, &c->ex, &c->nex, &c->capex, fmt, ap)) c->oom = 1;
  va_end(ap);
}

static const char *tok_text(const ctx *c, uint32_t i, char *buf, size_t cap) {
  const text_token *t = &c->td->tok[i];
  snprintf(buf, cap, "%.*s", (int)(t->end - t->start), c->td->z + t->start);
  return buf;
}

/* ---- the lexicon: WordNet's verbs, the classes of the coder's words ---------- */

/* Word classes: the lists above (and a few below) as bits, so that a token's
 * membership is one lookup per document instead of string compares at every
 * test (is() was a sixth of the coder's time). */
enum {
  CL_BE, CL_HYPOTHETICAL, CL_FUTURE, CL_NEGATION, CL_REFUSAL, CL_FAIL, CL_INTENT, CL_THREAT,
  CL_SPEECH, CL_PREP, CL_CLAUSE_WORD, CL_RELATIVE, CL_PLACE_PREP, CL_TIME_WORDS, CL_DET,
  CL_POSS, CL_DEMONSTRATIVE, CL_QUANTITY, CL_REPORT_GAP, CL_SAY, CL_AUX, CL_MONTHS, CL_N
};

typedef struct cl_slot {
  const char *w; /* NULL: empty */
  uint64_t mask;
} cl_slot;

struct coder_lexicon {
  char *text;   /* WordNet's verbs, NUL-separated */
  char **words; /* sorted; n 0 without WordNet */
  size_t n;
  cl_slot *cls; /* the class words, open addressing */
  size_t ccap;
};

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* read_first_words appends the first word of each line of path to lex->text. */
static int read_first_words(coder_lexicon *lex, const char *path, size_t *cap, size_t *len) {
  FILE *f = fopen(path, "r");
  if (!f) return ERR_OK;
  char line[512];
  int rc = ERR_OK;
  while (!rc && fgets(line, sizeof line, f)) {
    if (line[0] == ' ' || line[0] == '\n') continue; /* the licence at the top */
    size_t k = strcspn(line, " \n");
    if (*len + k + 1 > *cap) {
      char *t = realloc(lex->text, *cap = (*len + k + 1) * 2 + 4096);
      if (!t) rc = ERR_NOMEM;
      else lex->text = t;
    }
    if (!rc) {
      memcpy(lex->text + *len, line, k);
      lex->text[*len + k] = 0;
      *len += k + 1;
      lex->n++;
    }
  }
  fclose(f);
  return rc;
}

static uint64_t word_hash(const char *w, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)w[i]) * 1099511628211ull;
  return h;
}

static int build_classes(coder_lexicon *lex);

int coder_lexicon_load(const char *dir, coder_lexicon **out) {
  *out = NULL;
  char path[4096];
  if (!dir) dir = "/usr/share/wordnet";
  coder_lexicon *lex = calloc(1, sizeof *lex);
  if (!lex) return ERR_NOMEM;
  size_t cap = 0, len = 0;
  /* the lemmas, then the irregular forms of verb.exc ("fought fight") */
  snprintf(path, sizeof path, "%s/index.verb", dir);
  int rc = read_first_words(lex, path, &cap, &len);
  snprintf(path, sizeof path, "%s/verb.exc", dir);
  if (!rc && lex->n) rc = read_first_words(lex, path, &cap, &len);
  if (!rc && !(lex->words = malloc((lex->n ? lex->n : 1) * sizeof *lex->words))) rc = ERR_NOMEM;
  if (!rc) rc = build_classes(lex);
  if (rc) {
    coder_lexicon_free(lex);
    return ERR_NOMEM;
  }
  size_t i = 0;
  for (size_t p = 0; p < len; p += strlen(lex->text + p) + 1) lex->words[i++] = lex->text + p;
  qsort(lex->words, lex->n, sizeof *lex->words, cmp_str);
  *out = lex;
  return ERR_OK;
}

void coder_lexicon_free(coder_lexicon *lex) {
  if (!lex) return;
  free(lex->cls);
  free(lex->words);
  free(lex->text);
  free(lex);
}

/* class_mask: the classes of token i's word (lower case, at most 15 bytes:
 * no class word is longer). */
static uint64_t class_mask(const coder_lexicon *lex, const text_doc *td, uint32_t i) {
  const text_token *t = &td->tok[i];
  size_t n = t->end - t->start;
  const char *z = td->z + t->start;
  char folded[16];
  size_t nf = (t->flags & TOK_CLITIC) ? fold_apos(z, n, folded, sizeof folded) : 0;
  if (nf) z = folded, n = nf;
  if (n == 0 || n > 15) return 0;
  char w[16];
  for (size_t k = 0; k < n; k++) {
    unsigned char ch = (unsigned char)z[k];
    w[k] = (char)((unsigned)(ch - 'A') < 26u ? ch + 32 : ch);
  }
  for (size_t x = word_hash(w, n) & (lex->ccap - 1);; x = (x + 1) & (lex->ccap - 1)) {
    const cl_slot *s = &lex->cls[x];
    if (!s->w) return 0;
    if (!strncmp(s->w, w, n) && !s->w[n]) return s->mask;
  }
}

/* IS(c, i, LIST): is(c, i, LIST) from the token's classes when the coder has
 * its lexicon. */
#define IS(c, i, L) has_class((c), (i), CL_##L, (L))
static int has_class(const ctx *c, uint32_t i, int cl, const char *const *words) {
  if (c->cls) return i < c->td->ntok && (c->cls[i] >> cl & 1);
  return is(c, i, words);
}

static int verbs_have(const coder_lexicon *v, const char *w) {
  return bsearch(&w, v->words, v->n, sizeof *v->words, cmp_str) != NULL;
}

/* verb_form: w (n letters, with room for two more) is a verb or a regular
 * inflection of one: "backed", "sides", "shelling", "stopped", "carries". */
static int verb_form(const coder_lexicon *v, char *w, size_t n) {
  if (verbs_have(v, w)) return 1;
  /* "test-fired", "air-dropped": the last part */
  char *h = strrchr(w, '-');
  if (h && h[1]) return verb_form(v, h + 1, n - (size_t)(h + 1 - w));
  static const struct { const char *end, *add; } RULES[] = {
      {"ies", "y"}, {"ied", "y"}, {"es", ""}, {"s", ""}, {"ed", ""}, {"ed", "e"},
      {"ing", ""}, {"ing", "e"}};
  char t[72];
  if (n + 3 > sizeof t) return 0;
  for (size_t r = 0; r < sizeof RULES / sizeof RULES[0]; r++) {
    size_t e = strlen(RULES[r].end);
    if (n <= e + 1 || strcmp(w + n - e, RULES[r].end)) continue;
    size_t s = n - e;
    memcpy(t, w, s);
    strcpy(t + s, RULES[r].add);
    if (verbs_have(v, t)) return 1;
    /* a doubled final consonant: "stopped", "shipping" */
    if (!RULES[r].add[0] && s >= 3 && t[s - 1] == t[s - 2]) {
      t[s - 1] = 0;
      if (verbs_have(v, t)) return 1;
    }
  }
  return 0;
}

/* ---- clauses ---------------------------------------------------------- */

static int boundary(const ctx *c, uint32_t i) {
  if (punct(c, i, ';') || punct(c, i, ':')) return 1;
  if (IS(c, i, CLAUSE_WORD)) return 1;
  return i > 0 && punct(c, i - 1, ',') && IS(c, i, RELATIVE);
}

/* A relative clause set off by commas (", who toured Afghanistan with the
 * army,") is an aside: a verb after its closing comma belongs to the clause
 * around it. The aside runs from its relative word to the next comma; a list
 * inside it (", where Russia, Iran and Syria attacked") or an actor between
 * that comma and v (", which fell in July, the commander said") make the
 * reading unsure, and the aside is then taken to hold v. closed_aside: the
 * boundary at r opens an aside that a comma closes before v; returns that
 * comma's token, or 0. */
static uint32_t closed_aside(const ctx *c, uint32_t r, uint32_t v) {
  if (!(r > 0 && punct(c, r - 1, ',') && IS(c, r, RELATIVE))) return 0;
  uint32_t q = r + 1;
  while (q < v && !punct(c, q, ',')) q++;
  if (q >= v) return 0;
  for (uint32_t i = q + 1; i < v; i++)
    if (c->inside[i] >= 0) return 0;
  return q;
}

/* aside_opener: the relative word of the aside that the comma at q closes,
 * or NONE. */
static uint32_t aside_opener(const ctx *c, uint32_t q) {
  for (uint32_t i = q; i-- > c->s0 + 1;) {
    if (punct(c, i, ',') || punct(c, i, ';') || punct(c, i, ':')) break;
    if (IS(c, i, RELATIVE) && punct(c, i - 1, ',')) return i;
  }
  return NONE;
}

static uint32_t clause_start(const ctx *c, uint32_t s0, uint32_t v) {
  for (uint32_t i = v; i > s0; i--)
    if (boundary(c, i - 1) && c->inside[i - 1] < 0) {
      uint32_t close = closed_aside(c, i - 1, v);
      return close ? close + 1 : i;
    }
  return s0;
}

static uint32_t clause_end(const ctx *c, uint32_t v, uint32_t end) {
  for (uint32_t i = v + 1; i < end; i++) {
    if (boundary(c, i) && c->inside[i] < 0) return i;
    /* a verb inside an aside ends with it: "Moscow, which cooperated with
     * the Kurds, allowed Ankara" */
    if (punct(c, i, ',')) {
      uint32_t r = aside_opener(c, i);
      if (r != NONE && r < v) return i;
    }
  }
  return end;
}

/* ---- actors around the verb -------------------------------------------- */

static const char *const DET[] = {"the", "a", "an", NULL};
static const char *const POSS[] = {"its", "their", "his", "her", NULL};
static const char *const DEMONSTRATIVE[] = {"this", "that", "these", "those", NULL};

/* Words that count what follows "of": "thousands of Iraqi Kurds
 * demonstrated" has the Kurds as its subject. */
static const char *const QUANTITY[] = {
    "thousands", "hundreds", "dozens", "scores", "millions", "tens", "some", "many", "most",
    "all", "several", "group", "groups", "members", "member", "hundred", "thousand", "number",
    "majority", "third", "half", "quarter", "one", "two", "three", "four", "five", "none",
    "each", "both", "few", NULL};

/* prep_before: m is the object of a preposition ("in Iraq", "by the army"),
 * not of a partitive "of" ("thousands of Kurds", "200 of the soldiers"). */
static int prep_before(const ctx *c, const actor_mention *m) {
  uint32_t i = m->tok;
  if (i > 0 && IS(c, i - 1, DET)) i--;
  if (i == 0 || !IS(c, i - 1, PREP)) return 0;
  if (i >= 2 && is(c, i - 1, (const char *const[]){"of", NULL}) &&
      (IS(c, i - 2, QUANTITY) || (c->td->tok[i - 2].flags & TOK_NUM)))
    return 0;
  return 1;
}

/* coordinated adds to side[] the mentions joined to side[0] by "and" or a
 * comma, walking away from the verb (dir -1 before it, +1 after it). A comma
 * joins only in a list that an "and" completes ("A, B and C"), so "attacked
 * by Russian troops, Kyiv said" does not make Kyiv an attacker. */
static int is_and(const ctx *c, uint32_t j) {
  return is(c, j, (const char *const[]){"and", "&", NULL});
}

static int coordinated(const ctx *c, int *side, uint32_t lo, uint32_t hi, int dir) {
  int n = 1, saw_and = 0;
  while (n < MAX_SIDE) {
    const actor_mention *m = &c->al->m[side[n - 1]];
    if (dir < 0) {
      if (m->tok < lo + 2) break;
      uint32_t j = m->tok - 1;
      int and = is_and(c, j);
      if (!and && !(punct(c, j, ',') && saw_and)) break;
      int k = c->inside[j - 1];
      if (k < 0 || c->al->m[k].tok < lo) break;
      saw_and |= and;
      side[n++] = k;
    } else {
      uint32_t j = m->tok + m->ntok;
      if (j + 1 >= hi || (!is_and(c, j) && !punct(c, j, ','))) break;
      int k = c->mention_at[j + 1];
      if (k < 0) break;
      const actor_mention *next = &c->al->m[k];
      uint32_t after = next->tok + next->ntok;
      if (punct(c, j, ',') && !(after < hi && (is_and(c, after) || punct(c, after, ',')))) break;
      side[n++] = k;
      if (is_and(c, j)) break;
    }
  }
  return n;
}

/* subject: the nearest mention before the verb in the clause that is not the
 * object of a preposition, with its coordinated mentions. */
/* apposition_head: m stands in an aside set off by commas before the verb
 * ("Pakistan, a key U.S. ally in the war, has refused"): the actor right
 * before the opening comma, or -1. */
/* ing_form: token i is a lower-case word ending in -ing ("fighting"). */
static int ing_form(const ctx *c, uint32_t i) {
  const text_token *t = &c->td->tok[i];
  size_t n = t->end - t->start;
  return (t->flags & TOK_WORD) && !(t->flags & TOK_CAP) && n > 4 &&
         !strncmp(c->td->z + t->end - 3, "ing", 3);
}

static int apposition_head(const ctx *c, uint32_t cs, uint32_t v, const actor_mention *m) {
  uint32_t i = m->tok + m->ntok;
  while (i < v && !punct(c, i, ',')) i++;
  if (i >= v) return -1;
  int noun_aside = 1; /* the comma nearest m opens a noun phrase, or none does */
  for (i = m->tok; i-- > cs && i + 20 > m->tok;)
    if (punct(c, i, ',')) {
      /* the aside is a noun phrase of its own (", a key U.S. ally,") or a
       * participle's phrase, which may hold commas of its own (", fighting
       * to defeat both the president, Bashar al-Assad, and Isis,") */
      int np = is(c, i + 1, (const char *const[]){"a", "an", "the", "one", NULL});
      int part = ing_form(c, i + 1) &&
                 !is(c, i + 1, (const char *const[]){"including", "excluding", "according", NULL});
      if (!np && !part) {
        if (!noun_aside) continue;
        noun_aside = 0;
        continue;
      }
      if (np && !noun_aside) return -1;
      int k = i > cs ? c->inside[i - 1] : -1;
      return k >= 0 && c->al->m[k].tok >= cs ? k : -1;
    }
  return -1;
}

/* antecedent: the actor a relative word at r stands for, right before it
 * ("the army, which attacked"), with its coordinated actors; 0 when the
 * word before is no actor ("the uprising which called for reform"). */
static int antecedent(const ctx *c, uint32_t r, int *side) {
  uint32_t j = r > c->s0 && punct(c, r - 1, ',') ? r - 1 : r;
  int k = j > c->s0 ? c->inside[j - 1] : -1;
  if (k < 0) return 0;
  /* after a preposition the word may stand for the phrase around it ("the
   * attack on the town of Douma, which killed 75", "a mission to Tokyo,
   * which refused") */
  if (prep_before(c, &c->al->m[k])) return 0;
  side[0] = k;
  return coordinated(c, side, c->s0, r, -1);
}

static int nominal(const ctx *c, uint32_t s0, uint32_t v);

/* Words that may stand between a reporting verb and the verb of what is
 * reported without being its subject: "said that", "said on Tuesday it would",
 * "said had been". */
static const char *const REPORT_GAP[] = {
    "that", "had", "has", "have", "would", "will", "could", "might", "may", "should", "must",
    "was", "were", "is", "are", "be", "been", "not", "also", "already", "now", "later",
    "then", "still", NULL};

/* Reporting verbs followed by a clause rather than an object ("said the two
 * sides agreed"; but "announced a suspension", "declared a state of siege"). */
static const char *const SAY[] = {
    "say", "said", "says", "saying", "tell", "told", "tells", "add", "added", "adds", "claim",
    "claimed", "claims", "insist", "insisted", "insists", "note", "noted", "notes", "write",
    "wrote", "writes", "confirm", "confirmed", "confirms", "stress", "stressed", "stresses",
    "reiterate", "reiterated", "reiterates", NULL};

/* own_subject: a reporting verb at r introduces the clause of v, and words
 * between them are that clause's own subject though no actor ("the Kremlin
 * said the two sides agreed": the sides agreed, not the Kremlin). */
static int own_subject(const ctx *c, uint32_t r, uint32_t v) {
  for (uint32_t i = r + 1; i < v; i++)
    if (!(c->td->tok[i].flags & TOK_PUNCT) && !IS(c, i, REPORT_GAP) && !IS(c, i, TIME_WORDS))
      return 1;
  return 0;
}

static int is_media(const actor_mention *m) {
  size_t n = strlen(m->code);
  return (m->entry && (m->entry->flags & DICT_F_MEDIA)) || (n >= 3 && !strcmp(m->code + n - 3, "MED"));
}

/* told_outlet: m is a news outlet that was told something ("told Reuters the
 * talks would resume"): the one who says is someone else. */
static int told_outlet(const ctx *c, const actor_mention *m) {
  return is_media(m) && m->tok > c->s0 &&
         is(c, m->tok - 1, (const char *const[]){"told", "tell", "tells", "telling", NULL});
}

/* Words between a subject and its verb: "NGOs [have also] warned". */
static const char *const AUX[] = {
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may",
    "might", "must", "should", "shall", "did", "do", "does", "also", "not", "never", "now",
    "still", "already", "then", "again", "later", "reportedly", "allegedly", "recently",
    "once", "just", "jointly", "separately", "repeatedly", "be", "been", NULL};
static const char *const MONTHS[] = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan.", "feb.", "aug.", "sept.", "oct.", "nov.", "dec.",
    NULL};

/* named_subject: a name that is no actor stands right before the verb ("as
 * NGOs warn", "Haggard said"): the subject is someone unknown, not an actor
 * further back. A name an actor or a title precedes ("Iraqi Kurds", "Reserve
 * Bank governor Gerhard de Kock", "U.S. Trade Representative Clayton
 * Yeutter") is that actor's, and left to the search. */
static int named_subject(const ctx *c, uint32_t cs, uint32_t v) {
  static const char *const PARTICLE[] = {"de", "van", "von", "der", "al", "el", "bin", "ben",
                                         "du", "la", "le", "da", "di", "dos", NULL};
  if (c->td->casing != TEXT_MIXED) return 0;
  uint32_t j = v;
  while (j > cs && IS(c, j - 1, AUX)) j--;
  if (j <= cs) return 0;
  const text_token *t = &c->td->tok[j - 1];
  if (!(t->flags & TOK_WORD) || !(t->flags & TOK_CAP) || c->inside[j - 1] >= 0 ||
      IS(c, j - 1, TIME_WORDS) || IS(c, j - 1, MONTHS))
    return 0;
  uint32_t k = j - 1; /* back over the name */
  while (k > cs && c->inside[k - 1] < 0 &&
         (((c->td->tok[k - 1].flags & (TOK_WORD | TOK_CAP)) == (TOK_WORD | TOK_CAP)) ||
          is(c, k - 1, PARTICLE)))
    k--;
  /* the name must open its clause: "as NGOs warn", ", Haggard said" (a name
   * after a title or a noun, "economist Katrine Saito arrived", "Minister
   * for Industry and Trade resigned", is left to the search) */
  if (k == c->s0) return 1;
  const text_token *b = &c->td->tok[k - 1];
  return (b->flags & TOK_QUOTE) ||
         ((b->flags & TOK_PUNCT) && (c->td->z[b->start] == ',' || c->td->z[b->start] == ';')) ||
         is(c, k - 1, (const char *const[]){"as", "that", "while", "when", "but", "because",
                                           "although", "after", "before", "since", "if", NULL});
}

static int subject(const ctx *c, uint32_t cs, uint32_t v, int *side) {
  if (named_subject(c, cs, v)) return 0;
  for (uint32_t i = v; i-- > cs;) {
    int k = c->inside[i];
    if (k < 0) {
      if (IS(c, i, SAY) && own_subject(c, i, v) && !nominal(c, c->s0, v)) return 0;
      /* the relative word is the verb's subject when only a few words
       * (auxiliaries, adverbs) stand between: "who has also vowed" */
      if (v - i <= 4 && is(c, i, (const char *const[]){"which", "who", NULL})) {
        int words = 1;
        for (uint32_t j = i + 1; j < v; j++) words &= !(c->td->tok[j].flags & TOK_PUNCT);
        if (words) return antecedent(c, i, side);
      }
      continue;
    }
    const actor_mention *m = &c->al->m[k];
    if (m->tok < cs) break;
    if (prep_before(c, m) || told_outlet(c, m)) {
      i = m->tok;
      continue;
    }
    int head = apposition_head(c, cs, v, m);
    if (head >= 0) k = head;
    side[0] = k;
    return coordinated(c, side, cs, v, -1);
  }
  if (cs > c->s0 && is(c, cs - 1, (const char *const[]){"which", "who", NULL}))
    return antecedent(c, cs - 1, side); /* "the army, which attacked Homs" */
  /* "Robinson, who toured Afghanistan with the army, travelled": the subject
   * stands before the aside */
  uint32_t r = cs > c->s0 + 1 && punct(c, cs - 1, ',') ? aside_opener(c, cs - 1) : NONE;
  if (r != NONE) return subject(c, clause_start(c, c->s0, r - 1), r - 1, side);
  return 0;
}

/* object: the first mention after the verb's first token, in the clause,
 * skipping a "by" phrase (the passive's agent). */
static int object(const ctx *c, uint32_t v, uint32_t ce, int *side) {
  for (uint32_t i = v + 1; i < ce; i++) {
    int k = c->mention_at[i];
    if (k < 0) continue;
    if (i > 0 && is(c, i - 1, (const char *const[]){"by", NULL})) continue;
    /* "will meet in Beijing": a city after "in" says where (the location), not whom */
    const actor_mention *m = &c->al->m[k];
    /* the subject of a reporting verb after it ("..., AFP writes"), or an
     * outlet naming whose piece it is ("a Reuters report") */
    uint32_t after = m->tok + m->ntok;
    if (after < ce + 1 && after < c->td->ntok &&
        (IS(c, after, SPEECH) || is(c, after, (const char *const[]){"writes", "wrote", NULL}) ||
         (is_media(m) && is(c, after, (const char *const[]){"report", "reports", "story", "interview",
                                                           "article", "reporter", "correspondent",
                                                           "journalist", "poll", "survey", NULL}))))
      continue;
    if (i > 0 && IS(c, i - 1, PLACE_PREP) && m->entry && !m->agent &&
        (m->entry->flags & (DICT_F_PLACE | DICT_F_CAPITAL)))
      continue;
    /* the outlet told or cited: "told Reuters", "according to Reuters" */
    if (told_outlet(c, m) || (is_media(m) && i >= 2 && is(c, i - 1, (const char *const[]){"to", NULL}) &&
                              is(c, i - 2, (const char *const[]){"according", NULL})))
      continue;
    side[0] = k;
    return coordinated(c, side, v, ce, +1);
  }
  return 0;
}

static int by_agent(const ctx *c, uint32_t vl, uint32_t ce, int *side) {
  for (uint32_t i = vl + 1; i + 1 < ce; i++) {
    if (!is(c, i, (const char *const[]){"by", NULL})) continue;
    uint32_t j = i + 1 + (i + 2 < ce && IS(c, i + 1, DET)); /* "by the army" */
    int k = c->mention_at[j];
    if (k < 0) return 0;
    side[0] = k;
    return coordinated(c, side, vl, ce, +1);
  }
  return 0;
}

/* Nouns of an armed act: "killed in police firing", "wounded in an Israeli
 * air strike", "died during an army raid" name the doer before them. */
static const char *const ATTACK_NOUN[] = {
    "firing", "fire", "gunfire", "shooting", "attack", "attacks", "strike", "strikes",
    "airstrike", "airstrikes", "raid", "raids", "shelling", "bombing", "bombardment",
    "ambush", "crackdown", "offensive", "assault", "operation", "action", "clash",
    "clashes", "firefight", "encounter", "missile", NULL};

/* in_agent: the passive's doer named as the modifier of an armed act after
 * "in" or "during" ("killed in police firing", "in an Israeli air strike"):
 * at most two words (articles, adjectives) before the actor, and the act's
 * noun within two words after it. */
static int in_agent(const ctx *c, uint32_t vl, uint32_t ce, int *side) {
  for (uint32_t i = vl + 1; i < ce && i <= vl + 3; i++) {
    if (!is(c, i, (const char *const[]){"in", "during", NULL})) continue;
    for (uint32_t j = i + 1; j < ce && j <= i + 3; j++) {
      int k = c->mention_at[j];
      if (k < 0) continue;
      const actor_mention *m = &c->al->m[k];
      /* a place says where ("killed in Baghdad in clashes"), not who */
      if (m->entry && (m->entry->flags & (DICT_F_PLACE | DICT_F_CAPITAL)) && !m->agent) return 0;
      uint32_t after = m->tok + m->ntok;
      if (is(c, after, ATTACK_NOUN) ||
          (!IS(c, after, PREP) && c->mention_at[after] < 0 && is(c, after + 1, ATTACK_NOUN))) {
        side[0] = k;
        return 1;
      }
      return 0;
    }
    return 0;
  }
  return 0;
}

/* state_act: codes only a state's authorities carry out on someone in their
 * country: investigate (09x), impose administrative sanctions, arrest,
 * expel (172-174). */
static int state_act(const char *code) {
  return !strncmp(code, "09", 2) || !strncmp(code, "172", 3) || !strncmp(code, "173", 3) ||
         !strncmp(code, "174", 3);
}

/* in_state: "a British soldier was arrested in Turkey", "detained in
 * Tehran", "put under investigation in Italy": the place after "in" (within
 * four words of the verb) names the state that did it. */
static int in_state(const ctx *c, uint32_t vl, uint32_t ce, int *side) {
  for (uint32_t i = vl + 1; i + 1 < ce && i <= vl + 4; i++) {
    if (!is(c, i, (const char *const[]){"in", NULL})) continue;
    int k = c->mention_at[i + 1];
    if (k < 0) return 0;
    const actor_mention *m = &c->al->m[k];
    if (m->agent || strlen(m->code) != 3 || !strcmp(m->code, "---")) return 0;
    side[0] = k;
    return 1;
  }
  return 0;
}

/* ---- meaning around the verb ------------------------------------------ */

static int root_of(const char *code);

/* refused: "refused to V", "declined to V" (not "failed to": failing is no
 * act of its own). */
static int refused(const ctx *c, uint32_t cs, uint32_t v) {
  return v >= cs + 2 && is(c, v - 1, (const char *const[]){"to", NULL}) && IS(c, v - 2, REFUSAL);
}

/* reject_code: CAMEO codes refusing an act as a rejection (12x): "refused to
 * meet" 125, "declined to release" 1243, "refused to resign" 1231, "declined
 * to comment" 011. Empty when refusing the act is no event of its own
 * ("refused to attack": conflict acts stay negated). */
static void reject_code(const char *act, char *out) {
  int r = root_of(act);
  const char *code = "";
  if (r == 1) code = "011";
  else if (r == 2 || r == 3 || r == 9) code = "120";
  else if (r == 4) code = "125";
  else if (r == 5) code = strncmp(act, "057", 3) ? "120" : "127";
  else if (r == 6) code = !strncmp(act, "061", 3) ? "1211" : !strncmp(act, "062", 3) ? "1212" : "121";
  else if (r == 7) {
    static const char *const AID[] = {"122", "1221", "1222", "1223", "1224", "122"};
    int k = act[2] >= '0' && act[2] <= '5' ? act[2] - '0' : 0;
    code = AID[k];
  } else if (r == 8) {
    if (!strncmp(act, "083", 3))
      code = act[3] >= '1' && act[3] <= '4' ? (const char *[]){"1231", "1232", "1233", "1234"}[act[3] - '1'] : "123";
    else {
      static const char *const YIELD[] = {"124", "1241", "1242", "124", "1243", "1244", "1245", "1246"};
      int k = act[2] >= '0' && act[2] <= '7' ? act[2] - '0' : 0;
      code = YIELD[k];
    }
  }
  snprintf(out, 6, "%s", code);
}

/* will_not: "will not V", "would not V", "won't V", "will never V": a
 * declared refusal. */
static int will_not(const ctx *c, uint32_t cs, uint32_t v) {
  if (v < cs + 2 || !is(c, v - 1, (const char *const[]){"not", "n't", "never", NULL})) return 0;
  return is(c, v - 2, (const char *const[]){"will", "would", "wo", "shall", NULL});
}

static int negated(const ctx *c, uint32_t cs, uint32_t v) {
  uint32_t lo = v > cs + 4 ? v - 4 : cs;
  for (uint32_t i = lo; i < v; i++)
    if (IS(c, i, NEGATION) && c->inside[i] < 0) return 1;
  /* "refused to condemn", "failed to agree" */
  return v >= cs + 2 && is(c, v - 1, (const char *const[]){"to", NULL}) &&
         (IS(c, v - 2, REFUSAL) || IS(c, v - 2, FAIL));
}

/* The modal of a clause: hypothetical ("would attack"), obligation ("must
 * release"), or, after a reporting verb, the future of reported speech
 * ("said it would allow" = it intends to allow). */
enum { MODAL_NONE, MODAL_HYPOTHETICAL, MODAL_MUST, MODAL_REPORTED_FUTURE };

static int reported_before(const ctx *c, uint32_t s0, uint32_t i) {
  for (uint32_t k = i; k-- > s0 && i - k <= 6;)
    if (IS(c, k, SPEECH)) return 1;
  return 0;
}

static int no_punct(const ctx *c, uint32_t a, uint32_t b) {
  for (uint32_t i = a; i < b; i++)
    if (c->td->tok[i].flags & TOK_PUNCT) return 0;
  return 1;
}

static int modal(const ctx *c, uint32_t s0, uint32_t cs, uint32_t v) {
  for (uint32_t i = cs; i < v; i++) {
    /* "in case Isis raided the house", "lest" */
    if ((i > cs && is(c, i, (const char *const[]){"case", NULL}) &&
         is(c, i - 1, (const char *const[]){"in", NULL})) ||
        is(c, i, (const char *const[]){"lest", NULL}))
      return MODAL_HYPOTHETICAL;
    /* a wish: "they wanted to see the west attack the air force" (the verb a
     * few words on, with no punctuation between) */
    if (i >= cs + 2 && i + 6 > v && no_punct(c, i, v) &&
        is(c, i, (const char *const[]){"see", "watch", NULL}) &&
        is(c, i - 1, (const char *const[]){"to", NULL}) &&
        is(c, i - 2, (const char *const[]){"want", "wants", "wanted", "hope", "hopes", "hoped",
                                           "wish", "wishes", "wished", "like", "love", NULL}))
      return MODAL_HYPOTHETICAL;
    if (!IS(c, i, HYPOTHETICAL) || c->inside[i] >= 0) continue;
    int rep = reported_before(c, s0, i);
    if (is(c, i, (const char *const[]){"would", "'d", NULL}) && rep) return MODAL_REPORTED_FUTURE;
    if (is(c, i, (const char *const[]){"must", "should", "ought", NULL})) return MODAL_MUST;
    return MODAL_HYPOTHETICAL;
  }
  return MODAL_NONE;
}

enum { MOOD_ACT, MOOD_INTENT, MOOD_THREAT };

/* mood: "promised to visit", "will visit", "threatened to attack"; *gov is the
 * governing verb's token (its own entry is not coded separately). */
static int mood(const ctx *c, uint32_t cs, uint32_t v, uint32_t *gov) {
  *gov = NONE;
  uint32_t k = v;
  if (k > cs && IS(c, k - 1, NEGATION)) k--;
  if (k > cs && IS(c, k - 1, FUTURE)) return MOOD_INTENT;
  if (k >= cs + 2 && is(c, k - 1, (const char *const[]){"to", NULL})) {
    uint32_t g = k - 2;
    if (g > cs && is(c, g, (const char *const[]){"going", NULL})) return MOOD_INTENT;
    if (IS(c, g, THREAT)) return *gov = g, MOOD_THREAT;
    if (IS(c, g, INTENT)) return *gov = g, MOOD_INTENT;
    /* "plans to", "agreed in principle to": one word between */
    if (g > cs && IS(c, g - 1, INTENT)) return *gov = g - 1, MOOD_INTENT;
  }
  return MOOD_ACT;
}

static int root_of(const char *code) { return (code[0] - '0') * 10 + (code[1] - '0'); }

/* intent_code maps an act to its intent (03x) or threat (13x) code. */
static void intent_code(const char *act, int m, char *out) {
  int r = root_of(act);
  const char *code = "030";
  if (m == MOOD_THREAT || r >= 10) {
    if (r >= 18 || r == 15) code = "138";
    else if (r == 16) code = strncmp(act, "163", 3) ? "131" : "1312";
    else if (r == 17) code = "137";
    else if (r == 14) code = "133";
    else code = "130";
  } else if (r == 4) code = "036";
  else if (r == 5) code = "032";
  else if (r == 6) code = "031";
  else if (r == 7) code = "033";
  else if (r == 8) code = "035";
  else if (r == 3) code = act;
  snprintf(out, 6, "%s", code);
}

/* Participles that are adjectives before "to": "Israel is opposed to the
 * plan" is Israel's opposition, not a passive. */
static const char *const ADJ_TO[] = {"opposed", "committed", "dedicated", "devoted",
                                     "determined", "prepared", "inclined", NULL};

/* existential: the "there" at i opens "there is/were ..." (at the start of
 * its clause or after a conjunction), not the adverb of "people there are". */
static int existential(const ctx *c, uint32_t s0, uint32_t i) {
  if (!is(c, i, (const char *const[]){"there", NULL})) return 0;
  return i == s0 || !(c->td->tok[i - 1].flags & TOK_WORD) ||
         is(c, i - 1, (const char *const[]){"and", "but", "that", "as", "while", "when", NULL});
}

static int passive(const ctx *c, uint32_t cs, uint32_t v) {
  const text_token *t = &c->td->tok[v];
  size_t n = t->end - t->start;
  const char *z = c->td->z + t->start;
  if (n >= 3 && !strncasecmp(z + n - 3, "ing", 3)) return 0;
  if (is(c, v, ADJ_TO) && is(c, v + 1, (const char *const[]){"to", NULL})) return 0;
  for (uint32_t i = v; i > cs && i + 3 > v; i--)
    if (IS(c, i - 1, BE) && c->inside[i - 1] < 0) /* not "Poland's parliament" */
      /* "there were clashes" names acts (not "two who were stationed
       * there were arrested") */
      return !(i >= cs + 2 && existential(c, cs, i - 2));
  return 0;
}

/* ---- events ----------------------------------------------------------- */

static coder_event *push(ctx *c) {
  if (c->n == c->cap) {
    size_t ncap = c->cap ? c->cap * 2 : 16;
    coder_event *p = arena_grow(c->a, c->e, c->cap * sizeof *p, ncap * sizeof *p);
    if (!p) {
      c->oom = 1;
      return NULL;
    }
    c->e = p;
    c->cap = ncap;
  }
  coder_event *e = &c->e[c->n++];
  memset(e, 0, sizeof *e);
  e->tgt = e->attribution = e->location = -1;
  return e;
}

static int location_in(const ctx *c, uint32_t cs, uint32_t ce) {
  for (uint32_t i = cs + 1; i < ce; i++) {
    int k = c->mention_at[i];
    if (k < 0 || !IS(c, i - 1, PLACE_PREP)) continue;
    const dict_entry *e = c->al->m[k].entry;
    if (e && (e->flags & (DICT_F_PLACE | DICT_F_CAPITAL))) return k;
  }
  return -1;
}

typedef struct verb_at {
  uint32_t v, last;
  const dict_entry *e;
  int speech;
} verb_at;

/* speaker: who a reporting verb at v reports: "X said", "said X". */
static int speaker(const ctx *c, uint32_t s0, uint32_t v, uint32_t end) {
  int side[MAX_SIDE];
  if (subject(c, clause_start(c, s0, v), v, side)) return side[0];
  if (v + 1 < end && c->mention_at[v + 1] >= 0) return c->mention_at[v + 1];
  return -1;
}

static int according_to(const ctx *c, uint32_t s0, uint32_t end) {
  for (uint32_t i = s0; i + 2 < end; i++)
    if (is(c, i, (const char *const[]){"according", NULL}) && is(c, i + 1, (const char *const[]){"to", NULL}))
      return c->mention_at[i + 2];
  return -1;
}

static void add_events(ctx *c, const text_sentence *s, const verb_at *va, const char *code,
                       const int *src, int ns, const int *tgt, int nt, int neg, int attr,
                       int loc, const char *how) {
  /* "Russia and China will meet", "Israel and Syria agreed": a joint act of
   * consultation or cooperation with no one else named is done with each
   * other. Only acts that take two: meeting and talks (root 04, and 036, the
   * intent to meet), material cooperation (06), agreeing (030) and signing
   * (057); "Italy, France and
   * Greece backed the proposal" (050) and "pledged aid" (03x) are each
   * one's own act. */
  int r = (code[0] - '0') * 10 + (code[1] - '0');
  int two = r == 4 || r == 6 || !strcmp(code, "030") || !strcmp(code, "036") ||
            !strncmp(code, "057", 3);
  int mutual = !nt && ns >= 2 && two;
  if (mutual) { /* only between different actors: "Putin and his counterpart" */
    int distinct = 0;
    for (int i = 1; i < ns && !distinct; i++)
      distinct = strcmp(c->al->m[src[i]].code, c->al->m[src[0]].code) != 0;
    mutual = distinct;
  }
  for (int i = 0; i < ns; i++) {
    int seen = 0; /* "Putin and his counterpart": one event per distinct source */
    for (int k = 0; k < i && !seen; k++) seen = !strcmp(c->al->m[src[k]].code, c->al->m[src[i]].code);
    if (seen) continue;
    for (int j = 0; j < (mutual ? ns : nt ? nt : 1); j++) {
      int t = mutual ? src[j] : nt ? tgt[j] : -1;
      if (t == src[i] || (mutual && !strcmp(c->al->m[t].code, c->al->m[src[i]].code))) continue;
      coder_event *e = push(c);
      if (!e) return;
      e->sent = (uint32_t)(s - c->td->sent);
      e->src = src[i];
      e->tgt = t;
      snprintf(e->cameo, sizeof e->cameo, "%s", code);
      e->verb_tok = va->v;
      e->verb_last = va->last;
      e->negated = neg;
      e->attribution = attr;
      e->location = loc;
      e->pattern = va->e;
      e->how = how;
    }
  }
}

/* business: a company or business people ("USABUS", "---BUS"), not an
 * intergovernmental body whose type is economic ("IGOBUSOPC", OPEC). */
static int business(const char *code) {
  return strncmp(code, "IGO", 3) && strstr(code, "BUS") != NULL;
}

/* reduced_passive: a participle with its agent, no "was": "militias backed
 * by the coalition", "a town shelled by Russian troops". */
static int reduced_passive(const ctx *c, const verb_at *va) {
  const text_token *t = &c->td->tok[va->v];
  size_t n = t->end - t->start;
  const char *z = c->td->z + t->start;
  if (va->last != va->v || n < 4) return 0;
  int participle = !strncasecmp(z + n - 2, "ed", 2) || !strncasecmp(z + n - 2, "en", 2) ||
                   !strncasecmp(z + n - 3, "ght", 3) || !strncasecmp(z + n - 3, "own", 3);
  if (!participle || !is(c, va->v + 1, (const char *const[]){"by", NULL})) return 0;
  uint32_t k = va->v + 2;
  if (IS(c, k, DET)) k++;
  return k < c->td->ntok && c->mention_at[k] >= 0;
}

/* nominal: the act word at v is used as a noun: right after a determiner,
 * a possessive or a preposition ("the attack", "its assaults", "against an
 * assault", "of airstrikes"), or right after an actor that modifies it
 * ("Russian airstrikes", "Turkish incursion"). */
/* Words that make the next word a noun as a determiner does: "against any
 * attack", "no attack", "further attacks". */
static const char *const QDET[] = {"any", "every", "each", "no", "another", "such", "further",
                                   "more", "fresh", "new", "these", "those", NULL};

/* participle_ed: token i ends in -ed ("demanded"). */
static int participle_ed(const ctx *c, uint32_t i) {
  const text_token *t = &c->td->tok[i];
  size_t n = t->end - t->start;
  return n > 2 && !strncasecmp(c->td->z + t->end - 2, "ed", 2);
}

static int nominal(const ctx *c, uint32_t s0, uint32_t v) {
  static const char *const PREP_BEFORE[] = {"of", "against", "after", "amid", "despite",
                                            "following", "during", "for", "from", "over",
                                            "under", NULL};
  /* a word that a finite verb follows is the subject: "said torture was
   * designed", "Fighting has spread"; not a past form ("a town it had
   * occupied was decimated", "the project Seoul has said is aimed") or a
   * verb after an auxiliary ("what the banks are demanding is") */
  static const char *const FINITE_AFTER[] = {"is", "was", "were", "are", "has", "have", "had",
                                             NULL};
  if (v + 1 < c->td->ntok && is(c, v + 1, FINITE_AFTER) && !IS(c, v, SAY)) {
    if (!participle_ed(c, v) && !(v > s0 && (IS(c, v - 1, BE) || IS(c, v - 1, AUX)))) return 1;
  }
  if (v <= s0) return 0;
  if (IS(c, v - 1, DET) || IS(c, v - 1, POSS) || is(c, v - 1, PREP_BEFORE) || is(c, v - 1, QDET))
    return 1;
  /* "some promising signs", "several attacks" (not "both", "all": "they all
   * agreed") */
  if (is(c, v - 1, (const char *const[]){"some", "many", "several", "few", "more", "most",
                                         "other", NULL}) &&
      !IS(c, v, SAY) && !IS(c, v, SPEECH) && !participle_ed(c, v))
    return 1; /* (but "some demanded", "some say": a pronoun and its verb) */
  if (v >= s0 + 2 && IS(c, v - 1, BE) && existential(c, s0, v - 2))
    return 1; /* "there were clashes" */
  /* after an amount of money: "a 77 billion dlr rescue" (not a bare number:
   * "in 2018 invaded Afrin", "Local 222 said") */
  if (is(c, v - 1, (const char *const[]){"dlr", "dlrs", "mln", "billion", "million", "stg",
                                         "yen", NULL}))
    return 1;
  int k = c->inside[v - 1];
  return k >= 0 && c->al->m[k].tok + c->al->m[k].ntok == v &&
         !(c->al->m[k].flags & ACTOR_PRONOUN) && (c->al->m[k].entry && (c->al->m[k].entry->flags & DICT_F_DEMONYM));
}

/* after_prep: the noun at v is the object of a preposition ("against an
 * assault", "of airstrikes"). */
static int after_prep(const ctx *c, uint32_t s0, uint32_t v) {
  /* not "after", "during", "before", "following": "said during a visit to
   * Riyadh", "after meeting with Suharto" are the subject's own acts */
  static const char *const P[] = {"of", "against", "amid", "despite", "from", "over", NULL};
  static const char *const SPAN[] = {"days", "weeks", "months", "hours", "years", "nights",
                                     "day", "week", "month", "year", "series", "wave", "waves",
                                     "round", "rounds", "spate", "string", NULL};
  uint32_t j = v;
  const text_token *t = &c->td->tok[v];
  size_t n = t->end - t->start;
  if (n > 4 && !strncasecmp(c->td->z + t->start + n - 3, "ing", 3)) return 0; /* a gerund */
  if (j > s0 && (IS(c, j - 1, DET) || is(c, j - 1, QDET))) j--;
  if (j <= s0 || !is(c, j - 1, P)) return 0;
  /* "launched 10 days of war games", "a new wave of attacks": the measure,
   * not the act, is the object of "of"; the act is still the verb's object */
  return !(j >= s0 + 2 && is(c, j - 1, (const char *const[]){"of", NULL}) &&
           (is(c, j - 2, SPAN) || (c->td->tok[j - 2].flags & TOK_NUM)));
}

/* nominal_doer: the actor attached to a noun naming an act: a modifier or
 * possessive right before it ("Russian airstrikes", "Israel's assaults",
 * "its attacks"), else "by X" or "from X" right after it. */
static int nominal_doer(const ctx *c, const verb_at *va, uint32_t ce, int *side) {
  uint32_t v = va->v;
  uint32_t j = v;
  if (j > 0 && is(c, j - 1, (const char *const[]){"'s", NULL})) j--;
  if (j > 0) {
    int k = c->inside[j - 1];
    const actor_mention *m = k >= 0 ? &c->al->m[k] : NULL;
    /* a town or region right before the noun is where it happened ("the
     * Idlib attack", "the Golan Heights ceasefire"), not who did it; a
     * possessive still names the doer */
    int place = m && j == v && m->entry && !m->agent && (m->entry->flags & DICT_F_PLACE) &&
                !(m->entry->flags & DICT_F_CAPITAL);
    if (m && m->tok + m->ntok == j && !place) {
      side[0] = k;
      return 1;
    }
  }
  /* "airstrikes by Russia", "fire from Israeli tanks" ("from" only for
   * force: "withdrawal from Panama" names a place) */
  uint32_t a = va->last + 1;
  const char *act = dict_code_on(va->e, 0);
  int force = act && (!strncmp(act, "18", 2) || !strncmp(act, "19", 2) || !strncmp(act, "20", 2));
  if (a < ce && (is(c, a, (const char *const[]){"by", NULL}) ||
                 (force && is(c, a, (const char *const[]){"from", NULL})))) {
    uint32_t b = a + 1 + (a + 2 < ce && IS(c, a + 1, DET));
    if (b < ce && c->mention_at[b] >= 0) {
      side[0] = c->mention_at[b];
      return 2; /* after the noun: the target is sought past it */
    }
  }
  return 0;
}

/* between_pair: a noun naming an act of two sides, "between A and B" right
 * after it ("clashes between Chadian troops and Libyan forces", "talks
 * between Seoul and Pyongyang"): A in src[0], B in tgt[0]; the first actor
 * after the "and" that follows A. */
static int between_pair(const ctx *c, const verb_at *va, uint32_t ce, int *src, int *tgt) {
  uint32_t a = va->last + 1;
  if (a + 3 >= ce || !is(c, a, (const char *const[]){"between", NULL})) return 0;
  uint32_t b = a + 1 + (IS(c, a + 1, DET) ? 1 : 0);
  int k = b < ce ? c->mention_at[b] : -1;
  if (k < 0) return 0;
  for (uint32_t i = c->al->m[k].tok + c->al->m[k].ntok; i + 1 < ce && i < b + 12; i++) {
    if (!is(c, i, (const char *const[]){"and", NULL})) continue;
    uint32_t j = i + 1 + (IS(c, i + 1, DET) ? 1 : 0);
    int t = j < ce ? c->mention_at[j] : -1;
    if (t < 0) return 0;
    src[0] = k;
    tgt[0] = t;
    return 1;
  }
  return 0;
}

/* noun_head: the phrase at v starts with a word that is never a verb
 * (WordNet): "detention", "landmine", "sexual violence", "incursion". */
static int noun_head(const ctx *c, uint32_t v) {
  if (!c->c->lex || !c->c->lex->n || !(c->td->tok[v].flags & TOK_WORD)) return 0;
  char w[64];
  size_t n = 0;
  if (c->lemmas[v] != NONE) {
    const char *k = dict_key(c->c->d, c->lemmas[v], &n);
    if (n >= sizeof w) return 0;
    memcpy(w, k, n);
  } else {
    const text_token *t = &c->td->tok[v];
    n = text_key(c->td->z + t->start, t->end - t->start, w, sizeof w);
    if (!n || n >= sizeof w) return 0;
  }
  w[n] = 0;
  return !verb_form(c->c->lex, w, n);
}

/* Verbs whose subject does the act a noun after them names: "launched
 * attacks", "carried out airstrikes", "held talks", "agreed to a ceasefire",
 * "began a ground incursion". */
static const char *const SUPPORT[] = {
    "launch", "launched", "launches", "launching", "carry", "carried", "carries", "carrying",
    "conduct", "conducted", "conducts", "conducting", "stage", "staged", "stages", "staging",
    "mount", "mounted", "mounts", "mounting", "commit", "committed", "commits", "committing",
    "perpetrate", "perpetrated", "perpetrates", "unleash", "unleashed", "unleashes", "begin",
    "began", "begun", "begins", "beginning", "start", "started", "starts", "starting",
    "resume", "resumed", "resumes", "resuming", "continue", "continued", "continues",
    "continuing", "step", "stepped", "steps", "stepping", "intensify", "intensified",
    "intensifies", "escalate", "escalated", "escalates", "order", "ordered", "orders",
    "initiate", "initiated", "undertake", "undertook", "undertaken", "execute", "executed",
    "wage", "waged", "wages", "waging", "make", "made", "makes", "making", "hold", "held",
    "holds", "holding", "pay", "paid", "pays", "paying", "give", "gave", "given", "gives",
    "giving", "issue", "issued", "issues", "issuing", "sign", "signed", "signs", "signing",
    "impose", "imposed", "imposes", "imposing", "declare", "declared", "declares",
    "announce", "announced", "announces", "open", "opened", "opens", "agree", "agreed",
    "agrees", "accept", "accepted", "accepts", "reach", "reached", "reaches", "conclude",
    "concluded", "seal", "sealed", "broker", "brokered", "host", "hosted", "hosts", "lead",
    "led", "leads", "spearhead", "spearheaded", "join", "joined", "joins", "renew", "renewed",
    "expand", "expanded", "extend", "extended", "extends", "complete", "completed", "call",
    "called", "calls", "calling", "offer", "offered", "offers", "propose", "proposed",
    "plan", "planned", "plans", "planning", "prepare", "prepared", "threaten", "threatened",
    "threatens", "vow", "vowed", "promise", "promised", "pledge", "pledged", "authorize",
    "authorized", "authorise", "authorised", "approve", "approved", "engage", "engaged",
    "participate", "participated", "take", "took", "taken", "takes", "attend", "attended",
    "deliver", "delivered", "enforce", "enforced", "maintain", "maintained", "keep", "kept",
    "observe", "observed", "break", "broke", "broken", "violate", "violated", "end", "ended",
    "lift", "lifted", "ease", "eased", "tighten", "tightened", "provide", "provided",
    "send", "sent", "deploy", "deployed", "claim", "claimed", "press", "pressed", "push",
    "pushed", "seek", "sought", "want", "wanted", "demand", "demanded", "urge",
    "urged", "support", "supported", "back", "backed", "speed", "speeded", "sped",
    "accelerate", "accelerated", "hasten", "hastened", "expedite", "expedited",
    /* travel for it: "flying to Japan for talks" */
    "fly", "flew", "flown", "flying", "travel", "traveled", "travelled", "traveling",
    "travelling", "go", "went", "going", "come", "came", "coming", "arrive", "arrived",
    "arriving", "head", "headed", "heading", "return", "returned", "returning", NULL};

/* done_by_subject: whether a noun at v naming an act (code act), with no
 * doer attached, is the act of its clause's subject: it is the object of a
 * verb that does it (SUPPORT, up to six words back, through "to", "for", "in"
 * and a measure's "of"), or an occasion of the subject's own ("said during a
 * visit to Riyadh", "Putin, on a visit to Beijing", "at a meeting with
 * Baker", "after talks with"), or it opens its clause. Else the noun is what
 * something else is about or what befell someone ("stepped on a landmine",
 * "had undergone sexual violence", "came under fire"). Force (15, 17-20)
 * after "after", "before" or "following" is someone else's ("the strike Trump
 * ordered after a chemical attack"). */
static int done_by_subject(const ctx *c, uint32_t cs, uint32_t v, const char *act) {
  static const char *const OCCASION[] = {"during", "upon", "at", NULL};
  static const char *const SEQUEL[] = {"after", "before", "following", NULL};
  static const char *const THROUGH[] = {"to", "for", "in", NULL};
  static const char *const SPAN[] = {"series", "wave", "waves", "round", "rounds", "spate",
                                     "string", "campaign", "days", "weeks", "months", NULL};
  int r = root_of(act), force = r == 15 || r >= 17; /* not 16: "after the breakdown of talks" */
  if (v == cs) return 1;
  uint32_t lo = v > cs + 6 ? v - 6 : cs;
  for (uint32_t k = v; k-- > lo;) {
    if (is(c, k, SUPPORT)) return 1;
    if (is(c, k, OCCASION)) return 1;
    if (is(c, k, SEQUEL)) return !force;
    if (is(c, k, (const char *const[]){"on", NULL}))
      return k == cs || !(c->td->tok[k - 1].flags & TOK_WORD) || c->inside[k - 1] >= 0;
    if (is(c, k, (const char *const[]){"'s", NULL})) return 1;
    if (is(c, k, (const char *const[]){"of", NULL})) {
      if (k > cs && (is(c, k - 1, SPAN) || (c->td->tok[k - 1].flags & TOK_NUM))) continue;
      return 0;
    }
    if (is(c, k, THROUGH)) continue;
    if (IS(c, k, PREP)) return 0;
    if (!(c->td->tok[k].flags & (TOK_WORD | TOK_NUM))) return 0;
  }
  return 0;
}

/* possible_act: the noun at v names an act that may happen: "the likelihood
 * of attacks by", "the risk of", "fears of", "the prospect of", "the threat of
 * an attack by" (a threat proper is a phrase of the dictionary: "threat of
 * sanctions"). */
static int possible_act(const ctx *c, uint32_t s0, uint32_t v, uint32_t last, uint32_t end) {
  static const char *const MAYBE[] = {
      "likelihood", "possibility", "possible", "risk", "risks", "threat", "threats", "fear",
      "fears", "prospect", "prospects", "danger", "chance", "chances", "spectre", "specter",
      "likely", "potential", "imminent", "impending", "planned", "future", NULL};
  /* "possible attacks", "an imminent attack", "planned strikes", "possible
   * Iranian attack" */
  if (v > s0 && is(c, v - 1, MAYBE)) return 1;
  if (v > s0 + 1 && c->inside[v - 1] >= 0 && c->al->m[c->inside[v - 1]].tok == v - 1 &&
      is(c, v - 2, MAYBE))
    return 1;
  uint32_t j = v;
  if (j > s0 && (IS(c, j - 1, DET) || is(c, j - 1, QDET))) j--;
  if (j >= s0 + 2 && is(c, j - 1, (const char *const[]){"of", NULL}) && is(c, j - 2, MAYBE))
    return 1;
  /* what is to be prevented has not happened: "to deter the further use of
   * chemical weapons by the Assad regime", "prevent attacks by" */
  static const char *const PREVENT[] = {"deter", "deterring", "prevent", "preventing", "avert",
                                        "averting", "stop", "stopping", "forestall", NULL};
  while (j > s0 && j + 3 > v && (IS(c, j - 1, DET) || is(c, j - 1, QDET))) j--;
  if (j > s0 && is(c, j - 1, PREVENT)) return 1;
  /* the subject of a verb that would, could or will happen: "a major Syrian
   * military assault on the enclave would lead to a catastrophe" */
  /* (the noun, then at most a phrase that a preposition opens, then the
   * modal, in lower case: not "talks with May", nor "support for the
   * regime means Assad will remain") */
  static const char *const MODAL[] = {"would", "could", "might", "will", "may", NULL};
  if (IS(c, v, SAY) || IS(c, v, SPEECH) || is(c, v, MODAL)) return 0;
  uint32_t k = last + 1;
  if (k < end && IS(c, k, PREP) && !(c->td->tok[k].flags & TOK_CAP))
    for (k++; k < end && k < last + 8 && !IS(c, k, PREP) && !is(c, k, MODAL); k++)
      if ((c->td->tok[k].flags & TOK_PUNCT) || IS(c, k, BE) ||
          is(c, k, (const char *const[]){"that", "which", "who", "whether", "if", "it", "he",
                                         "she", "they", "we", NULL}))
        return 0;
  while (k < end && k < last + 8 && IS(c, k, PREP)) /* "on Soviet ships in the Gulf" */
    for (k++; k < end && k < last + 8 && !IS(c, k, PREP) && !is(c, k, MODAL); k++)
      if ((c->td->tok[k].flags & TOK_PUNCT) || IS(c, k, BE)) return 0;
  return k < end && is(c, k, MODAL) && !(c->td->tok[k].flags & TOK_CAP);
}

/* obligation: after a reporting verb ending at vl, an actor that must,
 * should or ought to do something ("said that Sudan must return"): its
 * mention, or -1. The actor stands right before the modal; the search stops
 * at a semicolon or another sentence. */
static int obligation(const ctx *c, uint32_t vl, uint32_t end, const char *speaker) {
  for (uint32_t i = vl + 1; i < end && i <= vl + 12; i++) {
    if (punct(c, i, ';')) return -1;
    if (!is(c, i, (const char *const[]){"must", "should", "ought", NULL})) continue;
    int k = c->inside[i - 1];
    /* what one's own country must do is an opinion, not a demand of others */
    return k >= 0 && c->al->m[k].tok > vl && strncmp(c->al->m[k].code, speaker, 3) ? k : -1;
  }
  return -1;
}

/* code_verb makes the events of one verb occurrence. prev_src carries the
 * last source into a following "and"-clause without a subject. */
static void code_verb(ctx *c, const text_sentence *s, const verb_at *va, int attr,
                      int *prev_src, int *prev_ns, uint32_t prev_verb) {
  uint32_t s0 = s->tok, end = s->tok + s->ntok, v = va->v;
  uint32_t cs = clause_start(c, s0, v), ce = clause_end(c, va->last, end);
  char buf[64], code[6];
  const char *act = dict_code_on(va->e, 0);
  if (!act || strlen(act) < 2 || strspn(act, "0123456789") != strlen(act)) return;
  if (c->flags & CODER_EXPLAIN) /* (tok_text costs a snprintf) */
    explain(c, "verb \"%s\" (%s:%u) code %s; clause tokens %u-%u", tok_text(c, v, buf, sizeof buf),
            va->e->source, va->e->line, act, cs - s0, ce - s0);
  int md = modal(c, s0, cs, v);
  if (md == MODAL_MUST && attr >= 0 && !is_media(&c->al->m[attr])) {
    /* "X said Sudan must return the helicopter": X demands it of Sudan */
    int tgt[MAX_SIDE], nt = subject(c, cs, v, tgt);
    explain(c, "  an obligation in reported speech: the speaker demands it (100)");
    add_events(c, s, va, "100", &attr, 1, tgt, nt, 0, -1, location_in(c, cs, ce), "demand");
    return;
  }
  if (md == MODAL_HYPOTHETICAL || md == MODAL_MUST) {
    explain(c, "  dropped: hypothetical or obligation (would/could/if/must ... before the verb)");
    return;
  }
  uint32_t gov;
  int m = mood(c, cs, v, &gov);
  if (md == MODAL_REPORTED_FUTURE && m == MOOD_ACT) {
    m = MOOD_INTENT;
    explain(c, "  \"would\" after a reporting verb: the future of reported speech");
  }
  snprintf(code, sizeof code, "%s", act);
  const char *how = "act";
  if (m != MOOD_ACT) {
    intent_code(act, m, code);
    how = m == MOOD_THREAT ? "threat to act" : "intent to act";
    explain(c, "  %s: code %s becomes %s", how, act, code);
  }
  int neg = negated(c, cs, v);
  if (neg && ((m == MOOD_ACT && refused(c, cs, v)) || (m == MOOD_INTENT && will_not(c, cs, v)))) {
    char rej[6];
    reject_code(act, rej);
    if (rej[0]) {
      explain(c, "  refused: code %s becomes %s (a rejection, not a negated act)", act, rej);
      snprintf(code, sizeof code, "%s", rej);
      how = "refusal";
      neg = 0;
    }
  }
  int src[MAX_SIDE], tgt[MAX_SIDE], ns, nt;
  int pas = m == MOOD_ACT && (passive(c, cs, v) || reduced_passive(c, va));
  if (pas) {
    nt = subject(c, cs, v, tgt);
    ns = by_agent(c, v, ce, src); /* from the verb: a phrase may end past "by" */
    if (!ns && (ns = in_agent(c, v, ce, src)))
      explain(c, "  passive: target before the verb, source the doer of the act after \"in\"");
    else if (!ns && state_act(code) && (ns = in_state(c, v, ce, src)))
      explain(c, "  passive: target before the verb; arrested, tried or investigated \"in\" a country: by its state");
    else
      explain(c, "  passive: target before the verb, source after \"by\"");
    /* the passive's subject suffered the act: a nominal event later in the
     * clause ("were killed in a car bombing") must not make it the doer */
    c->passive_cs = cs;
    c->passive_v = v;
  } else if ((nominal(c, s0, v) || noun_head(c, v)) && between_pair(c, va, ce, src, tgt)) {
    explain(c, "  noun: an act between the two actors after \"between\"");
    ns = nt = 1;
  } else if ((nominal(c, s0, v) || noun_head(c, v)) &&
             ((ns = nominal_doer(c, va, ce, src)) || after_prep(c, s0, v) ||
              !done_by_subject(c, cs, v, act))) {
    /* a noun names the act ("Russian airstrikes", "its assaults into Syria",
     * "airstrikes from Russian jets"): its doer is the actor attached to it,
     * not the clause's subject; the object of a preposition with none
     * attached is what something else is about ("warned against an
     * assault", "fear a repeat of airstrikes"). A noun that is a verb's
     * object with none attached falls to the subject below ("the United
     * States speeded up the withdrawal"). */
    if (ns && possible_act(c, s0, v, va->last, ce)) {
      explain(c, "  dropped: a noun naming an act that may happen (\"the likelihood of attacks by\")");
      *prev_ns = 0;
      return;
    }
    if (!ns) {
      explain(c, "  dropped: a noun naming an act, with no doer attached, after a preposition or "
                 "no verb that does it");
      *prev_ns = 0;
      return;
    }
    explain(c, "  noun: the doer is the actor attached to it");
    const actor_mention *d = &c->al->m[src[0]];
    nt = object(c, ns == 2 ? d->tok + d->ntok - 1 : va->last, ce, tgt);
    ns = 1;
  } else {
    ns = subject(c, cs, v, src);
    if (ns && c->passive_v != NONE && c->passive_cs == cs && c->passive_v < v &&
        c->al->m[src[0]].tok < c->passive_v) {
      explain(c, "  dropped: the clause's subject is the victim of an earlier passive verb");
      return;
    }
    nt = object(c, v, ce, tgt);
    /* "Putin embraced a general and praised Kim": an actor after the previous
     * verb of the clause is its object; the subject is that verb's subject */
    int and_verb = v >= cs + 2 && (is(c, v - 1, (const char *const[]){"and", NULL}) ||
                                   is(c, v - 2, (const char *const[]){"and", NULL}));
    if (ns && prev_verb != NONE && prev_verb >= cs && c->al->m[src[0]].tok > prev_verb && and_verb) {
      /* "a bombing killed one U.S. soldier and wounded two": the soldier is
       * the first verb's object, and that verb had no known doer */
      ns = *prev_ns;
      memcpy(src, prev_src, sizeof src);
      explain(c, "  second verb of the clause: the first verb's source%s", ns ? "" : " (none)");
    }
    if (!ns && *prev_ns && cs > s0 && (is(c, cs, (const char *const[]){"and", NULL}) || is(c, cs - 1, (const char *const[]){"and", NULL}))) {
      ns = *prev_ns;
      memcpy(src, prev_src, sizeof src);
      explain(c, "  source carried from the previous clause");
    }
    if (!ns) {
      for (uint32_t i = cs; i < v; i++)
        if (is(c, i, (const char *const[]){"and", NULL}) && *prev_ns) {
          ns = *prev_ns;
          memcpy(src, prev_src, sizeof src);
          explain(c, "  source carried over \"and\"");
          break;
        }
    }
  }
  if (va->speech && ns && !is_media(&c->al->m[src[0]]) &&
      is(c, v, (const char *const[]){"reported", NULL})) {
    /* outlets report; anyone else's "reported" is mostly figures ("reported
     * a loss", "Statistics Canada reported that GDP grew") */
    explain(c, "  dropped: \"reported\" codes a statement by a news outlet only");
    return;
  }
  if (va->speech && nt && is_media(&c->al->m[tgt[0]])) {
    explain(c, "  the outlet told is not a target");
    nt = 0;
  }
  const actor_mention *tm = nt ? &c->al->m[tgt[0]] : NULL;
  if (nt && ns &&
      ((!strcmp(tm->code, c->al->m[src[0]].code) && tm->ntok == 1 &&
        is(c, tm->tok, (const char *const[]){"its", "their", "his", "her", "it", "itself",
                                             "themselves", "they", "them", "he", "him", "she",
                                             NULL})) ||
       /* "Israel closed its embassy": its own body */
       (tm->ntok > 1 && !strncmp(tm->code, c->al->m[src[0]].code, 3) &&
        is(c, tm->tok, (const char *const[]){"its", "their", "his", "her", NULL})))) {
    /* "Ethiopia agreed to re-open its borders": the source's own things are
     * no target */
    explain(c, "  the source's own (a pronoun for it, its body) is no target");
    uint32_t after = tm->tok + tm->ntok;
    nt = 0;
    /* "recalled its ambassador from Britain": whom the act concerns follows */
    if (!pas && tm->ntok > 1) {
      int again = object(c, after - 1, ce, tgt);
      if (again && c->al->m[tgt[0]].tok <= after + 2 &&
          strncmp(c->al->m[tgt[0]].code, c->al->m[src[0]].code, 3))
        nt = again;
    }
  }
  /* (a company's word to investors is business news, as below) */
  int obliged = va->speech && !strcmp(code, "010") && ns && !business(c->al->m[src[0]].code)
                    ? obligation(c, va->last, s->tok + s->ntok, c->al->m[src[0]].code)
                    : -1;
  if (obliged >= 0) {
    /* "Russia said Sudan must return the helicopter", with no verb of the
     * dictionary in what must be done: still a demand made of Sudan */
    explain(c, "  \"%s must\" in what is said: the speaker demands it of them (100)",
            c->al->m[obliged].code);
    snprintf(code, sizeof code, "100");
    how = "demand";
    tgt[0] = obliged;
    nt = 1;
  }
  if (obliged < 0 && va->speech && nt && !is(c, v, (const char *const[]){"tell", "told", "tells", "telling", NULL}) &&
      !is(c, c->al->m[tgt[0]].tok - 1, (const char *const[]){"to", NULL})) {
    /* "said investors must wait": one says something to someone; the actor
     * after "said" is what the statement is about */
    explain(c, "  a reporting verb other than \"tell\" addresses only \"to X\"");
    nt = 0;
  }
  if (obliged < 0 && va->speech && nt && c->al->m[tgt[0]].tok > va->last + 2) {
    explain(c, "  a reporting verb's target is only whom it addresses (\"told X\")");
    nt = 0;
  }
  /* a pronoun that names no actor speaks ("... North Dakota, he said"): the
   * speaker is unknown, not the last actor named */
  if (ns && va->speech && v > s0 && c->inside[v - 1] < 0 &&
      is(c, v - 1, (const char *const[]){"he", "she", "i", "we", "they", "you", NULL})) {
    explain(c, "  the reporting verb's speaker is a pronoun for no actor");
    ns = 0;
  }
  /* (or before an aside: "Nakasone, speaking of loans to Poland, said") */
  uint32_t src_end = ns ? c->al->m[src[0]].tok + c->al->m[src[0]].ntok : 0;
  int aside = ns && v > 0 && src_end < v && punct(c, v - 1, ',') && punct(c, src_end, ',');
  if (ns && va->speech && !aside && src_end + 4 < v) {
    /* "Jutland Telephone launched a bond, market sources said": the speaker
     * stands right before the reporting verb, and here it is no actor */
    explain(c, "  the reporting verb's speaker is not an actor");
    ns = 0;
  }
  if (!ns) {
    explain(c, "  dropped: no source actor in the clause");
    *prev_ns = 0; /* a verb coordinated with this one has no known doer either */
    return;
  }
  /* a role noun whose country nothing names ("the company", "a spokesman")
   * is no actor to code an event for */
  int known = 0;
  for (int i = 0; i < ns; i++) known += strncmp(c->al->m[src[i]].code, "---", 3) != 0;
  if (!known) {
    explain(c, "  dropped: the source's country is unknown (---)");
    return;
  }
  /* a company's statement with no one addressed is business news, not an
   * event between political actors */
  if (va->speech && !nt && root_of(code) == 1 && business(c->al->m[src[0]].code)) {
    explain(c, "  dropped: a business statement with no target");
    return;
  }
  /* a visit (042) is an official's: people who travel ("850 Britons who had
   * travelled to Isis territory", "people travelling to Italy from Libya",
   * "it was arriving in Canada") make none */
  if (!strcmp(code, "042")) {
    static const char *const PEOPLE[] = {"CVL", "REF", "LAB", "EDU", "AGR", "MED", NULL};
    const actor_mention *who = &c->al->m[src[0]];
    size_t n = strlen(who->code);
    int people = n == 3 && (who->flags & (ACTOR_PLURAL | ACTOR_PRONOUN));
    for (const char *const *r = PEOPLE; *r && !people; r++)
      people = n >= 6 && !strcmp(who->code + n - 3, *r);
    if (people) {
      explain(c, "  dropped: people who travel make no visit");
      return;
    }
  }
  /* a company acting on another company, or on no one named ("agreed to take
   * over its subsidiaries", "will discuss the sale"), is business news too */
  if (business(c->al->m[src[0]].code) && (!nt || business(c->al->m[tgt[0]].code))) {
    explain(c, "  dropped: a business act between companies or on no one");
    return;
  }
  /* civilians and refugees are the ones coercion and force befall: as the
   * doer of 17x-20x they come from a misread passive or pronoun ("I've seen
   * children burnt alive", "as they fled the airstrikes"); named as the doer
   * "by" them, they are kept */
  int rc = root_of(code);
  if (rc >= 17 && rc <= 20 && !pas && ns) {
    const char *sc = c->al->m[src[0]].code;
    size_t n = strlen(sc);
    if (n >= 6 && (!strcmp(sc + n - 3, "CVL") || !strcmp(sc + n - 3, "REF"))) {
      explain(c, "  dropped: civilians or refugees (%s) as the doer of coercion or force", sc);
      return;
    }
  }
  /* "declined to discuss" with no one to discuss with declines comment */
  if (!strcmp(how, "refusal") && !strcmp(code, "125") && !nt) snprintf(code, sizeof code, "011");
  *prev_ns = ns;
  memcpy(prev_src, src, sizeof src);
  if (neg) explain(c, "  negated (not/never/no/refused to before the verb)");
  if (neg && !(c->flags & CODER_KEEP_NEGATED)) return;
  int loc = location_in(c, cs, ce);
  add_events(c, s, va, code, src, ns, tgt, nt, neg, va->speech ? -1 : attr, loc, how);
}

/* content_root: codes whose verb takes an act as its content ("demanded that
 * Russia withdraw", "urged them to talk", "accused Kyiv of shelling"). */
static int content_root(const char *code) {
  int r = root_of(code);
  return r == 2 || r == 10 || r == 11 || r == 12 || r == 9;
}

/* denial_ends: what a denial at a covers stops before b: at a semicolon, at
 * "but", "while", "although", at ", and", or at "and" before a reporting or
 * threatening verb ("denied the report but attacked Gaza", "denied a shift,
 * and Trump went on to denounce the Times", "denied ... and warned"). */
static int denial_ends(const ctx *c, uint32_t a, uint32_t b) {
  for (uint32_t i = a + 1; i < b; i++)
    if (punct(c, i, ';') ||
        is(c, i, (const char *const[]){"but", "while", "although", "whereas", NULL}) ||
        (punct(c, i, ',') && is(c, i + 1, (const char *const[]){"and", NULL})) ||
        /* "denied the reports and warned the United States", "... and said" */
        (is(c, i, (const char *const[]){"and", NULL}) && (IS(c, i + 1, SPEECH) || IS(c, i + 1, THREAT))))
      return 1;
  return 0;
}

static int boundary_between(const ctx *c, uint32_t a, uint32_t b) {
  for (uint32_t i = a + 1; i < b; i++)
    if (punct(c, i, ';')) return 1;
  return 0;
}

/* adjectival: a one-word past participle right after a determiner or a
 * possessive modifies a noun ("the occupied West Bank", "an armed group",
 * "its banned party"); it reports no act. */
static int detposs(const ctx *c, uint32_t i) {
  return IS(c, i, DET) || IS(c, i, POSS) || IS(c, i, DEMONSTRATIVE);
}

static int adjectival(const ctx *c, uint32_t s0, uint32_t i, uint32_t last, uint32_t end) {
  if (last != i || i <= s0) return 0;
  const text_token *t = &c->td->tok[i];
  size_t n = t->end - t->start;
  int ing = n > 5 && !strncasecmp(c->td->z + t->start + n - 3, "ing", 3);
  /* "a public meeting", "the Managua meeting": one modifier between */
  int det1 = detposs(c, i - 1);
  int det2 = ing && i >= s0 + 2 && detposs(c, i - 2) && !IS(c, i - 1, BE) &&
             (c->td->tok[i - 1].flags & TOK_WORD) && !detposs(c, i - 1);
  if (!det1 && !det2) return 0;
  if (det1 && n > 3 && !strncasecmp(c->td->z + t->start + n - 2, "ed", 2)) return 1;
  /* "a meeting of trade ministers", "the annual meeting": a verb's -ing form
   * after a determiner is a noun, an event only with its participants named
   * ("the meeting between Iran and Iraq", "a meeting with Putin") */
  if (ing) {
    for (uint32_t k = i + 1; k < end && k <= i + 4; k++)
      if (is(c, k, (const char *const[]){"with", "between", NULL})) return 0;
    return 1;
  }
  return 0;
}

static void sentence(ctx *c, const text_sentence *s) {
  uint32_t s0 = s->tok, end = s->tok + s->ntok;
  c->passive_cs = c->passive_v = NONE;
  c->s0 = s0;
  if (end > s0 && punct(c, end - 1, '?')) {
    explain(c, "sentence %u is a question: not coded", (unsigned)(s - c->td->sent));
    return;
  }
  verb_at vs[64];
  int nv = 0;
  for (uint32_t i = s0; i < end && nv < 64; i++) {
    if (c->inside[i] >= 0) continue;
    uint32_t last;
    const dict_entry *e = dict_match_verb(c->c->d, c->ids, c->lemmas, c->skip, i, end, &last);
    if (!e) continue;
    if (adjectival(c, s0, i, last, end)) {
      explain(c, "participle at token %u after a determiner is an adjective or a noun (\"the occupied West Bank\", \"a meeting of ministers\")", i - s0);
      i = last;
      continue;
    }
    const char *ec = dict_code_on(e, 0);
    if (ec && !strcmp(ec, "---")) {
      /* a stop phrase ("meet domestic demand"): no act, and no verb inside it */
      explain(c, "stop phrase at token %u (%s:%u): not an act", i - s0, e->source, e->line);
      i = last;
      continue;
    }
    /* a reporting verb is speech unless its phrase says more ("reiterated its
     * demand that" is a demand) */
    vs[nv++] = (verb_at){i, last, e, IS(c, i, SPEECH) && (!ec || !strncmp(ec, "01", 2))};
    i = last;
  }
  /* governing verbs of intent ("promised" in "promised to visit") and
   * reporting verbs that introduce another event are not events themselves */
  int speaker_k = according_to(c, s0, end), nonspeech = 0;
  for (int k = 0; k < nv; k++) nonspeech += !vs[k].speech;
  for (int k = 0; k < nv; k++)
    if (vs[k].speech && speaker_k < 0) speaker_k = speaker(c, s0, vs[k].v, end);
  int prev_src[MAX_SIDE] = {0}, prev_ns = 0;
  uint32_t prev_verb = NONE, content_from = NONE;
  size_t n0 = c->n;
  int held[64], nheld = 0; /* reporting verbs left for the events they introduce */
  /* what is denied did not happen as an act ("denied that the army attacked
   * civilians", "denies shelling the town"), whoever denies it */
  uint32_t denied_from = NONE;
  for (uint32_t i = s0; i < end && denied_from == NONE; i++)
    if (is(c, i, (const char *const[]){"deny", "denied", "denies", "denying", NULL})) denied_from = i;
  for (int k = 0; k < nv && !c->oom; k++) {
    if (denied_from != NONE && vs[k].v > denied_from && !denial_ends(c, denied_from, vs[k].v)) {
      explain(c, "verb at token %u is what is denied: not an act", vs[k].v - s0);
      continue;
    }
    if (content_from != NONE && vs[k].v > content_from && !boundary_between(c, content_from, vs[k].v)) {
      explain(c, "verb at token %u is what an appeal, demand or accusation asks or alleges: not an act",
              vs[k].v - s0);
      continue;
    }
    uint32_t gov = NONE;
    int is_gov = 0;
    for (int j = k + 1; j < nv && !is_gov; j++) {
      mood(c, clause_start(c, s0, vs[j].v), vs[j].v, &gov);
      is_gov = gov != NONE && gov >= vs[k].v && gov <= vs[k].last;
    }
    if (is_gov) {
      explain(c, "verb at token %u governs the next verb: coded through it", vs[k].v - s0);
      continue;
    }
    if (vs[k].speech && nonspeech) {
      explain(c, "reporting verb at token %u introduces another event: gives attribution", vs[k].v - s0);
      held[nheld++] = k;
      continue;
    }
    size_t before = c->n;
    code_verb(c, s, &vs[k], speaker_k, prev_src, &prev_ns, prev_verb);
    (void)before;
    prev_verb = vs[k].v;
    if (c->n > before && content_root(c->e[c->n - 1].cameo)) content_from = vs[k].last;
  }
  /* what was reported gave no event ("the Kremlin said the two sides agreed"):
   * the statement itself is the event */
  if (c->n == n0 && nheld) {
    explain(c, "no event in what was reported: the reporting verbs are coded");
    for (int h = 0; h < nheld && !c->oom; h++)
      code_verb(c, s, &vs[held[h]], speaker_k, prev_src, &prev_ns, prev_verb);
  }
}

static int index_mentions(ctx *c) {
  uint32_t n = c->td->ntok ? c->td->ntok : 1;
  c->mention_at = arena_alloc(c->a, n * sizeof *c->mention_at);
  c->inside = arena_alloc(c->a, n * sizeof *c->inside);
  c->ids = arena_alloc(c->a, n * sizeof *c->ids);
  c->lemmas = arena_alloc(c->a, n * sizeof *c->lemmas);
  if (!c->mention_at || !c->inside || !c->ids || !c->lemmas) return ERR_NOMEM;
  for (uint32_t i = 0; i < n; i++) c->mention_at[i] = c->inside[i] = -1;
  for (size_t k = 0; k < c->al->n; k++) {
    const actor_mention *m = &c->al->m[k];
    if (c->mention_at[m->tok] < 0) c->mention_at[m->tok] = (int)k;
    for (uint32_t i = m->tok; i < m->tok + m->ntok; i++)
      if (c->inside[i] < 0) c->inside[i] = (int)k;
  }
  if (c->al->ids && c->al->ids_dict == c->c->d)
    memcpy(c->ids, c->al->ids, (c->td->ntok ? c->td->ntok : 1) * sizeof *c->ids);
  else
    dict_keys(c->c->d, c->td, c->ids);
  dict_lemmas(c->c->d, c->td, c->ids, c->lemmas);
  if (c->c->lex) {
    if (!(c->cls = arena_alloc(c->a, n * sizeof *c->cls))) return ERR_NOMEM;
    for (uint32_t i = 0; i < c->td->ntok; i++) c->cls[i] = class_mask(c->c->lex, c->td, i);
  }
  c->skip = arena_calloc(c->a, n, 1);
  if (!c->skip) return ERR_NOMEM;
  for (uint32_t i = 0; i < c->td->ntok; i++)
    if (IS(c, i, TIME_WORDS)) {
      c->skip[i] |= DICT_SKIP_TIME;
      if (i > 0 && is(c, i - 1, (const char *const[]){"on", NULL})) c->skip[i - 1] |= DICT_SKIP_TIME;
    }
  /* so is an amount: "gave the Ivory Coast [5.1 million dollars] of aid",
   * "provided [$50 mln] in aid" */
  static const char *const AMOUNT[] = {
      "million", "millions", "billion", "billions", "trillion", "thousand", "mln", "bln",
      "dollars", "dollar", "dlrs", "dlr", "euros", "euro", "pounds", "stg", "sterling", "yen",
      "francs", "marks", "rupees", "roubles", "rubles", NULL};
  for (uint32_t i = 0; i < c->td->ntok; i++) {
    if (!(c->td->tok[i].flags & TOK_NUM)) continue;
    if (i > 0 && is(c, i - 1, (const char *const[]){"$", "£", "€", "US$", NULL}))
      c->skip[i] |= DICT_SKIP_FREE;
    for (uint32_t j = i + 1; j < c->td->ntok && j <= i + 2 && is(c, j, AMOUNT); j++)
      c->skip[j] |= DICT_SKIP_FREE;
  }
  /* a name is one step of a "..." gap, however many words it has */
  for (size_t k = 0; k < c->al->n; k++)
    for (uint32_t i = c->al->m[k].tok + 1; i < c->al->m[k].tok + c->al->m[k].ntok; i++)
      c->skip[i] |= DICT_SKIP_FREE;
  return ERR_OK;
}

/* The lists each class bit stands for (CL_* order). */
static const char *const *const CLASS_LIST[CL_N] = {
    BE,      HYPOTHETICAL, FUTURE,     NEGATION,  REFUSAL, FAIL,          INTENT,   THREAT,
    SPEECH,  PREP,         CLAUSE_WORD, RELATIVE, PLACE_PREP, TIME_WORDS, DET,      POSS,
    DEMONSTRATIVE, QUANTITY, REPORT_GAP, SAY,     AUX,     MONTHS};

static int build_classes(coder_lexicon *lex) {
  size_t n = 0;
  for (int k = 0; k < CL_N; k++)
    for (const char *const *w = CLASS_LIST[k]; *w; w++) n++;
  lex->ccap = 64;
  while (lex->ccap < n * 2) lex->ccap *= 2;
  if (!(lex->cls = calloc(lex->ccap, sizeof *lex->cls))) return ERR_NOMEM;
  for (int k = 0; k < CL_N; k++)
    for (const char *const *w = CLASS_LIST[k]; *w; w++) {
      size_t len = strlen(*w);
      size_t x = word_hash(*w, len) & (lex->ccap - 1);
      while (lex->cls[x].w && strcmp(lex->cls[x].w, *w)) x = (x + 1) & (lex->ccap - 1);
      lex->cls[x].w = *w;
      lex->cls[x].mask |= 1ull << k;
    }
  return ERR_OK;
}

int coder_run(const coder *cd, arena *a, const text_doc *td, const actor_list *actors,
              unsigned flags, coder_list *out) {
  memset(out, 0, sizeof *out);
  ctx *c = arena_calloc(a, 1, sizeof *c);
  if (!c) return ERR_NOMEM;
  c->c = cd;
  c->a = a;
  c->td = td;
  c->al = actors;
  c->flags = flags;
  if (index_mentions(c)) return ERR_NOMEM;
  for (uint32_t s = 0; s < td->nsent && !c->oom; s++) sentence(c, &td->sent[s]);
  if (c->oom) return ERR_NOMEM;
  out->e = c->e;
  out->n = c->n;
  out->explain = c->ex;
  out->nexplain = c->nex;
  return ERR_OK;
}
