/* dict_import.c: TABARI and PETRARCH dictionaries into a dict_builder.
 *
 * One pass over the file, one line at a time: the raw line is checked for
 * control bytes, copied as UTF-8 into imp.ln, stripped of comments and handed
 * to the handler of the file's kind. Entries that span lines (an actor with
 * its '+' synonyms and date lines, a verb with its patterns, a synonym set)
 * are collected in imp and added when the next one starts. What the formats
 * say and how each maps to the builder is in dict_import.h. */
#include "dict_import.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "err.h"
#include "utf8.h"

#define MAX_EXPANSIONS 4096 /* strings one agent line may make from its !markers! */
#define EXCERPT 48          /* bytes of the input quoted in a report */

/* ---- small strings ---------------------------------------------------- */

static int is_blank(char c) { return c == ' ' || c == '\t'; }
static int is_alnum(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
static int is_upper(char c) { return c >= 'A' && c <= 'Z'; }
static int is_vowel(char c) { return c && strchr("AEIOUaeiou", c) != NULL; }

static char *skip_blank(char *s) {
  while (is_blank(*s)) s++;
  return s;
}

static const char *cskip(const char *s) {
  while (is_blank(*s)) s++;
  return s;
}

static void rtrim(char *s) {
  size_t n = strlen(s);
  while (n && is_blank(s[n - 1])) n--;
  s[n] = 0;
}

static void trim_span(const char **s, size_t *n) {
  while (*n && is_blank(**s)) (*s)++, (*n)--;
  while (*n && is_blank((*s)[*n - 1])) (*n)--;
}

/* clip returns how much of s[0..n) to quote: at most EXCERPT bytes, never
 * ending inside a UTF-8 sequence (reports must stay valid UTF-8). */
static int clip(const char *s, size_t n) {
  if (n <= EXCERPT) return (int)n;
  n = EXCERPT;
  while (n && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
  return (int)n;
}

/* ---- a list of strings, each with its line ----------------------------- */

typedef struct strlist {
  buf z;    /* the strings, each NUL-terminated */
  buf off;  /* size_t: where each starts in z */
  buf line; /* uint32_t: the line it came from */
  size_t n;
} strlist;

static void sl_free(strlist *l) {
  buf_free(&l->z);
  buf_free(&l->off);
  buf_free(&l->line);
  l->n = 0;
}

static void sl_clear(strlist *l) {
  buf_clear(&l->z);
  buf_clear(&l->off);
  buf_clear(&l->line);
  l->n = 0;
}

static int sl_add(strlist *l, const char *s, size_t n, uint32_t line) {
  size_t off = l->z.n;
  buf_add(&l->z, s, n);
  buf_addc(&l->z, 0);
  buf_add(&l->off, &off, sizeof off);
  buf_add(&l->line, &line, sizeof line);
  if (l->z.oom || l->off.oom || l->line.oom) return ERR_NOMEM;
  l->n++;
  return ERR_OK;
}

static const char *sl_get(const strlist *l, size_t i) {
  size_t off;
  memcpy(&off, l->off.z + i * sizeof off, sizeof off);
  return l->z.z + off;
}

static uint32_t sl_line(const strlist *l, size_t i) {
  uint32_t line;
  memcpy(&line, l->line.z + i * sizeof line, sizeof line);
  return line;
}

/* ---- the import state ------------------------------------------------- */

typedef struct actor_block { /* an actor: its phrases and codes, until the next */
  int open, dead;            /* dead: its first line was bad; drop the rest quietly */
  int has_default;           /* an undated code was seen */
  int lost_codes;            /* a date line was bad (and reported) */
  uint32_t line;
  strlist names;
  buf codes; /* dict_code[] */
} actor_block;

typedef struct verb_block { /* a TABARI verb or a PETRARCH "--- X [C] ---" block */
  int open, dead;
  buf head;            /* the verb the patterns key on; empty until one is read */
  uint32_t head_line;
  dict_code head_code;
  char bcode[DICT_CODE_MAX]; /* PETRARCH: the block's code, for verbs without one */
  size_t npatterns;
} verb_block;

typedef struct synset {
  int open, dead, noplural;
  uint32_t line;
  char name[64];
  strlist members;
} synset;

typedef struct derived { /* a form PETRARCH derives, added at the end of the file */
  dict_code code;
  size_t off; /* its phrase in imp.derived_z */
  uint32_t line;
  uint16_t flags;
  uint8_t kind;
} derived;

typedef struct imp {
  dict_builder *b;
  const char *path; /* interned: every entry points at it */
  int fmt, kind;
  uint32_t line;
  int rc;       /* ERR_NOMEM once an allocation failed; everything stops */
  int finished; /* TABARI ~~FINISH seen */
  buf ln;       /* the current line as UTF-8, NUL-terminated */
  buf tmp, tmp2;
  int in_xml;   /* PETRARCH: inside <!-- ... --> */
  uint32_t xml_line;
  char section[16]; /* the open <SECTION>, or "" */
  uint32_t section_line;
  int skipping; /* inside a section that is not imported */
  actor_block act;
  verb_block vb;
  synset syn;
  buf markers; /* agents: "NAME\0member\0...member\0\0" per !NAME! = ... */
  buf derived, derived_z;
  uint64_t *seen; /* hashes of (kind, phrase) stated by the file; 0 = empty */
  size_t seen_cap, seen_n;
} imp;

static void report(imp *I, uint32_t line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void report(imp *I, uint32_t line, const char *fmt, ...) {
  char msg[320];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  dict_builder_report(I->b, I->path, line, "%s", msg);
}

#define bad(I, ...) report((I), (I)->line, __VA_ARGS__)

static int nomem(imp *I) {
  I->rc = ERR_NOMEM;
  return 0;
}

/* ---- phrases ---------------------------------------------------------- */

/* norm writes s[0..n) to out as dyad reads a phrase: '_' and blanks between
 * words become one space, and a final '_' (TABARI: no stem match) or '='
 * (no regular endings) is dropped, since dyad matches whole words only.
 * out is NUL-terminated; returns its length. */
static size_t norm(buf *out, const char *s, size_t n) {
  buf_clear(out);
  int space = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '_' || is_blank(c)) {
      space = out->n > 0;
      continue;
    }
    if (space) buf_addc(out, ' ');
    space = 0;
    buf_addc(out, c);
  }
  while (out->n && (out->z[out->n - 1] == '=' || out->z[out->n - 1] == ' ')) out->n--;
  buf_addc(out, 0);
  if (out->oom) return 0;
  out->n--;
  return out->n;
}

/* add_s appends the -s form of w[0..n) to out: the plural of a noun and the
 * third person of a verb share the spelling rules (BUSES, CHURCHES, ARMIES,
 * DAYS). Suffixes follow the case of w's last letter. */
static void add_s(buf *out, const char *w, size_t n) {
  int up = n && !(w[n - 1] >= 'a' && w[n - 1] <= 'z');
  char l = n ? (char)(w[n - 1] | 0x20) : 0, p = n > 1 ? (char)(w[n - 2] | 0x20) : 0;
  if (l == 'y' && n > 1 && !is_vowel(p)) {
    buf_add(out, w, n - 1);
    buf_adds(out, up ? "IES" : "ies");
  } else {
    buf_add(out, w, n);
    int es = l == 's' || l == 'x' || l == 'z' || ((l == 'h') && (p == 'c' || p == 's'));
    buf_adds(out, es ? (up ? "ES" : "es") : (up ? "S" : "s"));
  }
}

/* inflect appends a regular form of the verb w[0..n): form 0 -S, 1 -ED,
 * 2 -ING (PETRARCH's make_verb_forms, with consonant+Y and a silent E
 * spelled as English does: DENIED, TAKING, AGREEING). */
static void inflect(buf *out, const char *w, size_t n, int form) {
  int up = n && !(w[n - 1] >= 'a' && w[n - 1] <= 'z');
  char l = n ? (char)(w[n - 1] | 0x20) : 0, p = n > 1 ? (char)(w[n - 2] | 0x20) : 0;
  if (form == 0) {
    add_s(out, w, n);
  } else if (form == 1) {
    if (l == 'e') buf_add(out, w, n), buf_adds(out, up ? "D" : "d");
    else if (l == 'y' && n > 1 && !is_vowel(p)) buf_add(out, w, n - 1), buf_adds(out, up ? "IED" : "ied");
    else buf_add(out, w, n), buf_adds(out, up ? "ED" : "ed");
  } else {
    int drop = l == 'e' && n > 2 && p != 'e' && p != 'o' && p != 'y' && p != 'i';
    buf_add(out, w, drop ? n - 1 : n);
    buf_adds(out, up ? "ING" : "ing");
  }
}

/* ---- entries ---------------------------------------------------------- */

/* phrase_hash: FNV-1a of the kind and the ASCII-folded phrase. Only the hash
 * is kept: a collision (about 1 in 10^9 at these sizes) would merely drop
 * one derived form. */
static uint64_t phrase_hash(int kind, const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull ^ (uint64_t)kind;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 'A' && c <= 'Z') c |= 0x20;
    h = (h ^ c) * 1099511628211ull;
  }
  return h ? h : 1;
}

