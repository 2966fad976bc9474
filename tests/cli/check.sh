#!/bin/sh
# check.sh - `recall check`: the sample bank, exit statuses, options, several banks.
. tests/lib.sh

sample=quizzes/china-fentanyl-sanctions.yaml

run "$RECALL" check --strict "$sample"
expect_status "the sample bank passes --strict" 0
expect_text "it says how many questions" "$T/out" "$sample: 57 questions, no problems"
expect_empty "and nothing on stderr" "$T/err"

run "$RECALL" check --quiet "$sample"
expect_status "--quiet: still exit 0" 0
expect_empty "--quiet: nothing printed" "$T/out"

# Every kind, at least 40 questions, each with a source and an explanation.
kinds=$(sed -n 's/^    kind: //p' "$sample" | sort -u | tr '\n' ' ')
expect_text_eq() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "got: $2" "expected: $3"; fi; }
expect_text_eq "the sample uses all nine kinds" "$kinds" \
	"actor choice claim cloze date match number order text "
n=$(grep -c '^  - id: ' "$sample")
sources=$(grep -c '^    source: ' "$sample")
explains=$(grep -c '^    explain: ' "$sample")
if [ "$n" -ge 40 ] && [ "$sources" -eq "$n" ] && [ "$explains" -eq "$n" ]; then
	ok "the sample has $n questions, each with source and explain"
else
	not_ok "the sample has 40+ questions with source and explain" "$n ids, $sources sources, $explains explains"
fi

mkdir -p "$T/b"
cp tests/golden/bank/article.md "$T/b/"
cat > "$T/b/good.yaml" <<'YAML'
recall: 1
article: article.md
questions:
  - id: where
    kind: text
    prompt: Where did they meet?
    answer: Beijing
    source: in Beijing
YAML
cat > "$T/b/warn.yaml" <<'YAML'
recall: 1
article: article.md
questions:
  - kind: text
    prompt: Where did they meet?
    answer: Beijing
    source: in Beijing
YAML
cat > "$T/b/bad.yaml" <<'YAML'
recall: 1
article: article.md
questions:
  - id: when
    kind: date
    prompt: When did they meet?
    answer: 2023-13-01
    source: June 18, 2023
YAML

run "$RECALL" check "$T/b/good.yaml" "$T/b/bad.yaml" "$T/b/warn.yaml"
expect_status "one bad bank among several: exit 1" 1
expect_grep "the good one is reported clean" "$T/out" "good.yaml: 1 question, no problems"
expect_grep "the bad one's error is positioned" "$T/err" "bad.yaml:7:13: error: there is no such date as \`2023-13-01\`"
expect_grep "the later bank is still checked" "$T/err" "warn.yaml:4:5: warning: question has no \`id\`"
expect_grep "a summary per bank with problems" "$T/err" "bad.yaml: 1 error, 0 warnings"

# The bank's bytes are let go once read and read again for the lines a
# diagnostic shows; a bank from a pipe is kept instead.
expect_grep "a diagnostic shows its line" "$T/err" "    answer: 2023-13-01"
expect_grep "and a caret under its column" "$T/err" "                ^"
(cd "$T/b" && cat bad.yaml | "$RECALL" check /dev/stdin > "$T/out" 2> "$T/err")
expect_grep "a bank read from a pipe: its whole text is read" "$T/err" \
	"/dev/stdin:7:13: error: there is no such date"
expect_grep "and its lines are shown" "$T/err" "    answer: 2023-13-01"
mkfifo "$T/b/named-pipe.yaml"
(cat "$T/b/bad.yaml" > "$T/b/named-pipe.yaml" &)
timeout 10 "$RECALL" check "$T/b/named-pipe.yaml" > "$T/out" 2> "$T/err"
expect_grep "a bank from a named pipe is read whole" "$T/err" \
	"named-pipe.yaml:7:13: error: there is no such date"

run "$RECALL" check "$T/b/warn.yaml"
expect_status "warnings alone: exit 0" 0
run "$RECALL" check --strict "$T/b/warn.yaml"
expect_status "warnings with --strict: exit 1" 1
expect_grep "--strict reports them as errors" "$T/err" "warn.yaml:4:5: error: question has no"

run "$RECALL" check --color=always "$T/b/bad.yaml"
if grep -q "$(printf '\033')\[" "$T/err"; then ok "--color=always colours"; else not_ok "--color=always colours"; fi
run "$RECALL" check --color=never "$T/b/bad.yaml"
if grep -q "$(printf '\033')" "$T/err"; then not_ok "--color=never has no escapes"; else ok "--color=never has no escapes"; fi

run "$RECALL" check "$T/b/missing.yaml"
expect_status "a missing bank: exit 1" 1
expect_grep "a missing bank is named" "$T/err" "missing.yaml: error: cannot read the bank: No such file or directory"
run "$RECALL" check "$T/b"
expect_status "a folder: exit 1" 1
expect_grep "a folder is refused" "$T/err" "is a directory, not a bank"

run "$RECALL" check
expect_status "no bank: usage error" 2
expect_grep "no bank: says so" "$T/err" "recall check: no BANK given"
run "$RECALL" check --frobnicate "$sample"
expect_status "unknown option: usage error" 2
run "$RECALL" check --color=sometimes "$sample"
expect_status "bad --color: usage error" 2
run "$RECALL" check --help
expect_status "--help: exit 0" 0
expect_grep "--help: usage" "$T/out" "Usage: recall check [OPTIONS] BANK..."
run "$RECALL" help check
expect_grep "recall help check" "$T/out" "Usage: recall check"

# Escapes in a bank never reach the terminal.
printf 'recall: 1\narticle: article.md\ntitle: "\\e[31mred"\nquestions:\n  - id: x\n    kind: text\n    prompt: "\\e]0;pwned\\a?"\n    answer: "\\e[2J"\n    explian: "\\e[1m"\n' > "$T/b/escape.yaml"
run "$RECALL" check --color=never "$T/b/escape.yaml"
if grep -q "$(printf '\033')" "$T/err" "$T/out"; then not_ok "escapes from a bank are neutralised"; else ok "escapes from a bank are neutralised"; fi
