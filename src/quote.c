#include "quote.h"

#include <string.h>

#include "err.h"
#include "utf8.h"

#define NONE UINT32_MAX
#define QUOTE_WINDOW 40 /* tokens a speaker search walks, so a long sentence stays linear */
#define QUOTE_AFTER 14  /* tokens after a closing mark in which "X said" must come */
#define QUOTE_NP_MAX 12 /* tokens of a phrase naming a speaker */
#define QUOTE_LEAD 6    /* "He added that": the clause opening the next sentence */
#define QUOTE_OPEN_SENTS 4 /* sentences an unclosed quote may run before it is cut */

/* One quote while it is found and attributed; tokens, not bytes. */
typedef struct qr {
  uint32_t open, first, last, close; /* marks, and the quoted tokens [first, last] */
  uint32_t s0, s1;                   /* sentences of the first and last quoted token */
  int cont;                          /* ended without a mark; the next quote continues it */
  int mark2;                         /* opened by two tokens (‘‘): open is the second */
  int initial;                       /* stands alone: no prose before it in its sentence */
  int found, spk;                    /* speaker known; mention index or -1 */
  uint32_t who_s, who_e;             /* bytes naming the speaker */
} qr;

typedef struct qctx {
  arena *a;
  const text_doc *td;
  const actor_list *al;
  uint32_t *sent_of; /* token -> sentence (a dateline's tokens: the sentence after) */
  int32_t *men_of;   /* token -> the actor mention covering it, or -1 */
  uint8_t *inq;      /* token is a quote mark or quoted */
  qr *q;
  size_t n, cap;
  int oom;
} qctx;

/* An attribution: speaker mention (or -1) and the bytes that name it. */
typedef struct attr {
  int ok, spk;
  uint32_t s, e; /* bytes */
  uint32_t tok;  /* first token of the naming phrase */
} attr;

/* ---- word lists -------------------------------------------------------- */

/* Each list is lower case and sorted by strcmp: tok_is searches the longer
 * ones by halves, since the speaker searches test most tokens of a window
 * against several lists. quote_check_tables() checks the order. */

/* Speech verbs, finite: "X said", "said X", "X told reporters". Some are
 * nouns too (remarks, claims, calls); speech_verb() rejects them after a
 * determiner. "called", "described", "branded" govern scare quotes
 * ("which one official described as a “volcano”"). */
static const char *const VERBS[] = {
    "acknowledged", "add", "added", "adds", "admit", "admits", "admitted", "allege", "alleged",
    "alleges", "announced", "announces", "argue", "argued", "argues", "asked", "asks", "believed",
    "believes", "boasted", "branded", "called", "calls", "cautioned", "chanted", "claimed",
    "claims", "commented", "complain", "complained", "complains", "concede", "conceded", "concedes",
    "concluded", "confirmed", "confirms", "countered", "cried", "declare", "declared", "declares",
    "demanded", "denied", "denies", "deny", "describe", "described", "describes", "dubbed",
    "emphasised", "emphasized", "exclaimed", "explain", "explained", "explains", "fears", "hopes",
    "insist", "insisted", "insists", "joked", "labeled", "labelled", "lamented", "maintain",
    "maintained", "maintains", "mused", "noted", "notes", "observed", "pleaded", "pledge",
    "pledged", "posted", "predict", "predicted", "predicts", "promised", "quipped", "recalled",
    "recalls", "reiterated", "remarked", "replied", "replies", "responded", "responds", "retorted",
    "revealed", "reveals", "said", "say", "says", "screamed", "shouted", "stated", "states",
    "stressed", "stresses", "suggested", "suggests", "tell", "tells", "termed", "testified",
    "thinks", "thundered", "told", "tweeted", "tweets", "urge", "urged", "urges", "vow", "vowed",
    "vows", "warn", "warned", "warns", "whispered", "wondered", "write", "writes", "wrote",
    "yelled", NULL};
/* Verbs that follow a quote but before one mean something else ("the UN
 * continues to reaffirm ..., “which ...”"): "...," he continued. */
static const char *const AFTER_VERBS[] = {"continued", "continues", "went", NULL};
/* Verbs that may come before their subject after a quote: "...," said Kim. */
static const char *const INVERTED[] = {
    "added", "adds", "admits", "admitted", "announced", "argued", "argues", "asked", "asks",
    "cautioned", "chanted", "claimed", "conceded", "concedes", "concluded", "confirmed",
    "continued", "countered", "cried", "declared", "demanded", "exclaimed", "explained", "insisted",
    "insists", "joked", "lamented", "noted", "notes", "observed", "pleaded", "quipped", "recalled",
    "remarked", "replied", "responded", "retorted", "revealed", "reveals", "said", "says",
    "screamed", "shouted", "stated", "stressed", "suggested", "tweeted", "warned", "warns",
    "wondered", "writes", "wrote", "yelled", NULL};
/* Participles whose subject is the main clause's: "..., adding: “...”". */
static const char *const PARTICIPLES[] = {
    "accusing", "adding", "arguing", "asking", "branding", "calling", "claiming", "condemning",
    "declaring", "denouncing", "describing", "dismissing", "dubbing", "explaining", "hailing",
    "insisting", "labeling", "labelling", "noting", "praising", "promising", "saying", "stating",
    "stressing", "telling", "urging", "vowing", "warning", "writing", NULL};
/* Nouns that carry speech after a possessive: "Kim's statement: “...”". */
static const char *const SPEECH_NOUNS[] = {
    "account", "address", "announcement", "claim", "claims", "comments", "description", "interview",
    "letter", "message", "post", "remarks", "speech", "statement", "statements", "testimony",
    "tweet", "verdict", "view", "warning", "words", NULL};
/* Between a subject and its speech verb: "Kim also said", "he has told". */
static const char *const ADVERBS[] = {
    "again", "already", "also", "angrily", "bluntly", "can", "could", "did", "do", "does",
    "earlier", "even", "finally", "first", "flatly", "further", "had", "has", "have", "herself",
    "himself", "itself", "just", "largely", "later", "may", "might", "must", "never", "not", "now",
    "often", "once", "only", "previously", "privately", "publicly", "recently", "repeatedly",
    "reportedly", "separately", "should", "simply", "still", "subsequently", "themselves", "then",
    "today", "tonight", "will", "would", "yesterday", NULL};
/* A passive speech verb names the hearer, not the speaker: "Kim was told". */
static const char *const BE[] = {"are", "be", "been", "being", "is", "was", "were", NULL};
/* Words that end a phrase naming a speaker, read from its verb outwards. */
static const char *const NP_STOP[] = {
    "after", "also", "although", "and", "are", "as", "be", "because", "been", "before", "being",
    "but", "can", "could", "did", "do", "does", "had", "has", "have", "here", "how", "if", "is",
    "it's", "may", "might", "must", "nor", "not", "or", "should", "since", "so", "than", "that",
    "there", "though", "to", "unless", "until", "was", "were", "what", "when", "where", "whether",
    "which", "while", "who", "whom", "whose", "why", "will", "would", NULL};
/* Words a speech verb used as a noun follows: "the calls", "his remarks". */
static const char *const DETERMINERS[] = {
    "a", "an", "any", "at", "by", "for", "from", "her", "his", "in", "its", "many", "my", "no",
    "of", "on", "our", "some", "such", "that", "the", "their", "these", "this", "those", "to",
    "with", "your", NULL};
