//! Revocations of acts (e.g. a fraudulent registration): proposed by an officer who may
//! register such an act there, approved by a head of the regional department covering it or
//! by [`Config::RevocationOrigin`]. The act's effects on persons are undone consistently, and
//! acts in effect that rest on it are reported for review.

use crate::*;
use alloc::vec::Vec;
use civil_registry_primitives::{
	ActId, ActKind, LifeStatus, MaritalStatus, OfficeKind, OfficerPermissions, PersonRegistry, Role,
};
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::*;
use sp_core::H256;

impl<T: Config> Pallet<T> {
	/// [`Pallet::propose_revocation`] by `who`.
	pub(crate) fn do_propose_revocation(
		who: T::AccountId,
		act: ActId,
		reason_hash: H256,
	) -> DispatchResult {
		let record = Acts::<T>::get(act).ok_or(Error::<T>::UnknownAct)?;
		ensure!(record.status != ActStatus::Revoked, Error::<T>::AlreadyRevoked);
		T::Permissions::authorize(&who, record.kind, record.jurisdiction, Role::Registrar)
			.map_err(Error::<T>::from)?;
		let (proposal, expires_at) =
			Self::open_proposal(&who, act, ProposedChange::Revocation { reason_hash })?;
		Self::deposit_event(Event::RevocationProposed { proposal, act, proposer: who, expires_at });
		Ok(())
	}

