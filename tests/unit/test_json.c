/* Unit tests for json: fixing lines before cJSON parses them, the flat parser
 * the store reads records with (it must agree with cJSON), and writing
 * parsed values back as valid UTF-8. Each case says why it exists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <math.h>

#include "arena.h"
#include "buf.h"
#include "err.h"
#include "json.h"

/* B(s) expands to a literal and its length, so cases may hold NUL bytes. */
#define B(s) s, sizeof(s) - 1
#define FFFD "\xEF\xBF\xBD"

/* show writes z[0..n) printably (NUL as \0) into a static buffer. */
static const char *show(const char *z, size_t n) {
  static char out[2][2048];
  static int k;
  char *o = out[k ^= 1];
  size_t j = 0;
  for (size_t i = 0; i < n && j + 5 < sizeof out[0]; i++) {
    unsigned char c = (unsigned char)z[i];
    if (c == 0) o[j++] = '\\', o[j++] = '0';
    else if (c < 0x20 || c >= 0x7F) j += (size_t)snprintf(o + j, 5, "<%02X>", c);
    else o[j++] = (char)c;
  }
  o[j] = 0;
  return o;
}

typedef struct pcase {
  const char *why;
  const char *in;
  size_t nin;
  const char *want;
  size_t nwant;
  size_t nul, surrogate;
  int copy; /* 1: the result is a new copy; 0: z itself (perhaps fixed in place) */
} pcase;

static const pcase PREPARE[] = {
    {"a clean line is returned as is", B("{\"text\":\"Kim met Putin\"}"),
     B("{\"text\":\"Kim met Putin\"}"), 0, 0, 0},
    {"an empty line", B(""), B(""), 0, 0, 0},
    {"a raw NUL byte inside a string becomes \\uFFFD in a copy", B("{\"t\":\"a\0b\"}"),
     B("{\"t\":\"a\\uFFFDb\"}"), 1, 0, 1},
    {"several raw NULs are each replaced and counted", B("\"\0x\0\0\""),
     B("\"\\uFFFDx\\uFFFD\\uFFFD\""), 3, 0, 1},
    {"a \\u0000 escape is fixed in place (same length)", B("{\"t\":\"a\\u0000b\"}"),
     B("{\"t\":\"a\\uFFFDb\"}"), 1, 0, 0},
    {"an escaped backslash followed by u0000 is text, not an escape",
     B("{\"t\":\"C:\\\\u0000\"}"), B("{\"t\":\"C:\\\\u0000\"}"), 0, 0, 0},
    {"an escaped backslash, then a real \\u0000 escape", B("\"\\\\\\u0000\""),
     B("\"\\\\\\uFFFD\""), 1, 0, 0},
    {"a \\u0000 escape at the very end of the line", B("x\\u0000"), B("x\\uFFFD"), 1, 0, 0},
    {"a lone high surrogate before ASCII", B("\"\\ud83dx\""), B("\"\\uFFFDx\""), 0, 1, 0},
    {"a lone high surrogate at the end of a string", B("\"ok\\uD83D\""), B("\"ok\\uFFFD\""), 0, 1,
     0},
    {"a lone low surrogate", B("\"\\ude00x\""), B("\"\\uFFFDx\""), 0, 1, 0},
    {"a pair in the wrong order is two lone surrogates", B("\"\\ude00\\ud83d\""),
     B("\"\\uFFFD\\uFFFD\""), 0, 2, 0},
    {"a proper pair (grinning face) is kept", B("\"\\ud83d\\ude00\""), B("\"\\ud83d\\ude00\""), 0,
     0, 0},
    {"a proper pair in upper case is kept", B("\"\\uD83D\\uDE00\""), B("\"\\uD83D\\uDE00\""), 0, 0,
     0},
    {"a high surrogate followed by a proper pair: only the first is lone",
     B("\"\\ud83d\\ud83d\\ude00\""), B("\"\\uFFFD\\ud83d\\ude00\""), 0, 1, 0},
    {"a high surrogate followed by a non-surrogate escape", B("\"\\ud83d\\u0041\""),
     B("\"\\uFFFD\\u0041\""), 0, 1, 0},
    {"ordinary escapes are left alone", B("\"\\u00e9\\n\\\"\\u2014\""),
     B("\"\\u00e9\\n\\\"\\u2014\""), 0, 0, 0},
    {"a truncated escape at the end is left for the parser", B("\"abc\\u00"), B("\"abc\\u00"), 0,
     0, 0},
    {"a backslash as the last byte", B("\"abc\\"), B("\"abc\\"), 0, 0, 0},
    {"an escape with a non-hex digit is left alone", B("\"\\u00G0\""), B("\"\\u00G0\""), 0, 0, 0},
    {"raw NULs and escapes together: escapes in place, then a copy",
     B("\"\\u0000\0\\udc00\""), B("\"\\uFFFD\\uFFFD\\uFFFD\""), 2, 1, 1},
};

