#include "actor.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "err.h"

#define NONE UINT32_MAX
#define KINDS_ALL ((1u << DICT_ACTOR) | (1u << DICT_AGENT) | (1u << DICT_DISCARD))
#define MAX_ALIASES 128
#define MAX_GAP 2 /* modifier words allowed between an actor and its agent */

typedef struct alias {
  char key[48];
  uint32_t m; /* the mention it stands for */
} alias;

typedef struct ctx {
  const dict *d;
  arena *a;
  const text_doc *td;
  int32_t date;
  uint32_t *ids;
  actor_mention *m;
  size_t n, cap;
  size_t nal;
  uint32_t sent;
  int oom;
  /* country_ahead's memory for the current sentence */
  uint32_t ahead_sent, ahead_from, ahead_at, ahead_scanned;
  char ahead_code[ACTOR_CODE_MAX];
  alias al[MAX_ALIASES]; /* al[0 .. nal): last, and not zeroed (6 KB a document) */
} ctx;

/* ---- small helpers ---------------------------------------------------- */

static unsigned lower(char ch) {
  unsigned u = (unsigned char)ch;
  return u - 'A' < 26 ? u + 32 : u;
}

/* tok_is: token i is one of words (lower case), ignoring ASCII case. Called
 * for most tokens, so no strncasecmp call per word. */
static int tok_is(const ctx *c, uint32_t i, const char *const *words) {
  const text_token *t = &c->td->tok[i];
  size_t n = t->end - t->start;
  const char *z = c->td->z + t->start;
  int first = z[0] | 0x20;
  for (; *words; words++) {
    const char *w = *words;
    if (w[0] != first) continue;
    size_t k = 0;
    while (k < n && w[k] && lower(z[k]) == (unsigned char)w[k]) k++;
    if (k == n && !w[n]) return 1;
  }
  return 0;
}

static const char *const STOP[] = {"the", "a", "an", "and", "or", "of", "to", "in", "on", "at",
                                   "for", "with", "by", "from", "said", "says", "has", "have",
                                   "had", "is", "are", "was", "were", "will", "would", "that",
                                   "which", "who", "as", "but", "not", "also", "its", "their",
                                   NULL};

/* is_modifier: a word that may stand between an actor and its agent
 * ("North Korean elite troops"): lower case, not a function word or verb. */
static int is_modifier(const ctx *c, uint32_t i) {
  const text_token *t = &c->td->tok[i];
  if (!(t->flags & TOK_WORD) || (t->flags & (TOK_CAP | TOK_CLITIC))) return 0;
  size_t n = t->end - t->start;
  const char *z = c->td->z + t->start;
  if (n >= 2 && z[n - 2] == 'e' && z[n - 1] == 'd') return 0; /* "attacked" */
  return !tok_is(c, i, STOP);
}

static int is_possessive(const ctx *c, uint32_t i) {
  const text_token *t = &c->td->tok[i];
  return (t->flags & TOK_CLITIC) && (t->end - t->start <= 4);
}

static int country_like(const char *code) {
  return strlen(code) >= 3 && strncmp(code, "IGO", 3) && strncmp(code, "NGO", 3) &&
         strncmp(code, "MNC", 3) && strncmp(code, "---", 3);
}

/* compose writes base + role ("PRK" + "MIL"), without repeating a role the
 * base already ends with; a person's code keeps its own role. */
static void compose(char *out, const char *base, const char *role) {
  size_t nb = strlen(base), nr = strlen(role);
  if (nb >= nr && !strcmp(base + nb - nr, role)) nr = 0;
  if (nb + nr >= ACTOR_CODE_MAX) nr = 0;
  memcpy(out, base, nb);
  memcpy(out + nb, role, nr);
  out[nb + nr] = 0;
}

static const char *role_of(const dict_entry *agent, int32_t date) {
  const char *r = dict_code_on(agent, date);
  return r ? r : "";
}

/* code_of is the entry's code on the date, or NULL when there is none or it is
 * TABARI's null (---) or discard (###) code, which name no actor. A person
 * outside every dated term is still of their country: its elite (ELI), as
 * CAMEO codes former and future office holders; buf (ACTOR_CODE_MAX bytes)
 * holds that code. */
static const char *code_of(const dict_entry *e, int32_t date, char *buf) {
  const char *code = dict_code_on(e, date);
  if (!code && (e->flags & DICT_F_PERSON) && e->ncodes && strlen(e->codes[0].code) >= 3 &&
      strncmp(e->codes[0].code, "---", 3) && strncmp(e->codes[0].code, "IGO", 3) &&
      strncmp(e->codes[0].code, "NGO", 3)) {
    snprintf(buf, ACTOR_CODE_MAX, "%.3sELI", e->codes[0].code);
    return buf;
  }
  if (!code || !strncmp(code, "---", 3) || !strncmp(code, "###", 3)) return NULL;
  return code;
}

/* compose_agent adds an agent's role to base: appended ("PRK" + "MIL"), or put
 * first for agents marked so (TABARI's "[NGO~]"). */
static void compose_agent(char *out, const char *base, const dict_entry *ag, int32_t date) {
  const char *role = role_of(ag, date);
  if (ag->flags & DICT_F_ROLE_FIRST) compose(out, role, base);
  else compose(out, base, role);
}

/* country_of: the part of a code that names the state (PRKGOV -> PRK); an
 * organisation keeps its whole code. */
static void country_of(char *out, const char *code) {
  size_t n = country_like(code) ? 3 : strlen(code);
  if (n >= ACTOR_CODE_MAX - 4) n = ACTOR_CODE_MAX - 4;
  memcpy(out, code, n);
  out[n] = 0;
}

static actor_mention *push(ctx *c, uint32_t tok, uint32_t ntok, const char *code) {
  if (c->n == c->cap) {
    size_t ncap = c->cap ? c->cap * 2 : 32;
    actor_mention *p = arena_grow(c->a, c->m, c->cap * sizeof *p, ncap * sizeof *p);
    if (!p) {
      c->oom = 1;
      return NULL;
    }
    c->m = p;
    c->cap = ncap;
  }
  actor_mention *m = &c->m[c->n++];
  memset(m, 0, sizeof *m);
  m->sent = c->sent;
  m->tok = tok;
  m->ntok = ntok;
  m->start = c->td->tok[tok].start;
  m->end = c->td->tok[tok + ntok - 1].end;
  size_t n = strnlen(code, sizeof m->code - 1); /* snprintf "%s", without its cost */
  memcpy(m->code, code, n);
  m->code[n] = 0;
  m->from_start = m->from_end = -1;
  if (country_like(code)) m->flags |= ACTOR_STATE;
  return m;
}

static void resolved(actor_mention *m, const actor_mention *from) {
  m->from_start = from->start;
  m->from_end = from->end;
}

/* nearest looks back through the mentions of this and the previous sentence
 * for one that satisfies want (flags all set) and lacks avoid. */
static const actor_mention *nearest(const ctx *c, unsigned want, unsigned avoid) {
  for (size_t i = c->n; i-- > 0;) {
    const actor_mention *m = &c->m[i];
    if (m->sent + 1 < c->sent) break;
    if ((m->flags & want) == want && !(m->flags & avoid)) return m;
  }
  return NULL;
}

/* ---- aliases: later short forms of names ------------------------------- */

static void alias_add(ctx *c, uint32_t tok, uint32_t mi) {
  const text_token *t = &c->td->tok[tok];
  if (!(t->flags & TOK_CAP) || t->end - t->start < 3 || c->nal == MAX_ALIASES) return;
  alias *a = &c->al[c->nal];
  if (!text_key(c->td->z + t->start, t->end - t->start, a->key, sizeof a->key)) return;
  a->m = mi;
  c->nal++;
}

/* alias_names registers the surname (the last token) of a person, and the
 * family name that comes first in names like "Kim Jong-un". */
static void alias_names(ctx *c, uint32_t tok, uint32_t ntok, uint32_t mi) {
  if (ntok < 2) return;
  uint32_t last = tok + ntok - 1;
  alias_add(c, last, mi);
  const text_token *t = &c->td->tok[last];
  if (memchr(c->td->z + t->start, '-', t->end - t->start)) alias_add(c, tok, mi);
}

static const actor_mention *alias_find(const ctx *c, uint32_t i) {
  const text_token *t = &c->td->tok[i];
  if (!c->nal) return NULL;
  if (!(t->flags & TOK_CAP) || (t->flags & TOK_UPPER && c->td->casing == TEXT_UPPER)) return NULL;
  char key[48];
  if (!text_key(c->td->z + t->start, t->end - t->start, key, sizeof key)) return NULL;
  for (size_t k = c->nal; k-- > 0;)
    if (!strcmp(c->al[k].key, key)) return &c->m[c->al[k].m];
  return NULL;
}

