//! The node's own `civil_*` methods, on its `--rpc-port`: for the offices' systems and the
//! integrators inside the authority network. What a client without SCALE types wants from the
//! registry, in plain JSON — checking a certificate from its QR code, the exact vital
//! statistics, proving a paper record against an anchored archive batch — at the latest
//! finalized block unless the optional last parameter `at` names another block
//! ([`super::common::BlockSelector`]: `"finalized"`, `"best"`, a number or a hash): an answer from the
//! finalized block never changes, one from the best block can be undone by a re-org. The
//! public gateway serves none of this as it is ([`super::public`]).
//!
//! Errors carry a JSON-RPC code and a message a person can act on:
//!
//! | code | meaning |
//! | --- | --- |
//! | `-32602` | invalid parameter (malformed hash, month, kind, range or block) — the message says which |
//! | `4004` | not found (no certificate with this hash, no jurisdiction with this id, no archive batch with this root, no such block) |
//! | `5000` | the runtime could not answer (e.g. the best block's state is not available) |

use std::sync::Arc;

use civil_registry_runtime::{apis::RegistryApi, opaque::Block};
use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use sp_api::{CallApiAt, ProvideRuntimeApi};
use sp_blockchain::HeaderBackend;

use super::views::{ArchiveRecordJson, CertificateJson, MonthlyCountJson, Views};

/// The `civil_*` RPC methods.
#[rpc(server, namespace = "civil")]
pub trait CivilRpc {
	/// The status of the certificate whose hash is `certificate_hash` (`0x` and 64 hex digits,
	/// the value of the QR code).
	///
	/// `at`: the block to answer at — `null` or `"finalized"` for the latest finalized block,
	/// `"best"` for the best block (a certificate issued seconds ago), a block number or a
	/// block hash.
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

/// The `civil_*` methods over the [`Views`].
pub struct Civil<C, B>(Views<C, B>);

impl<C, B> Civil<C, B> {
	/// The `civil_*` methods over `client` and its `backend`, on a chain whose Aura slot is
	/// `slot_duration` milliseconds.
	pub fn new(client: Arc<C>, backend: Arc<B>, slot_duration: u64) -> Self {
		Self(Views::new(client, backend, slot_duration))
	}
}

#[jsonrpsee::core::async_trait]
impl<C, B> CivilRpcServer for Civil<C, B>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + CallApiAt<Block> + Send + Sync + 'static,
	C::Api: RegistryApi<Block>,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
{
	async fn verify_certificate(
		&self,
		certificate_hash: String,
		at: Option<String>,
	) -> RpcResult<CertificateJson> {
		let block = self.0.block(at.as_deref())?;
		self.0.certificate(&certificate_hash, block).await
	}

	fn statistics(
		&self,
		jurisdiction: u32,
		kind: Option<String>,
		from: String,
		to: String,
		at: Option<String>,
	) -> RpcResult<Vec<MonthlyCountJson>> {
		let block = self.0.block(at.as_deref())?;
		self.0.statistics(jurisdiction, kind, from, to, block)
	}

	async fn verify_archive_record(
		&self,
		root: String,
		index: u32,
		record: String,
		proof: Vec<String>,
		at: Option<String>,
	) -> RpcResult<ArchiveRecordJson> {
		let block = self.0.block(at.as_deref())?;
		self.0.archive_record(root, index, record, proof, block).await
	}
}
