//! Amendments, four eyes: proposed by an officer of the registering office, approved by a
//! different head; the persons follow and every affected act is checked again.

use super::builders::*;
use civil_registry_primitives::OfficeKind;

/// The archive's acts are country-wide: a department at the country's level approves their
/// corrections (those of parents, sex or identity only a regional department may). Registers
/// one and returns its head.
fn country_department_head() -> u64 {
	let head = 50;
	let department = pallet_offices::NextOfficeId::<Test>::get();
	assert_ok!(pallet_offices::Pallet::<Test>::register_office(
		root(),
		OfficeKind::RegionalDepartment,
		0,
		b"Civil Registry Department".to_vec()
	));
	assert_ok!(pallet_offices::Pallet::<Test>::appoint_head(root(), department, head));
	head
}

#[test]
fn four_eyes_only_a_different_supervising_head_approves() {
	build_and_execute(|| {
		let child = new_child(10, d(2024, 6, 1), None, None);
		let act = birth_act(child);
		assert_ok!(CivilEvents::propose_amendment(
			signed(HEAD),
			act,
			h(0xee),
			AmendmentReason::ClericalError,
			born_on(d(2024, 5, 31))
		));
		let proposal = last_proposal();
		assert_eq!(
			last_event(),
			Event::AmendmentProposed {
				proposal,
				act,
				proposer: HEAD,
				expires_at: 1 + PROPOSAL_LIFETIME
			}
		);
		// The proposer cannot approve its own proposal, even as the head.
		assert_noop!(
			CivilEvents::approve_amendment(signed(HEAD), proposal),
			Error::<Test>::SelfApproval
		);
		// A registrar of the same office cannot approve.
		assert_noop!(
			CivilEvents::approve_amendment(signed(REGISTRAR_2), proposal),
			Error::<Test>::NotSupervisingHead
		);
		// The head of another office cannot approve.
		assert_noop!(
			CivilEvents::approve_amendment(signed(SAM_HEAD), proposal),
			Error::<Test>::NotSupervisingHead
		);
		assert_noop!(
			CivilEvents::approve_amendment(signed(NOBODY), proposal),
			Error::<Test>::NotSupervisingHead
		);
		// The head of the regional department above the office can.
		assert_ok!(CivilEvents::approve_amendment(signed(TK_REGIONAL_HEAD), proposal));
		assert_eq!(
			last_event(),
			Event::ActAmended {
				proposal,
				act,
				version: 2,
				reason: AmendmentReason::ClericalError,
				approved_by: TK_REGIONAL_HEAD
			}
		);
		assert!(Proposals::<Test>::get(proposal).is_none());
		assert!(OpenProposal::<Test>::get(act).is_none());
	});
}

