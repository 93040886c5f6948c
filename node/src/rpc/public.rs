//! The public gateway: a second JSON-RPC server that serves only what the public may see.
//!
//! An authority node's own RPC (`--rpc-port`) serves every standard method: `state_getStorage`
//! reads any record of the registry, `chain_getBlock` returns every transaction with its
//! arguments, `author_submitExtrinsic` takes transactions. That is right for the registry's
//! offices and integrators and wrong for the public (docs/architecture.md, *Privacy: who can
//! read what*). A node started with `--public-gateway <address>` opens a second server on that
//! address holding **only** the methods in [`PUBLIC_METHODS`]:
//!
//! - headers and finality: `chain_getHeader`, `chain_getBlockHash`, `chain_getFinalizedHead`,
//!   `chain_subscribeNewHeads`, `chain_subscribeFinalizedHeads` (and their unsubscribes);
//! - `state_getRuntimeVersion`;
//! - `civil_verifyCertificate`, `civil_statistics`, `civil_verifyArchiveRecord` (see `rpc.rs`);
//! - `civil_publicBlock`: what a block did, without whom it did it to (below);
//! - `civil_heartbeat`: the latest finalized block and the acts per office of its day;
//! - `civil_directory`: the jurisdictions and offices (public administration, by name), for
//!   the statistics by region and the acts by office;
//! - `rpc_methods`, which lists them.
//!
//! Every other method is not there: a call is answered with JSON-RPC's "method not found"
//! (-32601). The list is an allow-list, so a method added to the node later is not public
//! until someone adds it here. The node's own RPC stays on localhost (the default without
//! `--rpc-external`): run a gateway as a non-authority node, its `--rpc-port` closed to the
//! network, and publish the gateway's port only. docs/operators.md has the configuration.
//!
//! **The public view of a block** (`civil_publicBlock`), per extrinsic: the call's name, the
//! officer who signed it (a public official), the office they serve, the outcome and how many
//! acts it registered. No argument of any call and no event is passed on: they hold person
//! ids, act ids, dates and document hashes.
//!
//! Both views read the block's state (its events, its officers), natively, when the block's
//! runtime is this node's own; a gateway whose runtime is older than the chain's says so (error
//! 5000) until it is upgraded. A node keeps the state of its last 256 blocks by default: a
//! gateway that should show any block runs with `--state-pruning archive-canonical`.

use std::{
	collections::{BTreeMap, VecDeque},
	net::SocketAddr,
	sync::{Arc, Mutex},
};

use civil_registry_runtime::{
	opaque::Block, Runtime, RuntimeCall, RuntimeError, RuntimeEvent, UncheckedExtrinsic,
};
use codec::{Decode, Encode};
use frame_support::traits::GetCallMetadata;
use futures::StreamExt;
use jsonrpsee::{core::RpcResult, proc_macros::rpc, RpcModule};
use sc_client_api::{BlockBackend, BlockchainEvents};
use serde::{Deserialize, Serialize};
use sp_api::CallApiAt;
use sp_blockchain::HeaderBackend;
use sp_core::{crypto::Ss58Codec, H256};
use sp_runtime::{generic::Preamble, traits::Header as _, MultiAddress};

use crate::rpc::{invalid, not_found, quoted, run_native, runtime_error, NotNative};

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
	"civil_statistics",
	"civil_verifyArchiveRecord",
	"civil_publicBlock",
	"civil_heartbeat",
	"civil_directory",
	"rpc_methods",
];

/// How long the heartbeat keeps block summaries: a day and an hour of 6-second blocks.
const HEARTBEAT_BLOCKS: usize = 15_000;

const DAY_MS: u64 = 86_400_000;

