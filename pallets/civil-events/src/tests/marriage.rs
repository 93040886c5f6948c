//! Marriages: age, bigamy, close relatives (`acts/marriage.rs`).

use super::builders::*;
use crate::MarriageBasis;

#[test]
fn marriage_and_divorce() {
	build_and_execute(|| {
		let (m, f) = couple();
		assert_ok!(marriage(m, f)
			.by(WEDDING_REGISTRAR)
			.on(d(2020, 9, 9))
			.document(h(0))
			.register());
		let marriage = crate::NextActId::<Test>::get() - 1;
		assert_eq!(
			act_event(),
			Event::MarriageRegistered { act: marriage, first: m, second: f, office: 2 }
		);
		assert_eq!(person(m).marital, MaritalStatus::Married { spouse: f, act: marriage });
		assert_eq!(person(f).marital, MaritalStatus::Married { spouse: m, act: marriage });
		assert_ok!(divorce(marriage).on(d(2024, 1, 1)).document(h(0)).register());
		let divorce = crate::NextActId::<Test>::get() - 1;
		assert_eq!(
			last_event(),
			Event::DivorceRegistered { act: divorce, marriage, office: YUN_OFFICE }
		);
		assert_eq!(person(m).marital, MaritalStatus::Divorced);
		assert_eq!(person(f).marital, MaritalStatus::Divorced);
		assert_eq!(Acts::<Test>::get(divorce).unwrap().subjects().to_vec(), vec![m, f]);
		// Divorced persons may marry again.
		marry(m, f, d(2024, 6, 1));
	});
}

#[test]
fn underage_and_exempted_marriage() {
	build_and_execute(|| {
		let young = enroll(3, Sex::Female, d(2007, 1, 1)); // 17 on TODAY
		let adult = enroll(4, Sex::Male, d(2000, 1, 1));
		assert_noop!(
			marriage(young, adult).on(TODAY).document(h(0)).register(),
			Error::<Test>::TooYoungToMarry
		);
		// With the khokim's decision, 17 is enough — once a head approves it.
		assert_ok!(marriage(young, adult).on(TODAY).document(h(0)).exemption(h(0xee)).register());
		let act = crate::NextActId::<Test>::get() - 1;
		let exemption = Exemption { district: TK_YUN, decision: h(0xee) };
		let record = Acts::<Test>::get(act).unwrap();
		assert_eq!(
			record.details,
			ActDetails::Marriage(MarriageDetails {
				spouses: Spouses { first: young, second: adult },
				basis: MarriageBasis::Exemption(exemption),
				ended_by: None
			})
		);
		assert_eq!(record.status, ActStatus::Pending);
		assert!(!record.late);
		assert_eq!(act_event(), Event::ExemptionPending { act, district: TK_YUN, office: 0 });
		assert_eq!(person(young).spouse(), None);
		// Not by the officer who registered it; by a head of the office.
		assert_noop!(
			CivilEvents::approve_late_registration(signed(REGISTRAR), act),
			Error::<Test>::NotHeadOfOffice
		);
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
		assert_eq!(person(young).spouse(), Some(adult));
		// 16 is too young even with it.
		let younger = enroll(5, Sex::Female, d(2008, 1, 1));
		let other = enroll(6, Sex::Male, d(2000, 1, 1));
		assert_noop!(
			marriage(younger, other).on(TODAY).document(h(0)).exemption(h(0xee)).register(),
			Error::<Test>::TooYoungToMarry
		);
	});
}

#[test]
fn bigamy_and_self_marriage() {
	build_and_execute(|| {
		let (m, f) = couple();
		let other = enroll(3, Sex::Female, d(1995, 1, 1));
		marry(m, f, d(2015, 1, 1));
		assert_noop!(
			marriage(other, f).on(TODAY).document(h(0)).register(),
			Error::<Test>::AlreadyMarried
		);
		assert_noop!(
			marriage(other, other).on(TODAY).document(h(0)).register(),
			Error::<Test>::SamePerson
		);
		assert_noop!(
			marriage(other, 77).on(TODAY).document(h(0)).register(),
			Error::<Test>::UnknownPerson
		);
		assert_noop!(
			marriage(other, f).on(d(1980, 1, 1)).document(h(0)).register(),
			Error::<Test>::EventBeforeBirth
		);
	});
}

