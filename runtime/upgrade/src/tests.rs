//! The upgraded Wasm is the runtime's own Wasm with `spec_version` + 1 and nothing else changed
//! in its version: read from the Wasm's `runtime_version` section (what
//! `system.apply_authorized_upgrade` checks) and from executing `Core_version`.

// Test code: a test fails by panicking.
#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::panic,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects
)]

use codec::Decode;
use sc_executor_common::runtime_blob::RuntimeBlob;
use sp_version::RuntimeVersion;

/// The upgraded Wasm and the runtime's own; `None` with SKIP_WASM_BUILD (nothing built).
fn both() -> Option<(&'static [u8], &'static [u8])> {
	let pair = crate::WASM_BINARY.zip(civil_registry_runtime::WASM_BINARY);
	if pair.is_none() {
		eprintln!("no Wasm built (SKIP_WASM_BUILD); skipped");
	}
	pair
}

/// The version in the Wasm's custom sections. The APIs are sorted: the linker concatenates the
/// `runtime_apis` sections of the crates in an order of its own.
fn embedded(wasm: &[u8]) -> RuntimeVersion {
	let blob = RuntimeBlob::uncompress_if_needed(wasm).unwrap();
	let mut version = sc_executor::read_embedded_version(&blob)
		.unwrap()
		.expect("a runtime_version section");
	let mut apis = version.apis.to_vec();
	apis.sort();
	version.apis = apis.into();
	version
}

/// The result of calling `function` in the Wasm, SCALE-encoded.
fn call(wasm: &[u8], function: &str) -> Vec<u8> {
	let blob = RuntimeBlob::uncompress_if_needed(wasm).unwrap();
	let executor = sc_executor::WasmExecutor::<sp_io::SubstrateHostFunctions>::builder().build();
	let mut ext = sp_io::TestExternalities::default();
	let mut ext = ext.ext();
	executor.uncached_call(blob, &mut ext, false, function, &[]).unwrap()
}

fn executed(wasm: &[u8]) -> RuntimeVersion {
	RuntimeVersion::decode(&mut &call(wasm, "Core_version")[..]).unwrap()
}

fn one_later(version: RuntimeVersion) -> RuntimeVersion {
	RuntimeVersion { spec_version: version.spec_version + 1, ..version }
}

#[test]
fn the_version_section_is_the_runtime_one_version_later() {
	let Some((upgraded, current)) = both() else { return };
	let current = embedded(current);
	assert_eq!(current.spec_version, civil_registry_runtime::VERSION.spec_version);
	assert_eq!(embedded(upgraded), one_later(current));
}

#[test]
fn the_code_reports_the_same_version() {
	let Some((upgraded, current)) = both() else { return };
	let current = executed(current);
	assert_eq!(current.spec_version, civil_registry_runtime::VERSION.spec_version);
	assert_eq!(executed(upgraded), one_later(current));
}

/// Integrators decode a block's events with the metadata of the runtime after it: the events
/// of the block that installs the upgrade are decoded with the upgraded runtime's metadata
/// (polkadot.js does), so it must describe the same types with the same ids. The only
/// difference allowed is the value of `System.Version`, the runtime version itself.
#[test]
fn the_metadata_is_the_same_but_for_the_version() {
	let Some((upgraded, current)) = both() else { return };
	let metadata = |wasm| call(wasm, "Metadata_metadata");
	let (mut upgraded_metadata, current_metadata) = (metadata(upgraded), metadata(current));
	assert!(current_metadata.len() > 1000, "metadata of {} bytes", current_metadata.len());

	// `System.Version`, encoded as the Wasm encodes it, replaced by the current one.
	let (new, old) = (call(upgraded, "Core_version"), call(current, "Core_version"));
	assert_ne!(new, old);
	let at = upgraded_metadata
		.windows(new.len())
		.position(|w| w == &new[..])
		.expect("the System.Version constant in the upgraded metadata");
	upgraded_metadata.splice(at..at + new.len(), old);
	assert!(upgraded_metadata == current_metadata, "the metadata differ beyond System.Version");
}
