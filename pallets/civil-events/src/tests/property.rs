//! Property-based test: long random sequences of acts, corrections and revocations, valid and
//! invalid, with the invariants of offices, persons and civil events checked after every step
//! (among them: the statistics equal a recount of the acts in effect), every refused step shown
//! to leave the state untouched, and the statistics recounted once more at the end, through
//! storage and through the rolled-up query of the runtime API.

use super::builders::*;
use crate::{ActStatus, Acts, AmendmentReason, Correction, Error, NextProposalId, Statistics};
use civil_registry_primitives::{
	ActKind, JurisdictionTree, PersonId, PersonRegistry, Sex, YearMonth,
};
use proptest::prelude::*;
use sp_runtime::StateVersion;
use std::{
	collections::BTreeMap,
	sync::atomic::{AtomicUsize, Ordering},
};

/// Steps tried and done (accepted) over the whole run, by kind: acts, amendments, revocations.
/// An amendment or revocation step is done when its proposal was opened and then decided
/// (approved, or refused and rejected).
static TRIED: [AtomicUsize; 3] = [const { AtomicUsize::new(0) }; 3];
static DONE: [AtomicUsize; 3] = [const { AtomicUsize::new(0) }; 3];
/// Proposals approved (took effect), by kind as above.
static APPROVED: [AtomicUsize; 3] = [const { AtomicUsize::new(0) }; 3];
/// Steps accepted, by the shape of the act (see [`shape`]): shown with `--nocapture`, so that
/// one sees the run reach each shape (archive marriages, exemptions, court references, ...).
static SHAPES: std::sync::Mutex<BTreeMap<&'static str, usize>> =
	std::sync::Mutex::new(BTreeMap::new());

/// The shape of an accepted step, for [`SHAPES`].
fn shape(op: &Op) -> &'static str {
	match op {
		Op::Enroll { mother, father, .. } if mother % 4 == 1 || father % 4 == 1 => {
			"enrollment with parents"
		},
		Op::Enroll { .. } => "enrollment",
		Op::Birth { court: true, .. } => "birth with a court decision",
		Op::Birth { .. } => "birth",
		Op::Death { .. } => "death",
		Op::Marriage { exemption: true, .. } => "marriage under an exemption (pending)",
		Op::Marriage { .. } => "marriage",
		Op::ArchiveMarriage { .. } => "archive marriage",
		Op::Divorce { court: true, .. } => "divorce on a court decision",
		Op::Divorce { .. } => "divorce by mutual consent",
		Op::Adoption { .. } => "adoption",
		Op::Paternity { court: true, .. } => "paternity on a court decision",
		Op::Paternity { .. } => "paternity",
		Op::NameChange { .. } => "name change",
		Op::Approve { .. } => "approval",
		Op::Amend { field: 3, .. } => "correction of parents decided",
		Op::Amend { .. } => "amendment",
		Op::Revoke { .. } => "revocation",
	}
}

/// One step: an act with its parameters drawn small, so that they often refer to existing
/// persons and acts (and sometimes do not).
#[derive(Clone, Debug)]
enum Op {
	Enroll {
		female: bool,
		age_days: u32,
		mother: u8,
		father: u8,
	},
	Birth {
		mother: u8,
		father: u8,
		days_ago: u16,
		court: bool,
	},
	Death {
		person: u8,
		days_ago: u16,
	},
	Marriage {
		a: u8,
		b: u8,
		exemption: bool,
	},
	/// A marriage from the paper archive, `days_before` the go-live date.
	ArchiveMarriage {
		a: u8,
		b: u8,
		days_before: u16,
	},
	Divorce {
		marriage: u8,
		court: bool,
	},
	Adoption {
		child: u8,
		mother: Option<u8>,
		father: Option<u8>,
		seal: bool,
	},
	Paternity {
		child: u8,
		father: u8,
		court: bool,
	},
	NameChange {
		person: u8,
		consent: bool,
	},
	Approve {
		act: u8,
		by_head: bool,
	},
	/// Propose a correction of an act and have it decided: `field` 0 moves the date by `days`,
	/// 1 flips the sex, 2 changes the data root, 3 the parents (on a court decision: the
	/// persons `days` picks, as mother and father); `by_head` false lets a registrar try.
	Amend {
		act: u8,
		field: u8,
		days: i16,
		by_head: bool,
	},
	/// Propose a revocation of an act and have governance approve it.
	Revoke {
		act: u8,
	},
}

