#!/usr/bin/env bash
# Installs what the real-browser tests and `make lighthouse` need from
# Debian: Chromium (the tests drive /usr/bin/chromium; Playwright's own
# browser downloads are never used) and fonts, so pages render the same
# widths on every machine. Safe to run again: it installs only what is missing.
set -euo pipefail

# Java runs the Nu HTML Checker (vnu-jar from npm) offline.
PACKAGES=(chromium fonts-dejavu-core fonts-liberation default-jre-headless)

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "Browser dependencies already installed: $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Run this script as root (sudo $0) or install them with: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "Installed: ${missing[*]} ($(/usr/bin/chromium --version))"
