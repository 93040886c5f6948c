//! Storage migrations.
//!
//! A migration stays here while a network may still run the version before it. One that a
//! later change of the types it reads has made wrong is removed: versions 1 → 4 (rolled-up
//! statistics, the adoption index, the law's references) are in the history of this file up
//! to commit `aa8cbd6`; a chain older than version 4 upgrades to that runtime first.

use crate::*;
use alloc::vec::Vec;
use civil_registry_primitives::{ActId, ActKind, PersonId};
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Version 4 → 5: a smaller act and smaller indexes, for the roll-up's tens of millions of
/// persons.
///
/// - [`Acts`] and [`ActsOf`] are keyed by `Identity` (sequential ids no one chooses; see
///   [`Acts`]) instead of `Twox64Concat`: 8 bytes per entry less.
/// - An enrollment no longer repeats its archive reference in its details: it is the act's
///   document hash.
/// - [`ActsOf`] no longer lists the birth or enrollment that created the person (the
///   person's record names it, `origin_act`): a person with no other act has no entry.
/// - [`ActsByOfficer`] holds runs of consecutive acts (first id → length) instead of one
///   entry per act, so that an archive import indexes its whole batch at once; each
///   version-4 entry becomes a run of one.
///
/// One block: it reads and writes every act, version, index entry once (before the national
/// roll-up, a few thousand); a chain with millions would need a multi-block migration.
pub type CompactActs<T> = VersionedMigration<
	4,
	5,
	UncheckedCompactActs<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration without the version check; use [`CompactActs`].
pub struct UncheckedCompactActs<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedCompactActs<T> {
	fn on_runtime_upgrade() -> Weight {
		// Everything under the old keys is read first: the new keys share the prefixes.
		let mut acts: Vec<(ActId, Act<T>)> =
			v4::Acts::<T>::iter().map(|(id, act)| (id, act.into_v5())).collect();
		acts.sort_unstable_by_key(|(id, _)| *id);
		let indexes: Vec<_> = v4::ActsOf::<T>::iter().collect();
		let _ = v4::Acts::<T>::clear(u32::MAX, None);
		let _ = v4::ActsOf::<T>::clear(u32::MAX, None);
		let is_origin_of = |id: &ActId, person: &PersonId| {
			acts.binary_search_by_key(id, |(a, _)| *a)
				.ok()
				.and_then(|i| acts.get(i))
				.is_some_and(|(_, act)| {
					matches!(act.kind, ActKind::Birth | ActKind::Enrollment)
						&& act.subjects.first() == Some(person)
				})
		};
		let mut writes = 0u64;
		for (person, list) in &indexes {
			let mut list = list.clone();
			list.retain(|id| !is_origin_of(id, person));
			if !list.is_empty() {
				ActsOf::<T>::insert(person, list);
				writes = writes.saturating_add(1);
			}
		}
		for (id, act) in &acts {
			Acts::<T>::insert(id, act);
		}
		let mut versions = 0u64;
		ActHistory::<T>::translate::<v4::SupersededVersion<T>, _>(|_, _, old| {
			versions = versions.saturating_add(1);
			Some(SupersededVersion {
				act: old.act.into_v5(),
				superseded_at: old.superseded_at,
				reason: old.reason,
				proposed_by: old.proposed_by,
				approved_by: old.approved_by,
			})
		});
		let mut runs = 0u64;
		ActsByOfficer::<T>::translate::<(), _>(|_, _, ()| {
			runs = runs.saturating_add(1);
			Some(1)
		});
		let reads = (acts.len().saturating_add(indexes.len()) as u64)
			.saturating_add(versions)
			.saturating_add(runs);
		T::DbWeight::get().reads_writes(
			reads,
			writes
				.saturating_add(acts.len() as u64)
				.saturating_add(versions)
				.saturating_add(runs),
		)
	}
}

/// Version 5 → 6: the late registrations waiting for approval are counted per officer
/// ([`PendingBy`]) and per office ([`PendingOfOffice`]), against the new caps. The counts are
/// built from the expiry queues, which list every pending act (a few a day country-wide, not
/// a number that grows with the population: one block). A count above a cap is kept as it is:
/// the officer or office registers no new late act until it is back under it.
pub type CountPending<T> = VersionedMigration<
	5,
	6,
	UncheckedCountPending<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration without the version check; use [`CountPending`].
pub struct UncheckedCountPending<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedCountPending<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut reads = 0u64;
		let mut writes = 0u64;
		let queued: Vec<ActId> = PendingExpiries::<T>::iter().flat_map(|(_, q)| q).collect();
		for id in queued {
			reads = reads.saturating_add(2);
			let Some(act) = Acts::<T>::get(id).filter(|a| a.status == ActStatus::Pending) else {
				continue;
			};
			PendingBy::<T>::mutate(&act.officer, |n| *n = n.saturating_add(1));
			PendingOfOffice::<T>::mutate(act.office, |n| *n = n.saturating_add(1));
			writes = writes.saturating_add(2);
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}

	#[cfg(feature = "try-runtime")]
	fn pre_upgrade() -> Result<Vec<u8>, sp_runtime::TryRuntimeError> {
		Ok(Self::pre_check())
	}

	#[cfg(feature = "try-runtime")]
	fn post_upgrade(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		Self::post_check(state)
	}
}

#[cfg(any(feature = "try-runtime", feature = "std"))]
impl<T: Config> UncheckedCountPending<T> {
	/// Before the migration: how many acts are pending.
	pub fn pre_check() -> Vec<u8> {
		use codec::Encode;
		let pending = Acts::<T>::iter().filter(|(_, a)| a.status == ActStatus::Pending).count();
		(pending as u64).encode()
	}