/// The gateway's command-line flag.
#[derive(Debug, Clone, clap::Args)]
pub struct GatewayParams {
	/// Open the public gateway on this address (e.g. `0.0.0.0:9955`): a JSON-RPC server (HTTP
	/// and WebSocket) with only the public methods, any web origin allowed, and the limits of
	/// the node's own RPC (`--rpc-max-connections`, `--rpc-rate-limit`,
	/// `--rpc-max-batch-request-len`, `--rpc-max-request-size`, ...). Off unless given.
	#[arg(long, value_name = "ADDRESS")]
	pub public_gateway: Option<SocketAddr>,
}

/// One extrinsic of [`PublicBlockJson`].
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PublicExtrinsicJson {
	/// Its position in the block.
	pub index: u32,
	/// `pallet.call`, as polkadot.js names it: `"civilEvents.registerBirth"`.
	pub call: String,
	/// The account that signed it (SS58); `null` for an inherent.
	pub officer: Option<String>,
	/// The office the signer serves (or served, if dismissed); `null` if none (an inherent,
	/// the sudo key of a development chain, a council member).
	pub office: Option<u32>,
	/// `"success"` or `"failed"`.
	pub outcome: String,
	/// When failed, the error: `"CivilEvents(NotRegistrar)"`.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub error: Option<String>,
	/// Acts of civil status it registered.
	pub acts: u32,
}

/// What `civil_publicBlock` answers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PublicBlockJson {
	/// The block's number.
	pub number: u32,
	/// The block's hash.
	pub hash: H256,
	/// When it was produced: milliseconds since 1970, UTC.
	pub timestamp: u64,
	/// Whether it is finalized.
	pub finalized: bool,
	/// Its extrinsics, in order.
	pub extrinsics: Vec<PublicExtrinsicJson>,
}

/// Acts registered by one office, in [`HeartbeatJson`].
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct OfficeActsJson {
	/// The office.
	pub office: u32,
	/// Acts it registered.
	pub acts: u32,
}

/// What `civil_heartbeat` answers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct HeartbeatJson {
	/// The latest finalized block's number.
	pub finalized: u32,
	/// Its hash.
	pub hash: H256,
	/// Its time: milliseconds since 1970, UTC.
	pub timestamp: u64,
	/// The day (UTC) of that block, `"YYYY-MM-DD"`, whose acts are counted.
	pub day: String,
	/// The first block of the day this gateway counted.
	pub since: u32,
	/// Whether the count covers the whole day. A gateway that started today without the state
	/// of the day's first blocks (pruned) counts from the oldest one it has.
	pub complete: bool,
	/// Acts per office registered that day, by office id; offices with none are left out.
	pub acts_by_office: Vec<OfficeActsJson>,
	/// Their sum.
	pub acts: u32,
}

/// A jurisdiction in [`DirectoryJson`].
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct JurisdictionJson {
	/// Its id (the `jurisdiction` of `civil_statistics`).
	pub id: u32,
	/// Its code (e.g. the SOATO code).
	pub code: String,
	/// Its name.
	pub name: String,
	/// The jurisdiction above it; `null` for the country.
	pub parent: Option<u32>,
}

/// An office in [`DirectoryJson`].
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct OfficeJson {
	/// Its id.
	pub id: u32,
	/// Its name.
	pub name: String,
	/// The jurisdiction it serves.
	pub jurisdiction: u32,
	/// `"active"`, `"suspended"` or `"closed"`.
	pub status: String,
}

/// What `civil_directory` answers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct DirectoryJson {
	/// Every jurisdiction, by id.
	pub jurisdictions: Vec<JurisdictionJson>,
	/// Every office, by id.
	pub offices: Vec<OfficeJson>,
}

/// The public methods that only the gateway serves.
#[rpc(server, namespace = "civil")]
pub trait PublicApi {
	/// The public view of block `at`: `null` or `"finalized"` (the latest finalized block),
	/// `"best"`, a block number, or a block hash.
	#[method(name = "publicBlock", blocking)]
	fn public_block(&self, at: Option<String>) -> RpcResult<PublicBlockJson>;

