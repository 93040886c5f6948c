//! The office read API: how a registry office's system reads persons, acts and family links,
//! each read authenticated as an officer of an office and written to the access log
//! (`access_log.rs`) before it is answered.
//!
//! # Authentication: the officer's own key
//!
//! Every request carries `credentials`: the office, the officer's account, a purpose code, the
//! time, a fresh nonce, and the officer's sr25519 signature of [`signed_text`]. The node checks
//! that the account is, on chain, an officer of that office and that the office is active;
//! that the time is within a minute of its own; that the nonce was not used in that minute;
//! and the signature. We chose signatures over mutual TLS with per-office certificates
//! because the chain already is the registry of who is an officer: an appointment or a
//! dismissal takes effect for reads in the same block as for writes, with no certificate
//! authority to run, no certificate to revoke and no second list to keep in step; the key is
//! the one the office's system already holds to sign acts, and polkadot.js signs with it
//! (`pair.sign`); and a signed request is evidence of who asked, which the access log keeps,
//! where a TLS session proves only who connected. (TLS still belongs around the API, for
//! confidentiality: docs/operators.md.)
//!
//! # What is logged and anchored
//!
//! Each answered read is one log entry (office, officer, method, target, purpose, legal basis,
//! time). The node anchors the log on chain — its length and last hash, signed with the node's
//! Aura key (`authorities.anchor_access_log`) — at least every `--access-log-anchor-period`
//! seconds while there are new entries, and at once after a read of a sealed record (the birth
//! parents of an adopted child), which needs a stated legal basis. `civil_checkAccessLog` on
//! the node's own RPC checks the log against its chain of hashes and the anchors.

use super::common::invalid;
use crate::access_log::{self, AccessLog, Entry};
use civil_registry_primitives::{OfficeKind, PersonId};
use civil_registry_runtime::{
	api_types::{OfficeStatus, ReplacedParents},
	node_calls::{self, AccessLogAnchor, ANCHOR_KEY_TYPE},
	opaque::Block,
	AccountId,
};
use civil_registry_runtime_api::CivilRegistryApi;
use civil_registry_runtime_api::OfficeReadApi;
use codec::Encode;
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorObjectOwned, ErrorCode},
	RpcModule,
};
use sc_client_api::HeaderBackend;
use sc_transaction_pool_api::LocalTransactionPool;
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_core::{crypto::Ss58Codec, sr25519, H256};
use sp_keystore::KeystorePtr;
use std::{
	collections::HashMap,
	net::SocketAddr,
	sync::{Arc, Mutex},
	time::{Duration, SystemTime, UNIX_EPOCH},
};

use crate::service::FullClient;

/// The purposes a read may state.
pub const PURPOSES: &[&str] = &[
	"registration",
	"certificate",
	"correction",
	"court-request",
	"audit",
	"citizen-request",
	"subscription",
];

/// Most events one `office_feed` answer holds.
pub const MAX_FEED_EVENTS: u32 = 1000;

/// Most blocks one `office_feed` answer reads: an answer's cost is bounded whatever the
/// cursor, and a consumer far behind catches up over several answers.
pub const MAX_FEED_BLOCKS: u32 = 600;

/// How far a request's time may be from the node's, in milliseconds.
pub const MAX_SKEW_MS: u64 = 60_000;

/// What the officer's signature covers first.
pub const SIGNING_CONTEXT: &str = "civil-registry/office-read/1";

/// The most nonces remembered at once: more requests than this within two minutes are
/// refused as busy rather than let the memory grow.
const MAX_NONCES: usize = 200_000;

/// Error codes of the office read API.
pub mod codes {
	/// No credentials, or credentials that do not name an officer of an active office.
	pub const NOT_AN_OFFICER: i32 = 4010;
	/// The signature does not verify.
	pub const BAD_SIGNATURE: i32 = 4011;
	/// The request's time is too far from the node's.
	pub const EXPIRED: i32 = 4012;
	/// The nonce was used already.
	pub const REPLAYED: i32 = 4013;
	/// A sealed record was asked for without a legal basis.
	pub const NO_LEGAL_BASIS: i32 = 4014;
	/// The read could not be logged, so it is not answered.
	pub const NOT_LOGGED: i32 = 5000;
	/// The office may not use this method: a health facility or a subscriber reads no
	/// person; only a subscriber reads the feed.
	pub const NOT_FOR_OFFICE: i32 = 4015;
	/// The node no longer keeps the state of a block the feed must read (its state was
	/// pruned): the feed needs a node with `--state-pruning archive-canonical`.
	pub const PRUNED: i32 = 4016;
}

