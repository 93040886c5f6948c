//! The views every server of the node answers from, in plain JSON: a certificate's status, a
//! jurisdiction's counters, an archive record's proof, the published statistics, the
//! directory, a block's activity. Each is what the runtime API [`CivilRegistryApi`] answers at a
//! given block; a certificate check, a statistics query and an archive proof run the same
//! runtime code natively when the block's runtime is this node's own ([`run_native`]).
//!
//! **Threads.** A certificate check (2 reads) and an archive proof (1 read, at most 33 hashes)
//! run natively on the RPC server's own task: microseconds, less than handing them to a
//! blocking thread costs, and with 32 verifiers at once on two cores, 32 blocking threads only
//! took turns on the cores (p99 24 ms against 14 ms for the server's cheapest method;
//! docs/performance.md). A statistics query (up to 968 reads, milliseconds) and every query
//! through the Wasm runtime run on a blocking thread, so that they never hold up the node's
//! other tasks.

use std::sync::Arc;

use civil_registry_primitives::{
	ActKind, ArchiveProofError, CertificateInfo, CertificateStatus, Directory, DisclosurePolicy,
	OfficeState, PublishedTable, PublishedTabulation, RegionActivity, StatisticsError, YearMonth,
	MAX_ARCHIVE_PROOF,
};
use civil_registry_runtime::{apis::RegistryApi, opaque::Block, BlockNumber, CivilEvents};
use civil_registry_runtime_api::CivilRegistryApi;
use jsonrpsee::{core::RpcResult, types::ErrorObjectOwned};
use serde::{Deserialize, Serialize};
use sp_api::{CallApiAt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;
use sp_core::H256;

use super::{
	common::{
		block_time, date_text, invalid, month_text, not_found, parse_hash, parse_kind, parse_month,
		runtime_error, utc_date, BlockSelector,
	},
	native::run_native,
};

/// What `civil_verifyCertificate` answers: no person, no date, no act id.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CertificateJson {
	/// `"valid"`, `"superseded"` (the act was corrected after issue), `"revoked"`,
	/// `"underReview"` (a compromised key signed or approved the act, or issued the
	/// certificate), or, cancelled by the issuing office, `"reportedLost"`, `"reportedStolen"`
	/// or `"issuedInError"`.
	pub status: CertificateStatus,
	/// The kind of act: `"birth"`, `"death"`, `"marriage"`, `"divorce"`, `"adoption"`,
	/// `"paternity"`, `"nameChange"` or `"enrollment"`.
	pub kind: ActKind,
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

impl CertificateJson {
	/// The answer for the runtime's `info`, issued on the day `issued_on` (`"YYYY-MM-DD"`).
	pub fn new(info: CertificateInfo<BlockNumber>, issued_on: Option<String>) -> Self {
		Self {
			status: info.status,
			kind: info.kind,
			office: info.office,
			version: info.version,
			current_version: info.current_version,
			issued_at: info.issued_at,
			issued_on,
		}
	}
}

/// One line of `civil_statistics`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct MonthlyCountJson {
	/// `"YYYY-MM"`.
	pub month: String,
	/// The kind of act, as in [`CertificateJson::kind`].
	pub kind: ActKind,
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

/// The views every server answers from (the node's own `civil_*`, the public gateway): each
/// a runtime view at a given block, natively when it can.
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
pub struct Views<C, B> {
	client: Arc<C>,
	backend: Arc<B>,
	slot_duration: u64,
}

impl<C, B> Views<C, B> {
	/// The views over `client` and its `backend`, on a chain whose Aura slot is
	/// `slot_duration` milliseconds.
	pub fn new(client: Arc<C>, backend: Arc<B>, slot_duration: u64) -> Self {
		Self { client, backend, slot_duration }
	}
}

impl<C, B> Views<C, B>
where
	C: CallApiAt<Block>,
	B: sc_client_api::Backend<Block>,
{
	/// `query` run natively over the state of `block`, if the block's runtime is this node's
	/// own (see [`Views`]); `None` otherwise, and the caller takes the runtime API.
	fn native<R>(&self, block: H256, query: impl FnOnce() -> R) -> Option<R> {
		run_native(&*self.client, &*self.backend, block, query).ok()
	}
}

impl<C: HeaderBackend<Block>, B> Views<C, B> {
	/// The block `at` names ([`BlockSelector`]).
	pub fn block(&self, at: Option<&str>) -> Result<H256, ErrorObjectOwned> {
		BlockSelector::parse(at)?.resolve(&*self.client)
	}
}

impl<C: Send + Sync + 'static, B> Views<C, B> {
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

impl<C, B> Views<C, B>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + CallApiAt<Block> + Send + Sync + 'static,
	C::Api: RegistryApi<Block>,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	/// The certificate whose hash is `certificate_hash`, at `block`.
	pub async fn certificate(
		&self,
		certificate_hash: &str,
		block: H256,
	) -> RpcResult<CertificateJson> {
		let hash = parse_hash(certificate_hash)?;
		let info = match self.native(block, || CivilEvents::verify_certificate(hash)) {
			Some(info) => info,
			None => {
				self.wasm(move |client| client.runtime_api().verify_certificate(block, hash))
					.await?
			},
		}
		.ok_or_else(|| not_found(format!("no certificate has the hash {certificate_hash}")))?;
		let issued_on = block_time(&*self.client, info.issued_at, self.slot_duration).map(utc_date);
		Ok(CertificateJson::new(info, issued_on))
	}

	/// The exact counters of `jurisdiction` from `from` to `to` at `block`: for the authority
	/// network only (the public's are [`Views::published_statistics`]).
	pub fn statistics(
		&self,
		jurisdiction: u32,
		kind: Option<String>,
		from: String,
		to: String,
		block: H256,
	) -> RpcResult<Vec<MonthlyCountJson>> {
		let kind = kind.as_deref().map(parse_kind).transpose()?;
		let (from, to) = (parse_month(&from)?, parse_month(&to)?);
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
				month: month_text(row.month),
				kind: row.kind,
				count: row.count,
			})
			.collect())
	}

	/// Whether `proof` proves `record` at `index` of the archive batch `root`, at `block`.
	pub async fn archive_record(
		&self,
		root: String,
		index: u32,
		record: String,
		proof: Vec<String>,
		block: H256,
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

impl<C, B> Views<C, B>
where
	C: ProvideRuntimeApi<Block> + CallApiAt<Block>,
	C::Api: RegistryApi<Block>,
	B: sc_client_api::Backend<Block>,
{
	/// The published table of `kind` for `month` under `policy`, at `block` (disclosure
	/// control: `primitives/src/disclosure.rs`).
	pub fn published_statistics(
		&self,
		kind: ActKind,
		month: YearMonth,
		policy: DisclosurePolicy,
		block: H256,
	) -> Result<PublishedTable, ErrorObjectOwned> {
		match self.native(block, || CivilEvents::published_statistics(kind, month, policy)) {
			Some(table) => table,
			None => self
				.client
				.runtime_api()
				.published_statistics(block, kind, month, policy)
				.map_err(runtime_error)?,
		}
		.map_err(|e| invalid(format!("{e:?}")))
	}

	/// The UN's tabulations of `month` under `policy`, at `block`, as published
	/// (`primitives/src/vital.rs`).
	pub fn vital_statistics(
		&self,
		month: YearMonth,
		policy: DisclosurePolicy,
		block: H256,
	) -> Result<Vec<PublishedTabulation>, ErrorObjectOwned> {
		match self.native(block, || CivilEvents::vital_statistics(month, policy)) {
			Some(tables) => tables,
			None => self
				.client
				.runtime_api()
				.vital_statistics(block, month, policy)
				.map_err(runtime_error)?,
		}
		.map_err(|e| invalid(format!("{e:?}")))
	}

	/// Every jurisdiction and office at `block`.
	pub fn directory(&self, block: H256) -> Result<Directory, ErrorObjectOwned> {
		match self.native(block, civil_registry_runtime::public::directory) {
			Some(directory) => Ok(directory),
			None => self.client.runtime_api().directory(block).map_err(runtime_error),
		}
	}

	/// The acts block `block` registered, per region.
	pub fn block_activity(&self, block: H256) -> Result<Vec<RegionActivity>, ErrorObjectOwned> {
		match self.native(block, civil_registry_runtime::public::block_activity) {
			Some(activity) => Ok(activity),
			None => self.client.runtime_api().block_activity(block).map_err(runtime_error),
		}
	}
}

/// A jurisdiction in [`DirectoryJson`].
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct JurisdictionJson {
	/// Its id (the `jurisdiction` of `civil_publishedStatistics`).
	pub id: u32,
	/// Its code (e.g. the SOATO code).
	pub code: String,
	/// Its name.
	pub name: String,
	/// The jurisdiction above it; `null` for the country.
	pub parent: Option<u32>,
	/// 0 for the country, 1 for a region, 2 for a district.
	pub depth: u8,
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
	pub status: OfficeState,
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

impl From<&Directory> for DirectoryJson {
	fn from(directory: &Directory) -> Self {
		let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
		DirectoryJson {
			jurisdictions: directory
				.jurisdictions
				.iter()
				.map(|j| JurisdictionJson {
					id: j.id,
					code: text(&j.code),
					name: text(&j.name),
					parent: j.parent,
					depth: j.depth,
				})
				.collect(),
			offices: directory
				.offices
				.iter()
				.map(|o| OfficeJson {
					id: o.id,
					name: text(&o.name),
					jurisdiction: o.jurisdiction,
					status: o.status,
				})
				.collect(),
		}
	}
}
