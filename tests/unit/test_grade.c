/* test_grade.c - the grader: a table of typed answers beside the verdicts they must get */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "grade.h"
#include "quiz.h"

/* ------------------------------------------------------------------------
 * A bank built with the quiz builder, as the bank compiler would.
 */

static quiz *bank;

static const char *dup(const char *s)
{
	return s ? arena_strdup(quiz_arena(bank), s) : NULL;
}

static quiz_strings list(const char *const *items)
{
	size_t n = 0;
	while (items && items[n])
		n++;
	return quiz_strings_copy(bank, items, n);
}

#define L(...) ((const char *const[]){__VA_ARGS__, NULL})

static quiz_question *question(const char *id, quiz_kind kind, const char *prompt)
{
	quiz_question *q = quiz_add_question(bank);
	q->id = dup(id);
	q->kind = kind;
	q->prompt = dup(prompt);
	return q;
}

static quiz_actor *actor(const char *id, const char *name, const char *family,
                         const char *acronym, const char *const *aliases)
{
	quiz_actor *a = quiz_add_actor(bank);
	a->id = dup(id);
	a->name = dup(name);
	a->family = dup(family);
	a->acronym = dup(acronym);
	a->aliases = list(aliases);
	return a;
}

static void date_q(const char *id, int y, int m, int d, const char *prompt)
{
	quiz_question *q = question(id, QUIZ_DATE, prompt ? prompt : "When did it happen?");
	q->date = (quiz_date){y, m, d};
}

static quiz_question *number_q(const char *id, double value, double tolerance, bool percent,
                               const char *unit)
{
	quiz_question *q = question(id, QUIZ_NUMBER, "How many?");
	q->number.value = value;
	q->number.tolerance = tolerance;
	q->number.tolerance_is_percent = percent;
	q->number.unit = dup(unit);
	return q;
}

static void actor_q(const char *id, const quiz_actor *a)
{
	quiz_question *q = question(id, QUIZ_ACTOR, "Who?");
	q->actor = a;
	q->answer_text = a->name;
}

static quiz_question *text_q(const char *id, const char *text)
{
	quiz_question *q = question(id, QUIZ_TEXT, "What?");
	q->text = dup(text);
	q->answer_text = q->text;
	return q;
}

static void choice_q(const char *id, const char *const *choices, const size_t *correct,
                     size_t n_correct)
{
	quiz_question *q = question(id, QUIZ_CHOICE, "Which?");
	q->choices = list(choices);
	size_t *c = arena_alloc(quiz_arena(bank), n_correct * sizeof *c);
	memcpy(c, correct, n_correct * sizeof *c);
	q->correct = c;
	q->n_correct = n_correct;
}

static void cloze_q(const char *id, const char *text, const char *const *const *blanks)
{
	quiz_question *q = question(id, QUIZ_CLOZE, text);
	size_t n = 0;
	while (blanks[n])
		n++;
	quiz_blank *b = arena_alloc(quiz_arena(bank), n * sizeof *b);
	for (size_t i = 0; i < n; i++)
		b[i].answers = list(blanks[i]);
	q->blanks = b;
	q->n_blanks = n;
}

static void build_bank(void)
{
	bank = quiz_new();
	quiz_set_title(bank, "China ties fentanyl cooperation to sanctions relief");

	const quiz_actor *blinken = actor("blinken", "Antony Blinken", NULL, NULL, L("Tony Blinken"));
	const quiz_actor *qin = actor("qin", "Qin Gang", "Qin", NULL, NULL);
	const quiz_actor *ccp = actor("ccp", "Chinese Communist Party", NULL, "CCP",
	                              L("Communist Party of China"));
	const quiz_actor *xi = actor("xi", "Xi Jinping", "Xi", NULL, NULL);
	const quiz_actor *gwb = actor("gwbush", "George W. Bush", NULL, NULL, NULL);
	actor("jebbush", "Jeb Bush", NULL, NULL, NULL);
	const quiz_actor *pelosi = actor("pelosi", "Nancy Pelosi", NULL, NULL, NULL);
	const quiz_actor *westhoff = actor("westhoff", "Ben Westhoff", NULL, NULL, NULL);
	const quiz_actor *liu = actor("liu", "Liu Yuejin", "Liu", NULL, NULL);
	const quiz_actor *who = actor("who", "World Health Organization", NULL, NULL, NULL);
	const quiz_actor *dea = actor("dea", "Drug Enforcement Administration", NULL, "DEA", NULL);
	const quiz_actor *muller = actor("muller", "Thomas Müller", NULL, NULL, NULL);
	const quiz_actor *ethelred = actor("ethelred", "King Ethelred II", NULL, NULL, NULL);
	const quiz_actor *suleiman = actor("suleiman", "Suleiman the Magnificent", NULL, NULL, NULL);
	const quiz_actor *outler = actor("outler", "Albert C. Outler", NULL, NULL, NULL);
	const quiz_actor *ginn = actor("ginn", "Ted Ginn Jr.", NULL, NULL, NULL);
	const quiz_actor *lee = actor("lee", "mayor Ed Lee", NULL, NULL, NULL);
	const quiz_actor *un = actor("un", "United Nations", NULL, NULL, NULL);
	const quiz_actor *anderson = actor("anderson", "C. J. Anderson", NULL, NULL, NULL);
	const quiz_actor *uaa = actor("uaa", "University Athletic Association (UAA)", NULL, NULL, NULL);
	const quiz_actor *stanford = actor("stanford", "Stanford University", NULL, NULL, NULL);
	const quiz_actor *falcons = actor("falcons", "Atlanta Falcons", NULL, NULL, NULL);
	const quiz_actor *obrien = actor("obrien", "Conan O'Brien", NULL, NULL, NULL);
	const quiz_actor *dgk = actor("dgk", "Dolores García-Keller", NULL, NULL, NULL);
	const quiz_actor *marconi = actor("marconi", "Marconi", NULL, NULL, NULL);
	const quiz_actor *vinci = actor("vinci", "Leonardo da Vinci", NULL, NULL, NULL);
	const quiz_actor *gogh = actor("gogh", "Vincent van Gogh", NULL, NULL, NULL);
	const quiz_actor *pictet = actor("pictet", "Raoul Pierre Pictet", NULL, NULL, NULL);
	const quiz_actor *yuan = actor("yuan", "Yuan dynasty", NULL, NULL, NULL);
	const quiz_actor *song = actor("song", "Song", NULL, NULL, NULL);
	const quiz_actor *holmes = actor("holmes", "D. Brainerd Holmes", NULL, NULL, NULL);
	const quiz_actor *episode = actor("episode", "The Time of the Doctor", NULL, NULL, NULL);

	actor_q("blinken", blinken);
	actor_q("qin", qin);
	actor_q("ccp", ccp);
	actor_q("xi", xi);
	actor_q("gwbush", gwb);
	actor_q("pelosi", pelosi);
	actor_q("westhoff", westhoff);
	actor_q("liu", liu);
	actor_q("who", who);
	actor_q("dea", dea);
	actor_q("muller", muller);
	actor_q("ethelred", ethelred);
	actor_q("suleiman", suleiman);
	actor_q("outler", outler);
	actor_q("ginn", ginn);
	actor_q("lee", lee);
	actor_q("un", un);
	actor_q("anderson", anderson);
	actor_q("uaa", uaa);
	actor_q("stanford", stanford);
	actor_q("falcons", falcons);
	actor_q("obrien", obrien);
	actor_q("dgk", dgk);
	actor_q("marconi", marconi);
	actor_q("vinci", vinci);
	actor_q("gogh", gogh);
	actor_q("pictet", pictet);
	actor_q("yuan", yuan);
	actor_q("song", song);
	actor_q("holmes", holmes);
	actor_q("episode", episode);

	date_q("day", 2023, 6, 18, "On what date did Blinken and Qin shake hands?");
	date_q("day-year", 2023, 6, 18, "On what day in 2023 did Blinken and Qin shake hands?");
	date_q("month", 2023, 6, 0, NULL);
	date_q("month-asked", 2023, 6, 0, "In what month did it happen?");
	date_q("year", 2018, 0, 0, NULL);
	date_q("leap", 2024, 2, 29, NULL);
	date_q("amb", 2023, 6, 7, NULL);
	date_q("same", 2023, 5, 5, NULL);
	date_q("old", 1525, 5, 15, "On what day did it happen?");
	date_q("old-when", 1525, 5, 15, "When did the battle take place?");
	date_q("sept", 2001, 9, 11, NULL);
	quiz_question *rej = question("date-reject", QUIZ_DATE, "When?");
	rej->date = (quiz_date){2019, 0, 0};
	rej->accept = list(L("the year before 2020"));
	rej->reject = list(L("mid-2019"));

	number_q("n2000", 2000, 0, false, NULL);
	number_q("pct", 5, 0, false, "%");
	number_q("km", 40, 0, false, "km");
	number_q("tol", 100, 0.05, true, NULL);
	number_q("abs", 3.5, 0.1, false, NULL);
	number_q("usd", 40e6, 0, false, "USD");
	number_q("third", 3, 0, false, NULL)->answer_text = dup("third");
	number_q("count3", 3, 0, false, NULL)->answer_text = dup("3");
	number_q("n2.5", 2.5, 0, false, NULL);
	number_q("neg", -5, 0, false, "°C");
	number_q("big", 2.5e9, 0, false, NULL);
	number_q("half", 0.5, 0, false, NULL);
	number_q("n2019", 2019, 0, false, NULL);
	number_q("n25", 25, 0, false, NULL);
	number_q("miles", 187, 0, false, "feet");
	quiz_question *nr = number_q("nreject", 12, 0, false, NULL);
	nr->reject = list(L("a dozen"));

	text_q("shanghai", "Shanghai");
	text_q("australia", "Australia");
	text_q("austria", "Austria");
	text_q("iran", "Iran");
	text_q("iraq", "Iraq");
	text_q("wall", "the Great Wall");
	text_q("plan", "Plan A");
	quiz_question *cn = text_q("counter", "counternarcotics");
	cn->accept = list(L("drug control"));
	quiz_question *fent = text_q("fentanyl", "fentanyl");
	fent->reject = list(L("fentanil"));
	text_q("kilogram", "kilogram")->reject = list(L("kilogramme"));
	quiz_question *aus = text_q("austria-reject", "Austria");
	aus->reject = list(L("Australia"));
	aus->accept = list(L("Republic of Austria"));
	quiz_question *lin = question("lincoln", QUIZ_ACTOR, "Who?");
	lin->actor = actor("lincoln", "Abraham Lincoln", NULL, NULL, NULL);
	lin->accept = list(L("Honest Abe"));
	text_q("beijing", "Beijing");
	text_q("saopaulo", "São Paulo");
	text_q("strasse", "Straße");
	text_q("beijing-zh", "北京");
	text_q("sisyphus", "Σίσυφος");
	text_q("istanbul", "İstanbul");
	text_q("wellknown", "well-known");
	text_q("alqaeda", "al-Qaeda");
	text_q("us", "U.S.");
	text_q("sanctions", "sanctions relief");
	text_q("cooperation", "cooperation on fentanyl");
	text_q("hindi", "हिन्दी");
	text_q("sweden", "Sweden");
	text_q("switzerland", "Switzerland");
	text_q("fifties", "the 1950s");
	text_q("pressure", "at elevated partial pressures");
	text_q("nigeria", "Nigeria");
	text_q("niger", "Niger");
	text_q("slovakia", "Slovakia");
	text_q("slovenia", "Slovenia");

	quiz_question *claim_t = question("claim-true", QUIZ_CLAIM, "China is the largest source.");
	claim_t->claim.truth = true;
	quiz_question *claim_f = question("claim-false", QUIZ_CLAIM, "Qin Gang is still in office.");
	claim_f->claim.truth = false;

	choice_q("choice", L("Ben Westhoff", "Liu Yuejin", "Antony Blinken", "Qin Gang"),
	         (size_t[]){0}, 1);
	choice_q("choice-c", L("Ben Westhoff", "Liu Yuejin", "Antony Blinken", "Qin Gang"),
	         (size_t[]){2}, 1);
	choice_q("choice-multi", L("Beijing", "Shanghai", "Tokyo", "Wuhan"), (size_t[]){0, 3}, 2);
	choice_q("choice-years", L("2016", "2017", "2018", "2019"), (size_t[]){2}, 1);

	quiz_question *ord = question("order", QUIZ_ORDER, "Put in order.");
	ord->items = list(L("the 2018 brief", "the Pelosi visit", "the Beijing meeting", "the talks"));

	quiz_question *m = question("match", QUIZ_MATCH, "Match.");
	quiz_pair *pairs = arena_alloc(quiz_arena(bank), 3 * sizeof *pairs);
	pairs[0] = (quiz_pair){dup("Blinken"), dup("Secretary of State")};
	pairs[1] = (quiz_pair){dup("Qin Gang"), dup("Foreign Minister")};
	pairs[2] = (quiz_pair){dup("Xi Jinping"), dup("President")};
	m->pairs = pairs;
	m->n_pairs = 3;

	cloze_q("cloze", "China suspended efforts after {{Nancy Pelosi|Pelosi}}'s visit to {{Taiwan}}.",
	        (const char *const *const[]){L("Nancy Pelosi", "Pelosi"), L("Taiwan"), NULL});
	cloze_q("cloze-date", "They met on {{June 18, 2023}}.",
	        (const char *const *const[]){L("June 18, 2023"), NULL});
	cloze_q("cloze-num", "It killed {{70,000}} Americans in {{2021}}.",
	        (const char *const *const[]){L("70,000"), L("2021"), NULL});
	cloze_q("cloze-three", "{{Blinken}} met {{Qin}} in {{Beijing}}.",
	        (const char *const *const[]){L("Blinken"), L("Qin"), L("Beijing"), NULL});
}

