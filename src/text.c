#include "text.h"

#include <ctype.h>
#include <string.h>
#include <utf8proc.h>

#include "err.h"
#include "utf8.h"

/* ---- character classes ------------------------------------------------- */

enum { C_SPACE, C_NL, C_LETTER, C_DIGIT, C_OTHER };

/* ASCII_CLS gives the class of an ASCII byte without decoding. */
static const unsigned char ASCII_CLS[128] = {
    C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER,
    C_OTHER, C_SPACE, C_NL, C_SPACE, C_SPACE, C_NL, C_OTHER, C_OTHER,
    C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER,
    C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER,
    C_SPACE, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER,
    C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER,
    C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT, C_DIGIT,
    C_DIGIT, C_DIGIT, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER,
    C_OTHER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER,
    C_OTHER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER, C_LETTER,
    C_LETTER, C_LETTER, C_LETTER, C_OTHER, C_OTHER, C_OTHER, C_OTHER, C_OTHER,
};

static int is_apos(int32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }
static int is_hyphen(int32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

static inline int cls(int32_t c) {
  if (c < 0x80) return c < 0 ? C_SPACE : ASCII_CLS[c];
  if (c == 0x2028 || c == 0x2029 || c == 0x85) return C_NL;
  switch (utf8proc_category(c)) {
  case UTF8PROC_CATEGORY_ZS: return C_SPACE;
  case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
  case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: return C_LETTER;
  case UTF8PROC_CATEGORY_ND: return C_DIGIT;
  case UTF8PROC_CATEGORY_CF: return c == 0xFEFF || c == 0x200B ? C_SPACE : C_OTHER;
  default: return C_OTHER;
  }
}

static int is_upper(int32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  utf8proc_category_t k = utf8proc_category(c);
  return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

/* A cursor over the text that decodes one code point ahead. */
typedef struct cur {
  const char *z;
  size_t n;
} cur;

static inline int32_t at(const cur *c, size_t i) {
  if (i >= c->n) return -1;
  if ((unsigned char)c->z[i] < 0x80) return (unsigned char)c->z[i];
  size_t j = i;
  return utf8_decode(c->z, c->n, &j);
}

static inline size_t next(const cur *c, size_t i) {
  if (i >= c->n) return c->n;
  unsigned char b = (unsigned char)c->z[i];
  if (b < 0x80) return i + 1;
  size_t j = i;
  utf8_decode(c->z, c->n, &j);
  return j;
}

static inline int cls_at(const cur *c, size_t i) {
  int32_t k = at(c, i);
  return k < 0 ? C_SPACE : cls(k);
}

static int alnum_at(const cur *c, size_t i) {
  int k = cls_at(c, i);
  return k == C_LETTER || k == C_DIGIT;
}

/* ---- word lists -------------------------------------------------------- */

typedef struct word_list {
  size_t n;
  const char *z;
} word_list;
#define W(s) {sizeof(s) - 1, s}

/* in_list looks for the lower-cased word w[0..n) in a list ended by {0, NULL}. */
static int in_list(const word_list *list, const char *w, size_t n) {
  for (; list->z; list++)
    if (list->n == n && list->z[0] == w[0] && memcmp(list->z, w, n) == 0) return 1;
  return 0;
}

/* Titles precede a name, so their period never ends a sentence. */
static const word_list TITLES[] = {
    W("mr"), W("mrs"), W("ms"), W("messrs"), W("mme"), W("dr"), W("prof"), W("gen"), W("lt"),
    W("col"), W("maj"), W("capt"), W("cpt"), W("sgt"), W("cpl"), W("pvt"), W("adm"), W("brig"),
    W("cmdr"), W("cdr"), W("comdr"), W("gov"), W("sen"), W("rep"), W("reps"), W("rev"),
    W("hon"), W("pres"), W("amb"), W("supt"), W("insp"), W("det"), W("atty"), W("gens"),
    W("lieut"), W("msgr"), W("fr"), W("sr"), W("sra"), W("srta"), W("dep"), W("sec"), W("ald"), {0, NULL}};
/* Abbreviations before a number: "No. 5", "Art. 51", "Jan. 5". */
static const word_list BEFORE_NUMBER[] = {
    W("no"), W("nos"), W("art"), W("arts"), W("vol"), W("vols"), W("p"), W("pp"), W("ch"),
    W("fig"), W("sec"), W("para"), W("jan"), W("feb"), W("mar"), W("apr"), W("jun"), W("jul"),
    W("aug"), W("sep"), W("sept"), W("oct"), W("nov"), W("dec"), {0, NULL}};
/* Abbreviations that may also end a sentence ("... of Acme Inc. The ..."). */
static const word_list GENERAL[] = {
    W("inc"), W("corp"), W("co"), W("ltd"), W("plc"), W("bros"), W("dept"), W("est"),
    W("approx"), W("etc"), W("vs"), W("jr"), W("st"), W("govt"), W("intl"), W("assn"),
    W("univ"), W("ave"), W("blvd"), W("rd"), W("mt"), W("ft"), W("cf"), W("mln"), W("bln"),
    W("pct"), W("yr"), W("yrs"), {0, NULL}};
/* Words that begin sentences often: after an abbreviation that may end a
 * sentence (U.S., Inc.), a boundary is placed only before one of these. */
static const word_list STARTERS[] = {
    W("the"), W("a"), W("an"), W("he"), W("she"), W("it"), W("they"), W("we"), W("i"),
    W("you"), W("in"), W("on"), W("at"), W("but"), W("and"), W("this"), W("that"), W("these"),
    W("those"), W("there"), W("its"), W("his"), W("her"), W("their"), W("our"), W("however"),
    W("meanwhile"), W("after"), W("before"), W("when"), W("while"), W("if"), W("as"), W("for"),
    W("some"), W("many"), W("most"), W("no"), W("not"), W("one"), W("two"), W("three"),
    W("last"), W("earlier"), W("later"), W("officials"), W("analysts"), W("mr"), W("mrs"),
    W("ms"), W("dr"), {0, NULL}};
/* After a quote that ended with . ! ?, these continue the same sentence in text
 * that has no case to go by ("... order," he said). */
static const word_list SPEECH[] = {
    W("he"), W("she"), W("they"), W("it"), W("we"), W("i"), W("you"), W("said"), W("says"),
    W("added"), W("told"), W("asked"), W("according"), W("wrote"), W("replied"), {0, NULL}};
/* A headline's last word is not one of these (a wrapped line's often is). */
static const word_list FUNCTION_WORDS[] = {
    W("the"), W("a"), W("an"), W("of"), W("and"), W("or"), W("to"), W("in"), W("for"),
    W("with"), W("on"), W("at"), W("by"), W("from"), W("that"), W("as"), W("is"), W("was"),
    W("were"), W("be"), W("its"), W("his"), W("her"), W("their"), W("said"), {0, NULL}};

static size_t lower_ascii(const char *z, size_t n, char *out, size_t cap) {
  if (n >= cap) return 0;
  for (size_t i = 0; i < n; i++) out[i] = (char)tolower((unsigned char)z[i]);
  out[n] = 0;
  return n;
}

/* ---- tokenizer --------------------------------------------------------- */

typedef struct tz {
  cur c;
  arena *a;
  text_token *tok;
  uint32_t ntok, cap;
  int oom;
  size_t nlet, nup; /* letters seen, and how many upper case: the casing */
} tz;

static void push(tz *t, size_t s, size_t e, uint32_t flags) {
  if (t->ntok == t->cap) {
    uint32_t ncap = t->cap ? t->cap * 2 : 256;
    text_token *p = arena_grow(t->a, t->tok, t->cap * sizeof *p, ncap * sizeof *p);
    if (!p) {
      t->oom = 1;
      return;
    }
    t->tok = p;
    t->cap = ncap;
  }
  t->tok[t->ntok++] = (text_token){(uint32_t)s, (uint32_t)e, flags};
}

/* clitic_len returns the length of a clitic that starts at the apostrophe i
 * ("'s", "'re", ...) and is followed by a non-letter, else 0. */
static size_t clitic_len(const cur *c, size_t i) {
  size_t j = next(c, i);
  static const char *const forms[] = {"s", "re", "ve", "ll", "d", "m"};
  for (size_t k = 0; k < sizeof forms / sizeof *forms; k++) {
    size_t m = strlen(forms[k]);
    if (j + m > c->n || strncasecmp(c->z + j, forms[k], m) != 0) continue;
    if (cls_at(c, j + m) != C_LETTER) return j + m - i;
  }
  return 0;
}

/* word_end scans a word or number starting at i; stops before a split clitic. */
static size_t word_end(const cur *c, size_t i) {
  size_t j = i;
  for (;;) {
    /* the common case: a run of ASCII letters and digits */
    while (j < c->n && (unsigned char)c->z[j] < 0x80 &&
           (ASCII_CLS[(unsigned char)c->z[j]] == C_LETTER ||
            ASCII_CLS[(unsigned char)c->z[j]] == C_DIGIT))
      j++;
    int k = cls_at(c, j);
    if (k == C_LETTER || k == C_DIGIT) {
      j = next(c, j);
      continue;
    }
    int32_t ch = at(c, j);
    size_t after = next(c, j);
    int prev_digit = j > i && cls_at(c, j - 1) == C_DIGIT;
    if ((is_hyphen(ch) || ch == '&') && j > i && alnum_at(c, after)) {
      j = after;
      continue;
    }
    if ((ch == '.' || ch == ',' || ch == ':' || ch == '/') && prev_digit &&
        cls_at(c, after) == C_DIGIT) {
      j = after;
      continue;
    }
    if (is_apos(ch) && j > i && cls_at(c, after) == C_LETTER && !clitic_len(c, j)) {
      /* "n't": end the word before the n */
      if ((ch == '\'' || ch == 0x2019) && (after < c->n && (c->z[after] | 0x20) == 't') &&
          (c->z[j - 1] | 0x20) == 'n' && cls_at(c, after + 1) != C_LETTER)
        return j - 1 > i ? j - 1 : next(c, after);
      j = after;
      continue;
    }
    return j;
  }
}

/* acronym_end: at a one- or two-letter word followed by '.', consume the whole
 * "U.S." / "a.m." / "U.N.-led" shape; returns the end or 0 if it is not one. */
static size_t acronym_end(const cur *c, size_t w0, size_t w1) {
  if (w1 - w0 > 2 || at(c, w1) != '.') return 0;
  size_t j = w1 + 1, segs = 1;
  while (cls_at(c, j) == C_LETTER) {
    size_t k = next(c, j);
    if (cls_at(c, k) == C_LETTER) k = next(c, k);
    if (at(c, k) != '.') break;
    j = k + 1;
    segs++;
  }
  return segs >= 2 ? j : 0;
}

static uint32_t case_flags(const cur *c, size_t s, size_t e) {
  int first = 1, nlet = 0, nup = 0;
  uint32_t f = 0;
  size_t k = s;
  for (; k < e && (unsigned char)c->z[k] < 0x80; k++) { /* ASCII first */
    unsigned char ch = (unsigned char)c->z[k];
    if (ASCII_CLS[ch] != C_LETTER) continue;
    nlet++;
    if (ch <= 'Z') {
      nup++;
      if (first) f |= TOK_CAP;
    }
    first = 0;
  }
  for (size_t i = k; i < e; i = next(c, i)) {
    int32_t ch = at(c, i);
    if (cls(ch) != C_LETTER) continue;
    nlet++;
    if (is_upper(ch)) {
      nup++;
      if (first) f |= TOK_CAP;
    }
    first = 0;
  }
  if (nlet && nup == nlet) f |= TOK_UPPER;
  return f;
}

static size_t skip_space(const cur *c, size_t i) {
  while (i < c->n && (cls_at(c, i) == C_SPACE || cls_at(c, i) == C_NL)) i = next(c, i);
  return i;
}

/* abbrev decides whether the word z[s..e) takes the period at e. Returns 0
 * (no), or TOK_ABBR with TOK_ENDABLE when the period may also end a sentence. */
static uint32_t abbrev(const cur *c, size_t s, size_t e) {
  char w[16];
  if (at(c, e) != '.' || !lower_ascii(c->z + s, e - s, w, sizeof w)) return 0;
  size_t n = e - s;
  int digit_next = cls_at(c, skip_space(c, e + 1)) == C_DIGIT;
  if (alnum_at(c, e + 1)) return 0; /* "example.com", "3.5" */
  if (in_list(TITLES, w, n)) return TOK_ABBR;
  if (in_list(BEFORE_NUMBER, w, n) && digit_next) return TOK_ABBR;
  if (in_list(GENERAL, w, n)) return TOK_ABBR | TOK_ENDABLE;
  if (n == 1 && is_upper(at(c, s))) return TOK_ABBR; /* an initial: "J. Smith" */
  return 0;
}

static size_t punct_token(tz *t, size_t i, uint32_t *flags) {
  const cur *c = &t->c;
  int32_t ch = at(c, i);
  size_t j = next(c, i);
  uint32_t f = TOK_PUNCT;
  if (ch == '.' || ch == '!' || ch == '?' || ch == 0x2026) {
    while (at(c, j) == '.' || at(c, j) == '!' || at(c, j) == '?' || at(c, j) == 0x2026)
      j = next(c, j);
    f |= TOK_TERM;
  } else if (ch == '-' || ch == 0x2013 || ch == 0x2014 || ch == 0x2012 || ch == 0x2015) {
    while (at(c, j) == '-') j = next(c, j);
    f |= TOK_DASH;
  } else if (ch == 0x201C || ch == 0x2018 || ch == 0x00AB || ch == 0x201E || ch == 0x2039) {
    f |= TOK_QUOTE | TOK_OPEN;
  } else if (ch == 0x201D || ch == 0x2019 || ch == 0x00BB || ch == 0x203A) {
    f |= TOK_QUOTE | TOK_CLOSE;
  } else if (ch == '"' || ch == '\'') {
    /* A straight quote opens when it follows space or an opening bracket. */
    int before_space = i == 0 || cls_at(c, i - 1) == C_SPACE || cls_at(c, i - 1) == C_NL ||
                       c->z[i - 1] == '(' || c->z[i - 1] == '[';
    int after_space = cls_at(c, j) == C_SPACE || cls_at(c, j) == C_NL || j >= c->n;
    f |= TOK_QUOTE | (before_space && !after_space ? TOK_OPEN : TOK_CLOSE);
  } else if (ch == '\\' && j + 1 < c->n && (c->z[j] == 't' || c->z[j] == 'n') &&
             ((c->z[j + 1] >= 'A' && c->z[j + 1] <= 'Z') || c->z[j + 1] == '"')) {
    /* a tab or line break escaped in the text ("&\tTehran radio said", how
     * Reuters-21578 marks its paragraphs): the two bytes are one mark, and the
     * word after it is a word of its own, not "tTehran" */
    j++;
  } else if (ch == '(' || ch == '[' || ch == '{') {
    f |= TOK_OPEN;
  } else if (ch == ')' || ch == ']' || ch == '}') {
    f |= TOK_CLOSE;
  }
  *flags = f;
  return j;
}

/* WORD_BYTE: bit 1 an ASCII letter, bit 2 upper case, bit 4 a digit; 0 for
 * everything else, bytes of multibyte characters included. */
static const unsigned char WORD_BYTE[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0,
    0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* WORD_END_OK: 1 for a byte after which a plain ASCII word surely ends (not
 * a joiner such as . , : / - & ' and not the start of a multibyte character). */
static const unsigned char WORD_END_OK[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

#ifdef __SSE2__
#include <emmintrin.h>
/* ascii_run16 advances over ASCII letters and digits sixteen bytes at a time,
 * counting letters and capitals; it stops at the first other byte, or where
 * fewer than sixteen bytes remain (the scalar loop finishes). Measured: the
 * byte loop's mispredicted exit was a fifth of the whole run on Reuters. */
/* pop16 counts the bits of a 16-bit mask inline (without -mpopcnt,
 * __builtin_popcount is a call into libgcc, measured at a tenth of the
 * segmenter's instructions). */
static inline unsigned pop16(unsigned x) {
  x = x - ((x >> 1) & 0x5555u);
  x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  return (x + (x >> 8)) & 0x1Fu;
}

static inline size_t ascii_run16(const unsigned char *z, size_t j, size_t n, unsigned *nlet,
                                 unsigned *nup) {
  const __m128i a0 = _mm_set1_epi8('a' - 1), a1 = _mm_set1_epi8('z' + 1);
  const __m128i u0 = _mm_set1_epi8('A' - 1), u1 = _mm_set1_epi8('Z' + 1);
  const __m128i d0 = _mm_set1_epi8('0' - 1), d1 = _mm_set1_epi8('9' + 1);
  const __m128i bit5 = _mm_set1_epi8(0x20);
  while (j + 16 <= n) {
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(z + j));
    __m128i lo = _mm_or_si128(v, bit5); /* bytes >= 0x80 stay negative: never letters */
    unsigned let = (unsigned)_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpgt_epi8(lo, a0), _mm_cmplt_epi8(lo, a1)));
    unsigned up = (unsigned)_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpgt_epi8(v, u0), _mm_cmplt_epi8(v, u1)));
    unsigned dig = (unsigned)_mm_movemask_epi8(
        _mm_and_si128(_mm_cmpgt_epi8(v, d0), _mm_cmplt_epi8(v, d1)));
    unsigned stop = ~(let | dig) & 0xFFFFu;
    unsigned k = stop ? (unsigned)__builtin_ctz(stop) : 16;
    unsigned keep = k == 16 ? 0xFFFFu : (1u << k) - 1;
    *nlet += pop16(let & keep);
    *nup += pop16(up & keep);
    j += k;
    if (k < 16) break;
  }
  return j;
}
#else
static inline size_t ascii_run16(const unsigned char *z, size_t j, size_t n, unsigned *nlet,
                                 unsigned *nup) {
  (void)z, (void)n, (void)nlet, (void)nup;
  return j;
}
#endif

