/* cmd_roster.c - `recall roster import|list`: a class's students, from a CSV file */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart.h"
#include "classroom.h"
#include "cli.h"
#include "escape.h"
#include "roster.h"
#include "store.h"

static const char roster_usage[] =
	"Usage: recall roster import FILE.csv --class NAME [--replace] [OPTIONS]\n"
	"       recall roster list --class NAME [--format text|csv] [OPTIONS]\n"
	"\n"
	"A class is a roster of students and the settings its exams are taken with\n"
	"('recall class --help'). `import` reads the roster from a CSV file and makes\n"
	"the class when it is new: a header line naming the columns id, name and\n"
	"(optionally) group, then one student a line, in UTF-8 (RFC 4180 quoting:\n"
	"\"Lima, Ana\"). Every bad line is reported with its line and column, and then\n"
	"nothing is imported. Importing again updates the roster: new ids are added,\n"
	"names and groups of known ids updated, and students not in the file stay\n"
	"unless --replace is given (their results stay either way).\n"
	"\n"
	"An id is what a student types to take the exam ('recall take --class NAME\n"
	"--student ID'): at most 64 bytes, no spaces, not starting with ':'.\n"
	"\n"
	"Options:\n"
	"      --class NAME     the class (required)\n"
	"      --replace        import: take students not in the file off the roster\n"
	"  -f, --format FMT     list: text (the default) or csv, which import reads back\n"
	"      --db PATH        the database (default $RECALL_DB, or\n"
	"                       ${XDG_DATA_HOME:-~/.local/share}/recall/recall.db)\n"
	"      --color WHEN     auto, always or never\n"
	"  -h, --help           show this help\n";

typedef struct {
	const char *class_name;
	const char *db;
	bool replace;
	bool csv;
	term_color_mode color;
} roster_options;

static void plural(buf *out, size_t n, const char *one, const char *many)
{
	buf_printf(out, "%zu %s", n, n == 1 ? one : many);
}

static int import(const roster_options *o, const char *path)
{
	diag_list *d = diag_list_new();
	roster *r = roster_load(path, d);
	cli_print_diagnostics(d, o->color);
	if (!r) {
		fprintf(stderr, "recall roster: nothing was imported.\n");
		diag_list_free(d);
		return EXIT_PROBLEMS;
	}
	size_t n = roster_count(r);
	store_student *students = xmalloc(n * sizeof *students);
	for (size_t i = 0; i < n; i++) {
		const roster_student *st = roster_at(r, i);
		students[i] = (store_student){st->id, st->name, st->group};
	}
	store_options so = {.path = o->db, .write = true, .only_existing_folder = true};
	store *s = NULL;
	char *err = NULL;
	int status = EXIT_OK;
	store_roster_counts counts;
	if (store_open(&so, &s, &err) != STORE_OK) {
		classroom_error("roster", "%s", err);
		status = EXIT_PROBLEMS;
	} else if (store_roster_import(s, o->class_name, students, n, o->replace, &counts) !=
	           STORE_OK) {
		classroom_error("roster", "%s; nothing was imported", store_errmsg(s));
		status = EXIT_PROBLEMS;
	} else {
		buf line;
		buf_init(&line);
		if (counts.created) {
			buf_printf(&line, "Class %s created: ", o->class_name);
			plural(&line, counts.added, "student", "students");
		} else {
			buf_printf(&line, "Class %s: ", o->class_name);
			plural(&line, counts.added, "student added", "students added");
			buf_printf(&line, ", %zu updated, %zu unchanged", counts.updated, counts.unchanged);
		}
		if (counts.removed) {
			buf_puts(&line, "; ");
			plural(&line, counts.removed, "student", "students");
			buf_puts(&line, " not in the file taken off the roster");
		}
		if (counts.kept) {
			buf_puts(&line, "; ");
			plural(&line, counts.kept, "student", "students");
			buf_puts(&line, " not in the file kept (--replace takes them off)");
		}
		buf_puts(&line, ".");
		buf clean;
		buf_init(&clean);
		chart_style style = {.unicode = chart_unicode_locale()};
		chart_cell(&clean, line.ptr, 100000, false, &style);
		puts(clean.ptr);
		buf_release(&clean);
		buf_release(&line);
	}
	free(err);
	store_close(s);
	free(students);
	roster_free(r);
	diag_list_free(d);
	return status;
}

typedef struct {
	store_roster_row *rows;
	size_t count, cap;
} roster_rows;

static int keep_row(const store_roster_row *row, void *ctx)
{
	roster_rows *l = ctx;
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->rows = xrealloc(l->rows, l->cap * sizeof *l->rows);
	}
	store_roster_row *r = &l->rows[l->count++];
	*r = *row;
	r->id = xstrdup(row->id);
	r->name = xstrdup(row->name);
	r->group = xstrdup(row->group);
	return 0;
}

static void list_csv(const roster_rows *l, buf *out)
{
	buf_puts(out, "id,name,group\r\n");
	for (size_t i = 0; i < l->count; i++) {
		escape_csv_cell(out, l->rows[i].id, strlen(l->rows[i].id));
		buf_putc(out, ',');
		escape_csv_cell(out, l->rows[i].name, strlen(l->rows[i].name));
		buf_putc(out, ',');
		escape_csv_cell(out, l->rows[i].group, strlen(l->rows[i].group));
		buf_puts(out, "\r\n");
	}
}

