#include "reader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "utf8.h"

#define CHUNK (1u << 16)
#define SNIFF 8192

struct reader {
  const char *const *paths;
  size_t npaths, next_path;
  size_t max_bytes;
  /* the open input */
  const char *name;
  int fd, kind, is_stdin;
  long line;
  int started; /* the input produced an item or a line (empty-file check) */
  char *chunk;
  size_t beg, end;
  int eof;
  size_t ndocs;
};

int reader_open(const char *const *paths, size_t n, size_t max_bytes, reader **out) {
  static const char *const stdin_only[] = {"-"};
  reader *r = calloc(1, sizeof *r);
  if (!r) return ERR_NOMEM;
  r->chunk = malloc(CHUNK);
  if (!r->chunk) {
    free(r);
    return ERR_NOMEM;
  }
  r->paths = n ? paths : stdin_only;
  r->npaths = n ? n : 1;
  r->max_bytes = max_bytes;
  r->fd = -1;
  *out = r;
  return ERR_OK;
}

void reader_close(reader *r) {
  if (!r) return;
  if (r->fd > 0) close(r->fd);
  free(r->chunk);
  free(r);
}

size_t reader_ndocs(const reader *r) { return r->ndocs; }

static void close_input(reader *r) {
  if (r->fd >= 0 && !r->is_stdin) close(r->fd);
  r->fd = -1;
  r->name = NULL;
}

static void set_error(reader_item *it, const char *input, long line, const char *fmt,
                      const char *a, unsigned long long x, unsigned long long y) {
  it->kind = READ_ERROR;
  it->input = input;
  it->line = line;
  snprintf(it->message, sizeof it->message, fmt, a, x, y);
}

/* fill reads more bytes after the unread ones; returns bytes read, 0 at EOF. */
static size_t fill(reader *r) {
  if (r->eof) return 0;
  if (r->beg > 0) {
    memmove(r->chunk, r->chunk + r->beg, r->end - r->beg);
    r->end -= r->beg;
    r->beg = 0;
  }
  if (r->end == CHUNK) return 0;
  ssize_t k;
  do k = read(r->fd, r->chunk + r->end, CHUNK - r->end);
  while (k < 0 && errno == EINTR);
  if (k <= 0) {
    r->eof = 1;
    return 0;
  }
  r->end += (size_t)k;
  return (size_t)k;
}

static const char *ext_of(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *dot = strrchr(slash ? slash : path, '.');
  return dot ? dot + 1 : "";
}

/* looks_binary: a file whose first bytes are more than 10% NUL, control or
 * invalid UTF-8 is not text; a few such bytes in text are repaired instead. */
static int looks_binary(const char *z, size_t n) {
  size_t bad = 0, i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)z[i];
    if (c < 0x80) {
      bad += c == 0 || (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b);
      i++;
      continue;
    }
    size_t len = utf8_valid_len((const unsigned char *)z + i, n - i);
    if (!len && n - i < 4) break; /* a sequence cut by the sniff window */
    if (!len) bad++;
    i += len ? len : 1;
  }
  return bad * 10 > n;
}

static int sniff_kind(const char *path, const char *z, size_t n) {
  const char *e = ext_of(path);
  if (!strcasecmp(e, "jsonl") || !strcasecmp(e, "ndjson") || !strcasecmp(e, "json"))
    return READ_JSONL;
  if (!strcasecmp(e, "html") || !strcasecmp(e, "htm") || !strcasecmp(e, "xhtml"))
    return READ_HTML;
  if (!strcasecmp(e, "txt") || !strcasecmp(e, "text")) return READ_TEXT;
  size_t i = 0;
  if (n >= 3 && !memcmp(z, "\xEF\xBB\xBF", 3)) i = 3;
  while (i < n && (z[i] == ' ' || z[i] == '\t' || z[i] == '\n' || z[i] == '\r')) i++;
  if (i < n && z[i] == '{') return READ_JSONL;
  if (i < n && z[i] == '<') return READ_HTML;
  return READ_TEXT;
}

/* open_next opens the next path; on a problem it fills *it with an error and
 * returns 1; returns 0 when a file is open, -1 when no paths remain. */
