//! Revocations: approved at the regional level; effects on persons undone consistently.

use super::builders::*;

#[test]
fn only_the_regional_level_revokes() {
	build_and_execute(|| {
		let (a, b) = couple();
		let marriage = marry(a, b, d(2020, 1, 1));
		let proposal = propose_revoke(marriage);
		assert_eq!(
			last_event(),
			Event::RevocationProposed {
				proposal,
				act: marriage,
				proposer: REGISTRAR,
				expires_at: 1 + PROPOSAL_LIFETIME
			}
		);
		for who in [HEAD, REGISTRAR_2, SAM_HEAD, TK_REGIONAL_REGISTRAR, NOBODY] {
			assert_noop!(
				CivilEvents::approve_revocation(signed(who), proposal),
				Error::<Test>::NotRegionalHead
			);
		}
		assert_ok!(CivilEvents::approve_revocation(signed(TK_REGIONAL_HEAD), proposal));
		assert_eq!(
			last_event(),
			Event::ActRevoked {
				proposal,
				act: marriage,
				approved_by: Some(TK_REGIONAL_HEAD),
				dependents: Default::default()
			}
		);
		let record = Revocations::<Test>::get(marriage).unwrap();
		assert_eq!(
			(record.reason_hash, record.proposed_by, record.approved_by),
			(h(0xfa), REGISTRAR, Some(TK_REGIONAL_HEAD))
		);
		assert_noop!(
			CivilEvents::propose_revocation(signed(REGISTRAR), marriage, h(1)),
			Error::<Test>::AlreadyRevoked
		);
	});
}

#[test]
fn a_regional_head_cannot_approve_its_own_proposal_but_governance_can_decide() {
	build_and_execute(|| {
		let (a, b) = couple();
		let marriage = marry(a, b, d(2020, 1, 1));
		assert_ok!(CivilEvents::propose_revocation(signed(TK_REGIONAL_HEAD), marriage, h(1)));
		let proposal = last_proposal();
		assert_noop!(
			CivilEvents::approve_revocation(signed(TK_REGIONAL_HEAD), proposal),
			Error::<Test>::SelfApproval
		);
		assert_noop!(
			CivilEvents::reject_revocation(signed(SAM_HEAD), proposal),
			Error::<Test>::NotRegionalHead
		);
		assert_ok!(CivilEvents::approve_revocation(root(), proposal));
		assert_eq!(Revocations::<Test>::get(marriage).unwrap().approved_by, None);
		// Governance may also reject.
		let other = enroll(3, Sex::Male, d(1970, 1, 1));
		assert_ok!(CivilEvents::propose_revocation(signed(ARCHIVIST), birth_act(other), h(1)));
		assert_ok!(CivilEvents::reject_revocation(root(), last_proposal()));
	});
}

#[test]
fn revoking_a_marriage_frees_both_spouses() {
	build_and_execute(|| {
		let (a, b) = couple();
		let c = enroll(3, Sex::Male, d(1985, 1, 1));
		let first = marry(a, c, d(2010, 1, 1));
		assert_ok!(divorce(first).on(d(2012, 1, 1)).register());
		let marriage = marry(a, b, d(2020, 1, 1));
		assert_eq!(count(ActKind::Marriage, 2020, 1, TK_YUN), 1);
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(marriage)));
		// She is divorced again (from her first marriage), he is single.
		assert_eq!(person(a).marital, MaritalStatus::Divorced);
		assert_eq!(person(b).marital, MaritalStatus::Single);
		assert_eq!(Acts::<Test>::get(marriage).unwrap().status, ActStatus::Revoked);
		assert_eq!(count(ActKind::Marriage, 2020, 1, TK_YUN), 0);
		// Both may marry again.
		marry(a, b, d(2021, 1, 1));
		// #31: revoking the first marriage revokes its divorce with it (a void marriage was
		// never dissolved): both acts revoked by the one proposal, the divorce's certificates
		// no longer valid, out of the statistics.
		let divorce = first + 1;
		assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR), divorce, h(0xc9)));
		assert_eq!(count(ActKind::Divorce, 2012, 1, TK_YUN), 1);
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(first)));
		let proposal = last_proposal();
		let revoked = |act| Event::ActRevoked {
			proposal,
			act,
			approved_by: None,
			dependents: Default::default(),
		};
		let events: Vec<_> = System::events().into_iter().rev().take(2).collect();
		assert_eq!(events[1].event, RuntimeEvent::CivilEvents(revoked(first)));
		assert_eq!(events[0].event, RuntimeEvent::CivilEvents(revoked(divorce)));
		assert_eq!(Acts::<Test>::get(divorce).unwrap().status, ActStatus::Revoked);
		assert!(crate::Revocations::<Test>::contains_key(divorce));
		assert_eq!(status(0xc9), Some(CertificateStatus::Revoked));
		assert_eq!(count(ActKind::Divorce, 2012, 1, TK_YUN), 0);
		assert_eq!(person(c).marital, MaritalStatus::Single);
	});
}

