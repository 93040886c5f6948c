//! Following the feed: every finalized block, in order, checked before anything of it is kept.
//!
//! For each batch of headers the feed hands over (`feed_headers`):
//!
//! 1. **Linked.** The first header's parent is the last block projected (at the start, the
//!    genesis this projection computed from its own chain spec); each next header's parent is
//!    the one before; the numbers follow.
//! 2. **Finalized.** The GRANDPA justification finalizes the last header, signed by more than
//!    two thirds of the authority set the projection follows from the genesis (it learns each
//!    next set from the headers' scheduled changes, and requires the batch to stop where one
//!    takes effect). Every header before it is its ancestor, so finalized too. A header that is
//!    not finalized — or is forged — has no such justification: the batch is refused and
//!    nothing of it is kept.
//! 3. **Proven.** For each block, what it changed of what the public keeps, and the new
//!    answers of the certificates it touched, the directory, the archive batches and a due
//!    statistics release, are [`Query`]s the feed proves and the projection runs itself over
//!    the proof against the block's state root (`query.rs`).
//!
//! Then the block's writes and the new cursor go to the store in one commit. A refused batch
//! is retried (the feed may have been restarted or fixed); the refusal is logged and shown in
//! `civil_projectionStatus`.

use std::{
	collections::{BTreeMap, BTreeSet},
	sync::{Arc, Mutex},
	time::{Duration, Instant},
};

use civil_registry_primitives::{Date, RegionActivity};
use civil_registry_runtime::opaque::Block;
use codec::{Decode, Encode};
use sc_consensus_grandpa::GrandpaJustification;
use sp_consensus_grandpa::{ConsensusLog, GRANDPA_ENGINE_ID};
use sp_core::{Bytes, H256};
use sp_runtime::traits::{Block as BlockT, Header as _};
use sp_trie::StorageProof;

use super::{
	query::{check, Answer, Query, MAX_ITEMS},
	store::{Batch, Certificate, Cursor, Store},
};
use crate::rpc::{
	feed::HeadersJson,
	release::{closed_months, months, Release, Schedule},
};

type Header = <Block as BlockT>::Header;

/// Headers asked for at once.
const BATCH: u32 = 512;
/// Months of statistics proven by one query.
const MONTHS_PER_QUERY: usize = 12;
/// Months of the UN's tabulations per query for a release.
const VITAL_MONTHS_PER_QUERY: usize = 2;

/// What the follower reports, for `civil_projectionStatus` and every answer's staleness.
#[derive(Default, Clone, Debug)]
pub struct Status {
	/// Whether the last request to the feed was answered.
	pub feed_up: bool,
	/// When the feed last answered.
	pub last_contact: Option<Instant>,
	/// Batches or blocks refused so far.
	pub refused: u64,
	/// Why the last one was refused, or why the feed could not be reached.
	pub last_error: Option<String>,
}

/// Why a step did not go through.
#[derive(Debug)]
enum StepError {
	/// The feed could not be reached or answered with an error.
	Down(String),
	/// What it answered does not check: refused.
	Refused(String),
	/// The store failed.
	Store(String),
}

/// The feed's JSON-RPC over HTTP/1.1: one request per connection, nothing else needed.
pub struct FeedClient {
	/// `host:port`.
	address: String,
}

impl FeedClient {
	/// A client of the feed at `url` (`http://host:port`).
	pub fn new(url: &str) -> Result<Self, String> {
		let rest = url
			.strip_prefix("http://")
			.ok_or_else(|| format!("the feed's address must be http://host:port, not {url}"))?;
		let address = rest.trim_end_matches('/').to_string();
		if address.is_empty() || address.contains('/') {
			return Err(format!("the feed's address must be http://host:port, not {url}"));
		}
		Ok(Self { address })
	}

	/// Calls `method` with `params`; the result, or why not.
	async fn call<T: serde::de::DeserializeOwned>(
		&self,
		method: &str,
		params: serde_json::Value,
	) -> Result<T, StepError> {
		use tokio::io::{AsyncReadExt, AsyncWriteExt};
		let down = |e: &dyn std::fmt::Display| StepError::Down(format!("{method}: {e}"));
		let body =
			serde_json::json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params })
				.to_string();
		let request = format!(
			"POST / HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: \
			 {}\r\nConnection: close\r\n\r\n{body}",
			self.address,
			body.len()
		);
		let exchange = async {
			let mut stream = tokio::net::TcpStream::connect(&self.address).await?;
			stream.write_all(request.as_bytes()).await?;
			let mut answer = Vec::new();
			// At most 256 MiB: a statistics release's proof is the largest answer.
			stream.take(256 << 20).read_to_end(&mut answer).await?;
			Ok::<_, std::io::Error>(answer)
		};
		let answer = tokio::time::timeout(Duration::from_secs(120), exchange)
			.await
			.map_err(|_| down(&"no answer within 120 s"))?
			.map_err(|e| down(&e))?;
		let split = answer
			.windows(4)
			.position(|w| w == b"\r\n\r\n")
			.ok_or_else(|| down(&"not an HTTP answer"))?;
		let (head, body) = answer.split_at(split.saturating_add(4));
		let status = String::from_utf8_lossy(head);
		if !status.starts_with("HTTP/1.1 200") {
			let line = status.lines().next().unwrap_or_default().to_string();
			return Err(down(&line));
		}
		let reply: serde_json::Value = serde_json::from_slice(body)
			.map_err(|e| StepError::Refused(format!("{method}: {e}")))?;
		if let Some(error) = reply.get("error") {
			return Err(StepError::Down(format!("{method}: the feed answered {error}")));
		}
		serde_json::from_value(reply.get("result").cloned().unwrap_or_default())
			.map_err(|e| StepError::Refused(format!("{method}: {e}")))
	}
}

