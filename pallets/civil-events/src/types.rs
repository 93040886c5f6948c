//! Domain types of the civil events pallet.

use crate::Config;
use civil_registry_primitives::{
	ActId, ActKind, CancellationReason, Date, JurisdictionId, OfficeId, PersonId, Sex,
};

/// Identifier of a proposed amendment or revocation.
pub type ProposalId = u64;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::*, traits::ConstU32, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;

/// The persons an act concerns: at most three (a child and two parents).
pub type Subjects = BoundedVec<PersonId, ConstU32<3>>;

/// Where an act stands.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum ActStatus {
	/// Registered late (a birth more than a month after it, a death more than three days
	/// after it) and waiting for the approval of the head of the office. No effect on persons
	/// yet.
	Pending,
	/// In effect.
	Registered,
	/// Revoked with the approval of the regional level (see [`crate::Revocations`]): no
	/// longer in effect, its effects on persons undone. Final; the record stays.
	Revoked,
	/// A late registration nobody approved within [`crate::Config::PendingLifetime`] blocks.
	/// It never took effect; final, the record stays.
	Expired,
}

/// What is particular to each kind of act.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum ActDetails {
	/// A birth; the child is created when the act takes effect.
	Birth {
		/// Keyed hash of the child's national identifier.
		identity_key: H256,
		/// Root over the child's salted fields.
		data_root: H256,
		/// The child's sex.
		sex: Sex,
		/// The mother, if recorded.
		mother: Option<PersonId>,
		/// The father, if recorded.
		father: Option<PersonId>,
		/// Hash of the court decision that sets aside the presumption of the mother's
		/// husband's paternity, when the father recorded is not the presumed one.
		court_decision: Option<H256>,
	},
	/// An enrollment of a person whose birth was registered on paper before the chain's
	/// go-live date. The hash of the archive record's reference is the act's document hash.
	Enrollment {
		/// Keyed hash of the person's national identifier.
		identity_key: H256,
		/// Root over the person's salted fields.
		data_root: H256,
		/// The person's sex.
		sex: Sex,
		/// The mother, when she is on chain.
		mother: Option<PersonId>,
		/// The father, when he is on chain.
		father: Option<PersonId>,
	},
	/// A death.
	Death,
	/// A marriage.
	Marriage {
		/// How it was registered: on its day, with an exemption, or from the paper archive.
		basis: MarriageBasis,
		/// The act that ended it (a divorce or a death), if it ended.
		ended_by: Option<ActId>,
	},
	/// A divorce.
	Divorce {
		/// The marriage it ends.
		marriage: ActId,
		/// On what grounds a registry office registers it.
		grounds: DivorceGrounds,
	},
	/// An adoption.
	Adoption {
		/// The adoptive mother, if any.
		adoptive_mother: Option<PersonId>,
		/// The adoptive father, if any.
		adoptive_father: Option<PersonId>,
		/// The child's mother before the adoption.
		previous_mother: Option<PersonId>,
		/// The child's father before the adoption.
		previous_father: Option<PersonId>,
		/// Whether the original birth act was sealed.
		sealed: bool,
		/// Hash of the decision that establishes the adoption (a court's or a khokimiyat's).
		decision: H256,
	},
	/// An establishment of paternity.
	Paternity {
		/// Hash of the court decision establishing it, when a court did (needed when the
		/// child's father is presumed, or the father has died).
		court_decision: Option<H256>,
	},
	/// A change of name: the person's data root changes.
	NameChange {
		/// The data root before.
		previous_root: H256,
		/// The data root after.
		new_root: H256,
		/// Hash of the consent of the guardianship authority or of both parents, needed under
		/// the law's `name_change_age`.
		consent: Option<H256>,
	},
}

/// A district khokim's decision lowering the marriage age (Family Code, art. 15).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct Exemption {
	/// The district whose khokim decided; the marriage is registered within it.
	pub district: JurisdictionId,
	/// Hash of the decision.
	pub decision: H256,
}

/// How a marriage came onto the chain.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum MarriageBasis {
	/// Registered on its day by a registry office, both spouses of marriage age.
	Ordinary,
	/// Registered on its day with a khokim's decision lowering the marriage age: pending
	/// until a head of the office (not the registering officer) approves it.
	Exemption(Exemption),
	/// Enrolled from the paper archive: registered on paper before the chain's go-live date.
	/// The act's document hash is the hash of the paper record's reference.
	Archive,
}

/// The grounds on which a divorce is registered (Family Code; the article numbers are not
/// verified here). A registry office registers a divorce by mutual consent only when the
/// spouses have no common minor child; on one spouse's application when the other is declared
/// missing or incapable by a court or sentenced to imprisonment; otherwise only on a court's
/// decision.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum DivorceGrounds {
	/// Both spouses consent and have no common minor child.
	MutualConsent,
	/// The other spouse was declared missing by a court: the hash of that decision.
	SpouseMissing(H256),
	/// The other spouse was declared incapable by a court: the hash of that decision.
	SpouseIncapable(H256),
	/// The other spouse was sentenced to imprisonment: the hash of the sentence.
	SpouseSentenced(H256),
	/// A court dissolved the marriage: the hash of the decision.
	CourtDecision(H256),
}

