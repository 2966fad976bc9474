/* grade.c - grade a typed answer against a compiled question, leniently but correctly */
#include "grade.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "date.h"
#include "normalize.h"
#include "number.h"
#include "util.h"

/* ------------------------------------------------------------------------
 * Forms: the canonical keys of one accepted (or rejected) answer.
 */

enum {
	FORM_EXACT_ONLY = 1u << 0,   /* no spelling slips: acronyms, initials */
	FORM_SHARED = 1u << 1,       /* a family name two actors share */
};

typedef struct {
	norm_key key;
	norm_key plain;      /* accents stripped; plain.text is NULL when that
	                        changes nothing or the text is not Latin-like */
	const char *shown;   /* the bank's text, for notes */
	const char *rule;    /* why it is accepted ("family name"); NULL for
	                        the answer itself */
	unsigned flags;
} form;

typedef struct {
	form *items;
	size_t count, cap;
} form_list;

/* A date or number a `reject` entry means. */
typedef struct {
	bool is_date, is_number;
	date_value date;
	number_value number;
} reject_value;

/* A cloze blank: graded as text, or by value when its answer is a number
 * or a date. */
typedef enum { BLANK_TEXT, BLANK_NUMBER, BLANK_DATE } blank_kind;

typedef struct {
	form_list forms;
	blank_kind kind;
	double number;
	quiz_date date;
} blank_prep;

typedef struct actor_prep {
	const quiz_actor *actor;
	form_list forms;       /* full name, its variants, aliases, acronyms, family */
	norm_key name;         /* the name, titles and suffixes kept */
	norm_key family;       /* empty when the name has none */
	norm_key given;        /* the first given name; empty when none */
	int32_t initial;       /* the first letter of the first name; 0 when none */
	bool person_like;      /* capitalised 2-4 word name: family rules apply */
	bool capitalised;      /* every word capitalised, particles aside */
	bool all_caps;         /* written in capitals, like an acronym */
	bool family_shared;
	char acronym[16];      /* initials of a name of three or more capitalised words */
} actor_prep;

typedef struct {
	const quiz_question *q;
	form_list answers;     /* what is accepted as a whole: text and `accept` */
	form_list rejects;
	reject_value *reject_values;
	const actor_prep *actor;
	bool year_known;       /* date: the prompt or the article gives the year */
	int gold_ordinal;      /* number: 1 when the answer as shown is an ordinal
	                          ("third"), 0 a count, -1 unknown */
	form_list *parts;      /* choice: choices; order: items; match: right sides */
	size_t n_parts;
	blank_prep *blanks;    /* cloze */
	size_t n_blanks;
} qprep;

typedef struct {
	norm_key key;
	size_t chars;          /* code points of key.text */
	const char *shown;
	int32_t first;         /* its first character */
	bool actor;            /* a name of one of the bank's actors */
} rival;

/* An open-addressing map from pointers to preparations. */
typedef struct {
	const void **keys;
	void **values;
	size_t cap, count;
} ptrmap;

struct grader {
	const grader *parent;  /* for a question prepared on the fly */
	const quiz *q;
	arena *arena;
	quiz_date_order date_order;
	int published_year;
	ptrmap questions;
	ptrmap actors;
	actor_prep **actor_list;
	size_t n_actors, cap_actors;
	rival *rivals;         /* sorted by first character, then length */
	size_t n_rivals;
};

static size_t ptr_hash(const void *p)
{
	uintptr_t v = (uintptr_t)p;
	v ^= v >> 33;
	v *= 0xff51afd7ed558ccdULL;
	v ^= v >> 33;
	return (size_t)v;
}

static void ptrmap_put(ptrmap *m, const void *key, void *value);

static void ptrmap_grow(ptrmap *m)
{
	ptrmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->keys = xcalloc(m->cap, sizeof(void *));
	m->values = xcalloc(m->cap, sizeof(void *));
	m->count = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.keys[i])
			ptrmap_put(m, old.keys[i], old.values[i]);
	free(old.keys);
	free(old.values);
}

static void ptrmap_put(ptrmap *m, const void *key, void *value)
{
	if ((m->count + 1) * 2 > m->cap)
		ptrmap_grow(m);
	size_t i = ptr_hash(key) & (m->cap - 1);
	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	if (!m->keys[i])
		m->count++;
	m->keys[i] = key;
	m->values[i] = value;
}

static void *ptrmap_get(const ptrmap *m, const void *key)
{
	if (!m->cap)
		return NULL;
	size_t i = ptr_hash(key) & (m->cap - 1);
	while (m->keys[i]) {
		if (m->keys[i] == key)
			return m->values[i];
		i = (i + 1) & (m->cap - 1);
	}
	return NULL;
}

static void ptrmap_release(ptrmap *m)
{
	free(m->keys);
	free(m->values);
}

/* ------------------------------------------------------------------------
 * Building forms.
 */

static form *form_push(arena *a, form_list *l)
{
	if (l->count == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4;
		form *items = arena_alloc(a, cap * sizeof(form));
		if (l->count)
			memcpy(items, l->items, l->count * sizeof(form));
		l->items = items;
		l->cap = cap;
	}
	form *f = &l->items[l->count++];
	memset(f, 0, sizeof *f);
	return f;
}

static bool key_same(const norm_key *a, const norm_key *b)
{
	return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

/* Adds `s` as a form unless the list already has its key. Returns the form
 * (new or existing), or NULL when `s` has no words. */
static form *add_form(arena *a, form_list *l, const char *s, const char *shown, const char *rule,
                      unsigned flags)
{
	norm_key key;
	if (!norm_key_in_arena(a, s, NORM_DROP_ARTICLE, &key) || key.n_tokens == 0)
		return NULL;
	for (size_t i = 0; i < l->count; i++)
		if (key_same(&l->items[i].key, &key))
			return &l->items[i];
	form *f = form_push(a, l);
	f->key = key;
	if (key.latin && !key.ascii) {
		norm_key plain;
		norm_key_in_arena(a, s, NORM_DROP_ARTICLE | NORM_STRIP_MARKS, &plain);
		if (!key_same(&plain, &key))
			f->plain = plain;
	}
	f->shown = shown ? shown : arena_strdup(a, s);
	f->rule = rule;
	f->flags = flags;
	return f;
}

static const char *span_text(arena *a, const norm_key *k, size_t first, size_t count)
{
	if (!count)
		return "";
	const norm_token *s = &k->tokens[first], *e = &k->tokens[first + count - 1];
	return arena_strndup(a, k->text + s->start, e->start + e->len - s->start);
}

/* ------------------------------------------------------------------------
 * Titles and name suffixes.
 */

static const char *const titles[] = {
	"deputy prime minister", "prime minister", "vice president", "vice premier",
	"foreign minister", "defence minister", "defense minister", "finance minister",
	"foreign secretary", "home secretary", "defence secretary", "defense secretary",
	"treasury secretary", "state secretary", "secretary general", "attorney general",
	"surgeon general", "chief justice", "chief executive", "first lady", "crown prince",
	"grand duke", "supreme leader", "state councilor", "state councillor",
	"mr", "mrs", "ms", "miss", "mx", "dr", "doctor", "prof", "professor", "sir", "dame",
	"lord", "lady", "sen", "senator", "rep", "representative", "congressman",
	"congresswoman", "gov", "governor", "gen", "general", "col", "colonel", "capt",
	"captain", "lt", "lieutenant", "cmdr", "commander", "adm", "admiral", "maj", "major",
	"sgt", "sergeant", "president", "premier", "chancellor", "ambassador", "judge",
	"justice", "king", "queen", "prince", "princess", "emperor", "empress", "pope",
	"saint", "st", "rev", "reverend", "rabbi", "imam", "sheikh", "sheik", "ayatollah",
	"chairman", "chairwoman", "chair", "ceo", "mayor", "archbishop", "bishop", "cardinal",
	"duke", "duchess", "earl", "baron", "baroness", "sultan", "tsar", "czar", "emir",
	"shah", "kaiser", "caliph", "secretary", "minister", "former", "late", "mister",
	"madame", "madam", "monsieur", "herr", "frau",
};

static bool token_is(const norm_key *k, size_t i, const char *w)
{
	const norm_token *t = &k->tokens[i];
	/* The first letter first: most words differ there, and this runs for
	 * every word against the lists of titles and particles. */
	return k->text[t->start] == w[0] && t->len == strlen(w) &&
	       memcmp(k->text + t->start, w, t->len) == 0;
}

/* How many tokens from `first` the title phrase `title` covers (0: none). */
static size_t title_at(const norm_key *k, size_t first, size_t end, const char *title)
{
	if (first >= end || k->text[k->tokens[first].start] != title[0])
		return 0;
	size_t n = 0;
	const char *p = title;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t wl = sp ? (size_t)(sp - p) : strlen(p);
		if (first + n >= end)
			return 0;
		const norm_token *t = &k->tokens[first + n];
		if (t->len != wl || memcmp(k->text + t->start, p, wl) != 0)
			return 0;
		n++;
		p += wl;
		if (*p == ' ')
			p++;
	}
	return n;
}

/* Skips leading titles ("Secretary of State", "Mr", "former President");
 * never all the tokens. */
static size_t skip_titles(const norm_key *k, size_t first, size_t end)
{
	for (;;) {
		size_t best = 0;
		for (size_t i = 0; i < sizeof titles / sizeof *titles; i++) {
			size_t n = title_at(k, first, end, titles[i]);
			if (n > best)
				best = n;
		}
		if (!best)
			break;
		size_t next = first + best;
		/* "Secretary of State", "Minister for Foreign Affairs", "of the Treasury". */
		if (next < end && (token_is(k, first + best - 1, "secretary") ||
		                   token_is(k, first + best - 1, "minister")) &&
		    (token_is(k, next, "of") || token_is(k, next, "for"))) {
			size_t j = next + 1;
			if (j < end && token_is(k, j, "the"))
				j++;
			if (j < end && token_is(k, j, "foreign") && j + 1 < end && token_is(k, j + 1, "affairs"))
				j++;
			if (j + 1 < end)
				next = j + 1;
		}
		if (next >= end)
			break;
		first = next;
	}
	return first;
}

static bool is_suffix_token(const norm_key *k, size_t i)
{
	static const char *const suffixes[] = {
		"jr", "sr", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
		"xiii", "xiv", "xv", "xvi", "xvii", "xviii", "phd", "md", "esq",
	};
	for (size_t s = 0; s < sizeof suffixes / sizeof *suffixes; s++)
		if (token_is(k, i, suffixes[s]))
			return true;
	return false;
}

/* Head nouns that make a name an organisation or a place, not a person. */
static bool is_org_head(const norm_key *k, size_t i)
{
	static const char *const heads[] = {
		"university", "college", "school", "party", "church", "council", "committee",
		"commission", "ministry", "department", "agency", "association", "organisation",
		"organization", "company", "corporation", "corp", "inc", "ltd", "llc", "co", "bank",
		"fund", "army", "navy", "government", "parliament", "senate", "congress", "court",
		"union", "institute", "institution", "foundation", "group", "society", "league",
		"dynasty", "movement", "museum", "orchestra", "club", "team", "network", "office",
		"federation", "alliance", "board", "bureau", "service", "authority", "assembly",
		"republic", "kingdom", "empire", "state", "states", "nations", "systems", "press",
		"times", "news", "post", "journal", "airlines", "airways", "railway", "brotherhood",
		"order", "tribe", "river", "sea", "ocean", "lake", "mountains", "island", "islands",
		"city", "county", "province", "region", "centre", "center", "hospital", "station",
		"academy", "house", "hall", "library", "temple", "cathedral", "abbey", "guard",
		"force", "forces", "police", "corps", "division", "regiment", "treaty", "act", "war",
		"revolution", "program", "programme", "project", "administration", "cabinet",
		"empire", "confederation", "caliphate", "khanate", "sultanate", "valley", "basin",
		"desert", "forest", "park", "bay", "gulf", "coast", "peninsula", "street", "square",
		"tower", "bridge", "palace", "castle", "prize", "award", "awards", "games", "cup",
		"championship", "series", "festival", "conference", "summit", "protocol",
	};
	for (size_t h = 0; h < sizeof heads / sizeof *heads; h++)
		if (token_is(k, i, heads[h]))
			return true;
	return false;
}

