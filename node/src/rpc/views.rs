//! The node's RPC extensions on top of the standard `system_*`, `chain_*`, `state_*` and
//! `author_*` methods that `sc-service` serves.
//!
//! - `system_accountNextIndex`, `system_dryRun` (from `substrate-frame-rpc-system`).
//! - `civil_*`: what a client without SCALE types wants from the registry, in plain JSON —
//!   checking a certificate from its QR code, reading the vital statistics, proving a paper
//!   record against an anchored archive batch. Each answers what the runtime API
//!   [`CivilRegistryApi`] answers (running the same code natively when it can: see [`Civil`])
//!   at the latest finalized block unless the optional last parameter `at` names another
//!   (`"best"`, `"finalized"` or a block hash): an answer from the finalized block never
//!   changes, one from the best block can be undone by a re-org.
//!
//! The chain is feeless, so there is no `payment_*` namespace.
//!
//! Errors carry a JSON-RPC code and a message a person can act on:
//!
//! | code | meaning |
//! | --- | --- |
//! | `-32602` | invalid parameter (malformed hash, month, kind or range) — the message says which |
//! | `4004` | not found (no certificate with this hash, no jurisdiction with this id, no archive batch with this root, no block with this hash) |
//! | `5000` | the runtime could not answer (e.g. the best block's state is not available) |

use std::sync::Arc;

use civil_registry_primitives::{
	ActKind, ArchiveProofError, CertificateStatus, StatisticsError, YearMonth, MAX_ARCHIVE_PROOF,
};
use civil_registry_runtime::CivilEvents;
use civil_registry_runtime::{
	apis::CivilRegistryApi, opaque::Block, AccountId, BlockNumber, Nonce,
};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::INVALID_PARAMS_CODE, ErrorObjectOwned},
	RpcModule,
};
use sc_client_api::TrieCacheContext;
use sc_transaction_pool_api::TransactionPool;
use serde::{Deserialize, Serialize};
use sp_api::{CallApiAt, ProvideRuntimeApi};
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use sp_core::H256;

/// `civil_*` error code: nothing has this hash or id.
pub const NOT_FOUND: i32 = 4004;
/// `civil_*` error code: the runtime could not answer.
pub const RUNTIME_ERROR: i32 = 5000;

/// What `civil_verifyCertificate` answers: no person, no date, no act id.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CertificateJson {
	/// `"valid"`, `"superseded"` (the act was corrected after issue) or `"revoked"`.
	pub status: String,
	/// The kind of act: `"birth"`, `"death"`, `"marriage"`, `"divorce"`, `"adoption"`,
	/// `"paternity"`, `"nameChange"` or `"enrollment"`.
	pub kind: String,
	/// The id of the office that registered the act.
	pub office: u32,
	/// The version of the act the certificate states.
	pub version: u32,
	/// The act's current version.
	pub current_version: u32,
	/// The block the certificate was issued in.
	pub issued_at: BlockNumber,
	/// The day it was issued, `"YYYY-MM-DD"` (UTC), from that block's slot; `null` if this node
	/// does not have the block's header.
	pub issued_on: Option<String>,
}

/// One line of `civil_statistics`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct MonthlyCountJson {
	/// `"YYYY-MM"`.
	pub month: String,
	/// The kind of act, as in [`CertificateJson::kind`].
	pub kind: String,
	/// Acts in effect.
	pub count: u32,
}

/// What `civil_verifyArchiveRecord` answers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ArchiveRecordJson {
	/// Whether the proof leads from the record to the anchored root.
	pub proven: bool,
	/// When not proven, why: `"notProven"` (the proof does not lead to the root: the record,
	/// its position or the proof differs from what was anchored) or `"indexOutOfRange"`.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub reason: Option<String>,
	/// When proven, the anchored batch: how many records it holds.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub count: Option<u32>,
	/// The office whose archive holds them.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub office: Option<u32>,
	/// The first date the batch covers, `"YYYY-MM-DD"`.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub period_from: Option<String>,
	/// The last date the batch covers, `"YYYY-MM-DD"`.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub period_to: Option<String>,
	/// The block the batch was anchored in.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub anchored_at: Option<BlockNumber>,
}

