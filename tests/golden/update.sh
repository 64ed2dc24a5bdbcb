#!/bin/sh
# Rewrites every golden .out from the current ./dyad; review the diff before
# committing (git diff tests/golden).
set -e
cd "$(dirname "$0")/code"
for args in *.args; do
  case=${args%.args}
  input=$(ls "$case".* | grep -v -E '\.(args|out)$')
  # shellcheck disable=SC2046
  ../../../dyad code $(cat "$args") "$input" > "$case.out" || true
  echo "updated $case.out"
done
