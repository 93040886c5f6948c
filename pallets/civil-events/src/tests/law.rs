//! The law's rules that tie acts to each other and to the chain's start (issue "The law
//! complete"): enrollment before go-live with parents, archive marriages, divorce grounds,
//! marriages dated on their day, the husband's presumed paternity, parents corrected on a
//! court decision, exemptions naming their district, changes of name with consent. Each test
//! shows an act the chain wrongly accepted (or refused) before.

use super::builders::*;
use crate::{GoLive, MarriageBasis};

/// Hole 1: an enrollment is for births before go-live; later births are births.
#[test]
fn enrollment_only_before_go_live() {
	build_and_execute(|| {
		// A child born two weeks ago cannot bypass the birth's deadline and approval.
		assert_noop!(
			enrollment(3, Sex::Female).by(ARCHIVIST).on(d(2024, 6, 1)).register(),
			Error::<Test>::NotBeforeGoLive
		);
		assert_noop!(
			enrollment(3, Sex::Female).by(ARCHIVIST).on(GO_LIVE).register(),
			Error::<Test>::NotBeforeGoLive
		);
		assert_ok!(enrollment(3, Sex::Female).by(ARCHIVIST).on(d(2023, 12, 31)).register());
		// Without a go-live date nothing is enrolled.
		GoLive::<Test>::kill();
		assert_noop!(
			enrollment(4, Sex::Female).by(ARCHIVIST).on(d(1990, 1, 1)).register(),
			Error::<Test>::GoLiveUnset
		);
	});
}

/// Hole 1: enrolled siblings, with their parents named, cannot marry.
#[test]
fn enrolled_siblings_cannot_marry() {
	build_and_execute(|| {
		let (m, f) = couple();
		assert_ok!(enrollment(3, Sex::Female)
			.by(ARCHIVIST)
			.on(d(2005, 1, 1))
			.mother(m)
			.father(f)
			.register());
		let sister = Persons::by_identity(&h(3)).unwrap();
		assert_eq!((person(sister).mother, person(sister).father), (Some(m), Some(f)));
		assert!(ActsOf::<Test>::get(m).contains(&birth_act(sister)));
		// A half brother through the father only.
		assert_ok!(enrollment(4, Sex::Male).by(ARCHIVIST).on(d(2004, 1, 1)).father(f).register());
		let brother = Persons::by_identity(&h(4)).unwrap();
		assert_noop!(marriage(sister, brother).on(TODAY).register(), Error::<Test>::CloseRelatives);
		// The parents are checked as a birth's.
		assert_noop!(
			enrollment(5, Sex::Male).by(ARCHIVIST).on(d(2000, 1, 1)).mother(f).register(),
			Error::<Test>::MotherNotFemale
		);
		assert_noop!(
			enrollment(5, Sex::Male).by(ARCHIVIST).on(d(1995, 1, 1)).mother(m).register(),
			Error::<Test>::ParentTooYoung
		);
	});
}

/// Hole 1: an archive marriage makes bigamy visible.
#[test]
fn archive_marriage_then_bigamy_refused() {
	build_and_execute(|| {
		let (m, f) = couple();
		let other = enroll(3, Sex::Female, d(1992, 1, 1));
		// Before: the two enrolled spouses looked single, and a second marriage passed.
		assert_ok!(archive_marriage(m, f).on(d(2012, 5, 5)).document(h(0xa1)).register());
		let act = last_act();
		assert_eq!(last_event(), Event::MarriageEnrolled { act, first: m, second: f, office: 3 });
		let record = Acts::<Test>::get(act).unwrap();
		assert_eq!(record.kind(), ActKind::Marriage);
		assert_eq!(
			record.details,
			ActDetails::Marriage(MarriageDetails {
				spouses: Spouses { first: m, second: f },
				basis: MarriageBasis::Archive,
				ended_by: None
			})
		);
		assert_eq!(record.document_hash, h(0xa1));
		assert_eq!(person(f).spouse(), Some(m));
		assert_noop!(marriage(other, f).on(TODAY).register(), Error::<Test>::AlreadyMarried);
		// A divorce on chain ends it like any marriage.
		assert_ok!(divorce(act).on(TODAY).register());
		assert_ok!(marriage(other, f).on(TODAY).register());
	});
}