#[test]
fn an_approved_correction_adds_a_version_and_keeps_the_old_one() {
	build_and_execute(|| {
		// Registered by the Tashkent city department, which covers both districts.
		assert_ok!(birth(10).by(TK_REGIONAL_REGISTRAR).on(d(2024, 6, 1)).register());
		let child = Persons::by_identity(&h(10)).unwrap();
		let act = birth_act(child);
		let v1 = Acts::<Test>::get(act).unwrap();
		let correction = Correction {
			event_date: Some(d(2024, 5, 20)),
			jurisdiction: Some(TK_CHI),
			sex: Some(Sex::Male),
			data_root: Some(h(0x33)),
			parents: None,
		};
		let amend = |document, correction| {
			assert_ok!(CivilEvents::propose_amendment(
				signed(TK_REGIONAL_REGISTRAR),
				act,
				h(document),
				AmendmentReason::ClericalError,
				correction
			));
			last_proposal()
		};
		let proposal = amend(0xee, correction);
		// Nothing changes before the approval.
		assert_eq!(Acts::<Test>::get(act).unwrap(), v1);
		assert_eq!(person(child).birth_date, d(2024, 6, 1));
		assert_ok!(CivilEvents::approve_amendment(signed(TK_REGIONAL_HEAD), proposal));

		let v2 = Acts::<Test>::get(act).unwrap();
		assert_eq!(
			(v2.version, v2.event_date, v2.jurisdiction, v2.document_hash),
			(2, d(2024, 5, 20), TK_CHI, h(0xee))
		);
		let old = ActHistory::<Test>::get(act, 1).unwrap();
		assert_eq!(old.act, v1);
		assert_eq!((old.proposed_by, old.approved_by), (TK_REGIONAL_REGISTRAR, TK_REGIONAL_HEAD));
		assert_eq!(old.reason, AmendmentReason::ClericalError);
		let p = person(child);
		assert_eq!(
			(p.birth_date, p.birth_jurisdiction, p.sex, p.data_root),
			(d(2024, 5, 20), TK_CHI, Sex::Male, h(0x33))
		);
		// The statistics moved from Yunusobod in June to Chilonzor in May.
		assert_eq!(count(ActKind::Birth, 2024, 6, TK_YUN), 0);
		assert_eq!(count(ActKind::Birth, 2024, 5, TK_CHI), 1);
		// A second correction: version 3, both older versions kept.
		let proposal = amend(0xef, born_on(d(2024, 5, 21)));
		assert_noop!(
			CivilEvents::propose_amendment(
				signed(TK_REGIONAL_REGISTRAR),
				act,
				h(0xf0),
				AmendmentReason::ClericalError,
				born_on(d(2024, 5, 22))
			),
			Error::<Test>::ProposalOpen
		);
		assert_ok!(CivilEvents::approve_amendment(signed(TK_REGIONAL_HEAD), proposal));
		assert_eq!(Acts::<Test>::get(act).unwrap().version, 3);
		assert_eq!(ActHistory::<Test>::get(act, 2).unwrap().act, v2);
		assert_eq!(person(child).birth_date, d(2024, 5, 21));
	});
}

#[test]
fn a_correction_that_makes_a_marriage_underage_is_refused() {
	build_and_execute(|| {
		let bride = enroll(1, Sex::Female, d(2001, 3, 1));
		let groom = enroll(2, Sex::Male, d(1995, 1, 1));
		marry(bride, groom, d(2020, 1, 1));
		// Born in 2002, she would have married at 17 without an exemption (the age of women
		// was 18 by then).
		assert_ok!(CivilEvents::propose_amendment(
			signed(ARCHIVIST),
			birth_act(bride),
			h(0xee),
			AmendmentReason::CourtDecision,
			born_on(d(2002, 3, 1))
		));
		let proposal = last_proposal();
		let head = country_department_head();
		assert_noop!(
			CivilEvents::approve_amendment(signed(head), proposal),
			Error::<Test>::TooYoungToMarry
		);
		assert_eq!(person(bride).birth_date, d(2001, 3, 1));
		// The proposal stays open; the head rejects it.
		assert_ok!(CivilEvents::reject_amendment(signed(head), proposal));
		assert_eq!(
			last_event(),
			Event::ProposalRejected { proposal, act: birth_act(bride), rejected_by: head }
		);
	});
}

