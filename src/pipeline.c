#include "pipeline.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

enum { SLOT_FREE, SLOT_READY, SLOT_BUSY, SLOT_DONE };

typedef struct slot {
  int state;
  reader_item items[PIPE_BATCH_ITEMS];
  size_t out_end[PIPE_BATCH_ITEMS], side_end[PIPE_BATCH_ITEMS]; /* per item, in out and side */
  size_t nitems;
  buf in, out, side, final;
} slot;

typedef struct pipe {
  pthread_mutex_t mu;
  pthread_cond_t cv_free, cv_ready, cv_done;
  slot *slots;
  size_t nslots;
  uint64_t produced, taken, written; /* batch sequence counters */
  int eof, rc;
  pipe_work work;
  void *wctx;
  pipe_order order;
  void *octx;
  pipe_sink sink;
  void *sctx;
  size_t arena_high;
} pipe;

#define ARENA_BLOCK (256 * 1024)

static char empty_text[1];

/* code_batch runs the work on every item of s; returns the first error. */
static int code_batch(pipe_work work, void *wctx, arena *a, slot *s, size_t *high) {
  buf_clear(&s->out);
  buf_clear(&s->side);
  for (size_t i = 0; i < s->nitems; i++) {
    reader_item *it = &s->items[i];
    char *data = s->in.z ? s->in.z + it->off : empty_text;
    int rc = work(wctx, a, it, data, it->n, &s->out, &s->side);
    s->out_end[i] = s->out.n;
    s->side_end[i] = s->side.n;
    if (a->high > *high) *high = a->high;
    arena_reset(a);
    if (rc) return rc;
  }
  return ERR_OK;
}

/* finish runs the in-order stage over a batch and hands it to the sink. */
static int finish(pipe_order order, void *octx, pipe_sink sink, void *sctx, slot *s) {
  if (!order) return sink(sctx, &s->out);
  buf_clear(&s->final);
  size_t o = 0, d = 0;
  for (size_t i = 0; i < s->nitems; i++) {
    int rc = order(octx, &s->items[i], s->out.z + o, s->out_end[i] - o,
                   s->side.z ? s->side.z + d : "", s->side_end[i] - d, &s->final);
    if (rc) return rc;
    o = s->out_end[i];
    d = s->side_end[i];
  }
  if (s->final.oom) return ERR_NOMEM;
  return sink(sctx, &s->final);
}

static void *worker(void *arg) {
  pipe *p = arg;
  arena a;
  arena_init(&a, ARENA_BLOCK);
  pthread_mutex_lock(&p->mu);
  for (;;) {
    while (!p->rc && p->taken == p->produced && !p->eof) pthread_cond_wait(&p->cv_ready, &p->mu);
    if (p->rc || p->taken == p->produced) break;
    slot *s = &p->slots[p->taken++ % p->nslots];
    s->state = SLOT_BUSY;
    pthread_mutex_unlock(&p->mu);
    size_t high = 0;
    int rc = code_batch(p->work, p->wctx, &a, s, &high);
    pthread_mutex_lock(&p->mu);
    if (high > p->arena_high) p->arena_high = high;
    if (rc && !p->rc) p->rc = rc;
    s->state = SLOT_DONE;
    pthread_cond_signal(&p->cv_done);
  }
  pthread_cond_broadcast(&p->cv_done);
  pthread_mutex_unlock(&p->mu);
  arena_free(&a);
  return NULL;
}

