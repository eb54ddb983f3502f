#!/usr/bin/env bash
# Completed quote-to-cash order requests per second, end to end through the gateway: a figure, not a test. Runs the
# end-to-end proof (tests/ApiPlatform.EndToEnd.Tests, OrderThroughputProof) with N orders on the embedded defaults
# (SQLite, Garnet, embedded event transport) and, when APIPLATFORM_TEST_POSTGRES and APIPLATFORM_TEST_REDIS are set,
# on PostgreSQL + Redis (Redis Streams). Each run prints its figure; quote medians of several runs.
#   tests/load/quote-to-cash-benchmark.sh [orders (default 200)] [runs (default 1)]
set -euo pipefail
cd "$(dirname "$0")/../.."
orders=${1:-200}
runs=${2:-1}
dotnet build tests/ApiPlatform.EndToEnd.Tests -c Release >/dev/null

run() {
  APIPLATFORM_Q2C_PROOF_ORDERS=$orders dotnet test tests/ApiPlatform.EndToEnd.Tests -c Release --no-build \
    --filter "FullyQualifiedName~OrderThroughputProof" --logger "console;verbosity=detailed" 2>&1 \
    | grep -E "order requests: accepted|attempts beyond|Failed!|Passed!" | sed "s/^ */  /"
}

for i in $(seq "$runs"); do
  echo "embedded (SQLite, Garnet), run $i:"
  (unset APIPLATFORM_TEST_POSTGRES APIPLATFORM_TEST_REDIS; run)
  if [ -n "${APIPLATFORM_TEST_POSTGRES:-}" ] && [ -n "${APIPLATFORM_TEST_REDIS:-}" ]; then
    echo "PostgreSQL + Redis, run $i:"
    run
  fi
done
