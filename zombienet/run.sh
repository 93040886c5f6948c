#!/usr/bin/env bash
# Runs the zombienet tests (zombienet/*.zndsl) with the native provider:
#   zombienet/run.sh <node binary> [test files...]
# Installs zombienet's CLI from its lockfile (and the polkadot.js suite's packages, which the
# governance steps in scripts/ use), exports what regional.toml reads (the node's path, a raw
# spec of `--chain regional`) and the upgraded runtime for 06 (built next to the node by
# runtime/upgrade: CIVIL_REGISTRY_UPGRADE_WASM overrides), runs each test in its own
# directory, and stops every node a test left behind, by PID (an interrupted zombienet does
# not).
set -euo pipefail
cd "$(dirname "$0")"

node="$(realpath "${1:?usage: zombienet/run.sh <node binary> [tests...]}")"
shift
tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(*.zndsl)

[ -x node_modules/.bin/zombienet ] || npm ci --no-audit --no-fund
[ -d ../tests/e2e/node_modules/@polkadot/api ] || (cd ../tests/e2e && npm ci --no-audit --no-fund)

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
		sleep 2
		kill -9 $pids 2> /dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

"$node" build-spec --chain regional --raw --disable-default-bootnode > "$work/regional-raw.json" 2> /dev/null
export CIVIL_REGISTRY_NODE="$node"
export CIVIL_REGISTRY_SPEC="$work/regional-raw.json"

failed=0
for test in "${tests[@]}"; do
	dir="$work/$(basename "$test" .zndsl)"
	start=$(date +%s)
	if node_modules/.bin/zombienet --provider native --logType text --dir "$dir" --force test "$test" > "$dir.log" 2>&1; then
		echo "zombienet: $test passed ($(($(date +%s) - start)) s)"; grep -h "^20..-..-..T" "$dir.log" | sed "s/^/    /" || true
	else
		echo "zombienet: $test FAILED ($(($(date +%s) - start)) s); its output:"
		tail -80 "$dir.log"
		failed=1
	fi
	# Nodes of this test that outlived it.
	pids=$(pgrep -f -- "$dir" || true)
	[ -z "$pids" ] || kill -9 $pids 2> /dev/null || true
done
exit $failed
