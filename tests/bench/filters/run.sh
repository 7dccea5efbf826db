#!/usr/bin/env bash
# Throughput of the Gopher quality + Gopher repetition + C4 + FineWeb chain over a corpus, in documents per
# CPU-second, against datatrove's ~480 documents per CPU-second measured on the same machine class
# (datatrove is not installable offline here, so its figure is quoted, not re-run).
# Usage: tests/bench/filters/run.sh [CORPUS_TRAIN_DIR] [--max-docs N]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${1:-${CORPUS_DIR:-$HOME/curation-data}/corpus/train}"
shift || true
dotnet build "$here/FiltersBench.csproj" -c Release -nologo -v:q -clp:ErrorsOnly >&2
dotnet "$here/bin/Release/net10.0/FiltersBench.dll" "$corpus" "$@"
