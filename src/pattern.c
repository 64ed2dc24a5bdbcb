/* pattern.c: the TABARI / PETRARCH pattern coder (pattern.h).
 *
 * Two halves. The index: verb roots and their patterns compiled from the
 * dict's verb entries into element sequences (pel), with the synonym sets
 * and root marks read back from the entries' source files. The coder: one
 * sentence at a time, a word array (the tokens TABARI would see), actor
 * units on it, comma clauses removed, clauses cut, verbs found, patterns
 * tried. */
#include "pattern.h"

#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

#define NONE UINT32_MAX
#define KEY_MAX 128
#define MAX_UNIT_CODES 16  /* codes of one actor unit (a compound) */
#define MATCH_BUDGET 4000  /* element tries per pattern: keeps a try bounded */
#define MAX_SENT_WORDS 400 /* words of a sentence the coder looks at */

/* ---- growable arrays (malloc; the index only) ------------------------- */

static int grow(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return ERR_OK;
  size_t ncap = *cap ? *cap : 32;
  while (ncap < need) ncap *= 2;
  void *q = realloc(*p, ncap * size);
  if (!q) return ERR_NOMEM;
  *p = q;
  *cap = ncap;
  return ERR_OK;
}

/* ---- compiled patterns -------------------------------------------------- */

enum { EL_WORD = 1, EL_VERB, EL_SRC, EL_TGT, EL_BOTH, EL_SKIP, EL_CHOICE };
enum { M_STEM = 0, M_EXACT, M_NOEND }; /* how a word element matches a text word */

typedef struct pel {
  uint8_t kind;
  uint8_t match;  /* M_STEM: a prefix of the word; M_EXACT: the word or it plus
                   * a regular ending (manual 5.2.3); M_NOEND: the word only */
  uint8_t adj;    /* joined to the element before it by '_' or '~': consecutive */
  uint8_t klen;
  uint32_t choice; /* EL_CHOICE: index into px->choices */
  const char *key; /* EL_WORD: text_key form */
} pel;

typedef struct pseq {
  uint32_t first, n; /* px->els[first .. first+n) */
} pseq;

typedef struct pchoice {
  uint32_t first, n; /* px->seqs[first .. first+n): the alternatives */
} pchoice;

typedef struct ppat {
  pseq pre, post;       /* before and after '*' */
  const dict_entry *e;  /* the pattern entry */
  uint32_t len;         /* TABARI's length: longer patterns are tried first */
  uint32_t order;       /* file order, for ties */
  uint8_t actors;       /* the pattern names $ + or % */
  uint8_t cflags;       /* code_flags of e */
} ppat;

/* A pattern's filter bits, kept apart from it (pattern_index.needs) so that
 * the filter loop reads only these: a bit per first two letters of each
 * word it requires (two), and per first three letters of those of four or
 * more letters (three; every form word_ok accepts keeps them). A clause
 * lacking one cannot match. */
typedef struct pneed {
  uint64_t two, three;
} pneed;

typedef struct proot {
  pseq words;           /* the root phrase: first word, then the rest */
  const dict_entry *e;  /* the root entry: its code */
  uint32_t block;       /* the patterns it shares */
  uint32_t len;         /* characters, for the longest-root-first rule */
  int null;             /* coded [---] without patterns: not a verb (manual 6.2) */
  uint8_t cflags;       /* code_flags of e */
} proot;

typedef struct pblock {
  uint32_t first, n;    /* px->pats[first .. first+n), longest first */
  uint32_t free_first, free_n; /* px->cand[free_first ..): its patterns without an anchor */
  uint32_t marks_first, marks_n; /* px->marked[marks_first ..): its patterns coded [###] or [+++] */
} pblock;

enum {
  W_COMMA = 1, W_CONJ = 2, W_DET = 4, W_NOUN = 8, W_DEAD = 16, W_INCOMP = 32, W_INROOT = 64,
  W_LNOUN = 128, /* in the <NOUN> list */
  W_ADJ = 256,   /* in the <ADJECTIVE> list */
  W_POSS = 512,  /* a possessive "'s" followed */
  W_PRON = 1024, W_PRONS = 2048, /* PRON_ONE, PRON_GROUP */
};

/* Anchors. A verb like SAID has over a thousand patterns and nearly all of
 * them name a word the clause lacks. Each pattern gets an anchor: a prefix
 * that every text word matching one of its required words starts with
 * (el_anchor), of the required word that the fewest patterns name. A
 * sentence looks up once the anchors its words start with; a verb then
 * tries only its patterns whose anchor is in the span, and those without
 * one, in block order: the same tries as walking the whole block, less
 * those that could not match. */
#define ANCHOR_MAX 8 /* longer anchors are cut: a word's first 8 letters say enough */

/* What the coder needs of a token of the dict's vocabulary, worked out once
 * (index_words) instead of in every sentence. */
typedef struct pword {
  const char *key;  /* dict_key: the dict's copy */
  uint32_t roots;   /* px->plist[roots]: how many, then as many root_cands */
  uint32_t anchors; /* px->plist[anchors]: how many, then key_anchors */
  uint16_t flags;   /* W_COMMA, W_CONJ, W_DET, W_PRON, W_PRONS, W_LNOUN, W_ADJ */
  uint8_t klen;     /* the key's length (tokens of KEY_MAX or more have no id) */
  uint8_t two, three; /* the bit letters_bit, letters_bit3 set, or 64 for none */
} pword; /* 24 bytes: a sentence reads one per word */

static uint8_t bit_index(uint64_t m) { return m ? (uint8_t)__builtin_ctzll(m) : 64; }
static uint64_t bit_mask(uint8_t i) { return i < 64 ? 1ull << i : 0; }

typedef struct aslot { /* an anchor in the table a sentence's words look up */
  uint64_t key;    /* its letters packed (anchor_pack); 0 = empty */
  uint32_t id;
} aslot;

typedef struct bslot { /* the patterns of one block with one anchor */
  uint64_t key;        /* (block + 1) << 32 | anchor id; 0 = empty */
  uint32_t first, n;   /* px->cand[first .. first+n): block-relative, ascending */
} bslot;

/* need_mask: the letters bits of the words a pattern requires outside its
 * alternatives (an alternative's words are optional). */
struct pattern_index;
static uint64_t need_mask(const struct pattern_index *px, const ppat *P, uint64_t *need3);


typedef struct pset {
  char name[64];
  uint32_t choice;
} pset;

/* A verb root's first word, hashed: word key -> roots starting with it. */
typedef struct rslot {
  const char *key;
  uint64_t k8;       /* its first 8 bytes (key8): most keys compare without reading key */
  uint32_t klen;
  uint32_t first, n; /* px->rootlist[first .. first+n) */
} rslot;

/* A root of an rslot: what root_at reads of it before it takes it, so that
 * a word's candidates cost no visit to px->roots and px->els. */
typedef struct rcand {
  uint32_t root, len; /* len: proot.len */
  uint8_t match;      /* of its first word, whose key is the rslot's */
  uint8_t more;       /* more words follow */
} rcand;

/* key8: k[0..n) packed into 8 bytes, zeros after its end. */
static uint64_t key8(const char *k, uint32_t n) {
  uint64_t x = 0;
  memcpy(&x, k, n < 8 ? n : 8);
  return x;
}

struct pattern_index {
  const dict *d;
  arena mem; /* keys */
  pel *els;
  size_t nels, cap_els;
  pseq *seqs;
  size_t nseqs, cap_seqs;
  pchoice *choices;
  size_t nchoices, cap_choices;
  ppat *pats;
  pneed *needs; /* pats[i]'s filter bits, apart: the filter loop reads only these */
  uint32_t *marked; /* block-relative numbers of the patterns coded [###] or [+++], by block */
  size_t npats, cap_pats;
  proot *roots;
  size_t nroots, cap_roots;
  pblock *blocks;
  size_t nblocks, cap_blocks;
  pset *sets;
  size_t nsets, cap_sets;
  rslot *rhash;
  size_t rcap;
  rcand *rootlist;
  uint32_t max_root_key; /* longest first-word key, bounds the prefix search */
  int root_units;        /* some root has a $ + % or ^ (seq_units) */
  aslot *anchors;        /* the anchors patterns chose, by anchor_pack */
  size_t acap;
  uint32_t max_anchor;   /* the longest */
  uint8_t anchor1[256 / 8];    /* a bit per first letter of an anchor of one letter */
  uint8_t anchor2[65536 / 8];  /* a bit per first two letters of a longer one */
  uint64_t abloom[1024]; /* a bit per mix(anchor_pack) >> 48 */
  uint64_t (*bbloom)[8]; /* per block, a bit per anchor id % 512 of its patterns */
  bslot *bhash;          /* (block, anchor) -> patterns */
  size_t bcap;
  uint32_t *cand;        /* block-relative pattern numbers, by (block, anchor) then free */
  struct pword *pw;      /* by dict token id: what index_words found */
  uint8_t list_first[6][256 / 8]; /* by length, a bit per first letter of the words of
                                  * key_flags' lists (none is longer than 5) */
  uint8_t *dfirst;       /* by dict token id, a bit: the first token of a discard
                          * phrase or of an actor with a code [###] on some date */
  uint32_t *plist;       /* the lists of pword: a count, then the items */
  size_t nplist;
  uint32_t max_block;    /* patterns in the largest block */
  uint8_t root2[65536 / 8]; /* a bit per first two letters (upper case) of a root key */
  uint8_t root3[32768 / 8]; /* a bit per hash of the first three letters, for keys of 3+ */
  uint64_t rbloom[1024];    /* a bit per mix(hash_str(key)) >> 48 of a root's first word */
  uint64_t rlens[4096];     /* by pair_bucket, a bit per length - 1 of those keys */
  uint8_t alens[4096];      /* by pair_bucket, a bit per length - 1 of the anchors of 2+ */
  struct lslot *lex;     /* TABARI <NOUN> and <ADJECTIVE> words (manual 5.3.2) */
  size_t lcap, nlex;
};

static uint64_t letters_bit(const char *k, uint32_t n);
static uint64_t letters_bit3(const char *k, uint32_t n);

static uint64_t need_mask(const struct pattern_index *px, const ppat *P, uint64_t *need3) {
  uint64_t m = 0;
  const pseq *seqs[2] = {&P->pre, &P->post};
  *need3 = 0;
  for (int s = 0; s < 2; s++)
    for (uint32_t i = 0; i < seqs[s]->n; i++) {
      const pel *e = &px->els[seqs[s]->first + i];
      if (e->kind != EL_WORD || e->klen < 2) continue;
      if (e->klen >= 4) *need3 |= letters_bit3(e->key, e->klen);
      else m |= letters_bit(e->key, e->klen);
    }
  return m;
}


enum { LEX_NOUN = 1, LEX_ADJ = 2 };

typedef struct lslot {
  const char *key; /* text_key form; NULL = empty */
  uint8_t kind;
} lslot;

/* ---- source files: what the dict no longer says ------------------------ */

typedef struct srcfile {
  const char *path;  /* the entry's source (interned by the dict) */
  char *z;           /* the file, lines NUL-terminated */
  char **line;       /* line[k] for line number k (1-based); NULL past the end */
  uint32_t nlines;
  int petrarch;      /* has "--- NAME [CODE] ---" blocks */
  uint32_t *block;   /* line -> the line that opens its verb block */
} srcfile;

static void src_free(srcfile *s) {
  free(s->z);
  free(s->line);
  free(s->block);
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static char *skip_blank(char *s) {
  while (is_blank(*s)) s++;
  return s;
}

/* tabari_head: a TABARI verbs line that starts a verb (not a pattern, form,
 * set, section tag or comment). */
static int tabari_head(const char *s) {
  if (!*s || is_blank(*s)) return 0;
  return !strchr("-{}&+<#/;~", *s) && strchr(s, '[') != NULL;
}

static int src_load(srcfile *s, const char *path) {
  memset(s, 0, sizeof *s);
  s->path = path;
  FILE *f = fopen(path, "rb");
  if (!f) return ERR_NOTFOUND;
  size_t cap = 1 << 16, n = 0;
  char *z = malloc(cap + 1);
  for (size_t r; z && (r = fread(z + n, 1, cap - n, f)) > 0;) {
    n += r;
    if (n == cap) {
      char *y = realloc(z, cap * 2 + 1);
      if (!y) free(z);
      z = y;
      cap *= 2;
    }
  }
  fclose(f);
  if (!z) return ERR_NOMEM;
  z[n] = 0;
  s->z = z;
  size_t nl = 2;
  for (size_t i = 0; i < n; i++) nl += z[i] == '\n' || (z[i] == '\r' && z[i + 1] != '\n');
  s->line = calloc(nl + 1, sizeof *s->line);
  s->block = calloc(nl + 1, sizeof *s->block);
  if (!s->line || !s->block) return ERR_NOMEM;
  uint32_t k = 1;
  s->line[k] = z;
  for (size_t i = 0; i < n; i++) {
    if (z[i] == '\r' && z[i + 1] == '\n') z[i++] = 0;
    if (z[i] == '\n' || z[i] == '\r') {
      z[i] = 0;
      s->line[++k] = z + i + 1;
    }
  }
  s->nlines = k;
  for (uint32_t j = 1; j <= k; j++)
    if (!strncmp(s->line[j], "---", 3) && strlen(s->line[j]) > 6) s->petrarch = 1;
  uint32_t open = 0;
  for (uint32_t j = 1; j <= k; j++) {
    const char *l = s->line[j];
    if (s->petrarch ? !strncmp(l, "---", 3) : tabari_head(l)) open = j;
    s->block[j] = open;
  }
  return ERR_OK;
}

/* uncomment cuts a copy of a line at its comment: ';' (TABARI) or '#'
 * (PETRARCH), and at "<!--". */
static void uncomment(char *s, int petrarch) {
  char *c = strchr(s, petrarch ? '#' : ';');
  if (c) *c = 0;
  if ((c = strstr(s, "<!--"))) *c = 0;
  size_t n = strlen(s);
  while (n && is_blank(s[n - 1])) s[--n] = 0;
}

/* ---- nouns and adjectives ----------------------------------------------- */

static size_t lex_slot(const pattern_index *px, const char *k, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)k[i]) * 1099511628211ull;
  size_t j = (size_t)(h ^ (h >> 29)) & (px->lcap - 1);
  while (px->lex[j].key && !(strlen(px->lex[j].key) == n && !memcmp(px->lex[j].key, k, n)))
    j = (j + 1) & (px->lcap - 1);
  return j;
}

static int lex_find(const pattern_index *px, const char *k, size_t n) {
  if (!px->lcap) return 0;
  size_t j = lex_slot(px, k, n);
  return px->lex[j].key ? px->lex[j].kind : 0;
}

static int lex_add(pattern_index *px, const char *k, size_t n, int kind) {
  if ((px->nlex + 1) * 2 > px->lcap) {
    lslot *old = px->lex;
    size_t ocap = px->lcap;
    px->lcap = ocap ? ocap * 2 : 256;
    px->lex = calloc(px->lcap, sizeof *px->lex);
    if (!px->lex) return ERR_NOMEM;
    for (size_t i = 0; i < ocap; i++)
      if (old[i].key) px->lex[lex_slot(px, old[i].key, strlen(old[i].key))] = old[i];
    free(old);
  }
  size_t j = lex_slot(px, k, n);
  if (px->lex[j].key) return ERR_OK;
  const char *z = arena_strndup(&px->mem, k, n);
  if (!z) return ERR_NOMEM;
  px->lex[j] = (lslot){z, (uint8_t)kind};
  px->nlex++;
  return ERR_OK;
}

/* read_lexicon keeps the one-word entries of a TABARI actors file's
 * <NOUN> and <ADJECTIVE> sections, which the importer skips: they tell
 * compound phrases from clauses (manual 7.5.1). */