	/// [`Pallet::approve_revocation`]: `origin` is [`Config::RevocationOrigin`] or a
	/// regional head.
	pub(crate) fn do_approve_revocation(
		origin: OriginFor<T>,
		proposal: ProposalId,
	) -> DispatchResultWithPostInfo {
		let open = Proposals::<T>::get(proposal).ok_or(Error::<T>::UnknownProposal)?;
		let ProposedChange::Revocation { reason_hash } = open.change else {
			return Err(Error::<T>::WrongProposalKind.into());
		};
		let record = Acts::<T>::get(open.act).ok_or(Error::<T>::UnknownAct)?;
		let approved_by = match T::RevocationOrigin::try_origin(origin) {
			Ok(_) => None,
			Err(origin) => {
				let who = ensure_signed(origin)?;
				ensure!(Self::is_regional_head(&who, &record), Error::<T>::NotRegionalHead);
				ensure!(who != open.proposer, Error::<T>::SelfApproval);
				Some(who)
			},
		};
		ensure!(record.status != ActStatus::Revoked, Error::<T>::AlreadyRevoked);

		Self::close_proposal(proposal, &open);
		Self::clear_review(open.act, &record);
		let (dependents, checked) = Self::revoke(open.act, record)?;
		Revocations::<T>::insert(
			open.act,
			Revocation {
				reason_hash,
				proposed_by: open.proposer,
				approved_by: approved_by.clone(),
				revoked_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Self::deposit_event(Event::ActRevoked { proposal, act: open.act, approved_by, dependents });
		Ok(Some(T::WeightInfo::approve_revocation(checked)).into())
	}

	/// [`Pallet::reject_revocation`]: `origin` is the proposer, a regional head or
	/// [`Config::RevocationOrigin`].
	pub(crate) fn do_reject_revocation(
		origin: OriginFor<T>,
		proposal: ProposalId,
	) -> DispatchResult {
		let open = Proposals::<T>::get(proposal).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(
			matches!(open.change, ProposedChange::Revocation { .. }),
			Error::<T>::WrongProposalKind
		);
		let record = Acts::<T>::get(open.act).ok_or(Error::<T>::UnknownAct)?;
		let rejected_by = match T::RevocationOrigin::try_origin(origin) {
			Ok(_) => open.proposer.clone(),
			Err(origin) => {
				let who = ensure_signed(origin)?;
				ensure!(
					who == open.proposer || Self::is_regional_head(&who, &record),
					Error::<T>::NotRegionalHead
				);
				who
			},
		};
		Self::close_proposal(proposal, &open);
		Self::deposit_event(Event::ProposalRejected { proposal, act: open.act, rejected_by });
		Ok(())
	}

	/// Whether `who` heads the regional department whose region covers `act`.
	pub(crate) fn is_regional_head(who: &T::AccountId, act: &Act<T>) -> bool {
		T::Permissions::authorize(who, act.kind, act.jurisdiction, Role::Head)
			.is_ok_and(|auth| auth.office_kind == OfficeKind::RegionalDepartment)
	}

	/// Undo the effects of act `id` and mark it revoked. Returns the acts in effect that
	/// rest on it, and the number of acts read.
	pub(crate) fn revoke(
		id: ActId,
		mut act: Act<T>,
	) -> Result<(BoundedVec<ActId, T::MaxActsPerPerson>, u32), DispatchError> {
		let mut dependents = Vec::new();
		let mut read = 0u32;
		let subject = act.subjects.first().copied().ok_or(Error::<T>::MalformedSubjects);
		if act.status == ActStatus::Pending {
			if let ActDetails::Birth { identity_key, .. } = &act.details {
				PendingIdentities::<T>::remove(identity_key);
			}
			act.status = ActStatus::Revoked;
			Acts::<T>::insert(id, act);
			return Ok((BoundedVec::new(), 0));
		}
		// Out of the statistics, and out of the history the marital state is derived from.
		Self::count(&act, false);
		act.status = ActStatus::Revoked;
		Acts::<T>::insert(id, act.clone());
		match act.details {
			ActDetails::Birth { .. } | ActDetails::Enrollment { .. } => {
				let pid = subject?;
				let mut p = Self::record(pid)?;
				p.revoked = true;
				T::Persons::update(pid, p)?;
				for other in ActsOf::<T>::get(pid) {
					read = read.saturating_add(1);
					if other != id
						&& Acts::<T>::get(other).is_some_and(|a| a.status == ActStatus::Registered)
					{
						dependents.push(other);
					}
				}
			},
			ActDetails::Death => {
				let pid = subject?;
				let mut p = Self::record(pid)?;
				p.status = LifeStatus::Alive;
				if let MaritalStatus::DiedMarried { spouse, act: marriage } = p.marital {
					// The death never happened: the marriage never ended, if the spouse has
					// not moved on since.
					let mut s = Self::record(spouse)?;
					let (n, latest) = Self::latest_marriage(spouse);
					read = read.saturating_add(n);
					ensure!(
						s.status == LifeStatus::Alive
							&& s.marital == MaritalStatus::Widowed
							&& latest.map(|(m, _)| m) == Some(marriage),
						Error::<T>::RevocationConflict
					);
					s.marital = MaritalStatus::Married { spouse: pid, act: marriage };
					p.marital = MaritalStatus::Married { spouse, act: marriage };
					T::Persons::update(spouse, s)?;
					Self::set_ended_by(marriage, None);
				}
				T::Persons::update(pid, p)?;
			},
			ActDetails::Marriage { ended_by, .. } => {
				if let Some(end) = ended_by {
					if Acts::<T>::get(end).is_some_and(|e| {
						e.kind == ActKind::Divorce && e.status == ActStatus::Registered
					}) {
						dependents.push(end);
					}
				}
				for spouse in act.subjects.iter().copied() {
					let mut p = Self::record(spouse)?;
					let (n, marital) = Self::marital_from_history(spouse);
					read = read.saturating_add(n);
					p.marital = marital;
					T::Persons::update(spouse, p)?;
				}
			},
			ActDetails::Divorce { marriage } => {
				let m = Acts::<T>::get(marriage).ok_or(Error::<T>::UnknownAct)?;
				if m.status == ActStatus::Registered {
					// The marriage is in effect again, unless a spouse has moved on.
					let (a, b) = Self::pair(&m.subjects)?;
					for (p, other) in [(a, b), (b, a)] {
						let mut record = Self::record(p)?;
						let (n, latest) = Self::latest_marriage(p);
						read = read.saturating_add(n);
						ensure!(
							record.is_alive()
								&& record.marital == MaritalStatus::Divorced
								&& latest.map(|(l, _)| l) == Some(marriage),
							Error::<T>::RevocationConflict
						);
						record.marital = MaritalStatus::Married { spouse: other, act: marriage };
						T::Persons::update(p, record)?;
					}
					Self::set_ended_by(marriage, None);
				}
			},
			ActDetails::Adoption {
				adoptive_mother,
				adoptive_father,
				previous_mother,
				previous_father,
				sealed,
			} => {
				let cid = subject?;
				let mut child = Self::record(cid)?;
				for other in ActsOf::<T>::get(cid) {
					read = read.saturating_add(1);
					let later = other > id
						&& Acts::<T>::get(other).is_some_and(|a| {
							a.kind == ActKind::Adoption && a.status == ActStatus::Registered
						});
					ensure!(!later, Error::<T>::RevocationConflict);
				}
				if adoptive_mother.is_some() {
					ensure!(child.mother == adoptive_mother, Error::<T>::RevocationConflict);
					child.mother = previous_mother;
				}
				if adoptive_father.is_some() {
					ensure!(child.father == adoptive_father, Error::<T>::RevocationConflict);
					child.father = previous_father;
				}
				if sealed {
					child.sealed = false;
					Acts::<T>::mutate(child.origin_act, |a| {
						if let Some(a) = a {
							a.sealed = false;
						}
					});
				}
				T::Persons::update(cid, child)?;
			},
			ActDetails::Paternity => {
				let (cid, fid) = Self::pair(&act.subjects)?;
				let mut child = Self::record(cid)?;
				ensure!(child.father == Some(fid), Error::<T>::RevocationConflict);
				child.father = None;
				T::Persons::update(cid, child)?;
			},
			ActDetails::NameChange { previous_root, new_root } => {
				let pid = subject?;
				let mut p = Self::record(pid)?;
				ensure!(p.data_root == new_root, Error::<T>::RevocationConflict);
				p.data_root = previous_root;
				T::Persons::update(pid, p)?;
			},
		}
		dependents.truncate(T::MaxActsPerPerson::get() as usize);
		let dependents = BoundedVec::try_from(dependents).unwrap_or_default();
		Ok((dependents, read))
	}

	pub(crate) fn set_ended_by(marriage: ActId, end: Option<ActId>) {
		Acts::<T>::mutate(marriage, |m| {
			if let Some(Act { details: ActDetails::Marriage { ended_by, .. }, .. }) = m {
				*ended_by = end;
			}
		});
	}
}