#[test]
fn close_relatives_cannot_marry() {
	build_and_execute(|| {
		let (m, f) = (enroll(1, Sex::Female, d(1970, 3, 1)), enroll(2, Sex::Male, d(1968, 7, 20)));
		let daughter = new_child(30, d(2000, 1, 1), Some(m), Some(f));
		assert_ok!(birth(31).on(d(2002, 1, 1)).sex(Sex::Male).mother(m).register());
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), last_act()));
		let son = Persons::by_identity(&h(31)).unwrap();
		// Parent and child.
		assert_noop!(
			marriage(f, daughter).on(TODAY).document(h(0)).register(),
			Error::<Test>::CloseRelatives
		);
		// (Half-)siblings through the mother.
		assert_noop!(
			marriage(daughter, son).on(TODAY).document(h(0)).register(),
			Error::<Test>::CloseRelatives
		);
	});
}

#[test]
fn a_marriage_is_between_a_man_and_a_woman_where_the_law_says_so() {
	build_and_execute(|| {
		let (w1, w2) =
			(enroll(1, Sex::Female, d(1990, 1, 1)), enroll(2, Sex::Female, d(1991, 1, 1)));
		assert_noop!(marriage(w1, w2).on(TODAY).register(), Error::<Test>::SameSexMarriage);
		// Another country's runtime may set the rule otherwise.
		Law::set(&civil_registry_primitives::FamilyLaw {
			marriage_of_man_and_woman: false,
			..civil_registry_primitives::FamilyLaw::UZBEKISTAN
		});
		assert_ok!(marriage(w1, w2).on(TODAY).register());
	});
}

#[test]
fn a_corrected_sex_is_checked_against_the_marriages_in_effect() {
	build_and_execute(|| {
		let wife = enroll(1, Sex::Female, d(1990, 3, 1));
		assert_ok!(birth(2).on(d(2000, 1, 1)).sex(Sex::Male).register());
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), last_act()));
		let husband = Persons::by_identity(&h(2)).unwrap();
		marry(wife, husband, TODAY);
		// Correcting the husband's birth act to female would make the marriage same-sex.
		let proposal = propose(
			birth_act(husband),
			crate::Correction { sex: Some(Sex::Female), ..Default::default() },
		);
		assert_noop!(
			CivilEvents::approve_amendment(signed(TK_REGIONAL_HEAD), proposal),
			Error::<Test>::SameSexMarriage
		);
	});
}

/// A child born in 2000 to `mother` (registered late, approved); returns the child.
fn born_in_2000(child_key: u8, child_sex: Sex, mother: Option<PersonId>) -> PersonId {
	assert_ok!(birth(child_key).on(d(2000, 1, 1)).sex(child_sex).mother(mother).register());
	assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), last_act()));
	Persons::by_identity(&h(child_key)).unwrap()
}

#[test]
fn relatives_in_the_direct_line_cannot_marry_at_any_depth() {
	build_and_execute(|| {
		// Grandfather (1930) → mother (1960) → granddaughter (1985, enrolled with her mother).
		let grandfather = enroll(1, Sex::Male, d(1930, 1, 1));
		assert_ok!(enrollment(2, Sex::Female)
			.by(ARCHIVIST)
			.on(d(1960, 1, 1))
			.document(h(0xa0))
			.register());
		let mother = Persons::by_identity(&h(2)).unwrap();
		// The archive knows the grandfather as her father: a paternity act records it.
		assert_ok!(paternity(mother, grandfather).on(TODAY).consent(h(0xc0)).register());
		let granddaughter = born_in_2000(30, Sex::Female, Some(mother));
		assert_noop!(
			marriage(granddaughter, grandfather).on(TODAY).register(),
			Error::<Test>::CloseRelatives
		);
		// Not relatives: allowed.
		let stranger = enroll(3, Sex::Male, d(1980, 1, 1));
		assert_ok!(marriage(granddaughter, stranger).on(TODAY).register());
	});
}

