//! Open proposals (amendments and revocations): one per act, queued for expiry
//! [`Config::ProposalLifetime`] blocks after they are made, at most
//! [`Config::MaxOpenProposalsPerOfficer`] per officer and [`Config::MaxOpenProposalsPerOffice`]
//! per office; a dismissed officer's close with it.

use crate::*;
use civil_registry_primitives::{ActId, OfficerPermissions};
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::*;
use sp_runtime::Saturating;

impl<T: Config> Pallet<T> {
	/// Expire the proposals queued for block `n` that nobody decided in time (`on_initialize`).
	pub(crate) fn expire_proposals(n: BlockNumberFor<T>) -> Weight {
		let expiring = ProposalExpiries::<T>::take(n);
		let count = expiring.len() as u32;
		for id in expiring {
			if let Some(proposal) = Proposals::<T>::take(id) {
				OpenProposal::<T>::remove(proposal.act);
				Self::release(id, &proposal);
				Self::deposit_event(Event::ProposalExpired { proposal: id, act: proposal.act });
			}
		}
		T::WeightInfo::expire_proposals(count)
	}

	/// The most acts an approval checks: the acts of the persons it concerns (two spouses
	/// for a marriage).
	pub fn max_checked_acts() -> u32 {
		T::MaxActsPerPerson::get().saturating_mul(2)
	}

	/// Open a proposal on `act`, expiring [`Config::ProposalLifetime`] blocks from now.
	pub(crate) fn open_proposal(
		who: &T::AccountId,
		act: ActId,
		change: ProposedChange,
	) -> Result<(ProposalId, BlockNumberFor<T>), DispatchError> {
		ensure!(!OpenProposal::<T>::contains_key(act), Error::<T>::ProposalOpen);
		let office = T::Permissions::officer(who).ok_or(Error::<T>::NotOfficer)?.office;
		ensure!(
			OpenProposalsOfOffice::<T>::get(office) < T::MaxOpenProposalsPerOffice::get(),
			Error::<T>::TooManyOpenProposalsOfOffice
		);
		let id = NextProposalId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let now = frame_system::Pallet::<T>::block_number();
		// At least one block: the expiry of the current block has already run.
		let lifetime = T::ProposalLifetime::get().max(1u32.into());
		let expires_at = now.saturating_add(lifetime);
		ProposalExpiries::<T>::try_mutate(expires_at, |queue| queue.try_push(id))
			.map_err(|_| Error::<T>::TooManyProposals)?;
		// (A refusal here leaves nothing behind: a call's writes are undone when it fails.)
		ProposalsBy::<T>::try_mutate(who, |open| open.try_push(id))
			.map_err(|_| Error::<T>::TooManyOpenProposalsOfOfficer)?;
		OpenProposalsOfOffice::<T>::mutate(office, |n| *n = n.saturating_add(1));
		NextProposalId::<T>::put(next);
		OpenProposal::<T>::insert(act, id);
		Proposals::<T>::insert(
			id,
			Proposal { act, proposer: who.clone(), office, proposed_at: now, expires_at, change },
		);
		Ok((id, expires_at))
	}

	/// Remove a decided proposal and its place in the expiry queue.
	pub(crate) fn close_proposal(id: ProposalId, proposal: &Proposal<T>) {
		Proposals::<T>::remove(id);
		OpenProposal::<T>::remove(proposal.act);
		Self::release(id, proposal);
		ProposalExpiries::<T>::mutate_exists(proposal.expires_at, |queue| {
			if let Some(q) = queue {
				q.retain(|p| *p != id);
				if q.is_empty() {
					*queue = None;
				}
			}
		});
	}

	/// Take a closing proposal off its proposer's and its office's counts.
	fn release(id: ProposalId, proposal: &Proposal<T>) {
		ProposalsBy::<T>::mutate_exists(&proposal.proposer, |open| {
			if let Some(list) = open {
				list.retain(|p| *p != id);
				if list.is_empty() {
					*open = None;
				}
			}
		});
		OpenProposalsOfOffice::<T>::mutate_exists(proposal.office, |n| {
			*n = n.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
	}

	/// Close every open proposal of `who` (it was dismissed). Returns how many.
	pub(crate) fn close_proposals_of(who: &T::AccountId) -> u32 {
		let open = ProposalsBy::<T>::take(who);
		let count = open.len() as u32;
		for id in open {
			if let Some(proposal) = Proposals::<T>::get(id) {
				Self::close_proposal(id, &proposal);
				Self::deposit_event(Event::ProposerDismissed {
					proposal: id,
					act: proposal.act,
					proposer: who.clone(),
				});
			}
		}
		count
	}
}

impl<T: Config> civil_registry_primitives::OnOfficerDismissed<T::AccountId> for Pallet<T> {
	fn on_dismissed(who: &T::AccountId) -> Weight {
		T::WeightInfo::close_proposals_of(Self::close_proposals_of(who))
	}

	fn max_weight() -> Weight {
		T::WeightInfo::close_proposals_of(T::MaxOpenProposalsPerOfficer::get())
	}
}
