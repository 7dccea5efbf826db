#!/usr/bin/env bash
# Side-by-side: Curation's histogram GBDT against Debian's python3-xgboost on the same mixture -> loss table,
# in the same run, with the same fitting protocol; prints both JSON lines and the fit-time ratio.
# Usage: tests/bench/mixture/bench.sh [TABLE.csv] [TARGET] [SEARCH_SAMPLES]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
table="${1:-$root/tests/fixtures/mixture/synthetic_17x256.csv}"
target="${2:-loss_web}"
samples="${3:-1000000}"
dotnet build "$here/MixtureBench" -c Release -nologo -v:q -clp:ErrorsOnly >&2
peer=$(/usr/bin/python3 "$here/xgb_fit_bench.py" "$table" "$target" "$samples")
ours=$(dotnet "$here/MixtureBench/bin/Release/net10.0/MixtureBench.dll" "$table" "$target" "$samples")
echo "xgboost:  $peer"
echo "curation: $ours"
/usr/bin/python3 - "$peer" "$ours" <<'PY'
import json, sys
p, o = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"fit (early stop + refit): curation {o['fit_seconds']*1e3:.1f} ms ({o['trees']} trees) vs xgboost "
      f"{p['fit_seconds_1t']*1e3:.1f} ms 1 thread / {p['fit_seconds_2t']*1e3:.1f} ms 2 threads ({p['trees']} trees)"
      f" -> ratio xgboost/curation {p['fit_seconds_1t']/o['fit_seconds']:.2f}x (1t), {p['fit_seconds_2t']/o['fit_seconds']:.2f}x (2t)")
print(f"5-fold held-out Spearman: curation {o['cv_spearman']:.4f} vs xgboost {p['cv']['spearman']:.4f}"
      f" (diff {o['cv_spearman']-p['cv']['spearman']:+.4f}); MSE {o['cv_mse']:.5f} vs {p['cv']['mse']:.5f}")
print(f"5-fold CV fit time: curation {o['cv_seconds']:.3f} s vs xgboost {p['cv']['fit_seconds']:.3f} s")
print(f"RegMix sampler, 512 mixtures: {o['sample512_seconds']*1e3:.1f} ms; search over {o['search_samples']:,} mixtures: {o['search_seconds']:.2f} s (of which scoring alone, 1 thread: {o['predict_seconds']:.2f} s)")
print(f"scoring {p['predict_rows']:,} mixtures, 1 thread: curation {o['predict_seconds']:.2f} s vs xgboost {p['predict_seconds_1t']:.2f} s"
      f" -> ratio xgboost/curation {p['predict_seconds_1t']/o['predict_seconds']:.2f}x")
PY
