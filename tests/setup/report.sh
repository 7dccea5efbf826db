#!/usr/bin/env bash
# The report test renders the sample run's HTML in headless Chromium (Debian's package).
source "$(dirname "$0")/lib.sh"
apt_install chromium