static void test_prepare(void **state) {
  (void)state;
  int nfail = 0;
  for (size_t i = 0; i < sizeof PREPARE / sizeof *PREPARE; i++) {
    const pcase *c = &PREPARE[i];
    arena a;
    arena_init(&a, 0);
    char *z = arena_strndup(&a, c->in, c->nin); /* json_prepare may write to z */
    const char *out = NULL;
    size_t nout = 0;
    json_fixes fx = {99, 99};
    int rc = json_prepare(&a, z, c->nin, &out, &nout, &fx);
    int copied = out != z;
    if (rc || nout != c->nwant || memcmp(out, c->want, nout) || fx.nul != c->nul ||
        fx.surrogate != c->surrogate || copied != c->copy) {
      print_error("case %zu (%s)\n  want: %s nul=%zu surrogate=%zu copy=%d\n"
                  "  got:  %s nul=%zu surrogate=%zu copy=%d rc=%d\n",
                  i, c->why, show(c->want, c->nwant), c->nul, c->surrogate, c->copy,
                  show(out, nout), fx.nul, fx.surrogate, copied, rc);
      nfail++;
    }
    arena_free(&a);
  }
  if (nfail) fail_msg("%d cases failed", nfail);
}

typedef struct rcase {
  const char *why;
  const char *line;
  size_t n;
  const char *want; /* the "t" member after parsing */
  size_t nwant;
} rcase;

static const rcase PARSE[] = {
    {"a raw NUL: cJSON reads the whole string, with U+FFFD where the NUL was",
     B("{\"t\":\"Kim\0 said more\"}"), B("Kim" FFFD " said more")},
    {"a \\u0000 escape: cJSON would end the string there without the fix",
     B("{\"t\":\"Kim\\u0000 said more\"}"), B("Kim" FFFD " said more")},
    {"a lone surrogate: cJSON would reject the line without the fix",
     B("{\"t\":\"a\\ud800b\"}"), B("a" FFFD "b")},
    {"a proper pair still decodes to the emoji", B("{\"t\":\"\\ud83d\\ude00\"}"),
     B("\xF0\x9F\x98\x80")},
    {"an escaped backslash before u0000 stays literal text", B("{\"t\":\"\\\\u0000\"}"),
     B("\\u0000")},
};

static void test_prepare_then_parse(void **state) {
  (void)state;
  int nfail = 0;
  for (size_t i = 0; i < sizeof PARSE / sizeof *PARSE; i++) {
    const rcase *c = &PARSE[i];
    arena a;
    arena_init(&a, 0);
    char *z = arena_strndup(&a, c->line, c->n);
    const char *out;
    size_t nout;
    json_fixes fx;
    assert_int_equal(json_prepare(&a, z, c->n, &out, &nout, &fx), ERR_OK);
    cJSON *root = cJSON_ParseWithLength(out, nout);
    const cJSON *t = root ? cJSON_GetObjectItemCaseSensitive(root, "t") : NULL;
    const char *s = cJSON_IsString(t) ? t->valuestring : NULL;
    if (!s || strlen(s) != c->nwant || memcmp(s, c->want, c->nwant)) {
      print_error("case %zu (%s)\n  want: %s\n  got:  %s\n", i, c->why, show(c->want, c->nwant),
                  s ? show(s, strlen(s)) : "(no string)");
      nfail++;
    }
    cJSON_Delete(root);
    arena_free(&a);
  }
  if (nfail) fail_msg("%d cases failed", nfail);
}

