//! Storage migrations.
//!
//! A migration stays here while a network may still run the version before it. One that a
//! later change of the types it reads has made wrong is removed: versions 1 → 4 are in the
//! history of this file up to commit `aa8cbd6`, versions 4 → 6 (smaller acts and indexes, the
//! count of pending acts per officer and office) up to commit `8b3b47c`; a chain older than
//! version 6 upgrades to that runtime first.

use crate::*;
use alloc::vec::Vec;
use civil_registry_primitives::ActId;
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	migrations::{MigrationId, SteppedMigration, SteppedMigrationError},
	pallet_prelude::*,
	traits::{GetStorageVersion, StorageVersion},
	weights::WeightMeter,
};

/// The identifier of [`TypedActs`] among the runtime's multi-block migrations.
pub const TYPED_ACTS: MigrationId<18> =
	MigrationId { pallet_id: *b"civil-events-typed", version_from: 6, version_to: 7 };

/// The identifier of [`AdoptionParents`] among the runtime's multi-block migrations.
pub const ADOPTION_PARENTS: MigrationId<18> =
	MigrationId { pallet_id: *b"civil-events-adopt", version_from: 7, version_to: 8 };

/// How far a migration over every act ([`TypedActs`], [`AdoptionParents`]) has gone: the
/// last act, then the last superseded version, it converted.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub enum TypedActsCursor {
	/// Converting [`Acts`]; the last converted.
	Acts(Option<ActId>),
	/// Converting [`ActHistory`]; the last converted.
	Versions(Option<(ActId, u32)>),
}

/// Version 6 → 7, over as many blocks as it takes: typed acts. An act no longer stores its
/// kind and its subjects beside its details; each kind's details own its persons
/// ([`ActDetails`]). Every act in [`Acts`] and every superseded version in [`ActHistory`] is
/// read in the old form and written in the new, one per unit of [`WeightInfo::migrate_act`];
/// nothing else changes.
///
/// While it runs, the runtime accepts no transactions (`pallet-migrations`), and
/// [`Pallet`]'s expiries wait (see [`ExpiriesDeferredFrom`]). An act whose subjects do not fit
/// its kind cannot be converted: the migration fails, and the runtime's
/// `FailedMigrationHandler` decides (the chain stays frozen for governance to repair it;
/// nothing is dropped). On a fresh chain (already at version 7) it does nothing.
pub struct TypedActs<T>(core::marker::PhantomData<T>);

impl<T: Config> SteppedMigration for TypedActs<T> {
	type Cursor = TypedActsCursor;
	type Identifier = MigrationId<18>;

	fn id() -> Self::Identifier {
		TYPED_ACTS
	}

	fn step(
		cursor: Option<Self::Cursor>,
		meter: &mut WeightMeter,
	) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
		step_over_acts::<T>(
			cursor,
			meter,
			(StorageVersion::new(6), StorageVersion::new(7)),
			T::WeightInfo::migrate_act(),
			Self::next_act,
			Self::next_version,
		)
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

impl<T: Config> TypedActs<T> {
	/// Convert the act after `last` (the first if `None`); its id, or `None` when all are.
	fn next_act(last: Option<ActId>) -> Result<Option<ActId>, SteppedMigrationError> {
		let mut keys = match last {
			Some(last) => v6::Acts::<T>::iter_keys_from(v6::Acts::<T>::hashed_key_for(last)),
			None => v6::Acts::<T>::iter_keys(),
		};
		let Some(id) = keys.next() else { return Ok(None) };
		let old = v6::Acts::<T>::get(id).ok_or(SteppedMigrationError::Failed)?;
		Acts::<T>::insert(id, old.into_v7().ok_or(SteppedMigrationError::Failed)?);
		Ok(Some(id))
	}

