#!/bin/sh
# gift.sh - `recall export-bank` (Moodle GIFT, Anki text) and `recall import
# --format gift`: escaping, what GIFT cannot hold said on stderr, a round trip
# that grades the same answers the same way, the examples of Moodle's own
# documentation, and bad GIFT reported at its line and column.
. "$(dirname "$0")/../lib.sh"
G="$ROOT/tests/golden/gift"
SAMPLE="$ROOT/quizzes/china-fentanyl-sanctions.yaml"
ARTICLE="$ROOT/content/china-fentanyl-sanctions.md"

# --- Export -------------------------------------------------------------
run "$RECALL" export-bank --format gift "$SAMPLE"
expect_status "gift: exit 0" 0
cp "$T/out" "$T/sample.gift"
expect_grep "gift: the bank's category" "$T/out" '$CATEGORY: China ties fentanyl cooperation to sanctions relief'
expect_grep "gift: named by id, with its tags" "$T/out" "// [id:who-raised-issue] [tag:actors] [tag:meeting]"
expect_grep "gift: an actor's aliases and family name as extra right answers" "$T/out" \
	"::who-raised-issue::Which U.S. Secretary of State raised the sanctions issue with Qin Gang while visiting Beijing? {=Antony Blinken =Blinken =Tony Blinken"
expect_grep "gift: a year as numerical" "$T/out" "{#2018:0####"
expect_grep "gift: a claim as true/false" "$T/out" "{TRUE"
expect_grep "gift: explain and source as general feedback" "$T/out" 'Source\: “in Beijing on June 18, 2023”}'
expect_grep "stderr: a hint left out" "$T/err" "question 'narcotics-vice-commissioner': the hint is left out"
expect_grep "stderr: order as matching" "$T/err" "question 'events-in-order': GIFT has no ordering question"
expect_grep "stderr: a cloze of several blanks left out" "$T/err" "question 'pelosi-cloze': a cloze of 3 blanks cannot be said in GIFT"
expect_grep "stderr: a unit left out" "$T/err" "the unit 'drug operations' is left out"
expect_grep "stderr: positioned in the bank" "$T/err" "china-fentanyl-sanctions.yaml:414:5: note: question 'events-in-order'"
if grep -q '::pelosi-cloze::' "$T/out"; then not_ok "gift: the left-out cloze is not written"; else ok "gift: the left-out cloze is not written"; fi

run "$RECALL" export-bank --format gift "$G/special.yaml"
expect_grep "escaping: Moodle's special characters" "$T/out" '::braces::What is \{x\} in a\#b \= c\~d\: e\\f? {=\{7\} \= \#7 =\~7\: seven}'
expect_grep "escaping: text that looks like HTML is marked plain" "$T/out" "::html-ish::[plain]Is <b>this</b> & that bold?"
"$RECALL" import --format gift "$T/out" --article "$ROOT/tests/golden/report/article.md" > "$T/special.yaml" 2> /dev/null
expect_grep "escaping: read back the same" "$T/special.yaml" '    prompt: "What is {x} in a#b = c~d: e\\f?"'
expect_grep "escaping: an answer read back the same" "$T/special.yaml" '    accept: ["~7: seven"]'

run "$RECALL" export-bank --format gift "$T/nope.yaml"
expect_status "gift: a missing bank: exit 1" 1
run "$RECALL" export-bank "$SAMPLE"
expect_status "no --format: exit 2" 2
run "$RECALL" export-bank --format qti "$SAMPLE"
expect_status "an unknown format: exit 2" 2

