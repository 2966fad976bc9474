/* gen.c - deterministic generator of large benchmark inputs: an article and question banks
 *
 * Usage: gen OUTDIR [ARTICLE_BYTES]
 *
 * Writes, always the same bytes for the same arguments:
 *   article.md            Markdown of about ARTICLE_BYTES (default 1 MiB): front matter,
 *                         headings, paragraphs, lists, block quotes, links, code,
 *                         non-ASCII text
 *   bank-1000.yaml        banks of every kind of question (format v1), every question with
 *   bank-10000.yaml       a `source` quote that occurs in article.md
 *   bank-100000.yaml
 *   grade-1000.tsv        QID<TAB>ANSWER lines for bank-1000: a right and a wrong answer each
 *   text-10000.yaml       10,000 `text` questions, for the side-by-side with quiz(6)
 *   text-10000.answers    the right answer to each, one a line, in bank order
 *   quiz6.data            the same pairs as quiz(6)'s colon-separated data file
 *   quiz6.index           its index file, naming quiz6.data by absolute path
 *
 * The generator knows every fact sentence it writes, so each question's source is
 * a plain-text run of a paragraph (never across emphasis or links). */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* xorshift64*: small, fast, and the same on every machine. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;

static uint64_t rng_next(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1Dull;
}

static size_t pick(size_t n)
{
	return (size_t)(rng_next() % n);
}

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *given_names[] = {
	"Antony", "Qin", "Ben", "Liu", "Nancy", "José", "Zoë", "Łukasz", "Søren", "Amélie",
	"Hiroshi", "Aïsha", "Björn", "Chiara", "Dmitri", "Eun-ji", "Fatima", "Gonçalo",
	"Håkon", "Ingrid", "Jürgen", "Kwame", "Leila", "Miguel", "Nuno", "Olga", "Pál",
	"Rosalind", "Siobhán", "Tomasz", "Uma", "Vikram", "Wen", "Xavier", "Yusuf", "Zdeněk",
};
static const char *family_names[] = {
	"Blinken", "Gang", "Westhoff", "Yuejin", "Pelosi", "García", "Müller", "Kowalski",
	"Kierkegaard", "Lefèvre", "Tanaka", "Benali", "Öberg", "Ricci", "Volkov", "Park",
	"Haddad", "Araújo", "Nørgaard", "Lindqvist", "Schäfer", "Mensah", "Rahimi", "Ortega",
	"Brandão", "Petrova", "Szabó", "Franklin", "Ó Briain", "Wiśniewski", "Iyer", "Zhang",
	"Dubois", "Demir", "Dvořák", "Nguyễn",
};
static const char *roles[] = {
	"foreign minister", "secretary of state", "chief chemist", "customs director",
	"trade envoy", "health commissioner", "port inspector", "harbour master",
	"budget auditor", "press officer", "lab supervisor", "border chief", "data analyst",
	"court clerk", "deputy mayor", "fleet captain", "field medic", "grain broker",
};
static const char *orgs[] = {
	"the Harbour Authority", "the Ministry of Public Security", "the Institute of Forensic Science",
	"the Economics and Security Review Commission", "the Customs Bureau", "the Drug Enforcement Office",
	"the Société Générale des Eaux", "the Zürich Chamber of Trade", "the Coastal Guard",
	"the Northern Rail Company", "the Office of the Ombudsman", "the Statistics Board",
};
static const char *places[] = {
	"Beijing", "Shanghai", "Mexico City", "São Paulo", "Zürich", "Kraków", "Reykjavík",
	"Montréal", "Łódź", "Malmö", "Nuuk", "Göteborg", "Düsseldorf", "Córdoba", "Hà Nội",
	"Αθήνα", "Москва", "東京", "Seoul", "Accra", "Lagos", "Lima", "Quito", "Tbilisi",
};
static const char *things[] = {
	"precursor shipment", "trade agreement", "sanctions list", "laboratory", "port audit",
	"customs ledger", "warehouse", "summit", "hearing", "rail contract", "water treaty",
	"border crossing", "research grant", "cargo manifest", "budget review",
};
static const char *units[] = {"delegates", "containers", "tonnes", "inspectors", "samples"};
static const char *verbs[] = {
	"inspected", "announced", "signed", "opened", "questioned", "approved", "suspended",
	"audited", "reviewed", "closed",
};
static const char *verbs_base[] = {
	"inspect", "announce", "sign", "open", "question", "approve", "suspend", "audit",
	"review", "close",
};
static const char *months[] = {
	"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December",
};
static const char *filler_words[] = {
	"the", "report", "said", "officials", "had", "long", "known", "that", "trade", "across",
	"border", "was", "slow", "and", "costly", "while", "critics", "argued", "for", "reform",
	"of", "a", "system", "built", "decades", "ago", "naïve", "café", "résumé", "façade",
	"coöperation", "über", "jalapeño", "smörgåsbord", "piñata", "fiancée", "déjà", "vu",
	"«quoted»", "„so-called“", "“curly”", "—", "–", "…", "½", "°C", "€", "¥", "→",
	"中文", "日本語", "한국어", "Ελληνικά", "русский", "עברית", "العربية", "emoji 🙂",
};
static const char *syllables[] = {
	"ka", "lo", "ri", "ven", "ta", "mo", "su", "del", "par", "no", "bi", "ser", "qua", "li",
	"dor", "en", "fa", "gu", "hal", "ji", "kor", "mi", "nes", "ot", "pu", "ran", "sol", "tu",
};