fn error(code: i32, message: impl Into<String>) -> ErrorObjectOwned {
	ErrorObjectOwned::owned(code, message.into(), None::<()>)
}

/// The office read API's flags.
#[derive(Debug, Clone, clap::Args)]
pub struct OfficeApiParams {
	/// Open the office read API on this address (e.g. `10.40.0.1:9946`, the department's
	/// internal network): persons, acts and family links for office systems, every request
	/// signed by an officer and written to the access log
	/// (`<base path>/chains/<chain>/access-log.jsonl`). Needs the node's Aura key (an
	/// authority node), which anchors the log on chain.
	#[arg(long, value_name = "ADDRESS")]
	pub office_api: Option<SocketAddr>,

	/// Anchor the access log on chain at least this often (seconds) while it has new entries.
	#[arg(long, value_name = "SECONDS", default_value_t = 86_400)]
	pub access_log_anchor_period: u64,
}

/// Who asks, for what, signed.
#[derive(Deserialize, Serialize, Clone, Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Credentials {
	/// The office the officer reads for.
	pub office: u32,
	/// The officer's account (SS58).
	pub officer: String,
	/// One of [`PURPOSES`].
	pub purpose: String,
	/// For a sealed record: the hash of the court decision (or other legal act) that allows
	/// the read, `0x` and 64 hex digits.
	#[serde(default)]
	pub legal_basis: Option<String>,
	/// The request's time, milliseconds since the Unix epoch.
	pub at: u64,
	/// A fresh random value, `0x` and 32 hex digits.
	pub nonce: String,
	/// The officer's sr25519 signature of [`signed_text`], `0x` and 128 hex digits.
	pub signature: String,
}

/// The text an officer signs for a request: the context, the chain's genesis hash, the method,
/// the target and every field of the credentials but the signature, one per line.
pub fn signed_text(genesis: &H256, method: &str, target: &str, c: &Credentials) -> String {
	format!(
		"{SIGNING_CONTEXT}\ngenesis: {genesis:?}\nmethod: {method}\ntarget: {target}\n\
		 office: {}\nofficer: {}\npurpose: {}\nlegal basis: {}\nat: {}\nnonce: {}",
		c.office,
		c.officer,
		c.purpose,
		c.legal_basis.as_deref().unwrap_or("-"),
		c.at,
		c.nonce
	)
}

/// An answer: the runtime API's answer SCALE-encoded (decode it with the runtime API's
/// output type from the metadata), and the access-log entry it was written as.
#[derive(Serialize, Deserialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct Answer<T> {
	/// The answer.
	pub result: T,
	/// Its entry in the access log.
	pub logged: u64,
}

/// The birth parents of an adopted child: its parents before its first adoption in effect.
#[derive(Serialize, Deserialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct BirthParents {
	/// The adoption act.
	pub adoption: u64,
	/// The birth mother, if recorded.
	pub mother: Option<PersonId>,
	/// The birth father, if recorded.
	pub father: Option<PersonId>,
}

/// A place in the feed: a finalized block's number and an event's index in it. `event`
/// `4294967295` (`u32::MAX`) stands for the whole block.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FeedCursor {
	/// The block's number.
	pub block: u32,
	/// The event's index among the block's events.
	pub event: u32,
}

/// One event of the feed: an act of a kind the subscriber is entitled to, registered (or
/// approved), amended or revoked, in a finalized block.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct FeedItem {
	/// The block's number.
	pub block: u32,
	/// The block's hash.
	pub block_hash: H256,
	/// The event's index in the block: `{ block, event }` is the item's cursor.
	pub event: u32,
	/// `registered`, `amended` or `revoked`.
	pub change: civil_registry_primitives::FeedChange,
	/// The act.
	pub act: u64,
	/// Its kind.
	pub kind: civil_registry_primitives::ActKind,
	/// The persons it concerns (none for a sealed act).
	pub persons: Vec<PersonId>,
	/// The day of its event, `YYYY-MM-DD`.
	pub date: String,
}

