//! A test runtime with the authorities pallet as `pallet-session`'s session manager.

// Test code: a test fails by panicking, and overflow in test arithmetic would be a bug of the
// test itself; clippy.toml lifts the other panic-free lints in tests.
#![allow(clippy::arithmetic_side_effects)]

use crate::{self as pallet_authorities, AuthorityOf, NoDeposit};
use frame_support::{derive_impl, parameter_types, traits::ConstU32};
use frame_system::EnsureRoot;
use sp_runtime::{
	impl_opaque_keys, testing::UintAuthorityId, traits::OpaqueKeys, BuildStorage, KeyTypeId,
	RuntimeAppPublic,
};

type Block = frame_system::mocking::MockBlock<Test>;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Authorities: pallet_authorities,
		Session: pallet_session,
	}
);

impl_opaque_keys! {
	pub struct MockSessionKeys {
		pub dummy: UintAuthorityId,
	}
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
}

/// Records nothing: the test only follows which validators the session manager returns.
pub struct TestSessionHandler;
impl pallet_session::SessionHandler<u64> for TestSessionHandler {
	const KEY_TYPE_IDS: &'static [KeyTypeId] = &[UintAuthorityId::ID];
	fn on_genesis_session<Ks: OpaqueKeys>(_: &[(u64, Ks)]) {}
	fn on_new_session<Ks: OpaqueKeys>(_: bool, _: &[(u64, Ks)], _: &[(u64, Ks)]) {}
	fn on_disabled(_: u32) {}
}

parameter_types! {
	pub const KeyDeposit: u32 = 0;
}

impl pallet_session::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = u64;
	type ValidatorIdOf = AuthorityOf<Test>;
	type ShouldEndSession = Authorities;
	type NextSessionRotation = Authorities;
	type SessionManager = Authorities;
	type SessionHandler = TestSessionHandler;
	type Keys = MockSessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = ();
	type Currency = NoDeposit<RuntimeHoldReason>;
	type KeyDeposit = KeyDeposit;
}

impl pallet_authorities::Config for Test {
	type GovernanceOrigin = EnsureRoot<u64>;
	type MinAuthorities = ConstU32<3>;
	type MaxAuthorities = ConstU32<5>;
	type AnchorPriority = frame_support::traits::ConstU64<{ u64::MAX / 2 }>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockKeys;
}

/// Keys for the benchmarks: the mock's keys need no proof.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockKeys;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<u64, MockSessionKeys> for MockKeys {
	fn keys_and_proof(owner: &u64) -> (MockSessionKeys, Vec<u8>) {
		use core::sync::atomic::{AtomicU64, Ordering};
		static NEXT: AtomicU64 = AtomicU64::new(1_000);
		let key = NEXT.fetch_add(1, Ordering::Relaxed);
		(keys(key), proof(key, *owner))
	}
}

/// The session length of the tests, in blocks.
pub const SESSION: u64 = 5;
/// The mock chain's slot duration: two seconds, as on the test command's networks.
pub const SLOT: u64 = 2000;

/// Session keys with key id `key`.
pub fn keys(key: u64) -> MockSessionKeys {
	MockSessionKeys { dummy: UintAuthorityId(key) }
}

/// The ownership proof of the keys with id `key` by account `owner`, as `session.set_keys`
/// checks it.
pub fn proof(key: u64, owner: u64) -> Vec<u8> {
	use codec::Encode;
	(sp_runtime::testing::TestSignature(key, owner.encode()),).encode()
}

/// Four authorities (1, 2, 3, 4) with keys; accounts 5 and 6 exist without a role.
pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_authorities::GenesisConfig::<Test> {
		authorities: vec![4, 2, 3, 1],
		session_length: SESSION,
		slot_duration: SLOT,
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_session::GenesisConfig::<Test> {
		keys: (1..=4).map(|who| (who, who, keys(who))).collect(),
		non_authority_keys: vec![],
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::from(storage);
	// Keys for the access-log anchor's benchmarks.
	ext.register_extension(sp_keystore::KeystoreExt::new(
		sp_keystore::testing::MemoryKeystore::new(),
	));
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Run a test, then check the pallet's invariants.
pub fn build_and_execute(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		Authorities::do_try_state().expect("authorities invariants");
	});
}

/// Advance to block `n`, running the session pallet's block hook.
pub fn run_to_block(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		<Session as Hooks<u64>>::on_initialize(next);
	}
}
