#!/usr/bin/env bash
# Side by side, same documents, same run: the Debian fastText 0.9.2 CLI vs Curation's quality stages.
#   1. language id: `fasttext predict-prob lid.curation.ftz` on one line per document (newlines → spaces, as
#      datatrove does) vs `curate run` with a lang.fasttext stage on the same documents as JSONL (Curation's time
#      includes reading/writing JSONL and writing rejects; fastText's only reading lines and printing labels).
#   2. quality scoring: the same with the ham/spam model and a quality.fasttext stage.
#   3. training: `fasttext supervised` vs `curate quality train` with the same flags (curate also reads the
#      JSONL, balances, splits and evaluates).
# Usage: vs_fasttext.sh [WORK_DIR]   (REPEAT=10: copies of the sample corpus)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
W=${1:-${TMPDIR:-/tmp}/curation-quality-bench}
REPEAT=${REPEAT:-10}
mkdir -p "$W"
command -v fasttext >/dev/null || { echo "fasttext CLI missing: run tests/setup/fasttext.sh" >&2; exit 1; }
dotnet build "$REPO/pipeline/Curation.Cli" -c Release -nologo -v:q -clp:ErrorsOnly -o "$W/cli" >&2
CURATE="$W/cli/curate"
LID="$REPO/models/Curation.FastText/Resources/lid.curation.ftz"

secs() { awk -v a="$(date +%s.%N)" -v b="$1" 'BEGIN{printf "%.3f", a-b}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (b > 0) printf "%.2f", a/b; else print "n/a" }'; }

# The sample corpus REPEAT times: docs.jsonl for curate, docs.txt (one line per document) for fastText.
/usr/bin/python3 - "$REPO/samples/data/train" "$W" "$REPEAT" <<'PY'
import gzip, json, os, sys, glob
src, out, repeat = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = []
for f in sorted(glob.glob(os.path.join(src, "*.jsonl.gz"))):
    with gzip.open(f, "rt", encoding="utf-8") as r:
        docs += [json.loads(l) for l in r]
with open(os.path.join(out, "docs.jsonl"), "w", encoding="utf-8") as j, open(os.path.join(out, "docs.txt"), "w", encoding="utf-8") as t:
    for k in range(repeat):
        for i, d in enumerate(docs):
            j.write(json.dumps({"id": f"{k}/{d['id']}", "text": d["text"], "domain": d.get("domain")}) + "\n")
            t.write(d["text"].replace("\n", " ") + "\n")
PY
n=$(wc -l < "$W/docs.txt")

run_stage() { # name stage-yaml → docs/sec of curate run (1 worker, one input file)
  local name=$1 stage=$2 t0 dt
  cat > "$W/$name.yaml" <<YAML
run: {name: $name, output: $W/run-$name, workers: 1, report: false}
steps:
  - id: s
    input: {paths: [$W/docs.jsonl]}
    stages:
      - $stage
    output: {format: jsonl}
YAML
  rm -rf "$W/run-$name"
  t0=$(date +%s.%N); "$CURATE" run "$W/$name.yaml" >/dev/null 2>&1; dt=$(secs "$t0")
  awk -v n="$n" -v t="$dt" 'BEGIN{printf "%.0f", n/t}'
}
peer_predict() { # model → docs/sec of fasttext predict-prob
  local t0 dt
  t0=$(date +%s.%N); fasttext predict-prob "$1" "$W/docs.txt" > "$W/peer.out"; dt=$(secs "$t0")
  awk -v n="$n" -v t="$dt" 'BEGIN{printf "%.0f", n/t}'
}

echo "== language id on $n documents ($(du -h "$W/docs.txt" | cut -f1) of text)"
f=$(peer_predict "$LID"); c=$(run_stage lid "{type: lang.fasttext, threshold: 0}")
echo "fastText predict-prob: $f docs/s; curate lang.fasttext: $c docs/s"
echo "RATIO lid docs/s Curation/fastText = $(ratio "$c" "$f")"

FLAGS=(-epoch 25 -lr 0.5 -dim 32 -bucket 200000 -wordNgrams 2 -thread 1)
echo "== training on the ham/spam emails: ${FLAGS[*]}"
t0=$(date +%s.%N)
"$CURATE" quality train --input "$REPO/samples/data/train/email-*.jsonl.gz" --positive-where domain=email-ham --negative-where domain=email-spam \
  --epoch 25 --lr 0.5 --dim 32 --bucket 200000 --word-ngrams 2 --thread 1 --test-fraction 0.2 --output "$W/ham.bin" > "$W/train.out" 2>/dev/null
ct=$(secs "$t0")
/usr/bin/python3 - "$REPO/samples/data/train" "$W/ft_train.txt" <<'PY'
import gzip, json, os, sys
src, out = sys.argv[1], sys.argv[2]
with open(out, "w", encoding="utf-8") as w:
    for name, label in (("email-ham", "hq"), ("email-spam", "lq")):
        with gzip.open(os.path.join(src, name + ".jsonl.gz"), "rt", encoding="utf-8") as r:
            for l in r:
                w.write(f"__label__{label} " + json.loads(l)["text"].replace("\r", " ").replace("\n", " ") + "\n")
PY
t0=$(date +%s.%N); fasttext supervised -input "$W/ft_train.txt" -output "$W/ft_ham" "${FLAGS[@]}" -verbose 0; ft=$(secs "$t0")
echo "fastText supervised: $ft s; curate quality train: $ct s ($(tr '\n' ' ' < "$W/train.out" | sed 's/\t/ /g'))"
echo "RATIO train wall-time fastText/Curation (higher = Curation faster) = $(ratio "$ft" "$ct")"

echo "== quality scoring with the ham/spam model"
f=$(peer_predict "$W/ham.bin"); c=$(run_stage qual "{type: quality.fasttext, model: $W/ham.bin}")
echo "fastText predict-prob: $f docs/s; curate quality.fasttext: $c docs/s"
echo "RATIO quality docs/s Curation/fastText = $(ratio "$c" "$f")"
