//! The record lifecycle: four-eyes amendments, revocations, certificates, compromised keys and
//! vital statistics. Every test ends with every invariant checked ([`build_and_execute`]),
//! including "the statistics equal a recount of the acts in effect".

use super::*;
use crate::{
	ActHistory, AmendmentReason, Certificates, Correction, NextProposalId, OpenProposal,
	ProposalExpiries, Proposals, Revocations, Statistics,
};
use civil_registry_primitives::{
	CertificateStatus, MonthlyCount, StatisticsError, YearMonth, MAX_STATISTICS_MONTHS,
};

fn root() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

fn last_proposal() -> u64 {
	NextProposalId::<Test>::get() - 1
}

fn last_act() -> u64 {
	crate::NextActId::<Test>::get() - 1
}

fn birth_act(p: PersonId) -> u64 {
	person(p).origin_act
}

/// A correction of the date of birth only.
fn born_on(date: Date) -> Correction {
	Correction { event_date: Some(date), ..Default::default() }
}

/// `REGISTRAR` proposes `correction` of `act`; returns the proposal.
fn propose(act: u64, correction: Correction) -> u64 {
	// The corrected document: a new hash for every version.
	let version = Acts::<Test>::get(act).map(|a| a.version).unwrap_or_default();
	assert_ok!(CivilEvents::propose_amendment(
		signed(REGISTRAR),
		act,
		h(0xe0 + version as u8),
		AmendmentReason::ClericalError,
		correction
	));
	last_proposal()
}

/// `REGISTRAR` proposes to revoke `act`; returns the proposal.
fn propose_revoke(act: u64) -> u64 {
	assert_ok!(CivilEvents::propose_revocation(signed(REGISTRAR), act, h(0xfa)));
	last_proposal()
}

fn status(certificate: u8) -> Option<CertificateStatus> {
	CivilEvents::verify_certificate(h(certificate)).map(|c| c.status)
}

fn count(kind: ActKind, year: u16, month: u8, jurisdiction: u32) -> u32 {
	Statistics::<Test>::get((kind, YearMonth::new(year, month), jurisdiction))
}

mod amendments {
	use super::*;

