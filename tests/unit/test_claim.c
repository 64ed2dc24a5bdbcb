/* Unit tests for casualty and count claims: every number form, qualifier and
 * kind claim.h lists, the links that make a number a claim and the ones that
 * must not, and every kind of number that is not a count. The sentences are
 * written here; the dictionary is a small one written here too (the shipped
 * dictionaries are exercised by the conformance tests). Each case says why. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "actor.h"
#include "claim.h"
#include "dict.h"
#include "testdict.h"
#include "err.h"

static const char DICT[] =
    "!kind actors\n"
    "Iraq => IRQ\n"
    "Iraqi | Iraqis => IRQ {demonym}\n"
    "North Korea => PRK\n"
    "North Korean | North Koreans => PRK {demonym}\n"
    "Russia => RUS\n"
    "Russian | Russians => RUS {demonym}\n"
    "Red Cross => NGOHLH {ngo}\n"
    "!kind agents\n"
    "troops | soldiers => MIL\n"
    "police | policemen => COP\n"
    "ministry | defence ministry | officials => GOV\n"
    "people | civilians => CVL\n";

static dict *D;

/* fmt_num prints a figure: an integer, or "inf" for an open bound. */
static void fmt_num(char *out, size_t n, double v) {
  if (isinf(v)) snprintf(out, n, "inf");
  else snprintf(out, n, "%.0f", v);
}

/* claims returns, for each claim, kind qualifier quantity/low/high "number"
 * and s=subject a=attribution when there are; "; " between claims. */
static const char *claims(const char *text) {
  static char out[4096];
  arena a;
  arena_init(&a, 0);
  text_doc td;
  actor_list al;
  claim_list cl;
  assert_int_equal(text_segment(&a, text, strlen(text), &td), 0);
  assert_int_equal(actor_find(D, &a, &td, 20240101, &al), 0);
  assert_int_equal(claim_find(&a, &td, &al, &cl), 0);
  out[0] = 0;
  for (size_t i = 0; i < cl.n; i++) {
    const claim *c = &cl.c[i];
    char q[32], lo[32], hi[32], one[512];
    fmt_num(q, sizeof q, c->quantity);
    fmt_num(lo, sizeof lo, c->low);
    fmt_num(hi, sizeof hi, c->high);
    snprintf(one, sizeof one, "%s%s %s %s/%s/%s \"%.*s\"", i ? "; " : "", c->kind, c->qualifier,
             q, lo, hi, (int)(c->num_end - c->num_start), text + c->num_start);
    strcat(out, one);
    if (c->subject >= 0) {
      const actor_mention *m = &al.m[c->subject];
      snprintf(one, sizeof one, " s=%.*s", (int)(m->end - m->start), text + m->start);
      strcat(out, one);
    }
    if (c->attribution >= 0) {
      const actor_mention *m = &al.m[c->attribution];
      snprintf(one, sizeof one, " a=%.*s", (int)(m->end - m->start), text + m->start);
      strcat(out, one);
    }
  }
  arena_free(&a);
  return out;
}

typedef struct ccase {
  const char *why, *in, *want;
} ccase;

