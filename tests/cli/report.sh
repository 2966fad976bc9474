#!/bin/sh
# report.sh - `recall report`: a small class worked out by hand (docs/CLASSROOM.md)
# taken through `recall take`, its gradebook and item analysis as text, CSV and
# JSON, and the cases with nothing to report or more than one bank.
. "$(dirname "$0")/../lib.sh"
export RECALL_DB="$T/recall.db"
G="$ROOT/tests/golden/report"
BANK="$G/trip.yaml"
q() { sqlite3 "$RECALL_DB" "$1"; }

cat > "$T/roster.csv" <<'CSV'
id,name,group
s01,Ana,A
s02,Ben,A
s03,Cy,A
s04,Dee,A
s05,Eve,A
s06,Fay,B
s07,Gus,B
s08,Hal,B
s09,Ida,B
s10,Jo,B
s11,Kim,B
s12,Lu,B
CSV
"$RECALL" roster import "$T/roster.csv" --class M > /dev/null
"$RECALL" class set --class M --order bank --seed 1 > /dev/null

# Which letter Lima is shown as in this class: the same for every student.
printf 'id,name\np1,Probe\n' > "$T/probe.csv"
"$RECALL" roster import "$T/probe.csv" --class probe > /dev/null
"$RECALL" class set --class probe --order bank --seed 1 > /dev/null
printf '7\n' | "$RECALL" take "$BANK" --class probe --student p1 > "$T/probe" 2>&1
lima=$(sed -n 's/^  (\(.\)) Lima$/\1/p' "$T/probe")
if [ -n "$lima" ]; then ok "the choice's letters are shown"; else not_ok "the choice's letters are shown" "$(cat "$T/probe")"; fi

# The worked example: ten students, answers in the bank's order (players,
# city, capital, claim); s10 picks Lima by its letter; s09 skips.
take_as() {
	printf '%s\n' "$2" "$3" "$4" "$5" | "$RECALL" take "$BANK" --class M --student "$1" > /dev/null 2>&1
}
take_as s01 7 Paris Lima false
take_as s02 seven Paris Lima no
take_as s03 7 Paris Cusco false
take_as s04 7 Paris cusco n
take_as s05 7 paris Quito false
take_as s06 7 Rome Bogotá true
take_as s07 7 rome Bogota yes
take_as s08 7 ROME. Cusco true
take_as s09 7 Oslo :skip true
take_as s10 7 "$lima" Quito no
# A second go for s10 (better: 2 of 4), which item analysis leaves out; s12
# quits after one answer; s11 never comes.
take_as s10 7 Paris Cusco no
printf '7\n:quit\n' | "$RECALL" take "$BANK" --class M --student s12 > /dev/null 2>&1

run "$RECALL" report --class M --format csv --items
expect_status "items: exit 0" 0
cat > "$T/want" <<'WANT'
position,id,kind,points,answered,facility_percent,discrimination,too_easy,too_hard,negative_discrimination,wrong_answers,wrong_1,wrong_1_count,wrong_2,wrong_2_count,wrong_3,wrong_3_count
1,players,number,1,10,100,0,1,0,0,0,,,,,,
2,city,choice,1,10,50,1,0,0,0,5,Rome,3,Oslo,1,Lima,1
3,capital,text,1,10,20,0.67,0,1,0,7,Cusco,3,Quito,2,Bogotá,2
4,claim,claim,1,10,40,-0.67,0,0,1,6,false,3,no,2,n,1
WANT
tr -d '\r' < "$T/out" > "$T/items"
expect_file "items: facility, discrimination, flags and wrong answers as worked out by hand" "$T/items" "$T/want"

run "$RECALL" report --class M --format csv
tr -d '\r' < "$T/out" | cut -d, -f1-11,13- > "$T/book"
cat > "$T/want" <<'WANT'
id,name,group,on_roster,attempts,finished,best_percent,best_points,last_percent,last_points,max_points,latest_status,latest_percent,kind:number,kind:text,kind:claim,kind:choice,q:players,q:city,q:capital,q:claim
s01,Ana,A,1,1,1,75,3,75,3,4,complete,75,100,100,0,100,1,1,1,0
s02,Ben,A,1,1,1,75,3,75,3,4,complete,75,100,100,0,100,1,1,1,0
s03,Cy,A,1,1,1,50,2,50,2,4,complete,50,100,0,0,100,1,1,0,0
s04,Dee,A,1,1,1,50,2,50,2,4,complete,50,100,0,0,100,1,1,0,0
s05,Eve,A,1,1,1,50,2,50,2,4,complete,50,100,0,0,100,1,1,0,0
s06,Fay,B,1,1,1,50,2,50,2,4,complete,50,100,0,100,0,1,0,0,1
s07,Gus,B,1,1,1,50,2,50,2,4,complete,50,100,0,100,0,1,0,0,1
s08,Hal,B,1,1,1,50,2,50,2,4,complete,50,100,0,100,0,1,0,0,1
s09,Ida,B,1,1,1,50,2,50,2,4,complete,50,100,0,100,0,1,0,0,1
s10,Jo,B,1,2,2,50,2,50,2,4,complete,50,100,0,0,100,1,1,0,0
s11,Kim,B,1,0,0,,,,,,,,,,,,,,,
s12,Lu,B,1,1,0,,,,,,quit,25,,,,,,,,
WANT
expect_file "gradebook CSV: numbers as numbers, one column per question" "$T/book" "$T/want"
tr -d '\r' < "$T/out" | cut -d, -f12 | sed -n '2p;13p' | tr '\n' ' ' > "$T/times"
case "$(cat "$T/times")" in
[0-9]*" ") ok "gradebook CSV: the time taken in seconds, empty when none" ;;
*) not_ok "gradebook CSV: the time taken in seconds, empty when none" "$(cat "$T/times")" ;;
esac