/// An answer of the feed.
#[derive(Serialize, Deserialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct FeedPage {
	/// The events after the cursor asked, in order.
	pub events: Vec<FeedItem>,
	/// How far the feed was read for this answer: ask from here next time (keep it with what
	/// was done with `events`, in one write: then every event is handled exactly once).
	pub next: FeedCursor,
	/// The node's finalized block when it answered: nothing after it is ever in the feed.
	pub finalized: u32,
}

#[rpc(server, namespace = "office")]
pub trait OfficeApi {
	/// The feed of finalized events about acts of the kinds the subscriber's office is
	/// entitled to, after `after` (`null`: from the chain's first block), at most `max`
	/// (≤ [`MAX_FEED_EVENTS`]) events from at most [`MAX_FEED_BLOCKS`] blocks. Only for a
	/// subscriber's key (an office of kind `Subscriber`).
	#[method(name = "feed")]
	fn feed(
		&self,
		after: Option<FeedCursor>,
		max: u32,
		credentials: Option<Credentials>,
	) -> RpcResult<Answer<FeedPage>>;

	/// A person's record (`CivilRegistryApi.person`, SCALE), or `null`.
	#[method(name = "person")]
	fn person(&self, id: PersonId, credentials: Option<Credentials>) -> RpcResult<Answer<String>>;

	/// An act (`CivilRegistryApi.act`, SCALE), or `null`.
	#[method(name = "act")]
	fn act(&self, id: u64, credentials: Option<Credentials>) -> RpcResult<Answer<String>>;

	/// A person's acts (`CivilRegistryApi.actsOf`, SCALE).
	#[method(name = "actsOf")]
	fn acts_of(
		&self,
		person: PersonId,
		offset: u32,
		limit: u32,
		credentials: Option<Credentials>,
	) -> RpcResult<Answer<String>>;

	/// The district's notifications of births and deaths that no act followed within the legal
	/// period (`CivilRegistryApi.overdueNotifications`, SCALE): the office's list of the
	/// children and deaths still to register.
	#[method(name = "overdueNotifications")]
	fn overdue_notifications(
		&self,
		district: u32,
		from: u64,
		limit: u32,
		credentials: Option<Credentials>,
	) -> RpcResult<Answer<String>>;

	/// The birth parents of an adopted child, which a sealed adoption hides everywhere else.
	/// Needs `legalBasis`; the read is anchored on chain at once.
	#[method(name = "birthParents")]
	fn birth_parents(
		&self,
		child: PersonId,
		credentials: Option<Credentials>,
	) -> RpcResult<Answer<Option<BirthParents>>>;
}

/// The API's state.
pub struct Office {
	client: Arc<FullClient>,
	log: Arc<AccessLog>,
	genesis: H256,
	nonces: Mutex<HashMap<(String, String), u64>>,
	/// Wakes the anchoring task at once (after a sealed read).
	anchor_now: tokio::sync::Notify,
}

fn now_ms() -> u64 {
	SystemTime::now()
		.duration_since(UNIX_EPOCH)
		.map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
		.unwrap_or_default()
}

fn parse_hex<const N: usize>(what: &str, text: &str) -> Result<[u8; N], ErrorObjectOwned> {
	let digits = text.strip_prefix("0x").unwrap_or(text);
	let mut bytes = [0u8; N];
	let valid = digits.len() == N.saturating_mul(2)
		&& digits.is_ascii()
		&& bytes.iter_mut().enumerate().all(|(i, b)| {
			digits
				.get(i.saturating_mul(2)..i.saturating_mul(2).saturating_add(2))
				.and_then(|pair| u8::from_str_radix(pair, 16).ok())
				.map(|value| *b = value)
				.is_some()
		});
	if valid {
		Ok(bytes)
	} else {
		Err(invalid(format!("{what} must be 0x and {} hex digits", N.saturating_mul(2))))
	}
}