# --- Round trip ---------------------------------------------------------
# sample bank -> GIFT -> bank: it compiles, and grades every answer the
# first bank names (right ones, accepted ones, options, a wrong one) as the
# first bank does, for the kinds GIFT holds (not order, which GIFT lacks).
run "$RECALL" import --format gift "$T/sample.gift" --article "$ARTICLE" -o "$T/back.yaml"
expect_status "import: exit 0" 0
n=$(grep -c '^  - id: ' "$T/back.yaml")
if [ "$n" = 53 ]; then ok "round trip: 53 of 57 questions come back (4 clozes of several blanks do not)"; else not_ok "round trip: how many come back" "$n"; fi
run env RECALL_ARTICLES="$ROOT/content" "$RECALL" check "$T/back.yaml"
expect_status "round trip: the bank compiles" 0
expect_grep "round trip: sources come back from the feedback" "$T/back.yaml" "    source: in Beijing on June 18, 2023"
awk '/^  - id: / { id = $3 } /^    kind: order/ { print id }' "$SAMPLE" > "$T/orders"
awk -v orders="$T/orders" '
BEGIN { while ((getline o < orders) > 0) skip[o] = 1 }
/^  - id: / { id = $3; kind = ""; next }
/^    kind: / { kind = $2; next }
function emit(v) { if (!(id in skip) && v != "") printf "%s\t%s\n", id, v }
function items(s,   n, i, a) {
	sub(/^[^[]*\[/, "", s); sub(/\]$/, "", s)
	n = split(s, a, /, /)
	for (i = 1; i <= n; i++) { v = a[i]; gsub(/^"|"$/, "", v); emit(v) }
}
/^    answer: / { v = substr($0, 13); gsub(/^"|"$/, "", v); emit(v); if (kind == "number") emit(v + 1000)
	emit("zzzz wrong") }
/^    (accept|choices|answers): / { items($0) }
/^    kind: claim/ { }
/^    text: / { t = $0; while (match(t, /\{\{[^}]*\}\}/)) { b = substr(t, RSTART + 2, RLENGTH - 4); n = split(b, p, /\|/); for (i = 1; i <= n; i++) emit(p[i]); t = substr(t, RSTART + RLENGTH) } emit("zzzz") }
/^    pairs:/ { emit("1a 2b"); emit("1b 2a"); emit("1a 2b 3c") }
' "$T/back.yaml" > "$T/answers"
printf '%s\n' "$(grep -c . "$T/answers")" > "$T/count"
"$RECALL" grade "$SAMPLE" < "$T/answers" | cut -f1,3 > "$T/graded-original"
RECALL_ARTICLES="$ROOT/content" "$RECALL" grade "$T/back.yaml" < "$T/answers" | cut -f1,3 > "$T/graded-back"
if [ "$(cat "$T/count")" -gt 150 ] && cmp -s "$T/graded-original" "$T/graded-back"; then
	ok "round trip: $(cat "$T/count") answers graded the same by both banks"
else
	not_ok "round trip: answers graded the same by both banks" "$(cat "$T/count") answers" \
		"$(paste "$T/answers" "$T/graded-original" "$T/graded-back" | awk -F'\t' '$4 != $6' | head -n 8)"
fi
grep -c '	1$' "$T/graded-back" > "$T/right"
if [ "$(cat "$T/right")" -gt 60 ]; then ok "round trip: many of them right ($(cat "$T/right"))"; else not_ok "round trip: many of them right" "$(cat "$T/right")"; fi

# --- Moodle's documentation examples ------------------------------------
cp "$ROOT/tests/golden/report/article.md" "$T/article.md"
run "$RECALL" import --format gift "$G/moodle-docs-1.gift" --article "$T/article.md" -o "$T/docs1.yaml"
expect_status "docs 1: exit 0" 0
expect_grep "docs 1: an essay is said to be left out" "$T/err" "moodle-docs-1.gift:31:1: warning: an essay question ({}) cannot be graded by recall; left out"
expect_grep "docs 1: per-answer feedback is said to be left out" "$T/err" "question 'q2': feedback to single answers left out"
run "$RECALL" check "$T/docs1.yaml"
expect_status "docs 1: the draft compiles" 0
printf 'q1\ttrue\nq2\tyellow\nq2\tred\nq3\t2\nq3\tthree\nq4\t1a 2b\nq5\t4.5\nq5\t6\nq6\t1\nq7\t1822\nq7\t1823\n' > "$T/lines"
"$RECALL" grade "$T/docs1.yaml" < "$T/lines" | cut -f1,3 | tr '\t\n' ': ' > "$T/g"
echo >> "$T/g"
expect_text "docs 1: graded as Moodle would" "$T/g" "q1:1 q2:1 q2:0 q3:1 q3:0 q4:1 q5:1 q5:0 q6:1 q7:1 q7:0 "

run "$RECALL" import --format gift "$G/moodle-docs-2.gift" --article "$T/article.md" -o "$T/docs2.yaml"
expect_status "docs 2: exit 0" 0
expect_grep "docs 2: partial credit said to be left out" "$T/err" "question 'jesus-hometown': answers with partial credit left out"
expect_grep "docs 2: a text format said" "$T/err" "its text is [markdown]; it is taken as plain text"
run "$RECALL" check "$T/docs2.yaml"
expect_status "docs 2: the draft compiles" 0
expect_grep "docs 2: the last category names the bank" "$T/docs2.yaml" "title: harry"
expect_grep "docs 2: missing word multiple choice" "$T/docs2.yaml" "    prompt: Grant is ___ in Grant's tomb."
expect_grep "docs 2: missing word short answer as a cloze" "$T/docs2.yaml" "    text: Two plus two equals {{four|4}}."
expect_grep "docs 2: a range as value and tolerance" "$T/docs2.yaml" "    tolerance: 0.0005"
expect_grep "docs 2: checkboxes as select-all" "$T/docs2.yaml" "    answers: [Grant, Grant's wife]"
expect_grep "docs 2: escaped equals signs" "$T/docs2.yaml" "    answer: = 2 + 3"
expect_grep "docs 2: a false claim's feedback as its correction" "$T/docs2.yaml" "    correction: No one is buried in Grant's tomb."
expect_grep "docs 2: a name as the id" "$T/docs2.yaml" "  - id: jesus-hometown"
printf 'q1\tno one\nq6\t4\nq8\t1a 2b 3c 4d\nq12\tb c\nq14\tb\nq10\t3.141\n' > "$T/lines"
"$RECALL" grade "$T/docs2.yaml" < "$T/lines" | cut -f1,3 | tr '\t\n' ': ' > "$T/g"
echo >> "$T/g"
expect_text "docs 2: graded as Moodle would" "$T/g" "q1:1 q6:1 q8:1 q12:1 q14:1 q10:1 "

