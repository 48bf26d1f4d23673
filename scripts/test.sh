#!/usr/bin/env bash
# All tests, one command (npm test): builds the extension (the e2e tests load the built one), then
# runs every Vitest project (unit, rules, integration, e2e) inside ONE start of the Auth + Firestore
# emulators. Extra arguments go to vitest (e.g. npm test -- --project unit).
set -euo pipefail
cd "$(dirname "$0")/.."
npx wxt build
bash scripts/with-emulators.sh "npx vitest run $*"
