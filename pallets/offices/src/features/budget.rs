//! The signer's daily budget, which [`CheckRole`] applies to every signed transaction.

use crate::*;
use frame_support::traits::Get;
use frame_system::pallet_prelude::*;

impl<T: Config> Pallet<T> {
	/// The usage of `who`'s budget once a transaction of `len` bytes is in, behind `ahead`
	/// transactions of `who` not yet included (each counted at the longest a transaction
	/// may be), or [`Refusal::BudgetSpent`] if that would exceed [`Config::SignerBudget`].
	/// Only `who`'s own transactions spend its budget, in nonce order: a transaction this
	/// admits with `ahead` before it is admitted again, with `ahead` 0, when its turn comes
	/// in a block of the same day (or of a later one, with a fresh budget).
	pub fn check_budget(
		who: &T::AccountId,
		ahead: u32,
		len: usize,
	) -> Result<Usage<BlockNumberFor<T>>, Refusal> {
		let now = frame_system::Pallet::<T>::block_number();
		let len = u32::try_from(len).unwrap_or(u32::MAX);
		SignerUsage::<T>::get(who)
			.unwrap_or_default()
			.spend(now, ahead, len, &T::SignerBudget::get())
			.ok_or(Refusal::BudgetSpent)
	}
}
