//! Divorces: only of a marriage in effect, not before it (`acts/divorce.rs`).

use super::builders::*;

#[test]
fn divorce_rules() {
	build_and_execute(|| {
		let (m, f) = couple();
		assert_noop!(divorce(999).on(TODAY).document(h(0)).register(), Error::<Test>::UnknownAct);
		// An enrollment is not a marriage.
		assert_noop!(divorce(0).on(TODAY).document(h(0)).register(), Error::<Test>::NotAMarriage);
		let marriage = marry(m, f, d(2015, 1, 1));
		assert_noop!(
			divorce(marriage).on(d(2014, 1, 1)).document(h(0)).register(),
			Error::<Test>::DateBeforeMarriage
		);
		assert_ok!(divorce(marriage).on(TODAY).document(h(0)).register());
		// An ended marriage cannot be dissolved again.
		assert_noop!(
			divorce(marriage).on(TODAY).document(h(0)).register(),
			Error::<Test>::MarriageNotActive
		);
	});
}

#[test]
fn a_marriage_ended_by_death_cannot_be_dissolved() {
	build_and_execute(|| {
		let (m, f) = couple();
		let marriage = marry(m, f, d(2015, 1, 1));
		assert_ok!(death(m).on(TODAY).document(h(0)).register());
		assert_noop!(
			divorce(marriage).on(TODAY).document(h(0)).register(),
			Error::<Test>::MarriageNotActive
		);
	});
}