/// The `civil_*` RPC methods.
#[rpc(server, namespace = "civil")]
pub trait CivilRpc {
	/// The status of the certificate whose hash is `certificate_hash` (`0x` and 64 hex digits,
	/// the value of the QR code).
	///
	/// `at`: the block to answer at — `null` or `"finalized"` for the latest finalized block,
	/// `"best"` for the best block (a certificate issued seconds ago), or a block hash.
	#[method(name = "verifyCertificate")]
	async fn verify_certificate(
		&self,
		certificate_hash: String,
		at: Option<String>,
	) -> RpcResult<CertificateJson>;

	/// Acts in effect per month and kind from `from` to `to` (`"YYYY-MM"`, at most 120
	/// months), in jurisdiction `jurisdiction` and everything below it; `kind` (as in
	/// [`CertificateJson::kind`]) or `null` for every kind. Months with no act are left out.
	/// `at` as for `verifyCertificate`.
	#[method(name = "statistics", blocking)]
	fn statistics(
		&self,
		jurisdiction: u32,
		kind: Option<String>,
		from: String,
		to: String,
		at: Option<String>,
	) -> RpcResult<Vec<MonthlyCountJson>>;

	/// Whether `proof` (an array of at most 32 hashes, from the leaf up) proves the paper
	/// record whose hash is `record` at position `index` of the archive batch anchored as
	/// `root` (the tree: `primitives/src/archive.rs`; `scripts/load/archive-tree.mjs` builds
	/// proofs). An unknown root is error 4004. `at` as for `verifyCertificate`.
	#[method(name = "verifyArchiveRecord")]
	async fn verify_archive_record(
		&self,
		root: String,
		index: u32,
		record: String,
		proof: Vec<String>,
		at: Option<String>,
	) -> RpcResult<ArchiveRecordJson>;
}

/// Serves `civil_*` at the latest finalized block unless asked for another.
///
/// **Threads.** A certificate check (2 reads) and an archive proof (1 read, at most 33
/// hashes) run natively on the RPC server's own task: microseconds, less than handing them to
/// a blocking thread costs, and with 32 verifiers at once on two cores, 32 blocking threads
/// only took turns on the cores (p99 24 ms against 14 ms for the server's cheapest method;
/// docs/performance.md). A statistics query (up to 968 reads, milliseconds) and every query
/// through the Wasm runtime (below) run on a blocking thread, so that they never hold up the
/// node's other tasks.
///
/// **The fast path.** A certificate check or a statistics query is a handful of storage reads
/// (`views.rs`). Through the runtime API each one also pays for a Wasm instance and the
/// host-call boundary on every read — milliseconds, and tens of them when 32 verifiers ask at
/// once on two cores. When the block's runtime is the one this node was built with (same
/// `spec_name` and `spec_version`), the same view functions run natively over the block's
/// state instead: the same code, the same reads, microseconds. After a runtime upgrade the node
/// does not know yet, every query takes the runtime API, which is always right.
pub struct Civil<C, B> {
	client: Arc<C>,
	backend: Arc<B>,
	slot_duration: u64,
}

impl<C, B> Civil<C, B> {
	/// The `civil_*` methods over `client` and its `backend`, on a chain whose Aura slot is
	/// `slot_duration` milliseconds.
	pub fn new(client: Arc<C>, backend: Arc<B>, slot_duration: u64) -> Self {
		Self { client, backend, slot_duration }
	}
}

impl<C, B> Civil<C, B>
where
	C: CallApiAt<Block>,
	B: sc_client_api::Backend<Block>,
{
	/// `query` run natively over the state of `block`, if the block's runtime is this node's
	/// own (see [`Civil`]); `None` otherwise, and the caller takes the runtime API.
	fn native<R>(&self, block: H256, query: impl FnOnce() -> R) -> Option<R> {
		run_native(&*self.client, &*self.backend, block, query).ok()
	}
}

