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

/// #31: a registry office's divorce takes effect the day it is registered. Dated earlier, a
/// child born since would not count as a common minor child, and a divorce by mutual consent
/// would go through despite the child. A court's divorce is dated by its decision.
#[test]
fn a_registry_divorce_cannot_be_backdated() {
	build_and_execute(|| {
		let (m, f) = couple();
		let marriage = marry(m, f, d(2015, 1, 1));
		assert_ok!(enrollment(10, Sex::Male)
			.by(ARCHIVIST)
			.on(d(2020, 1, 1))
			.mother(m)
			.father(f)
			.register());
		// Registered today, dated before the child's birth: refused, on every registry ground.
		for grounds in [
			DivorceGrounds::MutualConsent,
			DivorceGrounds::SpouseMissing(h(1)),
			DivorceGrounds::SpouseIncapable(h(2)),
			DivorceGrounds::SpouseSentenced(h(3)),
		] {
			assert_noop!(
				divorce(marriage)
					.grounds(grounds)
					.on(d(2019, 1, 1))
					.registered_on(TODAY)
					.register(),
				Error::<Test>::NotDatedToday
			);
		}
		assert_noop!(divorce(marriage).on(TODAY).register(), Error::<Test>::CommonMinorChildren);
		assert_ok!(divorce(marriage)
			.grounds(DivorceGrounds::SpouseSentenced(h(3)))
			.on(TODAY)
			.register());
		// Nor does a correction move its date.
		assert_noop!(
			CivilEvents::propose_amendment(
				signed(REGISTRAR),
				last_act(),
				h(0xee),
				AmendmentReason::ClericalError,
				born_on(d(2019, 1, 1))
			),
			Error::<Test>::DateSetByRegistration
		);
	});
}

/// #31: a court's divorce is dated the day its decision took effect, before the registration.
#[test]
fn a_court_divorce_is_dated_by_its_decision() {
	build_and_execute(|| {
		let (m, f) = couple();
		let marriage = marry(m, f, d(2015, 1, 1));
		assert_ok!(divorce(marriage).court(h(0xc1)).on(d(2019, 1, 1)).register());
		assert_eq!(person(m).marital, MaritalStatus::Divorced);
		// Its date may be corrected, within the same rules.
		let proposal = propose(last_act(), born_on(d(2019, 2, 1)));
		assert_ok!(CivilEvents::approve_amendment(signed(HEAD), proposal));
		assert_eq!(Acts::<Test>::get(last_act()).unwrap().event_date, d(2019, 2, 1));
	});
}

/// #31: at divorce a spouse takes back the premarital surname (or keeps the married one):
/// only the spouses of the marriage choose.
#[test]
fn a_spouse_takes_back_the_premarital_surname_at_divorce() {
	build_and_execute(|| {
		let (wife, husband) = couple();
		let premarital = person(wife).data_root;
		assert_ok!(marriage(wife, husband).on(d(2020, 1, 1)).surname(wife, h(0x51)).register());
		let act = last_act();
		let stranger = enroll(3, Sex::Female, d(1990, 1, 1));
		assert_noop!(
			divorce(act).on(TODAY).surname(stranger, h(0x52)).register(),
			Error::<Test>::SurnameNotChosenHere
		);
		assert_ok!(divorce(act).on(TODAY).surname(wife, premarital).register());
		assert_eq!(person(wife).data_root, premarital);
		let change =
			crate::SurnameChange { person: wife, previous_root: h(0x51), new_root: premarital };
		assert_eq!(crate::Surnames::<Test>::get(last_act()).unwrap().to_vec(), vec![change]);
	});
}
