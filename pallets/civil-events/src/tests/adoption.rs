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
		// #31: a single adopter who is not a step-parent takes the child alone: the birth
		// father is no longer its parent either.
		let c = person(child);
		assert_eq!((c.mother, c.father, c.sealed), (Some(am), None, true));
		let replaced = crate::AdoptionInEffect::<Test>::get(child).unwrap();
		assert_eq!((replaced.mother, replaced.father), (Some(m), Some(f)));
		assert!(Acts::<Test>::get(birth_act).unwrap().sealed);
		assert!(matches!(
			Acts::<Test>::get(act).unwrap().details,
			ActDetails::Adoption(AdoptionDetails { previous: Parents { mother: Some(pm), father: Some(pf) }, .. }) if pm == m && pf == f
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

#[test]
fn only_a_minor_is_adopted() {
	build_and_execute(|| {
		// The 40-year-old of the issue.
		let adult = enroll(30, Sex::Male, d(1984, 1, 1));
		let (am, af) =
			(enroll(31, Sex::Female, d(1950, 1, 1)), enroll(32, Sex::Male, d(1950, 1, 1)));
		assert_noop!(
			adoption(adult).on(TODAY).mother(am).father(af).register(),
			Error::<Test>::AdopteeNotMinor
		);
		// Seventeen is still a minor.
		let minor = enroll(33, Sex::Female, d(2007, 1, 1));
		marry(am, af, TODAY);
		assert_ok!(adoption(minor).on(TODAY).mother(am).father(af).register());
	});
}

#[test]
fn an_adopter_is_fifteen_years_older_unless_a_step_parent() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(30, d(2010, 1, 1), Some(m), None);
		// A man born 2000 is 10 years older than the child: too young to adopt...
		let young = enroll(31, Sex::Male, d(2000, 1, 1));
		assert_noop!(
			adoption(child).on(TODAY).father(young).register(),
			Error::<Test>::AdopterTooYoung
		);
		// ...unless he is married to the child's mother: a step-parent.
		let _ = f;
		marry(m, young, TODAY);
		assert_ok!(adoption(child).on(TODAY).father(young).register());
		assert_eq!(person(child).father, Some(young));
	});
}

#[test]
fn a_spouse_cannot_adopt_the_other() {
	build_and_execute(|| {
		// A 17-year-old bride (with the khokim's exemption) and her husband.
		let bride = enroll(30, Sex::Female, d(2007, 1, 1));
		let groom = enroll(31, Sex::Male, d(1980, 1, 1));
		assert_ok!(marriage(bride, groom).on(TODAY).exemption(h(0xee)).register());
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), last_act()));
		assert_noop!(
			adoption(bride).on(TODAY).father(groom).register(),
			Error::<Test>::SpouseCannotAdopt
		);
	});
}

#[test]
fn a_second_adoption_only_after_the_first_is_revoked() {
	build_and_execute(|| {
		let child = enroll(30, Sex::Male, d(2015, 1, 1));
		let (first, second) =
			(enroll(31, Sex::Male, d(1980, 1, 1)), enroll(32, Sex::Male, d(1981, 1, 1)));
		assert_ok!(adoption(child).on(TODAY).father(first).register());
		let adopted = last_act();
		assert_eq!(crate::AdoptionInEffect::<Test>::get(child).map(|a| a.act), Some(adopted));
		// No silent replacement.
		assert_noop!(
			adoption(child).on(TODAY).father(second).register(),
			Error::<Test>::AlreadyAdopted
		);
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(adopted)));
		assert_eq!(crate::AdoptionInEffect::<Test>::get(child), None);
		assert_ok!(adoption(child).on(TODAY).father(second).register());
		assert_eq!(person(child).father, Some(second));
	});
}

#[test]
fn a_sealed_childs_paternity_is_not_public_until_the_adoption_is_revoked() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(30, d(2020, 1, 1), Some(m), None);
		assert_ok!(paternity(child, f).on(TODAY).register());
		let paternity_act = crate::NextActId::<Test>::get() - 1;
		assert!(CivilEvents::public_act(paternity_act).is_some());
		assert!(CivilEvents::public_acts_of(f, 0, 100).1.contains(&paternity_act));

		let (am, af) = (enroll(3, Sex::Female, d(1985, 1, 1)), enroll(4, Sex::Male, d(1984, 1, 1)));
		marry(am, af, TODAY);
		assert_ok!(adoption(child).on(TODAY).mother(am).father(af).seal(true).register());
		let adoption_act = crate::NextActId::<Test>::get() - 1;
		// Sealed: the paternity act names the birth father; neither the child's acts nor the
		// father's list it, and it is not returned by its id.
		assert!(CivilEvents::public_act(paternity_act).is_none());
		assert_eq!(CivilEvents::public_acts_of(child, 0, 100), (1, vec![adoption_act]));
		assert!(!CivilEvents::public_acts_of(f, 0, 100).1.contains(&paternity_act));
		assert!(CivilEvents::public_versions(paternity_act).is_empty());
		// The act itself is unchanged in state (the law reads it).
		assert!(!Acts::<Test>::get(paternity_act).unwrap().sealed);

		// The adoption revoked: the record unsealed, the paternity public again.
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(adoption_act)));
		assert!(!person(child).sealed);
		assert!(CivilEvents::public_act(paternity_act).is_some());
		assert!(CivilEvents::public_acts_of(child, 0, 100).1.contains(&paternity_act));
	});
}

