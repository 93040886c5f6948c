//! What the public side of the registry answers, as the runtime API `CivilRegistryApi`
//! computes it: the directory of jurisdictions and offices (public administration, by name)
//! and the registry's activity per region. No person, act, officer or date of a person's
//! event: docs/architecture.md, *What the public can learn*.

use crate::{JurisdictionId, OfficeId};
use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode};
use scale_info::TypeInfo;

/// A jurisdiction of the directory.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct PublicJurisdiction {
	/// Its id.
	pub id: JurisdictionId,
	/// Its code (e.g. the SOATO code), UTF-8.
	pub code: Vec<u8>,
	/// Its name, UTF-8.
	pub name: Vec<u8>,
	/// The jurisdiction above it; `None` for the country.
	pub parent: Option<JurisdictionId>,
	/// 0 for the country, 1 for a region, 2 for a district.
	pub depth: u8,
}

/// Whether an office works.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum OfficeState {
	/// It registers acts.
	Active,
	/// Stopped until governance reopens it.
	Suspended,
	/// Closed for good.
	Closed,
}

/// An office of the directory.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct PublicOffice {
	/// Its id.
	pub id: OfficeId,
	/// Its name, UTF-8.
	pub name: Vec<u8>,
	/// The jurisdiction it serves.
	pub jurisdiction: JurisdictionId,
	/// Whether it works.
	pub status: OfficeState,
}

/// Every jurisdiction and office, by id.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct Directory {
	/// The jurisdictions, by id.
	pub jurisdictions: Vec<PublicJurisdiction>,
	/// The offices, by id.
	pub offices: Vec<PublicOffice>,
}

/// Acts registered in one region (a jurisdiction of depth 1, or the country for an office
/// bound to it): the registry's activity, without kind, office or officer.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct RegionActivity {
	/// The region.
	pub region: JurisdictionId,
	/// Acts registered.
	pub acts: u32,
}

/// What one block changed of what the public side keeps: the registry's public projection
/// (`node/src/projection/`) reads nothing else of a block. Computed by the runtime from the
/// block's events and state (`runtime/src/public.rs`); no person id, identity key, data root,
/// document hash or date of a person's event — act ids and certificate codes only.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Clone,
	PartialEq,
	Eq,
	Debug,
	Default,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct BlockChanges {
	/// The block's time: milliseconds since 1970, UTC.
	pub timestamp: u64,
	/// The runtime's `spec_version` that built the block's state.
	pub spec_version: u32,
	/// The certificates issued, with their acts.
	pub issued: Vec<(sp_core::H256, crate::ActId)>,
	/// The acts whose certificates' answers may have changed: corrected, revoked, approved,
	/// expired, or sealed (an adoption's child's acts).
	pub touched: Vec<crate::ActId>,
	/// The acts registered, per region.
	pub activity: Vec<RegionActivity>,
	/// The archive batches anchored, by root.
	pub anchored: Vec<sp_core::H256>,
	/// Whether a jurisdiction or office changed.
	pub directory: bool,
	/// A key was found compromised in this block, from this block on (the earliest, if
	/// several): a certificate it issued since verifies as under review, and the runtime keeps
	/// no index of certificates by issuer, so every certificate issued since is asked again.
	pub compromised_since: Option<u32>,
	/// The citizens' applications received or updated, by their tracking code's hash.
	pub applications: Vec<sp_core::H256>,
}

/// An anchored batch of paper records as the public sees it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
pub struct PublicAnchor {
	/// How many records the batch holds.
	pub count: u32,
	/// The office whose archive holds them.
	pub office: OfficeId,
	/// The first date the batch covers.
	pub from: crate::Date,
	/// The last date it covers.
	pub to: crate::Date,
	/// The block it was anchored in.
	pub anchored_at: u32,
}

/// What the public side answers about an application, by its tracking code: its status and
/// nothing else (no act id, no office, no person, no date).
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum PublicApplicationStatus {
	/// Received by the office.
	Received,
	/// Accepted.
	Accepted,
	/// Waiting.
	Waiting,
	/// Registered.
	Registered,
	/// Refused, with the reason's code.
	Refused(PublicRefusal),
}

/// Why an office refused an application (`pallet-civil-events`' `RefusalReason`), as the
/// public side words it.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
	serde::Serialize,
	serde::Deserialize,
)]
#[serde(rename_all = "camelCase")]
pub enum PublicRefusal {
	/// See `RefusalReason::IncompleteDocuments`.
	IncompleteDocuments,
	/// See `RefusalReason::LegalImpediment`.
	LegalImpediment,
	/// See `RefusalReason::Withdrawn`.
	Withdrawn,
	/// See `RefusalReason::WrongOffice`.
	WrongOffice,
	/// See `RefusalReason::NotEntitled`.
	NotEntitled,
}
