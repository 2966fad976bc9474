#!/bin/sh
# tests/cli/draft.sh - `recall draft`: usage, output files, the sample's draft, the SQuAD corpus
. tests/lib.sh

SAMPLE=content/china-fentanyl-sanctions.md
GOLDEN=tests/cli/draft-sample.golden.yaml
ARTICLES=$CORPUS/rc-answers/articles

# --- usage ------------------------------------------------------------------

run "$RECALL" draft --help
expect_status "draft --help exits 0" 0
expect_grep "draft --help shows the usage" "$T/out" "Usage: recall draft [OPTIONS] ARTICLE.md"

run "$RECALL" draft
expect_status "draft without an article is a usage error" 2
expect_grep "draft without an article says so" "$T/err" "no ARTICLE given"

run "$RECALL" draft --bogus "$SAMPLE"
expect_status "an unknown option is a usage error" 2

run "$RECALL" draft --max 0 "$SAMPLE"
expect_status "--max 0 is a usage error" 2
expect_grep "--max 0 says what it takes" "$T/err" "--max takes a whole number"

run "$RECALL" draft --kinds date,nonsense "$SAMPLE"
expect_status "an unknown kind is a usage error" 2
expect_grep "an unknown kind is named, with the known ones" "$T/err" "no kind or template 'nonsense'; they are date, actor"

run "$RECALL" draft --force "$SAMPLE"
expect_status "--force without --output is a usage error" 2

# --- bad input --------------------------------------------------------------

run "$RECALL" draft "$T/missing.md"
expect_status "a missing article exits 1" 1
expect_grep "a missing article is named" "$T/err" "missing.md: error: cannot read article"
expect_empty "a missing article writes nothing to stdout" "$T/out"

printf 'A line.\n\nBad \377 byte.\n' > "$T/bad.md"
run "$RECALL" draft "$T/bad.md"
expect_status "an article with invalid UTF-8 exits 1" 1
expect_grep "invalid UTF-8 is reported with its position" "$T/err" "bad.md:3:5: error: invalid UTF-8"

# --- the sample article -----------------------------------------------------

run "$RECALL" draft "$SAMPLE"
expect_status "the sample drafts" 0
expect_empty "the sample drafts without a message" "$T/err"
golden "the sample's draft" "$T/out" "$GOLDEN"
cp "$T/out" "$T/sample.yaml"
expect_grep "the draft says it is a draft to review" "$T/sample.yaml" "# A DRAFT question bank"
expect_grep "the draft is bank format 1" "$T/sample.yaml" "recall: 1"
expect_grep "on stdout, the article is relative to the current folder" "$T/sample.yaml" \
	"article: $SAMPLE"

# Every date and every person of the sample is named by some question:
# in a prompt, a cloze text, an answer or a choice (sources and explanations
# do not count).
awk '/^questions:/ { q = 1 } q && !/^    (source|explain):/' "$T/sample.yaml" > "$T/asked"
for date in "2023-06-18|June 18, 2023" "2023-06|June this year" 2018 2019 2020 2022; do
	if grep -Eq "$date" "$T/asked"; then ok "the draft names the date $date"; else
		not_ok "the draft names the date $date"
	fi
done
for person in "Antony Blinken" "Qin Gang" "Ben Westhoff" "Liu Yuejin" "Nancy Pelosi"; do
	key=$(awk -v n="    name: $person" '/^  [^ ].*:$/ { k = $1; sub(/:$/, "", k) } $0 == n { print k }' \
		"$T/sample.yaml")
	if grep -qF "$person" "$T/asked" || { [ -n "$key" ] && grep -qF "{actor: $key}" "$T/asked"; }; then
		ok "the draft names $person"
	else
		not_ok "the draft names $person" "actor key: '$key'"
	fi
done

# No date question shows its answer's year in its prompt; no actor question
# shows its actor's name.
awk '
	/^  - id:/ { kind = ""; prompt = "" }
	/^    kind:/ { kind = $2 }
	/^    prompt:/ { prompt = $0 }
	/^    answer:/ && kind == "date" && index(prompt, substr($2, 1, 4)) { print "date: " prompt }
