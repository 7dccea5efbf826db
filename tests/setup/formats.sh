#!/usr/bin/env bash
# tests/Curation.Formats.Tests assert that gzip reading runs on Intel ISA-L (libisal.so.2) and compare it
# byte for byte with the zlib-ng fallback; gzip(1) writes a file with a named header for them.
source "$(dirname "$0")/lib.sh"
apt_install libisal2 gzip