	/// Convert the superseded version after `last`; its key, or `None` when all are.
	fn next_version(
		last: Option<(ActId, u32)>,
	) -> Result<Option<(ActId, u32)>, SteppedMigrationError> {
		let mut keys = match last {
			Some((id, version)) => v6::ActHistory::<T>::iter_keys_from(
				v6::ActHistory::<T>::hashed_key_for(id, version),
			),
			None => v6::ActHistory::<T>::iter_keys(),
		};
		let Some((id, version)) = keys.next() else { return Ok(None) };
		let old = v6::ActHistory::<T>::get(id, version).ok_or(SteppedMigrationError::Failed)?;
		let act = old.act.into_v7().ok_or(SteppedMigrationError::Failed)?;
		ActHistory::<T>::insert(
			id,
			version,
			SupersededVersion {
				act,
				superseded_at: old.superseded_at,
				reason: old.reason,
				proposed_by: old.proposed_by,
				approved_by: old.approved_by,
			},
		);
		Ok(Some((id, version)))
	}
}

/// Version 7 → 8, over as many blocks as it takes: an adoption records the child's parents
/// after it ([`AdoptionDetails::parents`]), no longer only the adoptive ones. Until version 8
/// a parent an adoption did not name stayed the child's parent; from version 8 a single
/// adopter who is not a step-parent takes the child alone (#31), so the one who stayed must be
/// written down: in every adoption (in [`Acts`] and in [`ActHistory`]) a slot with no
/// adoptive parent takes the parent it had before — what the old rule kept. Nothing else
/// changes, and no person's parents move.
///
/// An adoption that named a parent the child already had (allowed until version 8, refused
/// since: [`Error::AdopterIsParent`]) changed nothing in that slot: that person is no longer
/// one of the act's subjects, so the act leaves their [`ActsOf`]. [`AdoptionInEffect`] keeps,
/// from version 8, the child's birth parents (its parents before the adoption) in every slot,
/// no longer only the slots the adoption replaced: a step-parent's spouse too, for the
/// kinship check of siblings by descent.
///
/// One act per unit of [`WeightInfo::migrate_adoption`], measured on the costliest act (the
/// rare adoption above, in effect, its parent's index full). While it runs, the runtime
/// accepts no transactions and [`Pallet`]'s expiries wait, as for [`TypedActs`].
pub struct AdoptionParents<T>(core::marker::PhantomData<T>);

impl<T: Config> SteppedMigration for AdoptionParents<T> {
	type Cursor = TypedActsCursor;
	type Identifier = MigrationId<18>;

	fn id() -> Self::Identifier {
		ADOPTION_PARENTS
	}

