#!/usr/bin/env bash
# Generates a regional justice department's keys, on the department's own machine:
#
#   scripts/authority-keys.sh <node binary> <directory>
#
# writes into <directory> (created with mode 700; nothing is sent anywhere):
#   governance.phrase  the secret phrase of the department's governance account (sr25519):
#                      council votes and session-key rotations are signed with it. Keep it
#                      offline; the node never needs it.
#   session.phrase     the secret phrase of the node's session keys: Aura (sr25519) and GRANDPA
#                      (ed25519) are derived from it. It goes into the node's keystore only.
#   node-key           the node's network key (its peer id is its identity on the network).
#   public.json        what the department hands to whoever builds the chain spec:
#                      {"governance": <ss58>, "aura": <ss58>, "grandpa": <ss58>, "peerId": <id>}
set -euo pipefail

node="${1:?usage: authority-keys.sh <node binary> <directory>}"
dir="${2:?usage: authority-keys.sh <node binary> <directory>}"

if [ -e "$dir/governance.phrase" ] || [ -e "$dir/session.phrase" ] || [ -e "$dir/node-key" ]; then
	echo "authority-keys: $dir already holds keys; refusing to overwrite them" >&2
	exit 1
fi
mkdir -p "$dir"
chmod 700 "$dir"
umask 077

json() { python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }

"$node" key generate --scheme sr25519 --output-type json | json secretPhrase > "$dir/governance.phrase"
"$node" key generate --scheme sr25519 --output-type json | json secretPhrase > "$dir/session.phrase"
"$node" key generate-node-key --file "$dir/node-key" 2> /dev/null

# The phrase files' paths, not the phrases, are on the command line: `key inspect` reads a
# secret from a file it is given.
inspect() { "$node" key inspect --scheme "$1" --output-type json "$2" | json ss58Address; }
governance=$(inspect sr25519 "$dir/governance.phrase")
aura=$(inspect sr25519 "$dir/session.phrase")
grandpa=$(inspect ed25519 "$dir/session.phrase")
peer_id=$("$node" key inspect-node-key --file "$dir/node-key")

python3 - "$dir/public.json" "$governance" "$aura" "$grandpa" "$peer_id" <<'PY'
import json, sys
path, governance, aura, grandpa, peer_id = sys.argv[1:]
with open(path, "w") as f:
    json.dump({"governance": governance, "aura": aura, "grandpa": grandpa, "peerId": peer_id}, f, indent=2)
    f.write("\n")
PY
chmod 644 "$dir/public.json"
echo "authority-keys: keys in $dir; hand over $dir/public.json only"
