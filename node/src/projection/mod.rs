//! The public projection: what faces the internet instead of a node.
//!
//! `civil-registry-node projection --chain <spec> --base-path <dir> --feed http://<feed>
//! --listen <address>` runs no node: no peer-to-peer network, no block, no runtime state. It
//! keeps, in a store of its own ([`store`]), only what the public may know — certificates'
//! answers, the released statistics, the directory, the day's activity per region, the
//! anchored archive batches — and answers the public from it ([`serve`]), through the public
//! server with its limits per client address (`node/src/rpc/server.rs`).
//!
//! It is fed by an authority or archive node's `--projection-feed`, inside the authority
//! network, and believes nothing it is fed without checking it ([`sync`]): each block must be
//! finalized by GRANDPA — a justification signed by the authority set the projection follows
//! from the genesis it computed from its own chain spec — and everything it keeps of a block
//! is the runtime's own answer re-run here over a storage proof against that block's state
//! root ([`query`]). So it needs no listing as a peer, holds nothing personal, and a feed that
//! lies (forged headers, a block not finalized, a doctored proof) is refused. If the feed
//! stops, it keeps answering what it has, and every answer says how stale it is; when the
//! feed is back, it goes on from the last block it kept.
//!
//! docs/operators.md, *The public projection*, has the deployment; docs/architecture.md, *What
//! the public can learn*, what it answers.

pub mod query;
mod serve;
mod store;
mod sync;

use std::{
	net::SocketAddr,
	path::PathBuf,
	sync::{Arc, Mutex},
};

use civil_registry_runtime::opaque::Block;
use codec::Decode;
use frame_support::traits::PalletInfoAccess;
use jsonrpsee::RpcModule;
use sp_consensus_grandpa::AuthorityList;
use sp_core::H256;
use sp_runtime::traits::{BlakeTwo256, Block as BlockT, Hash as HashT};

use crate::rpc::release::ReleaseParams;

/// The methods the projection serves.
pub const METHODS: &[&str] = &[
	"civil_verifyCertificate",
	"civil_verifyArchiveRecord",
	"civil_publishedStatistics",
	"civil_vitalStatistics",
	"civil_heartbeat",
	"civil_directory",
	"civil_projectionStatus",
	"civil_applicationStatus",
	"rpc_methods",
];

/// `projection`: run the public projection.
#[derive(Debug, Clone, clap::Parser)]
pub struct ProjectionCmd {
	/// The chain: `dev`, `dev-fast`, `local`, `regional`, ... or a chain spec file. The
	/// projection computes the genesis and the first GRANDPA authority set from it, and
	/// follows that chain only.
	#[arg(long, value_name = "CHAIN")]
	pub chain: String,

	/// Where the projection keeps its store (`<base path>/projection`).
	#[arg(long, value_name = "PATH")]
	pub base_path: PathBuf,

	/// The feed: `http://<address>` of an authority or archive node started with
	/// `--projection-feed <address>`.
	#[arg(long, value_name = "URL")]
	pub feed: String,

	/// Serve the public on this address (HTTP and WebSocket JSON-RPC).
	#[arg(long, value_name = "ADDRESS")]
	pub listen: SocketAddr,

	/// The released statistics: their disclosure control and schedule.
	#[clap(flatten)]
	pub statistics: ReleaseParams,

	/// Open connections at once, in total.
	#[arg(long, value_name = "COUNT", default_value_t = 256)]
	pub max_connections: u32,

	/// Open connections of one client address.
	#[arg(long, value_name = "COUNT", default_value_t = 16)]
	pub max_connections_per_ip: u32,

	/// Calls a minute of one client address, over all its connections.
	#[arg(long, value_name = "CALLS", default_value_t = 600,
		value_parser = clap::value_parser!(u32).range(1..))]
	pub calls_per_minute: u32,
}

/// The genesis hash and the first GRANDPA authority set of `spec`'s chain, computed from its
/// genesis state.
fn genesis(spec: &dyn sc_service::ChainSpec) -> Result<(H256, AuthorityList), String> {
	let storage = spec.as_storage_builder().build_storage()?;
	if !storage.children_default.is_empty() {
		return Err(
			"the chain's genesis has child tries, which the projection does not follow".into()
		);
	}
	// The GRANDPA pallet's `Authorities`: a list of (key, weight), as `AuthorityList` encodes.
	let key = frame_support::storage::storage_prefix(
		civil_registry_runtime::Grandpa::name().as_bytes(),
		b"Authorities",
	);
	let authorities = storage
		.top
		.get(key.as_slice())
		.ok_or("the chain's genesis has no GRANDPA authority set")?;
	let authorities = AuthorityList::decode(&mut &authorities[..])
		.map_err(|e| format!("the genesis GRANDPA authority set: {e}"))?;
	let state_version = civil_registry_runtime::VERSION.state_version();
	let root = BlakeTwo256::trie_root(storage.top.into_iter().collect(), state_version);
	let block: Block = sc_chain_spec::construct_genesis_block(root, state_version);
	Ok((block.header().hash(), authorities))
}

/// Runs the projection until Ctrl-C.
pub fn run(cmd: &ProjectionCmd, spec: Box<dyn sc_service::ChainSpec>) -> sc_cli::Result<()> {
	sc_cli::LoggerBuilder::new("").init()?;
	let (genesis_hash, authorities) = genesis(&*spec).map_err(sc_cli::Error::Input)?;
	log::info!(
		target: "projection",
		"Public projection of {} (genesis {genesis_hash:?}, {} GRANDPA authorities)",
		spec.name(),
		authorities.len()
	);
	let feed = sync::FeedClient::new(&cmd.feed).map_err(sc_cli::Error::Input)?;
	let store = Arc::new(
		store::Store::open(&cmd.base_path.join("projection")).map_err(sc_cli::Error::Input)?,
	);
	let status = Arc::new(Mutex::new(sync::Status::default()));
	let runtime = tokio::runtime::Builder::new_multi_thread()
		.enable_all()
		.build()
		.map_err(|e| sc_cli::Error::Application(Box::new(e)))?;
	runtime.block_on(async {
		let mut module = RpcModule::new(());
		module
			.merge(serve::ProjectionApiServer::into_rpc(serve::Projection {
				store: store.clone(),
				status: status.clone(),
			}))
			.map_err(|e| sc_cli::Error::Application(Box::new(e)))?;
		module
			.register_method("rpc_methods", |_, _, _| serde_json::json!({ "methods": METHODS }))
			.map_err(|e| sc_cli::Error::Application(Box::new(e)))?;
		let limits = crate::rpc::server::Limits {
			max_connections: cmd.max_connections,
			per_ip_connections: cmd.max_connections_per_ip,
			per_ip_calls_per_minute: cmd.calls_per_minute,
			max_request_mb: 1,
			max_response_mb: 4,
			max_batch: Some(8),
			max_subscriptions: 0,
			message_buffer: 16,
		};
		let server = crate::rpc::server::start(cmd.listen, module, limits)
			.await
			.map_err(|e| sc_cli::Error::Input(format!("the projection on {}: {e}", cmd.listen)))?;
		log::info!(target: "projection", "Serving the public on {}", server.address);
		let follower = sync::Follower {
			feed,
			store,
			genesis: (genesis_hash, authorities),
			policy: cmd.statistics.policy(),
			schedule: cmd.statistics.schedule(),
			months: cmd.statistics.statistics_months,
			status,
		};
		let following = tokio::spawn(follower.run());
		let _ = tokio::signal::ctrl_c().await;
		following.abort();
		drop(server);
		log::info!(target: "projection", "Stopped");
		Ok(())
	})
}
