//! Establishment of paternity (`acts/paternity.rs`).

use super::builders::*;

#[test]
fn paternity_rules() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(30, d(2020, 1, 1), Some(m), None);
		assert_noop!(
			paternity(child, m).on(TODAY).document(h(0)).register(),
			Error::<Test>::FatherNotMale
		);
		assert_ok!(paternity(child, f).on(TODAY).document(h(0)).register());
		let act = crate::NextActId::<Test>::get() - 1;
		assert_eq!(
			last_event(),
			Event::PaternityRegistered { act, child, father: f, office: YUN_OFFICE }
		);
		assert_eq!(person(child).father, Some(f));
		let other = enroll(3, Sex::Male, d(1970, 1, 1));
		assert_noop!(
			paternity(child, other).on(TODAY).document(h(0)).register(),
			Error::<Test>::FatherAlreadyRecorded
		);
		// A father younger than the child.
		let boy = enroll(33, Sex::Male, d(2015, 1, 1));
		let younger = enroll(34, Sex::Male, d(2016, 1, 1));
		assert_noop!(
			paternity(boy, younger).on(TODAY).document(h(0)).register(),
			Error::<Test>::ParentNotOlder
		);
	});
}

#[test]
fn no_paternity_of_an_adopted_child() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(40, d(2020, 1, 1), Some(m), None);
		let adopter = enroll(41, Sex::Female, d(1980, 1, 1));
		assert_ok!(adoption(child).mother(adopter).register());
		// The birth father claims the child: the adoptive mother is its parent in law.
		assert_noop!(paternity(child, f).on(TODAY).register(), Error::<Test>::ChildAdopted);
		// The adoption revoked, the paternity may be established.
		let proposal = propose_revoke(last_act());
		assert_ok!(CivilEvents::approve_revocation(signed(TK_REGIONAL_HEAD), proposal));
		assert_ok!(paternity(child, f).on(TODAY).register());
	});
}

/// #31: a paternity on the parents' joint application takes effect the day it is registered;
/// a court's is dated by its decision.
#[test]
fn a_paternity_by_application_is_dated_the_day_it_is_registered() {
	build_and_execute(|| {
		let m = enroll(1, Sex::Female, d(1990, 1, 1));
		let child = new_child(40, d(2024, 6, 1), Some(m), None);
		let f = enroll(2, Sex::Male, d(1988, 1, 1));
		let register = |court| {
			CivilEvents::register_paternity(
				signed(REGISTRAR),
				TK_YUN,
				d(2024, 6, 10),
				child,
				f,
				court,
				None,
				h(0),
			)
		};
		assert_noop!(register(None), Error::<Test>::NotDatedToday);
		assert_ok!(register(Some(h(0xc1))));
	});
}

/// #31: the paternity of an adult is established only with the adult's consent — on the
/// parents' joint application, its hash; a court's decision stands for it. A consent for a
/// minor is refused.
#[test]
fn an_adult_consents_to_the_establishment_of_paternity() {
	build_and_execute(|| {
		let adult = enroll(1, Sex::Female, d(2000, 1, 1));
		let father = enroll(2, Sex::Male, d(1975, 1, 1));
		assert_noop!(paternity(adult, father).register(), Error::<Test>::AdultConsentRequired);
		assert_ok!(paternity(adult, father).consent(h(0xc0)).register());
		assert_eq!(person(adult).father, Some(father));

		// By a court: no separate consent.
		let other = enroll(3, Sex::Male, d(2001, 1, 1));
		let his_father = enroll(4, Sex::Male, d(1970, 1, 1));
		assert_ok!(paternity(other, his_father).court(h(0xc1)).on(d(2024, 6, 1)).register());

		// A minor gives no such consent.
		let m = enroll(5, Sex::Female, d(1990, 1, 1));
		let minor = new_child(40, d(2024, 6, 1), Some(m), None);
		let f = enroll(6, Sex::Male, d(1988, 1, 1));
		assert_noop!(paternity(minor, f).consent(h(0xc2)).register(), Error::<Test>::ChildNotAdult);
		assert_ok!(paternity(minor, f).register());
	});
}