	/// The latest finalized block and the acts each office registered on its day (UTC).
	#[method(name = "heartbeat")]
	fn heartbeat(&self) -> RpcResult<HeartbeatJson>;

	/// The jurisdictions and offices at the latest finalized block.
	#[method(name = "directory", blocking)]
	fn directory(&self) -> RpcResult<DirectoryJson>;
}

/// A block reduced to what the heartbeat counts.
#[derive(Clone, Debug)]
struct Summary {
	number: u32,
	hash: H256,
	timestamp: u64,
	acts: Vec<(u32, u32)>,
}

/// The finalized blocks of the last day, newest last, kept by [`follow`].
#[derive(Default)]
struct Days {
	blocks: VecDeque<Summary>,
	/// The oldest block kept is the first of its day, or the chain's first.
	complete: bool,
}

/// `civil_publicBlock` and `civil_heartbeat`.
pub struct Public<C, B> {
	client: Arc<C>,
	backend: Arc<B>,
	days: Arc<Mutex<Days>>,
}

/// Where a view of a block failed.
#[derive(Debug)]
enum ViewError {
	/// The block or its body is not on this node.
	Missing(String),
	/// Its state is pruned.
	Pruned(u32),
	/// Its runtime is not this node's.
	UnknownRuntime(u32),
	/// Anything else.
	Other(String),
}

impl ViewError {
	/// Why block `number` could not be read natively.
	fn of(number: u32, e: NotNative) -> Self {
		match e {
			NotNative::OtherRuntime(version) => Self::UnknownRuntime(version),
			NotNative::NoState => Self::Pruned(number),
		}
	}
}

impl From<ViewError> for jsonrpsee::types::ErrorObjectOwned {
	fn from(e: ViewError) -> Self {
		match e {
			ViewError::Missing(what) => not_found(what),
			ViewError::Pruned(n) => not_found(format!(
				"the state of block {n} is pruned on this gateway; a gateway that shows every \
				 block runs with --state-pruning archive-canonical"
			)),
			ViewError::UnknownRuntime(v) => runtime_error(format!(
				"the block's runtime (spec_version {v}) is newer than this gateway's; upgrade \
				 the gateway"
			)),
			ViewError::Other(e) => runtime_error(e),
		}
	}
}

/// `pallet_name.function_name` in polkadot.js's spelling: `civilEvents.registerBirth`.
fn call_name(call: &RuntimeCall) -> String {
	let meta = call.get_call_metadata();
	let mut name = String::new();
	let mut chars = meta.pallet_name.chars();
	if let Some(first) = chars.next() {
		name.extend(first.to_lowercase());
		name.extend(chars);
	}
	name.push('.');
	let mut upper = false;
	for c in meta.function_name.chars() {
		if c == '_' {
			upper = true;
		} else if upper {
			name.extend(c.to_uppercase());
			upper = false;
		} else {
			name.push(c);
		}
	}
	name
}

/// The office an act event names, if the event registers an act.
fn act_office(event: &RuntimeEvent) -> Option<u32> {
	use pallet_civil_events::Event as E;
	match event {
		RuntimeEvent::CivilEvents(
			E::BirthRegistered { office, .. }
			| E::PersonEnrolled { office, .. }
			| E::DeathRegistered { office, .. }
			| E::MarriageRegistered { office, .. }
			| E::DivorceRegistered { office, .. }
			| E::AdoptionRegistered { office, .. }
			| E::PaternityRegistered { office, .. }
			| E::NameChangeRegistered { office, .. }
			| E::MarriageEnrolled { office, .. },
		) => Some(*office),
		_ => None,
	}
}

/// Within the externalities of a block's state: the acts its events register, by office.
fn acts_by_office() -> Vec<(u32, u32)> {
	let mut by_office = BTreeMap::<u32, u32>::new();
	for record in frame_system::Pallet::<Runtime>::read_events_no_consensus() {
		if let Some(office) = act_office(&record.event) {
			let n = by_office.entry(office).or_default();
			*n = n.saturating_add(1);
		}
	}
	by_office.into_iter().collect()
}