#[test]
fn an_unsealed_adoption_hides_nothing() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(30, d(2020, 1, 1), Some(m), None);
		assert_ok!(paternity(child, f).on(TODAY).register());
		let paternity_act = crate::NextActId::<Test>::get() - 1;
		let am = enroll(3, Sex::Female, d(1985, 1, 1));
		assert_ok!(adoption(child).on(TODAY).mother(am).register());
		assert!(CivilEvents::public_act(paternity_act).is_some());
		assert!(CivilEvents::public_act(person(child).origin_act).is_some());
	});
}

/// #31: two people adopt a child together only if they are married to each other.
#[test]
fn a_joint_adoption_is_by_spouses() {
	build_and_execute(|| {
		let child = enroll(30, Sex::Male, d(2015, 1, 1));
		let (am, af) =
			(enroll(31, Sex::Female, d(1980, 1, 1)), enroll(32, Sex::Male, d(1980, 1, 1)));
		let adopt = || adoption(child).mother(am).father(af).register();
		assert_noop!(adopt(), Error::<Test>::AdoptersNotMarried);
		// Married to someone else is not married to each other.
		let other = enroll(33, Sex::Male, d(1980, 1, 1));
		let marriage = marry(am, other, d(2020, 1, 1));
		assert_noop!(adopt(), Error::<Test>::AdoptersNotMarried);
		assert_ok!(divorce(marriage).court(h(0xc1)).on(d(2023, 1, 1)).register());
		marry(am, af, TODAY);
		assert_ok!(adopt());
		assert_eq!((person(child).mother, person(child).father), (Some(am), Some(af)));
	});
}

/// #31: a single adopter takes the child alone — the other birth parent's rights end too —
/// unless a step-parent, whose spouse stays the child's parent; a revocation restores both.
#[test]
fn a_single_adopter_cuts_the_other_parent_unless_a_step_parent() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(30, d(2020, 1, 1), Some(m), Some(f));
		let adopter = enroll(31, Sex::Male, d(1980, 1, 1));
		assert_ok!(adoption(child).father(adopter).register());
		let act = last_act();
		assert_eq!((person(child).mother, person(child).father), (None, Some(adopter)));
		// Revoked: both birth parents again.
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(act)));
		assert_eq!((person(child).mother, person(child).father), (Some(m), Some(f)));
		// Her new husband adopts: she stays the mother; the birth father's rights end.
		let stepfather = enroll(32, Sex::Male, d(1985, 1, 1));
		marry(m, stepfather, TODAY);
		assert_ok!(adoption(child).father(stepfather).register());
		assert_eq!((person(child).mother, person(child).father), (Some(m), Some(stepfather)));
		let ActDetails::Adoption(details) = Acts::<Test>::get(last_act()).unwrap().details else {
			panic!("an adoption")
		};
		assert_eq!(details.adoptive(), Parents { mother: None, father: Some(stepfather) });
		assert_eq!(details.replaced(), Parents { mother: None, father: Some(f) });
	});
}

/// #31: a parent does not adopt their own child.
#[test]
fn a_parent_does_not_adopt_their_own_child() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(30, d(2020, 1, 1), Some(m), None);
		marry(m, f, TODAY);
		assert_noop!(
			adoption(child).mother(m).father(f).register(),
			Error::<Test>::AdopterIsParent
		);
		assert_ok!(adoption(child).father(f).register());
		assert_eq!((person(child).mother, person(child).father), (Some(m), Some(f)));
	});
}

