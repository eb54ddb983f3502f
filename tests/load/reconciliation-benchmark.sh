#!/usr/bin/env bash
# The time and memory of reconciling one period of N sales orders (each with its invoice and journal entry, seeded
# straight into erp's and finance's databases), through the gateway against the real erp and finance services: a
# figure, not a test. Runs tests/ApiPlatform.EndToEnd.Tests ReconciliationBenchmark on the embedded defaults (SQLite)
# and, when APIPLATFORM_TEST_POSTGRES is set, on PostgreSQL. Each run prints its figure; quote medians of several runs.
#   tests/load/reconciliation-benchmark.sh [orders (default 100000)] [runs (default 1)]
set -euo pipefail
cd "$(dirname "$0")/../.."
orders=${1:-100000}
runs=${2:-1}
dotnet build tests/ApiPlatform.EndToEnd.Tests -c Release >/dev/null

run() {
  APIPLATFORM_RECON_BENCHMARK_ORDERS=$orders dotnet test tests/ApiPlatform.EndToEnd.Tests -c Release --no-build \
    --filter "FullyQualifiedName~ReconciliationBenchmark" --logger "console;verbosity=detailed" 2>&1 \
    | grep -E "seeded|reconciliation of|Failed!|Passed!" | sed "s/^ */  /"
}

for i in $(seq "$runs"); do
  echo "embedded (SQLite), run $i:"
  (unset APIPLATFORM_TEST_POSTGRES APIPLATFORM_TEST_REDIS; run)
  if [ -n "${APIPLATFORM_TEST_POSTGRES:-}" ]; then
    echo "PostgreSQL, run $i:"
    run
  fi
done
