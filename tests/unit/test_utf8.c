/* Unit tests for utf8: repair of invalid bytes and NULs, NFC, and the small
 * encode/decode helpers. Each case says why it exists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "err.h"
#include "utf8.h"

/* B(s) expands to a literal and its length, so cases may hold NUL bytes. */
#define B(s) s, sizeof(s) - 1
#define FFFD "\xEF\xBF\xBD"

/* hex writes z[0..n) as hex bytes into a static buffer, for failure messages. */
static const char *hex(const char *z, size_t n) {
  static char out[2][1024];
  static int k;
  char *o = out[k ^= 1];
  size_t j = 0;
  for (size_t i = 0; i < n && j + 4 < sizeof out[0]; i++)
    j += (size_t)snprintf(o + j, sizeof out[0] - j, "%02X ", (unsigned char)z[i]);
  o[j] = 0;
  return o;
}

typedef struct ccase {
  const char *why;
  const char *in;
  size_t nin;
  const char *want;
  size_t nwant;
  size_t nbad, nnul;
  int normalized;
  int same; /* 1: *out must be the input pointer; 0: must be a copy; -1: either */
} ccase;

static const ccase CLEAN[] = {
    /* the fast path: most news text is plain ASCII and must cost no copy */
    {"short ASCII takes the fast path without a copy", B("Kim met Putin."), B("Kim met Putin."),
     0, 0, 0, 1},
    {"ASCII longer than one 8-byte word takes the fast path",
     B("MOSCOW (Reuters) - Russia said on Monday it would respond."),
     B("MOSCOW (Reuters) - Russia said on Monday it would respond."), 0, 0, 0, 1},
    {"empty input is clean", B(""), B(""), 0, 0, 0, 1},
    {"DEL (0x7F) is valid ASCII, not a control to strip", B("a\x7F" "b"), B("a\x7F" "b"), 0, 0, 0,
     1},

    /* invalid bytes: each byte becomes one U+FFFD and counts once in nbad */
    {"a lone continuation byte", B("a\x80" "b"), B("a" FFFD "b"), 1, 0, 0, 0},
    {"a lone continuation byte after a long ASCII prefix (word loop stops on it)",
     B("abcdefghijklmnop\x80"), B("abcdefghijklmnop" FFFD), 1, 0, 0, 0},
    {"overlong two-byte '/' (C0 AF) is two bad bytes", B("\xC0\xAF"), B(FFFD FFFD), 2, 0, 0, 0},
    {"overlong C1 lead byte", B("\xC1\xBF"), B(FFFD FFFD), 2, 0, 0, 0},
    {"overlong three-byte form (E0 80 AF)", B("\xE0\x80\xAF"), B(FFFD FFFD FFFD), 3, 0, 0, 0},
    {"overlong four-byte form (F0 80 80 AF)", B("\xF0\x80\x80\xAF"), B(FFFD FFFD FFFD FFFD), 4, 0,
     0, 0},
    {"a three-byte sequence truncated at the end (E2 82 of a euro sign)", B("cost \xE2\x82"),
     B("cost " FFFD FFFD), 2, 0, 0, 0},
    {"a four-byte sequence truncated at the end", B("x\xF0\x9F\x98"), B("x" FFFD FFFD FFFD), 3, 0,
     0, 0},
    {"a truncated sequence followed by ASCII", B("\xE2\x82" "5"), B(FFFD FFFD "5"), 2, 0, 0, 0},
    {"an encoded UTF-16 surrogate (ED A0 80) is not UTF-8", B("\xED\xA0\x80"),
     B(FFFD FFFD FFFD), 3, 0, 0, 0},
    {"the last code point before the surrogates (U+D7FF) is valid", B("\xED\x9F\xBF"),
     B("\xED\x9F\xBF"), 0, 0, 0, -1},
    {"F5 can never start a sequence", B("\xF5\x80\x80\x80"), B(FFFD FFFD FFFD FFFD), 4, 0, 0, 0},
    {"FF is never valid (Latin-1 y with diaeresis in a mislabelled page)", B("\xFF"), B(FFFD), 1,
     0, 0, 0},
    {"F4 90 80 80 is above U+10FFFF", B("\xF4\x90\x80\x80"), B(FFFD FFFD FFFD FFFD), 4, 0, 0, 0},
    {"U+10FFFF itself is valid", B("\xF4\x8F\xBF\xBF"), B("\xF4\x8F\xBF\xBF"), 0, 0, 0, -1},
    {"a Latin-1 page read as UTF-8: bad bytes between valid letters", B("caf\xE9 cr\xE8me"),
     B("caf" FFFD " cr" FFFD "me"), 2, 0, 0, 0},
    {"a bad byte after valid multibyte text keeps the valid part",
     B("\xD0\x9C\xD0\xBE\xD1\x81\x80"), B("\xD0\x9C\xD0\xBE\xD1\x81" FFFD), 1, 0, 0, 0},

    /* NUL bytes: counted apart from invalid bytes */
    {"a NUL byte in short text", B("a\0b"), B("a" FFFD "b"), 0, 1, 0, 0},
    {"a NUL byte after a long ASCII prefix (found by the word test)",
     B("abcdefghijkl\0mnopqrstuvwxyz"), B("abcdefghijkl" FFFD "mnopqrstuvwxyz"), 0, 1, 0, 0},
    {"a NUL byte first", B("\0abc"), B(FFFD "abc"), 0, 1, 0, 0},
    {"NULs and bad bytes are counted separately", B("\0\x80\0"), B(FFFD FFFD FFFD), 1, 2, 0, 0},
    {"a NUL after valid non-ASCII text", B("\xC3\xA9\0"), B("\xC3\xA9" FFFD), 0, 1, 0, 0},

    /* NFC */
    {"e + combining acute composes to precomposed e-acute", B("e\xCC\x81"), B("\xC3\xA9"), 0, 0, 1,
     0},
    {"decomposed e-acute inside a word", B("Andre\xCC\x81 said"), B("Andr\xC3\xA9 said"), 0, 0, 1,
     0},
    {"A + combining ring composes to A-ring", B("A\xCC\x8A"), B("\xC3\x85"), 0, 0, 1, 0},
    {"U+212B ANGSTROM SIGN is a canonical singleton for U+00C5", B("\xE2\x84\xAB"), B("\xC3\x85"),
     0, 0, 1, 0},
    {"U+212B after ASCII (the NFC check starts after the ASCII prefix)", B("10 \xE2\x84\xAB"),
     B("10 \xC3\x85"), 0, 0, 1, 0},
    {"U+1F71 GREEK ALPHA WITH OXIA is a singleton for U+03AC (tonos)", B("\xE1\xBD\xB1"),
     B("\xCE\xAC"), 0, 0, 1, 0},
    {"U+2126 OHM SIGN is a singleton for U+03A9", B("\xE2\x84\xA6"), B("\xCE\xA9"), 0, 0, 1, 0},
    {"U+212A KELVIN SIGN is a singleton for K", B("\xE2\x84\xAA"), B("K"), 0, 0, 1, 0},
    {"combining marks are reordered and composed (a + acute + dot below)",
     B("a\xCC\x81\xCC\xA3"), B("\xE1\xBA\xA1\xCC\x81"), 0, 0, 1, 0},
    {"a composition-excluded letter (U+0958) is decomposed", B("\xE0\xA5\x98"),
     B("\xE0\xA4\x95\xE0\xA4\xBC"), 0, 0, 1, 0},
    {"Hangul leading + vowel jamo compose to a syllable", B("\xE1\x84\x80\xE1\x85\xA1"),
     B("\xEA\xB0\x80"), 0, 0, 1, 0},
    {"repair and NFC in one text", B("\x80" "e\xCC\x81"), B(FFFD "\xC3\xA9"), 1, 0, 1, 0},

    /* already NFC: must come back byte for byte, normalized = 0 */
    {"precomposed e-acute", B("Caf\xC3\xA9"), B("Caf\xC3\xA9"), 0, 0, 0, -1},
    {"u-umlaut", B("M\xC3\xBCnchen"), B("M\xC3\xBCnchen"), 0, 0, 0, -1},
    {"Cyrillic", B("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"),
     B("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0"), 0, 0, 0, -1},
    {"CJK", B("\xE5\x8C\x97\xE4\xBA\xAC"), B("\xE5\x8C\x97\xE4\xBA\xAC"), 0, 0, 0, -1},
    {"Hangul syllables", B("\xEC\x84\x9C\xEC\x9A\xB8"), B("\xEC\x84\x9C\xEC\x9A\xB8"), 0, 0, 0, -1},
    {"emoji (four bytes)", B("ok \xF0\x9F\x98\x80"), B("ok \xF0\x9F\x98\x80"), 0, 0, 0, -1},
    {"curly quotes and an em dash", B("\xE2\x80\x9CNo\xE2\x80\x9D \xE2\x80\x94 he said"),
     B("\xE2\x80\x9CNo\xE2\x80\x9D \xE2\x80\x94 he said"), 0, 0, 0, -1},
    {"a compatibility character (fi ligature) is left alone by NFC", B("\xEF\xAC\x81"),
     B("\xEF\xAC\x81"), 0, 0, 0, -1},
    {"U+FFFD already in the text is valid, not counted", B(FFFD), B(FFFD), 0, 0, 0, -1},
};

