/* session.c - one sitting of a quiz: which questions, in what order, graded how, scored */
#include "session.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct session {
	const quiz *quiz;
	const grader *grader;
	session_options opt;
	const quiz_question **questions;   /* the planned questions, in asking order */
	size_t count;
	size_t position;
	size_t planned_asked;              /* count, or fewer once stopped */
	bool stopped;
	size_t *options;                   /* shown option -> bank option, current question */
	size_t n_options;
	session_help help;                 /* of the current question */
	session_response **responses;      /* final answers, in order */
	size_t n_responses, cap_responses;
	session_response *ambiguous;       /* the last ambiguous answer, not counted */
	uint64_t random;
};

uint64_t session_random(uint64_t *state)
{
	/* splitmix64: tiny, and the same everywhere for the same seed. */
	uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static void shuffle(size_t *items, size_t n, uint64_t *state)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)(session_random(state) % i);
		size_t t = items[i - 1];
		items[i - 1] = items[j];
		items[j] = t;
	}
}

static bool has_tag(const quiz_question *q, const char *tag)
{
	for (size_t i = 0; i < q->tags.count; i++)
		if (strcmp(q->tags.items[i], tag) == 0)
			return true;
	return false;
}

static size_t option_count_of(const quiz_question *q)
{
	switch (q->kind) {
	case QUIZ_CHOICE:
		return q->choices.count;
	case QUIZ_ORDER:
		return q->items.count;
	case QUIZ_MATCH:
		return q->n_pairs;
	default:
		return 0;
	}
}

/* Options are shuffled afresh for each question, from the session's seed and
 * the question's place, so that going back to a seed shows the same. */
static void prepare_current(session *s)
{
	s->help = (session_help){false, false};
	free(s->options);
	s->options = NULL;
	s->n_options = 0;
	if (s->position >= s->count)
		return;
	const quiz_question *q = s->questions[s->position];
	s->n_options = option_count_of(q);
	if (!s->n_options)
		return;
	s->options = xmalloc(s->n_options * sizeof(size_t));
	for (size_t i = 0; i < s->n_options; i++)
		s->options[i] = i;
	uint64_t state = s->opt.seed ^ (0x51ED5EEDull * (s->position + 1));
	shuffle(s->options, s->n_options, &state);
	/* An order question shown already in order would answer itself. */
	if (q->kind == QUIZ_ORDER && s->n_options > 1) {
		bool sorted = true;
		for (size_t i = 0; i < s->n_options; i++)
			sorted = sorted && s->options[i] == i;
		if (sorted) {
			size_t first = s->options[0];
			memmove(s->options, s->options + 1, (s->n_options - 1) * sizeof(size_t));
			s->options[s->n_options - 1] = first;
		}
	}
}

session *session_new(const quiz *q, const grader *g, const session_options *opt)
{
	size_t total = quiz_question_count(q);
	const quiz_question **picked = xmalloc((total ? total : 1) * sizeof(*picked));
	size_t n = 0;
	if (opt->questions) {
		free(picked);
		picked = xmalloc((opt->question_count ? opt->question_count : 1) * sizeof(*picked));
		for (size_t i = 0; i < opt->question_count; i++)
			picked[n++] = opt->questions[i];
		total = 0;
	}
	for (size_t i = 0; i < total; i++) {
		const quiz_question *qq = quiz_question_at(q, i);
		if (opt->kinds && !(opt->kinds & (1u << qq->kind)))
			continue;
		if (opt->tag && !has_tag(qq, opt->tag))
			continue;
		picked[n++] = qq;
	}
	if (!n) {
		free(picked);
		return NULL;
	}
	session *s = xcalloc(1, sizeof(session));
	s->quiz = q;
	s->grader = g;
	s->opt = *opt;
	s->random = opt->seed;
	if (opt->shuffle && !opt->questions) {
		size_t *order = xmalloc(n * sizeof(size_t));
		for (size_t i = 0; i < n; i++)
			order[i] = i;
		shuffle(order, n, &s->random);
		const quiz_question **shuffled = xmalloc(n * sizeof(*shuffled));
		for (size_t i = 0; i < n; i++)
			shuffled[i] = picked[order[i]];
		free(order);
		free(picked);
		picked = shuffled;
	}
	/* The limit applies after shuffling, so --limit with --order shuffle
	 * draws a random subset. */
	if (opt->limit && opt->limit < n)
		n = opt->limit;
	s->questions = picked;
	s->count = n;
	s->planned_asked = n;
	prepare_current(s);
	return s;
}

static void response_free(session_response *r)
{
	if (!r)
		return;
	free((char *)r->typed);
	free((char *)r->chosen);
	free((char *)r->shown_answer);
	free(r);
}

