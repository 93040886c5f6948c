//! # Civil registry runtime
//!
//! The Wasm runtime of the civil registry chain: `frame-system`, `Timestamp`, `Aura` and
//! `Grandpa` for consensus, `Sudo` as the development governance origin, and the registry's
//! own pallets `Offices`, `Persons` and `CivilEvents`.
//!
//! There is no token: no `Balances`, no `TransactionPayment`. Acts are feeless; the
//! [`pallet_gate::CheckRole`] transaction extension admits signed transactions only from
//! accounts that hold a role. Every pallet's configuration lives in [`configs`], the runtime
//! APIs in [`apis`], the genesis presets in [`genesis_config_presets`].
#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime`-generated code is not ours to lint for panics.
#![allow(clippy::arithmetic_side_effects)]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod extensions;
pub mod genesis_config_presets;
pub mod public;
pub mod weights;

extern crate alloc;
use alloc::vec::Vec;
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types: what the node needs to know of the runtime's types without depending on its
/// call and event types.
pub mod opaque {
	use super::*;
	use sp_runtime::traits::Hash as HashT;

	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as HashT>::Output;
}

impl_opaque_keys! {
	/// The keys an authority node holds: Aura for block production, GRANDPA for finality.
	pub struct SessionKeys {
		/// Block production.
		pub aura: Aura,
		/// Finality.
		pub grandpa: Grandpa,
	}
}

/// The runtime version, with `spec_version` as its argument.
macro_rules! runtime_version {
	($spec_version:tt) => {
		/// The runtime version. Bump `spec_version` with every runtime change that reaches a
		/// network.
		#[sp_version::runtime_version]
		pub const VERSION: RuntimeVersion = RuntimeVersion {
			spec_name: alloc::borrow::Cow::Borrowed("civil-registry"),
			impl_name: alloc::borrow::Cow::Borrowed("civil-registry"),
			authoring_version: 1,
			spec_version: $spec_version,
			impl_version: 1,
			apis: apis::RUNTIME_API_VERSIONS,
			transaction_version: 7,
			system_version: 1,
		};
	};
}

#[cfg(not(feature = "upgrade-test"))]
runtime_version!(100);

// The same runtime one version later, for the runtime-upgrade network test only
// (`runtime/upgrade`, zombienet/02-governance.zndsl). A real upgrade changes the number
// above in the source; never build a network's runtime with this feature.
#[cfg(feature = "upgrade-test")]
runtime_version!(101);

/// Block times.
mod block_times {
	/// Target block time of a production network: one Aura slot, 6 seconds. The slot is a
	/// genesis setting (`pallet_authorities::SlotDuration`, read by Aura through the runtime);
	/// the test command's networks set two seconds. The periods below count blocks of the
	/// production slot: on a two-second test chain a "day" of blocks passes in eight hours.
	pub const MILLI_SECS_PER_BLOCK: u64 = pallet_authorities::DEFAULT_SLOT_DURATION;
}
pub use block_times::*;

/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// How many recent block hashes `frame-system` keeps (transaction mortality reaches this far).
pub const BLOCK_HASH_COUNT: BlockNumber = 2400;

/// A transaction signature (sr25519, ed25519 or ecdsa).
pub type Signature = MultiSignature;
/// An account: the public key of its signer.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A transaction counter per account.
pub type Nonce = u32;
/// A hash.
pub type Hash = sp_core::H256;
/// A block number.
pub type BlockNumber = u32;
/// The address format of a transaction's sender.
pub type Address = MultiAddress<AccountId, ()>;
/// The block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// The block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block with its justification.
pub type SignedBlock = generic::SignedBlock<Block>;
/// A block identifier.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions, checked in this order for every transaction. `CheckRole`
/// replaces the fee payment of a token chain: only role holders may sign, only their roles'
/// calls, within a day's budget per key. `CheckNonce` is FRAME's, with a bound on how
/// far ahead a nonce may be ([`extensions::MAX_NONCE_AHEAD`]). `AuthorizeCall` first: a
/// general transaction that no account signs is dispatched only if its call authorizes it
/// (`authorities.anchor_access_log`, by the node key's signature); it adds nothing to a signed
/// transaction.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	pallet_gate::CheckRole<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	extensions::CheckEra,
	extensions::CheckNonce,
	frame_system::CheckWeight<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// The transaction extensions a client attaches to a transaction with `nonce`, valid in
