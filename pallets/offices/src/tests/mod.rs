//! Unit tests of the offices pallet, one file per action. Every test runs on the genesis of
//! [`crate::mock`] and ends with the pallet's invariants checked ([`build_and_execute`]).

// Test code: a test fails by panicking, and overflow in test arithmetic would be a bug of the
// test itself; clippy.toml lifts the other panic-free lints in tests.
#![allow(clippy::arithmetic_side_effects)]

use crate::{
	mock::*, Dismissals, Error, Event, Jurisdictions, OfficeStatus, Officers,
	Offices as OfficesStorage,
};
use civil_registry_primitives::{
	ActKind, CompromisedKeys, JurisdictionTree, OfficeKind, OfficerPermissions, PermissionError,
	Role,
};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Offices(e) => Some(e),
			_ => None,
		})
		.next_back()
		.expect("an offices event was emitted")
}

fn code(v: &str) -> crate::CodeOf<Test> {
	v.as_bytes().to_vec().try_into().unwrap()
}

fn name(v: &str) -> crate::NameOf<Test> {
	v.as_bytes().to_vec().try_into().unwrap()
}

mod appointments;
mod genesis;
mod jurisdictions;
mod officers;
mod offices;
mod permissions;

/// The emergency calls take the operational part of a block, which ordinary transactions
/// cannot fill: a full block of acts cannot hold back a dismissal or a suspension.
#[test]
fn emergency_calls_are_operational() {
	use frame_support::dispatch::{DispatchClass, GetDispatchInfo};
	let emergency = [
		crate::Call::<Test>::dismiss_officer { who: 1, compromised_since: None },
		crate::Call::<Test>::dismiss_registrar { who: 1, compromised_since: None },
		crate::Call::<Test>::suspend_office { office: 0 },
		crate::Call::<Test>::veto_appointment { who: 1 },
	];
	for call in emergency {
		assert_eq!(call.get_dispatch_info().class, DispatchClass::Operational, "{call:?}");
	}
	let ordinary = crate::Call::<Test>::appoint_registrar { who: 1 };
	assert_eq!(ordinary.get_dispatch_info().class, DispatchClass::Normal);
}
