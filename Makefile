# Makefile - build, test, measure and install recall
#
#   make            build ./recall (installing missing Debian packages first)
#   make run        build, then start the sample quiz
#   make check      every test, in the normal build and then under ASan/UBSan
#   make asan       the sanitizer build's tests alone
#   make bench-grading  the grader on human gold answers (not a test)
#   make install    PREFIX=/usr/local DESTDIR= : the binary and the man page
#   make clean

VERSION  := 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
MANDIR   ?= $(PREFIX)/share/man
BUILD    ?= build

CC       ?= cc
OPT      ?= -O2 -g
WARN     ?= -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
SAN      ?=
CPPFLAGS ?=
CFLAGS   ?=
LDFLAGS  ?=

ASAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

PKGS      := libcmark yaml-0.1 readline sqlite3 libutf8proc
TEST_PKGS := cmocka

# Evaluated when a recipe runs, after the dependency check has installed
# whatever pkg-config could not find.
PKG_CFLAGS  = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS    = $(shell pkg-config --libs $(PKGS))
TEST_CFLAGS = $(shell pkg-config --cflags $(TEST_PKGS))
TEST_LIBS   = $(shell pkg-config --libs $(TEST_PKGS))

ALL_CFLAGS = -std=c17 -D_GNU_SOURCE -DRECALL_VERSION='"$(VERSION)"' \
             $(OPT) $(WARN) $(SAN) $(PKG_CFLAGS) -Isrc -MMD -MP $(CPPFLAGS) $(CFLAGS)
ALL_LDFLAGS = $(SAN) $(LDFLAGS)

