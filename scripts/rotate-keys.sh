#!/usr/bin/env bash
# Rotates an authority's session keys, on the authority's node:
#   scripts/rotate-keys.sh <ws endpoint of the node, e.g. ws://127.0.0.1:9944> <authority.phrase>
# `author_rotateKeysWithOwner` makes the node generate new Aura and GRANDPA keys in its own
# keystore with a proof that they belong to the department's authority account; that account
# then signs `session.setKeys(keys, proof)`. The new keys take effect two sessions later. The
# RPC method is unsafe: run this against the node's local RPC port only.
set -euo pipefail
cd "$(dirname "$0")/.."
endpoint="${1:?usage: rotate-keys.sh <ws endpoint> <authority.phrase>}"
phrase="$(realpath "${2:?usage: rotate-keys.sh <ws endpoint> <authority.phrase>}")"
./scripts/npm-install.sh
node tests/e2e/scripts/rotate-keys.mjs "$endpoint" "$phrase"
