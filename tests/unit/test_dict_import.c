/* Unit tests for the TABARI and PETRARCH importers: small files written to a
 * temporary directory, then every real dictionary under ../shared/data (or
 * $DYAD_DATA). Each case says why it exists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "arena.h"
#include "dict.h"
#include "dict_import.h"
#include "err.h"
#include "text.h"

#define TAB DICT_IMPORT_TABARI
#define PET DICT_IMPORT_PETRARCH
#define KIND(k) (1u << (k))
#define ALL (KIND(DICT_ACTOR) | KIND(DICT_AGENT) | KIND(DICT_DISCARD) | KIND(DICT_VERB))

static char dir[256];

/* put writes n bytes of z (may hold NULs) to dir/name and returns the path. */
static const char *put(const char *name, const char *z, size_t n) {
  static char path[2][512];
  static int k;
  char *p = path[k ^= 1];
  snprintf(p, sizeof path[0], "%s/%s", dir, name);
  FILE *f = fopen(p, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(z, 1, n, f), n);
  fclose(f);
  return p;
}
#define PUT(name, lit) put(name, lit, sizeof(lit) - 1)

typedef struct loaded {
  dict *d;
  int rc;
  size_t nerr;
  char **err; /* copies: the builder's reports end with it */
} loaded;

static loaded load(int fmt, const char *path) {
  loaded L = {0};
  dict_builder *b;
  assert_int_equal(dict_builder_new(&b), ERR_OK);
  L.rc = fmt == TAB ? dict_import_tabari(b, path) : dict_import_petrarch(b, path);
  const char *const *e = dict_builder_errors(b, &L.nerr);
  L.err = calloc(L.nerr + 1, sizeof *L.err);
  for (size_t i = 0; i < L.nerr; i++) L.err[i] = strdup(e[i]);
  assert_int_equal(dict_build(b, &L.d), ERR_OK);
  return L;
}

static void unload(loaded *L) {
  for (size_t i = 0; i < L->nerr; i++) free(L->err[i]);
  free(L->err);
  dict_free(L->d);
}

static void print_reports(const loaded *L) {
  for (size_t i = 0; i < L->nerr; i++) print_message("    %s\n", L->err[i]);
}

/* find returns the entry whose phrase is all of text, of one of kinds. */
static const dict_entry *find(const dict *d, const char *text, unsigned kinds) {
  arena a;
  arena_init(&a, 0);
  text_doc td;
  assert_int_equal(text_segment(&a, text, strlen(text), &td), ERR_OK);
  uint32_t *ids = calloc(td.ntok + 1, sizeof *ids), len = 0;
  dict_keys(d, &td, ids);
  const dict_entry *e = td.ntok ? dict_longest(d, ids, 0, td.ntok, kinds, &len) : NULL;
  if (e && len != td.ntok) e = NULL;
  free(ids);
  arena_free(&a);
  return e;
}

static const dict_entry *must(const dict *d, const char *text, unsigned kinds) {
  const dict_entry *e = find(d, text, kinds);
  if (!e) fail_msg("no entry for '%s'", text);
  return e;
}

static size_t count(const dict *d, int kind) {
  dict_stats st;
  dict_get_stats(d, &st);
  return st.by_kind[kind];
}

/* has_report checks that some report is for line and holds what. */
static int has_report(const loaded *L, const char *path, uint32_t line, const char *what) {
  char pre[600];
  snprintf(pre, sizeof pre, "%s:%u: ", path, line);
  for (size_t i = 0; i < L->nerr; i++)
    if (!strncmp(L->err[i], pre, strlen(pre)) && strstr(L->err[i], what)) return 1;
  return 0;
}

static void expect_reports(const loaded *L, const char *path, const uint32_t *lines,
                           const char *const *what, size_t n) {
  if (L->nerr != n) print_reports(L);
  assert_int_equal(L->nerr, n);
  for (size_t i = 0; i < n; i++)
    if (!has_report(L, path, lines[i], what[i])) {
      print_reports(L);
      fail_msg("no report for line %u holding '%s'", lines[i], what[i]);
    }
}

/* ---- dates and kinds --------------------------------------------------- */

typedef struct dcase {
  const char *why, *in;
  int32_t want;
} dcase;