impl Office {
	/// Check `credentials` for a read of `target` by `method`: the officer's signature, time,
	/// nonce, office and purpose. The officer's account and the legal basis, if any.
	fn authenticate(
		&self,
		method: &str,
		target: &str,
		credentials: Option<Credentials>,
	) -> Result<(Credentials, AccountId, OfficeKind), ErrorObjectOwned> {
		let c = credentials.ok_or_else(|| {
			error(
				codes::NOT_AN_OFFICER,
				"a read needs credentials: the office, the officer, a purpose, the time, a nonce \
				 and the officer's signature (docs/integrators.md, Reading persons)",
			)
		})?;
		if !PURPOSES.contains(&c.purpose.as_str()) {
			return Err(invalid(format!("purpose must be one of {}", PURPOSES.join(", "))));
		}
		if let Some(basis) = &c.legal_basis {
			parse_hex::<32>("legalBasis", basis)?;
		}
		let nonce = parse_hex::<16>("nonce", &c.nonce)?;
		let signature = sr25519::Signature::from_raw(parse_hex::<64>("signature", &c.signature)?);
		let public = sr25519::Public::from_ss58check(&c.officer)
			.map_err(|e| invalid(format!("officer is not an SS58 account: {e:?}")))?;
		let now = now_ms();
		if c.at.abs_diff(now) > MAX_SKEW_MS {
			return Err(error(
				codes::EXPIRED,
				format!(
					"the request's time is {} s from the node's; at most {} s are accepted",
					c.at.abs_diff(now) / 1000,
					MAX_SKEW_MS / 1000
				),
			));
		}
		let text = signed_text(&self.genesis, method, target, &c);
		if !<sr25519::Pair as sp_core::Pair>::verify(&signature, text.as_bytes(), &public) {
			return Err(error(
				codes::BAD_SIGNATURE,
				"the signature does not verify: sign the request's text (signed_text) with the \
				 officer's key",
			));
		}
		let account = AccountId::from(public.0);
		let best = self.client.info().best_hash;
		let api = self.client.runtime_api();
		let office = api
			.office(best, c.office)
			.map_err(|e| error(ErrorCode::InternalError.code(), e.to_string()))?
			.ok_or_else(|| {
				error(codes::NOT_AN_OFFICER, format!("office {} does not exist", c.office))
			})?;
		if office.status != OfficeStatus::Active {
			return Err(error(
				codes::NOT_AN_OFFICER,
				format!("office {} is not active ({:?})", c.office, office.status),
			));
		}
		let serves = api
			.officer(best, account.clone())
			.map_err(|e| error(ErrorCode::InternalError.code(), e.to_string()))?
			.is_some_and(|officer| officer.office == c.office);
		if !serves {
			return Err(error(
				codes::NOT_AN_OFFICER,
				format!("{} is not an officer of office {}", c.officer, c.office),
			));
		}
		// The nonce last: only a request that would be answered uses it up.
		let mut nonces = self.nonces.lock().map_err(|_| error(codes::NOT_LOGGED, "busy"))?;
		nonces.retain(|_, seen| now.saturating_sub(*seen) <= MAX_SKEW_MS.saturating_mul(2));
		if nonces.len() >= MAX_NONCES {
			return Err(error(ErrorCode::ServerIsBusy.code(), "too many requests; try again"));
		}
		let key = (c.officer.clone(), sp_core::bytes::to_hex(&nonce, false));
		if nonces.insert(key, now).is_some() {
			return Err(error(
				codes::REPLAYED,
				"this nonce was used already: a request is answered once",
			));
		}
		Ok((c, account, office.kind))
	}

	/// [`Self::authenticate`] for a read of persons and acts: by an office that registers acts
	/// (not a health facility, not a subscriber).
	fn authenticate_reader(
		&self,
		method: &str,
		target: &str,
		credentials: Option<Credentials>,
	) -> Result<Credentials, ErrorObjectOwned> {
		let (c, _, kind) = self.authenticate(method, target, credentials)?;
		if !kind.registers() {
			return Err(error(
				codes::NOT_FOR_OFFICE,
				format!("office {} registers no act: it reads no person or act", c.office),
			));
		}
		Ok(c)
	}

	/// Write the read to the log; its entry number.
	fn log(&self, method: &str, target: String, c: Credentials, sealed: bool) -> RpcResult<u64> {
		let entry = Entry {
			seq: 0,
			time: now_ms(),
			office: c.office,
			officer: c.officer,
			method: method.into(),
			target,
			purpose: c.purpose,
			legal_basis: c.legal_basis,
			sealed,
		};
		let (seq, _) = self.log.append(entry).map_err(|e| {
			log::error!(target: "office-api", "{e}");
			error(codes::NOT_LOGGED, "the read could not be logged, so it is not answered")
		})?;
		if sealed {
			self.anchor_now.notify_one();
		}
		Ok(seq)
	}

	fn runtime(&self, e: impl std::fmt::Display) -> ErrorObjectOwned {
		error(ErrorCode::InternalError.code(), e.to_string())
	}
}