static int open_next(reader *r, reader_item *it) {
  if (r->next_path >= r->npaths) return -1;
  const char *path = r->paths[r->next_path++];
  r->is_stdin = strcmp(path, "-") == 0;
  r->name = path;
  r->beg = r->end = 0;
  r->eof = 0;
  r->line = 0;
  r->started = 0;
  if (r->is_stdin) {
    r->fd = 0;
  } else {
    struct stat st;
    if (stat(path, &st) != 0) {
      it->kind = READ_ERROR;
      it->input = path;
      snprintf(it->message, sizeof it->message, "cannot open %s: %s; input skipped", path,
               strerror(errno));
      r->name = NULL;
      return 1;
    }
    if (S_ISDIR(st.st_mode)) {
      set_error(it, path, 0, "%s is a directory; input skipped (give the files in it)", path,
                0, 0);
      r->name = NULL;
      return 1;
    }
    r->fd = open(path, O_RDONLY);
    if (r->fd < 0) {
      it->kind = READ_ERROR;
      it->input = path;
      snprintf(it->message, sizeof it->message, "cannot open %s: %s; input skipped", path,
               strerror(errno));
      r->name = NULL;
      return 1;
    }
  }
  while (r->end < SNIFF && fill(r)) {}
  if (r->end == 0) {
    set_error(it, path, 0, "%s is empty; nothing to code", path, 0, 0);
    close_input(r);
    return 1;
  }
  size_t sn = r->end < SNIFF ? r->end : SNIFF;
  if (looks_binary(r->chunk, sn)) {
    set_error(it, path, 0, "%s looks like a binary file, not text; input skipped", path, 0, 0);
    close_input(r);
    return 1;
  }
  r->kind = r->is_stdin ? (sniff_kind("", r->chunk, r->end) == READ_JSONL ? READ_JSONL : READ_TEXT)
                        : sniff_kind(path, r->chunk, r->end);
  return 0;
}

/* read_whole reads the rest of the open file into data; over max_bytes it
 * stops storing, drains the input and returns an error item. */
static int read_whole(reader *r, reader_item *it, buf *data) {
  size_t total = 0, off = data->n;
  int over = 0;
  do {
    size_t k = r->end - r->beg;
    total += k;
    if (!over && total > r->max_bytes) over = 1;
    if (!over) buf_add(data, r->chunk + r->beg, k);
    r->beg = r->end;
  } while (fill(r));
  if (data->oom) return ERR_NOMEM;
  if (over) {
    data->n = off;
    set_error(it, r->name, 0, "%s is %llu bytes, over the --max-bytes limit of %llu; input skipped",
              r->name, total, r->max_bytes);
    return 1;
  }
  it->off = off;
  it->n = data->n - off;
  it->kind = r->kind;
  it->input = r->name;
  it->line = 0;
  r->ndocs++;
  return 1;
}

/* next_line stores the next non-blank line in data. Returns 1 with an item
 * (a line or an over-long-line error), 0 at the end of the input. */
static int next_line(reader *r, reader_item *it, buf *data) {
  for (;;) {
    if (r->beg == r->end && !fill(r)) return 0;
    r->line++;
    size_t total = 0;
    int over = 0, got_nl = 0;
    size_t off = data->n;
    for (;;) {
      char *p = memchr(r->chunk + r->beg, '\n', r->end - r->beg);
      size_t k = p ? (size_t)(p - (r->chunk + r->beg)) : r->end - r->beg;
      total += k;
      if (!over && total > r->max_bytes) over = 1;
      if (!over) buf_add(data, r->chunk + r->beg, k);
      r->beg += k;
      if (p) {
        r->beg++;
        got_nl = 1;
        break;
      }
      if (!fill(r)) break;
    }
    (void)got_nl;
    if (data->oom) return ERR_NOMEM;
    if (over) {
      data->n = off;
      set_error(it, r->name, r->line,
                "%s: line is %llu bytes, over the --max-bytes limit of %llu; line skipped",
                r->name, total, r->max_bytes);
      return 1;
    }
    size_t i = off;
    while (i < data->n && (data->z[i] == ' ' || data->z[i] == '\t' || data->z[i] == '\r')) i++;
    if (i == data->n) { /* blank line */
      data->n = off;
      continue;
    }
    it->off = off;
    it->n = data->n - off;
    it->kind = READ_JSONL;
    it->input = r->name;
    it->line = r->line;
    r->ndocs++;
    return 1;
  }
}

int reader_next(reader *r, reader_item *it, buf *data) {
  memset(it, 0, sizeof *it);
  for (;;) {
    if (!r->name) {
      int rc = open_next(r, it);
      if (rc < 0) return 0;
      if (rc > 0) return 1;
    }
    if (r->kind != READ_JSONL) {
      int rc = read_whole(r, it, data);
      close_input(r);
      return rc;
    }
    int rc = next_line(r, it, data);
    if (rc) return rc;
    close_input(r);
  }
}
