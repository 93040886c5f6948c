//! Storage migrations, run on the state the previous version left: the state is built with
//! today's calls, turned back into the previous version's encoding, migrated, and compared
//! with what it was.

use super::builders::*;
use crate::WeightInfo;
use crate::{
	migrations::{v6, AdoptionParents, TypedActs, TypedActsCursor},
	Pallet,
};
use frame_support::weights::Weight;
use frame_support::{
	migrations::{SteppedMigration, SteppedMigrationError},
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
	weights::WeightMeter,
};
use pallet_persons::migrations::{v1, CompactPersons};

/// Acts of every kind and status the migration converts: births in effect (with both, one
/// and no parent) and pending, an enrollment, a death, marriages (one ended by a divorce,
/// one by the death), an adoption, a paternity, a change of name, and a corrected birth (a
/// superseded version).
fn state() {
	let (m, f) = couple();
	enroll(30, Sex::Male, d(2001, 1, 1));
	assert_ok!(enrollment(31, Sex::Female).mother(m).father(f).on(d(2010, 1, 1)).register());
	new_child(32, TODAY, Some(m), None);
	let marriage = marry(m, f, d(2015, 1, 1));
	assert_ok!(divorce(marriage)
		.on(TODAY)
		.grounds(DivorceGrounds::CourtDecision(h(9)))
		.register());
	let child = new_child(33, d(2024, 6, 1), None, None);
	let correction = Correction { data_root: Some(h(0x77)), ..Default::default() };
	let proposal = propose(birth_act(child), correction);
	assert_ok!(Pallet::<Test>::approve_amendment(signed(TK_REGIONAL_HEAD), proposal));
	assert_ok!(birth(34).on(d(2024, 1, 1)).register()); // late: pending
	let (a, b) = (enroll(35, Sex::Male, d(1980, 1, 1)), enroll(36, Sex::Female, d(1982, 1, 1)));
	marry(a, b, d(2010, 1, 1));
	assert_ok!(death(a).on(TODAY).register());
	assert_ok!(adoption(child).mother(b).seal(true).register());
	let single = enroll(38, Sex::Female, d(1992, 1, 1));
	let kid = new_child(37, d(2024, 5, 1), Some(single), None);
	assert_ok!(paternity(kid, f).register());
	assert_ok!(name_change(b, h(0x88)).register());
}

/// Turn the current acts and superseded versions back into version 6's encoding.
fn back_to_version_6() {
	for (id, act) in Acts::<Test>::iter().collect::<Vec<_>>() {
		v6::Acts::<Test>::insert(id, v6::Act::from_v7(&act));
	}
	for (id, number, version) in ActHistory::<Test>::iter().collect::<Vec<_>>() {
		v6::ActHistory::<Test>::insert(
			id,
			number,
			v6::SupersededVersion::<Test> {
				act: v6::Act::from_v7(&version.act),
				superseded_at: version.superseded_at,
				reason: version.reason,
				proposed_by: version.proposed_by,
				approved_by: version.approved_by,
			},
		);
	}
	StorageVersion::new(6).put::<Pallet<Test>>();
}

/// Run the migration's steps as `pallet-migrations` would, each with room for `per_step`
/// acts; returns the number of steps.
fn migrate(per_step: u64) -> u32 {
	let mut cursor = None;
	let mut steps = 0;
	loop {
		let limit = <Test as crate::Config>::WeightInfo::migrate_act().saturating_mul(per_step);
		let mut meter = WeightMeter::with_limit(limit);
		steps += 1;
		match TypedActs::<Test>::step(cursor, &mut meter) {
			Ok(None) => return steps,
			Ok(Some(next)) => cursor = Some(next),
			Err(e) => panic!("step {steps} failed: {e:?}"),
		}
	}
}

