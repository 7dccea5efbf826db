#!/usr/bin/python3
"""Peer side of bench.sh: python3-xgboost fit time on a mixture -> loss CSV with the protocol of Curation's
GbdtRegressor.Fit (rounds chosen by a 5-fold CV with early stopping after 3 rounds, then a refit on all rows with
that round count; learning rate 0.01, <= 1000 rounds, 31 leaves loss-guided, 255 bins, L2 10; the fit function of
tests/fixtures/mixture/xgb_kfold.py). Best of 5, for 1 and 2 threads, plus that script's 5-fold held-out CV.
Prints one JSON line.

Usage: /usr/bin/python3 xgb_fit_bench.py TABLE.csv TARGET [PREDICT_ROWS=1000000]
"""
import csv
import json
import subprocess
import sys
import time
import os

import numpy as np
import xgboost as xgb

path, target = sys.argv[1], sys.argv[2]
with open(path, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
cols = [i for i, h in enumerate(header) if h not in ("run", target)]
X = np.array([[float(r[i]) for i in cols] for r in body])
y = np.array([float(r[header.index(target)]) for r in body])
n = len(y)
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "../../fixtures/mixture"))
import xgb_kfold  # noqa: E402  (the oracle's fit, so the bench and the parity test use one protocol)


def fit(threads, keep=None):
    final, rounds = xgb_kfold.fit(X, y, threads)
    if keep is not None:
        keep.append(final)
    return rounds


out = {"xgboost": xgb.__version__}
for threads in (1, 2):
    fit(threads)
    best = 1e9
    for _ in range(5):
        t0 = time.perf_counter()
        out["trees"] = fit(threads)
        best = min(best, time.perf_counter() - t0)
    out[f"fit_seconds_{threads}t"] = best
models = []
fit(1, models)
rows = int(sys.argv[3]) if len(sys.argv) > 3 else 1000000
big = np.tile(X, (rows // n + 1, 1))[:rows]
dbig = xgb.DMatrix(big, base_margin=np.full(rows, y.mean()))
t0 = time.perf_counter()
models[0].predict(dbig)
out["predict_seconds_1t"] = time.perf_counter() - t0
out["predict_rows"] = rows
t0 = time.perf_counter()
cv = subprocess.run(["/usr/bin/python3", os.path.join(here, "../../fixtures/mixture/xgb_kfold.py"), path, target],
                    check=True, capture_output=True, text=True).stdout
out["cv_seconds_process"] = time.perf_counter() - t0
out["cv"] = json.loads(cv.strip().splitlines()[-1])
print(json.dumps(out))