/* Fault injection: the copy for raw NULs may fail. */
static void test_prepare_nomem(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 0);
  char z[] = "\"a\0b\"";
  a.fail_after = 1;
  const char *out;
  size_t nout;
  json_fixes fx;
  assert_int_equal(json_prepare(&a, z, sizeof z - 1, &out, &nout, &fx), ERR_NOMEM);
  arena_free(&a);
}

typedef struct wcase {
  const char *why;
  const char *in; /* parsed with cJSON (raw bytes allowed) */
  const char *want;
  size_t nbad; /* strings that needed repair */
} wcase;

static const wcase WRITE[] = {
    {"nested objects and arrays round-trip compactly",
     "{ \"a\" : { \"b\" : [1, 2, {\"c\": \"d\"}] }, \"e\": [ ] , \"f\": {} }",
     "{\"a\":{\"b\":[1,2,{\"c\":\"d\"}]},\"e\":[],\"f\":{}}", 0},
    {"integers print without decimals", "[0,1,-3,42,123456789012,1e3]",
     "[0,1,-3,42,123456789012,1000]", 0},
    {"fractions print as written", "[1.5,-0.25,2.5,3.75]", "[1.5,-0.25,2.5,3.75]", 0},
    {"the largest exact integer (2^53 - 1) keeps every digit", "[9007199254740991]",
     "[9007199254740991]", 0},
    {"true, false and null", "[true,false,null]", "[true,false,null]", 0},
    {"member order is kept", "{\"z\":1,\"a\":2,\"m\":3}", "{\"z\":1,\"a\":2,\"m\":3}", 0},
    {"escapes are decoded and written again", "[\"a\\\"b\\\\c\\nd\\te\"]",
     "[\"a\\\"b\\\\c\\nd\\te\"]", 0},
    {"a \\u escape comes back as raw UTF-8", "[\"caf\\u00e9 \\u2014\"]",
     "[\"caf\xC3\xA9 \xE2\x80\x94\"]", 0},
    {"an invalid byte in a value is repaired to U+FFFD", "{\"t\":\"v\xFF\"}",
     "{\"t\":\"v" FFFD "\"}", 1},
    {"an invalid byte in a key is repaired too", "{\"k\xC0\":\"v\"}",
     "{\"k" FFFD "\":\"v\"}", 1},
    {"a key and a value both bad count as two strings", "{\"k\x80\":\"a\xFE\"}",
     "{\"k" FFFD "\":\"a" FFFD "\"}", 2},
    {"one string with several bad bytes counts once", "[\"\xFF\xFF\xFF\"]",
     "[\"" FFFD FFFD FFFD "\"]", 1},
    {"a truncated sequence inside a nested array", "{\"a\":[[\"x\xE2\x82\"]]}",
     "{\"a\":[[\"x" FFFD FFFD "\"]]}", 1},
    {"decomposed text in a string is written in NFC", "[\"e\\u0301\"]", "[\"\xC3\xA9\"]", 0},
    {"a bare string", "\"hello\"", "\"hello\"", 0},
    {"a bare number", "7", "7", 0},
    {"an empty key", "{\"\":1}", "{\"\":1}", 0},
};

static void test_write_value(void **state) {
  (void)state;
  int nfail = 0;
  for (size_t i = 0; i < sizeof WRITE / sizeof *WRITE; i++) {
    const wcase *c = &WRITE[i];
    arena a;
    arena_init(&a, 0);
    cJSON *v = cJSON_Parse(c->in);
    assert_non_null(v);
    buf b;
    buf_init(&b);
    size_t nbad = 0;
    json_write_value(&b, &a, v, &nbad);
    if (b.oom || b.n != strlen(c->want) || memcmp(b.z, c->want, b.n) || nbad != c->nbad) {
      print_error("case %zu (%s)\n  want: %s nbad=%zu\n  got:  %s nbad=%zu\n", i, c->why,
                  show(c->want, strlen(c->want)), c->nbad, show(b.z, b.n), nbad);
      nfail++;
    }
    buf_free(&b);
    cJSON_Delete(v);
    arena_free(&a);
  }
  if (nfail) fail_msg("%d cases failed", nfail);
}