static const dcase DATES[] = {
    {"31-99 are the 1900s (TABARI manual 6.5.2)", "331108", 19331108},
    {"00-30 are the 2000s: the pivot's last year", "300101", 20300101},
    {"31 is the first year of the 1900s", "310101", 19310101},
    {"2000 was a leap year", "000229", 20000229},
    {"CountryInfo's month end 31 in a 30-day month is that month's last day", "040931", 20040930},
    {"and February 31 is its last day, in a common year", "090231", 20090228},
    {"eight digits are YYYYMMDD, as PETRARCH allows", "18970101", 18970101},
    {"seven digits are neither form (Phoenix's 2004017)", "2004017", -1},
    {"a letter is not a date", "9a0101", -1},
    {"month 13", "991301", -1},
    {"day 32", "990132", -1},
    {"day 0", "990100", -1},
    {"empty", "", -1},
};

static void test_dates(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof DATES / sizeof *DATES; i++) {
    int32_t got = dict_import_date(DATES[i].in, strlen(DATES[i].in));
    if (got != DATES[i].want) fail_msg("%s: '%s' gave %d", DATES[i].why, DATES[i].in, (int)got);
  }
}

typedef struct kcase {
  const char *why;
  int fmt;
  const char *name, *text;
  int want;
} kcase;

static const kcase KINDS[] = {
    {"TABARI extensions", TAB, "x/CountryInfo.120116.actors", "", DICT_ACTOR},
    {"TABARI agents", TAB, "PSU.120522.agents", "", DICT_AGENT},
    {"TABARI verbs", TAB, "CAMEO.080612.verbs", "", DICT_VERB},
    {"options are skipped", TAB, "CAMEO.09b5.options", "SET: X = 1\n", 0},
    {"project and text files are skipped", TAB, "Validate.project", "<actorsfile> a\n", 0},
    {"a name word inside a PETRARCH name", PET, "Phoenix.Countries.actors.txt", "", DICT_ACTOR},
    {"PETRARCH discards", PET, "Phoenix.discards.txt", "", DICT_DISCARD},
    {"issues are not a dictionary dyad uses", PET, "Phoenix.IssueCoding.txt", "a [B]\n", 0},
    {"prepositions neither", PET, "Phoenix.prepositions.txt", "about\n", 0},
    {"nor the config", PET, "PETR_config.ini", "[Dictionaries]\n", 0},
    {"CAMEO.2.0.txt says nothing in its name: block lines make it verbs", PET, "CAMEO.2.0.txt",
     "&X\n+A\n--- ADD [---] ---\nADD\n- * SANCTIONS [163]\n", DICT_VERB},
    {"~ codes make an unnamed file agents", PET, "roles.txt", "TROOP [~MIL]\nPOLICE [~COP]\n",
     DICT_AGENT},
    {"codes without ~ make it actors", PET, "names.txt", "FRANCE [FRA]\n", DICT_ACTOR},
    {"bare phrases are PETRARCH discards", PET, "list.txt", "BASEBALL\n", DICT_DISCARD},
    {"but TABARI has no discard files: unknown", TAB, "list.txt", "BASEBALL\n", -1},
    {"<ISSUE> tags make an unnamed file issues", PET, "misc.txt", "<ISSUE CATEGORY=\"X\">\na [B]\n",
     0},
    {"an empty unnamed file is nothing", PET, "empty.txt", "", 0},
};

static void test_kinds(void **state) {
  (void)state;
  for (size_t i = 0; i < sizeof KINDS / sizeof *KINDS; i++) {
    const kcase *k = &KINDS[i];
    int got = dict_import_kind(k->fmt, k->name, k->text, strlen(k->text));
    if (got != k->want) fail_msg("%s: %s gave %d", k->why, k->name, got);
  }
}

/* ---- TABARI ------------------------------------------------------------ */

