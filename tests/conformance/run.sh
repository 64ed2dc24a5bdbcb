#!/bin/sh
# make conformance: the figures measured against peers' suites and gold data
# in ../shared/data. Each section prints its misses, then one summary line.
cd "$(dirname "$0")/../.." || exit 1
DATA=${DYAD_DATA:-../shared/data}
if [ ! -d "$DATA/gold" ]; then echo "skipped: $DATA not found"; exit 0; fi
OUT=build/conformance
echo "== PLOVER gold dev: actors (issue 3)"
build/conformance/plover_actors "$DATA/gold/plover_gsr_dev.jsonl" dict/dyad.txt > "$OUT/plover_actors.txt"
grep -c '^MISS' "$OUT/plover_actors.txt" | sed 's/^/  misses listed in build\/conformance\/plover_actors.txt: /'
tail -1 "$OUT/plover_actors.txt"
echo "== PLOVER gold dev: events with dyad's dictionaries (issue 4)"
build/conformance/plover_events "$DATA/gold/plover_gsr_dev.jsonl" dict/cameo.tsv dict/dyad.txt > "$OUT/plover_events.txt"
grep -c '^MISS' "$OUT/plover_events.txt" | sed 's/^/  misses listed in build\/conformance\/plover_events.txt: /'
tail -1 "$OUT/plover_events.txt"
echo "== duplicates: 2,000 Reuters documents, 200 edited copies, 100 repeated paragraphs (issue 5)"
build/conformance/dups "$DATA" > "$OUT/dups.txt"
grep -E "precision|recall|bytes per document" "$OUT/dups.txt" | sed 's/^/  /'
echo "== TABARI Validate.text with the TABARI dictionaries and dyad's pattern coder (issue 4)"
build/conformance/tabari_validate "$DATA/conformance/tabari/Validate.project" > "$OUT/tabari_validate.txt"
grep -c '^FAIL' "$OUT/tabari_validate.txt" | sed 's/^/  failures listed in build\/conformance\/tabari_validate.txt: /'
tail -1 "$OUT/tabari_validate.txt"
echo "== PETRARCH unit tests from raw sentences with PETR.Validate dictionaries (issue 4)"
build/conformance/petrarch_unittest "$DATA/conformance/petrarch2/petrarch2_unittest.jsonl" \
  "$DATA/conformance/petrarch2" > "$OUT/petrarch_unittest.txt"
grep -c '^FAIL' "$OUT/petrarch_unittest.txt" | sed 's/^/  failures listed in build\/conformance\/petrarch_unittest.txt: /'
tail -1 "$OUT/petrarch_unittest.txt"
echo "== MUC-4 killed claims against the answer keys (issue 5)"
build/conformance/muc4_claims "$DATA" > "$OUT/muc4_claims.txt"
grep -E "^(MUC-4|precision proxy)" "$OUT/muc4_claims.txt" | sed "s/^/  /"
echo "== IndiaPoliceEvents KILL sentences (issue 5)"
build/conformance/ipe_claims "$DATA" > "$OUT/ipe_claims.txt"
tail -4 "$OUT/ipe_claims.txt" | sed 's/^/  /'
