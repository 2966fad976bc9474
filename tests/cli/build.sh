#!/bin/sh
# build.sh - `recall build`: packs that stand in for their bank, and refusal
# of broken banks and of damaged or foreign packs.
. tests/lib.sh

sample=$ROOT/quizzes/china-fentanyl-sanctions.yaml
cd "$T" || exit 1

run "$RECALL" build "$sample" -o sample.quiz
expect_status "build the sample" 0
expect_empty "silent on success" "$T/out"
if [ -s sample.quiz ] && [ "$(head -c 15 sample.quiz)" = "SQLite format 3" ]; then
	ok "the pack is an SQLite file"
else
	not_ok "the pack is an SQLite file"
fi
version=$(sqlite3 sample.quiz 'PRAGMA user_version' 2>/dev/null)
questions=$(sqlite3 sample.quiz 'SELECT count(*) FROM questions' 2>/dev/null)
actors=$(sqlite3 sample.quiz "SELECT name FROM actors WHERE id = 'qin'" 2>/dev/null)
if [ "$version" = 1 ] && [ "$questions" = 57 ] && [ "$actors" = "Qin Gang" ]; then
	ok "the pack holds schema 1, the questions and actors as rows"
else
	not_ok "the pack holds rows" "version $version, $questions questions, actor $actors"
fi

run "$RECALL" check sample.quiz
expect_status "check accepts the pack" 0
expect_text "the pack has every question" "$T/out" "sample.quiz: 57 questions, no problems"

"$RECALL" read -n --width 72 "$sample" > from-bank.txt 2>&1
"$RECALL" read -n --width 72 sample.quiz > from-pack.txt 2>&1
expect_file "read from the pack shows what the bank shows" from-pack.txt from-bank.txt
expect_grep "read from a bank shows its article" from-bank.txt "China Demands US Lift Sanctions"

# Without -o, the bank's name with .quiz, here.
run "$RECALL" build "$sample"
expect_status "default output" 0
if [ -f china-fentanyl-sanctions.quiz ]; then ok "default output is NAME.quiz"; else not_ok "default output is NAME.quiz"; fi

# A broken bank writes nothing.
mkdir -p broken
cp "$ROOT/tests/golden/bank/article.md" broken/
printf 'recall: 1\narticle: article.md\nquestions:\n  - id: a\n    kind: date\n    prompt: When?\n    answer: 2023-02-29\n' > broken/bank.yaml
run "$RECALL" build broken/bank.yaml -o broken.quiz
expect_status "a broken bank: exit 1" 1
expect_grep "a broken bank: its error" "$T/err" "bank.yaml:7:13: error: there is no such date as \`2023-02-29\`"
if [ -e broken.quiz ] || ls broken.quiz.tmp-* > /dev/null 2>&1; then
	not_ok "a broken bank: no pack written"
else
	ok "a broken bank: no pack written"
fi
printf 'recall: 1\narticle: article.md\nquestions:\n  - kind: text\n    prompt: Where?\n    answer: Beijing\n    source: in Beijing\n' > broken/warn.yaml
run "$RECALL" build --strict broken/warn.yaml -o warn.quiz
expect_status "--strict: a warning stops the build" 1
[ -e warn.quiz ] && not_ok "--strict: no pack written" || ok "--strict: no pack written"

# Damaged and foreign packs are refused cleanly.
head -c 20000 sample.quiz > truncated.quiz
run "$RECALL" read truncated.quiz
expect_status "a truncated pack: exit 1" 1
expect_grep "a truncated pack: damaged" "$T/err" "truncated.quiz: error: damaged pack"
head -c 30000 /dev/urandom > random.quiz
run "$RECALL" read random.quiz
expect_status "a random file: exit 1" 1
expect_grep "a random file: not a pack" "$T/err" "random.quiz: error: not a recall pack"
run "$RECALL" check random.quiz
expect_status "check of a random file: exit 1" 1
sqlite3 foreign.quiz 'CREATE TABLE notes (body TEXT);' 2>/dev/null
run "$RECALL" check foreign.quiz
expect_grep "an SQLite file of another program" "$T/err" "foreign.quiz: error: not a recall pack"
cp sample.quiz edited.quiz
sqlite3 edited.quiz "UPDATE questions SET answer_text = 'wrong' WHERE id = 'lab-city'" 2>/dev/null
run "$RECALL" check edited.quiz
expect_status "an edited pack: exit 1" 1
expect_grep "an edited pack fails its digest" "$T/err" "its contents do not match their digest"

run "$RECALL" build sample.quiz
expect_status "building a pack: usage error" 2
run "$RECALL" build
expect_status "no bank: usage error" 2
run "$RECALL" build "$sample" -o /nonexistent-folder/x.quiz
expect_status "unwritable output: exit 1" 1
expect_grep "unwritable output: says why" "$T/err" "cannot write the pack"

# An existing file is replaced only with --force, and the bank never.
cp sample.quiz before.quiz
echo "notes" > notes.txt
run "$RECALL" build "$sample" -o notes.txt
expect_status "an existing output is refused: exit 1" 1
expect_grep "an existing output is named, with the fix" "$T/err" \
	"notes.txt already exists; use --force to overwrite it"
