//! The access log: every read of a person through the office read API (`office.rs`), one line
//! each, in a hash chain.
//!
//! A line is a JSON object: the read (`seq`, `time`, `office`, `officer`, `method`, `target`,
//! `purpose`, `legalBasis`, `sealed`), the hash of the line before it (`prev`; zeros for the
//! first) and its own hash (`hash`), which is BLAKE2b-256 of `prev` and the read's fields in
//! their SCALE encoding ([`Entry::hash`]). Rewriting, removing, inserting or reordering a line
//! breaks the chain from there on; rewriting the whole tail consistently is caught by the
//! anchors: the node puts the log's length and last hash on chain
//! (`authorities.anchor_access_log`) at least daily and after every read of a sealed record,
//! and [`check`] compares the log with them.
//!
//! Every line is written and synced to disk before the read's answer leaves the node: a read
//! that is not logged is not answered.

use codec::Encode;
use serde::{Deserialize, Serialize};
use sp_core::H256;
use std::{
	fs::{File, OpenOptions},
	io::{BufRead, BufReader, Write},
	path::{Path, PathBuf},
	sync::Mutex,
};

/// One read.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Entry {
	/// Its position in the log, from 1.
	pub seq: u64,
	/// When it was answered, in milliseconds since the Unix epoch.
	pub time: u64,
	/// The office the officer read for.
	pub office: u32,
	/// The officer's account (SS58).
	pub officer: String,
	/// The method (`office_person`, ...).
	pub method: String,
	/// What was read (`person 12`, `act 40`, ...).
	pub target: String,
	/// The stated purpose (a code of [`crate::rpc::office::PURPOSES`]).
	pub purpose: String,
	/// The legal basis stated for a sealed record (the hash of a court decision), if any.
	pub legal_basis: Option<String>,
	/// Whether the read returned a sealed record.
	pub sealed: bool,
}

impl Entry {
	/// The entry's hash after `prev`.
	pub fn hash(&self, prev: &H256) -> H256 {
		let fields = (
			prev,
			self.seq,
			self.time,
			self.office,
			&self.officer,
			&self.method,
			&self.target,
			&self.purpose,
			&self.legal_basis,
			self.sealed,
		);
		H256(sp_io::hashing::blake2_256(&fields.encode()))
	}
}

/// A line of the log file.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Line {
	#[serde(flatten)]
	entry: Entry,
	prev: H256,
	hash: H256,
}

/// Where a log stops being what its hashes say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Broken {
	/// The first line (from 1) that is not what the chain of hashes or the anchors say.
	pub line: u64,
	/// Why.
	pub reason: String,
}

/// A log read back: each entry's hash, in order.
pub struct Chain {
	pub hashes: Vec<H256>,
	/// Whether the last entry is a read of a sealed record.
	pub last_sealed: bool,
}

impl Chain {
	/// The log's last hash (zeros if empty).
	pub fn head(&self) -> H256 {
		self.hashes.last().copied().unwrap_or_default()
	}
}

/// Read the log at `path` and check its chain of hashes.
pub fn read(path: &Path) -> Result<Result<Chain, Broken>, std::io::Error> {
	let file = match File::open(path) {
		Ok(file) => file,
		Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
			return Ok(Ok(Chain { hashes: vec![], last_sealed: false }))
		},
		Err(e) => return Err(e),
	};
	let mut hashes = Vec::new();
	let mut prev = H256::zero();
	let mut last_sealed = false;
	for (at, text) in BufReader::new(file).lines().enumerate() {
		let text = text?;
		let line_no = u64::try_from(at).unwrap_or(u64::MAX).saturating_add(1);
		let broken = |reason: String| Ok(Err(Broken { line: line_no, reason }));
		let line: Line = match serde_json::from_str(&text) {
			Ok(line) => line,
			Err(e) => return broken(format!("not an entry: {e}")),
		};
		if line.entry.seq != line_no {
			return broken(format!("entry {} where entry {line_no} belongs", line.entry.seq));
		}
		if line.prev != prev {
			return broken("its previous hash is not the hash of the line before".into());
		}
		if line.entry.hash(&prev) != line.hash {
			return broken("its hash is not the hash of its contents".into());
		}
		prev = line.hash;
		last_sealed = line.entry.sealed;
		hashes.push(line.hash);
	}
	Ok(Ok(Chain { hashes, last_sealed }))
}

