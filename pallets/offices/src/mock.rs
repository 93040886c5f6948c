//! A test runtime with the offices pallet.

// Test code: a test fails by panicking, and overflow in test arithmetic would be a bug of the
// test itself; clippy.toml lifts the other panic-free lints in tests.
#![allow(clippy::arithmetic_side_effects)]

use crate as pallet_offices;
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
	type MaxRegistrarsPerOffice = ConstU32<4>;
	type WeightInfo = ();
}

pub use crate::test_country::*;

/// The sudo stand-in: signs without an office role.
pub const SUDO: u64 = 100;
/// The head of the Yunusobod district office, by the name these tests give it.
pub const YUN_HEAD: u64 = HEAD;
/// A registrar of the Yunusobod district office.
pub const YUN_REGISTRAR: u64 = REGISTRAR;
/// The head of the Tashkent City Justice Department.
pub const TK_HEAD: u64 = TK_REGIONAL_HEAD;
/// The head of the Samarkand Region Justice Department.
pub const SA_HEAD: u64 = SA_REGIONAL_HEAD;

/// The test country ([`crate::test_country`]), with [`SUDO`] as a signer without a role.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_offices::GenesisConfig::<Test> {
		privileged_signers: vec![SUDO],
		..crate::test_country::genesis()
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
