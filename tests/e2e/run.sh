#!/usr/bin/env bash
# The polkadot.js suite against a fresh development node: tests/e2e/run.sh <node binary>.
# A thin entry point: the npm packages are the root workspace's, installed once (`npm ci` at
# the repository root, skipped when node_modules is its lockfile's install already), and
# run.mjs starts the node and runs the suite.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
"$root/scripts/npm-install.sh"
exec node "$root/tests/e2e/run.mjs" "$@"