impl DivorceGrounds {
	/// Whether the grounds need the spouses to have no common minor child.
	pub fn needs_no_minor_children(&self) -> bool {
		matches!(self, DivorceGrounds::MutualConsent)
	}
}

impl ActDetails {
	/// The identity key of the person a birth or an enrollment creates.
	pub fn identity_key(&self) -> Option<&H256> {
		match self {
			ActDetails::Birth { identity_key, .. }
			| ActDetails::Enrollment { identity_key, .. } => Some(identity_key),
			_ => None,
		}
	}

	/// The parents (mother, father) a birth or an enrollment records; none for other acts.
	pub fn parents(&self) -> (Option<PersonId>, Option<PersonId>) {
		match *self {
			ActDetails::Birth { mother, father, .. }
			| ActDetails::Enrollment { mother, father, .. } => (mother, father),
			_ => (None, None),
		}
	}

	/// For an adoption (act `act`): the parents it replaces — a slot it fills with an adoptive
	/// parent gives up the previous one; a slot it leaves keeps its parent (`None` here).
	pub fn replaced_parents(&self, act: ActId) -> Option<ReplacedParents> {
		match *self {
			ActDetails::Adoption {
				adoptive_mother,
				adoptive_father,
				previous_mother,
				previous_father,
				..
			} => Some(ReplacedParents {
				act,
				mother: adoptive_mother.and(previous_mother),
				father: adoptive_father.and(previous_father),
			}),
			_ => None,
		}
	}

	/// The kind of act these details belong to.
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

/// An act of civil status as the chain keeps it. Nothing in it names a person.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Act<T: Config> {
	/// What kind of act it is.
	pub kind: ActKind,
	/// The persons it concerns (for a birth: the child first, once it exists, then the
	/// parents; for a marriage or divorce: both spouses; for an adoption: the child, then the
	/// adoptive parents; for a paternity: the child, then the father).
	pub subjects: Subjects,
	/// The office that registered it.
	pub office: OfficeId,
	/// The officer that signed it.
	pub officer: T::AccountId,
	/// The jurisdiction it was registered in (for a birth: the place of birth).
	pub jurisdiction: JurisdictionId,
	/// The date of the event (the birth, the death, the wedding, ...).
	pub event_date: Date,
	/// The block it was registered in.
	pub registered_at: BlockNumberFor<T>,
	/// Hash of the signed paper or PDF act kept by the office.
	pub document_hash: H256,
	/// Version: 1 when registered; corrections add one.
	pub version: u32,
	/// Pending or registered.
	pub status: ActStatus,
	/// Whether it was registered after the legal deadline.
	pub late: bool,
	/// Sealed by an adoption: public queries do not return it.
	pub sealed: bool,
	/// What is particular to its kind.
	pub details: ActDetails,
}

/// Why an act is corrected: the registry's classification of corrections.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum AmendmentReason {
	/// A clerical error of the office when the act was drawn up.
	ClericalError,
	/// A court decision establishing different facts.
	CourtDecision,
	/// A decision of a state body (e.g. the determination of a date of birth).
	AdministrativeDecision,
	/// Documents produced later by the person concerned.
	NewEvidence,
}

/// What a correction changes; a field left `None` keeps its value. The new version of the act
/// is checked against every law rule, with every other act of the persons concerned.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	Default,
)]
pub struct Correction {
	/// The corrected date of the event (for a birth or an enrollment: the date of birth).
	pub event_date: Option<Date>,
	/// The corrected jurisdiction (for a birth or an enrollment: the place of birth).
	pub jurisdiction: Option<JurisdictionId>,
	/// The corrected sex of the person a birth or an enrollment created.
	pub sex: Option<Sex>,
	/// The corrected data root: of the person a birth or an enrollment created, or the new root
	/// of a change of name.
	pub data_root: Option<H256>,
	/// The corrected parents (mother, father) of the person a birth or an enrollment created;
	/// only on a court decision ([`AmendmentReason::CourtDecision`]).
	pub parents: Option<(Option<PersonId>, Option<PersonId>)>,
}

impl Correction {
	/// Whether it changes who a person is or descends from: parents, sex or a data root (the
	/// person's identifying data). Approved only at the regional level.
	pub fn changes_identity(&self) -> bool {
		self.parents.is_some() || self.sex.is_some() || self.data_root.is_some()
	}
}

/// What a proposal would do to its act.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum ProposedChange {
	/// Correct the act: a new version with a new document.
	Amendment {
		/// Hash of the corrected paper or PDF act.
		document_hash: H256,
		/// Why.
		reason: AmendmentReason,
		/// What changes.
		correction: Correction,
	},
	/// Revoke the act.
	Revocation {
		/// Hash of the document stating the reason (e.g. the finding of fraud).
		reason_hash: H256,
	},
}

