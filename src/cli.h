/* cli.h: what the commands in other files (the store's ingest, query, export,
 * merge) share with main.c. */
#ifndef DYAD_CLI_H
#define DYAD_CLI_H

#include "pipeline.h"

/* A sink for cli_code: write receives, in input order, the JSON Lines records
 * of a batch of documents (each document's records contiguous: its errors,
 * its document record, then its sentence-level records). flags are the
 * JSONL_* record kinds the sink needs on top of what the options ask for. */
typedef struct cli_sink {
  pipe_sink write;
  void *ctx;
  unsigned flags;
  int cores; /* cores the sink keeps busy itself (a store's writer thread): that
              * many fewer coding workers, at least one */
} cli_sink;

/* cli_code runs `dyad code` with argv's options and inputs. With sink NULL the
 * records go to standard output (or -o FILE); otherwise to the sink, and -o is
 * refused. Returns the process exit status (0, 1 nothing read or a write
 * failed, 2 usage). */
int cli_code(int argc, char **argv, const cli_sink *sink);

/* cli_main runs the dyad command line: argv[1] is the command. Returns the
 * process exit status. */
int cli_main(int argc, char **argv);

/* cli_usage_error prints "dyad: <fmt with arg>" and a hint; returns 2. */
int cli_usage_error(const char *fmt, const char *arg);

#endif
