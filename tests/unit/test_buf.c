/* Unit tests for buf: growth, printf, and the JSON writing helpers. Each case
 * says why it exists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "err.h"

/* B(s) expands to a literal and its length, so cases may hold NUL bytes. */
#define B(s) s, sizeof(s) - 1

/* got returns the contents of b as a NUL-terminated static string. */
static const char *got(const buf *b) {
  static char out[4096];
  size_t n = b->n < sizeof out - 1 ? b->n : sizeof out - 1;
  if (n) memcpy(out, b->z, n);
  out[n] = 0;
  return out;
}

typedef struct jcase {
  const char *why;
  const char *in;
  size_t n;
  const char *want;
} jcase;

static const jcase JSON_STR[] = {
    {"plain text is only quoted", B("Kim met Putin"), "\"Kim met Putin\""},
    {"the empty string", B(""), "\"\""},
    {"a double quote inside text", B("he said \"no\""), "\"he said \\\"no\\\"\""},
    {"a backslash (Windows paths, regex in text)", B("C:\\dir"), "\"C:\\\\dir\""},
    {"newline between paragraphs", B("a\nb"), "\"a\\nb\""},
    {"tab", B("a\tb"), "\"a\\tb\""},
    {"carriage return from CRLF text", B("a\r\nb"), "\"a\\r\\nb\""},
    {"backspace", B("a\bb"), "\"a\\bb\""},
    {"form feed (page breaks in wire text)", B("a\fb"), "\"a\\fb\""},
    {"a NUL byte gets a \\u escape, not a cut", B("a\0b"), "\"a\\u0000b\""},
    {"other C0 controls use lower-case \\u00XX", B("\x01\x1B\x1F"),
     "\"\\u0001\\u001b\\u001f\""},
    {"vertical tab has no short escape", B("\v"), "\"\\u000b\""},
    {"DEL (0x7F) may appear raw in JSON", B("\x7F"), "\"\x7F\""},
    {"a slash needs no escape", B("a/b"), "\"a/b\""},
    {"an escape as the first and the last byte", B("\"x\""), "\"\\\"x\\\"\""},
    {"only characters that need escaping", B("\n\n\n"), "\"\\n\\n\\n\""},
    {"two-byte UTF-8 passes through", B("Caf\xC3\xA9"), "\"Caf\xC3\xA9\""},
    {"Cyrillic passes through", B("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"),
     "\"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0\""},
    {"curly quotes are not JSON quotes", B("\xE2\x80\x9Cwar\xE2\x80\x9D"),
     "\"\xE2\x80\x9Cwar\xE2\x80\x9D\""},
    {"emoji (four bytes) passes through", B("\xF0\x9F\x98\x80"), "\"\xF0\x9F\x98\x80\""},
    {"U+2028 LINE SEPARATOR is valid raw in JSON", B("\xE2\x80\xA8"), "\"\xE2\x80\xA8\""},
    {"only n bytes are written, not up to a NUL", "abcdef", 3, "\"abc\""},
};

static void test_json_str(void **state) {
  (void)state;
  int nfail = 0;
  for (size_t i = 0; i < sizeof JSON_STR / sizeof *JSON_STR; i++) {
    const jcase *c = &JSON_STR[i];
    buf b;
    buf_init(&b);
    buf_json_str(&b, c->in, c->n);
    if (b.oom || b.n != strlen(c->want) || memcmp(b.z, c->want, b.n)) {
      print_error("case %zu (%s)\n  want: %s\n  got:  %s\n", i, c->why, c->want, got(&b));
      nfail++;
    }
    buf_free(&b);
  }
  if (nfail) fail_msg("%d cases failed", nfail);
}

/* Strings are appended after what is already there, as when a record is
 * written field by field. */
static void test_json_record(void **state) {
  (void)state;
  buf b;
  buf_init(&b);
  buf_addc(&b, '{');
  buf_json_strz(&b, "id");
  buf_addc(&b, ':');
  buf_json_strz(&b, "doc-1");
  buf_adds(&b, ",\"date\":");
  buf_json_strz(&b, NULL);
  buf_adds(&b, ",\"n\":");
  buf_json_int(&b, -42);
  buf_adds(&b, ",\"span\":");
  buf_json_span(&b, 3, 17);
  buf_addc(&b, '}');
  assert_false(b.oom);
  assert_int_equal(b.n, strlen(got(&b)));
  assert_string_equal(got(&b), "{\"id\":\"doc-1\",\"date\":null,\"n\":-42,\"span\":[3,17]}");
  buf_free(&b);
}