#[test]
fn revoking_a_birth_marks_the_person_revoked_and_reports_its_acts() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(10, d(2024, 6, 1), Some(m), Some(f));
		let marriage = marry(m, f, d(2020, 1, 1));
		let mother_birth = birth_act(m);
		assert_ok!(CivilEvents::propose_revocation(signed(ARCHIVIST), mother_birth, h(1)));
		let proposal = last_proposal();
		// #31: not while she is married — he would stay married to a revoked registration,
		// whose death or divorce no office could register. The marriage is revoked first.
		assert_noop!(
			CivilEvents::approve_revocation(root(), proposal),
			Error::<Test>::RevocationConflict
		);
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(marriage)));
		assert_eq!(person(f).marital, MaritalStatus::Single);
		assert_ok!(CivilEvents::approve_revocation(root(), proposal));
		assert_eq!(
			last_event(),
			Event::ActRevoked {
				proposal,
				act: mother_birth,
				approved_by: None,
				dependents: vec![birth_act(child)].try_into().unwrap()
			}
		);
		// Kept, marked revoked; the identity key is free for the genuine registration.
		assert!(person(m).revoked);
		assert_eq!(Persons::by_identity(&h(1)), None);
		let again = enroll(1, Sex::Female, d(1990, 3, 1));
		assert_ne!(again, m);
		// No new act concerns the revoked person.
		assert_noop!(name_change(m, h(2)).on(TODAY).register(), Error::<Test>::PersonRevoked);
		assert_noop!(death(m).on(TODAY).register(), Error::<Test>::PersonRevoked);
		assert_eq!(count(ActKind::Enrollment, 1990, 3, TK_YUN), 1);
	});
}

#[test]
fn revoking_a_death_restores_the_person_and_the_marriage() {
	build_and_execute(|| {
		let (a, b) = couple();
		let marriage = marry(a, b, d(2020, 1, 1));
		assert_ok!(death(b).on(TODAY).register());
		let death = last_act();
		assert_eq!(person(a).marital, MaritalStatus::Widowed);
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(death)));
		assert!(person(b).is_alive());
		assert_eq!(person(a).marital, MaritalStatus::Married { spouse: b, act: marriage });
		assert_eq!(person(b).marital, MaritalStatus::Married { spouse: a, act: marriage });
		assert!(matches!(
			Acts::<Test>::get(marriage).unwrap().details,
			ActDetails::Marriage(MarriageDetails { ended_by: None, .. })
		));
	});
}