/* Prepositions inside a phrase: "a spokesman for the ministry". */
static const char *const PREPS[] = {"at", "by", "for", "from", "in", "of", "on", "with", NULL};
/* What ends the head of a phrase: "the envoy | to Iraq", "an official | who". */
static const char *const HEAD_END[] = {
    "at", "by", "close", "familiar", "for", "from", "in", "of", "on", "that", "to", "which", "who",
    "with", NULL};
/* Heads that an actor before them only describes: "a Syria expert" is no Syrian. */
static const char *const EXPERTS[] = {
    "academic", "analyst", "analysts", "author", "commentator", "correspondent", "editor", "expert",
    "experts", "historian", "journalist", "observer", "observers", "professor", "reporter",
    "researcher", "researchers", "scholar", "scholars", "specialist", "specialists", "watcher",
    "watchers", "writer", NULL};
/* Heads that speak for what follows them: "the head of US Central Command". */
static const char *const LEADERS[] = {
    "adviser", "advisor", "ambassador", "boss", "chair", "chairman", "chairwoman", "chief",
    "commander", "deputy", "director", "employee", "envoy", "executive", "founder", "general",
    "governor", "head", "leader", "mayor", "member", "members", "minister", "officer", "official",
    "officials", "president", "representative", "representatives", "secretary", "source", "sources",
    "spokesman", "spokesperson", "spokeswoman", "staff", NULL};
/* Prepositions a phrase after its verb may contain: "said a spokesman for the ministry". */
static const char *const PREPS_AFTER[] = {"by", "for", "from", "of", NULL};
/* After an actor, these do not start its verb (scare quotes). */
static const char *const NOT_VERB[] = {
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "her", "his",
    "in", "is", "its", "of", "on", "or", "that", "the", "their", "to", "was", "were", "which",
    "who", "whose", "with", NULL};
/* Verbs that do not end in -ed, for scare quotes: "Kim took the “decisive” step". */
static const char *const IRREGULAR[] = {
    "accuses", "became", "began", "bought", "brands", "brought", "built", "calls", "can", "chose",
    "claims", "condemns", "could", "denounces", "describes", "did", "dismisses", "does", "drew",
    "dubs", "fell", "felt", "found", "gave", "got", "grew", "had", "hails", "has", "have", "heard",
    "held", "hit", "insists", "kept", "knew", "labels", "led", "left", "lost", "made", "may",
    "meant", "met", "might", "must", "paid", "praises", "promises", "put", "ran", "rejects", "rose",
    "said", "saw", "says", "sees", "sent", "set", "should", "slams", "sold", "sought", "spoke",
    "stood", "struck", "swore", "taught", "thought", "threw", "told", "took", "understood", "vows",
    "wants", "warns", "welcomes", "will", "won", "would", "wrote", NULL};
static const char *const WHO[] = {"that", "which", "who", NULL};
/* Time words: "said last week", never a speaker. */
static const char *const TIME[] = {
    "afternoon", "earlier", "evening", "friday", "last", "later", "monday", "month", "morning",
    "next", "night", "recently", "saturday", "sunday", "thursday", "today", "tonight", "tuesday",
    "wednesday", "week", "weekend", "year", "yesterday", NULL};
/* Words that may follow the phrase of an inverted speaker: "said Kim on Tuesday". */
static const char *const CLAUSE_END[] = {
    "adding", "after", "again", "also", "and", "as", "at", "before", "but", "during", "earlier",
    "following", "friday", "in", "inside", "last", "later", "monday", "now", "on", "outside",
    "saturday", "sunday", "then", "this", "through", "thursday", "today", "tonight", "tuesday",
    "via", "wednesday", "when", "which", "while", "who", "with", "yesterday", NULL};
/* Verbs that report someone else's words: "Politics Home reports her saying". */
static const char *const REPORTING[] = {
    "cited", "cites", "heard", "quoted", "quotes", "quoting", "reported", "reports", "with", NULL};
/* ... and of them, those that end a phrase naming a speaker ("The agency quoted
 * | Mr Khodorkovsky as saying"), unless passive ("one analyst quoted by AFP"). */
static const char *const REPORT_VERBS[] = {"cited", "heard", "quoted", "quoting", "reported", NULL};
static const char *const ARTICLES[] = {"a", "an", "the", NULL};
static const char *const PRONOUNS[] = {"he", "i", "it", "one", "she", "they", "we", "you", NULL};
static const char *const OBJECTS[] = {"her", "him", "me", "them", "us", NULL};
static const char *const POSSESSIVES[] = {"her", "his", "its", "my", "our", "their", NULL};
static const char *const CONJUNCTIONS[] = {
    "after", "although", "and", "as", "because", "before", "but", "if", "once", "since", "so",
    "that", "though", "until", "when", "where", "whereas", "which", "while", "who", NULL};

/* ---- token helpers ----------------------------------------------------- */

/* word_cmp compares the token z[0..n), ASCII folded to lower case, with the
 * word w, as strcmp would compare the folded token with w. */
static int word_cmp(const char *z, size_t n, const char *w) {
  for (size_t j = 0; j < n; j++) {
    unsigned char a = (unsigned char)z[j], b = (unsigned char)w[j];
    if (a >= 'A' && a <= 'Z') a += 32;
    if (!b) return 1; /* w is a prefix of the token */
    if (a != b) return a - b;
  }
  return -(int)(unsigned char)w[n];
}

/* tok_in: is token i, case aside, one of the n words (a list above, sorted,
 * or a short one written in place, in any order)? */
static int tok_in(const qctx *c, uint32_t i, const char *const *words, size_t n) {
  const text_token *t = &c->td->tok[i];
  size_t len = t->end - t->start;
  const char *z = c->td->z + t->start;
  if (len > 16) return 0;
  if (n <= 8) {
    for (size_t k = 0; k < n; k++)
      if (!word_cmp(z, len, words[k])) return 1;
    return 0;
  }
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int r = word_cmp(z, len, words[mid]);
    if (!r) return 1;
    if (r < 0) hi = mid;
    else lo = mid + 1;
  }
  return 0;
}

/* tok_is: is token i one of the words of an array that ends in NULL (a list
 * above or a compound literal, hence the variadic form)? */
#define tok_is(c, i, ...) \
  tok_in((c), (i), (__VA_ARGS__), sizeof(__VA_ARGS__) / sizeof *(__VA_ARGS__) - 1)

static int tok_ch(const qctx *c, uint32_t i, char ch) {
  const text_token *t = &c->td->tok[i];
  return t->end - t->start == 1 && c->td->z[t->start] == ch;
}

static uint32_t sent_end(const qctx *c, uint32_t s) {
  return c->td->sent[s].tok + c->td->sent[s].ntok;
}

/* lowerish: a word that may be a verb by its case ("States" in "United States"
 * is not; in ALL-CAPS text case says nothing). */
static int lowerish(const qctx *c, uint32_t i) {
  uint32_t f = c->td->tok[i].flags;
  return (f & TOK_WORD) && !(f & TOK_CLITIC) && (!(f & TOK_CAP) || c->td->casing == TEXT_UPPER);
}

