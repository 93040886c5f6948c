//! Storage migrations.

use crate::*;
use alloc::vec::Vec;
use civil_registry_primitives::JurisdictionTree;
use frame_support::{
	migrations::VersionedMigration,
	traits::{Get, UncheckedOnRuntimeUpgrade},
	weights::Weight,
};

/// Version 1 → 2: [`Statistics`] counters are rolled up at write time. Version 1 kept one
/// counter per exact jurisdiction and summed districts at query time (a country-wide query
/// read every counter of every month); version 2 keeps, per jurisdiction, the acts in it and
/// below. The migration adds each version-1 counter to every ancestor of its jurisdiction.
///
/// One block: it reads every counter once and writes at most (depth) more per counter. Run
/// before the chain's national roll-up, the counters are a few thousand; a chain with more
/// would need a multi-block migration instead.
pub type RollUpStatistics<T> = VersionedMigration<
	1,
	2,
	UncheckedRollUpStatistics<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration without the version check; use [`RollUpStatistics`].
pub struct UncheckedRollUpStatistics<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedRollUpStatistics<T> {
	fn on_runtime_upgrade() -> Weight {
		let exact: Vec<_> = Statistics::<T>::iter().collect();
		let (mut reads, mut writes) = (exact.len() as u64, 0u64);
		for ((kind, month, jurisdiction), n) in exact {
			// The jurisdiction itself already holds `n`; its ancestors gain it.
			for ancestor in T::Jurisdictions::lineage(jurisdiction).into_iter().skip(1) {
				Statistics::<T>::mutate((kind, month, ancestor), |count| {
					*count = count.saturating_add(n)
				});
				reads = reads.saturating_add(2);
				writes = writes.saturating_add(1);
			}
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}
}

/// Version 2 → 3: [`AdoptionInEffect`] indexes each adoption in effect by its child, with the
/// parents it replaced, for the kinship check of marriages. Filled from the adoption acts in
/// effect. One block: it reads every act once (before the national roll-up, a few thousand).
pub type IndexAdoptions<T> = VersionedMigration<
	2,
	3,
	UncheckedIndexAdoptions<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration without the version check; use [`IndexAdoptions`].
pub struct UncheckedIndexAdoptions<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedIndexAdoptions<T> {
	fn on_runtime_upgrade() -> Weight {
		let (mut reads, mut writes) = (0u64, 0u64);
		for (id, act) in Acts::<T>::iter() {
			reads = reads.saturating_add(1);
			if act.status != ActStatus::Registered {
				continue;
			}
			if let (Some(replaced), Some(child)) =
				(act.details.replaced_parents(id), act.subjects.first())
			{
				AdoptionInEffect::<T>::insert(child, replaced);
				writes = writes.saturating_add(1);
			}
		}
		T::DbWeight::get().reads_writes(reads, writes)
	}
}

/// Version 3 → 4: acts record the law's new references — the court decision on a birth or a
/// paternity, the parents of an enrollment, how a marriage was registered (with the
/// exemption's district), a divorce's grounds, an adoption's decision, a change of name's
/// consent — and corrections may change parents; [`GoLive`] dates the chain's start. Every
/// act, every superseded version and every open proposal is re-encoded:
///
/// - a birth or a paternity: no court decision; an enrollment: no parents; a change of name:
///   no consent; a correction: parents unchanged (what version 3 could record);
/// - a marriage with an exemption: the exemption's district is recorded as the marriage's own
///   jurisdiction (version 3 did not name it); without one, `Ordinary`;
/// - a divorce: `MutualConsent` — version 3 registered every divorce without grounds, and
///   mutual consent is the one ground an office registered without a document reference;
/// - an adoption: its decision is the act's document hash, which version 3 documented as the
///   decision establishing the adoption;
/// - [`GoLive`], if unset, is today: the chain has been enrolling persons born up to today.
///
/// One block: it reads and writes every act, version and proposal once (before the national
/// roll-up, a few thousand).
pub type RecordLawReferences<T> = VersionedMigration<
	3,
	4,
	UncheckedRecordLawReferences<T>,
	Pallet<T>,
	<T as frame_system::Config>::DbWeight,
>;

/// The migration without the version check; use [`RecordLawReferences`].
pub struct UncheckedRecordLawReferences<T>(core::marker::PhantomData<T>);

impl<T: Config> UncheckedOnRuntimeUpgrade for UncheckedRecordLawReferences<T> {
	fn on_runtime_upgrade() -> Weight {
		let mut count = 0u64;
		Acts::<T>::translate::<v3::Act<T>, _>(|_, old| {
			count = count.saturating_add(1);
			Some(old.into_v4())
		});
		ActHistory::<T>::translate::<v3::SupersededVersion<T>, _>(|_, _, old| {
			count = count.saturating_add(1);
			Some(SupersededVersion {
				act: old.act.into_v4(),
				superseded_at: old.superseded_at,
				reason: old.reason,
				proposed_by: old.proposed_by,
				approved_by: old.approved_by,
			})
		});
		Proposals::<T>::translate::<v3::Proposal<T>, _>(|_, old| {
			count = count.saturating_add(1);
			Some(Proposal {
				act: old.act,
				proposer: old.proposer,
				office: old.office,
				proposed_at: old.proposed_at,
				expires_at: old.expires_at,
				change: match old.change {
					v3::ProposedChange::Amendment { document_hash, reason, correction } => {
						ProposedChange::Amendment {
							document_hash,
							reason,
							correction: Correction {
								event_date: correction.event_date,
								jurisdiction: correction.jurisdiction,
								sex: correction.sex,
								data_root: correction.data_root,
								parents: None,
							},
						}
					},
					v3::ProposedChange::Revocation { reason_hash } => {
						ProposedChange::Revocation { reason_hash }
					},
				},
			})
		});
		if !GoLive::<T>::exists() {
			if let Ok(today) = Pallet::<T>::today() {
				GoLive::<T>::put(today);
			}
		}
		T::DbWeight::get().reads_writes(count.saturating_add(2), count.saturating_add(1))
	}
}

/// The types of storage version 3, as they were encoded.
pub(crate) mod v3 {
	use crate::{ActStatus, AmendmentReason, Config, Exemption, MarriageBasis};
	use civil_registry_primitives::{
		ActId, ActKind, Date, JurisdictionId, OfficeId, PersonId, Sex,
	};
	use codec::{Decode, Encode};
	use frame_system::pallet_prelude::BlockNumberFor;
	use sp_core::H256;

