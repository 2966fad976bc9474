#!/bin/sh
# regrade.sh - `recall regrade`: an answer accepted for everyone, one response
# overridden, a new version of a bank applied to old answers; scores summed
# again, every change recorded and shown by the report.
. "$(dirname "$0")/../lib.sh"
export RECALL_DB="$T/recall.db"
BANK="$ROOT/tests/golden/report/trip.yaml"
q() { sqlite3 "$RECALL_DB" "$1"; }

printf 'id,name\nr1,Ana\nr2,Ben\nr3,Cy\nr4,Dee\nr5,Eve\nr6,Fay\n' > "$T/roster.csv"
"$RECALL" roster import "$T/roster.csv" --class R > /dev/null
"$RECALL" class set --class R --order bank --seed 1 > /dev/null
take_as() {
	printf '%s\n' "$2" "$3" "$4" "$5" | "$RECALL" take "$BANK" --class R --student "$1" > /dev/null 2>&1
}
take_as r1 7 Paris Lima true
take_as r2 7 Paris Cusco true
take_as r3 7 Paris cusco. false
take_as r4 7 Paris Cuzco false
take_as r5 7 Rome Quito true
take_as r6 7 Paris "the Cusco" false
best() { "$RECALL" report --class R --format csv | tr -d '\r' | awk -F, -v id="$1" '$1 == id { print $8 }'; }

run "$RECALL" regrade --class R --accept capital Cusco --dry-run --user teacher
expect_status "dry run: exit 0" 0
expect_grep "dry run: says what would change" "$T/out" "Dry run: 3 responses would change"
n=$(q "select count(*) from regrade")
if [ "$n" = 0 ] && [ "$(best r2)" = 3 ]; then ok "dry run: nothing written"; else not_ok "dry run: nothing written" "$n regrades, r2 has $(best r2)"; fi

run "$RECALL" regrade --class R --accept capital Cusco --user teacher
expect_status "accept: exit 0" 0
expect_grep "accept: the responses named" "$T/out" "r3  session "
expect_grep "accept: counted" "$T/out" "3 responses changed; scores summed again."
expect_no_grep "accept: a different word is not taken" "$T/out" "r4  session"
expect_grep "accept: the line to add to the bank" "$T/out" "    accept: [Cusco]"
expect_grep "accept: where" "$T/out" "give question 'capital' in $BANK this line:"
if [ "$(best r2)" = 4 ] && [ "$(best r3)" = 3 ] && [ "$(best r4)" = 2 ]; then ok "accept: scores recomputed"; else
	not_ok "accept: scores recomputed" "r2 $(best r2) r3 $(best r3) r4 $(best r4)"; fi
q "select by_whom, reason, old_verdict, new_verdict from regrade order by id limit 1" > "$T/rec"
expect_text "accept: recorded who, why and what it was" "$T/rec" "teacher|accepted 'Cusco' for capital|wrong|correct"
v=$(q "select count(*) from regrade where at > 1000000000000")
if [ "$v" = 3 ]; then ok "accept: recorded when"; else not_ok "accept: recorded when" "$v"; fi
q "select r.override from response r join question qq on qq.id = r.question_id where qq.qid = 'capital' and r.verdict = 'correct' and r.answer <> 'Lima'" | sort -u > "$T/ov"
expect_text "accept: counted right by a person, as an override is" "$T/ov" "1"
run "$RECALL" regrade --class R --accept capital Cusco --user teacher
expect_grep "accept again: nothing left to change" "$T/out" "0 responses changed."

# The report shows it: the item's figures, the section, the answer sheet.
run "$RECALL" report --class R --color never
expect_grep "report: a Regraded section" "$T/out" "teacher · accepted 'Cusco' for capital · 3 responses"
"$RECALL" report --class R --format csv --items | tr -d '\r' | awk -F, '$2 == "capital" { print $6 }' > "$T/fac"
expect_text "report: the facility counts the accepted answers" "$T/fac" "66.7"
"$RECALL" report --class R --format json > "$T/j.json"
sqlite3 :memory: "select json_valid(readfile('$T/j.json')), json_extract(readfile('$T/j.json'), '\$.regrades[0].reason'), json_extract(readfile('$T/j.json'), '\$.regrades[0].by')" > "$T/jr"
expect_text "report json: the regrades" "$T/jr" "1|accepted 'Cusco' for capital|teacher"
run "$RECALL" report --class R --student r2 --color never
expect_grep "answer sheet: the change" "$T/out" "regraded: wrong 0 → correct 1, by teacher"
expect_grep "answer sheet: why" "$T/out" "(accepted 'Cusco' for capital)"

