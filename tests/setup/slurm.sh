#!/usr/bin/env bash
# The Slurm tests start a one-node cluster with tests/slurm/start-slurm.sh; install its packages up front.
source "$(dirname "$0")/lib.sh"
apt_install slurmctld slurmd slurm-client munge