#[test]
fn archive_marriage_rules() {
	build_and_execute(|| {
		let (m, f) = couple();
		// Only what was registered before go-live.
		assert_noop!(
			archive_marriage(m, f).on(d(2024, 2, 1)).register(),
			Error::<Test>::NotBeforeGoLive
		);
		// Only by an office that enrolls: a wedding house registers marriages, not archives.
		assert_noop!(
			archive_marriage(m, f)
				.by(WEDDING_REGISTRAR)
				.at(TK_YUN)
				.on(d(2012, 1, 1))
				.register(),
			Error::<Test>::ActKindNotAllowed
		);
		// The floor of the age is the exemption's (17), the sexes and kinship as any marriage.
		assert_noop!(
			archive_marriage(m, f).on(d(2006, 1, 1)).register(),
			Error::<Test>::TooYoungToMarry
		);
		let woman = enroll(3, Sex::Female, d(1991, 1, 1));
		assert_noop!(
			archive_marriage(m, woman).on(d(2012, 1, 1)).register(),
			Error::<Test>::SameSexMarriage
		);
		// The archive office corrects and revokes its own marriages.
		assert_ok!(archive_marriage(m, f).on(d(2012, 1, 1)).register());
		let act = last_act();
		assert_ok!(CivilEvents::propose_revocation(signed(ARCHIVIST), act, h(0xfa)));
	});
}

/// Hole 4: a marriage is dated the day it is registered.
#[test]
fn a_marriage_cannot_be_backdated() {
	build_and_execute(|| {
		let (m, f) = couple();
		assert_noop!(
			marriage(m, f).on(d(2019, 6, 15)).registered_on(TODAY).register(),
			Error::<Test>::MarriageNotToday
		);
		assert_noop!(
			marriage(m, f).on(d(2024, 6, 14)).registered_on(TODAY).register(),
			Error::<Test>::MarriageNotToday
		);
		assert_ok!(marriage(m, f).on(TODAY).registered_on(TODAY).register());
	});
}

/// Hole 4: "today" is Tashkent's: at 20:00 UTC on 13 June it is already 14 June there.
#[test]
fn a_marriage_is_dated_in_the_country_s_time_zone() {
	build_and_execute(|| {
		let (m, f) = couple();
		pallet_timestamp::Now::<Test>::put(NOW_MILLIS - 40 * 3_600_000);
		let application = waited_application(REGISTRAR, m, f, d(2024, 6, 14));
		assert_noop!(
			CivilEvents::register_marriage(
				signed(REGISTRAR),
				TK_YUN,
				d(2024, 6, 13),
				m,
				f,
				None,
				Default::default(),
				application,
				h(0)
			),
			Error::<Test>::MarriageNotToday
		);
		assert_ok!(CivilEvents::register_marriage(
			signed(REGISTRAR),
			TK_YUN,
			d(2024, 6, 14),
			m,
			f,
			None,
			Default::default(),
			application,
			h(0)
		));
	});
}

/// Hole 3: a divorce by mutual consent only without common minor children.
#[test]
fn divorce_grounds() {
	build_and_execute(|| {
		let (m, f) = couple();
		let marriage = marry(m, f, d(2015, 1, 1));
		let child = new_child(3, d(2016, 1, 1), Some(m), Some(f));
		assert_noop!(divorce(marriage).on(TODAY).register(), Error::<Test>::CommonMinorChildren);
		// A spouse sentenced, missing or incapable: one spouse's application is enough.
		for grounds in [
			DivorceGrounds::SpouseSentenced(h(0xc1)),
			DivorceGrounds::SpouseMissing(h(0xc2)),
			DivorceGrounds::SpouseIncapable(h(0xc3)),
		] {
			frame_support::assert_ok!(frame_support::storage::with_transaction(|| {
				let result = divorce(marriage).on(TODAY).grounds(grounds).register();
				frame_support::storage::TransactionOutcome::Rollback(result)
			}));
		}
		// Otherwise a court's decision.
		assert_ok!(divorce(marriage)
			.on(TODAY)
			.grounds(DivorceGrounds::CourtDecision(h(0xc4)))
			.register());
		let act = last_act();
		assert_eq!(
			Acts::<Test>::get(act).unwrap().details,
			ActDetails::Divorce(DivorceDetails {
				marriage,
				spouses: Spouses { first: m, second: f },
				grounds: DivorceGrounds::CourtDecision(h(0xc4))
			})
		);
		assert_eq!(person(child).mother, Some(m));
	});
}

