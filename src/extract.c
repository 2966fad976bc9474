/* extract.c - find sentences, dates, people, organisations, quotations and numbers in an article */
#include "extract.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "arena.h"
#include "names.h"
#include "util.h"

/* ------------------------------------------------------------------------
 * Word lists. They are small and closed on purpose: every rule below is
 * meant to be read and predicted, and a wrong guess only costs a draft
 * question that the author deletes. */

/* Words that never start or make up a name, in any case. */
static const char *const function_words[] = {
	"a", "about", "above", "according", "after", "against", "all", "also", "although",
	"am", "among", "an", "and", "another", "any", "are", "as", "at", "be", "because",
	"been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do",
	"does", "during", "each", "either", "even", "every", "for", "from", "had", "has", "have",
	"her", "here", "hers", "him", "his", "how", "however", "i", "if", "in", "into",
	"is", "it", "its", "it's", "it’s", "just", "many", "may", "me", "meanwhile", "might",
	"more", "moreover", "most", "much", "must", "my", "neither", "no", "nor", "not", "of",
	"off", "on", "once", "only", "onto", "or", "other", "our", "out", "over", "own", "same",
	"she", "should", "since", "so", "some", "such", "than", "that", "the", "their", "them",
	"then", "there", "therefore", "these", "they", "this", "those", "though", "through",
	"thus", "to", "too", "toward", "towards", "under", "until", "up", "upon", "us", "very",
	"via", "was", "we", "were", "what", "when", "where", "whether", "which", "while", "who",
	"whom", "whose", "why", "will", "with", "within", "without", "would", "yet", "you",
	"your", "said", "says", "told", "today", "yesterday", "recently", "later", "still",
	"after", "despite", "following", "like", "unlike", "whereas", "whilst",
};

/* Capitalised words that head a role or title before a name. */
static const char *const role_heads[] = {
	"admiral", "ambassador", "archbishop", "attorney", "baron", "baroness", "bishop", "capt",
	"capt.", "captain", "cardinal", "ceo", "chair", "chairman", "chairwoman", "chancellor",
	"chief", "coach", "col", "col.", "colonel", "commander", "commissioner", "congressman",
	"congresswoman", "countess", "czar", "dame", "director", "dr", "dr.", "duchess", "duke",
	"earl", "emperor", "empress", "founder", "gen", "gen.", "general", "gov", "gov.",
	"governor", "imam", "judge", "justice", "king", "lady", "leader", "lieutenant", "lord",
	"lt", "lt.", "marshal", "mayor", "minister", "miss", "mr", "mr.", "mrs", "mrs.", "ms",
	"ms.", "officer", "pharaoh", "pope", "premier", "president", "president-elect",
	"prime", "prince", "princess", "prof", "prof.", "professor", "prosecutor", "queen",
	"rabbi", "rep", "rep.", "representative", "secretary", "secretary-general", "sen",
	"sen.", "senator", "sergeant", "sgt", "sgt.", "shah", "sheikh", "sir", "speaker",
	"spokesman", "spokesperson", "spokeswoman", "sultan", "tsar", "vice-president",
	"caliph", "chieftain", "regent", "viceroy", "consul", "dean", "rector", "provost",
	"manager", "owner", "chairperson", "head",
};

/* Titles: they mark a name but are not a role worth asking about. */
static const char *const titles[] = {
	"dame", "dr", "dr.", "lady", "lord", "miss", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
	"prof", "prof.", "sir",
};

/* Capitalised words that may stand in a role before its head word
 * ("US Secretary of State", "China's Foreign Minister", "House Speaker"). */
static const char *const role_mods[] = {
	"acting", "affairs", "agriculture", "air", "army", "assistant", "associate", "cabinet",
	"catholic", "city", "commerce", "county", "crown", "defence", "defense", "deputy",
	"district", "education", "energy", "executive", "federal", "finance", "first", "force",
	"foreign", "former", "general", "grand", "health", "high", "holy", "home", "homeland",
	"house", "interim", "interior", "junior", "justice", "labor", "labour", "majority",
	"minority", "national", "navy", "of", "party", "roman", "royal", "security", "senate",
	"senior", "staff", "state", "supreme", "the", "trade", "transport", "transportation",
	"treasury", "vice", "war", "chief", "attorney", "prime", "commons", "lords",
	"representatives", "environment", "economy", "economic", "culture", "information",
};

/* Lower-case nouns that give a role when written just before a name. */
static const char *const role_nouns[] = {
	"activist", "actor", "actress", "adviser", "advisor", "agent", "aide", "ambassador",
	"analyst", "architect", "artist", "astronaut", "athlete", "attorney", "author",
	"banker", "biologist", "bishop", "businessman", "businesswoman", "candidate", "captain",
	"ceo", "chairman", "chairwoman", "chancellor", "chemist", "chief", "coach", "columnist",
	"commander", "commissioner", "composer", "congressman", "congresswoman",
	"correspondent", "defender", "designer", "detective", "diplomat", "director", "doctor",
	"economist", "editor", "emperor", "engineer", "entrepreneur", "executive", "expert",
	"explorer", "founder", "general", "goalkeeper", "governor", "guard", "historian",
	"host", "inventor", "investor", "journalist", "judge", "king", "lawmaker", "lawyer",
	"leader", "legislator", "linebacker", "manager", "mathematician", "mayor", "minister",
	"missionary", "monk", "musician", "novelist", "nurse", "official", "owner", "painter",
	"philosopher", "photographer", "physician", "physicist", "pilot", "pitcher", "player",
	"poet", "politician", "pope", "preacher", "premier", "president", "priest", "prince",
	"princess", "producer", "professor", "prosecutor", "quarterback", "queen", "rabbi",
	"receiver", "reformer", "reporter", "representative", "researcher", "rapper",
	"scientist", "sculptor", "secretary", "senator", "singer", "soldier", "songwriter",
	"speaker", "spokesman", "spokesperson", "spokeswoman", "strategist", "striker",
	"student", "surgeon", "teacher", "theologian", "writer", "commissioner", "deputy",
	"officer", "envoy", "chemist", "geographer", "astronomer", "philanthropist",
	"playwright", "filmmaker", "comedian", "dancer", "guitarist", "drummer", "vocalist",
	"economist", "statesman", "general", "admiral", "colonel", "lieutenant", "sheriff",
};

/* Capitalised head words that make a name an organisation. */
static const char *const org_heads[] = {
	"academy", "administration", "agency", "airlines", "airways", "alliance", "army",
	"assembly", "association", "authority", "bank", "board", "broadcasting", "bureau",
	"cabinet", "channel", "church", "club", "coalition", "college", "commission",
	"committee", "company", "conference", "congress", "corp", "corp.", "corporation",
	"corps", "council", "court", "department", "division", "federation", "fleet",
	"force", "foundation", "front", "fund", "gazette", "government", "group", "guard",
	"guardian", "herald", "holdings", "hospital", "inc", "inc.", "industries", "institute",
	"institution", "journal", "laboratories", "laboratory", "league", "library", "llc",
	"ltd", "ltd.", "magazine", "media", "ministry", "motors", "movement", "museum",
	"navy", "network", "news", "observatory", "office", "organisation", "organization",
	"parliament", "party", "plc", "police", "post", "press", "radio", "railway",
	"railways", "records", "regiment", "senate", "service", "society", "studios",
	"systems", "team", "technologies", "survey", "telegraph", "television", "times", "tribune",
	"trust", "union", "university", "nations", "brigade", "order",
};

/* Words that make a capitalised sequence a place or a thing, not a person. */
static const char *const non_person_words[] = {
	"africa", "age", "america", "april", "area", "asia", "august", "avenue", "award",
	"basin", "battle", "bay", "bowl", "bridge", "building", "canal", "castle", "cathedral",
	"center", "central", "centre", "championship", "city", "coast", "county", "cup",
	"day", "december", "desert", "district", "dynasty", "east", "eastern", "empire", "era",
	"europe", "february", "forest", "fort", "friday", "games", "god", "gulf", "hall",
	"harbor", "harbour", "island", "islands", "january", "july", "june", "kingdom", "lake",
	"march", "monday", "mount", "mountain", "mountains", "museum", "north", "northern",
	"november", "ocean", "october", "palace", "park", "peninsula", "period", "plain",
	"plains", "port", "prize", "province", "region", "republic", "revolution", "river",
	"road", "saturday", "sea", "september", "series", "south", "southern", "square",
	"stadium", "state", "states", "station", "strait", "street", "sunday", "temple",
	"territory", "thursday", "tower", "treaty", "tuesday", "united", "valley",
	"wednesday", "west", "western", "war", "act", "bill", "law", "church", "school",
	"airport", "league", "olympics", "world", "internet", "web", "net", "code",
	"bible", "gospel", "testament", "jr", "jr.", "sr", "sr.",
	"afghanistan", "africa", "america", "argentina", "asia", "australia", "austria",
	"belgium", "berlin", "brazil", "britain", "california", "canada", "chicago", "china",
	"cuba", "denmark", "egypt", "england", "europe", "finland", "florida", "france",
	"germany", "greece", "holland", "hungary", "india", "indonesia", "iran", "iraq",
	"ireland", "israel", "italy", "japan", "korea", "london", "mexico", "moscow",
	"netherlands", "nigeria", "norway", "pakistan", "paris", "persia", "poland",
	"portugal", "prussia", "rome", "russia", "saxony", "scotland", "spain", "sweden",
	"switzerland", "syria", "texas", "turkey", "ukraine", "vietnam", "wales", "york",
	"melbourne", "sydney", "beijing", "shanghai", "taiwan", "tokyo",
};

/* A few common given names: one cue among several that a capitalised pair is
 * a person. */
static const char *const given_names[] = {
	"aaron", "abraham", "adam", "ahmed", "alan", "albert", "alexander", "alfred", "ali",
	"alice", "amanda", "amy", "andrew", "angela", "ann", "anna", "anne", "anthony",
	"antonio", "antony", "arthur", "barack", "barbara", "ben", "benjamin", "bill",
	"bob", "boris", "brian", "bruce", "bruno", "carl", "carlos", "catherine", "charles",
	"charlotte", "chris", "christian", "christopher", "claude", "daniel", "david",
	"dennis", "donald", "dorothy", "douglas", "edward", "elizabeth", "emily", "emma",
	"eric", "ernest", "frank", "franklin", "frederick", "friedrich", "gary", "george",
	"gerald", "gregory", "hans", "harold", "harry", "helen", "henry", "howard", "hugh",
	"isaac", "jack", "jacob", "james", "jane", "jean", "jeff", "jennifer", "jim",
	"jimmy", "joan", "joe", "johann", "johannes", "john", "jonathan", "joseph",
	"juan", "julia", "karl", "katherine", "kenneth", "kevin", "larry", "laura", "lee",
	"leo", "leonard", "linda", "louis", "ludwig", "luis", "margaret", "maria", "marie",
	"mark", "martin", "mary", "matthew", "michael", "mike", "mohammed", "muhammad",
	"nancy", "nicholas", "nick", "nikola", "oliver", "otto", "patricia", "patrick",
	"paul", "peter", "philip", "pierre", "mario", "henri", "andré", "irène", "frédéric", "ralph", "raymond", "richard", "robert",
	"roger", "ronald", "rose", "samuel", "sarah", "scott", "sergei", "simon", "stephen",
	"steve", "steven", "susan", "ted", "theodore", "thomas", "tim", "timothy", "tom",
	"tony", "victor", "vladimir", "walter", "warren", "william", "winston", "xi",
	"cam", "peyton", "von", "kobe", "ulrich", "huldrych", "philipp", "erasmus", "niels",
	"enrico", "galileo", "wolfgang", "sigmund", "leonardo", "vincent", "pablo", "jesse",
	"dwight", "lyndon", "woodrow", "ulysses", "hillary", "nelson", "emmanuel", "angela",
	"liu", "wang", "zhang", "chen", "li", "nancy", "antoine", "jacques", "francois",
	"françois", "giuseppe", "giovanni", "carlo", "pedro", "manuel", "miguel", "ivan",
	"dmitri", "nikolai", "mikhail", "omar", "hassan", "hussein", "abdul", "kim",
};

/* Verbs that introduce or follow reported speech. */
static const char *const speech_verbs[] = {
	"acknowledged", "added", "adding", "adds", "admitted", "announced", "argued",
	"argues", "asked", "asks", "claimed", "claims", "commented", "concluded",
	"concludes", "continued", "declared", "emphasised", "emphasized", "explained",
	"explains", "insisted", "insists", "noted", "notes", "observed", "recalled",
	"recalls", "remarked", "replied", "reported", "reports", "responded", "said", "say",
	"says", "stated", "states", "stressed", "suggested", "tells", "testified", "told",
	"tweeted", "underscored", "urged", "warned", "warns", "wrote", "writes",
};

/* Words that, right after a subject, show a verb follows. */
static const char *const verb_words[] = {
	"are", "ate", "beat", "became", "becomes", "began", "begins", "blew", "bore", "bought",
	"broke", "brought", "built", "came", "can", "caught", "chose", "could", "cut", "dealt",
	"did", "does", "drew", "drove", "fell", "felt", "fled", "flew", "fought", "found",
	"gave", "got", "grew", "had", "has", "have", "held", "hid", "hit", "is", "kept",
	"knew", "laid", "lay", "led", "left", "lent", "let", "lost", "made", "may", "meant",
	"met", "might", "must", "oversaw", "overthrew", "paid", "put", "ran", "rang", "read",
	"rode", "rose", "sang", "sank", "sat", "saw", "sent", "set", "shall", "shook", "shot",
	"should", "sold", "sought", "spent", "spoke", "spread", "stood", "stole", "struck",
	"swore", "taught", "thought", "threw", "took", "tore", "undertook", "understood",
	"was", "went", "were", "will", "withdrew", "woke", "won", "wore", "would", "wrote",
	"remains", "remain", "leads", "holds", "owns", "runs", "serves", "wants", "won't",
	"seeks", "plans", "hopes", "believes", "expects", "faces", "gets", "gives", "goes",
	"keeps", "makes", "takes", "uses", "includes", "lives", "works", "became",
};

/* Adverbs that may stand between a subject and its verb. */
static const char *const adverbs[] = {
	"again", "allegedly", "already", "also", "eventually", "finally", "first", "formally",
	"initially", "later", "never", "now", "officially", "often", "once", "only",
	"previously", "publicly", "quickly", "recently", "repeatedly", "reportedly", "soon",
	"still", "subsequently", "then", "ultimately", "always", "briefly", "famously",
};

/* Words that commonly open a sentence after an abbreviation such as "U.S.". */
static const char *const sentence_starters[] = {
	"a", "according", "after", "although", "an", "and", "as", "at", "before", "but",
	"by", "during", "for", "from", "he", "her", "his", "however", "i", "if", "in", "it",
	"its", "meanwhile", "on", "she", "since", "so", "that", "the", "their", "then",
	"there", "these", "they", "this", "those", "we", "when", "while", "yet",
};

/* Words before a year that make a bare four-digit number a year. */
static const char *const year_context[] = {
	"after", "and", "around", "before", "between", "by", "c", "c.", "ca", "ca.", "circa",
	"during", "early", "from", "in", "late", "mid", "of", "on", "since", "than", "the",
	"through", "till", "to", "until", "year", "years", "autumn", "fall", "spring",
	"summer", "winter", "throughout", "as", "about", "since", "or", "nor", "at",
};