' "$T/sample.yaml" > "$T/giveaways"
expect_empty "no date prompt holds its answer" "$T/giveaways"

# --- output files -----------------------------------------------------------

mkdir -p "$T/site/content" "$T/site/quizzes"
cp "$SAMPLE" "$T/site/content/sample.md"
run "$RECALL" draft "$T/site/content/sample.md" -o "$T/site/quizzes/sample.yaml"
expect_status "-o writes a file" 0
expect_empty "-o writes nothing to stdout" "$T/out"
expect_grep "with -o, the article is relative to the bank's folder" "$T/site/quizzes/sample.yaml" \
	"article: ../content/sample.md"
(cd "$T/site/quizzes" && "$RECALL" draft ../content/sample.md > "$T/here.yaml")
expect_grep "on stdout from another folder, the article is relative to it" "$T/here.yaml" \
	"article: ../content/sample.md"
(cd "$T/site" && "$RECALL" draft content/sample.md -o sample.yaml)
expect_grep "-o in the current folder names the article from there" "$T/site/sample.yaml" \
	"article: content/sample.md"

cp "$T/site/quizzes/sample.yaml" "$T/before.yaml"
run "$RECALL" draft "$T/site/content/sample.md" --max 2 -o "$T/site/quizzes/sample.yaml"
expect_status "an existing output is not overwritten" 1
expect_grep "an existing output is named, with the fix" "$T/err" \
	"sample.yaml already exists; use --force to overwrite it"
expect_file "the existing output is left as it was" "$T/site/quizzes/sample.yaml" "$T/before.yaml"

run "$RECALL" draft "$T/site/content/sample.md" --max 2 --force -o "$T/site/quizzes/sample.yaml"
expect_status "--force overwrites" 0
n=$(grep -c '^  - id:' "$T/site/quizzes/sample.yaml")
if [ "$n" -eq 2 ]; then ok "--force wrote the new draft"; else not_ok "--force wrote the new draft" "$n questions"; fi
ls "$T/site/quizzes" > "$T/listing"
expect_text "--force leaves no temporary file behind" "$T/listing" "sample.yaml"

run "$RECALL" draft "$SAMPLE" -o "$T/nowhere/x.yaml"
expect_status "an output folder that does not exist exits 1" 1
expect_grep "an output folder that does not exist is named" "$T/err" "$T/nowhere: cannot write into this folder"

run "$RECALL" draft "$T/site"
expect_status "a folder given as the article exits 1" 1
expect_grep "a folder given as the article is named" "$T/err" "is a directory"

run "$RECALL" draft "$(printf 'x\033[31m.md')"
expect_status "a missing article with an escape in its name exits 1" 1
if grep -q "$(printf '\033')" "$T/err"; then not_ok "an escape in a file name does not reach the terminal"; else
	ok "an escape in a file name does not reach the terminal"
fi

# --- options ----------------------------------------------------------------

run "$RECALL" draft --max 3 "$SAMPLE"
n=$(grep -c '^  - id:' "$T/out")
if [ "$n" -eq 3 ]; then ok "--max 3 keeps three questions"; else not_ok "--max 3 keeps three questions" "$n"; fi

run "$RECALL" draft --kinds date --max 100 "$SAMPLE"
grep '^    kind:' "$T/out" | sort -u > "$T/kinds"
expect_text "--kinds date keeps only date questions" "$T/kinds" "    kind: date"

run "$RECALL" draft --kinds who-said,role --max 100 "$SAMPLE"
grep '^    tags:' "$T/out" | sort -u > "$T/tags"
expect_text "--kinds who-said,role keeps those templates" "$T/tags" "    tags: [role]
    tags: [who-said]"

"$RECALL" draft --seed 7 "$SAMPLE" > "$T/seed7a.yaml"
"$RECALL" draft --seed 7 "$SAMPLE" > "$T/seed7b.yaml"
expect_file "the same seed gives the same draft" "$T/seed7a.yaml" "$T/seed7b.yaml"

