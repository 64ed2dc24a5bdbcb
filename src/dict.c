#include "dict.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "err.h"
#include "utf8.h"

#define NONE UINT32_MAX
#define KEY_MAX 256
#define MAX_INCLUDE_DEPTH 16

/* ---- growable arrays (malloc) ----------------------------------------- */

static int grow(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap) return ERR_OK;
  size_t ncap = *cap ? *cap : 64;
  while (ncap < need) ncap *= 2;
  void *q = realloc(*p, ncap * size);
  if (!q) return ERR_NOMEM;
  *p = q;
  *cap = ncap;
  return ERR_OK;
}

/* ---- the builder ------------------------------------------------------ */

typedef struct pending {
  dict_entry e;
  size_t code0; /* index of the first code in b->codes */
} pending;

typedef struct dset {
  const char *name;
  const char *const *members;
  size_t n;
} dset;

struct dict_builder {
  arena strings; /* every string and code array, handed to the dict */
  pending *ents;
  size_t nents, cap_ents;
  dict_code *codes;
  size_t ncodes, cap_codes;
  dset *sets;
  size_t nsets, cap_sets;
  char **errors;
  size_t nerrors, cap_errors;
  int depth; /* !include nesting */
  const char *wordnet; /* verb.exc path */
};

int dict_builder_new(dict_builder **out) {
  dict_builder *b = calloc(1, sizeof *b);
  if (!b) return ERR_NOMEM;
  arena_init(&b->strings, 1 << 20);
  *out = b;
  return ERR_OK;
}

void dict_builder_wordnet(dict_builder *b, const char *verb_exc) { b->wordnet = verb_exc; }

void dict_builder_free(dict_builder *b) {
  if (!b) return;
  arena_free(&b->strings);
  free(b->ents);
  free(b->codes);
  free(b->sets);
  for (size_t i = 0; i < b->nerrors; i++) free(b->errors[i]);
  free(b->errors);
  free(b);
}

const char *dict_builder_intern(dict_builder *b, const char *z, size_t n) {
  return arena_strndup(&b->strings, z, n);
}

void dict_builder_report(dict_builder *b, const char *source, uint32_t line, const char *fmt, ...) {
  char msg[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  char *m = malloc(strlen(source) + strlen(msg) + 24);
  if (!m || grow((void **)&b->errors, &b->cap_errors, b->nerrors + 1, sizeof *b->errors)) {
    free(m);
    return;
  }
  sprintf(m, "%s:%u: %s", source, line, msg);
  b->errors[b->nerrors++] = m;
}

const char *const *dict_builder_errors(const dict_builder *b, size_t *n) {
  *n = b->nerrors;
  return (const char *const *)b->errors;
}

int dict_builder_add(dict_builder *b, int kind, const char *phrase, size_t n,
                     const dict_code *codes, size_t ncodes, unsigned flags, const char *pattern,
                     const char *source, uint32_t line) {
  while (n && (phrase[0] == ' ' || phrase[0] == '\t')) phrase++, n--;
  while (n && (phrase[n - 1] == ' ' || phrase[n - 1] == '\t')) n--;
  if (!n) return ERR_PARSE;
  if (grow((void **)&b->ents, &b->cap_ents, b->nents + 1, sizeof *b->ents) ||
      grow((void **)&b->codes, &b->cap_codes, b->ncodes + ncodes, sizeof *b->codes))
    return ERR_NOMEM;
  pending *p = &b->ents[b->nents];
  memset(p, 0, sizeof *p);
  p->e.kind = (uint8_t)kind;
  p->e.flags = (uint16_t)flags;
  p->e.ncodes = (uint32_t)ncodes;
  p->e.phrase = dict_builder_intern(b, phrase, n);
  p->e.pattern = pattern;
  p->e.source = source;
  p->e.line = line;
  p->code0 = b->ncodes;
  if (!p->e.phrase) return ERR_NOMEM;
  if (ncodes) memcpy(b->codes + b->ncodes, codes, ncodes * sizeof *codes);
  b->ncodes += ncodes;
  b->nents++;
  return ERR_OK;
}

int dict_builder_set(dict_builder *b, const char *name, const char *const *members, size_t n) {
  if (grow((void **)&b->sets, &b->cap_sets, b->nsets + 1, sizeof *b->sets)) return ERR_NOMEM;
  const char **m = arena_alloc(&b->strings, (n ? n : 1) * sizeof *m);
  const char *nm = dict_builder_intern(b, name, strlen(name));
  if (!m || !nm) return ERR_NOMEM;
  for (size_t i = 0; i < n; i++)
    if (!(m[i] = dict_builder_intern(b, members[i], strlen(members[i])))) return ERR_NOMEM;
  b->sets[b->nsets++] = (dset){nm, m, n};
  return ERR_OK;
}

/* ---- dates ------------------------------------------------------------ */

int32_t dict_date(const char *s, size_t n, int from) {
  int v[3] = {0, 0, 0}, k = 0, digits = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] >= '0' && s[i] <= '9') {
      if (++digits > (k == 0 ? 4 : 2)) return -1;
      v[k] = v[k] * 10 + (s[i] - '0');
    } else if (s[i] == '-' && digits && k < 2) {
      if (k == 0 && digits != 4) return -1; /* a four-digit year */
      k++;
      digits = 0;
    } else {
      return -1;
    }
  }
  if (!digits || (k == 0 && digits != 4)) return -1;
  int y = v[0], m = k >= 1 ? v[1] : (from ? 1 : 12), d = k >= 2 ? v[2] : (from ? 1 : 31);
  if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
  return y * 10000 + m * 100 + d;
}

/* ---- dyad's own format ------------------------------------------------ */

typedef struct src {
  dict_builder *b;
  const char *path; /* interned */
  uint32_t line;
  int kind;
} src;

static char *trim(char *s) {
  while (*s == ' ' || *s == '\t') s++;
  char *e = s + strlen(s);
  while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
  *e = 0;
  return s;
}

/* strip_comment cuts the line at an unescaped '#' and removes the escapes. */
static void strip_comment(char *s) {
  char *o = s;
  for (char *p = s; *p; p++) {
    if (*p == '\\' && p[1] == '#') {
      *o++ = '#';
      p++;
    } else if (*p == '#') {
      break;
    } else {
      *o++ = *p;
    }
  }
  *o = 0;
}

