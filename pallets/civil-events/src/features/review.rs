//! Compromised keys: the acts a key signed, and the acts it approved, from the block it was
//! declared compromised (for a registrar appointed by a head already compromised then: from
//! its appointment) are under review until a regional head or governance clears them
//! ([`Pallet::clear_review`]) or they are revoked. An approved amendment never clears a flag:
//! the amendment may be the compromised key's own work.

use crate::*;
use civil_registry_primitives::{ActId, CompromisedKeys, ReviewReason};
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// Whether the act was signed by a key compromised at the time.
	pub(crate) fn signed_by_compromised_key(act: &Act<T>) -> bool {
		T::Permissions::compromised_since(&act.officer)
			.is_some_and(|since| act.registered_at >= since)
	}

	/// Why the act is under review, if it is: signed by a compromised key, or approved by one.
	/// A revoked act, or one whose review was cleared, is not.
	pub fn review_reason(id: ActId, act: &Act<T>) -> Option<ReviewReason> {
		if act.status == ActStatus::Revoked || ReviewCleared::<T>::contains_key(id) {
			return None;
		}
		if Self::signed_by_compromised_key(act) {
			return Some(ReviewReason::SignedByCompromisedKey);
		}
		Self::approved_by_compromised_key(id).then_some(ReviewReason::ApprovedByCompromisedKey)
	}

	/// Whether an approval of act `id` (its late registration, or an amendment of it) was
	/// given by a key compromised at the time.
	fn approved_by_compromised_key(id: ActId) -> bool {
		Self::approvers_of(id).into_iter().any(|(approver, at)| {
			T::Permissions::compromised_since(&approver).is_some_and(|since| at >= since)
		})
	}

	/// Who approved changes of act `id` (its late registration, its amendments), and when.
	fn approvers_of(id: ActId) -> alloc::vec::Vec<(T::AccountId, BlockNumberFor<T>)> {
		ApprovedActs::<T>::get(id).into_inner()
	}

	/// Record that `approver` approved a change of act `id` now: in the index by approver and
	/// in the act's own list, which holds at most [`Config::MaxApprovalsPerAct`] (an act
	/// corrected that often is revoked and registered anew).
	pub(crate) fn note_approval(approver: &T::AccountId, id: ActId) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		ApprovedActs::<T>::try_mutate(id, |approvals| approvals.try_push((approver.clone(), now)))
			.map_err(|_| Error::<T>::TooManyApprovals)?;
		ApprovalsBy::<T>::insert(approver, id, now);
		Ok(())
	}

	/// [`Pallet::clear_review`].
	pub(crate) fn do_clear_review(origin: OriginFor<T>, id: ActId) -> DispatchResult {
		let act = Acts::<T>::get(id).ok_or(Error::<T>::UnknownAct)?;
		let cleared_by = match T::RevocationOrigin::try_origin(origin) {
			Ok(_) => None,
			Err(origin) => {
				let who = ensure_signed(origin)?;
				ensure!(Self::is_regional_head(&who, &act), Error::<T>::NotRegionalHead);
				ensure!(
					T::Permissions::compromised_since(&who).is_none(),
					Error::<T>::NotRegionalHead
				);
				Some(who)
			},
		};
		ensure!(Self::review_reason(id, &act).is_some(), Error::<T>::NotUnderReview);
		ReviewCleared::<T>::insert(id, frame_system::Pallet::<T>::block_number());
		Self::deposit_event(Event::ReviewCleared { act: id, cleared_by });
		Ok(())
	}
}