void session_free(session *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n_responses; i++)
		response_free(s->responses[i]);
	response_free(s->ambiguous);
	free(s->responses);
	free(s->options);
	free(s->questions);
	free(s);
}

const session_options *session_get_options(const session *s)
{
	return &s->opt;
}

size_t session_count(const session *s)
{
	return s->count;
}

bool session_shows_feedback(const session *s)
{
	return s->opt.mode == SESSION_PRACTICE;
}

size_t session_position(const session *s)
{
	return s->position;
}

bool session_done(const session *s)
{
	return s->stopped || s->position >= s->count;
}

const quiz_question *session_current(const session *s)
{
	return session_done(s) ? NULL : s->questions[s->position];
}

size_t session_option_count(const session *s)
{
	return s->n_options;
}

size_t session_option(const session *s, size_t shown)
{
	return shown < s->n_options ? s->options[shown] : shown;
}

/* Index of a single option token: a letter (a, b, ...) or, for choice
 * questions, a number (1, 2, ...). SIZE_MAX when it is neither. */
static size_t option_token(const char *tok, size_t len, size_t n, bool numbers)
{
	if (len == 1 && isalpha((unsigned char)tok[0])) {
		size_t i = (size_t)(tolower((unsigned char)tok[0]) - 'a');
		return i < n ? i : SIZE_MAX;
	}
	if (len == 2 && isalpha((unsigned char)tok[0]) && tok[1] == ')') {
		size_t i = (size_t)(tolower((unsigned char)tok[0]) - 'a');
		return i < n ? i : SIZE_MAX;
	}
	if (numbers && len >= 1 && len <= 3) {
		size_t v = 0;
		for (size_t k = 0; k < len; k++) {
			if (!isdigit((unsigned char)tok[k]))
				return SIZE_MAX;
			v = v * 10 + (size_t)(tok[k] - '0');
		}
		return v >= 1 && v <= n ? v - 1 : SIZE_MAX;
	}
	return SIZE_MAX;
}

static bool is_separator(char c)
{
	return c == ' ' || c == ',' || c == '\t' || c == ';';
}

/* Rewrites letters that refer to the options as shown into letters of the
 * bank's order, which the grader reads. Anything that is not a list of
 * option letters (an answer typed out as text) is left as it is. */
static char *translate_options(const session *s, const quiz_question *q, const char *typed)
{
	if (!s->n_options)
		return NULL;
	buf out;
	buf_init(&out);
	const char *p = typed;
	bool any = false;
	while (*p) {
		while (*p && is_separator(*p))
			p++;
		if (!*p)
			break;
		const char *start = p;
		while (*p && !is_separator(*p))
			p++;
		size_t len = (size_t)(p - start);
		if (q->kind == QUIZ_MATCH) {
			/* "1b": a left side by number, a right side by shown letter. */
			size_t digits = 0;
			while (digits < len && isdigit((unsigned char)start[digits]))
				digits++;
			size_t letter = digits < len ? option_token(start + digits, len - digits,
			                                            s->n_options, false)
			                             : SIZE_MAX;
			if (!digits || letter == SIZE_MAX)
				goto not_letters;
			buf_append(&out, start, digits);
			buf_putc(&out, (char)('a' + s->options[letter]));
		} else {
			size_t shown = option_token(start, len, s->n_options, q->kind == QUIZ_CHOICE);
			if (shown == SIZE_MAX)
				goto not_letters;
			buf_putc(&out, (char)('a' + s->options[shown]));
		}
		buf_putc(&out, ' ');
		any = true;
	}
	if (!any)
		goto not_letters;
	buf_truncate(&out, out.len - 1);
	return buf_detach(&out);
not_letters:
	buf_release(&out);
	return NULL;
}

/* The options that bank-order letters ("a c") name, as their texts. */
static char *chosen_texts(const quiz_question *q, const char *letters)
{
	buf out;
	buf_init(&out);
	for (const char *p = letters; *p; p++) {
		size_t i = (size_t)(*p - 'a');
		if (*p < 'a' || i >= q->choices.count)
			continue;
		if (out.len)
			buf_puts(&out, "; ");
		buf_puts(&out, q->choices.items[i]);
	}
	return buf_detach(&out);
}

/* Each help halves the credit, as `take --help` says: both leave a quarter. */
static double help_factor(session_help h)
{
	return (h.hinted ? 0.5 : 1.0) * (h.passage ? 0.5 : 1.0);
}

/* Where the bank's option `bank` was shown, as a letter. */
static char shown_letter(const session *s, size_t bank)
{
	size_t i = 0;
	while (i < s->n_options && s->options[i] != bank)
		i++;
	return (char)('a' + i);
}

/* The right answer of the current question as its options were shown: the
 * letters a student types, beside the texts. */
