//! Storage migrations, run on the state the previous version left.

use super::builders::*;
use crate::{migrations::RollUpStatistics, Pallet, Statistics};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};

#[test]
fn version_1_statistics_are_rolled_up_once() {
	build_and_execute(|| {
		// Acts registered under version 2 count for every level...
		new_child(10, d(2024, 6, 1), None, None);
		new_child(11, d(2024, 6, 2), None, None);
		assert_ok!(birth(13)
			.by(SAM_REGISTRAR)
			.at(SA_SAM)
			.on(d(2024, 6, 3))
			.sex(Sex::Male)
			.register());
		let rolled_up: Vec<_> = Statistics::<Test>::iter().collect();
		assert_eq!(rolled_up.len(), 5, "Yunusobod, Tashkent, Samarkand City and Region, UZ");
		// ...so turn the state back into version 1's: exact jurisdictions only.
		for ((kind, month, jurisdiction), _) in rolled_up.iter() {
			if ![TK_YUN, SA_SAM].contains(jurisdiction) {
				Statistics::<Test>::remove((*kind, *month, *jurisdiction));
			}
		}
		assert_eq!(count(ActKind::Birth, 2024, 6, 0), 0);
		StorageVersion::new(1).put::<Pallet<Test>>();

		RollUpStatistics::<Test>::on_runtime_upgrade();

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(2));
		// (The next migration is not run here.)
		assert_eq!(Statistics::<Test>::iter().collect::<Vec<_>>(), rolled_up);
		assert_eq!(count(ActKind::Birth, 2024, 6, 0), 3);
		// Run again (a second upgrade): the version check makes it a no-op.
		RollUpStatistics::<Test>::on_runtime_upgrade();
		assert_eq!(Statistics::<Test>::iter().collect::<Vec<_>>(), rolled_up);
	});
}

#[test]
fn version_3_acts_get_the_law_s_references() {
	use crate::{
		migrations::{v3, RecordLawReferences},
		GoLive, MarriageBasis,
	};
	build_and_execute(|| {
		let (m, f) = couple();
		let marriage = marry(m, f, d(2015, 1, 1));
		assert_ok!(divorce(marriage).on(TODAY).register());
		let divorce = last_act();
		// Turn the two acts back into version 3's encoding: an exemption without a district,
		// a divorce without grounds.
		let old = |id: u64, details: v3::ActDetails| {
			let new = Acts::<Test>::get(id).unwrap();
			v3::Act::<Test> {
				kind: new.kind,
				subjects: new.subjects,
				office: new.office,
				officer: new.officer,
				jurisdiction: new.jurisdiction,
				event_date: new.event_date,
				registered_at: new.registered_at,
				document_hash: new.document_hash,
				version: new.version,
				status: new.status,
				late: new.late,
				sealed: new.sealed,
				details,
			}
		};
		let old_marriage = old(
			marriage,
			v3::ActDetails::Marriage { exemption: Some(h(0xee)), ended_by: Some(divorce) },
		);
		let old_divorce = old(divorce, v3::ActDetails::Divorce { marriage });
		let enrollment = Acts::<Test>::get(0).unwrap().details;
		// The two enrollments, without parents.
		for id in [0, 1] {
			let Some(ActDetails::Enrollment {
				identity_key,
				data_root,
				sex,
				archive_reference,
				..
			}) = Acts::<Test>::get(id).map(|a| a.details)
			else {
				panic!("an enrollment");
			};
			let details =
				v3::ActDetails::Enrollment { identity_key, data_root, sex, archive_reference };
			frame_support::storage::unhashed::put(
				&Acts::<Test>::hashed_key_for(id),
				&old(id, details),
			);
		}
		frame_support::storage::unhashed::put(
			&Acts::<Test>::hashed_key_for(marriage),
			&old_marriage,
		);
		frame_support::storage::unhashed::put(&Acts::<Test>::hashed_key_for(divorce), &old_divorce);
		GoLive::<Test>::kill();
		StorageVersion::new(3).put::<Pallet<Test>>();

		RecordLawReferences::<Test>::on_runtime_upgrade();

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(4));
		assert_eq!(
			Acts::<Test>::get(marriage).unwrap().details,
			ActDetails::Marriage {
				basis: MarriageBasis::Exemption(Exemption { district: TK_YUN, decision: h(0xee) }),
				ended_by: Some(divorce),
			}
		);
		assert_eq!(
			Acts::<Test>::get(divorce).unwrap().details,
			ActDetails::Divorce { marriage, grounds: DivorceGrounds::MutualConsent }
		);
		assert_eq!(Acts::<Test>::get(0).unwrap().details, enrollment);
		assert_eq!(GoLive::<Test>::get(), Some(TODAY));
		// Run again: the version check makes it a no-op.
		let before = Acts::<Test>::get(marriage);
		RecordLawReferences::<Test>::on_runtime_upgrade();
		assert_eq!(Acts::<Test>::get(marriage), before);
	});
}