# --- the SQuAD articles -----------------------------------------------------

mkdir -p "$T/corpus"
failed=""
[ -d "$ARTICLES" ] || failed=" (no corpus at $ARTICLES)"
for f in "$ARTICLES"/*.md; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .md)
	if ! "$RECALL" draft "$f" -o "$T/corpus/$name.yaml" 2> "$T/corpus.err"; then
		failed="$failed $name"
	elif [ "$(grep -c '^  - id:' "$T/corpus/$name.yaml")" -lt 10 ]; then
		failed="$failed $name(few)"
	fi
done
count=$(ls "$T/corpus" | wc -l)
if [ -z "$failed" ] && [ "$count" -eq 48 ]; then ok "all 48 SQuAD articles draft ten questions or more"; else
	not_ok "all 48 SQuAD articles draft ten questions or more" "$count drafts; failed:$failed"
fi

# --- the bank compiler accepts the drafts -----------------------------------

run "$RECALL" check --strict "$T/site/quizzes/sample.yaml"
expect_status "recall check --strict accepts the sample's draft" 0
"$RECALL" draft --max 1000 "$SAMPLE" -o "$T/site/quizzes/all.yaml"
run "$RECALL" check --strict --articles "$ROOT/content" "$T/site/quizzes/all.yaml"
expect_status "recall check --strict accepts every candidate of the sample" 0
"$RECALL" draft --max 1000 --seed 2 "$SAMPLE" -o "$T/site/quizzes/seed2.yaml"
run "$RECALL" check --strict --articles "$ROOT/content" "$T/site/quizzes/seed2.yaml"
expect_status "recall check --strict accepts every candidate with another seed" 0
run "$RECALL" check --strict --articles "$CORPUS" "$T"/corpus/*.yaml
expect_status "recall check --strict accepts the drafts of all 48 SQuAD articles" 0
n=$(grep -c ': [0-9]* questions, no problems$' "$T/out")
if [ "$n" -eq 48 ]; then ok "recall check finds no problem in any of the 48 drafts"; else
	not_ok "recall check finds no problem in any of the 48 drafts" "$n clean" "$(grep -v 'no problems$' "$T/out" | head -20)"
fi

# --- the articles written to try drafting on ---------------------------------

for name in marie-curie ozone-hole imjin-war; do
	run "$RECALL" draft "content/$name.md" -o "$T/site/quizzes/$name.yaml"
	expect_status "content/$name.md drafts" 0
	run "$RECALL" check --strict --articles "$ROOT/content" "$T/site/quizzes/$name.yaml"
	expect_status "recall check --strict accepts the draft of $name" 0
	"$RECALL" draft --max 1000 "content/$name.md" -o "$T/site/quizzes/$name-all.yaml"
	run "$RECALL" check --strict --articles "$ROOT/content" "$T/site/quizzes/$name-all.yaml"
	expect_status "recall check --strict accepts every candidate of $name" 0
done
cat "$T/sample.yaml" "$T/site/quizzes/marie-curie.yaml" "$T/site/quizzes/ozone-hole.yaml" \
	"$T/site/quizzes/imjin-war.yaml" > "$T/four.yaml"
# Questions are formed from the sentence, not wrapped in a template.
grep -E 'fills the blank|following happen' "$T/four.yaml" > "$T/templated" || true
expect_empty "no prompt reads 'fills the blank' or 'the following happen'" "$T/templated"
# An event is asked about, not its report.
grep -E '^    prompt: In what .*(reported|said)\?$' "$T/four.yaml" > "$T/reported" || true
expect_empty "no date question keeps a closing attribution" "$T/reported"
expect_grep "the sample's date question is formed from the sentence" "$T/sample.yaml" \
	"prompt: In what year did Beijing say it would regulate all fentanyl-related drugs"
expect_grep "Qin Gang goes by his family name, Qin" "$T/sample.yaml" "    family: Qin"
expect_grep "Marie Curie and Maria Skłodowska are one actor" "$T/site/quizzes/marie-curie.yaml" \
	"      - Maria Skłodowska"
if grep -q 'name: Maria Skłodowska' "$T/site/quizzes/marie-curie-all.yaml"; then
	not_ok "Maria Skłodowska is no actor of her own"
else
	ok "Maria Skłodowska is no actor of her own"
fi
expect_grep "Yi Sun-sin goes by Yi" "$T/site/quizzes/imjin-war-all.yaml" "  yi:"
# Each sentence is asked once: no two questions share a source, the order
# question aside.
grep -E '^    (source|kind):' "$T/four.yaml" | awk '/kind: order/ { skip = 1; next } /kind:/ { skip = 0; next } !skip' |
	sort | uniq -d > "$T/twice"
expect_empty "no sentence is asked twice" "$T/twice"

# --- pathological input: large, repetitive, one endless sentence -----------
# Each must finish quickly (drafting is linear in the article's size).

awk 'BEGIN { for (i = 0; i < 1500; i++)
	printf "On June %d, 20%02d, Secretary of State John Smith%d told the Daily News, \342\200\234We will build %d,000 homes for the Northern Region Authority (NRA) this year,\342\200\235 adding that, \342\200\234the plan is sound.\342\200\235 The Wall Street Journal (WSJ) reported in %d that Mary Jones%d, chief executive of the Acme Corporation, said so.\n\n", i % 28 + 1, i % 30, i, i, 1900 + i % 120, i }' > "$T/many.md"
awk 'BEGIN { for (i = 0; i < 30000; i++) printf "Alpha%d Beta said in %d that ", i, 1900 + i % 120; print "." }' > "$T/endless.md"
awk 'BEGIN { for (i = 0; i < 30000; i++) printf "Secretary "; print "John Smith said it.";
	for (i = 0; i < 30000; i++) printf "\342\200\234a \342\200\235b "; print "" }' > "$T/runs.md"
for f in many endless runs; do
	run timeout 60 "$RECALL" draft "$T/$f.md"
	if [ "$status" -eq 0 ] && grep -q '^recall: 1$' "$T/out"; then ok "a pathological article ($f) drafts"; else
		not_ok "a pathological article ($f) drafts" "status $status" "$(head -c 300 "$T/err")"
	fi
done

# "Engineers of the institute gave ...": inside a question the opening word
# is in lower case when the article writes it so elsewhere; names keep theirs.
"$RECALL" draft --max 1000 "$ROOT/content/tokaido-shinkansen.md" > "$T/tokaido.yaml" 2> /dev/null
if grep -q "did Engineers of" "$T/tokaido.yaml"; then not_ok "an opening common noun is lower case inside a question" "$(grep 'did Engineers' "$T/tokaido.yaml")"; else
	ok "an opening common noun is lower case inside a question"; fi
expect_grep "and the name after it keeps its capitals" "$T/tokaido.yaml" "did engineers of the Railway Technical Research Institute"

# A bank written away from its article says that check will need --articles.
"$RECALL" draft "$ROOT/content/ozone-hole.md" -o "$T/away.yaml" 2> "$T/away.err" > /dev/null
expect_grep "a bank away from its article: draft says check needs --articles" "$T/away.err" \
	"give them --articles with the article's folder"
mkdir -p "$T/proj/content" "$T/proj/quizzes"
cp "$ROOT/content/ozone-hole.md" "$T/proj/content/"
"$RECALL" draft "$T/proj/content/ozone-hole.md" -o "$T/proj/quizzes/ozone.yaml" 2> "$T/near.err" > /dev/null
if grep -q "articles" "$T/near.err"; then not_ok "a bank beside its article's folder: no warning" "$(cat "$T/near.err")"; else
	ok "a bank beside its article's folder: no warning"; fi
run "$RECALL" check "$T/proj/quizzes/ozone.yaml"
expect_status "and it compiles as it is" 0