static void test_clean(void **state) {
  (void)state;
  int nfail = 0;
  for (size_t i = 0; i < sizeof CLEAN / sizeof *CLEAN; i++) {
    const ccase *c = &CLEAN[i];
    arena a;
    arena_init(&a, 0);
    const char *out = NULL;
    size_t nout = 0;
    utf8_report rep;
    int rc = utf8_clean(&a, c->in, c->nin, &out, &nout, &rep);
    int bad = rc != ERR_OK || nout != c->nwant || memcmp(out, c->want, nout) ||
              rep.nbad != c->nbad || rep.nnul != c->nnul || rep.normalized != c->normalized ||
              (c->same == 1 && out != c->in) || (c->same == 0 && out == c->in);
    if (bad) {
      print_error("case %zu (%s)\n  want: %s nbad=%zu nnul=%zu normalized=%d same=%d\n"
                  "  got:  %s nbad=%zu nnul=%zu normalized=%d same=%d rc=%d\n",
                  i, c->why, hex(c->want, c->nwant), c->nbad, c->nnul, c->normalized, c->same,
                  hex(out, nout), rep.nbad, rep.nnul, rep.normalized, out == c->in, rc);
      nfail++;
    }
    arena_free(&a);
  }
  if (nfail) fail_msg("%d of %zu cases failed", nfail, sizeof CLEAN / sizeof *CLEAN);
}

