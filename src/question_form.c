/* question_form.c - make a question of a statement: the asked phrase moved out, the clause inverted */
#include "question_form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* Irregular verbs: the simple past, then the base form. A past tense equal
 * to its base (cut, put, set) is left out: it cannot be told from a
 * present. */
static const char *const irregular[][2] = {
	{"arose", "arise"}, {"ate", "eat"}, {"awoke", "awake"}, {"became", "become"},
	{"befell", "befall"}, {"began", "begin"}, {"beheld", "behold"}, {"bent", "bend"},
	{"bit", "bite"}, {"bled", "bleed"}, {"blew", "blow"}, {"bore", "bear"}, {"bought", "buy"},
	{"bound", "bind"}, {"bred", "breed"}, {"broke", "break"}, {"brought", "bring"},
	{"built", "build"}, {"burnt", "burn"}, {"caught", "catch"}, {"chose", "choose"},
	{"clung", "cling"}, {"came", "come"}, {"crept", "creep"}, {"dealt", "deal"}, {"did", "do"},
	{"drew", "draw"}, {"drank", "drink"}, {"drove", "drive"}, {"dug", "dig"}, {"fed", "feed"},
	{"fell", "fall"}, {"felt", "feel"}, {"fought", "fight"}, {"found", "find"}, {"fled", "flee"},
	{"flew", "fly"}, {"forbade", "forbid"}, {"foresaw", "foresee"}, {"forgot", "forget"},
	{"forgave", "forgive"}, {"froze", "freeze"}, {"gave", "give"}, {"got", "get"},
	{"went", "go"}, {"grew", "grow"}, {"hung", "hang"}, {"heard", "hear"}, {"hid", "hide"},
	{"held", "hold"}, {"kept", "keep"}, {"knelt", "kneel"}, {"knew", "know"}, {"laid", "lay"},
	{"led", "lead"}, {"left", "leave"}, {"lent", "lend"}, {"lost", "lose"}, {"made", "make"},
	{"meant", "mean"}, {"met", "meet"}, {"mistook", "mistake"}, {"overcame", "overcome"},
	{"oversaw", "oversee"}, {"overthrew", "overthrow"}, {"overtook", "overtake"},
	{"paid", "pay"}, {"rebuilt", "rebuild"}, {"retook", "retake"}, {"rode", "ride"},
	{"rang", "ring"}, {"rose", "rise"}, {"ran", "run"}, {"said", "say"}, {"saw", "see"},
	{"sought", "seek"}, {"sold", "sell"}, {"sent", "send"}, {"shook", "shake"},
	{"shone", "shine"}, {"shot", "shoot"}, {"sang", "sing"}, {"sank", "sink"}, {"sat", "sit"},
	{"slept", "sleep"}, {"slew", "slay"}, {"slid", "slide"}, {"spoke", "speak"},
	{"sped", "speed"}, {"spent", "spend"}, {"spun", "spin"}, {"sprang", "spring"},
	{"stood", "stand"}, {"stole", "steal"}, {"stuck", "stick"}, {"struck", "strike"},
	{"strode", "stride"}, {"strove", "strive"}, {"swore", "swear"}, {"swept", "sweep"},
	{"swam", "swim"}, {"swung", "swing"}, {"took", "take"}, {"taught", "teach"},
	{"tore", "tear"}, {"told", "tell"}, {"thought", "think"}, {"threw", "throw"},
	{"trod", "tread"}, {"understood", "understand"}, {"undertook", "undertake"},
	{"upheld", "uphold"}, {"withdrew", "withdraw"}, {"withheld", "withhold"},
	{"withstood", "withstand"}, {"woke", "wake"}, {"wore", "wear"}, {"won", "win"},
	{"wove", "weave"}, {"wept", "weep"}, {"wrote", "write"}, {"lit", "light"},
	{"died", "die"}, {"lied", "lie"}, {"tied", "tie"}, {"fled", "flee"},
};

