//! Domain types of the civil events pallet.

use crate::Config;
use civil_registry_primitives::{
	ActId, ActKind, CancellationReason, Date, JurisdictionId, OfficeId, PersonId,
	PublicApplicationStatus, PublicRefusal, Sex,
};
pub use civil_registry_primitives::{NotificationId, OverdueNotification};

/// Identifier of a proposed amendment or revocation.
pub type ProposalId = u64;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::*, traits::ConstU32, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_core::H256;

/// The persons an act concerns: at most three (a child and two parents), derived from its
/// details ([`ActDetails::subjects`]).
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

/// The mother and the father of a child, as far as they are recorded.
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
pub struct Parents {
	/// The mother, if recorded.
	pub mother: Option<PersonId>,
	/// The father, if recorded.
	pub father: Option<PersonId>,
}

impl Parents {
	/// Both, mother first, those recorded.
	pub fn iter(&self) -> impl Iterator<Item = PersonId> {
		self.mother.into_iter().chain(self.father)
	}

	/// Whether `person` is one of them.
	pub fn contains(&self, person: PersonId) -> bool {
		self.mother == Some(person) || self.father == Some(person)
	}
}

/// The two spouses of a marriage (and of the divorce that ends it), in the act's order.
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
pub struct Spouses {
	/// The first spouse named.
	pub first: PersonId,
	/// The second spouse named.
	pub second: PersonId,
}

impl Spouses {
	/// Both spouses.
	pub fn both(&self) -> [PersonId; 2] {
		[self.first, self.second]
	}

	/// The spouse of `person`, if `person` is one of them.
	pub fn other(&self, person: PersonId) -> Option<PersonId> {
		if self.first == person {
			Some(self.second)
		} else if self.second == person {
			Some(self.first)
		} else {
			None
		}
	}
}

/// A birth.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct BirthDetails {
	/// The child, created when the act takes effect: `None` while the act is pending, or if it
	/// expired.
	pub child: Option<PersonId>,
	/// The parents recorded.
	pub parents: Parents,
	/// Keyed hash of the child's national identifier.
	pub identity_key: H256,
	/// Root over the child's salted fields.
	pub data_root: H256,
	/// The child's sex.
	pub sex: Sex,
	/// Hash of the court decision that sets aside the presumption of the mother's husband's
	/// paternity, when the father recorded is not the presumed one.
	pub court_decision: Option<H256>,
}

/// An enrollment of a person whose birth was registered on paper before the chain's go-live
/// date. The hash of the archive record's reference is the act's document hash.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct EnrollmentDetails {
	/// The person, created when the act takes effect (`None` only before).
	pub person: Option<PersonId>,
	/// The parents, when they are on chain.
	pub parents: Parents,
	/// Keyed hash of the person's national identifier.
	pub identity_key: H256,
	/// Root over the person's salted fields.
	pub data_root: H256,
	/// The person's sex.
	pub sex: Sex,
}

/// A death.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct DeathDetails {
	/// The deceased.
	pub person: PersonId,
}

/// A marriage.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct MarriageDetails {
	/// The spouses.
	pub spouses: Spouses,
	/// How it was registered: on its day, with an exemption, or from the paper archive.
	pub basis: MarriageBasis,
	/// The act that ended it (a divorce or a death), if it ended.
	pub ended_by: Option<ActId>,
}

/// A divorce.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct DivorceDetails {
	/// The marriage it ends.
	pub marriage: ActId,
	/// The spouses of that marriage.
	pub spouses: Spouses,
	/// On what grounds a registry office registers it.
	pub grounds: DivorceGrounds,
}

/// An adoption.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct AdoptionDetails {
	/// The child adopted.
	pub child: PersonId,
	/// The child's parents once the adoption takes effect: the adoptive parents (at least
	/// one), and in a step-parent's adoption the parent married to the adopter, who stays. A
	/// single adopter who is not a step-parent takes the child alone: the other slot is empty.
	pub parents: Parents,
	/// The child's parents before the adoption (hidden from the public when `sealed`).
	pub previous: Parents,
	/// Whether the original birth act was sealed.
	pub sealed: bool,
	/// Hash of the decision that establishes the adoption (a court's or a khokimiyat's).
	pub decision: H256,
}

