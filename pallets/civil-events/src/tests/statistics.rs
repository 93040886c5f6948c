//! Vital statistics: counted at write time, rolled up by jurisdiction.

use super::builders::*;
use civil_registry_primitives::{DisclosurePolicy, JurisdictionTree};

#[test]
fn districts_roll_up_into_regions_and_the_country() {
	build_and_execute(|| {
		new_child(10, d(2024, 6, 1), None, None);
		new_child(11, d(2024, 6, 2), None, None);
		new_child(12, d(2024, 5, 2), None, None);
		assert_ok!(birth(13)
			.by(SAM_REGISTRAR)
			.at(SA_SAM)
			.on(d(2024, 6, 3))
			.sex(Sex::Male)
			.register());
		let (a, b) = couple();
		marry(a, b, d(2024, 6, 10));
		let june = YearMonth::new(2024, 6);
		let may = YearMonth::new(2024, 5);
		let row = |month, kind, count| MonthlyCount { month, kind, count };
		assert_eq!(
			CivilEvents::statistics(0, Some(ActKind::Birth), may, june),
			Ok(vec![row(may, ActKind::Birth, 1), row(june, ActKind::Birth, 3)])
		);
		assert_eq!(
			CivilEvents::statistics(1, Some(ActKind::Birth), june, june),
			Ok(vec![row(june, ActKind::Birth, 2)])
		);
		assert_eq!(
			CivilEvents::statistics(SA_SAM, None, june, june),
			Ok(vec![row(june, ActKind::Birth, 1)])
		);
		assert_eq!(
			CivilEvents::statistics(TK_YUN, None, june, june),
			Ok(vec![row(june, ActKind::Birth, 2), row(june, ActKind::Marriage, 1)])
		);
		// Across a year boundary, with nothing in most months.
		assert_eq!(
			CivilEvents::statistics(
				0,
				Some(ActKind::Marriage),
				YearMonth::new(2023, 11),
				YearMonth::new(2025, 2)
			),
			Ok(vec![row(june, ActKind::Marriage, 1)])
		);
		// The storage holds one counter per kind, month and jurisdiction, each already
		// rolled up: Yunusobod's two births count for Tashkent (1) and the country (0) too.
		assert_eq!(count(ActKind::Birth, 2024, 6, TK_YUN), 2);
		assert_eq!(count(ActKind::Birth, 2024, 6, 1), 2);
		assert_eq!(count(ActKind::Birth, 2024, 6, 0), 3);
		assert_eq!(count(ActKind::Birth, 2024, 6, TK_CHI), 0);
	});
}

#[test]
fn a_revoked_act_leaves_every_counter_of_its_lineage() {
	build_and_execute(|| {
		let (a, b) = couple();
		marry(a, b, d(2024, 6, 10));
		let marriage = last_act();
		let lineage = [TK_YUN, 1, 0];
		for j in lineage {
			assert_eq!(count(ActKind::Marriage, 2024, 6, j), 1);
		}
		assert_ok!(CivilEvents::approve_revocation(root(), propose_revoke(marriage)));
		for j in lineage {
			assert_eq!(count(ActKind::Marriage, 2024, 6, j), 0);
		}
		// A zero counter is removed, not kept.
		assert_eq!(Statistics::<Test>::iter().filter(|(k, _)| k.0 == ActKind::Marriage).count(), 0);
	});
}

#[test]
fn statistics_errors() {
	build_and_execute(|| {
		let june = YearMonth::new(2024, 6);
		assert_eq!(
			CivilEvents::statistics(77, None, june, june),
			Err(StatisticsError::UnknownJurisdiction)
		);
		assert_eq!(
			CivilEvents::statistics(0, None, YearMonth::new(2024, 13), june),
			Err(StatisticsError::InvalidMonth)
		);
		assert_eq!(
			CivilEvents::statistics(0, None, june, YearMonth::new(2024, 5)),
			Err(StatisticsError::EmptyRange)
		);
		assert_eq!(
			CivilEvents::statistics(0, None, YearMonth::new(2000, 1), YearMonth::new(2010, 1)),
			Err(StatisticsError::RangeTooLong)
		);
		let ten_years = YearMonth::new(2000, 1).months_until(&YearMonth::new(2009, 12));
		assert_eq!(ten_years, MAX_STATISTICS_MONTHS);
		assert_eq!(
			CivilEvents::statistics(0, None, YearMonth::new(2000, 1), YearMonth::new(2009, 12)),
			Ok(vec![])
		);
		assert_eq!(
			CivilEvents::statistics(0, None, YearMonth::new(9999, 12), YearMonth::new(9999, 12)),
			Ok(vec![])
		);
	});
}

