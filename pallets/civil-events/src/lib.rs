//! # Civil events pallet
//!
//! Acts of civil status, with the law enforced by the runtime.
//!
//! ## Overview
//!
//! Every act a registry office performs is a call of this pallet, signed by an officer whom
//! `pallet-offices` allows to register that kind of act in that jurisdiction (asked through
//! [`Config::Permissions`]). The pallet checks the rules of the Family Code of Uzbekistan that
//! concern the act, stores the act — kind, subjects, office, officer, event date, block,
//! document hash, version, status — indexes it per person ([`ActsOf`]) and changes the persons
//! concerned (through [`Config::Persons`]) in the same block. No name and no national number
//! reaches the chain: persons are opaque ids, documents are hashes.
//!
//! ## Terminology
//!
//! - **Act**: a registered birth, death, marriage, divorce, adoption, establishment of
//!   paternity, change of name, or enrollment of a person from the paper archive.
//! - **Late registration**: a birth registered more than one month after it happened, or a
//!   death more than three days after. It is stored as `Pending`, with no effect on persons,
//!   until a head of the office approves it ([`Pallet::approve_late_registration`]); the rules
//!   are checked again then.
//! - **Enrollment**: how a person born before the chain existed enters it, with a hash of the
//!   archive reference; without it no existing citizen could marry or die on chain.
//!
//! ## Interface
//!
//! ### Registrars and heads (signed; permission from `pallet-offices`)
//! - [`Pallet::register_birth`], [`Pallet::register_death`], [`Pallet::register_marriage`],
//!   [`Pallet::register_divorce`], [`Pallet::register_adoption`],
//!   [`Pallet::register_paternity`], [`Pallet::register_name_change`],
//!   [`Pallet::enroll_person`]
//!
//! ### Heads of office
//! - [`Pallet::approve_late_registration`]
//!
//! ### Record lifecycle
//! - Corrections, four eyes: [`Pallet::propose_amendment`] by an officer of the registering
//!   office; [`Pallet::approve_amendment`] / [`Pallet::reject_amendment`] by a different officer
//!   who heads that office or the regional department above it. On approval the act gets a new
//!   version (the old one stays in [`ActHistory`]), the persons change, and every act in effect
//!   of those persons is checked against the law again.
//! - Revocations: [`Pallet::propose_revocation`]; [`Pallet::approve_revocation`] /
//!   [`Pallet::reject_revocation`] by a regional head or [`Config::RevocationOrigin`]. The
//!   act's effects are undone; acts resting on it are reported for review.
//! - Proposals are one per act and expire after [`Config::ProposalLifetime`] blocks.
//! - Certificates: [`Pallet::issue_certificate`]; anyone checks one with
//!   [`Pallet::verify_certificate`] (runtime API): valid, superseded or revoked.
//! - Compromised keys: [`Pallet::acts_under_review`] lists the acts a compromised key signed.
//! - Vital statistics: [`Statistics`] per kind, month and jurisdiction, rolled up by
//!   [`Pallet::statistics`] (runtime API).
//!
//! ## Law rules (each a typed [`Error`])
//!
//! Dates are real calendar dates, never after the current block's date. Birth: parents exist,
//! the mother is female and the father male, both older than the child, the mother alive at
//! the birth, the father alive or dead at most 300 days before it; one person per identity
//! key. Death: the person is alive; not before the birth nor before any other act of their
//! life; an active marriage ends and the survivor is widowed. Marriage: two distinct living
//! unmarried persons, at least 18 on the date (17 with the hash of a khokim's exemption
//! decision), not parent and child nor siblings as recorded, not dated before the end of
//! either's last marriage. Divorce: of an active marriage, not before it. Adoption: a living
//! child; at least one adoptive parent, each alive, adult and older than the child; may seal
//! the original birth act. Paternity: a living child with no recorded father; the father
//! alive, male and older. Name change: alive and at least 16. No act for a deceased person.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod features;
#[cfg(any(feature = "try-runtime", feature = "std"))]
mod try_state;
mod types;
mod views;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use types::*;
pub use weights::WeightInfo;

/// The age from which one may marry (Family Code, art. 15, as amended in 2019).
pub const MARRIAGE_AGE: u16 = 18;
/// The marriage age with a recorded exemption decision of the district khokim.
pub const EXEMPT_MARRIAGE_AGE: u16 = 17;
/// The age from which one may change one's name.
pub const NAME_CHANGE_AGE: u16 = 16;
/// The age of an adult (adoptive parents must be adults).
pub const ADULT_AGE: u16 = 18;
/// A child born up to this many days after the father's death is still his.
pub const FATHER_GRACE_DAYS: i64 = 300;
/// A birth is to be registered within this many months.
pub const BIRTH_DEADLINE_MONTHS: u32 = 1;
/// A death is to be registered within this many days.
pub const DEATH_DEADLINE_DAYS: i64 = 3;
/// Most act ids one page of [`Pallet::public_acts_of`] returns.
pub const MAX_PAGE: u32 = 100;

/// Sets up what the benchmarks need from the other pallets of the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// A head and a registrar of one active office that may register every kind of act, and
	/// the deepest jurisdiction that office covers (the longest permission check):
	/// `(head, registrar, jurisdiction)`.
	fn office(index: u32) -> (AccountId, AccountId, civil_registry_primitives::JurisdictionId);
	/// The head of a regional department over the office [`BenchmarkHelper::office`] created
	/// with the same `index` (call that first).
	fn regional_head(index: u32) -> AccountId;
	/// Dismiss the officers of the office [`BenchmarkHelper::office`] created with the same
	/// `index`, and close it.
	fn close_office(index: u32);
	/// Set the chain's clock to `millis` since the Unix epoch.
	fn set_time(millis: u64);
}

