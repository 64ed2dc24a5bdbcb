/* query.h: reading a store: filters, listings, aggregates, and the table,
 * JSON Lines and CSV writers they print with (docs/store.md, "dyad query").
 *
 * A query runs over the records of one kind (--kind, or chosen from the
 * filters: events when the store has any, else mentions for --actor,
 * sentences for --text, documents otherwise). Each filter becomes a WHERE
 * condition with bound parameters on indexed columns; a filter that does not
 * apply to the kind is refused with a message, never ignored. Listings come
 * in store order (the order documents were ingested). Aggregates: --by
 * day|week|month|year (counts, and the mean and sum of Goldstein for
 * events) and --top dyads|actors|codes N.
 *
 * Reads only; one thread; the options are borrowed strings (argv). */
#ifndef DYAD_QUERY_H
#define DYAD_QUERY_H

#include <stdio.h>

#include "store.h"

enum { QUERY_TABLE, QUERY_JSONL, QUERY_CSV };

typedef struct query_opts {
  int kind; /* STORE_* or -1: choose from the filters */
  const char *actor, *source, *target, *dyad, *cameo, *plover, *from, *to, *text, *claim, *doc;
  const char *by;  /* day, week, month, year or NULL */
  const char *top; /* dyads, actors, codes or NULL */
  long top_n;
  long limit;   /* rows at most; 0 for all */
  int evidence; /* table and CSV: add each record's sentence */
  int format;   /* QUERY_* */
  int count;    /* print only the number of matching records */
} query_opts;

/* query_init sets the defaults: kind chosen, no filter, no limit, format
 * table if out is a terminal, else JSON Lines. */
void query_init(query_opts *o, FILE *out);

/* query_option reads the option at argv[*i] (and its value, advancing *i).
 * Returns 1 if it was a query option, 0 if not, -1 if its value is wrong
 * (the reason in err). */
int query_option(query_opts *o, int argc, char **argv, int *i, char *err, size_t nerr);

/* query_run runs o on st and writes the result to out. Returns ERR_OK, or
 * ERR_INVALID (a filter that does not apply, bad FTS syntax) / ERR_IO with
 * the reason in err. */
int query_run(store *st, const query_opts *o, FILE *out, char *err, size_t nerr);

/* query_each runs the SQL select_from ("SELECT ... FROM <kind's table> r
 * ...", with documents joined as d for kinds other than events and
 * documents) with o's filters for kind, in store order, and calls fn with
 * each row; fn returns ERR_OK to go on. Returns ERR_OK, fn's error, or an
 * error with the reason in err. */
typedef int (*query_row_fn)(void *ctx, sqlite3_stmt *row);
int query_each(store *st, const query_opts *o, int kind, const char *select_from,
               query_row_fn fn, void *ctx, char *err, size_t nerr);

/* query_csv_field writes z[0..n) as one RFC 4180 field: quoted (quotes
 * doubled) when it holds a comma, a quote, CR or LF. */
void query_csv_field(FILE *out, const char *z, size_t n);

#endif
