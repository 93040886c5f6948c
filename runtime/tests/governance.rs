//! Governance on the real runtime, on the regional test network's genesis: four departments,
//! each an authority and a council member, no sudo key. The council's two-thirds majority is
//! the only way to root and to every governance call; the authority set changes by it, at a
//! session boundary, never below four.

// Test code: a test fails by panicking (and overflow in test arithmetic would be a bug of the
// test itself), so the panic-free lints that guard runtime code do not apply here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

mod common;

use civil_registry_runtime::{
	configs::governance::{CouncilInstance, MotionDuration},
	AccountId, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, SessionKeys, System,
};
use codec::Encode;
use common::*;
use frame_support::dispatch::GetDispatchInfo;
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Ferdie};
use sp_keystore::{testing::MemoryKeystore, KeystoreExt};
use sp_runtime::traits::{Dispatchable as _, Hash as _};
use sp_runtime::{
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	DispatchError,
};

const BAD_SIGNER: TransactionValidityError =
	TransactionValidityError::Invalid(InvalidTransaction::BadSigner);
/// A role holder signing a call that is not its role's.
const NOT_FOR_ROLE: TransactionValidityError =
	TransactionValidityError::Invalid(InvalidTransaction::Call);

/// The regional test network's genesis, with a keystore for generating session keys.
fn regional() -> sp_io::TestExternalities {
	let mut ext = preset_ext("regional_testnet");
	ext.register_extension(KeystoreExt::new(MemoryKeystore::new()));
	ext
}

fn events() -> Vec<RuntimeEvent> {
	System::events().into_iter().map(|r| r.event).collect()
}

/// Apply `call` signed by `who`; it must be included and succeed.
fn ok(who: Sr25519Keyring, call: RuntimeCall) {
	assert_eq!(apply(signed(who, call)), Ok(Ok(())));
}

/// `proposer` opens a council motion for `call` with a two-thirds threshold (3 of 4); `ayes`
/// and `nays` vote; anyone closes it. Returns the motion's closing events.
fn motion(
	proposer: Sr25519Keyring,
	call: RuntimeCall,
	ayes: &[Sr25519Keyring],
	nays: &[Sr25519Keyring],
) -> Vec<RuntimeEvent> {
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let index = pallet_collective::ProposalCount::<Runtime, CouncilInstance>::get();
	ok(
		proposer,
		RuntimeCall::Council(pallet_collective::Call::propose {
			threshold: 3,
			proposal: Box::new(call),
			length_bound: length,
		}),
	);
	// Proposing is not voting: the proposer votes like the others.
	for (voters, approve) in [(ayes, true), (nays, false)] {
		for voter in voters.iter() {
			ok(
				*voter,
				RuntimeCall::Council(pallet_collective::Call::vote {
					proposal: hash,
					index,
					approve,
				}),
			);
		}
	}
	System::reset_events();
	ok(
		proposer,
		RuntimeCall::Council(pallet_collective::Call::close {
			proposal_hash: hash,
			index,
			proposal_weight_bound: weight,
			length_bound: length,
		}),
	);
	events()
}

fn executed_ok(events: &[RuntimeEvent]) -> bool {
	events.iter().any(|e| {
		matches!(
			e,
			RuntimeEvent::Council(pallet_collective::Event::Executed { result: Ok(()), .. })
		)
	})
}

fn create_jurisdiction(code: &str) -> RuntimeCall {
	RuntimeCall::Offices(pallet_offices::Call::create_jurisdiction {
		code: code.as_bytes().to_vec(),
		name: b"Test District".to_vec(),
		parent: Some(12),
	})
}

fn jurisdiction_exists(code: &str) -> bool {
	pallet_offices::JurisdictionByCode::<Runtime>::get(
		frame_support::BoundedVec::<u8, _>::try_from(code.as_bytes().to_vec()).unwrap(),
	)
	.is_some()
}

fn authorities() -> Vec<AccountId> {
	pallet_authorities::Authorities::<Runtime>::get().into_inner()
}

fn validators() -> Vec<AccountId> {
	pallet_session::Validators::<Runtime>::get()
}

/// New session keys for `who`, generated in the keystore, with the ownership proof.
fn new_keys(who: &AccountId) -> (SessionKeys, Vec<u8>) {
	let generated = SessionKeys::generate(&who.encode(), None);
	(generated.keys, generated.proof.encode())
}