typedef struct scase {
  const char *why;
  const char *in; /* NULL writes null */
  const char *want;
} scase;

static const scase JSON_STRZ[] = {
    {"a missing optional field (no date) is JSON null", NULL, "null"},
    {"an empty string is not null", "", "\"\""},
    {"strz escapes like json_str", "a\"b", "\"a\\\"b\""},
    {"the string \"null\" is quoted, not confused with null", "null", "\"null\""},
};

static void test_json_strz(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof JSON_STRZ / sizeof *JSON_STRZ; i++) {
    buf b;
    buf_init(&b);
    buf_json_strz(&b, JSON_STRZ[i].in);
    if (strcmp(got(&b), JSON_STRZ[i].want)) {
      print_error("case %zu (%s): want %s got %s\n", i, JSON_STRZ[i].why, JSON_STRZ[i].want,
                  got(&b));
      fail();
    }
    buf_free(&b);
  }
}

typedef struct icase {
  const char *why;
  long long v;
  const char *want;
} icase;

static const icase JSON_INT[] = {
    {"zero", 0, "0"},
    {"a small positive count", 42, "42"},
    {"negative", -1, "-1"},
    {"the largest value has no overflow", 9223372036854775807LL, "9223372036854775807"},
    {"the smallest value (cannot be negated)", -9223372036854775807LL - 1,
     "-9223372036854775808"},
};

static void test_json_int(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof JSON_INT / sizeof *JSON_INT; i++) {
    buf b;
    buf_init(&b);
    buf_json_int(&b, JSON_INT[i].v);
    if (strcmp(got(&b), JSON_INT[i].want)) {
      print_error("case %zu (%s): want %s got %s\n", i, JSON_INT[i].why, JSON_INT[i].want,
                  got(&b));
      fail();
    }
    buf_free(&b);
  }
}

typedef struct pcase {
  const char *why;
  size_t s, e;
  const char *want;
} pcase;

static const pcase JSON_SPAN[] = {
    {"an empty span at the start", 0, 0, "[0,0]"},
    {"an ordinary token span", 3, 17, "[3,17]"},
    {"offsets past 4 GiB (size_t, not int)", 5000000000u, 5000000010u,
     "[5000000000,5000000010]"},
    {"the largest offsets fit the buffer", SIZE_MAX, SIZE_MAX,
     "[18446744073709551615,18446744073709551615]"},
};

static void test_json_span(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof JSON_SPAN / sizeof *JSON_SPAN; i++) {
    buf b;
    buf_init(&b);
    buf_json_span(&b, JSON_SPAN[i].s, JSON_SPAN[i].e);
    if (strcmp(got(&b), JSON_SPAN[i].want)) {
      print_error("case %zu (%s): want %s got %s\n", i, JSON_SPAN[i].why, JSON_SPAN[i].want,
                  got(&b));
      fail();
    }
    buf_free(&b);
  }
}

/* Many small appends cross every growth step; nothing may be lost. */
static void test_growth(void **state) {
  (void)state;
  buf b;
  buf_init(&b);
  for (int i = 0; i < 100000; i++) buf_add(&b, "abc", 3);
  for (int i = 0; i < 1000; i++) buf_addc(&b, (char)('0' + i % 10));
  assert_false(b.oom);
  assert_int_equal(b.n, 301000);
  assert_true(b.cap > b.n);
  for (size_t i = 0; i < 300000; i += 3) assert_memory_equal(b.z + i, "abc", 3);
  for (size_t i = 0; i < 1000; i++) assert_int_equal(b.z[300000 + i], '0' + (int)(i % 10));
  /* adding nothing changes nothing */
  buf_add(&b, "", 0);
  buf_adds(&b, "");
  assert_int_equal(b.n, 301000);
  buf_free(&b);
  assert_null(b.z);
  assert_int_equal(b.n, 0);
}

/* A large string of control characters is the worst case for json_str: every
 * byte becomes six. */
