//! A currency with no money in it, for `pallet-session`'s key deposit on a chain without
//! balances: every balance is zero, nothing can be held, and a zero deposit is never held.
//! Configure `pallet_session::Config::KeyDeposit` as zero with it.

use core::marker::PhantomData;
use frame_support::traits::tokens::{
	fungible::{hold, Dust, Inspect, Mutate, Unbalanced},
	DepositConsequence, Fortitude, Preservation, Provenance, WithdrawConsequence,
};
use scale_info::TypeInfo;
use sp_runtime::{DispatchError, DispatchResult, TokenError};

/// The moneyless currency; `Reason` is the runtime's hold reason.
pub struct NoDeposit<Reason>(PhantomData<Reason>);

impl<AccountId, Reason> Inspect<AccountId> for NoDeposit<Reason> {
	type Balance = u32;
	fn total_issuance() -> u32 {
		0
	}
	fn minimum_balance() -> u32 {
		0
	}
	fn total_balance(_: &AccountId) -> u32 {
		0
	}
	fn balance(_: &AccountId) -> u32 {
		0
	}
	fn reducible_balance(_: &AccountId, _: Preservation, _: Fortitude) -> u32 {
		0
	}
	fn can_deposit(_: &AccountId, amount: u32, _: Provenance) -> DepositConsequence {
		if amount == 0 {
			DepositConsequence::Success
		} else {
			DepositConsequence::UnknownAsset
		}
	}
	fn can_withdraw(_: &AccountId, amount: u32) -> WithdrawConsequence<u32> {
		if amount == 0 {
			WithdrawConsequence::Success
		} else {
			WithdrawConsequence::BalanceLow
		}
	}
}

impl<AccountId, Reason> Unbalanced<AccountId> for NoDeposit<Reason> {
	fn handle_dust(_: Dust<AccountId, Self>) {}
	fn write_balance(_: &AccountId, amount: u32) -> Result<Option<u32>, DispatchError> {
		if amount == 0 {
			Ok(None)
		} else {
			Err(TokenError::UnknownAsset.into())
		}
	}
	fn set_total_issuance(_: u32) {}
}

impl<AccountId: Eq, Reason> Mutate<AccountId> for NoDeposit<Reason> {}

impl<AccountId, Reason: codec::Encode + TypeInfo + 'static> hold::Inspect<AccountId>
	for NoDeposit<Reason>
{
	type Reason = Reason;
	fn total_balance_on_hold(_: &AccountId) -> u32 {
		0
	}
	fn balance_on_hold(_: &Reason, _: &AccountId) -> u32 {
		0
	}
}

impl<AccountId, Reason: codec::Encode + TypeInfo + 'static> hold::Unbalanced<AccountId>
	for NoDeposit<Reason>
{
	fn set_balance_on_hold(_: &Reason, _: &AccountId, amount: u32) -> DispatchResult {
		if amount == 0 {
			Ok(())
		} else {
			Err(TokenError::UnknownAsset.into())
		}
	}
}

impl<AccountId: Eq, Reason: codec::Encode + TypeInfo + 'static> hold::Mutate<AccountId>
	for NoDeposit<Reason>
{
}
