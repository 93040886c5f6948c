//! Open proposals (amendments and revocations): one per act, queued for expiry
//! [`Config::ProposalLifetime`] blocks after they are made.

use crate::*;
use civil_registry_primitives::ActId;
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
		let id = NextProposalId::<T>::get();
		let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
		let now = frame_system::Pallet::<T>::block_number();
		// At least one block: the expiry of the current block has already run.
		let lifetime = T::ProposalLifetime::get().max(1u32.into());
		let expires_at = now.saturating_add(lifetime);
		ProposalExpiries::<T>::try_mutate(expires_at, |queue| queue.try_push(id))
			.map_err(|_| Error::<T>::TooManyProposals)?;
		NextProposalId::<T>::put(next);
		OpenProposal::<T>::insert(act, id);
		Proposals::<T>::insert(
			id,
			Proposal { act, proposer: who.clone(), proposed_at: now, expires_at, change },
		);
		Ok((id, expires_at))
	}

	/// Remove a decided proposal and its place in the expiry queue.
	pub(crate) fn close_proposal(id: ProposalId, proposal: &Proposal<T>) {
		Proposals::<T>::remove(id);
		OpenProposal::<T>::remove(proposal.act);
		ProposalExpiries::<T>::mutate_exists(proposal.expires_at, |queue| {
			if let Some(q) = queue {
				q.retain(|p| *p != id);
				if q.is_empty() {
					*queue = None;
				}
			}
		});
	}
}
