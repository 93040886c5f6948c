#!/usr/bin/env bash
# Generates a regional justice department's keys, on the department's own machine:
#
#   scripts/authority-keys.sh <node binary> <directory>
#
# writes into <directory> (created with mode 700; nothing is sent anywhere) one secret per
# role, so that no phrase holds two (docs/operators.md, *Which key lives where*):
#   governance.phrase  the department's council account (sr25519): motions and votes. Kept
#                      offline (an HSM or an air-gapped machine); used a few times a year.
#   authority.phrase   the department's authority account (sr25519): signs its node's session
#                      keys (`session.setKeys`, scripts/rotate-keys.sh). Kept on the operators'
#                      workstation, not on the node; used when keys rotate.
#   head.phrase        the regional head's account (sr25519): the department's daily work in
#                      the registry (approvals, appointments, reviews). Online, in the office
#                      system of the department's head.
#   session.phrase     the node's session keys: Aura (sr25519) and GRANDPA (ed25519) are
#                      derived from it. It goes into the node's keystore only.
#   node-key           the node's network key (its peer id is its identity on the network).
#   public.json        what the department hands to whoever builds the chain spec:
#                      {"governance", "authority", "head": <ss58>, "aura", "grandpa": <ss58>,
#                       "peerId": <id>}
set -euo pipefail

node="${1:?usage: authority-keys.sh <node binary> <directory>}"
dir="${2:?usage: authority-keys.sh <node binary> <directory>}"

if [ -e "$dir/governance.phrase" ] || [ -e "$dir/authority.phrase" ] || [ -e "$dir/head.phrase" ] \
	|| [ -e "$dir/session.phrase" ] || [ -e "$dir/node-key" ]; then
	echo "authority-keys: $dir already holds keys; refusing to overwrite them" >&2
	exit 1
fi
mkdir -p "$dir"
chmod 700 "$dir"
umask 077

json() { python3 -c "import json,sys; print(json.load(sys.stdin)[sys.argv[1]])" "$1"; }

for role in governance authority head session; do
	"$node" key generate --scheme sr25519 --output-type json | json secretPhrase > "$dir/$role.phrase"
done
"$node" key generate-node-key --file "$dir/node-key" 2> /dev/null

# The phrase files' paths, not the phrases, are on the command line: `key inspect` reads a
# secret from a file it is given.
inspect() { "$node" key inspect --scheme "$1" --output-type json "$2" | json ss58Address; }
governance=$(inspect sr25519 "$dir/governance.phrase")
authority=$(inspect sr25519 "$dir/authority.phrase")
head=$(inspect sr25519 "$dir/head.phrase")
aura=$(inspect sr25519 "$dir/session.phrase")
grandpa=$(inspect ed25519 "$dir/session.phrase")
peer_id=$("$node" key inspect-node-key --file "$dir/node-key")

python3 - "$dir/public.json" "$governance" "$authority" "$head" "$aura" "$grandpa" "$peer_id" <<'PY'
import json, sys
path, governance, authority, head, aura, grandpa, peer_id = sys.argv[1:]
with open(path, "w") as f:
    json.dump({"governance": governance, "authority": authority, "head": head, "aura": aura,
               "grandpa": grandpa, "peerId": peer_id}, f, indent=2)
    f.write("\n")
PY
chmod 644 "$dir/public.json"
echo "authority-keys: keys in $dir; hand over $dir/public.json only"