/* Numbers as written. */
static const ccase NUMBERS[] = {
    {"digits with a thousands comma", "Floods displaced 5,000 villagers.",
     "displaced exact 5000/5000/5000 \"5,000\""},
    {"a decimal with a scale word", "About 1.5 million people have fled their homes.",
     "displaced approximately 1500000/1500000/1500000 \"1.5 million\" s=people"},
    {"digits with a scale word", "The war has created 3 million refugees.",
     "displaced exact 3000000/3000000/3000000 \"3 million\""},
    {"words with a scale word", "Five thousand protesters were arrested.",
     "arrested exact 5000/5000/5000 \"Five thousand\""},
    {"a hyphenated number word", "Twenty-three soldiers were killed.",
     "killed exact 23/23/23 \"Twenty-three\" s=soldiers"},
    {"tens and units as two words", "Twenty three soldiers were killed.",
     "killed exact 23/23/23 \"Twenty three\" s=soldiers"},
    {"hundred and tens", "One hundred and twenty villagers died in the fire.",
     "killed exact 120/120/120 \"One hundred and twenty\""},
    {"a dozen", "A dozen villagers were injured.", "wounded exact 12/12/12 \"A dozen\""},
    {"half a dozen", "Half a dozen guards were wounded.", "wounded exact 6/6/6 \"Half a dozen\""},
    {"half a million, not a million", "Half a million villagers have died.",
     "killed exact 500000/500000/500000 \"Half a million\""},
    {"dozens: at least two dozen", "Dozens of protesters were arrested.",
     "arrested at least 24/24/inf \"Dozens\""},
    {"hundreds of thousands: at least 200,000", "Hundreds of thousands fled their homes.",
     "displaced at least 200000/200000/inf \"Hundreds of thousands\""},
    {"tens of thousands: at least 20,000", "Tens of thousands were displaced by the floods.",
     "displaced at least 20000/20000/inf \"Tens of thousands\""},
    {"scores of: at least 40", "Scores of civilians were killed.",
     "killed at least 40/40/inf \"Scores\" s=civilians"},
    {"several hundred: at least 200", "Several hundred guards were captured.",
     "captured at least 200/200/inf \"Several hundred\""},
    {"the Indian scale word lakh", "Nearly 2 lakh villagers were displaced.",
     "displaced approximately 200000/200000/200000 \"2 lakh\""},
    {"ALL CAPS wire text", "FOUR PEASANTS WERE KILLED AND TWO OTHERS WERE WOUNDED.",
     "killed exact 4/4/4 \"FOUR\"; wounded exact 2/2/2 \"TWO\""},
    {"lower-cased text", "as many as 98 people were killed in police firing.",
     "killed up to 98/0/98 \"98\" s=people"},
};

/* Ranges and changes. */
static const ccase RANGES[] = {
    {"between X and Y, with between in the span", "Between 10 and 15 villagers died.",
     "killed approximately 10/10/15 \"Between 10 and 15\""},
    {"a range in one token", "10-15 guards were wounded.",
     "wounded approximately 10/10/15 \"10-15\""},
    {"X to Y", "Gunmen kidnapped 10 to 15 villagers.",
     "captured approximately 10/10/15 \"10 to 15\""},
    {"X - Y with a spaced en dash", "Gunmen kidnapped 10 \xE2\x80\x93 15 villagers.",
     "captured approximately 10/10/15 \"10 \xE2\x80\x93 15\""},
    {"X or Y in words", "Two or three hikers went missing.",
     "missing approximately 2/2/3 \"Two or three\""},
    {"a qualifier before a range keeps its word", "About 10-15 guards were wounded.",
     "wounded approximately 10/10/15 \"10-15\""},
    {"a change: only the new figure counts", "The death toll rose from 20 to 30.",
     "killed exact 30/30/30 \"30\""},
};

/* Qualifiers, before and after the number. */
static const ccase QUALIFIERS[] = {
    {"an estimated", "An estimated 11,000 North Korean troops were deployed.",
     "deployed estimated 11000/11000/11000 \"11,000\" s=North Korean troops"},
    {"estimated alone", "Estimated 300 villagers died.",
     "killed estimated 300/300/300 \"300\""},
    {"about", "About 40 villagers were injured.",
     "wounded approximately 40/40/40 \"40\""},
    {"around", "Around 40 villagers were injured.",
     "wounded approximately 40/40/40 \"40\""},
    {"approximately", "Approximately 40 villagers were injured.",
     "wounded approximately 40/40/40 \"40\""},
    {"nearly", "Nearly 40 villagers were injured.",
     "wounded approximately 40/40/40 \"40\""},
    {"almost", "Almost 40 villagers were injured.",
     "wounded approximately 40/40/40 \"40\""},
    {"some", "Some 40 villagers were injured.", "wounded approximately 40/40/40 \"40\""},
    {"roughly", "Roughly 40 villagers were injured.",
     "wounded approximately 40/40/40 \"40\""},
    {"close to", "Police arrested close to 4,000 rioters.",
     "arrested approximately 4000/4000/4000 \"4,000\""},
    {"at least", "At least 20 villagers were killed.",
     "killed at least 20/20/inf \"20\""},
    {"more than", "More than 250 villagers were killed.",
     "killed more than 250/250/inf \"250\""},
    {"over is more than", "Over 100 protesters were arrested.",
     "arrested more than 100/100/inf \"100\""},
    {"up to", "Up to 300 villagers were feared dead.", "killed up to 300/0/300 \"300\""},
    {"as many as is up to", "As many as 98 villagers were killed.",
     "killed up to 98/0/98 \"98\""},
    {"fewer than", "Fewer than 20 villagers were hurt.", "wounded fewer than 20/0/20 \"20\""},
    {"less than is fewer than", "Less than 20 villagers were hurt.",
     "wounded fewer than 20/0/20 \"20\""},
    {"at most", "At most 5 protesters were detained.", "arrested at most 5/0/5 \"5\""},
    {"or more after the number", "20 or more villagers were killed.",
     "killed at least 20/20/inf \"20\""},
    {"-odd inside the token", "20-odd protesters were arrested.",
     "arrested approximately 20/20/20 \"20-odd\""},
    {"at least another", "There were at least another 20 dead inside the boat.",
     "killed at least 20/20/inf \"20\""},
};

