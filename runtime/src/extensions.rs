//! Transaction extensions of this runtime beyond FRAME's and the gate
//! (`pallet_offices::CheckRole`).

use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::pallet_prelude::TransactionSource;
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, Implication, PostDispatchInfoOf,
		TransactionExtension, ValidateResult,
	},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	DispatchResult, Weight,
};

use super::{Nonce, Runtime, RuntimeCall, RuntimeOrigin};

/// How far past an account's next nonce a transaction's nonce may be.
///
/// The pool holds a signer's transactions with later nonces until the earlier ones arrive. On
/// a feeless chain nothing else limits how many one key parks there: thousands of valid
/// transactions from one stolen key would fill the pool, and everyone else's would be refused
/// as "priority too low". With this bound one signer holds at most
/// `MAX_NONCE_AHEAD + 1` transactions in the pool; an office's system that queues more waits
/// for its earlier transactions to be included (a block takes up to the signer's budget, 32).
pub const MAX_NONCE_AHEAD: Nonce = 16;

/// `frame_system::CheckNonce`, refusing a nonce more than [`MAX_NONCE_AHEAD`] past the
/// signer's next one with `InvalidTransaction::Future` ("Transaction will be valid in the
/// future"). Encoded as `CheckNonce` is (the nonce, compact) and with the same identifier, so
/// clients sign as they always do.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
pub struct CheckNonce(pub frame_system::CheckNonce<Runtime>);

impl From<Nonce> for CheckNonce {
	/// The extension for a transaction with `nonce`.
	fn from(nonce: Nonce) -> Self {
		Self(frame_system::CheckNonce::from(nonce))
	}
}

impl core::fmt::Debug for CheckNonce {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		core::fmt::Debug::fmt(&self.0, f)
	}
}

type Inner = frame_system::CheckNonce<Runtime>;

impl TransactionExtension<RuntimeCall> for CheckNonce {
	const IDENTIFIER: &'static str = <Inner as TransactionExtension<RuntimeCall>>::IDENTIFIER;
	type Implicit = <Inner as TransactionExtension<RuntimeCall>>::Implicit;
	type Val = <Inner as TransactionExtension<RuntimeCall>>::Val;
	type Pre = <Inner as TransactionExtension<RuntimeCall>>::Pre;

	fn implicit(&self) -> Result<Self::Implicit, TransactionValidityError> {
		self.0.implicit()
	}

	fn weight(&self, call: &RuntimeCall) -> Weight {
		self.0.weight(call)
	}

	fn validate(
		&self,
		origin: RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
		self_implicit: Self::Implicit,
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, RuntimeCall> {
		if let Some(who) = origin.as_system_origin_signer() {
			let next = frame_system::Pallet::<Runtime>::account_nonce(who);
			if self.0 .0 > next.saturating_add(MAX_NONCE_AHEAD) {
				return Err(InvalidTransaction::Future.into());
			}
		}
		self.0
			.validate(origin, call, info, len, self_implicit, inherited_implication, source)
	}

	fn prepare(
		self,
		val: Self::Val,
		origin: &RuntimeOrigin,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		self.0.prepare(val, origin, call, info, len)
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		info: &DispatchInfoOf<RuntimeCall>,
		post_info: &PostDispatchInfoOf<RuntimeCall>,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		<Inner as TransactionExtension<RuntimeCall>>::post_dispatch_details(
			pre, info, post_info, len, result,
		)
	}
}
