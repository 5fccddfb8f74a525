#!/usr/bin/env bash
# slurm-local.sh — a throwaway single-node Slurm cluster (Debian's slurm-wlm + munge),
# run as plain background processes: no systemd, no init scripts. For testing GridGov's
# job-array sweeps on one machine (CI). Must run as root.
#
#   slurm-local.sh start   install if needed, start munged, slurmctld, slurmd; wait for the node
#   slurm-local.sh stop    cancel jobs, stop the daemons this script started (and nothing else)
#   slurm-local.sh env     print the `export SLURM_CONF=...` line clients need
#
# Everything lives in $GRIDGOV_SLURM_DIR (default /tmp/gridgov-slurm).
set -euo pipefail

DIR=${GRIDGOV_SLURM_DIR:-/tmp/gridgov-slurm}
CTLD_PORT=${GRIDGOV_SLURM_CTLD_PORT:-6817}
SLURMD_PORT=${GRIDGOV_SLURM_SLURMD_PORT:-6818}
WAIT=${GRIDGOV_SLURM_TIMEOUT:-90}
NODE=$(hostname -s)
CONF=$DIR/etc/slurm.conf
SOCK=$DIR/munge/munge.socket
export SLURM_CONF=$CONF

say() { printf '[slurm-local] %s\n' "$*" >&2; }
fail() { say "ERROR: $*"; exit 1; }

# until_ok SECONDS WHAT CMD...: retry CMD every second until it succeeds.
until_ok() {
  local limit=$1 what=$2; shift 2
  local end=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS < end)) || { say "gave up after ${limit}s waiting for $what"; return 1; }
    sleep 1
  done
}

install_packages() {
  command -v slurmctld >/dev/null && command -v munged >/dev/null && command -v sbatch >/dev/null && return 0
  [[ $EUID -eq 0 ]] || fail "slurm-wlm and munge are missing and installing them needs root"
  say "installing slurm-wlm and munge"
  # Keep the packages' maintainer scripts from starting system-wide daemons.
  local policy=/usr/sbin/policy-rc.d added=0
  if [[ ! -e $policy ]]; then printf '#!/bin/sh\nexit 101\n' >"$policy"; chmod 755 "$policy"; added=1; fi
  local rc=0
  { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends slurm-wlm munge; } || rc=$?
  ((added)) && rm -f "$policy"
  ((rc == 0)) || fail "apt-get install failed ($rc)"
}

# Is the daemon recorded in $DIR/run/NAME.pid alive and ours (its command line names $DIR)?
alive() {
  local f=$DIR/run/$1.pid pid
  [[ -s $f ]] || return 1
  pid=$(<"$f")
  [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$DIR"
}

stop_daemon() {
  local f=$DIR/run/$1.pid pid
  if alive "$1"; then
    pid=$(<"$f")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

do_stop() {
  if alive slurmctld; then
    timeout 10 scancel --partition=debug >/dev/null 2>&1 || true
    until_ok 20 "jobs to end" bash -c '[[ -z $(timeout 5 squeue -h -o %i 2>/dev/null) ]]' || true
  fi
  stop_daemon slurmd
  stop_daemon slurmctld
  stop_daemon munged
}

write_conf() {
  local hw cpus sockets cores threads
  hw=$(slurmd -C | head -n1)
  cpus=$(sed -n 's/.* CPUs=\([0-9]*\).*/\1/p' <<<"$hw")
  sockets=$(sed -n 's/.*SocketsPerBoard=\([0-9]*\).*/\1/p' <<<"$hw")
  cores=$(sed -n 's/.*CoresPerSocket=\([0-9]*\).*/\1/p' <<<"$hw")
  threads=$(sed -n 's/.*ThreadsPerCore=\([0-9]*\).*/\1/p' <<<"$hw")
  [[ -n $cpus && -n $sockets && -n $cores && -n $threads ]] || fail "cannot read the node's CPUs from: $hw"
  cat >"$CONF" <<CONF
ClusterName=gridgov
SlurmctldHost=$NODE(127.0.0.1)
SlurmctldPort=$CTLD_PORT
SlurmdPort=$SLURMD_PORT
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$SOCK
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/run/slurmctld.daemon.pid
SlurmdPidFile=$DIR/run/slurmd.daemon.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SchedulerType=sched/backfill
MpiDefault=none
SwitchType=switch/none
MailProg=/bin/true
ReturnToService=2
KillWait=5
NodeName=$NODE NodeAddr=127.0.0.1 CPUs=$cpus Sockets=$sockets CoresPerSocket=$cores ThreadsPerCore=$threads RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=$NODE Default=YES MaxTime=INFINITE State=UP
CONF
}

do_start() {
  [[ $EUID -eq 0 ]] || fail "run as root: slurmd must be root to launch jobs"
  install_packages
  do_stop
  rm -rf "$DIR"/{state,spool,log,run,etc}
  mkdir -p "$DIR"/{state,spool,log,run,etc,munge}
  chmod 755 "$DIR" "$DIR/munge"
  [[ -s $DIR/munge/munge.key ]] || mungekey --create --keyfile="$DIR/munge/munge.key" --force
  chmod 600 "$DIR/munge/munge.key"
  rm -f "$SOCK" "$SOCK.lock"
  munged --foreground --socket="$SOCK" --key-file="$DIR/munge/munge.key" \
    --pid-file="$DIR/munge/munged.pid" --seed-file="$DIR/munge/munged.seed" \
    </dev/null >>"$DIR/log/munged.out" 2>&1 &
  echo $! >"$DIR/run/munged.pid"
  until_ok "$WAIT" "munged" bash -c "munge -n -S '$SOCK' | unmunge -S '$SOCK'" || fail "munged did not start"
  write_conf
  slurmctld -D -f "$CONF" </dev/null >>"$DIR/log/slurmctld.out" 2>&1 &
  echo $! >"$DIR/run/slurmctld.pid"
  until_ok "$WAIT" "slurmctld" bash -c 'timeout 5 scontrol ping | grep -q "is UP"' || { tail -n 20 "$DIR/log/slurmctld.log" >&2; fail "slurmctld did not start"; }
  slurmd -D -f "$CONF" -N "$NODE" </dev/null >>"$DIR/log/slurmd.out" 2>&1 &
  echo $! >"$DIR/run/slurmd.pid"
  until_ok "$WAIT" "node $NODE to be idle" bash -c "timeout 5 sinfo -h -n '$NODE' -o %T | grep -qx idle" || { tail -n 20 "$DIR/log/slurmd.log" >&2; fail "slurmd did not start"; }
  say "cluster up (export SLURM_CONF=$CONF)"
}

case ${1:-} in
  start) do_start ;;
  stop) do_stop ;;
  env) echo "export SLURM_CONF=$CONF" ;;
  *) echo "usage: $0 start|stop|env" >&2; exit 2 ;;
esac
