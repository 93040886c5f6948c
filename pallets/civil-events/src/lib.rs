// The crate's documentation is its README: the file map, every call with who may make it,
// what it checks and what it changes, the lifecycle and the invariants.
#![doc = include_str!("../README.md")]
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod acts;
mod features;
pub mod migrations;
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

pub(crate) use features::Source;
pub use types::*;
pub use weights::WeightInfo;

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
	/// Record `who`'s key as compromised since block 0 (whether or not it serves).
	fn compromise(who: &AccountId);
	/// A staff member of a health facility in the deepest jurisdiction of the office
	/// [`BenchmarkHelper::office`] created with the same `index` (call that first).
	fn facility(index: u32) -> AccountId;
}

// FRAME's pallet macros expand to `expect` calls on values they guarantee themselves; our own
// code in this module uses none (`scripts/check-runtime-code.sh` greps for them).
// An act's call takes what the act records: a birth has nine fields.
#[allow(clippy::expect_used, clippy::too_many_arguments)]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use civil_registry_primitives::{
		ActId, ActKind, CancellationReason, CompromisedKeys, Date, FamilyLaw, JurisdictionId,
		JurisdictionTree, OfficeId, OfficerPermissions, PermissionError, PersonId, PersonRegistry,
		Sex, TabulatedFacts, Tabulation, YearMonth,
	};
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(8);

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

		/// The chain's clock (`pallet-timestamp`): "today" for the date rules, in the time zone
		/// of [`Config::Law`].
		type Time: UnixTime;

		/// The numbers of the country's family law: ages, deadlines, the time zone
		/// ([`FamilyLaw::UZBEKISTAN`] in this repository's runtime).
		#[pallet::constant]
		type Law: Get<FamilyLaw>;

		/// Most persons the kinship check of a marriage visits among each spouse's ancestors
		/// (parents, their parents, ... through biological and adoptive links). 30 is four
		/// generations in full (2 + 4 + 8 + 16); an ancestry deeper than the bound is checked
		/// up to it. Bounds the weight of a marriage.
		#[pallet::constant]
		type MaxKinshipSearch: Get<u32>;

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

		/// Most proposals one officer may have open at once: one key never holds more of the
		/// country's proposal slots. A dismissed officer's open proposals close with it.
		#[pallet::constant]
		type MaxOpenProposalsPerOfficer: Get<u32>;

		/// Most proposals the officers of one office may have open at once.
		#[pallet::constant]
		type MaxOpenProposalsPerOffice: Get<u32>;

		/// Most certificates that may ever be issued of one act (all its versions together).
		/// A person asks for a duplicate a few times in a life; the bound keeps one act's
		/// certificates — and one stolen key's — from growing the state without end.
		#[pallet::constant]
		type MaxCertificatesPerAct: Get<u32>;

		/// Blocks a late registration waits for its head's approval. One not approved by then
		/// expires at the start of the block this many blocks after it was registered: its
		/// record stays (as `Expired`), and the identity key it reserved is free again.
		#[pallet::constant]
		type PendingLifetime: Get<BlockNumberFor<Self>>;

		/// Most late registrations that may expire in one block (so most registered late in
		/// one block). Bounds the work of the expiry in `on_initialize`.
		#[pallet::constant]
		type MaxPendingPerBlock: Get<u32>;

		/// Most approvals of one act (its late registration and its amendments). An act
		/// corrected that often is revoked and registered anew; the bound keeps the list that
		/// tells whether a compromised key approved the act short.
		#[pallet::constant]
		type MaxApprovalsPerAct: Get<u32>;

		/// Most late registrations one officer may have waiting for approval at once.
		#[pallet::constant]
		type MaxPendingPerOfficer: Get<u32>;

		/// Most late registrations the officers of one office may have waiting at once; below
		/// [`Config::MaxPendingPerBlock`], so that one office cannot fill a block's places.
		#[pallet::constant]
		type MaxPendingPerOffice: Get<u32>;

		/// Most records in one archive import ([`Pallet::enroll_batch`]). A batch's weight is
		/// linear in its records; the block's weight limit bounds how many batches a block holds.
		#[pallet::constant]
		type MaxArchiveBatch: Get<u32>;

		/// Most notifications one health facility may have open (not followed by an act) at
		/// once: a stolen facility key cannot fill the district's list beyond it.
		#[pallet::constant]
		type MaxOpenNotificationsPerFacility: Get<u32>;

		/// Most applications one office may have open (neither registered nor refused) at once.
		#[pallet::constant]
		type MaxOpenApplicationsPerOffice: Get<u32>;

		/// Weights of this pallet's calls, generated by its benchmarks.
		type WeightInfo: WeightInfo;

		/// Sets up officers and the clock for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// The acts. Ids are sequential and assigned by the chain, so no one chooses a key:
	/// `Identity` (the id's little-endian bytes, whose first byte cycles fastest) spreads them
	/// evenly over the trie and costs 8 bytes an act less than `Twox64Concat`.
	#[pallet::storage]
	pub type Acts<T: Config> = StorageMap<_, Identity, ActId, Act<T>, OptionQuery>;

	/// The first block whose expiries (of proposals and late registrations) wait for a
	/// multi-block migration to end: while one runs, acts may be half converted, and nothing
	/// that reads them runs. The first block after it expires what every block since queued.
	#[pallet::storage]
	pub type ExpiriesDeferredFrom<T: Config> = StorageValue<_, BlockNumberFor<T>, OptionQuery>;

	/// The id the next act will get.
	#[pallet::storage]
	pub type NextActId<T: Config> = StorageValue<_, ActId, ValueQuery>;

	/// The registered acts of each person, oldest first, but for the birth or enrollment that
	/// created them: their record names it (`origin_act`), so a person with no other act
	/// (most of the enrolled population) has no entry. All of a person's acts:
	/// `Pallet::acts_of_person`. Sequential ids: `Identity`, as [`Acts`].
	#[pallet::storage]
	pub type ActsOf<T: Config> =
		StorageMap<_, Identity, PersonId, BoundedVec<ActId, T::MaxActsPerPerson>, ValueQuery>;

	/// Identity keys reserved by pending (late) births, so that no second registration of
	/// the same person can slip in before the approval. Keys chosen off chain:
	/// `Blake2_128Concat`.
	#[pallet::storage]
	pub type PendingIdentities<T: Config> =
		StorageMap<_, Blake2_128Concat, H256, ActId, OptionQuery>;

	/// The late registrations that expire at the start of each block unless approved before.
	#[pallet::storage]
	pub type PendingExpiries<T: Config> = StorageMap<
		_,
		Twox64Concat,
		BlockNumberFor<T>,
		BoundedVec<ActId, T::MaxPendingPerBlock>,
		ValueQuery,
	>;

	/// The adoption in effect of each adopted child, with the parents it replaced: the links
	/// the kinship check of a marriage follows besides the recorded parents (a sealed adoption
	/// hides them from the public, not from the law). At most one adoption of a child is in
	/// effect. Sequential person ids: `Twox64Concat`.
	#[pallet::storage]
	pub type AdoptionInEffect<T: Config> =
		StorageMap<_, Twox64Concat, PersonId, ReplacedParents, OptionQuery>;

	/// The chain's go-live date: persons born before it, whose births were registered on
	/// paper, are enrolled from the archive (and so are their marriages registered on paper
	/// before it); births from this day on are registered as births. Set in genesis.
	#[pallet::storage]
	pub type GoLive<T: Config> = StorageValue<_, Date, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The go-live date ([`GoLive`]); `None` leaves it unset, and then nothing can be
		/// enrolled.
		pub go_live: Option<Date>,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Some(date) = self.go_live {
				GoLive::<T>::put(date);
			}
		}
	}

	/// How many certificates have been issued of each act, at most
	/// [`Config::MaxCertificatesPerAct`].
	#[pallet::storage]
	pub type CertificatesIssued<T: Config> = StorageMap<_, Twox64Concat, ActId, u32, ValueQuery>;

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

	/// The revoked marriages a court declared invalid, with the decision and its date: the
	/// presumption of paternity still reads them (`acts/marriage.rs`). One entry per such
	/// marriage, never removed (a revocation is final).
	#[pallet::storage]
	pub type Annulments<T: Config> = StorageMap<_, Twox64Concat, ActId, Annulment, OptionQuery>;

	/// The surnames chosen with each act that gave one (a marriage, a divorce, an adoption):
	/// who, and their data root before and after (`features/surnames.rs`). Written when the
	/// act is registered, its `previous_root` again when it takes effect; kept when it is
	/// revoked (the roots are restored) or expires. Beside [`Acts`] rather than in the act's
	/// details: three kinds of act have it, and a field there would rewrite every act stored.
	#[pallet::storage]
	pub type Surnames<T: Config> =
		StorageMap<_, Twox64Concat, ActId, BoundedVec<SurnameChange, ConstU32<2>>, OptionQuery>;

	/// The persons a court declared legally incapable, as the registry recorded it: no
	/// marriage while they are here (`features/capacity.rs`). Removed when capacity is
	/// restored. Sequential person ids: `Twox64Concat`.
	#[pallet::storage]
	pub type Incapacities<T: Config> =
		StorageMap<_, Twox64Concat, PersonId, Incapacity, OptionQuery>;

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

	/// The open proposals of each officer, bounded by [`Config::MaxOpenProposalsPerOfficer`].
	/// Accounts are chosen by heads: `Blake2_128Concat`.
	#[pallet::storage]
	pub type ProposalsBy<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<ProposalId, T::MaxOpenProposalsPerOfficer>,
		ValueQuery,
	>;

	/// How many proposals the officers of each office have open, at most
	/// [`Config::MaxOpenProposalsPerOffice`]. Sequential ids: `Twox64Concat`.
	#[pallet::storage]
	pub type OpenProposalsOfOffice<T: Config> =
		StorageMap<_, Twox64Concat, OfficeId, u32, ValueQuery>;

	/// The certificates issued, by hash (the QR code on the paper). Hashes are chosen off
	/// chain: `Blake2_128Concat`.
	#[pallet::storage]
	pub type Certificates<T: Config> =
		StorageMap<_, Blake2_128Concat, H256, Certificate<T>, OptionQuery>;

	/// The certificates their issuing office cancelled ([`Pallet::cancel_certificate`]): why,
	/// by whom and when. At most one entry per certificate, and a cancellation is final.
	#[pallet::storage]
	pub type CancelledCertificates<T: Config> =
		StorageMap<_, Blake2_128Concat, H256, Cancellation<T>, OptionQuery>;

	/// Vital statistics: the number of acts in effect per kind, month of the event and
	/// jurisdiction, counting the acts recorded in that jurisdiction and in every jurisdiction
	/// below it (rolled up at write time, so a query reads one counter per kind and month). Kept
	/// by every act, approval, amendment and revocation; a zero count is removed. Bounded by
	/// kinds × months with acts × jurisdictions.
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

	/// The UN's vital statistics beyond events by occurrence ([`Tabulation`],
	/// `features/statistics.rs`): a count per tabulation, month and jurisdiction, rolled up the
	/// tree like [`Statistics`]. Kept by every registration, approval, amendment, revocation
	/// and notification; a zero count is removed. Bounded by tabulations (48) × months ×
	/// jurisdictions.
	#[pallet::storage]
	pub type Tabulations<T: Config> = StorageNMap<
		_,
		(
			NMapKey<Twox64Concat, Tabulation>,
			NMapKey<Twox64Concat, YearMonth>,
			NMapKey<Twox64Concat, JurisdictionId>,
		),
		u32,
		ValueQuery,
	>;

	/// What the tabulations need of an act beyond the act itself: the day its registration
	/// was made, the place of usual residence, the mother's age group. One per act registered
	/// by an office since the tabulations exist (none for an archive import: it is no vital
	/// event); kept after a revocation, like the act.
	#[pallet::storage]
	pub type FactsOf<T: Config> = StorageMap<_, Twox64Concat, ActId, TabulatedFacts, OptionQuery>;

	/// The acts each officer signed, so that the acts of a compromised key can be listed: runs
	/// of consecutive act ids, keyed by the first, with their length. A single registration
	/// is a run of one; an archive import ([`Pallet::enroll_batch`]) one run for the whole
	/// batch, so that the index costs an enrolled person about a byte, not a key of its own.
	#[pallet::storage]
	pub type ActsByOfficer<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AccountId, Twox64Concat, ActId, u32, OptionQuery>;

	/// The anchored batches of paper records, by Merkle root (`primitives/src/archive.rs`):
	/// how many records, whose archive, which dates. Roots are chosen by the offices' systems,
	/// so `Blake2_128Concat` keeps the trie balanced whatever they are.
	#[pallet::storage]
	pub type ArchiveAnchors<T: Config> =
		StorageMap<_, Blake2_128Concat, H256, ArchiveAnchor<T>, OptionQuery>;

	/// Acts under review (signed or approved by a compromised key) that a regional head or
	/// governance reviewed and found sound ([`Pallet::clear_review`]), with the block it was
	/// cleared in. An approval of an amendment never clears it.
	#[pallet::storage]
	pub type ReviewCleared<T: Config> =
		StorageMap<_, Twox64Concat, ActId, BlockNumberFor<T>, OptionQuery>;

	/// Every approval by each officer (of an amendment, a revocation or a late registration):
	/// officer → act → the block it approved in. Reviewing a compromised key covers what it
	/// approved as well as what it signed.
	#[pallet::storage]
	pub type ApprovalsBy<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ActId,
		BlockNumberFor<T>,
		OptionQuery,
	>;

	/// Who approved each act's late registration and amendments, and when (at most
	/// [`Config::MaxApprovalsPerAct`]): tells whether a compromised key approved it.
	#[pallet::storage]
	pub type ApprovedActs<T: Config> = StorageMap<
		_,
		Twox64Concat,
		ActId,
		BoundedVec<(T::AccountId, BlockNumberFor<T>), T::MaxApprovalsPerAct>,
		ValueQuery,
	>;

	/// Late registrations waiting for approval, by the officer who registered them, against
	/// [`Config::MaxPendingPerOfficer`].
	#[pallet::storage]
	pub type PendingBy<T: Config> = StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Late registrations waiting for approval, by office, against
	/// [`Config::MaxPendingPerOffice`].
	#[pallet::storage]
	pub type PendingOfOffice<T: Config> = StorageMap<_, Twox64Concat, OfficeId, u32, ValueQuery>;

	/// The health facilities' notifications of births and deaths. Sequential ids:
	/// `Twox64Concat`. Kept after an act follows them (completeness statistics).
	#[pallet::storage]
	pub type Notifications<T: Config> =
		StorageMap<_, Twox64Concat, NotificationId, Notification<T>, OptionQuery>;

	/// The id the next notification will get.
	#[pallet::storage]
	pub type NextNotificationId<T: Config> = StorageValue<_, NotificationId, ValueQuery>;

	/// The open notifications, by the district where the event took place: what the
	/// district's office has yet to register (the runtime API lists the overdue ones).
	#[pallet::storage]
	pub type OpenNotifications<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		JurisdictionId,
		Twox64Concat,
		NotificationId,
		(),
		OptionQuery,
	>;

	/// How many open notifications each facility has, against
	/// [`Config::MaxOpenNotificationsPerFacility`].
	#[pallet::storage]
	pub type OpenNotificationsOf<T: Config> =
		StorageMap<_, Twox64Concat, OfficeId, u32, ValueQuery>;

	/// The notification an act was registered from.
	#[pallet::storage]
	pub type NotificationOfAct<T: Config> =
		StorageMap<_, Twox64Concat, ActId, NotificationId, OptionQuery>;

	/// Citizens' applications to the offices. Sequential ids: `Twox64Concat`.
	#[pallet::storage]
	pub type Applications<T: Config> =
		StorageMap<_, Twox64Concat, ApplicationId, Application<T>, OptionQuery>;

	/// The id the next application will get.
	#[pallet::storage]
	pub type NextApplicationId<T: Config> = StorageValue<_, ApplicationId, ValueQuery>;

	/// The application with a tracking code's hash: codes are unique. The office chooses the
	/// code, so `Blake2_128Concat`.
	#[pallet::storage]
	pub type ApplicationByTracking<T: Config> =
		StorageMap<_, Blake2_128Concat, H256, ApplicationId, OptionQuery>;

	/// How many open applications each office has, against
	/// [`Config::MaxOpenApplicationsPerOffice`].
	#[pallet::storage]
	pub type OpenApplicationsOf<T: Config> = StorageMap<_, Twox64Concat, OfficeId, u32, ValueQuery>;

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
		/// A marriage under a khokim's exemption was stored, pending the approval of a head of
		/// the office (approved with `approve_late_registration`).
		ExemptionPending {
			/// The pending marriage act.
			act: ActId,
			/// The district whose khokim decided.
			district: JurisdictionId,
			/// The registering office.
			office: OfficeId,
		},
		/// A death registered in time, but in a region where the person has no record (not the
		/// region of their birth, nor of their marriage in effect), was stored pending the
		/// approval of a head (approved with `approve_late_registration`): one registrar's key
		/// cannot end a life, and widow a spouse, on the other side of the country alone.
		DeathAwayPending {
			/// The pending death act.
			act: ActId,
			/// The registering office.
			office: OfficeId,
		},
		/// A marriage registered on paper before the chain's go-live was enrolled from the
		/// archive.
		MarriageEnrolled {
			/// The marriage act.
			act: ActId,
			/// One spouse.
			first: PersonId,
			/// The other spouse.
			second: PersonId,
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
		/// A proposal closed because its proposer was dismissed.
		ProposerDismissed {
			/// The proposal.
			proposal: ProposalId,
			/// The act.
			act: ActId,
			/// The dismissed officer.
			proposer: T::AccountId,
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
		/// A late registration was not approved within [`Config::PendingLifetime`] blocks: it
		/// will never take effect, and the identity key it reserved is free again.
		LateRegistrationExpired {
			/// The act.
			act: ActId,
		},
		/// A record of an archive import is on chain already (enrolled by an earlier run of
		/// the same import): nothing was written for it.
		ArchiveRecordSkipped {
			/// The record's position in the batch, from 0.
			index: u32,
			/// The act that enrolled it.
			act: ActId,
		},
		/// A record of an archive import was refused; the batch's other records are not
		/// affected.
		ArchiveRecordRefused {
			/// The record's position in the batch, from 0.
			index: u32,
			/// Why: the error the single call (`enroll_person`, `enroll_marriage`) would have
			/// returned.
			error: DispatchError,
		},
		/// An archive import finished: after one event per record, in the batch's order
		/// ([`Event::PersonEnrolled`], [`Event::MarriageEnrolled`],
		/// [`Event::ArchiveRecordSkipped`] or [`Event::ArchiveRecordRefused`]), the totals.
		ArchiveBatchImported {
			/// The importing office.
			office: OfficeId,
			/// Records enrolled now.
			enrolled: u32,
			/// Records on chain already.
			skipped: u32,
			/// Records refused.
			refused: u32,
		},
		/// An act under review was reviewed and found sound: it no longer needs review.
		ReviewCleared {
			/// The act.
			act: ActId,
			/// The regional head that cleared it; `None` when governance did.
			cleared_by: Option<T::AccountId>,
		},
		/// The issuing office cancelled a certificate: it verifies as reported lost, reported
		/// stolen or issued in error from now on.
		CertificateCancelled {
			/// The certificate's hash.
			certificate: H256,
			/// Why.
			reason: CancellationReason,
			/// The head that cancelled it; `None` when governance did.
			cancelled_by: Option<T::AccountId>,
		},
		/// A revoked marriage was one a court declared invalid (after its [`Event::ActRevoked`]).
		MarriageAnnulled {
			/// The marriage act.
			act: ActId,
			/// The day the court's decision took effect.
			date: Date,
		},
		/// A court's declaration of a person's legal incapacity was recorded: no marriage until
		/// capacity is restored.
		IncapacityRecorded {
			/// The person.
			person: PersonId,
			/// The day the declaration took effect.
			since: Date,
			/// The office whose head recorded it.
			office: OfficeId,
		},
		/// A court's decision restoring a person's capacity was recorded.
		CapacityRestored {
			/// The person.
			person: PersonId,
			/// The day the decision took effect.
			on: Date,
			/// Hash of the decision.
			decision: H256,
			/// The office whose head recorded it.
			office: OfficeId,
		},
		/// A batch of paper records was anchored by its Merkle root.
		ArchiveAnchored {
			/// The root.
			root: H256,
			/// How many records it covers.
			count: u32,
			/// The office whose archive holds them.
			office: OfficeId,
			/// The dates they cover.
			period: ArchivePeriod,
		},
		/// A person born in another country than the registering office's was enrolled, and
		/// waits for the approval of a head (approved with `approve_late_registration`): one
		/// registrar's key does not create a person from a foreign document alone.
		EnrollmentAbroadPending {
			/// The pending enrollment act.
			act: ActId,
			/// The registering office.
			office: OfficeId,
		},
		/// A health facility notified a birth or a death.
		Notified {
			/// The notification.
			notification: NotificationId,
			/// Birth or death.
			kind: ActKind,
			/// The facility.
			facility: OfficeId,
		},
		/// An office registered the act of a notification.
		NotificationFollowed {
			/// The notification.
			notification: NotificationId,
			/// The act.
			act: ActId,
		},
		/// A notification is open again: the act registered from it was revoked, or expired
		/// unapproved.
		NotificationReopened {
			/// The notification.
			notification: NotificationId,
		},
		/// A facility withdrew its notification.
		NotificationWithdrawn {
			/// The notification.
			notification: NotificationId,
		},
		/// An office received a citizen's application.
		ApplicationReceived {
			/// The application.
			application: ApplicationId,
			/// What it applies for.
			kind: ApplicationKind,
			/// The office.
			office: OfficeId,
		},
		/// An application's status changed.
		ApplicationUpdated {
			/// The application.
			application: ApplicationId,
			/// Its new status.
			status: ApplicationStatus,
		},
		/// A head shortened a marriage application's waiting period.
		WaitingShortened {
			/// The application.
			application: ApplicationId,
			/// The reason the law names.
			reason: ShorteningReason,
			/// The first day the marriage may now be registered.
			earliest: Date,
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
		/// A spouse is younger than the law's marriage age on the date (Uzbekistan: 18; 17 with
		/// an exemption decision).
		TooYoungToMarry,
		/// The spouses are relatives in the direct line, full or half siblings, or adoptive
		/// parent and child (through recorded and adoptive links alike).
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
		/// The person is younger than the law's name-change age on the date (Uzbekistan: 16) and
		/// the act carries no consent of the guardianship authority or of both parents.
		TooYoungForNameChange,
		/// A person already has `MaxActsPerPerson` acts.
		TooManyActs,
		/// The act is not pending.
		NotPending,
		/// Only a head of the registering office, or of the regional department above it,
		/// approves its late registrations.
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
		/// decides a revocation; only a regional department's head lifts a bar to marriage
		/// (restores capacity).
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
		/// The officer has [`Config::MaxOpenProposalsPerOfficer`] proposals open: one must be
		/// decided, withdrawn or expire first.
		TooManyOpenProposalsOfOfficer,
		/// The officers of this office have [`Config::MaxOpenProposalsPerOffice`] proposals
		/// open.
		TooManyOpenProposalsOfOffice,
		/// The act has had the most certificates one act may have (`MaxCertificatesPerAct`); no
		/// more can be issued.
		TooManyCertificates,
		/// Too many late registrations already expire in the same block; try in the next block.
		TooManyPending,
		/// The law of this runtime allows a marriage only between a man and a woman.
		SameSexMarriage,
		/// A parent is younger than the law's minimum parent age at the child's birth.
		ParentTooYoung,
		/// The child has an adoption in effect: a new adoption needs that one revoked first.
		AlreadyAdopted,
		/// Only a minor may be adopted.
		AdopteeNotMinor,
		/// An adoptive parent who is not married is not enough years older than the child
		/// (spouses adopting together, and a step-parent, are exempt).
		AdopterTooYoung,
		/// A spouse cannot adopt the other spouse.
		SpouseCannotAdopt,
		/// A marriage takes effect on the day of its registration: its date must be today (in
		/// the country's time zone). An older marriage is enrolled from the archive.
		MarriageNotToday,
		/// Enrolled from the archive is only what was registered on paper before the chain's
		/// go-live date; later births are registered as births (late ones with approval), later
		/// marriages as marriages.
		NotBeforeGoLive,
		/// The chain's go-live date is not set (genesis): nothing can be enrolled.
		GoLiveUnset,
		/// The exemption's district does not contain the jurisdiction the marriage is
		/// registered in, or is not a district of the tree.
		ExemptionOutsideDistrict,
		/// The spouses have a common minor child: only a court's decision dissolves their
		/// marriage (`DivorceGrounds::CourtDecision`).
		CommonMinorChildren,
		/// The child's father is presumed — the mother was married at the birth, or her
		/// marriage ended at most `father_grace_days` before it — and the act names another
		/// father (or none), or establishes paternity, without a court decision.
		FatherPresumed,
		/// The parents of a person are corrected only on a court decision
		/// (`AmendmentReason::CourtDecision`).
		ParentsNeedCourtDecision,
		/// The father is deceased: only a court establishes the paternity of a deceased man
		/// (`court_decision`) — by a paternity act, or by a birth act naming a man who was not
		/// the mother's (former) husband.
		DeceasedFatherNeedsCourt,
		/// An archive import holds no record.
		EmptyBatch,
		/// An archive batch with this root is anchored already.
		AlreadyAnchored,
		/// An anchored batch holds at least one record.
		EmptyAnchor,
		/// The signer anchors only for their own office.
		NotOwnOffice,
		/// An archive period ends before it starts, or ends in the future.
		InvalidPeriod,
		/// The approver appointed the officer whose work it would approve, less than the
		/// cooling period (`pallet-offices`' `AppointeeCooling`) ago.
		ApproverAppointedOfficer,
		/// A change of parents, sex or identity is approved at the regional level: by the head
		/// of the regional department covering the act, not by the head of a district office,
		/// wedding house, consulate or archive.
		NeedsRegionalApproval,
		/// The officer has `MaxPendingPerOfficer` late registrations waiting for approval.
		TooManyPendingOfOfficer,
		/// The office has `MaxPendingPerOffice` late registrations waiting for approval.
		TooManyPendingOfOffice,
		/// The act is not under review, or its review was cleared already.
		NotUnderReview,
		/// The act has had `MaxApprovalsPerAct` approvals: revoke it and register it anew.
		TooManyApprovals,
		/// No certificate has this hash.
		UnknownCertificate,
		/// The certificate was cancelled already; a cancellation is final.
		CertificateCancelled,
		/// The signer is not the head of the office that issued the certificate, nor of the
		/// regional department above it (or its key is under review).
		NotIssuingHead,
		/// The child is adopted: the adoptive parents are its parents in law, and no paternity
		/// of a birth father is established while the adoption is in effect (revoke it first).
		ChildAdopted,
		/// This act takes effect on the day of its registration (a divorce by a registry
		/// office, a paternity on the parents' joint application, a change of name): its date
		/// must be today, in the country's time zone. An earlier date needs the decision that
		/// set it (a court's divorce or paternity).
		NotDatedToday,
		/// The date of an act that takes effect on its registration (a marriage, a divorce by a
		/// registry office, a paternity on the parents' joint application, a change of name) is
		/// the day it was registered: no correction moves it.
		DateSetByRegistration,
		/// The person's last marriage was dissolved by a divorce dated after this death: a
		/// marriage ends with a death, and no divorce follows it. Revoke that divorce, or
		/// correct one of the dates, first.
		DeathBeforeDivorce,
		/// A joint adoption is by spouses: the adoptive mother and father are not married to
		/// each other. One of them may adopt alone.
		AdoptersNotMarried,
		/// An adoptive parent is already the child's parent.
		AdopterIsParent,
		/// A step-parent's adoption in effect, dated after this death or divorce, treated the
		/// two as married (its adopter's spouse stayed the child's parent): the marriage cannot
		/// have ended before it. Revoke or correct that adoption first.
		AdoptionReliesOnMarriage,
		/// The adoption's terms keep the other parent's rights, but there is no other parent to
		/// keep: two adopt together, or the child has no parent in the other slot.
		NoOtherParentToKeep,
		/// The child is an adult on the date: paternity on the parents' joint application needs
		/// the child's consent (`adult_consent`).
		AdultConsentRequired,
		/// A consent of an adult child was given, but the child is a minor on the date.
		ChildNotAdult,
		/// A marriage cannot have been declared invalid before the day it was registered.
		AnnulmentBeforeMarriage,
		/// A court declared this spouse legally incapable (art. 16): no marriage until a
		/// decision restores capacity.
		PersonIncapable,
		/// The person's incapacity is recorded already.
		IncapacityRecorded,
		/// No incapacity of this person is recorded.
		NoIncapacity,
		/// Capacity cannot be restored before the day the incapacity took effect.
		RestoredBeforeIncapacity,
		/// A surname is chosen with this act only by its spouses (a marriage registered on its
		/// day or with an exemption, a divorce) or its adopted child; not by this person, and
		/// not with a marriage from the archive.
		SurnameNotChosenHere,
		/// Two surnames were chosen for the same person with one act.
		SurnameChosenTwice,
		/// The data root given with the surname is the person's data root already.
		SurnameUnchanged,
		/// The signer is not staff of an active health facility: only a facility notifies.
		NotAHealthFacility,
		/// No notification has this id.
		UnknownNotification,
		/// The notification is followed by an act already, or withdrawn.
		NotificationClosed,
		/// The notification is of another kind of event than the act.
		NotificationOfAnotherKind,
		/// The act's facts differ from the notification's: the place, the date, the child's
		/// sex or mother, the person who died.
		NotificationMismatch,
		/// The facility has `MaxOpenNotificationsPerFacility` notifications open.
		TooManyOpenNotifications,
		/// The notification is another facility's.
		NotYourNotification,
		/// No application has this id.
		UnknownApplication,
		/// The tracking code is another application's already.
		TrackingCodeTaken,
		/// The application was received by another office.
		ApplicationOfAnotherOffice,
		/// The application is registered or refused already: its status changes no more.
		ApplicationClosed,
		/// The application is for another kind of act, or names other persons.
		ApplicationMismatch,
		/// A marriage application names its two applicants, distinct persons on chain; the
		/// other kinds name none.
		BadApplicants,
		/// This office may not receive applications of this kind (it does not register such
		/// acts).
		ApplicationKindNotServed,
		/// The status cannot be set this way: `Registered` comes with the act (a marriage
		/// by `register_marriage`), and the act given is not the application's (its kind,
		/// its office, in effect).
		BadApplicationStatus,
		/// The marriage application's waiting period is not over (Family Code, art. 13): the
		/// marriage registers from its `earliest` day on, unless a head shortens the wait.
		WaitingPeriodNotOver,
		/// Only a marriage application's waiting period can be shortened, to a day from its
		/// reception up to the end of the period.
		BadShortening,
		/// The office has `MaxOpenApplicationsPerOffice` applications open.
		TooManyOpenApplications,
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
		/// Expire the proposals and late registrations nobody decided in time — after a
		/// multi-block migration, those of every block it ran through too.
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			Self::expire_all(n)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Register a birth: creates the child. The rule: `acts/birth.rs`. `court_decision`:
		/// the hash of the court decision that sets aside the presumption of the mother's
		/// husband's paternity, when the act names another father or none. `residence`: the
		/// mother's place of usual residence (a district, for the UN's vital statistics), if
		/// known; `notification`: the health facility's notification it is registered from.
		///
		/// Origin: an officer allowed to register births in `jurisdiction` (the place of
		/// birth). Emits [`Event::BirthRegistered`], or [`Event::LateRegistrationPending`]
		/// more than a month after the birth.
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
			court_decision: Option<H256>,
			residence: Option<JurisdictionId>,
			notification: Option<NotificationId>,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			if let Some(id) = notification {
				Self::ensure_notified_birth(id, jurisdiction, birth_date, sex, mother)?;
			}
			let parents = Parents { mother, father };
			let request =
				BirthDetails { child: None, parents, identity_key, data_root, sex, court_decision };
			let act = Self::register::<acts::Birth>(
				who,
				jurisdiction,
				birth_date,
				request,
				&[],
				document_hash,
				Source::Office { residence },
			)?;
			notification.map_or(Ok(()), |id| Self::follow_notification(id, act))
		}

		/// Register a death. The rule: `acts/death.rs`. `residence`: the deceased's place of
		/// usual residence (a district, for the UN's vital statistics), if known;
		/// `notification`: the health facility's notification it is registered from.
		///
		/// Origin: an officer allowed to register deaths in `jurisdiction`. An active
		/// marriage ends; the spouse becomes widowed. Emits [`Event::DeathRegistered`], or
		/// [`Event::LateRegistrationPending`] more than three days after the death.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::register_death())]
		pub fn register_death(
			origin: OriginFor<T>,
			jurisdiction: JurisdictionId,
			date_of_death: Date,
			person: PersonId,
			residence: Option<JurisdictionId>,
			notification: Option<NotificationId>,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			if let Some(id) = notification {
				Self::ensure_notified_death(id, jurisdiction, date_of_death, person)?;
			}
			let request = DeathDetails { person };
			let act = Self::register::<acts::Death>(
				who,
				jurisdiction,
				date_of_death,
				request,
				&[],
				document_hash,
				Source::Office { residence },
			)?;
			notification.map_or(Ok(()), |id| Self::follow_notification(id, act))
		}

		/// Register a marriage, dated today. The rule (a man and a woman, alive, unmarried, at
		/// least 18 — 17 with `exemption`, the district khokim's decision — not close
		/// relatives): `acts/marriage.rs`.
		///
		/// Origin: an officer allowed to register marriages in `jurisdiction` (a registry
		/// office or a wedding house). Emits [`Event::MarriageRegistered`]; with an exemption,
		/// [`Event::ExemptionPending`], and the marriage waits for a head's approval.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::register_marriage())]
		pub fn register_marriage(
			origin: OriginFor<T>,
			jurisdiction: JurisdictionId,
			date: Date,
			first: PersonId,
			second: PersonId,
			exemption: Option<Exemption>,
			surnames: SurnameChoices,
			application: ApplicationId,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let basis = exemption.map_or(MarriageBasis::Ordinary, MarriageBasis::Exemption);
			let spouses = Spouses { first, second };
			let request = MarriageDetails { spouses, basis, ended_by: None };
			let act = Self::register::<acts::Marriage>(
				who,
				jurisdiction,
				date,
				request,
				&surnames,
				document_hash,
				Source::OFFICE,
			)?;
			Self::follow_application(application, act, first, second)
		}

		/// Register a divorce, ending the marriage of act `marriage`, on `grounds` (mutual
		/// consent only without common minor children; otherwise a document's reference). The
		/// rule: `acts/divorce.rs`.
		///
		/// Origin: an officer allowed to register divorces in `jurisdiction`. Both spouses
		/// become divorced. Emits [`Event::DivorceRegistered`].
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::register_divorce())]
		pub fn register_divorce(
			origin: OriginFor<T>,
			jurisdiction: JurisdictionId,
			date: Date,
			marriage: ActId,
			grounds: DivorceGrounds,
			surnames: SurnameChoices,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			// The spouses are the marriage's: the rule takes them from the marriage act.
			let request = acts::DivorceRequest { marriage, grounds };
			Self::register::<acts::Divorce>(
				who,
				jurisdiction,
				date,
				request,
				&surnames,
				document_hash,
				Source::OFFICE,
			)
			.map(|_| ())
		}

		/// Register an adoption of `child` by an adoptive mother, father, or both, established
		/// by the decision whose hash is `decision`. The rule: `acts/adoption.rs`.
		///
		/// Origin: an officer allowed to register adoptions in `jurisdiction`. Two adopt
		/// together only if married to each other. The adoptive parents replace the recorded
		/// ones; a single adopter takes the child alone unless a step-parent, whose spouse stays
		/// the other parent, or unless the decision keeps the other parent's rights
		/// (`terms.keeps_other_parent`); `terms.shortens_age_gap` when the decision shortened the
		/// age gap. With `seal`, the original birth act is sealed (public queries no longer
		/// return it). Emits [`Event::AdoptionRegistered`].
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::register_adoption())]
		pub fn register_adoption(
			origin: OriginFor<T>,
			jurisdiction: JurisdictionId,
			date: Date,
			child: PersonId,
			adoptive_mother: Option<PersonId>,
			adoptive_father: Option<PersonId>,
			seal: bool,
			decision: H256,
			terms: AdoptionTerms,
			surnames: SurnameChoices,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			// The parents it replaces are the rule's to find, in the child's record.
			let adoptive = Parents { mother: adoptive_mother, father: adoptive_father };
			let request = acts::AdoptionRequest { child, adoptive, sealed: seal, decision, terms };
			Self::register::<acts::Adoption>(
				who,
				jurisdiction,
				date,
				request,
				&surnames,
				document_hash,
				Source::OFFICE,
			)
			.map(|_| ())
		}

		/// Establish `father`'s paternity of `child`; `court_decision` when a court established
		/// it (needed when the child's father is presumed, or the father has died);
		/// `adult_consent`, the hash of the child's written consent, when the child is an adult
		/// and the parents apply jointly. The rule: `acts/paternity.rs`.
		///
		/// Origin: an officer allowed to register paternity in `jurisdiction`. Emits
		/// [`Event::PaternityRegistered`].
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::register_paternity())]
		pub fn register_paternity(
			origin: OriginFor<T>,
			jurisdiction: JurisdictionId,
			date: Date,
			child: PersonId,
			father: PersonId,
			court_decision: Option<H256>,
			adult_consent: Option<H256>,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let details = PaternityDetails { child, father, court_decision };
			let request = acts::PaternityRequest { details, adult_consent };
			Self::register::<acts::Paternity>(
				who,
				jurisdiction,
				date,
				request,
				&[],
				document_hash,
				Source::OFFICE,
			)
			.map(|_| ())
		}

		/// Register a change of name: the person's data root becomes `new_data_root`. The
		/// rule (alive; at least 16, or younger with `consent`, the hash of the guardianship
		/// authority's or both parents' consent): `acts/name_change.rs`.
		///
		/// Origin: an officer allowed to register name changes in `jurisdiction`. Emits
		/// [`Event::NameChangeRegistered`].
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::register_name_change())]
		pub fn register_name_change(
			origin: OriginFor<T>,
			jurisdiction: JurisdictionId,
			date: Date,
			person: PersonId,
			new_data_root: H256,
			consent: Option<H256>,
			document_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			// The root it replaces is the rule's to find, in the person's record.
			let request = acts::NameChangeRequest { person, new_root: new_data_root, consent };
			Self::register::<acts::NameChange>(
				who,
				jurisdiction,
				date,
				request,
				&[],
				document_hash,
				Source::OFFICE,
			)
			.map(|_| ())
		}

		/// Enroll a person whose birth was registered on paper before the chain's go-live date,
		/// from the archive, with the parents when they are on chain. The rule:
		/// `acts/enrollment.rs`.
		///
		/// Origin: an officer allowed to enroll in `jurisdiction` (the place of birth;
		/// archives and registry offices). `archive_reference`, the hash of the paper record's
		/// reference, is the act's document hash. Emits [`Event::PersonEnrolled`].
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::enroll_person())]
		pub fn enroll_person(
			origin: OriginFor<T>,
			jurisdiction: JurisdictionId,
			birth_date: Date,
			identity_key: H256,
			data_root: H256,
			sex: Sex,
			mother: Option<PersonId>,
			father: Option<PersonId>,
			archive_reference: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let parents = Parents { mother, father };
			let request = EnrollmentDetails { person: None, parents, identity_key, data_root, sex };
			Self::register::<acts::Enrollment>(
				who,
				jurisdiction,
				birth_date,
				request,
				&[],
				archive_reference,
				Source::Archive,
			)
			.map(|_| ())
		}

		/// Approve a pending act — a late registration, or a marriage under an exemption: the
		/// rules are checked again against today's records and the act takes effect.
		///
		/// Origin: a head of the office that registered the act, or of the regional department
		/// above it, other than the officer who registered it. Emits
		/// [`Event::LateRegistrationApproved`] and the act's own event.
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
		#[pallet::weight(T::WeightInfo::approve_amendment(Pallet::<T>::max_checked_acts())
			.saturating_add(T::WeightInfo::register_marriage()))]
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
		#[pallet::weight(
			T::WeightInfo::approve_revocation(Pallet::<T>::max_checked_acts())
				.max(T::WeightInfo::approve_annulment())
		)]
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

		/// Enroll a marriage registered on paper before the chain's go-live date, from the
		/// archive, between two persons on chain, so that the law's checks (bigamy first) see
		/// it. The rule: `acts/marriage.rs`.
		///
		/// Origin: an officer allowed to enroll in `jurisdiction` (where it was registered).
		/// `archive_reference`, the hash of the paper record's reference, is the act's document
		/// hash. Emits [`Event::MarriageEnrolled`].
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::enroll_marriage())]
		pub fn enroll_marriage(
			origin: OriginFor<T>,
			jurisdiction: JurisdictionId,
			date: Date,
			first: PersonId,
			second: PersonId,
			archive_reference: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let spouses = Spouses { first, second };
			let request =
				MarriageDetails { spouses, basis: MarriageBasis::Archive, ended_by: None };
			Self::register::<acts::Marriage>(
				who,
				jurisdiction,
				date,
				request,
				&[],
				archive_reference,
				Source::Archive,
			)
			.map(|_| ())
		}

		/// Import a batch of paper-archive records — persons and marriages, in any order — as
		/// `enroll_person` and `enroll_marriage` would one by one, with the same rules. The
		/// import path of the roll-out: one signature, one officer-index entry and one event
		/// per record for the whole batch. How: `features/archive.rs`.
		///
		/// Each record is enrolled, skipped (on chain already: a person whose identity key is
		/// held by their enrollment with the same archive reference, or a marriage of the same
		/// spouses with the same reference), or refused, without affecting the others; so an
		/// interrupted import is simply run again. Emits one event per record in the batch's
		/// order ([`Event::PersonEnrolled`], [`Event::MarriageEnrolled`],
		/// [`Event::ArchiveRecordSkipped`], [`Event::ArchiveRecordRefused`]) and then
		/// [`Event::ArchiveBatchImported`].
		///
		/// Origin: an officer allowed to enroll (archives and registry offices); each record's
		/// jurisdiction is checked as the single call checks it.
		#[pallet::call_index(17)]
		#[pallet::weight(Pallet::<T>::archive_batch_weight(records))]
		pub fn enroll_batch(
			origin: OriginFor<T>,
			records: BoundedVec<ArchiveRecord, T::MaxArchiveBatch>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_enroll_batch(who, records)
		}

		/// Anchor a batch of `count` paper records of `office`'s archive, dated within
		/// `period`, by the Merkle root of their hashes (the tree: `primitives/src/archive.rs`;
		/// built by `scripts/load/archive-tree.mjs`). Nothing about the records goes on chain; anyone
		/// holding one later proves it unaltered with `civil_verifyArchiveRecord`.
		///
		/// Origin: an officer of `office`, which must be allowed to enroll (an archive or a
		/// registry office). A root is anchored once. Emits [`Event::ArchiveAnchored`].
		#[pallet::call_index(18)]
		#[pallet::weight(T::WeightInfo::anchor_archive_batch())]
		pub fn anchor_archive_batch(
			origin: OriginFor<T>,
			root: H256,
			count: u32,
			office: OfficeId,
			period: ArchivePeriod,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_anchor_archive_batch(who, root, count, office, period)
		}

		/// Clear the review flag of an act signed or approved by a compromised key (or by a
		/// registrar such a key appointed), once reviewed and found sound: its certificates
		/// verify as valid again. (An act found unsound is corrected or revoked instead.)
		///
		/// Origin: [`Config::RevocationOrigin`], or the head of the regional department whose
		/// region covers the act, whose own key is not under review. Emits
		/// [`Event::ReviewCleared`].
		#[pallet::call_index(19)]
		#[pallet::weight(T::WeightInfo::clear_review())]
		pub fn clear_review(origin: OriginFor<T>, act: ActId) -> DispatchResult {
			Self::do_clear_review(origin, act)
		}

		/// Cancel a certificate the office issued, because its holder reported it lost or
		/// stolen or because it was printed in error: from now on it verifies as
		/// `ReportedLost`, `ReportedStolen` or `IssuedInError`, whatever its act. The act is
		/// unaffected; the office issues a new certificate. Final: a cancelled certificate is
		/// never valid again.
		///
		/// Origin: [`Config::RevocationOrigin`], or the head of the issuing office or of the
		/// regional department above it, whose own key is not under review. Emits
		/// [`Event::CertificateCancelled`].
		#[pallet::call_index(20)]
		#[pallet::weight(T::WeightInfo::cancel_certificate())]
		pub fn cancel_certificate(
			origin: OriginFor<T>,
			certificate_hash: H256,
			reason: CancellationReason,
		) -> DispatchResult {
			Self::do_cancel_certificate(origin, certificate_hash, reason)
		}

		/// Propose to revoke marriage `act` because a court declared it invalid, by the
		/// decision whose hash is `decision`, which took effect on `date`. Approved and rejected
		/// as a revocation ([`Pallet::approve_revocation`]): the marriage is revoked with its
		/// divorce, and recorded in [`Annulments`] — the husband stays the presumed father of
		/// a child born in it, or within the presumption's period after `date`.
		///
		/// Origin: an officer allowed to register marriages where it was registered. Emits
		/// [`Event::RevocationProposed`]; on approval [`Event::ActRevoked`] and
		/// [`Event::MarriageAnnulled`].
		#[pallet::call_index(21)]
		#[pallet::weight(T::WeightInfo::propose_annulment())]
		pub fn propose_annulment(
			origin: OriginFor<T>,
			act: ActId,
			decision: H256,
			date: Date,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_propose_annulment(who, act, decision, date)
		}

		/// Record a court's declaration that `person` is legally incapable, by the decision
		/// whose hash is `decision`, in effect since `since`: no marriage of theirs is
		/// registered until capacity is restored (art. 16; `features/capacity.rs`).
		///
		/// Origin: the head of an office allowed to register marriages in `jurisdiction`.
		/// Emits [`Event::IncapacityRecorded`].
		#[pallet::call_index(22)]
		#[pallet::weight(T::WeightInfo::record_incapacity())]
		pub fn record_incapacity(
			origin: OriginFor<T>,
			jurisdiction: JurisdictionId,
			person: PersonId,
			decision: H256,
			since: Date,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record_incapacity(who, jurisdiction, person, decision, since)
		}

		/// Record a court's decision restoring `person`'s capacity on `on` (hash `decision`):
		/// the bar to marriage is lifted.
		///
		/// Origin: the head of a regional department allowed to register marriages in
		/// `jurisdiction`.
		/// Emits [`Event::CapacityRestored`].
		#[pallet::call_index(23)]
		#[pallet::weight(T::WeightInfo::restore_capacity())]
		pub fn restore_capacity(
			origin: OriginFor<T>,
			jurisdiction: JurisdictionId,
			person: PersonId,
			decision: H256,
			on: Date,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_restore_capacity(who, jurisdiction, person, decision, on)
		}

		/// Notify a birth in the signer's health facility: the day, the child's sex, the
		/// mother (a person on chain, or her identity key) and the hash of the medical birth
		/// record. Not an act: an office registers the birth from it (`register_birth` with
		/// `notification`), and until then it is on the district's list, overdue once the
		/// legal period of registration is over.
		///
		/// Origin: staff (head or not) of an active health facility. Checks the date is not in
		/// the future, the mother (a person) exists, and the facility has fewer than
		/// `MaxOpenNotificationsPerFacility` open. Emits [`Event::Notified`].
		#[pallet::call_index(24)]
		#[pallet::weight(T::WeightInfo::notify_birth())]
		pub fn notify_birth(
			origin: OriginFor<T>,
			birth_date: Date,
			sex: Sex,
			mother: NotifiedMother,
			record_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let event = NotifiedEvent::Birth { date: birth_date, sex, mother, record_hash };
			Self::do_notify(who, event)
		}

		/// Notify a death the signer's health facility certified: the day, the person and the
		/// hash of the medical certificate of death. As [`Pallet::notify_birth`]; the person
		/// must be on chain and alive.
		#[pallet::call_index(25)]
		#[pallet::weight(T::WeightInfo::notify_death())]
		pub fn notify_death(
			origin: OriginFor<T>,
			date_of_death: Date,
			person: PersonId,
			certificate_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let event = NotifiedEvent::Death { date: date_of_death, person, certificate_hash };
			Self::do_notify(who, event)
		}

		/// Withdraw an open notification notified in error.
		///
		/// Origin: staff of the facility that notified it. Emits
		/// [`Event::NotificationWithdrawn`].
		#[pallet::call_index(26)]
		#[pallet::weight(T::WeightInfo::withdraw_notification())]
		pub fn withdraw_notification(
			origin: OriginFor<T>,
			notification: NotificationId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_notification(who, notification)
		}

		/// Record a citizen's application received by the signer's office, with the hash
		/// (BLAKE2-256) of the tracking code the office gave the citizen: the citizen follows
		/// the application on the portal by the code, without an account. A marriage
		/// application names its two applicants, and its waiting period (a month, Family
		/// Code art. 13) starts today.
		///
		/// Origin: an officer of an active office that registers acts of the kind (any
		/// registry office for a reissue). Emits [`Event::ApplicationReceived`].
		#[pallet::call_index(27)]
		#[pallet::weight(T::WeightInfo::receive_application())]
		pub fn receive_application(
			origin: OriginFor<T>,
			kind: ApplicationKind,
			tracking: H256,
			applicants: BoundedVec<PersonId, ConstU32<2>>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_receive_application(who, kind, tracking, applicants)
		}

		/// Set an application's status: accepted, waiting, refused with a reason; or, for an
		/// application other than a marriage, registered as `act` (an act in effect of the
		/// application's kind registered by its office; for a reissue, the act whose
		/// certificate was issued). A marriage application is registered by
		/// `register_marriage` itself. A registered or refused application changes no more.
		///
		/// Origin: an officer of the office that received it. Emits
		/// [`Event::ApplicationUpdated`].
		#[pallet::call_index(28)]
		#[pallet::weight(T::WeightInfo::update_application())]
		pub fn update_application(
			origin: OriginFor<T>,
			application: ApplicationId,
			status: ApplicationStatus,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_update_application(who, application, status)
		}

		/// Shorten a marriage application's waiting period for a reason the law names (art.
		/// 13): the marriage may then be registered from `earliest` on — a day from the
		/// application's reception (special circumstances: the same day) up to the end of the
		/// period. `evidence_hash`: the hash of the paper the reason rests on.
		///
		/// Origin: the head of the office that received it, or of the regional department
		/// above it. Emits [`Event::WaitingShortened`].
		#[pallet::call_index(29)]
		#[pallet::weight(T::WeightInfo::shorten_waiting())]
		pub fn shorten_waiting(
			origin: OriginFor<T>,
			application: ApplicationId,
			reason: ShorteningReason,
			earliest: Date,
			evidence_hash: H256,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_shorten_waiting(who, application, reason, earliest, evidence_hash)
		}
	}
}
