#include "jsonl.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void jsonl_error(buf *out, const char *input, long line, const char *docid, const char *message) {
  buf_adds(out, "{\"kind\":\"error\",\"input\":");
  buf_json_strz(out, input);
  buf_adds(out, ",\"line\":");
  if (line) buf_json_int(out, line);
  else buf_adds(out, "null");
  buf_adds(out, ",\"doc\":");
  buf_json_strz(out, docid);
  buf_adds(out, ",\"message\":");
  buf_json_strz(out, message);
  buf_adds(out, "}\n");
}

static void document_record(buf *out, const doc *d) {
  buf_adds(out, "{\"kind\":\"document\",\"doc\":");
  buf_json_strz(out, d->id);
  buf_adds(out, ",\"date\":");
  buf_json_strz(out, d->date);
  buf_adds(out, ",\"source\":");
  buf_json_strz(out, d->source);
  buf_adds(out, ",\"title\":");
  buf_json_strz(out, d->title);
  buf_adds(out, ",\"url\":");
  buf_json_strz(out, d->url);
  buf_adds(out, ",\"bytes\":");
  buf_json_int(out, (long long)d->n);
  buf_adds(out, ",\"sentences\":");
  buf_json_int(out, d->td.nsent);
  buf_adds(out, ",\"paragraphs\":");
  buf_json_int(out, d->td.npara);
  buf_adds(out, ",\"dateline\":");
  if (d->td.dateline_end > d->td.dateline_start) {
    buf_adds(out, "{\"text\":");
    buf_json_str(out, d->z + d->td.dateline_start, d->td.dateline_end - d->td.dateline_start);
    buf_adds(out, ",\"span\":");
    buf_json_span(out, d->td.dateline_start, d->td.dateline_end);
    buf_addc(out, '}');
  } else {
    buf_adds(out, "null");
  }
  buf_adds(out, ",\"meta\":");
  if (d->meta) buf_add(out, d->meta, d->nmeta);
  else buf_adds(out, "null");
  buf_adds(out, ",\"duplicate_of\":null}\n");
}

/* sentence_fields writes the fields every sentence-level record starts with;
 * with JSONL_LEAN all but the text (the sentence record carries it). */
static void sentence_fields(buf *out, const doc *d, const char *kind, uint32_t si, unsigned flags) {
  const text_sentence *s = &d->td.sent[si];
  buf_adds(out, "{\"kind\":\"");
  buf_adds(out, kind);
  buf_adds(out, "\",\"doc\":");
  buf_json_strz(out, d->id);
  buf_adds(out, ",\"sent\":");
  buf_json_int(out, si);
  buf_adds(out, ",\"span\":");
  buf_json_span(out, s->start, s->end);
  if (flags & JSONL_LEAN) return;
  buf_adds(out, ",\"text\":");
  buf_json_str(out, d->z + s->start, s->end - s->start);
}

/* jsonl_actor writes an actor object {code, name, span}. */
static void actor_object(buf *out, const doc *d, const actor_mention *m) {
  buf_adds(out, "{\"code\":");
  buf_json_strz(out, m->code);
  buf_adds(out, ",\"name\":");
  buf_json_str(out, d->z + m->start, m->end - m->start);
  buf_adds(out, ",\"span\":");
  buf_json_span(out, m->start, m->end);
  buf_addc(out, '}');
}

/* pattern_of writes "file:line" of the entry that fired. dyad's own files are
 * found by an absolute path; they are named from "dict/" so that the id is the
 * same on every machine. */
static void pattern_of(buf *out, const dict_entry *e) {
  if (!e) {
    buf_adds(out, "null");
    return;
  }
  const char *src = e->source, *p = strstr(src, "/dict/");
  while (p && strstr(p + 1, "/dict/")) p = strstr(p + 1, "/dict/");
  if (p && src[0] == '/') src = p + 1;
  char id[600];
  size_t n = strlen(src);
  if (n > sizeof id - 22) n = sizeof id - 22;
  memcpy(id, src, n);
  id[n++] = ':';
  n += buf_fmt_uint(id + n, e->line);
  id[n] = 0;
  buf_json_strz(out, id);
}