	#[test]
	fn four_eyes_only_a_different_supervising_head_approves() {
		build_and_execute(|| {
			let child = birth(10, d(2024, 6, 1), None, None);
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
			assert_ok!(CivilEvents::register_birth(
				signed(TK_REGIONAL_REGISTRAR),
				TK_YUN,
				d(2024, 6, 1),
				h(10),
				h(0xd1),
				Sex::Female,
				None,
				None,
				h(0xdd)
			));
			let child = Persons::by_identity(&h(10)).unwrap();
			let act = birth_act(child);
			let v1 = Acts::<Test>::get(act).unwrap();
			let correction = Correction {
				event_date: Some(d(2024, 5, 20)),
				jurisdiction: Some(TK_CHI),
				sex: Some(Sex::Male),
				data_root: Some(h(0x33)),
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
			assert_eq!(
				(old.proposed_by, old.approved_by),
				(TK_REGIONAL_REGISTRAR, TK_REGIONAL_HEAD)
			);
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
			let bride = enroll(1, Sex::Female, d(2000, 3, 1));
			let groom = enroll(2, Sex::Male, d(1995, 1, 1));
			marry(bride, groom, d(2019, 1, 1));
			// Born in 2001, she would have married at 17 without an exemption.
			assert_ok!(CivilEvents::propose_amendment(
				signed(ARCHIVIST),
				birth_act(bride),
				h(0xee),
				AmendmentReason::CourtDecision,
				born_on(d(2001, 3, 1))
			));
			let proposal = last_proposal();
			let head = 50;
			assert_ok!(pallet_offices::Pallet::<Test>::appoint_head(root(), 3, head));
			assert_noop!(
				CivilEvents::approve_amendment(signed(head), proposal),
				Error::<Test>::TooYoungToMarry
			);
			assert_eq!(person(bride).birth_date, d(2000, 3, 1));
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
			let child = birth(10, d(2024, 6, 1), Some(m), Some(f));
			let head = 50;
			assert_ok!(pallet_offices::Pallet::<Test>::appoint_head(root(), 3, head));
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
			// The mother cannot be born after her child, nor become a man.
			assert_eq!(
				amend(birth_act(m), born_on(d(2024, 6, 2))),
				Err(Error::<Test>::ParentNotOlder.into())
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
			assert_ok!(CivilEvents::register_death(
				signed(REGISTRAR),
				groom,
				TK_YUN,
				d(2024, 6, 14),
				h(0xdd)
			));
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
			assert_eq!(
				person(groom).status,
				LifeStatus::Deceased { date: d(2024, 6, 13), act: death }
			);
		});
	}

	#[test]
	fn a_marriage_cannot_be_moved_over_another() {
		build_and_execute(|| {
			let (a, b) = couple();
			let c = enroll(3, Sex::Female, d(1991, 1, 1));
			let first = marry(a, b, d(2012, 1, 1));
			assert_ok!(CivilEvents::register_divorce(
				signed(REGISTRAR),
				first,
				TK_YUN,
				d(2015, 1, 1),
				h(0xdd)
			));
			let divorce = last_act();
			let second = marry(c, b, d(2016, 1, 1));
			// The second marriage cannot start before the first ended.
			let proposal = propose(second, born_on(d(2014, 1, 1)));
			assert_noop!(
				CivilEvents::approve_amendment(signed(HEAD), proposal),
				Error::<Test>::MarriagesOverlap
			);
			assert_ok!(CivilEvents::reject_amendment(signed(REGISTRAR), proposal));
			// Nor can the divorce move after it started, or before the wedding.
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
			let proposal = propose(second, born_on(d(2015, 1, 1)));
			assert_ok!(CivilEvents::approve_amendment(signed(HEAD), proposal));
		});
	}

	#[test]
	fn proposal_errors() {
		build_and_execute(|| {
			let child = birth(10, d(2024, 6, 1), None, None);
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
			assert_noop!(
				proposal(REGISTRAR, act, 0xee, elsewhere),
				Error::<Test>::OutsideJurisdiction
			);
			let nowhere = Correction { jurisdiction: Some(77), ..Default::default() };
			assert_noop!(
				proposal(REGISTRAR, act, 0xee, nowhere),
				Error::<Test>::UnknownJurisdiction
			);
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
			assert_ok!(CivilEvents::register_birth(
				signed(REGISTRAR),
				TK_YUN,
				d(2024, 1, 1),
				h(11),
				h(0xd1),
				Sex::Male,
				None,
				None,
				h(0xdd)
			));
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
			let amendment = propose(marriage, born_on(d(2020, 1, 2)));
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
			let child = birth(10, d(2024, 6, 1), None, None);
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
			let child = birth(10, d(2024, 6, 1), None, None);
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
			assert_ok!(CivilEvents::propose_revocation(
				signed(ARCHIVIST),
				birth_act(people[4]),
				h(1)
			));
			// In the next block there is room again.
			run_to_block(expires_at + 1);
			let late = propose(act, born_on(d(2024, 5, 31)));
			assert_eq!(
				Proposals::<Test>::get(late).unwrap().expires_at,
				expires_at + 1 + PROPOSAL_LIFETIME
			);
		});
	}
}

mod revocations {
	use super::*;

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
			assert_ok!(CivilEvents::register_divorce(
				signed(REGISTRAR),
				first,
				TK_YUN,
				d(2012, 1, 1),
				h(0xdd)
			));
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
			// Revoking the first marriage reports its divorce for review.
			assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(first)));
			let divorce = first + 1;
			assert_eq!(
				last_event(),
				Event::ActRevoked {
					proposal: last_proposal(),
					act: first,
					approved_by: None,
					dependents: vec![divorce].try_into().unwrap()
				}
			);
			assert_eq!(person(c).marital, MaritalStatus::Single);
		});
	}

	#[test]
	fn revoking_a_birth_marks_the_person_revoked_and_reports_its_acts() {
		build_and_execute(|| {
			let (m, f) = couple();
			let child = birth(10, d(2024, 6, 1), Some(m), Some(f));
			let marriage = marry(m, f, d(2020, 1, 1));
			let mother_birth = birth_act(m);
			assert_ok!(CivilEvents::propose_revocation(signed(ARCHIVIST), mother_birth, h(1)));
			let proposal = last_proposal();
			assert_ok!(CivilEvents::approve_revocation(root(), proposal));
			assert_eq!(
				last_event(),
				Event::ActRevoked {
					proposal,
					act: mother_birth,
					approved_by: None,
					dependents: vec![birth_act(child), marriage].try_into().unwrap()
				}
			);
			// Kept, marked revoked; the identity key is free for the genuine registration.
			assert!(person(m).revoked);
			assert_eq!(Persons::by_identity(&h(1)), None);
			let again = enroll(1, Sex::Female, d(1990, 3, 1));
			assert_ne!(again, m);
			// No new act concerns the revoked person.
			assert_noop!(
				CivilEvents::register_name_change(
					signed(REGISTRAR),
					m,
					h(2),
					TK_YUN,
					TODAY,
					h(0xdd)
				),
				Error::<Test>::PersonRevoked
			);
			assert_noop!(
				CivilEvents::register_death(signed(REGISTRAR), m, TK_YUN, TODAY, h(0xdd)),
				Error::<Test>::PersonRevoked
			);
			assert_eq!(count(ActKind::Enrollment, 1990, 3, TK_YUN), 1);
		});
	}

	#[test]
	fn revoking_a_death_restores_the_person_and_the_marriage() {
		build_and_execute(|| {
			let (a, b) = couple();
			let marriage = marry(a, b, d(2020, 1, 1));
			assert_ok!(CivilEvents::register_death(signed(REGISTRAR), b, TK_YUN, TODAY, h(0xdd)));
			let death = last_act();
			assert_eq!(person(a).marital, MaritalStatus::Widowed);
			assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(death)));
			assert!(person(b).is_alive());
			assert_eq!(person(a).marital, MaritalStatus::Married { spouse: b, act: marriage });
			assert_eq!(person(b).marital, MaritalStatus::Married { spouse: a, act: marriage });
			assert!(matches!(
				Acts::<Test>::get(marriage).unwrap().details,
				ActDetails::Marriage { ended_by: None, .. }
			));
		});
	}

	#[test]
	fn a_revocation_that_cannot_be_undone_consistently_is_refused() {
		build_and_execute(|| {
			let (a, b) = couple();
			let c = enroll(3, Sex::Male, d(1985, 1, 1));
			marry(a, b, d(2020, 1, 1));
			assert_ok!(CivilEvents::register_death(
				signed(REGISTRAR),
				b,
				TK_YUN,
				d(2024, 6, 12),
				h(0xdd)
			));
			let death = last_act();
			// The widow remarried: the death can no longer be undone.
			let second = marry(a, c, d(2024, 6, 13));
			let proposal = propose_revoke(death);
			assert_noop!(
				CivilEvents::approve_revocation(root(), proposal),
				Error::<Test>::RevocationConflict
			);
			// Same for a divorce followed by a new marriage.
			assert_ok!(CivilEvents::register_divorce(
				signed(REGISTRAR),
				second,
				TK_YUN,
				d(2024, 6, 14),
				h(0xdd)
			));
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
			assert_ok!(CivilEvents::register_divorce(
				signed(REGISTRAR),
				marriage,
				TK_YUN,
				d(2024, 1, 1),
				h(0xdd)
			));
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
			let child = birth(10, d(2020, 6, 1), Some(m), None);
			let origin = birth_act(child);
			let father = enroll(3, Sex::Male, d(1980, 1, 1));
			assert_ok!(CivilEvents::register_paternity(
				signed(REGISTRAR),
				child,
				father,
				TK_YUN,
				TODAY,
				h(0xdd)
			));
			let paternity = last_act();
			assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(paternity)));
			assert_eq!(person(child).father, None);

			let am = enroll(4, Sex::Female, d(1980, 1, 1));
			assert_ok!(CivilEvents::register_adoption(
				signed(REGISTRAR),
				child,
				Some(am),
				Some(f),
				TK_YUN,
				TODAY,
				true,
				h(0xdd)
			));
			let adoption = last_act();
			assert!(Acts::<Test>::get(origin).unwrap().sealed);
			assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(adoption)));
			let c = person(child);
			assert_eq!((c.mother, c.father, c.sealed), (Some(m), None, false));
			assert!(!Acts::<Test>::get(origin).unwrap().sealed);

			assert_ok!(CivilEvents::register_name_change(
				signed(REGISTRAR),
				m,
				h(0x44),
				TK_YUN,
				TODAY,
				h(0xdd)
			));
			let first = last_act();
			assert_ok!(CivilEvents::register_name_change(
				signed(REGISTRAR),
				m,
				h(0x45),
				TK_YUN,
				TODAY,
				h(0xdd)
			));
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
			assert_ok!(CivilEvents::register_birth(
				signed(REGISTRAR),
				TK_YUN,
				d(2024, 1, 1),
				h(11),
				h(0xd1),
				Sex::Male,
				None,
				None,
				h(0xdd)
			));
			let act = last_act();
			assert!(PendingIdentities::<Test>::contains_key(h(11)));
			assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(act)));
			assert!(!PendingIdentities::<Test>::contains_key(h(11)));
			assert_noop!(
				CivilEvents::approve_late_registration(signed(HEAD), act),
				Error::<Test>::NotPending
			);
			// The identity key is free again.
			birth(11, d(2024, 6, 1), None, None);
		});
	}
}

