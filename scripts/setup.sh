#!/usr/bin/env bash
# Installs what building the chain needs on a fresh Debian/Ubuntu machine:
# protoc (for the networking crates), a C toolchain, and the Rust toolchain of
# rust-toolchain.toml (with the wasm32v1-none target and rust-src).
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v protoc >/dev/null 2>&1 || need_apt+=(protobuf-compiler)
command -v cc >/dev/null 2>&1 || need_apt+=(build-essential)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
command -v git >/dev/null 2>&1 || need_apt+=(git)
# Node.js and npm run every test harness (tests/harness) and the polkadot.js suite (tests/e2e).
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
# Debian's Chromium runs the portal's browser test (tests/e2e/test/12-portal.test.mjs), driven by
# puppeteer-core.
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)

if [ ${#need_apt[@]} -gt 0 ]; then
	echo "setup: installing system packages: ${need_apt[*]}"
	sudo_cmd=""
	if [ "$(id -u)" -ne 0 ]; then
		command -v sudo >/dev/null 2>&1 || {
			echo "setup: need root (or sudo) to install ${need_apt[*]}" >&2
			exit 1
		}
		sudo_cmd="sudo"
	fi
	$sudo_cmd apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need_apt[@]}"
fi

node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
	echo "setup: the polkadot.js suite needs Node.js 20 or newer (found: $(node --version 2>/dev/null || echo none))" >&2
	exit 1
fi

if ! command -v rustup >/dev/null 2>&1; then
	echo "setup: rustup is missing; install it from rustup.rs, then run this again" >&2
	exit 1
fi
# rust-toolchain.toml names the toolchain, its components and targets; `rustup show`
# (or any cargo call) installs them when missing. Say so explicitly for older rustups.
echo "setup: Rust toolchain $(grep '^channel' rust-toolchain.toml | cut -d'"' -f2) with wasm32v1-none and rust-src"
rustup show active-toolchain >/dev/null 2>&1 || rustup toolchain install
toolchain=$(grep '^channel' rust-toolchain.toml | cut -d'"' -f2)
rustup target list --installed --toolchain "$toolchain" | grep -qx wasm32v1-none ||
	rustup target add wasm32v1-none --toolchain "$toolchain"
rustup component list --installed --toolchain "$toolchain" | grep -q '^rust-src' ||
	rustup component add rust-src --toolchain "$toolchain"
for c in clippy rustfmt; do
	rustup component list --installed --toolchain "$toolchain" | grep -q "^$c" ||
		rustup component add "$c" --toolchain "$toolchain"
done
echo "setup: done"
