//! The configuration of every pallet in the runtime.
//!
//! - this module: `frame-system`, consensus (`Timestamp`, `Aura`, `Grandpa`) and `Sudo`;
//! - [`governance`]: the council, its root path, the authority set and sessions;
//! - [`registry`]: the civil registry's own pallets;
//! - [`gate`]: which calls each role may sign (the transaction gate's table).

pub mod gate;
pub mod governance;
mod registry;

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU32, ConstU64},
	weights::{constants::WEIGHT_REF_TIME_PER_SECOND, Weight},
};
use frame_system::limits::{BlockLength, BlockWeights};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::Perbill;
use sp_version::RuntimeVersion;

use crate::weights::{block_weights::BlockExecutionWeight, extrinsic_weights::ExtrinsicBaseWeight};

use super::{
	AccountId, Aura, Block, BlockNumber, Hash, Nonce, PalletInfo, Runtime, RuntimeCall,
	RuntimeEvent, RuntimeOrigin, RuntimeTask, BLOCK_HASH_COUNT, VERSION,
};

/// Three quarters of a block for ordinary transactions; the rest for operational ones.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

parameter_types! {
	pub const BlockHashCount: BlockNumber = BLOCK_HASH_COUNT;
	pub const Version: RuntimeVersion = VERSION;

	/// Two seconds of compute in a six-second block, three quarters of it for ordinary
	/// transactions; the base costs of a block and of a transaction as measured on the
	/// reference machine (`crate::weights`), not FRAME's defaults.
	pub RuntimeBlockWeights: BlockWeights = {
		let max = Weight::from_parts(2u64 * WEIGHT_REF_TIME_PER_SECOND, u64::MAX);
		let normal = NORMAL_DISPATCH_RATIO * max;
		BlockWeights::builder()
			.base_block(BlockExecutionWeight::get())
			.for_class(DispatchClass::all(), |weights| {
				weights.base_extrinsic = ExtrinsicBaseWeight::get();
			})
			.for_class(DispatchClass::Normal, |weights| {
				weights.max_total = normal.into();
			})
			.for_class(DispatchClass::Operational, |weights| {
				weights.max_total = max.into();
				weights.reserved = (max - normal).into();
			})
			.avg_block_initialization(Perbill::from_percent(10))
			.build_or_panic()
	};
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| *max = NORMAL_DISPATCH_RATIO * *max)
		.build();
	/// The generic Substrate SS58 prefix.
	pub const SS58Prefix: u8 = 42;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	/// The block type for the runtime.
	type Block = Block;
	/// Block and extrinsic weights: base values and limits.
	type BlockWeights = RuntimeBlockWeights;
	/// The maximum length of a block, in bytes.
	type BlockLength = RuntimeBlockLength;
	/// An account is a public key.
	type AccountId = AccountId;
	/// How many transactions an account has signed.
	type Nonce = Nonce;
	/// The hash of blocks and tries.
	type Hash = Hash;
	/// How many block hashes to keep.
	type BlockHashCount = BlockHashCount;
	/// Nodes store the chain in ParityDB; its read and write costs as measured on the
	/// reference machine (`crate::weights::paritydb_weights`), not FRAME's defaults.
	type DbWeight = crate::weights::paritydb_weights::constants::ParityDbWeight;
	/// The runtime version.
	type Version = Version;
	/// No balances: an account holds nothing but its nonce and references.
	type AccountData = ();
	/// The generic Substrate address prefix.
	type SS58Prefix = SS58Prefix;
	/// At most 16 consumer references per account.
	type MaxConsumers = ConstU32<16>;
	/// FRAME's transaction extensions, measured on the reference machine.
	type ExtensionsWeightInfo = crate::weights::frame_system_extensions::WeightInfo<Runtime>;
	/// Storage migrations too long for one block run over several (`pallet-migrations`);
	/// while one runs, blocks carry no transactions.
	type MultiBlockMigrator = super::MultiBlockMigrations;
}

parameter_types! {
	/// What a block gives a multi-block migration: the block's whole weight but what its
	/// mandatory work (inherents, `on_initialize`) may need. (Blocks carry no transactions
	/// while a migration runs.)
	pub MbmServiceWeight: Weight = Perbill::from_percent(80) * RuntimeBlockWeights::get().max_block;
}

impl pallet_migrations::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// The multi-block migrations of the next upgrade, run in this order; each checks its
	/// pallet's storage version and does nothing once done (on a new chain: at once).
	#[cfg(not(feature = "runtime-benchmarks"))]
	type Migrations = (
		pallet_civil_events::migrations::TypedActs<Runtime>,
		pallet_civil_events::migrations::AdoptionParents<Runtime>,
	);
	/// The benchmarks measure the pallet's own machinery with its mocked migrations.
	#[cfg(feature = "runtime-benchmarks")]
	type Migrations = pallet_migrations::mock_helpers::MockedMigrations;
	/// Our cursors are a few bytes (`TypedActsCursor`: an act id and a version); the bound is
	/// what the benchmarks' mocked migrations need (their cursors go up to 64 KiB).
	type CursorMaxLen = ConstU32<65_536>;
	type IdentifierMaxLen = ConstU32<256>;
	type MigrationStatusHandler = ();
	/// A migration that fails leaves the chain frozen (no transactions) for governance to
	/// repair with a runtime upgrade: nothing is dropped, nothing is half converted in use.
	type FailedMigrationHandler = frame_support::migrations::FreezeChainOnFailedMigration;
	type MaxServiceWeight = MbmServiceWeight;
	/// `pallet-migrations`' own bookkeeping, measured on the reference machine.
	type WeightInfo = crate::weights::pallet_migrations::WeightInfo<Runtime>;
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	/// At most 32 authorities: one per regional justice department leaves ample room.
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	/// The genesis setting of `pallet-authorities`: six seconds in production, two on the test
	/// command's networks (`*-fast` presets).
	type SlotDuration = pallet_authorities::SlotDurationOf<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	/// No equivocation reports (no slashing on this chain), so no session history is needed.
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Half the slot (`pallet-authorities`' genesis setting), as Aura expects.
	type MinimumPeriod = pallet_authorities::HalfSlotOf<Runtime>;
	type WeightInfo = ();
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}
