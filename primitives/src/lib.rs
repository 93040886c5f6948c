//! # Civil registry primitives
//!
//! The types and traits that more than one civil-registry pallet needs: identifiers, the kinds
//! of acts and offices, officer roles, and the interfaces through which the pallets talk to each
//! other without reading each other's storage:
//!
//! - [`OfficerPermissions`]: "may this account register this kind of act in this jurisdiction?",
//!   answered by `pallet-offices`, asked by `pallet-civil-events`.
//! - [`JurisdictionTree`]: existence and containment of jurisdictions, answered by
//!   `pallet-offices`.
//! - [`PersonRegistry`]: reading and writing person records, answered by `pallet-persons`,
//!   used by `pallet-civil-events` (acts are the only way persons change).
//! - [`CompromisedKeys`]: from which block an officer's key is compromised, answered by
//!   `pallet-offices`, asked by `pallet-civil-events` to list acts for review.
//!
//! It also holds the public answer types of the runtime API `CivilRegistryApi` (declared in the
//! runtime): [`CertificateInfo`], [`MonthlyCount`], [`ReviewItem`]; and the Merkle tree of
//! archive anchoring ([`verify_archive_proof`]).
#![cfg_attr(not(feature = "std"), no_std)]

mod archive;
mod date;
mod disclosure;
mod law;
mod lifecycle;
mod person;
mod public;
mod vital;

pub use archive::*;
pub use date::{Date, MAX_YEAR, MIN_YEAR};
pub use disclosure::*;
pub use law::*;
pub use lifecycle::*;
pub use person::*;
pub use public::*;
pub use vital::*;

extern crate alloc;
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Identifier of a jurisdiction (a node of the country → region → district tree).
pub type JurisdictionId = u32;
/// Identifier of a registry office.
pub type OfficeId = u32;
/// Identifier of a person: opaque, sequential, meaningless outside the chain.
pub type PersonId = u64;
/// Identifier of an act of civil status.
pub type ActId = u64;

/// The kinds of act of civil status that the chain records.
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
	PartialOrd,
	Ord,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum ActKind {
	/// Registration of a birth; creates a person.
	Birth,
	/// Registration of a death.
	Death,
	/// Registration of a marriage.
	Marriage,
	/// Registration of a divorce.
	Divorce,
	/// Registration of an adoption.
	Adoption,
	/// Establishment of paternity.
	Paternity,
	/// Change of name.
	NameChange,
	/// Enrollment of a person born before the chain existed, from the paper archive.
	Enrollment,
}

impl ActKind {
	/// Every act kind, in declaration order.
	pub const ALL: [ActKind; 8] = [
		ActKind::Birth,
		ActKind::Death,
		ActKind::Marriage,
		ActKind::Divorce,
		ActKind::Adoption,
		ActKind::Paternity,
		ActKind::NameChange,
		ActKind::Enrollment,
	];
}

/// A set of act kinds: one bit per kind, in [`ActKind::ALL`]'s order (birth the lowest).
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
	Default,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct ActKinds(pub u16);

impl ActKinds {
	/// The set of `kinds`.
	pub fn of(kinds: &[ActKind]) -> Self {
		ActKinds(kinds.iter().fold(0, |set, kind| set | kind.bit()))
	}

	/// Whether `kind` is in the set.
	pub fn contains(&self, kind: ActKind) -> bool {
		self.0 & kind.bit() != 0
	}
}

impl ActKind {
	/// The kind's bit in an [`ActKinds`].
	pub fn bit(&self) -> u16 {
		match self {
			ActKind::Birth => 1,
			ActKind::Death => 1 << 1,
			ActKind::Marriage => 1 << 2,
			ActKind::Divorce => 1 << 3,
			ActKind::Adoption => 1 << 4,
			ActKind::Paternity => 1 << 5,
			ActKind::NameChange => 1 << 6,
			ActKind::Enrollment => 1 << 7,
		}
	}
}

/// The kinds of office: those that register acts, and the health facilities that notify the
/// registry of births and deaths.
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
	serde::Serialize,
	serde::Deserialize,
)]
pub enum OfficeKind {
	/// A district civil registry office (ZAGS): registers every kind of act in its district.
	DistrictRegistry,
	/// A wedding house: registers marriages only.
	WeddingHouse,
	/// A regional justice department: registers every kind of act anywhere in its region, and
	/// its head supervises the offices of the region.
	RegionalDepartment,
	/// A consulate abroad: registers every kind of act for citizens abroad, in the jurisdiction
	/// it is bound to.
	Consulate,
	/// An archive: enrolls persons from the paper archive; registers no new acts.
	Archive,
	/// A maternity hospital or clinic, registered by the regional department as a notifying
	/// facility of its district: notifies births and deaths (`pallet-civil-events`'
	/// notifications); registers no act.
	HealthFacility,
	/// A government system entitled to follow the finalized acts of these kinds (the ID agency
	/// a death, the pension fund a death, the health information system a birth), through the
	/// office read API's feed; registered by governance only. It registers nothing, and its key
	/// signs no transaction and reads no person.
	Subscriber(ActKinds),
}

impl OfficeKind {
	/// Whether an office of this kind may register acts of `kind` at all.
	pub fn may_register(&self, kind: ActKind) -> bool {
		match self {
			OfficeKind::DistrictRegistry
			| OfficeKind::RegionalDepartment
			| OfficeKind::Consulate => true,
			OfficeKind::WeddingHouse => kind == ActKind::Marriage,
			OfficeKind::Archive => kind == ActKind::Enrollment,
			OfficeKind::HealthFacility | OfficeKind::Subscriber(_) => false,
		}
	}