/// #31: a step-parent's adoption keeps the adopter's spouse as the child's parent because they
/// were married on the decision's date. A court's divorce or a death dated before it, arriving
/// after it, would make the adopter a stranger who takes the child alone: refused, until the
/// adoption is revoked or corrected; ending the marriage after the adoption is lawful.
#[test]
fn a_marriage_a_step_parent_adoption_relies_on_does_not_end_before_it() {
	build_and_execute(|| {
		let mother = enroll(1, Sex::Female, d(1990, 1, 1));
		let child = new_child(30, d(2020, 1, 1), Some(mother), None);
		let stepfather = enroll(2, Sex::Male, d(1985, 1, 1));
		let marriage = marry(mother, stepfather, d(2024, 1, 10));
		assert_ok!(adoption(child).father(stepfather).on(d(2024, 6, 1)).register());
		assert_eq!(person(child).mother, Some(mother));
		assert_noop!(
			divorce(marriage).court(h(0xc1)).on(d(2024, 5, 1)).register(),
			Error::<Test>::AdoptionReliesOnMarriage
		);
		assert_noop!(
			death(mother).on(d(2024, 5, 1)).register(),
			Error::<Test>::AdoptionReliesOnMarriage
		);
		assert_ok!(divorce(marriage).court(h(0xc1)).on(d(2024, 6, 10)).register());
	});
}

/// #31: an adopted child may be adopted again by a step-parent — the spouse of its adoptive
/// parent, who stays — and the birth parents stay the ones the first adoption replaced (for
/// the kinship check); revoking the second leaves the first in effect.
#[test]
fn a_step_parent_adopts_a_child_adopted_before() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(30, d(2020, 1, 1), Some(m), Some(f));
		let adoptive_mother = enroll(31, Sex::Female, d(1980, 1, 1));
		assert_ok!(adoption(child).mother(adoptive_mother).seal(true).register());
		let first = last_act();
		let stranger = enroll(33, Sex::Male, d(1979, 1, 1));
		assert_noop!(adoption(child).father(stranger).register(), Error::<Test>::AlreadyAdopted);
		let husband = enroll(32, Sex::Male, d(1978, 1, 1));
		marry(adoptive_mother, husband, TODAY);
		assert_ok!(adoption(child).father(husband).register());
		let second = last_act();
		assert_eq!(
			(person(child).mother, person(child).father),
			(Some(adoptive_mother), Some(husband))
		);
		let in_effect = crate::AdoptionInEffect::<Test>::get(child).unwrap();
		assert_eq!((in_effect.act, in_effect.mother, in_effect.father), (second, Some(m), Some(f)));
		assert!(person(child).sealed);
		// The first cannot be revoked under the second; the second can, and the first stands.
		let proposal = propose_revoke(first);
		assert_noop!(
			CivilEvents::approve_revocation(root(), proposal),
			Error::<Test>::RevocationConflict
		);
		assert_ok!(CivilEvents::reject_revocation(root(), last_proposal()));
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(second)));
		assert_eq!((person(child).mother, person(child).father), (Some(adoptive_mother), None));
		assert_eq!(crate::AdoptionInEffect::<Test>::get(child).unwrap().act, first);
		assert!(person(child).sealed);
	});
}

/// #31: a child whose adoptive parents have both died may be adopted again.
#[test]
fn an_orphaned_adoptee_is_adopted_again() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(30, d(2020, 1, 1), Some(m), Some(f));
		let (a, b) = (enroll(31, Sex::Female, d(1970, 1, 1)), enroll(32, Sex::Male, d(1970, 1, 1)));
		marry(a, b, d(2021, 1, 1));
		assert_ok!(adoption(child).mother(a).father(b).on(d(2022, 1, 1)).register());
		let (c, e) = (enroll(33, Sex::Female, d(1975, 1, 1)), enroll(34, Sex::Male, d(1975, 1, 1)));
		marry(c, e, d(2023, 1, 1));
		let again = || adoption(child).mother(c).father(e).register();
		assert_ok!(death(a).on(d(2024, 6, 13)).register());
		// One adoptive parent still alive: not an orphan.
		assert_noop!(again(), Error::<Test>::AlreadyAdopted);
		assert_ok!(death(b).on(d(2024, 6, 14)).register());
		assert_ok!(again());
		assert_eq!((person(child).mother, person(child).father), (Some(c), Some(e)));
		let in_effect = crate::AdoptionInEffect::<Test>::get(child).unwrap();
		assert_eq!((in_effect.mother, in_effect.father), (Some(m), Some(f)));
	});
}

/// #31: the age gap is the law's for an unmarried adopter: spouses adopting together are
/// exempt (a wife ten years older than the child adopts with her husband).
#[test]
fn spouses_adopting_together_need_no_age_gap() {
	build_and_execute(|| {
		let child = enroll(30, Sex::Male, d(2010, 1, 1));
		let wife = enroll(31, Sex::Female, d(2000, 1, 1));
		let husband = enroll(32, Sex::Male, d(1980, 1, 1));
		// Alone and unmarried, she is too young to adopt him.
		assert_noop!(adoption(child).mother(wife).register(), Error::<Test>::AdopterTooYoung);
		marry(wife, husband, d(2023, 1, 1));
		assert_ok!(adoption(child).mother(wife).father(husband).register());
	});
}

