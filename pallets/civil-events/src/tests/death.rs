//! Deaths: the person is deceased, an active marriage ends (`acts/death.rs`).

use super::builders::*;

#[test]
fn death_of_a_married_person_widows_the_spouse() {
	build_and_execute(|| {
		let (m, f) = couple();
		let marriage = marry(m, f, d(2015, 5, 5));
		assert_ok!(death(f).on(d(2024, 6, 14)).document(h(0xde)).register());
		let act = crate::NextActId::<Test>::get() - 1;
		assert_eq!(
			last_event(),
			Event::DeathRegistered { act, person: f, office: YUN_OFFICE, widowed: Some(m) }
		);
		assert_eq!(person(f).status, LifeStatus::Deceased { date: d(2024, 6, 14), act });
		assert_eq!(person(f).marital, MaritalStatus::DiedMarried { spouse: m, act: marriage });
		assert_eq!(person(m).marital, MaritalStatus::Widowed);
		assert!(
			matches!(Acts::<Test>::get(marriage).unwrap().details, ActDetails::Marriage(MarriageDetails { ended_by: Some(a), .. }) if a == act)
		);
	});
}

#[test]
fn death_rules() {
	build_and_execute(|| {
		let p = enroll(1, Sex::Male, d(1990, 1, 1));
		assert_noop!(
			death(p).on(d(1989, 12, 31)).document(h(0)).register(),
			Error::<Test>::DeathBeforeBirth
		);
		assert_noop!(death(77).on(TODAY).document(h(0)).register(), Error::<Test>::UnknownPerson);
		assert_ok!(death(p).on(TODAY).document(h(0)).register());
		assert_eq!(
			last_event(),
			Event::DeathRegistered { act: 1, person: p, office: YUN_OFFICE, widowed: None }
		);
		assert_noop!(death(p).on(TODAY).document(h(0)).register(), Error::<Test>::AlreadyDeceased);
	});
}

#[test]
fn no_act_for_a_deceased_person() {
	build_and_execute(|| {
		let (m, f) = couple();
		let other = enroll(3, Sex::Male, d(1980, 1, 1));
		assert_ok!(death(m).on(TODAY).document(h(0)).register());
		assert_noop!(
			marriage(m, other).on(TODAY).document(h(0)).register(),
			Error::<Test>::PersonDeceased
		);
		assert_noop!(
			name_change(m, h(9)).on(TODAY).document(h(0)).register(),
			Error::<Test>::PersonDeceased
		);
		// Nor as the living party of a new act; a deceased father's paternity is a court's.
		assert_noop!(
			paternity(m, f).on(TODAY).document(h(0)).register(),
			Error::<Test>::PersonDeceased
		);
		assert_noop!(
			paternity(f, m).on(TODAY).document(h(0)).register(),
			Error::<Test>::DeceasedFatherNeedsCourt
		);
	});
}

/// Register the death of `p` on `date`, approved by the office's head if it is late.
fn died(p: PersonId, date: Date) -> ActId {
	assert_ok!(death(p).on(date).register());
	let act = last_act();
	if Acts::<Test>::get(act).unwrap().status == ActStatus::Pending {
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
	}
	act
}

/// The two spouses' marital states and the kind of act that ended their marriage.
fn outcome(
	wife: PersonId,
	husband: PersonId,
	marriage: ActId,
) -> (MaritalStatus, MaritalStatus, Option<ActKind>) {
	let ActDetails::Marriage(m) = Acts::<Test>::get(marriage).unwrap().details else {
		panic!("a marriage")
	};
	(
		person(wife).marital,
		person(husband).marital,
		m.ended_by.map(|e| Acts::<Test>::get(e).unwrap().kind()),
	)
}

