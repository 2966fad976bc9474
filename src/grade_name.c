/* grade_name.c - grade people and organisations: titles, family names, initials, acronyms, short names */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "article.h"
#include "grade_impl.h"
#include "util.h"

static bool name_other_ways(const grader *g, const qprep *qp, typed_answer *t, span bare,
                            grade_result *out);
static bool name_rest_in_question(const qprep *qp, const typed_answer *t, span bare, grade_result *out);
static bool key_token_in(const norm_key *k, size_t i, const char *const *list, size_t n);

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
		if (next < end && (key_token_is(k, first + best - 1, "secretary") ||
		                   key_token_is(k, first + best - 1, "minister")) &&
		    (key_token_is(k, next, "of") || key_token_is(k, next, "for"))) {
			size_t j = next + 1;
			if (j < end && key_token_is(k, j, "the"))
				j++;
			if (j < end && key_token_is(k, j, "foreign") && j + 1 < end && key_token_is(k, j + 1, "affairs"))
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
		if (key_token_is(k, i, suffixes[s]))
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
		"health", "energy", "motors", "records", "pictures", "studios", "entertainment",
		"media", "communications", "technologies", "labs", "industries", "holdings",
		"partners", "capital", "digital", "broadcasting", "radio", "television", "foods",
		"stores", "brands", "compact", "agreement", "accord", "convention", "charter",
	};
	for (size_t h = 0; h < sizeof heads / sizeof *heads; h++)
		if (key_token_is(k, i, heads[h]))
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
		if (key_token_is(k, i, nouns[n]))
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

/* Whether [s, s + n) is the name's initials, upper or lower case, with or
 * without a plural "s": "RSO", "RSOs". */
static bool initials_of_name(const char *s, size_t n, const char *initials)
{
	size_t il = strlen(initials);
	if (n == il + 1 && (s[il] == 's' || s[il] == 'S'))
		n = il;
	if (n != il)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != initials[i])
			return false;
	}
	return true;
}

/* When k starts with words that only say how much of a group ("members
 * of", "many of the", "a unit of"), the index of the group's first word;
 * 0 otherwise. */
static size_t group_lead(const norm_key *k)
{
	static const char *const amounts[] = {"a", "an", "the", "many", "most", "some", "all",
	                                      "several", "members", "member", "unit", "units",
	                                      "part", "group", "groups"};
	size_t i = 0;
	bool said = false;
	while (i < k->n_tokens && i < 3) {
		bool amount = false;
		for (size_t w = 0; w < sizeof amounts / sizeof *amounts && !amount; w++)
			amount = key_token_is(k, i, amounts[w]);
		if (!amount)
			break;
		said |= !(key_token_is(k, i, "a") || key_token_is(k, i, "an") || key_token_is(k, i, "the"));
		i++;
	}
	if (!said || i >= k->n_tokens || !key_token_is(k, i, "of"))
		return 0;
	i++;
	if (i < k->n_tokens && key_token_is(k, i, "the"))
		i++;
	return i < k->n_tokens ? i : 0;
}

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
		if (key_token_is(k, first, words[i]))
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

static bool starts_upper(const char *w)
{
	return *w >= 'A' && *w <= 'Z';
}

/* True when the n bytes at w are one of the words, any case. */
static bool raw_word_in(const char *w, size_t n, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (strlen(list[i]) == n && strncasecmp(w, list[i], n) == 0)
			return true;
	return false;
}

/* The name inside an answer that says who someone is: after a possessive
 * and words in lower case ("Temüjin's mother Hoelun" -> "Hoelun", "His
 * wife Katharina" -> "Katharina"), or the one part between commas written
 * as a name when every other part starts in lower case ("Creon, the
 * current King of Thebes" -> "Creon", "a Tatar chieftain, Temüjin-üge,
 * whom his father had captured" -> "Temüjin-üge"). NULL when there is
 * none, or more than one ("Jamukha, and his protector, Toghrul Khan"). */
static const char *name_within(arena *ar, const char *text)
{
	static const char *const owners[] = {"his", "her", "their", "its", "our"};
	static const char *const wholes[] = {"all", "both"};
	size_t n = strlen(text);
	/* "their Annual Conference", "all women", "both the army and the
	 * populace": a word that only says whose, or that it is all of them. */
	const char *first_space = strchr(text, ' ');
	if (first_space && first_space[1]) {
		size_t wl = (size_t)(first_space - text);
		if ((raw_word_in(text, wl, owners, sizeof owners / sizeof *owners) && starts_upper(first_space + 1)) ||
		    raw_word_in(text, wl, wholes, sizeof wholes / sizeof *wholes))
			return arena_strdup(ar, first_space + 1);
	}
	/* The possessive (a capitalised name's, or "his"), then one to three
	 * words in lower case. */
	const char *sp = strchr(text, ' ');
	const char *owned = strstr(text, "'s ");
	if (owned && owned + 3 < text + n) {
		for (const char *c = text; c < owned && owned; c++)
			if (c == text ? !starts_upper(c) : (c[-1] == ' ' && !starts_upper(c)))
				owned = NULL;
		if (owned)
			sp = owned + 2;
	} else {
		owned = NULL;
	}
	if (sp && !memchr(text, ',', n)) {
		size_t wl = (size_t)(sp - text);
		if (owned || raw_word_in(text, wl, owners, sizeof owners / sizeof *owners)) {
			const char *w = sp + 1;
			int lower = 0;
			while (*w >= 'a' && *w <= 'z' && lower < 4) {
				const char *next = strchr(w, ' ');
				if (!next)
					return NULL;
				w = next + 1;
				lower++;
			}
			if (lower >= 1 && lower <= 3 && starts_upper(w) && !strstr(w, " and ") && !strstr(w, " or "))
				return arena_strdup(ar, w);
		}
	}
	/* The parts between commas. */
	const char *found = NULL;
	size_t found_len = 0;
	int parts = 0;
	for (const char *start = text; start <= text + n; parts++) {
		const char *comma = memchr(start, ',', (size_t)(text + n - start));
		const char *end = comma ? comma : text + n;
		while (start < end && *start == ' ')
			start++;
		size_t len = (size_t)(end - start);
		while (len && start[len - 1] == ' ')
			len--;
		if (!len)
			return NULL;
		if (starts_upper(start)) {
			/* Every word capitalised, and no list in it. */
			for (const char *c = start; c < start + len; c++)
				if (*c == ' ' && c + 1 < start + len && !starts_upper(c + 1))
					return NULL;
			if (found)
				return NULL;
			found = start;
			found_len = len;
		} else if (!(*start >= 'a' && *start <= 'z') || strncmp(start, "and ", 4) == 0 ||
		           strncmp(start, "or ", 3) == 0) {
			return NULL;
		}
		if (!comma)
			break;
		start = comma + 1;
	}
	if (!found || parts < 1)
		return NULL;
	return arena_strndup(ar, found, found_len);
}

/* The phrase with its last word in the other number: "individuals" for
 * "individual", "colonies" for "colony", "the state" for "the states";
 * NULL when the word is too short to tell ("bus", "gas"). */