/// Run blocks until `n` sessions have passed.
fn run_sessions(n: u32) {
	let length = pallet_authorities::SessionLength::<Runtime>::get();
	let target = System::block_number() + n * length;
	while System::block_number() < target {
		next_block();
	}
}

#[test]
fn only_the_council_and_officers_pass_the_gate_and_there_is_no_sudo() {
	regional().execute_with(|| {
		assert!(pallet_sudo::Key::<Runtime>::get().is_none());
		// Council members (and authorities) and officers are admitted; Ferdie, nothing, is not.
		for who in [Alice, Bob, Charlie, Dave] {
			assert!(validate(signed(who, council_call())).is_ok(), "{who:?}");
		}
		assert_eq!(validate(signed(Ferdie, council_call())), Err(BAD_SIGNER));
		// Without a sudo key, no one is root by signing: the gate refuses `sudo.*` from anyone
		// but the sudo key, before it takes block space.
		let sudo = RuntimeCall::Sudo(pallet_sudo::Call::sudo {
			call: Box::new(create_jurisdiction("UZ-TK-X1")),
		});
		assert_eq!(apply(signed(Alice, sudo.clone())), Err(NOT_FOR_ROLE));
		// Were it included, the sudo pallet would refuse it too.
		let dispatched = sudo.dispatch(RuntimeOrigin::signed(Alice.to_account_id()));
		assert_eq!(
			dispatched.map_err(|e| e.error),
			Err(pallet_sudo::Error::<Runtime>::RequireSudo.into())
		);
		// Nor is a single member the council: a governance call is not signed, and its origin
		// refuses a signature.
		assert_eq!(apply(signed(Alice, create_jurisdiction("UZ-TK-X1"))), Err(NOT_FOR_ROLE));
		assert_eq!(
			create_jurisdiction("UZ-TK-X1")
				.dispatch(RuntimeOrigin::signed(Alice.to_account_id()))
				.map_err(|e| e.error),
			Err(DispatchError::BadOrigin)
		);
		assert!(!jurisdiction_exists("UZ-TK-X1"));
	});
}

#[test]
fn a_motion_below_two_thirds_does_nothing() {
	regional().execute_with(|| {
		// Two of four vote aye, two nay: disapproved.
		let closing =
			motion(Alice, create_jurisdiction("UZ-TK-X2"), &[Alice, Bob], &[Charlie, Dave]);
		assert!(closing.iter().any(|e| matches!(
			e,
			RuntimeEvent::Council(pallet_collective::Event::Disapproved { .. })
		)));
		assert!(!jurisdiction_exists("UZ-TK-X2"));

		// A motion opened with a threshold of two executes with two ayes, as Members(2, 4):
		// not two thirds, so the governance call refuses it.
		let call = create_jurisdiction("UZ-TK-X3");
		let length = call.encoded_size() as u32;
		let weight = call.get_dispatch_info().call_weight;
		let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
		let index = pallet_collective::ProposalCount::<Runtime, CouncilInstance>::get();
		ok(
			Alice,
			RuntimeCall::Council(pallet_collective::Call::propose {
				threshold: 2,
				proposal: Box::new(call),
				length_bound: length,
			}),
		);
		System::reset_events();
		for voter in [Alice, Bob] {
			ok(
				voter,
				RuntimeCall::Council(pallet_collective::Call::vote {
					proposal: hash,
					index,
					approve: true,
				}),
			);
		}
		ok(
			Bob,
			RuntimeCall::Council(pallet_collective::Call::close {
				proposal_hash: hash,
				index,
				proposal_weight_bound: weight,
				length_bound: length,
			}),
		);
		assert!(events().iter().any(|e| matches!(
			e,
			RuntimeEvent::Council(pallet_collective::Event::Executed {
				result: Err(DispatchError::BadOrigin),
				..
			})
		)));
		assert!(!jurisdiction_exists("UZ-TK-X3"));

		// Three of four: done.
		assert!(executed_ok(&motion(
			Alice,
			create_jurisdiction("UZ-TK-X4"),
			&[Alice, Bob, Charlie],
			&[]
		)));
		assert!(jurisdiction_exists("UZ-TK-X4"));
	});
}

