# dyad: one hand-written Makefile. Targets:
#   make            build ./dyad
#   make test       install missing packages, run unit, golden, bad-input and
#                   fuzz-corpus tests, then all of them again under ASan+UBSan
#   make bench      throughput and peak memory on ../shared/data corpora
#   make fuzz       run each libFuzzer target for FUZZ_SECONDS (default 60)
#   make demo       install packages, build, code samples/ and print a summary
#   make install PREFIX=/usr/local

CC ?= cc
PREFIX ?= /usr/local
PKGS = libutf8proc libxml-2.0 libcjson sqlite3
WARN = -Wall -Wextra -Wshadow -Wpointer-arith -Wcast-qual -Wstrict-prototypes \
       -Wmissing-prototypes -Wdeclaration-after-statement -Wundef -Wwrite-strings \
       -Wno-declaration-after-statement -Wno-missing-field-initializers
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c17 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(PKG_CFLAGS) -MMD -MP
LDLIBS = $(PKG_LIBS) -lpthread -lm

SRC = src/cli.c src/err.c src/arena.c src/buf.c src/utf8.c src/text.c src/reader.c src/html.c \
      src/json.c src/doc.c src/jsonl.c src/pipeline.c src/dict.c src/dict_import.c src/actor.c \
      src/cameo.c src/coder.c src/store_cmd.c src/store.c src/query.c src/export.c src/dup.c src/pattern.c src/quote.c src/timex.c src/claim.c
OBJ = $(SRC:src/%.c=build/%.o)
ASAN_OBJ = $(SRC:src/%.c=build/asan/%.o)
UNITS = $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))
FUZZERS = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_SECONDS ?= 60
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined

.PHONY: all test unit golden fuzz fuzz-replay bench demo install clean deps golden-update check-data \
        conformance
all: dyad

deps:
	@scripts/deps

dyad: build/main.o $(OBJ)
	$(CC) $(ALL_CFLAGS) -o $@ $^ $(LDLIBS)

build/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/asan/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -O1 $(SAN) -c -o $@ $<

build/dyad-asan: build/asan/main.o $(ASAN_OBJ)
	$(CC) $(ALL_CFLAGS) -O1 $(SAN) -o $@ $^ $(LDLIBS)

build/unit/%: tests/unit/%.c $(OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $^ $(LDLIBS) -lcmocka

build/unit-asan/%: tests/unit/%.c $(ASAN_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -O1 $(SAN) -Isrc -o $@ $^ $(LDLIBS) -lcmocka

# Fuzz targets: clang's libFuzzer, with ASan+UBSan. Replaying the corpus runs
# each saved input once (what make test does); make fuzz explores.
build/fuzz/%: tests/fuzz/%.c $(SRC)
	@mkdir -p $(dir $@)
	clang -std=c17 -D_GNU_SOURCE -g -O1 -fsanitize=fuzzer,address,undefined $(PKG_CFLAGS) \
	  -Isrc -o $@ $^ $(LDLIBS)

test: deps
	@$(MAKE) --no-print-directory all build/dyad-asan \
	  $(UNITS:%=build/unit/%) $(UNITS:%=build/unit-asan/%) $(FUZZERS:%=build/fuzz/%)
	@tests/run.sh

golden-update: dyad
	@tests/golden/update.sh

fuzz: deps
	@$(MAKE) --no-print-directory $(FUZZERS:%=build/fuzz/%)
	@for f in $(FUZZERS); do mkdir -p build/fuzz/$$f.new; \
	  echo "fuzzing $$f for $(FUZZ_SECONDS)s"; \
	  build/fuzz/$$f -max_total_time=$(FUZZ_SECONDS) -max_len=65536 build/fuzz/$$f.new tests/fuzz/corpus/$$f \
	    || exit 1; done

build/conformance/%: tests/conformance/%.c $(OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Isrc -o $@ $^ $(LDLIBS)

DATA ?= ../shared/data
conformance: deps all build/conformance/plover_actors build/conformance/plover_events \
             build/conformance/dups build/conformance/tabari_validate build/conformance/petrarch_unittest \
             build/conformance/muc4_claims build/conformance/ipe_claims
	@tests/conformance/run.sh

bench: deps all
	@bench/run.sh

demo: deps all
	@scripts/demo

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/dyad
	install -m 755 dyad $(DESTDIR)$(PREFIX)/bin/dyad
	cp -r dict $(DESTDIR)$(PREFIX)/share/dyad/

clean:
	rm -rf build dyad

-include $(OBJ:.o=.d) build/main.d
