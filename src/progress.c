/* progress.c - what `recall history`, `stats` and `export` share: options, opening the store, formats */
#include "progress.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "text.h"

int progress_option(const char *cmd, int c, const char *usage, progress_options *o,
                    int *exit_status)
{
	switch (c) {
	case 'D':
		o->db = optarg;
		return 1;
	case 'u':
		o->user = optarg;
		return 1;
	case 'a':
		o->all_users = true;
		return 1;
	case 'b':
		o->bank = optarg;
		return 1;
	case 'C':
		if (!cli_parse_color(cmd, optarg, &o->color)) {
			*exit_status = EXIT_USAGE;
			return -1;
		}
		return 1;
	case 'h':
		fputs(usage, stdout);
		*exit_status = cli_finish(EXIT_OK);
		return -1;
	default:
		return 0;
	}
}

void progress_error(const char *cmd, const char *message)
{
	buf clean;
	buf_init(&clean);
	text_sanitize(message, strlen(message), &clean);
	fprintf(stderr, "recall %s: %s\n", cmd, clean.ptr);
	buf_release(&clean);
}

typedef struct {
	size_t count;
	buf titles;          /* distinct titles, ", " between */
	size_t distinct;
	char *last_title;
} bank_list;

static int collect_bank(const store_bank_row *row, void *ctx)
{
	bank_list *l = ctx;
	l->count++;
	if (l->last_title && strcmp(l->last_title, row->title) == 0)
		return 0;
	free(l->last_title);
	l->last_title = xstrdup(row->title);
	l->distinct++;
	if (l->distinct <= 10) {
		if (l->titles.len)
			buf_puts(&l->titles, ", ");
		buf_printf(&l->titles, "'%s'", row->title);
	} else if (l->distinct == 11) {
		buf_puts(&l->titles, ", ...");
	}
	return 0;
}

int progress_open(const char *cmd, const progress_options *o, progress_source *src)
{
	memset(src, 0, sizeof *src);
	if (o->user && !*o->user) {
		cli_usage_error(cmd, "--user needs a name");
		return EXIT_USAGE;
	}
	if (o->all_users && o->user) {
		cli_usage_error(cmd, "--user and --all-users do not go together");
		return EXIT_USAGE;
	}
	if (!o->all_users)
		src->learner = o->user ? xstrdup(o->user) : store_default_learner();
	src->filter.learner = src->learner;
	src->filter.bank = o->bank;

	store_options opt = {.path = o->db, .must_exist = true, .only_existing_folder = true};
	char *msg = NULL;
	store_status status = store_open(&opt, &src->store, &msg);
	if (status == STORE_MISSING) {
		free(msg);
		return EXIT_OK;
	}
	if (status != STORE_OK) {
		progress_error(cmd, msg);
		free(msg);
		return EXIT_PROBLEMS;
	}
	if (!o->bank)
		return EXIT_OK;

	bank_list matched = {0};
	buf_init(&matched.titles);
	status = store_list_banks(src->store, o->bank, collect_bank, &matched);
	int exit_status = EXIT_OK;
	if (status != STORE_OK) {
		progress_error(cmd, store_errmsg(src->store));
		exit_status = EXIT_PROBLEMS;
	} else if (matched.count == 0) {
		bank_list known = {0};
		buf_init(&known.titles);
		store_list_banks(src->store, NULL, collect_bank, &known);
		buf message;
		buf_init(&message);
		buf_printf(&message, "no bank matches '%s'", o->bank);
		if (known.distinct)
			buf_printf(&message, "; the database knows %s", known.titles.ptr);
		else
			buf_puts(&message, "; the database holds no banks yet");
		progress_error(cmd, message.ptr);
		buf_release(&message);
		buf_release(&known.titles);
		free(known.last_title);
		exit_status = EXIT_PROBLEMS;
	}
	buf_release(&matched.titles);
	free(matched.last_title);
	return exit_status;
}

void progress_close(progress_source *src)
{
	store_close(src->store);
	free(src->learner);
	memset(src, 0, sizeof *src);
}

static int first_title(const store_bank_row *row, void *ctx)
{
	char **title = ctx;
	if (!*title) {
		*title = xstrdup(row->title);
		return 0;
	}
	if (strcmp(*title, row->title) != 0) {
		/* Banks of several titles: describe them by the words given. */
		free(*title);
		*title = NULL;
		return 1;
	}
	return 0;
}

void progress_describe(const progress_source *src, const progress_options *o, bool unicode,
                       buf *out)
{
	buf raw;
	buf_init(&raw);
	buf_puts(&raw, src->learner ? src->learner : "every learner");
	buf_puts(&raw, unicode ? " · " : " - ");
	if (!o->bank) {
		buf_puts(&raw, "all banks");
	} else {
		char *title = NULL;
		if (src->store)
			store_list_banks(src->store, o->bank, first_title, &title);
		if (title)
			buf_puts(&raw, title);
		else
			buf_printf(&raw, "banks matching '%s'", o->bank);
		free(title);
	}
	text_sanitize(raw.ptr, raw.len, out);
	buf_release(&raw);
}

static void put_time(buf *out, int64_t ms, bool utc)
{
	time_t secs = (time_t)(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
	struct tm tm;
	if (!(utc ? gmtime_r(&secs, &tm) : localtime_r(&secs, &tm))) {
		buf_puts(out, "?");
		return;
	}
	char text[64];
	if (utc) {
		strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &tm);
		buf_printf(out, "%s.%03dZ", text, (int)(ms - (int64_t)secs * 1000));
	} else {
		strftime(text, sizeof text, "%Y-%m-%d %H:%M", &tm);
		buf_puts(out, text);
	}
}

void progress_local_time(buf *out, int64_t ms)
{
	put_time(out, ms, false);
}

void progress_utc_time(buf *out, int64_t ms)
{
	put_time(out, ms, true);
}

/* Numbers are written with a '.' whatever the locale: a CSV or JSON reader
 * expects one, and a comma would split a CSV field. */
static locale_t numeric_c_locale(void)
{
	static locale_t c;
	if (!c)
		c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	return c;
}

static void format_c(char *text, size_t size, const char *fmt, int precision, double x)
{
	locale_t c = numeric_c_locale();
	locale_t old = c ? uselocale(c) : (locale_t)0;
	snprintf(text, size, fmt, precision, x);
	if (c)
		uselocale(old);
}

static double parse_c(const char *text)
{
	locale_t c = numeric_c_locale();
	return c ? strtod_l(text, NULL, c) : strtod(text, NULL);
}

void progress_points(buf *out, double points)
{
	char text[64];
	format_c(text, sizeof text, "%.*f", 2, points);
	char *dot = strchr(text, '.');
	if (dot) {
		char *end = text + strlen(text);
		while (end > dot + 1 && end[-1] == '0')
			*--end = '\0';
		if (end == dot + 1)
			*dot = '\0';
	}
	if (strcmp(text, "-0") == 0)
		strcpy(text, "0");
	buf_puts(out, text);
}

int progress_percent(double fraction)
{
	if (!(fraction > 0))
		return 0;
	int p = (int)floor(fraction * 100 + 0.5);
	if (p >= 100 && fraction < 1)
		p = 99;
	return p;
}

void progress_number(buf *out, double x)
{
	if (!isfinite(x)) {
		buf_puts(out, "0");
		return;
	}
	char text[64];
	for (int precision = 15; precision <= 17; precision++) {
		format_c(text, sizeof text, "%.*g", precision, x);
		if (parse_c(text) == x)
			break;
	}
	buf_puts(out, text);
}
