//! Benchmarks of the authorities pallet, each in its worst case: a full set to search and
//! shift, and a rotation of keys already set (the old keys' owner entries are cleared).

// Benchmark code: setup failures panic by design, and its arithmetic is on small constants.
#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::arithmetic_side_effects,
	clippy::indexing_slicing
)]

use super::*;
use crate::pallet::{Authorities, Pallet};
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{EnsureOrigin, Get},
	BoundedVec,
};
use frame_system::RawOrigin;

/// Fill the set up to `size` authorities (account seeds from 1000 on), keeping the sorting.
fn fill<T: Config>(size: u32) -> Vec<T::AccountId> {
	let mut set = Authorities::<T>::get().into_inner();
	let mut seed = 1000u32;
	while (set.len() as u32) < size {
		let who: T::AccountId = account("authority", seed, 0);
		seed += 1;
		if let Err(at) = set.binary_search(&who) {
			frame_system::Pallet::<T>::inc_providers(&who);
			set.insert(at, who);
		}
	}
	Authorities::<T>::put(BoundedVec::try_from(set.clone()).unwrap());
	set
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn add_authority() {
		fill::<T>(T::MaxAuthorities::get() - 1);
		let origin = T::GovernanceOrigin::try_successful_origin().unwrap();
		let who: T::AccountId = account("new", 0, 0);

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(Pallet::<T>::is_authority(&who));
	}

	#[benchmark]
	fn remove_authority() {
		let set = fill::<T>(T::MaxAuthorities::get());
		let origin = T::GovernanceOrigin::try_successful_origin().unwrap();
		// The first one: the whole set shifts.
		let who = set[0].clone();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone());

		assert!(!Pallet::<T>::is_authority(&who));
	}

	#[benchmark]
	fn set_keys() {
		let set = fill::<T>(T::MaxAuthorities::get());
		let who = set[0].clone();
		let (keys, proof) = T::BenchmarkHelper::keys_and_proof(&who);
		pallet_session::Pallet::<T>::set_keys(RawOrigin::Signed(who.clone()).into(), keys, proof)
			.unwrap();
		let (keys, proof) = T::BenchmarkHelper::keys_and_proof(&who);
		let origin = T::GovernanceOrigin::try_successful_origin().unwrap();

		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, who.clone(), keys.clone(), proof);

		assert_eq!(pallet_session::NextKeys::<T>::get(&who), Some(keys));
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
