#!/bin/sh
# faults.sh - injected failures of open, read, write and malloc (tests/faultinject.c):
# each gives a clear message and a non-zero exit, never a crash or a hang.
#
# The shim is preloaded with LD_PRELOAD, which AddressSanitizer does not
# allow beside it, so this suite runs against the normal build only (the
# sanitizer build has no shim and skips it). Commands join as they land: each
# section below runs when `recall help CMD` knows the command.
. "$(dirname "$0")/../lib.sh"
SHIM="$RECALL_BUILD/faultinject.so"
if [ ! -f "$SHIM" ]; then
	echo "# faults: no shim in $RECALL_BUILD (sanitizer builds have none), skipped"
	exit 0
fi
SAMPLE="$ROOT/content/china-fentanyl-sanctions.md"
SAMPLE_BANK="$ROOT/quizzes/china-fentanyl-sanctions.yaml"
G="$ROOT/tests/golden/read"

# inject VAR=VALUE... -- CMD...: runs CMD with the shim and those settings,
# like `run` (stdout in $T/out, stderr in $T/err, status in $status). A run
# that takes 20 seconds is a hang (status 124).
# Only CMD gets the shim, not `timeout`; the shell's own "Aborted" notice for
# a run ended by abort() is not part of what recall printed.
inject() {
	{
		(
			while [ "$1" != -- ]; do export "$1"; shift; done
			shift
			exec timeout 20 env LD_PRELOAD="$SHIM" "$@"
		) > "$T/out" 2> "$T/err"
		status=$?
	} 2> /dev/null
}

# calls KIND CMD...: how many calls of KIND (open, read, write, fsync, malloc)
# a clean run of CMD makes.
calls() {
	kind=$1
	shift
	inject FAULT_REPORT=1 -- "$@"
	sed -n "s/.*faultinject:.* $kind \([0-9]*\) .*/\1/p" "$T/err" | tail -n 1
}

# expect_failure NAME MESSAGE: exit 1, nothing on stdout, and stderr is
# exactly MESSAGE (one line).
expect_failure() {
	if [ "$status" -ne 1 ]; then
		not_ok "$1" "exit status $status, expected 1" "stderr: $(head -c 400 "$T/err")"
	elif [ -s "$T/out" ]; then
		not_ok "$1" "output despite the failure: $(head -c 200 "$T/out")"
	else
		expect_text "$1" "$T/err" "$2"
	fi
}

# A run ended by the out-of-memory path: recall's allocators (and cmark's)
# print one line and abort, by design (STYLE.md, "Memory and errors").
out_of_memory() {
	grep -qE '^recall: out of memory|^\[cmark\] (m|c|re)alloc returned null pointer|out of memory' "$T/err" &&
		! grep -qE 'Sanitizer|runtime error|Segmentation' "$T/err" &&
		{ [ "$status" -eq 134 ] || [ "$status" -eq 1 ]; }
}

# sweep_malloc NAME MAX_POINTS CMD...: makes the Nth allocation of CMD fail,
# for N from 0 to every allocation a clean run makes (at most MAX_POINTS
# values of N, evenly spread). Each run must either behave exactly as the
# clean run (same status, stdout and stderr) or end by the out-of-memory path.
sweep_malloc() {
	name=$1 points=$2
	shift 2
	run "$@"
	clean_status=$status
	cp "$T/out" "$T/clean.out"
	cp "$T/err" "$T/clean.err"
	total=$(calls malloc "$@")
	if [ -z "$total" ] || [ "$total" -eq 0 ]; then
		not_ok "$name" "the shim counted no allocations"
		return
	fi
	step=$(( (total + points - 1) / points ))
	[ "$step" -lt 1 ] && step=1
	n=0 runs=0 ooms=0 bad=""
	while [ "$n" -le "$total" ]; do
		inject FAULT_MALLOC="$n" -- "$@"
		runs=$((runs + 1))
		if [ "$status" -eq "$clean_status" ] && cmp -s "$T/out" "$T/clean.out" &&
			cmp -s "$T/err" "$T/clean.err"; then
			:
		elif out_of_memory; then
			ooms=$((ooms + 1))
		else
			bad="$bad $n(status $status: $(head -c 80 "$T/err" | tr '\n' ' '))"
		fi
		n=$((n + step))
	done
	if [ -z "$bad" ]; then
		ok "$name: $runs runs over $total allocations, $ooms ended by the out-of-memory path"
	else
		not_ok "$name" "allocation number:$bad"
	fi
}

# --- recall read ----------------------------------------------------------------

inject FAULT_OPEN=0 FAULT_PATH=.md FAULT_ERRNO=EACCES -- "$RECALL" read "$SAMPLE"
expect_failure "read: open refused" "$SAMPLE: error: cannot read article: Permission denied"