mod certificates {
	use super::*;

	#[test]
	fn status_moves_from_valid_to_superseded_to_revoked() {
		build_and_execute(|| {
			let child = birth(10, d(2024, 6, 1), None, None);
			let act = birth_act(child);
			assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR), act, h(0xc1)));
			assert_eq!(
				last_event(),
				Event::CertificateIssued {
					certificate: h(0xc1),
					act,
					version: 1,
					office: YUN_OFFICE
				}
			);
			let info = CivilEvents::verify_certificate(h(0xc1)).unwrap();
			assert_eq!(
				(info.status, info.kind, info.office, info.version, info.current_version),
				(CertificateStatus::Valid, ActKind::Birth, YUN_OFFICE, 1, 1)
			);
			assert_eq!(info.issued_at, 1);
			assert_eq!(CivilEvents::verify_certificate(h(0xc9)), None);

			let proposal = propose(act, born_on(d(2024, 5, 31)));
			assert_ok!(CivilEvents::approve_amendment(signed(HEAD), proposal));
			assert_eq!(status(0xc1), Some(CertificateStatus::Superseded));
			// A repeat certificate is a new hash, stating version 2.
			assert_noop!(
				CivilEvents::issue_certificate(signed(REGISTRAR), act, h(0xc1)),
				Error::<Test>::CertificateExists
			);
			assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR_2), act, h(0xc2)));
			assert_eq!(status(0xc2), Some(CertificateStatus::Valid));
			assert_eq!(CivilEvents::verify_certificate(h(0xc1)).unwrap().current_version, 2);

			assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(act)));
			assert_eq!(status(0xc1), Some(CertificateStatus::Revoked));
			assert_eq!(status(0xc2), Some(CertificateStatus::Revoked));
			assert_noop!(
				CivilEvents::issue_certificate(signed(REGISTRAR), act, h(0xc3)),
				Error::<Test>::ActNotInEffect
			);
		});
	}

	#[test]
	fn sealed_acts_hide_older_certificates() {
		build_and_execute(|| {
			let (m, f) = couple();
			let child = birth(10, d(2020, 6, 1), None, None);
			let act = birth_act(child);
			assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR), act, h(0xc1)));
			assert_ok!(CivilEvents::register_adoption(
				signed(REGISTRAR),
				child,
				Some(m),
				Some(f),
				TK_YUN,
				TODAY,
				true,
				h(0xdd)
			));
			// The certificate naming the original parents no longer verifies at all.
			assert_eq!(CivilEvents::verify_certificate(h(0xc1)), None);
			// One issued after the sealing does.
			assert_ok!(CivilEvents::issue_certificate(signed(REGISTRAR), act, h(0xc2)));
			assert_eq!(status(0xc2), Some(CertificateStatus::Valid));
			assert!(Certificates::<Test>::get(h(0xc2)).unwrap().sealed);
			// Revoking the adoption unseals the act: the old certificate is back, the one
			// issued under the seal is superseded.
			let adoption = last_act();
			assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(adoption)));
			assert_eq!(status(0xc1), Some(CertificateStatus::Valid));
			assert_eq!(status(0xc2), Some(CertificateStatus::Superseded));
		});
	}

	#[test]
	fn certificate_errors() {
		build_and_execute(|| {
			let child = birth(10, d(2024, 6, 1), None, None);
			let act = birth_act(child);
			assert_noop!(
				CivilEvents::issue_certificate(signed(REGISTRAR), 99, h(1)),
				Error::<Test>::UnknownAct
			);
			assert_noop!(
				CivilEvents::issue_certificate(signed(NOBODY), act, h(1)),
				Error::<Test>::NotOfficer
			);
			// Samarkand's office does not certify Tashkent's acts; a wedding house no births.
			assert_noop!(
				CivilEvents::issue_certificate(signed(SAM_REGISTRAR), act, h(1)),
				Error::<Test>::OutsideJurisdiction
			);
			assert_noop!(
				CivilEvents::issue_certificate(signed(WEDDING_REGISTRAR), act, h(1)),
				Error::<Test>::ActKindNotAllowed
			);
			// The regional department certifies acts of its region.
			assert_ok!(CivilEvents::issue_certificate(signed(TK_REGIONAL_REGISTRAR), act, h(1)));
			assert_eq!(
				CivilEvents::verify_certificate(h(1)).unwrap().office,
				YUN_OFFICE,
				"the answer names the registering office"
			);
		});
	}
}