/// What the decision establishing an adoption says beyond who adopts whom (the Code's articles
/// on the age gap and on the legal effects of adoption; numbers not verified here). Both
/// default to `false`: the law's general rule.
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
pub struct AdoptionTerms {
	/// The decision keeps the other parent's rights (at that parent's request, or, for a parent
	/// who has died, at that parent's own parents'): a single adopter takes the child *with*
	/// the other parent, who stays its parent although not married to the adopter.
	pub keeps_other_parent: bool,
	/// The decision shortened the age gap between an unmarried adopter and the child, for
	/// reasons the court found valid: the gap is not checked.
	pub shortens_age_gap: bool,
}

impl AdoptionDetails {
	/// The adoptive parents: who takes a slot another parent (or no one) held before.
	pub fn adoptive(&self) -> Parents {
		let changed =
			|after: Option<PersonId>, before: Option<PersonId>| after.filter(|_| after != before);
		Parents {
			mother: changed(self.parents.mother, self.previous.mother),
			father: changed(self.parents.father, self.previous.father),
		}
	}

	/// The parents it replaces (the adoptive parent's predecessor, and the other parent a
	/// single adopter's adoption ends): whoever held a slot before and does not after.
	pub fn replaced(&self) -> Parents {
		let ended =
			|before: Option<PersonId>, after: Option<PersonId>| before.filter(|_| before != after);
		Parents {
			mother: ended(self.previous.mother, self.parents.mother),
			father: ended(self.previous.father, self.parents.father),
		}
	}
}

/// An establishment of paternity.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct PaternityDetails {
	/// The child.
	pub child: PersonId,
	/// The father established.
	pub father: PersonId,
	/// Hash of the court decision establishing it, when a court did (needed when the child's
	/// father is presumed, or the father has died).
	pub court_decision: Option<H256>,
}

/// A change of name: the person's data root changes.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub struct NameChangeDetails {
	/// The person renamed.
	pub person: PersonId,
	/// The data root before.
	pub previous_root: H256,
	/// The data root after.
	pub new_root: H256,
	/// Hash of the consent of the guardianship authority or of both parents, needed under the
	/// law's `name_change_age`.
	pub consent: Option<H256>,
}