/* Nouns that say what kind of thing a name names, and may be left off it
 * or added to it: "Yuan" is the Yuan dynasty, "Stanford" Stanford
 * University. */
static bool is_type_noun(const norm_key *k, size_t i)
{
	static const char *const nouns[] = {
		"dynasty", "tribe", "tribes", "people", "peoples", "university", "college",
		"movement", "magazine", "newspaper", "company", "corporation", "corp", "inc", "ltd",
		"plc", "llc", "museum", "church", "river", "empire", "family", "clan",
	};
	if (i >= k->n_tokens)
		return false;
	for (size_t n = 0; n < sizeof nouns / sizeof *nouns; n++)
		if (token_is(k, i, nouns[n]))
			return true;
	return false;
}

/* Particles of personal names: "da Vinci", "van Gogh", "bin Salman". */
static bool is_name_particle_word(const char *w, size_t n)
{
	static const char *const particles[] = {
		"de", "da", "das", "do", "dos", "du", "des", "del", "della", "di", "van", "von", "der",
		"den", "ter", "bin", "ibn", "al", "el", "la", "le", "zu", "y",
	};
	for (size_t i = 0; i < sizeof particles / sizeof *particles; i++)
		if (strlen(particles[i]) == n && strncasecmp(particles[i], w, n) == 0)
			return true;
	return false;
}

/* Words that may stand lower-case inside a proper name. */
static bool is_particle(const char *w, size_t n)
{
	static const char *const particles[] = {
		"of", "the", "and", "for", "de", "da", "das", "do", "dos", "du", "des", "del", "della",
		"di", "van", "von", "der", "den", "ter", "bin", "ibn", "al", "el", "la", "le", "y",
		"zu", "on", "in", "at", "a", "an",
	};
	for (size_t i = 0; i < sizeof particles / sizeof *particles; i++)
		if (strlen(particles[i]) == n && strncasecmp(particles[i], w, n) == 0)
			return true;
	return false;
}

/* What the raw words of a name look like. */
typedef struct {
	int words;          /* words of letters */
	int capitalised;    /* of those, starting with a capital */
	int particles;      /* lower-case particles (of, de, van ...) */
	int links;          /* of those, words that join phrases: of, the, and ... */
	bool joined;        /* "and", "&" or "," join several names */
	bool article;       /* it starts with the, a or an */
	bool digits;
	char initials[16];  /* first letters of capitalised non-particle words, folded */
} name_shape;

static void shape_of(const char *s, size_t skip_words, name_shape *sh)
{
	memset(sh, 0, sizeof *sh);
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, ni = 0;
	bool too_many = false, leading_checked = false;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0)
			return;
		if (cp == '&' || cp == ',')
			sh->joined = true;
		if (cp >= '0' && cp <= '9')
			sh->digits = true;
		utf8proc_category_t cat = utf8proc_category(cp);
		bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
		if (!letter) {
			i += (size_t)n;
			continue;
		}
		size_t start = i;
		bool upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
		/* The word runs on through letters, marks, apostrophes and periods
		 * between letters ("O'Brien", "U.S."). */
		while (i < len) {
			utf8proc_int32_t c2;
			utf8proc_ssize_t m = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &c2);
			if (m <= 0)
				break;
			utf8proc_category_t k = utf8proc_category(c2);
			bool word = (k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ME) ||
			            c2 == '\'' || c2 == 0x2019;
			if (!word)
				break;
			i += (size_t)m;
		}
		size_t wl = i - start;
		if (!leading_checked) {
			/* A leading article is not part of the name (the keys drop it). */
			leading_checked = true;
			if ((wl == 3 && strncasecmp((const char *)p + start, "the", 3) == 0) ||
			    (wl == 1 && (p[start] == 'a' || p[start] == 'A')) ||
			    (wl == 2 && strncasecmp((const char *)p + start, "an", 2) == 0)) {
				sh->article = true;
				continue;
			}
		}
		if (skip_words) {
			/* Titles already taken off the front ("mayor Ed Lee"). */
			skip_words--;
			continue;
		}
		sh->words++;
		if (wl == 3 && strncasecmp((const char *)p + start, "and", 3) == 0)
			sh->joined = true;
		if (upper) {
			sh->capitalised++;
			if (!is_particle((const char *)p + start, wl) || wl > 3) {
				if (ni + 1 < sizeof sh->initials) {
					int32_t lower = utf8proc_tolower(cp);
					if (lower < 0x80)
						sh->initials[ni++] = (char)lower;
					else
						too_many = true;
				} else {
					too_many = true;
				}
			}
		} else if (is_particle((const char *)p + start, wl)) {
			sh->particles++;
			const char *w = (const char *)p + start;
			if (!is_name_particle_word(w, wl))
				sh->links++;
		}
	}
	sh->initials[ni] = '\0';
	if (too_many)
		sh->initials[0] = '\0';
}

/* ------------------------------------------------------------------------
 * Preparing actors.
 */

/* Titles that also begin names of other things ("Chief Keef", "Justice
 * League"): a name is not cut down to one word after them. */
static bool title_keeps_word(const norm_key *k, size_t first)
{
	static const char *const words[] = {"chief", "justice", "chair", "late", "former", "judge",
	                                    "premier", "captain", "st", "secretary", "minister",
	                                    "representative"};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (token_is(k, first, words[i]))
			return true;
	return false;
}

/* The last word of a name, split at spaces only (so "García-Keller" stays
 * whole), after suffixes such as "Jr." and "III". NULL when there is only
 * one word. */
static const char *last_raw_word(arena *ar, const char *name)
{
	static const char *const suffixes[] = {
		"jr", "sr", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "phd", "md", "esq",
	};
	const char *end = name + strlen(name);
	for (;;) {
		while (end > name && (end[-1] == ' ' || end[-1] == ',' || end[-1] == '.'))
			end--;
		const char *start = end;
		while (start > name && start[-1] != ' ')
			start--;
		if (start == name)
			return NULL;
		size_t n = (size_t)(end - start);
		bool suffix = false;
		for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
			if (strlen(suffixes[i]) == n && strncasecmp(start, suffixes[i], n) == 0)
				suffix = true;
		if (!suffix)
			return arena_strndup(ar, start, n);
		end = start;
	}
}

static actor_prep *prep_actor(grader *g, const quiz_actor *a)
{
	actor_prep *ap = ptrmap_get(&g->actors, a);
	if (ap)
		return ap;
	arena *ar = g->arena;
	ap = arena_alloc(ar, sizeof *ap);
	ap->actor = a;
	ptrmap_put(&g->actors, a, ap);
	if (g->n_actors == g->cap_actors) {
		g->cap_actors = g->cap_actors ? g->cap_actors * 2 : 16;
		g->actor_list = xrealloc(g->actor_list, g->cap_actors * sizeof *g->actor_list);
	}
	g->actor_list[g->n_actors++] = ap;

	const char *name = a->name ? a->name : "";
	/* "University Athletic Association (UAA)": the parenthesis declares an
	 * acronym. */
	char *base = arena_strdup(ar, name);
	const char *paren_acronym = NULL;
	size_t bl = strlen(base);
	while (bl && base[bl - 1] == ' ')
		base[--bl] = '\0';
	if (bl > 3 && base[bl - 1] == ')' && !strstr(base, " and ") && !strchr(base, ',') &&
	    !strchr(base, '&')) {
		char *open = strrchr(base, '(');
		if (open && open > base && bl - (size_t)(open - base) <= 12 &&
		    !memchr(open, ' ', (size_t)(base + bl - open))) {
			base[bl - 1] = '\0';
			paren_acronym = open + 1;
			*open = '\0';
		}
	}

	form *full = add_form(ar, &ap->forms, base, name, NULL, 0);
	if (!full)
		return ap;
	ap->name = full->key;
	const norm_key *k = &full->key;
	size_t first = skip_titles(k, 0, k->n_tokens), end = k->n_tokens;
	while (end > first + 1 && is_suffix_token(k, end - 1))
		end--;
	size_t words = end - first;

	name_shape sh;
	shape_of(base, first, &sh);
	bool capitalised = sh.words > 0 && sh.capitalised + sh.particles == sh.words;
	ap->capitalised = capitalised;
	ap->all_caps = true;
	for (const char *p = base; *p && ap->all_caps; p++)
		if (*p >= 'a' && *p <= 'z')
			ap->all_caps = false;
	ap->person_like = capitalised && !sh.joined && !sh.digits && words >= 2 &&
	                  words <= 4 + (size_t)sh.particles && sh.links == 0 &&
	                  !is_org_head(k, end - 1);

	const char *short_name = NULL;   /* the word used alone, when not a family name */
	if (first > 0 && (words >= 2 ? ap->person_like : !title_keeps_word(k, 0)))
		/* Without titles: "Ed Lee" for "Mayor Ed Lee", "Francis" for "Pope Francis". */
		add_form(ar, &ap->forms, span_text(ar, k, first, k->n_tokens - first), name, NULL, 0);
	if (end < k->n_tokens) {
		/* Without a suffix: "Ted Ginn" for "Ted Ginn Jr."; one word left is
		 * a short name ("Ethelred" for "Ethelred II"). */
		if (words >= 2)
			add_form(ar, &ap->forms, span_text(ar, k, first, words), name, NULL, 0);
		else if (capitalised)
			short_name = span_text(ar, k, first, 1);
	}
	const char *last_word = NULL;
	if (ap->person_like) {
		const norm_token *f = &k->tokens[first];
		last_word = last_raw_word(ar, base);
		ap->initial = norm_first_char(k->text + f->start, f->len);
		if (f->chars > 1 && (f->flags & NORM_TOKEN_ALPHA))
			norm_key_in_arena(ar, span_text(ar, k, first, 1), 0, &ap->given);
	} else if (capitalised && !sh.joined && !sh.article && !is_org_head(k, first) &&
	           ((words == 3 && (token_is(k, first + 1, "the") || token_is(k, first + 1, "of"))) ||
	            (words == 4 && is_suffix_token(k, first + 1) &&
	             (token_is(k, first + 2, "the") || token_is(k, first + 2, "of"))))) {
		/* "Suleiman the Magnificent", "Sybilla of Normandy", "William III
		 * of Orange": the first word is the name used alone. */
		short_name = span_text(ar, k, first, 1);
	} else if (sh.capitalised + sh.particles + 1 >= sh.words && sh.capitalised > 0 && !sh.joined &&
	           words >= 2 && is_type_noun(k, end - 1)) {
		/* "Yuan dynasty", "Stanford University", "Time magazine": the name
		 * without the kind of thing it names. */
		short_name = span_text(ar, k, first, words - 1);
	}

	/* The family name: declared, or the last word of a person's name. */
	const char *family = NULL, *rule = "family name";
	if (a->family && *a->family)
		family = a->family;
	else if (ap->person_like) {
		/* From the first particle after the given name: "da Vinci". */
		size_t p = first + 1;
		while (p < end - 1 && !is_name_particle_word(k->text + k->tokens[p].start,
		                                              k->tokens[p].len))
			p++;
		if (p < end - 1)
			family = span_text(ar, k, p, end - p);
		else
			family = last_word ? last_word : span_text(ar, k, end - 1, 1);
	} else if (short_name) {
		family = short_name;
		rule = "short name";
	}
	if (family) {
		form *f = add_form(ar, &ap->forms, family, name, rule, 0);
		if (f && f->rule && strcmp(f->rule, rule) == 0)
			ap->family = f->key;
	}
	if (ap->person_like && ap->family.n_tokens && words > ap->family.n_tokens + 1) {
		/* One given name and the family name: "Albert Outler" for "Albert
		 * C. Outler", "Pierre Pictet" for "Raoul Pierre Pictet". */
		for (size_t i = first; i + ap->family.n_tokens < end; i++) {
			const norm_token *f = &k->tokens[i];
			if (f->chars == 1)
				continue;
			char *two = arena_alloc(ar, f->len + ap->family.len + 2);
			memcpy(two, k->text + f->start, f->len);
			two[f->len] = ' ';
			memcpy(two + f->len + 1, ap->family.text, ap->family.len + 1);
			add_form(ar, &ap->forms, two, name, NULL, 0);
		}
	}

	if (ap->person_like) {
		/* Without initials: "Brainerd Holmes" for "D. Brainerd Holmes". */
		char *rest = arena_alloc(ar, k->len + 1);
		size_t rl = 0, kept = 0;
		for (size_t i = first; i < end; i++) {
			const norm_token *t = &k->tokens[i];
			if (t->chars == 1)
				continue;
			if (rl)
				rest[rl++] = ' ';
			memcpy(rest + rl, k->text + t->start, t->len);
			rl += t->len;
			kept++;
		}
		rest[rl] = '\0';
		if (kept >= 2 && kept < words)
			add_form(ar, &ap->forms, rest, name, NULL, 0);
	}
	if (a->acronym && *a->acronym)
		add_form(ar, &ap->forms, a->acronym, a->acronym, "acronym", FORM_EXACT_ONLY);
	if (paren_acronym && *paren_acronym)
		add_form(ar, &ap->forms, paren_acronym, paren_acronym, "acronym", FORM_EXACT_ONLY);
	/* Initials of three or more capitalised words: offered once the bank's
	 * rivals are known, so that a clash is not accepted. */
	if (capitalised && !sh.joined && !sh.digits && strlen(sh.initials) >= 3)
		snprintf(ap->acronym, sizeof ap->acronym, "%s", sh.initials);

	for (size_t i = 0; i < a->aliases.count; i++) {
		const char *alias = a->aliases.items[i];
		form *f = add_form(ar, &ap->forms, alias, alias, "alias", 0);
		if (!f)
			continue;
		/* An alias written in capitals is an acronym: no spelling slips. */
		bool upper = f->key.n_tokens == 1 && strlen(alias) <= 8;
		for (const char *p = alias; upper && *p; p++)
			if (*p >= 'a' && *p <= 'z')
				upper = false;
		if (upper)
			f->flags |= FORM_EXACT_ONLY;
		const norm_key *ak = &f->key;
		size_t afirst = skip_titles(ak, 0, ak->n_tokens);
		if (afirst > 0)
			add_form(ar, &ap->forms, span_text(ar, ak, afirst, ak->n_tokens - afirst), alias,
			         "alias", 0);
	}
	return ap;
}

