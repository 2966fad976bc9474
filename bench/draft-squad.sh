#!/bin/sh
# bench/draft-squad.sh - measure `recall draft` on the 48 SQuAD articles of the shared corpus.
#
#   sh bench/draft-squad.sh [CORPUS]     (CORPUS defaults to ../shared/corpus/rc-answers)
#
# Builds the library with make, compiles bench/draft_squad.c against it, and prints
# per-article counts and the totals that docs/DRAFTING.md reports.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
make --no-print-directory build/librecall.a >/dev/null
pkgs="libcmark yaml-0.1 readline sqlite3 libutf8proc"
${CC:-cc} -std=c17 -D_GNU_SOURCE -O2 -Isrc $(pkg-config --cflags $pkgs) \
	-o build/draft_squad bench/draft_squad.c build/librecall.a $(pkg-config --libs $pkgs) -lm
exec build/draft_squad "${1:-$root/../shared/corpus/rc-answers}"
