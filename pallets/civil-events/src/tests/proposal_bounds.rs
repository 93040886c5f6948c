//! Proposals are bounded per officer and per office, so that one key (or one office) cannot
//! hold the country's proposal slots; a dismissed officer's open proposals close with it.

use super::builders::*;
use crate::{OpenProposalsOfOffice, ProposalsBy};

/// Births registered in Yunusobod, one per key: their acts.
fn births(keys: core::ops::Range<u8>) -> Vec<u64> {
	keys.map(|k| birth_act(new_child(k, d(2024, 6, 1), None, None))).collect()
}

fn revoke_by(who: u64, act: u64) -> DispatchResult {
	CivilEvents::propose_revocation(signed(who), act, h(1))
}

#[test]
fn an_officer_and_an_office_hold_at_most_their_share() {
	build_and_execute(|| {
		// The mock's bounds: 4 open per officer, 6 per office; 4 may expire in one block.
		let acts = births(10..17);
		for act in &acts[..4] {
			assert_ok!(revoke_by(REGISTRAR, *act));
		}
		run_to_block(2);
		assert_noop!(revoke_by(REGISTRAR, acts[4]), Error::<Test>::TooManyOpenProposalsOfOfficer);
		// Another officer of the same office may, up to the office's six.
		assert_ok!(revoke_by(REGISTRAR_2, acts[4]));
		assert_ok!(revoke_by(REGISTRAR_2, acts[5]));
		assert_noop!(revoke_by(HEAD, acts[6]), Error::<Test>::TooManyOpenProposalsOfOffice);
		// Another office is not affected.
		assert_eq!(OpenProposalsOfOffice::<Test>::iter().count(), 1);

		// A withdrawn proposal frees its place, for its officer and its office.
		let first = crate::OpenProposal::<Test>::get(acts[0]).unwrap();
		assert_ok!(CivilEvents::reject_revocation(signed(REGISTRAR), first));
		assert_eq!(ProposalsBy::<Test>::get(REGISTRAR).len(), 3);
		assert_ok!(revoke_by(HEAD, acts[6]));

		// So does expiry.
		run_to_block(2 + PROPOSAL_LIFETIME);
		assert!(ProposalsBy::<Test>::iter().next().is_none());
		assert!(OpenProposalsOfOffice::<Test>::iter().next().is_none());
	});
}

#[test]
fn a_dismissed_officers_proposals_close_with_it() {
	build_and_execute(|| {
		let acts = births(10..13);
		assert_ok!(revoke_by(REGISTRAR, acts[0]));
		assert_ok!(revoke_by(REGISTRAR, acts[1]));
		assert_ok!(revoke_by(REGISTRAR_2, acts[2]));
		let mine = ProposalsBy::<Test>::get(REGISTRAR).to_vec();
		assert_eq!(mine.len(), 2);

		assert_ok!(Offices::dismiss_registrar(signed(HEAD), REGISTRAR, Some(1)));
		for (proposal, act) in mine.iter().zip(&acts[..2]) {
			assert!(!crate::Proposals::<Test>::contains_key(proposal));
			assert!(!crate::OpenProposal::<Test>::contains_key(act));
			let closed =
				Event::ProposerDismissed { proposal: *proposal, act: *act, proposer: REGISTRAR };
			assert!(System::events()
				.iter()
				.any(|r| r.event == RuntimeEvent::CivilEvents(closed.clone())));
		}
		assert!(!ProposalsBy::<Test>::contains_key(REGISTRAR));
		// The other officer's proposal stands, alone in the expiry queue and its office's count.
		assert!(crate::OpenProposal::<Test>::contains_key(acts[2]));
		assert_eq!(crate::ProposalExpiries::<Test>::get(1 + PROPOSAL_LIFETIME).len(), 1);
		assert_eq!(OpenProposalsOfOffice::<Test>::iter().map(|(_, n)| n).sum::<u32>(), 1);
	});
}
