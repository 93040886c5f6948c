//! Revocations of acts (e.g. a fraudulent registration): proposed by an officer who may
//! register such an act there, approved by a head of the regional department covering it or
//! by [`Config::RevocationOrigin`]. The act's effects on persons are undone consistently, and
//! acts in effect that rest on it are reported for review.

use crate::*;
use alloc::vec::Vec;
use civil_registry_primitives::{ActId, Date, OfficeKind, OfficerPermissions, Role};
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
		ensure!(record.status != ActStatus::Expired, Error::<T>::ActNotInEffect);
		Self::open_revocation(who, act, &record, ProposedChange::Revocation { reason_hash })
	}

	/// [`Pallet::propose_annulment`] by `who`: a revocation of a marriage in effect or ended,
	/// dated by the court's decision.
	pub(crate) fn do_propose_annulment(
		who: T::AccountId,
		act: ActId,
		decision: H256,
		date: Date,
	) -> DispatchResult {
		let record = Acts::<T>::get(act).ok_or(Error::<T>::UnknownAct)?;
		ensure!(matches!(record.details, ActDetails::Marriage(_)), Error::<T>::NotAMarriage);
		ensure!(record.status != ActStatus::Revoked, Error::<T>::AlreadyRevoked);
		ensure!(record.status == ActStatus::Registered, Error::<T>::ActNotInEffect);
		ensure!(date.is_valid(), Error::<T>::InvalidDate);
		ensure!(date <= Self::today()?, Error::<T>::DateInFuture);
		ensure!(date >= record.event_date, Error::<T>::AnnulmentBeforeMarriage);
		Self::open_revocation(who, act, &record, ProposedChange::Annulment { decision, date })
	}

	/// Open `change`, a revocation of `act` (`record`), proposed by `who`: an officer allowed
	/// to register such an act where it was registered.
	fn open_revocation(
		who: T::AccountId,
		act: ActId,
		record: &Act<T>,
		change: ProposedChange,
	) -> DispatchResult {
		T::Permissions::authorize(
			&who,
			record.permission_kind(),
			Self::seat(record),
			Role::Registrar,
		)
		.map_err(Error::<T>::from)?;
		let (proposal, expires_at) = Self::open_proposal(&who, act, change)?;
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
		let (reason_hash, annulment) = match open.change {
			ProposedChange::Revocation { reason_hash } => (reason_hash, None),
			ProposedChange::Annulment { decision, date } => {
				(decision, Some(Annulment { decision, date }))
			},
			ProposedChange::Amendment { .. } => return Err(Error::<T>::WrongProposalKind.into()),
		};
		let record = Acts::<T>::get(open.act).ok_or(Error::<T>::UnknownAct)?;
		let approved_by = match T::RevocationOrigin::try_origin(origin) {
			Ok(_) => None,
			Err(origin) => {
				let who = ensure_signed(origin)?;
				ensure!(Self::is_regional_head(&who, &record), Error::<T>::NotRegionalHead);
				ensure!(who != open.proposer, Error::<T>::SelfApproval);
				Self::ensure_not_appointer(&who, &open.proposer)?;
				Some(who)
			},
		};
		ensure!(record.status != ActStatus::Revoked, Error::<T>::AlreadyRevoked);
		ensure!(record.status != ActStatus::Expired, Error::<T>::ActNotInEffect);

		Self::close_proposal(proposal, &open);
		if let Some(approver) = &approved_by {
			ApprovalsBy::<T>::insert(approver, open.act, frame_system::Pallet::<T>::block_number());
		}
		let is_marriage = matches!(record.details, ActDetails::Marriage(_));
		let (dependents, checked, revoked_with) = Self::revoke(open.act, record)?;
		let revocation = Revocation {
			reason_hash,
			proposed_by: open.proposer,
			approved_by: approved_by.clone(),
			revoked_at: frame_system::Pallet::<T>::block_number(),
		};
		for act in &revoked_with {
			Revocations::<T>::insert(act, revocation.clone());
		}
		Revocations::<T>::insert(open.act, revocation);
		Self::deposit_event(Event::ActRevoked {
			proposal,
			act: open.act,
			approved_by: approved_by.clone(),
			dependents,
		});
		for act in &revoked_with {
			Self::deposit_event(Event::ActRevoked {
				proposal,
				act: *act,
				approved_by: approved_by.clone(),
				dependents: BoundedVec::new(),
			});
		}
		if let Some(annulment) = annulment {
			Annulments::<T>::insert(open.act, annulment);
			Self::deposit_event(Event::MarriageAnnulled { act: open.act, date: annulment.date });
		}
		// A marriage's revocation (its divorce revoked with it, its annulment recorded) is
		// measured on its own.
		let weight = if is_marriage {
			T::WeightInfo::approve_annulment().max(T::WeightInfo::approve_revocation(checked))
		} else {
			T::WeightInfo::approve_revocation(checked)
		};
		Ok(Some(weight).into())
	}

	/// [`Pallet::reject_revocation`]: `origin` is the proposer, a regional head or
	/// [`Config::RevocationOrigin`].
	pub(crate) fn do_reject_revocation(
		origin: OriginFor<T>,
		proposal: ProposalId,
	) -> DispatchResult {
		let open = Proposals::<T>::get(proposal).ok_or(Error::<T>::UnknownProposal)?;
		ensure!(
			matches!(
				open.change,
				ProposedChange::Revocation { .. } | ProposedChange::Annulment { .. }
			),
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

	/// Whether `who` heads the regional department whose region covers `act`'s seat (its place,
	/// or for a person born abroad the registering office's jurisdiction: [`Pallet::seat`]).
	pub(crate) fn is_regional_head(who: &T::AccountId, act: &Act<T>) -> bool {
		T::Permissions::authorize(who, act.permission_kind(), Self::seat(act), Role::Head)
			.is_ok_and(|auth| auth.office_kind == OfficeKind::RegionalDepartment)
	}

	/// Undo the effects of act `id` and mark it revoked. Returns the acts in effect that
	/// rest on it, the number of acts read, and the acts revoked with it.
	#[allow(clippy::type_complexity)]
	pub(crate) fn revoke(
		id: ActId,
		mut act: Act<T>,
	) -> Result<(BoundedVec<ActId, T::MaxActsPerPerson>, u32, Vec<ActId>), DispatchError> {
		if act.status == ActStatus::Pending {
			if let Some(identity_key) = act.details.identity_key() {
				PendingIdentities::<T>::remove(identity_key);
			}
			Self::unqueue_pending(id, &act);
			act.status = ActStatus::Revoked;
			Acts::<T>::insert(id, act);
			Self::reopen_notification(id);
			return Ok((BoundedVec::new(), 0, Vec::new()));
		}
		// Out of the statistics, and out of the history the marital state is derived from.
		Self::count(id, &act, false);
		act.status = ActStatus::Revoked;
		Acts::<T>::insert(id, &act);
		Self::reopen_notification(id);
		let undone = act.undo(id)?;
		// The surnames go back in the reverse order they were given: a marriage's divorce's
		// (the premarital one) first. Each restored is counted as one act read more.
		let mut read = undone.read;
		for revoked in undone.revoked_with.iter().chain([&id]) {
			read = read.saturating_add(Self::restore_surnames(*revoked)?);
		}
		let mut dependents = undone.dependents;
		dependents.truncate(T::MaxActsPerPerson::get() as usize);
		let dependents = BoundedVec::try_from(dependents).unwrap_or_default();
		Ok((dependents, read, undone.revoked_with))
	}
}