/* One fact sentence of the article, with everything a question can ask of it. */
typedef struct {
	int person;          /* index into the people table */
	int org, place, thing, verb, unit;
	int year, month, day;
	long number;
	char name[48];       /* the thing's code name: lowercase ASCII words */
	char *sentence;      /* exactly as it stands in the article (plain text) */
} fact;

typedef struct {
	char name[96];
	char family[48];
	char id[32];
	int role, org;
} person;

static person people[200];
static size_t n_people;
static fact *facts;
static size_t n_facts, cap_facts;

static void die(const char *what)
{
	fprintf(stderr, "gen: %s: %s\n", what, strerror(errno));
	exit(1);
}

static FILE *open_out(const char *dir, const char *name)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (!f)
		die(path);
	return f;
}

static void close_out(FILE *f, const char *name)
{
	if (ferror(f) || fclose(f) != 0)
		die(name);
}

static char *format(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = NULL;
	if (vasprintf(&s, fmt, ap) < 0)
		die("vasprintf");
	va_end(ap);
	return s;
}

static void make_people(void)
{
	for (n_people = 0; n_people < COUNT(people); n_people++) {
		person *p = &people[n_people];
		/* Given and family names cycle at different rates, so no two
		 * people share a full name. */
		const char *given = given_names[n_people % COUNT(given_names)];
		const char *family = family_names[(n_people / COUNT(given_names) * 7 + n_people) %
		                                  COUNT(family_names)];
		snprintf(p->name, sizeof p->name, "%s %s", given, family);
		snprintf(p->family, sizeof p->family, "%s", family);
		snprintf(p->id, sizeof p->id, "p%zu", n_people);
		p->role = (int)pick(COUNT(roles));
		p->org = (int)pick(COUNT(orgs));
	}
}

static void make_name(char *out, size_t size)
{
	size_t words = 1 + pick(2), len = 0;
	out[0] = '\0';
	for (size_t w = 0; w < words; w++) {
		if (w)
			len += (size_t)snprintf(out + len, size - len, " ");
		size_t n = 2 + pick(2);
		for (size_t s = 0; s < n; s++)
			len += (size_t)snprintf(out + len, size - len, "%s", syllables[pick(COUNT(syllables))]);
	}
}