/* What is counted, and the shapes that link a number to it. */
static const ccase KINDS[] = {
    {"a verb before the number", "The blast ripped through the market, killing 20 people.",
     "killed exact 20/20/20 \"20\" s=people"},
    {"a passive after the number", "20 people were killed.", "killed exact 20/20/20 \"20\" s=people"},
    {"a headline participle", "20 killed in market blast", "killed exact 20/20/20 \"20\""},
    {"a toll", "The death toll rose to 30 on Tuesday.", "killed exact 30/30/30 \"30\""},
    {"a toll put at a figure", "The police put the toll at five.",
     "killed exact 5/5/5 \"five\" a=police"},
    {"the number of people killed", "The number of people killed reached 40.",
     "killed exact 40/40/40 \"40\""},
    {"dead after the number", "The clash left 20 dead.", "killed exact 20/20/20 \"20\""},
    {"deaths as a noun", "The ministry confirmed 30 deaths.",
     "killed exact 30/30/30 \"30\" a=ministry"},
    {"died", "Eleven villagers died in the clashes.", "killed exact 11/11/11 \"Eleven\""},
    {"fatalities", "The crash caused 12 fatalities.", "killed exact 12/12/12 \"12\""},
    {"lives taken", "The storm claimed 20 lives.", "killed exact 20/20/20 \"20\""},
    {"lives lost", "Seven fishermen lost their lives.", "killed exact 7/7/7 \"Seven\""},
    {"lives saved are not deaths", "Rescuers saved 20 lives.", ""},
    {"shot dead before the number", "Police shot dead 98 rioters.",
     "killed exact 98/98/98 \"98\""},
    {"shot dead after it", "Two guards were shot dead.", "killed exact 2/2/2 \"Two\""},
    {"burnt alive", "Four villagers were burnt alive.", "killed exact 4/4/4 \"Four\""},
    {"hacked to death", "Three farmers were hacked to death.", "killed exact 3/3/3 \"Three\""},
    {"a court's sentence to death is not a killing", "The court sentenced 12 men to death.", ""},
    {"the murder of", "They condemned the murder of six priests.", "killed exact 6/6/6 \"six\""},
    {"the bodies of", "Soldiers found the bodies of 28 peasants.",
     "killed exact 28/28/28 \"28\""},
    {"fatally wounded is killed", "Two guards were fatally wounded.",
     "killed exact 2/2/2 \"Two\""},
    {"found dead", "Three hikers were found dead.", "killed exact 3/3/3 \"Three\""},
    {"wounding before the number", "The bomb exploded, wounding 15.",
     "wounded exact 15/15/15 \"15\""},
    {"injuring before the number", "Rioters threw stones, injuring 20 policemen.",
     "wounded exact 20/20/20 \"20\" s=policemen"},
    {"hurt after the number", "Nine villagers were hurt.", "wounded exact 9/9/9 \"Nine\""},
    {"casualties", "The army suffered 3,000 casualties.",
     "casualties exact 3000/3000/3000 \"3,000\""},
    {"killed or wounded together are casualties", "200 guards were killed or wounded.",
     "casualties exact 200/200/200 \"200\""},
    {"killing and wounding together are casualties", "The bomb went off, killing and wounding 40.",
     "casualties exact 40/40/40 \"40\""},
    {"missing", "20 villagers are missing.", "missing exact 20/20/20 \"20\""},
    {"hostages as a noun", "The gunmen took 20 hostages.", "captured exact 20/20/20 \"20\""},
    {"taken hostage", "Twenty tourists were taken hostage.",
     "captured exact 20/20/20 \"Twenty\""},
    {"held hostage is captured, not arrested", "Twenty tourists were held hostage.",
     "captured exact 20/20/20 \"Twenty\""},
    {"kidnapped before the number", "Rebels kidnapped 50 peasants.",
     "captured exact 50/50/50 \"50\""},
    {"prisoners", "The rebels hold 100 prisoners of war.",
     "captured exact 100/100/100 \"100\""},
    {"POWs", "Both sides exchanged 40 POWs.", "captured exact 40/40/40 \"40\""},
    {"sent soldiers", "Russia sent 1,000 soldiers to the border.",
     "deployed exact 1000/1000/1000 \"1,000\" s=soldiers"},
    {"troops alone are deployed", "North Korea has sent an estimated 11,000 troops.",
     "deployed estimated 11000/11000/11000 \"11,000\" s=troops"},
    {"stationed after the number", "About 28,500 troops are stationed in the south.",
     "deployed approximately 28500/28500/28500 \"28,500\" s=troops"},
    {"police counted only with a deployment verb", "The state deployed 2,000 police.",
     "deployed exact 2000/2000/2000 \"2,000\" s=police"},
    {"sending things is not a deployment", "He sent 1,000 letters.", ""},
    {"fled their homes", "Some 5,000 villagers fled their homes.",
     "displaced approximately 5000/5000/5000 \"5,000\""},
    {"refugees", "Jordan hosts 650,000 refugees.", "displaced exact 650000/650000/650000 \"650,000\""},
    {"left homeless", "The quake left 4,000 homeless.",
     "displaced exact 4000/4000/4000 \"4,000\""},
    {"displaced as an adjective", "The camp holds 20,000 displaced villagers.",
     "displaced exact 20000/20000/20000 \"20,000\""},
    {"forced to flee", "The shelling forced 20,000 villagers to flee.",
     "displaced exact 20000/20000/20000 \"20,000\""},
    {"fleeing gunmen are not displaced", "Three gunmen fled.", ""},
    {"arrested before the number", "Police arrested 15 people.",
     "arrested exact 15/15/15 \"15\" s=people"},
    {"detained after the number", "15 protesters were detained.",
     "arrested exact 15/15/15 \"15\""},
    {"taken into custody", "Nine suspects were taken into custody.",
     "arrested exact 9/9/9 \"Nine\""},
    {"rounded up", "Soldiers rounded up 30 youths.", "arrested exact 30/30/30 \"30\""},
    {"a verb before beats a noun after: what befell them",
     "They are accused of murdering two dozen hostages.",
     "killed exact 24/24/24 \"two dozen\""},
    {"a noun after names them when the verb before counts nothing", "Police arrested 20 refugees.",
     "arrested exact 20/20/20 \"20\""},
    {"lost men is killed", "The militia has lost more than 1,500 men.",
     "killed more than 1500/1500/inf \"1,500\""},
    {"lost jobs is not", "The plant lost 3,000 jobs.", ""},
};

