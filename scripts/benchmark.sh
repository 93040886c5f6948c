#!/usr/bin/env bash
# Regenerates the weights of the registry pallets from their benchmarks:
# builds the node with the benchmark CLI (feature runtime-benchmarks: a second
# build of the client, ~20 min on 2 cores), then runs `benchmark pallet` for each
# pallet and writes pallets/<name>/src/weights.rs.
# Run it on the reference machine, with nothing else running.
# PALLETS="civil-events" ./scripts/benchmark.sh regenerates only the pallets named.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"

echo "benchmark: building the node with --features runtime-benchmarks"
cargo build --locked --release -p civil-registry-node --features runtime-benchmarks
node="$CARGO_TARGET_DIR/release/civil-registry-node"

for pallet in ${PALLETS:-offices civil-events}; do
	crate="pallet_${pallet//-/_}"
	echo "benchmark: $crate (steps $STEPS, repeat $REPEAT)"
	"$node" benchmark pallet \
		--runtime "$CARGO_TARGET_DIR/release/wbuild/civil-registry-runtime/civil_registry_runtime.compact.compressed.wasm" \
		--genesis-builder runtime --genesis-builder-preset development \
		--pallet "$crate" --extrinsic '*' \
		--steps "$STEPS" --repeat "$REPEAT" \
		--wasm-execution compiled \
		--template scripts/frame-weight-template.hbs \
		--header scripts/weights-header.txt \
		--output "pallets/$pallet/src/weights.rs"
done
echo "benchmark: weights written; review them with git diff"
