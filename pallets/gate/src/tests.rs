//! Unit tests of the gate pallet. Every test runs on [`crate::mock`] and ends with the
//! pallet's invariants checked ([`build_and_execute`]).

// Test code: a test fails by panicking, and overflow in test arithmetic would be a bug of the
// test itself; clippy.toml lifts the other panic-free lints in tests.
#![allow(clippy::arithmetic_side_effects)]

use crate::{mock::*, CheckRole, Error, SignerUsage};
use frame_support::{assert_noop, assert_ok, dispatch::DispatchInfo};
use sp_runtime::{
	traits::{DispatchTransaction, TransactionExtension, TxBaseImplication},
	transaction_validity::{InvalidTransaction, TransactionSource, TransactionValidityError},
	DispatchError,
};

fn validate(who: Option<u64>) -> Result<(), TransactionValidityError> {
	validate_call(who, RuntimeCall::System(frame_system::Call::remark { remark: vec![] }))
}

/// The gate validating `call` from `who` at the pool.
fn validate_call(who: Option<u64>, call: RuntimeCall) -> Result<(), TransactionValidityError> {
	let origin = match who {
		Some(w) => RuntimeOrigin::signed(w),
		None => RuntimeOrigin::none(),
	};
	CheckRole::<Test>::new()
		.validate(
			origin,
			&call,
			&DispatchInfo::default(),
			0,
			(),
			&TxBaseImplication(&call),
			TransactionSource::External,
		)
		.map(|_| ())
}

#[test]
fn admits_role_holders_only() {
	build_and_execute(|| {
		assert_eq!(validate(Some(NOBODY)), Err(InvalidTransaction::BadSigner.into()));
		assert_ok!(validate(Some(REGISTRAR)));
		assert_ok!(validate(Some(HEAD)));
		assert_ok!(validate(Some(SUDO)));
		// Unsigned transactions and inherents are not the gate's business.
		assert_ok!(validate(None));
	});
}

#[test]
fn a_dismissed_officer_is_refused_from_the_next_transaction() {
	build_and_execute(|| {
		appoint(60);
		assert_ok!(validate(Some(60)));
		dismiss(60);
		assert_eq!(validate(Some(60)), Err(InvalidTransaction::BadSigner.into()));
	});
}

/// The gate as a block author runs it (validate, then prepare) on a transaction of `len`
/// bytes from `who`.
fn include(who: u64, len: usize) -> Result<(), TransactionValidityError> {
	let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
	CheckRole::<Test>::new()
		.validate_and_prepare(RuntimeOrigin::signed(who), &call, &DispatchInfo::default(), len, 0)
		.map(|_| ())
}

const SPENT: TransactionValidityError =
	TransactionValidityError::Invalid(InvalidTransaction::Custom(crate::BUDGET_SPENT));

#[test]
fn each_signer_has_a_days_budget_counted_with_its_queue() {
	build_and_execute(|| {
		// The mock's budget: 5 transactions or 1,000 bytes a day of 10 blocks, none longer
		// than 300 bytes.
		System::set_block_number(1);
		let admits = |ahead, len| Gate::check_budget(&REGISTRAR, ahead, len).is_ok();
		// The pool admits a queue as long as the day holds it, those ahead counted at the
		// longest a transaction may be: four (3 × 300 + 10 ≤ 1,000), not a fifth.
		assert!((0..4).all(|ahead| admits(ahead, 10)));
		assert!(!admits(4, 10));
		assert!(admits(3, 100));
		assert!(!admits(3, 101));
		// None longer than 300 bytes, ever.
		assert!(!admits(0, 301));
		// Transactions count too: with two in, a queue of three more, not four.
		assert_ok!(include(REGISTRAR, 10));
		assert_ok!(include(REGISTRAR, 10));
		assert!((0..3).all(|ahead| admits(ahead, 10)));
		assert!(!admits(3, 10));
		// What the pool admitted, blocks include: three, then no more today.
		for _ in 0..3 {
			assert_ok!(include(REGISTRAR, 10));
		}
		assert_eq!(include(REGISTRAR, 10), Err(SPENT));
		assert_eq!(validate(Some(REGISTRAR)), Err(SPENT));
		// Another signer has its own budget.
		assert_ok!(include(HEAD, 10));
		// Bytes count too.
		System::set_block_number(2);
		for _ in 0..3 {
			assert_ok!(include(HEAD, 300));
		}
		assert_eq!(include(HEAD, 100), Err(SPENT));
		assert_ok!(include(HEAD, 10));
		// A new day (blocks 10 to 19): a new budget.
		System::set_block_number(10);
		assert_ok!(include(REGISTRAR, 10));
	});
}