/* plain_word scans an ASCII word at i that ends at a space or at punctuation
 * that cannot join or abbreviate it; returns 0 (and the caller takes the
 * general path) otherwise. Counts letters for the document's casing. */
static int plain_word(tz *t, size_t i, size_t *end, uint32_t *flags) {
  const unsigned char *z = (const unsigned char *)t->c.z;
  size_t n = t->c.n, j = i;
  unsigned nlet = 0, nup = 0;
  unsigned m;
  j = ascii_run16(z, j, n, &nlet, &nup);
  while (j < n && (m = WORD_BYTE[z[j]]) != 0) {
    nlet += m & 1;
    nup += (m >> 1) & 1;
    j++;
  }
  if (j < n && !WORD_END_OK[z[j]]) {
    /* A comma, colon, slash or full stop ends the word unless it joins two
     * numbers ("5,000", "5.93", "10:30") or, for the stop, it may belong to
     * an abbreviation (all of which are short) or a name ("example.com"). */
    unsigned char b = z[j], after = j + 1 < n ? z[j + 1] : ' ';
    int joins = (WORD_BYTE[after] & 4) && (WORD_BYTE[z[j - 1]] & 4);
    if (b == ',' || b == ':' || b == '/') {
      if (joins) return 0;
    } else if (b == '.') {
      if (j - i <= 6 || WORD_BYTE[after] || after >= 0x80) return 0;
    } else {
      return 0;
    }
  }
  uint32_t f = 0;
  if (nlet && z[i] >= 'A' && z[i] <= 'Z') f |= TOK_CAP;
  if (nlet && nup == nlet) f |= TOK_UPPER;
  t->nlet += nlet;
  t->nup += nup;
  *end = j;
  *flags = f;
  return 1;
}