static const char *other_number(arena *ar, const char *phrase)
{
	size_t n = strlen(phrase);
	while (n && (phrase[n - 1] == ' ' || phrase[n - 1] == '.'))
		n--;
	size_t w = n;
	while (w && phrase[w - 1] != ' ')
		w--;
	const char *word = phrase + w;
	size_t wl = n - w;
	if (wl < 4)
		return NULL;
	for (size_t i = 0; i < wl; i++)
		if (word[i] < 'a' || word[i] > 'z')
			return NULL;
	char *out = arena_alloc(ar, n + 3);
	memcpy(out, phrase, n);
	size_t ol = n;
	const char *end = word + wl;
	if (wl > 4 && memcmp(end - 3, "ies", 3) == 0) {
		ol -= 3;
		out[ol++] = 'y';
	} else if (end[-1] == 's' && end[-2] != 's' && end[-2] != 'u' && end[-2] != 'i') {
		/* "churches", "boxes": the "e" goes with the "s". */
		bool es = wl > 4 && end[-2] == 'e' &&
		          (end[-3] == 'x' || end[-3] == 'z' || (end[-3] == 'h' && (end[-4] == 'c' || end[-4] == 's')));
		ol -= es ? 2 : 1;
	} else if (end[-1] == 'y' && !strchr("aeiou", end[-2])) {
		ol--;
		memcpy(out + ol, "ies", 3);
		ol += 3;
	} else if (end[-1] == 'x' || end[-1] == 'z' || end[-1] == 's' ||
	           (end[-1] == 'h' && (end[-2] == 'c' || end[-2] == 's'))) {
		memcpy(out + ol, "es", 2);
		ol += 2;
	} else {
		out[ol++] = 's';
	}
	out[ol] = '\0';
	return out;
}

actor_prep *name_prep_actor(grader *g, const quiz_actor *a)
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

	form *full = form_add(ar, &ap->forms, base, name, NULL, 0);
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
	/* "Chivas USA", "Chelsea FC": a last word of two or three capitals is
	 * a place or a kind of body, not a family name. */
	const char *last_raw = base + bl;
	while (last_raw > base && last_raw[-1] != ' ')
		last_raw--;
	size_t last_len = strlen(last_raw);
	bool capitals_last = last_len >= 2 && last_len <= 3 && last_raw > base;
	for (size_t i = 0; i < last_len && capitals_last; i++)
		capitals_last = last_raw[i] >= 'A' && last_raw[i] <= 'Z';
	ap->capitals_last = capitals_last && capitalised;
	ap->person_like = capitalised && !sh.joined && !sh.digits && words >= 2 &&
	                  words <= 4 + (size_t)sh.particles && sh.links == 0 &&
	                  !is_org_head(k, end - 1) && !capitals_last;

	const char *short_name = NULL;   /* the word used alone, when not a family name */
	if (first > 0 && (words >= 2 ? ap->person_like : !title_keeps_word(k, 0)))
		/* Without titles: "Ed Lee" for "Mayor Ed Lee", "Francis" for "Pope Francis". */
		form_add(ar, &ap->forms, span_text(ar, k, first, k->n_tokens - first), name, NULL, 0);
	if (end < k->n_tokens) {
		/* Without a suffix: "Ted Ginn" for "Ted Ginn Jr."; one word left is
		 * a short name ("Ethelred" for "Ethelred II"). */
		if (words >= 2)
			form_add(ar, &ap->forms, span_text(ar, k, first, words), name, NULL, 0);
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
	           ((words == 3 && (key_token_is(k, first + 1, "the") || key_token_is(k, first + 1, "of"))) ||
	            (words == 4 && is_suffix_token(k, first + 1) &&
	             (key_token_is(k, first + 2, "the") || key_token_is(k, first + 2, "of"))))) {
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
		form *f = form_add(ar, &ap->forms, family, name, rule, 0);
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
			form_add(ar, &ap->forms, two, name, NULL, 0);
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
			form_add(ar, &ap->forms, rest, name, NULL, 0);
	}
	/* "members of the Organization of Arab Petroleum Exporting Countries",
	 * "a unit of Turkish defenders": who acted is the group named after
	 * "of"; the words before it only say how much of it. */
	size_t group = group_lead(k);
	if (group && group < k->n_tokens)
		form_add(ar, &ap->forms, span_text(ar, k, group, k->n_tokens - group), name,
		         "Right: the words before it only say how much of the group", 0);
	if (a->acronym && *a->acronym)
		form_add(ar, &ap->forms, a->acronym, a->acronym, "acronym", FORM_EXACT_ONLY);
	/* "Temüjin's mother Hoelun", "His wife Katharina": who the person is
	 * to someone else, then the name, which is right alone; "Creon, the
	 * current King of Thebes": one name among words that say who it is. */
	const char *inner = name_within(ar, base);
	if (inner) {
		form *f = form_add(ar, &ap->forms, inner, name,
		                   "Right: the name; the rest of the answer says who it is", 0);
		/* Then a part of the whole is no short name: "Rosa" is not Rosa
		 * Pell, the choir's first soprano. */
		ap->holds_person = f && starts_upper(inner) && strchr(inner, ' ') && !ap->person_like;
	}
	/* "individuals", "the state": a common noun in the singular is the
	 * same as in the plural. A name keeps its number ("the Mamluks"). */
	if (!sh.capitalised && !sh.digits && !sh.joined && k->n_tokens && k->n_tokens <= 6) {
		const char *other = other_number(ar, base);
		if (other)
			form_add(ar, &ap->forms, other, name, "Right: the same, in the singular or the plural", 0);
	}
	if (paren_acronym && *paren_acronym)
		form_add(ar, &ap->forms, paren_acronym, paren_acronym, "acronym", FORM_EXACT_ONLY);
	/* Initials of three or more capitalised words: offered once the bank's
	 * rivals are known, so that a clash is not accepted. */
	if (capitalised && !sh.joined && !sh.digits && strlen(sh.initials) >= 3)
		snprintf(ap->acronym, sizeof ap->acronym, "%s", sh.initials);

	for (size_t i = 0; i < a->aliases.count; i++) {
		const char *alias = a->aliases.items[i];
		form *f = form_add(ar, &ap->forms, alias, alias, "alias", 0);
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
			form_add(ar, &ap->forms, span_text(ar, ak, afirst, ak->n_tokens - afirst), alias,
			         "alias", 0);
	}
	return ap;
}


/* "James Lofton and Mark Malone", asked "Who shared the duties with Mark
 * Malone?": one of two names joined by "and" is the question's own, and
 * the other is graded. */
