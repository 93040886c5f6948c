//! What the record lifecycle exposes to the public: certificate checks, vital statistics and the
//! review of acts signed by compromised keys. None of these types carries personal data.

use crate::{ActId, ActKind, Date, JurisdictionId, OfficeId};
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// A calendar month: the bucket of the vital statistics.
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
pub struct YearMonth {
	/// The year, e.g. 2024.
	pub year: u16,
	/// The month, 1 to 12.
	pub month: u8,
}

impl YearMonth {
	/// A month, without validation (see [`YearMonth::is_valid`]).
	pub const fn new(year: u16, month: u8) -> Self {
		Self { year, month }
	}

	/// Whether the month exists in the years the registry accepts.
	pub fn is_valid(&self) -> bool {
		(crate::MIN_YEAR..=crate::MAX_YEAR).contains(&self.year) && (1..=12).contains(&self.month)
	}

	/// The month after this one; `None` after December of the last accepted year.
	pub fn next(&self) -> Option<Self> {
		let next = if self.month >= 12 {
			Self::new(self.year.checked_add(1)?, 1)
		} else {
			Self::new(self.year, self.month.checked_add(1)?)
		};
		next.is_valid().then_some(next)
	}

	/// Number of months from `self` to `to`, both included; 0 if `to` is earlier.
	pub fn months_until(&self, to: &YearMonth) -> u32 {
		let index =
			|m: &YearMonth| u32::from(m.year).saturating_mul(12).saturating_add(u32::from(m.month));
		index(to).saturating_add(1).saturating_sub(index(self))
	}
}

impl Date {
	/// The month this date falls in.
	pub fn year_month(&self) -> YearMonth {
		YearMonth::new(self.year, self.month)
	}
}

/// What a certificate attests today.
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
#[serde(rename_all = "camelCase")]
pub enum CertificateStatus {
	/// The act is in effect and has not changed since the certificate was issued.
	Valid,
	/// The act was amended after the certificate was issued: a new certificate states it.
	Superseded,
	/// The act was revoked.
	Revoked,
	/// A key compromised at the time signed or approved the act — until the regional
	/// department clears it (`civilEvents.clearReview`) — or issued the certificate, which a
	/// new certificate replaces. Not to be relied on meanwhile.
	UnderReview,
	/// The issuing office cancelled this paper: its holder reported it lost. The act itself is
	/// unaffected; a new certificate states it.
	ReportedLost,
	/// The issuing office cancelled this paper: its holder reported it stolen. Whoever shows it
	/// is not necessarily the person it names.
	ReportedStolen,
	/// The issuing office cancelled this paper: it was printed in error (a wrong act, a
	/// misprint). A new certificate replaces it.
	IssuedInError,
}

impl CertificateStatus {
	/// The status of a certificate the issuing office cancelled for `reason`.
	pub fn cancelled(reason: CancellationReason) -> Self {
		match reason {
			CancellationReason::Lost => Self::ReportedLost,
			CancellationReason::Stolen => Self::ReportedStolen,
			CancellationReason::IssuedInError => Self::IssuedInError,
		}
	}
}

/// Why an office cancels a certificate it issued (`civilEvents.cancelCertificate`).
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
#[serde(rename_all = "camelCase")]
pub enum CancellationReason {
	/// Its holder reported it lost.
	Lost,
	/// Its holder reported it stolen.
	Stolen,
	/// It was printed in error.
	IssuedInError,
}

/// The answer to "is this certificate genuine?": what a bank clerk or a border guard sees after
/// scanning the QR code. Deliberately without persons, dates or the act's id.
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
pub struct CertificateInfo<BlockNumber> {
	/// Valid, superseded, revoked, under review, or cancelled (and why).
	pub status: CertificateStatus,
	/// The kind of act the certificate attests.
	pub kind: ActKind,
	/// The office that registered the act.
	pub office: OfficeId,
	/// The version of the act the certificate states.
	pub version: u32,
	/// The act's current version.
	pub current_version: u32,
	/// The block the certificate was issued in.
	pub issued_at: BlockNumber,
}

/// One line of the vital statistics: acts of `kind` whose event fell in `month`.
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
pub struct MonthlyCount {
	/// The month of the events.
	pub month: YearMonth,
	/// The kind of act.
	pub kind: ActKind,
	/// How many acts in effect.
	pub count: u32,
}

/// Why a statistics query has no answer.
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
pub enum StatisticsError {
	/// No jurisdiction has this id.
	UnknownJurisdiction,
	/// A month is not a real month (1–12, years 1800–9999).
	InvalidMonth,
	/// `from` is after `to`.
	EmptyRange,
	/// The range spans more than [`MAX_STATISTICS_MONTHS`] months.
	RangeTooLong,
}

/// Most months one statistics query may span (ten years).
pub const MAX_STATISTICS_MONTHS: u32 = 120;

/// Why an act is under review.
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
pub enum ReviewReason {
	/// A key compromised at the time signed it (or a registrar appointed by a head whose key
	/// was compromised then).
	SignedByCompromisedKey,
	/// A key compromised at the time approved it: its late registration or an amendment.
	ApprovedByCompromisedKey,
}

/// An act a key signed or approved after it was compromised, and whether it still waits for
/// review.
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
pub struct ReviewItem<BlockNumber> {
	/// The act.
	pub act: ActId,
	/// Its kind.
	pub kind: ActKind,
	/// The office that registered it.
	pub office: OfficeId,
	/// The jurisdiction it was registered in.
	pub jurisdiction: JurisdictionId,
	/// The block it was registered in.
	pub registered_at: BlockNumber,
	/// What the key did: signed the act, or approved it (the block of the approval is then at
	/// or after the compromise, not necessarily `registered_at`).
	pub reason: ReviewReason,
	/// `true` until a regional head or governance clears it (`civilEvents.clearReview`) or it
	/// is revoked.
	pub needs_review: bool,
}

/// Tells from which block an account's key is considered compromised. Implemented by
/// `pallet-offices` (set when an officer is dismissed with `compromised_since`).
pub trait CompromisedKeys<AccountId, BlockNumber> {
	/// The block from which `who`'s key is compromised, if it is.
	fn compromised_since(who: &AccountId) -> Option<BlockNumber>;
}

/// Identifier of a health facility's notification of a birth or a death.
pub type NotificationId = u64;

/// A notification the district's office has not followed in the legal period, as the runtime
/// API lists it.
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
pub struct OverdueNotification {
	/// The notification.
	pub id: NotificationId,
	/// Birth or death.
	pub kind: ActKind,
	/// The facility that notified it.
	pub facility: OfficeId,
	/// The day of the event.
	pub date: Date,
	/// The last day of the legal period of registration.
	pub deadline: Date,
}

/// What happened to an act, as the feed tells a subscriber.
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
pub enum FeedChange {
	/// The act took effect: registered, or a pending act approved.
	Registered,
	/// The act was corrected (a new version).
	Amended,
	/// The act was revoked.
	Revoked,
}

/// One event of a block about an act, for the feed of finalized events
/// (`CivilRegistryApi::feed_events`).
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
pub struct FeedEvent {
	/// The event's index among the block's events: with the block's number, its place in the
	/// feed.
	pub index: u32,
	/// What happened.
	pub change: FeedChange,
	/// The act.
	pub act: ActId,
	/// Its kind.
	pub kind: ActKind,
	/// The persons it concerns (none for a sealed act).
	pub persons: alloc::vec::Vec<crate::PersonId>,
	/// The day of its event.
	pub date: Date,
}