/* tokenize splits the whole text; whitespace before each token is recorded in
 * its flags (TOK_SPACE, TOK_NL, TOK_PARA) for the sentence pass. */
static int tokenize(tz *t) {
  const cur *c = &t->c;
  size_t i = 0;
  uint32_t ws = TOK_PARA | TOK_NL | TOK_SPACE; /* the text start is a paragraph start */
  int nl_run = 2;
  while (i < c->n && !t->oom) {
    if (c->z[i] == ' ') { /* the common separator, without decoding */
      ws |= TOK_SPACE;
      i++;
      continue;
    }
    int32_t ch = at(c, i);
    int k = cls(ch);
    if (k == C_SPACE || k == C_NL) {
      if (k == C_NL) {
        /* \r\n counts once; a second line break (blank line) starts a paragraph */
        if (!(ch == '\n' && i > 0 && c->z[i - 1] == '\r')) nl_run++;
        ws |= TOK_NL | (nl_run >= 2 || ch == 0x2029 ? TOK_PARA : 0);
      }
      ws |= TOK_SPACE;
      i = next(c, i);
      continue;
    }
    nl_run = 0;
    size_t e;
    uint32_t f;
    if (k == C_LETTER || k == C_DIGIT) {
      uint32_t base = k == C_LETTER ? TOK_WORD : TOK_NUM;
      if (plain_word(t, i, &e, &f)) { /* the fast path: most tokens of news */
        push(t, i, e, base | f | ws);
        ws = 0;
        i = e;
        continue;
      }
      e = word_end(c, i);
      f = base | case_flags(c, i, e);
      size_t ae = k == C_LETTER ? acronym_end(c, i, e) : 0;
      uint32_t ab = ae ? TOK_ABBR | TOK_ENDABLE : k == C_LETTER ? abbrev(c, i, e) : 0;
      if (ae) e = ae;
      else if (ab) e++;
      f |= ab;
      if (ae) f |= case_flags(c, i, e);
    } else if (is_apos(ch) && t->ntok && t->tok[t->ntok - 1].end == i &&
               (t->tok[t->ntok - 1].flags & TOK_WORD) && !(ws & TOK_SPACE) &&
               (clitic_len(c, i) || (c->z[i - 1] | 0x20) == 's')) {
      /* a clitic or possessive: "'s" "'re", or the bare "'" of "soldiers'" */
      size_t m = clitic_len(c, i);
      e = m ? i + m : next(c, i);
      f = TOK_CLITIC | (m ? TOK_WORD : TOK_PUNCT);
    } else {
      e = punct_token(t, i, &f);
    }
    /* "n't": word_end stopped before the n of "don't"; take "n't" whole */
    if ((f & TOK_WORD) && e - i >= 3 && (c->z[i] | 0x20) == 'n' && is_apos(at(c, i + 1)) &&
        t->ntok && t->tok[t->ntok - 1].end == i)
      f |= TOK_CLITIC;
    push(t, i, e, f | ws);
    ws = 0;
    i = e;
  }
  return t->oom ? ERR_NOMEM : ERR_OK;
}

