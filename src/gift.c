/* gift.c - Moodle's GIFT question format: a compiled quiz written as GIFT, and GIFT read back */
#include "gift.h"

#include "grade.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* --- Writing ------------------------------------------------------------ */

void gift_escape(buf *out, const char *s)
{
	/* Moodle's exporter (repchar) escapes these, and its importer reads
	 * them back; a newline inside a question would end it. */
	for (const char *p = s ? s : ""; *p; p++) {
		if (*p == '\n') {
			buf_puts(out, "\\n");
			continue;
		}
		if (*p == '\r')
			continue;
		if (strchr("\\#=~{}:", *p))
			buf_putc(out, '\\');
		buf_putc(out, *p);
	}
}

static void note(gift_note_cb cb, void *ctx, const quiz_question *q, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void note(gift_note_cb cb, void *ctx, const quiz_question *q, const char *fmt, ...)
{
	if (!cb)
		return;
	buf msg;
	buf_init(&msg);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	cb(q, msg.ptr, ctx);
	buf_release(&msg);
}

/* A list of answer forms without repeats (ASCII case aside, as Moodle's
 * short answer compares them). */
typedef struct {
	const char **items;
	size_t n, cap;
} forms;

static void forms_add(forms *f, const char *s)
{
	if (!s || !*s)
		return;
	for (size_t i = 0; i < f->n; i++)
		if (strcasecmp(f->items[i], s) == 0)
			return;
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 8;
		f->items = xrealloc(f->items, f->cap * sizeof *f->items);
	}
	f->items[f->n++] = s;
}

/* Keeps the forms recall itself grades right for the question, so that
 * Moodle accepts what recall does, among the forms listed: a family name
 * recall would not take alone (an organisation's last word, a name two
 * actors share) is dropped. */
static void forms_keep_accepted(forms *f, const grader *g, const quiz_question *qq)
{
	size_t kept = 0;
	for (size_t i = 0; i < f->n; i++) {
		grade_result res;
		grader_grade(g, qq, f->items[i], &res);
		if (grade_verdict_accepted(res.verdict) && res.credit >= 1)
			f->items[kept++] = f->items[i];
	}
	f->n = kept;
}

static void short_answer(buf *out, const forms *f)
{
	buf_puts(out, "{");
	for (size_t i = 0; i < f->n; i++) {
		buf_puts(out, i ? " =" : "=");
		gift_escape(out, f->items[i]);
	}
	buf_puts(out, "}");
}

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
};

static const char *last_word(const char *name)
{
	const char *sp = strrchr(name, ' ');
	return sp ? sp + 1 : name;
}

/* The family name recall accepts for an actor; NULL when another actor of
 * the bank has it too (recall then asks again, GIFT cannot). */
static const char *family_of(const quiz *q, const quiz_actor *a)
{
	const char *family = a->family ? a->family : last_word(a->name);
	if (strcmp(family, a->name) == 0)
		return NULL;
	for (size_t i = 0; i < quiz_actor_count(q); i++) {
		const quiz_actor *o = quiz_actor_at(q, i);
		if (o == a || (a->id && o->id && strcmp(o->id, a->id) == 0))
			continue;
		const char *of = o->family ? o->family : last_word(o->name);
		if (strcasecmp(of, family) == 0)
			return NULL;
	}
	return family;
}

static void general_feedback(buf *out, const quiz *q, const quiz_question *qq)
{
	if (!qq->explain && !qq->source.quote)
		return;
	buf_puts(out, "####");
	if (qq->explain)
		gift_escape(out, qq->explain);
	if (qq->source.quote) {
		if (qq->explain)
			buf_puts(out, " ");
		gift_escape(out, "Source: “");
		gift_escape(out, qq->source.quote);
		buf_puts(out, "”");
	}
	(void)q;
}

/* A weight as GIFT writes it: up to five decimals, zeros dropped. */
static void weight(buf *out, double w)
{
	char s[32];
	snprintf(s, sizeof s, "%.5f", w);
	char *end = s + strlen(s);
	while (end[-1] == '0')
		*--end = '\0';
	if (end[-1] == '.')
		end[-1] = '\0';
	buf_printf(out, "%%%s%%", s);
}

