//! Unit tests of the authority set: governance changes it, the change takes effect at the next
//! session boundary, the minimum holds, and only authorities hold session keys.

// Test code: a test fails by panicking; clippy.toml lifts the other panic-free lints in tests.
#![allow(clippy::arithmetic_side_effects)]

use crate::{mock::*, Authorities as AuthoritySet, Changed, Error, Event};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

fn set() -> Vec<u64> {
	AuthoritySet::<Test>::get().into_inner()
}

fn last_event() -> Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Authorities(e) => Some(e),
			_ => None,
		})
		.next_back()
		.expect("an authorities event")
}

#[test]
fn genesis_sorts_the_set_and_gives_each_a_provider() {
	build_and_execute(|| {
		assert_eq!(set(), vec![1, 2, 3, 4]);
		assert_eq!(pallet_session::Validators::<Test>::get(), vec![1, 2, 3, 4]);
		for who in 1..=4 {
			assert!(System::providers(&who) > 0);
		}
	});
}

#[test]
fn only_governance_changes_the_set() {
	build_and_execute(|| {
		for call in [
			Authorities::add_authority(RuntimeOrigin::signed(1), 5),
			Authorities::remove_authority(RuntimeOrigin::signed(1), 4),
			Authorities::set_keys(RuntimeOrigin::signed(1), 4, keys(40), proof(40, 4)),
		] {
			assert_eq!(call, Err(DispatchError::BadOrigin));
		}
	});
}

#[test]
fn an_added_authority_takes_part_from_the_session_after_next() {
	build_and_execute(|| {
		assert_ok!(Authorities::add_authority(RuntimeOrigin::root(), 5));
		assert_eq!(last_event(), Event::AuthorityAdded { who: 5 });
		assert_eq!(set(), vec![1, 2, 3, 4, 5]);
		assert!(Changed::<Test>::get());
		assert!(System::providers(&5) > 0);
		// Its node's keys, set by the account itself through the session pallet.
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(5), keys(5), proof(5, 5)));
		// A proof made for another account is refused.
		assert_noop!(
			Session::set_keys(RuntimeOrigin::signed(5), keys(50), proof(50, 4)),
			pallet_session::Error::<Test>::InvalidProof
		);
		// The first boundary queues the new set; the second makes it current.
		run_to_block(SESSION);
		assert_eq!(pallet_session::Validators::<Test>::get(), vec![1, 2, 3, 4]);
		assert_eq!(
			pallet_session::QueuedKeys::<Test>::get()
				.iter()
				.map(|(v, _)| *v)
				.collect::<Vec<_>>(),
			vec![1, 2, 3, 4, 5]
		);
		assert!(!Changed::<Test>::get());
		run_to_block(2 * SESSION);
		assert_eq!(pallet_session::Validators::<Test>::get(), vec![1, 2, 3, 4, 5]);
		assert_noop!(
			Authorities::add_authority(RuntimeOrigin::root(), 5),
			Error::<Test>::AlreadyAuthority
		);
	});
}

#[test]
fn an_authority_without_keys_is_left_out_until_its_keys_arrive() {
	build_and_execute(|| {
		assert_ok!(Authorities::add_authority(RuntimeOrigin::root(), 5));
		run_to_block(3 * SESSION);
		assert_eq!(pallet_session::Validators::<Test>::get(), vec![1, 2, 3, 4]);
		// Nothing changes while its keys are missing: no new set is planned.
		let queued = |n| {
			System::events()
				.iter()
				.filter(|r| {
					matches!(r.event, RuntimeEvent::Session(pallet_session::Event::NewQueued))
				})
				.count() == n
		};
		assert!(queued(1), "one set planned, at the first boundary after the addition");
		// Its node's keys arrive late (after the set was planned): the next boundary plans
		// it in, the one after makes it current.
		assert_ok!(Session::set_keys(RuntimeOrigin::signed(5), keys(5), proof(5, 5)));
		run_to_block(4 * SESSION);
		assert!(queued(2));
		run_to_block(5 * SESSION);
		assert_eq!(pallet_session::Validators::<Test>::get(), vec![1, 2, 3, 4, 5]);
		// And then the set is stable: no new plan while nothing changes.
		run_to_block(7 * SESSION);
		assert!(queued(2));
	});
}

