#!/usr/bin/env bash
# Times a fixed reference compile, so that build times measured on different
# machines can be compared: `cargo build --release -p sp-core` at the
# version pinned in Cargo.lock, in an empty target directory, two jobs.
# Prints the seconds it took. Compare a figure from docs/development.md with
# yours by the ratio of the two reference figures.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "reference compile: cargo build --release -p sp-core (empty target dir, -j 2)" >&2
start=$(date +%s%N)
CARGO_TARGET_DIR="$dir" cargo build --quiet --locked --release -j 2 -p sp-core
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
printf "reference compile: %d.%d s\n" $((ms / 1000)) $((ms % 1000 / 100))
