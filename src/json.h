/* json.h: what dyad adds to cJSON for reading JSON Lines documents.
 *
 * cJSON accepts invalid UTF-8 and ends strings at "\u0000", which would lose the
 * rest of a text. json_prepare() fixes a line before parsing, and
 * json_write_value() writes a parsed value back with every string repaired to
 * valid UTF-8.
 *
 * json_parse_flat() reads a line into an array of json_node allocated from an
 * arena, unescaping strings in place: no malloc per value, and freed with the
 * arena. The store reads every record `dyad code` writes this way (cJSON's
 * malloc and free per value cost more than the parse). It gives the values
 * cJSON_ParseWithLength() gives: a line it does not read as plain RFC 8259
 * JSON (a \u0000 escape, a control byte, trailing text, ...) is handed to
 * cJSON and its tree copied into nodes, so the two never disagree.
 *
 * Stateless and thread-safe (cJSON's parser keeps one global error pointer
 * that dyad never reads). */
#ifndef DYAD_JSON_H
#define DYAD_JSON_H

#include <cjson/cJSON.h>
#include <stddef.h>
#include <stdint.h>

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

/* A parsed value. Nodes are in document order: an array's or object's
 * children follow it, and a node's next sibling is node + node->size. */
enum { JSON_NULL, JSON_FALSE, JSON_TRUE, JSON_NUMBER, JSON_STRING, JSON_ARRAY, JSON_OBJECT };

typedef struct json_node {
  unsigned char type; /* JSON_* */
  uint32_t size;      /* nodes in this value, itself and all it holds */
  uint32_t nkey, ns;  /* lengths of key and s */
  const char *key;    /* an object member's name, NUL-terminated; NULL otherwise */
  union {
    const char *s; /* JSON_STRING: the text, NUL-terminated, no NUL inside */
    double num;    /* JSON_NUMBER */
  } v;
} json_node;

/* json_parse_flat parses the JSON value in z[0..n) into nodes from a; *out is
 * the first (the root). z is overwritten (strings are unescaped in place and
 * NUL-terminated, so strings point into z: z must live as long as the
 * nodes); orig, an unmodified copy of z (may be z's original bytes elsewhere),
 * is what cJSON reads when the line is not plain JSON. Returns ERR_OK,
 * ERR_PARSE (cJSON does not read it either) or ERR_NOMEM. */
int json_parse_flat(arena *a, char *z, const char *orig, size_t n, const json_node **out);

/* json_first is the first child of an array or object (NULL if none);
 * json_next the next sibling within parent (NULL after the last). */
static inline const json_node *json_first(const json_node *v) {
  return (v->type == JSON_ARRAY || v->type == JSON_OBJECT) && v->size > 1 ? v + 1 : NULL;
}
static inline const json_node *json_next(const json_node *parent, const json_node *c) {
  const json_node *n = c + c->size;
  return n < parent + parent->size ? n : NULL;
}

/* json_member is the first member of object v named name (as
 * cJSON_GetObjectItemCaseSensitive); NULL if none or v is not an object. */
const json_node *json_member(const json_node *v, const char *name);

/* json_count is the number of v's children (cJSON_GetArraySize). */
size_t json_count(const json_node *v);

/* json_write_node writes v exactly as json_write_value() writes the cJSON
 * tree of the same text. */
void json_write_node(buf *b, arena *a, const json_node *v, size_t *nbad);

#endif
