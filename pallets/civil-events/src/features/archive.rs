//! The paper archive at roll-out: importing the living population and their marriages in
//! batches (`enroll_batch`), and anchoring records that need no live state by Merkle roots
//! (`anchor_archive_batch`).
//!
//! **Import.** A batch is the single calls one after another, each record in its own storage
//! layer: a refused record leaves nothing behind and does not stop the others. What a batch
//! saves is the per-transaction work (one signature, one nonce, one pass through the gate) and
//! the officer's index: the acts a batch enrolls have consecutive ids (a refused record takes
//! none), so the index holds one run for them all.
//!
//! **Re-runs.** An import interrupted anywhere (a node restart, a dropped transaction, a
//! client crash) is run again from the start: a record already on chain is skipped, and
//! reported as such, so each record is enrolled exactly once. A person is on chain when their
//! identity key is held by a person whose enrollment has the same archive reference (the same
//! key under another reference is a different paper record of the same identifier, refused
//! as `DuplicateIdentity` for an office to resolve); a marriage, when the first spouse's acts
//! hold an archive marriage to the second spouse with the same reference, in effect or not.
//! A record revoked since (a wrong enrollment) frees its identity key, so a re-run enrolls it
//! again: the import file is corrected before it is run again.
//!
//! **Anchoring.** A root, its record count, the office and the period; nothing about any
//! record. Proofs are checked by [`Pallet::verify_archive_record`] (the runtime API).

use crate::*;
use alloc::{
	collections::{BTreeMap, BTreeSet},
	vec::Vec,
};
use civil_registry_primitives::{
	verify_archive_proof, ActId, ActKind, ArchiveProofError, JurisdictionId, JurisdictionTree,
	OfficeId, OfficerPermissions, PersonId, PersonRegistry, Role, YearMonth,
};

/// The statistics counters one person's enrollment writes at most, as the benchmark of
/// `enroll_batch` measures it: one per level of its jurisdiction, a country and at most four
/// levels below (the benchmark's tree, and this runtime's `MaxJurisdictionDepth`). The
/// declared weight of an import assumes this many per person; what it did not write is
/// refunded.
const MAX_STATISTICS_LEVELS: u32 = 5;
use frame_support::{pallet_prelude::*, storage::with_storage_layer};
use sp_core::H256;

/// What became of one record of an import.
enum Outcome {
	/// Enrolled now (its event is the single call's).
	Enrolled,
	/// On chain already, by this act.
	Skipped(ActId),
}

impl<T: Config> Pallet<T> {
	/// The declared weight of an import: the persons as the benchmarked batch measures them —
	/// those named with parents apart from the others (a parent's record and index are read
	/// and written) and each in a month of its own (its statistics counters its own) — and
	/// each marriage as a single `enroll_marriage` (its worst case is the kinship search).
	pub fn archive_batch_weight(records: &[ArchiveRecord]) -> Weight {
		let (mut alone, mut with_parents, mut marriages) = (0u32, 0u32, 0u32);
		for record in records {
			match record {
				ArchiveRecord::Person { mother: None, father: None, .. } => {
					alone = alone.saturating_add(1)
				},
				ArchiveRecord::Person { .. } => with_parents = with_parents.saturating_add(1),
				ArchiveRecord::Marriage { .. } => marriages = marriages.saturating_add(1),
			}
		}
		T::WeightInfo::enroll_batch(alone, with_parents)
			.saturating_add(T::WeightInfo::enroll_marriage().saturating_mul(marriages.into()))
	}

	/// What an import did not do of what its declared weight assumed: every person in a month
	/// and district of its own, so with statistics counters of its own (one per level of the
	/// jurisdiction tree). Persons of the same month and district — an archive's registers
	/// are kept by date and place — share theirs, and each counter is read and written once.
	fn unused_statistics_weight(
		persons: u32,
		places: &BTreeSet<(YearMonth, JurisdictionId)>,
	) -> Weight {
		let levels = |j: &JurisdictionId| T::Jurisdictions::lineage(*j).len() as u64;
		let mut depths = BTreeMap::new();
		let written: u64 =
			places.iter().map(|(_, j)| *depths.entry(*j).or_insert_with(|| levels(j))).sum();
		let assumed = u64::from(persons).saturating_mul(u64::from(MAX_STATISTICS_LEVELS));
		T::DbWeight::get()
			.reads_writes(1, 1)
			.saturating_mul(assumed.saturating_sub(written))
	}

	/// `enroll_batch`; see the module documentation.
	pub(crate) fn do_enroll_batch(
		who: T::AccountId,
		records: BoundedVec<ArchiveRecord, T::MaxArchiveBatch>,
	) -> DispatchResultWithPostInfo {
		ensure!(!records.is_empty(), Error::<T>::EmptyBatch);
		let declared = Self::archive_batch_weight(&records);
		let persons = records.iter().filter(|r| matches!(r, ArchiveRecord::Person { .. })).count();
		// The month and district of each person enrolled: their statistics counters.
		let mut places = BTreeSet::new();
		// The signer's office, for the totals; each record's permission is checked as the
		// single call checks it.
		let office = T::Permissions::officer(&who).ok_or(Error::<T>::NotOfficer)?.office;
		let first = NextActId::<T>::get();
		let (mut enrolled, mut skipped, mut refused) = (0u32, 0u32, 0u32);
		for (index, record) in records.into_iter().enumerate() {
			let index = index as u32;
			let place = match &record {
				ArchiveRecord::Person { birth_date, jurisdiction, .. } => {
					Some((birth_date.year_month(), *jurisdiction))
				},
				ArchiveRecord::Marriage { .. } => None,
			};
			match with_storage_layer(|| Self::import_record(&who, record)) {
				Ok(Outcome::Enrolled) => {
					enrolled = enrolled.saturating_add(1);
					places.extend(place);
				},
				Ok(Outcome::Skipped(act)) => {
					skipped = skipped.saturating_add(1);
					Self::deposit_event(Event::ArchiveRecordSkipped { index, act });
				},
				Err(error) => {
					refused = refused.saturating_add(1);
					Self::deposit_event(Event::ArchiveRecordRefused { index, error });
				},
			}
		}
		if enrolled > 0 {
			ActsByOfficer::<T>::insert(&who, first, enrolled);
		}
		Self::deposit_event(Event::ArchiveBatchImported { office, enrolled, skipped, refused });
		let unused = Self::unused_statistics_weight(persons as u32, &places);
		Ok(Some(declared.saturating_sub(unused)).into())
	}