#[test]
fn the_set_is_bounded() {
	build_and_execute(|| {
		assert_ok!(Authorities::add_authority(RuntimeOrigin::root(), 5));
		assert_noop!(
			Authorities::add_authority(RuntimeOrigin::root(), 6),
			Error::<Test>::TooManyAuthorities
		);
	});
}

#[test]
fn removal_takes_effect_at_the_session_after_next_and_never_below_the_minimum() {
	build_and_execute(|| {
		assert_ok!(Authorities::remove_authority(RuntimeOrigin::root(), 4));
		assert_eq!(last_event(), Event::AuthorityRemoved { who: 4 });
		assert_eq!(set(), vec![1, 2, 3]);
		assert_noop!(
			Authorities::remove_authority(RuntimeOrigin::root(), 3),
			Error::<Test>::TooFewAuthorities
		);
		assert_noop!(
			Authorities::remove_authority(RuntimeOrigin::root(), 4),
			Error::<Test>::NotAuthority
		);
		run_to_block(2 * SESSION);
		assert_eq!(pallet_session::Validators::<Test>::get(), vec![1, 2, 3]);
	});
}

#[test]
fn only_authorities_hold_session_keys() {
	build_and_execute(|| {
		// Account 6 is not an authority: the session pallet finds no validator id for it.
		assert_noop!(
			Session::set_keys(RuntimeOrigin::signed(6), keys(6), proof(6, 6)),
			pallet_session::Error::<Test>::NoAssociatedValidatorId
		);
		assert_noop!(
			Authorities::set_keys(RuntimeOrigin::root(), 6, keys(6), proof(6, 6)),
			Error::<Test>::NotAuthority
		);
	});
}

#[test]
fn governance_rotates_an_authoritys_keys() {
	build_and_execute(|| {
		assert_ok!(Authorities::set_keys(RuntimeOrigin::root(), 4, keys(40), proof(40, 4)));
		assert_eq!(last_event(), Event::KeysSet { who: 4 });
		assert_eq!(pallet_session::NextKeys::<Test>::get(4), Some(keys(40)));
		// A key already used by another authority is refused by the session pallet.
		assert_noop!(
			Authorities::set_keys(RuntimeOrigin::root(), 3, keys(40), proof(40, 3)),
			pallet_session::Error::<Test>::DuplicatedKey
		);
	});
}

#[test]
fn sessions_end_every_session_length_blocks() {
	use pallet_session::ShouldEndSession;
	build_and_execute(|| {
		let ends: Vec<u64> =
			(1..=3 * SESSION).filter(|n| Authorities::should_end_session(*n)).collect();
		assert_eq!(ends, vec![SESSION, 2 * SESSION, 3 * SESSION]);
	});
}

#[test]
fn the_slot_duration_is_the_genesis_setting() {
	use crate::{HalfSlotOf, SlotDuration, SlotDurationOf};
	use frame_support::traits::Get;
	build_and_execute(|| {
		assert_eq!(<SlotDurationOf<Test> as Get<u64>>::get(), SLOT);
		assert_eq!(<HalfSlotOf<Test> as Get<u64>>::get(), SLOT / 2);
		// A chain from before the setting has none stored: it reads the production six seconds.
		SlotDuration::<Test>::kill();
		assert_eq!(<SlotDurationOf<Test> as Get<u64>>::get(), crate::DEFAULT_SLOT_DURATION);
		assert_eq!(<HalfSlotOf<Test> as Get<u64>>::get(), 3000);
	});
}

#[test]
fn a_slot_duration_must_be_even_and_at_least_a_second() {
	use crate::valid_slot_duration;
	assert!(valid_slot_duration(1000) && valid_slot_duration(2000) && valid_slot_duration(6000));
	assert!(!valid_slot_duration(0) && !valid_slot_duration(998) && !valid_slot_duration(2001));
	// Even, but a slot would span midnight now and then.
	assert!(!valid_slot_duration(7000));
	for bad in [0, 999, 2001, 7000] {
		let genesis = crate::GenesisConfig::<Test> {
			authorities: vec![1],
			session_length: SESSION,
			slot_duration: bad,
		};
		let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
			sp_runtime::BuildStorage::build_storage(&genesis).map(|_| ())
		}));
		assert!(built.is_err(), "a genesis with a slot of {bad} ms was built");
	}
}

