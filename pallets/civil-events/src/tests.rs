//! Unit tests of the acts and the law rules. Every test ends with the invariants of offices,
//! persons and civil events checked ([`build_and_execute`]).

// Test code: a test fails by panicking, and overflow in test arithmetic would be a bug of the
// test itself; clippy.toml lifts the other panic-free lints in tests.
#![allow(clippy::arithmetic_side_effects)]

mod lifecycle;
mod property;

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

mod births {
	use super::*;

	#[test]
	fn birth_creates_the_child_with_its_parents() {
		build_and_execute(|| {
			let (m, f) = couple();
			assert_ok!(CivilEvents::register_birth(
				signed(REGISTRAR),
				TK_YUN,
				d(2024, 6, 1),
				h(10),
				h(0xd1),
				Sex::Male,
				Some(m),
				Some(f),
				h(0xdd)
			));
			let child = Persons::by_identity(&h(10)).unwrap();
			let act = crate::NextActId::<Test>::get() - 1;
			assert_eq!(last_event(), Event::BirthRegistered { act, child, office: YUN_OFFICE });
			let c = person(child);
			assert_eq!(
				(c.mother, c.father, c.sex, c.birth_date),
				(Some(m), Some(f), Sex::Male, d(2024, 6, 1))
			);
			assert_eq!(
				(c.status, c.marital, c.origin_act),
				(LifeStatus::Alive, MaritalStatus::Single, act)
			);
			let a = Acts::<Test>::get(act).unwrap();
			assert_eq!(a.subjects.to_vec(), vec![child, m, f]);
			assert_eq!(
				(a.kind, a.status, a.version, a.late, a.officer),
				(ActKind::Birth, ActStatus::Registered, 1, false, REGISTRAR)
			);
			assert!(ActsOf::<Test>::get(m).contains(&act));
			assert!(ActsOf::<Test>::get(child).contains(&act));
		});
	}

	#[test]
	fn enrollment_creates_a_person() {
		build_and_execute(|| {
			assert_ok!(CivilEvents::enroll_person(
				signed(ARCHIVIST),
				SA_SAM,
				d(1950, 1, 31),
				h(7),
				h(0xd0),
				Sex::Male,
				h(0xa7)
			));
			let p = Persons::by_identity(&h(7)).unwrap();
			assert_eq!(last_event(), Event::PersonEnrolled { act: 0, person: p, office: 3 });
			assert_eq!(person(p).birth_jurisdiction, SA_SAM);
			assert!(
				matches!(Acts::<Test>::get(0).unwrap().details, ActDetails::Enrollment { archive_reference, .. } if archive_reference == h(0xa7))
			);
		});
	}

	#[test]
	fn duplicate_identity_key() {
		build_and_execute(|| {
			enroll(1, Sex::Female, d(1990, 1, 1));
			assert_noop!(
				CivilEvents::enroll_person(
					signed(ARCHIVIST),
					TK_YUN,
					d(1991, 1, 1),
					h(1),
					h(0),
					Sex::Male,
					h(0)
				),
				Error::<Test>::DuplicateIdentity
			);
			assert_noop!(
				CivilEvents::register_birth(
					signed(REGISTRAR),
					TK_YUN,
					d(2024, 6, 1),
					h(1),
					h(0),
					Sex::Male,
					None,
					None,
					h(0)
				),
				Error::<Test>::DuplicateIdentity
			);
		});
	}

	#[test]
	fn parents_rules() {
		build_and_execute(|| {
			let (m, f) = couple();
			let reg = |mother, father, born| {
				CivilEvents::register_birth(
					signed(REGISTRAR),
					TK_YUN,
					born,
					h(50),
					h(0),
					Sex::Male,
					mother,
					father,
					h(0),
				)
			};
			assert_noop!(reg(Some(f), None, d(2024, 6, 1)), Error::<Test>::MotherNotFemale);
			assert_noop!(reg(None, Some(m), d(2024, 6, 1)), Error::<Test>::FatherNotMale);
			assert_noop!(reg(Some(77), None, d(2024, 6, 1)), Error::<Test>::UnknownPerson);
			// A parent must be older than the child.
			let young = enroll(3, Sex::Female, d(2024, 6, 1));
			assert_noop!(reg(Some(young), None, d(2024, 6, 1)), Error::<Test>::ParentNotOlder);
		});
	}

