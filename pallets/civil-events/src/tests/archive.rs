//! The paper archive: imports in batches (`enroll_batch`) and anchored batches of records
//! (`anchor_archive_batch`, `verify_archive_record`).

use super::builders::*;
use crate::{
	ActsByOfficer, ArchiveAnchors, ArchivePeriod, ArchiveRecord, MarriageBasis, NextActId, Pallet,
};
use civil_registry_primitives::{archive_root_and_proof, ArchiveProofError};
use frame_support::BoundedVec;

/// Levels of the mock's jurisdiction tree above and at Yunusobod: Uzbekistan, Tashkent, Yunusobod.
const MAX_TEST_LEVELS: u32 = 3;

fn person_record(key: u8, sex: Sex, born: Date) -> ArchiveRecord {
	ArchiveRecord::Person {
		jurisdiction: TK_YUN,
		birth_date: born,
		identity_key: h(key),
		data_root: h(key.wrapping_add(100)),
		sex,
		mother: None,
		father: None,
		archive_reference: h(key.wrapping_add(200)),
	}
}

fn child_record(key: u8, born: Date, mother: PersonId, father: PersonId) -> ArchiveRecord {
	match person_record(key, Sex::Female, born) {
		ArchiveRecord::Person {
			jurisdiction,
			birth_date,
			identity_key,
			data_root,
			sex,
			archive_reference,
			..
		} => ArchiveRecord::Person {
			jurisdiction,
			birth_date,
			identity_key,
			data_root,
			sex,
			mother: Some(mother),
			father: Some(father),
			archive_reference,
		},
		other => other,
	}
}

fn marriage_record(first: PersonId, second: PersonId, reference: u8) -> ArchiveRecord {
	ArchiveRecord::Marriage {
		jurisdiction: TK_YUN,
		date: d(2010, 5, 1),
		first,
		second,
		archive_reference: h(reference),
	}
}

fn import(who: u64, records: Vec<ArchiveRecord>) -> DispatchResult {
	let records: BoundedVec<_, _> = records.try_into().expect("within MaxArchiveBatch");
	Pallet::<Test>::enroll_batch(signed(who), records)
		.map(|_| ())
		.map_err(|e| e.error)
}

/// The registry's events since the block started, in order.
fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::CivilEvents(e) => Some(e),
			_ => None,
		})
		.collect()
}

fn period() -> ArchivePeriod {
	ArchivePeriod { from: d(1950, 1, 1), to: d(1959, 12, 31) }
}

#[test]
fn a_batch_enrolls_persons_and_marriages_with_one_event_each_and_one_officer_run() {
	build_and_execute(|| {
		let first = NextActId::<Test>::get();
		assert_ok!(import(
			ARCHIVIST,
			vec![
				person_record(1, Sex::Female, d(1980, 1, 1)),
				person_record(2, Sex::Male, d(1979, 1, 1)),
			]
		));
		let (wife, husband) =
			(Persons::by_identity(&h(1)).unwrap(), Persons::by_identity(&h(2)).unwrap());
		System::reset_events();
		assert_ok!(import(
			ARCHIVIST,
			vec![marriage_record(wife, husband, 50), child_record(3, d(2012, 3, 1), wife, husband)]
		));

		let child = Persons::by_identity(&h(3)).unwrap();
		assert_eq!(person(child).mother, Some(wife));
		assert_eq!(person(child).father, Some(husband));
		assert_eq!(person(wife).spouse(), Some(husband));
		let marriage = first + 2;
		assert!(matches!(
			Acts::<Test>::get(marriage).unwrap().details,
			ActDetails::Marriage(MarriageDetails {
				spouses,
				basis: MarriageBasis::Archive,
				ended_by: None
			}) if spouses == Spouses { first: wife, second: husband }
		));
		// The child's enrollment is in both parents' indexes (the kinship check sees it).
		assert!(ActsOf::<Test>::get(wife).contains(&(first + 3)));
		assert!(ActsOf::<Test>::get(husband).contains(&(first + 3)));
		// One event per record, in order, then the totals.
		assert_eq!(
			events(),
			vec![
				Event::MarriageEnrolled {
					act: marriage,
					first: wife,
					second: husband,
					office: ARCHIVE
				},
				Event::PersonEnrolled { act: first + 3, person: child, office: ARCHIVE },
				Event::ArchiveBatchImported {
					office: ARCHIVE,
					enrolled: 2,
					skipped: 0,
					refused: 0
				},
			]
		);
		// The officer's index: one run per batch.
		assert_eq!(ActsByOfficer::<Test>::get(ARCHIVIST, first), Some(2));
		assert_eq!(ActsByOfficer::<Test>::get(ARCHIVIST, first + 2), Some(2));
		assert_eq!(ActsByOfficer::<Test>::iter_prefix(ARCHIVIST).count(), 2);
	});
}