static void number_text(buf *out, double x)
{
	char s[64];
	snprintf(s, sizeof s, "%.15g", x);
	buf_puts(out, s);
}

static bool export_question(const quiz *q, const grader *g, const quiz_question *qq, buf *out,
                            gift_note_cb cb, void *ctx)
{
	buf body;
	buf_init(&body);
	forms f = {0};
	bool ok = true;
	switch (qq->kind) {
	case QUIZ_DATE: {
		gift_escape(&body, qq->prompt);
		buf_putc(&body, ' ');
		const quiz_date *d = &qq->date;
		if (!d->month) {
			buf_printf(&body, "{#%d:0", d->year);
			break;
		}
		char ways[4][64];
		const char *m = month_names[d->month - 1];
		if (d->day) {
			snprintf(ways[0], sizeof ways[0], "%s %d, %d", m, d->day, d->year);
			snprintf(ways[1], sizeof ways[1], "%d %s %d", d->day, m, d->year);
			snprintf(ways[2], sizeof ways[2], "%04d-%02d-%02d", d->year, d->month, d->day);
			snprintf(ways[3], sizeof ways[3], "%s %d %d", m, d->day, d->year);
		} else {
			snprintf(ways[0], sizeof ways[0], "%s %d", m, d->year);
			snprintf(ways[1], sizeof ways[1], "%04d-%02d", d->year, d->month);
			ways[2][0] = ways[3][0] = '\0';
		}
		for (int i = 0; i < 4; i++)
			forms_add(&f, ways[i]);
		for (size_t i = 0; i < qq->accept.count; i++)
			forms_add(&f, qq->accept.items[i]);
		forms_keep_accepted(&f, g, qq);
		short_answer(&body, &f);
		buf_truncate(&body, body.len - 1);
		note(cb, ctx, qq, "a date is a short answer in GIFT: only the %zu ways of writing it "
		                  "listed are right",
		     f.n);
		break;
	}
	case QUIZ_ACTOR: {
		gift_escape(&body, qq->prompt);
		buf_putc(&body, ' ');
		const quiz_actor *a = qq->actor;
		forms_add(&f, a->name);
		forms_add(&f, family_of(q, a));
		forms_add(&f, a->acronym);
		for (size_t i = 0; i < a->aliases.count; i++)
			forms_add(&f, a->aliases.items[i]);
		for (size_t i = 0; i < qq->accept.count; i++)
			forms_add(&f, qq->accept.items[i]);
		forms_keep_accepted(&f, g, qq);
		short_answer(&body, &f);
		buf_truncate(&body, body.len - 1);
		break;
	}
	case QUIZ_NUMBER: {
		gift_escape(&body, qq->prompt);
		double tol = qq->number.tolerance_is_percent ? fabs(qq->number.value) * qq->number.tolerance
		                                             : qq->number.tolerance;
		buf_puts(&body, " {#");
		number_text(&body, qq->number.value);
		buf_putc(&body, ':');
		number_text(&body, tol);
		if (qq->number.unit)
			note(cb, ctx, qq, "the unit '%s' is left out: Moodle's numerical answer is the "
			                  "number alone",
			     qq->number.unit);
		if (qq->accept.count)
			note(cb, ctx, qq, "accepted answers of a number are left out");
		break;
	}
	case QUIZ_TEXT:
		gift_escape(&body, qq->prompt);
		buf_putc(&body, ' ');
		forms_add(&f, qq->text);
		for (size_t i = 0; i < qq->accept.count; i++)
			forms_add(&f, qq->accept.items[i]);
		forms_keep_accepted(&f, g, qq);
		short_answer(&body, &f);
		buf_truncate(&body, body.len - 1);
		break;
	case QUIZ_CLAIM:
		gift_escape(&body, qq->prompt);
		buf_puts(&body, qq->claim.truth ? " {TRUE" : " {FALSE");
		if (qq->claim.correction) {
			buf_putc(&body, '#');
			gift_escape(&body, qq->claim.correction);
		}
		break;
	case QUIZ_CHOICE:
		gift_escape(&body, qq->prompt);
		buf_puts(&body, " {");
		for (size_t i = 0; i < qq->choices.count; i++) {
			bool right = false;
			for (size_t k = 0; k < qq->n_correct; k++)
				right |= qq->correct[k] == i;
			buf_puts(&body, i ? " " : "");
			if (qq->n_correct == 1) {
				buf_putc(&body, right ? '=' : '~');
			} else {
				/* Checkboxes: the right ones share 100%, the wrong ones
				 * take it back, so ticking every box earns nothing. */
				size_t wrong = qq->choices.count - qq->n_correct;
				buf_putc(&body, '~');
				weight(&body, right ? 100.0 / (double)qq->n_correct
				                    : -100.0 / (double)(wrong ? wrong : 1));
			}
			gift_escape(&body, qq->choices.items[i]);
		}
		break;
	case QUIZ_ORDER:
		gift_escape(&body, qq->prompt);
		buf_puts(&body, " {");
		for (size_t i = 0; i < qq->items.count; i++) {
			buf_puts(&body, i ? " =" : "=");
			gift_escape(&body, qq->items.items[i]);
			buf_printf(&body, " -> %zu", i + 1);
		}
		note(cb, ctx, qq, "GIFT has no ordering question: written as matching, each item to "
		                  "its place");
		break;
	case QUIZ_MATCH:
		gift_escape(&body, qq->prompt);
		buf_puts(&body, " {");
		for (size_t i = 0; i < qq->n_pairs; i++) {
			buf_puts(&body, i ? " =" : "=");
			gift_escape(&body, qq->pairs[i].left);
			buf_puts(&body, " -> ");
			gift_escape(&body, qq->pairs[i].right);
			if (strstr(qq->pairs[i].left, "->") || strstr(qq->pairs[i].right, "->"))
				note(cb, ctx, qq, "'->' in a pair cannot be escaped in GIFT");
		}
		break;
	case QUIZ_CLOZE: {
		if (qq->n_blanks != 1) {
			note(cb, ctx, qq, "a cloze of %zu blanks cannot be said in GIFT (Moodle's Embedded "
			                  "Answers question takes it through Moodle XML): left out",
			     qq->n_blanks);
			ok = false;
			break;
		}
		const char *open = strstr(qq->prompt, "{{");
		const char *close = open ? strstr(open, "}}") : NULL;
		if (!close) {
			ok = false;
			break;
		}
		buf part;
		buf_init(&part);
		buf_append(&part, qq->prompt, (size_t)(open - qq->prompt));
		gift_escape(&body, part.ptr);
		for (size_t i = 0; i < qq->blanks[0].answers.count; i++)
			forms_add(&f, qq->blanks[0].answers.items[i]);
		for (size_t i = 0; i < qq->accept.count; i++)
			forms_add(&f, qq->accept.items[i]);
		short_answer(&body, &f);
		gift_escape(&body, close + 2);
		buf_release(&part);
		/* The feedback goes inside the block: reopen it. */
		for (size_t i = body.len; i > 0; i--) {
			if (body.ptr[i - 1] == '}' && (i < 2 || body.ptr[i - 2] != '\\')) {
				buf tail;
				buf_init(&tail);
				buf_puts(&tail, body.ptr + i);
				buf_truncate(&body, i - 1);
				general_feedback(&body, q, qq);
				buf_putc(&body, '}');
				buf_puts(&body, tail.ptr);
				buf_release(&tail);
				break;
			}
		}
		goto done;
	}
	default:
		ok = false;
		break;
	}
	if (ok) {
		general_feedback(&body, q, qq);
		buf_putc(&body, '}');
	}
done:
	if (ok) {
		if (qq->hint)
			note(cb, ctx, qq, "the hint is left out: GIFT has none");
		if (qq->reject.count)
			note(cb, ctx, qq, "rejected answers are left out: GIFT has no such list");
		if (qq->points != 1)
			note(cb, ctx, qq, "points: %g is left out: Moodle sets a question's mark itself",
			     qq->points);
		buf_puts(out, "// [id:");
		buf_puts(out, qq->id);
		buf_puts(out, "]");
		for (size_t i = 0; i < qq->tags.count; i++)
			buf_printf(out, " [tag:%s]", qq->tags.items[i]);
		buf_puts(out, "\n::");
		gift_escape(out, qq->id);
		buf_puts(out, "::");
		/* Moodle reads question text as HTML unless told otherwise; text
		 * that only looks like HTML is said to be plain. */
		if (strpbrk(qq->prompt, "<&"))
			buf_puts(out, "[plain]");
		buf_puts(out, body.ptr);
		buf_puts(out, "\n\n");
	}
	free(f.items);
	buf_release(&body);
	return ok;
}

