//! Unit tests of the person registry.

// Test code: a test fails by panicking, and overflow in test arithmetic would be a bug of the
// test itself; clippy.toml lifts the other panic-free lints in tests.
#![allow(clippy::arithmetic_side_effects)]

use crate::{self as pallet_persons, Error, Persons as PersonsMap};
use civil_registry_primitives::{
	Date, LifeStatus, MaritalStatus, NewPerson, PersonRecord, PersonRegistry, Sex,
};
use frame_support::{assert_noop, assert_ok, derive_impl};
use sp_core::H256;
use sp_runtime::BuildStorage;

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Persons: pallet_persons,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

impl pallet_persons::Config for Test {}

fn run(test: impl FnOnce()) {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	sp_io::TestExternalities::from(storage).execute_with(|| {
		test();
		Persons::do_try_state().unwrap();
	});
}

fn key(k: u8) -> H256 {
	H256::repeat_byte(k)
}

/// A new person, born 1990-01-01, holding `key(k)`.
fn new(k: u8) -> NewPerson {
	NewPerson {
		identity_key: key(k),
		data_root: H256::repeat_byte(k.wrapping_add(0x80)),
		sex: Sex::Female,
		birth_date: Date::new(1990, 1, 1),
		birth_jurisdiction: 0,
		mother: None,
		father: None,
		origin_act: 0,
	}
}

/// The record the registry makes of `new(key)`.
fn record(key: u8) -> PersonRecord {
	PersonRecord {
		data_root: H256::repeat_byte(key.wrapping_add(0x80)),
		sex: Sex::Female,
		birth_date: Date::new(1990, 1, 1),
		birth_jurisdiction: 0,
		status: LifeStatus::Alive,
		mother: None,
		father: None,
		marital: MaritalStatus::Single,
		sealed: false,
		origin_act: 0,
		revoked: false,
	}
}

#[test]
fn create_assigns_ids_and_indexes_identity() {
	run(|| {
		assert_eq!(<Persons as PersonRegistry>::create(new(1)), Ok(0));
		assert_eq!(<Persons as PersonRegistry>::create(new(2)), Ok(1));
		assert_eq!(<Persons as PersonRegistry>::next_id(), 2);
		assert_eq!(<Persons as PersonRegistry>::by_identity(&H256::repeat_byte(2)), Some(1));
		assert_eq!(<Persons as PersonRegistry>::person(0), Some(record(1)));
	});
}

#[test]
fn duplicate_identity_is_refused() {
	run(|| {
		assert_ok!(<Persons as PersonRegistry>::create(new(1)));
		assert_noop!(<Persons as PersonRegistry>::create(new(1)), Error::<Test>::DuplicateIdentity);
	});
}

fn d(year: u16, month: u8, day: u8) -> Date {
	Date::new(year, month, day)
}

fn get(id: u64) -> PersonRecord {
	PersonsMap::<Test>::get(id).unwrap()
}

/// Two adults, `a` (0) and `b` (1), inserted.
fn two() -> (u64, u64) {
	(
		<Persons as PersonRegistry>::create(new(1)).unwrap(),
		<Persons as PersonRegistry>::create(NewPerson { sex: Sex::Male, ..new(2) }).unwrap(),
	)
}

#[test]
fn a_new_person_is_alive_single_in_force_with_older_parents() {
	run(|| {
		// The registry makes the record: nothing of a new person's state is the caller's.
		let first = <Persons as PersonRegistry>::create(new(1)).unwrap();
		let made = get(first);
		assert!(made.is_alive() && made.marital == MaritalStatus::Single);
		assert!(!made.sealed && !made.revoked);
		assert_noop!(
			<Persons as PersonRegistry>::create(NewPerson { mother: Some(7), ..new(2) }),
			Error::<Test>::UnknownPerson
		);
		assert_noop!(
			<Persons as PersonRegistry>::create(NewPerson { mother: Some(first), ..new(2) }),
			Error::<Test>::ParentNotOlder
		);
	});
}

