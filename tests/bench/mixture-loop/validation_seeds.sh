#!/usr/bin/env bash
# Seed check of a finished mixture run's validation: retrains the validation proxy on the chosen (optimum) and the
# uniform mixture with other seeds, using the run's own token shards and its validation_proxy settings, and prints
# each mean validation loss, so a win decided by one seed can be told from a real one.
#   tests/bench/mixture-loop/validation_seeds.sh RUN_DIR [SEEDS="7 99"]
# Two trainings run at a time (one thread each). On samples/mixture-corpus.yaml each takes ~5 minutes here.
set -euo pipefail
cd "$(dirname "$0")/../../.."
RUN=${1:?usage: validation_seeds.sh RUN_DIR [SEEDS]}; SEEDS=${2:-7 99}
dotnet build pipeline/Curation.Cli -c Release -v q -nologo >/dev/null
CURATE="dotnet pipeline/Curation.Cli/bin/Release/net10.0/curate.dll"
OUT=$(mktemp -d)
/usr/bin/python3 - "$RUN" "$OUT" $SEEDS <<'PY'
import glob, json, os, re, sys
run, out, seeds = sys.argv[1], sys.argv[2], sys.argv[3:]
cfg = open(os.path.join(run, "run.yaml")).read()
domains = [json.load(open(f)) for f in sorted(glob.glob(os.path.join(run, "domain", "*.tokenize", "*.json")))]
names = [d["domain"] for d in domains]
weights = {}
for line in open(glob.glob(os.path.join(run, "fit", "*.fit", "00000.weights.yaml"))[0]):
    if line.strip() and not line.startswith("#"):
        k, v = line.split(":"); weights[k.strip()] = float(v)
# The validation runs' own record names the model, the steps' settings and the token count.
record = json.load(open(sorted(glob.glob(os.path.join(run, "validation", "*", "*.json")))[0]))
block = cfg[cfg.index("validation_proxy:"):]
model = re.search(r"model:\s*(\{[^}]*\})", block).group(1)
training = re.search(r"training:\s*(\{[^}]*\})", block, re.S).group(1).replace("\n", " ")
for mixture, w in (("optimum", weights), ("uniform", {n: 1 / len(names) for n in names})):
    for seed in seeds:
        t = re.sub(r"seed:\s*\d+", f"seed: {seed}", training)
        t = t.rstrip("}") + f", token_budget: {record['tokens']}}}"
        lines = [f"model: {model}", f"training: {t}", "data:", "  train:"]
        lines += [f"  - {{name: {d['domain']}, path: {os.path.join(run, d['train_prefix'])}, weight: {w[d['domain']]}}}" for d in domains]
        lines += ["  validation:"] + [f"  - {{name: {d['domain']}, path: {os.path.join(run, d['validation_prefix'])}}}" for d in domains]
        open(os.path.join(out, f"{mixture}_s{seed}.yaml"), "w").write("\n".join(lines) + "\n")
PY
ls "$OUT"/*.yaml | xargs -n 1 -P 2 sh -c "$CURATE lm train \"\$0\" > \"\$0.out\" 2>&1"
for f in "$OUT"/*.yaml; do
  printf '%s mean validation loss %s\n' "$(basename "$f" .yaml)" "$(grep '^val ' "$f.out" | awk '{s += $4; n++} END {printf "%.4f", s / n}')"
done
rm -rf "$OUT"
