#!/usr/bin/env bash
# Oracles for tests/Curation.Mixture.Tests: Debian's python3-xgboost (GBDT parity) with numpy and scipy
# (Spearman in the oracle script) for /usr/bin/python3. python3-sklearn is the peer bench's companion.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
apt_install python3-xgboost python3-sklearn python3-scipy python3-numpy
/usr/bin/python3 -c 'import xgboost, scipy.stats, numpy' || { log "python3-xgboost is installed but does not import"; exit 1; }
