#!/usr/bin/env bash
# Installs (Debian slurmctld, slurmd, slurm-client, munge), configures and starts a one-node Slurm cluster on
# localhost for Curation's Slurm tests. Idempotent. Root only (slurmd launches jobs as the submitting user).
# Everything but the packages lives in $SLURM_DIR (default ~/.cache/curation-test-slurm); clients need
#   export SLURM_CONF=$SLURM_DIR/etc/slurm.conf      (or: source $SLURM_DIR/env.sh)
# Gotchas handled here: the hostname is rarely "localhost" (slurmd -N localhost); munged refuses
# group/world-writable dirs and runs as user munge; after a restart the controller reports the node idle
# from saved state before slurmd registered, so readiness waits for a fresh SlurmdStartTime.
set -euo pipefail
SLURM_DIR=${SLURM_DIR:-$HOME/.cache/curation-test-slurm}
mkdir -p "$SLURM_DIR"; SLURM_DIR=$(cd "$SLURM_DIR" && pwd)
CTLD_PORT=${SLURMCTLD_PORT:-6917}; D_PORT=${SLURMD_PORT:-6918}
CONF=$SLURM_DIR/etc/slurm.conf; export SLURM_CONF=$CONF
say() { echo "[slurm] $*" >&2; }
fail() { echo "[slurm] error: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "run as root"
alive() { [ -s "$1" ] && [ -d "/proc/$(cat "$1")" ] && [ "$(cat "/proc/$(cat "$1")/comm" 2>/dev/null)" = "$2" ]; }
await() { for _ in $(seq 100); do alive "$1" "$2" && return 0; sleep 0.1; done; fail "$2 did not start (logs in $SLURM_DIR/log)"; }

missing=()
for p in slurmctld:/usr/sbin/slurmctld slurmd:/usr/sbin/slurmd slurm-client:/usr/bin/sbatch munge:/usr/sbin/munged; do
  [ -x "${p#*:}" ] || missing+=("${p%%:*}")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  mkdir -p "$SLURM_DIR/tmp"
  TMPDIR="$SLURM_DIR/tmp" DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 update -qq
  TMPDIR="$SLURM_DIR/tmp" DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq \
    --no-install-recommends slurmctld slurmd slurm-client munge > "$SLURM_DIR/apt.log" 2>&1 || { tail "$SLURM_DIR/apt.log"; fail "apt-get failed"; }
fi

mkdir -p "$SLURM_DIR"/{etc,state,spool,log,run,munge}
chmod 0755 "$SLURM_DIR" "$SLURM_DIR/etc"
MUNGE=$SLURM_DIR/munge
runuser -u munge -- test -x "$SLURM_DIR" || MUNGE=/run/curation-test-slurm-$(printf '%s' "$SLURM_DIR" | sha1sum | cut -c1-8)
mkdir -p "$MUNGE"; chown munge:munge "$MUNGE"; chmod 0755 "$MUNGE"; echo "$MUNGE" > "$SLURM_DIR/run/munge_dir"
[ -s "$MUNGE/munge.key" ] || dd if=/dev/urandom of="$MUNGE/munge.key" bs=128 count=1 status=none
chown munge:munge "$MUNGE/munge.key"; chmod 0400 "$MUNGE/munge.key"
SOCK=$MUNGE/munge.socket.2

read -r CPUS MEM < <(slurmd -C | awk '/^NodeName/{for(i=1;i<=NF;i++){split($i,a,"=");if(a[1]=="CPUs")c=a[2];if(a[1]=="RealMemory")m=a[2]}print c,m}')
cat > "$CONF.new" <<CONF
ClusterName=curationtest
SlurmctldHost=localhost
SlurmUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCK
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerParameters=batch_sched_delay=0
ReturnToService=2
StateSaveLocation=$SLURM_DIR/state
SlurmdSpoolDir=$SLURM_DIR/spool
SlurmctldPidFile=$SLURM_DIR/run/slurmctld.pid
SlurmdPidFile=$SLURM_DIR/run/slurmd.pid
SlurmctldLogFile=$SLURM_DIR/log/slurmctld.log
SlurmdLogFile=$SLURM_DIR/log/slurmd.log
SlurmctldPort=$CTLD_PORT
SlurmdPort=$D_PORT
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$SLURM_DIR/log/jobcomp.log
MinJobAge=600
KillWait=5
MaxArraySize=1001
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$CPUS RealMemory=$(( MEM > 2048 ? MEM - 1024 : MEM )) State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
changed=0
if ! cmp -s "$CONF.new" "$CONF"; then mv "$CONF.new" "$CONF"; changed=1; else rm "$CONF.new"; fi
echo "export SLURM_CONF=$CONF" > "$SLURM_DIR/env.sh"

if ! alive "$MUNGE/munged.pid" munged; then
  rm -f "$SOCK" "$SOCK.lock"
  runuser -u munge -- /usr/sbin/munged --socket="$SOCK" --key-file="$MUNGE/munge.key" --log-file="$MUNGE/munged.log" \
    --pid-file="$MUNGE/munged.pid" --seed-file="$MUNGE/munged.seed"
  await "$MUNGE/munged.pid" munged
fi
if alive "$SLURM_DIR/run/slurmctld.pid" slurmctld; then
  [ $changed = 1 ] && scontrol reconfigure
else
  /usr/sbin/slurmctld -i; await "$SLURM_DIR/run/slurmctld.pid" slurmctld
fi
started=""
if ! alive "$SLURM_DIR/run/slurmd.pid" slurmd; then
  started=$(date +%s); /usr/sbin/slurmd -N localhost; await "$SLURM_DIR/run/slurmd.pid" slurmd
fi
for _ in $(seq 200); do
  if [ -n "$started" ]; then
    reg=$(scontrol -o show node localhost 2>/dev/null | grep -o 'SlurmdStartTime=[^ ]*' | cut -d= -f2 || true)
    if [ -z "$reg" ] || [ "$reg" = None ] || [ "$(date -d "$reg" +%s 2>/dev/null || echo 0)" -lt "$started" ]; then sleep 0.2; continue; fi
  fi
  state=$(sinfo -h -n localhost -o '%T' 2>/dev/null || true)
  case "$state" in idle|mixed|allocated|completing) say "ready ($state); SLURM_CONF=$CONF"; exit 0;; down*|drain*) scontrol update NodeName=localhost State=RESUME 2>/dev/null || true;; esac
  sleep 0.2
done
fail "node not ready; see $SLURM_DIR/log"
