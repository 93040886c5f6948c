//! Upgrade discipline (#29): the runtime's pending migrations (`Migrations`) run on the state of
//! a populated chain — 100,000 persons enrolled from the archive, late registrations waiting,
//! signers' usage in the version-1 encoding — from the storage versions before them, with each
//! migration's checks before and after and every pallet's invariants after; and their weight
//! fits in a block. (What `try-runtime` does against a live chain's snapshot, done natively on a
//! state this test builds, so that the test command needs no second build of the runtime.)

// Test code: a test fails by panicking (and overflow in test arithmetic would be a bug of the
// test itself), so the panic-free lints that guard runtime code do not apply here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

mod common;

use civil_registry_primitives::{Date, Sex};
use civil_registry_runtime::{
	CivilEvents, Migrations, OfficesPalletName, Runtime, RuntimeOrigin, System,
};
use codec::Encode;
use common::*;
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
use pallet_civil_events::{migrations::UncheckedCountPending, ArchiveRecord};
use pallet_gate::{migrations::UncheckedMoveFromOffices, Allowance, Usage};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{Alice, Bob};

/// The persons of the chain the migrations run on.
const PERSONS: u64 = 100_000;

/// Yunusobod, where Bob registers.
const YUNUSOBOD: u32 = 15;

fn key(n: u64) -> H256 {
	H256::from_low_u64_be(n.wrapping_add(1))
}

#[test]
fn the_pending_migrations_run_on_a_chain_of_100_000_persons() {
	preset_ext("development").execute_with(|| {
		let started = std::time::Instant::now();
		// 2026-06-15, noon in UTC: after the development chain's go-live (2026-01-01).
		pallet_timestamp::Now::<Runtime>::put(1_781_524_800_000);
		let bob = Bob.to_account_id();
		for batch in 0..PERSONS.div_ceil(256) {
			let records: Vec<ArchiveRecord> = (batch * 256..((batch + 1) * 256).min(PERSONS))
				.map(|n| ArchiveRecord::Person {
					jurisdiction: YUNUSOBOD,
					birth_date: Date::new(1940 + (n % 80) as u16, 1 + (n % 12) as u8, 1 + (n % 28) as u8),
					identity_key: key(n),
					data_root: key(n + PERSONS),
					sex: if n % 2 == 0 { Sex::Female } else { Sex::Male },
					mother: None,
					father: None,
					archive_reference: key(n + 2 * PERSONS),
				})
				.collect();
			CivilEvents::enroll_batch(RuntimeOrigin::signed(bob.clone()), records.try_into().unwrap())
				.unwrap();
		}
		assert_eq!(pallet_persons::NextPersonId::<Runtime>::get(), PERSONS);
		// Late births waiting for the head: Bob's and Alice's.
		for (n, who) in (0..12u64).map(|n| (n, if n % 3 == 0 { Alice } else { Bob })) {
			CivilEvents::register_birth(
				RuntimeOrigin::signed(who.to_account_id()),
				YUNUSOBOD,
				Date::new(2026, 3, 1),
				key(3 * PERSONS + n),
				key(4 * PERSONS + n),
				Sex::Male,
				None,
				None,
				None,
				H256::repeat_byte(9),
			)
			.unwrap();
		}
		let built = started.elapsed();

		// The state as the previous runtime left it: no pending counts (civil events at
		// version 5), and each signer's usage in the offices pallet (the gate not yet a pallet
		// of its own: its storage version 0).
		let _ = pallet_civil_events::PendingBy::<Runtime>::clear(u32::MAX, None);
		let _ = pallet_civil_events::PendingOfOffice::<Runtime>::clear(u32::MAX, None);
		StorageVersion::new(5).put::<pallet_civil_events::Pallet<Runtime>>();
		let mut usages = Vec::new();
		for (n, who) in [Alice, Bob].into_iter().enumerate() {
			let usage = Usage {
				day: System::block_number() / 14_400,
				in_day: Allowance { transactions: 7 + n as u32, bytes: 2_000 },
			};
			let key = [
				sp_io::hashing::twox_128(b"Offices").to_vec(),
				sp_io::hashing::twox_128(b"SignerUsage").to_vec(),
				sp_io::hashing::blake2_128(&who.to_account_id().encode()).to_vec(),
				who.to_account_id().encode(),
			]
			.concat();
			frame_support::storage::unhashed::put_raw(&key, &usage.encode());
			pallet_gate::SignerUsage::<Runtime>::remove(who.to_account_id());
			usages.push((who, usage));
		}
		StorageVersion::new(0).put::<pallet_gate::Pallet<Runtime>>();

		type Move = UncheckedMoveFromOffices<Runtime, OfficesPalletName>;
		let before = (Move::pre_check(), UncheckedCountPending::<Runtime>::pre_check());
		let upgrading = std::time::Instant::now();
		let weight = <Migrations as OnRuntimeUpgrade>::on_runtime_upgrade();
		let upgraded = upgrading.elapsed();
		Move::post_check(before.0).unwrap();
		UncheckedCountPending::<Runtime>::post_check(before.1).unwrap();
		for (who, usage) in usages {
			assert_eq!(pallet_gate::SignerUsage::<Runtime>::get(who.to_account_id()), Some(usage));
		}
		assert_eq!(pallet_gate::Pallet::<Runtime>::on_chain_storage_version(), 1);
		assert_eq!(pallet_offices::Pallet::<Runtime>::on_chain_storage_version(), 2);
		assert_eq!(pallet_civil_events::Pallet::<Runtime>::on_chain_storage_version(), 6);
		assert_eq!(pallet_civil_events::PendingBy::<Runtime>::get(&bob), 8);
		// Every pallet's invariants, over the whole chain.
		pallet_offices::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_persons::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_civil_events::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_authorities::Pallet::<Runtime>::do_try_state().unwrap();
		pallet_gate::Pallet::<Runtime>::do_try_state().unwrap();
		// Run again, they do nothing (the versions say they ran).
		let again = <Migrations as OnRuntimeUpgrade>::on_runtime_upgrade();
		assert!(again.all_lte(weight), "{again:?} the second time");
		let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
		assert!(weight.all_lte(max), "{weight:?} over a block's {max:?}");
		println!(
			"upgrade: {PERSONS} persons built in {built:.1?}; migrations in {upgraded:.1?}, weight {weight:?} ({:.2} % of a block)",
			weight.ref_time() as f64 * 100.0 / max.ref_time() as f64
		);
	});
}