/// Follows the feed into the store.
pub struct Follower {
	/// The feed.
	pub feed: FeedClient,
	/// The store.
	pub store: Arc<Store>,
	/// The genesis: hash and GRANDPA authority set, from the chain spec.
	pub genesis: (H256, sp_consensus_grandpa::AuthorityList),
	/// The statistics' disclosure control.
	pub policy: civil_registry_primitives::DisclosurePolicy,
	/// When releases fall due.
	pub schedule: Schedule,
	/// How many closed months a release holds.
	pub months: u32,
	/// What it reports.
	pub status: Arc<Mutex<Status>>,
}

/// The GRANDPA change a header signals: the delay and the next set.
fn scheduled_change(
	header: &Header,
) -> Result<Option<(u32, sp_consensus_grandpa::AuthorityList)>, String> {
	for log in header.digest().logs() {
		match log.consensus_try_to::<ConsensusLog<u32>>(&GRANDPA_ENGINE_ID) {
			Some(ConsensusLog::ScheduledChange(change)) => {
				return Ok(Some((change.delay, change.next_authorities)))
			},
			Some(ConsensusLog::ForcedChange(..)) => {
				return Err(format!(
					"block {} forces a change of the GRANDPA authority set: a forced change \
					 is an emergency the projection does not follow; rebuild it from a \
					 checked state",
					header.number()
				))
			},
			_ => {},
		}
	}
	Ok(None)
}

impl Follower {
	/// Runs until the process stops.
	pub async fn run(self) {
		loop {
			let outcome = self.step().await;
			let pause = match &outcome {
				Ok(true) => None,
				Ok(false) => Some(Duration::from_secs(1)),
				Err(_) => Some(Duration::from_secs(3)),
			};
			if let Ok(mut status) = self.status.lock() {
				match outcome {
					Ok(_) => {
						status.feed_up = true;
						status.last_contact = Some(Instant::now());
					},
					Err(StepError::Down(e)) => {
						if status.feed_up {
							log::warn!(target: "projection", "The feed is down: {e}");
						}
						status.feed_up = false;
						status.last_error = Some(e);
					},
					Err(StepError::Refused(e)) => {
						log::warn!(target: "projection", "Refused: {e}");
						status.feed_up = true;
						status.last_contact = Some(Instant::now());
						status.refused = status.refused.saturating_add(1);
						status.last_error = Some(e);
					},
					Err(StepError::Store(e)) => {
						log::error!(target: "projection", "{e}");
						status.last_error = Some(e);
					},
				}
			}
			if let Some(pause) = pause {
				tokio::time::sleep(pause).await;
			}
		}
	}