/* Links across a clause: what may come between, what may not. */
static const ccase LINKS[] = {
    {"not across another number: each number its own verb",
     "Twenty houses were burnt and 5 villagers killed.", "killed exact 5/5/5 \"5\""},
    {"an active verb after the number belongs to its subject",
     "20 rebels killed 5 soldiers.", "killed exact 5/5/5 \"5\" s=soldiers"},
    {"a second verb with its own object is another clause",
     "Snipers killed three soldiers and injured another seven.",
     "killed exact 3/3/3 \"three\" s=soldiers; wounded exact 7/7/7 \"seven\""},
    {"an age after the verb is its object, not a count's verb",
     "Three gunmen shot and killed 65-year-old minister Antonio.", ""},
    {"an aside with including: both figures count",
     "32 others, including 25 policemen, were injured.",
     "wounded exact 32/32/32 \"32\"; wounded exact 25/25/25 \"25\" s=policemen"},
    {"a number in an aside takes the kind of the number it qualifies",
     "Gunmen murdered 19 villagers, including 10 children, in the raid.",
     "killed exact 19/19/19 \"19\"; killed exact 10/10/10 \"10\""},
    {"coordinated numbers share the verb", "Six priests and two women were murdered.",
     "killed exact 6/6/6 \"Six\"; killed exact 2/2/2 \"two\""},
    {"coordinated numbers share the noun with of", "They mourned the murder of six priests and two women.",
     "killed exact 6/6/6 \"six\"; killed exact 2/2/2 \"two\""},
    {"a coordinated number inherits past an aside and a later clause",
     "They condemned the murder of six priests, five of whom were Spaniards, and two women in Iraq and left.",
     "killed exact 6/6/6 \"six\"; killed exact 2/2/2 \"two\""},
    {"the part of a partitive", "Two of the three militants were killed.",
     "killed exact 2/2/2 \"Two\""},
    {"a coordinated number with its own verb does not inherit",
     "Police arrested 20 protesters and 30 were released.",
     "arrested exact 20/20/20 \"20\""},
    {"a partitive: the part is counted, not the whole",
     "Officials said 32 of the 543 passengers were confirmed dead.",
     "killed exact 32/32/32 \"32\" a=Officials"},
    {"one of N killed counts the N", "She was one of eight nurses killed in the war.",
     "killed exact 8/8/8 \"eight\""},
    {"a relative clause", "Four villagers who were kidnapped last week were freed.",
     "captured exact 4/4/4 \"Four\""},
    {"one of picks out a member, it is not a figure",
     "One of their former hostages spoke on Monday.", ""},
    {"one of with a verb counts the one", "One of the guards was killed.",
     "killed exact 1/1/1 \"One\""},
    {"a perfect with have is active: the number did it", "Three groups have held sway.", ""},
    {"custody needs a verb group", "Blood from the three victims under chain of custody.", ""},
    {"a thing after a preposition does not make the count things",
     "Troops killed 384 rebels and captured 48 in fighting near the base.",
     "killed exact 384/384/384 \"384\"; captured exact 48/48/48 \"48\""},
    {"the death of N beats a relative clause after it",
     "They mourned the death of four students who had been kidnapped.",
     "killed exact 4/4/4 \"four\""},
    {"a noun trigger after a verb group is another clause",
     "A gang of four who were known to their captives was caught.", ""},
    {"too far: a long clause in between",
     "20 villagers walked for three days across the hills and were later killed.", ""},
    {"a comma ends the clause", "Police questioned 20 villagers, none were killed.", ""},
    {"a toll skips numbers that are not counts",
     "The toll since 2011 has reached 500,000.", "killed exact 500000/500000/500000 \"500,000\""},
};

