#!/usr/bin/env bash
# Installs the Debian packages the integration tests drive: headless Chromium and its chromedriver (the browser test of
# the OpenAPI UI), testssl.sh (TlsSurfaceIT), haproxy (TwoInstancesBehindHaproxyIT, TCP passthrough) and systemd-analyze
# (SystemdUnitIT). Idempotent: installs only what is missing from the PATH. Run by the Maven build before the
# integration tests, so `./mvnw verify` works on a fresh machine; needs root (or passwordless
# sudo) only when something is missing.
set -euo pipefail
# haproxy lives in /usr/sbin, which a non-root PATH often lacks.
export PATH="$PATH:/usr/sbin"

# command on the PATH -> Debian package that provides it
declare -A tools=([systemd-analyze]=systemd [chromium]=chromium [chromedriver]=chromium-driver [testssl]=testssl.sh [haproxy]=haproxy)
missing=()
for tool in "${!tools[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("${tools[$tool]}")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "install-test-tools: ${missing[*]} missing and this user cannot install them." >&2
  echo "  Run as root: apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "install-test-tools: installing ${missing[*]} (Debian packages)"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
for tool in "${!tools[@]}"; do
  command -v "$tool" >/dev/null
done