static int read_lexicon(pattern_index *px, const srcfile *f) {
  int kind = 0;
  for (uint32_t j = 1; j <= f->nlines; j++) {
    char l[256], key[KEY_MAX];
    snprintf(l, sizeof l, "%s", f->line[j]);
    uncomment(l, 0);
    char *t = skip_blank(l);
    if (!strncmp(t, "<NOUN", 5)) kind = LEX_NOUN;
    else if (!strncmp(t, "<ADJ", 4)) kind = LEX_ADJ;
    else if (t[0] == '<') kind = 0;
    else if (kind && *t) {
      size_t n = strlen(t);
      while (n && (t[n - 1] == '_' || is_blank(t[n - 1]))) n--;
      if (!n || memchr(t, '_', n) || memchr(t, ' ', n) || memchr(t, '[', n)) continue;
      size_t k = text_key(t, n, key, sizeof key);
      if (k && lex_add(px, key, k, kind)) return ERR_NOMEM;
    }
  }
  return ERR_OK;
}

/* code_has: the code holds ch three times in a row ("###", "+++"). */
static int code_has(const char *z, char ch) {
  for (; z[0] && z[1] && z[2]; z++)
    if (z[0] == ch && z[1] == ch && z[2] == ch) return 1;
  return 0;
}

/* What an entry's code says about the sentence, worked out at build time. */
enum { C_DISCARD = 1, C_COMPLEX = 2, C_NULL = 4 }; /* "###", "+++", starts with "---" */

static const char *code_of(const dict_entry *e) { return e->ncodes ? e->codes[0].code : "---"; }

static uint8_t code_flags(const dict_entry *e) {
  const char *z = code_of(e);
  return (uint8_t)((code_has(z, '#') ? C_DISCARD : 0) | (code_has(z, '+') ? C_COMPLEX : 0) |
                   (!strncmp(z, "---", 3) ? C_NULL : 0));
}

/* ---- parsing element sequences ----------------------------------------- */

typedef struct pparse {
  pattern_index *px;
  arena *scratch;
  int petrarch;  /* 0 a TABARI pattern, 1 PETRARCH, 2 a TABARI verb root */
  int bad;       /* an unknown set or unbalanced braces: the pattern is dropped */
  int actors;    /* $ + % seen */
  uint32_t len;  /* TABARI length so far */
} pparse;

static int push_el(pattern_index *px, const pel *e) {
  if (grow((void **)&px->els, &px->cap_els, px->nels + 1, sizeof *px->els)) return ERR_NOMEM;
  px->els[px->nels++] = *e;
  return ERR_OK;
}

static const pset *set_find(const pattern_index *px, const char *name, size_t n) {
  for (size_t i = 0; i < px->nsets; i++)
    if (strlen(px->sets[i].name) == n && !strncasecmp(px->sets[i].name, name, n)) return &px->sets[i];
  return NULL;
}

/* word_els adds the elements of one written word w[0..n): the text layer
 * splits it as it splits documents ("DIDN'T" is "did" + "n't"), so each
 * piece is an element, the later ones consecutive and exact. */
static int word_els(pparse *P, const char *w, size_t n, int match, int adj, pel *tmp, int *ntmp) {
  char buf[KEY_MAX], key[KEY_MAX];
  if (n >= sizeof buf) n = sizeof buf - 1;
  for (size_t i = 0; i < n; i++) buf[i] = w[i] == '-' ? ' ' : w[i];
  text_doc td;
  if (text_segment(P->scratch, buf, n, &td)) return ERR_NOMEM;
  for (uint32_t i = 0; i < td.ntok && *ntmp < 8; i++) {
    const text_token *t = &td.tok[i];
    size_t k = text_key(buf + t->start, t->end - t->start, key, sizeof key);
    if (!k || k > 255) continue;
    const char *z = arena_strndup(&P->px->mem, key, k);
    if (!z) return ERR_NOMEM;
    int last = i + 1 == td.ntok;
    tmp[(*ntmp)++] = (pel){EL_WORD, (uint8_t)(last ? match : M_NOEND), (uint8_t)(i ? 1 : adj),
                           (uint8_t)k, 0, z};
  }
  return ERR_OK;
}

static int parse_seq(pparse *P, const char **ps, const char *end, pseq *out, int depth);

/* parse_choice reads "{ a | b c | d }" at *ps (after the '{'). */
static int parse_choice(pparse *P, const char **ps, const char *end, uint32_t *choice,
                        uint32_t *maxlen, int depth) {
  pseq alts[32];
  int nalt = 0;
  uint32_t base = P->len;
  *maxlen = 0;
  for (;;) {
    pseq q;
    P->len = 0;
    if (parse_seq(P, ps, end, &q, depth + 1)) return ERR_NOMEM;
    if (P->len > *maxlen) *maxlen = P->len;
    if (nalt < 32) alts[nalt++] = q;
    if (*ps < end && **ps == '|') {
      (*ps)++;
      continue;
    }
    if (*ps < end && **ps == '}') (*ps)++;
    else P->bad = 1;
    break;
  }
  P->len = base;
  pattern_index *px = P->px;
  if (grow((void **)&px->seqs, &px->cap_seqs, px->nseqs + (size_t)nalt, sizeof *px->seqs) ||
      grow((void **)&px->choices, &px->cap_choices, px->nchoices + 1, sizeof *px->choices))
    return ERR_NOMEM;
  px->choices[px->nchoices] = (pchoice){(uint32_t)px->nseqs, (uint32_t)nalt};
  memcpy(px->seqs + px->nseqs, alts, (size_t)nalt * sizeof *alts);
  px->nseqs += (size_t)nalt;
  *choice = (uint32_t)px->nchoices++;
  return ERR_OK;
}

/* parse_seq reads elements up to '|', '}' or end. The elements of a
 * sequence are contiguous in px->els, so nested choices are parsed into
 * their own sequences first and the outer elements collected in tmp. */
static int parse_seq(pparse *P, const char **ps, const char *end, pseq *out, int depth) {
  pel tmp[64];
  int ntmp = 0, adj = 0;
  const char *s = *ps;
  while (s < end && ntmp < 56) {
    if (is_blank(*s)) {
      adj = 0;
      s++;
      continue;
    }
    if (*s == '_' ) { /* a connector after a token that is not a word */
      adj = 1;
      s++;
      P->len++;
      continue;
    }
    if (*s == '|' || *s == '}') break;
    pel e = {0, M_STEM, (uint8_t)adj, 0, 0, NULL};
    if (*s == '{') {
      uint32_t ml = 0;
      s++;
      if (depth > 4 || parse_choice(P, &s, end, &e.choice, &ml, depth)) return ERR_NOMEM;
      e.kind = EL_CHOICE;
      P->len += ml;
      tmp[ntmp++] = e;
    } else if (strchr("*$+%^", *s)) {
      static const char K[] = "*$+%^";
      static const uint8_t KIND[] = {EL_VERB, EL_SRC, EL_TGT, EL_BOTH, EL_SKIP};
      e.kind = KIND[strchr(K, *s) - K];
      if (e.kind == EL_SRC || e.kind == EL_TGT || e.kind == EL_BOTH) P->actors = 1;
      tmp[ntmp++] = e;
      s++;
    } else if (*s == '&') {
      const char *n0 = ++s;
      while (s < end && isalnum((unsigned char)*s)) s++;
      const pset *set = set_find(P->px, n0, (size_t)(s - n0));
      if (!set) {
        P->bad = 1;
        break;
      }
      e.kind = EL_CHOICE;
      e.choice = set->choice;
      /* a set counts nothing in the length: "* DOLLAR" goes before
       * "* &CURRENCY" (Validate.text SYNSET-07) */
      tmp[ntmp++] = e;
    } else {
      const char *w = s;
      while (s < end && !is_blank(*s) && !strchr("_~={}|*$%^&", *s) &&
             !(*s == '+' && s > w && s[-1] == '_'))
        s++;
      const char *we = s;
      /* TABARI: a word is a stem unless '_' ends it; then a root takes the
       * regular endings (manual 5.2.3) and a pattern word matches as
       * written (Validate.text SYNSET-19b, NOUNEND-13b). PETRARCH: words
       * match as written; its importer adds the forms. */
      int match = P->petrarch == 1 ? M_NOEND : M_STEM;
      if (s < end && *s == '_') match = P->petrarch == 2 ? M_EXACT : M_NOEND;
      if (s < end && *s == '=') match = M_NOEND, s++;
      P->len += (uint32_t)(we - w);
      if (we == w) {
        s++;
        continue;
      }
      if (word_els(P, w, (size_t)(we - w), match, adj, tmp, &ntmp)) return ERR_NOMEM;
    }
    adj = 0;
    if (s < end && (*s == '_' || *s == '~')) {
      P->len++;
      s++;
      adj = s < end && !is_blank(*s);
    }
  }
  *ps = s;
  out->first = (uint32_t)P->px->nels;
  out->n = 0;
  for (int i = 0; i < ntmp; i++) {
    if (push_el(P->px, &tmp[i])) return ERR_NOMEM;
    out->n++;
  }
  return ERR_OK;
}

static int parse_text(pattern_index *px, arena *scratch, int petrarch, const char *s, pseq *out,
                      uint32_t *len, int *actors, int *bad) {
  pparse P = {px, scratch, petrarch, 0, 0, 0};
  const char *p = s, *end = s + strlen(s);
  if (parse_seq(&P, &p, end, out, 0)) return ERR_NOMEM;
  if (p != end) P.bad = 1;
  if (len) *len = P.len;
  if (actors) *actors = P.actors;
  *bad = P.bad;
  return ERR_OK;
}

/* ---- synonym sets ------------------------------------------------------- */

/* read_sets reads "&NAME" and its "+member" lines from a verbs file. A
 * PETRARCH member also matches its plural unless the set's name or the
 * member ends in '_' (the importer adds the same plurals). */
static int read_sets(pattern_index *px, arena *scratch, const srcfile *f) {
  for (uint32_t j = 1; j <= f->nlines; j++) {
    const char *l = f->line[j];
    if (l[0] != '&') continue;
    char name[64];
    size_t n = 0;
    for (const char *p = l + 1; isalnum((unsigned char)*p) && n < 63; p++) name[n++] = *p;
    name[n] = 0;
    int noplural = l[1 + n] == '_';
    if (!n || set_find(px, name, n)) continue;
    pseq alts[256];
    int nalt = 0;
    for (uint32_t k = j + 1; k <= f->nlines && f->line[k][0] == '+' && nalt < 256; k++) {
      char m[512];
      snprintf(m, sizeof m, "%s", f->line[k] + 1);
      uncomment(m, f->petrarch);
      size_t mn = strlen(m);
      int exact = mn && m[mn - 1] == '_';
      int bad;
      pseq q;
      if (parse_text(px, scratch, f->petrarch, m, &q, NULL, NULL, &bad)) return ERR_NOMEM;
      /* the plural PETRARCH derives: the last word takes regular endings */
      if (f->petrarch && !noplural && !exact && q.n && px->els[q.first + q.n - 1].kind == EL_WORD)
        px->els[q.first + q.n - 1].match = M_EXACT;
      if (!bad && q.n) alts[nalt++] = q;
      arena_reset(scratch);
    }
    if (grow((void **)&px->seqs, &px->cap_seqs, px->nseqs + (size_t)nalt, sizeof *px->seqs) ||
        grow((void **)&px->choices, &px->cap_choices, px->nchoices + 1, sizeof *px->choices) ||
        grow((void **)&px->sets, &px->cap_sets, px->nsets + 1, sizeof *px->sets))
      return ERR_NOMEM;
    px->choices[px->nchoices] = (pchoice){(uint32_t)px->nseqs, (uint32_t)nalt};
    memcpy(px->seqs + px->nseqs, alts, (size_t)nalt * sizeof *alts);
    px->nseqs += (size_t)nalt;
    pset *S = &px->sets[px->nsets++];
    snprintf(S->name, sizeof S->name, "%s", name);
    S->choice = (uint32_t)px->nchoices++;
  }
  return ERR_OK;
}

/* ---- the index ---------------------------------------------------------- */

typedef struct bkey {
  uint64_t key; /* (file + 1) << 32 | block line, or a phrase hash; 0 = empty */
  uint32_t block;
} bkey;

typedef struct build {
  pattern_index *px;
  arena scratch;
  srcfile *files;
  size_t nfiles, cap_files;
  bkey *bk;
  size_t bcap, nbk;
  ppat *tmp; /* patterns with their block in .order's high bits, sorted later */
  uint32_t *tmp_block;
  size_t ntmp, cap_tmp, cap_tb;
} build;

static int file_of(build *B, const char *path, srcfile **out) {
  for (size_t i = 0; i < B->nfiles; i++)
    if (B->files[i].path == path || !strcmp(B->files[i].path, path)) {
      *out = B->files[i].z ? &B->files[i] : NULL;
      return ERR_OK;
    }
  if (grow((void **)&B->files, &B->cap_files, B->nfiles + 1, sizeof *B->files)) return ERR_NOMEM;
  srcfile *f = &B->files[B->nfiles++];
  int rc = src_load(f, path);
  if (rc == ERR_NOMEM) return rc;
  if (rc == ERR_OK && (read_sets(B->px, &B->scratch, f) || read_lexicon(B->px, f))) return ERR_NOMEM;
  *out = f->z ? f : NULL;
  return ERR_OK;
}

static uint64_t mix(uint64_t x) {
  x ^= x >> 31;
  x *= 0x7fb5d329728ea185ull;
  x ^= x >> 27;
  x *= 0x81dadef4bc2dd44dull;
  return x ^ (x >> 33);
}

static uint64_t hash_str(const char *z) {
  uint64_t h = 1469598103934665603ull;
  for (; *z; z++) h = (h ^ (unsigned char)toupper((unsigned char)*z)) * 1099511628211ull;
  return h | 1;
}

/* block_of finds or makes the block for key. */
static int block_of(build *B, uint64_t key, uint32_t *out) {
  if ((B->nbk + 1) * 2 > B->bcap) {
    size_t ncap = B->bcap ? B->bcap * 2 : 1024;
    bkey *t = calloc(ncap, sizeof *t);
    if (!t) return ERR_NOMEM;
    for (size_t i = 0; i < B->bcap; i++)
      if (B->bk[i].key) {
        size_t j = mix(B->bk[i].key) & (ncap - 1);
        while (t[j].key) j = (j + 1) & (ncap - 1);
        t[j] = B->bk[i];
      }
    free(B->bk);
    B->bk = t;
    B->bcap = ncap;
  }
  size_t j = mix(key) & (B->bcap - 1);
  while (B->bk[j].key && B->bk[j].key != key) j = (j + 1) & (B->bcap - 1);
  if (!B->bk[j].key) {
    pattern_index *px = B->px;
    if (grow((void **)&px->blocks, &px->cap_blocks, px->nblocks + 1, sizeof *px->blocks))
      return ERR_NOMEM;
    px->blocks[px->nblocks] = (pblock){0, 0};
    B->bk[j] = (bkey){key, (uint32_t)px->nblocks++};
    B->nbk++;
  }
  *out = B->bk[j].block;
  return ERR_OK;
}

/* norm_eq compares a written word ("BROKEN_DOWN_") with an entry phrase
 * ("BROKEN DOWN"): '_' is a blank, a final '_' or '=' is dropped. */
static int norm_eq(const char *w, size_t n, const char *phrase) {
  while (n && (w[n - 1] == '_' || w[n - 1] == '=')) n--;
  size_t i = 0;
  for (; i < n && phrase[i]; i++) {
    char a = w[i] == '_' ? ' ' : w[i];
    if (toupper((unsigned char)a) != toupper((unsigned char)phrase[i])) return 0;
  }
  return i == n && !phrase[i];
}

/* root_text finds how a TABARI root entry was written: its head line, or its
 * word in a "{ FORMS }" line. Writes it to out; 0 when not found. */
