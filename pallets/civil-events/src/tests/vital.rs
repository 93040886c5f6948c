//! The UN's vital statistics (`features/statistics.rs`, `primitives/src/vital.rs`): a generated
//! population of births and deaths — two places, mothers of every age, residences stated or
//! not, registrations in time, late and delayed, some notified by a hospital, some revoked —
//! and the tables the registry keeps and publishes, against a count the test makes itself
//! from what it submitted.

use super::builders::*;
use crate::{FactsOf, NextActId, NotifiedMother, Tabulations};
use civil_registry_primitives::{
	AgeGroup, DisclosurePolicy, JurisdictionId, OfficeKind, Tabulation, Timeliness,
};
use pallet_offices::test_country::{SA, TK, UZ};
use std::collections::BTreeMap;

const NURSE: u64 = 61;
const MATRON: u64 = 60;

/// The test country's tree, written out here rather than asked of the pallet.
fn parent(j: JurisdictionId) -> Option<JurisdictionId> {
	match j {
		TK | SA => Some(UZ),
		TK_YUN | TK_CHI => Some(TK),
		SA_SAM => Some(SA),
		_ => None,
	}
}

fn lineage(j: JurisdictionId) -> Vec<JurisdictionId> {
	let mut out = vec![j];
	while let Some(p) = parent(*out.last().unwrap()) {
		out.push(p);
	}
	out
}

/// A small deterministic generator (xorshift64*), so that a failure replays.
struct Rng(u64);

impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
	fn range(&mut self, from: i64, to: i64) -> i64 {
		from + self.below((to - from + 1) as u64) as i64
	}
}

/// What the test submitted of one event, and how it classifies it itself.
struct Submitted {
	act: u64,
	kind: ActKind,
	place: JurisdictionId,
	event: Date,
	registered: Date,
	residence: Option<JurisdictionId>,
	/// Births: the mother's completed years at the birth, by the test's own arithmetic.
	mother_years: Option<u16>,
	/// 0 in time, 1 late, 2 delayed: the delay the test chose.
	timeliness: usize,
	notified: bool,
	revoked: bool,
}

fn key(n: u32) -> H256 {
	H256::from_low_u64_be(0x5a00_0000_0000 + u64::from(n))
}

/// Completed years from `born` to `on`.
fn years(born: Date, on: Date) -> u16 {
	let before_birthday = (on.month, on.day) < (born.month, born.day);
	on.year - born.year - u16::from(before_birthday)
}

fn group_index(years: Option<u16>) -> usize {
	match years {
		None => 9,
		Some(y) if y < 15 => 0,
		Some(y) if y >= 50 => 8,
		Some(y) => 1 + usize::from((y - 15) / 5),
	}
}

fn month(date: Date) -> YearMonth {
	YearMonth::new(date.year, date.month)
}

