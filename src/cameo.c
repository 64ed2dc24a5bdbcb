#include "cameo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

struct cameo_table {
  cameo_code *c;
  size_t n;
};

/* field copies the tab-separated field starting at *p into out. */
static void field(char **p, char *out, size_t cap) {
  char *s = *p, *tab = s ? strchr(s, '\t') : NULL;
  size_t n = s ? (tab ? (size_t)(tab - s) : strcspn(s, "\r\n")) : 0;
  if (n >= cap) n = cap - 1;
  if (s) memcpy(out, s, n);
  out[n] = 0;
  while (n && (out[n - 1] == ' ')) out[--n] = 0;
  *p = tab ? tab + 1 : NULL;
}

static int by_code(const void *a, const void *b) {
  return strcmp(((const cameo_code *)a)->code, ((const cameo_code *)b)->code);
}

int cameo_load(const char *path, cameo_table **out, size_t *nbad) {
  FILE *f = fopen(path, "r");
  *nbad = 0;
  if (!f) return ERR_NOTFOUND;
  cameo_table *t = calloc(1, sizeof *t);
  size_t cap = 512;
  if (t) t->c = calloc(cap, sizeof *t->c);
  if (!t || !t->c) {
    fclose(f);
    cameo_free(t);
    return ERR_NOMEM;
  }
  char line[512], g[32];
  while (fgets(line, sizeof line, f) && t->n < cap) {
    if (line[0] == '#' || line[0] == '\n') continue;
    cameo_code *c = &t->c[t->n];
    char *p = line;
    field(&p, c->code, sizeof c->code);
    field(&p, g, sizeof g);
    field(&p, c->plover, sizeof c->plover);
    field(&p, c->mode, sizeof c->mode);
    field(&p, c->context, sizeof c->context);
    field(&p, c->name, sizeof c->name);
    size_t k = strlen(c->code);
    if (k < 2 || k > 4 || strspn(c->code, "0123456789") != k) {
      (*nbad)++;
      continue;
    }
    char *end;
    c->goldstein = strtod(g, &end);
    c->has_goldstein = end != g;
    t->n++;
  }
  fclose(f);
  qsort(t->c, t->n, sizeof *t->c, by_code); /* for cameo_find's binary search */
  *out = t;
  return ERR_OK;
}

void cameo_free(cameo_table *t) {
  if (!t) return;
  free(t->c);
  free(t);
}


const cameo_code *cameo_find(const cameo_table *t, const char *code) {
  if (!t || !t->n) return NULL;
  cameo_code key;
  snprintf(key.code, sizeof key.code, "%s", code);
  return bsearch(&key, t->c, t->n, sizeof *t->c, by_code);
}

int cameo_quad(const char *code) {
  if (!code || code[0] < '0' || code[0] > '2' || code[1] < '0' || code[1] > '9') return 0;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  if (root >= 1 && root <= 5) return 1;
  if (root >= 6 && root <= 9) return 2;
  if (root >= 10 && root <= 14) return 3;
  if (root >= 15 && root <= 20) return 4;
  return 0;
}
