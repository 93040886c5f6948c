//! A test runtime with the gate alone. Who holds a role is the offices pallet's business, so
//! here it is a set the tests change ([`appoint`], [`dismiss`]); the gate together with the
//! real offices pallet and the runtime's table is tested in `runtime/tests/` (roles, refusals,
//! budget).

// Test code: a test fails by panicking, and overflow in test arithmetic would be a bug of the
// test itself; clippy.toml lifts the other panic-free lints in tests.
#![allow(clippy::arithmetic_side_effects)]

use crate as pallet_gate;
use core::cell::RefCell;
use frame_support::{derive_impl, traits::Contains};
use sp_runtime::BuildStorage;
use std::collections::BTreeSet;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Gate: pallet_gate,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// An officer of an active office.
pub const REGISTRAR: u64 = 1;
/// Another.
pub const HEAD: u64 = 2;
/// Signs without an office role (the sudo key's stand-in).
pub const SUDO: u64 = 100;
/// An account with no role.
pub const NOBODY: u64 = 99;

thread_local! {
	static OFFICERS: RefCell<BTreeSet<u64>> = RefCell::new([REGISTRAR, HEAD].into());
}

/// `who` holds a role from now on.
pub fn appoint(who: u64) {
	OFFICERS.with(|o| o.borrow_mut().insert(who));
}

/// `who` holds no role from now on.
pub fn dismiss(who: u64) {
	OFFICERS.with(|o| o.borrow_mut().remove(&who));
}

/// The officers of the test: [`REGISTRAR`] and [`HEAD`] at the start.
pub struct Officers;
impl Contains<u64> for Officers {
	fn contains(who: &u64) -> bool {
		OFFICERS.with(|o| o.borrow().contains(who))
	}
}

/// Accounts that sign without an office role: [`SUDO`] only.
pub struct Privileged;
impl Contains<u64> for Privileged {
	fn contains(who: &u64) -> bool {
		*who == SUDO
	}
}

frame_support::parameter_types! {
	/// Small, so that the tests reach it: 5 transactions or 1,000 bytes a day of 10 blocks,
	/// none longer than 300 bytes.
	pub const Budget: crate::SignerBudget<u64> = crate::SignerBudget {
		per_day: crate::Allowance { transactions: 5, bytes: 1_000 },
		max_transaction_bytes: 300,
		day_length: 10,
	};
}

#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64> for Officers {
	fn worst_officer() -> u64 {
		REGISTRAR
	}
}

impl pallet_gate::Config for Test {
	type Officers = Officers;
	type SignedCalls = crate::AnyCall<Test, Privileged>;
	type SignerBudget = Budget;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = Officers;
	type WeightInfo = ();
}

/// The genesis of the test: nothing but the system pallet's, at block 1, with the officer set
/// reset.
pub fn new_test_ext() -> sp_io::TestExternalities {
	OFFICERS.with(|o| *o.borrow_mut() = [REGISTRAR, HEAD].into());
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext: sp_io::TestExternalities = storage.into();
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Run `test` on the genesis above, then check every invariant of the pallet.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Gate::do_try_state().expect("invariants hold after the test");
	});
}
