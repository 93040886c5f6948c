#!/usr/bin/env bash
# The load generator against the four-authority regional network (regional.toml):
#   zombienet/load.sh <node binary> [load.mjs options...]
# e.g.  zombienet/load.sh target/release/civil-registry-node --persons 100000 --signers 32 --backlog 2
#
# Spawns the network with zombienet's native provider (the same raw `--chain regional` spec as
# run.sh), waits until the four authorities finalize, and runs scripts/load/load.mjs against
# Alice's RPC (Alice heads office 0 in the regional preset, as on the dev chain), with every
# node's PID and log: CPU and RSS are the four nodes' sum, each block's build time comes from
# the log of the authority that proposed it. Every node is stopped by PID at the end.
# The nodes' logs stay in $CIVIL_LOAD_KEEP if it names a directory.
set -euo pipefail
cd "$(dirname "$0")"

node="$(realpath "${1:?usage: zombienet/load.sh <node binary> [load.mjs options...]}")"
shift

../scripts/npm-install.sh

work=$(mktemp -d /tmp/civil-zombienet-load.XXXXXX)
cleanup() {
	local pids
	pids=$(pgrep -f -- "$work" || true)
	if [ -n "$pids" ]; then
		kill $pids 2> /dev/null || true
		sleep 2
		kill -9 $pids 2> /dev/null || true
	fi
	if [ -n "${CIVIL_LOAD_KEEP:-}" ]; then
		mkdir -p "$CIVIL_LOAD_KEEP"
		cp "$work"/net/*.log "$work/spawn.log" "$CIVIL_LOAD_KEEP"/ 2> /dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

"$node" build-spec --chain regional --raw --disable-default-bootnode > "$work/regional-raw.json" 2> /dev/null
export CIVIL_REGISTRY_NODE="$node"
export CIVIL_REGISTRY_SPEC="$work/regional-raw.json"
../node_modules/.bin/zombienet --provider native --logType text --dir "$work/net" --force spawn regional.toml > "$work/spawn.log" 2>&1 &

names=(alice bob charlie dave)
for _ in $(seq 1 180); do
	[ -f "$work/net/zombie.json" ] && grep -q "All relay chain nodes spawned" "$work/spawn.log" && break
	sleep 1
done
grep -q "All relay chain nodes spawned" "$work/spawn.log" || { echo "load: the network did not start" >&2; tail -40 "$work/spawn.log" >&2; exit 1; }
url=$(node -e '
	const z = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
	const alice = (z.relay?.nodes ?? z.relay).find((n) => n.name === "alice");
	console.log(alice.wsUri);' "$work/net/zombie.json")
pids=()
logs=()
for name in "${names[@]}"; do
	pids+=("$(pgrep -f -- "--chain $work/net/$name/cfg" | head -1)")
	logs+=("$work/net/$name.log")
done
# Finality among the four before the load starts (GRANDPA needs three of four).
for _ in $(seq 1 120); do
	grep -q "Finalized #[1-9]\|finalized #[1-9]" "$work/net/alice.log" && break
	sleep 1
done
echo "load: four authorities at $url (PIDs ${pids[*]})"
node ../scripts/load/load.mjs --url "$url" \
	--node-pid "$(IFS=,; echo "${pids[*]}")" --node-log "$(IFS=,; echo "${logs[*]}")" "$@"