/* Lower-case words that may follow a year used as an adjective ("the 2015
 * season"). */
static const char *const year_nouns[] = {
	"budget", "campaign", "census", "championship", "collection", "conference", "cup",
	"draft", "earthquake", "edition", "election", "elections", "film", "games", "model",
	"olympics", "pandemic", "playoffs", "report", "season", "series", "summit", "survey",
	"tournament", "war", "world", "revolution", "uprising", "crisis", "act", "law",
	"treaty", "agreement", "constitution", "list", "study", "novel", "album", "film",
	"movie", "version", "issue", "protests", "riots", "attack", "attacks", "deal",
	"olympic", "winter", "summer", "reform", "reforms", "merger", "acquisition", "rankings",
};

/* Words that name a part of a year before "of YEAR". */
static const char *const year_parts[] = {
	"autumn", "beginning", "end", "fall", "half", "middle", "spring", "start", "summer",
	"winter", "course", "first", "second", "last", "rest",
};

static const char *const scale_words[] = {"hundred", "thousand", "million", "billion", "trillion"};
static const double scale_values[] = {1e2, 1e3, 1e6, 1e9, 1e12};

static const char *const small_numbers[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
	"eighteen", "nineteen", "twenty",
};
static const char *const tens_numbers[] = {
	"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
};

static const char *const month_names[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december",
};
static const char *const month_abbrevs[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};
static const char *const weekday_names[] = {
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
};

/* Abbreviations that keep their period inside the word. */
static const char *const abbreviations[] = {
	"approx", "apr", "aug", "ave", "c", "ca", "capt", "co", "col", "corp", "dec", "dept",
	"dr", "e.g", "est", "etc", "feb", "fig", "ft", "gen", "gov", "i.e", "inc", "jan", "jr",
	"jul", "jun", "lt", "ltd", "mar", "mr", "mrs", "ms", "mt", "no", "nov", "oct", "pp",
	"prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st", "vol", "vs",
};

/* Abbreviations that may also end a sentence. */
static const char *const final_abbreviations[] = {
	"co", "corp", "etc", "inc", "jr", "ltd", "sr",
};

enum {
	LIST_FUNCTION,
	LIST_ROLE_HEAD,
	LIST_TITLE,
	LIST_ROLE_MOD,
	LIST_ROLE_NOUN,
	LIST_ORG_HEAD,
	LIST_NON_PERSON,
	LIST_GIVEN,
	LIST_SPEECH,
	LIST_VERB,
	LIST_ADVERB,
	LIST_STARTER,
	LIST_YEAR_CONTEXT,
	LIST_YEAR_NOUN,
	LIST_YEAR_PART,
	LIST_ABBREV,
	LIST_FINAL_ABBREV,
	LIST_COUNT
};

#define LIST(a) {a, sizeof a / sizeof a[0]}
static const struct {
	const char *const *words;
	size_t count;
} word_lists[LIST_COUNT] = {
	LIST(function_words), LIST(role_heads),    LIST(titles),
	LIST(role_mods),      LIST(role_nouns),    LIST(org_heads),
	LIST(non_person_words), LIST(given_names), LIST(speech_verbs),
	LIST(verb_words),     LIST(adverbs),       LIST(sentence_starters),
	LIST(year_context),   LIST(year_nouns),    LIST(year_parts),
	LIST(abbreviations),  LIST(final_abbreviations),
};

/* ------------------------------------------------------------------------
 * A string-keyed hash table; keys live in the extraction's arena. */

typedef struct {
	const char *key;   /* NULL: empty slot */
	size_t len;
	long value;
} map_slot;

typedef struct {
	map_slot *slots;
	size_t cap, count;
} strmap;

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211u;
	}
	return h;
}

static map_slot *map_slot_for(const strmap *m, const char *k, size_t n)
{
	size_t i = hash_bytes(k, n) & (m->cap - 1);
	while (m->slots[i].key && !(m->slots[i].len == n && memcmp(m->slots[i].key, k, n) == 0))
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

static map_slot *map_find(const strmap *m, const char *k, size_t n)
{
	if (!m->cap)
		return NULL;
	map_slot *s = map_slot_for(m, k, n);
	return s->key ? s : NULL;
}

/* The slot for `k`, added with `value` when it was not there. */
static map_slot *map_put(strmap *m, arena *ar, const char *k, size_t n, long value)
{
	if ((m->count + 1) * 2 > m->cap) {
		size_t old_cap = m->cap;
		map_slot *old = m->slots;
		m->cap = old_cap ? old_cap * 2 : 64;
		m->slots = xcalloc(m->cap, sizeof(map_slot));
		for (size_t i = 0; i < old_cap; i++)
			if (old[i].key)
				*map_slot_for(m, old[i].key, old[i].len) = old[i];
		free(old);
	}
	map_slot *s = map_slot_for(m, k, n);
	if (!s->key) {
		s->key = arena_strndup(ar, k, n);
		s->len = n;
		s->value = value;
		m->count++;
	}
	return s;
}

static void map_release(strmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->count = 0;
}

/* ------------------------------------------------------------------------
 * Tokens. */

enum {
	TK_WORD = 1u << 0,
	TK_CAP = 1u << 1,       /* first letter upper case */
	TK_ALLCAPS = 1u << 2,   /* two or more letters, all upper case */
	TK_DIGIT = 1u << 3,     /* begins with a digit */
	TK_POSS = 1u << 4,      /* ends with 's */
	TK_ABBR = 1u << 5,      /* keeps a final period: "Mr.", "U.S.", "J." */
	TK_LOWER = 1u << 6,     /* first letter lower case */
	TK_SPACE = 1u << 7,     /* white space before it */
	TK_DOTTED = 1u << 8,    /* letters with periods between: "U.S." */
	TK_INITIAL = 1u << 9,   /* one capital letter and a period */
	TK_SENT_START = 1u << 10, /* first word of its sentence */
	TK_BRACKET = 1u << 11,  /* inside square brackets: a footnote or an editor's insertion */
};

enum {
	USE_NONE,
	USE_DATE,
	USE_NUMBER,
	USE_TITLE,      /* inside a quoted title: not searched for names */
};

typedef struct {
	size_t start, end;   /* bytes in the sentence's text */
	size_t base_end;     /* end without a possessive */
	int32_t cp;          /* a punctuation token's character; 0 for words */
	unsigned flags;
	unsigned char use;
	size_t sent;         /* the sentence it belongs to */
} tok;

typedef struct {
	size_t first, count;  /* its tokens in extraction.toks */
} sent_span;

typedef struct {
	size_t open, close;   /* token indices of the marks; close SIZE_MAX: never closed */
	size_t para;          /* index of the paragraph */
} quote_span;

/* Private details of a mention, beside the public record. */
typedef struct {
	size_t first_tok, last_tok;  /* the name's tokens [first, last) */
	size_t appos_start, appos_end; /* an apposition's role, bytes; equal when none */
} mention_extra;

typedef struct {
	const char *name;
	size_t first_len, last_len;   /* bytes of the first and last word */
	double cue;
	bool strong;                  /* a role or title stood before it */
	size_t words;
	size_t first_sentence;
} name_candidate;

struct extraction {
	arena *ar;
	bool has_pub;
	int pub_y, pub_m, pub_d;

	const char *const *para_text;  /* only while building */
	extract_sentence *sents;
	sent_span *spans;
	size_t n_sents, cap_sents, cap_spans;
	tok *toks;
	size_t n_toks, cap_toks;
	quote_span *qspans;
	size_t n_qspans, cap_qspans;

	extract_date *dates;
	size_t n_dates, cap_dates;
	extract_person *people;
	size_t n_people, cap_people;
	extract_org *orgs;
	size_t n_orgs, cap_orgs;
	extract_mention *mentions;
	mention_extra *mextra;
	size_t n_mentions, cap_mentions, cap_mextra;
	extract_quote *quotes;
	size_t n_quotes, cap_quotes;
	extract_number *numbers;
	size_t n_numbers, cap_numbers;
	name_candidate *cands;
	size_t n_cands, cap_cands;

	strmap lists[LIST_COUNT];
	strmap lower_words;      /* every word written in lower case */
	strmap standalone;       /* capitalised words written alone: count */
	strmap after_the;        /* ... of them, how often right after "the" */
	strmap cand_index;       /* name -> candidate index */
	strmap org_index;        /* name -> org index */
	size_t *tok_mention;     /* per token: mention index + 1, or 0 */
};

#define VEC_GROW(arr, n, cap)                                                 \
	do {                                                                      \
		if ((n) == (cap)) {                                                   \
			(cap) = (cap) ? (cap) * 2 : 16;                                   \
			(arr) = xrealloc((arr), (cap) * sizeof *(arr));                   \
		}                                                                     \
	} while (0)

/* ------------------------------------------------------------------------
 * Characters. */

static int32_t cp_at(const char *s, size_t len, size_t i, size_t *next)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
	                                      (utf8proc_ssize_t)(len - i), &cp);
	if (n <= 0) {
		*next = i + 1;
		return 0xFFFD;
	}
	*next = i + (size_t)n;
	return cp;
}

static bool cp_is_word(int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME: case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return true;
	default:
		return false;
	}
}