static int seen_has(const imp *I, uint64_t h) {
  if (!I->seen_cap) return 0;
  for (size_t i = h & (I->seen_cap - 1);; i = (i + 1) & (I->seen_cap - 1)) {
    if (I->seen[i] == h) return 1;
    if (!I->seen[i]) return 0;
  }
}

static void seen_put(imp *I, uint64_t h) {
  if ((I->seen_n + 1) * 2 > I->seen_cap) {
    size_t cap = I->seen_cap ? I->seen_cap * 2 : 1024;
    uint64_t *t = calloc(cap, sizeof *t);
    if (!t) {
      nomem(I);
      return;
    }
    for (size_t i = 0; i < I->seen_cap; i++) {
      if (!I->seen[i]) continue;
      size_t j = I->seen[i] & (cap - 1);
      while (t[j]) j = (j + 1) & (cap - 1);
      t[j] = I->seen[i];
    }
    free(I->seen);
    I->seen = t;
    I->seen_cap = cap;
  }
  size_t j = h & (I->seen_cap - 1);
  while (I->seen[j] && I->seen[j] != h) j = (j + 1) & (I->seen_cap - 1);
  if (!I->seen[j]) I->seen[j] = h, I->seen_n++;
}

static void add(imp *I, int kind, const char *phrase, size_t n, const dict_code *codes, size_t nc,
                unsigned flags, const char *pattern, uint32_t line) {
  if (I->rc) return;
  int rc = dict_builder_add(I->b, kind, phrase, n, codes, nc, flags, pattern, I->path, line);
  if (rc == ERR_NOMEM) {
    nomem(I);
    return;
  }
  if (rc) {
    report(I, line, "phrase '%.*s' has no words", clip(phrase, n), phrase);
    return;
  }
  seen_put(I, phrase_hash(kind, phrase, n));
}

/* derive keeps a form PETRARCH derives (a plural, a verb form) for the end
 * of the file, where it is added unless the file states that phrase itself:
 * a later entry replaces an earlier one in the builder, and a derived form
 * must never replace a stated one. */
static void derive(imp *I, int kind, const char *phrase, size_t n, const dict_code *c,
                   unsigned flags, uint32_t line) {
  derived d = {*c, I->derived_z.n, line, (uint16_t)flags, (uint8_t)kind};
  buf_add(&I->derived_z, phrase, n);
  buf_addc(&I->derived_z, 0);
  buf_add(&I->derived, &d, sizeof d);
  if (I->derived.oom || I->derived_z.oom) nomem(I);
}

static void add_derived(imp *I) {
  size_t n = I->derived.n / sizeof(derived);
  const derived *d = (const derived *)(const void *)I->derived.z;
  for (size_t i = 0; i < n && !I->rc; i++) {
    const char *p = I->derived_z.z + d[i].off;
    size_t np = strlen(p);
    if (seen_has(I, phrase_hash(d[i].kind, p, np))) continue;
    int rc = dict_builder_add(I->b, d[i].kind, p, np, &d[i].code, 1, d[i].flags, NULL, I->path,
                              d[i].line);
    if (rc == ERR_NOMEM) nomem(I);
  }
}

/* ---- codes and dates -------------------------------------------------- */

