//! The public gateway: a second JSON-RPC server that serves only what the public may know.
//!
//! An authority node's own RPC (`--rpc-port`) serves every standard method: `state_getStorage`
//! reads any record of the registry, `chain_getBlock` returns every transaction with its
//! arguments, `author_submitExtrinsic` takes transactions. That is right for the registry's
//! offices and wrong for the public (docs/architecture.md, *What the public can learn*). A node
//! started with `--public-gateway <address>` opens a second server on that address holding
//! **only** the methods in [`PUBLIC_METHODS`]:
//!
//! - headers and finality: `chain_getHeader`, `chain_getBlockHash`, `chain_getFinalizedHead`,
//!   `chain_subscribeNewHeads`, `chain_subscribeFinalizedHeads` (and their unsubscribes);
//!   `state_getRuntimeVersion`;
//! - `civil_verifyCertificate(code)`: a certificate's status, kind, office, day of issue and
//!   versions, **at the latest finalized block only** (an answer at a past block would date a
//!   later correction, sealing or revocation);
//! - `civil_verifyArchiveRecord(root, index, record, proof)`: a paper record against an
//!   anchored batch, at the latest finalized block only;
//! - `civil_publishedStatistics(jurisdiction, kind, from, to)`: the **released** monthly
//!   statistics, through the disclosure control ([`Release`]);
//! - `civil_heartbeat`: the latest finalized block and the acts registered on its day (UTC)
//!   **per region** — no kind, office, officer or outcome of any transaction;
//! - `civil_directory`: the jurisdictions and offices (public administration, by name);
//! - `rpc_methods`, which lists them.
//!
//! Every other method is not there: a call is answered with JSON-RPC's "method not found"
//! (-32601). The list is an allow-list, so a method added to the node later is not public
//! until someone adds it here. Every answer is a view the runtime computes
//! (`CivilRegistryApi`); this module decodes no pallet's storage.
//!
//! **The released statistics.** The exact counters change with every act, so answering them
//! at any block would let anyone difference two blocks and read off an act's kind, district
//! and month. The gateway publishes **releases** instead: on the release day of each month
//! (`--statistics-release-day`, 00:00 UTC), the months that ended before it (the last
//! `--statistics-months`), each kind and month a table through the disclosure control at the
//! first finalized block of the release day (`--statistics-threshold`, the depths). Until the
//! next release day the answers do not change; the same chain gives every gateway the same
//! release. The reasoning and the thresholds: docs/architecture.md.

use std::{
	collections::{BTreeMap, VecDeque},
	net::SocketAddr,
	sync::{Arc, Mutex, RwLock},
};