	fn step(
		cursor: Option<Self::Cursor>,
		meter: &mut WeightMeter,
	) -> Result<Option<Self::Cursor>, SteppedMigrationError> {
		step_over_acts::<T>(
			cursor,
			meter,
			(StorageVersion::new(7), StorageVersion::new(8)),
			T::WeightInfo::migrate_adoption(),
			|last| Ok(Self::next_act(last)),
			|last| Ok(Self::next_version(last)),
		)
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

impl<T: Config> AdoptionParents<T> {
	/// `details`, an adoption as version 7 recorded it, as version 8 records it. Returns the
	/// persons it named who were already the child's parents (no longer its subjects).
	pub fn convert(details: &mut AdoptionDetails) -> Vec<civil_registry_primitives::PersonId> {
		let mut no_longer = Vec::new();
		let previous = details.previous;
		for (after, before) in [
			(&mut details.parents.mother, previous.mother),
			(&mut details.parents.father, previous.father),
		] {
			match *after {
				None => *after = before,
				Some(named) if Some(named) == before => no_longer.push(named),
				Some(_) => {},
			}
		}
		no_longer
	}

	/// Convert the act after `last` (the first if `None`); its id, or `None` when all are.
	fn next_act(last: Option<ActId>) -> Option<ActId> {
		let mut keys = match last {
			Some(last) => Acts::<T>::iter_keys_from(Acts::<T>::hashed_key_for(last)),
			None => Acts::<T>::iter_keys(),
		};
		let id = keys.next()?;
		let Some(mut act) = Acts::<T>::get(id) else { return Some(id) };
		let ActDetails::Adoption(details) = &mut act.details else { return Some(id) };
		for person in Self::convert(details) {
			ActsOf::<T>::mutate(person, |acts| acts.retain(|a| *a != id));
		}
		let child = details.child;
		// Version 7 allowed one adoption of a child in effect: its previous parents are the
		// birth parents.
		let Parents { mother, father } = details.previous;
		AdoptionInEffect::<T>::mutate(child, |in_effect| {
			if let Some(in_effect) = in_effect.as_mut().filter(|e| e.act == id) {
				(in_effect.mother, in_effect.father) = (mother, father);
			}
		});
		Acts::<T>::insert(id, act);
		Some(id)
	}

	/// Convert the superseded version after `last`; its key, or `None` when all are.
	fn next_version(last: Option<(ActId, u32)>) -> Option<(ActId, u32)> {
		let mut keys = match last {
			Some((id, version)) => {
				ActHistory::<T>::iter_keys_from(ActHistory::<T>::hashed_key_for(id, version))
			},
			None => ActHistory::<T>::iter_keys(),
		};
		let (id, version) = keys.next()?;
		ActHistory::<T>::mutate(id, version, |superseded| {
			if let Some(SupersededVersion { act, .. }) = superseded {
				if let ActDetails::Adoption(details) = &mut act.details {
					Self::convert(details);
				}
			}
		});
		Some((id, version))
	}
}

#[cfg(any(feature = "try-runtime", feature = "std"))]
impl<T: Config> AdoptionParents<T> {
	/// Before the migration: every act and superseded version as version 8 will hold them,
	/// encoded.
	pub fn pre_check() -> Vec<u8> {
		let convert = |mut act: Act<T>| {
			if let ActDetails::Adoption(details) = &mut act.details {
				Self::convert(details);
			}
			Some(act)
		};
		let acts: Converted<T, ActId> =
			Acts::<T>::iter().map(|(id, act)| (id, convert(act))).collect();
		let versions: Converted<T, (ActId, u32)> = ActHistory::<T>::iter()
			.map(|(id, version, old)| ((id, version), convert(old.act)))
			.collect();
		(acts, versions).encode()
	}

	/// After it: the storage version is 8, and every act and version is what [`Self::convert`]
	/// makes of it (and [`Pallet::do_try_state`] checks every invariant over them).
	pub fn post_check(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			Pallet::<T>::on_chain_storage_version() == StorageVersion::new(8),
			"the storage version is not 8"
		);
		compare::<T>(state)
	}
}

/// The acts and versions in storage are those of `state` (a pre-check's), no more, no less.
#[cfg(any(feature = "try-runtime", feature = "std"))]
fn compare<T: Config>(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
	let (acts, versions) =
		<(Converted<T, ActId>, Converted<T, (ActId, u32)>)>::decode(&mut &state[..])
			.map_err(|_| "pre-upgrade state")?;
	ensure!(Acts::<T>::iter().count() == acts.len(), "acts were lost or added");
	for (id, expected) in acts {
		ensure!(Acts::<T>::get(id) == expected, "an act differs from its conversion");
	}
	ensure!(ActHistory::<T>::iter().count() == versions.len(), "versions lost or added");
	for ((id, version), expected) in versions {
		let act = ActHistory::<T>::get(id, version).map(|v| v.act);
		ensure!(act == expected, "a superseded version differs from its conversion");
	}
	Ok(())
}

/// One step of a migration over every act, then every superseded version, from storage version
/// `versions.0` to `versions.1`: as many as `meter` has room for at `required` each,
/// `next_act` and `next_version` converting the one after the cursor's (`None` when all are);
/// then the new storage version. Does nothing at any other version.
fn step_over_acts<T: Config>(
	cursor: Option<TypedActsCursor>,
	meter: &mut WeightMeter,
	(from, to): (StorageVersion, StorageVersion),
	required: frame_support::weights::Weight,
	next_act: impl Fn(Option<ActId>) -> Result<Option<ActId>, SteppedMigrationError>,
	next_version: impl Fn(Option<(ActId, u32)>) -> Result<Option<(ActId, u32)>, SteppedMigrationError>,
) -> Result<Option<TypedActsCursor>, SteppedMigrationError> {
	if Pallet::<T>::on_chain_storage_version() != from {
		return Ok(None);
	}
	if meter.remaining().any_lt(required) {
		return Err(SteppedMigrationError::InsufficientWeight { required });
	}
	let mut cursor = cursor.unwrap_or(TypedActsCursor::Acts(None));
	while meter.try_consume(required).is_ok() {
		cursor = match cursor {
			TypedActsCursor::Acts(last) => match next_act(last)? {
				Some(id) => TypedActsCursor::Acts(Some(id)),
				None => TypedActsCursor::Versions(None),
			},
			TypedActsCursor::Versions(last) => match next_version(last)? {
				Some(key) => TypedActsCursor::Versions(Some(key)),
				None => {
					to.put::<Pallet<T>>();
					return Ok(None);
				},
			},
		};
	}
	Ok(Some(cursor))
}

/// Records by key, each converted on its own (`None`: it cannot be).
#[cfg(any(feature = "try-runtime", feature = "std"))]
type Converted<T, K> = Vec<(K, Option<Act<T>>)>;

#[cfg(any(feature = "try-runtime", feature = "std"))]
impl<T: Config> TypedActs<T> {
	/// Before the migration: every act and superseded version, as version 7 will hold them
	/// (each converted on its own), encoded.
	pub fn pre_check() -> Vec<u8> {
		let acts: Converted<T, ActId> =
			v6::Acts::<T>::iter().map(|(id, act)| (id, act.into_v7())).collect();
		let versions: Converted<T, (ActId, u32)> = v6::ActHistory::<T>::iter()
			.map(|(id, version, old)| ((id, version), old.act.into_v7()))
			.collect();
		(acts, versions).encode()
	}

