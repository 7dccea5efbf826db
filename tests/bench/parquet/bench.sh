#!/usr/bin/env bash
# Side-by-side Parquet benchmark: DuckDB (1 thread), hyparquet, parquet-wasm and Curation on the same
# ~100 MB zstd file in the same run; prints MB/s and Curation's ratio against each peer.
# Usage: tests/bench/parquet/bench.sh [CORPUS_DIR=~/curation-data/corpus/train] [WORK_DIR=~/.cache/curation-bench/parquet]
# Needs: tests/setup/parquet.sh (npm peers), the corpus from shared/data/build_corpus.sh.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
corpus="${1:-$HOME/curation-data/corpus/train}"
work="${2:-$HOME/.cache/curation-bench/parquet}"
mkdir -p "$work"
export NODE_PATH="${NODE_PATH:-$root/tests/.tools/node/node_modules}"
input="$work/input_duckdb_zstd.parquet"
[ -f "$input" ] || node "$here/peers_bench.mjs" make "$corpus" "$input"
ls -l "$input" >&2
dotnet build "$here/ParquetBench" -c Release -nologo -v:q -clp:ErrorsOnly >&2
results="$work/results.jsonl"
: > "$results"
node "$here/peers_bench.mjs" run "$input" "$work" | tee -a "$results"
dotnet "$here/ParquetBench/bin/Release/net10.0/ParquetBench.dll" "$input" "$work" | tee -a "$results"
python3 - "$results" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
by = {(r["tool"], r["op"]): r for r in rows}
print(f"\n{'tool':14} {'op':18} {'seconds':>8} {'MB/s':>8}")
for r in rows:
    print(f"{r['tool']:14} {r['op']:18} {r['seconds']:8.3f} {r['bytes'] / r['seconds'] / 1e6:8.1f}" + (f"   file {r['size'] / 1e6:.1f} MB" if 'size' in r else ""))
print("\nCuration speed / peer speed (>1 = Curation faster):")
for op in ("read_text", "write_zstd"):
    c = by.get(("curation", op))
    if not c: continue
    for tool in ("duckdb", "parquet-wasm", "hyparquet"):
        p = by.get((tool, op))
        if p: print(f"  {op:12} vs {tool:13} {p['seconds'] / c['seconds']:6.2f}x")
PY