/* The fast path must hand back the very pointer, so callers may keep z; a
 * stale report from an earlier call must not leak into this one. */
static void test_fast_path_resets_report(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 0);
  const char *out;
  size_t nout;
  utf8_report rep = {.nbad = 7, .nnul = 7, .normalized = 1};
  static const char z[] = "plain ASCII text";
  assert_int_equal(utf8_clean(&a, z, sizeof z - 1, &out, &nout, &rep), ERR_OK);
  assert_ptr_equal(out, z);
  assert_int_equal(nout, sizeof z - 1);
  assert_int_equal(rep.nbad, 0);
  assert_int_equal(rep.nnul, 0);
  assert_int_equal(rep.normalized, 0);
  /* nothing was allocated for it */
  assert_int_equal(a.nalloc, 0);
  arena_free(&a);
}

/* Many bad bytes triple the length: the repair buffer must grow, and every
 * byte must still be counted. */
static void test_clean_growth(void **state) {
  (void)state;
  enum { N = 5000 };
  static char in[N], want[3 * N];
  for (size_t i = 0; i < N; i++) in[i] = (i % 3 == 0) ? 'x' : (char)0xFF;
  size_t nw = 0, nbad = 0;
  for (size_t i = 0; i < N; i++) {
    if (in[i] == 'x') want[nw++] = 'x';
    else memcpy(want + nw, FFFD, 3), nw += 3, nbad++;
  }
  arena a;
  arena_init(&a, 1024); /* small blocks, so the buffer moves between blocks */
  const char *out;
  size_t nout;
  utf8_report rep;
  assert_int_equal(utf8_clean(&a, in, N, &out, &nout, &rep), ERR_OK);
  assert_int_equal(nout, nw);
  assert_memory_equal(out, want, nw);
  assert_int_equal(rep.nbad, nbad);
  assert_int_equal(out[nout], 0); /* repaired text is NUL-terminated */
  arena_free(&a);
}

