#!/usr/bin/env bash
# Runs the zombienet tests (zombienet/*.zndsl) with the native provider:
#   zombienet/run.sh <node binary> [test files...]
# Installs the root workspace's npm packages (zombienet's CLI, and polkadot.js, which the
# governance steps in scripts/ use), exports what the networks read (the node's path, a raw
# spec of `--chain regional-fast`: the regional network with two-second slots) and the
# upgraded runtime for 02 (built next to the node by runtime/upgrade:
# CIVIL_REGISTRY_UPGRADE_WASM overrides), runs the tests at the same time, each on its own
# network in its own directory (their nodes mostly wait for slots: two networks of four and
# five nodes share two cores), prints each one's result as it ends, and stops every node a
# test left behind, by PID (an interrupted zombienet does not).
set -euo pipefail
cd "$(dirname "$0")"

node="$(realpath "${1:?usage: zombienet/run.sh <node binary> [tests...]}")"
shift
tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(*.zndsl)

# The root workspace's packages (zombienet's CLI, polkadot.js), installed unless already.
../scripts/npm-install.sh

upgrade="${CIVIL_REGISTRY_UPGRADE_WASM:-$(dirname "$node")/wbuild/civil-registry-runtime-upgrade/civil_registry_runtime_upgrade.compact.compressed.wasm}"
if [ ! -f "$upgrade" ]; then
	echo "zombienet: no upgraded runtime at $upgrade; build it with" >&2
	echo "  cargo build --release -p civil-registry-runtime-upgrade" >&2
	exit 1
fi
export CIVIL_REGISTRY_UPGRADE_WASM="$(realpath "$upgrade")"

work=$(mktemp -d /tmp/civil-zombienet.XXXXXX)
cleanup() {
	# Every process whose command line names this run's directory: zombienet and its nodes.
	local pids
	pids=$(pgrep -f -- "$work" || true)
	if [ -n "$pids" ]; then
		kill $pids 2> /dev/null || true
		# Up to 5 s to stop on their own (a node flushes its database), then killed.
		local pid alive
		for _ in $(seq 1 50); do
			alive=""
			for pid in $pids; do kill -0 "$pid" 2> /dev/null && alive=1; done
			[ -n "$alive" ] || break
			sleep 0.1
		done
		kill -9 $pids 2> /dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

"$node" build-spec --chain regional-fast --raw --disable-default-bootnode > "$work/regional-raw.json" 2> /dev/null
export CIVIL_REGISTRY_NODE="$node"
export CIVIL_REGISTRY_SPEC="$work/regional-raw.json"

# One test: zombienet in its directory, its output in <dir>.log; the result and the time in
# <dir>.result.
run_one() {
	local test=$1 dir=$2 start status
	start=$(date +%s)
	if ../node_modules/.bin/zombienet --provider native --logType text --dir "$dir" --force test "$test" > "$dir.log" 2>&1; then
		status=passed
	else
		status=FAILED
	fi
	echo "$status $(($(date +%s) - start))" > "$dir.result"
	# Nodes of this test that outlived it.
	local pids
	pids=$(pgrep -f -- "$dir" || true)
	[ -z "$pids" ] || kill -9 $pids 2> /dev/null || true
}

pids=()
for test in "${tests[@]}"; do
	run_one "$test" "$work/$(basename "$test" .zndsl)" &
	pids+=($!)
done
failed=0
for i in "${!tests[@]}"; do
	wait "${pids[$i]}" || true
	test=${tests[$i]}
	dir="$work/$(basename "$test" .zndsl)"
	read -r status seconds < "$dir.result" || { status=FAILED; seconds=?; }
	if [ "$status" = passed ]; then
		echo "zombienet: $test passed ($seconds s)"
		grep -h "^20..-..-..T" "$dir.log" | sed "s/^/    /" || true
	else
		echo "zombienet: $test FAILED ($seconds s); its output:"
		tail -80 "$dir.log"
		failed=1
	fi
done
exit $failed
