/* claim.c: casualty and count claims. See claim.h for the contract.
 *
 * One sentence at a time: fold each token to its key and look it up in the
 * word table; mark the asides; read the numbers (values, ranges, qualifiers)
 * and strike out the ones that are not counts; link each remaining number to
 * what it counts; then find whose count it is and who gives it. Every scan is
 * bounded by a constant window, so a sentence costs time linear in its length. */
#include "claim.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "wordhash.h"

#define CL_KEY 32   /* longest token key looked up; longer tokens match nothing */
#define CL_NP 6     /* words a counted noun phrase may hold ("21 Syrian soldiers and allied militiamen") */
#define CL_FREE 2   /* unknown words allowed in a verb group ("were shot dead") */
#define CL_FWD 16   /* tokens a forward link may span */
#define CL_TOLL 20  /* tokens from "toll" to its number */
#define CL_ASIDE 15 /* longest aside (", including 25 policemen,") */
#define CL_CUE 6    /* tokens from "according to" to its actor */

enum { CQ_EXACT, CQ_EST, CQ_APPROX, CQ_ATLEAST, CQ_ATMOST, CQ_UPTO, CQ_MORE, CQ_FEWER };
static const char *const QUAL_NAME[] = {"exact",    "estimated", "approximately", "at least",
                                        "at most",  "up to",     "more than",     "fewer than"};

enum {
  CK_NONE, CK_KILLED, CK_WOUNDED, CK_CASUALTIES, CK_MISSING, CK_CAPTURED, CK_DEPLOYED,
  CK_DISPLACED, CK_ARRESTED, CK_OTHER
};
static const char *const KIND_NAME[] = {"",         "killed",   "wounded",   "casualties",
                                        "missing",  "captured", "deployed",  "displaced",
                                        "arrested", "other"};

/* Word classes. A word may be in several ("may" is a month and a modal). */
enum {
  W_NUM = 1u << 0,       /* one .. ninety: val */
  W_SCALE = 1u << 1,     /* hundred, thousand, million, lakh, dozen: val */
  W_VAGUE = 1u << 2,     /* dozens, hundreds, thousands: val is the unit */
  W_MONTH = 1u << 3,     /* a number beside it is a date */
  W_UNIT = 1u << 4,      /* after a number: a measure, duration, money or percentage */
  W_MONEY = 1u << 5,     /* before a number: a currency */
  W_IDENT = 1u << 6,     /* before a number: it names a thing ("Section 144", "No. 4") */
  W_AGE = 1u << 7,       /* before a number: an age */
  W_UNITNAME = 1u << 8,  /* after a number: a military unit ("3 Brigade") */
  W_STREET = 1u << 9,    /* a street number's street */
  W_BRIDGE = 1u << 10,   /* may stand between a counted noun and its verb */
  W_AUX = 1u << 11,      /* an auxiliary: what follows is passive or perfect */
  W_TROOP = 1u << 12,    /* soldiers: counted alone they are deployed */
  W_POLICE = 1u << 13,   /* police: counted as deployed only with a deployment verb */
  W_TRIG = 1u << 14,     /* names what is counted: kind, form */
  W_SPEECH = 1u << 15,   /* a verb that gives a figure ("said", "estimated") */
  W_TOLL = 1u << 16,     /* "toll": the next number is a count */
  W_ASIDE = 1u << 17,    /* after a comma, opens an aside ("including", "mostly") */
  W_DET = 1u << 18,      /* may stand between a verb and its number */
  W_OBJ = 1u << 19,      /* starts an object: a verb before it is active */
  W_MOD = 1u << 20,      /* may modify "troops" ("additional", "combat") */
  W_LIFE = 1u << 21,     /* takes "lives" as object ("claimed 20 lives") */
  W_HOME = 1u << 22,     /* what people flee ("fled their homes") */
  W_HYPO = 1u << 23,     /* opens a condition: "even if one person dies" is no claim */
  W_PERSON = 1u << 24,   /* names people: "captured 41 positions" is no claim */
  W_PREP = 1u << 25,     /* a preposition ends the head of a noun phrase */
  W_THING = 1u << 26,    /* what is captured or held when people are not ("41 positions") */
  W_NSTART = 1u << 27,   /* may start a number in words: a, an, half, few, several */
  W_HEAD = 1u << 28,     /* may head a toll: toll, tally, count, number */
};

/* Trigger forms: where the number stands relative to the word. */
enum {
  F_P = 1,   /* after the number, as a participle or adjective: "20 (were) killed" */
  F_N = 2,   /* after the number, as a noun: "20 deaths" */
  F_V = 4,   /* before the number, as an active verb: "killing 20" */
  F_OF = 8,  /* before "of" and the number: "the murder of six" */
  F_AUX = 16, /* F_P only after an auxiliary: "were held", not "held a rally" */
  F_TRQ = 32, /* only with a troop or police noun: "sent 1,000 soldiers" */
};

typedef struct cl_word {
  const char *w; /* the key (text_key form) */
  uint32_t cls;
  uint8_t kind, form;
  double val;
} cl_word;