static int kind_of(const char *w) {
  if (!strcmp(w, "actors")) return DICT_ACTOR;
  if (!strcmp(w, "agents")) return DICT_AGENT;
  if (!strcmp(w, "discards")) return DICT_DISCARD;
  if (!strcmp(w, "verbs")) return DICT_VERB;
  return 0;
}

static unsigned flag_of(const char *w, size_t n) {
  static const struct {
    const char *name;
    unsigned flag;
  } F[] = {{"capital", DICT_F_CAPITAL}, {"demonym", DICT_F_DEMONYM}, {"person", DICT_F_PERSON},
           {"igo", DICT_F_IGO},         {"ngo", DICT_F_NGO},         {"media", DICT_F_MEDIA},
           {"company", DICT_F_COMPANY}, {"plural", DICT_F_PLURAL},   {"role-first", DICT_F_ROLE_FIRST},
           {"case", DICT_F_CASE},       {"place", DICT_F_PLACE}};
  for (size_t i = 0; i < sizeof F / sizeof *F; i++)
    if (strlen(F[i].name) == n && !memcmp(F[i].name, w, n)) return F[i].flag;
  return 0;
}

static int valid_code(const char *c) {
  size_t n = strlen(c);
  if (!n || n >= DICT_CODE_MAX) return 0;
  for (size_t i = 0; i < n; i++)
    if (!((c[i] >= 'A' && c[i] <= 'Z') || (c[i] >= '0' && c[i] <= '9'))) return 0;
  return 1;
}

/* parse_flags takes every {flag} out of s; returns 0 on an unknown flag. */
static int parse_flags(src *S, char *s, unsigned *flags) {
  char *p;
  while ((p = strchr(s, '{'))) {
    char *q = strchr(p, '}');
    if (!q) {
      dict_builder_report(S->b, S->path, S->line, "'{' without '}'");
      return 0;
    }
    for (char *w = p + 1; w < q;) {
      while (w < q && (*w == ' ' || *w == ',')) w++;
      char *e = w;
      while (e < q && *e != ' ' && *e != ',') e++;
      if (e > w) {
        unsigned f = flag_of(w, (size_t)(e - w));
        if (!f) {
          dict_builder_report(S->b, S->path, S->line, "unknown flag '%.*s'", (int)(e - w), w);
          return 0;
        }
        *flags |= f;
      }
      w = e;
    }
    memmove(p, q + 1, strlen(q + 1) + 1);
  }
  return 1;
}

/* parse_codes reads "CODE [@FROM..TO] ; CODE @FROM.." into codes. */
static int parse_codes(src *S, char *rhs, dict_code *codes, size_t cap, size_t *n) {
  *n = 0;
  for (char *part = rhs; part;) {
    char *semi = strchr(part, ';');
    if (semi) *semi = 0;
    char *t = trim(part);
    part = semi ? semi + 1 : NULL;
    if (!*t) continue;
    if (*n == cap) {
      dict_builder_report(S->b, S->path, S->line, "more than %zu codes", cap);
      return 0;
    }
    dict_code *c = &codes[(*n)++];
    c->from = DICT_OPEN_FROM;
    c->to = DICT_OPEN_TO;
    char *at = strchr(t, '@');
    if (at) *at = 0;
    char *code = trim(t);
    /* a verb phrase coded "---" is a stop phrase: it matches, so it beats a
     * shorter phrase inside it, and codes nothing ("meet ... demand") */
    if (!valid_code(code) && !(S->kind == DICT_VERB && !strcmp(code, "---"))) {
      dict_builder_report(S->b, S->path, S->line, "bad code '%s' (A-Z and 0-9, at most %d)", code,
                          DICT_CODE_MAX - 1);
      return 0;
    }
    strcpy(c->code, code);
    if (!at) continue;
    char *range = trim(at + 1), *dots = strstr(range, "..");
    if (!dots) {
      dict_builder_report(S->b, S->path, S->line, "date range '%s' lacks '..'", range);
      return 0;
    }
    size_t nf = (size_t)(dots - range), nt = strlen(dots + 2);
    if (nf) c->from = dict_date(range, nf, 1);
    if (nt) c->to = dict_date(dots + 2, nt, 0);
    if (c->from < 0 || c->to < 0 || c->from > c->to) {
      dict_builder_report(S->b, S->path, S->line, "bad date range '%s'", range);
      return 0;
    }
  }
  return 1;
}

static int add_names(src *S, char *names, const dict_code *codes, size_t n, unsigned flags) {
  for (char *name = names; name;) {
    char *bar = strchr(name, '|');
    if (bar) *bar = 0;
    char *t = trim(name);
    name = bar ? bar + 1 : NULL;
    if (!*t) {
      dict_builder_report(S->b, S->path, S->line, "empty name between '|'");
      continue;
    }
    unsigned f = flags;
    if (S->kind == DICT_VERB && *t == '[') f |= DICT_F_EXACT;
    if (S->kind == DICT_VERB) { /* "[said]": the brackets only mark exactness */
      char *o = t;
      for (char *p = t; *p; p++)
        if (*p != '[' && *p != ']') *o++ = *p;
      *o = 0;
    }
    int rc = dict_builder_add(S->b, S->kind, t, strlen(t), codes, n, f, NULL, S->path, S->line);
    if (rc == ERR_NOMEM) return rc;
    if (rc) dict_builder_report(S->b, S->path, S->line, "name '%s' has no tokens", t);
  }
  return ERR_OK;
}

static int load_native(dict_builder *b, const char *path);

static int directive(src *S, char *s) {
  char *w = s + 1, *arg = w;
  while (*arg && *arg != ' ' && *arg != '\t') arg++;
  if (*arg) *arg++ = 0;
  arg = trim(arg);
  if (!strcmp(w, "kind")) {
    int k = kind_of(arg);
    if (!k) dict_builder_report(S->b, S->path, S->line, "unknown kind '%s'", arg);
    else S->kind = k;
    return ERR_OK;
  }
  if (!strcmp(w, "include")) {
    char full[4096];
    const char *slash = strrchr(S->path, '/');
    if (arg[0] == '/' || !slash) snprintf(full, sizeof full, "%s", arg);
    else snprintf(full, sizeof full, "%.*s/%s", (int)(slash - S->path), S->path, arg);
    if (S->b->depth >= MAX_INCLUDE_DEPTH) {
      dict_builder_report(S->b, S->path, S->line, "includes nested too deep (a cycle?)");
      return ERR_OK;
    }
    S->b->depth++;
    int rc = load_native(S->b, full);
    S->b->depth--;
    return rc == ERR_NOMEM ? rc : ERR_OK;
  }
  dict_builder_report(S->b, S->path, S->line, "unknown directive '!%s'", w);
  return ERR_OK;
}