run "$RECALL" report --class M --color never
expect_status "text: exit 0" 0
# The times taken are the one thing that differs run to run.
sed 's/ [0-9]*:[0-9][0-9]  / T  /' "$T/out" > "$T/shown"
golden "text: the gradebook, the class and the item analysis" "$T/shown" "$G/worked.txt"

run "$RECALL" report --class M --format json
expect_status "json: exit 0" 0
v=$(sqlite3 :memory: "select json_valid(readfile('$T/out'))")
if [ "$v" = 1 ]; then ok "json: valid"; else not_ok "json: valid" "$(head -c 400 "$T/out")"; fi
sqlite3 :memory: "select json_extract(j, '\$.summary.mean'), json_extract(j, '\$.summary.sd'),
	json_extract(j, '\$.summary.histogram'),
	json_extract(j, '\$.item_analysis.items[3].discrimination'),
	json_extract(j, '\$.item_analysis.items[1].common_wrong[0].answer'),
	json_extract(j, '\$.students[9].best.questions.city'),
	json_extract(j, '\$.students[10].best')
	from (select readfile('$T/out') as j)" > "$T/j"
expect_text "json: the figures, as numbers" "$T/j" \
	"0.55|0.1|[0,0,0,0,0,8,0,2,0,0]|-0.666666666666667|Rome|1|"

# A wrong answer reaches the terminal only sanitised.
printf 'id,name\nx1,Xavier\n' > "$T/x.csv"
"$RECALL" roster import "$T/x.csv" --class X > /dev/null
printf '1\n\033[31mred\033]0;title\007\nno\nno\n' | "$RECALL" take "$BANK" --class X --student x1 > /dev/null 2>&1
run "$RECALL" report --class X --color never
if grep -q "$(printf '\033')" "$T/out"; then not_ok "text: typed escapes are neutralised"; else ok "text: typed escapes are neutralised"; fi
expect_grep "text: shown as visible pictures" "$T/out" "␛[31mred"

# Nothing to report yet; several banks; a bank not taken.
"$RECALL" roster import "$T/x.csv" --class Empty > /dev/null
run "$RECALL" report --class Empty --color never
expect_status "no results: exit 0" 0
expect_grep "no results: says so" "$T/out" "Class Empty · no results yet"
expect_grep "no results: the roster, not taken" "$T/out" "  x1  Xavier      —  not taken"
printf '7\n' | "$RECALL" take "$ROOT/quizzes/china-fentanyl-sanctions.yaml" --class X --student x1 > /dev/null 2>&1
run "$RECALL" report --class X
expect_status "two banks: exit 2" 2
expect_grep "two banks: names them" "$T/err" "class 'X' has results on 2 banks: 'A short trip', 'China ties"
run "$RECALL" report --class X --bank "a short trip" --format csv
expect_status "--bank picks one: exit 0" 0
expect_grep "--bank picks one: its questions" "$T/out" "q:players"
run "$RECALL" report --class M --bank "no such bank"
expect_status "a bank the class did not take: exit 1" 1
run "$RECALL" report --class nope
expect_status "an unknown class: exit 1" 1
run "$RECALL" report
expect_status "no --class: exit 2" 2
run "$RECALL" report --class M --items
expect_status "--items without csv: exit 2" 2

# One student's answer sheet: every answer, its verdict, credit and the
# right answer where it was missed; a session id works too.
run "$RECALL" report --class M --student s03 --color never
expect_status "answer sheet: exit 0" 0
expect_grep "answer sheet: who" "$T/out" "s03 Cy · class M · A short trip"
expect_grep "answer sheet: the attempt" "$T/out" "Attempt 1 of 1 · complete · 50% (2/4)"
expect_grep "answer sheet: a verdict and credit" "$T/out" "3  capital · wrong · 0 of 1 point"
expect_grep "answer sheet: what was typed" "$T/out" "typed: “Cusco”"
expect_grep "answer sheet: the right answer" "$T/out" "right: “Lima”"
expect_grep "answer sheet: the prompt" "$T/out" "What is the capital of Peru?"
uuid=$(q "select s.uuid from session s join learner l on l.id = s.learner_id where l.name = 's12'")
run "$RECALL" report --class M --student "$(echo "$uuid" | cut -c1-8)" --color never
expect_grep "answer sheet by session id: the student" "$T/out" "s12 Lu · class M"
expect_grep "answer sheet: a quit attempt, as far as it went" "$T/out" "Attempt 1 of 1 · quit · 25% (1/4)"
run "$RECALL" report --class M --session "$uuid" --color never
expect_grep "--session: the same sheet" "$T/out" "s12 Lu · class M"
run "$RECALL" report --class M --student nobody
expect_status "answer sheet of nobody: exit 1" 1
expect_grep "answer sheet of nobody: says so" "$T/err" "no attempt by a student 'nobody'"
run "$RECALL" report --class M --student s03 --format csv
expect_status "answer sheet is text: exit 2" 2