/* ed: a lower-case word ending in -ed ("praised", "retired"). */
static int ed(const qctx *c, uint32_t i) {
  const text_token *t = &c->td->tok[i];
  return lowerish(c, i) && t->end - t->start > 3 && !memcmp(c->td->z + t->end - 2, "ed", 2) &&
         !memchr(c->td->z + t->start, '-', t->end - t->start); /* "so-called", "US-led" */
}

/* ing: a lower-case word ending in -ing ("now living in Syria"). */
static int ing(const qctx *c, uint32_t i) {
  const text_token *t = &c->td->tok[i];
  return lowerish(c, i) && t->end - t->start > 4 && !memcmp(c->td->z + t->end - 3, "ing", 3);
}

/* ly: a lower-case -ly word, most often an adverb ("directly"). */
static int ly(const qctx *c, uint32_t i) {
  const text_token *t = &c->td->tok[i];
  return lowerish(c, i) && t->end - t->start > 4 && !memcmp(c->td->z + t->end - 2, "ly", 2);
}

static int speech_verb(const qctx *c, uint32_t i, uint32_t lo) {
  if (!lowerish(c, i) || !tok_is(c, i, VERBS)) return 0;
  if (i > lo && (tok_is(c, i - 1, BE) || tok_is(c, i - 1, DETERMINERS) ||
                 (c->td->tok[i - 1].flags & TOK_CLITIC)))
    return 0; /* "Kim was told", "the calls", "Trump's call" */
  return 1;
}

static int according_to(const qctx *c, uint32_t i, uint32_t hi) {
  return i + 1 < hi && tok_is(c, i, (const char *const[]){"according", NULL}) &&
         tok_is(c, i + 1, (const char *const[]){"to", NULL});
}

/* speech_noun: "statement" after a possessive ("Kim's statement"). */
static int speech_noun(const qctx *c, uint32_t i, uint32_t lo) {
  return i > lo + 1 && (c->td->tok[i - 1].flags & TOK_CLITIC) && tok_is(c, i, SPEECH_NOUNS);
}

/* np_tok: a token that may be part of a phrase naming a speaker. */
static int np_tok(const qctx *c, uint32_t i) {
  uint32_t f = c->td->tok[i].flags;
  if (c->inq[i]) return 0;
  if (f & TOK_CLITIC) return 1;
  if ((f & TOK_DASH) && !(f & TOK_SPACE) && i + 1 < c->td->ntok &&
      !(c->td->tok[i + 1].flags & TOK_SPACE))
    return 1; /* "the Baghdad–Washington talks" */
  if (!(f & (TOK_WORD | TOK_NUM))) return 0;
  if (tok_is(c, i, REPORT_VERBS))
    return i + 1 < c->td->ntok && tok_is(c, i + 1, (const char *const[]){"by", NULL});
  return !tok_is(c, i, NP_STOP) && !tok_is(c, i, VERBS);
}

/* ---- speakers from phrases ---------------------------------------------- */

/* surname: a place that is part of a person's name the dictionary lacks:
 * "ombudsman Elizabeth France", "commander Adnan Afrin" (after a first name
 * actor_find took for a person), "Shiraz Maher" (before a surname). */
static int surname(const qctx *c, const actor_mention *m, uint32_t lo) {
  uint32_t k = m->tok;
  /* a name actor_find kept from a place inside it ("Elizabeth France", "Air
   * Canada"): no known actor */
  if (!strcmp(m->code, "---")) return 1;
  if ((m->flags & (ACTOR_PERSON | ACTOR_ALIAS | ACTOR_PRONOUN | ACTOR_AGENT)) || m->agent ||
      !(m->flags & ACTOR_STATE) || m->ntok != 1 || c->td->casing != TEXT_MIXED)
    return 0;
  if (k > lo + 1) {
    uint32_t f = c->td->tok[k - 1].flags;
    int mi = c->men_of[k - 1];
    if ((f & TOK_WORD) && (f & TOK_CAP) && !(f & TOK_ABBR) && !tok_is(c, k - 1, DETERMINERS) &&
        (mi < 0 || (c->al->m[mi].flags & ACTOR_PERSON)))
      return 1;
  }
  if (k + 1 < c->td->ntok && !c->inq[k + 1]) {
    uint32_t f = c->td->tok[k + 1].flags;
    if ((f & TOK_WORD) && (f & TOK_CAP) && !(f & TOK_ABBR) && c->men_of[k + 1] < 0 &&
        !(f & TOK_NL) && !tok_is(c, k + 1, DETERMINERS) && !tok_is(c, k + 1, PRONOUNS))
      return 1;
  }
  return 0;
}

/* head_of: the head of the phrase [s, e), the word before its first
 * preposition or relative ("the envoy | to Iraq", "an official | who"). */
static uint32_t head_of(const qctx *c, uint32_t s, uint32_t e) {
  uint32_t p = s;
  while (p < e && !(p > s && tok_is(c, p, HEAD_END))) p++;
  return p - 1;
}

/* speaker_in picks the mention naming the head of the phrase [s, e): the last
 * mention up to the head ("the Russian envoy to Iraq", "one European
 * intelligence source"), unless the head is an expert the mention only
 * describes ("a Syria expert"); for a head that speaks for something ("the head
 * of US Central Command"), the first mention after it. -1 when none. */
static int speaker_in(const qctx *c, uint32_t s, uint32_t e) {
  uint32_t head = head_of(c, s, e), p = head + 1;
  for (uint32_t k = p; k-- > s;) {
    int mi = c->men_of[k];
    if (mi < 0 || surname(c, &c->al->m[mi], s)) continue;
    if (c->al->m[mi].tok + c->al->m[mi].ntok > head || !tok_is(c, head, EXPERTS)) return mi;
    return -1;
  }
  if (!tok_is(c, head, LEADERS) && !tok_is(c, head, SPEECH_NOUNS)) return -1;
  for (uint32_t k = p; k < e; k++)
    if (c->men_of[k] >= 0) return c->men_of[k];
  return -1;
}

static attr attr_mention(const qctx *c, int mi) {
  const actor_mention *m = &c->al->m[mi];
  return (attr){1, mi, m->start, m->end, m->tok};
}

/* plural_noun: a word between an actor and its verb: "Islamic State fighters have". */
static int plural_noun(const qctx *c, uint32_t i) {
  const text_token *t = &c->td->tok[i];
  return lowerish(c, i) && t->end - t->start > 3 && c->td->z[t->end - 1] == 's' &&
         !tok_is(c, i, NOT_VERB) && !tok_is(c, i, VERBS);
}

/* name_like: a phrase with no actor in it names someone when it has a
 * capitalised word, an article or number first ("a senior official", "one
 * envoy"), a pronoun, or a head that is a person's post or a plural; "press"
 * in "so that it can press claims" does not. */
static int name_like(const qctx *c, uint32_t s, uint32_t e) {
  uint32_t h = head_of(c, s, e);
  if (c->td->casing != TEXT_MIXED) return 1;
  if (tok_is(c, s, DETERMINERS) || (c->td->tok[s].flags & TOK_NUM) ||
      tok_is(c, s, (const char *const[]){"one", "another", "two", "three", "several", NULL}))
    return 1;
  for (uint32_t k = s; k < e; k++)
    if (c->td->tok[k].flags & TOK_CAP) return 1;
  return tok_is(c, h, PRONOUNS) || tok_is(c, h, LEADERS) || tok_is(c, h, EXPERTS) ||
         plural_noun(c, h);
}