mod compromised_keys {
	use super::*;

	#[test]
	fn acts_of_a_compromised_key_are_listed_until_reviewed() {
		build_and_execute(|| {
			let (a, b) = couple();
			System::set_block_number(5);
			let early = marry(a, b, d(2020, 1, 1));
			System::set_block_number(10);
			let name = {
				assert_ok!(CivilEvents::register_name_change(
					signed(REGISTRAR),
					a,
					h(0x41),
					TK_YUN,
					TODAY,
					h(0xdd)
				));
				last_act()
			};
			System::set_block_number(12);
			let late = {
				assert_ok!(CivilEvents::register_name_change(
					signed(REGISTRAR),
					b,
					h(0x42),
					TK_YUN,
					TODAY,
					h(0xdd)
				));
				last_act()
			};
			assert!(CivilEvents::acts_under_review(REGISTRAR).is_empty());
			System::set_block_number(15);
			assert_ok!(pallet_offices::Pallet::<Test>::dismiss_officer(root(), REGISTRAR, Some(8)));

			let listed = |who| -> Vec<(u64, bool)> {
				CivilEvents::acts_under_review(who)
					.into_iter()
					.map(|i| (i.act, i.needs_review))
					.collect()
			};
			// The marriage signed before the compromise is not listed.
			assert_eq!(listed(REGISTRAR), vec![(name, true), (late, true)]);
			assert!(!listed(REGISTRAR).iter().any(|(act, _)| *act == early));
			let item = CivilEvents::acts_under_review(REGISTRAR)[0];
			assert_eq!(
				(item.kind, item.office, item.jurisdiction, item.registered_at),
				(ActKind::NameChange, YUN_OFFICE, TK_YUN, 10)
			);

			// An approved amendment clears one flag, an approved revocation the other.
			assert_ok!(CivilEvents::propose_amendment(
				signed(REGISTRAR_2),
				name,
				h(0xee),
				AmendmentReason::AdministrativeDecision,
				Correction { data_root: Some(h(0x51)), ..Default::default() }
			));
			assert_ok!(CivilEvents::approve_amendment(signed(HEAD), last_proposal()));
			assert_eq!(listed(REGISTRAR), vec![(name, false), (late, true)]);
			assert_eq!(person(a).data_root, h(0x51));
			assert_ok!(CivilEvents::propose_revocation(signed(REGISTRAR_2), late, h(1)));
			// A rejected proposal clears nothing.
			assert_ok!(CivilEvents::reject_revocation(signed(REGISTRAR_2), last_proposal()));
			assert_eq!(listed(REGISTRAR), vec![(name, false), (late, true)]);
			assert_ok!(CivilEvents::propose_revocation(signed(REGISTRAR_2), late, h(1)));
			assert_ok!(CivilEvents::approve_revocation(root(), last_proposal()));
			assert_eq!(listed(REGISTRAR), vec![(name, false), (late, false)]);
			// Keys that are not compromised list nothing.
			assert!(listed(REGISTRAR_2).is_empty());
		});
	}
}