/// The public view of block `hash`: the block's body decoded natively, its events, timestamp
/// and officers read natively from its state.
fn view<C, B>(client: &C, backend: &B, hash: H256) -> Result<PublicBlockJson, ViewError>
where
	C: HeaderBackend<Block> + BlockBackend<Block> + CallApiAt<Block>,
	B: sc_client_api::Backend<Block>,
{
	let header =
		client
			.header(hash)
			.map_err(|e| ViewError::Other(e.to_string()))?
			.ok_or_else(|| {
				ViewError::Missing(format!("this node has no block with the hash {hash:?}"))
			})?;
	let number = *header.number();
	let body = client
		.block_body(hash)
		.map_err(|e| ViewError::Other(e.to_string()))?
		.ok_or_else(|| ViewError::Missing(format!("the body of block {number} is pruned")))?;
	let finalized = client.info().finalized_number >= number;
	// Decoded with this node's types only when the block's runtime is this node's own.
	run_native(client, backend, hash, || {
		let extrinsics = body
			.iter()
			.map(|opaque| UncheckedExtrinsic::decode(&mut &opaque.encode()[..]))
			.collect::<Result<Vec<_>, _>>()
			.map_err(|e| ViewError::Other(format!("block {number}: an extrinsic: {e}")))?;
		let mut outcomes: BTreeMap<u32, (bool, Option<String>, u32)> = BTreeMap::new();
		for record in frame_system::Pallet::<Runtime>::read_events_no_consensus() {
			let frame_system::Phase::ApplyExtrinsic(i) = record.phase else { continue };
			let entry = outcomes.entry(i).or_insert((true, None, 0));
			match &record.event {
				RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
					dispatch_error,
					..
				}) => {
					entry.0 = false;
					entry.1 = Some(match RuntimeError::from_dispatch_error(*dispatch_error) {
						Some(error) => format!("{error:?}"),
						None => format!("{dispatch_error:?}"),
					});
				},
				event => {
					if act_office(event).is_some() {
						entry.2 = entry.2.saturating_add(1);
					}
				},
			}
		}
		let extrinsics = extrinsics
			.iter()
			.enumerate()
			.map(|(i, uxt)| {
				let index = i as u32;
				let officer = match &uxt.preamble {
					Preamble::Signed(MultiAddress::Id(account), ..) => Some(account.clone()),
					_ => None,
				};
				let office = officer.as_ref().and_then(|account| {
					pallet_offices::Officers::<Runtime>::get(account).map(|o| o.office).or_else(
						|| pallet_offices::Dismissals::<Runtime>::get(account).map(|d| d.office),
					)
				});
				let (success, error, acts) = outcomes.remove(&index).unwrap_or((true, None, 0));
				PublicExtrinsicJson {
					index,
					call: call_name(&uxt.function),
					officer: officer.map(|a| a.to_ss58check()),
					office,
					outcome: if success { "success" } else { "failed" }.into(),
					error,
					acts,
				}
			})
			.collect();
		Ok(PublicBlockJson {
			number,
			hash,
			timestamp: pallet_timestamp::Now::<Runtime>::get(),
			finalized,
			extrinsics,
		})
	})
	.map_err(|e| ViewError::of(number, e))?
}

