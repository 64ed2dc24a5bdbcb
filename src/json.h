/* json.h: what dyad adds to cJSON for reading JSON Lines documents.
 *
 * cJSON accepts invalid UTF-8 and ends strings at "\u0000", which would lose the
 * rest of a text. json_prepare() fixes a line before parsing, and
 * json_write_value() writes a parsed value back with every string repaired to
 * valid UTF-8. Stateless and thread-safe (cJSON's parser keeps one global error
 * pointer that dyad never reads). */
#ifndef DYAD_JSON_H
#define DYAD_JSON_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "arena.h"
#include "buf.h"

typedef struct json_fixes {
  size_t nul;       /* raw NUL bytes and \u0000 escapes, made U+FFFD */
  size_t surrogate; /* \uD800-\uDFFF escapes without their pair, made U+FFFD */
} json_fixes;

/* json_prepare returns in *out and *nout a copy of z[0..n) (or z itself when
 * nothing needs fixing) where raw NULs, "\u0000" and unpaired surrogate escapes
 * are replaced by "\uFFFD". Returns ERR_OK or ERR_NOMEM. */
int json_prepare(arena *a, char *z, size_t n, const char **out, size_t *nout, json_fixes *fx);

/* json_write_value writes v as compact JSON; strings are repaired to valid
 * UTF-8 with a (for scratch); adds 1 to *nbad per string that needed repair. */
void json_write_value(buf *b, arena *a, const cJSON *v, size_t *nbad);

/* json_clean_string returns a copy of v's string made valid NFC UTF-8,
 * allocated from a, or NULL if v is not a string. */
const char *json_clean_string(arena *a, const cJSON *v, size_t *nbad);

#endif