static int days_in(int y, int m) {
  static const int D[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return D[m - 1];
}

int32_t dict_import_date(const char *s, size_t n) {
  if (n != 6 && n != 8) return -1;
  for (size_t i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return -1;
  int v = 0;
  for (size_t i = 0; i < n - 4; i++) v = v * 10 + (s[i] - '0');
  /* TABARI's pivot (manual 6.5.2 note 1; PETRARCH's dstr_to_ordate agrees) */
  int y = n == 8 ? v : (v <= 30 ? 2000 + v : 1900 + v);
  int m = (s[n - 4] - '0') * 10 + (s[n - 3] - '0'), d = (s[n - 2] - '0') * 10 + (s[n - 1] - '0');
  if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
  /* CountryInfo writes the end of every month as day 31 (040931, 090231):
   * that is the month's last day. */
  if (d > days_in(y, m)) d = days_in(y, m);
  return y * 10000 + m * 100 + d;
}

static const char *blanks(const char *p, const char *end) {
  while (p < end && is_blank(*p)) p++;
  return p;
}

static const char *digits(const char *p, const char *end) {
  while (p < end && *p >= '0' && *p <= '9') p++;
  return p;
}

/* restriction reads the date part of a code block: "" (always), "<D" (up
 * to and including D), ">D" (from D on) or "D1-D2", blanks allowed around
 * '<', '>' and '-'. */
static int restriction(imp *I, const char *s, size_t n, dict_code *c) {
  c->from = DICT_OPEN_FROM;
  c->to = DICT_OPEN_TO;
  trim_span(&s, &n);
  if (!n) return 1;
  const char *end = s + n, *p = s, *d2 = NULL;
  char op = (*p == '<' || *p == '>') ? *p++ : 0;
  const char *d1 = blanks(p, end), *e1 = digits(d1, end), *e2 = NULL;
  p = blanks(e1, end);
  if (!op && p < end && *p == '-') {
    op = '-';
    d2 = blanks(p + 1, end);
    e2 = digits(d2, end);
    p = blanks(e2, end);
  }
  int32_t a = dict_import_date(d1, (size_t)(e1 - d1));
  int32_t b = d2 ? dict_import_date(d2, (size_t)(e2 - d2)) : 0;
  /* CountryInfo writes births before 1931 as YYMMDD ([AFGELI 270101-730717]),
   * which the pivot puts in 2027: a range can only start before it ends. */
  if (op == '-' && a > b && b >= 0 && e1 - d1 == 6 && a >= 20000000) a -= 1000000;
  const char *why = NULL;
  if (p != end) why = "not <DATE, >DATE or DATE-DATE";
  else if (!op) why = "a lone date: <DATE, >DATE or DATE-DATE";
  else if (a < 0 || b < 0) why = "a date is not YYMMDD or YYYYMMDD";
  else if (op == '-' && a > b) why = "the range ends before it starts";
  if (why) {
    bad(I, "bad date restriction '%.*s': %s", clip(s, n), s, why);
    return 0;
  }
  if (op == '<') c->to = a;
  else if (op == '>') c->from = a;
  else c->from = a, c->to = b;
  return 1;
}

/* code_span splits a block's content s[0..n) into the code and the rest.
 * "- - -" is the null code written with blanks, as the TABARI manual prints it. */
static void code_span(const char *s, size_t n, const char **code, size_t *nc, const char **rest,
                      size_t *nr) {
  trim_span(&s, &n);
  if (n >= 5 && !memcmp(s, "- - -", 5)) {
    *code = "---";
    *nc = 3;
    *rest = s + 5;
    *nr = n - 5;
    return;
  }
  size_t k = 0;
  while (k < n && !is_blank(s[k])) k++;
  *code = s;
  *nc = k;
  *rest = s + k;
  *nr = n - k;
}

static int special(const char *c, size_t n) {
  return n == 3 && (!memcmp(c, "---", 3) || !memcmp(c, "###", 3) || !memcmp(c, "+++", 3));
}

static int set_code(imp *I, dict_code *c, const char *s, size_t n) {
  if (n >= DICT_CODE_MAX) {
    bad(I, "code '%.*s' is longer than %d characters", clip(s, n), s, DICT_CODE_MAX - 1);
    return 0;
  }
  memcpy(c->code, s, n);
  c->code[n] = 0;
  return 1;
}

/* actor_part_ok: one code of a block: letters and digits, or a special code. */
static int actor_part_ok(const char *c, size_t n) {
  if (special(c, n)) return 1;
  for (size_t i = 0; i < n; i++)
    if (!is_alnum(c[i])) return 0;
  return n > 0;
}

/* actor_code reads one actor block "CODE[/CODE...] [restriction]" and
 * appends its codes to out; a coded compound (GME/GMW, manual 6.5.1) gives
 * one code per part, all with the block's dates. *dated tells whether the
 * block is date-restricted. */
static int actor_code(imp *I, const char *s, size_t n, buf *out, int *dated) {
  const char *code, *rest;
  size_t nc, nr;
  code_span(s, n, &code, &nc, &rest, &nr);
  if (!nc) {
    bad(I, "empty code block");
    return 0;
  }
  dict_code c;
  if (!restriction(I, rest, nr, &c)) return 0;
  *dated = c.from != DICT_OPEN_FROM || c.to != DICT_OPEN_TO;
  for (size_t i = 0, k;; i = k + 1) {
    for (k = i; k < nc && code[k] != '/'; k++) continue;
    if (!actor_part_ok(code + i, k - i)) {
      bad(I, "bad actor code '%.*s'", clip(code, nc), code);
      return 0;
    }
    if (!set_code(I, &c, code + i, k - i)) return 0;
    buf_add(out, &c, sizeof c);
    if (k == nc) break;
  }
  if (out->oom) return nomem(I);
  return 1;
}

/* verb_code reads a verb or pattern code: CAMEO digits, paired "042:043",
 * subordinate "023?", dominant "100!", ":173", and the special codes. */
static int verb_code(imp *I, const char *s, size_t n, dict_code *c) {
  const char *code, *rest;
  size_t nc, nr;
  code_span(s, n, &code, &nc, &rest, &nr);
  trim_span(&rest, &nr);
  int ok = nc > 0 && nr == 0;
  for (size_t i = 0; ok && i < nc; i++) ok = is_alnum(code[i]) || strchr(":!?+-#", code[i]);
  if (!ok) {
    bad(I, "bad verb code '%.*s'", clip(s, n), s);
    return 0;
  }
  c->from = DICT_OPEN_FROM;
  c->to = DICT_OPEN_TO;
  return set_code(I, c, code, nc);
}

/* agent_code reads "~ROLE" (the role follows the actor's code) or "ROLE~"
 * (it goes first: DICT_F_ROLE_FIRST). */
static int agent_code(imp *I, const char *s, size_t n, dict_code *c, unsigned *flags) {
  trim_span(&s, &n);
  const char *r = s;
  size_t nr = n;
  *flags = 0;
  if (n && s[0] == '~') r++, nr--;
  else if (n && s[n - 1] == '~') nr--, *flags = DICT_F_ROLE_FIRST;
  else {
    bad(I, "agent code '%.*s' without '~' (~ROLE or ROLE~)", clip(s, n), s);
    return 0;
  }
  trim_span(&r, &nr);
  int ok = nr > 0;
  for (size_t i = 0; ok && i < nr; i++) ok = is_alnum(r[i]);
  if (!ok) {
    bad(I, "bad agent code '%.*s'", clip(s, n), s);
    return 0;
  }
  c->from = DICT_OPEN_FROM;
  c->to = DICT_OPEN_TO;
  return set_code(I, c, r, nr);
}

/* one_block finds the only [...] of s, which must end the line: its content
 * in *b, *n, and cuts s before the '['. Returns 1, 0 when s has no block, or
 * -1 when the brackets are wrong (reported). */
static int one_block(imp *I, char *s, const char **b, size_t *n) {
  char *l = strchr(s, '['), *r = strchr(s, ']');
  if (!l && !r) return 0;
  if (!l || (r && r < l)) {
    bad(I, "']' without '['");
    return -1;
  }
  char *l2 = strchr(l + 1, '[');
  if (!r || (l2 && l2 < r)) {
    bad(I, "missing ']'");
    return -1;
  }
  if (strpbrk(r + 1, "[]")) {
    bad(I, "more than one [...] on the line");
    return -1;
  }
  const char *after = skip_blank(r + 1);
  if (*after) {
    bad(I, "text '%.*s' after ']'", clip(after, strlen(after)), after);
    return -1;
  }
  *b = l + 1;
  *n = (size_t)(r - l - 1);
  *l = 0;
  rtrim(s);
  return 1;
}

/* ---- actors ----------------------------------------------------------- */

static void actor_flush(imp *I) {
  actor_block *A = &I->act;
  if (A->open && !A->dead) {
    size_t nc = A->codes.n / sizeof(dict_code);
    const dict_code *c = (const dict_code *)(const void *)A->codes.z;
    int kind = DICT_ACTOR;
    /* A lone undated null or discard code makes a discard (manual 6.2, 6.3;
     * PETRARCH moved [###] phrases to its discards file). */
    if (nc == 1 && c->from == DICT_OPEN_FROM && c->to == DICT_OPEN_TO) {
      if (!strcmp(c->code, "---")) kind = DICT_DISCARD, nc = 0;
      else if (!strcmp(c->code, DICT_IMPORT_DISCARD)) kind = DICT_DISCARD;
    }
    if (!A->codes.n && !A->lost_codes) report(I, A->line, "actor without a [CODE]");
    else
      for (size_t i = 0; i < A->names.n; i++) {
        const char *p = sl_get(&A->names, i);
        add(I, kind, p, strlen(p), c, nc, 0, NULL, sl_line(&A->names, i));
      }
  }
  A->open = A->dead = A->has_default = A->lost_codes = 0;
  sl_clear(&A->names);
  buf_clear(&A->codes);
}

static int actor_name(imp *I, const char *s, size_t n) {
  if (!norm(&I->tmp, s, n)) {
    if (!I->tmp.oom) bad(I, "empty phrase");
    return I->tmp.oom ? nomem(I) : 0;
  }
  if (strpbrk(I->tmp.z, "{}")) {
    bad(I, "'{' or '}' in the phrase '%.*s'", clip(I->tmp.z, I->tmp.n), I->tmp.z);
    return 0;
  }
  if (sl_add(&I->act.names, I->tmp.z, I->tmp.n, I->line)) return nomem(I);
  return 1;
}

/* order_ok: one undated default per actor; in TABARI it must come last
 * ("A code with no date restriction will be used as a default; this must be
 * the final code in the list", manual 6.5.2). PETRARCH puts the default on
 * the first line, before the date lines, so only the count is checked. */
static int order_ok(imp *I, int dated) {
  actor_block *A = &I->act;
  if (!dated && A->has_default) {
    bad(I, "a second undated (default) code");
    return 0;
  }
  if (dated && A->has_default && I->fmt == DICT_IMPORT_TABARI) {
    bad(I, "a date-restricted code after the undated default (the default must come last)");
    return 0;
  }
  if (!dated) A->has_default = 1;
  return 1;
}

/* actor_codes reads every [...] block of s into the open actor; on an error
 * the line adds nothing. */
static int actor_codes(imp *I, const char *s) {
  actor_block *A = &I->act;
  size_t n0 = A->codes.n;
  int def0 = A->has_default;
  for (const char *p = cskip(s); *p; p = cskip(p)) {
    if (*p != '[') {
      if (*p == ']') bad(I, "']' without '['");
      else bad(I, "text '%.*s' where a [CODE] belongs", clip(p, strlen(p)), p);
      goto fail;
    }
    const char *e = strpbrk(p + 1, "[]");
    if (!e || *e == '[') {
      bad(I, "missing ']'");
      goto fail;
    }
    int dated;
    if (!actor_code(I, p + 1, (size_t)(e - p - 1), &A->codes, &dated) || !order_ok(I, dated))
      goto fail;
    p = e + 1;
  }
  return 1;
fail:
  A->codes.n = n0;
  A->has_default = def0;
  return 0;
}

static void actor_primary(imp *I, char *s) {
  actor_flush(I);
  actor_block *A = &I->act;
  A->open = A->dead = 1; /* until the line proves good */
  A->line = I->line;
  char *br = strpbrk(s, "[]");
  size_t np = br ? (size_t)(br - s) : strlen(s);
  if (!actor_name(I, s, np)) return;
  if (br && !actor_codes(I, br)) return;
  A->dead = 0;
}

static void actor_line(imp *I, char *s, int indented) {
  actor_block *A = &I->act;
  int dates = *s == '[' || (indented && *s != '+' && I->fmt == DICT_IMPORT_TABARI);
  if (*s != '+' && !dates) {
    actor_primary(I, s);
    return;
  }
  if (!A->open) {
    bad(I, *s == '+' ? "synonym before any actor" : "date line before any actor");
    return;
  }
  if (A->dead) return;
  if (dates) {
    if (!actor_codes(I, s)) A->lost_codes = 1;
  } else if (strchr(s, '[')) {
    bad(I, "a code on a '+' synonym line (synonyms take the codes of their actor)");
  } else if (strchr(s, ']')) {
    bad(I, "']' without '['");
  } else {
    actor_name(I, s + 1, strlen(s + 1));
  }
}

/* ---- agents ----------------------------------------------------------- */

/* marker_def reads "!NAME! = A, B, C" (PETRARCH agents: a substitution set). */
static void marker_def(imp *I, char *s) {
  char *q = strchr(s + 1, '!');
  char *eq = q ? skip_blank(q + 1) : NULL;
  int ok = q && q > s + 1 && *eq == '=' && q - s - 1 < 64;
  for (char *p = s + 1; ok && p < q; p++) ok = is_alnum(*p) || *p == '_';
  if (!ok) {
    bad(I, "a substitution marker is defined as !NAME! = A, B, ...");
    return;
  }
  buf *M = &I->markers;
  size_t start = M->n, nmem = 0;
  buf_add(M, s + 1, (size_t)(q - s - 1));
  buf_addc(M, 0);
  for (char *item = eq + 1; item;) {
    char *comma = strchr(item, ',');
    const char *t = item;
    size_t n = comma ? (size_t)(comma - item) : strlen(item);
    trim_span(&t, &n);
    if (memchr(t, '!', n)) {
      bad(I, "a marker's members cannot hold markers");
      M->n = start;
      return;
    }
    if (n) buf_add(M, t, n), buf_addc(M, 0), nmem++;
    item = comma ? comma + 1 : NULL;
  }
  buf_addc(M, 0);
  if (M->oom) nomem(I);
  if (!nmem) {
    bad(I, "substitution marker without members");
    M->n = start;
  }
}

/* marker_find returns the members of !name! ("a\0b\0\0"), the last definition. */
static const char *marker_find(const imp *I, const char *name, size_t n) {
  const char *found = NULL;
  for (size_t i = 0; i < I->markers.n;) {
    const char *rec = I->markers.z + i;
    size_t k = strlen(rec);
    const char *m = rec + k + 1;
    if (k == n && !memcmp(rec, name, n)) found = m;
    while (*m) m += strlen(m) + 1;
    i = (size_t)(m + 1 - I->markers.z);
  }
  return found;
}

/* expand puts into out every string s makes when each !NAME! is replaced by
 * each member of NAME. Returns 0 on an error (reported). */
static int expand(imp *I, const char *s, strlist *out, strlist *work) {
  sl_clear(out);
  if (sl_add(out, s, strlen(s), I->line)) return nomem(I);
  for (size_t round = 0; round < 16; round++) {
    int again = 0;
    sl_clear(work);
    for (size_t i = 0; i < out->n; i++) {
      const char *t = sl_get(out, i), *p = strchr(t, '!'), *q = p ? strchr(p + 1, '!') : NULL;
      if (!p) {
        if (sl_add(work, t, strlen(t), I->line)) return nomem(I);
        continue;
      }
      const char *mem = q ? marker_find(I, p + 1, (size_t)(q - p - 1)) : NULL;
      if (!mem) {
        if (q) bad(I, "undefined substitution marker '%.*s'", clip(p, (size_t)(q - p + 1)), p);
        else bad(I, "'!' without its closing '!'");
        return 0;
      }
      for (; *mem; mem += strlen(mem) + 1) {
        buf_clear(&I->tmp2);
        buf_add(&I->tmp2, t, (size_t)(p - t));
        buf_adds(&I->tmp2, mem);
        buf_adds(&I->tmp2, q + 1);
        if (I->tmp2.oom || sl_add(work, I->tmp2.z, I->tmp2.n, I->line)) return nomem(I);
        if (work->n > MAX_EXPANSIONS) {
          bad(I, "substitution markers make more than %d phrases", MAX_EXPANSIONS);
          return 0;
        }
      }
      again = 1;
    }
    strlist x = *out;
    *out = *work;
    *work = x;
    if (!again) return 1;
  }
  bad(I, "substitution markers nested too deep");
  return 0;
}

/* agent_phrases adds s, with its !markers! expanded, as agents. */
static void agent_phrases(imp *I, const char *s, const dict_code *c, unsigned flags) {
  strlist out = {0}, work = {0};
  if (expand(I, s, &out, &work))
    for (size_t i = 0; i < out.n && !I->rc; i++) {
      const char *t = sl_get(&out, i);
      if (!norm(&I->tmp, t, strlen(t))) {
        if (I->tmp.oom) nomem(I);
        else bad(I, "empty phrase");
        continue;
      }
      add(I, DICT_AGENT, I->tmp.z, I->tmp.n, c, 1, flags, NULL, I->line);
    }
  sl_free(&out);
  sl_free(&work);
}

/* agent_plural derives PETRARCH's regular plural: the last word takes -S. */
static void agent_plural(imp *I, const char *s, const dict_code *c, unsigned flags) {
  if (!norm(&I->tmp, s, strlen(s))) return;
  const char *sp = strrchr(I->tmp.z, ' ');
  size_t w = sp ? (size_t)(sp + 1 - I->tmp.z) : 0;
  buf_clear(&I->tmp2);
  buf_add(&I->tmp2, I->tmp.z, w);
  add_s(&I->tmp2, I->tmp.z + w, I->tmp.n - w);
  if (I->tmp2.oom) {
    nomem(I);
    return;
  }
  derive(I, DICT_AGENT, I->tmp2.z, I->tmp2.n, c, flags | DICT_F_PLURAL, I->line);
}

/* agent_line: "PHRASE {PLURAL} [~ROLE]" or "!NAME! = A, B". */
static void agent_line(imp *I, char *s) {
  if (*s == '!' && strchr(s, '=')) {
    marker_def(I, s);
    return;
  }
  const char *cb;
  size_t cn;
  int k = one_block(I, s, &cb, &cn);
  if (k <= 0) {
    if (!k) bad(I, "agent without a [~CODE]");
    return;
  }
  dict_code c;
  unsigned flags;
  if (!agent_code(I, cb, cn, &c, &flags)) return;
  char *lb = strchr(s, '{'), *rb = strchr(s, '}'), *plural = NULL;
  if (lb || rb) {
    if (!lb || !rb || rb < lb || strchr(lb + 1, '{')) {
      bad(I, "unbalanced '{' '}'");
      return;
    }
    if (*skip_blank(rb + 1)) {
      bad(I, "text after the plural in { }");
      return;
    }
    *lb = *rb = 0;
    plural = lb + 1;
  }
  if (strchr(s, '+')) {
    bad(I, "'+' in an agent phrase");
    return;
  }
  if (!norm(&I->tmp, s, strlen(s))) {
    if (I->tmp.oom) nomem(I);
    else bad(I, "empty phrase");
    return;
  }
  agent_phrases(I, s, &c, flags);
  rtrim(s);
  /* PETRARCH derives the plural unless {} says otherwise, the phrase has
   * markers, or it ends in '_' (its "no plural" mark for synonym sets) */
  int derive_plural = !plural && !strchr(s, '!') && s[strlen(s) - 1] != '_';
  if (plural && *skip_blank(plural)) agent_phrases(I, plural, &c, flags | DICT_F_PLURAL);
  else if (derive_plural && I->fmt == DICT_IMPORT_PETRARCH) agent_plural(I, s, &c, flags);
}

/* ---- discards (PETRARCH) ---------------------------------------------- */

static void discard_line(imp *I, char *s) {
  int story = *s == '+';
  if (story) s++;
  if (strpbrk(s, "[]{}")) {
    bad(I, "a discard line holds only a phrase");
    return;
  }
  if (!norm(&I->tmp, s, strlen(s))) {
    if (I->tmp.oom) nomem(I);
    else bad(I, "empty phrase");
    return;
  }
  dict_code c = {{0}, DICT_OPEN_FROM, DICT_OPEN_TO};
  strcpy(c.code, story ? DICT_IMPORT_DISCARD_STORY : DICT_IMPORT_DISCARD);
  add(I, DICT_DISCARD, I->tmp.z, I->tmp.n, &c, 1, 0, NULL, I->line);
}

/* ---- synonym sets ----------------------------------------------------- */

static void syn_flush(imp *I) {
  synset *S = &I->syn;
  if (S->open && !S->dead) {
    if (!S->members.n) {
      report(I, S->line, "synonym set &%s has no members", S->name);
    } else {
      const char **m = malloc(S->members.n * sizeof *m);
      if (!m) {
        nomem(I);
      } else {
        for (size_t i = 0; i < S->members.n; i++) m[i] = sl_get(&S->members, i);
        if (dict_builder_set(I->b, S->name, m, S->members.n)) nomem(I);
        free(m);
      }
    }
  }
  S->open = S->dead = 0;
  sl_clear(&S->members);
}

/* syn_start reads "&NAME"; PETRARCH: a final '_' means "no plurals" and is
 * not part of the name (patterns say &PREPOSIT1 for &PREPOSIT1_). */
static void syn_start(imp *I, char *s) {
  syn_flush(I);
  synset *S = &I->syn;
  S->open = S->dead = 1;
  S->line = I->line;
  size_t n = strlen(s + 1);
  S->noplural = n && s[n] == '_';
  while (n && s[n] == '_') n--;
  int ok = n > 0 && n < sizeof S->name;
  for (size_t i = 1; ok && i <= n; i++) ok = is_alnum(s[i]) || s[i] == '_';
  if (!ok) {
    bad(I, "bad synonym set name '%.*s'", clip(s, strlen(s)), s);
    return;
  }
  memcpy(S->name, s + 1, n);
  S->name[n] = 0;
  S->dead = 0;
}

static void syn_member(imp *I, const char *s) {
  synset *S = &I->syn;
  if (!S->open) {
    bad(I, "'+' line outside a synonym set");
    return;
  }
  if (S->dead) return;
  if (strpbrk(s, "[]{}")) {
    bad(I, "a synonym set member holds only a phrase");
    return;
  }
  size_t n = strlen(s);
  int exact = n && s[n - 1] == '_';
  if (!norm(&I->tmp, s, n)) {
    if (I->tmp.oom) nomem(I);
    else bad(I, "empty member");
    return;
  }
  if (sl_add(&S->members, I->tmp.z, I->tmp.n, I->line)) {
    nomem(I);
    return;
  }
  if (I->fmt != DICT_IMPORT_PETRARCH || S->noplural || exact || strchr(I->tmp.z, '&')) return;
  const char *sp = strrchr(I->tmp.z, ' ');
  size_t w = sp ? (size_t)(sp + 1 - I->tmp.z) : 0;
  buf_clear(&I->tmp2);
  buf_add(&I->tmp2, I->tmp.z, w);
  add_s(&I->tmp2, I->tmp.z + w, I->tmp.n - w);
  if (I->tmp2.oom || sl_add(&S->members, I->tmp2.z, I->tmp2.n, I->line)) nomem(I);
}

/* ---- verbs ------------------------------------------------------------ */

/* verb_flush adds the head verb's own entry after its patterns, so that the
 * builder's "later entry wins" resolves the phrase to the head. */
static void verb_flush(imp *I) {
  verb_block *V = &I->vb;
  if (V->open && !V->dead && V->head.n)
    add(I, DICT_VERB, V->head.z, V->head.n, &V->head_code, 1, 0, NULL, V->head_line);
  V->open = V->dead = 0;
  buf_clear(&V->head);
  V->npatterns = 0;
}

static void set_head(imp *I, const char *phrase, size_t n, const dict_code *c) {
  verb_block *V = &I->vb;
  buf_clear(&V->head);
  buf_add(&V->head, phrase, n);
  buf_addc(&V->head, 0);
  if (V->head.oom) {
    nomem(I);
    return;
  }
  V->head.n--;
  V->head_code = *c;
  V->head_line = I->line;
}

static void verb_pattern(imp *I, char *s) {
  verb_block *V = &I->vb;
  if (V->dead) return;
  if (!V->head.n) {
    bad(I, "pattern before any verb");
    return;
  }
  buf_clear(&I->tmp2);
  buf_adds(&I->tmp2, s); /* the pattern as written; one_block cuts s */
  if (I->tmp2.oom) {
    nomem(I);
    return;
  }
  const char *cb;
  size_t cn;
  int k = one_block(I, s, &cb, &cn);
  dict_code c;
  if (k <= 0) {
    if (!k) bad(I, "pattern without a [CODE]");
  } else if (!strchr(s, '*')) {
    bad(I, "pattern without the verb marker '*'");
  } else if (verb_code(I, cb, cn, &c)) {
    const char *pattern = dict_builder_intern(I->b, I->tmp2.z, I->tmp2.n);
    if (!pattern) {
      nomem(I);
      return;
    }
    add(I, DICT_VERB, V->head.z, V->head.n, &c, 1, 0, pattern, I->line);
    V->npatterns++;
  }
}

/* tabari_head reads "VERB [CODE]": a new verb, whose patterns follow. */
static void tabari_head(imp *I, char *s) {
  verb_flush(I);
  verb_block *V = &I->vb;
  V->open = V->dead = 1;
  const char *cb;
  size_t cn;
  int k = one_block(I, s, &cb, &cn);
  dict_code c;
  if (k <= 0) {
    if (!k) bad(I, "verb without a [CODE]");
    return;
  }
  if (!verb_code(I, cb, cn, &c)) return;
  if (strpbrk(s, "*{}")) {
    bad(I, "'*', '{' or '}' in the verb '%.*s' (a pattern starts with '-')", clip(s, strlen(s)), s);
    return;
  }
  if (!norm(&I->tmp, s, strlen(s))) {
    if (I->tmp.oom) nomem(I);
    else bad(I, "empty verb");
    return;
  }
  set_head(I, I->tmp.z, I->tmp.n, &c);
  V->dead = 0;
}

/* tabari_forms reads "{ BROKE_ BROKEN_ }", the irregular forms of the verb
 * just read (manual 5.5.1); they share its code and patterns. */
static void tabari_forms(imp *I, char *s) {
  verb_block *V = &I->vb;
  if (!V->open) {
    bad(I, "verb forms before any verb");
    return;
  }
  if (V->dead) return;
  char *r = strchr(s, '}');
  if (!r || strchr(s + 1, '{')) {
    bad(I, r ? "unbalanced '{' '}'" : "missing '}'");
    return;
  }
  if (*skip_blank(r + 1) || V->npatterns) {
    bad(I, V->npatterns ? "verb forms after patterns (they follow their verb)" : "text after '}'");
    return;
  }
  *r = 0;
  size_t nforms = 0;
  for (char *p = skip_blank(s + 1); *p && !I->rc; p = skip_blank(p)) {
    char *e = p;
    while (*e && !is_blank(*e)) e++;
    if (norm(&I->tmp, p, (size_t)(e - p))) {
      add(I, DICT_VERB, I->tmp.z, I->tmp.n, &V->head_code, 1, 0, NULL, I->line);
      nforms++;
    }
    p = e;
  }
  if (!nforms && !I->rc) bad(I, "no verb forms inside { }");
}

static void tabari_verb_line(imp *I, char *s, int indented) {
  if (I->syn.open && *s != '+') syn_flush(I);
  if (indented && *s != '+') {
    bad(I, "line starts with a blank (patterns start with '-', verb forms with '{')");
    return;
  }
  switch (*s) {
  case '&': syn_start(I, s); break;
  case '+': syn_member(I, s + 1); break;
  case '{': tabari_forms(I, s); break;
  case '-': verb_pattern(I, s); break;
  case '~': bad(I, "unexpected '~' line"); break;
  default: tabari_head(I, s); break;
  }
}

/* petr_block reads "--- NAME [CODE] ---", the start of a block of synonym
 * verbs; CODE (default "---") is the code of its verbs that have none. */
static void petr_block(imp *I, char *s) {
  verb_flush(I);
  verb_block *V = &I->vb;
  V->open = 1;
  strcpy(V->bcode, "---");
  char *t = s + 3;
  size_t n = strlen(t);
  while (n && (t[n - 1] == '-' || is_blank(t[n - 1]))) n--;
  t[n] = 0;
  const char *cb;
  size_t cn;
  dict_code c;
  int k = one_block(I, t, &cb, &cn);
  if (k < 0 || (k > 0 && !verb_code(I, cb, cn, &c))) V->dead = 1;
  else if (k > 0) strcpy(V->bcode, c.code);
}

/* petr_inflected derives the -S, -ED, -ING forms of a verb line written
 * without {...}: of the word after '+' in a multi-word verb. */
static void petr_inflected(imp *I, const char *v, const dict_code *c) {
  const char *p = strchr(v, '+');
  const char *w = p ? p + 1 : v, *e = w;
  while (*e && *e != '_') e++;
  for (int form = 0; form < 3 && !I->rc; form++) {
    buf_clear(&I->tmp2);
    buf_add(&I->tmp2, v, (size_t)(w - v));
    inflect(&I->tmp2, w, (size_t)(e - w), form);
    buf_adds(&I->tmp2, e);
    if (I->tmp2.oom) {
      nomem(I);
      return;
    }
    for (size_t i = 0; i < I->tmp2.n; i++)
      if (I->tmp2.z[i] == '+') I->tmp2.z[i] = '_';
    if (norm(&I->tmp, I->tmp2.z, I->tmp2.n)) derive(I, DICT_VERB, I->tmp.z, I->tmp.n, c, 0, I->line);
  }
}

/* petr_verb_ok checks one verb word: "SAY", "+BEEF_UP", "WIRE_+TAP". */
static int petr_verb_ok(imp *I, const char *v) {
  size_t nplus = 0;
  for (const char *p = v; *p; p++)
    if (*p == '+') {
      nplus++;
      if (p > v && p[-1] != '_') nplus = 99;
    }
  if (strchr(v, '_') ? nplus == 1 : nplus <= 1) return 1;
  bad(I, "a multi-word verb has one '+' before its verb word ('%.*s')", clip(v, strlen(v)), v);
  return 0;
}

/* petr_add_verb adds the verb v (or, the first of its block, makes it the
 * head that the block's patterns key on). */
static void petr_add_verb(imp *I, const char *v, size_t n, const dict_code *c) {
  buf_clear(&I->tmp2);
  for (size_t i = 0; i < n; i++)
    if (v[i] != '+') buf_addc(&I->tmp2, v[i]);
  if (I->tmp2.oom) {
    nomem(I);
    return;
  }
  if (!norm(&I->tmp, I->tmp2.z, I->tmp2.n)) return;
  if (I->vb.head.n) add(I, DICT_VERB, I->tmp.z, I->tmp.n, c, 1, 0, NULL, I->line);
  else set_head(I, I->tmp.z, I->tmp.n, c);
}

/* petr_verb reads "VERB {FORMS} [CODE]" inside a block. */
static void petr_verb(imp *I, char *s) {
  verb_block *V = &I->vb;
  if (!V->open) {
    bad(I, "verb before any '--- NAME [CODE] ---' line");
    return;
  }
  if (V->dead) return;
  const char *cb;
  size_t cn;
  dict_code c = {{0}, DICT_OPEN_FROM, DICT_OPEN_TO};
  int k = one_block(I, s, &cb, &cn);
  if (k < 0 || (k > 0 && !verb_code(I, cb, cn, &c))) return;
  if (!k) strcpy(c.code, V->bcode);
  char *lb = strchr(s, '{'), *rb = strchr(s, '}'), *forms = NULL;
  if (lb || rb) {
    if (!lb || !rb || rb < lb || strchr(lb + 1, '{')) {
      bad(I, "unbalanced '{' '}'");
      return;
    }
    if (*skip_blank(rb + 1)) {
      bad(I, "text '%.*s' after the verb forms", clip(rb + 1, strlen(rb + 1)), rb + 1);
      return;
    }
    *lb = *rb = 0;
    forms = lb + 1;
    rtrim(s);
  }
  if (strpbrk(s, " \t*")) {
    bad(I, "a verb line holds one verb, its words joined by '_' ('%.*s')", clip(s, strlen(s)), s);
    return;
  }
  if (!petr_verb_ok(I, s)) return;
  petr_add_verb(I, s, strlen(s), &c);
  for (char *p = forms ? skip_blank(forms) : NULL; p && *p && !I->rc; p = skip_blank(p)) {
    char *e = p;
    while (*e && !is_blank(*e)) e++;
    petr_add_verb(I, p, (size_t)(e - p), &c);
    p = e;
  }
  if (!forms) petr_inflected(I, s, &c);
}

static void petr_verb_line(imp *I, char *s) {
  if (I->syn.open && *s != '+') syn_flush(I);
  if (!strncmp(s, "---", 3)) {
    petr_block(I, s);
    return;
  }
  switch (*s) {
  case '&': syn_start(I, s); return;
  case '+':
    if (!I->syn.open) break; /* else a multi-word verb: +BEEF_UP */
    syn_member(I, s + 1);
    return;
  case '-': verb_pattern(I, s); return;
  case '~': return; /* a transformation ("~ a (a b X) SAY = a b 015"): not an entry */
  }
  petr_verb(I, s);
}

/* ---- sections, comments, lines ---------------------------------------- */

static void flush_all(imp *I) {
  actor_flush(I);
  verb_flush(I);
  syn_flush(I);
}

/* section_kind: 1 for a section whose lines are imported, 2 for one that is
 * skipped, 0 for an unknown name. */
static int section_kind(const char *name) {
  static const char *const KEEP[] = {"SYNSET", "SYNSETS", NULL};
  static const char *const SKIP[] = {"NOUN",  "NOUNS",  "ADJECTIVE", "ADJECTIVES", "ADJ",
                                     "TIME",  "ATTRIB", "ATTRIBUTION", NULL};
  for (int i = 0; KEEP[i]; i++)
    if (!strcasecmp(name, KEEP[i])) return 1;
  for (int i = 0; SKIP[i]; i++)
    if (!strcasecmp(name, SKIP[i])) return 2;
  return 0;
}

/* section_tag handles "<NAME>" and "</NAME>" lines. */
static void section_tag(imp *I, const char *s) {
  int close = s[1] == '/';
  const char *nm = s + 1 + close;
  size_t k = 0;
  while ((nm[k] >= 'A' && nm[k] <= 'Z') || (nm[k] >= 'a' && nm[k] <= 'z')) k++;
  char name[16];
  int ok = k && k < sizeof name && nm[k] == '>' && !*cskip(nm + k + 1);
  if (ok) memcpy(name, nm, k), name[k] = 0;
  if (I->skipping) {
    if (ok && close && !strcasecmp(name, I->section)) I->skipping = 0, I->section[0] = 0;
    return;
  }
  if (!ok) {
    bad(I, "malformed section tag '%.*s'", clip(s, strlen(s)), s);
    return;
  }
  flush_all(I);
  if (close) {
    if (strcasecmp(name, I->section)) bad(I, "</%s> without <%s>", name, name);
    else I->section[0] = 0;
    return;
  }
  int sk = section_kind(name);
  if (!sk) {
    bad(I, "unknown section <%s>", name);
    return;
  }
  if (I->section[0]) report(I, I->section_line, "<%s> is not closed", I->section);
  strcpy(I->section, name);
  I->section_line = I->line;
  I->skipping = sk == 2;
}

/* cut_at ends s at the first c outside [...] (';' in TABARI, '#' in
 * PETRARCH: "[###]" is a code, not a comment). */
static void cut_at(char *s, char c) {
  int depth = 0;
  for (char *p = s; *p; p++) {
    if (*p == '[') depth++;
    else if (*p == ']' && depth) depth--;
    else if (*p == c && !depth) {
      *p = 0;
      return;
    }
  }
}

/* strip_xml removes <!-- ... --> comments, which may span lines. */
static void strip_xml(imp *I, char *s) {
  char *o = s, *p = s;
  while (*p) {
    if (I->in_xml) {
      char *e = strstr(p, "-->");
      if (!e) break;
      p = e + 3;
      I->in_xml = 0;
      continue;
    }
    char *b = strstr(p, "<!--");
    size_t k = b ? (size_t)(b - p) : strlen(p);
    memmove(o, p, k);
    o += k;
    if (!b) break;
    p = b + 4;
    I->in_xml = 1;
    I->xml_line = I->line;
  }
  *o = 0;
}

/* strip_comments removes the comments from s; returns s's first non-blank. */
static char *strip_comments(imp *I, char *s) {
  if (I->fmt == DICT_IMPORT_PETRARCH) {
    strip_xml(I, s);
    char *t = skip_blank(s);
    if (*t == '#' || !strncmp(t, "<!", 2)) return t + strlen(t);
    cut_at(t, '#');
  } else {
    char *t = skip_blank(s);
    if (*t == '#' || *t == '/') return t + strlen(t);
    cut_at(t, ';');
  }
  rtrim(s);
  return skip_blank(s);
}

/* lost: a line was skipped unread (a control byte). If it began an entry,
 * the entry's other lines must not join the entry before it. */
static void lost(imp *I, const char *raw, size_t n) {
  if (I->fmt == DICT_IMPORT_PETRARCH) {
    /* keep track of <!-- --> across it, and inside one nothing is lost */
    int was = I->in_xml;
    for (size_t i = 0; i + 3 <= n; i++) {
      if (!I->in_xml && i + 4 <= n && !memcmp(raw + i, "<!--", 4))
        I->in_xml = 1, I->xml_line = I->line, i += 3;
      else if (I->in_xml && !memcmp(raw + i, "-->", 3)) I->in_xml = 0, i += 2;
    }
    if (was) return;
  }
  size_t i = 0;
  while (i < n && is_blank(raw[i])) i++;
  char c0 = i < n ? raw[i] : 0;
  int indented = i > 0;
  if (!c0 || strchr("#/;<", c0)) return;
  if (I->kind == DICT_ACTOR) {
    if (c0 == '+' || c0 == '[' || (indented && I->fmt == DICT_IMPORT_TABARI)) return;
    actor_flush(I);
    I->act.open = I->act.dead = 1;
  } else if (I->kind == DICT_VERB) {
    if (c0 == '&') {
      syn_flush(I);
      I->syn.open = I->syn.dead = 1;
    } else if (c0 == '-' && n - i >= 3 && !memcmp(raw + i, "---", 3)) {
      verb_flush(I);
      I->vb.open = I->vb.dead = 1;
    } else if (I->fmt == DICT_IMPORT_TABARI && !strchr("-{+~", c0) && !indented) {
      verb_flush(I);
      I->vb.open = I->vb.dead = 1;
    }
  }
}

/* control_at finds a NUL or another control byte (tab aside) in s. */
static int control_at(const char *s, size_t n, size_t *at) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      *at = i;
      return 1;
    }
  }
  return 0;
}

