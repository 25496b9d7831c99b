#!/usr/bin/env bash
# Browser tests need Debian's chromium at /usr/bin/chromium. Install it when missing and
# we may (root or passwordless sudo); never download a browser of our own.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ]; then SUDO=""; elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
	echo "chromium is missing: install Debian's chromium (apt-get install chromium) to run the browser tests" >&2
	exit 1
fi
echo "Installing Debian's chromium for the browser tests…" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium >/dev/null
test -x /usr/bin/chromium