use civil_registry_primitives::{ActKind, DisclosurePolicy, RegionActivity};
use civil_registry_runtime::{apis::RegistryApi, opaque::Block};
use futures::StreamExt;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned, RpcModule};
use sc_client_api::{BlockBackend, BlockchainEvents};
use serde::{Deserialize, Serialize};
use sp_api::{CallApiAt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use sp_runtime::traits::Header as _;

use super::{
	common::{block_time, month_text, no_block, runtime_error, utc_date},
	release::{
		closed_months, months, parse_question, PublishedStatisticsJson, Release, Schedule,
		VitalStatisticsJson,
	},
	views::{ArchiveRecordJson, CertificateJson, DirectoryJson, Views},
};

/// The methods the public gateway serves; nothing else is reachable through it.
pub const PUBLIC_METHODS: &[&str] = &[
	"chain_getHeader",
	"chain_getBlockHash",
	"chain_getFinalizedHead",
	"chain_subscribeNewHeads",
	"chain_unsubscribeNewHeads",
	"chain_subscribeFinalizedHeads",
	"chain_unsubscribeFinalizedHeads",
	"state_getRuntimeVersion",
	"civil_verifyCertificate",
	"civil_verifyArchiveRecord",
	"civil_publishedStatistics",
	"civil_vitalStatistics",
	"civil_heartbeat",
	"civil_directory",
	"rpc_methods",
];

/// How long the heartbeat keeps block summaries: a day and an hour of 6-second blocks.
const HEARTBEAT_BLOCKS: usize = 15_000;

const DAY_MS: u64 = 86_400_000;

/// The gateway's command-line flags.
#[derive(Debug, Clone, clap::Args)]
pub struct GatewayParams {
	/// Open the public gateway on this address (e.g. `0.0.0.0:9955`): a JSON-RPC server (HTTP
	/// and WebSocket) with only the public methods, any web origin allowed, and the limits of
	/// the node's own RPC (`--rpc-max-connections`, `--rpc-rate-limit`,
	/// `--rpc-max-batch-request-len`, `--rpc-max-request-size`, ...). Off unless given.
	#[arg(long, value_name = "ADDRESS")]
	pub public_gateway: Option<SocketAddr>,

	/// Most open connections of one client address to the public gateway; its next one is
	/// closed at once. The total is `--rpc-max-connections`.
	#[arg(long, value_name = "COUNT", default_value_t = 16,
		value_parser = clap::value_parser!(u32).range(1..))]
	pub public_max_connections_per_ip: u32,

	/// Calls per minute of one client address to the public gateway, over all its connections
	/// (a bucket refilled evenly); a call beyond it is answered at once with error -32029.
	#[arg(long, value_name = "CALLS", default_value_t = 600,
		value_parser = clap::value_parser!(u32).range(1..))]
	pub public_calls_per_minute: u32,

	/// The released statistics: their disclosure control and schedule.
	#[clap(flatten)]
	pub statistics: super::release::ReleaseParams,
}

/// What `civil_heartbeat` answers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct HeartbeatJson {
	/// The latest finalized block's number.
	pub finalized: u32,
	/// Its hash.
	pub hash: H256,
	/// Its time: milliseconds since 1970, UTC (the start of its slot).
	pub timestamp: u64,
	/// The day (UTC) of that block, `"YYYY-MM-DD"`, whose acts are counted.
	pub day: String,
	/// The first block of the day this gateway counted.
	pub since: u32,
	/// Whether the count covers the whole day. A gateway that started today without the state
	/// of the day's first blocks (pruned) counts from the oldest one it has.
	pub complete: bool,
	/// Acts registered that day per region, by region id; regions with none left out.
	pub acts_by_region: Vec<RegionActivity>,
	/// Their sum.
	pub acts: u32,
}

/// The public methods.
#[rpc(server, namespace = "civil")]
pub trait PublicApi {
	/// The status of the certificate whose hash is `certificate_hash` (`0x` and 64 hex digits,
	/// the QR code's value), at the latest finalized block.
	#[method(name = "verifyCertificate")]
	async fn verify_certificate(
		&self,
		certificate_hash: String,
		at: Option<serde_json::Value>,
	) -> RpcResult<CertificateJson>;

	/// Whether `proof` (at most 32 hashes, from the leaf up) proves the paper record `record`
	/// at position `index` of the archive batch anchored as `root`, at the latest finalized
	/// block.
	#[method(name = "verifyArchiveRecord")]
	async fn verify_archive_record(
		&self,
		root: String,
		index: u32,
		record: String,
		proof: Vec<String>,
		at: Option<serde_json::Value>,
	) -> RpcResult<ArchiveRecordJson>;

	/// The released statistics of `jurisdiction` from `from` to `to` (`"YYYY-MM"`, at most
	/// 120 months) for `kind` (`null`: every kind tabulated at the jurisdiction's depth).
	#[method(name = "publishedStatistics")]
	fn published_statistics(
		&self,
		jurisdiction: u32,
		kind: Option<String>,
		from: String,
		to: String,
		at: Option<serde_json::Value>,
	) -> RpcResult<PublishedStatisticsJson>;

