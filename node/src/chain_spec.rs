//! Chain specifications of the built-in networks.
//!
//! Every network is a genesis preset of the runtime (`runtime/src/genesis_config_presets.rs`);
//! this module only names them. A real deployment exports one of them with `build-spec`,
//! replaces the well-known development keys with the authorities' own, and distributes the
//! resulting JSON file (`--chain <file.json>`). See `docs/operators.md`.

use civil_registry_runtime::{genesis_config_presets, WASM_BINARY};
use sc_service::ChainType;

/// The chain specification type of this node: no extensions.
pub type ChainSpec = sc_service::GenericChainSpec;

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The Wasm runtime is not available: the node was built with SKIP_WASM_BUILD. \
		 Rebuild without it (scripts/run-dev.sh does)."
			.to_string()
	})
}

fn properties() -> sc_service::Properties {
	let mut properties = sc_service::Properties::new();
	// No token: the chain is feeless. The SS58 prefix 42 is the generic Substrate one.
	properties.insert("ss58Format".into(), 42.into());
	properties
}

/// A single-authority development chain (Alice), for `--dev`.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Civil Registry Development")
		.with_id("civil_registry_dev")
		.with_chain_type(ChainType::Development)
		.with_properties(properties())
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.build())
}

/// A two-authority local network (Alice and Bob), for `--chain local`.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Civil Registry Local Testnet")
		.with_id("civil_registry_local")
		.with_chain_type(ChainType::Local)
		.with_properties(properties())
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.build())
}

/// A four-authority regional test network, for `--chain regional`.
pub fn regional_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, None)
		.with_name("Civil Registry Regional Testnet")
		.with_id("civil_registry_regional")
		.with_chain_type(ChainType::Live)
		.with_properties(properties())
		.with_genesis_config_preset_name(genesis_config_presets::REGIONAL_TESTNET_PRESET)
		.build())
}
