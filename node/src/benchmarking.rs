//! What the node's `benchmark overhead` command needs of this chain: a transaction that does
//! nothing but still passes every check a real one passes.
//!
//! FRAME's own builder signs a `system.remark`, which this chain's gate refuses. This one
//! signs `gate.heartbeat` (an officer's no-op, admitted to every officer) as `//Alice`,
//! the head of office 0 in the development genesis, with this runtime's transaction
//! extensions: the measured base weight of a transaction covers the signature, the gate, the
//! nonce and the era exactly as every act pays them.

use civil_registry_runtime as runtime;
use codec::Encode;
use frame_benchmarking_cli::ExtrinsicBuilder;
use sp_core::H256;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic::Era, MultiAddress, MultiSignature, OpaqueExtrinsic};

/// Builds `gate.heartbeat` transactions signed by `//Alice` with increasing nonces.
pub struct HeartbeatBuilder {
	genesis: H256,
}

impl HeartbeatBuilder {
	/// Transactions for the chain whose genesis block is `genesis`.
	pub fn new(genesis: H256) -> Self {
		Self { genesis }
	}
}

/// `benchmark overhead` accepts only a builder that names itself `system.remark` (it measures
/// the cost of a transaction that does nothing); the transaction it gets is the heartbeat,
/// this chain's no-op, which the gate admits and `system.remark` is not.
impl ExtrinsicBuilder for HeartbeatBuilder {
	fn pallet(&self) -> &str {
		"system"
	}

	fn extrinsic(&self) -> &str {
		"remark"
	}

	fn build(&self, nonce: u32) -> Result<OpaqueExtrinsic, &'static str> {
		let call = runtime::node_calls::heartbeat();
		// Mortal (the chain refuses immortal transactions), from the genesis block.
		let era = Era::mortal(256, 0);
		let extension = runtime::tx_extension(nonce, era);
		let implicit = runtime::tx_extension_implicit(self.genesis, self.genesis);
		let payload = runtime::SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
		let signer = Sr25519Keyring::Alice;
		let signature = payload.using_encoded(|bytes| signer.sign(bytes));
		let transaction = runtime::UncheckedExtrinsic::new_signed(
			call,
			MultiAddress::Id(signer.to_account_id()),
			MultiSignature::Sr25519(signature),
			extension,
		);
		OpaqueExtrinsic::try_from_encoded_extrinsic(&transaction.encode())
			.map_err(|_| "a heartbeat does not encode as an opaque extrinsic")
	}
}
