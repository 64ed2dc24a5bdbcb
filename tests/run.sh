#!/bin/sh
# Runs every test: unit tests, golden tests, bad-input checks, thread
# determinism, real-data smoke runs and the fuzz corpus, each with the normal
# build and again under ASan+UBSan. Ends with "N passed, N failed".
cd "$(dirname "$0")/.." || exit 1
DATA=${DYAD_DATA:-../shared/data}
PASS=0
FAIL=0
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

pass() { PASS=$((PASS + 1)); echo "  ok   $1"; }
fail() { FAIL=$((FAIL + 1)); echo "  FAIL $1"; [ -n "$2" ] && sed 's/^/       /' "$2" | head -40; }

section() { echo "== $1"; }

unit() {
  for bin in "$1"/test_*; do
    [ -x "$bin" ] || continue
    if "$bin" > "$T/unit.log" 2>&1; then pass "$bin"; else fail "$bin" "$T/unit.log"; fi
  done
}

golden() {
  dyad=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  for args in tests/golden/code/*.args; do
    case=${args%.args}
    name=$(basename "$case")
    input=$(ls "$case".* | grep -v -E '\.(args|out)$')
    (cd tests/golden/code && "$dyad" code $(cat "$name.args") "$(basename "$input")") > "$T/got" 2> "$T/err"
    if diff -u "$case.out" "$T/got" > "$T/diff"; then pass "golden $name ($2)"; else cat "$T/err" >> "$T/diff"; fail "golden $name ($2)" "$T/diff"; fi
  done
}

bad_input() {
  tests/bad_input.sh "$1" > "$T/bad" 2>&1
  while read -r status name rest; do
    case $status in
      ok) pass "bad input: $name ($2)" ;;
      FAIL) echo "$rest" > "$T/why"; fail "bad input: $name ($2)" "$T/why" ;;
    esac
  done < "$T/bad"
}

store() {
  tests/store.sh "$1" > "$T/store" 2>&1
  while read -r status name rest; do
    case $status in
      ok) pass "store: $name ($2)" ;;
      FAIL) echo "$rest" > "$T/why"; fail "store: $name ($2)" "$T/why" ;;
    esac
  done < "$T/store"
}

threads_identical() {
  set -- samples/reports.jsonl samples/html/*.html tests/golden/code/*.jsonl
  [ -d "$DATA/corpora" ] && set -- "$@" "$DATA/corpora/guardian_sdf.jsonl" "$DATA/corpora/muc4.jsonl"
  ./dyad code --sentences --threads 1 "$@" > "$T/t1" 2>/dev/null
  for n in 2 3 8; do
    ./dyad code --sentences --threads "$n" "$@" > "$T/tn" 2>/dev/null
    if cmp -s "$T/t1" "$T/tn"; then pass "output with --threads $n equals --threads 1"; else diff "$T/t1" "$T/tn" | head > "$T/d"; fail "output with --threads $n equals --threads 1" "$T/d"; fi
  done
}

real_data() {
  if [ ! -d "$DATA/corpora" ]; then echo "  skipped: $DATA not found"; return; fi
  for f in "$DATA"/corpora/*.jsonl "$DATA/bench/reuters50k.jsonl"; do
    if build/dyad-asan code --sentences --threads 2 "$f" > "$T/out" 2> "$T/err"; then
      errs=$(grep -c '"kind":"error"' "$T/out")
      docs=$(grep -c '"kind":"document"' "$T/out")
      lines=$(grep -c . "$f")
      if [ "$docs" -eq "$lines" ] && [ "$errs" -eq 0 ]; then pass "asan: every document of $(basename "$f") coded ($docs)";
      else echo "documents $docs of $lines lines, $errs errors" > "$T/why"; fail "asan: $(basename "$f")" "$T/why"; fi
    else
      fail "asan: $(basename "$f")" "$T/err"
    fi
  done
}

# scrambled: sentences of words the coder treats specially (relative words,
# reporting verbs, outlets, amounts, punctuation) in random order, coded under
# ASan+UBSan with dyad's dictionaries and with TABARI's; plus the first 5,000
# Reuters sentences with TABARI's (the pattern coder sees no other real text
# under the sanitizers).
scrambled() {
  awk 'BEGIN {
    n = split(", , , . which who whom that said told Reuters KCNA its their it It’s is very clear Russia Iran Syria Britain the a an army officials spokesman Midland USDA White House Kremlin attacked met condemned accused backed refused to not never would $ 5.1 million dollars of aid gave granted loan according as NGOs warn Haggerty Iraqi Kurds demonstrated in close border recalled ambassador from closed embassy reported money supply asked identified : ; “ ” ( ) - 2019 Tuesday", w, " ")
    srand(7)
    for (d = 0; d < 2000; d++) {
      k = 1 + int(rand() * 60); s = ""
      for (i = 0; i < k; i++) s = s (i ? " " : "") w[1 + int(rand() * n)]
      gsub(/"/, "", s)
      printf "{\"id\":\"s%d\",\"text\":\"%s\"}\n", d, s
    }
  }' > "$T/scrambled.jsonl"
  tb=$DATA/dictionaries/tabari-2012
  tabari="--no-default-dict --dict tabari:$tb/CAMEO.080612.verbs --dict tabari:$tb/CountryInfo.120116.actors --dict tabari:$tb/Internatnl.120521.actors --dict tabari:$tb/PSU.120522.agents"
  for dicts in own tabari; do
    extra=""
    if [ $dicts = tabari ]; then
      if [ ! -d "$tb" ]; then echo "  skipped: $tb not found"; continue; fi
      extra=$tabari
    fi
    # shellcheck disable=SC2086
    if build/dyad-asan code --mentions --keep-negated $extra "$T/scrambled.jsonl" > "$T/out" 2> "$T/err" &&
       [ "$(grep -c '"kind":"document"' "$T/out")" -eq 2000 ]; then
      pass "asan: 2000 scrambled sentences coded ($dicts dictionaries)"
    else
      fail "asan: scrambled sentences ($dicts dictionaries)" "$T/err"
    fi
  done
  if [ -d "$tb" ] && [ -f "$DATA/bench/reuters50k.jsonl" ]; then
    head -5000 "$DATA/bench/reuters50k.jsonl" > "$T/r5k.jsonl"
    # shellcheck disable=SC2086
    if build/dyad-asan code --threads 2 $tabari "$T/r5k.jsonl" > "$T/out" 2> "$T/err" &&
       [ "$(grep -c '"kind":"document"' "$T/out")" -eq 5000 ]; then
      pass "asan: 5000 Reuters sentences coded with the TABARI dictionaries"
    else
      fail "asan: Reuters sentences with the TABARI dictionaries" "$T/err"
    fi
  fi
}

fuzz_replay() {
  for bin in build/fuzz/fuzz_*; do
    [ -x "$bin" ] || continue
    name=$(basename "$bin")
    if "$bin" tests/fuzz/corpus/"$name"/* > "$T/fuzz.log" 2>&1; then pass "fuzz corpus $name"; else fail "fuzz corpus $name" "$T/fuzz.log"; fi
  done
}

section "unit tests"; unit build/unit
section "unit tests (ASan+UBSan)"; unit build/unit-asan
section "golden tests"; golden ./dyad dyad
section "golden tests (ASan+UBSan)"; golden build/dyad-asan asan
section "bad input"; bad_input ./dyad dyad
section "bad input (ASan+UBSan)"; bad_input build/dyad-asan asan
section "store"; store ./dyad dyad
section "store (ASan+UBSan)"; store build/dyad-asan asan
section "threads"; threads_identical
section "real data under ASan+UBSan"; real_data
section "scrambled sentences under ASan+UBSan"; scrambled
section "fuzz corpus replay (ASan+UBSan)"; fuzz_replay

echo "$PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