/* Regular verbs the rules below would get wrong. */
static const char *const regular_exceptions[][2] = {
	{"added", "add"}, {"recalled", "recall"}, {"installed", "install"},
	{"enrolled", "enroll"}, {"fulfilled", "fulfil"}, {"focused", "focus"},
	{"biased", "bias"}, {"sponsored", "sponsor"}, {"censored", "censor"},
	{"mirrored", "mirror"}, {"monitored", "monitor"}, {"anchored", "anchor"},
	{"authored", "author"}, {"invited", "invite"}, {"cited", "cite"},
	{"united", "unite"}, {"excited", "excite"}, {"completed", "complete"},
	{"deleted", "delete"}, {"competed", "compete"}, {"depleted", "deplete"},
	{"debuted", "debut"}, {"premiered", "premiere"}, {"targeted", "target"}, {"budgeted", "budget"}, {"recited", "recite"}, {"ignited", "ignite"},
	{"incited", "incite"}, {"created", "create"}, {"voted", "vote"}, {"devoted", "devote"},
	{"promoted", "promote"}, {"noted", "note"}, {"quoted", "quote"}, {"zoned", "zone"},
	{"phoned", "phone"}, {"cloned", "clone"}, {"toned", "tone"}, {"stoned", "stone"},
	{"dethroned", "dethrone"}, {"atoned", "atone"}, {"tuned", "tune"}, {"pruned", "prune"},
	{"wasted", "waste"}, {"tasted", "taste"}, {"pasted", "paste"},
	};

/* Words ending in -ed that are no verbs. */
static const char *const not_verbs[] = {
	"bed", "red", "fed", "led", "wed", "shed", "sled", "shred", "need", "seed", "feed",
	"speed", "breed", "creed", "greed", "weed", "steed", "deed", "heed", "reed", "hundred",
	"kindred", "sacred", "naked", "wicked", "rugged", "ragged", "jagged", "crooked",
	"beloved", "learned", "aged", "skilled", "talented", "indeed", "embed", "unrelated",
	"unnamed", "unprecedented", "unexpected", "advanced", "limited", "detailed", "armed",
	"called", "named", "so-called",
};

/* Auxiliaries that move before the subject as they are. */
static const char *const movable_aux[] = {
	"was", "were", "had", "could", "would", "might", "should", "did",
};

/* Auxiliaries of present and perfect tenses. */
static const char *const present_aux[] = {
	"is", "are", "has", "have", "will", "can", "does", "do", "am", "may", "must", "shall",
};

/* Adverbs of time that clash with a question asking when. */
static const char *const time_adverbs[] = {
	"soon", "then", "later", "eventually", "subsequently", "finally", "afterwards",
	"immediately", "once", "now",
};

/* Words that can open a subject and are written in lower case inside a
 * question. */
static const char *const determiners[] = {
	"the", "a", "an", "this", "these", "those", "some", "many", "most", "all", "each",
	"both", "several", "every", "no", "one", "two", "three", "its", "their", "his", "her",
	"our", "other", "another", "such", "few", "more", "much",
};

/* Pronouns: a subject that is one must be resolved before. */
static const char *const pronoun_subjects[] = {
	"he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there",
	"his", "her", "its", "their", "our", "my", "your", "such", "them", "him",
};

/* Words that begin a clause of their own inside a subject. */
static const char *const clause_openers[] = {
	"who", "whom", "whose", "which", "that", "where", "when", "while", "because", "if",
	"although", "though", "since", "after", "before", "until", "whereas", "as",
};

/* Past tenses equal to their base: in a subject they show a clause. */
static const char *const same_past[] = {
	"set", "put", "cut", "hit", "let", "spread", "cast", "beat", "hurt", "quit", "split",
	"burst", "shut", "bid", "cost", "upset", "thrust",
};

/* Finite present forms that cannot follow a past main verb in one clause. */
static const char *const present_finite[] = {
	"is", "are", "include", "includes", "remain", "remains", "has", "have",
};

/* Words after which a past form is an adjective or a participle ("of
 * controlled substances", "the now ousted minister", "had been"). */
static const char *const function_before[] = {
	"the", "a", "an", "of", "in", "on", "at", "by", "for", "with", "from", "to", "into", "as",
	"now", "once", "its", "their", "his", "her", "our", "and", "or", "it", "he", "she", "they",
	"we", "had", "has", "have", "was", "were", "be", "been", "being", "is", "are", "not",
	"also", "later", "then", "than", "most", "more", "very", "well", "so", "newly", "this",
	"that", "these", "those", "some", "all", "any", "each", "every", "no", "first", "last",
};

/* Modal verbs: after a noun they show a clause of their own. */
static const char *const modals[] = {
	"can", "could", "will", "would", "may", "might", "must", "should", "shall",
};

