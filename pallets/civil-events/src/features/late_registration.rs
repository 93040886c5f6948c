//! Late registrations: a birth registered more than [`BIRTH_DEADLINE_MONTHS`] after it
//! happened, or a death more than [`DEATH_DEADLINE_DAYS`] days after, is stored as `Pending`,
//! with no effect on persons, until a head of the office — not the officer who registered it —
//! approves it; the rules are checked again then.

use crate::*;
use civil_registry_primitives::{ActId, ActKind, Date, OfficerPermissions, Role};
use frame_support::{ensure, pallet_prelude::DispatchResult};
use sp_runtime::DispatchError;

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
		let effects = Self::plan(act, &record)?;

		if let ActDetails::Birth { identity_key, .. } = &record.details {
			PendingIdentities::<T>::remove(identity_key);
		}
		Self::deposit_event(Event::LateRegistrationApproved { act, approved_by: who });
		Self::commit(act, record, effects)
	}

	/// The last day on which an event of `kind` on `date` is registered in time.
	pub(crate) fn deadline(kind: ActKind, date: &Date) -> Result<Date, DispatchError> {
		ensure!(date.is_valid(), Error::<T>::InvalidDate);
		let deadline = match kind {
			ActKind::Birth => date.add_months(BIRTH_DEADLINE_MONTHS),
			ActKind::Death => date.add_days(DEATH_DEADLINE_DAYS),
			_ => Some(*date),
		};
		Ok(deadline.ok_or(Error::<T>::InvalidDate)?)
	}
}
