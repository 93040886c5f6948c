//! Marriages: age, bigamy, close relatives (`acts/marriage.rs`).

use super::builders::*;

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
			last_event(),
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
			marriage(young, adult).on(TODAY).document(h(0)).register(),
			Error::<Test>::TooYoungToMarry
		);
		// With the khokim's decision, 17 is enough.
		assert_ok!(marriage(young, adult).on(TODAY).document(h(0)).exemption(h(0xee)).register());
		let act = crate::NextActId::<Test>::get() - 1;
		assert!(
			matches!(Acts::<Test>::get(act).unwrap().details, ActDetails::Marriage { exemption: Some(e), .. } if e == h(0xee))
		);
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
		let (m, f) = couple();
		let daughter = new_child(30, d(2000, 1, 1), Some(m), Some(f));
		let son = new_child(31, d(2002, 1, 1), Some(m), None);
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