static void test_tabari_actors(void **state) {
  (void)state;
  const char *path = PUT("demo.actors",
                         "<NOUN>\n"                              /* 1 nouns are not actors */
                         "FORCES_  ;JW   10/18/91\n"             /* 2 */
                         "</NOUN>\n"                             /* 3 */
                         "# ALBRIGHZ  [991201-010114] [---]\n"   /* 4 a comment line */
                         "/ another comment\n"                   /* 5 */
                         "AARDVARK [SAF]\n"                      /* 6 */
                         "AL_GORE  [AGR] ;  pas 26 apr 03\n"     /* 7 */
                         "GOLLUM  ; pas 27 Apr 03\n"             /* 8 */
                         "+SMEAGOL\n"                            /* 9 */
                         "\t[HOB < 950601]\n"                    /* 10 */
                         "\t[HOBGOV 950601 - 990815]\n"          /* 11 */
                         "\t[HOBREB > 990816]\n"                 /* 12 */
                         "\t\n"                                  /* 13 */
                         "BOROMIR  [---]\n"                      /* 14 */
                         "NASGUL  [###]\n"                       /* 15 */
                         "ENT  [### <890101] [ENT]\n"            /* 16 */
                         "LORIEN  [ELR/GAL]\n"                   /* 17 */
                         "MOUSE= [MUS]\n"                        /* 18 */
                         "ZIMBABWE\n"                            /* 19 */
                         "\t[RHO <790606]\n"                     /* 20 */
                         "\t[ZBW];jw 9/30/91\n"                  /* 21 */
                         "MOHAMMAD_DAUD_  ; CountryInfo.txt\n"   /* 22 */
                         "\t[AFGELI 270101-730717]\n"            /* 23 a 1927 birth, YYMMDD */
                         "PRINCE DOL_AMROTH  [--- <950630] [DOL]\n" /* 24 */
                         "~~FINISH 16:47 CDT Thu 05 May 2005\n"  /* 25 */
                         "NOT_READ [XXX]\n");                    /* 26 */
  loaded L = load(TAB, path);
  print_reports(&L);
  assert_int_equal(L.rc, ERR_OK);
  assert_int_equal(L.nerr, 0);
  assert_int_equal(count(L.d, DICT_ACTOR), 10);
  assert_int_equal(count(L.d, DICT_DISCARD), 2);

  const dict_entry *e = must(L.d, "Aardvark", ALL);
  assert_int_equal(e->kind, DICT_ACTOR);
  assert_string_equal(e->codes[0].code, "SAF");
  assert_int_equal(e->line, 6);
  assert_string_equal(must(L.d, "Al Gore", ALL)->codes[0].code, "AGR");

  /* a '+' synonym shares the date lines that follow it, and keeps its own line */
  e = must(L.d, "Smeagol", ALL);
  assert_int_equal(e->line, 9);
  assert_int_equal(e->ncodes, 3);
  assert_int_equal(e->codes[0].from, DICT_OPEN_FROM);
  assert_int_equal(e->codes[0].to, 19950601);
  assert_int_equal(e->codes[1].from, 19950601);
  assert_int_equal(e->codes[1].to, 19990815);
  assert_int_equal(e->codes[2].from, 19990816);
  assert_int_equal(e->codes[2].to, DICT_OPEN_TO);
  assert_string_equal(dict_code_on(e, 19970101), "HOBGOV");
  assert_int_equal(must(L.d, "Gollum", ALL)->ncodes, 3);

  /* [---] alone: a discard with no code; [###] alone: a discard coded ### */
  e = must(L.d, "Boromir", ALL);
  assert_int_equal(e->kind, DICT_DISCARD);
  assert_int_equal(e->ncodes, 0);
  e = must(L.d, "Nasgul", ALL);
  assert_int_equal(e->kind, DICT_DISCARD);
  assert_string_equal(e->codes[0].code, DICT_IMPORT_DISCARD);
  /* dated special codes stay actor codes */
  e = must(L.d, "Ent", ALL);
  assert_int_equal(e->kind, DICT_ACTOR);
  assert_string_equal(dict_code_on(e, 19880101), "###");
  assert_string_equal(dict_code_on(e, 19950101), "ENT");
  /* a coded compound gives one code per part */
  e = must(L.d, "Lorien", ALL);
  assert_int_equal(e->ncodes, 2);
  assert_string_equal(e->codes[1].code, "GAL");
  assert_string_equal(must(L.d, "mouse", ALL)->codes[0].code, "MUS");
  assert_string_equal(dict_code_on(must(L.d, "Zimbabwe", ALL), 19800101), "ZBW");
  assert_string_equal(dict_code_on(must(L.d, "Zimbabwe", ALL), 19700101), "RHO");
  assert_int_equal(must(L.d, "Mohammad Daud", ALL)->codes[0].from, 19270101);
  assert_string_equal(dict_code_on(must(L.d, "Prince Dol Amroth", ALL), 19940101), "---");
  assert_null(find(L.d, "forces", ALL));
  assert_null(find(L.d, "not read", ALL));
  unload(&L);
}

