//! Transaction extensions of this runtime beyond FRAME's and the gate
//! (`pallet_gate::CheckRole`).

use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::pallet_prelude::TransactionSource;
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, Implication, PostDispatchInfoOf,
		TransactionExtension, ValidateResult,
	},
	transaction_validity::{InvalidTransaction, TransactionPriority, TransactionValidityError},
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
/// for its earlier transactions to be included.
pub const MAX_NONCE_AHEAD: Nonce = 16;

/// A FRAME transaction extension with one more refusal of this runtime's: `G` checks a
/// signed transaction's extension before `E` validates it. Encoded exactly as `E` (the guard
/// adds no data) and with `E`'s identifier, so clients sign as they always do.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
#[scale_info(skip_type_params(G))]
pub struct Guarded<E, G>(pub E, core::marker::PhantomData<G>);

/// What a [`Guarded`] extension refuses beyond FRAME's own checks.
pub trait Guard<E> {
	/// Refuse `extension` of a transaction of `len` bytes signed by `who`, or let it through
	/// with a priority to add to the transaction's.
	fn check(
		extension: &E,
		who: &<Runtime as frame_system::Config>::AccountId,
		len: usize,
	) -> Result<TransactionPriority, TransactionValidityError>;

	/// The weight of the check, beyond `E`'s.
	fn weight() -> Weight {
		Weight::zero()
	}
}

impl<E, G> Guarded<E, G> {
	/// `extension`, guarded.
	pub fn new(extension: E) -> Self {
		Self(extension, core::marker::PhantomData)
	}
}

impl<E: core::fmt::Debug, G> core::fmt::Debug for Guarded<E, G> {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		core::fmt::Debug::fmt(&self.0, f)
	}
}

impl<E, G> TransactionExtension<RuntimeCall> for Guarded<E, G>
where
	E: TransactionExtension<RuntimeCall>,
	G: Guard<E> + Send + Sync + Clone + Eq + core::fmt::Debug + TypeInfo + 'static,
{
	const IDENTIFIER: &'static str = E::IDENTIFIER;
	type Implicit = E::Implicit;
	type Val = E::Val;
	type Pre = E::Pre;

	fn implicit(&self) -> Result<Self::Implicit, TransactionValidityError> {
		self.0.implicit()
	}

	fn metadata() -> alloc::vec::Vec<sp_runtime::traits::TransactionExtensionMetadata> {
		E::metadata()
	}

	fn weight(&self, call: &RuntimeCall) -> Weight {
		self.0.weight(call).saturating_add(G::weight())
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
		let bonus = match origin.as_system_origin_signer() {
			Some(who) => G::check(&self.0, who, len)?,
			None => 0,
		};
		let (mut valid, val, origin) = self.0.validate(
			origin,
			call,
			info,
			len,
			self_implicit,
			inherited_implication,
			source,
		)?;
		valid.priority = valid.priority.saturating_add(bonus);
		Ok((valid, val, origin))
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
		E::post_dispatch_details(pre, info, post_info, len, result)
	}
}

/// `frame_system::CheckNonce`, refusing a nonce more than [`MAX_NONCE_AHEAD`] past the
/// signer's next one with `InvalidTransaction::Future` ("Transaction will be valid in the
/// future"), and a transaction past its signer's budget, counting the signer's transactions
/// ahead of it, with `InvalidTransaction::Custom(pallet_gate::BUDGET_SPENT)`.
///
/// So the pool admits exactly what blocks will include: a transaction admitted with `k` of its
/// signer's ahead of it fits the day's budget once those `k` are in, whatever they are (each is
/// counted at the longest a transaction may be). None is dropped later for its budget, and no
/// later nonce of the signer waits behind one that never comes. A signer's `k`-th transaction
/// also gets a lower priority than everyone's first ([`MAX_NONCE_AHEAD`] − `k` added), so a
/// block takes each signer's next transaction before anyone's second: one key's queue never
/// crowds out the others, and nobody's budget ends a block.
pub type CheckNonce = Guarded<frame_system::CheckNonce<Runtime>, NonceBudget>;

/// The guard of [`CheckNonce`].
#[derive(Clone, Eq, PartialEq, Debug, TypeInfo)]
pub struct NonceBudget;

impl Guard<frame_system::CheckNonce<Runtime>> for NonceBudget {
	fn check(
		extension: &frame_system::CheckNonce<Runtime>,
		who: &<Runtime as frame_system::Config>::AccountId,
		len: usize,
	) -> Result<TransactionPriority, TransactionValidityError> {
		let next = frame_system::Pallet::<Runtime>::account_nonce(who);
		if extension.0 > next.saturating_add(MAX_NONCE_AHEAD) {
			return Err(InvalidTransaction::Future.into());
		}
		// A stale nonce is refused by `CheckNonce` itself.
		let ahead = extension.0.saturating_sub(next);
		pallet_gate::Pallet::<Runtime>::check_budget(who, ahead, len)?;
		Ok(TransactionPriority::from(MAX_NONCE_AHEAD.saturating_sub(ahead)))
	}

	/// The signer's usage, read (the account, for its nonce, `CheckNonce` reads itself).
	fn weight() -> Weight {
		<Runtime as frame_system::Config>::DbWeight::get().reads(1)
	}
}

impl From<Nonce> for CheckNonce {
	/// The extension for a transaction with `nonce`.
	fn from(nonce: Nonce) -> Self {
		Self::new(frame_system::CheckNonce::from(nonce))
	}
}

/// The custom refusal code (`InvalidTransaction::Custom`) of an immortal signed transaction.
pub const IMMORTAL_TRANSACTION: u8 = 200;

/// `frame_system::CheckEra`, refusing an immortal signed transaction with
/// `InvalidTransaction::Custom(IMMORTAL_TRANSACTION)`.
///
/// An immortal transaction stays valid for ever: replayed after its signer's nonce is reset
/// (never, on this chain, but a reaped and recreated account would do it) or held back and
/// submitted months later by whoever saw it. A mortal one dies with its era (polkadot.js signs
/// for 64 blocks by default), so a signed act that was not included soon is known to be dead.
pub type CheckEra = Guarded<frame_system::CheckEra<Runtime>, MortalOnly>;

/// The guard of [`CheckEra`].
#[derive(Clone, Eq, PartialEq, Debug, TypeInfo)]
pub struct MortalOnly;

impl Guard<frame_system::CheckEra<Runtime>> for MortalOnly {
	fn check(
		extension: &frame_system::CheckEra<Runtime>,
		_who: &<Runtime as frame_system::Config>::AccountId,
		_len: usize,
	) -> Result<TransactionPriority, TransactionValidityError> {
		if extension.0 == sp_runtime::generic::Era::Immortal {
			return Err(InvalidTransaction::Custom(IMMORTAL_TRANSACTION).into());
		}
		Ok(0)
	}
}

impl From<sp_runtime::generic::Era> for CheckEra {
	/// The extension for a transaction of `era`.
	fn from(era: sp_runtime::generic::Era) -> Self {
		Self::new(frame_system::CheckEra::from(era))
	}
}
