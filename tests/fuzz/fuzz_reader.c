/* libFuzzer target for the document readers: the first byte picks the kind
 * (JSON Lines line, HTML page, plain text); the rest is the document. Any
 * input must give a doc (coded or skipped with an error), never a crash. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "doc.h"
#include "html.h"
#include "jsonl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static int init;
  if (!init) html_init(), init = 1;
  if (size < 1) return 0;
  static const int kinds[] = {READ_JSONL, READ_HTML, READ_TEXT};
  reader_item it = {0};
  it.kind = kinds[data[0] % 3];
  it.input = "fuzz";
  it.line = it.kind == READ_JSONL ? 1 : 0;
  char *raw = malloc(size);
  memcpy(raw, data + 1, size - 1);
  doc_opts o = {"2025-01-01", "fuzz"};
  arena a;
  arena_init(&a, 4096);
  doc d;
  if (doc_read(&o, &a, &it, raw, size - 1, &d) == 0) {
    buf b;
    buf_init(&b);
    jsonl_doc(&b, &d, JSONL_SENTENCES);
    buf_free(&b);
  }
  doc_release(&d);
  arena_free(&a);
  free(raw);
  return 0;
}
