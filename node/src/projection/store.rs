//! The projection's own store: ParityDB, in `<base path>/projection`.
//!
//! **Why ParityDB.** The node already builds it (it is the chain's database), so the
//! projection adds no database to the binary, to the build or to an operator's skills. It is
//! made for this shape of data: values found by a hash (a certificate by its code), written
//! in batches that are atomic across columns and survive a crash (its write-ahead log), read
//! by many threads at once without locks. SQLite would add a C library and a query language
//! nothing here needs; RocksDB is what this project keeps out of its build.
//!
//! **What it holds** — what the public may know, and the two indexes that keep it current:
//!
//! | column | key | value |
//! | --- | --- | --- |
//! | meta | `cursor` | the last block projected: number, hash, time, the GRANDPA authority set that finalizes the next ones, the last release's instant |
//! | meta | `directory` | the jurisdictions and offices, by name |
//! | meta | `release` | the latest statistics release: the tables after disclosure control |
//! | meta | `issued` and a block number | the codes of the certificates issued in that block: which answers to ask again when a key is found compromised from a block on |
//! | certificates | a certificate's code | its answer (status, kind, office, versions, block and day of issue), or none while its act is sealed |
//! | act codes | an act's id | the codes of its certificates: which answers to ask again when the act changes |
//! | activity | a day | the acts registered that day per region |
//! | anchors | an archive batch's root | its count, office, period and block |
//! | meta | `application` and a tracking code's hash | the application's status, nothing else (the code itself is the citizen's, never here) |
//!
//! No block body, no runtime state, no person id, identity key, data root, document hash or
//! date of a person's event. Certificate codes are kept as they are, not hashed: when an act
//! changes, the projection asks the runtime for its certificates' new answers by code, which
//! a hash would not let it do (a code is what its holder already has, and nothing else). Act
//! ids are the registry's numbers of acts, which say nothing of a person.
//!
//! Each block is written in **one commit** with the cursor: a projection stopped at any moment
//! restarts from its last whole block, with neither a gap nor a block counted twice.

use std::path::Path;

use civil_registry_primitives::{
	CertificateInfo, Date, Directory, PublicAnchor, PublicApplicationStatus, RegionActivity,
};
use codec::{Decode, Encode};
use sp_consensus_grandpa::AuthorityList;
use sp_core::H256;

use crate::rpc::release::Release;

const META: u8 = 0;
const CERTIFICATES: u8 = 1;
const ACT_CODES: u8 = 2;
const ACTIVITY: u8 = 3;
const ANCHORS: u8 = 4;
const COLUMNS: u8 = 5;

const CURSOR: &[u8] = b"cursor";
const DIRECTORY: &[u8] = b"directory";
const RELEASE: &[u8] = b"release";
const ISSUED: &[u8] = b"issued";
const APPLICATION: &[u8] = b"application";

/// The key of the application whose tracking code hashes to `tracking`.
fn application_key(tracking: &H256) -> Vec<u8> {
	[APPLICATION, &tracking.0[..]].concat()
}

/// The key of the codes issued in block `number`.
fn issued_key(number: u32) -> Vec<u8> {
	[ISSUED, &number.to_be_bytes()[..]].concat()
}

/// Where the projection stands: the last block it projected, and what it needs to check the
/// next ones.
#[derive(Encode, Decode, Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
	/// The last block projected (0: none yet, the genesis).
	pub number: u32,
	/// Its hash: the next header's parent.
	pub hash: H256,
	/// Its time, milliseconds since 1970 (0 for the genesis).
	pub timestamp: u64,
	/// The id of the GRANDPA authority set that finalizes the next blocks.
	pub set_id: u64,
	/// That set.
	pub authorities: AuthorityList,
	/// A change of the set signalled and not yet enacted: the block that enacts it, and the
	/// next set.
	pub pending: Option<(u32, AuthorityList)>,
	/// The instant of the last statistics release (0: none).
	pub released: u64,
}

/// A certificate as the projection keeps it.
#[derive(Encode, Decode, Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
	/// Its answer; `None` while its act is not public (sealed by an adoption).
	pub info: Option<CertificateInfo<u32>>,
	/// The day it was issued (UTC), from its block's time.
	pub issued_on: Option<Date>,
}

/// One block's writes, committed at once with the new cursor.
#[derive(Default)]
pub struct Batch {
	ops: Vec<(u8, Vec<u8>, Option<Vec<u8>>)>,
}

impl Batch {
	/// Keep `certificate` under `code`.
	pub fn certificate(&mut self, code: H256, certificate: &Certificate) {
		self.ops.push((CERTIFICATES, code.0.to_vec(), Some(certificate.encode())));
	}