/* ------------------------------------------------------------------------
 * The table.
 */

enum { C = GRADE_CORRECT, CL = GRADE_CLOSE, P = GRADE_PARTIAL, A = GRADE_AMBIGUOUS,
       W = GRADE_WRONG, S = GRADE_SKIPPED };

typedef struct {
	const char *qid;
	const char *typed;
	int want;
	const char *note;   /* a part of the note that must appear; NULL: any */
} grade_case;

static const grade_case cases[] = {
	/* Actors: full names, titles, family names. */
	{"blinken", "Antony Blinken", C, NULL},
	{"blinken", "antony blinken", C, NULL},
	{"blinken", "ANTONY BLINKEN", C, NULL},
	{"blinken", "  Antony   Blinken. ", C, NULL},
	{"blinken", "Blinken", C, "family name"},
	{"blinken", "Secretary Blinken", C, "family name"},
	{"blinken", "Secretary of State Blinken", C, "family name"},
	{"blinken", "Secretary of State Antony Blinken", C, NULL},
	{"blinken", "Mr. Blinken", C, "family name"},
	{"blinken", "Mr Blinken", C, "family name"},
	{"blinken", "Tony Blinken", C, "another name for"},
	{"blinken", "A. Blinken", C, NULL},
	{"blinken", "A Blinken", C, NULL},
	{"blinken", "A. J. Blinken", W, NULL},
	{"blinken", "Anthony Blinken", CL, "mind the spelling"},
	{"blinken", "Blinkin", CL, "mind the spelling"},
	{"blinken", "Antony Blinkin", CL, "mind the spelling"},
	{"blinken", "Blinken's", C, NULL},
	{"blinken", "Antony", W, "first name"},
	{"blinken", "Tony", W, NULL},
	{"blinken", "J. Blinken", W, NULL},
	{"blinken", "B. Antony", W, NULL},
	{"blinken", "Blanken", CL, NULL},
	{"blinken", "Bliken", CL, NULL},
	{"blinken", "Blinkenn", CL, NULL},
	{"blinken", "Blink", W, NULL},
	{"blinken", "Linken", W, NULL},
	{"blinken", "Klinken", W, NULL},
	{"blinken", "Blinkenstein", W, NULL},
	{"blinken", "Anthony Blinkin", CL, NULL},
	{"blinken", "Anthoni Blinkin", W, NULL},
	{"blinken", "Antony Blinken Jr.", W, NULL},
	{"blinken", "Qin Gang", W, NULL},
	{"blinken", "Pelosi", W, NULL},
	{"blinken", "not Blinken", W, NULL},
	{"blinken", "Secretary", W, NULL},
	{"blinken", "Secretary of State", W, NULL},
	{"blinken", "Blinken Antony", C, "family name first"},
	{"blinken", "Antony Blinken Pelosi", W, NULL},
	{"blinken", "Blnkn", W, NULL},
	{"qin", "Qin Gang", C, NULL},
	{"qin", "Qin", C, "family name"},
	{"qin", "Foreign Minister Qin", C, "family name"},
	{"qin", "Foreign Minister Qin Gang", C, NULL},
	{"qin", "Gang", W, NULL},
	{"qin", "Qing", W, NULL},
	{"qin", "Qin Gan", W, NULL},
	{"qin", "Xi", W, NULL},
	{"qin", "Qin Jinping", W, NULL},
	{"xi", "Xi Jinping", C, NULL},
	{"xi", "President Xi", C, "family name"},
	{"xi", "Xi", C, NULL},
	{"xi", "Jinping", W, NULL},
	{"xi", "Xi Jingping", CL, NULL},
	{"xi", "Qi Jinping", W, NULL},
	{"xi", "Li", W, NULL},
	{"gwbush", "George W. Bush", C, NULL},
	{"gwbush", "George Bush", C, NULL},
	{"gwbush", "George W Bush", C, NULL},
	{"gwbush", "President George W. Bush", C, NULL},
	{"gwbush", "G. Bush", C, "initial"},
	{"gwbush", "Bush", A, "share"},
	{"gwbush", "President Bush", A, NULL},
	{"gwbush", "Jeb Bush", W, NULL},
	{"gwbush", "George", W, "first name"},
	{"gwbush", "J. Bush", W, NULL},
	{"gwbush", "Georg Bush", CL, NULL},
	{"gwbush", "George H. W. Bush", W, NULL},
	{"gwbush", "George Busch", W, NULL},
	{"pelosi", "Nancy Pelosi", C, NULL},
	{"pelosi", "Pelosi", C, NULL},
	{"pelosi", "Speaker Pelosi", W, NULL},
	{"pelosi", "Ms. Pelosi", C, NULL},
	{"pelosi", "Nancy", W, "first name"},
	{"pelosi", "Pelossi", CL, NULL},
	{"pelosi", "Nancy Pelosi's", C, NULL},
	{"pelosi", "Nancy Reagan", W, NULL},
	{"pelosi", "Pelosky", W, NULL},
	{"westhoff", "Ben Westhoff", C, NULL},
	{"westhoff", "Westhoff", C, NULL},
	{"westhoff", "Westhof", CL, NULL},
	{"westhoff", "Ben", W, NULL},
	{"westhoff", "Westwood", W, NULL},
	{"westhoff", "Dr. Westhoff", C, NULL},
	{"liu", "Liu Yuejin", C, NULL},
	{"liu", "Liu", C, NULL},
	{"liu", "Yuejin", W, NULL},
	{"liu", "Lu", W, NULL},
	{"liu", "Liu Yuejn", CL, NULL},
	/* Organisations: acronyms declared, made from initials, dotted. */
	{"ccp", "Chinese Communist Party", C, NULL},
	{"ccp", "the Chinese Communist Party", C, NULL},
	{"ccp", "CCP", C, "initials"},
	{"ccp", "ccp", C, "initials"},
	{"ccp", "C.C.P.", C, "initials"},
	{"ccp", "Communist Party of China", C, "another name for"},
	{"ccp", "CPC", W, NULL},
	{"ccp", "CCCP", W, NULL},
	{"ccp", "CP", W, NULL},
	{"ccp", "Communist Party", C, "Right: short for"},
	{"ccp", "Chinese Communist Pary", CL, NULL},
	{"ccp", "Chinese Party", W, NULL},
	{"ccp", "Party", W, NULL},
	{"ccp", "Communist", W, NULL},
	{"ccp", "Chinese Socialist Party", W, NULL},
	{"who", "World Health Organization", C, NULL},
	{"who", "World Health Organisation", CL, NULL},
	{"who", "WHO", C, "initials"},
	{"who", "W.H.O.", C, "initials"},
	{"who", "WTO", W, NULL},
	{"who", "Organization", W, NULL},
	{"who", "World Trade Organization", W, NULL},
	{"who", "Health Organization", C, "Right: short for"},
	{"dea", "Drug Enforcement Administration", C, NULL},
	{"dea", "DEA", C, NULL},
	{"dea", "the DEA", C, NULL},
	{"dea", "D.E.A.", C, NULL},
	{"dea", "Administration", W, NULL},
	{"dea", "DAE", W, NULL},
	{"dea", "FBI", W, NULL},
	{"dea", "Drug Enforcement Agency", W, NULL},
	{"un", "United Nations", C, NULL},
	{"un", "the United Nations", C, NULL},
	{"un", "Nations", W, NULL},
	{"un", "United", W, NULL},
	{"un", "UN", C, "abbreviation"},
	{"uaa", "University Athletic Association", C, NULL},
	{"uaa", "UAA", C, "initials"},
	{"uaa", "University Athletic Association (UAA)", C, NULL},
	{"uaa", "Association", W, NULL},
	{"uaa", "UAE", W, NULL},
	{"stanford", "Stanford University", C, NULL},
	{"stanford", "University", W, NULL},
	{"stanford", "Stanford Universty", CL, NULL},
	{"stanford", "Harvard University", W, NULL},
	{"falcons", "Atlanta Falcons", C, NULL},
	{"falcons", "the Atlanta Falcons", C, NULL},
	{"falcons", "Falcons", C, NULL},
	{"falcons", "Atlanta", W, NULL},
	{"falcons", "Atlanta Hawks", W, NULL},
	/* Names with accents, particles, suffixes and titles. */
	{"muller", "Thomas Müller", C, NULL},
	{"muller", "Thomas Muller", CL, "accents"},
	{"muller", "Muller", CL, "accents"},
	{"muller", "Müller", C, NULL},
	{"muller", "MÜLLER", C, NULL},
	{"muller", "Thomas", W, NULL},
	{"muller", "Thomas Miller", CL, NULL},
	{"muller", "Tomas Miller", CL, NULL},
	{"muller", "Tomas Millar", W, NULL},
	{"muller", "Mueller", CL, NULL},
	{"muller", "Mahler", W, NULL},
	{"ethelred", "King Ethelred II", C, NULL},
	{"ethelred", "Ethelred II", C, NULL},
	{"ethelred", "Ethelred", C, NULL},
	{"ethelred", "King Ethelred", C, NULL},
	{"ethelred", "Ethelred III", W, NULL},
	{"ethelred", "King", W, NULL},
	{"ethelred", "Edward", W, NULL},
	{"suleiman", "Suleiman the Magnificent", C, NULL},
	{"suleiman", "Suleiman", C, "short name"},
	{"suleiman", "Sulaiman", CL, NULL},
	{"suleiman", "Magnificent", W, NULL},
	{"suleiman", "the Magnificent", W, NULL},
	{"outler", "Albert C. Outler", C, NULL},
	{"outler", "Albert Outler", C, NULL},
	{"outler", "Albert C Outler", C, NULL},
	{"outler", "Outler", C, NULL},
	{"outler", "A. Outler", C, NULL},
	{"outler", "Albert", W, NULL},
	{"outler", "C. Outler", W, NULL},
	{"outler", "Albert C.", W, NULL},
	{"ginn", "Ted Ginn Jr.", C, NULL},
	{"ginn", "Ted Ginn Jr", C, NULL},
	{"ginn", "Ted Ginn", C, NULL},
	{"ginn", "Ginn", C, NULL},
	{"ginn", "Ted", W, NULL},
	{"ginn", "Jr", W, NULL},
	{"ginn", "Ted Ginn Sr.", W, NULL},
	{"ginn", "Ted Ginn III", W, NULL},
	{"lee", "Ed Lee", C, NULL},
	{"lee", "mayor Ed Lee", C, NULL},
	{"lee", "Mayor Lee", C, NULL},
	{"lee", "Lee", C, NULL},
	{"lee", "Ed", W, NULL},
	{"lee", "Mayor", W, NULL},
	{"lee", "Bruce Lee", W, NULL},
	{"anderson", "C. J. Anderson", C, NULL},
	{"anderson", "CJ Anderson", C, NULL},
	{"anderson", "C.J. Anderson", C, NULL},
	{"anderson", "Anderson", C, NULL},
	{"anderson", "C. Anderson", C, "initial"},
	{"anderson", "J. Anderson", W, NULL},
	{"anderson", "Andersen", CL, NULL},
	{"anderson", "Anders", W, NULL},
	{"obrien", "Conan O'Brien", C, NULL},
	{"obrien", "Conan O’Brien", C, NULL},
	{"obrien", "O'Brien", C, NULL},
	{"obrien", "OBrien", C, NULL},
	{"obrien", "O Brien", C, NULL},
	{"obrien", "Brien", W, NULL},
	{"obrien", "Conan", W, NULL},
	{"dgk", "Dolores García-Keller", C, NULL},
	{"dgk", "Dolores Garcia-Keller", CL, "accents"},
	{"dgk", "García-Keller", C, NULL},
	{"dgk", "Garcia Keller", CL, NULL},
	{"dgk", "GarcíaKeller", C, NULL},
	{"dgk", "Keller", W, NULL},
	{"dgk", "Dolores", W, NULL},

	/* Dates. */
	{"day", "June 18, 2023", C, NULL},
	{"day", "june 18 2023", C, NULL},
	{"day", "18 June 2023", C, NULL},
	{"day", "18th June 2023", C, NULL},
	{"day", "18th of June 2023", C, NULL},
	{"day", "18th of June, 2023", C, NULL},
	{"day", "the 18th of June 2023", C, NULL},
	{"day", "the eighteenth of June 2023", C, NULL},
	{"day", "Jun 18th 2023", C, NULL},
	{"day", "Jun. 18, 2023", C, NULL},
	{"day", "JUNE 18, 2023", C, NULL},
	{"day", "2023-06-18", C, NULL},
	{"day", "2023/06/18", C, NULL},
	{"day", "2023-6-18", C, NULL},
	{"day", "6/18/2023", C, NULL},
	{"day", "18/6/2023", C, NULL},
	{"day", "18/06/2023", C, NULL},
	{"day", "18.6.2023", C, NULL},
	{"day", "18-06-2023", C, NULL},
	{"day", "06-18-2023", C, NULL},
	{"day", "Sunday, June 18, 2023", C, NULL},
	{"day", "Sun 18 June 2023", C, NULL},
	{"day", "on June 18, 2023", C, NULL},
	{"day", "On Sunday 18 June 2023", C, NULL},
	{"day", "June 18th, 2023.", C, NULL},
	{"day", "１８ June ２０２３", C, NULL},
	{"day", "Juen 18, 2023", W, NULL},
	{"day", "Jnue 18, 2023", W, NULL},
	{"day", "Monday, June 18, 2023", W, "Sunday"},
	{"day", "June 2023", W, "the article gives the day"},
	{"day", "2023", W, "the article gives the day"},
	{"day", "June", W, NULL},
	{"day", "June 18", W, "year"},
	{"day", "18 June", W, "year"},
	{"day", "June 19, 2023", W, NULL},
	{"day", "June 17, 2023", W, NULL},
	{"day", "July 18, 2023", W, NULL},
	{"day", "June 18, 2022", W, NULL},
	{"day", "June 18, 2024", W, NULL},
	{"day", "2023-06-19", W, NULL},
	{"day", "2023-18-06", W, NULL},
	{"day", "6/18/2022", W, NULL},
	{"day", "6/18/23", A, "year in full"},
	{"day", "June 31, 2023", W, "no such date"},
	{"day", "31/6/2023", W, "no such date"},
	{"day", "13/13/2023", W, "no such date"},
	{"day", "Sunday", W, "weekday"},
	{"day", "Saturday", W, NULL},
	{"day", "the 2020s", W, NULL},
	{"day", "18th", W, NULL},
	{"day", "18", W, NULL},
	{"day", "summer 2023", W, NULL},
	{"day", "yesterday", W, NULL},
	{"day", "June 18, 2023 or June 19, 2023", W, NULL},
	{"day-year", "June 18", C, "year"},
	{"day-year", "18 June", C, NULL},
	{"day-year", "June 18, 2023", C, NULL},
	{"day-year", "June 19", W, NULL},
	{"day-year", "June", W, NULL},
	{"month", "June 2023", C, NULL},
	{"month", "Jun 2023", C, NULL},
	{"month", "June of 2023", C, NULL},
	{"month", "2023-06", C, NULL},
	{"month", "06/2023", C, NULL},
	{"month", "in June 2023", C, NULL},
	{"month", "June 18, 2023", C, "more exact"},
	{"month", "July 2023", W, NULL},
	{"month", "June 2022", W, NULL},
	{"month", "2023", C, "Right: the article gives the month, June 2023"},
	{"old-when", "1525", C, "Right: the article gives the day, May 15, 1525"},
	{"old-when", "May 1525", C, "Right: the article gives the day"},
	{"old-when", "1526", W, NULL},
	{"old-when", "early 1525", W, NULL},
	{"month-asked", "2023", W, "the article gives the month"},
	{"month-asked", "June 2023", C, NULL},
	{"month", "June", W, "year"},
	{"month", "2023-07", W, NULL},
	{"month", "July 1, 2023", W, NULL},
	{"year", "2018", C, NULL},
	{"year", "in 2018", C, NULL},
	{"year", "In 2018.", C, NULL},
	{"year", "around 2018", C, NULL},
	{"year", "June 2018", C, "the year is right"},
	{"year", "2019", W, NULL},
	{"year", "2017", W, NULL},
	{"year", "2081", W, NULL},
	{"year", "201", W, NULL},
	{"year", "20188", W, NULL},
	{"year", "the 2010s", W, "decade"},
	{"year", "'18", C, "Right"},
	{"year", "'19", W, NULL},
	{"year", "18", W, NULL},
	{"year", "two thousand eighteen", C, NULL},
	{"year", "two thousand nineteen", W, NULL},
	{"year", "June", W, NULL},
	{"leap", "February 29, 2024", C, NULL},
	{"leap", "29 Feb 2024", C, NULL},
	{"leap", "29/2/2024", C, NULL},
	{"leap", "Feburary 29, 2024", CL, "mind the spelling: February"},
	{"leap", "February 29, 2023", W, "no such date"},
	{"leap", "February 30, 2024", W, "no such date"},
	{"leap", "March 1, 2024", W, NULL},
	{"leap", "February 28, 2024", W, NULL},
	{"amb", "6/7/2023", A, "month as a word"},
	{"amb", "7/6/2023", A, NULL},
	{"amb", "June 7, 2023", C, NULL},
	{"amb", "7 June 2023", C, NULL},
	{"amb", "2023-06-07", C, NULL},
	{"amb", "8/9/2023", W, NULL},
	{"amb", "6/8/2023", W, NULL},
	{"amb", "July 6, 2023", W, NULL},
	{"amb", "6 July 2023", W, NULL},
	{"same", "5/5/2023", C, NULL},
	{"same", "5.5.2023", C, NULL},
	{"same", "May 5, 2023", C, NULL},
	{"same", "5/6/2023", W, NULL},
	{"old", "15 May 1525", C, NULL},
	{"old", "May 15, 1525", C, NULL},
	{"old", "1525", W, NULL},
	{"old", "May 1525", W, NULL},
	{"old", "15 May 1526", W, NULL},
	{"sept", "Sept 11, 2001", C, NULL},
	{"sept", "Sept. 11, 2001", C, NULL},
	{"sept", "11 September 2001", C, NULL},
	{"sept", "Sep 11 2001", C, NULL},
	{"sept", "Septmber 11, 2001", CL, NULL},
	{"sept", "9/11/2001", A, NULL},
	{"sept", "11 Sept 2002", W, NULL},
	{"sept", "9/11", W, NULL},
	{"date-reject", "2019", C, NULL},
	{"date-reject", "the year before 2020", C, "accepted"},
	{"date-reject", "mid-2019", W, "marks this answer wrong"},
	{"date-reject", "2020", W, NULL},

	/* Numbers. */
	{"n2000", "2000", C, NULL},
	{"n2000", "2,000", C, NULL},
	{"n2000", "2 000", C, NULL},
	{"n2000", "2000.0", C, NULL},
	{"n2000", "two thousand", C, NULL},
	{"n2000", "Two Thousand", C, NULL},
	{"n2000", "2k", C, NULL},
	{"n2000", "2K", C, NULL},
	{"n2000", "2 thousand", C, NULL},
	{"n2000", "about 2,000", C, NULL},
	{"n2000", "some 2000 people", C, NULL},
	{"n2000", "２０００", C, NULL},
	{"n2000", "2001", W, NULL},
	{"n2000", "200", W, NULL},
	{"n2000", "20000", W, NULL},
	{"n2000", "2,00", W, NULL},
	{"n2000", "20,00", W, NULL},
	{"n2000", "2.000", W, NULL},
	{"n2000", "two hundred", W, NULL},
	{"n2000", "2 million", W, NULL},
	{"n2000", "2000 to 3000", W, NULL},
	{"n2000", "1000-2000", W, NULL},
	{"n2000", "thousands", W, NULL},
	{"n2000", "many", W, NULL},
	{"n2000", "-2000", W, NULL},
	{"n2000", "2m", W, NULL},
	{"n2019", "2019", C, NULL},
	{"n2019", "two thousand and nineteen", C, NULL},
	{"n2019", "two thousand nineteen", C, NULL},
	{"n2019", "twenty nineteen", W, NULL},
	{"n2019", "2018", W, NULL},
	{"n2019", "two thousand and eighteen", W, NULL},
	{"n25", "25", C, NULL},
	{"n25", "twenty-five", C, NULL},
	{"n25", "twenty five", C, NULL},
	{"n25", "Twenty-Five", C, NULL},
	{"n25", "twentyfive", W, NULL},
	{"n25", "five twenty", W, NULL},
	{"n25", "26", W, NULL},
	{"n25", "twenty-six", W, NULL},
	{"n25", "52", W, NULL},
	{"pct", "5%", C, NULL},
	{"pct", "5 %", C, NULL},
	{"pct", "5 percent", C, NULL},
	{"pct", "5 per cent", C, NULL},
	{"pct", "five percent", C, NULL},
	{"pct", "5", C, NULL},
	{"pct", "5.0%", C, NULL},
	{"pct", "6%", W, NULL},
	{"pct", "0.5%", W, NULL},
	{"pct", "50%", W, NULL},
	{"pct", "5 km", W, "unit"},
	{"km", "40 km", C, NULL},
	{"km", "40km", C, NULL},
	{"km", "40 kilometres", C, NULL},
	{"km", "40 kilometers", C, NULL},
	{"km", "forty kilometres", C, NULL},
	{"km", "40", C, NULL},
	{"km", "about 40 km long", C, NULL},
	{"km", "40 miles", W, "unit"},
	{"km", "40 m", W, "unit"},
	{"km", "40 mi", W, NULL},
	{"km", "41 km", W, NULL},
	{"km", "4 km", W, NULL},
	{"km", "400 km", W, NULL},
	{"tol", "100", C, NULL},
	{"tol", "104", C, "near enough"},
	{"tol", "96", C, NULL},
	{"tol", "105", C, NULL},
	{"tol", "106", W, NULL},
	{"tol", "94", W, NULL},
	{"tol", "1000", W, NULL},
	{"abs", "3.5", C, NULL},
	{"abs", "3.6", C, NULL},
	{"abs", "3.45", C, NULL},
	{"abs", "3.7", W, NULL},
	{"abs", "35", W, NULL},
	{"abs", "3,5", W, NULL},
	{"usd", "$40 million", C, NULL},
	{"usd", "$40,000,000", C, NULL},
	{"usd", "40 million dollars", C, NULL},
	{"usd", "US$40 million", C, NULL},
	{"usd", "$40m", C, NULL},
	{"usd", "over $40 million", W, "Wrong: the article gives the number, not a bound"},
	{"usd", "40 million", C, NULL},
	{"usd", "forty million", C, NULL},
	{"usd", "40000000", C, NULL},
	{"usd", "€40 million", W, "unit"},
	{"usd", "£40 million", W, NULL},
	{"usd", "40 million euros", W, NULL},
	{"usd", "$40 billion", W, NULL},
	{"usd", "$4 million", W, NULL},
	{"usd", "$400 million", W, NULL},
	{"usd", "40", W, NULL},
	{"third", "3", C, NULL},
	{"third", "3rd", C, NULL},
	{"third", "third", C, NULL},
	{"third", "three", C, NULL},
	{"third", "the third", C, NULL},
	{"third", "4th", W, NULL},
	{"third", "a third", W, NULL},
	{"third", "thirty", W, NULL},
	{"third", "13", W, NULL},
	{"neg", "-5 °C", C, NULL},
	{"neg", "−5 °C", C, NULL},
	{"neg", "-5", C, NULL},
	{"neg", "minus 5 degrees Celsius", C, NULL},
	{"neg", "5 °C", W, NULL},
	{"neg", "-5 °F", W, "unit"},
	{"neg", "-5 degrees Fahrenheit", W, NULL},
	{"big", "2.5 billion", C, NULL},
	{"big", "2,500,000,000", C, NULL},
	{"big", "2.5bn", C, NULL},
	{"big", "two and a half billion", C, NULL},
	{"big", "two and a half million", W, NULL},
	{"big", "2.5 million", W, NULL},
	{"big", "25 billion", W, NULL},
	{"half", "0.5", C, NULL},
	{"half", ".5", C, NULL},
	{"half", "half", C, NULL},
	{"half", "a half", C, NULL},
	{"half", "one half", C, NULL},
	{"half", "50%", W, NULL},
	{"half", "5", W, NULL},
	{"half", "a quarter", W, NULL},
	{"miles", "187 feet", C, NULL},
	{"miles", "187 ft", C, NULL},
	{"miles", "187 foot", C, NULL},
	{"miles", "187", C, NULL},
	{"miles", "187 metres", W, NULL},
	{"miles", "187 feet (57 m)", C, NULL},
	{"miles", "187 feet [57 m]", C, NULL},
	{"miles", "187 (or 188) feet", W, NULL},
	{"miles", "187 (188) feet", W, NULL},
	{"miles", "57 m (187 feet)", W, NULL},
	{"miles", "57 m", W, NULL},
	{"nreject", "12", C, NULL},
	{"nreject", "twelve", C, NULL},
	{"nreject", "a dozen", W, "marks this answer wrong"},
	{"nreject", "13", W, NULL},

	/* Text. */
	{"shanghai", "Shanghai", C, NULL},
	{"shanghai", "shanghai", C, NULL},
	{"shanghai", "SHANGHAI", C, NULL},
	{"shanghai", "Shanghai.", C, NULL},
	{"shanghai", "\"Shanghai\"", C, NULL},
	{"shanghai", "Shangai", CL, "mind the spelling: Shanghai"},
	{"shanghai", "Shanghia", CL, NULL},
	{"shanghai", "Shnaghai", CL, NULL},
	{"shanghai", "Sanghai", CL, NULL},
	{"shanghai", "Shagai", W, NULL},
	{"shanghai", "Changhai", W, NULL},
	{"shanghai", "hanghai", W, NULL},
	{"shanghai", "Shanghai China", W, NULL},
	{"shanghai", "Beijing", W, NULL},
	{"shanghai", "Shanghai1", W, NULL},
	{"australia", "Australia", C, NULL},
	{"australia", "Austrailia", CL, NULL},
	{"australia", "Australai", CL, NULL},
	{"australia", "Austria", W, "Austria"},
	{"australia", "Austrlia", W, NULL},
	{"australia", "Austrian", W, NULL},
	{"austria", "Austria", C, NULL},
	{"austria", "Australia", W, NULL},
	{"austria", "Austira", CL, NULL},
	{"austria", "Autsria", CL, NULL},
	{"austria", "Austral", W, NULL},
	{"austria", "Ostria", W, NULL},
	{"iran", "Iran", C, NULL},
	{"iran", "iran", C, NULL},
	{"iran", "Iraq", W, NULL},
	{"iran", "Irn", W, NULL},
	{"iran", "Iram", W, NULL},
	{"iraq", "Iraq", C, NULL},
	{"iraq", "Iran", W, NULL},
	{"iraq", "Irak", W, NULL},
	{"sweden", "Sweden", C, NULL},
	{"sweden", "Swedan", CL, NULL},
	{"sweden", "Sweeden", CL, NULL},
	{"sweden", "Swiss", W, NULL},
	{"switzerland", "Switzerland", C, NULL},
	{"switzerland", "Switzerlnd", CL, NULL},
	{"switzerland", "Swizerland", CL, NULL},
	{"switzerland", "Sweden", W, NULL},
	{"wall", "the Great Wall", C, NULL},
	{"wall", "Great Wall", C, NULL},
	{"wall", "The Great Wall.", C, NULL},
	{"wall", "a Great Wall", C, NULL},
	{"wall", "Wall", W, NULL},
	{"wall", "the Great Mall", W, NULL},
	{"wall", "Great Wall of China", W, NULL},
	{"plan", "Plan A", C, NULL},
	{"plan", "plan a", C, NULL},
	{"plan", "Plan", W, NULL},
	{"plan", "Plan B", W, NULL},
	{"plan", "A", W, NULL},
	{"counter", "counternarcotics", C, NULL},
	{"counter", "counter-narcotics", C, NULL},
	{"counter", "counter narcotics", C, NULL},
	{"counter", "Counternarcotics.", C, NULL},
	{"counter", "drug control", C, "accepted"},
	{"counter", "Drug Control", C, NULL},
	{"counter", "counternarcotic", CL, NULL},
	{"counter", "narcotics", W, NULL},
	{"counter", "drug", W, NULL},
	{"counter", "counterterrorism", W, NULL},
	{"counter", "no counternarcotics", W, NULL},
	{"counter", "not counternarcotics", W, "what it is not"},
	{"fentanyl", "fentanyl", C, NULL},
	{"fentanyl", "Fentanyl", C, NULL},
	{"fentanyl", "fentanil", W, "marks this answer wrong"},
	{"fentanyl", "FENTANIL", W, "marks this answer wrong"},
	{"fentanyl", "fentanyls", CL, NULL},
	{"fentanyl", "heroin", W, NULL},
	{"austria-reject", "Austria", C, NULL},
	{"austria-reject", "Australia", W, "marks this answer wrong"},
	{"austria-reject", "Austrailia", W, NULL},
	{"austria-reject", "Austrai", W, NULL},
	{"kilogram", "kilogram", C, NULL},
	{"kilogram", "kilogramme", W, "marks this answer wrong"},
	{"kilogram", "kilogramm", W, "marks this answer wrong"},
	{"kilogram", "kilogrm", CL, NULL},
	{"austria-reject", "Republic of Austria", C, "accepted answer"},
	{"austria-reject", "Republik of Austria", CL, NULL},
	{"lincoln", "Abraham Lincoln", C, NULL},
	{"lincoln", "President Lincoln", C, "family name"},
	{"lincoln", "Honest Abe", C, "accepted answer"},
	{"lincoln", "President Honest Abe", C, "accepted answer"},
	{"lincoln", "Abe", W, NULL},
	{"beijing", "Beijing", C, NULL},
	{"beijing", "Bejing", CL, NULL},
	{"beijing", "Beijng", CL, NULL},
	{"beijing", "Peking", W, NULL},
	{"beijing", "Beijing!!", C, NULL},
	{"beijing", "Bei jing", C, NULL},
	{"beijing", "Bering", W, NULL},
	{"saopaulo", "São Paulo", C, NULL},
	{"saopaulo", "Sao Paulo", CL, "accents"},
	{"saopaulo", "SÃO PAULO", C, NULL},
	{"saopaulo", "Sao Paolo", CL, NULL},
	{"saopaulo", "Sao Pedro", W, NULL},
	{"saopaulo", "Paulo", W, NULL},
	{"saopaulo", "Santos", W, NULL},
	{"strasse", "Straße", C, NULL},
	{"strasse", "strasse", C, NULL},
	{"strasse", "STRASSE", C, NULL},
	{"strasse", "Strasse", C, NULL},
	{"strasse", "ẞTRASSE", CL, NULL},
	{"strasse", "STRAẞE", C, NULL},
	{"strasse", "Strabe", W, NULL},
	{"strasse", "Strase", CL, NULL},
	{"strasse", "Straẞe", C, NULL},
	{"beijing-zh", "北京", C, NULL},
	{"beijing-zh", " 北京 ", C, NULL},
	{"beijing-zh", "南京", W, NULL},
	{"beijing-zh", "北", W, NULL},
	{"sisyphus", "Σίσυφος", C, NULL},
	{"sisyphus", "ΣΊΣΥΦΟΣ", C, NULL},
	{"sisyphus", "σίσυφοσ", C, NULL},
	{"sisyphus", "Σισυφος", CL, "accents"},
	{"sisyphus", "Σίσυφοι", CL, NULL},
	{"sisyphus", "Σίσυ", W, NULL},
	{"istanbul", "İstanbul", C, NULL},
	{"istanbul", "Istanbul", CL, "accents"},
	{"istanbul", "istanbul", CL, NULL},
	{"istanbul", "ıstanbul", W, NULL},
	{"istanbul", "Ankara", W, NULL},
	{"wellknown", "well-known", C, NULL},
	{"wellknown", "well known", C, NULL},
	{"wellknown", "wellknown", C, NULL},
	{"wellknown", "well–known", C, NULL},
	{"wellknown", "well", W, NULL},
	{"wellknown", "known", W, NULL},
	{"wellknown", "unknown", W, NULL},
	{"alqaeda", "al-Qaeda", C, NULL},
	{"alqaeda", "al Qaeda", C, NULL},
	{"alqaeda", "Al-Qaeda", C, NULL},
	{"alqaeda", "alqaeda", C, NULL},
	{"alqaeda", "al-Qaida", CL, NULL},
	{"alqaeda", "Qaeda", W, NULL},
	{"alqaeda", "al-Shabaab", W, NULL},
	{"us", "U.S.", C, NULL},
	{"us", "US", C, NULL},
	{"us", "us", C, NULL},
	{"us", "U.S.A.", W, NULL},
	{"us", "UK", W, NULL},
	{"sanctions", "sanctions relief", C, NULL},
	{"sanctions", "Sanctions Relief", C, NULL},
	{"sanctions", "sanction relief", CL, NULL},
	{"sanctions", "sanctions releif", CL, NULL},
	{"sanctions", "sanction releif", CL, NULL},
	{"sanctions", "sanctions", W, NULL},
	{"sanctions", "relief", W, NULL},
	{"sanctions", "relief from sanctions", W, NULL},
	{"sanctions", "no sanctions relief", W, NULL},
	{"sanctions", "santcions relief", CL, NULL},
	{"sanctions", "sanktions relief", CL, NULL},
	{"sanctions", "sanctoins rleief", CL, NULL},
	{"sanctions", "sanctoins rleif", W, NULL},
	{"cooperation", "cooperation on fentanyl", C, NULL},
	{"cooperation", "co-operation on fentanyl", C, NULL},
	{"cooperation", "cooperation on fentanil", CL, NULL},
	{"cooperation", "cooperation in fentanyl", W, NULL},
	{"cooperation", "cooperation", W, NULL},
	{"hindi", "हिन्दी", C, NULL},
	{"hindi", "हिन्द", W, NULL},
	{"hindi", "हनद", W, NULL},

	/* Claims. */
	{"claim-true", "true", C, NULL},
	{"claim-true", "True", C, NULL},
	{"claim-true", "t", C, NULL},
	{"claim-true", "T", C, NULL},
	{"claim-true", "yes", C, NULL},
	{"claim-true", "y", C, NULL},
	{"claim-true", "Y.", C, NULL},
	{"claim-true", "false", W, NULL},
	{"claim-true", "f", W, NULL},
	{"claim-true", "no", W, NULL},
	{"claim-true", "n", W, NULL},
	{"claim-true", "maybe", A, "true or false"},
	{"claim-true", "yes no", A, NULL},
	{"claim-false", "false", C, NULL},
	{"claim-false", "F", C, NULL},
	{"claim-false", "no", C, NULL},
	{"claim-false", "N", C, NULL},
	{"claim-false", "true", W, NULL},
	{"claim-false", "yes", W, NULL},
	{"claim-false", "t", W, NULL},

	/* Choices: letter, number or text, in the bank's order. */
	{"choice", "a", C, NULL},
	{"choice", "A", C, NULL},
	{"choice", "(a)", C, NULL},
	{"choice", "a)", C, NULL},
	{"choice", "1", C, NULL},
	{"choice", "Ben Westhoff", C, NULL},
	{"choice", "ben westhoff", C, NULL},
	{"choice", "Ben Westhof", CL, NULL},
	{"choice", "b", W, NULL},
	{"choice", "c", W, NULL},
	{"choice", "d", W, NULL},
	{"choice", "2", W, NULL},
	{"choice", "4", W, NULL},
	{"choice", "Antony Blinken", W, NULL},
	{"choice", "e", A, "no such choice"},
	{"choice", "5", A, NULL},
	{"choice", "a b", A, "one"},
	{"choice", "Westhoff", C, NULL},
	{"choice-c", "Westhoff", W, NULL},
	{"choice-c", "Blinken", C, NULL},
	{"choice", "Elon Musk", W, NULL},
	{"choice-c", "c", C, NULL},
	{"choice-c", "3", C, NULL},
	{"choice-c", "Antony Blinken", C, NULL},
	{"choice-c", "a", W, NULL},
	{"choice-c", "Ben Westhoff", W, NULL},
	{"choice-multi", "a d", C, NULL},
	{"choice-multi", "d a", C, NULL},
	{"choice-multi", "a, d", C, NULL},
	{"choice-multi", "A and D", C, NULL},
	{"choice-multi", "ad", C, NULL},
	{"choice-multi", "1 4", C, NULL},
	{"choice-multi", "Beijing; Wuhan", C, NULL},
	{"choice-multi", "a", P, "1 of 2"},
	{"choice-multi", "d", P, NULL},
	{"choice-multi", "a b d", P, NULL},
	{"choice-multi", "a b", W, NULL},
	{"choice-multi", "b c", W, NULL},
	{"choice-multi", "a b c d", W, NULL},
	{"choice-multi", "z", A, NULL},
	{"choice-years", "2018", C, NULL},
	{"choice-years", "c", C, NULL},
	{"choice-years", "3", C, NULL},
	{"choice-years", "2019", W, NULL},
	{"choice-years", "2017", W, NULL},
	{"choice-years", "a", W, NULL},

	/* Order: letters in the bank's order of items. */
	{"order", "a b c d", C, NULL},
	{"order", "abcd", C, NULL},
	{"order", "A, B, C, D", C, NULL},
	{"order", "1 2 3 4", C, NULL},
	{"order", "a-b-c-d", C, NULL},
	{"order", "the 2018 brief; the Pelosi visit; the Beijing meeting; the talks", C, NULL},
	{"order", "a b d c", P, "5 of 6"},
	{"order", "b a c d", P, NULL},
	{"order", "c a d b", P, "3 of 6"},
	{"order", "d c b a", W, "reversed"},
	{"order", "a b c", P, "3 of the 4 items"},
	{"order", "a a b c", A, NULL},
	{"order", "a b c d e", A, NULL},
	{"order", "a b c z", A, NULL},

	/* Match: "1b 2a 3c", right sides lettered in the bank's order. */
	{"match", "1a 2b 3c", C, NULL},
	{"match", "1-a, 2-b, 3-c", C, NULL},
	{"match", "1 a 2 b 3 c", C, NULL},
	{"match", "3c 1a 2b", C, NULL},
	{"match", "a b c", C, NULL},
	{"match", "Secretary of State; Foreign Minister; President", C, NULL},
	{"match", "a; b; c", C, NULL},
	{"match", "1b 2a 3c", P, "1 of 3"},
	{"match", "1a 2c 3b", P, NULL},
	{"match", "1a", P, NULL},
	{"match", "1b 2c 3a", W, NULL},
	{"match", "1a 1b", A, "twice"},
	{"match", "1a 4b", A, "numbered"},
	{"match", "1a 2d", A, "lettered"},
	{"match", "President; Foreign Minister; Secretary of State", P, NULL},

	/* Cloze: blanks separated by ';', each graded as text or by value. */
	{"cloze", "Nancy Pelosi; Taiwan", C, NULL},
	{"cloze", "Pelosi; Taiwan", C, NULL},
	{"cloze", "pelosi ; taiwan", C, NULL},
	{"cloze", "Pelosi; Taiwan;", C, NULL},
	{"cloze", "Pelossi; Taiwan", CL, NULL},
	{"cloze", "Pelosi; Tibet", P, "1 of 2"},
	{"cloze", "Pelosi", P, NULL},
	{"cloze", "Pelosi;", P, NULL},
	{"cloze", "; Taiwan", P, NULL},
	{"cloze", "Biden; Tibet", W, NULL},
	{"cloze", "Taiwan; Pelosi", W, NULL},
	{"cloze", "Pelosi; Taiwan; China", A, "blanks"},
	{"cloze", ";", S, NULL},
	{"cloze-date", "June 18, 2023", C, NULL},
	{"cloze-date", "18 June 2023", C, NULL},
	{"cloze-date", "2023-06-18", C, NULL},
	{"cloze-date", "June 19, 2023", W, NULL},
	{"cloze-date", "June 2023", W, NULL},
	{"cloze-num", "70,000; 2021", C, NULL},
	{"cloze-num", "70000; 2021", C, NULL},
	{"cloze-num", "seventy thousand; 2021", C, NULL},
	{"cloze-num", "70,000; 2022", P, NULL},
	{"cloze-num", "7,000; 2020", W, NULL},
	{"cloze-three", "Blinken; Qin; Beijing", C, NULL},
	{"cloze-three", "Blinken; Qin; Shanghai", P, "2 of 3"},
	{"cloze-three", "Qin; Blinken; Beijing", P, "1 of 3"},

	/* More answers that must be wrong: near misses of every kind. */
	{"blinken", "Antony Blinken's wife", W, NULL},
	{"blinken", "Secretary Pelosi", W, NULL},
	{"blinken", "Mr. Antony", W, NULL},
	{"blinken", "Xi Blinken", W, NULL},
	{"blinken", "Antony Blinken and Qin Gang", W, NULL},
	{"blinken", "the Secretary of State", W, NULL},
	{"blinken", "Blinken, Antony", C, NULL},
	{"blinken", "Blinken,", C, NULL},
	{"blinken", "Blinken, ", C, NULL},
	{"blinken", ", Blinken", C, NULL},
	{"blinken", "Blinken, & Pelosi", W, NULL},
	{"blinken", "Blinken, and Qin", W, NULL},
	{"blinken", "()", S, NULL},
	{"blinken", "Blinken ()", C, NULL},
	{"blinken", "(Blinken)", C, NULL},
	{"qin", "Qin Gang's", C, NULL},
	{"qin", "Gang Qin", C, NULL},
	{"qin", "Qinn", W, NULL},
	{"qin", "Chin", W, NULL},
	{"qin", "Mr Gang", W, NULL},
	{"xi", "Xi Jinpeng", CL, NULL},
	{"xi", "President", W, NULL},
	{"xi", "Xie", W, NULL},
	{"xi", "Hu Jintao", W, NULL},
	{"xi", "Jinping Xi", C, NULL},
	{"gwbush", "W. Bush", W, NULL},
	{"gwbush", "George Washington", W, NULL},
	{"gwbush", "Bushes", W, NULL},
	{"pelosi", "N. Pelosi", C, "initial"},
	{"pelosi", "Nancy P.", W, NULL},
	{"pelosi", "Pelosi Nancy", C, NULL},
	{"pelosi", "Paul Pelosi", W, NULL},
	{"ccp", "CCP party", W, NULL},
	{"ccp", "the Communists", C, NULL},
	{"ccp", "KMT", W, NULL},
	{"ccp", "Chinese Communists", W, NULL},
	{"ccp", "Communist Party of Chinese", W, NULL},
	{"who", "W.T.O.", W, NULL},
	{"who", "WH", W, NULL},
	{"who", "World Bank", W, NULL},
	{"dea", "EDA", W, NULL},
	{"dea", "DOJ", W, NULL},
	{"dea", "Enforcement", W, NULL},
	{"falcons", "the Falcons", C, NULL},
	{"falcons", "Atlanta Braves", W, NULL},
	{"falcons", "Hawks", W, NULL},
	{"day", "June 18, 2013", W, NULL},
	{"day", "June 18, 2032", W, NULL},
	{"day", "June 81, 2023", W, NULL},
	{"day", "18 July 2023", W, NULL},
	{"day", "8 June 2023", W, NULL},
	{"day", "June 1, 2023", W, NULL},
	{"day", "June 18th 2020", W, NULL},
	{"day", "2023-06-17", W, NULL},
	{"day", "2023-07-18", W, NULL},
	{"day", "20230618", W, NULL},
	{"day", "6/18", W, "year"},
	{"day", "Sunday 18 June", W, NULL},
	{"day", "Saturday, June 18, 2023", W, "Sunday"},
	{"day", "June eighteenth", W, NULL},
	{"day", "the 18th", W, NULL},
	{"day", "mid-June 2023", W, NULL},
	{"day", "June 18-19, 2023", W, NULL},
	{"month", "June 2024", W, NULL},
	{"month", "May 2023", W, NULL},
	{"month", "2023-05", W, NULL},
	{"month", "05/2023", W, NULL},
	{"month", "June 18, 2022", W, NULL},
	{"month", "summer 2023", W, NULL},
	{"year", "2008", W, NULL},
	{"year", "1918", W, NULL},
	{"year", "2018-2019", W, NULL},
	{"year", "2,018", W, NULL},
	{"year", "MMXVIII", W, NULL},
	{"year", "twenty eighteen", C, NULL},
	{"year", "twenty nineteen", W, NULL},
	{"year", "twenty eighteen nineteen", W, NULL},
	{"leap", "29/2/2023", W, "no such date"},
	{"leap", "February 29, 2025", W, NULL},
	{"sept", "September 11, 2002", W, NULL},
	{"sept", "September 12, 2001", W, NULL},
	{"sept", "11/9/2002", W, NULL},
	{"n2000", "2000000", W, NULL},
	{"n2000", "two", W, NULL},
	{"n2000", "2,000,000", W, NULL},
	{"n2000", "2e3", W, NULL},
	{"n2000", "1,999", W, NULL},
	{"n2000", "2 thousand and one", W, NULL},
	{"n2000", "two thousands", W, NULL},
	{"pct", "5‰", W, NULL},
	{"pct", "15%", W, NULL},
	{"pct", "5.5%", W, NULL},
	{"pct", "%5", W, NULL},
	{"km", "40 sq km", W, NULL},
	{"km", "40 km2", W, NULL},
	{"km", "40 kg", W, NULL},
	{"km", "40 hours", W, NULL},
	{"tol", "110", W, NULL},
	{"tol", "90", W, NULL},
	{"abs", "3.3", W, NULL},
	{"abs", "4", W, NULL},
	{"abs", "3", W, NULL},
	{"usd", "$40", W, NULL},
	{"usd", "$40 thousand", W, NULL},
	{"usd", "40 million yuan", W, NULL},
	{"usd", "€40m", W, NULL},
	{"third", "second", W, NULL},
	{"third", "3.5", W, NULL},
	{"third", "33", W, NULL},
	{"neg", "+5", W, NULL},
	{"neg", "5", W, NULL},
	{"neg", "-50", W, NULL},
	{"neg", "-5 k", W, NULL},
	{"big", "2.5 trillion", W, NULL},
	{"big", "250 million", W, NULL},
	{"big", "2,500,000", W, NULL},
	{"half", "1/2", C, NULL},
	{"half", "½", C, NULL},
	{"half", "2/4", C, NULL},
	{"half", "1/3", W, NULL},
	{"half", "2/1", W, NULL},
	{"miles", "187 km", W, NULL},
	{"miles", "178 feet", W, NULL},
	{"miles", "1870 feet", W, NULL},
	{"shanghai", "Shanghai Beijing", W, NULL},
	{"shanghai", "Hong Kong", W, NULL},
	{"shanghai", "Shenzhen", W, NULL},
	{"shanghai", "Shanghaied", W, NULL},
	{"shanghai", "Sh", W, NULL},
	{"australia", "Australia and Austria", W, NULL},
	{"australia", "New Zealand", W, NULL},
	{"iran", "Iranian", W, NULL},
	{"iran", "Persia", W, NULL},
	{"iran", "Irán", CL, "accents"},
	{"wall", "Great Walls", W, NULL},
	{"wall", "Grate Wall", W, NULL},
	{"wall", "the Great", W, NULL},
	{"plan", "Plan C", W, NULL},
	{"plan", "Plan A1", W, NULL},
	{"counter", "counter", W, NULL},
	{"counter", "counter-terrorism", W, NULL},
	{"counter", "narcotics control", W, NULL},
	{"beijing", "Beijin", CL, NULL},
	{"beijing", "Nanjing", W, NULL},
	{"sweden", "Sweden's", C, NULL},
	{"sweden", "Swedish", W, NULL},
	{"switzerland", "Swaziland", W, NULL},
	{"us", "USSR", W, NULL},
	{"us", "U.S.S.R.", W, NULL},
	{"us", "America", W, NULL},
	{"sanctions", "sanctions relief deal", W, NULL},
	{"sanctions", "relief sanctions", W, NULL},
	{"sanctions", "economic sanctions relief", W, NULL},
	{"hindi", "Hindi", W, NULL},
	{"istanbul", "Constantinople", W, NULL},
	{"nigeria", "Nigeria", C, NULL},
	{"nigeria", "Nigerria", CL, NULL},
	{"nigeria", "Nigera", W, "Niger"},
	{"nigeria", "Niger", W, NULL},
	{"niger", "Nigeria", W, NULL},
	{"niger", "Nigr", CL, NULL},
	{"niger", "Miger", W, NULL},
	{"slovakia", "Slovkia", CL, NULL},
	{"slovakia", "Slovenia", W, NULL},
	{"slovakia", "Slovak", W, NULL},
	{"slovenia", "Slovakia", W, NULL},
	{"slovenia", "Slovenija", CL, NULL},
	{"claim-true", "False.", W, NULL},
	{"claim-true", "NO", W, NULL},
	{"claim-true", "wrong", W, NULL},
	{"claim-true", "nah", A, NULL},
	{"claim-false", "correct", W, NULL},
	{"claim-false", "Y", W, NULL},
	{"choice", "Qin Gang", W, NULL},
	{"choice", "Liu Yuejin", W, NULL},
	{"choice", "b)", W, NULL},
	{"choice", "(c)", W, NULL},
	{"choice", "3", W, NULL},
	{"choice", "Ben", W, NULL},
	{"choice", "Westhoff Ben", C, NULL},
	{"choice-years", "2016", W, NULL},
	{"choice-years", "b", W, NULL},
	{"choice-years", "d", W, NULL},
	{"match", "1c 2a 3b", W, NULL},
	{"match", "b c a", W, NULL},
	{"match", "c a b", W, NULL},
	{"match", "President; Secretary of State; Foreign Minister", W, NULL},
	{"match", "1c 2b 3a", P, "1 of 3"},
	{"cloze", "Obama; Japan", W, NULL},
	{"cloze", "Taiwan; Taiwan", P, NULL},
	{"cloze", "Pelosi Taiwan", C, NULL},
	{"cloze", "Taiwan Pelosi", W, NULL},
	{"cloze-date", "June 18, 2022", W, NULL},
	{"cloze-date", "2023", W, NULL},
	{"cloze-num", "7000; 2012", W, NULL},
	{"cloze-num", "70,001; 2020", W, NULL},
	{"cloze-num", "70; 2021", P, NULL},

	/* Longer answers that are still right, and ones that are not. */
	{"blinken", "the diplomat Antony Blinken", C, "description"},
	{"blinken", "US diplomat Antony Blinken", C, NULL},
	{"blinken", "Antony Blinken, the Secretary of State", C, NULL},
	{"blinken", "wife of Antony Blinken", W, NULL},
	{"blinken", "Pelosi or Antony Blinken", W, NULL},
	{"blinken", "Blinken, Pelosi", W, NULL},
	{"blinken", "Blinken, not Pelosi", W, NULL},
	{"blinken", "Qin Gang, Antony Blinken", W, NULL},
	{"blinken", "2 Antony Blinken", W, NULL},
	{"vinci", "Leonardo da Vinci", C, NULL},
	{"vinci", "da Vinci", C, "family name"},
	{"vinci", "Da Vinci", C, NULL},
	{"vinci", "Leonardo", W, NULL},
	{"vinci", "Vinci", W, NULL},
	{"vinci", "da", W, NULL},
	{"gogh", "van Gogh", C, NULL},
	{"gogh", "Vincent van Gogh", C, NULL},
	{"gogh", "Van Gogh", C, NULL},
	{"gogh", "Gogh", W, NULL},
	{"gogh", "Vincent", W, NULL},
	{"gogh", "Theo van Gogh", W, NULL},
	{"pictet", "Raoul Pierre Pictet", C, NULL},
	{"pictet", "Raoul Pictet", C, NULL},
	{"pictet", "Pierre Pictet", C, NULL},
	{"pictet", "Pictet", C, NULL},
	{"pictet", "Raoul Pierre", W, NULL},
	{"pictet", "Pierre", W, NULL},
	{"pictet", "Jean Pictet", W, NULL},
	{"marconi", "Marconi", C, NULL},
	{"marconi", "Marconi, Tesla and Edison", W, NULL},
	{"marconi", "Marconi, the inventor", C, NULL},
	{"marconi", "Guglielmo Marconi", C, "fuller form"},
	{"marconi", "Guglielmo", W, NULL},
	{"marconi", "Marconi and Tesla", W, NULL},
	{"marconi", "friend of Marconi", W, NULL},
	{"yuan", "Yuan dynasty", C, NULL},
	{"yuan", "the Yuan dynasty", C, NULL},
	{"yuan", "Yuan", C, "short name"},
	{"yuan", "dynasty", W, NULL},
	{"yuan", "Ming dynasty", W, NULL},
	{"yuan", "Yuan Empire", W, NULL},
	{"song", "Song", C, NULL},
	{"song", "the Song dynasty", C, "kind"},
	{"song", "Song Empire", C, NULL},
	{"song", "Tang dynasty", W, NULL},
	{"song", "dynasty", W, NULL},
	{"holmes", "D. Brainerd Holmes", C, NULL},
	{"holmes", "Brainerd Holmes", C, NULL},
	{"holmes", "Holmes", C, NULL},
	{"holmes", "Sherlock Holmes", W, NULL},
	{"holmes", "Brainerd", W, NULL},
	{"episode", "The Time of the Doctor", C, NULL},
	{"episode", "Time of the Doctor", C, NULL},
	{"episode", "Time", W, NULL},
	{"episode", "Doctor", W, NULL},
	{"stanford", "Stanford", C, "short name"},
	{"fifties", "the 1950s", C, NULL},
	{"fifties", "1950s", C, NULL},
	{"fifties", "in the 1950s", C, NULL},
	{"fifties", "In the 1950s.", C, NULL},
	{"fifties", "the 1960s", W, NULL},
	{"fifties", "in 1950", W, NULL},
	{"fifties", "since the 1950s", W, NULL},
	{"pressure", "elevated partial pressures", C, NULL},
	{"pressure", "at elevated partial pressures", C, NULL},
	{"pressure", "elevated pressures", W, NULL},
	{"pressure", "at low partial pressures", W, NULL},
	{"year", "early 2018", C, NULL},
	{"year", "mid-2018", C, NULL},
	{"year", "the end of 2018", C, NULL},
	{"year", "late 2019", W, NULL},
	{"year", "summer of 2017", W, NULL},
	{"month", "late June 2023", C, NULL},
	{"month", "early July 2023", W, NULL},
	{"month", "mid-2023", W, "month"},
	{"count3", "3", C, NULL},
	{"count3", "three", C, NULL},
	{"count3", "third", W, "place in order"},
	{"count3", "3rd", W, NULL},
	{"count3", "4", W, NULL},
	{"n2.5", "2.5", C, NULL},
	{"n2.5", "2½", C, NULL},
	{"n2.5", "2 1/2", C, NULL},
	{"n2.5", "two and a half", C, NULL},
	{"n2.5", "two and a quarter", W, NULL},
	{"n2.5", "21/2", W, NULL},
	{"n2.5", "25", W, NULL},
	{"n2.5", "2,5", W, NULL},

	/* Empty answers and bad input. */
	{"blinken", "", S, NULL},
	{"blinken", "   ", S, NULL},
	{"blinken", "\t\n", S, NULL},
	{"day", "", S, NULL},
	{"n2000", " ", S, NULL},
	{"choice", "", S, NULL},
	{"blinken", "...", S, NULL},
	{"blinken", "\xff\xfe", W, "UTF-8"},
	{"shanghai", "Shang\xc3hai", W, NULL},
	{"blinken", "Blinken\x1b", C, NULL},
	{"blinken", "\a" "Blinken", C, NULL},
	{"blinken", "Blin\xc2\xadken", C, NULL},
	{"blinken", "Blin\xe2\x80\x8bken", C, NULL},
};

