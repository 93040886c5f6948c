//! Enrollments from the paper archive (`acts/enrollment.rs`).

use super::builders::*;

#[test]
fn enrollment_creates_a_person() {
	build_and_execute(|| {
		assert_ok!(enrollment(7, Sex::Male)
			.by(ARCHIVIST)
			.at(SA_SAM)
			.on(d(1950, 1, 31))
			.document(h(0xa7))
			.register());
		let p = Persons::by_identity(&h(7)).unwrap();
		assert_eq!(last_event(), Event::PersonEnrolled { act: 0, person: p, office: 3 });
		assert_eq!(person(p).birth_jurisdiction, SA_SAM);
		// The archive reference is the act's document hash.
		assert_eq!(Acts::<Test>::get(0).unwrap().document_hash, h(0xa7));
	});
}