/* ---- sentences --------------------------------------------------------- */

typedef struct sp {
  const text_doc *d;
  const cur *c;
} sp;

static size_t tok_lower(const text_doc *d, const text_token *t, char *w, size_t cap) {
  return lower_ascii(d->z + t->start, t->end - t->start, w, cap);
}

static int tok_in(const text_doc *d, const text_token *t, const word_list *list) {
  char w[24];
  size_t n = tok_lower(d, t, w, sizeof w);
  if (n && w[n - 1] == '.') n--;
  return n && in_list(list, w, n);
}

/* casing: from the letters of the plain words, is the text ALL CAPS (wire
 * text), all lower case, or ordinary? */
static int casing(size_t nlet, size_t up) {
  size_t lo = nlet - up;
  if (up + lo < 20) return TEXT_MIXED;
  if (lo * 20 <= up + lo) return TEXT_UPPER;
  if (up * 100 <= up + lo) return TEXT_LOWER;
  return TEXT_MIXED;
}

/* boundary_after tells whether a sentence ends after token i (a . ! ? or an
 * abbreviation), looking past closing quotes and brackets. On yes, *last is the
 * last token of the sentence. */
static int boundary_after(const text_doc *d, uint32_t i, uint32_t *last) {
  const text_token *t = d->tok;
  uint32_t j = i + 1, n = d->ntok;
  int quoted = 0;
  if (t[i].flags & TOK_ABBR && !(t[i].flags & TOK_ENDABLE)) return 0;
  while (j < n && (t[j].flags & TOK_CLOSE) && !(t[j].flags & TOK_SPACE)) {
    quoted |= (t[j].flags & TOK_QUOTE) != 0;
    j++;
  }
  *last = j - 1;
  if (j >= n) return 0; /* the text ends: the caller closes the sentence anyway */
  if (!(t[j].flags & TOK_SPACE)) return 0;
  if (t[j].flags & TOK_PARA) return 1;
  /* A line that opens with a bullet or other symbol after a full stop is a
   * new item ("&", "*", "\u2022" list marks). */
  if ((t[j].flags & TOK_NL) && (t[j].flags & TOK_PUNCT) &&
      !(t[j].flags & (TOK_QUOTE | TOK_OPEN | TOK_CLOSE | TOK_TERM)))
    return 1;
  /* Look past stray symbols ("&", "*", bullets) and opening quotes to a word. */
  uint32_t k = j;
  while (k < n && (t[k].flags & TOK_PUNCT) && !(t[k].flags & TOK_TERM) && k - j < 4) k++;
  if (k >= n) return 1;
  const text_token *w = &t[k];
  if (t[i].flags & TOK_ENDABLE) {
    if (d->casing == TEXT_LOWER) return tok_in(d, w, STARTERS);
    return ((w->flags & TOK_CAP) || d->casing == TEXT_UPPER) && tok_in(d, w, STARTERS);
  }
  if (d->casing != TEXT_MIXED) return !(quoted && tok_in(d, w, SPEECH));
  if (w->flags & TOK_NUM) return 1;
  return (w->flags & TOK_CAP) != 0;
}

