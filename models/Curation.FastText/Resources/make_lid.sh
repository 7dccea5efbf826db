#!/usr/bin/env bash
# Rebuilds lid.curation.ftz with Curation's own fastText, from the shared corpus.
#   make_lid.sh CORPUS_DIR [WORK_DIR]     CORPUS_DIR = output of shared/data/build_corpus.sh (…/corpus)
# FASTTEXT="curate fasttext" by default; any fastText-compatible command line works.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
CORPUS=${1:?corpus directory with train/ and val/}
W=${2:-${TMPDIR:-/tmp}/curation-lid}
FASTTEXT=${FASTTEXT:-curate fasttext}
mkdir -p "$W"
/usr/bin/python3 "$HERE/make_lid_data.py" "$CORPUS" "$W"
$FASTTEXT supervised -input "$W/lid_train.txt" -output "$W/lid" -dim 16 -minn 2 -maxn 4 -bucket 200000 \
  -lr 0.5 -epoch 5 -thread 2 -seed 0 -verbose 1
$FASTTEXT quantize -input "$W/lid_train.txt" -output "$W/lid" -qnorm -cutoff 100000 -retrain -epoch 1 -lr 0.1 \
  -thread 2 -verbose 0
echo "val documents:"; $FASTTEXT test "$W/lid.ftz" "$W/lid_val_docs.txt"
echo "val chunks:"; $FASTTEXT test "$W/lid.ftz" "$W/lid_val_chunks.txt"
cp "$W/lid.ftz" "$HERE/lid.curation.ftz"
