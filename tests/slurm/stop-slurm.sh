#!/usr/bin/env bash
# Stops the cluster started by start-slurm.sh (only its own daemons, found by their pid files).
set -uo pipefail
SLURM_DIR=${SLURM_DIR:-$HOME/.cache/curation-test-slurm}
[ -d "$SLURM_DIR" ] || exit 0
export SLURM_CONF=$SLURM_DIR/etc/slurm.conf
scancel --user="$(id -un)" 2>/dev/null || true
MUNGE=$(cat "$SLURM_DIR/run/munge_dir" 2>/dev/null || echo "$SLURM_DIR/munge")
for f in "$SLURM_DIR/run/slurmd.pid" "$SLURM_DIR/run/slurmctld.pid" "$MUNGE/munged.pid"; do
  [ -s "$f" ] || continue
  p=$(cat "$f"); kill "$p" 2>/dev/null || true
  for _ in $(seq 50); do [ -d "/proc/$p" ] || break; sleep 0.1; done
  kill -9 "$p" 2>/dev/null || true
done
echo "[slurm] stopped" >&2
