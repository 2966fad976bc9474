/* grade_choice.c - grade choice, order, match and cloze answers, by letter or by text */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "grade_impl.h"
#include "util.h"

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
	return key_token_is(k, i, "and") || key_token_is(k, i, "then");
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

/* How the parts of a list answer are separated: ';', or ',' when there is
 * no ';' and the commas make exactly n parts ("captain, chemist, artist");
 * 0 when neither. */
static char part_separator(const typed_answer *t, size_t n)
{
	if (memchr(t->raw, ';', t->raw_len))
		return ';';
	size_t commas = 1;
	for (size_t i = 0; i < t->raw_len; i++)
		commas += t->raw[i] == ',';
	return commas > 1 && commas == n ? ',' : 0;
}

/* Which option a typed text names, by its text: the index, or -1. Sets
 * *slip when a spelling slip was forgiven. */
static int option_by_text(const grader *g, const qprep *qp, typed_answer *t, bool *slip)
{
	const norm_key *k = &t->w.key;
	span s = span_whole(k), ps = span_whole(typed_plain(t));
	span *pp = &ps;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < qp->n_parts; i++) {
			match m = form_match(g, s, pp, &qp->parts[i], NULL, pass == 1);
			/* A slip is not forgiven when it is as near to another option:
			 * every option is one of the bank's rivals. */
			if (m.kind == MATCH_EXACT || m.kind == MATCH_ACCENTS || m.kind == MATCH_SLIP) {
				*slip = m.kind != MATCH_EXACT;
				return (int)i;
			}
		}
	return -1;
}

/* Which option a part of its text names: "Liberal" for "the Liberal
 * Party", "Ruiz" for "Maria Alvarez Ruiz". The index; -1 when none; -2
 * when it fits more than one, or says only what kind of thing it is
 * ("Party") and more than one option is of that kind. */
static int option_by_fragment(const qprep *qp, typed_answer *t)
{
	const norm_key *k = &t->w.key;
	if (!k->n_tokens || k->n_tokens > 6)
		return -1;
	int found = -1, fits = 0, generic_fits = 0;
	for (size_t i = 0; i < qp->n_parts; i++) {
		if (!qp->parts[i].count)
			continue;
		const norm_key *c = &qp->parts[i].items[0].key;
		if (k->n_tokens >= c->n_tokens)
			continue;
		size_t at;
		bool plural = false;
		if (!name_part_at(c, span_whole(k), &at, &plural))
			continue;
		/* A person's name is picked out by the family name, not "Ben"
		 * for "Ben Westhoff". */
		if (!plural && at + k->n_tokens < c->n_tokens && name_looks_personal(qp->parts[i].items[0].shown))
			continue;
		bool generic = true;
		for (size_t j = 0; j < k->n_tokens && generic; j++)
			generic = name_is_generic(c, at + j);
		if (generic) {
			generic_fits++;
			continue;
		}
		fits++;
		found = (int)i;
	}
	if (fits > 1 || (!fits && generic_fits > 1))
		return -2;
	return fits == 1 ? found : -1;
}

/* Which option the typed text holds whole, with only fillers and words of
 * the question around it: "nodules of manganese" for "manganese nodules",
 * "it means echo". The index, or -1. */
static int option_within(const qprep *qp, typed_answer *t)
{
	const norm_key *k = &t->w.key;
	if (k->n_tokens < 2 || k->n_tokens > 12)
		return -1;
	int found = -1;
	for (size_t i = 0; i < qp->n_parts; i++) {
		if (!qp->parts[i].count)
			continue;
		const norm_key *c = &qp->parts[i].items[0].key;
		bool all = c->n_tokens > 0;
		for (size_t j = 0; j < c->n_tokens && all; j++)
			all = context_has_word(k, c->text + c->tokens[j].start, c->tokens[j].len);
		if (!all)
			continue;
		bool rest_harmless = true;
		for (size_t j = 0; j < k->n_tokens && rest_harmless; j++) {
			const char *w = k->text + k->tokens[j].start;
			size_t n = k->tokens[j].len;
			rest_harmless = context_has_word(c, w, n) || context_is_filler(w, n) ||
			                context_has_word(&qp->prompt, w, n);
		}
		if (!rest_harmless)
			continue;
		if (found >= 0)
			return -1;
		found = (int)i;
	}
	return found;
}

