//! Insiders (#29): one stolen head key cannot get the work of a registrar it appointed
//! approved, cannot change who a person is without the regional level, and what it approved
//! or appointed is found by the review; late registrations and approvals are bounded.

use super::builders::*;
use crate::{ApprovalsBy, PendingBy, PendingOfOffice};
use civil_registry_primitives::ReviewReason;

/// A registrar the Yunusobod office's head appoints in the tests.
const APPOINTEE: u64 = 60;

fn appoint(who: u64) {
	assert_ok!(pallet_offices::Pallet::<Test>::appoint_registrar(signed(HEAD), who));
}

/// `who` proposes `correction` of `act`, with a document of its own; returns the proposal.
fn propose_by(who: u64, act: u64, reason: AmendmentReason, correction: Correction) -> u64 {
	let document = h(0xb0 + last_proposal_or_none());
	assert_ok!(CivilEvents::propose_amendment(signed(who), act, document, reason, correction));
	last_proposal()
}

fn last_proposal_or_none() -> u8 {
	NextProposalId::<Test>::get() as u8
}

fn approve(head: u64, proposal: u64) -> DispatchResult {
	CivilEvents::approve_amendment(signed(head), proposal)
		.map(|_| ())
		.map_err(|e| e.error)
}

#[test]
fn a_head_cannot_approve_the_work_of_a_registrar_it_appointed() {
	build_and_execute(|| {
		let child = new_child(10, d(2024, 6, 1), None, None);
		appoint(APPOINTEE);
		// A clerical correction proposed by the appointee: not its head's to approve.
		let proposal = propose_by(
			APPOINTEE,
			birth_act(child),
			AmendmentReason::ClericalError,
			born_on(d(2024, 5, 30)),
		);
		assert_eq!(approve(HEAD, proposal), Err(Error::<Test>::ApproverAppointedOfficer.into()));
		// The regional head, who appointed no one here, may.
		assert_ok!(approve(TK_REGIONAL_HEAD, proposal));
		// Nor a late registration the appointee made.
		assert_ok!(birth(11).by(APPOINTEE).on(d(2024, 3, 1)).sex(Sex::Male).register());
		let late = last_act();
		assert_noop!(
			CivilEvents::approve_late_registration(signed(HEAD), late),
			Error::<Test>::ApproverAppointedOfficer
		);
		assert_ok!(CivilEvents::approve_late_registration(signed(TK_REGIONAL_HEAD), late));
		// After the cooling period (100 blocks in the mock) the appointee has worked long enough
		// under the regional department's eyes.
		System::set_block_number(101);
		let proposal = propose_by(
			APPOINTEE,
			birth_act(child),
			AmendmentReason::ClericalError,
			born_on(d(2024, 5, 29)),
		);
		assert_ok!(approve(HEAD, proposal));
	});
}

#[test]
fn parents_sex_and_identity_change_only_at_the_regional_level() {
	build_and_execute(|| {
		let (m, f) = couple();
		let child = new_child(10, d(2024, 6, 1), Some(m), None);
		let other_sex = match person(child).sex {
			Sex::Female => Sex::Male,
			Sex::Male => Sex::Female,
		};
		let changes = [
			(
				AmendmentReason::ClericalError,
				Correction { sex: Some(other_sex), ..Default::default() },
			),
			(
				AmendmentReason::ClericalError,
				Correction { data_root: Some(h(0x71)), ..Default::default() },
			),
			(
				AmendmentReason::CourtDecision,
				Correction { parents: Some((Some(m), Some(f))), ..Default::default() },
			),
		];
		for (reason, correction) in changes {
			// REGISTRAR was not appointed by HEAD: only the kind of change stops the head.
			let proposal = propose_by(REGISTRAR, birth_act(child), reason, correction);
			assert_eq!(approve(HEAD, proposal), Err(Error::<Test>::NeedsRegionalApproval.into()));
			assert_ok!(approve(TK_REGIONAL_HEAD, proposal));
		}
		assert_eq!((person(child).sex, person(child).father), (other_sex, Some(f)));
		// A correction of the date stays with the office's head.
		let sibling = new_child(11, d(2024, 6, 1), Some(m), None);
		let proposal = propose(birth_act(sibling), born_on(d(2024, 5, 31)));
		assert_ok!(approve(HEAD, proposal));
	});
}

