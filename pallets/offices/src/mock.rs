//! A test runtime with the offices pallet.

// Test code: a test fails by panicking, and overflow in test arithmetic would be a bug of the
// test itself; clippy.toml lifts the other panic-free lints in tests.
#![allow(clippy::arithmetic_side_effects)]

use crate as pallet_offices;
use civil_registry_primitives::{OfficeKind, Role};
use frame_support::{
	derive_impl,
	traits::{ConstU32, ConstU64},
};
use frame_system::EnsureRoot;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Offices: pallet_offices,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_offices::Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type HeadOrigin = pallet_offices::EnsureOfficeHead<Test>;
	type OnDismissed = ();
	type AppointeeCooling = ConstU64<100>;
	type MaxAppointmentsPerDay = ConstU32<3>;
	/// A day of 10 blocks, so that the tests reach the next one.
	type DayLength = ConstU64<10>;
	type MaxCodeLength = ConstU32<16>;
	type MaxNameLength = ConstU32<32>;
	type MaxJurisdictionDepth = ConstU32<3>;
	type MaxRegistrarsPerOffice = ConstU32<3>;
	type WeightInfo = ();
}

/// The sudo stand-in.
pub const SUDO: u64 = 100;
/// Head of the Yunusobod district office (office 0).
pub const YUN_HEAD: u64 = 1;
/// Registrar of the Yunusobod district office.
pub const YUN_REGISTRAR: u64 = 2;
/// Head of the Tashkent city regional department (office 1).
pub const TK_HEAD: u64 = 3;
/// Head of the Samarkand district office (office 2).
pub const SAM_HEAD: u64 = 4;
/// Head of the Samarkand regional department (office 3).
pub const SA_HEAD: u64 = 5;
/// An account with no role.
pub const NOBODY: u64 = 99;

/// Jurisdiction ids of the genesis below, in creation order.
pub const UZ: u32 = 0;
pub const TK: u32 = 1;
pub const SA: u32 = 2;
pub const TK_YUN: u32 = 3;
pub const TK_CHI: u32 = 4;
pub const SA_SAM: u32 = 5;

/// Office ids of the genesis below.
pub const YUN_OFFICE: u32 = 0;
pub const TK_DEPT: u32 = 1;
pub const SAM_OFFICE: u32 = 2;
pub const SA_DEPT: u32 = 3;
pub const WEDDING_HOUSE: u32 = 4;

fn s(v: &str) -> String {
	v.to_string()
}

/// Country → two regions → three districts, five offices, four heads and a registrar.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_offices::GenesisConfig::<Test> {
		jurisdictions: vec![
			(s("UZ"), s("Uzbekistan"), None),
			(s("UZ-TK"), s("Tashkent City"), Some(s("UZ"))),
			(s("UZ-SA"), s("Samarkand Region"), Some(s("UZ"))),
			(s("UZ-TK-YUN"), s("Yunusobod"), Some(s("UZ-TK"))),
			(s("UZ-TK-CHI"), s("Chilonzor"), Some(s("UZ-TK"))),
			(s("UZ-SA-SAM"), s("Samarkand City"), Some(s("UZ-SA"))),
		],
		offices: vec![
			(OfficeKind::DistrictRegistry, s("UZ-TK-YUN"), s("Yunusobod ZAGS")),
			(OfficeKind::RegionalDepartment, s("UZ-TK"), s("Tashkent Justice")),
			(OfficeKind::DistrictRegistry, s("UZ-SA-SAM"), s("Samarkand ZAGS")),
			(OfficeKind::RegionalDepartment, s("UZ-SA"), s("Samarkand Justice")),
			(OfficeKind::WeddingHouse, s("UZ-TK"), s("Wedding House")),
		],
		officers: vec![
			(YUN_HEAD, YUN_OFFICE, Role::Head),
			(YUN_REGISTRAR, YUN_OFFICE, Role::Registrar),
			(TK_HEAD, TK_DEPT, Role::Head),
			(SAM_HEAD, SAM_OFFICE, Role::Head),
			(SA_HEAD, SA_DEPT, Role::Head),
		],
		privileged_signers: vec![SUDO],
		appointment_delay: 0,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Run `test` on the genesis above, then check every invariant of the pallet.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Offices::do_try_state().expect("invariants hold after the test");
	});
}