#[test]
fn a_revocation_that_cannot_be_undone_consistently_is_refused() {
	build_and_execute(|| {
		let (a, b) = couple();
		let c = enroll(3, Sex::Male, d(1985, 1, 1));
		marry(a, b, d(2020, 1, 1));
		assert_ok!(death(b).on(d(2024, 6, 12)).register());
		let death = last_act();
		// The widow remarried: the death can no longer be undone.
		let second = marry(a, c, d(2024, 6, 13));
		let proposal = propose_revoke(death);
		assert_noop!(
			CivilEvents::approve_revocation(root(), proposal),
			Error::<Test>::RevocationConflict
		);
		// Same for a divorce followed by a new marriage.
		assert_ok!(divorce(second).on(d(2024, 6, 14)).register());
		let divorce = last_act();
		let d_ = enroll(4, Sex::Male, d(1985, 1, 1));
		marry(a, d_, d(2024, 6, 15));
		assert_ok!(CivilEvents::propose_revocation(signed(REGISTRAR_2), divorce, h(1)));
		assert_noop!(
			CivilEvents::approve_revocation(root(), last_proposal()),
			Error::<Test>::RevocationConflict
		);
	});
}

#[test]
fn revoking_a_divorce_restores_the_marriage() {
	build_and_execute(|| {
		let (a, b) = couple();
		let marriage = marry(a, b, d(2020, 1, 1));
		assert_ok!(divorce(marriage).on(d(2024, 1, 1)).register());
		let divorce = last_act();
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(divorce)));
		assert_eq!(person(a).marital, MaritalStatus::Married { spouse: b, act: marriage });
		assert_eq!(person(b).spouse(), Some(a));
	});
}

#[test]
fn revoking_family_acts_restores_parents_and_names() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(10, d(2020, 6, 1), Some(m), None);
		let origin = birth_act(child);
		let father = enroll(3, Sex::Male, d(1980, 1, 1));
		assert_ok!(paternity(child, father).on(TODAY).register());
		let paternity = last_act();
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(paternity)));
		assert_eq!(person(child).father, None);

		let am = enroll(4, Sex::Female, d(1980, 1, 1));
		marry(am, f, TODAY);
		assert_ok!(adoption(child).on(TODAY).mother(am).father(f).seal(true).register());
		let adoption = last_act();
		assert!(Acts::<Test>::get(origin).unwrap().sealed);
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(adoption)));
		let c = person(child);
		assert_eq!((c.mother, c.father, c.sealed), (Some(m), None, false));
		assert!(!Acts::<Test>::get(origin).unwrap().sealed);

		assert_ok!(name_change(m, h(0x44)).on(TODAY).register());
		let first = last_act();
		assert_ok!(name_change(m, h(0x45)).on(TODAY).register());
		let second = last_act();
		// The first change cannot be undone under the second.
		let proposal = propose_revoke(first);
		assert_noop!(
			CivilEvents::approve_revocation(root(), proposal),
			Error::<Test>::RevocationConflict
		);
		assert_ok!(CivilEvents::reject_revocation(signed(REGISTRAR), proposal));
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(second)));
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(first)));
		assert_eq!(person(m).data_root, h(0xd0));
	});
}

#[test]
fn revoking_a_pending_registration_refuses_it() {
	build_and_execute(|| {
		assert_ok!(birth(11).on(d(2024, 1, 1)).sex(Sex::Male).register());
		let act = last_act();
		assert!(PendingIdentities::<Test>::contains_key(h(11)));
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(act)));
		assert!(!PendingIdentities::<Test>::contains_key(h(11)));
		assert_noop!(
			CivilEvents::approve_late_registration(signed(HEAD), act),
			Error::<Test>::NotPending
		);
		// The identity key is free again.
		new_child(11, d(2024, 6, 1), None, None);
	});
}