/// Why [`run_native`] did not run its query.
#[derive(Debug)]
pub(crate) enum NotNative {
	/// The block's runtime is not the one this node was built with (its `spec_version`).
	OtherRuntime(u32),
	/// The block's state is not on this node (pruned), or its runtime version unreadable.
	NoState,
}

/// `query` run natively (the runtime's own Rust code, compiled into the node) over the state
/// of `block`, when the block's runtime is this node's own: same `spec_name` and
/// `spec_version`. Read-only: the changes `query` would make are dropped.
pub(crate) fn run_native<C, B, R>(
	client: &C,
	backend: &B,
	block: H256,
	query: impl FnOnce() -> R,
) -> Result<R, NotNative>
where
	C: CallApiAt<Block>,
	B: sc_client_api::Backend<Block>,
{
	let version = client
		.runtime_version_at(block, sp_api::CallContext::Offchain)
		.map_err(|_| NotNative::NoState)?;
	let own = &civil_registry_runtime::VERSION;
	if version.spec_name != own.spec_name || version.spec_version != own.spec_version {
		return Err(NotNative::OtherRuntime(version.spec_version));
	}
	let state = backend
		.state_at(block, TrieCacheContext::Untrusted)
		.map_err(|_| NotNative::NoState)?;
	let mut overlay = sp_state_machine::OverlayedChanges::default();
	let mut ext = sp_state_machine::Ext::new(&mut overlay, &state, None);
	Ok(sp_externalities::set_and_run_with_externalities(&mut ext, query))
}

pub(crate) fn invalid(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(INVALID_PARAMS_CODE, message.into(), None::<()>)
}

pub(crate) fn not_found(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(NOT_FOUND, message.into(), None::<()>)
}

pub(crate) fn runtime_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(RUNTIME_ERROR, format!("the runtime could not answer: {e}"), None::<()>)
}

/// The JSON name of an act kind.
pub fn kind_name(kind: ActKind) -> &'static str {
	match kind {
		ActKind::Birth => "birth",
		ActKind::Death => "death",
		ActKind::Marriage => "marriage",
		ActKind::Divorce => "divorce",
		ActKind::Adoption => "adoption",
		ActKind::Paternity => "paternity",
		ActKind::NameChange => "nameChange",
		ActKind::Enrollment => "enrollment",
	}
}

/// `text` quoted for an error message if it is short enough to be a mistyped value, else only
/// its length: a message never carries a caller's unbounded input back (into logs, into a
/// proxy's error page).
pub(crate) fn quoted(text: &str, longest: usize) -> String {
	if text.len() <= longest {
		format!("{text:?}")
	} else {
		format!("of {} bytes", text.len())
	}
}

/// An act kind from its JSON name.
pub fn parse_kind(name: &str) -> Result<ActKind, ErrorObjectOwned> {
	ActKind::ALL.into_iter().find(|k| kind_name(*k) == name).ok_or_else(|| {
		let names: Vec<_> = ActKind::ALL.into_iter().map(kind_name).collect();
		invalid(format!(
			"unknown act kind {}; expected one of {}",
			quoted(name, 16),
			names.join(", ")
		))
	})
}

/// A `0x`-prefixed 32-byte hash.
pub fn parse_hash(text: &str) -> Result<H256, ErrorObjectOwned> {
	let malformed = || {
		invalid(format!(
			"malformed hash {}: expected 0x followed by 64 hex digits",
			quoted(text, 66)
		))
	};
	let digits = text.strip_prefix("0x").ok_or_else(malformed)?;
	if digits.len() != 64 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
		return Err(malformed());
	}
	let mut bytes = [0u8; 32];
	for (byte, pair) in bytes.iter_mut().zip(digits.as_bytes().chunks(2)) {
		let pair = std::str::from_utf8(pair).map_err(|_| malformed())?;
		*byte = u8::from_str_radix(pair, 16).map_err(|_| malformed())?;
	}
	Ok(H256(bytes))
}