	/// The released UN vital statistics of `jurisdiction` from `from` to `to` (`"YYYY-MM"`,
	/// at most 120 months): by month of registration, by place of usual residence, births by
	/// the mother's age group, timeliness, notified and followed (`primitives/src/vital.rs`).
	#[method(name = "vitalStatistics")]
	fn vital_statistics(
		&self,
		jurisdiction: u32,
		from: String,
		to: String,
		at: Option<serde_json::Value>,
	) -> RpcResult<VitalStatisticsJson>;

	/// The latest finalized block and the acts registered on its day (UTC) per region.
	#[method(name = "heartbeat")]
	fn heartbeat(&self) -> RpcResult<HeartbeatJson>;

	/// The jurisdictions and offices at the latest finalized block.
	#[method(name = "directory", blocking)]
	fn directory(&self) -> RpcResult<DirectoryJson>;
}

/// A finalized block reduced to what the heartbeat counts.
#[derive(Clone, Debug)]
struct Summary {
	number: u32,
	hash: H256,
	timestamp: u64,
	acts: Vec<RegionActivity>,
}

/// The finalized blocks of the last day, newest last, kept by [`follow`].
#[derive(Default)]
struct Days {
	blocks: VecDeque<Summary>,
	/// The oldest block kept is the first of its day, or the chain's first.
	complete: bool,
}

/// What the gateway follows: the heartbeat's days and the latest release.
struct State {
	days: Mutex<Days>,
	release: RwLock<Option<Release>>,
}

/// The public methods over the [`Views`].
pub struct Public<C, B> {
	views: Views<C, B>,
	client: Arc<C>,
	state: Arc<State>,
}

/// What a block parameter is told on the gateway.
const FINALIZED_ONLY: &str = "the public gateway answers at the latest finalized block only";

/// The start (00:00 UTC) of the day of `ms`, in milliseconds since 1970.
fn day_start(ms: u64) -> u64 {
	ms.saturating_sub(ms.rem_euclid(DAY_MS))
}

#[jsonrpsee::core::async_trait]
impl<C, B> PublicApiServer for Public<C, B>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + CallApiAt<Block> + Send + Sync + 'static,
	C::Api: RegistryApi<Block>,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	async fn verify_certificate(
		&self,
		certificate_hash: String,
		at: Option<serde_json::Value>,
	) -> RpcResult<CertificateJson> {
		no_block(at, FINALIZED_ONLY)?;
		let block = self.client.info().finalized_hash;
		self.views.certificate(&certificate_hash, block).await
	}

	async fn verify_archive_record(
		&self,
		root: String,
		index: u32,
		record: String,
		proof: Vec<String>,
		at: Option<serde_json::Value>,
	) -> RpcResult<ArchiveRecordJson> {
		no_block(at, FINALIZED_ONLY)?;
		let block = self.client.info().finalized_hash;
		self.views.archive_record(root, index, record, proof, block).await
	}

	fn published_statistics(
		&self,
		jurisdiction: u32,
		kind: Option<String>,
		from: String,
		to: String,
		at: Option<serde_json::Value>,
	) -> RpcResult<PublishedStatisticsJson> {
		no_block(at, FINALIZED_ONLY)?;
		parse_question(kind.as_deref(), &from, &to)?;
		let release = self.state.release.read().map_err(|_| runtime_error("poisoned"))?;
		match release.as_ref() {
			Some(release) => release.answer(jurisdiction, kind.as_deref(), &from, &to),
			None => Ok(PublishedStatisticsJson { release: None, rows: Vec::new() }),
		}
	}

	fn vital_statistics(
		&self,
		jurisdiction: u32,
		from: String,
		to: String,
		at: Option<serde_json::Value>,
	) -> RpcResult<VitalStatisticsJson> {
		no_block(at, FINALIZED_ONLY)?;
		parse_question(None, &from, &to)?;
		let release = self.state.release.read().map_err(|_| runtime_error("poisoned"))?;
		match release.as_ref() {
			Some(release) => release.answer_vital(jurisdiction, &from, &to),
			None => Ok(VitalStatisticsJson { release: None, rows: Vec::new() }),
		}
	}

	fn directory(&self) -> RpcResult<DirectoryJson> {
		let directory = self.views.directory(self.client.info().finalized_hash)?;
		Ok(DirectoryJson::from(&directory))
	}

	fn heartbeat(&self) -> RpcResult<HeartbeatJson> {
		let days = self.state.days.lock().map_err(|_| runtime_error("the heartbeat stopped"))?;
		let Some(head) = days.blocks.back() else {
			return Err(runtime_error("the gateway has not read a finalized block yet"));
		};
		let day_start = day_start(head.timestamp);
		let mut acts = BTreeMap::<u32, u32>::new();
		let mut since = head.number;
		let mut complete = days.complete;
		for block in days.blocks.iter().rev() {
			if block.timestamp < day_start {
				complete = true;
				break;
			}
			since = block.number;
			for a in &block.acts {
				let total = acts.entry(a.region).or_default();
				*total = total.saturating_add(a.acts);
			}
		}
		Ok(HeartbeatJson {
			finalized: head.number,
			hash: head.hash,
			timestamp: head.timestamp,
			day: utc_date(head.timestamp),
			since,
			complete,
			acts: acts.values().fold(0u32, |sum, n| sum.saturating_add(*n)),
			acts_by_region: acts
				.into_iter()
				.map(|(region, acts)| RegionActivity { region, acts })
				.collect(),
		})
	}
}