#[test]
fn an_adoption_hides_no_kinship_from_the_law() {
	build_and_execute(|| {
		let (m, f) = (enroll(1, Sex::Female, d(1970, 3, 1)), enroll(2, Sex::Male, d(1968, 7, 20)));
		// A daughter born in 2007, adopted away (sealed) in 2024 by another couple; her
		// brother stays with the parents.
		assert_ok!(birth(30).on(d(2007, 1, 1)).sex(Sex::Female).mother(m).father(f).register());
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), last_act()));
		let daughter = Persons::by_identity(&h(30)).unwrap();
		assert_ok!(birth(31).on(d(2005, 1, 1)).sex(Sex::Male).mother(m).father(f).register());
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), last_act()));
		let brother = Persons::by_identity(&h(31)).unwrap();
		let (am, af) = (enroll(3, Sex::Female, d(1975, 1, 1)), enroll(4, Sex::Male, d(1974, 1, 1)));
		let adoptive = marry(am, af, TODAY);
		assert_ok!(adoption(daughter).mother(am).father(af).seal(true).on(TODAY).register());
		assert_eq!(person(daughter).father, Some(af));
		// The adoptive parents divorce (so that he is free to marry, but for the kinship).
		assert_ok!(divorce(adoptive).court(h(0xc1)).on(TODAY).register());
		// Adults now (the chain's clock moves on seven years).
		pallet_timestamp::Now::<Test>::put(NOW_MILLIS + 7 * 366 * 86_400_000);
		// Her biological father, her biological brother and her adoptive father: all refused.
		for relative in [f, brother, af] {
			assert_noop!(
				marriage(daughter, relative).on(CivilEvents::today().unwrap()).register(),
				Error::<Test>::CloseRelatives
			);
		}
	});
}

/// #31: art. 16 bars siblings by descent; two children adopted by the same woman, and her own
/// son, are not siblings for marriage — but each of them may not marry her.
#[test]
fn children_adopted_by_the_same_person_are_not_siblings() {
	build_and_execute(|| {
		let adopter = enroll(1, Sex::Female, d(1960, 1, 1));
		let own_son = born_in_2000(2, Sex::Male, Some(adopter));
		let (boy, girl) =
			(enroll(3, Sex::Male, d(2000, 1, 1)), enroll(4, Sex::Female, d(2001, 1, 1)));
		assert_ok!(adoption(boy).mother(adopter).on(d(2010, 1, 1)).register());
		assert_ok!(adoption(girl).mother(adopter).on(d(2010, 1, 1)).register());
		assert_eq!(person(boy).mother, Some(adopter));
		assert_eq!(person(girl).mother, Some(adopter));
		assert_noop!(marriage(adopter, boy).register(), Error::<Test>::CloseRelatives);
		assert_ok!(marriage(boy, girl).register());
		// Her own son and her adopted daughter, once the daughter is free again.
		assert_ok!(divorce(last_act()).court(h(0xc1)).register());
		assert_ok!(marriage(own_son, girl).register());
	});
}

/// #31: a birth mother a step-parent's adoption left in place stays a birth parent for the
/// kinship check after a second adoption replaces her: her other son is the girl's half-brother.
#[test]
fn a_birth_parent_replaced_by_a_second_adoption_stays_in_the_kinship_check() {
	build_and_execute(|| {
		let (m, f) = (enroll(1, Sex::Female, d(1975, 3, 1)), enroll(2, Sex::Male, d(1973, 7, 20)));
		let girl = new_child(30, d(2004, 1, 1), Some(m), Some(f));
		let half_brother = born_in_2000(31, Sex::Male, Some(m));
		let stepfather = enroll(32, Sex::Male, d(1980, 1, 1));
		let first_marriage = marry(m, stepfather, d(2009, 1, 1));
		// The stepfather adopts her: her mother stays, her birth father leaves.
		assert_ok!(adoption(girl).father(stepfather).on(d(2010, 1, 1)).register());
		assert_eq!((person(girl).mother, person(girl).father), (Some(m), Some(stepfather)));
		assert_ok!(divorce(first_marriage).court(h(0xc1)).on(d(2011, 1, 1)).register());
		// His new wife adopts her too: now the mother leaves.
		let stepmother = enroll(33, Sex::Female, d(1982, 1, 1));
		marry(stepfather, stepmother, d(2011, 6, 1));
		assert_ok!(adoption(girl).mother(stepmother).on(d(2012, 1, 1)).register());
		assert_eq!(
			(person(girl).mother, person(girl).father),
			(Some(stepmother), Some(stepfather))
		);
		let birth = crate::AdoptionInEffect::<Test>::get(girl).unwrap();
		assert_eq!((birth.mother, birth.father), (Some(m), Some(f)));
		assert_noop!(marriage(girl, half_brother).register(), Error::<Test>::CloseRelatives);
		assert_noop!(marriage(girl, f).register(), Error::<Test>::CloseRelatives);
	});
}

