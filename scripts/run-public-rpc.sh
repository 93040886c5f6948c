#!/usr/bin/env bash
# The public gateway: a full node that is not an authority and serves the public only what the
# public may see (node/src/rpc/public.rs): headers and finality, the runtime version, certificate
# checks and archive proofs at the finalized block, the released statistics through the
# disclosure control, the heartbeat per region and the directory. Every other
# method — storage reads, runtime calls, block bodies, transactions — is not there. The node's
# own RPC, which has them all, listens on localhost only, for its operator. The settings and why
# each is chosen: docs/operators.md, "The public gateway".
#
#   scripts/run-public-rpc.sh <node binary> <chain spec> <base path> [more node arguments]
#
# e.g. scripts/run-public-rpc.sh target/release/civil-registry-node spec-raw.json /var/lib/civil \
#        --bootnodes /dns/tashkent.example/tcp/30333/p2p/12D3KooW...
# Each limit can be changed through the environment variable named beside it (the node refuses
# a flag given twice, so do not repeat these flags among the extra arguments).
set -euo pipefail
node="${1:?usage: run-public-rpc.sh <node binary> <chain spec> <base path> [node arguments]}"
chain="${2:?chain spec missing}"
base="${3:?base path missing}"
shift 3

args=(
	--chain "$chain" --base-path "$base" --name "${PUBLIC_RPC_NAME:-public-gateway}"
	# Never an authority: no --validator, no session keys in this node's keystore.
	# The public port: only the public methods, any web origin.
	--public-gateway "${PUBLIC_RPC_ADDRESS:-0.0.0.0}:${PUBLIC_RPC_PORT:-9944}"
	# The node's own RPC, every method, on localhost only (no --rpc-external): the operator's.
	--rpc-port "${LOCAL_RPC_PORT:-9945}"
	# The limits below hold on both servers.
	# Open connections at once (each WebSocket holds one; an HTTP request holds one while it
	# runs). Beyond it, new connections are refused until one closes.
	--rpc-max-connections "${PUBLIC_RPC_MAX_CONNECTIONS:-256}"
	# Calls per minute per connection; a call over the limit waits for its turn and, after ten
	# tries, fails with -32999 "RPC rate limit exceeded". Per connection only: a client can open
	# more, so limit per address at the reverse proxy in front (docs/operators.md).
	--rpc-rate-limit "${PUBLIC_RPC_RATE_LIMIT:-120}"
	# A batch of at most 8 calls: one request cannot carry hundreds of runtime calls.
	--rpc-max-batch-request-len "${PUBLIC_RPC_MAX_BATCH:-8}"
	# Requests and responses in MiB: a QR code's hash or a statistics query is far smaller.
	--rpc-max-request-size "${PUBLIC_RPC_MAX_REQUEST_MIB:-1}"
	--rpc-max-response-size "${PUBLIC_RPC_MAX_RESPONSE_MIB:-4}"
	--rpc-max-subscriptions-per-connection "${PUBLIC_RPC_MAX_SUBSCRIPTIONS:-16}"
	--rpc-message-buffer-capacity-per-connection "${PUBLIC_RPC_MESSAGE_BUFFER:-16}"
	# Transactions come from offices' own nodes: a small pool for what passes through.
	--pool-limit 512 --pool-kbytes 4096
	# The state of every finalized block: a restarted gateway computes the month's statistics
	# release at the first block of the release day, as every other gateway did.
	--state-pruning archive-canonical
)
exec "$node" "${args[@]}" "$@"
