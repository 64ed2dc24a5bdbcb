#!/bin/sh
# The store's benchmark (issue 6), printed as a markdown section:
#  1. ingest of corpora/reuters21578.jsonl with 1 thread and every core, as a
#     ratio to `dyad code --sentences --mentions > /dev/null` on the same input
#     (median of RUNS runs each, default 3), with the CPU time (user + sys) of
#     each when GNU time is installed: `dyad ingest --threads 1` has the store's
#     writer thread besides the coding thread, so it uses a second core that
#     `dyad code --threads 1` does not, which the CPU column shows;
#  2. the store's size per 1,000 documents;
#  3. on a store of 1,000,000 synthetic events made with SQL (needs the sqlite3
#     command): the latency of a monthly series for one dyad and of full-text
#     queries, each the median of 5 runs of the whole dyad command.
# usage: bench/store.sh [DYAD_BINARY]
cd "$(dirname "$0")/.." || exit 1
DYAD=${1:-./dyad}
DATA=${DYAD_DATA:-../shared/data}
RUNS=${RUNS:-3}
CORES=$(nproc)
R=$DATA/corpora/reuters21578.jsonl
if [ ! -f "$R" ]; then echo "skipped: $DATA not found"; exit 0; fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {if (NR) print a[int((NR+1)/2)]; else print "?"}'; }
ms() { date +%s%N | cut -c1-13; }
# timed CMD...: prints the milliseconds CMD took (its output discarded)
timed() { t0=$(ms); "$@" > /dev/null 2>&1; echo $(($(ms) - t0)); }
# cpu_timed CMD...: timed, and with GNU time CMD's user+sys seconds go to $T/cpu
GNU_TIME=$(command -v /usr/bin/time)
cpu_timed() {
  if [ -z "$GNU_TIME" ]; then timed "$@"; return; fi
  timed "$GNU_TIME" -f '%U %S' -o "$T/cpu1" "$@"
  awk '{print $1 + $2}' "$T/cpu1" >> "$T/cpu"
}
cpu_median() { if [ -s "$T/cpu" ]; then median < "$T/cpu"; else echo "?"; fi; rm -f "$T/cpu"; }

code_ms() { i=0; while [ $i -lt "$RUNS" ]; do cpu_timed "$DYAD" code --threads "$1" --sentences --mentions "$R"; i=$((i + 1)); done | median; }
ingest_ms() {
  i=0
  while [ $i -lt "$RUNS" ]; do
    rm -f "$T/r.db"*
    cpu_timed "$DYAD" ingest --threads "$1" --db "$T/r.db" "$R"
    i=$((i + 1))
  done | median
}

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
echo
echo "## $(date -u +%Y-%m-%d) \`bench/store.sh\` (dyad ingest, query)"
echo
echo "Machine: $CORES cores, $cpu. Median of $RUNS runs."
echo
echo "| corpus | threads | dyad code --sentences --mentions (s) | dyad ingest (s) | ratio (target >= 0.8) | code CPU (s) | ingest CPU (s) |"
echo "|---|---|---|---|---|---|---|"
rm -f "$T/cpu"
for th in 1 "$CORES"; do
  c=$(code_ms "$th")
  cc=$(cpu_median)
  g=$(ingest_ms "$th")
  gc=$(cpu_median)
  ratio=$(awk -v c="$c" -v g="$g" 'BEGIN { printf "%.2f", c / g }')
  echo "| corpora/reuters21578.jsonl | $th | $(awk -v x="$c" 'BEGIN{printf "%.2f", x/1000}') | $(awk -v x="$g" 'BEGIN{printf "%.2f", x/1000}') | $ratio | $cc | $gc |"
done
echo
echo "\`dyad ingest\` runs the store's SQLite writer on a thread of its own beside the coding, so" \
  "with \`--threads 1\` it uses two cores where \`dyad code --threads 1\` uses one: its ratio" \
  "depends on a second core being free (the CPU columns, user + sys, show the work each does)." \
  "With \`--threads N\` above 1 the writer counts as one of the N: coding runs on N-1 workers."
