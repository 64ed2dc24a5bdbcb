#include "pipeline.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

enum { SLOT_FREE, SLOT_READY, SLOT_BUSY, SLOT_DONE };

typedef struct slot {
  int state;
  reader_item item;
  buf in, out;
} slot;

typedef struct pipe {
  pthread_mutex_t mu;
  pthread_cond_t cv_free, cv_ready, cv_done;
  slot *slots;
  size_t nslots;
  uint64_t produced, taken, written; /* sequence counters */
  int eof, rc;
  pipe_work work;
  void *wctx;
  pipe_sink sink;
  void *sctx;
  size_t arena_high;
} pipe;

#define ARENA_BLOCK (256 * 1024)

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
    buf_clear(&s->out);
    int rc = p->work(p->wctx, &a, &s->item, &s->in, &s->out);
    size_t high = a.high;
    arena_reset(&a);
    pthread_mutex_lock(&p->mu);
    if (high > p->arena_high) p->arena_high = high;
    if (rc && !p->rc) p->rc = rc;
    s->state = SLOT_DONE;
    pthread_cond_broadcast(&p->cv_done);
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
    int rc = p->sink(p->sctx, &s->out);
    pthread_mutex_lock(&p->mu);
    if (rc && !p->rc) p->rc = rc;
    s->state = SLOT_FREE;
    p->written++;
    pthread_cond_broadcast(&p->cv_free);
  }
  pthread_cond_broadcast(&p->cv_free);
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

static int run_inline(reader *r, pipe_work work, void *wctx, pipe_sink sink, void *sctx,
                      pipeline_stats *st) {
  arena a;
  arena_init(&a, ARENA_BLOCK);
  slot s;
  memset(&s, 0, sizeof s);
  int rc = ERR_OK, k;
  while (!rc && (k = reader_next(r, &s.item, &s.in)) > 0) {
    st->items++;
    st->in_bytes += s.in.n;
    buf_clear(&s.out);
    rc = work(wctx, &a, &s.item, &s.in, &s.out);
    if (a.high > st->arena_high) st->arena_high = a.high;
    arena_reset(&a);
    if (!rc) rc = sink(sctx, &s.out);
  }
  if (!rc && k < 0) rc = k;
  buf_free(&s.in);
  buf_free(&s.out);
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
    int k = reader_next(r, &s->item, &s->in);
    if (k <= 0) return k;
    st->items++;
    st->in_bytes += s->in.n;
    pthread_mutex_lock(&p->mu);
    s->state = SLOT_READY;
    p->produced++;
    pthread_cond_signal(&p->cv_ready);
    pthread_mutex_unlock(&p->mu);
  }
}

int pipeline_run(reader *r, int threads, pipe_work work, void *wctx, pipe_sink sink, void *sctx,
                 pipeline_stats *st) {
  memset(st, 0, sizeof *st);
  if (threads <= 1) return run_inline(r, work, wctx, sink, sctx, st);
  pipe p;
  memset(&p, 0, sizeof p);
  p.nslots = (size_t)threads * PIPE_SLOTS_PER_THREAD;
  p.slots = calloc(p.nslots, sizeof *p.slots);
  pthread_t *tw = calloc((size_t)threads, sizeof *tw);
  if (!p.slots || !tw) {
    free(p.slots);
    free(tw);
    return ERR_NOMEM;
  }
  p.work = work, p.wctx = wctx, p.sink = sink, p.sctx = sctx;
  pthread_mutex_init(&p.mu, NULL);
  pthread_cond_init(&p.cv_free, NULL);
  pthread_cond_init(&p.cv_ready, NULL);
  pthread_cond_init(&p.cv_done, NULL);
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
  for (size_t i = 0; i < p.nslots; i++) {
    buf_free(&p.slots[i].in);
    buf_free(&p.slots[i].out);
  }
  pthread_mutex_destroy(&p.mu);
  pthread_cond_destroy(&p.cv_free);
  pthread_cond_destroy(&p.cv_ready);
  pthread_cond_destroy(&p.cv_done);
  free(p.slots);
  free(tw);
  return rc;
}