	/// After it: every pending act is counted once under its officer and once under its
	/// office (and [`Pallet::do_try_state`] checks each count).
	pub fn post_check(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		use codec::Decode;
		let pending = u64::decode(&mut &state[..]).map_err(|_| "pre-upgrade state")?;
		let by_officer: u64 = PendingBy::<T>::iter_values().map(u64::from).sum();
		let by_office: u64 = PendingOfOffice::<T>::iter_values().map(u64::from).sum();
		frame_support::ensure!(by_officer == pending, "pending acts miscounted by officer");
		frame_support::ensure!(by_office == pending, "pending acts miscounted by office");
		Ok(())
	}
}

/// The types and keys of storage version 4, as they were encoded.
pub(crate) mod v4 {
	use crate::{ActStatus, AmendmentReason, Config, Pallet, Subjects};
	use civil_registry_primitives::{ActId, ActKind, Date, JurisdictionId, OfficeId, PersonId};
	use codec::{Decode, Encode, Input};
	use frame_support::{storage_alias, BoundedVec, Twox64Concat};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_core::H256;

	/// The position of `Enrollment` among [`crate::ActDetails`]' variants.
	const ENROLLMENT: u8 = 1;

	/// Version 4's details: the current ones, but an enrollment repeated its archive
	/// reference.
	#[derive(Clone, PartialEq, Eq, Debug)]
	pub(crate) enum ActDetails {
		Enrollment {
			identity_key: H256,
			data_root: H256,
			sex: civil_registry_primitives::Sex,
			archive_reference: H256,
			mother: Option<PersonId>,
			father: Option<PersonId>,
		},
		/// Every other kind, encoded as today.
		Other(crate::ActDetails),
	}

	impl Encode for ActDetails {
		fn encode_to<O: codec::Output + ?Sized>(&self, dest: &mut O) {
			match self {
				Self::Enrollment {
					identity_key,
					data_root,
					sex,
					archive_reference,
					mother,
					father,
				} => {
					dest.push_byte(ENROLLMENT);
					(identity_key, data_root, sex, archive_reference, mother, father)
						.encode_to(dest);
				},
				Self::Other(details) => details.encode_to(dest),
			}
		}
	}

	/// The input after its first byte, with that byte put back in front.
	struct Unread<'a, I: Input> {
		first: Option<u8>,
		rest: &'a mut I,
	}

	impl<I: Input> Input for Unread<'_, I> {
		fn remaining_len(&mut self) -> Result<Option<usize>, codec::Error> {
			Ok(self
				.rest
				.remaining_len()?
				.map(|n| n.saturating_add(usize::from(self.first.is_some()))))
		}

		fn read(&mut self, into: &mut [u8]) -> Result<(), codec::Error> {
			match (self.first.take(), into.split_first_mut()) {
				(Some(byte), Some((head, tail))) => {
					*head = byte;
					self.rest.read(tail)
				},
				(first, _) => {
					self.first = first;
					self.rest.read(into)
				},
			}
		}
	}

	impl Decode for ActDetails {
		fn decode<I: Input>(input: &mut I) -> Result<Self, codec::Error> {
			let variant = input.read_byte()?;
			if variant == ENROLLMENT {
				let (identity_key, data_root, sex, archive_reference, mother, father) =
					Decode::decode(input)?;
				Ok(Self::Enrollment {
					identity_key,
					data_root,
					sex,
					archive_reference,
					mother,
					father,
				})
			} else {
				let mut whole = Unread { first: Some(variant), rest: input };
				Ok(Self::Other(crate::ActDetails::decode(&mut whole)?))
			}
		}
	}

	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
	pub(crate) struct Act<T: Config> {
		pub kind: ActKind,
		pub subjects: Subjects,
		pub office: OfficeId,
		pub officer: T::AccountId,
		pub jurisdiction: JurisdictionId,
		pub event_date: Date,
		pub registered_at: BlockNumberFor<T>,
		pub document_hash: H256,
		pub version: u32,
		pub status: ActStatus,
		pub late: bool,
		pub sealed: bool,
		pub details: ActDetails,
	}

	impl<T: Config> Act<T> {
		/// The act as version 5 records it.
		pub(crate) fn into_v5(self) -> crate::Act<T> {
			let details = match self.details {
				ActDetails::Enrollment { identity_key, data_root, sex, mother, father, .. } => {
					crate::ActDetails::Enrollment { identity_key, data_root, sex, mother, father }
				},
				ActDetails::Other(details) => details,
			};
			crate::Act {
				kind: self.kind,
				subjects: self.subjects,
				office: self.office,
				officer: self.officer,
				jurisdiction: self.jurisdiction,
				event_date: self.event_date,
				registered_at: self.registered_at,
				document_hash: self.document_hash,
				version: self.version,
				status: self.status,
				late: self.late,
				sealed: self.sealed,
				details,
			}
		}
	}

	#[derive(Encode, Decode)]
	pub(crate) struct SupersededVersion<T: Config> {
		pub act: Act<T>,
		pub superseded_at: BlockNumberFor<T>,
		pub reason: AmendmentReason,
		pub proposed_by: T::AccountId,
		pub approved_by: T::AccountId,
	}

	/// Version 4's acts, keyed by `Twox64Concat`.
	#[storage_alias]
	pub(crate) type Acts<T: Config> = StorageMap<Pallet<T>, Twox64Concat, ActId, Act<T>>;

	/// Version 4's per-person index, keyed by `Twox64Concat`.
	#[storage_alias]
	pub(crate) type ActsOf<T: Config> = StorageMap<
		Pallet<T>,
		Twox64Concat,
		PersonId,
		BoundedVec<ActId, <T as Config>::MaxActsPerPerson>,
	>;
}
