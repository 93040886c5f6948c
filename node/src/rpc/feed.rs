//! The projection feed: what an authority or archive node hands the public projection
//! (`node/src/projection/`), on an address inside the authority network
//! (`--projection-feed <address>`).
//!
//! Two methods, both about finalized blocks only:
//!
//! - `feed_headers(from, max)`: the finalized headers from block `from` on (about `max`, at
//!   most [`MAX_HEADERS`]), up to one this node holds a GRANDPA justification for —
//!   a stored one (every [`crate::service`] justification period, and every change of the
//!   authority set) or the newest GRANDPA finalized — and that justification. The batch ends at
//!   a block that changes the authority set, so that each justification is checked against the
//!   set that signed it. No justification within reach: no headers.
//! - `feed_prove(block, query)`: the storage proof of a [`Query`] (SCALE) at a finalized block
//!   of this node's runtime: the trie nodes the runtime's view read, nothing else of the state.
//!
//! Neither answer is trusted by the projection: it checks each justification against the
//! authority set it follows from genesis, each header's link to the last, and re-runs each
//! query over its proof against the header's state root. So what the link must protect is the
//! authority node from load, not the projection from lies: bind the address to the
//! department's internal network, where the projection's host reaches it and the internet does
//! not (docs/operators.md, *The public projection*). Everything that crosses it is what the
//! public may learn, plus the proofs' trie nodes, which the projection drops after the check.

use std::{
	net::SocketAddr,
	sync::{Arc, Mutex},
};

use civil_registry_runtime::opaque::Block;
use codec::{Decode, Encode};
use futures::StreamExt;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, RpcModule};
use sc_client_api::{BlockBackend, TrieCacheContext};
use serde::{Deserialize, Serialize};
use sp_api::CallApiAt;
use sp_blockchain::HeaderBackend;
use sp_consensus_grandpa::{ConsensusLog, GRANDPA_ENGINE_ID};
use sp_core::{Bytes, H256};
use sp_runtime::traits::Header as _;
use sp_state_machine::backend::AsTrieBackend;

use super::common::{extra_endpoint, invalid, not_found, runtime_error};
use crate::projection::query::{self, Query};

/// Most headers one `feed_headers` answers: four justification periods.
pub const MAX_HEADERS: u32 = 2048;

/// The feed's command-line flag.
#[derive(Debug, Clone, clap::Args)]
pub struct FeedParams {
	/// Serve the public projection's feed on this address, one inside the authority network
	/// (e.g. `10.40.0.1:9947`): finalized headers with their GRANDPA justifications, and
	/// storage proofs of what the public may know. The node must keep the state of the blocks
	/// the projection has not read yet (`--state-pruning archive-canonical` for a projection
	/// that may start from genesis). Off unless given.
	#[arg(long, value_name = "ADDRESS")]
	pub projection_feed: Option<SocketAddr>,
}

/// What `feed_headers` answers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct HeadersJson {
	/// The headers, SCALE, in order.
	pub headers: Vec<Bytes>,
	/// The GRANDPA justification (SCALE) of the last header; `null` with no headers.
	pub justification: Option<Bytes>,
}

/// The feed's methods.
#[rpc(server, namespace = "feed")]
pub trait FeedApi {
	/// Finalized headers from block `from` (at most `max`), up to the last one with a GRANDPA
	/// justification, and that justification.
	#[method(name = "headers", blocking)]
	fn headers(&self, from: u32, max: u32) -> RpcResult<HeadersJson>;

	/// The storage proof (SCALE) of `query` (SCALE) at finalized block `block`.
	#[method(name = "prove", blocking)]
	fn prove(&self, block: H256, query: Bytes) -> RpcResult<Bytes>;
}

/// The newest justification GRANDPA produced or imported: its block and its bytes.
type Latest = Arc<Mutex<Option<(H256, Vec<u8>)>>>;

/// The feed over the node's client and database.
pub struct Feed<C, B> {
	client: Arc<C>,
	backend: Arc<B>,
	/// The newest justification.
	latest: Latest,
}

/// Whether `header` enacts a change of the GRANDPA authority set at once (a standard change
/// with no delay, or a forced one), or schedules one `delay` blocks later.
fn set_change(header: &<Block as sp_runtime::traits::Block>::Header) -> Option<u32> {
	header.digest().logs().iter().find_map(|log| {
		match log.consensus_try_to::<ConsensusLog<u32>>(&GRANDPA_ENGINE_ID)? {
			ConsensusLog::ScheduledChange(change) => Some(change.delay),
			ConsensusLog::ForcedChange(_, _) => Some(0),
			_ => None,
		}
	})
}