static void list_text(const roster_options *o, const roster_rows *l, buf *out)
{
	chart_style style = {
		.unicode = chart_unicode_locale(),
		.color = term_use_color(o->color, STDOUT_FILENO),
	};
	int id_w = 2, name_w = 4, group_w = 0;
	for (size_t i = 0; i < l->count; i++) {
		int w = chart_width(l->rows[i].id);
		id_w = w > id_w ? w : id_w;
		w = chart_width(l->rows[i].name);
		name_w = w > name_w ? w : name_w;
		w = chart_width(l->rows[i].group);
		group_w = w > group_w ? w : group_w;
	}
	id_w = id_w > 20 ? 20 : id_w;
	name_w = name_w > 32 ? 32 : name_w;
	group_w = group_w > 12 ? 12 : group_w;
	if (group_w && group_w < 5)
		group_w = 5;
	buf title;
	buf_init(&title);
	buf_printf(&title, "Class %s%s%zu student%s", o->class_name, style.unicode ? " · " : " - ",
	           l->count, l->count == 1 ? "" : "s");
	if (style.color)
		buf_puts(out, "\033[1m");
	chart_cell(out, title.ptr, 200, false, &style);
	if (style.color)
		buf_puts(out, "\033[0m");
	buf_puts(out, "\n\n");
	buf_release(&title);
	if (style.color)
		buf_puts(out, "\033[2m");
	buf_puts(out, "  ");
	chart_cell(out, "ID", id_w, true, &style);
	buf_puts(out, "  ");
	chart_cell(out, "Name", name_w, true, &style);
	if (group_w) {
		buf_puts(out, "  ");
		chart_cell(out, "Group", group_w, true, &style);
	}
	buf_puts(out, "  Sessions");
	if (style.color)
		buf_puts(out, "\033[0m");
	buf_putc(out, '\n');
	for (size_t i = 0; i < l->count; i++) {
		const store_roster_row *r = &l->rows[i];
		buf_puts(out, "  ");
		chart_cell(out, r->id, id_w, true, &style);
		buf_puts(out, "  ");
		chart_cell(out, r->name, name_w, true, &style);
		if (group_w) {
			buf_puts(out, "  ");
			chart_cell(out, r->group, group_w, true, &style);
		}
		buf_printf(out, "  %8zu\n", r->sessions);
	}
}

static int list(const roster_options *o)
{
	store *s = NULL;
	store_class c;
	int status = classroom_open("roster", o->db, o->class_name, false, &s, &c);
	if (status != EXIT_OK)
		return status;
	roster_rows l = {0};
	if (store_roster_list(s, o->class_name, keep_row, &l) != STORE_OK) {
		classroom_error("roster", "%s", store_errmsg(s));
		status = EXIT_PROBLEMS;
	} else {
		buf out;
		buf_init(&out);
		if (o->csv)
			list_csv(&l, &out);
		else
			list_text(o, &l, &out);
		fwrite(out.ptr, 1, out.len, stdout);
		buf_release(&out);
	}
	for (size_t i = 0; i < l.count; i++) {
		free((char *)l.rows[i].id);
		free((char *)l.rows[i].name);
		free((char *)l.rows[i].group);
	}
	free(l.rows);
	store_close(s);
	return status;
}

int cmd_roster(int argc, char **argv)
{
	static const struct option options[] = {
		{"class", required_argument, NULL, 'K'},
		{"replace", no_argument, NULL, 'r'},
		{"format", required_argument, NULL, 'f'},
		{"db", required_argument, NULL, 'd'},
		{"color", required_argument, NULL, 'C'},
		{"colour", required_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{0},
	};
	roster_options o = {.color = TERM_COLOR_AUTO};
	int c, status;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:h", options, NULL)) != -1) {
		switch (c) {
		case 'K':
			o.class_name = optarg;
			break;
		case 'r':
			o.replace = true;
			break;
		case 'f':
			if (strcmp(optarg, "csv") == 0)
				o.csv = true;
			else if (strcmp(optarg, "text") != 0)
				return cli_usage_error("roster", "--format must be text or csv, not '%s'",
				                       optarg);
			break;
		default:
			status = cli_shared_option("roster", c, roster_usage, argv, &o.db, &o.color);
			if (status != CLI_NEXT)
				return status;
			break;
		}
	}
	if (optind == argc)
		return cli_usage_error("roster", "import or list?");
	const char *action = argv[optind++];
	bool importing = strcmp(action, "import") == 0;
	if (!importing && strcmp(action, "list") != 0)
		return cli_usage_error("roster", "no action '%s'; the actions are import and list",
		                       action);
	if (!o.class_name)
		return cli_usage_error("roster", "%s needs --class NAME", action);
	const char *why;
	if (!roster_valid_class(o.class_name, &why))
		return cli_usage_error("roster", "--class: %s", why);
	if (importing) {
		if (optind != argc - 1)
			return cli_usage_error("roster", optind == argc ? "import needs a FILE.csv"
			                                                : "import reads one file");
		if (o.csv)
			return cli_usage_error("roster", "--format is for list");
		return cli_finish(import(&o, argv[optind]));
	}
	if (optind != argc)
		return cli_usage_error("roster", "list takes no file, not '%s'", argv[optind]);
	if (o.replace)
		return cli_usage_error("roster", "--replace is for import");
	return cli_finish(list(&o));
}
