//! Marriages and divorces: age and exemptions, bigamy, close relatives, divorce rules.

use super::*;

#[test]
fn marriage_and_divorce() {
	build_and_execute(|| {
		let (m, f) = couple();
		assert_ok!(CivilEvents::register_marriage(
			signed(WEDDING_REGISTRAR),
			m,
			f,
			TK_YUN,
			d(2020, 9, 9),
			None,
			h(0)
		));
		let marriage = crate::NextActId::<Test>::get() - 1;
		assert_eq!(
			last_event(),
			Event::MarriageRegistered { act: marriage, first: m, second: f, office: 2 }
		);
		assert_eq!(person(m).marital, MaritalStatus::Married { spouse: f, act: marriage });
		assert_eq!(person(f).marital, MaritalStatus::Married { spouse: m, act: marriage });
		assert_ok!(CivilEvents::register_divorce(
			signed(REGISTRAR),
			marriage,
			TK_YUN,
			d(2024, 1, 1),
			h(0)
		));
		let divorce = crate::NextActId::<Test>::get() - 1;
		assert_eq!(
			last_event(),
			Event::DivorceRegistered { act: divorce, marriage, office: YUN_OFFICE }
		);
		assert_eq!(person(m).marital, MaritalStatus::Divorced);
		assert_eq!(person(f).marital, MaritalStatus::Divorced);
		assert_eq!(Acts::<Test>::get(divorce).unwrap().subjects.to_vec(), vec![m, f]);
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
			CivilEvents::register_marriage(
				signed(REGISTRAR),
				young,
				adult,
				TK_YUN,
				TODAY,
				None,
				h(0)
			),
			Error::<Test>::TooYoungToMarry
		);
		// With the khokim's decision, 17 is enough.
		assert_ok!(CivilEvents::register_marriage(
			signed(REGISTRAR),
			young,
			adult,
			TK_YUN,
			TODAY,
			Some(h(0xee)),
			h(0)
		));
		let act = crate::NextActId::<Test>::get() - 1;
		assert!(
			matches!(Acts::<Test>::get(act).unwrap().details, ActDetails::Marriage { exemption: Some(e), .. } if e == h(0xee))
		);
		// 16 is too young even with it.
		let younger = enroll(5, Sex::Female, d(2008, 1, 1));
		let other = enroll(6, Sex::Male, d(2000, 1, 1));
		assert_noop!(
			CivilEvents::register_marriage(
				signed(REGISTRAR),
				younger,
				other,
				TK_YUN,
				TODAY,
				Some(h(0xee)),
				h(0)
			),
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
			CivilEvents::register_marriage(signed(REGISTRAR), other, f, TK_YUN, TODAY, None, h(0)),
			Error::<Test>::AlreadyMarried
		);
		assert_noop!(
			CivilEvents::register_marriage(
				signed(REGISTRAR),
				other,
				other,
				TK_YUN,
				TODAY,
				None,
				h(0)
			),
			Error::<Test>::SamePerson
		);
		assert_noop!(
			CivilEvents::register_marriage(signed(REGISTRAR), other, 77, TK_YUN, TODAY, None, h(0)),
			Error::<Test>::UnknownPerson
		);
		assert_noop!(
			CivilEvents::register_marriage(
				signed(REGISTRAR),
				other,
				f,
				TK_YUN,
				d(1980, 1, 1),
				None,
				h(0)
			),
			Error::<Test>::EventBeforeBirth
		);
	});
}

#[test]
fn close_relatives_cannot_marry() {
	build_and_execute(|| {
		let (m, f) = couple();
		let daughter = birth(30, d(2000, 1, 1), Some(m), Some(f));
		let son = birth(31, d(2002, 1, 1), Some(m), None);
		// Parent and child.
		assert_noop!(
			CivilEvents::register_marriage(
				signed(REGISTRAR),
				f,
				daughter,
				TK_YUN,
				TODAY,
				None,
				h(0)
			),
			Error::<Test>::CloseRelatives
		);
		// (Half-)siblings through the mother.
		assert_noop!(
			CivilEvents::register_marriage(
				signed(REGISTRAR),
				daughter,
				son,
				TK_YUN,
				TODAY,
				None,
				h(0)
			),
			Error::<Test>::CloseRelatives
		);
	});
}

#[test]
fn divorce_rules() {
	build_and_execute(|| {
		let (m, f) = couple();
		assert_noop!(
			CivilEvents::register_divorce(signed(REGISTRAR), 999, TK_YUN, TODAY, h(0)),
			Error::<Test>::UnknownAct
		);
		// An enrollment is not a marriage.
		assert_noop!(
			CivilEvents::register_divorce(signed(REGISTRAR), 0, TK_YUN, TODAY, h(0)),
			Error::<Test>::NotAMarriage
		);
		let marriage = marry(m, f, d(2015, 1, 1));
		assert_noop!(
			CivilEvents::register_divorce(signed(REGISTRAR), marriage, TK_YUN, d(2014, 1, 1), h(0)),
			Error::<Test>::DateBeforeMarriage
		);
		assert_ok!(CivilEvents::register_divorce(signed(REGISTRAR), marriage, TK_YUN, TODAY, h(0)));
		// An ended marriage cannot be dissolved again.
		assert_noop!(
			CivilEvents::register_divorce(signed(REGISTRAR), marriage, TK_YUN, TODAY, h(0)),
			Error::<Test>::MarriageNotActive
		);
	});
}

#[test]
fn a_marriage_ended_by_death_cannot_be_dissolved() {
	build_and_execute(|| {
		let (m, f) = couple();
		let marriage = marry(m, f, d(2015, 1, 1));
		assert_ok!(CivilEvents::register_death(signed(REGISTRAR), m, TK_YUN, TODAY, h(0)));
		assert_noop!(
			CivilEvents::register_divorce(signed(REGISTRAR), marriage, TK_YUN, TODAY, h(0)),
			Error::<Test>::MarriageNotActive
		);
	});
}