	/// The codes of act `act`'s certificates are `codes`.
	pub fn act_codes(&mut self, act: u64, codes: &[H256]) {
		self.ops.push((ACT_CODES, act.to_le_bytes().to_vec(), Some(codes.encode())));
	}

	/// The certificates issued in block `number` are `codes`.
	pub fn issued(&mut self, number: u32, codes: &[H256]) {
		self.ops.push((META, issued_key(number), Some(codes.encode())));
	}

	/// The acts registered on `day`, per region, are `activity`.
	pub fn activity(&mut self, day: Date, activity: &[RegionActivity]) {
		self.ops.push((ACTIVITY, day.encode(), Some(activity.encode())));
	}

	/// Keep the archive batch `root`.
	pub fn anchor(&mut self, root: H256, anchor: &PublicAnchor) {
		self.ops.push((ANCHORS, root.0.to_vec(), Some(anchor.encode())));
	}

	/// The application with tracking hash `tracking` stands at `status`.
	pub fn application(&mut self, tracking: H256, status: &PublicApplicationStatus) {
		self.ops.push((META, application_key(&tracking), Some(status.encode())));
	}

	/// The directory is `directory`.
	pub fn directory(&mut self, directory: &Directory) {
		self.ops.push((META, DIRECTORY.to_vec(), Some(directory.encode())));
	}

	/// The latest release is `release`.
	pub fn release(&mut self, release: &Release) {
		self.ops.push((META, RELEASE.to_vec(), Some(release.encode())));
	}
}

/// The store.
pub struct Store {
	db: parity_db::Db,
}

impl Store {
	/// Opens (or creates) the store in `path`.
	pub fn open(path: &Path) -> Result<Self, String> {
		std::fs::create_dir_all(path).map_err(|e| format!("{}: {e}", path.display()))?;
		let options = parity_db::Options::with_columns(path, COLUMNS);
		let db = parity_db::Db::open_or_create(&options)
			.map_err(|e| format!("the projection's store in {}: {e}", path.display()))?;
		Ok(Self { db })
	}

	fn get<T: Decode>(&self, column: u8, key: &[u8]) -> Result<Option<T>, String> {
		self.db
			.get(column, key)
			.map_err(|e| format!("the projection's store: {e}"))?
			.map(|bytes| T::decode(&mut &bytes[..]))
			.transpose()
			.map_err(|e| format!("the projection's store holds an undecodable value: {e}"))
	}

	/// Where the projection stands; `None` before its first block.
	pub fn cursor(&self) -> Result<Option<Cursor>, String> {
		self.get(META, CURSOR)
	}

	/// The certificate of code `code`, if it was ever issued.
	pub fn certificate(&self, code: &H256) -> Result<Option<Certificate>, String> {
		self.get(CERTIFICATES, &code.0)
	}

	/// The codes of act `act`'s certificates.
	pub fn act_codes(&self, act: u64) -> Result<Vec<H256>, String> {
		Ok(self.get(ACT_CODES, &act.to_le_bytes())?.unwrap_or_default())
	}

	/// The codes of the certificates issued in block `number`.
	pub fn issued(&self, number: u32) -> Result<Vec<H256>, String> {
		Ok(self.get(META, &issued_key(number))?.unwrap_or_default())
	}

	/// The acts registered on `day`, per region.
	pub fn activity(&self, day: &Date) -> Result<Vec<RegionActivity>, String> {
		Ok(self.get(ACTIVITY, &day.encode())?.unwrap_or_default())
	}

	/// The archive batch `root`.
	pub fn anchor(&self, root: &H256) -> Result<Option<PublicAnchor>, String> {
		self.get(ANCHORS, &root.0)
	}

	/// The status of the application whose tracking code hashes to `tracking`.
	pub fn application(&self, tracking: &H256) -> Result<Option<PublicApplicationStatus>, String> {
		self.get(META, &application_key(tracking))
	}

	/// The directory.
	pub fn directory(&self) -> Result<Option<Directory>, String> {
		self.get(META, DIRECTORY)
	}

	/// The latest release. One written by an earlier version of the node, before the UN's
	/// tabulations, does not decode: none until the next release, which replaces it.
	pub fn release(&self) -> Result<Option<Release>, String> {
		match self.get(META, RELEASE) {
			Err(e) if e.contains("undecodable") => {
				log::warn!(target: "projection", "The stored statistics release is of an earlier format: none until the next release");
				Ok(None)
			},
			other => other,
		}
	}

	/// Writes `batch` and `cursor` in one commit.
	pub fn commit(&self, mut batch: Batch, cursor: &Cursor) -> Result<(), String> {
		batch.ops.push((META, CURSOR.to_vec(), Some(cursor.encode())));
		self.db.commit(batch.ops).map_err(|e| format!("the projection's store: {e}"))
	}
}
