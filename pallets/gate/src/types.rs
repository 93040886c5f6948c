//! What a signer may send and what it has sent.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

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

/// What one signer may send ([`crate::Config::SignerBudget`]): in one day of `day_length` blocks, and
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
