#!/usr/bin/env bash
# All tests, one command (npm test): first the type check (tsc) and the lint (ESLint's boundaries +
# Prettier's formatting), which stop the run before the build when either fails; then builds the
# extension (the e2e tests load the built one), runs every Vitest project (unit, rules, integration,
# e2e) inside ONE start of the Auth + Firestore emulators, and ends with a one-line summary.
# Extra arguments go to vitest (npm test -- --project unit).
set -euo pipefail
cd "$(dirname "$0")/.."

# Java and Chromium first: without them the run would fail minutes later with a stack trace.
bash scripts/preflight.sh || exit 1

# Both checks run (a type error and a broken boundary are reported together), then the run stops if
# either failed: a minute saved, and CI fails on either.
failed=()
echo "npm test: type check (npm run typecheck)"
npm run --silent typecheck || failed+=("typecheck (npm run typecheck: tsc --noEmit)")
echo "npm test: lint (npm run lint)"
npm run --silent lint || failed+=("lint (npm run lint: ESLint, then prettier --check; npm run format fixes formatting)")
if [ ${#failed[@]} -gt 0 ]; then
  for check in "${failed[@]}"; do echo "npm test: FAILED: $check" >&2; done
  echo "no test summary (stopped before the build: fix the check(s) above)"
  exit 1
fi

npx wxt build
mkdir -p test-results
rm -f test-results/vitest.json
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