/* Numbers that are not integers must parse back to the same double. */
static void test_write_numbers_round_trip(void **state) {
  (void)state;
  static const double vals[] = {0.1, 1.5, -2.75, 3.141592653589793, 1e-7, 1e300, 1e20,
                                9007199254740993.0};
  for (size_t i = 0; i < sizeof vals / sizeof *vals; i++) {
    arena a;
    arena_init(&a, 0);
    cJSON *v = cJSON_CreateNumber(vals[i]);
    buf b;
    buf_init(&b);
    size_t nbad = 0;
    json_write_value(&b, &a, v, &nbad);
    buf_addc(&b, 0);
    cJSON *back = cJSON_Parse(b.z);
    if (!cJSON_IsNumber(back) || back->valuedouble != vals[i]) {
      print_error("value %zu: %.17g written as %s\n", i, vals[i], b.z);
      fail();
    }
    cJSON_Delete(back);
    cJSON_Delete(v);
    buf_free(&b);
    arena_free(&a);
  }
}

/* Values cJSON can hold but JSON cannot: NaN and infinity become null, and a
 * NULL value is null. */
static void test_write_special(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 0);
  buf b;
  buf_init(&b);
  size_t nbad = 0;
  cJSON *arr = cJSON_CreateArray();
  cJSON_AddItemToArray(arr, cJSON_CreateNumber(INFINITY));
  cJSON_AddItemToArray(arr, cJSON_CreateNumber(-INFINITY));
  cJSON_AddItemToArray(arr, cJSON_CreateNumber(NAN));
  json_write_value(&b, &a, arr, &nbad);
  buf_addc(&b, ',');
  json_write_value(&b, &a, NULL, &nbad);
  buf_addc(&b, 0);
  assert_string_equal(b.z, "[null,null,null],null");
  cJSON_Delete(arr);
  buf_free(&b);
  arena_free(&a);
}

typedef struct scase {
  const char *why;
  const char *json;
  const char *want; /* NULL: json_clean_string returns NULL */
  size_t nbad;
} scase;

static const scase CLEAN[] = {
    {"an ASCII string is copied (the fast path would hand back cJSON's memory)",
     "\"Kim met Putin\"", "Kim met Putin", 0},
    {"valid non-ASCII text is copied too", "\"Caf\xC3\xA9 \xD0\x9C\"", "Caf\xC3\xA9 \xD0\x9C", 0},
    {"a repaired string", "\"a\xFF" "b\"", "a" FFFD "b", 1},
    {"a decomposed string comes back in NFC", "\"e\\u0301\"", "\xC3\xA9", 0},
    {"the empty string is a string", "\"\"", "", 0},
    {"a number is not a string", "5", NULL, 0},
    {"null is not a string", "null", NULL, 0},
    {"an array is not a string", "[\"x\"]", NULL, 0},
};

/* json_clean_string must return memory that outlives the cJSON tree: the
 * tree is deleted before the result is read (ASan catches a use after free). */
static void test_clean_string(void **state) {
  (void)state;
  int nfail = 0;
  for (size_t i = 0; i < sizeof CLEAN / sizeof *CLEAN; i++) {
    const scase *c = &CLEAN[i];
    arena a;
    arena_init(&a, 0);
    cJSON *v = cJSON_Parse(c->json);
    assert_non_null(v);
    size_t nbad = 0;
    const char *s = json_clean_string(&a, v, &nbad);
    int inside = s && v->valuestring && s >= v->valuestring &&
                 s <= v->valuestring + strlen(v->valuestring);
    cJSON_Delete(v);
    int ok = !inside && nbad == c->nbad &&
             (c->want ? s && !strcmp(s, c->want) : s == NULL);
    if (!ok) {
      print_error("case %zu (%s)\n  want: %s nbad=%zu\n  got:  %s nbad=%zu%s\n", i, c->why,
                  c->want ? show(c->want, strlen(c->want)) : "(NULL)", c->nbad,
                  s && !inside ? show(s, strlen(s)) : "(NULL or cJSON's memory)", nbad,
                  inside ? " [points into the cJSON tree]" : "");
      nfail++;
    }
    arena_free(&a);
  }
  if (nfail) fail_msg("%d cases failed", nfail);
}