static void test_tabari_agents(void **state) {
  (void)state;
  const char *path = PUT("v.agents",
                         "!PERSON! = MAN, MEN\n"
                         "CATTLE!PERSON! [~AGR]\n"
                         "PRESIDENT_  [ ~GOVPRS] ;ns 6/26/01\n"
                         "HUMAN_RIGHTS_BODY_   [  NGO~] ;BNL 07 Dec 2001\n"
                         "FARMER_ [~AGR]\n");
  loaded L = load(TAB, path);
  print_reports(&L);
  assert_int_equal(L.nerr, 0);
  /* TABARI matches plurals while coding; the importer adds none */
  assert_int_equal(count(L.d, DICT_AGENT), 5);
  const dict_entry *e = must(L.d, "cattlemen", ALL);
  assert_int_equal(e->kind, DICT_AGENT);
  assert_string_equal(e->codes[0].code, "AGR");
  must(L.d, "cattleman", ALL);
  e = must(L.d, "President", ALL);
  assert_string_equal(e->codes[0].code, "GOVPRS");
  assert_int_equal(e->flags, 0);
  e = must(L.d, "human rights body", ALL);
  assert_string_equal(e->codes[0].code, "NGO");
  assert_int_equal(e->flags, DICT_F_ROLE_FIRST);
  assert_null(find(L.d, "farmers", ALL));
  unload(&L);
}

static void test_tabari_verbs(void **state) {
  (void)state;
  const char *path = PUT("demo.verbs",
                         "<SYNSETS>\n"
                         "&CURRENCY \n"
                         "+DOLLAR\n"
                         "+SWISS_FRANC\n"
                         "</SYNSETS>\n"
                         "<TIME>\n"
                         "LAST_WEEK [-7]\n"
                         "- * AND A WEEK [+8]\n"
                         "</TIME>\n"
                         "ABANDON  [345] ;pas 15 Jul 2003\n"
                         "- * EFFORT  [987] ;pas 15 Jul 2003\n"
                         "- * &CURRENCY [903]; -PAS 12.01.12\n"
                         "BREAK_ [1717]\n"
                         "{ BROKE_ BROKEN_ }\n"
                         "- * TREATY  [161]\n"
                         "MEET  [031:031] ;-PAS 2/9/96\n"
                         "FOREVER_AND_A_DAY [- - -]\n"
                         "~~FINISH 15:23 CST Tue 30 Dec 2008\n");
  loaded L = load(TAB, path);
  print_reports(&L);
  assert_int_equal(L.nerr, 0);
  /* heads 4, forms 2, patterns 3: one entry per pattern */
  assert_int_equal(count(L.d, DICT_VERB), 9);
  /* the head's own entry comes after its patterns, so the phrase finds it */
  const dict_entry *e = must(L.d, "abandon", ALL);
  assert_int_equal(e->kind, DICT_VERB);
  assert_string_equal(e->codes[0].code, "345");
  assert_null(e->pattern);
  e = must(L.d, "broken", ALL);
  assert_string_equal(e->codes[0].code, "1717");
  assert_string_equal(must(L.d, "meet", ALL)->codes[0].code, "031:031");
  assert_string_equal(must(L.d, "forever and a day", ALL)->codes[0].code, "---");
  assert_null(find(L.d, "last week", ALL));
  unload(&L);
}

/* ---- PETRARCH ---------------------------------------------------------- */

static void test_petrarch_actors(void **state) {
  (void)state;
  const char *path = PUT("v.actors.txt",
                         "<!-- PETRARCH VALIDATION SUITE ACTOR DICTIONARY -->\n"
                         "<!-- \n"
                         "# a comment inside a comment block\n"
                         "-->\n"
                         "HAMID_KARZAI_  [AFGMIL] # CountryInfo.txt\n"
                         "+BABRAK_KARMAL_  # CountryInfo.txt\n"
                         "\t[AFGGOV 791227-861124]\n"
                         "\t[AFGGOV 19861125-19920416]\n"
                         "\n"
                         "INTERNATIONAL_CRIMINAL_POLICE_ORGANIZATION_\t\n"
                         "+INTERPOL\n"
                         "\t[IGOCOPITP]\t# Interpol\n"
                         "\tJOHN_MCCLOY_\t[IGOUNODEVWBK 470301-490630]# IGOrulers.txt\n"
                         "NASGUL  [###]\n");
  loaded L = load(PET, path);
  print_reports(&L);
  assert_int_equal(L.nerr, 0);
  /* PETRARCH: the first line's code is the default, the date lines follow it */
  const dict_entry *e = must(L.d, "Babrak Karmal", ALL);
  assert_int_equal(e->ncodes, 3);
  assert_string_equal(dict_code_on(e, 19900101), "AFGGOV");
  assert_string_equal(dict_code_on(e, 20050101), "AFGMIL");
  assert_string_equal(must(L.d, "Interpol", ALL)->codes[0].code, "IGOCOPITP");
  /* indentation means nothing to PETRARCH: an indented name is an actor */
  assert_int_equal(must(L.d, "John McCloy", ALL)->codes[0].to, 19490630);
  assert_int_equal(must(L.d, "Nasgul", ALL)->kind, DICT_DISCARD);
  unload(&L);
}