/// What the follower needs.
struct Follower<C, B> {
	views: Views<C, B>,
	client: Arc<C>,
	state: Arc<State>,
	policy: DisclosurePolicy,
	schedule: Schedule,
	months: u32,
	slot_duration: u64,
}

impl<C, B> Follower<C, B>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + CallApiAt<Block> + Send + Sync + 'static,
	C::Api: RegistryApi<Block>,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	/// A block's time: the start of its slot (header only).
	fn time(&self, number: u32) -> Option<u64> {
		block_time(&*self.client, number, self.slot_duration)
	}

	/// The summary of block `hash` for the heartbeat.
	fn summary(&self, hash: H256) -> Result<Summary, String> {
		let header = self
			.client
			.header(hash)
			.map_err(|e| e.to_string())?
			.ok_or_else(|| format!("no block {hash:?}"))?;
		let number = *header.number();
		let timestamp = self.time(number).unwrap_or(0);
		let acts = self.views.block_activity(hash).map_err(|e| e.message().to_string())?;
		Ok(Summary { number, hash, timestamp, acts })
	}

	/// Reads the finalized blocks since the last one read into the heartbeat's days, from
	/// `head` back to the last block read or, at start, to the start of the head's day (as far
	/// as the state goes).
	fn catch_up(&self, head: H256) {
		let last = self.state.days.lock().ok().and_then(|d| d.blocks.back().map(|b| b.hash));
		let now = std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
		// `Some(complete)` when the walk did not join the blocks read before: they are
		// replaced, and `complete` says whether the walk reached the day's start.
		let mut new = Vec::new();
		let mut cursor = head;
		let mut start = None;
		let restart = loop {
			if Some(cursor) == last {
				break None;
			}
			let summary = match self.summary(cursor) {
				Ok(s) => s,
				Err(e) => {
					// No state (pruned), or a runtime without the view: stop here.
					log::debug!(target: "gateway", "heartbeat: block {cursor:?}: {e}");
					break Some(false);
				},
			};
			// A node still syncing old blocks: nothing of them is today's.
			if new.is_empty() && summary.timestamp.saturating_add(DAY_MS) < now {
				return;
			}
			let day = *start.get_or_insert(day_start(summary.timestamp));
			let whole = summary.timestamp < day || summary.number == 0;
			new.push(summary);
			if whole || new.len() >= HEARTBEAT_BLOCKS {
				break Some(true);
			}
			match self.client.header(cursor) {
				Ok(Some(header)) => cursor = *header.parent_hash(),
				_ => break Some(false),
			}
		};
		if let Ok(mut d) = self.state.days.lock() {
			if let Some(complete) = restart {
				d.blocks.clear();
				d.complete = complete;
			}
			d.blocks.extend(new.into_iter().rev());
			while d.blocks.len() > HEARTBEAT_BLOCKS {
				d.blocks.pop_front();
				d.complete = true;
			}
		}
	}

	/// The first finalized block whose time is at or after `instant`, if any.
	fn first_block_at(&self, instant: u64) -> Option<u32> {
		let head = self.client.info().finalized_number;
		if self.time(head)? < instant {
			return None;
		}
		// Block times grow with the number: the first at or after `instant`, by bisection
		// over headers (no state read).
		let (mut low, mut high) = (1u32, head);
		while low < high {
			let mid = low.saturating_add(high.saturating_sub(low) / 2);
			match self.time(mid) {
				Some(t) if t >= instant => high = mid,
				_ => low = mid.saturating_add(1),
			}
		}
		Some(high)
	}

	/// Computes the release due at the finalized head, if it is not the one held.
	fn release(&self) {
		let head = self.client.info().finalized_number;
		let Some(instant) = self.time(head).and_then(|now| self.schedule.latest(now)) else {
			return;
		};
		let held = self.state.release.read().ok().and_then(|r| r.as_ref().map(|r| r.instant));
		if held == Some(instant) {
			return;
		}
		let Some(number) = self.first_block_at(instant) else { return };
		let Some(hash) = self.client.hash(number).ok().flatten() else { return };
		let Some((first, last)) = closed_months(instant, self.months) else { return };
		let computed = (|| -> Result<Release, ErrorObjectOwned> {
			let directory = self.views.directory(hash)?;
			let mut tables = BTreeMap::new();
			let mut vital = BTreeMap::new();
			for month in months(first, last) {
				for kind in ActKind::ALL {
					let table = self.views.published_statistics(kind, month, self.policy, hash)?;
					tables.insert((kind, month), table.cells);
				}
				vital.insert(month, self.views.vital_statistics(month, self.policy, hash)?);
			}
			let depths = directory.jurisdictions.iter().map(|j| (j.id, j.depth)).collect();
			let policy = self.policy;
			Ok(Release { instant, number, last, first, policy, depths, tables, vital })
		})();
		match computed {
			Ok(release) => {
				log::info!(
					target: "gateway",
					"Statistics released for {} to {} at block {number} ({})",
					month_text(release.first),
					month_text(release.last),
					utc_date(instant),
				);
				if let Ok(mut held) = self.state.release.write() {
					*held = Some(release);
				}
			},
			Err(e) => log::warn!(
				target: "gateway",
				"Statistics not released at block {number}: {}",
				e.message()
			),
		}
	}
}