# --- Bad GIFT -----------------------------------------------------------
run "$RECALL" import --format gift "$G/bad.gift" --article "$T/article.md" -o "$T/bad.yaml"
expect_status "bad gift: exit 1" 1
cat > "$T/want" <<EOF2
$G/bad.gift:1:11: error: the answer block opened here has no '}' (a literal brace is written \\{)
    ::a::Open {=x
              ^
$G/bad.gift:3:13: error: a matching question needs at least 2 pairs
    ::b::Pairs {=one -> 1}
                ^
$G/bad.gift:5:11: error: a numerical answer is N, N:TOLERANCE or MIN..MAX, not 'abc'
    ::c::Num {#abc}
              ^
$G/bad.gift:7:10: error: a weight is %N% with N from -100 to 100
    ::d::W {~%150%x ~y}
             ^
$G/bad.gift:11:19: error: a GIFT question has one answer block; this is a second
    ::f::Two {=a} and {=b}
                      ^
EOF2
expect_file "bad gift: every error at its line and column" "$T/err" "$T/want"
if [ -e "$T/bad.yaml" ]; then not_ok "bad gift: nothing written"; else ok "bad gift: nothing written"; fi
printf 'x {=\377}\n' > "$T/latin1.gift"
run "$RECALL" import --format gift "$T/latin1.gift" --article "$T/article.md"
expect_status "not UTF-8: exit 1" 1
expect_grep "not UTF-8: said where" "$T/err" "latin1.gift:1:5: error: not UTF-8 text"
run "$RECALL" import --format gift "$G/moodle-docs-1.gift"
expect_status "import without --article: exit 2" 2
run "$RECALL" import --format gift "$G/moodle-docs-1.gift" --article "$T/article.md" -o "$T/docs1.yaml"
expect_status "import over an existing bank: exit 1" 1
expect_grep "import over an existing bank: refused" "$T/err" "it exists already"

# --- Anki ---------------------------------------------------------------
run "$RECALL" export-bank --format anki "$SAMPLE"
expect_status "anki: exit 0" 0
head -n 6 "$T/out" > "$T/head"
cat > "$T/want" <<'EOF2'
#separator:tab
#html:true
#notetype column:1
#deck:China ties fentanyl cooperation to sanctions relief
#tags column:4
#guid column:5
EOF2
expect_file "anki: the # headers" "$T/head" "$T/want"
n=$(grep -vc '^#' "$T/out")
if [ "$n" = 57 ]; then ok "anki: a note per question"; else not_ok "anki: a note per question" "$n"; fi
bad=$(grep -v '^#' "$T/out" | awk -F'\t' 'NF != 5' | wc -l)
if [ "$bad" = 0 ]; then ok "anki: five fields on every line"; else not_ok "anki: five fields on every line" "$bad lines"; fi
expect_grep "anki: a cloze note" "$T/out" "Cloze	The PRC suspended all counternarcotics efforts in protest of former House Speaker {{c1::Nancy Pelosi}}'s visit to {{c2::Taiwan}} in the summer of {{c3::2022}}."
grep '	recall-[0-9a-f]*-who-raised-issue$' "$T/out" > "$T/note"
expect_grep "anki: the source passage on the back, the quote in bold" "$T/note" "<b>U.S. Secretary of State Antony Blinken, while visiting Beijing, raised the issue</b>"
expect_grep "anki: tags from the bank, with the kind" "$T/note" "	actor actors meeting	"
run "$RECALL" export-bank --format anki "$G/special.yaml"
expect_grep "anki: HTML escaped, spaces in tags" "$T/out" "Basic	True or false: Is &lt;b&gt;this&lt;/b&gt; &amp; that bold?"
expect_grep "anki: a tag's spaces as _" "$T/out" "	text odd two_words	"