static void mention_records(buf *out, const doc *d, unsigned flags) {
  for (size_t i = 0; i < d->actors.n; i++) {
    const actor_mention *m = &d->actors.m[i];
    sentence_fields(out, d, "mention", m->sent, flags);
    buf_adds(out, ",\"actor\":");
    actor_object(out, d, m);
    buf_adds(out, ",\"resolved_from\":");
    if (m->from_start >= 0) buf_json_span(out, (size_t)m->from_start, (size_t)m->from_end);
    else buf_adds(out, "null");
    buf_adds(out, ",\"pattern\":");
    pattern_of(out, m->entry);
    buf_adds(out, ",\"agent\":");
    pattern_of(out, m->agent);
    buf_adds(out, "}\n");
  }
}

static void sentence_records(buf *out, const doc *d) {
  for (uint32_t i = 0; i < d->td.nsent; i++) {
    const text_sentence *s = &d->td.sent[i];
    sentence_fields(out, d, "sentence", i, 0);
    buf_adds(out, ",\"tokens\":");
    buf_json_int(out, s->ntok);
    buf_adds(out, ",\"para\":");
    buf_json_int(out, s->para);
    buf_adds(out, "}\n");
  }
}

static void actor_or_null(buf *out, const doc *d, int k) {
  if (k < 0) buf_adds(out, "null");
  else actor_object(out, d, &d->actors.m[k]);
}

static void location(buf *out, const doc *d, int k) {
  if (k < 0) {
    buf_adds(out, "null");
    return;
  }
  const actor_mention *m = &d->actors.m[k];
  buf_adds(out, "{\"name\":");
  buf_json_str(out, d->z + m->start, m->end - m->start);
  buf_adds(out, ",\"country\":");
  buf_json_str(out, m->code, strlen(m->code) < 3 ? strlen(m->code) : 3);
  buf_adds(out, ",\"span\":");
  buf_json_span(out, m->start, m->end);
  buf_addc(out, '}');
}

/* event_date: the date of a time expression in the event's sentence, else the
 * document's. */
static void event_date(buf *out, const doc *d, uint32_t sent) {
  int k = timex_for_sentence(&d->timexes, sent);
  char date[11];
  if (k >= 0 && timex_event_date(&d->timexes.t[k], date)) buf_json_strz(out, date);
  else buf_json_strz(out, d->date);
}

static void number_or_null(buf *out, double v) {
  if (isfinite(v)) buf_printf(out, "%.15g", v);
  else buf_adds(out, "null"); /* "at least 20": no upper bound */
}

static void claim_records(buf *out, const doc *d, unsigned flags) {
  for (size_t i = 0; i < d->claims.n; i++) {
    const claim *c = &d->claims.c[i];
    sentence_fields(out, d, "claim", c->sent, flags);
    buf_adds(out, ",\"quantity\":");
    number_or_null(out, c->quantity);
    buf_adds(out, ",\"low\":");
    number_or_null(out, c->low);
    buf_adds(out, ",\"high\":");
    number_or_null(out, c->high);
    buf_adds(out, ",\"qualifier\":");
    buf_json_strz(out, c->qualifier);
    buf_adds(out, ",\"claim\":");
    buf_json_strz(out, c->kind);
    buf_adds(out, ",\"subject\":");
    actor_or_null(out, d, c->subject);
    buf_adds(out, ",\"attribution\":");
    actor_or_null(out, d, c->attribution);
    buf_adds(out, ",\"number\":{\"text\":");
    buf_json_str(out, d->z + c->num_start, c->num_end - c->num_start);
    buf_adds(out, ",\"span\":");
    buf_json_span(out, c->num_start, c->num_end);
    buf_adds(out, "}}\n");
  }
}

static void timex_records(buf *out, const doc *d, unsigned flags) {
  for (size_t i = 0; i < d->timexes.n; i++) {
    const timex *t = &d->timexes.t[i];
    sentence_fields(out, d, "timex", t->sent, flags);
    buf_adds(out, ",\"expr\":{\"text\":");
    buf_json_str(out, d->z + t->start, t->end - t->start);
    buf_adds(out, ",\"span\":");
    buf_json_span(out, t->start, t->end);
    buf_adds(out, "},\"value\":");
    buf_json_strz(out, t->value);
    buf_adds(out, ",\"granularity\":");
    buf_json_strz(out, t->granularity);
    buf_adds(out, ",\"modifier\":");
    buf_json_strz(out, t->modifier);
    buf_adds(out, "}\n");
  }
}