static bool name_beside_asked(const grader *g, const qprep *qp, typed_answer *t, grade_result *out)
{
	/* Only when the question asks who did it together with someone. */
	static const char *const together[] = {"with", "alongside", "besides", "addition", "together", "and"};
	bool asks_together = false;
	for (size_t i = 0; i < qp->prompt.n_tokens && !asks_together; i++)
		asks_together = key_token_in(&qp->prompt, i, together, sizeof together / sizeof *together);
	if (!asks_together)
		return false;
	const char *s = t->raw;
	size_t len = t->raw_len;
	const char *and = memmem(s, len, " and ", 5);
	if (!and || memmem(and + 5, (size_t)(s + len - and - 5), " and ", 5) || memchr(s, ',', len))
		return false;
	const char *side[2] = {s, and + 5};
	size_t side_len[2] = {(size_t)(and - s), (size_t)(s + len - and - 5)};
	for (int x = 0; x < 2; x++) {
		typed_answer asked, other;
		typed_init(&asked);
		typed_init(&other);
		bool decided = false;
		if (typed_set(&asked, side[x], side_len[x]) && asked.w.key.n_tokens &&
		    typed_set(&other, side[1 - x], side_len[1 - x]) && other.w.key.n_tokens) {
			bool all_asked = true;
			const norm_key *ak = &asked.w.key;
			for (size_t i = 0; i < ak->n_tokens && all_asked; i++)
				all_asked = context_has_word(&qp->prompt, ak->text + ak->tokens[i].start, ak->tokens[i].len);
			if (all_asked) {
				grade_actor(g, qp, &other, out);
				if (out->verdict == GRADE_CORRECT) {
					grade_set_result(out, GRADE_CORRECT, 1, "Right: %s; the other name is the question's own",
					                 qp->actor->actor->name);
					decided = true;
				}
			}
		}
		typed_release(&asked);
		typed_release(&other);
		if (decided)
			return true;
	}
	return false;
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
		if (key_token_is(k, i, words[w]))
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
	if (bare.count < 2 || grade_negated(k))
		return false;
	if (rival_named(g, bare, &ap->forms, &qp->answers, false))
		return false;
	size_t last = bare.first + bare.count - 1;
	/* The kind of thing: "Yuan dynasty" for "Yuan". */
	if (is_type_noun(k, last)) {
		span rest = {k, bare.first, bare.count - 1};
		for (size_t i = 0; i < ap->forms.count; i++) {
			const form *f = &ap->forms.items[i];
			if (!(f->flags & (FORM_SHARED | FORM_EXACT_ONLY)) && !f->rule && span_eq(rest, &f->key)) {
				grade_set_result(out, GRADE_CORRECT, 1, "Right: the name with what kind of body it is");
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
		    rival_mentions_actor(g, (span){k, bare.first, tail.first - bare.first}, &ap->forms, &qp->answers))
			continue;
		if (n >= 2 && ap->person_like) {
			grade_set_result(out, GRADE_CORRECT, 1, "Right: the name with a description");
			return true;
		}
		/* One word, and the bank's whole name: "Guglielmo Marconi". */
		if (n == 1 && ap->name.n_tokens == 1 && ap->capitalised && !ap->all_caps &&
		    bare.count <= 3 && !is_type_noun(k, last)) {
			grade_set_result(out, GRADE_CORRECT, 1, "Right: a fuller form of the name");
			return true;
		}
	}
	return false;
}

static bool word_char(char c)
{
	return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9') || (c & 0x80);
}

/* True when s (len bytes) has w (wl bytes, any case) as whole words at i. */
static bool words_at(const char *s, size_t len, size_t i, const char *w, size_t wl)
{
	return i + wl <= len && (i == 0 || !word_char(s[i - 1])) && strncasecmp(s + i, w, wl) == 0 &&
	       (i + wl == len || !word_char(s[i + wl]));
}

/* True when the text gives the name a title: "Captain Frank Tourle
 * Thomson", or "Thomson, then a professor" (the title at most four words
 * after the name and a comma). */
static bool title_near(const char *s, size_t len, const char *title, size_t tl, const char *name,
                       size_t nl)
{
	for (size_t i = 0; i + nl <= len; i++) {
		if (!words_at(s, len, i, name, nl))
			continue;
		size_t b = i;
		while (b > 0 && s[b - 1] == ' ')
			b--;
		if (b >= tl && b < i && words_at(s, len, b - tl, title, tl))
			return true;
		size_t p = i + nl;
		if (p >= len || s[p] != ',')
			continue;
		for (int word = 0; word < 4 && p < len; word++) {
			while (p < len && (s[p] == ' ' || s[p] == ','))
				p++;
			if (words_at(s, len, p, title, tl))
				return true;
			while (p < len && word_char(s[p]))
				p++;
			if (p < len && s[p] != ' ')
				break;
		}
	}
	return false;
}

/* "Professor Thomson" where two actors are called Thomson: the title
 * typed before the family name tells them apart when the article gives it
 * to exactly one of them (by the full name, or, for the answer, by the
 * family name in the question's passage). Returns true when decided. */
static bool title_tells_apart(const grader *g, const qprep *qp, const norm_key *k, size_t first,
                              grade_result *out)
{
	const actor_prep *ap = qp->actor;
	const article *a = quiz_article(g->q);
	if (!a || first == 0 || !ap->family.n_tokens || k->n_tokens != first + ap->family.n_tokens)
		return false;
	const char *title = k->text + k->tokens[0].start;
	size_t tl = k->tokens[first - 1].start + k->tokens[first - 1].len - k->tokens[0].start;
	const char *quote = qp->q->source.quote;
	const actor_prep *holder = NULL;
	size_t holders = 0;
	for (size_t i = 0; i < g->n_actors; i++) {
		const actor_prep *x = g->actor_list[i];
		if (!x || !x->actor || !x->actor->name || x->family.len != ap->family.len ||
		    memcmp(x->family.text, ap->family.text, ap->family.len) != 0)
			continue;
		const char *name = x->actor->name;
		bool has = x->name_context &&
		           title_near(x->name_context, strlen(x->name_context), title, tl, name, strlen(name));
		if (!has && x == ap && quote)
			has = title_near(quote, strlen(quote), title, tl, ap->family.text, ap->family.len);
		if (has) {
			holder = x;
			holders++;
		}
	}
	if (holders != 1)
		return false;
	if (holder == ap)
		grade_set_result(out, GRADE_CORRECT, 1, "Right: the article gives that title to %s alone",
		                 ap->actor->name);
	else
		grade_set_result(out, GRADE_WRONG, 0, "Wrong: the article gives that title to %s, another of that name",
		                 holder->actor->name);
	return true;
}

static bool name_of_place(const grader *g, const qprep *qp, typed_answer *t, grade_result *out);

/* True when the other actors a clause names are all in the possessive,
 * context rather than another answer: "at Carpenter's urging". */
static bool possessive_only(const grader *g, const actor_prep *ap, const qprep *qp, const char *s,
                            size_t len)
{
	char small[256];
	if (len >= sizeof small)
		return false;
	size_t n = 0;
	bool any = false;
	for (size_t i = 0; i < len;) {
		size_t e = i;
		while (e < len && s[e] != ' ')
			e++;
		bool poss = (e - i > 2 && s[e - 2] == '\'' && s[e - 1] == 's') ||
		            (e - i > 4 && memcmp(s + e - 4, "\xe2\x80\x99s", 4) == 0);
		if (poss)
			any = true;
		else {
			memcpy(small + n, s + i, e - i);
			n += e - i;
			if (e < len)
				small[n++] = ' ';
		}
		i = e < len ? e + 1 : e;
	}
	small[n] = '\0';
	if (!any)
		return false;
	typed_answer left;
	typed_init(&left);
	bool only = typed_set(&left, small, n) &&
	            !rival_mentions_actor(g, span_whole(&left.w.key), &ap->forms, &qp->answers);
	typed_release(&left);
	return only;
}

void grade_actor(const grader *g, const qprep *qp, typed_answer *t, grade_result *out)
{
	const actor_prep *ap = qp->actor;
	if (!ap) {
		grade_text(g, qp, &qp->answers, t, out);
		return;
	}
	/* "by the sculptor": "by" before a person or a body only says that
	 * they did it, as the question's passive asks. */
	if (t->w.key.n_tokens > 1 && key_token_is(&t->w.key, 0, "by") && t->raw_len > 3 &&
	    strncasecmp(t->raw, "by ", 3) == 0) {
		bool own = false;
		for (size_t i = 0; i < ap->forms.count && !own; i++)
			own = ap->forms.items[i].key.n_tokens && key_token_is(&ap->forms.items[i].key, 0, "by");
		typed_answer rest;
		typed_init(&rest);
		if (!own && typed_set(&rest, t->raw + 3, t->raw_len - 3)) {
			grade_actor(g, qp, &rest, out);
			if (out->verdict == GRADE_CORRECT && !out->note[0])
				grade_set_result(out, out->verdict, out->credit,
				                 "Right: \"by\" only says who did it");
			typed_release(&rest);
			return;
		}
		typed_release(&rest);
	}
	/* "Genghis Khan's grandson Batu": who the person is to someone else,
	 * in lower case, then the name. What follows the possessive is graded. */
	for (size_t i = t->raw_len; i > 3 && !memchr(t->raw, ',', t->raw_len); i--) {
		if (t->raw[i - 1] != ' ' || t->raw[i - 2] != 's' || t->raw[i - 3] != '\'')
			continue;
		/* "grandson", not a name's own possessive: "St. George's United
		 * Methodist Church". */
		if (i >= t->raw_len || t->raw[i] < 'a' || t->raw[i] > 'z')
			break;
		typed_answer rest;
		typed_init(&rest);
		if (typed_set(&rest, t->raw + i, t->raw_len - i) && rest.w.key.n_tokens >= 2 &&
		    !(rest.w.key.tokens[0].flags & NORM_TOKEN_DIGIT) && !is_linking(&rest.w.key, 0)) {
			grade_actor(g, qp, &rest, out);
			if (out->verdict == GRADE_CORRECT)
				grade_set_result(out, out->verdict, out->credit,
				                 "Right: the name, with who they are to someone else");
			typed_release(&rest);
			return;
		}
		typed_release(&rest);
		break;
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
		          !grade_negated(&rest.w.key);
		if (ok && rival_mentions_actor(g, span_whole(&rest.w.key), &ap->forms, &qp->answers) &&
		    !possessive_only(g, ap, qp, comma + 1, (size_t)(t->raw + t->raw_len - comma - 1)))
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
		    (key_token_is(&rest.w.key, 0, "and") || key_token_is(&rest.w.key, 0, "or")))
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
		/* "Thomson, Charles Wyville": the family name first, then a comma. */
		if (ok && head.w.key.n_tokens == 1 && rest.w.key.n_tokens >= 1 &&
		    rest.w.key.n_tokens <= 3 && !memchr(comma + 1, ',', (size_t)(t->raw + t->raw_len - comma - 1)) &&
		    t->raw_len < 200) {
			char turned[256];
			int tl = snprintf(turned, sizeof turned, "%.*s %.*s", (int)(t->raw + t->raw_len - comma - 1),
			                  comma + 1, (int)(comma - t->raw), t->raw);
			typed_answer whole_name;
			typed_init(&whole_name);
			if (tl > 0 && (size_t)tl < sizeof turned && typed_set(&whole_name, turned, (size_t)tl)) {
				grade_result r;
				grade_actor(g, qp, &whole_name, &r);
				if (grade_verdict_accepted(r.verdict)) {
					*out = r;
					if (!out->note[0])
						grade_set_result(out, r.verdict, r.credit,
						                 "Right: the same name, family name first");
					typed_release(&whole_name);
					typed_release(&head);
					typed_release(&rest);
					return;
				}
			}
			typed_release(&whole_name);
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
				named = span_eq(span_whole(&inner.w.key), &ap->forms.items[i].key);
			/* "Recognized Student Organizations (RSOs)": the initials of
			 * the name, or of its plural, restate it even when the bank
			 * does not offer them alone (another body may share them). */
			bool initials = false;
			if (inner_ok && !named && ap->acronym[0])
				named = initials = initials_of_name(open + 1,
				                                    (size_t)(t->raw + t->raw_len - 1 - open - 1),
				                                    ap->acronym);
			/* "WBT (1110 AM)": the brackets as the article writes them
			 * beside the name. */
			const article *art = quiz_article(g->q);
			size_t art_len;
			const char *art_text = art ? article_text(art, &art_len) : NULL;
			bool as_written = false;
			size_t inner_len = (size_t)(t->raw + t->raw_len - 1 - open - 1);
			if (inner_ok && !named && art_text && !memchr(open + 1, '(', inner_len) &&
			    !memchr(open + 1, ')', inner_len) && memmem(art_text, art_len, t->raw, t->raw_len))
				named = as_written = true;
			if (named && typed_set(&outer, t->raw, (size_t)(open - t->raw))) {
				grade_actor(g, qp, &outer, out);
				if (initials && out->verdict == GRADE_CORRECT)
					grade_set_result(out, out->verdict, out->credit,
					                 "Right: the name with its initials in brackets");
				else if (as_written && out->verdict == GRADE_CORRECT && !out->note[0])
					grade_set_result(out, out->verdict, out->credit,
					                 "Right: the name, with what the article says of it in brackets");
				typed_release(&inner);
				typed_release(&outer);
				return;
			}
			typed_release(&inner);
			typed_release(&outer);
		}
	}
	const norm_key *k = &t->w.key;
	span full = span_whole(k);
	/* Titles come off what was typed; suffixes stay ("Ted Ginn Sr." is
	 * not Ted Ginn Jr.), the bank's forms hold the name without them. */
	size_t first = skip_titles(k, 0, k->n_tokens);
	span bare = {k, first, k->n_tokens - first};
	span spans[2] = {full, bare};
	int n_spans = first > 0 ? 2 : 1;

	for (int i = 0; i < n_spans; i++) {
		match m = form_match(g, spans[i], NULL, &ap->forms, &qp->answers, false);
		if (form_match_result(&m, out)) {
			if (out->verdict == GRADE_AMBIGUOUS && m.form && (m.form->flags & FORM_SHARED))
				title_tells_apart(g, qp, k, first, out);
			return;
		}
	}
	if (name_beside_asked(g, qp, t, out))
		return;
	/* An initial and the family name: "A. Blinken", "A Blinken". */
	if (ap->initial && ap->family.n_tokens && bare.count == ap->family.n_tokens + 1) {
		const norm_token *ini = &k->tokens[bare.first];
		span rest = {k, bare.first + 1, ap->family.n_tokens};
		if (ini->chars == 1 && span_eq(rest, &ap->family) &&
		    norm_first_char(k->text + ini->start, ini->len) == ap->initial) {
			grade_set_result(out, GRADE_CORRECT, 1, "Right: an initial and the family name");
			return;
		}
	}
	if (actor_longer(g, qp, bare, out))
		return;
	/* "Time" for the Time Lord, asked "What type of Lord ...?". */
	if (name_rest_in_question(qp, t, bare, out))
		return;
	/* Given name alone. */
	if (ap->given.n_tokens && !ap->group && span_eq(bare, &ap->given)) {
		grade_set_result(out, GRADE_WRONG, 0, "Wrong: a first name alone is not enough");
		return;
	}
	if (grade_negated(k)) {
		grade_set_result(out, GRADE_WRONG, 0, "Wrong: that says what it is not");
		return;
	}
	/* Accents, then spelling slips. */
	const norm_key *pk = typed_plain(t);
	size_t pf = skip_titles(pk, 0, pk->n_tokens);
	span plain_spans[2] = {span_whole(pk), {pk, pf, pk->n_tokens - pf}};
	for (int i = 0; i < n_spans; i++) {
		match m = form_match(g, spans[i], &plain_spans[i], &ap->forms, &qp->answers, true);
		if (m.kind != MATCH_NONE) {
			form_match_result(&m, out);
			return;
		}
	}
	if (name_other_ways(g, qp, t, bare, out))
		return;
	if (name_of_place(g, qp, t, out))
		return;
	grade_set_result(out, GRADE_WRONG, 0, "%s", "");
}

