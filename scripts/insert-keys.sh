#!/usr/bin/env bash
# Puts a department's session keys into its node's keystore:
#
#   scripts/insert-keys.sh <node binary> <chain spec> <base path> <session.phrase file>
#
# Aura (sr25519, key type `aura`) and GRANDPA (ed25519, key type `gran`), both from the
# session phrase that `civil-registry-node network keys` wrote. Run it on the node's machine,
# before the node's first start. The file's path is what the node is given (`--suri <file>` reads the
# phrase from it), so the phrase never appears on a command line others could list.
set -euo pipefail

node="${1:?usage: insert-keys.sh <node binary> <chain spec> <base path> <session.phrase>}"
chain="${2:?usage: insert-keys.sh <node binary> <chain spec> <base path> <session.phrase>}"
base="${3:?usage: insert-keys.sh <node binary> <chain spec> <base path> <session.phrase>}"
phrase_file="${4:?usage: insert-keys.sh <node binary> <chain spec> <base path> <session.phrase>}"

[ -f "$phrase_file" ] || { echo "insert-keys: no file $phrase_file" >&2; exit 1; }
for pair in "sr25519 aura" "ed25519 gran"; do
	set -- $pair
	"$node" key insert --chain "$chain" --base-path "$base" --scheme "$1" --key-type "$2" \
		--suri "$phrase_file"
done
echo "insert-keys: aura and gran keys in $base"
