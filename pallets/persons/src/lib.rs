//! # Persons pallet
//!
//! The person registry of the civil registry chain.
//!
//! ## Overview
//!
//! A person is an opaque [`PersonId`] with the minimum the law checks need and nothing that
//! names them (see [`PersonRecord`]): a root over
//! salted hashes of the person's fields (`data_root`, for selective disclosure), sex, date and
//! jurisdiction of birth, status (alive or deceased), the recorded parents, the marital state,
//! the sealed flag of an adoption and the revoked flag of a revoked registration. The index
//! [`PersonByIdentity`] maps each person in force's identity key (a keyed hash of the national
//! identifier, unique: the chain refuses a second person with the same key) to the person; the
//! key itself is recorded by the act that created the person, not repeated in the record.
//!
//! ## Interface
//!
//! The pallet has **no calls**: persons are created and changed only by acts of civil status,
//! through [`PersonRegistry`], which `pallet-civil-events` holds in its `Config`. Its writes
//! are intents (`create`, `marry`, `divorce`, `record_death`, `move_parent_links`, `seal`,
//! `revoke`, ...), each applied here to every record it concerns, so that the invariants below
//! are kept by this pallet and not only checked. Anyone reads persons through storage
//! (`api.query.persons.persons(id)`) or the runtime API.
//!
//! ## Invariants
//!
//! Checked by `try_state` after every test: the identity index and the persons whose
//! registration is in force agree one to one (a revoked person keeps its record but frees its
//! key; the acts pallet checks that each key is the one its person's act recorded); a spouse's spouse is the person, through the same marriage act; recorded parents
//! exist and are older than the child; ids are below [`NextPersonId`].
#![cfg_attr(not(feature = "std"), no_std)]

pub use pallet::*;

extern crate alloc;

pub mod migrations;

#[cfg(test)]
mod tests;

// FRAME's pallet macros expand to `expect` calls on values they guarantee themselves; our own
// code in this module uses none (`scripts/check-runtime-code.sh` greps for them).
#[allow(clippy::expect_used)]
#[frame_support::pallet]
pub mod pallet {
	use civil_registry_primitives::{
		ActId, Date, JurisdictionId, LifeStatus, MaritalStatus, NewPerson, PersonId, PersonRecord,
		PersonRegistry, Sex,
	};
	use frame_support::pallet_prelude::*;
	use sp_core::H256;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the persons pallet: nothing to configure; who may change persons is
	/// decided by the pallet that holds [`PersonRegistry`] (civil events).
	#[pallet::config]
	pub trait Config: frame_system::Config {}

	/// The persons. Ids are sequential and assigned by the chain, so no one chooses a key:
	/// `Identity` (the id's little-endian bytes, whose first byte cycles fastest) spreads them
	/// evenly over the trie and costs 8 bytes a person less than `Twox64Concat`.
	#[pallet::storage]
	pub type Persons<T: Config> = StorageMap<_, Identity, PersonId, PersonRecord, OptionQuery>;

	/// The person in force with a given identity key. The keys are keyed hashes (blake2 with
	/// the registry's secret) of national identifiers: uniform, and no one can aim them at a
	/// branch of the trie without inverting the hash, so `Identity` is as balanced as a
	/// hashed key and 16 bytes a person smaller (as `pallet-preimage` keys preimages by hash).
	#[pallet::storage]
	pub type PersonByIdentity<T: Config> = StorageMap<_, Identity, H256, PersonId, OptionQuery>;

	/// The id the next person will get.
	#[pallet::storage]
	pub type NextPersonId<T: Config> = StorageValue<_, PersonId, ValueQuery>;