expect_text "the existing output is left as it was" notes.txt "notes"
run "$RECALL" build "$sample" -o notes.txt --force
expect_status "--force replaces it" 0
[ "$(head -c 15 notes.txt)" = "SQLite format 3" ] && ok "--force wrote the pack" ||
	not_ok "--force wrote the pack"
mkdir -p own/quizzes own/content
cp "$ROOT/content/china-fentanyl-sanctions.md" own/content/
cp "$sample" own/quizzes/bank.yaml
cp own/quizzes/bank.yaml own/before.yaml
run "$RECALL" build own/quizzes/bank.yaml -o own/quizzes/bank.yaml --force
expect_status "the bank itself is refused, even with --force: exit 1" 1
expect_grep "the bank itself is named" "$T/err" "bank.yaml is the bank itself"
expect_file "the bank is left as it was" own/quizzes/bank.yaml own/before.yaml
run "$RECALL" build own/quizzes/bank.yaml
expect_status "the default output is new: built" 0
run "$RECALL" build own/quizzes/bank.yaml
expect_status "the default output exists the second time: refused" 1

# A file name is shown with its control characters made visible.
bad=$(printf 'x\033]0;owned\007.yaml')
cp "$sample" "own/quizzes/$bad"
run "$RECALL" check "own/quizzes/$bad"
if grep -q "$(printf '\033')" "$T/out" "$T/err"; then
	not_ok "check shows an escape in a file name as a picture" "$(od -c "$T/out" | head -3)"
else expect_grep "check shows an escape in a file name as a picture" "$T/out" "x␛]0;owned␇.yaml"; fi

# --- packs from elsewhere -----------------------------------------------------

# A name SQLite would take for a URI is still a file name.
cp sample.quiz 'file:odd.quiz?mode=memory'
run "$RECALL" check 'file:odd.quiz?mode=memory'
expect_status "a pack named like an SQLite URI opens" 0
expect_grep "it is the file of that name" "$T/out" "57 questions, no problems"

# A pack with anything beyond a pack's schema is refused before a row is read.
cp sample.quiz trigger.quiz
sqlite3 trigger.quiz "CREATE TABLE log (x); CREATE TRIGGER t AFTER INSERT ON questions BEGIN INSERT INTO log VALUES (1); END;"
run "$RECALL" check trigger.quiz
expect_status "a pack with a trigger: exit 1" 1
expect_grep "a pack with a trigger: its schema is not a pack's" "$T/err" "its schema is not a pack's"
cp sample.quiz view.quiz
sqlite3 view.quiz "ALTER TABLE questions RENAME TO q0; CREATE VIEW questions AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT q0.* FROM q0, n;"
run "$RECALL" check view.quiz
expect_status "a pack whose questions are an endless view: exit 1, at once" 1
expect_grep "a pack with a view: its schema is not a pack's" "$T/err" "its schema is not a pack's"

# A pack switched to WAL is read as it is: nothing is made beside it, so it
# reads from read-only media too.
mkdir wal && cp sample.quiz wal/w.quiz
sqlite3 wal/w.quiz 'PRAGMA journal_mode = WAL' > /dev/null
run "$RECALL" check wal/w.quiz
expect_status "a WAL-mode pack is read" 0
[ "$(ls wal)" = "w.quiz" ] && ok "nothing is written beside a pack that is read" ||
	not_ok "nothing is written beside a pack that is read" "$(ls wal)"

# take --db PACK does not turn the pack into a results database.
cp sample.quiz given.quiz
echo 2023 | "$RECALL" take --db given.quiz --limit 1 sample.quiz > "$T/out" 2> "$T/err"
status=$?
expect_status "take --db PACK: exit 1" 1
expect_grep "take --db PACK: says it is a pack" "$T/err" "given.quiz is a recall pack, not a results database"
expect_file "take --db PACK: the pack is left as it was" given.quiz sample.quiz

# A long list is read in linear time and memory, before the digest is checked.
cp sample.quiz long.quiz
sqlite3 long.quiz "
	CREATE TEMP TABLE q AS SELECT position FROM questions WHERE kind = 'choice' LIMIT 1;
	DELETE FROM question_lists WHERE question = (SELECT position FROM q) AND list = 'correct';
	WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999)
	INSERT INTO question_lists SELECT (SELECT position FROM q), 'correct', i, 0 FROM n;"
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f '%M' -o "$T/kb" "$RECALL" check long.quiz > "$T/out" 2> "$T/err"
	kb=$(tail -n 1 "$T/kb")
	[ "$kb" -lt 400000 ] && ok "... in less than 400 MB ($((kb / 1024)) MB)" ||
		not_ok "... in less than 400 MB" "$((kb / 1024)) MB"
else
	echo "# build: no GNU time here, the memory of a long list is not measured"
	"$RECALL" check long.quiz > "$T/out" 2> "$T/err"
fi
expect_grep "a pack of 20,000 answers is loaded, then fails its digest" "$T/err" \
	"its contents do not match their digest"