static int root_text(const srcfile *f, const dict_entry *e, char *out, size_t cap) {
  if (!f || f->petrarch || e->line < 1 || e->line > f->nlines) return 0;
  char l[512];
  snprintf(l, sizeof l, "%s", f->line[e->line]);
  uncomment(l, 0);
  if (l[0] == '{') {
    char *r = strchr(l, '}');
    if (r) *r = 0;
    for (char *p = l + 1; *(p = skip_blank(p));) {
      char *q = p;
      while (*q && !is_blank(*q)) q++;
      if (norm_eq(p, (size_t)(q - p), e->phrase)) {
        snprintf(out, cap, "%.*s", (int)(q - p), p);
        return 1;
      }
      p = q;
    }
    return 0;
  }
  char *b = strchr(l, '[');
  if (b) *b = 0;
  uncomment(l, 0);
  size_t n = strlen(l);
  if (!norm_eq(l, n, e->phrase)) return 0;
  snprintf(out, cap, "%s", l);
  return 1;
}

static int add_root(build *B, const dict_entry *e, const srcfile *f, uint32_t block) {
  pattern_index *px = B->px;
  char raw[512];
  int bad = 0;
  pseq q;
  if (root_text(f, e, raw, sizeof raw)) {
    if (parse_text(px, &B->scratch, 2, raw, &q, NULL, NULL, &bad)) return ERR_NOMEM;
  } else {
    /* PETRARCH (every form is its own entry) or a line that cannot be read
     * back: the phrase as the dict has it, word for word */
    snprintf(raw, sizeof raw, "%s", e->phrase);
    for (char *p = raw; *p; p++)
      if (*p == ' ') *p = '_';
    size_t n = strlen(raw);
    if (n + 1 < sizeof raw) raw[n] = '=', raw[n + 1] = 0;
    if (parse_text(px, &B->scratch, 1, raw, &q, NULL, NULL, &bad)) return ERR_NOMEM;
  }
  arena_reset(&B->scratch);
  if (bad || !q.n || px->els[q.first].kind != EL_WORD) return ERR_OK;
  if (grow((void **)&px->roots, &px->cap_roots, px->nroots + 1, sizeof *px->roots)) return ERR_NOMEM;
  uint32_t len = 0;
  for (uint32_t i = 0; i < q.n; i++) len += px->els[q.first + i].klen;
  px->roots[px->nroots++] = (proot){q, e, block, len, 0, code_flags(e)};
  return ERR_OK;
}

static int add_pattern(build *B, const dict_entry *e, const srcfile *f, uint32_t block) {
  pattern_index *px = B->px;
  char raw[1024];
  const char *p = e->pattern;
  while (*p == ' ' || *p == '\t') p++;
  if (*p == '-') p++;
  snprintf(raw, sizeof raw, "%s", p);
  char *br = strchr(raw, '[');
  if (br) *br = 0;
  uncomment(raw, f ? f->petrarch : 0);
  pseq q;
  uint32_t len;
  int actors, bad;
  if (parse_text(px, &B->scratch, f ? f->petrarch : 0, raw, &q, &len, &actors, &bad)) return ERR_NOMEM;
  arena_reset(&B->scratch);
  uint32_t v = NONE;
  for (uint32_t i = 0; i < q.n && !bad; i++)
    if (px->els[q.first + i].kind == EL_VERB) v = v == NONE ? i : (bad = 1, v);
  if (bad || v == NONE) return ERR_OK;
  if (grow((void **)&B->tmp, &B->cap_tmp, B->ntmp + 1, sizeof *B->tmp) ||
      grow((void **)&B->tmp_block, &B->cap_tb, B->ntmp + 1, sizeof *B->tmp_block))
    return ERR_NOMEM;
  ppat *P = &B->tmp[B->ntmp];
  P->pre = (pseq){q.first, v};
  P->post = (pseq){q.first + v + 1, q.n - v - 1};
  P->e = e;
  P->len = len;
  P->order = (uint32_t)B->ntmp;
  P->actors = (uint8_t)actors;
  P->cflags = code_flags(e);
  B->tmp_block[B->ntmp++] = block;
  return ERR_OK;
}