	#[pallet::error]
	pub enum Error<T> {
		/// Another person already has this identity key.
		DuplicateIdentity,
		/// No person has this id.
		UnknownPerson,
		/// No longer returned: the registry makes a new person's record itself
		/// (`PersonRegistry::create`). Kept so that the errors after it keep their indices.
		NotANewPerson,
		/// A person cannot marry themselves.
		SamePerson,
		/// One of the two is already married.
		AlreadyMarried,
		/// The two are not married to each other by the named marriage act.
		NotMarried,
		/// The person is deceased, or their registration is revoked.
		NotAlive,
		/// The person is not deceased.
		NotDeceased,
		/// The surviving spouse is no longer widowed by this marriage: the marriage cannot be in
		/// effect again.
		SpouseNotWidowed,
		/// A revoked marriage cannot leave anyone married, except in a later marriage of their
		/// own.
		MarriageStillInEffect,
		/// A recorded parent must be older than the child.
		ParentNotOlder,
		/// The registration is already revoked; revocation is final.
		AlreadyRevoked,
		/// The person does not hold this identity key.
		IdentityNotHeld,
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
				if !person.revoked {
					count = count.saturating_add(1);
				}
				if let MaritalStatus::Married { spouse, act } = person.marital {
					ensure!(spouse != id, "a person is married to itself");
					let other = Persons::<T>::get(spouse).ok_or("a spouse does not exist")?;
					ensure!(
						other.marital == MaritalStatus::Married { spouse: id, act },
						"a spouse's spouse is not the person"
					);
					ensure!(
						person.status == LifeStatus::Alive,
						"a deceased person is still married"
					);
				}
				for parent in [person.mother, person.father].into_iter().flatten() {
					let parent = Persons::<T>::get(parent).ok_or("a parent does not exist")?;
					ensure!(parent.birth_date < person.birth_date, "a parent is not older");
				}
			}
			// Every key maps to a person in force, no person holds two keys, and there are as
			// many keys as persons in force: the index and the persons agree one to one.
			let mut holders = alloc::collections::BTreeSet::new();
			for (_, id) in PersonByIdentity::<T>::iter() {
				let person = Persons::<T>::get(id).ok_or("an identity key of no person")?;
				ensure!(!person.revoked, "a revoked person still holds an identity key");
				ensure!(holders.insert(id), "a person holds two identity keys");
			}
			ensure!(holders.len() == count, "a person in force holds no identity key");
			Ok(())
		}
	}

	impl<T: Config> Pallet<T> {
		/// Change one existing person's record.
		fn mutate(
			id: PersonId,
			change: impl FnOnce(&mut PersonRecord) -> DispatchResult,
		) -> DispatchResult {
			Persons::<T>::try_mutate(id, |person| {
				change(person.as_mut().ok_or(Error::<T>::UnknownPerson)?)
			})
		}

		fn get(id: PersonId) -> Result<PersonRecord, DispatchError> {
			Ok(Persons::<T>::get(id).ok_or(Error::<T>::UnknownPerson)?)
		}

		/// Recorded parents exist and are older than a child born on `birth_date`.
		fn ensure_parents(birth_date: &Date, parents: [Option<PersonId>; 2]) -> DispatchResult {
			for parent in parents.into_iter().flatten() {
				ensure!(Self::get(parent)?.birth_date < *birth_date, Error::<T>::ParentNotOlder);
			}
			Ok(())
		}

		/// Both are married to each other by `act`.
		fn ensure_married(
			first: &PersonRecord,
			a: PersonId,
			second: &PersonRecord,
			b: PersonId,
			act: ActId,
		) -> DispatchResult {
			ensure!(
				first.marital == MaritalStatus::Married { spouse: b, act }
					&& second.marital == MaritalStatus::Married { spouse: a, act },
				Error::<T>::NotMarried
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

		fn next_id() -> PersonId {
			NextPersonId::<T>::get()
		}

		fn create(person: NewPerson) -> Result<PersonId, DispatchError> {
			ensure!(
				!PersonByIdentity::<T>::contains_key(person.identity_key),
				Error::<T>::DuplicateIdentity
			);
			Self::ensure_parents(&person.birth_date, [person.mother, person.father])?;
			let id = NextPersonId::<T>::get();
			let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			NextPersonId::<T>::put(next);
			PersonByIdentity::<T>::insert(person.identity_key, id);
			Persons::<T>::insert(
				id,
				PersonRecord {
					data_root: person.data_root,
					sex: person.sex,
					birth_date: person.birth_date,
					birth_jurisdiction: person.birth_jurisdiction,
					status: LifeStatus::Alive,
					mother: person.mother,
					father: person.father,
					marital: MaritalStatus::Single,
					sealed: false,
					origin_act: person.origin_act,
					revoked: false,
				},
			);
			Ok(id)
		}

		fn marry(first: PersonId, second: PersonId, act: ActId) -> DispatchResult {
			ensure!(first != second, Error::<T>::SamePerson);
			let (mut a, mut b) = (Self::get(first)?, Self::get(second)?);
			ensure!(a.is_alive() && b.is_alive(), Error::<T>::NotAlive);
			ensure!(a.spouse().is_none() && b.spouse().is_none(), Error::<T>::AlreadyMarried);
			a.marital = MaritalStatus::Married { spouse: second, act };
			b.marital = MaritalStatus::Married { spouse: first, act };
			Persons::<T>::insert(first, a);
			Persons::<T>::insert(second, b);
			Ok(())
		}

		fn divorce(first: PersonId, second: PersonId, act: ActId) -> DispatchResult {
			Self::ensure_married(&Self::get(first)?, first, &Self::get(second)?, second, act)?;
			for id in [first, second] {
				Self::mutate(id, |p| {
					p.marital = MaritalStatus::Divorced;
					Ok(())
				})?;
			}
			Ok(())
		}

		fn resume_marriage(first: PersonId, second: PersonId, act: ActId) -> DispatchResult {
			// The same checks as a new marriage: alive, distinct, neither married meanwhile.
			Self::marry(first, second, act)
		}

		fn annul_marriage(
			first: PersonId,
			second: PersonId,
			act: ActId,
			first_after: MaritalStatus,
			second_after: MaritalStatus,
		) -> DispatchResult {
			// Both checked before either is written: an intent is all or nothing.
			let mut records = [
				(first, Self::get(first)?, first_after),
				(second, Self::get(second)?, second_after),
			];
			for (_, p, after) in &records {
				// The annulment creates no marriage: a spouse who has since married again
				// stays in that marriage, and no one else ends up married.
				ensure!(
					!matches!(after, MaritalStatus::Married { .. }) || *after == p.marital,
					Error::<T>::MarriageStillInEffect
				);
				if let MaritalStatus::Married { act: by, .. } = p.marital {
					ensure!(by == act || *after == p.marital, Error::<T>::NotMarried);
				}
			}
			for (id, p, after) in &mut records {
				p.marital = *after;
				Persons::<T>::insert(*id, p.clone());
			}
			Ok(())
		}

		fn settle_marriage_end(
			first: PersonId,
			second: PersonId,
			act: ActId,
			first_after: MaritalStatus,
			second_after: MaritalStatus,
		) -> DispatchResult {
			// Both checked before either is written: an intent is all or nothing.
			let mut records = [
				(first, Self::get(first)?, first_after),
				(second, Self::get(second)?, second_after),
			];
			for (_, p, after) in &records {
				// The marriage has ended: no one is in it, before or after.
				ensure!(
					!matches!(p.marital, MaritalStatus::Married { act: by, .. } if by == act),
					Error::<T>::MarriageStillInEffect
				);
				// It creates no marriage: a spouse who married since stays in that one.
				ensure!(
					!matches!(after, MaritalStatus::Married { .. }) || *after == p.marital,
					Error::<T>::MarriageStillInEffect
				);
				ensure!(
					!matches!(after, MaritalStatus::DiedMarried { .. })
						|| p.status != LifeStatus::Alive,
					Error::<T>::NotDeceased
				);
			}
			for (id, p, after) in &mut records {
				p.marital = *after;
				Persons::<T>::insert(*id, p.clone());
			}
			Ok(())
		}

		fn record_death(
			person: PersonId,
			date: Date,
			act: ActId,
		) -> Result<Option<(PersonId, ActId)>, DispatchError> {
			let mut record = Self::get(person)?;
			ensure!(record.status == LifeStatus::Alive, Error::<T>::NotAlive);
			record.status = LifeStatus::Deceased { date, act };
			let ended = match record.marital {
				MaritalStatus::Married { spouse, act: marriage } => {
					Self::mutate(spouse, |s| {
						ensure!(
							s.marital == MaritalStatus::Married { spouse: person, act: marriage },
							Error::<T>::NotMarried
						);
						s.marital = MaritalStatus::Widowed;
						Ok(())
					})?;
					record.marital = MaritalStatus::DiedMarried { spouse, act: marriage };
					Some((spouse, marriage))
				},
				_ => None,
			};
			Persons::<T>::insert(person, record);
			Ok(ended)
		}

		fn correct_death_date(person: PersonId, date: Date) -> DispatchResult {
			Self::mutate(person, |p| match p.status {
				LifeStatus::Deceased { act, .. } => {
					p.status = LifeStatus::Deceased { date, act };
					Ok(())
				},
				LifeStatus::Alive => Err(Error::<T>::NotDeceased.into()),
			})
		}

		fn revoke_death(person: PersonId) -> DispatchResult {
			let mut record = Self::get(person)?;
			ensure!(record.status != LifeStatus::Alive, Error::<T>::NotDeceased);
			record.status = LifeStatus::Alive;
			if let MaritalStatus::DiedMarried { spouse, act } = record.marital {
				Self::mutate(spouse, |s| {
					ensure!(
						s.is_alive() && s.marital == MaritalStatus::Widowed,
						Error::<T>::SpouseNotWidowed
					);
					s.marital = MaritalStatus::Married { spouse: person, act };
					Ok(())
				})?;
				record.marital = MaritalStatus::Married { spouse, act };
			}
			Persons::<T>::insert(person, record);
			Ok(())
		}

		fn move_parent_links(
			child: PersonId,
			mother: Option<PersonId>,
			father: Option<PersonId>,
		) -> DispatchResult {
			let birth_date = Self::get(child)?.birth_date;
			Self::ensure_parents(&birth_date, [mother, father])?;
			Self::mutate(child, |c| {
				c.mother = mother;
				c.father = father;
				Ok(())
			})
		}

		fn seal(person: PersonId) -> DispatchResult {
			Self::mutate(person, |p| {
				p.sealed = true;
				Ok(())
			})
		}

		fn unseal(person: PersonId) -> DispatchResult {
			Self::mutate(person, |p| {
				p.sealed = false;
				Ok(())
			})
		}

		fn change_data(person: PersonId, data_root: H256) -> DispatchResult {
			Self::mutate(person, |p| {
				p.data_root = data_root;
				Ok(())
			})
		}

		fn correct_birth(
			person: PersonId,
			birth_date: Date,
			birth_jurisdiction: JurisdictionId,
			sex: Sex,
		) -> DispatchResult {
			// Whether the parents are still older, and every act of the person still lawful,
			// is the acts pallet's re-check, which follows in the same call.
			Self::mutate(person, |p| {
				p.birth_date = birth_date;
				p.birth_jurisdiction = birth_jurisdiction;
				p.sex = sex;
				Ok(())
			})
		}

		fn revoke(person: PersonId, identity_key: &H256) -> DispatchResult {
			Self::mutate(person, |p| {
				ensure!(!p.revoked, Error::<T>::AlreadyRevoked);
				ensure!(
					PersonByIdentity::<T>::get(identity_key) == Some(person),
					Error::<T>::IdentityNotHeld
				);
				p.revoked = true;
				// The identity key is freed, so that the genuine registration can be made.
				PersonByIdentity::<T>::remove(identity_key);
				Ok(())
			})
		}
	}
}
