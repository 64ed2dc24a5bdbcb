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

DYAD_EXTRA=${DYAD_EXTRA:-"--no-events --no-duplicates"}
median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "?"}'; }

# measure FILE THREADS: prints "MB/s docs/s sentences/s rssMB" (medians)
measure() {
  : > "$T/runs"
  i=0
  while [ $i -lt "$RUNS" ]; do
    # shellcheck disable=SC2086
    ./dyad code $DYAD_EXTRA --threads "$2" --stats "$1" 2>&1 > /dev/null | grep '^dyad:' >> "$T/runs"
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
  echo "Machine: $CORES cores, $cpu, $(uname -sr). Command per row: \`./dyad code --no-events --no-duplicates --threads N --stats FILE > /dev/null\` (segmentation only), median of $RUNS runs."
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
# Dictionaries (issue 3): load time and memory with every Phoenix dictionary,
# and the throughput of coding with actor recognition on.
PHX=$DATA/dictionaries/phoenix
set -- --no-default-dict
for f in Phoenix.Countries.actors.txt Phoenix.International.actors.txt Phoenix.MilNonState.actors.txt Phoenix.agents.txt Phoenix.discards.txt CAMEO.2.0.txt; do
  set -- "$@" --dict "petrarch:$PHX/$f"
done
: > "$T/load"
i=0
while [ $i -lt "$RUNS" ]; do ./dyad dict "$@" 2>/dev/null | tail -1 >> "$T/load"; i=$((i + 1)); done
ls=$(sed -n 's/^loaded in \([0-9.]*\) s.*/\1/p' "$T/load" | median)
lrss=$(sed -n 's/.*peak RSS \([0-9.]*\) MB.*/\1/p' "$T/load" | median)
entries=$(./dyad dict "$@" 2>/dev/null | sed -n 's/^dictionary: \([0-9]*\) entries.*/\1/p')
{
  echo
  echo "Dictionaries: all Phoenix dictionaries (\`./dyad dict --no-default-dict --dict petrarch:...\` for Countries, International, MilNonState actors, agents, discards and CAMEO.2.0 verbs: $entries entries) load in $ls s with peak RSS $lrss MB (targets: < 1 s, < 150 MB)."
  echo
  echo "| coding with actor recognition (\`--mentions\`) | dictionaries | threads | MB/s | docs/s | sentences/s | peak RSS MB |"
  echo "|---|---|---|---|---|---|---|"
} >> "$T/table"
R=$DATA/corpora/reuters21578.jsonl
PHXARGS="$*"
for th in 1 "$CORES"; do
  # measure passes --threads and --stats itself; the dictionary options ride along
  set -- $(DYAD_EXTRA="--no-events --no-duplicates --mentions $PHXARGS" measure "$R" "$th")
  echo "| corpora/reuters21578.jsonl | Phoenix | $th | $1 | $2 | $3 | $4 |" >> "$T/table"
done
for th in 1 "$CORES"; do
  set -- $(DYAD_EXTRA="--no-events --no-duplicates --mentions" measure "$R" "$th")
  echo "| corpora/reuters21578.jsonl | dyad's own | $th | $1 | $2 | $3 | $4 |" >> "$T/table"
done
echo "(Matching target: 50 MB/s per core with the Phoenix dictionaries; the figure is the whole run: read, segment, match and compose.)" >> "$T/table"

# Event coding (issue 4) and the stages of issue 5, on the Reuters sentence set:
# the whole default run, and the coder's own time from --stats' split.
B=$DATA/bench/reuters50k.jsonl
TB=$DATA/dictionaries/tabari-2012
TABARGS="--no-default-dict --dict tabari:$TB/CAMEO.080612.verbs --dict tabari:$TB/CountryInfo.120116.actors --dict tabari:$TB/Internatnl.120521.actors --dict tabari:$TB/PSU.120522.agents"
{
  echo
  echo "Event coding on \`bench/reuters50k.jsonl\` (50,000 sentences), \`./dyad code --threads N --stats\` (the default run): whole run (read, segment, actors, events, dates, quotes, claims, duplicate signatures and index, JSON), and the coder's own rate from the split by stage (actors + events stages). The split is the workers' elapsed time in each stage (their CPU time while no more threads run than there are cores; with every core coding, the reader and in-order threads share them, so the per-core rate reads low), plus the duplicate index, which runs in the in-order stage; the issue-5 share is dates + quotes + claims + duplicate signatures + duplicate index over actors + events (median of the runs; the split shown is the last run's)."
  echo
  echo "| dictionaries | threads | whole run sentences/s | coder sentences/s per core | events | dates+quotes+claims+duplicates, % of coder | stage split (seconds summed over workers) |"
  echo "|---|---|---|---|---|---|---|"
} >> "$T/table"
for spec in own tabari; do
  extra=""
  [ $spec = tabari ] && extra=$TABARGS
  for th in 1 "$CORES"; do
    : > "$T/ev"
    i=0
    while [ $i -lt "$RUNS" ]; do
      # shellcheck disable=SC2086
      ./dyad code $extra --threads "$th" --stats "$B" 2> "$T/err" > "$T/out"
      sents=$(sed -n 's/.* \([0-9]*\) sentences\/s.*/\1/p' "$T/err")
      n=$(sed -n 's/^dyad: [0-9]* documents, \([0-9]*\) sentences.*/\1/p' "$T/err")
      ac=$(sed -n 's/.*actors \([0-9.]*\) (.*/\1/p' "$T/err")
      ev=$(sed -n 's/.*events \([0-9.]*\),.*/\1/p' "$T/err")
      coder=$(awk -v n="$n" -v a="$ac" -v e="$ev" 'BEGIN { if (a + e > 0) printf "%.0f", n / (a + e); else print 0 }')
      share=$(sed -n 's/.*duplicates [0-9.]* (\([0-9]*\)% of actors.*/\1/p' "$T/err")
      echo "$sents $coder $share" >> "$T/ev"
      i=$((i + 1))
    done
    whole=$(cut -d' ' -f1 "$T/ev" | median)
    coder=$(cut -d' ' -f2 "$T/ev" | median)
    share=$(cut -d' ' -f3 "$T/ev" | median)
    nev=$(grep -c '"kind":"event"' "$T/out")
    split="$(sed -n 's/^dyad: stages (seconds, summed over workers): //p' "$T/err"); $(sed -n 's/^dyad: of which //p' "$T/err")"
    echo "| $spec | $th | $whole | $coder | $nev | $share% | $split |" >> "$T/table"
  done
done
echo "(Targets: 150,000 sentences/s per core with the TABARI dictionaries; TABARI itself codes about 18,700/s here. Issue 5: dates+quotes+claims+duplicates (signatures and index) at most 30% of actors+events.)" >> "$T/table"

# The store (issue 6), if its benchmark exists.
[ -x bench/store.sh ] && bench/store.sh >> "$T/table"

cat "$T/table"
cat "$T/table" >> BENCHMARKS.md
