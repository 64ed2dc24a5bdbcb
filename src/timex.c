/* timex.c: see timex.h.
 *
 * One pass per sentence. Each token is classified once (a sorted word list, or
 * the shape of a number), then at each token the matchers for the forms that
 * can start there are tried; a match consumes its tokens and the scan goes on
 * after it. Every matcher looks at a window of a few tokens (the tense check at
 * most TENSE_REACH either side), so a sentence costs time linear in its tokens.
 *
 *   tokens:  Kim  said  on    late  April  that  he  will  go   next  week  .
 *   classes: -    PAST  PREP  MOD   MONTH  THAT  -   FUT   -    DET   UNIT  -
 *   hits:                     [late April ]                     [next week]
 *
 * The word list LEX is data: a word joins a class by a line there (kept
 * sorted by strcmp). */
#include "timex.h"

#include <assert.h>
#include <pthread.h>
#include <string.h>

#include "err.h"
#include "wordhash.h"

/* Tokens searched either side for a tense cue. A past verb far off is most
 * often a reporting verb of an outer clause ("PONCE SAID THE POSSIBILITY OF
 * LIFTING THE CURFEW ON 31 DECEMBER IS BEING CONSIDERED"), a future cue far
 * off still governs ("is expected to hold talks with ... in Ankara over Syria
 * on Tuesday"); so past cues count nearer. */
#define TENSE_REACH 15
#define PAST_REACH 10

/* ---- the calendar: days are counted from 1970-01-01 ---------------------- */

static int leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m) {
  static const unsigned char n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : n[m - 1];
}

/* Years outside 1000..9999 are not dates here: a value has four year digits. */
static int valid_date(int y, int m, int d) {
  return y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= month_days(y, m);
}