/* Words that open a clause of its own after the verb. */
static const char *const subordinators[] = {
	"that", "which", "who", "whom", "whose", "when", "where", "because", "after", "before",
	"while", "if", "as", "whether", "until", "since", "so", "though", "although", "unless",
};

static const char *const speech_verbs[] = {
	"reported", "said", "says", "reports", "wrote", "writes", "announced", "noted",
	"added", "stated", "claimed", "claims", "told", "confirmed", "revealed", "explained",
	"argued", "insisted", "observed", "recalled", "tweeted",
};

#define IN(list, w) in_list(list, sizeof list / sizeof list[0], w)

static bool in_list(const char *const *list, size_t n, const char *w)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], w) == 0)
			return true;
	return false;
}

static bool is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static bool is_lower_word(const char *w)
{
	if (!*w)
		return false;
	for (const char *p = w; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || *p == '-'))
			return false;
	return true;
}

static int vowel_groups(const char *s, size_t n)
{
	int groups = 0;
	for (size_t i = 0; i < n; i++)
		if ((is_vowel(s[i]) || (s[i] == 'y' && i > 0)) && (i == 0 || !is_vowel(s[i - 1])))
			groups++;
	return groups;
}

/* Whether a regular stem lost a final "e" to "-ed". */
static bool stem_wants_e(const char *st, size_t n)
{
	if (n < 2)
		return false;
	char last = st[n - 1], prev = st[n - 2];
	char pprev = n >= 3 ? st[n - 3] : ' ';
	bool prev_single_vowel = is_vowel(prev) && !is_vowel(pprev);
	int groups = vowel_groups(st, n);
	switch (last) {
	case 'u':
		return true;                      /* argued, continued */
	case 'v':
	case 'c':
		return true;                      /* moved, produced */
	case 'z':
		return prev != 'z';               /* organized, seized */
	case 's':
		return prev != 's';               /* caused, released, collapsed */
	case 'g':
		return is_vowel(prev) || prev == 'r' || prev == 'd' ||
		       (prev == 'n' && (pprev == 'a' || pprev == 'e'));   /* engaged, merged, changed */
	case 't':
		if (prev == 'a')                  /* located, negotiated; not defeated, floated */
			return !is_vowel(pprev) || pprev == 'i' || pprev == 'u';
		if (prev == 'u')                  /* executed; not shouted */
			return !is_vowel(pprev);
		return false;
	case 'r':
		if (prev == 'i')
			return true;                  /* acquired */
		if (prev == 'u')
			return pprev != 'o';          /* measured; not poured */
		if (prev == 'a')
			return !is_vowel(pprev);      /* declared; not appeared */
		if (prev == 'o')                  /* explored, restored; not honored */
			return n >= 4 && !is_vowel(pprev) && !is_vowel(st[n - 4]);
		return false;
	case 'l':
		if (!is_vowel(prev))
			return prev != 'l' && prev != 'r' && prev != 'w';   /* settled, handled */
		if (prev == 'i' || prev == 'u')
			return !is_vowel(pprev);      /* compiled, ruled; not failed */
		if (prev == 'a')
			return !is_vowel(pprev) && n <= 5;   /* scaled, inhaled; not signaled */
		return false;
	case 'k':
		return prev_single_vowel && prev != 'e';   /* invoked, baked, liked */
	case 'd':
		return prev_single_vowel;         /* decided, included, traded, ceded */
	case 'n':
		return prev == 'i' && !is_vowel(pprev);   /* combined, examined; not gained */
	case 'm':
	case 'p':
	case 'b':
		return prev_single_vowel && groups <= 2;   /* assumed, escaped, described */
	default:
		return false;
	}
}