static void *writer(void *arg) {
  pipe *p = arg;
  pthread_mutex_lock(&p->mu);
  for (;;) {
    slot *s = &p->slots[p->written % p->nslots];
    while (!p->rc && !(p->written < p->produced && s->state == SLOT_DONE) &&
           !(p->eof && p->written == p->produced))
      pthread_cond_wait(&p->cv_done, &p->mu);
    if (p->rc || p->written == p->produced) break;
    pthread_mutex_unlock(&p->mu);
    int rc = finish(p->order, p->octx, p->sink, p->sctx, s);
    pthread_mutex_lock(&p->mu);
    if (rc && !p->rc) p->rc = rc;
    s->state = SLOT_FREE;
    p->written++;
    pthread_cond_signal(&p->cv_free);
  }
  pthread_cond_broadcast(&p->cv_free);
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

/* fill_batch reads items into s until it is full; returns 1 if it holds any,
 * 0 at the end of the input, or ERR_NOMEM. */
static int fill_batch(reader *r, slot *s, pipeline_stats *st) {
  s->nitems = 0;
  buf_clear(&s->in);
  while (s->nitems < PIPE_BATCH_ITEMS && s->in.n < PIPE_BATCH_BYTES) {
    int k = reader_next(r, &s->items[s->nitems], &s->in);
    if (k < 0) return k;
    if (k == 0) break;
    st->items++;
    st->in_bytes += s->items[s->nitems].n;
    s->nitems++;
  }
  return s->nitems > 0;
}

static int run_inline(reader *r, pipe_work work, void *wctx, pipe_order order, void *octx,
                      pipe_sink sink, void *sctx, pipeline_stats *st) {
  arena a;
  arena_init(&a, ARENA_BLOCK);
  slot *s = calloc(1, sizeof *s);
  if (!s) return ERR_NOMEM;
  int rc = ERR_OK, k;
  while (!rc && (k = fill_batch(r, s, st)) > 0) {
    rc = code_batch(work, wctx, &a, s, &st->arena_high);
    if (!rc) rc = finish(order, octx, sink, sctx, s);
  }
  if (!rc && k < 0) rc = k;
  buf_free(&s->in);
  buf_free(&s->out);
  buf_free(&s->side);
  buf_free(&s->final);
  free(s);
  arena_free(&a);
  return rc;
}

/* produce is the reader loop of the threaded run. */
static int produce(pipe *p, reader *r, pipeline_stats *st) {
  for (;;) {
    pthread_mutex_lock(&p->mu);
    slot *s = &p->slots[p->produced % p->nslots];
    while (!p->rc && s->state != SLOT_FREE) pthread_cond_wait(&p->cv_free, &p->mu);
    int stop = p->rc;
    pthread_mutex_unlock(&p->mu);
    if (stop) return ERR_OK;
    int k = fill_batch(r, s, st);
    if (k <= 0) return k;
    pthread_mutex_lock(&p->mu);
    s->state = SLOT_READY;
    p->produced++;
    pthread_cond_signal(&p->cv_ready);
    pthread_mutex_unlock(&p->mu);
  }
}

static void pipe_destroy(pipe *p) {
  for (size_t i = 0; p->slots && i < p->nslots; i++) {
    buf_free(&p->slots[i].in);
    buf_free(&p->slots[i].out);
    buf_free(&p->slots[i].side);
    buf_free(&p->slots[i].final);
  }
  pthread_mutex_destroy(&p->mu);
  pthread_cond_destroy(&p->cv_free);
  pthread_cond_destroy(&p->cv_ready);
  pthread_cond_destroy(&p->cv_done);
  free(p->slots);
}

int pipeline_run(reader *r, int threads, pipe_work work, void *wctx, pipe_order order,
                 void *octx, pipe_sink sink, void *sctx, pipeline_stats *st) {
  memset(st, 0, sizeof *st);
  if (threads <= 1) return run_inline(r, work, wctx, order, octx, sink, sctx, st);
  pipe p;
  memset(&p, 0, sizeof p);
  p.nslots = (size_t)threads * PIPE_SLOTS_PER_THREAD;
  p.slots = calloc(p.nslots, sizeof *p.slots);
  pthread_t *tw = calloc((size_t)threads, sizeof *tw);
  pthread_mutex_init(&p.mu, NULL);
  pthread_cond_init(&p.cv_free, NULL);
  pthread_cond_init(&p.cv_ready, NULL);
  pthread_cond_init(&p.cv_done, NULL);
  if (!p.slots || !tw) {
    pipe_destroy(&p);
    free(tw);
    return ERR_NOMEM;
  }
  p.work = work, p.wctx = wctx, p.sink = sink, p.sctx = sctx, p.order = order, p.octx = octx;
  pthread_t tr;
  int nstarted = 0;
  for (; nstarted < threads; nstarted++)
    if (pthread_create(&tw[nstarted], NULL, worker, &p)) break;
  int have_writer = nstarted > 0 && pthread_create(&tr, NULL, writer, &p) == 0;
  int rc = (nstarted && have_writer) ? produce(&p, r, st) : ERR_NOMEM;
  pthread_mutex_lock(&p.mu);
  p.eof = 1;
  if (rc && !p.rc) p.rc = rc;
  pthread_cond_broadcast(&p.cv_ready);
  pthread_cond_broadcast(&p.cv_done);
  pthread_mutex_unlock(&p.mu);
  for (int i = 0; i < nstarted; i++) pthread_join(tw[i], NULL);
  if (have_writer) pthread_join(tr, NULL);
  rc = p.rc;
  st->arena_high = p.arena_high;
  pipe_destroy(&p);
  free(tw);
  return rc;
}
