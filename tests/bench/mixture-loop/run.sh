#!/usr/bin/env bash
# The mixture loop's fit side by side with python3-xgboost on the same runs table, in one run, with the same
# protocol and settings on both sides (tests/fixtures/mixture/xgb_kfold.py: 5-fold held-out predictions, rounds
# chosen by an inner 5-fold CV with early stopping, refit; lr 0.01, <= 1000 rounds, 31 leaves, L2 10).
#   tests/bench/mixture-loop/run.sh [RUN_DIR=runs/mixture-quick] [TARGET=val_loss.mean] [FOLDS=5]
# RUN_DIR is a finished `curate mixture run` (samples/mixture-quick.yaml by default; it is run first if missing).
# Prints both held-out Spearman values, their difference and the fit-time ratio (CV + final fit; Curation's time
# includes process start, so the ratio overstates its cost).
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUN=${1:-runs/mixture-quick}; TARGET=${2:-val_loss.mean}; FOLDS=${3:-5}
dotnet build pipeline/Curation.Cli -c Release -v q -nologo >/dev/null
CURATE="dotnet pipeline/Curation.Cli/bin/Release/net10.0/curate.dll"
[ -f "$RUN/manifest.json" ] || $CURATE mixture run samples/mixture-quick.yaml --set run.output="$RUN" >/dev/null
CSV=$(ls "$RUN"/fit/*.fit/00000.results.csv | head -1)
TABLE=$(mktemp --suffix .csv)
trap 'rm -f "$TABLE"' EXIT
# The weights and the one target column: the oracle treats every other column as a feature.
/usr/bin/python3 - "$CSV" "$TARGET" "$TABLE" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
cols = [c for c in rows[0] if not c.startswith("val_loss.")] + [sys.argv[2]]
with open(sys.argv[3], "w", newline="") as f:
    w = csv.writer(f); w.writerow(cols); [w.writerow([r[c] for c in cols]) for r in rows]
PY
echo "table: $CSV ($(($(wc -l < "$TABLE") - 1)) runs), target $TARGET"
xgb=$(/usr/bin/python3 tests/fixtures/mixture/xgb_kfold.py "$TABLE" "$TARGET" "$FOLDS")
t0=$(date +%s.%N)
cur=$($CURATE mixture fit --csv "$TABLE" --target "$TARGET" --folds "$FOLDS" --samples 1 --top-k 1 | head -1)
t1=$(date +%s.%N)
echo "curation: $cur"
echo "xgboost:  $xgb"
/usr/bin/python3 - "$xgb" "$cur" "$(echo "$t1 - $t0" | bc -l)" <<'PY'
import json, re, sys
x = json.loads(sys.argv[1]); m = re.search(r"Spearman (-?[0-9.]+)", sys.argv[2]); c = float(m.group(1)); ct = float(sys.argv[3])
print(f"held-out Spearman: curation {c:.4f}, xgboost {x['spearman']:.4f}, difference {c - x['spearman']:+.4f}")
print(f"fit time: curation {ct:.2f} s (process included), xgboost {x['fit_seconds']:.2f} s; ratio xgboost/curation {x['fit_seconds'] / ct:.2f}x")
PY