/// What is particular to each kind of act, the persons it concerns included: the variant is
/// the act's kind.
#[derive(
	Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug,
)]
pub enum ActDetails {
	/// A birth; the child is created when the act takes effect.
	Birth(BirthDetails),
	/// An enrollment from the paper archive of a person born before the go-live date.
	Enrollment(EnrollmentDetails),
	/// A death.
	Death(DeathDetails),
	/// A marriage.
	Marriage(MarriageDetails),
	/// A divorce.
	Divorce(DivorceDetails),
	/// An adoption.
	Adoption(AdoptionDetails),
	/// An establishment of paternity.
	Paternity(PaternityDetails),
	/// A change of name.
	NameChange(NameChangeDetails),
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
			ActDetails::Birth(BirthDetails { identity_key, .. })
			| ActDetails::Enrollment(EnrollmentDetails { identity_key, .. }) => Some(identity_key),
			_ => None,
		}
	}

	/// The parents a birth or an enrollment records; none for other acts.
	pub fn parents(&self) -> Parents {
		match self {
			ActDetails::Birth(BirthDetails { parents, .. })
			| ActDetails::Enrollment(EnrollmentDetails { parents, .. }) => *parents,
			_ => Parents::default(),
		}
	}

	/// The person a birth or an enrollment created, once it took effect: their record names
	/// the act (`origin_act`), [`crate::ActsOf`] does not.
	pub fn created(&self) -> Option<PersonId> {
		match self {
			ActDetails::Birth(BirthDetails { child, .. }) => *child,
			ActDetails::Enrollment(EnrollmentDetails { person, .. }) => *person,
			_ => None,
		}
	}

	/// The kind of act these details belong to.
	pub fn kind(&self) -> ActKind {
		match self {
			ActDetails::Birth(_) => ActKind::Birth,
			ActDetails::Enrollment(_) => ActKind::Enrollment,
			ActDetails::Death(_) => ActKind::Death,
			ActDetails::Marriage(_) => ActKind::Marriage,
			ActDetails::Divorce(_) => ActKind::Divorce,
			ActDetails::Adoption(_) => ActKind::Adoption,
			ActDetails::Paternity(_) => ActKind::Paternity,
			ActDetails::NameChange(_) => ActKind::NameChange,
		}
	}

	/// The persons it concerns: for a birth or an enrollment, the person it created (once it
	/// did) then the parents; for a marriage or a divorce, both spouses; for an adoption, the
	/// child then the adoptive parents; for a paternity, the child then the father; otherwise
	/// the one person.
	pub fn subjects(&self) -> Subjects {
		let persons: [Option<PersonId>; 3] = match self {
			ActDetails::Birth(d) => [d.child, d.parents.mother, d.parents.father],
			ActDetails::Enrollment(d) => [d.person, d.parents.mother, d.parents.father],
			ActDetails::Death(d) => [Some(d.person), None, None],
			ActDetails::Marriage(MarriageDetails { spouses, .. })
			| ActDetails::Divorce(DivorceDetails { spouses, .. }) => {
				[Some(spouses.first), Some(spouses.second), None]
			},
			ActDetails::Adoption(d) => {
				let adoptive = d.adoptive();
				[Some(d.child), adoptive.mother, adoptive.father]
			},
			ActDetails::Paternity(d) => [Some(d.child), Some(d.father), None],
			ActDetails::NameChange(d) => [Some(d.person), None, None],
		};
		// At most three: the bound of `Subjects`.
		Subjects::truncate_from(persons.into_iter().flatten().collect())
	}

	/// The subjects whose index of acts ([`crate::ActsOf`]) lists the act: all but the person
	/// a birth or an enrollment created.
	pub fn indexed_subjects(&self) -> Subjects {
		let mut subjects = self.subjects();
		if let Some(created) = self.created() {
			subjects.retain(|p| *p != created);
		}
		subjects
	}
}

/// An act of civil status as the chain keeps it. Nothing in it names a person. Its kind and
/// the persons it concerns are its details' ([`Act::kind`], [`Act::subjects`]).
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Act<T: Config> {
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
	/// What is particular to its kind, the persons it concerns included.
	pub details: ActDetails,
}

impl<T: Config> Act<T> {
	/// What kind of act it is.
	pub fn kind(&self) -> ActKind {
		self.details.kind()
	}

	/// The persons it concerns ([`ActDetails::subjects`]).
	pub fn subjects(&self) -> Subjects {
		self.details.subjects()
	}
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
	/// Revoke a marriage a court declared invalid: a revocation that keeps the date, for the
	/// presumption of paternity ([`Annulment`]).
	Annulment {
		/// Hash of the court's decision.
		decision: H256,
		/// The day the decision took effect.
		date: Date,
	},
}

/// The surname a person takes with an act — at marriage (a spouse's, or the two joined), at
/// divorce (the premarital one back), at adoption (the adopter's): the call gives the person's
/// new data root, computed off chain with the new surname, as a change of name does
/// (`features/surnames.rs`).
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
pub struct SurnameChoice {
	/// Who takes the surname: a spouse of the marriage or divorce, the adopted child.
	pub person: PersonId,
	/// Their data root with it.
	pub data_root: H256,
}

/// The surnames chosen with one act: at most one per person, two persons at most (the spouses).
pub type SurnameChoices = BoundedVec<SurnameChoice, ConstU32<2>>;

/// A surname an act gave a person, as [`Surnames`] keeps it: the data root before and after.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct SurnameChange {
	/// The person.
	pub person: PersonId,
	/// Their data root when the act took effect (while it waits for approval: when it was
	/// registered).
	pub previous_root: H256,
	/// Their data root with the surname chosen.
	pub new_root: H256,
}

/// A court's declaration that a person is legally incapable, as the registry recorded it: a bar
/// to marriage until a decision restores capacity (`features/capacity.rs`).
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct Incapacity {
	/// Hash of the court's decision.
	pub decision: H256,
	/// The day it took effect.
	pub since: Date,
}

