#!/usr/bin/env bash
# Signature throughput, Curation vs a datatrove-style Python/numpy peer, on the same documents in one run.
# Usage: signature_throughput.sh CORPUS_DIR [STRIDE]   (CORPUS_DIR = OUT_DIR/corpus of shared/data/build_corpus.sh)
# Needs python3-numpy and python3-xxhash (tests/setup/dedup.sh installs python3-xxhash).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
corpus="${1:?corpus directory}"
stride="${2:-14}"
dotnet build "$here/DedupBench" -c Release -v q -nologo >&2
bench="$here/DedupBench/bin/Release/net10.0/DedupBench.dll"
echo "== sample: every ${stride}th document"
peer=$(/usr/bin/python3 "$here/datatrove_signature_peer.py" "$corpus" "$stride")
echo "$peer"
ours=$(dotnet "$bench" signatures "$corpus" "$stride")
echo "$ours"
p=$(grep -o '[0-9]* docs/CPU-s' <<<"$peer" | head -1 | cut -d' ' -f1)
c=$(grep -o '[0-9]* docs/CPU-s' <<<"$ours" | head -1 | cut -d' ' -f1)
s=$(grep -o '[0-9]* docs/CPU-s' <<<"$ours" | sed -n 2p | cut -d' ' -f1)
echo "ratio minhash: $(awk -v c="$c" -v p="$p" 'BEGIN{printf "%.1f", c/p}')x the Python peer; $(awk -v c="$c" 'BEGIN{printf "%.1f", c/1800}')x datatrove's reference 1,800 docs/CPU-s"
echo "ratio whole signature step (sort + files): $(awk -v c="$s" -v p="$p" 'BEGIN{printf "%.1f", c/p}')x the Python peer; $(awk -v c="$s" 'BEGIN{printf "%.1f", c/1800}')x 1,800"
echo "== full corpus"
dotnet "$bench" signatures "$corpus" 1