/* is_name: [s, e) is one to four capitalised words no actor covers. */
static int is_name(const qctx *c, uint32_t s, uint32_t e) {
  if (e <= s || e - s > 4 || c->td->casing != TEXT_MIXED) return 0;
  for (uint32_t k = s; k < e; k++) {
    uint32_t f = c->td->tok[k].flags;
    if (!(f & TOK_WORD) || !(f & TOK_CAP) || c->men_of[k] >= 0 || tok_is(c, k, DETERMINERS))
      return 0;
  }
  return 1;
}

/* apposition: does [s, e) describe the person before it ("a Russian diplomat",
 * "of Human Rights Watch", "who is a student")? Not "from London" (where he
 * is from) nor "who has visited Syria" (what he did). */
static int apposition(const qctx *c, uint32_t s, uint32_t e) {
  if (tok_is(c, s, (const char *const[]){"from", "in", "at", "near", NULL})) return 0;
  if (tok_is(c, s, WHO)) return s + 1 < e && tok_is(c, s + 1, BE);
  return 1;
}

/* attr_np: the speaker named by tokens [s, e); alt is a second phrase for the
 * same person (an apposition: "John Smith, a Russian diplomat, said"), used for
 * the speaker when the first names none. */
static attr attr_np(const qctx *c, uint32_t s, uint32_t e, uint32_t alt_s, uint32_t alt_e) {
  int mi = speaker_in(c, s, e);
  attr r = {1, mi, c->td->tok[s].start, c->td->tok[e - 1].end, s};
  /* the mention names the speaker, or only qualifies the phrase that does
   * ("British actor Clive Owen", "Lavrov's deputy"): then that phrase is who */
  if (mi >= 0 && c->al->m[mi].tok + c->al->m[mi].ntok > head_of(c, s, e))
    return attr_mention(c, mi);
  if (mi >= 0) return r;
  if (!name_like(c, s, e)) return (attr){0, -1, 0, 0, 0};
  if (alt_s < alt_e && apposition(c, alt_s, alt_e)) r.spk = speaker_in(c, alt_s, alt_e);
  return r;
}

/* np_back finds the phrase ending before token e, not before lo: its start,
 * or e when there is none. Leading prepositions are dropped ("On Tuesday Kim"
 * keeps "Tuesday Kim"; speaker_in then picks Kim). */
static uint32_t np_back(const qctx *c, uint32_t e, uint32_t lo) {
  uint32_t s = e;
  if (e <= lo) return e;
  /* a pronoun is a phrase of its own; "her" here is "reports her saying" */
  if (tok_is(c, e - 1, PRONOUNS) || tok_is(c, e - 1, OBJECTS)) return e - 1;
  while (s > lo && e - s < QUOTE_NP_MAX && np_tok(c, s - 1)) {
    /* "was echoed by the lawyer Philippe Sands": the passive's agent */
    if (s < e && ed(c, s - 1) && s - 1 > lo && tok_is(c, s - 2, BE)) break;
    if (tok_is(c, s - 1, PRONOUNS)) break;
    s--;
    /* an article opens the phrase ("to US regulators | the airline warned")
     * unless a preposition joins it to more ("the head of | the ministry") */
    if (tok_is(c, s, ARTICLES) && !(s > lo && tok_is(c, s - 1, PREPS))) break;
  }
  if (s > lo && e - s == QUOTE_NP_MAX && np_tok(c, s - 1)) return e; /* a clause, not a name */
  while (s < e && (tok_is(c, s, PREPS) || (c->td->tok[s].flags & TOK_CLITIC))) s++;
  return s < e && ing(c, s) ? e : s; /* "fleeing the pocket" is a clause */
}

/* np_forward finds the phrase starting at token b, before hi: its end. */
static uint32_t np_forward(const qctx *c, uint32_t b, uint32_t hi) {
  uint32_t e = b;
  while (e < hi && e - b < QUOTE_NP_MAX && np_tok(c, e) &&
         (!tok_is(c, e, PREPS) || tok_is(c, e, PREPS_AFTER)) && !tok_is(c, e, ADVERBS) &&
         !tok_is(c, e, TIME) && !(e > b + 1 && ing(c, e)))
    e++;
  while (e > b && (tok_is(c, e - 1, DETERMINERS))) e--;
  return e;
}

static int is_comma(const qctx *c, uint32_t i) { return tok_ch(c, i, ','); }

/* named_subject: the mention ending right before token e is the subject when
 * it is a name ("... Trump said", "he said"), not the end of a phrase whose
 * head comes earlier ("the commander of those forces says"). -1 otherwise. */
static int named_subject(const qctx *c, uint32_t e, uint32_t lo) {
  int mi = c->men_of[e - 1];
  if (mi < 0 || tok_is(c, e - 1, POSSESSIVES)) return -1;
  const actor_mention *m = &c->al->m[mi];
  if (!(m->flags & (ACTOR_PERSON | ACTOR_ALIAS | ACTOR_PRONOUN)) &&
      !(c->td->tok[m->tok].flags & TOK_CAP))
    return -1;
  uint32_t k = m->tok;
  if (surname(c, m, lo)) return -1;
  while (k > lo && tok_is(c, k - 1, DETERMINERS) && !tok_is(c, k - 1, PREPS)) k--;
  return k > lo && tok_is(c, k - 1, PREPS) ? -1 : mi;
}

/* apposed: the subject before the comma at k that ends an apposition or a
 * relative clause: "Smith, a Russian diplomat, said", "The US secretary of
 * state, Mike Pompeo, said" (the name wins), "an official, who asked not to be
 * named, said". */
static attr apposed(const qctx *c, uint32_t k, uint32_t lo) {
  attr none = {0, -1, 0, 0, 0};
  uint32_t p = k; /* the apposition [p, k); commas inside quotes do not count */
  while (p > lo && k - p < QUOTE_WINDOW && !(is_comma(c, p - 1) && !c->inq[p - 1])) p--;
  if (p > lo && is_comma(c, p - 1)) {
    uint32_t q = p - 1, s1 = np_back(c, q, lo);
    /* "Letts, 23, who ..., told": an age names nobody; the name is before it */
    if (s1 + 1 == q && (c->td->tok[s1].flags & TOK_NUM) && s1 > lo && is_comma(c, s1 - 1)) {
      q = s1 - 1;
      s1 = np_back(c, q, lo);
    }
    if (s1 < q) {
      int mi = k > p ? c->men_of[k - 1] : -1;
      if (mi >= 0 && (c->al->m[mi].flags & ACTOR_PERSON) && c->al->m[mi].tok >= p)
        return attr_mention(c, mi);
      if (is_name(c, p, k) && !is_name(c, s1, q)) { /* "Lavrov's deputy, Mikhail Bogdanov, said" */
        attr r = attr_np(c, s1, q, 0, 0);
        return (attr){1, r.spk, c->td->tok[p].start, c->td->tok[k - 1].end, p};
      }
      return attr_np(c, s1, q, p, k);
    }
  }
  uint32_t s2 = np_back(c, k, p);
  return s2 == p && s2 < k ? attr_np(c, s2, k, 0, 0) : none;
}

/* skip_back steps back from the verb at v over what may stand between it and
 * its subject: adverbs and auxiliaries ("also has"), time ("on Thursday"), a
 * parenthesis ("the council of churches (NCCI) said"). */