/* ------------------------------------------------------------------------
 * Parts of names, other orders, initials (they need the whole bank and the
 * article, so they are prepared once every actor is).
 */

/* Words that say what kind of body or place a name is, not which. */
bool name_is_generic(const norm_key *k, size_t i)
{
	static const char *const words[] = {
		"national", "international", "united", "general", "central", "federal", "new",
		"great", "royal", "north", "south", "east", "west", "northern", "southern",
		"eastern", "western", "upper", "lower", "first", "second", "the", "of", "for",
		"and", "de", "la", "le", "del", "von", "van", "on", "in", "at", "a", "an",
	};
	/* A head noun is generic at the end of a name: "Lake" in "International
	 * Lake Basin Commission" is what makes it distinct. */
	size_t end = k->n_tokens;
	while (end > 1 && is_suffix_token(k, end - 1))
		end--;
	if (i + 1 == end && (is_org_head(k, i) || is_type_noun(k, i)))
		return true;
	/* The head may come first: "Ministry of Water Resources". */
	if (i + 1 < end && is_org_head(k, i) &&
	    (key_token_is(k, i + 1, "of") || key_token_is(k, i + 1, "for")))
		return true;
	for (size_t w = 0; w < sizeof words / sizeof *words; w++)
		if (key_token_is(k, i, words[w]))
			return true;
	return false;
}