#[test]
fn the_council_adds_an_authority_who_sets_keys_and_joins_two_sessions_later() {
	regional().execute_with(|| {
		let ferdie = Ferdie.to_account_id();
		let add = RuntimeCall::Authorities(pallet_authorities::Call::add_authority {
			who: ferdie.clone(),
		});
		assert!(executed_ok(&motion(Alice, add, &[Alice, Bob, Charlie], &[])));
		assert!(authorities().contains(&ferdie));
		// Now Ferdie may sign — its session keys, from its node's `author_rotateKeys`.
		next_block();
		let (keys, proof) = new_keys(&ferdie);
		ok(Ferdie, RuntimeCall::Session(pallet_session::Call::set_keys { keys, proof }));
		assert!(!validators().contains(&ferdie));
		run_sessions(2);
		assert!(validators().contains(&ferdie), "{:?}", validators());
		assert_eq!(validators().len(), 5);
	});
}

#[test]
fn the_council_removes_authorities_down_to_four_and_no_further() {
	regional().execute_with(|| {
		let remove = |who: Sr25519Keyring| {
			RuntimeCall::Authorities(pallet_authorities::Call::remove_authority { who: who.to_account_id() })
		};
		let refused: DispatchError = pallet_authorities::Error::<Runtime>::TooFewAuthorities.into();
		let was_refused = |events: &[RuntimeEvent]| {
			events.iter().any(|e| matches!(
				e,
				RuntimeEvent::Council(pallet_collective::Event::Executed { result: Err(err), .. }) if *err == refused
			))
		};
		// Four departments: GRANDPA goes on with one down (3 of 4). Three would need every
		// one of them (3 of 3): the council cannot go there.
		assert_eq!(authorities().len(), 4);
		assert!(was_refused(&motion(Alice, remove(Dave), &[Alice, Bob, Charlie], &[])));
		assert_eq!(authorities().len(), 4);
		// A fifth joins; then one of five may leave, and no more.
		let ferdie = Ferdie.to_account_id();
		let add = RuntimeCall::Authorities(pallet_authorities::Call::add_authority { who: ferdie });
		assert!(executed_ok(&motion(Alice, add, &[Alice, Bob, Charlie], &[])));
		assert_eq!(authorities().len(), 5);
		assert!(executed_ok(&motion(Alice, remove(Dave), &[Alice, Bob, Charlie], &[])));
		assert_eq!(authorities().len(), 4);
		assert!(was_refused(&motion(Alice, remove(Charlie), &[Alice, Bob, Charlie], &[])));
		assert_eq!(authorities().len(), 4);
		assert!(!authorities().contains(&Dave.to_account_id()));
	});
}

#[test]
fn the_council_rotates_an_authoritys_keys() {
	regional().execute_with(|| {
		let dave = Dave.to_account_id();
		let (keys, proof) = new_keys(&dave);
		let rotate = RuntimeCall::Authorities(pallet_authorities::Call::set_keys {
			who: dave.clone(),
			keys: keys.clone(),
			proof,
		});
		assert!(executed_ok(&motion(Alice, rotate, &[Alice, Bob, Charlie], &[])));
		assert_eq!(pallet_session::NextKeys::<Runtime>::get(&dave), Some(keys.clone()));
		run_sessions(2);
		assert!(pallet_aura::Authorities::<Runtime>::get().contains(&keys.aura));
		// A proof made for another account does not rotate Dave's keys.
		let (keys, proof) = new_keys(&Charlie.to_account_id());
		let forged =
			RuntimeCall::Authorities(pallet_authorities::Call::set_keys { who: dave, keys, proof });
		assert!(!executed_ok(&motion(Alice, forged, &[Alice, Bob, Charlie], &[])));
	});
}

#[test]
fn root_only_calls_go_through_the_council() {
	regional().execute_with(|| {
		let hash = H256::repeat_byte(9);
		let authorize = RuntimeCall::System(frame_system::Call::authorize_upgrade { code_hash: hash });
		// Directly, even two thirds of the council are not root.
		let closing = motion(Alice, authorize.clone(), &[Alice, Bob, Charlie], &[]);
		assert!(closing.iter().any(|e| matches!(
			e,
			RuntimeEvent::Council(pallet_collective::Event::Executed { result: Err(DispatchError::BadOrigin), .. })
		)));
		// Through `governance.dispatch_as_root`, they are.
		let as_root = RuntimeCall::Governance(pallet_governance::Call::dispatch_as_root { call: Box::new(authorize) });
		let closing = motion(Alice, as_root, &[Alice, Bob, Charlie], &[]);
		assert!(closing.iter().any(|e| matches!(
			e,
			RuntimeEvent::Governance(pallet_governance::Event::DispatchedAsRoot { result: Ok(()) })
		)));
		assert!(closing.iter().any(|e| matches!(
			e,
			RuntimeEvent::System(frame_system::Event::UpgradeAuthorized { code_hash, .. }) if *code_hash == hash
		)));
	});
}