void gift_export(const quiz *q, buf *out, gift_note_cb cb, void *ctx)
{
	buf_puts(out, "// ");
	gift_escape(out, quiz_title(q));
	buf_puts(out, "\n$CATEGORY: ");
	/* A category path is split at '/'; the title is one level. */
	for (const char *p = quiz_title(q); *p; p++)
		buf_putc(out, *p == '/' ? '-' : *p == '\n' ? ' ' : *p);
	buf_puts(out, "\n\n");
	grader *g = grader_new(q, NULL);
	for (size_t i = 0; i < quiz_question_count(q); i++)
		export_question(q, g, quiz_question_at(q, i), out, cb, ctx);
	grader_free(g);
}

/* --- Reading ------------------------------------------------------------ */

typedef struct {
	const char *name;
	const char *text;
	size_t len;
	diag_list *d;
	bool failed;
} reader;

static void fail_at(reader *rd, size_t offset, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void fail_at(reader *rd, size_t offset, const char *fmt, ...)
{
	int line, col;
	diag_locate(rd->text, rd->len, offset, &line, &col);
	buf msg;
	buf_init(&msg);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&msg, fmt, ap);
	va_end(ap);
	diag_add(rd->d, DIAG_ERROR, rd->name, line, col, "%s", msg.ptr);
	buf_release(&msg);
	rd->failed = true;
}