static bool is_link_word(const norm_key *k, size_t i)
{
	return key_token_is(k, i, "of") || key_token_is(k, i, "the") || key_token_is(k, i, "for") ||
	       key_token_is(k, i, "and");
}

static bool has_token(const norm_key *k, const char *w, size_t n)
{
	for (size_t i = 0; i < k->n_tokens; i++)
		if (k->tokens[i].len == n && memcmp(k->text + k->tokens[i].start, w, n) == 0)
			return true;
	return false;
}

/* Where the words of `part` stand, one after the other, in `whole`; -1
 * when they do not. */
static long run_at(const norm_key *whole, span part)
{
	for (size_t p = 0; p + part.count <= whole->n_tokens; p++) {
		bool same = true;
		for (size_t i = 0; i < part.count && same; i++) {
			const norm_token *a = &part.key->tokens[part.first + i], *b = &whole->tokens[p + i];
			same = a->len == b->len &&
			       memcmp(part.key->text + a->start, whole->text + b->start, a->len) == 0;
		}
		if (same)
			return (long)p;
	}
	return -1;
}

/* True when no name of the bank or the article but the actor's own has
 * the words of `part` one after the other. */
static bool run_only_in(const grader *g, const actor_prep *ap, span part)
{
	for (size_t i = 0; i < g->n_actors; i++) {
		const actor_prep *x = g->actor_list[i];
		if (x == ap)
			continue;
		for (size_t f = 0; f < x->forms.count; f++)
			if (run_at(&x->forms.items[f].key, part) >= 0)
				return false;
	}
	for (size_t i = 0; i < g->n_names; i++) {
		if (run_at(&g->names[i], part) < 0)
			continue;
		bool own = false;
		for (size_t f = 0; f < ap->forms.count && !own; f++)
			own = span_eq(span_whole(&g->names[i]), &ap->forms.items[f].key);
		if (!own)
			return false;
	}
	return true;
}

bool name_looks_personal(const char *text)
{
	name_shape sh;
	shape_of(text, 0, &sh);
	norm_work w;
	norm_work_init(&w);
	bool personal = sh.words >= 2 && sh.words <= 4 && sh.capitalised == sh.words && !sh.joined &&
	                !sh.digits && !sh.article && norm_work_set(&w, text, strlen(text), 0, 0) &&
	                w.key.n_tokens && !is_org_head(&w.key, w.key.n_tokens - 1);
	norm_work_release(&w);
	return personal;
}

bool name_part_at(const norm_key *name, span part, size_t *at, bool *plural)
{
	long p = run_at(name, part);
	*plural = false;
	const norm_key *k = part.key;
	if (p < 0 && part.count == 1 && k->tokens[part.first].len > 3 &&
	    k->text[k->tokens[part.first].start + k->tokens[part.first].len - 1] == 's') {
		norm_key one = *k;
		norm_token tok = k->tokens[part.first];
		tok.len--;
		one.tokens = &tok;
		one.n_tokens = 1;
		p = run_at(name, span_whole(&one));
		if (p >= 0 && !((size_t)p + 2 == name->n_tokens && is_org_head(name, name->n_tokens - 1)))
			p = -1;
		*plural = p >= 0;
	}
	if (p < 0)
		return false;
	*at = (size_t)p;
	return true;
}

/* True when the run of the article is a part of one of the actor's names. */
static bool run_is_actor(const actor_prep *a, const norm_key *run)
{
	for (size_t f = 0; f < a->forms.count; f++)
		if (run_at(&a->forms.items[f].key, span_whole(run)) >= 0)
			return true;
	return false;
}

bool name_of_another(const grader *g, const actor_prep *a, span s)
{
	/* A longer name that holds the actor's whole name is the actor:
	 * "Liberal Party of Australia" for the Liberal Party. */
	for (size_t r = 0; r < g->n_names; r++)
		if (g->names[r].n_tokens >= s.count && run_at(&g->names[r], s) >= 0 &&
		    !run_is_actor(a, &g->names[r]) && run_at(&g->names[r], span_whole(&a->name)) < 0)
			return true;
	return false;
}