/* Fault injection: when the arena fails the writer must not crash and must
 * say so through buf.oom, so the caller can report the document instead of
 * emitting a record with silently emptied strings. */
static void test_write_nomem(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 0);
  a.fail_after = 1;
  cJSON *v = cJSON_Parse("{\"k\":\"v\xFF\",\"n\":1}");
  assert_non_null(v);
  buf b;
  buf_init(&b);
  size_t nbad = 0;
  json_write_value(&b, &a, v, &nbad);
  assert_true(b.oom);
  /* and json_clean_string reports failure as NULL */
  assert_null(json_clean_string(&a, v->child, &nbad));
  cJSON_Delete(v);
  buf_free(&b);
  arena_free(&a);
}

/* ---- json_parse_flat: the store's reader must see what cJSON sees ------- */

typedef struct fcase {
  const char *why;
  const char *in;
  size_t nin;
} fcase;

static const fcase FLAT[] = {
    {"a record as dyad code writes it",
     B("{\"kind\":\"mention\",\"doc\":\"d1\",\"sent\":0,\"span\":[0,12],\"text\":\"Kim met\\nPutin.\","
       "\"actor\":{\"code\":\"PRK\",\"name\":\"Kim\",\"span\":[0,3]},\"pattern\":null}")},
    {"every one-character escape", B("{\"t\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t\"}")},
    {"a \\u escape in a key and a value", B("{\"caf\\u00e9\":\"\\u00e9t\\u00E9 \\u20ac\"}")},
    {"a surrogate pair is one 4-byte character", B("{\"t\":\"\\ud83d\\ude00!\"}")},
    {"a lone high surrogate: cJSON refuses the line", B("{\"t\":\"\\ud83d x\"}")},
    {"a lone low surrogate: cJSON refuses the line", B("{\"t\":\"\\ude00\"}")},
    {"\\u0000 ends cJSON's string: the text after it is lost the same way",
     B("{\"t\":\"ab\\u0000cd\",\"n\":1}")},
    {"a raw control byte inside a string (not JSON; cJSON keeps it)", B("{\"t\":\"a\x01z\"}")},
    {"invalid UTF-8 is repaired when written, and counted", B("{\"t\":\"a\xff\xfez\"}")},
    {"text after the value is ignored, as cJSON_ParseWithLength does", B("{\"a\":1} trailing")},
    {"a UTF-8 byte order mark before the value", B("\xEF\xBB\xBF{\"a\":1}")},
    {"numbers of every shape JSON allows",
     B("[0,-0,7,-12,1.5,0.1,1e5,1E+2,2.5e-3,123456789012345,1234567890123456789012,-9.75]")},
    {"numbers JSON does not allow but cJSON reads", B("[01,+1,1.,.5]")},
    {"a number too long for cJSON's buffer",
     B("[1.00000000000000000000000000000000000000000000000000000000000000000001]")},
    {"deep nesting beyond the flat parser's limit goes to cJSON",
     B("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]"
       "]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]")},
    {"empty containers and white space everywhere", B(" { \"a\" : [ ] , \"b\" : { } } ")},
    {"a repeated key is kept twice", B("{\"a\":1,\"a\":2}")},
    {"true, false and null", B("[true,false,null]")},
    {"a cut literal", B("[nul]")},
    {"an unterminated string", B("{\"a\":\"xyz")},
    {"a missing comma", B("{\"a\":1 \"b\":2}")},
    {"the empty line", B("")},
};

/* test_flat_as_cjson: for each case, json_parse_flat succeeds exactly when
 * cJSON_ParseWithLength does, and its nodes write the same bytes (and the
 * same count of repaired strings) as cJSON's tree. */