#[test]
fn a_batch_run_again_skips_what_is_on_chain_and_writes_nothing() {
	build_and_execute(|| {
		let (wife, husband) = couple();
		let batch = vec![
			person_record(10, Sex::Female, d(1990, 1, 1)),
			marriage_record(wife, husband, 51),
			person_record(11, Sex::Male, d(1991, 1, 1)),
		];
		assert_ok!(import(ARCHIVIST, batch.clone()));
		let next = NextActId::<Test>::get();
		let enrolled = [next - 3, next - 2, next - 1];
		// Even after the marriage ended, the same paper marriage is not enrolled again.
		assert_ok!(divorce(enrolled[1]).on(TODAY).register());
		let next = NextActId::<Test>::get();
		let runs = ActsByOfficer::<Test>::iter_prefix(ARCHIVIST).count();
		System::reset_events();

		assert_ok!(import(ARCHIVIST, batch));

		assert_eq!(NextActId::<Test>::get(), next, "nothing enrolled twice");
		assert_eq!(ActsByOfficer::<Test>::iter_prefix(ARCHIVIST).count(), runs, "no empty run");
		assert_eq!(
			events(),
			vec![
				Event::ArchiveRecordSkipped { index: 0, act: enrolled[0] },
				Event::ArchiveRecordSkipped { index: 1, act: enrolled[1] },
				Event::ArchiveRecordSkipped { index: 2, act: enrolled[2] },
				Event::ArchiveBatchImported {
					office: ARCHIVE,
					enrolled: 0,
					skipped: 3,
					refused: 0
				},
			]
		);
	});
}

#[test]
fn a_refused_record_leaves_nothing_and_does_not_stop_the_others() {
	build_and_execute(|| {
		let (wife, husband) = couple();
		let held = enroll(20, Sex::Male, d(1970, 1, 1));
		let next = NextActId::<Test>::get();
		let persons = Persons::next_id();
		System::reset_events();

		assert_ok!(import(
			ARCHIVIST,
			vec![
				// Born after the go-live: a birth act, not an enrollment.
				person_record(21, Sex::Female, d(2024, 2, 1)),
				person_record(22, Sex::Female, d(2000, 2, 1)),
				// The identity key of a person on chain under another paper record.
				person_record(20, Sex::Male, d(1970, 1, 1)),
				// Bigamy: she is married by the marriage below... after it; first it succeeds.
				marriage_record(wife, husband, 60),
				marriage_record(wife, held, 61),
				person_record(23, Sex::Male, d(2001, 2, 1)),
			]
		));

		let refused = |index: u32, error: Error<Test>| Event::ArchiveRecordRefused {
			index,
			error: DispatchError::from(error).stripped(),
		};
		assert_eq!(
			events(),
			vec![
				refused(0, Error::<Test>::NotBeforeGoLive),
				Event::PersonEnrolled { act: next, person: persons, office: ARCHIVE },
				refused(2, Error::<Test>::DuplicateIdentity),
				Event::MarriageEnrolled {
					act: next + 1,
					first: wife,
					second: husband,
					office: ARCHIVE
				},
				refused(4, Error::<Test>::AlreadyMarried),
				Event::PersonEnrolled { act: next + 2, person: persons + 1, office: ARCHIVE },
				Event::ArchiveBatchImported {
					office: ARCHIVE,
					enrolled: 3,
					skipped: 0,
					refused: 3
				},
			]
		);
		// The refused records took no act id: the officer's run covers the three exactly.
		assert_eq!(NextActId::<Test>::get(), next + 3);
		assert_eq!(ActsByOfficer::<Test>::get(ARCHIVIST, next), Some(3));
		assert!(Persons::by_identity(&h(21)).is_none());
	});
}

