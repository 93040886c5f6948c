#!/usr/bin/env bash
# Fails if the dependency graph holds two versions of any sp-*, sc-* or frame-*
# crate (a polkadot-sdk crate from another release slipped in: every one must be
# its stable2609 version, see Cargo.toml), or if RocksDB is in the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

# `cargo tree -d --depth 0` lists every crate that is present more than once:
# in more than one version, or in one version built with different features for
# the host and the target (resolver 2), which is harmless. Keep the names that
# come with two or more distinct versions.
dups=$(cargo tree --locked -d --workspace --target all -e normal,build,dev --depth 0 |
	grep -E '^(sp|sc|frame)-[a-z0-9-]+ v' | awk '{print $1, $2}' | sort -u |
	awk '{print $1}' | uniq -d || true)
if [ -n "$dups" ]; then
	echo "check-duplicates: these polkadot-sdk crates are present in more than one version:" >&2
	echo "$dups" >&2
	echo "check-duplicates: pin every polkadot-sdk crate to its stable2609 version" >&2
	exit 1
fi
if grep -qE '^name = "(librocksdb-sys|rocksdb|kvdb-rocksdb)"' Cargo.lock; then
	echo "check-duplicates: RocksDB is in Cargo.lock; nodes use ParityDB only" >&2
	exit 1
fi
echo "check-duplicates: one version of every sp-*, sc-*, frame-* crate; no RocksDB"