/* ------------------------------------------------------------------------
 * Rivals: everything else the bank names.
 */

typedef struct {
	rival *items;
	size_t count, cap;
} rival_list;

static size_t key_chars(const norm_key *k)
{
	size_t n = k->n_tokens ? k->n_tokens - 1 : 0;
	for (size_t i = 0; i < k->n_tokens; i++)
		n += k->tokens[i].chars;
	return n;
}

static void add_rival_key(rival_list *l, const norm_key *k, const char *shown, bool actor)
{
	if (!k->n_tokens)
		return;
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->items = xrealloc(l->items, l->cap * sizeof(rival));
	}
	rival *r = &l->items[l->count++];
	r->key = *k;
	r->chars = key_chars(k);
	r->shown = shown;
	r->first = norm_first_char(k->text, k->len);
	r->actor = actor;
}

static void add_rival(grader *g, rival_list *l, const char *s)
{
	if (!s || !*s)
		return;
	norm_key k;
	if (norm_key_in_arena(g->arena, s, NORM_DROP_ARTICLE, &k))
		add_rival_key(l, &k, s, false);
}

static int rival_cmp(const void *a, const void *b)
{
	const rival *x = a, *y = b;
	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	if (x->chars != y->chars)
		return x->chars < y->chars ? -1 : 1;
	size_t n = x->key.len < y->key.len ? x->key.len : y->key.len;
	int c = memcmp(x->key.text, y->key.text, n);
	if (c)
		return c;
	return x->key.len < y->key.len ? -1 : x->key.len > y->key.len;
}

/* ------------------------------------------------------------------------
 * Preparing questions.
 */

static int published_year_of(const quiz *q)
{
	const article *a = quiz_article(q);
	if (!a)
		return 0;
	const article_meta *m = article_get_meta(a);
	if (!m || !m->published)
		return 0;
	int y = 0, digits = 0;
	for (const char *p = m->published; *p >= '0' && *p <= '9' && digits < 4; p++, digits++)
		y = y * 10 + (*p - '0');
	return digits == 4 ? y : 0;
}

/* True when `text` holds `year` as a number of its own. */
static bool mentions_year(const char *text, int year)
{
	if (!text || year <= 0)
		return false;
	char want[8];
	int wl = snprintf(want, sizeof want, "%d", year);
	for (const char *p = text; (p = strstr(p, want)); p++) {
		bool before = p == text || !(p[-1] >= '0' && p[-1] <= '9');
		bool after = !(p[wl] >= '0' && p[wl] <= '9');
		if (before && after)
			return true;
	}
	return false;
}

static void add_answer_forms(arena *ar, form_list *l, const quiz_strings *s, const char *rule)
{
	for (size_t i = 0; i < s->count; i++)
		add_form(ar, l, s->items[i], s->items[i], rule, 0);
}

static qprep *prep_question(grader *g, const quiz_question *q)
{
	arena *ar = g->arena;
	qprep *qp = arena_alloc(ar, sizeof *qp);
	qp->q = q;
	switch (q->kind) {
	case QUIZ_TEXT:
		if (q->text)
			add_form(ar, &qp->answers, q->text, q->text, NULL, 0);
		else if (q->answer_text)
			add_form(ar, &qp->answers, q->answer_text, q->answer_text, NULL, 0);
		break;
	case QUIZ_ACTOR:
		if (q->actor && g->parent)
			qp->actor = ptrmap_get(&g->parent->actors, q->actor);
		if (q->actor && !qp->actor)
			qp->actor = prep_actor(g, q->actor);
		else if (q->answer_text)
			add_form(ar, &qp->answers, q->answer_text, q->answer_text, NULL, 0);
		break;
	case QUIZ_NUMBER: {
		number_value nv;
		qp->gold_ordinal = -1;
		if (q->answer_text && number_parse(q->answer_text, strlen(q->answer_text), &nv))
			qp->gold_ordinal = nv.ordinal;
		break;
	}
	case QUIZ_DATE:
		qp->year_known = q->date.year > 0 &&
		                 (g->published_year == q->date.year || mentions_year(q->prompt, q->date.year));
		break;
	case QUIZ_CHOICE:
		qp->n_parts = q->choices.count;
		qp->parts = arena_alloc(ar, (qp->n_parts + 1) * sizeof(form_list));
		for (size_t i = 0; i < q->choices.count; i++)
			add_form(ar, &qp->parts[i], q->choices.items[i], q->choices.items[i], NULL, 0);
		break;
	case QUIZ_ORDER:
		qp->n_parts = q->items.count;
		qp->parts = arena_alloc(ar, (qp->n_parts + 1) * sizeof(form_list));
		for (size_t i = 0; i < q->items.count; i++)
			add_form(ar, &qp->parts[i], q->items.items[i], q->items.items[i], NULL, 0);
		break;
	case QUIZ_MATCH:
		qp->n_parts = q->n_pairs;
		qp->parts = arena_alloc(ar, (qp->n_parts + 1) * sizeof(form_list));
		for (size_t i = 0; i < q->n_pairs; i++)
			if (q->pairs[i].right)
				add_form(ar, &qp->parts[i], q->pairs[i].right, q->pairs[i].right, NULL, 0);
		break;
	case QUIZ_CLOZE:
		qp->n_blanks = q->n_blanks;
		qp->blanks = arena_alloc(ar, (q->n_blanks + 1) * sizeof(blank_prep));
		for (size_t i = 0; i < q->n_blanks; i++) {
			blank_prep *b = &qp->blanks[i];
			add_answer_forms(ar, &b->forms, &q->blanks[i].answers, NULL);
			if (!q->blanks[i].answers.count)
				continue;
			const char *first = q->blanks[i].answers.items[0];
			number_value nv;
			date_parse_result dr;
			if (date_parse(first, strlen(first), QUIZ_DATE_ORDER_UNSET, &dr) == DATE_OK &&
			    dr.value.year && !dr.value.weekday && !dr.numeric &&
			    (dr.value.month || strlen(first) >= 3)) {
				b->kind = BLANK_DATE;
				b->date = (quiz_date){dr.value.year, dr.value.month, dr.value.day};
			} else if (number_parse(first, strlen(first), &nv) && !nv.unit[0]) {
				b->kind = BLANK_NUMBER;
				b->number = nv.value;
			}
		}
		break;
	default:
		break;
	}
	add_answer_forms(ar, &qp->answers, &q->accept, "accepted answer");
	add_answer_forms(ar, &qp->rejects, &q->reject, "rejected");
	if (qp->rejects.count) {
		qp->reject_values = arena_alloc(ar, qp->rejects.count * sizeof(reject_value));
		for (size_t i = 0; i < qp->rejects.count; i++) {
			const char *s = qp->rejects.items[i].shown;
			reject_value *rv = &qp->reject_values[i];
			date_parse_result dr;
			/* A rejected value carves a date or number out of what would be
			 * accepted ("2019-06" when the answer is 2019, "104" within a
			 * tolerance); rejecting the answer's own value would reject the
			 * answer, so only its wording is rejected then. */
			if (q->kind == QUIZ_DATE && date_parse(s, strlen(s), g->date_order, &dr) == DATE_OK &&
			    !(dr.value.year == q->date.year && dr.value.month == q->date.month &&
			      dr.value.day == q->date.day)) {
				rv->is_date = true;
				rv->date = dr.value;
			}
			if (q->kind == QUIZ_NUMBER && number_parse(s, strlen(s), &rv->number) &&
			    rv->number.value != q->number.value)
				rv->is_number = true;
		}
	}
	return qp;
}

