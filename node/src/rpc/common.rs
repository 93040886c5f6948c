//! What every RPC server of the node shares: the error codes and their messages, the one
//! grammar of a block parameter, the parsers of hashes, months and kinds, the one way a date
//! is written, and the builder of the node's second servers (the public gateway, the office
//! read API). Nothing here reads the chain but [`BlockSelector::resolve`] and [`block_time`],
//! and they read headers only.

use std::{net::SocketAddr, sync::Arc};

use civil_registry_primitives::{ActKind, Date, YearMonth};
use civil_registry_runtime::opaque::Block;
use codec::Decode;
use jsonrpsee::{
	core::server::{MethodCallback, MethodSink, Methods},
	types::{error::INVALID_PARAMS_CODE, ErrorObject, ErrorObjectOwned, Id},
	MethodResponse, RpcModule,
};
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

/// The longest error message a server of the node sends, in bytes (a longer one is cut, and
/// says how long it was).
pub const MAX_ERROR_MESSAGE: usize = 256;

/// `response`, or, if it is an error longer than [`MAX_ERROR_MESSAGE`], the same error with its
/// message and its data (where jsonrpsee puts serde's text, quoting the parameter) cut. (Any
/// error of that length: what it quotes is what a client sent, whatever the method.)
fn bound_error(id: Id<'static>, response: MethodResponse) -> MethodResponse {
	// An error's JSON is its message and data and some 60 bytes of envelope.
	if !response.is_error() || response.as_result().len() <= MAX_ERROR_MESSAGE {
		return response;
	}
	let error = serde_json::from_str::<serde_json::Value>(response.as_result())
		.ok()
		.and_then(|v| v.get("error").cloned())
		.unwrap_or_default();
	MethodResponse::error(id, cut_error(&error))
}

/// `text`, or its first [`MAX_ERROR_MESSAGE`] bytes (on a character boundary) and its length.
fn cut(text: &str) -> String {
	if text.len() <= MAX_ERROR_MESSAGE {
		return text.to_owned();
	}
	let mut cut = String::with_capacity(MAX_ERROR_MESSAGE.saturating_add(40));
	for c in text.chars() {
		if cut.len().saturating_add(c.len_utf8()) > MAX_ERROR_MESSAGE {
			break;
		}
		cut.push(c);
	}
	format!("{cut}… ({} bytes, cut)", text.len())
}

/// `module` with every method's answer passed through [`bound_error`]: for the servers the
/// node starts through `sc-rpc-server` (its own RPC port, the office read API, the projection
/// feed), which has no place for a middleware of ours. jsonrpsee's parameter errors quote the
/// parameter (serde's "invalid type: string \"…\", expected u32"), so without this a 1 MB
/// string where a number is expected would come back whole. Calls and unsubscriptions answer
/// with the `MethodResponse` cut here; a subscription answers through the connection's sink,
/// so it gets a sink of ours ([`relay`]) — one more hop for each of its notifications.
pub fn bounded<Context: Send + Sync + 'static>(module: RpcModule<Context>) -> RpcModule<()> {
	let methods: Methods = module.into();
	let mut out = RpcModule::new(());
	for name in methods.method_names() {
		let Some(callback) = methods.method(name).cloned() else { continue };
		let wrapped = match callback {
			MethodCallback::Sync(inner) => {
				MethodCallback::Sync(Arc::new(move |id: Id, params, max, extensions| {
					let owned = id.clone().into_owned();
					bound_error(owned, inner(id, params, max, extensions))
				}))
			},
			MethodCallback::Async(inner) => MethodCallback::Async(Arc::new(
				move |id: Id<'static>, params, connection, max, extensions| {
					let answer = inner(id.clone(), params, connection, max, extensions);
					Box::pin(async move { bound_error(id, answer.await) })
				},
			)),
			// A subscription answers through the connection's sink, not its return value: the
			// method gets a sink of ours, whose first message (the answer) is cut.
			MethodCallback::Subscription(inner) => MethodCallback::Subscription(Arc::new(
				move |id: Id, params, sink: MethodSink, state, extensions| {
					let owned = id.clone().into_owned();
					let (tx, rx) = tokio::sync::mpsc::channel(sink.max_capacity().max(1));
					let ours = MethodSink::new_with_limit(tx, sink.max_response_size());
					tokio::spawn(relay(rx, sink));
					let answer = inner(id, params, ours, state, extensions);
					Box::pin(async move { bound_error(owned, answer.await) })
				},
			)),
			MethodCallback::Unsubscription(inner) => MethodCallback::Unsubscription(Arc::new(
				move |id: Id, params, connection, max, extensions| {
					let owned = id.clone().into_owned();
					bound_error(owned, inner(id, params, connection, max, extensions))
				},
			)),
		};
		// The names come from one module: none is taken twice.
		let _ = out.verify_and_insert(name, wrapped);
	}
	out
}