/* ---- matching --------------------------------------------------------- */

static const dict_entry *match(const ctx *c, uint32_t i, uint32_t end, unsigned kinds,
                               uint32_t *len) {
  const dict_entry *e = dict_longest(c->d, c->ids, i, end, kinds, len);
  return e && dict_case_ok(e, c->td, i, *len) ? e : NULL;
}

/* agent_after finds an agent at j, after an optional possessive and up to
 * MAX_GAP modifier words; returns it and its first token in *at. */
static const dict_entry *agent_after(const ctx *c, uint32_t j, uint32_t end, uint32_t *at,
                                     uint32_t *len) {
  if (j < end && is_possessive(c, j)) j++;
  for (uint32_t g = 0; j < end && g <= MAX_GAP; g++, j++) {
    const dict_entry *e = match(c, j, end, 1u << DICT_AGENT, len);
    if (e) {
      *at = j;
      return e;
    }
    if (!is_modifier(c, j)) break;
  }
  return NULL;
}

/* name_after: capitalised words at j that the dictionary does not know, as
 * after a title ("Ambassador Alexandr Matsegora"); returns how many (0-4). */
static uint32_t name_after(const ctx *c, uint32_t j, uint32_t end) {
  if (c->td->casing != TEXT_MIXED) return 0;
  uint32_t k = 0, len;
  while (j + k < end && k < 4) {
    const text_token *t = &c->td->tok[j + k];
    if (!(t->flags & TOK_WORD) || !(t->flags & TOK_CAP) || (t->flags & TOK_ABBR)) break;
    if (match(c, j + k, end, KINDS_ALL, &len)) break;
    k++;
  }
  return k;
}

static int singular(const dict_entry *e) {
  size_t n = strlen(e->phrase);
  return n && e->phrase[n - 1] != 's' && !(e->flags & DICT_F_PLURAL);
}

static uint32_t actor_at(ctx *c, const dict_entry *e, uint32_t i, uint32_t len, uint32_t end);

/* title_name: after a singular title agent (the last mention), a following
 * name is the same actor. A known person merges into the title's mention
 * ("Chinese Foreign Minister Wang Yi"); an unknown name becomes a mention of
 * its own, resolved from the title ("Ambassador Alexandr Matsegora"), also
 * after a phrase naming the post ("ambassador to North Korea Alexandr
 * Matsegora", where North Korea is a mention too). Returns the next token. */
static int before_first_role(const dict_entry *e, int32_t date);

static uint32_t title_name(ctx *c, const dict_entry *agent, uint32_t j, uint32_t end) {
  if (!singular(agent) || c->oom || j >= end) return j;
  size_t mi = c->n - 1;
  uint32_t len;
  const dict_entry *e = match(c, j, end, 1u << DICT_ACTOR, &len);
  char pbuf[ACTOR_CODE_MAX];
  /* (a bare surname before the person's first role is someone else's, as
   * in actor_at: "Finance Minister Lindner" in 1987) */
  if (e && (e->flags & DICT_F_PERSON) && code_of(e, c->date, pbuf) &&
      !(len == 1 && before_first_role(e, c->date))) {
    actor_mention *t = &c->m[mi];
    snprintf(t->code, sizeof t->code, "%s", code_of(e, c->date, pbuf));
    t->ntok = j + len - t->tok;
    t->end = c->td->tok[j + len - 1].end;
    t->entry = e;
    t->flags |= ACTOR_PERSON;
    alias_names(c, j, len, (uint32_t)mi);
    return j + len;
  }
  uint32_t k0 = j;
  if (tok_is(c, j, (const char *const[]){"to", "in", "at", NULL}) && j + 1 < end &&
      (e = match(c, j + 1, end, 1u << DICT_ACTOR, &len)) && !(e->flags & DICT_F_PERSON) &&
      name_after(c, j + 1 + len, end)) {
    k0 = actor_at(c, e, j + 1, len, end);
  }
  uint32_t k = name_after(c, k0, end);
  if (!k) return k0;
  actor_mention *m = push(c, k0, k, c->m[mi].code);
  if (!m) return end;
  m->flags = (c->m[mi].flags & ACTOR_STATE) | ACTOR_PERSON;
  m->agent = agent;
  resolved(m, &c->m[mi]);
  alias_names(c, k0, k, (uint32_t)(c->n - 1));
  if (k == 1) alias_add(c, k0, (uint32_t)(c->n - 1));
  return k0 + k;
}


/* Money named after a country is not the country: "Swiss francs",
 * "the U.S. dollar", "Canadian dollars". */
static const char *const CURRENCY[] = {
    "dollar", "dollars", "franc", "francs", "yen", "mark", "marks", "pound", "pounds", "sterling",
    "crown", "crowns", "krona", "kronor", "krone", "kroner", "peso", "pesos", "lira", "lire",
    "rupee", "rupees", "rouble", "roubles", "ruble", "rubles", "yuan", "won", "dinar", "dinars",
    "riyal", "riyals", "rial", "rials", "shekel", "shekels", "rand", "real", "reais", "euro",
    "euros", "guilder", "guilders", "escudo", "escudos", "peseta", "pesetas", "drachma",
    "drachmas", "schilling", "schillings", "baht", "ringgit", "rupiah", "naira", "cedi", "shilling",
    "shillings", "zloty", "forint", "lev", "leu", "hryvnia", "dirham", "dirhams", "bonds", "bond",
    "treasuries", "gilts", "dlrs", "dlr", "cents", "cts", "stg", NULL};

/* Words that end a company's name: "Swiss Bank Corp", "American Express". */
static const char *const COMPANY[] = {
    "bank", "corp", "corp.", "corporation", "inc", "inc.", "ltd", "ltd.", "co", "co.", "company",
    "group", "airlines", "airways", "express", "motors", "holdings", "industries", "petroleum",
    "steel", "telecom", "plc", "ag", "sa", "nv", "bv", "gmbh", "insurance", "securities",
    "brewery", "breweries", "chemical", "chemicals", "electric", "mining", "shipping",
    "exchange", "exchanges", "lines", NULL};

/* Words that end the name of a non-governmental body: "American Soybean
 * Association", "South African Institute of Race Relations". */
static const char *const ASSOCIATION[] = {
    "association", "federation", "foundation", "institute", "society", "league", "chamber",
    NULL};

/* company_after: capitalised words at j (at most three, and one "and" or "&"
 * between them) of which the last ends a company name (role BUS) or a body's
 * (NGO); returns how many, else 0, and the role in *role. */
static uint32_t company_after(const ctx *c, uint32_t j, uint32_t end, const char **role) {
  if (c->td->casing == TEXT_LOWER) return 0;
  uint32_t k = 0, found = 0;
  uint32_t joined = 0;
  while (j + k < end && k < 3 + joined) {
    const text_token *t = &c->td->tok[j + k];
    /* "Kansas [Power and Light Co]": one "and" or "&" between capitalised words */
    if (k > 0 && !joined && tok_is(c, j + k, (const char *const[]){"and", "&", NULL})) {
      joined = 1;
      k++;
      continue;
    }
    if (!(t->flags & TOK_WORD) || !(t->flags & TOK_CAP)) break;
    k++;
    if (tok_is(c, j + k - 1, COMPANY)) found = k, *role = "BUS";
    else if (tok_is(c, j + k - 1, ASSOCIATION)) found = k, *role = "NGO";
  }
  return found;
}

/* person_company: after a person's name at j, the rest of a company named
 * for them ("Harper [and Row Publishers Inc]", "Johnson [& Johnson]",
 * "Morgan [Stanley Group]"): capitalised words, "and" or "&", at most five,
 * the last of which ends a company name. Returns how many, else 0. */
static uint32_t person_company(const ctx *c, uint32_t j, uint32_t end) {
  if (c->td->casing != TEXT_MIXED) return 0;
  uint32_t k = 0, found = 0;
  while (j + k < end && k < 5) {
    const text_token *t = &c->td->tok[j + k];
    int joiner = tok_is(c, j + k, (const char *const[]){"and", "&", NULL});
    if (!joiner && (!(t->flags & TOK_WORD) || !(t->flags & TOK_CAP))) break;
    k++;
    if (!joiner && tok_is(c, j + k - 1, COMPANY)) found = k;
  }
  return found;
}

/* shared_agent: at j, "and" or a comma, another demonym and a role noun
 * ("French [and Egyptian warships]"); gives the role noun in *ag. */
