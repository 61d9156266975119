#!/usr/bin/env bash
# Runs every test of Mooring. Installs and starts what the tests need (PostgreSQL, Redis), runs each test
# project, stops what it started, prints one 'N passed, N failed' line, and exits non-zero on any failure.
# With CI=true a missing service fails the tests that need it instead of skipping them.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
CONFIGURATION="${CONFIGURATION:-Release}"

# shellcheck source=scripts/services.sh
source scripts/services.sh
trap stop_services EXIT

# Warnings are errors through Directory.Build.props (TreatWarningsAsErrors), which keeps its documented exceptions.
dotnet build Mooring.slnx -c "$CONFIGURATION" -nologo -clp:ErrorsOnly

RESULTS="$(mktemp -d /tmp/mooring-results.XXXXXX)"
status=0
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  echo "=== $name"
  set +e
  dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo \
    --logger "trx;LogFileName=$RESULTS/$name.trx" > "$RESULTS/$name.log" 2>&1
  rc=$?
  set -e
  grep -E '^(Passed|Failed)!' "$RESULTS/$name.log" || true
  if [ $rc -ne 0 ]; then
    status=1
    echo "--- $name failed (exit $rc); its output:"
    grep -vE '^\s*$' "$RESULTS/$name.log" | tail -n 150
  fi
done

python3 "$ROOT/scripts/summarize-trx.py" "$RESULTS"/*.trx || status=1
exit $status