docs=$("$DYAD" query --db "$T/r.db" --kind documents --count)
bytes=$(stat -c %s "$T/r.db")
echo
echo "Store size: $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB for $docs documents," \
  "$(awk -v b="$bytes" -v d="$docs" 'BEGIN{printf "%.2f", b/1e6/d*1000}') MB per 1,000 documents" \
  "(sentences with text, FTS5 index, mentions, events and the other records; \`dyad query --check\` row counts:" \
  "$("$DYAD" query --db "$T/r.db" --check | awk 'NR>1 && NR<12 && $2>0 {printf "%s%s %s", s, $2, $1; s=", "}'))."

if ! command -v sqlite3 > /dev/null; then
  echo
  echo "Query latency: skipped (the sqlite3 command, which makes the synthetic store, is not installed)."
  exit 0
fi

# A store of 1,000,000 events: 100,000 documents of 10 events, each event
# with its own sentence (random 60-120 byte windows of a news vocabulary),
# 40 actor codes, CAMEO codes, dates over ten years. Made with SQL in the
# store's own schema (an ingest of one document makes the schema).
B=$T/big.db
echo '{"id":"seed","text":"Envoys met in Geneva."}' > "$T/seed.jsonl"
"$DYAD" ingest --db "$B" "$T/seed.jsonl" > /dev/null 2>&1
t0=$(ms)
sqlite3 "$B" > /dev/null <<'SQL'
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
CREATE TEMP TABLE codes(i INTEGER PRIMARY KEY, code TEXT);
INSERT INTO codes(code) VALUES ('USA'),('USAGOV'),('USAMIL'),('RUS'),('RUSGOV'),('RUSMIL'),
  ('UKR'),('UKRGOV'),('UKRMIL'),('CHN'),('CHNGOV'),('PRK'),('PRKGOV'),('KOR'),('KORGOV'),
  ('IRN'),('IRNGOV'),('ISR'),('ISRMIL'),('PSE'),('SYR'),('SYRGOV'),('TUR'),('TURGOV'),
  ('FRA'),('FRAGOV'),('DEU'),('GBR'),('GBRGOV'),('IND'),('PAK'),('AFG'),('IRQ'),('SAU'),
  ('EGY'),('SDN'),('ETH'),('NGA'),('IGOUNO'),('NGO');
CREATE TEMP TABLE cameo(i INTEGER PRIMARY KEY, code TEXT, plover TEXT, g REAL);
INSERT INTO cameo(code, plover, g) VALUES ('010','',0),('036','AGREE',4),('040','CONSULT',1),
  ('042','CONSULT',1.9),('043','CONSULT',2.8),('046','CONSULT',7),('051','SUPPORT',3.4),
  ('057','SUPPORT',8),('061','COOPERATE',6.4),('070','AID',7),('111','DISAPPROVE',-2),
  ('112','DISAPPROVE',-2),('120','REJECT',-4),('130','THREATEN',-4.4),('140','PROTEST',-6.5),
  ('163','SANCTION',-8),('173','COERCE',-5),('190','ASSAULT',-10),('193','ASSAULT',-10),
  ('195','ASSAULT',-10);
CREATE TEMP TABLE vocab(t TEXT);
INSERT INTO vocab VALUES ('officials said talks on a ceasefire would resume in geneva next week after troops withdrew from the border region while the ministry denied reports of shelling near the capital and envoys from both governments met the united nations mediator to discuss sanctions prisoners humanitarian aid and the reconstruction of bridges roads and power lines damaged in the fighting which killed dozens of civilians according to local authorities who also reported arrests protests and a curfew in the northern provinces where rebels had seized two towns before the army launched a counteroffensive backed by air strikes and artillery the president praised the agreement as a first step toward peace but opposition leaders condemned it and demanded elections a referendum and the release of detained journalists');
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO documents(id, hash, records, doc, date, source, bytes, sentences, paragraphs)
SELECT i + 1, randomblob(16), 21, 'synthetic-' || i, date('2015-01-01', '+' || (i * 7919 % 3650) || ' days'),
  'bench', 1000, 10, 1 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999999)
