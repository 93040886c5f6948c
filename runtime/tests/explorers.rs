//! What block explorers read: the runtime's inherents in the extrinsic format they decode.

// Test code: a test fails by panicking, so the panic-free lints of runtime code do not apply.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

mod common;

use civil_registry_runtime::{Block, Runtime, RuntimeCall, UncheckedExtrinsic};
use codec::{Decode, Encode};
use common::*;
use sp_block_builder::runtime_decl_for_block_builder::BlockBuilderV6;

/// The block builder's inherents (here `timestamp.set`) are version-4 bare extrinsics: the
/// byte after the length prefix is 0x04 (version 4, no signature), not FRAME's default 0x05,
/// which `@substrate/api-sidecar` 18 cannot read. They decode back to the same call.
#[test]
fn inherents_are_version_4_bare_extrinsics() {
	preset_ext("development").execute_with(|| {
		let mut data = sp_inherents::InherentData::new();
		data.put_data(*b"timstap0", &1_767_225_600_000u64).unwrap();
		let inherents = <Runtime as BlockBuilderV6<Block>>::inherent_extrinsics(data);
		assert_eq!(inherents.len(), 1);
		let encoded = inherents[0].encode();
		// A compact length (one byte for a short extrinsic), then the version byte.
		assert_eq!(encoded[1], 0x04, "version byte {:#04x}", encoded[1]);
		let decoded = UncheckedExtrinsic::decode(&mut &encoded[..]).unwrap();
		assert!(matches!(
			decoded.function,
			RuntimeCall::Timestamp(pallet_timestamp::Call::set { now: 1_767_225_600_000 })
		));
		assert_eq!(decoded.encode(), encoded, "re-encoded as it came");
	});
}