static void test_json_str_worst_case(void **state) {
  (void)state;
  enum { N = 20000 };
  static char in[N];
  memset(in, 0x01, N);
  buf b;
  buf_init(&b);
  buf_adds(&b, "x"); /* not at the start of the buffer */
  buf_json_str(&b, in, N);
  assert_false(b.oom);
  assert_int_equal(b.n, 1 + 2 + 6 * (size_t)N);
  assert_int_equal(b.z[1], '"');
  assert_memory_equal(b.z + 2, "\\u0001\\u0001", 12);
  assert_memory_equal(b.z + b.n - 7, "\\u0001\"", 7);
  buf_free(&b);
}

/* After buf_clear the buffer is reused from the start. */
static void test_clear(void **state) {
  (void)state;
  buf b;
  buf_init(&b);
  buf_adds(&b, "first record");
  char *z = b.z;
  buf_clear(&b);
  assert_int_equal(b.n, 0);
  buf_adds(&b, "second");
  assert_ptr_equal(b.z, z); /* no new allocation */
  assert_string_equal(got(&b), "second");
  buf_free(&b);
}

/* A request that cannot be met sets oom; later appends are dropped rather
 * than written past the end, and buf_clear lets the writer start over. */
static void test_oom(void **state) {
  (void)state;
  buf b;
  buf_init(&b);
  buf_adds(&b, "abc");
  assert_int_equal(buf_reserve(&b, SIZE_MAX), ERR_NOMEM);
  assert_true(b.oom);
  buf_adds(&b, "def");
  buf_addc(&b, 'g');
  buf_printf(&b, "%d", 5);
  buf_json_str(&b, "x", 1);
  assert_int_equal(b.n, 3);
  assert_memory_equal(b.z, "abc", 3);
  buf_clear(&b);
  assert_false(b.oom);
  buf_adds(&b, "ok");
  assert_string_equal(got(&b), "ok");
  buf_free(&b);
}

typedef struct fcase {
  const char *why;
  const char *prefix;
  int width;
  const char *s;
  const char *want;
} fcase;

static const fcase PRINTF[] = {
    {"a formatted number and string", "", 0, "doc", "doc:0"},
    {"appends after existing text", "id=", 0, "x", "id=x:0"},
    {"an empty result appends nothing", "keep", -1, "", "keep"},
    {"output longer than the initial capacity grows the buffer", "", 300, "y", NULL},
};

static void test_printf(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof PRINTF / sizeof *PRINTF; i++) {
    const fcase *c = &PRINTF[i];
    buf b;
    buf_init(&b);
    buf_adds(&b, c->prefix);
    if (c->width < 0) buf_printf(&b, "%s", c->s);
    else if (c->width == 0) buf_printf(&b, "%s:%d", c->s, 0);
    else buf_printf(&b, "%*s", c->width, c->s);
    int ok;
    if (c->want) {
      ok = !strcmp(got(&b), c->want) && b.n == strlen(c->want);
    } else {
      ok = b.n == (size_t)c->width && b.z[b.n - 1] == 'y' && b.z[0] == ' ';
    }
    if (!ok) {
      print_error("case %zu (%s): got \"%s\" (n=%zu)\n", i, c->why, got(&b), b.n);
      fail();
    }
    buf_free(&b);
  }
  /* many printfs in a row keep every piece */
  buf b;
  buf_init(&b);
  for (int i = 0; i < 1000; i++) buf_printf(&b, "%d,", i);
  assert_false(b.oom);
  size_t at = 0;
  for (int i = 0; i < 1000; i++) {
    char tmp[16];
    int k = snprintf(tmp, sizeof tmp, "%d,", i);
    assert_memory_equal(b.z + at, tmp, (size_t)k);
    at += (size_t)k;
  }
  assert_int_equal(at, b.n);
  buf_free(&b);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_json_str),   cmocka_unit_test(test_json_record),
      cmocka_unit_test(test_json_strz),  cmocka_unit_test(test_json_int),
      cmocka_unit_test(test_json_span),  cmocka_unit_test(test_growth),
      cmocka_unit_test(test_json_str_worst_case), cmocka_unit_test(test_clear),
      cmocka_unit_test(test_oom),        cmocka_unit_test(test_printf),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