static const char *fact_new(void)
{
	if (n_facts == cap_facts) {
		cap_facts = cap_facts ? cap_facts * 2 : 1024;
		facts = realloc(facts, cap_facts * sizeof(fact));
		if (!facts)
			die("realloc");
	}
	fact *f = &facts[n_facts];
	f->person = (int)pick(n_people);
	f->org = people[f->person].org;
	f->place = (int)pick(COUNT(places));
	f->thing = (int)pick(COUNT(things));
	f->verb = (int)pick(COUNT(verbs));
	f->unit = (int)pick(COUNT(units));
	f->year = 1990 + (int)pick(35);
	f->month = 1 + (int)pick(12);
	f->day = 1 + (int)pick(28);
	f->number = 10 + (long)pick(99990);
	make_name(f->name, sizeof f->name);
	const person *p = &people[f->person];
	/* The fact number makes each sentence unique in the article. */
	f->sentence = format("On %s %d, %d, %s, the %s of %s, %s the %s known as %s in %s with "
	                     "%ld %s present (record %zu).",
	                     months[f->month - 1], f->day, f->year, p->name, roles[p->role],
	                     orgs[p->org], verbs[f->verb], things[f->thing], f->name,
	                     places[f->place], f->number, units[f->unit], n_facts + 1);
	n_facts++;
	return f->sentence;
}

static void filler(FILE *out, size_t words)
{
	for (size_t i = 0; i < words; i++) {
		const char *w = filler_words[pick(COUNT(filler_words))];
		if (i == 0)
			fputs("It was noted that ", out);
		else
			fputc(' ', out);
		fputs(w, out);
	}
	fputs(".", out);
}

/* A paragraph: fact sentences and filler, with inline markup only in the filler. */
static void paragraph(FILE *out)
{
	size_t n = 2 + pick(3);
	for (size_t i = 0; i < n; i++) {
		if (i)
			fputc(' ', out);
		switch (pick(6)) {
		case 0:
			fprintf(out, "See *the %s* and **%s** for more.", things[pick(COUNT(things))],
			        places[pick(COUNT(places))]);
			break;
		case 1:
			fprintf(out, "The [%s archive](https://example.org/archive/%zu) keeps `ref-%zu`.",
			        places[pick(COUNT(places))], pick(100000), pick(1000));
			break;
		case 2:
			filler(out, 6 + pick(12));
			break;
		default:
			fputs(fact_new(), out);
			break;
		}
	}
	fputc('\n', out);
}

static void write_article(const char *dir, size_t target)
{
	FILE *out = open_out(dir, "article.md");
	fputs("---\n"
	      "title: \"A generated record of trade, customs and crossings\"\n"
	      "source: \"The Benchmark Gazette\"\n"
	      "published: 2023-07-25\n"
	      "author: \"Zoë Ó Briain\"\n"
	      "url: https://example.org/generated\n"
	      "---\n\n",
	      out);
	for (int section = 1; ftell(out) < (long)target; section++) {
		fprintf(out, "## Section %d: %s in %s\n\n", section, things[pick(COUNT(things))],
		        places[pick(COUNT(places))]);
		for (int block = 0; block < 12 && ftell(out) < (long)target; block++) {
			switch (pick(10)) {
			case 0:
				for (size_t i = 0, n = 2 + pick(3); i < n; i++) {
					fputs("- ", out);
					paragraph(out);
				}
				break;
			case 1:
				for (size_t i = 0, n = 2 + pick(3); i < n; i++) {
					fprintf(out, "%zu. ", i + 1);
					paragraph(out);
				}
				break;
			case 2:
				fputs("> ", out);
				paragraph(out);
				break;
			case 3:
				fprintf(out, "### %s, %s\n", orgs[pick(COUNT(orgs))], places[pick(COUNT(places))]);
				break;
			case 4:
				if (pick(4) == 0) {
					fputs("```\nledger --region ", out);
					fputs(places[pick(COUNT(places))], out);
					fputs("\n```\n", out);
					break;
				}
				/* fall through */
			default:
				paragraph(out);
				break;
			}
			fputc('\n', out);
		}
		if (section % 10 == 0)
			fputs("---\n\n", out);
	}
	close_out(out, "article.md");
}