static void test_petrarch_agents(void **state) {
  (void)state;
  const char *path = PUT("v.agents.txt",
                         "<!-- PETRARCH VALIDATION SUITE AGENTS DICTIONARY -->\n"
                         "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"
                         "CONGRESS!PERSON! [~LEG] # pas 14.04.22\n"
                         "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV] # mj 05 Jan 2006\n"
                         "TROOP {} [~MIL] # ab 22 Aug 2005\n"
                         "SOLDIER [~MIL]\n"
                         "MILITARY_POLICY [~MIL]\n"
                         "HUMAN_RIGHTS_BODY  [NGO~] # BNL 07 Dec 2001\n"
                         "SOLDIERS [~REB] # stated: the derived plural of SOLDIER must not win\n"
                         "MINISTRY_  [~GOV]\n");
  loaded L = load(PET, path);
  print_reports(&L);
  assert_int_equal(L.nerr, 0);
  /* 13 stated (5 from the marker), 3 derived: military policies, human
   * rights bodies, and soldierses (PETRARCH's rule knows no plural nouns;
   * a file says SOLDIERS {} to avoid it); the derived soldiers is dropped */
  assert_int_equal(count(L.d, DICT_AGENT), 16);
  assert_string_equal(must(L.d, "congresswoman", ALL)->codes[0].code, "LEG");
  const dict_entry *e = must(L.d, "attorneys general", ALL);
  assert_int_equal(e->flags, DICT_F_PLURAL);
  assert_null(find(L.d, "troops", ALL)); /* {} : no plural */
  assert_string_equal(must(L.d, "soldiers", ALL)->codes[0].code, "REB");
  e = must(L.d, "military policies", ALL);
  assert_int_equal(e->flags, DICT_F_PLURAL);
  e = must(L.d, "human rights bodies", ALL);
  assert_int_equal(e->flags, DICT_F_PLURAL | DICT_F_ROLE_FIRST);
  assert_null(find(L.d, "congressmans", ALL)); /* no plurals of substitutions */
  assert_null(find(L.d, "ministries", ALL));   /* nor of a phrase ending in '_' */
  must(L.d, "ministry", ALL);
  unload(&L);
}

static void test_petrarch_verbs(void **state) {
  (void)state;
  const char *path = PUT("CAMEO.test.txt",
                         "# CAMEO VERB PATTERN DICTIONARY\n"
                         "&CURRENCY\n"
                         "+DOLLAR\n"
                         "+CASH_\n"
                         "\n"
                         "####### VERB PATTERNS ####### \n"
                         "--- GRANT   [070]  ---\n"
                         "GRANT\n"
                         "GIVE {GAVE GIVEN GIVING }  # jw  11/14/91\n"
                         "+BEEF_UP\n"
                         "WIRE_+TAP [071]\n"
                         "- * &CURRENCY [903] # -PAS 12.01.12\n"
                         "- * (FOR {FINANCIAL AID})     [0331]        # GRANT\n"
                         "\n"
                         "~ a (a b ATTACK) SAY = a b 015\n");
  loaded L = load(PET, path);
  print_reports(&L);
  assert_int_equal(L.nerr, 0);
  /* GRANT +3, GIVE +3, BEEF UP +3, WIRE TAP +3, two patterns */
  assert_int_equal(count(L.d, DICT_VERB), 18);
  const dict_entry *e = must(L.d, "grant", ALL);
  assert_null(e->pattern);
  assert_string_equal(e->codes[0].code, "070");
  assert_string_equal(must(L.d, "granted", ALL)->codes[0].code, "070");
  must(L.d, "granting", ALL);
  must(L.d, "gave", ALL);
  assert_null(find(L.d, "gives", ALL)); /* {...} lists every form */
  must(L.d, "beefed up", ALL);
  assert_string_equal(must(L.d, "wire taps", ALL)->codes[0].code, "071");
  unload(&L);
}

static void test_petrarch_discards(void **state) {
  (void)state;
  const char *path = PUT("v.discards.txt",
                         "# Story-level discards are indicated with a '+'.\n"
                         "MONTHS LATER\n"
                         "+World Golf Championships   # pas 26-Feb-2014\n"
                         "BASEBALL_   \n");
  loaded L = load(PET, path);
  assert_int_equal(L.nerr, 0);
  assert_int_equal(count(L.d, DICT_DISCARD), 3);
  assert_string_equal(must(L.d, "months later", ALL)->codes[0].code, DICT_IMPORT_DISCARD);
  assert_string_equal(must(L.d, "World Golf Championships", ALL)->codes[0].code,
                      DICT_IMPORT_DISCARD_STORY);
  must(L.d, "baseball", ALL);
  unload(&L);
}