mod statistics {
	use super::*;

	#[test]
	fn districts_roll_up_into_regions_and_the_country() {
		build_and_execute(|| {
			birth(10, d(2024, 6, 1), None, None);
			birth(11, d(2024, 6, 2), None, None);
			birth(12, d(2024, 5, 2), None, None);
			assert_ok!(CivilEvents::register_birth(
				signed(SAM_REGISTRAR),
				SA_SAM,
				d(2024, 6, 3),
				h(13),
				h(0xd1),
				Sex::Male,
				None,
				None,
				h(0xdd)
			));
			let (a, b) = couple();
			marry(a, b, d(2024, 6, 10));
			let june = YearMonth::new(2024, 6);
			let may = YearMonth::new(2024, 5);
			let row = |month, kind, count| MonthlyCount { month, kind, count };
			assert_eq!(
				CivilEvents::statistics(0, Some(ActKind::Birth), may, june),
				Ok(vec![row(may, ActKind::Birth, 1), row(june, ActKind::Birth, 3)])
			);
			assert_eq!(
				CivilEvents::statistics(1, Some(ActKind::Birth), june, june),
				Ok(vec![row(june, ActKind::Birth, 2)])
			);
			assert_eq!(
				CivilEvents::statistics(SA_SAM, None, june, june),
				Ok(vec![row(june, ActKind::Birth, 1)])
			);
			assert_eq!(
				CivilEvents::statistics(TK_YUN, None, june, june),
				Ok(vec![row(june, ActKind::Birth, 2), row(june, ActKind::Marriage, 1)])
			);
			// Across a year boundary, with nothing in most months.
			assert_eq!(
				CivilEvents::statistics(
					0,
					Some(ActKind::Marriage),
					YearMonth::new(2023, 11),
					YearMonth::new(2025, 2)
				),
				Ok(vec![row(june, ActKind::Marriage, 1)])
			);
			// The storage is readable per kind, month and exact jurisdiction.
			assert_eq!(count(ActKind::Birth, 2024, 6, TK_YUN), 2);
		});
	}