static int shared_agent(const ctx *c, uint32_t j, uint32_t end, const dict_entry **ag) {
  if (j + 2 >= end || !(tok_is(c, j, (const char *const[]){"and", "or", NULL}) ||
                        (c->td->tok[j].end - c->td->tok[j].start == 1 && c->td->z[c->td->tok[j].start] == ',')))
    return 0;
  uint32_t len, at, alen;
  const dict_entry *e = match(c, j + 1, end, 1u << DICT_ACTOR, &len);
  if (!e || !(e->flags & DICT_F_DEMONYM)) return 0;
  *ag = agent_after(c, j + 1 + len, end, &at, &alen);
  return *ag != NULL;
}

/* Capitalised words that are no part of a company's or a person's name:
 * compass and political words, titles, words of places' own names, function
 * words, months and weekdays, and the words of state bodies named with their
 * country. */
static const char *const NOT_NAME[] = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "northeastern", "northwestern", "southeastern", "southwestern", "upper",
    "lower", "greater", "new", "old", "inner", "outer", "mainland", "continental",
    "communist", "nationalist", "socialist", "islamic", "democratic", "federal", "free",
    "occupied", "red", "soviet", "imperial", "republican", "metropolitan", "rural", "urban",
    "coastal", "moslem", "muslim", "christian", "catholic", "arab", "kurdish", "all",
    "president", "presidents", "prime", "minister", "ministers", "premier", "premiers",
    "chancellor", "king", "queen", "prince", "leader", "leaders", "chief", "chiefs",
    "princess", "emperor", "sheikh", "emir", "general", "gen", "gen.", "admiral", "colonel",
    "col", "col.", "lt", "lt.", "senator", "sen", "sen.", "rep", "rep.", "governor", "gov",
    "gov.", "mayor", "secretary", "secretaries", "ambassador", "ambassadors", "envoy",
    "envoys", "governors", "senators", "generals", "judge", "justice", "pope",
    "chairman", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady",
    "st", "st.", "saint", "fort", "ft", "ft.", "port", "lake", "mount", "mt", "mt.", "cape",
    "san", "santa", "sao", "los", "las", "el", "la", "le", "al", "de", "du", "di", "van",
    "von", "da", "rio", "buenos", "hong", "abu", "sri", "costa", "puerto", "dar", "addis",
    "ho", "kuala", "tel", "the", "a", "an", "in", "on", "at", "of", "for", "to", "by", "with",
    "from", "and", "but", "or", "as", "if", "when", "while", "after", "before", "since",
    "than", "into", "that", "this", "both", "said", "says", "told", "we", "i", "it",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "today", "yesterday", "tomorrow", "one", "two",
    "three", "four", "five", "six", "seven", "eight", "nine", "ten", "some", "many",
    "several", "most", "other", "another", "every", "each", "no",
    /* state bodies named so: "Statistics Canada", "Global Affairs Canada", "Bank
     * Indonesia" (a central bank) */
    "statistics", "affairs", "health", "transport", "environment", "elections", "parks",
    "fisheries", "industry", "finance", "bank", "radio", "television", NULL};

/* name_word: token k is a capitalised word that may be part of a name:
 * letters only, some in lower case ("Manufacturers": not an acronym, not
 * "Russian-backed"), and none of NOT_NAME. */
static int name_word(const ctx *c, uint32_t k) {
  const text_token *t = &c->td->tok[k];
  if ((t->flags & (TOK_WORD | TOK_CAP)) != (TOK_WORD | TOK_CAP)) return 0;
  int lower_case = 0;
  for (uint32_t q = t->start; q < t->end; q++) {
    char ch = c->td->z[q];
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) return 0;
    lower_case |= q > t->start && ch >= 'a' && ch <= 'z';
  }
  return lower_case && !tok_is(c, k, NOT_NAME);
}

/* name_before: the word before a country or place at i is a capitalised word
 * of a name inside a sentence ("Manufacturers Hanover", "Air Canada", "First
 * Boston", "ombudsman Elizabeth France"; "Texas Air" is company_after's): the
 * place is part of the name of a company or a person. Not a compass or
 * political word ("West Berlin", "Communist China"), a title, a month or
 * weekday, a word of a place's own name ("San", "Port"), a function word
 * (NOT_NAME, name_word), or a word of an actor. */
static int name_before(const ctx *c, uint32_t i) {
  if (c->td->casing != TEXT_MIXED || i == 0) return 0;
  /* the sentence's first word is capitalised anyway (after any quote mark) */
  uint32_t s0 = c->td->sent[c->sent].tok;
  while (s0 < i && !(c->td->tok[s0].flags & TOK_WORD)) s0++;
  if (i <= s0 + 1) return 0;
  const text_token *t = &c->td->tok[i - 1];
  if ((t->flags & (TOK_WORD | TOK_CAP)) != (TOK_WORD | TOK_CAP)) return 0;
  if (c->n && c->m[c->n - 1].tok + c->m[c->n - 1].ntok == i) return 0;
  /* after an abbreviation's period a word may be capitalised for no reason
   * ("the U.S. Criticised Japan", Reuters' style) */
  const text_token *p = &c->td->tok[i - 2];
  if (c->td->z[p->end - 1] == '.') return 0;
  return name_word(c, i - 1);
}

/* Verbs by which an official or an "it" is heard to speak. */
static const char *const SAID[] = {"said", "say", "says", "told", "added", "noted", NULL};

/* speaking_firm: a place at i..j is part of the name of a company that
 * speaks, with no company word to show it ("Hong Kong Land said", "Nevada
 * Power said", "Franco Nevada said" at a sentence's start, where name_before
 * cannot tell a name's word from any capitalised word): one to three words of a
 * name that no dictionary entry begins, right after the place, or the
 * sentence's first word right before it, then "said" or the like. Returns
 * the name's first and end tokens in *from, *to. */
static int speaking_firm(const ctx *c, uint32_t i, uint32_t j, uint32_t end, uint32_t *from,
                         uint32_t *to) {
  if (c->td->casing != TEXT_MIXED) return 0;
  uint32_t s0 = c->td->sent[c->sent].tok, len;
  while (s0 < i && !(c->td->tok[s0].flags & TOK_WORD)) s0++;
  if (i == s0 + 1 && j < end && tok_is(c, j, SAID) && name_word(c, s0)) {
    *from = s0, *to = j;
    return 1;
  }
  /* words of a state's bodies and of party members: "the U.S. Mint said",
   * "the Argentine Grain Board said", "the Texas Democrat told reporters" */
  static const char *const NOT_FIRM[] = {
      "board", "mint", "postal", "service", "services", "office", "bureau", "council",
      "commission", "agency", "authority", "ministry", "department", "institute", "government",
      "administration", "treasury", "embassy", "court", "parliament", "congress", "senate",
      "house", "assembly", "police", "army", "navy", "guard", "democrat", "democrats",
      "republicans", "conservative", "conservatives", "liberal", "liberals", "labour",
      "labor", "tory", "tories", "attorney", "representative", "commissioner", "counsel",
      "negotiator", "delegate", "consul", "aide", "adviser", "advisor", "economist", "analyst",
      "director", "official", "officials", "spokesman", "spokeswoman", NULL};
  /* the name opens a clause (", Texas Instruments said", "said American
   * Barrick announced"), not "Ambassador to China Octavio Valerio said" */
  if (i > s0 && (c->td->tok[i - 1].flags & TOK_WORD) && !tok_is(c, i - 1, SAID) &&
      !tok_is(c, i - 1, (const char *const[]){"the", "and", "that", NULL}))
    return 0;
  uint32_t k = j;
  while (k < end && k < j + 3 && name_word(c, k) && !tok_is(c, k, NOT_FIRM) &&
         !match(c, k, end, KINDS_ALL, &len))
    k++;
  if (k == j || k >= end ||
      !(tok_is(c, k, SAID) || tok_is(c, k, (const char *const[]){"announced", "reported", NULL})))
    return 0;
  *from = i, *to = k;
  return 1;
}

/* before_first_role: on date, person entry e is in its open-ended first
 * period ("Naftali Bennett | Bennett => ISRELI @..2013-03-17; ISRGOV ...")
 * and more than ten years before the first role the dictionary dates: a bare
 * surname then is mostly someone else ("Bennett added", a soybean lobbyist in
 * 1987; "Harper said"; "Lindner said", a financier). */
