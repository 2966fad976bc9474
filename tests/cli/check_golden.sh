#!/bin/sh
# check_golden.sh - one small broken bank per diagnostic, beside the exact
# stderr `recall check` must print for it (caret lines included).
#
# tests/golden/bank/NAME.yaml is checked from inside that folder, so paths in
# the messages are stable; NAME.err is the expected stderr, NAME.args (when
# present) extra options. The exit status must be 1 when an error is
# expected and 0 otherwise. RECALL_UPDATE_GOLDEN=1 rewrites the .err files.
. tests/lib.sh

dir=$ROOT/tests/golden/bank
for bank in "$dir"/*.yaml; do
	name=$(basename "$bank" .yaml)
	args=""
	[ -f "$dir/$name.args" ] && args=$(cat "$dir/$name.args")
	# shellcheck disable=SC2086
	(cd "$dir" && "$RECALL" check --color=never $args "$name.yaml") > "$T/out" 2> "$T/err"
	status=$?
	if [ ! -f "$dir/$name.err" ] && [ "${RECALL_UPDATE_GOLDEN:-}" != 1 ]; then
		not_ok "golden $name" "no expected output $name.err"
		continue
	fi
	golden "golden $name: stderr" "$T/err" "$dir/$name.err"
	expected=0
	grep -q '^[^ ].*: error: ' "$dir/$name.err" && expected=1
	expect_status "golden $name: exit status $expected" "$expected"
done