#[test]
fn adult_or_other_children_do_not_stop_a_divorce_by_consent() {
	build_and_execute(|| {
		let (m, f) = couple();
		let other = enroll(4, Sex::Male, d(1980, 1, 1));
		// Her child by another man, his adult son (born before go-live), a dead child of both.
		new_child(3, d(2016, 1, 1), Some(m), Some(other));
		assert_ok!(enrollment(5, Sex::Male).by(ARCHIVIST).on(d(2005, 1, 1)).father(f).register());
		let marriage = marry(m, f, d(2015, 1, 1));
		let dead = new_child(6, d(2016, 2, 1), Some(m), Some(f));
		assert_ok!(death(dead).on(d(2020, 1, 1)).register());
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), last_act()));
		assert_ok!(divorce(marriage).on(TODAY).register());
	});
}

/// Hole 3: a corrected divorce date would be checked against the grounds again; since #31 the
/// date of a registry office's divorce is not corrected at all (it is the day of registration).
#[test]
fn a_divorce_corrected_into_a_child_s_minority_is_refused() {
	build_and_execute(|| {
		let m = enroll(1, Sex::Female, d(1970, 1, 1));
		let f = enroll(2, Sex::Male, d(1968, 1, 1));
		let marriage = marry(m, f, d(2000, 1, 1));
		assert_ok!(enrollment(3, Sex::Male)
			.by(ARCHIVIST)
			.on(d(2005, 1, 1))
			.mother(m)
			.father(f)
			.register());
		assert_ok!(divorce(marriage).on(d(2024, 1, 10)).register());
		let act = last_act();
		assert_noop!(
			CivilEvents::propose_amendment(
				signed(REGISTRAR),
				act,
				h(0xee),
				AmendmentReason::ClericalError,
				born_on(d(2020, 1, 1))
			),
			Error::<Test>::DateSetByRegistration
		);
	});
}

/// Hole 6: a married woman's child has her husband as father unless a court decided.
#[test]
fn the_husband_is_presumed_the_father() {
	build_and_execute(|| {
		let (m, f) = couple();
		let other = enroll(4, Sex::Male, d(1980, 1, 1));
		marry(m, f, d(2015, 1, 1));
		assert_noop!(
			birth(10).on(d(2024, 6, 1)).mother(m).father(other).register(),
			Error::<Test>::FatherPresumed
		);
		assert_noop!(
			birth(10).on(d(2024, 6, 1)).mother(m).register(),
			Error::<Test>::FatherPresumed
		);
		assert_ok!(birth(10).on(d(2024, 6, 1)).mother(m).father(f).register());
		// With the court's decision, another man (or none).
		assert_ok!(birth(11).on(d(2024, 6, 2)).mother(m).father(other).court(h(0xc0)).register());
		let child = Persons::by_identity(&h(11)).unwrap();
		assert_eq!(person(child).father, Some(other));
	});
}

#[test]
fn the_former_husband_is_presumed_for_300_days() {
	build_and_execute(|| {
		let (m, f) = couple();
		let marriage = marry(m, f, d(2020, 1, 1));
		assert_ok!(divorce(marriage)
			.on(d(2023, 9, 1))
			.grounds(DivorceGrounds::CourtDecision(h(0xc0)))
			.register());
		// 288 days after the divorce: his.
		assert_noop!(
			birth(10).on(d(2024, 6, 15)).mother(m).register(),
			Error::<Test>::FatherPresumed
		);
		// A paternity of that child by another man needs the court too.
		assert_ok!(birth(10).on(d(2024, 6, 15)).mother(m).court(h(0xc1)).register());
		let child = Persons::by_identity(&h(10)).unwrap();
		let other = enroll(4, Sex::Male, d(1980, 1, 1));
		assert_noop!(paternity(child, other).on(TODAY).register(), Error::<Test>::FatherPresumed);
		assert_ok!(paternity(child, other).on(TODAY).court(h(0xc2)).register());
	});
}

