#!/bin/sh
# fuzz/run.sh FUZZ_BUILD SECONDS [check] - run every libFuzzer target in FUZZ_BUILD/bin.
#
# For each target NAME (built from fuzz/NAME.c):
#   1. replay fuzz/regress/NAME/*, the inputs that once crashed it;
#   2. fuzz it for SECONDS, starting from the seeds that fuzz/NAME.seeds names
#      (globs from the repository's root; $CORPUS is the shared corpus).
# `make fuzz` keeps what it learns in FUZZ_BUILD/corpus/NAME for next time;
# the `check` mode (make check) starts from the seeds alone, with a fixed
# seed for the random choices. A crash leaves its input in FUZZ_BUILD/crashes:
# add it to fuzz/regress/NAME/ with the fix. Prints "ok - ..." or "not ok -
# ..." per step and exits 1 if anything failed.
set -u
fuzz_build=${1:?usage: fuzz/run.sh FUZZ_BUILD SECONDS [check]}
seconds=${2:-60}
mode=${3:-}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
# The shared corpus sits beside the main checkout; a worktree is one level deeper.
CORPUS=${RECALL_CORPUS:-}
if [ -z "$CORPUS" ]; then
	for CORPUS in "$root/../shared/corpus" "$root/../../shared/corpus"; do
		[ -d "$CORPUS" ] && break
	done
fi
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}:allocator_may_return_null=1"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}:halt_on_error=1"
failed=0
log="$root/$fuzz_build/log"
mkdir -p "$fuzz_build/crashes"

# seed NAME DIR: fills DIR with copies of NAME's seed inputs, unless it was
# filled since fuzz/NAME.seeds last changed.
seed() {
	[ -f "$2.seeded" ] && [ "$2.seeded" -nt "fuzz/$1.seeds" ] && return 0
	rm -rf "$2"
	mkdir -p "$2"
	[ -f "fuzz/$1.seeds" ] || return 0
	n=0
	sed -e '/^#/d' -e '/^$/d' "fuzz/$1.seeds" | while IFS= read -r pattern; do
		pattern=$(printf '%s' "$pattern" | sed "s|\\\$CORPUS|$CORPUS|g")
		for f in $pattern; do
			[ -f "$f" ] || continue
			n=$((n + 1))
			cp "$f" "$2/$n-$(basename "$f")"
		done
	done
	touch "$2.seeded"
}

for bin in "$fuzz_build"/bin/*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin")
	if [ -d "fuzz/regress/$name" ] && [ -n "$(ls "fuzz/regress/$name")" ]; then
		if "$bin" -runs=1 "fuzz/regress/$name"/* > "$log.$name" 2>&1; then
			echo "ok - fuzz $name: its regression inputs run clean"
		else
			echo "not ok - fuzz $name: a regression input fails again"
			grep -E 'ERROR|runtime error|check failed|Running:' "$log.$name" | head -n 8 | sed 's/^/  /'
			failed=1
		fi
	fi
	seeds="$fuzz_build/seeds/$name"
	seed "$name" "$seeds"
	if [ "$mode" = check ]; then
		corpus=$(mktemp -d)
		options="-seed=1"
	else
		corpus="$fuzz_build/corpus/$name"
		mkdir -p "$corpus"
		options=""
	fi
	# -timeout: an input that takes seconds is a hang, as good as a crash.
	if "$bin" $options -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-print_final_stats=1 -artifact_prefix="$fuzz_build/crashes/$name-" \
		"$corpus" "$seeds" > "$log.$name" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log.$name")
		echo "ok - fuzz $name: ${runs:-?} inputs in ${seconds} s, no crash"
	else
		echo "not ok - fuzz $name: crashed (log in $log.$name)"
		grep -E 'ERROR|runtime error|check failed|Test unit written' "$log.$name" | head -n 8 | sed 's/^/  /'
		failed=1
	fi
	[ "$mode" = check ] && rm -rf "$corpus"
done
exit "$failed"
