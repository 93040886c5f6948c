//! Issue #5, acceptance 3, on the real runtime through signed extrinsics and the runtime API
//! entry points the node calls (`CivilRegistryApi_*`, SCALE in and out): register a birth, issue
//! a certificate and verify it valid; correct the act with four eyes; the old certificate
//! verifies as superseded, a new one as valid. Then the statistics answer for the country.

// Test code: a test fails by panicking (and overflow in test arithmetic would be a bug of the
// test itself), so the panic-free lints that guard runtime code do not apply here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]
#![allow(clippy::arithmetic_side_effects)]

mod common;

use civil_registry_primitives::{
	ActKind, CertificateInfo, CertificateStatus, Date, MonthlyCount, PersonRegistry, Sex,
	StatisticsError, YearMonth,
};
use civil_registry_runtime::{
	apis::api::dispatch, BlockNumber, Persons, Runtime, RuntimeCall, RuntimeEvent, System,
};
use codec::{Decode, Encode};
use common::*;
use pallet_civil_events::{AmendmentReason, Call as ActCall, Correction, Event as ActEvent};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob};

/// Yunusobod district of Tashkent city in the development genesis (office 0 serves it).
const YUNUSOBOD: u32 = 15;
/// 2024-06-15 12:00 UTC.
const NOW_MILLIS: u64 = 1_718_452_800_000;

/// Apply `call` signed by `who` in the current block; return the civil events it emitted.
fn submit(who: Sr25519Keyring, call: ActCall<Runtime>) -> Vec<ActEvent<Runtime>> {
	System::reset_events();
	assert_eq!(apply(signed(who, RuntimeCall::CivilEvents(call))), Ok(Ok(())));
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::CivilEvents(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// Ask the runtime API what a verifier asks: the status of a certificate hash.
fn verify(hash: H256) -> Option<CertificateInfo<BlockNumber>> {
	let answer = dispatch("CivilRegistryApi_verify_certificate", &hash.encode())
		.expect("the runtime exposes CivilRegistryApi");
	Decode::decode(&mut &answer[..]).expect("the answer decodes")
}

fn statistics(
	jurisdiction: u32,
	kind: Option<ActKind>,
	from: YearMonth,
	to: YearMonth,
) -> Result<Vec<MonthlyCount>, StatisticsError> {
	let answer = dispatch("CivilRegistryApi_statistics", &(jurisdiction, kind, from, to).encode())
		.expect("the runtime exposes CivilRegistryApi");
	Decode::decode(&mut &answer[..]).expect("the answer decodes")
}

#[test]
fn a_certificate_is_valid_then_superseded_by_a_four_eyes_correction() {
	preset_ext("development").execute_with(|| {
		pallet_timestamp::Now::<Runtime>::put(NOW_MILLIS);

		// Bob, registrar of the Yunusobod office, registers a birth.
		let events = submit(
			Bob,
			ActCall::register_birth {
				notification: None,
				residence: None,
				jurisdiction: YUNUSOBOD,
				birth_date: Date::new(2024, 6, 10),
				identity_key: H256::repeat_byte(1),
				data_root: H256::repeat_byte(0xd0),
				sex: Sex::Female,
				mother: None,
				father: None,
				court_decision: None,
				document_hash: H256::repeat_byte(0xdd),
			},
		);
		let (act, child) = match events.as_slice() {
			[ActEvent::BirthRegistered { act, child, .. }] => (*act, *child),
			e => panic!("unexpected events {e:?}"),
		};

		// He issues a birth certificate; anyone can verify it.
		let first = H256::repeat_byte(0xc1);
		next_block();
		submit(Bob, ActCall::issue_certificate { act, certificate_hash: first });
		let info = verify(first).expect("the certificate is known");
		assert_eq!(
			(info.status, info.kind, info.office, info.version, info.current_version),
			(CertificateStatus::Valid, ActKind::Birth, 0, 1, 1)
		);
		assert_eq!(info.issued_at, 2);
		assert_eq!(verify(H256::repeat_byte(0xc9)), None);

		// The date of birth was misspelt: Bob proposes a correction...
		next_block();
		let events = submit(
			Bob,
			ActCall::propose_amendment {
				act,
				new_document_hash: H256::repeat_byte(0xde),
				reason: AmendmentReason::ClericalError,
				correction: Correction {
					event_date: Some(Date::new(2024, 6, 9)),
					..Default::default()
				},
			},
		);
		let proposal = match events.as_slice() {
			[ActEvent::AmendmentProposed { proposal, .. }] => *proposal,
			e => panic!("unexpected events {e:?}"),
		};
		// ...which he cannot approve himself: approving is a head's call, refused at the gate...
		let own = signed(Bob, RuntimeCall::CivilEvents(ActCall::approve_amendment { proposal }));
		assert_eq!(
			apply(own),
			Err(sp_runtime::transaction_validity::TransactionValidityError::Invalid(
				sp_runtime::transaction_validity::InvalidTransaction::Call
			))
		);
		assert_eq!(verify(first).map(|i| i.status), Some(CertificateStatus::Valid));
		// ...and Alice, head of the office, approves.
		next_block();
		let events = submit(Alice, ActCall::approve_amendment { proposal });
		assert!(matches!(events.as_slice(), [ActEvent::ActAmended { version: 2, .. }]));
		assert_eq!(Persons::person(child).unwrap().birth_date, Date::new(2024, 6, 9));

		// The old certificate is superseded; a new one states version 2 and is valid.
		assert_eq!(
			verify(first).map(|i| (i.status, i.current_version)),
			Some((CertificateStatus::Superseded, 2))
		);
		let second = H256::repeat_byte(0xc2);
		next_block();
		submit(Bob, ActCall::issue_certificate { act, certificate_hash: second });
		let info = verify(second).expect("the new certificate is known");
		assert_eq!((info.status, info.version), (CertificateStatus::Valid, 2));

		// The public statistics count the birth in June 2024, rolled up to the country (0).
		let june = YearMonth::new(2024, 6);
		assert_eq!(
			statistics(0, Some(ActKind::Birth), june, june),
			Ok(vec![MonthlyCount { month: june, kind: ActKind::Birth, count: 1 }])
		);
		assert_eq!(statistics(999, None, june, june), Err(StatisticsError::UnknownJurisdiction));
	});
}