#[test]
fn no_presumption_after_300_days() {
	build_and_execute(|| {
		let (m, f) = couple();
		let marriage = marry(m, f, d(2020, 1, 1));
		assert_ok!(divorce(marriage).on(d(2023, 1, 1)).register());
		// 531 days later: no presumed father.
		assert_ok!(birth(10).on(d(2024, 6, 15)).mother(m).register());
		let child = Persons::by_identity(&h(10)).unwrap();
		let other = enroll(4, Sex::Male, d(1980, 1, 1));
		assert_ok!(paternity(child, other).on(TODAY).register());
	});
}

/// Hole 6: the paternity of a deceased man is established by a court only.
#[test]
fn paternity_of_a_deceased_man_by_a_court() {
	build_and_execute(|| {
		let mother = enroll(1, Sex::Female, d(1990, 1, 1));
		let father = enroll(2, Sex::Male, d(1988, 1, 1));
		let child = new_child(10, d(2024, 6, 1), Some(mother), None);
		assert_ok!(death(father).on(d(2024, 6, 13)).register());
		assert_noop!(
			paternity(child, father).on(TODAY).register(),
			Error::<Test>::DeceasedFatherNeedsCourt
		);
		assert_ok!(paternity(child, father).on(TODAY).court(h(0xc0)).register());
		assert_eq!(person(child).father, Some(father));
	});
}

/// Hole 7: parents are corrected on a court decision, four eyes, and re-checked.
#[test]
fn parents_corrected_on_a_court_decision() {
	build_and_execute(|| {
		let (m, f) = couple();
		let real = enroll(4, Sex::Male, d(1980, 1, 1));
		let child = new_child(10, d(2024, 6, 1), Some(m), Some(f));
		let act = birth_act(child);
		let correction = Correction { parents: Some((Some(m), Some(real))), ..Default::default() };
		// Not on a clerical error.
		assert_noop!(
			CivilEvents::propose_amendment(
				signed(REGISTRAR),
				act,
				h(0xe1),
				AmendmentReason::ClericalError,
				correction
			),
			Error::<Test>::ParentsNeedCourtDecision
		);
		// Nor on a death or a marriage.
		let marriage = marry(m, f, d(2015, 1, 1));
		assert_noop!(
			CivilEvents::propose_amendment(
				signed(REGISTRAR),
				marriage,
				h(0xe1),
				AmendmentReason::CourtDecision,
				correction
			),
			Error::<Test>::CorrectionNotApplicable
		);
		let proposal = propose_as(REGISTRAR, act, AmendmentReason::CourtDecision, correction);
		assert_noop!(
			CivilEvents::approve_amendment(signed(REGISTRAR), proposal),
			Error::<Test>::NotSupervisingHead
		);
		assert_ok!(CivilEvents::approve_amendment(signed(TK_REGIONAL_HEAD), proposal));
		assert_eq!(person(child).father, Some(real));
		let record = Acts::<Test>::get(act).unwrap();
		assert_eq!(record.subjects().to_vec(), vec![child, m, real]);
		assert!(
			matches!(record.details, ActDetails::Birth(BirthDetails { court_decision: Some(c), .. }) if c == h(0xe1))
		);
		assert!(!ActsOf::<Test>::get(f).contains(&act));
		assert!(ActsOf::<Test>::get(real).contains(&act));
	});
}

#[test]
fn corrected_parents_are_checked_against_the_child_s_marriage() {
	build_and_execute(|| {
		let m = enroll(1, Sex::Female, d(1970, 1, 1));
		let f = enroll(2, Sex::Male, d(1968, 1, 1));
		let a = new_child(10, d(2000, 1, 1), Some(m), Some(f));
		assert_ok!(birth(11).on(d(2002, 2, 1)).sex(Sex::Male).register());
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), last_act()));
		let b = Persons::by_identity(&h(11)).unwrap();
		marry(a, b, TODAY);
		// The court finds that b is a's brother: their marriage forbids the correction until
		// it is dealt with (revoked).
		let correction = Correction { parents: Some((Some(m), Some(f))), ..Default::default() };
		let proposal =
			propose_as(REGISTRAR, birth_act(b), AmendmentReason::CourtDecision, correction);
		assert_noop!(
			CivilEvents::approve_amendment(signed(TK_REGIONAL_HEAD), proposal),
			Error::<Test>::CloseRelatives
		);
	});
}

