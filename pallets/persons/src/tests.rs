//! Unit tests of the person registry.

// Test code: a test fails by panicking, and overflow in test arithmetic would be a bug of the
// test itself; clippy.toml lifts the other panic-free lints in tests.
#![allow(clippy::arithmetic_side_effects)]

use crate::{self as pallet_persons, Error, PersonByIdentity, Persons as PersonsMap};
use civil_registry_primitives::{
	Date, LifeStatus, MaritalStatus, PersonRecord, PersonRegistry, Sex,
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

fn record(key: u8) -> PersonRecord {
	PersonRecord {
		identity_key: H256::repeat_byte(key),
		data_root: H256::repeat_byte(0xd0),
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
fn insert_assigns_ids_and_indexes_identity() {
	run(|| {
		assert_eq!(<Persons as PersonRegistry>::insert(record(1)), Ok(0));
		assert_eq!(<Persons as PersonRegistry>::insert(record(2)), Ok(1));
		assert_eq!(<Persons as PersonRegistry>::next_id(), 2);
		assert_eq!(<Persons as PersonRegistry>::by_identity(&H256::repeat_byte(2)), Some(1));
		assert_eq!(<Persons as PersonRegistry>::person(0), Some(record(1)));
	});
}

#[test]
fn duplicate_identity_is_refused() {
	run(|| {
		assert_ok!(<Persons as PersonRegistry>::insert(record(1)));
		assert_noop!(
			<Persons as PersonRegistry>::insert(record(1)),
			Error::<Test>::DuplicateIdentity
		);
	});
}

#[test]
fn update_keeps_the_identity_key() {
	run(|| {
		let id = <Persons as PersonRegistry>::insert(record(1)).unwrap();
		let mut changed = record(1);
		changed.data_root = H256::repeat_byte(0xee);
		assert_ok!(<Persons as PersonRegistry>::update(id, changed.clone()));
		assert_eq!(PersonsMap::<Test>::get(id), Some(changed));
		assert_noop!(
			<Persons as PersonRegistry>::update(id, record(9)),
			Error::<Test>::IdentityKeyChanged
		);
		assert_noop!(
			<Persons as PersonRegistry>::update(7, record(1)),
			Error::<Test>::UnknownPerson
		);
		assert_eq!(PersonByIdentity::<Test>::get(H256::repeat_byte(1)), Some(id));
	});
}

#[test]
fn try_state_catches_a_one_sided_marriage() {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	sp_io::TestExternalities::from(storage).execute_with(|| {
		let a = <Persons as PersonRegistry>::insert(record(1)).unwrap();
		let b = <Persons as PersonRegistry>::insert(record(2)).unwrap();
		let mut ra = record(1);
		ra.marital = MaritalStatus::Married { spouse: b, act: 5 };
		<Persons as PersonRegistry>::update(a, ra).unwrap();
		assert!(Persons::do_try_state().is_err());
		let mut rb = record(2);
		rb.marital = MaritalStatus::Married { spouse: a, act: 5 };
		<Persons as PersonRegistry>::update(b, rb).unwrap();
		assert!(Persons::do_try_state().is_ok());
	});
}

#[test]
fn revoking_a_person_frees_its_identity_key_for_good() {
	run(|| {
		assert_eq!(<Persons as PersonRegistry>::insert(record(1)), Ok(0));
		let revoked = PersonRecord { revoked: true, ..record(1) };
		assert_ok!(<Persons as PersonRegistry>::update(0, revoked.clone()));
		assert_eq!(<Persons as PersonRegistry>::by_identity(&H256::repeat_byte(1)), None);
		assert_eq!(<Persons as PersonRegistry>::person(0), Some(revoked));
		// The genuine registration of the same person can now be made.
		assert_eq!(<Persons as PersonRegistry>::insert(record(1)), Ok(1));
		assert_noop!(
			<Persons as PersonRegistry>::update(0, record(1)),
			Error::<Test>::RevocationIsFinal
		);
	});
}
