//! Benchmarks of the offices pallet, each at its worst case: longest codes and names, the
//! deepest jurisdiction tree, regional heads (the longest origin check), and accounts that
//! served before (the nonce restoration).

// Benchmarks run only in benchmark builds (never in the production runtime) and set up their
// own state: a setup step that fails must stop the benchmark loudly, so the panic-free lints
// that guard runtime code give way to `unwrap`, indexing and plain arithmetic here. Every
// other lint, and warnings as errors, still apply.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects, clippy::panic)]

use super::*;
use alloc::{vec, vec::Vec};
use civil_registry_primitives::{JurisdictionId, OfficeId, OfficeKind, Role};
use frame_benchmarking::v2::*;
use frame_support::traits::{EnsureOrigin, Get};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};

/// A code of exactly `MaxCodeLength` characters, unique for `i`: `B<i>XXXX...`.
fn code<T: Config>(i: u32) -> Vec<u8> {
	let mut code = b"B".to_vec();
	code.extend(alloc::format!("{i}").into_bytes());
	code.resize(T::MaxCodeLength::get() as usize, b'X');
	code
}

fn name<T: Config>() -> Vec<u8> {
	vec![b'n'; T::MaxNameLength::get() as usize]
}

/// A chain of jurisdictions from a new root down to the deepest level; returns them top down.
fn chain<T: Config>() -> Vec<JurisdictionId> {
	let mut ids = Vec::new();
	let mut parent = None;
	for i in 0..=T::MaxJurisdictionDepth::get() {
		let id = Pallet::<T>::do_create_jurisdiction(code::<T>(i), name::<T>(), parent).unwrap();
		ids.push(id);
		parent = Some(id);
	}
	ids
}

/// A regional department at the top of a fresh chain, with a head; returns the head, its
/// office and the chain.
fn regional_head<T: Config>() -> (T::AccountId, OfficeId, Vec<JurisdictionId>) {
	let chain = chain::<T>();
	let office = Pallet::<T>::do_register_office(
		OfficeKind::RegionalDepartment,
		chain[0],
		name::<T>(),
		None,
	)
	.unwrap();
	let head: T::AccountId = account("head", 0, 0);
	Pallet::<T>::do_appoint(head.clone(), office, Role::Head).unwrap();
	(head, office, chain)
}

