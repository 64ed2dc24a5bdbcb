/* cameo.h: the CAMEO event code table (dict/cameo.tsv): for each code its
 * Goldstein weight, PLOVER type, mode and context, and name; and the derived
 * root and quad class. Loaded once, immutable, shared by all threads. */
#ifndef DYAD_CAMEO_H
#define DYAD_CAMEO_H

#include <stddef.h>

typedef struct cameo_code {
  char code[6];
  double goldstein;
  int has_goldstein;
  char plover[24]; /* "" when CAMEO2PLOVER has no type for it (statements) */
  char mode[24];
  char context[48];
  char name[120];
} cameo_code;

typedef struct cameo_table cameo_table;

/* cameo_load reads path into *out. Returns ERR_OK, ERR_NOTFOUND, ERR_NOMEM;
 * malformed lines are skipped and counted in *nbad. */
int cameo_load(const char *path, cameo_table **out, size_t *nbad);
void cameo_free(cameo_table *t);

/* cameo_find returns the entry for code ("042", "0231"), or NULL. */
const cameo_code *cameo_find(const cameo_table *t, const char *code);

/* cameo_quad: GDELT's quad class of a code: roots 01-05 -> 1, 06-09 -> 2,
 * 10-14 -> 3, 15-20 -> 4; 0 for a malformed code. */
int cameo_quad(const char *code);

#endif
