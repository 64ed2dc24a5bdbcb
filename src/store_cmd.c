/* Placeholder until the store lands (issue 6): the commands say so. */
#include <stdio.h>

#include "store_cmd.h"

static int not_yet(const char *name) {
  fprintf(stderr, "dyad %s: the store is not built yet\n", name);
  return 2;
}

int store_cmd_ingest(int argc, char **argv) { (void)argc, (void)argv; return not_yet("ingest"); }
int store_cmd_query(int argc, char **argv) { (void)argc, (void)argv; return not_yet("query"); }
int store_cmd_export(int argc, char **argv) { (void)argc, (void)argv; return not_yet("export"); }
int store_cmd_merge(int argc, char **argv) { (void)argc, (void)argv; return not_yet("merge"); }