static int before_first_role(const dict_entry *e, int32_t date) {
  if (date <= 0) return 0;
  for (uint32_t k = 0; k < e->ncodes; k++) {
    const dict_code *d = &e->codes[k];
    if (d->from <= date && date <= d->to)
      return d->from == DICT_OPEN_FROM && d->to != DICT_OPEN_TO && d->to - date > 100000;
  }
  return 0;
}

static uint32_t alias_at(ctx *c, uint32_t i, uint32_t end);

/* actor_at handles a dictionary actor at i; returns the token after it. */
static uint32_t actor_at(ctx *c, const dict_entry *e, uint32_t i, uint32_t len, uint32_t end) {
  if (e->flags & DICT_F_PERSON) {
    /* a name is capitalised ("borne by" is not Elisabeth Borne; "de Mistura"
     * is a name) */
    if (c->td->casing == TEXT_MIXED) {
      uint32_t k = i;
      while (k < i + len && !(c->td->tok[k].flags & TOK_CAP)) k++;
      if (k == i + len) return i + len;
    }
    /* a bare surname before the person's first role: someone else, unless
     * the document named the person in full before (or it names a company:
     * "Harper and Row Publishers Inc", below) */
    if (len == 1 && before_first_role(e, c->date) && !person_company(c, i + len, end)) {
      uint32_t k = alias_at(c, i, end);
      return k == i ? i + len : k;
    }
  }
  char cbuf[ACTOR_CODE_MAX];
  const char *code = code_of(e, c->date, cbuf);
  if (!code) return i + len;
  uint32_t j = i + len, at, alen;
  if (!(e->flags & DICT_F_PERSON)) {
    uint32_t k = j < end && is_possessive(c, j) ? j + 1 : j;
    if (k < end && tok_is(c, k, CURRENCY)) return k + 1;
    /* a region in brackets inside a company's name: "Nikko Securities Co
     * (Europe) Ltd" */
    if (i >= 2 && j < end && strlen(code) == 3 && !(e->flags & (DICT_F_IGO | DICT_F_NGO)) &&
        c->td->z[c->td->tok[i - 1].start] == '(' &&
        c->td->z[c->td->tok[j].start] == ')' && tok_is(c, i - 2, COMPANY))
      return j + 1;
    /* a central bank's name inside a commercial bank's: "Royal Bank of
     * Canada", "Toronto-Dominion Bank of Canada" */
    if (tok_is(c, i, (const char *const[]){"bank", NULL}) && i > 0 && c->td->casing == TEXT_MIXED &&
        name_word(c, i - 1))
      return j; /* (at a sentence's start too: "Continental Bank of Canada said") */
    const char *role = "BUS";
    uint32_t nco = company_after(c, j, end, &role);
    uint32_t nf, nt;
    int plain = !nco && country_like(code) && strlen(code) == 3 &&
                !(e->flags & (DICT_F_IGO | DICT_F_NGO | DICT_F_MEDIA | DICT_F_COMPANY));
    if (plain && name_before(c, i)) {
      /* "Manufacturers Hanover", "Air Canada", "ombudsman Elizabeth France": a
       * company or a person named with a place, of no known country */
      actor_mention *m = push(c, i - 1, j - i + 1, "---");
      if (!m) return end;
      m->entry = e;
      return j;
    }
    if (plain && speaking_firm(c, i, j, end, &nf, &nt)) {
      /* "Hong Kong Land said": a company, its country's business as with a
       * company word ("Swiss Bank Corp"); "Franco Nevada said": of no known
       * country */
      char buf[ACTOR_CODE_MAX];
      if (nf < i) strcpy(buf, "---BUS");
      else compose(buf, code, "BUS");
      actor_mention *m = push(c, nf, nt - nf, buf);
      if (!m) return end;
      m->entry = e;
      return nt;
    }
    if (nco) { /* a company named for its country is the country's business */
      char buf[ACTOR_CODE_MAX];
      char base[ACTOR_CODE_MAX];
      country_of(base, code);
      compose(buf, base, role);
      actor_mention *m = push(c, i, j + nco - i, buf);
      if (!m) return end;
      m->entry = e;
      return j + nco;
    }
  }
  if (e->flags & DICT_F_PERSON) {
    uint32_t nco = person_company(c, j, end);
    if (nco) { /* a company named for a person is a company, of no known country */
      actor_mention *m = push(c, i, j + nco - i, "---BUS");
      if (!m) return end;
      return j + nco;
    }
  }
  const dict_entry *ag = (e->flags & DICT_F_PERSON) ? NULL : agent_after(c, j, end, &at, &alen);
  char buf[ACTOR_CODE_MAX];
  if (ag) {
    compose_agent(buf, code, ag, c->date);
    code = buf;
    j = at + alen;
  } else if ((e->flags & DICT_F_DEMONYM) && shared_agent(c, j, end, &ag)) {
    /* "French and Egyptian warships": the role noun belongs to both */
    compose_agent(buf, code, ag, c->date);
    code = buf;
    ag = NULL;
  }
  actor_mention *m = push(c, i, j - i, code);
  if (!m) return end;
  m->entry = e;
  m->agent = ag;
  if (e->flags & DICT_F_MEDIA) m->flags = (m->flags & ~ACTOR_STATE) | ACTOR_MEDIA;
  if (e->flags & DICT_F_PERSON) {
    m->flags |= ACTOR_PERSON;
    alias_names(c, i, len, (uint32_t)(c->n - 1));
  }
  if (ag && !singular(ag)) m->flags |= ACTOR_PLURAL;
  return ag ? title_name(c, ag, j, end) : j;
}

#define LOOKAHEAD 40

static int name_before(const ctx *c, uint32_t i);

/* country_ahead finds the first country-level actor in the tokens from j
 * (within LOOKAHEAD) and writes its country to out; returns 0 if none. The
 * answer is remembered for the sentence, so many role nouns in one sentence
 * ("officials ... traders ... analysts") cost one scan, not one each. */
static int country_ahead(ctx *c, uint32_t j, uint32_t end, char *out) {
  if (c->ahead_sent != c->sent || j < c->ahead_from) {
    c->ahead_sent = c->sent;
    c->ahead_at = NONE;
    c->ahead_scanned = j;
  }
  c->ahead_from = j;
  if (c->ahead_at != NONE && c->ahead_at >= j && c->ahead_at - j < LOOKAHEAD) {
    strcpy(out, c->ahead_code);
    return 1;
  }
  uint32_t len, k = c->ahead_scanned > j ? c->ahead_scanned : j;
  uint32_t lim = end - j > LOOKAHEAD ? j + LOOKAHEAD : end;
  for (; k < lim; k++) {
    const dict_entry *e = match(c, k, end, (1u << DICT_ACTOR) | (1u << DICT_DISCARD), &len);
    if (!e) continue;
    char cbuf[ACTOR_CODE_MAX];
    const char *code = e->kind == DICT_ACTOR ? code_of(e, c->date, cbuf) : NULL;
    /* a news outlet's country says nothing of the speaker's ("a bank spokesman
     * told Reuters") */
    /* a destination or a counterpart is not where a role noun belongs
     * ("Kurdish militias fighting against Turkey", "a sale to Egypt") */
    int away = k > 0 && (tok_is(c, k - 1, (const char *const[]){"to", "toward", "towards",
                                                                "against", NULL}) ||
                         /* "who leaves for Moscow" */
                         (k > 1 && tok_is(c, k - 1, (const char *const[]){"for", NULL}) &&
                          tok_is(c, k - 2, (const char *const[]){"leave", "leaves", "left",
                                                                 "leaving", "headed", "heading",
                                                                 "bound", "departed", "departs",
                                                                 "flew", "flies", "sailed",
                                                                 NULL})));
    if (code && country_like(code) && !(e->flags & DICT_F_MEDIA) && !away) {
      /* "a spokesman at Manufacturers Hanover": a company's, of no known country */
      if (strlen(code) == 3 && !(e->flags & (DICT_F_IGO | DICT_F_NGO | DICT_F_COMPANY)) &&
          name_before(c, k))
        strcpy(c->ahead_code, "---");
      else
        country_of(c->ahead_code, code);
      c->ahead_at = k;
      c->ahead_scanned = k;
      strcpy(out, c->ahead_code);
      return 1;
    }
    k += len - 1;
  }
  c->ahead_scanned = k;
  return 0;
}

/* org_role: the role noun at i speaks for a body dyad does not know, named
 * right before it ("a Midland spokesman", "Boeing officials", "Japan Line
 * officials"): it has no country, rather than a nearby country's government.
 * Words that name parts of a state ("Commerce Department officials",
 * "Senior officials") are not such bodies. */
