#include "html.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "err.h"
#include "utf8.h"

void html_init(void) { xmlInitParser(); }

static const char *const DROP[] = {"script", "style", "nav", "header", "footer", "aside",
                                   "form", "noscript", "iframe", "svg", "template", "button",
                                   "select", "textarea", "menu", "object", "embed", "canvas",
                                   "head", NULL};
static const char *const BLOCKS[] = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li",
                                     "blockquote", "pre", "figcaption", "dd", "dt", NULL};
static const char *const DROP_ROLES[] = {"navigation", "banner", "contentinfo",
                                         "complementary", "search", "menu", NULL};

static int in(const char *const *list, const xmlChar *name) {
  for (; *list; list++)
    if (!strcasecmp(*list, (const char *)name)) return 1;
  return 0;
}

static int dropped(xmlNode *n) {
  if (in(DROP, n->name)) return 1;
  xmlChar *role = xmlGetProp(n, (const xmlChar *)"role");
  int r = role && in(DROP_ROLES, role);
  xmlFree(role);
  return r;
}

/* add_text appends text with runs of whitespace collapsed to one space. */
static void add_text(buf *b, const xmlChar *t) {
  for (const unsigned char *p = t; *p; p++) {
    int sp = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
    if (sp) {
      if (b->n && b->z[b->n - 1] != ' ' && b->z[b->n - 1] != '\n') buf_addc(b, ' ');
    } else {
      buf_addc(b, (char)*p);
    }
  }
}

/* inline_text collects the text under n (a block), skipping dropped subtrees. */
static void inline_text(buf *b, xmlNode *n) {
  for (xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) add_text(b, c->content);
    else if (c->type == XML_ELEMENT_NODE && !dropped(c)) {
      /* a line break or a block nested in a block separates words */
      int sep = !strcasecmp((const char *)c->name, "br") || in(BLOCKS, c->name) ||
                !strcasecmp((const char *)c->name, "div");
      if (sep) add_text(b, (const xmlChar *)" ");
      if (strcasecmp((const char *)c->name, "br")) inline_text(b, c);
      if (sep) add_text(b, (const xmlChar *)" ");
    }
  }
}

static void end_block(buf *b, size_t mark) {
  while (b->n > mark && b->z[b->n - 1] == ' ') b->n--;
  size_t s = mark;
  while (s < b->n && (b->z[s] == ' ' || b->z[s] == '\n')) s++;
  if (s == b->n) {
    b->n = mark; /* an empty block leaves nothing */
    return;
  }
  if (s > mark) {
    memmove(b->z + mark, b->z + s, b->n - s);
    b->n -= s - mark;
  }
  buf_add(b, "\n\n", 2);
}

/* blocks walks the tree and writes each paragraph-like block once; a block
 * inside a block (li > p) is written by the outer one. */
static void blocks(buf *b, xmlNode *n, int *nh1) {
  for (xmlNode *c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE || dropped(c)) continue;
    if (in(BLOCKS, c->name)) {
      size_t mark = b->n;
      inline_text(b, c);
      end_block(b, mark);
      if (!strcasecmp((const char *)c->name, "h1")) (*nh1)++;
    } else {
      blocks(b, c->children, nh1);
    }
  }
}

static xmlNode *find(xmlNode *n, const char *name) {
  for (xmlNode *c = n; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (!strcasecmp((const char *)c->name, name)) return c;
    if (dropped(c) && strcasecmp((const char *)c->name, "head")) continue;
    xmlNode *r = find(c->children, name);
    if (r) return r;
  }
  return NULL;
}

static char *title_of(arena *a, xmlNode *root) {
  xmlNode *t = find(root, "title");
  if (!t) return NULL;
  buf b;
  buf_init(&b);
  inline_text(&b, t);
  end_block(&b, 0);
  char *r = b.n >= 2 ? arena_strndup(a, b.z, b.n - 2) : NULL;
  buf_free(&b);
  return r;
}

int html_extract(arena *a, const char *z, size_t n, char **text, size_t *ntext, char **title) {
  *text = NULL;
  *ntext = 0;
  *title = NULL;
  if (n > INT32_MAX) return ERR_TOOBIG;
  /* No HTML_PARSE_NOIMPLIED: without an implied <html>, libxml2 2.9 nests
   * every top-level element of a fragment in the first one. */
  int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
             0;
  /* Valid UTF-8 is read as UTF-8; otherwise the page's own charset (or
   * libxml2's default) decides. */
  const char *enc = utf8_is_valid(z, n) ? "UTF-8" : NULL;
  htmlDocPtr doc = htmlReadMemory(z, (int)n, NULL, enc, opts);
  if (!doc) {
    if (n) return ERR_PARSE;
    *text = arena_strndup(a, "", 0);
    return *text ? ERR_OK : ERR_NOMEM;
  }
  xmlNode *root = xmlDocGetRootElement(doc);
  buf b;
  buf_init(&b);
  int nh1 = 0;
  *title = root ? title_of(a, root) : NULL;
  xmlNode *art = root ? find(root, "article") : NULL;
  if (!art && root) art = find(root, "main");
  if (art) blocks(&b, art->children, &nh1);
  else if (root) blocks(&b, root, &nh1);
  xmlFreeDoc(doc);
  int rc = b.oom ? ERR_NOMEM : ERR_OK;
  if (!rc) {
    /* A page whose content has no h1 keeps its <title> as the first paragraph. */
    size_t tn = (!nh1 && *title) ? strlen(*title) + 2 : 0;
    size_t len = b.n >= 2 ? b.n - 2 : 0;
    char *o = arena_alloc(a, tn + len + 1);
    if (!o) rc = ERR_NOMEM;
    else {
      if (tn) memcpy(o, *title, tn - 2), memcpy(o + tn - 2, "\n\n", 2);
      if (len) memcpy(o + tn, b.z, len);
      if (tn && !len) tn -= 2;
      o[tn + len] = 0;
      *text = o;
      *ntext = tn + len;
    }
  }
  buf_free(&b);
  return rc;
}