static char *shown_answer(const session *s, const quiz_question *q)
{
	if (!s->n_options)
		return NULL;
	buf out;
	buf_init(&out);
	switch (q->kind) {
	case QUIZ_CHOICE:
		/* In the order shown. */
		for (size_t i = 0; i < s->n_options; i++) {
			bool right = false;
			for (size_t k = 0; k < q->n_correct; k++)
				right |= q->correct[k] == s->options[i];
			if (!right)
				continue;
			if (out.len)
				buf_puts(&out, "; ");
			buf_printf(&out, "(%c) %s", (char)('a' + i), q->choices.items[s->options[i]]);
		}
		break;
	case QUIZ_ORDER:
		for (size_t k = 0; k < q->items.count; k++)
			buf_printf(&out, "%s(%c) %s", k ? " → " : "", shown_letter(s, k), q->items.items[k]);
		break;
	case QUIZ_MATCH:
		for (size_t k = 0; k < q->n_pairs; k++)
			buf_printf(&out, "%s%zu. %s → (%c) %s", k ? "; " : "", k + 1, q->pairs[k].left,
			           shown_letter(s, k), q->pairs[k].right);
		break;
	default:
		break;
	}
	if (!out.len) {
		buf_release(&out);
		return NULL;
	}
	return buf_detach(&out);
}

static session_response *new_response(session *s, const char *typed, int64_t elapsed_ms)
{
	session_response *r = xcalloc(1, sizeof(session_response));
	r->question = s->questions[s->position];
	r->shown_answer = shown_answer(s, r->question);
	r->typed = xstrdup(typed ? typed : "");
	r->help = s->help;
	r->elapsed_ms = elapsed_ms;
	return r;
}

static void keep_response(session *s, session_response *r)
{
	if (s->n_responses == s->cap_responses) {
		s->cap_responses = s->cap_responses ? s->cap_responses * 2 : 32;
		s->responses = xrealloc(s->responses, s->cap_responses * sizeof(*s->responses));
	}
	s->responses[s->n_responses++] = r;
	s->position++;
	prepare_current(s);
}

const session_response *session_answer(session *s, const char *typed, int64_t elapsed_ms)
{
	if (session_done(s))
		return NULL;
	const quiz_question *q = s->questions[s->position];
	session_response *r = new_response(s, typed, elapsed_ms);
	char *translated = translate_options(s, q, r->typed);
	grader_grade(s->grader, q, translated ? translated : r->typed, &r->grade);
	if (translated && q->kind == QUIZ_CHOICE)
		r->chosen = chosen_texts(q, translated);
	free(translated);
	r->credit = r->grade.credit * help_factor(s->help);
	if (r->grade.verdict == GRADE_AMBIGUOUS) {
		response_free(s->ambiguous);
		s->ambiguous = r;
		return r;
	}
	keep_response(s, r);
	return r;
}

const session_response *session_answer_once(session *s, const char *typed, int64_t elapsed_ms)
{
	const session_response *r = session_answer(s, typed, elapsed_ms);
	if (!r || r->grade.verdict != GRADE_AMBIGUOUS)
		return r;
	/* Nobody is there to say which was meant: the answer counts as given. */
	session_response *given = s->ambiguous;
	s->ambiguous = NULL;
	given->grade.verdict = GRADE_WRONG;
	given->grade.credit = 0;
	given->credit = 0;
	keep_response(s, given);
	return given;
}

const session_response *session_skip(session *s, int64_t elapsed_ms)
{
	if (session_done(s))
		return NULL;
	session_response *r = new_response(s, "", elapsed_ms);
	r->grade.verdict = GRADE_SKIPPED;
	r->grade.credit = 0;
	snprintf(r->grade.note, sizeof r->grade.note, "skipped");
	keep_response(s, r);
	return r;
}

static void first_letters(const char *text, buf *out)
{
	/* "B... (2 words)": the first letter of the answer and its length. */
	size_t words = 0;
	bool in_word = false;
	for (const char *p = text; *p; p++) {
		bool space = *p == ' ';
		if (!space && !in_word)
			words++;
		in_word = !space;
	}
	const char *p = text;
	while (*p == ' ')
		p++;
	size_t len = 1;
	while (p[len] && ((unsigned char)p[len] & 0xC0) == 0x80)
		len++;
	buf_puts(out, "It starts with “");
	buf_append(out, p, *p ? len : 0);
	buf_printf(out, "” and has %zu word%s.", words, words == 1 ? "" : "s");
}

