/* main.c: the process entry point; the command line is in cli.c, which the
 * tests link too. */
#include "cli.h"

int main(int argc, char **argv) { return cli_main(argc, argv); }
