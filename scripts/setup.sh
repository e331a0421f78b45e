#!/usr/bin/env bash
# Shared set-up for scripts/test, scripts/play and scripts/bench: installs the Debian
# packages the build needs (only those missing), then configures and builds into
# ${TRIVIUM_BUILD_DIR:-build}. Sourced, not run.
set -euo pipefail

TRIVIUM_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TRIVIUM_BUILD_DIR=${TRIVIUM_BUILD_DIR:-$TRIVIUM_ROOT/build}

TRIVIUM_PACKAGES=(cmake make gcc pkg-config
  liblua5.4-dev libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libfontconfig-dev
  libutf8proc-dev libcjson-dev libseccomp-dev libwebsockets-dev fonts-dejavu-core python3 python3-websockets
  libqrencode-dev)
# Only the tests need these (a browser for the phone page, a QR reader): scripts/test
# installs them, scripts/play does not.
TRIVIUM_TEST_PACKAGES=(chromium chromium-driver python3-selenium zbar-tools)

trivium_install_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}" >&2
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install ${missing[*]}" >&2; return 1; }
    sudo=(sudo)
  fi
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

trivium_build() {
  trivium_install_packages "${TRIVIUM_PACKAGES[@]}"
  cmake -S "$TRIVIUM_ROOT" -B "$TRIVIUM_BUILD_DIR" "$@" >/dev/null
  cmake --build "$TRIVIUM_BUILD_DIR" -j"$(nproc)"
}
