//! Genesis presets: the development chain, a two-authority local network, and a
//! four-authority regional test network.
//!
//! All of them use the well-known development keys (Alice, Bob, Charlie, Dave), whose secret
//! seeds are public. A real network's genesis is [`network_genesis`], from the regional justice
//! departments' own keys, with no sudo key: `civil-registry-node network spec` builds its chain
//! spec from the network file (see `docs/operators.md`).
//!
//! Sudo: the development and local chains keep a sudo key (Alice) for convenience; the regional
//! test network has none — there, as on a real network, the council is the only way to root.

use crate::{
	AccountId, CivilEventsConfig, CouncilMembershipConfig, OfficesConfig, RuntimeGenesisConfig,
	SessionConfig, SessionKeys, SudoConfig,
};
use alloc::{
	string::{String, ToString},
	vec,
	vec::Vec,
};
use civil_registry_primitives::{Date, OfficeKind, Role};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

/// The name of the four-authority regional test network preset (`--chain regional`).
pub const REGIONAL_TESTNET_PRESET: &str = "regional_testnet";
/// The development chain with two-second slots (`--chain dev-fast`), for the test command.
pub const DEV_FAST_PRESET: &str = "development_fast";
/// The regional test network with two-second slots (`--chain regional-fast`), for the test
/// command's network tests.
pub const REGIONAL_FAST_PRESET: &str = "regional_testnet_fast";

/// The country and its 14 first-level divisions (ISO 3166-2:UZ): 12 viloyats, the Republic of
/// Karakalpakstan and Tashkent city.
const REGIONS: [(&str, &str); 14] = [
	("UZ-AN", "Andijan Region"),
	("UZ-BU", "Bukhara Region"),
	("UZ-FA", "Fergana Region"),
	("UZ-JI", "Jizzakh Region"),
	("UZ-NG", "Namangan Region"),
	("UZ-NW", "Navoiy Region"),
	("UZ-QA", "Kashkadarya Region"),
	("UZ-QR", "Republic of Karakalpakstan"),
	("UZ-SA", "Samarkand Region"),
	("UZ-SI", "Sirdaryo Region"),
	("UZ-SU", "Surkhandarya Region"),
	("UZ-TK", "Tashkent City"),
	("UZ-TO", "Tashkent Region"),
	("UZ-XO", "Khorezm Region"),
];

/// A few districts, enough to exercise jurisdiction rules on the test networks.
const DISTRICTS: [(&str, &str, &str); 6] = [
	("UZ-TK-YUN", "Yunusobod District", "UZ-TK"),
	("UZ-TK-CHI", "Chilonzor District", "UZ-TK"),
	("UZ-TK-MUL", "Mirzo Ulugbek District", "UZ-TK"),
	("UZ-SA-SAM", "Samarkand City", "UZ-SA"),
	("UZ-SA-URG", "Urgut District", "UZ-SA"),
	("UZ-QR-NUK", "Nukus City", "UZ-QR"),
];

/// The jurisdiction tree every preset starts with.
fn jurisdictions() -> Vec<(String, String, Option<String>)> {
	let mut all = vec![("UZ".to_string(), "Republic of Uzbekistan".to_string(), None)];
	all.extend(
		REGIONS
			.iter()
			.map(|(code, name)| (code.to_string(), name.to_string(), Some("UZ".to_string()))),
	);
	all.extend(DISTRICTS.iter().map(|(code, name, parent)| {
		(code.to_string(), name.to_string(), Some(parent.to_string()))
	}));
	all
}

fn office(kind: OfficeKind, jurisdiction: &str, name: &str) -> (OfficeKind, String, String) {
	(kind, jurisdiction.to_string(), name.to_string())
}

/// The go-live date of the development and test networks: persons born before it are enrolled
/// from the paper archive, later births registered as births. A real network's spec sets the day
/// its registry offices start (the network file's `goLive`: [`Network::go_live`]).
pub const TEST_GO_LIVE: Date = Date::new(2026, 1, 1);

/// The sessions of the test networks: 10 blocks (a minute), so that a change of the authority
/// set is seen within two minutes. A real network's spec sets an hour (600 blocks).
pub const TEST_SESSION_LENGTH: u32 = 10;

/// The slot of the `*-fast` presets: two seconds, a third of production's six, so that the
/// test command's waits for blocks, finality and sessions take a third as long on the same
/// runtime. Shorter slots were not taken: nine nodes of the network tests share two cores with
/// the other tests, and a block must be built and imported within its slot.
pub const TEST_FAST_SLOT_DURATION: u64 = 2000;

/// An authority of a test network: its account and its node's session keys (Aura sr25519,
/// GRANDPA ed25519), all from one development keyring name.
fn authority(key: Sr25519Keyring, grandpa: Ed25519Keyring) -> (AccountId, SessionKeys) {
	let aura: AuraId = key.public().into();
	let grandpa: GrandpaId = grandpa.public().into();
	(key.to_account_id(), SessionKeys { aura, grandpa })
}