/* line_is_headline: tokens [s, e) form the first line of a paragraph that is
 * followed by more lines; a title without a period ends there. */
static int line_is_headline(const text_doc *d, uint32_t s, uint32_t e) {
  const text_token *t = d->tok;
  const text_token *lastt = &t[e - 1];
  if (lastt->flags & (TOK_TERM | TOK_PUNCT)) {
    if (!(lastt->flags & TOK_CLOSE) || (lastt->flags & TOK_QUOTE)) return 0;
  }
  if (tok_in(d, lastt, FUNCTION_WORDS)) return 0;
  if (t[e - 1].end - t[s].start > 120 || e - s < 2) return 0;
  uint32_t words = 0, caps = 0;
  for (uint32_t i = s; i < e; i++) {
    if (!(t[i].flags & TOK_WORD) || t[i].end - t[i].start <= 3) continue;
    words++;
    caps += (t[i].flags & TOK_CAP) != 0;
  }
  /* Only the words' case marks a headline: a short first line is not one,
   * since wire copy whose dateline was removed starts with a short line. */
  return d->casing == TEXT_MIXED && words && caps * 10 >= words * 6;
}

/* dateline_dash_at: tokens from s look like "PLACE, Date (Agency) -"; *dash is
 * the dash that ends it. */
static int dateline_dash_at(const text_doc *d, uint32_t s, uint32_t *dash) {
  const text_token *t = d->tok;
  uint32_t n = d->ntok, i = s;
  if (i >= n || !(t[i].flags & TOK_WORD) || !(t[i].flags & TOK_UPPER)) return 0;
  if (t[i].end - t[i].start < 2) return 0;
  int comma = 0, paren = 0, depth = 0;
  for (; i < n && i - s < 16 && t[i].end - t[s].start <= 100; i++) {
    uint32_t f = t[i].flags;
    if (i > s && (f & TOK_NL) && (f & TOK_PARA)) return 0;
    if ((f & TOK_DASH) && depth == 0 && i > s) {
      if (!comma && !paren) return 0; /* "NATO - the alliance" is no dateline */
      *dash = i;
      return 1;
    }
    if (f & TOK_TERM) return 0;
    if (d->z[t[i].start] == '(') depth++, paren = 1;
    else if (d->z[t[i].start] == ')') depth--;
    else if (d->z[t[i].start] == ',') comma = 1;
    else if ((f & TOK_QUOTE)) return 0;
    /* before any comma or parenthesis, the place name is in capitals */
    else if (!comma && !paren && (f & TOK_WORD) && !(f & TOK_UPPER)) return 0;
  }
  return 0;
}