inject FAULT_OPEN=0 FAULT_PATH=.md FAULT_ERRNO=EMFILE -- "$RECALL" read "$SAMPLE"
expect_failure "read: out of file descriptors" "$SAMPLE: error: cannot read article: Too many open files"

inject FAULT_READ=0 FAULT_PATH=.md -- "$RECALL" read "$SAMPLE"
expect_failure "read: the first read fails" "$SAMPLE: error: cannot read article: Input/output error"

# An article longer than one read: the failure comes after part of it was read.
i=0
while [ "$i" -lt 40 ]; do cat "$SAMPLE"; i=$((i + 1)); done > "$T/long.md"
inject FAULT_READ=1 FAULT_PATH=long.md -- "$RECALL" read "$T/long.md"
expect_failure "read: a later read fails, nothing half-shown" "$T/long.md: error: cannot read article: Input/output error"

inject FAULT_READ=0 FAULT_TIMES=1 FAULT_ERRNO=EINTR FAULT_PATH=.md -- "$RECALL" read --width 80 "$SAMPLE"
expect_status "read: an interrupted read is retried" 0
expect_file "read: an interrupted read is retried: same text" "$T/out" "$G/sample-80-never.txt"

inject FAULT_SHORT=7 -- "$RECALL" read --width 80 "$SAMPLE"
expect_status "read: short reads are read on" 0
expect_file "read: short reads are read on: same text" "$T/out" "$G/sample-80-never.txt"

inject FAULT_WRITE=0 FAULT_FD=1 -- "$RECALL" read --width 80 "$SAMPLE"
expect_status "read: writing the output fails: exit 1" 1
expect_text "read: writing the output fails: message" "$T/err" "recall: write error: Input/output error"

inject FAULT_WRITE=0 FAULT_FD=1 FAULT_ERRNO=ENOSPC -- "$RECALL" read --width 80 "$SAMPLE"
expect_status "read: disk full: exit 1" 1
expect_text "read: disk full: message" "$T/err" "recall: write error: No space left on device"

inject FAULT_WRITE=0 FAULT_FD=1 FAULT_ERRNO=EPIPE -- "$RECALL" read --width 80 "$SAMPLE"
if [ "$status" -ne 0 ] && [ "$status" -lt 128 ]; then ok "read: reader gone: non-zero exit"
else not_ok "read: reader gone: non-zero exit" "status $status"; fi
expect_empty "read: reader gone: no message" "$T/err"

sweep_malloc "read: every allocation of a render fails in turn" 300 \
	"$RECALL" read --width 80 --color always --numbers "$SAMPLE"
printf 'fine\nbad \377 byte\n' > "$T/bad.md"
sweep_malloc "read: every allocation fails in turn on invalid UTF-8" 150 "$RECALL" read "$T/bad.md"
printf -- '---\ntitle: fine\npublished: [2023\n---\nbody\n' > "$T/fm.md"
sweep_malloc "read: every allocation fails in turn on broken front matter" 1000 "$RECALL" read "$T/fm.md"
sweep_malloc "read: every allocation fails in turn on every construct" 200 \
	"$RECALL" read --width 40 --color always "$G/constructs.md"

# --- recall check and build (issue 3) ------------------------------------------------
# Generic expectations that hold whatever the messages: a bank or article that
# cannot be read is an error naming the file, exit 1.
if "$RECALL" help check > /dev/null 2>&1 && [ -f "$SAMPLE_BANK" ]; then
	for kind in OPEN READ; do
		for target in .yaml .md; do
			inject "FAULT_$kind=0" FAULT_PATH="$target" -- "$RECALL" check "$SAMPLE_BANK"
			label="check: $(echo "$kind" | tr 'A-Z' 'a-z') of the $target file fails"
			expect_status "$label: exit 1" 1
			expect_grep "$label: names the file" "$T/err" "$target"
		done
	done
	sweep_malloc "check: allocations fail in turn" 400 "$RECALL" check "$SAMPLE_BANK"
fi
if "$RECALL" help build > /dev/null 2>&1 && [ -f "$SAMPLE_BANK" ]; then
	for kind in WRITE FSYNC; do
		rm -f "$T/pack.quiz"
		inject "FAULT_$kind=0" FAULT_PATH=pack.quiz -- "$RECALL" build "$SAMPLE_BANK" -o "$T/pack.quiz"
		label="build: $(echo "$kind" | tr 'A-Z' 'a-z') of the pack fails"
		expect_status "$label: exit 1" 1
		expect_grep "$label: names the pack" "$T/err" "pack.quiz"
	done
fi