static int set_line(src *S, char *s) {
  char *eq = strchr(s, '=');
  if (!eq) {
    dict_builder_report(S->b, S->path, S->line, "synonym set without '='");
    return ERR_OK;
  }
  *eq = 0;
  char *name = trim(s + 1);
  const char *members[256];
  size_t n = 0;
  for (char *m = eq + 1; m && n < 256;) {
    char *bar = strchr(m, '|');
    if (bar) *bar = 0;
    char *t = trim(m);
    if (*t) members[n++] = t;
    m = bar ? bar + 1 : NULL;
  }
  if (!*name || !n) {
    dict_builder_report(S->b, S->path, S->line, "synonym set needs a name and members");
    return ERR_OK;
  }
  return dict_builder_set(S->b, name, members, n);
}

static int entry_line(src *S, char *s) {
  dict_code codes[16];
  size_t n = 0;
  unsigned flags = 0;
  if (!S->kind) {
    dict_builder_report(S->b, S->path, S->line, "entry before any '!kind' line");
    return ERR_OK;
  }
  char *arrow = strstr(s, "=>");
  if (!parse_flags(S, arrow ? arrow : s, &flags)) return ERR_OK;
  if (arrow) {
    *arrow = 0;
    char *rhs = trim(arrow + 2);
    if (S->kind == DICT_DISCARD && (!*rhs || !strcmp(rhs, "---"))) n = 0;
    else if (!parse_codes(S, rhs, codes, 16, &n)) return ERR_OK;
    if (!n && S->kind != DICT_DISCARD) {
      dict_builder_report(S->b, S->path, S->line, "no code after '=>'");
      return ERR_OK;
    }
  } else if (S->kind != DICT_DISCARD) {
    dict_builder_report(S->b, S->path, S->line, "entry without '=>' and a code");
    return ERR_OK;
  }
  return add_names(S, s, codes, n, flags);
}

static int read_file(const char *path, char **out, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return ERR_NOTFOUND;
  size_t cap = 1 << 16, k = 0;
  char *z = malloc(cap + 1);
  while (z) {
    size_t r = fread(z + k, 1, cap - k, f);
    k += r;
    if (k < cap) break;
    char *y = cap > (1u << 30) ? NULL : realloc(z, cap * 2 + 1);
    if (!y) {
      free(z);
      z = NULL;
      break;
    }
    z = y;
    cap *= 2;
  }
  fclose(f);
  if (!z) return ERR_NOMEM;
  z[k] = 0;
  *out = z;
  *n = k;
  return ERR_OK;
}

static int load_native(dict_builder *b, const char *path) {
  char *z;
  size_t n;
  src S = {b, dict_builder_intern(b, path, strlen(path)), 0, 0};
  if (!S.path) return ERR_NOMEM;
  int rc = read_file(path, &z, &n);
  if (rc) {
    if (rc == ERR_NOTFOUND) dict_builder_report(b, path, 0, "cannot open: %s", strerror(errno));
    return rc;
  }
  for (char *line = z; line && !rc;) {
    char *nl = memchr(line, '\n', (size_t)(z + n - line));
    if (nl) *nl = 0;
    S.line++;
    size_t len = strlen(line);
    if (line + len != (nl ? nl : z + n)) {
      dict_builder_report(b, S.path, S.line, "NUL byte in line; line skipped");
    } else if (!utf8_is_valid(line, len)) {
      dict_builder_report(b, S.path, S.line, "invalid UTF-8; line skipped");
    } else {
      strip_comment(line);
      char *s = trim(line);
      if (*s == '!') rc = directive(&S, s);
      else if (*s == '&') rc = set_line(&S, s);
      else if (*s) rc = entry_line(&S, s);
    }
    line = nl ? nl + 1 : NULL;
  }
  free(z);
  return rc;
}

/* ---- the compiled dictionary ----------------------------------------- */

/* A vocabulary slot holds the key's first 8 bytes and its length, so that a
 * lookup of a key of up to 8 bytes (most words) reads the slot and nothing
 * else; a longer key is compared further only when those match. */
typedef struct vslot {
  uint64_t k8;  /* key_head */
  uint32_t id1; /* the id + 1, 0 for empty */
  uint32_t n;   /* the key's length */
} vslot;

typedef struct eslot {
  uint64_t key; /* (node << 32 | token id) + 1; 0 marks an empty slot */
  uint32_t child;
} eslot;

struct dict {
  arena strings;   /* entry strings and codes, from the builder */
  dict_entry *ents;
  size_t nents;
  dict_code *codes;
  vslot *vocab;    /* open addressing, power of two */
  size_t vcap, nvocab;
  const char **keys; /* by token id */
  uint32_t *klen;
  size_t cap_keys;
  eslot *edges;
  size_t ecap, nedges;
  uint32_t (*node_ent)[4]; /* per node, the entry of each kind, or NONE */
  uint32_t *root_child;    /* the root's child for each token id: every token of a
                            * text is looked up here, so it is an array, not a hash */
  uint64_t *efilter;       /* a Bloom filter of the edges (edge_filter), or NULL */
  size_t efmask;           /* its number of words - 1 */
  uint32_t gap_id;         /* the id of "..." in verb phrases, or NONE */
  uint32_t prep_id[16];    /* ids of the prepositions an empty gap may not precede */
  unsigned nprep;
  struct xslot *exc;       /* WordNet's irregular verb forms whose lemma is known */
  size_t xcap;
  size_t nnodes, cap_nodes;
  size_t bytes;
};

/* hash_step adds 8 bytes (little-endian, zero-padded) to a hash. hash_bytes
 * takes 8 bytes a step: byte by byte (FNV), each multiply waited for the
 * one before, and every token of every text is hashed. */