static int by_block_len(const void *a, const void *b, void *ctx) {
  const uint32_t *blk = ctx;
  const ppat *x = a, *y = b;
  if (blk[x->order] != blk[y->order]) return blk[x->order] < blk[y->order] ? -1 : 1;
  if (x->len != y->len) return x->len > y->len ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* pair_bucket: a key's first two bytes, hashed to 4096. */
static unsigned pair_bucket(const char *k) {
  return ((unsigned)(unsigned char)k[0] * 67u + (unsigned char)k[1]) & 4095u;
}

/* root3_bit: the root3 bit of a key's first three letters (upper case). */
static unsigned root3_bit(const char *k) {
  unsigned a = (unsigned)toupper((unsigned char)k[0]), b = (unsigned)toupper((unsigned char)k[1]),
           c = (unsigned)toupper((unsigned char)k[2]);
  return ((a * 1021u) ^ (b * 37u) ^ c) & 32767u;
}

/* seq_units: els[first .. first+n), or one of its alternatives, matches an actor. */
static int seq_units(const pattern_index *px, uint32_t first, uint32_t n) {
  for (uint32_t i = first; i < first + n; i++) {
    const pel *e = &px->els[i];
    if (e->kind == EL_SRC || e->kind == EL_TGT || e->kind == EL_BOTH || e->kind == EL_SKIP) return 1;
    if (e->kind != EL_CHOICE) continue;
    const pchoice *ch = &px->choices[e->choice];
    for (uint32_t j = ch->first; j < ch->first + ch->n; j++)
      if (seq_units(px, px->seqs[j].first, px->seqs[j].n)) return 1;
  }
  return 0;
}

static int hash_roots(pattern_index *px) {
  size_t cap = 64;
  while (cap < px->nroots * 2 + 2) cap *= 2;
  px->rhash = calloc(cap, sizeof *px->rhash);
  px->rootlist = malloc((px->nroots ? px->nroots : 1) * sizeof *px->rootlist);
  if (!px->rhash || !px->rootlist) return ERR_NOMEM;
  px->rcap = cap;
  /* two passes: count roots per first word, then place them */
  for (int pass = 0; pass < 2; pass++) {
    uint32_t at = 0;
    if (pass)
      for (size_t i = 0; i < cap; i++)
        if (px->rhash[i].key) px->rhash[i].first = at, at += px->rhash[i].n, px->rhash[i].n = 0;
    for (size_t r = 0; r < px->nroots; r++) {
      const pel *w = &px->els[px->roots[r].words.first];
      px->root_units |= seq_units(px, px->roots[r].words.first, px->roots[r].words.n);
      size_t j = mix(hash_str(w->key)) & (cap - 1);
      while (px->rhash[j].key && strcmp(px->rhash[j].key, w->key)) j = (j + 1) & (cap - 1);
      if (!px->rhash[j].key) px->rhash[j] = (rslot){w->key, key8(w->key, w->klen), w->klen, 0, 0};
      uint64_t h = mix(hash_str(w->key));
      px->rbloom[h >> 54] |= 1ull << (h >> 48 & 63);
      if (w->klen >= 2 && w->klen <= 64) px->rlens[pair_bucket(w->key)] |= 1ull << (w->klen - 1);
      const dict_entry *e = px->roots[r].e;
      px->roots[r].null = (!e->ncodes || !strcmp(e->codes[0].code, "---")) && !px->blocks[px->roots[r].block].n;
      if (pass)
        px->rootlist[px->rhash[j].first + px->rhash[j].n] =
            (rcand){(uint32_t)r, px->roots[r].len, w->match, px->roots[r].words.n > 1};
      px->rhash[j].n++;
      if (w->klen > px->max_root_key) px->max_root_key = w->klen;
      if (w->klen >= 2) {
        unsigned b = (unsigned)toupper((unsigned char)w->key[0]) << 8 | (unsigned)toupper((unsigned char)w->key[1]);
        px->root2[b >> 3] |= (uint8_t)(1u << (b & 7));
      }
      if (w->klen >= 3) {
        unsigned b = root3_bit(w->key);
        px->root3[b >> 3] |= (uint8_t)(1u << (b & 7));
      }
    }
  }
  return ERR_OK;
}

/* el_anchor: how many first letters of e's key every word that e matches
 * starts with (word_ok), at most ANCHOR_MAX; 0 if e is not a required word.
 * An exact word may drop its last letter ("RAISE" / "RAISING", "CARRY" /
 * "CARRIED") once it has three. */
static uint32_t el_anchor(const pel *e) {
  if (e->kind != EL_WORD || !e->klen) return 0;
  uint32_t m = e->match == M_EXACT && e->klen >= 3 ? e->klen - 1u : e->klen;
  return m < ANCHOR_MAX ? m : ANCHOR_MAX;
}

/* anchor_pack: the first n (<= 8) bytes of k in one integer, 0 for none
 * (keys hold no NUL). */
static uint64_t anchor_pack(const char *k, uint32_t n) {
  uint64_t x = 0;
  for (uint32_t i = 0; i < n; i++) x |= (uint64_t)(unsigned char)k[i] << (8 * i);
  return x;
}

/* A build-time count of the patterns naming each anchor. */
typedef struct acount {
  uint64_t key; /* anchor_pack; 0 = empty */
  uint32_t npat, id;
} acount;

typedef struct acounts {
  acount *t;
  size_t cap;
} acounts;

static acount *acount_at(const acounts *A, uint64_t key) {
  size_t j = mix(key) & (A->cap - 1);
  while (A->t[j].key && A->t[j].key != key) j = (j + 1) & (A->cap - 1);
  return &A->t[j];
}

static int count_anchors(const pattern_index *px, acounts *A) {
  size_t need = 0;
  for (size_t i = 0; i < px->nels; i++) need += el_anchor(&px->els[i]) > 0;
  A->cap = 64;
  while (A->cap < need * 2 + 2) A->cap *= 2;
  A->t = calloc(A->cap, sizeof *A->t);
  if (!A->t) return ERR_NOMEM;
  for (size_t i = 0; i < px->npats; i++) {
    const pseq *seqs[2] = {&px->pats[i].pre, &px->pats[i].post};
    for (int q = 0; q < 2; q++)
      for (uint32_t k = 0; k < seqs[q]->n; k++) {
        const pel *e = &px->els[seqs[q]->first + k];
        uint32_t m = el_anchor(e);
        if (!m) continue;
        acount *a = acount_at(A, anchor_pack(e->key, m));
        if (!a->key) *a = (acount){anchor_pack(e->key, m), 0, NONE};
        a->npat++;
      }
  }
  return ERR_OK;
}

/* pattern_anchor: P's anchor, the one fewest patterns name (on a tie, the
 * larger anchor_pack, which any order would do: the choice changes which
 * patterns a verb tries, never which one matches), or NULL when P requires
 * no word outside its alternatives. */
static acount *pattern_anchor(const pattern_index *px, const acounts *A, const ppat *P) {
  acount *best = NULL;
  const pseq *seqs[2] = {&P->pre, &P->post};
  for (int q = 0; q < 2; q++)
    for (uint32_t i = 0; i < seqs[q]->n; i++) {
      const pel *e = &px->els[seqs[q]->first + i];
      uint32_t m = el_anchor(e);
      if (!m) continue;
      acount *a = acount_at(A, anchor_pack(e->key, m));
      if (!best || a->npat < best->npat || (a->npat == best->npat && a->key > best->key)) best = a;
    }
  return best;
}


static int bit_in(const uint8_t *bits, unsigned b) { return bits[b >> 3] & (1u << (b & 7)); }

static void bit_set(uint8_t *bits, unsigned b) { bits[b >> 3] |= (uint8_t)(1u << (b & 7)); }

/* add_anchor gives a newly chosen anchor its id and its bits. */
static void add_anchor(pattern_index *px, acount *a, uint32_t id) {
  a->id = id;
  uint32_t n = 0;
  while (n < 8 && (a->key >> (8 * n) & 0xff)) n++;
  if (n > px->max_anchor) px->max_anchor = n;
  if (n == 1) bit_set(px->anchor1, (unsigned)(a->key & 0xff));
  else {
    bit_set(px->anchor2, (unsigned)((a->key & 0xff) << 8 | (a->key >> 8 & 0xff)));
    char k2[2] = {(char)(a->key & 0xff), (char)(a->key >> 8 & 0xff)};
    px->alens[pair_bucket(k2)] |= (uint8_t)(1u << (n - 1));
  }
  uint64_t h = mix(a->key);
  px->abloom[h >> 54] |= 1ull << (h >> 48 & 63);
}

static int table_anchors(pattern_index *px, const acounts *A, uint32_t nid) {
  px->acap = 64;
  while (px->acap < (size_t)nid * 2 + 2) px->acap *= 2;
  px->anchors = calloc(px->acap, sizeof *px->anchors);
  if (!px->anchors) return ERR_NOMEM;
  for (size_t i = 0; i < A->cap; i++) {
    if (!A->t[i].key || A->t[i].id == NONE) continue;
    size_t j = mix(A->t[i].key) & (px->acap - 1);
    while (px->anchors[j].key) j = (j + 1) & (px->acap - 1);
    px->anchors[j] = (aslot){A->t[i].key, A->t[i].id};
  }
  return ERR_OK;
}

typedef struct achoice {
  uint32_t block, anchor, pat; /* pat: block-relative */
} achoice;

static int by_block_anchor(const void *a, const void *b) {
  const achoice *x = a, *y = b;
  if (x->block != y->block) return x->block < y->block ? -1 : 1;
  if (x->anchor != y->anchor) return x->anchor < y->anchor ? -1 : 1;
  return x->pat < y->pat ? -1 : x->pat > y->pat;
}

static int place_anchors(pattern_index *px, achoice *ch, size_t nch) {
  qsort(ch, nch, sizeof *ch, by_block_anchor);
  size_t groups = 0;
  for (size_t i = 0; i < nch; i++)
    groups += ch[i].anchor != NONE && (!i || ch[i].block != ch[i - 1].block || ch[i].anchor != ch[i - 1].anchor);
  px->bcap = 64;
  while (px->bcap < groups * 2 + 2) px->bcap *= 2;
  px->bhash = calloc(px->bcap, sizeof *px->bhash);
  px->bbloom = calloc(px->nblocks ? px->nblocks : 1, sizeof *px->bbloom);
  if (!px->bhash || !px->bbloom) return ERR_NOMEM;
  for (size_t i = 0; i < nch; i++) {
    px->cand[i] = ch[i].pat;
    pblock *b = &px->blocks[ch[i].block];
    if (ch[i].anchor == NONE) {
      if (!b->free_n++) b->free_first = (uint32_t)i;
      continue;
    }
    px->bbloom[ch[i].block][ch[i].anchor >> 6 & 7] |= 1ull << (ch[i].anchor & 63);
    uint64_t key = (uint64_t)(ch[i].block + 1) << 32 | ch[i].anchor;
    size_t j = mix(key) & (px->bcap - 1);
    while (px->bhash[j].key && px->bhash[j].key != key) j = (j + 1) & (px->bcap - 1);
    if (!px->bhash[j].key) px->bhash[j] = (bslot){key, (uint32_t)i, 0};
    px->bhash[j].n++;
  }
  return ERR_OK;
}

/* index_anchors gives each pattern its anchor and files it under its block
 * and anchor. block[i] is the block of px->pats[i]. */
static int index_anchors(pattern_index *px, const uint32_t *block) {
  acounts A = {NULL, 0};
  achoice *ch = malloc((px->npats ? px->npats : 1) * sizeof *ch);
  px->cand = malloc((px->npats ? px->npats : 1) * sizeof *px->cand);
  if (!ch || !px->cand || count_anchors(px, &A)) return free(ch), free(A.t), ERR_NOMEM;
  uint32_t nid = 0;
  for (size_t i = 0; i < px->npats; i++) {
    const pblock *b = &px->blocks[block[i]];
    acount *a = pattern_anchor(px, &A, &px->pats[i]);
    ch[i] = (achoice){block[i], NONE, (uint32_t)(i - b->first)};
    if (b->n > px->max_block) px->max_block = b->n;
    if (!a) continue;
    if (a->id == NONE) add_anchor(px, a, nid++);
    ch[i].anchor = a->id;
  }
  int rc = place_anchors(px, ch, px->npats);
  if (!rc) rc = table_anchors(px, &A, nid);
  free(ch);
  free(A.t);
  return rc;
}

/* up: toupper in the C locale, which dyad never leaves, without a call. */
static unsigned up(char ch) {
  unsigned u = (unsigned char)ch;
  return u - 'a' < 26 ? u - 32 : u;
}

/* root_slots finds the rhash slots of the roots' first words that are
 * prefixes of k[0..n) (TABARI's stems), longest first, into out (room for
 * 64); returns how many. */
static uint32_t root_slots(const pattern_index *px, const char *k, uint32_t n, uint32_t *out) {
  uint32_t top = n < px->max_root_key ? n : px->max_root_key;
  if (top < 2 || !px->rcap) return 0;
  /* most words start no root: their first two letters say so at once */
  unsigned b2 = up(k[0]) << 8 | up(k[1]);
  if (!(px->root2[b2 >> 3] & (1u << (b2 & 7)))) return 0;
  /* no root of three or more letters starts like this word: only a two-letter one can */
  if (top >= 3) {
    unsigned b3 = root3_bit(k);
    if (!(px->root3[b3 >> 3] & (1u << (b3 & 7)))) top = 2;
  }
  /* only the lengths some root key starting with these two bytes has */
  if (top > 64) top = 64;
  uint64_t lens = px->rlens[pair_bucket(k)] & (top >= 64 ? ~0ull : (1ull << top) - 1);
  if (!lens) return 0;
  /* the hash of every prefix up to the longest, in one pass: hp[n] covers k[0..n) */
  uint64_t hp[65];
  top = 64 - (uint32_t)__builtin_clzll(lens);
  hp[0] = 1469598103934665603ull;
  for (uint32_t i = 0; i < top; i++) hp[i + 1] = (hp[i] ^ up(k[i])) * 1099511628211ull;
  uint32_t m = 0;
  while (lens) {
    uint32_t plen = 64 - (uint32_t)__builtin_clzll(lens);
    lens &= ~(1ull << (plen - 1));
    uint64_t h = mix(hp[plen] | 1);
    if (!(px->rbloom[h >> 54] & (1ull << (h >> 48 & 63)))) continue;
    uint64_t p8 = key8(k, plen);
    for (size_t j = h & (px->rcap - 1); px->rhash[j].key; j = (j + 1) & (px->rcap - 1)) {
      const rslot *sl = &px->rhash[j];
      if (sl->klen != plen || sl->k8 != p8 || (plen > 8 && memcmp(sl->key + 8, k + 8, plen - 8))) continue;
      out[m++] = (uint32_t)j;
      break;
    }
  }
  return m;
}

/* root_cands lists, for the key k[0..n) whose root_slots are slots[0..ns),
 * the roots whose first word it matches (word_ok), in the order root_at
 * tries them, as triples: the root, its len, and RC_ flags. Fills out when
 * not NULL; returns how many. */
enum { RC_MORE = 1, RC_EXACT = 2 }; /* more words follow; the first one is not a stem */

/* key_ok: the text word wk[0..wn) (NUL-terminated) matches word element e. */
static int key_ok(const char *wk, uint32_t wn, const pel *e) {
  const char *k = e->key;
  uint32_t kn = e->klen;
  /* every form below shares the key's first letter: most tries end here */
  if (kn && (!wn || wk[0] != k[0])) return 0;
  if (e->match == M_STEM) return wn >= kn && !memcmp(wk, k, kn);
  if (wn == kn && !memcmp(wk, k, kn)) return 1;
  if (e->match == M_NOEND || wn <= kn - 1) return 0;
  static const char *const END[] = {"s", "es", "ed", "en", "ing", "'s", NULL};
  if (wn > kn && !memcmp(wk, k, kn)) {
    const char *suf = wk + kn;
    for (int i = 0; END[i]; i++)
      if (!strcmp(suf, END[i])) return 1;
    if (k[kn - 1] == 'e' && (!strcmp(suf, "d") || !strcmp(suf, "s"))) return 1;
  }
  /* a final e dropped before -ing, a final y become -ies or -ied */
  if (kn >= 3 && !memcmp(wk, k, kn - 1)) {
    const char *suf = wk + kn - 1;
    if (k[kn - 1] == 'e' && !strcmp(suf, "ing")) return 1;
    if (k[kn - 1] == 'y' && (!strcmp(suf, "ies") || !strcmp(suf, "ied"))) return 1;
  }
  return 0;
}

static uint32_t root_cands(const pattern_index *px, const char *k, uint32_t n, const uint32_t *slots,
                           uint32_t ns, uint32_t *out) {
  uint32_t m = 0;
  for (uint32_t j = 0; j < ns; j++) {
    const rslot *sl = &px->rhash[slots[j]];
    for (uint32_t i = 0; i < sl->n; i++) {
      uint32_t r = px->rootlist[sl->first + i].root;
      const proot *R = &px->roots[r];
      const pel *e = px->els + R->words.first;
      if (!key_ok(k, n, e)) continue;
      if (out)
        out[3 * m] = r, out[3 * m + 1] = R->len,
        out[3 * m + 2] = (R->words.n > 1 ? RC_MORE : 0) | (e->match != M_STEM ? RC_EXACT : 0);
      m++;
    }
  }
  return m;
}

/* key_anchors finds the anchors that k[0..n) starts with, into out (room
 * for ANCHOR_MAX); returns how many. */
static uint32_t key_anchors(const pattern_index *px, const char *k, uint32_t n, uint32_t *out) {
  uint32_t top = n < px->max_anchor ? n : px->max_anchor, m = 0;
  unsigned lens = 0; /* alens of the first two bytes */
  uint64_t x = 0;
  for (uint32_t L = 1; L <= top; L++) {
    x |= (uint64_t)(unsigned char)k[L - 1] << (8 * (L - 1));
    if (L == 1 && !bit_in(px->anchor1, (unsigned)x)) continue;
    if (L == 2 && !bit_in(px->anchor2, (unsigned)((x & 0xff) << 8 | x >> 8))) break;
    if (L == 2) lens = px->alens[pair_bucket(k)];
    if (L >= 2 && !(lens & (1u << (L - 1)))) continue;
    uint64_t h = mix(x);
    if (!(px->abloom[h >> 54] & (1ull << (h >> 48 & 63)))) continue;
    size_t j = h & (px->acap - 1);
    while (px->anchors[j].key && px->anchors[j].key != x) j = (j + 1) & (px->acap - 1);
    if (px->anchors[j].key) out[m++] = px->anchors[j].id;
  }
  return m;
}

static const char *const CONJ[] = {"and", "but", "or", "nor", NULL};
static const char *const DET[] = {"the", "a", "an", NULL};
static const char *const AUX[] = {"was", "were", "been", NULL};
static const char *const PRON_ONE[] = {"he", "she", "it", "him", "its", "his", "her", NULL};
static const char *const PRON_GROUP[] = {"they", "them", "their", NULL};

static int in_list(const char *k, size_t n, const char *const *list) {
  for (; *list; list++)
    if (**list == *k && strlen(*list) == n && !memcmp(*list, k, n)) return 1;
  return 0;
}

/* key_flags: the W_ flags a word has for its key alone. */
static uint32_t key_flags(const pattern_index *px, const char *k, size_t n) {
  uint32_t f = 0;
  if (n == 1 && *k == ',') f |= W_COMMA;
  if (n <= 5 && bit_in(px->list_first[n], (unsigned char)*k)) {
    if (in_list(k, n, CONJ)) f |= W_CONJ;
    if (in_list(k, n, DET)) f |= W_DET;
    if (in_list(k, n, PRON_ONE)) f |= W_PRON;
    if (in_list(k, n, PRON_GROUP)) f |= W_PRONS;
  }
  int lx = lex_find(px, k, n);
  if (!lx && n > 2 && k[n - 1] == 's') lx = lex_find(px, k, n - 1) & LEX_NOUN;
  if (lx == LEX_NOUN) f |= W_LNOUN;
  if (lx == LEX_ADJ) f |= W_ADJ;
  return f;
}

static int plist_push(pattern_index *px, size_t *cap, const uint32_t *v, uint32_t n, uint32_t *at) {
  if (grow((void **)&px->plist, cap, px->nplist + n + 1, sizeof *px->plist)) return ERR_NOMEM;
  *at = (uint32_t)px->nplist;
  px->plist[px->nplist++] = n;
  if (n) memcpy(px->plist + px->nplist, v, n * sizeof *v);
  px->nplist += n;
  return ERR_OK;
}

/* index_words works out, once for each token of the dict's vocabulary,
 * what the coder would look up for it in every sentence. */
static int index_words(pattern_index *px) {
  dict_stats st;
  dict_get_stats(px->d, &st);
  size_t cap = 0;
  uint32_t none;
  const char *const *lists[] = {CONJ, DET, PRON_ONE, PRON_GROUP};
  for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
    for (const char *const *w = lists[i]; *w; w++) bit_set(px->list_first[strlen(*w)], (unsigned char)**w);
  px->pw = calloc(st.vocab ? st.vocab : 1, sizeof *px->pw);
  if (!px->pw || plist_push(px, &cap, NULL, 0, &none)) return ERR_NOMEM;
  for (size_t id = 0; id < st.vocab; id++) {
    size_t n;
    const char *k = dict_key(px->d, (uint32_t)id, &n);
    uint32_t v[64];
    pword *w = &px->pw[id];
    w->key = k;
    w->klen = (uint8_t)n;
    w->flags = (uint16_t)key_flags(px, k, n);
    w->two = bit_index(letters_bit(k, (uint32_t)n)), w->three = bit_index(letters_bit3(k, (uint32_t)n));
    uint32_t m = n <= 255 ? root_slots(px, k, (uint32_t)n, v) : 0;
    w->roots = none;
    uint32_t nc = m ? root_cands(px, k, (uint32_t)n, v, m, NULL) : 0;
    if (nc) {
      uint32_t *rc = malloc(nc * 3 * sizeof *rc);
      if (!rc) return ERR_NOMEM;
      root_cands(px, k, (uint32_t)n, v, m, rc);
      int err = plist_push(px, &cap, rc, nc * 3, &w->roots);
      free(rc);
      if (err) return ERR_NOMEM;
      px->plist[w->roots] = nc; /* triples */
    }
    m = key_anchors(px, k, (uint32_t)n, v);
    w->anchors = none;
    if (m && plist_push(px, &cap, v, m, &w->anchors)) return ERR_NOMEM;
  }
  return ERR_OK;
}

static int discard_code(const dict_entry *e) {
  if (e->kind == DICT_DISCARD) return 1;
  if (e->kind != DICT_ACTOR) return 0;
  for (uint32_t i = 0; i < e->ncodes; i++)
    if (code_has(e->codes[i].code, '#')) return 1;
  return 0;
}

/* index_discards marks the first tokens that discards() can stop at: a
 * sentence with none of them has nothing for it to find. */
static int index_discards(pattern_index *px, arena *scratch) {
  dict_stats st;
  dict_get_stats(px->d, &st);
  px->dfirst = calloc(st.vocab / 8 + 1, 1);
  if (!px->dfirst) return ERR_NOMEM;
  size_t n;
  const dict_entry *E = dict_entries(px->d, &n);
  for (size_t i = 0; i < n; i++) {
    if (!discard_code(&E[i])) continue;
    text_doc td;
    if (text_segment(scratch, E[i].phrase, strlen(E[i].phrase), &td)) return ERR_NOMEM;
    uint32_t *ids = arena_alloc(scratch, (td.ntok + 1) * sizeof *ids);
    if (!ids) return ERR_NOMEM;
    dict_keys(px->d, &td, ids);
    if (td.ntok && ids[0] != NONE) bit_set(px->dfirst, ids[0]);
    arena_reset(scratch);
  }
  return ERR_OK;
}

static void build_free(build *B) {
  for (size_t i = 0; i < B->nfiles; i++) src_free(&B->files[i]);
  free(B->files);
  free(B->bk);
  free(B->tmp);
  free(B->tmp_block);
  arena_free(&B->scratch);
}

static int index_entries(build *B) {
  size_t n;
  const dict_entry *E = dict_entries(B->px->d, &n);
  for (size_t i = 0; i < n; i++) {
    const dict_entry *e = &E[i];
    srcfile *f;
    if (e->kind == DICT_ACTOR && (i == 0 || E[i - 1].source != e->source) && file_of(B, e->source, &f))
      return ERR_NOMEM;
    if (e->kind != DICT_VERB || !e->ncodes) continue;
    if (file_of(B, e->source, &f)) return ERR_NOMEM;
    uint64_t key;
    if (f && e->line >= 1 && e->line <= f->nlines && f->block[e->line])
      key = ((uint64_t)(f - B->files) + 1) << 32 | f->block[e->line];
    else
      key = hash_str(e->phrase) | 1ull << 63;
    uint32_t blk;
    if (block_of(B, key, &blk)) return ERR_NOMEM;
    if ((e->pattern ? add_pattern(B, e, f, blk) : add_root(B, e, f, blk))) return ERR_NOMEM;
  }
  return ERR_OK;
}

int pattern_index_new(const dict *d, pattern_index **out) {
  *out = NULL;
  pattern_index *px = calloc(1, sizeof *px);
  if (!px) return ERR_NOMEM;
  px->d = d;
  arena_init(&px->mem, 1 << 16);
  build B;
  memset(&B, 0, sizeof B);
  B.px = px;
  arena_init(&B.scratch, 1 << 14);
  int rc = index_entries(&B);
  if (!rc && B.ntmp) {
    qsort_r(B.tmp, B.ntmp, sizeof *B.tmp, by_block_len, B.tmp_block);
    px->pats = malloc(B.ntmp * sizeof *px->pats);
    px->needs = malloc(B.ntmp * sizeof *px->needs);
    px->marked = malloc(B.ntmp * sizeof *px->marked);
    uint32_t *block = malloc(B.ntmp * sizeof *block), nmarked = 0;
    if (!px->pats || !px->needs || !px->marked || !block) rc = ERR_NOMEM;
    for (size_t i = 0; !rc && i < B.ntmp; i++) {
      block[i] = B.tmp_block[B.tmp[i].order];
      pblock *b = &px->blocks[block[i]];
      if (!b->n) b->first = (uint32_t)i;
      b->n++;
      px->pats[i] = B.tmp[i];
      if (px->pats[i].cflags & (C_DISCARD | C_COMPLEX)) {
        if (!b->marks_n) b->marks_first = nmarked;
        px->marked[nmarked++] = (uint32_t)(i - b->first);
        b->marks_n++;
      }
      px->needs[i].two = need_mask(px, &px->pats[i], &px->needs[i].three);
    }
    px->npats = B.ntmp;
    if (!rc) rc = index_anchors(px, block);
    free(block);
  }
  if (!rc) rc = hash_roots(px);
  if (!rc) rc = index_words(px);
  if (!rc) rc = index_discards(px, &B.scratch);
  build_free(&B);
  if (rc) {
    pattern_index_free(px);
    return rc;
  }
  *out = px;
  return ERR_OK;
}

void pattern_index_free(pattern_index *px) {
  if (!px) return;
  arena_free(&px->mem);
  free(px->els);
  free(px->seqs);
  free(px->choices);
  free(px->pats);
  free(px->needs);
  free(px->marked);
  free(px->roots);
  free(px->blocks);
  free(px->sets);
  free(px->rhash);
  free(px->rootlist);
  free(px->anchors);
  free(px->pw);
  free(px->dfirst);
  free(px->plist);
  free(px->bbloom);
  free(px->bhash);
  free(px->cand);
  free(px->lex);
  free(px);
}

void pattern_index_stats(const pattern_index *px, size_t *nroots, size_t *npatterns) {
  *nroots = px->nroots;
  *npatterns = px->npats;
}

/* ---- options ------------------------------------------------------------ */

void pattern_options_init(pattern_options *o) {
  memset(o, 0, sizeof *o);
  o->comma_min = 2, o->comma_max = 10;
  o->comma_emin = 2, o->comma_emax = 10;
  o->comma_bmin = 128, o->comma_bmax = 0;
  o->min_words = 8;
}

/* opt_num finds "NAME = n" or "NAME[n]" in s; returns 1 and *v when present. */
static int opt_num(const char *s, const char *name, int *v) {
  for (const char *p = s; (p = strstr(p, name)); p++) {
    if (p > s && isalpha((unsigned char)p[-1])) continue;
    const char *q = p + strlen(name);
    while (*q == ' ' || *q == '=' || *q == '[') q++;
    if (!isdigit((unsigned char)*q)) continue;
    *v = atoi(q);
    return 1;
  }
  return 0;
}

static void opt_code(const char *s, const char *name, char *out) {
  const char *p = strstr(s, name);
  if (!p || !(p = strchr(p, '['))) return;
  const char *q = strchr(++p, ']');
  if (!q) return;
  while (*p == ' ') p++;
  size_t n = (size_t)(q - p);
  while (n && p[n - 1] == ' ') n--;
  if (n >= PATTERN_DEFAULT_MAX) n = PATTERN_DEFAULT_MAX - 1;
  for (size_t i = 0; i < n; i++) out[i] = (char)toupper((unsigned char)p[i]);
  out[n] = 0;
}

static int opt_complex(pattern_options *o, const char *s) {
  static const struct {
    const char *name;
    unsigned flag;
  } F[] = {{"NOACTPRIOR", PATTERN_NOACTPRIOR}, {"NOACTAFTER", PATTERN_NOACTAFTER},
           {"NOVERB", PATTERN_NOVERB},         {"NOSOURCE", PATTERN_NOSOURCE},
           {"NOTARGET", PATTERN_NOTARGET},     {"NOEVENT", PATTERN_NOEVENT}};
  o->verbs = o->actors = o->pronouns = o->conj = o->commas = o->lateverb = 0;
  o->complex = 0;
  opt_num(s, "VERBS", &o->verbs);
  opt_num(s, "ACTORS", &o->actors);
  opt_num(s, "PRONOUNS", &o->pronouns);
  opt_num(s, "CONJ", &o->conj);
  opt_num(s, "COMMA", &o->commas);
  opt_num(s, "LATEVERB", &o->lateverb);
  for (size_t i = 0; i < sizeof F / sizeof *F; i++)
    if (strstr(s, F[i].name)) o->complex |= F[i].flag;
  return 1;
}

static int opt_comma(pattern_options *o, const char *s) {
  if (strstr(s, "OFF")) return o->comma_off = 1;
  o->comma_off = 0;
  opt_num(s, "BMIN", &o->comma_bmin);
  opt_num(s, "BMAX", &o->comma_bmax);
  opt_num(s, "EMIN", &o->comma_emin);
  opt_num(s, "EMAX", &o->comma_emax);
  opt_num(s, "MIN", &o->comma_min);
  opt_num(s, "MAX", &o->comma_max);
  return 1;
}

static int opt_default(pattern_options *o, const char *s) {
  if (strstr(s, "OFF")) {
    o->default_src[0] = o->default_tgt[0] = 0;
    o->default_prior = o->default_after = 0;
    return 1;
  }
  opt_code(s, "SOURCE", o->default_src);
  opt_code(s, "TARGET", o->default_tgt);
  o->default_prior = strstr(s, "PRIOR") != NULL;
  o->default_after = strstr(s, "AFTER") != NULL;
  return 1;
}

int pattern_options_line(pattern_options *o, const char *z, size_t n) {
  char s[512];
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < sizeof s; i++) s[k++] = (char)toupper((unsigned char)z[i]);
  s[k] = 0;
  char *c = strstr(s, "//");
  if (c) *c = 0;
  if ((c = strchr(s, '#'))) *c = 0;
  char *p = skip_blank(s);
  /* the manual (8.1.1): the command's first four letters and the colon */
  const char *colon = strchr(p, ':');
  if (!colon || colon - p < 3) return 0;
  if (!strncmp(p, "COMP", 4)) return opt_complex(o, colon + 1);
  if (!strncmp(p, "COMM", 4)) return opt_comma(o, colon + 1);
  if (!strncmp(p, "DEFA", 4)) return opt_default(o, colon + 1);
  if (strncmp(p, "SET", 3)) return 0;
  if (strstr(colon, "CODE BY SENT")) return o->code_by = PATTERN_BY_SENTENCE, 1;
  if (strstr(colon, "CODE BY CLAUSE")) return o->code_by = PATTERN_BY_CLAUSE, 1;
  if (strstr(colon, "CODE ALL")) return o->code_by = PATTERN_BY_ALL, 1;
  if (strstr(colon, "MINIMUM WORDS")) return opt_num(colon, "WORDS", &o->min_words);
  return 0;
}

