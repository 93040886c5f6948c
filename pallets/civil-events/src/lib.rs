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
//! ## Law rules (each a typed [`Error`])
//!
//! Dates are real calendar dates, never after the current block's date. Birth: parents exist,
//! the mother is female and the father male, both older than the child, the mother alive at
//! the birth, the father alive or dead at most 300 days before it; one person per identity
//! key. Death: the person is alive; not before the birth; an active marriage ends and the
//! survivor is widowed. Marriage: two distinct living unmarried persons, at least 18 on the
//! date (17 with the hash of a khokim's exemption decision), not parent and child nor
//! siblings as recorded. Divorce: of an active marriage, not before it. Adoption: a living
//! child; at least one adoptive parent, each alive, adult and older than the child; may seal
//! the original birth act. Paternity: a living child with no recorded father; the father
//! alive, male and older. Name change: alive and at least 16. No act for a deceased person.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod types;
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

/// Sets up what the benchmarks need from the other pallets of the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId> {
	/// A head and a registrar of one active office that may register every kind of act, and
	/// the deepest jurisdiction that office covers (the longest permission check):
	/// `(head, registrar, jurisdiction)`.
	fn office(index: u32) -> (AccountId, AccountId, civil_registry_primitives::JurisdictionId);
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
		ActId, ActKind, Date, JurisdictionId, JurisdictionTree, LifeStatus, MaritalStatus,
		OfficeId, OfficerPermissions, PermissionError, PersonId, PersonRecord, PersonRegistry,
		Role, Sex,
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
		/// Who may register which act where: `pallet-offices`.
		type Permissions: OfficerPermissions<Self::AccountId>;

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
		/// The officer who registered an act cannot approve it.
		SelfApproval,
		/// No more act ids.
		Overflow,
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
			let record = Acts::<T>::get(act).ok_or(Error::<T>::UnknownAct)?;
			ensure!(record.status == ActStatus::Pending, Error::<T>::NotPending);
			let approver = T::Permissions::officer(&who).ok_or(Error::<T>::NotHeadOfOffice)?;
			ensure!(
				approver.role == Role::Head && approver.office == record.office,
				Error::<T>::NotHeadOfOffice
			);
			ensure!(record.officer != who, Error::<T>::SelfApproval);
			let effects = Self::plan(act, &record)?;

			if let ActDetails::Birth { identity_key, .. } = &record.details {
				PendingIdentities::<T>::remove(identity_key);
			}
			Self::deposit_event(Event::LateRegistrationApproved { act, approved_by: who });
			Self::commit(act, record, effects)
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

		/// The last day on which an event of `kind` on `date` is registered in time.
		fn deadline(kind: ActKind, date: &Date) -> Result<Date, DispatchError> {
			ensure!(date.is_valid(), Error::<T>::InvalidDate);
			let deadline = match kind {
				ActKind::Birth => date.add_months(BIRTH_DEADLINE_MONTHS),
				ActKind::Death => date.add_days(DEATH_DEADLINE_DAYS),
				_ => Some(*date),
			};
			Ok(deadline.ok_or(Error::<T>::InvalidDate)?)
		}

		fn person(id: PersonId) -> Result<PersonRecord, DispatchError> {
			Ok(T::Persons::person(id).ok_or(Error::<T>::UnknownPerson)?)
		}

		/// A person the act concerns: exists, alive, born on or before the act's date.
		fn living(id: PersonId, date: &Date) -> Result<PersonRecord, DispatchError> {
			let person = Self::person(id)?;
			ensure!(person.is_alive(), Error::<T>::PersonDeceased);
			ensure!(person.birth_date <= *date, Error::<T>::EventBeforeBirth);
			Ok(person)
		}

		/// Check the signer, the date, the rules; then store the act, pending or in effect.
		fn register(
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
			let subjects: Subjects = subjects.try_into().map_err(|_| Error::<T>::SamePerson)?;
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
					let pid = *act.subjects.first().ok_or(Error::<T>::UnknownPerson)?;
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
					let cid = *act.subjects.first().ok_or(Error::<T>::UnknownPerson)?;
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
					let pid = *act.subjects.first().ok_or(Error::<T>::UnknownPerson)?;
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
		fn new_person(
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
			}
		}

		fn pair(subjects: &Subjects) -> Result<(PersonId, PersonId), DispatchError> {
			match subjects.as_slice() {
				[a, b] => Ok((*a, *b)),
				_ => Err(Error::<T>::UnknownPerson.into()),
			}
		}

		fn ensure_identity_free(identity_key: &H256, id: ActId) -> DispatchResult {
			ensure!(T::Persons::by_identity(identity_key).is_none(), Error::<T>::DuplicateIdentity);
			ensure!(
				PendingIdentities::<T>::get(identity_key).is_none_or(|pending| pending == id),
				Error::<T>::DuplicateIdentity
			);
			Ok(())
		}

		/// Write an act that takes effect now, with the effects [`Self::plan`] computed.
		fn commit(id: ActId, mut act: Act<T>, effects: Effects) -> DispatchResult {
			act.status = ActStatus::Registered;
			act.details = effects.details;
			if let Some(record) = effects.new_person {
				let person = T::Persons::insert(record)?;
				act.subjects.try_insert(0, person).map_err(|_| Error::<T>::SamePerson)?;
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
			Acts::<T>::insert(id, act);
			Self::deposit_event(event);
			Ok(())
		}

		/// The invariants between acts and persons.
		#[cfg(any(feature = "try-runtime", feature = "std"))]
		pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
			let next = NextActId::<T>::get();
			for (id, act) in Acts::<T>::iter() {
				ensure!(id < next, "an act id is not yet issued");
				ensure!(act.kind == act.details.kind(), "an act's kind and details differ");
				for subject in act.subjects.iter() {
					ensure!(
						T::Persons::person(*subject).is_some(),
						"an act's subject does not exist"
					);
					let listed = ActsOf::<T>::get(subject).contains(&id);
					ensure!(
						listed == (act.status == ActStatus::Registered),
						"ActsOf and Acts disagree on an act"
					);
				}
				if act.status == ActStatus::Registered {
					if let ActDetails::Marriage { ended_by: None, .. } = act.details {
						let (a, b) = Self::pair(&act.subjects)
							.map_err(|_| "a marriage without two spouses")?;
						for (p, s) in [(a, b), (b, a)] {
							ensure!(
								T::Persons::person(p).map(|r| r.marital)
									== Some(MaritalStatus::Married { spouse: s, act: id }),
								"an active marriage's spouse is not married by it"
							);
						}
					}
					if act.kind == ActKind::Death {
						let p =
							act.subjects.first().copied().ok_or("a death act without subject")?;
						ensure!(
							matches!(T::Persons::person(p).map(|r| r.status), Some(LifeStatus::Deceased { act, .. }) if act == id),
							"a death act's subject is not deceased by it"
						);
					}
				}
			}
			for (person, acts) in ActsOf::<T>::iter() {
				for id in acts {
					let act = Acts::<T>::get(id).ok_or("ActsOf lists an unknown act")?;
					ensure!(act.subjects.contains(&person), "ActsOf lists an act of someone else");
				}
			}
			for id in 0..T::Persons::next_id() {
				let Some(p) = T::Persons::person(id) else { continue };
				if let LifeStatus::Deceased { act, .. } = p.status {
					let death =
						Acts::<T>::get(act).ok_or("a deceased person's death act is missing")?;
					ensure!(
						death.kind == ActKind::Death
							&& death.status == ActStatus::Registered
							&& death.subjects.first() == Some(&id),
						"a deceased person's death act is not an effective death act of theirs"
					);
				}
				if let MaritalStatus::Married { act, .. } = p.marital {
					let m = Acts::<T>::get(act).ok_or("a marriage act is missing")?;
					ensure!(
						matches!(m.details, ActDetails::Marriage { ended_by: None, .. }),
						"a married person's marriage has ended"
					);
				}
				let origin =
					Acts::<T>::get(p.origin_act).ok_or("a person's origin act is missing")?;
				ensure!(
					origin.subjects.first() == Some(&id)
						&& matches!(origin.kind, ActKind::Birth | ActKind::Enrollment),
					"a person's origin act is not its birth or enrollment"
				);
			}
			for (key, id) in PendingIdentities::<T>::iter() {
				let act = Acts::<T>::get(id).ok_or("a pending identity's act is missing")?;
				ensure!(
					act.status == ActStatus::Pending
						&& matches!(act.details, ActDetails::Birth { identity_key, .. } if identity_key == key),
					"a reserved identity key has no pending birth"
				);
			}
			Ok(())
		}
	}
}
