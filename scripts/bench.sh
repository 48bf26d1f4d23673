#!/usr/bin/env bash
# npm run bench [-- --quick] [section ...]: builds the extension, starts the emulators once, and
# runs scripts/bench/run.ts inside them. Figures go to the terminal and to bench/results.json.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/preflight.sh || exit 1
npx wxt build > /dev/null
bash scripts/with-emulators.sh "npx tsx scripts/bench/run.ts $*"