/// An account that was an officer before and was dismissed (so appointing it again restores
/// its nonce: the longest appointment path).
fn former_officer<T: Config>(office: OfficeId) -> T::AccountId {
	let who: T::AccountId = account("former", 0, 0);
	Pallet::<T>::do_appoint(who.clone(), office, Role::Registrar).unwrap();
	frame_system::Pallet::<T>::inc_account_nonce(&who);
	let officer = Officers::<T>::get(&who).unwrap();
	Pallet::<T>::do_dismiss(who.clone(), officer, None).unwrap();
	who
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_jurisdiction() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let chain = chain::<T>();
		// The deepest parent that still accepts a child.
		let parent = chain[chain.len() - 2];
		let new_code = code::<T>(999);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, new_code.clone(), name::<T>(), Some(parent));

		assert!(Pallet::<T>::jurisdiction_by_code(&new_code).is_some());
		Ok(())
	}

	#[benchmark]
	fn rename_jurisdiction() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let chain = chain::<T>();
		let new_name = vec![b'r'; T::MaxNameLength::get() as usize];

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, chain[1], new_name.clone());

		assert_eq!(Jurisdictions::<T>::get(chain[1]).unwrap().name.into_inner(), new_name);
		Ok(())
	}

	#[benchmark]
	fn remove_jurisdiction() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let chain = chain::<T>();
		let leaf = chain[chain.len() - 1];

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, leaf);

		assert!(!Jurisdictions::<T>::contains_key(leaf));
		Ok(())
	}

	#[benchmark]
	fn register_office() {
		let (head, _, chain) = regional_head::<T>();
		let leaf = chain[chain.len() - 1];

		#[extrinsic_call]
		_(RawOrigin::Signed(head), OfficeKind::DistrictRegistry, leaf, name::<T>());

		assert_eq!(Jurisdictions::<T>::get(leaf).unwrap().offices, 1);
	}

	#[benchmark]
	fn suspend_office() {
		let (head, _, chain) = regional_head::<T>();
		let leaf = chain[chain.len() - 1];
		let office =
			Pallet::<T>::do_register_office(OfficeKind::DistrictRegistry, leaf, name::<T>(), None)
				.unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(head), office);

		assert_eq!(Offices::<T>::get(office).unwrap().status, OfficeStatus::Suspended);
	}

	#[benchmark]
	fn reopen_office() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let chain = chain::<T>();
		let office = Pallet::<T>::do_register_office(
			OfficeKind::DistrictRegistry,
			chain[1],
			name::<T>(),
			None,
		)
		.unwrap();
		Offices::<T>::mutate(office, |o| {
			if let Some(o) = o {
				o.status = OfficeStatus::Suspended
			}
		});

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, office);

		assert_eq!(Offices::<T>::get(office).unwrap().status, OfficeStatus::Active);
		Ok(())
	}

	#[benchmark]
	fn close_office() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let chain = chain::<T>();
		let office = Pallet::<T>::do_register_office(
			OfficeKind::DistrictRegistry,
			chain[1],
			name::<T>(),
			None,
		)
		.unwrap();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, office);

		assert_eq!(Offices::<T>::get(office).unwrap().status, OfficeStatus::Closed);
		Ok(())
	}

	#[benchmark]
	fn appoint_head() -> Result<(), BenchmarkError> {
		// The costlier origin: a regional head appointing a health facility's head in the
		// deepest jurisdiction of its region (its office and the walk up the tree are read).
		let (regional, _, chain) = regional_head::<T>();
		let leaf = chain[chain.len() - 1];
		let office =
			Pallet::<T>::do_register_office(OfficeKind::HealthFacility, leaf, name::<T>(), None)
				.unwrap();
		let who = former_officer::<T>(office);

		#[extrinsic_call]
		_(RawOrigin::Signed(regional), office, who.clone());

		assert_eq!(Offices::<T>::get(office).unwrap().head, Some(who));
		Ok(())
	}

	#[benchmark]
	fn dismiss_officer() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let (head, _, _) = regional_head::<T>();

		#[extrinsic_call]
		_(
			origin as T::RuntimeOrigin,
			head.clone(),
			Some(frame_system::Pallet::<T>::block_number()),
		);

		assert!(!Officers::<T>::contains_key(&head));
		Ok(())
	}

	#[benchmark]
	fn appoint_registrar() {
		let (head, office, _) = regional_head::<T>();
		let who = former_officer::<T>(office);

		#[extrinsic_call]
		_(RawOrigin::Signed(head), who.clone());

		assert_eq!(Officers::<T>::get(&who).unwrap().role, Role::Registrar);
	}

	#[benchmark]
	fn dismiss_registrar() {
		let (head, office, _) = regional_head::<T>();
		let who: T::AccountId = account("registrar", 0, 0);
		Pallet::<T>::do_appoint(who.clone(), office, Role::Registrar).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(head), who.clone(), Some(frame_system::Pallet::<T>::block_number()));

		assert!(!Officers::<T>::contains_key(&who));
	}

	/// A regional head vetoes a registrar appointed by the head of a district office at the
	/// deepest level of its region (the longest origin check), before it takes effect.
	#[benchmark]
	fn veto_appointment() {
		let (regional, _, chain) = regional_head::<T>();
		let leaf = chain[chain.len() - 1];
		let office =
			Pallet::<T>::do_register_office(OfficeKind::DistrictRegistry, leaf, name::<T>(), None)
				.unwrap();
		let head: T::AccountId = account("district head", 0, 0);
		Pallet::<T>::do_appoint(head.clone(), office, Role::Head).unwrap();
		AppointmentDelay::<T>::put(BlockNumberFor::<T>::from(10u32));
		let who = former_officer::<T>(office);
		Pallet::<T>::appoint_registrar(RawOrigin::Signed(head).into(), who.clone()).unwrap();

		#[extrinsic_call]
		_(RawOrigin::Signed(regional), who.clone());

		assert!(!Officers::<T>::contains_key(&who));
	}

	#[benchmark]
	fn set_appointment_delay() -> Result<(), BenchmarkError> {
		let origin =
			T::GovernanceOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;
		let delay = BlockNumberFor::<T>::from(14_400u32);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, delay);

		assert_eq!(AppointmentDelay::<T>::get(), delay);
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
