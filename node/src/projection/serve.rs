//! What the projection answers the public, from its store only: the methods of the public
//! gateway that the public needs, with the same answers, and the projection's own status.
//! Every answer says which block it is as of and how stale that is (`asOf`): a projection
//! whose feed is down keeps answering what it has, and says so.

use std::{
	sync::{Arc, Mutex},
	time::{SystemTime, UNIX_EPOCH},
};

use civil_registry_primitives::{
	verify_archive_proof, ArchiveProofError, Date, PublicApplicationStatus, RegionActivity,
	MAX_ARCHIVE_PROOF,
};
use jsonrpsee::{core::RpcResult, proc_macros::rpc, types::ErrorObjectOwned};
use serde::{Deserialize, Serialize};
use sp_core::H256;

use super::{store::Store, sync::Status};
use crate::rpc::{
	common::{date_text, invalid, no_block, not_found, parse_hash, runtime_error, utc_date},
	release::{parse_question, PublishedStatisticsJson, VitalStatisticsJson},
	views::{self, ArchiveRecordJson, DirectoryJson},
};

/// The block an answer is as of, and how stale it is.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AsOfJson {
	/// The last block projected.
	pub block: u32,
	/// Its time: milliseconds since 1970, UTC.
	pub timestamp: u64,
	/// Seconds from that time to now.
	pub stale_seconds: u64,
	/// Whether the feed answers: `false` while it is down (the answers are then as of the
	/// last block the projection could check).
	pub feed_up: bool,
}

/// What `civil_verifyCertificate` answers here: the gateway's answer, and what it is as of.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CertificateJson {
	/// The certificate's status, kind, office, versions, block and day of issue.
	#[serde(flatten)]
	pub certificate: views::CertificateJson,
	/// What the answer is as of.
	pub as_of: AsOfJson,
}

/// What `civil_heartbeat` answers here.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct HeartbeatJson {
	/// The last block projected.
	pub finalized: u32,
	/// Its hash.
	pub hash: H256,
	/// Its time: milliseconds since 1970, UTC.
	pub timestamp: u64,
	/// Its day, `"YYYY-MM-DD"` (UTC), whose acts are counted.
	pub day: String,
	/// The day's acts per region, by region id.
	pub acts_by_region: Vec<RegionActivity>,
	/// Their sum.
	pub acts: u32,
	/// What the answer is as of.
	pub as_of: AsOfJson,
}

/// What `civil_applicationStatus` answers: the status, and what it is as of.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationJson {
	/// `received`, `accepted`, `waiting`, `registered` or `{ "refused": reason }`.
	pub status: PublicApplicationStatus,
	/// What the answer is as of.
	pub as_of: AsOfJson,
}

/// The longest tracking code taken: the codes offices print are 20 characters.
pub const MAX_TRACKING_CODE: usize = 64;

/// The hash on chain of tracking code `code` (BLAKE2-256 of its characters, as typed: the
/// portal sends them upper-case, without spaces or dashes); an error for a code that is empty,
/// too long, or holds anything but letters and digits.
pub fn tracking_hash(code: &str) -> Result<H256, ErrorObjectOwned> {
	if code.is_empty() || code.len() > MAX_TRACKING_CODE {
		return Err(invalid(format!(
			"a tracking code has 1 to {MAX_TRACKING_CODE} characters, this one {}",
			code.len()
		)));
	}
	if !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
		return Err(invalid("a tracking code holds letters and digits only"));
	}
	Ok(H256(sp_io::hashing::blake2_256(code.as_bytes())))
}

/// What `civil_projectionStatus` answers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct StatusJson {
	/// Where the projection stands.
	pub as_of: Option<AsOfJson>,
	/// The GRANDPA authority set it checks the next blocks against.
	pub set_id: u64,
	/// Batches or blocks it refused (a justification or proof that does not check).
	pub refused: u64,
	/// Why the last was refused, or why the feed could not be reached.
	pub last_error: Option<String>,
}