void name_mark_distinct(grader *g)
{
	/* "the Panthers" in the article: the name is a team's or a people's. */
	for (size_t i = 0; i < g->n_actors; i++) {
		actor_prep *a = g->actor_list[i];
		const norm_key *name = &a->name;
		if (name->n_tokens >= 2) {
			const norm_token *lt = &name->tokens[name->n_tokens - 1];
			a->group = context_after_the(g, name->text + lt->start, lt->len);
		}
	}
	/* Every word against every other name: bounded, so that a bank of
	 * many thousand actors is prepared in reasonable time. */
	if ((double)g->n_actors * (double)(g->n_actors + g->n_names) > 4e7)
		return;
	for (size_t i = 0; i < g->n_actors; i++) {
		actor_prep *a = g->actor_list[i];
		const norm_key *name = &a->name;
		if (name->n_tokens < 2)
			continue;
		for (size_t t = 0; t < name->n_tokens && t < 64; t++) {
			if (name_is_generic(name, t))
				continue;
			const char *w = name->text + name->tokens[t].start;
			size_t n = name->tokens[t].len;
			bool shared = false;
			for (size_t j = 0; j < g->n_actors && !shared; j++) {
				const actor_prep *b = g->actor_list[j];
				if (j == i || form_key_same(&b->name, name))
					continue;
				for (size_t f = 0; f < b->forms.count && !shared; f++)
					shared = has_token(&b->forms.items[f].key, w, n);
			}
			/* Another name of the article shares the word, unless the
			 * article uses the word alone far more often: "Carolina"
			 * eleven times for the Carolina Panthers, against North
			 * Carolina and South Carolina once each. */
			size_t alone = 0, others = 0;
			for (size_t r = 0; r < g->n_names && !shared; r++) {
				const norm_key *run = &g->names[r];
				if (!has_token(run, w, n))
					continue;
				if (run->n_tokens == 1)
					alone++;
				/* "Liberal Party of Australia" is the Liberal Party itself. */
				else if (!run_is_actor(a, run) && run_at(run, span_whole(name)) < 0)
					others++;
			}
			if (!shared && others && !(alone >= 3 && alone >= 3 * others))
				shared = true;
			if (!shared)
				a->distinct |= (uint64_t)1 << t;
		}
		/* "National Party": the modifier is the name. */
		if (!a->distinct && name->n_tokens == 2 && is_org_head(name, 1) && !is_org_head(name, 0)) {
			const char *w = name->text + name->tokens[0].start;
			size_t n = name->tokens[0].len;
			bool shared = false;
			for (size_t j = 0; j < g->n_actors && !shared; j++) {
				const actor_prep *b = g->actor_list[j];
				if (j != i && !form_key_same(&b->name, name))
					for (size_t f = 0; f < b->forms.count && !shared; f++)
						shared = has_token(&b->forms.items[f].key, w, n);
			}
			for (size_t r = 0; r < g->n_names && !shared; r++)
				shared = has_token(&g->names[r], w, n) && !run_is_actor(a, &g->names[r]) &&
				         run_at(&g->names[r], span_whole(name)) < 0;
			/* Only its members stand for it: "Nationals", not "National". */
			a->members_only = !shared;
		}
	}
}

/* The name up to an "of" that ends it: "Ohio Company" for the Ohio
 * Company of Virginia, "King Malcolm III" for King Malcolm III of
 * Scotland, "the Mamluks" for the Mamluks of Egypt. Right when the part
 * says more than what kind of body or person it is, and no other name of
 * the bank or the article has these words together ("Supreme Court" is
 * not short for the Supreme Court of the United Kingdom in an article that
 * also names the U.S. Supreme Court: -1, ambiguous). 1 when right, 0
 * when the rule does not apply. */
static int name_before_of(const grader *g, const actor_prep *ap, span bare)
{
	const norm_key *name = &ap->name;
	if (!bare.count || name->n_tokens > 64)
		return 0;
	long at = run_at(name, bare);
	if (at < 0)
		return 0;
	size_t from = (size_t)at, to = from + bare.count;
	if (to + 1 >= name->n_tokens || !key_token_is(name, to, "of"))
		return 0;
	/* Nothing but titles or "the" before the part. */
	size_t lead = 0;
	while (lead < from && key_token_is(name, lead, "the"))
		lead++;
	if (skip_titles(name, lead, name->n_tokens) < from)
		return 0;
	bool says_which = false;
	for (size_t i = from; i < to && !says_which; i++)
		says_which = !name_is_generic(name, i) && !is_org_head(name, i) && !is_type_noun(name, i) &&
		             skip_titles(name, i, i + 1) == i;
	if (!says_which)
		return 0;
	/* Two names are not one ("Jamukha, and his protector, Toghrul Khan"). */
	for (size_t i = from; i < to; i++)
		if (key_token_is(name, i, "and"))
			return 0;
	/* One word is a name only when the article uses it alone ("the
	 * Mamluks"); "Time" is not The Time of the Doctor. */
	bool used_alone = bare.count > 1;
	for (size_t r = 0; r < g->n_names && !used_alone; r++)
		used_alone = g->names[r].n_tokens == 1 && span_eq(bare, &g->names[r]);
	if (!used_alone)
		return 0;
	for (size_t j = 0; j < g->n_actors; j++) {
		const actor_prep *b = g->actor_list[j];
		if (b != ap && !form_key_same(&b->name, name) && run_at(&b->name, bare) >= 0)
			return -1;
	}
	for (size_t r = 0; r < g->n_names; r++)
		if (run_at(&g->names[r], bare) >= 0 && !run_is_actor(ap, &g->names[r]))
			return -1;
	return 1;
}

static bool key_token_in(const norm_key *k, size_t i, const char *const *list, size_t n)
{
	for (size_t w = 0; w < n; w++)
		if (key_token_is(k, i, list[w]))
			return true;
	return false;
}

/* A run of the answer's words, the rest of it being words of the
 * question or words that only join them: "the Eleventh" for the Eleventh
 * Doctor, asked "Which Doctor ...?"; "Newton" for "Newton was limited by
 * Denver's defense", asked "Who was limited by Denver's defense?". What
 * is typed must say something the question does not, and nothing left out
 * may be a value, a negation or another part ("Mercury" for Mercury and
 * Gemini). */
static bool name_rest_in_question(const qprep *qp, const typed_answer *t, span bare, grade_result *out)
{
	static const char *const joining[] = {
		"the", "a", "an", "in", "on", "at", "by", "was", "were", "is", "are", "be",
		"been", "it", "its", "who", "whom", "which", "that", "has", "had", "have", "to", "for",
		"as", "also", "then",
	};
	/* "of" ties a name together: "Time" is not The Time of the Doctor. */
	static const char *const parts[] = {"and", "or", "nor", "but", "not", "no", "never", "of"};
	size_t n_parts = sizeof parts / sizeof *parts;
	const norm_key *name = &qp->actor->name;
	if (t->context_trimmed || !bare.count || name->n_tokens <= bare.count || name->n_tokens > 32)
		return false;
	long at = run_at(name, bare);
	if (at < 0)
		return false;
	size_t n_joining = sizeof joining / sizeof *joining;
	bool says_more = false;
	for (size_t j = 0; j < bare.count && !says_more; j++) {
		const norm_token *tok = &bare.key->tokens[bare.first + j];
		says_more = !key_token_in(bare.key, bare.first + j, joining, n_joining) &&
		            !context_has_word(&qp->prompt, bare.key->text + tok->start, tok->len);
	}
	if (!says_more)
		return false;
	bool question_word = false;
	for (size_t d = 0; d < name->n_tokens; d++) {
		if (d >= (size_t)at && d < (size_t)at + bare.count)
			continue;
		const norm_token *tok = &name->tokens[d];
		const char *w = name->text + tok->start;
		if (tok->flags & NORM_TOKEN_DIGIT)
			return false;
		if (key_token_in(name, d, joining, n_joining))
			continue;
		if (!context_has_word(&qp->prompt, w, tok->len) || key_token_in(name, d, parts, n_parts))
			return false;
		question_word = true;
	}
	if (!question_word)
		return false;
	grade_set_result(out, GRADE_CORRECT, 1, "Right: %s; the question says the rest", qp->actor->actor->name);
	return true;
}

