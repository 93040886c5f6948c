//! Late registrations: a birth registered more than the law's `birth_deadline_months` after it
//! happened, or a death more than `death_deadline_days` days after, is stored as `Pending`,
//! with no effect on persons, until a head — of the office, or of the regional department
//! above it, never the officer who registered it nor a head that appointed that officer
//! within the cooling period — approves it; the rules are checked again
//! then. (The regional head is there for the office whose only head registered the act
//! himself: without it, that act could never be approved.) One not approved within
//! [`Config::PendingLifetime`] blocks expires: it stays on record as `Expired` and the identity
//! key it reserved is free, so the person can be registered again.

use crate::*;
use civil_registry_primitives::{ActId, OfficerPermissions, Role};
use frame_support::migrations::MultiStepMigrator;
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::*;
use sp_runtime::{traits::One, Saturating};

impl<T: Config> Pallet<T> {
	/// [`Pallet::approve_late_registration`] by `who`.
	pub(crate) fn do_approve_late_registration(who: T::AccountId, act: ActId) -> DispatchResult {
		let record = Acts::<T>::get(act).ok_or(Error::<T>::UnknownAct)?;
		ensure!(record.status == ActStatus::Pending, Error::<T>::NotPending);
		let approver = T::Permissions::officer(&who).ok_or(Error::<T>::NotHeadOfOffice)?;
		let head_of_office = approver.role == Role::Head && approver.office == record.office;
		ensure!(
			head_of_office || Self::is_regional_head(&who, &record),
			Error::<T>::NotHeadOfOffice
		);
		ensure!(record.officer != who, Error::<T>::SelfApproval);
		Self::ensure_not_appointer(&who, &record.officer)?;
		Self::note_approval(&who, act)?;
		let mut record = record;
		record.details = record.check_again(act)?;
		Self::ensure_room(&record)?;

		if let Some(identity_key) = record.details.identity_key() {
			PendingIdentities::<T>::remove(identity_key);
		}
		Self::unqueue_pending(act, &record);
		Self::deposit_event(Event::LateRegistrationApproved { act, approved_by: who });
		Self::commit(act, record)
	}

	/// The block a late registration made in block `registered_at` expires in: at least the
	/// next one (the expiry of the current block has already run).
	pub(crate) fn pending_expiry(registered_at: BlockNumberFor<T>) -> BlockNumberFor<T> {
		registered_at.saturating_add(T::PendingLifetime::get().max(1u32.into()))
	}

	/// Queue a new late registration for expiry, and count it against its officer's and its
	/// office's caps.
	pub(crate) fn queue_pending(act: ActId, record: &Act<T>) -> DispatchResult {
		PendingBy::<T>::try_mutate(&record.officer, |n| {
			ensure!(*n < T::MaxPendingPerOfficer::get(), Error::<T>::TooManyPendingOfOfficer);
			*n = n.saturating_add(1);
			Ok::<_, DispatchError>(())
		})?;
		PendingOfOffice::<T>::try_mutate(record.office, |n| {
			ensure!(*n < T::MaxPendingPerOffice::get(), Error::<T>::TooManyPendingOfOffice);
			*n = n.saturating_add(1);
			Ok::<_, DispatchError>(())
		})?;
		PendingExpiries::<T>::try_mutate(Self::pending_expiry(record.registered_at), |queue| {
			queue.try_push(act)
		})
		.map_err(|_| Error::<T>::TooManyPending.into())
	}

	/// A late registration is no longer waiting: off its officer's and office's counts.
	fn release_pending(record: &Act<T>) {
		PendingBy::<T>::mutate_exists(&record.officer, |n| {
			*n = n.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
		PendingOfOffice::<T>::mutate_exists(record.office, |n| {
			*n = n.map(|n| n.saturating_sub(1)).filter(|n| *n > 0);
		});
	}

	/// Take an approved (or revoked) late registration out of the expiry queue and off the
	/// counts.
	pub(crate) fn unqueue_pending(act: ActId, record: &Act<T>) {
		Self::release_pending(record);
		PendingExpiries::<T>::mutate_exists(Self::pending_expiry(record.registered_at), |queue| {
			if let Some(q) = queue {
				q.retain(|a| *a != act);
				if q.is_empty() {
					*queue = None;
				}
			}
		});
	}

	/// Expire the late registrations queued for block `n` that nobody approved
	/// (`on_initialize`).
	pub(crate) fn expire_pending(n: BlockNumberFor<T>) -> Weight {
		let expiring = PendingExpiries::<T>::take(n);
		let count = expiring.len() as u32;
		for act in expiring {
			Acts::<T>::mutate(act, |record| {
				let Some(record) = record.as_mut().filter(|r| r.status == ActStatus::Pending)
				else {
					return;
				};
				record.status = ActStatus::Expired;
				Self::release_pending(record);
				if let Some(identity_key) = record.details.identity_key() {
					PendingIdentities::<T>::remove(identity_key);
				}
				Self::deposit_event(Event::LateRegistrationExpired { act });
			});
			Self::reopen_notification(act);
		}
		T::WeightInfo::expire_pending(count)
	}

	/// The expiries of block `n` (`on_initialize`), and of every block a multi-block migration
	/// deferred; none while one runs.
	pub(crate) fn expire_all(n: BlockNumberFor<T>) -> Weight {
		let db = T::DbWeight::get();
		if <T as frame_system::Config>::MultiBlockMigrator::ongoing() {
			if ExpiriesDeferredFrom::<T>::get().is_none() {
				ExpiriesDeferredFrom::<T>::put(n);
			}
			return db.reads_writes(1, 1);
		}
		let mut block = ExpiriesDeferredFrom::<T>::take().unwrap_or(n);
		let mut weight = db.reads_writes(1, 1);
		loop {
			weight = weight
				.saturating_add(Self::expire_proposals(block))
				.saturating_add(Self::expire_pending(block));
			if block >= n {
				return weight;
			}
			block = block.saturating_add(One::one());
		}
	}
}
