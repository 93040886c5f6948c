//! Consistency across acts: a person's acts in effect stay lawful together.

use super::builders::*;

#[test]
fn a_marriage_cannot_be_backdated_into_the_last_one() {
	build_and_execute(|| {
		let (a, b) = couple();
		let c = enroll(3, Sex::Female, d(1991, 1, 1));
		let first = marry(a, b, d(2015, 1, 1));
		assert_ok!(divorce(first).on(d(2020, 1, 1)).register());
		// He divorced in 2020: a wedding dated 2018 would make him a bigamist.
		assert_noop!(marriage(c, b).on(d(2018, 1, 1)).register(), Error::<Test>::MarriagesOverlap);
		marry(c, b, d(2020, 1, 1));
	});
}

#[test]
fn a_death_cannot_be_dated_before_another_act_of_the_life() {
	build_and_execute(|| {
		let (a, b) = couple();
		marry(a, b, d(2024, 6, 14));
		// Dead on the 12th, married on the 14th: refused.
		assert_noop!(death(b).on(d(2024, 6, 12)).register(), Error::<Test>::PersonDeceased);
		assert_ok!(death(b).on(d(2024, 6, 14)).register());
		// A child born after the father's death (within 300 days) is still consistent.
		let m = enroll(4, Sex::Female, d(1980, 1, 1));
		let f = enroll(5, Sex::Male, d(1980, 1, 1));
		new_child(10, d(2024, 6, 13), Some(m), Some(f));
		assert_ok!(death(f).on(d(2024, 6, 12)).register());
		assert_noop!(
			death(m).on(d(2024, 6, 12)).register(),
			Error::<Test>::MotherDeceasedBeforeBirth
		);
	});
}