	/// After it: the storage version is 7, and every act and version is what it was, in the new
	/// form (and [`Pallet::do_try_state`] checks every invariant over them).
	pub fn post_check(state: Vec<u8>) -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(
			Pallet::<T>::on_chain_storage_version() == StorageVersion::new(7),
			"the storage version is not 7"
		);
		compare::<T>(state)
	}
}

/// The types and keys of storage version 6, as they were encoded.
pub mod v6 {
	use crate::{
		ActStatus, AdoptionDetails, AmendmentReason, BirthDetails, Config, DeathDetails,
		DivorceDetails, DivorceGrounds, EnrollmentDetails, MarriageBasis, MarriageDetails,
		NameChangeDetails, Pallet, Parents, PaternityDetails, Spouses, Subjects,
	};
	use civil_registry_primitives::{
		ActId, ActKind, Date, JurisdictionId, OfficeId, PersonId, Sex,
	};
	use codec::{Decode, Encode};
	use frame_support::{storage_alias, Identity, Twox64Concat};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_core::H256;

	/// Version 6's details: the persons were the act's `subjects`.
	#[allow(missing_docs)]
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
	pub enum ActDetails {
		Birth {
			identity_key: H256,
			data_root: H256,
			sex: Sex,
			mother: Option<PersonId>,
			father: Option<PersonId>,
			court_decision: Option<H256>,
		},
		Enrollment {
			identity_key: H256,
			data_root: H256,
			sex: Sex,
			mother: Option<PersonId>,
			father: Option<PersonId>,
		},
		Death,
		Marriage {
			basis: MarriageBasis,
			ended_by: Option<ActId>,
		},
		Divorce {
			marriage: ActId,
			grounds: DivorceGrounds,
		},
		Adoption {
			adoptive_mother: Option<PersonId>,
			adoptive_father: Option<PersonId>,
			previous_mother: Option<PersonId>,
			previous_father: Option<PersonId>,
			sealed: bool,
			decision: H256,
		},
		Paternity {
			court_decision: Option<H256>,
		},
		NameChange {
			previous_root: H256,
			new_root: H256,
			consent: Option<H256>,
		},
	}

	impl ActDetails {
		/// The kind these details belonged to.
		pub fn kind(&self) -> ActKind {
			match self {
				ActDetails::Birth { .. } => ActKind::Birth,
				ActDetails::Enrollment { .. } => ActKind::Enrollment,
				ActDetails::Death => ActKind::Death,
				ActDetails::Marriage { .. } => ActKind::Marriage,
				ActDetails::Divorce { .. } => ActKind::Divorce,
				ActDetails::Adoption { .. } => ActKind::Adoption,
				ActDetails::Paternity { .. } => ActKind::Paternity,
				ActDetails::NameChange { .. } => ActKind::NameChange,
			}
		}
	}

	/// Version 6's act.
	#[allow(missing_docs)]
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
	pub struct Act<T: Config> {
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
		/// The act as version 7 records it; `None` if its subjects do not fit its kind (a
		/// fault version 6 could store, version 7 cannot).
		pub fn into_v7(self) -> Option<crate::Act<T>> {
			if self.kind != self.details.kind() {
				return None;
			}
			let subjects = self.subjects.as_slice();
			let details = match self.details {
				ActDetails::Birth {
					identity_key,
					data_root,
					sex,
					mother,
					father,
					court_decision,
				} => {
					let parents = Parents { mother, father };
					let child = created(subjects, &parents)?;
					crate::ActDetails::Birth(BirthDetails {
						child,
						parents,
						identity_key,
						data_root,
						sex,
						court_decision,
					})
				},
				ActDetails::Enrollment { identity_key, data_root, sex, mother, father } => {
					let parents = Parents { mother, father };
					let person = created(subjects, &parents)?;
					crate::ActDetails::Enrollment(EnrollmentDetails {
						person,
						parents,
						identity_key,
						data_root,
						sex,
					})
				},
				ActDetails::Death => match subjects {
					[person] => crate::ActDetails::Death(DeathDetails { person: *person }),
					_ => return None,
				},
				ActDetails::Marriage { basis, ended_by } => match subjects {
					[first, second] => crate::ActDetails::Marriage(MarriageDetails {
						spouses: Spouses { first: *first, second: *second },
						basis,
						ended_by,
					}),
					_ => return None,
				},
				ActDetails::Divorce { marriage, grounds } => match subjects {
					[first, second] => crate::ActDetails::Divorce(DivorceDetails {
						marriage,
						spouses: Spouses { first: *first, second: *second },
						grounds,
					}),
					_ => return None,
				},
				ActDetails::Adoption {
					adoptive_mother,
					adoptive_father,
					previous_mother,
					previous_father,
					sealed,
					decision,
				} => {
					let adoptive = Parents { mother: adoptive_mother, father: adoptive_father };
					match subjects {
						[child, rest @ ..] if rest.iter().copied().eq(adoptive.iter()) => {
							// Version 7's meaning: the adoptive parents only (see
							// [`super::AdoptionParents`]).
							crate::ActDetails::Adoption(AdoptionDetails {
								child: *child,
								parents: adoptive,
								previous: Parents {
									mother: previous_mother,
									father: previous_father,
								},
								sealed,
								decision,
							})
						},
						_ => return None,
					}
				},
				ActDetails::Paternity { court_decision } => match subjects {
					[child, father] => crate::ActDetails::Paternity(PaternityDetails {
						child: *child,
						father: *father,
						court_decision,
					}),
					_ => return None,
				},
				ActDetails::NameChange { previous_root, new_root, consent } => match subjects {
					[person] => crate::ActDetails::NameChange(NameChangeDetails {
						person: *person,
						previous_root,
						new_root,
						consent,
					}),
					_ => return None,
				},
			};
			Some(crate::Act {
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
			})
		}
	}