/* ---- coding: the words of a sentence ------------------------------------ */


typedef struct word {
  uint32_t tok;
  uint32_t id;     /* the token's dict id, or NONE */
  const char *key;
  uint32_t klen;
  uint32_t flags;  /* W_* */
  int unit;        /* the actor unit covering it, or -1 */
  uint64_t two, three; /* letters_bit, letters_bit3 of its key */
  uint32_t root;   /* the verb root starting here, or NONE */
  uint32_t rlast;  /* its last word */
} word;

typedef struct unit {
  uint32_t w0, w1;           /* first and last word */
  int code[MAX_UNIT_CODES];  /* indices into the result's actor list */
  int n;
  int compound;
} unit;

typedef struct cx {
  const pattern_index *px;
  const pattern_options *o;
  arena *a;
  const text_doc *td;
  unsigned flags;
  int32_t date;
  const uint32_t *ids;       /* the tokens' dict ids: actor_find's when it used px->d */
  actor_mention *m;          /* the result's actors: the input, then added ones */
  size_t nm, capm;
  coder_event *e;
  size_t ne, cape;
  char *ex;
  size_t nex, capex;
  int oom;
  uint32_t *aid;   /* the anchors of the sentence's words (aoff) */
  uint64_t *cbits; /* the patterns of a block to try, a bit each (all 0 between tries) */
  uint32_t *clist; /* the same as a list (match_patterns) */
  /* the sentence */
  uint32_t sent;
  uint32_t nw;
  int ends_period;
  int nu;
  uint32_t na;
  int anchored;                 /* aid and aoff hold its anchors */
  int emits;                    /* an event can come of it (may_emit) */
  int discard;                  /* a token may start a discard (px->dfirst) */
  const char *why;
  int status;                   /* PATTERN_SENT_* of the sentence so far */
  size_t sfirst;                /* its first event */
  /* From here on, arrays each sentence writes before it reads them: not
   * zeroed (some 40 KB a document). */
  word w[MAX_SENT_WORDS];
  unit u[MAX_SENT_WORDS / 2];
  uint32_t act[MAX_SENT_WORDS]; /* the words left after comma clauses go */
  int ustart[MAX_SENT_WORDS], uend[MAX_SENT_WORDS]; /* by active position */
  /* lmask[x]: the active positions (< 64) whose word's key starts with a byte
   * whose low six bits are x: the matcher's gaps visit only those */
  uint64_t lmask[64];
  /* the anchors active word p starts with: aid[aoff[p] .. aoff[p+1]), found
   * when the first verb of the sentence is tried */
  uint32_t aoff[MAX_SENT_WORDS + 1];
  uint8_t kind[256];            /* K_* of its events, by index - sfirst */
} cx;

static void explain(cx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void explain(cx *c, const char *fmt, ...) {
  if (!(c->flags & PATTERN_EXPLAIN) || c->oom) return;
  va_list ap;
  va_start(ap, fmt);
  if (arena_vlog(c->a, &c->ex, &c->nex, &c->capex, fmt, ap)) c->oom = 1;
  va_end(ap);
}

static int key_is(const word *w, const char *const *list) {
  /* the first letter first: most words are in no list */
  for (; *list; list++)
    if (**list == w->key[0] && strlen(*list) == w->klen && !memcmp(*list, w->key, w->klen)) return 1;
  return 0;
}


/* keep_token: the tokens TABARI keeps as words (manual 7.3): not the final
 * period, '?', '!', dashes, quotes or a possessive "'s". */
static int keep_token(const text_doc *td, uint32_t i, uint32_t end) {
  const text_token *t = &td->tok[i];
  const char *z = td->z + t->start;
  size_t n = t->end - t->start;
  if (t->flags & (TOK_DASH | TOK_QUOTE)) return 0;
  if ((t->flags & TOK_CLITIC) && n <= 3 && (z[n - 1] == 's' || z[n - 1] == 'S' || n == 1)) return 0;
  if (n == 1 && (*z == '?' || *z == '!' || *z == '_' || *z == '-')) return 0;
  if (i + 1 == end && (t->flags & TOK_TERM)) return 0;
  return 1;
}

/* ascii_key: text_key of an ASCII token made straight into the arena (*out);
 * 0 when the token is not ASCII or too long (text_key's business), -1 when
 * out of memory. */
static size_t ascii_key(arena *a, const char *z, size_t n, const char **out) {
  if (n + 1 >= KEY_MAX || !n) return 0;
  char *k = arena_alloc(a, n + 1); /* given back to nobody if z is not ASCII: a few bytes */
  if (!k) return (size_t)-1;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)z[i];
    if (ch >= 0x80) return 0;
    k[i] = (char)((unsigned)(ch - 'A') < 26u ? ch + 32 : ch);
  }
  k[n] = 0;
  *out = k;
  return n;
}

static int build_words(cx *c, const text_sentence *s) {
  char key[KEY_MAX];
  uint32_t end = s->tok + s->ntok;
  c->nw = 0;
  c->ends_period = 0;
  /* the words' pword, fetched from memory together rather than in turn;
   * and whether a token may start a discard (discards) */
  c->discard = 0;
  for (uint32_t i = s->tok; i < end; i++)
    if (c->ids[i] != NONE) {
      __builtin_prefetch(&c->px->pw[c->ids[i]]);
      c->discard |= bit_in(c->px->dfirst, c->ids[i]);
    }
  for (uint32_t i = s->tok; i < end && c->nw < MAX_SENT_WORDS; i++) {
    const text_token *t = &c->td->tok[i];
    if (i + 1 == end && t->end - t->start == 1 && c->td->z[t->start] == '.') c->ends_period = 1;
    if (!keep_token(c->td, i, end)) continue;
    const char *z;
    size_t k;
    uint32_t id = c->ids[i], flags;
    if (id != NONE) { /* the same text_key, already made, and its flags */
      const pword *pw = &c->px->pw[id];
      z = pw->key, k = pw->klen, flags = pw->flags;
      __builtin_prefetch(z);
      __builtin_prefetch(c->px->plist + pw->roots); /* root_at reads it */
    } else {
      k = ascii_key(c->a, c->td->z + t->start, t->end - t->start, &z);
      if (k == (size_t)-1) return ERR_NOMEM;
      if (!k) {
        k = text_key(c->td->z + t->start, t->end - t->start, key, sizeof key);
        if (!k) continue;
        if (!(z = arena_strndup(c->a, key, k))) return ERR_NOMEM;
      }
      flags = key_flags(c->px, z, k);
    }
    word *w = &c->w[c->nw++];
    *w = (word){i, id, z, (uint32_t)k, flags, -1, 0, 0, NONE, NONE};
    if (id != NONE) {
      w->two = bit_mask(c->px->pw[id].two), w->three = bit_mask(c->px->pw[id].three);
    } else {
      w->two = letters_bit(z, (uint32_t)k), w->three = letters_bit3(z, (uint32_t)k);
    }
    if (i + 1 < end && (c->td->tok[i + 1].flags & TOK_CLITIC) && !keep_token(c->td, i + 1, end))
      w->flags |= W_POSS;
  }
  return ERR_OK;
}

/* ---- actor units ----------------------------------------------------------- */

static int add_mention(cx *c, const actor_mention *like, const char *code) {
  if (c->nm == c->capm) {
    size_t ncap = c->capm ? c->capm * 2 : 16;
    actor_mention *p = arena_grow(c->a, c->m, c->capm * sizeof *p, ncap * sizeof *p);
    if (!p) return c->oom = 1, -1;
    c->m = p;
    c->capm = ncap;
  }
  actor_mention *m = &c->m[c->nm];
  if (like) *m = *like;
  else memset(m, 0, sizeof *m), m->sent = c->sent, m->from_start = m->from_end = -1;
  if (code != m->code) { /* snprintf(m->code, sizeof m->code, "%s", code), without its cost */
    size_t n = strnlen(code, sizeof m->code - 1);
    memcpy(m->code, code, n);
    m->code[n] = 0;
  }
  return (int)c->nm++;
}

/* coded_compound adds the other codes of a coded compound actor
 * ("LORIEN [ELR/GAL]": codes with the same date range as the one chosen). */
static void coded_compound(cx *c, unit *u, int k) {
  const actor_mention *m = &c->m[k];
  const dict_entry *e = m->entry;
  if (!e || m->agent || e->ncodes < 2) return;
  const dict_code *chosen = NULL;
  for (uint32_t i = 0; i < e->ncodes && !chosen; i++)
    if (!strcmp(e->codes[i].code, m->code)) chosen = &e->codes[i];
  if (!chosen) return;
  for (uint32_t i = 0; i < e->ncodes && u->n < MAX_UNIT_CODES; i++) {
    const dict_code *d = &e->codes[i];
    if (d == chosen || d->from != chosen->from || d->to != chosen->to) continue;
    int j = add_mention(c, m, d->code);
    if (j >= 0) u->code[u->n++] = j;
  }
}

static int special(const char *code, const char *what) { return !strcmp(code, what); }


static void mark(cx *c, int status, const char *why) {
  if (c->status == PATTERN_SENT_DISCARD) return;
  if (c->status == PATTERN_SENT_COMPLEX && status != PATTERN_SENT_DISCARD) return;
  c->status = status;
  c->why = why;
}

/* find_units makes a unit of each mention of the sentence, on the words. */
static void find_units(cx *c, size_t nin) {
  c->nu = 0;
  for (size_t k = 0; k < nin && c->nu < MAX_SENT_WORDS / 2; k++) {
    const actor_mention *m = &c->m[k];
    if (m->sent != c->sent) continue;
    uint32_t w0 = NONE, w1 = NONE;
    for (uint32_t i = 0; i < c->nw; i++)
      if (c->w[i].tok >= m->tok && c->w[i].tok < m->tok + m->ntok) {
        if (w0 == NONE) w0 = i;
        w1 = i;
      }
    if (w0 == NONE) continue;
    int clash = 0;
    for (uint32_t i = w0; i <= w1; i++) clash |= c->w[i].unit >= 0;
    if (clash) continue;
    if (special(m->code, "###")) {
      mark(c, PATTERN_SENT_DISCARD, "an actor coded [###]");
      continue;
    }
    if (special(m->code, "+++")) {
      mark(c, PATTERN_SENT_COMPLEX, "an actor coded [+++]");
      continue;
    }
    if (special(m->code, "---") || !m->code[0]) continue;
    if ((m->flags & ACTOR_AGENT) && !c->o->context_agents) continue;
    unit *u = &c->u[c->nu];
    *u = (unit){w0, w1, {(int)k}, 1, 0};
    coded_compound(c, u, (int)k);
    for (uint32_t i = w0; i <= w1; i++) c->w[i].unit = c->nu;
    c->nu++;
  }
}

