//! Every refusal of a transaction before it executes — by the pool and by a block's author —
//! shown on the real runtime, and the table of them in docs/integrators.md written from these
//! cases: each row's reason and `InvalidTransaction` come from the refusal the case produced,
//! its numbers from the runtime's constants. If the table is out of date the test fails;
//! `UPDATE_DOCS=1 cargo test -p civil-registry-runtime --test refusals` rewrites it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

mod common;

use civil_registry_runtime::{
	extensions::{IMMORTAL_TRANSACTION, MAX_NONCE_AHEAD},
	BlockNumber, Runtime, System,
};
use common::*;
use sp_keyring::Sr25519Keyring::{Bob, Ferdie};
use sp_runtime::{
	generic::Era,
	transaction_validity::{InvalidTransaction, TransactionValidityError},
};

/// One refusal: how to provoke it, what it is, and what it means to an integrator.
struct Case {
	refusal: InvalidTransaction,
	/// Produces the refusal on a fresh development chain (the pool's or the block's answer).
	provoke: fn() -> Result<(), TransactionValidityError>,
	meaning: String,
}

fn thousands(n: u32) -> String {
	let digits = n.to_string();
	let mut out = String::new();
	for (i, c) in digits.chars().enumerate() {
		if i > 0 && (digits.len() - i).is_multiple_of(3) {
			out.push(',');
		}
		out.push(c);
	}
	out
}

fn bytes(n: u32) -> String {
	if n.is_multiple_of(1 << 20) {
		format!("{} MiB", n >> 20)
	} else {
		format!("{} KiB", n >> 10)
	}
}

fn validity(
	r: Result<impl Sized, TransactionValidityError>,
) -> Result<(), TransactionValidityError> {
	r.map(|_| ())
}

fn cases() -> Vec<Case> {
	let budget: pallet_gate::SignerBudget<BlockNumber> =
		<Runtime as pallet_gate::Config>::SignerBudget::get();
	vec![
		Case {
			refusal: InvalidTransaction::BadSigner,
			// Ferdie holds no role on the development chain.
			provoke: || validity(validate(signed(Ferdie, officer_call()))),
			meaning: "The signer holds no role (or was dismissed).".into(),
		},
		Case {
			refusal: InvalidTransaction::Call,
			provoke: || validity(validate(signed(Bob, remark()))),
			meaning: "The signer holds a role, but none of its roles signs this call (e.g. \
				`system.remark`, or `sudo.*` from any key but a development chain's sudo key)."
				.into(),
		},
		Case {
			refusal: InvalidTransaction::Custom(pallet_gate::BUDGET_SPENT),
			provoke: || {
				// Bob's day, spent but for one transaction: a queue of two is one too many.
				let day = pallet_gate::Usage {
					day: System::block_number()
						/ <Runtime as pallet_gate::Config>::SignerBudget::get().day_length,
					in_day: pallet_gate::Allowance {
						transactions: <Runtime as pallet_gate::Config>::SignerBudget::get()
							.per_day
							.transactions - 1,
						bytes: 0,
					},
				};
				pallet_gate::SignerUsage::<Runtime>::insert(Bob.to_account_id(), day);
				let next = System::account_nonce(Bob.to_account_id());
				validity(validate(signed_with_nonce(Bob, officer_call(), next + 1)))
			},
			meaning: format!(
				"The signer's budget (`api.consts.gate.signerBudget`) would be spent before 				 this transaction: {} transactions or {} a day ({} blocks, counted from block 				 0), none longer than {}. The pool counts the signer's transactions ahead of 				 this one as spent, each at {}: what it admits, a block includes the same day. 				 Send the rest the next day.",
				thousands(budget.per_day.transactions),
				bytes(budget.per_day.bytes),
				thousands(budget.day_length),
				bytes(budget.max_transaction_bytes),
				bytes(budget.max_transaction_bytes),
			),
		},
		Case {
			refusal: InvalidTransaction::Future,
			provoke: || {
				let next = System::account_nonce(Bob.to_account_id());
				validity(validate(signed_with_nonce(
					Bob,
					officer_call(),
					next + MAX_NONCE_AHEAD + 1,
				)))
			},
			meaning: format!(
				"The nonce is more than {MAX_NONCE_AHEAD} past the signer's next nonce: one key \
				 holds at most {} transactions in the pool. Send more once earlier ones are in a \
				 block (`submit` above signs each with the pool's next nonce).",
				MAX_NONCE_AHEAD + 1
			),
		},
		Case {
			refusal: InvalidTransaction::Stale,
			provoke: || {
				let used = System::account_nonce(Bob.to_account_id());
				apply(signed(Bob, officer_call())).expect("valid").ok();
				validity(validate(signed_with_nonce(Bob, officer_call(), used)))
			},
			meaning: "The nonce was already used.".into(),
		},
		Case {
			refusal: InvalidTransaction::Custom(IMMORTAL_TRANSACTION),
			provoke: || {
				let nonce = System::account_nonce(Bob.to_account_id());
				validity(validate(sign(
					Bob,
					officer_call(),
					extensions_with_era(nonce, Era::Immortal),
				)))
			},
			meaning: "The transaction is immortal (signed with era `0`, valid for ever). Sign \
				with a mortal era: polkadot.js does by default (64 blocks); a transaction not \
				included by the end of its era is dead and can never be replayed."
				.into(),
		},
	]
}

/// The name of an `InvalidTransaction` as in the table: the variant, with a custom code.
fn variant(refusal: &InvalidTransaction) -> String {
	match refusal {
		InvalidTransaction::Custom(code) => format!("Custom({code})"),
		other => format!("{other:?}"),
	}
}

/// The reason the node's RPC gives (`1010: Invalid Transaction: <reason>`).
fn reason(refusal: InvalidTransaction) -> String {
	match refusal {
		InvalidTransaction::Custom(code) => format!("Custom error: {code}"),
		other => <&'static str>::from(other).to_string(),
	}
}

fn table(cases: &[Case]) -> String {
	let mut out =
		String::from("| reason | `InvalidTransaction` | meaning |\n| --- | --- | --- |\n");
	for case in cases {
		out.push_str(&format!(
			"| `{}` | `{}` | {} |\n",
			reason(case.refusal),
			variant(&case.refusal),
			case.meaning.split_whitespace().collect::<Vec<_>>().join(" ")
		));
	}
	out
}

#[test]
fn every_refusal_happens_as_the_table_says() {
	for case in cases() {
		preset_ext("development").execute_with(|| {
			assert_eq!(
				(case.provoke)(),
				Err(TransactionValidityError::Invalid(case.refusal)),
				"{}",
				variant(&case.refusal)
			);
		});
	}
}

#[test]
fn the_integrators_table_is_written_from_these_cases() {
	let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/integrators.md");
	let doc = std::fs::read_to_string(path).expect("docs/integrators.md");
	let (start, end) = ("<!-- refusals -->\n", "<!-- /refusals -->");
	let from =
		doc.find(start).expect("docs/integrators.md has a <!-- refusals --> marker") + start.len();
	let to = doc[from..].find(end).expect("and a <!-- /refusals --> marker") + from;
	let written = table(&cases());
	if doc[from..to] == written {
		return;
	}
	if std::env::var("UPDATE_DOCS").is_ok() {
		std::fs::write(path, format!("{}{}{}", &doc[..from], written, &doc[to..])).unwrap();
		return;
	}
	panic!(
		"docs/integrators.md's table of refusals is out of date; run \
		 UPDATE_DOCS=1 cargo test -p civil-registry-runtime --test refusals. It should read:\n{written}"
	);
}
