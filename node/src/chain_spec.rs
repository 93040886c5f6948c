//! Chain specifications of the built-in networks.
//!
//! Every network is a genesis preset of the runtime (`runtime/src/genesis_config_presets.rs`);
//! this module only names them, and adds the `permissionedNodes` extension. A real network's
//! spec is built from the departments' own keys by `civil-registry-node network spec`
//! (`departments.rs`) and distributed as a JSON file (`--chain <file.json>`). See
//! `docs/operators.md`.

use civil_registry_runtime::{genesis_config_presets, WASM_BINARY};
use sc_chain_spec::ChainSpecExtension;
use sc_service::ChainType;

/// What a chain spec of this node adds to the standard fields.
#[derive(Default, Clone, Debug, serde::Serialize, serde::Deserialize, ChainSpecExtension)]
#[serde(rename_all = "camelCase")]
pub struct Extensions {
	/// The nodes of the network, as `/ip4|dns/<host>/tcp/<port>/p2p/<peer id>`. When the list
	/// is not empty the network is permissioned: a node of this chain peers with these nodes
	/// only (reserved-only peering, every listed node connected to every other: a full mesh,
	/// no bootnode to lose) and refuses any other. Empty on the development and test chains.
	#[serde(default)]
	pub permissioned_nodes: Vec<String>,
}

/// The chain specification type of this node.
pub type ChainSpec = sc_service::GenericChainSpec<Extensions>;

/// The permissioned nodes of `spec`, parsed; empty if the chain is not permissioned.
pub fn permissioned_nodes(
	spec: &dyn sc_service::ChainSpec,
) -> Result<Vec<sc_network::config::MultiaddrWithPeerId>, String> {
	let Some(extensions) = sc_chain_spec::get_extension::<Extensions>(spec.extensions()) else {
		return Ok(Vec::new());
	};
	extensions
		.permissioned_nodes
		.iter()
		.map(|node| {
			node.parse().map_err(|e| {
				format!("permissionedNodes: {node:?} is not an address with /p2p/: {e}")
			})
		})
		.collect()
}

fn wasm() -> Result<&'static [u8], String> {
	WASM_BINARY.ok_or_else(|| {
		"The Wasm runtime is not available: the node was built with SKIP_WASM_BUILD. \
		 Rebuild without it (scripts/run-dev.sh does)."
			.to_string()
	})
}

/// The properties of every spec of this chain.
pub fn properties() -> sc_service::Properties {
	let mut properties = sc_service::Properties::new();
	// No token: the chain is feeless. The SS58 prefix 42 is the generic Substrate one.
	properties.insert("ss58Format".into(), 42.into());
	properties
}

/// A single-authority development chain (Alice), for `--dev`.
pub fn development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, Extensions::default())
		.with_name("Civil Registry Development")
		.with_id("civil_registry_dev")
		.with_chain_type(ChainType::Development)
		.with_properties(properties())
		.with_genesis_config_preset_name(sp_genesis_builder::DEV_RUNTIME_PRESET)
		.build())
}

/// A two-authority local network (Alice and Bob), for `--chain local`.
pub fn local_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, Extensions::default())
		.with_name("Civil Registry Local Testnet")
		.with_id("civil_registry_local")
		.with_chain_type(ChainType::Local)
		.with_properties(properties())
		.with_genesis_config_preset_name(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET)
		.build())
}

/// A four-authority regional test network, for `--chain regional`.
pub fn regional_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, Extensions::default())
		.with_name("Civil Registry Regional Testnet")
		.with_id("civil_registry_regional")
		.with_chain_type(ChainType::Live)
		.with_properties(properties())
		.with_genesis_config_preset_name(genesis_config_presets::REGIONAL_TESTNET_PRESET)
		.build())
}

/// The development chain with two-second slots, for `--chain dev-fast` (with `--dev`): the
/// polkadot.js suite runs on it, so that its waits for blocks take a third as long. The same
/// runtime and genesis as `--dev` otherwise.
pub fn fast_development_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, Extensions::default())
		.with_name("Civil Registry Development (2 s slots)")
		.with_id("civil_registry_dev_fast")
		.with_chain_type(ChainType::Development)
		.with_properties(properties())
		.with_genesis_config_preset_name(genesis_config_presets::DEV_FAST_PRESET)
		.build())
}

/// The four-authority regional test network with two-second slots, for
/// `--chain regional-fast`: the zombienet tests run on it. The same as `--chain regional`
/// otherwise.
pub fn fast_regional_chain_spec() -> Result<ChainSpec, String> {
	Ok(ChainSpec::builder(wasm()?, Extensions::default())
		.with_name("Civil Registry Regional Testnet (2 s slots)")
		.with_id("civil_registry_regional_fast")
		.with_chain_type(ChainType::Live)
		.with_properties(properties())
		.with_genesis_config_preset_name(genesis_config_presets::REGIONAL_FAST_PRESET)
		.build())
}