/// The text a feed request's `target` is: what it asks, as the subscriber signs it.
pub fn feed_target(after: Option<FeedCursor>, max: u32) -> String {
	match after {
		Some(c) => format!("feed after {}:{} max {max}", c.block, c.event),
		None => format!("feed from the start max {max}"),
	}
}

impl OfficeApiServer for Arc<Office> {
	fn feed(
		&self,
		after: Option<FeedCursor>,
		max: u32,
		credentials: Option<Credentials>,
	) -> RpcResult<Answer<FeedPage>> {
		let target = feed_target(after, max);
		let (c, _, kind) = self.authenticate("office_feed", &target, credentials)?;
		let kinds = kind.subscription().ok_or_else(|| {
			error(
				codes::NOT_FOR_OFFICE,
				format!(
					"office {} is no subscriber: only a subscriber's key reads the feed",
					c.office
				),
			)
		})?;
		if max == 0 || max > MAX_FEED_EVENTS {
			return Err(invalid(format!("max must be 1 to {MAX_FEED_EVENTS}")));
		}
		let finalized = self.client.info().finalized_number;
		// Where to start: the block after a whole one, or the rest of a block.
		let (mut block, mut skip) = match after {
			None => (1, None),
			Some(FeedCursor { block, event: u32::MAX }) => (block.saturating_add(1), None),
			Some(FeedCursor { block, event }) => (block, Some(event)),
		};
		let mut next = after.unwrap_or(FeedCursor { block: 0, event: u32::MAX });
		let mut events = Vec::new();
		let mut read = 0u32;
		'blocks: while block <= finalized && read < MAX_FEED_BLOCKS {
			let hash = self
				.client
				.hash(block)
				.map_err(|e| self.runtime(e))?
				.ok_or_else(|| self.runtime(format!("no finalized block {block}")))?;
			let found = self.client.runtime_api().feed_events(hash).map_err(|e| {
				error(
					codes::PRUNED,
					format!(
						"the events of block {block} cannot be read here ({e}): the feed needs a \
						 node that keeps every finalized block's state \
						 (--state-pruning archive-canonical) and a runtime with the feed"
					),
				)
			})?;
			for e in found {
				if skip.is_some_and(|seen| e.index <= seen) {
					continue;
				}
				if !kinds.contains(e.kind) {
					next = FeedCursor { block, event: e.index };
					continue;
				}
				if events.len() >= max as usize {
					break 'blocks;
				}
				next = FeedCursor { block, event: e.index };
				events.push(FeedItem {
					block,
					block_hash: hash,
					event: e.index,
					change: e.change,
					act: e.act,
					kind: e.kind,
					persons: e.persons,
					date: super::common::date_text(e.date),
				});
			}
			next = FeedCursor { block, event: u32::MAX };
			skip = None;
			block = block.saturating_add(1);
			read = read.saturating_add(1);
		}
		let target = format!("{target}: {} events to {}:{}", events.len(), next.block, next.event);
		let logged = self.log("office_feed", target, c, false)?;
		Ok(Answer { result: FeedPage { events, next, finalized }, logged })
	}

	fn person(&self, id: PersonId, credentials: Option<Credentials>) -> RpcResult<Answer<String>> {
		let target = format!("person {id}");
		let c = self.authenticate_reader("office_person", &target, credentials)?;
		let best = self.client.info().best_hash;
		let record = self.client.runtime_api().person(best, id).map_err(|e| self.runtime(e))?;
		let logged = self.log("office_person", target, c, false)?;
		Ok(Answer { result: sp_core::bytes::to_hex(&record.encode(), false), logged })
	}

	fn act(&self, id: u64, credentials: Option<Credentials>) -> RpcResult<Answer<String>> {
		let target = format!("act {id}");
		let c = self.authenticate_reader("office_act", &target, credentials)?;
		let best = self.client.info().best_hash;
		let record = self.client.runtime_api().act(best, id).map_err(|e| self.runtime(e))?;
		let logged = self.log("office_act", target, c, false)?;
		Ok(Answer { result: sp_core::bytes::to_hex(&record.encode(), false), logged })
	}

	fn acts_of(
		&self,
		person: PersonId,
		offset: u32,
		limit: u32,
		credentials: Option<Credentials>,
	) -> RpcResult<Answer<String>> {
		let target = format!("acts of person {person} from {offset}, {limit}");
		let c = self.authenticate_reader("office_actsOf", &target, credentials)?;
		let best = self.client.info().best_hash;
		let page = self
			.client
			.runtime_api()
			.acts_of(best, person, offset, limit)
			.map_err(|e| self.runtime(e))?;
		let logged = self.log("office_actsOf", target, c, false)?;
		Ok(Answer { result: sp_core::bytes::to_hex(&page.encode(), false), logged })
	}

	fn overdue_notifications(
		&self,
		district: u32,
		from: u64,
		limit: u32,
		credentials: Option<Credentials>,
	) -> RpcResult<Answer<String>> {
		let target = format!("overdue notifications of {district} from {from}, {limit}");
		let c = self.authenticate_reader("office_overdueNotifications", &target, credentials)?;
		let best = self.client.info().best_hash;
		let list = self
			.client
			.runtime_api()
			.overdue_notifications(best, district, from, limit)
			.map_err(|e| self.runtime(e))?;
		let logged = self.log("office_overdueNotifications", target, c, false)?;
		Ok(Answer { result: sp_core::bytes::to_hex(&list.encode(), false), logged })
	}

	fn birth_parents(
		&self,
		child: PersonId,
		credentials: Option<Credentials>,
	) -> RpcResult<Answer<Option<BirthParents>>> {
		let target = format!("birth parents of person {child}");
		let c = self.authenticate_reader("office_birthParents", &target, credentials)?;
		if c.legal_basis.is_none() {
			return Err(error(
				codes::NO_LEGAL_BASIS,
				"the birth parents of an adopted child are sealed: state the legal basis \
				 (legalBasis, the hash of the court decision)",
			));
		}
		let best = self.client.info().best_hash;
		let replaced: Option<ReplacedParents> = self
			.client
			.runtime_api()
			.replaced_parents(best, child)
			.map_err(|e| self.runtime(e))?;
		let result =
			replaced.map(|r| BirthParents { adoption: r.act, mother: r.mother, father: r.father });
		let logged = self.log("office_birthParents", target, c, result.is_some())?;
		Ok(Answer { result, logged })
	}
}