/// #31: the decision may keep the other parent's rights: a single adopter not married to the
/// mother takes the child with her, who stays its mother. There must be someone to keep.
#[test]
fn a_decision_keeps_the_other_parent() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(30, d(2020, 1, 1), Some(m), Some(f));
		let adopter = enroll(31, Sex::Male, d(1980, 1, 1));
		assert_ok!(adoption(child).father(adopter).keeping_other_parent().register());
		let act = last_act();
		assert_eq!((person(child).mother, person(child).father), (Some(m), Some(adopter)));
		let ActDetails::Adoption(details) = Acts::<Test>::get(act).unwrap().details else {
			panic!("an adoption")
		};
		assert_eq!(details.adoptive(), Parents { mother: None, father: Some(adopter) });
		assert_eq!(details.replaced(), Parents { mother: None, father: Some(f) });
		let birth = crate::AdoptionInEffect::<Test>::get(child).unwrap();
		assert_eq!((birth.mother, birth.father), (Some(m), Some(f)));
		// Revoked: both birth parents again.
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(act)));
		assert_eq!((person(child).mother, person(child).father), (Some(m), Some(f)));

		// Nobody to keep: two adopters, or a fatherless child adopted by a woman.
		let (am, af) =
			(enroll(32, Sex::Female, d(1980, 1, 1)), enroll(33, Sex::Male, d(1979, 1, 1)));
		marry(am, af, TODAY);
		assert_noop!(
			adoption(child).mother(am).father(af).keeping_other_parent().register(),
			Error::<Test>::NoOtherParentToKeep
		);
		let fatherless = new_child(34, d(2021, 1, 1), Some(m), None);
		let woman = enroll(35, Sex::Female, d(1981, 1, 1));
		assert_noop!(
			adoption(fatherless).mother(woman).keeping_other_parent().register(),
			Error::<Test>::NoOtherParentToKeep
		);
		// Kept by the decision, a parent who has died stays too (for the grandparents' rights).
		assert_ok!(death(f).on(d(2024, 6, 1)).register());
		assert_ok!(adoption(child).mother(woman).keeping_other_parent().register());
		assert_eq!((person(child).mother, person(child).father), (Some(woman), Some(f)));
	});
}

/// #31: the decision may shorten the age gap for reasons the court found valid.
#[test]
fn a_decision_shortens_the_age_gap() {
	build_and_execute(|| {
		let child = enroll(30, Sex::Male, d(2010, 1, 1));
		let young = enroll(31, Sex::Female, d(2000, 1, 1));
		assert_noop!(adoption(child).mother(young).register(), Error::<Test>::AdopterTooYoung);
		assert_ok!(adoption(child).mother(young).shortening_age_gap().register());
		assert_eq!(person(child).mother, Some(young));
		// Not the other rules: an adopter still older than the child, and an adult.
		let other = enroll(32, Sex::Male, d(2009, 1, 1));
		let younger = enroll(33, Sex::Female, d(2011, 1, 1));
		assert_noop!(
			adoption(younger).father(other).shortening_age_gap().register(),
			Error::<Test>::AdoptiveParentNotAdult
		);
	});
}

/// #31: an adopted child takes the adopter's surname with the adoption (an adopter does not
/// choose one with it); revoking the adoption gives the child's back.
#[test]
fn an_adopted_child_takes_the_adopters_surname() {
	build_and_execute(|| {
		let (mother, father) = couple();
		let child = new_child(7, d(2020, 1, 1), Some(mother), Some(father));
		let (m, f) = (enroll(3, Sex::Female, d(1985, 1, 1)), enroll(4, Sex::Male, d(1985, 1, 1)));
		marry(m, f, d(2015, 1, 1));
		let before = person(child).data_root;
		assert_noop!(
			adoption(child).mother(m).father(f).surname(m, h(0x51)).register(),
			Error::<Test>::SurnameNotChosenHere
		);
		assert_ok!(adoption(child).mother(m).father(f).surname(child, h(0x51)).register());
		let act = last_act();
		assert_eq!(person(child).data_root, h(0x51));
		assert_ok!(CivilEvents::approve_revocation(signed(TK_REGIONAL_HEAD), propose_revoke(act)));
		assert_eq!(person(child).data_root, before);
	});
}
