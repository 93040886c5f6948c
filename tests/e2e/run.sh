#!/usr/bin/env bash
# Runs the polkadot.js suite against a fresh development node:
#   tests/e2e/run.sh <path to civil-registry-node>
# Installs the suite's packages from package-lock.json (npm ci), starts the node on a
# temporary chain with free ports, waits for its RPC, runs `npm test`, and stops the node.
# The chain is `--dev` with two-second slots (`--chain dev-fast`: the same genesis and runtime,
# a third of the wait for each block); CIVIL_CHAIN=dev runs the suite on six-second slots.
# The node's log is kept in tests/e2e/node.log for a failed run.
set -euo pipefail
cd "$(dirname "$0")"
binary="$(realpath "${1:?usage: run.sh <path to civil-registry-node>}")"

# Each npm project is installed from its lockfile (npm ci) unless its node_modules is already
# that lockfile's install: `npm ci` removes node_modules first, and zombienet's steps may be
# using this suite's packages at the same time (scripts/test.sh runs them side by side).
install() {
	if [ "$1/node_modules/.package-lock.json" -nt "$1/package-lock.json" ]; then return; fi
	(cd "$1" && npm ci --no-audit --no-fund --loglevel=error)
}
install .
# 10-archive builds Merkle trees with scripts/load/archive-tree.mjs, which has its own packages.
install ../../scripts/load
# 11-explorers runs the block explorer API people run, @substrate/api-sidecar, from its lockfile.
install ../sidecar
# 12-portal renders a certificate's QR code with scripts/qr, which has its own packages.
install ../../scripts/qr

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
rpc_port="$(free_port)"
p2p_port="$(free_port)"
office_port="$(free_port)"
feed_port="$(free_port)"

chain="${CIVIL_CHAIN:-dev-fast}"
# The office read API too (test 13), its access log anchored every 3 s instead of daily; and the
# public projection's feed (test 14), with the state of every block, so that a projection can
# start from the genesis at any time.
"$binary" --dev --chain "$chain" --tmp --rpc-port "$rpc_port" --listen-addr "/ip4/127.0.0.1/tcp/$p2p_port" \
	--office-api "127.0.0.1:$office_port" --access-log-anchor-period 3 \
	--projection-feed "127.0.0.1:$feed_port" --state-pruning archive-canonical \
	--no-prometheus --no-telemetry >node.log 2>&1 &
node_pid=$!
trap 'kill "$node_pid" 2>/dev/null || true; wait "$node_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
	if (exec 3<>"/dev/tcp/127.0.0.1/$rpc_port") 2>/dev/null; then break; fi
	if ! kill -0 "$node_pid" 2>/dev/null; then
		echo "e2e: the node exited; its log:" >&2
		cat node.log >&2
		exit 1
	fi
	sleep 0.5
done

echo "e2e: node up on ws://127.0.0.1:$rpc_port"
CIVIL_WS="ws://127.0.0.1:$rpc_port" CIVIL_OFFICE="http://127.0.0.1:$office_port" CIVIL_NODE="$binary" \
	CIVIL_FEED="http://127.0.0.1:$feed_port" \
	CIVIL_CHAIN="$chain" npm test
# After every file has run its acts: a projection of the whole chain, built from the genesis,
# looked through for anything personal (issue #28).
echo "e2e: after the suite"
CIVIL_WS="ws://127.0.0.1:$rpc_port" CIVIL_NODE="$binary" CIVIL_FEED="http://127.0.0.1:$feed_port" \
	CIVIL_CHAIN="$chain" node --test after/
