//! The transaction gate: a signed transaction is admitted only from an account that holds a
//! role, and only for a call that role signs.

use crate::{Config, Pallet, SignerUsage, Usage, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{
	pallet_prelude::TransactionSource,
	traits::{Contains, Get, OriginTrait},
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
}

impl From<Refusal> for TransactionValidityError {
	fn from(refusal: Refusal) -> Self {
		match refusal {
			Refusal::NoRole => InvalidTransaction::BadSigner.into(),
			Refusal::NotForRole => InvalidTransaction::Call.into(),
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
		(Pallet::<T>::active_officer(who).is_some() || Privileged::contains(who))
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
/// Each signer has a budget ([`Config::SignerBudget`]: transactions and bytes per block and
/// per day); past it, [`InvalidTransaction::ExhaustsResources`].
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

impl<T: Config + Send + Sync> TransactionExtension<T::RuntimeCall> for CheckRole<T> {
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
		// The signer's budget, in the block being built (or, at the pool, the next one). The
		// pool cannot count what it already holds; block building refuses the excess, which
		// then waits in the pool for a later block, and the day's limit closes the pool too.
		let now = frame_system::Pallet::<T>::block_number();
		let len = u32::try_from(len).unwrap_or(u32::MAX);
		let usage = SignerUsage::<T>::get(who)
			.unwrap_or_default()
			.spend(now, len, &T::SignerBudget::get())
			.ok_or(InvalidTransaction::ExhaustsResources)?;
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