	#[test]
	fn a_deceased_mother_before_the_birth_is_refused() {
		build_and_execute(|| {
			let (m, _) = couple();
			assert_ok!(CivilEvents::register_death(
				signed(REGISTRAR),
				m,
				TK_YUN,
				d(2024, 6, 13),
				h(0)
			));
			let reg = |born| {
				CivilEvents::register_birth(
					signed(REGISTRAR),
					TK_YUN,
					born,
					h(50),
					h(0),
					Sex::Male,
					Some(m),
					None,
					h(0),
				)
			};
			// Dying on the day of the birth is possible; the day before, not.
			assert_noop!(reg(d(2024, 6, 14)), Error::<Test>::MotherDeceasedBeforeBirth);
			assert_ok!(reg(d(2024, 6, 13)));
		});
	}

	#[test]
	fn the_father_may_have_died_up_to_300_days_before() {
		build_and_execute(|| {
			let (_, f) = couple();
			// Died 2023-08-20: 300 days later is 2024-06-15.
			assert_ok!(CivilEvents::register_death(
				signed(REGISTRAR),
				f,
				TK_YUN,
				d(2023, 8, 20),
				h(0)
			));
			let act = crate::NextActId::<Test>::get() - 1;
			assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
			let reg = |key, born| {
				CivilEvents::register_birth(
					signed(REGISTRAR),
					TK_YUN,
					born,
					h(key),
					h(0),
					Sex::Male,
					None,
					Some(f),
					h(0),
				)
			};
			assert_ok!(reg(60, d(2024, 6, 15)));
			// A father who died one day earlier: 301 days before the birth.
			let late_father = enroll(8, Sex::Male, d(1970, 1, 1));
			assert_ok!(CivilEvents::register_death(
				signed(REGISTRAR),
				late_father,
				TK_YUN,
				d(2023, 8, 19),
				h(0)
			));
			assert_ok!(CivilEvents::approve_late_registration(
				signed(HEAD),
				crate::NextActId::<Test>::get() - 1
			));
			assert_noop!(
				CivilEvents::register_birth(
					signed(REGISTRAR),
					TK_YUN,
					d(2024, 6, 15),
					h(61),
					h(0),
					Sex::Male,
					None,
					Some(late_father),
					h(0)
				),
				Error::<Test>::FatherDeceasedTooEarly
			);
		});
	}

	#[test]
	fn late_birth_is_pending_until_a_head_approves() {
		build_and_execute(|| {
			let (m, _) = couple();
			// Born 2024-05-01: the deadline was 2024-06-01.
			assert_ok!(CivilEvents::register_birth(
				signed(REGISTRAR),
				TK_YUN,
				d(2024, 5, 1),
				h(20),
				h(0),
				Sex::Female,
				Some(m),
				None,
				h(0)
			));
			let act = crate::NextActId::<Test>::get() - 1;
			assert_eq!(
				last_event(),
				Event::LateRegistrationPending { act, kind: ActKind::Birth, office: YUN_OFFICE }
			);
			// No effect on persons yet: no child, the mother's acts unchanged.
			assert_eq!(Persons::by_identity(&h(20)), None);
			assert!(!ActsOf::<Test>::get(m).contains(&act));
			assert_eq!(Acts::<Test>::get(act).unwrap().status, ActStatus::Pending);
			// The identity key is reserved meanwhile.
			assert_eq!(PendingIdentities::<Test>::get(h(20)), Some(act));
			assert_noop!(
				CivilEvents::register_birth(
					signed(REGISTRAR_2),
					TK_YUN,
					d(2024, 6, 10),
					h(20),
					h(0),
					Sex::Female,
					None,
					None,
					h(0)
				),
				Error::<Test>::DuplicateIdentity
			);
			// A registrar cannot approve; the registering officer neither.
			assert_noop!(
				CivilEvents::approve_late_registration(signed(REGISTRAR_2), act),
				Error::<Test>::NotHeadOfOffice
			);
			assert_noop!(
				CivilEvents::approve_late_registration(signed(SAM_REGISTRAR), act),
				Error::<Test>::NotHeadOfOffice
			);
			assert_noop!(
				CivilEvents::approve_late_registration(signed(HEAD), 999),
				Error::<Test>::UnknownAct
			);
			assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
			let child = Persons::by_identity(&h(20)).unwrap();
			assert_eq!(last_event(), Event::BirthRegistered { act, child, office: YUN_OFFICE });
			assert!(System::events().iter().any(|r| r.event
				== RuntimeEvent::CivilEvents(Event::LateRegistrationApproved {
					act,
					approved_by: HEAD
				})));
			let a = Acts::<Test>::get(act).unwrap();
			assert_eq!((a.status, a.late), (ActStatus::Registered, true));
			assert_eq!(PendingIdentities::<Test>::get(h(20)), None);
			assert_noop!(
				CivilEvents::approve_late_registration(signed(HEAD), act),
				Error::<Test>::NotPending
			);
		});
	}

