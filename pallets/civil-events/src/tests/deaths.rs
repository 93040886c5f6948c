//! Deaths: the rules, the widowed spouse, late deaths, and no act for a deceased person.

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
		assert_ok!(CivilEvents::register_death(signed(REGISTRAR), p, TK_YUN, d(2024, 6, 11), h(0)));
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
			CivilEvents::register_marriage(signed(REGISTRAR), m, other, TK_YUN, TODAY, None, h(0)),
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
