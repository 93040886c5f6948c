//! Storage migrations of the persons pallet.

use crate::*;
use alloc::vec::Vec;
use civil_registry_primitives::{
	ActId, Date, JurisdictionId, LifeStatus, MaritalStatus, PersonId, PersonRecord, Sex,
};
use codec::{Decode, Encode};
use frame_support::{
	migrations::VersionedMigration,
	storage_alias,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
	Blake2_128Concat, Twox64Concat,
};
use sp_core::H256;

/// Version 1 → 2: a smaller person. The record no longer repeats the identity key (the act
/// that created the person records it; the index still maps it to the person), and both maps
/// are keyed with `Identity` instead of a hash of the key (see [`Persons`] and
/// [`PersonByIdentity`] for why that is safe): 48 bytes less per person.
///
/// One block: it reads and writes every person and key once (before the national roll-up,
/// a few thousand); a chain with millions would need a multi-block migration instead.
pub type CompactPersons<T> = VersionedMigration<
	1,
	2,
	UncheckedCompactPersons<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration without the version check; use [`CompactPersons`].
pub struct UncheckedCompactPersons<T>(core::marker::PhantomData<T>);

/// Version 1's storage, as it was encoded.
pub mod v1 {
	use super::*;

	/// A version-1 person: the identity key first.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
	pub struct PersonRecord {
		/// Keyed hash of the national identifier.
		pub identity_key: H256,
		/// Root over the salted fields.
		pub data_root: H256,
		/// Sex at birth.
		pub sex: Sex,
		/// Date of birth.
		pub birth_date: Date,
		/// Jurisdiction of birth.
		pub birth_jurisdiction: JurisdictionId,
		/// Alive or deceased.
		pub status: LifeStatus,
		/// The recorded mother.
		pub mother: Option<PersonId>,
		/// The recorded father.
		pub father: Option<PersonId>,
		/// Marital state.
		pub marital: MaritalStatus,
		/// Sealed by an adoption.
		pub sealed: bool,
		/// The act that created the person.
		pub origin_act: ActId,
		/// Revoked.
		pub revoked: bool,
	}

	impl PersonRecord {
		/// The version-2 record: the same without the identity key.
		pub fn into_v2(self) -> super::PersonRecord {
			super::PersonRecord {
				data_root: self.data_root,
				sex: self.sex,
				birth_date: self.birth_date,
				birth_jurisdiction: self.birth_jurisdiction,
				status: self.status,
				mother: self.mother,
				father: self.father,
				marital: self.marital,
				sealed: self.sealed,
				origin_act: self.origin_act,
				revoked: self.revoked,
			}
		}
	}

	/// Version 1's persons, keyed by `Twox64Concat`.
	#[storage_alias]
	pub type Persons<T: Config> = StorageMap<Pallet<T>, Twox64Concat, PersonId, PersonRecord>;

	/// Version 1's identity index, keyed by `Blake2_128Concat`.
	#[storage_alias]
	pub type PersonByIdentity<T: Config> = StorageMap<Pallet<T>, Blake2_128Concat, H256, PersonId>;
}

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedCompactPersons<T> {
	fn on_runtime_upgrade() -> Weight {
		// Read everything under the old keys first: the new keys share the prefixes.
		let persons: Vec<_> = v1::Persons::<T>::iter().collect();
		let keys: Vec<_> = v1::PersonByIdentity::<T>::iter().collect();
		let _ = v1::Persons::<T>::clear(u32::MAX, None);
		let _ = v1::PersonByIdentity::<T>::clear(u32::MAX, None);
		for (id, old) in &persons {
			Persons::<T>::insert(id, old.clone().into_v2());
		}
		for (key, id) in &keys {
			PersonByIdentity::<T>::insert(key, id);
		}
		let count = (persons.len().saturating_add(keys.len())) as u64;
		T::DbWeight::get().reads_writes(count, count.saturating_mul(2))
	}
}