/* A YAML double-quoted scalar. */
static void yq(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
	fputc('"', out);
}

static void date_words(const fact *f, char *out, size_t size)
{
	snprintf(out, size, "%s %d, %d", months[f->month - 1], f->day, f->year);
}

/* A part of the fact's sentence to quote: a different span for each kind,
 * always plain text of one paragraph. */
static void source_line(FILE *out, const fact *f, int variant)
{
	const char *s = f->sentence;
	char quote[512];
	size_t len = strlen(s);
	/* Start after the first comma and a few words in, as an author would
	 * quote a phrase rather than a whole sentence. */
	const char *start = s;
	if (variant % 2) {
		const char *comma = strchr(s, ',');
		if (comma && comma[1] == ' ')
			start = comma + 2;
	}
	size_t take = len - (size_t)(start - s);
	if (variant % 3 == 0 && take > 60) {
		take = 60;
		while (take > 20 && start[take] != ' ')
			take--;
	}
	if (take >= sizeof quote)
		take = sizeof quote - 1;
	memcpy(quote, start, take);
	quote[take] = '\0';
	fputs("    source: ", out);
	yq(out, quote);
	fputc('\n', out);
}

static const fact *fact_for(size_t i)
{
	/* Spread the questions over the whole article, so source lookups are
	 * not all near its start. */
	return &facts[(i * 7919) % n_facts];
}

static void grade_line(FILE *tsv, size_t id, const char *answer)
{
	if (tsv)
		fprintf(tsv, "q%zu\t%s\n", id, answer);
}

/* Writes question `i` of kind i % 9, and (when tsv is given) a right and a
 * wrong typed answer for it. */