/* day_number and civil are H. Hinnant's days_from_civil and civil_from_days. */
static int32_t day_number(int y, int m, int d) {
  y -= m <= 2;
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static void civil(int32_t z, int *y, int *m, int *d) {
  z += 719468;
  int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  int32_t doe = z - era * 146097;
  int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int32_t mp = (5 * doy + 2) / 153;
  *d = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* weekday: 0 Monday .. 6 Sunday (1970-01-01 was a Thursday). */
static int weekday(int32_t z) {
  int w = (int)((z + 3) % 7);
  return w < 0 ? w + 7 : w;
}

static int32_t yyyymmdd(int32_t z) {
  int y, m, d;
  civil(z, &y, &m, &d);
  return y * 10000 + m * 100 + d;
}

/* ---- token classes ------------------------------------------------------- */

enum {
  W_NONE, W_MONTH, W_WDAY, W_RELDAY, W_UNIT, W_MOD, W_SHIFT, W_DET, W_PREP, W_OF, W_THE,
  W_CARD, W_AGO, W_PART, W_EDGE, W_SEASON, W_SET, W_FUT, W_PAST, W_FUNC, W_ORG, W_COUNT,
  W_CLOCK, W_NUM
};
enum { M_ABBR = 1, M_AMBIG = 2 };                     /* months: "Sept", "May" */
enum { U_DAY = 1, U_WEEK, U_MONTH, U_YEAR, U_DECADE, U_WEEKEND };
enum { D_LAST = 1, D_THIS, D_NEXT };
enum {
  P_IN = 1, P_ON, P_AT, P_SINCE, P_UNTIL, P_BY, P_DURING, P_FROM, P_THROUGH, P_THROUGHOUT,
  P_BEFORE, P_AFTER, P_TO, P_OVER, P_BETWEEN, P_AROUND
};
/* F_EDGE and F_THAT open a clause */
enum { F_AND = 1, F_EDGE, F_THAT, F_BE, F_POSS, F_FOLLOWING, F_FOR };
enum { PT_NIGHT = 1 };
enum { MOD_EARLY = 1, MOD_MID, MOD_LATE };
/* the shapes a number token may have, a bit set in tw.sub of a W_NUM */
enum { N_DAY = 1, N_YEAR2 = 2, N_YEAR4 = 4, N_CARD = 8, N_DECADE = 16, N_ISO = 32, N_RANGE = 64 };

typedef struct tw {
  uint8_t cls, sub; /* W_* and its subkind (or N_* bits) */
  uint8_t mod;      /* MOD_* carried by the token itself: "mid-May", "mid-1990s" */
  int32_t val;      /* month 1-12, weekday 0-6 (Monday 0), day offset, number, YYYYMMDD */
} tw;

typedef struct lex {
  const char *w;
  uint8_t cls, sub;
  int8_t val;
} lex;

/* Sorted by strcmp (lookup searches it); keys are text_key() forms: lower case, straight
 * apostrophes. W_CARD sub 1 marks the articles; W_FUT sub 1 a cue only before
 * "to" or "for", sub 2 only between "be" and "to" ("is due to", not "due to
 * rain"), sub 3 like sub 1 but a weak cue, counted only as near as a past one;
 * W_PAST sub 1 is a form of "be"; W_ORG a word that makes a date before it a
 * name ("19 April Movement"); W_COUNT a plural without -s ("30 people");
 * W_CLOCK a word that makes four digits before it a time ("1600 LOCAL"). */
static const lex LEX[] = {
    {"'ll", W_FUT, 0, 0},
    {"a", W_CARD, 1, 1},
    {"after", W_PREP, P_AFTER, 0},
    {"afternoon", W_PART, 0, 0},
    {"against", W_FUNC, 0, 0},
    {"ago", W_AGO, 0, 0},
    {"aims", W_FUT, 3, 0},
    {"also", W_FUNC, 0, 0},
    {"amid", W_FUNC, 0, 0},
    {"an", W_CARD, 1, 1},
    {"and", W_FUNC, F_AND, 0},
    {"apr", W_MONTH, M_ABBR, 4},
    {"april", W_MONTH, 0, 4},
    {"are", W_FUNC, F_BE, 0},
    {"around", W_PREP, P_AROUND, 0},
    {"as", W_FUNC, 0, 0},
    {"at", W_PREP, P_AT, 0},
    {"aug", W_MONTH, M_ABBR, 8},
    {"august", W_MONTH, M_AMBIG, 8},
    {"autumn", W_SEASON, 0, 0},
    {"battalion", W_ORG, 0, 0},
    {"be", W_FUNC, F_BE, 0},
    {"because", W_FUNC, F_EDGE, 0},
    {"been", W_FUNC, F_BE, 0},
    {"before", W_PREP, P_BEFORE, 0},
    {"began", W_PAST, 0, 0},
    {"beginning", W_EDGE, 0, MOD_EARLY},
    {"being", W_FUNC, F_BE, 0},
    {"between", W_PREP, P_BETWEEN, 0},
    {"brigade", W_ORG, 0, 0},
    {"broke", W_PAST, 0, 0},
    {"brought", W_PAST, 0, 0},
    {"but", W_FUNC, F_EDGE, 0},
    {"by", W_PREP, P_BY, 0},
    {"came", W_PAST, 0, 0},
    {"cattle", W_COUNT, 0, 0},
    {"children", W_COUNT, 0, 0},
    {"command", W_ORG, 0, 0},
    {"commando", W_ORG, 0, 0},
    {"commandos", W_ORG, 0, 0},
    {"day", W_UNIT, U_DAY, 0},
    {"days", W_UNIT, U_DAY, 1},
    {"dec", W_MONTH, M_ABBR, 12},
    {"decade", W_UNIT, U_DECADE, 0},
    {"decades", W_UNIT, U_DECADE, 1},
    {"december", W_MONTH, 0, 12},
    {"did", W_PAST, 0, 0},
    {"due", W_FUT, 2, 0},
    {"during", W_PREP, P_DURING, 0},
    {"each", W_SET, 0, 0},
    {"earlier", W_SHIFT, 0, 0},
    {"early", W_MOD, 0, MOD_EARLY},
    {"eight", W_CARD, 0, 8},
    {"eleven", W_CARD, 0, 11},
    {"end", W_EDGE, 0, MOD_LATE},
    {"evening", W_PART, 0, 0},
    {"every", W_SET, 0, 0},
    {"expected", W_FUT, 1, 0},
    {"expects", W_FUT, 1, 0},
    {"feb", W_MONTH, M_ABBR, 2},
    {"february", W_MONTH, 0, 2},
    {"fell", W_PAST, 0, 0},
    {"fifteen", W_CARD, 0, 15},
    {"five", W_CARD, 0, 5},
    {"fled", W_PAST, 0, 0},
    {"following", W_FUNC, F_FOLLOWING, 0},
    {"for", W_FUNC, F_FOR, 0},
    {"fought", W_PAST, 0, 0},
    {"four", W_CARD, 0, 4},
    {"friday", W_WDAY, 0, 4},
    {"from", W_PREP, P_FROM, 0},
    {"front", W_ORG, 0, 0},
    {"gave", W_PAST, 0, 0},
    {"gmt", W_CLOCK, 0, 0},
    {"group", W_ORG, 0, 0},
    {"had", W_PAST, 0, 0},
    {"has", W_FUNC, 0, 0},
    {"have", W_FUNC, 0, 0},
    {"he", W_FUNC, 0, 0},
    {"held", W_PAST, 0, 0},
    {"her", W_FUNC, 0, 0},
    {"his", W_FUNC, F_POSS, 0},
    {"hope", W_FUT, 3, 0},
    {"hopes", W_FUT, 3, 0},
    {"hours", W_CLOCK, 0, 0},
    {"hrs", W_CLOCK, 0, 0},
    {"i", W_FUNC, 0, 0},
    {"if", W_FUNC, 0, 0},
    {"in", W_PREP, P_IN, 0},
    {"intend", W_FUT, 1, 0},
    {"intends", W_FUT, 1, 0},
    {"into", W_FUNC, 0, 0},
    {"is", W_FUNC, F_BE, 0},
    {"it", W_FUNC, 0, 0},
    {"its", W_FUNC, F_POSS, 0},
    {"jan", W_MONTH, M_ABBR, 1},
    {"january", W_MONTH, 0, 1},
    {"jul", W_MONTH, M_ABBR, 7},
    {"july", W_MONTH, 0, 7},
    {"jun", W_MONTH, M_ABBR, 6},
    {"june", W_MONTH, M_AMBIG, 6},
    {"kg", W_COUNT, 0, 0},
    {"km", W_COUNT, 0, 0},
    {"last", W_DET, D_LAST, 0},
    {"late", W_MOD, 0, MOD_LATE},
    {"later", W_SHIFT, 0, 0},
    {"led", W_PAST, 0, 0},
    {"left", W_PAST, 0, 0},
    {"legion", W_ORG, 0, 0},
    {"local", W_CLOCK, 0, 0},
    {"lost", W_PAST, 0, 0},
    {"made", W_PAST, 0, 0},
    {"mar", W_MONTH, M_ABBR, 3},
    {"march", W_MONTH, M_AMBIG, 3},
    {"may", W_MONTH, M_AMBIG, 5},
    {"men", W_COUNT, 0, 0},
    {"met", W_PAST, 0, 0},
    {"mid", W_MOD, 0, MOD_MID},
    {"middle", W_EDGE, 0, MOD_MID},
    {"midnight", W_PART, 0, 0},
    {"monday", W_WDAY, 0, 0},
    {"month", W_UNIT, U_MONTH, 0},
    {"months", W_UNIT, U_MONTH, 1},
    {"morning", W_PART, 0, 0},
    {"movement", W_ORG, 0, 0},
    {"must", W_FUT, 0, 0},
    {"my", W_FUNC, F_POSS, 0},
    {"next", W_DET, D_NEXT, 0},
    {"night", W_PART, PT_NIGHT, 0},
    {"nine", W_CARD, 0, 9},
    {"noon", W_PART, 0, 0},
    {"not", W_FUNC, 0, 0},
    {"nov", W_MONTH, M_ABBR, 11},
    {"november", W_MONTH, 0, 11},
    {"oct", W_MONTH, M_ABBR, 10},
    {"october", W_MONTH, 0, 10},
    {"of", W_OF, 0, 0},
    {"on", W_PREP, P_ON, 0},
    {"one", W_CARD, 0, 1},
    {"or", W_FUNC, 0, 0},
    {"our", W_FUNC, F_POSS, 0},
    {"over", W_PREP, P_OVER, 0},
    {"people", W_COUNT, 0, 0},
    {"personnel", W_COUNT, 0, 0},
    {"plan", W_FUT, 1, 0},
    {"planned", W_FUT, 0, 0},
    {"planning", W_FUT, 1, 0},
    {"plans", W_FUT, 1, 0},
    {"police", W_COUNT, 0, 0},
    {"rose", W_PAST, 0, 0},
    {"said", W_PAST, 0, 0},
    {"saturday", W_WDAY, 0, 5},
    {"saw", W_PAST, 0, 0},
    {"scheduled", W_FUT, 0, 0},
    {"seeks", W_FUT, 3, 0},
    {"sent", W_PAST, 0, 0},
    {"sep", W_MONTH, M_ABBR, 9},
    {"sept", W_MONTH, M_ABBR, 9},
    {"september", W_MONTH, 0, 9},
    {"set", W_FUT, 1, 0},
    {"seven", W_CARD, 0, 7},
    {"shall", W_FUT, 0, 0},
    {"she", W_FUNC, 0, 0},
    {"shot", W_PAST, 0, 0},
    {"since", W_PREP, P_SINCE, 0},
    {"six", W_CARD, 0, 6},
    {"spoke", W_PAST, 0, 0},
    {"spring", W_SEASON, 0, 0},
    {"staff", W_COUNT, 0, 0},
    {"start", W_EDGE, 0, MOD_EARLY},
    {"stood", W_PAST, 0, 0},
    {"struck", W_PAST, 0, 0},
    {"summer", W_SEASON, 0, 0},
    {"sunday", W_WDAY, 0, 6},
    {"ten", W_CARD, 0, 10},
    {"than", W_FUNC, 0, 0},
    {"that", W_FUNC, F_THAT, 0},
    {"the", W_THE, 0, 0},
    {"their", W_FUNC, F_POSS, 0},
    {"there", W_FUNC, 0, 0},
    {"they", W_FUNC, 0, 0},
    {"thirty", W_CARD, 0, 30},
    {"this", W_DET, D_THIS, 0},
    {"three", W_CARD, 0, 3},
    {"through", W_PREP, P_THROUGH, 0},
    {"throughout", W_PREP, P_THROUGHOUT, 0},
    {"thursday", W_WDAY, 0, 3},
    {"till", W_PREP, P_UNTIL, 0},
    {"to", W_PREP, P_TO, 0},
    {"today", W_RELDAY, 0, 0},
    {"told", W_PAST, 0, 0},
    {"tomorrow", W_RELDAY, 0, 1},
    {"tonight", W_RELDAY, 0, 0},
    {"took", W_PAST, 0, 0},
    {"tuesday", W_WDAY, 0, 1},
    {"twelve", W_CARD, 0, 12},
    {"twenty", W_CARD, 0, 20},
    {"two", W_CARD, 0, 2},
    {"until", W_PREP, P_UNTIL, 0},
    {"upcoming", W_FUT, 0, 0},
    {"utc", W_CLOCK, 0, 0},
    {"want", W_FUT, 3, 0},
    {"wants", W_FUT, 3, 0},
    {"was", W_PAST, 1, 0},
    {"we", W_FUNC, 0, 0},
    {"wednesday", W_WDAY, 0, 2},
    {"week", W_UNIT, U_WEEK, 0},
    {"weekend", W_UNIT, U_WEEKEND, 0},
    {"weeks", W_UNIT, U_WEEK, 1},
    {"went", W_PAST, 0, 0},
    {"were", W_PAST, 1, 0},
    {"when", W_FUNC, F_EDGE, 0},
    {"where", W_FUNC, F_EDGE, 0},
    {"which", W_FUNC, F_EDGE, 0},
    {"while", W_FUNC, F_EDGE, 0},
    {"who", W_FUNC, F_EDGE, 0},
    {"will", W_FUT, 0, 0},
    {"winter", W_SEASON, 0, 0},
    {"with", W_FUNC, 0, 0},
    {"wo", W_FUT, 0, 0},
    {"women", W_COUNT, 0, 0},
    {"won", W_PAST, 0, 0},
    {"wrote", W_PAST, 0, 0},
    {"year", W_UNIT, U_YEAR, 0},
    {"years", W_UNIT, U_YEAR, 1},
    {"yesterday", W_RELDAY, 0, -1},
    {"you", W_FUNC, 0, 0},
    {"your", W_FUNC, F_POSS, 0},
};

static const char *const GRAN[] = {NULL, "day", "week", "month", "year", "decade"};
enum { G_DAY = 1, G_WEEK, G_MONTH, G_YEAR, G_DECADE };
static const char *const MODS[] = {NULL, "early", "mid", "late"};

#define NLEX (sizeof LEX / sizeof *LEX)

/* LEX's hash index (wordhash.h), built once on first use: lookup runs for
 * every word of every document. lex_index is the handle the scanner passes
 * around; it points at the shared index. */
#define LEX_SLOTS 1024
static uint16_t LEX_INDEX[LEX_SLOTS];
static pthread_once_t LEX_ONCE = PTHREAD_ONCE_INIT;

typedef struct lex_index {
  const uint16_t *slots;
} lex_index;

/* keycmp is strcmp for the short keys here, without the call. */
static int keycmp(const char *a, const char *b) {
  while (*a && *a == *b) a++, b++;
  return (unsigned char)*a - (unsigned char)*b;
}

/* lex_index_once also checks that LEX is sorted and has no repeated word
 * (any unit test run trips this). */
static void lex_index_once(void) {
  for (size_t i = 1; i < NLEX; i++) assert(keycmp(LEX[i - 1].w, LEX[i].w) < 0);
  int rc = wh_build(LEX_INDEX, LEX_SLOTS, LEX, NLEX, sizeof *LEX);
  assert(rc == 0);
  (void)rc;
}

static void lex_index_build(lex_index *x) {
  pthread_once(&LEX_ONCE, lex_index_once);
  x->slots = LEX_INDEX;
}

static const lex *lookup(const lex_index *x, const char *k) {
  if (!k[0]) return NULL;
  long i = wh_find(x->slots, LEX_SLOTS, LEX, sizeof *LEX, k);
  return i < 0 ? NULL : &LEX[i];
}

static tw classify_word(const lex_index *x, const char *k) {
  tw t = {0};
  const lex *e = lookup(x, k);
  if (e) {
    t.cls = e->cls;
    t.sub = e->sub;
    t.val = e->val;
  }
  return t;
}

static size_t digits(const char *z, size_t n, int32_t *v) {
  size_t i = 0;
  for (*v = 0; i < n && i < 9 && z[i] >= '0' && z[i] <= '9'; i++) *v = *v * 10 + (z[i] - '0');
  return i;
}

static int ordinal(const char *r) {
  return !strcmp(r, "st") || !strcmp(r, "nd") || !strcmp(r, "rd") || !strcmp(r, "th");
}

/* classify_iso reads the "-MM-DD" after a four-digit year. */
static int32_t classify_iso(int32_t y, const char *r, size_t n) {
  int32_t m, d;
  if (n != 6 || r[0] != '-' || r[3] != '-') return 0;
  if (digits(r + 1, 2, &m) != 2 || digits(r + 4, 2, &d) != 2) return 0;
  return valid_date(y, m, d) ? y * 10000 + m * 100 + d : 0;
}

/* classify_number: k (lower case, n bytes) starts with a digit. A bare number
 * may be several things at once ("15": a day, a two-digit year, a count). */
static tw classify_number(const char *k, size_t n) {
  tw t = {W_NUM, 0, 0, 0};
  int32_t v, v2;
  size_t d = digits(k, n, &v);
  const char *r = k + d;
  size_t nr = n - d;
  t.val = v;
  if (nr == 0) {
    if (d <= 2 && v >= 1 && v <= 31) t.sub |= N_DAY;
    if (d == 2) t.sub |= N_YEAR2;
    if (d == 4) t.sub |= N_YEAR4;
    if (d <= 4) t.sub |= N_CARD;
  } else if (d <= 2 && v >= 1 && v <= 31 && ordinal(r)) {
    t.sub = N_DAY;
  } else if (d == 4 && nr == 1 && r[0] == 's' && v % 10 == 0) {
    t.sub = N_DECADE;
  } else if (d == 4 && (t.val = classify_iso(v, r, nr))) {
    t.sub = N_ISO;
  } else if (d <= 2 && r[0] == '-' && digits(r + 1, nr - 1, &v2) == nr - 1 && nr <= 3 &&
             v >= 1 && v < v2 && v2 <= 31) {
    t.sub = N_DAY | N_RANGE; /* "9-10 May": the first day */
  }
  if (!t.sub) t.cls = W_NONE;
  return t;
}

/* classify_prefixed reads "mid-May", "early-2024", "mid-1990s". */
static tw classify_prefixed(const lex_index *x, char *k, char *h) {
  static const char *const pre[] = {"early", "mid", "late"};
  tw none = {0}, t;
  *h = 0;
  int mod = 0;
  for (int i = 0; i < 3; i++)
    if (!strcmp(k, pre[i])) mod = i + 1;
  if (!mod) return none;
  if (h[1] >= '0' && h[1] <= '9') {
    t = classify_number(h + 1, strlen(h + 1));
    if (!(t.sub & (N_YEAR4 | N_DECADE)) || (t.sub & N_DAY)) return none;
  } else {
    t = classify_word(x, h + 1);
    if (t.cls != W_MONTH || (t.sub & M_ABBR)) return none;
  }
  t.mod = (uint8_t)mod;
  return t;
}

#define KEY_MAX 16 /* longer tokens are none of ours ("throughout" is 10, "2025-05-09" 10) */

/* classify_key: the class of token tk, whose text p[0..n) (n < KEY_MAX) the
 * caller folded into k as far as i, where it stopped: a digit first, a
 * hyphen, a NUL or a byte past ASCII. */
static tw classify_key(const lex_index *x, const char *p, size_t n, size_t i, char *k,
                       const text_token *tk) {
  tw none = {0};
  for (; i < n && (unsigned char)p[i] < 0x80; i++) /* ASCII, folded here */
    k[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i]);
  k[n] = 0;
  if (i < n) n = text_key(p, n, k, KEY_MAX); /* "’ll", accented words */
  if (!n) return none;
  if ((tk->flags & TOK_ABBR) && k[n - 1] == '.') k[--n] = 0; /* "Jan." "Sept." */
  if (k[0] >= '0' && k[0] <= '9') return classify_number(k, n);
  char *h = memchr(k, '-', n);
  if (h && h > k) return classify_prefixed(x, k, h);
  return classify_word(x, k);
}

/* classify runs for every token of every document, and most are plain ASCII
 * words none of ours: those are folded and hashed in one pass and looked up
 * by that hash. A number, a hyphen, a NUL or a byte past ASCII goes the
 * general way (classify_key). */
static tw classify(const lex_index *x, const char *z, const text_token *tk) {
  tw none = {0}, t = {0};
  char k[KEY_MAX];
  const char *p = z + tk->start;
  size_t n = tk->end - tk->start, i;
  if ((tk->flags & TOK_PUNCT) || n >= KEY_MAX) return none;
  uint32_t h;
  if (n && p[0] >= '0' && p[0] <= '9') return classify_key(x, p, n, 0, k, tk);
  if ((i = wh_fold(p, n, k, &h)) < n) return classify_key(x, p, n, i, k, tk);
  k[n] = 0;
  if (n && (tk->flags & TOK_ABBR) && k[n - 1] == '.') k[--n] = 0, h = wh_hash(k); /* "Jan." */
  if (!n) return none;
  long e = wh_find_hashed(x->slots, LEX_SLOTS, LEX, sizeof *LEX, k, h);
  if (e >= 0) {
    t.cls = LEX[e].cls;
    t.sub = LEX[e].sub;
    t.val = LEX[e].val;
  }
  return t;
}

/* ---- the scan of one sentence -------------------------------------------- */

typedef struct scan {
  const text_doc *td;
  tw *w;           /* classes of the sentence's tokens */
  uint32_t lo, hi; /* the sentence's tokens [lo, hi) */
  int mixed;       /* mixed-case text: a capital letter means something */
  int has_doc;     /* the document date is known */
  int32_t doc;     /* its day number */
  int dy, dm;      /* its year and month */
  lex_index lex;   /* where LEX's words start, by first byte */
  uint32_t chain;  /* the token right after the last expression found in the sentence */
  int chain_bound; /* and that expression was a bound ("from 2000" to ...) */
} scan;

/* A hit is one matched expression: tokens [a, b), and, when ok, its period.
 * A hit that is not ok still consumes its tokens ("May 9" without a document
 * date must not leave "May" to be read again). */
typedef struct hit {
  uint32_t a, b;
  int gran, mod, ok;
  int the_ok; /* a "the" before it belongs to it: "the 1990s", "the year 2000" */
  int wday;   /* 1 + the weekday named with a year-less date ("Monday, 7 August") */
  int32_t lo, hi;
  unsigned flags;
} hit;

static const tw NONE_TW;

/* at is the class of token i, or an empty class outside the sentence (i may
 * be lo - 1, wrapped). */
static const tw *at(const scan *s, uint32_t i) {
  return i >= s->lo && i < s->hi ? &s->w[i - s->lo] : &NONE_TW;
}

static uint32_t tflags(const scan *s, uint32_t i) {
  return i >= s->lo && i < s->hi ? s->td->tok[i].flags : 0;
}

static int is(const scan *s, uint32_t i, int cls) { return at(s, i)->cls == cls; }

static int num(const scan *s, uint32_t i, int shape) {
  const tw *t = at(s, i);
  return t->cls == W_NUM && (t->sub & shape);
}

static int punct(const scan *s, uint32_t i, char c) {
  if (!(tflags(s, i) & TOK_PUNCT)) return 0;
  const text_token *t = &s->td->tok[i];
  return t->end - t->start == 1 && s->td->z[t->start] == c;
}

/* capital_ok: in mixed-case text a month or weekday is capitalised ("may" is
 * the modal, "march" the verb); ALL-CAPS and lower-case text say nothing. */
static int capital_ok(const scan *s, uint32_t i) {
  if (!s->mixed || (tflags(s, i) & TOK_CAP)) return 1;
  if (!at(s, i)->mod) return 0;
  const text_token *t = &s->td->tok[i]; /* "mid-May": the letter after the hyphen */
  const char *h = memchr(s->td->z + t->start, '-', t->end - t->start);
  return h && h[1] >= 'A' && h[1] <= 'Z';
}

/* other_name: a capitalised word that is none of ours, so that the month or
 * weekday next to it is part of a name: "Sunday Times", "Black September". */
static int other_name(const scan *s, uint32_t i) {
  return s->mixed && (tflags(s, i) & (TOK_CAP | TOK_WORD)) == (TOK_CAP | TOK_WORD) &&
         is(s, i, W_NONE);
}

/* count_noun: token i makes the number before it a count: "2000 troops",
 * "in May 30 people died", "2000 years". Counted things are plural, so a
 * word not in -s is not one ("the march 15 programme"). */
static int count_noun(const scan *s, uint32_t i) {
  if (!(tflags(s, i) & TOK_WORD)) return 0;
  const tw *t = at(s, i);
  const text_token *k = &s->td->tok[i];
  switch (t->cls) {
  case W_NONE: return !other_name(s, i) && (s->td->z[k->end - 1] | 0x20) == 's';
  case W_UNIT: case W_SET: case W_EDGE: case W_SEASON: case W_COUNT: return 1;
  case W_CARD: return t->sub != 1;
  default: return 0;
  }
}

/* prep_before: the preposition before an expression starting at a, looking
 * through one "the" ("in the 1990s"). */
static int prep_before(const scan *s, uint32_t a) {
  uint32_t j = a - 1;
  if (is(s, j, W_THE)) j--;
  const tw *t = at(s, j);
  return t->cls == W_PREP ? t->sub : 0;
}

/* chained: a stands right after "to", "and" or a dash that follows the last
 * expression: "from 2000 to 2005", "between April and June". */
static int chained(const scan *s, uint32_t a) {
  uint32_t j = a - 1;
  if (j != s->chain || j <= s->lo) return 0;
  const tw *t = at(s, j);
  return (t->cls == W_PREP && (t->sub == P_TO || t->sub == P_THROUGH)) ||
         (t->cls == W_FUNC && t->sub == F_AND) || (tflags(s, j) & TOK_DASH);
}

/* date_context: a preposition that makes a bare month or year a date. */
static int date_context(const scan *s, uint32_t a) {
  switch (prep_before(s, a)) {
  case P_IN: case P_SINCE: case P_UNTIL: case P_BY: case P_DURING: case P_FROM:
  case P_THROUGH: case P_THROUGHOUT: case P_BEFORE: case P_AFTER: case P_BETWEEN:
  case P_AROUND:
    return 1;
  default:
    return chained(s, a);
  }
}

static int bound(const scan *s, uint32_t a) {
  switch (prep_before(s, a)) {
  case P_SINCE: case P_UNTIL: case P_BY: case P_FROM: case P_THROUGH: case P_BEFORE:
  case P_AFTER: case P_TO: case P_BETWEEN:
    return 1;
  default:
    return s->chain_bound && chained(s, a);
  }
}

/* ---- tense --------------------------------------------------------------- */

static int be_form(const scan *s, uint32_t i) {
  const tw *t = at(s, i);
  return (t->cls == W_FUNC && t->sub == F_BE) || (t->cls == W_PAST && t->sub == 1);
}

/* is_past: a past-tense verb at i. A participle after "be" is not one ("will
 * be held"; in "was held" the "was" is). Any word in -ed but a hyphenated one
 * counts only when loose: right before the preposition of the expression
 * ("attacked on Tuesday"), where it is rarely an adjective ("the armed
 * forces", "the vhp-sponsored march 15 programme"). */
static int is_past(const scan *s, uint32_t i, int loose) {
  const tw *t = at(s, i);
  if (be_form(s, i - 1) && t->sub != 1) return 0;
  if (t->cls == W_PAST) return 1;
  if (!loose || t->cls != W_NONE || !(tflags(s, i) & TOK_WORD)) return 0;
  const text_token *k = &s->td->tok[i];
  const char *z = s->td->z + k->start;
  size_t n = k->end - k->start;
  return n > 4 && (z[n - 2] | 0x20) == 'e' && (z[n - 1] | 0x20) == 'd' && !memchr(z, '-', n);
}

static int clause_edge(const scan *s, uint32_t i) {
  uint32_t f = tflags(s, i);
  if (f & (TOK_QUOTE | TOK_DASH | TOK_TERM)) return 1;
  if (f & TOK_PUNCT) {
    char c = s->td->z[s->td->tok[i].start];
    return c == ',' || c == ';' || c == '(' || c == ')';
  }
  return is(s, i, W_FUNC) && (at(s, i)->sub == F_EDGE || at(s, i)->sub == F_THAT);
}

/* is_future: a future cue; "plan", "set" and the like only before "to" or
 * "for" ("plans to meet on Tuesday", "is set for Saturday"; not "his Syrian
 * plan"). */
static int is_future(const scan *s, uint32_t i, uint32_t dist) {
  const tw *t = at(s, i);
  if (t->cls != W_FUT) return 0;
  if (!t->sub) {
    const tw *p = at(s, i - 1); /* "their will", "the will of the people" */
    return !(p->cls == W_THE || (p->cls == W_CARD && p->sub == 1) ||
             (p->cls == W_FUNC && p->sub == F_POSS));
  }
  if (t->sub == 2 && !be_form(s, i - 1)) return 0;
  if (t->sub == 3 && dist > PAST_REACH) return 0; /* "... on September 11 ... they want to" */
  return is(s, i + 1, W_FUNC) ? at(s, i + 1)->sub == F_FOR
                              : is(s, i + 1, W_PREP) && at(s, i + 1)->sub == P_TO;
}

enum { PAST = -1, UNKNOWN = 0, FUTURE = 1 };

/* tense: what the clause of h says of its time. A past-tense verb right
 * before the expression wins ("said on Tuesday it will"); else the nearest cue
 * before it in its clause, else the first after it up to the next clause edge
 * (a comma right after a fronted expression does not count: "On Tuesday, he
 * will"). */
static int tense(const scan *s, const hit *h) {
  uint32_t j = h->a, k;
  if (is(s, j - 1, W_THE)) j--;
  if (is(s, j - 1, W_PREP) && is_past(s, j - 2, 1)) return PAST;
  if (is(s, j - 1, W_PREP)) j--;
  for (k = j; k > s->lo && j - k < TENSE_REACH;) {
    k--;
    if (is_future(s, k, j - k)) return FUTURE;
    if (j - k <= PAST_REACH && is_past(s, k, 0)) return PAST;
    if (clause_edge(s, k)) break;
  }
  for (k = h->b; k < s->hi && k - h->b < TENSE_REACH; k++) {
    if (is_future(s, k, k - h->b + 1)) return FUTURE;
    if (k - h->b < PAST_REACH && is_past(s, k, k == h->b)) return PAST; /* "on 8 March included" */
    if (clause_edge(s, k) && !(k == h->b && j == s->lo)) break;
  }
  return UNKNOWN;
}

/* nearer_ahead: with no tense cue, a year-less date is read forward when it is
 * at most NEAR_AHEAD days ahead and less than half as far ahead as back: news
 * reports the past, but "the talks on 20 December" in a paper of 9 December
 * are eleven days off, not a year back. Months get no such rule: "in
 * February" in a December paper is far more often the February past. */
#define NEAR_AHEAD 92
static int nearer_ahead(int32_t back, int32_t ahead) {
  return ahead <= NEAR_AHEAD && 2 * ahead < back;
}

/* ---- periods ------------------------------------------------------------- */

static void set_days(hit *h, int gran, int32_t lo, int32_t hi) {
  h->gran = gran;
  h->lo = lo;
  h->hi = hi;
  h->ok = 1;
}

static void set_day(hit *h, int32_t z) { set_days(h, G_DAY, z, z); }

static void set_week(hit *h, int32_t z) {
  int32_t mon = z - weekday(z);
  set_days(h, G_WEEK, mon, mon + 6);
}

/* set_month takes a month counted from year 0 (y * 12 + m - 1). */
static void set_month(hit *h, int32_t ym) {
  int y = (int)(ym / 12), m = (int)(ym % 12) + 1;
  if (y >= 1000 && y <= 9999)
    set_days(h, G_MONTH, day_number(y, m, 1), day_number(y, m, month_days(y, m)));
}

static void set_year(hit *h, int y) {
  if (y >= 1000 && y <= 9999) set_days(h, G_YEAR, day_number(y, 1, 1), day_number(y, 12, 31));
}

static void set_decade(hit *h, int y) {
  if (y >= 1000 && y <= 9990)
    set_days(h, G_DECADE, day_number(y, 1, 1), day_number(y + 9, 12, 31));
}

static void set_relative(hit *h, int fut) {
  if (!h->ok) return;
  h->flags |= TIMEX_RELATIVE | (fut ? TIMEX_FUTURE : 0);
}

/* nearest_day: day d of month m nearest the document date on or before it
 * (dir < 0) or on or after it (dir > 0); 29 February looks up to 8 years
 * away. Returns a day number, or INT32_MIN when there is none (31 February). */
static int32_t nearest_day(const scan *s, int m, int d, int dir) {
  for (int k = 0; k <= 8; k++) {
    int y = s->dy + dir * k;
    if (!valid_date(y, m, d)) continue;
    int32_t z = day_number(y, m, d);
    if (dir < 0 ? z <= s->doc : z >= s->doc) return z;
  }
  return INT32_MIN;
}

/* resolve_date: day d of month m, in year y or, without one (y == 0), the
 * year the tense points to from the document date. */
static void resolve_date(const scan *s, hit *h, int y, int m, int d) {
  if (y < 0) return;
  if (y) {
    if (valid_date(y, m, d)) set_day(h, day_number(y, m, d));
    return;
  }
  if (!s->has_doc) return;
  int t = tense(s, h);
  int32_t back = nearest_day(s, m, d, -1), ahead = nearest_day(s, m, d, 1);
  if (back == INT32_MIN && ahead == INT32_MIN) return;
  if (h->wday && back != INT32_MIN && ahead != INT32_MIN &&
      (weekday(back) == h->wday - 1) != (weekday(ahead) == h->wday - 1))
    t = weekday(ahead) == h->wday - 1 ? FUTURE : PAST; /* the named weekday decides */
  int fut = back == INT32_MIN || t == FUTURE ||
            (t == UNKNOWN && ahead != INT32_MIN && nearer_ahead(s->doc - back, ahead - s->doc));
  if (fut && ahead == INT32_MIN) return;
  set_day(h, fut ? ahead : back);
  set_relative(h, fut);
}

/* resolve_month: month m without a year: "last April" the latest before the
 * document's month, "next April" the first after it, "this April" in its
 * year, else by tense (or nearness, see nearer_ahead) the latest on or
 * before it or the first on or after it. */
static void resolve_month(const scan *s, hit *h, int m, int det) {
  if (!s->has_doc) return;
  int back = (s->dm - m + 12) % 12, ahead = (m - s->dm + 12) % 12, fut = det == D_NEXT;
  if (!det) fut = tense(s, h) == FUTURE;
  int32_t now = (int32_t)s->dy * 12 + s->dm - 1;
  if (det == D_LAST) now -= back ? back : 12;
  else if (det == D_NEXT) now += ahead ? ahead : 12;
  else if (det == D_THIS) now += m - s->dm;
  else now += fut ? ahead : -back;
  set_month(h, now);
  set_relative(h, fut);
}

/* resolve_unit: this (k = 0), last (-1) or next (+1) week, weekend, month or
 * year. "this weekend" is the Saturday and Sunday of the document's week. A
 * Sunday paper's "this week" with a future cue is the week ahead ("Talks will
 * resume this week"). */
static void resolve_unit(const scan *s, hit *h, int unit, int k) {
  if (!s->has_doc) return;
  int32_t mon = s->doc - weekday(s->doc) + 7 * k;
  if (unit == U_WEEK && !k && weekday(s->doc) == 6 && tense(s, h) == FUTURE) mon += 7, k = 1;
  switch (unit) {
  case U_WEEK: set_week(h, mon); break;
  case U_WEEKEND: set_days(h, G_WEEK, mon + 5, mon + 6); break;
  case U_MONTH: set_month(h, (int32_t)s->dy * 12 + s->dm - 1 + k); break;
  case U_YEAR: set_year(h, s->dy + k); break;
  default: return;
  }
  set_relative(h, k > 0);
}

/* ---- the forms ----------------------------------------------------------- */

static int match(scan *s, uint32_t i, hit *h);

/* STARTS: the classes match() has a form for; no other token starts one. */
#define STARTS                                                                                \
  (1u << W_THE | 1u << W_EDGE | 1u << W_MOD | 1u << W_SHIFT | 1u << W_DET | 1u << W_CARD |  \
   1u << W_RELDAY | 1u << W_WDAY | 1u << W_MONTH | 1u << W_UNIT | 1u << W_NUM)

/* year_after reads "[,] YEAR" at *k (a four-digit year 1000-2999). */
static int year_after(const scan *s, uint32_t *k) {
  uint32_t j = *k + (punct(s, *k, ',') ? 1 : 0);
  if (!num(s, j, N_YEAR4) || at(s, j)->val < 1000 || at(s, j)->val > 2999) return 0;
  *k = j + 1;
  return at(s, j)->val;
}

/* det_year_after reads "last|this|next year" after a year-less date ("on may
 * 25 last year") and gives the year, or 0; -1 when there is no document date. */
static int det_year_after(const scan *s, uint32_t *k) {
  const tw *d = at(s, *k), *u = at(s, *k + 1);
  if (d->cls != W_DET || u->cls != W_UNIT || u->sub != U_YEAR || u->val) return 0;
  *k += 2;
  if (!s->has_doc) return -1;
  return s->dy + (d->sub == D_LAST ? -1 : d->sub == D_NEXT ? 1 : 0);
}

/* narrative_year: "the following year", "that year" after a month: a year
 * counted from the story, not the document; the expression is not resolved. */
static int narrative_year(const scan *s, uint32_t k) {
  const tw *a = at(s, k), *b = at(s, k + 1), *c = at(s, k + 2);
  if (a->cls == W_THE && b->cls == W_FUNC && b->sub == F_FOLLOWING) return c->cls == W_UNIT;
  return a->cls == W_FUNC && a->sub == F_THAT && b->cls == W_UNIT && b->sub == U_YEAR && !b->val;
}

/* year2_after reads a two-digit year right after a month ("3 JAN 90 --"), not
 * followed by a word (a count: "3 Jan 90 people"). It pivots at 1950. */
static int year2_after(const scan *s, uint32_t *k) {
  if (!num(s, *k, N_YEAR2) || (tflags(s, *k + 1) & TOK_WORD)) return 0;
  int y = at(s, *k)->val;
  (*k)++;
  return y < 50 ? 2000 + y : 1900 + y;
}

/* follower_ok: what may follow "9 may" in text without capitals for it to be
 * a date and not "the 9 may go". */
static int follower_ok(const scan *s, uint32_t k) {
  if (k >= s->hi || !(tflags(s, k) & TOK_WORD)) return 1;
  switch (at(s, k)->cls) {
  case W_FUNC: case W_PREP: case W_THE: case W_OF: case W_PART: case W_PAST: case W_DET:
  case W_RELDAY:
    return 1;
  default:
    return 0;
  }
}

/* DAY [of] MONTH [[,] YEAR]: "9 May", "9th of May", "9 May 2025", "3 JAN 90". */
static int m_daymonth(scan *s, uint32_t i, hit *h) {
  uint32_t j = i + 1;
  if (is(s, j, W_OF)) j++;
  if (!is(s, j, W_MONTH) || !capital_ok(s, j)) return 0;
  int m = at(s, j)->val;
  uint32_t k = j + 1;
  int y = year_after(s, &k);
  if (!y) y = year2_after(s, &k);
  if (!y) y = det_year_after(s, &k);
  if (!y && !s->mixed && (at(s, j)->sub & M_AMBIG) && !prep_before(s, h->a) &&
      !follower_ok(s, k))
    return 0;
  h->the_ok = 1;
  if (is(s, k, W_ORG)) { /* "the 19 April Movement": consumed, not a date */
    h->b = k + 1;
    return 1;
  }
  h->b = k;
  if (!y && narrative_year(s, k)) return 1;
  resolve_date(s, h, y, m, at(s, i)->val);
  return 1;
}

/* MONTH DAY [[,] YEAR]: "May 9", "Jan. 5", "May 9, 2025". After "in" the
 * number may be a count ("in May 30 people died"); so may it after an
 * uncapitalised "may" ("they may 10 ..."). */
static int month_day(scan *s, uint32_t i, hit *h) {
  uint32_t j = i + 1, k = i + 2;
  if (!num(s, j, N_DAY)) return 0;
  int y = year_after(s, &k);
  if (!y) y = det_year_after(s, &k);
  int p = prep_before(s, h->a);
  int weak = p == P_IN || p == P_DURING || p == P_BY ||
             (!s->mixed && (at(s, i)->sub & M_AMBIG) && p != P_ON);
  if (!y && weak && count_noun(s, k)) return 0;
  if (is(s, k, W_ORG)) { /* "April 6 Youth Movement" is caught only in part */
    h->b = k + 1;
    return 1;
  }
  h->b = k;
  if (!y && narrative_year(s, k)) return 1;
  resolve_date(s, h, y, at(s, i)->val, at(s, j)->val);
  return 1;
}

/* MONTH this|last|next year: "AUGUST THIS YEAR", "in November last year". */
static int month_det_year(scan *s, uint32_t i, hit *h) {
  const tw *d = at(s, i + 1), *u = at(s, i + 2);
  if (d->cls != W_DET || u->cls != W_UNIT || u->sub != U_YEAR || u->val) return 0;
  h->b = i + 3;
  if (!s->has_doc) return 1;
  int k = d->sub == D_LAST ? -1 : d->sub == D_NEXT ? 1 : 0;
  set_month(h, (int32_t)(s->dy + k) * 12 + at(s, i)->val - 1);
  set_relative(h, k > 0);
  return 1;
}

/* MONTH [of] YEAR: "March 2002", "May of 2024". */
static int month_year(scan *s, uint32_t i, hit *h) {
  uint32_t j = i + 1 + (is(s, i + 1, W_OF) ? 1 : 0);
  if (!num(s, j, N_YEAR4) || at(s, j)->val < 1000 || at(s, j)->val > 2999) return 0;
  if (count_noun(s, j + 1)) return 0;
  h->b = j + 1;
  set_month(h, (int32_t)at(s, j)->val * 12 + at(s, i)->val - 1);
  return 1;
}

/* m_month: a month name at i, with a modifier or determiner from the caller. */
static int m_month(scan *s, uint32_t i, hit *h, int mod, int det) {
  const tw *t = at(s, i);
  if (!capital_ok(s, i) || other_name(s, i - 1)) return 0;
  if (!mod) mod = t->mod;
  h->mod = mod;
  if (!mod && !det && month_day(s, i, h)) return 1;
  if (!det && month_year(s, i, h)) return 1;
  if (t->sub & M_ABBR) return 0;
  if (!det && month_det_year(s, i, h)) return 1;
  /* "the march", "in the March": a noun; "the April deadline" is lost with it */
  if ((t->sub & M_AMBIG) && !mod && !det && (!date_context(s, h->a) || is(s, i - 1, W_THE)))
    return 0;
  if (!mod && !det && !date_context(s, h->a) && other_name(s, i + 1))
    return 0; /* "April Ryan", "May Day"; but "In September Turkey ..." */
  h->b = i + 1;
  if (!det && narrative_year(s, i + 1)) return 1; /* "in May the following year" */
  resolve_month(s, h, t->val, det);
  return 1;
}

/* clock_time: the four digits at i read as a 24-hour time, as wire text
 * writes them: "FROM 2000 ON 12 NOVEMBER", "FROM 1800 TO 0600". */
static int clock_time(const scan *s, uint32_t i) {
  const tw *n = at(s, i + 1);
  if (n->cls == W_CLOCK || (n->cls == W_PREP && (n->sub == P_ON || n->sub == P_AT))) return 1;
  int range = (n->cls == W_PREP && (n->sub == P_TO || n->sub == P_UNTIL)) ||
              (tflags(s, i + 1) & TOK_DASH);
  if (!range) return 0;
  const tw *u = at(s, i + 2);
  return u->cls == W_NUM && (u->sub & N_CARD) && !(u->sub & N_DAY) &&
         (s->td->z[s->td->tok[i + 2].start] == '0' || u->val < 1500);
}

/* m_year: a four-digit year at i: "in 2000", "early 2024", "spring 2024". */
static int m_year(scan *s, uint32_t i, hit *h, int mod) {
  const tw *t = at(s, i);
  if (!mod) mod = t->mod;
  int season = is(s, i - 1, W_SEASON) || (is(s, i - 1, W_OF) && is(s, i - 2, W_SEASON));
  if (!mod && !season && !date_context(s, h->a)) return 0;
  if (t->val < 1500 || t->val > 2099 || count_noun(s, i + 1) || clock_time(s, i)) return 0;
  h->mod = mod;
  h->b = i + 1;
  set_year(h, t->val);
  return 1;
}

/* apostrophe_s: "'s" at i, as one clitic or as a quote and an "s" ("1970'S"
 * in wire text is "1970" "'" "S"); returns the token after it, or 0. */
static uint32_t apostrophe_s(const scan *s, uint32_t i) {
  if (i >= s->hi) return 0;
  const text_token *t = &s->td->tok[i];
  if ((t->flags & TOK_CLITIC) && (s->td->z[t->end - 1] | 0x20) == 's') return i + 1;
  if ((t->flags & TOK_QUOTE) && i + 1 < s->hi && !(s->td->tok[i + 1].flags & TOK_SPACE)) {
    const text_token *u = &s->td->tok[i + 1];
    if (u->end - u->start == 1 && (s->td->z[u->start] | 0x20) == 's') return i + 2;
  }
  return 0;
}

/* m_decade: "1990s", "mid-1990s", "the 1970's". */
static int m_decade(scan *s, uint32_t i, hit *h, int mod) {
  const tw *t = at(s, i);
  uint32_t b = i + 1;
  if (!(t->sub & N_DECADE)) {
    if (!(t->sub & N_YEAR4) || t->val % 10 || (!mod && !is(s, i - 1, W_THE))) return 0;
    if (!(b = apostrophe_s(s, i + 1))) return 0;
  }
  h->mod = mod ? mod : t->mod;
  h->b = b;
  h->the_ok = 1;
  set_decade(h, t->val);
  return 1;
}

/* m_num: a number at i: an ISO date, a day before a month, a decade, a year,
 * or the count of "two days ago". */
static int m_ago(scan *s, uint32_t i, hit *h);

static int m_num(scan *s, uint32_t i, hit *h) {
  const tw *t = at(s, i);
  if (t->sub & N_ISO) {
    h->b = i + 1;
    set_day(h, day_number(t->val / 10000, t->val / 100 % 100, t->val % 100));
    return 1;
  }
  if ((t->sub & N_DAY) && m_daymonth(s, i, h)) return 1;
  if ((t->sub & N_CARD) && m_ago(s, i, h)) return 1;
  if (m_decade(s, i, h, 0)) return 1;
  return (t->sub & N_YEAR4) && m_year(s, i, h, 0);
}

/* WEEKDAY [PART] | WEEKDAY [,] DATE: "Tuesday", "Sunday night", "Tuesday, May 20". */
static int m_wday(scan *s, uint32_t i, hit *h, int det, int mod) {
  if (!capital_ok(s, i) || is(s, i - 1, W_THE) || is(s, i - 1, W_SET)) return 0;
  if ((is(s, i - 1, W_CARD) && at(s, i - 1)->sub == 1) || other_name(s, h->a - 1)) return 0;
  int p = prep_before(s, h->a);
  if (!det && !mod && p != P_ON && p != P_BY && p != P_UNTIL && p != P_SINCE && p != P_BEFORE &&
      p != P_AFTER && other_name(s, i + 1))
    return 0; /* "Sunday Times" */
  uint32_t k = i + 1 + (punct(s, i + 1, ',') ? 1 : 0);
  if (!det && !mod) {
    h->wday = at(s, i)->val + 1;
    if (num(s, k, N_DAY) && m_daymonth(s, k, h)) return 1;
    if (is(s, k, W_MONTH) && capital_ok(s, k) && month_day(s, k, h)) return 1;
    h->wday = 0;
  }
  h->mod = mod;
  h->b = i + 1 + (is(s, i + 1, W_PART) ? 1 : 0);
  if (!s->has_doc) return 1;
  int want = at(s, i)->val, now = weekday(s->doc);
  int back = (now - want + 7) % 7, fwd = (want - now + 7) % 7;
  int fut = det == D_NEXT || (det != D_LAST && tense(s, h) == FUTURE);
  if (det == D_LAST) set_day(h, s->doc - (back ? back : 7));
  else if (det == D_NEXT) set_day(h, s->doc + (fwd ? fwd : 7));
  else set_day(h, fut ? s->doc + fwd : s->doc - back);
  set_relative(h, fut);
  return 1;
}

/* today, tonight, yesterday, tomorrow [PART]. A capitalised "Today" inside a
 * sentence of mixed-case text is a name (the Today programme, USA Today). */
static int m_relday(scan *s, uint32_t i, hit *h) {
  if (is(s, i - 1, W_THE)) return 0;
  if (s->mixed && (tflags(s, i) & TOK_CAP) && i > s->lo && !(tflags(s, i - 1) & TOK_PUNCT))
    return 0;
  h->b = i + 1 + (is(s, i + 1, W_PART) && at(s, i)->val != 0 ? 1 : 0);
  if (!s->has_doc) return 1;
  set_day(h, s->doc + at(s, i)->val);
  set_relative(h, at(s, i)->val > 0);
  return 1;
}

/* DET UNIT | DET WEEKDAY | DET MONTH | last night | this morning. "the last
 * week" is a duration, not the week before. */
static int m_det(scan *s, uint32_t i, hit *h) {
  int det = at(s, i)->sub, k = det == D_LAST ? -1 : det == D_NEXT ? 1 : 0;
  const tw *n = at(s, i + 1);
  if (is(s, i - 1, W_THE)) return 0;
  if (n->cls == W_WDAY) return m_wday(s, i + 1, h, det, h->mod);
  if (n->cls == W_MONTH) return m_month(s, i + 1, h, h->mod, det);
  h->b = i + 2;
  if (n->cls == W_UNIT && n->val == 0 && n->sub != U_DAY && n->sub != U_DECADE) {
    resolve_unit(s, h, n->sub, k);
    return 1;
  }
  if (n->cls == W_PART && (det == D_THIS || (det == D_LAST && n->sub == PT_NIGHT))) {
    if (s->has_doc) set_day(h, s->doc + k);
    set_relative(h, 0);
    return 1;
  }
  return 0;
}

/* earlier|later [in] this|the week|month|year: "earlier this month". */
static int m_shift(scan *s, uint32_t i, hit *h) {
  uint32_t j = i + 1 + (is(s, i + 1, W_PREP) && at(s, i + 1)->sub == P_IN ? 1 : 0);
  int this_ = (is(s, j, W_DET) && at(s, j)->sub == D_THIS) || is(s, j, W_THE);
  const tw *u = at(s, j + 1);
  if (!this_ || u->cls != W_UNIT || u->val || (u->sub != U_WEEK && u->sub != U_MONTH &&
                                               u->sub != U_YEAR))
    return 0;
  h->b = j + 2;
  resolve_unit(s, h, u->sub, 0);
  return 1;
}

/* early|mid|late [on|in] ...: "late April", "early 2024", "late last year",
 * "late on Tuesday", "the early 1990s". */
static int m_mod(scan *s, uint32_t i, hit *h) {
  int mod = at(s, i)->val;
  uint32_t j = i + 1;
  if (is(s, j, W_PREP) && (at(s, j)->sub == P_ON || at(s, j)->sub == P_IN)) j++;
  const tw *t = at(s, j);
  int r = 0;
  h->mod = mod;
  switch (t->cls) {
  case W_MONTH: r = m_month(s, j, h, mod, 0); break;
  case W_WDAY: r = m_wday(s, j, h, 0, mod); break;
  case W_DET: r = m_det(s, j, h); break;
  case W_RELDAY: r = m_relday(s, j, h); break;
  case W_NUM:
    r = ((t->sub & N_DAY) && m_daymonth(s, j, h)) || m_decade(s, j, h, mod) ||
        ((t->sub & N_YEAR4) && m_year(s, j, h, mod));
    break;
  default: break;
  }
  h->mod = mod;
  return r;
}

/* N days|weeks|months|years ago. */
static int m_ago(scan *s, uint32_t i, hit *h) {
  const tw *u = at(s, i + 1);
  int n = at(s, i)->val;
  if (u->cls != W_UNIT || !is(s, i + 2, W_AGO) || n < 1 || n > 999) return 0;
  h->b = i + 3;
  if (!s->has_doc) return 1;
  switch (u->sub) {
  case U_DAY: set_day(h, s->doc - n); break;
  case U_WEEK: set_week(h, s->doc - 7 * n); break;
  case U_MONTH: set_month(h, (int32_t)s->dy * 12 + s->dm - 1 - n); break;
  case U_YEAR: set_year(h, s->dy - n); break;
  default: return 1;
  }
  set_relative(h, 0);
  return 1;
}

/* "year 2000" (after "the" it is "the year 2000"); "over the weekend": the
 * latest weekend that has begun by the document date. */
static int m_unit(scan *s, uint32_t i, hit *h) {
  const tw *u = at(s, i);
  if (u->sub == U_YEAR && !u->val && num(s, i + 1, N_YEAR4) && !count_noun(s, i + 2)) {
    h->b = i + 2;
    h->the_ok = 1;
    set_year(h, at(s, i + 1)->val);
    return 1;
  }
  if (u->sub != U_WEEKEND || !is(s, i - 1, W_THE)) return 0;
  int p = at(s, i - 2)->cls == W_PREP ? at(s, i - 2)->sub : 0;
  if (p != P_OVER && p != P_DURING && p != P_AT && p != P_ON) return 0;
  h->b = i + 1;
  h->the_ok = 1;
  if (!s->has_doc) return 1;
  int wd = weekday(s->doc);
  int32_t sat = s->doc - wd + 5 - (wd < 5 ? 7 : 0);
  set_days(h, G_WEEK, sat, sat + 1);
  set_relative(h, 0);
  return 1;
}

/* the end|beginning|start|middle of ...: "the end of 2024", "by the end of the
 * year", "the beginning of May". */
static int m_edge(scan *s, uint32_t i, hit *h) {
  int mod = at(s, i)->val;
  uint32_t j = i + 2;
  if (!is(s, i + 1, W_OF)) return 0;
  const tw *t = at(s, j);
  int r = 0;
  h->mod = mod;
  if (t->cls == W_THE && at(s, j + 1)->cls == W_UNIT && !at(s, j + 1)->val) {
    h->b = j + 2;
    resolve_unit(s, h, at(s, j + 1)->sub, 0);
    r = 1;
  } else if (t->cls == W_THE && num(s, j + 1, N_DECADE | N_YEAR4)) {
    r = m_decade(s, j + 1, h, mod);
  } else if (t->cls == W_DET) {
    r = m_det(s, j, h);
  } else if (t->cls == W_MONTH) {
    r = m_month(s, j, h, mod, 0);
  } else if (t->cls == W_NUM) {
    r = m_decade(s, j, h, mod) || ((t->sub & N_YEAR4) && m_year(s, j, h, mod));
  }
  h->mod = mod;
  h->the_ok = 1;
  return r;
}

/* "the" joins the expression after it when that takes one. A second "the"
 * ends it, so that "the the the ..." stays linear. */
static int m_the(scan *s, uint32_t i, hit *h) {
  if (is(s, i + 1, W_THE) || !((1u << at(s, i + 1)->cls) & STARTS) || !match(s, i + 1, h))
    return 0;
  if (h->the_ok && h->a == i + 1) h->a = i;
  return 1;
}

static int match(scan *s, uint32_t i, hit *h) {
  memset(h, 0, sizeof *h);
  h->a = i;
  switch (at(s, i)->cls) {
  case W_THE: return m_the(s, i, h);
  case W_EDGE: return m_edge(s, i, h);
  case W_MOD: return m_mod(s, i, h);
  case W_SHIFT: return m_shift(s, i, h);
  case W_DET: return m_det(s, i, h);
  case W_CARD: return m_ago(s, i, h);
  case W_RELDAY: return m_relday(s, i, h);
  case W_WDAY: return m_wday(s, i, h, 0, 0);
  case W_MONTH: return m_month(s, i, h, 0, 0);
  case W_UNIT: return m_unit(s, i, h);
  case W_NUM: return m_num(s, i, h);
  default: return 0;
  }
}

/* ---- output -------------------------------------------------------------- */

static char *put_int(char *p, int v, int width) {
  for (int i = width - 1; i >= 0; i--, v /= 10) p[i] = (char)('0' + v % 10);
  return p + width;
}

static void format_value(const hit *h, char *out) {
  int y, m, d;
  char *p = out;
  civil(h->lo, &y, &m, &d);
  if (h->gran == G_WEEK) {
    int32_t thu = h->lo - weekday(h->lo) + 3; /* ISO: a week is in its Thursday's year */
    int wy, wm, wd;
    civil(thu, &wy, &wm, &wd);
    p = put_int(p, wy, 4);
    *p++ = '-';
    *p++ = 'W';
    p = put_int(p, (int)((thu - day_number(wy, 1, 1)) / 7 + 1), 2);
  } else {
    p = put_int(p, y, 4);
    if (h->gran == G_MONTH || h->gran == G_DAY) *p++ = '-', p = put_int(p, m, 2);
    if (h->gran == G_DAY) *p++ = '-', p = put_int(p, d, 2);
  }
  *p = 0;
}

static int push(arena *a, timex_list *out, size_t *cap, const scan *s, const hit *h) {
  if (out->n == *cap) {
    size_t nc = *cap ? *cap * 2 : 16;
    timex *p = out->t ? arena_grow(a, out->t, *cap * sizeof *p, nc * sizeof *p)
                      : arena_alloc(a, nc * sizeof *p);
    if (!p) return ERR_NOMEM;
    out->t = p;
    *cap = nc;
  }
  timex *t = &out->t[out->n++];
  memset(t, 0, sizeof *t);
  t->tok = h->a;
  t->ntok = h->b - h->a;
  t->start = s->td->tok[h->a].start;
  t->end = s->td->tok[h->b - 1].end;
  format_value(h, t->value);
  t->granularity = GRAN[h->gran];
  t->modifier = MODS[h->mod];
  t->lo = yyyymmdd(h->lo);
  t->hi = yyyymmdd(h->hi);
  t->flags = h->flags | (bound(s, h->a) ? TIMEX_BOUND : 0);
  return ERR_OK;
}

static int scan_sentence(arena *a, scan *s, const text_sentence *se, timex_list *out,
                         size_t *cap) {
  s->lo = se->tok;
  s->hi = se->tok + se->ntok;
  s->chain = UINT32_MAX;
  for (uint32_t i = s->lo; i < s->hi; i++)
    s->w[i - s->lo] = classify(&s->lex, s->td->z, &s->td->tok[i]);
  for (uint32_t i = s->lo; i < s->hi;) {
    hit h;
    if (!((1u << s->w[i - s->lo].cls) & STARTS) || !match(s, i, &h) || h.b <= i) {
      i++;
      continue;
    }
    if (h.ok) {
      if (push(a, out, cap, s, &h)) return ERR_NOMEM;
      s->chain = h.b;
      s->chain_bound = (out->t[out->n - 1].flags & TIMEX_BOUND) != 0;
    }
    i = h.b;
  }
  return ERR_OK;
}

int timex_find(arena *a, const text_doc *td, int32_t doc_date, timex_list *out) {
  scan s = {.td = td, .mixed = td->casing == TEXT_MIXED};
  size_t cap = 0, most = 0;
  out->t = NULL;
  out->n = 0;
  if (doc_date) {
    int y = doc_date / 10000, m = doc_date / 100 % 100, d = doc_date % 100;
    if (!valid_date(y, m, d)) return ERR_INVALID;
    s.has_doc = 1;
    s.doc = day_number(y, m, d);
    s.dy = y;
    s.dm = m;
  }
  for (uint32_t k = 0; k < td->nsent; k++)
    if (td->sent[k].ntok > most) most = td->sent[k].ntok;
  if (!most) return ERR_OK;
  if (!(s.w = arena_alloc(a, most * sizeof *s.w))) return ERR_NOMEM;
  lex_index_build(&s.lex);
  for (uint32_t k = 0; k < td->nsent; k++) {
    size_t first = out->n;
    if (scan_sentence(a, &s, &td->sent[k], out, &cap)) return ERR_NOMEM;
    for (size_t e = first; e < out->n; e++) out->t[e].sent = k;
  }
  return ERR_OK;
}

int timex_for_sentence(const timex_list *l, uint32_t s) {
  size_t lo = 0, hi = l->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (l->t[mid].sent < s) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < l->n && l->t[lo].sent == s; lo++)
    if (!(l->t[lo].flags & TIMEX_BOUND) && l->t[lo].granularity != GRAN[G_DECADE])
      return lo > INT32_MAX ? -1 : (int)lo;
  return -1;
}

size_t timex_event_date(const timex *t, char *out) {
  size_t n = 0;
  if (t->granularity == GRAN[G_WEEK]) {
    if (t->lo / 100 == t->hi / 100) n = 7;
    else if (t->lo / 10000 == t->hi / 10000) n = 4;
    if (n) {
      char *p = put_int(out, t->lo / 10000, 4);
      if (n == 7) *p++ = '-', put_int(p, t->lo / 100 % 100, 2);
    }
  } else if (t->granularity != GRAN[G_DECADE]) {
    n = strlen(t->value);
    memcpy(out, t->value, n);
  }
  out[n] = 0;
  return n;
}