	/// One batch: `true` if blocks were projected.
	async fn step(&self) -> Result<bool, StepError> {
		let mut cursor = match self.store.cursor().map_err(StepError::Store)? {
			Some(cursor) => cursor,
			None => Cursor {
				number: 0,
				hash: self.genesis.0,
				timestamp: 0,
				set_id: 0,
				authorities: self.genesis.1.clone(),
				pending: None,
				released: 0,
			},
		};
		let batch: HeadersJson = self
			.feed
			.call("feed_headers", serde_json::json!([cursor.number.saturating_add(1), BATCH]))
			.await?;
		let Some(justification) = batch.justification else { return Ok(false) };
		let headers = batch
			.headers
			.iter()
			.map(|bytes| Header::decode(&mut &bytes[..]))
			.collect::<Result<Vec<_>, _>>()
			.map_err(|e| StepError::Refused(format!("a header does not decode: {e}")))?;
		let last = headers.last().ok_or_else(|| StepError::Refused("no headers".into()))?;
		// 1. Linked to what was projected, one after the other.
		let mut parent = (cursor.number, cursor.hash);
		for header in &headers {
			if *header.parent_hash() != parent.1 || *header.number() != parent.0.saturating_add(1) {
				return Err(StepError::Refused(format!(
					"header {} does not follow block {} ({:?})",
					header.number(),
					parent.0,
					parent.1
				)));
			}
			parent = (*header.number(), header.hash());
		}
		// 2. Finalized by the authority set that signs these blocks.
		let justification = GrandpaJustification::<Block>::decode(&justification[..])
			.map_err(|e| StepError::Refused(format!("the justification does not decode: {e}")))?;
		let target = &justification.justification.commit;
		if target.target_hash != last.hash() || target.target_number != *last.number() {
			return Err(StepError::Refused(format!(
				"the justification finalizes block {} ({:?}), not the last header {} ({:?})",
				target.target_number,
				target.target_hash,
				last.number(),
				last.hash()
			)));
		}
		justification.verify(cursor.set_id, &cursor.authorities).map_err(|e| {
			StepError::Refused(format!(
				"block {} is not finalized by GRANDPA authority set {}: {e}",
				last.number(),
				cursor.set_id
			))
		})?;
		// A change of the set takes effect at a block: the batch must stop there (the feed
		// stops it), and the blocks after are checked against the next set.
		let mut pending = cursor.pending.clone();
		for header in &headers {
			let number = *header.number();
			if let Some((delay, next)) = scheduled_change(header).map_err(StepError::Refused)? {
				pending.get_or_insert((number.saturating_add(delay), next));
			}
			if let Some((at, _)) = &pending {
				if *at == number && number != *last.number() {
					return Err(StepError::Refused(format!(
						"the authority set changes at block {number}, inside the batch"
					)));
				}
			}
		}
		// 3. Each block, proven and kept.
		for header in &headers {
			let number = *header.number();
			let (set_id, authorities, still_pending) = match &pending {
				Some((at, next)) if *at == number => {
					(cursor.set_id.saturating_add(1), next.clone(), None)
				},
				other => (cursor.set_id, cursor.authorities.clone(), other.clone()),
			};
			let (batch, timestamp, released) = self.project(header, &cursor).await?;
			let next = Cursor {
				number,
				hash: header.hash(),
				timestamp,
				set_id,
				authorities,
				pending: still_pending.clone(),
				released,
			};
			self.store.commit(batch, &next).map_err(StepError::Store)?;
			pending = still_pending;
			cursor = next;
		}
		log::info!(
			target: "projection",
			"Projected blocks to #{} ({:?})",
			cursor.number,
			cursor.hash
		);
		Ok(true)
	}

	/// `query` at block `hash`, proven by the feed and run here over the proof.
	async fn ask(&self, hash: H256, state_root: H256, query: Query) -> Result<Answer, StepError> {
		let proof: Bytes = self
			.feed
			.call("feed_prove", serde_json::json!([hash, Bytes(query.encode())]))
			.await?;
		let proof = StorageProof::decode(&mut &proof[..])
			.map_err(|e| StepError::Refused(format!("a proof does not decode: {e}")))?;
		check(state_root, proof, &query).map_err(|e| StepError::Refused(format!("{e} ({query:?})")))
	}

