#!/bin/sh
# grading_corpus.sh - the judged corpus: answers typed as students type them,
# each with the verdict a teacher gave, graded by `recall grade` and compared.
#
# tests/grading/NAME.tsv holds `qid<TAB>typed<TAB>verdict<TAB>why` rows (a
# header line first) for quizzes/NAME.yaml. A teacher's verdict agrees with
# the grader's when:
#   right     - correct or close
#   partial   - partial (some credit, not all)
#   wrong     - wrong
#   ambiguous - ambiguous (the student is asked again)
# Rows the grader is known to get wrong are listed, as `qid<TAB>typed`, in
# tests/grading/known-disagreements.txt: they are reported, not failed. A row
# that disagrees and is not listed fails, and so does a listed row that now
# agrees or is no longer in the corpus: the list can only shrink.
# RECALL_UPDATE_KNOWN=1 rewrites the list from the grader under test.
. "$(dirname "$0")/../lib.sh"

dir=$ROOT/tests/grading
known=$dir/known-disagreements.txt
[ -f "$known" ] || known=/dev/null
: > "$T/seen"
: > "$T/new-known"
failed=0

for tsv in "$dir"/*.tsv; do
	name=$(basename "$tsv" .tsv)
	bank=$ROOT/quizzes/$name.yaml
	tail -n +2 "$tsv" > "$T/rows"
	cut -f 1,2 "$T/rows" > "$T/in"
	"$RECALL" grade "$bank" < "$T/in" > "$T/got" 2> "$T/err"
	status=$?
	if [ "$status" -ne 0 ] || [ "$(wc -l < "$T/got")" -ne "$(wc -l < "$T/rows")" ]; then
		not_ok "corpus $name: graded every row" "exit status $status" "$(head -c 600 "$T/err")"
		failed=1
		continue
	fi
	cut -f 1,2 "$T/rows" >> "$T/seen"
	: > "$T/failures"
	# Fields: 1 qid, 2 typed, 3 verdict, 4 why | 5 qid, 6 verdict, 7 credit, 8 note.
	paste "$T/rows" "$T/got" | awk -F '\t' -v name="$name" -v report="$T/report" \
		-v failures="$T/failures" -v newknown="$T/new-known" -v knownfile="$known" '
		BEGIN {
			while ((getline l < knownfile) > 0)
				if (l !~ /^#/ && split(l, f, "\t") >= 2) listed[f[1] "\t" f[2]] = 1
		}
		{
			key = $1 "\t" $2
			rows++
			if ($3 == "right") agree = ($6 == "correct" || $6 == "close")
			else if ($3 == "partial" || $3 == "wrong" || $3 == "ambiguous") agree = ($6 == $3)
			else {
				printf "bad verdict `%s` for %s | %s (right, partial, wrong or ambiguous)\n", \
					$3, $1, $2 >> failures
				next
			}
			if ($5 != $1 || $6 == "error") {
				printf "%s | %s: the grader said %s %s\n", $1, $2, $6, $8 >> failures
				next
			}
			if (agree) {
				agreed++
				if (key in listed)
					printf "now agrees: %s | %s (%s); remove it from tests/grading/known-disagreements.txt\n", \
						$1, $2, $3 >> failures
				next
			}
			print key >> newknown
			line = sprintf("%s | %s: expected %s, got %s %s (%s)", $1, $2, $3, $6, $7, $8)
			if (key in listed) known++
			else print "disagrees: " line >> failures
			print "  " ((key in listed) ? "known " : "NEW   ") line >> report
		}
		END {
			printf "%s: agreement %d/%d (%.1f%%), %d known disagreements\n", name, agreed, rows, \
				rows ? 100 * agreed / rows : 0, known >> report
		}'
	cat "$T/report" >&2
	summary=$(tail -n 1 "$T/report")
	rm -f "$T/report"
	if [ -s "$T/failures" ]; then
		not_ok "$summary"
		sed 's/^/  /' "$T/failures"
		failed=1
	else
		ok "$summary"
	fi
done

# A listed row that is in no corpus file any more is stale.
awk -F '\t' 'FNR == NR { seen[$1 "\t" $2] = 1; next }
	$0 !~ /^#/ && NF >= 2 && !(($1 "\t" $2) in seen) { print "  " $1 " | " $2 }' \
	"$T/seen" "$known" > "$T/stale"
if [ -s "$T/stale" ]; then
	not_ok "every known disagreement is a row of the corpus"
	cat "$T/stale"
	failed=1
else
	ok "every known disagreement is a row of the corpus"
fi

if [ "${RECALL_UPDATE_KNOWN:-}" = 1 ]; then
	{
		echo "# Rows of tests/grading/*.tsv the grader is known to disagree with, as"
		echo "# qid<TAB>typed. tests/cli/grading_corpus.sh reports them without failing;"
		echo "# a row listed here that agrees again fails the test until it is removed."
		cat "$T/new-known"
	} > "$dir/known-disagreements.txt"
	echo "wrote $dir/known-disagreements.txt ($(wc -l < "$T/new-known") rows)" >&2
fi
exit "$failed"
