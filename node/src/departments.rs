//! A real network, made from its departments' keys: `civil-registry-node network keys` and
//! `civil-registry-node network spec` (docs/operators.md, *A network of your own*).
//!
//! - `network keys <dir>`, on a department's own machine: one secret per role (governance,
//!   authority, head, the node's session keys) and the node's network key, each in its own file
//!   readable by the owner only, and `public.json` with the public half of each. Nothing is sent
//!   anywhere.
//! - `network spec <network.json> <output>`, by whoever assembles the network: the raw chain
//!   spec, from the network file and the departments' `public.json` files. The genesis is the
//!   runtime's own preset for a real network (`genesis_config_presets::network_genesis`), given
//!   typed keys; this module reads and checks the files, and refuses a spec in which one account
//!   holds two roles, two departments share a key or a region, a development key appears, or a
//!   sudo key is set.

use crate::chain_spec::{self, ChainSpec, Extensions};
use civil_registry_primitives::Date;
use civil_registry_runtime::{
	genesis_config_presets::{self as presets, Department, Network},
	AccountId, SessionKeys,
};
use sc_network::config::{ed25519, MultiaddrWithPeerId};
use sc_service::ChainType;
use serde::{Deserialize, Serialize};
use sp_core::{
	crypto::{Ss58AddressFormat, Ss58Codec},
	ed25519 as ed, sr25519, Pair,
};
use std::{
	collections::BTreeMap,
	fs,
	io::Write,
	os::unix::fs::{DirBuilderExt, OpenOptionsExt},
	path::{Path, PathBuf},
};

/// `civil-registry-node network ...`: a real network's keys and chain spec.
#[derive(Debug, clap::Subcommand)]
pub enum NetworkCmd {
	/// Generate a department's keys into a new directory (mode 700): `governance.phrase`,
	/// `authority.phrase`, `head.phrase`, `session.phrase`, `node-key` (each mode 600) and
	/// `public.json`, the only file that leaves the machine.
	Keys {
		/// The directory; refused if it already holds any of the files.
		dir: PathBuf,
	},
	/// Build a real network's raw chain spec from its network file (docs/operators.md).
	Spec {
		/// The network file: name, id, goLive, departments with their `public.json`.
		network: PathBuf,
		/// Where to write the raw chain spec.
		output: PathBuf,
	},
}

impl NetworkCmd {
	/// Run the subcommand; every failure is a message naming the file or field at fault.
	pub fn run(&self) -> Result<(), String> {
		match self {
			NetworkCmd::Keys { dir } => {
				generate_keys(dir)?;
				println!(
					"network keys: keys in {}; hand over {} only",
					dir.display(),
					dir.join(PUBLIC_FILE).display()
				);
				Ok(())
			},
			NetworkCmd::Spec { network, output } => {
				let (raw, departments) = build_spec(network)?;
				fs::write(output, raw)
					.map_err(|e| format!("network spec: {}: {e}", output.display()))?;
				println!(
					"network spec: {}: {departments} departments, one key per role, no sudo key, \
					 no development key",
					output.display()
				);
				Ok(())
			},
		}
	}
}

/// The secret files of a department, one per role.
const SECRET_FILES: [&str; 5] =
	["governance.phrase", "authority.phrase", "head.phrase", "session.phrase", "node-key"];
/// The file a department hands over.
const PUBLIC_FILE: &str = "public.json";

/// What a department hands to whoever builds the chain spec: the public half of each key.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublicKeys {
	/// The council account (SS58).
	pub governance: String,
	/// The authority account (SS58).
	pub authority: String,
	/// The head's account (SS58).
	pub head: String,
	/// The node's Aura key (sr25519, SS58).
	pub aura: String,
	/// The node's GRANDPA key (ed25519, SS58).
	pub grandpa: String,
	/// The node's peer id.
	pub peer_id: String,
}

/// Lower-case hex, without `0x`.
fn hex(bytes: &[u8]) -> String {
	sp_core::hexdisplay::HexDisplay::from(&bytes).to_string()
}

fn ss58(public: impl Ss58Codec) -> String {
	public.to_ss58check_with_version(Ss58AddressFormat::custom(42))
}

