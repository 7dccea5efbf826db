#!/usr/bin/env bash
# All four MinHash steps (signatures -> buckets -> clusters with verification 0.7 -> filter writing the
# kept documents) over the full corpus, one task per JSONL file. Prints per-step wall times.
# Usage: end_to_end.sh CORPUS_DIR [WORKERS] [WORK_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="${1:?corpus directory}"
workers="${2:-2}"
work="${3:-${TMPDIR:-/tmp}/dedup-e2e-$$}"
dotnet build "$here/DedupBench" -c Release -v q -nologo >&2
/usr/bin/time -f "peak RSS %M KB, %e s wall, %U s user, %S s sys" \
  dotnet "$here/DedupBench/bin/Release/net10.0/DedupBench.dll" e2e "$corpus" "$work" "$workers"
head -c 300 "$work/clusters/clusters.jsonl"; echo
rm -rf "$work"
