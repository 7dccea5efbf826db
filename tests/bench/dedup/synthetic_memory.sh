#!/usr/bin/env bash
# Peak RSS of all four steps over N synthetic documents (default 2,000,000; 16 tasks, 2 workers,
# 16 MB sort budget per task, verification on). Prints the tool's summary and the peak RSS.
# Usage: synthetic_memory.sh [N] [WORK_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
n="${1:-2000000}"
work="${2:-${TMPDIR:-/tmp}/dedup-synthetic-$$}"
dotnet build "$here/DedupBench" -c Release -v q -nologo >&2
bench="$here/DedupBench/bin/Release/net10.0/DedupBench.dll"
log="$(mktemp)"
# /proc-based peak RSS (VmHWM) sampled at exit, so no extra package is needed.
dotnet "$bench" synthetic "$n" "$work" &
pid=$!
peak=0
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/VmHWM/{print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
  [ -n "$rss" ] && [ "$rss" -gt "$peak" ] && peak=$rss
  sleep 0.5
done
wait "$pid"
echo "peak RSS: $((peak / 1024)) MB (limit 2048 MB) for $n documents"
du -sh "$work" | sed 's/^/work dir size: /'
rm -rf "$work" "$log"