/// The start of the Aura slot of block `number`, from its header (no body, no state: a
/// certificate check stays two reads and a cached header): milliseconds since 1970, UTC. The
/// block's timestamp lies in that slot, and a slot (`slot_duration` ms: 6 s in production,
/// 2 s on the test networks) never spans midnight (the genesis accepts only slots that divide a
/// day: `pallet_authorities::valid_slot_duration`), so the day is the timestamp's day. `None`
/// for the genesis block or a block this node does not have.
pub fn block_time<C>(client: &C, number: u32, slot_duration: u64) -> Option<u64>
where
	C: HeaderBackend<Block>,
{
	let header = client.header(client.hash(number).ok()??).ok()??;
	header.digest().logs().iter().find_map(|log| {
		let (engine, data) = log.as_pre_runtime()?;
		if engine != sp_consensus_aura::AURA_ENGINE_ID {
			return None;
		}
		let slot = sp_consensus_aura::Slot::decode(&mut &data[..]).ok()?;
		u64::from(slot).checked_mul(slot_duration)
	})
}

/// `"YYYY-MM-DD"` of a time in milliseconds since 1970, UTC (the runtime's own calendar).
pub fn utc_date(ms: u64) -> String {
	match civil_registry_primitives::Date::from_unix_millis(ms) {
		Some(date) => format!("{:04}-{:02}-{:02}", date.year, date.month, date.day),
		None => String::from("-"),
	}
}

/// The start (00:00 UTC) of the day of `ms`, in milliseconds since 1970.
fn day_start(ms: u64) -> u64 {
	ms.saturating_sub(ms.rem_euclid(DAY_MS))
}

impl<C, B> Public<C, B>
where
	C: HeaderBackend<Block> + BlockBackend<Block> + CallApiAt<Block> + Send + Sync + 'static,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	fn block(&self, at: Option<&str>) -> Result<H256, jsonrpsee::types::ErrorObjectOwned> {
		let info = self.client.info();
		match at {
			None | Some("finalized") => Ok(info.finalized_hash),
			Some("best") => Ok(info.best_hash),
			Some(text) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => {
				let number: u32 = text.parse().map_err(|_| {
					invalid(format!("block number {} is too large", quoted(text, 12)))
				})?;
				self.client
					.hash(number)
					.map_err(runtime_error)?
					.ok_or_else(|| not_found(format!("this node has no block {number}")))
			},
			Some(text) => {
				let hash = crate::rpc::parse_hash(text).map_err(|_| {
					invalid(format!(
						"malformed block {}: expected \"best\", \"finalized\", a block number or \
						 0x followed by 64 hex digits",
						quoted(text, 66)
					))
				})?;
				Ok(hash)
			},
		}
	}
}

impl<C, B> PublicApiServer for Public<C, B>
where
	C: HeaderBackend<Block> + BlockBackend<Block> + CallApiAt<Block> + Send + Sync + 'static,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	fn public_block(&self, at: Option<String>) -> RpcResult<PublicBlockJson> {
		let hash = self.block(at.as_deref())?;
		Ok(view(&*self.client, &*self.backend, hash)?)
	}

	fn directory(&self) -> RpcResult<DirectoryJson> {
		let info = self.client.info();
		let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
		run_native(&*self.client, &*self.backend, info.finalized_hash, || {
			let mut jurisdictions: Vec<_> = pallet_offices::Jurisdictions::<Runtime>::iter()
				.map(|(id, j)| JurisdictionJson {
					id,
					code: text(&j.code),
					name: text(&j.name),
					parent: j.parent,
				})
				.collect();
			jurisdictions.sort_by_key(|j| j.id);
			let mut offices: Vec<_> = pallet_offices::Offices::<Runtime>::iter()
				.map(|(id, o)| OfficeJson {
					id,
					name: text(&o.name),
					jurisdiction: o.jurisdiction,
					status: match o.status {
						pallet_offices::OfficeStatus::Active => "active",
						pallet_offices::OfficeStatus::Suspended => "suspended",
						pallet_offices::OfficeStatus::Closed => "closed",
					}
					.into(),
				})
				.collect();
			offices.sort_by_key(|o| o.id);
			DirectoryJson { jurisdictions, offices }
		})
		.map_err(|e| ViewError::of(info.finalized_number, e).into())
	}

	fn heartbeat(&self) -> RpcResult<HeartbeatJson> {
		let days = self.days.lock().map_err(|_| runtime_error("the heartbeat stopped"))?;
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
			for (office, n) in &block.acts {
				let total = acts.entry(*office).or_default();
				*total = total.saturating_add(*n);
			}
		}
		Ok(HeartbeatJson {
			finalized: head.number,
			hash: head.hash,
			timestamp: head.timestamp,
			day: utc_date(head.timestamp),
			since,
			complete,
			acts: acts.values().sum(),
			acts_by_office: acts
				.into_iter()
				.map(|(office, acts)| OfficeActsJson { office, acts })
				.collect(),
		})
	}
}

