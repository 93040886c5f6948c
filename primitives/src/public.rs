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
