/* dict_import.h: TABARI and PETRARCH dictionaries, read into a dict_builder.
 *
 * dict_import_tabari() reads one file of the TABARI 0.8 coder (manual
 * chapters 5-6: .actors, .agents, .verbs); dict_import_petrarch() one of
 * PETRARCH / Phoenix (petrarch2 docs/dictionaries.rst: actors, agents, verbs,
 * discards). Each finds the kind of the file from its name, and from its
 * content when the name does not say (CAMEO.2.0.txt is a verbs file), adds
 * every entry with dict_builder_add(), and reports each malformed line with
 * dict_builder_report(path, line, what) and skips it; bad input never stops a
 * load. Files that are not dictionaries dyad uses (.options, .project, .text,
 * PETR_config.ini, issues, prepositions) are accepted and skipped silently.
 * The importers keep no state between calls and are as thread-safe as the
 * builder they are given (one builder, one thread).
 *
 * What each kind becomes:
 *
 *   TABARI / PETRARCH                     builder entry
 *   ------------------------------------  ---------------------------------------
 *   GOLLUM ; +SMEAGOL ; \t[HOB <950601]   DICT_ACTOR per phrase (the primary and
 *                      \t[HOBGOV 950601-990815]   each '+' synonym), all codes
 *   [GME/GMW]  (coded compound)           two codes with the same date range
 *   X [---]  (only code, undated)         DICT_DISCARD, no code: X blocks shorter
 *                                         matches and yields nothing
 *   X [###]  (only code, undated)         DICT_DISCARD with code "###"
 *   X [--- <950630] [DOL], X [+++]        DICT_ACTOR, special codes kept as codes
 *   PRESIDENT [~GOVPRS]                   DICT_AGENT, code "GOVPRS"
 *   HUMAN_RIGHTS_BODY [NGO~]              DICT_AGENT, code "NGO", DICT_F_ROLE_FIRST
 *   !PERSON! = MAN, MEN  +  CATTLE!PERSON! [~AGR]   CATTLEMAN, CATTLEMEN: DICT_AGENT
 *   ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]     both; the plural DICT_F_PLURAL
 *   verb head or verb line                DICT_VERB, its code, pattern NULL; its
 *                                         {forms} too, with the same code
 *   - pattern line [CODE]                 DICT_VERB keyed on the head verb of its
 *                                         block, code CODE, pattern = the line
 *                                         without its comment ("- * EFFORT [987]")
 *   &SET + members                        dict_builder_set("SET", members)
 *   PETRARCH discard X / +X               DICT_DISCARD, code "###" / "+###"
 *
 * Verb codes are kept as written ("042:043", "023?", "100!", ":173", "---",
 * "###"; "- - -" becomes "---"). The head's own entry is added after its
 * patterns, so dict_longest() resolves a verb phrase to the head entry; the
 * pattern entries share its phrase and are in the dict's entry list.
 *
 * Phrases: '_' joins words and becomes a space. The trailing '_' (TABARI:
 * "match this exact word, not a stem") and the trailing '=' ("no regular
 * endings") are dropped: dyad matches whole tokens only, so every phrase is
 * exact and TABARI stems ("ACCUS", "SYRI") match only that word. Likewise the
 * difference between '_' (consecutive) and ' ' (other words may intervene)
 * is dropped: all words of a phrase are consecutive. The regular forms TABARI
 * derives while matching (plural S, verb S/ED/ES/EN/ING) are not added;
 * PETRARCH derives them when it reads the file, and so does its importer:
 * plurals (DICT_F_PLURAL) of agents without {...}, markers or a final '_',
 * plurals of synonym-set members (not when the set name or member ends in
 * '_'), and S/ED/ING forms of verbs without {...} (of the '+' word of a
 * multi-word verb), spelled by the usual English rules (ARMIES, DENIED,
 * TAKING). A derived form never replaces an entry the file states itself.
 *
 * Dates: YYMMDD and YYYYMMDD, in "<D" (up to and including D), ">D" (from D)
 * and "D1-D2" restrictions, become YYYYMMDD ints (DICT_OPEN_FROM/TO for the
 * open side). Two-digit years follow TABARI's pivot (manual 6.5.2, also
 * PETRARCH's): 00-30 are 2000-2030, 31-99 are 1931-1999. Two readings go
 * beyond it, both forced by CountryInfo, which writes births before 1931 as
 * YYMMDD and every month's end as day 31: in D1-D2 a two-digit D1 that would
 * fall after D2 is taken in the 1900s ([AFGELI 270101-730717] starts in
 * 1927), and a day past the end of its month (040931, 090231) is that
 * month's last day. Any other range that ends before it starts is malformed.
 *
 * Skipped, not imported: <NOUN>, <ADJECTIVE>, <TIME> and <ATTRIB> sections,
 * lines after ~~FINISH, PETRARCH verb transformations ("~ a (a b X) SAY ="),
 * comments (TABARI: lines starting '#' or '/', and ';' to the end of a line;
 * PETRARCH: '#', lines starting "<!", and <!-- ... --> over several lines).
 *
 * Bytes: a line may end in LF, CRLF or a lone CR, may be of any length, and
 * may hold Latin-1: bytes that are not valid UTF-8 are read as Windows-1252.
 * A line holding a NUL or another control character (tab aside) is reported
 * and skipped; when it was the first line of an entry, the entry's '+' and
 * date lines go with it.
 *
 * Malformed (reported and skipped): a missing '[' or ']', an empty phrase, a
 * bad code or date, a code over DICT_CODE_MAX - 1 bytes, a date restriction
 * that is not <D, >D or D1-D2, a range that ends before it starts, a second
 * undated (default) code, a '+' synonym line with its own code, an actor
 * without a code, an agent code without '~', an undefined !marker!, a
 * pattern without '*' or a code, a pattern before any verb, a PETRARCH verb
 * line with more than one word ("LASH OUT") or text after its {forms}; for
 * TABARI also a dated code after the undated default (manual 6.5.2: the
 * default must come last), text beside the [...] blocks of a date line, a
 * verbs line that starts with a blank, a section left open at the end of
 * the file. A bad first line of an entry skips the whole entry, reported
 * once; a bad date line drops only its codes. */