static int org_role(const ctx *c, uint32_t i) {
  static const char *const ROLE[] = {"spokesman", "spokeswoman", "spokesperson", "official",
                                     "officials", "executive", "executives", NULL};
  static const char *const STATE_WORD[] = {
      "department", "ministry", "office", "council", "agency", "commission", "bureau",
      "administration", "treasury", "cabinet", "government", "embassy", "army", "navy",
      "police", "senate", "congress", "parliament", "state", "foreign", "defence", "defense",
      "interior", "justice", "finance", "trade", "commerce", "agriculture", "energy", "senior",
      "top", "chief", "deputy", "vice", "federal", "central", "national", "presidential",
      "royal", "military", "security", "intelligence", "fed", "party", "court", "house",
      "committee", "authority", "board", "service", "secretariat", "mission", "delegation",
      "un", "u.n.", "ec", "eu", "nato", "opec", "imf", NULL};
  if (c->td->casing != TEXT_MIXED || !tok_is(c, i, ROLE)) return 0;
  uint32_t s0 = c->td->sent[c->sent].tok;
  if (i <= s0 + 1) return 0; /* a sentence's first word is capitalised anyway */
  const text_token *t = &c->td->tok[i - 1];
  if ((t->flags & (TOK_WORD | TOK_CAP)) != (TOK_WORD | TOK_CAP)) return 0;
  if (c->n && c->m[c->n - 1].tok + c->m[c->n - 1].ntok == i) return 0;
  return !tok_is(c, i - 1, STATE_WORD);
}

/* Titles that a firm, a union or an association has as well as a state. */
static const char *const FIRM_TITLE[] = {
    "president", "vice-president", "chairman", "chairwoman", "spokesman", "spokeswoman",
    "spokesperson", "spokesmen", "official", "officials", "head", "director", "secretary",
    "treasurer", "officer", NULL};

/* is_body: a mention's code names a body that is no state's organ: a firm, a
 * union, an outlet, a school, a charity. */
static int is_body(const char *code) {
  static const char *const BODY[] = {"BUS", "LAB", "MED", "EDU", "NGO", "MNC", NULL};
  if (!strncmp(code, "NGO", 3) || !strncmp(code, "MNC", 3)) return 1;
  size_t n = strlen(code);
  for (size_t k = 3; k + 3 <= n; k += 3)
    for (const char *const *b = BODY; *b; b++)
      if (!strncmp(code + k, *b, 3)) return 1;
  return 0;
}

/* The name a mention's code came from (resolved_from); -1: none. */
typedef struct span_from {
  int64_t start, end;
} span_from;

static int trailing_source(const ctx *c, uint32_t i, uint32_t len, uint32_t end);
static int company_opens(const ctx *c, uint32_t i);

/* firm_ref: "the company", "a company spokesman", "a bank official": the
 * firm the document has named last (within the last few sentences), or for
 * a bank the central bank it has named, rather than a firm of the nearest
 * country; writes its code to out. */
static int firm_ref(const ctx *c, const dict_entry *ag, uint32_t i, uint32_t len, char *out,
                    span_from *from) {
  static const char *const FIRM[] = {"company", "firm", "corporation", "bank", NULL};
  static const char *const DET[] = {"the", "a", "this", "that", "another", NULL};
  uint32_t s0 = c->td->sent[c->sent].tok;
  if (i <= s0 || !singular(ag) || strncmp(role_of(ag, c->date), "BUS", 3) ||
      !tok_is(c, i + len - 1, FIRM) || !tok_is(c, i - 1, DET))
    return 0;
  int bank = tok_is(c, i + len - 1, (const char *const[]){"bank", NULL});
  for (size_t k = c->n; k-- > 0;) {
    const actor_mention *m = &c->m[k];
    if (m->sent + 3 < c->sent) break;
    int firm = m->entry && country_like(m->code) && !strncmp(m->code + 3, "BUS", 3) &&
               !(m->flags & ACTOR_AGENT);
    int central = bank && (m->flags & ACTOR_AGENT) && m->ntok == 2 &&
                  tok_is(c, m->tok, (const char *const[]){"central", NULL});
    if (firm || central) {
      snprintf(out, ACTOR_CODE_MAX, "%s", m->code);
      *from = (span_from){(int64_t)m->start, (int64_t)m->end};
      return 1;
    }
  }
  return 0;
}

/* firm_title: the title at i..i+len is a firm's or a body's, not a state's:
 * right after one ("a company spokesman", "the union's president", "Texas
 * Eastern Corp's ... unit President Howard C. Homeyer", "Chrysler Corp
 * chairman"), or of one named after it ("a spokesman for General Motors
 * Corp", "president of Colombia's exporters' association"). Writes the code
 * to out: the body's own when it is a mention, else its country (if named)
 * and BUS or NGO. Only for state-role titles that bodies have too. */
static int firm_title(const ctx *c, const dict_entry *ag, uint32_t i, uint32_t len, uint32_t end,
                      char *out, span_from *from) {
  static const char *const PART[] = {"unit", "subsidiary", "division", "affiliate", "exchange",
                                     "airline", "carrier", "utility", "brokerage", "insurer",
                                     "refinery", "mill", "plant", "mine", NULL};
  if (strncmp(role_of(ag, c->date), "GOV", 3) || !tok_is(c, i + len - 1, FIRM_TITLE)) return 0;
  /* ", a spokesman said" closing a sentence that opens with a company's name
   * ("Guinness Plc will seek an injunction in the U.K. High Court ..., a
   * spokesman said"): the company's */
  if (trailing_source(c, i, len, end) && company_opens(c, i)) {
    strcpy(out, "---BUS");
    return 1;
  }
  uint32_t s0 = c->td->sent[c->sent].tok, p = i;
  if (p > s0 && is_possessive(c, p - 1)) p--;
  /* past a stock ticker: "Inland Steel Industries Inc <IAD> spokesman" */
  if (p > s0 + 3 && c->td->z[c->td->tok[p - 1].start] == '>')
    for (uint32_t k = p - 1; k > s0 && k + 4 > p; k--)
      if (c->td->z[c->td->tok[k - 1].start] == '<') {
        p = k - 1;
        break;
      }
  if (p > s0) {
    const actor_mention *last = c->n ? &c->m[c->n - 1] : NULL;
    if (last && last->tok + last->ntok == p) {
      /* "a union spokesman"; not "Central Bank President", a state's, nor
       * "told reporters President Reagan" */
      if (!is_body(last->code) || (last->flags & (ACTOR_PLURAL | ACTOR_PERSON))) return 0;
      snprintf(out, ACTOR_CODE_MAX, "%s", last->code);
      *from = (span_from){(int64_t)last->start, (int64_t)last->end};
      return 1;
    }
    int cap = (c->td->tok[p - 1].flags & TOK_CAP) && c->td->casing == TEXT_MIXED;
    if (tok_is(c, p - 1, PART) || (cap && p - 1 > s0 && tok_is(c, p - 1, COMPANY))) {
      /* a firm dyad does not know: of the country of a firm named before, if any */
      const actor_mention *f = NULL;
      for (size_t k = c->n; k-- > 0 && !f;)
        if (c->m[k].sent + 1 >= c->sent && country_like(c->m[k].code) &&
            !strncmp(c->m[k].code + 3, "BUS", 3))
          f = &c->m[k];
      if (f) snprintf(out, ACTOR_CODE_MAX, "%s", f->code);
      else strcpy(out, "---BUS");
      if (f) *from = (span_from){(int64_t)f->start, (int64_t)f->end};
      return 1;
    }
  }
  uint32_t j = i + len;
  if (j + 1 >= end || !tok_is(c, j, (const char *const[]){"for", "of", "at", NULL})) return 0;
  j++;
  if (tok_is(c, j, (const char *const[]){"the", NULL})) j++;
  uint32_t alen = 0;
  const dict_entry *e = j < end ? match(c, j, end, 1u << DICT_ACTOR, &alen) : NULL;
  char cbuf[ACTOR_CODE_MAX];
  const char *code = e && !(e->flags & DICT_F_PERSON) ? code_of(e, c->date, cbuf) : NULL;
  /* (the name after is a mention of its own too: this one is resolved from it) */
  if (code)
    *from = (span_from){(int64_t)c->td->tok[j].start, (int64_t)c->td->tok[j + alen - 1].end};
  if (code && is_body(code)) {
    snprintf(out, ACTOR_CODE_MAX, "%s", code);
    return 1;
  }
  const char *role = NULL;
  if (code && j + alen < end && is_possessive(c, j + alen)) {
    /* "of Colombia's exporters' association": a body of that country */
    for (uint32_t k = j + alen + 1; k < end && k < j + alen + 6 && !role; k++) {
      if (tok_is(c, k, COMPANY)) role = "BUS";
      else if (tok_is(c, k, ASSOCIATION)) role = "NGO";
      else if (!(c->td->tok[k].flags & TOK_WORD) && !is_possessive(c, k)) break;
    }
    if (!role) return 0;
    char base[ACTOR_CODE_MAX];
    country_of(base, code);
    compose(out, base, role);
    return 1;
  }
  uint32_t nco = code ? 0 : company_after(c, j, end, &role);
  if (nco) {
    compose(out, "---", role);
    *from = (span_from){(int64_t)c->td->tok[j].start, (int64_t)c->td->tok[j + nco - 1].end};
    return 1;
  }
  return 0;
}

