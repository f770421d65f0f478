#!/bin/sh
# Installs what the tests drive besides Python packages: Virtuoso and headless Chromium (Debian packages).
# The Oxigraph server comes from PyPI (the `oxigraph` package in the test extras).
set -eu
missing=""
command -v virtuoso-t >/dev/null 2>&1 || missing="$missing virtuoso-opensource"
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
[ -z "$missing" ] && exit 0
echo "installing system packages:$missing"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