static uint32_t skip_back(const qctx *c, uint32_t v, uint32_t lo) {
  uint32_t e = v;
  for (int moved = 1; moved && e > lo;) {
    moved = 0;
    while (e > lo && (tok_is(c, e - 1, ADVERBS) || ly(c, e - 1))) e--, moved = 1;
    if (e > lo && tok_is(c, e - 1, TIME)) {
      e--, moved = 1;
      if (e > lo && tok_is(c, e - 1, (const char *const[]){"on", "in", "at", "last", "this", NULL}))
        e--;
    }
    if (e > lo + 1 && tok_ch(c, e - 1, ')')) {
      uint32_t k = e - 1;
      while (k > lo && v - k < QUOTE_WINDOW && !tok_ch(c, k, '(') && !c->inq[k]) k--;
      if (tok_ch(c, k, '(')) e = k, moved = 1;
    }
  }
  return e;
}

/* subject_before finds the subject of the speech verb at v, not before lo:
 * "Kim said", "the ministry also said", "one former senior US official
 * described", or an apposition. */
static attr subject_before(const qctx *c, uint32_t v, uint32_t lo) {
  attr none = {0, -1, 0, 0, 0};
  uint32_t e = skip_back(c, v, lo);
  if (e <= lo) return none;
  if (is_comma(c, e - 1)) return apposed(c, e - 1, lo);
  if (tok_is(c, e - 1, DETERMINERS) && !tok_is(c, e - 1, (const char *const[]){"her", NULL}))
    return none;
  int mi = named_subject(c, e, lo);
  if (mi >= 0) return attr_mention(c, mi);
  uint32_t s = np_back(c, e, lo);
  if (s == e) return none;
  if (s > lo && tok_is(c, s - 1, (const char *const[]){"who", NULL})) {
    uint32_t w = s - 1; /* "the rebel who trained in Turkey said": the rebel */
    if (w > lo && is_comma(c, w - 1)) w--;
    uint32_t a = np_back(c, w, lo);
    if (a < w) return attr_np(c, a, w, 0, 0);
  }
  return attr_np(c, s, e, 0, 0);
}

/* subject_after: the phrase after an inverted verb ("said Kim, the leader")
 * or "according to", when it ends the clause: "said the issue was" is no
 * inversion but a verb and its object clause. */
static attr subject_after(const qctx *c, uint32_t b, uint32_t hi, int open) {
  attr none = {0, -1, 0, 0, 0};
  uint32_t e = np_forward(c, b, hi);
  if (e == b || (open && e == hi)) return none; /* "said the plan “...”" ends at the quote */
  if (e < hi && !(c->td->tok[e].flags & TOK_PUNCT) && !tok_is(c, e, CLAUSE_END) &&
      !ly(c, e) && !ing(c, e))
    return none;
  return attr_np(c, b, e, 0, 0);
}

/* possessor: "Kim's statement" at the noun n: the phrase before the 's. */
static attr possessor(const qctx *c, uint32_t n, uint32_t lo) {
  attr none = {0, -1, 0, 0, 0};
  uint32_t s = np_back(c, n - 1, lo);
  return s < n - 1 ? attr_np(c, s, n - 1, 0, 0) : none;
}

/* verb_like: without a tagger, a finite verb is an -ed word or a known one. */
static int verb_like(const qctx *c, uint32_t i) {
  if (!lowerish(c, i) || tok_is(c, i, NOT_VERB)) return 0;
  return ed(c, i) || tok_is(c, i, IRREGULAR) || tok_is(c, i, VERBS);
}

/* s_verb: after a singular actor, a lower-case -s word is its verb ("Assad
 * sits", "Unicef estimates"); after "troops" it would be a noun. */
static int s_verb(const qctx *c, uint32_t i, const actor_mention *m) {
  const text_token *t = &c->td->tok[i];
  const char *z = c->td->z + t->end;
  if ((m->flags & ACTOR_PLURAL) || !lowerish(c, i) || t->end - t->start < 4) return 0;
  return z[-1] == 's' && z[-2] != 's' && z[-2] != 'u' && !tok_is(c, i, NOT_VERB);
}

/* adverb: "Trump directly addressed", "the US even dropped". */
static int adverb(const qctx *c, uint32_t i) {
  return lowerish(c, i) && (tok_is(c, i, ADVERBS) || ly(c, i));
}

/* clause_start: token i begins a clause (after skipping an article): the
 * sentence start, a comma or semicolon, or a conjunction before it. */
static int clause_start(const qctx *c, uint32_t i, uint32_t lo) {
  if (i > lo && tok_is(c, i - 1, (const char *const[]){"the", "a", "an", NULL})) i--;
  if (i <= lo) return 1;
  const text_token *t = &c->td->tok[i - 1];
  if ((t->flags & TOK_PUNCT) && !(t->flags & TOK_QUOTE)) return 1;
  return tok_is(c, i - 1, CONJUNCTIONS);
}

/* scare_at: is the mention ending at token k the subject of a verb before e?
 * It must start a clause and a verb must follow it ("Kim praised"), not a noun
 * ("The Chechen human rights advocate"). Returns the mention or -1. */
static int scare_at(const qctx *c, uint32_t k, uint32_t e, uint32_t lo) {
  int mi = c->men_of[k];
  if (mi < 0 || k + 1 >= e || c->men_of[k + 1] == mi || c->inq[k + 1]) return -1;
  const actor_mention *m = &c->al->m[mi];
  if (m->ntok == 1 && tok_is(c, m->tok, POSSESSIVES)) return -1;
  if (!clause_start(c, m->tok, lo)) return -1;
  /* the verb may follow the rest of the subject: "Islamic State fighters have" */
  uint32_t v = k + 1;
  while (v < e && v < k + 3 && (plural_noun(c, v) || adverb(c, v)) && !verb_like(c, v)) v++;
  int progressive = v + 1 < e && tok_is(c, v, BE) && ing(c, v + 1); /* "Blair is urging" */
  if (v >= e || !(verb_like(c, v) || progressive || (v == k + 1 && s_verb(c, v, m)))) return -1;
  /* "Women have been dubbed “Isis brides”": the subject names nobody's words */
  if (v + 2 < e && tok_is(c, v + 1, (const char *const[]){"been", NULL}) && ed(c, v + 2))
    return -1;
  return mi;
}

/* lead_subject: a sentence that opens with a phrase and its verb names its
 * subject even when no actor is in it ("A senior Tory MP has criticised
 * Defra's “lackadaisical” approach"). */
static attr lead_subject(const qctx *c, uint32_t e, uint32_t lo) {
  attr none = {0, -1, 0, 0, 0};
  uint32_t v = lo, np_end;
  while (v < e && v < lo + QUOTE_NP_MAX && np_tok(c, v) && !verb_like(c, v)) v++;
  np_end = v;
  if (v > lo && v < e && is_comma(c, v)) { /* "Mac Thornberry, the Republican chair ..., said" */
    uint32_t k = v + 1;
    while (k < e && k < v + QUOTE_WINDOW && !is_comma(c, k) && !c->inq[k]) k++;
    if (k < e && is_comma(c, k)) v = k + 1;
    while (v < e && adverb(c, v)) v++;
  }
  if (v == lo || v >= e || !verb_like(c, v) || c->inq[v]) return none;
  if (v + 2 < e && tok_is(c, v + 1, (const char *const[]){"been", NULL}) && ed(c, v + 2))
    return none;
  /* the head must name someone: a name ("The coroner David Horsley") or a
   * person's post ("A senior Tory MP"), not "The small town" or "We" */
  uint32_t h = np_end - 1, f = c->td->tok[h].flags;
  if (tok_is(c, h, DETERMINERS) || tok_is(c, h, NP_STOP)) return none;
  int named = (f & TOK_CAP) && c->td->casing == TEXT_MIXED && !tok_is(c, h, PRONOUNS);
  if (!named && !tok_is(c, h, LEADERS) && !tok_is(c, h, EXPERTS)) return none;
  for (uint32_t k = lo; k < np_end; k++)
    if (ly(c, k) || ing(c, k) || tok_is(c, k, PREPS)) return none;
  return attr_np(c, lo, np_end, 0, 0);
}