/* Fault injection: every allocation the cleaner makes may fail; it must
 * report ERR_NOMEM, never crash or return half a result as success. */
static void test_clean_nomem(void **state) {
  (void)state;
  static const char *const in[] = {"a\x80" "b", "e\xCC\x81", "\x80" "e\xCC\x81", "a\0b"};
  static const size_t nin[] = {3, 3, 4, 3};
  for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
    arena ref;
    arena_init(&ref, 0);
    const char *want;
    size_t nwant;
    utf8_report rep;
    assert_int_equal(utf8_clean(&ref, in[i], nin[i], &want, &nwant, &rep), ERR_OK);
    for (size_t n = 1; n < 10; n++) {
      arena a;
      arena_init(&a, 0);
      a.fail_after = n;
      const char *out;
      size_t nout;
      int rc = utf8_clean(&a, in[i], nin[i], &out, &nout, &rep);
      if (rc == ERR_OK) {
        assert_int_equal(nout, nwant);
        assert_memory_equal(out, want, nwant);
      } else {
        assert_int_equal(rc, ERR_NOMEM);
      }
      arena_free(&a);
    }
    arena_free(&ref);
  }
}

typedef struct vcase {
  const char *why;
  const char *in;
  size_t n;
  size_t want;
} vcase;

static const vcase VALID_LEN[] = {
    {"ASCII letter", B("A"), 1},
    {"NUL is not valid text", "\0", 1, 0},
    {"two-byte e-acute", B("\xC3\xA9"), 2},
    {"two-byte sequence cut short by n", "\xC3\xA9", 1, 0},
    {"a two-byte lead before ASCII", B("\xC3" "A"), 0},
    {"lone continuation", B("\x80"), 0},
    {"overlong lead C0", B("\xC0\xAF"), 0},
    {"overlong lead C1", B("\xC1\x81"), 0},
    {"smallest two-byte (U+0080)", B("\xC2\x80"), 2},
    {"three-byte euro sign", B("\xE2\x82\xAC"), 3},
    {"three-byte sequence cut short", "\xE2\x82\xAC", 2, 0},
    {"three-byte overlong (E0 9F BF)", B("\xE0\x9F\xBF"), 0},
    {"smallest three-byte (U+0800)", B("\xE0\xA0\x80"), 3},
    {"surrogate U+D800", B("\xED\xA0\x80"), 0},
    {"surrogate U+DFFF", B("\xED\xBF\xBF"), 0},
    {"U+FFFF is a noncharacter but valid UTF-8", B("\xEF\xBF\xBF"), 3},
    {"four-byte emoji", B("\xF0\x9F\x98\x80"), 4},
    {"four-byte sequence cut short", "\xF0\x9F\x98\x80", 3, 0},
    {"four-byte overlong (F0 8F BF BF)", B("\xF0\x8F\xBF\xBF"), 0},
    {"smallest four-byte (U+10000)", B("\xF0\x90\x80\x80"), 4},
    {"largest code point U+10FFFF", B("\xF4\x8F\xBF\xBF"), 4},
    {"above U+10FFFF", B("\xF4\x90\x80\x80"), 0},
    {"F5 lead", B("\xF5\x80\x80\x80"), 0},
    {"FF", B("\xFF"), 0},
    {"only the first sequence is measured", B("\xC3\xA9\xC3\xA9"), 2},
    {"bad second byte in a four-byte sequence", B("\xF0\x9F\x28\x80"), 0},
};