#[test]
fn parents_changed_by_a_later_act_are_not_overwritten() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(10, d(2024, 6, 1), Some(m), None);
		assert_ok!(paternity(child, f).on(TODAY).register());
		let other = enroll(4, Sex::Male, d(1980, 1, 1));
		let correction = Correction { parents: Some((Some(m), Some(other))), ..Default::default() };
		let proposal =
			propose_as(REGISTRAR, birth_act(child), AmendmentReason::CourtDecision, correction);
		assert_noop!(
			CivilEvents::approve_amendment(signed(TK_REGIONAL_HEAD), proposal),
			Error::<Test>::RevocationConflict
		);
	});
}

/// Hole 9: the exemption names a district that contains the place of the marriage.
#[test]
fn the_exemption_names_its_district() {
	build_and_execute(|| {
		let young = enroll(3, Sex::Female, d(2007, 1, 1));
		let adult = enroll(4, Sex::Male, d(2000, 1, 1));
		let exemption = |district| Some(Exemption { district, decision: h(0xee) });
		// Samarkand's khokim does not decide for Yunusobod; the country is not a district.
		for district in [SA_SAM, 0, 999] {
			assert_noop!(
				marriage(young, adult).on(TODAY).exemption_of(exemption(district)).register(),
				Error::<Test>::ExemptionOutsideDistrict
			);
		}
		// Tashkent City's decision covers Yunusobod.
		assert_ok!(marriage(young, adult).on(TODAY).exemption_of(exemption(1)).register());
		// Unapproved, it expires like a late registration.
		let act = last_act();
		run_to_block(1 + PENDING_LIFETIME);
		assert_eq!(Acts::<Test>::get(act).unwrap().status, ActStatus::Expired);
		assert_eq!(person(young).spouse(), None);
	});
}

/// Hole 10: under 16, a change of name with consent.
#[test]
fn a_minor_changes_name_with_consent() {
	build_and_execute(|| {
		let child = new_child(10, d(2014, 1, 1), None, None);
		assert_noop!(
			name_change(child, h(0x55)).on(TODAY).register(),
			Error::<Test>::TooYoungForNameChange
		);
		assert_ok!(name_change(child, h(0x55)).on(TODAY).consent(h(0xcc)).register());
		assert_eq!(person(child).data_root, h(0x55));
	});
}

/// Hole 6, on amendment: a birth date corrected into the 300 days after the mother's marriage
/// makes her former husband the presumed father.
#[test]
fn a_birth_corrected_into_the_presumption_is_refused() {
	build_and_execute(|| {
		let (m, f) = couple();
		let other = enroll(4, Sex::Male, d(1980, 1, 1));
		let marriage = marry(m, f, d(2023, 1, 1));
		assert_ok!(divorce(marriage).on(d(2023, 2, 1)).register());
		let child = new_child(10, d(2024, 6, 1), Some(m), Some(other));
		let proposal = propose(birth_act(child), born_on(d(2023, 6, 1)));
		assert_noop!(
			CivilEvents::approve_amendment(signed(HEAD), proposal),
			Error::<Test>::FatherPresumed
		);
	});
}

/// Hole 9, on amendment: a marriage moved out of the exemption's district is refused.
#[test]
fn a_marriage_moved_out_of_the_exemption_s_district_is_refused() {
	build_and_execute(|| {
		let young = enroll(3, Sex::Female, d(2007, 1, 1));
		let adult = enroll(4, Sex::Male, d(2000, 1, 1));
		assert_ok!(marriage(young, adult)
			.by(TK_REGIONAL_REGISTRAR)
			.on(TODAY)
			.exemption(h(0xee))
			.register());
		let act = last_act();
		assert_ok!(CivilEvents::approve_late_registration(signed(TK_REGIONAL_HEAD), act));
		let correction = Correction { jurisdiction: Some(TK_CHI), ..Default::default() };
		let proposal =
			propose_as(TK_REGIONAL_REGISTRAR, act, AmendmentReason::ClericalError, correction);
		assert_noop!(
			CivilEvents::approve_amendment(signed(TK_REGIONAL_HEAD), proposal),
			Error::<Test>::ExemptionOutsideDistrict
		);
	});
}

