//! Offices: registered in a jurisdiction by governance or by the regional head over it
//! ([`Pallet::register_office`]), suspended and reopened, closed for good once no officer
//! serves there.

use crate::*;
use alloc::vec::Vec;
use civil_registry_primitives::{JurisdictionId, OfficeId, OfficeKind};
use frame_support::{ensure, pallet_prelude::*, traits::EnsureOrigin};
use frame_system::pallet_prelude::*;
use sp_runtime::ArithmeticError;

impl<T: Config> Pallet<T> {
	/// Governance passes as `None`; a regional head whose region contains `jurisdiction`
	/// passes as `Some(head)`; anything else fails.
	pub(crate) fn ensure_governance_or_regional_head(
		origin: OriginFor<T>,
		jurisdiction: JurisdictionId,
	) -> Result<Option<T::AccountId>, DispatchError> {
		let origin = match T::GovernanceOrigin::try_origin(origin) {
			Ok(_) => return Ok(None),
			Err(origin) => origin,
		};
		let (head, office) = T::HeadOrigin::ensure_origin(origin)?;
		let office = Offices::<T>::get(office).ok_or(Error::<T>::UnknownOffice)?;
		ensure!(office.kind == OfficeKind::RegionalDepartment, Error::<T>::NotRegionalHead);
		ensure!(Self::is_within(office.jurisdiction, jurisdiction), Error::<T>::OutsideRegion);
		Ok(Some(head))
	}

	pub(crate) fn do_register_office(
		kind: OfficeKind,
		jurisdiction: JurisdictionId,
		name: Vec<u8>,
		registered_by: Option<T::AccountId>,
	) -> Result<OfficeId, DispatchError> {
		// A regional head registers offices of its region, not another regional department,
		// nor a subscriber to the feed (which follows the whole country: governance's).
		if registered_by.is_some() {
			ensure!(
				kind != OfficeKind::RegionalDepartment && kind.subscription().is_none(),
				Error::<T>::KindNotAllowed
			);
		}
		let name = Self::bounded_name(name)?;
		let mut j = Jurisdictions::<T>::get(jurisdiction).ok_or(Error::<T>::UnknownJurisdiction)?;
		j.offices = j.offices.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let id = NextOfficeId::<T>::get();
		let next = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;

		Jurisdictions::<T>::insert(jurisdiction, j);
		NextOfficeId::<T>::put(next);
		Offices::<T>::insert(
			id,
			Office {
				kind,
				jurisdiction,
				name,
				status: OfficeStatus::Active,
				head: None,
				registrars: 0,
			},
		);
		Self::deposit_event(Event::OfficeRegistered {
			office: id,
			kind,
			jurisdiction,
			registered_by,
		});
		Ok(id)
	}

	/// [`Pallet::suspend_office`], by governance or the regional head over the office (which
	/// may not suspend a regional department).
	pub(crate) fn do_suspend_office(origin: OriginFor<T>, office: OfficeId) -> DispatchResult {
		let mut o = Offices::<T>::get(office).ok_or(Error::<T>::UnknownOffice)?;
		let by = Self::ensure_governance_or_regional_head(origin, o.jurisdiction)?;
		if by.is_some() {
			ensure!(o.kind != OfficeKind::RegionalDepartment, Error::<T>::KindNotAllowed);
		}
		ensure!(o.status == OfficeStatus::Active, Error::<T>::OfficeNotActive);
		o.status = OfficeStatus::Suspended;
		Offices::<T>::insert(office, o);
		Self::deposit_event(Event::OfficeSuspended { office, suspended_by: by });
		Ok(())
	}

	/// [`Pallet::reopen_office`].
	pub(crate) fn do_reopen_office(office: OfficeId) -> DispatchResult {
		Offices::<T>::try_mutate(office, |o| {
			let o = o.as_mut().ok_or(Error::<T>::UnknownOffice)?;
			ensure!(o.status == OfficeStatus::Suspended, Error::<T>::OfficeNotSuspended);
			o.status = OfficeStatus::Active;
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::OfficeReopened { office });
		Ok(())
	}

	/// [`Pallet::close_office`]: only once no officer serves there.
	pub(crate) fn do_close_office(office: OfficeId) -> DispatchResult {
		Offices::<T>::try_mutate(office, |o| {
			let o = o.as_mut().ok_or(Error::<T>::UnknownOffice)?;
			ensure!(o.status != OfficeStatus::Closed, Error::<T>::OfficeClosed);
			ensure!(o.head.is_none() && o.registrars == 0, Error::<T>::OfficeHasOfficers);
			o.status = OfficeStatus::Closed;
			Ok::<_, DispatchError>(())
		})?;
		Self::deposit_event(Event::OfficeClosed { office });
		Ok(())
	}
}
