#!/usr/bin/env bash
# Side-by-side throughput of Curation's rephrasing client and the official OpenAI Node SDK (the peer) against
# the same zero-latency local server, at concurrency 1, 8 and 64. Prints requests/second and ratios.
# Usage: tests/bench/rephrase/run.sh ["1:2000,8:5000,64:10000"]
# The OpenAI SDK is installed once into $BENCH_DIR (default ~/.cache/curation-bench).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
levels="${1:-1:2000,8:5000,64:10000}"
BENCH_DIR="${BENCH_DIR:-$HOME/.cache/curation-bench}"
OPENAI_SDK_VERSION=4.95.0
mkdir -p "$BENCH_DIR/node"
have=$(node -e "try{console.log(require('$BENCH_DIR/node/node_modules/openai/package.json').version)}catch(e){}" 2>/dev/null || true)
if [ "$have" != "$OPENAI_SDK_VERSION" ]; then
  [ -f "$BENCH_DIR/node/package.json" ] || echo '{"name":"curation-bench","private":true,"type":"module"}' > "$BENCH_DIR/node/package.json"
  (cd "$BENCH_DIR/node" && npm install --no-audit --no-fund --loglevel=error --save-exact "openai@$OPENAI_SDK_VERSION" >&2)
fi

work="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

node "$here/zero_latency_server.mjs" 0 > "$work/server.out" &
server_pid=$!
for _ in $(seq 100); do grep -q listening "$work/server.out" 2>/dev/null && break; sleep 0.1; done
port=$(awk '/listening/ {print $2}' "$work/server.out")
base="http://127.0.0.1:$port/v1"

dotnet build "$here/RephraseThroughput" -c Release -nologo -v:q -clp:ErrorsOnly >&2
dll="$here/RephraseThroughput/bin/Release/net10.0/RephraseThroughput.dll"
dotnet "$dll" "$base" "$work/prompts.bin" "$levels" | tee "$work/results.jsonl"
for level in ${levels//,/ }; do
  c="${level%%:*}"; n="${level##*:}"
  BENCH_NODE_DIR="$BENCH_DIR/node" node "$here/openai_sdk_client.mjs" "$base" "$c" "$n" "$work/prompts.bin" | tee -a "$work/results.jsonl"
done

/usr/bin/python3 - "$work/results.jsonl" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
by = {(r["client"], r["concurrency"]): r["rps"] for r in rows}
levels = sorted({r["concurrency"] for r in rows})
clients = ["raw-httpclient", "curation-client", "curation-batch", "curation-batch-sqlite", "openai-node-sdk"]
print("\nrequests/second against a zero-latency local server (higher is better)")
print("%-24s" % "client" + "".join("%14s" % f"c={c}" for c in levels))
for name in clients:
    print("%-24s" % name + "".join("%14.0f" % by.get((name, c), float("nan")) for c in levels))
print("\nratios")
for c in levels:
    batch, peer, rawc = by.get(("curation-batch", c)), by.get(("openai-node-sdk", c)), by.get(("raw-httpclient", c))
    sq = by.get(("curation-batch-sqlite", c))
    print(f"c={c:<3} curation-batch / openai-node-sdk = {batch/peer:5.2f}x   curation-batch / raw-httpclient = {batch/rawc:5.2f}   sqlite cache / memory cache = {sq/batch:5.2f}")
PY
