#!/bin/sh
# grade.sh - `recall grade`: one answer, lines from stdin, errors, and a pack
# grading exactly as its bank does.
. "$(dirname "$0")/../lib.sh"
BANK=quizzes/china-fentanyl-sanctions.yaml

run "$RECALL" grade "$BANK" ousted-minister "Mr. Qin"
expect_status "one answer: exit 0" 0
expect_text "one answer: verdict, credit, note" "$T/out" "$(printf 'correct\t1\tRight: the family name is enough')"

run "$RECALL" grade "$BANK" blinken-qin-handshake "June 2023"
expect_text "a month for a day is wrong, with the reason" "$T/out" \
	"$(printf 'wrong\t0\tWrong: the article gives the day')"

# The year comes from the passage the question quotes ("in Beijing on June
# 18, 2023"), and the note says so as a teacher would.
run "$RECALL" grade "$BANK" blinken-qin-handshake "June 18"
expect_text "a day without its year, the year from the article" "$T/out" \
	"$(printf 'correct\t1\tRight: the year comes from the article')"

# A right year inside a sentence of the question's words.
run "$RECALL" grade "$BANK" issue-brief-year "The commission published it in 2018"
expect_grep "a year inside a sentence of the question's words" "$T/out" "$(printf 'correct\t1')"
run "$RECALL" grade "$BANK" issue-brief-year "The commission published it in 2019"
expect_grep "the wrong year inside the same sentence" "$T/out" "$(printf 'wrong\t0')"
run "$RECALL" grade "$BANK" issue-brief-year "before 2018"
expect_grep "a bound the article does not give" "$T/out" "$(printf 'wrong\t0')"

run "$RECALL" grade "$BANK" no-such-question "x"
expect_status "unknown question id: exit 1" 1
expect_grep "unknown question id: says so" "$T/err" "no question with the id 'no-such-question'"

# Lines from stdin: every line answered in order, errors in their place.
printf 'ousted-minister\tQin\nnope\tx\nno tab here\nblinken-qin-handshake\t18/6/2023\nblinken-qin-handshake\t2019-06-18\nousted-minister\t\n' > "$T/in"
run "$RECALL" grade "$BANK" < "$T/in"
expect_status "lines: exit 0 whatever the verdicts" 0
cat > "$T/want" <<'WANT'
ousted-minister	correct	1	Right: the family name is enough
nope	error	0	no question with this id in the bank
no tab here	error	0	no tab between the question id and the answer
blinken-qin-handshake	correct	1	
blinken-qin-handshake	wrong	0	
ousted-minister	skipped	0	
WANT
# Notes may change wording; the ids, verdicts and credits are what a script reads.
cut -f 1-3 "$T/out" > "$T/got3"
cut -f 1-3 "$T/want" > "$T/want3"
expect_file "lines: one verdict per line, in order" "$T/got3" "$T/want3"
head -n 3 "$T/out" > "$T/got-errors"
head -n 3 "$T/want" > "$T/want-errors"
expect_file "lines: error lines say what is wrong" "$T/got-errors" "$T/want-errors"

# Control characters in an id never reach the terminal.
printf 'bad\033[31mid\tx\n' | "$RECALL" grade "$BANK" > "$T/out"
if grep -q "$(printf '\033')" "$T/out"; then not_ok "an escape in an id is neutralised"
else ok "an escape in an id is neutralised"; fi

# A pack grades every answer exactly as its bank does.
"$RECALL" build "$BANK" -o "$T/sample.quiz" 2> "$T/err"
awk '/^  - id:/ { print $3 }' "$BANK" > "$T/ids"
for answer in "Qin" "2018" "June 18, 2023" "true" "a" "c a b d" "1a 2b 3c" "Shanghai" "two" "Pelosi; Taiwan"; do
	while read -r id; do printf '%s\t%s\n' "$id" "$answer"; done < "$T/ids"
done > "$T/many"
"$RECALL" grade "$BANK" < "$T/many" > "$T/from-bank"
"$RECALL" grade "$T/sample.quiz" < "$T/many" > "$T/from-pack"
expect_file "a pack grades as its bank does ($(wc -l < "$T/many") answers)" "$T/from-pack" "$T/from-bank"
if grep -q "	error	" "$T/from-bank"; then not_ok "every id of the bank is found" "$(grep "	error	" "$T/from-bank" | head -n 3)"
else ok "every id of the bank is found"; fi

run "$RECALL" grade "$T/missing.yaml" x y
expect_status "missing bank: exit 1" 1
run "$RECALL" grade "$BANK" only-an-id
expect_status "QID without ANSWER: usage error" 2
run "$RECALL" grade --date-order ymd "$BANK" x y
expect_status "bad --date-order: usage error" 2
run "$RECALL" grade "$BANK" blinken-qin-handshake "6/18/2023"
expect_text "a numeric date that can only be read one way" "$T/out" "$(printf 'correct\t1\t')"
