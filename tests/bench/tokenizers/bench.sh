#!/usr/bin/env bash
# Side-by-side tokenizer benchmark: Curation (TokBench, 1 and 2 threads) against npm tiktoken (WASM),
# gpt-tokenizer and HF tokenizers (peers.cjs, single-threaded) on the same inputs in one run, then the
# ratio of Curation (1 thread) to the fastest peer per encoding / input / shape, and Curation's 2-thread
# scaling. Ids are cross-checked: every line prints tokens + hash, and differing streams are listed.
#
# Usage: tests/bench/tokenizers/bench.sh [ENCODINGS] [PROSE_TXT] [CODE_TXT]
#   ENCODINGS  default cl100k_base,o200k_base,gpt2
#   PROSE_TXT  English prose (default: $PEERS_DIR/data/corpus_en.txt from shared/peers/make_corpus.py,
#              else the first 20 MB of Debian's /usr/share/common-licenses + /usr/share/doc changelogs)
#   CODE_TXT   code (default: ~10 MB of Python standard library sources, /usr/lib/python3*/)
# Needs tests/setup/tokenizers.sh to have run. Figures from a loaded machine: quote the cpu MB/s column.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
ENCS="${1:-cl100k_base,o200k_base,gpt2}"
WORK="${BENCH_DIR:-${TMPDIR:-/tmp}/curation-tok-bench}"
mkdir -p "$WORK"
PROSE="${2:-${PEERS_DIR:-$HOME/.cache/curation-peers}/data/corpus_en.txt}"
if [ ! -f "$PROSE" ]; then
  PROSE="$WORK/prose.txt"
  [ -f "$PROSE" ] || { cat /usr/share/common-licenses/* ; find /usr/share/doc -name 'changelog*.gz' | sort | xargs zcat 2>/dev/null; } | head -c 20000000 > "$PROSE"
fi
CODE="${3:-$WORK/code.txt}"
[ -f "$CODE" ] || find /usr/lib/python3*/ -name '*.py' -size -200k 2>/dev/null | sort | xargs cat 2>/dev/null | head -c 10000000 > "$CODE"

dotnet build "$HERE/TokBench" -c Release -nologo -v:q -clp:ErrorsOnly >&2
BENCH=(dotnet "$HERE/TokBench/bin/Release/net10.0/TokBench.dll")
"${BENCH[@]}" --export "$ENCS" "$WORK" >&2
export NODE_PATH="$REPO/tests/.tools/node/node_modules"
OUT="$WORK/results.txt"; : > "$OUT"
for input in "prose:$PROSE" "code:$CODE"; do
  label="${input%%:*}"; file="${input#*:}"
  shapes=chunks; [ "$label" = prose ] && shapes=chunks,docs
  echo "== $label: $file ($(stat -c %s "$file") bytes, sha256 $(sha256sum "$file" | cut -c1-16))" | tee -a "$OUT"
  node "$HERE/peers.cjs" "$ENCS" "$file" "$WORK" "$shapes" | sed "s/^/$label /" | tee -a "$OUT"
  "${BENCH[@]}" "$ENCS" "$file" 1,2 "$shapes" | sed "s/^/$label /" | tee -a "$OUT"
done
python3 - "$OUT" <<'PY'
import re, sys, collections
rows = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    m = re.match(r'(\w+) (\S+)\s+(\w+)\s+(.+?)\s+wall\s+([\d.]+) MB/s.*cpu\s+([\d.]+) MB/s.*tokens=(\d+) hash=(\w+)', line)
    if m:
        label, enc, shape, impl, wall, cpu, n, h = m.groups()
        rows[(label, enc, shape)][impl.strip()] = (float(wall), float(cpu), n + '/' + h)
print('\nratio = Curation 1 thread / fastest peer (MB per CPU-second; wall in brackets)')
for key, r in rows.items():
    cur, cur2 = r.get('curation 1T'), r.get('curation 2T')
    peers = {k: v for k, v in r.items() if not k.startswith('curation')}
    if not cur or not peers: continue
    best = max(peers, key=lambda k: peers[k][1])
    bad = [k for k, v in r.items() if v[2] != r.get('tiktoken(wasm)', cur)[2]]
    print(f"{' '.join(key):28} curation {cur[1]:7.2f} MB/s  fastest peer {best} {peers[best][1]:6.2f}  ratio {cur[1]/peers[best][1]:5.1f}x "
          f"[wall {cur[0]/max(v[0] for v in peers.values()):5.1f}x]  2T/1T wall {cur2[0]/cur[0] if cur2 else float('nan'):4.2f}"
          + (f"  ids differ: {', '.join(bad)}" if bad else "  ids identical"))
PY
