/* export.h: writing a store out in other formats (docs/store.md, "dyad
 * export"):
 *
 *   jsonl   every record, document by document (its errors, the document,
 *           its sentences, then its mentions, events, claims, timexes,
 *           quotes, duplicates and records of other kinds), then the errors
 *           that belong to no document: what `dyad code --sentences
 *           --mentions` wrote, each document once
 *   csv     one kind's table (--kind, default events), RFC 4180, header row
 *   gdelt   events as GDELT 1.0 event table rows (58 tab-separated columns)
 *   plover  events as PLOVER JSON records, one a line
 *
 * The query filters (query.h) select documents for jsonl and events (or the
 * --kind) for the others. Reads only; one thread. */
#ifndef DYAD_EXPORT_H
#define DYAD_EXPORT_H

#include <stdio.h>

#include "query.h"
#include "store.h"

enum { EXPORT_JSONL, EXPORT_CSV, EXPORT_GDELT, EXPORT_PLOVER };

/* export_format reads a --format value; returns EXPORT_* or -1. */
int export_format(const char *name);

/* export_run writes st in format to out; header adds GDELT's column names as
 * a first line (GDELT's own files have none). Returns ERR_OK or an error
 * with the reason in err; *skipped counts events PLOVER cannot express (no
 * PLOVER type). */
int export_run(store *st, int format, const query_opts *o, int header, FILE *out,
               size_t *skipped, char *err, size_t nerr);

#endif