/* `len` bytes of GIFT text unescaped and trimmed; a new string. */
static char *unescape(const char *s, size_t len)
{
	buf out;
	buf_init(&out);
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\\' && i + 1 < len) {
			i++;
			buf_putc(&out, s[i] == 'n' ? '\n' : s[i]);
		} else {
			buf_putc(&out, s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i]);
		}
	}
	size_t start = 0, end = out.len;
	while (start < end && isspace((unsigned char)out.ptr[start]))
		start++;
	while (end > start && isspace((unsigned char)out.ptr[end - 1]))
		end--;
	char *r = xmalloc(end - start + 1);
	memcpy(r, out.ptr + start, end - start);
	r[end - start] = '\0';
	buf_release(&out);
	return r;
}

/* The offset of the first unescaped `c` in s[from, to), or `to`. */
static size_t find_unescaped(const char *s, size_t from, size_t to, char c)
{
	for (size_t i = from; i < to; i++) {
		if (s[i] == '\\') {
			i++;
			continue;
		}
		if (s[i] == c)
			return i;
	}
	return to;
}

static size_t find_unescaped_str(const char *s, size_t from, size_t to, const char *what)
{
	size_t n = strlen(what);
	for (size_t i = from; i + n <= to; i++) {
		if (s[i] == '\\') {
			i++;
			continue;
		}
		if (memcmp(s + i, what, n) == 0)
			return i;
	}
	return to;
}

static bool parse_double(const char *s, size_t len, double *out)
{
	char tmp[64];
	while (len && isspace((unsigned char)*s))
		s++, len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (!len || len >= sizeof tmp)
		return false;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	char *end;
	*out = strtod(tmp, &end);
	return *end == '\0' && isfinite(*out);
}

static gift_answer *add_answer(gift_question *q)
{
	q->answers = xrealloc(q->answers, (q->n_answers + 1) * sizeof *q->answers);
	gift_answer *a = &q->answers[q->n_answers++];
	memset(a, 0, sizeof *a);
	return a;
}

/* One answer s[from, to) after its `=` or `~`: an optional %weight%, the
 * text, an optional #feedback. */