#[test]
fn marriage_is_kept_symmetric() {
	run(|| {
		let (a, b) = two();
		assert_noop!(<Persons as PersonRegistry>::marry(a, a, 5), Error::<Test>::SamePerson);
		assert_noop!(<Persons as PersonRegistry>::marry(a, 9, 5), Error::<Test>::UnknownPerson);
		assert_ok!(<Persons as PersonRegistry>::marry(a, b, 5));
		assert_eq!(get(a).marital, MaritalStatus::Married { spouse: b, act: 5 });
		assert_eq!(get(b).marital, MaritalStatus::Married { spouse: a, act: 5 });
		let c = <Persons as PersonRegistry>::create(new(3)).unwrap();
		assert_noop!(<Persons as PersonRegistry>::marry(c, b, 6), Error::<Test>::AlreadyMarried);
		// A divorce names the marriage it ends.
		assert_noop!(<Persons as PersonRegistry>::divorce(a, b, 6), Error::<Test>::NotMarried);
		assert_noop!(<Persons as PersonRegistry>::divorce(a, c, 5), Error::<Test>::NotMarried);
		assert_ok!(<Persons as PersonRegistry>::divorce(b, a, 5));
		assert_eq!(
			(get(a).marital, get(b).marital),
			(MaritalStatus::Divorced, MaritalStatus::Divorced)
		);
		// Revoking the divorce puts the marriage back in effect.
		assert_ok!(<Persons as PersonRegistry>::resume_marriage(a, b, 5));
		assert_eq!(get(a).marital, MaritalStatus::Married { spouse: b, act: 5 });
		// Revoking the marriage leaves no one married, and only by that marriage.
		assert_noop!(
			<Persons as PersonRegistry>::annul_marriage(
				a,
				b,
				5,
				MaritalStatus::Married { spouse: c, act: 1 },
				MaritalStatus::Single
			),
			Error::<Test>::MarriageStillInEffect
		);
		assert_noop!(
			<Persons as PersonRegistry>::annul_marriage(
				a,
				b,
				4,
				MaritalStatus::Single,
				MaritalStatus::Single
			),
			Error::<Test>::NotMarried
		);
		assert_ok!(<Persons as PersonRegistry>::annul_marriage(
			a,
			b,
			5,
			MaritalStatus::Single,
			MaritalStatus::Divorced
		));
		assert_eq!(
			(get(a).marital, get(b).marital),
			(MaritalStatus::Single, MaritalStatus::Divorced)
		);
		// A spouse married since stays married; the annulment cannot make a new marriage.
		assert_ok!(<Persons as PersonRegistry>::marry(a, c, 7));
		let now = MaritalStatus::Married { spouse: c, act: 7 };
		assert_noop!(
			<Persons as PersonRegistry>::annul_marriage(
				a,
				b,
				5,
				MaritalStatus::Divorced,
				MaritalStatus::Divorced
			),
			Error::<Test>::NotMarried
		);
		assert_noop!(
			<Persons as PersonRegistry>::annul_marriage(
				b,
				c,
				5,
				MaritalStatus::Married { spouse: a, act: 5 },
				now
			),
			Error::<Test>::MarriageStillInEffect
		);
		assert_ok!(<Persons as PersonRegistry>::annul_marriage(
			a,
			b,
			5,
			now,
			MaritalStatus::Single
		));
		assert_eq!(get(a).marital, now);
	});
}