#[test]
fn an_import_refunds_the_statistics_counters_its_persons_share() {
	build_and_execute(|| {
		let records = |same_month: bool| -> BoundedVec<_, _> {
			(0..4u8)
				.map(|i| {
					let month = if same_month { 1 } else { i + 1 };
					person_record(60 + i + 10 * u8::from(same_month), Sex::Male, d(1990, month, 1))
				})
				.collect::<Vec<_>>()
				.try_into()
				.unwrap()
		};
		let declared = Pallet::<Test>::archive_batch_weight(&records(true));
		let shared = Pallet::<Test>::enroll_batch(signed(ARCHIVIST), records(true)).unwrap();
		let own = Pallet::<Test>::enroll_batch(signed(ARCHIVIST), records(false)).unwrap();
		let (shared, own) = (shared.actual_weight.unwrap(), own.actual_weight.unwrap());
		// Four persons of one month and district write one set of counters, four of four
		// months four sets: the first import is refunded three sets more than the second.
		let counter = <Test as frame_system::Config>::DbWeight::get().reads_writes(1, 1);
		let levels = u64::from(MAX_TEST_LEVELS);
		assert!(own.ref_time() <= declared.ref_time() && shared.ref_time() < own.ref_time());
		assert_eq!(
			own.ref_time() - shared.ref_time(),
			counter.saturating_mul(3 * levels).ref_time()
		);
	});
}

#[test]
fn a_batch_is_checked_record_by_record_like_the_single_calls() {
	build_and_execute(|| {
		assert_noop!(import(ARCHIVIST, vec![]), Error::<Test>::EmptyBatch);
		assert_noop!(
			import(NOBODY, vec![person_record(30, Sex::Male, d(1990, 1, 1))]),
			Error::<Test>::NotOfficer
		);
		// A wedding house may not enroll: each record is refused with the single call's error.
		System::reset_events();
		assert_ok!(import(WEDDING_REGISTRAR, vec![person_record(31, Sex::Male, d(1990, 1, 1))]));
		assert_eq!(
			events()[0],
			Event::ArchiveRecordRefused {
				index: 0,
				error: DispatchError::from(Error::<Test>::ActKindNotAllowed).stripped()
			}
		);
		// A district office enrolls in its own district only.
		System::reset_events();
		let mut outside = person_record(32, Sex::Male, d(1990, 1, 1));
		if let ArchiveRecord::Person { jurisdiction, .. } = &mut outside {
			*jurisdiction = SA_SAM;
		}
		assert_ok!(import(REGISTRAR, vec![outside]));
		assert_eq!(
			events()[0],
			Event::ArchiveRecordRefused {
				index: 0,
				error: DispatchError::from(Error::<Test>::OutsideJurisdiction).stripped()
			}
		);
	});
}

#[test]
fn acts_of_a_batch_are_listed_for_review_when_the_key_is_compromised() {
	build_and_execute(|| {
		run_to_block(5);
		let first = NextActId::<Test>::get();
		assert_ok!(import(
			REGISTRAR,
			vec![
				person_record(40, Sex::Male, d(1990, 1, 1)),
				person_record(41, Sex::Female, d(1990, 1, 1)),
			]
		));
		assert_ok!(pallet_offices::Pallet::<Test>::dismiss_officer(root(), REGISTRAR, Some(5)));
		let listed: Vec<ActId> = Pallet::<Test>::acts_under_review(REGISTRAR)
			.into_iter()
			.map(|i| i.act)
			.collect();
		assert_eq!(listed, vec![first, first + 1]);
	});
}

