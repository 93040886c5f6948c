#!/usr/bin/env bash
# Runs every test of the project, on a fresh machine too (it installs what it
# needs). In order:
#   1. formatting (cargo fmt --check)
#   2. one version of every polkadot-sdk crate, no RocksDB; no `expect` in runtime code; the
#      re-identification figures of docs/architecture.md are the script's
#      (scripts/privacy/reidentification.mjs, 37 million synthetic persons, ~15 s); every
#      repository path named in docs/ and the READMEs exists (scripts/check-doc-paths.mjs)
#   3. one build and run of every test: unit, property and runtime-level tests of
#      pallets and runtime, the benchmarks run as tests (feature runtime-benchmarks),
#      and the node's command-line tests, which build the release node binary itself
#   4. zombienet (zombienet/*.zndsl, native provider), started here and run *beside* steps
#      5-8 (its nodes mostly wait for slots): on four regional authorities, all up, one down
#      (each in turn), two down (finality stalls, then catches up), one killed and restarted;
#      on a five-node network at the same time, a fifth authority added by the council
#      authors and votes, then a runtime upgrade authorized by the council keeps the records
#      and finality
#   5. smoke tests: a --dev node finalizes; two --chain local nodes agree; chain specs
#   6. docs/operators.md followed as written (tests/operators/run.mjs): keys, a production
#      spec without sudo or development keys, four permissioned nodes finalizing, an unlisted
#      node kept out, one node down and the rest still finalizing
#   7. the load generator's smoke run (scripts/load/load.mjs --smoke): archive imports and
#      single enrollments against a same-size no-op baseline, through a pool too small for
#      them (it refuses, the client resubmits), every act included exactly once
#   8. the polkadot.js suite (tests/e2e) against a fresh dev node: every act,
#      the lifecycle, the runtime API, the civil_* RPC, metadata docs, the
#      examples of docs/integrators.md, an attack with one stolen key, the public
#      gateway (scripts/run-public-rpc.sh) with its allow-list and limits, the citizen's
#      portal in Debian's Chromium (puppeteer-core), the archive
#      import and a million anchored records with 1,000 proofs, api-sidecar 18 (the
#      explorer API people run) decoding a block with a registry act, the public projection
#      fed by the dev node (its checks, a restart, a feed down, four lying feeds, load from one
#      address); after all of it, a projection of the whole chain looked through for anything
#      personal
#   9. zombienet's results (the step waits for it to end)
#  10. civil_statistics for the country over 120 months with a counter for every
#      jurisdiction × kind × month, measured on a running node (median under 50 ms), alone:
#      it measures a latency
# The network tests (4-8) run on chains with two-second slots (`--chain regional-fast`,
# `--chain dev-fast`: the same runtime, a genesis setting of pallet-authorities), so their
# waits for blocks, finality and sessions take a third as long; the operators' walkthrough
# keeps the production spec it documents (six seconds).
# Clippy (warnings denied, the workspace's panic-free lints) runs inside step 3:
# .cargo/config.toml compiles every workspace crate through scripts/rustc-lint, so the lints
# cover libraries, tests, benchmarks and the node without a second build of the tree.
#
# Every step has a time budget (seconds, below, beside each step; the build's has a cold and a
# warm figure). A step that ends over its budget fails the run with its name and both times,
# and so does the part after the build as a whole (AFTER_BUILD_BUDGET): a change that doubles
# a step is caught here, not by CI's 90-minute limit. The budgets hold on the slower machine
# of CI's kind (reference compile about 90 s, scripts/reference-compile.sh) with a margin;
# docs/development.md has the measured figures. CIVIL_BUDGET_SCALE=2 doubles every budget
# (a machine known to be slower); CIVIL_BUDGET_SCALE=0 turns the check off.
# Every step prints what it does; the first failure stops the run. At the end (or at the
# failure) a table gives each step's duration and budget.
set -euo pipefail
cd "$(dirname "$0")/.."