/* Whose count, and who gives it. */
static const ccase ACTORS[] = {
    {"subject: the composed actor of the counted noun",
     "12 Iraqi soldiers were killed, according to the Iraqi defence ministry.",
     "killed exact 12/12/12 \"12\" s=Iraqi soldiers a=Iraqi defence ministry"},
    {"subject: a demonym and agent", "Ukraine said 30 North Korean troops were captured.",
     "captured exact 30/30/30 \"30\" s=North Korean troops"},
    {"subject: the head, not a place after a preposition",
     "Russia will withdraw 2,000 soldiers from Iraq.",
     "deployed exact 2000/2000/2000 \"2,000\" s=soldiers"},
    {"coordinated counts keep their own subjects; a place does not speak",
     "Six Iraqi soldiers and two Russian soldiers were killed in Baghdad, police in Baghdad said.",
     "killed exact 6/6/6 \"Six\" s=Iraqi soldiers a=police; "
     "killed exact 2/2/2 \"two\" s=Russian soldiers a=police"},
    {"no speaker across and: the speaker of \"and said\" is far back",
     "Ministers condemned the murder of six priests in Iraq and said it was a crime.",
     "killed exact 6/6/6 \"six\""},
    {"attribution: X said", "The Red Cross said 40 villagers were killed.",
     "killed exact 40/40/40 \"40\" a=Red Cross"},
    {"attribution: said X after a comma", "40 villagers were killed, said the Red Cross.",
     "killed exact 40/40/40 \"40\" a=Red Cross"},
    {"attribution: X reported", "The ministry reported 40 deaths.",
     "killed exact 40/40/40 \"40\" a=ministry"},
    {"attribution: X estimated", "Officials estimated 300 villagers died.",
     "killed estimated 300/300/300 \"300\" a=Officials"},
    {"no attribution from a passive report", "Forty villagers were reported killed.",
     "killed exact 40/40/40 \"Forty\""},
    {"claimed lives is not a speaker", "The Red Cross storm claimed 20 lives.",
     "killed exact 20/20/20 \"20\""},
};

