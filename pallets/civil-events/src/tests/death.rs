//! Deaths: the person is deceased, an active marriage ends (`acts/death.rs`).

use super::builders::*;

#[test]
fn death_of_a_married_person_widows_the_spouse() {
	build_and_execute(|| {
		let (m, f) = couple();
		let marriage = marry(m, f, d(2015, 5, 5));
		assert_ok!(death(f).on(d(2024, 6, 14)).document(h(0xde)).register());
		let act = crate::NextActId::<Test>::get() - 1;
		assert_eq!(
			last_event(),
			Event::DeathRegistered { act, person: f, office: YUN_OFFICE, widowed: Some(m) }
		);
		assert_eq!(person(f).status, LifeStatus::Deceased { date: d(2024, 6, 14), act });
		assert_eq!(person(f).marital, MaritalStatus::DiedMarried { spouse: m, act: marriage });
		assert_eq!(person(m).marital, MaritalStatus::Widowed);
		assert!(
			matches!(Acts::<Test>::get(marriage).unwrap().details, ActDetails::Marriage(MarriageDetails { ended_by: Some(a), .. }) if a == act)
		);
	});
}

#[test]
fn death_rules() {
	build_and_execute(|| {
		let p = enroll(1, Sex::Male, d(1990, 1, 1));
		assert_noop!(
			death(p).on(d(1989, 12, 31)).document(h(0)).register(),
			Error::<Test>::DeathBeforeBirth
		);
		assert_noop!(death(77).on(TODAY).document(h(0)).register(), Error::<Test>::UnknownPerson);
		assert_ok!(death(p).on(TODAY).document(h(0)).register());
		assert_eq!(
			last_event(),
			Event::DeathRegistered { act: 1, person: p, office: YUN_OFFICE, widowed: None }
		);
		assert_noop!(death(p).on(TODAY).document(h(0)).register(), Error::<Test>::AlreadyDeceased);
	});
}

#[test]
fn no_act_for_a_deceased_person() {
	build_and_execute(|| {
		let (m, f) = couple();
		let other = enroll(3, Sex::Male, d(1980, 1, 1));
		assert_ok!(death(m).on(TODAY).document(h(0)).register());
		assert_noop!(
			marriage(m, other).on(TODAY).document(h(0)).register(),
			Error::<Test>::PersonDeceased
		);
		assert_noop!(
			name_change(m, h(9)).on(TODAY).document(h(0)).register(),
			Error::<Test>::PersonDeceased
		);
		// Nor as the living party of a new act; a deceased father's paternity is a court's.
		assert_noop!(
			paternity(m, f).on(TODAY).document(h(0)).register(),
			Error::<Test>::PersonDeceased
		);
		assert_noop!(
			paternity(f, m).on(TODAY).document(h(0)).register(),
			Error::<Test>::DeceasedFatherNeedsCourt
		);
	});
}
