#!/usr/bin/env bash
# The mixture loop's fit stage side by side with python3-xgboost on the same runs table, in one run.
#   tests/bench/mixture-loop/run.sh [RUN_DIR=runs/mixture-quick] [TARGET=val_loss.mean] [FOLDS=4]
# RUN_DIR is a finished `curate mixture run` (samples/mixture-quick.yaml by default; it is run first if missing).
# Prints both held-out Spearman values and the fit-time ratio (Curation's time includes CV, the final fit and a
# 1M-mixture search, so the ratio overstates Curation's fit cost; `--samples 1` removes the search).
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUN=${1:-runs/mixture-quick}; TARGET=${2:-val_loss.mean}; FOLDS=${3:-4}
dotnet build pipeline/Curation.Cli -c Release -v q -nologo >/dev/null
CURATE="dotnet pipeline/Curation.Cli/bin/Release/net10.0/curate.dll"
[ -f "$RUN/manifest.json" ] || $CURATE mixture run samples/mixture-quick.yaml --set run.output="$RUN" >/dev/null
CSV=$(ls "$RUN"/fit/*.fit/00000.results.csv | head -1)
echo "table: $CSV"
/usr/bin/python3 tests/bench/mixture-loop/xgb_cv.py "$CSV" "$TARGET" "$FOLDS" | tee /tmp/mixture-loop-xgb.txt
t0=$(date +%s.%N)
$CURATE mixture fit --csv "$CSV" --target "$TARGET" --folds "$FOLDS" --samples 1 --top-k 1 | head -1 | tee /tmp/mixture-loop-curate.txt
t1=$(date +%s.%N)
xt=$(sed -E 's/.*fit time ([0-9.]+) s/\1/' /tmp/mixture-loop-xgb.txt)
echo "curate (gbdt, CV + final fit, process start included): $(echo "$t1 - $t0" | bc -l | cut -c1-6) s; ratio curate/xgboost $(echo "($t1 - $t0) / $xt" | bc -l | cut -c1-5)"
