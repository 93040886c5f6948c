//! Upgrade discipline (#29): the runtime's pending migrations — `Migrations` in the upgrade's
//! block, then `pallet-migrations`' list over as many blocks as it takes — run on the state of a
//! populated chain — 100,000 persons enrolled from the archive, hundreds of acts of every other
//! kind, late registrations waiting, signers' usage in the version-1 encoding, every act in the
//! version-6 encoding — from the storage versions before them, with each migration's checks
//! before and after and every pallet's invariants after; and each block's share fits in it. (What `try-runtime` does against a live chain's snapshot, done natively on a
//! state this test builds, so that the test command needs no second build of the runtime.)

// Test code: a test fails by panicking (and overflow in test arithmetic would be a bug of the
// test itself), so the panic-free lints that guard runtime code do not apply here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

mod common;

use civil_registry_primitives::{Date, Sex};
use civil_registry_runtime::{
	configs::MbmServiceWeight, CivilEvents, Migrations, OfficesPalletName, Runtime, RuntimeOrigin,
	System,
};
use codec::Encode;
use common::*;
use frame_support::{
	migrations::SteppedMigration,
	traits::{GetStorageVersion, Hooks, OnRuntimeUpgrade, StorageVersion},
	weights::WeightMeter,
};
use pallet_civil_events::{
	migrations::{v6, AdoptionParents, TypedActs},
	ActDetails, ArchiveRecord, DivorceGrounds,
};
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
				None,
				None,
				H256::repeat_byte(9),
			)
			.unwrap();
		}
		acts_of_every_kind();
		let built = started.elapsed();
		let acts = pallet_civil_events::Acts::<Runtime>::iter_keys().count();
		let kinds: std::collections::BTreeSet<_> =
			pallet_civil_events::Acts::<Runtime>::iter_values().map(|a| a.kind()).collect();
		assert!(acts >= 100_000 && kinds.len() == 8, "{acts} acts of {} kinds", kinds.len());

		// The state as the previous runtime left it: every act in civil events' version-6
		// encoding, and each signer's usage in the offices pallet (the gate not yet a pallet
		// of its own: its storage version 0).
		for (id, act) in pallet_civil_events::Acts::<Runtime>::iter().collect::<Vec<_>>() {
			v6::Acts::<Runtime>::insert(id, v6::Act::from_v7(&act));
		}
		StorageVersion::new(6).put::<pallet_civil_events::Pallet<Runtime>>();
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
		let before = (Move::pre_check(), TypedActs::<Runtime>::pre_check());
		let upgrading = std::time::Instant::now();
		let weight = <Migrations as OnRuntimeUpgrade>::on_runtime_upgrade();
		let upgraded = upgrading.elapsed();
		Move::post_check(before.0).unwrap();

		// The multi-block migration, a block at a time as `pallet-migrations` runs it: each
		// block gives it `MbmServiceWeight`. (The test command's native runtime is built with
		// `runtime-benchmarks`, where `pallet-migrations` holds mocked migrations: the steps
		// are driven here, with the same budget.) Expiries wait meanwhile.
		let migrating = std::time::Instant::now();
		let mut cursor = None;
		let mut blocks = 0u32;
		let first = System::block_number() + 1;
		loop {
			blocks += 1;
			let mut meter = WeightMeter::with_limit(MbmServiceWeight::get());
			match TypedActs::<Runtime>::step(cursor, &mut meter).unwrap() {
				Some(next) => cursor = Some(next),
				None => break,
			}
			assert!(meter.consumed().all_lte(MbmServiceWeight::get()));
		}
		TypedActs::<Runtime>::post_check(before.1).unwrap();
		assert_eq!(pallet_civil_events::Pallet::<Runtime>::on_chain_storage_version(), 7);
		// Then the next in `pallet-migrations`' list: adoptions record the parents after them.
		let adoptions = AdoptionParents::<Runtime>::pre_check();
		let mut cursor = None;
		loop {
			blocks += 1;
			let mut meter = WeightMeter::with_limit(MbmServiceWeight::get());
			match AdoptionParents::<Runtime>::step(cursor, &mut meter).unwrap() {
				Some(next) => cursor = Some(next),
				None => break,
			}
			assert!(meter.consumed().all_lte(MbmServiceWeight::get()));
		}
		let migrated = migrating.elapsed();
		AdoptionParents::<Runtime>::post_check(adoptions).unwrap();
		assert_eq!(pallet_civil_events::Pallet::<Runtime>::on_chain_storage_version(), 8);
		// Blocks past the migration's expire what it deferred.
		pallet_civil_events::ExpiriesDeferredFrom::<Runtime>::put(first);
		System::set_block_number(first + blocks);
		CivilEvents::on_initialize(first + blocks);
		assert_eq!(pallet_civil_events::ExpiriesDeferredFrom::<Runtime>::get(), None);
		for (who, usage) in usages {
			assert_eq!(pallet_gate::SignerUsage::<Runtime>::get(who.to_account_id()), Some(usage));
		}
		assert_eq!(pallet_gate::Pallet::<Runtime>::on_chain_storage_version(), 1);
		assert_eq!(pallet_offices::Pallet::<Runtime>::on_chain_storage_version(), 2);
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
			"upgrade: {PERSONS} persons, {acts} acts built in {built:.1?}; migrations in {upgraded:.1?}, weight {weight:?} ({:.2} % of a block); typed acts and adoptions in {blocks} blocks, {migrated:.1?}",
			weight.ref_time() as f64 * 100.0 / max.ref_time() as f64
		);
	});
}

