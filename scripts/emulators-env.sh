# shellcheck shell=bash
# Source this (don't run it) before starting the Firebase emulators:
#   source scripts/emulators-env.sh
#
# Why: firebase-tools downloads its own Firestore emulator jar on first use. Machines without
# internet can't, but some have the Google Cloud SDK's copy installed. firebase-tools runs
# FIRESTORE_EMULATOR_BINARY_PATH as `java -jar PATH` (and chmods it, so it must be a file we own),
# so we build a tiny launcher jar under .emu/ whose manifest points at the SDK jar.
# Where the SDK jar is absent (a laptop with internet), nothing is exported and firebase-tools
# downloads its normal emulator. Quiet and idempotent; exports only FIRESTORE_EMULATOR_BINARY_PATH.

__prikbord_emulators_env() {
  local sdk_jar=/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar
  local main_class=com.google.cloud.datastore.emulator.firestore.CloudFirestore
  local root emu launcher tmp

  # Respect an explicit choice made by the caller.
  [ -n "${FIRESTORE_EMULATOR_BINARY_PATH:-}" ] && return 0
  [ -f "$sdk_jar" ] || return 0

  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)" || return 0
  emu="$root/.emu"
  launcher="$emu/firestore-launcher.jar"

  if [ ! -s "$launcher" ]; then
    command -v jar > /dev/null 2>&1 || return 0
    mkdir -p "$emu" || return 0
    # Build in a private temp dir and rename into place, so two shells sourcing this at the same
    # time never see a half-written jar.
    tmp="$(mktemp -d "$emu/launcher.XXXXXX")" || return 0
    printf 'Main-Class: %s\nClass-Path: %s\n' "$main_class" "$sdk_jar" > "$tmp/manifest.txt"
    if jar --create --file "$tmp/firestore-launcher.jar" --manifest "$tmp/manifest.txt" > /dev/null 2>&1; then
      mv -f "$tmp/firestore-launcher.jar" "$launcher"
    fi
    rm -rf "$tmp"
    [ -s "$launcher" ] || return 0
  fi

  export FIRESTORE_EMULATOR_BINARY_PATH="$launcher"
}

__prikbord_emulators_env
unset -f __prikbord_emulators_env

# Which emulators every run starts (tests, demo, bench): one list. Functions run the server side
# (functions/), compiled first by prepare_functions.
export PRIKBORD_EMULATORS=auth,firestore,functions

# Compiles functions/ (the Functions emulator loads functions/lib), writes its parameters from the
# organisation file ($PRIKBORD_ORG or the demo's; scripts/org/functions-env.ts), and installs its
# dependencies the first time (npm ci at the root does too, through postinstall).
prikbord_prepare_functions() {
  local root
  root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  [ -d "$root/functions/node_modules" ] || npm ci --prefix "$root/functions" --no-audit --no-fund > /dev/null
  npm run --silent build --prefix "$root/functions"
  (cd "$root" && npx tsx scripts/org/functions-env.ts)
}

# The emulators' debug logs grow without bound in long runs (a 50,000-person bench once wrote
# 74 GB): unless PRIKBORD_EMULATOR_LOGS=keep, they go to /dev/null. firebase-tools opens them by
# name in the working folder, so a symlink there is enough.
prikbord_quiet_emulator_logs() {
  [ "${PRIKBORD_EMULATOR_LOGS:-}" = keep ] && return 0
  local log
  for log in firebase-debug.log firestore-debug.log; do
    [ -L "$log" ] || { rm -f "$log" && ln -s /dev/null "$log"; }
  done
}