/* scare_subject: for a quote with no speech verb, the subject of the verb that
 * governs it: the nearest mention before e that scare_at accepts ("Kim praised
 * Russia's “heroism”": Kim, not Russia; "children born inside the “caliphate”":
 * nobody), else a phrase that opens the sentence. */
static attr scare_subject(const qctx *c, uint32_t e, uint32_t lo) {
  uint32_t seen = 0;
  for (uint32_t k = e; k-- > lo && seen < QUOTE_WINDOW;) {
    if (c->inq[k]) continue;
    seen++;
    int mi = scare_at(c, k, e, lo);
    if (mi >= 0) return attr_mention(c, mi);
  }
  return lead_subject(c, e, lo);
}

/* main_subject: the subject of the sentence's first clause, for a participle
 * ("Erdoğan had flagged that the operation ..., saying: “...”"). */
static attr main_subject(const qctx *c, uint32_t e, uint32_t lo) {
  attr none = {0, -1, 0, 0, 0};
  for (uint32_t k = lo; k < e && k < lo + QUOTE_WINDOW; k++) {
    int mi = c->inq[k] ? -1 : scare_at(c, k, e, lo);
    if (mi >= 0) return attr_mention(c, mi);
  }
  return none;
}

/* ---- clauses around a quote -------------------------------------------- */

/* elided: the subject of a speech verb that has none before it ("the family
 * said ... but cautioned", "Kim arrived and said"): the subject of the first
 * speech verb of the sentence, else of the verb of the first clause. */
static attr elided(const qctx *c, uint32_t k, uint32_t lo) {
  for (uint32_t v = lo; v < k && v < lo + QUOTE_WINDOW; v++) {
    if (c->inq[v] || !speech_verb(c, v, lo)) continue;
    attr r = subject_before(c, v, lo);
    if (r.ok) return r;
  }
  return scare_subject(c, k, lo);
}

/* clause_back looks back from token e (exclusive) to lo for the speech clause
 * nearest to it, skipping quoted text: a speech verb and its subject, "according
 * to X", "X's statement", or a participle ("adding") whose subject is the main
 * clause's. */
static attr clause_back(const qctx *c, uint32_t e, uint32_t lo) {
  attr r = {0, -1, 0, 0, 0};
  uint32_t seen = 0, part = NONE;
  for (uint32_t k = e; k-- > lo && seen < QUOTE_WINDOW;) {
    if (c->inq[k]) continue;
    seen++;
    /* "The coroner continued: “...”" */
    uint32_t a = k + 1 < e && tok_is(c, k, (const char *const[]){"went", NULL}) &&
                         tok_is(c, k + 1, (const char *const[]){"on", NULL})
                     ? k + 2 : k + 1; /* "He went on: “...”" */
    int colon = a < e && (tok_ch(c, a, ':') || c->inq[a]);
    if (speech_verb(c, k, lo) || (colon && lowerish(c, k) && tok_is(c, k, AFTER_VERBS))) {
      if (tok_is(c, k, INVERTED) && (k == lo || is_comma(c, k - 1) || c->inq[k - 1])) {
        r = subject_after(c, k + 1, e, 1); /* "..., said Khush." */
        if (r.ok) return r;
      }
      if (k > lo && tok_is(c, k - 1, WHO)) { /* "Kim, who said" */
        uint32_t w = k - 1;
        if (w > lo && is_comma(c, w - 1)) w--;
        r = subject_before(c, w, lo);
      } else {
        r = subject_before(c, k, lo);
        if (!r.ok) r = elided(c, k, lo);
      }
      if (r.ok) return r;
    } else if (according_to(c, k, e)) {
      r = subject_after(c, k + 2, e, 0);
      if (r.ok) return r;
    } else if (speech_noun(c, k, lo)) {
      r = possessor(c, k, lo);
      if (r.ok) return r;
    } else if (part == NONE && lowerish(c, k) && tok_is(c, k, PARTICIPLES)) {
      part = k;
    }
  }
  if (part == NONE) return r;
  /* "with Ben Wallace, the security minister, saying:", "quoted Mr Khodorkovsky as saying" */
  uint32_t b =
      part > lo && tok_is(c, part - 1, (const char *const[]){"as", NULL}) ? part - 1 : part;
  uint32_t e2 = skip_back(c, b, lo);
  if (e2 > lo + 1 && is_comma(c, e2 - 1)) { /* over the apposition ", the security minister," */
    uint32_t p = e2 - 1;
    while (p > lo && e2 - p < QUOTE_WINDOW && !is_comma(c, p - 1)) p--;
    if (p > lo) e2 = p - 1;
  }
  uint32_t s = np_back(c, e2, lo);
  if (s < e2 && s > lo && tok_is(c, s - 1, REPORTING)) {
    r = subject_before(c, b, lo);
    if (r.ok) return r;
  }
  return main_subject(c, part, lo);
}

/* clause_after reads the tokens after a closing mark up to hi: "...," said
 * Kim / Kim said / according to Kim / Kim's statement said. */
static attr clause_after(const qctx *c, uint32_t j, uint32_t hi) {
  attr r = {0, -1, 0, 0, 0};
  while (j < hi && !c->inq[j] && (is_comma(c, j) || (c->td->tok[j].flags & TOK_DASH))) j++;
  if (j >= hi || c->inq[j]) return r;
  if (lowerish(c, j) &&
      (tok_is(c, j, INVERTED) || tok_is(c, j, AFTER_VERBS) || speech_verb(c, j, j)))
    return subject_after(c, j + 1, hi, 0);
  for (uint32_t k = j; k < hi && k < j + QUOTE_WINDOW && !c->inq[k]; k++) {
    uint32_t f = c->td->tok[k].flags;
    if (tok_ch(c, k, '(')) { /* "the chair of the Task Force (IETF), Brian Carpenter, says" */
      while (k + 1 < hi && !tok_ch(c, k, ')') && !c->inq[k + 1]) k++;
      continue;
    }
    if ((f & TOK_TERM) || tok_ch(c, k, ';') || tok_ch(c, k, ':')) break;
    if (according_to(c, k, hi)) return subject_after(c, k + 2, hi, 0);
    if (speech_noun(c, k, j)) return possessor(c, k, j);
    int verb = speech_verb(c, k, j) || (lowerish(c, k) && tok_is(c, k, AFTER_VERBS));
    if (!verb || (k > j && tok_is(c, k - 1, WHO))) continue;
    /* "an official, who asked not to be named, said" */
    if (k + 1 < hi && tok_is(c, k + 1, (const char *const[]){"not", NULL})) continue;
    r = subject_before(c, k, j);
    /* "... is being used to lull the public, say the Tories." */
    if (!r.ok && k > j && is_comma(c, k - 1) &&
        !tok_is(c, k, (const char *const[]){"told", "tells", NULL}))
      return subject_after(c, k + 1, hi, 0);
    /* far from the quote, only the sentence's own ", X said" counts */
    if (k < j + QUOTE_AFTER || (r.ok && (r.tok == j || is_comma(c, r.tok - 1)))) return r;
    return (attr){0, -1, 0, 0, 0};
  }
  return r;
}

