/* Unit tests for html: the article text and title of a news page. Each case
 * says why it exists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "buf.h"
#include "err.h"
#include "html.h"

/* show makes text printable on one line for failure messages (\n as \n). */
static const char *show(const char *z) {
  static char out[4][4096];
  static int k;
  char *o = out[k = (k + 1) & 3];
  if (!z) return "(NULL)";
  size_t j = 0;
  o[j++] = '"';
  for (; *z && j + 4 < sizeof out[0]; z++) {
    if (*z == '\n') o[j++] = '\\', o[j++] = 'n';
    else o[j++] = *z;
  }
  o[j++] = '"';
  o[j] = 0;
  return o;
}

static int same(const char *a, const char *b) { return a && b ? !strcmp(a, b) : a == b; }

typedef struct hcase {
  const char *why;
  const char *html;
  const char *text;
  const char *title; /* NULL: no title */
} hcase;

static const hcase PAGES[] = {
    /* entities */
    {"named and numeric entities are decoded to UTF-8",
     "<html><body><h1>H</h1><p>Tom &amp; Jerry&rsquo;s &ldquo;war&rdquo; &mdash; over &#8212; "
     "done&#x2e;</p></body></html>",
     "H\n\nTom & Jerry\xE2\x80\x99s \xE2\x80\x9Cwar\xE2\x80\x9D \xE2\x80\x94 over \xE2\x80\x94 "
     "done.",
     NULL},
    {"&nbsp; becomes U+00A0 and is not collapsed like a space",
     "<html><body><h1>H</h1><p>10&nbsp;km</p></body></html>", "H\n\n10\xC2\xA0km", NULL},
    {"&lt; and &gt; are text, not tags", "<html><body><h1>H</h1><p>a &lt;b&gt; c</p></body></html>",
     "H\n\na <b> c", NULL},

    /* title */
    {"the <title> is returned, with entities decoded and spaces collapsed",
     "<html><head><title>  Kim &amp; Putin\n   meet </title></head>"
     "<body><h1>Kim and Putin meet</h1><p>They met.</p></body></html>",
     "Kim and Putin meet\n\nThey met.", "Kim & Putin meet"},
    {"an empty <title> is no title",
     "<html><head><title> </title></head><body><p>Only text.</p></body></html>", "Only text.",
     NULL},
    {"a page without h1 gets its title as the first paragraph",
     "<html><head><title>Floods in Dhaka</title></head>"
     "<body><p>Rain fell.</p><p>Rivers rose.</p></body></html>",
     "Floods in Dhaka\n\nRain fell.\n\nRivers rose.", "Floods in Dhaka"},
    {"a page with only a title has the title as its text",
     "<html><head><title>Just a title</title></head><body></body></html>", "Just a title",
     "Just a title"},
    {"no title and no h1: just the paragraphs",
     "<html><body><p>One.</p><p>Two.</p></body></html>", "One.\n\nTwo.", NULL},
    {"an h1 outside the <article> does not count: the title leads the article text",
     "<html><head><title>T</title></head><body><h1>Site</h1>"
     "<article><p>Body.</p></article></body></html>",
     "T\n\nBody.", "T"},

    /* where the text comes from */
    {"without <article>, the body's paragraphs are used, however deeply nested",
     "<html><body><div class=\"c\"><h1>Head</h1><p>One.</p><div><div><p>Two.</p></div></div>"
     "</div></body></html>",
     "Head\n\nOne.\n\nTwo.", NULL},
    {"with <article>, paragraphs outside it are dropped",
     "<html><body><p>Teaser outside.</p><article><h1>H</h1><p>Inside.</p></article>"
     "<p>Also outside.</p></body></html>",
     "H\n\nInside.", NULL},
    {"<main> is used when there is no <article>",
     "<html><body><p>Outside.</p><main><h1>H</h1><p>In main.</p></main></body></html>",
     "H\n\nIn main.", NULL},
    {"every block type is its own paragraph",
     "<html><body><h1>H</h1><h2>Sub</h2><p>P.</p><ul><li>Item one</li><li>Item two</li></ul>"
     "<blockquote>Quote.</blockquote><pre>Pre.</pre><figure><figcaption>Cap.</figcaption>"
     "</figure></body></html>",
     "H\n\nSub\n\nP.\n\nItem one\n\nItem two\n\nQuote.\n\nPre.\n\nCap.", NULL},
    {"upper-case tags are the same tags", "<HTML><BODY><H1>H</H1><P>Text.</P></BODY></HTML>",
     "H\n\nText.", NULL},
    {"empty and whitespace-only paragraphs leave nothing",
     "<html><body><h1>H</h1><p></p><p>  \n </p><p>Real.</p><p><span> </span></p></body></html>",
     "H\n\nReal.", NULL},

    /* what is dropped */
    {"script, style and comments inside a paragraph are dropped",
     "<html><body><h1>H</h1><p>Hello<script>var x = 1;</script> <style>.a{}</style>world"
     "<!-- hidden --></p></body></html>",
     "H\n\nHello world", NULL},
    {"role=navigation drops the element and its paragraphs",
     "<html><body><div role=\"navigation\"><p>Home</p><p>World</p></div><h1>H</h1><p>Kept.</p>"
     "</body></html>",
     "H\n\nKept.", NULL},
    {"roles banner, contentinfo and complementary are dropped too",
     "<html><body><div role=\"banner\"><p>Banner</p></div><h1>H</h1><p>Kept.</p>"
     "<div role=\"complementary\"><p>Side</p></div><div role=\"contentinfo\"><p>Foot</p></div>"
     "</body></html>",
     "H\n\nKept.", NULL},
    {"noscript, iframe, button and template are dropped",
     "<html><body><h1>H</h1><noscript><p>Enable JS</p></noscript><iframe>x</iframe>"
     "<p>Kept.<button>Share</button></p><template><p>T</p></template></body></html>",
     "H\n\nKept.", NULL},

    /* whitespace */
    {"runs of spaces, tabs and newlines inside a paragraph become one space",
     "<html><body><h1>H</h1><p>  Kim\n\n   said\t\tthat  \r\n it  ended. </p></body></html>",
     "H\n\nKim said that it ended.", NULL},
    {"inline tags do not add or lose spaces",
     "<html><body><h1>H</h1><p>Kim <b>met</b> <a href=\"/p\">Putin</a>, <i>again</i>.</p>"
     "</body></html>",
     "H\n\nKim met Putin, again.", NULL},
    {"<br> between words separates them",
     "<html><body><h1>H</h1><p>one<br>two</p></body></html>", "H\n\none two", NULL},
    {"<br> with spaces around it is still one space",
     "<html><body><h1>H</h1><p>Line one <br/> line two</p></body></html>",
     "H\n\nLine one line two", NULL},
    {"two paragraphs inside one blockquote do not run together",
     "<html><body><h1>H</h1><blockquote><p>First.</p><p>Second.</p></blockquote></body></html>",
     "H\n\nFirst. Second.", NULL},

    /* broken and unusual HTML */
    {"unclosed tags and stray end tags still yield the text",
     "<html><body><div><h1>H</h1><p>First para<p>Second</div></div></span><p>Third <b>bold",
     "H\n\nFirst para\n\nSecond\n\nThird bold", NULL},
    {"an unclosed <article>", "<article><h1>H</h1><p>Text", "H\n\nText", NULL},
    {"a fragment without html or body (the \"html\" field of a JSONL record)",
     "<h1>H</h1><p>Just a fragment.</p>", "H\n\nJust a fragment.", NULL},
    {"a fragment of bare paragraphs keeps them apart",
     "<p>Kim arrived on Monday.</p>\n<p>He met Putin.</p>",
     "Kim arrived on Monday.\n\nHe met Putin.", NULL},
    {"a fragment of divs, each with a paragraph", "<div><p>One.</p></div><div><p>Two.</p></div>",
     "One.\n\nTwo.", NULL},
    {"plain text with no tags at all is one paragraph", "no tags here", "no tags here", NULL},
    {"a Latin-1 page with its charset declared is decoded",
     "<html><head><meta charset=\"iso-8859-1\"></head><body><h1>H</h1><p>caf\xE9</p></body>"
     "</html>",
     "H\n\ncaf\xC3\xA9", NULL},
    {"HTML5 may omit <html> and <head>: the title must not swallow the page",
     "<!DOCTYPE html><title>Kim in Moscow</title><h1>Kim in Moscow</h1><p>He arrived.</p>",
     "Kim in Moscow\n\nHe arrived.", "Kim in Moscow"},
    {"without a doctype either: a leading <title> is only the title",
     "<title>Kim in Moscow</title>\n<p>He arrived.</p>", "Kim in Moscow\n\nHe arrived.",
     "Kim in Moscow"},
    {"HTML5 may omit <head>: a <title> directly under <html> is the title",
     "<html><title>Kim in Moscow</title><body><p>He arrived.</p></body></html>",
     "Kim in Moscow\n\nHe arrived.", "Kim in Moscow"},
};