/* Which option holds every word of the typed text, in any order, fillers
 * aside: "cab signals" for "signals shown inside the cab". At least two
 * words, and exactly one option; the index, or -1. */
static int option_by_words(const qprep *qp, typed_answer *t)
{
	const norm_key *k = &t->w.key;
	if (k->n_tokens < 2 || k->n_tokens > 6)
		return -1;
	int found = -1;
	for (size_t i = 0; i < qp->n_parts; i++) {
		if (!qp->parts[i].count)
			continue;
		const norm_key *c = &qp->parts[i].items[0].key;
		size_t words = 0;
		bool all = true;
		for (size_t j = 0; j < k->n_tokens && all; j++) {
			const char *w = k->text + k->tokens[j].start;
			if (is_filler(k, j) || context_is_filler(w, k->tokens[j].len))
				continue;
			all = context_has_word(c, w, k->tokens[j].len);
			words++;
		}
		if (!all || words < 2)
			continue;
		if (found >= 0)
			return -1;
		found = (int)i;
	}
	return found;
}

/* Reads several options named by their text, separated by ';', ',', "and"
 * or '&' ("Ruiz and Qin"). Returns how many were read into picks, or -1. */
static int options_by_texts(const grader *g, const qprep *qp, typed_answer *t, int *picks,
                            size_t max, bool *slip)
{
	/* Make one separator of every kind, in a copy. */
	char small[256];
	char *s = t->raw_len < sizeof small ? small : xmalloc(t->raw_len + 1);
	size_t n = 0;
	for (size_t i = 0; i < t->raw_len; i++) {
		char c = t->raw[i];
		if (c == ',' || c == '&')
			c = ';';
		if ((i == 0 || t->raw[i - 1] == ' ') && i + 4 <= t->raw_len &&
		    (strncasecmp(t->raw + i, "and ", 4) == 0)) {
			s[n++] = ';';
			i += 2;
			continue;
		}
		s[n++] = c;
	}
	s[n] = '\0';
	int count = 0;
	size_t pos = 0;
	const char *part;
	size_t plen;
	typed_answer pt;
	typed_init(&pt);
	if (!memchr(s, ';', n))
		count = -1;
	while (count >= 0 && next_part(s, n, &pos, ';', &part, &plen)) {
		if (!plen)
			continue;
		bool s2 = false;
		int v = -1;
		if (typed_set(&pt, part, plen) && pt.w.key.n_tokens) {
			v = option_by_text(g, qp, &pt, &s2);
			if (v < 0)
				v = option_by_fragment(qp, &pt);
			if (v == -1)
				v = option_by_words(qp, &pt);
		}
		if (v < 0) {
			count = -1;
			break;
		}
		*slip = *slip || s2;
		if ((size_t)count < max)
			picks[count++] = v;
	}
	typed_release(&pt);
	if (s != small)
		free(s);
	return count;
}