/* WORDS is sorted by strcmp for bsearch; claim_check_tables() checks it. */
static const cl_word WORDS[] = {
    {"a", W_NSTART | W_OBJ, 0, 0, 0},
    {"a.m.", W_UNIT, 0, 0, 0},
    {"abducted", W_TRIG, CK_CAPTURED, F_P | F_V, 0},
    {"abducting", W_TRIG, CK_CAPTURED, F_V, 0},
    {"abduction", W_TRIG, CK_CAPTURED, F_OF, 0},
    {"abductions", W_TRIG, CK_CAPTURED, F_OF, 0},
    {"according", W_SPEECH, 0, 0, 0},
    {"acknowledged", W_SPEECH, 0, 0, 0},
    {"acres", W_UNIT, 0, 0, 0},
    {"across", W_PREP, 0, 0, 0},
    {"act", W_IDENT, 0, 0, 0},
    {"active", W_MOD, 0, 0, 0},
    {"activists", W_PERSON, 0, 0, 0},
    {"added", W_SPEECH, 0, 0, 0},
    {"additional", W_MOD, 0, 0, 0},
    {"adds", W_SPEECH, 0, 0, 0},
    {"admitted", W_SPEECH, 0, 0, 0},
    {"afghans", W_PERSON, 0, 0, 0},
    {"after", W_PREP, 0, 0, 0},
    {"age", W_AGE, 0, 0, 0},
    {"aged", W_AGE, 0, 0, 0},
    {"ages", W_AGE, 0, 0, 0},
    {"airbases", W_THING, 0, 0, 0},
    {"airborne", W_UNITNAME, 0, 0, 0},
    {"aircraft", W_THING, 0, 0, 0},
    {"airlifted", W_TRIG, CK_DEPLOYED, F_P | F_TRQ | F_V, 0},
    {"airmen", W_TROOP, 0, 0, 0},
    {"airports", W_THING, 0, 0, 0},
    {"all", W_BRIDGE | W_DET | W_ASIDE, 0, 0, 0},
    {"alleged", W_SPEECH, 0, 0, 0},
    {"allied", W_MOD, 0, 0, 0},
    {"along", W_PREP, 0, 0, 0},
    {"already", W_BRIDGE, 0, 0, 0},
    {"also", W_BRIDGE, 0, 0, 0},
    {"am", W_UNIT, 0, 0, 0},
    {"amendment", W_IDENT, 0, 0, 0},
    {"americans", W_PERSON, 0, 0, 0},
    {"among", W_ASIDE, 0, 0, 0},
    {"an", W_NSTART | W_OBJ, 0, 0, 0},
    {"announced", W_SPEECH, 0, 0, 0},
    {"announces", W_SPEECH, 0, 0, 0},
    {"another", W_DET | W_OBJ, 0, 0, 0},
    {"apartment", W_IDENT, 0, 0, 0},
    {"apprehended", W_TRIG, CK_ARRESTED, F_P | F_V, 0},
    {"apr", W_MONTH, 0, 0, 0},
    {"apr.", W_MONTH, 0, 0, 0},
    {"april", W_MONTH, 0, 0, 0},
    {"arabs", W_PERSON, 0, 0, 0},
    {"are", W_AUX | W_BRIDGE, 0, 0, 0},
    {"area", W_HOME, 0, 0, 0},
    {"areas", W_THING, 0, 0, 0},
    {"armed", W_MOD, 0, 0, 0},
    {"armored", W_UNITNAME, 0, 0, 0},
    {"armoured", W_UNITNAME, 0, 0, 0},
    {"army", W_MOD, 0, 0, 0},
    {"arrest", W_TRIG, CK_ARRESTED, F_OF | F_V, 0},
    {"arrested", W_TRIG, CK_ARRESTED, F_P | F_V, 0},
    {"arresting", W_TRIG, CK_ARRESTED, F_V, 0},
    {"arrests", W_TRIG, CK_ARRESTED, F_N | F_V, 0},
    {"article", W_IDENT, 0, 0, 0},
    {"assassinated", W_TRIG, CK_KILLED, F_P | F_V, 0},
    {"assassination", W_TRIG, CK_KILLED, F_OF, 0},
    {"assassinations", W_TRIG, CK_KILLED, F_OF, 0},
    {"at", W_PREP, 0, 0, 0},
    {"aug", W_MONTH, 0, 0, 0},
    {"aug.", W_MONTH, 0, 0, 0},
    {"august", W_MONTH, 0, 0, 0},
    {"australes", W_UNIT, 0, 0, 0},
    {"ave", W_STREET, 0, 0, 0},
    {"ave.", W_STREET, 0, 0, 0},
    {"avenue", W_STREET, 0, 0, 0},
    {"babies", W_PERSON, 0, 0, 0},
    {"barrels", W_UNIT, 0, 0, 0},
    {"base", W_THING, 0, 0, 0},
    {"bases", W_THING, 0, 0, 0},
    {"battalion", W_IDENT | W_UNITNAME, 0, 0, 0},
    {"battalions", W_UNITNAME, 0, 0, 0},
    {"be", W_AUX | W_BRIDGE, 0, 0, 0},
    {"been", W_AUX | W_BRIDGE, 0, 0, 0},
    {"before", W_PREP, 0, 0, 0},
    {"beheaded", W_TRIG, CK_KILLED, F_P | F_V, 0},
    {"beheading", W_TRIG, CK_KILLED, F_OF, 0},
    {"beheadings", W_TRIG, CK_KILLED, F_OF, 0},
    {"being", W_AUX | W_BRIDGE, 0, 0, 0},
    {"believed", W_BRIDGE, 0, 0, 0},
    {"besides", W_ASIDE, 0, 0, 0},
    {"billion", W_SCALE, 0, 0, 1000000000},
    {"bln", W_SCALE, 0, 0, 1000000000},
    {"block", W_IDENT, 0, 0, 0},
    {"blvd", W_STREET, 0, 0, 0},
    {"bn", W_SCALE, 0, 0, 1000000000},
    {"boats", W_THING, 0, 0, 0},
    {"bodies", W_TRIG, CK_KILLED, F_N | F_OF, 0},
    {"bolivars", W_UNIT, 0, 0, 0},
    {"booked", W_TRIG, CK_ARRESTED, F_AUX | F_P, 0},
    {"both", W_BRIDGE, 0, 0, 0},
    {"boulevard", W_STREET, 0, 0, 0},
    {"box", W_IDENT, 0, 0, 0},
    {"boys", W_PERSON, 0, 0, 0},
    {"bpd", W_UNIT, 0, 0, 0},
    {"bridges", W_THING, 0, 0, 0},
    {"brigade", W_IDENT | W_UNITNAME, 0, 0, 0},
    {"brigades", W_UNITNAME, 0, 0, 0},
    {"britons", W_PERSON, 0, 0, 0},
    {"buildings", W_THING, 0, 0, 0},
    {"bus", W_IDENT, 0, 0, 0},
    {"by", W_PREP, 0, 0, 0},
    {"camp", W_IDENT, 0, 0, 0},
    {"can", W_BRIDGE, 0, 0, 0},
    {"captives", W_TRIG, CK_CAPTURED, F_N, 0},
    {"capture", W_TRIG, CK_CAPTURED, F_OF, 0},
    {"captured", W_TRIG, CK_CAPTURED, F_P | F_V, 0},
    {"capturing", W_TRIG, CK_CAPTURED, F_V, 0},
    {"casualties", W_TRIG, CK_CASUALTIES, F_N, 0},
    {"category", W_IDENT, 0, 0, 0},
    {"cavalry", W_UNITNAME, 0, 0, 0},
    {"cent", W_UNIT, 0, 0, 0},
    {"cents", W_UNIT, 0, 0, 0},
    {"channel", W_IDENT, 0, 0, 0},
    {"chapter", W_IDENT, 0, 0, 0},
    {"checkpoints", W_THING, 0, 0, 0},
    {"children", W_PERSON, 0, 0, 0},
    {"christians", W_PERSON, 0, 0, 0},
    {"cities", W_THING, 0, 0, 0},
    {"citizens", W_PERSON, 0, 0, 0},
    {"city", W_HOME, 0, 0, 0},
    {"civilians", W_PERSON, 0, 0, 0},
    {"claim", W_LIFE, 0, 0, 0},
    {"claimed", W_LIFE | W_SPEECH, 0, 0, 0},
    {"claiming", W_LIFE | W_SPEECH, 0, 0, 0},
    {"claims", W_LIFE | W_SPEECH, 0, 0, 0},
    {"class", W_IDENT, 0, 0, 0},
    {"clause", W_IDENT, 0, 0, 0},
    {"coalition", W_MOD, 0, 0, 0},
    {"colones", W_UNIT, 0, 0, 0},
    {"colons", W_UNIT, 0, 0, 0},
    {"combat", W_MOD, 0, 0, 0},
    {"combatants", W_PERSON, 0, 0, 0},
    {"commando", W_UNITNAME, 0, 0, 0},
    {"commandos", W_TROOP, 0, 0, 0},
    {"companies", W_UNITNAME, 0, 0, 0},
    {"company", W_UNITNAME, 0, 0, 0},
    {"confirmed", W_BRIDGE | W_SPEECH, 0, 0, 0},
    {"confirms", W_SPEECH, 0, 0, 0},
    {"conflict", W_HOME, 0, 0, 0},
    {"conscripts", W_TROOP, 0, 0, 0},
    {"constables", W_POLICE, 0, 0, 0},
    {"cops", W_POLICE, 0, 0, 0},
    {"cordobas", W_UNIT, 0, 0, 0},
    {"corps", W_UNITNAME, 0, 0, 0},
    {"corpses", W_TRIG, CK_KILLED, F_N, 0},
    {"cost", W_LIFE, 0, 0, 0},
    {"costing", W_LIFE, 0, 0, 0},
    {"costs", W_LIFE, 0, 0, 0},
    {"could", W_BRIDGE, 0, 0, 0},
    {"count", W_HEAD, 0, 0, 0},
    {"country", W_HOME, 0, 0, 0},
    {"crew", W_PERSON, 0, 0, 0},
    {"crore", W_SCALE, 0, 0, 10000000},
    {"crores", W_VAGUE, 0, 0, 10000000},
    {"cruzados", W_UNIT, 0, 0, 0},
    {"custody", W_TRIG, CK_ARRESTED, F_AUX | F_P, 0},
    {"day", W_UNIT, 0, 0, 0},
    {"days", W_UNIT, 0, 0, 0},
    {"dead", W_TRIG, CK_KILLED, F_N | F_P, 0},
    {"death", W_TRIG, CK_KILLED, F_OF, 0},
    {"deaths", W_TRIG, CK_KILLED, F_N | F_OF, 0},
    {"dec", W_MONTH, 0, 0, 0},
    {"dec.", W_MONTH, 0, 0, 0},
    {"december", W_MONTH, 0, 0, 0},
    {"degrees", W_UNIT, 0, 0, 0},
    {"demonstrators", W_PERSON, 0, 0, 0},
    {"deploy", W_TRIG, CK_DEPLOYED, F_TRQ | F_V, 0},
    {"deployed", W_TRIG, CK_DEPLOYED, F_P | F_TRQ | F_V, 0},
    {"deploying", W_TRIG, CK_DEPLOYED, F_TRQ | F_V, 0},
    {"deployment", W_TRIG, CK_DEPLOYED, F_OF | F_TRQ, 0},
    {"deploys", W_TRIG, CK_DEPLOYED, F_TRQ | F_V, 0},
    {"depots", W_THING, 0, 0, 0},
    {"detain", W_TRIG, CK_ARRESTED, F_V, 0},
    {"detained", W_TRIG, CK_ARRESTED, F_P | F_V, 0},
    {"detainees", W_PERSON | W_TRIG, CK_ARRESTED, F_N, 0},
    {"detaining", W_TRIG, CK_ARRESTED, F_V, 0},
    {"detention", W_TRIG, CK_ARRESTED, F_OF, 0},
    {"detentions", W_TRIG, CK_ARRESTED, F_N, 0},
    {"die", W_TRIG, CK_KILLED, F_P, 0},
    {"died", W_TRIG, CK_KILLED, F_P, 0},
    {"dies", W_TRIG, CK_KILLED, F_P, 0},
    {"dinars", W_UNIT, 0, 0, 0},
    {"diplomats", W_PERSON, 0, 0, 0},
    {"disappearance", W_TRIG, CK_MISSING, F_OF, 0},
    {"disappearances", W_TRIG, CK_MISSING, F_OF, 0},
    {"disappeared", W_TRIG, CK_MISSING, F_P, 0},
    {"disclosed", W_SPEECH, 0, 0, 0},
    {"dispatch", W_TRIG, CK_DEPLOYED, F_OF | F_TRQ | F_V, 0},
    {"dispatched", W_TRIG, CK_DEPLOYED, F_P | F_TRQ | F_V, 0},
    {"dispatching", W_TRIG, CK_DEPLOYED, F_TRQ | F_V, 0},
    {"displaced", W_TRIG, CK_DISPLACED, F_N | F_P | F_V, 0},
    {"displacement", W_TRIG, CK_DISPLACED, F_OF, 0},
    {"displacing", W_TRIG, CK_DISPLACED, F_V, 0},
    {"districts", W_THING, 0, 0, 0},
    {"division", W_IDENT | W_UNITNAME, 0, 0, 0},
    {"divisions", W_UNITNAME, 0, 0, 0},
    {"dlr", W_UNIT, 0, 0, 0},
    {"dlrs", W_UNIT, 0, 0, 0},
    {"doctors", W_PERSON, 0, 0, 0},
    {"dollar", W_UNIT, 0, 0, 0},
    {"dollars", W_UNIT, 0, 0, 0},
    {"dozen", W_SCALE, 0, 0, 12},
    {"dozens", W_VAGUE, 0, 0, 12},
    {"during", W_PREP, 0, 0, 0},
    {"eight", W_NUM, 0, 0, 8},
    {"eighteen", W_NUM, 0, 0, 18},
    {"eighty", W_NUM, 0, 0, 80},
    {"either", W_BRIDGE, 0, 0, 0},
    {"elections", W_THING, 0, 0, 0},
    {"eleven", W_NUM, 0, 0, 11},
    {"elite", W_MOD, 0, 0, 0},
    {"employees", W_PERSON, 0, 0, 0},
    {"estimate", W_SPEECH, 0, 0, 0},
    {"estimated", W_SPEECH, 0, 0, 0},
    {"estimates", W_SPEECH, 0, 0, 0},
    {"eur", W_MONEY, 0, 0, 0},
    {"euro", W_UNIT, 0, 0, 0},
    {"euros", W_UNIT, 0, 0, 0},
    {"evacuated", W_TRIG, CK_DISPLACED, F_P | F_V, 0},
    {"evacuating", W_TRIG, CK_DISPLACED, F_V, 0},
    {"evacuation", W_TRIG, CK_DISPLACED, F_OF, 0},
    {"evacuees", W_TRIG, CK_DISPLACED, F_N, 0},
    {"ever", W_BRIDGE, 0, 0, 0},
    {"excluding", W_ASIDE, 0, 0, 0},
    {"executed", W_TRIG, CK_KILLED, F_P | F_V, 0},
    {"execution", W_TRIG, CK_KILLED, F_OF, 0},
    {"executions", W_TRIG, CK_KILLED, F_OF, 0},
    {"extra", W_MOD, 0, 0, 0},
    {"extremists", W_PERSON, 0, 0, 0},
    {"families", W_PERSON, 0, 0, 0},
    {"far", W_BRIDGE, 0, 0, 0},
    {"farmers", W_PERSON, 0, 0, 0},
    {"fatalities", W_TRIG, CK_KILLED, F_N, 0},
    {"fax", W_IDENT, 0, 0, 0},
    {"feared", W_BRIDGE, 0, 0, 0},
    {"feb", W_MONTH, 0, 0, 0},
    {"feb.", W_MONTH, 0, 0, 0},
    {"february", W_MONTH, 0, 0, 0},
    {"federal", W_MOD, 0, 0, 0},
    {"feet", W_UNIT, 0, 0, 0},
    {"few", W_NSTART, 0, 0, 0},
    {"fifteen", W_NUM, 0, 0, 15},
    {"fifty", W_NUM, 0, 0, 50},
    {"fighters", W_PERSON, 0, 0, 0},
    {"fighting", W_HOME, 0, 0, 0},
    {"fishermen", W_PERSON, 0, 0, 0},
    {"five", W_NUM, 0, 0, 5},
    {"flat", W_IDENT, 0, 0, 0},
    {"fled", W_TRIG, CK_DISPLACED, F_P, 0},
    {"flee", W_TRIG, CK_DISPLACED, F_P, 0},
    {"fleet", W_UNITNAME, 0, 0, 0},
    {"fleets", W_UNITNAME, 0, 0, 0},
    {"flight", W_IDENT, 0, 0, 0},
    {"foot", W_UNIT, 0, 0, 0},
    {"for", W_PREP, 0, 0, 0},
    {"foreign", W_MOD, 0, 0, 0},
    {"foreigners", W_PERSON, 0, 0, 0},
    {"fortification", W_THING, 0, 0, 0},
    {"fortifications", W_THING, 0, 0, 0},
    {"forty", W_NUM, 0, 0, 40},
    {"found", W_BRIDGE, 0, 0, 0},
    {"four", W_NUM, 0, 0, 4},
    {"fourteen", W_NUM, 0, 0, 14},
    {"franc", W_UNIT, 0, 0, 0},
    {"francs", W_UNIT, 0, 0, 0},
    {"from", W_PREP, 0, 0, 0},
    {"ft", W_UNIT, 0, 0, 0},
    {"gallons", W_UNIT, 0, 0, 0},
    {"gate", W_IDENT, 0, 0, 0},
    {"gbp", W_MONEY, 0, 0, 0},
    {"get", W_AUX | W_BRIDGE, 0, 0, 0},
    {"girls", W_PERSON, 0, 0, 0},
    {"gmt", W_UNIT, 0, 0, 0},
    {"got", W_AUX | W_BRIDGE, 0, 0, 0},
    {"government", W_MOD, 0, 0, 0},
    {"grade", W_IDENT, 0, 0, 0},
    {"grams", W_UNIT, 0, 0, 0},
    {"ground", W_MOD, 0, 0, 0},
    {"guardsmen", W_TROOP, 0, 0, 0},
    {"guerrillas", W_PERSON, 0, 0, 0},
    {"gunmen", W_PERSON, 0, 0, 0},
    {"gunned", W_TRIG, CK_KILLED, F_P, 0},
    {"guns", W_THING, 0, 0, 0},
    {"had", W_AUX | W_BRIDGE, 0, 0, 0},
    {"half", W_NSTART, 0, 0, 0},
    {"has", W_AUX | W_BRIDGE, 0, 0, 0},
    {"have", W_AUX | W_BRIDGE, 0, 0, 0},
    {"hectares", W_UNIT, 0, 0, 0},
    {"heights", W_THING, 0, 0, 0},
    {"held", W_TRIG, CK_ARRESTED, F_AUX | F_P, 0},
    {"helicopters", W_THING, 0, 0, 0},
    {"her", W_DET | W_OBJ, 0, 0, 0},
    {"highway", W_IDENT, 0, 0, 0},
    {"hills", W_THING, 0, 0, 0},
    {"hilltops", W_THING, 0, 0, 0},
    {"him", W_OBJ, 0, 0, 0},
    {"hindus", W_PERSON, 0, 0, 0},
    {"his", W_DET | W_OBJ, 0, 0, 0},
    {"home", W_HOME, 0, 0, 0},
    {"homeless", W_TRIG, CK_DISPLACED, F_P, 0},
    {"homes", W_HOME, 0, 0, 0},
    {"hostage", W_TRIG, CK_CAPTURED, F_P, 0},
    {"hostages", W_PERSON | W_TRIG, CK_CAPTURED, F_N, 0},
    {"hour", W_UNIT, 0, 0, 0},
    {"hours", W_UNIT, 0, 0, 0},
    {"hrs", W_UNIT, 0, 0, 0},
    {"hundred", W_SCALE, 0, 0, 100},
    {"hundreds", W_VAGUE, 0, 0, 100},
    {"hurt", W_TRIG, CK_WOUNDED, F_P, 0},
    {"if", W_HYPO, 0, 0, 0},
    {"imprisoned", W_TRIG, CK_ARRESTED, F_P | F_V, 0},
    {"in", W_PREP, 0, 0, 0},
    {"inch", W_UNIT, 0, 0, 0},
    {"inches", W_UNIT, 0, 0, 0},
    {"including", W_ASIDE, 0, 0, 0},
    {"infantry", W_UNITNAME, 0, 0, 0},
    {"infants", W_PERSON, 0, 0, 0},
    {"informed", W_SPEECH, 0, 0, 0},
    {"injure", W_TRIG, CK_WOUNDED, F_V, 0},
    {"injured", W_TRIG, CK_WOUNDED, F_N | F_P | F_V, 0},
    {"injures", W_TRIG, CK_WOUNDED, F_V, 0},
    {"injuries", W_TRIG, CK_WOUNDED, F_N, 0},
    {"injuring", W_TRIG, CK_WOUNDED, F_V, 0},
    {"inmates", W_PERSON, 0, 0, 0},
    {"inr", W_MONEY, 0, 0, 0},
    {"inside", W_PREP, 0, 0, 0},
    {"insurgents", W_PERSON, 0, 0, 0},
    {"intis", W_UNIT, 0, 0, 0},
    {"into", W_BRIDGE | W_PREP, 0, 0, 0},
    {"iraqis", W_PERSON, 0, 0, 0},
    {"is", W_AUX | W_BRIDGE, 0, 0, 0},
    {"islands", W_THING, 0, 0, 0},
    {"item", W_IDENT, 0, 0, 0},
    {"its", W_DET | W_OBJ, 0, 0, 0},
    {"jailed", W_TRIG, CK_ARRESTED, F_P | F_V, 0},
    {"jan", W_MONTH, 0, 0, 0},
    {"jan.", W_MONTH, 0, 0, 0},
    {"january", W_MONTH, 0, 0, 0},
    {"jawans", W_TROOP, 0, 0, 0},
    {"jihadists", W_PERSON, 0, 0, 0},
    {"journalists", W_PERSON, 0, 0, 0},
    {"jul", W_MONTH, 0, 0, 0},
    {"jul.", W_MONTH, 0, 0, 0},
    {"july", W_MONTH, 0, 0, 0},
    {"jun", W_MONTH, 0, 0, 0},
    {"jun.", W_MONTH, 0, 0, 0},
    {"june", W_MONTH, 0, 0, 0},
    {"just", W_BRIDGE, 0, 0, 0},
    {"kg", W_UNIT, 0, 0, 0},
    {"kgs", W_UNIT, 0, 0, 0},
    {"kidnapped", W_TRIG, CK_CAPTURED, F_P | F_V, 0},
    {"kidnapping", W_TRIG, CK_CAPTURED, F_OF | F_V, 0},
    {"kidnappings", W_TRIG, CK_CAPTURED, F_OF, 0},
    {"kidnaps", W_TRIG, CK_CAPTURED, F_V, 0},
    {"kill", W_TRIG, CK_KILLED, F_V, 0},
    {"killed", W_TRIG, CK_KILLED, F_P | F_V, 0},
    {"killing", W_TRIG, CK_KILLED, F_OF | F_V, 0},
    {"killings", W_TRIG, CK_KILLED, F_OF, 0},
    {"kills", W_TRIG, CK_KILLED, F_V, 0},
    {"kilo", W_UNIT, 0, 0, 0},
    {"kilogram", W_UNIT, 0, 0, 0},
    {"kilograms", W_UNIT, 0, 0, 0},
    {"kilometer", W_IDENT | W_UNIT, 0, 0, 0},
    {"kilometers", W_THING | W_UNIT, 0, 0, 0},
    {"kilometre", W_IDENT | W_UNIT, 0, 0, 0},
    {"kilometres", W_THING | W_UNIT, 0, 0, 0},
    {"kilos", W_UNIT, 0, 0, 0},
    {"km", W_IDENT | W_UNIT, 0, 0, 0},
    {"kms", W_UNIT, 0, 0, 0},
    {"known", W_BRIDGE, 0, 0, 0},
    {"kurds", W_PERSON, 0, 0, 0},
    {"lakh", W_SCALE, 0, 0, 100000},
    {"lakhs", W_VAGUE, 0, 0, 100000},
    {"lane", W_STREET, 0, 0, 0},
    {"largely", W_ASIDE, 0, 0, 0},
    {"later", W_BRIDGE, 0, 0, 0},
    {"lb", W_UNIT, 0, 0, 0},
    {"lbs", W_UNIT, 0, 0, 0},
    {"leaders", W_PERSON, 0, 0, 0},
    {"left", W_BRIDGE, 0, 0, 0},
    {"level", W_IDENT, 0, 0, 0},
    {"line", W_IDENT, 0, 0, 0},
    {"lira", W_UNIT, 0, 0, 0},
    {"lire", W_UNIT, 0, 0, 0},
    {"liters", W_UNIT, 0, 0, 0},
    {"litres", W_UNIT, 0, 0, 0},
    {"lives", W_TRIG, CK_KILLED, F_N | F_OF, 0},
    {"losing", W_LIFE, 0, 0, 0},
    {"lost", W_LIFE, 0, 0, 0},
    {"lot", W_IDENT, 0, 0, 0},
    {"lynched", W_TRIG, CK_KILLED, F_P | F_V, 0},
    {"maimed", W_TRIG, CK_WOUNDED, F_P | F_V, 0},
    {"mainly", W_ASIDE, 0, 0, 0},
    {"many", W_ASIDE, 0, 0, 0},
    {"mar", W_MONTH, 0, 0, 0},
    {"mar.", W_MONTH, 0, 0, 0},
    {"march", W_MONTH, 0, 0, 0},
    {"marg", W_STREET, 0, 0, 0},
    {"marines", W_TROOP, 0, 0, 0},
    {"marks", W_UNIT, 0, 0, 0},
    {"massacre", W_TRIG, CK_KILLED, F_OF, 0},
    {"massacred", W_TRIG, CK_KILLED, F_P | F_V, 0},
    {"massacres", W_TRIG, CK_KILLED, F_OF, 0},
    {"massacring", W_TRIG, CK_KILLED, F_V, 0},
    {"may", W_BRIDGE | W_MONTH, 0, 0, 0},
    {"me", W_OBJ, 0, 0, 0},
    {"mechanised", W_UNITNAME, 0, 0, 0},
    {"mechanized", W_UNITNAME, 0, 0, 0},
    {"meetings", W_THING, 0, 0, 0},
    {"megawatts", W_UNIT, 0, 0, 0},
    {"members", W_PERSON, 0, 0, 0},
    {"men", W_PERSON, 0, 0, 0},
    {"meter", W_UNIT, 0, 0, 0},
    {"meters", W_UNIT, 0, 0, 0},
    {"metre", W_UNIT, 0, 0, 0},
    {"metres", W_UNIT, 0, 0, 0},
    {"might", W_BRIDGE, 0, 0, 0},
    {"migrants", W_PERSON, 0, 0, 0},
    {"mile", W_UNIT, 0, 0, 0},
    {"miles", W_THING | W_UNIT, 0, 0, 0},
    {"militants", W_PERSON, 0, 0, 0},
    {"military", W_MOD, 0, 0, 0},
    {"militiamen", W_PERSON, 0, 0, 0},
    {"million", W_SCALE, 0, 0, 1000000},
    {"millions", W_VAGUE, 0, 0, 1000000},
    {"min", W_UNIT, 0, 0, 0},
    {"miners", W_PERSON, 0, 0, 0},
    {"minors", W_PERSON, 0, 0, 0},
    {"mins", W_UNIT, 0, 0, 0},
    {"minute", W_UNIT, 0, 0, 0},
    {"minutes", W_UNIT, 0, 0, 0},
    {"missing", W_TRIG, CK_MISSING, F_N | F_P, 0},
    {"mln", W_SCALE, 0, 0, 1000000},
    {"mn", W_SCALE, 0, 0, 1000000},
    {"mobilised", W_TRIG, CK_DEPLOYED, F_P | F_TRQ | F_V, 0},
    {"mobilized", W_TRIG, CK_DEPLOYED, F_P | F_TRQ | F_V, 0},
    {"model", W_IDENT, 0, 0, 0},
    {"monks", W_PERSON, 0, 0, 0},
    {"month", W_UNIT, 0, 0, 0},
    {"months", W_UNIT, 0, 0, 0},
    {"more", W_MOD, 0, 0, 0},
    {"moslems", W_PERSON, 0, 0, 0},
    {"most", W_ASIDE, 0, 0, 0},
    {"mostly", W_ASIDE, 0, 0, 0},
    {"mph", W_UNIT, 0, 0, 0},
    {"murder", W_TRIG, CK_KILLED, F_OF | F_V, 0},
    {"murdered", W_TRIG, CK_KILLED, F_P | F_V, 0},
    {"murdering", W_TRIG, CK_KILLED, F_V, 0},
    {"murders", W_TRIG, CK_KILLED, F_OF, 0},
    {"muslims", W_PERSON, 0, 0, 0},
    {"mw", W_UNIT, 0, 0, 0},
    {"my", W_OBJ, 0, 0, 0},
    {"nabbed", W_TRIG, CK_ARRESTED, F_P | F_V, 0},
    {"nationals", W_PERSON, 0, 0, 0},
    {"near", W_PREP, 0, 0, 0},
    {"neighborhoods", W_THING, 0, 0, 0},
    {"neighbourhoods", W_THING, 0, 0, 0},
    {"new", W_MOD, 0, 0, 0},
    {"nine", W_NUM, 0, 0, 9},
    {"nineteen", W_NUM, 0, 0, 19},
    {"ninety", W_NUM, 0, 0, 90},
    {"no.", W_IDENT, 0, 0, 0},
    {"nos.", W_IDENT, 0, 0, 0},
    {"not", W_BRIDGE, 0, 0, 0},
    {"noted", W_SPEECH, 0, 0, 0},
    {"nov", W_MONTH, 0, 0, 0},
    {"nov.", W_MONTH, 0, 0, 0},
    {"november", W_MONTH, 0, 0, 0},
    {"now", W_BRIDGE, 0, 0, 0},
    {"number", W_HEAD | W_IDENT, 0, 0, 0},
    {"nuns", W_PERSON, 0, 0, 0},
    {"nurses", W_PERSON, 0, 0, 0},
    {"o'clock", W_UNIT, 0, 0, 0},
    {"oct", W_MONTH, 0, 0, 0},
    {"oct.", W_MONTH, 0, 0, 0},
    {"october", W_MONTH, 0, 0, 0},
    {"officers", W_PERSON | W_POLICE, 0, 0, 0},
    {"officials", W_PERSON, 0, 0, 0},
    {"oilfields", W_THING, 0, 0, 0},
    {"on", W_PREP, 0, 0, 0},
    {"one", W_NUM, 0, 0, 1},
    {"other", W_DET, 0, 0, 0},
    {"others", W_DET | W_PERSON, 0, 0, 0},
    {"ounces", W_UNIT, 0, 0, 0},
    {"our", W_OBJ, 0, 0, 0},
    {"outposts", W_THING, 0, 0, 0},
    {"outside", W_PREP, 0, 0, 0},
    {"over", W_PREP, 0, 0, 0},
    {"p.m.", W_UNIT, 0, 0, 0},
    {"page", W_IDENT, 0, 0, 0},
    {"paragraph", W_IDENT, 0, 0, 0},
    {"paramilitary", W_MOD, 0, 0, 0},
    {"paratroopers", W_TROOP, 0, 0, 0},
    {"passengers", W_PERSON, 0, 0, 0},
    {"pct", W_UNIT, 0, 0, 0},
    {"peacekeepers", W_TROOP, 0, 0, 0},
    {"peasants", W_PERSON, 0, 0, 0},
    {"people", W_PERSON, 0, 0, 0},
    {"per", W_UNIT, 0, 0, 0},
    {"percent", W_UNIT, 0, 0, 0},
    {"percentage", W_UNIT, 0, 0, 0},
    {"perished", W_TRIG, CK_KILLED, F_P, 0},
    {"personnel", W_TROOP, 0, 0, 0},
    {"persons", W_PERSON, 0, 0, 0},
    {"peso", W_UNIT, 0, 0, 0},
    {"pesos", W_UNIT, 0, 0, 0},
    {"phase", W_IDENT, 0, 0, 0},
    {"phone", W_IDENT, 0, 0, 0},
    {"picked", W_TRIG, CK_ARRESTED, F_AUX | F_P, 0},
    {"pilgrims", W_PERSON, 0, 0, 0},
    {"planes", W_THING, 0, 0, 0},
    {"platform", W_IDENT, 0, 0, 0},
    {"platoon", W_UNITNAME, 0, 0, 0},
    {"platoons", W_UNITNAME, 0, 0, 0},
    {"plot", W_IDENT, 0, 0, 0},
    {"pm", W_UNIT, 0, 0, 0},
    {"points", W_UNIT, 0, 0, 0},
    {"police", W_POLICE, 0, 0, 0},
    {"policemen", W_PERSON | W_POLICE, 0, 0, 0},
    {"policewomen", W_POLICE, 0, 0, 0},
    {"polls", W_THING, 0, 0, 0},
    {"ports", W_THING, 0, 0, 0},
    {"position", W_THING, 0, 0, 0},
    {"positions", W_THING, 0, 0, 0},
    {"posted", W_TRIG, CK_DEPLOYED, F_P | F_TRQ, 0},
    {"posts", W_THING, 0, 0, 0},
    {"pound", W_UNIT, 0, 0, 0},
    {"pounds", W_UNIT, 0, 0, 0},
    {"pows", W_TRIG, CK_CAPTURED, F_N, 0},
    {"presumed", W_BRIDGE, 0, 0, 0},
    {"priests", W_PERSON, 0, 0, 0},
    {"prisoner", W_TRIG, CK_CAPTURED, F_P, 0},
    {"prisoners", W_PERSON | W_TRIG, CK_CAPTURED, F_N, 0},
    {"protesters", W_PERSON, 0, 0, 0},
    {"provinces", W_THING, 0, 0, 0},
    {"put", W_SPEECH, 0, 0, 0},
    {"puts", W_SPEECH, 0, 0, 0},
    {"quetzales", W_UNIT, 0, 0, 0},
    {"quoted", W_SPEECH, 0, 0, 0},
    {"rd", W_STREET, 0, 0, 0},
    {"rd.", W_STREET, 0, 0, 0},
    {"rebels", W_PERSON, 0, 0, 0},
    {"recruits", W_PERSON, 0, 0, 0},
    {"refugees", W_PERSON | W_TRIG, CK_DISPLACED, F_N, 0},
    {"regiment", W_UNITNAME, 0, 0, 0},
    {"regiments", W_UNITNAME, 0, 0, 0},
    {"region", W_HOME, 0, 0, 0},
    {"regions", W_THING, 0, 0, 0},
    {"regular", W_MOD, 0, 0, 0},
    {"reinforcements", W_TROOP, 0, 0, 0},
    {"reported", W_BRIDGE | W_SPEECH, 0, 0, 0},
    {"reporters", W_PERSON, 0, 0, 0},
    {"reporting", W_SPEECH, 0, 0, 0},
    {"reports", W_SPEECH, 0, 0, 0},
    {"reserve", W_MOD, 0, 0, 0},
    {"reservists", W_TROOP, 0, 0, 0},
    {"residents", W_PERSON, 0, 0, 0},
    {"resolution", W_IDENT, 0, 0, 0},
    {"revealed", W_SPEECH, 0, 0, 0},
    {"rifles", W_THING, 0, 0, 0},
    {"riot", W_MOD, 0, 0, 0},
    {"road", W_STREET, 0, 0, 0},
    {"roads", W_THING, 0, 0, 0},
    {"room", W_IDENT, 0, 0, 0},
    {"roubles", W_UNIT, 0, 0, 0},
    {"rounded", W_TRIG, CK_ARRESTED, F_P | F_V, 0},
    {"rounds", W_UNIT, 0, 0, 0},
    {"route", W_IDENT, 0, 0, 0},
    {"rs", W_MONEY, 0, 0, 0},
    {"rs.", W_MONEY, 0, 0, 0},
    {"rubles", W_UNIT, 0, 0, 0},
    {"rupee", W_UNIT, 0, 0, 0},
    {"rupees", W_UNIT, 0, 0, 0},
    {"rushed", W_TRIG, CK_DEPLOYED, F_P | F_TRQ | F_V, 0},
    {"said", W_BRIDGE | W_SPEECH, 0, 0, 0},
    {"sailors", W_PERSON | W_TROOP, 0, 0, 0},
    {"say", W_SPEECH, 0, 0, 0},
    {"saying", W_SPEECH, 0, 0, 0},
    {"says", W_SPEECH, 0, 0, 0},
    {"scores", W_VAGUE, 0, 0, 20},
    {"seats", W_THING | W_UNIT, 0, 0, 0},
    {"second", W_UNIT, 0, 0, 0},
    {"seconds", W_UNIT, 0, 0, 0},
    {"section", W_IDENT, 0, 0, 0},
    {"sector", W_IDENT, 0, 0, 0},
    {"security", W_MOD, 0, 0, 0},
    {"send", W_TRIG, CK_DEPLOYED, F_TRQ | F_V, 0},
    {"sending", W_TRIG, CK_DEPLOYED, F_TRQ | F_V, 0},
    {"sends", W_TRIG, CK_DEPLOYED, F_TRQ | F_V, 0},
    {"sent", W_TRIG, CK_DEPLOYED, F_P | F_TRQ | F_V, 0},
    {"sep", W_MONTH, 0, 0, 0},
    {"sep.", W_MONTH, 0, 0, 0},
    {"sept", W_MONTH, 0, 0, 0},
    {"sept.", W_MONTH, 0, 0, 0},
    {"september", W_MONTH, 0, 0, 0},
    {"servicemen", W_TROOP, 0, 0, 0},
    {"settlers", W_PERSON, 0, 0, 0},
    {"seven", W_NUM, 0, 0, 7},
    {"seventeen", W_NUM, 0, 0, 17},
    {"seventy", W_NUM, 0, 0, 70},
    {"several", W_NSTART, 0, 0, 0},
    {"shares", W_THING | W_UNIT, 0, 0, 0},
    {"shekels", W_UNIT, 0, 0, 0},
    {"ships", W_THING, 0, 0, 0},
    {"sikhs", W_PERSON, 0, 0, 0},
    {"since", W_PREP, 0, 0, 0},
    {"sites", W_THING, 0, 0, 0},
    {"six", W_NUM, 0, 0, 6},
    {"sixteen", W_NUM, 0, 0, 16},
    {"sixty", W_NUM, 0, 0, 60},
    {"slain", W_TRIG, CK_KILLED, F_P, 0},
    {"slaughter", W_TRIG, CK_KILLED, F_OF, 0},
    {"slaughtered", W_TRIG, CK_KILLED, F_P | F_V, 0},
    {"slaying", W_TRIG, CK_KILLED, F_OF, 0},
    {"slayings", W_TRIG, CK_KILLED, F_OF, 0},
    {"slew", W_TRIG, CK_KILLED, F_V, 0},
    {"so", W_BRIDGE, 0, 0, 0},
    {"soldier", W_TROOP, 0, 0, 0},
    {"soldiers", W_PERSON | W_TROOP, 0, 0, 0},
    {"soles", W_UNIT, 0, 0, 0},
    {"special", W_MOD, 0, 0, 0},
    {"squadron", W_UNITNAME, 0, 0, 0},
    {"squadrons", W_UNITNAME, 0, 0, 0},
    {"square", W_THING, 0, 0, 0},
    {"st", W_STREET, 0, 0, 0},
    {"st.", W_STREET, 0, 0, 0},
    {"staff", W_PERSON, 0, 0, 0},
    {"stated", W_SPEECH, 0, 0, 0},
    {"stationed", W_TRIG, CK_DEPLOYED, F_P | F_TRQ | F_V, 0},
    {"stationing", W_TRIG, CK_DEPLOYED, F_TRQ | F_V, 0},
    {"sterling", W_UNIT, 0, 0, 0},
    {"stg", W_UNIT, 0, 0, 0},
    {"still", W_BRIDGE, 0, 0, 0},
    {"storeys", W_UNIT, 0, 0, 0},
    {"street", W_STREET, 0, 0, 0},
    {"streets", W_THING, 0, 0, 0},
    {"strongholds", W_THING, 0, 0, 0},
    {"students", W_PERSON, 0, 0, 0},
    {"subversives", W_PERSON, 0, 0, 0},
    {"succumbed", W_TRIG, CK_KILLED, F_P, 0},
    {"sucres", W_UNIT, 0, 0, 0},
    {"suite", W_IDENT, 0, 0, 0},
    {"supporters", W_PERSON, 0, 0, 0},
    {"suspects", W_PERSON, 0, 0, 0},
    {"syrians", W_PERSON, 0, 0, 0},
    {"taken", W_BRIDGE, 0, 0, 0},
    {"taking", W_LIFE, 0, 0, 0},
    {"talks", W_THING, 0, 0, 0},
    {"tally", W_HEAD | W_TOLL, 0, 0, 0},
    {"tanks", W_THING, 0, 0, 0},
    {"teenagers", W_PERSON, 0, 0, 0},
    {"tel", W_IDENT, 0, 0, 0},
    {"tells", W_SPEECH, 0, 0, 0},
    {"ten", W_NUM, 0, 0, 10},
    {"tens", W_VAGUE, 0, 0, 10},
    {"territories", W_THING, 0, 0, 0},
    {"terrorists", W_PERSON, 0, 0, 0},
    {"that", W_BRIDGE, 0, 0, 0},
    {"the", W_DET | W_OBJ, 0, 0, 0},
    {"their", W_DET | W_OBJ, 0, 0, 0},
    {"them", W_OBJ, 0, 0, 0},
    {"then", W_BRIDGE, 0, 0, 0},
    {"these", W_DET | W_OBJ, 0, 0, 0},
    {"thirteen", W_NUM, 0, 0, 13},
    {"thirty", W_NUM, 0, 0, 30},
    {"this", W_OBJ, 0, 0, 0},
    {"those", W_DET | W_OBJ, 0, 0, 0},
    {"thought", W_BRIDGE, 0, 0, 0},
    {"thousand", W_SCALE, 0, 0, 1000},
    {"thousands", W_VAGUE, 0, 0, 1000},
    {"three", W_NUM, 0, 0, 3},
    {"through", W_PREP, 0, 0, 0},
    {"times", W_UNIT, 0, 0, 0},
    {"to", W_BRIDGE, 0, 0, 0},
    {"told", W_SPEECH, 0, 0, 0},
    {"toll", W_HEAD | W_TOLL, 0, 0, 0},
    {"tolls", W_HEAD | W_TOLL, 0, 0, 0},
    {"ton", W_UNIT, 0, 0, 0},
    {"tonne", W_UNIT, 0, 0, 0},
    {"tonnes", W_UNIT, 0, 0, 0},
    {"tons", W_UNIT, 0, 0, 0},
    {"took", W_LIFE, 0, 0, 0},
    {"tourists", W_PERSON, 0, 0, 0},
    {"town", W_HOME, 0, 0, 0},
    {"towns", W_THING, 0, 0, 0},
    {"train", W_IDENT, 0, 0, 0},
    {"trenches", W_THING, 0, 0, 0},
    {"troops", W_PERSON | W_TROOP, 0, 0, 0},
    {"trucks", W_THING, 0, 0, 0},
    {"twelve", W_NUM, 0, 0, 12},
    {"twenty", W_NUM, 0, 0, 20},
    {"two", W_NUM, 0, 0, 2},
    {"unaccounted", W_TRIG, CK_MISSING, F_P, 0},
    {"under", W_IDENT, 0, 0, 0},
    {"unit", W_IDENT, 0, 0, 0},
    {"unless", W_HYPO, 0, 0, 0},
    {"uprooted", W_TRIG, CK_DISPLACED, F_P | F_V, 0},
    {"us", W_OBJ, 0, 0, 0},
    {"us$", W_MONEY, 0, 0, 0},
    {"usd", W_MONEY, 0, 0, 0},
    {"utc", W_UNIT, 0, 0, 0},
    {"vehicles", W_THING, 0, 0, 0},
    {"victims", W_PERSON, 0, 0, 0},
    {"village", W_HOME, 0, 0, 0},
    {"villagers", W_PERSON, 0, 0, 0},
    {"villages", W_HOME | W_THING, 0, 0, 0},
    {"violence", W_HOME, 0, 0, 0},
    {"volunteers", W_PERSON, 0, 0, 0},
    {"votes", W_UNIT, 0, 0, 0},
    {"war", W_HOME, 0, 0, 0},
    {"ward", W_IDENT, 0, 0, 0},
    {"was", W_AUX | W_BRIDGE, 0, 0, 0},
    {"weapons", W_THING, 0, 0, 0},
    {"week", W_UNIT, 0, 0, 0},
    {"weeks", W_UNIT, 0, 0, 0},
    {"were", W_AUX | W_BRIDGE, 0, 0, 0},
    {"whether", W_HYPO, 0, 0, 0},
    {"which", W_BRIDGE, 0, 0, 0},
    {"who", W_BRIDGE, 0, 0, 0},
    {"will", W_BRIDGE, 0, 0, 0},
    {"with", W_PREP, 0, 0, 0},
    {"within", W_PREP, 0, 0, 0},
    {"women", W_PERSON, 0, 0, 0},
    {"workers", W_PERSON, 0, 0, 0},
    {"would", W_BRIDGE, 0, 0, 0},
    {"wounded", W_TRIG, CK_WOUNDED, F_N | F_P | F_V, 0},
    {"wounding", W_TRIG, CK_WOUNDED, F_V, 0},
    {"yazidis", W_PERSON, 0, 0, 0},
    {"year", W_UNIT, 0, 0, 0},
    {"year-old", W_UNIT, 0, 0, 0},
    {"years", W_UNIT, 0, 0, 0},
    {"years-old", W_UNIT, 0, 0, 0},
    {"yen", W_UNIT, 0, 0, 0},
    {"yet", W_BRIDGE, 0, 0, 0},
    {"your", W_OBJ, 0, 0, 0},
    {"youths", W_PERSON, 0, 0, 0},
    {"yr", W_UNIT, 0, 0, 0},
    {"yrs", W_UNIT, 0, 0, 0},
    {"yuan", W_UNIT, 0, 0, 0},
};

