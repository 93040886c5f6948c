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

	/// A current authority's Aura key in the benchmark's keystore, and an anchor of its log
	/// signed with it that extends a previous anchor (the worst case: the last head is read).
	fn signed_anchor<T: Config>() -> (AccessLogAnchor, sp_core::sr25519::Signature) {
		use crate::access_log::ANCHOR_KEY_TYPE;
		let set = fill::<T>(T::MaxAuthorities::get());
		let who = set[set.len() - 1].clone();
		let key = sp_io::crypto::sr25519_generate(ANCHOR_KEY_TYPE, None);
		pallet_session::KeyOwner::<T>::insert((ANCHOR_KEY_TYPE, key.to_vec()), who.clone());
		pallet_session::Validators::<T>::put(set);
		crate::AccessLogHeads::<T>::insert(
			key,
			crate::AnchoredHead {
				entries: 1,
				head: Default::default(),
				at: frame_system::Pallet::<T>::block_number(),
			},
		);
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number() + 1u32.into(),
		);
		let anchor = AccessLogAnchor { key, entries: 2, head: [7u8; 32].into(), sealed: true };
		let genesis = frame_system::Pallet::<T>::block_hash(
			frame_system::pallet_prelude::BlockNumberFor::<T>::default(),
		);
		let signature =
			sp_io::crypto::sr25519_sign(ANCHOR_KEY_TYPE, &key, &anchor.signing_payload(&genesis))
				.unwrap();
		(anchor, signature)
	}

	#[benchmark]
	fn anchor_access_log() {
		let (anchor, signature) = signed_anchor::<T>();
		let origin = frame_system::RawOrigin::Authorized;

		#[extrinsic_call]
		_(origin, anchor.clone(), signature);

		assert_eq!(crate::AccessLogHeads::<T>::get(anchor.key).map(|h| h.entries), Some(2));
	}

	#[benchmark]
	fn authorize_anchor_access_log() -> Result<(), BenchmarkError> {
		let (anchor, signature) = signed_anchor::<T>();
		let call = Call::<T>::anchor_access_log { anchor, signature };

		#[block]
		{
			use frame_support::pallet_prelude::Authorize;
			call.authorize(frame_support::pallet_prelude::TransactionSource::External)
				.ok_or("the call must be authorized")?
				.map_err(|_| "the anchor must be valid")?;
		}

		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
