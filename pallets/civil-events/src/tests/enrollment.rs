//! Enrollments from the paper archive (`acts/enrollment.rs`).

use super::builders::*;

#[test]
fn enrollment_creates_a_person() {
	build_and_execute(|| {
		assert_ok!(enrollment(7, Sex::Male)
			.by(ARCHIVIST)
			.at(SA_SAM)
			.on(d(1950, 1, 31))
			.document(h(0xa7))
			.register());
		let p = Persons::by_identity(&h(7)).unwrap();
		assert_eq!(last_event(), Event::PersonEnrolled { act: 0, person: p, office: 3 });
		assert_eq!(person(p).birth_jurisdiction, SA_SAM);
		// The archive reference is the act's document hash.
		assert_eq!(Acts::<Test>::get(0).unwrap().document_hash, h(0xa7));
	});
}

/// A country of its own in the jurisdiction tree (a root), with a city in it: (country, city).
fn foreign_country() -> (JurisdictionId, JurisdictionId) {
	let country = pallet_offices::NextJurisdictionId::<Test>::get();
	assert_ok!(Offices::create_jurisdiction(root(), b"KZ".to_vec(), b"Kazakhstan".to_vec(), None));
	assert_ok!(Offices::create_jurisdiction(
		root(),
		b"KZ-ALA".to_vec(),
		b"Almaty".to_vec(),
		Some(country)
	));
	(country, country + 1)
}

/// #31: a person born abroad — a place in another country of the jurisdiction tree — is
/// enrolled by a district office in its own jurisdiction, on any date of birth (after the
/// go-live too), and waits for a head; then the death here is registered. The office answers
/// for the act: its certificates, its revocation by the regional head above it.
#[test]
fn a_person_born_abroad_is_enrolled_here_and_dies_here() {
	build_and_execute(|| {
		let (_, almaty) = foreign_country();
		let born = d(2024, 3, 1); // after the go-live: no archive of ours holds it
							// The wedding house does not enroll; a birth act is not registered abroad.
		assert_noop!(
			enrollment(40, Sex::Female).by(WEDDING_REGISTRAR).at(almaty).on(born).register(),
			Error::<Test>::ActKindNotAllowed
		);
		assert_noop!(birth(40).at(almaty).on(born).register(), Error::<Test>::OutsideJurisdiction);
		assert_noop!(
			enrollment(40, Sex::Female).at(almaty).on(d(2024, 6, 16)).register(),
			Error::<Test>::DateInFuture
		);
		// At home the go-live still bounds an enrollment.
		assert_noop!(
			enrollment(40, Sex::Female).at(TK_YUN).on(born).register(),
			Error::<Test>::NotBeforeGoLive
		);
		assert_ok!(enrollment(40, Sex::Female).at(almaty).on(born).document(h(0x4a)).register());
		let act = last_act();
		assert_eq!(last_event(), Event::EnrollmentAbroadPending { act, office: YUN_OFFICE });
		assert!(Persons::by_identity(&h(40)).is_none(), "not before a head approves");
		assert_noop!(
			CivilEvents::approve_late_registration(signed(REGISTRAR), act),
			Error::<Test>::NotHeadOfOffice
		);
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
		let p = Persons::by_identity(&h(40)).unwrap();
		assert_eq!(person(p).birth_jurisdiction, almaty);
		assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR), act, h(0x4c)));

		// Her death in Yunusobod, away from the region of her birth, waits for a head too.
		assert_ok!(death(p).on(TODAY).register());
		let death_act = last_act();
		assert_eq!(last_event(), Event::DeathAwayPending { act: death_act, office: YUN_OFFICE });
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), death_act));
		assert!(!person(p).is_alive());
	});
}

/// #31: an enrollment of a person born abroad is revoked by the regional head above the
/// office that registered it; its place is corrected only into the office's jurisdiction, and
/// then the home row of the date table holds (no birth after the go-live moved home).
#[test]
fn an_enrollment_abroad_is_answered_for_by_its_office() {
	build_and_execute(|| {
		let (_, almaty) = foreign_country();
		assert_ok!(enrollment(41, Sex::Male).at(almaty).on(d(2024, 3, 1)).register());
		let act = last_act();
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
		let p = Persons::by_identity(&h(41)).unwrap();
		// Moved home, a date of birth after the go-live is refused: that is a birth act's.
		let home = Correction { jurisdiction: Some(TK_YUN), ..Default::default() };
		assert_noop!(
			CivilEvents::propose_amendment(
				signed(REGISTRAR),
				act,
				h(0xe1),
				AmendmentReason::ClericalError,
				home
			),
			Error::<Test>::NotBeforeGoLive
		);
		// Samarkand's regional head does not answer for it; Tashkent's does.
		let proposal = propose_revoke(act);
		assert_noop!(
			CivilEvents::approve_revocation(
				signed(pallet_offices::test_country::SA_REGIONAL_HEAD),
				proposal
			),
			Error::<Test>::NotRegionalHead
		);
		assert_ok!(CivilEvents::approve_revocation(signed(TK_REGIONAL_HEAD), proposal));
		assert!(person(p).revoked);
	});
}