/// The summary of block `hash` for the heartbeat: its time and the acts its events register,
/// from its state (not its body).
fn summary<C, B>(client: &C, backend: &B, hash: H256) -> Result<Summary, ViewError>
where
	C: HeaderBackend<Block> + CallApiAt<Block>,
	B: sc_client_api::Backend<Block>,
{
	let number =
		client
			.number(hash)
			.map_err(|e| ViewError::Other(e.to_string()))?
			.ok_or_else(|| {
				ViewError::Missing(format!("this node has no block with the hash {hash:?}"))
			})?;
	let (timestamp, acts) = run_native(client, backend, hash, || {
		(pallet_timestamp::Now::<Runtime>::get(), acts_by_office())
	})
	.map_err(|e| ViewError::of(number, e))?;
	Ok(Summary { number, hash, timestamp, acts })
}

/// Reads every newly finalized block into `days`, from the finalized head back to the start
/// of its day (as far as the state goes) at start, then each block as it is finalized.
async fn follow<C, B>(client: Arc<C>, backend: Arc<B>, days: Arc<Mutex<Days>>)
where
	C: HeaderBackend<Block>
		+ BlockBackend<Block>
		+ BlockchainEvents<Block>
		+ CallApiAt<Block>
		+ Send
		+ Sync
		+ 'static,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	let mut finality = client.finality_notification_stream();
	let catch_up = |head: H256| {
		let last = days.lock().ok().and_then(|d| d.blocks.back().map(|b| b.hash));
		let now = std::time::SystemTime::now()
			.duration_since(std::time::UNIX_EPOCH)
			.map_or(0, |d| d.as_millis() as u64);
		// Walk back from the head to the last block read or, at start, to the day's start.
		// `Some(complete)` when the walk did not join the blocks read before: they are
		// replaced, and `complete` says whether the walk reached the day's start.
		let mut new = Vec::new();
		let mut cursor = head;
		let mut day_start = None;
		let restart = loop {
			if Some(cursor) == last {
				break None;
			}
			let summary = match summary(&*client, &*backend, cursor) {
				Ok(s) => s,
				Err(e) => {
					// No state (pruned), or a runtime this node does not know: stop here.
					log::debug!(target: "gateway", "heartbeat: block {cursor:?}: {e:?}");
					break Some(false);
				},
			};
			// A node still syncing old blocks: nothing of them is today's.
			if new.is_empty() && summary.timestamp.saturating_add(DAY_MS) < now {
				return;
			}
			let start = *day_start.get_or_insert(self::day_start(summary.timestamp));
			let whole = summary.timestamp < start || summary.number == 0;
			new.push(summary);
			if whole || new.len() >= HEARTBEAT_BLOCKS {
				break Some(true);
			}
			match client.header(cursor) {
				Ok(Some(header)) => cursor = *header.parent_hash(),
				_ => break Some(false),
			}
		};
		if let Ok(mut d) = days.lock() {
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
	};
	catch_up(client.info().finalized_hash);
	while let Some(notification) = finality.next().await {
		catch_up(notification.hash);
	}
}

