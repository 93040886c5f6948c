//! The subjects of an act, as the chain builds them.

use super::builders::*;

#[test]
fn subjects_that_do_not_fit_the_act_are_a_fault_of_their_own() {
	build_and_execute(|| {
		let (a, b) = couple();
		let mut act = Acts::<Test>::get(marry(a, b, d(2020, 1, 1))).expect("the marriage");
		// Not `UnknownPerson` (a person id that does not exist) nor `SamePerson` (a person
		// named twice): the chain built the subjects wrong.
		for persons in [vec![], vec![1], vec![1, 2, 3]] {
			act.subjects = persons.try_into().expect("within the bound");
			assert_eq!(
				crate::acts::Spouses::of(&act).map(|_| ()),
				Err(Error::<Test>::MalformedSubjects.into()),
				"{:?}",
				act.subjects
			);
		}
		act.subjects = vec![1, 2].try_into().expect("within the bound");
		let spouses = crate::acts::Spouses::of(&act).expect("two spouses");
		assert_eq!((spouses.first, spouses.second), (1, 2));
	});
}