#[test]
fn what_a_compromised_head_approved_and_appointed_is_found_by_the_review() {
	build_and_execute(|| {
		let child = new_child(10, d(2024, 6, 1), None, None);
		let clean = new_child(11, d(2024, 6, 2), None, None);
		// From block 5 the head's key is in an attacker's hands: it approves a correction and
		// appoints a registrar, which registers a birth.
		System::set_block_number(5);
		let proposal = propose(birth_act(child), born_on(d(2024, 5, 31)));
		assert_ok!(approve(HEAD, proposal));
		appoint(APPOINTEE);
		assert_ok!(birth(12).by(APPOINTEE).on(TODAY).sex(Sex::Male).register());
		let by_appointee = last_act();
		assert!(CivilEvents::acts_under_review(HEAD).is_empty());
		System::set_block_number(8);
		assert_ok!(pallet_offices::Pallet::<Test>::dismiss_officer(root(), HEAD, Some(5)));

		// The approval is found, with why, though the head registered nothing.
		let listed = |who| -> Vec<(u64, ReviewReason, bool)> {
			CivilEvents::acts_under_review(who)
				.into_iter()
				.map(|i| (i.act, i.reason, i.needs_review))
				.collect()
		};
		let corrected = birth_act(child);
		assert_eq!(listed(HEAD), vec![(corrected, ReviewReason::ApprovedByCompromisedKey, true)]);
		assert_eq!(ApprovalsBy::<Test>::get(HEAD, corrected), Some(5));
		// Its appointee holds no role any more, and what it signed is under review.
		assert!(pallet_offices::Pallet::<Test>::active_officer(&APPOINTEE).is_none());
		assert_noop!(birth(13).by(APPOINTEE).on(TODAY).register(), Error::<Test>::NotOfficer);
		assert_eq!(
			listed(APPOINTEE),
			vec![(by_appointee, ReviewReason::SignedByCompromisedKey, true)]
		);
		// A clean act of the office is not under review.
		let act = |id| Acts::<Test>::get(id).unwrap();
		assert_eq!(CivilEvents::review_reason(birth_act(clean), &act(birth_act(clean))), None);
		assert_noop!(
			CivilEvents::clear_review(signed(TK_REGIONAL_HEAD), birth_act(clean)),
			Error::<Test>::NotUnderReview
		);
		// The regional department reviews: the correction stands, the appointee's birth is
		// revoked.
		assert_ok!(CivilEvents::clear_review(signed(TK_REGIONAL_HEAD), corrected));
		assert_eq!(listed(HEAD), vec![(corrected, ReviewReason::ApprovedByCompromisedKey, false)]);
		assert_ok!(CivilEvents::propose_revocation(signed(REGISTRAR), by_appointee, h(1)));
		assert_ok!(CivilEvents::approve_revocation(signed(TK_REGIONAL_HEAD), last_proposal()));
		assert_eq!(
			listed(APPOINTEE),
			vec![(by_appointee, ReviewReason::SignedByCompromisedKey, false)]
		);
	});
}

#[test]
fn late_registrations_wait_within_an_officers_and_an_offices_bound() {
	build_and_execute(|| {
		// The mock allows 2 an officer, 3 an office.
		let late = |key, who| birth(key).by(who).on(d(2024, 3, 1)).sex(Sex::Male).register();
		assert_ok!(late(20, REGISTRAR));
		let first = last_act();
		assert_ok!(late(21, REGISTRAR));
		assert_noop!(late(22, REGISTRAR), Error::<Test>::TooManyPendingOfOfficer);
		assert_ok!(late(22, REGISTRAR_2));
		assert_noop!(late(23, HEAD), Error::<Test>::TooManyPendingOfOffice);
		// Another office is not held back.
		assert_ok!(late(23, TK_REGIONAL_REGISTRAR));
		assert_eq!(
			(PendingBy::<Test>::get(REGISTRAR), PendingOfOffice::<Test>::get(YUN_OFFICE)),
			(2, 3)
		);
		// An approval frees a place.
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), first));
		assert_eq!(
			(PendingBy::<Test>::get(REGISTRAR), PendingOfOffice::<Test>::get(YUN_OFFICE)),
			(1, 2)
		);
		assert_ok!(late(24, REGISTRAR));
	});
}

#[test]
fn an_act_is_approved_at_most_max_approvals_per_act_times() {
	build_and_execute(|| {
		// The mock allows 3: a late registration and two corrections.
		assert_ok!(birth(20).on(d(2024, 3, 1)).sex(Sex::Male).register());
		let act = last_act();
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), act));
		for day in [2, 3] {
			let proposal = propose(act, born_on(d(2024, 3, day)));
			assert_ok!(approve(HEAD, proposal));
		}
		let proposal = propose(act, born_on(d(2024, 3, 4)));
		assert_eq!(approve(HEAD, proposal), Err(Error::<Test>::TooManyApprovals.into()));
		assert_eq!(Acts::<Test>::get(act).unwrap().version, 3);
	});
}

#[test]
fn a_death_away_from_the_persons_regions_waits_for_a_head() {
	build_and_execute(|| {
		// Born (enrolled) and married in Tashkent.
		let (m, f) = couple();
		let wedding = marry(m, f, d(2020, 1, 1));
		// A Samarkand registrar registers her death in Samarkand: lawful (the place of death),
		// but she has no record in that region. It waits; she is alive, he is married.
		assert_ok!(death(m).by(SAM_REGISTRAR).at(SA_SAM).on(TODAY).register());
		let act = last_act();
		System::assert_has_event(
			Event::DeathAwayPending {
				act,
				office: pallet_offices::Officers::<Test>::get(SAM_REGISTRAR).unwrap().office,
			}
			.into(),
		);
		assert_eq!(Acts::<Test>::get(act).unwrap().status, ActStatus::Pending);
		assert!(person(m).is_alive());
		assert_eq!(person(f).marital, MaritalStatus::Married { spouse: m, act: wedding });
		// Not the registering officer's to approve; the Samarkand office's head approves.
		assert_noop!(
			CivilEvents::approve_late_registration(signed(SAM_REGISTRAR), act),
			Error::<Test>::NotHeadOfOffice
		);
		assert_ok!(CivilEvents::approve_late_registration(signed(SAM_HEAD), act));
		assert!(!person(m).is_alive());
		assert_eq!(person(f).marital, MaritalStatus::Widowed);
		// A death in the region of the person's marriage takes effect at once, wherever born.
		let (a, b) = (enroll(3, Sex::Female, d(1950, 1, 1)), enroll(4, Sex::Male, d(1950, 1, 1)));
		assert_ok!(marriage(a, b).by(SAM_REGISTRAR).at(SA_SAM).on(d(1990, 1, 1)).register());
		assert_ok!(death(b).by(SAM_REGISTRAR).at(SA_SAM).on(TODAY).register());
		assert_eq!(Acts::<Test>::get(last_act()).unwrap().status, ActStatus::Registered);
	});
}