char *qform_base_of_past(const char *word)
{
	size_t n = strlen(word);
	if (n < 3 || !is_lower_word(word))
		return NULL;
	for (size_t i = 0; i < sizeof irregular / sizeof irregular[0]; i++)
		if (strcmp(irregular[i][0], word) == 0)
			return xstrdup(irregular[i][1]);
	for (size_t i = 0; i < sizeof regular_exceptions / sizeof regular_exceptions[0]; i++)
		if (strcmp(regular_exceptions[i][0], word) == 0)
			return xstrdup(regular_exceptions[i][1]);
	if (n < 4 || strcmp(word + n - 2, "ed") != 0 || IN(not_verbs, word) || strchr(word, '-'))
		return NULL;
	if (n >= 5 && strcmp(word + n - 3, "ied") == 0) {
		char *b = xmalloc(n);
		memcpy(b, word, n - 3);
		strcpy(b + n - 3, "y");
		return b;
	}
	if (strcmp(word + n - 3, "eed") == 0)
		return xstrndup(word, n - 1);      /* agreed, freed */
	size_t sn = n - 2;
	const char *st = word;
	char a = st[sn - 1], b = st[sn - 2];
	if (a == b && !is_vowel(a) && a != 's' && a != 'z' && a != 'f' && sn >= 4) {
		/* Doubled: stopped, admitted; of "ll" only after two syllables
		 * (controlled, travelled), not called or killed. */
		if (a != 'l' || vowel_groups(st, sn) >= 2)
			return xstrndup(word, sn - 1);
		return xstrndup(word, sn);
	}
	if (stem_wants_e(st, sn)) {
		char *r = xmalloc(sn + 2);
		memcpy(r, st, sn);
		r[sn] = 'e';
		r[sn + 1] = '\0';
		return r;
	}
	return xstrndup(word, sn);
}

/* The base form of a verb in the simple present, third person ("absorbs"). */
static char *base_of_present(const char *word)
{
	size_t n = strlen(word);
	if (n < 4 || !is_lower_word(word) || word[n - 1] != 's' || word[n - 2] == 's' ||
	    word[n - 2] == 'u' || word[n - 2] == 'i')
		return NULL;
	if (strcmp(word + n - 3, "ies") == 0) {
		char *b = xmalloc(n);
		memcpy(b, word, n - 3);
		strcpy(b + n - 3, "y");
		return b;
	}
	if (n >= 5 && strcmp(word + n - 2, "es") == 0 &&
	    (strchr("xzo", word[n - 3]) || strncmp(word + n - 4, "ch", 2) == 0 ||
	     strncmp(word + n - 4, "sh", 2) == 0 || strncmp(word + n - 4, "ss", 2) == 0))
		return xstrndup(word, n - 2);
	return xstrndup(word, n - 1);
}

typedef struct {
	char **w;      /* the words as written, punctuation attached */
	char **core;   /* lower case, without punctuation around */
	size_t n;
} words;

static void words_split(const char *s, words *out)
{
	out->w = NULL;
	out->core = NULL;
	out->n = 0;
	size_t cap = 0;
	for (const char *p = s; *p;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		const char *e = p;
		while (*e && *e != ' ')
			e++;
		if (out->n == cap) {
			cap = cap ? cap * 2 : 32;
			out->w = xrealloc(out->w, cap * sizeof *out->w);
			out->core = xrealloc(out->core, cap * sizeof *out->core);
		}
		out->w[out->n] = xstrndup(p, (size_t)(e - p));
		const char *a = p, *b = e;
		while (a < b && strchr("\"'([", *a))
			a++;
		while (b > a && strchr(".,;:)]\"'", b[-1]))
			b--;
		char *c = xstrndup(a, (size_t)(b - a));
		for (char *q = c; *q; q++)
			if (*q >= 'A' && *q <= 'Z')
				*q = (char)(*q - 'A' + 'a');
		out->core[out->n] = c;
		out->n++;
		p = e;
	}
}

static void words_free(words *ws)
{
	for (size_t i = 0; i < ws->n; i++) {
		free(ws->w[i]);
		free(ws->core[i]);
	}
	free(ws->w);
	free(ws->core);
}

static bool ends_with_comma(const char *w)
{
	size_t n = strlen(w);
	return n && w[n - 1] == ',';
}

static bool capitalised(const char *w)
{
	while (*w == '"' || *w == '(')
		w++;
	return (*w >= 'A' && *w <= 'Z') || (unsigned char)*w >= 0xC0;
}

static bool is_adverb(const char *w)
{
	static const char *const adverbs[] = {
		"already", "not", "never", "also", "just", "long", "once", "first", "still", "even",
		"recently", "previously", "twice",
	};
	size_t n = strlen(w);
	return IN(adverbs, w) || (n > 4 && strcmp(w + n - 2, "ly") == 0);
}

/* Whether word i can be the clause's main verb; *aux and *base get what the
 * question is made of. */
