//! Officers: heads appointed by governance, registrars by their office's head (in effect after
//! [`AppointmentDelay`], vetoable meanwhile, at most [`Config::MaxAppointmentsPerDay`] a day),
//! dismissed — as compromised from a block, if the key was stolen. A dismissed account keeps
//! its nonce, and a compromised one is never appointed again.

use crate::*;
use civil_registry_primitives::{OfficeId, OnOfficerDismissed, Role};
use frame_support::{ensure, pallet_prelude::*};
use frame_system::pallet_prelude::*;
use sp_runtime::{ArithmeticError, Saturating};

impl<T: Config> Pallet<T> {
	/// The officer record and office of `who`, if it is an officer of an active office
	/// whose appointment is in effect and was not made by a compromised key.
	pub fn active_officer(who: &T::AccountId) -> Option<(Officer<T>, Office<T>)> {
		let officer = Officers::<T>::get(who)?;
		if officer.appointed_at > frame_system::Pallet::<T>::block_number() {
			return None;
		}
		let office = Offices::<T>::get(officer.office)?;
		if office.status != OfficeStatus::Active || Self::tainted_since(who).is_some() {
			return None;
		}
		Some((officer, office))
	}

	/// If `who` was appointed by a head whose key was already compromised then, the block
	/// the appointment took effect: everything `who` did is suspect.
	pub fn tainted_since(who: &T::AccountId) -> Option<BlockNumberFor<T>> {
		let (head, at) = AppointedBy::<T>::get(who)?;
		let since = Dismissals::<T>::get(&head)?.compromised_since?;
		(since <= at).then_some(at)
	}

	pub(crate) fn do_appoint(who: T::AccountId, office_id: OfficeId, role: Role) -> DispatchResult {
		Self::do_appoint_from(who, office_id, role, frame_system::Pallet::<T>::block_number())
	}

	/// Appoint `who` with effect from block `effective_at`.
	pub(crate) fn do_appoint_from(
		who: T::AccountId,
		office_id: OfficeId,
		role: Role,
		effective_at: BlockNumberFor<T>,
	) -> DispatchResult {
		let mut office = Offices::<T>::get(office_id).ok_or(Error::<T>::UnknownOffice)?;
		ensure!(!Officers::<T>::contains_key(&who), Error::<T>::AlreadyOfficer);
		let dismissal = Dismissals::<T>::get(&who);
		ensure!(
			dismissal.as_ref().is_none_or(|d| d.compromised_since.is_none()),
			Error::<T>::KeyCompromised
		);
		match role {
			Role::Head => {
				ensure!(office.status != OfficeStatus::Closed, Error::<T>::OfficeClosed);
				ensure!(office.head.is_none(), Error::<T>::OfficeHasHead);
				office.head = Some(who.clone());
			},
			Role::Registrar => {
				ensure!(office.status == OfficeStatus::Active, Error::<T>::OfficeNotActive);
				ensure!(
					office.registrars < T::MaxRegistrarsPerOffice::get(),
					Error::<T>::TooManyRegistrars
				);
				office.registrars =
					office.registrars.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			},
		}

		Offices::<T>::insert(office_id, office);
		Officers::<T>::insert(
			&who,
			Officer { office: office_id, role, appointed_at: effective_at },
		);
		frame_system::Pallet::<T>::inc_providers(&who);
		// An account that served before was reaped at its dismissal: give it its nonce
		// back so that none of its old transactions becomes valid again.
		if let Some(dismissal) = dismissal {
			frame_system::Account::<T>::mutate(&who, |account| {
				if account.nonce < dismissal.nonce {
					account.nonce = dismissal.nonce;
				}
			});
		}
		Self::deposit_event(Event::OfficerAppointed { officer: who, office: office_id, role });
		Ok(())
	}

