//! The node's read side: every RPC server it runs, one module per concern.
//!
//! | module | serves | to whom |
//! | --- | --- | --- |
//! | [`civil`] | `civil_*` on the node's own RPC (`--rpc-port`): certificates, exact statistics, archive proofs, at any block | the offices' systems and integrators inside the authority network |
//! | [`own`] | the node's own RPC port itself: `sc-service`'s methods, served with errors cut | the same |
//! | [`public`] | the public gateway (`--public-gateway`): what the public may know, and nothing else | anyone |
//! | [`office`] | the office read API (`--office-api`): persons and acts, signed requests, every read logged | the registry offices |
//! | [`feed`] | the public projection's feed (`--projection-feed`): finalized headers with GRANDPA justifications, storage proofs of public views | the projection, inside the authority network |
//! | [`release`] | the released statistics: schedule, closed months, answers | [`public`], the projection |
//! | [`server`] | the public server: connection and call limits per client address | [`public`] |
//! | [`common`] | error codes, the one block grammar, parsers, dates, the office API's endpoint, errors cut ([`common::bounded`]) | all of them |
//! | [`views`] | the runtime's views as JSON answers, at a given block | [`civil`], [`public`] |
//! | [`native`] | the fast path: a runtime view run natively over a block's state | [`views`] |
//!
//! The three servers never import each other: what they share is in [`common`] and
//! [`native`]. Every answer is a view the runtime computes (`CivilRegistryApi`, in
//! `runtime/src/apis.rs`); the node decodes no pallet's storage to answer the public.
//!
//! Besides `civil_*`, the node's own RPC adds `system_accountNextIndex` and `system_dryRun`
//! (`substrate-frame-rpc-system`) to the standard methods `sc-service` serves. The chain is
//! feeless, so there is no `payment_*` namespace.

pub mod civil;
pub mod common;
pub mod feed;
pub mod native;
pub mod office;
pub mod own;
pub mod public;
pub mod release;
pub mod server;
pub mod views;

use std::sync::Arc;

use civil_registry_runtime::{apis::RegistryApi, opaque::Block, AccountId, Nonce};
use jsonrpsee::RpcModule;
use sc_transaction_pool_api::TransactionPool;
use sp_api::{CallApiAt, ProvideRuntimeApi};
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};

/// What the RPC extensions need from the node.
pub struct FullDeps<C, P, B> {
	/// The client instance to use.
	pub client: Arc<C>,
	/// Transaction pool instance.
	pub pool: Arc<P>,
	/// The database backend (the `civil_*` fast path reads the state through it).
	pub backend: Arc<B>,
	/// The chain's Aura slot, in milliseconds (a genesis setting): a block's time is its slot
	/// times this.
	pub slot_duration: u64,
}

/// The RPC extensions of a full node: `system_accountNextIndex`, `system_dryRun` and
/// `civil_*`.
pub fn create_full<C, P, B>(
	deps: FullDeps<C, P, B>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block> + CallApiAt<Block>,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
	C: HeaderBackend<Block> + HeaderMetadata<Block, Error = BlockChainError> + 'static,
	C: Send + Sync + 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: BlockBuilder<Block>,
	C::Api: RegistryApi<Block>,
	P: TransactionPool + 'static,
{
	use civil::{Civil, CivilRpcServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, backend, slot_duration } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(Civil::new(client, backend, slot_duration).into_rpc())?;

	Ok(module)
}