/// The operator's check of the access log: `civil_checkAccessLog` on the node's own RPC.
#[derive(Serialize, Deserialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct LogCheck {
	/// Where the log is.
	pub path: String,
	/// Its entries.
	pub entries: u64,
	/// The anchors on chain of this node's key, oldest first.
	pub anchors: Vec<AnchorSeen>,
	/// Where the log breaks, if it does.
	pub broken: Option<access_log::Broken>,
}

/// An anchor of the node's log, as the chain's events show it.
#[derive(Serialize, Deserialize, Clone, Debug)]
#[serde(rename_all = "camelCase")]
pub struct AnchorSeen {
	/// The block that anchored it.
	pub block: u32,
	/// The log's length then.
	pub entries: u64,
	/// Its last hash.
	pub head: H256,
	/// Whether the last entry is a read of a sealed record.
	pub sealed: bool,
}

#[rpc(server, namespace = "civil")]
pub trait AccessLogApi {
	/// Check the node's access log against its chain of hashes and against the anchors on
	/// chain (every `AccessLogAnchored` event of the node's key since the chain began).
	#[method(name = "checkAccessLog", blocking)]
	fn check_access_log(&self) -> RpcResult<LogCheck>;
}

/// Everything the anchoring and the check need.
pub struct Anchoring {
	office: Arc<Office>,
	keystore: KeystorePtr,
	pool: Arc<sc_transaction_pool::TransactionPoolHandle<Block, FullClient>>,
}

impl Anchoring {
	/// The node's Aura key that the chain takes for an anchor now: one whose owner is a
	/// validator of the current session (after a key rotation, the new key from the moment
	/// the keys are set, as the session pallet records owners then). The runtime decides
	/// (`OfficeReadApi::anchor_key`), as it does when it checks the anchor.
	fn current_key(&self) -> Result<sr25519::Public, String> {
		let client = &self.office.client;
		let keys = self.keystore.sr25519_public_keys(ANCHOR_KEY_TYPE);
		client
			.runtime_api()
			.anchor_key(client.info().best_hash, keys)
			.map_err(|e| e.to_string())?
			.ok_or_else(|| {
				"no Aura key of a current authority in the keystore: the API runs on an \
				 authority node, which anchors the access log with it"
					.into()
			})
	}