/* ---- malformed input --------------------------------------------------- */

static void test_malformed_actors(void **state) {
  (void)state;
  /* one fault a line; the good lines around them must still load */
  static const char head[] =
      "GOOD [ABC]\n"                                      /* 1 */
      "MISSING_CLOSE [ABC\n"                              /* 2 */
      "MISSING_OPEN ABC]\n"                               /* 3 */
      "BAD_DATE [ABC 991301-000101]\n"                    /* 4 */
      "__ [ABC]\n"                                        /* 5 an empty phrase */
      "BIN\x01" "ARY [ABC]\n"                             /* 6 */
      "NUL\0BYTE [ABC]\n"                                 /* 7 */
      "+SYNONYM_OF_THE_NUL_LINE\n"                        /* 8 goes with it, quietly */
      "\t[DEF]\n"                                         /* 9 so does its date line */
      "REVERSED [ABC 950101-940101]\n"                    /* 10 */
      "LONE [ABC 950101]\n"                               /* 11 */
      "TOO_LONG [ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGH]\n"   /* 12 */
      "DEFAULT_FIRST [ABC] [DEF <990101]\n"               /* 13 TABARI: default last */
      "NO_CODE\n"                                         /* 14 */
      "SYN_HOLDER [ABC <990101]\n"                        /* 15 */
      "+SYN [XYZ]\n"                                      /* 16 */
      "\t[GHI] junk\n"                                    /* 17 */
      "LATIN\xC9" " [LAT]\n"                              /* 18 Latin-1: read, not reported */
      "CRLF_LINE [CRL]\r\n"                               /* 19 */
      "CR_ONLY [CRO]\r"                                   /* 20 */
      "BAD_CODE [A-B]\n"                                  /* 21 */
      "\t[ORPHAN]\n";                                     /* 22 goes with the bad line 21 */
  size_t nh = sizeof head - 1, nl = 200000;
  char *z = malloc(nh + 2 * nl + 64);
  assert_non_null(z);
  memcpy(z, head, nh);
  size_t n = nh;
  memset(z + n, 'L', nl); /* 23 a 200,000-byte phrase whose '[' never closes */
  n += nl;
  memcpy(z + n, " [ABC\n", 6);
  n += 6;
  memcpy(z + n, "WIDE ", 5); /* 24 a name, then 200,000 '[' */
  n += 5;
  memset(z + n, '[', nl);
  n += nl;
  memcpy(z + n, "\nLAST [ZZZ]", 11); /* 25, no final newline */
  n += 11;
  const char *path = put("bad.actors", z, n);
  free(z);
  loaded L = load(TAB, path);
  assert_int_equal(L.rc, ERR_OK);
  static const uint32_t lines[] = {2, 3, 4, 5, 6, 7, 10, 11, 12, 13, 14, 16, 17, 21, 23, 24};
  static const char *const what[] = {"missing ']'",
                                     "']' without '['",
                                     "a date is not YYMMDD",
                                     "empty phrase",
                                     "control character 0x01",
                                     "control character 0x00",
                                     "ends before it starts",
                                     "a lone date",
                                     "longer than 31",
                                     "after the undated default",
                                     "actor without a [CODE]",
                                     "a code on a '+' synonym line",
                                     "where a [CODE] belongs",
                                     "bad actor code 'A-B'",
                                     "missing ']'",
                                     "missing ']'"};
  expect_reports(&L, path, lines, what, sizeof lines / sizeof *lines);
  must(L.d, "good", ALL);
  must(L.d, "syn holder", ALL);
  assert_null(find(L.d, "syn", ALL));
  assert_string_equal(must(L.d, "LATIN\xC3\x89", ALL)->codes[0].code, "LAT");
  assert_string_equal(must(L.d, "crlf line", ALL)->codes[0].code, "CRL");
  assert_int_equal(must(L.d, "cr only", ALL)->line, 20);
  assert_int_equal(must(L.d, "last", ALL)->line, 25);
  assert_null(find(L.d, "synonym of the nul line", ALL));
  assert_int_equal(count(L.d, DICT_ACTOR), 6);
  unload(&L);
}