	#[derive(Encode, Decode)]
	pub(crate) enum ActDetails {
		Birth {
			identity_key: H256,
			data_root: H256,
			sex: Sex,
			mother: Option<PersonId>,
			father: Option<PersonId>,
		},
		Enrollment {
			identity_key: H256,
			data_root: H256,
			sex: Sex,
			archive_reference: H256,
		},
		Death,
		Marriage {
			exemption: Option<H256>,
			ended_by: Option<ActId>,
		},
		Divorce {
			marriage: ActId,
		},
		Adoption {
			adoptive_mother: Option<PersonId>,
			adoptive_father: Option<PersonId>,
			previous_mother: Option<PersonId>,
			previous_father: Option<PersonId>,
			sealed: bool,
		},
		Paternity,
		NameChange {
			previous_root: H256,
			new_root: H256,
		},
	}

	#[derive(Encode, Decode)]
	pub(crate) struct Act<T: Config> {
		pub kind: ActKind,
		pub subjects: crate::Subjects,
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
		/// The act as version 4 records it.
		pub(super) fn into_v4(self) -> crate::Act<T> {
			use crate::ActDetails as New;
			let details = match self.details {
				ActDetails::Birth { identity_key, data_root, sex, mother, father } => New::Birth {
					identity_key,
					data_root,
					sex,
					mother,
					father,
					court_decision: None,
				},
				ActDetails::Enrollment { identity_key, data_root, sex, archive_reference } => {
					New::Enrollment {
						identity_key,
						data_root,
						sex,
						archive_reference,
						mother: None,
						father: None,
					}
				},
				ActDetails::Death => New::Death,
				ActDetails::Marriage { exemption, ended_by } => New::Marriage {
					basis: exemption.map_or(MarriageBasis::Ordinary, |decision| {
						MarriageBasis::Exemption(Exemption {
							district: self.jurisdiction,
							decision,
						})
					}),
					ended_by,
				},
				ActDetails::Divorce { marriage } => {
					New::Divorce { marriage, grounds: crate::DivorceGrounds::MutualConsent }
				},
				ActDetails::Adoption {
					adoptive_mother,
					adoptive_father,
					previous_mother,
					previous_father,
					sealed,
				} => New::Adoption {
					adoptive_mother,
					adoptive_father,
					previous_mother,
					previous_father,
					sealed,
					decision: self.document_hash,
				},
				ActDetails::Paternity => New::Paternity { court_decision: None },
				ActDetails::NameChange { previous_root, new_root } => {
					New::NameChange { previous_root, new_root, consent: None }
				},
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
	pub(super) struct SupersededVersion<T: Config> {
		pub act: Act<T>,
		pub superseded_at: BlockNumberFor<T>,
		pub reason: AmendmentReason,
		pub proposed_by: T::AccountId,
		pub approved_by: T::AccountId,
	}

	#[derive(Encode, Decode)]
	pub(super) struct Correction {
		pub event_date: Option<Date>,
		pub jurisdiction: Option<JurisdictionId>,
		pub sex: Option<Sex>,
		pub data_root: Option<H256>,
	}

	#[derive(Encode, Decode)]
	pub(super) enum ProposedChange {
		Amendment { document_hash: H256, reason: AmendmentReason, correction: Correction },
		Revocation { reason_hash: H256 },
	}

	#[derive(Encode, Decode)]
	pub(super) struct Proposal<T: Config> {
		pub act: ActId,
		pub proposer: T::AccountId,
		pub office: OfficeId,
		pub proposed_at: BlockNumberFor<T>,
		pub expires_at: BlockNumberFor<T>,
		pub change: ProposedChange,
	}
}