static bool read_answer(reader *rd, gift_question *q, size_t from, size_t to, double dflt)
{
	const char *s = rd->text;
	while (from < to && isspace((unsigned char)s[from]))
		from++;
	gift_answer *a = add_answer(q);
	a->weight = dflt;
	if (from < to && s[from] == '%') {
		size_t close = find_unescaped(s, from + 1, to, '%');
		double w;
		if (close == to || !parse_double(s + from + 1, close - from - 1, &w) || w < -100 ||
		    w > 100) {
			fail_at(rd, from, "a weight is %%N%% with N from -100 to 100");
			return false;
		}
		a->weight = w;
		from = close + 1;
	}
	size_t hash = find_unescaped(s, from, to, '#');
	a->text = unescape(s + from, hash - from);
	if (hash < to)
		a->feedback = unescape(s + hash + 1, to - hash - 1);
	return true;
}

/* Splits the block s[from, to) at each unescaped `=` or `~` (with
 * `tilde_too`) and reads the answers. */
static bool read_answers(reader *rd, gift_question *q, size_t from, size_t to, bool tilde_too)
{
	const char *s = rd->text;
	size_t i = from;
	while (i < to && isspace((unsigned char)s[i]))
		i++;
	while (i < to) {
		char mark = s[i];
		if (mark != '=' && !(tilde_too && mark == '~')) {
			fail_at(rd, i, "an answer starts with '='%s", tilde_too ? " or '~'" : "");
			return false;
		}
		size_t next = i + 1;
		for (; next < to; next++) {
			if (s[next] == '\\') {
				next++;
				continue;
			}
			/* '=' inside "->" or after '%' weights is not a new answer. */
			if (s[next] == '=' || (tilde_too && s[next] == '~'))
				break;
		}
		if (next > to)
			next = to;
		if (!read_answer(rd, q, i + 1, next, mark == '=' ? 100 : 0))
			return false;
		i = next;
	}
	return true;
}