/* trailing_source: the role noun at i..i+len speaks in a closing attribution
 * (", an Economic Ministry official said.", ", government officials said"):
 * a comma within a few words before it, and "said" or the like right after. */
static int trailing_source(const ctx *c, uint32_t i, uint32_t len, uint32_t end) {
  if (i + len >= end || !tok_is(c, i + len, SAID)) return 0;
  uint32_t s0 = c->td->sent[c->sent].tok;
  for (uint32_t k = i; k > s0 && k + 5 > i;) {
    k--;
    const text_token *t = &c->td->tok[k];
    if (t->end - t->start == 1 && c->td->z[t->start] == ',') return 1;
    if (!(t->flags & TOK_WORD)) return 0;
    if (c->n && c->m[c->n - 1].tok + c->m[c->n - 1].ntok > k) return 0; /* an actor's word */
  }
  return 0;
}

/* closing_country: the country of the speaker of the sentence's closing
 * attribution (", Bolivian Information Minister Herman Antelo said."), found
 * after the last comma before a "said" among the sentence's last words;
 * writes it to out. */
static int closing_country(const ctx *c, uint32_t i, uint32_t end, char *out) {
  uint32_t said = NONE, len;
  for (uint32_t k = end; k-- > i && k + 6 > end;)
    if (tok_is(c, k, SAID)) {
      said = k;
      break;
    }
  if (said == NONE) return 0;
  uint32_t comma = NONE;
  for (uint32_t k = said; k-- > i && k + 9 > said;) {
    const text_token *t = &c->td->tok[k];
    if (t->end - t->start == 1 && c->td->z[t->start] == ',') {
      comma = k;
      break;
    }
  }
  if (comma == NONE) return 0;
  for (uint32_t k = comma + 1; k < said; k++) {
    const dict_entry *e = match(c, k, end, 1u << DICT_ACTOR, &len);
    char cbuf[ACTOR_CODE_MAX];
    const char *code = e && !(e->flags & DICT_F_MEDIA) ? code_of(e, c->date, cbuf) : NULL;
    if (code && country_like(code) && strlen(code) >= 3) {
      country_of(out, code);
      return 1;
    }
    if (e) k += len - 1;
  }
  return 0;
}

/* first_state: the first state-level actor of the current sentence that is
 * no news outlet, or NULL. */
static const actor_mention *first_state(const ctx *c) {
  const actor_mention *f = NULL;
  for (size_t k = c->n; k-- > 0 && c->m[k].sent == c->sent;)
    if ((c->m[k].flags & ACTOR_STATE) && !(c->m[k].flags & ACTOR_MEDIA)) f = &c->m[k];
  return f;
}

/* named_state: m names a state-level actor itself ("Britain", "British
 * officials"): not a pronoun, an outlet, or a role noun that took its country
 * from another ("a bank spokesman" after "Vladivostok"). */
static int named_state(const actor_mention *m) {
  return (m->flags & ACTOR_STATE) && !(m->flags & (ACTOR_PRONOUN | ACTOR_MEDIA)) &&
         m->from_start < 0 && strlen(m->code) >= 3 && strncmp(m->code, "---", 3);
}

/* topic_country: the country the document has named most often so far (its
 * state-level actors named as such), if it leads the next by two or more;
 * writes it to out. */
static int topic_country(const ctx *c, char *out) {
  /* one pass, counting by country in a small table (a document names few) */
  enum { NTOPIC = 32 };
  char code[NTOPIC][4];
  int count[NTOPIC], nc = 0;
  for (size_t k = 0; k < c->n; k++) {
    const actor_mention *m = &c->m[k];
    if (!named_state(m)) continue;
    int t = 0;
    while (t < nc && strncmp(code[t], m->code, 3)) t++;
    if (t == nc) {
      if (nc == NTOPIC) continue;
      memcpy(code[t], m->code, 3), code[t][3] = 0, count[t] = 0, nc++;
    }
    count[t]++;
  }
  int best = -1, nbest = 0, nsecond = 0;
  for (int t = 0; t < nc; t++) {
    if (count[t] > nbest) nsecond = nbest, nbest = count[t], best = t;
    else if (count[t] > nsecond) nsecond = count[t];
  }
  if (best < 0 || nbest < 2 || nbest < nsecond + 2) return 0;
  memcpy(out, code[best], 4);
  return 1;
}

/* backer_of: actor m is the backer in a compound before the role noun at i
 * ("U.S.-backed contra rebels", "Iran-funded militias"): the role noun is
 * not of m's country. */
static int backer_of(const ctx *c, const actor_mention *m, uint32_t i) {
  static const char *const BACKED[] = {"backed", "led", "funded", "supported", "sponsored",
                                       "armed", "trained", "allied", "aligned", "installed",
                                       "controlled", NULL};
  uint32_t k = m->tok + m->ntok;
  if (m->sent != c->sent || k + 2 > i || k + 4 < i) return 0;
  const text_token *t = &c->td->tok[k];
  return t->end - t->start == 1 && c->td->z[t->start] == '-' && tok_is(c, k + 1, BACKED);
}

/* agent_at handles an agent at i not preceded by its actor. */
static uint32_t agent_at(ctx *c, const dict_entry *ag, uint32_t i, uint32_t len, uint32_t end) {
  uint32_t j = i + len, alen;
  /* a title before a known person: "President Vladimir Putin" */
  const dict_entry *e = j < end ? match(c, j, end, 1u << DICT_ACTOR, &alen) : NULL;
  if (e && (e->flags & DICT_F_PERSON)) {
    size_t before = c->n;
    uint32_t after = actor_at(c, e, j, alen, end);
    if (c->n > before) {
      actor_mention *m = &c->m[c->n - 1];
      m->tok = i;
      m->ntok = after - i;
      m->start = c->td->tok[i].start;
      return after;
    }
    /* actor_at took the name for someone else's ("Finance Minister Lindner"
     * in 1987): the title and an unknown name, below */
  }
  /* "a company spokesman", "a spokesman for General Motors Corp" */
  char firm[ACTOR_CODE_MAX];
  span_from from = {-1, -1};
  if (firm_title(c, ag, i, len, end, firm, &from) || firm_ref(c, ag, i, len, firm, &from)) {
    actor_mention *m = push(c, i, len, firm);
    if (!m) return end;
    m->from_start = from.start, m->from_end = from.end;
    m->agent = ag;
    m->flags |= ACTOR_AGENT | (singular(ag) ? 0 : ACTOR_PLURAL);
    return title_name(c, ag, j, end);
  }
  /* "the government of Iraq", "troops of North Korea" */
  uint32_t k = j;
  if (k < end && tok_is(c, k, (const char *const[]){"of", NULL})) {
    k++;
    if (k < end && tok_is(c, k, (const char *const[]){"the", NULL})) k++;
    e = k < end ? match(c, k, end, 1u << DICT_ACTOR, &alen) : NULL;
    char cbuf[ACTOR_CODE_MAX];
    const char *code = e && !(e->flags & DICT_F_PERSON) ? code_of(e, c->date, cbuf) : NULL;
    if (code) {
      char buf[ACTOR_CODE_MAX];
      compose_agent(buf, code, ag, c->date);
      actor_mention *m = push(c, i, k + alen - i, buf);
      if (!m) return end;
      m->entry = e;
      m->agent = ag;
      if (!singular(ag)) m->flags |= ACTOR_PLURAL;
      return k + alen;
    }
  }
  /* alone: the country of the nearest actor before it, else of the first
   * one after it in the sentence ("President Omar el-Bashir ... in Sudan"),
   * else unknown */
  int org = org_role(c, i);
  const actor_mention *near = org ? NULL : nearest(c, ACTOR_STATE, 0);
  if (near && backer_of(c, near, i)) near = NULL; /* "U.S.-backed contra rebels" */
  /* an official who speaks at the end of a sentence ("..., government
   * officials said") speaks of its subject, the first actor, more often than
   * of the last one named ("Nakasone intervened in Japan's dispute with the
   * U.S., government officials said"); not rebels or residents, who are no
   * state's */
  const char *role = role_of(ag, c->date);
  if (near && near->sent == c->sent && (!strncmp(role, "GOV", 3) || !strncmp(role, "MIL", 3)) &&
      trailing_source(c, i, len, end)) {
    const actor_mention *f = first_state(c);
    if (f) near = f;
  }
  char base[ACTOR_CODE_MAX], buf[ACTOR_CODE_MAX];
  /* with none in its own sentence, a role noun belongs to the country the
   * document is about (named most often, by two or more) rather than to one
   * named in passing in the sentence before ("The shadow home secretary,
   * Diane Abbott, said", after a mention of Bangladesh, in a story about
   * Britain) */
  char topic[4];
  if (near && near->sent != c->sent && !org && topic_country(c, topic) &&
      strncmp(topic, near->code, 3)) {
    /* (one named later in its own sentence still comes first: "Two people
     * were killed in Baghdad") */
    near = NULL;
    if (!country_ahead(c, j, end, base)) strcpy(base, topic);
  } else if (near) {
    country_of(base, near->code);
  } else if (!org && !strncmp(role, "COP", 3) && closing_country(c, j, end, base)) {
    /* police with no country before them, in a sentence a state's official
     * closes ("Police fired tear gas ..., Bolivian
     * Information Minister Herman Antelo said"): that state's, not the first
     * country named after them ("... West German President Richard
     * Weizsaecker's motorcade") */
  } else if (org || !country_ahead(c, j, end, base)) {
    strcpy(base, "---");
  }
  compose_agent(buf, base, ag, c->date);
  actor_mention *m = push(c, i, len, buf);
  if (!m) return end;
  m->agent = ag;
  m->flags |= ACTOR_AGENT | (singular(ag) ? 0 : ACTOR_PLURAL);
  if (near) resolved(m, near);
  return title_name(c, ag, j, end);
}

