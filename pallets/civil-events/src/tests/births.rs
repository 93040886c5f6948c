//! Births and enrollments: the child or the enrolled person is created with its parents; identity
//! keys are unique; the parents' rules; late births wait for a head.

use super::*;

#[test]
fn birth_creates_the_child_with_its_parents() {
	build_and_execute(|| {
		let (m, f) = couple();
		assert_ok!(CivilEvents::register_birth(
			signed(REGISTRAR),
			TK_YUN,
			d(2024, 6, 1),
			h(10),
			h(0xd1),
			Sex::Male,
			Some(m),
			Some(f),
			h(0xdd)
		));
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
		assert_eq!(a.subjects.to_vec(), vec![child, m, f]);
		assert_eq!(
			(a.kind, a.status, a.version, a.late, a.officer),
			(ActKind::Birth, ActStatus::Registered, 1, false, REGISTRAR)
		);
		assert!(ActsOf::<Test>::get(m).contains(&act));
		assert!(ActsOf::<Test>::get(child).contains(&act));
	});
}

#[test]
fn enrollment_creates_a_person() {
	build_and_execute(|| {
		assert_ok!(CivilEvents::enroll_person(
			signed(ARCHIVIST),
			SA_SAM,
			d(1950, 1, 31),
			h(7),
			h(0xd0),
			Sex::Male,
			h(0xa7)
		));
		let p = Persons::by_identity(&h(7)).unwrap();
		assert_eq!(last_event(), Event::PersonEnrolled { act: 0, person: p, office: 3 });
		assert_eq!(person(p).birth_jurisdiction, SA_SAM);
		assert!(
			matches!(Acts::<Test>::get(0).unwrap().details, ActDetails::Enrollment { archive_reference, .. } if archive_reference == h(0xa7))
		);
	});
}

#[test]
fn duplicate_identity_key() {
	build_and_execute(|| {
		enroll(1, Sex::Female, d(1990, 1, 1));
		assert_noop!(
			CivilEvents::enroll_person(
				signed(ARCHIVIST),
				TK_YUN,
				d(1991, 1, 1),
				h(1),
				h(0),
				Sex::Male,
				h(0)
			),
			Error::<Test>::DuplicateIdentity
		);
		assert_noop!(
			CivilEvents::register_birth(
				signed(REGISTRAR),
				TK_YUN,
				d(2024, 6, 1),
				h(1),
				h(0),
				Sex::Male,
				None,
				None,
				h(0)
			),
			Error::<Test>::DuplicateIdentity
		);
	});
}

#[test]
fn parents_rules() {
	build_and_execute(|| {
		let (m, f) = couple();
		let reg = |mother, father, born| {
			CivilEvents::register_birth(
				signed(REGISTRAR),
				TK_YUN,
				born,
				h(50),
				h(0),
				Sex::Male,
				mother,
				father,
				h(0),
			)
		};
		assert_noop!(reg(Some(f), None, d(2024, 6, 1)), Error::<Test>::MotherNotFemale);
		assert_noop!(reg(None, Some(m), d(2024, 6, 1)), Error::<Test>::FatherNotMale);
		assert_noop!(reg(Some(77), None, d(2024, 6, 1)), Error::<Test>::UnknownPerson);
		// A parent must be older than the child.
		let young = enroll(3, Sex::Female, d(2024, 6, 1));
		assert_noop!(reg(Some(young), None, d(2024, 6, 1)), Error::<Test>::ParentNotOlder);
	});
}

