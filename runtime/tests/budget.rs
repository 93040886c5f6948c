//! What one key may send, on the real runtime: the pool admits a signer's transaction only if
//! its day's budget holds it after every transaction of the signer ahead of it, so that what
//! the pool admits, blocks include; a signer's later transactions wait behind everyone's
//! earlier ones; its nonces run at most sixteen ahead.

// Test code: a test fails by panicking (and overflow in test arithmetic would be a bug of the
// test itself), so the panic-free lints that guard runtime code do not apply here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

mod common;

use civil_registry_runtime::{extensions::MAX_NONCE_AHEAD, Runtime, System};
use common::*;
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};

const SPENT: TransactionValidityError =
	TransactionValidityError::Invalid(InvalidTransaction::Custom(pallet_gate::BUDGET_SPENT));

/// Bob's usage today: `transactions` spent.
fn bob_spent(transactions: u32) {
	let budget = <Runtime as pallet_gate::Config>::SignerBudget::get();
	pallet_gate::SignerUsage::<Runtime>::insert(
		Bob.to_account_id(),
		pallet_gate::Usage {
			day: System::block_number() / budget.day_length,
			in_day: pallet_gate::Allowance { transactions, bytes: 0 },
		},
	);
}

#[test]
fn the_pool_admits_what_blocks_include_and_nothing_more() {
	preset_ext("development").execute_with(|| {
		let per_day = <Runtime as pallet_gate::Config>::SignerBudget::get().per_day.transactions;
		assert_eq!(per_day, 2_000);
		// Ten transactions left in Bob's day: the pool admits a queue of ten, not eleven.
		bob_spent(per_day - 10);
		let next = System::account_nonce(Bob.to_account_id());
		for k in 0..10 {
			assert!(validate(signed_with_nonce(Bob, officer_call(), next + k)).is_ok(), "{k}");
		}
		assert_eq!(validate(signed_with_nonce(Bob, officer_call(), next + 10)), Err(SPENT));
		// The ten it admitted are included, one after the other, in this block or later ones
		// of the day; the eleventh never is.
		for k in 0..10 {
			assert!(apply(signed(Bob, officer_call())).is_ok(), "{k}");
			if k % 3 == 2 {
				next_block();
			}
		}
		assert_eq!(apply(signed(Bob, officer_call())), Err(SPENT));
		// A refusal for a spent budget is not "the block is full" (`ExhaustsResources`), which
		// would make a block's author stop filling the block for everyone.
		assert!(!SPENT.exhausted_resources());
		// Others are not held back by Bob's budget.
		assert!(apply(signed(Alice, officer_call())).is_ok());
	});
}

#[test]
fn a_signers_later_transactions_wait_behind_everyones_earlier_ones() {
	preset_ext("development").execute_with(|| {
		let next = System::account_nonce(Bob.to_account_id());
		let priority =
			|k| validate(signed_with_nonce(Bob, officer_call(), next + k)).unwrap().priority;
		// Bob's next transaction has the priority of Alice's next; his fourth, three less.
		let alice = validate(signed(Alice, officer_call())).unwrap().priority;
		assert_eq!(priority(0), alice);
		assert_eq!(priority(0) - priority(3), 3);
		assert!(priority(MAX_NONCE_AHEAD) < priority(MAX_NONCE_AHEAD - 1));
	});
}

#[test]
fn a_signers_nonces_may_run_at_most_sixteen_ahead() {
	preset_ext("development").execute_with(|| {
		let next = System::account_nonce(Bob.to_account_id());
		assert!(validate(signed_with_nonce(Bob, officer_call(), next + MAX_NONCE_AHEAD)).is_ok());
		assert_eq!(
			validate(signed_with_nonce(Bob, officer_call(), next + MAX_NONCE_AHEAD + 1)),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Future))
		);
	});
}

#[test]
fn immortal_transactions_are_refused_and_mortal_ones_die_with_their_era() {
	use sp_runtime::generic::Era;
	preset_ext("development").execute_with(|| {
		let nonce = System::account_nonce(Bob.to_account_id());
		let immortal = sign(Bob, officer_call(), extensions_with_era(nonce, Era::Immortal));
		assert_eq!(
			validate(immortal.clone()),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(
				civil_registry_runtime::extensions::IMMORTAL_TRANSACTION
			)))
		);
		// Refused by a block author too, not only by the pool.
		assert_eq!(
			apply(immortal),
			Err(TransactionValidityError::Invalid(InvalidTransaction::Custom(
				civil_registry_runtime::extensions::IMMORTAL_TRANSACTION
			)))
		);
		// A mortal one is valid, and says how long: to the end of its era.
		let mortal = signed(Bob, officer_call());
		let valid = validate(mortal.clone()).expect("a mortal transaction is valid");
		assert!(valid.longevity <= 64, "longevity {}", valid.longevity);
		// Past its era, it is stale: nobody can submit it later.
		for _ in 0..64 {
			next_block();
		}
		assert!(matches!(
			validate(mortal),
			Err(TransactionValidityError::Invalid(
				InvalidTransaction::AncientBirthBlock | InvalidTransaction::BadProof
			))
		));
	});
}