static bool read_block(reader *rd, gift_question *q, size_t from, size_t to)
{
	const char *s = rd->text;
	/* General feedback: everything after "####". */
	size_t gf = find_unescaped_str(s, from, to, "####");
	if (gf < to) {
		q->general_feedback = unescape(s + gf + 4, to - gf - 4);
		to = gf;
	}
	size_t i = from;
	while (i < to && isspace((unsigned char)s[i]))
		i++;
	size_t end = to;
	while (end > i && isspace((unsigned char)s[end - 1]))
		end--;
	if (i == end) {
		q->type = GIFT_ESSAY;
		return true;
	}
	if (s[i] == '#') {
		q->type = GIFT_NUMBER;
		size_t j = i + 1;
		while (j < end && isspace((unsigned char)s[j]))
			j++;
		size_t n0 = q->n_answers;
		if (j < end && s[j] == '=') {
			if (!read_answers(rd, q, j, end, false))
				return false;
		} else {
			gift_answer *a = add_answer(q);
			a->weight = 100;
			size_t hash = find_unescaped(s, j, end, '#');
			a->text = unescape(s + j, hash - j);
			if (hash < end)
				a->feedback = unescape(s + hash + 1, end - hash - 1);
		}
		for (size_t k = n0; k < q->n_answers; k++) {
			gift_answer *a = &q->answers[k];
			const char *t = a->text;
			const char *range = strstr(t, "..");
			const char *colon = strchr(t, ':');
			double lo, hi, v, tol = 0;
			if (range && parse_double(t, (size_t)(range - t), &lo) &&
			    parse_double(range + 2, strlen(range + 2), &hi)) {
				v = (lo + hi) / 2;
				tol = fabs(hi - lo) / 2;
			} else if (colon && parse_double(t, (size_t)(colon - t), &v) &&
			           parse_double(colon + 1, strlen(colon + 1), &tol)) {
			} else if (!parse_double(t, strlen(t), &v)) {
				if (strcmp(t, "") == 0 && k > n0)
					continue;
				fail_at(rd, i, "a numerical answer is N, N:TOLERANCE or MIN..MAX, not '%s'", t);
				return false;
			}
			a->has_number = true;
			a->value = v;
			a->tolerance = fabs(tol);
		}
		return true;
	}
	size_t tilde = find_unescaped(s, i, end, '~');
	size_t arrow = find_unescaped_str(s, i, end, "->");
	if (tilde < end) {
		if (!read_answers(rd, q, i, end, true))
			return false;
		size_t right = 0;
		for (size_t k = 0; k < q->n_answers; k++)
			right += q->answers[k].weight >= 100 - 1e-9;
		bool has_equals = find_unescaped(s, i, end, '=') < end;
		q->type = has_equals && right ? GIFT_CHOICE : GIFT_MULTI;
		if (q->n_answers < 2) {
			fail_at(rd, i, "a multiple-choice question needs at least 2 answers");
			return false;
		}
		return true;
	}
	if (arrow < end && s[i] == '=') {
		q->type = GIFT_MATCH;
		if (!read_answers(rd, q, i, end, false))
			return false;
		for (size_t k = 0; k < q->n_answers; k++) {
			gift_answer *a = &q->answers[k];
			char *arr = strstr(a->text, "->");
			if (!arr) {
				fail_at(rd, i, "every pair of a matching question is 'left -> right'; '%s' "
				               "has no '->'",
				        a->text);
				return false;
			}
			a->right = unescape(arr + 2, strlen(arr + 2));
			char *left = unescape(a->text, (size_t)(arr - a->text));
			free(a->text);
			a->text = left;
		}
		if (q->n_answers < 2) {
			fail_at(rd, i, "a matching question needs at least 2 pairs");
			return false;
		}
		return true;
	}
	size_t hash = find_unescaped(s, i, end, '#');
	char *head = unescape(s + i, hash - i);
	static const char *const truths[] = {"T", "TRUE", "F", "FALSE"};
	for (int k = 0; k < 4; k++) {
		if (strcmp(head, truths[k]) == 0) {
			q->type = GIFT_TRUEFALSE;
			q->truth = k < 2;
			if (hash < end) {
				size_t second = find_unescaped(s, hash + 1, end, '#');
				gift_answer *a = add_answer(q);
				a->text = xstrdup(head);
				a->weight = 100;
				a->feedback = unescape(s + hash + 1, second - hash - 1);
			}
			free(head);
			return true;
		}
	}
	free(head);
	q->type = GIFT_SHORT;
	if (!read_answers(rd, q, i, end, false))
		return false;
	for (size_t k = 0; k < q->n_answers; k++) {
		if (!*q->answers[k].text) {
			fail_at(rd, i, "an answer of a short-answer question is empty");
			return false;
		}
	}
	return true;
}

static void free_question(gift_question *q)
{
	free(q->name);
	free(q->category);
	free(q->text);
	free(q->after);
	free(q->format);
	free(q->general_feedback);
	for (size_t i = 0; i < q->n_answers; i++) {
		free(q->answers[i].text);
		free(q->answers[i].right);
		free(q->answers[i].feedback);
	}
	free(q->answers);
	for (size_t i = 0; i < q->n_tags; i++)
		free(q->tags[i]);
	free(q->tags);
}

/* The tags of a `// [tag:a] [tag:b]` comment, added to *tags. */
static void comment_tags(const char *s, size_t len, char ***tags, size_t *n)
{
	const char *end = s + len;
	for (const char *p = s; p < end;) {
		const char *t = memmem(p, (size_t)(end - p), "[tag:", 5);
		if (!t)
			break;
		const char *close = memchr(t, ']', (size_t)(end - t));
		if (!close)
			break;
		*tags = xrealloc(*tags, (*n + 1) * sizeof **tags);
		(*tags)[(*n)++] = unescape(t + 5, (size_t)(close - t - 5));
		p = close + 1;
	}
}