	/// Every anchor of any of this node's keys (the current one and those rotated away), from
	/// the chain's events (the storage keeps the last only). Scans the finalized blocks'
	/// events: an operator's command, not a hot path.
	fn anchors(&self) -> Result<Vec<AnchorSeen>, String> {
		let keys = self.keystore.sr25519_public_keys(ANCHOR_KEY_TYPE);
		let client = &self.office.client;
		let finalized = client.info().finalized_number;
		let mut anchors = Vec::new();
		for n in 1..=finalized {
			let Some(hash) = client.hash(n).map_err(|e| e.to_string())? else { continue };
			let recorded: Vec<AccessLogAnchor> = client
				.runtime_api()
				.block_anchors(hash, keys.clone())
				.map_err(|e| e.to_string())?;
			for anchor in recorded {
				anchors.push(AnchorSeen {
					block: n,
					entries: anchor.entries,
					head: anchor.head,
					sealed: anchor.sealed,
				});
			}
		}
		Ok(anchors)
	}

	/// Submit an anchor of the log as it is now, if it has entries the chain's last anchor of
	/// this key does not cover.
	async fn anchor(&self) -> Result<Option<u64>, String> {
		let key = self.current_key()?;
		let client = &self.office.client;
		let best = client.info().best_hash;
		let (entries, head) = self.office.log.head();
		let anchored =
			client.runtime_api().anchored_entries(best, key).map_err(|e| e.to_string())?;
		if entries <= anchored {
			return Ok(None);
		}
		let sealed = self.office.log.last_sealed();
		let anchor = AccessLogAnchor { key, entries, head, sealed };
		let signature = self
			.keystore
			.sr25519_sign(ANCHOR_KEY_TYPE, &key, &anchor.signing_payload(&self.office.genesis))
			.map_err(|e| e.to_string())?
			.ok_or("the node's Aura key left the keystore")?;
		let call = node_calls::anchor_access_log(anchor, signature);
		let extension = civil_registry_runtime::tx_extension(0, sp_runtime::generic::Era::Immortal);
		let xt = civil_registry_runtime::UncheckedExtrinsic::new_transaction(call, extension);
		let opaque = sp_runtime::OpaqueExtrinsic::try_from_encoded_extrinsic(&xt.encode())
			.map_err(|e| e.to_string())?;
		// Into the pool at once (validated against the best block), as an offchain worker's
		// transaction is; the pool gossips it to the other authorities.
		self.pool.submit_local(best, opaque).map_err(|e| e.to_string())?;
		Ok(Some(entries))
	}

	/// Anchor at least every `period`, and at once when a sealed read asks for it; retry a
	/// failed anchor every few seconds.
	async fn run(self: Arc<Self>, period: Duration) {
		let retry = Duration::from_secs(6);
		let mut wait = period;
		// The length last submitted, and how often: an anchor the pool took but no block
		// included (it turned invalid) is submitted again, and said so.
		let mut submitted = (0u64, 0u32);
		loop {
			let _ = tokio::time::timeout(wait, self.office.anchor_now.notified()).await;
			wait = match self.anchor().await {
				Ok(Some(entries)) => {
					submitted = if submitted.0 == entries {
						(entries, submitted.1.saturating_add(1))
					} else {
						(entries, 1)
					};
					if submitted.1 > 3 {
						log::warn!(
							target: "office-api",
							"The anchor of the access log at {entries} entries is not on chain after \
							 {} submissions; submitting it again",
							submitted.1.saturating_sub(1)
						);
					} else {
						log::info!(target: "office-api", "Anchoring the access log at {entries} entries");
					}
					// One anchor per block: another sealed read meanwhile waits for the next.
					retry
				},
				Ok(None) => period,
				Err(e) => {
					log::warn!(target: "office-api", "Could not anchor the access log: {e}");
					retry
				},
			};
		}
	}
}

impl AccessLogApiServer for Arc<Anchoring> {
	fn check_access_log(&self) -> RpcResult<LogCheck> {
		let path = self.office.log.path().to_path_buf();
		let chain = access_log::read(&path)
			.map_err(|e| error(ErrorCode::InternalError.code(), e.to_string()))?;
		let anchors = self.anchors().map_err(|e| error(ErrorCode::InternalError.code(), e))?;
		let (entries, broken) = match chain {
			Ok(chain) => (
				u64::try_from(chain.hashes.len()).unwrap_or(u64::MAX),
				access_log::check(
					&chain,
					&anchors.iter().map(|a| (a.entries, a.head)).collect::<Vec<_>>(),
				)
				.err(),
			),
			Err(broken) => (broken.line.saturating_sub(1), Some(broken)),
		};
		Ok(LogCheck { path: path.display().to_string(), entries, anchors, broken })
	}
}

