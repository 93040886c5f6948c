//! # Civil registry runtime API
//!
//! The declaration of `CivilRegistryApi`: the queries the civil registry's runtime answers,
//! for the node's servers (`node/src/rpc/`), integrators and block explorers. A crate of its
//! own so that whoever asks the runtime — the node, the public side, an external Rust client —
//! depends on this and on `civil-registry-primitives`, not on the pallets.
//!
//! The answers that carry a pallet's own record (an act with its history, an officer, an
//! office, an archive anchor) are type parameters: the runtime fills them in
//! (`runtime/src/apis.rs`), and a client decodes them with the runtime's metadata or with types
//! of the same SCALE layout. Everything the public side needs — certificates, the published
//! statistics, the directory, a block's activity — is a type of `civil-registry-primitives`.
//!
//! With metadata V15 polkadot.js calls every method as `api.call.civilRegistryApi.*` with no
//! custom types.
#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use civil_registry_primitives::{
	ActId, ActKind, ArchiveProofError, CertificateInfo, Directory, DisclosurePolicy, FeedEvent,
	JurisdictionId, MonthlyCount, NotificationId, OfficeId, OverdueNotification, PersonId,
	PersonRecord, PublicApplicationStatus, PublishedTable, PublishedTabulation, RegionActivity,
	ReviewItem, StatisticsError, YearMonth,
};
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;

/// One page of a person's acts, from [`CivilRegistryApi::acts_of`].
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ActsPage {
	/// How many acts of the person the public may see.
	pub total: u32,
	/// The ids of this page, oldest first.
	pub acts: Vec<ActId>,
}

