#!/usr/bin/env bash
# Runs the whole system on this machine: PostgreSQL, Redis, Api, Workers and Web. Ctrl-C stops everything.
# ./run.sh --simulate 5 also posts simulated customer traffic to the Api at 5 events per second.
# Ports and the data folder can be changed with SE_WEB_PORT, SE_API_PORT, SE_WORKERS_PORT, SE_POSTGRES_PORT,
# SE_CACHE_PORT and SE_DATA_DIR (see README, Configuration).
set -euo pipefail
cd "$(dirname "$0")"

scripts/prerequisites.sh
configuration=${SE_CONFIGURATION:-Debug}
echo "Building ($configuration)..."
dotnet build SocialEnterprise.sln -c "$configuration" -nologo -v quiet -clp:ErrorsOnly
exec dotnet "LocalRunner/bin/$configuration/net10.0/SocialEnterprise.LocalRunner.dll" "$@"