/* WORDS' hash index (wordhash.h), built once on first use. */
#define CL_NWORDS (sizeof WORDS / sizeof *WORDS)
#define CL_SLOTS 4096
static uint16_t CL_INDEX[CL_SLOTS];
static int CL_INDEX_OK;
static pthread_once_t CL_ONCE = PTHREAD_ONCE_INIT;

static void cl_index_build(void) {
  CL_INDEX_OK = wh_build(CL_INDEX, CL_SLOTS, WORDS, CL_NWORDS, sizeof *WORDS) == 0;
}

static const cl_word *cl_lookup(const char *key) {
  if (!key[0]) return NULL;
  long i = wh_find(CL_INDEX, CL_SLOTS, WORDS, sizeof *WORDS, key);
  return i < 0 ? NULL : &WORDS[i];
}

/* cl_lookup_hashed: cl_lookup of a key whose wh_hash is h. */
static const cl_word *cl_lookup_hashed(const char *key, uint32_t h) {
  if (!key[0]) return NULL;
  long i = wh_find_hashed(CL_INDEX, CL_SLOTS, WORDS, sizeof *WORDS, key, h);
  return i < 0 ? NULL : &WORDS[i];
}

int claim_check_tables(void) {
  pthread_once(&CL_ONCE, cl_index_build);
  if (!CL_INDEX_OK) return 1;
  for (size_t i = 1; i < sizeof WORDS / sizeof *WORDS; i++)
    if (strcmp(WORDS[i - 1].w, WORDS[i].w) >= 0) return (int)i + 1;
  return 0;
}

