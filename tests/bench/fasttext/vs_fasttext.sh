#!/usr/bin/env bash
# Side by side, same data, same run: the Debian fastText 0.9.2 CLI vs Curation's fastText
# (tests/bench/fasttext/runner = the code behind `curate fasttext`).
#   training words/sec/thread (supervised, wordNgrams 2, dim 100, 2 threads, 5 epochs, 2M buckets; and a
#   char n-gram model: dim 16, minn 3, maxn 6, 200k buckets)
#   test P@1 of both models on the same held-out file
#   prediction lines/sec (wall, including model load) of both tools on the same fastText-trained model,
#   for the .bin and for a .ftz quantized by fastText
# Usage: vs_fasttext.sh [WORK_DIR]   (THREADS=2 EPOCH=5 DIM=100 QUANTIZE=1 REPEAT=4)
# Data: ft_train.txt / ft_test.txt from shared/peers/make_ft_data.py (SHARED_DIR, default ../shared next
# to the repository), generated into WORK_DIR when missing.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
SHARED_DIR=${SHARED_DIR:-$(cd "$REPO/.." && pwd)/shared}
W=${1:-${TMPDIR:-/tmp}/curation-ft-bench}
THREADS=${THREADS:-2}; EPOCH=${EPOCH:-5}; DIM=${DIM:-100}; REPEAT=${REPEAT:-4}
mkdir -p "$W"
command -v fasttext >/dev/null || { echo "fasttext CLI missing: run tests/setup/fasttext.sh" >&2; exit 1; }
[ -s "$W/ft_train.txt" ] || /usr/bin/python3 "$SHARED_DIR/peers/make_ft_data.py" "$W" >&2
dotnet build "$HERE/runner" -c Release -nologo -v:q -clp:ErrorsOnly -o "$W/runner" >&2
CUR="$W/runner/curation-fasttext"

secs() { awk -v a="$(date +%s.%N)" -v b="$1" 'BEGIN{printf "%.3f", a-b}'; }
wst() { tr '\r' '\n' | grep 'words/sec/thread' | tail -1 | sed 's/.*words\/sec\/thread: *\([0-9]*\).*/\1/'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "n/a" }'; }

train_pair() {
  local name=$1; shift
  local flags=(-input "$W/ft_train.txt" -thread "$THREADS" -epoch "$EPOCH" -verbose 2 "$@") t0 ft_wst cu_wst ft_t cu_t
  echo "== train $name: ${*} ($THREADS threads, $EPOCH epochs) on $(wc -l < "$W/ft_train.txt") lines"
  t0=$(date +%s.%N); ft_wst=$(fasttext supervised "${flags[@]}" -output "$W/ft$name" 2>&1 | wst); ft_t=$(secs "$t0")
  t0=$(date +%s.%N); cu_wst=$("$CUR" supervised "${flags[@]}" -output "$W/cu$name" 2>&1 | wst); cu_t=$(secs "$t0")
  echo "fastText : $ft_wst words/sec/thread, wall $ft_t s (incl. dictionary, saving .bin and .vec)"
  echo "Curation : $cu_wst words/sec/thread, wall $cu_t s"
  echo "RATIO train$name words/sec/thread Curation/fastText = $(ratio "$cu_wst" "$ft_wst")"
}
train_pair "" -wordNgrams 2 -dim "$DIM"
train_pair "-char" -wordNgrams 2 -dim 16 -minn 3 -maxn 6 -bucket 200000

echo "== test P@1 on $(wc -l < "$W/ft_test.txt") lines (each tool tests its own model)"
for name in "" "-char"; do
  ft_p=$(fasttext test "$W/ft$name.bin" "$W/ft_test.txt" | awk -F'\t' '/^P@1/{print $2}')
  cu_p=$("$CUR" test "$W/cu$name.bin" "$W/ft_test.txt" | awk -F'\t' '/^P@1/{print $2}')
  echo "model$name: fastText P@1 $ft_p, Curation P@1 $cu_p (difference $(awk -v a="$cu_p" -v b="$ft_p" 'BEGIN{printf "%+.3f", a-b}'))"
done

CORPUS="$W/predict_input.txt"
if [ ! -s "$CORPUS" ]; then
  for _ in $(seq "$REPEAT"); do cut -d' ' -f2- "$W/ft_train.txt"; done > "$CORPUS"
fi
lines=$(wc -l < "$CORPUS")
predict() {
  local tool=$1 model=$2 t0 dt
  t0=$(date +%s.%N); "$tool" predict-prob "$model" "$CORPUS" > "$W/out.$(basename "$tool").txt"; dt=$(secs "$t0")
  awk -v n="$lines" -v t="$dt" 'BEGIN{printf "%.0f", n/t}'
}
bench_model() {
  local model=$1 f c
  f=$(predict fasttext "$model"); c=$(predict "$CUR" "$model")
  echo "$(basename "$model"): fastText $f lines/s, Curation $c lines/s (wall incl. load, $lines lines)"
  echo "RATIO predict lines/s $(basename "$model") Curation/fastText = $(ratio "$c" "$f")"
  if cmp -s "$W/out.fasttext.txt" "$W/out.curation-fasttext.txt"; then echo "outputs byte-identical"; else echo "outputs DIFFER"; fi
}
echo "== predict-prob on the fastText-trained models"
bench_model "$W/ft.bin"
bench_model "$W/ft-char.bin"
if [ "${QUANTIZE:-1}" = 1 ]; then
  fasttext quantize -input "$W/ft_train.txt" -output "$W/ft" -qnorm -retrain -epoch 1 -cutoff 100000 -thread "$THREADS" > /dev/null 2>&1
  bench_model "$W/ft.ftz"
fi