/// A month written `YYYY-MM`.
pub fn parse_month(text: &str) -> Result<YearMonth, ErrorObjectOwned> {
	let malformed = || invalid(format!("malformed month {}: expected YYYY-MM", quoted(text, 7)));
	let (year, month) = text.split_once('-').ok_or_else(malformed)?;
	if year.len() != 4 || month.len() != 2 {
		return Err(malformed());
	}
	let month = YearMonth::new(
		year.parse().map_err(|_| malformed())?,
		month.parse().map_err(|_| malformed())?,
	);
	if !month.is_valid() {
		return Err(invalid(format!(
			"{} is not a month between 1800-01 and 9999-12",
			quoted(text, 7)
		)));
	}
	Ok(month)
}

impl<C, B> Civil<C, B>
where
	C: HeaderBackend<Block>,
{
	/// The block `at` names: `None` or `"finalized"` the latest finalized block, `"best"` the
	/// best block, else a `0x` block hash this node has.
	fn block(&self, at: Option<&str>) -> Result<H256, ErrorObjectOwned> {
		let info = self.client.info();
		match at {
			None | Some("finalized") => Ok(info.finalized_hash),
			Some("best") => Ok(info.best_hash),
			Some(text) => {
				let hash = parse_hash(text).map_err(|_| {
					invalid(format!(
						"malformed block {}: expected \"best\", \"finalized\" or 0x followed \
						 by 64 hex digits",
						quoted(text, 66)
					))
				})?;
				match self.client.header(hash) {
					Ok(Some(_)) => Ok(hash),
					Ok(None) => {
						Err(not_found(format!("this node has no block with the hash {text}")))
					},
					Err(e) => Err(runtime_error(e)),
				}
			},
		}
	}
}

impl<C: Send + Sync + 'static, B> Civil<C, B> {
	/// `query` through the Wasm runtime API, on a blocking thread: milliseconds that must not
	/// hold up the RPC server's tasks.
	async fn wasm<R: Send + 'static>(
		&self,
		query: impl FnOnce(&C) -> Result<R, sp_api::ApiError> + Send + 'static,
	) -> RpcResult<R> {
		let client = self.client.clone();
		tokio::task::spawn_blocking(move || query(&client))
			.await
			.map_err(runtime_error)?
			.map_err(runtime_error)
	}
}

