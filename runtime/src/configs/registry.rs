//! Configuration of the civil registry pallets: `Offices`, `Persons`, `CivilEvents`.

use frame_support::parameter_types;
use frame_support::traits::{ConstU32, Contains};
use frame_system::EnsureRoot;

use super::super::{AccountId, BlockNumber, Offices, Persons, Runtime, Timestamp, DAYS};

parameter_types! {
	/// A proposed amendment or revocation waits a week for its second officer.
	pub const ProposalLifetime: BlockNumber = 7 * DAYS;
}

/// The accounts that may sign without an office role: the sudo key (development governance).
/// A production runtime adds the council's members here.
pub struct SudoKey;
impl Contains<AccountId> for SudoKey {
	fn contains(who: &AccountId) -> bool {
		pallet_sudo::Key::<Runtime>::get().as_ref() == Some(who)
	}
}

impl pallet_offices::Config for Runtime {
	/// Root (through `Sudo`) in this runtime; production plugs in a council's 2/3 origin.
	type GovernanceOrigin = EnsureRoot<AccountId>;
	type HeadOrigin = pallet_offices::EnsureOfficeHead<Runtime>;
	type PrivilegedSigners = SudoKey;
	type MaxCodeLength = ConstU32<16>;
	type MaxNameLength = ConstU32<128>;
	type MaxJurisdictionDepth = ConstU32<4>;
	type MaxRegistrarsPerOffice = ConstU32<256>;
	type WeightInfo = pallet_offices::weights::SubstrateWeight<Runtime>;
}

impl pallet_persons::Config for Runtime {}

impl pallet_civil_events::Config for Runtime {
	type Permissions = Offices;
	type Jurisdictions = Offices;
	type Persons = Persons;
	type Time = Timestamp;
	/// A life has a handful of acts; 128 bounds the per-person index with room to spare.
	type MaxActsPerPerson = ConstU32<128>;
	/// Root (through `Sudo`) in this runtime, like the offices' governance.
	type RevocationOrigin = EnsureRoot<AccountId>;
	type ProposalLifetime = ProposalLifetime;
	/// 64 per block over a week of blocks: far above what the country's offices propose.
	type MaxProposalsPerBlock = ConstU32<64>;
	type WeightInfo = pallet_civil_events::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = CivilEventsBenchmarkHelper;
}

/// Sets up officers and the clock for the civil events benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct CivilEventsBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_civil_events::BenchmarkHelper<AccountId> for CivilEventsBenchmarkHelper {
	fn office(index: u32) -> (AccountId, AccountId, u32) {
		pallet_offices::Pallet::<Runtime>::benchmark_office(index)
	}
	fn regional_head(index: u32) -> AccountId {
		pallet_offices::Pallet::<Runtime>::benchmark_regional_head(index)
	}
	fn close_office(index: u32) {
		pallet_offices::Pallet::<Runtime>::benchmark_close_office(index)
	}
	fn set_time(millis: u64) {
		pallet_timestamp::Now::<Runtime>::put(millis);
	}
}
