//! The transaction gate on the real runtime: only role holders may transact (what each role
//! may sign: roles.rs).

// Test code: a test fails by panicking (and overflow in test arithmetic would be a bug of the
// test itself), so the panic-free lints that guard runtime code do not apply here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

mod common;

use civil_registry_runtime::{RuntimeCall, RuntimeEvent, System};
use common::*;
use sp_keyring::Sr25519Keyring::{Alice, Bob, Charlie, Ferdie};
use sp_runtime::transaction_validity::{InvalidTransaction, TransactionValidityError};

const BAD_SIGNER: TransactionValidityError =
	TransactionValidityError::Invalid(InvalidTransaction::BadSigner);

#[test]
fn genesis_role_holders_pass_strangers_do_not() {
	preset_ext("development").execute_with(|| {
		// Bob (registrar) and Alice (head, sudo key) are admitted.
		assert!(validate(signed(Bob, officer_call())).is_ok());
		assert!(validate(signed(Alice, officer_call())).is_ok());
		// Ferdie has no role: refused at the pool, and refused if an author included it.
		assert_eq!(validate(signed(Ferdie, officer_call())), Err(BAD_SIGNER));
		assert_eq!(apply(signed(Ferdie, officer_call())), Err(BAD_SIGNER));
	});
}

#[test]
fn appointment_opens_and_dismissal_closes_the_gate() {
	preset_ext("development").execute_with(|| {
		// Charlie has no role yet.
		assert_eq!(validate(signed(Charlie, officer_call())), Err(BAD_SIGNER));

		// Alice, head of office 0, appoints Charlie registrar.
		let appoint = RuntimeCall::Offices(pallet_offices::Call::appoint_registrar {
			who: Charlie.to_account_id(),
		});
		assert_eq!(apply(signed(Alice, appoint)), Ok(Ok(())));
		assert!(System::events().iter().any(|r| matches!(
			&r.event,
			RuntimeEvent::Offices(pallet_offices::Event::OfficerAppointed { officer, .. })
				if *officer == Charlie.to_account_id()
		)));

		// In the next block Charlie is admitted and its transaction is included (the call
		// itself fails: there is no such proposal).
		next_block();
		assert!(validate(signed(Charlie, officer_call())).is_ok());
		assert!(apply(signed(Charlie, officer_call())).is_ok());
		assert_eq!(System::account_nonce(Charlie.to_account_id()), 1);

		// Alice dismisses Charlie.
		let dismiss = RuntimeCall::Offices(pallet_offices::Call::dismiss_registrar {
			who: Charlie.to_account_id(),
			compromised_since: None,
		});
		assert_eq!(apply(signed(Alice, dismiss)), Ok(Ok(())));

		// From the next block on, the same signer is refused: at the pool and in a block.
		next_block();
		assert_eq!(validate(signed(Charlie, officer_call())), Err(BAD_SIGNER));
		assert_eq!(apply(signed(Charlie, officer_call())), Err(BAD_SIGNER));
	});
}