/* Qualifier phrases, matched backwards from the number; the longest wins. */
typedef struct cl_qphrase {
  const char *w[3];
  int n, q;
} cl_qphrase;

static const cl_qphrase QUALS[] = {
    {{"an", "estimated"}, 2, CQ_EST},        {{"estimated"}, 1, CQ_EST},
    {{"est."}, 1, CQ_EST},                   {{"about"}, 1, CQ_APPROX},
    {{"around"}, 1, CQ_APPROX},              {{"approximately"}, 1, CQ_APPROX},
    {{"approx."}, 1, CQ_APPROX},             {{"roughly"}, 1, CQ_APPROX},
    {{"some"}, 1, CQ_APPROX},                {{"nearly"}, 1, CQ_APPROX},
    {{"almost"}, 1, CQ_APPROX},              {{"close", "to"}, 2, CQ_APPROX},
    {{"circa"}, 1, CQ_APPROX},               {{"an", "approximate"}, 2, CQ_APPROX},
    {{"approximate"}, 1, CQ_APPROX},         {{"~"}, 1, CQ_APPROX},
    {{"at", "least"}, 2, CQ_ATLEAST},        {{"no", "fewer", "than"}, 3, CQ_ATLEAST},
    {{"no", "less", "than"}, 3, CQ_ATLEAST}, {{"not", "less", "than"}, 3, CQ_ATLEAST},
    {{"upwards", "of"}, 2, CQ_ATLEAST},      {{"upward", "of"}, 2, CQ_ATLEAST},
    {{"a", "minimum", "of"}, 3, CQ_ATLEAST}, {{"more", "than"}, 2, CQ_MORE},
    {{"over"}, 1, CQ_MORE},                  {{"above"}, 1, CQ_MORE},
    {{"in", "excess", "of"}, 3, CQ_MORE},    {{"up", "to"}, 2, CQ_UPTO},
    {{"as", "many", "as"}, 3, CQ_UPTO},      {{"as", "much", "as"}, 3, CQ_UPTO},
    {{"at", "most"}, 2, CQ_ATMOST},          {{"no", "more", "than"}, 3, CQ_ATMOST},
    {{"not", "more", "than"}, 3, CQ_ATMOST}, {{"a", "maximum", "of"}, 3, CQ_ATMOST},
    {{"fewer", "than"}, 2, CQ_FEWER},        {{"less", "than"}, 2, CQ_FEWER},
    {{"below"}, 1, CQ_FEWER},
};

/* ---- one sentence ------------------------------------------------------ */

enum {
  CN_SKIP = 1,  /* a number, but not a count */
  CN_VAGUE = 2, /* "hundreds": a lower bound */
  CN_RANGE = 4, /* "10-15": lo and hi differ */
  CN_FROM = 8,  /* "from 20 to 30": the 20 is superseded */
};

typedef struct cl_num {
  uint32_t ts, te; /* the number as written: sentence tokens [ts, te) */
  uint32_t qs;     /* first token of the qualifier before it (ts when none) */
  uint32_t tail;   /* first token after the number and a qualifier behind it ("or more") */
  double lo, hi;   /* as read: hi > lo for a range */
  int qual;
  unsigned flags;
  int toll; /* the kind a toll before it gives, or CK_NONE */
  int kind; /* what it counts, once linked (later numbers may inherit it) */
} cl_num;