static void question(FILE *out, FILE *tsv, size_t i)
{
	const fact *f = fact_for(i);
	const person *p = &people[f->person];
	char text[512];
	fprintf(out, "  - id: q%zu\n", i);
	switch (i % 9) {
	case 0:
		fputs("    kind: date\n    prompt: ", out);
		snprintf(text, sizeof text, "On what date did %s %s the %s known as %s?", p->name,
		         verbs_base[f->verb], things[f->thing], f->name);
		yq(out, text);
		fprintf(out, "\n    answer: %04d-%02d-%02d\n", f->year, f->month, f->day);
		date_words(f, text, sizeof text);
		grade_line(tsv, i, text);
		snprintf(text, sizeof text, "%d-%02d-%02d", f->year + 1, f->month, f->day);
		grade_line(tsv, i, text);
		break;
	case 1:
		fputs("    kind: actor\n    prompt: ", out);
		snprintf(text, sizeof text, "Who %s the %s known as %s in %s?", verbs[f->verb],
		         things[f->thing], f->name, places[f->place]);
		yq(out, text);
		if (i % 2) {
			fprintf(out, "\n    answer: {actor: %s}\n", p->id);
		} else {
			fputs("\n    answer: ", out);
			yq(out, p->name);
			fputc('\n', out);
		}
		snprintf(text, sizeof text, "%s %s", roles[p->role], p->family);
		grade_line(tsv, i, text);
		grade_line(tsv, i, people[(f->person + 1) % n_people].name);
		break;
	case 2:
		fputs("    kind: number\n    prompt: ", out);
		snprintf(text, sizeof text, "How many %s were present when the %s known as %s was %s?",
		         units[f->unit], things[f->thing], f->name, verbs[f->verb]);
		yq(out, text);
		fprintf(out, "\n    answer: %ld\n    tolerance: 5%%\n    unit: %s\n", f->number,
		        units[f->unit]);
		snprintf(text, sizeof text, "%ld", f->number);
		grade_line(tsv, i, text);
		snprintf(text, sizeof text, "%ld", f->number * 2 + 1);
		grade_line(tsv, i, text);
		break;
	case 3:
		fputs("    kind: text\n    prompt: ", out);
		snprintf(text, sizeof text, "By what name was the %s %s by %s known?", things[f->thing],
		         verbs[f->verb], p->name);
		yq(out, text);
		fputs("\n    answer: ", out);
		yq(out, f->name);
		fputc('\n', out);
		grade_line(tsv, i, f->name);
		grade_line(tsv, i, "something else entirely");
		break;
	case 4:
		fputs("    kind: claim\n    prompt: ", out);
		if (i % 2) {
			snprintf(text, sizeof text, "The %s known as %s was %s in %s.", things[f->thing],
			         f->name, verbs[f->verb], places[f->place]);
			yq(out, text);
			fputs("\n    answer: true\n", out);
			grade_line(tsv, i, "yes");
			grade_line(tsv, i, "f");
		} else {
			snprintf(text, sizeof text, "The %s known as %s was %s in %s.", things[f->thing],
			         f->name, verbs[f->verb], places[(f->place + 1) % COUNT(places)]);
			yq(out, text);
			fputs("\n    answer: false\n    correction: ", out);
			snprintf(text, sizeof text, "It was in %s.", places[f->place]);
			yq(out, text);
			fputc('\n', out);
			grade_line(tsv, i, "false");
			grade_line(tsv, i, "true");
		}
		break;
	case 5: {
		fputs("    kind: choice\n    prompt: ", out);
		snprintf(text, sizeof text, "Who was the %s of %s that %s the %s known as %s?",
		         roles[p->role], orgs[p->org], verbs[f->verb], things[f->thing], f->name);
		yq(out, text);
		size_t right = i % 4;
		fputs("\n    choices: [", out);
		for (size_t c = 0; c < 4; c++) {
			if (c)
				fputs(", ", out);
			size_t who = c == right ? (size_t)f->person
			                        : ((size_t)f->person + 1 + c * 17) % n_people;
			yq(out, people[who].name);
		}
		fputs("]\n    answer: ", out);
		yq(out, p->name);
		fputc('\n', out);
		snprintf(text, sizeof text, "%c", (char)('a' + right));
		grade_line(tsv, i, text);
		snprintf(text, sizeof text, "%c", (char)('a' + (right + 1) % 4));
		grade_line(tsv, i, text);
		break;
	}
	case 6:
		fputs("    kind: order\n    prompt: ", out);
		snprintf(text, sizeof text, "Put the parts of record %s in the order the article gives them.",
		         f->name);
		yq(out, text);
		fputs("\n    items: [", out);
		snprintf(text, sizeof text, "%s %d, %d", months[f->month - 1], f->day, f->year);
		yq(out, text);
		fputs(", ", out);
		yq(out, p->name);
		fputs(", ", out);
		yq(out, places[f->place]);
		fputs("]\n", out);
		grade_line(tsv, i, "a b c");
		grade_line(tsv, i, "c b a");
		break;
	case 7: {
		fputs("    kind: match\n    prompt: ", out);
		yq(out, "Match each person with the role the article gives them.");
		fputs("\n    pairs:\n", out);
		/* Three people with three different roles. */
		size_t who[3];
		who[0] = (size_t)f->person;
		for (size_t k = 1, cand = who[0] + 1; k < 3; cand++) {
			const person *c = &people[cand % n_people];
			int clash = 0;
			for (size_t m = 0; m < k; m++)
				clash |= people[who[m]].role == c->role;
			if (!clash)
				who[k++] = cand % n_people;
		}
		for (size_t k = 0; k < 3; k++) {
			fputs("      - [", out);
			yq(out, people[who[k]].name);
			fputs(", ", out);
			yq(out, roles[people[who[k]].role]);
			fputs("]\n", out);
		}
		grade_line(tsv, i, "1a 2b 3c");
		grade_line(tsv, i, "1b 2a 3c");
		break;
	}
	default:
		fputs("    kind: cloze\n    text: ", out);
		snprintf(text, sizeof text, "In %s, {{%s|%s}} %s the %s known as {{%s}}.",
		         places[f->place], p->name, p->family, verbs[f->verb], things[f->thing], f->name);
		yq(out, text);
		fputc('\n', out);
		snprintf(text, sizeof text, "%s; %s", p->family, f->name);
		grade_line(tsv, i, text);
		snprintf(text, sizeof text, "%s; %s", places[f->place], "nothing");
		grade_line(tsv, i, text);
		break;
	}
	source_line(out, f, (int)i);
	if (i % 3 == 0) {
		fputs("    explain: ", out);
		yq(out, "The article gives it in the record quoted above.");
		fputc('\n', out);
	}
	if (i % 5 == 0)
		fprintf(out, "    tags: [generated, %s]\n", i % 2 ? "odd" : "even");
}