/* Right answers that name the actor another way:
 *   - a distinctive part of the name: "Lake Basin Commission" for the
 *     International Lake Basin Commission, "Liberals" for the Liberal
 *     Party, when no other name of the bank or the article has that word;
 *   - the family name first: "Qin Tomas";
 *   - an initial for a name, or a name for an initial: "John Fitzgerald
 *     Hartley" for John F. Hartley;
 *   - of for for in a long name;
 *   - abbreviations: "Intl" for International. */
static bool name_other_ways(const grader *g, const qprep *qp, typed_answer *t, span bare,
                            grade_result *out)
{
	const actor_prep *ap = qp->actor;
	const norm_key *name = &ap->name, *k = bare.key;
	if (!bare.count || !name->n_tokens)
		return false;
	for (size_t f = 0; f < ap->forms.count; f++) {
		const form *fm = &ap->forms.items[f];
		if (!(fm->flags & (FORM_EXACT_ONLY | FORM_SHARED)) && form_abbreviated(bare, &fm->key)) {
			grade_set_result(out, GRADE_CORRECT, 1, "Right: the abbreviation stands for %s", ap->actor->name);
			return true;
		}
	}
	size_t first = skip_titles(name, 0, name->n_tokens), end = name->n_tokens;
	while (end > first + 1 && is_suffix_token(name, end - 1))
		end--;
	size_t words = end - first;
	if (ap->person_like && !ap->group && bare.count == words && words >= 2) {
		/* The family name first. */
		if (words == 2) {
			span a = {k, bare.first, 1}, b = {k, bare.first + 1, 1};
			norm_key n0, n1;
			n0 = *name;
			n0.tokens = &name->tokens[first];
			n0.n_tokens = 1;
			n1 = *name;
			n1.tokens = &name->tokens[first + 1];
			n1.n_tokens = 1;
			if (run_at(&n1, a) == 0 && run_at(&n0, b) == 0) {
				grade_set_result(out, GRADE_CORRECT, 1, "Right: the same name, family name first");
				return true;
			}
		}
		/* Initials and names: the family name as it is, every other word
		 * the same or its initial. */
		bool ok = true, swapped = false;
		for (size_t i = 0; i < words && ok; i++) {
			const norm_token *a = &k->tokens[bare.first + i], *b = &name->tokens[first + i];
			const char *at = k->text + a->start, *bt = name->text + b->start;
			if (a->len == b->len && memcmp(at, bt, a->len) == 0)
				continue;
			if (i + 1 == words || !(a->chars == 1 || b->chars == 1) || (a->chars == 1 && b->chars == 1) ||
			    norm_first_char(at, a->len) != norm_first_char(bt, b->len))
				ok = false;
			else
				swapped = true;
		}
		if (ok && swapped) {
			grade_set_result(out, GRADE_CORRECT, 1, "Right: an initial and a name stand for each other");
			return true;
		}
	}
	/* Of for for: "Ministry for Water Resources". */
	if (bare.count == name->n_tokens && name->n_tokens >= 4) {
		bool ok = true, differ = false;
		for (size_t i = 0; i < bare.count && ok; i++) {
			const norm_token *a = &k->tokens[bare.first + i], *b = &name->tokens[i];
			if (a->len == b->len && memcmp(k->text + a->start, name->text + b->start, a->len) == 0)
				continue;
			bool la = key_token_is(k, bare.first + i, "of") || key_token_is(k, bare.first + i, "for");
			bool lb = key_token_is(name, i, "of") || key_token_is(name, i, "for");
			if (la && lb)
				differ = true;
			else
				ok = false;
		}
		if (ok && differ) {
			grade_set_result(out, GRADE_CORRECT, 1, "Right: of or for makes no difference in %s", ap->actor->name);
			return true;
		}
	}
	int before_of = name_before_of(g, ap, bare);
	if (before_of > 0) {
		grade_set_result(out, GRADE_CORRECT, 1, "Right: short for %s", ap->actor->name);
		return true;
	}
	if (before_of < 0) {
		grade_set_result(out, GRADE_AMBIGUOUS, 0, "more than one name in the article has these words: give the full name");
		return true;
	}
	/* A part of the name, titles and suffixes aside, that starts at its
	 * first word or ends at its last ("Geneva" for the Geneva Summit, "Lake
	 * Basin Commission"), and does not cut a phrase at "of" or "the"
	 * ("Magnificent" is not Suleiman the Magnificent). */
	if (words < 2 || bare.count >= words || (ap->person_like && !ap->group) || ap->holds_person)
		return false;
	norm_key core = *name;
	core.tokens = &name->tokens[first];
	core.n_tokens = words;
	long at = run_at(&core, bare);
	bool plural = false;
	if (at < 0 && bare.count == 1 && k->tokens[bare.first].len > 3 &&
	    k->text[k->tokens[bare.first].start + k->tokens[bare.first].len - 1] == 's') {
		/* "Liberals" for the Liberal Party: the members for the body. */
		norm_key one = *k;
		norm_token tok = k->tokens[bare.first];
		tok.len--;
		one.tokens = &tok;
		one.n_tokens = 1;
		at = run_at(&core, span_whole(&one));
		if (at >= 0 && !((size_t)at + 2 == words && is_org_head(name, first + words - 1)))
			at = -1;
		plural = at >= 0;
	}
	if (at < 0)
		return false;
	size_t from = first + (size_t)at, to = from + bare.count + plural;   /* in name */
	if (from != first && to != end)
		return false;
	/* "USA" is not Chivas USA. */
	if (ap->capitals_last && from + 1 == end && end == name->n_tokens)
		return false;
	if ((from > first && is_link_word(name, from - 1)) || (to < end && is_link_word(name, to)))
		return false;
	at = (long)from;
	bool distinct = plural && ap->members_only, all_generic = true;
	for (size_t i = 0; i < bare.count; i++) {
		if ((size_t)at + i < 64 && (ap->distinct >> ((size_t)at + i) & 1))
			distinct = true;
		if (!name_is_generic(name, (size_t)at + i))
			all_generic = false;
	}
	if (distinct) {
		grade_set_result(out, GRADE_CORRECT, 1, "Right: short for %s", ap->actor->name);
		return true;
	}
	if (!all_generic && bare.count >= 2 && run_only_in(g, ap, bare)) {
		/* "Central Japan" for Central Japan Railway Company, where West
		 * Japan Railway Company shares each word but not the two together. */
		grade_set_result(out, GRADE_CORRECT, 1, "Right: short for %s; no other name has these words together",
		                 ap->actor->name);
		return true;
	}
	const norm_key *whole_key = typed_whole(t);
	bool definite = whole_key->n_tokens && key_token_is(whole_key, 0, "the");
	if (all_generic) {
		/* "the Commission" where the article names two commissions is
		 * ambiguous; "Party", or "the bank" where one bank is named, is
		 * only the kind of body. */
		size_t with_head = 0;
		const norm_token *h = &k->tokens[bare.first + bare.count - 1];
		const char *hw = k->text + h->start;
		for (size_t j = 0; j < g->n_actors && with_head < 2; j++) {
			const norm_key *bn = &g->actor_list[j]->name;
			if (bn->n_tokens && bn->tokens[bn->n_tokens - 1].len == h->len &&
			    memcmp(bn->text + bn->tokens[bn->n_tokens - 1].start, hw, h->len) == 0)
				with_head++;
		}
		if (!definite || with_head < 2) {
			grade_set_result(out, GRADE_WRONG, 0, "Wrong: that says only what kind of body it is");
			return true;
		}
	}
	grade_set_result(out, GRADE_AMBIGUOUS, 0, "more than one name in the article has these words: give the full name");
	return true;
}