typedef struct cl_np {
  uint32_t end;      /* end of the counted noun phrase after the number */
  int troop, police; /* a troop or police noun heads it */
  int verb;          /* a verb group follows it ("30 were released") */
  int weak;          /* the forward link went through "and" or "who" */
  int words, person; /* its words; one of them names people (or is an actor) */
  int head, people;  /* words before a preposition; one of them is a people noun */
  int thing;         /* one of the head words is a thing that is captured or held */
  int part;          /* the scan stepped over the whole of a partitive ("one of eight") */
  uint32_t subj_end; /* end of the words the subject is sought in: the head and "of X" */
  int cut;           /* the scan stopped at the word limit, not at a clause's end */
  int one_of;        /* the number is "one of": a member picked out, not a figure */
  int nonaux;        /* the verb group has more than auxiliaries ("who were known to") */
  int pp;            /* a preposition other than "of" came in the phrase ("in camps") */
  int ownverb;       /* a verb group right after the head: "30 were released", not
                        "two women in San Salvador and said" */
} cl_np;

typedef struct cl_cue {
  uint32_t tok; /* where the speech verb or "according" is */
  int men;      /* the actor who speaks */
} cl_cue;

typedef struct cl_sent {
  const text_doc *td;
  const actor_list *al;
  uint32_t si, t0, nt; /* sentence index, first token, token count */
  char (*key)[CL_KEY]; /* folded key per token ("" when too long) */
  const cl_word **w;   /* table entry per token, or NULL */
  int32_t *men;        /* actor mention covering the token, or -1 */
  int32_t *aside;      /* last token of the aside covering the token, or -1 */
  int32_t *num;        /* number covering the token, or -1 */
  cl_num *nums;
  uint32_t nnum;
  cl_cue *cues;
  uint32_t ncue;
} cl_sent;

static const char *K(const cl_sent *s, int64_t i) {
  return i >= 0 && i < (int64_t)s->nt ? s->key[i] : "";
}

static int is(const cl_sent *s, int64_t i, uint32_t cls) {
  return i >= 0 && i < (int64_t)s->nt && s->w[i] && (s->w[i]->cls & cls);
}

static int eq(const cl_sent *s, int64_t i, const char *word) {
  return !strcmp(K(s, i), word);
}

static uint32_t tflags(const cl_sent *s, int64_t i) {
  return i >= 0 && i < (int64_t)s->nt ? s->td->tok[s->t0 + i].flags : 0;
}

/* trig: the table entry at i if it is a trigger, else NULL. */
static const cl_word *trig(const cl_sent *s, int64_t i) {
  return is(s, i, W_TRIG) ? s->w[i] : NULL;
}

/* candidate: the number at token i if it may be a count, else NULL. */
static const cl_num *candidate(const cl_sent *s, int64_t i) {
  if (i < 0 || i >= (int64_t)s->nt || s->num[i] < 0) return NULL;
  const cl_num *n = &s->nums[s->num[i]];
  return n->flags & (CN_SKIP | CN_FROM) ? NULL : n;
}

/* ---- reading numbers ---------------------------------------------------- */

typedef struct cl_val {
  double v, hi;   /* value; hi > v for a range written in one token ("10-15") */
  uint32_t e;     /* token after the value */
  unsigned flags; /* CN_SKIP, CN_VAGUE, CN_RANGE */
  int qual;       /* qualifier written into the token ("20-odd"), or -1 */
} cl_val;

/* cl_digits reads "5,000", "1.5", "12" at z; returns the bytes read (0 if none)
 * and the number of integer digits in *nd. A comma must be followed by three
 * digits, so "10,15" stops at the comma. */
static size_t cl_digits(const char *z, double *v, int *nd) {
  size_t i = 0;
  double x = 0;
  *nd = 0;
  while (z[i] >= '0' && z[i] <= '9') {
    x = x * 10 + (z[i++] - '0');
    ++*nd;
    if (z[i] == ',' && z[i + 1] >= '0' && z[i + 1] <= '9' && z[i + 2] >= '0' &&
        z[i + 2] <= '9' && z[i + 3] >= '0' && z[i + 3] <= '9' &&
        !(z[i + 4] >= '0' && z[i + 4] <= '9'))
      i++;
  }
  if (*nd && z[i] == '.' && z[i + 1] >= '0' && z[i + 1] <= '9') {
    double f = 0.1;
    for (i++; z[i] >= '0' && z[i] <= '9'; i++, f /= 10) x += (z[i] - '0') * f;
  }
  *v = x;
  return *nd ? i : 0;
}

/* cl_digit_token reads a token that starts with a digit. What may follow the
 * digits: nothing; "-15" (a range when larger, a score otherwise); "-odd",
 * "-plus". Anything else ("5th", "1980s", "10:30", "25-year-old", "1.5m",
 * "3/4") makes it a number that is not a count. */
static void cl_digit_token(const char *z, cl_val *o) {
  int nd, nd2;
  size_t k = cl_digits(z, &o->v, &nd);
  o->hi = o->v;
  const char *r = z + k;
  if (z[0] == '0' && nd > 1) o->flags |= CN_SKIP; /* "007", "0800" */
  if (!*r) return;
  if (r[0] == '-' && r[1] >= '0' && r[1] <= '9') {
    double v2;
    size_t k2 = cl_digits(r + 1, &v2, &nd2);
    int phone = nd == 3 && nd2 == 4;
    if (!r[1 + k2] && v2 > o->v && !phone) {
      o->hi = v2;
      o->flags |= CN_RANGE;
    } else
      o->flags |= CN_SKIP;
  } else if (!strcmp(r, "-odd"))
    o->qual = CQ_APPROX;
  else if (!strcmp(r, "-plus") || !strcmp(r, "+"))
    o->qual = CQ_ATLEAST;
  else
    o->flags |= CN_SKIP;
}

/* cl_scales applies scale words after a value: "1.5 million", "5 hundred
 * thousand", "2 lakh", "two dozen". Each scale must exceed the one before. */
static uint32_t cl_scales(const cl_sent *s, uint32_t j, cl_val *o) {
  double last = 0;
  while (is(s, j, W_SCALE) && s->w[j]->val > last) {
    last = s->w[j]->val;
    o->v *= last;
    o->hi *= last;
    j++;
  }
  return j;
}

/* cl_word_atom feeds one number word to the running total (an English number
 * read left to right: "two thousand five hundred and six"). Returns 0 when
 * the word does not continue the number. */
typedef struct cl_words {
  double total, cur, lastbig;
  int small, tens; /* the last word was a number word; it was a tens word */
  int any;
} cl_words;

static int cl_word_atom(cl_words *w, const cl_word *e) {
  if (!e || !(e->cls & (W_NUM | W_SCALE))) return 0;
  double v = e->val;
  if (e->cls & W_NUM) {
    if (w->small && !(w->tens && v < 10)) return 0; /* "one two", "ten five" */
    if (!w->small && fmod(w->cur, 100) != 0) return 0;
    w->cur += v;
    w->tens = v >= 20 && fmod(v, 10) == 0;
    w->small = 1;
  } else if (v == 100 || v == 12) {
    if (w->cur == 0 || w->cur >= 100) return 0;
    w->cur *= v;
    w->small = w->tens = 0;
  } else {
    if (w->total + w->cur == 0 || (w->lastbig && v >= w->lastbig)) return 0;
    w->total += (w->cur ? w->cur : 1) * v;
    w->cur = 0;
    w->lastbig = v;
    w->small = w->tens = 0;
  }
  w->any = 1;
  return 1;
}

/* cl_word_token feeds a token, hyphenated parts one by one ("twenty-three").
 * Returns 1 if all of it was taken, 0 if none, -1 if only a prefix was
 * ("twenty-year-old"). */
static int cl_word_token(cl_words *w, const char *key) {
  char part[CL_KEY];
  int took = 0;
  for (const char *p = key; *p;) {
    size_t n = strcspn(p, "-");
    if (n == 0 || n >= sizeof part) return took ? -1 : 0;
    memcpy(part, p, n);
    part[n] = 0;
    if (!cl_word_atom(w, cl_lookup(part))) return took ? -1 : 0;
    took = 1;
    p += n + (p[n] == '-');
  }
  return took;
}

/* cl_word_number reads a number in words starting at i. "and" joins only
 * after hundred or a larger scale and before another number word. */
static int cl_word_number(const cl_sent *s, uint32_t i, cl_val *o) {
  cl_words w = {0};
  uint32_t j = i, end = i; /* end: after the last token taken */
  for (; j < s->nt; j++) {
    if (eq(s, j, "and") && w.any && !w.small && is(s, j + 1, W_NUM)) continue;
    int r = strchr(K(s, j), '-') ? cl_word_token(&w, K(s, j)) : cl_word_atom(&w, s->w[j]);
    if (r == 0) break;
    if (r < 0) {
      if (j == i) o->flags |= CN_SKIP, end = j + 1;
      break;
    }
    end = j + 1;
  }
  j = end;
  if (j == i) return 0;
  o->v = o->hi = w.total + w.cur;
  o->e = j;
  return 1;
}

/* cl_vague reads plural round numbers: "dozens", "hundreds", "tens of
 * thousands", "hundreds of thousands", "scores of", and "several" or "a few"
 * before a scale. The value is the least the plural can mean. */
static int cl_vague(const cl_sent *s, uint32_t i, cl_val *o) {
  uint32_t j = i;
  if (eq(s, j, "a") && eq(s, j + 1, "few")) j++;
  if ((eq(s, j, "few") || eq(s, j, "several")) && is(s, j + 1, W_SCALE) &&
      s->w[j + 1]->val >= 100) {
    o->v = 2 * s->w[j + 1]->val;
    o->e = j + 2;
  } else if (is(s, i, W_VAGUE)) {
    double unit = s->w[i]->val;
    o->e = i + 1;
    if (eq(s, i + 1, "of") && is(s, i + 2, W_VAGUE) && s->w[i + 2]->val > unit) {
      unit *= s->w[i + 2]->val;
      o->e = i + 3;
    } else if (eq(s, i, "tens") || (eq(s, i, "scores") && !eq(s, i + 1, "of")))
      return 0; /* "tens" alone; "test scores" */
    o->v = 2 * unit;
  } else
    return 0;
  o->hi = o->v;
  o->flags |= CN_VAGUE;
  return 1;
}

/* cl_value reads one value at token i: digits (with scales after), words,
 * "a dozen", "half a dozen", or a plural round number. */
static int cl_value(const cl_sent *s, uint32_t i, cl_val *o) {
  memset(o, 0, sizeof *o);
  o->qual = -1;
  if (i >= s->nt) return 0;
  if (tflags(s, i) & TOK_NUM) {
    cl_digit_token(K(s, i), o);
    o->e = cl_scales(s, i + 1, o);
    if (o->v != floor(o->v)) o->flags |= CN_SKIP; /* "1.5" alone is a measure */
    return 1;
  }
  if (!is(s, i, W_NUM | W_SCALE | W_VAGUE | W_NSTART) && !strchr(K(s, i), '-')) return 0;
  if (cl_vague(s, i, o)) return 1;
  uint32_t j = i;
  double mul = 1;
  if (eq(s, j, "half") && eq(s, j + 1, "a") && is(s, j + 2, W_SCALE)) mul = 0.5, j++;
  if ((eq(s, j, "a") || eq(s, j, "an")) && is(s, j + 1, W_SCALE)) {
    o->v = o->hi = mul;
    o->e = cl_scales(s, j + 1, o);
    return 1;
  }
  return cl_word_number(s, i, o);
}

/* cl_range extends the value at n->ts into a range or marks a change:
 * "10 to 15", "10 - 15", "two or three", "between 10 and 15"; in "from 20 to
 * 30" the 20 is superseded and 30 is read on its own. */
static void cl_range(const cl_sent *s, cl_num *n) {
  uint32_t j = n->te;
  int between = eq(s, (int64_t)n->ts - 1, "between");
  int dash = (tflags(s, j) & TOK_DASH) != 0;
  if (!(dash || eq(s, j, "to") || eq(s, j, "or") || (between && eq(s, j, "and")))) return;
  cl_val b;
  if ((n->flags & CN_RANGE) || !cl_value(s, j + 1, &b) || (b.flags & (CN_SKIP | CN_VAGUE)) ||
      b.v <= n->lo)
    return;
  if (eq(s, j, "to") && eq(s, (int64_t)n->ts - 1, "from")) {
    n->flags |= CN_FROM;
    return;
  }
  n->hi = b.hi;
  n->te = b.e;
  n->flags |= CN_RANGE;
  if (between) n->ts--;
}

/* cl_read reads the number starting at token i into *n; 0 if there is none. */
static int cl_read(const cl_sent *s, uint32_t i, cl_num *n) {
  cl_val v;
  if (!cl_value(s, i, &v)) return 0;
  memset(n, 0, sizeof *n);
  n->ts = n->qs = i;
  n->te = n->tail = v.e;
  n->lo = v.v;
  n->hi = v.hi;
  n->flags = v.flags;
  n->qual = v.qual >= 0 ? v.qual : CQ_EXACT;
  if (!(n->flags & CN_SKIP)) cl_range(s, n);
  n->qs = n->ts;
  n->tail = n->te;
  return 1;
}

/* ---- what is not a count ------------------------------------------------ */

/* cl_money_sign: the token before a number is a currency sign ("$", "£",
 * "€", "¥", "₹", "US$"). */
static int cl_money_sign(const cl_sent *s, int64_t i) {
  const char *k = K(s, i);
  size_t n = strlen(k);
  if (!n) return 0;
  if (k[n - 1] == '$') return 1;
  static const char *const SIGNS[] = {"\xC2\xA3", "\xE2\x82\xAC", "\xC2\xA5", "\xE2\x82\xB9"};
  for (size_t j = 0; j < sizeof SIGNS / sizeof *SIGNS; j++)
    if (!strcmp(k, SIGNS[j])) return 1;
  return 0;
}

/* cl_month_after: "9 May", "30 DEC 89". "may" after a number is the month
 * only when it cannot be the modal: capitalised in mixed-case text, else
 * followed by something that is not a word ("on 9 may, 2002"). */
static int cl_month_after(const cl_sent *s, const cl_num *n) {
  uint32_t j = n->tail;
  if (!is(s, j, W_MONTH) || n->hi > 31) return 0;
  if (!eq(s, j, "may")) return 1;
  if (s->td->casing == TEXT_MIXED) return (tflags(s, j) & TOK_CAP) != 0;
  return !(tflags(s, j + 1) & TOK_WORD);
}

