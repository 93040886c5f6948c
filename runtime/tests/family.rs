//! A family's life on the real runtime, through signed extrinsics: two enrolled adults marry,
//! a child is born, one parent dies, the survivor remarries.

// Test code: a test fails by panicking (and overflow in test arithmetic would be a bug of the
// test itself), so the panic-free lints that guard runtime code do not apply here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

mod common;

use civil_registry_primitives::{Date, LifeStatus, MaritalStatus, PersonRegistry, Sex};
use civil_registry_runtime::{Persons, Runtime, RuntimeCall, RuntimeEvent, System};
use common::*;
use pallet_civil_events::Event as ActEvent;
use sp_core::H256;
use sp_keyring::Sr25519Keyring::Bob;

/// Yunusobod district of Tashkent city in the development genesis (office 0 serves it).
const YUNUSOBOD: u32 = 15;
/// 2024-06-15 12:00 UTC.
const NOW_MILLIS: u64 = 1_718_452_800_000;

fn act(call: pallet_civil_events::Call<Runtime>) -> ActEvent<Runtime> {
	System::reset_events();
	let result = apply(signed(Bob, RuntimeCall::CivilEvents(call)));
	assert_eq!(result, Ok(Ok(())), "the act is applied");
	System::events()
		.into_iter()
		.rev()
		.find_map(|r| match r.event {
			RuntimeEvent::CivilEvents(e) => Some(e),
			_ => None,
		})
		.expect("the act emitted its event")
}

fn enroll(key: u8, sex: Sex, born: Date) -> u64 {
	match act(pallet_civil_events::Call::enroll_person {
		jurisdiction: YUNUSOBOD,
		birth_date: born,
		identity_key: H256::repeat_byte(key),
		data_root: H256::repeat_byte(0xd0),
		sex,
		mother: None,
		father: None,
		archive_reference: H256::repeat_byte(0xa0),
	}) {
		ActEvent::PersonEnrolled { person, .. } => person,
		e => panic!("unexpected event {e:?}"),
	}
}

#[test]
fn a_familys_life() {
	preset_ext("development").execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(NOW_MILLIS);

		let madina = enroll(1, Sex::Female, Date::new(1994, 4, 2));
		let timur = enroll(2, Sex::Male, Date::new(1992, 11, 23));

		// A marriage is registered on its day: the clock is that day's, then today's again.
		next_block();
		let wedding = Date::new(2020, 8, 15);
		pallet_timestamp::Now::<Runtime>::put(wedding.days_since_epoch() as u64 * 86_400_000);
		let marriage = match act(pallet_civil_events::Call::register_marriage {
			first: madina,
			second: timur,
			jurisdiction: YUNUSOBOD,
			date: wedding,
			exemption: None,
			document_hash: H256::repeat_byte(0x11),
		}) {
			ActEvent::MarriageRegistered { act, .. } => act,
			e => panic!("unexpected event {e:?}"),
		};
		pallet_timestamp::Now::<Runtime>::put(NOW_MILLIS);

		next_block();
		let child = match act(pallet_civil_events::Call::register_birth {
			jurisdiction: YUNUSOBOD,
			birth_date: Date::new(2024, 6, 1),
			identity_key: H256::repeat_byte(3),
			data_root: H256::repeat_byte(0xd3),
			sex: Sex::Male,
			mother: Some(madina),
			father: Some(timur),
			court_decision: None,
			document_hash: H256::repeat_byte(0x12),
		}) {
			ActEvent::BirthRegistered { child, .. } => child,
			e => panic!("unexpected event {e:?}"),
		};
		let c = Persons::person(child).unwrap();
		assert_eq!((c.mother, c.father), (Some(madina), Some(timur)));

		next_block();
		match act(pallet_civil_events::Call::register_death {
			person: timur,
			jurisdiction: YUNUSOBOD,
			date_of_death: Date::new(2024, 6, 14),
			document_hash: H256::repeat_byte(0x13),
		}) {
			ActEvent::DeathRegistered { person, widowed, .. } => {
				assert_eq!((person, widowed), (timur, Some(madina)));
			},
			e => panic!("unexpected event {e:?}"),
		}
		assert!(matches!(Persons::person(timur).unwrap().status, LifeStatus::Deceased { .. }));
		assert_eq!(Persons::person(madina).unwrap().marital, MaritalStatus::Widowed);

		next_block();
		let aziz = enroll(4, Sex::Male, Date::new(1990, 2, 2));
		let second = match act(pallet_civil_events::Call::register_marriage {
			first: madina,
			second: aziz,
			jurisdiction: YUNUSOBOD,
			date: Date::new(2024, 6, 15),
			exemption: None,
			document_hash: H256::repeat_byte(0x14),
		}) {
			ActEvent::MarriageRegistered { act, .. } => act,
			e => panic!("unexpected event {e:?}"),
		};
		assert_ne!(second, marriage);
		assert_eq!(
			Persons::person(madina).unwrap().marital,
			MaritalStatus::Married { spouse: aziz, act: second }
		);

		// Every invariant of the three registry pallets holds on the real runtime too.
		pallet_offices::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_persons::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_civil_events::Pallet::<Runtime>::do_try_state().unwrap();
	});
}