	#[test]
	fn statistics_errors() {
		build_and_execute(|| {
			let june = YearMonth::new(2024, 6);
			assert_eq!(
				CivilEvents::statistics(77, None, june, june),
				Err(StatisticsError::UnknownJurisdiction)
			);
			assert_eq!(
				CivilEvents::statistics(0, None, YearMonth::new(2024, 13), june),
				Err(StatisticsError::InvalidMonth)
			);
			assert_eq!(
				CivilEvents::statistics(0, None, june, YearMonth::new(2024, 5)),
				Err(StatisticsError::EmptyRange)
			);
			assert_eq!(
				CivilEvents::statistics(0, None, YearMonth::new(2000, 1), YearMonth::new(2010, 1)),
				Err(StatisticsError::RangeTooLong)
			);
			let ten_years = YearMonth::new(2000, 1).months_until(&YearMonth::new(2009, 12));
			assert_eq!(ten_years, MAX_STATISTICS_MONTHS);
			assert_eq!(
				CivilEvents::statistics(0, None, YearMonth::new(2000, 1), YearMonth::new(2009, 12)),
				Ok(vec![])
			);
			assert_eq!(
				CivilEvents::statistics(
					0,
					None,
					YearMonth::new(9999, 12),
					YearMonth::new(9999, 12)
				),
				Ok(vec![])
			);
		});
	}

