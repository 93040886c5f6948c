//! Storage migrations, run on the state the previous version left: the state is built with
//! today's calls, turned back into the previous version's encoding and keys, migrated, and
//! compared with what it was.

use super::builders::*;
use crate::{
	migrations::{v4, CompactActs},
	ActsByOfficer, Pallet,
};
use frame_support::{
	storage_alias,
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	Blake2_128Concat, Twox64Concat,
};
use pallet_persons::migrations::{v1, CompactPersons};

mod officer_index_v4 {
	use super::*;

	/// Version 4's officer index: one entry per act (the alias's name is the item's).
	#[storage_alias]
	pub type ActsByOfficer<T: crate::Config> = StorageDoubleMap<
		Pallet<T>,
		Blake2_128Concat,
		<T as frame_system::Config>::AccountId,
		Twox64Concat,
		ActId,
		(),
	>;
}
use officer_index_v4::ActsByOfficer as OfficerIndexV4;

/// Acts of every shape the migration touches: enrollments (one with parents), births, a
/// marriage, a corrected birth (a superseded version).
fn state() {
	let (m, f) = couple();
	enroll(30, Sex::Male, d(2001, 1, 1));
	assert_ok!(enrollment(31, Sex::Female).mother(m).father(f).on(d(2010, 1, 1)).register());
	new_child(32, TODAY, Some(m), None);
	marry(m, f, d(2015, 1, 1));
	let child = new_child(33, d(2024, 6, 1), None, None);
	let correction = Correction { data_root: Some(h(0x77)), ..Default::default() };
	let proposal = propose(birth_act(child), correction);
	assert_ok!(Pallet::<Test>::approve_amendment(signed(TK_REGIONAL_HEAD), proposal));
}

#[test]
fn version_4_acts_and_indexes_become_version_5_s() {
	build_and_execute(|| {
		state();
		let acts: Vec<_> = Acts::<Test>::iter().collect();
		let index: Vec<_> = ActsOf::<Test>::iter().collect();
		let history: Vec<_> = ActHistory::<Test>::iter().collect();
		let runs: Vec<_> = ActsByOfficer::<Test>::iter().collect();
		assert!(runs.iter().all(|(_, _, n)| *n == 1), "single registrations: runs of one");
		assert!(!history.is_empty());

		// Back to version 4: `Twox64Concat` keys, the archive reference repeated, the origin
		// act listed first in the person's index, one officer entry per act.
		let old = |act: &crate::Act<Test>| v4::Act::<Test> {
			kind: act.kind,
			subjects: act.subjects.clone(),
			office: act.office,
			officer: act.officer,
			jurisdiction: act.jurisdiction,
			event_date: act.event_date,
			registered_at: act.registered_at,
			document_hash: act.document_hash,
			version: act.version,
			status: act.status,
			late: act.late,
			sealed: act.sealed,
			details: match act.details.clone() {
				ActDetails::Enrollment { identity_key, data_root, sex, mother, father } => {
					v4::ActDetails::Enrollment {
						identity_key,
						data_root,
						sex,
						archive_reference: act.document_hash,
						mother,
						father,
					}
				},
				other => v4::ActDetails::Other(other),
			},
		};
		let _ = Acts::<Test>::clear(u32::MAX, None);
		let _ = ActsOf::<Test>::clear(u32::MAX, None);
		let _ = ActsByOfficer::<Test>::clear(u32::MAX, None);
		for (id, act) in &acts {
			v4::Acts::<Test>::insert(id, old(act));
		}
		for (id, number, version) in &history {
			let key = ActHistory::<Test>::hashed_key_for(id, number);
			let old_version = v4::SupersededVersion::<Test> {
				act: old(&version.act),
				superseded_at: version.superseded_at,
				reason: version.reason,
				proposed_by: version.proposed_by,
				approved_by: version.approved_by,
			};
			frame_support::storage::unhashed::put(&key, &old_version);
		}
		let persons: Vec<_> = pallet_persons::Persons::<Test>::iter().collect();
		for (person, record) in &persons {
			let mut list = vec![record.origin_act];
			list.extend(
				index
					.iter()
					.find(|(p, _)| p == person)
					.map(|(_, l)| l.to_vec())
					.unwrap_or_default(),
			);
			v4::ActsOf::<Test>::insert(person, frame_support::BoundedVec::truncate_from(list));
		}
		for (officer, first, _) in &runs {
			OfficerIndexV4::<Test>::insert(officer, first, ());
		}
		StorageVersion::new(4).put::<Pallet<Test>>();

		CompactActs::<Test>::on_runtime_upgrade();

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(5));
		let mut migrated: Vec<_> = Acts::<Test>::iter().collect();
		migrated.sort_by_key(|(id, _)| *id);
		let mut expected = acts.clone();
		expected.sort_by_key(|(id, _)| *id);
		assert_eq!(migrated, expected);
		let mut migrated: Vec<_> = ActsOf::<Test>::iter().collect();
		migrated.sort_by_key(|(p, _)| *p);
		let mut expected = index.clone();
		expected.sort_by_key(|(p, _)| *p);
		assert_eq!(migrated, expected);
		assert_eq!(ActsByOfficer::<Test>::iter().count(), runs.len());
		assert_eq!(ActHistory::<Test>::iter().collect::<Vec<_>>(), history);
		// A second upgrade: the version check makes it a no-op.
		CompactActs::<Test>::on_runtime_upgrade();
		assert_eq!(Acts::<Test>::iter().count(), acts.len());
	});
}

#[test]
fn version_1_persons_lose_their_repeated_identity_key_and_hashed_keys() {
	build_and_execute(|| {
		let (m, f) = couple();
		new_child(40, TODAY, Some(m), Some(f));
		let persons: Vec<_> = pallet_persons::Persons::<Test>::iter().collect();
		let keys: Vec<_> = pallet_persons::PersonByIdentity::<Test>::iter().collect();
		let key_of = |id: PersonId| keys.iter().find(|(_, p)| *p == id).map(|(k, _)| *k).unwrap();

		let _ = pallet_persons::Persons::<Test>::clear(u32::MAX, None);
		let _ = pallet_persons::PersonByIdentity::<Test>::clear(u32::MAX, None);
		for (id, record) in &persons {
			v1::Persons::<Test>::insert(
				id,
				v1::PersonRecord {
					identity_key: key_of(*id),
					data_root: record.data_root,
					sex: record.sex,
					birth_date: record.birth_date,
					birth_jurisdiction: record.birth_jurisdiction,
					status: record.status,
					mother: record.mother,
					father: record.father,
					marital: record.marital,
					sealed: record.sealed,
					origin_act: record.origin_act,
					revoked: record.revoked,
				},
			);
		}
		for (key, id) in &keys {
			v1::PersonByIdentity::<Test>::insert(key, id);
		}
		StorageVersion::new(1).put::<pallet_persons::Pallet<Test>>();

		CompactPersons::<Test>::on_runtime_upgrade();

		assert_eq!(
			pallet_persons::Pallet::<Test>::on_chain_storage_version(),
			StorageVersion::new(2)
		);
		let mut migrated: Vec<_> = pallet_persons::Persons::<Test>::iter().collect();
		migrated.sort_by_key(|(id, _)| *id);
		let mut expected = persons.clone();
		expected.sort_by_key(|(id, _)| *id);
		assert_eq!(migrated, expected);
		for (key, id) in &keys {
			assert_eq!(Persons::by_identity(key), Some(*id));
		}
	});
}
