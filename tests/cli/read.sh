#!/bin/sh
# read.sh - `recall read`: golden renders, the CommonMark examples, escapes, errors.
. "$(dirname "$0")/../lib.sh"
G="$ROOT/tests/golden/read"
SAMPLE="$ROOT/content/china-fentanyl-sanctions.md"
LINECHECK="$RECALL_BUILD/helpers/linecheck"

for width in 40 80; do
	for color in never always; do
		run "$RECALL" read --width "$width" --color "$color" "$SAMPLE"
		expect_status "sample article at $width columns, colour $color: exit 0" 0
		golden "sample article at $width columns, colour $color: as expected" \
			"$T/out" "$G/sample-$width-$color.txt"
		if "$LINECHECK" "$width" "$T/out" > "$T/lc"; then
			ok "sample article at $width columns, colour $color: fits, no stray control bytes"
		else
			not_ok "sample article at $width columns, colour $color: fits" "$(head -n 5 "$T/lc")"
		fi
	done
done

run "$RECALL" read --width 60 --numbers --color never "$SAMPLE"
golden "numbered paragraphs" "$T/out" "$G/sample-numbers-60.txt"
expect_grep "the closing paragraph is ¶21" "$T/out" "¶21 The PRC suspended"

# A word longer than the line breaks, and the spaces around it stay.
printf 'See https://example.org/a/very/long/path/index.html for details.\n\nCooperation On it.\n' > "$T/long.md"
run "$RECALL" read --width 30 --color never "$T/long.md"
expect_grep "a long word: the space after it stays" "$T/out" "g/path/index.html for details."
run "$RECALL" read --width 10 --color never "$T/long.md"
printf 'Cooperatio\nn On it.\n' > "$T/want"
tail -n 2 "$T/out" > "$T/got"
expect_file "a word wider than the window: the next word keeps its space" "$T/got" "$T/want"

# With --numbers the gutter holds the ¶ numbers only: bullets, numbers of an
# ordered list and a quote's bar stay in the text column.
printf 'Intro.\n\n- one two three four five six seven\n- two\n\n> quoted words\n' > "$T/list.md"
run "$RECALL" read --width 20 --numbers --color never "$T/list.md"
printf '%s\n' '¶1 Intro.' '' '¶2 • one two three' '     four five six' '     seven' \
	'¶3 • two' '' '¶4 │ quoted words' > "$T/want"
expect_file "--numbers: bullets inside the text column" "$T/out" "$T/want"

# NO_COLOR and TERM=dumb turn auto colour off even when forced onto a pipe
# would be wrong; auto on a pipe is never coloured.
NO_COLOR=1 run "$RECALL" read --width 80 "$SAMPLE"
expect_file "NO_COLOR: same as --color never" "$T/out" "$G/sample-80-never.txt"
TERM=xterm run "$RECALL" read --width 80 "$SAMPLE"
expect_file "a pipe gets no colour" "$T/out" "$G/sample-80-never.txt"
COLUMNS=80 run "$RECALL" read "$SAMPLE"
expect_file "COLUMNS sets the width when not a terminal" "$T/out" "$G/sample-80-never.txt"
COLUMNS=300 run "$RECALL" read --color never "$SAMPLE"
if "$LINECHECK" 100 "$T/out" > "$T/lc"; then ok "wide terminals still get at most 100 columns"
else not_ok "wide terminals still get at most 100 columns" "$(head -n 3 "$T/lc")"; fi

run "$RECALL" read --width 40 --color never "$G/constructs.md"
golden "every construct at 40 columns" "$T/out" "$G/constructs-40.txt"
run "$RECALL" read --width 40 --color always "$G/constructs.md"
golden "every construct at 40 columns in colour" "$T/out" "$G/constructs-40-color.txt"

for color in never always; do
	run "$RECALL" read --width 60 --color "$color" "$G/escapes.md"
	golden "escape sequences neutralised (colour $color)" "$T/out" "$G/escapes-$color.txt"
	if "$LINECHECK" 60 "$T/out" > "$T/lc"; then ok "no escape from the input reaches the output (colour $color)"
	else not_ok "no escape from the input reaches the output (colour $color)" "$(head -n 5 "$T/lc")"; fi
done

