#!/bin/sh
# roster.sh - `recall roster import|list` and `recall class set|show`: rosters from
# CSV with every bad line reported, re-imports, and a class's exam settings.
. "$(dirname "$0")/../lib.sh"
export RECALL_DB="$T/recall.db"
q() { sqlite3 "$RECALL_DB" "$1"; }

printf '\357\273\277id,name,group\r\ns01,Ana Lima,A\r\ns02,"Okafor, Chidi",B\r\ns03,"Say ""Hi"" Lee",\r\n' > "$T/class.csv"
run "$RECALL" roster import "$T/class.csv" --class 7B
expect_status "import: exit 0" 0
expect_text "import: what was done" "$T/out" "Class 7B created: 3 students."
q "select r.student, r.name, r.grp, r.position from roster r join class c on c.id = r.class_id
   where c.name = '7B' order by r.position" > "$T/rows"
cat > "$T/want" <<'WANT'
s01|Ana Lima|A|1
s02|Okafor, Chidi|B|2
s03|Say "Hi" Lee||3
WANT
expect_file "import: quoted fields, a byte-order mark and CRLF read right" "$T/rows" "$T/want"

run "$RECALL" roster list --class 7B --color never
expect_status "list: exit 0" 0
cat > "$T/want" <<'WANT'
Class 7B · 3 students

  ID   Name           Group  Sessions
  s01  Ana Lima       A             0
  s02  Okafor, Chidi  B             0
  s03  Say "Hi" Lee                 0
WANT
expect_file "list: the roster as a table" "$T/out" "$T/want"
run "$RECALL" roster list --class 7B --format csv
printf 'id,name,group\r\ns01,Ana Lima,A\r\ns02,"Okafor, Chidi",B\r\ns03,"Say ""Hi"" Lee",\r\n' > "$T/want"
expect_file "list --format csv: RFC 4180, as import reads it" "$T/out" "$T/want"

# Every bad line, with its place; nothing imported.
cat > "$T/bad.csv" <<'CSV'
id,name,group
s04,Dee,A
s05
s 6,Eve,B
s04,Fay,A
,Gus,
s07,Hal "the" Horse,B
:end,Ida,B
s08,"Jo
CSV
cp "$RECALL_DB" "$T/before.db"
run "$RECALL" roster import "$T/bad.csv" --class 7B
expect_status "bad rows: exit 1" 1
cat > "$T/want" <<WANT
$T/bad.csv:3:1: error: 1 field where the header has 3
$T/bad.csv:4:1: error: an id cannot hold spaces
$T/bad.csv:5:1: error: the id 's04' is listed twice
$T/bad.csv:6:1: error: an id cannot be empty
$T/bad.csv:7:9: error: a quote inside a field that is not quoted
$T/bad.csv:8:1: error: an id cannot start with ':'
$T/bad.csv:9:5: error: a quoted field is never closed
WANT
grep 'error:' "$T/err" > "$T/errors"
expect_file "bad rows: each reported with line and column" "$T/errors" "$T/want"
expect_grep "bad rows: with the line and a caret" "$T/err" "    s 6,Eve,B"
expect_grep "bad rows: says nothing was imported" "$T/err" "recall roster: nothing was imported."
q "select count(*) from roster" > "$T/n"
expect_text "bad rows: the roster is as it was" "$T/n" "3"

printf 'id,name\ns01,Ana\nx,\377\n' > "$T/latin1.csv"
run "$RECALL" roster import "$T/latin1.csv" --class 7B
expect_status "invalid UTF-8: exit 1" 1
expect_grep "invalid UTF-8: its place" "$T/err" "latin1.csv:3:3: error: invalid UTF-8"
run "$RECALL" roster import "$T/none.csv" --class 7B
expect_status "missing file: exit 1" 1
expect_grep "missing file: says so" "$T/err" "none.csv: error: cannot read it"
printf 'student,nmae\ns01,Ana\n' > "$T/header.csv"
run "$RECALL" roster import "$T/header.csv" --class 7B
expect_grep "a bad header: a hint" "$T/err" "hint: did you mean 'name'?"

