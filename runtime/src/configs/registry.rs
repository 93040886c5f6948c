//! Configuration of the civil registry pallets: `Offices`, `Persons`, `CivilEvents`.

use frame_support::parameter_types;
use frame_support::traits::ConstU32;

#[cfg(feature = "runtime-benchmarks")]
use super::super::AccountId;
use super::super::{BlockNumber, CivilEvents, Offices, Persons, Runtime, Timestamp, DAYS};
use super::governance::GovernanceOrigin;

parameter_types! {
	/// A proposed amendment or revocation waits a week for its second officer.
	pub const ProposalLifetime: BlockNumber = 7 * DAYS;
	pub const PendingLifetime: BlockNumber = 30 * DAYS;
	pub const AppointeeCooling: BlockNumber = 90 * DAYS;
	pub const UzbekistanLaw: civil_registry_primitives::FamilyLaw =
		civil_registry_primitives::FamilyLaw::UZBEKISTAN;
}

impl pallet_offices::Config for Runtime {
	/// The council's two-thirds majority (or root on a development chain).
	type GovernanceOrigin = GovernanceOrigin;
	type HeadOrigin = pallet_offices::EnsureOfficeHead<Runtime>;
	/// A dismissed officer's open proposals close with it.
	type OnDismissed = CivilEvents;
	/// The day of `MaxAppointmentsPerDay`.
	type DayLength = ConstU32<DAYS>;
	type MaxCodeLength = ConstU32<16>;
	type MaxNameLength = ConstU32<128>;
	type MaxJurisdictionDepth = ConstU32<4>;
	type MaxRegistrarsPerOffice = ConstU32<256>;
	/// A quarter: a head approves the work of a registrar it appointed only after the
	/// registrar has worked that long under the regional department's eyes.
	type AppointeeCooling = AppointeeCooling;
	/// An office staffs up over days, not in one: eight a day is more than any office hires,
	/// and all a stolen head key can mint before the regional department sees it.
	type MaxAppointmentsPerDay = ConstU32<8>;
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
	/// An officer proposes a correction now and then; 16 open at once is plenty, and one key
	/// can hold at most 16 of the country's proposal slots.
	type MaxOpenProposalsPerOfficer = ConstU32<16>;
	/// An office's officers together: 32 open at once, half a block's 64 places, so that one
	/// office (a stolen head key appointing registrars) cannot fill a block's places for the
	/// others.
	type MaxOpenProposalsPerOffice = ConstU32<32>;
	/// The Family Code of Uzbekistan's numbers, and Tashkent time.
	type Law = UzbekistanLaw;
	/// Four generations of ancestors in full (2 + 4 + 8 + 16) for each spouse: beyond the
	/// relatives of a living couple, and a bounded cost for every marriage.
	type MaxKinshipSearch = ConstU32<30>;
	/// A person asks for a duplicate certificate a few times in a life, and each amendment
	/// brings new ones; 64 per act leaves room for the exceptional.
	type MaxCertificatesPerAct = ConstU32<64>;
	/// A head reviews a late registration within days; after 30 it expires and frees the
	/// person's identity key for a fresh registration.
	type PendingLifetime = PendingLifetime;
	/// Late registrations are a few a day country-wide; 64 in one block is far above that.
	type MaxPendingPerBlock = ConstU32<64>;
	/// A registrar's late registrations waiting for the head: 16, a busy week's.
	type MaxPendingPerOfficer = ConstU32<16>;
	/// An office's: 32, half a block's places (as for proposals).
	type MaxPendingPerOffice = ConstU32<32>;
	/// A late registration and 15 corrections: an act corrected more often is revoked and
	/// registered anew.
	type MaxApprovalsPerAct = ConstU32<16>;
	/// An archive import's batch: 256 records (about 32 KiB, a tenth of a block's weight)
	/// spread a transaction's own cost over many persons, while a batch that is dropped and
	/// sent again stays small.
	type MaxArchiveBatch = ConstU32<256>;
	/// A maternity hospital of a big city notifies some 30 births a day, so a month's open
	/// notifications are under a thousand: 2,000 leaves room for a slow office, and bounds
	/// what one stolen facility key puts on its district's list.
	type MaxOpenNotificationsPerFacility = ConstU32<2_000>;
	/// A busy office receives a few hundred applications a month; a marriage's stay open a
	/// month. 5,000 bounds what one stolen key of an office opens.
	type MaxOpenApplicationsPerOffice = ConstU32<5_000>;
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
	fn compromise(who: &AccountId) {
		pallet_offices::Pallet::<Runtime>::benchmark_compromise(who)
	}
	fn facility(index: u32) -> AccountId {
		pallet_offices::Pallet::<Runtime>::benchmark_facility(index)
	}
}
