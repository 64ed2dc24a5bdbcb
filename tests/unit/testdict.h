/* testdict.h: a dictionary from text, for the unit tests that need one
 * (actors, quotes, claims): written to a temporary file and loaded the way
 * users' files are. Returns 0 and *out, or -1 if the text has any problem. */
#ifndef DYAD_TESTDICT_H
#define DYAD_TESTDICT_H

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dict.h"

static inline int testdict_build(const char *text, dict **out) {
  char path[] = "/tmp/dyad-test-dict-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return -1;
  size_t n = strlen(text);
  int ok = write(fd, text, n) == (ssize_t)n;
  close(fd);
  dict_builder *b;
  if (!ok || dict_builder_new(&b)) return unlink(path), -1;
  dict_load(b, path);
  unlink(path);
  size_t nerr;
  dict_builder_errors(b, &nerr);
  if (nerr) return dict_builder_free(b), -1;
  return dict_build(b, out) ? -1 : 0;
}

#endif