#[test]
fn a_death_ends_the_marriage_and_its_revocation_restores_it() {
	run(|| {
		let (a, b) = two();
		assert_ok!(<Persons as PersonRegistry>::marry(a, b, 5));
		assert_eq!(
			<Persons as PersonRegistry>::record_death(a, d(2020, 1, 1), 8),
			Ok(Some((b, 5)))
		);
		assert_eq!(get(a).status, LifeStatus::Deceased { date: d(2020, 1, 1), act: 8 });
		assert_eq!(get(a).marital, MaritalStatus::DiedMarried { spouse: b, act: 5 });
		assert_eq!(get(b).marital, MaritalStatus::Widowed);
		assert_noop!(
			<Persons as PersonRegistry>::record_death(a, d(2020, 1, 2), 9),
			Error::<Test>::NotAlive
		);
		assert_noop!(<Persons as PersonRegistry>::marry(a, b, 6), Error::<Test>::NotAlive);
		assert_ok!(<Persons as PersonRegistry>::correct_death_date(a, d(2019, 5, 5)));
		assert_eq!(get(a).status, LifeStatus::Deceased { date: d(2019, 5, 5), act: 8 });
		assert_noop!(
			<Persons as PersonRegistry>::correct_death_date(b, d(2019, 5, 5)),
			Error::<Test>::NotDeceased
		);
		assert_noop!(<Persons as PersonRegistry>::revoke_death(b), Error::<Test>::NotDeceased);
		assert_ok!(<Persons as PersonRegistry>::revoke_death(a));
		assert_eq!(get(a).status, LifeStatus::Alive);
		assert_eq!(get(b).marital, MaritalStatus::Married { spouse: a, act: 5 });
	});
}

#[test]
fn a_revoked_death_cannot_bring_back_a_marriage_the_survivor_left() {
	run(|| {
		let (a, b) = two();
		assert_ok!(<Persons as PersonRegistry>::marry(a, b, 5));
		assert_ok!(<Persons as PersonRegistry>::record_death(a, d(2020, 1, 1), 8));
		let c = <Persons as PersonRegistry>::create(new(3)).unwrap();
		assert_ok!(<Persons as PersonRegistry>::marry(b, c, 9));
		assert_noop!(<Persons as PersonRegistry>::revoke_death(a), Error::<Test>::SpouseNotWidowed);
	});
}

#[test]
fn parents_seal_data_root_and_birth_facts_change_by_intent() {
	run(|| {
		let (a, b) = two();
		let child =
			<Persons as PersonRegistry>::create(NewPerson { birth_date: d(2010, 1, 1), ..new(3) })
				.unwrap();
		assert_ok!(<Persons as PersonRegistry>::move_parent_links(child, Some(a), Some(b)));
		assert_eq!((get(child).mother, get(child).father), (Some(a), Some(b)));
		assert_noop!(
			<Persons as PersonRegistry>::move_parent_links(a, Some(child), None),
			Error::<Test>::ParentNotOlder
		);
		assert_noop!(
			<Persons as PersonRegistry>::move_parent_links(child, Some(9), None),
			Error::<Test>::UnknownPerson
		);
		assert_ok!(<Persons as PersonRegistry>::seal(child));
		assert!(get(child).sealed);
		assert_ok!(<Persons as PersonRegistry>::unseal(child));
		assert!(!get(child).sealed);
		assert_ok!(<Persons as PersonRegistry>::change_data(child, H256::repeat_byte(0xee)));
		assert_eq!(get(child).data_root, H256::repeat_byte(0xee));
		assert_ok!(<Persons as PersonRegistry>::correct_birth(child, d(2011, 2, 2), 4, Sex::Male));
		let c = get(child);
		assert_eq!((c.birth_date, c.birth_jurisdiction, c.sex), (d(2011, 2, 2), 4, Sex::Male));
		for intent in [
			<Persons as PersonRegistry>::seal(9),
			<Persons as PersonRegistry>::unseal(9),
			<Persons as PersonRegistry>::change_data(9, H256::zero()),
			<Persons as PersonRegistry>::correct_birth(9, d(2011, 2, 2), 4, Sex::Male),
			<Persons as PersonRegistry>::revoke(9, &key(9)),
		] {
			assert_eq!(intent, Err(Error::<Test>::UnknownPerson.into()));
		}
	});
}
#[test]
fn try_state_catches_a_one_sided_marriage() {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	sp_io::TestExternalities::from(storage).execute_with(|| {
		let a = <Persons as PersonRegistry>::create(new(1)).unwrap();
		let b = <Persons as PersonRegistry>::create(new(2)).unwrap();
		// Only a direct storage write can make a one-sided marriage: the intents cannot.
		PersonsMap::<Test>::mutate(a, |p| {
			p.as_mut().unwrap().marital = MaritalStatus::Married { spouse: b, act: 5 }
		});
		assert!(Persons::do_try_state().is_err());
		PersonsMap::<Test>::mutate(b, |p| {
			p.as_mut().unwrap().marital = MaritalStatus::Married { spouse: a, act: 5 }
		});
		assert!(Persons::do_try_state().is_ok());
	});
}

