#!/usr/bin/env bash
# Installs what the browser test of the OpenAPI UI needs: headless Debian Chromium and its chromedriver.
# Idempotent: does nothing when both are already on the PATH. Run by the Maven build before the integration tests,
# so `./mvnw verify` works on a fresh machine; needs root (or passwordless sudo) only when something is missing.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-test-tools: chromium and chromedriver are missing and this user cannot install them." >&2
  echo "  Run as root: apt-get update && apt-get install -y chromium chromium-driver" >&2
  exit 1
fi

echo "install-test-tools: installing chromium and chromium-driver (Debian packages)"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q chromium chromium-driver
command -v chromium >/dev/null && command -v chromedriver >/dev/null
