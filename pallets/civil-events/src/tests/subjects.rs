//! The persons an act concerns, derived from its typed details: who is named, in which
//! order, and whose index of acts lists it.

use super::builders::*;

#[test]
fn a_birth_names_its_child_once_the_child_exists() {
	build_and_execute(|| {
		let (m, f) = couple();
		// Late: pending, the child not yet created; the parents are its subjects.
		assert_ok!(birth(50).mother(m).father(f).on(d(2024, 1, 1)).register());
		let act = last_act();
		let pending = Acts::<Test>::get(act).unwrap();
		assert_eq!(pending.details.created(), None);
		assert_eq!(pending.subjects().to_vec(), vec![m, f]);
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
		let child = Persons::by_identity(&h(50)).unwrap();
		let born = Acts::<Test>::get(act).unwrap();
		assert_eq!(born.details.created(), Some(child));
		assert_eq!(born.subjects().to_vec(), vec![child, m, f]);
		// The child's record names the act; only the parents' indexes list it.
		assert_eq!(born.details.indexed_subjects().to_vec(), vec![m, f]);
		assert_eq!(person(child).origin_act, act);
		assert!(ActsOf::<Test>::get(child).is_empty());
	});
}

#[test]
fn a_divorce_names_the_spouses_of_its_marriage() {
	build_and_execute(|| {
		let (m, f) = couple();
		let marriage = marry(m, f, d(2015, 1, 1));
		assert_ok!(divorce(marriage)
			.on(TODAY)
			.grounds(DivorceGrounds::CourtDecision(h(1)))
			.register());
		let act = Acts::<Test>::get(last_act()).unwrap();
		assert_eq!(act.kind(), ActKind::Divorce);
		assert_eq!(act.subjects().to_vec(), vec![m, f]);
		assert!(ActsOf::<Test>::get(m).contains(&last_act()));
		assert!(ActsOf::<Test>::get(f).contains(&last_act()));
	});
}

#[test]
fn an_adoption_names_the_child_then_the_adoptive_parents_not_the_replaced_ones() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(51, d(2024, 6, 1), Some(m), Some(f));
		let adopter = enroll(52, Sex::Female, d(1980, 1, 1));
		assert_ok!(adoption(child).mother(adopter).register());
		let act = Acts::<Test>::get(last_act()).unwrap();
		assert_eq!(act.subjects().to_vec(), vec![child, adopter]);
		let ActDetails::Adoption(adoption) = act.details else { panic!("an adoption") };
		assert_eq!(adoption.previous, Parents { mother: Some(m), father: Some(f) });
		// She adopts alone: both birth parents are replaced (#31); neither is a subject.
		assert_eq!(adoption.replaced(), Parents { mother: Some(m), father: Some(f) });
		assert_eq!(adoption.parents, Parents { mother: Some(adopter), father: None });
		assert!(!ActsOf::<Test>::get(m).contains(&last_act()));
		assert!(!ActsOf::<Test>::get(f).contains(&last_act()));
	});
}