/// #31: the spouse who died first died married and the other was widowed, whichever death
/// the offices register first — this decides who inherits from whom.
#[test]
fn deaths_of_spouses_registered_in_reverse_order() {
	for reverse in [false, true] {
		build_and_execute(|| {
			let (wife, husband) = couple();
			let marriage = marry(wife, husband, d(2015, 5, 5));
			// She died in January, he in June; her death reaches the registry last.
			if reverse {
				died(husband, d(2024, 6, 14));
				died(wife, d(2024, 1, 10));
				assert_eq!(
					last_event(),
					Event::DeathRegistered {
						act: last_act(),
						person: wife,
						office: YUN_OFFICE,
						widowed: Some(husband)
					}
				);
			} else {
				died(wife, d(2024, 1, 10));
				died(husband, d(2024, 6, 14));
			}
			assert_eq!(
				outcome(wife, husband, marriage),
				(
					MaritalStatus::DiedMarried { spouse: husband, act: marriage },
					MaritalStatus::Widowed,
					Some(ActKind::Death)
				),
				"reverse: {reverse}"
			);
			let ActDetails::Marriage(m) = Acts::<Test>::get(marriage).unwrap().details else {
				panic!("a marriage")
			};
			let ended_by = Acts::<Test>::get(m.ended_by.unwrap()).unwrap().details;
			assert_eq!(ended_by, ActDetails::Death(crate::DeathDetails { person: wife }));
		});
	}
}

/// #31: spouses who died on the same day both died married, in either order.
#[test]
fn spouses_dying_on_the_same_day_both_die_married() {
	for reverse in [false, true] {
		build_and_execute(|| {
			let (wife, husband) = couple();
			let marriage = marry(wife, husband, d(2015, 5, 5));
			let (first, second) = if reverse { (husband, wife) } else { (wife, husband) };
			died(first, d(2024, 6, 13));
			died(second, d(2024, 6, 13));
			assert_eq!(
				outcome(wife, husband, marriage),
				(
					MaritalStatus::DiedMarried { spouse: husband, act: marriage },
					MaritalStatus::DiedMarried { spouse: wife, act: marriage },
					Some(ActKind::Death)
				),
				"reverse: {reverse}"
			);
		});
	}
}

/// #31: a court's divorce that took effect before a spouse's death ends the marriage, even
/// registered after the death (it was refused: `MarriageNotActive`); both are divorced, in
/// either order. A registry office's divorce comes after a registered death: refused.
#[test]
fn a_court_divorce_before_a_death_registered_after_it() {
	for reverse in [false, true] {
		build_and_execute(|| {
			let (wife, husband) = couple();
			let marriage = marry(wife, husband, d(2015, 5, 5));
			let divorce_ = || divorce(marriage).court(h(0xc1)).on(d(2024, 1, 10)).register();
			if reverse {
				died(husband, d(2024, 6, 14));
				assert_noop!(
					divorce(marriage).on(TODAY).register(),
					Error::<Test>::MarriageNotActive
				);
				assert_ok!(divorce_());
			} else {
				assert_ok!(divorce_());
				died(husband, d(2024, 6, 14));
			}
			assert_eq!(
				outcome(wife, husband, marriage),
				(MaritalStatus::Divorced, MaritalStatus::Divorced, Some(ActKind::Divorce)),
				"reverse: {reverse}"
			);
		});
	}
}

/// #31: a death dated before the divorce that ended the person's marriage is refused: a
/// marriage ends with a death, and no divorce follows it.
#[test]
fn a_death_before_a_registered_divorce_is_refused() {
	build_and_execute(|| {
		let (wife, husband) = couple();
		let marriage = marry(wife, husband, d(2015, 5, 5));
		assert_ok!(divorce(marriage).court(h(0xc1)).on(d(2024, 1, 10)).register());
		assert_noop!(
			death(husband).on(d(2023, 12, 1)).register(),
			Error::<Test>::DeathBeforeDivorce
		);
		// On the day of the divorce, or after it: he died divorced.
		died(husband, d(2024, 1, 10));
		assert_eq!(person(husband).marital, MaritalStatus::Divorced);
	});
}

/// #31: the same in time (no approval between): the earlier death, registered second the same
/// week, ends the marriage; a marriage from the archive, as any.
#[test]
fn deaths_of_spouses_registered_in_reverse_order_in_time() {
	build_and_execute(|| {
		let wife = enroll(2, Sex::Female, d(1960, 1, 1));
		let husband = enroll(3, Sex::Male, d(1957, 1, 1));
		assert_ok!(archive_marriage(wife, husband).on(d(1985, 3, 1)).register());
		let marriage = last_act();
		assert_ok!(death(wife).on(d(2024, 6, 15)).register());
		assert_ok!(death(husband).on(d(2024, 6, 13)).register());
		assert_eq!(
			outcome(wife, husband, marriage),
			(
				MaritalStatus::Widowed,
				MaritalStatus::DiedMarried { spouse: wife, act: marriage },
				Some(ActKind::Death)
			)
		);
	});
}
