#!/usr/bin/env bash
# Installs the repository's npm packages (one workspace, one package-lock.json at the root)
# with `npm ci`, unless node_modules is already that lockfile's install (npm writes
# node_modules/.package-lock.json): `npm ci` removes node_modules first, and a test may be
# using it at that moment.
set -euo pipefail
cd "$(dirname "$0")/.."
[ node_modules/.package-lock.json -nt package-lock.json ] ||
	npm ci --no-audit --no-fund --loglevel=error
