//! Property-based test: long random sequences of acts, valid and invalid, with the invariants
//! of offices, persons and civil events checked after every step, and every refused act shown
//! to leave the state untouched.

use super::{d, h};
use crate::{mock::*, ActStatus, Acts};
use civil_registry_primitives::{ActKind, PersonId, PersonRegistry, Sex};
use proptest::prelude::*;
use sp_runtime::StateVersion;

/// One step: an act with its parameters drawn small, so that they often refer to existing
/// persons and acts (and sometimes do not).
#[derive(Clone, Debug)]
enum Op {
	Enroll { female: bool, age_days: u32 },
	Birth { mother: u8, father: u8, days_ago: u16 },
	Death { person: u8, days_ago: u16 },
	Marriage { a: u8, b: u8, exemption: bool },
	Divorce { marriage: u8 },
	Adoption { child: u8, mother: Option<u8>, father: Option<u8>, seal: bool },
	Paternity { child: u8, father: u8 },
	NameChange { person: u8 },
	Approve { act: u8, by_head: bool },
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		3 => (any::<bool>(), 0u32..36_500).prop_map(|(female, age_days)| Op::Enroll { female, age_days }),
		3 => (any::<u8>(), any::<u8>(), 0u16..90).prop_map(|(mother, father, days_ago)| Op::Birth { mother, father, days_ago }),
		2 => (any::<u8>(), 0u16..10).prop_map(|(person, days_ago)| Op::Death { person, days_ago }),
		3 => (any::<u8>(), any::<u8>(), any::<bool>()).prop_map(|(a, b, exemption)| Op::Marriage { a, b, exemption }),
		1 => any::<u8>().prop_map(|marriage| Op::Divorce { marriage }),
		1 => (any::<u8>(), proptest::option::of(any::<u8>()), proptest::option::of(any::<u8>()), any::<bool>())
			.prop_map(|(child, mother, father, seal)| Op::Adoption { child, mother, father, seal }),
		1 => (any::<u8>(), any::<u8>()).prop_map(|(child, father)| Op::Paternity { child, father }),
		1 => any::<u8>().prop_map(|person| Op::NameChange { person }),
		2 => (any::<u8>(), any::<bool>()).prop_map(|(act, by_head)| Op::Approve { act, by_head }),
	]
}

/// Pick one of `n` existing ids (or, one time in eight, one that does not exist).
fn pick(index: u8, n: u64) -> PersonId {
	if n == 0 || index % 8 == 7 {
		n + u64::from(index)
	} else {
		u64::from(index) % n
	}
}

fn apply(op: &Op, key: &mut u8) -> sp_runtime::DispatchResult {
	let persons = Persons::next_id();
	let acts = crate::NextActId::<Test>::get();
	let today_days = TODAY.days_since_epoch();
	let ago = |days: u16| {
		civil_registry_primitives::Date::from_days_since_epoch(today_days - i64::from(days))
			.unwrap()
	};
	let reg = RuntimeOrigin::signed(REGISTRAR);
	*key = key.wrapping_add(1);
	match op.clone() {
		Op::Enroll { female, age_days } => CivilEvents::enroll_person(
			RuntimeOrigin::signed(ARCHIVIST),
			TK_YUN,
			civil_registry_primitives::Date::from_days_since_epoch(
				today_days - i64::from(age_days),
			)
			.unwrap(),
			h(*key),
			h(0),
			if female { Sex::Female } else { Sex::Male },
			h(0),
		),
		Op::Birth { mother, father, days_ago } => CivilEvents::register_birth(
			reg,
			TK_YUN,
			ago(days_ago),
			h(*key),
			h(0),
			Sex::Female,
			(mother % 3 != 0).then(|| pick(mother, persons)),
			(father % 3 != 0).then(|| pick(father, persons)),
			h(0),
		),
		Op::Death { person, days_ago } => {
			CivilEvents::register_death(reg, pick(person, persons), TK_YUN, ago(days_ago), h(0))
		},
		Op::Marriage { a, b, exemption } => CivilEvents::register_marriage(
			reg,
			pick(a, persons),
			pick(b, persons),
			TK_YUN,
			TODAY,
			exemption.then(|| h(0xee)),
			h(0),
		),
		Op::Divorce { marriage } => CivilEvents::register_divorce(
			reg,
			u64::from(marriage) % acts.max(1),
			TK_YUN,
			TODAY,
			h(0),
		),
		Op::Adoption { child, mother, father, seal } => CivilEvents::register_adoption(
			reg,
			pick(child, persons),
			mother.map(|m| pick(m, persons)),
			father.map(|f| pick(f, persons)),
			TK_YUN,
			TODAY,
			seal,
			h(0),
		),
		Op::Paternity { child, father } => CivilEvents::register_paternity(
			reg,
			pick(child, persons),
			pick(father, persons),
			TK_YUN,
			TODAY,
			h(0),
		),
		Op::NameChange { person } => CivilEvents::register_name_change(
			reg,
			pick(person, persons),
			h(*key),
			TK_YUN,
			d(2024, 6, 1),
			h(0),
		),
		Op::Approve { act, by_head } => CivilEvents::approve_late_registration(
			RuntimeOrigin::signed(if by_head { HEAD } else { REGISTRAR_2 }),
			u64::from(act) % acts.max(1),
		),
	}
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

	#[test]
	fn invariants_hold_after_every_act(ops in proptest::collection::vec(op(), 1..80)) {
		new_test_ext().execute_with(|| {
			let mut key = 0u8;
			for op in &ops {
				let before = sp_io::storage::root(StateVersion::V1);
				match apply(op, &mut key) {
					Ok(()) => {},
					Err(_) => prop_assert_eq!(
						before,
						sp_io::storage::root(StateVersion::V1),
						"a refused act changed the state: {:?}", op
					),
				}
				check_invariants();
			}
			// Pending acts never touched a person's record.
			for (_, act) in Acts::<Test>::iter() {
				if act.status == ActStatus::Pending {
					prop_assert!(matches!(act.kind, ActKind::Birth | ActKind::Death));
				}
			}
			Ok(())
		})?;
	}
}