static bool verb_at(const words *ws, size_t i, bool present, const char **aux, char **base)
{
	const char *c = ws->core[i];
	*base = NULL;
	*aux = NULL;
	if (capitalised(ws->w[i]))
		return false;
	if (IN(movable_aux, c)) {
		/* "had a son" is "did ... have a son"; "had ended" keeps "had". */
		size_t k = i + 1;
		while (k + 1 < ws->n && is_adverb(ws->core[k]))
			k++;
		if (strcmp(c, "had") == 0 && k < ws->n) {
			char *next = qform_base_of_past(ws->core[k]);
			bool participle = next != NULL || strcmp(ws->core[k], "been") == 0;
			free(next);
			if (!participle) {
				*aux = "did";
				*base = xstrdup("have");
				return true;
			}
		}
		*aux = ws->w[i];
		return true;
	}
	if (IN(present_aux, c)) {
		if (!present)
			return false;
		*aux = ws->w[i];
		return true;
	}
	char *b = qform_base_of_past(c);
	if (b) {
		/* "Images made from the satellite showed": a participle after its
		 * noun, not the verb of the clause. */
		if (i + 1 < ws->n && (strcmp(ws->core[i + 1], "by") == 0 || strcmp(ws->core[i + 1], "from") == 0)) {
			free(b);
			return false;
		}
		*aux = "did";
		*base = b;
		return true;
	}
	if (present && (b = base_of_present(c)) != NULL) {
		*aux = "does";
		*base = b;
		return true;
	}
	return false;
}

