#!/usr/bin/env bash
# JSONL.gz read + parse throughput per CPU-second: Curation's reader against Python's stdlib (gzip + json),
# on the same file in the same run. Each side reads the file three times and every pass is printed; the fastest
# counts (for Curation the fastest after the first, which includes the JIT recompiling hot methods and is printed
# too). Usage: tests/bench/jsonl/vs_python.sh [FILE.jsonl.gz]
# Without FILE it builds ~100 MB of JSONL.gz from the corpus built by shared/data (CORPUS_DIR, default
# ~/curation-data/corpus) or, failing that, repeats the bundled sample corpus.
# It also prints the floor (jsonl-floor) and the ceiling ratio it implies.
set -euo pipefail
cd "$(dirname "$0")/../../.."
file="${1:-}"
if [ -z "$file" ]; then
  file="${TMPDIR:-/tmp}/curation-bench-jsonl.jsonl.gz"
  if [ ! -f "$file" ]; then
    corpus="${CORPUS_DIR:-$HOME/curation-data/corpus}"
    if [ -d "$corpus/train" ]; then cat "$corpus"/train/*.jsonl | head -c 400000000 | gzip -6 > "$file"
    else for i in $(seq 60); do zcat samples/data/train/*.jsonl.gz; done | gzip -6 > "$file"; fi
  fi
fi
echo "file: $file ($(du -h "$file" | cut -f1) compressed)"
dotnet build tests/Curation.Benchmarks -c Release -v:q -nologo ${BENCH_BUILD_ARGS:-} >/dev/null
bench="tests/Curation.Benchmarks/${BENCH_BIN:-bin}/Release/net10.0/Curation.Benchmarks.dll"
cur=$(dotnet "$bench" jsonl-read "$file")
# The floor: inflate + line splitting + the runtime's UTF-8 -> UTF-16 over whole lines + one string per record as long
# as its text. Apart from transcoding keys and metadata values too (at most ~0.02 s, see README.md), that is less
# work than any reader handing out .NET strings must do, so Python over it is the ceiling no JSON parser, however
# fast, can beat on this machine.
floor=$(dotnet "$bench" jsonl-floor "$file")
py=$(/usr/bin/python3 - "$file" <<'PY'
import gzip, json, sys, time
def one_pass():
    t0 = time.process_time(); n = 0; size = 0
    with gzip.open(sys.argv[1], "rb") as f:
        for line in f:
            size += len(line)
            if line.strip():
                d = json.loads(line); n += 1
    return time.process_time() - t0, n, size
# Three passes, the fastest counts: the same treatment as Curation's passes.
runs = [one_pass() for _ in range(3)]
n, size = runs[0][1], runs[0][2]
cpu = min(r[0] for r in runs)
print(f"python docs={n} bytes={size} passes_cpu_s={','.join(f'{r[0]:.3f}' for r in runs)} cpu_s={cpu:.3f} MB_per_cpu_s={size/1e6/cpu:.1f}")
PY
)
echo "$cur"; echo "$floor"; echo "$py"
c=$(echo "$cur" | sed -E 's/.* cpu_s=([0-9.]+).*/\1/'); c1=$(echo "$cur" | sed -E 's/.*first_pass_cpu_s=([0-9.]+).*/\1/')
p=$(echo "$py" | sed -E 's/.* cpu_s=([0-9.]+).*/\1/')
f=$(echo "$floor" | sed -E 's/.* cpu_s=([0-9.]+).*/\1/')
/usr/bin/python3 -c "print(f'ratio (Python CPU-s / Curation CPU-s, same file): {$p/$c:.2f}x steady state; {$p/$c1:.2f}x on Curation\'s first pass (JIT tiering included)')"
/usr/bin/python3 -c "print(f'ceiling (Python CPU-s / floor CPU-s): {$p/$f:.2f}x: the floor is inflate + lines + UTF-16 transcode + the text strings alone, with no JSON parsing, metadata or documents')"
