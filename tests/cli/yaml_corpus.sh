#!/bin/sh
# yaml_corpus.sh - every input of the YAML test suite given to `recall check`
# as a bank: no crash, hang or sanitizer report, and each input the suite
# marks invalid gets a positioned error.
. tests/lib.sh

suite=$CORPUS/yaml-test-suite
if [ ! -f "$suite/index.tsv" ]; then
	ok "# SKIP no YAML test suite at $suite"
	exit 0
fi

# Copies with short names, so that messages name the case; all in one run,
# which is also what a crash would stop.
mkdir -p "$T/y"
total=0
for dir in "$suite"/*/; do
	id=$(basename "$dir")
	[ -f "$dir/in.yaml" ] || continue
	cp "$dir/in.yaml" "$T/y/$id.yaml"
	total=$((total + 1))
done
(cd "$T/y" && timeout 120 "$RECALL" check --color=never ./*.yaml) > "$T/out" 2> "$T/err"
status=$?
case $status in
1) ok "all $total inputs checked in one run, exit 1 (none is a bank)" ;;
124) not_ok "the suite finishes" "still running after 120s" ;;
*) not_ok "the suite runs without a crash" "exit status $status" "$(tail -n 5 "$T/err")" ;;
esac

# Each input on its own: the exit status is 1, never a crash.
crashed=""
for f in "$T"/y/*.yaml; do
	timeout 10 "$RECALL" check "$f" > /dev/null 2>&1
	s=$?
	[ "$s" -eq 1 ] || crashed="$crashed $(basename "$f" .yaml):$s"
done
if [ -z "$crashed" ]; then ok "each input alone: exit 1"; else not_ok "each input alone: exit 1" "$crashed"; fi

missing=""
invalid=0
while IFS="$(printf '\t')" read -r id expect name; do
	[ "$expect" = invalid ] || continue
	[ -f "$T/y/$id.yaml" ] || continue
	invalid=$((invalid + 1))
	grep -q "^\./$id\.yaml:[0-9][0-9]*:[0-9][0-9]*: error: " "$T/err" || missing="$missing $id"
done < "$suite/index.tsv"
if [ -z "$missing" ]; then
	ok "each of the $invalid invalid inputs has a positioned error"
else
	not_ok "each invalid input has a positioned error" "without one:$missing"
fi
