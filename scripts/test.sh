#!/usr/bin/env bash
# All tests, one command (npm test): builds the extension (the e2e tests load the built one), then
# runs every Vitest project (unit, rules, integration, e2e) inside ONE start of the Auth + Firestore
# emulators, and ends with a one-line summary. Extra arguments go to vitest (npm test -- --project unit).
set -euo pipefail
cd "$(dirname "$0")/.."
npx wxt build
mkdir -p test-results
set +e
bash scripts/with-emulators.sh "npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json $*"
status=$?
set -e
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
' 2> /dev/null || echo "no test summary (the run did not reach the tests)"
exit "$status"