/// An amendment or revocation waiting for a second officer.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Proposal<T: Config> {
	/// The act it concerns.
	pub act: ActId,
	/// The officer who proposed it.
	pub proposer: T::AccountId,
	/// The proposer's office when it proposed (its open proposals are counted against it).
	pub office: OfficeId,
	/// The block it was proposed in.
	pub proposed_at: BlockNumberFor<T>,
	/// The block at whose start it expires if nobody decided it.
	pub expires_at: BlockNumberFor<T>,
	/// What it would do.
	pub change: ProposedChange,
}

/// A version of an act that an amendment replaced, with who replaced it and why.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct SupersededVersion<T: Config> {
	/// The act as it stood in this version.
	pub act: Act<T>,
	/// The block in which the next version replaced it.
	pub superseded_at: BlockNumberFor<T>,
	/// Why it was corrected.
	pub reason: AmendmentReason,
	/// The officer who proposed the correction.
	pub proposed_by: T::AccountId,
	/// The head who approved it.
	pub approved_by: T::AccountId,
}

/// How an act was revoked.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Revocation<T: Config> {
	/// Hash of the document stating the reason.
	pub reason_hash: H256,
	/// The officer who proposed it.
	pub proposed_by: T::AccountId,
	/// The regional head who approved it; `None` when governance did.
	pub approved_by: Option<T::AccountId>,
	/// The block it took effect in.
	pub revoked_at: BlockNumberFor<T>,
}

/// A certificate (the paper or PDF extract a person carries), known by its hash.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Certificate<T: Config> {
	/// The act it attests.
	pub act: ActId,
	/// The act's version it states.
	pub version: u32,
	/// Whether the act was sealed when it was issued. Certificates issued before a sealing are
	/// hidden from verification: they name the original parents.
	pub sealed: bool,
	/// The office that issued it.
	pub office: OfficeId,
	/// The officer that issued it.
	pub issued_by: T::AccountId,
	/// The block it was issued in.
	pub issued_at: BlockNumberFor<T>,
}

/// Why, by whom and when the issuing office cancelled a certificate.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Cancellation<T: Config> {
	/// Lost, stolen, or issued in error.
	pub reason: CancellationReason,
	/// The head that cancelled it; `None` when governance did.
	pub by: Option<T::AccountId>,
	/// The block it was cancelled in.
	pub at: BlockNumberFor<T>,
}

/// The adoption in effect of a child and the parents it replaced (a parent slot the adoption
/// left to the recorded parent is `None`). The runtime's kinship check reads it; the runtime
/// API never returns it.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ReplacedParents {
	/// The adoption.
	pub act: ActId,
	/// The mother it replaced.
	pub mother: Option<PersonId>,
	/// The father it replaced.
	pub father: Option<PersonId>,
}

/// One record of an archive import ([`crate::Pallet::enroll_batch`]): what
/// `enroll_person` or `enroll_marriage` takes, as one item.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum ArchiveRecord {
	/// A person born before the go-live date, as `enroll_person` takes them.
	Person {
		/// The place of birth.
		jurisdiction: JurisdictionId,
		/// The date of birth.
		birth_date: Date,
		/// Keyed hash of the person's national identifier: what makes a re-run skip them.
		identity_key: H256,
		/// Root over the person's salted fields.
		data_root: H256,
		/// The person's sex.
		sex: Sex,
		/// The mother, when she is on chain.
		mother: Option<PersonId>,
		/// The father, when he is on chain.
		father: Option<PersonId>,
		/// Hash of the reference of the paper record in the archive.
		archive_reference: H256,
	},
	/// A marriage registered on paper before the go-live date, as `enroll_marriage` takes it.
	Marriage {
		/// Where it was registered.
		jurisdiction: JurisdictionId,
		/// The date of the marriage.
		date: Date,
		/// One spouse.
		first: PersonId,
		/// The other spouse.
		second: PersonId,
		/// Hash of the reference of the paper record in the archive: with the spouses, what
		/// makes a re-run skip it.
		archive_reference: H256,
	},
}

/// The dates a batch of anchored archive records covers.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub struct ArchivePeriod {
	/// The earliest record's date.
	pub from: Date,
	/// The latest record's date.
	pub to: Date,
}

/// A batch of paper records anchored by its Merkle root ([`crate::ArchiveAnchors`]).
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct ArchiveAnchor<T: Config> {
	/// How many records the tree holds.
	pub count: u32,
	/// The office whose archive holds them.
	pub office: OfficeId,
	/// The dates they cover.
	pub period: ArchivePeriod,
	/// The officer who anchored them.
	pub officer: T::AccountId,
	/// The block they were anchored in.
	pub anchored_at: BlockNumberFor<T>,
}