static void test_malformed_verbs_agents(void **state) {
  (void)state;
  const char *path = PUT("bad.verbs",
                         "- * EARLY [010]\n"      /* 1 a pattern before any verb */
                         "{ GAVE }\n"             /* 2 forms before any verb */
                         "GIVE [070]\n"           /* 3 */
                         "- GAVE UP [011]\n"      /* 4 no '*' */
                         "- * LATER\n"            /* 5 no code */
                         " * TO_ LAY_ SIEGE [130]\n" /* 6 a pattern that lost its '-' (CAMEO.080612) */
                         "- * FOO [0 1]\n"        /* 7 a code with a blank */
                         "- * AID [071]\n"        /* 8 good */
                         "{ GAVE_ }\n"            /* 9 forms after patterns */
                         "NOCODE\n"               /* 10 */
                         "+STRAY\n"               /* 11 a member outside a set */
                         "&\n"                    /* 12 a set without a name */
                         "&EMPTY\n"               /* 13 a set without members */
                         "<TIME>\n");             /* 14 never closed */
  loaded L = load(TAB, path);
  static const uint32_t lines[] = {1, 2, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14};
  static const char *const what[] = {"pattern before any verb", "verb forms before any verb",
                                     "without the verb marker", "pattern without a [CODE]",
                                     "starts with a blank", "bad verb code",
                                     "verb forms after patterns", "verb without a [CODE]",
                                     "outside a synonym set", "bad synonym set name",
                                     "has no members", "<TIME> is not closed"};
  expect_reports(&L, path, lines, what, sizeof lines / sizeof *lines);
  assert_string_equal(must(L.d, "give", ALL)->codes[0].code, "070");
  assert_int_equal(count(L.d, DICT_VERB), 2);
  unload(&L);

  path = PUT("bad.agents.txt",
             "TROOP [MIL]\n"                  /* 1 no ~ */
             "POLICE\n"                       /* 2 no code */
             "!PERSON = MAN\n"                /* 3 a broken marker definition */
             "FIRE!NOPE! [~GOV]\n"            /* 4 an undefined marker */
             "HALF!OPEN [~GOV]\n"             /* 5 */
             "DEPARTMENT [~ENV}\n"            /* 6 Phoenix's typo */
             "GUARD {GUARDS [~MIL]\n"         /* 7 */
             "ENVOY [~GOV]\n");               /* 8 good */
  L = load(PET, path);
  static const uint32_t alines[] = {1, 2, 3, 4, 5, 6, 7};
  static const char *const awhat[] = {"without '~'", "agent without a [~CODE]",
                                      "defined as !NAME!", "undefined substitution marker",
                                      "without its closing '!'", "missing ']'", "unbalanced"};
  expect_reports(&L, path, alines, awhat, sizeof alines / sizeof *alines);
  must(L.d, "envoys", ALL);
  unload(&L);
}

static void test_not_found(void **state) {
  (void)state;
  dict_builder *b;
  assert_int_equal(dict_builder_new(&b), ERR_OK);
  assert_int_equal(dict_import_tabari(b, "/nonexistent/x.actors"), ERR_NOTFOUND);
  assert_int_equal(dict_import_petrarch(b, "/nonexistent/x.actors.txt"), ERR_NOTFOUND);
  size_t n;
  const char *const *e = dict_builder_errors(b, &n);
  assert_int_equal(n, 2);
  assert_non_null(strstr(e[0], "cannot open"));
  /* a directory opens but cannot be read */
  assert_int_equal(dict_import_petrarch(b, dir), ERR_NOTFOUND);
  dict_builder_free(b);
}

/* ---- the real dictionaries --------------------------------------------- */

typedef struct real {
  int fmt;
  const char *path; /* under the data directory */
  size_t reports;   /* malformed lines the file really has (printed below) */
  size_t entries;
} real;

/* The counts of reports are the file's own faults, each checked by hand
 * (the test prints them). Entries are dict_get_stats().entries: every
 * builder entry, derived forms and pattern entries included; they change if
 * the builder starts to drop the entries a later one replaces. */