mod access_log {
	//! Anchors of the nodes' access logs: only a current authority's Aura key, with a valid
	//! signature, for a longer log than its last anchor, in a later block.
	use super::*;
	use crate::{access_log::ANCHOR_KEY_TYPE, AccessLogAnchor, AccessLogHeads, Call};
	use frame_support::pallet_prelude::{Authorize, InvalidTransaction, TransactionSource};
	use sp_core::{sr25519, Pair};

	/// The Aura key of authority 2's node.
	fn node_key() -> sr25519::Pair {
		sr25519::Pair::from_seed(&[2; 32])
	}

	/// Make `pair` the Aura key of `owner`.
	fn own(pair: &sr25519::Pair, owner: u64) {
		pallet_session::KeyOwner::<Test>::insert((ANCHOR_KEY_TYPE, pair.public().to_vec()), owner);
	}

	fn anchor(pair: &sr25519::Pair, entries: u64, sealed: bool) -> AccessLogAnchor {
		AccessLogAnchor { key: pair.public(), entries, head: [entries as u8; 32].into(), sealed }
	}

	fn sign(pair: &sr25519::Pair, anchor: &AccessLogAnchor) -> sr25519::Signature {
		pair.sign(&anchor.signing_payload(&System::block_hash(0)))
	}

	/// The pool's verdict on the anchor.
	fn authorize(
		anchor: &AccessLogAnchor,
		signature: sr25519::Signature,
	) -> Result<(), InvalidTransaction> {
		let call = Call::<Test>::anchor_access_log { anchor: anchor.clone(), signature };
		match call.authorize(TransactionSource::External) {
			Some(Ok(_)) => Ok(()),
			Some(Err(frame_support::pallet_prelude::TransactionValidityError::Invalid(e))) => {
				Err(e)
			},
			other => panic!("unexpected authorization: {other:?}"),
		}
	}

	fn dispatch(anchor: &AccessLogAnchor, signature: sr25519::Signature) -> DispatchResult {
		Authorities::anchor_access_log(
			frame_system::RawOrigin::Authorized.into(),
			anchor.clone(),
			signature,
		)
	}

	use frame_support::dispatch::DispatchResult;

	#[test]
	fn an_authority_node_anchors_its_log() {
		build_and_execute(|| {
			let pair = node_key();
			own(&pair, 2);
			let first = anchor(&pair, 3, false);
			assert_eq!(authorize(&first, sign(&pair, &first)), Ok(()));
			assert_ok!(dispatch(&first, sign(&pair, &first)));
			assert_eq!(
				last_event(),
				Event::AccessLogAnchored {
					authority: 2,
					key: pair.public(),
					entries: 3,
					head: first.head,
					sealed: false,
				}
			);
			let stored = AccessLogHeads::<Test>::get(pair.public()).unwrap();
			assert_eq!((stored.entries, stored.head, stored.at), (3, first.head, 1));
			// A sealed read, anchored on its own in a later block.
			run_to_block(2);
			let sealed = anchor(&pair, 4, true);
			assert_eq!(authorize(&sealed, sign(&pair, &sealed)), Ok(()));
			assert_ok!(dispatch(&sealed, sign(&pair, &sealed)));
			assert_eq!(AccessLogHeads::<Test>::get(pair.public()).unwrap().entries, 4);
		});
	}

