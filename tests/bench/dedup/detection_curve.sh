#!/usr/bin/env bash
# Detection rate per true word-5-gram Jaccard bin on the near-duplicate set of shared/data/make_neardup.py
# (neardup.jsonl + neardup_pairs.jsonl), with and without verification, plus recall at J >= 0.8 and
# pairwise precision against the ground-truth clusters.
# Usage: detection_curve.sh NEARDUP_DIR [WORK_DIR]   (NEARDUP_DIR holds neardup.jsonl; e.g. the build's OUT_DIR)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
dir="${1:?directory with neardup.jsonl}"
work="${2:-${TMPDIR:-/tmp}/dedup-curve-$$}"
dotnet build "$here/DedupBench" -c Release -v q -nologo >&2
dotnet "$here/DedupBench/bin/Release/net10.0/DedupBench.dll" curve "$dir" "$work"
rm -rf "$work"
