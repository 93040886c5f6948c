//! # Persons pallet
//!
//! The person registry of the civil registry chain.
//!
//! ## Overview
//!
//! A person is an opaque [`PersonId`] with the minimum the law checks need and nothing that
//! names them (see [`PersonRecord`]): a keyed hash of the national identifier
//! (`identity_key`, unique: the chain refuses a second person with the same key), a root over
//! salted hashes of the person's fields (`data_root`, for selective disclosure), sex, date and
//! jurisdiction of birth, status (alive or deceased), the recorded parents, the marital state,
//! the sealed flag of an adoption and the revoked flag of a revoked registration.
//!
//! ## Interface
//!
//! The pallet has **no calls**: persons are created and changed only by acts of civil status,
//! through [`PersonRegistry`], which `pallet-civil-events` holds in its `Config`. Anyone reads
//! persons through storage (`api.query.persons.persons(id)`) or the runtime API.
//!
//! ## Invariants
//!
//! Checked by `try_state` after every test: the identity index and the persons whose
//! registration is in force agree one to one (a revoked person keeps its record but frees its
//! key); a spouse's spouse is the person, through the same marriage act; recorded parents
//! exist and are older than the child; ids are below [`NextPersonId`].
#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;

#[cfg(test)]
mod tests;

// FRAME's pallet macros expand to `expect` calls on values they guarantee themselves; our own
// code in this module uses none (`scripts/check-runtime-code.sh` greps for them).
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use civil_registry_primitives::{PersonId, PersonRecord, PersonRegistry};
	use frame_support::pallet_prelude::*;
	use sp_core::H256;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the persons pallet: nothing to configure; who may change persons is
	/// decided by the pallet that holds [`PersonRegistry`] (civil events).
	#[pallet::config]
	pub trait Config: frame_system::Config {}

	/// The persons. Ids are sequential and assigned by the chain: `Twox64Concat` is safe.
	#[pallet::storage]
	pub type Persons<T: Config> = StorageMap<_, Twox64Concat, PersonId, PersonRecord, OptionQuery>;

	/// The person with a given identity key. The keys are hashes already, but chosen by the
	/// offices' systems, so `Blake2_128Concat` keeps the trie balanced whatever they are.
	#[pallet::storage]
	pub type PersonByIdentity<T: Config> =
		StorageMap<_, Blake2_128Concat, H256, PersonId, OptionQuery>;

	/// The id the next person will get.
	#[pallet::storage]
	pub type NextPersonId<T: Config> = StorageValue<_, PersonId, ValueQuery>;

	#[pallet::error]
	pub enum Error<T> {
		/// Another person already has this identity key.
		DuplicateIdentity,
		/// No person has this id.
		UnknownPerson,
		/// A person's identity key cannot change.
		IdentityKeyChanged,
		/// A revoked registration cannot be restored.
		RevocationIsFinal,
		/// No more person ids.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<frame_system::pallet_prelude::BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(
			_n: frame_system::pallet_prelude::BlockNumberFor<T>,
		) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	impl<T: Config> Pallet<T> {
		/// The invariants of the person registry.
		#[cfg(any(feature = "try-runtime", feature = "std"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let next = NextPersonId::<T>::get();
			let mut count = 0usize;
			for (id, person) in Persons::<T>::iter() {
				ensure!(id < next, "a person id is not yet issued");
				if person.revoked {
					ensure!(
						PersonByIdentity::<T>::get(person.identity_key) != Some(id),
						"a revoked person still holds its identity key"
					);
				} else {
					count = count.saturating_add(1);
					ensure!(
						PersonByIdentity::<T>::get(person.identity_key) == Some(id),
						"a person's identity key does not point back to it"
					);
				}
				if let civil_registry_primitives::MaritalStatus::Married { spouse, act } =
					person.marital
				{
					ensure!(spouse != id, "a person is married to itself");
					let other = Persons::<T>::get(spouse).ok_or("a spouse does not exist")?;
					ensure!(
						other.marital
							== civil_registry_primitives::MaritalStatus::Married {
								spouse: id,
								act
							},
						"a spouse's spouse is not the person"
					);
					ensure!(
						person.status == civil_registry_primitives::LifeStatus::Alive,
						"a deceased person is still married"
					);
				}
				for parent in [person.mother, person.father].into_iter().flatten() {
					let parent = Persons::<T>::get(parent).ok_or("a parent does not exist")?;
					ensure!(parent.birth_date < person.birth_date, "a parent is not older");
				}
			}
			ensure!(
				PersonByIdentity::<T>::iter().count() == count,
				"the identity index and the persons differ"
			);
			Ok(())
		}
	}

	impl<T: Config> PersonRegistry for Pallet<T> {
		fn person(id: PersonId) -> Option<PersonRecord> {
			Persons::<T>::get(id)
		}

		fn by_identity(identity_key: &H256) -> Option<PersonId> {
			PersonByIdentity::<T>::get(identity_key)
		}

		fn insert(record: PersonRecord) -> Result<PersonId, DispatchError> {
			ensure!(
				!PersonByIdentity::<T>::contains_key(record.identity_key),
				Error::<T>::DuplicateIdentity
			);
			let id = NextPersonId::<T>::get();
			let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			NextPersonId::<T>::put(next);
			PersonByIdentity::<T>::insert(record.identity_key, id);
			Persons::<T>::insert(id, record);
			Ok(id)
		}

		fn update(id: PersonId, record: PersonRecord) -> Result<(), DispatchError> {
			let current = Persons::<T>::get(id).ok_or(Error::<T>::UnknownPerson)?;
			ensure!(current.identity_key == record.identity_key, Error::<T>::IdentityKeyChanged);
			ensure!(!current.revoked || record.revoked, Error::<T>::RevocationIsFinal);
			if record.revoked && !current.revoked {
				// The identity key is freed, so that the genuine registration can be made.
				PersonByIdentity::<T>::remove(record.identity_key);
			}
			Persons::<T>::insert(id, record);
			Ok(())
		}

		fn next_id() -> PersonId {
			NextPersonId::<T>::get()
		}
	}
}