/// Acts of every kind besides the enrollments, a few hundred, registered today by Bob among
/// the enrolled persons: marriages, then divorces and deaths ending some, births to married
/// and to single mothers, adoptions (half sealing), paternities, changes of name.
fn acts_of_every_kind() {
	let bob = || RuntimeOrigin::signed(Bob.to_account_id());
	let today = Date::new(2026, 6, 15);
	let last = || pallet_civil_events::NextActId::<Runtime>::get() - 1;
	let id = |n: u64| pallet_persons::PersonByIdentity::<Runtime>::get(key(n)).unwrap();
	// Enrolled persons born 1980–1989: even ones women, odd ones men (see the enrollment).
	let adults: Vec<u64> = (0..PERSONS).filter(|n| (40..50).contains(&(n % 80))).collect();
	let (women, men): (Vec<u64>, Vec<u64>) = adults.iter().partition(|n| *n % 2 == 0);
	let couples = 300;
	let mut marriages = Vec::new();
	for k in 0..couples {
		let (w, m) = (id(women[k]), id(men[k]));
		let surnames = Default::default();
		// The couple applied a month before (the clock set back for the application).
		let now = pallet_timestamp::Now::<Runtime>::get();
		pallet_timestamp::Now::<Runtime>::put(now - 31 * 86_400_000);
		let application = pallet_civil_events::NextApplicationId::<Runtime>::get();
		CivilEvents::receive_application(
			bob(),
			pallet_civil_events::ApplicationKind::Marriage,
			H256::from_low_u64_be(0x7a_0000 + application),
			vec![w, m].try_into().unwrap(),
		)
		.unwrap();
		pallet_timestamp::Now::<Runtime>::put(now);
		CivilEvents::register_marriage(
			bob(),
			YUNUSOBOD,
			today,
			w,
			m,
			None,
			surnames,
			application,
			key(0),
		)
		.unwrap();
		marriages.push((last(), w, m));
	}
	for (marriage, ..) in &marriages[..50] {
		let grounds = DivorceGrounds::CourtDecision(H256::repeat_byte(7));
		let surnames = Default::default();
		CivilEvents::register_divorce(
			bob(),
			YUNUSOBOD,
			today,
			*marriage,
			grounds,
			surnames,
			key(0),
		)
		.unwrap();
	}
	for (_, _, husband) in &marriages[50..100] {
		CivilEvents::register_death(bob(), YUNUSOBOD, today, *husband, None, None, key(0)).unwrap();
	}
	let mut children = Vec::new();
	for (k, (_, wife, husband)) in marriages[100..200].iter().enumerate() {
		let n = 6 * PERSONS + k as u64;
		let (mother, father) = (Some(*wife), Some(*husband));
		CivilEvents::register_birth(
			bob(),
			YUNUSOBOD,
			today,
			key(n),
			key(n),
			Sex::Female,
			mother,
			father,
			None,
			None,
			None,
			key(0),
		)
		.unwrap();
		children.push(id(n));
	}
	let single = &women[couples..couples + 100];
	let fathers = &men[couples..couples + 100];
	for (k, (mother, father)) in single.iter().zip(fathers).enumerate() {
		let n = 7 * PERSONS + k as u64;
		CivilEvents::register_birth(
			bob(),
			YUNUSOBOD,
			today,
			key(n),
			key(n),
			Sex::Male,
			Some(id(*mother)),
			None,
			None,
			None,
			None,
			key(0),
		)
		.unwrap();
		CivilEvents::register_paternity(
			bob(),
			YUNUSOBOD,
			today,
			id(n),
			id(*father),
			None,
			None,
			key(0),
		)
		.unwrap();
	}
	// By the couples still married (a joint adoption is by spouses).
	for (k, (child, (_, wife, husband))) in children.iter().zip(&marriages[200..300]).enumerate() {
		CivilEvents::register_adoption(
			bob(),
			YUNUSOBOD,
			today,
			*child,
			Some(*wife),
			Some(*husband),
			k % 2 == 0,
			H256::repeat_byte(8),
			Default::default(),
			Default::default(),
			key(0),
		)
		.unwrap();
	}
	for n in &men[couples + 100..couples + 300] {
		CivilEvents::register_name_change(
			bob(),
			YUNUSOBOD,
			today,
			id(*n),
			key(8 * PERSONS + n),
			None,
			key(0),
		)
		.unwrap();
	}
	let kinds = pallet_civil_events::Acts::<Runtime>::iter_values()
		.filter(|a| matches!(a.details, ActDetails::Adoption(_)))
		.count();
	assert_eq!(kinds, 100);
}