	#[test]
	fn a_head_cannot_approve_its_own_late_registration() {
		build_and_execute(|| {
			assert_ok!(CivilEvents::register_birth(
				signed(HEAD),
				TK_YUN,
				d(2024, 1, 1),
				h(20),
				h(0),
				Sex::Female,
				None,
				None,
				h(0)
			));
			let act = crate::NextActId::<Test>::get() - 1;
			assert_noop!(
				CivilEvents::approve_late_registration(signed(HEAD), act),
				Error::<Test>::SelfApproval
			);
		});
	}

	#[test]
	fn approval_rechecks_the_rules() {
		build_and_execute(|| {
			let (m, _) = couple();
			assert_ok!(CivilEvents::register_birth(
				signed(REGISTRAR),
				TK_YUN,
				d(2024, 5, 1),
				h(20),
				h(0),
				Sex::Female,
				Some(m),
				None,
				h(0)
			));
			let act = crate::NextActId::<Test>::get() - 1;
			// Meanwhile the mother's death is registered, dated before the birth.
			assert_ok!(CivilEvents::register_death(
				signed(REGISTRAR),
				m,
				TK_YUN,
				d(2024, 6, 14),
				h(0)
			));
			assert_ok!(CivilEvents::register_death(
				signed(REGISTRAR),
				enroll(3, Sex::Male, d(1950, 1, 1)),
				TK_YUN,
				d(2024, 6, 14),
				h(0)
			));
			// Still fine: she died after the birth.
			assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
		});
	}
}

mod dates {
	use super::*;

	#[test]
	fn invalid_and_future_dates() {
		build_and_execute(|| {
			let reg = |born| {
				CivilEvents::enroll_person(
					signed(ARCHIVIST),
					TK_YUN,
					born,
					h(1),
					h(0),
					Sex::Male,
					h(0),
				)
			};
			assert_noop!(reg(d(2023, 2, 29)), Error::<Test>::InvalidDate);
			assert_noop!(reg(d(2024, 13, 1)), Error::<Test>::InvalidDate);
			assert_noop!(reg(d(2024, 4, 31)), Error::<Test>::InvalidDate);
			assert_noop!(reg(d(1700, 1, 1)), Error::<Test>::InvalidDate);
			assert_noop!(reg(d(2024, 6, 16)), Error::<Test>::DateInFuture);
			assert_ok!(reg(TODAY));
			assert_noop!(
				CivilEvents::register_birth(
					signed(REGISTRAR),
					TK_YUN,
					d(2023, 2, 29),
					h(2),
					h(0),
					Sex::Male,
					None,
					None,
					h(0)
				),
				Error::<Test>::InvalidDate
			);
		});
	}

