//! Births: the child is created with its parents; identity keys are unique; the parents'
//! rules (`acts/birth.rs`).

use super::builders::*;

#[test]
fn birth_creates_the_child_with_its_parents() {
	build_and_execute(|| {
		let (m, f) = couple();
		assert_ok!(birth(10).on(d(2024, 6, 1)).sex(Sex::Male).mother(m).father(f).register());
		let child = Persons::by_identity(&h(10)).unwrap();
		let act = crate::NextActId::<Test>::get() - 1;
		assert_eq!(last_event(), Event::BirthRegistered { act, child, office: YUN_OFFICE });
		let c = person(child);
		assert_eq!(
			(c.mother, c.father, c.sex, c.birth_date),
			(Some(m), Some(f), Sex::Male, d(2024, 6, 1))
		);
		assert_eq!(
			(c.status, c.marital, c.origin_act),
			(LifeStatus::Alive, MaritalStatus::Single, act)
		);
		let a = Acts::<Test>::get(act).unwrap();
		assert_eq!(a.subjects().to_vec(), vec![child, m, f]);
		assert_eq!(
			(a.kind(), a.status, a.version, a.late, a.officer),
			(ActKind::Birth, ActStatus::Registered, 1, false, REGISTRAR)
		);
		assert!(ActsOf::<Test>::get(m).contains(&act));
		// The child's record names the act; their own index does not repeat it.
		assert_eq!(person(child).origin_act, act);
		assert!(!ActsOf::<Test>::contains_key(child));
		assert_eq!(crate::Pallet::<Test>::acts_of_person(child), vec![act]);
	});
}

#[test]
fn duplicate_identity_key() {
	build_and_execute(|| {
		enroll(1, Sex::Female, d(1990, 1, 1));
		assert_noop!(
			enrollment(1, Sex::Male)
				.by(ARCHIVIST)
				.on(d(1991, 1, 1))
				.document(h(0))
				.data_root(h(0))
				.register(),
			Error::<Test>::DuplicateIdentity
		);
		assert_noop!(
			birth(1)
				.on(d(2024, 6, 1))
				.document(h(0))
				.data_root(h(0))
				.sex(Sex::Male)
				.register(),
			Error::<Test>::DuplicateIdentity
		);
	});
}

#[test]
fn parents_rules() {
	build_and_execute(|| {
		let (m, f) = couple();
		let reg = |mother, father, born| {
			birth(50)
				.on(born)
				.document(h(0))
				.data_root(h(0))
				.sex(Sex::Male)
				.mother(mother)
				.father(father)
				.register()
		};
		assert_noop!(reg(Some(f), None, d(2024, 6, 1)), Error::<Test>::MotherNotFemale);
		assert_noop!(reg(None, Some(m), d(2024, 6, 1)), Error::<Test>::FatherNotMale);
		assert_noop!(reg(Some(77), None, d(2024, 6, 1)), Error::<Test>::UnknownPerson);
		// A parent must be older than the child.
		let young = new_child(3, d(2024, 6, 1), None, None);
		assert_noop!(reg(Some(young), None, d(2024, 6, 1)), Error::<Test>::ParentNotOlder);
	});
}

#[test]
fn a_deceased_mother_before_the_birth_is_refused() {
	build_and_execute(|| {
		let (m, _) = couple();
		assert_ok!(death(m).on(d(2024, 6, 13)).document(h(0)).register());
		let reg = |born| {
			birth(50)
				.on(born)
				.document(h(0))
				.data_root(h(0))
				.sex(Sex::Male)
				.mother(m)
				.register()
		};
		// Dying on the day of the birth is possible; the day before, not.
		assert_noop!(reg(d(2024, 6, 14)), Error::<Test>::MotherDeceasedBeforeBirth);
		assert_ok!(reg(d(2024, 6, 13)));
	});
}