/* cp1252 maps a byte that is not UTF-8 to its Windows-1252 character. */
static int32_t cp1252(unsigned char c) {
  static const uint16_t C1[32] = {
      0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
  return c >= 0x80 && c < 0xA0 ? C1[c - 0x80] : c;
}

/* to_utf8 copies s[0..n) into I->ln, keeping valid UTF-8 and reading any
 * other byte as Windows-1252 (Latin-1 with printable 0x80-0x9F). */
static int to_utf8(imp *I, const char *s, size_t n) {
  buf *o = &I->ln;
  buf_clear(o);
  if (n > (SIZE_MAX - 1) / 3 || buf_reserve(o, n * 3 + 1)) return nomem(I);
  for (size_t i = 0; i < n;) {
    size_t k = utf8_valid_len((const unsigned char *)s + i, n - i);
    if (k) {
      memcpy(o->z + o->n, s + i, k);
      o->n += k;
      i += k;
    } else {
      o->n += utf8_encode(cp1252((unsigned char)s[i]), o->z + o->n);
      i++;
    }
  }
  o->z[o->n] = 0;
  return 1;
}

static int is_finish(const char *s) {
  while (*s == '~') s++;
  return !strncmp(s, "FINISH", 6);
}

static void one_line(imp *I, const char *raw, size_t n) {
  size_t at;
  if (control_at(raw, n, &at)) {
    bad(I, "control character 0x%02X in column %zu; line skipped", (unsigned char)raw[at], at + 1);
    lost(I, raw, n);
    return;
  }
  if (!to_utf8(I, raw, n)) return;
  char *s = I->ln.z;
  int indented = is_blank(*s);
  s = strip_comments(I, s);
  if (!*s) return;
  if (*s == '<') {
    section_tag(I, s);
    return;
  }
  if (I->skipping) return;
  if (*s == '~' && I->fmt == DICT_IMPORT_TABARI && is_finish(s)) {
    I->finished = 1; /* manual 5.2: lines after ~FINISH are not read */
    return;
  }
  switch (I->kind) {
  case DICT_ACTOR: actor_line(I, s, indented); break;
  case DICT_AGENT: agent_line(I, s); break;
  case DICT_DISCARD: discard_line(I, s); break;
  case DICT_VERB:
    if (I->fmt == DICT_IMPORT_TABARI) tabari_verb_line(I, s, indented);
    else petr_verb_line(I, s);
    break;
  }
}

/* next_line finds the line at *pos, without its end ("\n", "\r\n" or a lone
 * "\r": the manual warns of files saved with Mac line ends). */
static int next_line(const char *z, size_t n, size_t *pos, const char **s, size_t *len) {
  if (*pos >= n) return 0;
  size_t i = *pos;
  while (i < n && z[i] != '\n' && z[i] != '\r') i++;
  *s = z + *pos;
  *len = i - *pos;
  if (i + 1 < n && z[i] == '\r' && z[i + 1] == '\n') i++;
  *pos = i < n ? i + 1 : n;
  return 1;
}

/* ---- the kind of a file ----------------------------------------------- */

static int kind_by_name(const char *path) {
  static const struct {
    const char *needle;
    int kind;
  } NAMES[] = {
      {".actors", DICT_ACTOR}, {".agents", DICT_AGENT}, {".verbs", DICT_VERB},
      {".discards", DICT_DISCARD}, {".options", 0}, {".project", 0}, {".text", 0},
      {".ini", 0}, {".xml", 0}, {".json", 0}, {".rst", 0}, {"issue", 0}, {"preposition", 0},
      {"option", 0}, {"config", 0}, {"actor", DICT_ACTOR}, {"agent", DICT_AGENT},
      {"discard", DICT_DISCARD}, {"verb", DICT_VERB},
  };
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  char low[256];
  size_t n = 0;
  for (; base[n] && n < sizeof low - 1; n++) low[n] = (char)(base[n] | (is_upper(base[n]) ? 0x20 : 0));
  low[n] = 0;
  for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++)
    if (strstr(low, NAMES[i].needle)) return NAMES[i].kind;
  return -1;
}