sp_api::decl_runtime_apis! {
	/// The civil registry's queries, for integrators and block explorers. Nothing here returns
	/// a sealed act (an original birth act sealed by an adoption) or the original parents an
	/// adoption replaced.
	///
	/// The type parameters are the runtime's: `ActRecord` an act with its versions and
	/// revocation, `Officer` an officer's office, role and appointment, `Office` an office's
	/// record, `ArchiveAnchor` an anchored archive batch.
	///
	/// Version 2 added `published_statistics`, `directory` and `block_activity`: what the
	/// public gateway serves, computed by the runtime rather than by the node. Version 3 added
	/// `overdue_notifications` (for the district's office) and `application_status` (for the
	/// public side). Version 4 added `vital_statistics` (the UN's tabulations, as published).
	#[api_version(2)]
	pub trait CivilRegistryApi<AccountId, BlockNumber, ActRecord, Officer, Office, ArchiveAnchor>
	where
		AccountId: Codec,
		BlockNumber: Codec,
		ActRecord: Codec,
		Officer: Codec,
		Office: Codec,
		ArchiveAnchor: Codec,
	{
		/// A person's record: no name, no national number (see `PersonRecord`).
		fn person(id: PersonId) -> Option<PersonRecord>;

		/// An act with its history; `None` for an unknown or sealed act.
		fn act(id: ActId) -> Option<ActRecord>;

		/// The acts of a person (in effect or revoked; sealed ones left out), oldest first:
		/// `limit` (at most 100) ids from `offset`, and the total.
		fn acts_of(person: PersonId, offset: u32, limit: u32) -> ActsPage;

		/// The status of the certificate with this hash (the QR code on the paper), with the
		/// kind of act, the registering office and the versions; `None` for an unknown hash or
		/// a certificate of a sealed act issued before the sealing.
		fn verify_certificate(certificate_hash: sp_core::H256) -> Option<CertificateInfo<BlockNumber>>;

		/// Acts in effect whose event fell in `from..=to` (at most 120 months), per month and
		/// kind, in `jurisdiction` and everything below it (districts roll up into regions and
		/// the country); `kind` `None` for every kind. Months with no act are left out.
		fn statistics(
			jurisdiction: JurisdictionId,
			kind: Option<ActKind>,
			from: YearMonth,
			to: YearMonth,
		) -> Result<Vec<MonthlyCount>, StatisticsError>;

		/// What may be published of `kind` in `month`: every jurisdiction down to the policy's
		/// depth for the kind (regions for adoption, paternity and change of name), each with
		/// its count or `None` where the disclosure control withholds it (below the threshold,
		/// or the second cell that keeps a withheld one from being recovered from the totals;
		/// `primitives/src/disclosure.rs`).
		#[api_version(2)]
		fn published_statistics(
			kind: ActKind,
			month: YearMonth,
			policy: DisclosurePolicy,
		) -> Result<PublishedTable, StatisticsError>;

		/// Every jurisdiction and office, by id: public administration, by name.
		#[api_version(2)]
		fn directory() -> Directory;

		/// The acts this block registered, per region (no kind, office or officer): the
		/// registry's activity as the public sees it.
		#[api_version(2)]
		fn block_activity() -> Vec<RegionActivity>;

		/// An officer's office, role and appointment block; `None` if the account holds no
		/// office.
		fn officer(account: AccountId) -> Option<Officer>;

		/// An office: kind, jurisdiction, status, head, number of registrars, name.
		fn office(id: OfficeId) -> Option<Office>;

		/// The acts `officer` registered from the block its key was declared compromised, each
		/// with its review flag; empty if the key is not compromised.
		fn acts_under_review(officer: AccountId) -> Vec<ReviewItem<BlockNumber>>;

		/// Whether `proof` proves the paper record whose hash is `record`, at position `index`
		/// of the archive batch anchored as `root` (the tree: `primitives/src/archive.rs`):
		/// the anchor (count, office, period, block) if it does. One read and at most 33
		/// hashes, whatever the input.
		fn verify_archive_record(
			root: sp_core::H256,
			index: u32,
			record: sp_core::H256,
			proof: Vec<sp_core::H256>,
		) -> Result<ArchiveAnchor, ArchiveProofError>;

		/// The notifications of births and deaths in `jurisdiction` (a district: where the
		/// events took place) that no act followed within the legal period of registration, as
		/// of the chain's today: `limit` (at most 100) from notification id `from` on, by id.
		#[api_version(3)]
		fn overdue_notifications(
			jurisdiction: JurisdictionId,
			from: NotificationId,
			limit: u32,
		) -> Vec<OverdueNotification>;

		/// The status of the citizen's application whose tracking code hashes (BLAKE2-256) to
		/// `tracking`, and nothing else; `None` for an unknown code.
		#[api_version(3)]
		fn application_status(tracking: sp_core::H256) -> Option<PublicApplicationStatus>;

		/// The events of this block about acts — registered (or approved), amended, revoked —
		/// each with its index among the block's events, the act's kind, the persons it
		/// concerns and its date: what the office read API's feed delivers, block by block,
		/// from finalized blocks only. Off-chain only: it reads the block's events.
		#[api_version(3)]
		fn feed_events() -> Vec<FeedEvent>;

		/// The UN's vital statistics of `month` as they may be published
		/// (`primitives/src/vital.rs`): by month of registration, by place of usual residence,
		/// births by the mother's age group, births and deaths by timeliness, notified and
		/// followed — every one through the disclosure control (`primitives/src/disclosure.rs`;
		/// the cross-classified tables down to the regions, with no withheld cell given back
		/// by the sums their categories make).
		#[api_version(4)]
		fn vital_statistics(
			month: YearMonth,
			policy: DisclosurePolicy,
		) -> Result<Vec<PublishedTabulation>, StatisticsError>;
	}

	/// What the office read API (`node/src/rpc/office.rs`) asks the runtime besides
	/// [`CivilRegistryApi`]: the parents a sealing adoption replaced — the node serves them only
	/// to an officer's signed, logged read with a stated legal basis, never publicly — and the
	/// state of the access log's anchors. `ReplacedParents` is the adoption with the mother
	/// and father it replaced; `AccessLogAnchor` an anchor as `anchor_access_log` takes it.
	pub trait OfficeReadApi<ReplacedParents, AccessLogAnchor>
	where
		ReplacedParents: Codec,
		AccessLogAnchor: Codec,
	{
		/// The adoption in effect of `child` and the parents it replaced; `None` if none.
		fn replaced_parents(child: PersonId) -> Option<ReplacedParents>;

		/// The first of `keys` (a node's Aura keys) the chain takes for an anchor now: the
		/// session key of a current validator.
		fn anchor_key(keys: Vec<sp_core::sr25519::Public>) -> Option<sp_core::sr25519::Public>;

		/// How many entries the last anchor of `key` covers (0 if it has none).
		fn anchored_entries(key: sp_core::sr25519::Public) -> u64;

		/// The anchors of any of `keys` this block recorded (its events).
		fn block_anchors(keys: Vec<sp_core::sr25519::Public>) -> Vec<AccessLogAnchor>;
	}
}
