//! Configuration of the civil registry pallets: `Offices`, `Persons`, `CivilEvents`.

use frame_support::parameter_types;
use frame_support::traits::{ConstU32, Contains};

use super::super::{AccountId, BlockNumber, Offices, Persons, Runtime, Timestamp, DAYS};
use super::governance::{is_council_member, GovernanceOrigin};

parameter_types! {
	/// A proposed amendment or revocation waits a week for its second officer.
	pub const ProposalLifetime: BlockNumber = 7 * DAYS;
}

/// The accounts that may sign without an office role: the council's members (governance),
/// the authorities (their session keys), and the sudo key of a development chain.
pub struct GovernanceSigners;
impl Contains<AccountId> for GovernanceSigners {
	fn contains(who: &AccountId) -> bool {
		is_council_member(who)
			|| pallet_authorities::Pallet::<Runtime>::is_authority(who)
			|| pallet_sudo::Key::<Runtime>::get().as_ref() == Some(who)
	}
}

impl pallet_offices::Config for Runtime {
	/// The council's two-thirds majority (or root on a development chain).
	type GovernanceOrigin = GovernanceOrigin;
	type HeadOrigin = pallet_offices::EnsureOfficeHead<Runtime>;
	type PrivilegedSigners = GovernanceSigners;
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
	/// The council's two-thirds majority (or root on a development chain), like the offices'
	/// governance.
	type RevocationOrigin = GovernanceOrigin;
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
