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

/// An amount of transactions and of their encoded bytes.
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
pub struct Allowance {
	/// Transactions.
	pub transactions: u32,
	/// Bytes of encoded transactions.
	pub bytes: u32,
}

impl Allowance {
	/// `self` with one more transaction of `len` bytes, if that stays within `limit`.
	pub fn add(self, len: u32, limit: Allowance) -> Option<Allowance> {
		let spent = Allowance {
			transactions: self.transactions.checked_add(1)?,
			bytes: self.bytes.checked_add(len)?,
		};
		(spent.transactions <= limit.transactions && spent.bytes <= limit.bytes).then_some(spent)
	}
}

/// What one signer may send ([`Config::SignerBudget`]): in one day of `day_length` blocks, and
/// at most `max_transaction_bytes` in one transaction.
///
/// The budget is checked where a transaction is admitted, counting the signer's transactions
/// still ahead of it (its nonce less the account's next one) as spent, each at its largest:
/// a transaction the pool admits is one a block will include within the day, so none is
/// dropped later and none of the signer's later nonces waits behind one that never comes.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug)]
pub struct SignerBudget<BlockNumber> {
	/// In one day.
	pub per_day: Allowance,
	/// The longest transaction, in bytes.
	pub max_transaction_bytes: u32,
	/// The length of a day, in blocks; days are counted from block 0.
	pub day_length: BlockNumber,
}

/// What one signer has sent ([`crate::SignerUsage`]) in the day `day` (the block number
/// divided by the day's length).
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Usage<BlockNumber> {
	/// The day of `in_day`.
	pub day: BlockNumber,
	/// Sent in that day.
	pub in_day: Allowance,
}

impl<BlockNumber: sp_runtime::traits::AtLeast32BitUnsigned + Copy> Usage<BlockNumber> {
	/// The usage after one more transaction of `len` bytes in block `now`, behind `ahead`
	/// transactions of the same signer not yet included, or `None` if that would exceed
	/// `budget` (each transaction ahead counted at `max_transaction_bytes`). With `ahead` 0 —
	/// in a block — it is exactly the usage once the transaction is in.
	pub fn spend(
		self,
		now: BlockNumber,
		ahead: u32,
		len: u32,
		budget: &SignerBudget<BlockNumber>,
	) -> Option<Self> {
		if len > budget.max_transaction_bytes {
			return None;
		}
		let day = now.checked_div(&budget.day_length).unwrap_or_else(BlockNumber::zero);
		let in_day = if self.day == day { self.in_day } else { Allowance::default() };
		let reserved = Allowance {
			transactions: in_day.transactions.checked_add(ahead)?,
			bytes: in_day.bytes.checked_add(ahead.checked_mul(budget.max_transaction_bytes)?)?,
		};
		reserved.add(len, budget.per_day)?;
		Some(Usage { day, in_day: in_day.add(len, budget.per_day)? })
	}
}
