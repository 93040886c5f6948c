//! What the projection asks of a block, and how an answer is proven.
//!
//! A [`Query`] is a question about one block's state: what the block changed of what the
//! public keeps, the current answer of some certificates, the directory, the published
//! statistics of some months, some archive batches. [`Query::run`] answers it with the
//! runtime's own view functions (`runtime/src/public.rs`, `pallet-civil-events`' `views.rs`),
//! run natively.
//!
//! The authority side ([`prove`]) runs the query over the block's state with a recorder and
//! hands over only the **storage proof**: the trie nodes the query read. The projection
//! ([`check`]) runs the same query over a state made of those nodes alone, whose root must be
//! the state root of a header it has seen finalized by GRANDPA. A proof that leaves out a node
//! the query reads, or carries a node of another state, fails: the answer is the runtime's
//! answer at that block or there is none. The proof passes through the projection's memory and
//! is dropped; only the answer is kept.

use civil_registry_primitives::{
	ActKind, BlockChanges, CertificateInfo, Directory, DisclosurePolicy, PublicAnchor,
	PublicApplicationStatus, PublishedTable, PublishedTabulation, YearMonth,
};
use civil_registry_runtime::CivilEvents;
use codec::{Decode, Encode};
use sp_core::H256;
use sp_runtime::traits::BlakeTwo256;
use sp_state_machine::{Backend, TrieBackend, TrieBackendBuilder, TrieBackendStorage};
use sp_trie::StorageProof;

/// Most certificates or archive roots one query names.
pub const MAX_ITEMS: usize = 1024;
/// Most months one statistics query names.
pub const MAX_MONTHS: usize = 120;

/// A question about one block's state.
#[derive(Encode, Decode, Clone, Debug, PartialEq, Eq)]
pub enum Query {
	/// What the block changed ([`BlockChanges`]).
	Changes,
	/// The current answer of each certificate.
	Certificates(Vec<H256>),
	/// The jurisdictions and offices.
	Directory,
	/// The published table of every kind for each month.
	Statistics { months: Vec<YearMonth>, policy: DisclosurePolicy },
	/// Each archive batch.
	Anchors(Vec<H256>),
	/// The status of each application, by its tracking code's hash.
	Applications(Vec<H256>),
	/// The UN's tabulations of each month, as published (`primitives/src/vital.rs`).
	VitalStatistics { months: Vec<YearMonth>, policy: DisclosurePolicy },
}

/// The answer to a [`Query`].
#[derive(Encode, Decode, Clone, Debug, PartialEq, Eq)]
pub enum Answer {
	/// See [`Query::Changes`].
	Changes(BlockChanges),
	/// See [`Query::Certificates`]: `None` for an unknown code (or one a sealing hid).
	Certificates(Vec<(H256, Option<CertificateInfo<u32>>)>),
	/// See [`Query::Directory`].
	Directory(Directory),
	/// See [`Query::Statistics`].
	Statistics(Vec<PublishedTable>),
	/// See [`Query::Anchors`].
	Anchors(Vec<(H256, Option<PublicAnchor>)>),
	/// See [`Query::Applications`].
	Applications(Vec<(H256, Option<PublicApplicationStatus>)>),
	/// See [`Query::VitalStatistics`]: each month's tabulations (none for a month refused).
	VitalStatistics(Vec<(YearMonth, Vec<PublishedTabulation>)>),
}

impl Query {
	/// Whether the query is within its bounds.
	pub fn is_bounded(&self) -> bool {
		match self {
			Query::Certificates(items) | Query::Anchors(items) | Query::Applications(items) => {
				items.len() <= MAX_ITEMS
			},
			Query::Statistics { months, .. } | Query::VitalStatistics { months, .. } => {
				months.len() <= MAX_MONTHS
			},
			Query::Changes | Query::Directory => true,
		}
	}

	/// The answer, from the runtime's view functions; inside externalities of the block's
	/// state.
	fn run(&self) -> Answer {
		match self {
			Query::Changes => Answer::Changes(civil_registry_runtime::public::block_changes()),
			Query::Certificates(codes) => Answer::Certificates(
				codes
					.iter()
					.map(|code| (*code, CivilEvents::verify_certificate(*code)))
					.collect(),
			),
			Query::Directory => Answer::Directory(civil_registry_runtime::public::directory()),
			Query::Statistics { months, policy } => Answer::Statistics(
				months
					.iter()
					.flat_map(|month| {
						ActKind::ALL.into_iter().filter_map(|kind| {
							CivilEvents::published_statistics(kind, *month, *policy).ok()
						})
					})
					.collect(),
			),
			Query::Anchors(roots) => Answer::Anchors(
				roots
					.iter()
					.map(|root| (*root, civil_registry_runtime::public::public_anchor(*root)))
					.collect(),
			),
			Query::Applications(codes) => Answer::Applications(
				codes
					.iter()
					.map(|code| (*code, CivilEvents::application_status(*code)))
					.collect(),
			),
			Query::VitalStatistics { months, policy } => Answer::VitalStatistics(
				months
					.iter()
					.filter_map(|month| {
						CivilEvents::vital_statistics(*month, *policy).ok().map(|t| (*month, t))
					})
					.collect(),
			),
		}
	}
}

/// `query` run over `backend`; read-only.
fn run_over<B: Backend<BlakeTwo256>>(backend: &B, query: &Query) -> Answer {
	let mut overlay = sp_state_machine::OverlayedChanges::default();
	let mut ext = sp_state_machine::Ext::new(&mut overlay, backend, None);
	sp_externalities::set_and_run_with_externalities(&mut ext, || query.run())
}

/// The answer to `query` over `state` (a block's state on an authority or archive node), and
/// the proof of it: every trie node the query read.
pub fn prove<S>(state: &TrieBackend<S, BlakeTwo256>, query: &Query) -> (Answer, StorageProof)
where
	S: TrieBackendStorage<BlakeTwo256>,
{
	let recording = TrieBackendBuilder::wrap(state).with_recorder(Default::default()).build();
	let answer = run_over(&recording, query);
	let proof = recording.extract_proof().unwrap_or_else(StorageProof::empty);
	(answer, proof)
}

/// The answer to `query` over the state of root `state_root`, from `proof` alone; an error if
/// the proof is not of that state or lacks a node the query reads.
pub fn check(state_root: H256, proof: StorageProof, query: &Query) -> Result<Answer, String> {
	let backend = sp_state_machine::create_proof_check_backend::<BlakeTwo256>(state_root, proof)
		.map_err(|e| format!("the proof is not of the block's state: {e}"))?;
	// A node missing from the proof makes a read fail, and the externalities panic on a read
	// that fails: caught here, it is a refused proof, not a stopped node.
	let _unwind = sp_panic_handler::AbortGuard::force_unwind();
	std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_over(&backend, query)))
		.map_err(|_| "the proof lacks a node the query reads".to_string())
}
