//! What every RPC server of the node shares: the error codes and their messages, the one
//! grammar of a block parameter, the parsers of hashes, months and kinds, the one way a date
//! is written, and the builder of the node's second servers (the public gateway, the office
//! read API). Nothing here reads the chain but [`BlockSelector::resolve`] and [`block_time`],
//! and they read headers only.

use std::net::SocketAddr;

use civil_registry_primitives::{ActKind, Date, YearMonth};
use civil_registry_runtime::opaque::Block;
use codec::Decode;
use jsonrpsee::types::{error::INVALID_PARAMS_CODE, ErrorObjectOwned};
use sp_blockchain::HeaderBackend;
use sp_core::H256;
use sp_runtime::traits::Header as _;

/// Error code: nothing has this hash or id.
pub const NOT_FOUND: i32 = 4004;
/// Error code: the runtime could not answer.
pub const RUNTIME_ERROR: i32 = 5000;

/// JSON-RPC's invalid-parameter error (-32602) with a message that says which.
pub fn invalid(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(INVALID_PARAMS_CODE, message.into(), None::<()>)
}

/// [`NOT_FOUND`] with a message.
pub fn not_found(message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(NOT_FOUND, message.into(), None::<()>)
}

/// [`RUNTIME_ERROR`] with the cause.
pub fn runtime_error(e: impl std::fmt::Display) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(RUNTIME_ERROR, format!("the runtime could not answer: {e}"), None::<()>)
}

/// Refuses a block parameter of a public method: the public side answers at its newest checked
/// block only (an answer at a past block would date a later correction, or difference two
/// releases of a counter). `only` says which block that is, for the message.
pub fn no_block(at: Option<serde_json::Value>, only: &str) -> Result<(), ErrorObjectOwned> {
	match at {
		None | Some(serde_json::Value::Null) => Ok(()),
		Some(_) => Err(invalid(format!("{only}: leave out the block"))),
	}
}

/// `text` quoted for an error message if it is short enough to be a mistyped value, else only
/// its length: a message never carries a caller's unbounded input back (into logs, into a
/// proxy's error page).
pub fn quoted(text: &str, longest: usize) -> String {
	if text.len() <= longest {
		format!("{text:?}")
	} else {
		format!("of {} bytes", text.len())
	}
}

/// The JSON name of an act kind (its serde name): `"birth"`, `"nameChange"`, ...
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

/// `"YYYY-MM"`.
pub fn month_text(month: YearMonth) -> String {
	format!("{:04}-{:02}", month.year, month.month)
}

/// `"YYYY-MM-DD"`.
pub fn date_text(date: Date) -> String {
	format!("{:04}-{:02}-{:02}", date.year, date.month, date.day)
}

/// The day (UTC, the runtime's calendar) of a time in milliseconds since 1970, `"YYYY-MM-DD"`.
pub fn utc_date(ms: u64) -> String {
	Date::from_unix_millis(ms).map_or_else(|| String::from("-"), date_text)
}

/// A block parameter, in the one grammar every `civil_*` and `office_*` method accepts:
/// `null` or `"finalized"` (the latest finalized block), `"best"`, a block number in decimal,
/// or a block hash (`0x` and 64 hex digits).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockSelector {
	/// The latest finalized block.
	Finalized,
	/// The best block.
	Best,
	/// The block of this number on the best chain.
	Number(u32),
	/// The block of this hash.
	Hash(H256),
}

impl BlockSelector {
	/// Parses `at`; `None` is the finalized block.
	pub fn parse(at: Option<&str>) -> Result<Self, ErrorObjectOwned> {
		match at {
			None | Some("finalized") => Ok(Self::Finalized),
			Some("best") => Ok(Self::Best),
			Some(text) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) => text
				.parse()
				.map(Self::Number)
				.map_err(|_| invalid(format!("block number {} is too large", quoted(text, 12)))),
			Some(text) => parse_hash(text).map(Self::Hash).map_err(|_| {
				invalid(format!(
					"malformed block {}: expected \"best\", \"finalized\", a block number or 0x \
					 followed by 64 hex digits",
					quoted(text, 66)
				))
			}),
		}
	}

	/// The hash of the block this names, if this node has it (4004 if not).
	pub fn resolve<C: HeaderBackend<Block>>(self, client: &C) -> Result<H256, ErrorObjectOwned> {
		let info = client.info();
		match self {
			Self::Finalized => Ok(info.finalized_hash),
			Self::Best => Ok(info.best_hash),
			Self::Number(number) => client
				.hash(number)
				.map_err(runtime_error)?
				.ok_or_else(|| not_found(format!("this node has no block {number}"))),
			Self::Hash(hash) => match client.header(hash) {
				Ok(Some(_)) => Ok(hash),
				Ok(None) => {
					Err(not_found(format!("this node has no block with the hash {hash:?}")))
				},
				Err(e) => Err(runtime_error(e)),
			},
		}
	}
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

/// A second JSON-RPC server of the node (the public gateway, the office read API) on
/// `address`, with the node's own RPC limits (`--rpc-max-connections`, `--rpc-rate-limit`,
/// ...), safe methods only, and any web origin: a list of origins would also make Substrate's
/// server accept only localhost as the `Host`, which such an address is not. (The gateway is
/// read-only and public; every office request is signed, so a web page gains nothing there.)
pub fn extra_endpoint(
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