#[test]
fn the_kinship_search_is_bounded() {
	build_and_execute(|| {
		// Seven generations of mothers above `last` (the mock's bound: 6 ancestors visited).
		let mut mother = enroll(1, Sex::Female, d(1850, 1, 1));
		let first = mother;
		for (i, year) in [1870u16, 1890, 1910, 1930, 1950, 1970, 1990].into_iter().enumerate() {
			assert_ok!(birth(10 + i as u8)
				.on(d(year, 1, 1))
				.sex(Sex::Female)
				.mother(mother)
				.register());
			assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), last_act()));
			mother = Persons::by_identity(&h(10 + i as u8)).unwrap();
		}
		let last = mother;
		let parents = CivilEvents::all_parents(last, &person(last));
		let ancestors = CivilEvents::ancestors(&parents);
		assert_eq!(ancestors.len(), 6, "at most MaxKinshipSearch visited");
		assert!(!ancestors.contains(&first), "the seventh generation is beyond the bound");
		assert_eq!(ancestors[0], parents[0], "nearest first");
	});
}

/// #31: a marriage is dated the day it is registered (Family Code, art. 18): a correction does
/// not move it, not even one approved as a clerical error. A marriage from the archive is
/// dated by the paper record: corrected, it stays before the go-live date.
#[test]
fn a_marriage_date_cannot_be_amended() {
	build_and_execute(|| {
		let (m, f) = couple();
		let marriage = marry(m, f, d(2020, 1, 1));
		assert_noop!(
			CivilEvents::propose_amendment(
				signed(REGISTRAR),
				marriage,
				h(0xee),
				AmendmentReason::ClericalError,
				born_on(d(2010, 1, 1))
			),
			Error::<Test>::DateSetByRegistration
		);
		// The same date, restated: nothing moves, the correction of the document goes through.
		let proposal = propose(marriage, born_on(d(2020, 1, 1)));
		assert_ok!(CivilEvents::approve_amendment(signed(HEAD), proposal));

		let a = enroll(3, Sex::Female, d(1970, 1, 1));
		let b = enroll(4, Sex::Male, d(1970, 1, 1));
		assert_ok!(archive_marriage(a, b).on(d(1995, 1, 1)).register());
		let archived = last_act();
		let amend = |date| {
			CivilEvents::propose_amendment(
				signed(ARCHIVIST),
				archived,
				h(0xee),
				AmendmentReason::ClericalError,
				born_on(date),
			)
		};
		assert_noop!(amend(GO_LIVE), Error::<Test>::NotBeforeGoLive);
		assert_ok!(amend(d(1995, 2, 1)));
	});
}

/// #31: someone born on 29 February comes of age on 28 February in a common year (the Civil
/// Code's end of a period counted in years), not on 1 March.
#[test]
fn one_born_on_29_february_comes_of_age_on_28_february() {
	build_and_execute(|| {
		let bride = enroll(1, Sex::Female, d(2008, 2, 29));
		let groom = enroll(2, Sex::Male, d(2000, 1, 1));
		assert_noop!(
			marriage(bride, groom).on(d(2026, 2, 27)).register(),
			Error::<Test>::TooYoungToMarry
		);
		assert_ok!(marriage(bride, groom).on(d(2026, 2, 28)).register());
	});
}

