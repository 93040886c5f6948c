//! Late registrations: a birth registered more than [`BIRTH_DEADLINE_MONTHS`] after it
//! happened, or a death more than [`DEATH_DEADLINE_DAYS`] days after, is stored as `Pending`,
//! with no effect on persons, until a head of the office — not the officer who registered it —
//! approves it; the rules are checked again then.

use crate::*;
use civil_registry_primitives::{ActId, OfficerPermissions, Role};
use frame_support::{ensure, pallet_prelude::DispatchResult};

impl<T: Config> Pallet<T> {
	/// [`Pallet::approve_late_registration`] by `who`.
	pub(crate) fn do_approve_late_registration(who: T::AccountId, act: ActId) -> DispatchResult {
		let record = Acts::<T>::get(act).ok_or(Error::<T>::UnknownAct)?;
		ensure!(record.status == ActStatus::Pending, Error::<T>::NotPending);
		let approver = T::Permissions::officer(&who).ok_or(Error::<T>::NotHeadOfOffice)?;
		ensure!(
			approver.role == Role::Head && approver.office == record.office,
			Error::<T>::NotHeadOfOffice
		);
		ensure!(record.officer != who, Error::<T>::SelfApproval);
		let mut record = record;
		Self::check_rules(act, &mut record)?;

		if let Some(identity_key) = record.details.identity_key() {
			PendingIdentities::<T>::remove(identity_key);
		}
		Self::deposit_event(Event::LateRegistrationApproved { act, approved_by: who });
		Self::commit(act, record)
	}
}