bool session_hint(session *s, buf *out)
{
	const quiz_question *q = session_current(s);
	if (!q || !s->opt.allow_hints)
		return false;
	size_t before = out->len;
	if (q->hint) {
		buf_puts(out, q->hint);
	} else {
		switch (q->kind) {
		case QUIZ_DATE:
			if (q->date.month)
				buf_printf(out, "The year is %d.", q->date.year);
			else
				buf_printf(out, "It is in the %ds.", q->date.year / 10 * 10);
			break;
		case QUIZ_ACTOR:
		case QUIZ_TEXT:
			if (q->answer_text && *q->answer_text)
				first_letters(q->answer_text, out);
			break;
		case QUIZ_NUMBER: {
			double v = q->number.value < 0 ? -q->number.value : q->number.value;
			int digits = 1;
			while (v >= 10) {
				v /= 10;
				digits++;
			}
			buf_printf(out, "Its whole part has %d digit%s.", digits, digits == 1 ? "" : "s");
			break;
		}
		case QUIZ_CHOICE:
			/* Rule one wrong option out. */
			for (size_t i = s->n_options; i-- > 0;) {
				bool correct = false;
				for (size_t k = 0; k < q->n_correct; k++)
					correct = correct || q->correct[k] == s->options[i];
				if (!correct) {
					buf_printf(out, "It is not (%c).", (char)('a' + i));
					break;
				}
			}
			break;
		case QUIZ_ORDER:
			for (size_t i = 0; i < s->n_options; i++)
				if (s->options[i] == 0)
					buf_printf(out, "The first is (%c).", (char)('a' + i));
			break;
		case QUIZ_MATCH:
			for (size_t i = 0; i < s->n_options; i++)
				if (s->options[i] == 0)
					buf_printf(out, "1 goes with (%c).", (char)('a' + i));
			break;
		case QUIZ_CLOZE:
			buf_puts(out, "The blanks start with:");
			for (size_t i = 0; i < q->n_blanks; i++) {
				const char *a = q->blanks[i].answers.count ? q->blanks[i].answers.items[0] : "";
				size_t len = 1;
				while (a[0] && a[len] && ((unsigned char)a[len] & 0xC0) == 0x80)
					len++;
				buf_puts(out, i ? ", “" : " “");
				buf_append(out, a, a[0] ? len : 0);
				buf_puts(out, "”");
			}
			buf_putc(out, '.');
			break;
		case QUIZ_CLAIM:
			if (q->source.paragraph)
				buf_printf(out, "Look again at ¶%d.", q->source.paragraph);
			break;
		default:
			break;
		}
	}
	if (out->len == before)
		return false;
	s->help.hinted = true;
	return true;
}

bool session_show_passage(session *s)
{
	const quiz_question *q = session_current(s);
	if (!q || !s->opt.allow_hints || !q->source.paragraph)
		return false;
	s->help.passage = true;
	return true;
}

const session_response *session_override(session *s)
{
	if (!s->opt.allow_override || s->opt.mode != SESSION_PRACTICE || !s->n_responses)
		return NULL;
	session_response *r = s->responses[s->n_responses - 1];
	if (r->overridden || grade_verdict_accepted(r->grade.verdict) ||
	    r->grade.verdict == GRADE_SKIPPED)
		return NULL;
	r->overridden = true;
	r->credit = help_factor(r->help);
	return r;
}

void session_stop(session *s)
{
	if (s->stopped)
		return;
	s->stopped = true;
	s->planned_asked = s->position;
}

size_t session_response_count(const session *s)
{
	return s->n_responses;
}

const session_response *session_response_at(const session *s, size_t i)
{
	return i < s->n_responses ? s->responses[i] : NULL;
}

void session_score_kind(const session *s, quiz_kind kind, double *earned, double *possible,
                        size_t *asked)
{
	double e = 0, p = 0;
	size_t n = 0;
	for (size_t i = 0; i < s->planned_asked; i++) {
		const quiz_question *q = s->questions[i];
		if (kind < QUIZ_KIND_COUNT && q->kind != kind)
			continue;
		p += q->points;
		n++;
	}
	for (size_t i = 0; i < s->n_responses; i++) {
		const session_response *r = s->responses[i];
		if (kind < QUIZ_KIND_COUNT && r->question->kind != kind)
			continue;
		e += r->credit * r->question->points;
	}
	*earned = e;
	*possible = p;
	if (asked)
		*asked = n;
}

void session_score(const session *s, double *earned, double *possible)
{
	session_score_kind(s, QUIZ_KIND_COUNT, earned, possible, NULL);
}

double session_max_score(const session *s)
{
	double p = 0;
	for (size_t i = 0; i < s->count; i++)
		p += s->questions[i]->points;
	return p;
}

size_t session_right_count(const session *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n_responses; i++)
		n += grade_verdict_accepted(s->responses[i]->grade.verdict) ||
		     s->responses[i]->overridden;
	return n;
}