typedef struct signals {
  size_t verb, agent, coded, plain, other;
} signals;

static void sniff_line(const char *s, size_t n, signals *g) {
  while (n && is_blank(*s)) s++, n--;
  if (!n || *s == '#' || *s == ';' || *s == '/' || (n >= 2 && !memcmp(s, "<!", 2))) return;
  static const char *const OTHER[] = {"<ISSUE", "SET:", "LABEL:", "COMPLEX:", "DEFAULT:",
                                      "FORWARD:", "<actorsfile>", "<textfile>", "[Dictionaries]",
                                      "[Options]", NULL};
  for (int i = 0; OTHER[i]; i++)
    if (n >= strlen(OTHER[i]) && !memcmp(s, OTHER[i], strlen(OTHER[i]))) {
      g->other++;
      return;
    }
  if (*s == '<') return; /* a section tag says nothing of the kind */
  int br = memchr(s, '[', n) != NULL;
  if ((*s == '-' && memchr(s, '*', n)) || (n > 3 && !memcmp(s, "---", 3) && br)) g->verb++;
  else if ((*s == '!' && memchr(s, '=', n)) || memmem(s, n, "[~", 2) || memmem(s, n, "~]", 2))
    g->agent++;
  else if (br) g->coded++;
  else g->plain++;
}