# One response overridden, and given partial credit.
uuid=$(q "select s.uuid from session s join learner l on l.id = s.learner_id where l.name = 'r4'")
run "$RECALL" regrade --class R --override "$(echo "$uuid" | cut -c1-8)" claim --user teacher
expect_status "override: exit 0" 0
if [ "$(best r4)" = 3 ]; then ok "override: the score moves"; else not_ok "override: the score moves" "$(best r4)"; fi
o=$(q "select r.override, r.credit from response r join session s on s.id = r.session_id join question qq on qq.id = r.question_id where s.uuid = '$uuid' and qq.qid = 'claim'")
if [ "$o" = "1|1.0" ]; then ok "override: recorded as an override"; else not_ok "override: recorded as an override" "$o"; fi
run "$RECALL" regrade --class R --override "$uuid" capital --credit 0.5 --user teacher
if [ "$(best r4)" = 3.5 ]; then ok "override --credit 0.5: partial credit"; else not_ok "override --credit 0.5: partial credit" "$(best r4)"; fi
run "$RECALL" regrade --class R --override "$uuid" nosuch
expect_status "override of a question not answered: exit 1" 1
run "$RECALL" regrade --class R --override 12 claim
expect_status "override: too short a session id: exit 2" 2

# A new version of the bank, with another accepted answer and a claim
# turned round, applied to the old answers.
mkdir "$T/v2"
cp "$ROOT/tests/golden/report/article.md" "$T/v2/article.md"
sed -e 's/    answer: Lima/    answer: Lima\n    accept: [Quito]/' "$BANK" > "$T/v2/trip.yaml"
run "$RECALL" regrade --class R --apply "$T/v2/trip.yaml" --user teacher
expect_status "apply: exit 0" 0
expect_grep "apply: r5's Quito now right" "$T/out" "r5  session"
expect_grep "apply: overridden answers kept" "$T/out" "overridden answer"
if [ "$(best r5)" = 3 ]; then ok "apply: r5's score"; else not_ok "apply: r5's score" "$(best r5)"; fi
if [ "$(best r4)" = 3.5 ]; then ok "apply: an overridden answer stays as the teacher set it"; else not_ok "apply: an overridden answer stays" "$(best r4)"; fi
if [ "$(best r2)" = 4 ]; then ok "apply: an answer accepted by hand stays, though the new bank has no accept: for it"; else not_ok "apply: accepted by hand stays" "$(best r2)"; fi
r=$(q "select reason from regrade order by id desc limit 1")
case "$r" in "re-graded with bank 'A short trip' (version "*) ok "apply: recorded with the bank's version" ;; *) not_ok "apply: recorded with the bank's version" "$r" ;; esac

# Mistakes.
run "$RECALL" regrade --class R --accept nosuch x
expect_status "accept for an unknown question: exit 1" 1
expect_grep "accept for an unknown question: says so" "$T/err" "nobody answered a question 'nosuch'"
run "$RECALL" regrade --class R
expect_status "no action: exit 2" 2
run "$RECALL" regrade --class R --accept capital
expect_status "accept without an answer: exit 2" 2
run "$RECALL" regrade --class R --override abcd claim --credit 2
expect_status "credit above 1: exit 2" 2
run "$RECALL" regrade --class R --apply "$T/nope.yaml"
expect_status "apply a missing bank: exit 1" 1
run "$RECALL" regrade --help
expect_grep "help: --accept" "$T/out" "--accept QID ANSWER"

# A regrade is all or nothing: with any write or sync of the database
# failing, it either says so and changes nothing, or finishes whole.
"$RECALL" roster import "$T/roster.csv" --class F > /dev/null
"$RECALL" class set --class F --order bank --seed 1 > /dev/null
for s in r1 r2 r3; do
	printf '7\nParis\nCusco\nfalse\n' | "$RECALL" take "$BANK" --class F --student "$s" > /dev/null 2>&1
