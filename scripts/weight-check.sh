#!/usr/bin/env bash
# Does a full block of enrollments execute in 70–100 % of its weight, on a state of the
# roll-out's size?
#   scripts/weight-check.sh <node built with --features runtime-benchmarks> [STATE_PERSONS] [IMPORT_PERSONS]
#
# 1. A development chain whose genesis holds STATE_PERSONS persons (default 1,000,000) and a
#    tenth as many certificates (tests/e2e/scripts/measure-certificates.mjs --build-only).
# 2. A node on it (Alice authors), and the load generator imports IMPORT_PERSONS more
#    (default 200,000) through the archive path, 32 officers: full blocks.
# 3. The node stopped, `benchmark block` executes each block of the import again, three times,
#    without the trie cache (every read from the database, as the weights assume), and prints
#    the share of its declared weight that it took.
# Run it with nothing else on the machine. The work directory is removed at the end unless
# WEIGHT_CHECK_KEEP names one to use.
set -euo pipefail
cd "$(dirname "$0")/.."

node="$(realpath "${1:?usage: scripts/weight-check.sh <benchmark node> [state persons] [import persons]}")"
state="${2:-1000000}"
import="${3:-200000}"
"$node" benchmark block --help > /dev/null 2>&1 || {
	echo "weight-check: $node has no benchmark command (build it with --features runtime-benchmarks)" >&2
	exit 1
}
./scripts/npm-install.sh

dir="${WEIGHT_CHECK_KEEP:-$(mktemp -d)}"
mkdir -p "$dir"
cleanup() {
	[ -n "${WEIGHT_CHECK_KEEP:-}" ] || rm -rf "$dir"
}
trap cleanup EXIT

node tests/e2e/scripts/measure-certificates.mjs "$node" --keep "$dir" --build-only \
	--persons "$state" --certificates "$((state / 10))"
# load.mjs starts the node (tests/harness) on the spec, its database kept for the benchmark.
node scripts/load/load.mjs --node "$node" --chain "$dir/certificates-spec.json" --base-path "$dir/chain" \
	--no-baseline --no-state --signers 32 --backlog 2 --persons "$import" --json "$dir/load.json"
read -r from to < <(node -e '
	const blocks = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).runs[0].acts.blockList;
	console.log(blocks[0].number, blocks[blocks.length - 1].number);' "$dir/load.json")
"$node" benchmark block --chain "$dir/certificates-spec.json" --base-path "$dir/chain" \
	--database paritydb --from "$from" --to "$to" --repeat 3 2>&1 | grep -o "Block .*" | tee "$dir/blocks.txt"
# The full blocks (transactions beyond the inherent, over 60 % of the block's weight declared;
# a session's last block declares the whole block for the rotation and holds no transaction):
# their shares.
node -e '
	const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n");
	const shares = [];
	for (const l of lines) {
		const m = /with\s+(\d+) tx used\s+([\d.]+)% of its weight \(\s*([\d,]+) of\s+([\d,]+) ns\)/.exec(l);
		if (!m) continue;
		const declared = Number(m[4].replace(/,/g, ""));
		if (Number(m[1]) > 1 && declared > 0.6 * 2e9) shares.push(Number(m[2]));
	}
	if (shares.length === 0) { console.error("weight-check: no full block"); process.exit(1); }
	shares.sort((a, b) => a - b);
	const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
	console.log(`weight-check: ${shares.length} full blocks executed in ${shares[0].toFixed(1)}–${shares[shares.length - 1].toFixed(1)} % of their weight (mean ${mean.toFixed(1)} %, median ${shares[Math.floor(shares.length / 2)].toFixed(1)} %)`);' "$dir/blocks.txt"