static uint64_t hash_step(uint64_t h, uint64_t x) {
  h = (h ^ x) * 0x9e3779b97f4a7c15ull;
  return h ^ (h >> 32);
}

static uint64_t hash_end(uint64_t h) {
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ull;
  return h ^ (h >> 32);
}

static uint64_t hash_bytes(const char *z, size_t n) {
  uint64_t h = 1469598103934665603ull ^ n;
  for (size_t i = 0; i < n; i += 8) {
    uint64_t x = 0;
    for (size_t j = 0; j < 8 && i + j < n; j++) x |= (uint64_t)(unsigned char)z[i + j] << (8 * j);
    h = hash_step(h, x);
  }
  return hash_end(h);
}

/* load8: 8 bytes as hash_bytes packs them. */
static uint64_t load8(const char *z) {
  uint64_t x;
  memcpy(&x, z, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap64(x);
#endif
  return x;
}

static uint64_t mix64(uint64_t x) {
  x ^= x >> 31;
  x *= 0x7fb5d329728ea185ull;
  x ^= x >> 27;
  x *= 0x81dadef4bc2dd44dull;
  return x ^ (x >> 33);
}

/* key_head: the first 8 bytes of k[0..n), zero-padded (keys hold no NUL). */
static uint64_t key_head(const char *k, size_t n) {
  uint64_t x = 0;
  for (size_t i = 0; i < n && i < 8; i++) x |= (uint64_t)(unsigned char)k[i] << (8 * i);
  return x;
}

static uint32_t vocab_find8(const dict *d, const char *k, size_t n, uint64_t h, uint64_t k8) {
  for (size_t i = h & (d->vcap - 1);; i = (i + 1) & (d->vcap - 1)) {
    const vslot *s = &d->vocab[i];
    if (!s->id1) return NONE;
    if (s->k8 == k8 && s->n == n && (n <= 8 || !memcmp(d->keys[s->id1 - 1] + 8, k + 8, n - 8)))
      return s->id1 - 1;
  }
}

static uint32_t vocab_find(const dict *d, const char *k, size_t n, uint64_t h) {
  return vocab_find8(d, k, n, h, key_head(k, n));
}

static int vocab_rehash(dict *d) {
  size_t ncap = d->vcap ? d->vcap * 2 : 1024;
  vslot *nv = calloc(ncap, sizeof *nv);
  if (!nv) return ERR_NOMEM;
  for (size_t i = 0; i < d->vcap; i++) {
    if (!d->vocab[i].id1) continue;
    uint32_t id = d->vocab[i].id1 - 1;
    size_t j = hash_bytes(d->keys[id], d->klen[id]) & (ncap - 1);
    while (nv[j].id1) j = (j + 1) & (ncap - 1);
    nv[j] = d->vocab[i];
  }
  free(d->vocab);
  d->vocab = nv;
  d->vcap = ncap;
  return ERR_OK;
}

static int vocab_add(dict *d, const char *k, size_t n, uint32_t *id) {
  uint64_t h = hash_bytes(k, n);
  if (d->vcap && (*id = vocab_find(d, k, n, h)) != NONE) return ERR_OK;
  if ((d->nvocab + 1) * 3 > d->vcap * 2 && vocab_rehash(d)) return ERR_NOMEM;
  size_t cap = d->cap_keys;
  if (grow((void **)&d->keys, &d->cap_keys, d->nvocab + 1, sizeof *d->keys) ||
      grow((void **)&d->klen, &cap, d->nvocab + 1, sizeof *d->klen))
    return ERR_NOMEM;
  /* zero-padded to a multiple of 8 bytes: key_tail_eq reads it 8 at a time */
  char *key = arena_alloc(&d->strings, (n + 8) & ~(size_t)7);
  if (!key) return ERR_NOMEM;
  memset(key + (n & ~(size_t)7), 0, 8);
  memcpy(key, k, n);
  d->keys[d->nvocab] = key;
  d->klen[d->nvocab] = (uint32_t)n;
  size_t i = h & (d->vcap - 1);
  while (d->vocab[i].id1) i = (i + 1) & (d->vcap - 1);
  d->vocab[i] = (vslot){key_head(k, n), (uint32_t)d->nvocab + 1, (uint32_t)n};
  *id = (uint32_t)d->nvocab++;
  return ERR_OK;
}

static uint32_t edge_find(const dict *d, uint32_t node, uint32_t tok);

/* ---- verb lemmas ------------------------------------------------------ */

typedef struct xslot {
  uint64_t hash;
  const char *form; /* "fought" */
  uint32_t lemma;   /* id of "fight" */
} xslot;

static uint32_t exc_find(const dict *d, const char *k, size_t n) {
  if (!d->xcap) return NONE;
  uint64_t h = hash_bytes(k, n);
  for (size_t i = h & (d->xcap - 1);; i = (i + 1) & (d->xcap - 1)) {
    const xslot *s = &d->exc[i];
    if (!s->form) return NONE;
    if (s->hash == h && !strncmp(s->form, k, n) && !s->form[n]) return s->lemma;
  }
}

/* load_exceptions keeps the lines of verb.exc ("fought fight") whose lemma is
 * a word of the dictionary: a few hundred, not WordNet's five thousand. */
static int load_exceptions(dict *d, const char *path) {
  FILE *f = path ? fopen(path, "r") : NULL;
  if (!f) return ERR_OK;
  char line[256], form[128], lemma[128];
  size_t n = 0, cap = 1024;
  xslot *t = calloc(cap, sizeof *t);
  if (!t) return fclose(f), ERR_NOMEM;
  while (fgets(line, sizeof line, f)) {
    if (sscanf(line, "%127s %127s", form, lemma) != 2) continue;
    uint32_t id = vocab_find(d, lemma, strlen(lemma), hash_bytes(lemma, strlen(lemma)));
    if (id == NONE || n * 2 >= cap) continue;
    const char *fz = arena_strndup(&d->strings, form, strlen(form));
    if (!fz) break;
    uint64_t h = hash_bytes(form, strlen(form));
    size_t i = h & (cap - 1);
    while (t[i].form) i = (i + 1) & (cap - 1);
    t[i] = (xslot){h, fz, id};
    n++;
  }
  fclose(f);
  d->exc = t;
  d->xcap = cap;
  return ERR_OK;
}

static uint32_t try_stem(const dict *d, char *w, size_t n, const char *add) {
  size_t m = strlen(add);
  if (n + m >= 64) return NONE;
  memcpy(w + n, add, m + 1);
  uint32_t id = vocab_find(d, w, n + m, hash_bytes(w, n + m));
  /* a stem must start some entry: "sued" is sue, though "su" is a word too */
  return id != NONE && d->root_child && d->root_child[id] == NONE ? NONE : id;
}

/* regular_lemma undoes -s, -es, -ies, -ed, -d, -ied, -ing and a doubled final
 * consonant ("stopped"), accepting a stem only if the dictionary has it. */
static uint32_t regular_lemma(const dict *d, const char *k, size_t n) {
  char w[72];
  if (n < 4 || n > 60) return NONE;
  memcpy(w, k, n);
  w[n] = 0;
  uint32_t id;
  const char *end = k + n;
  if (!strcmp(end - 3, "ing")) {
    size_t s = n - 3;
    if ((id = try_stem(d, w, s, "")) != NONE || (id = try_stem(d, w, s, "e")) != NONE) return id;
    if (s >= 2 && w[s - 1] == w[s - 2] && (id = try_stem(d, w, s - 1, "")) != NONE) return id;
    return NONE;
  }
  if (!strcmp(end - 3, "ied") || !strcmp(end - 3, "ies")) return try_stem(d, w, n - 3, "y");
  if (!strcmp(end - 2, "ed")) {
    size_t s = n - 2;
    if ((id = try_stem(d, w, s, "")) != NONE || (id = try_stem(d, w, s, "e")) != NONE) return id;
    if (s >= 2 && w[s - 1] == w[s - 2] && (id = try_stem(d, w, s - 1, "")) != NONE) return id;
    return NONE;
  }
  if (!strcmp(end - 2, "es") && (id = try_stem(d, w, n - 2, "")) != NONE) return id;
  if (end[-1] == 's' && end[-2] != 's') return try_stem(d, w, n - 1, "");
  return NONE;
}

void dict_lemmas(const dict *d, const text_doc *doc, const uint32_t *ids, uint32_t *lemmas) {
  char key[72];
  for (uint32_t i = 0; i < doc->ntok; i++) {
    const text_token *t = &doc->tok[i];
    lemmas[i] = ids[i];
    if (!(t->flags & TOK_WORD) || t->end - t->start > 60 || !d->vcap) continue;
    size_t k = text_key(doc->z + t->start, t->end - t->start, key, sizeof key);
    if (!k) continue;
    uint32_t id = exc_find(d, key, k);
    if (id == NONE) id = regular_lemma(d, key, k);
    if (id != NONE) lemmas[i] = id;
  }
}

static int is_prep(const dict *d, uint32_t id) {
  for (unsigned p = 0; p < d->nprep; p++)
    if (d->prep_id[p] == id) return 1;
  return 0;
}

/* walk_verb follows the trie from node at token j, trying a "..." gap as well
 * as the next word; keeps the entry that ends last. */
static void walk_verb(const dict *d, const uint32_t *ids, const uint8_t *skip, uint32_t node,
                      uint32_t j, uint32_t end, uint32_t last, const dict_entry **best,
                      uint32_t *best_last, int depth, int by_lemma) {
  uint32_t ei = d->node_ent[node][DICT_VERB - 1];
  if (ei != NONE && (!*best || last > *best_last) && !(by_lemma && (d->ents[ei].flags & DICT_F_EXACT)))
    *best = &d->ents[ei], *best_last = last;
  if (depth > 12) return;
  while (skip && j < end && (skip[j] & DICT_SKIP_TIME)) j++;
  if (j < end && ids[j] != NONE) {
    uint32_t c = edge_find(d, node, ids[j]);
    if (c != NONE) walk_verb(d, ids, skip, c, j + 1, end, j, best, best_last, depth + 1, by_lemma);
  }
  uint32_t g = d->gap_id != NONE ? edge_find(d, node, d->gap_id) : NONE;
  uint32_t passed = 0; /* tokens the gap has passed over, DICT_SKIP_FREE ones not counted */
  for (uint32_t k = j; g != NONE && k < end; k++) {
    if (k > j && !(skip && (skip[k - 1] & DICT_SKIP_FREE))) passed++;
    if (passed > DICT_GAP) break;
    if (ids[k] == NONE) continue;
    /* an empty gap: "accept ... demands" matches "accepted demands", but a
     * gap before a preposition stands for the target ("accuse ... of",
     * "export ... to"): "exports to" is no act */
    if (k == j && is_prep(d, ids[k])) continue;
    uint32_t c = edge_find(d, g, ids[k]);
    if (c != NONE) walk_verb(d, ids, skip, c, k + 1, end, k, best, best_last, depth + 1, by_lemma);
  }
}

const dict_entry *dict_match_verb(const dict *d, const uint32_t *ids, const uint32_t *lemmas,
                                  const uint8_t *skip, uint32_t i, uint32_t end, uint32_t *last) {
  const dict_entry *best = NULL;
  uint32_t best_last = 0;
  if (!d->ecap || i >= end) return NULL;
  uint32_t firsts[2] = {lemmas[i], ids[i]};
  for (int f = 0; f < 2; f++) {
    if (firsts[f] == NONE || (f == 1 && firsts[1] == firsts[0])) continue;
    uint32_t node = d->root_child[firsts[f]];
    if (node != NONE) walk_verb(d, ids, skip, node, i + 1, end, i, &best, &best_last, 0, f == 0 && firsts[0] != ids[i]);
  }
  *last = best_last;
  return best;
}

/* efilter_bits: the two bits of an edge's word in the filter, from bits of
 * its mix64 that the edge table's slot index (the low bits) does not use. */
static uint64_t efilter_bits(uint64_t m) {
  return (uint64_t)1 << (m >> 58) | (uint64_t)1 << (m >> 52 & 63);
}

static uint64_t efilter_word(const dict *d, uint64_t m) { return (m >> 32) & d->efmask; }

/* edge_find: nearly every edge looked for is missing (the next word after
 * "the" seldom continues a phrase); the filter, a 16th of the edge table,
 * turns most of them away without reading the table. */
static uint32_t edge_find(const dict *d, uint32_t node, uint32_t tok) {
  uint64_t key = ((uint64_t)node << 32 | tok) + 1, m = mix64(key);
  if (d->efilter) {
    uint64_t b = efilter_bits(m);
    if ((d->efilter[efilter_word(d, m)] & b) != b) return NONE;
  }
  for (size_t i = m & (d->ecap - 1);; i = (i + 1) & (d->ecap - 1)) {
    if (d->edges[i].key == key) return d->edges[i].child;
    if (!d->edges[i].key) return NONE;
  }
}

/* edge_filter builds the filter once the trie is complete: 16 bits an edge,
 * two set per edge in one 64-bit word (one cache line read per test), so
 * about 2% of missing edges pass it. */
static int edge_filter(dict *d) {
  if (!d->nedges) return ERR_OK;
  size_t nw = 1;
  while (nw * 64 < d->nedges * 16) nw *= 2;
  if (!(d->efilter = calloc(nw, sizeof *d->efilter))) return ERR_NOMEM;
  d->efmask = nw - 1;
  for (size_t i = 0; i < d->ecap; i++) {
    if (!d->edges[i].key) continue;
    uint64_t m = mix64(d->edges[i].key);
    d->efilter[efilter_word(d, m)] |= efilter_bits(m);
  }
  return ERR_OK;
}

static int edge_rehash(dict *d) {
  size_t ncap = d->ecap ? d->ecap * 2 : 4096;
  eslot *ne = calloc(ncap, sizeof *ne);
  if (!ne) return ERR_NOMEM;
  for (size_t i = 0; i < d->ecap; i++) {
    if (!d->edges[i].key) continue;
    size_t j = mix64(d->edges[i].key) & (ncap - 1);
    while (ne[j].key) j = (j + 1) & (ncap - 1);
    ne[j] = d->edges[i];
  }
  free(d->edges);
  d->edges = ne;
  d->ecap = ncap;
  return ERR_OK;
}

static int node_new(dict *d, uint32_t *id) {
  if (grow((void **)&d->node_ent, &d->cap_nodes, d->nnodes + 1, sizeof *d->node_ent))
    return ERR_NOMEM;
  for (int k = 0; k < 4; k++) d->node_ent[d->nnodes][k] = NONE;
  *id = (uint32_t)d->nnodes++;
  return ERR_OK;
}

static int edge_add(dict *d, uint32_t node, uint32_t tok, uint32_t *child) {
  if (d->ecap && (*child = edge_find(d, node, tok)) != NONE) return ERR_OK;
  if ((d->nedges + 1) * 2 > d->ecap && edge_rehash(d)) return ERR_NOMEM;
  if (node_new(d, child)) return ERR_NOMEM;
  uint64_t key = ((uint64_t)node << 32 | tok) + 1;
  size_t i = mix64(key) & (d->ecap - 1);
  while (d->edges[i].key) i = (i + 1) & (d->ecap - 1);
  d->edges[i] = (eslot){key, *child};
  d->nedges++;
  return ERR_OK;
}

/* insert puts entry ei on the path of its phrase's tokens. */
static int insert(dict *d, arena *scratch, uint32_t ei) {
  dict_entry *e = &d->ents[ei];
  text_doc td;
  int rc = text_segment(scratch, e->phrase, strlen(e->phrase), &td);
  if (rc) return rc;
  if (!td.ntok) return ERR_PARSE;
  uint32_t node = 0;
  char key[KEY_MAX];
  for (uint32_t i = 0; i < td.ntok; i++) {
    const text_token *t = &td.tok[i];
    size_t k = text_key(e->phrase + t->start, t->end - t->start, key, sizeof key);
    if (!k) return ERR_PARSE;
    uint32_t id;
    if ((rc = vocab_add(d, key, k, &id)) || (rc = edge_add(d, node, id, &node))) return rc;
  }
  e->ntok = (uint16_t)(td.ntok > UINT16_MAX ? UINT16_MAX : td.ntok);
  d->node_ent[node][e->kind - 1] = ei; /* a later entry for the phrase wins */
  return ERR_OK;
}

int dict_build(dict_builder *b, dict **out) {
  dict *d = calloc(1, sizeof *d);
  if (!d) return dict_builder_free(b), ERR_NOMEM;
  d->strings = b->strings; /* the dict takes the builder's strings */
  arena_init(&b->strings, 0);
  d->ents = calloc(b->nents ? b->nents : 1, sizeof *d->ents);
  d->codes = malloc((b->ncodes ? b->ncodes : 1) * sizeof *d->codes);
  int rc = (!d->ents || !d->codes) ? ERR_NOMEM : ERR_OK;
  uint32_t root;
  if (!rc) rc = node_new(d, &root);
  if (!rc && b->ncodes) memcpy(d->codes, b->codes, b->ncodes * sizeof *d->codes);
  arena scratch;
  arena_init(&scratch, 1 << 16);
  for (size_t i = 0; !rc && i < b->nents; i++) {
    d->ents[i] = b->ents[i].e;
    d->ents[i].codes = d->codes + b->ents[i].code0;
    rc = insert(d, &scratch, (uint32_t)i);
    if (rc == ERR_PARSE) rc = ERR_OK; /* a phrase with no tokens was reported when added */
    arena_reset(&scratch);
  }
  arena_free(&scratch);
  d->nents = b->nents;
  if (!rc && !(d->root_child = malloc((d->nvocab ? d->nvocab : 1) * sizeof *d->root_child)))
    rc = ERR_NOMEM;
  for (size_t t = 0; !rc && t < d->nvocab; t++)
    d->root_child[t] = d->ecap ? edge_find(d, 0, (uint32_t)t) : NONE;
  if (!rc) rc = edge_filter(d);
  d->gap_id = d->vcap ? vocab_find(d, "...", 3, hash_bytes("...", 3)) : NONE;
  static const char *const PREPS[] = {"to", "from", "for", "with", "of", "on", "in", "into",
                                      "at", "by", "against", "over", "about", "as", "onto", "upon"};
  for (size_t p = 0; d->vcap && p < sizeof PREPS / sizeof *PREPS; p++) {
    uint32_t id = vocab_find(d, PREPS[p], strlen(PREPS[p]), hash_bytes(PREPS[p], strlen(PREPS[p])));
    if (id != NONE) d->prep_id[d->nprep++] = id;
  }
  if (!rc && b->nents) rc = load_exceptions(d, b->wordnet ? b->wordnet : "/usr/share/wordnet/verb.exc");
  d->bytes = d->nvocab * sizeof *d->root_child + d->nents * sizeof *d->ents + b->ncodes * sizeof *d->codes +
             d->vcap * sizeof *d->vocab + d->ecap * sizeof *d->edges +
             d->cap_nodes * sizeof *d->node_ent + (d->efilter ? (d->efmask + 1) * 8 : 0) + d->strings.high;
  dict_builder_free(b);
  if (rc) {
    dict_free(d);
    return rc;
  }
  *out = d;
  return ERR_OK;
}

void dict_free(dict *d) {
  if (!d) return;
  arena_free(&d->strings);
  free(d->ents);
  free(d->codes);
  free(d->vocab);
  free(d->edges);
  free(d->node_ent);
  free(d->root_child);
  free(d->efilter);
  free(d->keys);
  free(d->klen);
  free(d->exc);
  free(d);
}

void dict_get_stats(const dict *d, dict_stats *st) {
  memset(st, 0, sizeof *st);
  st->entries = d->nents;
  st->nodes = d->nnodes;
  st->vocab = d->nvocab;
  st->bytes = d->bytes;
  for (size_t i = 0; i < d->nents; i++)
    if (d->ents[i].kind < 5) st->by_kind[d->ents[i].kind]++;
}

const dict_entry *dict_entries(const dict *d, size_t *n) {
  *n = d->nents;
  return d->ents;
}

/* fold8 lower-cases the ASCII letters of 8 bytes at once (each byte below
 * 0x80, so adding 0x3f or 0x25 carries into no other byte): the bytes from
 * 'A' (0x41) get their top bit from the first sum, those past 'Z' (0x5a)
 * from the second, and 0x20 is added where the first is set alone. */
static uint64_t fold8(uint64_t x) {
  const uint64_t ones = 0x0101010101010101ull;
  uint64_t up = (x + 0x3f * ones) & ~(x + 0x25 * ones) & (0x80 * ones);
  return x | up >> 2;
}

/* store8: the inverse of load8. */
static void store8(char *z, uint64_t x) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap64(x);
#endif
  memcpy(z, &x, 8);
}

