//! Legal incapacity as a bar to marriage (Family Code, art. 16: no marriage of a person a court
//! declared legally incapable by reason of mental illness; article text not verified here).
//!
//! The registry learns of a court's declaration, and of the decision restoring capacity, from
//! the court's notice, recorded by the decision's hash and the day it took effect. The
//! declaration ([`Pallet::record_incapacity`]): by the head of an office allowed to register
//! marriages in the jurisdiction the call names. The restoration
//! ([`Pallet::restore_capacity`]): by the head of a *regional department* allowed to register
//! marriages there ([`Error::NotRegionalHead`] for a district office's head) — lifting a bar is
//! the direction a forger wants, so it takes the level that approves revocations, as one stolen
//! key of an office's head must not be enough. The chain does not know where a person lives,
//! so the jurisdiction is not checked against the person: a head records, and a regional head
//! lifts, anyone's bar. A marriage is dated the day it is registered, so
//! the bar reads the record as it stands: while [`Incapacities`] holds a spouse, the marriage
//! is refused ([`Error::PersonIncapable`]). A marriage registered before the court's notice
//! arrived stays: a court declares it invalid ([`Pallet::propose_annulment`]). Archive
//! marriages, registered on paper under the law of their day, are not checked. One head's
//! word, like an exemption's approval: a stolen head key can bar any person's marriage (until
//! a regional head lifts it); a stolen regional head's key can lift any bar.
//! Each event names the person and the recording office; the decision's hash is in
//! [`Incapacities`] while the bar stands, in [`Event::CapacityRestored`] when it is lifted,
//! and in the signed call either way.

use crate::*;
use civil_registry_primitives::{
	ActKind, Date, JurisdictionId, OfficeId, OfficeKind, OfficerPermissions, PersonId,
	PersonRecord, Role,
};
use frame_support::{ensure, pallet_prelude::*};
use sp_core::H256;

impl<T: Config> Pallet<T> {
	/// The office of `who`, a head allowed to register marriages in `jurisdiction` — of a
	/// regional department if `regional`.
	fn capacity_office(
		who: &T::AccountId,
		jurisdiction: JurisdictionId,
		regional: bool,
	) -> Result<OfficeId, DispatchError> {
		let auth = T::Permissions::authorize(who, ActKind::Marriage, jurisdiction, Role::Head)
			.map_err(Error::<T>::from)?;
		ensure!(
			!regional || auth.office_kind == OfficeKind::RegionalDepartment,
			Error::<T>::NotRegionalHead
		);
		Ok(auth.office)
	}

	/// `date`, the day a decision took effect about `person`: real, not after today, not
	/// before the person's birth.
	fn ensure_decision_date(person: &PersonRecord, date: &Date) -> DispatchResult {
		ensure!(date.is_valid(), Error::<T>::InvalidDate);
		ensure!(*date <= Self::today()?, Error::<T>::DateInFuture);
		ensure!(person.birth_date <= *date, Error::<T>::EventBeforeBirth);
		Ok(())
	}

	/// [`Pallet::record_incapacity`] by `who`.
	pub(crate) fn do_record_incapacity(
		who: T::AccountId,
		jurisdiction: JurisdictionId,
		person: PersonId,
		decision: H256,
		since: Date,
	) -> DispatchResult {
		let office = Self::capacity_office(&who, jurisdiction, false)?;
		let record = Self::person(person)?;
		ensure!(record.is_alive(), Error::<T>::PersonDeceased);
		Self::ensure_decision_date(&record, &since)?;
		ensure!(!Incapacities::<T>::contains_key(person), Error::<T>::IncapacityRecorded);
		Incapacities::<T>::insert(person, Incapacity { decision, since });
		Self::deposit_event(Event::IncapacityRecorded { person, since, office });
		Ok(())
	}

	/// [`Pallet::restore_capacity`] by `who`.
	pub(crate) fn do_restore_capacity(
		who: T::AccountId,
		jurisdiction: JurisdictionId,
		person: PersonId,
		decision: H256,
		on: Date,
	) -> DispatchResult {
		let office = Self::capacity_office(&who, jurisdiction, true)?;
		let incapacity = Incapacities::<T>::get(person).ok_or(Error::<T>::NoIncapacity)?;
		let record = Self::record(person)?;
		Self::ensure_decision_date(&record, &on)?;
		ensure!(incapacity.since <= on, Error::<T>::RestoredBeforeIncapacity);
		Incapacities::<T>::remove(person);
		Self::deposit_event(Event::CapacityRestored { person, on, decision, office });
		Ok(())
	}
}