#[test]
fn the_council_can_force_finality_recovery() {
	regional().execute_with(|| {
		let stalled = RuntimeCall::Grandpa(pallet_grandpa::Call::note_stalled {
			delay: 5,
			best_finalized_block_number: 0,
		});
		let as_root = RuntimeCall::Governance(pallet_governance::Call::dispatch_as_root {
			call: Box::new(stalled.clone()),
		});
		let closing = motion(Alice, as_root, &[Alice, Bob, Charlie], &[]);
		assert!(closing.iter().any(|e| matches!(
			e,
			RuntimeEvent::Governance(pallet_governance::Event::DispatchedAsRoot { result: Ok(()) })
		)));
		assert!(pallet_grandpa::Stalled::<Runtime>::get().is_some());
		// No single member can.
		assert_eq!(apply(signed(Alice, stalled.clone())), Err(NOT_FOR_ROLE));
		assert_eq!(
			stalled
				.dispatch(RuntimeOrigin::signed(Alice.to_account_id()))
				.map_err(|e| e.error),
			Err(DispatchError::BadOrigin)
		);
	});
}

#[test]
fn council_membership_changes_by_the_council_and_carries_the_gate() {
	regional().execute_with(|| {
		let ferdie = Ferdie.to_account_id();
		assert_eq!(validate(signed(Ferdie, council_call())), Err(BAD_SIGNER));
		let add = RuntimeCall::CouncilMembership(pallet_membership::Call::add_member {
			who: ferdie.clone().into(),
		});
		assert!(executed_ok(&motion(Alice, add, &[Alice, Bob, Charlie], &[])));
		assert!(pallet_collective::Members::<Runtime, CouncilInstance>::get().contains(&ferdie));
		next_block();
		assert!(validate(signed(Ferdie, council_call())).is_ok());
		assert!(apply(signed(Ferdie, council_call())).is_ok());
		// Five members now: two thirds is four.
		let remove = RuntimeCall::CouncilMembership(pallet_membership::Call::remove_member {
			who: ferdie.clone().into(),
		});
		assert!(!executed_ok(&motion(
			Alice,
			remove.clone(),
			&[Alice, Bob, Charlie],
			&[Dave, Ferdie]
		)));
		assert!(executed_ok(&motion(Alice, remove, &[Alice, Bob, Charlie, Dave], &[])));
		next_block();
		assert_eq!(validate(signed(Ferdie, council_call())), Err(BAD_SIGNER));
		// A single member cannot change the membership.
		let add = RuntimeCall::CouncilMembership(pallet_membership::Call::add_member {
			who: ferdie.into(),
		});
		assert_eq!(apply(signed(Alice, add.clone())), Err(NOT_FOR_ROLE));
		assert_eq!(
			add.dispatch(RuntimeOrigin::signed(Alice.to_account_id())).map_err(|e| e.error),
			Err(DispatchError::BadOrigin)
		);
	});
}

/// A council of 14 (one per region): the regional network's four, and ten more added by root
/// (the test's shortcut for ten motions). Returns the members.
fn council_of_fourteen() -> Vec<AccountId> {
	let mut members: Vec<AccountId> =
		[Alice, Bob, Charlie, Dave].iter().map(|k| k.to_account_id()).collect();
	for i in 0..10 {
		let pair = <sp_core::sr25519::Pair as sp_core::Pair>::from_string(
			&format!("//Department{i}"),
			None,
		)
		.unwrap();
		let who = AccountId::from(sp_core::Pair::public(&pair));
		let add = RuntimeCall::CouncilMembership(pallet_membership::Call::add_member {
			who: who.clone().into(),
		});
		assert!(add.dispatch(RuntimeOrigin::root()).is_ok());
		members.push(who);
	}
	assert_eq!(pallet_collective::Members::<Runtime, CouncilInstance>::get().len(), 14);
	members
}

