#!/bin/sh
# Bad input never crashes and never loses the rest (issue 2, item 6).
# usage: tests/bad_input.sh DYAD_BINARY
# Prints one line per check, "ok NAME" or "FAIL NAME: why".
DYAD=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
good='{"id":"after","text":"Envoys met in Geneva on Monday."}'

ok() { echo "ok $1"; }
fail() { echo "FAIL $1: $2"; }

# expect NAME PATTERN...: every fixed string must occur in $T/out
expect() {
  name=$1; shift
  for p in "$@"; do
    grep -qF -- "$p" "$T/out" || { fail "$name" "output lacks: $p"; return; }
  done
  ok "$name"
}

run() { "$DYAD" code "$@" > "$T/out" 2> "$T/err"; echo $? > "$T/rc"; }
rc() { cat "$T/rc"; }
echo "$good" > "$T/good.jsonl"

# invalid UTF-8 in a text file: repaired, reported, still coded
printf 'Seoul said \377\376 it would \303 send an envoy.\n' > "$T/badutf8.txt"
run "$T/badutf8.txt" "$T/good.jsonl"
expect invalid-utf8 '"kind":"error"' 'invalid UTF-8 byte(s) in the text replaced by U+FFFD' \
  '"doc":"'"$T"'/badutf8.txt","date"' '"doc":"after"'

# NUL bytes in a text file
printf 'Seoul said\000 it would send\000 an envoy.\n' > "$T/nul.txt"
run "$T/nul.txt" "$T/good.jsonl"
expect nul-bytes '2 NUL byte(s) in the text replaced by U+FFFD' '"sentences":1' '"doc":"after"'

# a binary file (an ELF executable) named like text
cp "$DYAD" "$T/binary.txt"
run "$T/binary.txt" "$T/good.jsonl"
expect binary-file 'looks like a binary file, not text; input skipped' '"doc":"after"'

# truncated JSON, a non-object line, a line without text
printf '%s\n{"id":"cut","text":"half a li\n"just a string"\n{"id":"notext","title":"x"}\n%s\n' "$good" "$good" > "$T/lines.jsonl"
run "$T/lines.jsonl"
expect truncated-json '"line":2' 'not valid JSON' 'line skipped'
expect non-object-json '"line":3' 'a JSON string, not an object; line skipped'
expect json-without-text '"line":4' 'no \"text\" or \"html\" string; line skipped'
n=$(grep -c '"kind":"document"' "$T/out")
[ "$n" = 2 ] && ok json-rest-kept || fail json-rest-kept "expected 2 documents, got $n"

# a 100 MB line: skipped by the size limit, in bounded memory, rest kept
{ printf '{"id":"huge","text":"'; head -c 100000000 /dev/zero | tr '\0' 'a'; printf '"}\n'; echo "$good"; } > "$T/huge.jsonl"
"$DYAD" code "$T/huge.jsonl" > "$T/out" 2> "$T/err"
expect huge-line 'over the --max-bytes limit of 67108864; line skipped' '"doc":"after"'
# memory is bounded by the limit, not by the line: a 1 MB limit reads the
# 100 MB line in well under 100 MB
"$DYAD" code --stats --max-bytes 1M "$T/huge.jsonl" > "$T/out" 2> "$T/err"
rss=$(sed -n 's/.*peak RSS \([0-9]*\)\..*/\1/p' "$T/err")
if [ -n "$rss" ] && [ "$rss" -lt 50 ]; then ok huge-line-memory; else fail huge-line-memory "peak RSS ${rss:-?} MB with --max-bytes 1M, expected under 50 MB"; fi
# ... and with a larger limit the same line is coded
"$DYAD" code --max-bytes 200M "$T/huge.jsonl" > "$T/out" 2> "$T/err"
expect huge-line-allowed '"doc":"huge"' '"bytes":100000000'
rm -f "$T/huge.jsonl"

# a long input streams: memory does not grow with the input's size
yes '{"text":"Envoys met in Geneva on Monday and agreed to meet again in May."}' | head -n 400000 > "$T/long.jsonl"
# (ASan keeps freed memory in a quarantine; keep it small for this check)
# (--no-duplicates: the duplicate index keeps ~200 bytes per document by design)
ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=1" "$DYAD" code --no-duplicates --stats --threads 2 "$T/long.jsonl" > /dev/null 2> "$T/err"
rss=$(sed -n 's/.*peak RSS \([0-9]*\)\..*/\1/p' "$T/err")
docs=$(sed -n 's/^dyad: \([0-9]*\) documents.*/\1/p' "$T/err")
if [ "$docs" = 400000 ] && [ -n "$rss" ] && [ "$rss" -lt 50 ]; then ok streaming-memory; else fail streaming-memory "$docs documents, peak RSS ${rss:-?} MB for a 28 MB input"; fi
rm -f "$T/long.jsonl"

# an empty file, a missing file, a directory
: > "$T/empty.txt"
run "$T/empty.txt" "$T/missing.txt" "$T" "$T/good.jsonl"
expect empty-file "$T/empty.txt is empty; nothing to code"
expect missing-file "cannot open $T/missing.txt: No such file or directory; input skipped"
expect directory "$T is a directory; input skipped"
[ "$(rc)" = 0 ] && ok exit-status-some-read || fail exit-status-some-read "exit $(rc), expected 0"

# nothing readable: exit status non-zero
run "$T/empty.txt" "$T/missing.txt"
[ "$(rc)" != 0 ] && ok exit-status-none-read || fail exit-status-none-read "exit 0 with nothing read"

# standard input: JSON Lines and plain text
echo "$good" | "$DYAD" code - > "$T/out" 2>/dev/null
expect stdin-jsonl '"doc":"after"'
printf 'Kim visited Moscow. He met Putin.\n' | "$DYAD" code --sentences > "$T/out" 2>/dev/null
expect stdin-text '"doc":"-"' '"sentences":2' '"text":"He met Putin."'

# output that cannot be written: a clear message and a failing status
"$DYAD" code -o /nonexistent/dir/out.jsonl "$T/good.jsonl" > /dev/null 2> "$T/err"
[ $? = 2 ] && grep -q "cannot write /nonexistent/dir/out.jsonl" "$T/err" && ok unwritable-output || fail unwritable-output "$(cat "$T/err")"
if [ -w /dev/full ]; then
  "$DYAD" code --sentences "$T/good.jsonl" "$T/good.jsonl" > /dev/full 2> "$T/err"
  [ $? = 1 ] && grep -q "input/output error writing output" "$T/err" && ok disk-full || fail disk-full "$(cat "$T/err")"
fi

# bad options are usage errors
"$DYAD" code --threads 0 "$T/good.jsonl" > /dev/null 2>&1
[ $? = 2 ] && ok bad-option || fail bad-option "--threads 0 accepted"
"$DYAD" code --date 2025-02-30 "$T/good.jsonl" > /dev/null 2>&1
[ $? = 2 ] && ok bad-date-option || fail bad-date-option "--date 2025-02-30 accepted"