/// Hole 1, on amendment: an enrolled person's parents are checked again when a date moves.
#[test]
fn an_enrollment_corrected_before_its_mother_could_be_one_is_refused() {
	build_and_execute(|| {
		let (m, f) = couple();
		assert_ok!(enrollment(3, Sex::Male)
			.by(ARCHIVIST)
			.on(d(2010, 1, 1))
			.mother(m)
			.father(f)
			.register());
		let person = Persons::by_identity(&h(3)).unwrap();
		let proposal = propose_as(
			ARCHIVIST,
			birth_act(person),
			AmendmentReason::ClericalError,
			born_on(d(1999, 1, 1)),
		);
		assert_ok!(pallet_offices::Pallet::<Test>::appoint_head(root(), ARCHIVE, ARCHIVE_HEAD));
		assert_noop!(
			CivilEvents::approve_amendment(signed(ARCHIVE_HEAD), proposal),
			Error::<Test>::ParentTooYoung
		);
	});
}

/// #31: a paper marriage is checked by the law of its day. Before 1 September 2019 a woman
/// married at 17, and at 16 with the khokim's exemption (which the paper record may not show);
/// a man at 18, or 17. Since then 18 for both, 17 with an exemption.
#[test]
fn an_archive_marriage_follows_the_marriage_age_of_its_day() {
	build_and_execute(|| {
		let bride = enroll(1, Sex::Female, d(1994, 6, 1));
		let groom = enroll(2, Sex::Male, d(1992, 1, 1));
		// 16 in 2010: lawful then with an exemption.
		assert_ok!(archive_marriage(bride, groom).on(d(2010, 7, 1)).register());
		// 15: not even then.
		let girl = enroll(3, Sex::Female, d(1995, 1, 1));
		let man = enroll(4, Sex::Male, d(1980, 1, 1));
		assert_noop!(
			archive_marriage(girl, man).on(d(2010, 7, 1)).register(),
			Error::<Test>::TooYoungToMarry
		);
		// A man of 16 was too young then too.
		let boy = enroll(5, Sex::Male, d(1994, 1, 1));
		let woman = enroll(6, Sex::Female, d(1980, 1, 1));
		assert_noop!(
			archive_marriage(woman, boy).on(d(2010, 7, 1)).register(),
			Error::<Test>::TooYoungToMarry
		);
		// After the 2019 amendment, a woman of 16 is too young even with an exemption.
		let later = enroll(7, Sex::Female, d(2004, 1, 1));
		assert_noop!(
			archive_marriage(later, man).on(d(2020, 6, 1)).register(),
			Error::<Test>::TooYoungToMarry
		);
		assert_ok!(archive_marriage(later, man).on(d(2021, 6, 1)).register());
	});
}

/// #31: a paper marriage whose spouse died after the go-live was in effect at the go-live:
/// enrolled, ended by that death (he died married, she is widowed), so that bigamy and the
/// presumption of paternity see it. A spouse dead before the go-live: the marriage had ended
/// then, and is not enrolled.
#[test]
fn an_archive_marriage_of_a_spouse_who_died_since_the_go_live() {
	build_and_execute(|| {
		let (wife, husband) = couple();
		assert_ok!(death(husband).on(d(2024, 6, 14)).register());
		let died = last_act();
		assert_ok!(archive_marriage(wife, husband).on(d(2012, 5, 5)).register());
		let marriage = last_act();
		assert_eq!(
			person(husband).marital,
			MaritalStatus::DiedMarried { spouse: wife, act: marriage }
		);
		assert_eq!(person(wife).marital, MaritalStatus::Widowed);
		let ActDetails::Marriage(m) = Acts::<Test>::get(marriage).unwrap().details else {
			panic!("a marriage")
		};
		assert_eq!(m.ended_by, Some(died));
		// Dead before the go-live (a late registration): not enrolled.
		let (a, b) = (enroll(11, Sex::Female, d(1970, 1, 1)), enroll(12, Sex::Male, d(1970, 1, 1)));
		assert_ok!(death(b).on(d(2023, 12, 1)).register());
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), last_act()));
		assert_noop!(
			archive_marriage(a, b).on(d(2000, 1, 1)).register(),
			Error::<Test>::PersonDeceased
		);
	});
}