/// A marriage a court declared invalid: revoked like an act registered in error, but the
/// children born in it or within the presumption's period after the decision keep its
/// husband as their presumed father (the Code's article on the effects of an invalid marriage;
/// number not verified here).
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct Annulment {
	/// Hash of the court's decision.
	pub decision: H256,
	/// The day the decision took effect.
	pub date: Date,
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

/// The adoption in effect of a child (the latest, when a step-parent or the adopter of an
/// orphaned adoptee adopted again) and the child's birth parents: its parents before its first
/// adoption in effect, in every slot — a parent a step-parent's adoption left in place too.
/// The runtime's kinship check reads it; the public runtime API never returns it (the office
/// read API does, with a stated legal basis: `office_birthParents`).
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ReplacedParents {
	/// The adoption.
	pub act: ActId,
	/// The birth mother.
	pub mother: Option<PersonId>,
	/// The birth father.
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

/// The mother of a notified birth, as the facility knows her.
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
pub enum NotifiedMother {
	/// A person on chain.
	Person(PersonId),
	/// Her identity key (the keyed hash of her national identifier), when the facility does
	/// not know her person id: the birth registered from the notification names, as its
	/// mother, the person with this key.
	IdentityKey(H256),
}

/// What a health facility notifies.
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
pub enum NotifiedEvent {
	/// A birth in the facility.
	Birth {
		/// The day of birth.
		date: Date,
		/// The child's sex.
		sex: Sex,
		/// The mother.
		mother: NotifiedMother,
		/// Hash of the medical birth record (the facility keeps the record).
		record_hash: H256,
	},
	/// A death the facility certified.
	Death {
		/// The day of death.
		date: Date,
		/// The person who died.
		person: PersonId,
		/// Hash of the medical certificate of death.
		certificate_hash: H256,
	},
}

impl NotifiedEvent {
	/// The kind of act that registers it.
	pub fn kind(&self) -> ActKind {
		match self {
			NotifiedEvent::Birth { .. } => ActKind::Birth,
			NotifiedEvent::Death { .. } => ActKind::Death,
		}
	}

	/// The day of the event.
	pub fn date(&self) -> Date {
		match self {
			NotifiedEvent::Birth { date, .. } | NotifiedEvent::Death { date, .. } => *date,
		}
	}
}

/// Where a notification stands.
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
pub enum NotificationStatus {
	/// No act registers it yet (or the one that did was revoked, or expired unapproved).
	Open,
	/// The act registered from it (in effect, or waiting for a late registration's approval).
	Registered(ActId),
	/// Withdrawn by its facility (notified in error).
	Withdrawn,
}

/// A health facility's notification of a birth or a death ([`crate::Notifications`]). It never
/// becomes an act by itself: an office registers the act from it.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Notification<T: Config> {
	/// The facility (an office of kind `HealthFacility`).
	pub facility: OfficeId,
	/// Its staff member who signed it.
	pub notifier: T::AccountId,
	/// The district of the facility: where the event took place.
	pub jurisdiction: JurisdictionId,
	/// What it notifies.
	pub event: NotifiedEvent,
	/// The day it was notified.
	pub notified_on: Date,
	/// Where it stands.
	pub status: NotificationStatus,
}

/// Identifier of a citizen's application to a registry office.
pub type ApplicationId = u64;

/// What a citizen applies for.
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
pub enum ApplicationKind {
	/// A marriage: the two persons apply together; the marriage registers after the waiting
	/// period (Family Code, art. 13).
	Marriage,
	/// The registration of a birth.
	BirthRegistration,
	/// A certificate issued again (lost, damaged).
	CertificateReissue,
	/// A change of name.
	NameChange,
}

impl ApplicationKind {
	/// The kind of act an application of this kind ends in.
	pub fn act_kind(&self) -> Option<ActKind> {
		match self {
			ApplicationKind::Marriage => Some(ActKind::Marriage),
			ApplicationKind::BirthRegistration => Some(ActKind::Birth),
			ApplicationKind::NameChange => Some(ActKind::NameChange),
			// A reissue names the act whose certificate it issues, of any kind.
			ApplicationKind::CertificateReissue => None,
		}
	}
}

/// Why an office refused an application: a code the portal words in the citizen's language.
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
pub enum RefusalReason {
	/// Documents missing or incomplete.
	IncompleteDocuments,
	/// The law bars the act (for a marriage: an impediment of art. 16).
	LegalImpediment,
	/// The applicants withdrew the application, or did not come.
	Withdrawn,
	/// Another office serves the application.
	WrongOffice,
	/// The applicant is not entitled to it (a certificate asked by someone it does not
	/// concern).
	NotEntitled,
}

/// Where an application stands: what the citizen sees on the portal.
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
pub enum ApplicationStatus {
	/// Received by the office.
	Received,
	/// Its documents checked and accepted.
	Accepted,
	/// Waiting: for a marriage, its waiting period; otherwise for a document or a decision.
	Waiting,
	/// Done: the act registered (or, for a reissue, the act whose certificate was issued).
	Registered(ActId),
	/// Refused, with the reason.
	Refused(RefusalReason),
}

impl ApplicationStatus {
	/// Whether nothing changes it any more.
	pub fn is_final(&self) -> bool {
		matches!(self, ApplicationStatus::Registered(_) | ApplicationStatus::Refused(_))
	}
}

/// The reasons the law names for registering a marriage before its waiting period is over
/// (Family Code, art. 13: valid reasons; in special circumstances, the day of the application).
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
pub enum ShorteningReason {
	/// The bride's pregnancy.
	Pregnancy,
	/// The birth of the couple's child.
	BirthOfChild,
	/// A minor applicant declared fully capable (emancipation).
	Emancipation,
	/// A direct threat to the life of one of the applicants (a serious illness).
	ThreatToLife,
}

/// A head's decision shortening a marriage application's waiting period.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Shortening<T: Config> {
	/// The reason the law names.
	pub reason: ShorteningReason,
	/// The head who decided.
	pub head: T::AccountId,
	/// Hash of the paper the reason rests on (a medical certificate, a decision).
	pub evidence_hash: H256,
}

