#!/usr/bin/env bash
# Trains a byte-level proxy LM (vocab 256) on three domains of the real 25-domain corpus
# (shared/data/build_corpus.sh) and prints the per-domain validation loss every 50 steps, to show it falling.
#   tests/bench/lm/real_corpus.sh CORPUS_DIR [WORK_DIR] [STEPS=400]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
corpus="${1:?usage: $0 CORPUS_DIR [WORK_DIR] [STEPS]}"
work="${2:-${TMPDIR:-/tmp}/curation-lm-real}"
steps="${3:-400}"
mkdir -p "$work"
domains=(brown-news code-python speeches-sotu)
for d in "${domains[@]}"; do
  [ -f "$work/$d-train.idx" ] || "$root/samples/lm/make_byte_shards.py" "$work/$d-train" "$corpus/train/$d.jsonl"
  [ -f "$work/$d-val.idx" ] || "$root/samples/lm/make_byte_shards.py" "$work/$d-val" "$corpus/val/$d.jsonl"
done
{
  sed -n '/^model:/,/^data:/p' "$root/samples/lm/tiny-bytes.yaml" | sed -e '$d' \
    -e "s/^  steps: .*/  steps: $steps/" -e 's/^  eval_batches: .*/  eval_batches: 16/' -e 's/^  checkpoint: .*/  checkpoint: real.ckpt/'
  echo "data:"
  echo "  train:"
  for d in "${domains[@]}"; do echo "  - {name: $d, path: $d-train, weight: 1}"; done
  echo "  validation:"
  for d in "${domains[@]}"; do echo "  - {name: $d, path: $d-val}"; done
} > "$work/real.yaml"
rm -f "$work/real.ckpt"
dotnet build "$root/pipeline/Curation.Cli" -c Release -v q -nologo >/dev/null
"$root/pipeline/Curation.Cli/bin/Release/net10.0/curate" lm train "$work/real.yaml" 2> "$work/train.log"
echo "validation loss every 50 steps (nats/byte):"
grep -E '^  val' "$work/train.log" | awk '{ printf "%s=%s ", $2, $4 } NR % 3 == 0 { print "" }'