#[test]
fn late_registrations_count_once_approved() {
	build_and_execute(|| {
		assert_ok!(birth(11).on(d(2024, 1, 1)).sex(Sex::Male).register());
		assert_eq!(count(ActKind::Birth, 2024, 1, TK_YUN), 0);
		assert_ok!(CivilEvents::approve_late_registration(signed(HEAD), last_act()));
		assert_eq!(count(ActKind::Birth, 2024, 1, TK_YUN), 1);
	});
}

/// Every family of a published table (a jurisdiction and its tabulated children) has no
/// withheld cell or at least two: no withheld count is the parent's minus the others'.
fn no_family_gives_a_cell_away(table: &civil_registry_primitives::PublishedTable) {
	for parent in &table.cells {
		let family: Vec<_> = core::iter::once(parent.jurisdiction)
			.chain(
				table
					.cells
					.iter()
					.filter(|c| {
						<pallet_offices::Pallet<Test> as JurisdictionTree>::parent(c.jurisdiction)
							== Some(parent.jurisdiction)
					})
					.map(|c| c.jurisdiction),
			)
			.collect();
		if family.len() < 2 {
			continue; // a cell without tabulated children is no one's total
		}
		let withheld = table
			.cells
			.iter()
			.filter(|c| family.contains(&c.jurisdiction) && c.count.is_none())
			.count();
		assert!(withheld != 1, "the family of {} has one withheld cell", parent.jurisdiction);
	}
}

#[test]
fn a_district_with_one_adoption_in_a_month_is_never_published() {
	build_and_execute(|| {
		let child = enroll(30, Sex::Male, d(2015, 1, 1));
		let mother = enroll(31, Sex::Female, d(1980, 1, 1));
		assert_ok!(adoption(child).on(d(2024, 3, 10)).document(h(0)).mother(mother).register());
		// The exact counters: one adoption in Yunusobod, Tashkent and the country.
		for jurisdiction in [TK_YUN, 1, 0] {
			assert_eq!(count(ActKind::Adoption, 2024, 3, jurisdiction), 1);
		}
		let policy = DisclosurePolicy::DEFAULT;
		let table =
			CivilEvents::published_statistics(ActKind::Adoption, YearMonth::new(2024, 3), policy)
				.unwrap();
		// A rare kind: the country and its regions only, no district.
		let ids: Vec<_> = table.cells.iter().map(|c| c.jurisdiction).collect();
		assert_eq!(ids, vec![0, 1, 4]);
		// Tashkent's 1 withheld, and with it the country's 1 (the country minus Samarkand's
		// published 0 would give it back).
		let cell = |j| table.cells.iter().find(|c| c.jurisdiction == j).unwrap().count;
		assert_eq!((cell(0), cell(1), cell(4)), (None, None, Some(0)));
		no_family_gives_a_cell_away(&table);
		// Any threshold of at least 2 withholds it.
		let strict = DisclosurePolicy { threshold: 2, ..policy };
		let table =
			CivilEvents::published_statistics(ActKind::Adoption, YearMonth::new(2024, 3), strict)
				.unwrap();
		assert_eq!(table.cells.iter().find(|c| c.jurisdiction == 1).unwrap().count, None);
	});
}

#[test]
fn a_small_district_takes_a_second_one_with_it() {
	build_and_execute(|| {
		// May 2024: 12 births in Yunusobod, 1 in Chilonzor, 11 in Samarkand.
		for day in 0..12u8 {
			assert_ok!(birth(40 + day).on(d(2024, 5, 16 + day)).register());
		}
		assert_ok!(birth(60).by(TK_REGIONAL_REGISTRAR).at(TK_CHI).on(d(2024, 5, 20)).register());
		for day in 0..11u8 {
			assert_ok!(birth(70 + day)
				.by(SAM_REGISTRAR)
				.at(SA_SAM)
				.on(d(2024, 5, 16 + day))
				.register());
		}
		let table = CivilEvents::published_statistics(
			ActKind::Birth,
			YearMonth::new(2024, 5),
			DisclosurePolicy::DEFAULT,
		)
		.unwrap();
		let cell = |j| table.cells.iter().find(|c| c.jurisdiction == j).unwrap().count;
		// Districts are tabulated for births. Chilonzor's 1 is withheld, and Yunusobod's 12
		// with it: Tashkent's 13 minus 12 would give the 1 back.
		assert_eq!(cell(TK_CHI), None);
		assert_eq!(cell(TK_YUN), None);
		assert_eq!(cell(1), Some(13));
		assert_eq!((cell(0), cell(4), cell(SA_SAM)), (Some(24), Some(11), Some(11)));
		no_family_gives_a_cell_away(&table);
		// Not a real month: an error, not a table.
		assert_eq!(
			CivilEvents::published_statistics(
				ActKind::Birth,
				YearMonth::new(2024, 13),
				DisclosurePolicy::DEFAULT
			),
			Err(StatisticsError::InvalidMonth)
		);
	});
}
