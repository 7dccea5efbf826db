#!/usr/bin/env bash
# The project's test command (README and .ci/run call exactly this).
# 1. installs the oracles the tests compare against (tests/setup/*.sh: npm packages, Debian tools),
# 2. builds the solution in Release,
# 3. runs every test project and prints one closing line "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

for s in tests/setup/[0-9a-z]*.sh; do
  [ "$(basename "$s")" = lib.sh ] && continue
  bash "$s"
done

dotnet build Curation.sln -c Release -nologo -v:q -clp:ErrorsOnly

results="tests/results"
rm -rf "$results"; mkdir -p "$results"
status=0
dotnet test Curation.sln -c Release --no-build -nologo -v:q \
  --logger "trx;LogFilePrefix=r" --results-directory "$results" "$@" || status=$?

# Sum the counters of every .trx file into the one line CI reads.
python3 - "$results" <<'PY' || true
import sys, glob, re
p = f = s = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    head = open(path, encoding="utf-8", errors="replace").read()
    m = re.search(r'<Counters [^>]*>', head)
    if not m: continue
    c = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    s += int(c.get("notExecuted", 0))
print(f"{p} passed, {f} failed, {s} skipped")
PY
exit $status