# Importing again: new ids added, names updated, the rest kept or replaced.
printf 'name,id\nAna Lima-Souza,s01\nBo Berg,s04\n' > "$T/again.csv"
run "$RECALL" roster import "$T/again.csv" --class 7B
expect_text "re-import: counts" "$T/out" \
	"Class 7B: 1 student added, 1 updated, 0 unchanged; 2 students not in the file kept (--replace takes them off)."
q "select group_concat(student || '=' || name, ' ') from (select r.student, r.name from roster r
   order by r.position)" > "$T/rows"
expect_text "re-import: the file's order first, the others after" "$T/rows" \
	"s01=Ana Lima-Souza s04=Bo Berg s02=Okafor, Chidi s03=Say \"Hi\" Lee"
run "$RECALL" roster import "$T/again.csv" --class 7B --replace
expect_text "--replace: takes the others off" "$T/out" \
	"Class 7B: 0 students added, 0 updated, 2 unchanged; 2 students not in the file taken off the roster."
q "select count(*) from roster" > "$T/n"
expect_text "--replace: two left" "$T/n" "2"

# Settings.
run "$RECALL" class show --class 7B
expect_grep "show: defaults" "$T/out" "7B · 2 students · exam mode · one shuffled order · seed "
expect_grep "show: no hints, answers hidden, no limit" "$T/out" "no hints · answers hidden · no time limit"
run "$RECALL" class set --class 7B --hints --order bank --seed 42 --time-limit 1h30m --show-answers
expect_status "set: exit 0" 0
expect_text "set: the new settings" "$T/out" \
	"7B · 2 students · exam mode · the bank's order · seed 42 · hints · answers shown · 1h30m time limit"
q "select seed, shuffle, allow_hints, show_answers, time_limit_ms from class where name = '7B'" > "$T/s"
expect_text "set: stored" "$T/s" "42|0|1|1|5400000"
run "$RECALL" class set --class 7B --time-limit none --no-hints --mode practice --overrides
expect_text "set: practice with overrides, no limit" "$T/out" \
	"7B · 2 students · practice mode · the bank's order · seed 42 · no hints · overrides · no time limit"
printf 'id,name\nz1,Zoe\n' > "$T/other.csv"
"$RECALL" roster import "$T/other.csv" --class "8A maths" > /dev/null
run "$RECALL" class show
expect_grep "show: every class" "$T/out" "8A maths · 1 student · exam mode"
expect_grep "show: every class (2)" "$T/out" "7B · 2 students · practice mode"

# A class made on two machines from the same name asks in the same order.
"$RECALL" roster import "$T/other.csv" --class "8A maths" --db "$T/other.db" > /dev/null
a=$(q "select seed from class where name = '8A maths'")
b=$(sqlite3 "$T/other.db" "select seed from class where name = '8A maths'")
if [ "$a" = "$b" ]; then ok "a class's first seed comes from its name"; else not_ok "a class's first seed comes from its name" "$a vs $b"; fi

# Usage and missing things.
run "$RECALL" roster import "$T/class.csv"
expect_status "no --class: exit 2" 2
run "$RECALL" roster list --class nope
expect_status "an unknown class: exit 1" 1
expect_text "an unknown class: the known ones" "$T/err" \
	"recall roster: there is no class 'nope'; the classes are '7B', '8A maths'"
run "$RECALL" class set --class 7B
expect_status "set with nothing to set: exit 2" 2
run "$RECALL" class set --class 7B --time-limit 20
expect_status "a time limit with no unit: exit 2" 2
expect_grep "a time limit with no unit: the forms" "$T/err" "90s, 20m or 1h30m"
run "$RECALL" roster list --class 7B --db "$T/nothing.db"
expect_status "no database: exit 1" 1
expect_grep "no database: how to start" "$T/err" "recall roster import FILE --class 7B"
if [ -e "$T/nothing.db" ]; then not_ok "no database: none made"; else ok "no database: none made"; fi
for cmd in roster class report merge; do
	run "$RECALL" $cmd --help
	expect_status "$cmd --help: exit 0" 0
done
run "$RECALL" help class
expect_grep "help class: the hot seat" "$T/out" "hot seat"