INSERT INTO sentences(id, document, sent, span_start, span_end, text, tokens, para)
SELECT i + 2, i / 10 + 2, i % 10, 0, 100,
  substr((SELECT t FROM vocab), 1 + abs(random()) % 600, 60 + abs(random()) % 60), 15, 0 FROM n;
INSERT INTO sentence_fts(sentence_fts) VALUES ('rebuild');
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999999),
r AS (SELECT i, abs(random()) % 40 AS a, abs(random()) % 40 AS b, abs(random()) % 20 AS c FROM n)
INSERT INTO events(document, sentence, source_code, source_name, target_code, target_name, cameo,
  root, quad_class, goldstein, plover, negated, date, pattern)
SELECT r.i / 10 + 2, r.i + 2, s.code, s.code, t.code, t.code, c.code, substr(c.code, 1, 2),
  CASE WHEN c.code < '06' THEN 1 WHEN c.code < '10' THEN 2 WHEN c.code < '15' THEN 3 ELSE 4 END,
  c.g, nullif(c.plover, ''), 0, d.date, 'bench'
FROM r JOIN codes s ON s.i = r.a + 1 JOIN codes t ON t.i = (r.a + 1 + r.b % 39) % 40 + 1
JOIN cameo c ON c.i = r.c + 1 JOIN documents d ON d.id = r.i / 10 + 2;
PRAGMA wal_checkpoint(TRUNCATE);
PRAGMA journal_mode = DELETE;
SQL
gen=$(($(ms) - t0))
nev=$("$DYAD" query --db "$B" --kind events --count)

# latency COMMAND...: median milliseconds of 5 runs (after one warm-up run)
latency() { "$@" > /dev/null 2>&1; i=0; while [ $i -lt 5 ]; do timed "$@"; i=$((i + 1)); done | median; }
q1=$(latency "$DYAD" query --db "$B" --dyad USA:RUS --by month --format jsonl)
q2=$(latency "$DYAD" query --db "$B" --text 'ceasefire AND geneva' --limit 100 --evidence --format jsonl)
q3=$(latency "$DYAD" query --db "$B" --kind sentences --text '"humanitarian aid"' --count)
q4=$(latency "$DYAD" query --db "$B" --actor IRN --from 2020 --to 2020-12 --by week --format jsonl)
n1=$("$DYAD" query --db "$B" --dyad USA:RUS --by month --format jsonl | wc -l)
n3=$("$DYAD" query --db "$B" --kind sentences --text '"humanitarian aid"' --count)
echo
echo "Query latency on a store of $nev synthetic events ($(awk -v b="$(stat -c %s "$B")" 'BEGIN{printf "%.0f", b/1e6}') MB, made with SQL in $(awk -v x="$gen" 'BEGIN{printf "%.0f", x/1000}') s); whole \`dyad query\` process, warm cache, median of 5 (target < 100 ms):"
echo
echo "| query | ms |"
echo "|---|---|"
echo "| monthly series of one dyad: \`--dyad USA:RUS --by month\` ($n1 months) | $q1 |"
echo "| FTS, events with evidence: \`--text 'ceasefire AND geneva' --limit 100 --evidence\` | $q2 |"
echo "| FTS phrase, count of 1M sentences: \`--kind sentences --text '\"humanitarian aid\"' --count\` ($n3) | $q3 |"
echo "| actor and dates, weekly: \`--actor IRN --from 2020 --to 2020-12 --by week\` | $q4 |"