/// The projection's public methods.
#[rpc(server, namespace = "civil")]
pub trait ProjectionApi {
	/// The status of the certificate whose hash is `certificate_hash` (the QR code's value).
	#[method(name = "verifyCertificate")]
	fn verify_certificate(
		&self,
		certificate_hash: String,
		at: Option<serde_json::Value>,
	) -> RpcResult<CertificateJson>;

	/// Whether `proof` proves the paper record `record` at `index` of the batch `root`.
	#[method(name = "verifyArchiveRecord")]
	fn verify_archive_record(
		&self,
		root: String,
		index: u32,
		record: String,
		proof: Vec<String>,
		at: Option<serde_json::Value>,
	) -> RpcResult<ArchiveRecordJson>;

	/// The released statistics (as the gateway's `civil_publishedStatistics`).
	#[method(name = "publishedStatistics")]
	fn published_statistics(
		&self,
		jurisdiction: u32,
		kind: Option<String>,
		from: String,
		to: String,
		at: Option<serde_json::Value>,
	) -> RpcResult<PublishedStatisticsJson>;

	/// The released UN vital statistics (as the gateway's `civil_vitalStatistics`).
	#[method(name = "vitalStatistics")]
	fn vital_statistics(
		&self,
		jurisdiction: u32,
		from: String,
		to: String,
		at: Option<serde_json::Value>,
	) -> RpcResult<VitalStatisticsJson>;

	/// The last block projected and the acts registered on its day per region.
	#[method(name = "heartbeat")]
	fn heartbeat(&self) -> RpcResult<HeartbeatJson>;

	/// The jurisdictions and offices.
	#[method(name = "directory")]
	fn directory(&self) -> RpcResult<DirectoryJson>;

	/// Where the projection stands, and what it refused.
	#[method(name = "projectionStatus")]
	fn projection_status(&self) -> RpcResult<StatusJson>;

	/// The status of the citizen's application with tracking code `code`, and nothing else.
	#[method(name = "applicationStatus")]
	fn application_status(&self, code: String) -> RpcResult<ApplicationJson>;
}

/// The projection's answers.
pub struct Projection {
	/// The store.
	pub store: Arc<Store>,
	/// The follower's report.
	pub status: Arc<Mutex<Status>>,
}

/// What a block parameter is told on the projection.
const LAST_BLOCK_ONLY: &str = "the public projection answers at its last block only";

impl Projection {
	fn as_of(&self) -> Result<Option<(AsOfJson, H256)>, ErrorObjectOwned> {
		let Some(cursor) = self.store.cursor().map_err(runtime_error)? else { return Ok(None) };
		let now = SystemTime::now()
			.duration_since(UNIX_EPOCH)
			.map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX));
		let feed_up = self.status.lock().map(|s| s.feed_up).unwrap_or(false);
		Ok(Some((
			AsOfJson {
				block: cursor.number,
				timestamp: cursor.timestamp,
				stale_seconds: now.saturating_sub(cursor.timestamp) / 1000,
				feed_up,
			},
			cursor.hash,
		)))
	}

	fn require_as_of(&self) -> Result<(AsOfJson, H256), ErrorObjectOwned> {
		self.as_of()?
			.ok_or_else(|| runtime_error("the projection has not projected a block yet"))
	}
}

impl ProjectionApiServer for Projection {
	fn verify_certificate(
		&self,
		certificate_hash: String,
		at: Option<serde_json::Value>,
	) -> RpcResult<CertificateJson> {
		no_block(at, LAST_BLOCK_ONLY)?;
		let code = parse_hash(&certificate_hash)?;
		let (as_of, _) = self.require_as_of()?;
		let unknown = || not_found(format!("no certificate has the hash {certificate_hash}"));
		let certificate =
			self.store.certificate(&code).map_err(runtime_error)?.ok_or_else(unknown)?;
		let info = certificate.info.ok_or_else(unknown)?;
		Ok(CertificateJson {
			certificate: views::CertificateJson::new(info, certificate.issued_on.map(date_text)),
			as_of,
		})
	}