/* discards: a discard phrase ([###] in an actors or discards file), or an
 * actor whose code on the date is [###] ("ONODOHER [ONO <911226] [###]"),
 * in the sentence. actor_find yields nothing for either, so they are
 * looked up here, when build_words saw a token one may start with. */
static void discards(cx *c, const text_sentence *s) {
  uint32_t end = s->tok + s->ntok;
  for (uint32_t i = s->tok; i < end; i++) {
    uint32_t len;
    unsigned kinds = 1u << DICT_DISCARD | 1u << DICT_ACTOR;
    const dict_entry *e = dict_longest(c->px->d, c->ids, i, end, kinds, &len);
    if (!e || !dict_case_ok(e, c->td, i, len)) continue;
    const char *code = e->kind == DICT_DISCARD ? (e->ncodes ? e->codes[0].code : "") : dict_code_on(e, c->date);
    if (code && strstr(code, "###")) {
      mark(c, PATTERN_SENT_DISCARD, e->kind == DICT_DISCARD ? "a discard phrase" : "an actor coded [###]");
      return;
    }
    i += len - 1;
  }
}

/* ---- compounds ------------------------------------------------------------- */

static void merge_units(cx *c, int a, int b) {
  unit *x = &c->u[a], *y = &c->u[b];
  for (int i = 0; i < y->n && x->n < MAX_UNIT_CODES; i++) {
    int dup = 0;
    for (int j = 0; j < x->n; j++) dup |= !strcmp(c->m[x->code[j]].code, c->m[y->code[i]].code);
    if (!dup) x->code[x->n++] = y->code[i];
  }
  for (uint32_t i = x->w1 + 1; i <= y->w1; i++) {
    c->w[i].unit = a;
    c->w[i].flags |= W_INCOMP;
  }
  x->w1 = y->w1;
  x->compound = 1;
  y->n = 0;
}

/* joined: the words between two units are "and" (or ",", or ", and"),
 * then determiners (manual 7.5: np = <determ>* <actor>). *and tells if an
 * "and" was among them. */
static int joined(const cx *c, uint32_t from, uint32_t to, int *and) {
  uint32_t i = from;
  *and = 0;
  if (i < to && (c->w[i].flags & W_COMMA)) i++;
  if (i < to && ((c->w[i].klen == 3 && !memcmp(c->w[i].key, "and", 3)) ||
                 (c->w[i].klen == 3 && !memcmp(c->w[i].key, "nor", 3))))
    *and = 1, i++; /* "neither A nor B" (Validate.text COMPOUND-21) */
  if (i == from) return 0;
  while (i < to && (c->w[i].flags & (W_DET | W_ADJ))) i++;
  return i == to;
}

/* compounds joins "A and B" and "A, B and C" into one unit; a comma list
 * counts only when an "and" closes it. */
static void compounds(cx *c) {
  for (int a = 0; a < c->nu; a++) {
    if (!c->u[a].n) continue;
    int last = a, saw_and = 0, any = 0;
    int run[64], nrun = 0;
    for (int b = a + 1; b < c->nu && nrun < 63; b++) {
      if (!c->u[b].n) continue;
      int and;
      if (!joined(c, c->u[last].w1 + 1, c->u[b].w0, &and)) break;
      run[nrun++] = b;
      last = b;
      if (and) {
        saw_and = 1;
        any = nrun;
        break;
      }
    }
    if (!saw_and) continue;
    for (int i = 0; i < any; i++) merge_units(c, a, run[i]);
  }
}

/* ---- pronouns (manual 7.7) ------------------------------------------------- */

static int pronoun_unit(const cx *c, int u) {
  for (int i = 0; i < c->u[u].n; i++)
    if (!(c->m[c->u[u].code[i]].flags & ACTOR_PRONOUN)) return 0;
  return 1;
}

/* coref points each pronoun at the first actor of the sentence before it
 * (TABARI's HE, SHE, IT and ITS, HIS, HER), or for THEY, THEM, THEIR at the
 * first compound, else the first actor. actor_find resolves pronouns by
 * nearness; TABARI's dictionaries and records were written for these
 * rules (Validate.text PATTERN-12, PRON-03). */
static void coref(cx *c) {
  for (uint32_t i = 0; i < c->nw; i++) {
    word *w = &c->w[i];
    int group = (w->flags & W_PRONS) != 0;
    if (!(w->flags & (W_PRON | W_PRONS))) continue;
    if ((w->unit >= 0 && !pronoun_unit(c, w->unit)) || (w->flags & W_DEAD)) continue;
    int first = -1, comp = -1;
    for (int u = 0; u < c->nu; u++) {
      if (!c->u[u].n || c->u[u].w0 >= i || pronoun_unit(c, u) || (c->w[c->u[u].w0].flags & W_DEAD)) continue;
      if (first < 0) first = u;
      if (c->u[u].compound && comp < 0) comp = u;
    }
    int ref = group && comp >= 0 ? comp : first;
    if (ref < 0) continue;
    int u = w->unit;
    if (u < 0) {
      if (c->nu >= MAX_SENT_WORDS / 2) return;
      u = c->nu++;
      c->u[u].w0 = c->u[u].w1 = i;
      w->unit = u;
    }
    memcpy(c->u[u].code, c->u[ref].code, sizeof c->u[ref].code);
    c->u[u].n = c->u[ref].n;
    c->u[u].compound = c->u[ref].compound;
  }
}

/* ---- verbs ----------------------------------------------------------------- */

static int word_ok(const word *w, const pel *e) { return key_ok(w->key, w->klen, e); }

/* The matcher. Positions are indices into c->act (the words left after the
 * comma clauses went). A sequence is matched forwards (after the verb) or
 * backwards (before it); a choice continues, after its alternative, with
 * the rest of the sequence (cont). */
typedef struct cont {
  const pel *els;
  uint32_t n;
  int adj;
  const struct cont *next;
} cont;

typedef struct mstate {
  cx *c;
  uint32_t lo, hi;  /* the span a match may use: [lo, hi) */
  int budget;
  int src, tgt, both; /* units found by $ + % */
  int skip[8], nskip; /* units passed over by ^ */
  uint32_t end;       /* forwards: one past the last word matched */
  int for_root;       /* matching a verb root: gaps stop at a conjunction */
} mstate;

static const word *aw(const mstate *s, uint32_t p) { return &s->c->w[s->c->act[p]]; }

static int mf(mstate *s, const pel *e, uint32_t n, uint32_t pos, int adj, const cont *k);
static int mb(mstate *s, const pel *e, uint32_t n, uint32_t pos, int adj, const cont *k);

static int actor_el(mstate *s, const pel *e, int u, int set) {
  if (e->kind == EL_BOTH && !s->c->u[u].compound) return 0;
  int *slot = e->kind == EL_SRC ? &s->src : e->kind == EL_TGT ? &s->tgt : e->kind == EL_BOTH ? &s->both : NULL;
  if (slot) *slot = set ? u : -1;
  else if (set && s->nskip < 8) s->skip[s->nskip++] = u;
  else if (!set && s->nskip) s->nskip--;
  return 1;
}

static int mf(mstate *s, const pel *e, uint32_t n, uint32_t pos, int adj, const cont *k) {
  if (--s->budget < 0) return 0;
  if (!n) {
    if (k) return mf(s, k->els, k->n, pos, k->adj, k->next);
    s->end = pos;
    return 1;
  }
  int need = adj || e->adj;
  if (e->kind == EL_CHOICE) {
    const pchoice *ch = &s->c->px->choices[e->choice];
    cont k2 = {e + 1, n - 1, 0, k};
    for (uint32_t i = 0; i < ch->n; i++) {
      const pseq *q = &s->c->px->seqs[ch->first + i];
      if (mf(s, s->c->px->els + q->first, q->n, pos, need, &k2)) return 1;
    }
    return 0;
  }
  if (e->kind == EL_WORD && !need && !s->for_root && e->klen && s->hi <= 64 && pos < 64) {
    /* a gap before a word: only positions whose word starts with the key's
     * first letter can match (word_ok), the others change nothing */
    uint64_t m = s->c->lmask[(unsigned char)e->key[0] & 63] & (~0ull << pos);
    if (s->hi < 64) m &= (1ull << s->hi) - 1;
    while (m) {
      uint32_t p = (uint32_t)__builtin_ctzll(m);
      m &= m - 1;
      if (word_ok(aw(s, p), e) && mf(s, e + 1, n - 1, p + 1, 0, k)) return 1;
      if (s->budget < 0) break;
    }
    return 0;
  }
  for (uint32_t p = pos; p < s->hi; p++) {
    const word *w = aw(s, p);
    if (e->kind == EL_WORD) {
      if (word_ok(w, e) && mf(s, e + 1, n - 1, p + 1, 0, k)) return 1;
    } else if (e->kind != EL_VERB) {
      int u = s->c->ustart[p];
      if (u >= 0 && actor_el(s, e, u, 1)) {
        uint32_t q = p;
        while (q + 1 < s->hi && s->c->uend[q] != u) q++;
        if (mf(s, e + 1, n - 1, q + 1, 0, k)) return 1;
        actor_el(s, e, u, 0);
      }
    }
    if (need || s->budget < 0) break;
    if (s->for_root && (w->flags & (W_CONJ | W_COMMA))) break;
  }
  return 0;
}

/* mb matches e[0..n) backwards, its last element ending before pos; adj:
 * that element must end right before pos. */
static int mb(mstate *s, const pel *e, uint32_t n, uint32_t pos, int adj, const cont *k) {
  if (--s->budget < 0) return 0;
  if (!n) {
    if (k) return mb(s, k->els, k->n, pos, adj || k->adj, k->next);
    return 1;
  }
  const pel *x = &e[n - 1];
  if (x->kind == EL_CHOICE) {
    const pchoice *ch = &s->c->px->choices[x->choice];
    cont k2 = {e, n - 1, x->adj, k};
    for (uint32_t i = 0; i < ch->n; i++) {
      const pseq *q = &s->c->px->seqs[ch->first + i];
      if (mb(s, s->c->px->els + q->first, q->n, pos, adj, &k2)) return 1;
    }
    return 0;
  }
  if (x->kind == EL_WORD && !adj && x->klen && pos <= 64) {
    /* as in mf: only positions whose word starts with the key's first letter,
     * nearest first */
    uint64_t m = s->c->lmask[(unsigned char)x->key[0] & 63];
    if (pos < 64) m &= (1ull << pos) - 1;
    if (s->lo) m &= ~0ull << s->lo;
    while (m) {
      uint32_t p = 63u - (uint32_t)__builtin_clzll(m);
      m &= ~(1ull << p);
      if (word_ok(aw(s, p), x) && mb(s, e, n - 1, p, x->adj, k)) return 1;
      if (s->budget < 0) break;
    }
    return 0;
  }
  for (uint32_t p = pos; p-- > s->lo;) {
    const word *w = aw(s, p);
    if (x->kind == EL_WORD) {
      if (word_ok(w, x) && mb(s, e, n - 1, p, x->adj, k)) return 1;
    } else if (x->kind != EL_VERB) {
      int u = s->c->uend[p];
      if (u >= 0 && actor_el(s, x, u, 1)) {
        uint32_t q = p;
        while (q > s->lo && s->c->ustart[q] != u) q--;
        if (mb(s, e, n - 1, q, x->adj, k)) return 1;
        actor_el(s, x, u, 0);
      }
    }
    if (adj || s->budget < 0) break;
  }
  return 0;
}

static void set_active(cx *c, int all) {
  c->anchored = 0;
  c->na = 0;
  for (uint32_t i = 0; i < c->nw; i++)
    if (all || !(c->w[i].flags & W_DEAD)) c->act[c->na++] = i;
  /* only the pattern matcher reads lmask; find_verbs (all) matches roots,
   * which read no units unless one names an actor */
  if (all && !c->px->root_units) return;
  if (!all) {
    memset(c->lmask, 0, sizeof c->lmask);
    for (uint32_t p = 0; p < c->na && p < 64; p++) {
      const word *w = &c->w[c->act[p]];
      if (w->klen) c->lmask[(unsigned char)w->key[0] & 63] |= 1ull << p;
    }
  }
  for (uint32_t p = 0; p < c->na; p++) c->ustart[p] = c->uend[p] = -1;
  for (uint32_t p = 0; p < c->na; p++) {
    int u = c->w[c->act[p]].unit;
    if (u < 0 || !c->u[u].n) continue;
    if (p == 0 || c->w[c->act[p - 1]].unit != u) c->ustart[p] = u;
    if (p + 1 == c->na || c->w[c->act[p + 1]].unit != u) c->uend[p] = u;
  }
}

/* root_at finds the longest verb root at word p (c->act is every word):
 * its first word by the prefixes of the text word (TABARI's stems), the
 * rest forwards. */
static uint32_t root_at(cx *c, uint32_t p, uint32_t *last) {
  const pattern_index *px = c->px;
  const word *w = &c->w[p];
  uint32_t best = NONE, best_len = 0;
  uint32_t hi = p + 1;
  if (w->id != NONE) {
    /* the roots its first word matches, worked out once (root_cands) */
    const uint32_t *l = px->plist + px->pw[w->id].roots;
    for (uint32_t k = 0; k < l[0]; k++) {
      uint32_t r = l[1 + 3 * k], len = l[2 + 3 * k], fl = l[3 + 3 * k];
      if (len <= best_len || ((w->flags & W_POSS) && (fl & RC_EXACT))) continue;
      if (!(fl & RC_MORE)) {
        best = r, best_len = len, *last = p;
        continue;
      }
      if (hi == p + 1)
        while (hi < c->nw && !(c->w[hi].flags & W_COMMA)) hi++;
      const proot *R = &px->roots[r];
      mstate s = {c, 0, hi, MATCH_BUDGET, -1, -1, -1, {0}, 0, p + 1, 1};
      if (!mf(&s, px->els + R->words.first + 1, R->words.n - 1, p + 1, 0, NULL)) continue;
      best = r, best_len = len, *last = s.end - 1;
    }
    return best;
  }
  uint32_t slots[64], ns = root_slots(px, w->key, w->klen, slots);
  for (uint32_t k = 0; k < ns; k++) {
    const rslot *sl = &px->rhash[slots[k]];
    for (uint32_t i = 0; i < sl->n; i++) {
      const rcand *rc = &px->rootlist[sl->first + i];
      if (rc->len <= best_len) continue;
      /* a stem matches: root_slots found its key a prefix of the word */
      if (rc->match != M_STEM) {
        /* "donate's" is a noun, not DONATE_ (Validate.text NOUNEND-12) */
        if (w->flags & W_POSS) continue;
        const pel e = {EL_WORD, rc->match, 0, (uint8_t)sl->klen, 0, sl->key};
        if (!word_ok(w, &e)) continue;
      }
      if (!rc->more) {
        best = rc->root, best_len = rc->len, *last = p;
        continue;
      }
      if (hi == p + 1)
        while (hi < c->nw && !(c->w[hi].flags & W_COMMA)) hi++;
      const proot *R = &px->roots[rc->root];
      mstate s = {c, 0, hi, MATCH_BUDGET, -1, -1, -1, {0}, 0, p + 1, 1};
      if (!mf(&s, px->els + R->words.first + 1, R->words.n - 1, p + 1, 0, NULL)) continue;
      best = rc->root, best_len = rc->len, *last = s.end - 1;
    }
  }
  return best;
}

/* null_root: a root coded [---] without patterns is not a verb (manual 6.2). */
static int null_root(const cx *c, uint32_t r) { return c->px->roots[r].null; }

