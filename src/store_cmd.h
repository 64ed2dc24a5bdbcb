/* store_cmd.h: the store's commands: dyad ingest, query, export, merge.
 * Each takes the arguments after its name and returns the exit status. */
#ifndef DYAD_STORE_CMD_H
#define DYAD_STORE_CMD_H

int store_cmd_ingest(int argc, char **argv);
int store_cmd_query(int argc, char **argv);
int store_cmd_export(int argc, char **argv);
int store_cmd_merge(int argc, char **argv);

#endif
