//! A test runtime with offices, persons, civil events and a clock.

// Test code: a test fails by panicking, and overflow in test arithmetic would be a bug of the
// test itself; clippy.toml lifts the other panic-free lints in tests.
#![allow(clippy::arithmetic_side_effects)]

use crate as pallet_civil_events;
use civil_registry_primitives::Date;
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64, Hooks},
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Timestamp: pallet_timestamp,
		Offices: pallet_offices,
		Persons: pallet_persons,
		CivilEvents: pallet_civil_events,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	/// The runtime's database weights, so that refunds computed from them can be tested.
	type DbWeight = frame_support::weights::constants::ParityDbWeight;
	/// A multi-block migration runs while a test says so ([`MIGRATING`]).
	type MultiBlockMigrator = Migrating;
}

std::thread_local! {
	/// Whether a multi-block migration runs, as [`Migrating`] reports it.
	pub static MIGRATING: core::cell::Cell<bool> = const { core::cell::Cell::new(false) };
}

/// A multi-block migrator that runs while [`MIGRATING`] says so (and does nothing itself).
pub struct Migrating;

impl frame_support::migrations::MultiStepMigrator for Migrating {
	fn ongoing() -> bool {
		MIGRATING.with(|m| m.get())
	}

	fn step() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

#[derive_impl(pallet_timestamp::config_preludes::TestDefaultConfig)]
impl pallet_timestamp::Config for Test {}

frame_support::parameter_types! {
	/// Uzbekistan's law, as in the runtime; tests change it through [`LAW`].
	pub storage Law: civil_registry_primitives::FamilyLaw = civil_registry_primitives::FamilyLaw::UZBEKISTAN;
}

impl pallet_offices::Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type HeadOrigin = pallet_offices::EnsureOfficeHead<Test>;
	type OnDismissed = CivilEvents;
	type AppointeeCooling = ConstU64<100>;
	type MaxAppointmentsPerDay = ConstU32<8>;
	type DayLength = ConstU64<14_400>;
	type MaxCodeLength = ConstU32<16>;
	type MaxNameLength = ConstU32<64>;
	type MaxJurisdictionDepth = ConstU32<4>;
	type MaxRegistrarsPerOffice = ConstU32<8>;
	type WeightInfo = ();
}

impl pallet_persons::Config for Test {}

impl pallet_civil_events::Config for Test {
	type Permissions = Offices;
	type Jurisdictions = Offices;
	type Persons = Persons;
	type Time = Timestamp;
	type MaxActsPerPerson = ConstU32<16>;
	type RevocationOrigin = EnsureRoot<u64>;
	type ProposalLifetime = ConstU64<{ PROPOSAL_LIFETIME }>;
	type MaxProposalsPerBlock = ConstU32<4>;
	type MaxOpenProposalsPerOfficer = ConstU32<4>;
	type MaxOpenProposalsPerOffice = ConstU32<6>;
	type Law = Law;
	type MaxKinshipSearch = ConstU32<6>;
	type MaxCertificatesPerAct = ConstU32<3>;
	type PendingLifetime = ConstU64<{ PENDING_LIFETIME }>;
	type MaxPendingPerBlock = ConstU32<4>;
	/// Small, so that the tests reach them.
	type MaxPendingPerOfficer = ConstU32<2>;
	type MaxPendingPerOffice = ConstU32<3>;
	type MaxApprovalsPerAct = ConstU32<3>;
	type MaxArchiveBatch = ConstU32<8>;
	type MaxOpenNotificationsPerFacility = ConstU32<3>;
	type MaxOpenApplicationsPerOffice = ConstU32<4>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = BenchHelper;
}

/// Benchmark set-up on the mock: a fresh chain of jurisdictions with an office and officer.
#[cfg(feature = "runtime-benchmarks")]
pub struct BenchHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for BenchHelper {
	fn office(index: u32) -> (u64, u64, u32) {
		pallet_offices::Pallet::<Test>::benchmark_office(index)
	}
	fn regional_head(index: u32) -> u64 {
		pallet_offices::Pallet::<Test>::benchmark_regional_head(index)
	}
	fn close_office(index: u32) {
		pallet_offices::Pallet::<Test>::benchmark_close_office(index)
	}
	fn set_time(millis: u64) {
		pallet_timestamp::Now::<Test>::put(millis);
	}
	fn compromise(who: &u64) {
		pallet_offices::Pallet::<Test>::benchmark_compromise(who)
	}
	fn facility(index: u32) -> u64 {
		pallet_offices::Pallet::<Test>::benchmark_facility(index)
	}
}

pub use pallet_offices::test_country::{
	ARCHIVE, ARCHIVIST, HEAD, NOBODY, REGISTRAR, REGISTRAR_2, SAM_HEAD, SAM_REGISTRAR, SA_SAM,
	TK_CHI, TK_REGIONAL_HEAD, TK_REGIONAL_REGISTRAR, TK_YUN, WEDDING_REGISTRAR, YUN_OFFICE,
};

/// A head for the central archive (appointed by the tests that need one).
pub const ARCHIVE_HEAD: u64 = 50;

/// Blocks a proposal stays open.
pub const PROPOSAL_LIFETIME: u64 = 10;
/// Blocks a late registration waits for approval before it expires.
pub const PENDING_LIFETIME: u64 = 20;

/// "Today" in the tests: 2024-06-15, noon UTC.
pub const TODAY: Date = Date::new(2024, 6, 15);
pub const NOW_MILLIS: u64 = 1_718_452_800_000;
/// The chain's go-live date in the tests: births before it are enrolled from the archive.
pub const GO_LIVE: Date = Date::new(2024, 1, 1);

/// The test country (`pallet_offices::test_country`), at [`TODAY`], with [`GO_LIVE`] set.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_offices::test_country::genesis::<Test>()
		.assimilate_storage(&mut storage)
		.unwrap();
	crate::GenesisConfig::<Test> { go_live: Some(GO_LIVE), _config: Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| {
		System::set_block_number(1);
		pallet_timestamp::Now::<Test>::put(NOW_MILLIS);
	});
	ext
}

/// Move to block `n`, running the pallet's `on_initialize` (proposal expiry) on the way.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		CivilEvents::on_initialize(next);
	}
}

/// Every invariant of the three registry pallets.
pub fn check_invariants() {
	pallet_offices::Pallet::<Test>::do_try_state().expect("offices invariants");
	pallet_persons::Pallet::<Test>::do_try_state().expect("persons invariants");
	CivilEvents::do_try_state().expect("civil events invariants");
}

/// Run `test`, then check every invariant.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		check_invariants();
	});
}