#[test]
fn revoking_a_person_frees_its_identity_key_for_good() {
	run(|| {
		assert_eq!(<Persons as PersonRegistry>::create(new(1)), Ok(0));
		assert_ok!(<Persons as PersonRegistry>::revoke(0, &key(1)));
		assert_eq!(<Persons as PersonRegistry>::by_identity(&H256::repeat_byte(1)), None);
		assert_eq!(
			<Persons as PersonRegistry>::person(0),
			Some(PersonRecord { revoked: true, ..record(1) })
		);
		// The genuine registration of the same person can now be made.
		assert_eq!(<Persons as PersonRegistry>::create(new(1)), Ok(1));
		assert_noop!(
			<Persons as PersonRegistry>::revoke(0, &key(1)),
			Error::<Test>::AlreadyRevoked
		);
		assert_noop!(<Persons as PersonRegistry>::marry(0, 1, 3), Error::<Test>::NotAlive);
	});
}

/// A marriage that ended otherwise than recorded (the spouse who died first registered
/// second): the states move, but no one is left in the ended marriage, none is created, and
/// only the dead died married.
#[test]
fn an_ended_marriage_is_settled_again_without_reopening_it() {
	run(|| {
		let (a, b) = two();
		let settle = |first, second| {
			<Persons as PersonRegistry>::settle_marriage_end(a, b, 5, first, second)
		};
		assert_ok!(<Persons as PersonRegistry>::marry(a, b, 5));
		// Still in effect: settled only by a divorce or a death.
		assert_noop!(
			settle(MaritalStatus::Divorced, MaritalStatus::Divorced),
			Error::<Test>::MarriageStillInEffect
		);
		assert_ok!(<Persons as PersonRegistry>::record_death(b, d(2020, 1, 2), 8));
		assert_ok!(<Persons as PersonRegistry>::record_death(a, d(2020, 1, 1), 9));
		assert_eq!(get(a).marital, MaritalStatus::Widowed);
		// Alive, the survivor cannot have died married.
		let c = <Persons as PersonRegistry>::create(new(3)).unwrap();
		assert_noop!(
			<Persons as PersonRegistry>::settle_marriage_end(
				c,
				b,
				5,
				MaritalStatus::DiedMarried { spouse: b, act: 5 },
				MaritalStatus::Widowed
			),
			Error::<Test>::NotDeceased
		);
		// No marriage is made.
		assert_noop!(
			settle(MaritalStatus::Married { spouse: b, act: 5 }, MaritalStatus::Widowed),
			Error::<Test>::MarriageStillInEffect
		);
		// She died first: she died married, he was widowed.
		assert_ok!(settle(
			MaritalStatus::DiedMarried { spouse: b, act: 5 },
			MaritalStatus::Widowed
		));
		assert_eq!(get(a).marital, MaritalStatus::DiedMarried { spouse: b, act: 5 });
		assert_eq!(get(b).marital, MaritalStatus::Widowed);
	});
}