/* Numbers that are not counts. */
static const ccase NOT_COUNTS[] = {
    {"a year, even with a counted noun after it", "The 1999 deaths shocked the town.", ""},
    {"a year after in", "In 1987, rebels killed the mayor.", ""},
    {"but a plain four-digit count after a verb is a count", "The floods killed 2000 villagers.",
     "killed exact 2000/2000/2000 \"2000\""},
    {"a date after the verb: day month", "He was arrested 9 May.", ""},
    {"a date: month day", "The suspect was detained May 12.", ""},
    {"a wire date", "ON 30 DEC 89 TERRORISTS KILLED A JUDGE.", ""},
    {"the month May is not the modal", "The attack in May 2017 killed 22 people.",
     "killed exact 22/22/22 \"22\" s=people"},
    {"an age in commas", "Smith, 25, was killed.", ""},
    {"an age in brackets", "Ramesh (25) was killed.", ""},
    {"an age with aged", "A man aged 25 was arrested.", ""},
    {"an age as a compound adjective", "A 25-year-old was killed.", ""},
    {"money with a sign", "Guerrillas captured $5 million in the raid.", ""},
    {"money with a currency word", "Rebels captured 5 mln dlrs in the raid.", ""},
    {"money in francs", "Thieves were arrested 100 francs richer.", ""},
    {"money in rupees", "Police arrested rs 50,000 worth of goods.", ""},
    {"a percentage in words", "Troops killed 40 percent of the rebels.", ""},
    {"a percentage in pct", "Strikers arrested 5 pct of managers.", ""},
    {"a percentage sign", "5% were injured.", ""},
    {"a time with a colon", "At 10:30 killed were the guards.", ""},
    {"a time with a.m.", "The bomb went off at 10 a.m., killing two.",
     "killed exact 2/2/2 \"two\""},
    {"a time in military hours", "AT 2300 HOURS FOUR GUARDS WERE KILLED.",
     "killed exact 4/4/4 \"FOUR\""},
    {"an ordinal unit name", "The 5th Brigade killed 20 rebels.", "killed exact 20/20/20 \"20\""},
    {"a unit named by a number", "Troops of 3 Brigade were killed.", ""},
    {"the 101st Airborne", "The 101st Airborne sent 2,000 troops.",
     "deployed exact 2000/2000/2000 \"2,000\" s=troops"},
    {"an ordinal", "The 3rd victim died on Monday.", ""},
    {"a street number", "A bomb at 10 Downing Street injured two.",
     "wounded exact 2/2/2 \"two\""},
    {"a phone number", "Call 555-1234 if anyone is missing.", ""},
    {"a model number", "An AK-47 killed three.", "killed exact 3/3/3 \"three\""},
    {"a law section", "Under section 144 twenty were arrested.",
     "arrested exact 20/20/20 \"twenty\""},
    {"a numbered thing", "Detachment No. 4 reported that 3 guerrillas were killed.",
     "killed exact 3/3/3 \"3\""},
    {"a score", "The team won 3-1 and two fans were hurt.", "wounded exact 2/2/2 \"two\""},
    {"a measure", "The blast killed cattle 20 km away.", ""},
    {"the second of a measured pair", "Claims of between 30,000 stg and 50,000 were paid, given the number of deaths.", ""},
    {"a duration", "He was detained 20 days.", ""},
    {"no one", "No one was killed.", ""},
    {"a or an is not a figure", "A soldier was killed.", ""},
    {"a condition", "Even if one person dies, it is a tragedy.", ""},
    {"a forecast", "Thousands could be killed.", ""},
    {"a future", "Thousands will die.", ""},
    {"but may have been is an estimate", "Up to 300 villagers may have been killed.",
     "killed up to 300/0/300 \"300\""},
    {"an intention", "They threatened to kill 20 hostages.", "captured exact 20/20/20 \"20\""},
    {"captured places are not captives", "The army captured 41 positions.", ""},
    {"one of the captured things", "The army captured one of the strongest fortifications.", ""},
    {"dead weight is tonnage", "The yard built ships of 460,000 dead weight tons.", ""},
    {"held things are not arrests", "About 2,600 elections will be held.", ""},
    {"shares held are not arrests", "About 1,734,000 shares are held by Intel.", ""},
    {"a number of is not a figure's head", "A number of villagers were killed.", ""},
    {"die-hard", "Scores of die hard activists came.", ""},
    {"research bodies are not corpses", "One of five research bodies forecast growth.", ""},
};

