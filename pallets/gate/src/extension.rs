//! The transaction gate: a signed transaction is admitted only from an account that holds a
//! role, and only for a call that role signs.

use crate::{Config, Pallet, SignerUsage, Usage, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	pallet_prelude::TransactionSource,
	traits::{Contains, IsSubType, OriginTrait},
	DefaultNoBound,
};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
	transaction_validity::{
		InvalidTransaction, TransactionPriority, TransactionValidityError, ValidTransaction,
	},
	Weight,
};

/// Why the gate refuses a signed transaction.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Refusal {
	/// The signer holds no role: [`InvalidTransaction::BadSigner`] ("Invalid signing address").
	NoRole,
	/// The signer holds a role, but none of its roles signs this call:
	/// [`InvalidTransaction::Call`] ("Transaction call is not expected").
	NotForRole,
	/// The signer's day's budget ([`Config::SignerBudget`]) would be spent before this
	/// transaction, counting its transactions ahead of it; or the transaction is longer than
	/// one may be: `InvalidTransaction::Custom(`[`BUDGET_SPENT`]`)`.
	BudgetSpent,
}

/// The custom refusal code (`InvalidTransaction::Custom`) of a transaction past its signer's
/// budget ([`Refusal::BudgetSpent`]). Not `ExhaustsResources`: that tells a block's author the
/// block is full and to stop filling it, while one signer's budget concerns that signer only.
pub const BUDGET_SPENT: u8 = 201;

impl From<Refusal> for TransactionValidityError {
	fn from(refusal: Refusal) -> Self {
		match refusal {
			Refusal::NoRole => InvalidTransaction::BadSigner.into(),
			Refusal::NotForRole => InvalidTransaction::Call.into(),
			Refusal::BudgetSpent => InvalidTransaction::Custom(BUDGET_SPENT).into(),
		}
	}
}

/// Which calls an account may sign: the runtime's table of roles and calls
/// ([`Config::SignedCalls`]).
pub trait SignedCalls<AccountId, Call> {
	/// `Ok` if `who` may sign `call`; otherwise why not.
	fn check(who: &AccountId, call: &Call) -> Result<(), Refusal>;

	/// The pool priority of `call` (higher is taken into a block first): governance and
	/// emergency calls above the daily work, so that a flood of ordinary transactions cannot
	/// hold back the dismissal of the key that floods. Zero unless the runtime says otherwise.
	fn priority(_call: &Call) -> TransactionPriority {
		0
	}
}

/// A gate on the signer alone: every active officer and every account of `Privileged` may
/// sign any call. For tests of pallets that need officers but not the runtime's table.
pub struct AnyCall<T, Privileged>(PhantomData<(T, Privileged)>);

impl<T: Config, Privileged: Contains<T::AccountId>, Call> SignedCalls<T::AccountId, Call>
	for AnyCall<T, Privileged>
{
	fn check(who: &T::AccountId, _call: &Call) -> Result<(), Refusal> {
		(T::Officers::contains(who) || Privileged::contains(who))
			.then_some(())
			.ok_or(Refusal::NoRole)
	}
}

/// Admits a signed transaction only if [`Config::SignedCalls`] lets its signer sign its call:
/// a signer without a role is refused with [`InvalidTransaction::BadSigner`], a role holder
/// signing a call that is not its role's with [`InvalidTransaction::Call`], both when the pool
/// validates the transaction, so it never takes block space. The check runs again when a
/// block is built or imported, so a dismissed officer's transactions stop in the block after
/// its dismissal. Unsigned transactions and inherents pass through untouched (other
/// extensions and `ValidateUnsigned` judge them).
///
/// Each signer has a budget ([`Config::SignerBudget`]: transactions and bytes per day, bytes per
/// transaction). This extension checks it for the transaction as the next of its signer (in a
/// block, where it is) and records the usage; the runtime's nonce check asks
/// [`Pallet::check_budget`] with the signer's transactions ahead of it, which is what the pool
/// needs. Past it: `InvalidTransaction::Custom(`[`BUDGET_SPENT`]`)`. A heartbeat whose padding
/// is not all zero bytes is refused like a call the role does not sign.
///
/// The chain has no fees: this extension, not a balance, is what keeps strangers out, and what
/// keeps a stolen key to the calls of its role and to a day's work.
#[derive(Encode, Decode, DecodeWithMemTracking, DefaultNoBound, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct CheckRole<T>(PhantomData<T>);

impl<T> CheckRole<T> {
	/// The extension, ready to be put in a transaction.
	pub fn new() -> Self {
		Self(PhantomData)
	}
}

impl<T> core::fmt::Debug for CheckRole<T> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckRole")
	}
}

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckRole<T>
where
	T::RuntimeCall: IsSubType<crate::Call<T>>,
{
	const IDENTIFIER: &'static str = "CheckRole";
	type Implicit = ();
	/// The signer and its usage with this transaction, written in `prepare`.
	type Val = Option<(T::AccountId, Usage<BlockNumberFor<T>>)>;
	type Pre = ();

	fn weight(&self, _call: &T::RuntimeCall) -> Weight {
		T::WeightInfo::check_role()
	}

	fn validate(
		&self,
		origin: T::RuntimeOrigin,
		call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		let Some(who) = origin.as_signer() else {
			return Ok((Default::default(), None, origin));
		};
		T::SignedCalls::check(who, call)?;
		// A heartbeat pads a transaction to a length; it carries no data into the blocks.
		if let Some(crate::Call::heartbeat { payload }) = call.is_sub_type() {
			if payload.iter().any(|byte| *byte != 0) {
				return Err(Refusal::NotForRole.into());
			}
		}
		// The signer's budget with this transaction as its next one: exactly what it is in a
		// block. (At the pool, the runtime's nonce check also counts the ones ahead of it.)
		let usage = Pallet::<T>::check_budget(who, 0, len)?;
		let valid =
			ValidTransaction { priority: T::SignedCalls::priority(call), ..Default::default() };
		let who = who.clone();
		Ok((valid, Some((who, usage)), origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_origin: &T::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		if let Some((who, usage)) = val {
			SignerUsage::<T>::insert(who, usage);
		}
		Ok(())
	}
}