#[test]
fn corrections_are_checked_against_every_rule_of_the_persons_acts() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(10, d(2024, 6, 1), Some(m), Some(f));
		let head = country_department_head();
		let amend = |act, correction| {
			assert_ok!(CivilEvents::propose_amendment(
				signed(ARCHIVIST),
				act,
				h(0xee),
				AmendmentReason::CourtDecision,
				correction
			));
			let proposal = last_proposal();
			let result = CivilEvents::approve_amendment(signed(head), proposal);
			if result.is_err() {
				assert_ok!(CivilEvents::reject_amendment(signed(ARCHIVIST), proposal));
			}
			result.map(|_| ()).map_err(|e| e.error)
		};
		// The mother, enrolled from the archive, cannot be born after the go-live date (nor
		// after her child); nor too late to be a mother, nor become a man.
		assert_noop!(
			CivilEvents::propose_amendment(
				signed(ARCHIVIST),
				birth_act(m),
				h(0xee),
				AmendmentReason::CourtDecision,
				born_on(d(2024, 6, 2))
			),
			Error::<Test>::NotBeforeGoLive
		);
		assert_eq!(
			amend(birth_act(m), born_on(d(2023, 12, 31))),
			Err(Error::<Test>::ParentTooYoung.into())
		);
		assert_eq!(
			amend(birth_act(m), Correction { sex: Some(Sex::Male), ..Default::default() }),
			Err(Error::<Test>::MotherNotFemale.into())
		);
		// The child's own date of birth cannot move before the parents'.
		assert_ok!(CivilEvents::propose_amendment(
			signed(REGISTRAR),
			birth_act(child),
			h(0xee),
			AmendmentReason::ClericalError,
			born_on(d(1980, 1, 1))
		));
		assert_noop!(
			CivilEvents::approve_amendment(signed(HEAD), last_proposal()),
			Error::<Test>::ParentNotOlder
		);
		assert_ok!(CivilEvents::reject_amendment(signed(HEAD), last_proposal()));
		// A death dated before a marriage of the person is refused.
		let groom = enroll(3, Sex::Male, d(1980, 1, 1));
		let wife = enroll(4, Sex::Female, d(1982, 1, 1));
		marry(wife, groom, d(2010, 1, 1));
		assert_ok!(death(groom).on(d(2024, 6, 14)).register());
		let death = last_act();
		assert_ok!(CivilEvents::propose_amendment(
			signed(REGISTRAR),
			death,
			h(0xee),
			AmendmentReason::ClericalError,
			born_on(d(2009, 1, 1))
		));
		assert_noop!(
			CivilEvents::approve_amendment(signed(HEAD), last_proposal()),
			Error::<Test>::PersonDeceased
		);
		assert_ok!(CivilEvents::reject_amendment(signed(HEAD), last_proposal()));
		// A valid correction of the date of death moves it on the person.
		let proposal = propose(death, born_on(d(2024, 6, 13)));
		assert_ok!(CivilEvents::approve_amendment(signed(HEAD), proposal));
		assert_eq!(person(groom).status, LifeStatus::Deceased { date: d(2024, 6, 13), act: death });
	});
}

#[test]
fn a_marriage_cannot_be_moved_over_another() {
	build_and_execute(|| {
		let (a, b) = couple();
		let c = enroll(3, Sex::Female, d(1991, 1, 1));
		let first = marry(a, b, d(2012, 1, 1));
		assert_ok!(divorce(first)
			.court(h(0xc1))
			.on(d(2015, 1, 1))
			.registered_on(d(2015, 1, 9))
			.register());
		let divorce = last_act();
		let second = marry(c, b, d(2016, 1, 1));
		// A marriage is dated the day it was registered: no correction moves it.
		assert_noop!(
			CivilEvents::propose_amendment(
				signed(REGISTRAR),
				second,
				h(0xee),
				AmendmentReason::ClericalError,
				born_on(d(2014, 1, 1))
			),
			Error::<Test>::DateSetByRegistration
		);
		// The court's divorce cannot move after the second wedding, or before the first.
		let proposal = propose(divorce, born_on(d(2017, 1, 1)));
		assert_noop!(
			CivilEvents::approve_amendment(signed(HEAD), proposal),
			Error::<Test>::MarriagesOverlap
		);
		assert_ok!(CivilEvents::reject_amendment(signed(REGISTRAR), proposal));
		let proposal = propose(divorce, born_on(d(2011, 1, 1)));
		assert_noop!(
			CivilEvents::approve_amendment(signed(HEAD), proposal),
			Error::<Test>::DateBeforeMarriage
		);
		assert_ok!(CivilEvents::reject_amendment(signed(REGISTRAR), proposal));
		// Remarrying on the day of the divorce is fine.
		let proposal = propose(divorce, born_on(d(2016, 1, 1)));
		assert_ok!(CivilEvents::approve_amendment(signed(HEAD), proposal));
	});
}