	#[test]
	fn no_clock_no_dates() {
		build_and_execute(|| {
			pallet_timestamp::Now::<Test>::put(0);
			assert_noop!(
				CivilEvents::enroll_person(
					signed(ARCHIVIST),
					TK_YUN,
					d(1990, 1, 1),
					h(1),
					h(0),
					Sex::Male,
					h(0)
				),
				Error::<Test>::ClockUnavailable
			);
		});
	}
}

mod permissions {
	use super::*;

	#[test]
	fn officers_act_only_where_and_what_they_may() {
		build_and_execute(|| {
			let p = enroll(1, Sex::Male, d(1990, 1, 1));
			let death = |who, j| CivilEvents::register_death(signed(who), p, j, TODAY, h(0));
			assert_noop!(death(NOBODY, TK_YUN), Error::<Test>::NotOfficer);
			// A registrar of Yunusobod outside its district.
			assert_noop!(death(REGISTRAR, TK_CHI), Error::<Test>::OutsideJurisdiction);
			// A registrar of Samarkand in Tashkent.
			assert_noop!(death(SAM_REGISTRAR, TK_YUN), Error::<Test>::OutsideJurisdiction);
			// A wedding house registers marriages only.
			assert_noop!(death(WEDDING_REGISTRAR, TK_YUN), Error::<Test>::ActKindNotAllowed);
			assert_noop!(death(REGISTRAR, 42), Error::<Test>::UnknownJurisdiction);
			assert_noop!(
				CivilEvents::register_death(RuntimeOrigin::none(), p, TK_YUN, TODAY, h(0)),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn a_dismissed_officer_cannot_register() {
		build_and_execute(|| {
			let p = enroll(1, Sex::Male, d(1990, 1, 1));
			assert_ok!(pallet_offices::Pallet::<Test>::dismiss_registrar(
				signed(HEAD),
				REGISTRAR,
				None
			));
			assert_noop!(
				CivilEvents::register_death(signed(REGISTRAR), p, TK_YUN, TODAY, h(0)),
				Error::<Test>::NotOfficer
			);
		});
	}

	#[test]
	fn a_suspended_office_cannot_register() {
		build_and_execute(|| {
			let p = enroll(1, Sex::Male, d(1990, 1, 1));
			assert_ok!(pallet_offices::Pallet::<Test>::suspend_office(
				RuntimeOrigin::root(),
				YUN_OFFICE
			));
			assert_noop!(
				CivilEvents::register_death(signed(REGISTRAR), p, TK_YUN, TODAY, h(0)),
				Error::<Test>::OfficeNotActive
			);
		});
	}

	#[test]
	fn an_act_pins_its_jurisdiction() {
		build_and_execute(|| {
			enroll(1, Sex::Male, d(1990, 1, 1));
			assert_noop!(
				pallet_offices::Pallet::<Test>::remove_jurisdiction(RuntimeOrigin::root(), TK_YUN),
				pallet_offices::Error::<Test>::JurisdictionInUse
			);
		});
	}
}

mod deaths {
	use super::*;

	#[test]
	fn death_of_a_married_person_widows_the_spouse() {
		build_and_execute(|| {
			let (m, f) = couple();
			let marriage = marry(m, f, d(2015, 5, 5));
			assert_ok!(CivilEvents::register_death(
				signed(REGISTRAR),
				f,
				TK_YUN,
				d(2024, 6, 14),
				h(0xde)
			));
			let act = crate::NextActId::<Test>::get() - 1;
			assert_eq!(
				last_event(),
				Event::DeathRegistered { act, person: f, office: YUN_OFFICE, widowed: Some(m) }
			);
			assert_eq!(person(f).status, LifeStatus::Deceased { date: d(2024, 6, 14), act });
			assert_eq!(person(f).marital, MaritalStatus::DiedMarried { spouse: m, act: marriage });
			assert_eq!(person(m).marital, MaritalStatus::Widowed);
			assert!(
				matches!(Acts::<Test>::get(marriage).unwrap().details, ActDetails::Marriage { ended_by: Some(a), .. } if a == act)
			);
		});
	}

	#[test]
	fn death_rules() {
		build_and_execute(|| {
			let p = enroll(1, Sex::Male, d(1990, 1, 1));
			assert_noop!(
				CivilEvents::register_death(signed(REGISTRAR), p, TK_YUN, d(1989, 12, 31), h(0)),
				Error::<Test>::DeathBeforeBirth
			);
			assert_noop!(
				CivilEvents::register_death(signed(REGISTRAR), 77, TK_YUN, TODAY, h(0)),
				Error::<Test>::UnknownPerson
			);
			assert_ok!(CivilEvents::register_death(signed(REGISTRAR), p, TK_YUN, TODAY, h(0)));
			assert_eq!(
				last_event(),
				Event::DeathRegistered { act: 1, person: p, office: YUN_OFFICE, widowed: None }
			);
			assert_noop!(
				CivilEvents::register_death(signed(REGISTRAR), p, TK_YUN, TODAY, h(0)),
				Error::<Test>::AlreadyDeceased
			);
		});
	}

	#[test]
	fn late_death_is_pending() {
		build_and_execute(|| {
			let p = enroll(1, Sex::Male, d(1990, 1, 1));
			// Three days is in time; four is late.
			assert_ok!(CivilEvents::register_death(
				signed(REGISTRAR),
				p,
				TK_YUN,
				d(2024, 6, 11),
				h(0)
			));
			assert_eq!(
				last_event(),
				Event::LateRegistrationPending { act: 1, kind: ActKind::Death, office: YUN_OFFICE }
			);
			assert!(person(p).is_alive());
			assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), 1));
			assert!(!person(p).is_alive());
		});
	}

	#[test]
	fn no_act_for_a_deceased_person() {
		build_and_execute(|| {
			let (m, f) = couple();
			let other = enroll(3, Sex::Male, d(1980, 1, 1));
			assert_ok!(CivilEvents::register_death(signed(REGISTRAR), m, TK_YUN, TODAY, h(0)));
			assert_noop!(
				CivilEvents::register_marriage(
					signed(REGISTRAR),
					m,
					other,
					TK_YUN,
					TODAY,
					None,
					h(0)
				),
				Error::<Test>::PersonDeceased
			);
			assert_noop!(
				CivilEvents::register_name_change(signed(REGISTRAR), m, h(9), TK_YUN, TODAY, h(0)),
				Error::<Test>::PersonDeceased
			);
			// Nor as the living party of a new act.
			assert_noop!(
				CivilEvents::register_paternity(signed(REGISTRAR), f, m, TK_YUN, TODAY, h(0)),
				Error::<Test>::PersonDeceased
			);
		});
	}
}

mod marriages {
	use super::*;