/* token_key_ascii makes the key of an ASCII token of n bytes (0 < n <
 * KEY_MAX) at z, whose text may be read 8 bytes at a time up to z + lim, in
 * key (room for KEY_MAX + 8; only a key longer than 8 bytes is written: a
 * shorter one is all in *k8), zero-padded to 8 bytes. Returns 0 when the
 * token is not ASCII or lies too near the end of the text, else n with the
 * key's hash_bytes in *h and its first 8 bytes in *k8. */
static size_t token_key_ascii(const char *z, size_t n, size_t lim, char *key, uint64_t *h,
                              uint64_t *k8) {
  const uint64_t high = 0x8080808080808080ull;
  size_t whole = (n + 7) & ~(size_t)7; /* bytes read */
  if (whole > lim) return 0;
  uint64_t x = 1469598103934665603ull ^ n;
  for (size_t j = 0; j < n; j += 8) {
    uint64_t w = load8(z + j);
    if (n - j < 8) w &= ((uint64_t)1 << (8 * (n - j))) - 1;
    if (w & high) return 0;
    w = fold8(w);
    if (j == 0) *k8 = w;
    if (n > 8) store8(key + j, w);
    x = hash_step(x, w);
  }
  if (n > 8) memset(key + whole, 0, 8);
  *h = hash_end(x);
  return n;
}

