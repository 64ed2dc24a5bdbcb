#include "err.h"

const char *err_str(int rc) {
  switch (rc) {
  case ERR_OK: return "ok";
  case ERR_NOMEM: return "out of memory";
  case ERR_IO: return "input/output error";
  case ERR_PARSE: return "malformed input";
  case ERR_TOOBIG: return "over the size limit";
  case ERR_NOTFOUND: return "not found";
  case ERR_INVALID: return "invalid argument";
  }
  return "unknown error";
}