/// Check a log's chain against anchors `(entries, head)`: the entry at each anchored length
/// must hash to the anchored head.
pub fn check(chain: &Chain, anchors: &[(u64, H256)]) -> Result<(), Broken> {
	for (entries, head) in anchors {
		let Some(index) = entries.checked_sub(1).and_then(|i| usize::try_from(i).ok()) else {
			continue;
		};
		match chain.hashes.get(index) {
			None => {
				return Err(Broken {
					line: u64::try_from(chain.hashes.len()).unwrap_or(u64::MAX).saturating_add(1),
					reason: format!("the log ends before entry {entries}, which is anchored"),
				})
			},
			Some(hash) if hash != head => {
				// The first entry whose hash differs from the anchored chain is unknown (only
				// the head is anchored); report the anchored entry.
				return Err(Broken {
					line: *entries,
					reason: format!(
						"entry {entries} hashes to {hash:?}, the chain anchored {head:?}: the log \
						 was rewritten at or before it"
					),
				});
			},
			Some(_) => {},
		}
	}
	Ok(())
}

/// The node's log, open for appending.
pub struct AccessLog {
	path: PathBuf,
	state: Mutex<Tail>,
}

struct Tail {
	file: File,
	head: H256,
	entries: u64,
	last_sealed: bool,
}

impl AccessLog {
	/// Open (or create) the log at `path`. A log whose chain is broken is not appended to:
	/// the operator keeps it for the audit and moves it away.
	pub fn open(path: PathBuf) -> Result<Self, String> {
		let chain = read(&path)
			.map_err(|e| format!("the access log {}: {e}", path.display()))?
			.map_err(|broken| {
				format!(
					"the access log {} is broken at line {} ({}): keep it for the audit, move it \
					 away, and start the node again",
					path.display(),
					broken.line,
					broken.reason
				)
			})?;
		let file = OpenOptions::new()
			.create(true)
			.append(true)
			.open(&path)
			.map_err(|e| format!("the access log {}: {e}", path.display()))?;
		let entries = u64::try_from(chain.hashes.len()).unwrap_or(u64::MAX);
		let tail = Tail { file, head: chain.head(), entries, last_sealed: chain.last_sealed };
		Ok(Self { path, state: Mutex::new(tail) })
	}

	/// Where the log is.
	pub fn path(&self) -> &Path {
		&self.path
	}

	/// The number of entries and the last hash.
	pub fn head(&self) -> (u64, H256) {
		self.state.lock().map(|tail| (tail.entries, tail.head)).unwrap_or_default()
	}

	/// Whether the last entry is a read of a sealed record.
	pub fn last_sealed(&self) -> bool {
		self.state.lock().map(|tail| tail.last_sealed).unwrap_or_default()
	}

	/// Append a read (its `seq` is set here) and sync it to disk; its position and hash.
	pub fn append(&self, mut entry: Entry) -> Result<(u64, H256), String> {
		let mut tail = self.state.lock().map_err(|_| "the access log's lock is poisoned")?;
		entry.seq = tail.entries.saturating_add(1);
		let prev = tail.head;
		let hash = entry.hash(&prev);
		let sealed = entry.sealed;
		let mut text = serde_json::to_string(&Line { entry, prev, hash })
			.map_err(|e| format!("the access log: {e}"))?;
		text.push('\n');
		tail.file
			.write_all(text.as_bytes())
			.and_then(|()| tail.file.sync_data())
			.map_err(|e| format!("the access log {}: {e}", self.path.display()))?;
		tail.entries = tail.entries.saturating_add(1);
		tail.head = hash;
		tail.last_sealed = sealed;
		Ok((tail.entries, hash))
	}
}