char *qform_ask(const char *statement, const char *wh, bool present)
{
	size_t len = strlen(statement);
	while (len && (statement[len - 1] == ' ' || statement[len - 1] == '.'))
		len--;
	if (len == 0)
		return NULL;
	char *s = xstrndup(statement, len);
	/* Dashes set off a clause the rules cannot place (" – a game show"). */
	if (strpbrk(s, "?!;\"") || strstr(s, "\xE2\x80\x9C") || strstr(s, "\xE2\x80\x9D") ||
	    strstr(s, "\xE2\x80\x94") || strstr(s, " \xE2\x80\x93 ") || strstr(s, " - ") || s[len - 1] == ',') {
		free(s);
		return NULL;
	}
	words ws;
	words_split(s, &ws);
	free(s);
	char *out = NULL;
	char *base = NULL;
	bool *dropped = NULL;
	/* "During the war Curie trained": an opening phrase with no comma. */
	static const char *const prepositions[] = {
		"in", "on", "at", "during", "by", "for", "with", "from", "under", "throughout",
		"following", "despite", "among", "between", "through", "across", "within", "without",
		"over", "about", "around", "against", "into", "of", "to", "upon", "beyond", "near",
	};
	if (ws.n < 3 || IN(pronoun_subjects, ws.core[0]) || IN(clause_openers, ws.core[0]) ||
	    IN(prepositions, ws.core[0]))
		goto done;
	/* The subject: up to the first verb, with at most one apposition
	 * between commas ("Yi, now fighting alongside ..., attacked"). */
	size_t v = 0;
	const char *aux = NULL;
	size_t appo_start = 0, appo_end = 0;
	for (size_t i = 1; i < ws.n && i <= 16; i++) {
		if (IN(clause_openers, ws.core[i]) && !(ends_with_comma(ws.w[i - 1]) && i != appo_end))
			goto done;
		if (ends_with_comma(ws.w[i - 1]) && i != appo_end) {
			if (appo_start)
				goto done;
			size_t j = i;
			while (j < ws.n && !ends_with_comma(ws.w[j]))
				j++;
			if (j + 1 >= ws.n || j - i > 12)
				goto done;
			appo_start = i;
			appo_end = j + 1;
			i = j;
			continue;
		}
		if (verb_at(&ws, i, present, &aux, &base)) {
			v = i;
			break;
		}
		if (appo_start)
			goto done;   /* the apposition must be followed by the verb */
	}
	if (!v)
		goto done;
	/* The subject holds no verb of its own ("the European Council set up
	 * a body tasked with"): the verb found is then not the clause's. */
	size_t subject_words = 0;
	for (size_t i = 0; i < v; i++) {
		if (appo_start && i >= appo_start && i < appo_end)
			continue;
		/* A long subject is more often a misread clause than a subject. */
		if (++subject_words > 10)
			goto done;
		char *b = qform_base_of_past(ws.core[i]);
		bool verbish = (b && !capitalised(ws.w[i])) || IN(same_past, ws.core[i]) ||
		               IN(present_finite, ws.core[i]) || IN(movable_aux, ws.core[i]) ||
		               (i > 0 && IN(present_aux, ws.core[i]));
		free(b);
		if (verbish)
			goto done;
	}
	/* Nor does the rest hold a second finite verb after a noun ("71% of
	 * its imported oil came", "the theater was built and is"): then the
	 * verb found was a participle, or two clauses are mixed. */
	bool subordinate = false;
	for (size_t i = v + 1; i < ws.n; i++) {
		if (IN(subordinators, ws.core[i]))
			subordinate = true;
		if (subordinate)
			break;
		char *b = qform_base_of_past(ws.core[i]);
		bool finite = (b != NULL && !capitalised(ws.w[i])) || IN(present_finite, ws.core[i]) ||
		              IN(modals, ws.core[i]) || strcmp(ws.core[i], "was") == 0 ||
		              strcmp(ws.core[i], "were") == 0;
		/* "... in local elections and it was going to win": a clause of
		 * its own after "and". */
		if (strcmp(ws.core[i - 1], "and") == 0 && IN(pronoun_subjects, ws.core[i]) &&
		    strcmp(ws.core[i], "his") != 0 && strcmp(ws.core[i], "her") != 0 && strcmp(ws.core[i], "its") != 0 &&
		    strcmp(ws.core[i], "their") != 0 && strcmp(ws.core[i], "them") != 0 && strcmp(ws.core[i], "him") != 0)
			goto done;
		free(b);
		const char *before = ws.core[i - 1];
		size_t bl = strlen(before);
		bool after_function = IN(function_before, before) || is_adverb(before) ||
		                      (bl > 3 && strcmp(before + bl - 2, "ly") == 0);
		bool now_form = IN(present_finite, ws.core[i]);
		/* "was built and is", "died and was replaced", "was established
		 * and continued": two clauses of different kinds. */
		if (strcmp(before, "and") == 0 &&
		    (now_form || strcmp(ws.core[i], "was") == 0 || strcmp(ws.core[i], "were") == 0 || (finite && !base)))
			goto done;
		if (now_form && (i - 1 == v || !after_function))
			goto done;
		if (finite && !after_function && i - 1 != v)
			goto done;
		if (ends_with_comma(ws.w[i]))
			break;
	}
	/* A second clause after the verb ("..., and the commanders began")
	 * would be asked about too. */
	for (size_t i = v; i + 1 < ws.n; i++)
		if (ends_with_comma(ws.w[i]) && (strcmp(ws.core[i + 1], "and") == 0 || strcmp(ws.core[i + 1], "but") == 0 ||
		                                 strcmp(ws.core[i + 1], "while") == 0 || strcmp(ws.core[i + 1], "so") == 0 ||
		                                 strcmp(ws.core[i + 1], "whereas") == 0))
			goto done;
	/* A time adverb before the verb clashes with "when". */
	size_t subject_end = v;
	bool drop_adverb = subject_end > 1 && IN(time_adverbs, ws.core[subject_end - 1]);
	if (drop_adverb)
		subject_end--;
	buf q;
	buf_init(&q);
	buf_puts(&q, wh);
	buf_putc(&q, ' ');
	buf_puts(&q, aux);
	for (size_t i = 0; i < subject_end; i++) {
		buf_putc(&q, ' ');
		if (i == 0 && IN(determiners, ws.core[0])) {
			char first = ws.w[0][0];
			buf_putc(&q, first >= 'A' && first <= 'Z' ? (char)(first - 'A' + 'a') : first);
			buf_puts(&q, ws.w[0] + 1);
		} else {
			buf_puts(&q, ws.w[i]);
		}
	}
	if (base) {
		buf_putc(&q, ' ');
		buf_puts(&q, base);
		/* The verb's own trailing comma stays. */
		size_t wl = strlen(ws.w[v]);
		if (wl && ws.w[v][wl - 1] == ',')
			buf_putc(&q, ',');
	}
	/* A relative clause set off by commas (", which form only in extreme
	 * cold,", ", where Gang insisted ...") adds nothing the question needs:
	 * it goes, up to its closing comma or the end. */
	static const char *const relatives[] = {"which", "who", "whom", "whose", "where", "when"};
	dropped = xcalloc(ws.n + 1, sizeof(bool));
	for (size_t i = v + 1; i < ws.n; i++) {
		/* "Who Wants to Be a Millionaire" is a title, not a clause. */
		if (!ends_with_comma(ws.w[i - 1]) || !IN(relatives, ws.core[i]) || capitalised(ws.w[i]))
			continue;
		size_t j = i;
		while (j < ws.n && !ends_with_comma(ws.w[j]))
			j++;
		/* Closed by a comma, the clause must be followed by the verb it
		 * interrupted ("clouds, which form in the cold, turn"); before
		 * an apposition or a name ("…, which was led by Allen Shaw, a
		 * former manager") its end is not known, and it stays. */
		if (j + 1 < ws.n && (IN(determiners, ws.core[j + 1]) || capitalised(ws.w[j + 1])))
			continue;
		for (size_t k = i; k <= j && k < ws.n; k++)
			dropped[k] = true;
		/* The comma before it goes with it. */
		ws.w[i - 1][strlen(ws.w[i - 1]) - 1] = '\0';
		i = j;
	}
	/* A second verb of the same subject takes the base form too: "moved
	 * to Paris and enrolled" -> "move to Paris and enroll". Only up to the
	 * first comma: after it the words belong to another clause. */
	bool same_clause = true;
	for (size_t i = v + 1; i < ws.n; i++) {
		if (dropped[i])
			continue;
		buf_putc(&q, ' ');
		char *coordinated = NULL;
		if (base && same_clause && strcmp(ws.core[i - 1], "and") == 0 && strcmp(ws.w[i - 1], "and") == 0)
			coordinated = qform_base_of_past(ws.core[i]);
		if (coordinated) {
			buf_puts(&q, coordinated);
			size_t wl = strlen(ws.w[i]);
			if (wl && strchr(",.", ws.w[i][wl - 1]))
				buf_putc(&q, ws.w[i][wl - 1]);
			free(coordinated);
		} else {
			buf_puts(&q, ws.w[i]);
		}
		if (ends_with_comma(ws.w[i]))
			same_clause = false;
	}
	while (q.len && strchr(" ,.:", q.ptr[q.len - 1]))
		buf_truncate(&q, q.len - 1);
	buf_putc(&q, '?');
	out = xstrndup(q.ptr, q.len);
	buf_release(&q);
done:
	free(dropped);
	free(base);
	words_free(&ws);
	return out;
}