#[test]
fn a_deceased_mother_before_the_birth_is_refused() {
	build_and_execute(|| {
		let (m, _) = couple();
		assert_ok!(CivilEvents::register_death(signed(REGISTRAR), m, TK_YUN, d(2024, 6, 13), h(0)));
		let reg = |born| {
			CivilEvents::register_birth(
				signed(REGISTRAR),
				TK_YUN,
				born,
				h(50),
				h(0),
				Sex::Male,
				Some(m),
				None,
				h(0),
			)
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
		assert_ok!(CivilEvents::register_death(signed(REGISTRAR), f, TK_YUN, d(2023, 8, 20), h(0)));
		let act = crate::NextActId::<Test>::get() - 1;
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
		let reg = |key, born| {
			CivilEvents::register_birth(
				signed(REGISTRAR),
				TK_YUN,
				born,
				h(key),
				h(0),
				Sex::Male,
				None,
				Some(f),
				h(0),
			)
		};
		assert_ok!(reg(60, d(2024, 6, 15)));
		// A father who died one day earlier: 301 days before the birth.
		let late_father = enroll(8, Sex::Male, d(1970, 1, 1));
		assert_ok!(CivilEvents::register_death(
			signed(REGISTRAR),
			late_father,
			TK_YUN,
			d(2023, 8, 19),
			h(0)
		));
		assert_ok!(CivilEvents::approve_late_registration(
			signed(HEAD),
			crate::NextActId::<Test>::get() - 1
		));
		assert_noop!(
			CivilEvents::register_birth(
				signed(REGISTRAR),
				TK_YUN,
				d(2024, 6, 15),
				h(61),
				h(0),
				Sex::Male,
				None,
				Some(late_father),
				h(0)
			),
			Error::<Test>::FatherDeceasedTooEarly
		);
	});
}

#[test]
fn late_birth_is_pending_until_a_head_approves() {
	build_and_execute(|| {
		let (m, _) = couple();
		// Born 2024-05-01: the deadline was 2024-06-01.
		assert_ok!(CivilEvents::register_birth(
			signed(REGISTRAR),
			TK_YUN,
			d(2024, 5, 1),
			h(20),
			h(0),
			Sex::Female,
			Some(m),
			None,
			h(0)
		));
		let act = crate::NextActId::<Test>::get() - 1;
		assert_eq!(
			last_event(),
			Event::LateRegistrationPending { act, kind: ActKind::Birth, office: YUN_OFFICE }
		);
		// No effect on persons yet: no child, the mother's acts unchanged.
		assert_eq!(Persons::by_identity(&h(20)), None);
		assert!(!ActsOf::<Test>::get(m).contains(&act));
		assert_eq!(Acts::<Test>::get(act).unwrap().status, ActStatus::Pending);
		// The identity key is reserved meanwhile.
		assert_eq!(PendingIdentities::<Test>::get(h(20)), Some(act));
		assert_noop!(
			CivilEvents::register_birth(
				signed(REGISTRAR_2),
				TK_YUN,
				d(2024, 6, 10),
				h(20),
				h(0),
				Sex::Female,
				None,
				None,
				h(0)
			),
			Error::<Test>::DuplicateIdentity
		);
		// A registrar cannot approve; the registering officer neither.
		assert_noop!(
			CivilEvents::approve_late_registration(signed(REGISTRAR_2), act),
			Error::<Test>::NotHeadOfOffice
		);
		assert_noop!(
			CivilEvents::approve_late_registration(signed(SAM_REGISTRAR), act),
			Error::<Test>::NotHeadOfOffice
		);
		assert_noop!(
			CivilEvents::approve_late_registration(signed(HEAD), 999),
			Error::<Test>::UnknownAct
		);
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
		let child = Persons::by_identity(&h(20)).unwrap();
		assert_eq!(last_event(), Event::BirthRegistered { act, child, office: YUN_OFFICE });
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::CivilEvents(Event::LateRegistrationApproved {
				act,
				approved_by: HEAD
			})));
		let a = Acts::<Test>::get(act).unwrap();
		assert_eq!((a.status, a.late), (ActStatus::Registered, true));
		assert_eq!(PendingIdentities::<Test>::get(h(20)), None);
		assert_noop!(
			CivilEvents::approve_late_registration(signed(HEAD), act),
			Error::<Test>::NotPending
		);
	});
}

#[test]
fn a_head_cannot_approve_its_own_late_registration() {
	build_and_execute(|| {
		assert_ok!(CivilEvents::register_birth(
			signed(HEAD),
			TK_YUN,
			d(2024, 1, 1),
			h(20),
			h(0),
			Sex::Female,
			None,
			None,
			h(0)
		));
		let act = crate::NextActId::<Test>::get() - 1;
		assert_noop!(
			CivilEvents::approve_late_registration(signed(HEAD), act),
			Error::<Test>::SelfApproval
		);
	});
}

#[test]
fn approval_rechecks_the_rules() {
	build_and_execute(|| {
		let (m, _) = couple();
		assert_ok!(CivilEvents::register_birth(
			signed(REGISTRAR),
			TK_YUN,
			d(2024, 5, 1),
			h(20),
			h(0),
			Sex::Female,
			Some(m),
			None,
			h(0)
		));
		let act = crate::NextActId::<Test>::get() - 1;
		// Meanwhile the mother's death is registered, dated before the birth.
		assert_ok!(CivilEvents::register_death(signed(REGISTRAR), m, TK_YUN, d(2024, 6, 14), h(0)));
		assert_ok!(CivilEvents::register_death(
			signed(REGISTRAR),
			enroll(3, Sex::Male, d(1950, 1, 1)),
			TK_YUN,
			d(2024, 6, 14),
			h(0)
		));
		// Still fine: she died after the birth.
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
	});
}