fn op() -> impl Strategy<Value = Op> {
	prop_oneof![
		3 => (any::<bool>(), 0u32..36_500, any::<u8>(), any::<u8>())
			.prop_map(|(female, age_days, mother, father)| Op::Enroll { female, age_days, mother, father }),
		3 => (any::<u8>(), any::<u8>(), 0u16..90, any::<bool>())
			.prop_map(|(mother, father, days_ago, court)| Op::Birth { mother, father, days_ago, court }),
		2 => (any::<u8>(), 0u16..10).prop_map(|(person, days_ago)| Op::Death { person, days_ago }),
		3 => (any::<u8>(), any::<u8>(), any::<bool>()).prop_map(|(a, b, exemption)| Op::Marriage { a, b, exemption }),
		2 => (any::<u8>(), any::<u8>(), 0u16..20_000)
			.prop_map(|(a, b, days_before)| Op::ArchiveMarriage { a, b, days_before }),
		1 => (any::<u8>(), any::<bool>()).prop_map(|(marriage, court)| Op::Divorce { marriage, court }),
		1 => (any::<u8>(), proptest::option::of(any::<u8>()), proptest::option::of(any::<u8>()), any::<bool>())
			.prop_map(|(child, mother, father, seal)| Op::Adoption { child, mother, father, seal }),
		1 => (any::<u8>(), any::<u8>(), any::<bool>())
			.prop_map(|(child, father, court)| Op::Paternity { child, father, court }),
		1 => (any::<u8>(), any::<bool>()).prop_map(|(person, consent)| Op::NameChange { person, consent }),
		2 => (any::<u8>(), any::<bool>()).prop_map(|(act, by_head)| Op::Approve { act, by_head }),
		3 => (any::<u8>(), 0u8..4, -400i16..400, any::<bool>())
			.prop_map(|(act, field, days, by_head)| Op::Amend { act, field, days, by_head }),
		2 => any::<u8>().prop_map(|act| Op::Revoke { act }),
	]
}

/// A person for a marriage: three times in four the `index`-th living, unmarried adult of sex
/// `sex` (so that valid marriages are drawn often enough), otherwise any id ([`pick`]).
fn spouse(index: u8, sex: Sex) -> PersonId {
	let persons = Persons::next_id();
	if index % 4 == 3 {
		return pick(index, persons);
	}
	let candidates: Vec<PersonId> = (0..persons)
		.filter(|id| {
			Persons::person(*id).is_some_and(|p| {
				p.sex == sex
					&& p.is_alive() && !p.revoked
					&& p.spouse().is_none()
					&& p.birth_date.years_until(&TODAY) >= 18
			})
		})
		.collect();
	match candidates.len() {
		0 => pick(index, persons),
		n => candidates[usize::from(index) % n],
	}
}