	impl<T: Config> Act<T> {
		/// The act as version 6 recorded it: to build a version-6 state for tests of the
		/// migration.
		#[cfg(feature = "std")]
		pub fn from_v7(act: &crate::Act<T>) -> Self {
			let details = match act.details.clone() {
				crate::ActDetails::Birth(d) => ActDetails::Birth {
					identity_key: d.identity_key,
					data_root: d.data_root,
					sex: d.sex,
					mother: d.parents.mother,
					father: d.parents.father,
					court_decision: d.court_decision,
				},
				crate::ActDetails::Enrollment(d) => ActDetails::Enrollment {
					identity_key: d.identity_key,
					data_root: d.data_root,
					sex: d.sex,
					mother: d.parents.mother,
					father: d.parents.father,
				},
				crate::ActDetails::Death(_) => ActDetails::Death,
				crate::ActDetails::Marriage(d) => {
					ActDetails::Marriage { basis: d.basis, ended_by: d.ended_by }
				},
				crate::ActDetails::Divorce(d) => {
					ActDetails::Divorce { marriage: d.marriage, grounds: d.grounds }
				},
				crate::ActDetails::Adoption(d) => ActDetails::Adoption {
					adoptive_mother: d.adoptive().mother,
					adoptive_father: d.adoptive().father,
					previous_mother: d.previous.mother,
					previous_father: d.previous.father,
					sealed: d.sealed,
					decision: d.decision,
				},
				crate::ActDetails::Paternity(d) => {
					ActDetails::Paternity { court_decision: d.court_decision }
				},
				crate::ActDetails::NameChange(d) => ActDetails::NameChange {
					previous_root: d.previous_root,
					new_root: d.new_root,
					consent: d.consent,
				},
			};
			Act {
				kind: act.kind(),
				subjects: act.subjects(),
				office: act.office,
				officer: act.officer.clone(),
				jurisdiction: act.jurisdiction,
				event_date: act.event_date,
				registered_at: act.registered_at,
				document_hash: act.document_hash,
				version: act.version,
				status: act.status,
				late: act.late,
				sealed: act.sealed,
				details,
			}
		}
	}

	/// The person a version-6 birth or enrollment created: its first subject when the act
	/// took effect (the subjects were the parents until then). `None` (outer) when the
	/// subjects are neither shape.
	fn created(subjects: &[PersonId], parents: &Parents) -> Option<Option<PersonId>> {
		if subjects.iter().copied().eq(parents.iter()) {
			return Some(None);
		}
		match subjects {
			[person, rest @ ..] if rest.iter().copied().eq(parents.iter()) => Some(Some(*person)),
			_ => None,
		}
	}

	/// Version 6's superseded version.
	#[allow(missing_docs)]
	#[derive(Encode, Decode)]
	pub struct SupersededVersion<T: Config> {
		pub act: Act<T>,
		pub superseded_at: BlockNumberFor<T>,
		pub reason: AmendmentReason,
		pub proposed_by: T::AccountId,
		pub approved_by: T::AccountId,
	}

	/// Version 6's acts.
	#[storage_alias]
	pub type Acts<T: Config> = StorageMap<Pallet<T>, Identity, ActId, Act<T>>;

	/// Version 6's superseded versions.
	#[storage_alias]
	pub type ActHistory<T: Config> =
		StorageDoubleMap<Pallet<T>, Twox64Concat, ActId, Twox64Concat, u32, SupersededVersion<T>>;
}
