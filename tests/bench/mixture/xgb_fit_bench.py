#!/usr/bin/python3
"""Peer side of bench.sh: python3-xgboost fit time on a mixture -> loss CSV with the protocol of Curation's
GbdtRegressor.Fit (every 5th row held out for early stopping after 3 rounds, then a refit on all rows with the
best round count; learning rate 0.01, <= 1000 rounds, 31 leaves loss-guided, 255 bins). Best of 5, for 1 and 2
threads, plus the 5-fold CV of tests/fixtures/mixture/xgb_kfold.py. Prints one JSON line.

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
valid = np.arange(4, n, 5)
train = np.array([i for i in range(n) if i % 5 != 4])


def params(rows, threads):
    return dict(learning_rate=0.01, tree_method="hist", grow_policy="lossguide", max_leaves=31, max_depth=0,
                max_bin=255, reg_lambda=0.0, min_child_weight=min(max(rows // 10, 2), 20), n_jobs=threads, random_state=0)


def fit(threads, keep=None):
    m = xgb.XGBRegressor(n_estimators=1000, early_stopping_rounds=3, eval_metric="rmse", **params(len(train), threads))
    m.fit(X[train], y[train], eval_set=[(X[valid], y[valid])], verbose=False)
    final = xgb.XGBRegressor(n_estimators=m.best_iteration + 1, **params(n, threads))
    final.fit(X, y)
    if keep is not None:
        keep.append(final)
    return m.best_iteration + 1


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
models[0].set_params(n_jobs=1)
t0 = time.perf_counter()
models[0].predict(big)
out["predict_seconds_1t"] = time.perf_counter() - t0
out["predict_rows"] = rows
here = os.path.dirname(os.path.abspath(__file__))
t0 = time.perf_counter()
cv = subprocess.run(["/usr/bin/python3", os.path.join(here, "../../fixtures/mixture/xgb_kfold.py"), path, target],
                    check=True, capture_output=True, text=True).stdout
out["cv_seconds_process"] = time.perf_counter() - t0
out["cv"] = json.loads(cv.strip().splitlines()[-1])
print(json.dumps(out))
