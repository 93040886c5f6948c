//! The node's RPC extensions on top of the standard `system_*`, `chain_*`, `state_*` and
//! `author_*` methods that `sc-service` serves.
//!
//! - `system_accountNextIndex`, `system_dryRun` (from `substrate-frame-rpc-system`).
//! - `civil_*`: what a client without SCALE types wants from the registry, in plain JSON —
//!   checking a certificate from its QR code, reading the vital statistics. Both call the
//!   runtime API [`CivilRegistryApi`] at the latest finalized block unless the optional last
//!   parameter `at` names another (`"best"`, `"finalized"` or a block hash): an answer from
//!   the finalized block never changes, one from the best block can be undone by a re-org.
//!
//! The chain is feeless, so there is no `payment_*` namespace.
//!
//! Errors carry a JSON-RPC code and a message a person can act on:
//!
//! | code | meaning |
//! | --- | --- |
//! | `-32602` | invalid parameter (malformed hash, month, kind or range) — the message says which |
//! | `4004` | not found (no certificate with this hash, no jurisdiction with this id, no block with this hash) |
//! | `5000` | the runtime could not answer (e.g. the best block's state is not available) |

use std::sync::Arc;

use civil_registry_primitives::{ActKind, CertificateStatus, StatisticsError, YearMonth};
use civil_registry_runtime::{
	apis::CivilRegistryApi, opaque::Block, AccountId, BlockNumber, Nonce,
};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::INVALID_PARAMS_CODE, ErrorObjectOwned},
	RpcModule,
};
use sc_transaction_pool_api::TransactionPool;
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
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

/// The `civil_*` RPC methods.
#[rpc(server, namespace = "civil")]
pub trait CivilRpc {
	/// The status of the certificate whose hash is `certificate_hash` (`0x` and 64 hex digits,
	/// the value of the QR code).
	///
	/// `at`: the block to answer at — `null` or `"finalized"` for the latest finalized block,
	/// `"best"` for the best block (a certificate issued seconds ago), or a block hash.
	#[method(name = "verifyCertificate", blocking)]
	fn verify_certificate(
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
}

/// Serves `civil_*` from the runtime API, at the latest finalized block unless asked for
/// another. Both methods are `blocking`: they
/// execute the Wasm runtime, which must not run on the RPC server's async threads (a slow
/// query would hold up every other connection).
pub struct Civil<C> {
	client: Arc<C>,
}

impl<C> Civil<C> {
	/// The `civil_*` methods over `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn invalid(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(INVALID_PARAMS_CODE, message.into(), None::<()>)
}

fn not_found(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(NOT_FOUND, message.into(), None::<()>)
}

fn runtime_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
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
fn quoted(text: &str, longest: usize) -> String {
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

impl<C> Civil<C>
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

impl<C> CivilRpcServer for Civil<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CivilRegistryApi<Block>,
{
	fn verify_certificate(
		&self,
		certificate_hash: String,
		at: Option<String>,
	) -> RpcResult<CertificateJson> {
		let hash = parse_hash(&certificate_hash)?;
		let block = self.block(at.as_deref())?;
		let info = self
			.client
			.runtime_api()
			.verify_certificate(block, hash)
			.map_err(runtime_error)?
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
		let rows = self
			.client
			.runtime_api()
			.statistics(block, jurisdiction, kind, from, to)
			.map_err(runtime_error)?
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
}

/// What the RPC extensions need from the node.
pub struct FullDeps<C, P> {
	/// The client instance to use.
	pub client: Arc<C>,
	/// Transaction pool instance.
	pub pool: Arc<P>,
}

/// The RPC extensions of a full node: `system_accountNextIndex`, `system_dryRun` and
/// `civil_*`.
pub fn create_full<C, P>(
	deps: FullDeps<C, P>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>,
	C: HeaderBackend<Block> + HeaderMetadata<Block, Error = BlockChainError> + 'static,
	C: Send + Sync + 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: BlockBuilder<Block>,
	C::Api: CivilRegistryApi<Block>,
	P: TransactionPool + 'static,
{
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let mut module = RpcModule::new(());
	let FullDeps { client, pool } = deps;

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(Civil::new(client).into_rpc())?;

	Ok(module)
}
