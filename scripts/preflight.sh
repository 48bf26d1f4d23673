#!/usr/bin/env bash
# What `npm test`, `npm run demo` and `npm run bench` need on this machine beyond npm's packages,
# checked before anything starts: one line per missing piece with the command that installs it,
# instead of a stack trace from deep inside the emulators or Playwright. Exit 1 if anything is missing.
#   bash scripts/preflight.sh [--no-browser]
set -uo pipefail

missing=0
say() {
  echo "prikbord: $1" >&2
  missing=1
}

node_major=$(node -p 'process.versions.node.split(".")[0]' 2> /dev/null || echo 0)
[ "$node_major" -ge 20 ] || say "Node.js 20 or newer is needed (found $(node --version 2> /dev/null || echo none)): install it from https://nodejs.org or your package manager"

# The Firestore and Auth emulators run on Java (11 or newer).
if ! command -v java > /dev/null 2>&1; then
  say "Java is missing (the Firebase emulators run on it): sudo apt-get install -y openjdk-17-jre-headless"
else
  java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  [ "${java_major:-0}" -ge 11 ] || say "Java 11 or newer is needed (found ${java_major:-unknown}): sudo apt-get install -y openjdk-17-jre-headless"
fi

if [ "${1:-}" != --no-browser ]; then
  chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
  [ -x "$chromium" ] || say "Chromium is missing at $chromium (the end-to-end tests and the demo open it): sudo apt-get install -y chromium, or set CHROMIUM_PATH"
fi

[ -d "$(dirname "$0")/../node_modules" ] || say "npm packages are not installed: npm ci"

exit "$missing"
