//! What the pallet answers other pallets and the runtime: who is an officer and may do what
//! ([`OfficerPermissions`]), the jurisdiction tree ([`JurisdictionTree`]), compromised keys
//! ([`CompromisedKeys`]), and the head-of-an-office origin ([`EnsureOfficeHead`]).

use crate::*;
use alloc::vec::Vec;
use civil_registry_primitives::{
	ActKind, Authorization, CompromisedKeys, JurisdictionId, JurisdictionTree, OfficeId,
	OfficeKind, OfficerPermissions, PermissionError, Role,
};
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::pallet_prelude::*;
use sp_runtime::Saturating;

impl<T: Config> CompromisedKeys<T::AccountId, BlockNumberFor<T>> for Pallet<T> {
	/// Its own compromise, or else the effect of its appointment by a head whose key was
	/// already compromised.
	fn compromised_since(who: &T::AccountId) -> Option<BlockNumberFor<T>> {
		Dismissals::<T>::get(who)
			.and_then(|d| d.compromised_since)
			.or_else(|| Self::tainted_since(who))
	}
}

impl<T: Config> OfficerPermissions<T::AccountId> for Pallet<T> {
	fn authorize(
		who: &T::AccountId,
		kind: ActKind,
		jurisdiction: JurisdictionId,
		min_role: Role,
	) -> Result<Authorization, PermissionError> {
		let officer = Officers::<T>::get(who).ok_or(PermissionError::NotOfficer)?;
		if officer.appointed_at > frame_system::Pallet::<T>::block_number()
			|| Self::tainted_since(who).is_some()
		{
			return Err(PermissionError::NotOfficer);
		}
		let office = Offices::<T>::get(officer.office).ok_or(PermissionError::NotOfficer)?;
		if office.status != OfficeStatus::Active {
			return Err(PermissionError::OfficeNotActive);
		}
		if !office.kind.may_register(kind) {
			return Err(PermissionError::ActKindNotAllowed);
		}
		if !Jurisdictions::<T>::contains_key(jurisdiction) {
			return Err(PermissionError::UnknownJurisdiction);
		}
		if !Self::is_within(office.jurisdiction, jurisdiction) {
			return Err(PermissionError::OutsideJurisdiction);
		}
		if officer.role < min_role {
			return Err(PermissionError::RoleTooLow);
		}
		Ok(Authorization {
			office: officer.office,
			office_kind: office.kind,
			office_jurisdiction: office.jurisdiction,
			role: officer.role,
		})
	}

	fn officer(who: &T::AccountId) -> Option<Authorization> {
		Self::active_officer(who).map(|(officer, office)| Authorization {
			office: officer.office,
			office_kind: office.kind,
			office_jurisdiction: office.jurisdiction,
			role: officer.role,
		})
	}

	fn office_jurisdiction(office: OfficeId) -> Option<JurisdictionId> {
		Offices::<T>::get(office).map(|o| o.jurisdiction)
	}

	fn appointed_recently(approver: &T::AccountId, officer: &T::AccountId) -> bool {
		Appointments::<T>::get(approver, officer).is_some_and(|at| {
			frame_system::Pallet::<T>::block_number()
				< at.saturating_add(T::AppointeeCooling::get())
		})
	}

	fn is_successor_of_closed(who: &T::AccountId, office: OfficeId) -> bool {
		let Some((_, own)) = Self::active_officer(who) else { return false };
		own.kind == OfficeKind::RegionalDepartment
			&& Offices::<T>::get(office).is_some_and(|target| {
				target.status == OfficeStatus::Closed
					&& Self::is_within(own.jurisdiction, target.jurisdiction)
			})
	}

	fn is_supervising_head(who: &T::AccountId, office: OfficeId) -> bool {
		let Some((officer, own)) = Self::active_officer(who) else { return false };
		if officer.role != Role::Head {
			return false;
		}
		if officer.office == office {
			return true;
		}
		own.kind == OfficeKind::RegionalDepartment
			&& Offices::<T>::get(office)
				.is_some_and(|target| Self::is_within(own.jurisdiction, target.jurisdiction))
	}
}

impl<T: Config> JurisdictionTree for Pallet<T> {
	fn exists(jurisdiction: JurisdictionId) -> bool {
		Jurisdictions::<T>::contains_key(jurisdiction)
	}

	fn contains(outer: JurisdictionId, inner: JurisdictionId) -> bool {
		Jurisdictions::<T>::contains_key(inner) && Self::is_within(outer, inner)
	}

	fn parent(jurisdiction: JurisdictionId) -> Option<JurisdictionId> {
		Jurisdictions::<T>::get(jurisdiction).and_then(|j| j.parent)
	}

	fn lineage(jurisdiction: JurisdictionId) -> Vec<JurisdictionId> {
		let mut lineage = Vec::new();
		let mut current = Jurisdictions::<T>::get(jurisdiction).map(|j| (jurisdiction, j));
		// A jurisdiction is at most `MaxJurisdictionDepth` below its root, and a parent is
		// fixed at creation, so the walk ends; the bound only makes that visible.
		for _ in 0..=T::MaxJurisdictionDepth::get() {
			let Some((id, j)) = current else { break };
			lineage.push(id);
			current = j.parent.and_then(|p| Jurisdictions::<T>::get(p).map(|j| (p, j)));
		}
		lineage
	}

	fn down_to(max_depth: u8) -> Vec<(JurisdictionId, Option<JurisdictionId>)> {
		let mut rows: Vec<_> = Jurisdictions::<T>::iter()
			.filter(|(_, j)| j.depth <= max_depth)
			.map(|(id, j)| (id, j.parent))
			.collect();
		rows.sort_unstable_by_key(|(id, _)| *id);
		rows
	}

	fn note_record(jurisdiction: JurisdictionId) {
		Jurisdictions::<T>::mutate(jurisdiction, |j| {
			if let Some(j) = j {
				j.has_records = true;
			}
		});
	}
}

/// [`Config::HeadOrigin`] for the runtime: a signed origin whose account is the head of an
/// active office. `Success` is `(head, office)`.
pub struct EnsureOfficeHead<T>(core::marker::PhantomData<T>);

impl<T: Config> EnsureOrigin<T::RuntimeOrigin> for EnsureOfficeHead<T> {
	type Success = (T::AccountId, OfficeId);

	fn try_origin(o: T::RuntimeOrigin) -> Result<Self::Success, T::RuntimeOrigin> {
		let who = match o.clone().into() {
			Ok(frame_system::RawOrigin::Signed(who)) => who,
			_ => return Err(o),
		};
		match Self::head_office(&who) {
			Some(office) => Ok((who, office)),
			None => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<T::RuntimeOrigin, ()> {
		// A head needs an office and a jurisdiction in storage; benchmarks create them
		// explicitly, so there is no generic successful origin.
		Err(())
	}
}

impl<T: Config> EnsureOfficeHead<T> {
	fn head_office(who: &T::AccountId) -> Option<OfficeId> {
		let (officer, _) = Pallet::<T>::active_officer(who)?;
		(officer.role == Role::Head).then_some(officer.office)
	}
}

/// The accounts that hold a role now: officers of an active office whose appointment is in
/// effect and was not made by a compromised key ([`Pallet::active_officer`]). What the
/// transaction gate (`pallet-gate`'s `Officers`) asks.
pub struct ActiveOfficers<T>(core::marker::PhantomData<T>);

impl<T: Config> frame_support::traits::Contains<T::AccountId> for ActiveOfficers<T> {
	fn contains(who: &T::AccountId) -> bool {
		Pallet::<T>::active_officer(who).is_some()
	}
}
