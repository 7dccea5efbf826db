#!/usr/bin/env bash
# Token-shard tests read .npy files back with numpy (an independent reader of the NumPy format).
source "$(dirname "$0")/lib.sh"
apt_install python3-numpy zstd