static void event_records(buf *out, const doc *d, unsigned flags) {
  for (size_t i = 0; i < d->events.n; i++) {
    const coder_event *e = &d->events.e[i];
    const cameo_code *cc = cameo_find(d->codes, e->cameo);
    const text_token *v0 = &d->td.tok[e->verb_tok], *v1 = &d->td.tok[e->verb_last];
    sentence_fields(out, d, "event", e->sent, flags);
    buf_adds(out, ",\"source\":");
    actor_or_null(out, d, e->src);
    buf_adds(out, ",\"target\":");
    actor_or_null(out, d, e->tgt);
    buf_adds(out, ",\"cameo\":");
    buf_json_strz(out, e->cameo);
    buf_adds(out, ",\"root\":");
    buf_json_str(out, e->cameo, 2);
    buf_adds(out, ",\"quad_class\":");
    buf_json_int(out, cameo_quad(e->cameo));
    buf_adds(out, ",\"goldstein\":");
    if (cc && cc->has_goldstein) buf_printf(out, "%g", cc->goldstein);
    else buf_adds(out, "null");
    buf_adds(out, ",\"plover\":");
    buf_json_strz(out, cc && cc->plover[0] ? cc->plover : NULL);
    buf_adds(out, ",\"verb\":{\"text\":");
    buf_json_str(out, d->z + v0->start, v1->end - v0->start);
    buf_adds(out, ",\"span\":");
    buf_json_span(out, v0->start, v1->end);
    buf_adds(out, "},\"negated\":");
    buf_adds(out, e->negated ? "true" : "false");
    buf_adds(out, ",\"attribution\":");
    actor_or_null(out, d, e->attribution);
    buf_adds(out, ",\"date\":");
    event_date(out, d, e->sent);
    buf_adds(out, ",\"location\":");
    location(out, d, e->location);
    buf_adds(out, ",\"pattern\":");
    pattern_of(out, e->pattern);
    buf_adds(out, ",\"mood\":");
    buf_json_strz(out, e->how);
    buf_adds(out, "}\n");
  }
}

static void quote_records(buf *out, const doc *d, unsigned flags) {
  for (size_t i = 0; i < d->quotes.n; i++) {
    const quote *q = &d->quotes.q[i];
    sentence_fields(out, d, "quote", q->sent, flags);
    buf_adds(out, ",\"quote\":{\"text\":");
    buf_json_str(out, d->z + q->start, q->end - q->start);
    buf_adds(out, ",\"span\":");
    buf_json_span(out, q->start, q->end);
    buf_adds(out, "},\"speaker\":");
    actor_or_null(out, d, q->speaker);
    buf_adds(out, ",\"who\":");
    if (q->who_end > q->who_start) {
      buf_adds(out, "{\"text\":");
      buf_json_str(out, d->z + q->who_start, q->who_end - q->who_start);
      buf_adds(out, ",\"span\":");
      buf_json_span(out, q->who_start, q->who_end);
      buf_addc(out, '}');
    } else {
      buf_adds(out, "null");
    }
    buf_adds(out, "}\n");
  }
}

void jsonl_doc(buf *out, const doc *d, unsigned flags) {
  for (size_t i = 0; i < d->nerr; i++)
    jsonl_error(out, d->input, d->line, d->id, d->errors[i]);
  if (d->skipped) return;
  document_record(out, d);
  if (flags & JSONL_SENTENCES) sentence_records(out, d);
  if (flags & JSONL_MENTIONS) mention_records(out, d, flags);
  if (flags & JSONL_EVENTS) event_records(out, d, flags);
  if (flags & JSONL_QUOTES) quote_records(out, d, flags);
  if (flags & JSONL_TIMEX) timex_records(out, d, flags);
  if (flags & JSONL_CLAIMS) claim_records(out, d, flags);
}