int dict_import_kind(int format, const char *path, const char *z, size_t n) {
  int k = kind_by_name(path ? path : "");
  if (k >= 0) return k;
  signals g = {0};
  const char *s;
  size_t len, pos = 0;
  while (z && next_line(z, n, &pos, &s, &len)) sniff_line(s, len, &g);
  if (g.other) return 0;
  if (g.verb && g.verb * 4 >= g.coded) return DICT_VERB;
  if (g.agent && g.agent * 2 >= g.coded) return DICT_AGENT;
  if (g.coded) return DICT_ACTOR;
  if (g.plain) return format == DICT_IMPORT_PETRARCH ? DICT_DISCARD : -1;
  return 0;
}

/* ---- the importers ---------------------------------------------------- */

/* slurp reads the whole file: lines may be of any length. On failure *err
 * is the errno to report. */
static int slurp(const char *path, buf *out, int *err) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    *err = errno;
    return errno == ENOMEM ? ERR_NOMEM : ERR_NOTFOUND;
  }
  int rc = ERR_OK;
  for (;;) {
    if (buf_reserve(out, 1 << 16)) {
      rc = ERR_NOMEM;
      break;
    }
    size_t k = fread(out->z + out->n, 1, out->cap - out->n - 1, f);
    out->n += k;
    if (!k) {
      if (ferror(f)) rc = ERR_IO, *err = errno ? errno : EIO;
      break;
    }
  }
  fclose(f);
  return rc;
}

