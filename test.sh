#!/usr/bin/env bash
# Runs every test: unit, component (bUnit), integration (real PostgreSQL and Redis) and end-to-end (Debian's
# Chromium against the whole stack). Ends with the line "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"

scripts/prerequisites.sh --browser || { echo "tests: 0 passed, 1 failed"; exit 1; }

if ! dotnet build SocialEnterprise.sln -nologo -v quiet -clp:ErrorsOnly; then
  echo "tests: 0 passed, 1 failed"
  exit 1
fi

log=$(mktemp)
started=$(mktemp)
# The browser tests run after the others, on their own: the whole stack, Chromium and the integration tests' servers
# together overload two cores, and a page's timing is what the browser tests check.
others=$(mktemp --suffix=.slnf -p .)
trap 'rm -f "$log" "$started" "$others"' EXIT
projects=$(ls tests/*/*.csproj | grep -vE 'TestSupport|StackSupport|EndToEnd' | sed 's/.*/"&"/' | paste -sd, -)
printf '{"solution":{"path":"SocialEnterprise.sln","projects":[%s]}}\n' "$projects" > "$others"
dotnet test "$others" --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
dotnet test tests/EndToEnd --no-build --nologo 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -ne 0 ] && status=1

# One summary line per test assembly: "Passed!  - Failed:     0, Passed:    32, Skipped: ..."
summaries=$(grep -E '^(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$log")
passed=$(echo "$summaries" | sed -n 's/.*Passed: *\([0-9]*\),.*/\1/p' | awk '{s+=$1} END {print s+0}')
failed=$(echo "$summaries" | sed -n 's/.*- Failed: *\([0-9]*\),.*/\1/p' | awk '{s+=$1} END {print s+0}')
assemblies=$(echo "$summaries" | grep -c . || true)
expected=$(ls tests/*/*.csproj | grep -vcE 'TestSupport|StackSupport')

# A test host that crashed prints no summary: never report such a run as green.
if [ "$assemblies" -lt "$expected" ]; then
  echo "only $assemblies of $expected test assemblies reported results"
  failed=$((failed + expected - assemblies))
elif [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

# The classifier's accuracy on the labelled set, as the unit tests measured it this run.
report="${TMPDIR:-/tmp}/socialenterprise-tests/classification-report.txt"
if [ -f "$report" ] && [ "$report" -nt "$started" ]; then
  head -n 1 "$report"
fi

echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