static void test_valid_len(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof VALID_LEN / sizeof *VALID_LEN; i++) {
    const vcase *c = &VALID_LEN[i];
    size_t got = utf8_valid_len((const unsigned char *)c->in, c->n);
    if (got != c->want) {
      print_error("case %zu (%s): %s n=%zu want %zu, got %zu\n", i, c->why, hex(c->in, c->n), c->n,
                  c->want, got);
      fail();
    }
  }
}

typedef struct ecase {
  const char *why;
  int32_t cp;
  const char *bytes;
  size_t n;
} ecase;

static const ecase CODEC[] = {
    {"ASCII", 0x41, B("A")},
    {"last one-byte", 0x7F, B("\x7F")},
    {"first two-byte", 0x80, B("\xC2\x80")},
    {"e-acute", 0xE9, B("\xC3\xA9")},
    {"last two-byte", 0x7FF, B("\xDF\xBF")},
    {"first three-byte", 0x800, B("\xE0\xA0\x80")},
    {"euro sign", 0x20AC, B("\xE2\x82\xAC")},
    {"replacement character", 0xFFFD, B(FFFD)},
    {"last three-byte", 0xFFFF, B("\xEF\xBF\xBF")},
    {"first four-byte", 0x10000, B("\xF0\x90\x80\x80")},
    {"grinning face emoji", 0x1F600, B("\xF0\x9F\x98\x80")},
    {"last code point", 0x10FFFF, B("\xF4\x8F\xBF\xBF")},
};

static void test_encode_decode(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof CODEC / sizeof *CODEC; i++) {
    const ecase *c = &CODEC[i];
    char o[4] = {0};
    size_t n = utf8_encode(c->cp, o);
    if (n != c->n || memcmp(o, c->bytes, n)) {
      print_error("case %zu (%s): encode U+%04X want %s got %s\n", i, c->why, (unsigned)c->cp,
                  hex(c->bytes, c->n), hex(o, n));
      fail();
    }
    size_t at = 0;
    int32_t cp = utf8_decode(o, n, &at);
    if (cp != c->cp || at != n) {
      print_error("case %zu (%s): decode want U+%04X len %zu, got U+%04X len %zu\n", i, c->why,
                  (unsigned)c->cp, n, (unsigned)cp, at);
      fail();
    }
    if (utf8_valid_len((const unsigned char *)o, n) != n) {
      print_error("case %zu (%s): the encoding is not valid by utf8_valid_len\n", i, c->why);
      fail();
    }
  }
}

/* Decoding a string walks it code point by code point with the index. */
static void test_decode_walk(void **state) {
  (void)state;
  static const char z[] = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80z";
  static const int32_t want[] = {'a', 0xE9, 0x20AC, 0x1F600, 'z'};
  size_t i = 0, k = 0;
  while (i < sizeof z - 1) {
    assert_true(k < 5);
    assert_int_equal(utf8_decode(z, sizeof z - 1, &i), want[k++]);
  }
  assert_int_equal(k, 5);
  assert_int_equal(i, sizeof z - 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_clean),         cmocka_unit_test(test_fast_path_resets_report),
      cmocka_unit_test(test_clean_growth),  cmocka_unit_test(test_clean_nomem),
      cmocka_unit_test(test_valid_len),     cmocka_unit_test(test_encode_decode),
      cmocka_unit_test(test_decode_walk),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
