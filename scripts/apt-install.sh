#!/usr/bin/env bash
# apt-install.sh PKG... — installs the Debian packages that are missing, quietly; says what it does.
set -euo pipefail
need=""
for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || need="$need $p"; done
[ -z "$need" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then echo "apt-install: no apt-get here; please install:$need" >&2; exit 1; fi
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
echo "apt-install: installing$need"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null
