//! The node binary's command line, run as an operator runs it. Being an integration test, this
//! also makes `cargo test` build the binary itself in the same invocation (and with the same
//! features) as every other test, so the test command compiles the dependency tree once; the
//! smoke tests and the polkadot.js suite then start that binary.

// Test code: a test fails by panicking (and overflow in test arithmetic would be a bug of the
// test itself), so the panic-free lints that guard runtime code do not apply here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

use std::process::{Command, Output};

fn node(args: &[&str]) -> Output {
	let output = Command::new(env!("CARGO_BIN_EXE_civil-registry-node")).args(args).output();
	match output {
		Ok(output) => output,
		Err(e) => panic!("could not start the node binary: {e}"),
	}
}

fn text(bytes: &[u8]) -> String {
	String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn version_names_the_node() {
	let out = node(&["--version"]);
	assert!(out.status.success(), "{}", text(&out.stderr));
	assert!(text(&out.stdout).starts_with("civil-registry-node "), "{}", text(&out.stdout));
}

/// `0x` and the lower-case hex of `bytes`.
fn hex(bytes: &[u8]) -> String {
	bytes.iter().fold(String::from("0x"), |mut out, b| {
		out.push_str(&format!("{b:02x}"));
		out
	})
}

#[test]
fn every_built_in_chain_exports_a_spec_with_the_runtime() {
	// The slot duration of each chain, in its genesis state (`Authorities::SlotDuration`):
	// production's six seconds, and two on the test command's `*-fast` chains.
	let slot_key = hex(&frame_support::storage::storage_prefix(b"Authorities", b"SlotDuration"));
	for (chain, id, slot_ms) in [
		("dev", "civil_registry_dev", 6000u64),
		("local", "civil_registry_local", 6000),
		("regional", "civil_registry_regional", 6000),
		("dev-fast", "civil_registry_dev_fast", 2000),
		("regional-fast", "civil_registry_regional_fast", 2000),
	] {
		let out = node(&["build-spec", "--chain", chain, "--raw", "--disable-default-bootnode"]);
		assert!(out.status.success(), "{chain}: {}", text(&out.stderr));
		let spec: serde_json::Value = match serde_json::from_slice(&out.stdout) {
			Ok(spec) => spec,
			Err(e) => panic!("{chain}: the spec is not JSON: {e}"),
		};
		assert_eq!(spec["id"], id, "{chain}");
		// The runtime's code is in the raw genesis state under the well-known key `:code`.
		let code = spec["genesis"]["raw"]["top"]["0x3a636f6465"].as_str().unwrap_or_default();
		assert!(code.len() > 100_000, "{chain}: no runtime code in the genesis state");
		let slot = spec["genesis"]["raw"]["top"][&slot_key].as_str().unwrap_or_default();
		assert_eq!(slot, hex(&slot_ms.to_le_bytes()), "{chain}: the slot duration");
	}
}

#[test]
fn a_missing_chain_spec_file_is_a_clear_error() {
	let out = node(&["build-spec", "--chain", "/nonexistent/spec.json"]);
	assert!(!out.status.success());
	let stderr = text(&out.stderr);
	assert!(stderr.contains("/nonexistent/spec.json"), "{stderr}");
	assert!(!stderr.contains("panicked"), "{stderr}");
}