	/// Whether an office of this kind registers acts of some kind: a registry office, whose
	/// officers read persons and receive applications (not a health facility or a subscriber).
	pub fn registers(&self) -> bool {
		ActKind::ALL.iter().any(|kind| self.may_register(*kind))
	}

	/// The act kinds an office of this kind follows through the feed; `None` for an office
	/// that is no subscriber.
	pub fn subscription(&self) -> Option<ActKinds> {
		match self {
			OfficeKind::Subscriber(kinds) => Some(*kinds),
			_ => None,
		}
	}

	/// Whether an office of this kind notifies births and deaths (and registers nothing).
	pub fn notifies(&self) -> bool {
		*self == OfficeKind::HealthFacility
	}
}

/// The role an officer holds in its office. A `Head` may do everything a `Registrar` may.
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
	PartialOrd,
	Ord,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub enum Role {
	/// Registers acts in the office's jurisdiction.
	Registrar,
	/// Heads the office: appoints and dismisses its registrars and approves what needs a head.
	Head,
}

/// What an officer's permission check returns: who acts, for which office, with which role.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Authorization {
	/// The office the officer belongs to.
	pub office: OfficeId,
	/// The kind of that office.
	pub office_kind: OfficeKind,
	/// The jurisdiction of that office.
	pub office_jurisdiction: JurisdictionId,
	/// The officer's role in it.
	pub role: Role,
}

/// Why an account may not perform an act.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PermissionError {
	/// The account is not an officer of any office.
	NotOfficer,
	/// The officer's office is suspended or closed.
	OfficeNotActive,
	/// The office's kind does not register this kind of act (e.g. a wedding house and a birth).
	ActKindNotAllowed,
	/// The jurisdiction is not the office's own nor inside it.
	OutsideJurisdiction,
	/// The officer's role is lower than the act requires.
	RoleTooLow,
	/// The jurisdiction does not exist.
	UnknownJurisdiction,
}

/// Answers whether an account may act as an officer. Implemented by `pallet-offices`.
pub trait OfficerPermissions<AccountId> {
	/// May `who` register an act of `kind` in `jurisdiction` with at least `min_role`?
	///
	/// Succeeds with the acting office and role, or fails with the first rule that is broken,
	/// checked in this order: officer, office active, office kind, jurisdiction, role.
	fn authorize(
		who: &AccountId,
		kind: ActKind,
		jurisdiction: JurisdictionId,
		min_role: Role,
	) -> Result<Authorization, PermissionError>;

	/// The office and role of an active officer, whatever the act; `None` when `who` is not an
	/// officer of an active office.
	fn officer(who: &AccountId) -> Option<Authorization>;

	/// The jurisdiction `office` serves, active or not; `None` for an unknown office.
	fn office_jurisdiction(office: OfficeId) -> Option<JurisdictionId>;

	/// Whether `who` is the head of `office` or the head of the regional department whose
	/// region contains `office`'s jurisdiction.
	fn is_supervising_head(who: &AccountId, office: OfficeId) -> bool;

	/// Whether `approver` appointed `officer` less than the cooling period ago: it then may not
	/// approve `officer`'s work (a head cannot appoint a registrar and approve what it does).
	fn appointed_recently(approver: &AccountId, officer: &AccountId) -> bool;

	/// Whether `who` is an officer of the regional department whose region contains the
	/// jurisdiction of `office`, and `office` is closed: the department then answers for the
	/// closed office's records.
	fn is_successor_of_closed(who: &AccountId, office: OfficeId) -> bool;
}

/// Told when an officer is dismissed, so that what the officer left open closes with it.
/// Implemented by `pallet-civil-events` (its open proposals); `()` does nothing.
pub trait OnOfficerDismissed<AccountId> {
	/// `who` is no longer an officer. Returns the weight used.
	fn on_dismissed(who: &AccountId) -> frame_support::weights::Weight;
	/// The most [`Self::on_dismissed`] may weigh: part of a dismissal's weight.
	fn max_weight() -> frame_support::weights::Weight;
}

impl<AccountId> OnOfficerDismissed<AccountId> for () {
	fn on_dismissed(_who: &AccountId) -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
	fn max_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// Reads the jurisdiction tree. Implemented by `pallet-offices`.
pub trait JurisdictionTree {
	/// Whether the jurisdiction exists.
	fn exists(jurisdiction: JurisdictionId) -> bool;
	/// Whether `inner` is `outer` or lies below it in the tree.
	fn contains(outer: JurisdictionId, inner: JurisdictionId) -> bool;
	/// The parent of a jurisdiction, `None` for a root (a country) or an unknown id.
	fn parent(jurisdiction: JurisdictionId) -> Option<JurisdictionId>;
	/// The jurisdiction itself, then its parent, and so on up to its root (a country): the
	/// jurisdictions an event in it counts for. Bounded by the tree's maximum depth; empty for
	/// an unknown id.
	fn lineage(jurisdiction: JurisdictionId) -> Vec<JurisdictionId>;
	/// Record that a registry record refers to the jurisdiction, so that it can never be removed.
	fn note_record(jurisdiction: JurisdictionId);
	/// Every jurisdiction down to `max_depth` (0: the roots only), with its parent: the rows of
	/// a published statistics table. One read per jurisdiction of the whole tree.
	fn down_to(max_depth: u8) -> Vec<(JurisdictionId, Option<JurisdictionId>)>;
}