static const quiz_question *find(const char *id)
{
	const quiz_question *q = quiz_find(bank, id);
	if (!q)
		fail_msg("no question %s in the test bank", id);
	return q;
}

static void test_table(void **state)
{
	(void)state;
	grader *g = grader_new(bank, NULL);
	size_t failures = 0, right = 0, wrong = 0;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const grade_case *c = &cases[i];
		grade_result r;
		grader_grade(g, find(c->qid), c->typed, &r);
		bool ok = (int)r.verdict == c->want && (!c->note || strstr(r.note, c->note));
		if (!ok) {
			print_error("%s: \"%s\": got %s (%s), want %s%s%s\n", c->qid, c->typed,
			            grade_verdict_name(r.verdict), r.note,
			            grade_verdict_name((grade_verdict)c->want), c->note ? " with " : "",
			            c->note ? c->note : "");
			failures++;
		}
		/* Credits agree with verdicts. */
		if (r.verdict == GRADE_CORRECT || r.verdict == GRADE_CLOSE)
			assert_true(r.credit == 1);
		else if (r.verdict == GRADE_PARTIAL)
			assert_true(r.credit > 0 && r.credit < 1);
		else
			assert_true(r.credit == 0);
		if (c->want == C || c->want == CL)
			right++;
		else if (c->want == W)
			wrong++;
	}
	grader_free(g);
	assert_int_equal(failures, 0);
	/* The table holds at least 400 cases, and as many that must be wrong
	 * as must be right. */
	assert_true(sizeof cases / sizeof *cases >= 400);
	assert_true(wrong >= right);
}