/* The words pronoun_at resolves, with what each is (a mask of PRO_*), zero-
 * padded to 12 bytes so that a token folded into a 12-byte buffer is compared
 * with each in two loads. */
enum { PRO_IT = 1, PRO_HE = 2, PRO_THEY = 4, PRO_THE = 8, PRO_POSS = 16 };
static const struct pronoun {
  char w[12];
  unsigned n, kind;
} PRONOUNS[] = {
    {"the", 3, PRO_THE},           {"it", 2, PRO_IT},
    {"its", 3, PRO_IT | PRO_POSS}, {"itself", 6, PRO_IT},
    {"he", 2, PRO_HE},             {"his", 3, PRO_HE | PRO_POSS},
    {"him", 3, PRO_HE},            {"she", 3, PRO_HE},
    {"her", 3, PRO_HE | PRO_POSS}, {"himself", 7, PRO_HE},
    {"herself", 7, PRO_HE},        {"they", 4, PRO_THEY},
    {"their", 5, PRO_THEY | PRO_POSS}, {"them", 4, PRO_THEY},
    {"themselves", 10, PRO_THEY},
};

/* pronoun_at resolves a pronoun or "the country" at i; returns the next token,
 * or i when there is none. */
/* expletive_it: "it" that names nothing: "it is not clear that", "it was
 * reported", "it seems", "it is time to". */
static int expletive_it(const ctx *c, uint32_t i, uint32_t end) {
  static const char *const BE_IT[] = {"is", "was", "'s", "’s", "has", "had", "will", "would",
                                      "may", "might", NULL};
  static const char *const LINK[] = {"seems", "seemed", "appears", "appeared", "remains",
                                     "remained", "takes", "took", NULL};
  static const char *const PRED[] = {
      "clear", "unclear", "likely", "unlikely", "possible", "impossible", "expected", "understood",
      "believed", "thought", "said", "reported", "known", "feared", "hoped", "important",
      "necessary", "difficult", "hard", "easy", "time", "true", "obvious", "estimated",
      "alleged", "claimed", "rumoured", "rumored", "argued", "assumed", "uncertain", "doubtful",
      "vital", "essential", "crucial", "worth", "too", "raining", NULL};
  /* words between "is" and the predicate: "it is not/still/also very clear" */
  static const char *const BETWEEN[] = {
      "not", "no", "still", "also", "now", "be", "been", "being", "very", "extremely", "so",
      "quite", "highly", "particularly", "really", "absolutely", "equally", "more", "most",
      "less", "increasingly", "already", "even", "becoming", "become", "became", NULL};
  if (!tok_is(c, i, (const char *const[]){"it", NULL}) || i + 1 >= end) return 0;
  if (tok_is(c, i + 1, LINK)) return 1;
  if (!tok_is(c, i + 1, BE_IT)) return 0;
  uint32_t k = i + 2;
  while (k < end && k < i + 5 && tok_is(c, k, BETWEEN)) k++;
  return k < end && tok_is(c, k, PRED);
}

/* pronoun_kind: what the token z[0..n) (n <= 10) is among PRONOUNS, 0 if none. */
static unsigned pronoun_kind(const char *z, size_t n) {
  char w[12] = {0};
  for (size_t k = 0; k < n; k++) w[k] = (char)lower(z[k]);
  for (size_t p = 0; p < sizeof PRONOUNS / sizeof *PRONOUNS; p++)
    if (PRONOUNS[p].n == n && !memcmp(PRONOUNS[p].w, w, sizeof w)) return PRONOUNS[p].kind;
  return 0;
}

/* company_opens: the sentence of token i opens with the name of a company no
 * actor covers ("Smoky River Coal Ltd, operator of a mine near Grande Cache,
 * Alberta, said it agreed ...", "Union Bank of Switzerland said its ..."):
 * capitalised words, the last of which ends a company's name, before i; or
 * with "the company", "the airline", "the bank" ... */
static int named_company(const ctx *c, uint32_t sent, uint32_t s0, uint32_t lim);

static int company_opens(const ctx *c, uint32_t i) {
  uint32_t s0 = c->td->sent[c->sent].tok;
  while (s0 < i && !(c->td->tok[s0].flags & TOK_WORD)) s0++; /* "<", a quote mark */
  /* "The company said it ...", "The airline will start service ..., it said" */
  static const char *const FIRM[] = {"company", "airline", "bank", "firm", "carrier", "unit",
                                      "subsidiary", "concern", "utility", "group", NULL};
  if (s0 + 1 < i && tok_is(c, s0, (const char *const[]){"the", NULL}) && tok_is(c, s0 + 1, FIRM)) {
    int named = 0; /* "The Bank of France" is an actor */
    for (size_t m = c->n; m-- > 0 && c->m[m].sent == c->sent;)
      named |= c->m[m].tok <= s0 + 1 && c->m[m].tok + c->m[m].ntok > s0 + 1 &&
               !(c->m[m].flags & ACTOR_AGENT);
    if (!named) return 1;
  }
  return named_company(c, c->sent, s0, i);
}

/* named_company: sentence sent opens at its word s0 (before token lim) with
 * capitalised words of which one after the first ends a company's name
 * ("Walt Disney Co said"), and no actor is among its first words. */
static int named_company(const ctx *c, uint32_t sent, uint32_t s0, uint32_t lim) {
  if (c->td->casing != TEXT_MIXED) return 0;
  /* (mentions run in sentence order: the current sentence's are the last,
   * an earlier one's are found from the front) */
  if (sent == c->sent) {
    for (size_t m = c->n; m-- > 0 && c->m[m].sent == sent;)
      if (c->m[m].tok <= s0 + 6) return 0;
  } else {
    for (size_t m = 0; m < c->n && c->m[m].sent <= sent; m++)
      if (c->m[m].sent == sent && c->m[m].tok <= s0 + 6) return 0;
  }
  for (uint32_t k = s0; k < lim && k < s0 + 7; k++) {
    const text_token *t = &c->td->tok[k];
    if ((t->flags & (TOK_WORD | TOK_CAP)) != (TOK_WORD | TOK_CAP) &&
        !tok_is(c, k, (const char *const[]){"&", "and", NULL}))
      return 0;
    if (k > s0 && tok_is(c, k, COMPANY)) return 1;
  }
  return 0;
}

/* doc_company: the document's first sentence opens with the name of a
 * company that no actor names ("Walt Disney Co said it would build a park
 * near Paris"): a later "It said" is that company's rather than the last
 * country named. */