	#[test]
	fn marriage_and_divorce() {
		build_and_execute(|| {
			let (m, f) = couple();
			assert_ok!(CivilEvents::register_marriage(
				signed(WEDDING_REGISTRAR),
				m,
				f,
				TK_YUN,
				d(2020, 9, 9),
				None,
				h(0)
			));
			let marriage = crate::NextActId::<Test>::get() - 1;
			assert_eq!(
				last_event(),
				Event::MarriageRegistered { act: marriage, first: m, second: f, office: 2 }
			);
			assert_eq!(person(m).marital, MaritalStatus::Married { spouse: f, act: marriage });
			assert_eq!(person(f).marital, MaritalStatus::Married { spouse: m, act: marriage });
			assert_ok!(CivilEvents::register_divorce(
				signed(REGISTRAR),
				marriage,
				TK_YUN,
				d(2024, 1, 1),
				h(0)
			));
			let divorce = crate::NextActId::<Test>::get() - 1;
			assert_eq!(
				last_event(),
				Event::DivorceRegistered { act: divorce, marriage, office: YUN_OFFICE }
			);
			assert_eq!(person(m).marital, MaritalStatus::Divorced);
			assert_eq!(person(f).marital, MaritalStatus::Divorced);
			assert_eq!(Acts::<Test>::get(divorce).unwrap().subjects.to_vec(), vec![m, f]);
			// Divorced persons may marry again.
			marry(m, f, d(2024, 6, 1));
		});
	}