#[test]
fn the_un_tables_match_a_count_of_the_events_submitted() {
	build_and_execute(|| {
		let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
		// A maternity hospital in Yunusobod.
		assert_ok!(Offices::register_office(
			signed(TK_REGIONAL_HEAD),
			OfficeKind::HealthFacility,
			TK_YUN,
			b"Maternity No. 4".to_vec()
		));
		let facility = pallet_offices::NextOfficeId::<Test>::get() - 1;
		assert_ok!(Offices::appoint_head(signed(TK_REGIONAL_HEAD), facility, MATRON));
		assert_ok!(Offices::appoint_registrar(signed(MATRON), NURSE));

		let places = [(REGISTRAR, HEAD, TK_YUN), (SAM_REGISTRAR, SAM_HEAD, SA_SAM)];
		let residences = [None, Some(TK_YUN), Some(TK_CHI), Some(SA_SAM), Some(TK)];
		let mut submitted: Vec<Submitted> = Vec::new();
		let mut next_key = 0u32;
		let mut block = 1u64;
		let mut overdue_left = 2;
		let mut never_registered: Vec<Date> = Vec::new();
		for n in 0..260u32 {
			let kind = if n % 3 == 2 { ActKind::Death } else { ActKind::Birth };
			let (registrar, head, place) = places[rng.below(2) as usize];
			let event = d(2024, 1 + rng.below(5) as u8, 1 + rng.below(28) as u8);
			let timeliness = [0, 0, 0, 0, 1, 1, 2][rng.below(7) as usize];
			let delay = match (kind, timeliness) {
				(ActKind::Birth, 0) => rng.range(0, 27),
				(ActKind::Death, 0) => rng.range(0, 3),
				(_, 1) => rng.range(40, 330),
				_ => rng.range(400, 600),
			};
			let registered = event.add_days(delay).unwrap();
			let residence = residences[rng.below(5) as usize];
			// The person the act is about, from the archive: a mother (or none) for a birth,
			// the deceased for a death.
			let subject_born = match kind {
				ActKind::Birth => event.add_days(-rng.range(13 * 366, 52 * 365)).unwrap(),
				_ => {
					d(1940 + rng.below(50) as u16, 1 + rng.below(12) as u8, 1 + rng.below(28) as u8)
				},
			};
			let with_mother = kind == ActKind::Death || rng.below(8) != 0;
			let subject = with_mother.then(|| {
				next_key += 1;
				let sex = if kind == ActKind::Birth { Sex::Female } else { Sex::Male };
				assert_ok!(CivilEvents::enroll_person(
					signed(ARCHIVIST),
					place,
					subject_born,
					key(next_key),
					h(0xd1),
					sex,
					None,
					None,
					h(0xa1),
				));
				Persons::by_identity(&key(next_key)).unwrap()
			});
			// A hospital notifies a third of Yunusobod's events, on their day.
			let notified = place == TK_YUN && subject.is_some() && rng.below(3) == 0;
			let notification = notified.then(|| {
				on_day(event, || match kind {
					ActKind::Birth => {
						assert_ok!(CivilEvents::notify_birth(
							signed(NURSE),
							event,
							Sex::Male,
							NotifiedMother::Person(subject.unwrap()),
							h(0x4b)
						));
					},
					_ => {
						assert_ok!(CivilEvents::notify_death(
							signed(NURSE),
							event,
							subject.unwrap(),
							h(0x4d)
						));
					},
				});
				crate::NextNotificationId::<Test>::get() - 1
			});
			// Two notified births are never registered: overdue, counted as notified only.
			if notified && kind == ActKind::Birth && overdue_left > 0 {
				overdue_left -= 1;
				never_registered.push(event);
				continue;
			}
			block += 1;
			System::set_block_number(block);
			next_key += 1;
			on_day(registered, || {
				match kind {
					ActKind::Birth => {
						assert_ok!(CivilEvents::register_birth(
							signed(registrar),
							place,
							event,
							key(next_key),
							h(0xd1),
							Sex::Male,
							subject,
							None,
							None,
							residence,
							notification,
							h(0xd0),
						));
					},
					_ => {
						assert_ok!(CivilEvents::register_death(
							signed(registrar),
							place,
							event,
							subject.unwrap(),
							residence,
							notification,
							h(0xd0),
						));
					},
				}
				let act = NextActId::<Test>::get() - 1;
				let pending = crate::Acts::<Test>::get(act).unwrap().status == ActStatus::Pending;
				assert_eq!(pending, timeliness > 0, "only a late registration waits");
				if pending {
					assert_ok!(CivilEvents::approve_late_registration(signed(head), act));
				}
			});
			submitted.push(Submitted {
				act: NextActId::<Test>::get() - 1,
				kind,
				place,
				event,
				registered,
				residence,
				mother_years: (kind == ActKind::Birth)
					.then_some(subject.map(|_| years(subject_born, event)))
					.flatten(),
				timeliness,
				notified,
				revoked: false,
			});
		}
		// A notification withdrawn: counted nowhere.
		on_day(d(2024, 5, 30), || {
			assert_ok!(CivilEvents::notify_death(
				signed(NURSE),
				d(2024, 5, 29),
				enroll(7, Sex::Male, d(1950, 1, 1)),
				h(0x4d)
			));
			let n = crate::NextNotificationId::<Test>::get() - 1;
			assert_ok!(CivilEvents::withdraw_notification(signed(NURSE), n));
		});
		// Five of Yunusobod's acts revoked (two notified ones among them if there are): out of
		// every table, and their notifications open again.
		for s in submitted.iter_mut().filter(|s| s.place == TK_YUN).step_by(7).take(5) {
			block += 1;
			System::set_block_number(block);
			on_day(d(2026, 1, 10), || {
				assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(s.act)));
			});
			s.revoked = true;
		}

		// The test's own count.
		let mut expected: BTreeMap<(Tabulation, YearMonth, JurisdictionId), u32> = BTreeMap::new();
		let mut add = |table: Tabulation, month: YearMonth, place: JurisdictionId| {
			for j in lineage(place) {
				*expected.entry((table, month, j)).or_default() += 1;
			}
		};
		for s in &submitted {
			if s.notified {
				add(Tabulation::Notified(s.kind), month(s.event), TK_YUN);
				if !s.revoked {
					add(Tabulation::NotifiedRegistered(s.kind), month(s.event), TK_YUN);
				}
			}
			if s.revoked {
				continue;
			}
			add(Tabulation::Registration(s.kind), month(s.registered), s.place);
			// No residence stated: the country.
			add(Tabulation::Residence(s.kind), month(s.event), s.residence.unwrap_or(UZ));
			add(
				Tabulation::Timeliness(s.kind, Timeliness::ALL[s.timeliness]),
				month(s.registered),
				s.place,
			);
			if s.kind == ActKind::Birth {
				let group = AgeGroup::ALL[group_index(s.mother_years)];
				add(Tabulation::MotherAge(group), month(s.event), s.place);
			}
		}
		// The notified births never registered: notified, not followed.
		assert_eq!(never_registered.len(), 2, "the generator notified two births to leave");
		for event in &never_registered {
			add(Tabulation::Notified(ActKind::Birth), month(*event), TK_YUN);
		}

		// 0. By month and place of occurrence (the statistics every release already held): the
		// births and deaths in effect.
		let mut occurred: BTreeMap<(ActKind, YearMonth, JurisdictionId), u32> = BTreeMap::new();
		for s in submitted.iter().filter(|s| !s.revoked) {
			for j in lineage(s.place) {
				*occurred.entry((s.kind, month(s.event), j)).or_default() += 1;
			}
		}
		let stored: BTreeMap<_, _> = crate::Statistics::<Test>::iter()
			.filter(|((kind, ..), _)| matches!(kind, ActKind::Birth | ActKind::Death))
			.collect();
		assert_eq!(stored, occurred);

		// 1. The registry's exact counters are the test's count, cell for cell.
		let stored: BTreeMap<_, _> = Tabulations::<Test>::iter().collect();
		let differ: Vec<_> = stored
			.keys()
			.chain(expected.keys())
			.collect::<std::collections::BTreeSet<_>>()
			.into_iter()
			.filter(|k| stored.get(*k) != expected.get(*k))
			.map(|k| (k, stored.get(k), expected.get(k)))
			.collect();
		assert!(differ.is_empty(), "(cell, stored, counted): {differ:?}");
		assert!(submitted.iter().all(|s| FactsOf::<Test>::contains_key(s.act)));

		// 2. The published tables: every published cell is the test's count and not small;
		// every small non-zero count is withheld; the cross-classified tables stop at regions.
		let policy = DisclosurePolicy { threshold: 4, max_depth: 2, rare_max_depth: 1 };
		let (mut published, mut withheld, mut complements) = (0, 0, 0);
		let mut months = vec![];
		let mut m = YearMonth::new(2024, 1);
		while m <= YearMonth::new(2025, 12) {
			months.push(m);
			m = m.next().unwrap();
		}
		for m in months {
			let tables = CivilEvents::vital_statistics(m, policy).unwrap();
			assert_eq!(tables.len(), Tabulation::all().len());
			for table in tables {
				let depth_ok = |j: JurisdictionId| lineage(j).len() <= 2;
				for cell in &table.cells {
					let exact =
						expected.get(&(table.table, m, cell.jurisdiction)).copied().unwrap_or(0);
					let by_registration = matches!(table.table, Tabulation::Registration(_));
					if table.table.is_cross_classified() || by_registration {
						assert!(depth_ok(cell.jurisdiction), "{:?} below the regions", table.table);
					}
					match cell.count {
						Some(count) => {
							assert_eq!(
								count, exact,
								"{:?} {m:?} {}",
								table.table, cell.jurisdiction
							);
							assert!(count == 0 || count >= policy.threshold);
							published += 1;
						},
						None => {
							withheld += 1;
							if exact == 0 || exact >= policy.threshold {
								complements += 1;
							}
						},
					}
				}
			}
			// Where every age group of a region is published, they add up to its births as
			// the occurrence table publishes them.
			let tables = CivilEvents::vital_statistics(m, policy).unwrap();
			let births = CivilEvents::published_statistics(ActKind::Birth, m, policy).unwrap();
			for region in [UZ, TK, SA] {
				let groups: Option<u32> = tables
					.iter()
					.filter(|t| matches!(t.table, Tabulation::MotherAge(_)))
					.map(|t| t.cells.iter().find(|c| c.jurisdiction == region).unwrap().count)
					.sum();
				let total = births.cells.iter().find(|c| c.jurisdiction == region).unwrap().count;
				if let (Some(groups), Some(total)) = (groups, total) {
					assert_eq!(groups, total);
				}
			}
		}
		// Not a vacuous pass: both kinds of cell, and complements among the withheld.
		assert!(published > 100, "{published} cells published");
		assert!(withheld > 20, "{withheld} cells withheld");
		assert!(complements > 0, "no complementary suppression was needed");
	});
}

