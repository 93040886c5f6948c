//! Helpers for runtime-level tests: the real runtime, executed natively, on the genesis of a
//! real preset, with transactions signed by the development keys.
#![allow(dead_code)]

use civil_registry_runtime::{
	genesis_config_presets, Executive, Header, Nonce, Runtime, RuntimeCall, RuntimeGenesisConfig,
	SignedPayload, System, TxExtension, UncheckedExtrinsic,
};
use codec::Encode;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::Era,
	traits::Header as _,
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult, BuildStorage, MultiAddress, MultiSignature,
};

fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (k, v) in patch {
				merge(base.entry(k).or_insert(serde_json::Value::Null), v);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// Externalities holding the genesis state of the named preset (e.g. `development`).
pub fn preset_ext(preset: &str) -> sp_io::TestExternalities {
	let patch = genesis_config_presets::get_preset(&preset.into()).expect("the preset exists");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, serde_json::from_slice(&patch).unwrap());
	let config: RuntimeGenesisConfig = serde_json::from_value(config).unwrap();
	let mut ext: sp_io::TestExternalities = config.build_storage().unwrap().into();
	ext.execute_with(|| start_block(1));
	ext
}

/// Start block `n` (on top of whatever state there is), as a block author would.
pub fn start_block(n: u32) {
	let parent = System::block_hash(n.saturating_sub(1));
	Executive::initialize_block(&Header::new(
		n,
		Default::default(),
		Default::default(),
		parent,
		Default::default(),
	));
}

/// Start the block after the current one.
pub fn next_block() {
	start_block(System::block_number() + 1);
}

/// The era an up-to-date client signs for: 64 blocks from the parent block (polkadot.js's
/// default).
pub fn mortal_era() -> Era {
	Era::mortal(64, u64::from(System::block_number().saturating_sub(1)))
}

/// The transaction extensions an up-to-date client attaches.
pub fn extensions(nonce: Nonce) -> TxExtension {
	extensions_with_era(nonce, mortal_era())
}

/// The transaction extensions, with the transaction's era.
pub fn extensions_with_era(nonce: Nonce, era: Era) -> TxExtension {
	civil_registry_runtime::tx_extension(nonce, era)
}

/// `call` signed by `who` with its current nonce.
pub fn signed(who: Sr25519Keyring, call: RuntimeCall) -> UncheckedExtrinsic {
	signed_with_nonce(who, call, System::account_nonce(who.to_account_id()))
}

/// `call` signed by `who` with `nonce`.
pub fn signed_with_nonce(
	who: Sr25519Keyring,
	call: RuntimeCall,
	nonce: Nonce,
) -> UncheckedExtrinsic {
	sign(who, call, extensions(nonce))
}

/// `call` signed by `who` with the given extensions.
pub fn sign(who: Sr25519Keyring, call: RuntimeCall, extensions: TxExtension) -> UncheckedExtrinsic {
	let payload = SignedPayload::new(call.clone(), extensions.clone()).expect("payload builds");
	let signature = payload.using_encoded(|p| who.sign(p));
	UncheckedExtrinsic::new_signed(
		call,
		MultiAddress::Id(who.to_account_id()),
		MultiSignature::Sr25519(signature),
		extensions,
	)
}

/// What the transaction pool would say of `xt`.
pub fn validate(xt: UncheckedExtrinsic) -> TransactionValidity {
	let parent = System::parent_hash();
	Executive::validate_transaction(TransactionSource::External, xt, parent)
}

/// Apply `xt` in the current block, as the block author would.
pub fn apply(xt: UncheckedExtrinsic) -> ApplyExtrinsicResult {
	Executive::apply_extrinsic(xt)
}

/// A call no role may sign (the gate refuses it with `InvalidTransaction::Call`).
pub fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: b"hello".to_vec() })
}

/// A call every officer may sign, to probe the gate: withdrawing an amendment proposal. There
/// is no such proposal, so it is included and fails (`civilEvents.UnknownProposal`).
pub fn officer_call() -> RuntimeCall {
	RuntimeCall::CivilEvents(pallet_civil_events::Call::reject_amendment { proposal: u64::MAX })
}

/// A call every council member may sign, to probe the gate: a vote on a motion that does not
/// exist (included, and fails with `council.ProposalMissing`).
pub fn council_call() -> RuntimeCall {
	RuntimeCall::Council(pallet_collective::Call::vote {
		proposal: Default::default(),
		index: 0,
		approve: true,
	})
}

/// The runtime type, for helpers that need it.
pub type R = Runtime;

/// A marriage application of `first` and `second` that `who`'s office received 31 days before
/// `wedding` (a signed `receive_application` with the chain's clock at noon of that day, set
/// back after), its waiting period over on the wedding day; returns its id.
pub fn marriage_application(
	who: Sr25519Keyring,
	first: u64,
	second: u64,
	wedding: civil_registry_primitives::Date,
) -> u64 {
	let now = pallet_timestamp::Now::<Runtime>::get();
	let received = wedding.add_days(-31).expect("a day");
	pallet_timestamp::Now::<Runtime>::put(
		received.days_since_epoch() as u64 * 86_400_000 + 43_200_000,
	);
	let id = pallet_civil_events::NextApplicationId::<Runtime>::get();
	let call = RuntimeCall::CivilEvents(pallet_civil_events::Call::receive_application {
		kind: pallet_civil_events::ApplicationKind::Marriage,
		tracking: sp_core::H256::from_low_u64_be(0x7a_0000 + id),
		applicants: vec![first, second].try_into().expect("two"),
	});
	assert_eq!(apply(signed(who, call)), Ok(Ok(())), "the application is received");
	pallet_timestamp::Now::<Runtime>::put(now);
	id
}
