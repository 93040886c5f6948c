//! The subjects of an act, as the chain builds them.

use super::*;

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
