#!/usr/bin/env bash
# Tools for tests/Curation.Dedup.Tests: the reference XXH64 (python3-xxhash) used as an oracle.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
apt_install python3-xxhash
