#!/bin/sh
# make bench: read + validate + segment + tokenize throughput of `dyad code`
# on the ../shared/data corpora, with one thread and with every core. Each
# figure is the median of RUNS runs (default 5). Prints a table and appends it,
# with the command and the machine, to BENCHMARKS.md.
cd "$(dirname "$0")/.." || exit 1
DATA=${DYAD_DATA:-../shared/data}
RUNS=${RUNS:-5}
CORES=$(nproc)
if [ ! -d "$DATA/corpora" ]; then echo "skipped: $DATA not found"; exit 0; fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "?"}'; }

# measure FILE THREADS: prints "MB/s docs/s sentences/s rssMB" (medians)
measure() {
  : > "$T/runs"
  i=0
  while [ $i -lt "$RUNS" ]; do
    ./dyad code --threads "$2" --stats "$1" 2>&1 > /dev/null | grep '^dyad:' >> "$T/runs"
    i=$((i + 1))
  done
  mb=$(sed -n 's/.* \([0-9.]*\) MB\/s.*/\1/p' "$T/runs" | median)
  docs=$(sed -n 's/.*: \([0-9]*\) docs\/s.*/\1/p' "$T/runs" | median)
  sents=$(sed -n 's/.* \([0-9]*\) sentences\/s.*/\1/p' "$T/runs" | median)
  rss=$(sed -n 's/.*peak RSS \([0-9.]*\) MB.*/\1/p' "$T/runs" | median)
  echo "$mb $docs $sents $rss"
}

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
{
  echo
  echo "## $(date -u +%Y-%m-%d) \`make bench\` (dyad code: read + validate + segment + tokenize)"
  echo
  echo "Machine: $CORES cores, $cpu, $(uname -sr). Command per row: \`./dyad code --threads N --stats FILE > /dev/null\`, median of $RUNS runs."
  echo
  echo "| corpus | MB | threads | MB/s | docs/s | sentences/s | peak RSS MB |"
  echo "|---|---|---|---|---|---|---|"
} > "$T/table"
for f in corpora/reuters21578.jsonl bench/reuters50k.jsonl corpora/bbc.jsonl corpora/guardian_sdf.jsonl corpora/muc4.jsonl corpora/indiapoliceevents.jsonl; do
  size=$(du -m "$DATA/$f" | cut -f1)
  for th in 1 "$CORES"; do
    set -- $(measure "$DATA/$f" "$th")
    echo "| $f | $size | $th | $1 | $2 | $3 | $4 |" >> "$T/table"
    [ "$f" = corpora/reuters21578.jsonl ] && [ "$th" = 1 ] && one=$1
    [ "$f" = corpora/reuters21578.jsonl ] && [ "$th" = "$CORES" ] && all=$1
  done
done
scale=$(awk -v a="$all" -v b="$one" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "?" }')
{
  echo
  echo "Reuters-21578: $one MB/s on one core (target 150), $all MB/s on $CORES cores, ${scale}x (target 1.8x)."
} >> "$T/table"
cat "$T/table"
cat "$T/table" >> BENCHMARKS.md
