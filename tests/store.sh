#!/bin/sh
# The store (issue 6): ingest, resume after kill -9, merge, bad databases,
# query and export formats.
# usage: tests/store.sh DYAD_BINARY
# Prints one line per check, "ok NAME" or "FAIL NAME: why".
DYAD=$1
case $DYAD in /*) ;; *) DYAD=$(pwd)/$DYAD ;; esac
cd "$(dirname "$0")/.." || exit 1
SAMPLES=$(pwd)/samples/reports.jsonl
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
chmod 755 "$T" # the read-only checks run as another user, who must reach the inputs

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }
# check NAME COMMAND...: ok if the command succeeds, else FAIL with $WHY
check() { name=$1; shift; if "$@"; then ok "$name"; else fail "$name" "${WHY:-see above}"; fi; }
has() { grep -qF -- "$2" "$1"; }
ingest() { "$DYAD" ingest "$@" > "$T/out" 2> "$T/err"; }
query() { "$DYAD" query "$@" 2> "$T/qerr"; }
state() { query --db "$1" --check > "$2"; }

# --- ingest twice: the second run adds nothing and says so -----------------
ingest --db "$T/s.db" "$SAMPLES"
WHY="$(cat "$T/err")"
check ingest-samples has "$T/err" "12 documents read: 12 added, 0 already stored"
state "$T/s.db" "$T/s1"
ingest --db "$T/s.db" "$SAMPLES"
WHY="$(cat "$T/err")"
check ingest-twice-adds-nothing has "$T/err" "0 added, 12 already stored (nothing new)"
state "$T/s.db" "$T/s2"
WHY="tables changed on the second ingest"
check ingest-twice-same-tables cmp -s "$T/s1" "$T/s2"
WHY="$(cat "$T/s1")"
check check-complete has "$T/s1" "complete documents: 12 of 12"

# --- what goes in comes out: export jsonl is dyad code's records -----------
"$DYAD" code --sentences --mentions "$SAMPLES" 2> /dev/null | sort > "$T/code"
"$DYAD" export --db "$T/s.db" --format jsonl | sort > "$T/exported"
WHY="$(diff "$T/code" "$T/exported" | head -5)"
check export-jsonl-round-trip cmp -s "$T/code" "$T/exported"

# --- kill -9 in the middle, rerun: same tables as a clean run --------------
# big enough to be killed mid-way (a commit a second), small enough for the
# whole script to stay under a minute, under ASan too
N=20000
case $DYAD in *asan*) N=6000 ;; esac
awk -v n="$N" 'BEGIN { for (i = 0; i < n; i++)
  printf "{\"id\":\"g%d\",\"date\":\"2024-%02d-%02d\",\"text\":\"Envoys from Moscow and Kyiv met in Geneva in round %d.\"}\n", i, i % 12 + 1, i % 28 + 1, i }' > "$T/big.jsonl"
ingest --db "$T/clean.db" "$T/big.jsonl"
state "$T/clean.db" "$T/clean"
"$DYAD" ingest --db "$T/killed.db" "$T/big.jsonl" 2> /dev/null &
pid=$!
n=0
i=0
while [ "$i" -lt 600 ]; do
  n=$(query --db "$T/killed.db" --kind documents --count 2> /dev/null || echo 0)
  [ "${n:-0}" -gt 0 ] && break
  sleep 0.05
  i=$((i + 1))
done
kill -9 "$pid" 2> /dev/null
wait "$pid" 2> /dev/null
state "$T/killed.db" "$T/partial"
k=$(sed -n 's/^complete documents: \([0-9]*\) of \([0-9]*\)$/\1 \2/p' "$T/partial")
set -- $k
if [ "${1:-x}" = "${2:-y}" ] && [ "${1:-0}" -lt "$N" ]; then ok sigkill-whole-documents-only
else fail sigkill-whole-documents-only "after kill -9 at $n documents: ${k:-no check output} ($(cat "$T/qerr"))"; fi
ingest --db "$T/killed.db" "$T/big.jsonl"
state "$T/killed.db" "$T/resumed"
WHY="$(diff "$T/clean" "$T/resumed" | head -6)"
check sigkill-resume-equals-clean-run cmp -s "$T/clean" "$T/resumed"

# --- merge: shards merged equal one ingest of all inputs -------------------
head -n 7 "$SAMPLES" > "$T/a.jsonl"
tail -n +5 "$SAMPLES" > "$T/b.jsonl" # documents 5-7 are in both shards
head -n 300 "$T/big.jsonl" >> "$T/b.jsonl"
printf '{"id":"broken","text":"cut off\n' >> "$T/b.jsonl" # an error record of no document
ingest --db "$T/a.db" "$T/a.jsonl"
ingest --db "$T/b.db" "$T/b.jsonl"
ingest --db "$T/one.db" "$T/a.jsonl" "$T/b.jsonl"
"$DYAD" merge "$T/m.db" "$T/a.db" "$T/b.db" > /dev/null 2> "$T/err"
state "$T/one.db" "$T/one"
state "$T/m.db" "$T/merged"
WHY="$(diff "$T/one" "$T/merged" | head -6) $(cat "$T/err")"
check merge-equals-single-ingest cmp -s "$T/one" "$T/merged"
"$DYAD" merge "$T/m.db" "$T/b.db" > /dev/null 2> "$T/err"
WHY="$(cat "$T/err")"
check merge-again-adds-nothing has "$T/err" "0 added"
"$DYAD" merge "$T/m.db" "$T/m.db" > /dev/null 2> "$T/err"
WHY="$(cat "$T/err")"
check merge-into-itself-refused has "$T/err" "is the output database itself"

# --- bad databases: a clear message, nothing written -----------------------
echo "not a database, just text" > "$T/text.db"
cp "$T/text.db" "$T/text.orig"
ingest --db "$T/text.db" "$SAMPLES"
WHY="$(cat "$T/err")"
check not-sqlite has "$T/err" "is not a dyad database (not an SQLite file)"
WHY="the file was modified"
check not-sqlite-untouched cmp -s "$T/text.db" "$T/text.orig"
if command -v sqlite3 > /dev/null; then
  sqlite3 "$T/other.db" 'CREATE TABLE t(x); PRAGMA user_version = 7;'
  ingest --db "$T/other.db" "$SAMPLES"
  WHY="$(cat "$T/err")"
  check sqlite-but-not-a-store has "$T/err" "is an SQLite database but not a dyad store"
  cp "$T/s.db" "$T/newer.db"
  sqlite3 "$T/newer.db" 'PRAGMA user_version = 99;'
  cp "$T/newer.db" "$T/newer.orig"
  ingest --db "$T/newer.db" "$SAMPLES"
  WHY="$(cat "$T/err")"
  check newer-schema-refused has "$T/err" "has store schema version 99, newer than this dyad's"
  WHY="the file was modified"
  check newer-schema-untouched cmp -s "$T/newer.db" "$T/newer.orig"
  "$DYAD" merge "$T/m.db" "$T/newer.db" > /dev/null 2> "$T/err"
  WHY="$(cat "$T/err")"
  check merge-newer-refused has "$T/err" "newer than this dyad's"
else
  echo "ok newer-schema-refused # skipped: no sqlite3 command to write a newer version"
fi

# read-only places: root writes anywhere, so run those as nobody
as_user() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"; else "$@"; fi; }
if [ "$(id -u)" != 0 ] || command -v setpriv > /dev/null; then
  mkdir "$T/ro"
  cp "$T/s.db" "$T/ro/s.db"
  chmod 444 "$T/ro/s.db"
  chmod 555 "$T/ro"
  as_user "$DYAD" ingest --db "$T/ro/new.db" "$SAMPLES" > /dev/null 2> "$T/err"
  WHY="$(cat "$T/err")"
  check read-only-directory has "$T/err" "is not writable"
  as_user "$DYAD" ingest --db "$T/ro/s.db" "$SAMPLES" > /dev/null 2> "$T/err"
  WHY="$(cat "$T/err")"
  check read-only-database has "$T/err" "is read-only"
  n=$(as_user "$DYAD" query --db "$T/ro/s.db" --kind documents --count 2> "$T/err")
  WHY="got '$n': $(cat "$T/err")"
  check read-only-database-can-be-queried test "$n" = 12
  chmod 755 "$T/ro"
fi

# a full disk, simulated by a file size limit: the batch is rolled back
head -n 3000 "$T/big.jsonl" > "$T/mid.jsonl"
(ulimit -f 1000; "$DYAD" ingest --db "$T/full.db" "$T/mid.jsonl") > /dev/null 2> "$T/err"
rc=$?
WHY="exit $rc: $(cat "$T/err")"
check disk-full-message has "$T/err" "the file size limit (ulimit -f) is reached"
state "$T/full.db" "$T/fullcheck"
k=$(sed -n 's/^complete documents: \([0-9]*\) of \([0-9]*\)$/\1 \2/p' "$T/fullcheck")
set -- $k
WHY="$(cat "$T/fullcheck" "$T/qerr")"
check disk-full-whole-documents-only test "${1:-x}" = "${2:-y}" -a "$rc" != 0
ingest --db "$T/full.db" "$T/mid.jsonl"
ingest --db "$T/fullclean.db" "$T/mid.jsonl"
state "$T/full.db" "$T/f1"
state "$T/fullclean.db" "$T/f2"
WHY="$(diff "$T/f1" "$T/f2" | head -4)"
check disk-full-resume-equals-clean-run cmp -s "$T/f1" "$T/f2"

# --- query: filters and formats ---------------------------------------------
printf '%s\n' '{"id":"q1","date":"2025-05-09","title":"Talks, \"frank\" and long","text":"Officials in Seoul said \"no\", then left Pyongyang.\n\nThe envoy from Japan stayed."}' > "$T/q.jsonl"
ingest --db "$T/s.db" "$T/q.jsonl"
query --db "$T/s.db" --kind documents --doc q1 --format csv > "$T/csv"
WHY="$(cat "$T/csv" "$T/qerr")"
check csv-header has "$T/csv" "id,doc,date,source,title,url,bytes"
check csv-quoting has "$T/csv" '"Talks, ""frank"" and long"'
check csv-crlf grep -q "$(printf '\r')\$" "$T/csv"
query --db "$T/s.db" --kind sentences --doc q1 --format csv > "$T/csv"
WHY="$(cat "$T/csv")"
check csv-quoting-text has "$T/csv" '"Officials in Seoul said ""no"", then left Pyongyang."'
query --db "$T/s.db" --kind mentions --actor prk --format jsonl > "$T/j"
WHY="$(head -3 "$T/j") $(cat "$T/qerr")"
check query-actor-prefix-over-mentions test -s "$T/j" -a "$(grep -cv '"actor":{"code":"PRK' "$T/j")" = 0
query --db "$T/s.db" --kind sentences --text 'envoy AND Japan' --format jsonl > "$T/j"
WHY="$(cat "$T/j" "$T/qerr")"
check query-text-fts has "$T/j" '"text":"The envoy from Japan stayed."'
query --db "$T/s.db" --kind sentences --text '"Seoul said"' --count > "$T/j"
WHY="$(cat "$T/j" "$T/qerr")"
check query-text-phrase test "$(cat "$T/j")" = 1
query --db "$T/s.db" --kind documents --from 2025-05 --to 2025 --format jsonl > "$T/j"
WHY="$(cat "$T/j" "$T/qerr")"
check query-dates test "$(grep -c '"kind":"document"' "$T/j")" = 1
query --db "$T/s.db" --kind documents --format table > "$T/t"
WHY="$(head -3 "$T/t")"
check query-table-aligned sh -c "head -1 '$T/t' | grep -q '^doc  *date  *source' && test \$(wc -l < '$T/t') = 14"
query --db "$T/s.db" --kind mentions --source USA > /dev/null
WHY="exit $?: $(cat "$T/qerr")"
check query-filter-not-applicable has "$T/qerr" "--source applies to events only"
query --db "$T/s.db" --kind sentences --text 'AND AND (' > /dev/null
rc=$?
WHY="exit $rc: $(cat "$T/qerr")"
check query-bad-fts-syntax test "$rc" = 2 -a -s "$T/qerr"
query --db "$T/s.db" --kind documents --by year --format jsonl > "$T/j"
WHY="$(cat "$T/j" "$T/qerr")"
check query-by-year has "$T/j" '{"period":"2025","count":1}'
query --db "$T/s.db" --kind mentions --top actors 3 --format csv > "$T/j"
WHY="$(cat "$T/j" "$T/qerr")"
check query-top-actors test "$(head -1 "$T/j" | tr -d '\r')" = "actor,count" -a "$(wc -l < "$T/j")" = 4
query --db "$T/missing.db" --count > /dev/null
WHY="$(cat "$T/qerr")"
check query-missing-database has "$T/qerr" "no such database"

# --- events: queries and exports (when the coder emits events) --------------
ne=$(query --db "$T/s.db" --kind events --count)
if [ "${ne:-0}" -gt 0 ]; then
  query --db "$T/s.db" --by month --format jsonl > "$T/j"
  WHY="$(head -2 "$T/j") $(cat "$T/qerr")"
  check query-events-by-month has "$T/j" '"goldstein_mean":'
  query --db "$T/s.db" --top dyads 3 --evidence --format table > "$T/j"
  WHY="$(cat "$T/j" "$T/qerr")"
  check query-events-top-dyads has "$T/j" "dyad"
  query --db "$T/s.db" --actor RUS --evidence --format table --limit 3 > "$T/j"
  WHY="$(cat "$T/j" "$T/qerr")"
  check query-events-evidence has "$T/j" "evidence"
  "$DYAD" export --db "$T/s.db" --format gdelt > "$T/g"
  WHY="$(awk -F'\t' '{print NF}' "$T/g" | sort -u | tr '\n' ' ')"
  check export-gdelt-58-columns test "$(awk -F'\t' 'NF != 58' "$T/g" | wc -l)" = 0 -a "$(wc -l < "$T/g")" = "$ne"
  "$DYAD" export --db "$T/s.db" --format gdelt --header | head -1 > "$T/g"
  check export-gdelt-header grep -q '^GLOBALEVENTID	SQLDATE	MonthYear	Year	FractionDate	Actor1Code' "$T/g"
  "$DYAD" export --db "$T/s.db" --format plover > "$T/p" 2> "$T/err"
  WHY="$(head -1 "$T/p") $(cat "$T/err")"
  check export-plover sh -c "test -s '$T/p' && ! grep -v '^{\"id\":\".*\"event\":\\[\"[A-Z]*\"\\].*\"coder\":\"dyad\"' '$T/p'"
  "$DYAD" export --db "$T/s.db" --format csv > "$T/c"
  WHY="$(head -1 "$T/c")"
  check export-csv-events sh -c "head -1 '$T/c' | grep -q '^id,doc,doc_date,sent,span_start,span_end,text,source_code' && test \$(wc -l < '$T/c') -gt '$ne'"
else
  echo "ok export-events # skipped: no events coded yet"
fi
"$DYAD" export --db "$T/s.db" --format yaml > /dev/null 2> "$T/err"
WHY="$(cat "$T/err")"
check export-bad-format has "$T/err" "export needs --format"

# --- progress on a terminal ---------------------------------------------------
if command -v script > /dev/null; then
  script -qec "'$DYAD' ingest --db '$T/p.db' '$T/mid.jsonl'" /dev/null > "$T/tty" 2>&1
  WHY="$(tr '\r' '\n' < "$T/tty" | tail -3)"
  check progress-on-terminal has "$T/tty" "docs/s"
fi