#[test]
fn an_archive_batch_is_anchored_once_by_its_office_and_its_records_proven() {
	build_and_execute(|| {
		let records: Vec<H256> = (0..5u8).map(h).collect();
		let (root, proof) = archive_root_and_proof(&records, 3).unwrap();

		assert_ok!(Pallet::<Test>::anchor_archive_batch(
			signed(ARCHIVIST),
			root,
			5,
			ARCHIVE,
			period()
		));
		assert_eq!(
			last_event(),
			Event::ArchiveAnchored { root, count: 5, office: ARCHIVE, period: period() }
		);
		let anchor = ArchiveAnchors::<Test>::get(root).unwrap();
		assert_eq!((anchor.count, anchor.office, anchor.officer), (5, ARCHIVE, ARCHIVIST));

		// Proven: the record at its position; not: another record, another position, a
		// tampered proof, an unknown root.
		assert_eq!(
			Pallet::<Test>::verify_archive_record(root, 3, records[3], proof.clone()),
			Ok(anchor)
		);
		assert_eq!(
			Pallet::<Test>::verify_archive_record(root, 3, records[2], proof.clone()),
			Err(ArchiveProofError::NotProven)
		);
		assert_eq!(
			Pallet::<Test>::verify_archive_record(root, 2, records[3], proof.clone()),
			Err(ArchiveProofError::NotProven)
		);
		let mut tampered = proof.clone();
		tampered[0] = h(0xee);
		assert_eq!(
			Pallet::<Test>::verify_archive_record(root, 3, records[3], tampered),
			Err(ArchiveProofError::NotProven)
		);
		assert_eq!(
			Pallet::<Test>::verify_archive_record(root, 5, records[3], proof.clone()),
			Err(ArchiveProofError::IndexOutOfRange)
		);
		assert_eq!(
			Pallet::<Test>::verify_archive_record(h(9), 3, records[3], proof),
			Err(ArchiveProofError::UnknownRoot)
		);

		assert_noop!(
			Pallet::<Test>::anchor_archive_batch(signed(ARCHIVIST), root, 5, ARCHIVE, period()),
			Error::<Test>::AlreadyAnchored
		);
	});
}

#[test]
fn an_anchor_is_refused_with_a_reason() {
	build_and_execute(|| {
		let anchor = |who: u64, count: u32, office: u32, period: ArchivePeriod| {
			Pallet::<Test>::anchor_archive_batch(signed(who), h(1), count, office, period)
		};
		assert_noop!(anchor(NOBODY, 5, ARCHIVE, period()), Error::<Test>::NotOfficer);
		assert_noop!(anchor(REGISTRAR, 5, ARCHIVE, period()), Error::<Test>::NotOwnOffice);
		assert_noop!(
			anchor(
				WEDDING_REGISTRAR,
				5,
				pallet_offices::Officers::<Test>::get(WEDDING_REGISTRAR).unwrap().office,
				period()
			),
			Error::<Test>::ActKindNotAllowed
		);
		assert_noop!(anchor(ARCHIVIST, 0, ARCHIVE, period()), Error::<Test>::EmptyAnchor);
		let backwards = ArchivePeriod { from: d(1960, 1, 1), to: d(1950, 1, 1) };
		assert_noop!(anchor(ARCHIVIST, 5, ARCHIVE, backwards), Error::<Test>::InvalidPeriod);
		let future = ArchivePeriod { from: d(2024, 1, 1), to: d(2024, 6, 16) };
		assert_noop!(anchor(ARCHIVIST, 5, ARCHIVE, future), Error::<Test>::InvalidPeriod);
		let invalid = ArchivePeriod { from: d(1950, 2, 30), to: d(1950, 3, 1) };
		assert_noop!(anchor(ARCHIVIST, 5, ARCHIVE, invalid), Error::<Test>::InvalidPeriod);
		// A registry office anchors its own archive.
		assert_ok!(anchor(REGISTRAR, 5, YUN_OFFICE, period()));
	});
}