/// A second JSON-RPC server of the node (the public gateway, the office read API) on
/// `address`, with the node's own RPC limits (`--rpc-max-connections`, `--rpc-rate-limit`,
/// ...), safe methods only, and any web origin: a list of origins would also make Substrate's
/// server accept only localhost as the `Host`, which such an address is not. (The gateway is
/// read-only and public; every office request is signed, so a web page gains nothing there.)
pub(crate) fn extra_endpoint(
	address: SocketAddr,
	rpc: &sc_service::config::RpcConfiguration,
) -> sc_rpc_server::RpcEndpoint {
	sc_rpc_server::RpcEndpoint {
		listen_addr: address,
		batch_config: rpc.batch_config,
		cors: None,
		max_connections: rpc.max_connections,
		max_payload_in_mb: rpc.max_request_size,
		max_payload_out_mb: rpc.max_response_size,
		max_subscriptions_per_connection: rpc.max_subs_per_conn,
		max_buffer_capacity_per_connection: rpc.message_buffer_capacity,
		rate_limit: rpc.rate_limit,
		rate_limit_trust_proxy_headers: rpc.rate_limit_trust_proxy_headers,
		rate_limit_whitelisted_ips: rpc.rate_limit_whitelisted_ips.clone(),
		rpc_methods: sc_rpc_server::RpcMethods::Safe,
		is_optional: false,
		retry_random_port: false,
	}
}

/// Starts the public gateway on `params.public_gateway`, if given: the server (Substrate's
/// own RPC server, with the node's RPC limits) and the heartbeat's follower, both stopped with
/// the node.
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
		+ sp_api::ProvideRuntimeApi<Block>
		+ Send
		+ Sync
		+ 'static,
	C::Api: civil_registry_runtime::apis::CivilRegistryApi<Block>,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	use crate::rpc::{Civil, CivilRpcServer};
	use sc_rpc::chain::ChainApiServer;
	let Some(address) = params.public_gateway else { return Ok(()) };
	let error = |what: &str, e: &dyn std::fmt::Display| {
		sc_service::Error::Other(format!("public gateway on {address}: {what}: {e}"))
	};

	// Everything the gateway could serve, then all but the allowed methods taken out.
	let mut module = RpcModule::new(());
	let executor: sc_rpc::SubscriptionTaskExecutor = Arc::new(task_manager.spawn_handle());
	module
		.merge(sc_rpc::chain::new_full(client.clone(), executor).into_rpc())
		.map_err(|e| error("chain methods", &e))?;
	module
		.merge(Civil::new(client.clone(), backend.clone(), slot_duration).into_rpc())
		.map_err(|e| error("civil methods", &e))?;
	let days = Arc::new(Mutex::new(Days::default()));
	module
		.merge(
			Public { client: client.clone(), backend: backend.clone(), days: days.clone() }
				.into_rpc(),
		)
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

	let rpc = &config.rpc;
	let endpoint = extra_endpoint(address, rpc);
	let server_config = sc_rpc_server::Config {
		endpoints: vec![endpoint],
		metrics: None,
		rpc_api: module,
		id_provider: None,
		request_logger_limit: rpc.request_logger_limit,
		rpc_runtime: sc_rpc_server::create_rpc_runtime(rpc.max_connections)
			.map_err(|e| error("runtime", &e))?,
	};
	// As sc-service starts the node's own server: blocking here, so that an address in use
	// stops the node at start with a clear error.
	let server = tokio::task::block_in_place(|| {
		config.tokio_handle.block_on(sc_rpc_server::start_server(server_config))
	})
	.map_err(|e| error("start", &e))?;
	log::info!(
		target: "gateway",
		"Public gateway on {address}: {} methods ({})",
		PUBLIC_METHODS.len(),
		PUBLIC_METHODS.join(", ")
	);
	task_manager.keep_alive(server);
	task_manager.spawn_handle().spawn_blocking(
		"public-gateway-heartbeat",
		None,
		follow(client, backend, days),
	);
	Ok(())
}
