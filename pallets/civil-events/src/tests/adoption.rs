//! Adoptions: adoptive parents replace the recorded ones; sealing (`acts/adoption.rs`).

use super::builders::*;

#[test]
fn adoption_replaces_parents_and_may_seal() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(30, d(2020, 1, 1), Some(m), Some(f));
		let birth_act = person(child).origin_act;
		let am = enroll(3, Sex::Female, d(1985, 1, 1));
		assert_ok!(adoption(child).on(TODAY).document(h(0)).mother(am).seal(true).register());
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
		let adopt = |m, f| adoption(child).on(TODAY).document(h(0)).mother(m).father(f).register();
		assert_noop!(adopt(None, None), Error::<Test>::NoAdoptiveParent);
		assert_noop!(adopt(Some(minor), None), Error::<Test>::AdoptiveParentNotAdult);
		assert_noop!(adopt(Some(man), None), Error::<Test>::MotherNotFemale);
		assert_noop!(adopt(None, Some(child)), Error::<Test>::SamePerson);
		assert_ok!(adopt(None, Some(man)));
		assert!(!Acts::<Test>::get(person(child).origin_act).unwrap().sealed);
	});
}