/// #31: a court's declaration of legal incapacity bars a marriage (art. 16) until a decision
/// restores capacity; recorded by a head, on a real date between birth and today.
#[test]
fn a_person_declared_incapable_does_not_marry() {
	build_and_execute(|| {
		let (bride, groom) = couple();
		let record =
			|who, date| CivilEvents::record_incapacity(signed(who), TK_YUN, groom, h(0xe1), date);
		assert_noop!(record(REGISTRAR, d(2023, 1, 1)), Error::<Test>::RoleTooLow);
		assert_noop!(record(HEAD, d(2024, 6, 16)), Error::<Test>::DateInFuture);
		assert_noop!(record(HEAD, d(1980, 1, 1)), Error::<Test>::EventBeforeBirth);
		assert_noop!(
			CivilEvents::record_incapacity(signed(HEAD), TK_YUN, 999, h(0xe1), d(2023, 1, 1)),
			Error::<Test>::UnknownPerson
		);
		assert_ok!(record(HEAD, d(2023, 1, 1)));
		assert_eq!(
			last_event(),
			Event::IncapacityRecorded { person: groom, since: d(2023, 1, 1), office: YUN_OFFICE }
		);
		assert_noop!(record(HEAD, d(2023, 2, 1)), Error::<Test>::IncapacityRecorded);
		assert_noop!(marriage(bride, groom).register(), Error::<Test>::PersonIncapable);
		assert_noop!(marriage(groom, bride).register(), Error::<Test>::PersonIncapable);

		let restore_by =
			|who, date| CivilEvents::restore_capacity(signed(who), TK_YUN, groom, h(0xe2), date);
		// The head who may record a bar does not lift it: a regional department's head does.
		assert_noop!(restore_by(HEAD, d(2024, 6, 1)), Error::<Test>::NotRegionalHead);
		let restore = |date| restore_by(TK_REGIONAL_HEAD, date);
		assert_noop!(restore(d(2022, 12, 31)), Error::<Test>::RestoredBeforeIncapacity);
		assert_ok!(restore(d(2024, 6, 1)));
		assert_noop!(restore(d(2024, 6, 1)), Error::<Test>::NoIncapacity);
		assert_ok!(marriage(bride, groom).register());
	});
}

/// #31: a marriage waiting for a head's approval of its exemption is checked again on approval:
/// a declaration of incapacity recorded meanwhile refuses it; an incapacity is not recorded of
/// a person who has died.
#[test]
fn an_incapacity_recorded_while_a_marriage_waits_refuses_its_approval() {
	build_and_execute(|| {
		let young = enroll(3, Sex::Female, d(2007, 1, 1)); // 17 on TODAY
		let groom = enroll(4, Sex::Male, d(2000, 1, 1));
		assert_ok!(marriage(young, groom).exemption(h(0xee)).register());
		let act = last_act();
		assert_ok!(CivilEvents::record_incapacity(signed(HEAD), TK_YUN, groom, h(0xe1), TODAY));
		assert_noop!(
			CivilEvents::approve_late_registration(signed(HEAD), act),
			Error::<Test>::PersonIncapable
		);
		assert_ok!(CivilEvents::restore_capacity(
			signed(TK_REGIONAL_HEAD),
			TK_YUN,
			groom,
			h(0xe2),
			TODAY
		));
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
		assert_eq!(person(young).spouse(), Some(groom));

		let dead = enroll(5, Sex::Male, d(1950, 1, 1));
		assert_ok!(death(dead).on(d(2024, 6, 14)).register());
		assert_noop!(
			CivilEvents::record_incapacity(signed(HEAD), TK_YUN, dead, h(0xe3), d(2024, 1, 1)),
			Error::<Test>::PersonDeceased
		);
	});
}

