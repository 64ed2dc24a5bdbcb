/* libFuzzer target for the text layer: raw bytes are cleaned to UTF-8 and
 * segmented; every token and sentence must lie inside the text, in order. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "text.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  arena a;
  arena_init(&a, 4096);
  const char *z;
  size_t n;
  utf8_report rep;
  if (utf8_clean(&a, (const char *)data, size, &z, &n, &rep) == 0) {
    text_doc d;
    if (text_segment(&a, z, n, &d) == 0) {
      uint32_t prev = 0;
      for (uint32_t i = 0; i < d.ntok; i++) {
        if (d.tok[i].start < prev || d.tok[i].end <= d.tok[i].start || d.tok[i].end > n) abort();
        prev = d.tok[i].end;
      }
      for (uint32_t i = 0; i < d.nsent; i++)
        if (d.sent[i].end > n || d.sent[i].tok + d.sent[i].ntok > d.ntok) abort();
      char key[256];
      for (uint32_t i = 0; i < d.ntok; i++)
        text_key(z + d.tok[i].start, d.tok[i].end - d.tok[i].start, key, sizeof key);
    }
  }
  arena_free(&a);
  return 0;
}