// FRAME's pallet macros expand to `expect` calls on values they guarantee themselves; our own
// code in this module uses none (`scripts/check-runtime-code.sh` greps for them).
// An act's call takes what the act records: a birth has nine fields.
#[allow(clippy::expect_used, clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use civil_registry_primitives::{
		ActId, ActKind, CompromisedKeys, Date, JurisdictionId, JurisdictionTree, LifeStatus,
		MaritalStatus, OfficeId, OfficerPermissions, PermissionError, PersonId, PersonRecord,
		PersonRegistry, Role, Sex, YearMonth,
	};
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// Who may register which act where, and whose key is compromised: `pallet-offices`.
		type Permissions: OfficerPermissions<Self::AccountId>
			+ CompromisedKeys<Self::AccountId, BlockNumberFor<Self>>;

		/// The jurisdiction tree: `pallet-offices`. Every jurisdiction an act refers to is
		/// pinned so that it can never be removed.
		type Jurisdictions: JurisdictionTree;

		/// The person registry: `pallet-persons`.
		type Persons: PersonRegistry;

		/// The chain's clock (`pallet-timestamp`): "today" for the date rules.
		type Time: UnixTime;

		/// Most acts one person may be a subject of. A life has a handful (birth, marriages,
		/// divorces, children's births, name changes, death); 128 leaves room for the
		/// exceptional and bounds the per-person index.
		#[pallet::constant]
		type MaxActsPerPerson: Get<u32>;

		/// Who may approve a revocation besides a regional head: governance (Root in
		/// development, the council of the regional justice departments in production).
		type RevocationOrigin: EnsureOrigin<Self::RuntimeOrigin>;

		/// Blocks a proposed amendment or revocation stays open; it expires at the start of the
		/// block this many blocks after the one it was proposed in.
		#[pallet::constant]
		type ProposalLifetime: Get<BlockNumberFor<Self>>;

		/// Most proposals that may expire in one block (so most proposed in one block). Bounds
		/// the work of the expiry in `on_initialize`, and with [`Config::ProposalLifetime`] the
		/// number of open proposals.
		#[pallet::constant]
		type MaxProposalsPerBlock: Get<u32>;

		/// Weights of this pallet's calls, generated by its benchmarks.
		type WeightInfo: WeightInfo;

		/// Sets up officers and the clock for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The acts. Ids are sequential and assigned by the chain: `Twox64Concat`.
	#[pallet::storage]
	pub type Acts<T: Config> = StorageMap<_, Twox64Concat, ActId, Act<T>, OptionQuery>;

	/// The id the next act will get.
	#[pallet::storage]
	pub type NextActId<T: Config> = StorageValue<_, ActId, ValueQuery>;

	/// The registered acts of each person, oldest first. Sequential ids: `Twox64Concat`.
	#[pallet::storage]
	pub type ActsOf<T: Config> =
		StorageMap<_, Twox64Concat, PersonId, BoundedVec<ActId, T::MaxActsPerPerson>, ValueQuery>;

	/// Identity keys reserved by pending (late) births, so that no second registration of
	/// the same person can slip in before the approval. Keys chosen off chain:
	/// `Blake2_128Concat`.
	#[pallet::storage]
	pub type PendingIdentities<T: Config> =
		StorageMap<_, Blake2_128Concat, H256, ActId, OptionQuery>;

	/// The versions of each act that amendments replaced, by act and version (the current
	/// version is in [`Acts`]). Nothing is ever overwritten: every version stays readable.
	#[pallet::storage]
	pub type ActHistory<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ActId,
		Twox64Concat,
		u32,
		SupersededVersion<T>,
		OptionQuery,
	>;

	/// How each revoked act was revoked.
	#[pallet::storage]
	pub type Revocations<T: Config> =
		StorageMap<_, Twox64Concat, ActId, Revocation<T>, OptionQuery>;

	/// The open proposals (amendments and revocations waiting for a second officer).
	#[pallet::storage]
	pub type Proposals<T: Config> =
		StorageMap<_, Twox64Concat, ProposalId, Proposal<T>, OptionQuery>;

	/// The id the next proposal will get.
	#[pallet::storage]
	pub type NextProposalId<T: Config> = StorageValue<_, ProposalId, ValueQuery>;

	/// The open proposal of each act: one at a time, so that two corrections never race.
	#[pallet::storage]
	pub type OpenProposal<T: Config> = StorageMap<_, Twox64Concat, ActId, ProposalId, OptionQuery>;

	/// The open proposals that expire at the start of each block.
	#[pallet::storage]
	pub type ProposalExpiries<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<ProposalId, T::MaxProposalsPerBlock>,
		ValueQuery,
	>;

	/// The certificates issued, by hash (the QR code on the paper). Hashes are chosen off
	/// chain: `Blake2_128Concat`.
	#[pallet::storage]
	pub type Certificates<T: Config> =
		StorageMap<_, Blake2_128Concat, H256, Certificate<T>, OptionQuery>;

	/// Vital statistics: the number of acts in effect per kind, month of the event and
	/// jurisdiction (the exact one recorded; the runtime API rolls districts up). Kept by every
	/// act, approval, amendment and revocation; a zero count is removed.
	#[pallet::storage]
	pub type Statistics<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, ActKind>,
			NMapKey<Twox64Concat, YearMonth>,
			NMapKey<Twox64Concat, JurisdictionId>,
		),
		u32,
		ValueQuery,
	>;

	/// The acts each officer signed, so that the acts of a compromised key can be listed.
	#[pallet::storage]
	pub type ActsByOfficer<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, ActId, (), OptionQuery>;

	/// Acts of a compromised key whose review flag an approved amendment or revocation
	/// cleared, with the block it was cleared in.
	#[pallet::storage]
	pub type ReviewCleared<T: Config> =
		StorageMap<_, Twox64Concat, ActId, BlockNumberFor<T>, OptionQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A birth was registered and the child created.
		BirthRegistered {
			/// The birth act.
			act: ActId,
			/// The new person.
			child: PersonId,
			/// The registering office.
			office: OfficeId,
		},
		/// A person born before the chain existed was enrolled from the paper archive.
		PersonEnrolled {
			/// The enrollment act.
			act: ActId,
			/// The new person.
			person: PersonId,
			/// The registering office.
			office: OfficeId,
		},
		/// A death was registered.
		DeathRegistered {
			/// The death act.
			act: ActId,
			/// The deceased.
			person: PersonId,
			/// The registering office.
			office: OfficeId,
			/// The surviving spouse, now widowed, if the person was married.
			widowed: Option<PersonId>,
		},
		/// A marriage was registered.
		MarriageRegistered {
			/// The marriage act.
			act: ActId,
			/// One spouse.
			first: PersonId,
			/// The other spouse.
			second: PersonId,
			/// The registering office.
			office: OfficeId,
		},
		/// A divorce was registered; the marriage has ended.
		DivorceRegistered {
			/// The divorce act.
			act: ActId,
			/// The marriage act it ends.
			marriage: ActId,
			/// The registering office.
			office: OfficeId,
		},
		/// An adoption was registered.
		AdoptionRegistered {
			/// The adoption act.
			act: ActId,
			/// The adopted child.
			child: PersonId,
			/// The registering office.
			office: OfficeId,
			/// Whether the original birth act was sealed.
			sealed: bool,
		},
		/// Paternity was established.
		PaternityRegistered {
			/// The paternity act.
			act: ActId,
			/// The child.
			child: PersonId,
			/// The father.
			father: PersonId,
			/// The registering office.
			office: OfficeId,
		},
		/// A change of name was registered (the person's data root changed).
		NameChangeRegistered {
			/// The name change act.
			act: ActId,
			/// The person.
			person: PersonId,
			/// The registering office.
			office: OfficeId,
		},
		/// A late registration was stored, pending the approval of a head of the office.
		LateRegistrationPending {
			/// The pending act.
			act: ActId,
			/// Its kind.
			kind: ActKind,
			/// The registering office.
			office: OfficeId,
		},
		/// A late registration was approved and took effect (its own event follows).
		LateRegistrationApproved {
			/// The act.
			act: ActId,
			/// The approving head.
			approved_by: T::AccountId,
		},
		/// A correction of an act was proposed; a head must approve it.
		AmendmentProposed {
			/// The proposal.
			proposal: ProposalId,
			/// The act.
			act: ActId,
			/// The proposing officer.
			proposer: T::AccountId,
			/// The block at whose start it expires.
			expires_at: BlockNumberFor<T>,
		},
		/// A correction was approved: the act has a new version.
		ActAmended {
			/// The proposal.
			proposal: ProposalId,
			/// The act.
			act: ActId,
			/// Its new version (the previous one stays in `ActHistory`).
			version: u32,
			/// Why it was corrected.
			reason: AmendmentReason,
			/// The approving head.
			approved_by: T::AccountId,
		},
		/// A revocation of an act was proposed; the regional level must approve it.
		RevocationProposed {
			/// The proposal.
			proposal: ProposalId,
			/// The act.
			act: ActId,
			/// The proposing officer.
			proposer: T::AccountId,
			/// The block at whose start it expires.
			expires_at: BlockNumberFor<T>,
		},
		/// An act was revoked and its effects on persons undone.
		ActRevoked {
			/// The proposal.
			proposal: ProposalId,
			/// The act.
			act: ActId,
			/// The approving regional head; `None` when governance approved.
			approved_by: Option<T::AccountId>,
			/// Acts in effect that rest on the revoked one (a revoked birth's person's other
			/// acts, a revoked marriage's divorce): officers are to review them.
			dependents: BoundedVec<ActId, T::MaxActsPerPerson>,
		},
		/// A proposal was rejected, or withdrawn by its proposer.
		ProposalRejected {
			/// The proposal.
			proposal: ProposalId,
			/// The act.
			act: ActId,
			/// Who rejected it.
			rejected_by: T::AccountId,
		},
		/// A proposal expired undecided.
		ProposalExpired {
			/// The proposal.
			proposal: ProposalId,
			/// The act.
			act: ActId,
		},
		/// A certificate of an act was issued.
		CertificateIssued {
			/// The certificate's hash.
			certificate: H256,
			/// The act.
			act: ActId,
			/// The act's version it states.
			version: u32,
			/// The issuing office.
			office: OfficeId,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The signer is not an officer.
		NotOfficer,
		/// The signer's office is suspended or closed.
		OfficeNotActive,
		/// The signer's office does not register this kind of act.
		ActKindNotAllowed,
		/// The jurisdiction lies outside the signer's office's.
		OutsideJurisdiction,
		/// The signer's role is too low.
		RoleTooLow,
		/// No jurisdiction has this id.
		UnknownJurisdiction,
		/// Not a real calendar date (e.g. 2023-02-29), or outside 1800–9999.
		InvalidDate,
		/// The date is after today.
		DateInFuture,
		/// The chain's clock is not set; no date can be checked.
		ClockUnavailable,
		/// A person with this identity key exists, or a pending registration reserves it.
		DuplicateIdentity,
		/// No person has this id.
		UnknownPerson,
		/// The person is deceased: no new act concerns them.
		PersonDeceased,
		/// The same person appears twice in the act.
		SamePerson,
		/// The act's date is before the birth of a person it concerns.
		EventBeforeBirth,
		/// A parent is not older than the child.
		ParentNotOlder,
		/// The recorded mother is not female.
		MotherNotFemale,
		/// The recorded father is not male.
		FatherNotMale,
		/// The mother had died before the birth.
		MotherDeceasedBeforeBirth,
		/// The father had died more than 300 days before the birth.
		FatherDeceasedTooEarly,
		/// The person is already deceased.
		AlreadyDeceased,
		/// The date of death is before the date of birth.
		DeathBeforeBirth,
		/// A spouse is already married.
		AlreadyMarried,
		/// A spouse is younger than 18 on the date (17 with an exemption decision).
		TooYoungToMarry,
		/// The spouses are parent and child, or siblings, as recorded.
		CloseRelatives,
		/// No act has this id.
		UnknownAct,
		/// The act is not a marriage.
		NotAMarriage,
		/// The marriage has ended, or is not in effect.
		MarriageNotActive,
		/// The divorce is dated before the marriage.
		DateBeforeMarriage,
		/// An adoption needs at least one adoptive parent.
		NoAdoptiveParent,
		/// An adoptive parent is not an adult on the date.
		AdoptiveParentNotAdult,
		/// The child already has a recorded father.
		FatherAlreadyRecorded,
		/// The person is younger than 16 on the date.
		TooYoungForNameChange,
		/// A person already has `MaxActsPerPerson` acts.
		TooManyActs,
		/// The act is not pending.
		NotPending,
		/// Only a head of the registering office approves its late registrations.
		NotHeadOfOffice,
		/// Four eyes: an officer cannot approve their own work — the late registration they
		/// registered, or the amendment or revocation they proposed.
		SelfApproval,
		/// No more act or proposal ids.
		Overflow,
		/// The person's registration was revoked: no new act concerns them.
		PersonRevoked,
		/// The act is pending or revoked: it cannot be amended or certified.
		ActNotInEffect,
		/// The act is already revoked.
		AlreadyRevoked,
		/// The act already has an open proposal.
		ProposalOpen,
		/// No open proposal has this id.
		UnknownProposal,
		/// The proposal is not an amendment (for `*_amendment`) or not a revocation (for
		/// `*_revocation`).
		WrongProposalKind,
		/// Only an officer of the office that registered the act (or, once it is closed, of the
		/// regional department above it) proposes its correction.
		NotRegisteringOffice,
		/// Only a head of the registering office, or of the regional department above it,
		/// decides a correction.
		NotSupervisingHead,
		/// Only a head of the regional department whose region covers the act, or governance,
		/// decides a revocation.
		NotRegionalHead,
		/// The correction changes nothing: a corrected act has a new document.
		DocumentUnchanged,
		/// The correction changes a field this kind of act does not have (sex or data root of
		/// anything but a birth, an enrollment or a change of name).
		CorrectionNotApplicable,
		/// Too many proposals already expire in the same block; try in the next block.
		TooManyProposals,
		/// Two marriages of the same person would overlap in time.
		MarriagesOverlap,
		/// The revocation cannot be undone consistently: a later act changed the same record
		/// (e.g. a spouse remarried, a later adoption or change of name). Revoke or amend that
		/// act first.
		RevocationConflict,
		/// A certificate with this hash exists.
		CertificateExists,
		/// An act's subjects do not fit its kind (a marriage or a paternity has two persons,
		/// every other act one). The chain builds the subjects itself, so this reports a fault
		/// of the chain, never bad input.
		MalformedSubjects,
	}

	impl<T> From<PermissionError> for Error<T> {
		fn from(e: PermissionError) -> Self {
			match e {
				PermissionError::NotOfficer => Error::NotOfficer,
				PermissionError::OfficeNotActive => Error::OfficeNotActive,
				PermissionError::ActKindNotAllowed => Error::ActKindNotAllowed,
				PermissionError::OutsideJurisdiction => Error::OutsideJurisdiction,
				PermissionError::RoleTooLow => Error::RoleTooLow,
				PermissionError::UnknownJurisdiction => Error::UnknownJurisdiction,
			}
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Expire the proposals nobody decided in time.
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			Self::expire_proposals(n)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a birth: creates the child.
		///
		/// Origin: an officer allowed to register births in `jurisdiction` (the place of
		/// birth). Checks the date, the identity key's uniqueness and the rules on the parents
		/// (see the crate docs). Emits [`Event::BirthRegistered`], or
		/// [`Event::LateRegistrationPending`] more than a month after the birth.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_birth())]
		pub fn register_birth(
			origin: OriginFor<T>,
			jurisdiction: JurisdictionId,
			birth_date: Date,
			identity_key: H256,
			data_root: H256,
			sex: Sex,
			mother: Option<PersonId>,
			father: Option<PersonId>,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let subjects: Vec<PersonId> = mother.into_iter().chain(father).collect();
			let late = Self::today()? > Self::deadline(ActKind::Birth, &birth_date)?;
			let details = ActDetails::Birth { identity_key, data_root, sex, mother, father };
			Self::register(who, jurisdiction, birth_date, document_hash, subjects, details, late)
		}

		/// Register a death.
		///
		/// Origin: an officer allowed to register deaths in `jurisdiction`. Checks that the
		/// person is alive and the date of death neither before the birth nor after today. An
		/// active marriage ends; the spouse becomes widowed. Emits [`Event::DeathRegistered`],
		/// or [`Event::LateRegistrationPending`] more than three days after the death.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::register_death())]
		pub fn register_death(
			origin: OriginFor<T>,
			person: PersonId,
			jurisdiction: JurisdictionId,
			date_of_death: Date,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let late = Self::today()? > Self::deadline(ActKind::Death, &date_of_death)?;
			Self::register(
				who,
				jurisdiction,
				date_of_death,
				document_hash,
				alloc::vec![person],
				ActDetails::Death,
				late,
			)
		}

		/// Register a marriage.
		///
		/// Origin: an officer allowed to register marriages in `jurisdiction` (a registry
		/// office or a wedding house). Checks that both are alive, distinct, unmarried, at
		/// least 18 on the date (17 with `exemption`, the hash of the khokim's decision), and
		/// not parent and child or siblings. Emits [`Event::MarriageRegistered`].
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::register_marriage())]
		pub fn register_marriage(
			origin: OriginFor<T>,
			first: PersonId,
			second: PersonId,
			jurisdiction: JurisdictionId,
			date: Date,
			exemption: Option<H256>,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::register(
				who,
				jurisdiction,
				date,
				document_hash,
				alloc::vec![first, second],
				ActDetails::Marriage { exemption, ended_by: None },
				false,
			)
		}

		/// Register a divorce, ending the marriage of act `marriage`.
		///
		/// Origin: an officer allowed to register divorces in `jurisdiction`. Checks that the
		/// marriage is in effect and not dated after the divorce. Both spouses become
		/// divorced. Emits [`Event::DivorceRegistered`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::register_divorce())]
		pub fn register_divorce(
			origin: OriginFor<T>,
			marriage: ActId,
			jurisdiction: JurisdictionId,
			date: Date,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let spouses = Acts::<T>::get(marriage).ok_or(Error::<T>::UnknownAct)?.subjects;
			Self::register(
				who,
				jurisdiction,
				date,
				document_hash,
				spouses.into_inner(),
				ActDetails::Divorce { marriage },
				false,
			)
		}

		/// Register an adoption of `child` by an adoptive mother, father, or both.
		///
		/// Origin: an officer allowed to register adoptions in `jurisdiction`. Checks that the
		/// child is alive and each adoptive parent alive, an adult, older than the child and of
		/// the right sex. The adoptive parents replace the recorded ones; with `seal`, the
		/// original birth act is sealed (public queries no longer return it). Emits
		/// [`Event::AdoptionRegistered`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::register_adoption())]
		pub fn register_adoption(
			origin: OriginFor<T>,
			child: PersonId,
			adoptive_mother: Option<PersonId>,
			adoptive_father: Option<PersonId>,
			jurisdiction: JurisdictionId,
			date: Date,
			seal: bool,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let subjects: Vec<PersonId> =
				core::iter::once(child).chain(adoptive_mother).chain(adoptive_father).collect();
			Self::register(
				who,
				jurisdiction,
				date,
				document_hash,
				subjects,
				ActDetails::Adoption {
					adoptive_mother,
					adoptive_father,
					previous_mother: None,
					previous_father: None,
					sealed: seal,
				},
				false,
			)
		}

		/// Establish `father`'s paternity of `child`.
		///
		/// Origin: an officer allowed to register paternity in `jurisdiction`. Checks that the
		/// child is alive with no recorded father, and the father alive, male and older.
		/// Emits [`Event::PaternityRegistered`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::register_paternity())]
		pub fn register_paternity(
			origin: OriginFor<T>,
			child: PersonId,
			father: PersonId,
			jurisdiction: JurisdictionId,
			date: Date,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::register(
				who,
				jurisdiction,
				date,
				document_hash,
				alloc::vec![child, father],
				ActDetails::Paternity,
				false,
			)
		}

		/// Register a change of name: the person's data root becomes `new_data_root`.
		///
		/// Origin: an officer allowed to register name changes in `jurisdiction`. Checks that
		/// the person is alive and at least 16 on the date. Emits
		/// [`Event::NameChangeRegistered`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::register_name_change())]
		pub fn register_name_change(
			origin: OriginFor<T>,
			person: PersonId,
			new_data_root: H256,
			jurisdiction: JurisdictionId,
			date: Date,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let previous_root =
				T::Persons::person(person).ok_or(Error::<T>::UnknownPerson)?.data_root;
			Self::register(
				who,
				jurisdiction,
				date,
				document_hash,
				alloc::vec![person],
				ActDetails::NameChange { previous_root, new_root: new_data_root },
				false,
			)
		}

		/// Enroll a person born before the chain existed, from the paper archive.
		///
		/// Origin: an officer allowed to enroll in `jurisdiction` (the place of birth; archives
		/// and registry offices). Checks the date and the identity key's uniqueness.
		/// `archive_reference` is the hash of the paper record's reference. Emits
		/// [`Event::PersonEnrolled`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::enroll_person())]
		pub fn enroll_person(
			origin: OriginFor<T>,
			jurisdiction: JurisdictionId,
			birth_date: Date,
			identity_key: H256,
			data_root: H256,
			sex: Sex,
			archive_reference: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::register(
				who,
				jurisdiction,
				birth_date,
				archive_reference,
				Vec::new(),
				ActDetails::Enrollment { identity_key, data_root, sex, archive_reference },
				false,
			)
		}

		/// Approve a pending late registration: the rules are checked again against today's
		/// records and the act takes effect.
		///
		/// Origin: a head of the office that registered the act, other than the officer who
		/// registered it. Emits [`Event::LateRegistrationApproved`] and the act's own event.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::approve_late_registration())]
		pub fn approve_late_registration(origin: OriginFor<T>, act: ActId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_approve_late_registration(who, act)
		}

		/// Propose a correction of act `act`: a new version stating `new_document_hash` (the
		/// corrected paper act), changed as `correction` says, for `reason`.
		///
		/// Origin: an officer (registrar or head) of the office that registered the act — or,
		/// once that office is closed, of the regional department above it, which answers for
		/// its records. A corrected jurisdiction must lie within the proposer's office's. Nothing changes until a
		/// different officer approves ([`Pallet::approve_amendment`]); the proposal expires
		/// after [`Config::ProposalLifetime`] blocks. One open proposal per act. Emits
		/// [`Event::AmendmentProposed`].
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::propose_amendment())]
		pub fn propose_amendment(
			origin: OriginFor<T>,
			act: ActId,
			new_document_hash: H256,
			reason: AmendmentReason,
			correction: Correction,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose_amendment(who, act, new_document_hash, reason, correction)
		}

		/// Approve a proposed correction: the act gets a new version, the persons it concerns
		/// change accordingly, and every act in effect of those persons is checked again
		/// against the law (e.g. a later date of birth must not make a recorded marriage
		/// underage); any broken rule refuses the approval with that rule's error.
		///
		/// Origin: a head of the registering office or of the regional department above it,
		/// other than the proposer (four eyes). Emits [`Event::ActAmended`].
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::approve_amendment(Pallet::<T>::max_checked_acts()))]
		pub fn approve_amendment(
			origin: OriginFor<T>,
			proposal: ProposalId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_approve_amendment(who, proposal)
		}

		/// Reject a proposed correction, or withdraw one's own.
		///
		/// Origin: the proposer, or a head who could approve it. Emits
		/// [`Event::ProposalRejected`].
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::reject_amendment())]
		pub fn reject_amendment(origin: OriginFor<T>, proposal: ProposalId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reject_amendment(who, proposal)
		}

		/// Propose to revoke act `act` (e.g. a fraudulent or duplicate registration), stating
		/// the reason by the hash of its document. A pending late registration may be revoked
		/// too: that is how it is refused.
		///
		/// Origin: an officer allowed to register such an act where it was registered. Nothing
		/// changes until the regional level approves ([`Pallet::approve_revocation`]); the
		/// proposal expires after [`Config::ProposalLifetime`] blocks. Emits
		/// [`Event::RevocationProposed`].
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::propose_revocation())]
		pub fn propose_revocation(
			origin: OriginFor<T>,
			act: ActId,
			reason_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose_revocation(who, act, reason_hash)
		}

		/// Approve a proposed revocation: the act stops being in effect and its effects on
		/// persons are undone (a revoked marriage frees both spouses; a revoked birth marks the
		/// person revoked and frees its identity key; a revoked death brings the person and
		/// their marriage back). Refused with [`Error::RevocationConflict`] when a later act
		/// changed the same record. Acts in effect that rest on the revoked one are listed in
		/// the event for review.
		///
		/// Origin: [`Config::RevocationOrigin`] (governance), or a head of the regional
		/// department whose region covers the act, other than the proposer. Emits
		/// [`Event::ActRevoked`].
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::approve_revocation(Pallet::<T>::max_checked_acts()))]
		pub fn approve_revocation(
			origin: OriginFor<T>,
			proposal: ProposalId,
		) -> DispatchResultWithPostInfo {
			Self::do_approve_revocation(origin, proposal)
		}

		/// Reject a proposed revocation, or withdraw one's own.
		///
		/// Origin: the proposer, a regional head who could approve it, or
		/// [`Config::RevocationOrigin`]. Emits [`Event::ProposalRejected`] (with the proposer
		/// as `rejected_by` when governance rejects).
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::reject_revocation())]
		pub fn reject_revocation(origin: OriginFor<T>, proposal: ProposalId) -> DispatchResult {
			Self::do_reject_revocation(origin, proposal)
		}

		/// Record a certificate of act `act` (a birth certificate, a marriage certificate,
		/// ...) by its hash, the value printed in its QR code. A repeat certificate is a new
		/// hash. Anyone can then ask its status through the runtime API (`verify_certificate`).
		///
		/// Origin: an officer allowed to register such an act where it was registered. The act
		/// must be in effect. Emits [`Event::CertificateIssued`].
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::issue_certificate())]
		pub fn issue_certificate(
			origin: OriginFor<T>,
			act: ActId,
			certificate_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_issue_certificate(who, act, certificate_hash)
		}
	}

	/// What an act will change, computed before anything is written.
	pub(crate) struct Effects {
		/// A person to create (birth, enrollment).
		new_person: Option<PersonRecord>,
		/// Persons whose records change.
		updates: Vec<(PersonId, PersonRecord)>,
		/// A marriage act that ends.
		ends_marriage: Option<ActId>,
		/// An act to seal.
		seals: Option<ActId>,
		/// The act's details, completed (e.g. an adoption's previous parents).
		details: ActDetails,
	}

	impl<T: Config> Pallet<T> {
		/// Today's date by the chain's clock.
		pub fn today() -> Result<Date, DispatchError> {
			let millis = u64::try_from(T::Time::now().as_millis()).unwrap_or(u64::MAX);
			ensure!(millis > 0, Error::<T>::ClockUnavailable);
			Ok(Date::from_unix_millis(millis).ok_or(Error::<T>::ClockUnavailable)?)
		}

		/// A person a new act concerns: exists, and their registration is not revoked.
		pub(crate) fn person(id: PersonId) -> Result<PersonRecord, DispatchError> {
			let person = Self::record(id)?;
			ensure!(!person.revoked, Error::<T>::PersonRevoked);
			Ok(person)
		}

		/// A person's record, revoked or not (for amendments and revocations of old acts).
		pub(crate) fn record(id: PersonId) -> Result<PersonRecord, DispatchError> {
			Ok(T::Persons::person(id).ok_or(Error::<T>::UnknownPerson)?)
		}

		/// A person the act concerns: exists, alive, born on or before the act's date.
		pub(crate) fn living(id: PersonId, date: &Date) -> Result<PersonRecord, DispatchError> {
			let person = Self::person(id)?;
			ensure!(person.is_alive(), Error::<T>::PersonDeceased);
			ensure!(person.birth_date <= *date, Error::<T>::EventBeforeBirth);
			Ok(person)
		}

		/// Check the signer, the date, the rules; then store the act, pending or in effect.
		pub(crate) fn register(
			who: T::AccountId,
			jurisdiction: JurisdictionId,
			date: Date,
			document_hash: H256,
			subjects: Vec<PersonId>,
			details: ActDetails,
			late: bool,
		) -> DispatchResult {
			let kind = details.kind();
			let auth = T::Permissions::authorize(&who, kind, jurisdiction, Role::Registrar)
				.map_err(Error::<T>::from)?;
			ensure!(date.is_valid(), Error::<T>::InvalidDate);
			ensure!(date <= Self::today()?, Error::<T>::DateInFuture);
			let subjects: Subjects =
				subjects.try_into().map_err(|_| Error::<T>::MalformedSubjects)?;
			let id = NextActId::<T>::get();
			let next = id.checked_add(1).ok_or(Error::<T>::Overflow)?;
			let act = Act {
				kind,
				subjects,
				office: auth.office,
				officer: who,
				jurisdiction,
				event_date: date,
				registered_at: frame_system::Pallet::<T>::block_number(),
				document_hash,
				version: 1,
				status: if late { ActStatus::Pending } else { ActStatus::Registered },
				late,
				sealed: false,
				details,
			};
			let effects = Self::plan(id, &act)?;

			NextActId::<T>::put(next);
			T::Jurisdictions::note_record(jurisdiction);
			ActsByOfficer::<T>::insert(&act.officer, id, ());
			if late {
				if let ActDetails::Birth { identity_key, .. } = &act.details {
					PendingIdentities::<T>::insert(identity_key, id);
				}
				Self::deposit_event(Event::LateRegistrationPending {
					act: id,
					kind,
					office: auth.office,
				});
				Acts::<T>::insert(id, act);
				Ok(())
			} else {
				Self::commit(id, act, effects)
			}
		}

		/// Check every rule for `act` (numbered `id`) against the current records, and say what
		/// it will change. Writes nothing.
		pub(crate) fn plan(id: ActId, act: &Act<T>) -> Result<Effects, DispatchError> {
			let date = act.event_date;
			let mut effects = Effects {
				new_person: None,
				updates: Vec::new(),
				ends_marriage: None,
				seals: None,
				details: act.details.clone(),
			};
			for subject in act.subjects.iter() {
				ensure!(
					(ActsOf::<T>::decode_len(subject).unwrap_or(0) as u32)
						< T::MaxActsPerPerson::get(),
					Error::<T>::TooManyActs
				);
			}
			match &act.details {
				ActDetails::Birth { identity_key, data_root, sex, mother, father } => {
					Self::ensure_identity_free(identity_key, id)?;
					if let Some(mother) = mother {
						let m = Self::person(*mother)?;
						ensure!(m.sex == Sex::Female, Error::<T>::MotherNotFemale);
						ensure!(m.birth_date < date, Error::<T>::ParentNotOlder);
						if let LifeStatus::Deceased { date: died, .. } = m.status {
							ensure!(died >= date, Error::<T>::MotherDeceasedBeforeBirth);
						}
					}
					if let Some(father) = father {
						let f = Self::person(*father)?;
						ensure!(f.sex == Sex::Male, Error::<T>::FatherNotMale);
						ensure!(f.birth_date < date, Error::<T>::ParentNotOlder);
						if let LifeStatus::Deceased { date: died, .. } = f.status {
							let grace =
								died.add_days(FATHER_GRACE_DAYS).ok_or(Error::<T>::InvalidDate)?;
							ensure!(grace >= date, Error::<T>::FatherDeceasedTooEarly);
						}
					}
					effects.new_person = Some(PersonRecord {
						mother: *mother,
						father: *father,
						..Self::new_person(*identity_key, *data_root, *sex, id, act)
					});
				},
				ActDetails::Enrollment { identity_key, data_root, sex, .. } => {
					Self::ensure_identity_free(identity_key, id)?;
					effects.new_person =
						Some(Self::new_person(*identity_key, *data_root, *sex, id, act));
				},
				ActDetails::Death => {
					let pid = *act.subjects.first().ok_or(Error::<T>::MalformedSubjects)?;
					let mut p = Self::person(pid)?;
					ensure!(p.is_alive(), Error::<T>::AlreadyDeceased);
					ensure!(p.birth_date <= date, Error::<T>::DeathBeforeBirth);
					p.status = LifeStatus::Deceased { date, act: id };
					if let MaritalStatus::Married { spouse, act: marriage } = p.marital {
						let mut s = Self::person(spouse)?;
						s.marital = MaritalStatus::Widowed;
						p.marital = MaritalStatus::DiedMarried { spouse, act: marriage };
						effects.updates.push((spouse, s));
						effects.ends_marriage = Some(marriage);
					}
					effects.updates.push((pid, p));
				},
				ActDetails::Marriage { exemption, .. } => {
					let (a, b) = Self::pair(&act.subjects)?;
					ensure!(a != b, Error::<T>::SamePerson);
					let mut pa = Self::living(a, &date)?;
					let mut pb = Self::living(b, &date)?;
					ensure!(
						pa.spouse().is_none() && pb.spouse().is_none(),
						Error::<T>::AlreadyMarried
					);
					let min_age =
						if exemption.is_some() { EXEMPT_MARRIAGE_AGE } else { MARRIAGE_AGE };
					ensure!(
						pa.birth_date.years_until(&date) >= min_age
							&& pb.birth_date.years_until(&date) >= min_age,
						Error::<T>::TooYoungToMarry
					);
					let parent_child = pa.mother == Some(b)
						|| pa.father == Some(b)
						|| pb.mother == Some(a)
						|| pb.father == Some(a);
					let siblings = (pa.mother.is_some() && pa.mother == pb.mother)
						|| (pa.father.is_some() && pa.father == pb.father);
					ensure!(!parent_child && !siblings, Error::<T>::CloseRelatives);
					// No bigamy by backdating: a divorced or widowed person's new marriage starts
					// no earlier than the end of their last one.
					for (p, record) in [(a, &pa), (b, &pb)] {
						if record.marital != MaritalStatus::Single {
							if let (_, Some((_, last))) = Self::latest_marriage(p) {
								let (_, end) = Self::marriage_span(&last);
								ensure!(
									end.is_some_and(|end| end <= date),
									Error::<T>::MarriagesOverlap
								);
							}
						}
					}
					pa.marital = MaritalStatus::Married { spouse: b, act: id };
					pb.marital = MaritalStatus::Married { spouse: a, act: id };
					effects.updates.push((a, pa));
					effects.updates.push((b, pb));
				},
				ActDetails::Divorce { marriage } => {
					let m = Acts::<T>::get(marriage).ok_or(Error::<T>::UnknownAct)?;
					let ActDetails::Marriage { ended_by, .. } = m.details else {
						return Err(Error::<T>::NotAMarriage.into());
					};
					ensure!(
						m.status == ActStatus::Registered && ended_by.is_none(),
						Error::<T>::MarriageNotActive
					);
					ensure!(m.event_date <= date, Error::<T>::DateBeforeMarriage);
					let (a, b) = Self::pair(&m.subjects)?;
					let mut pa = Self::person(a)?;
					let mut pb = Self::person(b)?;
					let active = |p: &PersonRecord, spouse| {
						p.marital == MaritalStatus::Married { spouse, act: *marriage }
					};
					ensure!(active(&pa, b) && active(&pb, a), Error::<T>::MarriageNotActive);
					pa.marital = MaritalStatus::Divorced;
					pb.marital = MaritalStatus::Divorced;
					effects.updates.push((a, pa));
					effects.updates.push((b, pb));
					effects.ends_marriage = Some(*marriage);
				},
				ActDetails::Adoption { adoptive_mother, adoptive_father, sealed, .. } => {
					let cid = *act.subjects.first().ok_or(Error::<T>::MalformedSubjects)?;
					let mut child = Self::living(cid, &date)?;
					ensure!(
						adoptive_mother.is_some() || adoptive_father.is_some(),
						Error::<T>::NoAdoptiveParent
					);
					for (parent, sex, err) in [
						(adoptive_mother, Sex::Female, Error::<T>::MotherNotFemale),
						(adoptive_father, Sex::Male, Error::<T>::FatherNotMale),
					] {
						if let Some(parent) = parent {
							ensure!(*parent != cid, Error::<T>::SamePerson);
							let p = Self::living(*parent, &date)?;
							ensure!(p.sex == sex, err);
							ensure!(
								p.birth_date.years_until(&date) >= ADULT_AGE,
								Error::<T>::AdoptiveParentNotAdult
							);
							ensure!(p.birth_date < child.birth_date, Error::<T>::ParentNotOlder);
						}
					}
					effects.details = ActDetails::Adoption {
						adoptive_mother: *adoptive_mother,
						adoptive_father: *adoptive_father,
						previous_mother: child.mother,
						previous_father: child.father,
						sealed: *sealed,
					};
					if adoptive_mother.is_some() {
						child.mother = *adoptive_mother;
					}
					if adoptive_father.is_some() {
						child.father = *adoptive_father;
					}
					if *sealed {
						child.sealed = true;
						effects.seals = Some(child.origin_act);
					}
					effects.updates.push((cid, child));
				},
				ActDetails::Paternity => {
					let (cid, fid) = Self::pair(&act.subjects)?;
					ensure!(cid != fid, Error::<T>::SamePerson);
					let mut child = Self::living(cid, &date)?;
					ensure!(child.father.is_none(), Error::<T>::FatherAlreadyRecorded);
					let father = Self::living(fid, &date)?;
					ensure!(father.sex == Sex::Male, Error::<T>::FatherNotMale);
					ensure!(father.birth_date < child.birth_date, Error::<T>::ParentNotOlder);
					child.father = Some(fid);
					effects.updates.push((cid, child));
				},
				ActDetails::NameChange { new_root, .. } => {
					let pid = *act.subjects.first().ok_or(Error::<T>::MalformedSubjects)?;
					let mut p = Self::living(pid, &date)?;
					ensure!(
						p.birth_date.years_until(&date) >= NAME_CHANGE_AGE,
						Error::<T>::TooYoungForNameChange
					);
					p.data_root = *new_root;
					effects.updates.push((pid, p));
				},
			}
			Ok(effects)
		}

		/// A person born on `act`'s date in `act`'s jurisdiction, created by act `id`: alive,
		/// single, with no recorded parents.
		pub(crate) fn new_person(
			identity_key: H256,
			data_root: H256,
			sex: Sex,
			id: ActId,
			act: &Act<T>,
		) -> PersonRecord {
			PersonRecord {
				identity_key,
				data_root,
				sex,
				birth_date: act.event_date,
				birth_jurisdiction: act.jurisdiction,
				status: LifeStatus::Alive,
				mother: None,
				father: None,
				marital: MaritalStatus::Single,
				sealed: false,
				origin_act: id,
				revoked: false,
			}
		}

		/// The two persons of a two-person act (the spouses of a marriage; child and father of
		/// a paternity).
		pub(crate) fn pair(subjects: &Subjects) -> Result<(PersonId, PersonId), DispatchError> {
			match subjects.as_slice() {
				[a, b] => Ok((*a, *b)),
				_ => Err(Error::<T>::MalformedSubjects.into()),
			}
		}

		pub(crate) fn ensure_identity_free(identity_key: &H256, id: ActId) -> DispatchResult {
			ensure!(T::Persons::by_identity(identity_key).is_none(), Error::<T>::DuplicateIdentity);
			ensure!(
				PendingIdentities::<T>::get(identity_key).is_none_or(|pending| pending == id),
				Error::<T>::DuplicateIdentity
			);
			Ok(())
		}

		/// Write an act that takes effect now, with the effects [`Self::plan`] computed.
		pub(crate) fn commit(id: ActId, mut act: Act<T>, effects: Effects) -> DispatchResult {
			act.status = ActStatus::Registered;
			act.details = effects.details;
			if let Some(record) = effects.new_person {
				let person = T::Persons::insert(record)?;
				act.subjects.try_insert(0, person).map_err(|_| Error::<T>::MalformedSubjects)?;
			}
			for (pid, record) in effects.updates {
				T::Persons::update(pid, record)?;
			}
			if let Some(marriage) = effects.ends_marriage {
				Acts::<T>::mutate(marriage, |m| {
					if let Some(Act { details: ActDetails::Marriage { ended_by, .. }, .. }) = m {
						*ended_by = Some(id);
					}
				});
			}
			if let Some(sealed) = effects.seals {
				Acts::<T>::mutate(sealed, |a| {
					if let Some(a) = a {
						a.sealed = true;
					}
				});
			}
			for subject in act.subjects.iter() {
				ActsOf::<T>::try_append(subject, id).map_err(|_| Error::<T>::TooManyActs)?;
			}

			let office = act.office;
			let event = match &act.details {
				ActDetails::Birth { .. } => Event::BirthRegistered {
					act: id,
					child: act.subjects.first().copied().unwrap_or_default(),
					office,
				},
				ActDetails::Enrollment { .. } => Event::PersonEnrolled {
					act: id,
					person: act.subjects.first().copied().unwrap_or_default(),
					office,
				},
				ActDetails::Death => {
					let person = act.subjects.first().copied().unwrap_or_default();
					let widowed = T::Persons::person(person).and_then(|p| match p.marital {
						MaritalStatus::DiedMarried { spouse, .. } => Some(spouse),
						_ => None,
					});
					// Only a marriage this act ended leaves a widow(er).
					let widowed = widowed.filter(|_| effects.ends_marriage.is_some());
					Event::DeathRegistered { act: id, person, office, widowed }
				},
				ActDetails::Marriage { .. } => Event::MarriageRegistered {
					act: id,
					first: act.subjects.first().copied().unwrap_or_default(),
					second: act.subjects.get(1).copied().unwrap_or_default(),
					office,
				},
				ActDetails::Divorce { marriage } => {
					Event::DivorceRegistered { act: id, marriage: *marriage, office }
				},
				ActDetails::Adoption { sealed, .. } => Event::AdoptionRegistered {
					act: id,
					child: act.subjects.first().copied().unwrap_or_default(),
					office,
					sealed: *sealed,
				},
				ActDetails::Paternity => Event::PaternityRegistered {
					act: id,
					child: act.subjects.first().copied().unwrap_or_default(),
					father: act.subjects.get(1).copied().unwrap_or_default(),
					office,
				},
				ActDetails::NameChange { .. } => Event::NameChangeRegistered {
					act: id,
					person: act.subjects.first().copied().unwrap_or_default(),
					office,
				},
			};
			Self::count(&act, true);
			let died =
				(act.kind == ActKind::Death).then(|| act.subjects.first().copied()).flatten();
			Acts::<T>::insert(id, act);
			// A death may not be dated before another act of the person's life (a wedding, a
			// child's birth more than 300 days later, ...): check them all against it.
			if let Some(person) = died {
				Self::check_person(person)?;
			}
			Self::deposit_event(event);
			Ok(())
		}

		/// Check every act in effect of `person` against the law as the records stand now.
		/// Returns the number of acts checked.
		pub(crate) fn check_person(person: PersonId) -> Result<u32, DispatchError> {
			let mut checked = 0u32;
			for id in ActsOf::<T>::get(person) {
				checked = checked.saturating_add(1);
				if let Some(act) = Acts::<T>::get(id).filter(|a| a.status == ActStatus::Registered)
				{
					Self::check_act(&act)?;
				}
			}
			Ok(checked)
		}

		/// A person was alive on `date`: born by then and not dead before it.
		pub(crate) fn ensure_alive_on(person: &PersonRecord, date: &Date) -> DispatchResult {
			ensure!(person.birth_date <= *date, Error::<T>::EventBeforeBirth);
			ensure!(person.alive_on(date), Error::<T>::PersonDeceased);
			Ok(())
		}

		/// The law rules of an act in effect that depend on the records of its persons (dates
		/// of birth and death, sex) and on the acts it refers to, checked as they stand now.
		/// The same rules [`Self::plan`] checks at registration, minus those about the state at
		/// that moment (who was married, who had a father).
		pub(crate) fn check_act(act: &Act<T>) -> DispatchResult {
			let date = act.event_date;
			ensure!(date <= Self::today()?, Error::<T>::DateInFuture);
			let first = act.subjects.first().copied().ok_or(Error::<T>::MalformedSubjects);
			match &act.details {
				ActDetails::Birth { mother, father, .. } => {
					if let Some(mother) = mother {
						let m = Self::record(*mother)?;
						ensure!(m.sex == Sex::Female, Error::<T>::MotherNotFemale);
						ensure!(m.birth_date < date, Error::<T>::ParentNotOlder);
						ensure!(
							m.death_date().is_none_or(|died| died >= date),
							Error::<T>::MotherDeceasedBeforeBirth
						);
					}
					if let Some(father) = father {
						let f = Self::record(*father)?;
						ensure!(f.sex == Sex::Male, Error::<T>::FatherNotMale);
						ensure!(f.birth_date < date, Error::<T>::ParentNotOlder);
						if let Some(died) = f.death_date() {
							let grace =
								died.add_days(FATHER_GRACE_DAYS).ok_or(Error::<T>::InvalidDate)?;
							ensure!(grace >= date, Error::<T>::FatherDeceasedTooEarly);
						}
					}
				},
				ActDetails::Enrollment { .. } => {},
				ActDetails::Death => {
					let p = Self::record(first?)?;
					ensure!(p.birth_date <= date, Error::<T>::DeathBeforeBirth);
				},
				ActDetails::Marriage { exemption, ended_by } => {
					let min_age =
						if exemption.is_some() { EXEMPT_MARRIAGE_AGE } else { MARRIAGE_AGE };
					let (a, b) = Self::pair(&act.subjects)?;
					for spouse in [a, b] {
						let p = Self::record(spouse)?;
						Self::ensure_alive_on(&p, &date)?;
						ensure!(
							p.birth_date.years_until(&date) >= min_age,
							Error::<T>::TooYoungToMarry
						);
					}
					if let Some(end) = (*ended_by).and_then(Acts::<T>::get) {
						ensure!(end.event_date >= date, Error::<T>::DateBeforeMarriage);
					}
				},
				ActDetails::Divorce { marriage } => {
					let m = Acts::<T>::get(marriage).ok_or(Error::<T>::UnknownAct)?;
					ensure!(m.event_date <= date, Error::<T>::DateBeforeMarriage);
					let (a, b) = Self::pair(&act.subjects)?;
					for spouse in [a, b] {
						Self::ensure_alive_on(&Self::record(spouse)?, &date)?;
					}
				},
				ActDetails::Adoption { adoptive_mother, adoptive_father, .. } => {
					let child = Self::record(first?)?;
					Self::ensure_alive_on(&child, &date)?;
					for (parent, sex, err) in [
						(adoptive_mother, Sex::Female, Error::<T>::MotherNotFemale),
						(adoptive_father, Sex::Male, Error::<T>::FatherNotMale),
					] {
						if let Some(parent) = parent {
							let p = Self::record(*parent)?;
							Self::ensure_alive_on(&p, &date)?;
							ensure!(p.sex == sex, err);
							ensure!(
								p.birth_date.years_until(&date) >= ADULT_AGE,
								Error::<T>::AdoptiveParentNotAdult
							);
							ensure!(p.birth_date < child.birth_date, Error::<T>::ParentNotOlder);
						}
					}
				},
				ActDetails::Paternity => {
					let (cid, fid) = Self::pair(&act.subjects)?;
					let child = Self::record(cid)?;
					let father = Self::record(fid)?;
					Self::ensure_alive_on(&child, &date)?;
					Self::ensure_alive_on(&father, &date)?;
					ensure!(father.sex == Sex::Male, Error::<T>::FatherNotMale);
					ensure!(father.birth_date < child.birth_date, Error::<T>::ParentNotOlder);
				},
				ActDetails::NameChange { .. } => {
					let p = Self::record(first?)?;
					Self::ensure_alive_on(&p, &date)?;
					ensure!(
						p.birth_date.years_until(&date) >= NAME_CHANGE_AGE,
						Error::<T>::TooYoungForNameChange
					);
				},
			}
			Ok(())
		}

		/// The time a marriage in effect lasted: from its date to the date of the act that
		/// ended it, open if it has not ended.
		pub(crate) fn marriage_span(act: &Act<T>) -> (Date, Option<Date>) {
			let end = match act.details {
				ActDetails::Marriage { ended_by: Some(end), .. } => {
					Acts::<T>::get(end).map(|e| e.event_date)
				},
				_ => None,
			};
			(act.event_date, end)
		}

		/// Marriage `id` does not overlap in time any other marriage in effect of either
		/// spouse (one may remarry on the day a marriage ends). Returns the acts read.
		pub(crate) fn check_marriage_overlap(
			id: ActId,
			marriage: &Act<T>,
		) -> Result<u32, DispatchError> {
			let (start, end) = Self::marriage_span(marriage);
			let mut read = 0u32;
			for spouse in marriage.subjects.iter() {
				for other in ActsOf::<T>::get(spouse) {
					read = read.saturating_add(1);
					if other == id {
						continue;
					}
					let Some(m) = Acts::<T>::get(other) else { continue };
					if m.kind != ActKind::Marriage || m.status != ActStatus::Registered {
						continue;
					}
					let (other_start, other_end) = Self::marriage_span(&m);
					let before = end.is_some_and(|end| end <= other_start);
					let after = other_end.is_some_and(|other_end| other_end <= start);
					ensure!(before || after, Error::<T>::MarriagesOverlap);
				}
			}
			Ok(read)
		}

		/// The latest marriage in effect of `person`, by registration order. Also returns the
		/// number of acts read.
		pub(crate) fn latest_marriage(person: PersonId) -> (u32, Option<(ActId, Act<T>)>) {
			let mut read = 0u32;
			let mut latest = None;
			for id in ActsOf::<T>::get(person) {
				read = read.saturating_add(1);
				if let Some(act) = Acts::<T>::get(id) {
					if act.kind == ActKind::Marriage && act.status == ActStatus::Registered {
						latest = Some((id, act));
					}
				}
			}
			(read, latest)
		}

		/// A person's marital state as their marriages in effect define it: the latest one
		/// decides (in effect: married; ended by their own death: died married; by the spouse's
		/// death: widowed; by a divorce: divorced); none: single.
		pub(crate) fn marital_from_history(person: PersonId) -> (u32, MaritalStatus) {
			let (read, latest) = Self::latest_marriage(person);
			let Some((id, marriage)) = latest else { return (read, MaritalStatus::Single) };
			let spouse = marriage.subjects.iter().copied().find(|s| *s != person);
			let spouse = spouse.unwrap_or_default();
			let status = match marriage.details {
				ActDetails::Marriage { ended_by: Some(end), .. } => match Acts::<T>::get(end) {
					Some(e) if e.kind == ActKind::Death && e.subjects.first() == Some(&person) => {
						MaritalStatus::DiedMarried { spouse, act: id }
					},
					Some(e) if e.kind == ActKind::Death => MaritalStatus::Widowed,
					_ => MaritalStatus::Divorced,
				},
				_ => MaritalStatus::Married { spouse, act: id },
			};
			(read, status)
		}
	}
}