static void find_verbs(cx *c) {
  set_active(c, 1);
  int upper = c->td->casing == TEXT_UPPER;
  for (uint32_t p = 0; p < c->nw; p++) {
    word *w = &c->w[p];
    if (w->unit >= 0 || (w->flags & (W_COMMA | W_CONJ | W_DET | W_INROOT | W_LNOUN | W_ADJ))) continue;
    if (!(c->td->tok[w->tok].flags & TOK_WORD)) continue;
    uint32_t last;
    uint32_t r = root_at(c, p, &last);
    if (r == NONE || null_root(c, r)) continue;
    /* manual 7.4: a verb after a determiner, or capitalized inside the
     * sentence, is a noun */
    int cap = !upper && p > 0 && (c->td->tok[w->tok].flags & TOK_CAP);
    if ((p > 0 && (c->w[p - 1].flags & W_DET)) || cap) {
      w->flags |= W_NOUN;
      continue;
    }
    w->root = r;
    __builtin_prefetch(&c->px->roots[r]); /* try_verb reads it */
    w->rlast = last;
    for (uint32_t i = p + 1; i <= last; i++) c->w[i].flags |= W_INROOT;
    if (c->px->roots[r].cflags & C_DISCARD) mark(c, PATTERN_SENT_DISCARD, "a verb coded [###]");
    p = last;
  }
}

/* ---- comma-delimited clauses (manual 7.8, 8.6) ---------------------------- */

static void kill_span(cx *c, uint32_t a, uint32_t b) {
  for (uint32_t i = a; i < b; i++) c->w[i].flags |= W_DEAD;
}

static void comma_clauses(cx *c) {
  const pattern_options *o = c->o;
  if (o->comma_off) return;
  uint32_t commas[MAX_SENT_WORDS], nc = 0;
  for (uint32_t i = 0; i < c->nw; i++)
    if ((c->w[i].flags & W_COMMA) && !(c->w[i].flags & W_INCOMP)) commas[nc++] = i;
  if (!nc) return;
  int n0 = (int)commas[0];
  if (n0 > o->comma_bmin && n0 <= o->comma_bmax) kill_span(c, 0, commas[0] + 1);
  /* a clause that goes takes both its commas; the clause after it then has
   * no comma of its own and stays (Validate.text DEMO-19) */
  for (uint32_t k = 0; k + 1 < nc; k++) {
    int n = (int)(commas[k + 1] - commas[k] - 1);
    if (c->w[commas[k]].flags & W_DEAD) continue;
    if (n > o->comma_min && n <= o->comma_max) kill_span(c, commas[k], commas[k + 1] + 1);
  }
  int nl = (int)(c->nw - commas[nc - 1] - 1);
  if (c->w[commas[nc - 1]].flags & W_DEAD) return;
  /* the terminal clause only when the sentence ends in a period: without one
   * TABARI does not find the end of the sentence (Validate.text MARK-06..09) */
  if (c->ends_period && nl > o->comma_emin && nl <= o->comma_emax) kill_span(c, commas[nc - 1], c->nw);
}

/* ---- events ------------------------------------------------------------------ */

static coder_event *push_event(cx *c) {
  if (c->ne == c->cape) {
    size_t ncap = c->cape ? c->cape * 2 : 16;
    coder_event *p = arena_grow(c->a, c->e, c->cape * sizeof *p, ncap * sizeof *p);
    if (!p) return c->oom = 1, NULL;
    c->e = p;
    c->cape = ncap;
  }
  coder_event *e = &c->e[c->ne++];
  memset(e, 0, sizeof *e);
  e->tgt = e->attribution = e->location = -1;
  return e;
}

enum { K_PLAIN = 0, K_SUB = 1, K_DOM = 2 };

typedef struct hit { /* a verb that coded: what, and by which entry */
  const dict_entry *entry;
  const char *code;
  uint32_t v, vlast;  /* active positions */
  int src, tgt;       /* units, or -1; -2 for the default actor */
  int rule;           /* 1: by a pattern */
  const char *how;
} hit;

static int unit_shares(const cx *c, int a, int b) {
  if (a < 0 || b < 0) return 0;
  if (a == b) return 1;
  for (int i = 0; i < c->u[a].n; i++)
    for (int j = 0; j < c->u[b].n; j++)
      if (!strcmp(c->m[c->u[a].code[i]].code, c->m[c->u[b].code[j]].code)) return 1;
  return 0;
}

static int emit_one(cx *c, const hit *h, const char *code, int s, int t, uint32_t first) {
  if (!strcmp(c->m[s].code, c->m[t].code)) return 0;
  /* one event per source and target of a verb: with a compound as both
   * ("% * [044:045]") the pair's second event is the paired code's
   * (Validate.text PATTERN-26) */
  for (size_t i = first; i < c->ne; i++)
    if (!strcmp(c->m[c->e[i].src].code, c->m[s].code) && !strcmp(c->m[c->e[i].tgt].code, c->m[t].code))
      return 0;
  coder_event *e = push_event(c);
  if (!e) return 0;
  e->sent = c->sent;
  e->src = s;
  e->tgt = t;
  snprintf(e->cameo, sizeof e->cameo, "%s", code);
  e->verb_tok = c->w[c->act[h->v]].tok;
  e->verb_last = c->w[c->act[h->vlast]].tok;
  e->pattern = h->entry;
  e->how = h->how;
  return 1;
}

static int default_actor(cx *c, const char *code) { return add_mention(c, NULL, code); }

/* codes_of lists the actor indices of unit u (or the default actor). */
static int codes_of(cx *c, int u, const char *dflt, int *out) {
  if (u == -2) {
    int k = default_actor(c, dflt);
    if (k < 0) return 0;
    out[0] = k;
    return 1;
  }
  memcpy(out, c->u[u].code, (size_t)c->u[u].n * sizeof *out);
  return c->u[u].n;
}

/* emit expands compounds and a paired code "A:B" (manual 6.6.3). */
static int emit(cx *c, const hit *h, int sub_dom) {
  char a[DICT_CODE_MAX], b[DICT_CODE_MAX] = "";
  snprintf(a, sizeof a, "%s", h->code);
  char *colon = strchr(a, ':');
  if (colon) {
    snprintf(b, sizeof b, "%s", colon + 1);
    *colon = 0;
  }
  for (char *p = a; *p; p++)
    if (*p == '?' || *p == '!') *p = 0;
  for (char *p = b; *p; p++)
    if (*p == '?' || *p == '!') *p = 0;
  int S[MAX_UNIT_CODES], T[MAX_UNIT_CODES];
  int ns = codes_of(c, h->src, c->o->default_src, S), nt = codes_of(c, h->tgt, c->o->default_tgt, T);
  uint32_t first = (uint32_t)c->ne;
  int n = 0;
  for (int i = 0; i < ns; i++)
    for (int j = 0; j < nt; j++) {
      if (a[0]) n += emit_one(c, h, a, S[i], T[j], first);
      if (b[0]) n += emit_one(c, h, b, T[j], S[i], first);
    }
  for (size_t i = first; i < c->ne; i++)
    if (i - c->sfirst < sizeof c->kind) c->kind[i - c->sfirst] = (uint8_t)sub_dom;
  return n;
}

/* ---- source and target (manual 5.7.3, 5.8, 7.9) ---------------------------- */

static int skipped(const mstate *s, int u) {
  for (int i = 0; i < s->nskip; i++)
    if (s->skip[i] == u) return 1;
  return 0;
}

/* unit_fwd: the first unit starting in [from, to) that shares no code with
 * avoid; unit_bwd: the nearest one ending before to. */
static int unit_fwd(const cx *c, uint32_t from, uint32_t to, int avoid, const mstate *s) {
  for (uint32_t p = from; p < to; p++) {
    int u = c->ustart[p];
    if (u >= 0 && !unit_shares(c, u, avoid) && !skipped(s, u)) return u;
  }
  return -1;
}

static int unit_bwd(const cx *c, uint32_t from, uint32_t to, int avoid, const mstate *s) {
  for (uint32_t p = to; p-- > from;) {
    int u = c->uend[p];
    if (u >= 0 && !unit_shares(c, u, avoid) && !skipped(s, u)) return u;
  }
  return -1;
}

typedef struct clause {
  uint32_t cs, ce;  /* active positions [cs, ce) */
  int first;        /* the sentence's first clause */
  int carry;        /* the source carried from the clause before, or -1 */
} clause;

static int is_word(const cx *c, uint32_t p, const char *k) {
  const word *w = &c->w[c->act[p]];
  return w->klen == strlen(k) && !memcmp(w->key, k, w->klen);
}

static int passive(const cx *c, uint32_t v, uint32_t vlast, uint32_t cs, uint32_t ce) {
  /* "was attacked by", "was opposed earlier by" (Validate.text PASV-04) */
  int by = (vlast + 1 < ce && is_word(c, vlast + 1, "by")) || (vlast + 2 < ce && is_word(c, vlast + 2, "by"));
  if (!by) return 0;
  for (uint32_t p = v; p > cs && p + 2 >= v; p--)
    if (key_is(&c->w[c->act[p - 1]], AUX)) return 1;
  return 0;
}

static int find_source(cx *c, const clause *cl, uint32_t v, uint32_t vlast, int tgt, const mstate *s) {
  int u = -1;
  if (cl->first) u = unit_fwd(c, 0, v, tgt, s);
  else if (c->ustart[cl->cs] >= 0 && cl->cs < v) u = c->ustart[cl->cs];
  else if (cl->carry >= 0) u = cl->carry;
  else u = unit_fwd(c, cl->cs, v, tgt, s);
  if (u >= 0) return u;
  const pattern_options *o = c->o;
  if (o->default_src[0] && o->default_prior) return -2;
  /* TABARI is greedy: with no actor before the verb it takes one after it
   * (manual 8.5, note 3) */
  u = unit_fwd(c, vlast + 1, cl->ce, tgt, s);
  if (u >= 0) return u;
  return o->default_src[0] ? -2 : -1;
}

static int find_target(cx *c, const clause *cl, uint32_t v, uint32_t vlast, int src, const mstate *s) {
  int u = unit_fwd(c, vlast + 1, cl->ce, src, s);
  if (u >= 0 && u != src) return u;
  const pattern_options *o = c->o;
  if (o->default_tgt[0] && o->default_after) return -2;
  u = unit_bwd(c, cl->first ? 0 : cl->cs, v, src, s);
  if (u >= 0 && u != src) return u;
  if (o->default_tgt[0]) return -2;
  if (src >= 0 && c->u[src].compound) return src;
  return -1;
}

/* ---- trying a verb -------------------------------------------------------- */

/* letters_bit: one of 64 bits for a word's first two letters. */
static uint64_t letters_bit(const char *k, uint32_t n) {
  if (n < 2) return 0;
  return 1ull << ((((unsigned char)k[0] * 31u) + (unsigned char)k[1]) & 63u);
}

static uint64_t letters_bit3(const char *k, uint32_t n) {
  if (n < 3) return 0;
  uint32_t h = ((unsigned char)k[0] * 961u) + ((unsigned char)k[1] * 31u) + (unsigned char)k[2];
  return 1ull << ((h ^ (h >> 6)) & 63u);
}

/* words_mask: the letters_bit (and in *m3 letters_bit3) of every word in [lo, hi). */
static uint64_t words_mask(const cx *c, uint32_t lo, uint32_t hi, uint64_t *m3) {
  uint64_t m = 0;
  *m3 = 0;
  for (uint32_t p = lo; p < hi && p < c->na; p++) {
    const word *w = &c->w[c->act[p]];
    m |= w->two;
    *m3 |= w->three;
  }
  return m;
}


enum { V_NONE = 0, V_EVENT, V_NULL };


/* sentence_anchors finds, for each active word, the anchors its key starts
 * with. */
static void sentence_anchors(cx *c) {
  const pattern_index *px = c->px;
  uint32_t n = 0;
  for (uint32_t p = 0; p < c->na; p++) {
    const word *w = &c->w[c->act[p]];
    c->aoff[p] = n;
    if (w->id == NONE) {
      n += key_anchors(px, w->key, w->klen, c->aid + n);
      continue;
    }
    const uint32_t *l = px->plist + px->pw[w->id].anchors;
    memcpy(c->aid + n, l + 1, l[0] * sizeof *l);
    n += l[0];
  }
  c->aoff[c->na] = n;
  c->anchored = 1;
}

/* mark_candidates sets in c->cbits the patterns of block bi that the span
 * [lo, hi) can match: those whose anchor starts one of its words, and those
 * without an anchor. */
static void mark_candidates(cx *c, uint32_t bi, uint32_t lo, uint32_t hi) {
  const pattern_index *px = c->px;
  const pblock *b = &px->blocks[bi];
  uint64_t *bits = c->cbits;
  for (uint32_t k = 0; k < b->free_n; k++) {
    uint32_t i = px->cand[b->free_first + k];
    bits[i >> 6] |= 1ull << (i & 63);
  }
  if (!c->anchored) sentence_anchors(c);
  const uint64_t *bloom = px->bbloom[bi];
  /* 32 anchors at a time: their slots fetched together, then read */
  uint64_t key[32];
  size_t at[32];
  for (uint32_t j = c->aoff[lo]; j < c->aoff[hi];) {
    uint32_t nk = 0;
    for (; j < c->aoff[hi] && nk < 32; j++) {
      uint32_t id = c->aid[j];
      if (!(bloom[id >> 6 & 7] & (1ull << (id & 63)))) continue;
      key[nk] = (uint64_t)(bi + 1) << 32 | id;
      at[nk] = mix(key[nk]) & (px->bcap - 1);
      __builtin_prefetch(&px->bhash[at[nk++]]);
    }
    for (uint32_t q = 0; q < nk; q++) {
      size_t x = at[q];
      while (px->bhash[x].key && px->bhash[x].key != key[q]) x = (x + 1) & (px->bcap - 1);
      const bslot *sl = &px->bhash[x];
      for (uint32_t k = 0; k < sl->n; k++) {
        uint32_t i = px->cand[sl->first + k];
        bits[i >> 6] |= 1ull << (i & 63);
      }
    }
  }
}

static uint32_t active_pos(const cx *c, uint32_t wi, uint32_t from) {
  uint32_t p = from;
  while (p + 1 < c->na && c->act[p + 1] <= wi) p++;
  return p;
}

#define SMALL_BLOCK 24

/* try_pattern: P matches around the verb at active positions [v, vlast],
 * inside [lo, hi); *out then says how. */
static int try_pattern(cx *c, const ppat *P, uint32_t v, uint32_t vlast, uint32_t lo, uint32_t hi,
                       mstate *out) {
  const pel *els = c->px->els;
  mstate s = {c, lo, hi, MATCH_BUDGET, -1, -1, -1, {0}, 0, vlast + 1, 0};
  int vadj = els[P->pre.first + P->pre.n].adj;
  if (!mb(&s, els + P->pre.first, P->pre.n, v, vadj, NULL)) return 0;
  s.budget = MATCH_BUDGET;
  if (!mf(&s, els + P->post.first, P->post.n, vlast + 1, 0, NULL)) return 0;
  *out = s;
  return 1;
}

/* match_patterns tries the verb's patterns, longest first, of the first
 * limit of its block. */
static const ppat *match_patterns(cx *c, const proot *R, uint32_t v, uint32_t vlast, uint32_t lo,
                                  uint32_t hi, uint32_t limit, mstate *out) {
  const pattern_index *px = c->px;
  const pblock *b = &px->blocks[R->block];
  uint64_t have3, have = words_mask(c, lo, hi, &have3);
  const pneed *nd = px->needs + b->first;
  /* a small block is walked whole: cheaper than looking its anchors up */
  if (b->n <= SMALL_BLOCK) {
    for (uint32_t i = 0; i < b->n; i++) c->cbits[i >> 6] |= 1ull << (i & 63);
  } else {
    mark_candidates(c, R->block, lo, hi);
  }
  /* the candidates in block order, c->cbits cleared; their filter bits,
   * then the patterns that pass, fetched from memory together */
  uint32_t *cand = c->clist, n = 0, m = 0;
  for (uint32_t wi = 0; wi < (b->n + 63) / 64; wi++) {
    for (uint64_t x = c->cbits[wi]; x; x &= x - 1) {
      cand[n] = wi * 64 + (uint32_t)__builtin_ctzll(x);
      __builtin_prefetch(&nd[cand[n++]]);
    }
    c->cbits[wi] = 0;
  }
  for (uint32_t k = 0; k < n; k++) {
    uint32_t i = cand[k];
    if (i >= limit) break; /* cand ascends */
    if ((nd[i].two & ~have) | (nd[i].three & ~have3)) continue;
    __builtin_prefetch(&px->pats[b->first + i]);
    cand[m++] = i;
  }
  for (uint32_t k = 0; k < m; k++) {
    const ppat *P = &px->pats[b->first + cand[k]];
    if (k + 1 < m) __builtin_prefetch(px->els + px->pats[b->first + cand[k + 1]].pre.first);
    if (try_pattern(c, P, v, vlast, lo, hi, out)) return P;
  }
  return NULL;
}

