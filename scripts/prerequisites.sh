#!/usr/bin/env bash
# Makes sure this machine has what the stack (and, with --browser, the end-to-end tests) need from Debian's
# packages: PostgreSQL, Redis and Chromium. Installs what is missing when it can (as root, or with password-less
# sudo); otherwise says exactly what to install and fails.
set -euo pipefail

want_browser=false
[ "${1:-}" = "--browser" ] && want_browser=true

missing=()
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || command -v postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if $want_browser; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is not installed: see https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "Missing Debian packages: ${missing[*]}" >&2
  echo "Install them with:  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "Missing: ${missing[*]}, and this machine has no apt-get. Install PostgreSQL 15+, redis-server and chromium with its package manager." >&2
  exit 1
fi

echo "Installing from Debian's packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The packages start system-wide services where an init system runs; this project runs its own instances on its own
# ports, so those are not needed (and not touched).