	/// Everything block `header` changed of what the public keeps, as one batch of writes; its
	/// time; the instant of the latest release.
	async fn project(
		&self,
		header: &Header,
		cursor: &Cursor,
	) -> Result<(Batch, u64, u64), StepError> {
		let hash = header.hash();
		let root = *header.state_root();
		let refused = |what: &str| StepError::Refused(format!("block {}: {what}", header.number()));
		let Answer::Changes(changes) = self.ask(hash, root, Query::Changes).await? else {
			return Err(refused("not an answer to the query"));
		};
		let own = civil_registry_runtime::VERSION.spec_version;
		if changes.spec_version != own && changes.spec_version != 0 {
			return Err(refused(&format!(
				"the block runs spec_version {}; this projection's binary is {own}: upgrade it",
				changes.spec_version
			)));
		}
		let mut batch = Batch::default();
		let day = Date::from_unix_millis(changes.timestamp);

		// Certificates: the new ones and every one of a touched act.
		let mut act_codes: BTreeMap<u64, Vec<H256>> = BTreeMap::new();
		let mut issued_now = BTreeSet::new();
		for (code, act) in &changes.issued {
			let codes = match act_codes.get_mut(act) {
				Some(codes) => codes,
				None => act_codes
					.entry(*act)
					.or_insert(self.store.act_codes(*act).map_err(StepError::Store)?),
			};
			if !codes.contains(code) {
				codes.push(*code);
			}
			issued_now.insert(*code);
		}
		let mut codes: BTreeSet<H256> = issued_now.clone();
		for act in &changes.touched {
			match act_codes.get(act) {
				Some(known) => codes.extend(known.iter().copied()),
				None => codes.extend(self.store.act_codes(*act).map_err(StepError::Store)?),
			}
		}
		// A key found compromised from block `since`: any certificate issued since may be its
		// own (the runtime keeps no index by issuer), so all of them are asked again — one read
		// of this store per block since, and answers for every certificate issued since, on an
		// event that dismisses a key.
		if let Some(since) = changes.compromised_since {
			for number in since..*header.number() {
				codes.extend(self.store.issued(number).map_err(StepError::Store)?);
			}
		}
		if !issued_now.is_empty() {
			batch.issued(*header.number(), &issued_now.iter().copied().collect::<Vec<_>>());
		}
		for (act, codes) in &act_codes {
			batch.act_codes(*act, codes);
		}
		let codes: Vec<H256> = codes.into_iter().collect();
		for chunk in codes.chunks(MAX_ITEMS) {
			let Answer::Certificates(answers) =
				self.ask(hash, root, Query::Certificates(chunk.to_vec())).await?
			else {
				return Err(refused("not an answer to the query"));
			};
			for (code, info) in answers {
				let before = self.store.certificate(&code).map_err(StepError::Store)?;
				let issued_on =
					if issued_now.contains(&code) { day } else { before.and_then(|c| c.issued_on) };
				batch.certificate(code, &Certificate { info, issued_on });
			}
		}

		// The day's activity per region.
		if let (Some(day), false) = (day, changes.activity.is_empty()) {
			let mut regions: BTreeMap<u32, u32> = self
				.store
				.activity(&day)
				.map_err(StepError::Store)?
				.into_iter()
				.map(|a| (a.region, a.acts))
				.collect();
			for a in &changes.activity {
				let n = regions.entry(a.region).or_default();
				*n = n.saturating_add(a.acts);
			}
			let activity: Vec<RegionActivity> = regions
				.into_iter()
				.map(|(region, acts)| RegionActivity { region, acts })
				.collect();
			batch.activity(day, &activity);
		}

		// Citizens' applications whose status changed.
		for chunk in changes.applications.chunks(MAX_ITEMS) {
			let Answer::Applications(answers) =
				self.ask(hash, root, Query::Applications(chunk.to_vec())).await?
			else {
				return Err(refused("not an answer to the query"));
			};
			for (tracking, status) in answers {
				if let Some(status) = status {
					batch.application(tracking, &status);
				}
			}
		}

		// Archive batches.
		if !changes.anchored.is_empty() {
			let Answer::Anchors(anchors) =
				self.ask(hash, root, Query::Anchors(changes.anchored.clone())).await?
			else {
				return Err(refused("not an answer to the query"));
			};
			for (root, anchor) in anchors {
				if let Some(anchor) = anchor {
					batch.anchor(root, &anchor);
				}
			}
		}

		// The directory, when it changed (and at the first block).
		let mut directory = None;
		if changes.directory || cursor.number == 0 {
			let Answer::Directory(d) = self.ask(hash, root, Query::Directory).await? else {
				return Err(refused("not an answer to the query"));
			};
			batch.directory(&d);
			directory = Some(d);
		}

		// A statistics release, at the first block at or after its instant.
		let mut released = cursor.released;
		if let Some(instant) = self.schedule.latest(changes.timestamp) {
			if instant > cursor.released && changes.timestamp >= instant {
				let directory = match directory {
					Some(d) => d,
					None => self.store.directory().map_err(StepError::Store)?.unwrap_or_default(),
				};
				if let Some((first, last)) = closed_months(instant, self.months) {
					let mut tables = BTreeMap::new();
					for chunk in months(first, last).chunks(MONTHS_PER_QUERY) {
						let query =
							Query::Statistics { months: chunk.to_vec(), policy: self.policy };
						let Answer::Statistics(answer) = self.ask(hash, root, query).await? else {
							return Err(refused("not an answer to the query"));
						};
						for table in answer {
							tables.insert((table.kind, table.month), table.cells);
						}
					}
					// The UN's tabulations: six times as many counters a month, asked for in
					// smaller chunks so that each proof stays small.
					let mut vital = BTreeMap::new();
					for chunk in months(first, last).chunks(VITAL_MONTHS_PER_QUERY) {
						let query =
							Query::VitalStatistics { months: chunk.to_vec(), policy: self.policy };
						let Answer::VitalStatistics(answer) = self.ask(hash, root, query).await?
						else {
							return Err(refused("not an answer to the query"));
						};
						vital.extend(answer);
					}
					let depths = directory.jurisdictions.iter().map(|j| (j.id, j.depth)).collect();
					batch.release(&Release {
						instant,
						number: *header.number(),
						last,
						first,
						policy: self.policy,
						depths,
						tables,
						vital,
					});
					released = instant;
				}
			}
		}
		Ok((batch, changes.timestamp, released))
	}
}
