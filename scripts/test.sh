#!/usr/bin/env bash
# Runs every test of the project, on a fresh machine too (it installs what it
# needs). In order:
#   1. formatting (cargo fmt --check)
#   2. one version of every polkadot-sdk crate, no RocksDB
#   3. clippy on the whole workspace, warnings are errors
#   4. unit, property and runtime-level tests of pallets and runtime, with the
#      benchmarks run as tests (feature runtime-benchmarks)
#   5. the release node build (with its Wasm runtime)
#   6. smoke tests: a --dev node finalizes; two --chain local nodes agree
#   7. the polkadot.js suite (tests/e2e) against a fresh dev node: every act,
#      the lifecycle, the runtime API, the civil_* RPC, metadata docs, and the
#      examples of docs/integrators.md
# Every step prints what it does; the first failure stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
step() { echo; echo "=== test: $* ($(($(date +%s) - start)) s) ==="; }

./scripts/setup.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step "formatting"
cargo fmt --all -- --check

step "dependency versions, runtime code"
./scripts/check-duplicates.sh
./scripts/check-runtime-code.sh

step "clippy"
SKIP_WASM_BUILD=1 cargo clippy --locked --release --workspace -- -D warnings

step "pallet and runtime tests, benchmarks as tests"
# Same profile as the node build (release) so that both share every crate the
# runtime-benchmarks feature does not touch; the node itself is left out, since
# the feature would rebuild the whole client.
SKIP_WASM_BUILD=1 cargo test --locked --release --workspace --exclude civil-registry-node \
	--features runtime-benchmarks

step "release node build"
cargo build --locked --release -p civil-registry-node

step "smoke tests"
python3 tests/smoke/smoke.py "$CARGO_TARGET_DIR/release/civil-registry-node"

step "polkadot.js suite"
./tests/e2e/run.sh "$CARGO_TARGET_DIR/release/civil-registry-node"

step "all tests passed"