#[test]
fn proposal_errors() {
	build_and_execute(|| {
		let child = new_child(10, d(2024, 6, 1), None, None);
		let act = birth_act(child);
		let proposal = |who, act, doc, correction| {
			CivilEvents::propose_amendment(
				signed(who),
				act,
				h(doc),
				AmendmentReason::ClericalError,
				correction,
			)
		};
		assert_noop!(proposal(REGISTRAR, 99, 0xee, born_on(TODAY)), Error::<Test>::UnknownAct);
		assert_noop!(proposal(NOBODY, act, 0xee, born_on(TODAY)), Error::<Test>::NotOfficer);
		assert_noop!(
			proposal(SAM_REGISTRAR, act, 0xee, born_on(TODAY)),
			Error::<Test>::NotRegisteringOffice
		);
		// The regional department supervises, but does not correct others' acts.
		assert_noop!(
			proposal(TK_REGIONAL_REGISTRAR, act, 0xee, born_on(TODAY)),
			Error::<Test>::NotRegisteringOffice
		);
		assert_noop!(
			proposal(REGISTRAR, act, 0xdd, born_on(TODAY)),
			Error::<Test>::DocumentUnchanged
		);
		assert_noop!(
			proposal(REGISTRAR, act, 0xee, born_on(d(2024, 6, 16))),
			Error::<Test>::DateInFuture
		);
		assert_noop!(
			proposal(REGISTRAR, act, 0xee, born_on(d(2023, 2, 29))),
			Error::<Test>::InvalidDate
		);
		let elsewhere = Correction { jurisdiction: Some(SA_SAM), ..Default::default() };
		assert_noop!(proposal(REGISTRAR, act, 0xee, elsewhere), Error::<Test>::OutsideJurisdiction);
		let nowhere = Correction { jurisdiction: Some(77), ..Default::default() };
		assert_noop!(proposal(REGISTRAR, act, 0xee, nowhere), Error::<Test>::UnknownJurisdiction);
		let (a, b) = couple();
		let marriage = marry(a, b, d(2020, 1, 1));
		let sex = Correction { sex: Some(Sex::Male), ..Default::default() };
		assert_noop!(
			proposal(REGISTRAR, marriage, 0xee, sex),
			Error::<Test>::CorrectionNotApplicable
		);
		let new_root = Correction { data_root: Some(h(1)), ..Default::default() };
		assert_noop!(
			proposal(REGISTRAR, marriage, 0xee, new_root),
			Error::<Test>::CorrectionNotApplicable
		);
		// A pending late registration is not in effect.
		assert_ok!(birth(11).on(d(2024, 1, 1)).sex(Sex::Male).register());
		assert_noop!(
			proposal(REGISTRAR, last_act(), 0xee, born_on(TODAY)),
			Error::<Test>::ActNotInEffect
		);
		// Approving or rejecting: unknown proposals and the wrong kind.
		assert_noop!(
			CivilEvents::approve_amendment(signed(HEAD), 42),
			Error::<Test>::UnknownProposal
		);
		assert_noop!(
			CivilEvents::reject_amendment(signed(HEAD), 42),
			Error::<Test>::UnknownProposal
		);
		let revocation = propose_revoke(act);
		assert_noop!(
			CivilEvents::approve_amendment(signed(HEAD), revocation),
			Error::<Test>::WrongProposalKind
		);
		assert_noop!(
			CivilEvents::reject_amendment(signed(HEAD), revocation),
			Error::<Test>::WrongProposalKind
		);
		let amendment = propose(marriage, Correction::default());
		assert_noop!(
			CivilEvents::approve_revocation(root(), amendment),
			Error::<Test>::WrongProposalKind
		);
		assert_noop!(
			CivilEvents::reject_revocation(root(), amendment),
			Error::<Test>::WrongProposalKind
		);
		// Only the proposer or a supervising head rejects.
		assert_noop!(
			CivilEvents::reject_amendment(signed(SAM_HEAD), amendment),
			Error::<Test>::NotSupervisingHead
		);
		assert_ok!(CivilEvents::reject_amendment(signed(REGISTRAR), amendment));
	});
}

