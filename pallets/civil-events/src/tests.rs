//! Unit tests of the acts and the law rules. Every test ends with the invariants of offices,
//! persons and civil events checked ([`build_and_execute`]).

// Test code: a test fails by panicking, and overflow in test arithmetic would be a bug of the
// test itself; clippy.toml lifts the other panic-free lints in tests.
#![allow(clippy::arithmetic_side_effects)]

mod births;
mod dates;
mod deaths;
mod family;
mod lifecycle;
mod marriages;
mod permissions;
mod property;
mod subjects;

use crate::{mock::*, ActDetails, ActStatus, Acts, ActsOf, Error, Event, PendingIdentities};
use civil_registry_primitives::{
	ActKind, Date, LifeStatus, MaritalStatus, PersonId, PersonRecord, PersonRegistry, Sex,
};
use frame_support::{assert_noop, assert_ok};
use sp_core::H256;
use sp_runtime::DispatchError;

pub(crate) fn d(year: u16, month: u8, day: u8) -> Date {
	Date::new(year, month, day)
}

fn h(v: u8) -> H256 {
	H256::repeat_byte(v)
}

fn signed(who: u64) -> RuntimeOrigin {
	RuntimeOrigin::signed(who)
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::CivilEvents(e) => Some(e),
			_ => None,
		})
		.next_back()
		.expect("a civil events event")
}

fn person(id: PersonId) -> PersonRecord {
	Persons::person(id).expect("the person exists")
}

/// Enroll a person from the archive; returns their id.
pub(crate) fn enroll(key: u8, sex: Sex, born: Date) -> PersonId {
	assert_ok!(CivilEvents::enroll_person(
		signed(ARCHIVIST),
		TK_YUN,
		born,
		h(key),
		h(0xd0),
		sex,
		h(0xa0)
	));
	Persons::by_identity(&h(key)).unwrap()
}

/// Register a birth in Yunusobod (approved by the head if it is late); returns the child.
fn birth(key: u8, born: Date, mother: Option<PersonId>, father: Option<PersonId>) -> PersonId {
	assert_ok!(CivilEvents::register_birth(
		signed(REGISTRAR),
		TK_YUN,
		born,
		h(key),
		h(0xd1),
		Sex::Female,
		mother,
		father,
		h(0xdd)
	));
	let act = crate::NextActId::<Test>::get() - 1;
	if Acts::<Test>::get(act).unwrap().status == ActStatus::Pending {
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
	}
	Persons::by_identity(&h(key)).unwrap()
}

fn marry(a: PersonId, b: PersonId, on: Date) -> u64 {
	assert_ok!(CivilEvents::register_marriage(signed(REGISTRAR), a, b, TK_YUN, on, None, h(0xdd)));
	crate::NextActId::<Test>::get() - 1
}

/// An adult couple: (mother, father).
fn couple() -> (PersonId, PersonId) {
	(enroll(1, Sex::Female, d(1990, 3, 1)), enroll(2, Sex::Male, d(1988, 7, 20)))
}
