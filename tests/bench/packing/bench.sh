#!/usr/bin/env bash
# Issue 8, done-when 4: tokenize+pack throughput (tokens per CPU-second) against the tokenizer's own speed on the
# same files in the same run, and the peak memory of the global shuffle on a corpus larger than its memory limit.
#   bash tests/bench/packing/bench.sh [CORPUS_GLOB] [MEMORY_LIMIT]
# Default corpus: the real 25-domain corpus (/root/curation-data/corpus/train/*.jsonl, built by shared/data).
# "Tokenizer's own speed" = `curate tokenize --count --threads 1` (JSONL read + encode, no packing) over the same files.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../../.." && pwd)"
GLOB="${1:-/root/curation-data/corpus/train/*.jsonl}"
LIMIT="${2:-256MB}"
TOKENIZER="${TOKENIZER:-cl100k_base}"
WORK="$(mktemp -d /tmp/packbench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

dotnet build "$REPO/pipeline/Curation.Cli" -c Release -v q -nologo > "$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; echo "build failed"; exit 1; }
CURATE="$REPO/pipeline/Curation.Cli/bin/Release/net10.0/curate"
files=( $GLOB )
bytes=$(cat "${files[@]}" | wc -c)
echo "corpus: ${#files[@]} files, $bytes bytes; tokenizer $TOKENIZER; shuffle memory limit $LIMIT; load average $(cut -d' ' -f1-3 /proc/loadavg)"

cpu() { # cpu SECONDS_FILE CMD...: runs CMD, stores user+sys CPU seconds and max RSS (KB)
  local out="$1"; shift
  /usr/bin/time -f "%U %S %M" -o "$out" "$@" >/dev/null
}

# 1) The tokenizer alone, one thread, one process over all files concatenated (so start-up is paid once, as in pack).
cat "${files[@]}" > "$WORK/all.jsonl"
cpu "$WORK/tok.cpu" "$CURATE" tokenize --tokenizer "$TOKENIZER" --input "$WORK/all.jsonl" --count --threads 1 --output "$WORK/counts.jsonl" 2>/dev/null
tok_tokens=$(python3 -c "import json,sys; print(sum(json.loads(l)['tokens'] for l in open(sys.argv[1])))" "$WORK/counts.jsonl")
rm -f "$WORK/all.jsonl"

# 2) curate pack: tokenize step + mixture + bfd packing + global shuffle + Megatron shards, 2 workers.
cpu "$WORK/pack.cpu" "$CURATE" pack --input "$GLOB" --tokenizer "$TOKENIZER" --seq-len 2048 --format megatron \
  --packing bfd --output "$WORK/out/corpus" --memory-limit "$LIMIT" --workers 2 --validation-fraction 0.005 2>/dev/null

python3 - "$WORK" "$tok_tokens" "$LIMIT" <<'PY'
import json, sys, glob, os
work, tok_tokens, limit = sys.argv[1], int(sys.argv[2]), sys.argv[3]
tok_cpu = sum(float(l.split()[0]) + float(l.split()[1]) for l in open(f"{work}/tok.cpu"))
u, s, rss = open(f"{work}/pack.cpu").read().split()[:3]
pack_cpu = float(u) + float(s)
m = json.load(open(f"{work}/out/corpus.manifest.json"))
stats = json.load(open(glob.glob(f"{work}/out/corpus.run/stats/pack.write/00000.json")[0]))
tokenize_stats = [json.load(open(p)) for p in glob.glob(f"{work}/out/corpus.run/stats/pack.tokenize/*.json")]
pack_tokens = sum(t["counters"]["tokens"] for t in tokenize_stats)
peak = stats["counters"].get("shuffle.peak_rss_bytes")
limit_b = stats["counters"]["shuffle.memory_limit_bytes"]
shuffled = sum(os.path.getsize(p) for p in glob.glob(f"{work}/out/corpus.*.bin"))
print(f"tokenizer alone : {tok_tokens:,} tokens in {tok_cpu:.1f} CPU-s = {tok_tokens/tok_cpu:,.0f} tokens/s/core")
print(f"curate pack     : {pack_tokens:,} tokens in {pack_cpu:.1f} CPU-s = {pack_tokens/pack_cpu:,.0f} tokens/s/core "
      f"(tokenize + mixture + bfd + shuffle + write; process max RSS {int(rss)/1024:.0f} MiB)")
print(f"ratio           : pack runs at {(pack_tokens/pack_cpu)/(tok_tokens/tok_cpu):.2f}x the tokenizer's own speed")
print(f"global shuffle  : {shuffled/2**20:.0f} MiB of shards through buckets of <= {m['shuffle']['buffer_bytes']/2**20:.0f} MiB "
      f"({m['shuffle']['bucket_files']} bucket files, largest {m['shuffle']['largest_bucket_bytes']/2**20:.1f} MiB); "
      f"peak RSS of the write task {peak/2**20 if peak else float('nan'):.0f} MiB vs limit {limit_b/2**20:.0f} MiB: "
      f"{'UNDER' if peak and peak <= limit_b else 'OVER'}")
PY
