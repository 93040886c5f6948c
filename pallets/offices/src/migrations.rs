//! Storage migrations.

use crate::*;
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// Version 1 → 2: a signer's budget is per day only (the per-block part gave way to the
/// admission of each transaction by its place in the signer's queue), so [`SignerUsage`]
/// keeps the day and what was sent in it. One entry per account that ever signed with a role
/// (the offices' officers, the council, the authorities: thousands, not the population): one
/// block.
pub type DailyUsage<T> = VersionedMigration<
	1,
	2,
	UncheckedDailyUsage<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration without the version check; use [`DailyUsage`].
pub struct UncheckedDailyUsage<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedDailyUsage<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut entries = 0u64;
		SignerUsage::<T>::translate::<v1::Usage<BlockNumberFor<T>>, _>(|_, old| {
			entries = entries.saturating_add(1);
			Some(Usage { day: old.day, in_day: old.in_day })
		});
		T::DbWeight::get().reads_writes(entries, entries)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<alloc::vec::Vec<u8>, sp_runtime::TryRuntimeError> {
		Ok(Self::pre_check())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		Self::post_check(state)
	}
}

#[cfg(any(feature = "try-runtime", feature = "std"))]
impl<T: Config> UncheckedDailyUsage<T> {
	/// Before the migration: every signer's usage in its day, as version 1 encodes it.
	pub fn pre_check() -> alloc::vec::Vec<u8> {
		use codec::Encode;
		let days: alloc::vec::Vec<(T::AccountId, BlockNumberFor<T>, Allowance)> =
			SignerUsage::<T>::iter_keys()
				.filter_map(|who| {
					let key = SignerUsage::<T>::hashed_key_for(&who);
					let usage: v1::Usage<BlockNumberFor<T>> =
						frame_support::storage::unhashed::get(&key)?;
					Some((who, usage.day, usage.in_day))
				})
				.collect();
		days.encode()
	}

	/// After it: the same signers, each with the same day and the same usage in it.
	pub fn post_check(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use codec::Decode;
		let before: alloc::vec::Vec<(T::AccountId, BlockNumberFor<T>, Allowance)> =
			Decode::decode(&mut &state[..]).map_err(|_| "pre-upgrade state")?;
		frame_support::ensure!(
			before.len() == SignerUsage::<T>::iter_keys().count(),
			"a signer's usage was lost or added"
		);
		for (who, day, in_day) in before {
			frame_support::ensure!(
				SignerUsage::<T>::get(&who) == Some(Usage { day, in_day }),
				"a signer's day changed"
			);
		}
		Ok(())
	}
}

/// The types of storage version 1, as they were encoded.
pub(crate) mod v1 {
	use crate::Allowance;
	use codec::{Decode, Encode, MaxEncodedLen};
	use scale_info::TypeInfo;

	/// A signer's usage in its latest block and day.
	#[derive(
		Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default,
	)]
	pub(crate) struct Usage<BlockNumber> {
		pub block: BlockNumber,
		pub in_block: Allowance,
		pub day: BlockNumber,
		pub in_day: Allowance,
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::*;
	use frame_support::{
		storage::unhashed,
		traits::{OnRuntimeUpgrade, StorageVersion},
	};

	#[test]
	fn version_1_usage_keeps_its_day() {
		new_test_ext().execute_with(|| {
			StorageVersion::new(1).put::<Pallet<Test>>();
			let old = v1::Usage::<u64> {
				block: 13,
				in_block: Allowance { transactions: 2, bytes: 200 },
				day: 1,
				in_day: Allowance { transactions: 4, bytes: 700 },
			};
			unhashed::put(&SignerUsage::<Test>::hashed_key_for(YUN_REGISTRAR), &old);
			let before = UncheckedDailyUsage::<Test>::pre_check();
			DailyUsage::<Test>::on_runtime_upgrade();
			UncheckedDailyUsage::<Test>::post_check(before).unwrap();
			assert_eq!(
				SignerUsage::<Test>::get(YUN_REGISTRAR),
				Some(Usage { day: 1, in_day: Allowance { transactions: 4, bytes: 700 } })
			);
			assert_eq!(StorageVersion::get::<Pallet<Test>>(), 2);
			Pallet::<Test>::do_try_state().unwrap();
		});
	}
}