#[test]
fn version_6_acts_become_typed_over_several_blocks() {
	build_and_execute(|| {
		state();
		let acts: Vec<_> = Acts::<Test>::iter().collect();
		let history: Vec<_> = ActHistory::<Test>::iter().collect();
		let kinds: std::collections::BTreeSet<_> = acts.iter().map(|(_, a)| a.kind()).collect();
		assert_eq!(kinds.len(), 8, "every kind of act");
		assert!(acts.iter().any(|(_, a)| a.status == ActStatus::Pending));
		assert!(!history.is_empty());
		back_to_version_6();
		let expected = TypedActs::<Test>::pre_check();

		// Three acts per step: the acts, then the versions, then the end.
		let steps = migrate(3);
		assert!(steps as usize > (acts.len() + history.len()) / 3, "{steps} steps");

		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(7));
		TypedActs::<Test>::post_check(expected).unwrap();
		let mut migrated: Vec<_> = Acts::<Test>::iter().collect();
		migrated.sort_by_key(|(id, _)| *id);
		let mut before = acts.clone();
		before.sort_by_key(|(id, _)| *id);
		assert_eq!(migrated, before);
		assert_eq!(ActHistory::<Test>::iter().collect::<Vec<_>>(), history);
		// Done: a second run does nothing.
		assert_eq!(migrate(1), 1);
	});
}

#[test]
fn a_step_without_room_for_one_act_asks_for_more() {
	build_and_execute(|| {
		state();
		back_to_version_6();
		let mut meter = WeightMeter::with_limit(Weight::zero());
		let required = <Test as crate::Config>::WeightInfo::migrate_act();
		assert_eq!(
			TypedActs::<Test>::step(None, &mut meter),
			Err(SteppedMigrationError::InsufficientWeight { required })
		);
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(6));
		migrate(1);
	});
}

