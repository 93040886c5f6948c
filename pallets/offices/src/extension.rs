//! The transaction gate: a signed transaction is admitted only from an account that holds a
//! role.

use crate::{Config, Pallet, WeightInfo};
use codec::{Decode, DecodeWithMemTracking, Encode};
use core::marker::PhantomData;
use frame_support::{pallet_prelude::TransactionSource, traits::OriginTrait, DefaultNoBound};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{DispatchInfoOf, TransactionExtension, ValidateResult},
	transaction_validity::InvalidTransaction,
	Weight,
};

/// Admits a signed transaction only if its signer is an officer of an active office or one of
/// [`Config::PrivilegedSigners`]; any other signer is refused with
/// [`InvalidTransaction::BadSigner`] when the pool validates the transaction, so it never takes
/// block space. The check runs again when a block is built or imported, so a dismissed
/// officer's transactions stop in the block after its dismissal. Unsigned transactions and
/// inherents pass through untouched (other extensions and `ValidateUnsigned` judge them).
///
/// The chain has no fees: this extension, not a balance, is what keeps strangers out.
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
	type Val = ();
	type Pre = ();

	fn weight(&self, _call: &T::RuntimeCall) -> Weight {
		T::WeightInfo::check_role()
	}

	fn validate(
		&self,
		origin: T::RuntimeOrigin,
		_call: &T::RuntimeCall,
		_info: &DispatchInfoOf<T::RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, T::RuntimeCall> {
		if let Some(who) = origin.as_signer() {
			if !Pallet::<T>::may_sign(who) {
				return Err(InvalidTransaction::BadSigner.into());
			}
		}
		Ok((Default::default(), (), origin))
	}

	impl_tx_ext_default!(T::RuntimeCall; prepare);
}
