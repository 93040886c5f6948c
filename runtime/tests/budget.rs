//! What one key may send, on the real runtime: its budget per block, enforced when a block is
//! built (the pool cannot count what it holds), and how far ahead its nonces may run.

// Test code: a test fails by panicking (and overflow in test arithmetic would be a bug of the
// test itself), so the panic-free lints that guard runtime code do not apply here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

mod common;

use civil_registry_runtime::{extensions::MAX_NONCE_AHEAD, Runtime, System};
use common::*;
use sp_keyring::Sr25519Keyring::{Alice, Bob};
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};

const EXHAUSTED: TransactionValidityError =
	TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources);

#[test]
fn a_block_takes_at_most_a_signers_budget_of_its_transactions() {
	preset_ext("development").execute_with(|| {
		let budget: pallet_offices::SignerBudget<civil_registry_runtime::BlockNumber> =
			<Runtime as pallet_offices::Config>::SignerBudget::get();
		let per_block = budget.per_block.transactions;
		assert_eq!(per_block, 32);
		// Bob (a registrar) fills his share of the block being built...
		for _ in 0..per_block {
			assert!(apply(signed(Bob, officer_call())).is_ok());
		}
		// ...and the block refuses the next one; the author leaves it in the pool.
		assert_eq!(apply(signed(Bob, officer_call())), Err(EXHAUSTED));
		assert_eq!(System::account_nonce(Bob.to_account_id()), per_block);
		// Others are not held back by Bob's budget.
		assert!(apply(signed(Alice, officer_call())).is_ok());
		// The next block takes Bob's again.
		next_block();
		assert!(apply(signed(Bob, officer_call())).is_ok());
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