#[test]
fn the_father_may_have_died_up_to_300_days_before() {
	build_and_execute(|| {
		let (_, f) = couple();
		// Died 2023-08-20: 300 days later is 2024-06-15.
		assert_ok!(death(f).on(d(2023, 8, 20)).document(h(0)).register());
		let act = crate::NextActId::<Test>::get() - 1;
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
		let reg = |key, born| {
			birth(key)
				.on(born)
				.document(h(0))
				.data_root(h(0))
				.sex(Sex::Male)
				.father(f)
				// Not the husband of a mother: a court establishes a dead man's paternity.
				.court(h(0xc0))
				.register()
		};
		assert_ok!(reg(60, d(2024, 6, 15)));
		// A father who died one day earlier: 301 days before the birth.
		let late_father = enroll(8, Sex::Male, d(1970, 1, 1));
		assert_ok!(death(late_father).on(d(2023, 8, 19)).document(h(0)).register());
		assert_ok!(CivilEvents::approve_late_registration(
			signed(HEAD),
			crate::NextActId::<Test>::get() - 1
		));
		assert_noop!(
			birth(61)
				.on(d(2024, 6, 15))
				.document(h(0))
				.data_root(h(0))
				.sex(Sex::Male)
				.father(late_father)
				.court(h(0xc0))
				.register(),
			Error::<Test>::FatherDeceasedTooEarly
		);
	});
}

#[test]
fn a_parent_younger_than_the_minimum_parent_age_is_refused() {
	build_and_execute(|| {
		// A girl of 10 (born 2014) as the mother of a child born in June 2024.
		let girl = enroll(1, Sex::Female, d(2014, 1, 1));
		assert_noop!(
			birth(20).on(d(2024, 6, 1)).mother(girl).register(),
			Error::<Test>::ParentTooYoung
		);
		let boy = enroll(2, Sex::Male, d(2013, 1, 1));
		assert_noop!(
			birth(20).on(d(2024, 6, 1)).father(boy).register(),
			Error::<Test>::ParentTooYoung
		);
		// Paternity of a younger man than the law's minimum at the child's birth, too.
		let child = new_child(21, d(2024, 6, 1), None, None);
		assert_noop!(paternity(child, boy).on(TODAY).register(), Error::<Test>::ParentTooYoung);
		// Twelve at the birth is the bound.
		let young = enroll(3, Sex::Female, d(2012, 5, 31));
		assert_ok!(birth(22).on(d(2024, 6, 1)).mother(young).register());
	});
}

#[test]
fn a_birth_naming_a_dead_man_not_the_mothers_husband_needs_a_court() {
	build_and_execute(|| {
		let mother = enroll(60, Sex::Female, d(1990, 1, 1));
		let man = enroll(61, Sex::Male, d(1988, 1, 1));
		assert_ok!(death(man).on(d(2024, 6, 13)).register());
		// He could not acknowledge the child with the mother: as for a paternity act, a court.
		assert_noop!(
			birth(62).mother(mother).father(man).on(d(2024, 6, 14)).register(),
			Error::<Test>::DeceasedFatherNeedsCourt
		);
		assert_ok!(birth(62)
			.mother(mother)
			.father(man)
			.on(d(2024, 6, 14))
			.court(h(0xc1))
			.register());
		assert_eq!(person(Persons::by_identity(&h(62)).unwrap()).father, Some(man));
		// The mother's late husband is the father by presumption: no court.
		let (wife, husband) =
			(enroll(63, Sex::Female, d(1990, 1, 1)), enroll(64, Sex::Male, d(1988, 1, 1)));
		marry(wife, husband, d(2020, 1, 1));
		assert_ok!(death(husband).on(d(2024, 6, 13)).register());
		assert_ok!(birth(65).mother(wife).father(husband).on(d(2024, 6, 14)).register());
		// A living man who is not the husband: the parents' joint application, no court.
		let other = enroll(66, Sex::Male, d(1985, 1, 1));
		assert_ok!(birth(67).mother(mother).father(other).on(d(2024, 6, 14)).register());
	});
}