/* cl_year: four digits 1800-2099 with no comma, unless something marks it as
 * a count: a qualifier ("about 2000"), a people noun after it ("2000
 * people"), or a verb that counts before it ("killing 2000"). "The 1999
 * deaths" is a year. */
static int cl_year(const cl_sent *s, const cl_num *n) {
  const char *k = K(s, n->ts);
  if (!(tflags(s, n->ts) & TOK_NUM) || strlen(k) != 4 || n->te != n->ts + 1) return 0;
  if (n->lo < 1800 || n->lo > 2099 || n->qs < n->ts) return 0;
  const cl_word *v = trig(s, (int64_t)n->ts - 1);
  return !(is(s, n->tail, W_PERSON | W_TROOP | W_POLICE) || (v && (v->form & F_V)));
}

/* cl_age_aside: "Smith, 25, was killed" and "ramesh (25) was killed". */
static int cl_age_aside(const cl_sent *s, const cl_num *n) {
  int64_t p = (int64_t)n->ts - 1;
  if (n->hi >= 120 || !(tflags(s, p - 1) & TOK_WORD) || is(s, p - 1, W_TRIG)) return 0;
  return (eq(s, p, ",") && eq(s, n->tail, ",")) || (eq(s, p, "(") && eq(s, n->tail, ")"));
}

/* cl_ident: the word before names a thing by its number: "Section 144",
 * "No. 4" (also "NO.4", split as NO . 4), "aged 25", "under 18", "no one". */
static int cl_ident(const cl_sent *s, const cl_num *n) {
  int64_t p = (int64_t)n->qs - 1;
  if (is(s, p, W_IDENT | W_AGE | W_MONTH | W_MONEY) || cl_money_sign(s, p)) return 1;
  if (eq(s, p, "no") || eq(s, p, "#") || eq(s, p, "+")) return 1;
  return eq(s, p, ".") && eq(s, p - 1, "no");
}

/* cl_hypothetical: the number is in a condition ("even if one person dies",
 * "what if 10 were killed"): "if" a few words before it, in the same clause. */
static int cl_hypothetical(const cl_sent *s, const cl_num *n) {
  for (int64_t k = (int64_t)n->qs - 1; k >= 0 && k >= (int64_t)n->qs - 3; k--) {
    if (is(s, k, W_HYPO)) return 1;
    if (tflags(s, k) & TOK_PUNCT) return 0;
  }
  return 0;
}

/* cl_measured_pair: the second of a pair whose first carries the unit:
 * "between 30,000 stg and 50,000", "5 pct to 10". */
static int cl_measured_pair(const cl_sent *s, const cl_num *n) {
  int64_t k = (int64_t)n->qs - 1;
  if (!(eq(s, k, "and") || eq(s, k, "to") || eq(s, k, "or") || (tflags(s, k) & TOK_DASH)))
    return 0;
  k--;
  if (!(is(s, k, W_UNIT) || eq(s, k, "%"))) return 0;
  return k >= 1 && s->num[k - 1] >= 0;
}

/* cl_not_count: the reasons a number is not a count, from its neighbours. */
static int cl_not_count(const cl_sent *s, const cl_num *n) {
  uint32_t t = n->tail;
  if (cl_hypothetical(s, n) || cl_measured_pair(s, n)) return 1;
  if (cl_ident(s, n) || cl_month_after(s, n) || cl_year(s, n) || cl_age_aside(s, n)) return 1;
  if (is(s, t, W_UNIT | W_UNITNAME) || eq(s, t, "%")) return 1;
  if (is(s, t, W_STREET) || (tflags(s, t) & TOK_CAP && is(s, t + 1, W_STREET))) return 1;
  /* digits beside digits: a phone number, a code, "3 1/2" */
  if (!(tflags(s, n->ts) & TOK_NUM)) return 0;
  return (tflags(s, t) & TOK_NUM) || (tflags(s, (int64_t)n->ts - 1) & TOK_NUM);
}

/* ---- qualifiers and bounds ---------------------------------------------- */

static int cl_qphrase_at(const cl_sent *s, int64_t end, const cl_qphrase *q) {
  for (int k = 0; k < q->n; k++)
    if (!eq(s, end - q->n + 1 + k, q->w[k])) return 0;
  return 1;
}

/* cl_qualify finds the qualifier before the number ("at least 20") or behind
 * it ("20 or more", "20 or so", "20 plus", "20 odd"). */
static void cl_qualify(const cl_sent *s, cl_num *n) {
  const cl_qphrase *best = NULL;
  int64_t end = (int64_t)n->ts - 1;
  if (eq(s, end, "[") || eq(s, end, "another")) end--; /* "AT LEAST [9]", "at least another 20" */
  if (eq(s, end, "of") && eq(s, end - 1, "total") && eq(s, end - 2, "a")) end -= 3;
  for (size_t i = 0; i < sizeof QUALS / sizeof *QUALS; i++)
    if ((!best || QUALS[i].n > best->n) && cl_qphrase_at(s, end, &QUALS[i])) best = &QUALS[i];
  if (best) {
    n->qual = best->q;
    n->qs = (uint32_t)(end + 1 - best->n);
    return;
  }
  if (end != (int64_t)n->ts - 1) return; /* "a total of" alone is no qualifier */
  uint32_t t = n->te;
  if (eq(s, t, "or") && (eq(s, t + 1, "more") || eq(s, t + 1, "so"))) {
    n->qual = eq(s, t + 1, "more") ? CQ_ATLEAST : CQ_APPROX;
    n->tail = t + 2;
  } else if (eq(s, t, "plus") || eq(s, t, "odd")) {
    n->qual = eq(s, t, "plus") ? CQ_ATLEAST : CQ_APPROX;
    n->tail = t + 1;
  }
}

/* cl_bounds turns what was read into quantity, low, high and a qualifier. */
static void cl_bounds(const cl_num *n, claim *c) {
  int q = n->qual;
  if ((n->flags & CN_VAGUE) && q != CQ_MORE) q = CQ_ATLEAST;
  if ((n->flags & CN_RANGE) && q == CQ_EXACT) q = CQ_APPROX;
  c->quantity = c->low = n->lo;
  c->high = n->hi;
  if (q == CQ_ATLEAST || q == CQ_MORE) c->high = INFINITY;
  if (q == CQ_ATMOST || q == CQ_UPTO || q == CQ_FEWER) c->low = 0;
  if ((q == CQ_ATMOST || q == CQ_UPTO || q == CQ_FEWER) && !(n->flags & CN_RANGE))
    c->high = n->lo;
  c->qualifier = QUAL_NAME[q];
}

/* ---- asides ------------------------------------------------------------- */

/* cl_aside_comma: the comma at i opens an aside. */
static int cl_aside_comma(const cl_sent *s, uint32_t i) {
  if (!eq(s, i, ",")) return 0;
  if (is(s, i + 1, W_ASIDE)) return 1;
  /* ", five of them Spaniards," ", five of whom were" */
  return (is(s, i + 1, W_NUM) || (tflags(s, i + 1) & TOK_NUM)) && eq(s, i + 2, "of") &&
         (eq(s, i + 3, "them") || eq(s, i + 3, "whom"));
}

/* cl_asides marks ", including 25 policemen,", "(five of them children)",
 * ", five of them Spaniards," and any pair of dashes: a link may step over an
 * aside, and a number inside one may link past its closing comma ("32 others,
 * including 25 policemen, were injured" counts both). */
static void cl_asides(cl_sent *s) {
  for (uint32_t i = 0; i + 1 < s->nt; i++) {
    if (!(tflags(s, i) & TOK_PUNCT)) continue;
    int paren = eq(s, i, "("), dash = (tflags(s, i) & TOK_DASH) != 0;
    int comma = cl_aside_comma(s, i) || (dash && is(s, i + 1, W_ASIDE));
    if (!paren && !comma && !dash) continue;
    for (uint32_t j = i + 1; j < s->nt && j <= i + CL_ASIDE; j++) {
      int close = paren ? eq(s, j, ")")
                  : comma ? eq(s, j, ",") || eq(s, j, ")") || (tflags(s, j) & TOK_DASH)
                          : (tflags(s, j) & TOK_DASH) != 0;
      if (!close) continue;
      for (uint32_t k = i; k <= j; k++) s->aside[k] = (int32_t)j;
      i = j - 1; /* the closing comma may open the next aside */
      break;
    }
  }
}

/* ---- linking a number to what it counts --------------------------------- */

/* cl_objectish: token j starts an object, so a verb just before it is active
 * ("20 rebels killed the mayor", "20 rebels killed at least 5"). */
static int cl_objectish(const cl_sent *s, uint32_t j) {
  if (is(s, j, W_OBJ) || (j < s->nt && s->num[j] >= 0)) return 1; /* "killed 65-year-old X" */
  for (uint32_t k = j; k < s->nt && k <= j + 3; k++) {
    const cl_num *n = candidate(s, k);
    if (n) return n->qs <= j;
  }
  return 0;
}

/* cl_verbish: a past participle that can take "to death" ("hacked", "beaten",
 * "burnt"), not "sentenced" or "condemned", which speak of a court. */
static int cl_verbish(const char *k) {
  size_t n = strlen(k);
  if (!strcmp(k, "sentenced") || !strcmp(k, "condemned") || n < 4) return 0;
  return !strcmp(k + n - 2, "ed") || !strcmp(k + n - 2, "en") || k[n - 1] == 't';
}

/* cl_life: "lives" counts deaths only as the object of a taking verb:
 * "claimed 20 lives", "20 people lost their lives", not "saved 20 lives". */
static int cl_life(const cl_sent *s, uint32_t j) {
  for (int64_t k = (int64_t)j - 1; k >= 0 && k >= (int64_t)j - 4; k--)
    if (is(s, k, W_LIFE)) return 1;
  return 0;
}

/* cl_fled: "fled" counts the displaced with what is fled ("fled their homes",
 * "fled the fighting"); "flee" after "to" ("forced to flee"). */
static int cl_fled(const cl_sent *s, uint32_t j) {
  if (eq(s, j, "flee") && eq(s, (int64_t)j - 1, "to")) return 1;
  for (uint32_t k = j + 1; k < s->nt && k <= j + 3; k++)
    if (is(s, k, W_HOME)) return 1;
  return 0;
}

/* cl_pair: "killed and wounded", "killing or injuring": the two together
 * count casualties. j is the second trigger, k the first. */
static int cl_pair(const cl_sent *s, int64_t k, int64_t j) {
  const cl_word *a = trig(s, k), *b = trig(s, j);
  if (!a || !b || !(eq(s, k + 1, "and") || eq(s, k + 1, "or"))) return 0;
  return (a->kind == CK_KILLED && b->kind == CK_WOUNDED) ||
         (a->kind == CK_WOUNDED && b->kind == CK_KILLED);
}

/* cl_things: the counted phrase names things, not people, and the trigger
 * also takes things: "captured 41 positions", "two towns were captured",
 * "20 villages were evacuated"; "held" counts only people ("2,600 elections
 * will be held", "shares are held by"). */
static int cl_things(const cl_sent *s, int64_t j, const cl_np *np) {
  static const char *const TAKES_THINGS[] = {"captured", "capture",   "capturing",
                                             "evacuated", "evacuating", "evacuation"};
  if (eq(s, j, "held")) return !np->person;
  for (size_t i = 0; i < sizeof TAKES_THINGS / sizeof *TAKES_THINGS; i++)
    if (eq(s, j, TAKES_THINGS[i])) return np->thing && !np->people;
  return 0;
}

/* cl_corpses: "bodies" counts the dead only right after the number or after
 * a word like "burnt" or "mutilated": not "five research bodies". */
static int cl_corpses(const cl_sent *s, uint32_t j, const cl_np *np) {
  if (np->words == 0) return 1;
  const char *k = K(s, (int64_t)j - 1);
  size_t n = strlen(k);
  return np->words == 1 && n > 3 && (!strcmp(k + n - 2, "ed") || k[n - 1] == 't');
}

/* cl_month_may: "may" at k is the month ("in May 2017", "May 9"). */
static int cl_month_may(const cl_sent *s, int64_t k) {
  if (!eq(s, k, "may")) return 0;
  if (tflags(s, k + 1) & TOK_NUM) return 1;
  return s->td->casing == TEXT_MIXED && (tflags(s, k) & TOK_CAP) && k > 0;
}

/* cl_modal: a modal before j makes what follows a forecast or a wish, not a
 * count: "thousands will die", "could be killed", "threatened to kill 20";
 * "may have been killed" is an estimate and stays. */
static int cl_modal(const cl_sent *s, int64_t j) {
  static const char *const MODALS[] = {"will", "would", "could", "can",  "might",
                                       "may",  "should", "must", "shall"};
  if (eq(s, j, "flee")) return 0; /* "forced to flee" is done */
  if (eq(s, j - 1, "to")) return 1;
  for (int64_t k = j - 1; k >= 0 && k >= j - 3; k--)
    for (size_t i = 0; i < sizeof MODALS / sizeof *MODALS; i++)
      if (eq(s, k, MODALS[i]) && !eq(s, k + 1, "have") && !cl_month_may(s, k)) return 1;
  return 0;
}

/* Auxiliaries seen in a verb group: only "have" makes a perfect, active
 * ("20 rebels have killed"); any form of "be" makes a passive. */
enum { CL_HAVE = 1, CL_BE = 2 };

/* cl_after_kind: the kind a trigger at j gives a number before it, or CK_NONE
 * (then the scan stops). aux says which auxiliaries came between. */