#[test]
fn a_residence_that_does_not_exist_is_refused() {
	build_and_execute(|| {
		assert_noop!(
			birth(10).by(REGISTRAR).at(TK_YUN).on(d(2024, 6, 1)).residence(999).register(),
			Error::<Test>::UnknownJurisdiction
		);
		let person = enroll(11, Sex::Male, d(1950, 1, 1));
		assert_noop!(
			death(person)
				.by(REGISTRAR)
				.at(TK_YUN)
				.on(d(2024, 6, 1))
				.residence(999)
				.register(),
			Error::<Test>::UnknownJurisdiction
		);
		// A residence in another region than the place: counted there, the place's lineage
		// not.
		assert_ok!(birth(12)
			.by(REGISTRAR)
			.at(TK_YUN)
			.on(d(2024, 6, 1))
			.residence(SA_SAM)
			.register());
		let residence = Tabulation::Residence(ActKind::Birth);
		let june = YearMonth::new(2024, 6);
		assert_eq!(Tabulations::<Test>::get((residence, june, SA_SAM)), 1);
		assert_eq!(Tabulations::<Test>::get((residence, june, SA)), 1);
		assert_eq!(Tabulations::<Test>::get((residence, june, UZ)), 1);
		assert_eq!(Tabulations::<Test>::get((residence, june, TK_YUN)), 0);
		assert_eq!(Tabulations::<Test>::get((residence, june, TK)), 0);
		// An archive enrollment counts in none of the UN's tables.
		assert!(!FactsOf::<Test>::contains_key(Persons::person(person).unwrap().origin_act));
	});
}

#[test]
fn an_invalid_month_is_refused() {
	build_and_execute(|| {
		assert_eq!(
			CivilEvents::vital_statistics(YearMonth::new(2024, 13), DisclosurePolicy::DEFAULT),
			Err(civil_registry_primitives::StatisticsError::InvalidMonth)
		);
	});
}