static bool cp_is_letter(int32_t cp)
{
	utf8proc_category_t c = utf8proc_category(cp);
	return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static bool cp_is_space(int32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
	       cp == 0x200B || cp == 0xFEFF || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

static bool cp_is_apostrophe(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

static bool cp_is_hyphen(int32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011;
}

static bool cp_is_dash(int32_t cp)
{
	return cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2012 || cp == 0x2013 ||
	       cp == 0x2014 || cp == 0x2015 || cp == 0x2212;
}

static bool cp_is_dquote(int32_t cp)
{
	return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0xAB ||
	       cp == 0xBB;
}

static bool cp_is_closer(int32_t cp)
{
	return cp_is_dquote(cp) || cp == 0x2019 || cp == '\'' || cp == ')' || cp == ']';
}

static bool cp_is_opener(int32_t cp)
{
	return cp == 0x201C || cp == '"' || cp == 0x2018 || cp == '\'' || cp == '(' ||
	       cp == '[' || cp == 0xAB || cp == 0x201E || cp == 0xBF || cp == 0xA1;
}

static bool is_ascii_digit(char c)
{
	return c >= '0' && c <= '9';
}

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* ------------------------------------------------------------------------
 * Token text. */

/* The token's text (its base, without a possessive, when `base`) in ASCII
 * lower case into `dst`; returns its length, or 0 when it does not fit. */
static size_t tok_lower(const char *txt, const tok *t, bool base, char *dst, size_t cap)
{
	size_t end = base ? t->base_end : t->end;
	size_t n = end - t->start;
	if (n == 0 || n >= cap)
		return 0;
	for (size_t i = 0; i < n; i++)
		dst[i] = ascii_lower(txt[t->start + i]);
	dst[n] = '\0';
	return n;
}

static bool in_list(const extraction *x, int list, const char *w, size_t n)
{
	return map_find(&x->lists[list], w, n) != NULL;
}

/* Whether the token (lower-cased; possessive dropped) is in a word list.
 * A word with a final period is also tried without it. */
static bool tok_in(const extraction *x, int list, const char *txt, const tok *t)
{
	if (!(t->flags & TK_WORD))
		return false;
	char w[64];
	size_t n = tok_lower(txt, t, true, w, sizeof w);
	if (!n)
		return false;
	if (in_list(x, list, w, n))
		return true;
	if (n > 1 && w[n - 1] == '.')
		return in_list(x, list, w, n - 1);
	return false;
}

static bool tok_is(const char *txt, const tok *t, const char *word)
{
	size_t n = strlen(word);
	if (!(t->flags & TK_WORD) || t->end - t->start != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (ascii_lower(txt[t->start + i]) != word[i])
			return false;
	return true;
}

static bool tok_punct(const tok *t, int32_t cp)
{
	return !(t->flags & TK_WORD) && t->cp == cp;
}

/* The word is written in lower case somewhere in the text, or is a
 * function word: at a sentence's start it is no sign of a name. */
static bool tok_common(const extraction *x, const char *txt, const tok *t)
{
	char w[64];
	size_t n = tok_lower(txt, t, true, w, sizeof w);
	if (!n)
		return false;
	return in_list(x, LIST_FUNCTION, w, n) || map_find(&x->lower_words, w, n);
}

/* ------------------------------------------------------------------------
 * Tokenising and sentence splitting. */

static bool word_is_abbreviation(const extraction *x, const char *s, size_t start, size_t end)
{
	char w[16];
	size_t n = end - start;
	if (n == 0 || n >= sizeof w)
		return false;
	for (size_t i = 0; i < n; i++)
		w[i] = ascii_lower(s[start + i]);
	return in_list(x, LIST_ABBREV, w, n);
}

/* Appends the tokens of s[0..len) to x->toks, offsets relative to s. */
static void tokenize(extraction *x, const char *s, size_t len)
{
	size_t i = 0;
	bool space = true;
	while (i < len) {
		size_t next;
		int32_t cp = cp_at(s, len, i, &next);
		if (cp_is_space(cp)) {
			space = true;
			i = next;
			continue;
		}
		VEC_GROW(x->toks, x->n_toks, x->cap_toks);
		tok *t = &x->toks[x->n_toks++];
		memset(t, 0, sizeof *t);
		t->start = i;
		if (space)
			t->flags |= TK_SPACE;
		space = false;
		if (!cp_is_word(cp)) {
			t->cp = cp;
			t->end = t->base_end = next;
			i = next;
			continue;
		}
		t->flags |= TK_WORD;
		size_t seg_len = 1;              /* code points in the current part */
		bool single = cp_is_letter(cp);  /* every part so far is one letter */
		int32_t prev = cp;
		size_t j = next;
		while (j < len) {
			size_t n2;
			int32_t c2 = cp_at(s, len, j, &n2);
			if (cp_is_word(c2)) {
				if (++seg_len > 1)
					single = false;
				prev = c2;
				j = n2;
				continue;
			}
			size_t n3 = n2;
			int32_t c3 = n2 < len ? cp_at(s, len, n2, &n3) : 0;
			if ((cp_is_apostrophe(c2) || cp_is_hyphen(c2)) && n2 < len && cp_is_word(c3) &&
			    (cp_is_word(prev) || prev == '.')) {
				prev = c2;
				j = n2;
				seg_len = 0;
				single = false;
				continue;
			}
			/* "U.S", "e.g": one letter, a period, one letter. */
			if (c2 == '.' && single && seg_len == 1 && n2 < len && cp_is_letter(c3)) {
				size_t n4 = n3;
				int32_t c4 = n3 < len ? cp_at(s, len, n3, &n4) : 0;
				if (n3 >= len || !cp_is_word(c4)) {
					t->flags |= TK_DOTTED;
					prev = c2;
					j = n2;
					seg_len = 0;
					continue;
				}
			}
			/* "U.S.-China" */
			if (c2 == '.' && (t->flags & TK_DOTTED) && n2 < len && cp_is_hyphen(c3)) {
				size_t n4 = n3;
				int32_t c4 = n3 < len ? cp_at(s, len, n3, &n4) : 0;
				if (cp_is_word(c4)) {
					prev = c3;
					j = n3;
					seg_len = 0;
					single = false;
					continue;
				}
			}
			/* 2.5 and 2,000 (a comma only before three digits). */
			if ((c2 == '.' || c2 == ',') && n2 < len && c3 >= '0' && c3 <= '9' &&
			    is_ascii_digit(s[j - 1])) {
				bool ok = c2 == '.';
				if (c2 == ',') {
					size_t k = n2, digits = 0;
					while (k < len && is_ascii_digit(s[k])) {
						k++;
						digits++;
					}
					ok = digits == 3;
				}
				if (ok) {
					prev = c2;
					j = n2;
					seg_len = 0;
					continue;
				}
			}
			break;
		}
		t->end = j;
		/* A final period belongs to an abbreviation, an initial or "U.S.". */
		if (j < len && s[j] == '.') {
			size_t wlen = j - t->start;
			bool initial = false;
			size_t k;
			int32_t first = cp_at(s, len, t->start, &k);
			if (k == j && cp_is_letter(first) &&
			    utf8proc_category(first) == UTF8PROC_CATEGORY_LU)
				initial = true;
			bool glue = (t->flags & TK_DOTTED) || initial ||
			            word_is_abbreviation(x, s, t->start, j);
			/* "No." only before a number. */
			if (glue && wlen == 2 && ascii_lower(s[t->start]) == 'n' &&
			    ascii_lower(s[t->start + 1]) == 'o')
				glue = j + 2 < len && s[j + 1] == ' ' && is_ascii_digit(s[j + 2]);
			/* "e.g." and "i.e." already dotted; single lower-case letters are
			 * not initials. */
			if (glue) {
				t->end = j + 1;
				t->flags |= TK_ABBR;
				if (initial)
					t->flags |= TK_INITIAL;
			}
		}
		t->base_end = t->end;
		size_t wl = t->end - t->start;
		if (wl >= 3 && (s[t->end - 1] == 's' || s[t->end - 1] == 'S')) {
			if (s[t->end - 2] == '\'')
				t->base_end = t->end - 2, t->flags |= TK_POSS;
			else if (wl >= 5 && memcmp(s + t->end - 4, "\xE2\x80\x99", 3) == 0)
				t->base_end = t->end - 4, t->flags |= TK_POSS;
		}
		/* Case of the first letter, and whether all letters are capitals. */
		size_t k2;
		int32_t first = cp_at(s, len, t->start, &k2);
		utf8proc_category_t c = utf8proc_category(first);
		if (c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT)
			t->flags |= TK_CAP;
		else if (c == UTF8PROC_CATEGORY_LL)
			t->flags |= TK_LOWER;
		else if (c == UTF8PROC_CATEGORY_ND)
			t->flags |= TK_DIGIT;
		if (t->flags & TK_CAP) {
			size_t letters = 0, upper = 0;
			for (size_t p = t->start; p < t->base_end;) {
				size_t q;
				int32_t ch = cp_at(s, len, p, &q);
				if (cp_is_letter(ch)) {
					letters++;
					utf8proc_category_t cc = utf8proc_category(ch);
					if (cc == UTF8PROC_CATEGORY_LU || cc == UTF8PROC_CATEGORY_LT)
						upper++;
				}
				p = q;
			}
			if (letters >= 2 && upper == letters)
				t->flags |= TK_ALLCAPS;
		}
		i = t->end;
	}
}

static bool tok_opens_sentence(const tok *t)
{
	if (t->flags & TK_WORD)
		return (t->flags & (TK_CAP | TK_DIGIT)) != 0;
	return cp_is_opener(t->cp);
}

static bool ends_with_final_abbrev(const extraction *x, const char *s, const tok *t)
{
	if (t->flags & TK_DOTTED)
		return true;
	char w[16];
	size_t n = t->end - 1 - t->start;
	if (n == 0 || n >= sizeof w)
		return false;
	for (size_t i = 0; i < n; i++)
		w[i] = ascii_lower(s[t->start + i]);
	return in_list(x, LIST_FINAL_ABBREV, w, n);
}

/* Splits the paragraph's tokens [first, first + n) into sentences; returns
 * the boundaries as token indices relative to `first` in `cuts` (the end of
 * each sentence but the last). */
static size_t split_sentences(const extraction *x, const char *s, size_t first, size_t n,
                              size_t **cuts)
{
	size_t count = 0, cap = 0;
	*cuts = NULL;
	const tok *pt = x->toks + first;
	for (size_t k = 0; k < n; k++) {
		const tok *t = &pt[k];
		bool term = !(t->flags & TK_WORD) && (t->cp == '.' || t->cp == '!' || t->cp == '?');
		bool weak = (t->flags & TK_ABBR) && !(t->flags & TK_INITIAL) &&
		            ends_with_final_abbrev(x, s, t);
		if (!term && !weak)
			continue;
		/* "..." is not an end by itself. */
		if (term && t->cp == '.' && k + 1 < n && tok_punct(&pt[k + 1], '.'))
			continue;
		size_t e = k + 1;
		while (e < n && !(pt[e].flags & TK_SPACE) && !(pt[e].flags & TK_WORD) &&
		       (cp_is_closer(pt[e].cp) || pt[e].cp == '.' || pt[e].cp == '!' || pt[e].cp == '?'))
			e++;
		if (e >= n)
			break;
		const tok *nt = &pt[e];
		if (!(nt->flags & TK_SPACE) || !tok_opens_sentence(nt))
			continue;
		if (weak) {
			bool starter = !(nt->flags & TK_WORD) || tok_in(x, LIST_STARTER, s, nt);
			if (!starter)
				continue;
		}
		VEC_GROW(*cuts, count, cap);
		(*cuts)[count++] = e;
		k = e - 1;
	}
	return count;
}

/* Records the quotation marks of a paragraph's tokens [first, first + n). */
static void find_quotations(extraction *x, size_t para, size_t first, size_t n)
{
	size_t open = SIZE_MAX;
	for (size_t k = first; k < first + n; k++) {
		tok *t = &x->toks[k];
		if ((t->flags & TK_WORD) || !cp_is_dquote(t->cp))
			continue;
		bool followed = k + 1 < first + n && !(x->toks[k + 1].flags & TK_SPACE);
		bool spaced = (t->flags & TK_SPACE) || k == first;
		if (open == SIZE_MAX) {
			/* A stray closing mark opens nothing unless a word follows it
			 * directly (`adding that,”I went`). */
			if ((t->cp == 0x201D || t->cp == 0xBB) && !followed)
				continue;
			if (followed || t->cp == 0x201C)
				open = k;
		} else if (t->cp == 0x201C && spaced && followed) {
			/* An opening mark while a quotation is open: the first was never
			 * closed. */
			VEC_GROW(x->qspans, x->n_qspans, x->cap_qspans);
			x->qspans[x->n_qspans++] = (quote_span){open, SIZE_MAX, para};
			open = k;
		} else {
			VEC_GROW(x->qspans, x->n_qspans, x->cap_qspans);
			x->qspans[x->n_qspans++] = (quote_span){open, k, para};
			open = SIZE_MAX;
		}
	}
	if (open != SIZE_MAX) {
		VEC_GROW(x->qspans, x->n_qspans, x->cap_qspans);
		x->qspans[x->n_qspans++] = (quote_span){open, SIZE_MAX, para};
	}
}

static void add_paragraph(extraction *x, size_t para, const char *text)
{
	size_t len = strlen(text);
	size_t first = x->n_toks;
	tokenize(x, text, len);
	size_t n = x->n_toks - first;
	if (n == 0)
		return;
	size_t q_first = x->n_qspans;
	find_quotations(x, para, first, n);
	int depth = 0;
	for (size_t k = first; k < first + n; k++) {
		tok *t = &x->toks[k];
		if (tok_punct(t, '['))
			depth++;
		else if (tok_punct(t, ']') && depth > 0)
			depth--;
		else if (depth > 0)
			t->flags |= TK_BRACKET;
	}
	/* inside[k]: token k lies within a quotation (after its opening mark,
	 * up to its closing one); one never closed runs to the end. */
	unsigned char *inside = xcalloc(n + 1, 1);
	for (size_t q = q_first; q < x->n_qspans; q++) {
		size_t o = x->qspans[q].open - first;
		/* One left open where another opens ends there, so no token is
		 * marked twice. */
		size_t cl = x->qspans[q].close != SIZE_MAX ? x->qspans[q].close - first
		            : q + 1 < x->n_qspans ? x->qspans[q + 1].open - first : n;
		for (size_t k = o + 1; k <= cl && k <= n; k++)
			inside[k] = 1;
	}
	size_t *cuts;
	size_t n_cuts = split_sentences(x, text, first, n, &cuts);
	size_t from = 0;
	for (size_t c = 0; c <= n_cuts; c++) {
		size_t to = c < n_cuts ? cuts[c] : n;
		if (to <= from)
			continue;
		VEC_GROW(x->sents, x->n_sents, x->cap_sents);
		if (x->cap_spans != x->cap_sents) {
			x->cap_spans = x->cap_sents;
			x->spans = xrealloc(x->spans, x->cap_spans * sizeof *x->spans);
		}
		size_t si = x->n_sents++;
		extract_sentence *st = &x->sents[si];
		memset(st, 0, sizeof *st);
		size_t a = x->toks[first + from].start, b = x->toks[first + to - 1].end;
		st->paragraph = (int)para + 1;
		st->para_start = a;
		st->text = arena_strndup(x->ar, text + a, b - a);
		st->len = b - a;
		st->first_in_paragraph = from == 0;
		x->spans[si] = (sent_span){first + from, to - from};
		int words = 0;
		for (size_t k = first + from; k < first + to; k++) {
			tok *t = &x->toks[k];
			t->start -= a;
			t->end -= a;
			t->base_end -= a;
			t->sent = si;
			if (t->flags & TK_WORD) {
				if (words == 0)
					t->flags |= TK_SENT_START;
				words++;
			}
		}
		st->words = words;
		/* Quoted: it starts inside a quotation, or one is still open after
		 * its last word. */
		st->quoted = inside[from] || inside[to];
		from = to;
	}
	free(cuts);
	free(inside);
}

/* ------------------------------------------------------------------------
 * Dates. */

static bool leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && leap_year(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a Gregorian date (Howard Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

/* A whole number written in ASCII digits only, of 1 to max_digits digits;
 * -1 otherwise. */
static long digits_value(const char *txt, const tok *t, size_t max_digits)
{
	size_t n = t->end - t->start;
	if (!(t->flags & TK_WORD) || n == 0 || n > max_digits)
		return -1;
	long v = 0;
	for (size_t i = 0; i < n; i++) {
		char c = txt[t->start + i];
		if (!is_ascii_digit(c))
			return -1;
		v = v * 10 + (c - '0');
	}
	return v;
}

static int month_of(const extraction *x, const char *txt, const tok *t, bool *abbrev)
{
	(void)x;
	if (!(t->flags & TK_CAP))
		return 0;
	char w[16];
	size_t n = tok_lower(txt, t, false, w, sizeof w);
	if (!n)
		return 0;
	if (w[n - 1] == '.')
		w[--n] = '\0';
	for (int i = 0; i < 12; i++)
		if (strcmp(w, month_names[i]) == 0) {
			*abbrev = false;
			return i + 1;
		}
	for (int i = 0; i < 12; i++)
		if (strcmp(w, month_abbrevs[i]) == 0 || (i == 8 && strcmp(w, "sept") == 0)) {
			*abbrev = true;
			return i + 1;
		}
	return 0;
}

static int day_of(const char *txt, const tok *t)
{
	if (!(t->flags & TK_DIGIT))
		return 0;
	size_t n = t->end - t->start, digits = 0;
	while (digits < n && is_ascii_digit(txt[t->start + digits]))
		digits++;
	if (digits == 0 || digits > 2)
		return 0;
	if (digits != n) {
		char suf[3] = {ascii_lower(txt[t->start + digits]),
		               n - digits == 2 ? ascii_lower(txt[t->start + digits + 1]) : 0, 0};
		if (n - digits != 2 || (strcmp(suf, "st") && strcmp(suf, "nd") && strcmp(suf, "rd") &&
		                        strcmp(suf, "th")))
			return 0;
	}
	int d = 0;
	for (size_t i = 0; i < digits; i++)
		d = d * 10 + (txt[t->start + i] - '0');
	return d >= 1 && d <= 31 ? d : 0;
}

static int year_of(const char *txt, const tok *t)
{
	long v = digits_value(txt, t, 4);
	if (t->end - t->start != 4 || v < 1000 || v > 2100)
		return 0;
	return (int)v;
}

typedef struct {
	size_t first, last;      /* tokens of the date: [first, last) */
	size_t start, end;       /* bytes, when narrower than the tokens */
	int y, m, d;
	extract_precision prec;
	int ey, em, ed;
	bool relative;
} date_match;

static bool sentence_is_future(const char *txt, const tok *T, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (tok_is(txt, &T[i], "will") || tok_is(txt, &T[i], "next"))
			return true;
	return false;
}

/* The year of a month (and day) written without one: the publication year,
 * or the year before when that date would lie after publication in a
 * sentence about the past. */
static int infer_year(const extraction *x, int m, int d, bool future)
{
	int y = x->pub_y;
	int pm = x->pub_m ? x->pub_m : 12, pd = x->pub_d ? x->pub_d : 31;
	bool after = m > pm || (m == pm && d > pd);
	bool before = m < pm || (m == pm && d && d < pd);
	if (after && !future)
		y--;
	else if (before && future)
		y++;
	return y;
}

static bool year_context_ok(const extraction *x, const char *txt, const tok *T, size_t n,
                            size_t i)
{
	const tok *prev = i > 0 ? &T[i - 1] : NULL;
	const tok *next = i + 1 < n ? &T[i + 1] : NULL;
	if (next && ((next->flags & TK_WORD) &&
	             (tok_is(txt, next, "bc") || tok_is(txt, next, "bce") ||
	              tok_is(txt, next, "b.c.") || tok_is(txt, next, "bc."))))
		return false;
	if (next && (tok_punct(next, '%') || (tok_punct(next, ',') && !(next->flags & TK_SPACE) &&
	                                      i + 2 < n && (T[i + 2].flags & TK_DIGIT) &&
	                                      !(T[i + 2].flags & TK_SPACE))))
		return false;
	if (prev && !(prev->flags & TK_WORD) &&
	    (prev->cp == '$' || prev->cp == 0xA3 || prev->cp == 0x20AC || prev->cp == '#'))
		return false;
	if (prev && (tok_is(txt, prev, "no.") || tok_is(txt, prev, "number")))
		return false;
	bool prev_context = prev && (prev->flags & TK_WORD) && tok_in(x, LIST_YEAR_CONTEXT, txt, prev);
	if (next && (next->flags & TK_WORD) && (next->flags & TK_LOWER) && !prev_context &&
	    !tok_in(x, LIST_YEAR_NOUN, txt, next))
		return false;
	/* After a capitalised word that is not a month, a number is part of a
	 * name ("Windows 2000"). */
	if (prev && (prev->flags & TK_CAP) && !prev_context && !(prev->flags & TK_SENT_START))
		return false;
	if (prev && (prev->flags & TK_DIGIT))
		return false;
	return true;
}

/* Tries a range after a matched date: "1939–1945", "1338–39", "from 1348 to
 * 1350", "between 1990 and 1995". */
static void match_range(const char *txt, const tok *T, size_t n, date_match *dm)
{
	size_t j = dm->last;
	if (j + 1 >= n || dm->prec != EXTRACT_YEAR)
		return;
	const tok *sep = &T[j];
	bool dash = !(sep->flags & TK_WORD) && cp_is_dash(sep->cp);
	bool word = false;
	if (!dash && dm->first > 0) {
		const tok *before = &T[dm->first - 1];
		word = (tok_is(txt, before, "from") &&
		        (tok_is(txt, sep, "to") || tok_is(txt, sep, "until") || tok_is(txt, sep, "through"))) ||
		       (tok_is(txt, before, "between") && tok_is(txt, sep, "and"));
	}
	if (!dash && !word)
		return;
	const tok *e = &T[j + 1];
	int ey = year_of(txt, e);
	if (!ey && dash) {
		long two = digits_value(txt, e, 2);
		if (two >= 0 && e->end - e->start == 2) {
			ey = dm->y / 100 * 100 + (int)two;
			if (ey <= dm->y)
				ey = 0;
		}
	}
	if (!ey || ey <= dm->y || ey - dm->y > 200)
		return;
	if (j + 2 < n && (tok_punct(&T[j + 2], '%') || (T[j + 2].flags & TK_DIGIT)))
		return;
	dm->ey = ey;
	dm->last = j + 2;
}

static bool match_date(const extraction *x, const char *txt, const tok *T, size_t n, size_t i,
                       bool future, date_match *dm)
{
	memset(dm, 0, sizeof *dm);
	dm->first = i;
	bool abbrev = false;
	int m = month_of(x, txt, &T[i], &abbrev);
	if (m) {
		if (i + 1 < n && !T[i + 1].use) {
			int d = day_of(txt, &T[i + 1]);
			if (d && d <= 31) {
				size_t j = i + 2;
				if (j < n && tok_punct(&T[j], ','))
					j++;
				int y = j < n ? year_of(txt, &T[j]) : 0;
				if (y && d <= month_days(y, m)) {
					*dm = (date_match){i, j + 1, 0, 0, y, m, d, EXTRACT_DAY, 0, 0, 0, false};
					return true;
				}
				if (x->has_pub && !abbrev) {
					y = infer_year(x, m, d, future);
					if (d <= month_days(y, m)) {
						*dm = (date_match){i, i + 2, 0, 0, y, m, d, EXTRACT_DAY, 0, 0, 0, true};
						return true;
					}
				}
			}
		}
		size_t j = i + 1;
		if (j < n && tok_is(txt, &T[j], "of"))
			j++;
		int y = j < n ? year_of(txt, &T[j]) : 0;
		if (y) {
			*dm = (date_match){i, j + 1, 0, 0, y, m, 0, EXTRACT_MONTH, 0, 0, 0, false};
			return true;
		}
		if (x->has_pub && i + 2 < n && tok_is(txt, &T[i + 2], "year") &&
		    (tok_is(txt, &T[i + 1], "this") || tok_is(txt, &T[i + 1], "last") ||
		     tok_is(txt, &T[i + 1], "next"))) {
			int delta = tok_is(txt, &T[i + 1], "last") ? -1 : tok_is(txt, &T[i + 1], "next") ? 1 : 0;
			*dm = (date_match){i, i + 3, 0, 0, x->pub_y + delta, m, 0, EXTRACT_MONTH, 0, 0, 0, true};
			return true;
		}
		/* "In June", "by March": the nearest such month of the publication
		 * year. "May" is too often a verb to count alone. */
		if (x->has_pub && x->pub_m && !abbrev && m != 5 && i > 0 &&
		    (tok_is(txt, &T[i - 1], "in") || tok_is(txt, &T[i - 1], "since") ||
		     tok_is(txt, &T[i - 1], "by") || tok_is(txt, &T[i - 1], "until") ||
		     tok_is(txt, &T[i - 1], "early") || tok_is(txt, &T[i - 1], "late") ||
		     tok_is(txt, &T[i - 1], "mid"))) {
			*dm = (date_match){i, i + 1, 0, 0, infer_year(x, m, 0, future), m, 0, EXTRACT_MONTH,
			                   0, 0, 0, true};
			return true;
		}
		return false;
	}
	int d = day_of(txt, &T[i]);
	if (d) {
		size_t j = i + 1;
		if (j < n && tok_is(txt, &T[j], "of"))
			j++;
		if (j < n && (m = month_of(x, txt, &T[j], &abbrev))) {
			size_t k = j + 1;
			if (k < n && tok_punct(&T[k], ','))
				k++;
			int y = k < n ? year_of(txt, &T[k]) : 0;
			if (y && d <= month_days(y, m)) {
				*dm = (date_match){i, k + 1, 0, 0, y, m, d, EXTRACT_DAY, 0, 0, 0, false};
				return true;
			}
			if (x->has_pub && !abbrev) {
				y = infer_year(x, m, d, future);
				if (d <= month_days(y, m)) {
					*dm = (date_match){i, j + 1, 0, 0, y, m, d, EXTRACT_DAY, 0, 0, 0, true};
					return true;
				}
			}
		}
	}
	int y = year_of(txt, &T[i]);
	if (y && year_context_ok(x, txt, T, n, i)) {
		*dm = (date_match){i, i + 1, 0, 0, y, 0, 0, EXTRACT_YEAR, 0, 0, 0, false};
		match_range(txt, T, n, dm);
		return true;
	}
	/* "mid-2019", "early-1990": the year inside the word. */
	if ((T[i].flags & TK_LOWER) && T[i].end - T[i].start >= 8) {
		const char *w = txt + T[i].start;
		size_t wl = T[i].end - T[i].start;
		static const char *const pre[] = {"mid-", "early-", "late-"};
		for (size_t p = 0; p < 3; p++) {
			size_t pl = strlen(pre[p]);
			if (wl == pl + 4 && strncmp(w, pre[p], pl) == 0) {
				int yy = 0;
				bool ok = true;
				for (size_t q = pl; q < wl; q++) {
					ok = ok && is_ascii_digit(w[q]);
					yy = yy * 10 + (w[q] - '0');
				}
				if (ok && yy >= 1000 && yy <= 2100) {
					*dm = (date_match){i, i + 1, T[i].start + pl, T[i].end, yy, 0, 0,
					                   EXTRACT_YEAR, 0, 0, 0, false};
					return true;
				}
			}
		}
	}
	if (!x->has_pub)
		return false;
	if (i + 1 < n && tok_is(txt, &T[i + 1], "year") &&
	    (tok_is(txt, &T[i], "this") || tok_is(txt, &T[i], "last") || tok_is(txt, &T[i], "next"))) {
		int delta = tok_is(txt, &T[i], "last") ? -1 : tok_is(txt, &T[i], "next") ? 1 : 0;
		*dm = (date_match){i, i + 2, 0, 0, x->pub_y + delta, 0, 0, EXTRACT_YEAR, 0, 0, 0, true};
		return true;
	}
	if (!x->pub_d)
		return false;
	long pub = days_from_civil(x->pub_y, x->pub_m, x->pub_d);
	long when = LONG_MIN;
	if (tok_is(txt, &T[i], "yesterday"))
		when = pub - 1;
	else if ((T[i].flags & TK_CAP) && i > 0 &&
	         (tok_is(txt, &T[i - 1], "on") || tok_is(txt, &T[i - 1], "last"))) {
		char w[16];
		size_t wn = tok_lower(txt, &T[i], true, w, sizeof w);
		for (int wd = 0; wn && wd < 7; wd++) {
			if (strcmp(w, weekday_names[wd]) != 0)
				continue;
			/* 1970-01-01 was a Thursday (weekday 4). */
			int pub_wd = (int)(((pub % 7) + 7 + 4) % 7);
			int back = (pub_wd - wd + 7) % 7;
			when = future && !tok_is(txt, &T[i - 1], "last") ? pub + (wd - pub_wd + 7) % 7
			                                                  : pub - back;
		}
	}
	if (when == LONG_MIN)
		return false;
	int yy, mm, dd;
	civil_from_days(when, &yy, &mm, &dd);
	*dm = (date_match){i, i + 1, 0, 0, yy, mm, dd, EXTRACT_DAY, 0, 0, 0, true};
	return true;
}

static void find_dates(extraction *x, size_t s)
{
	const extract_sentence *st = &x->sents[s];
	const char *txt = st->text;
	tok *T = x->toks + x->spans[s].first;
	size_t n = x->spans[s].count;
	bool future = sentence_is_future(txt, T, n);
	for (size_t i = 0; i < n;) {
		date_match dm;
		if (T[i].use || !(T[i].flags & TK_WORD) || (T[i].flags & TK_BRACKET) ||
		    !match_date(x, txt, T, n, i, future, &dm)) {
			i++;
			continue;
		}
		size_t start = dm.start ? dm.start : T[dm.first].start;
		size_t end = dm.end ? dm.end : T[dm.last - 1].end;
		/* What introduces it: "in the summer of", "in early", "on". */
		size_t p = dm.first;
		if (p >= 2 && tok_is(txt, &T[p - 1], "of") && tok_in(x, LIST_YEAR_PART, txt, &T[p - 2])) {
			p -= 2;
			if (p >= 1 && (tok_in(x, LIST_YEAR_PART, txt, &T[p - 1])))
				p--;
			if (p >= 1 && tok_is(txt, &T[p - 1], "the"))
				p--;
		} else if (p >= 1 && (tok_is(txt, &T[p - 1], "early") || tok_is(txt, &T[p - 1], "late") ||
		                      tok_is(txt, &T[p - 1], "mid"))) {
			p--;
		}
		bool removable = false;
		if (p >= 1 && (T[p - 1].flags & TK_WORD)) {
			const tok *prep = &T[p - 1];
			if (tok_is(txt, prep, "in") || tok_is(txt, prep, "on") || tok_is(txt, prep, "during") ||
			    tok_is(txt, prep, "around") || tok_is(txt, prep, "circa")) {
				p--;
				removable = !dm.ey;
			} else if (tok_is(txt, prep, "since") || tok_is(txt, prep, "by") ||
			           tok_is(txt, prep, "until") || tok_is(txt, prep, "from") ||
			           tok_is(txt, prep, "between") || tok_is(txt, prep, "before") ||
			           tok_is(txt, prep, "after") || tok_is(txt, prep, "till")) {
				p--;
			}
		}
		/* A date standing first needs nothing to introduce it: "2018 saw". */
		if (p == dm.first && p == 0 && !dm.ey && !dm.relative)
			removable = false;
		VEC_GROW(x->dates, x->n_dates, x->cap_dates);
		extract_date *d = &x->dates[x->n_dates++];
		memset(d, 0, sizeof *d);
		d->sentence = s;
		d->start = start;
		d->end = end;
		d->phrase_start = T[p].start < start ? T[p].start : start;
		d->surface = arena_strndup(x->ar, txt + start, end - start);
		d->phrase = arena_strndup(x->ar, txt + d->phrase_start, end - d->phrase_start);
		d->year = dm.y;
		d->month = dm.m;
		d->day = dm.d;
		d->precision = dm.prec;
		d->end_year = dm.ey;
		d->end_month = dm.em;
		d->end_day = dm.ed;
		d->relative = dm.relative;
		d->removable = removable;
		for (size_t k = dm.first; k < dm.last; k++)
			T[k].use = USE_DATE;
		i = dm.last;
	}
}

/* ------------------------------------------------------------------------
 * Numbers. */

static bool number_value(const char *txt, const tok *t, double *v)
{
	if (!(t->flags & TK_DIGIT))
		return false;
	double value = 0, scale = 0;
	bool seen_point = false;
	size_t digits = 0;
	for (size_t i = t->start; i < t->end; i++) {
		char c = txt[i];
		if (is_ascii_digit(c)) {
			if (seen_point) {
				scale /= 10;
				value += (c - '0') * scale;
			} else {
				value = value * 10 + (c - '0');
			}
			digits++;
		} else if (c == '.' && !seen_point) {
			seen_point = true;
			scale = 1;
		} else if (c != ',') {
			return false;
		}
	}
	*v = value;
	return digits > 0;
}

static int word_number(const char *txt, const tok *t)
{
	if (!(t->flags & TK_LOWER))
		return -1;
	char w[32];
	size_t n = tok_lower(txt, t, false, w, sizeof w);
	if (!n)
		return -1;
	for (int i = 2; i <= 20; i++)
		if (strcmp(w, small_numbers[i]) == 0)
			return i;
	for (int i = 2; i < 10; i++) {
		size_t tl = strlen(tens_numbers[i]);
		if (strncmp(w, tens_numbers[i], tl) != 0)
			continue;
		if (w[tl] == '\0')
			return i * 10;
		if (w[tl] == '-')
			for (int u = 1; u < 10; u++)
				if (strcmp(w + tl + 1, small_numbers[u]) == 0)
					return i * 10 + u;
	}
	return -1;
}

static void find_numbers(extraction *x, size_t s)
{
	const char *txt = x->sents[s].text;
	tok *T = x->toks + x->spans[s].first;
	size_t n = x->spans[s].count;
	for (size_t i = 0; i < n; i++) {
		if (T[i].use || (T[i].flags & TK_BRACKET))
			continue;
		size_t first = i, k = i;
		extract_number_kind kind = EXTRACT_CARDINAL;
		if (!(T[i].flags & TK_WORD) && (T[i].cp == '$' || T[i].cp == 0xA3 || T[i].cp == 0x20AC ||
		                                T[i].cp == 0xA5)) {
			if (i + 1 >= n || (T[i + 1].flags & TK_SPACE) || !(T[i + 1].flags & TK_DIGIT))
				continue;
			kind = EXTRACT_MONEY;
			k = i + 1;
		}
		double v;
		bool digits = number_value(txt, &T[k], &v);
		if (!digits) {
			int w = word_number(txt, &T[k]);
			if (w < 0 || kind == EXTRACT_MONEY)
				continue;
			v = w;
		}
		if (T[k].use)
			continue;
		/* Scores, ranges and numbers in names are not counts to ask. */
		if (k + 1 < n && !(T[k + 1].flags & TK_WORD) && cp_is_dash(T[k + 1].cp))
			continue;
		if (first > 0 && !(T[first - 1].flags & TK_WORD) && cp_is_dash(T[first - 1].cp))
			continue;
		if (first > 0 && (T[first - 1].flags & TK_CAP) && !(T[first - 1].flags & TK_SENT_START) &&
		    kind != EXTRACT_MONEY)
			continue;
		size_t last = k + 1;
		if (last < n && (T[last].flags & TK_LOWER)) {
			char w[16];
			size_t wn = tok_lower(txt, &T[last], false, w, sizeof w);
			for (size_t sc = 0; wn && sc < 5; sc++)
				if (strcmp(w, scale_words[sc]) == 0) {
					v *= scale_values[sc];
					last++;
					break;
				}
		}
		if (last < n && tok_punct(&T[last], '%') && !(T[last].flags & TK_SPACE)) {
			kind = EXTRACT_PERCENT;
			last++;
		} else if (last < n && tok_is(txt, &T[last], "percent")) {
			kind = EXTRACT_PERCENT;
			last++;
		} else if (last + 1 < n && tok_is(txt, &T[last], "per") && tok_is(txt, &T[last + 1], "cent")) {
			kind = EXTRACT_PERCENT;
			last += 2;
		}
		/* What it counts: the lower-case words after it, up to two. */
		size_t u0 = last, u1 = last;
		while (u1 < n && u1 - u0 < 2 && (T[u1].flags & TK_LOWER) &&
		       !tok_in(x, LIST_FUNCTION, txt, &T[u1]) && !tok_in(x, LIST_VERB, txt, &T[u1]) &&
		       !tok_in(x, LIST_SPEECH, txt, &T[u1]) && !(T[u1].flags & TK_POSS))
			u1++;
		VEC_GROW(x->numbers, x->n_numbers, x->cap_numbers);
		extract_number *num = &x->numbers[x->n_numbers++];
		memset(num, 0, sizeof *num);
		num->sentence = s;
		num->start = T[first].start;
		num->end = T[last - 1].end;
		num->surface = arena_strndup(x->ar, txt + num->start, num->end - num->start);
		num->value = v;
		num->kind = kind;
		if (u1 > u0)
			num->unit = arena_strndup(x->ar, txt + T[u0].start, T[u1 - 1].end - T[u0].start);
		for (size_t q = first; q < last; q++)
			T[q].use = USE_NUMBER;
		i = last - 1;
	}
}

/* ------------------------------------------------------------------------
 * Acronyms (Schwartz & Hearst 2003): "long form (SF)". */

static extract_org *org_named(extraction *x, const char *name, size_t len, size_t sentence)
{
	map_slot *slot = map_put(&x->org_index, x->ar, name, len, (long)x->n_orgs);
	if ((size_t)slot->value == x->n_orgs) {
		VEC_GROW(x->orgs, x->n_orgs, x->cap_orgs);
		extract_org *o = &x->orgs[x->n_orgs++];
		memset(o, 0, sizeof *o);
		o->name = slot->key;
		o->sentence = sentence;
		o->is_org = true;
	}
	return &x->orgs[slot->value];
}

static bool has_org_head(const extraction *x, const char *txt, const tok *T, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if ((T[k].flags & TK_CAP) && tok_in(x, LIST_ORG_HEAD, txt, &T[k]))
			return true;
	return false;
}

static void find_acronyms(extraction *x, size_t s)
{
	const char *txt = x->sents[s].text;
	tok *T = x->toks + x->spans[s].first;
	size_t n = x->spans[s].count;
	for (size_t i = 1; i + 2 < n; i++) {
		if (!tok_punct(&T[i], '(') || !tok_punct(&T[i + 2], ')') || !(T[i + 1].flags & TK_WORD))
			continue;
		const tok *sf = &T[i + 1];
		/* The short form: 2 to 10 characters, a letter, an upper-case one. */
		char form[16];
		size_t fl = 0;
		bool upper = false, letter = false;
		for (size_t p = sf->start; p < sf->end; p++) {
			char c = txt[p];
			if ((unsigned char)c >= 0x80 || fl + 1 >= sizeof form) {
				fl = 0;
				break;
			}
			if (c == '.')
				continue;
			upper = upper || (c >= 'A' && c <= 'Z');
			letter = letter || (ascii_lower(c) >= 'a' && ascii_lower(c) <= 'z');
			form[fl++] = ascii_lower(c);
		}
		form[fl] = '\0';
		if (fl < 2 || fl > 10 || !upper || !letter)
			continue;
		/* The window: at most min(|SF| + 5, 2|SF|) words before "(". */
		size_t max_words = fl + 5 < 2 * fl ? fl + 5 : 2 * fl;
		size_t w0 = i, words = 0;
		while (w0 > 0 && words < max_words) {
			const tok *t = &T[w0 - 1];
			if (!(t->flags & TK_WORD) && !cp_is_hyphen(t->cp) && t->cp != '&')
				break;
			if (t->flags & TK_WORD)
				words++;
			w0--;
		}
		if (words < 2)
			continue;
		size_t lf_start = T[w0].start, lf_end = T[i - 1].end;
		/* Match the short form's characters right to left, its first at the
		 * start of a word. */
		long si = (long)fl - 1, li = (long)(lf_end - lf_start) - 1;
		const char *lf = txt + lf_start;
		while (si >= 0) {
			char c = form[si];
			if (!((c >= 'a' && c <= 'z') || is_ascii_digit(c))) {
				si--;
				continue;
			}
			while (li >= 0 && (ascii_lower(lf[li]) != c ||
			                   (si == 0 && li > 0 && ((unsigned char)lf[li - 1] >= 0x80 ||
			                                          (ascii_lower(lf[li - 1]) >= 'a' &&
			                                           ascii_lower(lf[li - 1]) <= 'z') ||
			                                          is_ascii_digit(lf[li - 1])))))
				li--;
			if (li < 0)
				break;
			li--;
			si--;
		}
		if (si >= 0)
			continue;
		/* Back to the start of the word holding the match. */
		size_t start = lf_start + (size_t)(li + 1);
		while (start > lf_start && txt[start - 1] != ' ')
			start--;
		size_t first_tok = w0;
		while (first_tok < i && T[first_tok].start < start)
			first_tok++;
		/* Leave out a leading article. */
		if (first_tok < i - 1 && (tok_is(txt, &T[first_tok], "the") || tok_is(txt, &T[first_tok], "a") ||
		                          tok_is(txt, &T[first_tok], "an")))
			first_tok++;
		size_t nwords = 0;
		for (size_t k = first_tok; k < i; k++)
			nwords += (T[k].flags & TK_WORD) != 0;
		if (nwords < 2 || !(T[first_tok].flags & TK_WORD))
			continue;
		/* Long forms of single words, or holding the short form, are noise. */
		start = T[first_tok].start;
		size_t end = T[i - 1].base_end;
		if (memmem(txt + start, end - start, txt + sf->start, sf->end - sf->start))
			continue;
		extract_org *o = org_named(x, txt + start, end - start, s);
		if (!o->acronym)
			o->acronym = arena_strndup(x->ar, txt + sf->start, sf->end - sf->start);
		o->is_org = has_org_head(x, txt, T, first_tok, i);
		o->sentence = o->sentence < s ? o->sentence : s;
	}
}

/* ------------------------------------------------------------------------
 * Names: capitalised runs, roles, people and organisations. */

static bool tok_nameish(const tok *t)
{
	return (t->flags & TK_WORD) && (t->flags & TK_CAP) && t->use == USE_NONE;
}

/* A word that may be part of a person's name. */
static bool person_word_ok(const extraction *x, const char *txt, const tok *t)
{
	if (!tok_nameish(t))
		return false;
	if ((t->flags & TK_ALLCAPS) && !(t->flags & TK_INITIAL)) {
		/* Roman numerals after a name ("Charles III"). */
		for (size_t p = t->start; p < t->base_end; p++)
			if (!strchr("IVX", txt[p]))
				return false;
	}
	if ((t->flags & TK_DOTTED) && !(t->flags & TK_INITIAL))
		return false;
	/* "Trump-era": a name joined to a lower-case word; but "Sun-sin", a
	 * Korean given name, is joined to no English word. */
	static const char *const joined_words[] = {
		"era", "style", "based", "led", "backed", "born", "like", "made", "owned", "run",
		"free", "class", "type", "wide", "level", "controlled", "funded", "related", "linked",
	};
	for (size_t p = t->start; p + 1 < t->base_end; p++) {
		if (txt[p] != '-' || (txt[p + 1] >= 'A' && txt[p + 1] <= 'Z'))
			continue;
		char w[32];
		size_t n = 0;
		for (size_t q = p + 1; q < t->base_end && txt[q] != '-' && n + 1 < sizeof w; q++)
			w[n++] = ascii_lower(txt[q]);
		w[n] = '\0';
		bool english = n == 0 || n > 6 || map_find(&x->lower_words, w, n);
		for (size_t k = 0; k < sizeof joined_words / sizeof joined_words[0] && !english; k++)
			english = strcmp(joined_words[k], w) == 0;
		if (english)
			return false;
	}
	if (tok_in(x, LIST_NON_PERSON, txt, t) || tok_in(x, LIST_ORG_HEAD, txt, t) ||
	    tok_in(x, LIST_ROLE_HEAD, txt, t) || tok_in(x, LIST_FUNCTION, txt, t))
		return false;
	return true;
}

static bool is_particle(const char *txt, const tok *t)
{
	static const char *const particles[] = {"de", "da", "del", "della", "di", "du", "van",
	                                        "von", "der", "den", "bin", "ibn", "al", "la", "le"};
	for (size_t i = 0; i < sizeof particles / sizeof particles[0]; i++)
		if (tok_is(txt, t, particles[i]))
			return true;
	return false;
}

/* Whether the word may stand in a capitalised role ("US", "China's",
 * "Foreign", "of"). */
static bool role_word_ok(const extraction *x, const char *txt, const tok *t)
{
	if (!(t->flags & TK_WORD) || t->use != USE_NONE)
		return false;
	if (tok_in(x, LIST_ROLE_HEAD, txt, t) || tok_in(x, LIST_ROLE_MOD, txt, t))
		return true;
	if (!(t->flags & TK_CAP))
		return false;
	if ((t->flags & (TK_ALLCAPS | TK_DOTTED)) || (t->flags & TK_POSS))
		return true;
	/* Nationality adjectives: American, Chinese, British, French, Israeli. */
	size_t n = t->base_end - t->start;
	const char *w = txt + t->start;
	static const char *const endings[] = {"an", "ese", "ish", "ch", "i"};
	for (size_t e = 0; e < sizeof endings / sizeof endings[0]; e++) {
		size_t el = strlen(endings[e]);
		if (n > el + 2 && memcmp(w + n - el, endings[e], el) == 0)
			return true;
	}
	return false;
}

/* Where the role written before the name at token `i` begins: a capitalised
 * role ("U.S. Secretary of State"), maybe after "former", or a lower-case
 * role noun with up to two words before it ("investigative journalist").
 * Returns `i` when there is none; *has_role tells whether what was found is a
 * role rather than a mere title ("Mr."). */
static size_t role_start(const extraction *x, const char *txt, const tok *T, size_t i,
                         bool *has_role)
{
	*has_role = false;
	size_t p = i;
	bool head = false, role = false;
	size_t k = i;
	while (k > 0 && i - k < 12) {
		const tok *t = &T[k - 1];
		if (!role_word_ok(x, txt, t))
			break;
		if ((t->flags & TK_LOWER) && !tok_is(txt, t, "of") && !tok_is(txt, t, "the"))
			break;
		if (tok_in(x, LIST_ROLE_HEAD, txt, t)) {
			head = true;
			if (!tok_in(x, LIST_TITLE, txt, t))
				role = true;
		}
		k--;
		/* A possessive is where a role begins: "China's Foreign Minister". */
		if (t->flags & TK_POSS)
			break;
	}
	if (head) {
		/* Drop words before the first head that are not modifiers of it:
		 * keep "US", "China's", "Foreign", trim a leading "of"/"the". */
		while (k < i && (tok_is(txt, &T[k], "of") || tok_is(txt, &T[k], "the")))
			k++;
		p = k;
		if (p > 0 && (tok_is(txt, &T[p - 1], "former") || tok_is(txt, &T[p - 1], "then") ||
		              tok_is(txt, &T[p - 1], "late") || tok_is(txt, &T[p - 1], "acting") ||
		              tok_is(txt, &T[p - 1], "interim")))
			p--;
		*has_role = role;
		return p;
	}
	if (i > 0 && (T[i - 1].flags & TK_LOWER) && T[i - 1].use == USE_NONE) {
		char w[48];
		size_t n = tok_lower(txt, &T[i - 1], true, w, sizeof w);
		const char *last = n ? strrchr(w, '-') : NULL;
		const char *noun = last ? last + 1 : w;
		if (n && in_list(x, LIST_ROLE_NOUN, noun, strlen(noun))) {
			p = i - 1;
			/* Up to two modifiers, or a whole capitalised name of a team or
			 * paper ("Wall Street Journal reporter"). */
			size_t mods = 0;
			while (p > 0 && mods < 5) {
				const tok *t = &T[p - 1];
				if (!(t->flags & TK_WORD) || t->use != USE_NONE || (t->flags & TK_POSS) ||
				    tok_in(x, LIST_FUNCTION, txt, t) || tok_in(x, LIST_SPEECH, txt, t) ||
				    tok_in(x, LIST_VERB, txt, t) || (t->flags & TK_DIGIT))
					break;
				if ((t->flags & TK_CAP) && (t->flags & TK_SENT_START) && tok_common(x, txt, t))
					break;
				if (!(t->flags & TK_CAP) && mods >= 2)
					break;
				p--;
				mods++;
			}
			*has_role = true;
		}
	}
	return p;
}

static name_candidate *candidate_for(extraction *x, const char *name, size_t len, size_t sentence)
{
	map_slot *slot = map_put(&x->cand_index, x->ar, name, len, (long)x->n_cands);
	if ((size_t)slot->value == x->n_cands) {
		VEC_GROW(x->cands, x->n_cands, x->cap_cands);
		name_candidate *c = &x->cands[x->n_cands++];
		memset(c, 0, sizeof *c);
		c->name = slot->key;
		c->first_sentence = sentence;
		const char *sp = memchr(name, ' ', len);
		c->first_len = sp ? (size_t)(sp - name) : len;
		const char *rs = name + len;
		while (rs > name && rs[-1] != ' ')
			rs--;
		c->last_len = (size_t)(name + len - rs);
		c->words = 1;
		for (size_t i = 0; i < len; i++)
			c->words += name[i] == ' ';
	}
	return &x->cands[slot->value];
}

/* The text of tokens [a, b) with single spaces between, up to the base of the
 * last one. */
static char *join_tokens(extraction *x, const char *txt, const tok *T, size_t a, size_t b)
{
	buf out;
	buf_init(&out);
	for (size_t k = a; k < b; k++) {
		if (k > a && (T[k].flags & TK_SPACE))
			buf_putc(&out, ' ');
		size_t end = k + 1 == b ? T[k].base_end : T[k].end;
		buf_append(&out, txt + T[k].start, end - T[k].start);
	}
	char *s = arena_strndup(x->ar, out.ptr, out.len);
	buf_release(&out);
	return s;
}

/* Cues after a name that say it is a person: an apposition with a role, a
 * speech verb, ", who". */
static double cues_after(const extraction *x, const char *txt, const tok *T, size_t n, size_t b)
{
	if (b >= n)
		return 0;
	if (T[b - 1].flags & TK_POSS)
		return 0;
	const tok *t = &T[b];
	if (tok_in(x, LIST_SPEECH, txt, t))
		return 1.5;
	if (tok_punct(t, ',') && b + 1 < n) {
		size_t k = b + 1;
		if (tok_is(txt, &T[k], "who"))
			return 1;
		if (tok_is(txt, &T[k], "the") || tok_is(txt, &T[k], "a") || tok_is(txt, &T[k], "an"))
			k++;
		if (k < n && (T[k].flags & TK_WORD)) {
			char w[48];
			size_t wn = tok_lower(txt, &T[k], true, w, sizeof w);
			const char *h = wn ? strrchr(w, '-') : NULL;
			const char *noun = h ? h + 1 : w;
			if (wn && (T[k].flags & TK_LOWER) && in_list(x, LIST_ROLE_NOUN, noun, strlen(noun)))
				return 2;
			/* ", Professor of History at ...", not ", Bishop Martin Sasse," */
			if (wn && in_list(x, LIST_ROLE_HEAD, w, wn) && !in_list(x, LIST_TITLE, w, wn) &&
			    (k + 1 >= n || !tok_nameish(&T[k + 1]) || tok_is(txt, &T[k + 1], "of")))
				return 2;
			/* "an author of", "a former minister" */
			if (k + 1 < n && (T[k].flags & TK_LOWER) && (T[k + 1].flags & TK_WORD)) {
				wn = tok_lower(txt, &T[k + 1], true, w, sizeof w);
				h = wn ? strrchr(w, '-') : NULL;
				noun = h ? h + 1 : w;
				if (wn && in_list(x, LIST_ROLE_NOUN, noun, strlen(noun)))
					return 2;
			}
		}
	}
	return 0;
}

static void classify_run(extraction *x, size_t s, size_t a, size_t b);

/* A capitalised run [a, b) of sentence `s`: a person with a role before the
 * name, an organisation, or a candidate name to be judged by its cues. */
static void classify_run(extraction *x, size_t s, size_t a, size_t b)
{
	const char *txt = x->sents[s].text;
	tok *T = x->toks + x->spans[s].first;
	size_t n = x->spans[s].count;
	while (a < b && (tok_is(txt, &T[a], "the") || tok_is(txt, &T[a], "a") ||
	                 tok_is(txt, &T[a], "an") || tok_is(txt, &T[a], "of") ||
	                 tok_is(txt, &T[a], "and") ||
	                 ((T[a].flags & TK_SENT_START) && tok_common(x, txt, &T[a]) &&
	                  !tok_in(x, LIST_ROLE_HEAD, txt, &T[a]))))
		a++;
	while (b > a && (T[b - 1].flags & TK_LOWER))
		b--;
	if (a >= b)
		return;
	/* A possessive inside: "Nancy Pelosi's Taiwan" is two runs, but
	 * "China's Foreign Minister Qin Gang" and "China's Foreign Ministry" are
	 * one. */
	for (size_t k = a; k + 1 < b; k++) {
		if (!(T[k].flags & TK_POSS))
			continue;
		bool head_after = has_org_head(x, txt, T, k + 1, b);
		for (size_t q = k + 1; q < b && !head_after; q++)
			head_after = tok_in(x, LIST_ROLE_HEAD, txt, &T[q]);
		bool head_before = has_org_head(x, txt, T, a, k + 1);
		for (size_t q = a; q <= k && !head_before; q++)
			head_before = tok_in(x, LIST_ROLE_HEAD, txt, &T[q]);
		if (!head_after || head_before) {
			classify_run(x, s, a, k + 1);
			classify_run(x, s, k + 1, b);
			return;
		}
	}
	/* A role, then a name: "US Secretary of State Antony Blinken". */
	size_t h = SIZE_MAX;
	for (size_t k = a; k < b; k++)
		if (tok_in(x, LIST_ROLE_HEAD, txt, &T[k]) && !(T[k].flags & TK_POSS))
			h = k;
	if (h != SIZE_MAX && !has_org_head(x, txt, T, h + 1, b)) {
		size_t f = h + 1;
		bool of_place = false;
		if (f < b && tok_is(txt, &T[f], "of")) {
			/* "Secretary of State Antony Blinken", but "King of France" names
			 * a place, not a person. */
			size_t mods = 0;
			f++;
			while (f < b && (tok_in(x, LIST_ROLE_MOD, txt, &T[f]) || tok_is(txt, &T[f], "the"))) {
				mods += !tok_is(txt, &T[f], "the");
				f++;
			}
			of_place = mods == 0;
		}
		size_t e = f;
		while (e < b && e - f < 5 && (person_word_ok(x, txt, &T[e]) || (e > f && is_particle(txt, &T[e])))) {
			e++;
			if (T[e - 1].flags & TK_POSS)
				break;
		}
		if (of_place)
			return;
		if (e > f && e - f <= 4 && !(e < b && (T[e].flags & TK_CAP) && !tok_is(txt, &T[e], "of"))) {
			char *name = join_tokens(x, txt, T, f, e);
			name_candidate *c = candidate_for(x, name, strlen(name), s);
			c->strong = true;
			c->cue += 2;
			return;
		}
	}
	if (has_org_head(x, txt, T, a, b)) {
		for (size_t k = a; k < b; k++)
			if (tok_is(txt, &T[k], "award") || tok_is(txt, &T[k], "prize") ||
			    tok_is(txt, &T[k], "trophy") || tok_is(txt, &T[k], "medal") ||
			    tok_is(txt, &T[k], "cup"))
				return;
		char *name = join_tokens(x, txt, T, a, b);
		extract_org *o = org_named(x, name, strlen(name), s);
		o->is_org = true;
		return;
	}
	/* A candidate person: two to four name words. */
	size_t words = 0;
	for (size_t k = a; k < b; k++) {
		if (is_particle(txt, &T[k]) && k > a && k + 1 < b)
			continue;
		if (!person_word_ok(x, txt, &T[k]))
			return;
		if ((T[k].flags & TK_POSS) && k + 1 < b)
			return;
		words++;
	}
	if (words < 2 || words > 4)
		return;
	/* A sentence-initial common word was dropped above; a common word
	 * inside ("Black Death") makes it no person unless a role says so. */
	bool common = false;
	for (size_t k = a; k < b; k++)
		common = common || tok_common(x, txt, &T[k]);
	char *name = join_tokens(x, txt, T, a, b);
	name_candidate *c = candidate_for(x, name, strlen(name), s);
	bool has_role;
	size_t r = role_start(x, txt, T, a, &has_role);
	if (r < a)
		c->cue += has_role ? 2 : 1.5, c->strong = true;
	c->cue += cues_after(x, txt, T, n, b);
	if (b >= 3 && a >= 2 && tok_is(txt, &T[a - 1], "to") && tok_is(txt, &T[a - 2], "according"))
		c->cue += 1;
	/* "He" or "She" opening the next sentence. */
	if (s + 1 < x->n_sents && x->sents[s + 1].paragraph == x->sents[s].paragraph) {
		const tok *nt = x->toks + x->spans[s + 1].first;
		if (x->spans[s + 1].count && (tok_is(x->sents[s + 1].text, nt, "he") ||
		                              tok_is(x->sents[s + 1].text, nt, "she")))
			c->cue += 0.5;
	}
	if (common)
		c->cue -= 2;
}

static void find_runs(extraction *x, size_t s)
{
	const char *txt = x->sents[s].text;
	tok *T = x->toks + x->spans[s].first;
	size_t n = x->spans[s].count;
	for (size_t i = 0; i < n;) {
		if (!tok_nameish(&T[i])) {
			i++;
			continue;
		}
		size_t a = i, j = i + 1;
		/* No name runs longer than this; a longer run is cut, so that
		 * nothing below grows with it. */
		while (j < n && j - a < 16) {
			if (T[j - 1].flags & TK_POSS) {
				/* Keep going only into a role or an organisation. */
				size_t q = j;
				bool head = false;
				while (q < n && tok_nameish(&T[q]) && !head) {
					head = tok_in(x, LIST_ROLE_HEAD, txt, &T[q]) || tok_in(x, LIST_ORG_HEAD, txt, &T[q]);
					q++;
				}
				if (!head)
					break;
			}
			if (tok_nameish(&T[j])) {
				j++;
				continue;
			}
			if (j + 1 < n && tok_nameish(&T[j + 1]) && T[j].use == USE_NONE) {
				if (tok_is(txt, &T[j], "of") || is_particle(txt, &T[j]) ||
				    (tok_is(txt, &T[j], "the") && tok_is(txt, &T[j - 1], "of"))) {
					j++;
					continue;
				}
				if ((tok_is(txt, &T[j], "and") || tok_is(txt, &T[j], "for") || tok_punct(&T[j], '&')) &&
				    !has_org_head(x, txt, T, a, j)) {
					size_t q = j + 1;
					while (q < n && (tok_nameish(&T[q]) || tok_is(txt, &T[q], "of")))
						q++;
					if (has_org_head(x, txt, T, j + 1, q)) {
						j = q;
						continue;
					}
				}
			}
			break;
		}
		classify_run(x, s, a, j);
		i = j;
	}
}

/* Counts, for every capitalised word written on its own (not beside another
 * capitalised word), how often it appears and how often right after "the". */
static void count_standalone(extraction *x)
{
	for (size_t s = 0; s < x->n_sents; s++) {
		const char *txt = x->sents[s].text;
		const tok *T = x->toks + x->spans[s].first;
		size_t n = x->spans[s].count;
		for (size_t i = 0; i < n; i++) {
			if (!tok_nameish(&T[i]) || (T[i].flags & TK_SENT_START))
				continue;
			bool prev_cap = i > 0 && tok_nameish(&T[i - 1]) &&
			                !tok_in(x, LIST_ROLE_HEAD, txt, &T[i - 1]);
			bool next_cap = i + 1 < n && tok_nameish(&T[i + 1]) && !(T[i].flags & TK_POSS);
			if (prev_cap || next_cap)
				continue;
			const char *w = txt + T[i].start;
			size_t wl = T[i].base_end - T[i].start;
			map_put(&x->standalone, x->ar, w, wl, 0)->value++;
			if (i > 0 && tok_is(txt, &T[i - 1], "the"))
				map_put(&x->after_the, x->ar, w, wl, 0)->value++;
		}
	}
}

static long map_count(const strmap *m, const char *k, size_t n)
{
	const map_slot *s = map_find(m, k, n);
	return s ? s->value : 0;
}

/* Decides which candidates are people, by their cues. */
static void decide_people(extraction *x)
{
	/* The first and last words of the longer names. */
	strmap parts = {0};
	for (size_t c = 0; c < x->n_cands; c++) {
		const name_candidate *nc = &x->cands[c];
		if (nc->words < 2)
			continue;
		map_put(&parts, x->ar, nc->name, nc->first_len, 0);
		map_put(&parts, x->ar, nc->name + strlen(nc->name) - nc->last_len, nc->last_len, 0);
	}
	for (size_t c = 0; c < x->n_cands; c++) {
		name_candidate *nc = &x->cands[c];
		const char *last = nc->name + strlen(nc->name) - nc->last_len;
		char w[48];
		size_t fl = nc->first_len < sizeof w ? nc->first_len : 0;
		for (size_t i = 0; i < fl; i++)
			w[i] = ascii_lower(nc->name[i]);
		double cue = nc->cue;
		/* A common given name opening two or three name words is a good
		 * cue on its own ("Joseph Farman, Brian Gardiner and ..."). */
		if (fl && nc->words > 1 && in_list(x, LIST_GIVEN, w, fl))
			cue += nc->words <= 3 ? 1.5 : 1;
		/* A family name written first, and used alone elsewhere ("Yi"). */
		if (fl && nc->words > 1 && nc->words <= 3) {
			char folded[8][32];
			if (names_words(nc->name, folded, 8) && names_surname_first(folded[0]))
				cue += map_count(&x->standalone, nc->name, nc->first_len) > 0 ? 1.5 : 0.5;
		}
		long alone = map_count(&x->standalone, last, nc->last_len);
		long the = map_count(&x->after_the, last, nc->last_len);
		if (the > 0 && !nc->strong)
			continue;
		if (alone > 0 && nc->words > 1)
			cue += 1;
		if (cue < 1.5)
			continue;
		/* A single word after a title or role is someone named in full
		 * elsewhere ("President Obama" and "Barack Obama"). */
		if (nc->words == 1 && map_find(&parts, nc->name, nc->last_len))
			continue;
		VEC_GROW(x->people, x->n_people, x->cap_people);
		extract_person *p = &x->people[x->n_people++];
		memset(p, 0, sizeof *p);
		p->name = nc->name;
		p->first_sentence = nc->first_sentence;
		p->role_sentence = SIZE_MAX;
	}
	map_release(&parts);
}


/* ------------------------------------------------------------------------
 * One person under several names. */

static size_t find_root(size_t *into, size_t p)
{
	while (into[p] != p)
		p = into[p];
	return p;
}

static void add_alias(extraction *x, extract_person *p, const char *alias)
{
	if (strcmp(p->name, alias) == 0)
		return;
	for (size_t i = 0; i < p->n_aliases; i++)
		if (strcmp(p->aliases[i], alias) == 0)
			return;
	const char **grown = arena_alloc(x->ar, (p->n_aliases + 1) * sizeof *grown);
	if (p->n_aliases)
		memcpy(grown, p->aliases, p->n_aliases * sizeof *grown);
	grown[p->n_aliases++] = alias;
	p->aliases = grown;
}

/* People the article names in two ways become one: "Marie Curie was born
 * Maria Salomea Skłodowska" makes Maria Skłodowska an alias of Marie Curie,
 * and a name whose words all stand in a longer one ("Marie Curie" in
 * "Marie Skłodowska Curie") is that longer one, unless both are named in
 * one sentence. */
static void merge_people(extraction *x)
{
	size_t n = x->n_people;
	if (n < 2 || n > 4000)
		return;
	size_t *into = xmalloc(n * sizeof *into);
	for (size_t p = 0; p < n; p++)
		into[p] = p;
	/* "X was born Y", "X, born Y," and "X (née Y)". */
	for (size_t s = 0; s < x->n_sents; s++) {
		const char *txt = x->sents[s].text;
		static const char *const cues[] = {" was born ", ", born ", " n\xC3\xA9" "e "};
		for (size_t c = 0; c < 3; c++) {
			const char *at = strstr(txt, cues[c]);
			if (!at)
				continue;
			const char *after = at + strlen(cues[c]);
			for (size_t p = 0; p < n; p++) {
				const char *pn = x->people[p].name;
				size_t pl = strlen(pn);
				const char *pos = strstr(txt, pn);
				if (!pos || pos + pl > at || (size_t)(at - (pos + pl)) > 2)
					continue;
				/* The capitalised run after the cue. */
				const char *e = after;
				while (*e) {
					const char *w = e;
					while (*e && *e != ' ')
						e++;
					if (!((*w >= 'A' && *w <= 'Z') || (unsigned char)*w >= 0xC0)) {
						e = w;
						break;
					}
					if (e > w && strchr(",.;:)", e[-1])) {
						e--;
						break;
					}
					while (*e == ' ')
						e++;
				}
				while (e > after && e[-1] == ' ')
					e--;
				if (e <= after)
					continue;
				char *run = arena_strndup(x->ar, after, (size_t)(e - after));
				if (!strchr(run, ' '))
					continue;
				add_alias(x, &x->people[p], run);
				for (size_t q = 0; q < n; q++) {
					if (q == p || find_root(into, q) == find_root(into, p))
						continue;
					if (strcmp(x->people[q].name, run) == 0 || names_within(x->people[q].name, run))
						into[find_root(into, q)] = find_root(into, p);
				}
			}
		}
	}
	/* A shorter form of a longer name. */
	for (size_t q = 0; q < n; q++) {
		for (size_t p = 0; p < n; p++) {
			if (p == q || find_root(into, p) == find_root(into, q))
				continue;
			if (!names_within(x->people[q].name, x->people[p].name))
				continue;
			bool together = false;
			for (size_t s = 0; s < x->n_sents && !together; s++) {
				const char *txt = x->sents[s].text;
				const char *big = strstr(txt, x->people[p].name);
				const char *small = strstr(txt, x->people[q].name);
				together = big && small && (small < big || small >= big + strlen(x->people[p].name));
			}
			if (!together)
				into[find_root(into, q)] = find_root(into, p);
		}
	}
	extract_person *old = xmalloc(n * sizeof *old);
	memcpy(old, x->people, n * sizeof *old);
	size_t *new_index = xmalloc(n * sizeof *new_index);
	size_t kept = 0;
	for (size_t p = 0; p < n; p++)
		if (find_root(into, p) == p) {
			new_index[p] = kept;
			x->people[kept++] = old[p];
		}
	for (size_t p = 0; p < n; p++) {
		size_t r = find_root(into, p);
		if (r == p)
			continue;
		extract_person *root = &x->people[new_index[r]];
		add_alias(x, root, old[p].name);
		for (size_t i = 0; i < old[p].n_aliases; i++)
			add_alias(x, root, old[p].aliases[i]);
		if (old[p].first_sentence < root->first_sentence)
			root->first_sentence = old[p].first_sentence;
	}
	free(old);
	free(new_index);
	free(into);
	x->n_people = kept;
}

/* ------------------------------------------------------------------------
 * Mentions. */

typedef struct {
	extract_entity_kind kind;
	size_t entity;
	size_t words;
	bool full;
	const char *text;      /* the words, space separated */
} name_form;

typedef struct {
	name_form *forms;
	size_t n, cap;
} form_list;

static void add_form(extraction *x, strmap *index, form_list **lists, size_t *n_lists,
                     size_t *cap_lists, extract_entity_kind kind, size_t entity, const char *text,
                     bool full)
{
	const char *sp = strchr(text, ' ');
	size_t key_len = sp ? (size_t)(sp - text) : strlen(text);
	map_slot *slot = map_put(index, x->ar, text, key_len, (long)*n_lists);
	if ((size_t)slot->value == *n_lists) {
		VEC_GROW(*lists, *n_lists, *cap_lists);
		memset(&(*lists)[*n_lists], 0, sizeof(form_list));
		(*n_lists)++;
	}
	form_list *fl = &(*lists)[slot->value];
	VEC_GROW(fl->forms, fl->n, fl->cap);
	size_t words = 1;
	for (const char *p = text; *p; p++)
		words += *p == ' ';
	fl->forms[fl->n++] = (name_form){kind, entity, words, full, text};
}

/* Whether tokens from T[i] spell `text` (the last one up to its possessive). */
static size_t match_form(const char *txt, const tok *T, size_t n, size_t i, const char *text)
{
	size_t k = i;
	const char *p = text;
	while (*p) {
		if (k >= n || !(T[k].flags & TK_WORD))
			return 0;
		const char *sp = strchr(p, ' ');
		size_t wl = sp ? (size_t)(sp - p) : strlen(p);
		size_t tl = T[k].end - T[k].start, bl = T[k].base_end - T[k].start;
		bool last = !sp;
		if (!((tl == wl || (last && bl == wl)) && memcmp(txt + T[k].start, p, wl) == 0))
			return 0;
		if (!last && (T[k].flags & TK_POSS) && bl == wl)
			return 0;
		k++;
		p += wl + (sp ? 1 : 0);
	}
	return k - i;
}

static bool verb_like(const extraction *x, const char *txt, const tok *T, size_t n, size_t k)
{
	if (k >= n || !(T[k].flags & TK_LOWER))
		return false;
	if (tok_in(x, LIST_VERB, txt, &T[k]) || tok_in(x, LIST_SPEECH, txt, &T[k]))
		return true;
	size_t wl = T[k].end - T[k].start;
	const char *w = txt + T[k].start;
	if (wl >= 5 && memcmp(w + wl - 2, "ed", 2) == 0 && !tok_in(x, LIST_FUNCTION, txt, &T[k]))
		return true;
	if (tok_in(x, LIST_ADVERB, txt, &T[k]) || (wl >= 5 && memcmp(w + wl - 2, "ly", 2) == 0))
		return k + 1 < n && verb_like(x, txt, T, n, k + 1) && !tok_in(x, LIST_ADVERB, txt, &T[k + 1]);
	return false;
}

/* After a subject ending at token b: skips "(...)" and an apposition, and
 * returns the token where its verb starts, or SIZE_MAX. Fills the
 * apposition's byte range when there is one. */
static size_t predicate_after(const extraction *x, const char *txt, const tok *T, size_t n,
                              size_t b, size_t *ap_start, size_t *ap_end)
{
	size_t k = b;
	*ap_start = *ap_end = 0;
	if (k < n && tok_punct(&T[k], '(')) {
		size_t q = k + 1;
		while (q < n && q < k + 10 && !tok_punct(&T[q], ')'))
			q++;
		if (q >= n || !tok_punct(&T[q], ')'))
			return SIZE_MAX;
		k = q + 1;
	}
	if (k < n && tok_punct(&T[k], ',')) {
		size_t q = k + 1;
		if (q >= n)
			return SIZE_MAX;
		const tok *first = &T[q];
		if (tok_is(txt, first, "who") || tok_is(txt, first, "which") || tok_is(txt, first, "and") ||
		    tok_is(txt, first, "but") || tok_is(txt, first, "while") || tok_is(txt, first, "where"))
			return SIZE_MAX;
		if (!(first->flags & TK_LOWER) && !(first->flags & TK_CAP))
			return SIZE_MAX;
		bool in_quote = false;
		size_t start = first->start;
		for (; q < n && q < k + 25; q++) {
			const tok *t = &T[q];
			if (!(t->flags & TK_WORD) && cp_is_dquote(t->cp)) {
				in_quote = !in_quote;
				continue;
			}
			if (in_quote)
				continue;
			if (tok_punct(t, ',')) {
				size_t end = T[q - 1].end;
				*ap_start = start;
				*ap_end = end;
				k = q + 1;
				break;
			}
			if (tok_in(x, LIST_SPEECH, txt, t) && q > k + 1) {
				*ap_start = start;
				*ap_end = T[q - 1].end;
				k = q;
				break;
			}
			if (!(t->flags & TK_WORD) && t->cp != '-' && t->cp != 0x2019 && t->cp != '\'')
				return SIZE_MAX;
		}
		if (*ap_end == 0)
			return SIZE_MAX;
		/* Strip a closing quotation mark left at the apposition's end. */
		for (;;) {
			if (*ap_end > *ap_start && (txt[*ap_end - 1] == '"' || txt[*ap_end - 1] == ','))
				(*ap_end)--;
			else if (*ap_end >= *ap_start + 3 && memcmp(txt + *ap_end - 3, "\xE2\x80\x9D", 3) == 0)
				*ap_end -= 3;
			else
				break;
		}
	}
	return verb_like(x, txt, T, n, k) ? k : SIZE_MAX;
}

static void add_mention(extraction *x, size_t s, const name_form *f, size_t i, size_t len)
{
	const char *txt = x->sents[s].text;
	const tok *T = x->toks + x->spans[s].first;
	size_t n = x->spans[s].count;
	VEC_GROW(x->mentions, x->n_mentions, x->cap_mentions);
	if (x->cap_mextra != x->cap_mentions) {
		x->cap_mextra = x->cap_mentions;
		x->mextra = xrealloc(x->mextra, x->cap_mextra * sizeof *x->mextra);
	}
	size_t mi = x->n_mentions++;
	extract_mention *m = &x->mentions[mi];
	mention_extra *me = &x->mextra[mi];
	memset(m, 0, sizeof *m);
	memset(me, 0, sizeof *me);
	m->kind = f->kind;
	m->entity = f->entity;
	m->sentence = s;
	m->start = T[i].start;
	m->end = T[i + len - 1].base_end;
	m->full = f->full;
	m->possessive = (T[i + len - 1].flags & TK_POSS) != 0;
	me->first_tok = i;
	me->last_tok = i + len;
	size_t subj = i;
	if (f->kind == EXTRACT_PERSON) {
		bool has_role;
		subj = role_start(x, txt, T, i, &has_role);
		if (has_role) {
			extract_person *p = &x->people[f->entity];
			if (!p->role) {
				size_t a = subj;
				if (tok_is(txt, &T[a], "the") || tok_is(txt, &T[a], "a") || tok_is(txt, &T[a], "an"))
					a++;
				if (a < i) {
					p->role = arena_strndup(x->ar, txt + T[a].start, T[i - 1].end - T[a].start);
					p->role_sentence = s;
				}
			}
		}
	} else if (subj > 0 && tok_is(txt, &T[subj - 1], "the")) {
		subj--;
	}
	m->subject_start = T[subj].start;
	if (m->possessive)
		return;
	size_t ap_start, ap_end;
	size_t v = predicate_after(x, txt, T, n, i + len, &ap_start, &ap_end);
	me->appos_start = ap_start;
	me->appos_end = ap_end;
	if (f->kind == EXTRACT_PERSON && ap_end > ap_start && f->full) {
		extract_person *p = &x->people[f->entity];
		/* The apposition names a role when it starts with one. */
		size_t q = i + len;
		while (q < n && T[q].start < ap_start)
			q++;
		if (!p->role && q < n && cues_after(x, txt, T, n, i + len) >= 2) {
			size_t a = ap_start;
			const char *w = txt + a;
			if (strncmp(w, "the ", 4) == 0)
				a += 4;
			else if (strncmp(w, "a ", 2) == 0)
				a += 2;
			else if (strncmp(w, "an ", 3) == 0)
				a += 3;
			if (ap_end - a <= 120) {
				p->role = arena_strndup(x->ar, txt + a, ap_end - a);
				p->role_sentence = s;
			}
		}
	}
	if (v == SIZE_MAX)
		return;
	/* The subject must open the sentence, or follow an opening phrase and a
	 * comma with no quotation in it. */
	bool clause = subj == 0 || (T[subj].flags & TK_SENT_START);
	if (!clause && subj > 0 && tok_punct(&T[subj - 1], ',') && subj <= 12) {
		clause = true;
		for (size_t q = 0; q < subj; q++)
			if (!(T[q].flags & TK_WORD) && cp_is_dquote(T[q].cp))
				clause = false;
		/* "the Truth, Justice and Reconciliation Commission": a comma
		 * inside a name or a list, not after an opening phrase. */
		if (subj >= 3 && (T[subj - 2].flags & TK_CAP) && !(T[subj - 2].flags & TK_SENT_START) &&
		    (tok_is(txt, &T[subj - 3], "the") || tok_is(txt, &T[subj - 3], "a") ||
		     tok_is(txt, &T[subj - 3], "an") || tok_nameish(&T[subj - 3])))
			clause = false;
	}
	if (clause)
		m->predicate_start = T[v].start;
}

static void find_mentions(extraction *x)
{
	strmap index = {0};
	form_list *lists = NULL;
	size_t n_lists = 0, cap_lists = 0;
	/* Short forms: the last word, and the first when the text uses it alone
	 * ("Xi" for Xi Jinping); a word two people share is left out. */
	strmap short_owner = {0};
	for (size_t p = 0; p < x->n_people; p++) {
		const char *name = x->people[p].name;
		add_form(x, &index, &lists, &n_lists, &cap_lists, EXTRACT_PERSON, p, name, true);
		/* Another name of the same person is a full mention of them. */
		for (size_t a = 0; a < x->people[p].n_aliases; a++)
			if (strchr(x->people[p].aliases[a], ' '))
				add_form(x, &index, &lists, &n_lists, &cap_lists, EXTRACT_PERSON, p,
				         x->people[p].aliases[a], true);
		const char *sp = strchr(name, ' ');
		if (!sp)
			continue;
		/* The family name comes before a suffix: "Ted Ginn Jr." */
		const char *end = name + strlen(name);
		const char *last = strrchr(name, ' ') + 1;
		if (last > sp + 1 && (strcmp(last, "Jr.") == 0 || strcmp(last, "Jr") == 0 ||
		                      strcmp(last, "Sr.") == 0 || strcmp(last, "Sr") == 0 ||
		                      strspn(last, "IVX") == strlen(last))) {
			end = last - 1;
			last = end;
			while (last[-1] != ' ')
				last--;
		}
		const char *forms[2] = {last, name};
		size_t lens[2] = {(size_t)(end - last), (size_t)(sp - name)};
		for (int f = 0; f < 2; f++) {
			map_slot *slot = map_put(&short_owner, x->ar, forms[f], lens[f], (long)p);
			if ((size_t)slot->value != p)
				slot->value = -1;
		}
	}
	for (size_t i = 0; i < short_owner.cap; i++) {
		const map_slot *slot = &short_owner.slots[i];
		if (!slot->key || slot->value < 0)
			continue;
		/* Only forms that really stand alone somewhere. */
		if (!map_count(&x->standalone, slot->key, slot->len))
			continue;
		add_form(x, &index, &lists, &n_lists, &cap_lists, EXTRACT_PERSON, (size_t)slot->value,
		         slot->key, false);
	}
	for (size_t o = 0; o < x->n_orgs; o++) {
		add_form(x, &index, &lists, &n_lists, &cap_lists, EXTRACT_ORG, o, x->orgs[o].name, true);
		if (x->orgs[o].acronym)
			add_form(x, &index, &lists, &n_lists, &cap_lists, EXTRACT_ORG, o, x->orgs[o].acronym, false);
	}
	/* Which short form each person goes by. */
	size_t *first_uses = xcalloc(x->n_people + 1, sizeof(size_t));
	size_t *last_uses = xcalloc(x->n_people + 1, sizeof(size_t));
	x->tok_mention = xcalloc(x->n_toks + 1, sizeof(size_t));
	for (size_t s = 0; s < x->n_sents; s++) {
		const char *txt = x->sents[s].text;
		const tok *T = x->toks + x->spans[s].first;
		size_t n = x->spans[s].count;
		for (size_t i = 0; i < n;) {
			if (!(T[i].flags & TK_WORD) || T[i].use == USE_TITLE) {
				i++;
				continue;
			}
			const map_slot *slots[2] = {
				map_find(&index, txt + T[i].start, T[i].base_end - T[i].start),
				T[i].end != T[i].base_end
					? map_find(&index, txt + T[i].start, T[i].end - T[i].start) : NULL,
			};
			const name_form *best = NULL;
			size_t best_len = 0;
			for (int sl = 0; sl < 2; sl++) {
				if (!slots[sl])
					continue;
				const form_list *fl = &lists[slots[sl]->value];
				for (size_t f = 0; f < fl->n; f++) {
					size_t len = match_form(txt, T, n, i, fl->forms[f].text);
					if (len > best_len) {
						best = &fl->forms[f];
						best_len = len;
					}
				}
			}
			if (!best) {
				i++;
				continue;
			}
			/* A short form beside another capitalised word is part of some
			 * other name. */
			if (!best->full && best->kind == EXTRACT_PERSON) {
				bool prev_cap = i > 0 && tok_nameish(&T[i - 1]) &&
				                !tok_in(x, LIST_ROLE_HEAD, txt, &T[i - 1]) &&
				                !tok_in(x, LIST_ROLE_MOD, txt, &T[i - 1]);
				bool next_cap = i + 1 < n && tok_nameish(&T[i + 1]) && !(T[i].flags & TK_POSS);
				if (prev_cap || next_cap || (i > 0 && tok_is(txt, &T[i - 1], "the"))) {
					i++;
					continue;
				}
				const char *name = x->people[best->entity].name;
				if (strncmp(name, best->text, strlen(best->text)) == 0 &&
				    name[strlen(best->text)] == ' ')
					first_uses[best->entity]++;
				else
					last_uses[best->entity]++;
			}
			size_t mi = x->n_mentions;
			add_mention(x, s, best, i, best_len);
			for (size_t k = i; k < i + best_len; k++)
				x->tok_mention[x->spans[s].first + k] = mi + 1;
			i += best_len;
		}
	}
	for (size_t m = 0; m < x->n_mentions; m++) {
		const extract_mention *mm = &x->mentions[m];
		if (mm->kind == EXTRACT_PERSON)
			x->people[mm->entity].mentions++;
		else
			x->orgs[mm->entity].mentions++;
	}
	for (size_t p = 0; p < x->n_people; p++) {
		extract_person *pp = &x->people[p];
		const char *sp = strchr(pp->name, ' ');
		if (!sp)
			continue;
		if (first_uses[p] > last_uses[p])
			pp->short_name = arena_strndup(x->ar, pp->name, (size_t)(sp - pp->name));
		else if (last_uses[p])
			pp->short_name = strrchr(pp->name, ' ') + 1;
	}
	free(first_uses);
	free(last_uses);
	for (size_t l = 0; l < n_lists; l++)
		free(lists[l].forms);
	free(lists);
	map_release(&index);
	map_release(&short_owner);
}

/* The word a person goes by alone. By convention a common Chinese, Korean,
 * Vietnamese or Japanese family name written first ("Qin Gang", "Toyotomi
 * Hideyoshi"), as is the first word before a hyphenated Korean given name
 * ("Yu Seong-ryong"); otherwise the last word, also when the article calls
 * someone by the first ("Marie", beside Pierre Curie). */
static void decide_family_names(extraction *x)
{
	for (size_t p = 0; p < x->n_people; p++) {
		extract_person *pp = &x->people[p];
		const char *sp = strchr(pp->name, ' ');
		if (!sp) {
			pp->family = pp->name;
			continue;
		}
		char w[8][32];
		size_t nw = names_words(pp->name, w, 8);
		const char *hy = strchr(sp + 1, '-');
		bool korean_given = nw == 2 && hy && hy[1] >= 'a' && hy[1] <= 'z';
		if (nw >= 2 && nw <= 3 && (names_surname_first(w[0]) || korean_given)) {
			pp->family = arena_strndup(x->ar, pp->name, (size_t)(sp - pp->name));
			/* The article's own short form counts too ("Gang"). */
			if (pp->short_name && strcmp(pp->short_name, pp->family) != 0)
				add_alias(x, pp, pp->short_name);
			continue;
		}
		/* The last word, before a suffix: "Ted Ginn Jr." */
		const char *end = pp->name + strlen(pp->name);
		const char *last = strrchr(pp->name, ' ') + 1;
		if (last > sp + 1 && (strcmp(last, "Jr.") == 0 || strcmp(last, "Jr") == 0 ||
		                      strcmp(last, "Sr.") == 0 || strcmp(last, "Sr") == 0 ||
		                      strspn(last, "IVX") == strlen(last))) {
			end = last - 1;
			last = end;
			while (last[-1] != ' ')
				last--;
		}
		pp->family = *end ? arena_strndup(x->ar, last, (size_t)(end - last)) : last;
	}
}

/* ------------------------------------------------------------------------
 * Quotations and who said them. */

/* The person last named before token `g` (global index), in the same
 * paragraph or the two sentences before; SIZE_MAX when none. */
static size_t person_before(const extraction *x, size_t g)
{
	size_t s = x->toks[g].sent;
	for (size_t k = g; k > 0 && k + 600 > g; k--) {
		size_t mi = x->tok_mention[k - 1];
		const tok *t = &x->toks[k - 1];
		if (t->sent + 4 < s && x->sents[t->sent].paragraph != x->sents[s].paragraph)
			break;
		if (mi && x->mentions[mi - 1].kind == EXTRACT_PERSON)
			return x->mentions[mi - 1].entity;
	}
	return SIZE_MAX;
}

static bool is_pronoun(const char *txt, const tok *t)
{
	return tok_is(txt, t, "he") || tok_is(txt, t, "she");
}

static bool speaker_at(const extraction *x, size_t g, size_t pronoun_ref, extract_quote *q)
{
	const tok *t = &x->toks[g];
	const char *txt = x->sents[t->sent].text;
	size_t mi = x->tok_mention[g];
	if (mi) {
		const extract_mention *m = &x->mentions[mi - 1];
		q->has_speaker = true;
		q->speaker_kind = m->kind;
		q->speaker = m->entity;
		return true;
	}
	if (is_pronoun(txt, t)) {
		size_t p = person_before(x, pronoun_ref);
		if (p != SIZE_MAX) {
			q->has_speaker = true;
			q->speaker_kind = EXTRACT_PERSON;
			q->speaker = p;
			return true;
		}
	}
	return false;
}

static void find_speakers(extraction *x, const quote_span *qs, const extract_quote *previous,
                          extract_quote *q)
{
	size_t open = qs->open, close = qs->close;
	size_t para_end = close;
	while (para_end + 1 < x->n_toks && para_end < close + 12 &&
	       x->sents[x->toks[para_end + 1].sent].paragraph == x->sents[x->toks[close].sent].paragraph)
		para_end++;
	/* After: `“...,” he said`, `“...,” said Blinken`, `“...,” the NY Post reported`. */
	size_t v = SIZE_MAX;
	for (size_t k = close + 1; k <= para_end && k < close + 10; k++) {
		const tok *t = &x->toks[k];
		if (!(t->flags & TK_WORD)) {
			if (cp_is_dquote(t->cp) || t->cp == '.' || t->cp == '!' || t->cp == '?' || t->cp == ';')
				break;
			continue;
		}
		if (tok_in(x, LIST_SPEECH, x->sents[t->sent].text, t)) {
			v = k;
			break;
		}
	}
	if (v != SIZE_MAX) {
		for (size_t k = v; k > close + 1; k--)
			if (speaker_at(x, k - 1, open, q))
				return;
		for (size_t k = v + 1; k <= para_end && k < v + 6; k++) {
			const tok *t = &x->toks[k];
			if (!(t->flags & TK_WORD))
				break;
			if (speaker_at(x, k, open, q))
				return;
		}
	}
	/* Before: `Blinken said, “...”`, `he told Yahoo Finance, adding that, “...”`. */
	size_t s = x->toks[open].sent;
	size_t first = x->spans[s].first;
	v = SIZE_MAX;
	for (size_t k = open; k > first && k + 8 > open; k--) {
		const tok *t = &x->toks[k - 1];
		if (!(t->flags & TK_WORD) && cp_is_dquote(t->cp))
			break;
		if ((t->flags & TK_WORD) && tok_in(x, LIST_SPEECH, x->sents[s].text, t)) {
			v = k - 1;
			break;
		}
	}
	if (v == SIZE_MAX)
		return;
	const char *txt = x->sents[s].text;
	const tok *vt = &x->toks[v];
	if ((tok_is(txt, vt, "adding") || tok_is(txt, vt, "added") || tok_is(txt, vt, "continued")) &&
	    previous && previous->has_speaker && previous->sentence + 1 >= s) {
		q->has_speaker = true;
		q->speaker_kind = previous->speaker_kind;
		q->speaker = previous->speaker;
		return;
	}
	/* The verb's subject: a name whose predicate starts at the verb. */
	for (size_t k = v; k > first; k--) {
		size_t mi = x->tok_mention[k - 1];
		if (mi && x->mentions[mi - 1].predicate_start == vt->start &&
		    x->mentions[mi - 1].sentence == s) {
			speaker_at(x, k - 1, open, q);
			return;
		}
		const tok *t = &x->toks[k - 1];
		if (!(t->flags & TK_WORD) && cp_is_dquote(t->cp))
			break;
	}
	if (v > first && (speaker_at(x, v - 1, v - 1, q)))
		return;
}

static void find_quotes(extraction *x)
{
	const extract_quote *previous = NULL;
	size_t prev_para = SIZE_MAX;
	for (size_t i = 0; i < x->n_qspans; i++) {
		const quote_span *qs = &x->qspans[i];
		if (qs->para != prev_para)
			previous = NULL;
		prev_para = qs->para;
		if (qs->close == SIZE_MAX || qs->close <= qs->open + 1)
			continue;
		const tok *o = &x->toks[qs->open], *c = &x->toks[qs->close];
		const extract_sentence *so = &x->sents[o->sent], *sc = &x->sents[c->sent];
		const char *para = x->para_text[qs->para];
		size_t a = so->para_start + o->end, b = sc->para_start + c->start;
		while (a < b && para[a] == ' ')
			a++;
		while (b > a && (para[b - 1] == ' ' || para[b - 1] == ',' || para[b - 1] == ';'))
			b--;
		if (b <= a)
			continue;
		int words = 0, caps = 0;
		for (size_t k = qs->open + 1; k < qs->close; k++)
			if (x->toks[k].flags & TK_WORD) {
				words++;
				caps += (x->toks[k].flags & TK_CAP) != 0;
			}
		if (words >= 2 && caps * 10 >= words * 6)
			continue;   /* a title, not speech */
		VEC_GROW(x->quotes, x->n_quotes, x->cap_quotes);
		extract_quote *q = &x->quotes[x->n_quotes++];
		memset(q, 0, sizeof *q);
		q->sentence = o->sent;
		q->text = arena_strndup(x->ar, para + a, b - a);
		q->words = words;
		find_speakers(x, qs, previous, q);
		previous = q;
	}
}

/* Words of quoted titles are not searched for names. */
static void mark_titles(extraction *x)
{
	for (size_t i = 0; i < x->n_qspans; i++) {
		const quote_span *qs = &x->qspans[i];
		if (qs->close == SIZE_MAX)
			continue;
		size_t words = 0, caps = 0;
		for (size_t k = qs->open + 1; k < qs->close; k++)
			if (x->toks[k].flags & TK_WORD) {
				words++;
				caps += (x->toks[k].flags & TK_CAP) != 0;
			}
		if (words >= 2 && caps * 10 >= words * 6)
			for (size_t k = qs->open + 1; k < qs->close; k++)
				if (x->toks[k].use == USE_NONE)
					x->toks[k].use = USE_TITLE;
	}
}

/* ------------------------------------------------------------------------
 * Building. */

static void parse_published(extraction *x, const char *published)
{
	if (!published)
		return;
	int y = 0, m = 0, d = 0;
	size_t n = strlen(published);
	for (size_t i = 0; i < n; i++)
		if (!is_ascii_digit(published[i]) && published[i] != '-')
			return;
	if (n >= 4 && sscanf(published, "%4d", &y) == 1) {
		if (n >= 7 && sscanf(published, "%4d-%2d", &y, &m) != 2)
			return;
		if (n >= 10 && sscanf(published, "%4d-%2d-%2d", &y, &m, &d) != 3)
			return;
		if (y < 1 || (m && (m < 1 || m > 12)) || (d && (d < 1 || d > month_days(y, m))))
			return;
		x->has_pub = true;
		x->pub_y = y;
		x->pub_m = m;
		x->pub_d = d;
	}
}

static extraction *build(const char *const *paragraphs, size_t count, const char *published)
{
	extraction *x = xcalloc(1, sizeof *x);
	x->ar = arena_new();
	x->para_text = paragraphs;
	for (int l = 0; l < LIST_COUNT; l++)
		for (size_t i = 0; i < word_lists[l].count; i++)
			map_put(&x->lists[l], x->ar, word_lists[l].words[i], strlen(word_lists[l].words[i]), 0);
	parse_published(x, published);
	for (size_t p = 0; p < count; p++)
		add_paragraph(x, p, paragraphs[p]);
	for (size_t i = 0; i < x->n_toks; i++) {
		const tok *t = &x->toks[i];
		if ((t->flags & TK_WORD) && (t->flags & TK_LOWER)) {
			char w[64];
			size_t n = tok_lower(x->sents[t->sent].text, t, true, w, sizeof w);
			if (n)
				map_put(&x->lower_words, x->ar, w, n, 0);
		}
	}
	mark_titles(x);
	for (size_t s = 0; s < x->n_sents; s++)
		find_dates(x, s);
	for (size_t s = 0; s < x->n_sents; s++)
		find_numbers(x, s);
	for (size_t s = 0; s < x->n_sents; s++)
		find_acronyms(x, s);
	for (size_t s = 0; s < x->n_sents; s++)
		find_runs(x, s);
	count_standalone(x);
	decide_people(x);
	merge_people(x);
	find_mentions(x);
	decide_family_names(x);
	find_quotes(x);
	x->para_text = NULL;
	return x;
}

extraction *extract_texts(const char *const *paragraphs, size_t count, const char *published)
{
	return build(paragraphs, count, published);
}

extraction *extract_article(const article *a)
{
	size_t n = article_paragraph_count(a);
	const char **texts = xmalloc((n + 1) * sizeof *texts);
	for (size_t i = 0; i < n; i++)
		texts[i] = article_paragraph_at(a, i)->text;
	extraction *x = build(texts, n, article_get_meta(a)->published);
	free(texts);
	return x;
}

void extract_free(extraction *x)
{
	if (!x)
		return;
	for (int l = 0; l < LIST_COUNT; l++)
		map_release(&x->lists[l]);
	map_release(&x->lower_words);
	map_release(&x->standalone);
	map_release(&x->after_the);
	map_release(&x->cand_index);
	map_release(&x->org_index);
	free(x->sents);
	free(x->spans);
	free(x->toks);
	free(x->qspans);
	free(x->dates);
	free(x->people);
	free(x->orgs);
	free(x->mentions);
	free(x->mextra);
	free(x->quotes);
	free(x->numbers);
	free(x->cands);
	free(x->tok_mention);
	arena_free(x->ar);
	free(x);
}

const extract_sentence *extract_sentences(const extraction *x, size_t *count)
{
	*count = x->n_sents;
	return x->sents;
}

const extract_date *extract_dates(const extraction *x, size_t *count)
{
	*count = x->n_dates;
	return x->dates;
}

const extract_person *extract_people(const extraction *x, size_t *count)
{
	*count = x->n_people;
	return x->people;
}

const extract_org *extract_orgs(const extraction *x, size_t *count)
{
	*count = x->n_orgs;
	return x->orgs;
}

const extract_mention *extract_mentions(const extraction *x, size_t *count)
{
	*count = x->n_mentions;
	return x->mentions;
}

const extract_quote *extract_quotes(const extraction *x, size_t *count)
{
	*count = x->n_quotes;
	return x->quotes;
}

const extract_number *extract_numbers(const extraction *x, size_t *count)
{
	*count = x->n_numbers;
	return x->numbers;
}

bool extract_published(const extraction *x, int *year, int *month, int *day)
{
	if (!x->has_pub)
		return false;
	*year = x->pub_y;
	*month = x->pub_m;
	*day = x->pub_d;
	return true;
}