fn genesis(
	authorities: Vec<(AccountId, SessionKeys)>,
	council: Vec<AccountId>,
	sudo: Option<AccountId>,
	offices: Vec<(OfficeKind, String, String)>,
	officers: Vec<(AccountId, u32, Role)>,
	slot_duration: u64,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		authorities: pallet_authorities::GenesisConfig {
			authorities: authorities.iter().map(|(who, _)| who.clone()).collect::<Vec<_>>(),
			session_length: TEST_SESSION_LENGTH,
			slot_duration,
		},
		session: SessionConfig {
			keys: authorities
				.into_iter()
				.map(|(who, keys)| (who.clone(), who, keys))
				.collect::<Vec<_>>(),
		},
		council_membership: CouncilMembershipConfig {
			// The presets name at most four members, far below the bound.
			members: frame_support::BoundedVec::truncate_from(council),
		},
		sudo: SudoConfig { key: sudo.clone() },
		offices: OfficesConfig {
			jurisdictions: jurisdictions(),
			offices,
			officers,
			privileged_signers: sudo.into_iter().collect::<Vec<_>>(),
		},
		civil_events: CivilEventsConfig { go_live: Some(TEST_GO_LIVE) },
	})
}

/// The development chain: Alice is the only authority, the only council member and the sudo
/// key; the Yunusobod district registry office of Tashkent city (office 0) has Alice as head
/// and Bob as registrar, so that a newcomer can register acts from polkadot.js apps right away;
/// Eve heads the Tashkent City Justice Department (office 1), the regional level that approves
/// what the office's head may not (changes of parents, sex or identity; the work of a registrar
/// the head appointed). Six-second slots, as in production.
pub fn development_config_genesis() -> Value {
	development(pallet_authorities::DEFAULT_SLOT_DURATION)
}

