#!/usr/bin/env bash
# Oracle for tests/Curation.FastText.Tests: the Debian fastText 0.9.2 command line.
source "$(dirname "$0")/lib.sh"
apt_install fasttext
usage=$(fasttext 2>&1 || true)
case "$usage" in *supervised*) ;; *) log "fasttext CLI installed but not working"; exit 1 ;; esac