LIB_SRC  := $(filter-out src/main.c,$(wildcard src/*.c)) $(wildcard src/cmd/*.c)
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/src/%.o)
LIB      := $(BUILD)/librecall.a
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HELPER_SRC := $(wildcard tests/helpers/*.c)
HELPER_BIN := $(HELPER_SRC:tests/helpers/%.c=$(BUILD)/helpers/%)

ifeq ($(V),1)
Q :=
else
Q := @
endif

.PHONY: all run check test asan install uninstall clean deps test-deps tests bench-grading
.DEFAULT_GOAL := all

all: $(BUILD)/recall
ifeq ($(BUILD),build)
	$(Q)cp $(BUILD)/recall recall.new && mv -f recall.new recall
endif

run: all
	./recall take quizzes/china-fentanyl-sanctions.yaml

$(BUILD)/.deps:
	$(Q)sh .ci/deps build
	$(Q)mkdir -p $(BUILD) && touch $@

$(BUILD)/.test-deps:
	$(Q)sh .ci/deps test
	$(Q)mkdir -p $(BUILD) && touch $@

deps: $(BUILD)/.deps
test-deps: $(BUILD)/.test-deps

$(BUILD)/src/%.o: src/%.c | $(BUILD)/.deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/recall: $(BUILD)/src/main.o $(LIB)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_LDFLAGS) -o $@ $^ $(PKG_LIBS) -lm

$(BUILD)/tests/%: tests/unit/%.c $(LIB) | $(BUILD)/.test-deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(TEST_CFLAGS) -o $@ $< $(LIB) $(ALL_LDFLAGS) $(TEST_LIBS) $(PKG_LIBS) -lm

$(BUILD)/helpers/%: tests/helpers/%.c $(LIB) | $(BUILD)/.test-deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  HELPER  $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(ALL_LDFLAGS) $(PKG_LIBS) -lm -ldl

tests: $(BUILD)/recall $(UNIT_BIN) $(HELPER_BIN)

# Runs every suite against $(BUILD); the results go to $(BUILD)/test-results.
test: tests
	$(Q)sh tests/run $(BUILD)

asan:
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan SAN="$(ASAN_FLAGS)" OPT="-O1 -g" test

# Both builds run to the end whatever fails, side by side (a core each), then
# one line counts them all.
check:
	$(Q)$(MAKE) --no-print-directory BUILD=build all tests
	$(Q)$(MAKE) --no-print-directory BUILD=build/asan SAN="$(ASAN_FLAGS)" OPT="-O1 -g" tests
	-$(Q)sh tests/run build > build/check-output 2>&1 & \
	sh tests/run build/asan > build/asan/check-output 2>&1; \
	wait; cat build/check-output build/asan/check-output
	$(Q)sh tests/summary build/test-results build/asan/test-results

# The shared corpus sits beside the main checkout; a worktree is one level deeper.
CORPUS ?= $(firstword $(wildcard ../shared/corpus ../../shared/corpus) ../shared/corpus)

$(BUILD)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  BENCH   $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(LIB) $(ALL_LDFLAGS) $(PKG_LIBS) -lm

bench-grading: $(BUILD)/bench/grading
	$(BUILD)/bench/grading $(CORPUS)/rc-answers/answers.tsv $(BUILD)/bench

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/recall $(DESTDIR)$(BINDIR)/recall
	install -m 644 man/recall.1 $(DESTDIR)$(MANDIR)/man1/recall.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/recall $(DESTDIR)$(MANDIR)/man1/recall.1

# --- Proof: benchmarks, fuzzing, injected faults, valgrind -------------------
#
#   make bench                  the performance figures against their targets
#   make fuzz FUZZ_SECONDS=N    every libFuzzer target in fuzz/ for N seconds each
#   make valgrind               the test suites with recall under valgrind memcheck
#
# `make check` also replays the fuzzers' regression corpora and runs each
# target for FUZZ_CHECK_SECONDS (tests/cli/fuzz.sh), and drives recall through
# the fault-injection shim (tests/cli/faults.sh, normal build only).

.PHONY: bench bench-tools fuzz fuzz-build valgrind

FUZZ_SECONDS       ?= 60
FUZZ_CHECK_SECONDS ?= 15
export FUZZ_CHECK_SECONDS
FUZZ_CC            ?= clang
FUZZ_BUILD         := build/fuzz
FUZZ_SAN           := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_SRC           := $(wildcard fuzz/*.c)
FUZZ_BIN           := $(FUZZ_SRC:fuzz/%.c=$(FUZZ_BUILD)/bin/%)

BENCH_TOOLS := $(BUILD)/bench/gen $(BUILD)/bench/baseline $(BUILD)/bench/timeit \
               $(BUILD)/bench/inorder.so

$(BUILD)/bench/gen $(BUILD)/bench/timeit: $(BUILD)/bench/%: bench/%.c | $(BUILD)/.deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  BENCH   $@")
	$(Q)$(CC) -std=c17 -D_GNU_SOURCE $(OPT) $(WARN) -o $@ $<

$(BUILD)/bench/baseline: bench/baseline.c | $(BUILD)/.deps
	@mkdir -p $(@D)
	@$(if $(Q),echo "  BENCH   $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) $(PKG_LIBS) -lm

$(BUILD)/bench/inorder.so: bench/inorder.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  BENCH   $@")
	$(Q)$(CC) -std=c17 -O2 $(WARN) -shared -fPIC -o $@ $<

bench-tools: $(BUILD)/recall $(BENCH_TOOLS)

bench:
	$(Q)sh .ci/deps bench
	$(Q)$(MAKE) --no-print-directory BUILD=build bench-tools
	$(Q)CC="$(CC)" sh bench/run.sh build

# The shim that makes chosen calls fail; LD_PRELOAD and ASan do not mix, so
# only a build without sanitizers gets it, and faults.sh runs only there.
$(BUILD)/faultinject.so: tests/faultinject.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  SHIM    $@")
	$(Q)$(CC) -std=c17 -D_GNU_SOURCE -O2 -g $(WARN) -shared -fPIC -o $@ $< -ldl

ifeq ($(SAN),)
tests: $(BUILD)/faultinject.so
endif

# Fuzz targets: fuzz/NAME.c defines LLVMFuzzerTestOneInput; each links the
# library built by clang with ASan, UBSan and the fuzzer's coverage.
$(FUZZ_BUILD)/bin/%: fuzz/%.c fuzz/fuzz.h $(FUZZ_BUILD)/librecall.a
	@mkdir -p $(@D)
	@$(if $(Q),echo "  FUZZ    $@")
	$(Q)$(FUZZ_CC) -std=c17 -D_GNU_SOURCE -O1 -g $(WARN) $(FUZZ_SAN) -fsanitize=fuzzer \
		$(PKG_CFLAGS) -Isrc -Ifuzz -o $@ $< $(FUZZ_BUILD)/librecall.a $(PKG_LIBS) -lm

# The library is built by a make of its own with BUILD=$(FUZZ_BUILD), so the
# fuzzers' objects never mix with the normal build's. gcc's warnings stop the
# normal build; clang's own extra ones are shown here but do not stop fuzzing.
fuzz-build: build/.test-deps
	$(Q)$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) OPT="-O1 -g" \
		WARN="$(filter-out -Werror,$(WARN))" SAN="$(FUZZ_SAN) -fsanitize=fuzzer-no-link" \
		$(FUZZ_BUILD)/librecall.a
	$(Q)$(MAKE) --no-print-directory $(FUZZ_BIN)

fuzz: fuzz-build
	$(Q)sh fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS)

check: fuzz-build

# The suites of the normal build, with recall and the unit tests run under
# memcheck: any error or leak fails the test that ran them.
valgrind:
	$(Q)sh .ci/deps bench
	$(Q)$(MAKE) --no-print-directory BUILD=build all tests
	$(Q)sh tests/helpers/valgrind-wrap.sh build build/valgrind
	$(Q)sh tests/run build/valgrind

clean:
	rm -rf build recall

-include $(wildcard $(BUILD)/src/*.d $(BUILD)/tests/*.d $(BUILD)/helpers/*.d $(BUILD)/bench/*.d)