/* mark_initial sets qr.initial in one pass: nothing but punctuation and other
 * quotes precede the quote in its sentence, so it stands alone ("“We will
 * fight,” he said"), not inside prose. */
static void mark_initial(qctx *c) {
  uint32_t s = NONE;
  int prose = 0;
  size_t qi = 0;
  for (uint32_t i = 0; i < c->td->ntok && qi < c->n; i++) {
    if (c->sent_of[i] != s) s = c->sent_of[i], prose = 0;
    for (; qi < c->n && c->q[qi].open == i; qi++)
      c->q[qi].initial = c->q[qi].s0 != s || !prose;
    if (!c->inq[i] && (c->td->tok[i].flags & (TOK_WORD | TOK_NUM))) prose = 1;
  }
}

static attr own_attr(const qctx *c, const qr *q) {
  uint32_t lo = c->td->sent[q->s0].tok;
  attr after = {0, -1, 0, 0, 0}, r;
  if (q->close != NONE) after = clause_after(c, q->close + 1, sent_end(c, q->s1));
  if (q->initial) return after.ok ? after : clause_back(c, q->open, lo);
  r = clause_back(c, q->open, lo);
  if (r.ok) return r;
  if (after.ok) return after;
  return scare_subject(c, q->open, lo);
}

/* lead_clause: a speech clause opening sentence s ("He added that ..."). */
static attr lead_clause(const qctx *c, uint32_t s) {
  attr none = {0, -1, 0, 0, 0};
  uint32_t lo = c->td->sent[s].tok, hi = sent_end(c, s);
  for (uint32_t k = lo; k < hi && k < lo + QUOTE_LEAD && !c->inq[k]; k++) {
    if (!speech_verb(c, k, lo)) continue;
    uint32_t e = skip_back(c, k, lo);
    return e > lo && np_back(c, e, lo) == lo ? subject_before(c, k, lo) : none;
  }
  return none;
}

static int ends_with_colon(const qctx *c, uint32_t s) {
  uint32_t e = sent_end(c, s);
  return e > c->td->sent[s].tok && tok_ch(c, e - 1, ':');
}

/* neighbour_attr: a quote standing alone takes its speaker from the text
 * around it, nearest first. */
static attr neighbour_attr(const qctx *c, size_t i) {
  const qr *q = &c->q[i], *p = i ? &c->q[i - 1] : NULL;
  attr r = {0, -1, 0, 0, 0};
  if (p && p->cont && p->found) return (attr){1, p->spk, p->who_s, p->who_e, 0};
  if (q->s0 > 0 && ends_with_colon(c, q->s0 - 1)) {
    r = clause_back(c, sent_end(c, q->s0 - 1), c->td->sent[q->s0 - 1].tok);
    if (r.ok) return r;
  }
  if (p && p->found && p->s1 + 1 >= q->s0) return (attr){1, p->spk, p->who_s, p->who_e, 0};
  if (q->s0 > 0) {
    r = clause_back(c, sent_end(c, q->s0 - 1), c->td->sent[q->s0 - 1].tok);
    if (r.ok) return r;
  }
  if (q->s1 + 1 < c->td->nsent) r = lead_clause(c, q->s1 + 1);
  return r;
}

static void set_attr(qr *q, attr r) {
  q->found = r.ok;
  q->spk = r.spk;
  q->who_s = r.s;
  q->who_e = r.e;
}

static void attribute(qctx *c) {
  mark_initial(c);
  for (size_t i = 0; i < c->n; i++) set_attr(&c->q[i], own_attr(c, &c->q[i]));
  /* a paragraph of a long quote takes the speaker named in a later one */
  for (size_t i = c->n; i-- > 1;) {
    qr *p = &c->q[i - 1], *q = &c->q[i];
    if (p->cont && !p->found && q->found) set_attr(p, (attr){1, q->spk, q->who_s, q->who_e, 0});
  }
  for (size_t i = 0; i < c->n; i++) {
    qr *q = &c->q[i];
    if (!q->found && q->initial) set_attr(q, neighbour_attr(c, i));
  }
}

/* ---- finding the quotes ------------------------------------------------ */

/* dq: the double quotation mark at token i (its code point), else 0; *len is
 * its tokens, 2 for a pair of single marks. */
static int32_t dq(const qctx *c, uint32_t i, uint32_t *len) {
  const text_token *t = &c->td->tok[i];
  *len = 1;
  if (!(t->flags & (TOK_QUOTE | TOK_CLITIC)) || (t->flags & TOK_WORD)) return 0;
  size_t j = t->start;
  int32_t ch = utf8_decode(c->td->z, c->td->n, &j);
  switch (ch) {
  case '"': case 0x201C: case 0x201D: case 0x201E: case 0xAB: case 0xBB:
    return t->flags & TOK_QUOTE ? ch : 0;
  case 0x2018: case 0x2019: case '\'':
    break;
  default: return 0;
  }
  /* two single marks typed for a double one: ’’ ‘‘ '' (but "vhp''s" is a
   * possessive with its apostrophe escaped twice) */
  if (i + 1 >= c->td->ntok || (t[1].flags & TOK_SPACE) ||
      t[1].end - t[1].start != t->end - t->start ||
      memcmp(c->td->z + t[1].start, c->td->z + t->start, t->end - t->start))
    return 0;
  if (i + 2 < c->td->ntok && !(t[2].flags & TOK_SPACE) && (t[2].flags & TOK_WORD) && i > 0 &&
      !(t->flags & TOK_SPACE) && (t[-1].flags & (TOK_WORD | TOK_NUM)))
    return 0;
  *len = 2;
  return ch == 0x2019 ? 0x201D : ch == 0x2018 ? 0x201C : '"';
}

static int closes(int32_t open, int32_t ch) {
  switch (open) {
  case 0x201C: return ch == 0x201D || ch == '"';
  case 0x201E: return ch == 0x201C || ch == 0x201D;
  case 0xAB: return ch == 0xBB;
  case 0xBB: return ch == 0xAB;
  default: return ch == '"' || ch == 0x201D;
  }
}

/* opens: may the mark ch at token i open a quote? A straight mark opens when
 * text follows it directly; a lone ” or « is a stray closing mark, and » opens
 * only German-style, stuck to the word after it. */
static int opens(const qctx *c, uint32_t i, int32_t ch) { /* i: the mark's last token */
  const text_token *t = c->td->tok;
  if (ch == 0x201C || ch == 0x201E || ch == 0xAB) return 1;
  if (ch != '"' && ch != 0xBB) return 0;
  if (i + 1 >= c->td->ntok || (t[i + 1].flags & TOK_SPACE)) return 0;
  if (ch == 0xBB) return (t[i + 1].flags & (TOK_WORD | TOK_NUM)) != 0;
  if (t[i + 1].flags & (TOK_WORD | TOK_NUM)) return 1;
  if (t[i + 1].flags & TOK_CLOSE) return 0;
  uint32_t n = t[i + 1].end - t[i + 1].start;
  char k = c->td->z[t[i + 1].start];
  return !(n == 1 && strchr(",;:.!?", k)); /* '"...' and '"(' open; '",' closes */
}