static void imp_free(imp *I) {
  buf_free(&I->ln);
  buf_free(&I->tmp);
  buf_free(&I->tmp2);
  sl_free(&I->act.names);
  buf_free(&I->act.codes);
  buf_free(&I->vb.head);
  sl_free(&I->syn.members);
  buf_free(&I->markers);
  buf_free(&I->derived);
  buf_free(&I->derived_z);
  free(I->seen);
}

static void run(imp *I, const char *z, size_t n) {
  size_t pos = n >= 3 && !memcmp(z, "\xEF\xBB\xBF", 3) ? 3 : 0; /* a UTF-8 BOM */
  const char *s;
  size_t len;
  while (!I->rc && !I->finished && next_line(z, n, &pos, &s, &len)) {
    I->line++;
    one_line(I, s, len);
  }
  if (I->rc) return;
  flush_all(I);
  if (I->section[0]) report(I, I->section_line, "<%s> is not closed", I->section);
  if (I->in_xml) report(I, I->xml_line, "<!-- comment is not closed");
  add_derived(I);
}

static int import(dict_builder *b, const char *path, int fmt) {
  buf file;
  buf_init(&file);
  int err = 0;
  int rc = slurp(path, &file, &err);
  if (rc == ERR_NOTFOUND || rc == ERR_IO) {
    dict_builder_report(b, path, 0, "cannot %s: %s", rc == ERR_IO ? "read" : "open",
                        strerror(err));
    buf_free(&file);
    return ERR_NOTFOUND;
  }
  imp I;
  memset(&I, 0, sizeof I);
  I.b = b;
  I.fmt = fmt;
  I.path = rc ? NULL : dict_builder_intern(b, path, strlen(path));
  if (!I.path) rc = ERR_NOMEM;
  if (!rc) {
    I.kind = dict_import_kind(fmt, path, file.z, file.n);
    if (I.kind < 0)
      report(&I, 0, "neither the name nor the content tells the kind of dictionary; skipped");
    else if (I.kind > 0) run(&I, file.z, file.n);
    rc = I.rc;
  }
  imp_free(&I);
  buf_free(&file);
  return rc;
}

int dict_import_tabari(dict_builder *b, const char *path) {
  return import(b, path ? path : "", DICT_IMPORT_TABARI);
}

int dict_import_petrarch(dict_builder *b, const char *path) {
  return import(b, path ? path : "", DICT_IMPORT_PETRARCH);
}