/// Writes `contents` to a new file `path` of mode 600; an existing file is an error.
fn write_secret(path: &Path, contents: &[u8]) -> Result<(), String> {
	let mut file = fs::OpenOptions::new()
		.write(true)
		.create_new(true)
		.mode(0o600)
		.open(path)
		.map_err(|e| format!("network keys: {}: {e}", path.display()))?;
	file.write_all(contents)
		.map_err(|e| format!("network keys: {}: {e}", path.display()))
}

/// Generates a department's keys into `dir` (see [`NetworkCmd::Keys`]). On a failure part way
/// (a full disk, say) the files it wrote are removed again, so that no half set of keys is left
/// for a second run to refuse or, worse, for a department to hand over.
fn generate_keys(dir: &Path) -> Result<(), String> {
	if let Some(existing) = SECRET_FILES.iter().chain([&PUBLIC_FILE]).find(|f| dir.join(f).exists())
	{
		return Err(format!(
			"network keys: {} already holds keys ({existing}); refusing to overwrite them",
			dir.display()
		));
	}
	// None of the files existed: whatever is there after a failure, this run wrote.
	let result = write_keys(dir);
	if result.is_err() {
		for file in SECRET_FILES.iter().chain([&PUBLIC_FILE]) {
			let _ = fs::remove_file(dir.join(file));
		}
	}
	result
}

/// The writing part of [`generate_keys`], into a directory that holds none of the files.
fn write_keys(dir: &Path) -> Result<(), String> {
	fs::DirBuilder::new()
		.recursive(true)
		.mode(0o700)
		.create(dir)
		.map_err(|e| format!("network keys: {}: {e}", dir.display()))?;
	let phrase = |role: &str| -> Result<String, String> {
		let (_, phrase, _) = sr25519::Pair::generate_with_phrase(None);
		write_secret(&dir.join(format!("{role}.phrase")), format!("{phrase}\n").as_bytes())?;
		Ok(phrase)
	};
	let account = |phrase: &str| -> Result<String, String> {
		let pair = sr25519::Pair::from_phrase(phrase, None).map_err(|e| format!("{e:?}"))?.0;
		Ok(ss58(pair.public()))
	};
	let governance = account(&phrase("governance")?)?;
	let authority = account(&phrase("authority")?)?;
	let head = account(&phrase("head")?)?;
	// The node's session keys: Aura (sr25519) and GRANDPA (ed25519) from one phrase, as
	// `key insert --suri <session.phrase>` derives them (scripts/insert-keys.sh).
	let session = phrase("session")?;
	let aura = sr25519::Pair::from_phrase(&session, None).map_err(|e| format!("{e:?}"))?.0;
	let grandpa = ed::Pair::from_phrase(&session, None).map_err(|e| format!("{e:?}"))?.0;
	// The network key, as `key generate-node-key` writes it: the secret in hex.
	let node_key = ed25519::Keypair::generate();
	let secret = node_key.secret();
	write_secret(&dir.join("node-key"), hex(secret.as_ref()).as_bytes())?;
	let public = PublicKeys {
		governance,
		authority,
		head,
		aura: ss58(aura.public()),
		grandpa: ss58(grandpa.public()),
		peer_id: node_key.public().to_peer_id().to_string(),
	};
	let text = serde_json::to_string_pretty(&public).map_err(|e| e.to_string())? + "\n";
	fs::write(dir.join(PUBLIC_FILE), text)
		.map_err(|e| format!("network keys: {}: {e}", dir.join(PUBLIC_FILE).display()))
}

/// The network file (docs/operators.md).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct NetworkFile {
	name: String,
	id: String,
	#[serde(default = "default_session_length")]
	session_length: u32,
	#[serde(default = "default_appointment_delay")]
	appointment_delay: u32,
	go_live: String,
	departments: Vec<DepartmentEntry>,
}

/// An hour of six-second blocks.
fn default_session_length() -> u32 {
	600
}

/// A day of six-second blocks.
fn default_appointment_delay() -> u32 {
	14_400
}

/// A department in the network file.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct DepartmentEntry {
	region: String,
	name: String,
	/// Its `public.json`, relative to the network file.
	keys: PathBuf,
	/// Its node's address, without `/p2p/`: `/ip4|dns/<host>/tcp/<port>`.
	address: String,
	/// Another account for its head than `public.json`'s.
	#[serde(default)]
	head: Option<String>,
}

