/* err.h: the one project-wide result code.
 *
 * 0 is success; every error is negative. Functions return an int from this set
 * and deliver results through out-parameters (see STYLE.md section 4). */
#ifndef DYAD_ERR_H
#define DYAD_ERR_H

enum {
  ERR_OK = 0,
  ERR_NOMEM = -1,    /* an allocation failed */
  ERR_IO = -2,       /* a read or write failed; errno says why */
  ERR_PARSE = -3,    /* input is malformed */
  ERR_TOOBIG = -4,   /* input is over a configured limit */
  ERR_NOTFOUND = -5, /* a file or entry does not exist */
  ERR_INVALID = -6,  /* an argument is out of range */
};

/* err_str returns a static description of rc. */
const char *err_str(int rc);

#endif