	pub(crate) fn do_dismiss(
		who: T::AccountId,
		officer: Officer<T>,
		compromised_since: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(since) = compromised_since {
			ensure!(since <= now, Error::<T>::CompromisedInFuture);
		}
		let mut office = Offices::<T>::get(officer.office).ok_or(Error::<T>::UnknownOffice)?;
		match officer.role {
			Role::Head => office.head = None,
			Role::Registrar => office.registrars = office.registrars.saturating_sub(1),
		}

		Offices::<T>::insert(officer.office, office);
		Officers::<T>::remove(&who);
		// The usage stays: appointed again, the key finds its day's budget as spent.
		let _ = T::OnDismissed::on_dismissed(&who);
		Dismissals::<T>::insert(
			&who,
			Dismissal {
				office: officer.office,
				role: officer.role,
				dismissed_at: now,
				compromised_since,
				nonce: frame_system::Pallet::<T>::account_nonce(&who),
			},
		);
		// The role's provider reference goes with it, unless other pallets still depend on
		// the account (it then keeps the reference, and signs nothing without a role): a
		// dismissal never fails on the account's references.
		if frame_system::Pallet::<T>::can_dec_provider(&who) {
			let _ = frame_system::Pallet::<T>::dec_providers(&who);
		}
		Self::deposit_event(Event::OfficerDismissed {
			officer: who,
			office: officer.office,
			role: officer.role,
			compromised_since,
		});
		Ok(())
	}

	/// [`Pallet::dismiss_officer`].
	pub(crate) fn do_dismiss_officer(
		who: T::AccountId,
		compromised_since: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		let officer = Officers::<T>::get(&who).ok_or(Error::<T>::NotOfficer)?;
		Self::do_dismiss(who, officer, compromised_since)
	}

	/// [`Pallet::appoint_registrar`] by `head` of `office`: counted against the office's
	/// appointments of the day, in effect after [`AppointmentDelay`], indexed under the head.
	pub(crate) fn do_appoint_registrar(
		head: T::AccountId,
		office: OfficeId,
		who: T::AccountId,
	) -> DispatchResult {
		let now = frame_system::Pallet::<T>::block_number();
		let day = now.checked_div(&T::DayLength::get()).unwrap_or_default();
		AppointmentsToday::<T>::try_mutate(office, |(last, count)| {
			if *last != day {
				*last = day;
				*count = 0;
			}
			ensure!(*count < T::MaxAppointmentsPerDay::get(), Error::<T>::TooManyAppointments);
			*count = count.saturating_add(1);
			Ok::<_, DispatchError>(())
		})?;
		let effective_at = now.saturating_add(AppointmentDelay::<T>::get());
		Self::do_appoint_from(who.clone(), office, Role::Registrar, effective_at)?;
		Appointments::<T>::insert(&head, &who, effective_at);
		AppointedBy::<T>::insert(&who, (head.clone(), effective_at));
		if effective_at > now {
			Self::deposit_event(Event::AppointmentPending {
				officer: who,
				office,
				appointed_by: head,
				effective_at,
			});
		}
		Ok(())
	}

	/// [`Pallet::dismiss_registrar`] by the head of `office`: a registrar of that office only.
	pub(crate) fn do_dismiss_registrar(
		office: OfficeId,
		who: T::AccountId,
		compromised_since: Option<BlockNumberFor<T>>,
	) -> DispatchResult {
		let officer = Officers::<T>::get(&who).ok_or(Error::<T>::NotOfficer)?;
		ensure!(officer.office == office, Error::<T>::NotYourOffice);
		ensure!(officer.role == Role::Registrar, Error::<T>::NotRegistrar);
		Self::do_dismiss(who, officer, compromised_since)
	}

	/// [`Pallet::veto_appointment`], by governance or the regional head over the office, while
	/// the appointment has not taken effect.
	pub(crate) fn do_veto_appointment(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
		let officer = Officers::<T>::get(&who).ok_or(Error::<T>::NotOfficer)?;
		let office = Offices::<T>::get(officer.office).ok_or(Error::<T>::UnknownOffice)?;
		let vetoed_by = Self::ensure_governance_or_regional_head(origin, office.jurisdiction)?;
		ensure!(
			officer.appointed_at > frame_system::Pallet::<T>::block_number(),
			Error::<T>::AppointmentInEffect
		);
		let office = officer.office;
		Self::do_dismiss(who.clone(), officer, None)?;
		Self::deposit_event(Event::AppointmentVetoed { officer: who, office, vetoed_by });
		Ok(())
	}
}