/// Forwards a subscription's messages from the method to the connection, the first (the answer
/// to the call: the subscription's id, or an error) cut as [`bound_error`] cuts; until either
/// side closes.
async fn relay(mut from: tokio::sync::mpsc::Receiver<String>, to: MethodSink) {
	let mut first = true;
	loop {
		let next = {
			let received = Box::pin(from.recv());
			let closed = Box::pin(to.closed());
			match futures::future::select(received, closed).await {
				futures::future::Either::Left((message, _)) => message,
				futures::future::Either::Right(_) => None,
			}
		};
		let Some(mut message) = next else { return };
		if first {
			first = false;
			message = bound_error_text(message);
		}
		if to.send(message).await.is_err() {
			return;
		}
	}
}

/// A JSON-RPC response as text, cut as [`bound_error`] cuts a `MethodResponse`.
fn bound_error_text(text: String) -> String {
	if text.len() <= MAX_ERROR_MESSAGE {
		return text;
	}
	let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else { return text };
	let Some(error) = value.get("error") else { return text };
	let id = match value.get("id") {
		Some(serde_json::Value::Number(n)) => n.as_u64().map_or(Id::Null, Id::Number),
		Some(serde_json::Value::String(s)) => Id::Str(s.clone().into()),
		_ => Id::Null,
	};
	MethodResponse::error(id, cut_error(error)).to_result()
}

/// A JSON-RPC error object with its message and its data cut to [`MAX_ERROR_MESSAGE`] bytes.
fn cut_error(error: &serde_json::Value) -> ErrorObjectOwned {
	let code = error
		.get("code")
		.and_then(|c| c.as_i64())
		.and_then(|c| i32::try_from(c).ok())
		.unwrap_or(jsonrpsee::types::error::INTERNAL_ERROR_CODE);
	let message = error.get("message").and_then(|m| m.as_str()).unwrap_or_default();
	let data = error.get("data").map(|d| match d.as_str() {
		Some(text) => cut(text),
		None => cut(&d.to_string()),
	});
	ErrorObject::owned(code, cut(message), data)
}

/// An endpoint on `address` with the node's own RPC settings (`--rpc-max-connections`,
/// `--rpc-rate-limit`, `--rpc-cors`, `--rpc-methods`, ...), as `sc-service` opens its RPC port.
pub fn node_endpoint(
	address: SocketAddr,
	rpc: &sc_service::config::RpcConfiguration,
) -> sc_rpc_server::RpcEndpoint {
	sc_rpc_server::RpcEndpoint {
		listen_addr: address,
		batch_config: rpc.batch_config,
		cors: rpc.cors.clone(),
		max_connections: rpc.max_connections,
		max_payload_in_mb: rpc.max_request_size,
		max_payload_out_mb: rpc.max_response_size,
		max_subscriptions_per_connection: rpc.max_subs_per_conn,
		max_buffer_capacity_per_connection: rpc.message_buffer_capacity,
		rate_limit: rpc.rate_limit,
		rate_limit_trust_proxy_headers: rpc.rate_limit_trust_proxy_headers,
		rate_limit_whitelisted_ips: rpc.rate_limit_whitelisted_ips.clone(),
		rpc_methods: rpc.methods,
		is_optional: false,
		retry_random_port: true,
	}
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
		cors: None,
		rpc_methods: sc_rpc_server::RpcMethods::Safe,
		retry_random_port: false,
		..node_endpoint(address, rpc)
	}
}