static void test_partial_credit(void **state)
{
	(void)state;
	grader *g = grader_new(bank, NULL);
	grade_result r;
	grader_grade(g, find("order"), "c a d b", &r);
	assert_int_equal(r.verdict, GRADE_PARTIAL);
	assert_true(fabs(r.credit - 0.5) < 1e-9);
	grader_grade(g, find("order"), "a b d c", &r);
	assert_true(fabs(r.credit - 5.0 / 6) < 1e-9);
	grader_grade(g, find("match"), "1a 2c 3b", &r);
	assert_true(fabs(r.credit - 1.0 / 3) < 1e-9);
	grader_grade(g, find("cloze-three"), "Blinken; Qin; Shanghai", &r);
	assert_true(fabs(r.credit - 2.0 / 3) < 1e-9);
	grader_grade(g, find("choice-multi"), "a", &r);
	assert_true(fabs(r.credit - 0.5) < 1e-9);
	/* One right pick and one wrong cancel out. */
	grader_grade(g, find("choice-multi"), "a b", &r);
	assert_int_equal(r.verdict, GRADE_WRONG);
	assert_true(r.credit == 0);
	grader_free(g);
}

static void test_date_order_option(void **state)
{
	(void)state;
	grade_options mdy = {QUIZ_DATE_ORDER_MDY}, dmy = {QUIZ_DATE_ORDER_DMY};
	grader *gm = grader_new(bank, &mdy), *gd = grader_new(bank, &dmy);
	grade_result r;
	grader_grade(gm, find("amb"), "6/7/2023", &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	grader_grade(gd, find("amb"), "6/7/2023", &r);
	assert_int_equal(r.verdict, GRADE_WRONG);
	grader_grade(gd, find("amb"), "7/6/2023", &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	grader_grade(gm, find("amb"), "7/6/2023", &r);
	assert_int_equal(r.verdict, GRADE_WRONG);
	/* A date that can be read only one way is read that way whatever the order. */
	grader_grade(gm, find("day"), "18/6/2023", &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	grader_grade(gd, find("day"), "6/18/2023", &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	grader_free(gm);
	grader_free(gd);

	/* The quiz's own date_order is used when the options leave it unset. */
	quiz_set_date_order(bank, QUIZ_DATE_ORDER_DMY);
	grader *gq = grader_new(bank, NULL);
	grader_grade(gq, find("amb"), "7/6/2023", &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	grader_free(gq);
	gm = grader_new(bank, &mdy);
	grader_grade(gm, find("amb"), "6/7/2023", &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	grader_free(gm);
	quiz_set_date_order(bank, QUIZ_DATE_ORDER_UNSET);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(grade_verdict_name(GRADE_CORRECT), "correct");
	assert_string_equal(grade_verdict_name(GRADE_CLOSE), "close");
	assert_string_equal(grade_verdict_name(GRADE_PARTIAL), "partial");
	assert_string_equal(grade_verdict_name(GRADE_AMBIGUOUS), "ambiguous");
	assert_string_equal(grade_verdict_name(GRADE_WRONG), "wrong");
	assert_string_equal(grade_verdict_name(GRADE_SKIPPED), "skipped");
	assert_true(grade_verdict_accepted(GRADE_CLOSE));
	assert_false(grade_verdict_accepted(GRADE_PARTIAL));
}

/* A question from another quiz is graded too, with the grader's bank as
 * its rivals. */
static void test_foreign_question(void **state)
{
	(void)state;
	grader *g = grader_new(bank, NULL);
	quiz *other = quiz_new();
	quiz_question *q = quiz_add_question(other);
	q->kind = QUIZ_TEXT;
	q->text = arena_strdup(quiz_arena(other), "Australia");
	grade_result r;
	grader_grade(g, q, "Australia", &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	grader_grade(g, q, "Austrailia", &r);
	assert_int_equal(r.verdict, GRADE_CLOSE);
	grader_grade(g, q, "Austria", &r);
	assert_int_equal(r.verdict, GRADE_WRONG);
	quiz_actor *a = quiz_add_actor(other);
	a->name = arena_strdup(quiz_arena(other), "Hunter Biden");
	quiz_question *qa = quiz_add_question(other);
	qa->kind = QUIZ_ACTOR;
	qa->actor = a;
	grader_grade(g, qa, "Biden", &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	grader_grade(g, qa, "Hunter", &r);
	assert_int_equal(r.verdict, GRADE_WRONG);
	quiz_free(other);
	grader_free(g);
}

/* A bank with one question and nothing else to compare with. */
static void test_lone_question(void **state)
{
	(void)state;
	quiz *lone = quiz_new();
	quiz_question *q = quiz_add_question(lone);
	q->kind = QUIZ_DATE;
	q->date = (quiz_date){2018, 0, 0};
	grader *g = grader_new(lone, NULL);
	grade_result r;
	grader_grade(g, q, "2018", &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	grader_grade(g, q, "2019", &r);
	assert_int_equal(r.verdict, GRADE_WRONG);
	grader_free(g);
	quiz_free(lone);
	/* And an empty bank. */
	quiz *none = quiz_new();
	g = grader_new(none, NULL);
	grader_free(g);
	quiz_free(none);
}

/* A long `accept` list is indexed: 100,000 entries are prepared and
 * searched without comparing each with each, and grade as a short list
 * would (the first entry that reads the same decides). */
static void test_long_accept_list(void **state)
{
	(void)state;
	quiz *big = quiz_new();
	arena *ar = quiz_arena(big);
	enum { N = 100000 };
	const char **items = malloc(N * sizeof *items);
	char entry[64];
	for (size_t i = 0; i < N; i++) {
		snprintf(entry, sizeof entry, "Harbour Station %zu", i);
		items[i] = arena_strdup(ar, entry);
	}
	quiz_question *q = quiz_add_question(big);
	q->kind = QUIZ_TEXT;
	q->id = "stations";
	q->prompt = "Which station?";
	q->text = "Quayside Station";
	q->answer_text = q->text;
	q->accept = quiz_strings_copy(big, items, N);
	const char *rejects[] = {"Harbour Station 7"};
	q->reject = quiz_strings_copy(big, rejects, 1);
	grader *g = grader_new(big, NULL);
	grade_result r;
	grader_grade(g, q, "harbour station 99999", &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	assert_string_equal(r.note, "accepted answer");
	grader_grade(g, q, "Harbour-Station 0", &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	grader_grade(g, q, "Harbourstation 512", &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	grader_grade(g, q, "Harbour Station 100000", &r);
	assert_int_equal(r.verdict, GRADE_WRONG);
	grader_grade(g, q, "Harbour Station 7", &r);
	assert_int_equal(r.verdict, GRADE_WRONG);
	grader_grade(g, q, "Quayside Station", &r);
	assert_int_equal(r.verdict, GRADE_CORRECT);
	grader_grade(g, q, "Quaysdie Station", &r);
	assert_int_equal(r.verdict, GRADE_CLOSE);
	grader_free(g);
	free(items);
	quiz_free(big);
}

/* Long answers take the heap path and still grade. */
static void test_long_answers(void **state)
{
	(void)state;
	grader *g = grader_new(bank, NULL);
	size_t n = 200000;
	char *s = malloc(n + 1);
	for (size_t i = 0; i < n; i++)
		s[i] = (char)('a' + i % 26);
	s[n] = '\0';
	grade_result r;
	grader_grade(g, find("shanghai"), s, &r);
	assert_int_equal(r.verdict, GRADE_WRONG);
	grader_grade(g, find("n2000"), s, &r);
	assert_int_equal(r.verdict, GRADE_WRONG);
	grader_grade(g, find("day"), s, &r);
	assert_int_equal(r.verdict, GRADE_WRONG);
	grader_grade(g, find("order"), s, &r);
	assert_int_not_equal(r.verdict, GRADE_CORRECT);
	for (size_t i = 0; i < n; i++)
		s[i] = (i % 2) ? ' ' : 'a';
	grader_grade(g, find("cloze"), s, &r);
	assert_int_not_equal(r.verdict, GRADE_CORRECT);
	grader_grade(g, find("match"), s, &r);
	assert_int_not_equal(r.verdict, GRADE_CORRECT);
	memset(s, ';', n);
	grader_grade(g, find("cloze-three"), s, &r);
	assert_int_not_equal(r.verdict, GRADE_CORRECT);
	free(s);
	grader_free(g);
}

/* Random answers built from pieces that stress the parsers (digits,
 * separators, brackets, words, accents, broken UTF-8) against every
 * question: no crash, a known verdict, a credit in range, a short note. */
static void test_random_answers(void **state)
{
	(void)state;
	static const char *const pieces[] = {
		"1", "18", "2023", "6/7", "/", "-", ".", ",", ";", "(", ")", "[", "]", " ", "  ",
		"a", "b", "1b", "June", "Sept.", "the", "of", "and", "not", "Blinken", "Bush",
		"CCP", "C.C.P.", "Müller", "é", "Ì", "北京", "ß", "½", "%", "$", "k", "million",
		"twenty-", "third", "ÿ", "Ã", "'s", "’", "Mr.", "Secretary of State", "	",
	};
	grader *g = grader_new(bank, NULL);
	uint32_t seed = 12345;
	char typed[256];
	size_t nq = quiz_question_count(bank);
	for (int round = 0; round < 4000; round++) {
		size_t len = 0;
		seed = seed * 1103515245u + 12345u;
		int parts = 1 + (int)((seed >> 16) % 8);
		for (int p = 0; p < parts; p++) {
			seed = seed * 1103515245u + 12345u;
			const char *piece = pieces[(seed >> 16) % (sizeof pieces / sizeof *pieces)];
			size_t pl = strlen(piece);
			if (len + pl >= sizeof typed)
				break;
			memcpy(typed + len, piece, pl);
			len += pl;
		}
		typed[len] = '\0';
		const quiz_question *q = quiz_question_at(bank, (size_t)round % nq);
		grade_result r;
		grader_grade(g, q, typed, &r);
		assert_true(r.verdict < GRADE_VERDICT_COUNT);
		assert_true(r.credit >= 0 && r.credit <= 1);
		assert_true(strlen(r.note) < GRADE_NOTE_MAX);
	}
	grader_free(g);
}

static int setup(void **state)
{
	(void)state;
	build_bank();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	quiz_free(bank);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_partial_credit),
		cmocka_unit_test(test_date_order_option),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_foreign_question),
		cmocka_unit_test(test_long_answers),
		cmocka_unit_test(test_random_answers),
		cmocka_unit_test(test_lone_question),
		cmocka_unit_test(test_long_accept_list),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
