/* conf.h: what the conformance programs share. */
#ifndef DYAD_CONF_H
#define DYAD_CONF_H

#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

/* conf_read_line returns the next line of f without its newline (malloc'd,
 * the caller frees it), or NULL at the end of the file or out of memory. */
static inline char *conf_read_line(FILE *f) {
  char *z = NULL;
  size_t cap = 0;
  ssize_t n = getline(&z, &cap, f);
  if (n < 0) return free(z), NULL;
  if (n > 0 && z[n - 1] == '\n') z[n - 1] = 0;
  return z;
}

#endif