void grade_choice(const grader *g, const qprep *qp, typed_answer *t, grade_result *out)
{
	const quiz_question *q = qp->q;
	size_t n = qp->n_parts;
	if (n == 0) {
		grade_set_result(out, GRADE_WRONG, 0, "the question has no choices");
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
			grade_set_result(out, GRADE_AMBIGUOUS, 0, "there is no such choice: the choices are a to %c",
			           (char)('a' + (n > 26 ? 25 : n - 1)));
			return;
		}
		if (n_picks < 0 && multi)
			/* Choices by their text, separated by ';', ',' or "and". */
			n_picks = options_by_texts(g, qp, t, picks, MAX_OPTIONS, &slip);
		if (n_picks < 0) {
			int v = option_by_fragment(qp, t);
			if (v == -2) {
				grade_set_result(out, GRADE_AMBIGUOUS, 0, "that fits more than one choice");
				return;
			}
			if (v == -1)
				v = option_within(qp, t);
			if (v >= 0) {
				picks[0] = v;
				n_picks = 1;
			}
		}
		if (n_picks <= 0) {
			grade_set_result(out, GRADE_WRONG, 0, "not one of the choices");
			return;
		}
	}
	if (!multi) {
		if (n_picks > 1) {
			grade_set_result(out, GRADE_AMBIGUOUS, 0, "choose one answer");
			return;
		}
		size_t right = q->n_correct ? q->correct[0] : 0;
		if ((size_t)picks[0] == right) {
			if (slip)
				grade_set_result(out, GRADE_CLOSE, 1, "Right, but mind the spelling: %s", q->choices.items[right]);
			else
				grade_set_result(out, GRADE_CORRECT, 1, "%s", "");
		} else {
			grade_set_result(out, GRADE_WRONG, 0, "%s", "");
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
	if (wrong && hits + wrong == n) {
		grade_set_result(out, GRADE_WRONG, 0, "Wrong: every choice is picked");
		return;
	}
	if (hits == total && wrong == 0) {
		if (slip)
			grade_set_result(out, GRADE_CLOSE, 1, "Right, but mind the spelling");
		else
			grade_set_result(out, GRADE_CORRECT, 1, "%s", "");
		return;
	}
	double credit = hits > wrong ? (double)(hits - wrong) / (double)total : 0;
	if (credit > 0)
		grade_set_result(out, GRADE_PARTIAL, credit, "%zu of %zu right choices, %zu wrong", hits, total,
		           wrong);
	else
		grade_set_result(out, GRADE_WRONG, 0, "%zu of %zu right choices, %zu wrong", hits, total, wrong);
}

void grade_order(const grader *g, const qprep *qp, typed_answer *t, grade_result *out)
{
	size_t n = qp->n_parts;
	if (n == 0 || n > MAX_OPTIONS) {
		grade_set_result(out, GRADE_WRONG, 0, "the question has no items to order");
		return;
	}
	int seq[MAX_OPTIONS];
	int count;
	char sep = part_separator(t, n);
	if (sep) {
		count = 0;
		size_t pos = 0;
		const char *part;
		size_t plen;
		typed_answer pt;
		typed_init(&pt);
		while (next_part(t->raw, t->raw_len, &pos, sep, &part, &plen)) {
			if (!plen)
				continue;
			bool slip = false;
			int v = -1;
			if (typed_set(&pt, part, plen)) {
				v = option_by_text(g, qp, &pt, &slip);
				if (v < 0 && typed_whole(&pt)->n_tokens == 1)
					v = option_index(typed_whole(&pt), 0, n, true, true);
				if (v < 0)
					v = option_by_fragment(qp, &pt);
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
		grade_set_result(out, GRADE_AMBIGUOUS, 0, "there is no such item: the items are a to %c",
		           (char)('a' + (n > 26 ? 25 : n - 1)));
		return;
	}
	bool seen[MAX_OPTIONS] = {false};
	bool distinct = count >= 0;
	for (int i = 0; distinct && i < count; i++) {
		if (seen[seq[i]])
			distinct = false;
		seen[seq[i]] = true;
	}
	bool perm = distinct && count == (int)n;
	if (distinct && count >= 2 && count < (int)n) {
		/* Items left out: credit for the pairs of all the items that the
		 * ones given put in order, never full credit. */
		size_t pairs = n * (n - 1) / 2, good = 0;
		for (int i = 0; i < count; i++)
			for (int j = i + 1; j < count; j++)
				good += seq[i] < seq[j];
		if (good)
			grade_set_result(out, GRADE_PARTIAL, (double)good / (double)pairs,
			                 "%d of the %zu items, %zu of %zu pairs in order", count, n, good, pairs);
		else
			grade_set_result(out, GRADE_WRONG, 0, "%d of the %zu items, none in order", count, n);
		return;
	}
	if (count < 0 || !perm) {
		grade_set_result(out, GRADE_AMBIGUOUS, 0, "name each of the %zu items once, e.g. \"c a b\"", n);
		return;
	}
	if (n == 1) {
		grade_set_result(out, GRADE_CORRECT, 1, "%s", "");
		return;
	}
	/* Credit: the share of item pairs put in the right relative order. */
	size_t pairs = n * (n - 1) / 2, good = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (seq[i] < seq[j])
				good++;
	if (good == pairs)
		grade_set_result(out, GRADE_CORRECT, 1, "%s", "");
	else if (good)
		grade_set_result(out, GRADE_PARTIAL, (double)good / (double)pairs, "%zu of %zu pairs in order",
		           good, pairs);
	else
		grade_set_result(out, GRADE_WRONG, 0, "the order is reversed");
}

/* True when word w (n bytes, any case) is a whole word of s. */
static bool has_word_ci(const char *s, const char *w, size_t n)
{
	for (const char *p = s; *p; p++) {
		if (p != s && ((p[-1] | 0x20) >= 'a' && (p[-1] | 0x20) <= 'z'))
			continue;
		if (strncasecmp(p, w, n) == 0 && !((p[n] | 0x20) >= 'a' && (p[n] | 0x20) <= 'z') &&
		    !(p[n] >= '0' && p[n] <= '9'))
			return true;
	}
	return false;
}

/* Which left side the words of s name, every word being a word of exactly
 * one left side ("Nares" for George Strong Nares); -1 when none or more. */
static int left_by_words(const quiz_question *q, const char *s, size_t len)
{
	int found = -1;
	for (size_t i = 0; i < q->n_pairs; i++) {
		const char *left = q->pairs[i].left;
		if (!left)
			continue;
		bool all = true, any = false;
		for (size_t p = 0; p < len && all;) {
			while (p < len && s[p] == ' ')
				p++;
			size_t e = p;
			while (e < len && s[e] != ' ')
				e++;
			if (e > p) {
				all = has_word_ci(left, s + p, e - p);
				any = true;
			}
			p = e;
		}
		if (all && any) {
			if (found >= 0)
				return -1;
			found = (int)i;
		}
	}
	return found;
}

/* Reads one part typed as a left side and its right side: "Nares captain",
 * "Hikari = light", "Kodama: echo". Sets *left and *right and returns true,
 * or returns false. */
static bool read_text_pair(const grader *g, const qprep *qp, const char *s, size_t len, int *left,
                           int *right)
{
	typed_answer rt;
	typed_init(&rt);
	bool found = false;
	for (size_t cut = 1; cut < len && !found; cut++) {
		if (s[cut] != ' ' && s[cut] != '=' && s[cut] != ':')
			continue;
		size_t le = cut, rs = cut;
		while (le > 0 && (s[le - 1] == ' ' || s[le - 1] == '=' || s[le - 1] == ':' || s[le - 1] == '-'))
			le--;
		while (rs < len && (s[rs] == ' ' || s[rs] == '=' || s[rs] == ':' || s[rs] == '-'))
			rs++;
		if (!le || rs >= len)
			continue;
		int l = left_by_words(qp->q, s, le);
		if (l < 0 || !typed_set(&rt, s + rs, len - rs) || !rt.w.key.n_tokens)
			continue;
		bool slip;
		int r = option_by_text(g, qp, &rt, &slip);
		if (r < 0)
			r = option_by_fragment(qp, &rt);
		if (r >= 0) {
			*left = l;
			*right = r;
			found = true;
		}
	}
	typed_release(&rt);
	return found;
}

/* Every part typed as a pair of texts: "Hikari light, Kodama echo". Fills
 * chosen (by left side) and returns true, or returns false. */
static bool read_text_pairs(const grader *g, const qprep *qp, typed_answer *t, char sep, int *chosen)
{
	size_t pos = 0, count = 0;
	const char *part;
	size_t plen;
	while (next_part(t->raw, t->raw_len, &pos, sep, &part, &plen)) {
		if (!plen)
			continue;
		int l, r;
		if (!read_text_pair(g, qp, part, plen, &l, &r) || chosen[l] >= 0)
			return false;
		chosen[l] = r;
		count++;
	}
	return count > 0;
}

void grade_match(const grader *g, const qprep *qp, typed_answer *t, grade_result *out)
{
	size_t n = qp->n_parts;
	if (n == 0 || n > MAX_OPTIONS) {
		grade_set_result(out, GRADE_WRONG, 0, "the question has no pairs");
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
	char sep = part_separator(t, n);
	if (numbered && sep != ';') {
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
	} else if (sep && read_text_pairs(g, qp, t, sep, chosen)) {
		/* Each left side with its right side: "Hikari light, Kodama echo". */
	} else if (sep) {
		for (size_t i = 0; i < n; i++)
			chosen[i] = -1;
		/* The right sides in the order of the left, by letter or text. */
		size_t pos = 0, i = 0;
		const char *part;
		size_t plen;
		typed_answer pt;
		typed_init(&pt);
		while (next_part(t->raw, t->raw_len, &pos, sep, &part, &plen) && ok) {
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
				if (v < 0)
					v = option_by_fragment(qp, &pt);
				chosen[i] = v < 0 ? -1 : v;
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
		grade_set_result(out, GRADE_AMBIGUOUS, 0, "the left sides are numbered 1 to %zu", n);
		return;
	}
	if (bad_name == 2) {
		grade_set_result(out, GRADE_AMBIGUOUS, 0, "the right sides are lettered a to %c",
		           (char)('a' + (n > 26 ? 25 : n - 1)));
		return;
	}
	if (bad_name == 3) {
		grade_set_result(out, GRADE_AMBIGUOUS, 0, "a left side is matched twice");
		return;
	}
	if (!ok) {
		grade_set_result(out, GRADE_AMBIGUOUS, 0, "match each left side to a letter, e.g. \"1b 2a\"");
		return;
	}
	size_t right = 0;
	for (size_t i = 0; i < n; i++) {
		int c = chosen[i];
		if (c < 0)
			continue;
		/* Right when the chosen right side reads the same as the paired one. */
		if ((size_t)c == i || (qp->parts[c].count && qp->parts[i].count &&
		                       form_key_same(&qp->parts[c].items[0].key, &qp->parts[i].items[0].key)))
			right++;
	}
	if (right == n)
		grade_set_result(out, GRADE_CORRECT, 1, "%s", "");
	else if (right)
		grade_set_result(out, GRADE_PARTIAL, (double)right / (double)n, "%zu of %zu pairs right", right, n);
	else
		grade_set_result(out, GRADE_WRONG, 0, "no pair right");
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
	if (grade_verdict_accepted(out->verdict))
		return;
	/* "HMS Lightning" for the blank of "HMS {{Lightning}}": the words of
	 * the text around the blank typed with it. */
	const char *s = t->raw;
	size_t len = t->raw_len;
	size_t wl = b->word_before ? strlen(b->word_before) : 0;
	bool cut = false;
	if (wl && len > wl + 1 && strncasecmp(s, b->word_before, wl) == 0 && s[wl] == ' ') {
		s += wl + 1;
		len -= wl + 1;
		cut = true;
	}
	wl = b->word_after ? strlen(b->word_after) : 0;
	if (wl && len > wl + 1 && strncasecmp(s + len - wl, b->word_after, wl) == 0 &&
	    s[len - wl - 1] == ' ') {
		len -= wl + 1;
		cut = true;
	}
	if (!cut)
		return;
	typed_answer inner;
	typed_init(&inner);
	if (typed_set(&inner, s, len) && inner.w.key.n_tokens) {
		blank_prep bare = *b;
		bare.word_before = bare.word_after = NULL;
		grade_result r;
		grade_blank(g, &bare, &inner, &r);
		if (grade_verdict_accepted(r.verdict)) {
			*out = r;
			if (!out->note[0])
				grade_set_result(out, r.verdict, r.credit,
				                 "Right: the other words are the sentence's own");
		}
	}
	typed_release(&inner);
}

void grade_cloze(const grader *g, const qprep *qp, typed_answer *t, grade_result *out)
{
	size_t n = qp->n_blanks;
	if (n == 0) {
		grade_set_result(out, GRADE_WRONG, 0, "the question has no blanks");
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
	size_t parts = 1, commas = 1;
	for (size_t i = 0; i < used; i++) {
		parts += t->raw[i] == ';';
		commas += t->raw[i] == ',';
	}
	/* "Geneva, 1998": commas part the blanks when there is no ';' and the
	 * count is right. */
	char sep = ';';
	if (parts == 1 && commas == n) {
		sep = ',';
		parts = commas;
	}
	if (parts == 1 && sep == ';' && t->raw_len < 256) {
		/* "Okayama and Hakata", or one word a blank: "lightning porcupine". */
		typed_answer words;
		typed_init(&words);
		char split[256];
		size_t sl = 0, ands = 1, spaces = 1;
		for (size_t i = 0; i < t->raw_len; i++) {
			if (i + 5 <= t->raw_len && t->raw[i] == ' ' && strncasecmp(t->raw + i, " and ", 5) == 0)
				ands++;
			spaces += t->raw[i] == ' ';
		}
		if (ands == n || spaces == n) {
			for (size_t i = 0; i < t->raw_len; i++) {
				if (ands == n && i + 5 <= t->raw_len && strncasecmp(t->raw + i, " and ", 5) == 0) {
					split[sl++] = ';';
					i += 4;
				} else {
					split[sl++] = ands != n && t->raw[i] == ' ' ? ';' : t->raw[i];
				}
			}
			split[sl] = '\0';
			if (typed_set(&words, split, sl)) {
				grade_result r;
				grade_cloze(g, qp, &words, &r);
				if (grade_verdict_accepted(r.verdict) || r.verdict == GRADE_PARTIAL) {
					*out = r;
					typed_release(&words);
					return;
				}
			}
		}
		typed_release(&words);
	}
	if (parts > n) {
		grade_set_result(out, GRADE_AMBIGUOUS, 0, "%zu blanks but %zu answers: separate them with ';'",
		           n, parts);
		return;
	}
	size_t pos = 0, right = 0, close = 0, empty = 0;
	typed_answer pt;
	typed_init(&pt);
	for (size_t i = 0; i < n; i++) {
		const char *part = "";
		size_t plen = 0;
		if (!next_part(t->raw, t->raw_len, &pos, sep, &part, &plen))
			plen = 0;
		grade_result r;
		if (!plen || !typed_set(&pt, part, plen) || pt.w.key.n_tokens == 0) {
			empty++;
			continue;
		}
		grade_blank(g, &qp->blanks[i], &pt, &r);
		if (r.verdict == GRADE_AMBIGUOUS) {
			grade_set_result(out, GRADE_AMBIGUOUS, 0, "blank %zu: %s", i + 1, r.note);
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
			grade_set_result(out, GRADE_CLOSE, 1, "every blank right, %zu with a slip forgiven", close);
		else
			grade_set_result(out, GRADE_CORRECT, 1, "%s", "");
	} else if (right) {
		grade_set_result(out, GRADE_PARTIAL, (double)right / (double)n, "%zu of %zu blanks right", right, n);
	} else if (empty == n) {
		grade_set_result(out, GRADE_SKIPPED, 0, "no answer");
	} else {
		grade_set_result(out, GRADE_WRONG, 0, "no blank right");
	}
}