	/// One record: skipped if on chain already, else registered as the single call would.
	fn import_record(who: &T::AccountId, record: ArchiveRecord) -> Result<Outcome, DispatchError> {
		match record {
			ArchiveRecord::Person {
				jurisdiction,
				birth_date,
				identity_key,
				data_root,
				sex,
				mother,
				father,
				archive_reference,
			} => {
				if let Some(act) = Self::enrolled_person(&identity_key, &archive_reference) {
					return Ok(Outcome::Skipped(act));
				}
				let parents = Parents { mother, father };
				let request =
					EnrollmentDetails { person: None, parents, identity_key, data_root, sex };
				Self::register_act::<acts::Enrollment>(
					who.clone(),
					jurisdiction,
					birth_date,
					request,
					&[],
					archive_reference,
					Source::Archive,
				)
				.map(|_| Outcome::Enrolled)
			},
			ArchiveRecord::Marriage { jurisdiction, date, first, second, archive_reference } => {
				if let Some(act) = Self::enrolled_marriage(first, second, &archive_reference) {
					return Ok(Outcome::Skipped(act));
				}
				let spouses = Spouses { first, second };
				let request =
					MarriageDetails { spouses, basis: MarriageBasis::Archive, ended_by: None };
				Self::register_act::<acts::Marriage>(
					who.clone(),
					jurisdiction,
					date,
					request,
					&[],
					archive_reference,
					Source::Archive,
				)
				.map(|_| Outcome::Enrolled)
			},
		}
	}

	/// The enrollment that holds `identity_key` under `archive_reference`, if any.
	fn enrolled_person(identity_key: &H256, archive_reference: &H256) -> Option<ActId> {
		let person = T::Persons::by_identity(identity_key)?;
		let origin = T::Persons::person(person)?.origin_act;
		Acts::<T>::get(origin)
			.filter(|act| {
				act.kind() == ActKind::Enrollment && act.document_hash == *archive_reference
			})
			.map(|_| origin)
	}

	/// The archive marriage of `first` to `second` under `archive_reference`, if any.
	fn enrolled_marriage(
		first: PersonId,
		second: PersonId,
		archive_reference: &H256,
	) -> Option<ActId> {
		ActsOf::<T>::get(first).into_iter().find(|id| {
			Acts::<T>::get(id).is_some_and(|act| {
				act.document_hash == *archive_reference
					&& matches!(&act.details, ActDetails::Marriage(m)
						if m.basis == MarriageBasis::Archive && m.spouses.other(first) == Some(second))
			})
		})
	}

	/// `anchor_archive_batch`.
	pub(crate) fn do_anchor_archive_batch(
		who: T::AccountId,
		root: H256,
		count: u32,
		office: OfficeId,
		period: ArchivePeriod,
	) -> DispatchResult {
		let own = T::Permissions::officer(&who).ok_or(Error::<T>::NotOfficer)?;
		ensure!(own.office == office, Error::<T>::NotOwnOffice);
		// An office that may enroll holds an archive of paper records.
		T::Permissions::authorize(
			&who,
			ActKind::Enrollment,
			own.office_jurisdiction,
			Role::Registrar,
		)
		.map_err(Error::<T>::from)?;
		ensure!(count > 0, Error::<T>::EmptyAnchor);
		ensure!(
			period.from.is_valid() && period.to.is_valid() && period.from <= period.to,
			Error::<T>::InvalidPeriod
		);
		ensure!(period.to <= Self::today()?, Error::<T>::InvalidPeriod);
		ensure!(!ArchiveAnchors::<T>::contains_key(root), Error::<T>::AlreadyAnchored);
		ArchiveAnchors::<T>::insert(
			root,
			ArchiveAnchor {
				count,
				office,
				period,
				officer: who,
				anchored_at: frame_system::Pallet::<T>::block_number(),
			},
		);
		Self::deposit_event(Event::ArchiveAnchored { root, count, office, period });
		Ok(())
	}

	/// Whether `proof` proves record hash `record` at position `index` of the batch anchored
	/// as `root`; the anchor if it does. For the runtime API: at most 33 hashes, one read.
	pub fn verify_archive_record(
		root: H256,
		index: u32,
		record: H256,
		proof: Vec<H256>,
	) -> Result<ArchiveAnchor<T>, ArchiveProofError> {
		let anchor = ArchiveAnchors::<T>::get(root).ok_or(ArchiveProofError::UnknownRoot)?;
		verify_archive_proof(&root, anchor.count, index, &record, &proof)?;
		Ok(anchor)
	}
}