	#[test]
	fn underage_and_exempted_marriage() {
		build_and_execute(|| {
			let young = enroll(3, Sex::Female, d(2007, 1, 1)); // 17 on TODAY
			let adult = enroll(4, Sex::Male, d(2000, 1, 1));
			assert_noop!(
				CivilEvents::register_marriage(
					signed(REGISTRAR),
					young,
					adult,
					TK_YUN,
					TODAY,
					None,
					h(0)
				),
				Error::<Test>::TooYoungToMarry
			);
			// With the khokim's decision, 17 is enough.
			assert_ok!(CivilEvents::register_marriage(
				signed(REGISTRAR),
				young,
				adult,
				TK_YUN,
				TODAY,
				Some(h(0xee)),
				h(0)
			));
			let act = crate::NextActId::<Test>::get() - 1;
			assert!(
				matches!(Acts::<Test>::get(act).unwrap().details, ActDetails::Marriage { exemption: Some(e), .. } if e == h(0xee))
			);
			// 16 is too young even with it.
			let younger = enroll(5, Sex::Female, d(2008, 1, 1));
			let other = enroll(6, Sex::Male, d(2000, 1, 1));
			assert_noop!(
				CivilEvents::register_marriage(
					signed(REGISTRAR),
					younger,
					other,
					TK_YUN,
					TODAY,
					Some(h(0xee)),
					h(0)
				),
				Error::<Test>::TooYoungToMarry
			);
		});
	}

	#[test]
	fn bigamy_and_self_marriage() {
		build_and_execute(|| {
			let (m, f) = couple();
			let other = enroll(3, Sex::Female, d(1995, 1, 1));
			marry(m, f, d(2015, 1, 1));
			assert_noop!(
				CivilEvents::register_marriage(
					signed(REGISTRAR),
					other,
					f,
					TK_YUN,
					TODAY,
					None,
					h(0)
				),
				Error::<Test>::AlreadyMarried
			);
			assert_noop!(
				CivilEvents::register_marriage(
					signed(REGISTRAR),
					other,
					other,
					TK_YUN,
					TODAY,
					None,
					h(0)
				),
				Error::<Test>::SamePerson
			);
			assert_noop!(
				CivilEvents::register_marriage(
					signed(REGISTRAR),
					other,
					77,
					TK_YUN,
					TODAY,
					None,
					h(0)
				),
				Error::<Test>::UnknownPerson
			);
			assert_noop!(
				CivilEvents::register_marriage(
					signed(REGISTRAR),
					other,
					f,
					TK_YUN,
					d(1980, 1, 1),
					None,
					h(0)
				),
				Error::<Test>::EventBeforeBirth
			);
		});
	}

	#[test]
	fn close_relatives_cannot_marry() {
		build_and_execute(|| {
			let (m, f) = couple();
			let daughter = birth(30, d(2000, 1, 1), Some(m), Some(f));
			let son = birth(31, d(2002, 1, 1), Some(m), None);
			// Parent and child.
			assert_noop!(
				CivilEvents::register_marriage(
					signed(REGISTRAR),
					f,
					daughter,
					TK_YUN,
					TODAY,
					None,
					h(0)
				),
				Error::<Test>::CloseRelatives
			);
			// (Half-)siblings through the mother.
			assert_noop!(
				CivilEvents::register_marriage(
					signed(REGISTRAR),
					daughter,
					son,
					TK_YUN,
					TODAY,
					None,
					h(0)
				),
				Error::<Test>::CloseRelatives
			);
		});
	}

