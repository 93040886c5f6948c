//! The runtime APIs: what the node and clients may ask the runtime.

// `impl_runtime_apis!` expands to code that is not ours to lint.
#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic)]

use alloc::vec::Vec;
use civil_registry_primitives::{
	ActId, ActKind, ArchiveProofError, CertificateInfo, Directory, DisclosurePolicy, FeedEvent,
	JurisdictionId, MonthlyCount, NotificationId, OfficeId, OverdueNotification, PersonId,
	PersonRecord, PersonRegistry, PublicApplicationStatus, PublishedTable, PublishedTabulation,
	RegionActivity, ReviewItem, StatisticsError, YearMonth,
};
use codec::{Decode, Encode};
use frame_support::genesis_builder_helper::{build_state, get_preset};
use pallet_grandpa::AuthorityId as GrandpaId;
use scale_info::TypeInfo;
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::{Block as BlockT, NumberFor},
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

use super::{
	AccountId, Aura, Block, BlockNumber, CivilEvents, Executive, Grandpa, InherentDataExt, Nonce,
	Persons, Runtime, RuntimeGenesisConfig, SessionKeys, System, VERSION,
};

/// An act as the public sees it through [`CivilRegistryApi::act`]: the current version, every
/// superseded version (oldest first) with who corrected it and why, and its revocation, if any.
#[derive(Encode, Decode, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct ActRecord {
	/// The act's id.
	pub id: ActId,
	/// The current version.
	pub current: pallet_civil_events::Act<Runtime>,
	/// The versions amendments replaced, oldest first.
	pub versions: Vec<pallet_civil_events::SupersededVersion<Runtime>>,
	/// How the act was revoked, if it was.
	pub revocation: Option<pallet_civil_events::Revocation<Runtime>>,
}

pub use civil_registry_runtime_api::ActsPage;
#[cfg(feature = "std")]
pub use civil_registry_runtime_api::{CivilRegistryApi, OfficeReadApi};

/// [`CivilRegistryApi`] with this runtime's answer types: what the node asks for
/// (`C::Api: RegistryApi<Block>`). The declaration is in `civil-registry-runtime-api`.
#[cfg(feature = "std")]
pub trait RegistryApi<B: BlockT>:
	CivilRegistryApi<
	B,
	AccountId,
	BlockNumber,
	ActRecord,
	pallet_offices::Officer<Runtime>,
	pallet_offices::Office<Runtime>,
	pallet_civil_events::ArchiveAnchor<Runtime>,
>
{
}

/// [`OfficeReadApi`] with this runtime's types: what the office read API asks for.
#[cfg(feature = "std")]
pub trait OfficeApi<B: BlockT>:
	OfficeReadApi<B, pallet_civil_events::ReplacedParents, pallet_authorities::AccessLogAnchor>
{
}

#[cfg(feature = "std")]
impl<B: BlockT, T> OfficeApi<B> for T where
	T: OfficeReadApi<B, pallet_civil_events::ReplacedParents, pallet_authorities::AccessLogAnchor>
{
}

#[cfg(feature = "std")]
impl<B: BlockT, T> RegistryApi<B> for T where
	T: CivilRegistryApi<
		B,
		AccountId,
		BlockNumber,
		ActRecord,
		pallet_offices::Officer<Runtime>,
		pallet_offices::Office<Runtime>,
		pallet_civil_events::ArchiveAnchor<Runtime>,
	>
{
}

