/* Temporary stub until the TABARI/PETRARCH importers land (replaced by them). */
#include "dict.h"
#include "err.h"

int dict_import_tabari(dict_builder *b, const char *path);
int dict_import_petrarch(dict_builder *b, const char *path);

int dict_import_tabari(dict_builder *b, const char *path) {
  dict_builder_report(b, path, 0, "TABARI importer not built yet");
  return ERR_NOTFOUND;
}

int dict_import_petrarch(dict_builder *b, const char *path) {
  dict_builder_report(b, path, 0, "PETRARCH importer not built yet");
  return ERR_NOTFOUND;
}
