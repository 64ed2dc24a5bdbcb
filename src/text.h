/* text.h: paragraphs, sentences and tokens of one document.
 *
 * text_segment() takes valid UTF-8 (see utf8.h) and finds, in one pass, the
 * tokens with their byte offsets and the sentences, built for news: titles and
 * abbreviations (Mr., Gen., Lt. Col., U.S., Jan. 5, No. 5), initials, decimals
 * and "5,000", datelines ("MOSCOW (Reuters) -" is kept out of the sentence and
 * reported), quotes that end sentences, headlines without a period, ALL-CAPS
 * wire text and lower-cased text. Tokens keep hyphenated names ("Jong-un") and
 * split possessives and clitics ("Russia" + "'s", "do" + "n't").
 *
 * All memory comes from the arena passed in; the result borrows the text, so
 * the text must outlive it. Stateless and thread-safe.
 *
 *   text:   MOSCOW (Reuters) - Russia's envoy met Mr. Kim.
 *           |-- dateline ---|  |------ sentence 0 --------|
 *   tokens:                    Russia 's envoy met Mr. Kim .
 */
#ifndef DYAD_TEXT_H
#define DYAD_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

enum {
  TOK_WORD = 1 << 0,      /* starts with a letter */
  TOK_NUM = 1 << 1,       /* starts with a digit */
  TOK_PUNCT = 1 << 2,     /* punctuation or symbol */
  TOK_CAP = 1 << 3,       /* first letter upper case */
  TOK_UPPER = 1 << 4,     /* every letter upper case (and at least one) */
  TOK_QUOTE = 1 << 5,     /* a quotation mark (straight or curly, single or double) */
  TOK_OPEN = 1 << 6,      /* opening quote or bracket */
  TOK_CLOSE = 1 << 7,     /* closing quote or bracket */
  TOK_TERM = 1 << 8,      /* . ! ? ... : may end a sentence */
  TOK_ABBR = 1 << 9,      /* word with its period attached: Mr. U.S. Jan. */
  TOK_CLITIC = 1 << 10,   /* 's ' n't 're 've 'll 'd 'm split from a word */
  TOK_SPACE = 1 << 11,    /* whitespace precedes the token */
  TOK_NL = 1 << 12,       /* a line break precedes the token */
  TOK_PARA = 1 << 13,     /* a blank line precedes the token */
  TOK_DASH = 1 << 14,     /* - -- — – */
  TOK_ENDABLE = 1 << 15,  /* abbreviation that may also end a sentence (Inc., U.S.) */
};

typedef struct text_token {
  uint32_t start, end; /* byte offsets, end exclusive */
  uint32_t flags;
} text_token;

typedef struct text_sentence {
  uint32_t start, end; /* byte span of the sentence text */
  uint32_t tok, ntok;  /* its tokens: doc->tok[tok .. tok+ntok) */
  uint32_t para;       /* paragraph index */
} text_sentence;

enum { TEXT_MIXED = 0, TEXT_UPPER = 1, TEXT_LOWER = 2 };

/* TEXT_MAX_SENT_TOKENS bounds a sentence; a longer run without a boundary (a
 * table, a list) is cut there so later stages stay linear. */
#define TEXT_MAX_SENT_TOKENS 1000

/* TEXT_MAX_BYTES is the largest text text_segment accepts (offsets are 32-bit). */
#define TEXT_MAX_BYTES ((size_t)UINT32_MAX - 1)

typedef struct text_doc {
  const char *z;
  size_t n;
  text_token *tok;
  uint32_t ntok;
  text_sentence *sent;
  uint32_t nsent;
  uint32_t npara;
  int casing;                     /* TEXT_MIXED, TEXT_UPPER or TEXT_LOWER */
  uint32_t dateline_start, dateline_end; /* equal when there is none */
} text_doc;

/* text_segment fills *out for z[0..n). Returns ERR_OK, ERR_NOMEM, or ERR_TOOBIG
 * when n > TEXT_MAX_BYTES. */
int text_segment(arena *a, const char *z, size_t n, text_doc *out);

/* text_key writes the matching form of z[0..n) to out (capacity cap): case
 * folded, curly quotes and apostrophes made straight, dashes made '-'. Returns
 * the length written, or 0 if it does not fit. */
size_t text_key(const char *z, size_t n, char *out, size_t cap);

#endif