typedef struct sb {
  arena *a;
  text_doc *d;
  uint32_t cap;
  int oom;
} sb;

static void add_sentence(sb *b, uint32_t s, uint32_t e, uint32_t para) {
  if (e <= s || b->oom) return;
  text_doc *d = b->d;
  if (d->nsent == b->cap) {
    uint32_t ncap = b->cap ? b->cap * 2 : 32;
    text_sentence *p = arena_grow(b->a, d->sent, b->cap * sizeof *p, ncap * sizeof *p);
    if (!p) {
      b->oom = 1;
      return;
    }
    d->sent = p;
    b->cap = ncap;
  }
  d->sent[d->nsent++] = (text_sentence){d->tok[s].start, d->tok[e - 1].end, s, e - s, para};
}

/* sentences walks the tokens once and cuts at paragraph breaks, headlines and
 * sentence-final punctuation; the first sentence of the first two paragraphs
 * may start with a dateline, which is kept out of the sentence. */
static int sentences(arena *a, text_doc *d) {
  sb b = {a, d, 0, 0};
  const text_token *t = d->tok;
  uint32_t s = 0, para = 0, line0 = 0;
  for (uint32_t i = 0; i < d->ntok && !b.oom; i++) {
    uint32_t f = t[i].flags;
    if (i > 0 && (f & TOK_PARA)) {
      add_sentence(&b, s, i, para);
      s = i;
      para++;
      line0 = i;
    } else if (i > 0 && (f & TOK_NL)) {
      if (line0 == s && i > s && line_is_headline(d, s, i)) {
        add_sentence(&b, s, i, para);
        s = i;
      }
      line0 = i;
    }
    if (i == s && para < 2 && d->dateline_start == d->dateline_end) {
      uint32_t dash;
      if (dateline_dash_at(d, i, &dash) && dash + 1 < d->ntok) {
        d->dateline_start = t[i].start;
        d->dateline_end = t[dash].end;
        s = dash + 1;
        i = dash;
        continue;
      }
    }
    uint32_t last;
    if (((f & TOK_TERM) || (f & TOK_ABBR)) && boundary_after(d, i, &last)) {
      add_sentence(&b, s, last + 1, para);
      s = last + 1;
      i = last;
    } else if (i + 1 - s >= TEXT_MAX_SENT_TOKENS) {
      add_sentence(&b, s, i + 1, para);
      s = i + 1;
    }
  }
  add_sentence(&b, s, d->ntok, para);
  d->npara = d->ntok ? para + 1 : 0;
  return b.oom ? ERR_NOMEM : ERR_OK;
}