impl<C, B> FeedApiServer for Feed<C, B>
where
	C: HeaderBackend<Block> + BlockBackend<Block> + CallApiAt<Block> + Send + Sync + 'static,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	fn headers(&self, from: u32, max: u32) -> RpcResult<HeadersJson> {
		let finalized = self.client.info().finalized_number;
		let none = HeadersJson { headers: Vec::new(), justification: None };
		if from == 0 || from > finalized || max == 0 {
			return Ok(none);
		}
		// At least `max` headers if a justification that far is at hand, else on to the next
		// one this node holds (stored every justification period, and the newest), at most
		// `MAX_HEADERS` in all.
		let wanted = max.min(MAX_HEADERS) as usize;
		let latest = self.latest.lock().map_err(|_| runtime_error("poisoned"))?.clone();
		let mut headers = Vec::new();
		let mut justified: Option<(usize, Vec<u8>)> = None;
		let mut enacts: Option<u32> = None;
		for number in from..=finalized {
			if headers.len() >= MAX_HEADERS as usize {
				break;
			}
			let hash = self
				.client
				.hash(number)
				.map_err(runtime_error)?
				.ok_or_else(|| not_found(format!("this node has no block {number}")))?;
			let header = self
				.client
				.header(hash)
				.map_err(runtime_error)?
				.ok_or_else(|| not_found(format!("this node has no header {number}")))?;
			if let Some(delay) = set_change(&header) {
				enacts.get_or_insert(number.saturating_add(delay));
			}
			headers.push(Bytes(header.encode()));
			let stored = self
				.client
				.justifications(hash)
				.map_err(runtime_error)?
				.and_then(|j| j.into_justification(GRANDPA_ENGINE_ID));
			let streamed = latest.as_ref().filter(|(h, _)| *h == hash).map(|(_, j)| j.clone());
			if let Some(justification) = stored.or(streamed) {
				justified = Some((headers.len(), justification));
				if headers.len() >= wanted {
					break;
				}
			}
			if enacts == Some(number) {
				break;
			}
		}
		Ok(match justified {
			Some((count, justification)) => {
				headers.truncate(count);
				HeadersJson { headers, justification: Some(Bytes(justification)) }
			},
			None => none,
		})
	}

	fn prove(&self, block: H256, query: Bytes) -> RpcResult<Bytes> {
		let query =
			Query::decode(&mut &query[..]).map_err(|e| invalid(format!("malformed query: {e}")))?;
		if !query.is_bounded() {
			return Err(invalid(format!(
				"a query names at most {} items and {} months",
				query::MAX_ITEMS,
				query::MAX_MONTHS
			)));
		}
		let info = self.client.info();
		let number = self
			.client
			.number(block)
			.map_err(runtime_error)?
			.ok_or_else(|| not_found(format!("this node has no block {block:?}")))?;
		if number > info.finalized_number
			|| self.client.hash(number).map_err(runtime_error)? != Some(block)
		{
			return Err(invalid(format!("block {block:?} is not finalized")));
		}
		// The query is the runtime's own view, run natively: only over a state this node's
		// runtime built.
		let version = self
			.client
			.runtime_version_at(block, sp_api::CallContext::Offchain)
			.map_err(runtime_error)?;
		let own = &civil_registry_runtime::VERSION;
		if version.spec_name != own.spec_name || version.spec_version != own.spec_version {
			return Err(runtime_error(format!(
				"block {number} runs spec_version {}; this feed's binary is {}: upgrade it",
				version.spec_version, own.spec_version
			)));
		}
		let state = self.backend.state_at(block, TrieCacheContext::Untrusted).map_err(|_| {
			not_found(format!(
				"the state of block {number} is pruned on this node: feed the projection from \
				 an archive node (--state-pruning archive-canonical)"
			))
		})?;
		let (_, proof) = query::prove(state.as_trie_backend(), &query);
		Ok(Bytes(proof.encode()))
	}
}

/// Starts the feed on `params.projection_feed`, if given, with the node's RPC limits; it
/// follows GRANDPA's justifications (`justifications`) for the newest one.
pub fn start<C, B>(
	params: &FeedParams,
	config: &sc_service::Configuration,
	client: Arc<C>,
	backend: Arc<B>,
	justifications: sc_consensus_grandpa::GrandpaJustificationStream<Block>,
	task_manager: &mut sc_service::TaskManager,
) -> Result<(), sc_service::Error>
where
	C: HeaderBackend<Block> + BlockBackend<Block> + CallApiAt<Block> + Send + Sync + 'static,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	let Some(address) = params.projection_feed else { return Ok(()) };
	let error = |what: &str, e: &dyn std::fmt::Display| {
		sc_service::Error::Other(format!("projection feed on {address}: {what}: {e}"))
	};
	let latest: Latest = Arc::new(Mutex::new(None));
	let mut module = RpcModule::new(());
	module
		.merge(Feed { client, backend, latest: latest.clone() }.into_rpc())
		.map_err(|e| error("methods", &e))?;
	let rpc = &config.rpc;
	let server_config = sc_rpc_server::Config {
		endpoints: vec![extra_endpoint(address, rpc)],
		metrics: None,
		rpc_api: super::common::bounded(module),
		id_provider: None,
		request_logger_limit: rpc.request_logger_limit,
		rpc_runtime: sc_rpc_server::create_rpc_runtime(rpc.max_connections)
			.map_err(|e| error("runtime", &e))?,
	};
	let server = tokio::task::block_in_place(|| {
		config.tokio_handle.block_on(sc_rpc_server::start_server(server_config))
	})
	.map_err(|e| error("start", &e))?;
	log::info!(target: "feed", "Projection feed on {address}");
	task_manager.keep_alive(server);
	task_manager
		.spawn_handle()
		.spawn("projection-feed-justifications", None, async move {
			let mut stream = justifications.subscribe(100_000);
			while let Some(justification) = stream.next().await {
				let target = justification.justification.commit.target_hash;
				if let Ok(mut latest) = latest.lock() {
					*latest = Some((target, justification.encode()));
				}
			}
		});
	Ok(())
}