/// A citizen's application to a registry office ([`crate::Applications`]). No personal data
/// but the persons it concerns (a marriage's two applicants); the citizen follows it by a
/// tracking code whose hash only is on chain.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Application<T: Config> {
	/// The office that received it.
	pub office: OfficeId,
	/// What it applies for.
	pub kind: ApplicationKind,
	/// The hash (BLAKE2-256) of its tracking code.
	pub tracking: H256,
	/// The persons it concerns: a marriage's two applicants; none for the other kinds.
	pub parties: BoundedVec<PersonId, ConstU32<2>>,
	/// The day it was received.
	pub received_on: Date,
	/// For a marriage, the first day it may be registered: the end of the waiting period, or
	/// the day a head's shortening set.
	pub earliest: Option<Date>,
	/// A head's shortening of the waiting period.
	pub shortened: Option<Shortening<T>>,
	/// Where it stands.
	pub status: ApplicationStatus,
	/// The day its status last changed.
	pub updated_on: Date,
}

impl ApplicationStatus {
	/// What the public side answers of it.
	pub fn public(self) -> PublicApplicationStatus {
		let status = self;
		match status {
			ApplicationStatus::Received => PublicApplicationStatus::Received,
			ApplicationStatus::Accepted => PublicApplicationStatus::Accepted,
			ApplicationStatus::Waiting => PublicApplicationStatus::Waiting,
			ApplicationStatus::Registered(_) => PublicApplicationStatus::Registered,
			ApplicationStatus::Refused(reason) => PublicApplicationStatus::Refused(match reason {
				RefusalReason::IncompleteDocuments => PublicRefusal::IncompleteDocuments,
				RefusalReason::LegalImpediment => PublicRefusal::LegalImpediment,
				RefusalReason::Withdrawn => PublicRefusal::Withdrawn,
				RefusalReason::WrongOffice => PublicRefusal::WrongOffice,
				RefusalReason::NotEntitled => PublicRefusal::NotEntitled,
			}),
		}
	}
}
