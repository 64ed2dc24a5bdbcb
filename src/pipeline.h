/* pipeline.h: reader -> N workers -> in-order writer.
 *
 * The calling thread reads items into a ring of slots, each a batch of up to
 * PIPE_BATCH_ITEMS items or PIPE_BATCH_BYTES bytes (batches keep locking and
 * thread wake-ups off the per-document path); worker threads code them, each
 * with its own arena that is reset after every item; a writer thread hands
 * finished slots to the sink strictly in input order, so the output is
 * byte-identical for any number of threads. At most PIPE_SLOTS_PER_THREAD x
 * threads batches are in flight, so memory is bounded by that many times the
 * larger of a batch and the largest document, whatever the size of the input.
 *
 * With one thread everything runs in the calling thread, no locks.
 * All state is in the pipeline_run() call; nothing is global. */
#ifndef DYAD_PIPELINE_H
#define DYAD_PIPELINE_H

#include <stddef.h>

#include "arena.h"
#include "buf.h"
#include "reader.h"

#define PIPE_SLOTS_PER_THREAD 4
#define PIPE_BATCH_ITEMS 256
#define PIPE_BATCH_BYTES (512 * 1024)

/* pipe_work codes one item (its bytes data[0..n), which it may modify) and
 * appends its output to out, and to side any data the in-order stage needs
 * (plain bytes: the arena is reset after the call). Runs in a worker thread;
 * a is that worker's arena. Returns ERR_OK, or an error that stops the run. */
typedef int (*pipe_work)(void *ctx, arena *a, const reader_item *it, char *data, size_t n,
                         buf *out, buf *side);

/* pipe_order runs in input order, one item at a time, in the writer thread,
 * before the sink: it gets the item's output and side data and appends the
 * item's final output to final. It is where state shared across documents
 * lives (the duplicate index), so no lock is needed and results do not depend
 * on thread timing. May be NULL: the output goes to the sink as it is. */
typedef int (*pipe_order)(void *ctx, const reader_item *it, const char *out, size_t n,
                          const char *side, size_t nside, buf *final);

/* pipe_sink writes the output of one batch of items. Runs in one thread, in input order.
 * Returns ERR_OK, or an error (a failed write) that stops the run. */
typedef int (*pipe_sink)(void *ctx, const buf *out);

typedef struct pipeline_stats {
  size_t items;     /* items read */
  size_t in_bytes;  /* bytes read */
  size_t arena_high; /* largest arena of any worker */
} pipeline_stats;

/* pipeline_run reads r to the end. Returns ERR_OK or the first error of a
 * worker or the sink (the run stops at it). */
int pipeline_run(reader *r, int threads, pipe_work work, void *wctx, pipe_order order,
                 void *octx, pipe_sink sink, void *sctx, pipeline_stats *st);

#endif