/// The office read API, built before the node's RPC (whose `civil_checkAccessLog` it adds)
/// and served once the keystore holds the node's keys ([`OfficeApi::serve`]).
pub struct OfficeApi {
	address: SocketAddr,
	period: Duration,
	anchoring: Arc<Anchoring>,
	/// The server's settings: the node's own RPC limits.
	endpoint: sc_rpc_server::RpcEndpoint,
	request_logger_limit: u32,
	max_connections: u32,
	tokio_handle: tokio::runtime::Handle,
}

/// Build the office read API, if `--office-api` is given: the API, and the operator's check
/// method to merge into the node's own RPC.
pub fn build(
	params: &OfficeApiParams,
	config: &sc_service::Configuration,
	client: Arc<FullClient>,
	pool: Arc<sc_transaction_pool::TransactionPoolHandle<Block, FullClient>>,
	keystore: KeystorePtr,
) -> Result<Option<(OfficeApi, RpcModule<()>)>, sc_service::Error> {
	let Some(address) = params.office_api else { return Ok(None) };
	let genesis = client.info().genesis_hash;
	let path = config.data_path.join("access-log.jsonl");
	let log = Arc::new(
		AccessLog::open(path)
			.map_err(|e| sc_service::Error::Other(format!("office read API on {address}: {e}")))?,
	);
	let office = Arc::new(Office {
		client,
		log,
		genesis,
		nonces: Mutex::new(HashMap::new()),
		anchor_now: tokio::sync::Notify::new(),
	});
	let anchoring = Arc::new(Anchoring { office, keystore, pool });
	let mut check = RpcModule::new(());
	check.merge(anchoring.clone().into_rpc()).map_err(|e| {
		sc_service::Error::Other(format!("office read API: civil_checkAccessLog: {e}"))
	})?;
	let period = Duration::from_secs(params.access_log_anchor_period.max(1));
	let rpc = &config.rpc;
	let endpoint = super::common::extra_endpoint(address, rpc);
	Ok(Some((
		OfficeApi {
			address,
			period,
			anchoring,
			endpoint,
			request_logger_limit: rpc.request_logger_limit,
			max_connections: rpc.max_connections,
			tokio_handle: config.tokio_handle.clone(),
		},
		check,
	)))
}

impl OfficeApi {
	/// Open the API and start anchoring. Refused unless the keystore holds the Aura key of a
	/// current authority: without it the log could not be anchored, so no read is served.
	pub fn serve(
		self,
		task_manager: &mut sc_service::TaskManager,
	) -> Result<(), sc_service::Error> {
		let OfficeApi {
			address,
			period,
			anchoring,
			endpoint,
			request_logger_limit,
			max_connections,
			tokio_handle,
		} = self;
		let failed = |what: &str, e: &dyn std::fmt::Display| {
			sc_service::Error::Other(format!("office read API on {address}: {what}: {e}"))
		};
		let office = anchoring.office.clone();
		let key = anchoring.current_key().map_err(|e| failed("the anchoring key", &e))?;

		let server_config = sc_rpc_server::Config {
			endpoints: vec![endpoint],
			metrics: None,
			rpc_api: super::common::bounded(office.clone().into_rpc()),
			id_provider: None,
			request_logger_limit,
			rpc_runtime: sc_rpc_server::create_rpc_runtime(max_connections)
				.map_err(|e| failed("runtime", &e))?,
		};
		let server = tokio::task::block_in_place(|| {
			tokio_handle.block_on(sc_rpc_server::start_server(server_config))
		})
		.map_err(|e| failed("start", &e))?;
		log::info!(
			target: "office-api",
			"Office read API on {address}; access log {} ({} entries), anchored with the node's \
			 current Aura key ({key} now)",
			office.log.path().display(),
			office.log.head().0,
		);
		task_manager.keep_alive(server);
		task_manager
			.spawn_handle()
			.spawn("access-log-anchoring", None, anchoring.run(period));
		Ok(())
	}
}