/// Follows the finalized chain: the heartbeat's days, and a release of the statistics when
/// one is due.
async fn follow<C, B>(follower: Follower<C, B>)
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ BlockchainEvents<Block>
		+ CallApiAt<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: RegistryApi<Block>,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	let mut finality = follower.client.finality_notification_stream();
	follower.catch_up(follower.client.info().finalized_hash);
	follower.release();
	while let Some(notification) = finality.next().await {
		follower.catch_up(notification.hash);
		follower.release();
	}
}

/// Starts the public gateway on `params.public_gateway`, if given: the server (with limits per
/// client address: `server.rs`) and its follower, both stopped with the node.
pub fn start<C, B>(
	params: &GatewayParams,
	config: &sc_service::Configuration,
	client: Arc<C>,
	backend: Arc<B>,
	slot_duration: u64,
	task_manager: &mut sc_service::TaskManager,
) -> Result<(), sc_service::Error>
where
	C: HeaderBackend<Block>
		+ BlockBackend<Block>
		+ BlockchainEvents<Block>
		+ CallApiAt<Block>
		+ ProvideRuntimeApi<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: RegistryApi<Block>,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	use sc_rpc::chain::ChainApiServer;
	let Some(address) = params.public_gateway else { return Ok(()) };
	let error = |what: &str, e: &dyn std::fmt::Display| {
		sc_service::Error::Other(format!("public gateway on {address}: {what}: {e}"))
	};

	let state = Arc::new(State { days: Mutex::new(Days::default()), release: RwLock::new(None) });
	let views = || Views::new(client.clone(), backend.clone(), slot_duration);
	let policy = params.statistics.policy();

	// Everything the gateway could serve, then all but the allowed methods taken out.
	let mut module = RpcModule::new(());
	let executor: sc_rpc::SubscriptionTaskExecutor = Arc::new(task_manager.spawn_handle());
	module
		.merge(sc_rpc::chain::new_full(client.clone(), executor).into_rpc())
		.map_err(|e| error("chain methods", &e))?;
	module
		.merge(Public { views: views(), client: client.clone(), state: state.clone() }.into_rpc())
		.map_err(|e| error("public methods", &e))?;
	{
		let client = client.clone();
		module
			.register_method("state_getRuntimeVersion", move |params, _, _| {
				let at: Option<H256> = params.sequence().optional_next()?;
				let at = at.unwrap_or_else(|| client.info().best_hash);
				client
					.runtime_version_at(at, sp_api::CallContext::Offchain)
					.map_err(runtime_error)
			})
			.map_err(|e| error("state_getRuntimeVersion", &e))?;
	}
	let names: Vec<&'static str> = module.method_names().collect();
	for name in names {
		if !PUBLIC_METHODS.contains(&name) {
			module.remove_method(name);
		}
	}
	let mut served: Vec<&'static str> = module.method_names().collect();
	served.push("rpc_methods");
	served.sort_unstable();
	module
		.register_method(
			"rpc_methods",
			move |_, _, _| serde_json::json!({ "methods": served.clone() }),
		)
		.map_err(|e| error("rpc_methods", &e))?;

	let rpc = &config.rpc;
	let limits = super::server::Limits {
		max_connections: rpc.max_connections,
		per_ip_connections: params.public_max_connections_per_ip,
		per_ip_calls_per_minute: params.public_calls_per_minute,
		max_request_mb: rpc.max_request_size,
		max_response_mb: rpc.max_response_size,
		max_batch: match rpc.batch_config {
			sc_rpc_server::BatchRequestConfig::Disabled => Some(0),
			sc_rpc_server::BatchRequestConfig::Limit(n) => Some(n),
			sc_rpc_server::BatchRequestConfig::Unlimited => None,
		},
		max_subscriptions: rpc.max_subs_per_conn,
		message_buffer: rpc.message_buffer_capacity,
	};
	// Blocking here, so that an address in use stops the node at start with a clear error.
	let server = tokio::task::block_in_place(|| {
		config
			.tokio_handle
			.block_on(super::server::start(address, module, limits.clone()))
	})
	.map_err(|e| error("start", &e))?;
	log::info!(
		target: "gateway",
		"Public gateway on {}: {} methods ({}); at most {} connections, {} per address, {} \
		 calls a minute per address",
		server.address,
		PUBLIC_METHODS.len(),
		PUBLIC_METHODS.join(", "),
		limits.max_connections,
		limits.per_ip_connections,
		limits.per_ip_calls_per_minute,
	);
	task_manager.keep_alive(server);
	let follower = Follower {
		views: views(),
		client,
		state,
		policy,
		schedule: params.statistics.schedule(),
		months: params.statistics.statistics_months,
		slot_duration,
	};
	task_manager
		.spawn_handle()
		.spawn_blocking("public-gateway-follower", None, follow(follower));
	Ok(())
}
