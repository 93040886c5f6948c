//! What other pallets' benchmarks need of this one: offices, officers, compromised keys, made
//! directly in storage through the pallet's own functions.

use crate::*;
use civil_registry_primitives::{JurisdictionId, OfficeKind, Role};
use frame_support::traits::Get;

impl<T: Config> Pallet<T> {
	/// For other pallets' benchmarks: a fresh chain of jurisdictions down to the deepest
	/// level, a district registry office at its top (it registers every kind of act), a
	/// head and a registrar there. Returns `(head, registrar, deepest jurisdiction)`: acts in
	/// the deepest jurisdiction take the longest permission check. `index` keeps several
	/// calls apart.
	#[cfg(feature = "runtime-benchmarks")]
	pub fn benchmark_office(index: u32) -> (T::AccountId, T::AccountId, JurisdictionId) {
		use alloc::format;
		let mut parent = None;
		let mut top = None;
		for level in 0..=T::MaxJurisdictionDepth::get() {
			let code = format!("Q{index}-{level}").into_bytes();
			let id = Self::do_create_jurisdiction(code, b"benchmark".to_vec(), parent)
				.unwrap_or_default();
			top.get_or_insert(id);
			parent = Some(id);
		}
		let office = Self::do_register_office(
			OfficeKind::DistrictRegistry,
			top.unwrap_or_default(),
			b"benchmark office".to_vec(),
			None,
		)
		.unwrap_or_default();
		let head: T::AccountId = frame_benchmarking::account("head", index, 0);
		let registrar: T::AccountId = frame_benchmarking::account("registrar", index, 0);
		let _ = Self::do_appoint(head.clone(), office, Role::Head);
		let _ = Self::do_appoint(registrar.clone(), office, Role::Registrar);
		(head, registrar, parent.unwrap_or_default())
	}

	/// For other pallets' benchmarks: dismiss the head and the registrar of the office
	/// [`Self::benchmark_office`] created with the same `index`, and close it.
	#[cfg(feature = "runtime-benchmarks")]
	pub fn benchmark_close_office(index: u32) {
		for name in ["head", "registrar"] {
			let who: T::AccountId = frame_benchmarking::account(name, index, 0);
			if let Some(officer) = Officers::<T>::get(&who) {
				let office = officer.office;
				let _ = Self::do_dismiss(who, officer, None);
				Offices::<T>::mutate(office, |o| {
					if let Some(o) = o {
						if o.head.is_none() && o.registrars == 0 {
							o.status = OfficeStatus::Closed;
						}
					}
				});
			}
		}
	}

	/// For other pallets' benchmarks: record `who`'s key as compromised since block 0.
	#[cfg(feature = "runtime-benchmarks")]
	pub fn benchmark_compromise(who: &T::AccountId) {
		Dismissals::<T>::insert(
			who,
			Dismissal {
				office: 0,
				role: Role::Registrar,
				dismissed_at: frame_system::Pallet::<T>::block_number(),
				compromised_since: Some(Default::default()),
				nonce: Default::default(),
			},
		);
	}

	/// For other pallets' benchmarks: the head of a regional department over everything
	/// [`Self::benchmark_office`] with the same `index` created (call that first).
	#[cfg(feature = "runtime-benchmarks")]
	pub fn benchmark_regional_head(index: u32) -> T::AccountId {
		use alloc::format;
		let code: CodeOf<T> = format!("Q{index}-0").into_bytes().try_into().unwrap_or_default();
		let top = JurisdictionByCode::<T>::get(&code).unwrap_or_default();
		let office = Self::do_register_office(
			OfficeKind::RegionalDepartment,
			top,
			b"benchmark department".to_vec(),
			None,
		)
		.unwrap_or_default();
		let head: T::AccountId = frame_benchmarking::account("regional", index, 0);
		let _ = Self::do_appoint(head.clone(), office, Role::Head);
		head
	}

	/// For other pallets' benchmarks: a staff member of a health facility in the deepest
	/// jurisdiction [`Self::benchmark_office`] with the same `index` created (call that first).
	#[cfg(feature = "runtime-benchmarks")]
	pub fn benchmark_facility(index: u32) -> T::AccountId {
		use alloc::format;
		let depth = T::MaxJurisdictionDepth::get();
		let code: CodeOf<T> =
			format!("Q{index}-{depth}").into_bytes().try_into().unwrap_or_default();
		let deepest = JurisdictionByCode::<T>::get(&code).unwrap_or_default();
		let office = Self::do_register_office(
			OfficeKind::HealthFacility,
			deepest,
			b"benchmark hospital".to_vec(),
			None,
		)
		.unwrap_or_default();
		let staff: T::AccountId = frame_benchmarking::account("nurse", index, 0);
		let _ = Self::do_appoint(staff.clone(), office, Role::Registrar);
		staff
	}
}