#[test]
fn the_regional_department_answers_for_a_closed_offices_acts() {
	build_and_execute(|| {
		let child = new_child(10, d(2024, 6, 1), None, None);
		let act = birth_act(child);
		let offices = pallet_offices::Pallet::<Test>::dismiss_officer;
		for officer in [HEAD, REGISTRAR, REGISTRAR_2] {
			assert_ok!(offices(root(), officer, None));
		}
		assert_ok!(pallet_offices::Pallet::<Test>::close_office(root(), YUN_OFFICE));
		// Another region's office still may not correct it.
		assert_noop!(
			CivilEvents::propose_amendment(
				signed(SAM_REGISTRAR),
				act,
				h(0xee),
				AmendmentReason::ClericalError,
				born_on(d(2024, 5, 31))
			),
			Error::<Test>::NotRegisteringOffice
		);
		assert_ok!(CivilEvents::propose_amendment(
			signed(TK_REGIONAL_REGISTRAR),
			act,
			h(0xee),
			AmendmentReason::ClericalError,
			born_on(d(2024, 5, 31))
		));
		assert_ok!(CivilEvents::approve_amendment(signed(TK_REGIONAL_HEAD), last_proposal()));
		assert_eq!(person(child).birth_date, d(2024, 5, 31));
	});
}

#[test]
fn proposals_expire_and_are_bounded() {
	build_and_execute(|| {
		let child = new_child(10, d(2024, 6, 1), None, None);
		let act = birth_act(child);
		let proposal = propose(act, born_on(d(2024, 5, 31)));
		let expires_at = 1 + PROPOSAL_LIFETIME;
		assert_eq!(ProposalExpiries::<Test>::get(expires_at).to_vec(), vec![proposal]);
		run_to_block(expires_at - 1);
		assert!(Proposals::<Test>::contains_key(proposal));
		run_to_block(expires_at);
		assert_eq!(last_event(), Event::ProposalExpired { proposal, act });
		assert!(!Proposals::<Test>::contains_key(proposal));
		assert!(!OpenProposal::<Test>::contains_key(act));
		assert!(ProposalExpiries::<Test>::get(expires_at).is_empty());
		assert_noop!(
			CivilEvents::approve_amendment(signed(HEAD), proposal),
			Error::<Test>::UnknownProposal
		);
		assert_eq!(person(child).birth_date, d(2024, 6, 1));

		// At most four proposals expire in one block (the mock's bound).
		let people: Vec<_> = (20..25).map(|k| enroll(k, Sex::Male, d(1990, 1, 1))).collect();
		for p in &people[..4] {
			assert_ok!(CivilEvents::propose_revocation(signed(ARCHIVIST), birth_act(*p), h(1)));
		}
		assert_noop!(
			CivilEvents::propose_revocation(signed(ARCHIVIST), birth_act(people[4]), h(1)),
			Error::<Test>::TooManyProposals
		);
		// A decided proposal leaves the queue and frees its place.
		let first = last_proposal() - 3;
		assert_ok!(CivilEvents::reject_revocation(signed(ARCHIVIST), first));
		assert_ok!(CivilEvents::propose_revocation(signed(ARCHIVIST), birth_act(people[4]), h(1)));
		// In the next block there is room again.
		run_to_block(expires_at + 1);
		let late = propose(act, born_on(d(2024, 5, 31)));
		assert_eq!(
			Proposals::<Test>::get(late).unwrap().expires_at,
			expires_at + 1 + PROPOSAL_LIFETIME
		);
	});
}