static const real REAL[] = {
    {TAB, "dictionaries/tabari-2012/CAMEO.080612.verbs", 11, 15775},
    {TAB, "dictionaries/tabari-2012/CAMEO.091003.master.verbs", 10, 16788},
    {TAB, "dictionaries/tabari-2012/CAMEO.09b5.options", 0, 0},
    {TAB, "dictionaries/tabari-2012/CAMEO.ECS.120522.actors", 1, 618},
    {TAB, "dictionaries/tabari-2012/CAMEO.RCS.120521.actors", 2, 1423},
    {TAB, "dictionaries/tabari-2012/CountryInfo.120116.actors", 20, 24275},
    {TAB, "dictionaries/tabari-2012/Internatnl.120521.actors", 10, 7477},
    {TAB, "dictionaries/tabari-2012/Levant.080629.actors", 6, 6091},
    {TAB, "dictionaries/tabari-2012/PSU.120522.agents", 0, 2131},
    {TAB, "conformance/tabari/TABARI.Demo.actors", 0, 125},
    {TAB, "conformance/tabari/TABARI.Demo.verbs", 0, 696},
    {TAB, "conformance/tabari/Validate.agents", 0, 86},
    {TAB, "conformance/tabari/Validate.project", 0, 0},
    {TAB, "conformance/tabari/Validate.options", 0, 0},
    {TAB, "conformance/tabari/TABARI.Demo.options", 0, 0},
    {TAB, "conformance/tabari/TABARI.Demo.project", 0, 0},
    {TAB, "conformance/tabari/TABARI.Demo.text", 0, 0},
    {PET, "dictionaries/phoenix/CAMEO.2.0.txt", 2, 11921},
    {PET, "dictionaries/phoenix/Phoenix.Countries.actors.txt", 49, 25847},
    {PET, "dictionaries/phoenix/Phoenix.International.actors.txt", 9, 7900},
    {PET, "dictionaries/phoenix/Phoenix.MilNonState.actors.txt", 0, 1793},
    {PET, "dictionaries/phoenix/Phoenix.agents.txt", 2, 5196},
    {PET, "dictionaries/phoenix/Phoenix.discards.txt", 0, 506},
    {PET, "dictionaries/phoenix/Phoenix.IssueCoding.txt", 0, 0},
    {PET, "dictionaries/phoenix/Phoenix.prepositions.txt", 0, 0},
    {PET, "conformance/petrarch2/PETR.Validate.actors.txt", 0, 161},
    {PET, "conformance/petrarch2/PETR.Validate.agents.txt", 0, 165},
    {PET, "conformance/petrarch2/PETR.Validate.discards.txt", 0, 9},
    {PET, "conformance/petrarch2/PETR.Validate.verbs.txt", 3, 1521},
    {PET, "conformance/petrarch2/PETR_config.ini", 0, 0},
};

static void test_real_dictionaries(void **state) {
  (void)state;
  const char *data = getenv("DYAD_DATA") ? getenv("DYAD_DATA") : "../shared/data";
  struct stat st;
  if (stat(data, &st) || !S_ISDIR(st.st_mode)) {
    print_message("  skipped: %s not found (set DYAD_DATA)\n", data);
    skip();
  }
  int mismatch = 0;
  for (size_t i = 0; i < sizeof REAL / sizeof *REAL; i++) {
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", data, REAL[i].path);
    loaded L = load(REAL[i].fmt, path);
    dict_stats ds;
    dict_get_stats(L.d, &ds);
    print_message("  %-52s %6zu entries (actors %zu, agents %zu, discards %zu, verbs %zu), "
                  "%zu reports\n",
                  REAL[i].path, ds.entries, ds.by_kind[DICT_ACTOR], ds.by_kind[DICT_AGENT],
                  ds.by_kind[DICT_DISCARD], ds.by_kind[DICT_VERB], L.nerr);
    print_reports(&L);
    if (L.rc != ERR_OK || L.nerr != REAL[i].reports || ds.entries != REAL[i].entries) {
      print_message("  MISMATCH: rc %d, want %zu reports and %zu entries\n", L.rc,
                    REAL[i].reports, REAL[i].entries);
      mismatch = 1;
    }
    unload(&L);
  }
  assert_false(mismatch);
}

static int setup(void **state) {
  (void)state;
  const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
  snprintf(dir, sizeof dir, "%s/test_dict_import.XXXXXX", tmp);
  return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
  (void)state;
  char cmd[512];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  return system(cmd) == 0 ? 0 : -1;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_dates),
      cmocka_unit_test(test_kinds),
      cmocka_unit_test(test_tabari_actors),
      cmocka_unit_test(test_tabari_agents),
      cmocka_unit_test(test_tabari_verbs),
      cmocka_unit_test(test_petrarch_actors),
      cmocka_unit_test(test_petrarch_agents),
      cmocka_unit_test(test_petrarch_verbs),
      cmocka_unit_test(test_petrarch_discards),
      cmocka_unit_test(test_malformed_actors),
      cmocka_unit_test(test_malformed_verbs_agents),
      cmocka_unit_test(test_not_found),
      cmocka_unit_test(test_real_dictionaries),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
