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
position,id,kind,points,answered,facility,discrimination,too_easy,too_hard,negative_discrimination,wrong_answers,wrong_1,wrong_1_count,wrong_2,wrong_2_count,wrong_3,wrong_3_count
1,players,number,1,10,1,0,1,0,0,0,,,,,,
2,city,choice,1,10,0.5,1,0,0,0,5,Rome,3,Oslo,1,Lima,1
3,capital,text,1,10,0.2,0.6666666666666666,0,1,0,7,Cusco,3,Quito,2,Bogotá,2
4,claim,claim,1,10,0.4,-0.6666666666666666,0,0,1,6,false,3,no,2,n,1
WANT
tr -d '\r' < "$T/out" > "$T/items"
expect_file "items: facility, discrimination, flags and wrong answers as worked out by hand" "$T/items" "$T/want"

run "$RECALL" report --class M --format csv
tr -d '\r' < "$T/out" | cut -d, -f1-11,13- > "$T/book"
cat > "$T/want" <<'WANT'
id,name,group,on_roster,attempts,finished,best,best_points,last,last_points,max_points,latest_status,kind:number,kind:text,kind:claim,kind:choice,q:players,q:city,q:capital,q:claim
s01,Ana,A,1,1,1,0.75,3,0.75,3,4,complete,1,1,0,1,1,1,1,0
s02,Ben,A,1,1,1,0.75,3,0.75,3,4,complete,1,1,0,1,1,1,1,0
s03,Cy,A,1,1,1,0.5,2,0.5,2,4,complete,1,0,0,1,1,1,0,0
s04,Dee,A,1,1,1,0.5,2,0.5,2,4,complete,1,0,0,1,1,1,0,0
s05,Eve,A,1,1,1,0.5,2,0.5,2,4,complete,1,0,0,1,1,1,0,0
s06,Fay,B,1,1,1,0.5,2,0.5,2,4,complete,1,0,1,0,1,0,0,1
s07,Gus,B,1,1,1,0.5,2,0.5,2,4,complete,1,0,1,0,1,0,0,1
s08,Hal,B,1,1,1,0.5,2,0.5,2,4,complete,1,0,1,0,1,0,0,1
s09,Ida,B,1,1,1,0.5,2,0.5,2,4,complete,1,0,1,0,1,0,0,1
s10,Jo,B,1,2,2,0.5,2,0.5,2,4,complete,1,0,0,1,1,1,0,0
s11,Kim,B,1,0,0,,,,,,,,,,,,,,
s12,Lu,B,1,1,0,,,,,,quit,,,,,,,,
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