bool qform_attribution(const char *s, size_t *start, size_t *end, size_t *who_start, size_t *who_end)
{
	size_t n = strlen(s);
	/* Opening: "According to the NY Post, ". */
	if (strncasecmp(s, "according to ", 13) == 0) {
		const char *comma = strchr(s + 13, ',');
		if (comma && comma - s < 80 && !memchr(s, '"', (size_t)(comma - s))) {
			*start = 0;
			*end = (size_t)(comma - s) + 1;
			while (s[*end] == ' ')
				(*end)++;
			*who_start = 13;
			*who_end = (size_t)(comma - s);
			return true;
		}
	}
	/* Closing: ", the Wall Street Journal (WSJ) reported." */
	size_t e = n;
	while (e && (s[e - 1] == ' ' || s[e - 1] == '.'))
		e--;
	size_t c = e;
	while (c && s[c - 1] != ',')
		c--;
	if (!c)
		return false;
	size_t tail = c;
	while (tail < e && s[tail] == ' ')
		tail++;
	size_t verb = e;
	while (verb > tail && s[verb - 1] != ' ')
		verb--;
	if (verb <= tail + 1)
		return false;
	char word[16];
	size_t wl = e - verb;
	if (wl >= sizeof word)
		return false;
	memcpy(word, s + verb, wl);
	word[wl] = '\0';
	if (!IN(speech_verbs, word))
		return false;
	/* The source: a few words, a name or "the ..." */
	int count = 0;
	for (size_t i = tail; i < verb; i++)
		count += s[i] == ' ';
	if (count > 8 || !(capitalised(s + tail) || strncmp(s + tail, "the ", 4) == 0))
		return false;
	if (memchr(s + tail, '"', verb - tail) || strstr(s + c, "\xE2\x80\x9D"))
		return false;
	*start = c - 1;
	*end = e;
	*who_start = tail;
	*who_end = verb - 1;
	return true;
}