/// An act to divorce: three times in four the `index`-th marriage in effect, otherwise any act
/// id below `acts`.
fn marriage_in_effect(index: u8, acts: u64) -> u64 {
	let marriages: Vec<u64> = Acts::<Test>::iter()
		.filter(|(_, a)| {
			a.status == ActStatus::Registered
				&& matches!(a.details, ActDetails::Marriage(MarriageDetails { ended_by: None, .. }))
		})
		.map(|(id, _)| id)
		.collect();
	match marriages.len() {
		n if n > 0 && index % 4 != 3 => marriages[usize::from(index) % n],
		_ => u64::from(index) % acts.max(1),
	}
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
		Op::Enroll { female, age_days, mother, father } => {
			enrollment(*key, if female { Sex::Female } else { Sex::Male })
				.origin(RuntimeOrigin::signed(ARCHIVIST))
				.on(civil_registry_primitives::Date::from_days_since_epoch(
					today_days - i64::from(age_days),
				)
				.unwrap())
				.document(h(0))
				.data_root(h(0))
				.mother((mother % 4 == 1).then(|| pick(mother, persons)))
				.father((father % 4 == 1).then(|| pick(father, persons)))
				.register()
		},
		Op::Birth { mother, father, days_ago, court } => {
			let birth = birth(*key)
				.origin(reg)
				.on(ago(days_ago))
				.document(h(0))
				.data_root(h(0))
				.mother((mother % 3 != 0).then(|| pick(mother, persons)))
				.father((father % 3 != 0).then(|| pick(father, persons)));
			if court { birth.court(h(0xc0)) } else { birth }.register()
		},
		Op::Death { person, days_ago } => death(pick(person, persons))
			.origin(reg)
			.on(ago(days_ago))
			.document(h(0))
			.register(),
		Op::Marriage { a, b, exemption } => marriage(spouse(a, Sex::Female), spouse(b, Sex::Male))
			.origin(reg)
			.on(TODAY)
			.document(h(0))
			.exemption(exemption.then(|| h(0xee)))
			.register(),
		Op::ArchiveMarriage { a, b, days_before } => {
			archive_marriage(spouse(a, Sex::Female), spouse(b, Sex::Male))
				.on(GO_LIVE.add_days(-1 - i64::from(days_before)).unwrap())
				.document(h(0xa0))
				.register()
		},
		Op::Divorce { marriage, court } => divorce(marriage_in_effect(marriage, acts))
			.origin(reg)
			.on(TODAY)
			.document(h(0))
			.grounds(if court {
				DivorceGrounds::CourtDecision(h(0xc0))
			} else {
				DivorceGrounds::MutualConsent
			})
			.register(),
		Op::Adoption { child, mother, father, seal } => adoption(pick(child, persons))
			.origin(reg)
			.on(TODAY)
			.document(h(0))
			.mother(mother.map(|m| pick(m, persons)))
			.father(father.map(|f| pick(f, persons)))
			.seal(seal)
			.register(),
		Op::Paternity { child, father, court } => {
			let act = paternity(pick(child, persons), pick(father, persons))
				.origin(reg)
				.on(TODAY)
				.document(h(0));
			if court { act.court(h(0xc0)) } else { act }.register()
		},
		Op::NameChange { person, consent } => {
			let act = name_change(pick(person, persons), h(*key))
				.origin(reg)
				.on(d(2024, 6, 1))
				.document(h(0));
			if consent { act.consent(h(0xcc)) } else { act }.register()
		},
		Op::Approve { act, by_head } => CivilEvents::approve_late_registration(
			RuntimeOrigin::signed(if by_head { HEAD } else { REGISTRAR_2 }),
			u64::from(act) % acts.max(1),
		),
		Op::Amend { act, field, days, by_head } => {
			let id = u64::from(act) % acts.max(1);
			let Some(record) = Acts::<Test>::get(id) else {
				return Err(Error::<Test>::UnknownAct.into());
			};
			// The registering office proposes; its head (or, to be refused, a registrar) decides.
			let (proposer, head) = if record.office == ARCHIVE {
				(ARCHIVIST, ARCHIVE_HEAD)
			} else {
				(REGISTRAR, HEAD)
			};
			let mut correction = Correction::default();
			let mut reason = AmendmentReason::ClericalError;
			match field {
				0 => {
					correction.event_date = record.event_date.add_days(i64::from(days));
				},
				1 => {
					correction.sex = Some(Sex::Male);
				},
				2 => correction.data_root = Some(h(*key)),
				_ => {
					let [m, f] = days.to_le_bytes();
					correction.parents = Some((
						(m % 3 != 0).then(|| pick(m, persons)),
						(f % 3 != 0).then(|| pick(f, persons)),
					));
					reason = AmendmentReason::CourtDecision;
				},
			}
			CivilEvents::propose_amendment(
				RuntimeOrigin::signed(proposer),
				id,
				h(*key),
				reason,
				correction,
			)?;
			decide(
				1,
				|proposal| {
					CivilEvents::approve_amendment(
						RuntimeOrigin::signed(if by_head { head } else { REGISTRAR_2 }),
						proposal,
					)
					.map(|_| ())
					.map_err(|e| e.error)
				},
				|proposal| CivilEvents::reject_amendment(RuntimeOrigin::signed(proposer), proposal),
			)
		},
		Op::Revoke { act } => {
			let id = u64::from(act) % acts.max(1);
			CivilEvents::propose_revocation(reg, id, h(*key))?;
			decide(
				2,
				|proposal| {
					CivilEvents::approve_revocation(RuntimeOrigin::root(), proposal)
						.map(|_| ())
						.map_err(|e| e.error)
				},
				|proposal| CivilEvents::reject_revocation(RuntimeOrigin::root(), proposal),
			)
		},
	}
}