static int run_table(const ccase *t, size_t n) {
  int failed = 0;
  for (size_t i = 0; i < n; i++) {
    const char *got = claims(t[i].in);
    if (strcmp(got, t[i].want)) {
      print_error("case %zu (%s)\n  in:   %s\n  want: %s\n  got:  %s\n", i, t[i].why, t[i].in,
                  t[i].want, got);
      failed++;
    }
  }
  return failed;
}

#define TABLE(name)                                                        \
  static void test_##name(void **state) {                                  \
    (void)state;                                                           \
    int f = run_table(name, sizeof name / sizeof *name);                   \
    if (f) fail_msg("%d cases failed", f);                                 \
  }

TABLE(NUMBERS)
TABLE(RANGES)
TABLE(QUALIFIERS)
TABLE(KINDS)
TABLE(LINKS)
TABLE(ACTORS)
TABLE(NOT_COUNTS)

/* The word table must stay sorted, or lookups silently miss words. */
static void test_tables(void **state) {
  (void)state;
  assert_int_equal(claim_check_tables(), 0);
}

/* Without actors, subject and attribution are -1; an empty text has no claims. */
static void test_no_actors(void **state) {
  (void)state;
  arena a;
  arena_init(&a, 0);
  const char *z = "Police said 20 people were killed.";
  text_doc td;
  claim_list cl;
  assert_int_equal(text_segment(&a, z, strlen(z), &td), 0);
  assert_int_equal(claim_find(&a, &td, NULL, &cl), 0);
  assert_int_equal(cl.n, 1);
  assert_int_equal(cl.c[0].subject, -1);
  assert_int_equal(cl.c[0].attribution, -1);
  assert_int_equal(cl.c[0].sent, 0);
  assert_int_equal(text_segment(&a, "", 0, &td), 0);
  assert_int_equal(claim_find(&a, &td, NULL, &cl), 0);
  assert_int_equal(cl.n, 0);
  arena_free(&a);
}

/* Out of memory is reported, not a crash, at every allocation. */
static void test_nomem(void **state) {
  (void)state;
  const char *z = "Police said 20 people were killed. Rebels took 12 hostages. "
                  "About 5,000 villagers fled their homes.";
  for (size_t fail = 1; fail < 40; fail++) {
    arena a;
    arena_init(&a, 64);
    text_doc td;
    claim_list cl;
    assert_int_equal(text_segment(&a, z, strlen(z), &td), 0);
    a.fail_after = a.nalloc + fail;
    int rc = claim_find(&a, &td, NULL, &cl);
    assert_true(rc == 0 || rc == ERR_NOMEM);
    if (rc) assert_int_equal(cl.n, 0);
    arena_free(&a);
  }
}

/* A sentence as long as the segmenter allows: every window stays in bounds. */
static void test_long_sentence(void **state) {
  (void)state;
  size_t n = 0, cap = 64 * 1024;
  char *z = malloc(cap);
  assert_non_null(z);
  while (n + 64 < cap) n += (size_t)snprintf(z + n, cap - n, "%zu killed and ", n % 997 + 2);
  arena a;
  arena_init(&a, 0);
  text_doc td;
  claim_list cl;
  assert_int_equal(text_segment(&a, z, n, &td), 0);
  assert_int_equal(claim_find(&a, &td, NULL, &cl), 0);
  assert_true(cl.n > 0);
  arena_free(&a);
  free(z);
}

static int setup(void **state) {
  (void)state;
  return testdict_build(DICT, &D);
}

static int teardown(void **state) {
  (void)state;
  dict_free(D);
  return 0;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_NUMBERS),     cmocka_unit_test(test_RANGES),
      cmocka_unit_test(test_QUALIFIERS),  cmocka_unit_test(test_KINDS),
      cmocka_unit_test(test_LINKS),       cmocka_unit_test(test_ACTORS),
      cmocka_unit_test(test_NOT_COUNTS),  cmocka_unit_test(test_tables),
      cmocka_unit_test(test_no_actors),   cmocka_unit_test(test_nomem),
      cmocka_unit_test(test_long_sentence),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