#[jsonrpsee::core::async_trait]
impl<C, B> CivilRpcServer for Civil<C, B>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + CallApiAt<Block> + Send + Sync + 'static,
	C::Api: CivilRegistryApi<Block>,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	async fn verify_certificate(
		&self,
		certificate_hash: String,
		at: Option<String>,
	) -> RpcResult<CertificateJson> {
		let hash = parse_hash(&certificate_hash)?;
		let block = self.block(at.as_deref())?;
		let info = match self.native(block, || CivilEvents::verify_certificate(hash)) {
			Some(info) => info,
			None => {
				self.wasm(move |client| client.runtime_api().verify_certificate(block, hash))
					.await?
			},
		}
		.ok_or_else(|| not_found(format!("no certificate has the hash {certificate_hash}")))?;
		Ok(CertificateJson {
			status: match info.status {
				CertificateStatus::Valid => "valid",
				CertificateStatus::Superseded => "superseded",
				CertificateStatus::Revoked => "revoked",
			}
			.into(),
			kind: kind_name(info.kind).into(),
			office: info.office,
			version: info.version,
			current_version: info.current_version,
			issued_at: info.issued_at,
			issued_on: crate::gateway::block_time(
				&*self.client,
				info.issued_at,
				self.slot_duration,
			)
			.map(crate::gateway::utc_date),
		})
	}

	fn statistics(
		&self,
		jurisdiction: u32,
		kind: Option<String>,
		from: String,
		to: String,
		at: Option<String>,
	) -> RpcResult<Vec<MonthlyCountJson>> {
		let kind = kind.as_deref().map(parse_kind).transpose()?;
		let (from, to) = (parse_month(&from)?, parse_month(&to)?);
		let block = self.block(at.as_deref())?;
		let rows =
			match self.native(block, || CivilEvents::statistics(jurisdiction, kind, from, to)) {
				Some(rows) => rows,
				None => self
					.client
					.runtime_api()
					.statistics(block, jurisdiction, kind, from, to)
					.map_err(runtime_error)?,
			}
			.map_err(|e| match e {
				StatisticsError::UnknownJurisdiction => {
					not_found(format!("no jurisdiction has the id {jurisdiction}"))
				},
				StatisticsError::InvalidMonth => invalid("a month is not a real month"),
				StatisticsError::EmptyRange => invalid("`from` is after `to`"),
				StatisticsError::RangeTooLong => {
					invalid("the range spans more than 120 months; split the query")
				},
			})?;
		Ok(rows
			.into_iter()
			.map(|row| MonthlyCountJson {
				month: format!("{:04}-{:02}", row.month.year, row.month.month),
				kind: kind_name(row.kind).into(),
				count: row.count,
			})
			.collect())
	}

	async fn verify_archive_record(
		&self,
		root: String,
		index: u32,
		record: String,
		proof: Vec<String>,
		at: Option<String>,
	) -> RpcResult<ArchiveRecordJson> {
		self.archive_record(root, index, record, proof, at).await
	}
}

impl<C, B> Civil<C, B>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + CallApiAt<Block> + Send + Sync + 'static,
	C::Api: CivilRegistryApi<Block>,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	async fn archive_record(
		&self,
		root: String,
		index: u32,
		record: String,
		proof: Vec<String>,
		at: Option<String>,
	) -> RpcResult<ArchiveRecordJson> {
		let root_hash = parse_hash(&root)?;
		let record = parse_hash(&record)?;
		if proof.len() > MAX_ARCHIVE_PROOF as usize {
			return Err(invalid(format!(
				"a proof holds at most {MAX_ARCHIVE_PROOF} hashes, this one {}",
				proof.len()
			)));
		}
		let proof = proof.iter().map(|h| parse_hash(h)).collect::<Result<Vec<_>, _>>()?;
		let block = self.block(at.as_deref())?;
		let answer = match self.native(block, || {
			CivilEvents::verify_archive_record(root_hash, index, record, proof.clone())
		}) {
			Some(answer) => answer,
			None => {
				self.wasm(move |client| {
					client
						.runtime_api()
						.verify_archive_record(block, root_hash, index, record, proof)
				})
				.await?
			},
		};
		let refused = |reason: &str| ArchiveRecordJson {
			proven: false,
			reason: Some(reason.into()),
			count: None,
			office: None,
			period_from: None,
			period_to: None,
			anchored_at: None,
		};
		match answer {
			Ok(anchor) => Ok(ArchiveRecordJson {
				proven: true,
				reason: None,
				count: Some(anchor.count),
				office: Some(anchor.office),
				period_from: Some(date_text(anchor.period.from)),
				period_to: Some(date_text(anchor.period.to)),
				anchored_at: Some(anchor.anchored_at),
			}),
			Err(ArchiveProofError::UnknownRoot) => {
				Err(not_found(format!("no archive batch is anchored with the root {root}")))
			},
			Err(ArchiveProofError::IndexOutOfRange) => Ok(refused("indexOutOfRange")),
			Err(ArchiveProofError::NotProven) => Ok(refused("notProven")),
		}
	}
}

/// `"YYYY-MM-DD"`.
fn date_text(date: civil_registry_primitives::Date) -> String {
	format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)
}

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
	C::Api: CivilRegistryApi<Block>,
	P: TransactionPool + 'static,
{
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool, backend, slot_duration } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(Civil::new(client, backend, slot_duration).into_rpc())?;

	Ok(module)
}