	fn verify_archive_record(
		&self,
		root: String,
		index: u32,
		record: String,
		proof: Vec<String>,
		at: Option<serde_json::Value>,
	) -> RpcResult<ArchiveRecordJson> {
		no_block(at, LAST_BLOCK_ONLY)?;
		let root_hash = parse_hash(&root)?;
		let record = parse_hash(&record)?;
		if proof.len() > MAX_ARCHIVE_PROOF as usize {
			return Err(invalid(format!(
				"a proof holds at most {MAX_ARCHIVE_PROOF} hashes, this one {}",
				proof.len()
			)));
		}
		let proof = proof.iter().map(|h| parse_hash(h)).collect::<Result<Vec<_>, _>>()?;
		let anchor = self.store.anchor(&root_hash).map_err(runtime_error)?.ok_or_else(|| {
			not_found(format!("no archive batch is anchored with the root {root}"))
		})?;
		let refused = |reason: &str| ArchiveRecordJson {
			proven: false,
			reason: Some(reason.into()),
			count: None,
			office: None,
			period_from: None,
			period_to: None,
			anchored_at: None,
		};
		match verify_archive_proof(&root_hash, anchor.count, index, &record, &proof) {
			Ok(()) => {},
			Err(ArchiveProofError::IndexOutOfRange) => return Ok(refused("indexOutOfRange")),
			Err(_) => return Ok(refused("notProven")),
		}
		Ok(ArchiveRecordJson {
			proven: true,
			reason: None,
			count: Some(anchor.count),
			office: Some(anchor.office),
			period_from: Some(date_text(anchor.from)),
			period_to: Some(date_text(anchor.to)),
			anchored_at: Some(anchor.anchored_at),
		})
	}

	fn published_statistics(
		&self,
		jurisdiction: u32,
		kind: Option<String>,
		from: String,
		to: String,
		at: Option<serde_json::Value>,
	) -> RpcResult<PublishedStatisticsJson> {
		no_block(at, LAST_BLOCK_ONLY)?;
		parse_question(kind.as_deref(), &from, &to)?;
		match self.store.release().map_err(runtime_error)? {
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
		no_block(at, LAST_BLOCK_ONLY)?;
		parse_question(None, &from, &to)?;
		match self.store.release().map_err(runtime_error)? {
			Some(release) => release.answer_vital(jurisdiction, &from, &to),
			None => Ok(VitalStatisticsJson { release: None, rows: Vec::new() }),
		}
	}

	fn heartbeat(&self) -> RpcResult<HeartbeatJson> {
		let (as_of, hash) = self.require_as_of()?;
		let day = Date::from_unix_millis(as_of.timestamp);
		let acts_by_region = match day {
			Some(day) => self.store.activity(&day).map_err(runtime_error)?,
			None => Vec::new(),
		};
		Ok(HeartbeatJson {
			finalized: as_of.block,
			hash,
			timestamp: as_of.timestamp,
			day: utc_date(as_of.timestamp),
			acts: acts_by_region.iter().fold(0u32, |sum, a| sum.saturating_add(a.acts)),
			acts_by_region,
			as_of,
		})
	}

	fn directory(&self) -> RpcResult<DirectoryJson> {
		let directory = self
			.store
			.directory()
			.map_err(runtime_error)?
			.ok_or_else(|| runtime_error("the projection has not projected a block yet"))?;
		Ok(DirectoryJson::from(&directory))
	}

	fn application_status(&self, code: String) -> RpcResult<ApplicationJson> {
		let tracking = tracking_hash(&code)?;
		let (as_of, _) = self.require_as_of()?;
		let status = self
			.store
			.application(&tracking)
			.map_err(runtime_error)?
			.ok_or_else(|| not_found("no application has this tracking code"))?;
		Ok(ApplicationJson { status, as_of })
	}

	fn projection_status(&self) -> RpcResult<StatusJson> {
		let as_of = self.as_of()?.map(|(as_of, _)| as_of);
		let set_id = self.store.cursor().map_err(runtime_error)?.map_or(0, |c| c.set_id);
		let status = self.status.lock().map_err(|_| runtime_error("poisoned"))?.clone();
		Ok(StatusJson { as_of, set_id, refused: status.refused, last_error: status.last_error })
	}
}
