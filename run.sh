#!/usr/bin/env bash
# Runs the whole system through its .NET Aspire AppHost: PostgreSQL, Redis, Api, Workers, Web, the channel sandbox and
# the (on-demand) traffic simulator, with the Aspire dashboard. Ctrl-C stops everything.
#   ./run.sh                 the stack; the dashboard's address and login link are printed once everything is healthy
#   ./run.sh --simulate 5    the same, with simulated customer traffic at 5 events per second from the start
#   ./run.sh --AppHost:LocalServers=false    any other argument goes to the AppHost (README, Configuration)
set -euo pipefail
cd "$(dirname "$0")"

arguments=()
while [ $# -gt 0 ]; do
  case "$1" in
    --simulate)
      [ $# -ge 2 ] || { echo "--simulate needs a rate in events per second, e.g. --simulate 5" >&2; exit 2; }
      arguments+=("--AppHost:Simulate=$2"); shift 2 ;;
    --simulate=*) arguments+=("--AppHost:Simulate=${1#--simulate=}"); shift ;;
    -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) arguments+=("$1"); shift ;;
  esac
done

scripts/prerequisites.sh
configuration=${SE_CONFIGURATION:-Debug}
echo "Building the AppHost and its services ($configuration)..."
dotnet build AppHost -c "$configuration" -nologo -v quiet -clp:ErrorsOnly
# dotnet run applies the AppHost's launch profile (the dashboard's addresses, Development) and passes Ctrl-C and SIGTERM
# on to it; the AppHost returns once every process it started has stopped.
exec dotnet run --project AppHost -c "$configuration" --no-build -- "${arguments[@]}"