/// Decide the proposal just opened: `approve` it; if that is refused, show that the refusal
/// changed nothing, then `reject` it. The step counts as done either way.
fn decide(
	kind: usize,
	approve: impl FnOnce(u64) -> sp_runtime::DispatchResult,
	reject: impl FnOnce(u64) -> sp_runtime::DispatchResult,
) -> sp_runtime::DispatchResult {
	let proposal = NextProposalId::<Test>::get() - 1;
	let before = sp_io::storage::root(StateVersion::V1);
	if approve(proposal).is_ok() {
		APPROVED[kind].fetch_add(1, Ordering::Relaxed);
	} else {
		assert_eq!(
			before,
			sp_io::storage::root(StateVersion::V1),
			"a refused approval changed the state"
		);
		reject(proposal)?;
	}
	Ok(())
}

/// The statistics, recounted from the acts in effect.
fn recount() -> BTreeMap<(ActKind, YearMonth, u32), u32> {
	let mut counts = BTreeMap::new();
	for (_, act) in Acts::<Test>::iter() {
		if act.status == ActStatus::Registered {
			// The act's jurisdiction and each one above it, walked here with `parent` rather
			// than the `lineage` the pallet uses.
			let mut jurisdiction = Some(act.jurisdiction);
			while let Some(j) = jurisdiction {
				*counts.entry((act.kind(), act.event_date.year_month(), j)).or_default() += 1;
				jurisdiction = <Offices as JurisdictionTree>::parent(j);
			}
		}
	}
	counts
}

proptest! {
	#![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

	#[test]
	fn invariants_hold_after_every_act(ops in proptest::collection::vec(op(), 1..80)) {
		new_test_ext().execute_with(|| {
			frame_support::assert_ok!(pallet_offices::Pallet::<Test>::appoint_head(
				RuntimeOrigin::root(),
				ARCHIVE,
				ARCHIVE_HEAD
			));
			let mut key = 0u8;
			for op in &ops {
				let before = sp_io::storage::root(StateVersion::V1);
				let kind = match op {
					Op::Amend { .. } => 1,
					Op::Revoke { .. } => 2,
					_ => 0,
				};
				TRIED[kind].fetch_add(1, Ordering::Relaxed);
				match apply(op, &mut key) {
					Ok(()) => {
						DONE[kind].fetch_add(1, Ordering::Relaxed);
						*SHAPES.lock().unwrap().entry(shape(op)).or_default() += 1;
					},
					Err(_) => prop_assert_eq!(
						before,
						sp_io::storage::root(StateVersion::V1),
						"a refused act changed the state: {:?}", op
					),
				}
				check_invariants();
			}
			// The counters equal a recount, entry by entry...
			let counters: BTreeMap<_, _> = Statistics::<Test>::iter().collect();
			prop_assert_eq!(&counters, &recount());
			// ...and the country-wide roll-up of the last year equals the acts in effect whose
			// event fell in it.
			let (from, to) = (YearMonth::new(2023, 7), YearMonth::new(2024, 6));
			let rolled_up: u32 = CivilEvents::statistics(0, None, from, to)
				.unwrap()
				.iter()
				.map(|row| row.count)
				.sum();
			let in_effect = Acts::<Test>::iter()
				.filter(|(_, a)| a.status == ActStatus::Registered)
				.filter(|(_, a)| (from..=to).contains(&a.event_date.year_month()))
				.count() as u32;
			prop_assert_eq!(rolled_up, in_effect);
			// Shown with --nocapture: how much of each kind of step succeeded so far.
			let count = |a: &[AtomicUsize; 3], i: usize| a[i].load(Ordering::Relaxed);
			eprintln!(
				"property: acts {}/{}; amendments proposed {}/{}, approved {}; revocations \
				 proposed {}/{}, approved {}",
				count(&DONE, 0), count(&TRIED, 0), count(&DONE, 1), count(&TRIED, 1),
				count(&APPROVED, 1), count(&DONE, 2), count(&TRIED, 2), count(&APPROVED, 2),
			);
			eprintln!("property: accepted by shape {:?}", SHAPES.lock().unwrap());
			// Pending acts are late births and deaths, and marriages under an exemption.
			for (_, act) in Acts::<Test>::iter() {
				if act.status == ActStatus::Pending {
					prop_assert!(matches!(
						act.kind(),
						ActKind::Birth | ActKind::Death | ActKind::Marriage
					));
				}
			}
			Ok(())
		})?;
	}
}
