//! Unit tests: only the council origin dispatches as root, and the call's result is reported.

use crate::{self as pallet_governance, Event};
use frame_support::{assert_noop, assert_ok, derive_impl, traits::EnsureOrigin};
use sp_runtime::{BuildStorage, DispatchError};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Governance: pallet_governance,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// The council of the test: account 1 alone stands for it.
pub struct Council;
impl EnsureOrigin<RuntimeOrigin> for Council {
	type Success = ();
	fn try_origin(o: RuntimeOrigin) -> Result<(), RuntimeOrigin> {
		match o.clone().into() {
			Ok(frame_system::RawOrigin::Signed(1u64)) => Ok(()),
			_ => Err(o),
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::signed(1))
	}
}

impl pallet_governance::Config for Test {
	type RuntimeCall = RuntimeCall;
	type CouncilOrigin = Council;
	type WeightInfo = ();
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	let mut ext = sp_io::TestExternalities::from(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn set_code_hash() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::authorize_upgrade {
		code_hash: sp_core::H256::repeat_byte(7),
	})
}

#[test]
fn the_council_dispatches_a_root_only_call() {
	new_test_ext().execute_with(|| {
		assert_ok!(Governance::dispatch_as_root(
			RuntimeOrigin::signed(1),
			Box::new(set_code_hash())
		));
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::System(frame_system::Event::UpgradeAuthorized { code_hash, .. })
				if code_hash == sp_core::H256::repeat_byte(7)
		)));
		System::assert_last_event(Event::DispatchedAsRoot { result: Ok(()) }.into());
	});
}

#[test]
fn no_one_else_does() {
	new_test_ext().execute_with(|| {
		for origin in [RuntimeOrigin::signed(2), RuntimeOrigin::none()] {
			assert_noop!(
				Governance::dispatch_as_root(origin, Box::new(set_code_hash())),
				DispatchError::BadOrigin
			);
		}
		// Root itself needs no wrapper, and is not the council either.
		assert_noop!(
			Governance::dispatch_as_root(RuntimeOrigin::root(), Box::new(set_code_hash())),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_failing_call_is_reported_not_hidden() {
	new_test_ext().execute_with(|| {
		let apply = RuntimeCall::System(frame_system::Call::apply_authorized_upgrade {
			code: vec![1, 2, 3],
		});
		assert_ok!(Governance::dispatch_as_root(RuntimeOrigin::signed(1), Box::new(apply)));
		System::assert_last_event(
			Event::DispatchedAsRoot {
				result: Err(frame_system::Error::<Test>::NothingAuthorized.into()),
			}
			.into(),
		);
	});
}