#ifndef DYAD_DICT_IMPORT_H
#define DYAD_DICT_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "dict.h"

/* The codes of discard entries. */
#define DICT_IMPORT_DISCARD "###"        /* do not code the sentence */
#define DICT_IMPORT_DISCARD_STORY "+###" /* PETRARCH '+': do not code the story */

enum { DICT_IMPORT_TABARI = 1, DICT_IMPORT_PETRARCH = 2 };

/* dict_import_tabari and dict_import_petrarch add the entries of the file at
 * path to b. Return ERR_OK (also when lines were malformed: see the reports),
 * ERR_NOTFOUND when the file cannot be opened or read (reported as line 0),
 * or ERR_NOMEM. The builder keeps its own copies of everything. */
int dict_import_tabari(dict_builder *b, const char *path);
int dict_import_petrarch(dict_builder *b, const char *path);

/* dict_import_kind tells what z[0..n), read from path, holds for format
 * (DICT_IMPORT_TABARI or DICT_IMPORT_PETRARCH): DICT_ACTOR, DICT_AGENT,
 * DICT_VERB or DICT_DISCARD; 0 for a file the importers skip (options,
 * project, text, issues, prepositions, config, or empty); -1 when neither the
 * name nor the content says. The name decides when it can. */
int dict_import_kind(int format, const char *path, const char *z, size_t n);

/* dict_import_date reads YYMMDD (two-digit years pivot at 30, as above) or
 * YYYYMMDD from s[0..n) and returns YYYYMMDD, or -1 when s is not a valid
 * calendar date in one of those forms. */
int32_t dict_import_date(const char *s, size_t n);

#endif