impl_runtime_apis! {
	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block);
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			// Inherents in the version-4 format: the block explorers people run (e.g.
			// `@substrate/api-sidecar` 18 and the polkadot.js it bundles) read version-4
			// extrinsics only and fail on a whole block that holds one in FRAME's default
			// version-5 "bare" format. A bare extrinsic is the call alone in either version, so
			// nothing is lost; the runtime reads both.
			data.create_extrinsics()
				.into_iter()
				.map(|xt| match xt.preamble {
					sp_runtime::generic::Preamble::Bare(_) => {
						crate::UncheckedExtrinsic::new_bare_legacy(xt.function)
					},
					_ => xt,
				})
				.collect()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(Aura::slot_duration())
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(
			encoded: Vec<u8>,
		) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl sp_consensus_grandpa::GrandpaApi<Block> for Runtime {
		fn grandpa_authorities() -> sp_consensus_grandpa::AuthorityList {
			Grandpa::grandpa_authorities()
		}

		fn current_set_id() -> sp_consensus_grandpa::SetId {
			Grandpa::current_set_id()
		}

		fn submit_report_equivocation_unsigned_extrinsic(
			_equivocation_proof: sp_consensus_grandpa::EquivocationProof<
				<Block as BlockT>::Hash,
				NumberFor<Block>,
			>,
			_key_owner_proof: sp_consensus_grandpa::OpaqueKeyOwnershipProof,
		) -> Option<()> {
			None
		}

		fn generate_key_ownership_proof(
			_set_id: sp_consensus_grandpa::SetId,
			_authority_id: GrandpaId,
		) -> Option<sp_consensus_grandpa::OpaqueKeyOwnershipProof> {
			// No equivocation reports: authorities are departments, removed by governance, and
			// the chain has nothing to slash.
			None
		}
	}

	impl civil_registry_runtime_api::OfficeReadApi<
		Block,
		pallet_civil_events::ReplacedParents,
		pallet_authorities::AccessLogAnchor,
	> for Runtime {
		fn replaced_parents(child: PersonId) -> Option<pallet_civil_events::ReplacedParents> {
			pallet_civil_events::AdoptionInEffect::<Runtime>::get(child)
		}

		fn anchor_key(
			keys: Vec<sp_core::sr25519::Public>,
		) -> Option<sp_core::sr25519::Public> {
			let validators = pallet_session::Validators::<Runtime>::get();
			keys.into_iter().find(|key| {
				pallet_session::Pallet::<Runtime>::key_owner(
					pallet_authorities::access_log::ANCHOR_KEY_TYPE,
					key.as_ref(),
				)
				.is_some_and(|owner| validators.contains(&owner))
			})
		}

		fn anchored_entries(key: sp_core::sr25519::Public) -> u64 {
			pallet_authorities::AccessLogHeads::<Runtime>::get(key).map_or(0, |h| h.entries)
		}

		fn block_anchors(
			keys: Vec<sp_core::sr25519::Public>,
		) -> Vec<pallet_authorities::AccessLogAnchor> {
			crate::public::block_anchors(&keys)
		}
	}

	#[api_version(4)]
	impl civil_registry_runtime_api::CivilRegistryApi<
		Block,
		AccountId,
		BlockNumber,
		ActRecord,
		pallet_offices::Officer<Runtime>,
		pallet_offices::Office<Runtime>,
		pallet_civil_events::ArchiveAnchor<Runtime>,
	> for Runtime {
		fn person(id: PersonId) -> Option<PersonRecord> {
			<Persons as PersonRegistry>::person(id)
		}

		fn act(id: ActId) -> Option<ActRecord> {
			Some(ActRecord {
				id,
				current: CivilEvents::public_act(id)?,
				versions: CivilEvents::public_versions(id),
				revocation: pallet_civil_events::Revocations::<Runtime>::get(id),
			})
		}

		fn acts_of(person: PersonId, offset: u32, limit: u32) -> ActsPage {
			let (total, acts) = CivilEvents::public_acts_of(person, offset, limit);
			ActsPage { total, acts }
		}

		fn officer(account: AccountId) -> Option<pallet_offices::Officer<Runtime>> {
			pallet_offices::Officers::<Runtime>::get(account)
		}

		fn office(id: OfficeId) -> Option<pallet_offices::Office<Runtime>> {
			pallet_offices::Offices::<Runtime>::get(id)
		}

		fn verify_certificate(
			certificate_hash: sp_core::H256,
		) -> Option<CertificateInfo<BlockNumber>> {
			CivilEvents::verify_certificate(certificate_hash)
		}

		fn statistics(
			jurisdiction: JurisdictionId,
			kind: Option<ActKind>,
			from: YearMonth,
			to: YearMonth,
		) -> Result<Vec<MonthlyCount>, StatisticsError> {
			CivilEvents::statistics(jurisdiction, kind, from, to)
		}

		fn published_statistics(
			kind: ActKind,
			month: YearMonth,
			policy: DisclosurePolicy,
		) -> Result<PublishedTable, StatisticsError> {
			CivilEvents::published_statistics(kind, month, policy)
		}

		fn directory() -> Directory {
			crate::public::directory()
		}

		fn block_activity() -> Vec<RegionActivity> {
			crate::public::block_activity()
		}

		fn acts_under_review(
			officer: AccountId,
		) -> Vec<ReviewItem<BlockNumber>> {
			CivilEvents::acts_under_review(officer)
		}

		fn overdue_notifications(
			jurisdiction: JurisdictionId,
			from: NotificationId,
			limit: u32,
		) -> Vec<OverdueNotification> {
			// Without a clock (no block has set the time yet) nothing is overdue.
			CivilEvents::today().map_or_else(
				|_| Vec::new(),
				|today| CivilEvents::overdue_notifications(jurisdiction, today, from, limit),
			)
		}

		fn application_status(tracking: sp_core::H256) -> Option<PublicApplicationStatus> {
			CivilEvents::application_status(tracking)
		}

		fn feed_events() -> Vec<FeedEvent> {
			crate::public::feed_events()
		}

		fn vital_statistics(
			month: YearMonth,
			policy: DisclosurePolicy,
		) -> Result<Vec<PublishedTabulation>, StatisticsError> {
			CivilEvents::vital_statistics(month, policy)
		}

		fn verify_archive_record(
			root: sp_core::H256,
			index: u32,
			record: sp_core::H256,
			proof: Vec<sp_core::H256>,
		) -> Result<pallet_civil_events::ArchiveAnchor<Runtime>, ArchiveProofError> {
			CivilEvents::verify_archive_record(root, index, record, proof)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use super::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = AllPalletsWithSystem::storage_info();

			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::BenchmarkBatch;
			use sp_storage::TrackedStorageKey;
			use frame_system_benchmarking::extensions::Pallet as SystemExtensionsBench;
			use super::*;

			use frame_support::traits::WhitelistedStorageKeys;
			let whitelist: Vec<TrackedStorageKey> = AllPalletsWithSystem::whitelisted_storage_keys();

			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);

			Ok(batches)
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(
			checks: frame_try_runtime::UpgradeCheckSelect,
		) -> (frame_support::weights::Weight, frame_support::weights::Weight) {
			// A failing migration check must stop try-runtime here, with a backtrace.
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, super::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect
		) -> frame_support::weights::Weight {
			// try-runtime is an off-chain testing tool: a failing block must stop it loudly.
			match Executive::try_execute_block(block, state_root_check, signature_check, select) {
				Ok(weight) => weight,
				Err(e) => panic!("execute-block failed: {e:?}"),
			}
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, crate::genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			crate::genesis_config_presets::preset_names()
		}
	}
}
