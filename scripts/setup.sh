#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs every Debian 12 package MetroEval needs to build, test, run and package.
# Idempotent and non-interactive; run as root (or with sudo available).
set -euo pipefail

PACKAGES=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config git file
    # Qt 6 (Charts needs libqt6opengl6-dev at configure time)
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6opengl6-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6sql6-sqlite libqt6sql6-psql qt6-qpa-plugins libgl-dev
    # plotting, numerics, security
    libqcustomplot-dev libeigen3-dev libboost-math-dev libsodium-dev qtkeychain-qt6-dev
    # spreadsheet I/O
    libzip-dev libxlsxwriter-dev libexpat1-dev
    # bulk import through the sqlite3 C API
    libsqlite3-dev
    # tests and benchmarks
    libgtest-dev libgmock-dev googletest libbenchmark-dev
    # fonts, PDF inspection, headless display, sqlite shell
    fonts-noto-cjk poppler-utils xvfb xauth sqlite3
    # real services for integration tests
    postgresql dbus dbus-x11 gnome-keyring libsecret-tools
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
    echo "setup: all ${#PACKAGES[@]} packages already installed" >&2
    exit 0
fi

echo "setup: installing ${#missing[@]} packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