static void test_pages(void **state) {
  (void)state;
  int nfail = 0;
  for (size_t i = 0; i < sizeof PAGES / sizeof *PAGES; i++) {
    const hcase *c = &PAGES[i];
    arena a;
    arena_init(&a, 0);
    char *text = NULL, *title = NULL;
    size_t n = 0;
    int rc = html_extract(&a, c->html, strlen(c->html), &text, &n, &title);
    if (rc != ERR_OK || !same(text, c->text) || (text && n != strlen(text)) ||
        !same(title, c->title)) {
      print_error("case %zu (%s)\n  want: text %s title %s\n  got:  text %s title %s rc=%d\n", i,
                  c->why, show(c->text), show(c->title), show(text), show(title), rc);
      nfail++;
    }
    arena_free(&a);
  }
  if (nfail) fail_msg("%d of %zu cases failed", nfail, sizeof PAGES / sizeof *PAGES);
}

/* A realistic page: everything around the article must go, and the article's
 * h1 and paragraphs come out separated by blank lines. */
static const char *news_page(buf *b) {
  buf_adds(b,
           "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<title>Kim visits Moscow | Example News</title>\n"
           "<style>p { color: red; } h1 { font-size: 2em; }</style>\n"
           "<script>var s = \"<p>not text</p>\"; if (a < b && c > d) {}</script>\n"
           "</head>\n<body>\n"
           "<header><h1>Example News</h1><p>Your daily news</p></header>\n"
           "<nav><ul>\n");
  for (int i = 0; i < 60; i++)
    buf_printf(b, "<li><a href=\"/section/%d\">Section %d</a></li>\n", i, i);
  buf_adds(b,
           "</ul></nav>\n"
           "<form action=\"/search\"><p>Search the site</p><input name=\"q\"></form>\n"
           "<!-- <p>commented-out paragraph</p> -->\n"
           "<article>\n"
           "  <h1>Kim visits   Moscow</h1>\n"
           "  <p>Kim Jong-un arrived in Moscow on Monday,\n  officials said.</p>\n"
           "  <script>track('article');</script>\n"
           "  <p>He met Putin at the Kremlin &mdash; the first visit since 2019.</p>\n"
           "  <aside><p>Related: other story</p></aside>\n"
           "</article>\n"
           "<footer><p>Copyright 2024 Example News</p><a href=\"/about\">About</a></footer>\n"
           "</body>\n</html>\n");
  buf_addc(b, 0);
  return b->z;
}

