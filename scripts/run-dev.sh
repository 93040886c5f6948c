#!/usr/bin/env bash
# The main job: build the node (with its Wasm runtime) and start a development
# chain: one authority (Alice), blocks every 6 s, finalized by GRANDPA, state
# in a temporary ParityDB that is deleted when the node stops (Ctrl-C).
# Tools on this machine (polkadot.js in Node, curl, the tests) connect at
# ws://127.0.0.1:9944.
# Browser pages may call the node from the origins in CIVIL_RPC_CORS only (by default
# the portal served by portal/serve.mjs on this machine): `--dev` alone would allow
# every origin, and a development node has unsafe RPC methods (author_insertKey, ...)
# on localhost. To use the hosted polkadot.js apps, say so:
# CIVIL_RPC_CORS=https://polkadot.js.org scripts/run-dev.sh
# Extra arguments go to the node, e.g. `scripts/run-dev.sh --rpc-port 9955`.
set -euo pipefail
cd "$(dirname "$0")/.."

./scripts/setup.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
echo "run-dev: building the node in release mode (the first build takes 15–25 min on 2 cores)"
cargo build --locked --release -p civil-registry-node
echo "run-dev: starting a development node; RPC at ws://127.0.0.1:9944; Ctrl-C stops it"
exec "$CARGO_TARGET_DIR/release/civil-registry-node" --dev --tmp \
	--rpc-cors "${CIVIL_RPC_CORS:-http://127.0.0.1:8080,http://localhost:8080}" "$@"