/* One question: s[from, to), comments taken out already. */
static void read_question(reader *rd, gift_file *f, size_t from, size_t to, const char *category,
                          char **tags, size_t n_tags)
{
	const char *s = rd->text;
	gift_question q = {.category = category ? xstrdup(category) : NULL, .tags = tags,
	                   .n_tags = n_tags};
	diag_locate(s, rd->len, from, &q.line, &q.col);
	size_t i = from;
	if (to - i >= 2 && s[i] == ':' && s[i + 1] == ':') {
		size_t close = find_unescaped_str(s, i + 2, to, "::");
		if (close == to) {
			fail_at(rd, i, "the question's name opens with '::' and is not closed");
			free_question(&q);
			return;
		}
		q.name = unescape(s + i + 2, close - i - 2);
		i = close + 2;
	}
	while (i < to && isspace((unsigned char)s[i]))
		i++;
	if (i < to && s[i] == '[') {
		size_t close = find_unescaped(s, i, to, ']');
		if (close < to) {
			q.format = unescape(s + i + 1, close - i - 1);
			i = close + 1;
		}
	}
	size_t open = find_unescaped(s, i, to, '{');
	if (open == to) {
		q.type = GIFT_DESCRIPTION;
		q.text = unescape(s + i, to - i);
	} else {
		size_t close = find_unescaped(s, open + 1, to, '}');
		if (close == to) {
			fail_at(rd, open, "the answer block opened here has no '}' (a literal brace is "
			                  "written \\{)");
			free_question(&q);
			return;
		}
		q.text = unescape(s + i, open - i);
		size_t after = close + 1;
		while (after < to && isspace((unsigned char)s[after]))
			after++;
		if (after < to)
			q.after = unescape(s + close + 1, to - close - 1);
		if (find_unescaped(s, close + 1, to, '{') < to) {
			fail_at(rd, find_unescaped(s, close + 1, to, '{'),
			        "a GIFT question has one answer block; this is a second");
			free_question(&q);
			return;
		}
		if (!read_block(rd, &q, open + 1, close)) {
			free_question(&q);
			return;
		}
	}
	f->questions = xrealloc(f->questions, (f->count + 1) * sizeof *f->questions);
	f->questions[f->count++] = q;
}

bool gift_parse(const char *name, const char *text, size_t len, diag_list *d, gift_file *out)
{
	reader rd = {.name = name, .text = text, .len = len, .d = d};
	memset(out, 0, sizeof *out);
	diag_add_source(d, name, text, len);
	/* Comments become blanks of the same length, so offsets stay those of
	 * the file; a comment's tags go to the next question. */
	char *clean = xmalloc(len + 1);
	memcpy(clean, text, len);
	clean[len] = '\0';
	char *category = NULL;
	char **tags = NULL;
	size_t n_tags = 0;
	size_t start = SIZE_MAX;   /* of the question being gathered */
	size_t pos = 0;
	rd.text = clean;
	while (pos < len) {
		size_t eol = pos;
		while (eol < len && clean[eol] != '\n')
			eol++;
		size_t k = pos;
		while (k < eol && (clean[k] == ' ' || clean[k] == '\t' || clean[k] == '\r'))
			k++;
		bool blank = k == eol;
		if (!blank && eol - k >= 2 && clean[k] == '/' && clean[k + 1] == '/') {
			/* Inside a question a comment line does not end it. */
			comment_tags(clean + k, eol - k, &tags, &n_tags);
			memset(clean + k, ' ', eol - k);
		} else if (!blank && start == SIZE_MAX && eol - k >= 10 &&
		           strncmp(clean + k, "$CATEGORY:", 10) == 0) {
			free(category);
			category = unescape(clean + k + 10, eol - k - 10);
			memset(clean + k, ' ', eol - k);
		} else if (!blank && start == SIZE_MAX) {
			start = k;
		} else if (blank && start != SIZE_MAX) {
			read_question(&rd, out, start, pos, category, tags, n_tags);
			tags = NULL;
			n_tags = 0;
			start = SIZE_MAX;
		}
		pos = eol + 1;
	}
	if (start != SIZE_MAX) {
		read_question(&rd, out, start, len, category, tags, n_tags);
	} else {
		for (size_t i = 0; i < n_tags; i++)
			free(tags[i]);
		free(tags);
	}
	free(category);
	free(clean);
	return !rd.failed;
}

void gift_file_release(gift_file *f)
{
	for (size_t i = 0; i < f->count; i++)
		free_question(&f->questions[i]);
	free(f->questions);
	memset(f, 0, sizeof *f);
}
