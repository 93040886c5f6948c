#!/usr/bin/env bash
# Regenerates the weights of the registry pallets from their benchmarks, and the
# runtime's base weights (`benchmark overhead`) and database weights (`benchmark storage`):
# builds the node with the benchmark CLI (feature runtime-benchmarks: a second
# build of the client, ~20 min on 2 cores), then runs `benchmark pallet` for each
# pallet and writes pallets/<name>/src/weights.rs, and FRAME's transaction
# extensions into runtime/src/weights/frame_system_extensions.rs.
# Run it on the reference machine, with nothing else running. Each weight is the larger of the
# two analyses, least squares and median slopes (`--output-analysis max`): a least-squares fit
# of a benchmark with two components can undershoot (`enroll_batch` came out at 10 ms + 30 µs
# per person + 58 µs per marriage, under what it measured at 128 and 128), and a weight that
# undershoots lets a block take longer than its slot.
# PALLETS="civil-events overhead" ./scripts/benchmark.sh regenerates only the ones named
# (offices gate civil-events system-extensions migrations overhead storage).
# EXTRINSIC=migrate_act PALLETS=civil-events runs one benchmark: the file it writes then holds
# that one function only, to be copied into the pallet's weights.rs in place of the old one.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
STEPS="${STEPS:-50}"
REPEAT="${REPEAT:-20}"

echo "benchmark: building the node with --features runtime-benchmarks"
cargo build --locked --release -p civil-registry-node --features runtime-benchmarks
node="$CARGO_TARGET_DIR/release/civil-registry-node"

wasm="$CARGO_TARGET_DIR/release/wbuild/civil-registry-runtime/civil_registry_runtime.compact.compressed.wasm"
bench() {
	"$node" benchmark pallet \
		--runtime "$wasm" \
		--genesis-builder runtime --genesis-builder-preset development \
		--extrinsic "${EXTRINSIC:-*}" --steps "$STEPS" --repeat "$REPEAT" \
		--wasm-execution compiled --output-analysis max \
		--header scripts/weights-header.txt \
		"$@"
}

# The storage benchmark measures ParityDB on a database the size of the roll-out's first
# years: the genesis state of tests/e2e/scripts/measure-certificates.mjs, STORAGE_PERSONS
# persons (each with its identity index entry and enrollment act) and a tenth as many
# certificates, in the runtime's own encodings (3.2 million entries for a million persons).
# Writes are timed in batches of 40,000 keys, about what a full block of enrollments writes
# (the CLI commits and computes the root once per batch, as a block does once): the default
# 100,000 spread the root's cost over more keys than a block has (docs/performance.md).
STORAGE_PERSONS="${STORAGE_PERSONS:-1000000}"
storage() {
	local dir
	dir="$(mktemp -d)"
	./scripts/npm-install.sh
	node tests/e2e/scripts/measure-certificates.mjs "$node" --keep "$dir" --build-only \
		--persons "$STORAGE_PERSONS" --certificates "$((STORAGE_PERSONS / 10))"
	"$node" benchmark storage --chain "$dir/certificates-spec.json" --base-path "$dir/chain" \
		--database paritydb --state-version 1 \
		--keys-limit 200000 --batch-size 40000 \
		--weight-path runtime/src/weights --header scripts/weights-header.txt
	sed -i 's/sp_weights::/frame_support::weights::/g; s/use sp_core::parameter_types;/use frame_support::parameter_types;/' \
		runtime/src/weights/paritydb_weights.rs
	cargo fmt --all # the replaced imports, in rustfmt's order
	rm -rf "$dir"
}

for pallet in ${PALLETS:-offices gate civil-events system-extensions migrations overhead storage}; do
	echo "benchmark: $pallet (steps $STEPS, repeat $REPEAT)"
	if [ "$pallet" = overhead ]; then
		# A block's and a transaction's base costs (`gate.heartbeat` by //Alice).
		"$node" benchmark overhead --chain dev --genesis-builder spec-runtime \
			--weight-path runtime/src/weights --header scripts/weights-header.txt
		sed -i 's/sp_weights::/frame_support::weights::/g; s/use sp_core::parameter_types;/use frame_support::parameter_types;/' \
			runtime/src/weights/block_weights.rs runtime/src/weights/extrinsic_weights.rs
	elif [ "$pallet" = storage ]; then
		storage
	elif [ "$pallet" = migrations ]; then
		bench --pallet pallet_migrations --output runtime/src/weights/pallet_migrations.rs
	elif [ "$pallet" = system-extensions ]; then
		# FRAME's transaction extensions (nonce, era, weight checks): the runtime's
		# `frame_system::Config::ExtensionsWeightInfo`, in the CLI's runtime template.
		out=runtime/src/weights/frame_system_extensions.rs
		bench --pallet frame_system_extensions --output "$out"
		sed -i 's/frame_system_extensions::WeightInfo for/frame_system::ExtensionsWeightInfo for/' "$out"
	else
		bench --pallet "pallet_${pallet//-/_}" \
			--template scripts/frame-weight-template.hbs \
			--output "pallets/$pallet/src/weights.rs"
	fi
done
echo "benchmark: weights written; review them with git diff"
