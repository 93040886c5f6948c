//! Adoption, paternity, change of name, and the bound on acts per person.

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
			CivilEvents::register_paternity(signed(REGISTRAR), child, other, TK_YUN, TODAY, h(0)),
			Error::<Test>::FatherAlreadyRecorded
		);
		// A father younger than the child.
		let boy = enroll(33, Sex::Male, d(2015, 1, 1));
		let younger = enroll(34, Sex::Male, d(2016, 1, 1));
		assert_noop!(
			CivilEvents::register_paternity(signed(REGISTRAR), boy, younger, TK_YUN, TODAY, h(0)),
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
			CivilEvents::register_name_change(signed(REGISTRAR), 77, h(0x55), TK_YUN, TODAY, h(0)),
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
			CivilEvents::register_name_change(signed(REGISTRAR), p, h(0x99), TK_YUN, TODAY, h(0)),
			Error::<Test>::TooManyActs
		);
	});
}