/* token_key makes token t's key in key (room for KEY_MAX + 8), zero-padded
 * to 8 bytes, and returns its length (0: none), its hash_bytes in *h and its
 * first 8 bytes in *k8 (key is written only for a key longer than 8 bytes). */
static size_t token_key(const text_doc *doc, const text_token *t, char *key, uint64_t *h,
                        uint64_t *k8) {
  const char *z = doc->z + t->start;
  size_t n = t->end - t->start, k;
  if (n && n < KEY_MAX && (k = token_key_ascii(z, n, doc->n - t->start, key, h, k8))) return k;
  /* not ASCII, or at the end of the text: text_key's ASCII case inline */
  k = 0;
  if (n < KEY_MAX)
    for (unsigned char ch; k < n && (ch = (unsigned char)z[k]) < 0x80; k++)
      key[k] = (char)((unsigned)(ch - 'A') < 26u ? ch + 32 : ch);
  if (k == n && n < KEY_MAX) key[k] = 0;
  else k = text_key(z, n, key, KEY_MAX);
  if (!k) return 0;
  memset(key + k, 0, 8);
  uint64_t x = 1469598103934665603ull ^ k;
  for (size_t j = 0; j < k; j += 8) x = hash_step(x, load8(key + j));
  *h = hash_end(x);
  *k8 = load8(key);
  return k;
}