fn account(ss58: &str, what: &str) -> Result<AccountId, String> {
	AccountId::from_ss58check(ss58)
		.map_err(|e| format!("{what}: {ss58:?} is not an account: {e:?}"))
}

/// Parses `YYYY-MM-DD`.
fn date(text: &str) -> Option<Date> {
	let mut parts = text.split('-');
	let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
	if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
		return None;
	}
	let date = Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
	date.is_valid().then_some(date)
}

/// The public keys of every well-known development seed (sr25519 and ed25519, each name and its
/// `//stash`): none may appear in a real network's spec.
fn development_keys() -> Vec<[u8; 32]> {
	const NAMES: [&str; 8] = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie", "One", "Two"];
	let mut keys = Vec::new();
	for name in NAMES {
		for uri in [format!("//{name}"), format!("//{name}//stash")] {
			if let Ok(pair) = sr25519::Pair::from_string(&uri, None) {
				keys.push(pair.public().0);
			}
			if let Ok(pair) = ed::Pair::from_string(&uri, None) {
				keys.push(pair.public().0);
			}
		}
	}
	keys
}

/// Reads and checks the network file and the departments' keys, and builds the raw chain spec;
/// returns it with the number of departments.
fn build_spec(path: &Path) -> Result<(String, usize), String> {
	let at = |e: String| format!("network spec: {}: {e}", path.display());
	let text = fs::read_to_string(path).map_err(|e| at(e.to_string()))?;
	let file: NetworkFile = serde_json::from_str(&text).map_err(|e| at(e.to_string()))?;
	let (network, nodes) = check(&file, path.parent().unwrap_or(Path::new(".")))
		.map_err(|e| format!("network spec: {e}"))?;

	let wasm = civil_registry_runtime::WASM_BINARY
		.ok_or("network spec: the node was built without the Wasm runtime (SKIP_WASM_BUILD)")?;
	let spec = ChainSpec::builder(wasm, Extensions { permissioned_nodes: nodes.clone() })
		.with_name(&file.name)
		.with_id(&file.id)
		.with_protocol_id(&file.id)
		.with_chain_type(ChainType::Live)
		.with_properties(chain_spec::properties())
		.with_boot_nodes(
			nodes
				.iter()
				.map(|n| n.parse())
				.collect::<Result<Vec<MultiaddrWithPeerId>, _>>()
				.map_err(|e| format!("network spec: an address: {e}"))?,
		)
		.with_genesis_config_patch(presets::network_genesis(&network))
		.build();
	let raw = sc_chain_spec::ChainSpec::as_json(&spec, true)
		.map_err(|e| format!("network spec: the genesis could not be built: {e}"))?;
	audit(&raw)?;
	Ok((raw, network.departments.len()))
}

