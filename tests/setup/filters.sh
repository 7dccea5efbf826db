#!/usr/bin/env bash
# Oracles for tests/Curation.Text.Tests: the PII tests run tests/fixtures/filters/pii/pii_oracle.py with
# Debian's python3 (standard library only: re, ipaddress, json).
source "$(dirname "$0")/lib.sh"
apt_install python3