	#[test]
	fn a_bad_signature_is_refused() {
		build_and_execute(|| {
			let pair = node_key();
			own(&pair, 2);
			let anchor = anchor(&pair, 3, false);
			// Signed by another key, over another anchor, for another chain, or without the
			// context: none verifies.
			let other = sr25519::Pair::from_seed(&[9; 32]);
			let mut longer = anchor.clone();
			longer.entries = 4;
			let genesis = System::block_hash(0);
			for signature in [
				sign(&other, &anchor),
				sign(&pair, &longer),
				pair.sign(&anchor.signing_payload(&sp_core::H256::repeat_byte(1))),
				pair.sign(&codec::Encode::encode(&(genesis, &anchor))),
			] {
				assert_eq!(authorize(&anchor, signature), Err(InvalidTransaction::BadProof));
			}
			assert!(AccessLogHeads::<Test>::get(pair.public()).is_none());
		});
	}

	#[test]
	fn only_a_current_authority_key_anchors() {
		build_and_execute(|| {
			// A key nobody owns, and the key of an account that is not a validator.
			let stranger = sr25519::Pair::from_seed(&[5; 32]);
			let retired = sr25519::Pair::from_seed(&[6; 32]);
			own(&retired, 6);
			for pair in [stranger, retired] {
				let anchor = anchor(&pair, 1, false);
				assert_eq!(
					authorize(&anchor, sign(&pair, &anchor)),
					Err(InvalidTransaction::BadSigner)
				);
				assert_noop!(
					dispatch(&anchor, sign(&pair, &anchor)),
					Error::<Test>::NotAnAuthorityKey
				);
			}
		});
	}

	#[test]
	fn an_anchor_must_extend_the_last_one_in_a_later_block() {
		build_and_execute(|| {
			let pair = node_key();
			own(&pair, 2);
			let empty = anchor(&pair, 0, false);
			assert_eq!(authorize(&empty, sign(&pair, &empty)), Err(InvalidTransaction::Stale));
			assert_noop!(dispatch(&empty, sign(&pair, &empty)), Error::<Test>::StaleAnchor);
			let first = anchor(&pair, 5, false);
			assert_ok!(dispatch(&first, sign(&pair, &first)));
			// The same block: refused even with more entries.
			let more = anchor(&pair, 6, false);
			assert_eq!(authorize(&more, sign(&pair, &more)), Err(InvalidTransaction::Stale));
			run_to_block(2);
			// A replay, or a shorter log (rewritten), is refused.
			for entries in [5, 4] {
				let stale = anchor(&pair, entries, false);
				assert_eq!(authorize(&stale, sign(&pair, &stale)), Err(InvalidTransaction::Stale));
				assert_noop!(dispatch(&stale, sign(&pair, &stale)), Error::<Test>::StaleAnchor);
			}
			assert_ok!(dispatch(&more, sign(&pair, &more)));
		});
	}

	#[test]
	fn no_signed_origin_anchors() {
		build_and_execute(|| {
			let pair = node_key();
			own(&pair, 2);
			let anchor = anchor(&pair, 1, false);
			for origin in [RuntimeOrigin::signed(2), RuntimeOrigin::root(), RuntimeOrigin::none()] {
				assert_noop!(
					Authorities::anchor_access_log(origin, anchor.clone(), sign(&pair, &anchor)),
					DispatchError::BadOrigin
				);
			}
		});
	}
}

#[test]
fn an_anchor_goes_ahead_of_the_acts_in_the_pool() {
	use crate::{access_log::ANCHOR_KEY_TYPE, AccessLogAnchor, Call};
	use frame_support::pallet_prelude::{Authorize, TransactionSource};
	use sp_core::{sr25519, Pair};
	build_and_execute(|| {
		let pair = sr25519::Pair::from_seed(&[3; 32]);
		pallet_session::KeyOwner::<Test>::insert((ANCHOR_KEY_TYPE, pair.public().to_vec()), 3);
		let anchor =
			AccessLogAnchor { key: pair.public(), entries: 1, head: [1; 32].into(), sealed: false };
		let signature = pair.sign(&anchor.signing_payload(&System::block_hash(0)));
		let (validity, _) = Call::<Test>::anchor_access_log { anchor, signature }
			.authorize(TransactionSource::External)
			.expect("an authorized call")
			.expect("a valid anchor");
		assert_eq!(validity.priority, u64::MAX / 2);
		assert_eq!(validity.longevity, 16);
	});
}
