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
			// What an act's call notes after the act: the application it followed.
			RuntimeEvent::CivilEvents(ActEvent::ApplicationUpdated { .. }) => None,
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
			// She takes his surname: her data root, computed off chain with it.
			surnames: vec![pallet_civil_events::SurnameChoice {
				person: madina,
				data_root: H256::repeat_byte(0x1a),
			}]
			.try_into()
			.unwrap(),
			application: marriage_application(Bob, madina, timur, wedding),
			document_hash: H256::repeat_byte(0x11),
		}) {
			ActEvent::MarriageRegistered { act, .. } => act,
			e => panic!("unexpected event {e:?}"),
		};
		assert_eq!(Persons::person(madina).unwrap().data_root, H256::repeat_byte(0x1a));
		pallet_timestamp::Now::<Runtime>::put(NOW_MILLIS);

		next_block();
		let child = match act(pallet_civil_events::Call::register_birth {
			notification: None,
			residence: None,
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
			notification: None,
			residence: None,
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
			surnames: Default::default(),
			application: marriage_application(Bob, madina, aziz, Date::new(2024, 6, 15)),
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

/// Ask the runtime API what an integrator asks.
fn api<R: codec::Decode>(method: &str, args: impl codec::Encode) -> R {
	let answer = civil_registry_runtime::apis::api::dispatch(method, &args.encode())
		.expect("the runtime exposes CivilRegistryApi");
	codec::Decode::decode(&mut &answer[..]).expect("the answer decodes")
}

#[test]
fn a_sealed_adoption_hides_the_birth_parents_from_the_public_not_from_the_law() {
	use civil_registry_primitives::{ActId, CertificateInfo, PersonRecord};
	use civil_registry_runtime::{
		apis::{ActRecord, ActsPage},
		BlockNumber,
	};
	use pallet_civil_events::ActDetails;

	preset_ext("development").execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(NOW_MILLIS);
		let today = Date::new(2024, 6, 15);

		// A girl of twelve, her mother on her record, her father by a paternity act.
		let mother = enroll(21, Sex::Female, Date::new(1985, 1, 1));
		let father = enroll(22, Sex::Male, Date::new(1983, 1, 1));
		next_block();
		let girl = match act(pallet_civil_events::Call::enroll_person {
			jurisdiction: YUNUSOBOD,
			birth_date: Date::new(2012, 5, 5),
			identity_key: H256::repeat_byte(23),
			data_root: H256::repeat_byte(0xd4),
			sex: Sex::Female,
			mother: Some(mother),
			father: None,
			archive_reference: H256::repeat_byte(0xa1),
		}) {
			ActEvent::PersonEnrolled { person, .. } => person,
			e => panic!("unexpected event {e:?}"),
		};
		next_block();
		let paternity = match act(pallet_civil_events::Call::register_paternity {
			jurisdiction: YUNUSOBOD,
			date: today,
			child: girl,
			father,
			court_decision: None,
			adult_consent: None,
			document_hash: H256::repeat_byte(0x15),
		}) {
			ActEvent::PaternityRegistered { act, .. } => act,
			e => panic!("unexpected event {e:?}"),
		};
		// A certificate of the paternity, issued before the adoption.
		let certificate = H256::repeat_byte(0xce);
		act(pallet_civil_events::Call::issue_certificate {
			act: paternity,
			certificate_hash: certificate,
		});
		let verify = |hash: H256| -> Option<CertificateInfo<BlockNumber>> {
			api("CivilRegistryApi_verify_certificate", hash)
		};
		assert!(verify(certificate).is_some());

		// Adopted, under seal, by a married couple.
		let adoptive_mother = enroll(24, Sex::Female, Date::new(1980, 2, 2));
		let adoptive_father = enroll(25, Sex::Male, Date::new(1979, 3, 3));
		next_block();
		act(pallet_civil_events::Call::register_marriage {
			first: adoptive_mother,
			second: adoptive_father,
			jurisdiction: YUNUSOBOD,
			date: today,
			exemption: None,
			surnames: Default::default(),
			application: marriage_application(Bob, adoptive_mother, adoptive_father, today),
			document_hash: H256::repeat_byte(0x16),
		});
		next_block();
		let adoption = match act(pallet_civil_events::Call::register_adoption {
			jurisdiction: YUNUSOBOD,
			date: today,
			child: girl,
			adoptive_mother: Some(adoptive_mother),
			adoptive_father: Some(adoptive_father),
			seal: true,
			decision: H256::repeat_byte(0x17),
			terms: Default::default(),
			surnames: Default::default(),
			document_hash: H256::repeat_byte(0x18),
		}) {
			ActEvent::AdoptionRegistered { act, sealed: true, .. } => act,
			e => panic!("unexpected event {e:?}"),
		};

		// Through the runtime API nothing leads from her to a birth parent, or back.
		let person = |id: u64| -> PersonRecord {
			api::<Option<PersonRecord>>("CivilRegistryApi_person", id).unwrap()
		};
		let record = |id: ActId| -> Option<ActRecord> { api("CivilRegistryApi_act", id) };
		let acts_of = |id: u64| -> ActsPage { api("CivilRegistryApi_acts_of", (id, 0u32, 100u32)) };
		let her = person(girl);
		assert_eq!((her.mother, her.father), (Some(adoptive_mother), Some(adoptive_father)));
		assert!(her.sealed);
		assert!(record(her.origin_act).is_none(), "her enrollment (it names her mother) is sealed");
		assert!(record(paternity).is_none(), "the paternity act names her birth father");
		assert!(verify(certificate).is_none(), "nor does its certificate answer");
		assert_eq!(acts_of(girl).acts, vec![adoption]);
		let adoption_record = record(adoption).unwrap();
		match adoption_record.current.details {
			ActDetails::Adoption(a) if a.previous == Default::default() => {},
			d => panic!("the adoption shows what it replaced: {d:?}"),
		}
		assert!(adoption_record.versions.is_empty());
		for parent in [mother, father] {
			for id in acts_of(parent).acts {
				let act = record(id).unwrap().current;
				assert!(!act.subjects().contains(&girl), "act {id} of a birth parent names her");
			}
		}
		for id in acts_of(girl).acts {
			let act = record(id).unwrap().current;
			assert!(!act.subjects().contains(&mother) && !act.subjects().contains(&father));
		}

		// The law still knows: grown up, she may not marry her birth father.
		next_block();
		let later = Date::new(2031, 1, 1);
		pallet_timestamp::Now::<Runtime>::put(later.days_since_epoch() as u64 * 86_400_000);
		let refused = apply(signed(
			Bob,
			RuntimeCall::CivilEvents(pallet_civil_events::Call::register_marriage {
				first: girl,
				second: father,
				jurisdiction: YUNUSOBOD,
				date: later,
				exemption: None,
				surnames: Default::default(),
				application: marriage_application(Bob, girl, father, later),
				document_hash: H256::repeat_byte(0x19),
			}),
		));
		assert_eq!(
			refused,
			Ok(Err(pallet_civil_events::Error::<Runtime>::CloseRelatives.into())),
			"the kinship rules follow the parents the adoption replaced"
		);

		pallet_offices::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_persons::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_civil_events::Pallet::<Runtime>::do_try_state().unwrap();
	});
}