done
cp "$RECALL_DB" "$T/base.db"
SHIM="${RECALL_BUILD:-}/faultinject.so"
if [ -f "$SHIM" ]; then
	state() { sqlite3 "$1" "select (select count(*) from regrade), (select sum(score) from session s join class c on c.id = s.class_id where c.name = 'F')"; }
	before=$(state "$T/base.db")
	cp "$T/base.db" "$T/after.db"
	"$RECALL" regrade --db "$T/after.db" --class F --accept capital Cusco > /dev/null
	after=$(state "$T/after.db")
	bad=""
	runs=0
	for kind in WRITE FSYNC; do
		lower=$(echo "$kind" | tr 'A-Z' 'a-z')
		cp "$T/base.db" "$T/f.db"
		total=$(env LD_PRELOAD="$SHIM" FAULT_REPORT=1 FAULT_PATH=f.db "$RECALL" regrade --db "$T/f.db" --class F --accept capital Cusco 2>&1 > /dev/null |
			sed -n "s/.*faultinject:.* $lower \([0-9]*\) .*/\1/p" | tail -n 1)
		n=0
		while [ "$n" -lt "${total:-0}" ]; do
			cp "$T/base.db" "$T/f.db"
			rm -f "$T/f.db-wal" "$T/f.db-shm"
			env LD_PRELOAD="$SHIM" "FAULT_$kind=$n" FAULT_PATH=f.db timeout 20 "$RECALL" regrade --db "$T/f.db" --class F --accept capital Cusco > /dev/null 2> "$T/ferr"
			st=$?
			now=$(state "$T/f.db")
			if [ "$st" = 0 ] && [ "$now" != "$after" ]; then bad="$bad $kind$n(exit 0, $now)"; fi
			if [ "$st" != 0 ] && { [ "$now" != "$before" ] || [ ! -s "$T/ferr" ]; }; then bad="$bad $kind$n(exit $st, $now)"; fi
			[ "$(sqlite3 "$T/f.db" 'PRAGMA integrity_check')" = ok ] || bad="$bad $kind$n(damaged)"
			runs=$((runs + 1))
			n=$((n + 1))
		done
	done
	if [ -z "$bad" ] && [ "$runs" -gt 5 ]; then ok "faults: $runs failed writes and syncs, each all or nothing"; else not_ok "faults: each all or nothing" "$runs runs;$bad"; fi
else
	echo "# regrade: no fault shim in this build, the fault sweep is skipped"
fi

# Regrades made on another machine come with a merge, once.
cp "$T/base.db" "$T/lab.db"
"$RECALL" regrade --db "$T/lab.db" --class F --accept capital Cusco --user lab-teacher > /dev/null
cp "$T/base.db" "$T/main.db"
run "$RECALL" merge --db "$T/main.db" "$T/lab.db"
expect_status "merge: exit 0" 0
expect_grep "merge: the regrades counted" "$T/out" "3 regrades"
m=$(sqlite3 "$T/main.db" "select (select count(*) from regrade where by_whom = 'lab-teacher'), (select sum(score) from session s join class c on c.id = s.class_id where c.name = 'F')")
if [ "$m" = "3|9.0" ]; then ok "merge: the regrades recorded and applied, scores summed again"; else not_ok "merge: regrades recorded and applied" "$m"; fi
run "$RECALL" merge --db "$T/main.db" "$T/lab.db"
n=$(sqlite3 "$T/main.db" "select count(*) from regrade where by_whom = 'lab-teacher'")
if [ "$n" = 3 ]; then ok "merge: merging again adds no regrade"; else not_ok "merge: merging again adds no regrade" "$n"; fi

# A regrade while the student is still in the exam: the session's end keeps
# the regraded score instead of writing the quiz's own over it.
printf 'id,name\nw1,Wen\n' > "$T/w.csv"
"$RECALL" roster import "$T/w.csv" --class W > /dev/null
"$RECALL" class set --class W --order bank --seed 1 > /dev/null
mkfifo "$T/answers"
"$RECALL" take "$BANK" --class W --student w1 < "$T/answers" > /dev/null 2>&1 &
taker=$!
exec 3> "$T/answers"
printf '7\nParis\nCuzco\n' >&3
i=0
while [ "$i" -lt 200 ] && [ "$(q "select count(*) from response r join session s on s.id = r.session_id join learner l on l.id = s.learner_id where l.name = 'w1'")" != 3 ]; do
	sleep 0.05
	i=$((i + 1))
done
"$RECALL" regrade --class W --accept capital Cuzco --user teacher > /dev/null 2>&1
printf 'true\n' >&3
exec 3>&-
wait "$taker"
score=$(q "select score from session s join learner l on l.id = s.learner_id where l.name = 'w1'")
if [ "$score" = 4.0 ] || [ "$score" = 4 ]; then ok "a regrade during the session: its end keeps the regraded score"; else
	not_ok "a regrade during the session: its end keeps the regraded score" "score $score"; fi