grader *grader_new(const quiz *q, const grade_options *opt)
{
	grader *g = xcalloc(1, sizeof *g);
	g->q = q;
	g->arena = arena_new();
	g->date_order = opt && opt->date_order != QUIZ_DATE_ORDER_UNSET ? opt->date_order
	                                                                : quiz_get_date_order(q);
	g->published_year = published_year_of(q);

	for (size_t i = 0; i < quiz_actor_count(q); i++)
		prep_actor(g, quiz_actor_at(q, i));
	size_t nq = quiz_question_count(q);
	for (size_t i = 0; i < nq; i++) {
		const quiz_question *qq = quiz_question_at(q, i);
		ptrmap_put(&g->questions, qq, prep_question(g, qq));
	}

	/* Family names two actors share are ambiguous alone. */
	for (size_t i = 0; i < g->n_actors; i++) {
		actor_prep *a = g->actor_list[i];
		if (!a->family.n_tokens)
			continue;
		for (size_t j = 0; j < g->n_actors; j++) {
			actor_prep *b = g->actor_list[j];
			if (i == j || !b->family.n_tokens || key_same(&a->name, &b->name))
				continue;
			if (key_same(&a->family, &b->family)) {
				a->family_shared = true;
				break;
			}
		}
		if (a->family_shared)
			for (size_t f = 0; f < a->forms.count; f++)
				if (key_same(&a->forms.items[f].key, &a->family))
					a->forms.items[f].flags |= FORM_SHARED;
	}

	/* The rivals: every actor's names, every choice, item, pair, blank and
	 * text answer of the bank. */
	rival_list rl = {0};
	for (size_t i = 0; i < g->n_actors; i++) {
		actor_prep *a = g->actor_list[i];
		for (size_t f = 0; f < a->forms.count; f++)
			if (!(a->forms.items[f].flags & FORM_SHARED))
				add_rival_key(&rl, &a->forms.items[f].key, a->actor->name, true);
	}
	for (size_t i = 0; i < nq; i++) {
		const quiz_question *qq = quiz_question_at(q, i);
		switch (qq->kind) {
		case QUIZ_TEXT:
			add_rival(g, &rl, qq->text);
			for (size_t k = 0; k < qq->accept.count; k++)
				add_rival(g, &rl, qq->accept.items[k]);
			break;
		case QUIZ_CHOICE:
			for (size_t k = 0; k < qq->choices.count; k++)
				add_rival(g, &rl, qq->choices.items[k]);
			break;
		case QUIZ_ORDER:
			for (size_t k = 0; k < qq->items.count; k++)
				add_rival(g, &rl, qq->items.items[k]);
			break;
		case QUIZ_MATCH:
			for (size_t k = 0; k < qq->n_pairs; k++) {
				add_rival(g, &rl, qq->pairs[k].left);
				add_rival(g, &rl, qq->pairs[k].right);
			}
			break;
		case QUIZ_CLOZE:
			for (size_t b = 0; b < qq->n_blanks; b++)
				for (size_t k = 0; k < qq->blanks[b].answers.count; k++)
					add_rival(g, &rl, qq->blanks[b].answers.items[k]);
			break;
		case QUIZ_ACTOR:
			if (!qq->actor)
				add_rival(g, &rl, qq->answer_text);
			break;
		default:
			break;
		}
	}
	if (rl.count)
		qsort(rl.items, rl.count, sizeof(rival), rival_cmp);
	/* Keep one of each key. */
	size_t kept = 0;
	for (size_t i = 0; i < rl.count; i++) {
		if (kept && key_same(&rl.items[kept - 1].key, &rl.items[i].key)) {
			rl.items[kept - 1].actor |= rl.items[i].actor;
			continue;
		}
		rl.items[kept++] = rl.items[i];
	}
	g->rivals = arena_alloc(g->arena, (kept + 1) * sizeof(rival));
	if (kept)
		memcpy(g->rivals, rl.items, kept * sizeof(rival));
	g->n_rivals = kept;
	free(rl.items);

	/* Made-up acronyms are accepted only when nothing else in the bank
	 * reads the same. */
	for (size_t i = 0; i < g->n_actors; i++) {
		actor_prep *a = g->actor_list[i];
		if (!a->acronym[0])
			continue;
		/* A rival that is the acronym itself is most likely the same
		 * organisation named short; another name with the same initials is
		 * a clash. */
		bool clash = false;
		for (size_t j = 0; j < g->n_actors && !clash; j++)
			if (j != i && strcmp(g->actor_list[j]->acronym, a->acronym) == 0 &&
			    !key_same(&a->name, &g->actor_list[j]->name))
				clash = true;
		if (!clash)
			add_form(g->arena, &a->forms, a->acronym, a->actor->name, "acronym", FORM_EXACT_ONLY);
	}
	return g;
}

void grader_free(grader *g)
{
	if (!g)
		return;
	ptrmap_release(&g->questions);
	ptrmap_release(&g->actors);
	free(g->actor_list);
	arena_free(g->arena);
	free(g);
}

/* ------------------------------------------------------------------------
 * Results.
 */