#[test]
fn dismissal_and_reappointment_give_no_fresh_budget() {
	build_and_execute(|| {
		// A stolen head key: its registrar spends the day's five, is dismissed and
		// appointed again to be re-armed. The budget is the key's, not the appointment's.
		System::set_block_number(1);
		appoint(60);
		for _ in 0..5 {
			assert_ok!(include(60, 10));
		}
		assert_eq!(include(60, 10), Err(SPENT));
		dismiss(60);
		appoint(60);
		assert_eq!(include(60, 10), Err(SPENT));
		System::set_block_number(9);
		assert_eq!(include(60, 10), Err(SPENT));
		System::set_block_number(10);
		assert_ok!(include(60, 10));
	});
}

/// `who` validating a heartbeat with `payload`.
fn heartbeat(who: u64, payload: Vec<u8>) -> Result<(), TransactionValidityError> {
	let payload = payload.try_into().unwrap();
	validate_call(Some(who), RuntimeCall::Gate(crate::Call::heartbeat { payload }))
}

#[test]
fn a_heartbeat_pads_with_zeros_and_carries_nothing() {
	build_and_execute(|| {
		assert_ok!(heartbeat(REGISTRAR, vec![]));
		assert_ok!(heartbeat(REGISTRAR, vec![0; crate::MAX_HEARTBEAT_PAYLOAD as usize]));
		// One byte of data is a remark in disguise: refused before it takes block space.
		let mut payload = vec![0; 1000];
		payload[999] = 1;
		assert_eq!(heartbeat(REGISTRAR, payload), Err(InvalidTransaction::Call.into()));
		assert_eq!(heartbeat(REGISTRAR, b"hello".to_vec()), Err(InvalidTransaction::Call.into()));
	});
}

#[test]
fn validate_only_reports_the_same() {
	build_and_execute(|| {
		let call = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		assert_eq!(
			CheckRole::<Test>::new()
				.validate_only(
					Some(NOBODY).into(),
					&call,
					&DispatchInfo::default(),
					0,
					TransactionSource::External,
					0
				)
				.map(|_| ())
				.unwrap_err(),
			TransactionValidityError::from(InvalidTransaction::BadSigner)
		);
	});
}

#[test]
fn a_heartbeat_is_an_officers_and_does_nothing() {
	build_and_execute(|| {
		let payload = || vec![0u8; 10].try_into().unwrap();
		assert_ok!(Gate::heartbeat(RuntimeOrigin::signed(REGISTRAR), payload()));
		assert_noop!(
			Gate::heartbeat(RuntimeOrigin::signed(NOBODY), payload()),
			Error::<Test>::NotOfficer
		);
		assert_noop!(Gate::heartbeat(RuntimeOrigin::none(), payload()), DispatchError::BadOrigin);
		assert!(System::events().is_empty());
		assert_eq!(SignerUsage::<Test>::iter().count(), 0);
	});
}

#[test]
fn the_invariants_catch_a_usage_past_the_budget() {
	build_and_execute(|| {
		let over = crate::Usage { day: 0, in_day: crate::Allowance { transactions: 6, bytes: 10 } };
		SignerUsage::<Test>::insert(REGISTRAR, over);
		assert!(Gate::do_try_state().is_err());
		SignerUsage::<Test>::insert(REGISTRAR, crate::Usage { day: 1, ..over });
		assert!(Gate::do_try_state().is_err());
		SignerUsage::<Test>::remove(REGISTRAR);
	});
}
