#!/usr/bin/env bash
# Runs one command inside a fresh start of the Auth, Firestore and Functions emulators (project demo-prikbord)
# and exits with that command's exit code:
#   bash scripts/with-emulators.sh "npx vitest run --project rules"
# `firebase emulators:exec` sets FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST for the
# command and stops the emulators afterwards. If another run holds the emulator ports, this waits
# for them (up to EMULATOR_PORT_WAIT seconds, default 180) instead of failing at once.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$#" -eq 0 ]; then
  echo "usage: bash scripts/with-emulators.sh \"COMMAND ...\"" >&2
  exit 2
fi

# shellcheck source=scripts/emulators-env.sh
source scripts/emulators-env.sh

# One emulator run at a time on this machine: several checkouts (worktrees) share the fixed
# emulator and demo-server ports, so a second run queues here until the first has finished.
exec 9> /tmp/prikbord-emulators.lock
if ! flock -n 9; then
  echo "Another emulator run holds /tmp/prikbord-emulators.lock; waiting for it..." >&2
  flock 9
fi

port_busy() { (exec 3<> "/dev/tcp/127.0.0.1/$1") 2> /dev/null; }
wait_left=${EMULATOR_PORT_WAIT:-180}
for port in 9099 8080 5001; do
  told=no
  while port_busy "$port"; do
    if [ "$wait_left" -le 0 ]; then
      echo "Port $port is still in use (emulators of another run?); giving up." >&2
      exit 1
    fi
    if [ "$told" = no ]; then
      echo "Port $port is in use; waiting for it to free up..." >&2
      told=yes
    fi
    sleep 2
    wait_left=$((wait_left - 2))
  done
done

# An outage test may have restarted the Firestore emulator itself (tests/helpers/firestore-outage.ts):
# that JVM is not firebase-tools' child, so stop it here, whatever way the run ends.
RESTARTED_PID_FILE=/tmp/prikbord-restarted-firestore.pid
stop_restarted() {
  if [ -f "$RESTARTED_PID_FILE" ]; then
    local pid
    pid="$(cat "$RESTARTED_PID_FILE")"
    # Only if that pid is still a Firestore emulator (a stale file's pid may belong to anything now).
    if tr '\0' ' ' < "/proc/$pid/cmdline" 2> /dev/null | grep -q firestore; then kill -9 "$pid" 2> /dev/null || true; fi
    rm -f "$RESTARTED_PID_FILE"
  fi
}
stop_restarted
trap stop_restarted EXIT

prikbord_prepare_functions
prikbord_quiet_emulator_logs

set +e
npx firebase emulators:exec --config firebase/firebase.json --only "$PRIKBORD_EMULATORS" --project demo-prikbord "$*"
status=$?
set -e
exit "$status"