int text_segment(arena *a, const char *z, size_t n, text_doc *out) {
  memset(out, 0, sizeof *out);
  if (n > TEXT_MAX_BYTES) return ERR_TOOBIG;
  out->z = z;
  out->n = n;
  tz t = {{z, n}, a, NULL, 0, 0, 0, 0, 0};
  int rc = tokenize(&t);
  if (rc) return rc;
  out->casing = casing(t.nlet, t.nup);
  out->tok = t.tok;
  out->ntok = t.ntok;
  return sentences(a, out);
}

/* ---- matching keys ----------------------------------------------------- */

static int32_t key_char(int32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (c == 0x2018 || c == 0x2019 || c == 0x02BC || c == 0x2032) return '\'';
  if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB) return '"';
  if (c >= 0x2010 && c <= 0x2015) return '-';
  return utf8proc_tolower(c);
}

size_t text_key(const char *z, size_t n, char *out, size_t cap) {
  size_t k = 0, i = 0;
  /* ASCII, the common case, byte by byte */
  while (i < n && (unsigned char)z[i] < 0x80) {
    if (k + 1 >= cap) return 0;
    unsigned char ch = (unsigned char)z[i++];
    out[k++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
  }
  while (i < n) {
    int32_t c = (unsigned char)z[i] < 0x80 ? (unsigned char)z[i++] : utf8_decode(z, n, &i);
    char tmp[4];
    size_t m = utf8_encode(key_char(c), tmp);
    if (k + m >= cap) return 0;
    memcpy(out + k, tmp, m);
    k += m;
  }
  out[k] = 0;
  return k;
}