#[test]
fn an_act_whose_subjects_do_not_fit_its_kind_fails_the_migration_and_is_kept() {
	build_and_execute(|| {
		let (m, f) = couple();
		let marriage = marry(m, f, d(2015, 1, 1));
		back_to_version_6();
		let good = v6::Acts::<Test>::get(marriage).unwrap();
		let mut broken = good.clone();
		broken.subjects = vec![m].try_into().unwrap();
		v6::Acts::<Test>::insert(marriage, &broken);
		let mut meter = WeightMeter::new();
		let result =
			TypedActs::<Test>::step(Some(TypedActsCursor::Acts(Some(marriage - 1))), &mut meter);
		assert_eq!(result, Err(SteppedMigrationError::Failed));
		// Nothing of it is lost: the old record is still there, as it was.
		assert_eq!(v6::Acts::<Test>::get(marriage), Some(broken));
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(6));
		// Repaired (here: by hand), the migration runs to its end.
		v6::Acts::<Test>::insert(marriage, good);
		migrate(1);
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(7));
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

/// Run [`AdoptionParents`]' steps, each with room for `per_step` acts; returns the steps.
fn migrate_adoptions(per_step: u64) -> u32 {
	let mut cursor = None;
	let mut steps = 0;
	loop {
		let limit =
			<Test as crate::Config>::WeightInfo::migrate_adoption().saturating_mul(per_step);
		let mut meter = WeightMeter::with_limit(limit);
		steps += 1;
		match AdoptionParents::<Test>::step(cursor, &mut meter) {
			Ok(None) => return steps,
			Ok(Some(next)) => cursor = Some(next),
			Err(e) => panic!("step {steps} failed: {e:?}"),
		}
	}
}

/// Version 7's record of an adoption that took effect under its rule (a parent the adoption
/// did not name stayed): the adoptive parents only.
fn as_version_7(details: &mut AdoptionDetails) {
	details.parents = details.adoptive();
}

/// Adoptions as version 7 recorded them — by a step-parent (the mother stays), by a couple, by
/// one adopter of a fatherless child, one corrected (a superseded version), and one by the
/// child's own mother with her husband (version 7 let a parent adopt her own child) — become
/// version 8's: the parents after each adoption, the same persons' parents as before.
#[test]
fn version_7_adoptions_record_the_parents_after_them() {
	build_and_execute(|| {
		let (m, f) = couple();
		// A stepfather adopts her son; his birth father had been recorded by a paternity.
		let son = new_child(40, d(2020, 1, 1), Some(m), None);
		assert_ok!(paternity(son, f).on(TODAY).register());
		let stepfather = enroll(41, Sex::Male, d(1985, 1, 1));
		marry(m, stepfather, TODAY);
		assert_ok!(adoption(son).father(stepfather).register());
		let by_stepfather = last_act();
		assert_eq!(person(son).mother, Some(m));
		// A couple adopts; one woman adopts a fatherless girl, and the date is corrected.
		let (am, af) =
			(enroll(42, Sex::Female, d(1980, 1, 1)), enroll(43, Sex::Male, d(1980, 1, 1)));
		marry(am, af, TODAY);
		let orphan = enroll(44, Sex::Male, d(2015, 1, 1));
		assert_ok!(adoption(orphan).mother(am).father(af).seal(true).register());
		let single = enroll(45, Sex::Female, d(1975, 1, 1));
		let girl = new_child(46, d(2021, 1, 1), Some(enroll(47, Sex::Female, d(1995, 1, 1))), None);
		assert_ok!(adoption(girl).mother(single).on(d(2024, 6, 1)).register());
		let corrected = last_act();
		let proposal = propose(corrected, born_on(d(2024, 6, 2)));
		assert_ok!(CivilEvents::approve_amendment(signed(HEAD), proposal));
		// The mother and her second husband adopt her daughter together (version 7 let them).
		let daughter = new_child(48, d(2022, 1, 1), Some(m), None);
		assert_ok!(adoption(daughter).father(stepfather).register());
		let with_mother = last_act();

		let acts: Vec<_> = Acts::<Test>::iter().collect();
		let history: Vec<_> = ActHistory::<Test>::iter().collect();
		let in_effect: Vec<_> = crate::AdoptionInEffect::<Test>::iter().collect();
		// Back to version 7.
		for (id, mut act) in acts.clone() {
			if let ActDetails::Adoption(details) = &mut act.details {
				// Version 7 kept, for the adoption in effect, only the parents it replaced.
				let replaced = details.replaced();
				crate::AdoptionInEffect::<Test>::mutate(details.child, |e| {
					if let Some(e) = e.as_mut().filter(|e| e.act == id) {
						(e.mother, e.father) = (replaced.mother, replaced.father);
					}
				});
				as_version_7(details);
				if id == with_mother {
					details.parents.mother = Some(m);
					assert_ok!(ActsOf::<Test>::try_append(m, id));
					crate::AdoptionInEffect::<Test>::mutate(daughter, |e| {
						e.as_mut().unwrap().mother = Some(m)
					});
				}
				Acts::<Test>::insert(id, act);
			}
		}
		for (id, number, mut version) in history.clone() {
			if let ActDetails::Adoption(details) = &mut version.act.details {
				as_version_7(details);
				ActHistory::<Test>::insert(id, number, version);
			}
		}
		StorageVersion::new(7).put::<Pallet<Test>>();
		assert_ne!(
			Acts::<Test>::get(by_stepfather),
			acts.iter().find(|(i, _)| *i == by_stepfather).map(|(_, a)| a.clone())
		);
		let expected = AdoptionParents::<Test>::pre_check();

		// Two acts per step.
		let steps = migrate_adoptions(2);
		assert!(steps as usize > (acts.len() + history.len()) / 2, "{steps} steps");
		assert_eq!(Pallet::<Test>::on_chain_storage_version(), StorageVersion::new(8));
		AdoptionParents::<Test>::post_check(expected).unwrap();
		let mut migrated: Vec<_> = Acts::<Test>::iter().collect();
		migrated.sort_by_key(|(id, _)| *id);
		let mut before = acts.clone();
		before.sort_by_key(|(id, _)| *id);
		assert_eq!(migrated, before);
		assert_eq!(ActHistory::<Test>::iter().collect::<Vec<_>>(), history);
		assert_eq!(crate::AdoptionInEffect::<Test>::iter().collect::<Vec<_>>(), in_effect);
		assert!(!ActsOf::<Test>::get(m).contains(&with_mother));
		assert_eq!(person(son).mother, Some(m));
		// Done: a second run does nothing; a step without room asks for more.
		assert_eq!(migrate_adoptions(1), 1);
		StorageVersion::new(7).put::<Pallet<Test>>();
		let required = <Test as crate::Config>::WeightInfo::migrate_adoption();
		assert_eq!(
			AdoptionParents::<Test>::step(None, &mut WeightMeter::with_limit(Weight::zero())),
			Err(SteppedMigrationError::InsufficientWeight { required })
		);
		migrate_adoptions(1);
	});
}