# After the build and the Rust tests, everything else (steps 4-10), in seconds.
AFTER_BUILD_BUDGET=720
scale="${CIVIL_BUDGET_SCALE:-1}"
case "$scale" in
	'' | *[!0-9.]*)
		echo "test: CIVIL_BUDGET_SCALE must be a number (it is '$scale')" >&2
		exit 2
		;;
esac

start=$(date +%s)
logs=$(mktemp -d /tmp/civil-test.XXXXXX)
rows=()        # "seconds|budget|name" of each ended step
current=""    # the foreground step under way
current_budget=0
current_start=$start
background=()  # "name|budget|pid|start|log" of the steps running beside the others
build_end=""

budget_of() { awk -v b="$1" -v s="$scale" 'BEGIN { printf "%d", b * s }'; }

# A step ended after `seconds`: recorded, and a failure if over its budget.
ended() {
	local name=$1 seconds=$2 budget
	budget=$(budget_of "$3")
	rows+=("$seconds|$budget|$name")
	if [ "$budget" -gt 0 ] && [ "$seconds" -gt "$budget" ]; then
		echo >&2
		echo "=== test: OVER BUDGET: '$name' took $seconds s; its budget is $budget s ===" >&2
		current=""
		exit 1
	fi
}

# Ends the foreground step under way, then starts the next one: step <budget s> <name...>
step() {
	local now
	now=$(date +%s)
	if [ -n "$current" ]; then
		local name=$current
		current=""
		ended "$name" "$((now - current_start))" "$current_budget"
	fi
	current_budget=$1
	shift
	current="$*"
	current_start=$now
	echo
	echo "=== test: $* ($((now - start)) s; budget $(budget_of "$current_budget") s) ==="
}

# Starts a step beside the foreground ones: beside <budget s> <name> <command...>. Its output
# goes to a log, printed when it is joined.
beside() {
	local budget=$1 name=$2
	shift 2
	local log
	log="$logs/$(echo "$name" | tr -c 'a-zA-Z0-9' '_').log"
	echo
	echo "=== test: started beside the next steps: $name ($(($(date +%s) - start)) s; budget $(budget_of "$budget") s) ==="
	# Its own end time goes to <log>.end: the step is timed to its end, not to its join.
	(
		status=0
		"$@" || status=$?
		date +%s > "$log.end"
		exit "$status"
	) > "$log" 2>&1 &
	background+=("$name|$budget|$!|$(date +%s)|$log")
}

# Waits for the step started beside the others, prints its output, checks its result and
# budget: join <name>
join() {
	local entry name budget pid began log status=0
	for entry in "${background[@]}"; do
		IFS='|' read -r name budget pid began log <<< "$entry"
		[ "$name" = "$1" ] || continue
		wait "$pid" || status=$?
		cat "$log"
		if [ "$status" -ne 0 ]; then
			echo "=== test: FAILED: $name (beside the other steps) ===" >&2
			exit "$status"
		fi
		local end
		end=$(cat "$log.end" 2> /dev/null || date +%s)
		ended "$name (beside)" "$((end - began))" "$budget"
		return 0
	done
	echo "test: no step '$1' runs beside the others" >&2
	exit 2
}

report() {
	local status=$? now entry name pid
	now=$(date +%s)
	[ -z "$current" ] || rows+=("$((now - current_start))|$(budget_of "$current_budget")|$current")
	# A step still running beside the failed one: stopped with its processes.
	for entry in "${background[@]}"; do
		IFS='|' read -r name _ pid _ _ <<< "$entry"
		if kill -0 "$pid" 2> /dev/null; then
			pkill -TERM -P "$pid" 2> /dev/null || true
			kill "$pid" 2> /dev/null || true
			wait "$pid" 2> /dev/null || true
			echo "=== test: stopped, unfinished: $name ===" >&2
		fi
	done
	echo
	echo "=== step durations (s) ==="
	printf '%6s %7s  %s\n' "took" "budget" "step"
	local row
	for row in "${rows[@]}"; do
		IFS='|' read -r seconds budget name <<< "$row"
		printf '%6s %7s  %s\n' "$seconds" "$budget" "$name"
	done
	if [ -n "$build_end" ]; then
		printf '%6s %7s  %s\n' "$((now - build_end))" "$(budget_of "$AFTER_BUILD_BUDGET")" \
			"everything after the build and the Rust tests"
	fi
	printf '%6s %7s  %s\n' "$((now - start))" "" "total"
	[ "$status" -eq 0 ] || echo "=== test: FAILED in step: ${current:-see above} ==="
	rm -rf "$logs"
}
trap report EXIT