static void set_result(grade_result *out, grade_verdict v, double credit, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void set_result(grade_result *out, grade_verdict v, double credit, const char *fmt, ...)
{
	out->verdict = v;
	out->credit = credit;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(out->note, sizeof out->note, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof out->note) {
		/* Cut at a character boundary, and say so. */
		size_t end = sizeof out->note - 4;
		while (end > 0 && ((unsigned char)out->note[end] & 0xC0) == 0x80)
			end--;
		memcpy(out->note + end, "...", 4);
	}
	/* A note is one line: bank text quoted in it may hold line breaks. */
	for (char *p = out->note; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
}

const char *grade_verdict_name(grade_verdict v)
{
	static const char *names[] = {"correct", "close", "partial", "ambiguous", "wrong", "skipped"};
	return v < GRADE_VERDICT_COUNT ? names[v] : "?";
}

bool grade_verdict_accepted(grade_verdict v)
{
	return v == GRADE_CORRECT || v == GRADE_CLOSE;
}

/* ------------------------------------------------------------------------
 * Matching typed text against forms.
 */

/* A typed answer, keyed; the accent-free key is made only when needed. */
typedef struct {
	const char *raw;
	size_t raw_len;
	norm_work w;
	norm_work plain_w;
	norm_work whole_w;
	bool plain_ready, whole_ready;
} typed_answer;

static void typed_init(typed_answer *t)
{
	norm_work_init(&t->w);
	norm_work_init(&t->plain_w);
	norm_work_init(&t->whole_w);
	t->plain_ready = t->whole_ready = false;
}

static void typed_release(typed_answer *t)
{
	norm_work_release(&t->w);
	norm_work_release(&t->plain_w);
	norm_work_release(&t->whole_w);
}

static bool typed_set(typed_answer *t, const char *s, size_t len)
{
	t->raw = s;
	t->raw_len = len;
	t->plain_ready = t->whole_ready = false;
	return norm_work_set(&t->w, s, len, 0, NORM_DROP_ARTICLE);
}

/* The key with a leading "a" kept: "a b" names two choices. */
static const norm_key *typed_whole(typed_answer *t)
{
	if (!t->whole_ready) {
		norm_work_set(&t->whole_w, t->raw, t->raw_len, 0, 0);
		t->whole_ready = true;
	}
	return &t->whole_w.key;
}

static const norm_key *typed_plain(typed_answer *t)
{
	if (t->w.key.ascii)
		return &t->w.key;
	if (!t->plain_ready) {
		norm_work_set(&t->plain_w, t->raw, t->raw_len, NORM_STRIP_MARKS, NORM_DROP_ARTICLE);
		t->plain_ready = true;
	}
	return &t->plain_w.key;
}

/* A run of a key's tokens. */
typedef struct {
	const norm_key *key;
	size_t first, count;
} span;

static span whole(const norm_key *k)
{
	return (span){k, 0, k->n_tokens};
}

static const char *span_ptr(span s, size_t *len)
{
	if (!s.count) {
		*len = 0;
		return "";
	}
	const norm_token *a = &s.key->tokens[s.first], *b = &s.key->tokens[s.first + s.count - 1];
	*len = b->start + b->len - a->start;
	return s.key->text + a->start;
}

static const char *span_compact(span s, size_t *len)
{
	if (!s.count) {
		*len = 0;
		return "";
	}
	const norm_token *a = &s.key->tokens[s.first], *b = &s.key->tokens[s.first + s.count - 1];
	*len = b->cstart + b->len - a->cstart;
	return s.key->compact + a->cstart;
}

static bool span_eq(span s, const norm_key *k)
{
	size_t len;
	const char *p = span_ptr(s, &len);
	if (len == k->len && memcmp(p, k->text, len) == 0)
		return true;
	p = span_compact(s, &len);
	return len == k->compact_len && memcmp(p, k->compact, len) == 0;
}

static size_t span_chars(span s)
{
	size_t n = s.count ? s.count - 1 : 0;
	for (size_t i = 0; i < s.count; i++)
		n += s.key->tokens[s.first + i].chars;
	return n;
}

/* Spelling slips between a typed span and a key, word by word
 * (notes/ALGORITHMS.md 1.4): the same number of words; words with digits,
 * and words of four letters or fewer, exactly; one edit in 5 to 8 letters,
 * two from 9; the first letter right; two edits at most. Returns the edits,
 * or -1 when they are not slips. */
static int slips(span s, const norm_key *k)
{
	/* Edit distance means little in scripts without an alphabet of small
	 * letters (a Chinese character is a word, an Indic vowel sign a mark). */
	if (s.count != k->n_tokens || !s.count || !k->latin)
		return -1;
	int total = 0;
	for (size_t i = 0; i < s.count; i++) {
		const norm_token *a = &s.key->tokens[s.first + i], *b = &k->tokens[i];
		const char *at = s.key->text + a->start, *bt = k->text + b->start;
		if (a->len == b->len && memcmp(at, bt, a->len) == 0)
			continue;
		if ((a->flags & NORM_TOKEN_DIGIT) || (b->flags & NORM_TOKEN_DIGIT))
			return -1;
		if (b->chars <= 4)
			return -1;
		if (norm_first_char(at, a->len) != norm_first_char(bt, b->len))
			return -1;
		int budget = norm_typo_budget(b->chars);
		if (budget > 2 - total)
			budget = 2 - total;
		int d = norm_osa_utf8(at, a->len, bt, b->len, budget);
		if (d > budget)
			return -1;
		total += d;
	}
	return total;
}

static bool in_forms(const norm_key *k, const form_list *forms, const form_list *more)
{
	for (size_t i = 0; forms && i < forms->count; i++)
		if (key_same(k, &forms->items[i].key))
			return true;
	for (size_t i = 0; more && i < more->count; i++)
		if (key_same(k, &more->items[i].key))
			return true;
	return false;
}

/* The first rival that starts with `first` and has at least `chars`
 * characters (or the end). */
static size_t rival_lower(const grader *g, int32_t first, size_t chars)
{
	size_t lo = 0, hi = g->n_rivals;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const rival *r = &g->rivals[mid];
		if (r->first < first || (r->first == first && r->chars < chars))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The number of bits set in x, counting no further than `limit` (a
 * portable popcount that stops early). */
static int bits_up_to(uint64_t x, int limit)
{
	int n = 0;
	while (x && n < limit) {
		x &= x - 1;
		n++;
	}
	return n;
}

/* The nearest-rival guard: a slip of `edits` towards the answer is not
 * forgiven when the typed text is within the slip budget of something else
 * the bank names, or at least as near to it. Returns that rival, or NULL. */
static const rival *rival_near(const grader *g, span s, int edits, const form_list *own,
                               const form_list *own_more)
{
	if (!g->n_rivals)
		return NULL;
	size_t chars = span_chars(s);
	size_t len;
	const char *text = span_ptr(s, &len);
	int32_t first = norm_first_char(text, len);
	size_t lo = rival_lower(g, first, chars > 2 ? chars - 2 : 0);
	uint64_t letters = 0;
	for (size_t i = 0; i < len; i++)
		if (text[i] != ' ')
			letters |= (uint64_t)1 << ((uint32_t)(unsigned char)text[i] % 64);
	/* Only rivals with the same first letter: a slip never changes it, so a
	 * word that starts differently is not one the student was near. */
	for (size_t i = lo; i < g->n_rivals && g->rivals[i].first == first &&
	                    g->rivals[i].chars <= chars + 2; i++) {
		const rival *r = &g->rivals[i];
		/* Cheap tests first. An edit changes which letters occur by at
		 * most two, and the length by at most one; a slip keeps the words. */
		size_t diff = r->chars > chars ? r->chars - chars : chars - r->chars;
		bool ascii = s.key->ascii && r->key.ascii;
		int bag = ascii ? bits_up_to(letters ^ r->key.letters, 5) : 0;
		bool may_slip = r->key.n_tokens == s.count && bag <= 4;
		bool may_near = diff <= (size_t)edits && bag <= 2 * edits;
		if (!may_slip && !may_near)
			continue;
		if (in_forms(&r->key, own, own_more))
			continue;
		if (may_slip && slips(s, &r->key) >= 0)
			return r;
		if (may_near && norm_osa_utf8(text, len, r->key.text, r->key.len, edits) <= edits)
			return r;
	}
	return NULL;
}

typedef enum { MATCH_NONE, MATCH_EXACT, MATCH_ACCENTS, MATCH_SLIP, MATCH_RIVAL } match_kind;

typedef struct {
	match_kind kind;
	const form *form;
	const rival *rival;
} match;

/* Matches a typed span against forms: exactly, then without accents, then
 * with spelling slips (guarded by the rivals). `plain` is the same span of
 * the accent-free typed key (or NULL when not needed). */
static match match_forms(const grader *g, span s, span *plain, const form_list *forms,
                         const form_list *more, bool allow_slips)
{
	match m = {MATCH_NONE, NULL, NULL};
	const form_list *lists[2] = {forms, more};
	for (int l = 0; l < 2; l++)
		for (size_t i = 0; lists[l] && i < lists[l]->count; i++)
			if (span_eq(s, &lists[l]->items[i].key)) {
				m.kind = MATCH_EXACT;
				m.form = &lists[l]->items[i];
				return m;
			}
	if (plain) {
		for (int l = 0; l < 2; l++)
			for (size_t i = 0; lists[l] && i < lists[l]->count; i++) {
				const form *f = &lists[l]->items[i];
				if (!f->key.latin)
					continue;
				const norm_key *pk = f->plain.text ? &f->plain : &f->key;
				if (span_eq(*plain, pk) && !(f->flags & FORM_EXACT_ONLY)) {
					m.kind = MATCH_ACCENTS;
					m.form = f;
					return m;
				}
			}
	}
	if (!allow_slips)
		return m;
	int best = 3;
	const form *best_form = NULL;
	for (int l = 0; l < 2; l++)
		for (size_t i = 0; lists[l] && i < lists[l]->count; i++) {
			const form *f = &lists[l]->items[i];
			if (f->flags & FORM_EXACT_ONLY)
				continue;
			int d = slips(s, &f->key);
			if (d < 0 && plain && f->key.latin)
				d = slips(*plain, f->plain.text ? &f->plain : &f->key);
			if (d > 0 && d < best) {
				best = d;
				best_form = f;
			}
		}
	if (!best_form)
		return m;
	const rival *r = rival_near(g, s, best, forms, more);
	if (r) {
		m.kind = MATCH_RIVAL;
		m.rival = r;
		return m;
	}
	m.kind = MATCH_SLIP;
	m.form = best_form;
	return m;
}

static bool has_negation(const norm_key *k)
{
	for (size_t i = 0; i < k->n_tokens; i++) {
		const norm_token *t = &k->tokens[i];
		const char *w = k->text + t->start;
		/* "didn't" and "isn't" lost their apostrophe in the key. */
		static const char *const negations[] = {
			"not", "no", "never", "neither", "nor", "cannot", "dont", "didnt", "doesnt",
			"isnt", "wasnt", "werent", "arent", "cant", "couldnt", "wont", "wouldnt",
			"hasnt", "havent", "hadnt",
		};
		for (size_t c = 0; c < sizeof negations / sizeof *negations; c++)
			if (w[0] == negations[c][0] && t->len == strlen(negations[c]) &&
			    memcmp(w, negations[c], t->len) == 0)
				return true;
	}
	return false;
}

/* Puts a match into a result. Returns false when nothing matched. */
static bool result_of_match(const match *m, grade_result *out)
{
	switch (m->kind) {
	case MATCH_EXACT:
		if (m->form->flags & FORM_SHARED)
			set_result(out, GRADE_AMBIGUOUS, 0, "two actors share this name: give the full name");
		else if (m->form->rule && strcmp(m->form->rule, "accepted answer") == 0)
			set_result(out, GRADE_CORRECT, 1, "accepted answer");
		else if (m->form->rule)
			set_result(out, GRADE_CORRECT, 1, "accepted: %s", m->form->rule);
		else
			set_result(out, GRADE_CORRECT, 1, "%s", "");
		return true;
	case MATCH_ACCENTS:
		if (m->form->flags & FORM_SHARED)
			set_result(out, GRADE_AMBIGUOUS, 0, "two actors share this name: give the full name");
		else
			set_result(out, GRADE_CLOSE, 1, "accents ignored");
		return true;
	case MATCH_SLIP:
		if (m->form->flags & FORM_SHARED)
			set_result(out, GRADE_AMBIGUOUS, 0, "two actors share this name: give the full name");
		else
			set_result(out, GRADE_CLOSE, 1, "spelling corrected: %s", m->form->shown);
		return true;
	case MATCH_RIVAL:
		set_result(out, GRADE_WRONG, 0, "not accepted as a slip: as near to %s", m->rival->shown);
		return false;
	default:
		return false;
	}
}

/* ------------------------------------------------------------------------
 * Per kind.
 */

static bool span_span_eq(span a, span b)
{
	size_t al, bl;
	const char *ap = span_ptr(a, &al), *bp = span_ptr(b, &bl);
	if (al == bl && memcmp(ap, bp, al) == 0)
		return true;
	ap = span_compact(a, &al);
	bp = span_compact(b, &bl);
	return al == bl && memcmp(ap, bp, al) == 0;
}

/* A span without a leading preposition of time or place and the article
 * after it: "in the 1950s" -> "1950s", "at elevated pressures". */
static span without_preposition(span s)
{
	static const char *const preps[] = {"in", "on", "at", "during", "around", "about",
	                                    "approximately", "roughly", "circa"};
	if (s.count < 2)
		return s;
	bool found = false;
	for (size_t i = 0; i < sizeof preps / sizeof *preps && !found; i++)
		found = token_is(s.key, s.first, preps[i]);
	if (!found)
		return s;
	s.first++;
	s.count--;
	if (s.count >= 2 && (token_is(s.key, s.first, "the") || token_is(s.key, s.first, "a") ||
	                     token_is(s.key, s.first, "an"))) {
		s.first++;
		s.count--;
	}
	return s;
}

/* Typed and bank text equal once a leading preposition is left off either. */
static bool equal_but_preposition(span typed, const form_list *forms, const form_list *more)
{
	span tb = without_preposition(typed);
	const form_list *lists[2] = {forms, more};
	for (int l = 0; l < 2; l++)
		for (size_t i = 0; lists[l] && i < lists[l]->count; i++) {
			span fb = without_preposition(whole(&lists[l]->items[i].key));
			if ((tb.first != typed.first || fb.first != 0) && span_span_eq(tb, fb))
				return true;
		}
	return false;
}

static void grade_text(const grader *g, const qprep *qp, const form_list *forms,
                       typed_answer *t, grade_result *out)
{
	const norm_key *k = &t->w.key;
	span s = whole(k), ps = whole(typed_plain(t));
	span *pp = &ps;
	bool gold_negated = false;
	for (size_t i = 0; i < forms->count && !gold_negated; i++)
		gold_negated = has_negation(&forms->items[i].key);
	match m = match_forms(g, s, pp, forms, qp && forms != &qp->answers ? &qp->answers : NULL,
	                      !has_negation(k) || gold_negated);
	if (result_of_match(&m, out))
		return;
	const form_list *more = qp && forms != &qp->answers ? &qp->answers : NULL;
	if (equal_but_preposition(s, forms, more)) {
		set_result(out, GRADE_CORRECT, 1, "%s", "");
		return;
	}
	if (m.kind == MATCH_RIVAL) {
		result_of_match(&m, out);
		return;
	}
	if (has_negation(k) && !gold_negated)
		set_result(out, GRADE_WRONG, 0, "the answer is negated");
	else
		set_result(out, GRADE_WRONG, 0, "%s", "");
}

/* Words that, before a name, make the name part of something else ("the
 * wife of Antony Blinken", "Pelosi or Blinken"). */
static bool is_linking(const norm_key *k, size_t i)
{
	static const char *const words[] = {
		"of", "to", "by", "and", "or", "with", "for", "from", "than", "but", "without",
		"against", "versus", "vs", "except", "instead", "unlike", "before", "after", "like",
		"not", "no", "nor", "never", "either", "neither", "whom", "who", "which", "on", "at",
		"in", "under", "within", "via", "through", "over", "into", "onto", "as",
	};
	for (size_t w = 0; w < sizeof words / sizeof *words; w++)
		if (token_is(k, i, words[w]))
			return true;
	return false;
}

/* True when the span is exactly something else the bank names (with
 * `actors_only`, another actor's name). */
static bool names_rival(const grader *g, span s, const form_list *own, const form_list *own_more,
                        bool actors_only)
{
	size_t chars = span_chars(s), len;
	const char *text = span_ptr(s, &len);
	int32_t first = norm_first_char(text, len);
	for (size_t i = rival_lower(g, first, chars);
	     i < g->n_rivals && g->rivals[i].first == first && g->rivals[i].chars == chars; i++)
		if ((!actors_only || g->rivals[i].actor) && span_eq(s, &g->rivals[i].key) &&
		    !in_forms(&g->rivals[i].key, own, own_more))
			return true;
	return false;
}

/* True when some run of up to four words of the span names another actor. */
static bool mentions_actor(const grader *g, span s, const form_list *own, const form_list *own_more)
{
	for (size_t i = 0; i < s.count; i++)
		for (size_t n = 1; i + n <= s.count && n <= 4; n++)
			if (names_rival(g, (span){s.key, s.first + i, n}, own, own_more, true))
				return true;
	return false;
}

/* Answers that say more than the bank's name, and are still right:
 *   - a description before the full name: "the Italian physicist Galileo
 *     Ferraris", "financier J. P. Morgan";
 *   - a fuller name for a name of one word: "Guglielmo Marconi" for
 *     "Marconi";
 *   - the kind of thing named: "the Yuan dynasty" for "Yuan".
 * Never when the extra words link the name to something else ("the wife
 * of ...") or the whole is another name the bank knows. */
static bool actor_longer(const grader *g, const qprep *qp, span bare, grade_result *out)
{
	const actor_prep *ap = qp->actor;
	const norm_key *k = bare.key;
	if (bare.count < 2 || has_negation(k))
		return false;
	if (names_rival(g, bare, &ap->forms, &qp->answers, false))
		return false;
	size_t last = bare.first + bare.count - 1;
	/* The kind of thing: "Yuan dynasty" for "Yuan". */
	if (is_type_noun(k, last)) {
		span rest = {k, bare.first, bare.count - 1};
		for (size_t i = 0; i < ap->forms.count; i++) {
			const form *f = &ap->forms.items[i];
			if (!(f->flags & (FORM_SHARED | FORM_EXACT_ONLY)) && !f->rule && span_eq(rest, &f->key)) {
				set_result(out, GRADE_CORRECT, 1, "accepted: the name with its kind");
				return true;
			}
		}
	}
	for (size_t i = 0; i < ap->forms.count; i++) {
		const form *f = &ap->forms.items[i];
		size_t n = f->key.n_tokens;
		if (f->flags & (FORM_SHARED | FORM_EXACT_ONLY) || n >= bare.count)
			continue;
		if (f->rule && strcmp(f->rule, "alias") != 0)
			continue;
		span tail = {k, bare.first + bare.count - n, n};
		if (!span_eq(tail, &f->key))
			continue;
		bool linked = false;
		for (size_t j = bare.first; j < tail.first && !linked; j++)
			linked = is_linking(k, j) || (k->tokens[j].flags & NORM_TOKEN_DIGIT);
		if (linked ||
		    mentions_actor(g, (span){k, bare.first, tail.first - bare.first}, &ap->forms, &qp->answers))
			continue;
		if (n >= 2 && ap->person_like) {
			set_result(out, GRADE_CORRECT, 1, "accepted: the name with a description");
			return true;
		}
		/* One word, and the bank's whole name: "Guglielmo Marconi". */
		if (n == 1 && ap->name.n_tokens == 1 && ap->capitalised && !ap->all_caps &&
		    bare.count <= 3 && !is_type_noun(k, last)) {
			set_result(out, GRADE_CORRECT, 1, "accepted: a fuller name");
			return true;
		}
	}
	return false;
}

static void grade_actor(const grader *g, const qprep *qp, typed_answer *t, grade_result *out)
{
	const actor_prep *ap = qp->actor;
	if (!ap) {
		grade_text(g, qp, &qp->answers, t, out);
		return;
	}
	/* "Sherwood Boehlert, chairman of the committee", "Blinken, Antony": the
	 * name before a comma is graded, unless what follows names someone
	 * else the bank knows or takes the answer back. */
	const char *comma = memchr(t->raw, ',', t->raw_len);
	if (comma && comma > t->raw) {
		typed_answer head, rest;
		typed_init(&head);
		typed_init(&rest);
		bool ok = typed_set(&head, t->raw, (size_t)(comma - t->raw)) &&
		          typed_set(&rest, comma + 1, (size_t)(t->raw + t->raw_len - comma - 1)) &&
		          !has_negation(&rest.w.key);
		if (ok && mentions_actor(g, whole(&rest.w.key), &ap->forms, &qp->answers))
			ok = false;
		/* "Muqali, Jebe and Subutai" lists more names. */
		const char *after = comma + 1;
		while (after < t->raw + t->raw_len && *after == ' ')
			after++;
		size_t al = (size_t)(t->raw + t->raw_len - after);
		if (ok && al && memchr(after, '&', al))
			ok = false;
		if (ok && al && *after >= 'A' && *after <= 'Z' &&
		    (memmem(after, al, " and ", 5) || memmem(after, al, " or ", 4) ||
		     memchr(after, ',', al)))
			ok = false;
		if (ok && rest.w.key.n_tokens &&
		    (token_is(&rest.w.key, 0, "and") || token_is(&rest.w.key, 0, "or")))
			ok = false;
		if (ok && head.w.key.n_tokens) {
			grade_result r;
			grade_actor(g, qp, &head, &r);
			if (grade_verdict_accepted(r.verdict)) {
				*out = r;
				typed_release(&head);
				typed_release(&rest);
				return;
			}
		}
		typed_release(&head);
		typed_release(&rest);
	}
	/* "University Athletic Association (UAA)": a name with its acronym (or
	 * another of its forms) in brackets is graded by the name. */
	if (t->raw_len > 3 && t->raw[t->raw_len - 1] == ')') {
		const char *open = memchr(t->raw, '(', t->raw_len);
		if (open && open > t->raw) {
			typed_answer inner, outer;
			typed_init(&inner);
			typed_init(&outer);
			bool inner_ok = typed_set(&inner, open + 1, (size_t)(t->raw + t->raw_len - 1 - open - 1));
			bool named = false;
			for (size_t i = 0; inner_ok && i < ap->forms.count && !named; i++)
				named = span_eq(whole(&inner.w.key), &ap->forms.items[i].key);
			if (named && typed_set(&outer, t->raw, (size_t)(open - t->raw))) {
				grade_actor(g, qp, &outer, out);
				typed_release(&inner);
				typed_release(&outer);
				return;
			}
			typed_release(&inner);
			typed_release(&outer);
		}
	}
	const norm_key *k = &t->w.key;
	span full = whole(k);
	/* Titles come off what was typed; suffixes stay ("Ted Ginn Sr." is
	 * not Ted Ginn Jr.), the bank's forms hold the name without them. */
	size_t first = skip_titles(k, 0, k->n_tokens);
	span bare = {k, first, k->n_tokens - first};
	span spans[2] = {full, bare};
	int n_spans = first > 0 ? 2 : 1;

	for (int i = 0; i < n_spans; i++) {
		match m = match_forms(g, spans[i], NULL, &ap->forms, &qp->answers, false);
		if (result_of_match(&m, out))
			return;
	}
	/* An initial and the family name: "A. Blinken", "A Blinken". */
	if (ap->initial && ap->family.n_tokens && bare.count == ap->family.n_tokens + 1) {
		const norm_token *ini = &k->tokens[bare.first];
		span rest = {k, bare.first + 1, ap->family.n_tokens};
		if (ini->chars == 1 && span_eq(rest, &ap->family) &&
		    norm_first_char(k->text + ini->start, ini->len) == ap->initial) {
			set_result(out, GRADE_CORRECT, 1, "accepted: initial and family name");
			return;
		}
	}
	if (actor_longer(g, qp, bare, out))
		return;
	/* Given name alone. */
	if (ap->given.n_tokens && span_eq(bare, &ap->given)) {
		set_result(out, GRADE_WRONG, 0, "a first name alone is not enough");
		return;
	}
	if (has_negation(k)) {
		set_result(out, GRADE_WRONG, 0, "the answer is negated");
		return;
	}
	/* Accents, then spelling slips. */
	const norm_key *pk = typed_plain(t);
	size_t pf = skip_titles(pk, 0, pk->n_tokens);
	span plain_spans[2] = {whole(pk), {pk, pf, pk->n_tokens - pf}};
	for (int i = 0; i < n_spans; i++) {
		match m = match_forms(g, spans[i], &plain_spans[i], &ap->forms, &qp->answers, true);
		if (m.kind != MATCH_NONE) {
			result_of_match(&m, out);
			return;
		}
	}
	set_result(out, GRADE_WRONG, 0, "%s", "");
}

/* Compares a date read from the typed text with the bank's date. */
static void compare_date(const qprep *qp, quiz_date gold, const date_value *v, grade_result *out)
{
	bool year_known = qp && qp->year_known;
	/* A weekday must agree with the date it comes with. */
	if (v->weekday && v->month && v->day) {
		int y = v->year ? v->year : (year_known ? gold.year : 0);
		if (y && date_weekday(y, v->month, v->day) != v->weekday) {
			set_result(out, GRADE_WRONG, 0, "%s %d, %d was a %s", date_month_name(v->month),
			           v->day, y, date_weekday_name(date_weekday(y, v->month, v->day)));
			return;
		}
	}
	if (!v->year && !v->month && !v->day) {
		/* A weekday alone. */
		if (gold.day && date_weekday(gold.year, gold.month, gold.day) == v->weekday)
			set_result(out, GRADE_WRONG, 0, "the right weekday, but the article gives the date");
		else
			set_result(out, GRADE_WRONG, 0, "%s", "");
		return;
	}
	bool year_ok = v->year ? v->year == gold.year : year_known;
	if (v->year && v->year != gold.year) {
		set_result(out, GRADE_WRONG, 0, "%s", "");
		return;
	}
	if (gold.day) {
		if (v->month && v->month != gold.month) {
			set_result(out, GRADE_WRONG, 0, "%s", "");
			return;
		}
		if (v->day && v->day != gold.day) {
			set_result(out, GRADE_WRONG, 0, "%s", "");
			return;
		}
		if (!v->day) {
			set_result(out, GRADE_WRONG, 0, "the article gives the day");
			return;
		}
		if (!year_ok) {
			set_result(out, GRADE_WRONG, 0, "the year is missing");
			return;
		}
		set_result(out, GRADE_CORRECT, 1, "%s", v->year ? "" : "the year is given");
		return;
	}
	if (gold.month) {
		if (v->month && v->month != gold.month) {
			set_result(out, GRADE_WRONG, 0, "%s", "");
			return;
		}
		if (!v->month) {
			set_result(out, GRADE_WRONG, 0, "the article gives the month");
			return;
		}
		if (!year_ok) {
			set_result(out, GRADE_WRONG, 0, "the year is missing");
			return;
		}
		set_result(out, GRADE_CORRECT, 1, "%s", v->day ? "more precise than asked; only the month was checked" : "");
		return;
	}
	if (!v->year) {
		set_result(out, GRADE_WRONG, 0, "the year is missing");
		return;
	}
	set_result(out, GRADE_CORRECT, 1, "%s", v->month ? "more precise than asked; only the year was checked" : "");
}

static bool rejected_date(const qprep *qp, const date_value *v)
{
	for (size_t i = 0; qp && i < qp->rejects.count; i++) {
		const reject_value *rv = &qp->reject_values[i];
		if (rv->is_date && rv->date.year == v->year && rv->date.month == v->month &&
		    rv->date.day == v->day)
			return true;
	}
	return false;
}

static void grade_date_value(const grader *g, const qprep *qp, quiz_date gold, const char *s,
                             size_t len, grade_result *out)
{
	date_parse_result dr;
	date_parse(s, len, g->date_order, &dr);
	switch (dr.status) {
	case DATE_NOT_A_DATE:
		set_result(out, GRADE_WRONG, 0, "not read as a date");
		return;
	case DATE_SHORT_YEAR:
		set_result(out, GRADE_AMBIGUOUS, 0, "write the year in full");
		return;
	case DATE_DECADE:
		if (gold.year >= dr.value.year && gold.year < dr.value.year + 10)
			set_result(out, GRADE_WRONG, 0, "the right decade, but the article gives the year");
		else
			set_result(out, GRADE_WRONG, 0, "%s", "");
		return;
	case DATE_NONEXISTENT:
		if (dr.value.month >= 1 && dr.value.month <= 12)
			set_result(out, GRADE_WRONG, 0, "no such date: %s has no day %d",
			           date_month_name(dr.value.month), dr.value.day);
		else
			set_result(out, GRADE_WRONG, 0, "no such date: there is no month %d", dr.value.month);
		return;
	case DATE_AMBIGUOUS: {
		grade_result a, b;
		compare_date(qp, gold, &dr.value, &a);
		compare_date(qp, gold, &dr.alt, &b);
		bool ra = grade_verdict_accepted(a.verdict), rb = grade_verdict_accepted(b.verdict);
		if (ra && rb) {
			*out = a;
		} else if (!ra && !rb) {
			set_result(out, GRADE_WRONG, 0, "%s", "");
		} else {
			set_result(out, GRADE_AMBIGUOUS, 0,
			           "%d/%d could be %s %d or %d %s: write the month as a word",
			           dr.value.month, dr.value.day, date_month_name(dr.value.month),
			           dr.value.day, dr.alt.day, date_month_name(dr.alt.month));
		}
		return;
	}
	case DATE_OK:
		break;
	}
	if (rejected_date(qp, &dr.value)) {
		set_result(out, GRADE_WRONG, 0, "the bank rejects this answer");
		return;
	}
	compare_date(qp, gold, &dr.value, out);
	if (out->verdict == GRADE_CORRECT && dr.month_corrected)
		set_result(out, GRADE_CLOSE, 1, "spelling corrected: %s", date_month_name(dr.value.month));
}

static bool number_equal(double gold, double typed, double tolerance, bool percent)
{
	double tol = percent ? fabs(gold) * tolerance : tolerance;
	double eps = 1e-9 * (fabs(gold) > 1 ? fabs(gold) : 1);
	return fabs(typed - gold) <= tol + eps;
}

static void grade_number_value(const qprep *qp, double gold, double tolerance, bool tol_percent,
                               const char *unit, const char *s, size_t len, grade_result *out)
{
	number_value nv;
	if (!number_parse(s, len, &nv)) {
		set_result(out, GRADE_WRONG, 0, "not read as one number");
		return;
	}
	for (size_t i = 0; qp && i < qp->rejects.count; i++) {
		const reject_value *rv = &qp->reject_values[i];
		if (rv->is_number && rv->number.value == nv.value &&
		    number_unit_compare(rv->number.unit, nv.unit) != NUMBER_UNIT_DIFFERENT) {
			set_result(out, GRADE_WRONG, 0, "the bank rejects this answer");
			return;
		}
	}
	if (!number_equal(gold, nv.value, tolerance, tol_percent)) {
		set_result(out, GRADE_WRONG, 0, "%s", "");
		return;
	}
	/* "third" answers "which place", not "how many". */
	if (nv.ordinal && qp && qp->gold_ordinal == 0) {
		set_result(out, GRADE_WRONG, 0, "an ordinal, but the answer is a count");
		return;
	}
	if (number_unit_compare(unit, nv.unit) == NUMBER_UNIT_DIFFERENT) {
		set_result(out, GRADE_WRONG, 0, "a different unit: the answer is in %s", unit);
		return;
	}
	if (nv.value != gold)
		set_result(out, GRADE_CORRECT, 1, "within the tolerance");
	else
		set_result(out, GRADE_CORRECT, 1, "%s", "");
}

static void grade_claim(const quiz_question *q, const norm_key *k, grade_result *out)
{
	static const char *const yes[] = {"y", "yes", "true", "t", "correct", "right", "yeah", "yep"};
	static const char *const no[] = {"n", "no", "false", "f", "incorrect", "wrong", "nope"};
	int said = -1;
	if (k->n_tokens == 1) {
		for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
			if (k->len == strlen(yes[i]) && memcmp(k->text, yes[i], k->len) == 0)
				said = 1;
		for (size_t i = 0; i < sizeof no / sizeof *no; i++)
			if (k->len == strlen(no[i]) && memcmp(k->text, no[i], k->len) == 0)
				said = 0;
	}
	if (said < 0) {
		set_result(out, GRADE_AMBIGUOUS, 0, "answer true or false");
		return;
	}
	if ((said == 1) == q->claim.truth)
		set_result(out, GRADE_CORRECT, 1, "%s", "");
	else
		set_result(out, GRADE_WRONG, 0, "%s", "");
}

/* A letter a-z or a number 1-n naming one of n options; -1 when the token
 * is neither, -2 when it names an option that does not exist. */
static int option_index(const norm_key *k, size_t i, size_t n, bool letters, bool numbers)
{
	const norm_token *t = &k->tokens[i];
	const char *w = k->text + t->start;
	if (letters && t->len == 1 && w[0] >= 'a' && w[0] <= 'z')
		return (size_t)(w[0] - 'a') < n ? w[0] - 'a' : -2;
	if (numbers && t->len <= 3 && (t->flags & NORM_TOKEN_DIGIT)) {
		int v = 0;
		for (size_t j = 0; j < t->len; j++) {
			if (w[j] < '0' || w[j] > '9')
				return -1;
			v = v * 10 + (w[j] - '0');
		}
		return v >= 1 && (size_t)v <= n ? v - 1 : -2;
	}
	return -1;
}

static bool is_filler(const norm_key *k, size_t i)
{
	return token_is(k, i, "and") || token_is(k, i, "then");
}

/* Reads a list of options ("a c", "ac", "1 3", "c a d b"); returns how many
 * were read into idx (at most max), or -1 when the text is not such a list,
 * or -2 when it names an option that does not exist. */
static int read_options(const norm_key *k, size_t n, int *idx, size_t max)
{
	size_t count = 0;
	if (k->n_tokens == 1 && k->tokens[0].len > 1 && k->tokens[0].len <= n &&
	    (k->tokens[0].flags & NORM_TOKEN_ALPHA)) {
		/* Letters run together: "cadb". */
		const char *w = k->text;
		/* Only when every letter names an option once: "Ben" is a word. */
		bool seen[26] = {false};
		for (size_t j = 0; j < k->tokens[0].len; j++) {
			if (w[j] < 'a' || w[j] > 'z' || (size_t)(w[j] - 'a') >= n || seen[w[j] - 'a'])
				return -1;
			seen[w[j] - 'a'] = true;
			if (count < max)
				idx[count++] = w[j] - 'a';
		}
		return (int)count;
	}
	bool any_letter = false, any_number = false;
	for (size_t i = 0; i < k->n_tokens; i++) {
		if (is_filler(k, i))
			continue;
		int v = option_index(k, i, n, true, true);
		if (v == -1)
			return -1;
		if (v == -2)
			return -2;
		if (k->tokens[i].flags & NORM_TOKEN_DIGIT)
			any_number = true;
		else
			any_letter = true;
		if (count < max)
			idx[count++] = v;
		else
			return -1;
	}
	if (any_letter && any_number)
		return -1;
	return (int)count;
}

enum { MAX_OPTIONS = 64 };

/* The part of `s` between separators `sep`, trimmed; advances *pos. */
static bool next_part(const char *s, size_t len, size_t *pos, char sep, const char **part,
                      size_t *plen)
{
	if (*pos > len)
		return false;
	size_t start = *pos, end = start;
	while (end < len && s[end] != sep)
		end++;
	*pos = end + 1;
	while (start < end && (s[start] == ' ' || s[start] == '\t'))
		start++;
	size_t e = end;
	while (e > start && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	*part = s + start;
	*plen = e - start;
	return true;
}

/* Which option a typed text names, by its text: the index, or -1. Sets
 * *slip when a spelling slip was forgiven. */
static int option_by_text(const grader *g, const qprep *qp, typed_answer *t, bool *slip)
{
	const norm_key *k = &t->w.key;
	span s = whole(k), ps = whole(typed_plain(t));
	span *pp = &ps;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < qp->n_parts; i++) {
			match m = match_forms(g, s, pp, &qp->parts[i], NULL, pass == 1);
			/* A slip is not forgiven when it is as near to another option:
			 * every option is one of the bank's rivals. */
			if (m.kind == MATCH_EXACT || m.kind == MATCH_ACCENTS || m.kind == MATCH_SLIP) {
				*slip = m.kind != MATCH_EXACT;
				return (int)i;
			}
		}
	return -1;
}

static void grade_choice(const grader *g, const qprep *qp, typed_answer *t, grade_result *out)
{
	const quiz_question *q = qp->q;
	size_t n = qp->n_parts;
	if (n == 0) {
		set_result(out, GRADE_WRONG, 0, "the question has no choices");
		return;
	}
	bool multi = q->n_correct > 1;
	int picks[MAX_OPTIONS];
	int n_picks = 0;
	bool slip = false;
	int by_text = option_by_text(g, qp, t, &slip);
	if (by_text >= 0) {
		picks[0] = by_text;
		n_picks = 1;
	} else {
		n_picks = read_options(typed_whole(t), n, picks, MAX_OPTIONS);
		if (n_picks == -2) {
			set_result(out, GRADE_AMBIGUOUS, 0, "there is no such choice: the choices are a to %c",
			           (char)('a' + (n > 26 ? 25 : n - 1)));
			return;
		}
		if (n_picks < 0 && multi && memchr(t->raw, ';', t->raw_len)) {
			/* Choices by their text, separated by ';'. */
			n_picks = 0;
			size_t pos = 0;
			const char *part;
			size_t plen;
			typed_answer pt;
			typed_init(&pt);
			while (next_part(t->raw, t->raw_len, &pos, ';', &part, &plen)) {
				if (!plen)
					continue;
				bool s2 = false;
				int v = -1;
				if (typed_set(&pt, part, plen))
					v = option_by_text(g, qp, &pt, &s2);
				if (v < 0) {
					n_picks = -1;
					break;
				}
				slip = slip || s2;
				if (n_picks < MAX_OPTIONS)
					picks[n_picks++] = v;
			}
			typed_release(&pt);
		}
		if (n_picks <= 0) {
			set_result(out, GRADE_WRONG, 0, "not one of the choices");
			return;
		}
	}
	if (!multi) {
		if (n_picks > 1) {
			set_result(out, GRADE_AMBIGUOUS, 0, "choose one answer");
			return;
		}
		size_t right = q->n_correct ? q->correct[0] : 0;
		if ((size_t)picks[0] == right) {
			if (slip)
				set_result(out, GRADE_CLOSE, 1, "spelling corrected: %s", q->choices.items[right]);
			else
				set_result(out, GRADE_CORRECT, 1, "%s", "");
		} else {
			set_result(out, GRADE_WRONG, 0, "%s", "");
		}
		return;
	}
	/* Select all that apply: each right pick counts, each wrong one takes
	 * one back. */
	bool chosen[MAX_OPTIONS] = {false};
	for (int i = 0; i < n_picks; i++)
		if (picks[i] < MAX_OPTIONS)
			chosen[picks[i]] = true;
	size_t hits = 0, wrong = 0, total = q->n_correct;
	for (size_t i = 0; i < n && i < MAX_OPTIONS; i++) {
		if (!chosen[i])
			continue;
		bool right = false;
		for (size_t c = 0; c < q->n_correct; c++)
			if (q->correct[c] == i)
				right = true;
		if (right)
			hits++;
		else
			wrong++;
	}
	if (hits == total && wrong == 0) {
		if (slip)
			set_result(out, GRADE_CLOSE, 1, "spelling corrected");
		else
			set_result(out, GRADE_CORRECT, 1, "%s", "");
		return;
	}
	double credit = hits > wrong ? (double)(hits - wrong) / (double)total : 0;
	if (credit > 0)
		set_result(out, GRADE_PARTIAL, credit, "%zu of %zu right choices, %zu wrong", hits, total,
		           wrong);
	else
		set_result(out, GRADE_WRONG, 0, "%zu of %zu right choices, %zu wrong", hits, total, wrong);
}

static void grade_order(const grader *g, const qprep *qp, typed_answer *t, grade_result *out)
{
	size_t n = qp->n_parts;
	if (n == 0 || n > MAX_OPTIONS) {
		set_result(out, GRADE_WRONG, 0, "the question has no items to order");
		return;
	}
	int seq[MAX_OPTIONS];
	int count;
	if (memchr(t->raw, ';', t->raw_len)) {
		count = 0;
		size_t pos = 0;
		const char *part;
		size_t plen;
		typed_answer pt;
		typed_init(&pt);
		while (next_part(t->raw, t->raw_len, &pos, ';', &part, &plen)) {
			if (!plen)
				continue;
			bool slip = false;
			int v = -1;
			if (typed_set(&pt, part, plen)) {
				v = option_by_text(g, qp, &pt, &slip);
				if (v < 0 && typed_whole(&pt)->n_tokens == 1)
					v = option_index(typed_whole(&pt), 0, n, true, true);
			}
			if (v < 0 || count == MAX_OPTIONS) {
				count = v == -2 ? -2 : -1;
				break;
			}
			seq[count++] = v;
		}
		typed_release(&pt);
	} else {
		count = read_options(typed_whole(t), n, seq, MAX_OPTIONS);
	}
	if (count == -2) {
		set_result(out, GRADE_AMBIGUOUS, 0, "there is no such item: the items are a to %c",
		           (char)('a' + (n > 26 ? 25 : n - 1)));
		return;
	}
	bool seen[MAX_OPTIONS] = {false};
	bool perm = count == (int)n;
	for (int i = 0; perm && i < count; i++) {
		if (seen[seq[i]])
			perm = false;
		seen[seq[i]] = true;
	}
	if (count < 0 || !perm) {
		set_result(out, GRADE_AMBIGUOUS, 0, "name each of the %zu items once, e.g. \"c a b\"", n);
		return;
	}
	if (n == 1) {
		set_result(out, GRADE_CORRECT, 1, "%s", "");
		return;
	}
	/* Credit: the share of item pairs put in the right relative order. */
	size_t pairs = n * (n - 1) / 2, good = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (seq[i] < seq[j])
				good++;
	if (good == pairs)
		set_result(out, GRADE_CORRECT, 1, "%s", "");
	else if (good)
		set_result(out, GRADE_PARTIAL, (double)good / (double)pairs, "%zu of %zu pairs in order",
		           good, pairs);
	else
		set_result(out, GRADE_WRONG, 0, "the order is reversed");
}

static void grade_match(const grader *g, const qprep *qp, typed_answer *t, grade_result *out)
{
	size_t n = qp->n_parts;
	if (n == 0 || n > MAX_OPTIONS) {
		set_result(out, GRADE_WRONG, 0, "the question has no pairs");
		return;
	}
	int chosen[MAX_OPTIONS];
	for (size_t i = 0; i < n; i++)
		chosen[i] = -1;
	const norm_key *k = typed_whole(t);
	bool numbered = false;
	for (size_t i = 0; i < k->n_tokens; i++)
		if ((k->tokens[i].flags & NORM_TOKEN_DIGIT) && k->text[k->tokens[i].start] >= '0' &&
		    k->text[k->tokens[i].start] <= '9')
			numbered = true;
	bool ok = true;
	int bad_name = 0;   /* 1: no such left, 2: no such right, 3: twice */
	if (numbered && !memchr(t->raw, ';', t->raw_len)) {
		/* "1b 2a 3c", "1-b, 2-a", "1 b 2 a". */
		for (size_t i = 0; i < k->n_tokens && ok; i++) {
			const norm_token *tk = &k->tokens[i];
			const char *w = k->text + tk->start;
			size_t j = 0;
			int left = 0;
			while (j < tk->len && w[j] >= '0' && w[j] <= '9' && j < 3)
				left = left * 10 + (w[j++] - '0');
			if (j == 0 || (j < tk->len && !(w[j] >= 'a' && w[j] <= 'z'))) {
				ok = false;
				break;
			}
			int right;
			if (j < tk->len) {
				if (tk->len - j != 1) {
					ok = false;
					break;
				}
				right = w[j] - 'a';
			} else {
				if (i + 1 >= k->n_tokens || k->tokens[i + 1].len != 1 ||
				    !(k->tokens[i + 1].flags & NORM_TOKEN_ALPHA)) {
					ok = false;
					break;
				}
				right = k->text[k->tokens[i + 1].start] - 'a';
				i++;
				if (right < 0 || right >= 26) {
					ok = false;
					break;
				}
			}
			if (left < 1 || (size_t)left > n) {
				bad_name = 1;
				break;
			}
			if (right < 0 || (size_t)right >= n) {
				bad_name = 2;
				break;
			}
			if (chosen[left - 1] >= 0) {
				bad_name = 3;
				break;
			}
			chosen[left - 1] = right;
		}
	} else if (memchr(t->raw, ';', t->raw_len)) {
		/* The right sides in the order of the left, by letter or text. */
		size_t pos = 0, i = 0;
		const char *part;
		size_t plen;
		typed_answer pt;
		typed_init(&pt);
		while (next_part(t->raw, t->raw_len, &pos, ';', &part, &plen) && ok) {
			if (i >= n) {
				ok = plen == 0;
				break;
			}
			if (plen && typed_set(&pt, part, plen)) {
				bool slip;
				const norm_key *pk = typed_whole(&pt);
				int v = pk->n_tokens == 1 ? option_index(pk, 0, n, true, false) : -1;
				if (v == -2 || (v == -1 && pk->n_tokens == 1 && pk->len == 1)) {
					bad_name = 2;
					break;
				}
				if (v < 0)
					v = option_by_text(g, qp, &pt, &slip);
				chosen[i] = v;
			}
			i++;
		}
		typed_release(&pt);
	} else {
		/* Letters alone, in the order of the left sides: "b a c". */
		int seq[MAX_OPTIONS];
		int c = read_options(k, n, seq, MAX_OPTIONS);
		if (c == -2)
			bad_name = 2;
		else if (c != (int)n)
			ok = false;
		else
			for (size_t i = 0; i < n; i++)
				chosen[i] = seq[i];
	}
	if (bad_name == 1) {
		set_result(out, GRADE_AMBIGUOUS, 0, "the left sides are numbered 1 to %zu", n);
		return;
	}
	if (bad_name == 2) {
		set_result(out, GRADE_AMBIGUOUS, 0, "the right sides are lettered a to %c",
		           (char)('a' + (n > 26 ? 25 : n - 1)));
		return;
	}
	if (bad_name == 3) {
		set_result(out, GRADE_AMBIGUOUS, 0, "a left side is matched twice");
		return;
	}
	if (!ok) {
		set_result(out, GRADE_AMBIGUOUS, 0, "match each left side to a letter, e.g. \"1b 2a\"");
		return;
	}
	size_t right = 0;
	for (size_t i = 0; i < n; i++) {
		int c = chosen[i];
		if (c < 0)
			continue;
		/* Right when the chosen right side reads the same as the paired one. */
		if ((size_t)c == i || (qp->parts[c].count && qp->parts[i].count &&
		                       key_same(&qp->parts[c].items[0].key, &qp->parts[i].items[0].key)))
			right++;
	}
	if (right == n)
		set_result(out, GRADE_CORRECT, 1, "%s", "");
	else if (right)
		set_result(out, GRADE_PARTIAL, (double)right / (double)n, "%zu of %zu pairs right", right, n);
	else
		set_result(out, GRADE_WRONG, 0, "no pair right");
}

static void grade_blank(const grader *g, const blank_prep *b, typed_answer *t, grade_result *out)
{
	if (b->kind == BLANK_NUMBER) {
		grade_number_value(NULL, b->number, 0, false, NULL, t->raw, t->raw_len, out);
		if (grade_verdict_accepted(out->verdict))
			return;
	} else if (b->kind == BLANK_DATE) {
		grade_date_value(g, NULL, b->date, t->raw, t->raw_len, out);
		if (out->verdict != GRADE_WRONG)
			return;
	}
	grade_result text;
	grade_text(g, NULL, &b->forms, t, &text);
	if (b->kind == BLANK_TEXT || grade_verdict_accepted(text.verdict))
		*out = text;
}

static void grade_cloze(const grader *g, const qprep *qp, typed_answer *t, grade_result *out)
{
	size_t n = qp->n_blanks;
	if (n == 0) {
		set_result(out, GRADE_WRONG, 0, "the question has no blanks");
		return;
	}
	if (n == 1) {
		grade_blank(g, &qp->blanks[0], t, out);
		return;
	}
	/* Trailing separators add no part: "Pelosi; Taiwan;". */
	size_t used = t->raw_len;
	while (used && (t->raw[used - 1] == ' ' || t->raw[used - 1] == ';'))
		used--;
	size_t parts = 1;
	for (size_t i = 0; i < used; i++)
		if (t->raw[i] == ';')
			parts++;
	if (parts > n) {
		set_result(out, GRADE_AMBIGUOUS, 0, "%zu blanks but %zu answers: separate them with ';'",
		           n, parts);
		return;
	}
	size_t pos = 0, right = 0, close = 0, empty = 0;
	typed_answer pt;
	typed_init(&pt);
	for (size_t i = 0; i < n; i++) {
		const char *part = "";
		size_t plen = 0;
		if (!next_part(t->raw, t->raw_len, &pos, ';', &part, &plen))
			plen = 0;
		grade_result r;
		if (!plen || !typed_set(&pt, part, plen) || pt.w.key.n_tokens == 0) {
			empty++;
			continue;
		}
		grade_blank(g, &qp->blanks[i], &pt, &r);
		if (r.verdict == GRADE_AMBIGUOUS) {
			set_result(out, GRADE_AMBIGUOUS, 0, "blank %zu: %s", i + 1, r.note);
			typed_release(&pt);
			return;
		}
		if (grade_verdict_accepted(r.verdict)) {
			right++;
			if (r.verdict == GRADE_CLOSE)
				close++;
		}
	}
	typed_release(&pt);
	if (right == n) {
		if (close)
			set_result(out, GRADE_CLOSE, 1, "every blank right, %zu with a slip forgiven", close);
		else
			set_result(out, GRADE_CORRECT, 1, "%s", "");
	} else if (right) {
		set_result(out, GRADE_PARTIAL, (double)right / (double)n, "%zu of %zu blanks right", right, n);
	} else if (empty == n) {
		set_result(out, GRADE_SKIPPED, 0, "no answer");
	} else {
		set_result(out, GRADE_WRONG, 0, "no blank right");
	}
}

/* ------------------------------------------------------------------------
 * The entry point.
 */

void grader_grade(const grader *g, const quiz_question *question, const char *typed,
                  grade_result *out)
{
	set_result(out, GRADE_WRONG, 0, "%s", "");
	if (!typed)
		typed = "";
	size_t len = strlen(typed);
	while (len && (typed[len - 1] == ' ' || typed[len - 1] == '\t' || typed[len - 1] == '\n' ||
	               typed[len - 1] == '\r'))
		len--;
	while (len && (*typed == ' ' || *typed == '\t' || *typed == '\n' || *typed == '\r')) {
		typed++;
		len--;
	}
	if (!len) {
		set_result(out, GRADE_SKIPPED, 0, "no answer");
		return;
	}

	const qprep *qp = ptrmap_get(&g->questions, question);
	grader *temp = NULL;
	if (!qp) {
		/* Not one of the grader's questions: prepare it now, against the
		 * grader's bank, in a throwaway copy. */
		temp = xcalloc(1, sizeof *temp);
		*temp = *g;
		temp->arena = arena_new();
		temp->actors = (ptrmap){0};
		temp->actor_list = NULL;
		temp->n_actors = temp->cap_actors = 0;
		temp->parent = g;
		qp = prep_question(temp, question);
		g = temp;
	}

	typed_answer t;
	typed_init(&t);
	if (!typed_set(&t, typed, len)) {
		set_result(out, GRADE_WRONG, 0, "not valid UTF-8");
		goto out;
	}
	const norm_key *k = &t.w.key;
	if (k->n_tokens == 0) {
		set_result(out, GRADE_SKIPPED, 0, "no answer");
		goto out;
	}

	/* `reject` always wins; `accept` widens. */
	span s = whole(k);
	for (size_t i = 0; i < qp->rejects.count; i++) {
		const form *f = &qp->rejects.items[i];
		if (span_eq(s, &f->key) ||
		    (f->key.latin && span_eq(whole(typed_plain(&t)), f->plain.text ? &f->plain : &f->key))) {
			set_result(out, GRADE_WRONG, 0, "the bank rejects this answer");
			goto out;
		}
	}
	for (size_t i = 0; i < qp->answers.count; i++)
		if (qp->answers.items[i].rule && span_eq(s, &qp->answers.items[i].key)) {
			set_result(out, GRADE_CORRECT, 1, "accepted answer");
			goto out;
		}

	switch (question->kind) {
	case QUIZ_DATE:
		grade_date_value(g, qp, question->date, t.raw, t.raw_len, out);
		if (!grade_verdict_accepted(out->verdict) && out->verdict != GRADE_AMBIGUOUS &&
		    qp->answers.count) {
			grade_result alt;
			grade_text(g, qp, &qp->answers, &t, &alt);
			if (grade_verdict_accepted(alt.verdict))
				*out = alt;
		}
		break;
	case QUIZ_NUMBER:
		grade_number_value(qp, question->number.value, question->number.tolerance,
		                   question->number.tolerance_is_percent, question->number.unit, t.raw,
		                   t.raw_len, out);
		if (!grade_verdict_accepted(out->verdict) && qp->answers.count) {
			grade_result alt;
			grade_text(g, qp, &qp->answers, &t, &alt);
			if (grade_verdict_accepted(alt.verdict))
				*out = alt;
		}
		break;
	case QUIZ_ACTOR:
		grade_actor(g, qp, &t, out);
		break;
	case QUIZ_TEXT:
		grade_text(g, qp, &qp->answers, &t, out);
		break;
	case QUIZ_CLAIM:
		grade_claim(question, k, out);
		break;
	case QUIZ_CHOICE:
		grade_choice(g, qp, &t, out);
		break;
	case QUIZ_ORDER:
		grade_order(g, qp, &t, out);
		break;
	case QUIZ_MATCH:
		grade_match(g, qp, &t, out);
		break;
	case QUIZ_CLOZE:
		grade_cloze(g, qp, &t, out);
		break;
	default:
		set_result(out, GRADE_WRONG, 0, "unknown kind of question");
		break;
	}
	/* A forgiven slip that is as near to a rejected answer is that answer. */
	if (out->verdict == GRADE_CLOSE) {
		for (size_t i = 0; i < qp->rejects.count; i++)
			if (slips(s, &qp->rejects.items[i].key) >= 0) {
				set_result(out, GRADE_WRONG, 0, "the bank rejects this answer");
				break;
			}
	}
out:
	typed_release(&t);
	if (temp) {
		ptrmap_release(&temp->actors);
		free(temp->actor_list);
		arena_free(temp->arena);
		free(temp);
	}
}
