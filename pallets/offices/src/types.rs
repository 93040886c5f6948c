//! Domain types of the offices pallet.

use crate::Config;
use civil_registry_primitives::{JurisdictionId, OfficeId, OfficeKind, Role};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::*, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

/// A jurisdiction code such as `UZ`, `UZ-TK` or `UZ-TK-YUN`: ASCII upper-case letters, digits
/// and `-`, bounded by [`Config::MaxCodeLength`].
pub type CodeOf<T> = BoundedVec<u8, <T as Config>::MaxCodeLength>;
/// A name (UTF-8), bounded by [`Config::MaxNameLength`]. Names of jurisdictions and offices are
/// public information, not personal data.
pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLength>;

/// A node of the jurisdiction tree: a country, a region or a district.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Jurisdiction<T: Config> {
	/// Short unique code, e.g. ISO 3166-2 `UZ-TK`.
	pub code: CodeOf<T>,
	/// Human-readable name.
	pub name: NameOf<T>,
	/// The jurisdiction above this one; `None` for a country.
	pub parent: Option<JurisdictionId>,
	/// Distance from the root: 0 for a country, 1 for a region, 2 for a district, ...
	pub depth: u8,
	/// Number of jurisdictions whose parent this is.
	pub children: u32,
	/// Number of offices (of any status) bound to this jurisdiction.
	pub offices: u32,
	/// Whether a registry record (a person, an act) refers to it. Such a jurisdiction can never
	/// be removed: records are permanent.
	pub has_records: bool,
}

/// The operating status of an office.
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
pub enum OfficeStatus {
	/// The office registers acts.
	Active,
	/// Temporarily stopped: its officers can do nothing until governance reopens it.
	Suspended,
	/// Permanently closed. Final.
	Closed,
}

/// A registry office.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Office<T: Config> {
	/// What kind of office it is; decides which acts it may register.
	pub kind: OfficeKind,
	/// The jurisdiction it serves (and everything below it).
	pub jurisdiction: JurisdictionId,
	/// Human-readable name.
	pub name: NameOf<T>,
	/// Operating status.
	pub status: OfficeStatus,
	/// The account of its head, if one is appointed. At most one head per office.
	pub head: Option<T::AccountId>,
	/// Number of registrars currently appointed, bounded by [`Config::MaxRegistrarsPerOffice`].
	pub registrars: u32,
}

/// An officer: an account bound to exactly one office with one role.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Officer<T: Config> {
	/// The office it belongs to.
	pub office: OfficeId,
	/// Its role there.
	pub role: Role,
	/// The block in which it was appointed.
	pub appointed_at: BlockNumberFor<T>,
}

/// The record left by an officer's dismissal.
#[derive(
	Encode, Decode, MaxEncodedLen, TypeInfo, CloneNoBound, PartialEqNoBound, EqNoBound, DebugNoBound,
)]
#[scale_info(skip_type_params(T))]
pub struct Dismissal<T: Config> {
	/// The office it belonged to.
	pub office: OfficeId,
	/// The role it held.
	pub role: Role,
	/// The block in which the dismissal took effect.
	pub dismissed_at: BlockNumberFor<T>,
	/// The block from which the key is considered compromised, if it is: acts it signed from
	/// that block on are to be reviewed.
	pub compromised_since: Option<BlockNumberFor<T>>,
	/// The account's nonce at dismissal. The account loses its provider reference and may be
	/// reaped; should it be appointed again, its nonce is restored from here so that none of
	/// its old transactions can be replayed.
	pub nonce: T::Nonce,
}
