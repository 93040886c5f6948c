#!/usr/bin/env bash
# Measures CI as it runs: a fresh clone of HEAD in a temporary folder, then `.ci/run` with
# CI=true. `cold` (the default) uses an empty target directory, as on a new machine
# (downloaded crates and npm packages may come from this machine's caches); `warm` uses CI's
# cache ($HOME/.cache/civil-registry/target), as every later CI run does.
#   scripts/measure-ci.sh [cold|warm]
# Prints the reference compile first (scripts/reference-compile.sh), so that the figures can
# be compared with those of another machine; .ci/run ends with its table of step durations.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-cold}"
case "$mode" in
cold | warm) ;;
*)
	echo "usage: scripts/measure-ci.sh [cold|warm]" >&2
	exit 2
	;;
esac
./scripts/reference-compile.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone --quiet . "$work/clone"
if [ "$mode" = cold ]; then
	export CARGO_TARGET_DIR="$work/target"
else
	export CARGO_TARGET_DIR="$HOME/.cache/civil-registry/target"
fi
echo "measure-ci: $mode run of $(git rev-parse --short HEAD) in $work/clone, target $CARGO_TARGET_DIR"
start=$(date +%s)
(cd "$work/clone" && CI=true bash .ci/run)
echo "measure-ci: $mode run passed in $(($(date +%s) - start)) s"