static void write_bank(const char *dir, size_t count, bool with_tsv)
{
	char name[64], tsv_name[64];
	snprintf(name, sizeof name, "bank-%zu.yaml", count);
	snprintf(tsv_name, sizeof tsv_name, "grade-%zu.tsv", count);
	FILE *out = open_out(dir, name);
	FILE *tsv = with_tsv ? open_out(dir, tsv_name) : NULL;
	fprintf(out, "# %s - generated by bench/gen: %zu questions of every kind\n", name, count);
	fputs("recall: 1\n", out);
	fprintf(out, "title: \"Generated bank of %zu questions\"\n", count);
	fputs("article: article.md\nactors:\n", out);
	for (size_t k = 0; k < n_people; k++) {
		fprintf(out, "  %s: {name: ", people[k].id);
		yq(out, people[k].name);
		fputs(", family: ", out);
		yq(out, people[k].family);
		fputs("}\n", out);
	}
	fputs("questions:\n", out);
	for (size_t i = 0; i < count; i++)
		question(out, tsv, i);
	close_out(out, name);
	if (tsv)
		close_out(tsv, tsv_name);
}

/* The side-by-side with quiz(6): plain ASCII pairs that both tools read the
 * same way (quiz(6) reads its categories as patterns, so no `:|{}[]\`). */
static void write_text_bank(const char *dir)
{
	const size_t count = 10000;
	FILE *bank = open_out(dir, "text-10000.yaml");
	FILE *answers = open_out(dir, "text-10000.answers");
	FILE *data = open_out(dir, "quiz6.data");
	fputs("# text-10000.yaml - generated by bench/gen: 10,000 text questions\n"
	      "recall: 1\ntitle: \"Generated text questions\"\narticle: article.md\nquestions:\n",
	      bank);
	for (size_t i = 0; i < count; i++) {
		const fact *f = fact_for(i);
		char prompt[256];
		snprintf(prompt, sizeof prompt, "By what name was the %s of record %zu known",
		         things[f->thing], (i * 7919) % n_facts + 1);
		fprintf(bank, "  - id: t%zu\n    kind: text\n    prompt: \"%s?\"\n    answer: \"%s\"\n",
		        i, prompt, f->name);
		source_line(bank, f, 1);
		fprintf(answers, "%s\n", f->name);
		fprintf(data, "%s:%s\n", prompt, f->name);
	}
	close_out(bank, "text-10000.yaml");
	close_out(answers, "text-10000.answers");
	close_out(data, "quiz6.data");

	char real[PATH_MAX];
	if (!realpath(dir, real))
		die(dir);
	FILE *index = open_out(dir, "quiz6.index");
	fprintf(index, "%s/quiz6.data:question:answer\n", real);
	close_out(index, "quiz6.index");
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: gen OUTDIR [ARTICLE_BYTES]\n");
		return 2;
	}
	const char *dir = argv[1];
	size_t target = argc > 2 ? strtoul(argv[2], NULL, 10) : 1024 * 1024;
	if (target < 4096)
		target = 4096;
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		die(dir);
	make_people();
	write_article(dir, target);
	write_bank(dir, 1000, true);
	write_bank(dir, 10000, false);
	write_bank(dir, 100000, false);
	write_text_bank(dir);
	for (size_t i = 0; i < n_facts; i++)
		free(facts[i].sentence);
	free(facts);
	return 0;
}
