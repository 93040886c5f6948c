#!/usr/bin/env bash
# Runtime code must not panic on anything a caller controls. Clippy denies
# unwrap, expect, panic, indexing and unchecked arithmetic in the workspace, but
# FRAME's pallet macros expand to `expect`, so the pallet modules allow that one
# lint; this check makes sure that our own code still has no `.expect(`.
set -euo pipefail
cd "$(dirname "$0")/.."

found=$(grep -rn --include='*.rs' '\.expect(' pallets/*/src primitives/src runtime/src |
	grep -vE '/(tests|mock|benchmarking)(\.rs|/)' || true)
if [ -n "$found" ]; then
	echo "check-runtime-code: .expect( in runtime code (return a typed error instead):" >&2
	echo "$found" >&2
	exit 1
fi
echo "check-runtime-code: no .expect( in pallets, primitives or runtime"