/// #31: a marriage a court declared invalid is revoked with its divorce, but its husband stays
/// the presumed father of a child born in it or within 300 days after the decision; a
/// marriage revoked as registered in error presumes nothing.
#[test]
fn an_annulled_marriage_keeps_the_presumption_of_paternity() {
	build_and_execute(|| {
		let (m, husband) = couple();
		let marriage = marry(m, husband, d(2022, 1, 1));
		assert_ok!(divorce(marriage).court(h(0xc1)).on(d(2023, 1, 1)).register());
		let divorce_act = last_act();
		assert_ok!(CivilEvents::propose_annulment(
			signed(REGISTRAR),
			marriage,
			h(0xa1),
			d(2023, 12, 1)
		));
		let proposal = last_proposal();
		assert_ok!(CivilEvents::approve_revocation(signed(TK_REGIONAL_HEAD), proposal));
		assert_eq!(last_event(), Event::MarriageAnnulled { act: marriage, date: d(2023, 12, 1) });
		assert_eq!(
			crate::Annulments::<Test>::get(marriage),
			Some(crate::Annulment { decision: h(0xa1), date: d(2023, 12, 1) })
		);
		assert_eq!(Acts::<Test>::get(marriage).unwrap().status, ActStatus::Revoked);
		assert_eq!(Acts::<Test>::get(divorce_act).unwrap().status, ActStatus::Revoked);
		assert_eq!(person(m).marital, MaritalStatus::Single);
		// Born 2024-06-01, within 300 days of the decision: the former husband is presumed.
		assert_noop!(
			birth(30).on(d(2024, 6, 1)).mother(m).register(),
			Error::<Test>::FatherPresumed
		);
		assert_ok!(birth(30).on(d(2024, 6, 1)).mother(m).father(husband).register());

		// Revoked as an error (no decision of invalidity): no presumption.
		let (w, h2) =
			(enroll(40, Sex::Female, d(1990, 1, 1)), enroll(41, Sex::Male, d(1990, 1, 1)));
		let mistaken = marry(w, h2, d(2024, 1, 10));
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(mistaken)));
		assert_eq!(crate::Annulments::<Test>::get(mistaken), None);
		assert_ok!(birth(31).on(d(2024, 6, 1)).mother(w).register());
	});
}

/// #31: an annulment is of a marriage in effect or ended, dated by the decision between the
/// marriage and today; proposed by who may register marriages there; rejected like a
/// revocation.
#[test]
fn an_annulment_is_of_a_marriage_dated_between_it_and_today() {
	build_and_execute(|| {
		let (m, f) = couple();
		let marriage = marry(m, f, d(2022, 1, 1));
		let annul =
			|who, act, date| CivilEvents::propose_annulment(signed(who), act, h(0xa1), date);
		assert_noop!(annul(REGISTRAR, birth_act(m), d(2023, 1, 1)), Error::<Test>::NotAMarriage);
		assert_noop!(annul(REGISTRAR, 999, d(2023, 1, 1)), Error::<Test>::UnknownAct);
		assert_noop!(
			annul(REGISTRAR, marriage, d(2021, 12, 31)),
			Error::<Test>::AnnulmentBeforeMarriage
		);
		assert_noop!(annul(REGISTRAR, marriage, d(2024, 6, 16)), Error::<Test>::DateInFuture);
		assert_noop!(
			annul(REGISTRAR, marriage, Date::new(2023, 2, 30)),
			Error::<Test>::InvalidDate
		);
		assert_noop!(
			annul(SAM_REGISTRAR, marriage, d(2023, 1, 1)),
			Error::<Test>::OutsideJurisdiction
		);
		assert_ok!(annul(REGISTRAR, marriage, d(2023, 1, 1)));
		let proposal = last_proposal();
		assert_noop!(
			CivilEvents::approve_amendment(signed(HEAD), proposal),
			Error::<Test>::WrongProposalKind
		);
		assert_ok!(CivilEvents::reject_revocation(signed(REGISTRAR), proposal));
		assert_eq!(crate::Annulments::<Test>::get(marriage), None);
		assert_eq!(Acts::<Test>::get(marriage).unwrap().status, ActStatus::Registered);
		// Revoked already: no annulment.
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(marriage)));
		assert_noop!(annul(REGISTRAR, marriage, d(2023, 1, 1)), Error::<Test>::AlreadyRevoked);
	});
}