/* key_tail_eq: the bytes after the 8th of two keys of n bytes are equal;
 * both are zero-padded to a multiple of 8 (vocab_add, token_key). No memcmp
 * call: around one, dict_keys kept its registers on the stack. */
static int key_tail_eq(const char *a, const char *b, size_t n) {
  for (size_t j = 8; j < n; j += 8)
    if (load8(a + j) != load8(b + j)) return 0;
  return 1;
}

/* vocab_probe is vocab_find8 for dict_keys, inlined there: an empty slot
 * (k8 0, n 0) matches no key, so it is tested after the match. */
static inline uint32_t vocab_probe(const dict *d, const char *k, size_t n, uint64_t h, uint64_t k8) {
  size_t mask = d->vcap - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const vslot *s = &d->vocab[i];
    if (s->k8 == k8 && s->n == n && (n <= 8 || key_tail_eq(d->keys[s->id1 - 1], k, n)))
      return s->id1 - 1;
    if (!s->id1) return NONE;
  }
}

/* dict_keys looks tokens up KEYS_BATCH at a time: their slots are fetched
 * from memory together (the table is larger than the caches), not one
 * waiting for the other. Then it fetches, for every token, the trie's first
 * step from it (root_child, node_ent) and the edge to the next token:
 * dict_longest, which every caller runs next at each token, then finds them
 * in cache. Those prefetches are written out here, not in a function of
 * their own: GCC finds such a function free of side effects and drops the
 * call (GCC 12, -O2). */