static const char NEWS_TEXT[] =
    "Kim visits Moscow\n\n"
    "Kim Jong-un arrived in Moscow on Monday, officials said.\n\n"
    "He met Putin at the Kremlin \xE2\x80\x94 the first visit since 2019.";

static void test_news_page(void **state) {
  (void)state;
  buf b;
  buf_init(&b);
  const char *page = news_page(&b);
  arena a;
  arena_init(&a, 0);
  char *text, *title;
  size_t n;
  assert_int_equal(html_extract(&a, page, strlen(page), &text, &n, &title), ERR_OK);
  assert_string_equal(text, NEWS_TEXT);
  assert_int_equal(n, strlen(NEWS_TEXT));
  assert_string_equal(title, "Kim visits Moscow | Example News");
  arena_free(&a);
  buf_free(&b);
}

/* Empty input is not an error: there is simply no text. */
static void test_empty(void **state) {
  (void)state;
  static const char *const in[] = {"", "   \n\t ", "<html></html>", "<!-- only a comment -->"};
  for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
    arena a;
    arena_init(&a, 0);
    static char sentinel[] = "sentinel";
    char *text = sentinel, *title = sentinel;
    size_t n = 99;
    int rc = html_extract(&a, in[i], strlen(in[i]), &text, &n, &title);
    if (rc != ERR_OK || n != 0 || !text || text[0] || title) {
      print_error("input %zu \"%s\": want rc=0 text \"\" n=0 title NULL; got rc=%d text %s n=%zu "
                  "title %s\n",
                  i, in[i], rc, show(text), n, show(title));
      arena_free(&a);
      fail();
    }
    arena_free(&a);
  }
}

/* Fault injection: whichever allocation fails, the result is ERR_NOMEM or the
 * full, correct text, never a partial text reported as success. */
static void test_nomem(void **state) {
  (void)state;
  buf b;
  buf_init(&b);
  const char *page = news_page(&b);
  for (size_t k = 1; k <= 4; k++) {
    arena a;
    arena_init(&a, 0);
    a.fail_after = k;
    char *text, *title;
    size_t n;
    int rc = html_extract(&a, page, strlen(page), &text, &n, &title);
    if (rc == ERR_OK) {
      assert_string_equal(text, NEWS_TEXT);
      assert_string_equal(title, "Kim visits Moscow | Example News");
    } else {
      assert_int_equal(rc, ERR_NOMEM);
    }
    arena_free(&a);
  }
  buf_free(&b);
}

int main(void) {
  html_init();
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_pages),
      cmocka_unit_test(test_news_page),
      cmocka_unit_test(test_empty),
      cmocka_unit_test(test_nomem),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
