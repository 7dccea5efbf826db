#!/usr/bin/python3
"""The peer side of the mixture-loop bench: python3-xgboost (Debian) with RegMix's LightGBM-like settings
(learning rate 0.01, up to 1000 rounds, 31 leaves) on a runs table written by `curate mixture run`
(results.csv), k-fold with row i in fold i mod k (as Curation's CrossValidation.KFold without shuffle).
Prints the pooled held-out Spearman and the total fit time.

Usage: /usr/bin/python3 xgb_cv.py RESULTS_CSV TARGET_COLUMN [FOLDS=5]"""
import csv, sys, time
import numpy as np, xgboost as xgb
from scipy.stats import spearmanr

path, target = sys.argv[1], sys.argv[2]
folds = int(sys.argv[3]) if len(sys.argv) > 3 else 5
rows = list(csv.DictReader(open(path)))
domains = [c for c in rows[0] if c != 'run' and not c.startswith('val_loss.')]
X = np.array([[float(r[d]) for d in domains] for r in rows])
y = np.array([float(r[target]) for r in rows])
fold = np.arange(len(y)) % folds
pred = np.zeros_like(y)
t0 = time.perf_counter()
for k in range(folds):
    tr, te = fold != k, fold == k
    m = xgb.XGBRegressor(n_estimators=1000, learning_rate=0.01, max_leaves=31, grow_policy='lossguide',
                         tree_method='hist', min_child_weight=1e-3, n_jobs=2)
    m.fit(X[tr], y[tr])
    pred[te] = m.predict(X[te])
elapsed = time.perf_counter() - t0
print(f'xgboost {xgb.__version__}: {len(y)} runs, {folds}-fold held-out Spearman {spearmanr(pred, y).correlation:.4f}, fit time {elapsed:.3f} s')
