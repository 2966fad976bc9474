#!/bin/sh
# check_pathological.sh - huge, deep and hostile banks finish fast with a clear result.
. tests/lib.sh

# Generous limits: the sanitizer build is several times slower.
limit=60
mkdir -p "$T/p"
cp tests/golden/bank/article.md "$T/p/"

timed() {
	name=$1
	shift
	start=$(date +%s)
	timeout "$limit" "$@" > "$T/out" 2> "$T/err"
	status=$?
	elapsed=$(($(date +%s) - start))
	if [ "$status" -eq 124 ]; then
		not_ok "$name: finishes" "still running after ${limit}s"
	elif [ "$status" -gt 2 ]; then
		not_ok "$name: no crash" "exit status $status" "$(head -c 600 "$T/err")"
	else
		ok "$name: finishes in ${elapsed}s"
	fi
}

# 100,000 questions, every one with a source.
awk 'BEGIN {
	print "recall: 1\narticle: article.md\nquestions:"
	for (i = 0; i < 100000; i++)
		printf "  - id: q%d\n    kind: text\n    prompt: Where did they meet, %d?\n    answer: Beijing\n    source: in Beijing\n    explain: The first sentence.\n", i, i
}' > "$T/p/many.yaml"
timed "100,000 questions" "$RECALL" check "$T/p/many.yaml"
expect_status "100,000 questions: clean" 0
expect_text "100,000 questions: all compiled" "$T/out" "$T/p/many.yaml: 100000 questions, no problems"

# 100,000 questions with an error in each: every one is reported.
sed 's/^    answer: Beijing$/    answer:/' "$T/p/many.yaml" > "$T/p/many-bad.yaml"
timed "100,000 broken questions" "$RECALL" check "$T/p/many-bad.yaml"
expect_status "100,000 broken questions: exit 1" 1
expect_grep "100,000 broken questions: all reported" "$T/err" "many-bad.yaml: 100000 errors, 0 warnings"

# A prompt of 1 MiB on one line.
{
	printf 'recall: 1\narticle: article.md\nquestions:\n  - id: long\n    kind: text\n    prompt: '
	awk 'BEGIN { s = "word "; while (length(s) < 1048576) s = s s; printf "%s", substr(s, 1, 1048576) }'
	printf '\n    answer: Beijing\n    source: in Beijing\n    explain: x\n'
} > "$T/p/long.yaml"
timed "a 1 MiB prompt" "$RECALL" check "$T/p/long.yaml"
expect_status "a 1 MiB prompt: clean" 0

# The same line, broken: the diagnostic still comes out (without the line itself).
sed 's/^  - id: long$/  - id: long\n    kind: date/' "$T/p/long.yaml" > "$T/p/long-bad.yaml"
timed "a 1 MiB prompt with a duplicate key" "$RECALL" check "$T/p/long-bad.yaml"
expect_grep "a 1 MiB prompt: positioned error" "$T/err" "long-bad.yaml:6:5: error: duplicate key \`kind\`"

# Nesting 100,000 deep, in flow and in block style.
awk 'BEGIN { printf "recall: 1\nquestions: "; for (i = 0; i < 100000; i++) printf "["; print "" }' > "$T/p/deep.yaml"
timed "nesting 100,000 deep" "$RECALL" check "$T/p/deep.yaml"
expect_status "nesting 100,000 deep: exit 1" 1
expect_grep "nesting 100,000 deep: refused at 64" "$T/err" "deep.yaml:2:75: error: nesting deeper than 64 levels"
awk 'BEGIN { print "recall: 1"; for (i = 0; i < 100000; i++) { for (j = 0; j < i % 500; j++) printf " "; print "- a:" } }' > "$T/p/deep-block.yaml"
timed "block nesting" "$RECALL" check "$T/p/deep-block.yaml"
expect_status "block nesting: exit 1" 1

# The billion laughs: refused before anything is expanded.
{
	echo 'recall: 1'
	echo 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
	for i in b c d e f g h i; do
		p=$(printf '%s' "$i" | tr 'b-i' 'a-h')
		echo "$i: &$i [*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p,*$p]"
	done
	echo 'questions: *i'
} > "$T/p/bomb.yaml"
timed "an alias bomb" "$RECALL" check "$T/p/bomb.yaml"
expect_status "an alias bomb: exit 1" 1
expect_grep "an alias bomb: anchors refused" "$T/err" "bomb.yaml:2:4: error: YAML anchors (\`&a\`) are not allowed in a bank"
expect_grep "an alias bomb: aliases refused" "$T/err" "bomb.yaml:3:8: error: YAML aliases (\`*a\`) are not allowed in a bank"

# A mapping of 100,000 keys, two of them the same.
awk 'BEGIN { print "recall: 1\narticle: article.md\nquestions: []\nactors:"; for (i = 0; i < 100000; i++) printf "  a%d: Name %d\n", i, i; print "  a5: Again" }' > "$T/p/keys.yaml"
timed "100,000 keys" "$RECALL" check "$T/p/keys.yaml"
expect_grep "100,000 keys: the duplicate found" "$T/err" "keys.yaml:100005:3: error: duplicate key \`a5\`"

# Larger than 64 MiB: refused without being read.
: > "$T/p/huge.yaml"
truncate -s 65M "$T/p/huge.yaml"
timed "a 65 MiB bank" "$RECALL" check "$T/p/huge.yaml"
expect_status "a 65 MiB bank: exit 1" 1
expect_grep "a 65 MiB bank: refused" "$T/err" "huge.yaml:1:1: error: the bank is larger than 64 MiB"
