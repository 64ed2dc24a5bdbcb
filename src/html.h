/* html.h: the article text of a news page.
 *
 * Parses with libxml2's HTML parser in recover mode, never touching the
 * network, and keeps the title and the body's paragraphs (p, h1-h6, li,
 * blockquote, pre, figcaption), each block one paragraph separated by a blank
 * line. Dropped: script, style, nav, header, footer, aside, form, noscript,
 * iframe, svg, template, buttons and comments, and anything with an ARIA role
 * of navigation, banner, contentinfo or complementary. If the page has an
 * <article> (or <main>), only its blocks are kept. Entities are decoded.
 * Thread-safe once html_init() has run (libxml2's own initialisation). */
#ifndef DYAD_HTML_H
#define DYAD_HTML_H

#include <stddef.h>

#include "arena.h"

/* html_init must be called once, before any thread calls html_extract. */
void html_init(void);

/* html_extract puts the article text in *text and *n and the <title> in *title
 * (NULL if none), all allocated from a. Returns ERR_OK, ERR_NOMEM, or
 * ERR_PARSE when libxml2 returns no document at all. */
int html_extract(arena *a, const char *z, size_t n, char **text, size_t *ntext, char **title);

#endif