	#[test]
	fn late_registrations_count_once_approved() {
		build_and_execute(|| {
			assert_ok!(CivilEvents::register_birth(
				signed(REGISTRAR),
				TK_YUN,
				d(2024, 1, 1),
				h(11),
				h(0xd1),
				Sex::Male,
				None,
				None,
				h(0xdd)
			));
			assert_eq!(count(ActKind::Birth, 2024, 1, TK_YUN), 0);
			assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), last_act()));
			assert_eq!(count(ActKind::Birth, 2024, 1, TK_YUN), 1);
		});
	}
}

mod consistency {
	use super::*;

	#[test]
	fn a_marriage_cannot_be_backdated_into_the_last_one() {
		build_and_execute(|| {
			let (a, b) = couple();
			let c = enroll(3, Sex::Female, d(1991, 1, 1));
			let first = marry(a, b, d(2015, 1, 1));
			assert_ok!(CivilEvents::register_divorce(
				signed(REGISTRAR),
				first,
				TK_YUN,
				d(2020, 1, 1),
				h(0xdd)
			));
			// He divorced in 2020: a wedding dated 2018 would make him a bigamist.
			assert_noop!(
				CivilEvents::register_marriage(
					signed(REGISTRAR),
					c,
					b,
					TK_YUN,
					d(2018, 1, 1),
					None,
					h(0xdd)
				),
				Error::<Test>::MarriagesOverlap
			);
			marry(c, b, d(2020, 1, 1));
		});
	}

	#[test]
	fn a_death_cannot_be_dated_before_another_act_of_the_life() {
		build_and_execute(|| {
			let (a, b) = couple();
			marry(a, b, d(2024, 6, 14));
			// Dead on the 12th, married on the 14th: refused.
			assert_noop!(
				CivilEvents::register_death(signed(REGISTRAR), b, TK_YUN, d(2024, 6, 12), h(0xdd)),
				Error::<Test>::PersonDeceased
			);
			assert_ok!(CivilEvents::register_death(
				signed(REGISTRAR),
				b,
				TK_YUN,
				d(2024, 6, 14),
				h(0xdd)
			));
			// A child born after the father's death (within 300 days) is still consistent.
			let m = enroll(4, Sex::Female, d(1980, 1, 1));
			let f = enroll(5, Sex::Male, d(1980, 1, 1));
			birth(10, d(2024, 6, 13), Some(m), Some(f));
			assert_ok!(CivilEvents::register_death(
				signed(REGISTRAR),
				f,
				TK_YUN,
				d(2024, 6, 12),
				h(0xdd)
			));
			assert_noop!(
				CivilEvents::register_death(signed(REGISTRAR), m, TK_YUN, d(2024, 6, 12), h(0xdd)),
				Error::<Test>::MotherDeceasedBeforeBirth
			);
		});
	}
}