/// The checks on the network file: returns the runtime's typed network and the nodes'
/// addresses with their peer ids.
fn check(file: &NetworkFile, base: &Path) -> Result<(Network, Vec<String>), String> {
	if file.name.trim().is_empty() {
		return Err("name is empty".into());
	}
	if file.id.is_empty()
		|| !file
			.id
			.bytes()
			.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
	{
		return Err(format!("id {:?}: lower-case letters, digits and `_` only", file.id));
	}
	if file.session_length == 0 {
		return Err("sessionLength is 0".into());
	}
	let go_live = date(&file.go_live)
		.ok_or_else(|| format!("goLive {:?} is not a date (YYYY-MM-DD)", file.go_live))?;
	let (min, max) = presets::department_bounds();
	let count = file.departments.len();
	if count < min as usize || count > max as usize {
		return Err(format!(
			"{count} departments: a network has {min} to {max} (GRANDPA needs more than two \
			 thirds of the authorities; with four, one may fail)"
		));
	}

	let development = development_keys();
	// Every key in the network, with the role that holds it: one key per role.
	let mut holders: BTreeMap<[u8; 32], String> = BTreeMap::new();
	let mut hold = |key: [u8; 32], role: String| -> Result<(), String> {
		if development.contains(&key) {
			return Err(format!("{role} is a development key, whose secret is public"));
		}
		if let Some(other) = holders.insert(key, role.clone()) {
			return Err(format!("{role} is also {other}: one key per role"));
		}
		Ok(())
	};
	let mut regions = BTreeMap::new();
	let mut departments = Vec::new();
	let mut nodes = Vec::new();
	for entry in &file.departments {
		let region = &entry.region;
		if !presets::is_region(region) {
			return Err(format!(
				"{region}: not a region of the jurisdiction tree (UZ-AN ... UZ-XO)"
			));
		}
		if regions.insert(region.clone(), ()).is_some() {
			return Err(format!("{region}: two departments for one region"));
		}
		if entry.name.trim().is_empty() {
			return Err(format!("{region}: the name is empty"));
		}
		let keys_path = base.join(&entry.keys);
		let keys_text = fs::read_to_string(&keys_path)
			.map_err(|e| format!("{region}: {}: {e}", keys_path.display()))?;
		let public: PublicKeys = serde_json::from_str(&keys_text)
			.map_err(|e| format!("{region}: {}: {e}", keys_path.display()))?;
		let governance = account(&public.governance, &format!("{region}'s governance account"))?;
		let authority = account(&public.authority, &format!("{region}'s authority account"))?;
		let head_ss58 = entry.head.as_deref().unwrap_or(&public.head);
		let head = account(head_ss58, &format!("{region}'s head account"))?;
		let aura = sr25519::Public::from_ss58check(&public.aura)
			.map_err(|e| format!("{region}'s aura key {:?}: {e:?}", public.aura))?;
		let grandpa = ed::Public::from_ss58check(&public.grandpa)
			.map_err(|e| format!("{region}'s grandpa key {:?}: {e:?}", public.grandpa))?;
		hold(governance.clone().into(), format!("{region}'s governance account"))?;
		hold(authority.clone().into(), format!("{region}'s authority account"))?;
		hold(head.clone().into(), format!("{region}'s head account"))?;
		hold(aura.0, format!("{region}'s aura key"))?;
		hold(grandpa.0, format!("{region}'s grandpa key"))?;
		let peer: sc_network::PeerId = public
			.peer_id
			.parse()
			.map_err(|e| format!("{region}'s peer id {:?}: {e}", public.peer_id))?;
		if entry.address.contains("/p2p/") {
			return Err(format!("{region}'s address: without /p2p/ (the peer id is added)"));
		}
		let node = format!("{}/p2p/{peer}", entry.address);
		node.parse::<MultiaddrWithPeerId>()
			.map_err(|e| format!("{region}'s address {:?}: {e}", entry.address))?;
		nodes.push(node);
		departments.push(Department {
			region: region.clone(),
			name: entry.name.clone(),
			governance,
			authority,
			head,
			keys: SessionKeys { aura: aura.into(), grandpa: grandpa.into() },
		});
	}
	let network = Network {
		departments,
		session_length: file.session_length,
		appointment_delay: file.appointment_delay,
		go_live,
	};
	Ok((network, nodes))
}

/// The checks on the built spec itself, whatever the code above did: no development key
/// anywhere in it but in the runtime's code, and no sudo key in its genesis state.
fn audit(raw: &str) -> Result<(), String> {
	let spec: serde_json::Value =
		serde_json::from_str(raw).map_err(|e| format!("network spec: the built spec: {e}"))?;
	let top = spec
		.pointer("/genesis/raw/top")
		.and_then(serde_json::Value::as_object)
		.ok_or("network spec: the built spec has no raw genesis state")?;
	let mut text = String::new();
	for (key, value) in top {
		// The runtime's code (`:code`) is no state anyone's key is in.
		if key != "0x3a636f6465" {
			text.push_str(key);
			text.push_str(&value.to_string());
		}
	}
	for (field, value) in spec.as_object().into_iter().flatten() {
		if field != "genesis" {
			text.push_str(&value.to_string());
		}
	}
	let text = text.to_lowercase();
	let leaked = development_keys().iter().filter(|k| text.contains(&hex(&k[..]))).count();
	if leaked > 0 {
		return Err(format!("network spec: the spec holds {leaked} development key(s)"));
	}
	let sudo = format!("0x{}", hex(&frame_support::storage::storage_prefix(b"Sudo", b"Key")));
	if top.get(&sudo).is_some_and(|v| v != "0x00") {
		return Err("network spec: the spec has a sudo key".into());
	}
	Ok(())
}