	#[test]
	fn divorce_rules() {
		build_and_execute(|| {
			let (m, f) = couple();
			assert_noop!(
				CivilEvents::register_divorce(signed(REGISTRAR), 999, TK_YUN, TODAY, h(0)),
				Error::<Test>::UnknownAct
			);
			// An enrollment is not a marriage.
			assert_noop!(
				CivilEvents::register_divorce(signed(REGISTRAR), 0, TK_YUN, TODAY, h(0)),
				Error::<Test>::NotAMarriage
			);
			let marriage = marry(m, f, d(2015, 1, 1));
			assert_noop!(
				CivilEvents::register_divorce(
					signed(REGISTRAR),
					marriage,
					TK_YUN,
					d(2014, 1, 1),
					h(0)
				),
				Error::<Test>::DateBeforeMarriage
			);
			assert_ok!(CivilEvents::register_divorce(
				signed(REGISTRAR),
				marriage,
				TK_YUN,
				TODAY,
				h(0)
			));
			// An ended marriage cannot be dissolved again.
			assert_noop!(
				CivilEvents::register_divorce(signed(REGISTRAR), marriage, TK_YUN, TODAY, h(0)),
				Error::<Test>::MarriageNotActive
			);
		});
	}

	#[test]
	fn a_marriage_ended_by_death_cannot_be_dissolved() {
		build_and_execute(|| {
			let (m, f) = couple();
			let marriage = marry(m, f, d(2015, 1, 1));
			assert_ok!(CivilEvents::register_death(signed(REGISTRAR), m, TK_YUN, TODAY, h(0)));
			assert_noop!(
				CivilEvents::register_divorce(signed(REGISTRAR), marriage, TK_YUN, TODAY, h(0)),
				Error::<Test>::MarriageNotActive
			);
		});
	}
}

mod family {
	use super::*;

	#[test]
	fn adoption_replaces_parents_and_may_seal() {
		build_and_execute(|| {
			let (m, f) = couple();
			let child = birth(30, d(2020, 1, 1), Some(m), Some(f));
			let birth_act = person(child).origin_act;
			let am = enroll(3, Sex::Female, d(1985, 1, 1));
			assert_ok!(CivilEvents::register_adoption(
				signed(REGISTRAR),
				child,
				Some(am),
				None,
				TK_YUN,
				TODAY,
				true,
				h(0)
			));
			let act = crate::NextActId::<Test>::get() - 1;
			assert_eq!(
				last_event(),
				Event::AdoptionRegistered { act, child, office: YUN_OFFICE, sealed: true }
			);
			let c = person(child);
			assert_eq!((c.mother, c.father, c.sealed), (Some(am), Some(f), true));
			assert!(Acts::<Test>::get(birth_act).unwrap().sealed);
			assert!(matches!(
				Acts::<Test>::get(act).unwrap().details,
				ActDetails::Adoption { previous_mother: Some(pm), previous_father: Some(pf), .. } if pm == m && pf == f
			));
		});
	}

	#[test]
	fn adoption_rules() {
		build_and_execute(|| {
			let child = enroll(30, Sex::Male, d(2015, 1, 1));
			let minor = enroll(31, Sex::Female, d(2008, 1, 1));
			let man = enroll(32, Sex::Male, d(1980, 1, 1));
			let adopt = |m, f| {
				CivilEvents::register_adoption(
					signed(REGISTRAR),
					child,
					m,
					f,
					TK_YUN,
					TODAY,
					false,
					h(0),
				)
			};
			assert_noop!(adopt(None, None), Error::<Test>::NoAdoptiveParent);
			assert_noop!(adopt(Some(minor), None), Error::<Test>::AdoptiveParentNotAdult);
			assert_noop!(adopt(Some(man), None), Error::<Test>::MotherNotFemale);
			assert_noop!(adopt(None, Some(child)), Error::<Test>::SamePerson);
			assert_ok!(adopt(None, Some(man)));
			assert!(!Acts::<Test>::get(person(child).origin_act).unwrap().sealed);
		});
	}