/// A motion for `call` with the threshold two thirds of 14 (10), voted aye by `ayes` and by
/// nobody else, closed by its proposer after its duration. Returns the closing events.
fn motion_closed_after_its_duration(ayes: &[AccountId], call: RuntimeCall) -> Vec<RuntimeEvent> {
	let council = |who: &AccountId, call: pallet_collective::Call<Runtime, CouncilInstance>| {
		let result = RuntimeCall::Council(call).dispatch(RuntimeOrigin::signed(who.clone()));
		assert!(result.is_ok(), "{result:?}");
	};
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let index = pallet_collective::ProposalCount::<Runtime, CouncilInstance>::get();
	council(
		&ayes[0],
		pallet_collective::Call::propose {
			threshold: 10,
			proposal: Box::new(call),
			length_bound: length,
		},
	);
	let end_of_motion = System::block_number() + MotionDuration::get();
	for voter in ayes {
		council(voter, pallet_collective::Call::vote { proposal: hash, index, approve: true });
	}
	System::set_block_number(end_of_motion + 1);
	System::reset_events();
	council(
		&ayes[0],
		pallet_collective::Call::close {
			proposal_hash: hash,
			index,
			proposal_weight_bound: weight,
			length_bound: length,
		},
	);
	events()
}

#[test]
fn two_thirds_means_two_thirds_of_the_seats_not_a_majority_and_silence() {
	regional().execute_with(|| {
		let members = council_of_fourteen();
		// 8 of 14 vote aye, the other six do not vote at all. Silence is not consent: the motion
		// closes as 8 ayes and 6 nays, and 8 of 14 is not two thirds. (With FRAME's
		// `MoreThanMajorityThenPrimeDefaultVote`, the six silent seats counted as ayes: 14 of 14.)
		let closing =
			motion_closed_after_its_duration(&members[..8], create_jurisdiction("UZ-TK-Y1"));
		assert!(
			closing.iter().any(|e| matches!(
				e,
				RuntimeEvent::Council(pallet_collective::Event::Closed { yes: 8, no: 6, .. })
			)),
			"{closing:?}"
		);
		assert!(closing.iter().any(|e| matches!(
			e,
			RuntimeEvent::Council(pallet_collective::Event::Disapproved { .. })
		)));
		assert!(!jurisdiction_exists("UZ-TK-Y1"));
		// 10 of 14 is (10 × 3 ≥ 14 × 2): done.
		let closing =
			motion_closed_after_its_duration(&members[..10], create_jurisdiction("UZ-TK-Y2"));
		assert!(executed_ok(&closing), "{closing:?}");
		assert!(jurisdiction_exists("UZ-TK-Y2"));
	});
}

#[test]
fn one_member_cannot_fill_the_councils_queue_nor_block_its_own_removal() {
	regional().execute_with(|| {
		let propose = |who: Sr25519Keyring, code: &str| {
			let call = create_jurisdiction(code);
			let length = call.encoded_size() as u32;
			RuntimeCall::Council(pallet_collective::Call::propose {
				threshold: 3,
				proposal: Box::new(call),
				length_bound: length,
			})
			.dispatch(RuntimeOrigin::signed(who.to_account_id()))
			.map(|_| ())
			.map_err(|e| e.error)
		};
		// Dave, say compromised, opens motions: three, and no more.
		for i in 0..3 {
			assert_eq!(propose(Dave, &format!("UZ-TK-D{i}")), Ok(()));
		}
		let refused: DispatchError = pallet_governance::Error::<Runtime>::TooManyOpenMotions.into();
		assert_eq!(propose(Dave, "UZ-TK-D3"), Err(refused));
		// Through the pool as well: included, and refused with the same error.
		assert_eq!(
			apply(signed(
				Dave,
				RuntimeCall::Council(pallet_collective::Call::propose {
					threshold: 3,
					proposal: Box::new(create_jurisdiction("UZ-TK-D4")),
					length_bound: 1_000,
				})
			)),
			Ok(Err(refused))
		);
		assert_eq!(pallet_collective::Proposals::<Runtime, CouncilInstance>::get().len(), 3);
		// The others are not held back: the motion removing Dave from the council passes.
		let remove = RuntimeCall::CouncilMembership(pallet_membership::Call::remove_member {
			who: Dave.to_account_id().into(),
		});
		assert!(executed_ok(&motion(Alice, remove, &[Alice, Bob, Charlie], &[])));
		assert!(!pallet_collective::Members::<Runtime, CouncilInstance>::get()
			.contains(&Dave.to_account_id()));
		// A closed motion holds no place: Bob's three closed motions leave him his three.
		for i in 0..3 {
			let closing =
				motion(Bob, create_jurisdiction(&format!("UZ-TK-B{i}")), &[], &[Alice, Charlie]);
			assert!(!executed_ok(&closing));
		}
		for i in 3..6 {
			assert_eq!(propose(Bob, &format!("UZ-TK-B{i}")), Ok(()));
		}
		assert_eq!(propose(Bob, "UZ-TK-B6"), Err(refused));
	});
}