static int cl_after_kind(const cl_sent *s, uint32_t j, int aux, const cl_np *np) {
  const cl_word *w = trig(s, j);
  int kind = w->kind;
  if (eq(s, j, "death"))
    return eq(s, (int64_t)j - 1, "to") && cl_verbish(K(s, (int64_t)j - 2)) ? CK_KILLED : CK_NONE;
  if (!(w->form & (F_P | F_N)) || (!(w->form & F_P) && np->nonaux)) return CK_NONE;
  if (np->pp && !np->verb) return CK_NONE; /* "700 women in camps for displaced people" */
  if ((w->form & F_AUX) && !aux) return CK_NONE;
  if (cl_things(s, j, np) || cl_modal(s, j)) return CK_NONE;
  if (eq(s, j, "bodies") && !cl_corpses(s, j, np)) return CK_NONE;
  if (np->part && !np->verb) return CK_NONE; /* "one of eight nurses killed": the eight */
  if (!(w->form & F_P) && np->one_of) return CK_NONE; /* "one of their hostages" names one */
  if (eq(s, j, "lives") && !cl_life(s, j)) return CK_NONE;
  if (eq(s, j, "die") && eq(s, j + 1, "hard")) return CK_NONE; /* "die-hard activists" */
  if (eq(s, j, "dead") && eq(s, j + 1, "weight")) return CK_NONE; /* "460,000 dead weight tons" */
  if ((eq(s, j, "fled") || eq(s, j, "flee")) && !cl_fled(s, j)) return CK_NONE;
  if ((w->form & F_TRQ) && !np->troop && !np->police) return CK_NONE;
  if ((w->form & F_V) && !aux && cl_objectish(s, j + 1))
    return CK_NONE; /* active: "20 rebels killed the mayor", "killed 3 and injured another 7" */
  if ((w->form & (F_V | F_AUX)) && aux == CL_HAVE) return CK_NONE; /* "have held sway" */
  if (eq(s, j + 1, "hostage") || eq(s, j + 1, "prisoner") || eq(s, j + 1, "captive"))
    return CK_CAPTURED; /* "held hostage", "taken prisoner" */
  if (cl_pair(s, j, j + 2)) return CK_CASUALTIES;
  if (kind == CK_WOUNDED && (eq(s, (int64_t)j - 1, "fatally") || eq(s, (int64_t)j - 1, "mortally")))
    return CK_KILLED;
  return kind;
}

/* cl_tight: token j may stand between a number and "troops" in a noun
 * phrase: part of an actor ("North Korean"), a known modifier, or a
 * capitalised word in mixed-case text. */
static int cl_tight(const cl_sent *s, uint32_t j) {
  if (s->men[j] >= 0 || is(s, j, W_MOD | W_DET)) return 1;
  return s->td->casing == TEXT_MIXED && (tflags(s, j) & TOK_CAP);
}

/* cl_skip_aside: where a forward scan from number n goes on after token j:
 * past an aside that n is not in, past the closing comma of n's own aside. */
static uint32_t cl_skip_aside(const cl_sent *s, const cl_num *n, uint32_t j) {
  int32_t own = s->aside[n->ts], a = s->aside[j];
  if (a < 0) return j;
  if (a == own) return (int32_t)j == own ? j + 1 : j;
  return (uint32_t)a + 1;
}

/* cl_coordinated: the number at j is joined to the phrase before it by "and"
 * or "or" ("six priests and (the) two women"). */
static int cl_coordinated(const cl_sent *s, int64_t j) {
  if (is(s, j - 1, W_DET)) j--;
  return eq(s, j - 1, "and") || eq(s, j - 1, "or");
}

/* cl_partitive: number m is the whole in "two of the three militants". */
static int cl_partitive(const cl_sent *s, const cl_num *m) {
  int64_t k = (int64_t)m->qs - 1;
  if (is(s, k, W_DET)) k--;
  return k >= 1 && eq(s, k, "of") && s->num[k - 1] >= 0;
}

/* cl_passable: what a forward scan does at a token that is not a trigger:
 * 1 go on, 0 stop, 2 go on past the number at *j (moved to its last token):
 * a coordinated number or the whole of a partitive. */
static int cl_passable(const cl_sent *s, uint32_t *j, int verb, cl_np *np) {
  const cl_num *m = candidate(s, *j);
  if (s->num[*j] >= 0 && m) {
    if (!verb && cl_partitive(s, m)) {
      *j = m->tail - 1; /* "two of the three militants were killed": the two */
      np->part = 1;
      return 2;
    }
    if (verb || !cl_coordinated(s, *j) || m->ts != *j) return 0;
    *j = m->tail - 1; /* "six priests and two women were killed": both */
    np->weak = 1;
    return 2;
  }
  uint32_t f = tflags(s, *j);
  if ((f & TOK_QUOTE) || eq(s, *j, "[") || eq(s, *j, "]")) return 1;
  if (eq(s, *j, ",") && !verb && (eq(s, *j + 1, "who") || eq(s, *j + 1, "which"))) {
    np->weak = 1; /* "six priests, who were killed" */
    return 1;
  }
  return !(f & TOK_PUNCT);
}

/* The state of a forward scan: the noun phrase, then the verb group. */
typedef struct cl_scan {
  int aux;           /* CL_HAVE | CL_BE seen in the verb group */
  int words, free;   /* noun phrase words since the last coordinated number; unknown verb words */
  int tight;         /* only actor words and modifiers so far: "troops" may head it */
  int inhead;        /* before any preposition */
  int insubj;        /* still in the words the subject is sought in */
} cl_scan;

/* cl_np_word takes word j into the noun phrase; 0 when it is one too many. */
static int cl_np_word(const cl_sent *s, uint32_t j, cl_np *np, cl_scan *sc) {
  if (is(s, j, W_DET)) {
    np->end = j + 1;
    if (sc->insubj) np->subj_end = j + 1;
    np->person |= is(s, j, W_PERSON); /* "others" */
    return 1;
  }
  if (is(s, j, W_TROOP | W_POLICE) && sc->tight) {
    np->troop |= is(s, j, W_TROOP);
    np->police |= is(s, j, W_POLICE);
  }
  sc->tight = sc->tight && cl_tight(s, j);
  if (++sc->words > CL_NP) return np->cut = 1, 0;
  np->end = j + 1;
  np->words++;
  np->person |= s->men[j] >= 0 || is(s, j, W_PERSON);
  if (is(s, j, W_PREP)) sc->inhead = 0;
  if (is(s, j, W_PREP) && !eq(s, j, "of")) sc->insubj = 0, np->pp = 1;
  if (sc->insubj) np->subj_end = j + 1;
  np->head += sc->inhead;
  np->people |= sc->inhead && is(s, j, W_PERSON | W_TROOP | W_POLICE);
  np->thing |= sc->inhead && is(s, j, W_THING);
  return 1;
}

/* cl_verb_word takes word j into the verb group: auxiliaries, adverbs,
 * "reported", "feared", "who"; 0 when it is not one. */
static int cl_verb_word(const cl_sent *s, uint32_t j, cl_np *np, cl_scan *sc) {
  const char *key = K(s, j);
  size_t kl = strlen(key);
  if (!is(s, j, W_BRIDGE) && !(kl > 3 && !strcmp(key + kl - 2, "ly"))) return 0;
  np->weak |= eq(s, j, "who") || eq(s, j, "that") || eq(s, j, "which");
  np->ownverb |= sc->inhead && !np->weak && !np->verb;
  np->verb = 1;
  if (is(s, j, W_AUX))
    sc->aux |= eq(s, j, "have") || eq(s, j, "has") || eq(s, j, "had") ? CL_HAVE : CL_BE;
  np->nonaux |= !is(s, j, W_AUX);
  return 1;
}

/* cl_forward links a number to what follows it: its noun phrase (at most
 * CL_NP words, and "troops" only as its head), then a verb group of
 * auxiliaries, adverbs and at most CL_FREE other words ("were shot dead"),
 * then the trigger. Fills *np for the subject and deployment tests. */
static int cl_forward(const cl_sent *s, const cl_num *n, cl_np *np) {
  cl_scan sc = {.tight = 1, .inhead = 1, .insubj = 1};
  memset(np, 0, sizeof *np);
  np->end = np->subj_end = n->tail;
  np->one_of = n->lo == 1 && n->hi == 1 && eq(s, n->tail, "of");
  for (uint32_t j = n->tail; j < s->nt && j < n->tail + CL_FWD; j++) {
    uint32_t k = cl_skip_aside(s, n, j);
    if (k != j) {
      j = k - 1;
      continue;
    }
    int go = cl_passable(s, &j, np->verb, np);
    if (!go) break;
    if (go == 2) {
      sc.words = 0;
      sc.insubj &= np->part; /* "six priests and two women": the subject is the priests */
      continue;
    }
    if (trig(s, j)) {
      /* a noun names who was counted, a verb before says what befell them:
       * "murdering two dozen hostages" is killed, "took 20 hostages" captured */
      np->weak |= !np->verb && !(trig(s, j)->form & F_P);
      return cl_after_kind(s, j, sc.aux, np);
    }
    if (eq(s, j, "alive") && (eq(s, j - 1, "burnt") || eq(s, j - 1, "burned"))) return CK_KILLED;
    if (tflags(s, j) & (TOK_QUOTE | TOK_PUNCT)) continue;
    if (cl_verb_word(s, j, np, &sc)) continue;
    if (np->verb) {
      np->nonaux = 1;
      if (++sc.free > CL_FREE) break;
    } else if (!cl_np_word(s, j, np, &sc))
      break;
  }
  return CK_NONE;
}

/* cl_before_kind: what the trigger at k, just before number n, counts. */
static int cl_before_kind(const cl_sent *s, int64_t k, int form, const cl_np *np) {
  const cl_word *w = trig(s, k);
  if (!w || !(w->form & form)) return CK_NONE;
  if ((w->form & F_TRQ) && !np->troop && !np->police) return CK_NONE;
  if (cl_things(s, k, np) || (form == F_V && cl_modal(s, k))) return CK_NONE;
  if (eq(s, k, "lives") && !cl_life(s, (uint32_t)k)) return CK_NONE;
  if (cl_pair(s, k - 2, k)) return CK_CASUALTIES;
  return w->kind;
}

/* cl_backward links a number to a verb or an "X of" before it: "killing 20",
 * "arrested close to 4,000", "shot dead 98", "the murder of six", "claimed the
 * lives of 100", "the deployment of a total of 2,000 troops". */
static int cl_backward(const cl_sent *s, const cl_num *n, const cl_np *np) {
  int64_t k = (int64_t)n->qs - 1;
  if (eq(s, k, "of") && eq(s, k - 1, "total") && eq(s, k - 2, "a")) k -= 3;
  for (int d = 0; d < 2 && is(s, k, W_DET) && !is(s, k, W_TRIG); d++) k--;
  if (eq(s, k, "dead") && eq(s, k - 1, "shot")) return CK_KILLED;
  if ((eq(s, k, "up") || eq(s, k, "down")) && trig(s, k - 1)) k--; /* "rounded up 30" */
  /* "Hezbollah has lost more than 1,700 fighters", not "lost 3,000 jobs" */
  if ((eq(s, k, "lost") || eq(s, k, "lose") || eq(s, k, "losing")) && np->people && !cl_modal(s, k))
    return CK_KILLED;
  int kind = cl_before_kind(s, k, F_V, np);
  if (kind || !eq(s, k, "of")) return kind;
  k--;
  if (eq(s, k, "the")) k--;
  return cl_before_kind(s, k, F_OF, np);
}

/* cl_np_gap: tokens [a, b) could be one noun phrase: no punctuation but
 * quotes, no verb group, no trigger, at most CL_NP words; asides are
 * stepped over. */
static int cl_np_gap(const cl_sent *s, uint32_t a, int64_t b) {
  if (b < (int64_t)a) return 0;
  for (uint32_t k = a, words = 0; k < b; k++) {
    if (s->aside[k] >= 0 && (b <= s->aside[k] || s->aside[a] != s->aside[k])) {
      k = (uint32_t)s->aside[k]; /* step over an aside: "six Jesuits, five of whom ..., and" */
      continue;
    }
    if (++words > CL_NP) return 0;
    uint32_t f = tflags(s, k);
    if (f & TOK_QUOTE) continue;
    if ((f & TOK_PUNCT) || is(s, k, W_BRIDGE | W_TRIG | W_SPEECH)) return 0;
  }
  return 1;
}

/* cl_inherit: a number with no link of its own takes the kind of the number
 * before it when it is coordinated with it ("the murder of six Jesuits and
 * two women", "killing 20 soldiers, 30 civilians and 5 police") or in an
 * aside after it ("murdered 19 people, including 10 children,"). Not when it
 * has its own verb group ("arrested 20 and 30 were released"). */
static int cl_inherit(const cl_sent *s, uint32_t i, const cl_np *np) {
  const cl_num *n = &s->nums[i], *p = NULL;
  int32_t own = s->aside[n->ts];
  for (uint32_t k = i; k-- > 0 && !p;) /* the number before, not one in another aside */
    if (!(s->nums[k].flags & (CN_SKIP | CN_FROM)) && (s->aside[s->nums[k].ts] < 0 ||
                                                      s->aside[s->nums[k].ts] == own))
      p = &s->nums[k];
  if (!p || !p->kind || np->ownverb || np->one_of) return CK_NONE;
  int64_t c = (int64_t)n->qs - 1;
  if (is(s, c, W_DET)) c--;
  int32_t a = s->aside[n->ts];
  if (a >= 0 && s->aside[p->ts] != a) {
    while (c >= 0 && s->aside[c] == a) c--;
    return cl_np_gap(s, p->tail, c + 1) ? p->kind : CK_NONE;
  }
  int list = eq(s, c, ",") && (eq(s, np->end, "and") || eq(s, np->end, ","));
  if (!list && !eq(s, c, "and") && !eq(s, c, "or")) return CK_NONE;
  if (eq(s, c - 1, ",")) c--; /* "..., and two women" */
  return cl_np_gap(s, p->tail, c) ? p->kind : CK_NONE;
}

/* cl_toll_head: the kind a toll at token i announces, or CK_NONE: "death
 * toll", "the toll", "casualty toll", "body count", "the number of people
 * killed", "the number of dead". */
static int cl_toll_head(const cl_sent *s, uint32_t i, uint32_t *after) {
  *after = i + 1;
  if (is(s, i, W_TOLL) || (eq(s, i, "count") && (eq(s, (int64_t)i - 1, "death") ||
                                                 eq(s, (int64_t)i - 1, "body")))) {
    const char *p = K(s, (int64_t)i - 1);
    if (!strcmp(p, "casualty")) return CK_CASUALTIES;
    if (!strcmp(p, "injury")) return CK_WOUNDED;
    return CK_KILLED;
  }
  /* "a number of" is "several", not a count's head */
  if (!eq(s, i, "number") || !eq(s, i + 1, "of") || eq(s, (int64_t)i - 1, "a")) return CK_NONE;
  for (uint32_t j = i + 2; j < s->nt && j <= i + 4; j++) {
    const cl_word *w = trig(s, j);
    if (w && (w->form & (F_P | F_N)) && !(w->form & F_TRQ)) {
      *after = j + 1;
      return w->kind;
    }
  }
  return CK_NONE;
}