	#[test]
	fn paternity() {
		build_and_execute(|| {
			let (m, f) = couple();
			let child = birth(30, d(2020, 1, 1), Some(m), None);
			assert_noop!(
				CivilEvents::register_paternity(signed(REGISTRAR), child, m, TK_YUN, TODAY, h(0)),
				Error::<Test>::FatherNotMale
			);
			assert_ok!(CivilEvents::register_paternity(
				signed(REGISTRAR),
				child,
				f,
				TK_YUN,
				TODAY,
				h(0)
			));
			let act = crate::NextActId::<Test>::get() - 1;
			assert_eq!(
				last_event(),
				Event::PaternityRegistered { act, child, father: f, office: YUN_OFFICE }
			);
			assert_eq!(person(child).father, Some(f));
			let other = enroll(3, Sex::Male, d(1970, 1, 1));
			assert_noop!(
				CivilEvents::register_paternity(
					signed(REGISTRAR),
					child,
					other,
					TK_YUN,
					TODAY,
					h(0)
				),
				Error::<Test>::FatherAlreadyRecorded
			);
			// A father younger than the child.
			let boy = enroll(33, Sex::Male, d(2015, 1, 1));
			let younger = enroll(34, Sex::Male, d(2016, 1, 1));
			assert_noop!(
				CivilEvents::register_paternity(
					signed(REGISTRAR),
					boy,
					younger,
					TK_YUN,
					TODAY,
					h(0)
				),
				Error::<Test>::ParentNotOlder
			);
		});
	}

	#[test]
	fn name_change() {
		build_and_execute(|| {
			let teen = enroll(3, Sex::Female, d(2008, 6, 15)); // 16 today
			assert_ok!(CivilEvents::register_name_change(
				signed(REGISTRAR),
				teen,
				h(0x55),
				TK_YUN,
				TODAY,
				h(0)
			));
			let act = crate::NextActId::<Test>::get() - 1;
			assert_eq!(
				last_event(),
				Event::NameChangeRegistered { act, person: teen, office: YUN_OFFICE }
			);
			assert_eq!(person(teen).data_root, h(0x55));
			assert!(
				matches!(Acts::<Test>::get(act).unwrap().details, ActDetails::NameChange { previous_root, new_root } if previous_root == h(0xd0) && new_root == h(0x55))
			);
			let child = enroll(4, Sex::Female, d(2008, 6, 16)); // 16 tomorrow
			assert_noop!(
				CivilEvents::register_name_change(
					signed(REGISTRAR),
					child,
					h(0x55),
					TK_YUN,
					TODAY,
					h(0)
				),
				Error::<Test>::TooYoungForNameChange
			);
			assert_noop!(
				CivilEvents::register_name_change(
					signed(REGISTRAR),
					77,
					h(0x55),
					TK_YUN,
					TODAY,
					h(0)
				),
				Error::<Test>::UnknownPerson
			);
		});
	}

	#[test]
	fn acts_per_person_are_bounded() {
		build_and_execute(|| {
			let p = enroll(3, Sex::Female, d(1990, 1, 1));
			// The mock allows 16 acts; the enrollment is the first.
			for i in 0..15u8 {
				assert_ok!(CivilEvents::register_name_change(
					signed(REGISTRAR),
					p,
					h(i),
					TK_YUN,
					TODAY,
					h(0)
				));
			}
			assert_eq!(ActsOf::<Test>::get(p).len(), 16);
			assert_noop!(
				CivilEvents::register_name_change(
					signed(REGISTRAR),
					p,
					h(0x99),
					TK_YUN,
					TODAY,
					h(0)
				),
				Error::<Test>::TooManyActs
			);
		});
	}
}

#[test]
fn subjects_that_do_not_fit_the_act_are_a_fault_of_their_own() {
	build_and_execute(|| {
		// Not `UnknownPerson` (a person id that does not exist) nor `SamePerson` (a person
		// named twice): the chain built the subjects wrong.
		for persons in [vec![], vec![1], vec![1, 2, 3]] {
			let subjects: crate::Subjects = persons.try_into().expect("within the bound");
			assert_eq!(
				CivilEvents::pair(&subjects),
				Err(Error::<Test>::MalformedSubjects.into()),
				"{subjects:?}"
			);
		}
		let pair: crate::Subjects = vec![1, 2].try_into().expect("within the bound");
		assert_eq!(CivilEvents::pair(&pair), Ok((1, 2)));
	});
}