# Every CommonMark spec example at 60 columns: no failure, nothing too wide,
# no control byte.
if [ -d "$CORPUS/commonmark/examples" ]; then
	total=0
	bad=0
	for f in "$CORPUS"/commonmark/examples/*.md; do
		total=$((total + 1))
		if ! "$RECALL" read --width 60 --color never "$f" > "$T/cm" 2> "$T/cmerr"; then
			bad=$((bad + 1))
			echo "  $(basename "$f"): exit $?: $(head -c 200 "$T/cmerr")"
		elif ! "$LINECHECK" 60 "$T/cm" > "$T/lc"; then
			bad=$((bad + 1))
			echo "  $(basename "$f"): $(head -n 2 "$T/lc")"
		fi
	done
	if [ "$bad" -eq 0 ] && [ "$total" -ge 652 ]; then
		ok "all $total CommonMark examples render within 60 columns"
	else
		not_ok "CommonMark examples render within 60 columns" "$bad of $total failed"
	fi
else
	not_ok "CommonMark examples render within 60 columns" "no corpus at $CORPUS"
fi

# Errors: one clear message, exit 1.
run "$RECALL" read "$T/missing.md"
expect_status "missing file: exit 1" 1
expect_text "missing file: message" "$T/err" "$T/missing.md: error: cannot read article: No such file or directory"

mkdir "$T/folder"
run "$RECALL" read "$T/folder"
expect_status "directory: exit 1" 1
expect_text "directory: message" "$T/err" "$T/folder: error: is a directory, not an article"

printf 'fine\nbad \377 byte\n' > "$T/bad.md"
run "$RECALL" read "$T/bad.md"
expect_status "invalid UTF-8: exit 1" 1
printf '%s\n' "$T/bad.md:2:5: error: invalid UTF-8 (byte 0xFF)" "    bad � byte" "        ^" > "$T/want"
expect_file "invalid UTF-8: line, column and caret" "$T/err" "$T/want"

printf -- '---\ntitle: fine\npublished: [2023\n---\nbody\n' > "$T/fm.md"
run "$RECALL" read "$T/fm.md"
expect_status "broken front matter: exit 1" 1
expect_grep "broken front matter: positioned" "$T/err" "$T/fm.md:3:"
expect_grep "broken front matter: says so" "$T/err" "broken front matter"

# Front matter is checked: an unknown field is a warning with a did-you-mean,
# the article still shown; a `published` that is no date is an error.
printf -- '---\ntitel: A slip\n---\n\nbody\n' > "$T/titel.md"
run "$RECALL" read --color never "$T/titel.md"
expect_status "unknown front matter field: exit 0" 0
expect_grep "unknown front matter field: positioned warning" "$T/err" \
	"$T/titel.md:2:1: warning: unknown front matter field \`titel\`"
expect_grep "unknown front matter field: did you mean" "$T/err" "did you mean \`title\`?"
expect_grep "unknown front matter field: the article is shown" "$T/out" "body"
for date in 2024-02-30 "June 2024"; do
	printf -- '---\ntitle: T\npublished: %s\n---\n\nbody\n' "$date" > "$T/date.md"
	run "$RECALL" read --color never "$T/date.md"
	expect_status "published: $date: exit 1" 1
	expect_grep "published: $date: positioned error" "$T/err" "$T/date.md:3:12: error: \`published\`"
	run "$RECALL" draft "$T/date.md"
	expect_status "draft, published: $date: exit 1" 1
	expect_grep "draft, published: $date: positioned error" "$T/err" "$T/date.md:3:12: error:"
done

printf -- '---\ntitle: never closed\n\nbody\n' > "$T/open.md"
run "$RECALL" read "$T/open.md"
expect_status "unterminated front matter: exit 1" 1
expect_text "unterminated front matter: message" "$T/err" \
	"$T/open.md:1:1: error: broken front matter: no closing \`---\` line
    ---
    ^"

if [ "$(id -u)" != 0 ]; then
	printf 'x\n' > "$T/secret.md"
	chmod 000 "$T/secret.md"
	run "$RECALL" read "$T/secret.md"
	expect_status "unreadable file: exit 1" 1
fi

run "$RECALL" read
expect_status "no FILE: usage error, exit 2" 2
run "$RECALL" read --width 0 "$SAMPLE"
expect_status "bad --width: exit 2" 2
run "$RECALL" read --color sometimes "$SAMPLE"
expect_status "bad --color: exit 2" 2
run "$RECALL" read --help
expect_status "--help: exit 0" 0
expect_grep "--help: describes --numbers" "$T/out" "--numbers"

# A reader that closes the pipe early is not an error worth a message.
"$RECALL" read --width 80 "$SAMPLE" 2> "$T/err" | head -n 1 > /dev/null
expect_empty "closed pipe: no message" "$T/err"

if "$RECALL" read --width 80 "$SAMPLE" > /dev/full 2> "$T/err"; then
	not_ok "full disk: non-zero exit"
else
	ok "full disk: non-zero exit"
	expect_grep "full disk: says so" "$T/err" "write error"
fi