/* cl_tolls gives the first countable number after each toll the toll's kind:
 * "the death toll from Monday's attack rose to 30". */
static void cl_tolls(cl_sent *s) {
  for (uint32_t i = 0; i < s->nt; i++) {
    uint32_t j;
    if (!is(s, i, W_HEAD)) continue;
    int kind = cl_toll_head(s, i, &j);
    if (!kind) continue;
    for (uint32_t end = j + CL_TOLL; j < s->nt && j < end; j++) {
      const char *k = K(s, j);
      if (!strcmp(k, ".") || !strcmp(k, ";") || !strcmp(k, ":") || is(s, j, W_TOLL)) break;
      cl_num *n = s->num[j] >= 0 ? &s->nums[s->num[j]] : NULL;
      if (!n || (n->flags & (CN_SKIP | CN_FROM))) continue;
      if (!n->toll) n->toll = kind;
      break;
    }
  }
}

/* ---- whose count, and who says ------------------------------------------ */

/* cl_subject: the actor of the counted noun phrase, the one nearest its head;
 * "of X" belongs to it ("members of the FMLN"), "in Syria" does not. */
static int cl_subject(const cl_sent *s, const cl_num *n, const cl_np *np) {
  int best = -1;
  for (uint32_t j = n->ts; j < np->subj_end && j < s->nt; j++)
    if (s->men[j] >= 0) best = s->men[j];
  return best;
}

/* cl_speaker_near: the actor just before a speech verb at j ("police said"),
 * or just after it when it follows a comma or a quote ("..., said police").
 * Not a place ("in San Salvador said") nor across "and" ("X ... and said"). */
static int cl_speaker_near(const cl_sent *s, uint32_t j) {
  for (int64_t k = (int64_t)j - 1; k >= 0 && k >= (int64_t)j - 4; k--) {
    if (k == (int64_t)j - 1 && (eq(s, k, "and") || eq(s, k, "or")))
      return -1; /* "... in Salvador and said": the speaker is far back */
    if (s->men[k] >= 0) {
      int64_t b = k; /* a place after a preposition does not speak: "police in Baghdad said" */
      while (b > 0 && s->men[b - 1] == s->men[k]) b--;
      if (!is(s, b - 1, W_PREP)) return s->men[k];
      k = b - 1;
      continue;
    }
    if ((tflags(s, k) & TOK_PUNCT) && !(tflags(s, k) & TOK_QUOTE)) break;
  }
  if (j > 0 && !(tflags(s, (int64_t)j - 1) & TOK_PUNCT)) return -1;
  for (uint32_t k = j + 1; k < s->nt && k <= j + 3; k++)
    if (s->men[k] >= 0) return s->men[k];
  return -1;
}

/* cl_is_speech: a speech verb that gives a figure. Not "an estimated 20",
 * "were reported killed" (no speaker), "claimed 20 lives", and "put" only
 * with a toll or figure ("put the toll at five"). */
static int cl_is_speech(const cl_sent *s, uint32_t j) {
  if (!is(s, j, W_SPEECH) || eq(s, j, "according")) return 0;
  int64_t p = (int64_t)j - 1;
  if (eq(s, p, "an") || eq(s, p, "a") || eq(s, p, "the") || is(s, p, W_AUX)) return 0;
  for (uint32_t k = j + 1; k < s->nt && k <= j + 4; k++) {
    if (eq(s, k, "lives") && is(s, j, W_LIFE)) return 0;
    if (is(s, k, W_TOLL) || eq(s, k, "figure") || eq(s, k, "number")) return 1;
  }
  return !eq(s, j, "put") && !eq(s, j, "puts");
}

/* cl_cues finds who gives figures in the sentence: "according to X", "X said",
 * "said X", "X reported/estimated". */
static void cl_cues(cl_sent *s) {
  s->ncue = 0;
  for (uint32_t j = 0; j < s->nt; j++) {
    int m = -1;
    if (!is(s, j, W_SPEECH)) continue;
    if (eq(s, j, "according") && eq(s, j + 1, "to")) {
      for (uint32_t k = j + 2; k < s->nt && k < j + 2 + CL_CUE && m < 0; k++) m = s->men[k];
    } else if (cl_is_speech(s, j))
      m = cl_speaker_near(s, j);
    if (m >= 0) s->cues[s->ncue++] = (cl_cue){j, m};
  }
}

/* cl_attribution: the speaker nearest the number, unless it is the subject. */
static int cl_attribution(const cl_sent *s, const cl_num *n, int subject) {
  int best = -1;
  uint32_t dist = UINT32_MAX;
  for (uint32_t i = 0; i < s->ncue; i++) {
    uint32_t t = s->cues[i].tok, d = t > n->ts ? t - n->ts : n->ts - t;
    if (d < dist && s->cues[i].men != subject) dist = d, best = s->cues[i].men;
  }
  return best;
}

/* ---- driving ------------------------------------------------------------ */

typedef struct cl_out {
  arena *a;
  claim *c;
  size_t n, cap;
} cl_out;

static int cl_push(cl_out *o, const claim *c) {
  if (o->n == o->cap) {
    size_t cap = o->cap ? 2 * o->cap : 16;
    claim *p = arena_grow(o->a, o->c, o->cap * sizeof *o->c, cap * sizeof *o->c);
    if (!p) return ERR_NOMEM;
    o->c = p;
    o->cap = cap;
  }
  o->c[o->n++] = *c;
  return ERR_OK;
}

/* cl_kind: the links in order of strength: what follows the number, what
 * precedes it, the number it is coordinated with, a forward link through
 * "and" or "who", a toll, and last a troop noun standing alone. */
static int cl_kind(const cl_sent *s, uint32_t i, cl_np *np) {
  const cl_num *n = &s->nums[i];
  int fwd = cl_forward(s, n, np);
  if (cl_partitive(s, n) && np->verb) fwd = CK_NONE; /* "32 of the 543 were dead": the 32 */
  if (fwd && !np->weak) return fwd;
  int kind = cl_backward(s, n, np);
  if (!kind) kind = cl_inherit(s, i, np);
  if (!kind) kind = fwd;
  if (!kind) kind = n->toll;
  if (!kind && np->troop && !np->cut) kind = CK_DEPLOYED;
  return kind;
}

static int cl_emit(cl_sent *s, cl_out *o) {
  for (uint32_t i = 0; i < s->nnum; i++) {
    cl_num *n = &s->nums[i];
    if (n->flags & (CN_SKIP | CN_FROM)) continue;
    cl_np np;
    int kind = n->kind = cl_kind(s, i, &np);
    if (!kind) continue;
    const text_token *t = s->td->tok + s->t0;
    claim c = {.sent = s->si, .num_start = t[n->ts].start, .num_end = t[n->te - 1].end};
    cl_bounds(n, &c);
    c.kind = KIND_NAME[kind];
    c.subject = cl_subject(s, n, &np);
    c.attribution = cl_attribution(s, n, c.subject);
    if (cl_push(o, &c)) return ERR_NOMEM;
  }
  return ERR_OK;
}

/* cl_numbers reads every number of the sentence and strikes out non-counts;
 * qualifiers are read first because "about 2000" is a count, not a year. */
static void cl_numbers(cl_sent *s) {
  s->nnum = 0;
  for (uint32_t i = 0; i < s->nt; i++) {
    cl_num *n = &s->nums[s->nnum];
    if (!cl_read(s, i, n)) continue;
    if (!(n->flags & CN_SKIP)) {
      cl_qualify(s, n);
      if (cl_not_count(s, n)) n->flags |= CN_SKIP;
    }
    for (uint32_t k = n->ts; k < n->te; k++) s->num[k] = (int32_t)s->nnum;
    s->nnum++;
    i = n->te - 1;
  }
}

/* cl_mentions maps the sentence's tokens to actor mentions; *next walks the
 * document's mentions, which are in text order. A longer mention wins. */
static void cl_mentions(cl_sent *s, size_t *next) {
  const actor_list *al = s->al;
  if (!al) return;
  while (*next < al->n && al->m[*next].sent < s->si) ++*next;
  for (size_t i = *next; i < al->n && al->m[i].sent == s->si; i++) {
    const actor_mention *m = &al->m[i];
    for (uint32_t t = m->tok; t < m->tok + m->ntok; t++) {
      if (t < s->t0 || t >= s->t0 + s->nt) continue;
      int32_t *p = &s->men[t - s->t0];
      if (*p < 0 || al->m[*p].ntok < m->ntok) *p = (int32_t)i;
    }
  }
}

/* What a sentence needs to hold a claim: a number, that is a token starting
 * with a digit, a word that may start a number, or a hyphenated word
 * ("thirty-five": cl_read takes it apart). */
#define CL_NUMBERISH (W_NUM | W_SCALE | W_VAGUE)
#define CL_DIGIT (1u << 31)
/* ... and a word that can link a number to what it counts: a trigger, a toll,
 * troops or police, "lives", or one of the words the links below test by
 * name (CL_NAMED, set by cl_prepare). */
#define CL_NAMED (1u << 30)
#define CL_LINKING (W_TRIG | W_TOLL | W_TROOP | W_POLICE | W_HEAD | W_LIFE | CL_NAMED)

/* cl_named: a word the linking code tests by name rather than by class, of
 * those the word table does not class as linking already ("lives", "toll",
 * "held", "dead" ... are triggers or heads there). Called for the words the
 * table lacks. */
static int cl_named(const char *k) {
  switch (k[0]) { /* by first letter: a sentence with a number asks this of most of its words */
  case 'a': return !strcmp(k, "alive");
  case 'b': return !strcmp(k, "burnt") || !strcmp(k, "burned");
  case 'c': return !strcmp(k, "captive");
  case 'f': return !strcmp(k, "figure");
  case 'l': return !strcmp(k, "lose");
  case 's': return !strcmp(k, "shot");
  case 't': return !strcmp(k, "total");
  default: return 0;
  }
}

/* cl_prepare reads the sentence's words; returns the union of their classes,
 * with CL_DIGIT when a token may be a number in digits or hyphenated words.
 * It runs on every token of every document, so a plain ASCII token with no
 * hyphen (most of them) is folded and hashed in one pass (wh_fold); the rest
 * go through text_key. */
static uint32_t cl_prepare(cl_sent *s, const text_sentence *ts) {
  uint32_t any = 0;
  s->t0 = ts->tok;
  s->nt = ts->ntok;
  for (uint32_t i = 0; i < s->nt; i++) {
    const text_token *t = &s->td->tok[s->t0 + i];
    const char *p = s->td->z + t->start;
    size_t n = t->end - t->start;
    char *key = s->key[i];
    uint32_t h;
    if (n < CL_KEY && wh_fold(p, n, key, &h) == n) {
      key[n] = 0;
      s->w[i] = cl_lookup_hashed(key, h);
      if (key[0] >= '0' && key[0] <= '9') any |= CL_DIGIT;
    } else {
      size_t k = text_key(p, n, key, CL_KEY);
      key[k] = 0;
      s->w[i] = cl_lookup(key);
      if ((key[0] >= '0' && key[0] <= '9') || strchr(key, '-')) any |= CL_DIGIT;
    }
    if (s->w[i]) any |= s->w[i]->cls;
  }
  return any;
}

/* cl_alloc sizes the per-sentence scratch for the longest sentence: the keys
 * and table entries that cl_prepare fills for every sentence, and (when
 * links is set) the rest, which only a sentence that may hold a claim
 * needs, so that a document with none does not allocate it. Each array is
 * filled before it is read. */
static int cl_alloc(arena *a, cl_sent *s, uint32_t max, int links) {
  size_t m = max ? max : 1;
  if (!links) {
    s->key = arena_alloc(a, m * sizeof *s->key);
    s->w = arena_alloc(a, m * sizeof *s->w);
    return s->key && s->w ? ERR_OK : ERR_NOMEM;
  }
  s->men = arena_alloc(a, m * sizeof *s->men);
  s->aside = arena_alloc(a, m * sizeof *s->aside);
  s->num = arena_alloc(a, m * sizeof *s->num);
  s->nums = arena_alloc(a, m * sizeof *s->nums);
  s->cues = arena_alloc(a, m * sizeof *s->cues);
  return s->men && s->aside && s->num && s->nums && s->cues ? ERR_OK : ERR_NOMEM;
}

int claim_find(arena *a, const text_doc *td, const actor_list *actors, claim_list *out) {
  out->c = NULL;
  out->n = 0;
  pthread_once(&CL_ONCE, cl_index_build);
  uint32_t max = 0;
  for (uint32_t i = 0; i < td->nsent; i++)
    if (td->sent[i].ntok > max) max = td->sent[i].ntok;
  cl_sent s = {.td = td, .al = actors};
  if (cl_alloc(a, &s, max, 0)) return ERR_NOMEM;
  cl_out o = {.a = a};
  size_t next = 0;
  for (uint32_t i = 0; i < td->nsent; i++) {
    s.si = i;
    uint32_t any = cl_prepare(&s, &td->sent[i]);
    /* many sentences have no number at all, or nothing a number could count */
    if (!(any & (CL_NUMBERISH | CL_DIGIT))) continue;
    for (uint32_t t = 0; t < s.nt && !(any & CL_LINKING); t++)
      if (!s.w[t] && cl_named(s.key[t])) any |= CL_NAMED;
    if (!(any & CL_LINKING)) continue;
    if (!s.men && cl_alloc(a, &s, max, 1)) return ERR_NOMEM;
    for (uint32_t t = 0; t < s.nt; t++) s.men[t] = s.aside[t] = s.num[t] = -1;
    cl_mentions(&s, &next);
    cl_asides(&s);
    cl_numbers(&s);
    cl_tolls(&s);
    cl_cues(&s);
    if (cl_emit(&s, &o)) return ERR_NOMEM;
  }
  out->c = o.c;
  out->n = o.n;
  return ERR_OK;
}