/// `era`, without a metadata hash (for the node's benchmarks and Rust clients).
pub fn tx_extension(nonce: Nonce, era: generic::Era) -> TxExtension {
	(
		frame_system::AuthorizeCall::new(),
		frame_system::CheckNonZeroSender::new(),
		pallet_gate::CheckRole::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		extensions::CheckEra::from(era),
		extensions::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	)
}

/// The calls the node builds itself, so that it names no pallet: an office system's no-op
/// heartbeat (the node's benchmark of a minimal transaction), and the anchor of the node's
/// access log (`node/src/rpc/office.rs`).
pub mod node_calls {
	use super::RuntimeCall;
	pub use pallet_authorities::{access_log::ANCHOR_KEY_TYPE, AccessLogAnchor};

	/// `gate.heartbeat` with an empty payload.
	pub fn heartbeat() -> RuntimeCall {
		RuntimeCall::Gate(pallet_gate::Call::heartbeat { payload: Default::default() })
	}

	/// `authorities.anchor_access_log`, authorized by `signature` of the anchor's key.
	pub fn anchor_access_log(
		anchor: AccessLogAnchor,
		signature: sp_core::sr25519::Signature,
	) -> RuntimeCall {
		RuntimeCall::Authorities(pallet_authorities::Call::anchor_access_log { anchor, signature })
	}
}

/// The answer types of the runtime APIs that come from the pallets, for the node.
pub mod api_types {
	pub use pallet_civil_events::ReplacedParents;
	pub use pallet_offices::OfficeStatus;
}

/// What [`tx_extension`]'s extensions sign besides themselves: the runtime's versions, the
/// genesis hash and the hash of the era's first block.
pub fn tx_extension_implicit(
	genesis: Hash,
	era_start: Hash,
) -> <TxExtension as sp_runtime::traits::TransactionExtension<RuntimeCall>>::Implicit {
	(
		(),
		(),
		(),
		VERSION.spec_version,
		VERSION.transaction_version,
		genesis,
		era_start,
		(),
		(),
		None,
		(),
	)
}

/// An extrinsic as it arrives from outside.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run in the block of the next runtime upgrade, each with its checks before
/// and after (`runtime/tests/upgrade.rs` runs them on a chain of 100,000 persons and acts). None
/// reads storage that grows with the population: the signers' usage is one entry per signer.
/// What touches every act runs over several blocks instead: `pallet-migrations`' list
/// (`configs/mod.rs`: [`pallet_civil_events::migrations::TypedActs`], then
/// [`pallet_civil_events::migrations::AdoptionParents`]). (The version-4 → 5
/// compaction of persons and acts ran with the runtimes up to commit `b2d8889`, the offices'
/// version-1 → 2 daily usage with those up to `ebf6cf7`, civil events' version-5 → 6 count of
/// pending acts with those up to `8b3b47c`; a chain older than these upgrades to one of them
/// first.)
pub type Migrations = (pallet_gate::migrations::MoveFromOffices<Runtime, OfficesPalletName>,);

frame_support::parameter_types! {
	/// The offices pallet's name in this runtime: where the gate's storage was before
	/// `pallet-gate` ([`pallet_gate::migrations::MoveFromOffices`]).
	pub const OfficesPalletName: &'static str = "Offices";
}

/// Executes blocks: dispatches extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// Pallet indices are part of the transaction format: never change or reuse one.

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(4)]
	pub type Sudo = pallet_sudo;

	// The authority set must be built before the session at genesis: the session asks it for
	// the first validators.
	#[runtime::pallet_index(5)]
	pub type Authorities = pallet_authorities;

	#[runtime::pallet_index(6)]
	pub type Session = pallet_session;

	#[runtime::pallet_index(7)]
	pub type Council = pallet_collective<Instance1>;

	#[runtime::pallet_index(8)]
	pub type CouncilMembership = pallet_membership<Instance1>;

	#[runtime::pallet_index(9)]
	pub type Governance = pallet_governance;

	#[runtime::pallet_index(10)]
	pub type Offices = pallet_offices;

	#[runtime::pallet_index(11)]
	pub type Persons = pallet_persons;

	#[runtime::pallet_index(12)]
	pub type CivilEvents = pallet_civil_events;

	#[runtime::pallet_index(13)]
	pub type Gate = pallet_gate;

	#[runtime::pallet_index(14)]
	pub type MultiBlockMigrations = pallet_migrations;
}
