#!/usr/bin/env bash
# Runs every test of the project, on a fresh machine too (it installs what it
# needs). In order:
#   1. formatting (cargo fmt --check)
#   2. one version of every polkadot-sdk crate, no RocksDB; no `expect` in runtime code; the
#      re-identification figures of docs/architecture.md are the script's
#      (scripts/privacy/reidentification.mjs, 37 million synthetic persons, ~15 s)
#   3. one build and run of every test: unit, property and runtime-level tests of
#      pallets and runtime, the benchmarks run as tests (feature runtime-benchmarks),
#      and the node's command-line tests, which build the release node binary itself
#   4. smoke tests: a --dev node finalizes; two --chain local nodes agree; chain specs
#   5. docs/operators.md followed as written (tests/operators/run.py): keys, a production
#      spec without sudo or development keys, four permissioned nodes finalizing, an unlisted
#      node kept out, one node down and the rest still finalizing
#   6. zombienet (zombienet/*.zndsl, native provider): four regional authorities finalize;
#      one of four down (each in turn) and blocks and finality go on; two down and finality
#      stalls, then catches up; a node killed and restarted resumes from its database; a
#      fifth authority added by the council authors and votes; a runtime upgrade authorized
#      by the council keeps the records and finality
#   7. the load generator's smoke run (scripts/load/load.mjs --smoke): archive imports and
#      single enrollments against a same-size no-op baseline, through a pool too small for
#      them (it refuses, the client resubmits), every act included exactly once
#   8. the polkadot.js suite (tests/e2e) against a fresh dev node: every act,
#      the lifecycle, the runtime API, the civil_* RPC, metadata docs, the
#      examples of docs/integrators.md, an attack with one stolen key, the public
#      gateway (scripts/run-public-rpc.sh) with its allow-list and limits, the citizen's
#      portal in Debian's Chromium (puppeteer-core), the archive
#      import and a million anchored records with 1,000 proofs, and api-sidecar 18 (the
#      explorer API people run) decoding a block with a registry act
#   9. civil_statistics for the country over 120 months with a counter for every
#      jurisdiction × kind × month, measured on a running node (median under 50 ms)
# Clippy (warnings denied, the workspace's panic-free lints) runs inside step 3:
# .cargo/config.toml compiles every workspace crate through scripts/rustc-lint, so the lints
# cover libraries, tests, benchmarks and the node without a second build of the tree.
# Every step prints what it does; the first failure stops the run. At the end (or at the
# failure) a table gives each step's duration.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
steps=()
current=""
current_start=$start
step() {
	local now
	now=$(date +%s)
	[ -z "$current" ] || steps+=("$current|$((now - current_start))")
	current="$*"
	current_start=$now
	echo
	echo "=== test: $* ($((now - start)) s) ==="
}
report() {
	local status=$? now
	now=$(date +%s)
	[ -z "$current" ] || steps+=("$current|$((now - current_start))")
	echo
	echo "=== step durations (s) ==="
	local row
	for row in "${steps[@]}"; do
		printf '%6s  %s\n' "${row##*|}" "${row%|*}"
	done
	printf '%6s  %s\n' "$((now - start))" "total"
	[ "$status" -eq 0 ] || echo "=== test: FAILED in step: $current ==="
}
trap report EXIT

step "setup"
./scripts/setup.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step "formatting"
cargo fmt --all -- --check

step "dependency versions, runtime code, the re-identification figures"
./scripts/check-duplicates.sh
./scripts/check-runtime-code.sh
node scripts/privacy/reidentification.mjs --check docs/architecture.md

step "build and run the Rust tests, with clippy; the node binary"
# One cargo invocation for the tests and the node (node/tests/ makes cargo build the binary),
# so every dependency is compiled once, with one feature set. `runtime-benchmarks` is on so
# that the benchmarks run as tests; CIVIL_REGISTRY_WASM_WITHOUT_BENCHMARKS keeps it out of the
# Wasm runtime (runtime/build.rs), so the node started below runs the production runtime,
# the same Wasm as `cargo build --release -p civil-registry-node` (the polkadot.js suite
# checks that it has no benchmarking API).
CIVIL_REGISTRY_WASM_WITHOUT_BENCHMARKS=1 cargo test --locked --release --workspace \
	--features civil-registry-runtime/runtime-benchmarks

step "smoke tests"
python3 tests/smoke/smoke.py "$CARGO_TARGET_DIR/release/civil-registry-node"

step "operators' walkthrough: keys, production spec, four permissioned nodes"
python3 tests/operators/run.py "$CARGO_TARGET_DIR/release/civil-registry-node"

step "zombienet: four authorities, one down, two down, kill and restart, a fifth authority, a runtime upgrade"
./zombienet/run.sh "$CARGO_TARGET_DIR/release/civil-registry-node"

step "load generator, smoke: 512 archive enrollments and 64 single ones against heartbeats of equal size, through a pool too small for them, nothing lost"
(cd scripts/load && npm ci --no-audit --no-fund --loglevel=error)
node scripts/load/load.mjs --node "$CARGO_TARGET_DIR/release/civil-registry-node" --smoke

step "polkadot.js suite"
./tests/e2e/run.sh "$CARGO_TARGET_DIR/release/civil-registry-node"

step "civil_statistics worst case: the country, 120 months, every counter present (< 50 ms)"
node tests/e2e/scripts/measure-statistics.mjs "$CARGO_TARGET_DIR/release/civil-registry-node"

step "all tests passed"
current=""