static void test_flat_as_cjson(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 4096);
  for (size_t i = 0; i < sizeof FLAT / sizeof *FLAT; i++) {
    const fcase *c = &FLAT[i];
    char *z = arena_alloc(&a, c->nin + 1);
    memcpy(z, c->in, c->nin);
    const json_node *v;
    int rc = json_parse_flat(&a, z, c->in, c->nin, &v);
    cJSON *j = cJSON_ParseWithLength(c->in, c->nin);
    if ((rc == ERR_OK) != (j != NULL)) fail_msg("%s: flat %d, cJSON %s", c->why, rc, j ? "ok" : "fails");
    if (j) {
      buf x, y;
      size_t bx = 0, by = 0;
      buf_init(&x);
      buf_init(&y);
      json_write_node(&x, &a, v, &bx);
      json_write_value(&y, &a, j, &by);
      buf_addc(&x, 0);
      buf_addc(&y, 0);
      if (strcmp(x.z, y.z) || bx != by)
        fail_msg("%s:\n flat  %s (%zu)\n cJSON %s (%zu)", c->why, show(x.z, x.n - 1), bx,
                 show(y.z, y.n - 1), by);
      buf_free(&x);
      buf_free(&y);
    }
    cJSON_Delete(j);
    arena_reset(&a);
  }
  arena_free(&a);
}

/* Walking the nodes: members by name (the first of a repeated one, as
 * cJSON), children in order, strings unescaped and NUL-terminated. */
static void test_flat_walk(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 4096);
  char z[] = "{\"kind\":\"event\",\"span\":[3,[4],5],\"x\":{\"a\":\"l\\u00e9\"},\"kind\":\"no\"}";
  const json_node *v;
  assert_int_equal(json_parse_flat(&a, z, z, strlen(z), &v), ERR_OK);
  assert_int_equal(v->type, JSON_OBJECT);
  assert_int_equal(json_count(v), 4);
  assert_string_equal(json_member(v, "kind")->v.s, "event"); /* the first "kind" */
  const json_node *span = json_member(v, "span"), *e = json_first(span);
  assert_int_equal(json_count(span), 3);
  assert_true(e->type == JSON_NUMBER && e->v.num == 3);
  e = json_next(span, e);
  assert_true(e->type == JSON_ARRAY && e->size == 2);
  e = json_next(span, e);
  assert_true(e->type == JSON_NUMBER && e->v.num == 5);
  assert_null(json_next(span, e));
  const json_node *s = json_member(json_member(v, "x"), "a");
  assert_int_equal(s->ns, 3);
  assert_string_equal(s->v.s, "l\xC3\xA9");
  assert_null(json_member(v, "nothing"));
  assert_null(json_member(span, "kind")); /* not an object */
  arena_free(&a);
}

/* Out of memory while parsing is an error, never a crash or a half tree. */
static void test_flat_nomem(void **state) {
  (void)state;
  static const char line[] = "{\"a\":[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,"
                             "25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,"
                             "47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67]}";
  for (size_t fail = 1; fail < 4; fail++) {
    arena a;
    arena_init(&a, 64);
    a.fail_after = fail;
    char z[sizeof line];
    memcpy(z, line, sizeof line);
    const json_node *v;
    int rc = json_parse_flat(&a, z, line, sizeof line - 1, &v);
    assert_true(rc == ERR_NOMEM || (rc == ERR_OK && json_count(json_member(v, "a")) == 67));
    arena_free(&a);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_prepare),
      cmocka_unit_test(test_prepare_then_parse),
      cmocka_unit_test(test_prepare_nomem),
      cmocka_unit_test(test_write_value),
      cmocka_unit_test(test_write_numbers_round_trip),
      cmocka_unit_test(test_write_special),
      cmocka_unit_test(test_clean_string),
      cmocka_unit_test(test_write_nomem),
      cmocka_unit_test(test_flat_as_cjson),
      cmocka_unit_test(test_flat_walk),
      cmocka_unit_test(test_flat_nomem),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
