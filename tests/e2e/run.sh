#!/usr/bin/env bash
# Runs the polkadot.js suite against a fresh development node:
#   tests/e2e/run.sh <path to civil-registry-node>
# Installs the suite's packages from package-lock.json (npm ci), starts the node on a
# temporary chain with free ports, waits for its RPC, runs `npm test`, and stops the node.
# The node's log is kept in tests/e2e/node.log for a failed run.
set -euo pipefail
cd "$(dirname "$0")"
binary="$(realpath "${1:?usage: run.sh <path to civil-registry-node>}")"

npm ci --no-audit --no-fund --loglevel=error
# 10-archive builds Merkle trees with scripts/load/archive-tree.mjs, which has its own packages.
(cd ../../scripts/load && npm ci --no-audit --no-fund --loglevel=error)
# 11-explorers runs the block explorer API people run, @substrate/api-sidecar, from its lockfile.
(cd ../sidecar && npm ci --no-audit --no-fund --loglevel=error)
# 12-portal renders a certificate's QR code with scripts/qr, which has its own packages.
(cd ../../scripts/qr && npm ci --no-audit --no-fund --loglevel=error)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
rpc_port="$(free_port)"
p2p_port="$(free_port)"

"$binary" --dev --tmp --rpc-port "$rpc_port" --listen-addr "/ip4/127.0.0.1/tcp/$p2p_port" \
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
CIVIL_WS="ws://127.0.0.1:$rpc_port" CIVIL_NODE="$binary" npm test