fn development(slot_duration: u64) -> Value {
	genesis(
		vec![authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		vec![Sr25519Keyring::Alice.to_account_id()],
		Some(Sr25519Keyring::Alice.to_account_id()),
		// The test networks' first two: the Yunusobod office and the Tashkent department.
		test_network_offices().into_iter().take(2).collect(),
		vec![
			(Sr25519Keyring::Alice.to_account_id(), 0, Role::Head),
			(Sr25519Keyring::Bob.to_account_id(), 0, Role::Registrar),
			(Sr25519Keyring::Eve.to_account_id(), 1, Role::Head),
		],
		slot_duration,
	)
}

/// The offices of the two multi-node test networks.
fn test_network_offices() -> Vec<(OfficeKind, String, String)> {
	vec![
		office(
			OfficeKind::DistrictRegistry,
			"UZ-TK-YUN",
			"Yunusobod District Civil Registry Office",
		),
		office(OfficeKind::RegionalDepartment, "UZ-TK", "Tashkent City Justice Department"),
		office(OfficeKind::RegionalDepartment, "UZ-SA", "Samarkand Region Justice Department"),
		office(OfficeKind::DistrictRegistry, "UZ-SA-SAM", "Samarkand City Civil Registry Office"),
		office(OfficeKind::WeddingHouse, "UZ-TK", "Tashkent Wedding House"),
		office(OfficeKind::Archive, "UZ", "Central Civil Registry Archive"),
	]
}

/// The officers of the two multi-node test networks: Alice heads and Bob serves the Yunusobod
/// office; Charlie and Dave head the Tashkent and Samarkand regional departments; Eve is a
/// registrar in Samarkand city.
fn test_network_officers() -> Vec<(AccountId, u32, Role)> {
	vec![
		(Sr25519Keyring::Alice.to_account_id(), 0, Role::Head),
		(Sr25519Keyring::Bob.to_account_id(), 0, Role::Registrar),
		(Sr25519Keyring::Charlie.to_account_id(), 1, Role::Head),
		(Sr25519Keyring::Dave.to_account_id(), 2, Role::Head),
		(Sr25519Keyring::Eve.to_account_id(), 3, Role::Registrar),
	]
}

/// Two authorities and council members (Alice, Bob), Alice the sudo key, and the offices of
/// [`test_network_offices`].
pub fn local_config_genesis() -> Value {
	genesis(
		vec![
			authority(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			authority(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		],
		vec![Sr25519Keyring::Alice.to_account_id(), Sr25519Keyring::Bob.to_account_id()],
		Some(Sr25519Keyring::Alice.to_account_id()),
		test_network_offices(),
		test_network_officers(),
		pallet_authorities::DEFAULT_SLOT_DURATION,
	)
}

/// Four authorities, standing for four regional justice departments (Alice, Bob, Charlie,
/// Dave: development keys, to be replaced on a real network), whose accounts are also the
/// council; no sudo key; the offices of [`test_network_offices`]. Six-second slots, as in
/// production (the throughput measured on it in docs/performance.md depends on it).
pub fn regional_config_genesis() -> Value {
	regional(pallet_authorities::DEFAULT_SLOT_DURATION)
}

fn regional(slot_duration: u64) -> Value {
	let departments = [
		(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
		(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
		(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
		(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
	];
	genesis(
		departments.iter().map(|(aura, grandpa)| authority(*aura, *grandpa)).collect(),
		departments.iter().map(|(aura, _)| aura.to_account_id()).collect(),
		None,
		test_network_offices(),
		test_network_officers(),
		slot_duration,
	)
}

/// A regional justice department of a real network: what its `public.json` names (written on
/// its own machine by `civil-registry-node network keys`) and where it stands.
#[derive(Clone, Debug)]
pub struct Department {
	/// Its region's code (ISO 3166-2:UZ, one of the 14 regions of the jurisdiction tree): the jurisdiction of its office.
	pub region: String,
	/// The name of its office (a regional justice department).
	pub name: String,
	/// Its council account.
	pub governance: AccountId,
	/// Its authority account (signs its node's session keys).
	pub authority: AccountId,
	/// The account of its head: the head of its office from genesis.
	pub head: AccountId,
	/// Its node's session keys.
	pub keys: SessionKeys,
}

/// A real network's genesis: what `civil-registry-node network spec` reads from the network
/// file (docs/operators.md).
#[derive(Clone, Debug)]
pub struct Network {
	/// The departments, in the order of their offices (office `i` is department `i`'s).
	pub departments: Vec<Department>,
	/// The session length in blocks.
	pub session_length: u32,
	/// Blocks before a head's appointment of a registrar takes effect (vetoable meanwhile).
	pub appointment_delay: u32,
	/// The day the registry offices start on chain.
	pub go_live: Date,
}

/// How many departments a network may have: the authority set's bounds, within the council's.
pub fn department_bounds() -> (u32, u32) {
	use frame_support::traits::Get;
	type MinAuthorities = <crate::Runtime as pallet_authorities::Config>::MinAuthorities;
	type MaxAuthorities = <crate::Runtime as pallet_authorities::Config>::MaxAuthorities;
	let min = <MinAuthorities as Get<u32>>::get();
	let max =
		<MaxAuthorities as Get<u32>>::get().min(crate::configs::governance::MAX_COUNCIL_MEMBERS);
	(min, max)
}

/// Whether `code` is one of the country's first-level divisions (the regions of the jurisdiction tree).
pub fn is_region(code: &str) -> bool {
	REGIONS.iter().any(|(region, _)| *region == code)
}

/// A real network's genesis: every department an authority (its authority account and its
/// node's keys) and a council member (its governance account), with a regional justice
/// department office over its region headed by its head account; the jurisdiction tree of the
/// test networks (districts are added by the council later); no sudo key and no signer
/// without an office role. The caller checks the network first (`node/src/network.rs`); a
/// network this function is given unchecked fails when its genesis is built, not here.
pub fn network_genesis(network: &Network) -> Value {
	let departments = &network.departments;
	build_struct_json_patch!(RuntimeGenesisConfig {
		authorities: pallet_authorities::GenesisConfig {
			authorities: departments.iter().map(|d| d.authority.clone()).collect::<Vec<_>>(),
			session_length: network.session_length,
			slot_duration: pallet_authorities::DEFAULT_SLOT_DURATION,
		},
		session: SessionConfig {
			keys: departments
				.iter()
				.map(|d| (d.authority.clone(), d.authority.clone(), d.keys.clone()))
				.collect::<Vec<_>>(),
		},
		council_membership: CouncilMembershipConfig {
			// More departments than the council's bound are refused before this is called.
			members: frame_support::BoundedVec::truncate_from(
				departments.iter().map(|d| d.governance.clone()).collect::<Vec<_>>()
			),
		},
		sudo: SudoConfig { key: None },
		offices: OfficesConfig {
			jurisdictions: jurisdictions(),
			offices: departments
				.iter()
				.map(|d| office(OfficeKind::RegionalDepartment, &d.region, &d.name))
				.collect::<Vec<_>>(),
			officers: departments
				.iter()
				.zip(0u32..)
				.map(|(d, office)| (d.head.clone(), office, Role::Head))
				.collect::<Vec<_>>(),
			privileged_signers: Vec::<AccountId>::new(),
			appointment_delay: network.appointment_delay,
		},
		civil_events: CivilEventsConfig { go_live: Some(network.go_live) },
	})
}

/// The preset with this id, as JSON.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		sp_genesis_builder::DEV_RUNTIME_PRESET => development_config_genesis(),
		sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET => local_config_genesis(),
		REGIONAL_TESTNET_PRESET => regional_config_genesis(),
		// The same chains with two-second slots: what the test command waits for (blocks,
		// finality, sessions) comes three times sooner; nothing else differs.
		DEV_FAST_PRESET => development(TEST_FAST_SLOT_DURATION),
		REGIONAL_FAST_PRESET => regional(TEST_FAST_SLOT_DURATION),
		_ => return None,
	};
	serde_json::to_string(&patch).ok().map(String::into_bytes)
}

/// The names of all presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![
		PresetId::from(sp_genesis_builder::DEV_RUNTIME_PRESET),
		PresetId::from(sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET),
		PresetId::from(REGIONAL_TESTNET_PRESET),
		PresetId::from(DEV_FAST_PRESET),
		PresetId::from(REGIONAL_FAST_PRESET),
	]
}