#define KEYS_BATCH 16

void dict_keys(const dict *d, const text_doc *doc, uint32_t *ids) {
  char key[KEYS_BATCH][KEY_MAX + 8];
  uint64_t h[KEYS_BATCH], k8[KEYS_BATCH];
  size_t n[KEYS_BATCH];
  if (!d->vcap) {
    for (uint32_t i = 0; i < doc->ntok; i++) ids[i] = NONE;
    return;
  }
  for (uint32_t i = 0; i < doc->ntok; i += KEYS_BATCH) {
    uint32_t nb = doc->ntok - i < KEYS_BATCH ? doc->ntok - i : KEYS_BATCH;
    for (uint32_t b = 0; b < nb; b++) {
      n[b] = token_key(doc, &doc->tok[i + b], key[b], &h[b], &k8[b]);
      if (n[b]) __builtin_prefetch(&d->vocab[h[b] & (d->vcap - 1)]);
    }
    for (uint32_t b = 0; b < nb; b++)
      ids[i + b] = n[b] ? vocab_probe(d, key[b], n[b], h[b], k8[b]) : NONE;
  }
  if (!d->ecap) return;
  for (uint32_t i = 0; i < doc->ntok; i++)
    if (ids[i] != NONE) __builtin_prefetch(&d->root_child[ids[i]]);
  for (uint32_t i = 0; i < doc->ntok; i++) {
    uint32_t node = ids[i] == NONE ? NONE : d->root_child[ids[i]];
    if (node == NONE) continue;
    __builtin_prefetch(&d->node_ent[node]);
    if (i + 1 < doc->ntok && ids[i + 1] != NONE) {
      uint64_t m = mix64(((uint64_t)node << 32 | ids[i + 1]) + 1);
      if (!d->efilter) {
        __builtin_prefetch(&d->edges[m & (d->ecap - 1)]);
      } else {
        uint64_t b = efilter_bits(m);
        if ((d->efilter[efilter_word(d, m)] & b) == b) __builtin_prefetch(&d->edges[m & (d->ecap - 1)]);
      }
    }
  }
}

const char *dict_key(const dict *d, uint32_t id, size_t *n) {
  *n = d->klen[id];
  return d->keys[id];
}

/* node_best: node's entry of the first kind in kinds, in the order discard,
 * actor, agent, verb (at one length, a discard beats an actor, an actor an
 * agent), or NONE. */
static uint32_t node_best(const dict *d, uint32_t node, unsigned kinds) {
  const uint32_t *ne = d->node_ent[node];
  if ((kinds & (1u << DICT_DISCARD)) && ne[DICT_DISCARD - 1] != NONE) return ne[DICT_DISCARD - 1];
  if ((kinds & (1u << DICT_ACTOR)) && ne[DICT_ACTOR - 1] != NONE) return ne[DICT_ACTOR - 1];
  if ((kinds & (1u << DICT_AGENT)) && ne[DICT_AGENT - 1] != NONE) return ne[DICT_AGENT - 1];
  if ((kinds & (1u << DICT_VERB)) && ne[DICT_VERB - 1] != NONE) return ne[DICT_VERB - 1];
  return NONE;
}

/* longest_from walks on from node, the root's child at token i. */
__attribute__((noinline)) static const dict_entry *longest_from(const dict *d, const uint32_t *ids, uint32_t i, uint32_t end,
                                      unsigned kinds, uint32_t *len, uint32_t node) {
  const dict_entry *best = NULL;
  for (uint32_t j = i; node != NONE;) {
    uint32_t ei = node_best(d, node, kinds);
    if (ei != NONE) {
      best = &d->ents[ei];
      *len = j - i + 1;
    }
    if (++j >= end || ids[j] == NONE) break;
    node = edge_find(d, node, ids[j]);
  }
  return best;
}

/* dict_longest: most tokens start no phrase, and are turned away here before
 * the walk's registers are saved. */
const dict_entry *dict_longest(const dict *d, const uint32_t *ids, uint32_t i, uint32_t end,
                               unsigned kinds, uint32_t *len) {
  if (i >= end || ids[i] == NONE || !d->ecap) return NULL;
  uint32_t node = d->root_child[ids[i]];
  return node == NONE ? NULL : longest_from(d, ids, i, end, kinds, len, node);
}

int dict_case_ok(const dict_entry *e, const text_doc *doc, uint32_t i, uint32_t len) {
  if (!(e->flags & DICT_F_CASE)) return 1;
  if (doc->casing == TEXT_UPPER) return 0;
  /* compare the phrase with the text token by token, ignoring the spacing */
  const char *p = e->phrase;
  for (uint32_t k = i; k < i + len; k++) {
    const text_token *t = &doc->tok[k];
    while (*p == ' ') p++;
    size_t n = t->end - t->start;
    if (strncmp(p, doc->z + t->start, n)) return 0;
    p += n;
  }
  return 1;
}

const char *dict_code_on(const dict_entry *e, int32_t date) {
  const char *open = NULL, *latest = NULL;
  int32_t latest_to = -1;
  for (uint32_t i = 0; i < e->ncodes; i++) {
    const dict_code *c = &e->codes[i];
    if (c->from == DICT_OPEN_FROM && c->to == DICT_OPEN_TO) open = c->code;
    if (date && c->from <= date && date <= c->to && !(c->from == DICT_OPEN_FROM && c->to == DICT_OPEN_TO))
      return c->code;
    if (c->to > latest_to) latest_to = c->to, latest = c->code;
  }
  if (open) return open;
  return date ? NULL : latest;
}

/* ---- loading by spec -------------------------------------------------- */

int dict_import_tabari(dict_builder *b, const char *path);
int dict_import_petrarch(dict_builder *b, const char *path);

int dict_load(dict_builder *b, const char *spec) {
  if (!strncmp(spec, "tabari:", 7)) return dict_import_tabari(b, spec + 7);
  if (!strncmp(spec, "petrarch:", 9)) return dict_import_petrarch(b, spec + 9);
  return load_native(b, spec);
}