static int doc_company(const ctx *c) {
  if (c->sent == 0 || !c->td->nsent) return 0;
  const text_sentence *s = &c->td->sent[0];
  uint32_t s0 = s->tok, e = s->tok + s->ntok;
  while (s0 < e && !(c->td->tok[s0].flags & TOK_WORD)) s0++;
  return named_company(c, 0, s0, e);
}

/* speaker_for_it: what "it" names when it says something ("..., it said"):
 * the nearest actor as nearest() finds it, passing over, in its own sentence,
 * towns and regions, which say nothing ("service to Orlando, Fla., it said";
 * a capital speaks for its state), and the objects of prepositions ("imports
 * of U.S. corn, it said"). */
/* not_it: m cannot be what "it" stands for: it has a flag of avoid, or it is
 * a role noun for people ("the spokesman", "the minister") rather than for a
 * body ("the administration ... its sanctions", "the army said it"). */
static int not_it(const ctx *c, const actor_mention *m, unsigned avoid) {
  static const char *const BODY[] = {
      "government", "administration", "ministry", "army", "navy", "military", "company",
      "firm", "bank", "party", "council", "parliament", "court", "committee", "commission",
      "agency", "union", "cabinet", "regime", "authority", "junta", "department", "embassy",
      "corporation", "group", "coalition", "alliance", "movement", "organisation",
      "organization", "federation", "association", "legislature", "congress", "senate",
      "assembly", "opposition", NULL};
  if (m->flags & avoid) return 1;
  return (m->flags & ACTOR_AGENT) && !tok_is(c, m->tok + m->ntok - 1, BODY);
}

static const actor_mention *speaker_for_it(const ctx *c, unsigned avoid) {
  static const char *const PREPS[] = {"to", "from", "in", "at", "of", "into", "for", "with",
                                      "on", "near", "by", "against", "before", "over",
                                      "under", "between", "toward", "towards", NULL};
  for (size_t k = c->n; k-- > 0;) {
    const actor_mention *m = &c->m[k];
    if (m->sent + 1 < c->sent) break;
    if (not_it(c, m, avoid)) continue;
    /* (in the sentence before, the last actor named may well speak next:
     * "Syria fired on Turkey. It said it would respond.") */
    if (m->sent != c->sent) return m;
    if (m->entry && (m->entry->flags & DICT_F_PLACE) && !(m->entry->flags & DICT_F_CAPITAL))
      continue;
    uint32_t b = m->tok;
    if (b > 0 && tok_is(c, b - 1, (const char *const[]){"the", NULL})) b--;
    if (b > 0 && tok_is(c, b - 1, PREPS)) continue;
    return m;
  }
  return NULL;
}

static uint32_t pronoun_at(ctx *c, uint32_t i, uint32_t end) {
  const actor_mention *to = NULL;
  uint32_t len = 1;
  const text_token *t = &c->td->tok[i];
  size_t n = t->end - t->start;
  const char *z = c->td->z + t->start;
  /* every word below starts with "it", "he", "hi", "sh" or "th" */
  int ch = z[0] | 0x20, c2 = n > 1 ? z[1] | 0x20 : 0;
  if (!(t->flags & TOK_WORD) || n > 10) return i;
  if (ch == 'i' ? c2 != 't' : ch == 'h' ? c2 != 'e' && c2 != 'i' : ch == 's' || ch == 't' ? c2 != 'h' : 1)
    return i;
  /* the token is folded once, not by tok_is for each list ("the" went
   * through four) */
  unsigned kind = pronoun_kind(z, n);
  if (kind & PRO_IT) {
    if (expletive_it(c, i, end)) return i + 1;
    /* the company the sentence opens with, which no actor names */
    if (company_opens(c, i)) return i + 1;
    /* "a Reuters report that its personnel ...": an outlet's "its" is rare */
    int its = (kind & PRO_POSS) != 0;
    unsigned avoid = ACTOR_PERSON | ACTOR_PLURAL | (its ? ACTOR_MEDIA : 0);
    if (!its && i + 1 < end && tok_is(c, i + 1, SAID)) {
      to = speaker_for_it(c, avoid);
      /* in a story about a company, "It said" in a later sentence is the
       * company's, not a country named in passing */
      if (to && to->sent != c->sent && country_like(to->code) &&
          strncmp(to->code + 3, "BUS", 3) && doc_company(c))
        return i + 1;
    } else {
      for (size_t k = c->n; k-- > 0 && !to;) {
        if (c->m[k].sent + 1 < c->sent) break;
        if (!not_it(c, &c->m[k], avoid)) to = &c->m[k];
      }
    }
  } else if (kind & PRO_HE) {
    to = nearest(c, ACTOR_PERSON, 0);
  } else if (kind & PRO_THEY) {
    to = nearest(c, ACTOR_PLURAL, ACTOR_MEDIA);
    if (!to) to = nearest(c, 0, ACTOR_PERSON | ACTOR_MEDIA);
  } else if (i + 1 < end && (kind & PRO_THE) &&
             tok_is(c, i + 1, (const char *const[]){"country", "nation", NULL})) {
    to = nearest(c, ACTOR_STATE, ACTOR_PERSON | ACTOR_AGENT);
    len = 2;
  } else {
    return i;
  }
  if (!to) return i + len;
  char code[ACTOR_CODE_MAX];
  snprintf(code, sizeof code, "%s", to->code);
  uint32_t at, alen;
  const dict_entry *ag = NULL;
  if (len == 1 && (kind & PRO_POSS)) ag = agent_after(c, i + 1, end, &at, &alen);
  if (ag && ag->kind == DICT_AGENT) {
    char base[ACTOR_CODE_MAX];
    country_of(base, to->code);
    compose_agent(code, base, ag, c->date);
    len = at + alen - i;
  } else {
    ag = NULL;
  }
  unsigned keep = to->flags & (ACTOR_PERSON | ACTOR_PLURAL | ACTOR_STATE);
  actor_mention *m = push(c, i, len, code);
  if (!m) return end;
  m->flags = ACTOR_PRONOUN | (ag ? (to->flags & ACTOR_STATE) | (singular(ag) ? 0 : ACTOR_PLURAL) : keep);
  m->entry = to->entry;
  m->agent = ag;
  resolved(m, to);
  return i + len;
}

static uint32_t alias_at(ctx *c, uint32_t i, uint32_t end) {
  const actor_mention *to = alias_find(c, i);
  if (!to) return i;
  /* "Kim" is not "Kim Yo-jong": the alias must stand alone */
  if (i + 1 < end && (c->td->tok[i + 1].flags & TOK_CAP) && (c->td->tok[i + 1].flags & TOK_WORD))
    return i;
  actor_mention *m = push(c, i, 1, to->code);
  if (!m) return end;
  m->flags = ACTOR_ALIAS | (to->flags & (ACTOR_PERSON | ACTOR_STATE));
  m->entry = to->entry;
  resolved(m, to);
  return i + 1;
}

static void sentence(ctx *c, const text_sentence *s) {
  uint32_t i = s->tok, end = s->tok + s->ntok;
  while (i < end && !c->oom) {
    uint32_t len;
    const dict_entry *e = match(c, i, end, KINDS_ALL, &len);
    if (e && e->kind == DICT_DISCARD) i += len;
    else if (e && e->kind == DICT_ACTOR) i = actor_at(c, e, i, len, end);
    else if (e && e->kind == DICT_AGENT) i = agent_at(c, e, i, len, end);
    else {
      uint32_t k = pronoun_at(c, i, end);
      if (k == i) k = alias_at(c, i, end);
      i = k == i ? i + 1 : k;
    }
  }
}

int actor_find(const dict *d, arena *a, const text_doc *td, int32_t date, actor_list *out) {
  out->m = NULL;
  out->n = 0;
  out->ids = NULL;
  out->ids_dict = NULL;
  ctx *c = arena_alloc(a, sizeof *c);
  if (!c) return ERR_NOMEM;
  memset(c, 0, offsetof(ctx, al));
  c->d = d;
  c->a = a;
  c->td = td;
  c->date = date;
  c->ahead_sent = NONE;
  c->ids = arena_alloc(a, (td->ntok ? td->ntok : 1) * sizeof *c->ids);
  if (!c->ids) return ERR_NOMEM;
  dict_keys(d, td, c->ids);
  for (uint32_t s = 0; s < td->nsent && !c->oom; s++) {
    c->sent = s;
    sentence(c, &td->sent[s]);
  }
  if (c->oom) return ERR_NOMEM;
  out->m = c->m;
  out->n = c->n;
  out->ids = c->ids;
  out->ids_dict = d;
  return ERR_OK;
}
