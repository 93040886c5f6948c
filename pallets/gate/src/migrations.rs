//! Storage migrations.

use crate::*;
use frame_support::{
	migrations::VersionedMigration,
	storage::migration::storage_key_iter,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
	Blake2_128Concat,
};
use frame_system::pallet_prelude::BlockNumberFor;

/// Version 0 → 1: [`SignerUsage`] moves from the offices pallet (where it was until the gate
/// became a pallet of its own) to this one, each entry as it was: a signer's spent budget stays
/// spent across the upgrade. `Old` is the offices pallet's name in the runtime (`"Offices"`).
/// One entry per account that ever signed with a role (officers, the council, the authorities:
/// thousands, not the population): one block. A new chain starts at version 1 and skips it.
pub type MoveFromOffices<T, Old> = VersionedMigration<
	0,
	1,
	UncheckedMoveFromOffices<T, Old>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration without the version check; use [`MoveFromOffices`].
pub struct UncheckedMoveFromOffices<T, Old>(core::marker::PhantomData<(T, Old)>);

/// The storage item's name, the same in both pallets.
const ITEM: &[u8] = b"SignerUsage";

impl<T: Config, Old: Get<&'static str>> UncheckedOnRuntimeUpgrade
	for UncheckedMoveFromOffices<T, Old>
{
	fn on_runtime_upgrade() -> Weight {
		let mut moved = 0u64;
		// `drain` removes each entry from the old place as it reads it; an entry that does not
		// decode is removed too (it never could be read) and not counted.
		let old = storage_key_iter::<T::AccountId, Usage<BlockNumberFor<T>>, Blake2_128Concat>(
			Old::get().as_bytes(),
			ITEM,
		);
		for (who, usage) in old.drain() {
			SignerUsage::<T>::insert(who, usage);
			moved = moved.saturating_add(1);
		}
		T::DbWeight::get().reads_writes(moved, moved.saturating_mul(2))
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
impl<T: Config, Old: Get<&'static str>> UncheckedMoveFromOffices<T, Old> {
	/// Before the migration: every signer's usage, in the old place.
	pub fn pre_check() -> alloc::vec::Vec<u8> {
		use codec::Encode;
		let old: alloc::vec::Vec<(T::AccountId, Usage<BlockNumberFor<T>>)> =
			storage_key_iter::<T::AccountId, Usage<BlockNumberFor<T>>, Blake2_128Concat>(
				Old::get().as_bytes(),
				ITEM,
			)
			.collect();
		old.encode()
	}

	/// After it: the same usages in this pallet, none left in the old place.
	pub fn post_check(state: alloc::vec::Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use codec::Decode;
		let before: alloc::vec::Vec<(T::AccountId, Usage<BlockNumberFor<T>>)> =
			Decode::decode(&mut &state[..]).map_err(|_| "the pre-upgrade state does not decode")?;
		frame_support::ensure!(
			storage_key_iter::<T::AccountId, Usage<BlockNumberFor<T>>, Blake2_128Concat>(
				Old::get().as_bytes(),
				ITEM,
			)
			.next()
			.is_none(),
			"a usage is left in the offices pallet"
		);
		frame_support::ensure!(
			before.len() == SignerUsage::<T>::iter_keys().count(),
			"the number of signers changed"
		);
		for (who, usage) in before {
			frame_support::ensure!(
				SignerUsage::<T>::get(&who) == Some(usage),
				"a signer's usage changed in the move"
			);
		}
		Ok(())
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use crate::mock::*;
	use codec::Encode;
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

	frame_support::parameter_types! {
		pub const OldName: &'static str = "Offices";
	}

	/// A usage as the offices pallet stored it, for `who`.
	fn put_old(who: u64, usage: Usage<u64>) {
		let key = [
			sp_io::hashing::twox_128(b"Offices").to_vec(),
			sp_io::hashing::twox_128(ITEM).to_vec(),
			who.using_encoded(sp_io::hashing::blake2_128).to_vec(),
			who.encode(),
		]
		.concat();
		frame_support::storage::unhashed::put(&key, &usage);
	}

	#[test]
	fn every_usage_moves_once_and_as_it_was() {
		new_test_ext().execute_with(|| {
			StorageVersion::new(0).put::<Pallet<Test>>();
			let usages: alloc::vec::Vec<_> = (0..1_000u64)
				.map(|who| {
					let usage = Usage {
						day: who % 3,
						in_day: Allowance { transactions: (who % 5) as u32, bytes: who as u32 },
					};
					put_old(who, usage);
					(who, usage)
				})
				.collect();
			let before = UncheckedMoveFromOffices::<Test, OldName>::pre_check();
			let weight = MoveFromOffices::<Test, OldName>::on_runtime_upgrade();
			UncheckedMoveFromOffices::<Test, OldName>::post_check(before).unwrap();
			for (who, usage) in usages {
				assert_eq!(SignerUsage::<Test>::get(who), Some(usage));
			}
			assert_eq!(Pallet::<Test>::on_chain_storage_version(), 1);
			let db: frame_support::weights::RuntimeDbWeight =
				<<Test as frame_system::Config>::DbWeight as Get<_>>::get();
			assert_eq!(weight, db.reads_writes(1_001, 2_001));
			// Run again, it does nothing: the version says it ran.
			put_old(5_000, Usage::default());
			MoveFromOffices::<Test, OldName>::on_runtime_upgrade();
			assert_eq!(SignerUsage::<Test>::get(5_000), None);
		});
	}
}