static void push_quote(qctx *c, uint32_t open) {
  if (c->n == c->cap) {
    size_t ncap = c->cap ? c->cap * 2 : 16;
    qr *p = arena_grow(c->a, c->q, c->cap * sizeof *p, ncap * sizeof *p);
    if (!p) {
      c->oom = 1;
      return;
    }
    c->q = p;
    c->cap = ncap;
  }
  c->q[c->n++] = (qr){open, open + 1, NONE, NONE, 0, 0, 0, 0, 0, 0, -1, 0, 0};
}

/* end_quote ends the last quote with its text before token e; close is the
 * closing mark or NONE. An empty quote (“”) is dropped. */
static void end_quote(qctx *c, uint32_t e, uint32_t close) {
  qr *q = &c->q[c->n - 1];
  if (e <= q->first) {
    c->n--;
    return;
  }
  q->last = e - 1;
  q->s0 = c->sent_of[q->first];
  q->s1 = c->sent_of[q->last];
  /* A mark never closed, over many sentences, is a typo more often than a
   * long quote (paragraphs of news are short): keep its first sentence. */
  if (close == NONE && q->s1 - q->s0 >= QUOTE_OPEN_SENTS) {
    q->last = sent_end(c, q->s0) - 1;
    q->s1 = q->s0;
  }
  if (q->last > q->first && tok_ch(c, q->last, ',')) q->last--; /* “We will,” he said */
  q->close = close;
  for (uint32_t k = q->open; k <= (close != NONE ? close : q->last); k++) c->inq[k] = 1;
  if (q->mark2) c->inq[q->open - 1] = 1;
}

/* scan walks the tokens once from the first mark, at token from, pairing
 * marks. A paragraph break or a new opening curly mark ends an open quote; if
 * a quote opens right there, it continues the one that ended. */
static void scan(qctx *c, uint32_t from) {
  const text_token *t = c->td->tok;
  int32_t open = 0;     /* the open quote's mark, 0 when none */
  uint32_t cut = NONE;  /* token where the last quote ended without a mark */
  for (uint32_t i = from; i < c->td->ntok && !c->oom; i++) {
    if (open && (t[i].flags & TOK_PARA)) {
      end_quote(c, i, NONE);
      open = 0;
      cut = i;
    }
    if (!(t[i].flags & (TOK_QUOTE | TOK_CLITIC))) continue; /* no mark: dq's first test */
    uint32_t len;
    int32_t ch = dq(c, i, &len);
    if (!ch) continue;
    uint32_t m = i + len - 1; /* the mark's last token */
    if (open && closes(open, ch)) {
      end_quote(c, i, m);
      open = 0;
      i = m;
      continue;
    }
    if (open && ch == open && ch != '"') { /* re-opened: the paragraph break was lost */
      end_quote(c, i, NONE);
      open = 0;
      cut = i;
    }
    if (open || !opens(c, m, ch)) continue;
    size_t before = c->n;
    push_quote(c, m);
    if (c->oom) break;
    c->q[c->n - 1].mark2 = len == 2;
    if (cut == i && before > 0 && c->q[before - 1].close == NONE) c->q[before - 1].cont = 1;
    open = ch;
    i = m;
  }
  if (open && !c->oom) end_quote(c, c->td->ntok, NONE);
}

/* ---- maps and entry point ---------------------------------------------- */

static int build_maps(qctx *c) {
  const text_doc *td = c->td;
  size_t n = td->ntok ? td->ntok : 1;
  c->sent_of = arena_alloc(c->a, n * sizeof *c->sent_of);
  c->men_of = arena_alloc(c->a, n * sizeof *c->men_of);
  c->inq = arena_calloc(c->a, n, 1);
  if (!c->sent_of || !c->men_of || !c->inq) return ERR_NOMEM;
  uint32_t s = 0;
  for (uint32_t i = 0; i < td->ntok; i++) {
    while (s + 1 < td->nsent && i >= sent_end(c, s)) s++;
    c->sent_of[i] = s;
    c->men_of[i] = -1;
  }
  for (size_t k = 0; c->al && k < c->al->n; k++) {
    const actor_mention *m = &c->al->m[k];
    for (uint32_t i = m->tok; i < m->tok + m->ntok && i < td->ntok; i++)
      c->men_of[i] = (int32_t)k;
  }
  return ERR_OK;
}

int quote_find(arena *a, const text_doc *td, const actor_list *actors, quote_list *out) {
  out->q = NULL;
  out->n = 0;
  if (!td->ntok || !td->nsent) return ERR_OK;
  qctx c = {a, td, actors, NULL, NULL, NULL, NULL, 0, 0, 0};
  /* Most documents have no double quotation mark: they cost one look at each
   * token's flags (and at the few single marks and clitics), not the maps. */
  uint32_t k, len;
  for (k = 0; k < td->ntok; k++)
    if ((td->tok[k].flags & (TOK_QUOTE | TOK_CLITIC)) && dq(&c, k, &len)) break;
  if (k == td->ntok) return ERR_OK;
  if (build_maps(&c)) return ERR_NOMEM;
  scan(&c, k);
  if (c.oom) return ERR_NOMEM;
  if (!c.n) return ERR_OK;
  attribute(&c);
  quote *q = arena_alloc(a, c.n * sizeof *q);
  if (!q) return ERR_NOMEM;
  for (size_t i = 0; i < c.n; i++) {
    const qr *r = &c.q[i];
    q[i] = (quote){r->s0, td->tok[r->first].start, td->tok[r->last].end, r->found ? r->spk : -1,
                   r->found ? r->who_s : 0, r->found ? r->who_e : 0};
  }
  out->q = q;
  out->n = c.n;
  return ERR_OK;
}

int quote_check_tables(void) {
  static const struct {
    const char *const *w;
    size_t n;
  } LISTS[] = {
#define L(x) {x, sizeof x / sizeof *x - 1}
      L(VERBS),   L(AFTER_VERBS), L(INVERTED),  L(PARTICIPLES), L(SPEECH_NOUNS),
      L(ADVERBS), L(BE),          L(NP_STOP),   L(DETERMINERS), L(PREPS),
      L(HEAD_END), L(EXPERTS),    L(LEADERS),   L(PREPS_AFTER), L(NOT_VERB),
      L(IRREGULAR), L(WHO),       L(TIME),      L(CLAUSE_END),  L(REPORTING),
      L(REPORT_VERBS), L(ARTICLES), L(PRONOUNS), L(OBJECTS),    L(POSSESSIVES),
      L(CONJUNCTIONS),
#undef L
  };
  for (size_t l = 0; l < sizeof LISTS / sizeof *LISTS; l++)
    for (size_t i = 0; i < LISTS[l].n; i++) {
      const char *w = LISTS[l].w[i];
      for (const char *p = w; *p; p++)
        if (*p >= 'A' && *p <= 'Z') return (int)(l + 1);
      if (!w[0] || (i && strcmp(LISTS[l].w[i - 1], w) >= 0)) return (int)(l + 1);
    }
  return 0;
}