/* verb_marks is try_verb for a sentence no event can come of (may_emit):
 * all a verb can do there is mark it, by a pattern coded [###] or [+++].
 * Those patterns are tried first, alone (SAID has one, its 1349th of
 * 1362). Only when one matches does match_patterns try the block up to
 * it, in order: the pattern it finds is the one try_verb would have found
 * (nothing before it matched). Should it find none (its filters dropped
 * that pattern), the next marking pattern is tried the same way. The
 * root's own code cannot mark here: find_verbs and complexity have seen it. */
static int verb_marks(cx *c, const proot *R, uint32_t v, uint32_t vlast, uint32_t lo, uint32_t hi) {
  const pattern_index *px = c->px;
  const pblock *b = &px->blocks[R->block];
  uint64_t have3, have = words_mask(c, lo, hi, &have3);
  mstate s;
  for (uint32_t k = 0; k < b->marks_n; k++) {
    uint32_t i = px->marked[b->marks_first + k];
    const pneed *nd = &px->needs[b->first + i];
    if ((nd->two & ~have) | (nd->three & ~have3)) continue;
    if (!try_pattern(c, &px->pats[b->first + i], v, vlast, lo, hi, &s)) continue;
    const ppat *P = match_patterns(c, R, v, vlast, lo, hi, i + 1, &s);
    if (!P) continue;
    if (P->cflags & C_DISCARD) mark(c, PATTERN_SENT_DISCARD, "a verb pattern coded [###]");
    else if (P->cflags & C_COMPLEX) mark(c, PATTERN_SENT_COMPLEX, "a verb pattern coded [+++]");
    break;
  }
  return V_NULL;
}

static int try_verb(cx *c, const clause *cl, uint32_t v, hit *h) {
  const word *w = &c->w[c->act[v]];
  const proot *R = &c->px->roots[w->root];
  uint32_t vlast = active_pos(c, w->rlast, v);
  uint32_t lo = v, hi = vlast + 1;
  while (lo > cl->cs && !(c->w[c->act[lo - 1]].flags & W_COMMA)) lo--;
  while (hi < cl->ce && !(c->w[c->act[hi]].flags & W_COMMA)) hi++;
  mstate s = {c, lo, hi, 0, -1, -1, -1, {0}, 0, 0, 0};
  if (!c->emits) return verb_marks(c, R, v, vlast, lo, hi);
  const ppat *P = match_patterns(c, R, v, vlast, lo, hi, c->px->blocks[R->block].n, &s);
  h->entry = P ? P->e : R->e;
  h->code = code_of(h->entry);
  h->v = v, h->vlast = vlast;
  h->rule = P != NULL;
  explain(c, "verb \"%s\" (%s:%u) %s code %s", w->key, h->entry->source, h->entry->line,
          P ? "pattern" : "root", h->code);
  int cf = P ? P->cflags : R->cflags;
  if (cf & C_DISCARD) return mark(c, PATTERN_SENT_DISCARD, "a verb pattern coded [###]"), V_NULL;
  if (cf & C_COMPLEX) return mark(c, PATTERN_SENT_COMPLEX, "a verb pattern coded [+++]"), V_NULL;
  if (cf & C_NULL) return V_NULL;
  int src = s.both >= 0 ? s.both : s.src, tgt = s.both >= 0 ? s.both : s.tgt;
  if (src < 0) src = find_source(c, cl, v, vlast, tgt, &s);
  if (tgt < 0) tgt = find_target(c, cl, v, vlast, src, &s);
  h->how = P ? "pattern" : "verb root";
  if ((!P || !P->actors) && passive(c, v, vlast, cl->cs, cl->ce)) {
    int t = src;
    src = tgt, tgt = t;
    h->how = P ? "pattern, passive voice" : "verb root, passive voice";
  }
  h->src = src, h->tgt = tgt;
  if (src == -1 || tgt == -1) {
    explain(c, "  no %s", src == -1 ? "source" : "target");
    return V_NONE;
  }
  return V_EVENT;
}

/* ---- clauses -------------------------------------------------------------- */

static int kind_of(const char *code) {
  if (strchr(code, '?')) return K_SUB;
  if (strchr(code, '!')) return K_DOM;
  return K_PLAIN;
}

static int boundary(const cx *c, uint32_t p) {
  const word *w = &c->w[c->act[p]];
  if (!(w->flags & W_CONJ) || (w->flags & (W_INCOMP | W_INROOT)) || w->unit >= 0) return 0;
  /* a compound noun or adjective phrase: "bombs and rockets", "black and
   * white goats" (manual 7.5.1) */
  if (p == 0 || !(c->w[c->act[p - 1]].flags & (W_LNOUN | W_ADJ))) return 1;
  uint32_t q = p + 1;
  while (q < c->na && (c->w[c->act[q]].flags & W_ADJ)) q++;
  return !(q < c->na && (c->w[c->act[q]].flags & W_LNOUN)) && !(q > p + 1 && (c->w[c->act[p - 1]].flags & W_ADJ));
}

/* marks: the verb root at w has patterns that mark the sentence. */
static int marks(const cx *c, const word *w) {
  return c->px->blocks[c->px->roots[w->root].block].marks_n != 0;
}

/* code_clause codes one clause: the first event (by clause), a dominant one
 * after it, a subordinate one only when nothing else codes. Returns the
 * source of its event, or -1. */
static int code_clause(cx *c, clause *cl, int *stop) {
  int done = 0, src = -1;
  hit sub;
  int have_sub = 0;
  for (uint32_t v = cl->cs; v < cl->ce && !*stop; v++) {
    const word *w = &c->w[c->act[v]];
    if (w->root == NONE || !(c->emits || marks(c, w))) continue;
    hit h;
    int r = try_verb(c, cl, v, &h);
    if (c->status == PATTERN_SENT_DISCARD || c->status == PATTERN_SENT_COMPLEX) return *stop = 1, -1;
    if (r != V_EVENT) continue;
    int k = kind_of(h.code);
    if (c->o->code_by == PATTERN_BY_ALL) {
      if (emit(c, &h, k) && src < 0) src = h.src;
      continue;
    }
    if (done) {
      if (k == K_DOM) emit(c, &h, k);
      continue;
    }
    if (k == K_SUB) {
      if (!have_sub) sub = h, have_sub = 1;
      continue;
    }
    if (emit(c, &h, k)) {
      done = 1, src = h.src;
      if (c->o->code_by == PATTERN_BY_SENTENCE) *stop = 1;
    }
  }
  if (!done && have_sub && emit(c, &sub, K_SUB)) src = sub.src;
  return src;
}

static void code_clauses(cx *c) {
  int carry = -1, stop = 0;
  uint32_t cs = 0;
  for (uint32_t p = 0; p <= c->na && !stop; p++) {
    if (p < c->na && !boundary(c, p)) continue;
    if (p > cs) {
      clause cl = {cs, p, cs == 0, carry};
      int src = code_clause(c, &cl, &stop);
      if (src == -2) src = -1;
      if (src < 0) src = cs == 0 ? unit_fwd(c, cs, p, -1, &(mstate){0}) : carry;
      carry = src;
    }
    cs = p + 1;
  }
}

/* keep: a dominant event drops all others; any event drops the
 * subordinate ones (manual 6.6). */
static void filter_events(cx *c) {
  int dom = 0, plain = 0;
  for (size_t i = c->sfirst; i < c->ne && i - c->sfirst < sizeof c->kind; i++) {
    dom |= c->kind[i - c->sfirst] == K_DOM;
    plain |= c->kind[i - c->sfirst] != K_SUB;
  }
  size_t o = c->sfirst;
  for (size_t i = c->sfirst; i < c->ne; i++) {
    int k = i - c->sfirst < sizeof c->kind ? c->kind[i - c->sfirst] : K_PLAIN;
    if ((dom && k != K_DOM) || (plain && k == K_SUB)) continue;
    c->e[o++] = c->e[i];
  }
  c->ne = o;
}

/* ---- complexity (manual 8.7) ------------------------------------------------ */

/* complex_roots: complexity without COMPLEX: conditions, on the words
 * rather than the active positions: a live verb root coded [+++]. */
static void complex_roots(cx *c) {
  for (uint32_t i = 0; i < c->nw; i++) {
    const word *w = &c->w[i];
    if (w->root != NONE && !(w->flags & W_DEAD) && (c->px->roots[w->root].cflags & C_COMPLEX))
      mark(c, PATTERN_SENT_COMPLEX, "a verb coded [+++]");
  }
}

static int complex_opts(const pattern_options *o) {
  return o->verbs || o->conj || o->actors || o->complex || o->lateverb;
}

static void complexity(cx *c) {
  const pattern_options *o = c->o;
  int verbs = 0, conj = 0, actors = 0, first_verb = -1, prior = 0, after = 0;
  for (uint32_t p = 0; p < c->na; p++) {
    const word *w = &c->w[c->act[p]];
    if (w->root != NONE) {
      if (first_verb < 0) first_verb = (int)p;
      verbs++;
      if (c->px->roots[w->root].cflags & C_COMPLEX) mark(c, PATTERN_SENT_COMPLEX, "a verb coded [+++]");
    }
    if (boundary(c, p)) conj++;
    if (c->ustart[p] >= 0) {
      actors++;
      if (first_verb < 0) prior = 1;
      else after = 1;
    }
  }
  const char *why = NULL;
  if (o->verbs && verbs >= o->verbs) why = "COMPLEX: too many verbs";
  else if (o->conj && conj >= o->conj) why = "COMPLEX: too many conjunctions";
  else if (o->actors && actors >= o->actors) why = "COMPLEX: too many actors";
  else if ((o->complex & PATTERN_NOVERB) && first_verb < 0) why = "COMPLEX: no verb";
  else if ((o->complex & PATTERN_NOACTPRIOR) && first_verb >= 0 && !prior) why = "COMPLEX: no actor before the first verb";
  else if ((o->complex & PATTERN_NOACTAFTER) && first_verb >= 0 && !after) why = "COMPLEX: no actor after the first verb";
  else if (o->lateverb && (first_verb < 0 || first_verb > o->lateverb)) why = "COMPLEX: late verb";
  if (why) mark(c, PATTERN_SENT_COMPLEX, why);
}

/* ---- a sentence, a document ---------------------------------------------- */

/* may_emit: an event can come of the sentence. emit_one wants a source and
 * a target of different codes (or a default actor): when every unit left
 * has one and the same code, or there is none, no verb codes, and all
 * code_clauses could still do is mark the sentence (verb_marks): so for 60%
 * of reuters50k's sentences, with no actor at all. EXPLAIN wants every verb
 * tried. */
static int may_emit(const cx *c) {
  const pattern_options *o = c->o;
  if ((c->flags & PATTERN_EXPLAIN) || o->default_src[0] || o->default_tgt[0]) return 1;
  const char *code = NULL;
  for (int u = 0; u < c->nu; u++)
    for (int i = 0; i < c->u[u].n; i++) {
      const char *z = c->m[c->u[u].code[i]].code;
      if (!code) code = z;
      else if (strcmp(code, z)) return 1;
    }
  return 0;
}

/* live_marks: a live verb whose patterns may mark the sentence. */
static int live_marks(const cx *c) {
  for (uint32_t i = 0; i < c->nw; i++)
    if (c->w[i].root != NONE && !(c->w[i].flags & W_DEAD) && marks(c, &c->w[i])) return 1;
  return 0;
}

static int code_sentence(cx *c, uint32_t si, size_t nin) {
  const text_sentence *s = &c->td->sent[si];
  c->sent = si;
  c->why = NULL;
  c->status = PATTERN_SENT_NONE;
  c->sfirst = c->ne;
  if (build_words(c, s)) return ERR_NOMEM;
  if (c->o->min_words && (int)c->nw < c->o->min_words) {
    c->status = PATTERN_SENT_SHORT;
    return ERR_OK;
  }
  find_units(c, nin);
  if (c->discard) discards(c, s);
  compounds(c);
  find_verbs(c);
  if (c->status == PATTERN_SENT_DISCARD || c->oom) return c->oom ? ERR_NOMEM : ERR_OK;
  comma_clauses(c);
  coref(c); /* after the comma clauses go (Validate.text COMMA-02C) */
  c->emits = may_emit(c);
  if (c->emits || live_marks(c) || complex_opts(c->o)) {
    set_active(c, 0);
    complexity(c);
    if (c->status == PATTERN_SENT_NONE) code_clauses(c);
  } else {
    complex_roots(c);
  }
  if (c->status == PATTERN_SENT_DISCARD || c->status == PATTERN_SENT_COMPLEX) {
    c->ne = c->sfirst;
    explain(c, "sentence %u: %s: %s", si, c->status == PATTERN_SENT_DISCARD ? "discard" : "complex", c->why);
  } else {
    filter_events(c);
    if (c->ne > c->sfirst) c->status = PATTERN_SENT_CODED;
  }
  return c->oom ? ERR_NOMEM : ERR_OK;
}

int pattern_code(const pattern_index *px, const pattern_options *opt, arena *a,
                 const text_doc *td, int32_t date, const actor_list *actors, unsigned flags,
                 pattern_result *out) {
  static const pattern_options defaults = {PATTERN_BY_CLAUSE, 0, 0, 0, 0, 0, 0, 0, 0,
                                           2, 10, 2, 10, 128, 0, "", "", 0, 0, 8, 0};
  memset(out, 0, sizeof *out);
  cx *c = arena_alloc(a, sizeof *c);
  if (!c) return ERR_NOMEM;
  memset(c, 0, offsetof(cx, w));
  c->px = px;
  c->o = opt ? opt : &defaults;
  c->a = a;
  c->td = td;
  c->flags = flags;
  c->date = date;
  out->status = arena_calloc(a, td->nsent ? td->nsent : 1, 1);
  out->why = arena_calloc(a, td->nsent ? td->nsent : 1, sizeof *out->why);
  c->aid = arena_alloc(a, MAX_SENT_WORDS * ANCHOR_MAX * sizeof *c->aid);
  c->cbits = arena_calloc(a, px->max_block / 64 + 1, sizeof *c->cbits);
  c->clist = arena_alloc(a, (px->max_block + 1) * sizeof *c->clist);
  if (!out->status || !out->why || !c->aid || !c->cbits || !c->clist) return ERR_NOMEM;
  if (actors->ids && actors->ids_dict == px->d) {
    c->ids = actors->ids;
  } else {
    uint32_t *ids = arena_alloc(a, (td->ntok ? td->ntok : 1) * sizeof *ids);
    if (!ids) return ERR_NOMEM;
    dict_keys(px->d, td, ids);
    c->ids = ids;
  }
  for (size_t k = 0; k < actors->n; k++)
    if (add_mention(c, &actors->m[k], actors->m[k].code) < 0) return ERR_NOMEM;
  for (uint32_t s = 0; s < td->nsent; s++) {
    if (code_sentence(c, s, actors->n)) return ERR_NOMEM;
    out->status[s] = (uint8_t)c->status;
    out->why[s] = c->why;
  }
  if (c->oom) return ERR_NOMEM;
  out->events = (coder_list){c->e, c->ne, c->ex, c->nex};
  out->actors = (actor_list){c->m, c->nm};
  return ERR_OK;
}
