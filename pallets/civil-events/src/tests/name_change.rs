//! Changes of name, and the bound on acts per person (`acts/name_change.rs`).

use super::builders::*;

#[test]
fn name_change_rules() {
	build_and_execute(|| {
		let teen = enroll(3, Sex::Female, d(2008, 6, 15)); // 16 today
		assert_ok!(name_change(teen, h(0x55)).on(TODAY).document(h(0)).register());
		let act = crate::NextActId::<Test>::get() - 1;
		assert_eq!(
			last_event(),
			Event::NameChangeRegistered { act, person: teen, office: YUN_OFFICE }
		);
		assert_eq!(person(teen).data_root, h(0x55));
		assert!(
			matches!(Acts::<Test>::get(act).unwrap().details, ActDetails::NameChange(NameChangeDetails { previous_root, new_root, consent: None, .. }) if previous_root == h(0xd0) && new_root == h(0x55))
		);
		let child = enroll(4, Sex::Female, d(2008, 6, 16)); // 16 tomorrow
		assert_noop!(
			name_change(child, h(0x55)).on(TODAY).document(h(0)).register(),
			Error::<Test>::TooYoungForNameChange
		);
		assert_noop!(
			name_change(77, h(0x55)).on(TODAY).document(h(0)).register(),
			Error::<Test>::UnknownPerson
		);
	});
}

#[test]
fn acts_per_person_are_bounded() {
	build_and_execute(|| {
		let p = enroll(3, Sex::Female, d(1990, 1, 1));
		// The mock allows 16 acts besides the enrollment, which the person's record names.
		for i in 0..16u8 {
			assert_ok!(name_change(p, h(i)).on(TODAY).document(h(0)).register());
		}
		assert_eq!(ActsOf::<Test>::get(p).len(), 16);
		assert_noop!(
			name_change(p, h(0x99)).on(TODAY).document(h(0)).register(),
			Error::<Test>::TooManyActs
		);
	});
}

/// #31: a change of name takes effect the day it is registered: not backdated, and no
/// correction moves its date.
#[test]
fn a_change_of_name_is_dated_the_day_it_is_registered() {
	build_and_execute(|| {
		let p = enroll(1, Sex::Female, d(1990, 1, 1));
		assert_noop!(
			CivilEvents::register_name_change(
				signed(REGISTRAR),
				TK_YUN,
				d(2024, 6, 1),
				p,
				h(7),
				None,
				h(0)
			),
			Error::<Test>::NotDatedToday
		);
		assert_ok!(name_change(p, h(7)).on(TODAY).register());
		assert_noop!(
			CivilEvents::propose_amendment(
				signed(REGISTRAR),
				last_act(),
				h(0xee),
				AmendmentReason::ClericalError,
				born_on(d(2024, 6, 1))
			),
			Error::<Test>::DateSetByRegistration
		);
	});
}