step 300 "setup"
./scripts/setup.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
node_binary="$CARGO_TARGET_DIR/release/civil-registry-node"

step 30 "formatting"
cargo fmt --all -- --check

step 60 "dependency versions, runtime code, the re-identification figures, the paths the docs name"
./scripts/check-duplicates.sh
./scripts/check-runtime-code.sh
node scripts/privacy/reidentification.mjs --check docs/architecture.md
node scripts/check-doc-paths.mjs

# The build's budget: a cold build (no node binary yet in the target directory) compiles the
# whole SDK, about 1,700 s on a machine whose reference compile is 80 s; a warm one rebuilds
# the workspace's crates, the two Wasm runtimes and the node, about 400 s.
if [ -x "$node_binary" ]; then build_budget=900; build_kind=warm; else build_budget=2700; build_kind=cold; fi
step "$build_budget" "build and run the Rust tests, with clippy; the node binary ($build_kind)"
# One cargo invocation for the tests and the node (node/tests/ makes cargo build the binary),
# so every dependency is compiled once, with one feature set. `runtime-benchmarks` is on so
# that the benchmarks run as tests; CIVIL_REGISTRY_WASM_WITHOUT_BENCHMARKS keeps it out of the
# Wasm runtime (runtime/build.rs), so the node started below runs the production runtime,
# the same Wasm as `cargo build --release -p civil-registry-node` (the polkadot.js suite
# checks that it has no benchmarking API).
CIVIL_REGISTRY_WASM_WITHOUT_BENCHMARKS=1 cargo test --locked --release --workspace \
	--features civil-registry-runtime/runtime-benchmarks

step 180 "npm packages of the network tests (npm ci of the root workspace)"
build_end=$(date +%s)
# Installed here, before anything runs beside anything: `npm ci` removes node_modules first.
# A node_modules that is the lockfile's install already is kept (scripts/npm-install.sh).
./scripts/npm-install.sh

beside 420 "zombienet: four authorities (all up, one down, two down, kill and restart); a fifth authority and a runtime upgrade" \
	./zombienet/run.sh "$node_binary"

step 90 "smoke tests"
node tests/smoke/smoke.mjs "$node_binary"

step 150 "operators' walkthrough: keys, production spec, four permissioned nodes"
node tests/operators/run.mjs "$node_binary"

step 150 "load generator, smoke: 512 archive enrollments and 64 single ones against heartbeats of equal size, through a pool too small for them, nothing lost"
node scripts/load/load.mjs --node "$node_binary" --chain dev-fast --smoke

step 480 "polkadot.js suite"
./tests/e2e/run.sh "$node_binary"

step 120 "zombienet's results"
join "zombienet: four authorities (all up, one down, two down, kill and restart); a fifth authority and a runtime upgrade"

step 60 "civil_statistics worst case: the country, 120 months, every counter present (< 50 ms)"
node tests/e2e/scripts/measure-statistics.mjs "$node_binary"

step 0 "all tests passed"
after=$(($(date +%s) - build_end))
after_budget=$(budget_of "$AFTER_BUILD_BUDGET")
current=""
if [ "$after_budget" -gt 0 ] && [ "$after" -gt "$after_budget" ]; then
	echo "=== test: OVER BUDGET: everything after the build took $after s; its budget is $after_budget s ===" >&2
	exit 1
fi
