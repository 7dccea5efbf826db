#!/usr/bin/env bash
# Issue 9 benchmark: the same tiny GPT (vocab 4096, width 128, 2 layers, 4 heads, context 256, batch 16, AdamW)
# trained on random tokens by PyTorch CPU (Debian python3-torch with OpenBLAS side-loaded) and by
# `curate lm bench samples/lm/bench-tiny.yaml`, one after the other in the same run; prints both tokens/s and the ratio.
# Needs shared/peers/install.sh to have run (PEERS_DIR, default ~/.cache/curation-peers).
#   tests/bench/lm/vs_torch.sh [THREADS=2] [PEERS_SCRIPTS_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
threads="${1:-2}"
peers="${2:-${PEERS_SCRIPTS:-$root/../shared/peers}}"
[ -f "$peers/torch_bench.py" ] || { echo "torch_bench.py not found in $peers (pass the shared/peers folder as argument 2)" >&2; exit 2; }

dotnet build "$root/pipeline/Curation.Cli" -c Release -v q -nologo >/dev/null
curate="$root/pipeline/Curation.Cli/bin/Release/net10.0/curate"
cfg="$(mktemp)"; trap 'rm -f "$cfg"' EXIT
sed "s/^  threads: .*/  threads: $threads/" "$root/samples/lm/bench-tiny.yaml" > "$cfg"

echo "== PyTorch (threads=$threads)"
torch_out="$("$peers/with-openblas.sh" /usr/bin/python3 "$peers/torch_bench.py" "$threads" | tee /dev/stderr)"
echo "== Curation (threads=$threads)"
cur_out="$("$curate" lm bench "$cfg" | tee /dev/stderr)"

torch_tps="$(sed -n 's/.*train step.* = \([0-9,]*\) tokens\/s.*/\1/p' <<<"$torch_out" | tr -d ,)"
cur_tps="$(sed -n 's/^\([0-9]*\) tokens\/s$/\1/p' <<<"$cur_out")"
echo "== summary"
echo "pytorch  $torch_tps tokens/s"
echo "curation $cur_tps tokens/s"
awk -v a="$cur_tps" -v b="$torch_tps" 'BEGIN { printf "ratio curation/pytorch = %.2fx\n", a / b }'
grep -E "of peak|GFLOP/s" <<<"$cur_out"