# A partial attempt shows its score so far and how it ended.
run "$RECALL" report --class M --color never
expect_grep "partial attempt: its score and how it ended" "$T/out" "  s12  Lu    B          1   25%  quit*"

# Too few students for flags: said, and none raised.
printf 'id,name\nf1,One\nf2,Two\n' > "$T/few.csv"
"$RECALL" roster import "$T/few.csv" --class Few > /dev/null
"$RECALL" class set --class Few --order bank --seed 1 > /dev/null
printf '7\nParis\nLima\ntrue\n' | "$RECALL" take "$BANK" --class Few --student f1 > /dev/null 2>&1
run "$RECALL" report --class Few --color never
expect_grep "few students: says flags need 5" "$T/out" "(no flags: they need at least 5 students, and 1 took it)"
expect_no_grep "few students: nothing flagged too easy" "$T/out" "too easy"

# Every kind of question: the gradebook fits the width given, cloze blanks
# show as ___, and CSV rounds.
printf 'id,name,group\nw1,A very long name indeed for a student,Group-Long\n' > "$T/w.csv"
"$RECALL" roster import "$T/w.csv" --class W > /dev/null
SAMPLE="$ROOT/quizzes/china-fentanyl-sanctions.yaml"
yes :skip | head -n 200 | "$RECALL" take "$SAMPLE" --class W --student w1 > /dev/null 2>&1
for cols in 40 60 100; do
	COLUMNS=$cols "$RECALL" report --class W --color never > "$T/wide" 2>&1
	w=$(wc -L < "$T/wide")
	if [ "$w" -le "$cols" ]; then ok "fits $cols columns ($w)"; else
		not_ok "fits $cols columns" "widest line $w" "$(awk -v c="$cols" 'length($0) > c' "$T/wide" | head -n 3)"
	fi
done
COLUMNS=60 "$RECALL" report --class W --color never > "$T/wide"
expect_grep "narrow: says which columns it left out" "$T/wide" "kind columns left out to fit the width"
"$RECALL" report --class W --color never > "$T/file"
expect_grep "to a file: every kind's column" "$T/file" "cloze"
expect_no_grep "cloze: no raw markup" "$T/file" "{{"
expect_grep "cloze: blanks as ___" "$T/file" "remain ___ and ___"
"$RECALL" report --class W --format csv --items > "$T/items.csv"
if awk -F, 'NR > 1 && $6 ~ /\.[0-9][0-9]/' "$T/items.csv" | grep -q .; then
	not_ok "CSV: facility to one decimal" "$(head -n 3 "$T/items.csv")"
else ok "CSV: facility to one decimal"; fi

# On a terminal: paged through $PAGER, and fitted to the terminal.
. "$ROOT/tests/tty.sh"
DB="$RECALL_DB"
TTY_COLS=70 start "PAGER='cat > $T/paged'" "$RECALL" report --class W
if wait_screen "EXIT=0" > /dev/null; then
	if grep -q "Item analysis" "$T/paged" 2> /dev/null; then ok "terminal: the report goes to \$PAGER"; else not_ok "terminal: the report goes to \$PAGER"; fi
	w=$(sed 's/\x1b\[[0-9;]*m//g' "$T/paged" | wc -L)
	if [ "$w" -le 70 ]; then ok "terminal: fitted to its 70 columns ($w)"; else not_ok "terminal: fitted to its 70 columns" "widest $w"; fi
else
	not_ok "terminal: the report ends"
fi

# A typed answer or a roster name that a spreadsheet would run as a formula
# is written as text, with a ' in front.
printf 'id,name\nz1,@SUM(A1)\n' > "$T/z.csv"
"$RECALL" roster import "$T/z.csv" --class Z > /dev/null
"$RECALL" class set --class Z --order bank --seed 1 > /dev/null
printf '%s\n' 7 Paris '=HYPERLINK("http://x")' false | "$RECALL" take "$BANK" --class Z --student z1 > /dev/null 2>&1
run "$RECALL" report --class Z --format csv --items
expect_grep "csv: a typed formula is neutralised" "$T/out" "'=HYPERLINK"
run "$RECALL" report --class Z --format csv
expect_grep "csv: a roster name like a formula is neutralised" "$T/out" "z1,\"'@SUM(A1)"
run "$RECALL" roster list --class Z --format csv
expect_grep "roster csv: a name like a formula is neutralised" "$T/out" "'@SUM(A1)"