/// #31: the surname chosen at marriage (Family Code, the spouses' choice of surname) — the
/// spouses' data roots become the ones computed with it, and [`crate::Surnames`] keeps the
/// roots before and after; chosen only by a spouse, once, and different from the root now.
#[test]
fn spouses_take_a_surname_at_marriage() {
	build_and_execute(|| {
		let (bride, groom) = couple();
		let other = enroll(3, Sex::Female, d(1990, 1, 1));
		let premarital = person(bride).data_root;
		assert_noop!(
			marriage(bride, groom).surname(other, h(0x51)).register(),
			Error::<Test>::SurnameNotChosenHere
		);
		assert_noop!(
			marriage(bride, groom)
				.surname(bride, h(0x51))
				.surname(bride, h(0x52))
				.register(),
			Error::<Test>::SurnameChosenTwice
		);
		assert_noop!(
			marriage(bride, groom).surname(bride, premarital).register(),
			Error::<Test>::SurnameUnchanged
		);
		let groom_root = person(groom).data_root;
		assert_ok!(marriage(bride, groom).surname(bride, h(0x51)).register());
		let act = last_act();
		assert_eq!(person(bride).data_root, h(0x51));
		assert_eq!(person(groom).data_root, groom_root, "the groom kept his");
		let change =
			crate::SurnameChange { person: bride, previous_root: premarital, new_root: h(0x51) };
		assert_eq!(crate::Surnames::<Test>::get(act).unwrap().to_vec(), vec![change]);
	});
}

/// #31: a marriage waiting for its exemption's approval changes no surname until it takes
/// effect; then the root it replaces is the one of that day.
#[test]
fn a_surname_chosen_with_an_exempted_marriage_is_taken_on_approval() {
	build_and_execute(|| {
		let young = enroll(3, Sex::Female, d(2007, 1, 1)); // 17 on TODAY
		let groom = enroll(4, Sex::Male, d(2000, 1, 1));
		assert_ok!(marriage(young, groom)
			.exemption(h(0xee))
			.surname(young, h(0x51))
			.surname(groom, h(0x52))
			.register());
		let act = last_act();
		assert_ne!(person(young).data_root, h(0x51), "not before the approval");
		// Meanwhile the groom's name is changed.
		assert_ok!(name_change(groom, h(0x53)).register());
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
		assert_eq!((person(young).data_root, person(groom).data_root), (h(0x51), h(0x52)));
		let changes = crate::Surnames::<Test>::get(act).unwrap();
		assert_eq!(changes[1].previous_root, h(0x53), "the root of the day it took effect");
	});
}

/// #31: revoking a marriage restores the spouses' premarital data roots — also when the
/// divorce that gave one back is revoked with it; a change of name since is revoked first.
#[test]
fn revoking_a_marriage_gives_back_the_premarital_surnames() {
	build_and_execute(|| {
		let (bride, groom) = couple();
		let premarital = person(bride).data_root;
		assert_ok!(marriage(bride, groom).on(d(2020, 1, 1)).surname(bride, h(0x51)).register());
		let act = last_act();
		assert_ok!(divorce(act).on(d(2023, 1, 1)).surname(bride, premarital).register());
		assert_eq!(person(bride).data_root, premarital);
		assert_ok!(CivilEvents::approve_revocation(signed(TK_REGIONAL_HEAD), propose_revoke(act)));
		assert_eq!(person(bride).data_root, premarital);

		let (first, second) =
			(enroll(5, Sex::Female, d(1990, 1, 1)), enroll(6, Sex::Male, d(1990, 1, 1)));
		let before = person(first).data_root;
		assert_ok!(marriage(first, second).surname(first, h(0x61)).register());
		let act = last_act();
		assert_ok!(name_change(first, h(0x62)).register());
		let name_change = last_act();
		let revocation = propose_revoke(act);
		assert_noop!(
			CivilEvents::approve_revocation(signed(TK_REGIONAL_HEAD), revocation),
			Error::<Test>::RevocationConflict
		);
		assert_ok!(CivilEvents::approve_revocation(
			signed(TK_REGIONAL_HEAD),
			propose_revoke(name_change)
		));
		assert_ok!(CivilEvents::approve_revocation(signed(TK_REGIONAL_HEAD), revocation));
		assert_eq!(person(first).data_root, before);
	});
}