/* The article's text around each time it writes the actor's full name
 * (at most 16 times): enough to find a title just before it or a few words
 * after it and a comma. Built once, so that grading never scans the
 * article. */
static const char *name_context_of(grader *g, const actor_prep *a)
{
	const article *art = quiz_article(g->q);
	if (!art || !a->actor || !a->actor->name || !*a->actor->name)
		return NULL;
	size_t len, nl = strlen(a->actor->name);
	const char *text = article_text(art, &len);
	enum { BEFORE = 48, AFTER = 64, TIMES = 16 };
	char *out = arena_alloc(g->arena, TIMES * (BEFORE + nl + AFTER + 1) + 1);
	size_t n = 0;
	const char *p = text, *end = text + len;
	for (int times = 0; times < TIMES && p < end; times++) {
		const char *hit = memmem(p, (size_t)(end - p), a->actor->name, nl);
		if (!hit)
			break;
		const char *from = hit - text > BEFORE ? hit - BEFORE : text;
		const char *to = (size_t)(end - hit) > nl + AFTER ? hit + nl + AFTER : end;
		for (const char *c = from; c < to; c++)
			out[n++] = *c == '\n' || *c == '\0' ? ' ' : *c;
		out[n++] = '\n';
		p = hit + nl;
	}
	out[n] = '\0';
	return n ? out : NULL;
}

/* True when two people's names of the bank name one person: the same
 * family name, and the given names the same from the last one back as far
 * as both go, a name and its initial standing for each other: "Brandon
 * Marshall" and "Linebacker Brandon Marshall", "J. S. Bach" and "Johann
 * Sebastian Bach", "George Mueller" and "Dr. George E. Mueller" (titles and
 * lone initials in the middle aside); not "Jonathan Stewart" and "Darian
 * Stewart". */
static bool same_person(const actor_prep *a, const actor_prep *b)
{
	if (!a->person_like || !b->person_like || !form_key_same(&a->family, &b->family))
		return false;
	const norm_key *name[2] = {&a->name, &b->name};
	size_t first[2], given[2];
	for (int x = 0; x < 2; x++) {
		const norm_key *k = name[x];
		size_t end = k->n_tokens;
		first[x] = skip_titles(k, 0, end);
		while (end > first[x] + 1 && is_suffix_token(k, end - 1))
			end--;
		size_t fam = (x ? b : a)->family.n_tokens;
		given[x] = end - first[x] > fam ? end - first[x] - fam : 0;
	}
	if (!given[0] || !given[1])
		return false;
	/* "George E. Mueller": a lone initial between the given name and the
	 * family name is a middle name the other may leave out. */
	for (int x = 0; x < 2; x++)
		while (given[x] > 1 && given[1 - x] < given[x] &&
		       name[x]->tokens[first[x] + given[x] - 1].chars == 1)
			given[x]--;
	size_t n = given[0] < given[1] ? given[0] : given[1];
	for (size_t i = 0; i < n; i++) {
		const norm_token *ta = &name[0]->tokens[first[0] + given[0] - 1 - i];
		const norm_token *tb = &name[1]->tokens[first[1] + given[1] - 1 - i];
		const char *wa = name[0]->text + ta->start, *wb = name[1]->text + tb->start;
		if (ta->len == tb->len && memcmp(wa, wb, ta->len) == 0)
			continue;
		if ((ta->chars == 1) == (tb->chars == 1) ||
		    norm_first_char(wa, ta->len) != norm_first_char(wb, tb->len))
			return false;
	}
	return true;
}

/* Marks the family names two actors of the bank share: alone they are
 * ambiguous, and they are nobody's rival. */
void name_mark_shared(grader *g)
{
	for (size_t i = 0; i < g->n_actors; i++) {
		actor_prep *a = g->actor_list[i];
		if (!a->family.n_tokens)
			continue;
		for (size_t j = 0; j < g->n_actors; j++) {
			actor_prep *b = g->actor_list[j];
			if (i == j || !b->family.n_tokens || form_key_same(&a->name, &b->name))
				continue;
			if (form_key_same(&a->family, &b->family) && !same_person(a, b)) {
				a->family_shared = true;
				break;
			}
		}
		if (a->family_shared)
			for (size_t f = 0; f < a->forms.count; f++)
				if (form_key_same(&a->forms.items[f].key, &a->family))
					a->forms.items[f].flags |= FORM_SHARED;
		if (a->family_shared)
			a->name_context = name_context_of(g, a);
	}

}

/* Offers made-up acronyms, once the rivals are known. */
void name_add_acronyms(grader *g)
{
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
			    !form_key_same(&a->name, &g->actor_list[j]->name))
				clash = true;
		if (!clash)
			form_add(g->arena, &a->forms, a->acronym, a->actor->name, "acronym", FORM_EXACT_ONLY);
	}
}

/* "The Royal Society of London": an organisation's whole name of two or
 * more words, with "of" and one capitalised word after it that names no
 * other actor and is no word of the article's names, and no longer name of
 * the article that starts so. */
static bool name_of_place(const grader *g, const qprep *qp, typed_answer *t, grade_result *out)
{
	const actor_prep *ap = qp->actor;
	const char *s = t->raw;
	size_t len = t->raw_len;
	while (len && s[len - 1] == ' ')
		len--;
	size_t w = len;
	while (w > 0 && s[w - 1] != ' ')
		w--;
	if (w < 5 || w == len || !(s[w] >= 'A' && s[w] <= 'Z') || strncasecmp(s + w - 4, " of ", 4) != 0 ||
	    ap->person_like || !ap->capitalised || ap->name.n_tokens < 2 || has_token(&ap->name, "of", 2))
		return false;
	typed_answer head, place;
	typed_init(&head);
	typed_init(&place);
	bool decided = false;
	if (typed_set(&head, s, w - 4) && typed_set(&place, s + w, len - w) && head.w.key.n_tokens >= 2 &&
	    !rival_mentions_actor(g, span_whole(&place.w.key), &ap->forms, &qp->answers) &&
	    /* A place the article names elsewhere may have a body of its own:
	     * "Royal Society of Edinburgh" beside the University of Edinburgh. */
	    !(place.w.key.n_tokens == 1 && context_is_name_word(g, place.w.key.text, place.w.key.len)) &&
	    !name_of_another(g, ap, span_whole(&t->w.key))) {
		/* Only the whole name: "Society of London" is no name at all. */
		const norm_key *hk = &head.w.key;
		size_t hf = hk->n_tokens && key_token_is(hk, 0, "the") ? 1 : 0;
		span hs = {hk, hf, hk->n_tokens - hf};
		span ns = span_whole(&ap->name);
		if (hs.count == ns.count && run_at(&ap->name, hs) == 0) {
			grade_set_result(out, GRADE_CORRECT, 1, "Right: %s, with the place it belongs to",
			                 ap->actor->name);
			decided = true;
		}
	}
	typed_release(&head);
	typed_release(&place);
	return decided;
}
