#!/usr/bin/env bash
# Measures, on a release build: `claims import` of a claims table (events/s, peak memory)
# next to a plain sqlite3 bulk insert of the same rows in one transaction, and `claims verify`.
# Usage: Scripts/benchmark-import.sh [ROWS]   (default 100000)
set -euo pipefail
rows=${1:-100000}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --package-path "$root" --product claims >/dev/null
claims="$root/.build/release/claims"

# 2,000 objects, 500 sources, integer values: the shape of a truth-discovery set.
python3 - "$rows" > "$work/table.csv" <<'PY'
import sys, random
random.seed(7)
n = int(sys.argv[1])
print("object,attribute,source,value")
for i in range(n):
    print(f"city-{i % 2000},population,editor-{random.randrange(500)},{random.randrange(10_000, 5_000_000)}")
PY

seconds() { python3 -c 'import sys; print(float(sys.argv[2]) - float(sys.argv[1]))' "$1" "$2"; }
now() { date +%s.%N; }

"$claims" init --ledger "$work/ledger.sqlite" >/dev/null
start=$(now)
/usr/bin/time -v "$claims" import --ledger "$work/ledger.sqlite" --format claims-csv --no-refresh "$work/table.csv" \
  >"$work/import.out" 2>"$work/import.time"
import_s=$(seconds "$start" "$(now)")
events=$(sqlite3 "$work/ledger.sqlite" "SELECT COUNT(*) FROM events")
rss_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$work/import.time")

# The floor: the same rows into a plain table, one transaction, by sqlite3 itself.
start=$(now)
sqlite3 "$work/plain.sqlite" <<SQL
PRAGMA journal_mode = WAL;
CREATE TABLE claims (object TEXT, attribute TEXT, source TEXT, value TEXT);
BEGIN;
.mode csv
.import --skip 1 $work/table.csv claims
COMMIT;
SQL
plain_s=$(seconds "$start" "$(now)")

start=$(now)
"$claims" verify --ledger "$work/ledger.sqlite" >/dev/null
verify_s=$(seconds "$start" "$(now)")
bytes=$(stat -c %s "$work/ledger.sqlite")

python3 - "$rows" "$events" "$import_s" "$rss_kb" "$plain_s" "$verify_s" "$bytes" <<'PY'
import sys
rows, events = int(sys.argv[1]), int(sys.argv[2])
import_s, rss_kb, plain_s, verify_s, size = float(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), int(sys.argv[7])
print(f"rows                       {rows}")
print(f"events appended            {events}")
print(f"claims import              {import_s:.2f} s, {events / import_s:,.0f} events/s, peak RSS {rss_kb / 1024:.0f} MB")
print(f"sqlite3 plain bulk insert  {plain_s:.2f} s, {rows / plain_s:,.0f} rows/s")
print(f"import / plain insert      {import_s / plain_s:.1f}x")
print(f"claims verify              {verify_s:.2f} s, {events / verify_s:,.0f} events/s")
print(f"ledger size                {size / events:.0f} bytes per event")
PY
