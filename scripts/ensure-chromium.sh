#!/usr/bin/env bash
# Install Debian's headless Chromium and its WebDriver when missing, for the browser tests.
# No browser is ever downloaded from anywhere but the distribution's package archive.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
command -v chromium >/dev/null
test -x /usr/bin/chromedriver
